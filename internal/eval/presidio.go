package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
)

type presidioRecord struct {
	FullText *string `json:"full_text"`
	Spans    []struct {
		EntityType  string `json:"entity_type"`
		EntityValue string `json:"entity_value"`
		Start       int    `json:"start_position"`
		End         int    `json:"end_position"`
	} `json:"spans"`
}

// ReadPresidio streams the records of presidio-research's synthetic dataset:
// a JSON array of {full_text, spans:[{entity_type, entity_value,
// start_position, end_position}]}. Offsets are Python code-point indexes;
// they are converted to byte offsets and checked against entity_value.
// Record IDs are "presidio-<index>", counting from 0 as Python does.
func ReadPresidio(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		scheme := PresidioScheme()
		dec := json.NewDecoder(r)
		tok, err := dec.Token()
		if err != nil {
			yield(Record{}, fmt.Errorf("presidio: %w", err))
			return
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			yield(Record{}, fmt.Errorf("presidio: want a JSON array, got %v", tok))
			return
		}
		for i := 0; dec.More(); i++ {
			var pr presidioRecord
			if err := dec.Decode(&pr); err != nil {
				yield(Record{}, fmt.Errorf("presidio record %d: %w", i, err))
				return
			}
			id := fmt.Sprintf("presidio-%d", i)
			if pr.FullText == nil {
				yield(Record{}, fmt.Errorf("presidio record %d: no full_text", i))
				return
			}
			rec := Record{ID: id, Text: *pr.FullText}
			offs := runeOffsets(rec.Text)
			for j, s := range pr.Spans {
				if s.Start < 0 || s.End < s.Start || s.End >= len(offs) {
					yield(Record{}, fmt.Errorf("presidio record %d: span %d (%s): code points [%d,%d) outside a text of %d", i, j, s.EntityType, s.Start, s.End, len(offs)-1))
					return
				}
				start, end := offs[s.Start], offs[s.End]
				if got := rec.Text[start:end]; got != s.EntityValue {
					yield(Record{}, fmt.Errorf("presidio record %d: span %d (%s): entity_value %q but the text at [%d,%d) is %q", i, j, s.EntityType, s.EntityValue, s.Start, s.End, got))
					return
				}
				rec.Spans = append(rec.Spans, Gold{Start: start, End: end, Text: s.EntityValue, Type: s.EntityType, Mapped: scheme.Map(s.EntityType)})
			}
			sortGold(rec.Spans)
			if !yield(rec, nil) {
				return
			}
		}
		if _, err := dec.Token(); err != nil {
			yield(Record{}, fmt.Errorf("presidio: after the last record: %w", err))
		}
	}
}

// runeOffsets returns the byte offset of every code point of s, then len(s):
// element i is where code point i starts.
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}
