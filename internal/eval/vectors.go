package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/scrubshq/scrubs/internal/result"
)

type vectorEntry struct {
	Type           string  `json:"type"`
	Value          string  `json:"value"`
	Expected       *bool   `json:"expected"`
	ExpectedLoose  *bool   `json:"expected_loose"`
	ExpectedStrict *bool   `json:"expected_strict"`
	InText         *string `json:"in_text"`
	Source         string  `json:"source"`
}

// vectorSentences are the neutral sentences a vector's value is put in when
// it has no in_text of its own.
var vectorSentences = map[result.Type]string{
	result.NHSNumber: "NHS number: %s",
	result.NINumber:  "NI number %s",
	result.Postcode:  "Postcode: %s",
	result.SSN:       "SSN: %s",
}

// ReadVectors streams identifier test vectors (identifier_vectors.json: a
// list of {type, value, expected | expected_loose/expected_strict, in_text?}),
// one record per vector. The text is in_text or a neutral sentence for the
// type ("NHS number: %s", "NI number %s", "Postcode: %s", "SSN: %s"); a valid
// vector carries a gold span on its value. The expectation used is expected,
// else expected_loose (free text is not held to a strict parser). Vectors
// with only a strict expectation, or whose value is padded with white space
// (a parser-strictness test that means nothing inside a sentence), are
// emitted with Skip set. Record IDs are "vector-<index>-<type>".
func ReadVectors(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		var entries []vectorEntry
		if err := json.NewDecoder(r).Decode(&entries); err != nil {
			yield(Record{}, fmt.Errorf("vectors: %w", err))
			return
		}
		for i, e := range entries {
			rec, err := vectorRecord(i, e)
			if !yield(rec, err) || err != nil {
				return
			}
		}
	}
}

func vectorRecord(i int, e vectorEntry) (Record, error) {
	mapped, ok := vectorTypes[e.Type]
	if !ok {
		return Record{}, fmt.Errorf("vectors entry %d: unknown type %q", i, e.Type)
	}
	id := fmt.Sprintf("vector-%d-%s", i, e.Type)
	v := &Vector{Type: e.Type, Value: e.Value, Mapped: mapped, Source: e.Source}
	rec := Record{ID: id, Vector: v}
	switch {
	case e.Expected != nil:
		v.Valid = *e.Expected
	case e.ExpectedLoose != nil:
		v.Valid = *e.ExpectedLoose
	default:
		rec.Skip = "no expectation for free text (only a strict-parser one)"
	}
	if e.Value == "" || strings.TrimSpace(e.Value) != e.Value {
		rec.Skip = "value empty or padded with white space: a parser test, meaningless in a sentence"
	}
	if e.InText != nil {
		rec.Text = *e.InText
		v.Start = strings.Index(rec.Text, e.Value)
		if v.Start < 0 {
			return Record{}, fmt.Errorf("vectors entry %d (%s): value %q not in its in_text %q", i, id, e.Value, rec.Text)
		}
	} else {
		format := vectorSentences[mapped]
		v.Start = strings.Index(format, "%s")
		rec.Text = fmt.Sprintf(format, e.Value)
	}
	v.End = v.Start + len(e.Value)
	if v.Valid && rec.Skip == "" {
		rec.Spans = []Gold{{Start: v.Start, End: v.End, Text: e.Value, Type: e.Type, Mapped: mapped}}
	}
	return rec, nil
}
