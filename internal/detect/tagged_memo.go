package detect

import (
	"sync"

	"github.com/scrubshq/scrubs/internal/tagger"
)

// tgScratch holds what one run of the tagger family needs, reused through
// tgPool: the tagger's state (with its memo of lexicon entries), the memo of
// notTaggable's answers, and room for spans.
type tgScratch struct {
	veto tgVetoMemo // first: a large allocation is page-aligned, so each set is one line
	st   tagger.State
	// room for a post's tagged spans and the runs of one, kept here rather
	// than on the stack, where they were cleared for every post
	spans [16]tagger.Span
	runs  [8]tagger.Span
}

var tgPool = sync.Pool{New: func() any { return new(tgScratch) }}

// tgVetoMemo remembers notTaggable's answer for the words met last, in a
// four-way set-associative table: in clinical notes the tagger is asked about
// most words, and an unknown one costs notTaggable dozens of lexicon lookups
// (likelyTypo tries every one-letter slip), while the same abbreviations and
// names come back note after note. A word is its own key, packed into 12
// bytes.
type tgVetoMemo struct {
	sets [1 << tgVetoBits][tgVetoWays]tgVetoSlot
}

const (
	tgVetoBits = 11 // sets of tgVetoWays slots
	tgVetoWays = 4
	tgVetoKey  = tagger.MemoKeyLen // the longest word remembered (the key is the tagger memo's)
)

type tgVetoSlot struct {
	k0 uint64 // bytes 0-7 of the word, little-endian, zero-padded
	k1 uint32 // bytes 8-11
	n  uint8  // length of the word; 0: empty
	v  bool   // notTaggable's answer
}

// notTaggable returns notTaggable(lw, known) for the lower-case word lw, whose
// lexicon entry is known or not (known is a property of lw, so not part of
// the key).
func (m *tgVetoMemo) notTaggable(lw string, known bool) bool {
	return m.notTaggableAt(lw, 0, len(lw), known)
}

// notTaggableAt is notTaggable of the word s[start:end]: given the whole
// text, the key is read eight (and four) bytes at a time where the text goes
// on far enough, as the tagger's own memo reads it.
func (m *tgVetoMemo) notTaggableAt(s string, start, end int, known bool) bool {
	n := end - start
	if n > tgVetoKey || n <= 0 {
		return notTaggable(s[start:end], known)
	}
	k0, k1 := tagger.PackKey(s, start, end)
	h := (k0*0x9e3779b97f4a7c15 ^ uint64(k1)*0xc2b2ae3d27d4eb4f ^ uint64(n)) * 0x94d049bb133111eb
	set := &m.sets[h>>(64-tgVetoBits)]
	for w := range set {
		if sl := &set[w]; sl.k0 == k0 && sl.k1 == k1 && sl.n == uint8(n) {
			return sl.v
		}
	}
	v := notTaggable(s[start:end], known)
	// the newest word takes way 0, the others move down, the oldest leaves
	copy(set[1:], set[:tgVetoWays-1])
	set[0] = tgVetoSlot{k0: k0, k1: k1, n: uint8(n), v: v}
	return v
}
