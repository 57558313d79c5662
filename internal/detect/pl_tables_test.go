package detect

import (
	"strconv"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestPlBits checks plBitsOf against plBits, and the word lists that the matchers test
// through plTok.my: every word has its bit, and no word is one that a token's bits could
// miss (empty, digits only: numbers have no bits) or, for lists also looked up by
// lower-case text, one that is not its own key.
func TestPlBits(t *testing.T) {
	for w, b := range plBits {
		if got := plBitsOf(w); got != b {
			t.Errorf("plBitsOf(%q) = %x, want %x", w, got, b)
		}
		for _, x := range []string{w + "x", "x" + w, w[:len(w)-1], strings.ToUpper(w)} {
			if got := plBitsOf(x); got != plBits[x] {
				t.Errorf("plBitsOf(%q) = %x, want %x", x, got, plBits[x])
			}
		}
	}
	for _, l := range plBitLists() {
		for w := range l.set {
			if plBitsOf(w)&l.bit == 0 {
				t.Errorf("%q lacks its bit %x", w, l.bit)
			}
			if strings.Trim(w, "0123456789") == "" {
				t.Errorf("%q: a number or empty in a list tested through bits", w)
			}
			if l.lw && lexicon.Key(w) != w {
				t.Errorf("%q is not a key", w)
			}
		}
	}
}

// plPopText is how reasons wrote populations before plAppendPop.
func plPopText(n uint32) string {
	s := strconv.FormatUint(uint64(n), 10)
	if len(s) <= 3 {
		return s
	}
	b := make([]byte, 0, len(s)+len(s)/3)
	pre := len(s) % 3
	if pre > 0 {
		b = append(b, s[:pre]...)
	}
	for i := pre; i < len(s); i += 3 {
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, s[i:i+3]...)
	}
	return string(b)
}

func TestPlAppendPop(t *testing.T) {
	for _, n := range []uint32{0, 1, 9, 10, 99, 100, 999, 1000, 6016, 99999, 100000, 123456, 999999,
		1000000, 1234567, 12345678, 123456789, 1234567890, 4294967295} {
		if got, want := string(plAppendPop([]byte("x"), n)), "x"+plPopText(n); got != want {
			t.Errorf("plAppendPop(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPlPhraseIndex checks the searches of p.phrases by start token (phSpan) against a scan
// of all phrases, over real posts and notes in every case.
func TestPlPhraseIndex(t *testing.T) {
	texts := append(plCorpusTexts(t), plDeidTexts(t)[:300]...)
	texts = append(texts, "Moved from Milton Keynes's hospital to Stoke-on-Trent's, then St Mary's and New York's.",
		strings.Join(texts, "\n")) // one long text with many phrases
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ToLower(s), strings.ToUpper(s))
	}
	p := new(plDoc)
	phrases := 0
	for _, s := range texts {
		d, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Tokens) == 0 {
			continue
		}
		p.reset(d)
		p.prepare()
		p.findPhrases()
		phrases += len(p.phrases)
		for i := 1; i < len(p.phrases); i++ {
			if i != p.phRun1 && p.phrases[i].start < p.phrases[i-1].start {
				t.Fatalf("%q: phrases out of order", s)
			}
		}
		for i := 0; i <= len(p.toks); i++ {
			inside, starts, first := false, false, -1
			for _, ph := range p.phrases {
				if ph.start <= i && i < ph.end && ph.kind <= lexicon.PhraseRegion {
					inside = true
				}
				if ph.start == i {
					starts = true
				}
				if first < 0 && ph.end == i && ph.kind <= lexicon.PhrasePlaceOther {
					first = ph.start
				}
			}
			a0, a1, b0, b1 := p.phSpan(i, i)
			got := a1 > a0 || b1 > b0
			if p.insidePlacePhrase(i) != inside || got != starts {
				t.Fatalf("%q: token %d: inside %v starts %v", s, i, inside, starts)
			}
			gotFirst := -1
			a0, a1, b0, b1 = p.phSpan(i-p.phMaxLen, i-1)
		search:
			for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
				for _, ph := range p.phrases[r[0]:r[1]] {
					if ph.end == i && ph.kind <= lexicon.PhrasePlaceOther {
						gotFirst = ph.start
						break search
					}
				}
			}
			if gotFirst != first {
				t.Fatalf("%q: token %d: phrase ending here starts at %d, want %d", s, i, gotFirst, first)
			}
		}
	}
	if phrases < 600 {
		t.Errorf("only %d phrases", phrases)
	}
}

// TestPlExts checks plExts against the maps it is made of: every key's lists are found
// through plExtOf, and no key is one that a token without a memo word could have (a
// number: numbers get no plWord, so their ext is 0).
func TestPlExts(t *testing.T) {
	keys := map[string]bool{}
	for k := range plOrgCues {
		keys[k] = true
	}
	for k := range plChains {
		keys[k] = true
	}
	for k := range plFeaturePhrases {
		keys[k] = true
	}
	for k := range keys {
		x := plExts[plExtOf(k)]
		if plExtOf(k) == 0 || len(x.orgCues) != len(plOrgCues[k]) || len(x.chains) != len(plChains[k]) ||
			len(x.feats) != len(plFeaturePhrases[k]) {
			t.Errorf("%q: plExts entry %d does not hold its lists", k, plExtOf(k))
		}
		if strings.Trim(k, "0123456789") == "" {
			t.Errorf("%q: a number or empty as a key of plExts", k)
		}
		if w := plWordOf(k); w.ext != plExtOf(k) {
			t.Errorf("%q: plWordOf gives ext %d, want %d", k, w.ext, plExtOf(k))
		}
	}
	if x := plExts[0]; x.orgCues != nil || x.chains != nil || x.feats != nil {
		t.Error("plExts[0] is not empty")
	}
}
