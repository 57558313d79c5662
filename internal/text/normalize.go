// Package text normalises a post and splits it into tokens and sentences,
// keeping byte offsets that map back into the original text.
package text

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrInvalidUTF8 is returned for input that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("input is not valid UTF-8 text")

// mapping records where the normalised text differs from the original: a
// sorted list of changed segments. Between segments the two texts are equal
// byte for byte, shifted by a constant. With no segments the texts are equal.
type mapping struct {
	segs []seg
}

// seg is a changed segment: norm[n:n+nl] came from orig[o:o+ol].
type seg struct{ n, nl, o, ol int32 }

// find returns the index of the last segment starting at or before norm
// offset p, or -1.
func (m *mapping) find(p int) int {
	lo, hi := 0, len(m.segs)
	for lo < hi {
		mid := (lo + hi) / 2
		if int(m.segs[mid].n) <= p {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// origRange returns the original byte range that norm byte p came from.
func (m *mapping) origRange(p int) (int, int) {
	i := m.find(p)
	if i < 0 {
		return p, p + 1
	}
	sg := m.segs[i]
	if p < int(sg.n+sg.nl) {
		return int(sg.o), int(sg.o + sg.ol)
	}
	q := p - int(sg.n+sg.nl) + int(sg.o+sg.ol)
	return q, q + 1
}

// normalize returns the normalised form of s (valid UTF-8): compatibility characters folded
// (NFKC, segment by segment), curly quotes and dashes made ASCII, exotic spaces
// made plain, zero-width and bidi controls removed, non-ASCII digits and
// Latin look-alike letters made ASCII, and letters that hide in a run of digits
// ("2O19") made digits. The mapping is empty when the offsets did not change.
func normalize(s string) (string, mapping) {
	_, inert := checkText(s)
	out, m := normalizeAs(s, inert)
	return fixDigits(out), m
}

// fixDigits returns s with the letters that stand inside a run of digits
// replaced by the digit they imitate (see fixDigitHomoglyphs); s itself when
// there are none.
func fixDigits(s string) string {
	if !hasDigitHomoglyph(s) {
		return s
	}
	b := []byte(s)
	fixDigitHomoglyphs(b)
	return string(b) // same length, same offsets
}

// normalizeAs is normalize, but for the letters inside a run of digits (see
// fixDigits), for a text that is known to be plain ASCII or inert (see
// checkText), or not.
func normalizeAs(s string, unchanged bool) (string, mapping) {
	if unchanged {
		return s, mapping{}
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var m mapping
	emit := func(out string, from, to int) {
		if out != s[from:to] {
			if m.segs == nil {
				m.segs = make([]seg, 0, 8)
			}
			m.segs = append(m.segs, seg{n: int32(b.Len()), nl: int32(len(out)), o: int32(from), ol: int32(to - from)})
		}
		b.WriteString(out)
	}
	var nb [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// Copy a run of ASCII; its last letter may start a segment with
			// combining marks after it, so leave that to the segment code.
			j := i + 1
			for j+8 <= len(s) {
				k := asciiPrefix(load64(s[j:]))
				j += k
				if k < 8 {
					break
				}
			}
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if j < len(s) && j-i > 1 {
				j-- // the byte before a non-ASCII rune goes through NFKC
			}
			if j > i && !(j == i+1 && j < len(s)) {
				b.WriteString(s[i:j])
				i = j
				continue
			}
			seg := norm.NFKC.NextBoundaryInString(s[i:], true)
			if seg <= 1 {
				b.WriteByte(c)
				i++
				continue
			}
			emit(foldSegment(s[i:i+seg]), i, i+seg)
			i += seg
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if out, ok := foldRune(r); ok {
			if out >= 0 {
				n := utf8.EncodeRune(nb[:], out)
				emit(string(nb[:n]), i, i+size)
			} else {
				emit("", i, i+size)
			}
			i += size
			continue
		}
		seg := norm.NFKC.NextBoundaryInString(s[i:], true)
		if seg <= 0 {
			seg = size
		}
		emit(foldSegment(s[i:i+seg]), i, i+seg)
		i += seg
	}
	return b.String(), m
}

// runeInert reports whether r, the non-ASCII rune at the start of s, is
// inert: the general path of normalize would copy it as it is (before the
// digit homoglyphs). It is a starter that NFKC keeps and that cannot combine
// with what comes before it, and not one foldRune changes. Most non-ASCII
// runes in posts (emoji, accented letters already composed) are such.
func runeInert(s string, r rune) bool {
	// A starter that combines with nothing before it ends the NFKC segment
	// before it (so an ASCII byte before it is copied) and starts its own;
	// it is left alone when NFKC keeps it (composed letters, "é", decompose
	// but compose back). A rune after it that could change it is not a
	// starter, so not inert.
	p := norm.NFKC.PropertiesString(s)
	if p.CCC() != 0 || p.LeadCCC() != 0 || !p.BoundaryBefore() {
		return false
	}
	if len(p.Decomposition()) != 0 && norm.NFKC.QuickSpanString(s[:p.Size()]) != p.Size() {
		return false
	}
	if isPlainSymbol(r) {
		return true // foldRune never changes one
	}
	_, ok := foldRune(r)
	return !ok
}

// checkText reports whether s is valid UTF-8 (as utf8.ValidString) and, if
// so, whether it is inert (every non-ASCII rune inert: see runeInert), in one
// pass. It knows the pictographs (see pictAt) from their bytes.
func checkText(s string) (valid, inert bool) {
	inert = true
	for i := 0; i < len(s); {
		if i+8 <= len(s) && load64(s[i:])&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if pictAt(s, i) {
			i += 4 // valid and inert, with no table look-ups
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false, false
		}
		if inert && !runeInert(s[i:], r) {
			inert = false
		}
		i += size
	}
	return true, inert
}

// The emoji and pictographs U+1F300..U+1FAFF (a part of the block checked
// by plainSymbols) are, besides, inert for normalisation (see runeInert),
// which does not depend on the runes around them; that is checked at
// start-up too (plainPicts). In UTF-8 they are F0 9F 8C 80 to F0 9F AB BF.
const (
	pictLo = 0x1F300
	pictHi = symbolsHi
)

// plainPicts is true when the checks of the pictographs passed: they are
// plain symbols (see plainSymbols) and inert.
var plainPicts = plainSymbols && func() bool {
	for r := rune(pictLo); r <= pictHi; r++ {
		if !runeInert(string(r), r) {
			return false
		}
	}
	return true
}()

// pictAt reports whether a pictograph of U+1F300..U+1FAFF, four bytes,
// starts at s[i]: a Punct token of its own for the tokenizer, left as it is
// by normalisation and lower-casing. It looks at bytes only.
func pictAt(s string, i int) bool {
	return i+3 < len(s) && s[i] == 0xF0 && s[i+1] == 0x9F && s[i+2]-0x8C < 0x20 &&
		s[i+3]&0xC0 == 0x80 && plainPicts
}

// The block of pictographs and emoji U+1F000..U+1FAFF holds no letter, mark,
// digit or space, and no rune that foldRune or lower-casing change; that is
// checked at start-up (plainSymbols), so its runes can skip the Unicode
// tables.
const (
	symbolsLo = 0x1F000
	symbolsHi = 0x1FAFF
)

// plainSymbols is true when the check of the block passed.
var plainSymbols = func() bool {
	for r := rune(symbolsLo); r <= symbolsHi; r++ {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
			unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.ToLower(r) != r {
			return false
		}
		if _, ok := foldRune(r); ok {
			return false
		}
	}
	return true
}()

// isPlainSymbol reports whether r is in the checked block of pictographs.
func isPlainSymbol(r rune) bool {
	return plainSymbols && uint32(r-symbolsLo) <= symbolsHi-symbolsLo
}

// foldSegment applies NFKC to one segment and then the rune folds. It
// allocates only when the segment changes.
func foldSegment(seg string) string {
	n := norm.NFKC.String(seg)
	if !hasFold(n) {
		return n
	}
	var b strings.Builder
	var nb [utf8.UTFMax]byte
	for _, r := range n {
		if out, ok := foldRune(r); ok {
			if out >= 0 {
				k := utf8.EncodeRune(nb[:], out)
				b.Write(nb[:k])
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasFold reports whether foldRune changes a rune of s.
func hasFold(s string) bool {
	for _, r := range s {
		if _, ok := foldRune(r); ok {
			return true
		}
	}
	return false
}

// foldRune maps one non-ASCII rune to its plain form. ok is false when the rune
// is left to NFKC; out is -1 when the rune is removed.
func foldRune(r rune) (out rune, ok bool) {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
		'\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
		'\u2066', '\u2067', '\u2068', '\u2069':
		return -1, true
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc', '\uff07', '`', '\u00b4':
		return '\'', true
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb', '\uff02':
		return '"', true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return '-', true
	case '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
		'\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u1680':
		return ' ', true
	case '\u2028', '\u2029', '\u0085':
		return '\n', true
	}
	if r >= 0x80 && unicode.IsDigit(r) {
		if d := digitValue(r); d >= 0 {
			return '0' + rune(d), true
		}
	}
	if l, found := confusables[r]; found {
		return l, true
	}
	return 0, false
}

// digitValue returns the value of a decimal digit rune, using the fact that
// Unicode allocates decimal digits in contiguous runs of ten from zero.
func digitValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

// confusables maps Cyrillic and Greek letters that look like Latin letters.
var confusables = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P',
	'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v',
}

// IsASCII reports whether s is all ASCII, testing eight bytes at a time.
func IsASCII(s string) bool { return isPlainASCII(s) }

// isPlainASCII reports whether s is all ASCII, testing eight bytes at a time
// (the compiler merges the eight loads into one).
func isPlainASCII(s string) bool {
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLen returns the length of the plain ASCII start of s: the index of
// its first non-ASCII byte, or len(s). It tests eight bytes at a time.
func asciiLen(s string) int {
	t := s // the rest, sliced as isPlainASCII does, with no bounds checks
	for len(t) >= 8 {
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if w&0x8080808080808080 != 0 {
			return len(s) - len(t) + asciiPrefix(w)
		}
		t = t[8:]
	}
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			return len(s) - len(t) + i
		}
	}
	return len(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// glyphClass marks the digits (glyphDigit) and the letters that imitate one
// (glyphLetter, see homoglyphDigit), for hasDigitHomoglyph.
var glyphClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case isDigit(byte(c)):
			t[c] = glyphDigit
		case homoglyphDigit(byte(c)) != 0:
			t[c] = glyphLetter
		}
	}
	return t
}()

const (
	glyphDigit = 1 << iota
	glyphLetter
)

func homoglyphDigit(c byte) byte {
	switch c {
	case 'O', 'o':
		return '0'
	case 'l', 'I':
		return '1'
	}
	return 0
}

// hasDigitHomoglyph reports whether s has a letter O, o, l or I with a digit on
// each side, as in "94347O5919".
// It looks at eight bytes at a time: a letter between two digits has one of
// them in its own group of eight, so a group of ASCII bytes with no digit has
// no such letter.
func hasDigitHomoglyph(s string) bool {
	for j := 0; j < len(s); j += 8 {
		if j+8 <= len(s) {
			if w := load64(s[j:]); w&0x8080808080808080 == 0 && digitMask(w) == 0 {
				continue
			}
		}
		for i := max(j, 1); i < j+8 && i+1 < len(s); i++ {
			if glyphClass[s[i]] == glyphLetter && glyphClass[s[i-1]]&glyphClass[s[i+1]] == glyphDigit {
				return true
			}
		}
	}
	return false
}

// tokenHasDigitHomoglyph is hasDigitHomoglyph for a token: short, so a
// plain loop, small enough to inline into the fast loop of tokenize.
func tokenHasDigitHomoglyph(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if glyphClass[s[i]] == glyphLetter && glyphClass[s[i-1]]&glyphClass[s[i+1]] == glyphDigit {
			return true
		}
	}
	return false
}

// digitMask returns 0x80 in each byte of w, eight ASCII bytes, that is a
// digit, and 0 in the others (see upperMask).
func digitMask(w uint64) uint64 {
	const ones = 0x0101010101010101
	ge0 := w + ones*(0x80-'0')
	gt9 := w + ones*(0x80-'9'-1)
	return ge0 &^ gt9 & (ones * 0x80)
}

// fixDigitHomoglyphs replaces, in place, letters that stand inside a run of
// digits by the digit they imitate.
func fixDigitHomoglyphs(b []byte) {
	for i := 1; i+1 < len(b); i++ {
		if d := homoglyphDigit(b[i]); d != 0 && isDigit(b[i-1]) && isDigit(b[i+1]) {
			b[i] = d
		}
	}
}
