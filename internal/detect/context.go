package detect

import (
	"github.com/scrubshq/scrubs/internal/text"
)

// Window returns the token index range [lo, hi) that reaches up to n
// non-punctuation tokens on each side of tokens [from, to).
func Window(doc *text.Doc, from, to, n int) (lo, hi int) {
	lo, hi = from, to
	for k := 0; lo > 0 && k < n; {
		lo--
		if doc.Tokens[lo].Kind != text.Punct {
			k++
		}
	}
	for k := 0; hi < len(doc.Tokens) && k < n; {
		if doc.Tokens[hi].Kind != text.Punct {
			k++
		}
		hi++
	}
	return lo, hi
}

// WordSet builds a set from a list of lower-case words.
func WordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// wordTable is a fixed set of words with a value each, for the lookups of
// the identifier and date scans that run on many tokens of a post: open
// addressing in a power-of-two number of slots (at least twice the words),
// hashed on the length and three bytes, behind a filter of first byte and
// length that turns most absent words away with one load. A Go map hashes
// the whole word first and costs several times as many instructions.
type wordTable[V any] struct {
	// lens has bit min(n, 31) of lens[c] set when a word of n bytes that
	// starts with the byte c is in the table
	lens  [256]uint32
	shift uint8 // 64 - log2(slots): wordSlot keeps the top bits of its product
	words []string
	vals  []V
}

// newWordTable returns the table of the words of m (no empty word).
func newWordTable[V any](m map[string]V) *wordTable[V] {
	n, shift := 16, uint8(60)
	for n < 2*len(m) {
		n, shift = n*2, shift-1
	}
	t := &wordTable[V]{shift: shift, words: make([]string, n), vals: make([]V, n)}
	for w, v := range m {
		if w == "" {
			panic("detect: empty word in a wordTable")
		}
		i := wordSlot(w, shift)
		for t.words[i] != "" {
			i = (i + 1) & (n - 1)
		}
		t.words[i], t.vals[i] = w, v
		t.lens[w[0]] |= 1 << min(len(w), 31)
	}
	return t
}

// wordSetOf is WordSet as a wordTable: the set of the given words.
func wordSetOf(words ...string) *wordTable[bool] { return newWordTable(WordSet(words...)) }

// get returns the value of w and whether w is in the table.
func (t *wordTable[V]) get(w string) (V, bool) {
	if w != "" && t.lens[w[0]]&(1<<min(len(w), 31)) != 0 {
		for i := wordSlot(w, t.shift); t.words[i] != ""; i = (i + 1) & (len(t.words) - 1) {
			if t.words[i] == w {
				return t.vals[i], true
			}
		}
	}
	var zero V
	return zero, false
}

// at returns the value of w, or the zero value when w is not in the table
// (as indexing a map does).
func (t *wordTable[V]) at(w string) V {
	v, _ := t.get(w)
	return v
}

// has reports whether w is in the table.
func (t *wordTable[V]) has(w string) bool {
	_, ok := t.get(w)
	return ok
}

// wordSlot is the first slot of a non-empty word in a wordTable of
// 1<<(64-shift) slots: its length and first, second, middle and last bytes,
// which tell the short words of the tables apart, packed in one word and
// mixed by a Fibonacci multiplication whose top bits are kept.
func wordSlot(w string, shift uint8) int {
	n := len(w)
	k := uint64(w[0]) | uint64(w[min(1, n-1)])<<8 | uint64(w[n/2])<<16 | uint64(w[n-1])<<24 | uint64(n)<<32
	return int(k * 0x9E3779B97F4A7C15 >> shift)
}
