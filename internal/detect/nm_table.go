package detect

// nmWordTable is a small fixed set of words with a one-byte value each, for
// the lookups that run on every token: open addressing in 256 slots, hashed
// on the length and three letters, so that most words not in it are told
// by one bit (a Go map hashes the whole word first). Values are bytes
// rather than a type parameter: a generic method is called with a
// dictionary, which costs at every token.
type nmWordTable struct {
	// lens has bit min(n, 31) of lens[nmLensIdx(w)] set when a word w of n
	// bytes is in the table: most words not in it are told by this one
	// load, without hashing. The index mixes the first and the last byte,
	// which turns away far more everyday words than the first byte alone
	// ("her", "that", "with" pass a first-byte test for "hcp", "twin",
	// "wife").
	lens [256]uint32
	w    [256]string
	v    [256]uint8
}

// nmLenBit is the bit of a word of n bytes in nmWordTable.lens.
func nmLenBit(n int) uint32 { return 1 << min(n, 31) }

// nmLensIdx is the entry of nmWordTable.lens for the non-empty word w.
func nmLensIdx(w string) uint8 { return w[0]*7 + w[len(w)-1] }

// nmNewWordTable returns the table of the words of m (at most 128).
func nmNewWordTable(m map[string]uint8) *nmWordTable {
	t := new(nmWordTable)
	if len(m) > len(t.w)/2 {
		panic("detect: nmWordTable too small")
	}
	for w, v := range m {
		if w == "" {
			panic("detect: empty word in nmWordTable")
		}
		i := nmWordSlot(w)
		for t.w[i] != "" {
			i++ // a uint8: wraps around the 256 slots
		}
		t.w[i], t.v[i] = w, v
		t.lens[nmLensIdx(w)] |= nmLenBit(len(w))
	}
	return t
}

// nmNewWordSet returns the table of the words of the sets, each with the
// value 1 (see has).
func nmNewWordSet(sets ...map[string]bool) *nmWordTable {
	m := make(map[string]uint8)
	for _, set := range sets {
		for w := range set {
			m[w] = 1
		}
	}
	return nmNewWordTable(m)
}

// mayHave reports false when w is not in the table, true when it may be (see
// lens).
func (t *nmWordTable) mayHave(w string) bool {
	return w != "" && t.lens[nmLensIdx(w)]&nmLenBit(len(w)) != 0
}

// get returns the value of w and whether w is in the table.
func (t *nmWordTable) get(w string) (uint8, bool) {
	if t.mayHave(w) {
		for i := nmWordSlot(w); t.w[i] != ""; i++ { // i wraps around at 256
			if t.w[i] == w {
				return t.v[i], true
			}
		}
	}
	return 0, false
}

// has reports whether w is in the table.
func (t *nmWordTable) has(w string) bool {
	_, ok := t.get(w)
	return ok
}

// nmWordSlot is the first slot of a non-empty word in an nmWordTable.
func nmWordSlot(w string) uint8 {
	n := len(w)
	return uint8(uint(w[0])*31 ^ uint(w[n/2])*7 ^ uint(w[n-1])*131 ^ uint(n)*17)
}
