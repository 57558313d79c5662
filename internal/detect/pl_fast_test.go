package detect

import (
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestPlLowerGates checks prepare's shortcut for words that are not capitalised
// (plLowerGates and the test of the word before) against gateOf, on every such word of
// the gate texts.
func TestPlLowerGates(t *testing.T) {
	p := new(plDoc)
	checked := 0
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		for i := range p.toks {
			pt, tok := &p.toks[i], &p.doc.Tokens[i]
			if !pt.word || tok.Kind != text.Word || pt.cap || p.caseless {
				continue
			}
			kg := plKeyGates(pt.my, pt.e)
			got := plLowerGates(kg, len(pt.lw))
			if k := p.prevWord(i); k >= 0 && p.toks[k].my&(pbCareMove|pbMovePrep|pbThe) != 0 {
				got |= pgHosp
			}
			if want := p.gateOf(i, pt, tok, kg); got != want {
				t.Fatalf("%q: token %d %q: shortcut gates %b, gateOf %b", s, i, pt.lw, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no word checked")
	}
}

// TestPlLookupMemo checks that lookup, through its memo (hits, misses and evictions),
// gives each word what the lexicon and the word lists say, and that fullKey is the key of
// the whole token.
func TestPlLookupMemo(t *testing.T) {
	words := []string{"the", "ward", "leeds", "hospital", "st", "mary", "a", "x", "nurse",
		"infirmary", "café", "naïve", "ab", "ba", "abc", "cba", "verylongwordindeed",
		"fifteenletters1", "sixteenletters12", "o'brien", "&", "marys"}
	p := new(plDoc)
	for round := 0; round < 3; round++ {
		for _, w := range words {
			var pt plTok
			pt.lw = w
			kg := p.lookup(&pt)
			key := lexicon.Key(w)
			e, found := lexicon.Lookup(key)
			st, start := lexicon.PhraseStartState(key)
			my := plBitsOf(key)
			if pt.key != key || pt.e != e || pt.found != found || pt.pstart != start ||
				pt.pstart && pt.pst != st || pt.my != my || kg != plKeyGates(my, e) {
				t.Fatalf("round %d, %q: lookup gave key %q found %v start %v my %x kg %b; want %q %v %v %x %b",
					round, w, pt.key, pt.found, pt.pstart, pt.my, kg, key, found, start, my, plKeyGates(my, e))
			}
			if pt.fullKey() != key {
				t.Fatalf("%q: fullKey %q, want %q", w, pt.fullKey(), key)
			}
		}
	}
	tests := []struct {
		text, fkey string
	}{
		{"St Mary's ward", "marys"},
		{"Leeds's hospital", "leedss"},
	}
	for _, tc := range tests {
		if !plPrepared(t, p, tc.text) {
			t.Fatalf("%q: no tokens", tc.text)
		}
		var got string
		for i := range p.toks {
			if p.toks[i].poss {
				got = p.toks[i].fullKey()
			}
		}
		if got != tc.fkey {
			t.Errorf("%q: fullKey of the possessive %q, want %q", tc.text, got, tc.fkey)
		}
	}
}

// TestPlMemoIndex checks that every word the memo can hold gets a pair of slots in the
// table, and that memoWords reads a word as a slot holding it does (lo and hi).
func TestPlMemoIndex(t *testing.T) {
	for n := 1; n <= plMemoKey; n++ {
		for _, c := range []byte{0, 'a', 0xff} {
			w := make([]byte, n)
			for i := range w {
				w[i] = c + byte(i)
			}
			a, b := memoWords(string(w))
			if x := memoPair(a, b, n, wordMemoBits); x+1 >= 1<<wordMemoBits || x%2 != 0 {
				t.Fatalf("%q: pair %d out of range", w, x)
			}
			var s wordMemoSlot
			copy(s.lw[:], w)
			if s.lo() != a || s.hi() != b {
				t.Fatalf("%q: memoWords %x %x, slot %x %x", w, a, b, s.lo(), s.hi())
			}
			// memoWord (its own copy of memoWords) finds the word it filled: a
			// mark put in the slot is still there the second time.
			p := new(plDoc)
			s1, _ := p.memoWord(string(w))
			s1.w.kg = 0xbeef
			if s2, _ := p.memoWord(string(w)); s2 != s1 || s2.w.kg != 0xbeef {
				t.Fatalf("%q: memoWord missed the word it filled", w)
			}
		}
	}
}

// TestPlMemoPairs checks the memo with many words that share pairs of slots: every
// lookup gives what the lexicon says, whichever slot of the pair holds the word.
func TestPlMemoPairs(t *testing.T) {
	p := new(plDoc)
	var words []string
	for _, s := range plGateTexts(t)[:300] {
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if len(w) <= plMemoKey {
				words = append(words, w)
			}
		}
	}
	for round := 0; round < 2; round++ {
		for _, w := range words {
			s, key := p.memoWord(w)
			if want := lexicon.Key(w); key != want {
				t.Fatalf("%q: key %q, want %q", w, key, want)
			}
			want := plWordOf(key)
			want.same = key == w
			nmFill(&want, w, key)
			if s.w != want || string(s.lw[:s.n]) != w {
				t.Fatalf("%q: slot %+v, want %+v", w, s.w, want)
			}
		}
	}
}

// TestPlNextGate checks nextGate against a scan of the gates token by token.
func TestPlNextGate(t *testing.T) {
	tests := []struct {
		gates []uint16
		from  int
		b     uint16
		want  int
	}{
		{nil, 0, pgOrg, 0},
		{[]uint16{0, 0, 0}, 0, pgOrg, 3},
		{[]uint16{pgOrg, 0, 0}, 0, pgOrg, 0},
		{[]uint16{pgOrg, 0, pgOrg}, 1, pgOrg, 2},
		{[]uint16{pgOrg | pgFeat, pgFeat, pgOrg}, 1, pgFeat, 1},
		{[]uint16{pgFeat, pgPlace, pgFeat}, 0, pgPlace, 1},
		{[]uint16{pgFeat, pgPlace}, 2, pgPlace, 2},
		{[]uint16{pgFeat, pgPlace}, 3, pgPlace, 3},
	}
	for _, tc := range tests {
		p := &plDoc{gates: tc.gates}
		p.buildPassBits()
		if got := p.nextGate(tc.from, tc.b); got != tc.want {
			t.Errorf("nextGate(%v, %d, %b) = %d, want %d", tc.gates, tc.from, tc.b, got, tc.want)
		}
	}
}

// TestPlFindPhrases checks findPhrases, which asks the matcher only where a phrase may
// start (and in its second pass only before a possessive), against the matcher run at
// every key of both passes with the same filters on the matches.
func TestPlFindPhrases(t *testing.T) {
	p := new(plDoc)
	checked := 0
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		var want []plPhrase
		keep := func(m lexicon.PhraseMatch, second bool) {
			st, e := int(p.kinfo[m.Start].tok), int(p.kinfo[m.End-1].tok)+1
			if !p.phraseClean(st, e) || second && !p.toks[e-1].poss {
				return
			}
			if second {
				switch m.Kind {
				case lexicon.PhrasePlaceGB, lexicon.PhrasePlaceUS, lexicon.PhrasePlaceOther, lexicon.PhraseCounty, lexicon.PhraseRegion:
					want = append(want, plPhrase{start: st, end: e, kind: m.Kind, pop: m.Population})
				}
				return
			}
			want = append(want, plPhrase{start: st, end: e, kind: m.Kind, pop: m.Population, full: p.toks[e-1].poss})
		}
		// The keys as prepare once appended them to slices for MatchPhrases.
		var keys, keys2 []string
		for _, ki := range p.kinfo {
			pt := &p.toks[ki.tok]
			if pt.word {
				keys, keys2 = append(keys, pt.fullKey()), append(keys2, pt.key)
			} else {
				keys, keys2 = append(keys, pt.lw), append(keys2, pt.lw)
			}
		}
		lexicon.MatchPhrases(keys, func(m lexicon.PhraseMatch) { keep(m, false) })
		if p.anyPoss {
			lexicon.MatchPhrases(keys2, func(m lexicon.PhraseMatch) { keep(m, true) })
		}
		if !slices.Equal(p.phrases, want) {
			t.Fatalf("%q: findPhrases %v, want %v", s, p.phrases, want)
		}
		checked += len(want)
	}
	if checked < 100 {
		t.Fatalf("only %d phrases checked", checked)
	}
}

// TestPlMatchTail checks matchTail against matchWords for every list of plOrgCues,
// plChains and plFeaturePhrases at every word token whose key or full key starts it.
func TestPlMatchTail(t *testing.T) {
	p := new(plDoc)
	checked, matched := 0, 0
	texts := append(plGateTexts(t), "off-the telly at Tesco's & the Marks & Spencer, Leeds General Hospital's ward",
		"on\nthe telly", "marks\n& spencer", "in custody, in the papers, local celebrity chef")
	for _, s := range texts {
		if !plPrepared(t, p, s) {
			continue
		}
		for i := range p.toks {
			tk := &p.toks[i]
			if !tk.word {
				continue
			}
			var lists [][]string
			for _, key := range []string{tk.key, tk.fullKey()} {
				for _, c := range plOrgCues[key] {
					lists = append(lists, c.words)
				}
				for _, c := range plChains[key] {
					lists = append(lists, c.words)
				}
				for _, f := range plFeaturePhrases[key] {
					lists = append(lists, f.words)
				}
			}
			for _, ws := range lists {
				e1, ok1 := p.matchWords(i, ws)
				e2, ok2 := p.matchTail(i, ws)
				if e1 != e2 || ok1 != ok2 {
					t.Fatalf("%q: token %d, %q: matchWords %d %v, matchTail %d %v", s, i, ws, e1, ok1, e2, ok2)
				}
				checked++
				if ok1 {
					matched++
				}
			}
		}
	}
	if checked < 1000 || matched < 50 {
		t.Fatalf("%d lists checked, %d matched", checked, matched)
	}
}

// TestPlAdjacent checks prevWord and nextWord, which read plTok.adj, against their tests
// of the tokens themselves (a word token, no line break between), on every token of the
// gate texts and just outside them.
func TestPlAdjacent(t *testing.T) {
	p := new(plDoc)
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		n := len(p.toks)
		for i := -1; i <= n; i++ {
			want := -1
			if i > 0 && i < n && !p.doc.Tokens[i].Newline && p.toks[i-1].word {
				want = i - 1
			}
			if i < n {
				if got := p.prevWord(i); got != want {
					t.Fatalf("%q: prevWord(%d) = %d, want %d", s, i, got, want)
				}
			}
			want = -1
			if i >= -1 && i+1 < n && !p.doc.Tokens[i+1].Newline && p.toks[i+1].word {
				want = i + 1
			}
			if got := p.nextWord(i); got != want {
				t.Fatalf("%q: nextWord(%d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestPlTranspose8 checks plTranspose8 bit by bit on words of one bit and on mixed words.
func TestPlTranspose8(t *testing.T) {
	for r := 0; r < 8; r++ {
		for c := 0; c < 8; c++ {
			if got, want := plTranspose8(1<<(8*r+c)), uint64(1)<<(8*c+r); got != want {
				t.Fatalf("entry (%d, %d): %x, want %x", r, c, got, want)
			}
		}
	}
	x := uint64(0x0123_4567_89AB_CDEF)
	for i := 0; i < 100; i++ {
		var want uint64
		for r := 0; r < 8; r++ {
			for c := 0; c < 8; c++ {
				want |= x >> (8*r + c) & 1 << (8*c + r)
			}
		}
		if got := plTranspose8(x); got != want {
			t.Fatalf("%x: %x, want %x", x, got, want)
		}
		x = x*0x9E37_79B9_7F4A_7C15 + 1
	}
}

// TestPlBuildPassBits checks buildPassBits against the bits of the gates token by token,
// on gates of 1 to 200 tokens, random, with stale gates past the end from a longer post.
func TestPlBuildPassBits(t *testing.T) {
	x := uint64(1)
	p := new(plDoc)
	for _, n := range []int{200, 1, 7, 8, 9, 63, 64, 65, 130, 17} {
		for round := 0; round < 20; round++ {
			p.gates = p.gates[:0]
			for i := 0; i < n; i++ {
				x = x*0x9E37_79B9_7F4A_7C15 + 1
				g := uint16(x>>40) & (1<<plPasses - 1)
				if x>>39&1 == 0 {
					g &= uint16(x >> 50) // sparser gates
				}
				p.gates = append(p.gates, g)
			}
			// Stale gates past the end, as a longer post leaves them.
			p.gates = append(p.gates, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF)[:n]
			p.buildPassBits()
			for i, g := range p.gates {
				for b := 0; b < plPasses; b++ {
					got := p.passBits[i>>6*plPasses+b]>>(i&63)&1 != 0
					if want := g>>b&1 != 0; got != want {
						t.Fatalf("n %d: token %d pass %d: %v, want %v", n, i, b, got, want)
					}
				}
			}
			for i := n; i < (n+63)>>6*64; i++ {
				for b := 0; b < plPasses; b++ {
					if p.passBits[i>>6*plPasses+b]>>(i&63)&1 != 0 {
						t.Fatalf("n %d: bit past the end, token %d pass %d", n, i, b)
					}
				}
			}
		}
	}
}

// plGateOfRef is gateOf as it was written before its tests became arithmetic: one branch
// per test, in the order of the rules (the reference TestPlGateOfRef compares with).
func plGateOfRef(p *plDoc, i int, t *plTok, tok *text.Token, kg uint16) uint16 {
	kind := tok.Kind
	var prev uint64
	if i > 0 && !p.doc.Tokens[i].Newline && p.toks[i-1].word {
		prev = p.toks[i-1].my
	}
	g := kg & (pgOrg | pgFeat)
	if kg&pgSaint != 0 && (p.caseless || t.cap) {
		g |= pgSaint
	}
	if kg&pgHosp != 0 ||
		!p.caseless && t.cap && !t.upper && !t.sentStart && len(t.lw) >= 5 ||
		prev&(pbCareMove|pbMovePrep|pbThe) != 0 {
		g |= pgHosp
	}
	if kg&pgPub != 0 || tok.Shape&text.Mixed != 0 && t.cap {
		g |= pgPub
	}
	switch kind {
	case text.Word:
		g |= kg & (pgWard | pgRoom | pgStreet | pgProf)
		if len(t.lw) >= 2 && (kg&pgPlace != 0 || t.upper && len(t.lw) == 2) {
			g |= pgPlace
		}
		if (p.caseless || t.cap) && (plInitialsRef(t.lw) || t.my&pbCompassWord != 0 || prev&pbLocalPrev != 0) {
			g |= pgLocal
		}
	case text.Alnum:
		lw := t.lw
		if len(lw) >= 2 && len(lw) <= 3 && lw[0] >= '0' && lw[0] <= '9' {
			g |= pgWard
		}
		if c := lw[0]; c >= 'a' && c <= 'z' {
			g |= pgRoom
		}
		if c := lw[0]; c == 'm' || c == 'a' || c == 'b' {
			g |= pgStreet
		}
	}
	return g
}

// plInitialsRef is hospitalInitialsShape as a formula.
func plInitialsRef(lw string) bool {
	return len(lw) >= 2 && len(lw) <= 5 &&
		(lw[len(lw)-1] == 'h' || len(lw) >= 3 && (lw[len(lw)-2:] == "mc" || lw[len(lw)-2:] == "hc"))
}

// TestPlGateOfRef checks gateOf against plGateOfRef on every word token of the gate texts
// (in their own case, lower case and capitals), with the key gates of the token and with
// every single key gate (so that each rule's test of the token meets both outcomes of the
// key's), and hospitalInitialsShape against its formula on all short words of a few
// letters.
func TestPlGateOfRef(t *testing.T) {
	p := new(plDoc)
	checked := 0
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		for i := range p.toks {
			pt, tok := &p.toks[i], &p.doc.Tokens[i]
			if !pt.word {
				continue
			}
			kgs := []uint16{plKeyGates(pt.my, pt.e), 0, 1<<plPasses - 1}
			for b := 0; b < plPasses; b++ {
				kgs = append(kgs, 1<<b)
			}
			for _, kg := range kgs {
				if got, want := p.gateOf(i, pt, tok, kg), plGateOfRef(p, i, pt, tok, kg); got != want {
					t.Fatalf("%q: token %d %q, key gates %b: gateOf %b, want %b", s, i, pt.lw, kg, got, want)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no word checked")
	}
	letters := "hcmab"
	var words []string
	var gen func(w string)
	gen = func(w string) {
		words = append(words, w)
		if len(w) < 7 {
			for _, c := range letters {
				gen(w + string(c))
			}
		}
	}
	gen("")
	for _, w := range words {
		if got, want := hospitalInitialsShape(w), plInitialsRef(w); got != want {
			t.Fatalf("hospitalInitialsShape(%q) = %v, want %v", w, got, want)
		}
	}
}
