// Package report writes check results as text for people and as JSON or
// JSON Lines for programs.
package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/scrubshq/scrubs/internal/result"
)

// Line is one line of `scrubs check --format jsonl` output.
type Line struct {
	ID         any               `json:"id"`
	Verdict    result.Verdict    `json:"verdict"`
	Categories []string          `json:"categories"`
	Entities   []result.Entity   `json:"entities"`
	Risks      []result.Risk     `json:"risks"`
	Anonymity  *result.Anonymity `json:"anonymity,omitempty"`
	Ignored    int               `json:"ignored,omitempty"`
	Signals    []string          `json:"signals,omitempty"`
}

// LineOf is the line for the result of the post with the given id.
func LineOf(id any, r *result.Result) Line {
	return Line{ID: id, Verdict: r.Verdict, Categories: r.Categories, Entities: r.Entities, Risks: r.Risks,
		Anonymity: r.Anonymity, Ignored: r.Ignored, Signals: r.Signals}
}

// ErrorLine is the line written for an input line that could not be checked.
type ErrorLine struct {
	ID    any    `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// WriteJSON writes one result as an indented JSON object, streaming its
// entities and risks (see writeStream).
func WriteJSON(w io.Writer, r *result.Result) error {
	return writeStream(w, r, "  ")
}

// WriteLine writes v (a Line or an ErrorLine) as one JSON line, streaming
// its slices: for a result too large to hold encoded (see MarshalLine).
func WriteLine(w io.Writer, v any) error {
	return writeStream(w, v, "")
}

// WriteAny writes any value as an indented JSON object.
func WriteAny(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// MarshalLine encodes v as one JSON line (with the newline).
func MarshalLine(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// ANSI colours by entity family.
const (
	reset  = "\x1b[0m"
	bold   = "\x1b[1m"
	red    = "\x1b[1;31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	dim    = "\x1b[2m"
)

func colourOf(t result.Type) string {
	switch {
	case t.IsName() || t.IsDirect():
		return red
	case t == result.Age || t == result.Date || t == result.Time:
		return yellow
	}
	return cyan
}

// WriteText writes the verdict, the post with its entities marked, the risks
// (each with its message, fix, citations and fingerprint), the anonymity
// estimate and the entities. With colour, entities are highlighted with ANSI
// colours; without, they are shown as [text|TYPE].
func WriteText(w io.Writer, post string, r *result.Result, colour bool) error {
	b := bufio.NewWriterSize(w, 64<<10) // written as it goes: a long text's marks are not held twice
	paint := func(code, s string) string {
		if !colour {
			return s
		}
		return code + s + reset
	}
	b.WriteString(paint(bold, "verdict: "+string(r.Verdict)))
	if len(r.Categories) > 0 {
		b.WriteString(" — " + strings.Join(r.Categories, ", "))
	}
	fmt.Fprintf(b, "  (%d %s, %d %s", len(r.Risks), Plural(len(r.Risks), "risk", "risks"),
		len(r.Entities), Plural(len(r.Entities), "entity", "entities"))
	if r.Ignored > 0 {
		fmt.Fprintf(b, ", %d ignored", r.Ignored)
	}
	b.WriteString(")\n\n")
	pos := 0
	for _, e := range r.Entities {
		if e.Start < pos {
			continue
		}
		b.WriteString(post[pos:e.Start])
		if colour {
			b.WriteString(colourOf(e.Type) + post[e.Start:e.End] + reset + dim + "[" + string(e.Type) + "]" + reset)
		} else {
			b.WriteString("[" + post[e.Start:e.End] + "|" + string(e.Type) + "]")
		}
		pos = e.End
	}
	b.WriteString(post[pos:])
	if !strings.HasSuffix(post, "\n") {
		b.WriteByte('\n')
	}
	if len(r.Risks) > 0 {
		b.WriteString("\nrisks:\n")
	}
	for _, k := range r.Risks {
		sev := strings.ToUpper(k.Severity)
		code := yellow
		if k.Severity == "block" || k.Severity == "high" {
			code = red
		}
		fmt.Fprintf(b, "  %s  %s  %s  %s\n", paint(code, fmt.Sprintf("%-6s", sev)), k.Category, k.Rule, k.Title)
		fmt.Fprintf(b, "          %s\n", k.Message)
		fmt.Fprintf(b, "          fix: %s\n", k.Fix)
		if len(k.Citations) > 0 {
			fmt.Fprintf(b, "          see: %s\n", Citations(k.Citations, 3))
		}
		fmt.Fprintf(b, "          %s\n", paint(dim, "not a problem? add to your ignore file: "+k.Fingerprint))
	}
	if len(r.Signals) > 0 {
		fmt.Fprintf(b, "\nsignals: %s\n", strings.Join(r.Signals, ", "))
	}
	if a := r.Anonymity; a != nil && a.Explanation != "" {
		fmt.Fprintf(b, "\nwho fits: %s\n", a.Explanation)
	}
	if len(r.Entities) > 0 {
		b.WriteString("\nentities:\n")
	}
	for _, e := range r.Entities {
		fmt.Fprintf(b, "  %-13s %-28q %4.2f  %d-%d  %s\n", e.Type, e.Text, e.Confidence, e.Start, e.End, e.Reason)
	}
	return b.Flush()
}

// Citations formats up to n citations on one line: "GMC, Using social
// media… (2024) para 20; …", marking paragraphs not yet verified.
func Citations(cs []result.Citation, n int) string {
	var parts []string
	for i, c := range cs {
		if i == n {
			parts = append(parts, fmt.Sprintf("and %d more", len(cs)-n))
			break
		}
		s := c.Document
		if c.Year != 0 {
			s += fmt.Sprintf(" (%d)", c.Year)
		}
		if c.Paragraph != "" {
			p := c.Paragraph
			if p[0] >= '0' && p[0] <= '9' {
				p = "para " + p
			}
			s += " " + p
		}
		if c.Unverified {
			s += " [paragraph not verified]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// Plural returns one when n is 1, else many.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
