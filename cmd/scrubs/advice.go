package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

func init() {
	register(command{"advice", "general advice on social media for healthcare staff, with its sources", runAdvice})
}

func runAdvice(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("advice", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text, markdown or json")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs advice [ID] [--format text|markdown|json]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if err := checkFormat(*format, "text", "markdown", "json"); err != nil {
		return exitUsage, err
	}
	points, err := advice.EmbeddedAdvice()
	if err != nil {
		return exitUsage, err
	}
	if len(pos) > 1 {
		return exitUsage, usagef("unexpected argument %q; give at most one advice id", pos[1])
	}
	if len(pos) == 1 {
		var ids []string
		var found []advice.Point
		for _, p := range points {
			ids = append(ids, p.ID)
			if p.ID == strings.ToLower(pos[0]) {
				found = append(found, p)
			}
		}
		if len(found) == 0 {
			return exitUsage, usagef("no advice %q%s; ids: %s", pos[0], advice.DidYouMean(pos[0], ids), strings.Join(ids, ", "))
		}
		points = found
	}
	switch *format {
	case "json":
		return exitClean, report.WriteAny(e.stdout, points)
	case "markdown":
		var b strings.Builder
		b.WriteString("# Using social media as a healthcare professional\n")
		for _, p := range points {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n\nSources:\n", p.Title, p.Text)
			for _, c := range p.Citations {
				b.WriteString("- " + mdCitation(c) + "\n")
			}
		}
		return exitClean, writeString(e.stdout, b.String())
	}
	var b strings.Builder
	for i, p := range points {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s  (%s)\n%s\n", strings.ToUpper(p.Title), p.ID, wrapText(p.Text, 78, "  "))
		for _, c := range p.Citations {
			b.WriteString(wrapText("Source: "+advice.FormatCitation(c), 78, "  ") + "\n")
		}
	}
	return exitClean, writeString(e.stdout, b.String())
}

// checkFormat refuses a --format value not among allowed.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usagef("unknown --format %q (want %s)", format, strings.Join(allowed, ", "))
}

func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

// wrapText wraps s at width columns, each line starting with indent.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, w := range strings.Fields(s) {
		if len(line) > len(indent) && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += w
	}
	b.WriteString(line)
	return b.String()
}

// mdCell escapes a table cell for Markdown.
func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// mdCitation writes a citation for a Markdown list, linked when it has a URL.
func mdCitation(c result.Citation) string {
	s := advice.FormatCitation(c)
	if c.URL != "" {
		s += " — <" + c.URL + ">"
	}
	return s
}
