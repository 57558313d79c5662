package detect

// nmWordTable is a small fixed set of words with a value each, for the
// lookups that run on every token: open addressing in 256 slots, hashed
// on the length and three letters, so that most words not in it are told
// by one empty slot (a Go map hashes the whole word first).
type nmWordTable[V any] struct {
	// lens has bit min(n, 31) of lens[c] set when a word of n bytes that
	// starts with the byte c is in the table: most words not in it are
	// told by this one load, without hashing
	lens [256]uint32
	w    [256]string
	v    [256]V
}

// nmLenBit is the bit of a word of n bytes in nmWordTable.lens.
func nmLenBit(n int) uint32 { return 1 << min(n, 31) }

// nmNewWordTable returns the table of the words of m (at most 128).
func nmNewWordTable[V any](m map[string]V) *nmWordTable[V] {
	t := new(nmWordTable[V])
	if len(m) > len(t.w)/2 {
		panic("detect: nmWordTable too small")
	}
	for w, v := range m {
		if w == "" {
			panic("detect: empty word in nmWordTable")
		}
		i := nmWordSlot(w)
		for t.w[i] != "" {
			i = (i + 1) % len(t.w)
		}
		t.w[i], t.v[i] = w, v
		t.lens[w[0]] |= nmLenBit(len(w))
	}
	return t
}

// mayHave reports false when w is not in the table, true when it may be (see
// lens): a test small enough to inline before get.
func (t *nmWordTable[V]) mayHave(w string) bool {
	return w != "" && t.lens[w[0]]&nmLenBit(len(w)) != 0
}

// get returns the value of w and whether w is in the table.
func (t *nmWordTable[V]) get(w string) (V, bool) {
	if t.mayHave(w) {
		for i := nmWordSlot(w); t.w[i] != ""; i = (i + 1) % len(t.w) {
			if t.w[i] == w {
				return t.v[i], true
			}
		}
	}
	var zero V
	return zero, false
}

// has reports whether w is in the table.
func (t *nmWordTable[V]) has(w string) bool {
	_, ok := t.get(w)
	return ok
}

// nmWordSlot is the first slot of a non-empty word in an nmWordTable.
func nmWordSlot(w string) int {
	n := len(w)
	return int((uint(w[0])*31 ^ uint(w[n/2])*7 ^ uint(w[n-1])*131 ^ uint(n)*17) % 256)
}
