package tagger

import (
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// Features. Each token's text is hashed (FNV-1a, 64 bits) once, when it is
// first needed, and a scored word's prefix and suffix when it is scored; a
// feature is then the mix of its template number with one or two of those
// hashes and small values (shape, case mode, label), folded into one of
// 2^Bits buckets. Nothing is allocated. The same code computes the features
// when the model is trained (gen) and when it tags a post, so the two cannot
// drift apart.

// Bits is the log2 of the number of feature buckets.
const Bits = 18

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// feature templates (the first byte hashed).
const (
	ftBias byte = iota + 1
	ftWord
	ftShape
	ftSuffix
	ftPrefix
	ftLex
	ftLexShape
	ftFlag
	ftP1
	ftP2
	ftN1
	ftN2
	ftP1Shape
	ftN1Shape
	ftPrevLabel
	ftPrevLabelShape
	ftLength
	ftLineStart
	ftP1N1
	ftP1Word
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func bucket(h uint64) uint32 { return uint32(h >> (64 - Bits)) }

// mix combines a feature template with values: a splitmix64-style finaliser
// over the running state, so that every input bit reaches the top bits the
// bucket is taken from.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// f1, f2 and f3 are features of a template and one, two or three values.
func f1(t byte, a uint64) uint32       { return bucket(mix(uint64(t), a)) }
func f2(t byte, a, b uint64) uint32    { return bucket(mix(mix(uint64(t), a), b)) }
func f3(t byte, a, b, c uint64) uint32 { return bucket(mix(mix(mix(uint64(t), a), b), c)) }

var (
	hSentStart = hstr(fnvOffset, "<s>")
	hSentEnd   = hstr(fnvOffset, "</s>")
	hNewline   = hstr(fnvOffset, "<nl>")
)

// shape classes of a token.
const (
	shOther byte = iota
	shTitle
	shUpper
	shLower
	shMixed
	shInitial // one letter
	shNumber
	shAlnum
	shPunct
	shTag // hashtag or mention
)

// case modes of a whole post.
const (
	cmMixed byte = iota
	cmCaps
	cmLower
)

// tok is what the features need of one token.
type tok struct {
	h     uint64        // hash of its norm (normOf) (haveHash)
	entry lexicon.Entry // the lexicon's entry (haveLex; only for a scored word)
	shape byte          // shape class (haveHash)
	line  bool          // first token of a line (haveHash)
}

// What a doc has computed of a token (doc.have): the facts of one level are
// needed at different times, so each is computed on first use. Whether a
// token is scored and known to the lexicon are bits of have too, so that the
// triage of a post's words writes one byte per word.
const (
	haveLex  uint8 = 1 << iota // lexSkip, lexKnown, and a scored word's entry
	haveHash                   // h, shape, line
	lexSkip                    // never a name or place: tagged Outside without scoring (with haveLex)
	lexKnown                   // the lexicon knows the word (with haveLex); 1 << lexKnownBit
)

// lexKnownBit is the bit number of lexKnown.
const lexKnownBit = 3

// doc is a post prepared for tagging. The facts of its tokens are computed
// on demand: most posts have no token left for the tagger to score once the
// rules have spoken, and a post that has one needs the facts of only the
// tokens around it.
type doc struct {
	d    *text.Doc
	toks []tok
	have []uint8 // per token, the haveX bits computed
	mode byte
	// skip is the row of the text's case mode in decodeSkipBits, or in
	// skipBits for training (see prepare)
	skip *[2 * shapeFlags]uint32
	memo *memo
}

// reset makes dc the lazy preparation of d.
func (dc *doc) reset(d *text.Doc) {
	if dc.memo == nil {
		dc.memo = new(memo)
	}
	dc.d = d
	n := len(d.Tokens)
	if cap(dc.toks) < n {
		dc.toks = make([]tok, n)
	}
	if cap(dc.have) < blockCap(n) {
		dc.have = make([]uint8, blockCap(n))
	}
	dc.toks = dc.toks[:n]
	// cleared a block at a time (see fillBlock)
	have := dc.have[:cap(dc.have)]
	for k := 0; k < n; k += fillBlock {
		*(*[fillBlock]uint8)(have[k : k+fillBlock]) = [fillBlock]uint8{}
	}
	dc.have = dc.have[:n]
	dc.mode = cmMixed
	if d.AllCaps {
		dc.mode = cmCaps
	} else if d.AllLower {
		dc.mode = cmLower
	}
	dc.skip = &decodeSkipBits[dc.mode]
}

// prepare computes every fact of every token of d at once (training).
func prepare(d *text.Doc, dc *doc) {
	dc.reset(d)
	dc.skip = &skipBits[dc.mode] // the words neverTagged leaves: see decodeSkipBits
	for i := range dc.toks {
		dc.lex(i)
		dc.hashed(i)
	}
}

var digitWords = [...]string{"", "0", "00", "000", "0000", "00000", "000000"}

// normOf returns the norm of the token t of a text whose lower-case form
// is lower: its lower-case text; for a number its digits folded to "0" (or
// "0+" for more than 6), for an alnum "a0", for a hashtag or mention its
// first byte.
func normOf(lower string, t *text.Token) string {
	norm := lower[t.Start:t.End]
	switch t.Kind {
	case text.Number:
		if n := len(norm); n < len(digitWords) {
			return digitWords[n]
		}
		return "0+"
	case text.Alnum:
		return "a0"
	case text.Hashtag, text.Mention:
		return norm[:1]
	}
	return norm
}

// lex returns the facts computed of token i (its have bits) once its
// lexicon facts, and so whether it is scored, are among them.
func (dc *doc) lex(i int) uint8 {
	if h := dc.have[i]; h&haveLex != 0 {
		return h
	}
	return dc.fillLex(i)
}

// fillLex computes what lex returns.
func (dc *doc) fillLex(i int) uint8 {
	t := &dc.d.Tokens[i]
	if t.Kind != text.Word {
		dc.have[i] |= haveLex | lexSkip // not a word: nothing to look up, never scored
	} else {
		dc.fillWord(i, t, dc.d.Lower)
	}
	return dc.have[i]
}

// fillWord computes the lexicon facts of the word t, token i, of a text
// whose lower-case form is lower. The
// hashed facts (hash, shape, line) are left to fillHash: most words are only
// asked whether they are scored, and a word that is not is seldom the
// context of one that is.
func (dc *doc) fillWord(i int, t *text.Token, lower string) {
	meta, e := dc.memo.lookupAt(lower, t.Start, t.End)
	h := lexBits(t.Shape, t.End-t.Start, meta, dc.skip)
	dc.have[i] |= h
	if h&lexSkip == 0 {
		dc.toks[i].entry = *e // only a scored word's entry is a feature
	}
}

// triage computes the lexicon facts of the words not fixed (fixed[i] < 0)
// that the memo holds, if they are not known yet, and lists in list (room
// for every token) the words it leaves for the caller: those whose facts
// are still not known, and those that are scored. A word whose shape alone
// keeps it from being scored (decodeSkipBits: lower case in mixed-case
// text, most words) is passed over without a probe. It returns how many it
// listed. It finds most words of up to 8 bytes (most words): the memo's
// hit inlined, in loops without a call.
//
// On real text whether a token is an unfixed word, which way of its set
// holds it and whether it is scored are coin tosses that a branch
// mispredicts often, so triage decides the first two by arithmetic: a first
// loop lists the unfixed words by advancing its end by 0 or 1 (no branch
// per token), and the second compares the key with the four ways at once,
// reads the facts of the way that matches and keeps them only on a hit
// (masking, not branching), and copies the matching way's entry whatever
// it holds (one 16-byte copy; only a scored word's is ever read) rather
// than test whether the word is scored. The rest of its branches go mostly
// one way (a word of more than 8 bytes, one whose facts are known).
func (dc *doc) triage(fixed []int8, list []int32) int {
	toks, have, lower, bits, m := dc.d.Tokens, dc.have, dc.d.Lower, dc.skip, dc.memo
	n := len(toks)
	have, list, fixed = have[:n], list[:n], fixed[:n]
	c := 0
	for i := range toks {
		list[c] = int32(i)
		// fixed[i] < 0 is its sign bit; a word that its shape alone keeps
		// from scoring (decodeSkipBits' metaAlways) needs no probe either
		t := &toks[i]
		shapeSkip := bits[int(t.Shape&(shapeFlags-1))|b2i(t.End-t.Start == 1)*shapeFlags] & metaAlways
		c += int(uint8(fixed[i])>>7) & b2i(t.Kind == text.Word) & b2i(shapeSkip == 0)
	}
	kept := 0
	for _, i := range list[:c] {
		t := &toks[i]
		h := have[i]
		// a word has at least one byte
		if start, ln := t.Start, t.End-t.Start; h&haveLex == 0 && ln <= 8 && len(lower) >= 8 {
			// The key: the 8 bytes from the word's start, or near the end
			// of the text its last 8 bytes shifted down to the word; the
			// bytes past the word masked off. A word of up to 8 bytes has
			// k1 = 0 (the longer ones are left to lookupAt: probing for
			// them here costs every word more than it saves them).
			o := minBranchless(start, len(lower)-8)
			k0 := le64(lower[o:o+8]) >> (8 * uint(start-o) & 63) & keyMasks[ln]
			nn := uint32(ln)
			set := memoSet(k0, 0, nn)
			tags := &m.tags[set]
			// The way whose first 8 key bytes match: w is its number when
			// one does (0 when none does), and hit whether it holds the
			// word (a slot of the same length, up to 8, holds k1 = 0). Two
			// or more ways match only for a word of 8 bytes and longer ones
			// that begin with it: w is then some way, which holds the word
			// only if its test says so; else hit is 0 and lookupAt finds it.
			e1, e2, e3 := b2i(tags[1].k0 == k0), b2i(tags[2].k0 == k0), b2i(tags[3].k0 == k0)
			w := (e1 + 2*e2 + 3*e3) & (memoWays - 1)
			meta := tags[w].meta
			hit := b2i(tags[w].k0 == k0) & b2i(meta>>metaLenBits == nn)
			// keeps the hash bit, if set; adds nothing on a miss
			h |= lexBits(t.Shape, ln, meta, bits) & -uint8(hit)
			have[i] = h
			dc.toks[i].entry = m.ents[set][w] // read only if the word is scored
		}
		list[kept] = i
		kept += b2i(h&(haveLex|lexSkip) != haveLex|lexSkip)
	}
	return kept
}

// b2i returns 1 for true and 0 for false; the compiler makes it a SETcc,
// not a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// minBranchless returns min(a, b) without a branch, for values that differ
// by less than 2^62: the sign of a-b, spread over every bit by an
// arithmetic shift, keeps a-b or clears it. (The compiler makes the min
// builtin a compare and a jump here, one that goes the other way for a
// text's last word or two.)
func minBranchless(a, b int) int {
	d := a - b
	return b + d&(d>>63)
}

// le64 returns the first 8 bytes of b as a little-endian number (one load).
func le64(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// keyMasks[n] keeps the first n bytes of a little-endian word: a load
// where a shift by a variable count would tie up the one register such
// shifts take, which triage's loop needs for its other values.
var keyMasks = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// lexBits returns the have bits of the lexicon facts of a word of shape sh
// and n bytes whose memo facts are meta (memoTag.meta), in a text whose case
// mode's skipBits are bits. It has no branch: triage calls it for words whose
// shape and facts vary at random.
func lexBits(sh text.Shape, n int, meta uint32, bits *[2 * shapeFlags]uint32) uint8 {
	// a one-letter word's bit is in the upper half, whatever its shape
	b := bits[int(sh&(shapeFlags-1))|b2i(n == 1)*shapeFlags]
	// lexKnown sits in meta lexKnownBit bits above metaKnownBit
	h := haveLex | uint8(meta>>(metaKnownBit-lexKnownBit))&lexKnown
	return h | uint8(b2i(meta&b != 0))*lexSkip
}

// shapeFlags is the number of text.Shape values: its flags fit in 6 bits.
const shapeFlags = 1 << 6

// skipBits[mode][sh] is the bit of memoTag.meta (of neverMask) that says
// a word is never scored in a text of case mode mode, for a word longer than
// one byte whose text.Shape is sh, and at shapeFlags+sh, for a one-letter
// word: wordShape and the mode's shift in one load.
var skipBits = func() (t [3][2 * shapeFlags]uint32) {
	for mode := range t {
		for sh := range shapeFlags {
			t[mode][sh] = 1 << (8*mode + int(wordShape(text.Shape(sh), 2)))
			t[mode][shapeFlags+sh] = 1 << (8*mode + int(shInitial))
		}
	}
	return t
}()

// decodeSkipBits is skipBits as Tag uses it: in mixed-case text a word of
// two letters or more written in lower case is never scored, whatever the
// lexicon says of it (its bit is metaAlways, which every memo entry holds).
// Training still learns from such words (neverTagged): measured on the
// project's corpora, the lower-case names the tagger found in mixed-case
// text were all false alarms, while a model trained without those words
// found fewer true names elsewhere; and scoring them cost real tweets 5%
// of the engine's instructions.
var decodeSkipBits = func() (t [3][2 * shapeFlags]uint32) {
	t = skipBits
	for mode := range t {
		for sh := range shapeFlags {
			if decodeSkips(wordShape(text.Shape(sh), 2), byte(mode)) {
				t[mode][sh] |= metaAlways
			}
		}
	}
	return t
}()

// decodeSkips is the rule decodeSkipBits adds to neverTagged: Tag never
// scores a word of shape class shape in a text of case mode mode.
func decodeSkips(shape, mode byte) bool { return mode == cmMixed && shape == shLower }

// hashed returns token i with its hash, shape and line computed: what a
// token brings as the context of another.
func (dc *doc) hashed(i int) *tok {
	if dc.have[i]&haveHash != 0 {
		return &dc.toks[i]
	}
	return dc.fillHash(i)
}

// fillHash computes what hashed returns, without a branch on the token
// that real text makes a coin toss: its shape class from a table
// (shapeOf), and the hash of its norm, for a word's or punctuation mark's
// norm (its lower-case text) of up to 8 bytes, nearly every one, without a
// loop whose end is one too (fnvShort). The other kinds, a few tokens in
// ten, and longer tokens take a branch that is seldom taken.
func (dc *doc) fillHash(i int) *tok {
	t := &dc.d.Tokens[i]
	k := &dc.toks[i]
	dc.have[i] |= haveHash
	// the line bit by arithmetic: || is a branch on i, then on Newline
	k.shape, k.line = shapeOf(t), b2i(i == 0)|b2i(t.Newline) != 0
	lower, n := dc.d.Lower, t.End-t.Start
	if uint8(t.Kind-text.Number) <= uint8(text.Mention-text.Number) || n > 8 || len(lower) < 8 {
		k.h = hstr(fnvOffset, normOf(lower, t))
		return k
	}
	// the 8 bytes from the token's start, or near the text's end its last
	// 8 shifted down to the token (as triage reads a key)
	o := minBranchless(t.Start, len(lower)-8)
	k.h = fnvShort(le64(lower[o:o+8])>>(8*uint(t.Start-o)&63), n)
	return k
}

// shapeOf returns the shape class of the token t by a table load: which
// class a token has is a coin toss on real text.
func shapeOf(t *text.Token) byte {
	return shapeClasses[(int(t.Kind)<<7|b2i(t.End-t.Start == 1)<<6|int(t.Shape))&(len(shapeClasses)-1)]
}

// fnvShort returns hstr(fnvOffset, s) for the string s of n bytes, 1 to
// 8, that are the low bytes of w (little-endian): all eight steps of the
// hash are taken, and the hash after the n-th kept, so that no branch
// depends on n.
func fnvShort(w uint64, n int) uint64 {
	// written out: a loop's end is a branch a simple predictor misses
	// once a call
	var hs [8]uint64
	h := (fnvOffset ^ w&0xff) * fnvPrime
	hs[0] = h
	h = (h ^ w>>8&0xff) * fnvPrime
	hs[1] = h
	h = (h ^ w>>16&0xff) * fnvPrime
	hs[2] = h
	h = (h ^ w>>24&0xff) * fnvPrime
	hs[3] = h
	h = (h ^ w>>32&0xff) * fnvPrime
	hs[4] = h
	h = (h ^ w>>40&0xff) * fnvPrime
	hs[5] = h
	h = (h ^ w>>48&0xff) * fnvPrime
	hs[6] = h
	hs[7] = (h ^ w>>56) * fnvPrime
	return hs[(n-1)&7]
}

// shapeClasses[kind<<7|one<<6|sh] is the shape class of a token
// of text.Kind kind (0-7) whose letters have text.Shape sh (6 bits), of one
// byte if one is 1: wordShape for a word, a class of its kind for the rest.
var shapeClasses = func() (t [8 << 7]byte) {
	for i := range t {
		k, one, sh := text.Kind(i>>7), i>>6&1, text.Shape(i&(shapeFlags-1))
		c := shPunct
		switch k {
		case text.Word:
			c = wordShape(sh, 2-one)
		case text.Number:
			c = shNumber
		case text.Alnum:
			c = shAlnum
		case text.Hashtag, text.Mention:
			c = shTag
		}
		t[i] = c
	}
	return t
}()

// memo remembers the lexicon facts of the words met last, in a small
// four-way set-associative table kept with a State: the everyday words of
// one post come back in the next, and the table stays in a core's cache
// while the lexicon's does not. A word is its own key, packed into 12
// bytes, so a probe costs no hashing pass over its bytes; the tags a probe
// reads (key, length, whether the lexicon knows the word, which shapes and
// modes make it never scored) fill one cache line per set, and the entries,
// read only for a scored word, lie apart.
type memo struct {
	// first: a large allocation is page-aligned, so each set is one line
	tags [1 << memoBits][memoWays]memoTag
	ents [1 << memoBits][memoWays]lexicon.Entry
	long lexicon.Entry // the entry of the last word too long to remember
}

const (
	memoBits = 11 // sets of memoWays slots
	memoWays = 4
	memoKey  = 12 // the longest word remembered
)

// triage and findWay probe the ways written out for 4: this
// constant does not compile (a negative number made unsigned) unless
// memoWays is 4.
const _ = uint(memoWays-4) + uint(4-memoWays)

// memoTag is the key and the triage facts of a remembered word.
type memoTag struct {
	k0 uint64 // bytes 0-7 of the word, little-endian, zero-padded
	k1 uint32 // bytes 8-11
	// meta holds neverMask of the word's entry (bits 0-23), whether the
	// lexicon knows it (metaKnown) and its length (bits 25-28; 0: empty).
	meta uint32
}

const (
	metaKnownBit = 24
	metaKnown    = 1 << metaKnownBit
	metaLenBits  = 25
	// metaAlways is set in every filled entry's meta: the bit that a rule
	// on shape and mode alone tests (decodeSkipBits). neverMask leaves bit
	// 7 free: its shapes take bits 0-5 of each mode's byte.
	metaAlways = 1 << 7
)

// metaAlways must lie above neverMask's shapes in the first mode's byte.
const _ = uint(7 - shInitial - 1)

// memoSet returns the set of the memo that holds the word of n bytes whose
// key is k0, k1.
func memoSet(k0 uint64, k1, n uint32) uint64 {
	return (k0*0x9e3779b97f4a7c15 ^ uint64(k1)*0xc2b2ae3d27d4eb4f ^ uint64(n)) * 0x94d049bb133111eb >> (64 - memoBits)
}

// lookup returns the triage facts (memoTag.meta) of the lower-case word lw
// and its lexicon entry, looked up in the lexicon when lw is not in the
// memo; the entry is valid until the next lookup.
func (m *memo) lookup(lw string) (uint32, *lexicon.Entry) {
	return m.lookupAt(lw, 0, len(lw))
}

// lookupAt is lookup of the word s[start:end]: given the whole text, the key
// is read eight bytes at a time when the text goes on far enough.
func (m *memo) lookupAt(s string, start, end int) (uint32, *lexicon.Entry) {
	n := end - start
	if n > memoKey || n <= 0 {
		return fillMeta(s[start:end], &m.long), &m.long
	}
	var k0 uint64
	var k1 uint32
	if start+memoKey <= len(s) {
		// packKey's common case, inlined: two loads, the bytes past the
		// word masked off (triage finds most words of up to 8 bytes
		// itself: this is mostly for longer ones)
		b := s[start : start+memoKey]
		k0 = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if n > 8 {
			k1 = (uint32(b[8]) | uint32(b[9])<<8 | uint32(b[10])<<16 | uint32(b[11])<<24) & uint32(keyMasks[n-8])
		} else {
			k0 &= keyMasks[n]
		}
	} else {
		k0, k1 = packKey(s, start, end)
	}
	set := memoSet(k0, k1, uint32(n))
	tags := &m.tags[set]
	if w := findWay(tags, k0, k1, uint32(n)); w < memoWays {
		return tags[w].meta, &m.ents[set][w]
	}
	// the newest word takes way 0, the others move down, the oldest leaves
	ents := &m.ents[set]
	copy(tags[1:], tags[:memoWays-1])
	copy(ents[1:], ents[:memoWays-1])
	meta := fillMeta(s[start:end], &ents[0]) | uint32(n)<<metaLenBits
	tags[0] = memoTag{k0: k0, k1: k1, meta: meta}
	return meta, &ents[0]
}

// findWay returns the way of the set tags that holds the word of n bytes
// whose key is k0, k1, or memoWays if none does. The 4 ways are written out.
func findWay(tags *[memoWays]memoTag, k0 uint64, k1, n uint32) int {
	switch {
	case tags[0].k0 == k0 && tags[0].k1 == k1 && tags[0].meta>>metaLenBits == n:
		return 0
	case tags[1].k0 == k0 && tags[1].k1 == k1 && tags[1].meta>>metaLenBits == n:
		return 1
	case tags[2].k0 == k0 && tags[2].k1 == k1 && tags[2].meta>>metaLenBits == n:
		return 2
	case tags[3].k0 == k0 && tags[3].k1 == k1 && tags[3].meta>>metaLenBits == n:
		return 3
	}
	return memoWays
}

// fillMeta sets *e to the lexicon entry of the lower-case word lw and
// returns its triage facts (without the length).
func fillMeta(lw string, e *lexicon.Entry) uint32 {
	var ok bool
	*e, ok = lexicon.Lookup(lexicon.Key(lw))
	if !ok {
		return metaAlways
	}
	return neverMask(*e) | metaKnown | metaAlways
}

// PackKey returns the key of the word s[start:end] (1 to MemoKeyLen bytes)
// that the tagger's word memo uses (see packKey), for other memos of words
// keyed the same way.
func PackKey(s string, start, end int) (k0 uint64, k1 uint32) { return packKey(s, start, end) }

// MemoKeyLen is the longest word PackKey packs.
const MemoKeyLen = memoKey

// packKey returns the bytes of the word s[start:end] (1 to memoKey bytes)
// as two little-endian numbers, zero-padded: bytes 0-7 and 8-11. A word of
// up to 8 bytes in a text of 8 or more, nearly every word, is read in one
// load as triage reads it (near the text's end its last 8 bytes shifted
// down to the word) without a branch on where it lies or how long it is,
// which are coin tosses. Otherwise, where s holds 8 (or 4) bytes from the
// word's start, they are read in one load and the bytes past the word
// masked off; near the end of s, byte by byte.
func packKey(s string, start, end int) (k0 uint64, k1 uint32) {
	n := end - start
	if n <= 8 && len(s) >= 8 {
		o := minBranchless(start, len(s)-8)
		return le64(s[o:o+8]) >> (8 * uint(start-o) & 63) & keyMasks[n], 0
	}
	if start+8 <= len(s) {
		b := s[start : start+8]
		k0 = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if n < 8 {
			k0 &= 1<<(8*uint(n)) - 1
		}
	} else {
		for i := 0; i < n && i < 8; i++ {
			k0 |= uint64(s[start+i]) << (8 * i)
		}
	}
	if n <= 8 {
		return k0, 0
	}
	if start+12 <= len(s) {
		b := s[start+8 : start+12]
		k1 = uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if n < 12 {
			k1 &= 1<<(8*uint(n-8)) - 1
		}
		return k0, k1
	}
	for i := 8; i < n; i++ {
		k1 |= uint32(s[start+i]) << (8 * (i - 8))
	}
	return k0, k1
}

// neverMask returns neverTagged(e, shape, mode) for every word shape and
// case mode at once, as bit 8·mode+shape: neverTagged unrolled, since every
// word that enters the memo needs it.
func neverMask(e lexicon.Entry) uint32 {
	const (
		shapes  = 1<<(shInitial+1) - 1 // the shapes of a word
		all     = shapes | shapes<<8 | shapes<<16
		initial = 1<<shInitial | 1<<(8+shInitial) | 1<<(16+shInitial)
		mixed   = 8 * uint32(cmMixed) // the shift of the mixed-case mode's bits
	)
	if e.Any(contextOnly) {
		return all
	}
	if e.WordTier == 0 {
		return 0
	}
	m := uint32(0)
	if e.WordTier <= 35 {
		m = all &^ initial
		if e.FirstNameFreq >= 120 {
			m &^= (1<<shTitle | 1<<shUpper) << mixed
		}
		return m
	}
	if e.WordTier <= 70 {
		m |= 1 << shLower << mixed
	}
	named := e.FirstNameFreq >= 40 || e.SurnameFreq >= 80 || e.Any(lexicon.PlaceGB|lexicon.PlaceUS|lexicon.Region|lexicon.HospitalName)
	if !named && e.WordTier <= 50 {
		m |= all &^ initial
	}
	return m
}

// contextOnly are the lexicon flags of words that are context, never a
// name or place themselves: titles, relatives, roles, months, clinical terms.
const contextOnly = lexicon.Title | lexicon.Month | lexicon.Weekday | lexicon.Relative | lexicon.HealthRole |
	lexicon.HospitalCue | lexicon.RoomCue | lexicon.WardUnit | lexicon.ClinicalTerm | lexicon.StreetSuffix

// neverTagged reports a word the tagger does not score: a context word, or
// an English word that no name or place list knows well (and, in mixed-case
// text, any English word written in lower case). It is the definition; the
// memo keeps its answers for every shape and mode (neverMask).
func neverTagged(e lexicon.Entry, shape, mode byte) bool {
	if e.Any(contextOnly) {
		return true
	}
	if e.WordTier == 0 || shape == shInitial {
		return false
	}
	if mode == cmMixed && shape == shLower && e.WordTier <= 70 {
		return true
	}
	if e.WordTier <= 35 {
		// a very common word ("small", "early", "other") is left to the
		// rules, which know the frames a name-word needs ("wife Hope"),
		// except a capitalised popular first name in mixed-case text
		return mode != cmMixed || shape != shTitle && shape != shUpper || e.FirstNameFreq < 120
	}
	named := e.FirstNameFreq >= 40 || e.SurnameFreq >= 80 || e.Any(lexicon.PlaceGB|lexicon.PlaceUS|lexicon.Region|lexicon.HospitalName)
	return !named && e.WordTier <= 50
}

// wordShape returns the shape class of a word of n bytes whose letters have
// shape sh.
func wordShape(sh text.Shape, n int) byte {
	switch {
	case n == 1:
		return shInitial
	case sh&text.Upper != 0:
		return shUpper
	case sh&text.Title != 0:
		return shTitle
	case sh&text.Lower != 0:
		return shLower
	case sh&text.Mixed != 0:
		return shMixed
	}
	return shOther
}

// bands returns the band of v among the 5 that the ascending cuts divide
// 0-255 into (v < cuts[0] is band 0, cuts[3] <= v is band 4): the number of
// cuts at or under v, summed from comparisons rather than found by a loop
// that stops at the first cut above v.
func bands(v uint8, cuts [4]uint8) int {
	return b2i(v >= cuts[0]) + b2i(v >= cuts[1]) + b2i(v >= cuts[2]) + b2i(v >= cuts[3])
}

// pick returns a if c, else b, by a mask rather than a branch.
func pick(c bool, a, b uint64) uint64 {
	m := -uint64(b2i(c))
	return a&m | b&^m
}

// flagsUsed are the lexicon flags that are features of their own.
var flagsUsed = [...]lexicon.Flags{lexicon.PlaceGB, lexicon.PlaceUS, lexicon.PlaceOther, lexicon.County,
	lexicon.Region, lexicon.StreetSuffix, lexicon.Title, lexicon.Month, lexicon.Weekday, lexicon.Relative,
	lexicon.Occupation, lexicon.HealthRole, lexicon.HospitalCue, lexicon.WardUnit, lexicon.RoomCue,
	lexicon.ClinicalTerm, lexicon.HospitalName, lexicon.NameWord}

// ctxOf returns what a token brings as the context of another: the hash,
// shape and whether it starts a line of token j, or of the text's start or
// end beyond it (noShape, no line).
func ctxOf(dc *doc, j int) (h uint64, shape uint64, line bool) {
	if j < 0 {
		return hSentStart, noShape, false
	}
	if j >= len(dc.toks) {
		return hSentEnd, noShape, false
	}
	k := dc.hashed(j)
	return k.h, uint64(k.shape), k.line
}

// ctxShape returns the shape of token j, or noShape where there is none.
func ctxShape(dc *doc, j int) uint64 {
	if j < 0 || j >= len(dc.toks) {
		return noShape
	}
	return uint64(shapeOf(&dc.d.Tokens[j]))
}

// The number of shape classes, and the shape feature of a token beyond the
// text's ends.
const (
	numShapes        = shTag + 1
	noShape   uint64 = 255
)

// ctxIndex is the index in a feature table of a context shape (ctxShape):
// numShapes for noShape.
func ctxIndex(cs uint64) int { return int(min(cs, uint64(numShapes))) }

// The values of a word's lexicon facts as static combines them: five
// bands of first-name and of surname frequency, five word tiers, and
// whether the capitalised form is a word.
const lexValues = 5 * 5 * 5 * 2

// usedFlags are flagsUsed as one mask.
var usedFlags = func() (m lexicon.Flags) {
	for _, f := range flagsUsed {
		m |= f
	}
	return m
}()

// feats returns the buckets of the features whose values are few, computed
// once by f1, f2 and f3 (so they cannot drift from them): static and
// dynamic read them instead of mixing the same values for every scored
// token. They are made on first use, not at start, which a run that never
// tags (--help) would pay for; after that, feats is one load and a test
// (sync.OnceValue's call cost more than the mixing saved).
func feats() *featTables {
	if t := featTab.Load(); t != nil {
		return t
	}
	return firstFeats()
}

// firstFeats is feats the first time: apart, so that feats inlines.
func firstFeats() *featTables {
	featOnce.Do(func() { featTab.Store(makeFeats()) })
	return featTab.Load()
}

var (
	featTab  atomic.Pointer[featTables] // feats' tables, once made
	featOnce sync.Once
)

// makeFeats makes the tables feats returns.
func makeFeats() *featTables {
	t := new(featTables)
	t.bias = f1(ftBias, 0)
	for m := range uint64(3) {
		for sh := range uint64(numShapes) {
			t.shape[m][sh] = f2(ftShape, sh, m)
			for c := range numShapes + 1 {
				cs := uint64(c)
				if c == numShapes {
					cs = noShape
				}
				t.p1Shape[m][sh][c] = f3(ftP1Shape, cs, sh, m)
				t.n1Shape[m][sh][c] = f3(ftN1Shape, cs, sh, m)
			}
		}
	}
	for fn := range uint64(5) {
		for sn := range uint64(5) {
			for wt := range uint64(5) {
				for ct := range uint64(2) {
					t.lex[fn+5*sn+25*wt+125*ct] = f1(ftLex, fn|sn<<4|wt<<8|ct<<12)
				}
			}
		}
	}
	for k, f := range flagsUsed {
		t.flag[bits.TrailingZeros32(uint32(f))] = f1(ftFlag, uint64(k))
	}
	for ln := range uint64(10) {
		t.length[ln] = f1(ftLength, ln)
	}
	for sh := range uint64(numShapes) {
		t.lineStart[sh] = f1(ftLineStart, sh)
	}
	for p := range uint64(NumLabels) {
		for p2 := range uint64(NumLabels) {
			t.prevLabel[p][p2] = f2(ftPrevLabel, p, p2)
		}
		for sh := range uint64(numShapes) {
			for c := range numShapes + 1 {
				cs := uint64(c)
				if c == numShapes {
					cs = noShape
				}
				t.prevLabelShape[p][sh][c] = f3(ftPrevLabelShape, p, sh, cs)
			}
		}
	}
	return t
}

// featTables are the tables of feats; an index named by a context shape
// is ctxIndex's.
type featTables struct {
	bias           uint32                                      // f1(ftBias, 0)
	shape          [3][numShapes]uint32                        // f2(ftShape, shape, mode) by mode, shape
	lex            [lexValues]uint32                           // f1(ftLex, lex) by fn+5·sn+25·wt+125·ct
	flag           [32]uint32                                  // f1(ftFlag, k) by the bit number of flagsUsed[k]
	p1Shape        [3][numShapes][numShapes + 1]uint32         // f3(ftP1Shape, ctx, shape, mode) by mode, shape, ctx
	n1Shape        [3][numShapes][numShapes + 1]uint32         // f3(ftN1Shape, ctx, shape, mode) by mode, shape, ctx
	length         [10]uint32                                  // f1(ftLength, length)
	lineStart      [numShapes]uint32                           // f1(ftLineStart, shape)
	prevLabel      [NumLabels][NumLabels]uint32                // f2(ftPrevLabel, prev, prev2)
	prevLabelShape [NumLabels][numShapes][numShapes + 1]uint32 // f3(ftPrevLabelShape, prev, shape, ctx)
}

// static appends the buckets of the features of token i, a token that is
// scored (not skip), that do not depend on the labels before it. The
// features of few values come from feats; the flags' in flagsUsed order,
// which is the flags' bit order.
func static(dc *doc, i int, out []uint32) []uint32 {
	dc.lex(i) // the entry
	t := dc.hashed(i)
	norm := normOf(dc.d.Lower, &dc.d.Tokens[i])
	m := uint64(dc.mode)
	sh := uint64(t.shape)
	ft := feats()
	out = append(out, ft.bias)
	out = append(out, f1(ftWord, t.h))
	out = append(out, ft.shape[m][sh])
	if n := len(norm); n > 3 {
		// the hashes of its first and last 3 bytes
		if hsuf := hstr(fnvOffset, norm[n-3:]); hsuf != 0 {
			out = append(out, f1(ftSuffix, hsuf))
			out = append(out, f1(ftPrefix, hstr(fnvOffset, norm[:3])))
		}
	}
	// the bands, counted without branches (see bands): which band a word
	// falls in is a coin toss
	fn := bands(t.entry.FirstNameFreq, [4]uint8{1, 40, 90, 150})
	sn := bands(t.entry.SurnameFreq, [4]uint8{1, 40, 90, 150})
	// word tiers 0, 1-35, 36-50, 51-70 and above
	wt := bands(t.entry.WordTier, [4]uint8{1, 36, 51, 71})
	ct := b2i(t.entry.CapWordTier > 0)
	lex := uint64(fn) | uint64(sn)<<4 | uint64(wt)<<8 | uint64(ct)<<12
	out = append(out, ft.lex[fn+5*sn+25*wt+125*ct])
	out = append(out, f3(ftLexShape, lex, sh, m))
	for fl := uint32(t.entry.Flags & usedFlags); fl != 0; fl &= fl - 1 {
		out = append(out, ft.flag[bits.TrailingZeros32(fl)])
	}
	// Context: the tokens around, a line break counting as a token.
	// A line break before the token or the one before it takes the place
	// of the farther ones; one before the token after it or the one after
	// that, likewise (selected by masks: where lines break is a coin toss).
	hp1, sp1, lp1 := ctxOf(dc, i-1)
	hp2, _, _ := ctxOf(dc, i-2)
	hp1, hp2 = pick(t.line, hNewline, hp1), pick(t.line, hp1, pick(lp1, hNewline, hp2))
	hn1, sn1, ln1 := ctxOf(dc, i+1)
	hn2, _, ln2 := ctxOf(dc, i+2)
	hn1, hn2 = pick(ln1, hNewline, hn1), pick(ln1, hn1, pick(ln2, hNewline, hn2))
	out = append(out, f1(ftP1, hp1))
	out = append(out, f1(ftP2, hp2))
	out = append(out, f1(ftN1, hn1))
	out = append(out, f1(ftN2, hn2))
	out = append(out, ft.p1Shape[m][sh][ctxIndex(sp1)])
	out = append(out, ft.n1Shape[m][sh][ctxIndex(sn1)])
	out = append(out, f2(ftP1N1, hp1, hn1))
	out = append(out, f2(ftP1Word, hp1, t.h))
	out = append(out, ft.length[min(len(norm), 9)])
	if t.line {
		out = append(out, ft.lineStart[sh])
	}
	return out
}

// dynamic appends the features that depend on the labels of the two tokens
// before token i (greedy left-to-right decoding).
func dynamic(dc *doc, i int, prev, prev2 Label, out []uint32) []uint32 {
	ft := feats()
	out = append(out, ft.prevLabel[prev][prev2])
	out = append(out, ft.prevLabelShape[prev][dc.hashed(i).shape][ctxIndex(ctxShape(dc, i-1))])
	return out
}
