package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

// jsonlRecord is one line of the project's corpus schema (docs/ANNOTATION.md).
type jsonlRecord struct {
	ID         string   `json:"id"`
	Text       *string  `json:"text"`
	Label      string   `json:"label"`
	Verdict    string   `json:"verdict"`
	Categories []string `json:"categories"`
	Locale     string   `json:"locale"`
	AuthorRole string   `json:"author_role"`
	Spans      []struct {
		Text string `json:"text"`
		Type string `json:"type"`
	} `json:"spans"`
}

// ReadJSONL streams the records of a corpus in the project's schema
// (docs/ANNOTATION.md): one JSON object a line, blank lines skipped. Spans are
// given as text and type in order of appearance; each is located in the post
// at its first whole occurrence after the previous span (see locateAfter),
// else by searching from the end of the previous match of the same text
// (falling back to its first occurrence). Errors name the line or the record: bad JSON,
// a missing id or text, a repeated id, an unknown label, verdict or span type,
// or a span text that does not occur in the post. The first error ends the
// stream.
func ReadJSONL(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		br := bufio.NewReader(r)
		seen := map[string]int{}
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			if err != nil && !errors.Is(err, io.EOF) {
				yield(Record{}, fmt.Errorf("jsonl line %d: %w", n, err))
				return
			}
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
			}
			if len(bytes.TrimSpace(line)) > 0 {
				rec, perr := parseJSONLLine(line, n, seen)
				if !yield(rec, perr) || perr != nil {
					return
				}
			}
			if err != nil { // io.EOF
				return
			}
		}
	}
}

func parseJSONLLine(line []byte, n int, seen map[string]int) (Record, error) {
	var jr jsonlRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&jr); err != nil {
		return Record{}, fmt.Errorf("jsonl line %d: %w", n, err)
	}
	if dec.More() {
		return Record{}, fmt.Errorf("jsonl line %d: more than one JSON value on the line", n)
	}
	if jr.ID == "" {
		return Record{}, fmt.Errorf("jsonl line %d: record has no id", n)
	}
	where := fmt.Sprintf("jsonl line %d: record %q", n, jr.ID)
	if prev, ok := seen[jr.ID]; ok {
		return Record{}, fmt.Errorf("%s: id already used on line %d", where, prev)
	}
	seen[jr.ID] = n
	if jr.Text == nil {
		return Record{}, fmt.Errorf("%s: no text", where)
	}
	switch jr.Label {
	case "", "safe", "risky":
	default:
		return Record{}, fmt.Errorf("%s: label %q (want safe or risky)", where, jr.Label)
	}
	switch result.Verdict(jr.Verdict) {
	case "", result.Safe, result.Review, result.Block:
	default:
		return Record{}, fmt.Errorf("%s: verdict %q (want safe, review or block)", where, jr.Verdict)
	}
	rec := Record{ID: jr.ID, Text: *jr.Text, Label: jr.Label, Verdict: jr.Verdict, Categories: jr.Categories,
		Locale: jr.Locale, Role: jr.AuthorRole}
	last := map[string]int{} // span text -> end of its previous match
	prevEnd := 0             // end of the spans located so far
	for i, s := range jr.Spans {
		t := result.Type(s.Type)
		if !slices.Contains(result.AllTypes, t) {
			return Record{}, fmt.Errorf("%s: span %d (%q): unknown type %q", where, i+1, s.Text, s.Type)
		}
		if s.Text == "" {
			return Record{}, fmt.Errorf("%s: span %d (%s): empty text", where, i+1, s.Type)
		}
		start := locateAfter(rec.Text, s.Text, prevEnd)
		if start < 0 {
			start = locate(rec.Text, s.Text, last[s.Text])
		}
		if start < 0 {
			return Record{}, fmt.Errorf("%s: span %d: text %q (%s) does not occur in the post", where, i+1, s.Text, s.Type)
		}
		end := start + len(s.Text)
		last[s.Text] = end
		prevEnd = max(prevEnd, end)
		rec.Spans = append(rec.Spans, Gold{Start: start, End: end, Text: s.Text, Type: s.Type, Mapped: t})
	}
	sortGold(rec.Spans)
	return rec, nil
}

// locate finds needle in text at or after from, else its first occurrence;
// -1 when it does not occur.
func locate(text, needle string, from int) int {
	if from <= len(text) {
		if i := strings.Index(text[from:], needle); i >= 0 {
			return from + i
		}
	}
	return strings.Index(text, needle)
}

// locateAfter finds needle in text at or after from, preferring a whole
// occurrence: one that does not continue a word or number on either side
// ("24" in "24F" rather than in "242", "Steve" alone rather than inside
// "Stevens"), so that a span listed after another is found after it even
// when its text also occurs, as part of something else, earlier. It returns
// the first occurrence at or after from when none is whole, and -1 when there
// is none.
func locateAfter(text, needle string, from int) int {
	if from > len(text) {
		return -1
	}
	first := -1
	for i := from; i <= len(text)-len(needle); {
		k := strings.Index(text[i:], needle)
		if k < 0 {
			break
		}
		at := i + k
		if first < 0 {
			first = at
		}
		if wholeAt(text, needle, at) {
			return at
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		i = at + size
	}
	return first
}

// wholeAt reports whether needle at text[at:] is not glued to a letter before
// a letter, or to a digit before a digit, at either end.
func wholeAt(text, needle string, at int) bool {
	if at > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		first, _ := utf8.DecodeRuneInString(needle)
		if sameClass(before, first) {
			return false
		}
	}
	if end := at + len(needle); end < len(text) {
		after, _ := utf8.DecodeRuneInString(text[end:])
		last, _ := utf8.DecodeLastRuneInString(needle)
		if sameClass(last, after) {
			return false
		}
	}
	return true
}

// sameClass reports whether a and b are both letters or both digits.
func sameClass(a, b rune) bool {
	return unicode.IsLetter(a) && unicode.IsLetter(b) || unicode.IsDigit(a) && unicode.IsDigit(b)
}

// sortGold sorts gold spans by start, then end, stably.
func sortGold(g []Gold) {
	slices.SortStableFunc(g, func(a, b Gold) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
}
