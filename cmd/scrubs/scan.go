package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/archive"
	"github.com/scrubshq/scrubs/internal/batch"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

// scanLine is one line of `scrubs scan --format jsonl`: the fields of
// `scrubs check --format jsonl` plus where the item came from.
type scanLine struct {
	report.Line
	Platform string         `json:"platform"`
	Kind     string         `json:"kind"`
	Date     string         `json:"date,omitempty"`
	URL      string         `json:"url,omitempty"`
	Source   archive.Source `json:"source"`
	Media    []string       `json:"media,omitempty"`
}

// scanSummary is the report of `scrubs scan --format json`.
type scanSummary struct {
	Archive    string         `json:"archive"`
	Format     string         `json:"format"`
	Items      int            `json:"items"`
	Flagged    int            `json:"flagged"`
	ByVerdict  map[string]int `json:"by_verdict"`
	ByCategory map[string]int `json:"by_category"`
	ByYear     map[string]int `json:"by_year"`
	Media      int            `json:"media"`
	Risky      []scanLine     `json:"risky"`
}

func runScan(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	format := fs.String("format", "jsonl", "output: jsonl (one line per item) or json (a summary with the risky items)")
	from := fs.String("from", "", "force the export format instead of detecting it")
	since := fs.String("since", "", "only items on or after this date (YYYY-MM-DD)")
	until := fs.String("until", "", "only items before this date (YYYY-MM-DD)")
	minSev := fs.String("min-severity", "", "only list items with a risk at least this severe: info, low, medium, high or block")
	minConf := fs.Float64("min-confidence", 0, "drop entities below this confidence (default 0.5)")
	pf := addPackFlags(fs)
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs scan [--format jsonl|json] [--from FORMAT] [--since DATE] [--until DATE] [--min-severity S] [--locale …] [--role …] [--pack …] [--config F] PATH")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) != 1 {
		return exitUsage, usagef("give one archive: a .zip as downloaded or an unpacked folder")
	}
	if *format != "jsonl" && *format != "json" {
		return exitUsage, usagef("unknown --format %q (want jsonl or json)", *format)
	}
	var after, before time.Time
	if *since != "" {
		if after, err = time.Parse(time.DateOnly, *since); err != nil {
			return exitUsage, usagef("--since %q: want YYYY-MM-DD", *since)
		}
	}
	if *until != "" {
		if before, err = time.Parse(time.DateOnly, *until); err != nil {
			return exitUsage, usagef("--until %q: want YYYY-MM-DD", *until)
		}
	}
	sevRank := map[string]int{"": -1, "info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}
	minRank, ok := sevRank[*minSev]
	if !ok {
		return exitUsage, usagef("unknown --min-severity %q (want info, low, medium, high or block)", *minSev)
	}
	checker, opts, err := pf.checker(*minConf)
	if err != nil {
		return exitUsage, err
	}
	_ = opts
	fsys, closer, err := archive.Open(pos[0])
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}
	defer closer.Close()
	var rd archive.Reader
	if *from != "" {
		rd, err = archive.ByName(*from)
	} else {
		rd, err = archive.Detect(fsys)
	}
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}

	items := make(chan archive.Item, 64)
	readErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(items)
		readErr <- rd.Read(ctx, fsys, func(it archive.Item) error {
			if !after.IsZero() && (it.Date.IsZero() || it.Date.Before(after)) {
				return nil
			}
			if !before.IsZero() && (it.Date.IsZero() || !it.Date.Before(before)) {
				return nil
			}
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	sum := scanSummary{Archive: pos[0], Format: rd.Name(), ByVerdict: map[string]int{}, ByCategory: map[string]int{}, ByYear: map[string]int{}}
	type checked struct {
		line scanLine
		err  error
	}
	err = batch.Ordered(ctx, 0, items, func(it archive.Item) checked {
		res, err := checker.Check(ctx, it.Text)
		if err != nil {
			if scrubs.IsInputError(err) {
				res = &result.Result{Verdict: result.Safe, Categories: []string{}, Entities: []result.Entity{}, Risks: []result.Risk{}}
			} else {
				return checked{err: err}
			}
		}
		l := scanLine{Line: report.LineOf(nil, res), Platform: it.Platform, Kind: it.Kind, URL: it.URL, Source: it.Source, Media: it.Media}
		if !it.Date.IsZero() {
			l.Date = it.Date.UTC().Format(time.RFC3339)
		}
		return checked{line: l}
	}, func(c checked) error {
		if c.err != nil {
			return c.err
		}
		l := c.line
		sum.Items++
		sum.Media += len(l.Media)
		sum.ByVerdict[string(l.Verdict)]++
		flagged := l.Verdict != result.Safe
		if minRank >= 0 {
			flagged = slices.ContainsFunc(l.Risks, func(r result.Risk) bool { return sevRank[r.Severity] >= minRank })
		}
		if flagged {
			sum.Flagged++
			for _, c := range l.Categories {
				sum.ByCategory[c]++
			}
			if len(l.Date) >= 4 {
				sum.ByYear[l.Date[:4]]++
			}
		}
		if *format == "jsonl" {
			if minRank >= 0 && !flagged {
				return nil
			}
			b, err := json.Marshal(l)
			if err != nil {
				return err
			}
			out.Write(b)
			return out.WriteByte('\n')
		}
		if flagged {
			sum.Risky = append(sum.Risky, l)
		}
		return nil
	})
	if err == nil {
		err = <-readErr
	}
	if err != nil {
		out.Flush()
		return exitUsage, fmt.Errorf("%s: %w", pos[0], err)
	}
	if *format == "json" {
		if err := report.WriteAny(out, sum); err != nil {
			return exitUsage, err
		}
	}
	if err := out.Flush(); err != nil {
		return exitUsage, err
	}
	if sum.Flagged > 0 {
		return exitFound, nil
	}
	return exitClean, nil
}
