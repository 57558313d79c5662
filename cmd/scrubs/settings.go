package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/report"
)

func init() {
	register(command{"settings", "the privacy settings to review on a platform: scrubs settings facebook", runSettings})
}

func runSettings(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("settings", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text, markdown or json")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs settings PLATFORM [--format text|markdown|json]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if err := checkFormat(*format, "text", "markdown", "json"); err != nil {
		return exitUsage, err
	}
	s, err := advice.EmbeddedSettings()
	if err != nil {
		return exitUsage, err
	}
	if len(pos) != 1 {
		return exitUsage, usagef("name one platform: %s", strings.Join(s.IDs(), ", "))
	}
	p, err := s.Platform(pos[0])
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}
	switch *format {
	case "json":
		return exitClean, report.WriteAny(e.stdout, map[string]any{"platform": p, "basics": s.Basics})
	case "markdown":
		var b strings.Builder
		fmt.Fprintf(&b, "# %s: privacy settings to review\n\nMenu: %s. Menus move often; labels marked \"label not verified\" may differ in your app.\n", p.Name, p.Menu)
		for _, it := range p.Items {
			writeSettingMarkdown(&b, it)
		}
		b.WriteString("\n## On every platform\n")
		for _, it := range s.Basics {
			writeSettingMarkdown(&b, it)
		}
		return exitClean, writeString(e.stdout, b.String())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: PRIVACY SETTINGS TO REVIEW\nmenu: %s (menus move often)\n", strings.ToUpper(p.Name), p.Menu)
	for _, it := range p.Items {
		writeSettingText(&b, it)
	}
	b.WriteString("\nON EVERY PLATFORM\n")
	for _, it := range s.Basics {
		writeSettingText(&b, it)
	}
	return exitClean, writeString(e.stdout, b.String())
}

func writeSettingText(b *strings.Builder, it advice.Setting) {
	name := it.Setting
	if it.LabelUnverified {
		name += "  [label not verified]"
	}
	fmt.Fprintf(b, "\n* %s\n", name)
	for _, f := range [][2]string{{"Where", it.Where}, {"Choose", it.Choose}, {"Why", it.Why}} {
		b.WriteString(wrapText(f[0]+": "+f[1], 78, "    ") + "\n")
	}
	for _, c := range it.Citations {
		b.WriteString(wrapText("Source: "+advice.FormatCitation(c), 78, "    ") + "\n")
	}
}

func writeSettingMarkdown(b *strings.Builder, it advice.Setting) {
	fmt.Fprintf(b, "\n### %s", it.Setting)
	if it.LabelUnverified {
		b.WriteString(" (label not verified)")
	}
	fmt.Fprintf(b, "\n\n- **Where:** %s\n- **Choose:** %s\n- **Why:** %s\n- **Sources:**\n", it.Where, it.Choose, it.Why)
	for _, c := range it.Citations {
		b.WriteString("  - " + mdCitation(c) + "\n")
	}
}
