package lexicon

import "math/bits"

// The word and phrase tables are open-addressing hash tables (linear probing) keyed by the
// 64-bit FNV-1a hash of the key (a phrase's keys joined by single spaces). They keep the
// full hash and no key: with about 300,000 words and 60,000 phrases and prefixes, the
// chance that an unknown word or token sequence shares a stored 64-bit hash is below 1e-13
// per lookup. The tables hold no pointers, so they cost the garbage collector nothing.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv hashes b with FNV-1a 64 (0 is mapped to 1: 0 marks an empty slot).
func fnv(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h | uint64(b2u(h == 0))
}

// fnvString is fnv for a string.
func fnvString(s string) uint64 {
	h := fnvMore(fnvOffset, s)
	return h | uint64(b2u(h == 0))
}

// fnvMore continues an unfinished FNV-1a state h with s. It takes four bytes a round: the
// same hash as a byte loop, with a quarter of the loop's counting and branching (every
// word and phrase lookup hashes its key).
func fnvMore(h uint64, s string) uint64 {
	for len(s) >= 4 {
		h = (h ^ uint64(s[0])) * fnvPrime
		h = (h ^ uint64(s[1])) * fnvPrime
		h = (h ^ uint64(s[2])) * fnvPrime
		h = (h ^ uint64(s[3])) * fnvPrime
		s = s[4:]
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// slotFor spreads a hash over a table of 1<<shift slots (Fibonacci hashing).
func slotFor(h uint64, shift uint) uint64 { return (h * 0x9E3779B97F4A7C15) >> (64 - shift) }

// tableBits returns the power of two for n entries at a load factor of at most 0.6.
func tableBits(n int) uint {
	return uint(bits.Len(uint(n * 5 / 3)))
}

// wordSlot is one key of the word table: its hash and its decoded entry.
type wordSlot struct {
	h uint64
	e Entry
}

// wordTable holds the keys of one part of words.txt, and the curated keys that fall in its
// key range, with their entries decoded at load, so that a lookup is one hash and a probe
// or two. The entries lie in ents in the order they were added. Each slot of the index
// holds 1 + the index of an entry (0 = empty) in its low idxBits bits and the top bits of
// the key's hash above, so a miss seldom reads an entry and the index stays small (it fits
// a core's cache while it is built). An entry is known by the key's full 64-bit hash, as
// phrases are: the generator checks that no two keys share a hash, and an unknown key is
// taken for a stored one with a chance below 1e-14 per lookup (TestLookupMatchesReference
// checks near misses of every key).
type wordTable struct {
	slots   []uint32
	ents    []wordSlot
	text    []byte // the part of words.txt (for each); nil when loaded from the snapshot
	textAt  int    // where text starts in words.txt, and its length, when text is nil
	textLen int
	bits    uint // log2 of len(slots)
	idxBits uint // low bits of a slot that hold the entry index
}

func (t *wordTable) init(text []byte, n int) {
	t.text = text
	t.bits = tableBits(n)
	t.idxBits = uint(bits.Len(uint(n)))
	t.slots = make([]uint32, 1<<t.bits)
	t.ents = make([]wordSlot, 0, n)
}

// tag returns the top bits of h, placed above the index bits of a slot.
func (t *wordTable) tag(h uint64) uint32 {
	// idxBits is at most 31 (loadSnapshot refuses more; the text has far fewer keys): the
	// masks change no shift and spare the compiler's checks for shifts of 32 or 64 bits.
	return uint32(h>>((32+t.idxBits)&63)) << (t.idxBits & 31)
}

// slot returns the entry of the key with hash h, adding an empty one if the key is new
// (nil if the table is full).
func (t *wordTable) slot(h uint64) *wordSlot {
	if e := t.find(h); e != nil {
		return e
	}
	if len(t.ents) == cap(t.ents) || !t.index(h, len(t.ents)) {
		return nil
	}
	t.ents = append(t.ents, wordSlot{h: h})
	return &t.ents[len(t.ents)-1]
}

// index adds the entry ents[i], a key known to be new, with hash h; it returns false if
// the table is full.
func (t *wordTable) index(h uint64, i int) bool {
	if (i+1)*5 > len(t.slots)*4 || i+1 >= 1<<t.idxBits {
		return false
	}
	mask := uint64(len(t.slots) - 1)
	for j := slotFor(h, t.bits); ; j = (j + 1) & mask {
		if t.slots[j] == 0 {
			t.slots[j] = t.tag(h) | uint32(i+1)
			return true
		}
	}
}

// find returns the entry of the key with hash h, or nil.
func (t *wordTable) find(h uint64) *wordSlot {
	mask := uint64(len(t.slots) - 1)
	tag := t.tag(h)
	low := uint32(1)<<(t.idxBits&31) - 1
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if s&^low == tag {
			if e := &t.ents[s&low-1]; e.h == h {
				return e
			}
		}
	}
}

// sharedLen decodes the front-coding character of a words.txt line.
func sharedLen(c byte) int {
	if c >= 'A' {
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// phraseSlot is a phrase or a proper prefix of one (kinds == 0).
type phraseSlot struct {
	h     uint64
	kinds uint32 // bit k set: known as PhraseKind(k)
	pop   uint32
}

type phraseTable struct {
	slots []phraseSlot
	bits  uint
	n     int
	// first and second are bitmaps of the hashes of the first words of phrases and of their
	// first two words (bit slotFor(h, firstBits) or slotFor(h, secondBits) of a hash h as
	// stored). Most words start no phrase and most pairs of words are no phrase's start:
	// the bitmaps, unlike the table, stay in a core's cache. A clear bit means find would
	// find nothing.
	first  *[1 << firstBits / 64]uint64
	second *[1 << secondBits / 64]uint64
}

// firstBits and secondBits are log2 of the sizes of the bitmaps of phraseTable.
const (
	firstBits  = 17
	secondBits = 18
)

func (t *phraseTable) init(n int) {
	t.bits = tableBits(n)
	t.slots = make([]phraseSlot, 1<<t.bits)
	t.first = new([1 << firstBits / 64]uint64)
	t.second = new([1 << secondBits / 64]uint64)
}

// mayStart1 reports whether a phrase may start with the word of hash h (as stored: 0
// mapped to 1); false means find(h) would find nothing.
func (t *phraseTable) mayStart1(h uint64) bool {
	b := slotFor(h, firstBits)
	return t.first[b/64]&(1<<(b%64)) != 0
}

// mayStart2 is mayStart1 for the hash of two words.
func (t *phraseTable) mayStart2(h uint64) bool {
	b := slotFor(h, secondBits)
	return t.second[b/64]&(1<<(b%64)) != 0
}

// mark sets the bit of the hash h of a phrase's first words words in the bitmaps.
func (t *phraseTable) mark(h uint64, words int) {
	switch words {
	case 1:
		b := slotFor(h, firstBits)
		t.first[b/64] |= 1 << (b % 64)
	case 2:
		b := slotFor(h, secondBits)
		t.second[b/64] |= 1 << (b % 64)
	}
}

// slot returns the slot for h, claiming an empty one if h is new (nil if the table is full).
func (t *phraseTable) slot(h uint64) *phraseSlot {
	mask := uint64(len(t.slots) - 1)
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == h {
			return s
		}
		if s.h == 0 {
			if (t.n+1)*5 > len(t.slots)*4 {
				return nil
			}
			s.h = h
			t.n++
			return s
		}
	}
}

func (t *phraseTable) find(h uint64) *phraseSlot {
	mask := uint64(len(t.slots) - 1)
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == h {
			return s
		}
		if s.h == 0 {
			return nil
		}
	}
}

// add records a phrase (keys joined by single spaces) and its proper prefixes. Phrases of
// one word, or longer than maxPhraseBytes, are ignored.
func (t *phraseTable) add(p []byte, kind PhraseKind, pop uint32) bool {
	if len(p) > maxPhraseBytes {
		return true
	}
	h := uint64(fnvOffset)
	words := 1
	for _, c := range p {
		if c == ' ' {
			hh := h | uint64(b2u(h == 0))
			if t.slot(hh) == nil {
				return false
			}
			t.mark(hh, words)
			words++
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	if words < 2 {
		return true
	}
	s := t.slot(h | uint64(b2u(h == 0)))
	if s == nil {
		return false
	}
	t.mark(h|uint64(b2u(h == 0)), words)
	s.kinds |= 1 << kind
	s.pop = max(s.pop, pop)
	return true
}
