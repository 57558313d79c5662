package text

// This file freezes the implementation of New as it was before the fast
// paths (commit 07c7182), as the reference the differential tests compare
// the current implementation with. Identifiers carry a "ref" prefix.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// refDoc is a post ready for the detectors.
type refDoc struct {
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

	m refMapping
	// sentBuf backs Sentences for posts of a few sentences, which are most.
	sentBuf [4]Span
}

// refNew analyses s. It returns ErrInvalidUTF8 when s is not valid UTF-8.
func refNew(s string) (*refDoc, error) {
	if !utf8.ValidString(s) {
		return nil, ErrInvalidUTF8
	}
	d := &refDoc{Orig: s}
	d.Norm, d.m = refNormalize(s)
	d.Lower = refLower(d.Norm)
	d.splitSentences(d.tokenize())
	return d, nil
}

// OrigSpan maps a byte span of Norm back to the original text.
func (d *refDoc) OrigSpan(start, end int) (int, int) {
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
func (d *refDoc) Text(t Token) string { return d.Norm[t.Start:t.End] }

// LowerText returns the lower-cased text of a token.
func (d *refDoc) LowerText(t Token) string { return d.Lower[t.Start:t.End] }

// TokenAt returns the index of the first token that ends after byte offset off,
// or len(d.Tokens).
func (d *refDoc) TokenAt(off int) int {
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
func (d *refDoc) SentenceOf(off int) Span {
	for _, s := range d.Sentences {
		if off < s.End {
			return s
		}
	}
	return Span{0, len(d.Norm)}
}

// refLower refLower-cases s, rune by rune, keeping every rune's byte length. It
// returns s itself when nothing changes.
func refLower(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteByte(c + 'a' - 'A')
				i++
				continue
			}
			// Copy a run of bytes that stay as they are.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && (s[j] < 'A' || s[j] > 'Z') {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			b.WriteRune(l)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// refMapping records where the normalised text differs from the original: a
// sorted list of changed segments. Between segments the two texts are equal
// byte for byte, shifted by a constant. With no segments the texts are equal.
type refMapping struct {
	segs []refSeg
}

// refSeg is a changed segment: norm[n:n+nl] came from orig[o:o+ol].
type refSeg struct{ n, nl, o, ol int32 }

// find returns the index of the last segment starting at or before norm
// offset p, or -1.
func (m *refMapping) find(p int) int {
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
func (m *refMapping) origRange(p int) (int, int) {
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

// Normalize returns the normalised form of s: compatibility characters folded
// (NFKC, segment by segment), curly quotes and dashes made ASCII, exotic spaces
// made plain, zero-width and bidi controls removed, non-ASCII digits and
// Latin look-alike letters made ASCII, and letters that hide in a run of digits
// ("2O19") made digits. The refMapping is empty when the offsets did not change.
func refNormalize(s string) (string, refMapping) {
	if refIsPlainASCII(s) {
		if !refHasDigitHomoglyph(s) {
			return s, refMapping{}
		}
		b := []byte(s)
		refFixDigitHomoglyphs(b)
		return string(b), refMapping{} // same length, same offsets
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var m refMapping
	emit := func(out string, from, to int) {
		if out != s[from:to] {
			if m.segs == nil {
				m.segs = make([]refSeg, 0, 8)
			}
			m.segs = append(m.segs, refSeg{n: int32(b.Len()), nl: int32(len(out)), o: int32(from), ol: int32(to - from)})
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
			refSeg := norm.NFKC.NextBoundaryInString(s[i:], true)
			if refSeg <= 1 {
				b.WriteByte(c)
				i++
				continue
			}
			emit(refFoldSegment(s[i:i+refSeg]), i, i+refSeg)
			i += refSeg
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if out, ok := refFoldRune(r); ok {
			if out >= 0 {
				n := utf8.EncodeRune(nb[:], out)
				emit(string(nb[:n]), i, i+size)
			} else {
				emit("", i, i+size)
			}
			i += size
			continue
		}
		refSeg := norm.NFKC.NextBoundaryInString(s[i:], true)
		if refSeg <= 0 {
			refSeg = size
		}
		emit(refFoldSegment(s[i:i+refSeg]), i, i+refSeg)
		i += refSeg
	}
	out := b.String()
	if refHasDigitHomoglyph(out) {
		fixed := []byte(out)
		refFixDigitHomoglyphs(fixed)
		out = string(fixed)
	}
	return out, m
}

// refFoldSegment applies NFKC to one segment and then the rune folds. It
// allocates only when the segment changes.
func refFoldSegment(refSeg string) string {
	n := norm.NFKC.String(refSeg)
	if !refHasFold(n) {
		return n
	}
	var b strings.Builder
	var nb [utf8.UTFMax]byte
	for _, r := range n {
		if out, ok := refFoldRune(r); ok {
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

// refHasFold reports whether refFoldRune changes a rune of s.
func refHasFold(s string) bool {
	for _, r := range s {
		if _, ok := refFoldRune(r); ok {
			return true
		}
	}
	return false
}

// refFoldRune maps one non-ASCII rune to its plain form. ok is false when the rune
// is left to NFKC; out is -1 when the rune is removed.
func refFoldRune(r rune) (out rune, ok bool) {
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
		if d := refDigitValue(r); d >= 0 {
			return '0' + rune(d), true
		}
	}
	if l, found := refConfusables[r]; found {
		return l, true
	}
	return 0, false
}

// refDigitValue returns the value of a decimal digit rune, using the fact that
// Unicode allocates decimal digits in contiguous runs of ten from zero.
func refDigitValue(r rune) int {
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

// refConfusables maps Cyrillic and Greek letters that look like Latin letters.
var refConfusables = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P',
	'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v',
}

// refIsPlainASCII reports whether s is all ASCII, testing eight bytes at a time
// (the compiler merges the eight loads into one).
func refIsPlainASCII(s string) bool {
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

func refIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func refHomoglyphDigit(c byte) byte {
	switch c {
	case 'O', 'o':
		return '0'
	case 'l', 'I':
		return '1'
	}
	return 0
}

// refHasDigitHomoglyph reports whether s has a letter O, o, l or I with a digit on
// each side, as in "94347O5919".
func refHasDigitHomoglyph(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if refIsDigit(s[i]) && refHomoglyphDigit(s[i+1]) != 0 && refIsDigit(s[i+2]) {
			return true
		}
	}
	return false
}

// refFixDigitHomoglyphs replaces, in place, letters that stand inside a run of
// digits by the digit they imitate.
func refFixDigitHomoglyphs(b []byte) {
	for i := 1; i+1 < len(b); i++ {
		if d := refHomoglyphDigit(b[i]); d != 0 && refIsDigit(b[i-1]) && refIsDigit(b[i+1]) {
			b[i] = d
		}
	}
}

// refCharClass is the class of one rune for tokenising.
type refCharClass uint8

const (
	refClSpace refCharClass = iota
	refClLetter
	refClDigit
	refClOther
)

var refAsciiClass = func() (t [128]refCharClass) {
	for i := range t {
		c := byte(i)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[i] = refClSpace
		case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
			t[i] = refClLetter
		case '0' <= c && c <= '9':
			t[i] = refClDigit
		case c < 0x20 || c == 0x7f:
			t[i] = refClSpace
		default:
			t[i] = refClOther
		}
	}
	return t
}()

func refClassAt(s string, i int) (refCharClass, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return refAsciiClass[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
		return refClLetter, size
	case unicode.IsDigit(r):
		return refClDigit, size
	case unicode.IsSpace(r):
		return refClSpace, size
	}
	return refClOther, size
}

// tokenize splits d.Norm into tokens. It returns how many tokens may end a
// sentence, to size d.Sentences.
func (d *refDoc) tokenize() (ends int) {
	s := d.Norm
	toks := make([]Token, 0, len(s)/4+4)
	space, newline := true, false
	upperLetters, lowerLetters := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		cl, size := refClSpace, 1
		if c < utf8.RuneSelf {
			cl = refAsciiClass[c]
		} else {
			cl, size = refClassAt(s, i)
		}
		if cl == refClSpace {
			space = true
			if c == '\n' || c == '\r' {
				newline = true
			}
			i += size
			continue
		}
		if newline {
			ends++
		}
		start, end, kind, shape := i, i+size, Punct, Shape(0)
		switch {
		case cl == refClLetter || cl == refClDigit:
			u, l := 0, 0
			end, shape, u, l = refScanWordShape(s, i)
			upperLetters += u
			lowerLetters += l
			switch {
			case shape&Digits != 0 && shape&Letters == 0:
				kind = Number
			case shape&Digits != 0:
				kind = Alnum
			default:
				kind = Word
			}
		case (c == '#' || c == '@') && i+1 < len(s) && !refPrevIsWordChar(s, i):
			tagEnd := refScanTag(s, i+1)
			switch {
			case tagEnd == i+1: // a lone '#' or '@'
			case c == '@':
				kind, end = Mention, tagEnd
			case refHasLetter(s[i+1 : tagEnd]):
				kind, end = Hashtag, tagEnd
			default: // "#54321" is a number sign and a number, not a hashtag
			}
			if kind != Punct {
				u, l := 0, 0
				shape, u, l = refShapeOf(s[start:end])
				upperLetters += u
				lowerLetters += l
			}
		case c == '.' || c == '!' || c == '?':
			ends++
		}
		// Fill the new token in place: building it in a temporary and
		// copying that costs a store-forwarding stall per token.
		toks = append(toks, Token{})
		t := &toks[len(toks)-1]
		t.Start, t.End, t.Kind, t.Shape, t.Space, t.Newline = start, end, kind, shape, space, newline
		space, newline = false, false
		i = end
	}
	d.Tokens = toks
	letters := upperLetters + lowerLetters
	d.AllCaps = letters >= 8 && upperLetters*10 >= letters*7
	d.AllLower = letters >= 8 && upperLetters*50 <= letters
	return ends
}

// refScanWordShape scans the word that starts at s[i] (see refScanWord) and
// returns its end, its shape and its upper and refLower letter counts (see
// refShapeOf). Plain ASCII words take a fast path that computes the shape while
// scanning.
func refScanWordShape(s string, i int) (end int, sh Shape, upper, lowerN int) {
	start := i
	firstUpper, seenLetter, restLower := false, false, true
scan:
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			return refScanWordShapeSlow(s, start, i)
		}
		switch refAsciiClass[c] {
		case refClLetter:
			if c <= 'Z' {
				upper++
				if !seenLetter {
					firstUpper = true
				} else {
					restLower = false
				}
			} else {
				lowerN++
			}
			seenLetter = true
		case refClDigit:
			sh |= Digits
		default:
			// An inner apostrophe between two letters: "Mary's".
			if c == '\'' && i+1 < len(s) && refAsciiClass[s[i-1]] == refClLetter {
				n := s[i+1]
				if n >= utf8.RuneSelf {
					return refScanWordShapeSlow(s, start, i)
				}
				if refAsciiClass[n] == refClLetter {
					i++
					continue
				}
			}
			break scan
		}
		i++
	}
	if seenLetter {
		sh |= Letters
	}
	return i, sh | refCaseShape(upper, lowerN, firstUpper && restLower), upper, lowerN
}

// refScanWordShapeSlow finishes the general way a word that starts at s[start]
// and meets a non-ASCII rune at s[i].
func refScanWordShapeSlow(s string, start, i int) (end int, sh Shape, upper, lowerN int) {
	end = refScanWord(s, i)
	sh, upper, lowerN = refShapeOf(s[start:end])
	return end, sh, upper, lowerN
}

// refScanTag returns the end of the run of letters, digits and underscores that
// starts at s[i].
func refScanTag(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if cl := refAsciiClass[c]; cl != refClLetter && cl != refClDigit && c != '_' {
				return i
			}
			i++
			continue
		}
		cl, size := refClassAt(s, i)
		if cl != refClLetter && cl != refClDigit {
			return i
		}
		i += size
	}
	return i
}

// refScanWord scans a run of letters and digits, with inner apostrophes between
// letters ("Mary's", "o'clock", "O'Neill").
func refScanWord(s string, i int) int {
	for i < len(s) {
		cl, size := refClassAt(s, i)
		if cl == refClLetter || cl == refClDigit {
			i += size
			continue
		}
		if s[i] == '\'' && i+1 < len(s) {
			if c2, _ := refClassAt(s, i+1); c2 == refClLetter && i > 0 {
				if c0, _ := refClassAt(s, i-1); c0 == refClLetter {
					i++
					continue
				}
			}
		}
		break
	}
	return i
}

func refPrevIsWordChar(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// refShapeOf returns the case shape of a token and its upper and refLower letter counts.
func refShapeOf(w string) (Shape, int, int) {
	if refIsPlainASCII(w) {
		return refShapeOfASCII(w)
	}
	var sh Shape
	upper, lowerN := 0, 0
	firstUpper, seenLetter, restLower := false, false, true
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			sh |= Digits
		case unicode.IsUpper(r):
			sh |= Letters
			upper++
			if !seenLetter {
				firstUpper = true
			} else {
				restLower = false
			}
			seenLetter = true
		case unicode.IsLetter(r):
			sh |= Letters
			lowerN++
			seenLetter = true
		}
	}
	return sh | refCaseShape(upper, lowerN, firstUpper && restLower), upper, lowerN
}

// splitSentences splits Norm at sentence ends: ., ! or ? followed by white
// space, and line breaks. Common abbreviations ("Dr.", "Mr.", "St.") and
// initials do not end a sentence. ends bounds the number of sentence ends
// (see tokenize), to size d.Sentences.
func (d *refDoc) splitSentences(ends int) {
	start := 0
	toks := d.Tokens
	for i, t := range toks {
		if i > 0 && t.Newline && start < t.Start {
			d.addSentence(Span{start, toks[i-1].End}, ends+1)
			start = t.Start
		}
		if t.Kind != Punct {
			continue
		}
		c := d.Norm[t.Start]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(toks) && (!toks[i+1].Space || toks[i+1].Kind == Punct && d.Norm[toks[i+1].Start] == c) {
			continue
		}
		if c == '.' && i > 0 && toks[i-1].End == t.Start && refIsAbbrev(d.Lower[toks[i-1].Start:toks[i-1].End]) {
			continue
		}
		d.addSentence(Span{start, t.End}, ends+1)
		if i+1 < len(toks) {
			start = toks[i+1].Start
		} else {
			start = len(d.Norm)
		}
	}
	if start < len(d.Norm) && len(toks) > 0 && toks[len(toks)-1].End > start {
		d.addSentence(Span{start, toks[len(toks)-1].End}, ends+1)
	}
}

// addSentence appends a sentence, making room for n on the first.
func (d *refDoc) addSentence(sp Span, n int) {
	if d.Sentences == nil {
		if n <= len(d.sentBuf) {
			d.Sentences = d.sentBuf[:0]
		} else {
			d.Sentences = make([]Span, 0, n)
		}
	}
	d.Sentences = append(d.Sentences, sp)
}

func refIsAbbrev(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		return true // an initial: "J. Smith"
	}
	switch w {
	case "dr", "mr", "mrs", "ms", "st", "prof", "rev", "sr", "jr", "mt", "ft", "fr", "no",
		"vs", "etc", "approx", "dept", "hosp", "apt", "ave", "rd", "e.g", "i.e", "cllr", "sgt", "gen":
		return true
	}
	return false
}

func refShapeOfASCII(w string) (Shape, int, int) {
	var sh Shape
	upper, lowerN := 0, 0
	firstUpper, seenLetter, restLower := false, false, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case '0' <= c && c <= '9':
			sh |= Digits
		case 'A' <= c && c <= 'Z':
			upper++
			if !seenLetter {
				firstUpper = true
			} else {
				restLower = false
			}
			seenLetter = true
		case 'a' <= c && c <= 'z':
			lowerN++
			seenLetter = true
		}
	}
	if seenLetter {
		sh |= Letters
	}
	return sh | refCaseShape(upper, lowerN, firstUpper && restLower), upper, lowerN
}

func refHasLetter(s string) bool {
	for i := 0; i < len(s); {
		cl, size := refClassAt(s, i)
		if cl == refClLetter {
			return true
		}
		i += size
	}
	return false
}

// refCaseShape names the case of a word from its counts of upper- and
// refLower-case letters and whether it is capitalised with the rest refLower.
func refCaseShape(upper, lowerN int, capitalised bool) Shape {
	switch {
	case upper == 0 && lowerN > 0:
		return Lower
	case lowerN == 0 && upper > 0:
		return Upper
	case capitalised:
		return Title
	case upper > 0:
		return Mixed
	}
	return 0
}
