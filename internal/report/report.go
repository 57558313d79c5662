// Package report writes check results as text for people and as JSON or
// JSON Lines for programs.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/scrubshq/scrubs/internal/result"
)

// Line is one line of `scrubs check --format jsonl` output.
type Line struct {
	ID         any             `json:"id"`
	Verdict    result.Verdict  `json:"verdict"`
	Categories []string        `json:"categories"`
	Entities   []result.Entity `json:"entities"`
	Risks      []result.Risk   `json:"risks"`
}

// ErrorLine is the line written for an input line that could not be checked.
type ErrorLine struct {
	ID    any    `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// WriteJSON writes one result as an indented JSON object.
func WriteJSON(w io.Writer, r *result.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
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

// WriteText writes the post with its entities marked, then one line per
// entity. With colour, entities are highlighted with ANSI colours; without,
// they are shown as [text|TYPE].
func WriteText(w io.Writer, post string, r *result.Result, colour bool) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !colour {
			return s
		}
		return code + s + reset
	}
	b.WriteString(paint(bold, "verdict: "+string(r.Verdict)))
	fmt.Fprintf(&b, "  (%d %s)\n\n", len(r.Entities), plural(len(r.Entities), "entity", "entities"))
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
	if len(r.Entities) > 0 {
		b.WriteByte('\n')
	}
	for _, e := range r.Entities {
		fmt.Fprintf(&b, "  %-13s %-28q %4.2f  %d-%d  %s\n", e.Type, e.Text, e.Confidence, e.Start, e.End, e.Reason)
	}
	for _, k := range r.Risks {
		fmt.Fprintf(&b, "  %s %s [%s] %s\n    fix: %s\n", paint(red, k.Severity), k.Category, k.Rule, k.Message, k.Fix)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
