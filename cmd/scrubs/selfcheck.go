package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/selfcheck"
)

func init() {
	register(command{"selfcheck", "a private six-question check of your social media use (not a diagnosis; nothing is stored)", runSelfcheck})
}

func runSelfcheck(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("selfcheck", flag.ContinueOnError)
	answers := fs.String("answers", "", "six answers, 1 (very rarely) to 5 (very often), e.g. 1,2,3,4,5,1")
	locale := fs.String("locale", "", "where you are, for where to get help: uk, us or au (default: all)")
	format := fs.String("format", "text", "output format: text or json")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs selfcheck [--answers 1,2,3,4,5,1] [--locale uk|us|au] [--format text|json]\n\nWithout --answers the questions are asked on standard input. Nothing is stored or written.")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) > 0 {
		return exitUsage, usagef("unexpected argument %q", pos[0])
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return exitUsage, err
	}
	loc := strings.ToLower(strings.TrimSpace(*locale))
	if loc != "" && !slices.Contains(advice.Locales, loc) {
		return exitUsage, usagef("unknown --locale %q (want %s)", *locale, strings.Join(advice.Locales, ", "))
	}
	c, err := selfcheck.Embedded()
	if err != nil {
		return exitUsage, err
	}
	var scores []int
	if *answers != "" {
		if scores, err = c.ParseAnswers(*answers); err != nil {
			return exitUsage, usagef("--answers: %v", err)
		}
	} else {
		fmt.Fprintf(e.stderr, "%s\n\n%s\n", strings.ToUpper(c.Title), wrapText(c.Notice, 78, ""))
		p := newPrompter(e.stdin, e.stderr)
		labels := make([]string, len(c.Scale))
		for i, s := range c.Scale {
			labels[i] = s.Label
		}
		for i, it := range c.Items {
			q := fmt.Sprintf("%d/%d. %s %s", i+1, len(c.Items), c.Period, strings.TrimPrefix(it.Text, "…"))
			n, err := p.choose(q, labels, nil, "--answers 1,2,3,4,5,1")
			if err != nil {
				return exitUsage, err
			}
			scores = append(scores, n+1)
		}
	}
	r, err := c.Score(scores, loc)
	if err != nil {
		return exitUsage, err
	}
	if *format == "json" {
		return exitClean, report.WriteAny(e.stdout, r)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — NOT A DIAGNOSIS\n\n", strings.ToUpper(r.Title))
	for _, a := range r.Answers {
		fmt.Fprintf(&b, "  %-18s %d  %s\n", a.Component, a.Score, a.Label)
	}
	fmt.Fprintf(&b, "  %-18s %d of 30\n\n%s\n\nScreening thresholds:\n", "total", r.Total, wrapText(r.Summary, 78, ""))
	for _, t := range r.Thresholds {
		mark := "not reached"
		if t.Reached {
			mark = "REACHED"
		}
		b.WriteString(wrapText(fmt.Sprintf("[%s] %s", mark, t.Description), 78, "  ") + "\n")
		for _, cit := range t.Citations {
			b.WriteString(wrapText("Source: "+advice.FormatCitation(cit), 78, "      ") + "\n")
		}
	}
	b.WriteString("\nWhere to get help:\n")
	for _, s := range r.Signposts {
		b.WriteString(wrapText(strings.ToUpper(s.Locale)+": "+s.Text, 78, "  ") + "\n")
	}
	b.WriteString("\n" + wrapText(r.Notice, 78, "") + "\n")
	for _, cit := range r.Citations {
		b.WriteString(wrapText("Source: "+advice.FormatCitation(cit), 78, "") + "\n")
	}
	return exitClean, writeString(e.stdout, b.String())
}
