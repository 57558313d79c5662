package lexicon

import "math/bits"

// The word, phrase and curated-flag tables are open-addressing hash tables (linear probing)
// keyed by the 64-bit FNV-1a hash of the key (a phrase's keys joined by single spaces). The
// phrase and flag tables keep the full hash and no key: with about 60,000 phrases and
// prefixes, the chance that an unknown token sequence shares a stored 64-bit hash is below
// 1e-14 per probe. The word table points into the embedded text instead (see wordTable).
// The tables hold no pointers, so they cost the garbage collector nothing.

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
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h | uint64(b2u(h == 0))
}

// fnvMore continues an unfinished FNV-1a state h with s.
func fnvMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
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

// wordTable indexes one part of words.txt in place: each slot holds the upper 32 bits of a
// key's hash and 1 + the offset of the key's line in text (0 = empty). A hit is confirmed
// against the line (key length and the front-coded suffix), and the line's fields are
// decoded only then, so loading touches each line once and allocates nothing per key. The
// shared prefix of a front-coded line cannot be compared, so the 32-bit tag carries the
// rest: an unknown key is mistaken for a stored one with a chance below 1e-11 per lookup
// (TestLookupExact checks keys that differ only in that prefix).
type wordTable struct {
	slots []uint64
	text  []byte
	bits  uint
	n     int
}

func (t *wordTable) init(text []byte, n int) {
	t.text = text
	t.bits = tableBits(n)
	t.slots = make([]uint64, 1<<t.bits)
}

const tagMask = ^uint64(1<<32 - 1)

// insert adds the line at off for hash h; it returns false if the table is full.
func (t *wordTable) insert(h uint64, off int) bool {
	if (t.n+1)*5 > len(t.slots)*4 {
		return false
	}
	mask := uint64(len(t.slots) - 1)
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		if t.slots[i] == 0 {
			t.slots[i] = h&tagMask | uint64(off+1)
			t.n++
			return true
		}
	}
}

// find returns the text after the TAB of key's line (h is its hash), running to the end of
// the part; the fields end at the next newline. It returns nil if key is absent.
func (t *wordTable) find(key string, h uint64) []byte {
	mask := uint64(len(t.slots) - 1)
	tag := h & tagMask
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if s&tagMask != tag {
			continue
		}
		line := t.text[uint32(s)-1:]
		shared := sharedLen(line[0])
		tab := 1 + len(key) - shared
		if shared > len(key) || tab >= len(line) || line[tab] != '\t' || key[shared:] != string(line[1:tab]) {
			continue
		}
		return line[tab+1:]
	}
}

// sharedLen decodes the front-coding character of a words.txt line.
func sharedLen(c byte) int {
	if c >= 'A' {
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// flagSlot holds the flags that curated lists add to a key.
type flagSlot struct {
	h     uint64
	flags Flags
}

// flagTable maps key hashes to curated flags (a few thousand keys).
type flagTable struct {
	slots []flagSlot
	bits  uint
	n     int
}

func (t *flagTable) init(n int) {
	t.bits = tableBits(n)
	t.slots = make([]flagSlot, 1<<t.bits)
}

// add ORs f into h's flags; it returns false if the table is full.
func (t *flagTable) add(h uint64, f Flags) bool {
	mask := uint64(len(t.slots) - 1)
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == h {
			s.flags |= f
			return true
		}
		if s.h == 0 {
			if (t.n+1)*5 > len(t.slots)*4 {
				return false
			}
			s.h, s.flags = h, f
			t.n++
			return true
		}
	}
}

func (t *flagTable) find(h uint64) Flags {
	mask := uint64(len(t.slots) - 1)
	for i := slotFor(h, t.bits); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == h {
			return s.flags
		}
		if s.h == 0 {
			return 0
		}
	}
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
}

func (t *phraseTable) init(n int) {
	t.bits = tableBits(n)
	t.slots = make([]phraseSlot, 1<<t.bits)
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
			if t.slot(h|uint64(b2u(h == 0))) == nil {
				return false
			}
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
	s.kinds |= 1 << kind
	s.pop = max(s.pop, pop)
	return true
}
