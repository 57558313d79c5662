package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/incident"
	"github.com/scrubshq/scrubs/internal/report"
)

func init() {
	register(command{"incident", "walk through what to do after a post, photo, records access or lost device went wrong", runIncident})
}

const incidentUsage = `usage: scrubs incident [TYPE] [--type TYPE] [--locale uk|us|au] [--answers Q=A,…] [--answers-file F]
                       [--aware 2026-11-24T09:00] [--format text|markdown|json]
       scrubs incident --list

Questions not answered by --answers or --answers-file are asked on standard input, one per
line, by number or by answer.`

func runIncident(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("incident", flag.ContinueOnError)
	typ := fs.String("type", "", "the incident type (see --list)")
	locale := fs.String("locale", "uk", "the law and guidance to follow: uk, us or au")
	answersFlag := fs.String("answers", "", "answers as QUESTION=ANSWER,… (answers by value, label or number)")
	answersFile := fs.String("answers-file", "", "a YAML file of QUESTION: ANSWER lines (may include type:)")
	aware := fs.String("aware", "", "when the organisation became aware, e.g. 2026-11-24T09:00, for absolute deadlines")
	format := fs.String("format", "text", "output format: text, markdown or json")
	list := fs.Bool("list", false, "list the incident types")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, incidentUsage)
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if err := checkFormat(*format, "text", "markdown", "json"); err != nil {
		return exitUsage, err
	}
	lib, err := incident.Embedded()
	if err != nil {
		return exitUsage, err
	}
	if *list {
		return exitClean, writeIncidentTypes(e.stdout, lib, *format)
	}
	opt := incident.Options{Locale: strings.ToLower(strings.TrimSpace(*locale))}
	if *aware != "" {
		if opt.Aware, opt.AwareZone, err = incident.ParseAware(*aware); err != nil {
			return exitUsage, usagef("--aware: %v", err)
		}
	}
	answers := map[string]string{}
	if *answersFile != "" {
		if err := readAnswersFile(*answersFile, answers); err != nil {
			return exitUsage, usageError{err.Error()}
		}
	}
	if err := parseAnswers(*answersFlag, answers); err != nil {
		return exitUsage, err
	}
	switch {
	case len(pos) > 1:
		return exitUsage, usagef("unexpected argument %q; give one incident type", pos[1])
	case len(pos) == 1 && *typ != "" && pos[0] != *typ:
		return exitUsage, usagef("two incident types given: %q and %q", pos[0], *typ)
	case len(pos) == 1:
		*typ = pos[0]
	}
	if *typ == "" {
		*typ = answers["type"]
	}
	delete(answers, "type")
	p := newPrompter(e.stdin, e.stderr)
	var in *incident.Incident
	if *typ == "" {
		var titles []string
		for _, x := range lib.Incidents {
			titles = append(titles, x.Title)
		}
		i, err := p.choose("What happened?", titles, lib.IDs(), "--type "+strings.Join(lib.IDs(), "|"))
		if err != nil {
			return exitUsage, err
		}
		in = &lib.Incidents[i]
	} else if in, err = lib.Incident(*typ); err != nil {
		return exitUsage, usageError{err.Error()}
	}
	plan, err := lib.Plan(in, opt, answers, func(q *incident.Question, problem string) (string, error) {
		if problem != "" {
			fmt.Fprintln(e.stderr, problem)
		}
		labels := make([]string, len(q.Answers))
		for i := range q.Answers {
			labels[i] = q.Answers[i].Display()
		}
		i, err := p.choose(q.Text, labels, q.Values(), "--answers "+q.ID+"="+strings.Join(q.Values(), "|"))
		if err != nil {
			return "", err
		}
		return q.Answers[i].Value, nil
	})
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}
	if len(plan.Unused) > 0 {
		fmt.Fprintf(e.stderr, "scrubs incident: not asked on this path, so not used: %s\n", strings.Join(plan.Unused, ", "))
	}
	switch *format {
	case "json":
		return exitClean, report.WriteAny(e.stdout, plan)
	case "markdown":
		return exitClean, writeString(e.stdout, planMarkdown(plan))
	}
	return exitClean, writeString(e.stdout, planText(plan))
}

// parseAnswers adds QUESTION=ANSWER pairs, separated by commas, to answers.
func parseAnswers(s string, answers map[string]string) error {
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return usagef("--answers: %q is not QUESTION=ANSWER", kv)
		}
		answers[k] = v
	}
	return nil
}

// maxAnswersFile is the largest answers file read.
const maxAnswersFile = 64 << 10

// readAnswersFile reads a YAML mapping of question ids to answers.
func readAnswersFile(name string, answers map[string]string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAnswersFile+1))
	if err != nil {
		return err
	}
	if len(data) > maxAnswersFile {
		return fmt.Errorf("%s: more than %d bytes; an answers file is a short list", name, maxAnswersFile)
	}
	var m map[string]string
	if _, err := advice.Decode(name, data, &m); err != nil {
		return err
	}
	for k, v := range m {
		switch v {
		case "true":
			v = "yes"
		case "false":
			v = "no"
		}
		answers[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	return nil
}

// prompter asks numbered questions in line mode: prompts go to out (standard
// error, so that standard output holds only the result) and answers are read
// one per line from in.
type prompter struct {
	in  *bufio.Reader
	out io.Writer
}

func newPrompter(in io.Reader, out io.Writer) *prompter {
	return &prompter{in: bufio.NewReader(in), out: out}
}

// maxPromptTries is how many unreadable lines one question bears.
const maxPromptTries = 5

// choose prints a question and its numbered options and returns the index
// of the option chosen by number, by its text or by its value (values, when
// not nil, run parallel to options). hint says how to answer without
// standard input, for the error at end of input.
func (p *prompter) choose(question string, options, values []string, hint string) (int, error) {
	for range maxPromptTries {
		var b strings.Builder
		fmt.Fprintf(&b, "\n%s\n", question)
		for i, o := range options {
			fmt.Fprintf(&b, "  %d) %s\n", i+1, o)
		}
		fmt.Fprintf(&b, "answer 1-%d: ", len(options))
		if _, err := io.WriteString(p.out, b.String()); err != nil {
			return 0, err
		}
		line, err := p.in.ReadString('\n')
		if err != nil && (err != io.EOF || strings.TrimSpace(line) == "") {
			if err == io.EOF {
				return 0, usagef("no answer to %q on standard input; answer with %s", question, hint)
			}
			return 0, err
		}
		line = strings.TrimSpace(line)
		var n int
		if _, err := fmt.Sscanf(line, "%d", &n); err == nil && fmt.Sprint(n) == line && n >= 1 && n <= len(options) {
			return n - 1, nil
		}
		for i, o := range options {
			if strings.EqualFold(line, o) || i < len(values) && strings.EqualFold(line, values[i]) {
				return i, nil
			}
		}
		fmt.Fprintf(p.out, "%q is not one of the answers; type a number from 1 to %d\n", line, len(options))
	}
	return 0, usagef("no usable answer to %q after %d tries", question, maxPromptTries)
}

func writeIncidentTypes(w io.Writer, lib *incident.Library, format string) error {
	type row struct {
		Type  string `json:"type"`
		Title string `json:"title"`
	}
	var rows []row
	for _, in := range lib.Incidents {
		rows = append(rows, row{in.ID, in.Title})
	}
	if format == "json" {
		return report.WriteAny(w, rows)
	}
	var b strings.Builder
	for _, r := range rows {
		if format == "markdown" {
			fmt.Fprintf(&b, "- `%s`: %s\n", r.Type, r.Title)
		} else {
			fmt.Fprintf(&b, "  %-18s %s\n", r.Type, r.Title)
		}
	}
	return writeString(w, b.String())
}

func deadlineText(d *incident.PlanDeadline) string {
	s := d.Text
	if d.ByText != "" {
		s += " — by " + d.ByText
	}
	return s
}

func planText(p *incident.Plan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "INCIDENT PLAN: %s\nlocale: %s\n", p.Title, p.Locale)
	if p.Aware != "" {
		fmt.Fprintf(&b, "became aware: %s\n", p.Aware)
	}
	b.WriteString("\n" + wrapText(p.Notice, 78, "") + "\n")
	if len(p.Answers) > 0 {
		b.WriteString("\nYour answers:\n")
		for _, a := range p.Answers {
			b.WriteString(wrapText(a.Text+" — "+a.Label, 78, "  ") + "\n")
		}
	}
	b.WriteString("\nWhat to do:\n")
	for _, s := range p.Steps {
		fmt.Fprintf(&b, "\n%2d. %s  [%s]\n", s.N, s.Title, s.Phase)
		if s.Deadline != nil {
			b.WriteString(wrapText("When: "+deadlineText(s.Deadline), 78, "    ") + "\n")
		}
		b.WriteString(wrapText(s.Text, 78, "    ") + "\n")
		for _, c := range s.Citations {
			b.WriteString(wrapText("Source: "+advice.FormatCitation(c), 78, "    ") + "\n")
		}
	}
	return b.String()
}

func planMarkdown(p *incident.Plan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Incident plan: %s\n\n- Locale: %s\n", p.Title, p.Locale)
	if p.Aware != "" {
		fmt.Fprintf(&b, "- Became aware: %s\n", p.Aware)
	}
	fmt.Fprintf(&b, "\n> %s\n", p.Notice)
	if len(p.Answers) > 0 {
		b.WriteString("\n## Your answers\n\n| Question | Answer |\n|---|---|\n")
		for _, a := range p.Answers {
			fmt.Fprintf(&b, "| %s | %s |\n", mdCell(a.Text), mdCell(a.Label))
		}
	}
	b.WriteString("\n## What to do\n")
	for _, s := range p.Steps {
		fmt.Fprintf(&b, "\n### %d. %s\n\n*%s*", s.N, s.Title, s.Phase)
		if s.Deadline != nil {
			fmt.Fprintf(&b, " · **%s**", deadlineText(s.Deadline))
		}
		fmt.Fprintf(&b, "\n\n%s\n\nSources:\n", s.Text)
		for _, c := range s.Citations {
			b.WriteString("- " + mdCitation(c) + "\n")
		}
	}
	return b.String()
}
