package tagger

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// Features. Each token's text, prefix and suffix are hashed once (FNV-1a,
// 64 bits) when the post is prepared; a feature is then the mix of its
// template number with one or two of those hashes and small values (shape,
// case mode, label), folded into one of 2^Bits buckets. Nothing is
// allocated. The same code computes the features when the model is trained
// (gen) and when it tags a post, so the two cannot drift apart.

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
	norm  string // lower-case text; digits folded to '0' in numbers
	h     uint64 // hash of norm
	hpre  uint64 // hash of its first 3 bytes (0 when 3 bytes or fewer)
	hsuf  uint64 // hash of its last 3 bytes (0 when 3 bytes or fewer)
	shape byte
	entry lexicon.Entry
	known bool
	skip  bool // never a name or place: tagged Outside without scoring
	line  bool // first token of a line
}

// doc is a post prepared for tagging.
type doc struct {
	toks []tok
	mode byte
	memo *memo
}

// memo remembers the lexicon entries of the words met last, in a small
// direct-mapped table kept with a State: the everyday words of one post come
// back in the next, and the table stays in a core's cache while the
// lexicon's does not.
type memo [1 << memoBits]memoSlot

const (
	memoBits = 12
	memoKey  = 15 // the longest word remembered
)

type memoSlot struct {
	n     uint8 // length of the word; 0: empty
	lw    [memoKey]byte
	known bool
	e     lexicon.Entry
}

// lookup returns the lexicon entry of lw, whose FNV-1a hash (the token's
// hash, computed once in prepare) is h.
func (m *memo) lookup(lw string, h uint64) (lexicon.Entry, bool) {
	if len(lw) > memoKey {
		return lexicon.Lookup(lexicon.Key(lw))
	}
	sl := &m[h>>(64-memoBits)]
	if int(sl.n) == len(lw) && string(sl.lw[:sl.n]) == lw {
		return sl.e, sl.known
	}
	e, ok := lexicon.Lookup(lexicon.Key(lw))
	sl.n = uint8(len(lw))
	copy(sl.lw[:], lw)
	sl.e, sl.known = e, ok
	return e, ok
}

var digitWords = [...]string{"", "0", "00", "000", "0000", "00000", "000000"}

func prepare(d *text.Doc, dst *doc) {
	if dst.memo == nil {
		dst.memo = new(memo)
	}
	dst.toks = dst.toks[:0]
	dst.mode = cmMixed
	if d.AllCaps {
		dst.mode = cmCaps
	} else if d.AllLower {
		dst.mode = cmLower
	}
	for i, t := range d.Tokens {
		k := tok{norm: d.Lower[t.Start:t.End], line: i == 0 || t.Newline}
		switch t.Kind {
		case text.Word:
			k.shape = wordShape(t, d)
			k.h = hstr(fnvOffset, k.norm)
			k.entry, k.known = dst.memo.lookup(k.norm, k.h)
			k.skip = k.known && neverTagged(k.entry, k.shape, dst.mode)
		case text.Number:
			k.shape, k.skip = shNumber, true
			if n := len(k.norm); n < len(digitWords) {
				k.norm = digitWords[n]
			} else {
				k.norm = "0+"
			}
		case text.Alnum:
			k.shape, k.skip = shAlnum, true
			k.norm = "a0"
		case text.Hashtag, text.Mention:
			k.shape, k.skip = shTag, true
			k.norm = k.norm[:1]
		default:
			k.shape, k.skip = shPunct, true
		}
		if k.h == 0 {
			k.h = hstr(fnvOffset, k.norm)
		}
		if n := len(k.norm); n > 3 && !k.skip {
			k.hpre = hstr(fnvOffset, k.norm[:3])
			k.hsuf = hstr(fnvOffset, k.norm[n-3:])
		}
		dst.toks = append(dst.toks, k)
	}
}

// contextOnly are the lexicon flags of words that are context, never a
// name or place themselves: titles, relatives, roles, months, clinical terms.
const contextOnly = lexicon.Title | lexicon.Month | lexicon.Weekday | lexicon.Relative | lexicon.HealthRole |
	lexicon.HospitalCue | lexicon.RoomCue | lexicon.WardUnit | lexicon.ClinicalTerm | lexicon.StreetSuffix

// neverTagged reports a word the tagger does not score: a context word, or
// an English word that no name or place list knows well (and, in mixed-case
// text, any English word written in lower case).
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

func wordShape(t text.Token, d *text.Doc) byte {
	switch {
	case t.End-t.Start == 1:
		return shInitial
	case t.Shape&text.Upper != 0:
		return shUpper
	case t.Shape&text.Title != 0:
		return shTitle
	case t.Shape&text.Lower != 0:
		return shLower
	case t.Shape&text.Mixed != 0:
		return shMixed
	}
	return shOther
}

func bucket5(v uint8, cuts [4]uint8) byte {
	for i, c := range cuts {
		if v < c {
			return byte(i)
		}
	}
	return 4
}

// flagsUsed are the lexicon flags that are features of their own.
var flagsUsed = [...]lexicon.Flags{lexicon.PlaceGB, lexicon.PlaceUS, lexicon.PlaceOther, lexicon.County,
	lexicon.Region, lexicon.StreetSuffix, lexicon.Title, lexicon.Month, lexicon.Weekday, lexicon.Relative,
	lexicon.Occupation, lexicon.HealthRole, lexicon.HospitalCue, lexicon.WardUnit, lexicon.RoomCue,
	lexicon.ClinicalTerm, lexicon.HospitalName, lexicon.NameWord}

func ctxHash(dc *doc, j int) uint64 {
	if j < 0 {
		return hSentStart
	}
	if j >= len(dc.toks) {
		return hSentEnd
	}
	return dc.toks[j].h
}

func ctxShape(dc *doc, j int) uint64 {
	if j < 0 || j >= len(dc.toks) {
		return 255
	}
	return uint64(dc.toks[j].shape)
}

// static appends the buckets of the features of token i that do not depend
// on the labels before it.
func static(dc *doc, i int, out []uint32) []uint32 {
	t := &dc.toks[i]
	m := uint64(dc.mode)
	sh := uint64(t.shape)
	out = append(out, f1(ftBias, 0))
	out = append(out, f1(ftWord, t.h))
	out = append(out, f2(ftShape, sh, m))
	if t.hsuf != 0 {
		out = append(out, f1(ftSuffix, t.hsuf))
		out = append(out, f1(ftPrefix, t.hpre))
	}
	fn := bucket5(t.entry.FirstNameFreq, [4]uint8{1, 40, 90, 150})
	sn := bucket5(t.entry.SurnameFreq, [4]uint8{1, 40, 90, 150})
	wt := byte(0)
	switch w := t.entry.WordTier; {
	case w == 0:
	case w <= 35:
		wt = 1
	case w <= 50:
		wt = 2
	case w <= 70:
		wt = 3
	default:
		wt = 4
	}
	ct := byte(0)
	if t.entry.CapWordTier > 0 {
		ct = 1
	}
	lex := uint64(fn) | uint64(sn)<<4 | uint64(wt)<<8 | uint64(ct)<<12
	out = append(out, f1(ftLex, lex))
	out = append(out, f3(ftLexShape, lex, sh, m))
	for k, f := range flagsUsed {
		if t.entry.Flags&f != 0 {
			out = append(out, f1(ftFlag, uint64(k)))
		}
	}
	// Context: the tokens around, a line break counting as a token.
	p1, p2 := i-1, i-2
	hp1, hp2 := ctxHash(dc, p1), ctxHash(dc, p2)
	if t.line {
		hp1, hp2 = hNewline, hp1
	} else if p1 >= 0 && dc.toks[p1].line {
		hp2 = hNewline
	}
	hn1, hn2 := ctxHash(dc, i+1), ctxHash(dc, i+2)
	if i+1 < len(dc.toks) && dc.toks[i+1].line {
		hn1, hn2 = hNewline, hn1
	} else if i+2 < len(dc.toks) && dc.toks[i+2].line {
		hn2 = hNewline
	}
	out = append(out, f1(ftP1, hp1))
	out = append(out, f1(ftP2, hp2))
	out = append(out, f1(ftN1, hn1))
	out = append(out, f1(ftN2, hn2))
	out = append(out, f3(ftP1Shape, ctxShape(dc, p1), sh, m))
	out = append(out, f3(ftN1Shape, ctxShape(dc, i+1), sh, m))
	out = append(out, f2(ftP1N1, hp1, hn1))
	out = append(out, f2(ftP1Word, hp1, t.h))
	ln := len(t.norm)
	if ln > 9 {
		ln = 9
	}
	out = append(out, f1(ftLength, uint64(ln)))
	if t.line {
		out = append(out, f1(ftLineStart, sh))
	}
	return out
}

// dynamic appends the features that depend on the labels of the two tokens
// before token i (greedy left-to-right decoding).
func dynamic(dc *doc, i int, prev, prev2 Label, out []uint32) []uint32 {
	out = append(out, f2(ftPrevLabel, uint64(prev), uint64(prev2)))
	out = append(out, f3(ftPrevLabelShape, uint64(prev), uint64(dc.toks[i].shape), ctxShape(dc, i-1)))
	return out
}
