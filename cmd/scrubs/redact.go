package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/report"
)

func runRedact(ctx context.Context, e *env, args []string) (int, error) {
	if ok, code, err := runRedactImage(ctx, e, args); ok { // a picture: cmd/scrubs/photo.go
		return code, err
	}
	fs := flag.NewFlagSet("redact", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text (the rewritten post and the changes) or json")
	file := fs.String("file", "", "read the post from this file ('-' for stdin)")
	op := fs.String("operator", "generalise", "how identifiers are rewritten: generalise, placeholder, mask or remove")
	minConf := fs.Float64("min-confidence", 0, "drop entities below this confidence (default 0.5)")
	pf := addPackFlags(fs)
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs redact [--operator generalise|placeholder|mask|remove] [--format text|json] [--file F] [TEXT...]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if *format != "text" && *format != "json" {
		return exitUsage, usagef("unknown --format %q (want text or json)", *format)
	}
	checker, _, err := pf.checker(*minConf)
	if err != nil {
		return exitUsage, err
	}
	post, err := readPost(e, pos, *file)
	if err != nil {
		return exitUsage, err
	}
	red, err := checker.Redact(ctx, post, scrubs.Operator(*op))
	if err != nil {
		if scrubs.IsInputError(err) || strings.Contains(err.Error(), "operator") {
			return exitUsage, usageError{err.Error()}
		}
		return exitUsage, err
	}
	if *format == "json" {
		if err := report.WriteAny(e.stdout, red); err != nil {
			return exitUsage, err
		}
	} else {
		var b strings.Builder
		b.WriteString(red.Text)
		b.WriteString("\n\n")
		if len(red.Changes) == 0 {
			b.WriteString("no changes: nothing identifying was found\n")
		}
		for _, c := range red.Changes {
			to := c.To
			if to == "" {
				to = "(removed)"
			}
			fmt.Fprintf(&b, "  %-20q → %-24q %s\n", c.From, to, c.Why)
		}
		fmt.Fprintf(&b, "\nre-check: %s", red.After.Verdict)
		if len(red.After.Categories) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(red.After.Categories, ", "))
		}
		b.WriteString("\n")
		if _, err := e.stdout.Write([]byte(b.String())); err != nil {
			return exitUsage, err
		}
	}
	return exitCode(red.After), nil
}
