package phrase

// wordTable indexes the folded words of a Set for Find, which looks up every
// word of every post. A map[string] costs there a general string hash, a
// probe and a comparison through two more pointers (the key's bytes, the
// value); here a word of up to 16 bytes is read as two integers (see
// wordKey), which both hash it and compare it, and an open-addressing slot
// holds them beside the entry's index: a lookup costs about one cache line.
type wordTable struct {
	mask  uint32
	slots []tableSlot // a power of two, at most half full
	items []tableItem // in the order added
}

// tableSlot is one slot of a wordTable: the key of a word and its item
// index+1 (0: an empty slot).
type tableSlot struct {
	k    wordKey
	item uint32
}

// tableItem is one word of a wordTable and its entry.
type tableItem struct {
	word string
	e    *wordEntry
}

// wordKey is a word read as integers: its length, its first 8 bytes when it
// is longer than 8 (a hash of all but its last 1 to 8 bytes when longer
// than 16) and those last bytes, read with two overlapping loads (or three
// bytes of a tail shorter than 4). Given the length, it is the word itself
// up to 16 bytes.
type wordKey struct {
	head, tail uint64
	n          uint32
}

// Multipliers for hashing (from splitmix64 and xxhash).
const (
	hashK1 = 0x9E3779B97F4A7C15
	hashK2 = 0xC2B2AE3D27D4EB4F
)

// keyOf reads s as a wordKey.
func keyOf(s string) wordKey {
	k := wordKey{n: uint32(len(s))}
	if len(s) > 16 {
		h := uint64(len(s)) * hashK2
		for len(s) > 8 {
			h = (h ^ load64(s)) * hashK1
			h ^= h >> 31
			s = s[8:]
		}
		k.head = h
	} else if len(s) > 8 {
		k.head = load64(s)
		s = s[8:]
	}
	switch {
	case len(s) >= 4:
		k.tail = load32(s) | load32(s[len(s)-4:])<<32
	case len(s) > 0:
		k.tail = uint64(s[0]) | uint64(s[len(s)/2])<<8 | uint64(s[len(s)-1])<<16
	}
	return k
}

// hash mixes k into the index of its first slot.
func (k wordKey) hash() uint32 {
	h := (k.head*hashK1 ^ k.tail ^ uint64(k.n)<<56) * hashK2
	return uint32(h ^ h>>32)
}

// newWordTable returns an empty table with room for about n words before it grows.
func newWordTable(n int) *wordTable {
	t := &wordTable{items: make([]tableItem, 0, n)}
	t.resize(n)
	return t
}

// resize makes the slots a power of two at least 2n (and 16) and puts the items back.
func (t *wordTable) resize(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	t.mask = uint32(size - 1)
	t.slots = make([]tableSlot, size)
	// A large new array is fresh memory from the OS, which the lookups of
	// add would first read (mapping each page to the shared zero page) and
	// then write (a copy-on-write fault that also flushes the other cores'
	// TLBs): writing it in order first takes one plain fault per page (a
	// profile of the CLI's start put about 2.8 ms in add before, 0.5 after).
	clear(t.slots)
	for i := range t.items {
		t.place(keyOf(t.items[i].word), uint32(i))
	}
}

// place puts item i, of key k, into the first free slot from k's.
func (t *wordTable) place(k wordKey, i uint32) {
	for s := k.hash() & t.mask; ; s = (s + 1) & t.mask {
		if t.slots[s].item == 0 {
			t.slots[s] = tableSlot{k, i + 1}
			return
		}
	}
}

// add adds w, which t does not hold yet, with entry e.
func (t *wordTable) add(w string, e *wordEntry) {
	t.items = append(t.items, tableItem{w, e})
	if 2*len(t.items) > len(t.slots) {
		t.resize(len(t.items))
		return
	}
	t.place(keyOf(w), uint32(len(t.items)-1))
}

// get returns the entry of w, or nil.
func (t *wordTable) get(w string) *wordEntry {
	k := keyOf(w)
	for s := k.hash() & t.mask; ; s = (s + 1) & t.mask {
		sl := &t.slots[s]
		if sl.item == 0 {
			return nil
		}
		if sl.k == k {
			it := &t.items[sl.item-1]
			if k.n <= 16 || it.word == w { // a longer word's key is a hash
				return it.e
			}
		}
	}
}

// load64 reads the first 8 bytes of s, little-endian (one load once compiled).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first 4 bytes of s, little-endian.
func load32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
