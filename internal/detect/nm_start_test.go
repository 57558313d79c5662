package detect

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestNmAnyStartMask checks that the words nmMayStartTok passes over are ones anyStartAt
// refuses, and that anyStart, which looks only at the others, agrees with a loop over
// every word, on the shortcut texts, in their three cases and past 64 tokens.
func TestNmAnyStartMask(t *testing.T) {
	var texts []string
	for _, x := range nmShortcutTexts(t) {
		texts = append(texts, x, strings.ToLower(x), strings.ToUpper(x),
			strings.Repeat("the ward was busy and we were short. ", 12)+x)
	}
	for _, x := range texts {
		d := nmDoc(t, x)
		s := new(nmState)
		s.reset(d)
		s.scanTokens()
		want := false
		for i := range s.toks {
			if d.Tokens[i].Kind != text.Word {
				continue
			}
			at := s.anyStartAt(i)
			want = want || at
			if at && !nmMayStartTok(&s.toks[i], s.caseless) {
				t.Fatalf("%q: nmMayStartTok passes over token %d, which may start a chain", x, i)
			}
		}
		if got := s.anyStart(); got != want {
			t.Errorf("%q: anyStart = %v, want %v", x, got, want)
		}
	}
}

// TestNmChainStarts checks that chains, which calls chainAt only at the tokens of
// mayStart (nextStart), passes over none where chainAt finds something or moves the scan
// on (see nmChainStartsOK). Texts as TestNmAnyStartMask.
func TestNmChainStarts(t *testing.T) {
	visits := 0
	for _, x := range nmShortcutTexts(t) {
		for _, y := range []string{x, strings.ToLower(x), strings.ToUpper(x),
			strings.Repeat("the ward was busy and we were short. ", 12) + x} {
			n, err := nmChainStartsOK(nmDoc(t, y))
			if err != "" {
				t.Fatalf("%q: %s", y, err)
			}
			visits += n
		}
	}
	if visits == 0 {
		t.Error("no token may start a chain: the test tries nothing")
	}
}

// FuzzNmChainStarts is TestNmChainStarts on any text.
func FuzzNmChainStarts(f *testing.F) {
	nmFuzzDocs(f, func(t *testing.T, x string, d *text.Doc) {
		if _, e := nmChainStartsOK(d); e != "" {
			t.Fatalf("%q: %s", x, e)
		}
	})
}

// nmFuzzDocs fuzzes check over the texts that make a Doc with a token,
// seeded with the name family's test cases.
func nmFuzzDocs(f *testing.F, check func(t *testing.T, x string, d *text.Doc)) {
	for _, c := range nmCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, x string) {
		d, err := text.New(x)
		if err != nil || len(d.Tokens) == 0 {
			return
		}
		check(t, x, d)
	})
}

// nmChainStartsOK prepares d and checks that at every token not in mayStart chainAt
// reports nothing and leaves c.next behind it, and that nextStart returns the next token
// of mayStart from every token on. It returns the number of tokens in mayStart and what
// went wrong, if anything.
func nmChainStartsOK(d *text.Doc) (int, string) {
	s := new(nmState)
	s.reset(d)
	if !s.prepare() {
		return 0, ""
	}
	visits, next := 0, len(s.toks)
	for i := len(s.toks) - 1; i >= 0; i-- {
		if s.mayStart[i>>6]&(1<<(i&63)) != 0 {
			next = i
			visits++
		} else {
			var c nmChain
			if s.chainAt(i, &c) || c.next > i {
				return visits, fmt.Sprintf("token %d (%q) is not in mayStart, but chainAt finds a chain or moves on to %d",
					i, s.tokText(i), c.next)
			}
		}
		if got := s.nextStart(i); got != next {
			return visits, fmt.Sprintf("nextStart(%d) = %d, want %d", i, got, next)
		}
	}
	return visits, ""
}

// nmMatchPhrasesRef is matchPhrases as it was before it walked the bit set of
// capitalised words: a test of every word. The reference TestNmMatchPhrases compares it with.
func (s *nmState) nmMatchPhrasesRef(fn func(nmPhrase)) {
	if s.caseless {
		for w := range s.keys {
			if nmBit(s.starts, w) && nmPhraseNext(s.keys, w) {
				nmMatchPhrasesAt(s.keys, s.wordIdx, w, fn)
			}
		}
		return
	}
	const span = 6
	n := len(s.keys)
	for w := 0; w < n; w++ {
		if s.toks[s.wordIdx[w]].f&tfCap == 0 {
			continue
		}
		end := w + span
		for k := w + 1; k < n && k < end; k++ {
			if s.toks[s.wordIdx[k]].f&tfCap != 0 {
				end = k + span
			}
		}
		if end > n {
			end = n
		}
		keys, idx := s.keys[w:end], s.wordIdx[w:end]
		for k := range keys {
			if nmBit(s.starts, w+k) && nmPhraseNext(keys, k) {
				nmMatchPhrasesAt(keys, idx, k, fn)
			}
		}
		w = end - 1
	}
}

// nmBit reports whether bit k is set in the bit set b.
func nmBit(b []uint64, k int) bool { return b[k>>6]&(1<<(k&63)) != 0 }

// nmPhrasesSame scans d and reports whether matchPhrases and nmMatchPhrasesRef find the
// same phrases, in the same order, and how many.
func nmPhrasesSame(d *text.Doc) (bool, int) {
	s := new(nmState)
	s.reset(d)
	s.scanTokens()
	var got, want []nmPhrase
	s.matchPhrases(func(p nmPhrase) { got = append(got, p) })
	s.nmMatchPhrasesRef(func(p nmPhrase) { want = append(want, p) })
	return slices.Equal(got, want), len(want)
}

// TestNmMatchPhrases checks matchPhrases against the every-word reference, on the
// shortcut texts in their three cases, past 64 words, and with capitals and place words
// at every distance.
func TestNmMatchPhrases(t *testing.T) {
	var texts []string
	for _, x := range nmShortcutTexts(t) {
		texts = append(texts, x, strings.ToLower(x), strings.ToUpper(x),
			strings.Repeat("the ward was busy and we were short. ", 12)+x)
	}
	words := []string{"Leeds", "General", "Infirmary", "care", "home", "the", "St", "Mary's", "Hospital",
		"in", "New", "York", "ward", "7", "Oakfield", "Care", "Home", "#nhs", "and", "Dr", "Smith"}
	r := rand.New(rand.NewSource(3))
	for range 400 {
		var b strings.Builder
		for range 5 + r.Intn(90) {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteByte(' ')
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, x := range texts {
		same, n := nmPhrasesSame(nmDoc(t, x))
		if !same {
			t.Fatalf("%q: matchPhrases finds other phrases than the every-word reference", x)
		}
		found += n
	}
	if found == 0 {
		t.Error("no phrase found: the test tries nothing")
	}
}

// FuzzNmMatchPhrases is TestNmMatchPhrases on any text.
func FuzzNmMatchPhrases(f *testing.F) {
	nmFuzzDocs(f, func(t *testing.T, x string, d *text.Doc) {
		if same, _ := nmPhrasesSame(d); !same {
			t.Fatalf("%q: matchPhrases finds other phrases than the every-word reference", x)
		}
	})
}
