package detect

import "github.com/scrubshq/scrubs/internal/lexicon"

// The name detector remembers what it learnt about the words it met last (their key, cue
// bits, whether a phrase may start there and their lexicon entry) in a small
// direct-mapped table kept with the nmState in nmPool: the everyday words of one post
// come back in the next, and the table stays in a core's cache while the lexicon's and
// the cue table's do not.

// nmMemoBits is log2 of the number of words an nmState remembers.
const nmMemoBits = 13

// nmMemoKey is the length of the longest word remembered.
const nmMemoKey = 15

// nmMemoSlot is what the detector knows of one lower-case word: 56 bytes, the lexicon
// entry kept as its raw fields (see entry).
type nmMemoSlot struct {
	n      uint8 // length of the word (0: empty slot)
	lw     [nmMemoKey]byte
	same   bool // nmKey(lw) == lw
	start  bool // lexicon.PhraseStart(nmKey(lw))
	rel    bool // nmRelativeKey(nmKey(lw))
	title  bool // nmKey(lw) is in nmTitles
	looked bool // the lexicon fields below are filled
	known  bool
	ff, sf uint8 // first-name and surname popularity
	tier   uint8
	flags  lexicon.Flags
	pop    uint32
	cue    nmCue
	key    string // nmKey(lw) when it is not lw (made by lexicon.Key: holds no post's text)
}

// word returns the memo slot of the lower-case word w (with its key, cue bits and phrase
// start filled, its entry maybe not: see entry) and the key of w. The slot is valid until
// the next call.
func (s *nmState) word(w string) (*nmMemoSlot, string) {
	n := len(w)
	if n == 0 || n > nmMemoKey {
		sl := &s.spill
		key := nmKey(w)
		*sl = nmMemoSlot{cue: nmWord(w), start: lexicon.PhraseStart(key), rel: nmRelativeKey(key), title: nmTitleKey(key)}
		return sl, key
	}
	if s.memo == nil {
		s.memo = new([1 << nmMemoBits]nmMemoSlot)
	}
	x := uint64(n)<<56 | uint64(w[0])<<48 | uint64(w[n-1])<<40 | uint64(w[n/2])<<32 |
		uint64(w[min(1, n-1)])<<24 | uint64(w[max(n-2, 0)])<<16
	sl := &s.memo[(x*0x9E3779B97F4A7C15)>>(64-nmMemoBits)]
	if int(sl.n) != n || string(sl.lw[:n]) != w {
		key := nmKey(w)
		sl.n = uint8(n)
		copy(sl.lw[:], w)
		sl.same = key == w
		sl.key = ""
		if !sl.same {
			sl.key = key
		}
		sl.cue = nmWord(w)
		sl.start = lexicon.PhraseStart(key)
		sl.rel = nmRelativeKey(key)
		sl.title = nmTitleKey(key)
		sl.looked = false
	}
	if sl.same {
		return sl, w
	}
	return sl, sl.key
}

// entry returns nmLookup(key) for the slot that s.word returned with key.
func (s *nmState) entry(sl *nmMemoSlot, key string) (nmEntry, bool) {
	if !sl.looked {
		e, ok := lexicon.Lookup(key)
		sl.looked, sl.known = true, ok
		sl.flags, sl.ff, sl.sf, sl.tier, sl.pop = e.Flags, e.FirstNameFreq, e.SurnameFreq, e.WordTier, e.Population
	}
	if !sl.known {
		return nmEntry{}, false
	}
	return nmEntryOf(sl.flags, sl.ff, sl.sf, sl.tier, sl.pop), true
}

// nmTitleKey reports whether the key is in nmTitles.
func nmTitleKey(key string) bool {
	_, ok := nmTitles[key]
	return ok
}
