package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

// maxImageFileBytes bounds a picture read from disk (the library refuses
// more than its own limit too).
const maxImageFileBytes = 64 << 20

// imageArg returns the picture named by the arguments of check or redact —
// the --file value or a positional argument naming a file that starts with
// an image's magic bytes — or "" when none does.
func imageArg(args []string) string {
	var cands []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			cands = append(cands, args[i+1:]...)
			i = len(args)
		case a == "--file" || a == "-file":
			if i+1 < len(args) {
				cands = append(cands, args[i+1])
				i++
			}
		case strings.HasPrefix(a, "--file=") || strings.HasPrefix(a, "-file="):
			cands = append(cands, a[strings.IndexByte(a, '=')+1:])
		case !strings.HasPrefix(a, "-"):
			cands = append(cands, a)
		}
	}
	for _, c := range cands {
		if isImageFile(c) {
			return c
		}
	}
	return ""
}

// isImageFile reports whether name is a regular file starting like a picture.
func isImageFile(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	return scrubs.IsImage(head[:n])
}

// readImage reads a picture file, refusing one over maxImageFileBytes.
func readImage(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImageFileBytes+1))
	if err != nil {
		return nil, usagef("reading %s: %v", name, err)
	}
	if len(data) > maxImageFileBytes {
		return nil, usagef("%s is larger than %d MiB", name, maxImageFileBytes>>20)
	}
	return data, nil
}

// imageFlags are the flags of check and redact on a picture.
type imageFlags struct {
	fs                 *flag.FlagSet
	format, file, capt *string
	noOCR              *bool
	minConf, maxMP     *float64
	pf                 *packFlags
}

func newImageFlags(name, formatHelp string) *imageFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	return &imageFlags{
		fs:      fs,
		format:  fs.String("format", "text", formatHelp),
		file:    fs.String("file", "", "the picture (JPEG, PNG, GIF or WebP)"),
		capt:    fs.String("caption", "", "the text posted with the picture, judged with it"),
		noOCR:   fs.Bool("no-ocr", false, "do not read text in the picture (Tesseract)"),
		minConf: fs.Float64("min-confidence", 0, "drop entities below this confidence (default 0.5)"),
		maxMP:   fs.Float64("max-megapixels", 50, "refuse pictures larger than this, before decoding"),
		pf:      addPackFlags(fs),
	}
}

// parse parses args and returns the picture's path and the checker.
func (f *imageFlags) parse(e *env, args []string, usage string) (string, *scrubs.Checker, error) {
	f.fs.Usage = func() {}
	pos, err := parseFlags(f.fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, usage)
			f.fs.SetOutput(e.stderr)
			f.fs.PrintDefaults()
		}
		return "", nil, err
	}
	if *f.format != "text" && *f.format != "json" {
		return "", nil, usagef("unknown --format %q (want text or json)", *f.format)
	}
	if *f.minConf < 0 || *f.minConf > 1 {
		return "", nil, usagef("--min-confidence must be between 0 and 1")
	}
	if *f.maxMP <= 0 {
		return "", nil, usagef("--max-megapixels must be positive")
	}
	name := *f.file
	if name == "" && len(pos) > 0 {
		name, pos = pos[0], pos[1:]
	}
	if len(pos) > 0 {
		return "", nil, usagef("give one picture; put the text posted with it in --caption")
	}
	checker, _, err := f.pf.checker(*f.minConf)
	return name, checker, err
}

func (f *imageFlags) options() scrubs.ImageOptions {
	return scrubs.ImageOptions{Caption: *f.capt, NoOCR: *f.noOCR, MaxPixels: int64(*f.maxMP * 1e6)}
}

// imageError turns a library error about the picture into a usage error.
func imageError(name string, err error) error {
	if scrubs.IsInputError(err) {
		return usagef("%s: %v", name, err)
	}
	return err
}

// runCheckImage runs `scrubs check PICTURE [--caption TEXT]` when the
// arguments name a picture; handled is false otherwise.
func runCheckImage(ctx context.Context, e *env, args []string) (handled bool, code int, err error) {
	if imageArg(args) == "" {
		return false, 0, nil
	}
	f := newImageFlags("check", "output format: text or json")
	name, checker, err := f.parse(e, args, "usage: scrubs check [--caption TEXT] [--no-ocr] [--format text|json] [--locale uk|us|au] [--role ROLE] PICTURE")
	if err != nil {
		return true, exitUsage, err
	}
	data, err := readImage(name)
	if err != nil {
		return true, exitUsage, err
	}
	res, err := checker.CheckImageWith(ctx, data, f.options())
	if err != nil {
		return true, exitUsage, imageError(name, err)
	}
	if *f.format == "json" {
		err = report.WriteAny(e.stdout, res)
	} else {
		_, err = io.WriteString(e.stdout, imageText(name, *f.capt, res))
	}
	if err != nil {
		return true, exitUsage, err
	}
	return true, exitCode(&res.Result), nil
}

// runRedactImage runs `scrubs redact PICTURE -o SAFE` when the arguments
// name a picture; handled is false otherwise.
func runRedactImage(ctx context.Context, e *env, args []string) (handled bool, code int, err error) {
	if imageArg(args) == "" {
		return false, 0, nil
	}
	f := newImageFlags("redact", "output format: text (what changed) or json")
	out := f.fs.String("o", "", "write the safe copy here (required)")
	f.fs.StringVar(out, "output", "", "same as -o")
	name, checker, err := f.parse(e, args, "usage: scrubs redact PICTURE -o SAFE [--no-ocr] [--format text|json]")
	if err != nil {
		return true, exitUsage, err
	}
	if *out == "" {
		return true, exitUsage, usagef("give -o FILE: where to write the safe copy")
	}
	data, err := readImage(name)
	if err != nil {
		return true, exitUsage, err
	}
	safe, red, err := checker.RedactImage(ctx, data, f.options())
	if err != nil {
		return true, exitUsage, imageError(name, err)
	}
	if err := os.WriteFile(*out, safe, 0o644); err != nil {
		return true, exitUsage, err
	}
	if *f.format == "json" {
		err = report.WriteAny(e.stdout, red)
	} else {
		_, err = io.WriteString(e.stdout, redactionText(*out, red))
	}
	if err != nil {
		return true, exitUsage, err
	}
	return true, exitCode(&red.After.Result), nil
}

// imageText is the text report of a checked picture.
func imageText(name, caption string, r *scrubs.ImageResult) string {
	var b strings.Builder
	im := r.Image
	fmt.Fprintf(&b, "%s: %s %d×%d, %d %s", name, im.Format, im.Width, im.Height, im.Faces, report.Plural(im.Faces, "face", "faces"))
	if im.OCR {
		fmt.Fprintf(&b, ", %d %s read", im.Words, report.Plural(im.Words, "word", "words"))
	}
	if im.Metadata {
		b.WriteString(", has metadata")
	}
	fmt.Fprintf(&b, "\nverdict: %s", r.Verdict)
	if len(r.Categories) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(r.Categories, ", "))
	}
	b.WriteString("\n")
	var inPic, inCap []result.Entity
	for _, e := range r.Entities {
		if e.Source != "" {
			inPic = append(inPic, e)
		} else {
			inCap = append(inCap, e)
		}
	}
	if len(inPic) > 0 {
		b.WriteString("\nin the picture:\n")
		for _, e := range inPic {
			at := ""
			if e.Box != nil {
				at = fmt.Sprintf("at %d,%d %d×%d", e.Box.X, e.Box.Y, e.Box.W, e.Box.H)
			}
			fmt.Fprintf(&b, "  %-12s %-26q %4.2f  %-22s %-5s %s\n", e.Type, e.Text, e.Confidence, at, e.Source, e.Reason)
		}
	}
	if len(inCap) > 0 {
		b.WriteString("\nin the caption:\n")
		for _, e := range inCap {
			fmt.Fprintf(&b, "  %-12s %-26q %4.2f  %d-%d  %s\n", e.Type, e.Text, e.Confidence, e.Start, e.End, e.Reason)
		}
	}
	if len(r.Risks) > 0 {
		b.WriteString("\nrisks:\n")
	}
	for _, k := range r.Risks {
		fmt.Fprintf(&b, "  [%s] %s %s (confidence %.2f)\n    %s\n    fix: %s\n", k.Severity, k.Rule, k.Title, k.Confidence, k.Message, k.Fix)
		if len(k.Citations) > 0 {
			fmt.Fprintf(&b, "    guidance: %s\n", report.Citations(k.Citations, 3))
		}
		if len(k.Spans) > 0 && caption != "" {
			sp := k.Spans[0]
			if sp.Start >= 0 && sp.End <= len(caption) && sp.Start <= sp.End {
				fmt.Fprintf(&b, "    caption: %q\n", caption[sp.Start:sp.End])
			}
		}
		fmt.Fprintf(&b, "    fingerprint: %s\n", k.Fingerprint)
	}
	for _, w := range im.Warnings {
		fmt.Fprintf(&b, "\nwarning: %s", w)
	}
	if len(im.Warnings) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// redactionText is the text report of a redacted picture.
func redactionText(out string, red *scrubs.ImageRedaction) string {
	var b bytes.Buffer
	im := red.After.Image
	fmt.Fprintf(&b, "wrote %s (%s %d×%d)\n", out, red.Format, im.Width, im.Height)
	if len(red.Changes) == 0 {
		b.WriteString("no changes: no face, readable identifier or metadata was found\n")
	}
	for _, c := range red.Changes {
		at := ""
		if c.Box != nil {
			at = fmt.Sprintf("%d,%d %d×%d", c.Box.X, c.Box.Y, c.Box.W, c.Box.H)
		}
		fmt.Fprintf(&b, "  %-9s %-20s %s\n", c.Action, at, c.Why)
	}
	fmt.Fprintf(&b, "\nre-check of the copy: %s", red.After.Verdict)
	if len(red.After.Categories) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(red.After.Categories, ", "))
	}
	b.WriteString("\nlook at the copy before posting: faces turned away or small, and text the reader missed, are not covered\n")
	for _, w := range red.Before.Image.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}
