package detect

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// The person-name detector. One pass over the tokens builds "chains": an
// optional title followed by up to four name-like units (capitalised words,
// initials, hyphenated or Mc/Mac/O' surnames; in all-caps or all-lower text,
// words from the name lists). Each chain is scored with the logistic model of
// nm_score.go from lexical, case and context features, and given a role
// (patient, relative, staff, other) by the cues of nm_role.go.
//
// Speed: prepare learns each word's key, cue bits, phrase start and lexicon
// entry through a per-word memo kept across posts (nm_memo.go), which also
// marks the everyday words that need nothing more in lower case (sbPlain:
// most words of a post, passed over after their key and cues); when no
// token can start a chain (anyStart, over the bit set mayStart) the post ends
// there, with no phrase matching and no scoring, else chains visits only the
// tokens of that set; phrases are matched only at words where one may
// start and some word follows; a lower-case word in mixed-case text with no
// frame before it, and a function word in one-case text, are passed over
// without building a chain; reasons are built in a reused buffer and shared
// between posts (intern). Lookups stay lazy: a step that reads a word's
// lexicon facts asks for them (tok) or reads only those scanTokens learnt
// (scanLooked), so what a step finds does not depend on which words earlier
// steps happened to look up (TestNmRoleOrderFree).

// nameDetectors returns the detectors of this family.
func nameDetectors() []Detector { return []Detector{nameDetector{}} }

// nameDetector finds person names and tells their role.
type nameDetector struct{}

// Name returns the family's name.
func (nameDetector) Name() string { return "names" }

// Detect appends the name candidates of doc to out.
func (nameDetector) Detect(doc *text.Doc, out []Candidate) []Candidate {
	if len(doc.Tokens) == 0 {
		return out
	}
	memo := wordMemoPool.Get().(*wordMemo)
	out = nameDetector{}.detect(&post{doc: doc, memo: memo}, out)
	wordMemoPool.Put(memo)
	return out
}

// detect is Detect of the post with the post's word memo.
func (d nameDetector) detect(p *post, out []Candidate) []Candidate {
	if len(p.doc.Tokens) == 0 {
		return out
	}
	if p.memo == nil {
		return d.Detect(p.doc, out) // with a memo from the pool
	}
	s := nmPool.Get().(*nmState)
	s.memo = p.memo
	s.reset(p.doc)
	out = s.run(out)
	s.doc, s.memo = nil, nil
	nmPool.Put(s)
	return out
}

// detectBatch is Detect of each post with one state from the pool.
func (nameDetector) detectBatch(posts []post, cands [][]Candidate) {
	s := nmPool.Get().(*nmState)
	for i := range posts {
		if doc := posts[i].doc; len(doc.Tokens) > 0 {
			s.memo = posts[i].memo
			s.reset(doc)
			cands[i] = s.run(cands[i])
		}
	}
	s.doc, s.memo = nil, nil
	nmPool.Put(s)
}

var nmPool = sync.Pool{New: func() any { return new(nmState) }}

// Token flags.
const (
	tfSentStart uint16 = 1 << iota // first word of a sentence or line
	tfPoss                         // ends in possessive 's (excluded from the span)
	tfBlocked                      // inside a place or organisation phrase
	tfInitial                      // a single letter
	tfCap                          // first letter upper case
	tfUpper                        // every letter upper case
	tfHeading                      // in a run of all-caps words in mixed-case text
	tfOrgCue                       // inside a hospital-cue phrase ("care home")
	tfLazy                         // lexicon not looked up yet (see tok)
	tfRel                          // nmRelativeKey(key) (see isRelativeWord)
	tfTitleKey                     // key is in nmTitles
	tfFramed                       // prevWord(i, ",:-") is a frame word (see nmFrameCue)
)

// nmFrameCue are the cue bits of a word after which a lower-case word in
// mixed-case text may be a name ("called X", "pt X"); relative words too.
const nmFrameCue = cuCalled | cuPatientNoun | cuStaffNoun | cuFriendNoun

type nmTok struct {
	key   string  // lexicon key of the word, possessive removed
	end   int     // byte end of the word without possessive 's
	e     nmEntry // lexicon facts
	cue   nmCue   // cue bits of the lower-case word
	known bool    // found in the lexicon
	punct byte    // a punctuation token of one byte: that byte (see isPunct)
	f     uint16
}

// tok returns the facts of token k, looking the word up in the lexicon on
// first use: in mixed-case text most lower-case words are never asked about.
func (s *nmState) tok(k int) *nmTok {
	nt := &s.toks[k]
	if nt.f&tfLazy != 0 {
		s.lookup(nt, k) // kept out of line so that tok inlines
	}
	return nt
}

// lookup fills the lexicon facts of token k, whose nmTok is nt (see tok).
func (s *nmState) lookup(nt *nmTok, k int) {
	nt.f &^= tfLazy
	t := s.doc.Tokens[k]
	sl, key := s.word(s.doc.Lower[t.Start:nt.end])
	nt.e, nt.known = s.entry(sl, key)
}

// isName reports whether the word is on a name list with some popularity.
func (t *nmTok) isName() bool { return t.known && (t.e.first >= 0.2 || t.e.sur >= 0.2) }

type nmState struct {
	doc      *text.Doc
	toks     []nmTok
	keys     []string // lexicon keys of the word tokens, for phrases
	wordIdx  []int    // token index of each entry of keys
	caseless bool
	uppers   int // words that markHeadings may count (capitals, no initial)
	clinical int // clinical cue words in the post
	// clinicalDone is set once the lexicon's clinical flags were searched too
	clinicalDone bool
	units        [8]int
	// mayStart has bit i%64 of word i/64 set for the word tokens i that
	// anyStart must look at (see nmMayStartTok), then only for those where
	// anyStartAt lets a chain start, where chains calls chainAt: at the
	// others chainAt finds nothing
	mayStart []uint64

	// starts and caps are bit sets over the entries of keys (bit k%64 of
	// word k/64 for entry k): lexicon.PhraseStart of the entry, and the
	// capitalised words (tfCap), which matchPhrases walks with nmNextBit
	// rather than testing every word (whether a word is capitalised is a
	// coin toss on real text); scanTokens sets their bits without a branch
	starts, caps     []uint64
	memo             *wordMemo    // the words met last, shared with the places family (see word)
	spill            wordMemoSlot // the slot of a word too long for memo
	pad              []byte       // see scanTokens
	rbuf             []byte       // scratch for building reasons
	roleWs           []float64    // the role weight of each name chains appended (see shareRoles)
	birth, birthDone bool         // a birth word in the post, and whether that was read (birthPost)
	// reasons are the Reasons made last, by hash (see intern)
	reasons [nmReasonSlots]string
	feats   [nmFeatSlots]nmFeatSlot // feature lists, by fired set (see features)
}

func (s *nmState) reset(doc *text.Doc) {
	s.doc = doc
	if s.memo == nil { // an nmState used alone (tests): a memo of its own
		s.memo = new(wordMemo)
	}
	n := len(doc.Tokens)
	if cap(s.toks) < n {
		s.toks = make([]nmTok, n, n+n/2)
		s.keys = make([]string, 0, n+n/2)
		s.wordIdx = make([]int, 0, n+n/2)
	}
	s.toks = s.toks[:n]
	s.keys = s.keys[:0]
	s.wordIdx = s.wordIdx[:0]
	s.starts, s.caps = nmClearBits(s.starts, n), nmClearBits(s.caps, n)
	s.caseless = doc.AllCaps || doc.AllLower
	s.clinical = 0
	s.clinicalDone = false
	s.birth, s.birthDone = false, false
}

// prepare fills the per-token facts. It reports false, and leaves the
// phrases and headings out, when no chain may start in the post (see
// anyStart).
func (s *nmState) prepare() bool {
	s.scanTokens()
	if !s.anyStart() {
		return false // no chain anywhere: what finish learns is never read
	}
	s.finish()
	return true
}

// scanTokens fills the facts of each token, from the word itself and the
// words before it.
func (s *nmState) scanTokens() {
	doc := s.doc
	// sentStart and sentEnd are the bounds of the sentence sent (-1 and
	// math.MaxInt past the last one)
	sent, sentStart, sentEnd := 0, -1, math.MaxInt
	if len(doc.Sentences) > 0 {
		sentStart, sentEnd = doc.Sentences[0].Start, doc.Sentences[0].End
	}
	seenWord := false
	frame := false // the last word-like token is a frame word (see tfFramed)
	// plain is sbPlain in mixed-case text (see the plain words below), else 0
	plain := sbPlain
	if s.caseless {
		plain = 0
	}
	s.uppers = 0
	s.mayStart = nmClearBits(s.mayStart, len(doc.Tokens))
	mayStart := s.mayStart
	memo := &s.memo.slots
	// pad is the text in lower case and 16 zero bytes: the memo read below
	// loads 16 bytes from a word's start with no test of the text's end
	pad := append(append(s.pad[:0], doc.Lower...), make([]byte, 16)...)
	s.pad = pad
	toks := s.toks[:len(doc.Tokens)]
	for i, t := range doc.Tokens {
		nt := &toks[i] // prepare: raw access
		*nt = nmTok{end: t.End}
		for t.Start >= sentEnd {
			sent++
			seenWord = false
			sentStart, sentEnd = -1, math.MaxInt
			if sent < len(doc.Sentences) {
				sentStart, sentEnd = doc.Sentences[sent].Start, doc.Sentences[sent].End
			}
		}
		if t.Start == sentStart {
			seenWord = false
		}
		if t.Newline {
			seenWord = false
		}
		if t.Kind == text.Punct {
			if t.End-t.Start == 1 {
				nt.punct = doc.Norm[t.Start]
			}
			if frame && !nmFrameSkip(doc.Norm[t.Start:t.End]) {
				frame = false
			}
			continue
		}
		if frame {
			nt.f |= tfFramed
		}
		if !seenWord {
			nt.f |= tfSentStart
		}
		seenWord = true
		low := doc.Lower[t.Start:t.End]
		if t.Kind != text.Word {
			start := false
			switch t.Kind {
			case text.Hashtag, text.Mention:
				low = "" // no phrase starts there
			default:
				// numbers and "F1", "FY2", "ST3": the memo knows their cue and
				// phrase start when the word is its own key (see lexicon.Key)
				if t.Kind == text.Number || nmIsKey(low) {
					sl, _ := s.word(low)
					nt.cue, start = sl.cues(), sl.has(sbStart)
				} else {
					nt.cue, start = nmWord(low), lexicon.PhraseStart(low)
				}
				if t.Kind != text.Alnum {
					nt.cue = 0
				}
			}
			if start {
				w := len(s.keys)
				s.starts[w>>6] |= 1 << (w & 63)
			}
			s.keys = append(s.keys, low)
			s.wordIdx = append(s.wordIdx, i)
			frame = nt.cue&nmFrameCue != 0
			continue
		}
		// the memo's hit, as word finds it, read here with memoWords inline (a
		// call in the loop reloads every register); word does the rest
		var sl *wordMemoSlot
		key := low
		if n := len(low); n <= nmMemoKey {
			a, b := nmPadWords(pad, t.Start, n)
			k := memoPair(a, b, n, wordMemoBits)
			// the slot of the pair that holds the word, if one does, picked
			// by arithmetic (conditional moves), not branches: which slot,
			// and which part of the key tells, is a coin toss
			d0, d1 := memo[k].diff(a, b, n), memo[k+1].diff(a, b, n)
			k |= nmNonZero(d0) // k is even: the second slot unless the first holds it
			if m := &memo[k]; min(d0, d1)|uint64(^m.w.nb&sbSame) == 0 {
				sl = m
			}
		}
		if sl == nil {
			sl, key = s.word(low)
		}
		w := len(s.keys)                                                        // the entry of the word in keys
		s.starts[w>>6] |= uint64(sl.w.nb&sbStart) / uint64(sbStart) << (w & 63) // a shift, no branch
		s.keys = append(s.keys, key)
		s.wordIdx = append(s.wordIdx, i)
		nt.cue = sl.cues()
		nt.key = key
		if sl.w.nb&plain&nmLowerShape[t.Shape&15] != 0 { // one branch, not three; &15: no bounds check
			// most words: an everyday word in lower case in mixed-case text
			// (its shape, read with the token, tells it from the same word
			// capitalised, which the memo shares, without a load of its
			// first byte from the text; a word of mixed case that starts in
			// lower case, "iPhone", takes the long way, which finds the
			// same: TestNmPlainWords); what the rest of the
			// loop finds for it is no capital, initial, possessive or
			// capitals, no frame after it, looked up when asked
			nt.f |= tfLazy
			frame = false
			if nt.f&tfFramed != 0 && nt.cue&cuStop == 0 {
				mayStart[i>>6] |= 1 << (i & 63) // see nmMayStartTok
			}
			continue
		}
		if len(low) > 3 && strings.HasSuffix(low, "'s") {
			nt.f |= tfPoss
			nt.end -= 2
			low = low[:len(low)-2]
			sl, nt.key = s.word(low)
			nt.cue |= sl.cues()
		}
		if nt.cue&cuPatientNoun != 0 && w > 0 && (s.keys[w-1] == "fellow" && (nt.key == "pt" || nt.key == "pts") ||
			nt.key == "pt" && doc.Norm[t.Start:t.End] == "PT" && nmThirdOwner(s.keys[w-1])) {
			// "fellow PTs", "his PT": physiotherapists, the author's colleagues
			// or a patient's therapist, for every rule that reads the token's
			// cue bits ("my PT" may be the author's patient)
			nt.cue = nt.cue&^(cuPatientNoun|cuPatientCue) | cuStaffNoun | cuStaffCue
		}
		if sl.has(sbRel) {
			nt.f |= tfRel
		}
		if sl.has(sbTitle) {
			nt.f |= tfTitleKey
		}
		if c := doc.Norm[t.Start]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' { // unicode.IsUpper, for ASCII
				nt.f |= tfCap
			}
			if nt.end-t.Start == 1 {
				nt.f |= tfInitial
			}
		} else {
			word := doc.Norm[t.Start:nt.end]
			if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
				nt.f |= tfCap
			}
			if utf8.RuneCountInString(word) == 1 {
				nt.f |= tfInitial
			}
		}
		s.caps[w>>6] |= uint64(nt.f&tfCap) / uint64(tfCap) << (w & 63) // see starts
		if t.Shape&text.Upper != 0 {
			nt.f |= tfUpper
			if nt.f&tfInitial == 0 {
				s.uppers++
			}
		}
		if (s.caseless || nt.f&tfCap != 0) && nt.cue&cuStop == 0 {
			// s.entry(sl, nt.key), written out: a call in the loop reloads
			// every register
			if sl.w.nb&sbKnown != 0 {
				nt.e, nt.known = nmSlotEntry(sl), true
			}
		} else {
			nt.f |= tfLazy // function words and lower-case words: looked up when asked
		}
		if nt.cue&cuClinical != 0 {
			s.clinical++
		}
		frame = nt.cue&nmFrameCue != 0 || nt.f&tfRel != 0
		if nmMayStartTok(nt, s.caseless) {
			mayStart[i>>6] |= 1 << (i & 63)
		}
	}
}

// nmMayStartTok reports whether anyStart must look at the word token nt: false for the
// words it passes over whatever the other tokens (see anyStartAt), which are also words
// where chainAt finds nothing (no title, and no unit: unitOK refuses a function word as
// the first unit, and in mixed-case text a lower-case word with no frame).
func nmMayStartTok(nt *nmTok, caseless bool) bool {
	return nt.f&tfPoss != 0 || nt.cue&cuTitle != 0 ||
		nt.cue&cuStop == 0 && (caseless || nt.f&(tfCap|tfInitial|tfFramed) != 0)
}

// finish marks the tokens inside phrases and headings.
func (s *nmState) finish() {
	s.matchPhrases(func(p nmPhrase) {
		var f uint16
		switch {
		case p.block:
			if p.soft && s.personLike(p.start, p.end) {
				return
			}
			f = tfBlocked
		case p.cue:
			f = tfOrgCue
		default:
			return
		}
		for k := p.start; k < p.end && k < len(s.toks); k++ {
			s.toks[k].f |= f
		}
	})
	if !s.caseless && s.uppers >= 3 {
		s.markHeadings() // a heading is three capitals or more
	}
	if s.doc.AllCaps {
		s.clinical++ // notes typed in capitals are clinical notes
	}
}

// anyStart reports whether a chain may start at some token of the post:
// false only when chainAt would find nothing at any token, whatever the
// phrases and headings (then the run finds no name, and what chainAt would
// have looked up is never read). It reads only what scanTokens filled and
// looks nothing up in the tokens, so that the later passes see the tokens as
// they would have without it.
//
// It also drops from mayStart the tokens where anyStartAt refuses a chain,
// so that chains does not call chainAt there: a capitalised everyday word
// with no frame before it is told by anyStartAt's few tests, where chainAt
// would have run leftFrame and unitOK to find nothing.
func (s *nmState) anyStart() bool {
	found := false
	for w, m := range s.mayStart {
		for ; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			if s.anyStartAt(w<<6 + k) {
				found = true
			} else {
				s.mayStart[w] &^= 1 << k
			}
		}
	}
	return found
}

// anyStartAt reports whether a chain may start at the word token i (see anyStart): false
// only where chainAt finds nothing (TestNmChainStarts). It reports false for the words
// nmMayStartTok passes over.
func (s *nmState) anyStartAt(i int) bool {
	nt := &s.toks[i]
	if nt.f&tfPoss != 0 || nt.cue&cuTitle != 0 {
		return true // a title, maybe (see titleAt)
	}
	if nt.cue&cuStop != 0 {
		return false // unitOK(i, umStart, …) refuses function words
	}
	if nt.f&tfLazy != 0 && (s.caseless || nt.f&tfCap != 0) {
		return true // not expected: prepare looked these up
	}
	if !s.caseless {
		if nt.f&(tfInitial|tfFramed) != 0 {
			return true
		}
		if nt.f&tfCap == 0 {
			return false // see the lower-case rule of chainAt
		}
		if nt.isName() || nmCommonStrength(nt) < 0.45 {
			return true // else unitOK wants a frame
		}
	} else if nt.f&tfInitial == 0 && (nt.isName() || s.roleSuffixAfter(i)) {
		return true // else, in one-case text, unitOK wants a frame
	}
	return s.mayFrame(i)
}

// roleSuffixAfter reports whether a credential follows token i (after one
// comma maybe), as roleSuffixNext needs.
func (s *nmState) roleSuffixAfter(i int) bool {
	j := i + 1
	if s.isPunct(j, ',') {
		j++
	}
	return j < len(s.toks) && s.doc.Tokens[j].Kind == text.Word && s.toks[j].cue&cuRoleSuffix != 0
}

// mayFrame reports whether leftFrame(i) may find a frame: whether the word
// before i is one that leftFrame reads as one, or may (it peeks at the
// lexicon without recording the lookup in the token).
func (s *nmState) mayFrame(i int) bool {
	p := s.prevWord(i, ",:-")
	if p < 0 {
		return false
	}
	pt := &s.toks[p]
	if pt.cue&(nmFrameCue|cuPersonNoun) != 0 || pt.f&tfRel != 0 {
		return true
	}
	switch pt.key {
	case "and", "is", "me", "as":
		return true
	}
	if pt.cue != 0 || s.doc.Tokens[p].Kind != text.Word {
		return false // a word-like token of another kind is never looked up (see tok)
	}
	if pt.f&tfLazy == 0 {
		return pt.known && pt.e.has(nmRelative)
	}
	t := s.doc.Tokens[p]
	sl, key := s.word(s.doc.Lower[t.Start:pt.end])
	e, known := s.entry(sl, key)
	return known && e.has(nmRelative)
}

// nmPadWords returns memoWords(w) for the word w of n bytes (1 to memoKeyLen) at start
// in pad, which holds 16 bytes or more from start on (see scanTokens' pad). Two loads
// and two masks take the place of memoWords' switch on the length, whose case is a coin
// toss on varied text; the 16 bytes are read as two words that do not overlap
// (overlapping loads would share byte 7 and no longer compile to one load each), and b,
// bytes 7 to 14, is made of both.
func nmPadWords(pad []byte, start, n int) (a, b uint64) {
	w := pad[start : start+16]
	lo, hi := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
	mk := &nmMasks[n&15] // n <= 15: the index needs no check
	return lo & mk[0], (hi<<8 | lo>>56) & mk[1]
}

// nmNonZero returns 1 when x is not 0, else 0, by arithmetic (the compiler makes a
// branch of "if x != 0"): x | -x has its top bit set for every x but 0.
func nmNonZero(x uint64) uint64 { return (x | -x) >> 63 }

// nmLowerShape is sbPlain for the case bits of a shape (Upper to Mixed) of a word whose
// letters are all in lower case, else 0.
var nmLowerShape = func() (t [16]nmSlotBits) {
	for sh := range text.Shape(16) {
		if sh&(text.Upper|text.Title|text.Mixed) == 0 {
			t[sh] = sbPlain
		}
	}
	return t
}()

// nmMasks holds, for a word of n bytes (n <= memoKeyLen), the masks that keep its bytes 0
// to 7 and 7 to 14 from the 16 bytes of text at its start: a table lookup is no branch.
var nmMasks = func() (m [16][2]uint64) {
	for n := range m {
		for i := 0; i < n; i++ {
			if i < 8 {
				m[n][0] |= 0xff << (8 * i)
			}
			if i >= 7 {
				m[n][1] |= 0xff << (8 * (i - 7))
			}
		}
	}
	return m
}()

// nmIsKey reports that lexicon.Key(w) is w itself, as it is for ASCII with
// no capital, no apostrophe and no dot (for other words it may report false
// where Key(w) is w: "siân").
func nmIsKey(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '\'' || c == '.' {
			return false
		}
	}
	return true
}

// nmFrameSkip reports whether prevWord(i, ",:-") passes over the punctuation
// token p (one rune): strings.Contains(",:-", p).
func nmFrameSkip(p string) bool {
	return len(p) == 1 && (p[0] == ',' || p[0] == ':' || p[0] == '-')
}

// matchPhrases runs the lexicon's phrase matcher. In mixed-case text only
// the stretches that start at a capitalised word can hold a place or an
// organisation that a name detector must step around, so only those are
// matched (with the few words after them, for "Oakfield Care Home").
func (s *nmState) matchPhrases(fn func(nmPhrase)) {
	caps, starts := s.caps, s.starts
	n := len(s.keys)
	if s.caseless {
		for k := nmNextBit(starts, 0); k < n; k = nmNextBit(starts, k+1) {
			if nmPhraseNext(s.keys, k) {
				nmMatchPhrasesAt(s.keys, s.wordIdx, k, fn)
			}
		}
		return
	}
	// stretches from a capitalised word to the sixth word after the last
	// capitalised word that follows within six words of the one before
	const span = 6
	for w := nmNextBit(caps, 0); w < n; w = nmNextBit(caps, w) {
		end := w + span
		for c := nmNextBit(caps, w+1); c < end && c < n; c = nmNextBit(caps, c+1) {
			end = c + span // extend over the next capitalised word
		}
		end = min(end, n)
		keys, idx := s.keys[w:end], s.wordIdx[w:end]
		for k := nmNextBit(starts, w); k < end; k = nmNextBit(starts, k+1) {
			if nmPhraseNext(keys, k-w) {
				nmMatchPhrasesAt(keys, idx, k-w, fn)
			}
		}
		w = end
	}
}

// nmClearBits returns b, or a new slice if b is too small, made an empty bit set for n
// entries. Most posts need one word: it is cleared in place, not by a call to memclr.
func nmClearBits(b []uint64, n int) []uint64 {
	m := (n + 63) / 64
	if cap(b) < m {
		return make([]uint64, m, m+m/2)
	}
	b = b[:m]
	for i := range b {
		b[i] = 0
	}
	return b
}

// nmNextBit returns the first k >= i whose bit is set in the bit set b (bit
// k%64 of b[k/64]), or a number >= 64*len(b) when there is none.
func nmNextBit(b []uint64, i int) int {
	w := i >> 6
	if w >= len(b) {
		return i
	}
	m := b[w] &^ (1<<(i&63) - 1) // the bits from i on
	for m == 0 {
		if w++; w >= len(b) {
			return w << 6
		}
		m = b[w]
	}
	return w<<6 + bits.TrailingZeros64(m)
}

// nmPhraseNext reports whether a word follows keys[i] that a phrase may go
// on with: one word is no phrase, and an empty key (a hashtag, a mention)
// ends the match (see lexicon.MatchPhrases).
func nmPhraseNext(keys []string, i int) bool { return i+1 < len(keys) && keys[i+1] != "" }

// personLike reports whether the words of a short hospital name or small
// place ("John Taylor") read as a first name and a surname.
func (s *nmState) personLike(start, end int) bool {
	var words [4]int
	n := 0
	for k := start; k < end; k++ {
		if s.doc.Tokens[k].Kind == text.Word {
			if n == len(words) {
				return false
			}
			words[n] = k
			n++
		}
	}
	if n < 2 || n > 3 {
		return false
	}
	f, l := s.tok(words[0]), s.tok(words[n-1])
	return f.e.first >= 0.6 && l.e.sur >= 0.3 && nmCommonStrength(l) < 0.5
}

// markHeadings flags runs of three or more all-caps words in mixed-case text
// (headings, shouting): there, case is no evidence.
func (s *nmState) markHeadings() {
	toks := s.doc.Tokens
	run := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && toks[i].Kind == text.Punct && !toks[i].Newline {
			continue
		}
		if i < len(toks) && toks[i].Kind == text.Word && s.toks[i].f&tfUpper != 0 && s.toks[i].f&tfInitial == 0 && !(run > 0 && toks[i].Newline) {
			run++
			continue
		}
		if run >= 3 {
			for k, c := i-1, run; k >= 0 && c > 0; k-- {
				if toks[k].Kind == text.Word {
					s.toks[k].f |= tfHeading
					c--
				}
			}
		}
		run = 0
		if i < len(toks) && toks[i].Kind == text.Word && s.toks[i].f&tfUpper != 0 && s.toks[i].f&tfInitial == 0 {
			run = 1
		}
	}
}

func (s *nmState) run(out []Candidate) []Candidate {
	if !s.prepare() {
		return out
	}
	return s.chains(out)
}

// chains builds, judges and appends the names of the prepared post.
func (s *nmState) chains(out []Candidate) []Candidate {
	n := len(s.toks)
	base := len(out)
	s.roleWs = s.roleWs[:0]
	prev, prevEnd, prevRole, prevSingle := -1, -1, 0.0, false
	for i := 0; ; {
		if i = s.nextStart(i); i >= n {
			break
		}
		var c nmChain
		if s.chainAt(i, &c) {
			if cand, role, ok := s.judge(&c); ok {
				first := c.units[0]
				if c.title >= 0 {
					first = c.title
				}
				// "Smith, John": one name, surname first
				if prev >= 0 && prevSingle && c.title < 0 && len(c.units) == 1 && first-prevEnd == 2 &&
					s.isPunct(prevEnd+1, ',') && s.inverted(prevEnd, first) {
					p := &out[prev]
					p.End = cand.End
					if cand.Confidence > p.Confidence {
						p.Confidence = cand.Confidence
					}
					if p.Type == result.NameOther {
						p.Type = cand.Type
					}
					p.Reason += "; inverted 'Surname, First'"
					prev, prevSingle = -1, false
					i = c.next
					continue
				}
				// "Tom and Sarah", "Tom, Sarah": names in a list share a role
				if prev >= 0 && s.listed(prevEnd, first) {
					p := &out[prev]
					switch {
					case role < nmRoleMin && prevRole >= nmRoleMin:
						cand.Type = p.Type
						cand.Reason += "; role shared with a name in the same list"
						role = prevRole
					case prevRole < nmRoleMin && role >= nmRoleMin:
						p.Type = cand.Type
						p.Reason += "; role shared with a name in the same list"
					}
				}
				out = append(out, cand)
				s.roleWs = append(s.roleWs, role)
				prev, prevEnd, prevRole = len(out)-1, c.units[len(c.units)-1], role
				prevSingle = len(c.units) == 1 && c.title < 0
			}
			i = c.next
			continue
		}
		if c.next > i {
			i = c.next
			continue
		}
		i++
	}
	if len(out)-base >= 2 {
		s.shareRoles(out[base:])
	}
	return out
}

// shareRoles gives a name whose role no cue decided (NAME_OTHER under
// nmRoleMin) the role of the same name written elsewhere in the post, when
// that one was decided: "RIP to the lovely lady on Ward 3, Joan… Fly high
// Joan" is one patient. A name decided both ways elsewhere is left alone.
func (s *nmState) shareRoles(names []Candidate) {
	for i := range names {
		if names[i].Type != result.NameOther || s.roleWs[i] >= nmRoleMin {
			continue
		}
		ki := s.nameKey(names[i])
		var typ result.Type
		for j := range names {
			if j == i || s.roleWs[j] < nmRoleMin || names[j].Type == result.NameOther || s.nameKey(names[j]) != ki {
				continue
			}
			if typ != "" && typ != names[j].Type {
				typ = ""
				break
			}
			typ = names[j].Type
		}
		if typ != "" {
			names[i].Type = typ
			names[i].Reason += "; role shared with the same name elsewhere in the post"
		}
	}
}

// nameKey is the lower-case text of a name without its title: "Mr Lowe"
// and "Lowe" are the same name.
func (s *nmState) nameKey(c Candidate) string {
	w := s.doc.Lower[c.Start:c.End]
	if sp := strings.IndexByte(w, ' '); sp > 0 && nmTitles[strings.TrimSuffix(w[:sp], ".")] != tkNone {
		w = w[sp+1:]
	}
	return w
}

// nextStart returns the first token from i on where chainAt may find
// something, or len(s.toks): the next bit of mayStart (see nmMayStartTok).
// chains visits only those tokens, not every token with a test each: whether
// a token may start a name is a coin toss on real text.
func (s *nmState) nextStart(i int) int {
	return min(nmNextBit(s.mayStart, i), len(s.toks))
}

// inverted reports "Smith, John": a surname, a comma, then a first name
// that ends the list (not "Smith, Jones and Brown").
func (s *nmState) inverted(a, b int) bool {
	ta, tb := s.tok(a), s.tok(b)
	if ta.f&(tfInitial|tfPoss) != 0 || tb.f&tfInitial != 0 {
		return false
	}
	if !(ta.e.sur >= 0.5 && ta.e.sur > ta.e.first && tb.e.first >= 0.6 && tb.e.first > tb.e.sur) {
		return false
	}
	if nx := b + 1; nx < len(s.toks) {
		switch s.low(nx) {
		case "and", "&", ",", "or":
			return false
		}
	}
	return true
}

// listed reports whether tokens last and first are joined by "and", "&" or
// a comma only.
func (s *nmState) listed(last, first int) bool {
	if first-last != 2 {
		return false
	}
	l := s.low(last + 1)
	return l == "and" || l == "&" || l == "," || l == "or"
}

// nmChain is a title (optional) and the name units after it.
type nmChain struct {
	title     int // token index of the title, -1 if none
	titleKind nmTitleKind
	titleEnd  int // token index after the title (and its dot)
	units     []int
	start     int // byte span
	end       int
	next      int // token index to resume the scan at
	frame     nmFrameKind
	frameNoun int  // token index of the noun of a "lady called X" frame, -1 if none
	orgCut    bool // cut before a place or organisation word
	clinCut   bool // cut before a clinical noun
	inverted  bool // "Smith, John"
}

// nmFrameKind is the strong left frame that let a unit in.
type nmFrameKind uint8

const (
	frNone nmFrameKind = iota
	frCalled
	frRelative
	frPatient
	frStaff
	frFriend
	frPerson
)

// tokText returns the normalised text of token i.
func (s *nmState) tokText(i int) string {
	t := s.doc.Tokens[i]
	return s.doc.Norm[t.Start:t.End]
}

func (s *nmState) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	t := s.doc.Tokens[i]
	return s.doc.Lower[t.Start:t.End]
}

// isAnd reports whether token k is "and" or "&" (the cue bits of "and"
// hold cuPrep: most words are told without reading them).
func (s *nmState) isAnd(k int) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	nt := &s.toks[k]
	return nt.punct == '&' || nt.cue&cuPrep != 0 && s.low(k) == "and"
}

// isPunct reports whether token i is the one-byte punctuation c.
func (s *nmState) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].punct == c
}

// prevWord returns the index of the word-like token before i, skipping the
// punctuation in skip, or -1.
func (s *nmState) prevWord(i int, skip string) int {
	for k := i - 1; k >= 0; k-- {
		t := s.doc.Tokens[k]
		if t.Kind != text.Punct {
			return k
		}
		// strings.Contains(skip, p) for p of one rune and skip of ASCII
		if p := s.doc.Norm[t.Start:t.End]; len(p) != 1 || strings.IndexByte(skip, p[0]) < 0 {
			return -1
		}
	}
	return -1
}

// prevAdj is prevWord(i, ""): the token right before i unless it is
// punctuation.
func (s *nmState) prevAdj(i int) int {
	if i > 0 && s.doc.Tokens[i-1].Kind != text.Punct {
		return i - 1
	}
	return -1
}

// titleAt reports whether token i is a title that may start a chain.
func (s *nmState) titleAt(i int) nmTitleKind {
	nt := &s.toks[i]
	if nt.f&tfPoss == 0 && nt.cue&cuTitle == 0 {
		return tkNone // the common case, decided at once (see below)
	}
	if s.doc.Tokens[i].Kind != text.Word {
		return tkNone
	}
	if nt.f&tfPoss != 0 && (s.low(i) == "dr's" || s.low(i) == "drs'") {
		return tkStaff // "DR'S VELMONTE AND ASHBY"
	}
	if nt.f&tfPoss != 0 || nt.cue&cuTitle == 0 {
		return tkNone
	}
	v, _ := nmTitleTable.get(s.low(i))
	k := nmTitleKind(v)
	if k == tkNone {
		return tkNone
	}
	if k == tkAmbig {
		// Sister, Nurse, Matron, Doctor, Father: a title only when written
		// with a capital (or in one-case text) and not after a determiner.
		if !s.caseless && nt.f&tfCap == 0 {
			return tkNone
		}
		if p := s.prevAdj(i); p >= 0 && s.toks[p].cue&(cuDet|cuOwnMine|cuOwnOther) != 0 {
			return tkNone
		}
		return nmTitleRole(k, s.low(i))
	}
	if s.low(i) == "miss" {
		// "miss you", "I miss Sarah": the verb
		if p := s.prevAdj(i); p >= 0 && s.toks[p].cue&(cuPronoun|cuAux|cuOwnMine) != 0 {
			return tkNone
		}
		if s.caseless || nt.f&tfCap == 0 {
			if nx := i + 1; nx < len(s.toks) && s.toks[nx].cue&cuPronoun != 0 {
				return tkNone
			}
		}
	}
	if !s.caseless && nt.f&tfCap == 0 {
		// "dr smith" in mixed text: only the unambiguous abbreviations.
		switch s.low(i) {
		case "dr", "mr", "mrs", "ms", "prof":
		default:
			return tkNone
		}
	}
	return k
}

// famousPair reports a title and word that name a famous character or
// public figure ("Mr Bean", "Dr Pepper", "Captain Hook"; nmFamousPairs)
// rather than a person of the post (see nmFamousAt).
func (s *nmState) famousPair(title, j int) bool {
	return nmFamousAt(s.doc, title, j)
}

// nmFamousAt reports the famous pair of title token title and word token j
// ("Mr Bean"), outside a patient frame: "Mr Bean in bed 4" or "Mr Foster,
// 82, admitted" name a real patient all the same. Also used by the tagger's
// family, so that it does not report the word alone.
func nmFamousAt(doc *text.Doc, title, j int) bool {
	tj, tt := doc.Tokens[j], doc.Tokens[title]
	if tj.Kind != text.Word {
		return false
	}
	g := nmFamousPairs[doc.Lower[tj.Start:tj.End]]
	if g == 0 || g&nmFamousTitle(doc.Lower[tt.Start:tt.End]) == 0 {
		return false
	}
	if n := j + 1; n < len(doc.Tokens) && doc.Tokens[n].Kind == text.Word && !doc.Tokens[n].Newline &&
		doc.Tokens[n].Shape&text.Title != 0 && nmWord(doc.Lower[doc.Tokens[n].Start:doc.Tokens[n].End])&cuStop == 0 {
		return false // "Dr Ruth Levine": a first name and its surname
	}
	return !nmPatientFrame(doc, title, j)
}

// nmFamousFrame is how many tokens either side of a famous pair are looked
// at for a patient cue (nmFamousAt).
const nmFamousFrame = 6

// nmPatientFrame reports a patient cue (a bed or bay, an age, "admitted",
// "cannula": cuPatientCue) within nmFamousFrame tokens of the tokens
// first..last, in the same sentence.
func nmPatientFrame(doc *text.Doc, first, last int) bool {
	toks := doc.Tokens
	sent := doc.SentenceOf(toks[first].Start)
	lo, hi := max(first-nmFamousFrame, 0), min(last+nmFamousFrame, len(toks)-1)
	for k := lo; k <= hi; k++ {
		t := toks[k]
		if k >= first && k <= last || t.Start < sent.Start || t.Start >= sent.End {
			continue
		}
		if t.Kind == text.Word && nmWord(doc.Lower[t.Start:t.End])&cuPatientCue != 0 || nmAgeAt(doc, k) {
			return true
		}
	}
	return false
}

// chainAt builds the chain starting at token i, if any.
func (s *nmState) chainAt(i int, c *nmChain) bool {
	toks := s.doc.Tokens
	c.title = -1
	c.frameNoun = -1
	c.units = s.units[:0]
	j := i
	if k := s.titleAt(i); k != tkNone {
		j = i + 1
		if j < len(toks) && s.isPunct(j, '.') && !toks[j].Space {
			j++
		}
		if j < len(toks) && s.famousPair(i, j) {
			c.next = j + 1 // "Mr Bean", "Dr Watson": the character, skip both
			return false
		}
		if j < len(toks) && s.unitOK(j, umTitle, frNone) && !toks[j].Newline && s.titledNameOK(i, j) {
			c.title, c.titleKind, c.titleEnd = i, k, j
		} else {
			if j < len(toks) && s.toks[j].cue&cuNotAfterTitle != 0 && s.toks[j].f&tfCap != 0 {
				c.next = j + 1 // "Mr Right", "Nurse Practitioner": skip both
			}
			return false
		}
	} else {
		if toks[i].Kind != text.Word {
			return false
		}
		if !s.caseless && s.toks[i].f&(tfCap|tfInitial|tfFramed) == 0 {
			// a lower-case word in mixed text is a name only after a strong frame
			return false
		}
		c.frame, c.frameNoun = s.leftFrame(i)
		if !s.unitOK(i, umStart, c.frame) {
			return false
		}
	}
	s.extend(j, c)
	if len(c.units) == 0 {
		return false
	}
	s.cutAtNonNames(c)
	if len(c.units) == 0 {
		c.next = j + 1
		return c.title >= 0 // a title whose only unit was cut: judged (and dropped) there
	}
	return true
}

// extend appends the units from token j on.
func (s *nmState) extend(j int, c *nmChain) {
	toks := s.doc.Tokens
	k := j
	c.next = j + 1
	for len(c.units) < 4 {
		c.units = append(c.units, k)
		c.next = k + 1
		nt := s.tok(k)
		c.end = nt.end
		if nt.f&tfPoss != 0 {
			break
		}
		nx := k + 1
		if nx >= len(toks) {
			break
		}
		if nt.f&tfInitial != 0 && s.isPunct(nx, '.') && !toks[nx].Space {
			// "J." of "J. Smith" or "J.S."
			if nx+1 < len(toks) && !toks[nx+1].Newline && s.unitOK(nx+1, umNext, frNone) &&
				(s.toks[nx+1].f&tfInitial != 0 || toks[nx+1].Space) {
				k = nx + 1
				continue
			}
			break
		}
		if s.isPunct(nx, '-') && !toks[nx].Space && nx+1 < len(toks) && !toks[nx+1].Space &&
			s.unitOK(nx+1, umNext, frNone) && s.toks[nx+1].f&tfCap == s.toks[k].f&tfCap {
			k = nx + 1 // hyphenated: "Smith-Jones", "Jean-Paul"
			continue
		}
		if toks[nx].Space && !toks[nx].Newline && (s.unitOK(nx, umNext, frNone) || s.surnameAfterFirst(k, nx)) {
			k = nx
			continue
		}
		if m := s.afterParticles(nx); m > 0 {
			k = m // "de la Cruz", "van der Berg": the particles join the surname
			continue
		}
		break
	}
	first := toks[c.units[0]].Start
	if c.title >= 0 {
		first = toks[c.title].Start
	}
	c.start = first
}

// nmParticles are the lower-case words inside surnames: "Maria de la Cruz",
// "Dr van der Berg", "Ahmed bin Said".
var nmParticles = WordSet("de", "la", "del", "della", "der", "den", "van", "von", "da", "di", "das", "dos",
	"du", "le", "ter", "ten", "bin", "binti", "ibn", "al", "el", "ap")

// afterParticles returns the token of the surname after one or two particles
// starting at token j ("de la Cruz"), or 0 when there is none: the particles
// written in lower case (any case in a one-case note), on the same line,
// then a word that can follow in a name.
func (s *nmState) afterParticles(j int) int {
	toks := s.doc.Tokens
	for n := 0; n < 2 && j+1 < len(toks); n++ {
		t := toks[j]
		if t.Kind != text.Word || !t.Space || t.Newline || !nmParticles[s.doc.Lower[t.Start:t.End]] ||
			!s.caseless && s.toks[j].f&tfCap != 0 {
			return 0
		}
		j++
		if toks[j].Space && !toks[j].Newline && (s.caseless || s.toks[j].f&tfCap != 0) && s.unitOK(j, umNext, frNone) {
			return j
		}
	}
	return 0
}

// Unit modes: where a unit stands in its chain.
const (
	umStart = iota // the first unit, no title before
	umTitle        // the first unit after a title
	umNext         // a later unit of the chain
)

// unitOK reports whether token k may be part of a name.
func (s *nmState) unitOK(k int, mode int, fr nmFrameKind) bool {
	afterName := mode != umStart
	if k < 0 || k >= len(s.toks) {
		return false
	}
	t := s.doc.Tokens[k]
	nt := &s.toks[k]
	if t.Kind != text.Word || nt.f&(tfBlocked|tfOrgCue) != 0 {
		return false
	}
	initial := nt.f&tfInitial != 0
	// roleSuffixNext first: it fails at once for most words (no role suffix
	// after), where whether the word is an initial or capitalised is a coin toss
	if s.roleSuffixNext(k) && !initial && (s.caseless || nt.f&tfCap == 0) {
		return true // "Q. MARSHALL RRT", "kim ardley licws": a name signed with credentials
	}
	if !s.caseless && nt.f&(tfInitial|tfCap) == 0 { // lower case in mixed text, no initial: one test
		if s.lowerAfterStrongCue(k, mode, fr) {
			return true // "Dr griffin", "husband radovan", "son, bill,"
		}
		if fr == frNone || fr == frPerson {
			return false // lower case in mixed text, no frame
		}
	}
	if nt.cue&cuStop != 0 && (s.caseless || nt.f&tfCap == 0 || mode != umTitle) {
		return false
	}
	nt = s.tok(k)
	named := nt.isName()
	if initial {
		low := s.low(k)
		if !s.caseless && nt.f&tfCap == 0 {
			return false
		}
		if (low == "l" || low == "r") && !s.isPunct(k+1, '.') {
			return false // "L Lung", "R ICA": left and right
		}
		if k > 0 && (s.isPunct(k-1, '/') || s.isPunct(k-1, '-')) && !s.doc.Tokens[k].Space {
			return false // "D/C", "O/N"
		}
		if mode == umStart && fr == frPatient && !s.isPunct(k+1, '.') {
			return false // "Pt K continues", "Pts L heel"
		}
		if low == "i" || low == "a" || low == "x" {
			// "A. Smith" only with its dot
			return k+2 < len(s.toks) && s.isPunct(k+1, '.') && s.doc.Tokens[k+2].Kind == text.Word
		}
		if s.caseless && !afterName && fr == frNone {
			return false
		}
		if k+1 < len(s.toks) && (s.isPunct(k+1, '/') || s.isPunct(k+1, '&')) {
			return false // "c/o", "A&E"
		}
		return true
	}
	if mode == umTitle && nt.cue&cuNotAfterTitle != 0 {
		return false
	}
	if nt.cue&cuStop != 0 && !(mode == umTitle && named && !s.caseless && nt.f&tfCap != 0 && nt.cue&cuPronoun == 0) {
		return false // but "Mr May", "Dr Will"
	}
	if nt.f&tfTitleKey != 0 && nt.key != "miss" {
		return false
	}
	if nt.known && nt.e.has(nmRelative|nmHealthRole|nmTitleW) && (!named || mode == umStart && nt.e.has(nmTitleW)) &&
		!(named && fr != frNone && fr != frCalled && nt.e.first >= 0.2 && !nt.e.has(nmRelative|nmHealthRole)) {
		return false // "Queen", "Nurse", "Mum" do not start a name; "grandpa Earl", "pt Duke" do
	}
	if s.caseless {
		switch {
		case mode == umNext:
			if !named && s.unknownSurname(k) {
				return true // "MARISA VELTHORN", "patty ormsby": an unlisted surname after a first name
			}
			if !named || nmCommonStrength(nt) >= 0.45 {
				return false
			}
		case named:
		case fr == frCalled && !afterName:
			return false // "wife called overnoc": the verb, not a naming frame
		case fr == frRelative && !afterName && s.lowerAfterStrongCue(k, mode, fr):
			// "son, bill, called": a listed first name right after a relative
		case (afterName || fr != frNone) && !(nt.known && nt.e.has(nmCommon)):
		default:
			return false
		}
		if nmCommonStrength(nt) >= 0.75 && !afterName && fr == frNone && !nmStrongName(nt) {
			return false
		}
		return true
	}
	if nt.f&tfCap == 0 {
		// lower case in mixed text: only a listed first name after a strong frame
		return fr != frNone && fr != frPerson && nt.known && nt.e.has(nmFirst) && !nt.e.has(nmCommon)
	}
	if nt.f&tfUpper != 0 && len(nt.key) <= 3 && mode != umTitle && !s.upperInitials(k, fr) {
		// "MD", "MAE", "RA", "OOB": short capitals in mixed-case text are
		// abbreviations, not names
		return false
	}
	if nt.f&tfUpper != 0 && mode != umTitle {
		// "NHS", "ICU": capitals are no evidence; only listed names, or
		// initials right after "pt", "patient", "called": "pt JS"
		if s.upperInitials(k, fr) {
			return true
		}
		if !named || nt.known && nt.e.has(nmClinical|nmWardUnit) {
			return false
		}
	}
	if !named && nmCommonStrength(nt) >= 0.45 && fr == frNone && mode != umTitle {
		return false // "Coma", "Team": a capitalised common word
	}
	return true
}

// titledNameOK guards the titles that double as clinical abbreviations in
// notes: "MS" (mental status), "MR" (mitral regurgitation), "SR" (sinus
// rhythm), and "SISTER" or "NURSE" in capitals. After such a title the word
// must be a listed name that is not a common English word ("MS. Aspiration",
// "SR. BP", "SISTER STATES" are not names).
func (s *nmState) titledNameOK(title, j int) bool {
	tt := s.doc.Tokens[title]
	key := s.low(title)
	if key == "np" && (s.isPunct(title+1, '.') || title > 0 && s.doc.Tokens[title-1].Kind != text.Word) {
		return false // "2L NP. Lungs clear": nasal prongs
	}
	upperTitle := tt.Shape&text.Upper != 0 && len(key) >= 2
	suspicious := key == "sr" || key == "np" || upperTitle && (key == "ms" || key == "mr") ||
		s.caseless && nmTitles[key] == tkAmbig
	if !suspicious {
		return true
	}
	nt := s.tok(j)
	if s.doc.Tokens[j].Shape&text.Upper != 0 && len(nt.key) <= 3 && key != "mr" && key != "mrs" && key != "ms" {
		return false
	}
	if key == "np" && !nt.known && len(nt.key) >= 4 && nt.cue == 0 {
		return true // "NP KOVALIK": an unlisted surname after the nurse practitioner title
	}
	return nt.isName() && nmCommonStrength(nt) < 0.45 && !nt.e.has(nmClinical)
}

// roleSuffixNext reports a word followed by credentials that end the line or
// the sentence: "MARSHALL RRT", "ardley licws,", "VARNELIS NP".
//
// The suffix is tested first, its cue bit before its kind: few words have one after
// them, while the tests of the word itself are coin tosses (and may look it up).
func (s *nmState) roleSuffixNext(k int) bool {
	j := k + 1
	if j < len(s.toks) && s.isPunct(j, ',') {
		j++
	}
	if j >= len(s.toks) || s.toks[j].cue&cuRoleSuffix == 0 || s.doc.Tokens[j].Kind != text.Word || s.doc.Tokens[j].Newline {
		return false
	}
	if e := j + 1; e < len(s.toks) && !s.doc.Tokens[e].Newline && s.doc.Tokens[e].Kind != text.Punct {
		return false
	}
	nt := s.tok(k)
	return !(len(nt.key) < 3 || nt.cue&(cuStop|cuPronoun|cuAux|cuEponym|cuClinNoun|cuOrgSuffix|cuRoleSuffix) != 0 ||
		nt.known && nt.e.has(nmClinical|nmWardUnit|nmMonth|nmWeekday|nmHealthRole) || nmCommonStrength(nt) >= 0.45)
}

// unknownSurname reports an unlisted word of four letters or more, not an
// English word and not a clinical term, right after a listed first name: in
// one-case notes that is how a full name with a rare surname looks.
func (s *nmState) unknownSurname(k int) bool {
	p := k - 1
	if p < 0 || s.doc.Tokens[p].Kind != text.Word || !s.doc.Tokens[k].Space || s.doc.Tokens[k].Newline {
		return false
	}
	pt := s.tok(p)
	if pt.e.first < 0.5 || nmModal(pt.key) {
		return false
	}
	nt := s.tok(k)
	if len(nt.key) < 4 || nt.cue != 0 || nt.f&(tfBlocked|tfOrgCue) != 0 {
		return false
	}
	return !nt.known || nt.e.first == 0 && nmCommonStrength(nt) == 0 && !nt.e.has(nmClinical|nmWardUnit|nmMonth|nmWeekday|nmPlace)
}

// lowerAfterStrongCue lets a lower-case word in mixed text be a name right
// after a title or a relative frame, unless it is a function word or a
// common English word that is not also a listed name.
func (s *nmState) lowerAfterStrongCue(k int, mode int, fr nmFrameKind) bool {
	if mode != umTitle && fr != frRelative {
		return false
	}
	nt := s.tok(k)
	if nt.cue&(cuStop|cuPronoun|cuAux|cuEponym|cuClinNoun|cuOrgSuffix|cuNotAfterTitle) != 0 || nt.f&tfBlocked != 0 || len(nt.key) < 2 {
		return false
	}
	if nt.known && nt.e.has(nmClinical|nmWardUnit|nmMonth|nmWeekday|nmRelative|nmHealthRole|nmTitleW) {
		return false
	}
	if nt.isName() {
		return fr != frRelative || nt.e.first >= 0.2 || nmCommonStrength(nt) < 0.45
	}
	return nmCommonStrength(nt) < 0.2
}

// surnameAfterFirst lets a word that is also a common word follow a popular
// first name as its surname: a listed surname in one-case text ("TOM
// SMITH", "john brown"), any capitalised word in mixed text ("Dan Bar").
func (s *nmState) surnameAfterFirst(prev, k int) bool {
	nt := &s.toks[k]
	if s.doc.Tokens[k].Kind != text.Word || nt.cue&(cuStop|cuNeverSurname|cuClinNoun|cuEponym) != 0 || nt.f&(tfBlocked|tfOrgCue|tfInitial) != 0 {
		return false
	}
	p := s.tok(prev)
	if p.e.first < 0.6 || p.f&tfPoss != 0 {
		return false
	}
	if s.caseless {
		return s.tok(k).e.sur >= 0.6
	}
	return nt.f&tfCap != 0 && nt.f&tfUpper == 0 && nmCommonStrength(p) < 0.45 && !s.tok(k).e.has(nmMonth|nmWeekday|nmTitleW)
}

// upperInitials reports two or three capitals used as initials after a
// patient or naming frame ("pt JS", "patient called AB").
func (s *nmState) upperInitials(k int, fr nmFrameKind) bool {
	nt := &s.toks[k]
	if fr != frPatient && fr != frCalled || nt.f&tfUpper == 0 || len(nt.key) < 2 || len(nt.key) > 3 {
		return false
	}
	if fr == frPatient {
		// "Pt JS was confused", but "Pt OOB to chair", "Pts BS clear": after
		// "pt" capitals are abbreviations unless a verb says a person follows
		nx := k + 1
		if nx >= len(s.toks) || s.doc.Tokens[nx].Kind != text.Word || s.toks[nx].cue&(cuAux|cuVerbHuman) == 0 {
			return false
		}
	}
	if nt.cue != 0 || nt.known && nt.e.has(nmClinical|nmWardUnit|nmCommon|nmHealthRole) {
		return false
	}
	for i := 0; i < len(nt.key); i++ {
		if nt.key[i] < 'a' || nt.key[i] > 'z' {
			return false
		}
	}
	return !s.isPunct(k+1, '/') && !s.isPunct(k+1, '&')
}

// nmStrongName reports a popular first name or surname.
func nmStrongName(nt *nmTok) bool { return nt.e.first >= 0.6 || nt.e.sur >= 0.6 }

// cutAtNonNames shortens the chain before a clinical noun ("Glasgow Coma
// Scale") or a place/organisation word ("Rowan Ward", "Leeds General
// Infirmary"), keeping "Ward" as a surname after a first name or a title.
func (s *nmState) cutAtNonNames(c *nmChain) {
	for x, u := range c.units {
		nt := s.tok(u)
		if nt.cue&cuClinNoun != 0 && !(nt.isName() && x > 0 && x == len(c.units)-1 && c.title >= 0) {
			c.clinCut = true
			s.truncate(c, x)
			return
		}
		if nt.cue&cuOrgSuffix != 0 {
			if nt.cue&cuNeverSurname == 0 && nt.isName() && s.surnameSuffixOK(c, x) {
				continue
			}
			c.orgCut = true
			s.truncate(c, x)
			return
		}
	}
}

// surnameSuffixOK decides whether a word like "Ward" or "Hall" at position
// x of the chain is a surname: after a title or a first name, not after
// "on/to/the", and not before a number ("Ward 7").
func (s *nmState) surnameSuffixOK(c *nmChain, x int) bool {
	u := c.units[x]
	if nx := u + 1; nx < len(s.toks) && s.doc.Tokens[nx].Kind != text.Punct && s.doc.Tokens[nx].Kind != text.Word {
		return false
	}
	if x == 0 {
		return c.title >= 0
	}
	if x != len(c.units)-1 {
		return true
	}
	prev := s.tok(c.units[x-1])
	if !(prev.known && prev.e.has(nmFirst) && prev.e.first >= 0.2) && c.title < 0 {
		return false
	}
	start := c.units[0]
	if c.title >= 0 {
		return true
	}
	if p := s.prevAdj(start); p >= 0 {
		switch s.low(p) {
		case "on", "onto", "to", "the", "from", "at", "in", "into", "off", "of", "our", "ward":
			return false
		}
	}
	return true
}

func (s *nmState) truncate(c *nmChain, x int) {
	c.units = c.units[:x]
	if x > 0 {
		c.end = s.toks[c.units[x-1]].end
		c.next = c.units[x-1] + 1
	}
}

// leftFrame returns the strong frame right before token i: "called X",
// "her son X", "pt X", "my colleague X"; for "a lady called X" also the
// index of the noun.
func (s *nmState) leftFrame(i int) (nmFrameKind, int) {
	p := s.prevWord(i, ",:-")
	if p < 0 {
		// "her son (X, a bus driver)", "Mom & Dad (X & Y)": a relative noun
		// before a bracket
		if q := i - 2; q >= 0 && s.isPunct(i-1, '(') && s.doc.Tokens[q].Kind == text.Word &&
			s.isRelativeWord(q) && s.toks[q].cue&cuFriendNoun == 0 && !s.doc.Tokens[i].Newline {
			return frRelative, q
		}
		return frNone, -1
	}
	pt := &s.toks[p]
	if pt.key == "and" || s.isPunct(i-1, '&') {
		// "Dr Halloran and Thistlewood", "DRS HALE AND MORVENSON"
		for k, n := p-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
			if s.doc.Tokens[k].Kind == text.Word && (s.titleAt(k) == tkStaff || s.toks[k].key == "drs" || s.low(k) == "dr's") {
				return frStaff, -1
			}
		}
	}
	switch {
	case pt.cue&cuCalled != 0 && !s.isPunct(i-1, ','):
		q := s.prevAdj(p)
		if q >= 0 && s.toks[q].cue&(cuPatientNoun|cuPersonNoun|cuStaffNoun|cuFriendNoun) != 0 {
			return frCalled, q
		}
		return frCalled, -1
	case pt.key == "is" || pt.key == "me" || pt.key == "as":
		if q := s.prevAdj(p); q >= 0 {
			switch s.low(q) {
			case "name", "call", "known", "called":
				return frCalled, -1
			}
		}
	case pt.cue&cuPatientNoun != 0:
		return frPatient, p
	case pt.cue&cuFriendNoun == 0 && s.isRelativeWord(p) || pt.cue == 0 && s.tok(p).known && pt.e.has(nmRelative):
		return frRelative, p
	case pt.cue&cuStaffNoun != 0:
		return frStaff, p
	case pt.cue&cuFriendNoun != 0:
		return frFriend, p
	case pt.cue&cuPersonNoun != 0:
		return frPerson, p
	}
	return frNone, -1
}

// isRelativeWord backs up the lexicon's Relative flag with the commonest
// relative nouns.
func (s *nmState) isRelativeWord(k int) bool { return s.toks[k].f&tfRel != 0 }

// nmRelativeKey reports whether isRelativeWord holds for a word with the key.
func nmRelativeKey(key string) bool {
	_, ok := nmRelativeTable.get(key)
	return ok
}

// nmRelativeWords are the relative nouns of nmRelativeKey.
var nmRelativeWords = [...]string{"wife", "husband", "son", "daughter", "mum", "mom", "mother",
	"dad", "father", "nan", "nana", "gran", "granny", "grandma", "grandad", "grandpa", "grandson",
	"granddaughter", "brother", "sister", "aunt", "auntie", "uncle", "niece", "nephew", "cousin",
	"mama", "momma", "mamma", "papa", "grandmother", "grandfather", "stepmom", "stepmum", "stepdad",
	"partner", "boyfriend", "girlfriend", "fiance", "fiancee", "carer", "nok", "stepson",
	"stepdaughter", "hubby", "sis", "bro", "twin", "kin", "sons", "daughters", "dtr", "dtrs",
	"sibling", "siblings", "grandaughter", "stepmother", "stepfather", "spouse", "proxy", "hcp"}

// nmRelativeTable holds nmRelativeWords.
var nmRelativeTable = func() *nmWordTable {
	m := make(map[string]bool, len(nmRelativeWords))
	for _, w := range nmRelativeWords {
		m[w] = true
	}
	return nmNewWordSet(m)
}()

// nmCompass reports the compass words of a region ("North West", "South
// East", "Mid West"): a chain made of them alone is no name. A switch, not a
// map: it runs for every chain.
func nmCompass(w string) bool {
	switch w {
	case "north", "south", "east", "west", "mid", "north-west", "north-east", "south-west",
		"south-east", "northwest", "northeast", "southwest", "southeast", "central":
		return true
	}
	return false
}

// compassOnly reports a chain whose units are all compass words.
func (s *nmState) compassOnly(c *nmChain) bool {
	for _, u := range c.units {
		if !nmCompass(s.low(u)) {
			return false
		}
	}
	return len(c.units) >= 2 || c.frame == frNone && s.low(c.units[0]) != "mid"
}

// nmPet reports the nouns of pets: a name right next to one is the
// animal's ("our cat Hope", "my dog, Bella,", "Bella the dog", "Max, our
// puppy"), and animals' names are not spans (docs/ANNOTATION.md). A switch,
// not a map: it runs for every chain.
func nmPet(w string) bool {
	switch w {
	case "cat", "cats", "dog", "dogs", "puppy", "puppies", "pup", "kitten", "kittens", "doggo",
		"hamster", "rabbit", "bunny", "pony", "horse", "budgie", "parrot", "tortoise", "gerbil",
		"ferret", "labrador", "spaniel", "terrier", "collie", "retriever", "poodle", "pug",
		"dachshund", "greyhound", "whippet", "lurcher", "beagle", "husky", "cockapoo", "cavapoo",
		"pooch", "moggy", "kitty", "goat", "goats", "lamb", "lambs", "donkey", "donkeys", "piglet",
		"piglets", "alpaca", "alpacas", "guinea-pig", "guinea-pigs", "gecko", "tortoises", "rabbits",
		"bunnies", "ponies", "horses", "budgies", "hamsters", "ferrets":
		return true
	}
	return false
}

// petFrame reports a chain that names a pet (see nmPetAt).
func (s *nmState) petFrame(c *nmChain) bool {
	return c.title < 0 && nmPetAt(s.doc, c.units[0], c.units[len(c.units)-1])
}

// notPerson reports a chain with no title or frame that its place in the
// sentence makes an animal or a journal (petBefore, petAfterList,
// journalBefore). Asked only of the chains that would be names: most chains
// never get this far.
func (s *nmState) notPerson(c *nmChain) bool {
	if c.title >= 0 || c.frame != frNone {
		return false
	}
	first, last := c.units[0], c.units[len(c.units)-1]
	return s.petBefore(first) || s.petAfterList(last) || s.journalBefore(first) || s.kindOf(c)
}

// kindOf reports a one-word chain used as a kind of person or thing rather
// than a name: right after "a", "an" or "another" ("a Ken doll", "another
// drunk Trevor", "another Judas": "another" may take one lower-case word
// between).
func (s *nmState) kindOf(c *nmChain) bool {
	if len(c.units) != 1 {
		return false
	}
	p := s.prevAdj(c.units[0])
	if p < 0 || s.doc.Tokens[p].Kind != text.Word {
		return false
	}
	switch s.low(p) {
	case "a", "an", "another":
		// a capital "A" inside a sentence is an initial ("Jan A Nowak")
		return s.toks[p].f&tfCap == 0 || s.toks[p].f&tfSentStart != 0
	}
	if q := s.prevAdj(p); q >= 0 && s.low(q) == "another" && s.toks[p].f&tfCap == 0 && !s.caseless {
		return true
	}
	return false
}

// nmOfficeDept reports the back-office departments where a name after "in"
// works ("X in admin", "X in HR"); not wards, where patients lie too.
func nmOfficeDept(w string) bool {
	switch w {
	case "admin", "hr", "payroll", "finance", "recruitment", "switchboard", "estates",
		"portering", "housekeeping", "catering", "facilities":
		return true
	}
	return false
}

// saintBefore returns the "St", "St." or "Saint" right before an untitled
// chain on the same line, capitalised, or -1.
func (s *nmState) saintBefore(c *nmChain) int {
	if c.title >= 0 {
		return -1
	}
	u := c.units[0]
	if len(c.units) >= 2 && s.low(u) == "saint" {
		return u // "Saint" itself is on the name lists
	}
	p := u - 1
	if p >= 0 && s.toks[p].punct == '.' {
		p--
	}
	if p < 0 || s.toks[p].f&tfCap == 0 || s.doc.Tokens[u].Newline || s.doc.Tokens[p].Kind != text.Word {
		return -1
	}
	if w := s.low(p); w == "st" || w == "saint" {
		return p
	}
	return -1
}

// nmPlacePrefix reports the words that open the name of a lake, a
// mountain or a cape ("Lake Tahoe", "Mount Hood"): a chain they open is a
// place, though "Lake" is a first name too.
func nmPlacePrefix(w string) bool {
	switch w {
	case "lake", "loch", "lough", "mount", "mt", "fort", "cape", "isle":
		return true
	}
	return false
}

// nmFeastGreeting reports the second word of a feast's greeting after the
// first: "Eid Mubarak", "Eid Saeed", "Ramadan Kareem", "Ramadan Mubarak".
func nmFeastGreeting(feast, w string) bool {
	switch feast {
	case "eid", "ramadan", "ramzan":
		return w == "mubarak" || w == "saeed" || w == "said" || w == "kareem" || w == "karim"
	}
	return false
}

// nmPostWord reports the posts named "X of Y": "named Chief of Surgery",
// "Head of Nursing".
func nmPostWord(w string) bool {
	switch w {
	case "chief", "head", "dean", "director", "president", "chair", "master":
		return true
	}
	return false
}

// notPersonShape reports an untitled chain whose shape is no person's: one word
// right after "a" or "an" ("rolled up in a Tesla": people are not counted
// with an article, cars and brands are); a post word before "of" ("Chief of
// Surgery"); or an initial glued to "&" ("A&E. Ring 111": the E of A&E).
func (s *nmState) notPersonShape(c *nmChain) bool {
	u := c.units[0]
	nt := &s.toks[u]
	if nt.f&tfInitial != 0 && s.isPunct(u-1, '&') && !s.doc.Tokens[u].Space {
		return true
	}
	if len(c.units) == 2 && (nmFeastGreeting(s.low(u), s.low(c.units[1])) || nmDenomination(s.low(c.units[1]))) {
		return true // "Ramadan Kareem"; "Calvary Baptist", "Trinity Lutheran": a church
	}
	if len(c.units) != 1 {
		return false
	}
	// cheap tests first: the cue bits of the words around
	if p := u - 1; p >= 0 && s.toks[p].cue&cuDet != 0 && s.toks[p].f&tfCap == 0 && nt.f&tfPoss == 0 &&
		!s.doc.Tokens[u].Newline && !s.caseless {
		// lower case: not the initial of "Marta A Kowalczyk"
		if w := s.low(p); w == "a" || w == "an" {
			return true
		}
	}
	if nt.f&tfUpper != 0 && !s.caseless && !s.doc.AllCaps && nmOrgAcronym(s.low(u)) {
		return true // "OSHA fined the trust": a body's acronym, though "Osha" is a first name
	}
	if t := s.doc.Tokens[u]; t.End-t.Start == 5 && s.low(u) == "santa" {
		return true // "Santa hats on", "the Santa Dash": no one's name
	}
	if p := u - 1; p >= 0 && nmFeastGreeting(s.low(p), s.low(u)) {
		return true // "Eid Mubarak", "Ramadan Kareem": a greeting
	}
	if p := u - 1; p >= 0 && s.toks[p].f&(tfPoss|tfCap) == tfPoss|tfCap && !s.doc.Tokens[u].Newline {
		if s.low(p) == "children's" {
			return true // "Children's Rosalind", "Children's Brightwater": a children's hospital
		}
	}
	return u+1 < len(s.toks) && s.toks[u+1].cue&cuStop != 0 && s.low(u+1) == "of" && nmPostWord(s.low(u))
}

// nmThirdOwner reports the possessives of a third person ("his PT").
func nmThirdOwner(w string) bool { return w == "his" || w == "her" || w == "their" }

// nmCountNoun reports the nouns a number counts ("in 300 days", "in 250 words"): the
// number is then no room.
func nmCountNoun(w string) bool {
	switch w {
	case "days", "day", "weeks", "hours", "hrs", "minutes", "mins", "seconds", "secs", "months",
		"years", "yrs", "words", "miles", "metres", "meters", "km", "steps", "calories", "pages",
		"points", "people", "patients", "beds", "times", "ml", "mg", "pounds", "lbs", "dollars", "quid":
		return true
	}
	return false
}

// nmOrgAcronym reports whether w is the acronym of a well-known body (plChains).
func nmOrgAcronym(w string) bool {
	for _, c := range plChains[w] {
		if c.acro && !c.amb {
			return true
		}
	}
	return false
}

// nmDenomination reports the churches whose name ends a congregation's ("Calvary
// Baptist"): after one name word, a church, not a person's surname.
func nmDenomination(w string) bool {
	switch w {
	case "baptist", "methodist", "lutheran", "presbyterian", "episcopal", "adventist", "wesleyan", "pentecostal":
		return true
	}
	return false
}

// theThing reports a one-word chain right after "the" on the same line,
// not a plural ("the Savoy"; "the old Savoy" is not asked: a word stands
// between): people are not named with "the" before them, hotels, pubs,
// bikes and teams are. "the Okafors" (a family) and a first name with a
// surname ("the Ed Sheeran gig") stay names.
func (s *nmState) theThing(c *nmChain) bool {
	if len(c.units) != 1 {
		return false
	}
	u := c.units[0]
	p := u - 1
	if p < 0 || s.low(p) != "the" || s.doc.Tokens[u].Newline || s.toks[u].f&tfPoss != 0 {
		return false
	}
	return !strings.HasSuffix(s.low(u), "s")
}

// petBefore reports a name that opens a clause (after punctuation or an
// emoji, or first in its sentence) a few words after the author's pet ("my
// cat's vet trip 🐾 Misty chewed a cable", "our cat is poorly, Tigger has…"): the
// pet's name. The search stops at the end of a sentence or a line.
func (s *nmState) petBefore(first int) bool {
	toks := s.doc.Tokens
	if first > 0 && toks[first-1].Kind == text.Word && s.toks[first].f&tfSentStart == 0 {
		return false // "my dog bit Sarah": a person the pet met
	}
	for k := first - 1; k >= 1 && k >= first-8; k-- {
		t := toks[k]
		if t.Kind == text.Punct && (s.isPunct(k, '.') || s.isPunct(k, '!') || s.isPunct(k, '?')) || toks[k+1].Newline {
			return false
		}
		if t.Kind == text.Word && nmPet(strings.TrimSuffix(s.low(k), "'s")) {
			o := s.low(k - 1)
			return o == "my" || o == "our"
		}
	}
	return false
}

// petAfterList reports a name, or a list of names, followed by a dash,
// colon or comma, an owner or "the", a few words and a pet noun: "Pip, Moss
// and Nell — my three rescue dogs", "Daisy and Bramble: the new kittens".
func (s *nmState) petAfterList(last int) bool {
	toks := s.doc.Tokens
	n := len(toks)
	k := last + 1
	for ; k < n && k <= last+8; k++ {
		if s.isAnd(k) || s.isPunct(k, ',') || toks[k].Kind == text.Word && s.toks[k].f&tfCap != 0 && s.toks[k].cue&cuStop == 0 {
			continue
		}
		break
	}
	if k >= n || toks[k].Kind != text.Punct {
		return false
	}
	if !(s.isPunct(k, '-') || s.isPunct(k, ':') || s.isPunct(k, ',') || s.low(k) == "—" || s.low(k) == "–") {
		return false
	}
	k++
	if k >= n {
		return false
	}
	switch s.low(k) {
	case "my", "our", "the", "her", "his", "their":
	default:
		return false
	}
	for j := k + 1; j < n && j <= k+4; j++ {
		if toks[j].Kind != text.Word && toks[j].Kind != text.Number {
			return false
		}
		if nmPet(s.low(j)) {
			return true
		}
	}
	return false
}

// nmPublishWords mark the journal a paper came out in: "published in X",
// "our paper in X today" (see journalBefore).
func nmPublishWords(w string) bool {
	switch w {
	case "published", "publish", "publishing", "publication", "paper", "papers", "article",
		"editorial", "preprint", "study", "review", "abstract", "letter", "accepted":
		return true
	}
	return false
}

// journalBefore reports a chain right after "in" (or "in the") that a
// publishing word before it in the sentence makes a journal: "published in
// Thorax", "our paper in the Lancet today", "letter out in Iris".
func (s *nmState) journalBefore(first int) bool {
	p := s.prevAdj(first)
	if p >= 0 && s.low(p) == "the" {
		p = s.prevAdj(p)
	}
	if p < 1 || s.low(p) != "in" {
		return false
	}
	for k := p - 1; k >= 0 && k >= p-8; k-- {
		if s.doc.Tokens[k].Kind == text.Punct && !s.isPunct(k, ',') || s.doc.Tokens[k+1].Newline {
			return false
		}
		if s.doc.Tokens[k].Kind == text.Word && nmPublishWords(s.low(k)) {
			return true
		}
	}
	return false
}

// nmPetAt reports a name of tokens first..last right after a pet noun (a
// comma between is allowed: "our cat Hope", "the dog, Max,") or right
// before "the/my/our/her…" and a pet noun ("Bella the dog", "Max, our
// puppy"). Also used by the tagger's family.
func nmPetAt(doc *text.Doc, first, last int) bool {
	toks := doc.Tokens
	word := func(k int) string { return doc.Lower[toks[k].Start:toks[k].End] }
	comma := func(k int) bool { return toks[k].Kind == text.Punct && doc.Norm[toks[k].Start] == ',' }
	p := first - 1
	if p >= 0 && comma(p) {
		p--
	}
	if p >= 0 && toks[p].Kind == text.Word && nmPet(word(p)) && !toks[first].Newline {
		return true
	}
	q := last + 1
	if q < len(toks) && comma(q) {
		q++
	}
	if q+1 >= len(toks) || toks[q].Kind != text.Word || nmWord(word(q))&(cuOwnMine|cuOwnOther) == 0 {
		return false
	}
	// the pet noun, or up to two words before it: "Hope, the chaplain's
	// therapy dog", "Max, our old rescue dog"
	for j := q + 1; j < len(toks) && j <= q+3; j++ {
		if toks[j].Kind != text.Word || toks[j].Newline {
			return false
		}
		if nmPet(word(j)) {
			// not "Tom, our dog walker": the pet noun ends the phrase
			return j+1 >= len(toks) || toks[j+1].Kind != text.Word || nmWord(word(j+1))&cuStop != 0
		}
	}
	return false
}

// judge scores a chain and turns it into a candidate; it also returns the
// weight of the cues behind the role.
func (s *nmState) judge(c *nmChain) (Candidate, float64, bool) {
	if len(c.units) == 0 {
		return Candidate{}, 0, false
	}
	if c.title < 0 && s.compassOnly(c) {
		return Candidate{}, 0, false // "the North West meeting", "South East": a region
	}
	if s.petFrame(c) {
		return Candidate{}, 0, false // "our cat Hope", "Bella the dog": animals' names are not spans
	}
	if c.title < 0 && len(c.units) >= 2 && nmPlacePrefix(s.low(c.units[0])) {
		// "Lake Tahoe", "Mount Hood": a place, though "Lake" is a first name
		// too. A city of the whole span just over the floor, as for a
		// business, so that a place the places family finds there wins.
		return Candidate{Start: c.start, End: c.end, Type: result.City,
			Confidence: nmBusinessConf, Reason: "name: a lake's or a mountain's name"}, 0, true
	}
	if k := s.saintBefore(c); k >= 0 {
		// "St. Vincent's", "Saint Francis": a saint names a hospital (most
		// often here), a church or a school, not a person. A hospital of the
		// whole span just over the floor, as for a business, so that what the
		// places family finds there wins.
		return Candidate{Start: s.doc.Tokens[k].Start, End: s.doc.Tokens[c.units[len(c.units)-1]].End, Type: result.Hospital,
			Confidence: nmBusinessConf, Reason: "name: a saint's name (a hospital, a church or a school)"}, 0, true
	}
	if c.title < 0 && s.notPersonShape(c) {
		return Candidate{}, 0, false // "in a Tesla", "Head of Nursing", "A&E. Ring"
	}
	var sc nmScore
	var det nmDetail
	s.lexical(c, &sc, &det)
	s.context(c, &sc, &det)
	if k := s.businessAfter(c); k >= 0 {
		// "Nico's Pizza", "Dot's Diner": a business named for a person. An
		// organisation of the whole span, just over the floor, so that a
		// place found there wins.
		return Candidate{Start: c.start, End: s.doc.Tokens[k].End, Type: result.Organization,
			Confidence: nmBusinessConf, Reason: "name: a business named for a person"}, 0, true
	}
	if c.title < 0 && s.suffixOnly(c) {
		return Candidate{}, 0, false // "her ANP MSc", "BSc PhD": credentials, no name
	}
	if c.title >= 0 {
		sc.soften(nfLowerMixed, 0) // "Dr griffin": after a title, case is no objection
	}
	if sc.on(nfStaffFrame) {
		sc.soften(nfCommon, 0.5) // "Q. MARSHALL RRT": credentials outweigh the word
		sc.soften(nfPlace, 0.5)
	}
	if c.frame == frRelative && sc.on(nfRelative) {
		u := s.tok(c.units[0])
		if nmModal(u.key) && !s.isPunct(c.units[0]+1, ',') && !s.isPunct(c.units[0]+1, ')') && c.units[0]+1 < len(s.toks) {
			return Candidate{}, 0, false // "daughter will stay", "HUSBAND WILL CALL": the verb
		}
		if u.e.first >= 0.2 {
			sc.soften(nfCommon, 0.5) // "son bill", "husband Frank": the frame outweighs the word
		}
	}
	if s.caseless && c.title < 0 && c.frame == frNone && !sc.anyFrame() && nmModal(s.toks[c.units[0]].key) {
		return Candidate{}, 0, false // "WILL RECK IN AM": the verb
	}
	if s.caseless && len(c.units) == 1 && c.title < 0 && c.frame == frNone && len(s.toks[c.units[0]].key) <= 3 && !sc.anyFrame() {
		// "MAE", "NEO", "ra" in one-case notes are abbreviations unless a
		// title or a frame ("jen from nights", "WIFE ANN") says otherwise
		return Candidate{}, 0, false
	}
	if sc.total() < nmRejectBelow {
		return Candidate{}, 0, false // no need to take the exponential
	}
	conf := sc.confidence()
	if conf < nmEmitMin {
		return Candidate{}, 0, false
	}
	if s.notPerson(c) {
		return Candidate{}, 0, false // "my cat's vet trip 🐾 Misty chewed…", "published in Iris": no person
	}
	typ, roleCue, roleW := s.role(c, &sc)
	if s.hospitalShaped(c) {
		// "Mercy General", "Royal Hartwell", "Holy Cross": a hospital's shape,
		// given as one (a confidence just over the floor, so that any place
		// of the span wins), not as a person of no role
		return Candidate{Start: c.start, End: c.end, Type: result.Hospital, Confidence: min(conf, nmHospitalShapeConf),
			Reason: "name: a hospital's shape ('Royal X', 'X General')"}, 0, true
	}
	if c.title < 0 && c.frame == frNone && s.theThing(c) {
		// "at the Royal Hartwell", "Eastvale General": most likely a hospital;
		// "the Savoy", "the Vespa": a hotel, a pub, a bike. Kept as a name
		// only where the places family finds nothing (a confidence just over
		// the floor, so any place of the span wins), and of no role: a
		// hospital or a hotel is no patient.
		typ, roleCue, roleW = result.NameOther, nmRoleWhy{}, 0
		conf = min(conf, nmHospitalShapeConf)
	}
	end := c.end
	// "J.S." keeps its last dot; "Mrs B." does not.
	last := c.units[len(c.units)-1]
	if s.toks[last].f&tfInitial != 0 && len(c.units) >= 2 && s.tok(c.units[len(c.units)-2]).f&tfInitial != 0 &&
		s.isPunct(last+1, '.') && !s.doc.Tokens[last+1].Space {
		end = s.doc.Tokens[last+1].End
	}
	return Candidate{
		Start: c.start, End: end, Type: typ, Confidence: conf,
		Reason: sc.reason(s, det.title, roleCue),
	}, roleW, true
}

// nmDetail keeps the words that fired a feature, for the Reason.
type nmDetail struct {
	title string
}

// lexical adds the features of the words themselves.
func (s *nmState) lexical(c *nmChain, sc *nmScore, det *nmDetail) {
	toks := s.doc.Tokens
	titled := c.title >= 0
	if titled {
		sc.set(nfTitle, 1)
		det.title = s.tokText(c.title)
	}
	nU := len(c.units)
	u0, uL := s.tok(c.units[0]), s.tok(c.units[nU-1])
	initials, listed, allInitials := 0, 0, true
	for _, u := range c.units {
		nt := s.tok(u)
		if nt.f&tfInitial != 0 || nU == 1 && s.upperInitials(u, c.frame) {
			initials++
			continue
		}
		allInitials = false
		if nt.isName() {
			listed++
		}
		if nmSurForm(s.doc.Norm[toks[u].Start:nt.end]) && !(nt.key == "mcdonald" && nt.f&tfPoss != 0) {
			sc.set(nfSurForm, 1)
		}
	}
	if initials > 0 {
		sc.set(nfInitials, 1)
	}
	// name lists
	if nU == 1 || allInitials {
		if u0.f&tfInitial == 0 {
			f, sn := u0.e.first*nmFeatures[nfFirst].w, u0.e.sur*nmFeatures[nfSurname].w
			if !u0.known {
				f, sn = 0, 0
			}
			if titled && sn > 0 {
				sc.set(nfSurname, u0.e.sur) // "Mrs Jones": after a title, a surname
			} else if f >= sn && f > 0 {
				sc.set(nfFirst, u0.e.first)
			} else if sn > 0 {
				sc.set(nfSurname, u0.e.sur)
			}
		}
	} else {
		var firstTok *nmTok
		for _, u := range c.units {
			if s.toks[u].f&tfInitial == 0 {
				firstTok = s.tok(u)
				break
			}
		}
		if firstTok != uL && firstTok.known && firstTok.e.has(nmFirst) {
			sc.set(nfFirst, firstTok.e.first)
		} else if firstTok.known && firstTok.e.has(nmSurname) {
			sc.set(nfSurname, firstTok.e.sur*0.6)
		}
		if uL.f&tfInitial == 0 && uL.known && uL.e.has(nmSurname) {
			sc.set(nfSurname, uL.e.sur)
		} else if uL.f&tfInitial == 0 && uL.known && uL.e.has(nmFirst) {
			sc.set(nfSurname, uL.e.first*0.5)
		}
		if firstTok != uL && firstTok.known && firstTok.e.has(nmFirst) && uL.known && uL.e.has(nmSurname) {
			sc.set(nfFullName, 1)
		} else if initials > 0 && uL.f&tfInitial == 0 && (uL.known && uL.e.has(nmSurname) || sc.on(nfSurForm)) {
			sc.set(nfFullName, 0.8) // "J. Smith"
		}
		if !s.caseless {
			sc.set(nfMultiCap, 1)
		}
	}
	if listed == 0 && !allInitials {
		if !sc.on(nfSurForm) {
			sc.set(nfUnknown, 1)
		}
	}
	// case
	if !s.caseless {
		switch {
		case titled:
			if u0.f&tfCap != 0 {
				sc.set(nfCapMid, 1)
			} else {
				sc.set(nfLowerMixed, 1)
			}
		case u0.f&tfCap == 0:
			sc.set(nfLowerMixed, 1)
		case u0.f&tfHeading != 0:
			sc.set(nfHeading, 1)
		case u0.f&tfSentStart != 0:
			sc.set(nfCapStart, 1)
			if nU >= 2 && !allInitials {
				sc.set(nfCapMid, 0.5)
			}
		default:
			sc.set(nfCapMid, 1)
		}
		if u0.f&tfUpper != 0 && u0.f&tfInitial == 0 && u0.f&tfHeading == 0 && (titled || nU >= 2) {
			sc.set(nfUpperMixed, 1)
		}
	}
	if allInitials && !titled {
		// bare initials need a frame; "J.S." with dots is some evidence
		dots := s.isPunct(c.units[0]+1, '.')
		if !dots || nU < 2 || nmDottedAbbrev(s, c) {
			sc.set(nfUnknown, 1)
			sc.set(nfStartOnly, 1)
			if !dots && c.frame == frNone {
				sc.set(nfCommon, 1)
			}
		}
	}
	// common words that are also names: weighs most where case says nothing
	common := 1.0
	for _, u := range c.units {
		nt := s.tok(u)
		if nt.f&tfInitial != 0 {
			continue
		}
		if cs := nmCommonStrength(nt); cs < common {
			common = cs
		}
	}
	switch {
	case allInitials:
		common = 0
	case titled:
		common *= 0.2
	case s.caseless || u0.f&tfHeading != 0:
	case u0.f&tfSentStart != 0:
		common *= 0.7
	default:
		common *= 0.55 // a capital mid-sentence is itself evidence
	}
	if common > 0 {
		sc.set(nfCommon, common)
	}
	// places, months, weekdays, eponyms, clinical terms
	if !titled {
		allPlace := true
		maxPop := 0.0
		for _, u := range c.units {
			nt := s.tok(u)
			if !(nt.known && nt.e.has(nmPlace)) {
				allPlace = false
				break
			}
			if p := nmPlaceStrength(nt); p > maxPop {
				maxPop = p
			}
		}
		if !allPlace && nU >= 2 && uL.known && uL.e.has(lexicon.County|lexicon.Region) {
			allPlace, maxPop = true, nmPlaceStrength(uL) // "Sunny Devon"
		}
		if allPlace {
			sc.set(nfPlace, maxPop)
			if p := s.prevAdj(nmChainStart(c)); p >= 0 && s.toks[p].cue&cuPlacePrep != 0 {
				sc.set(nfPlacePrep, 1)
			}
		}
		for _, u := range c.units {
			nt := s.tok(u)
			if nt.cue&cuEponym != 0 || nt.f&tfPoss != 0 && nmWord(strings.TrimSuffix(nt.key, "s"))&cuEponym != 0 {
				sc.set(nfEponym, 1)
			}
			if nt.known && nt.e.has(nmWeekday) {
				sc.set(nfWeekday, 1)
			}
			if nt.known && nt.e.has(nmClinical) && !nmStrongName(nt) {
				sc.set(nfClinical, 1)
			}
			if nt.known && nt.e.has(nmMonth) && s.dateContext(c, u) {
				sc.set(nfMonth, 1)
			}
		}
	}
	if c.clinCut {
		sc.set(nfClinNext, 1)
	}
	if c.orgCut {
		sc.set(nfOrgNext, 1)
	}
}

// nmChainStart returns the token index where the chain starts (its title or first unit).
func nmChainStart(c *nmChain) int {
	if c.title >= 0 {
		return c.title
	}
	return c.units[0]
}

// nmDottedAbbrev reports "U.K.", "A.M.", "R.I.P." and the like.
func nmDottedAbbrev(s *nmState, c *nmChain) bool {
	var b [8]byte
	n := 0
	for _, u := range c.units {
		if n == len(b) {
			return true
		}
		l := s.low(u)
		if len(l) != 1 {
			return false
		}
		b[n] = l[0]
		n++
	}
	switch string(b[:n]) {
	case "uk", "us", "am", "pm", "eg", "ie", "nb", "ps", "rip", "dob", "bp", "od", "prn", "ok",
		"tv", "dc", "la", "ny", "eu", "un", "mp", "gp", "er", "ed", "ae", "rn", "np", "md", "po",
		"iv", "im", "sc", "pr", "ng", "tba", "tbc", "asap", "aka", "bc", "ad", "vs", "fyi", "hr",
		"aa", "ss", "cv", "pa", "lol", "omg", "btw", "tbh", "dnr", "ct", "mri", "ecg", "ekg",
		"co", "ho", "pt", "rt", "dl", "hl", "ot", "sl", "gi", "gu", "ms", "ns", "bs", "ls", "cp",
		"uo", "tf", "ac", "ci", "ef", "lv", "rv", "ra", "sob", "doe", "npo", "bid", "tid", "qid":
		return true
	}
	return false
}

// nmSurForm reports Mc/Mac/O' surname forms: "McDonald", "MacLeod", "O'Neill".
func nmSurForm(w string) bool {
	lw := len(w)
	switch {
	case lw >= 4 && (w[0] == 'M' || w[0] == 'm') && (w[1] == 'c' || w[1] == 'C') && nmUpperByte(w[2]):
		return true
	case lw >= 5 && strings.HasPrefix(w, "Mac") && nmUpperByte(w[3]):
		return true
	case lw >= 4 && (w[0] == 'O' || w[0] == 'o') && w[1] == '\'' && w[2] != 's':
		return true
	}
	return false
}

func nmUpperByte(c byte) bool { return 'A' <= c && c <= 'Z' }

// nmCommonStrength returns how much a word's use as a common English word
// weighs against it being a name: 0 (not a common word) to 1 (one of the
// commonest words), from its SCOWL tier.
func nmCommonStrength(nt *nmTok) float64 {
	if !nt.known || !nt.e.has(nmCommon) {
		return 0
	}
	switch t := nt.e.tier; {
	case t == 0:
		return 0
	case t <= 10:
		return 1
	case t <= 20:
		return 0.75
	case t <= 35:
		return 0.45
	case t <= 40:
		return 0.3
	case t <= 50:
		return 0.2
	}
	return 0
}

// nmPlaceStrength grows with the population of a place, and shrinks for a
// popular person's name that is also a smaller place ("Mary", "Chester").
func nmPlaceStrength(nt *nmTok) float64 {
	p := nt.e.pop
	var v float64
	switch {
	case nt.e.region || p >= 1000000:
		v = 1
	case p >= 100000:
		v = 0.8
	case p >= 10000:
		v = 0.55
	case p >= 1000:
		v = 0.35
	default:
		v = 0.2
	}
	if !nt.e.gb {
		v *= 0.5
	}
	switch {
	case nt.e.region:
		v *= 1 - 0.5*nt.e.first
	case p < 1000000:
		v *= 1 - 0.8*math.Max(nt.e.first, nt.e.sur)
	}
	return v
}

// dateContext reports a month name used as a date: "in May", "May 3rd",
// "3 May", "last June".
func (s *nmState) dateContext(c *nmChain, u int) bool {
	toks := s.doc.Tokens
	if nx := u + 1; nx < len(toks) {
		if toks[nx].Kind == text.Number || toks[nx].Kind == text.Alnum {
			return true
		}
	}
	if p := s.prevAdj(u); p >= 0 {
		if toks[p].Kind == text.Number || toks[p].Kind == text.Alnum || s.toks[p].cue&cuDateWord != 0 {
			return true
		}
	}
	return false
}

// context adds the features of the words around the chain.
func (s *nmState) context(c *nmChain, sc *nmScore, det *nmDetail) {
	toks := s.doc.Tokens
	n := len(toks)
	first := c.units[0]
	if c.title >= 0 {
		first = c.title
	}
	last := c.units[len(c.units)-1]
	u0 := s.tok(c.units[0])
	uL := s.tok(last)
	// left frames
	switch c.frame {
	case frCalled:
		sc.set(nfCalled, 1)
	case frRelative:
		sc.set(nfRelative, 1)
	case frPatient, frStaff, frFriend:
		if c.frame != frStaff || !s.jobTitleAround(first, last) {
			sc.set(nfPersonNoun, 1)
		}
	case frPerson:
		sc.set(nfPersonNoun, 0.8)
	}
	if c.title < 0 && c.frame == frNone {
		if s.greetingBefore(first) {
			sc.set(nfGreeting, 1-0.7*nmCommonStrength(u0))
		} else if p := s.prevAdj(first); p >= 0 && s.toks[p].cue&cuPrep != 0 && !sc.on(nfCommon) {
			sc.set(nfPrep, 1)
		}
	}
	// right context
	q := last + 1
	if uL.f&tfPoss != 0 {
		if q < n && (s.tok(q).known && s.tok(q).e.has(nmRelative) || s.isRelativeWordSafe(q)) && !nmRelEvent(s.low(q+1)) {
			sc.set(nfPossRel, 1)
		}
	} else if q < n {
		// skip the closing dot of an initial
		if s.isPunct(q, '.') && uL.f&tfInitial != 0 {
			q++
		}
		s.rightFrames(c, q, sc)
	}
	// sign-off: the chain ends the post ("… Great shift. Jen x"), but not
	// an everyday word that makes a sentence of its own ("… printer jammed. Joy.")
	if c.title < 0 && s.endsPost(last+1) && s.signoffBefore(first) &&
		!(len(c.units) == 1 && nmCommonStrength(u0) >= 0.75 && s.toks[first].f&tfSentStart != 0 && !s.doc.Tokens[first].Newline && !s.kissAfter(last)) {
		sc.set(nfSignoff, 1)
	} else if c.title < 0 && len(c.units) == 1 && nmCommonStrength(u0) < 0.45 && s.emojiSignoff(first) && s.endsPost(last+1) {
		// "… swap sorted, ta 🙏 Priyesh": a lone name after an emoji closes the post
		sc.set(nfSignoff, 1)
	}
	// coordination: "Will and Grace", "with Tom and Priya"; "Rowan and Maple wards"
	if q := last + 1; q+1 < n && s.isAnd(q) && s.unitOK(q+1, umStart, frNone) && s.tok(q+1).isName() {
		sc.set(nfCoord, 1)
		if q+2 < n && s.toks[q+2].cue&cuOrgSuffix != 0 && s.toks[q+2].cue&cuStop == 0 && c.title < 0 {
			sc.set(nfOrgNext, 1)
		}
	}
	if p := s.prevAdj(first); p > 0 && s.isAnd(p) {
		if pp := p - 1; pp >= 0 && s.tok(pp).isName() && (s.caseless || s.toks[pp].f&tfCap != 0) {
			sc.set(nfCoord, 1)
		} else if pp >= 0 && (s.low(pp) == "me" || s.low(pp) == "i") {
			sc.set(nfCoord, 1) // "me and Derek"
		}
	}
	// "Niamh, Aled and Priya": a comma list of names
	if q := last + 1; !sc.on(nfCoord) && q+1 < n && s.isPunct(q, ',') && s.doc.Tokens[q+1].Kind == text.Word &&
		(s.caseless || s.toks[q+1].f&tfCap != 0) && s.tok(q+1).e.first >= 0.2 && s.unitOK(q+1, umStart, frNone) {
		for k := q + 2; k < n && k <= q+6; k++ {
			if s.isAnd(k) {
				sc.set(nfCoord, 1)
				break
			}
		}
	}
	if sc.on(nfCoord) && len(c.units) == 1 && u0.e.first >= 0.2 && (s.caseless || u0.f&tfCap != 0) {
		sc.soften(nfCommon, 0.5) // "Frank and Sue", "Hope and Faith"
	}
	// "Ffion's hen do", "Mark's cooking": a capitalised first name owning something
	if c.title < 0 && len(c.units) == 1 && uL.f&tfPoss != 0 && u0.e.first >= 0.2 && u0.f&tfCap != 0 && !s.caseless && !sc.on(nfPossRel) {
		if q := last + 1; q < n && s.doc.Tokens[q].Kind == text.Word && s.toks[q].f&tfCap == 0 {
			sc.set(nfPossessive, 1-0.5*nmCommonStrength(u0))
		}
	}
	// "Jade hun that's...", "Kelly, if he's...", "Dawn your lad...": a reply
	// that opens by addressing someone
	if c.title < 0 && len(c.units) == 1 && c.frame == frNone && s.opensPost(first) && u0.e.first >= 0.2 && (s.caseless || u0.f&tfCap != 0) {
		if q := last + 1; q < n && (s.isPunct(q, ',') || nmVocativeNext[s.low(q)]) {
			sc.set(nfVocative, 1-0.5*nmCommonStrength(u0))
		}
	}
	// a word-name never written in lower case in the post (looked for only
	// when it could change the outcome)
	if t := sc.total(); sc.on(nfCommon) && len(c.units) == 1 && !s.caseless && u0.f&tfCap != 0 && t > -0.75 && t < 0.05 {
		if !s.usedLower(u0.key, c.units[0]) {
			sc.set(nfNoLowerUse, 1)
		}
	}
	// "Will you…", "May I…", "Hope you…": a modal or verb before a pronoun
	if c.title < 0 && len(c.units) == 1 && u0.f&tfSentStart != 0 && u0.known && u0.e.has(nmCommon) {
		if nx := last + 1; nx < n && s.toks[nx].cue&cuPronoun != 0 {
			sc.set(nfQuestion, 1)
		}
	}
	// a lone sentence-start word with no frame at all
	if c.title < 0 && len(c.units) == 1 && u0.f&tfSentStart != 0 && c.frame == frNone && !s.caseless &&
		!sc.on(nfGreeting) && !sc.on(nfSubjVerb) && !sc.on(nfSignoff) && !sc.on(nfAge) && !sc.on(nfBed) &&
		!sc.on(nfStaffFrame) && !sc.on(nfRelAfter) && !sc.on(nfPossRel) && !sc.on(nfCoord) &&
		!sc.on(nfPossessive) && !sc.on(nfVocative) {
		sc.set(nfStartOnly, 1)
	}
}

// nmRelEvent reports a word after a relative noun that makes the two an
// event, not a relative: "Amy's baby shower", "Tom's family party".
func nmRelEvent(w string) bool {
	switch w {
	case "shower", "showers", "party", "reveal", "announcement", "photo", "photos", "do":
		return true
	}
	return false
}

func (s *nmState) isRelativeWordSafe(k int) bool {
	return k >= 0 && k < len(s.toks) && s.doc.Tokens[k].Kind == text.Word && s.isRelativeWord(k)
}

// rightFrames looks at the words after the chain, from token q.
func (s *nmState) rightFrames(c *nmChain, q int, sc *nmScore) {
	toks := s.doc.Tokens
	n := len(toks)
	if q >= n {
		return
	}
	lq := s.low(q)
	nq := s.tok(q)
	// age: "X (94)", "X, 94,", "X (94yo)"
	if (lq == "(" || lq == ",") && q+1 < n && nmAgeToken(s, q+1) {
		sc.set(nfAge, 1)
	}
	// "X in bed 4", "X bed 4", "X in the side room", "X (rm 9)"; "X in 317": a room
	// number of three digits ("in 2019" is a year, "in 3" a time)
	k := q
	if lq == "in" || lq == "on" || lq == "(" {
		k = q + 1
		if s.low(k) == "the" {
			k++
		}
	}
	if k < n {
		switch s.low(k) {
		case "bed", "bay", "cubicle", "cubie", "side", "sideroom", "resus", "room", "rm":
			if k == q+1 && lq != "(" || k+1 < n && (toks[k+1].Kind == text.Number || toks[k+1].Kind == text.Alnum) {
				sc.set(nfBed, 1)
			}
		}
		if lq == "in" && k == q+1 && toks[k].Kind == text.Number && toks[k].End-toks[k].Start == 3 &&
			s.doc.Norm[toks[k].Start] != '0' && (k+1 >= n || toks[k+1].Kind != text.Word || !nmCountNoun(s.low(k+1))) {
			sc.set(nfBed, 1)
		}
	}
	// "X is our new F1", "X is her son": look past the verb
	if (lq == "is" || lq == "was") && q+1 < n {
		k := q + 1
		if s.toks[k].cue&(cuOwnMine|cuOwnOther) != 0 {
			k++
			for k < n && k < q+4 && s.toks[k].cue&cuAdj != 0 && s.toks[k].cue&(cuStaffNoun|cuFriendNoun) == 0 {
				k++ // "our new", "my lovely"
			}
			if k < n && s.toks[k].cue&cuStaffNoun != 0 {
				sc.set(nfStaffFrame, 1)
			} else if k < n && s.isRelativeWordSafe(k) {
				sc.set(nfRelAfter, 1)
			}
		}
	}
	if lq == "and" && q+1 < n {
		switch s.low(q + 1) {
		case "i", "me", "my", "myself":
			sc.set(nfCoord, 1) // "Sarah and I"
		}
	}
	// staff: "X from nights", "X the HCA", "Sarah RN", "Jen (HCA)"
	switch {
	case lq == "from" && q+1 < n && s.toks[q+1].cue&cuShift != 0:
		sc.set(nfStaffFrame, 1)
	case lq == "in" && q+1 < n && nmOfficeDept(s.low(q+1)):
		sc.set(nfStaffFrame, 1) // "permits from X in admin": no patient sits in payroll
	case (lq == "the" || lq == "our" || lq == "my") && q+2 < n && toks[q+1].Kind == text.Word && s.toks[q+1].cue&cuStop == 0 &&
		s.toks[q+2].cue&cuStaffNoun != 0 && s.toks[q+2].cue&cuFriendNoun == 0 && !toks[q+2].Newline:
		sc.set(nfStaffFrame, 1) // "X the ward manager", "X our charge nurse"
	case (lq == "the" || lq == "our" || lq == "my" || lq == ",") && q+1 < n && s.toks[q+1].cue&cuStaffNoun != 0:
		sc.set(nfStaffFrame, 1)
	case lq == "," && q+2 < n && (s.low(q+1) == "the" || s.low(q+1) == "our" || s.low(q+1) == "my") && s.toks[q+2].cue&cuStaffNoun != 0:
		sc.set(nfStaffFrame, 1)
	case nq.cue&cuRoleSuffix != 0 && toks[q].Kind == text.Word && (s.caseless || nq.f&tfUpper != 0):
		sc.set(nfStaffFrame, 1)
	case (lq == "(" || lq == "-") && q+1 < n && s.toks[q+1].cue&cuRoleSuffix != 0:
		sc.set(nfStaffFrame, 1)
	case lq == "," && q+1 < n && s.toks[q+1].cue&cuRoleSuffix != 0 && toks[q+1].Kind == text.Word && !toks[q+1].Newline &&
		(s.caseless || s.toks[q+1].f&tfUpper != 0) && len(s.low(q+1)) >= 2 && (q+2 >= n || toks[q+2].Kind != text.Number):
		// "Tasha Green, BSN", "Dev Rao, MD": credentials after a comma (not "Reading, PA 19601")
		sc.set(nfStaffFrame, 1)
	}
	// relative after: "Darren (son)", "Darren, her son", "Kelly - daughter"
	if lq == "(" || lq == "," || lq == "-" {
		k := q + 1
		if k < n && s.toks[k].cue&(cuOwnOther|cuOwnMine) != 0 {
			k++
		}
		if k < n && s.doc.Tokens[k].Kind == text.Word && (s.isRelativeWordSafe(k) || s.toks[k].cue == 0 && s.tok(k).known && s.tok(k).e.has(nmRelative)) &&
			!(k+1 < n && s.doc.Tokens[k+1].Space && s.tok(k+1).isName()) { // not "DR SMITH, WIFE MARY"
			sc.set(nfRelAfter, 1)
		}
	}
	// subject of a verb
	verb := 1.0
	if sc.on(nfUnknown) {
		verb = 0.5 // "My Fitbit says": brands and gadgets speak too
	}
	switch {
	case nq.cue&cuVerbHuman != 0:
		sc.set(nfSubjVerb, verb)
	case nq.cue&cuAux != 0:
		if q+1 < n && s.toks[q+1].cue&cuVerbHuman != 0 {
			sc.set(nfSubjVerb, verb)
		} else if q+2 < n && s.toks[q+1].cue&cuAux != 0 && s.toks[q+2].cue&cuVerbHuman != 0 {
			sc.set(nfSubjVerb, verb)
		} else {
			sc.set(nfSubjAux, 1)
		}
	}
	// clinical noun or place word right after: "Parkinson's disease", "Rowan ward"
	k = q
	if s.isPunct(k, '\'') {
		k++
	}
	if k < n && toks[k].Kind == text.Word {
		if s.toks[k].cue&cuClinNoun != 0 && c.title < 0 {
			sc.set(nfClinNext, 1)
		}
		if s.toks[k].cue&cuOrgSuffix != 0 && c.title < 0 && s.toks[k].cue&cuStop == 0 {
			sc.set(nfOrgNext, 1)
		}
		if s.toks[k].cue&cuOrgSuffix != 0 && c.title < 0 && (s.low(k) == "ward" || s.low(k) == "bay") {
			sc.set(nfOrgNext, 1)
		}
		// "the Freeman ICU", "the Lister HDU": a hospital's unit, not a person
		if c.title < 0 && c.frame == frNone && toks[k].Shape&text.Upper != 0 && s.low(nmChainStart(c)-1) == "the" {
			if nt := s.tok(k); nt.known && nt.e.has(nmWardUnit) {
				sc.set(nfOrgNext, 1)
			}
		}
	}
}

// nmAgeToken reports "94", "94yo" or "94M" as an age after a name.
func nmAgeToken(s *nmState, k int) bool { return nmAgeAt(s.doc, k) }

// nmAgeAt is nmAgeToken for a document's token k.
func nmAgeAt(doc *text.Doc, k int) bool {
	t := doc.Tokens[k]
	w := doc.Lower[t.Start:t.End]
	switch t.Kind {
	case text.Number:
		if len(w) > 3 {
			return false
		}
		v := 0
		for i := 0; i < len(w); i++ {
			v = v*10 + int(w[i]-'0')
		}
		if v == 0 || v > 115 {
			return false
		}
		// "(94)" or ", 94," or ", 94 " then a word
		nx := k + 1
		if nx >= len(doc.Tokens) {
			return true
		}
		n := doc.Tokens[nx]
		return n.Kind == text.Punct || doc.Lower[n.Start:n.End] == "yo" || doc.Lower[n.Start:n.End] == "years"
	case text.Alnum:
		d := 0
		for d < len(w) && w[d] >= '0' && w[d] <= '9' {
			d++
		}
		if d == 0 || d > 3 {
			return false
		}
		switch w[d:] {
		case "yo", "y", "m", "f", "yrs", "yr", "y/o":
			return true
		}
	}
	return false
}

// greetingBefore reports a greeting before token i: "Hi Tom", "Happy
// birthday to our lovely Sarah", "congrats Priya".
func (s *nmState) greetingBefore(i int) bool {
	k := i - 1
	steps := 0
	for k >= 0 && steps < 6 {
		t := s.doc.Tokens[k]
		if t.Kind == text.Punct {
			c := s.doc.Norm[t.Start]
			if c != ',' && c != '!' && c != '-' {
				return false
			}
			if c == '!' && steps > 0 {
				return false
			}
			k--
			continue
		}
		cue := s.toks[k].cue
		if cue&cuGreet != 0 {
			if k == i-1 && (s.low(k) == "love" || s.low(k) == "miss") {
				return false // "Love Island": "love you X" is the greeting
			}
			return s.greetStart(k)
		}
		l := s.low(k)
		if l == "to" {
			if p := s.prevAdj(k); p >= 0 {
				switch s.low(p) {
				case "birthday", "bday", "retirement", "anniversary", "out", "congratulations",
					"congrats", "thanks", "you", "welcome", "back", "cheers", "love", "condolences",
					"shoutout", "wishes":
					return true
				}
			}
			return false
		}
		if cue&cuAdj == 0 {
			return false
		}
		k--
		steps++
	}
	return false
}

// greetStart reports whether the greeting or sign-off word at k opens its
// clause ("Love you Sarah", "Massive thanks to Jen") rather than being a
// verb or noun inside one ("I love India").
func (s *nmState) greetStart(k int) bool {
	if s.toks[k].f&tfSentStart != 0 || s.doc.Tokens[k].Newline {
		return true
	}
	p := k - 1
	if p < 0 {
		return true
	}
	if s.doc.Tokens[p].Kind == text.Punct {
		switch s.doc.Norm[s.doc.Tokens[p].Start] {
		case ',', '!', '.', '?', '-', ':', ';', '(', '"':
			return true
		}
		return false
	}
	switch s.low(p) {
	case "massive", "huge", "big", "many", "special", "a", "and", "so", "just", "also", "very",
		"belated", "early", "quick", "happy", "warm", "heartfelt", "sincere", "much", "lots",
		"of", "all", "my", "our", "the", "biggest", "best", "with", "sending", "send", "say":
		return true
	}
	return false
}

// endsPost reports whether only punctuation, kisses and role suffixes
// ("RN", "x") follow from token k on.
func (s *nmState) endsPost(k int) bool {
	toks := s.doc.Tokens
	words := 0
	for ; k < len(toks); k++ {
		t := toks[k]
		if t.Kind == text.Punct {
			continue
		}
		cue := s.toks[k].cue
		if cue&cuKiss != 0 || cue&cuRoleSuffix != 0 && words < 3 || t.Kind == text.Number && words < 3 {
			words++
			continue
		}
		return false
	}
	return true
}

// nmHospitalShapeConf is the confidence of a hospital-shaped name (see
// hospitalShaped): just over the engine's floor of 0.5.
const nmHospitalShapeConf = 0.51

// hospitalShaped reports a chain of two or more words, no title, that opens
// with "Royal", "Holy" or "Sacred" or ends with "General", "Memorial" or
// "Regional": the shapes of hospital names ("Royal Hartwell", "Eastvale
// General"), not of people's.
func (s *nmState) hospitalShaped(c *nmChain) bool {
	if c.title >= 0 || len(c.units) < 2 {
		return false
	}
	switch s.low(c.units[0]) {
	case "royal", "holy", "sacred":
		return true // "Royal Hartwell", "Holy Trinity", "Sacred X"
	}
	switch s.low(c.units[len(c.units)-1]) {
	case "general", "memorial", "regional":
		return true
	}
	return false
}

// nmBusinessConf is the confidence of a business named for a person (see
// businessAfter).
const nmBusinessConf = 0.55

// businessAfter returns, for a one-word chain with no title in the
// possessive, the business word right after it, capitalised ("Nico's
// Pizza", "Dot's Diner"; nmBusiness), or -1.
func (s *nmState) businessAfter(c *nmChain) int {
	last := c.units[len(c.units)-1]
	if c.title >= 0 || len(c.units) != 1 || s.toks[last].f&tfPoss == 0 {
		return -1
	}
	q := last + 1
	if q >= len(s.toks) || s.doc.Tokens[q].Kind != text.Word ||
		!s.caseless && s.toks[q].f&tfCap == 0 || !nmBusiness(s.low(q)) {
		return -1
	}
	return q
}

// nmBusiness reports the words of a business that may be named for a
// person ("Nico's Pizza", "Dot's Diner", "Ted's Garage"); places ("Smith's
// Green", "Agnes's Hospital") are the places family's.
func nmBusiness(w string) bool {
	switch w {
	case "pizza", "pizzeria", "chippy", "cantina", "diner", "bakery", "deli", "bistro", "brasserie",
		"trattoria", "takeaway", "salon", "barbers", "brewery", "grill", "bar", "cafe", "café",
		"tacos", "burgers", "garage", "restaurant", "pub", "tavern", "shop", "store", "hotel",
		"inn", "arms", "club":
		return true
	}
	return false
}

// kissAfter reports a kiss ("x", "xx") among the tokens after token last.
func (s *nmState) kissAfter(last int) bool {
	for k := last + 1; k < len(s.toks); k++ {
		if s.toks[k].cue&cuKiss != 0 && s.doc.Tokens[k].Kind == text.Word {
			return true
		}
	}
	return false
}

// suffixOnly reports a chain made only of credentials that are no listed
// first names ("MSc", "BSc PhD" after "her ANP"; not "Reg").
func (s *nmState) suffixOnly(c *nmChain) bool {
	for _, u := range c.units {
		if s.toks[u].cue&cuRoleSuffix == 0 || s.tok(u).e.first >= 0.2 {
			return false
		}
	}
	return true
}

// jobTitleAround reports a chain [first, last] set between a capitalised staff noun and a
// capitalised role ("Lead Bariatric Dietitian", "Senior Renal Pharmacist"): the chain is
// the specialty of a job title, not a colleague's name.
func (s *nmState) jobTitleAround(first, last int) bool {
	toks := s.doc.Tokens
	p, q := first-1, last+1
	if p < 0 || q >= len(toks) || toks[p].Kind != text.Word || toks[q].Kind != text.Word ||
		toks[p].Shape&(text.Title|text.Upper) == 0 || toks[q].Shape&(text.Title|text.Upper) == 0 ||
		s.toks[p].cue&cuStaffNoun == 0 {
		return false
	}
	if s.toks[q].cue&cuStaffNoun != 0 {
		return true
	}
	w := s.low(q)
	switch w {
	case "practitioner", "specialist", "scientist", "technician", "technologist", "officer",
		"coordinator", "co-ordinator", "worker", "therapist", "assistant", "advisor", "adviser":
		return true
	}
	n := len(w)
	return n > 5 && (w[n-3:] == "ist" || w[n-3:] == "ian")
}

// emojiSignoff reports one to three emoji or other non-ASCII symbols just before token i,
// after a word or a sentence's end that is no greeting ("Congrats 🎉 Mo" is an address).
func (s *nmState) emojiSignoff(i int) bool {
	toks := s.doc.Tokens
	if toks[i].Newline {
		return false // a name on its own line is signoffBefore's
	}
	k := i - 1
	for ; k >= 0 && i-k <= 3; k-- {
		t := toks[k]
		if t.Kind != text.Punct || s.doc.Norm[t.Start] < 0x80 {
			break
		}
	}
	if k == i-1 || k < 0 || toks[k+1].Newline {
		return false
	}
	switch t := toks[k]; t.Kind {
	case text.Word:
		// "Congrats on the new job 🎉 Mo": a sentence opened by a greeting addresses the name
		for j := k; j >= 0 && k-j < 12; j-- {
			if s.toks[j].cue&cuGreet != 0 && s.greetStart(j) {
				return false
			}
			if toks[j].Newline || s.isPunct(j-1, '.') || s.isPunct(j-1, '!') || s.isPunct(j-1, '?') {
				break
			}
		}
		return s.toks[k].cue&(cuGreet|cuSignoff) == 0
	case text.Punct:
		switch s.doc.Norm[t.Start] {
		case '.', '!', '?', ')':
			return true
		}
	}
	return false
}

// signoffBefore reports a sign-off frame before token i: a new line, a dash,
// or "Thanks," / "Love," / "Cheers" just before.
func (s *nmState) signoffBefore(i int) bool {
	toks := s.doc.Tokens
	if toks[i].Newline {
		return true
	}
	k := i - 1
	if k < 0 {
		return false
	}
	if s.isPunct(k, '-') || s.isPunct(k, '~') {
		return true
	}
	if s.isPunct(k, ',') {
		k--
	}
	if k >= 0 && toks[k].Kind == text.Word && s.toks[k].cue&cuSignoff != 0 && s.greetStart(k) {
		return true
	}
	if k >= 0 && (s.isPunct(k, '.') || s.isPunct(k, '!')) && s.toks[i].f&tfSentStart != 0 {
		return true // "… Great shift. Jen x"
	}
	return false
}

// usedLower reports whether the word with key appears in lower case
// elsewhere near token except (within nmLowerSpan tokens).
func (s *nmState) usedLower(key string, except int) bool {
	lo, hi := except-nmLowerSpan, except+nmLowerSpan
	if lo < 0 {
		lo = 0
	}
	if hi > len(s.toks) {
		hi = len(s.toks)
	}
	for k := lo; k < hi; k++ {
		if k == except || s.toks[k].key != key {
			continue
		}
		if s.toks[k].f&tfCap == 0 {
			return true
		}
	}
	return false
}

// nmLowerSpan bounds the search for a lower-case use of a word-name.
const nmLowerSpan = 80

// nmModal reports modal verbs that are also first names.
func nmModal(key string) bool {
	switch key {
	case "will", "may", "can", "must", "might", "shall":
		return true
	}
	return false
}

// nmVocativeNext are words that follow a name used to address someone.
var nmVocativeNext = map[string]bool{"hun": true, "hon": true, "babe": true, "love": true,
	"mate": true, "your": true, "you": true, "you're": true, "youre": true, "pls": true,
	"please": true, "honestly": true, "lovely": true, "darling": true, "chick": true}

// opensPost reports whether token i is the first word of the post (after
// any @mentions of a reply).
func (s *nmState) opensPost(i int) bool {
	for k := 0; k < i; k++ {
		switch s.doc.Tokens[k].Kind {
		case text.Mention:
		case text.Punct:
			if !s.isPunct(k, ':') {
				return false
			}
		default:
			return false
		}
	}
	return true
}
