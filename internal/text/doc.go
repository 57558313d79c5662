package text

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota + 1 // letters, with inner apostrophes: "Mary's"
	Number                  // ASCII digits only: "0300"
	Alnum                   // letters and digits mixed: "7B", "SR2", "94yo", "LS1"
	Hashtag                 // "#nhs", "#BedBlocker" (the '#' included)
	Mention                 // "@sarah_rn" (the '@' included)
	Punct                   // one punctuation or symbol rune
)

// Shape describes the letter case of a token.
type Shape uint8

// Shape flags.
const (
	Upper   Shape = 1 << iota // every letter upper case ("NHS", "SMITH")
	Title                     // first letter upper, the rest lower ("Smith")
	Lower                     // every letter lower case ("smith")
	Mixed                     // anything else ("McDonald", "iPhone")
	Digits                    // contains a digit
	Letters                   // contains a letter
)

// Token is one token of the normalised text. Start and End are byte offsets
// into Doc.Norm (and Doc.Lower, which has the same length).
type Token struct {
	Start, End int
	Kind       Kind
	Shape      Shape
	// Space is true when white space stands right before the token (or the
	// token starts the text); Newline when that white space holds a line break.
	Space, Newline bool
}

// Span is a byte range of the normalised text.
type Span struct{ Start, End int }

// Doc is a post ready for the detectors.
type Doc struct {
	// Orig is the text as given.
	Orig string
	// Norm is the normalised text (see Normalize); it equals Orig when nothing changed.
	Norm string
	// Lower is Norm with letters lower-cased where that keeps the byte length.
	Lower string
	// Tokens of Norm, in order.
	Tokens []Token
	// Sentences of Norm, in order, as byte spans.
	Sentences []Span
	// AllCaps is true when most letters of the text are upper case (shouting,
	// or notes typed in capitals), so case says little about names.
	AllCaps bool
	// AllLower is true when the text has (almost) no capital letters.
	AllLower bool

	m mapping
	// sentBuf backs Sentences for posts of a few sentences, which are most.
	sentBuf [4]Span
}

// New analyses s. It returns ErrInvalidUTF8 when s is not valid UTF-8. A
// caller done with the Doc may give it back with Release.
func New(s string) (*Doc, error) {
	// Most texts are plain: ASCII, or ASCII with pictographs (see
	// pictAt). Such a text needs no validation or normalisation unless a
	// letter imitates a digit ("2O19"). tokenize finds out both, the first
	// from its bytes and the second inside the one token that could hold
	// such a letter, and gives up on the others: it goes on where it
	// stopped when the rest of the text, too, is left alone by
	// normalisation, else the general path below does the work. The
	// pictographs have no case, so the lower-case copy of a plain text,
	// too, changes ASCII capitals only.
	d := newDoc(len(s))
	d.Orig, d.Norm = s, s
	z := d.tokenizer(true, true)
	if z.run(0) {
		d.setTokens(&z)
		d.Lower = lowerPlain(s, z.upperLetters != 0)
		d.splitSentences(z.marks)
		return d, nil
	}
	if r := z.resume; r >= 0 {
		// A rune that is not plain from s[r] on, where z stopped before a
		// token; s[:r] is valid and inert. When the rest is inert too,
		// Norm is s all the same, and tokenising on from s[r] gives the
		// tokens a new start would.
		valid, inert := checkText(s[r:])
		if !valid {
			d.Release()
			return nil, ErrInvalidUTF8
		}
		z.plainOnly, z.gaveUp, z.resume = false, false, -1
		if inert && z.run(r) {
			d.setTokens(&z)
			d.Lower = lower(s)
			d.splitSentences(z.marks)
			return d, nil
		}
	}
	d.Release() // newDoc below has it back
	k := asciiLen(s)
	// The ASCII bytes before s[k] are valid and inert.
	inert := true
	if k < len(s) {
		var valid bool
		if valid, inert = checkText(s[k:]); !valid {
			return nil, ErrInvalidUTF8
		}
	}
	norm, m := normalizeAs(s, inert)
	d = newDoc(len(norm))
	d.Orig, d.Norm, d.m = s, norm, m
	// As above, tokenize finds the letters that imitate digits, which
	// normalize would fix, without a pass of its own over the text.
	marks, ok := d.tokenize(true, false)
	if !ok {
		d.Norm = fixDigits(norm)
		marks, _ = d.tokenize(false, false)
	}
	d.Lower = lower(d.Norm)
	d.splitSentences(marks)
	return d, nil
}

// docWith is a Doc with room for its tokens in the same allocation.
type docWith[T any] struct {
	d   Doc
	buf T
}

// newDoc returns a Doc whose Tokens, empty, have room for the tokens of a
// text of n bytes, most often in the same allocation as the Doc.
func newDoc(n int) *Doc {
	c := n/4 + 4 // a guess that is seldom short
	if v := docPool.Get(); v != nil {
		if d := v.(*Doc); cap(d.Tokens) >= c {
			return d // cleared by Release
		}
		// Too small for this text: left to the garbage collector.
	}
	var d *Doc
	switch {
	case c <= 8:
		x := new(docWith[[8]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	case c <= 16:
		x := new(docWith[[16]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	case c <= 24:
		x := new(docWith[[24]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	case c <= 32:
		x := new(docWith[[32]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	case c <= 48:
		x := new(docWith[[48]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	case c <= 64:
		x := new(docWith[[64]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	case c <= 96:
		x := new(docWith[[96]Token])
		x.d.Tokens = x.buf[:0]
		d = &x.d
	default:
		d = &Doc{Tokens: make([]Token, 0, c)}
	}
	return d
}

// docPool holds the Docs given back by Release, which New reuses with the
// room for tokens they have.
var docPool sync.Pool

// Release gives d back for New to reuse, saving an allocation per text. Call
// it once, and only when nothing will use d, its Tokens or its Sentences
// again: they are overwritten by a later New (a second Release would hand the
// same Doc to two callers). Strings taken from d (Orig, Norm, Lower
// and their substrings) stay valid.
func (d *Doc) Release() {
	if cap(d.Tokens) > maxPooledTokens {
		return // a rare huge text: its token array is left to the collector, not kept pooled
	}
	*d = Doc{Tokens: d.Tokens[:0]} // keeps no text or mapping alive
	docPool.Put(d)
}

// maxPooledTokens is the most tokens a released Doc may have room for and still be
// pooled (1.5 MB of Tokens): the 64 KiB pieces Check gives New stay under it.
const maxPooledTokens = 1 << 16

// OrigSpan maps a byte span of Norm back to the original text.
func (d *Doc) OrigSpan(start, end int) (int, int) {
	if len(d.m.segs) == 0 {
		return start, end
	}
	if start >= end {
		if start >= len(d.Norm) {
			return len(d.Orig), len(d.Orig)
		}
		s, _ := d.m.origRange(start)
		return s, s
	}
	s, _ := d.m.origRange(start)
	_, e := d.m.origRange(end - 1)
	return s, e
}

// Text returns the normalised text of a token.
func (d *Doc) Text(t Token) string { return d.Norm[t.Start:t.End] }

// LowerText returns the lower-cased text of a token.
func (d *Doc) LowerText(t Token) string { return d.Lower[t.Start:t.End] }

// TokenAt returns the index of the first token that ends after byte offset off,
// or len(d.Tokens).
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Tokens[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// SentenceOf returns the span of the sentence holding byte offset off.
func (d *Doc) SentenceOf(off int) Span {
	for _, s := range d.Sentences {
		if off < s.End {
			return s
		}
	}
	return Span{0, len(d.Norm)}
}

// lower lower-cases s, rune by rune, keeping every rune's byte length. It
// returns s itself when nothing changes. Runs of eight ASCII bytes go at once.
func lower(s string) string {
	i := 0
	for i < len(s) {
		if i+8 <= len(s) {
			// Skip the bytes of the eight before the first non-ASCII one.
			w := load64(s[i:])
			if k := asciiPrefix(w); k > 0 {
				if upperMask(w)&(1<<(8*k)-1) != 0 {
					break
				}
				i += k
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if lowerRune(r, size) != r {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for i < len(s) {
		if i+8 <= len(s) {
			// Lower all eight bytes, though only the ASCII prefix is right:
			// the rest is written again below.
			w := load64(s[i:])
			if k := asciiPrefix(w); k > 0 {
				binary.LittleEndian.PutUint64(b[i:], w|upperMask(w)>>2)
				i += k
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if l := lowerRune(r, size); l != r {
			utf8.EncodeRune(b[i:], l)
		} else {
			copy(b[i:], s[i:i+size])
		}
		i += size
	}
	// b is never written again, so it can back the string, as in
	// strings.Builder.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// maxCased is the last rune with a case mapping: no rune above it changes
// under unicode.ToLower (emoji, for one, are far above it).
var maxCased = unicode.CaseRanges[len(unicode.CaseRanges)-1].Hi

// lowerRune returns the lower case of the non-ASCII rune r of size bytes
// when that has the same byte length, else r.
func lowerRune(r rune, size int) rune {
	if uint32(r) > maxCased {
		return r
	}
	if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
		return l
	}
	return r
}

// lowerASCII lower-cases the ASCII letters of s, valid UTF-8 (see
// lowerPlain), eight bytes at a time. It returns s itself when s has no
// upper-case ASCII letter.
func lowerASCII(s string) string {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if upperMask(load64(s[i:])) != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	j := 0
	for ; j+8 <= len(s); j += 8 {
		w := load64(s[j:])
		binary.LittleEndian.PutUint64(b[j:], w|upperMask(w)>>2)
	}
	for ; j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[j] = c
	}
	// b is never written again, so it can back the string, as in
	// strings.Builder.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lowerPlain is lowerASCII for a text s of valid UTF-8 whose only letters
// are ASCII (plain ASCII, or ASCII with pictographs, which have no case),
// given whether it has an upper-case one (the tokenizer counts them, as
// every ASCII letter is in a word or tag token). It lowers the whole text
// sixteen bytes a round (eight at the end): a loop whose branches do not depend on the text,
// unlike one that visits only the tokens with a capital.
//
// Eight bytes of valid UTF-8 may be lower-cased at once even when some are
// not ASCII: upperMask never marks a non-ASCII byte, and only a lead byte
// carries into the next byte, which is a continuation byte, so no ASCII byte
// is marked wrongly (see upperMask).
func lowerPlain(s string, hasUpper bool) string {
	if !hasUpper {
		return s
	}
	if len(s) < 8 {
		return lowerASCII(s)
	}
	b := make([]byte, len(s))
	j := 0
	for ; j+16 <= len(s); j += 16 {
		// Sixteen bytes a round, which halves the loop's own instructions.
		w, v := load64(s[j:]), load64(s[j+8:])
		binary.LittleEndian.PutUint64(b[j:], w|upperMask(w)>>2)
		binary.LittleEndian.PutUint64(b[j+8:], v|upperMask(v)>>2)
	}
	if j+8 <= len(s) {
		w := load64(s[j:])
		binary.LittleEndian.PutUint64(b[j:], w|upperMask(w)>>2)
		j += 8
	}
	if j < len(s) {
		// The last eight bytes of the text, which overlap those done:
		// lower-casing any eight bytes of it is right.
		j = len(s) - 8
		w := load64(s[j:])
		binary.LittleEndian.PutUint64(b[j:], w|upperMask(w)>>2)
	}
	// b is never written again, so it can back the string, as in
	// strings.Builder.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// load64 returns the first eight bytes of s as a little-endian word (the
// compiler merges the loads into one).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiPrefix returns how many of the eight bytes of w, from the first, come
// before the first non-ASCII byte (8 when all are ASCII).
func asciiPrefix(w uint64) int {
	return bits.TrailingZeros64(w&0x8080808080808080) >> 3
}

// upperMask returns 0x80 in each byte of w, eight ASCII bytes, that is an
// upper-case letter 'A'..'Z', and 0 in the others. Adding to a byte below
// 0x80 never carries into the next byte; a non-ASCII byte may carry, but only
// into the bytes after it, so the bytes before the first non-ASCII one are
// still right. In valid UTF-8 all are: a byte of 0x80 or more is never
// marked (carry or not), and only a lead byte (0xC2 or more) carries, into a
// continuation byte, which carries no further.
func upperMask(w uint64) uint64 {
	const ones = 0x0101010101010101
	geA := w + ones*(0x80-'A')   // high bit set where byte >= 'A'
	gtZ := w + ones*(0x80-'Z'-1) // high bit set where byte > 'Z'
	return geA &^ gtZ & (ones * 0x80)
}
