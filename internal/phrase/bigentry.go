package phrase

import "math/bits"

// bigFirsts is the number of refs from which an entry's refs to try are
// picked by bit masks (see bigMasks) rather than tested one by one.
const bigFirsts = 24

// maskRef gives ref k of big entry e its bit: in e.big.free when its pattern
// has no anchor, in the pattern's slots otherwise.
func (s *Set) maskRef(e *wordEntry, k int) {
	if e.big == nil {
		e.big = &bigMasks{}
	}
	b := e.big
	c := k >> 6
	if c == len(b.chunks) {
		b.chunks = append(b.chunks, s.nChunks)
		b.free = append(b.free, 0)
		s.nChunks++
	}
	r := &e.first[k]
	if r.req == 0 {
		b.free[c] |= 1 << (k & 63)
		return
	}
	if keys := s.lazy[r.id]; keys != nil {
		// the masks need the pattern's anchors marked where they occur
		s.markEager(r.id, r.req, keys)
	}
	s.slots[r.id] = append(s.slots[r.id], uint32(b.chunks[c])<<6|uint32(k&63))
}

// complete records that every anchor of pattern id occurs in the sentence:
// in sc.complete, and the first time in the masks of the big entries that
// refer to it.
func (s *Set) complete(sc *findScratch, id int32) {
	w, b := &sc.complete[id>>6], uint64(1)<<(id&63)
	if *w&b != 0 {
		return
	}
	*w |= b
	for _, sl := range s.slots[id] {
		sc.cmask[sl>>6] |= 1 << (sl & 63)
	}
}

// tryMasked tries at word i the refs of big entry e whose pattern has no
// anchor or is complete in the sentence, in the order of e.first, as Find
// does for other entries; nb is the filter bit of the word after (see
// firstRef.admits).
func (s *Set) tryMasked(f *finder, sc *findScratch, e *wordEntry, i int, nb wordFilter, dst []Match) []Match {
	b := e.big
	for c, ch := range b.chunks {
		todo := b.free[c] | sc.cmask[ch]
		for todo != 0 {
			r := &e.first[c<<6|bits.TrailingZeros64(todo)]
			todo &= todo - 1
			if !r.admits(nb) || r.leadLen > 0 && !r.leads(f.words[i].Fold) {
				continue
			}
			if r.whole {
				dst = f.appendWord(dst, r.id, i)
				continue
			}
			dst = s.try(f, i, r, dst)
		}
	}
	return dst
}
