package detect

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

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
		for _, det := range e.detectors {
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

// tgSyntheticPosts mirrors the synthetic corpus of `scrubs bench`
// (cmd/scrubs/bench.go): ten short post templates with names, places and
// numbers filled in.
func tgSyntheticPosts(n int) []string {
	templates := []string{
		"Another long night shift done 😴 coffee please #nhs #nightshift",
		"Lovely Mrs %s (%dyo) in bed %d asked for a cuppa at 3am, made my night",
		"Reminder: flu jabs for staff in the atrium %s %d/%d, bring your ID badge",
		"Huge congrats to %s on passing her OSCE!! so proud 🎉",
		"Can't believe the staffing on the ward again, 2 nurses for 28 patients. Something has to change.",
		"pt in bay %d kept pulling his cannula out lol what a night",
		"Anyone know a good physio near %s? asking for my mum",
		"Great teaching session on sepsis today, the NEWS2 update is worth reading.",
		"Happy retirement Sister %s, 40 years on the ward! We'll miss you x",
		"NHS no %d on the handover sheet again, guys please shred them",
	}
	names := []string{"Pickering", "Okafor", "Hughes", "Patel", "Kowalski", "Brennan", "Adeyemi", "Campbell"}
	places := []string{"Leeds", "Aylsham", "Bath", "Swansea", "Derry", "Inverness", "Norwich", "Truro"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	out := make([]string, n)
	for i := range out {
		t := templates[i%len(templates)]
		switch i % len(templates) {
		case 1:
			out[i] = fmt.Sprintf(t, names[i%8], 60+i%35, 1+i%20)
		case 2:
			out[i] = fmt.Sprintf(t, days[i%5], 1+i%28, 1+i%12)
		case 3, 8:
			out[i] = fmt.Sprintf(t, names[(i/3)%8])
		case 5:
			out[i] = fmt.Sprintf(t, 1+i%6)
		case 6:
			out[i] = fmt.Sprintf(t, places[i%8])
		case 9:
			out[i] = fmt.Sprintf(t, 9434765919)
		default:
			out[i] = t
		}
	}
	return out
}

// BenchmarkTaggedSynth runs the tagger family over the short posts of `scrubs bench`.
func BenchmarkTaggedSynth(b *testing.B) { benchTagged(b, tgSyntheticPosts(1000)) }

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
	path := os.Getenv("TG_DUMP")
	if path == "" {
		t.Skip("TG_DUMP not set")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	texts := append(plCorpusTexts(t), plDeidTexts(t)...)
	texts = append(texts, tgSyntheticPosts(100)...)
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
