package detect

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/tagger"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestTgVetoMemo checks that the memo gives notTaggable's answer for known
// and unknown words, drugs, typos and clinical words, words too long to
// remember, and words evicted and met again.
func TestTgVetoMemo(t *testing.T) {
	words := []string{"foley", "aline", "quinton", "hoyer", "smith", "brenda", "kovalik", "visisted",
		"memebers", "recieved", "radovan", "zorvika", "metoprolol", "vancomycin", "abcdefghijkl",
		"abcdefghijklm", "hemodynamically", "rn", "dr", "sister", "a", "x"}
	for i := range 10000 {
		words = append(words, fmt.Sprintf("q%dz", i))
	}
	var m tgVetoMemo
	for pass := range 3 {
		for _, w := range words {
			_, known := lexicon.Lookup(lexicon.Key(w))
			if got, want := m.notTaggable(w, known), notTaggable(w, known); got != want {
				t.Fatalf("pass %d: %q: memo says %v, notTaggable %v", pass, w, got, want)
			}
		}
	}
}

// TestTgVetoMemoAt checks notTaggableAt, which reads the key from the
// whole text, against notTaggable for words of every length in texts that
// end right after them or go on, with one memo across them.
func TestTgVetoMemoAt(t *testing.T) {
	words := []string{"foley", "aline", "quinton", "smith", "kovalik", "visisted", "metoprolol",
		"vancomycin", "abcdefghijkl", "abcdefghijklm", "rn", "a", "siân", "hemodynamically"}
	var m tgVetoMemo
	for pass := range 2 {
		for _, w := range words {
			_, known := lexicon.Lookup(lexicon.Key(w))
			want := notTaggable(w, known)
			for _, before := range []string{"", "pt ", "seen by dr "} {
				for _, after := range []string{"", ".", " today", " was seen again today"} {
					s := before + w + after
					if got := m.notTaggableAt(s, len(before), len(before)+len(w), known); got != want {
						t.Fatalf("pass %d: %q in %q: memo says %v, notTaggable %v", pass, w, s, got, want)
					}
				}
			}
		}
	}
}

// TestTaggedMatchesReference checks the tagger family against taggedRef,
// the family without its shortcuts (the memo of notTaggable, non-words and
// one-letter words passed over, the tagger not run when no longer word is
// left), on texts whose candidates come from the other families or from a
// table.
func TestTaggedMatchesReference(t *testing.T) {
	ds := taggerDetectors()
	if len(ds) != 1 {
		t.Fatal("the embedded tagger model did not load")
	}
	det := ds[0].(taggedDetector)
	texts := []string{
		"HR DROPPED TO 40S. NP KOVALIK MADE AWARE, ATROPINE GIVEN",
		"spoke with brenda from case management re rehab beds",
		"PER GEORGE, SHE LIVES ALONE AND MANAGES HER OWN MEDS",
		"map 70s via l rad aline, new quinton cath in r ij, oob w/ hoyer lift",
		"Anyone know a good physio near Norwich? asking for my mum",
		"Happy retirement Sister Hughes, 40 years on the ward! We'll miss you x",
		"PVCS OVERNIGHT, AS PER K. VELLANDI. K REPLETED",
		"daughter zorvika visited with grandson; son visisted today",
		"a b c d e",
		"NP LEE MADE AWARE, ATROPINE GIVEN. PER JO, SHE LIVES ALONE",
		"spoke with ann from case management, kim aware",
		"",
	}
	var cases []tgCase
	extra, _ := tgCases(t, slices.Concat(texts, benchdata.Posts(20)))
	for _, c := range extra {
		cases = append(cases, c)
		for _, v := range []string{strings.ToLower(c.doc.Orig), strings.ToUpper(c.doc.Orig)} {
			vc, _ := tgCases(t, []string{v})
			cases = append(cases, vc...)
		}
		// and with no candidate from the rules, or one on every word
		cases = append(cases, tgCase{doc: c.doc})
		var all []Candidate
		for _, tk := range c.doc.Tokens {
			if tk.Kind == text.Word {
				all = append(all, Candidate{Start: tk.Start, End: tk.End, Type: result.NameOther, Confidence: 0.6})
			}
		}
		cases = append(cases, tgCase{doc: c.doc, before: all})
	}
	for _, c := range cases {
		got := det.Detect(c.doc, slices.Clone(c.before))
		want := taggedRef(det.m, c.doc, slices.Clone(c.before))
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", c.doc.Orig, got[len(c.before):], want[len(c.before):])
		}
	}
}

// taggedRef is taggedDetector.Detect as first written: every token asked
// whether it is scored, notTaggable called on every scored word, the tagger
// run whenever one is left.
func taggedRef(m *tagger.Model, doc *text.Doc, out []Candidate) []Candidate {
	if len(doc.Tokens) == 0 {
		return out
	}
	st := new(tagger.State)
	fixed := st.Prepare(doc)
	for _, c := range out {
		if c.Confidence < 0.5 {
			continue
		}
		l := int8(tagger.Outside)
		switch {
		case c.Type.IsName():
			l = int8(tagger.Name)
		case c.Type == result.Hospital || c.Type == result.City || c.Type == result.Organization ||
			c.Type == result.Street || c.Type == result.Country:
			l = int8(tagger.Loc)
		}
		for k := doc.TokenAt(c.Start); k >= 0 && k < len(doc.Tokens) && doc.Tokens[k].Start < c.End; k++ {
			fixed[k] = l
		}
	}
	undecided := false
	for k, t := range doc.Tokens {
		if fixed[k] >= 0 {
			continue
		}
		if scored, known := st.Scored(k); scored {
			if notTaggable(doc.Lower[t.Start:t.End], known) {
				fixed[k] = int8(tagger.Outside)
			} else {
				undecided = true
			}
		}
	}
	if !undecided {
		return out
	}
	toks := m.Tag(st)
	d := taggedDetector{m}
	for _, whole := range tagger.Spans(doc, toks, nil) {
		for _, sp := range unfixedRuns(doc, whole, fixed, toks, nil) {
			out = d.emit(doc, sp, out)
		}
	}
	return out
}

// FuzzTagged checks the tagger family against taggedRef on any text, with
// the other families' candidates and with none.
func FuzzTagged(f *testing.F) {
	for _, s := range []string{"NP KOVALIK MADE AWARE", "spoke with brenda re rehab", "a b c", "K. VELLANDI\nJO",
		"Siân O'Brien-Smith, St. Mary's", "ÉMILE Zoë", "x y Z"} {
		f.Add(s)
	}
	e := New(Options{})
	det := taggerDetectors()[0].(taggedDetector)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := text.New(s)
		if err != nil {
			return
		}
		var before []Candidate
		for _, d := range e.families {
			if d.Name() != "tagger" {
				before = d.Detect(doc, before)
			}
		}
		for _, b := range [][]Candidate{before, nil} {
			got := det.Detect(doc, slices.Clone(b))
			if want := taggedRef(det.m, doc, slices.Clone(b)); !slices.Equal(got, want) {
				t.Fatalf("%q: %v, want %v", s, got[len(b):], want[len(b):])
			}
		}
	})
}

// TestTgTokenAt checks tgTokenAt against doc.TokenAt at every byte offset
// (and a little beyond either end) of texts of 0 to many tokens.
func TestTgTokenAt(t *testing.T) {
	texts := []string{"", "a", "ab cd", "x, y", "Seen by Dr Okafor at St Mary's, 12 Acacia Avenue\nher son Darren rang at 0300 #nhs @ward7"}
	texts = append(texts, benchdata.Posts(50)...)
	for _, s := range texts {
		doc, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		for off := -2; off <= len(doc.Norm)+2; off++ {
			if got, want := tgTokenAt(doc.Tokens, off), doc.TokenAt(off); got != want {
				t.Fatalf("%q at %d: %d, want %d", s, off, got, want)
			}
		}
	}
}
