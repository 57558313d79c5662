package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// external is where the shared evaluation corpora live (never copied here).
const external = "../../../shared/data/external"

func externalPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(external, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	return p
}

// oracle answers every text with its scored gold spans as predictions.
func oracle(t *testing.T, recs []Record) fixed {
	t.Helper()
	f := fixed{}
	for _, r := range recs {
		var p Prediction
		for _, g := range r.Spans {
			if g.Mapped != "" {
				p.Entities = append(p.Entities, result.Entity{Start: g.Start, End: g.End, Text: g.Text, Type: g.Mapped})
			}
		}
		if prev, ok := f[r.Text]; ok && fmt.Sprint(prev.Entities) != fmt.Sprint(p.Entities) {
			t.Fatalf("%s: same text as another record, different gold", r.ID)
		}
		f[r.Text] = p
	}
	return f
}

// perfect checks that the oracle scores 1 everywhere it should.
func perfect(t *testing.T, recs []Record, scheme Scheme) *Report {
	t.Helper()
	r, err := Run(context.Background(), oracle(t, recs), seq(recs...), Options{Scheme: scheme})
	if err != nil {
		t.Fatal(err)
	}
	for _, ss := range []SpanScores{r.Overlap, r.Exact} {
		for _, s := range []Score{ss.Strict, ss.Entity} {
			if s.FP != 0 || s.FN != 0 || s.Fragments != 0 || s.TP != r.GoldSpans {
				t.Errorf("oracle: %+v", s)
			}
		}
	}
	return r
}

func TestDeidCorpus(t *testing.T) {
	dir := externalPath(t, "physionet-deid-gold")
	textPath, phrasePath, err := DeidPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	read := func(opts DeidOptions) []Record {
		tf, err := os.Open(textPath)
		if err != nil {
			t.Fatal(err)
		}
		defer tf.Close()
		pf, err := os.Open(phrasePath)
		if err != nil {
			t.Fatal(err)
		}
		defer pf.Close()
		recs, err := collect(ReadDeid(tf, pf, opts))
		if err != nil {
			t.Fatal(err) // every phrase is checked against the text at its offsets
		}
		return recs
	}

	// As listed: the counts SOURCE.md gives for this half.
	raw := read(DeidOptions{KeepSplit: true})
	cats := map[string]int{}
	n := 0
	for _, r := range raw {
		checkGold(t, r)
		for _, g := range r.Spans {
			cats[g.Type]++
			n++
		}
	}
	if len(raw) != 1450 || n != 999 {
		t.Errorf("%d notes, %d gold spans; want 1450, 999", len(raw), n)
	}
	want := map[string]int{"HCPName": 324, "Date": 280, "Location": 202, "RelativeProxyName": 101, "PTName": 30,
		"Age": 4, "DateYear": 29, "Phone": 25, "PTNameInitial": 2, "Other": 2}
	if fmt.Sprint(cats) != fmt.Sprint(want) {
		t.Errorf("categories %v, want %v", cats, want)
	}

	// Joined (the default): multi-word PHI as one span.
	joined := read(DeidOptions{})
	n = 0
	for _, r := range joined {
		checkGold(t, r)
		n += len(r.Spans)
		for _, g := range r.Spans {
			if g.Mapped == "" {
				t.Errorf("%s: category %s not mapped", r.ID, g.Type)
			}
		}
	}
	if len(joined) != 1450 || n != 875 {
		t.Errorf("joined: %d notes, %d gold spans; want 1450, 875", len(joined), n)
	}
	r := perfect(t, joined, DeidScheme())
	if r.Records != 1450 || r.GoldSpans != 875 || r.UnscoredGoldSpans != 0 {
		t.Errorf("report counts %d/%d/%d", r.Records, r.GoldSpans, r.UnscoredGoldSpans)
	}

	// Open on the folder and on id.text read the same.
	for _, p := range []string{dir, textPath} {
		c, err := Open(p, FormatDeid)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := collect(c.Records)
		if err != nil || len(recs) != 1450 {
			t.Fatalf("Open(%s): %d records, %v", p, len(recs), err)
		}
	}
}

func TestPresidioCorpus(t *testing.T) {
	c, err := Open(externalPath(t, "presidio-research-synth/synth_dataset_v2.json"), FormatPresidio)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := collect(c.Records)
	if err != nil {
		t.Fatal(err) // every entity_value is checked against the text at its converted offsets
	}
	cats := map[string]int{}
	n, multibyte := 0, 0
	for _, r := range recs {
		checkGold(t, r)
		for _, g := range r.Spans {
			cats[g.Type]++
			n++
		}
		if len([]rune(r.Text)) != len(r.Text) {
			multibyte++
		}
	}
	if len(recs) != 1500 || n != 2863 {
		t.Errorf("%d records, %d spans; want 1500, 2863", len(recs), n)
	}
	if multibyte == 0 {
		t.Error("no record with multi-byte text: the offset conversion is untested")
	}
	want := map[string]int{"PERSON": 857, "STREET_ADDRESS": 598, "GPE": 411, "ORGANIZATION": 250, "CREDIT_CARD": 136,
		"DATE_TIME": 119, "TITLE": 92, "PHONE_NUMBER": 92, "AGE": 74, "NRP": 55, "EMAIL_ADDRESS": 49, "ZIP_CODE": 37,
		"DOMAIN_NAME": 37, "IBAN_CODE": 21, "US_SSN": 16, "IP_ADDRESS": 14, "US_DRIVER_LICENSE": 5}
	if fmt.Sprint(cats) != fmt.Sprint(want) {
		t.Errorf("categories %v, want %v", cats, want)
	}
	r := perfect(t, recs, c.Scheme)
	if r.GoldSpans != 2863-304 || r.UnscoredGoldSpans != 304 {
		t.Errorf("scored %d, unscored %d; want 2559, 304", r.GoldSpans, r.UnscoredGoldSpans)
	}
}

func TestVectorsCorpus(t *testing.T) {
	c, err := Open(externalPath(t, "identifier-vectors/identifier_vectors.json"), FormatVectors)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := collect(c.Records)
	if err != nil {
		t.Fatal(err)
	}
	skipped, valid := 0, 0
	types := map[string]int{}
	for _, r := range recs {
		checkGold(t, r)
		types[r.Vector.Type]++
		if r.Skip != "" {
			skipped++
		} else if r.Vector.Valid {
			valid++
		}
	}
	if len(recs) != 139 || skipped != 4 || valid != 72 {
		t.Errorf("%d vectors, %d skipped, %d valid; want 139, 4, 72", len(recs), skipped, valid)
	}
	want := map[string]int{"UK_NHS": 13, "UK_NHS_FORMAT": 8, "UK_NINO": 26, "UK_POSTCODE": 65, "US_SSN": 27}
	if fmt.Sprint(types) != fmt.Sprint(want) {
		t.Errorf("types %v, want %v", types, want)
	}
	r := perfect(t, recs, c.Scheme)
	if v := r.Vectors.Total; v.Accuracy != 1 || v.Valid != 72 || v.Invalid != 63 || v.Skipped != 4 {
		t.Errorf("oracle vector decisions %+v", v)
	}
}
