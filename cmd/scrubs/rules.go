package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/rules"
)

func runRules(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text or json")
	listPacks := fs.Bool("packs", false, "list the packs instead of the rules")
	pf := addPackFlags(fs)
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs rules [--packs] [--locale uk|us|au] [--role ROLE] [--pack P,…] [--config F] [--format text|json]\n       scrubs rules explain ID")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if *format != "text" && *format != "json" {
		return exitUsage, usagef("unknown --format %q (want text or json)", *format)
	}
	checker, _, err := pf.checker(0)
	if err != nil {
		return exitUsage, err
	}
	set := checker.Rules()
	if *listPacks {
		return exitClean, writePacks(e, set, *format)
	}
	if len(pos) > 0 && pos[0] == "explain" {
		if len(pos) != 2 {
			return exitUsage, usagef("usage: scrubs rules explain ID")
		}
		r := set.Rule(strings.ToUpper(pos[1]))
		if r == nil {
			return exitUsage, usagef("no active rule %q (list them with `scrubs rules`)", pos[1])
		}
		if *format == "json" {
			return exitClean, report.WriteAny(e.stdout, ruleJSON(r, true))
		}
		return exitClean, explainRule(e, r)
	}
	if len(pos) > 0 {
		return exitUsage, usagef("unexpected argument %q (did you mean `scrubs rules explain %s`?)", pos[0], pos[0])
	}
	if *format == "json" {
		var out []ruleOut
		for _, r := range set.Rules {
			out = append(out, ruleJSON(r, false))
		}
		return exitClean, report.WriteAny(e.stdout, map[string]any{"packs": set.Packs, "rules": out})
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "packs: %s\n\n", strings.Join(set.Packs, ", "))
	fmt.Fprintln(tw, "RULE\tSEVERITY\tCATEGORY\tPACK\tTITLE")
	for _, r := range set.Rules {
		sev := r.Severity.String()
		if r.SeverityFromTerms {
			sev = "by term"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, sev, r.Category, r.Pack, r.Title)
	}
	fmt.Fprintf(tw, "\n%d rules; `scrubs rules explain ID` shows one with its citations and examples\n", len(set.Rules))
	return exitClean, tw.Flush()
}

// ruleOut is a rule as `scrubs rules --format json` shows it.
type ruleOut struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Category  string          `json:"category"`
	Severity  string          `json:"severity"`
	Kind      string          `json:"kind"`
	Pack      string          `json:"pack"`
	Message   string          `json:"message,omitempty"`
	Fix       string          `json:"fix,omitempty"`
	When      []string        `json:"when,omitempty"`
	Unless    []string        `json:"unless,omitempty"`
	Citations any             `json:"citations"`
	Examples  *rules.Examples `json:"examples,omitempty"`
}

func ruleJSON(r *rules.RuleDef, full bool) ruleOut {
	sev := r.Severity.String()
	if r.SeverityFromTerms {
		sev = "terms"
	}
	o := ruleOut{ID: r.ID, Title: r.Title, Category: r.Category, Severity: sev, Kind: r.Kind, Pack: r.Pack, Citations: r.Citations}
	if full {
		o.Message, o.Fix = r.Source.Message, r.Source.Fix
		o.When, o.Unless = r.Source.When, r.Source.Unless
		ex := r.Examples
		o.Examples = &ex
	}
	return o
}

func explainRule(e *env, r *rules.RuleDef) error {
	var b strings.Builder
	sev := r.Severity.String()
	if r.SeverityFromTerms {
		sev = "that of the term matched"
	}
	fmt.Fprintf(&b, "%s  %s\n", r.ID, r.Title)
	cat := r.Category
	if r.Kind == "model" {
		cat = "the one the post model rates highest"
	}
	fmt.Fprintf(&b, "  category:  %s\n  severity:  %s\n  kind:      %s\n  pack:      %s (%s:%d)\n", cat, sev, r.Kind, r.Pack, r.File, r.Line)
	if m := r.Source.Model; m != nil {
		fmt.Fprintf(&b, "  asked when: no other rule flags the post and one of %s holds\n", strings.Join(m.WhenAny, ", "))
	}
	if len(r.Source.When) > 0 {
		fmt.Fprintf(&b, "  when:      %s\n", strings.Join(r.Source.When, ", "))
	}
	if len(r.Source.Unless) > 0 {
		fmt.Fprintf(&b, "  unless:    %s\n", strings.Join(r.Source.Unless, ", "))
	}
	fmt.Fprintf(&b, "  message:   %s\n  fix:       %s\n", r.Source.Message, r.Source.Fix)
	if m := r.Source.Model; m != nil {
		for _, c := range rules.Categories {
			if f, ok := m.Fixes[c]; ok {
				fmt.Fprintf(&b, "  fix, %s: %s\n", c, f)
			}
		}
	}
	b.WriteString("\ncitations:\n")
	for _, c := range r.Citations {
		s := "  - " + c.Document
		if c.Year != 0 {
			s += fmt.Sprintf(" (%d)", c.Year)
		}
		if c.Paragraph != "" {
			s += ", " + c.Paragraph
		}
		if c.Unverified {
			s += "  [paragraph not yet verified]"
		}
		if c.URL != "" {
			s += "\n    " + c.URL
		}
		b.WriteString(s + "\n")
	}
	b.WriteString("\nflags, for example:\n")
	for _, x := range r.Examples.Trigger {
		fmt.Fprintf(&b, "  + %s\n", x)
	}
	b.WriteString("leaves alone, for example:\n")
	for _, x := range r.Examples.Quiet {
		fmt.Fprintf(&b, "  - %s\n", x)
	}
	_, err := e.stdout.Write([]byte(b.String()))
	return err
}

func writePacks(e *env, set *rules.Set, format string) error {
	lib, err := rules.Embedded()
	if err != nil {
		return err
	}
	if format == "json" {
		var out []map[string]any
		for _, name := range lib.Order {
			p := lib.Packs[name]
			out = append(out, map[string]any{"pack": name, "title": p.Title, "locales": p.Locales, "roles": p.Roles, "active": contains(set.Packs, name)})
		}
		return report.WriteAny(e.stdout, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PACK\tACTIVE\tLOCALES\tROLES\tTITLE")
	for _, name := range lib.Order {
		p := lib.Packs[name]
		active := ""
		if contains(set.Packs, name) {
			active = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, active, strings.Join(p.Locales, ","), strings.Join(p.Roles, ","), p.Title)
	}
	return tw.Flush()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
