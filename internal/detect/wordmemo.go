package detect

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

// The name and place families remember the words they met last in one table that they
// share, a wordMemo (nmState.word, plDoc.memoWord): a slot holds what both families know
// of a word from its text alone, filled once by whichever meets the word first, so a
// word costs one lexicon lookup however many families ask, and one table sits in a
// core's cache instead of two. A slot starts with the word's memoKey, and a word may take
// either slot of the pair memoPair gives.

// wordMemoBits is log2 of the number of words a wordMemo remembers: 32,768 slots of 64
// bytes (one cache line each), 2 MiB, one per worker (wordMemoPool). A miss looks the word
// up in the lexicon, whose tables are far larger than a core's caches, and that wait is
// what the wall clock sees, not the instruction count: on real tweets the misses of the
// places family's old 8,192 slots took ~8% of the time (a CPU profile), 16,384 ran the
// tweets 3% and the dev posts 4% faster, and the shared table at 32,768 slots another
// ~3% in CPU time over 16,384 (65,536 no better) (docs/BENCHMARKS.md).
const wordMemoBits = 15

// wordMemo is the shared table of words (see above). It is not safe for concurrent use:
// a detection takes one from wordMemoPool for the posts it checks and gives it back.
type wordMemo struct {
	// first: a large allocation is page-aligned
	slots [1 << wordMemoBits]wordMemoSlot
	// keys holds the key of slots[i] when it is not the word ("don't", "o'neill"; few
	// words have one), made when first needed
	keys *[1 << wordMemoBits]string
}

// wordMemoSlot remembers what a word (lower-case text) is (64 bytes: one cache line, as
// the table is page-aligned).
type wordMemoSlot struct {
	memoKey
	w plWord // what the word's key is, the name family's facts included
}

var wordMemoPool = sync.Pool{New: func() any { return new(wordMemo) }}

// slot returns the index of the slot of the word w (1 to memoKeyLen bytes), filled; the
// slot stays the word's until the next call.
func (m *wordMemo) slot(w string) uint64 {
	a, b := memoWords(w)
	n := len(w)
	i := memoPair(a, b, n, wordMemoBits)
	if s := &m.slots[i]; !s.holds(a, b, n) {
		if s := &m.slots[i+1]; s.holds(a, b, n) {
			i++
		} else {
			m.fill(i, w)
		}
	}
	return i
}

// keyOf returns the key of the word w held by slot i.
func (m *wordMemo) keyOf(i uint64, w string) string {
	if m.slots[i].w.same {
		return w
	}
	return m.keys[i]
}

// fill puts the word w in slot i, the first of its pair, after moving the word there to
// the second slot: its key, what the places family knows of the key (plWordOf) and what
// the names family knows of the word (nmFill).
func (m *wordMemo) fill(i uint64, w string) {
	m.slots[i+1] = m.slots[i]
	if m.keys != nil {
		m.keys[i+1] = m.keys[i]
	}
	key := lexicon.Key(w)
	s := &m.slots[i]
	s.set(w)
	s.w = wordFacts(w, key)
	if !s.w.same {
		if m.keys == nil {
			m.keys = new([1 << wordMemoBits]string)
		}
		m.keys[i] = key // made by lexicon.Key, so it holds no post's text
	}
}

// wordFacts returns what a slot holds of the word w whose lexicon key is key: what the
// places family knows of the key (plWordOf), whether key is w, and what the names family
// knows of the word (nmFill).
func wordFacts(w, key string) plWord {
	pw := plWordOf(key)
	pw.same = key == w
	nmFill(&pw, w, key)
	return pw
}

// nmFill sets the name family's facts of the word w, whose lexicon key is key, in pw,
// whose lexicon facts (e, found) are filled. The name family's key (nmKey) is the same
// but for a first-person contraction ("i'm"), which it keeps whole so that no list finds
// it: such a word is its own key (sbSame) and unknown (TestNmKeyUnlisted).
func nmFill(pw *plWord, w, key string) {
	cue := nmWordCue(w)
	nk := nmKey(w)
	b := nmWordBits(w, nk, cue)
	if pw.found && nk == key {
		b |= sbKnown
	}
	if pw.e.Flags&nmClinical != 0 && strings.IndexByte(w, '\'') >= 0 {
		// A contraction is no clinical abbreviation: "I'm" has the key of IM
		// (intramuscular), but no note writes IM with an apostrophe.
		b |= sbNotClinical
	}
	pw.nb, pw.cue = b, cue
}

// memoKeyLen is the length of the longest word a family memo remembers.
const memoKeyLen = 15

// memoKey is a remembered word: its length (0: an empty slot) and its bytes padded with
// zero bytes, so that a slot is compared with a word as two machine words (lo and hi).
type memoKey struct {
	n  uint8
	lw [memoKeyLen]byte
}

// lo and hi return the bytes 0 to 7 and 7 to 14 of the key's word, padded with zero
// bytes, as little-endian words.
func (k *memoKey) lo() uint64 { return binary.LittleEndian.Uint64(k.lw[:8]) }

// hi: see lo.
func (k *memoKey) hi() uint64 { return binary.LittleEndian.Uint64(k.lw[7:]) }

// holds reports whether k holds the word of n bytes whose memoWords are a and b.
func (k *memoKey) holds(a, b uint64, n int) bool {
	return int(k.n) == n && k.lo() == a && k.hi() == b
}

// diff returns 0 when k holds the word of n bytes whose memoWords are a and b, else some
// other number: holds as one comparison, for the loops where && (a branch for each part,
// and which part tells a word from the slot's is a coin toss on varied text) costs more
// in mispredictions than the loads and xors it saves.
func (k *memoKey) diff(a, b uint64, n int) uint64 {
	return (uint64(k.n) ^ uint64(n)) | (k.lo() ^ a) | (k.hi() ^ b)
}

// set makes k hold the word w (1 to memoKeyLen bytes).
func (k *memoKey) set(w string) {
	k.n = uint8(len(w))
	k.lw = [memoKeyLen]byte{} // zero padding: see lo
	copy(k.lw[:], w)
}

// memoWords returns the bytes 0 to 7 and 7 to 14 of w (1 to memoKeyLen bytes) padded with
// zero bytes, as little-endian words made of loads inside w: they equal lo and hi of a
// key that holds w. The families' token loops (nmState.scanTokens, plDoc.memoWord) and
// nmState.word repeat these lines inline: the call, which does not inline, would cost
// those loops their registers.
func memoWords(w string) (a, b uint64) {
	switch n := len(w); {
	case n >= 8:
		a, b = nmLoad8(w, 0), nmLoad8(w, n-8)>>(8*(15-n))
	case n >= 4:
		a = nmLoad4(w, 0) | nmLoad4(w, n-4)<<(8*(n-4))
	default:
		a = uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)) | uint64(w[n-1])<<(8*(n-1))
	}
	return a, b
}

// memoPair returns the first slot of the pair, in a table of 1<<bits slots, where the
// word of n bytes whose memoWords are a and b may be.
func memoPair(a, b uint64, n int, bits uint) uint64 {
	x := (a*0x9E3779B97F4A7C15 ^ b) + uint64(n)
	return (x * 0xC2B2AE3D27D4EB4F) >> (64 - bits) &^ 1
}
