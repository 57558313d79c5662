package detect

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// Tests of the shortcuts of the name and proper-noun families: each must
// give what the long way gives.

// nmShortcutTexts are posts to try the shortcuts on: the name cases, the
// short posts of the benchmarks and the corpora (when present), each also in
// lower case and in capitals.
func nmShortcutTexts(t *testing.T) []string {
	var texts []string
	for _, c := range nmCases {
		texts = append(texts, c.text)
	}
	texts = append(texts, nmSynthTexts...)
	texts = append(texts, "", "x", "Hi", "son, Ed, was updated", "called kim ardley licws", "- Jen x",
		"dr's velmonte and ashby", "& Sarah", "her son: darren", "pt JS was confused")
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ToLower(s), strings.ToUpper(s))
	}
	if !testing.Short() {
		texts = append(texts, plCorpusTexts(t)...)
	}
	return texts
}

func nmDoc(t *testing.T, s string) *text.Doc {
	t.Helper()
	d, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNmAnyStart checks that when anyStart rules out every chain, the full
// run finds no name, and that anyStart changes no token.
func TestNmAnyStart(t *testing.T) {
	skipped := 0
	texts := nmShortcutTexts(t)
	for _, x := range texts {
		d := nmDoc(t, x)
		if len(d.Tokens) == 0 {
			continue
		}
		s := new(nmState)
		s.reset(d)
		s.scanTokens()
		before := append([]nmTok(nil), s.toks...)
		any := s.anyStart()
		if !reflect.DeepEqual(before, s.toks) {
			t.Fatalf("%q: anyStart changed the tokens", x)
		}
		if any {
			continue
		}
		skipped++
		s.finish()
		if out := s.chains(nil); len(out) != 0 {
			t.Errorf("%q: anyStart is false, but the run finds %q", x, d.Norm[out[0].Start:out[0].End])
		}
	}
	t.Logf("no chain possible in %d of %d posts", skipped, len(texts))
}

// nmPrevWordRef is prevWord as it was first written, for the tests.
func nmPrevWordRef(s *nmState, i int, skip string) int {
	for k := i - 1; k >= 0; k-- {
		t := s.doc.Tokens[k]
		if t.Kind != text.Punct {
			return k
		}
		if !strings.Contains(skip, s.doc.Norm[t.Start:t.End]) {
			return -1
		}
	}
	return -1
}

// TestNmPrevWord checks prevWord, prevAdj and the tfFramed flag against
// the plain definitions.
func TestNmPrevWord(t *testing.T) {
	for _, x := range []string{"her son, Darren", "called: kim", "son - bill", "wife — Ann", "pt; JS",
		"Hi, , Tom", "(son) Darren", "my friend... Sue", "wife:- ann", "— — x", "patient&Jo"} {
		d := nmDoc(t, x)
		s := new(nmState)
		s.reset(d)
		s.scanTokens()
		for i := range d.Tokens {
			for _, skip := range []string{"", ",:-", ",:"} {
				if got, want := s.prevWord(i, skip), nmPrevWordRef(s, i, skip); got != want {
					t.Errorf("%q: prevWord(%d, %q) = %d, want %d", x, i, skip, got, want)
				}
			}
			if got, want := s.prevAdj(i), nmPrevWordRef(s, i, ""); got != want {
				t.Errorf("%q: prevAdj(%d) = %d, want %d", x, i, got, want)
			}
			if d.Tokens[i].Kind == text.Punct {
				continue
			}
			p := nmPrevWordRef(s, i, ",:-")
			want := p >= 0 && (s.toks[p].cue&nmFrameCue != 0 || s.isRelativeWord(p))
			if got := s.toks[i].f&tfFramed != 0; got != want {
				t.Errorf("%q: token %d framed = %v, want %v", x, i, got, want)
			}
		}
	}
}

func TestNmFrameSkip(t *testing.T) {
	for _, p := range []string{",", ":", "-", ".", ";", "—", "–", "&", "(", "'"} {
		if got, want := nmFrameSkip(p), strings.Contains(",:-", p); got != want {
			t.Errorf("nmFrameSkip(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestNmIsKey(t *testing.T) {
	for _, w := range []string{"f1", "fy2", "94yo", "o'neill", "st.", "siân", "7b", "ls1", "ABC", "x", "0300", "a&e"} {
		got, same := nmIsKey(w), lexicon.Key(w) == w
		if got && !same || !got && same && isASCII(w) {
			t.Errorf("nmIsKey(%q) = %v, but Key(w) == w is %v", w, got, same)
		}
	}
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestNmRelativeKey checks the table of relative words against the list,
// over the list itself and every cue word.
func TestNmRelativeKey(t *testing.T) {
	want := map[string]bool{}
	for _, w := range nmRelativeWords {
		want[w] = true
	}
	words := []string{"", "a", "so", "sons'", "wifey", "grandmas", "nurse", "sisters", "mother-in-law", "é", "ñu"}
	words = append(words, nmRelativeWords[:]...)
	for w := range nmCues {
		words = append(words, w)
	}
	for _, w := range words {
		if got := nmRelativeKey(w); got != want[w] {
			t.Errorf("nmRelativeKey(%q) = %v, want %v", w, got, want[w])
		}
	}
}

func TestNmRoleDist(t *testing.T) {
	for d := -2; d < 100; d++ {
		if got, want := nmRoleDist(d), nmRoleCue/(1+float64(d-1)/nmRoleDecay); got != want {
			t.Errorf("nmRoleDist(%d) = %v, want %v", d, got, want)
		}
	}
}

// nmReasonRef is the Reason's feature list as it was first written: two
// passes over every feature.
func nmReasonRef(s *nmScore, title string) string {
	var b strings.Builder
	n := 0
	for pass := 0; pass < 2; pass++ {
		for f := nmFeat(0); f < nfCount; f++ {
			v := s.v[f]
			if v == 0 {
				continue
			}
			w := nmFeatures[f].w * float64(v)
			if (pass == 0) != (w > 0) {
				continue
			}
			switch {
			case w < 0:
				b.WriteString(" -")
			case n > 0:
				b.WriteString(" +")
			}
			b.WriteString(" " + nmFeatures[f].name)
			if f == nfTitle && title != "" {
				b.WriteString(" '" + title + "'")
			}
			n++
		}
	}
	return b.String()
}

// TestNmScoreBits checks the feature bit set of nmScore against its
// strengths, and the Reason built from it against the first version.
func TestNmScoreBits(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	st := new(nmState)
	for i := 0; i < 2000; i++ {
		var sc nmScore
		for j := rng.Intn(8); j > 0; j-- {
			f := nmFeat(rng.Intn(int(nfCount)))
			if rng.Intn(4) == 0 {
				f = nfTitle
			}
			strengths := []float64{0, 1e-50, 0.2, 0.5, 1, -1}
			sc.set(f, strengths[rng.Intn(len(strengths))])
		}
		frame := false
		for f := nmFeat(0); f < nfCount; f++ {
			if sc.on(f) != (sc.v[f] != 0) {
				t.Fatalf("on(%d) = %v with strength %v", f, sc.on(f), sc.v[f])
			}
			switch f {
			case nfCalled, nfPersonNoun, nfRelative, nfRelAfter, nfStaffFrame, nfGreeting, nfSignoff,
				nfSubjVerb, nfAge, nfBed, nfPossRel, nfCoord:
				frame = frame || sc.on(f)
			}
		}
		if sc.anyFrame() != frame {
			t.Fatalf("anyFrame = %v, want %v", sc.anyFrame(), frame)
		}
		title := []string{"", "Dr", "Mrs", "Sister"}[rng.Intn(4)]
		if got, want := sc.reason(st, title, nmRoleWhy{}), "name:"+nmReasonRef(&sc, title); got != want {
			t.Fatalf("reason = %q, want %q", got, want)
		}
	}
}

// TestNmIntern checks that interned Reasons keep their text when their slot
// is taken by another.
func TestNmIntern(t *testing.T) {
	st := new(nmState)
	var made []string
	for i := 0; i < 3*nmReasonSlots; i++ {
		b := []byte("name: reason " + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26))
		s := st.intern(b)
		if s != string(b) {
			t.Fatalf("intern(%q) = %q", b, s)
		}
		made = append(made, string(b))
		b[0] = 'N' // the caller reuses its buffer
		if s != made[i] {
			t.Fatalf("interned string changed with the buffer: %q", s)
		}
	}
	if a, b := st.intern([]byte("same")), st.intern([]byte("same")); a != b {
		t.Fatal("intern of equal texts differs")
	}
}

// TestPrMayFire checks that a rule prMayFire rules out finds nothing.
func TestPrMayFire(t *testing.T) {
	rules := []struct {
		bit int
		run func(*text.Doc) []Candidate
	}{
		{prOwner, func(d *text.Doc) (out []Candidate) {
			for i := range d.Tokens {
				if c, ok := ownerOfStaff(d, i); ok {
					out = append(out, c)
				}
			}
			return
		}},
		{prInitial, func(d *text.Doc) []Candidate { return initialSurname(d, nil) }},
		{prSocial, func(d *text.Doc) []Candidate { return socialName(d, nil) }},
		{prRelative, func(d *text.Doc) []Candidate { return relativeUnknown(d, nil) }},
		{prCaps, func(d *text.Doc) []Candidate { return capsFullName(d, nil) }},
		{prSpeaker, func(d *text.Doc) []Candidate { return speakerName(d, nil) }},
		{prMixed, func(d *text.Doc) []Candidate {
			if d.AllCaps || d.AllLower {
				return nil
			}
			return unknownCapitalised(d, nil)
		}},
	}
	texts := append(nmShortcutTexts(t), "Castlebrook's director of nursing", "per K. Vellandi", "social: bob visited",
		"communication with husband radovan.", "Family: Son, Ed, was updated", "my new Cloudstep clogs",
		"CONTACTS MARGARET ANN VOLKOVIC", "BEA KOLARIC AWARE", "PT SEEN, BEA KOLARIC PRESENT",
		"Mavis: nurse, nurse!", "Pt: I want to go home\nDoris: where's my tea??\nMe: it's 3am")
	fired := map[int]int{}
	for _, x := range texts {
		d := nmDoc(t, x)
		may := prMayFire(d, newPost(d).marks()).rules
		for _, r := range rules {
			out := r.run(d)
			if len(out) > 0 {
				fired[r.bit]++
				if may&r.bit == 0 {
					t.Errorf("%q: rule %d ruled out, but it finds %q", x, r.bit, out[0].Reason)
				}
			}
		}
	}
	for _, r := range rules {
		if fired[r.bit] == 0 {
			t.Errorf("rule %d fired on no text: the test tries nothing", r.bit)
		}
	}
}

// TestProperRanges checks that the proper-noun family, which runs its rules
// only over the tokens prMayFire picked, finds what every rule run over
// every token finds.
func TestProperRanges(t *testing.T) {
	texts := append(nmShortcutTexts(t), "Castlebrook's director of nursing", "per K. Vellandi", "social: bob visited",
		"communication with husband radovan.", "Family: Son, Ed, was updated", "my new Cloudstep clogs",
		"CONTACTS MARGARET ANN VOLKOVIC", "BEA KOLARIC AWARE", "PT SEEN, BEA KOLARIC PRESENT",
		"son, Ed, and wife Zorvika visited. Brother radovan called", "per K. Vellandi and T. Ostrova - then A. Smith",
		"social - bob visited\nfamily: Ann came\nSOC: jim here",
		"Mavis: nurse, nurse!", "Pt: I want to go home\nDoris: where's my tea??\nMe: it's 3am\nGrace: no")
	if !testing.Short() {
		texts = append(texts, plDeidTexts(t)...)
	}
	fired := 0
	for _, x := range texts {
		d := nmDoc(t, x)
		want := prEveryToken(d)
		got := properDetector{}.Detect(d, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: ranged rules find %v, every token %v", x, got, want)
		}
		if len(want) > 0 {
			fired++
		}
	}
	t.Logf("%d of %d texts with a proper-noun candidate", fired, len(texts))
}

// prEveryToken runs every rule of the proper-noun family over every token of d.
func prEveryToken(d *text.Doc) []Candidate {
	var out []Candidate
	for i := range d.Tokens {
		if c, ok := ownerOfStaff(d, i); ok {
			out = append(out, c)
		}
	}
	out = initialSurname(d, out)
	out = socialName(d, out)
	out = speakerName(d, out)
	out = relativeUnknown(d, out)
	out = capsFullName(d, out)
	if !d.AllCaps && !d.AllLower {
		out = unknownCapitalised(d, out)
	}
	return out
}

// FuzzProperRanges checks on any text that the proper-noun family, its rules
// run over the tokens prMayFire picked, finds what they find over every token.
func FuzzProperRanges(f *testing.F) {
	for _, x := range []string{"Castlebrook's director of nursing", "per K. Vellandi", "social: bob visited",
		"communication with husband radovan.", "Family: Son, Ed, was updated", "my new Cloudstep clogs",
		"CONTACTS MARGARET ANN VOLKOVIC", "Mavis: nurse, nurse!", "Pt: no\nDoris: where's my tea??\nGrace: no"} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x string) {
		d, err := text.New(x)
		if err != nil {
			return
		}
		if got, want := (properDetector{}).Detect(d, nil), prEveryToken(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: ranged rules find %v, every token %v", x, got, want)
		}
	})
}

// TestNmPlainWords checks that the short way scanTokens takes with the words
// of sbPlain gives every token the facts the long way gives it (see
// nmPlainSame).
func TestNmPlainWords(t *testing.T) {
	plain := 0
	s := new(nmState)
	for _, x := range nmShortcutTexts(t) {
		same, n := nmPlainSame(s, nmDoc(t, x))
		if !same {
			t.Errorf("%q: the short way for plain words gives other facts than the long way", x)
		}
		plain += n
	}
	if plain == 0 {
		t.Error("no plain word met: the test tries nothing")
	}
}

// TestNmLowerShape checks what scanTokens' short way for plain words takes from a word's
// shape: a word token with none of Upper, Title and Mixed does not start with a capital
// (in the normalised text, whose first byte the short way tested before), on the
// shortcut texts and words of every case.
func TestNmLowerShape(t *testing.T) {
	texts := append(nmShortcutTexts(t), "iPhone McDonald o'Neill ÉLISE élise Élise d'Arcy x2 X2 aB Ab AB ab")
	lower := 0
	for _, x := range texts {
		d := nmDoc(t, x)
		for _, tk := range d.Tokens {
			if tk.Kind != text.Word || tk.Shape&(text.Upper|text.Title|text.Mixed) != 0 {
				continue
			}
			lower++
			if c := d.Norm[tk.Start]; 'A' <= c && c <= 'Z' {
				t.Errorf("%q: the word %q has the shape %b of a word in lower case", x, d.Norm[tk.Start:tk.End], tk.Shape)
			}
		}
	}
	if lower == 0 {
		t.Error("no word in lower case met: the test tries nothing")
	}
}

// FuzzNmPlainWords is TestNmPlainWords on any text.
func FuzzNmPlainWords(f *testing.F) {
	for _, c := range nmCases {
		f.Add(c.text)
	}
	s := new(nmState)
	f.Fuzz(func(t *testing.T, x string) {
		d, err := text.New(x)
		if err != nil {
			return
		}
		if same, _ := nmPlainSame(s, d); !same {
			t.Fatalf("%q: the short way for plain words gives other facts than the long way", x)
		}
	})
}

// nmPlainSame scans d twice with s, the second time with sbPlain cleared from
// the memo's slots (the words are still there, so the memo hits them and
// scanTokens takes the long way with every word), and reports whether both
// scans give the same facts, and how many slots were plain. It empties the
// memo after, so that the next post's words get their sbPlain again.
func nmPlainSame(s *nmState, d *text.Doc) (bool, int) {
	if len(d.Tokens) == 0 {
		return true, 0
	}
	s.reset(d)
	s.scanTokens()
	toks := append([]nmTok(nil), s.toks...)
	keys := append([]string(nil), s.keys...)
	starts, caps := slices.Clone(s.starts), slices.Clone(s.caps)
	idx := append([]int(nil), s.wordIdx...)
	may, uppers, clinical := slices.Clone(s.mayStart), s.uppers, s.clinical
	if s.memo == nil {
		return true, 0 // no word
	}
	plain := 0
	for k := range s.memo.slots {
		if sl := &s.memo.slots[k]; sl.w.nb&sbPlain != 0 {
			sl.w.nb &^= sbPlain
			plain++
		}
	}
	s.reset(d)
	s.scanTokens()
	same := slices.Equal(toks, s.toks) && slices.Equal(keys, s.keys) && slices.Equal(starts, s.starts) && slices.Equal(caps, s.caps) &&
		slices.Equal(idx, s.wordIdx) && slices.Equal(may, s.mayStart) && uppers == s.uppers && clinical == s.clinical
	s.memo = nil
	return same, plain
}

// TestWordMemoSlotSize keeps the shared memo's slots at one cache line each.
func TestWordMemoSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(wordMemoSlot{}); n != 64 {
		t.Errorf("wordMemoSlot takes %d bytes, want 64", n)
	}
}

// TestNmTokSize keeps a token's facts in one cache line.
func TestNmTokSize(t *testing.T) {
	if n := unsafe.Sizeof(nmTok{}); n > 64 {
		t.Errorf("nmTok takes %d bytes, want 64 at most", n)
	}
}

// TestNmWordTable checks the small word tables against the maps they hold.
func TestNmWordTable(t *testing.T) {
	words := []string{"", "a", "drs", "dr's", "mrs.", "sisters", "é", "x"}
	for w := range nmCues {
		words = append(words, w)
	}
	for _, w := range words {
		v, ok := nmTitleTable.get(w)
		got := nmTitleKind(v)
		want, wantOK := nmTitles[w]
		if got != want || ok != wantOK {
			t.Errorf("nmTitleTable.get(%q) = %v, %v; want %v, %v", w, got, ok, want, wantOK)
		}
		if got, want := prCueTable.has(w), properCue[w] || properPlaceCue[w]; got != want {
			t.Errorf("prCueTable.has(%q) = %v, want %v", w, got, want)
		}
		if got, want := prCapsCueTable.has(w), capsNameBefore[w] || capsNameAfter[w]; got != want {
			t.Errorf("prCapsCueTable.has(%q) = %v, want %v", w, got, want)
		}
		if got, want := nmRelativeKey(w), slices.Contains(nmRelativeWords[:], w); got != want {
			t.Errorf("nmRelativeKey(%q) = %v, want %v", w, got, want)
		}
	}
	for w, c := range nmCues {
		if got := nmWord(w); got != c {
			t.Errorf("nmWord(%q) = %x, want %x", w, got, c)
		}
	}
	for _, w := range []string{"", "zzz", "sarah", "the "} {
		if got := nmWord(w); got != nmCues[w] {
			t.Errorf("nmWord(%q) = %x, want %x", w, got, nmCues[w])
		}
	}
	for w := range properCue {
		if !prCueTable.has(w) {
			t.Errorf("prCueTable lacks %q", w)
		}
	}
	for _, set := range []map[string]bool{capsNameBefore, capsNameAfter} {
		for w := range set {
			if !prCapsCueTable.has(w) {
				t.Errorf("prCapsCueTable lacks %q", w)
			}
		}
	}
	for w := range properPlaceCue {
		if !prCueTable.has(w) {
			t.Errorf("prCueTable lacks %q", w)
		}
	}
}

// TestNmIsAnd checks isAnd against the words themselves.
func TestNmIsAnd(t *testing.T) {
	for _, x := range []string{"Tom and Sarah & Jo", "AND & and. band &amp; And", "me and Derek, Aled&Priya"} {
		d := nmDoc(t, x)
		s := new(nmState)
		s.reset(d)
		s.scanTokens()
		for k := -1; k <= len(d.Tokens); k++ {
			want := s.low(k) == "and" || s.low(k) == "&"
			if got := s.isAnd(k); got != want {
				t.Errorf("%q: isAnd(%d) = %v, want %v", x, k, got, want)
			}
		}
	}
}
