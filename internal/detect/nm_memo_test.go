package detect

import (
	"encoding/binary"
	"math/rand"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

// TestNmMemoSlotWords checks that a slot's lo and hi are what word computes for the
// word it holds: the word padded with zero bytes to nmMemoKey, for every length and for
// bytes that test each position.
func TestNmMemoSlotWords(t *testing.T) {
	tests := []string{"a", "ab", "abc", "abcd", "abcde", "don't", "abcdefg", "abcdefgh",
		"abcdefghi", "o'neill's", "abcdefghijklmn", "abcdefghijklmno", "\xff\x01", "é", "ﬁre"}
	for n := 1; n <= nmMemoKey; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(0x80 + i*7)
		}
		tests = append(tests, string(b))
	}
	for _, w := range tests {
		var pad [16]byte
		copy(pad[:], w)
		var s nmState
		sl, _ := s.word(w)
		if want := binary.LittleEndian.Uint64(pad[:8]); sl.lo() != want {
			t.Errorf("word(%q).lo() = %#x, want %#x", w, sl.lo(), want)
		}
		if want := binary.LittleEndian.Uint64(pad[7:15]); sl.hi() != want {
			t.Errorf("word(%q).hi() = %#x, want %#x", w, sl.hi(), want)
		}
		if _, _ = s.word(w); nmMemoCopies(&s, w) != 1 {
			t.Errorf("word(%q) missed the slot it had filled", w)
		}
	}
}

// TestNmMemoWord checks that the memo gives every word the facts a fresh slot gives it,
// over many words of every length that crowd the table (so that slots are reused and
// words share their first or last bytes).
func TestNmMemoWord(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	letters := "aeiost'-é"
	words := []string{"the", "mrs", "smith", "don't", "o'neill", "nurse", "sister", "ward"}
	for range 30000 {
		n := 1 + r.Intn(nmMemoKey+2)
		b := make([]byte, 0, n)
		for len(b) < n {
			b = append(b, letters[r.Intn(len(letters))])
		}
		words = append(words, string(b))
	}
	var s nmState
	for round := range 3 {
		for _, w := range words {
			sl, key := s.word(w)
			wantKey := nmKey(w)
			wantCue := nmWordCue(w)
			wantBits := nmWordBits(w, wantKey, wantCue)
			if sl.w.nb&^(sbKnown|sbNotClinical) != wantBits || sl.w.cue != wantCue || key != wantKey {
				t.Fatalf("round %d: word(%q) = %+v %q, want bits %b cue %b key %q", round, w, *sl, key, wantBits, wantCue, wantKey)
			}
			if len(w) <= nmMemoKey && (int(sl.n) != len(w) || string(sl.lw[:sl.n]) != w) {
				t.Fatalf("round %d: word(%q) returned the slot of %q", round, w, sl.lw[:sl.n])
			}
		}
	}
	for _, w := range words {
		if n := nmMemoCopies(&s, w); n > 1 {
			t.Fatalf("%q is in %d slots of the memo: word missed it", w, n)
		}
	}
}

// nmMemoCopies returns the number of slots of the memo of s that hold w.
func nmMemoCopies(s *nmState, w string) int {
	n := 0
	for i := range s.memo.slots {
		if sl := &s.memo.slots[i]; int(sl.n) == len(w) && string(sl.lw[:sl.n]) == w {
			n++
		}
	}
	return n
}

// TestNmPadWords checks that the words scanTokens loads from the padded text are
// memoWords of the word, for every length and position, whatever bytes follow the word;
// and that diff is 0 exactly where holds is true.
func TestNmPadWords(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 20000 {
		n := 1 + r.Intn(nmMemoKey)
		pad := make([]byte, r.Intn(20)+n+16)
		r.Read(pad)
		start := r.Intn(len(pad) - n - 16 + 1)
		w := string(pad[start : start+n])
		wa, wb := memoWords(w)
		a, b := nmPadWords(pad, start, n)
		if a != wa || b != wb {
			t.Fatalf("nmPadWords(%q) = %#x %#x, want %#x %#x", w, a, b, wa, wb)
		}
		var k memoKey
		other := w
		if r.Intn(2) == 0 {
			other = string(pad[start : start+1+r.Intn(n)]) // the same word or a prefix
		}
		k.set(other)
		if got, want := k.diff(a, b, n) == 0, k.holds(a, b, n); got != want {
			t.Fatalf("key %q, word %q: diff == 0 is %v, holds %v", other, w, got, want)
		}
	}
	for _, x := range []uint64{0, 1, 2, 1 << 63, 1<<63 + 1, ^uint64(0)} {
		if got, want := nmNonZero(x), map[bool]uint64{true: 1}[x != 0]; got != want {
			t.Errorf("nmNonZero(%#x) = %d, want %d", x, got, want)
		}
	}
}

// TestNmWordCue checks that a word stretched to three of one letter is a stop word in the
// memo, and that doubled letters and cue words keep their own bits.
func TestNmWordCue(t *testing.T) {
	for _, c := range []struct {
		w    string
		stop bool
	}{
		{"sooo", true}, {"soooo", true}, {"omggg", true}, {"yesss", true}, {"hmmm", true},
		{"brrr", true}, {"noooo", true},
		{"anna", false}, {"lloyd", false}, {"jaxxon", false}, {"bethany", false},
		{"aaa1", true}, {"a1aa", false},
	} {
		if got := nmWordCue(c.w)&cuStop != 0; got != c.stop {
			t.Errorf("nmWordCue(%q) stop = %v, want %v", c.w, got, c.stop)
		}
	}
	if nmWordCue("sister") != nmWord("sister") {
		t.Errorf("nmWordCue changed a listed word's cue")
	}
}

// TestNmKeyUnlisted checks what nmFill assumes of the words whose name-family key differs
// from the lexicon's (first-person contractions): the key is the word itself, and no
// list knows it.
func TestNmKeyUnlisted(t *testing.T) {
	for _, w := range []string{"i'm", "i've", "i'd", "i'll", "o'neill", "don't", "mary's", "it's", "im", "ive"} {
		nk := nmKey(w)
		if nk == lexicon.Key(w) {
			continue
		}
		if nk != w {
			t.Errorf("nmKey(%q) = %q: differs from the lexicon's key and from the word", w, nk)
		}
		if _, ok := lexicon.Lookup(nk); ok {
			t.Errorf("nmKey(%q) = %q is in the lexicon: the shared memo cannot hold its entry", w, nk)
		}
		var s nmState
		sl, key := s.word(w)
		if key != w || sl.w.nb&sbKnown != 0 {
			t.Errorf("word(%q): key %q known %v, want the word, unknown", w, key, sl.w.nb&sbKnown != 0)
		}
	}
}
