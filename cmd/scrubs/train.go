package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/scrubshq/scrubs/internal/training"
	"github.com/scrubshq/scrubs/internal/tui"
)

func init() {
	register(command{"train", "practise with short social-media scenarios; scores and optional export for training records", runTrain})
}

// trainNow is the clock of train sessions (tests fix it).
var trainNow = time.Now

// exitInterrupted is the exit code after Ctrl-C, as a shell reports SIGINT.
const exitInterrupted = 130

const trainUsage = `usage: scrubs train [--role ROLE] [--locale uk|us|au] [--category CAT] [--count N] [--seed N]
                    [--name NAME] [--export FILE.csv|FILE.json] [--export-format csv|json]
       scrubs train --list

On a terminal: Up/Down (or j/k, or a number) to move, Enter to choose, q to stop.
Otherwise answers are read one per line (a number, or q), so a session can be scripted.
--export writes this session's results (name, time, scenario ids, answers, score) for
training records; scrubs stores nothing itself.`

func runTrain(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	role := fs.String("role", "", "show scenarios for this role (doctor, nurse, midwife, student, hca, manager, paramedic, pharmacist…)")
	locale := fs.String("locale", "", "show scenarios for this locale: uk, us or au")
	category := fs.String("category", "", "show scenarios of one risk category (CONFIDENTIALITY, BOUNDARY, …)")
	count := fs.Int("count", 10, "how many scenarios (0 for all that match)")
	seed := fs.Uint64("seed", 0, "order of scenarios; the same seed repeats a session (default: random)")
	name := fs.String("name", "", "your name, for the export")
	export := fs.String("export", "", "write the results to this file (.csv or .json)")
	exportFormat := fs.String("export-format", "", "csv or json (default: from the --export file's extension)")
	list := fs.Bool("list", false, "list the scenarios that match and exit")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, trainUsage)
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) > 0 {
		return exitUsage, usagef("unexpected argument %q", pos[0])
	}
	if *count < 0 {
		return exitUsage, usagef("--count must be 0 or more")
	}
	format, err := trainExportFormat(*export, *exportFormat)
	if err != nil {
		return exitUsage, err
	}
	seeded := false
	fs.Visit(func(f *flag.Flag) { seeded = seeded || f.Name == "seed" })
	if !seeded {
		*seed = uint64(trainNow().UnixNano())
	}
	all, err := training.All()
	if err != nil {
		return exitUsage, err
	}
	f := training.Filter{Role: *role, Locale: *locale, Category: *category, Count: *count, Seed: *seed}
	if *list {
		f.Count = 0
	}
	picked, err := training.Select(all, f)
	if err != nil {
		return exitUsage, usagef("%v", err)
	}
	if *list {
		return exitClean, listScenarios(e.stdout, picked, *seed)
	}

	ss := &training.Session{Name: *name, Started: trainNow().UTC(), Role: *role, Locale: *locale,
		Category: strings.ToUpper(*category), Seed: *seed, Asked: len(picked)}
	var c tui.Chooser
	var term *tui.Terminal
	in, inOK := e.stdin.(*os.File)
	out, outOK := e.stdout.(*os.File)
	if inOK && outOK && tui.IsTerminal(in) && tui.IsTerminal(out) {
		term, err = tui.Open(in, out, tui.ColorAllowed(e.getenv))
		if err != nil {
			return exitUsage, err
		}
		defer term.Close()
		c = term
	} else {
		c = tui.NewLines(e.stdin, e.stdout)
	}

	err = trainLoop(ctx, c, picked, ss, term == nil)
	if term != nil {
		term.Close() // before the summary, so it stays on the screen in plain text
		fmt.Fprint(e.stdout, "\r\x1b[J")
	}
	if errors.Is(err, tui.ErrInterrupt) || ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "scrubs train: interrupted; nothing was exported")
		return exitInterrupted, nil
	}
	if err != nil && !errors.Is(err, tui.ErrQuit) {
		return exitUsage, err
	}
	ss.Finished = trainNow().UTC()
	writeTrainSummary(e.stdout, ss)
	if *export != "" {
		if err := writeTrainExport(*export, format, ss); err != nil {
			return exitUsage, err
		}
		fmt.Fprintf(e.stdout, "\nResults written to %s (name, time, scenario ids, answers and score; scrubs keeps no other record).\n", *export)
	}
	return exitClean, nil
}

// trainExportFormat settles the export format from the flags.
func trainExportFormat(file, format string) (string, error) {
	format = strings.ToLower(format)
	switch format {
	case "", "csv", "json":
	default:
		return "", usagef("unknown --export-format %q (want csv or json)", format)
	}
	if file == "" {
		if format != "" {
			return "", usagef("--export-format needs --export FILE")
		}
		return "", nil
	}
	if format != "" {
		return format, nil
	}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".csv":
		return "csv", nil
	case ".json":
		return "json", nil
	}
	return "", usagef("cannot tell the export format of %q: name it .csv or .json, or give --export-format", file)
}

// trainLoop asks each scenario in turn and shows the feedback.
func trainLoop(ctx context.Context, c tui.Chooser, picked []training.Scenario, ss *training.Session, lineMode bool) error {
	for i, s := range picked {
		head := fmt.Sprintf("scrubs train - %d of %d - %s", i+1, len(picked), s.Category)
		items := make([]string, len(s.Choices))
		for j, ch := range s.Choices {
			items[j] = ch.Text
		}
		screen := tui.Screen{Lines: []tui.Line{
			{Text: head, Style: tui.Title},
			{},
			{Text: s.Title, Style: tui.Bold},
			{},
			{Text: s.Situation},
		}, Items: items}
		if lineMode {
			screen.Lines = append([]tui.Line{{}}, screen.Lines...)
		}
		chosen, err := c.Choose(ctx, screen)
		if err != nil {
			return err
		}
		correct := ss.Record(s, chosen+1)
		fb := feedbackScreen(head, s, chosen, correct)
		if lineMode {
			fb.Lines = append([]tui.Line{{}}, fb.Lines...)
		}
		if i == len(picked)-1 {
			fb.Help = "Enter to see your score"
		}
		if err := c.Show(ctx, fb); err != nil {
			return err
		}
	}
	return nil
}

// feedbackScreen says whether the choice was the best one, why, and the
// guidance behind the scenario.
func feedbackScreen(head string, s training.Scenario, chosen int, correct bool) tui.Screen {
	lines := []tui.Line{{Text: head, Style: tui.Title}, {}}
	if correct {
		lines = append(lines, tui.Line{Text: "Correct - that is the best answer.", Style: tui.Good})
	} else {
		lines = append(lines, tui.Line{Text: "Not the best answer.", Style: tui.Bad})
	}
	ch := s.Choices[chosen]
	lines = append(lines, tui.Line{},
		tui.Line{Text: fmt.Sprintf("You chose %d: %s", chosen+1, ch.Text), Style: tui.Bold},
		tui.Line{Text: ch.Why, Indent: 2})
	if !correct {
		best := s.Choices[s.Best-1]
		lines = append(lines, tui.Line{},
			tui.Line{Text: fmt.Sprintf("Best answer %d: %s", s.Best, best.Text), Style: tui.Bold},
			tui.Line{Text: best.Why, Indent: 2})
	}
	lines = append(lines, tui.Line{}, tui.Line{Text: "Guidance:", Style: tui.Bold})
	for _, c := range s.Cite {
		text := "- " + c.String()
		if u := c.URL(); u != "" {
			text += " <" + u + ">"
		}
		lines = append(lines, tui.Line{Text: text, Indent: 2, Hang: 2})
	}
	return tui.Screen{Lines: lines}
}

// writeTrainSummary prints the score, overall and per category.
func writeTrainSummary(w io.Writer, ss *training.Session) {
	correct, answered := ss.Score()
	fmt.Fprintln(w)
	if answered == 0 {
		fmt.Fprintf(w, "No scenarios answered (0 of %d).\n", ss.Asked)
		return
	}
	fmt.Fprintf(w, "Score: %d of %d (%d%%)", correct, answered, 100*correct/answered)
	if answered < ss.Asked {
		fmt.Fprintf(w, " - stopped after %d of %d scenarios", answered, ss.Asked)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nCATEGORY\tCORRECT")
	for _, cs := range ss.ByCategory() {
		fmt.Fprintf(tw, "%s\t%d of %d\n", cs.Category, cs.Correct, cs.Answered)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nSeed %d: scrubs train --seed %d repeats this set.\n", ss.Seed, ss.Seed)
}

// writeTrainExport writes the session to file, readable by its owner only
// (training records are personal data).
func writeTrainExport(file, format string, ss *training.Session) error {
	var b bytes.Buffer
	var err error
	if format == "json" {
		err = ss.WriteJSON(&b)
	} else {
		err = ss.WriteCSV(&b)
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// listScenarios prints the scenarios that match, in the order a session with
// the same seed would ask them.
func listScenarios(w io.Writer, picked []training.Scenario, seed uint64) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tLOCALES\tROLES\tTITLE")
	for _, s := range picked {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.ID, s.Category, strings.Join(s.Locales, ","), strings.Join(s.Roles, ","), s.Title)
	}
	fmt.Fprintf(tw, "\n%d scenarios (seed %d)\n", len(picked), seed)
	return tw.Flush()
}
