package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"iter"
	"strconv"
	"strings"
)

// FormatDavidson is Davidson et al.'s hate-speech and offensive-language
// tweets (labeled_data.csv): post-level only, no entity spans.
const FormatDavidson = "davidson"

// DavidsonCategories are the risk categories a prediction must carry to
// count as flagging a Davidson row: hate is a conduct risk, mockery of
// patients a derogatory one.
var DavidsonCategories = []string{"CONDUCT", "DEROGATORY"}

// DavidsonScheme is the scheme of the Davidson corpus: no entity labels.
func DavidsonScheme() Scheme {
	return Scheme{
		Name: FormatDavidson,
		Notes: []string{
			"post level only: hate rows (class 0) are risky, neither rows (class 2) are safe, offensive-only rows (class 1) are skipped",
			"a prediction flags a row when its categories include CONDUCT or DEROGATORY",
			"tweets, not healthcare posts: these figures describe the hate lexicon, they are not a target",
		},
	}
}

// maxDavidsonField bounds one CSV field (a tweet is at most a few hundred bytes).
const maxDavidsonField = 64 << 10

// ReadDavidson streams the rows of labeled_data.csv as records: class 0 (hate
// speech) risky, class 2 (neither) safe, class 1 (offensive language only)
// skipped. HTML entities in tweets are unescaped.
func ReadDavidson(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		header, err := cr.Read()
		if err != nil {
			yield(Record{}, fmt.Errorf("davidson: reading the header: %w", err))
			return
		}
		col := map[string]int{}
		for i, h := range header {
			col[strings.TrimSpace(h)] = i
		}
		ci, okc := col["class"]
		ti, okt := col["tweet"]
		if !okc || !okt {
			yield(Record{}, errors.New("davidson: the header has no class and tweet columns"))
			return
		}
		for n := 2; ; n++ {
			row, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Record{}, fmt.Errorf("davidson: row %d: %w", n, err))
				return
			}
			if len(row) <= max(ci, ti) {
				if !yield(Record{}, fmt.Errorf("davidson: row %d has %d fields", n, len(row))) {
					return
				}
				continue
			}
			if len(row[ti]) > maxDavidsonField {
				continue
			}
			rec := Record{ID: "davidson-" + strconv.Itoa(n), Text: html.UnescapeString(row[ti])}
			switch row[ci] {
			case "0":
				rec.Label, rec.Categories = "risky", []string{"CONDUCT"}
			case "2":
				rec.Label = "safe"
			default:
				rec.Skip = "offensive language without hate (class " + row[ci] + ")"
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

// FlagsByCategory returns a Flags rule: a prediction flags a post when its
// categories include one of cats.
func FlagsByCategory(cats []string) func(Prediction) bool {
	return func(p Prediction) bool {
		for _, c := range p.Categories {
			for _, want := range cats {
				if c == want {
					return true
				}
			}
		}
		return false
	}
}
