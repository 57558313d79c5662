package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/eval"
)

func runEval(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	corpus := fs.String("corpus", "", "the labelled corpus: a file, or a folder for deid")
	corpusFormat := fs.String("corpus-format", "jsonl", "corpus format: "+strings.Join(eval.Formats, ", "))
	format := fs.String("format", "text", "output format: text or json")
	match := fs.String("match", eval.MatchOverlap, "span matching for the headline figures: overlap or exact")
	errorsN := fs.Int("errors", 0, "also list up to N missed and N false entities (text format)")
	minConf := fs.Float64("min-confidence", 0, "drop entities below this confidence (default 0.5)")
	workers := fs.Int("workers", 0, "worker goroutines (default: all cores)")
	pf := addPackFlags(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs eval --corpus PATH [--corpus-format "+strings.Join(eval.Formats, "|")+"] [--format text|json] [--match overlap|exact] [--errors N] [--locale …] [--role …] [--pack …]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if *corpus == "" && len(pos) == 1 {
		*corpus = pos[0]
	} else if len(pos) > 0 {
		return exitUsage, usagef("unexpected argument %q", pos[0])
	}
	if *corpus == "" {
		return exitUsage, usagef("--corpus is required")
	}
	if *format != "text" && *format != "json" {
		return exitUsage, usagef("unknown --format %q (want text or json)", *format)
	}
	if *match != eval.MatchOverlap && *match != eval.MatchExact {
		return exitUsage, usagef("unknown --match %q (want overlap or exact)", *match)
	}
	c, err := eval.Open(*corpus, *corpusFormat)
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}
	checker, copts, err := pf.checker(*minConf)
	if err != nil {
		return exitUsage, err
	}
	chk := evalChecker{newProfiles(checker, copts, pf.chosen())}
	opts := eval.Options{Scheme: c.Scheme, Corpus: c.Path, Match: *match, Workers: *workers}
	if *corpusFormat == eval.FormatDavidson {
		opts.Flags = eval.FlagsByCategory(eval.DavidsonCategories)
		opts.FlagRule = "categories include " + strings.Join(eval.DavidsonCategories, " or ")
	}
	rep, err := eval.Run(ctx, chk, c.Records, opts)
	if err != nil {
		return exitUsage, err
	}
	if *format == "json" {
		return exitClean, rep.WriteJSON(e.stdout)
	}
	if err := rep.WriteText(e.stdout); err != nil {
		return exitUsage, err
	}
	if *errorsN > 0 {
		return exitClean, rep.WriteErrors(e.stdout, *errorsN)
	}
	return exitClean, nil
}

// evalChecker checks each record with the packs of its author's locale and
// role (unless the command line chose packs).
type evalChecker struct{ p *profiles }

func (c evalChecker) Check(ctx context.Context, s string) (eval.Prediction, error) {
	return c.CheckAs(ctx, s, "", "")
}

func (c evalChecker) CheckAs(ctx context.Context, s, locale, role string) (eval.Prediction, error) {
	res, err := c.p.check(ctx, s, locale, role)
	if err != nil {
		if scrubs.IsInputError(err) {
			return eval.Prediction{Verdict: "safe"}, nil
		}
		return eval.Prediction{}, err
	}
	return eval.PredictionOf(res), nil
}
