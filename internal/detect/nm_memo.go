package detect

import (
	"strings"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

// The name detector remembers what it learnt about the words it met last (their key, cue
// bits, whether a phrase may start there and their lexicon entry) in the wordMemo it
// shares with the places family (see wordmemo.go): the name family's facts of a word are
// nb and cue of its plWord, filled by nmFill when the word enters the memo.

// nmMemoKey is the length of the longest word remembered.
const nmMemoKey = memoKeyLen

// nmSlotBits are the yes-or-no facts of a memo slot for the name family.
type nmSlotBits uint8

const (
	sbSame  nmSlotBits = 1 << iota // nmKey(lw) == lw (else the key is in wordMemo.keys)
	sbStart                        // lexicon.PhraseStart(nmKey(lw))
	sbRel                          // nmRelativeKey(nmKey(lw))
	sbTitle                        // nmKey(lw) is in nmTitles
	sbKnown                        // the lexicon knows the key
	// sbPlain: an everyday word that scanTokens passes over in mixed-case
	// text once it has its key and cue bits (see nmPlainWord)
	sbPlain
	// sbNotClinical: a contraction whose key is a clinical abbreviation ("I'm" and IM,
	// intramuscular): the entry is read without its nmClinical flags (see nmFill)
	sbNotClinical
)

// cues returns the cue bits of the slot's word.
func (sl *wordMemoSlot) cues() nmCue { return sl.w.cue }

// has reports whether all the facts in b hold for the slot's word.
func (sl *wordMemoSlot) has(b nmSlotBits) bool { return sl.w.nb&b == b }

// word returns the memo slot of the lower-case word w (with its key, cue bits, phrase
// start and entry filled) and the key of w. The slot is valid until the next call.
func (s *nmState) word(w string) (*wordMemoSlot, string) {
	n := len(w)
	if n == 0 || n > nmMemoKey {
		sl := &s.spill
		sl.w = wordFacts(w, lexicon.Key(w))
		return sl, nmKey(w)
	}
	if s.memo == nil { // an nmState used alone (tests): a memo of its own
		s.memo = new(wordMemo)
	}
	i := s.memo.slot(w)
	sl := &s.memo.slots[i]
	if sl.w.nb&sbSame != 0 { // nmKey(w) == w, even where the lexicon's key differs (nmFill)
		return sl, w
	}
	return sl, s.memo.keyOf(i, w)
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
func (s *nmState) entry(sl *wordMemoSlot, key string) (nmEntry, bool) {
	if sl.w.nb&sbKnown == 0 {
		return nmEntry{}, false
	}
	return nmSlotEntry(sl), true
}

// nmSlotEntry returns the nmEntry of the filled slot sl of a word the lexicon knows.
func nmSlotEntry(sl *wordMemoSlot) nmEntry {
	e := &sl.w.e
	flags := e.Flags
	if sl.w.nb&sbNotClinical != 0 {
		flags &^= nmClinical
	}
	return nmEntryOf(flags, e.FirstNameFreq, e.SurnameFreq, e.WordTier, e.Population)
}

// nmTitleKey reports whether the key is in nmTitles.
func nmTitleKey(key string) bool {
	_, ok := nmTitles[key]
	return ok
}
