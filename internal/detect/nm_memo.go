package detect

import (
	"bytes"
	"strings"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

// The name detector remembers what it learnt about the words it met last (their key, cue
// bits, whether a phrase may start there and their lexicon entry) in a small table kept
// with the nmState in nmPool: the everyday words of one post come back in the next, and
// the table stays in a core's cache while the lexicon's and the cue table's do not. A
// slot takes 32 bytes, and a word may take either slot of its pair (one cache line): two
// words of the same hash then both stay, which a table of one slot per hash loses for a
// third of the words of a varied corpus. The keys that differ from their word ("don't",
// "o'neill") are kept apart, in a table read only for them.

// nmMemoBits is log2 of the number of words an nmState remembers: 32,768 slots, 1 MiB
// per nmState (one per worker) plus 512 KiB for memoKeys once a key differs from its
// word. Tweets use more distinct words than 8,192 slots hold, and a miss costs ~14
// mispredictions (fill, nmWord, nmWordBits and the hash loops); at 2^15 rather than 2^13
// a tweet takes ~18 fewer mispredictions and ~770 fewer instructions, a dev post ~33
// and ~1,000, with no more cache misses in cachegrind's model of a 1 MiB L2.
const nmMemoBits = 15

// nmMemoKey is the length of the longest word remembered.
const nmMemoKey = memoKeyLen

// nmMemoSlot is what the detector knows of one lower-case word: 32 bytes, the lexicon
// entry kept as its raw fields (see entry).
type nmMemoSlot struct {
	memoKey
	b      nmSlotBits
	ff, sf uint8 // first-name and surname popularity
	tier   uint8
	flags  lexicon.Flags
	pop    uint32
	cue    nmCue
}

// nmSlotBits are the yes-or-no facts of a memo slot.
type nmSlotBits uint8

const (
	sbSame   nmSlotBits = 1 << iota // nmKey(lw) == lw (else the key is in nmState.memoKeys)
	sbStart                         // lexicon.PhraseStart(nmKey(lw))
	sbRel                           // nmRelativeKey(nmKey(lw))
	sbTitle                         // nmKey(lw) is in nmTitles
	sbLooked                        // the lexicon fields are filled
	sbKnown                         // the lexicon knows the key
	// sbPlain: an everyday word that scanTokens passes over in mixed-case
	// text once it has its key and cue bits (see nmPlainWord)
	sbPlain
)

// cues returns the cue bits of the slot's word.
func (sl *nmMemoSlot) cues() nmCue { return sl.cue }

// has reports whether all the facts in b hold for the slot's word.
func (sl *nmMemoSlot) has(b nmSlotBits) bool { return sl.b&b == b }

// word returns the memo slot of the lower-case word w (with its key, cue bits and phrase
// start filled, its entry maybe not: see entry) and the key of w. The slot is valid until
// the next call.
func (s *nmState) word(w string) (*nmMemoSlot, string) {
	n := len(w)
	if n == 0 || n > nmMemoKey {
		sl := &s.spill
		key := nmKey(w)
		cue := nmWordCue(w)
		*sl = nmMemoSlot{cue: cue, b: nmWordBits(w, key, cue)}
		return sl, key
	}
	if s.memo == nil {
		s.memo = new([1 << nmMemoBits]nmMemoSlot)
	}
	a, b := memoWords(w)
	i := memoPair(a, b, n, nmMemoBits)
	if sl := &s.memo[i]; !sl.holds(a, b, n) {
		if sl := &s.memo[i+1]; sl.holds(a, b, n) {
			i++
		} else {
			s.fill(i, w)
		}
	}
	if sl := &s.memo[i]; sl.b&sbSame == 0 {
		return sl, s.memoKeys[i]
	}
	return &s.memo[i], w
}

// nmLoad8 returns the eight bytes of s from i, little-endian (one load once compiled).
func nmLoad8(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// nmLoad4 returns the four bytes of s from i, little-endian.
func nmLoad4(s string, i int) uint64 {
	_ = s[i+3]
	return uint64(uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24)
}

// fill puts the word w in slot i, the first of its pair, after moving the word there to
// the second slot.
func (s *nmState) fill(i uint64, w string) {
	s.memo[i+1] = s.memo[i]
	if s.memoKeys != nil {
		s.memoKeys[i+1] = s.memoKeys[i]
	}
	key := nmKey(w)
	cue := nmWordCue(w)
	sl := &s.memo[i]
	sl.set(w)
	sl.cue = cue
	sl.b = nmWordBits(w, key, cue)
	if key != w {
		if s.memoKeys == nil {
			s.memoKeys = new([1 << nmMemoBits]string)
		}
		s.memoKeys[i] = key // made by lexicon.Key: holds no post's text
	}
}

// nmWordCue returns the cue bits of the lower-case word w as the memo keeps them: nmWord,
// and a stop word for a word no cue lists that stretches a letter three times ("sooo",
// "omggg", "yesss", "hmmm"), which writes an interjection, never a name ("Soooo Amy Hart
// came in": the name is "Amy Hart"). Asked only when a word enters the memo.
func nmWordCue(w string) nmCue {
	cue := nmWord(w)
	if cue == 0 && nmStretched(w) {
		cue = cuStop
	}
	return cue
}

// nmStretched reports whether w has one ASCII letter three times in a row.
func nmStretched(w string) bool {
	for i := 2; i < len(w); i++ {
		if c := w[i]; c == w[i-1] && c == w[i-2] && 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// nmWordBits returns the facts of the word w with the key and cue bits, its entry not
// looked up.
func nmWordBits(w, key string, cue nmCue) nmSlotBits {
	var b nmSlotBits
	title := false
	if key == w {
		b |= sbSame
		title = cue&cuTitle != 0 // the cue table holds every title word
	} else {
		title = nmTitleKey(key)
	}
	if title {
		b |= sbTitle
	}
	if lexicon.PhraseStart(key) {
		b |= sbStart
	}
	if nmRelativeKey(key) {
		b |= sbRel
	}
	if nmPlainWord(w, b, cue) {
		b |= sbPlain
	}
	return b
}

// nmPlainWord reports whether, written in lower case in mixed-case text, the word w (of
// the slot bits b, sbPlain aside, and the cue bits) has no more facts for scanTokens than
// its key and cue bits: a word of two ASCII letters or more, starting with a lower-case
// letter, that is its own key, not a relative or title word, not a clinical, title or
// frame cue (see nmFrameCue) and not a possessive.
func nmPlainWord(w string, b nmSlotBits, cue nmCue) bool {
	return len(w) >= 2 && 'a' <= w[0] && w[0] <= 'z' && b&(sbSame|sbRel|sbTitle) == sbSame &&
		cue&(cuClinical|cuTitle|nmFrameCue) == 0 && !(len(w) > 3 && strings.HasSuffix(w, "'s"))
}

// entry returns nmLookup(key) for the slot that s.word returned with key.
// It inlines: the lexicon is asked out of line (lookupSlot), once per slot.
func (s *nmState) entry(sl *nmMemoSlot, key string) (nmEntry, bool) {
	if sl.b&sbLooked == 0 {
		nmLookupSlot(sl, key)
	}
	if sl.b&sbKnown == 0 {
		return nmEntry{}, false
	}
	return nmEntryOf(sl.flags, sl.ff, sl.sf, sl.tier, sl.pop), true
}

// nmLookupSlot fills the lexicon fields of the slot sl, of the key.
func nmLookupSlot(sl *nmMemoSlot, key string) {
	e, ok := lexicon.Lookup(key)
	sl.b |= sbLooked
	if ok {
		sl.b |= sbKnown
	}
	sl.flags, sl.ff, sl.sf, sl.tier, sl.pop = e.Flags, e.FirstNameFreq, e.SurnameFreq, e.WordTier, e.Population
	if sl.flags&nmClinical != 0 && bytes.IndexByte(sl.lw[:sl.n], '\'') >= 0 {
		// A contraction is no clinical abbreviation: "I'm" has the key of IM
		// (intramuscular), but no note writes IM with an apostrophe.
		sl.flags &^= nmClinical
	}
}

// nmTitleKey reports whether the key is in nmTitles.
func nmTitleKey(key string) bool {
	_, ok := nmTitles[key]
	return ok
}
