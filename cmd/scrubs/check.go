package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/batch"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

func runCheck(ctx context.Context, e *env, args []string) (int, error) {
	if ok, code, err := runCheckImage(ctx, e, args); ok { // a picture: cmd/scrubs/photo.go
		return code, err
	}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text, json or jsonl (jsonl reads JSON Lines on stdin)")
	file := fs.String("file", "", "read the post from this file ('-' for stdin)")
	minConf := fs.Float64("min-confidence", 0, "drop entities below this confidence (default 0.5)")
	colourFlag := fs.String("color", "auto", "colour in text output: auto, always or never (NO_COLOR is honoured)")
	history := fs.String("history", "", "JSON Lines of your earlier posts ({\"text\": …} a line): details spread over several posts count together")
	pf := addPackFlags(fs)
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs check [--format text|json|jsonl] [--locale uk|us|au] [--role ROLE] [--pack P,…] [--config F] [--ignore F] [--history F] [--file F] [TEXT...]\n       scrubs check PHOTO.jpg [--caption TEXT] [--no-ocr] [--format text|json]: a picture and its caption")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if *minConf < 0 || *minConf > 1 {
		return exitUsage, usagef("--min-confidence must be between 0 and 1")
	}
	checker, opts, err := pf.checker(*minConf)
	if err != nil {
		return exitUsage, err
	}

	switch *format {
	case "jsonl":
		if len(pos) > 0 || *file != "" {
			return exitUsage, usagef("--format jsonl reads JSON Lines on stdin; give no text or --file")
		}
		if *history != "" {
			return exitUsage, usagef("--history goes with one post, not --format jsonl")
		}
		return checkJSONL(ctx, e, newProfiles(checker, opts, pf.chosen()))
	case "text", "json":
	default:
		return exitUsage, usagef("unknown --format %q (want text, json or jsonl)", *format)
	}

	post, err := readPost(e, pos, *file)
	if err != nil {
		return exitUsage, err
	}
	var res *scrubs.Result
	if *history != "" {
		var earlier []string
		if earlier, err = readHistory(*history); err != nil {
			return exitUsage, err
		}
		res, err = checker.CheckWithHistory(ctx, post, earlier)
	} else {
		res, err = checker.Check(ctx, post)
	}
	if err != nil {
		if scrubs.IsInputError(err) {
			return exitUsage, usageError{err.Error()}
		}
		return exitUsage, err
	}
	if *format == "json" {
		err = report.WriteJSON(e.stdout, res)
	} else {
		err = report.WriteText(e.stdout, post, res, useColour(e, *colourFlag))
	}
	if err != nil {
		return exitUsage, err
	}
	return exitCode(res), nil
}

// exitCode is 1 when the verdict is not safe, 0 otherwise.
func exitCode(r *result.Result) int {
	if r.Verdict != result.Safe {
		return exitFound
	}
	return exitClean
}

func useColour(e *env, mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb" {
		return false
	}
	return e.isTerminal(e.stdout)
}

// readPost takes the post from the arguments, a file, or stdin, refusing
// more than scrubs.MaxTextBytes without reading it all into memory.
func readPost(e *env, pos []string, file string) (string, error) {
	if len(pos) > 0 && file != "" {
		return "", usagef("give the post as arguments or --file, not both")
	}
	if len(pos) > 0 {
		return strings.Join(pos, " "), nil
	}
	var r io.Reader = e.stdin
	name := "stdin"
	if file != "" && file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return "", usageError{err.Error()}
		}
		defer f.Close()
		r, name = f, file
	}
	data, err := io.ReadAll(io.LimitReader(r, scrubs.MaxTextBytes+1))
	if err != nil {
		return "", usagef("reading %s: %v", name, err)
	}
	if len(data) > scrubs.MaxTextBytes {
		return "", usagef("%s is larger than %d MiB: check one post at a time, or use --format jsonl for many", name, scrubs.MaxTextBytes>>20)
	}
	if !utf8.Valid(data) {
		return "", usagef("%s is not valid UTF-8 text", name)
	}
	return string(data), nil
}

// jsonlInput is one line of `scrubs check --format jsonl` input.
type jsonlInput struct {
	ID         any    `json:"id"`
	Text       string `json:"text"`
	Locale     string `json:"locale,omitempty"`
	Platform   string `json:"platform,omitempty"`
	AuthorRole string `json:"author_role,omitempty"`
}

type jsonlItem struct {
	line int
	data []byte
	err  error
}

// checkJSONL reads JSON Lines on stdin and writes exactly one line per input
// line, in order, checking on all cores. A line that cannot be checked gets an
// error line and the stream goes on.
func checkJSONL(ctx context.Context, e *env, checker *profiles) (int, error) {
	items := make(chan jsonlItem, 64)
	readErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(items)
		readErr <- readLines(ctx, e.stdin, scrubs.MaxTextBytes+4096, items)
	}()
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	found := false
	err := batch.OrderedChunks(ctx, 0, items, func(its []jsonlItem) []checkedLine {
		return checkLines(ctx, checker, its)
	}, func(l checkedLine) error {
		found = found || l.found
		if l.big != nil {
			return report.WriteLine(out, *l.big)
		}
		_, err := out.Write(l.json)
		return err
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return exitUsage, err
	}
	if rerr := <-readErr; rerr != nil {
		return exitUsage, rerr
	}
	if found {
		return exitFound, nil
	}
	return exitClean, nil
}

// checkedLine is the output line for one input line: encoded by the
// worker, or, for a result too large to hold encoded, encoded as it is
// written.
type checkedLine struct {
	json  []byte
	big   *report.Line
	found bool // the verdict is not safe
}

// streamAbove is the number of entities and risk spans above which a
// result is streamed by the writer rather than encoded whole by a worker
// (about 100 KB of JSON).
const streamAbove = 1000

// checkLines checks a chunk of input lines: it parses each, checks the
// posts of each checker (locale and role) together with CheckBatch, and
// encodes one output line per input line, in order.
func checkLines(ctx context.Context, checker *profiles, items []jsonlItem) []checkedLine {
	outs := make([]checkedLine, len(items))
	ins := make([]jsonlInput, len(items))
	checkers := make([]*scrubs.Checker, len(items)) // nil for a line that did not parse
	for i, it := range items {
		in, msg := parseLine(it)
		if msg != "" {
			outs[i] = errorLine(nil, it.line, msg)
			continue
		}
		ins[i] = in
		checkers[i] = checker.get(in.Locale, in.AuthorRole)
	}
	for _, idx := range batch.Groups(len(items), func(i int) (*scrubs.Checker, bool) { return checkers[i], checkers[i] != nil }) {
		c := checkers[idx[0]]
		texts := make([]string, len(idx))
		for k, i := range idx {
			texts[k] = ins[i].Text
		}
		for k, o := range c.CheckBatch(ctx, texts) {
			i := idx[k]
			if o.Err != nil {
				outs[i] = errorLine(ins[i].ID, items[i].line, o.Err.Error())
				continue
			}
			outs[i] = encodeLine(ins[i].ID, items[i].line, o.Result)
		}
	}
	return outs
}

// parseLine decodes one input line, or says why it cannot be checked.
func parseLine(it jsonlItem) (jsonlInput, string) {
	var in jsonlInput
	if it.err != nil {
		return in, it.err.Error()
	}
	if !utf8.Valid(it.data) {
		return in, "line is not valid UTF-8"
	}
	dec := json.NewDecoder(bytes.NewReader(it.data))
	if err := dec.Decode(&in); err != nil {
		return in, "not a JSON object: " + err.Error()
	}
	if dec.More() {
		return in, "more than one JSON value on the line"
	}
	return in, ""
}

// errorLine is the output line of an input line that could not be checked.
func errorLine(id any, line int, msg string) checkedLine {
	b, _ := report.MarshalLine(report.ErrorLine{ID: id, Line: line, Error: msg})
	return checkedLine{json: b}
}

// encodeLine is the output line of a checked post: encoded here, or left to
// the writer when the result is too large to hold encoded.
func encodeLine(id any, lineNo int, res *result.Result) checkedLine {
	line := report.LineOf(id, res)
	if size(res) > streamAbove {
		return checkedLine{big: &line, found: res.Verdict != result.Safe}
	}
	b, err := report.MarshalLine(line)
	if err != nil {
		return errorLine(id, lineNo, err.Error())
	}
	return checkedLine{json: b, found: res.Verdict != result.Safe}
}

// size counts a result's entities and risk spans.
func size(r *result.Result) int {
	n := len(r.Entities)
	for _, k := range r.Risks {
		n += len(k.Spans)
	}
	return n
}

// readLines splits r into lines (blank lines skipped, line numbers kept) and
// sends them on out. A line longer than max is reported as an error item and
// skipped without being held in memory.
func readLines(ctx context.Context, r io.Reader, max int, out chan<- jsonlItem) error {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	for {
		n++
		line, tooLong, err := readLine(br, max)
		if len(line) == 0 && !tooLong && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading stdin line %d: %w", n, err)
		}
		var it jsonlItem
		switch {
		case tooLong:
			it = jsonlItem{line: n, err: fmt.Errorf("line longer than %d MiB", max>>20)}
		case len(bytes.TrimSpace(line)) == 0:
			if err == io.EOF {
				return nil
			}
			continue
		default:
			it = jsonlItem{line: n, data: line}
		}
		select {
		case out <- it:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its newline. When the line exceeds max it
// discards the rest and reports tooLong.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, tooLong, err
	}
}
