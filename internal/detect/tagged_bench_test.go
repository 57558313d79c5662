package detect

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/tagger"
	"github.com/scrubshq/scrubs/internal/text"
)

// tgCase is a post analysed beforehand with the candidates of every family
// that runs before the tagger, which the tagger reads.
type tgCase struct {
	doc    *text.Doc
	before []Candidate
}

// tgCases analyses texts and runs every family but the tagger on them.
func tgCases(tb testing.TB, texts []string) ([]tgCase, int) {
	e := New(Options{})
	var cases []tgCase
	total := 0
	for _, s := range texts {
		d, err := text.New(s)
		if err != nil {
			tb.Fatal(err)
		}
		var before []Candidate
		for _, det := range e.families {
			if det.Name() != "tagger" {
				before = det.Detect(d, before)
			}
		}
		cases = append(cases, tgCase{d, before})
		total += len(s)
	}
	return cases, total
}

// benchTagged times the tagger family alone on texts, given the other
// families' candidates.
func benchTagged(b *testing.B, texts []string) {
	ds := taggerDetectors()
	if len(ds) != 1 {
		b.Fatal("the embedded tagger model did not load")
	}
	det := ds[0]
	cases, total := tgCases(b, texts)
	var out []Candidate
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cases {
			out = append(out[:0], c.before...)
			out = det.Detect(c.doc, out)
		}
	}
}

// BenchmarkTaggedSynth runs the tagger family over the short posts of `scrubs bench`.
func BenchmarkTaggedSynth(b *testing.B) { benchTagged(b, benchdata.Posts(1000)) }

// BenchmarkTaggedCorpus runs the tagger family over the posts of the development corpora.
func BenchmarkTaggedCorpus(b *testing.B) { benchTagged(b, plCorpusTexts(b)) }

// BenchmarkTaggedDeid runs the tagger family over the PhysioNet deid notes
// (mostly capitals: the tagger scores most of their words).
func BenchmarkTaggedDeid(b *testing.B) { benchTagged(b, plDeidTexts(b)) }

// TestTaggedDump writes, for every text of the corpora (and their lower- and
// upper-case forms), the tagger family's candidates and the tagger's label and
// margin for every token of the bare text, to the file named by TG_DUMP (to
// compare two versions of the tagger; skipped without it).
func TestTaggedDump(t *testing.T) {
	w := dumpWriter(t, "TG_DUMP")
	texts := append(plCorpusTexts(t), plDeidTexts(t)...)
	texts = append(texts, benchdata.Posts(100)...)
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ToLower(s), strings.ToUpper(s))
	}
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	det := taggedDetector{m}
	cases, _ := tgCases(t, texts)
	// Twice over, so that state kept across posts is exercised.
	for pass := 0; pass < 2; pass++ {
		for n, c := range cases {
			before := slices.Clone(c.before)
			for _, x := range det.Detect(c.doc, before)[len(c.before):] {
				fmt.Fprintf(w, "%d\t%d\t%d\t%s\t%v\t%s\n", n, x.Start, x.End, x.Type, x.Confidence, x.Reason)
			}
			st := tagger.GetState()
			st.Prepare(c.doc)
			for i, tk := range m.Tag(st) {
				scored, known := st.Scored(i)
				fmt.Fprintf(w, "%d:%d\t%v\t%v\t%s\t%v\n", n, i, scored, known, tk.Label, tk.Margin)
			}
			tagger.PutState(st)
		}
	}
}
