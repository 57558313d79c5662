package text

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// charClass is the class of one rune for tokenising.
type charClass uint8

const (
	clSpace charClass = iota
	clLetter
	clDigit
	clOther
)

var asciiClass = func() (t [128]charClass) {
	for i := range t {
		c := byte(i)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[i] = clSpace
		case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
			t[i] = clLetter
		case '0' <= c && c <= '9':
			t[i] = clDigit
		case c < 0x20 || c == 0x7f:
			t[i] = clSpace
		default:
			t[i] = clOther
		}
	}
	return t
}()

func classAt(s string, i int) (charClass, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case isPlainSymbol(r):
		return clOther, size
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
		return clLetter, size
	case unicode.IsDigit(r):
		return clDigit, size
	case unicode.IsSpace(r):
		return clSpace, size
	}
	return clOther, size
}

// wordCount holds, for each byte, what it adds to the packed counts of a word
// (see countShift): one upper-case letter, lower-case letter or digit; zero for
// every byte that is not an ASCII letter or digit, which ends the fast scan.
var wordCount = func() (t [256]uint64) {
	for c := 0; c < 128; c++ {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = 1
		case 'a' <= c && c <= 'z':
			t[c] = 1 << countShift
		case '0' <= c && c <= '9':
			t[c] = 1 << (2 * countShift)
		}
	}
	return t
}()

// countShift is the width of each of the three counts packed in a word's
// uint64: upper-case letters, lower-case letters and digits. Words of
// maxPacked bytes or more, which could overflow a count, are recounted.
const (
	countShift = 21
	countMask  = 1<<countShift - 1
	maxPacked  = countMask
)

// Classes of a byte for the fast loop of tokenize.
const (
	fbSpace = iota // ASCII white space or control character
	fbBreak        // '\n' or '\r'
	fbWord         // ASCII letter or digit
	fbEnd          // '.', '!' or '?', which may end a sentence
	fbPunct        // other ASCII punctuation or symbol
	fbSlow         // a non-ASCII byte, '#' or '@': left to tokenizer.step
)

// fastClass holds the class of each byte for the fast loop of tokenize.
var fastClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || c == '#' || c == '@':
			t[c] = fbSlow
		case c == '\n' || c == '\r':
			t[c] = fbBreak
		case c == '.' || c == '!' || c == '?':
			t[c] = fbEnd
		default:
			t[c] = [...]uint8{clSpace: fbSpace, clLetter: fbWord, clDigit: fbWord, clOther: fbPunct}[asciiClass[c]]
		}
	}
	return t
}()

// tokenizer is the state of tokenize, shared by its fast loop and its
// general step.
type tokenizer struct {
	s                          string
	toks                       []Token
	marks                      sentMarks // the tokens splitSentences looks at
	upperLetters, lowerLetters int
	space, newline             bool // white space, with a line break, before the next token
	checkHomoglyph             bool // see tokenize
	plainOnly                  bool // see tokenize
	gaveUp                     bool // checkHomoglyph found one, or plainOnly a rune not plain
	// resume is, when plainOnly gave up, where the token that holds the
	// rune that is not plain starts (the state is that before it), else -1.
	resume int
}

// tokenize splits d.Norm into tokens, appending them to d.Tokens (empty, with
// room for the tokens of most texts, see newDoc). It returns the tokens
// splitSentences must look at. With checkHomoglyph (Norm is the
// text as given, with nothing to normalise) it stops and returns ok false at
// the first token with a letter that imitates a digit between two digits
// ("2O19"), which normalisation would change. Such a letter and its two
// digits are ASCII letters and digits, so they always fall in one word,
// number or tag token. With plainOnly, too, it stops at the first non-ASCII
// byte that does not start a pictograph (see pictAt), so that a text it
// finishes is ASCII with pictographs, valid UTF-8 that normalisation leaves
// as it is: every non-ASCII byte stops the fast loop, and the general step,
// the word and the tag scans look at it.
func (d *Doc) tokenize(checkHomoglyph, plainOnly bool) (marks sentMarks, ok bool) {
	z := d.tokenizer(checkHomoglyph, plainOnly)
	if !z.run(0) {
		return sentMarks{}, false
	}
	d.setTokens(&z)
	return z.marks, true
}

// tokenizer returns the state of tokenize at the start of d.Norm.
func (d *Doc) tokenizer(checkHomoglyph, plainOnly bool) tokenizer {
	return tokenizer{s: d.Norm, toks: d.Tokens, space: true, checkHomoglyph: checkHomoglyph, plainOnly: plainOnly, resume: -1}
}

// run tokenizes from s[i] to the end. It returns false when it gives up
// (see tokenize).
func (z *tokenizer) run(i int) bool {
	for i < len(z.s) {
		if i = z.fast(i); i < len(z.s) {
			i = z.step(i)
		}
		if z.gaveUp {
			return false
		}
	}
	return true
}

// setTokens stores what z found in d.
func (d *Doc) setTokens(z *tokenizer) {
	d.Tokens = z.toks
	letters := z.upperLetters + z.lowerLetters
	d.AllCaps = letters >= 8 && z.upperLetters*10 >= letters*7
	d.AllLower = letters >= 8 && z.upperLetters*50 <= letters
}

// sentMarks marks the tokens where a sentence may end or a new one start:
// the '.', '!' and '?' tokens and the tokens after a line break.
// splitSentences looks at these only instead of at every token.
type sentMarks struct {
	low  uint64 // bit k for token k < 64
	more bool   // a token from the 64th on is one
}

// add marks token k.
func (m *sentMarks) add(k int) {
	if k < 64 {
		m.low |= 1 << k
	} else {
		m.more = true
	}
}

// fast tokenizes from s[i] for as long as the text is plain: ASCII white
// space, ASCII words, ASCII punctuation. It returns where it stopped: the end
// of the text, or a byte step must handle. It makes no calls, so the state
// stays in registers.
func (z *tokenizer) fast(i int) int {
	s := z.s
	if len(s) >= maxPacked {
		// A word this long could overflow its packed counts; step counts
		// the general way. (Check never gives New a text this long.)
		return i
	}
	buf, n := z.toks[:cap(z.toks)], len(z.toks)
	// The white space before the next token, as bits: 1 for any, 2 for a
	// line break (fbBreak is 1), so it is kept without branches. The counts
	// stay in z: adding to memory costs no more instructions and leaves the
	// registers to the scan.
	gap := b2u8(z.space) | b2u8(z.newline)<<1
scan:
	for i < len(s) {
		c := s[i]
		f := fastClass[c]
		if f <= fbBreak {
			gap |= 1 | f<<1
			i++
			continue
		}
		if f == fbSlow || n >= len(buf) {
			break
		}
		end, kind, shape := i+1, Punct, Shape(0)
		if f == fbWord {
			// Add up the word's packed counts (see wordCount), taking in
			// inner apostrophes between two ASCII letters as scanWordShape
			// does, and leaving words that meet a non-ASCII rune to step.
			var cnt uint64
			for end = i; end < len(s); end++ {
				c := s[end]
				v := wordCount[c]
				if v != 0 {
					cnt += v
					continue
				}
				if c == '\'' && end+1 < len(s) && isASCIILetter(s[end-1]) {
					if n := s[end+1]; isASCIILetter(n) {
						continue // an inner apostrophe: "Mary's"
					} else if n >= utf8.RuneSelf {
						break scan // a non-ASCII letter may follow
					}
				}
				if c >= utf8.RuneSelf {
					break scan // a non-ASCII letter may continue the word
				}
				break
			}
			up, lo := int(cnt&countMask), int(cnt>>countShift&countMask)
			z.upperLetters += up
			z.lowerLetters += lo
			// As wordShape, without making the slice of the word that
			// only a title-case word needs.
			switch {
			case up+lo == 0:
			case up == 0:
				shape = Letters | Lower
			case lo == 0:
				shape = Letters | Upper
			case up == 1 && firstLetterUpperAt(s, i):
				shape = Letters | Title
			default:
				shape = Letters | Mixed
			}
			switch {
			case cnt>>(2*countShift) == 0:
				kind = Word
			case shape == 0:
				kind, shape = Number, Digits
			default:
				kind, shape = Alnum, shape|Digits
				if z.checkHomoglyph && tokenHasDigitHomoglyph(s[i:end]) {
					z.gaveUp = true
					return len(s) // tokenize gives up
				}
			}
		} else if f == fbEnd { // a '.', '!' or '?'
			z.marks.add(n)
		}
		if gap > 1 { // a token after a line break
			z.marks.add(n)
		}
		// Fill the new token in place: building it in a temporary and
		// copying that costs a store-forwarding stall per token.
		t := &buf[n]
		n++
		// (A line break sets both bits of gap, so gap is 0, 1 or 3.)
		t.Start, t.End, t.Kind, t.Shape, t.Space, t.Newline = i, end, kind, shape, gap != 0, gap > 1
		gap = 0
		i = end
	}
	z.toks, z.space, z.newline = buf[:n], gap&1 != 0, gap>>1 != 0
	return i
}

// step handles the text at s[i] the general way: one white-space rune or one
// token. It returns where the next one starts.
func (z *tokenizer) step(i int) int {
	s := z.s
	c := s[i]
	cl, size := clSpace, 1
	if c < utf8.RuneSelf {
		cl = asciiClass[c]
	} else if pictAt(s, i) {
		cl, size = clOther, 4 // as classAt says, without decoding
	} else if z.plainOnly {
		z.gaveUp, z.resume = true, i // not plain: tokenize gives up
		return len(s)
	} else {
		cl, size = classAt(s, i)
	}
	if cl == clSpace {
		z.space = true
		if c == '\n' || c == '\r' {
			z.newline = true
		}
		return i + size
	}
	start, end, kind, shape := i, i+size, Punct, Shape(0)
	switch {
	case cl == clLetter || cl == clDigit:
		u, l := 0, 0
		if end, shape, u, l = scanWordShape(s, i, z.plainOnly); end < 0 {
			z.gaveUp, z.resume = true, i // not plain: tokenize gives up
			return len(s)
		}
		z.upperLetters += u
		z.lowerLetters += l
		switch {
		case shape&Digits == 0:
			kind = Word
		case shape&Letters == 0:
			kind = Number
		default:
			kind = Alnum
			if z.checkHomoglyph && tokenHasDigitHomoglyph(s[start:end]) {
				z.gaveUp = true
			}
		}
	case (c == '#' || c == '@') && i+1 < len(s) && !prevIsWordChar(s, i):
		if end, kind, shape = z.tag(i); z.gaveUp {
			return len(s) // with no token: tokenize gives up
		}
	}
	if z.newline || kind == Punct && (c == '.' || c == '!' || c == '?') {
		z.marks.add(len(z.toks))
	}
	z.toks = append(z.toks, Token{Start: start, End: end, Kind: kind, Shape: shape, Space: z.space, Newline: z.newline})
	z.space, z.newline = false, false
	return end
}

// scanWordShape scans the word that starts at s[i] (see scanWord) and
// returns its end, its shape and its upper and lower letter counts (see
// shapeOf). Plain ASCII words take a fast path that adds up packed counts
// from a table while scanning. With plainOnly, it returns end -1 when it
// meets a non-ASCII rune that is not a pictograph (see pictAt).
func scanWordShape(s string, i int, plainOnly bool) (end int, sh Shape, upper, lowerN int) {
	start := i
	var cnt uint64
	for i < len(s) {
		c := s[i]
		v := wordCount[c]
		if v != 0 {
			cnt += v
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if pictAt(s, i) {
				break // a pictograph ends the word
			}
			if plainOnly {
				return -1, 0, 0, 0
			}
			return scanWordShapeSlow(s, start, i)
		}
		// An inner apostrophe between two letters: "Mary's".
		if c == '\'' && i+1 < len(s) && asciiClass[s[i-1]] == clLetter {
			n := s[i+1]
			if n >= utf8.RuneSelf {
				if pictAt(s, i+1) {
					break // not a letter: the word ends before the '\''
				}
				if plainOnly {
					return -1, 0, 0, 0
				}
				return scanWordShapeSlow(s, start, i)
			}
			if asciiClass[n] == clLetter {
				i++
				continue
			}
		}
		break
	}
	if i-start >= maxPacked {
		sh, upper, lowerN = shapeOfASCII(s[start:i])
		return i, sh, upper, lowerN
	}
	upper, lowerN = int(cnt&countMask), int(cnt>>countShift&countMask)
	sh = wordShape(upper, lowerN, s[start:i])
	if cnt>>(2*countShift) != 0 {
		sh |= Digits
	}
	return i, sh, upper, lowerN
}

// wordShape returns the letter shape of the ASCII word w (Letters and its
// case, see caseShape) from its counts of upper- and lower-case letters. It is
// small enough to inline into the fast loop of tokenize.
func wordShape(upper, lowerN int, w string) Shape {
	switch {
	case upper+lowerN == 0:
		return 0
	case upper == 0:
		return Letters | Lower
	case lowerN == 0:
		return Letters | Upper
	case upper == 1 && firstLetterUpper(w):
		return Letters | Title
	}
	return Letters | Mixed
}

// b2u8 returns 1 for true and 0 for false.
func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return (c|0x20)-'a' < 26 }

// firstLetterUpperAt reports whether the first ASCII letter from s[i] on is
// upper case. The word at s[i] must have one.
func firstLetterUpperAt(s string, i int) bool {
	for ; asciiClass[s[i]&0x7f] != clLetter; i++ {
	}
	return s[i] <= 'Z'
}

// firstLetterUpper reports whether the first letter of the ASCII word w is
// upper case.
func firstLetterUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; asciiClass[c] == clLetter {
			return c <= 'Z'
		}
	}
	return false
}

// scanWordShapeSlow finishes the general way a word that starts at s[start]
// and meets a non-ASCII rune at s[i].
func scanWordShapeSlow(s string, start, i int) (end int, sh Shape, upper, lowerN int) {
	end = scanWord(s, i)
	sh, upper, lowerN = shapeOf(s[start:end])
	return end, sh, upper, lowerN
}

// tag returns the token that the '#' or '@' at s[i] starts: a mention, a
// hashtag, or the lone character as punctuation (as is a '#' before digits
// only: "#54321" is a number sign and a number, not a hashtag). ASCII tags
// take a fast path that counts while scanning.
func (z *tokenizer) tag(i int) (end int, kind Kind, shape Shape) {
	s := z.s
	tagEnd, cnt, ascii := scanTagASCII(s, i+1)
	if !ascii && pictAt(s, tagEnd) {
		ascii = true // a pictograph ends the tag as an ASCII byte would
	} else if !ascii && z.plainOnly {
		z.gaveUp, z.resume = true, i // not plain: tokenize gives up
		return len(s), Punct, 0
	}
	u, l := 0, 0
	if ascii && tagEnd-i < maxPacked {
		u, l = int(cnt&countMask), int(cnt>>countShift&countMask)
		switch {
		case tagEnd == i+1: // a lone '#' or '@'
			return i + 1, Punct, 0
		case s[i] == '@':
			kind = Mention
		case u+l == 0:
			return i + 1, Punct, 0
		default:
			kind = Hashtag
		}
		shape = wordShape(u, l, s[i:tagEnd])
		if cnt>>(2*countShift) != 0 {
			shape |= Digits
		}
	} else {
		tagEnd = scanTag(s, i+1)
		switch {
		case tagEnd == i+1:
			return i + 1, Punct, 0
		case s[i] == '@':
			kind = Mention
		case hasLetter(s[i+1 : tagEnd]):
			kind = Hashtag
		default:
			return i + 1, Punct, 0
		}
		shape, u, l = shapeOf(s[i:tagEnd])
	}
	z.upperLetters += u
	z.lowerLetters += l
	if z.checkHomoglyph && shape&(Digits|Letters) == Digits|Letters && tokenHasDigitHomoglyph(s[i:tagEnd]) {
		z.gaveUp = true
	}
	return tagEnd, kind, shape
}

// scanTagASCII returns the end of the run of ASCII letters, digits and
// underscores that starts at s[i] and their packed counts (see wordCount).
// ascii is false when the run stops at a non-ASCII rune, which may continue
// it.
func scanTagASCII(s string, i int) (end int, cnt uint64, ascii bool) {
	for ; i < len(s); i++ {
		c := s[i]
		if v := wordCount[c]; v != 0 {
			cnt += v
			continue
		}
		if c != '_' {
			return i, cnt, c < utf8.RuneSelf
		}
	}
	return i, cnt, true
}

// scanTag returns the end of the run of letters, digits and underscores that
// starts at s[i].
func scanTag(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl != clLetter && cl != clDigit && c != '_' {
				return i
			}
			i++
			continue
		}
		cl, size := classAt(s, i)
		if cl != clLetter && cl != clDigit {
			return i
		}
		i += size
	}
	return i
}

// scanWord scans a run of letters and digits, with inner apostrophes between
// letters ("Mary's", "o'clock", "O'Neill").
func scanWord(s string, i int) int {
	for i < len(s) {
		cl, size := classAt(s, i)
		if cl == clLetter || cl == clDigit {
			i += size
			continue
		}
		if s[i] == '\'' && i+1 < len(s) {
			if c2, _ := classAt(s, i+1); c2 == clLetter && i > 0 {
				if c0, _ := classAt(s, i-1); c0 == clLetter {
					i++
					continue
				}
			}
		}
		break
	}
	return i
}

func prevIsWordChar(s string, i int) bool {
	if i == 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return wordCount[c] != 0 || c == '_'
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// shapeOf returns the case shape of a token and its upper and lower letter counts.
func shapeOf(w string) (Shape, int, int) {
	if isPlainASCII(w) {
		return shapeOfASCII(w)
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
	return sh | caseShape(upper, lowerN, firstUpper && restLower), upper, lowerN
}

// splitSentences splits Norm at sentence ends: ., ! or ? followed by white
// space, and line breaks. Common abbreviations ("Dr.", "Mr.", "St.") and
// initials do not end a sentence. m marks the tokens to look at (see
// tokenize); no other token ends or starts a sentence.
func (d *Doc) splitSentences(m sentMarks) {
	// room guesses the number of sentences, to size d.Sentences, which is
	// made here, before the first, rather than tested for at each, and
	// left nil when there is none.
	start, room := 0, bits.OnesCount64(m.low)+1
	if room <= len(d.sentBuf) {
		d.Sentences = d.sentBuf[:0]
	} else {
		d.Sentences = make([]Span, 0, room)
	}
	for b := m.low; b != 0; b &= b - 1 {
		start = d.sentenceAt(bits.TrailingZeros64(b), start)
	}
	if m.more {
		for i := 64; i < len(d.Tokens); i++ {
			if t := &d.Tokens[i]; t.Newline || t.Kind == Punct {
				start = d.sentenceAt(i, start)
			}
		}
	}
	if n := len(d.Tokens); start < len(d.Norm) && n > 0 && d.Tokens[n-1].End > start {
		d.Sentences = append(d.Sentences, Span{start, d.Tokens[n-1].End})
	}
	if len(d.Sentences) == 0 {
		d.Sentences = nil
	}
}

// sentenceAt ends the sentence that began at start where token i says so:
// before it when it follows a line break, with it when it is a '.', '!' or
// '?' that ends a sentence. It returns where the next sentence begins.
func (d *Doc) sentenceAt(i, start int) int {
	toks := d.Tokens
	t := &toks[i]
	if i > 0 && t.Newline && start < t.Start {
		d.Sentences = append(d.Sentences, Span{start, toks[i-1].End})
		start = t.Start
	}
	// Does the token end a sentence: a '.', '!' or '?' at the end of the
	// text, or before white space and not before the same character
	// (which goes on: "! !")? Worked out with bit operations and tested
	// once, where each test would be a coin toss on real text.
	c := d.Norm[t.Start]
	ends := b2u8(t.Kind == Punct) & b2u8(fastClass[c] == fbEnd)
	if i+1 < len(toks) {
		nx := &toks[i+1]
		ends &= b2u8(nx.Space) &^ (b2u8(nx.Kind == Punct) & b2u8(d.Norm[nx.Start] == c))
	}
	if ends == 0 {
		return start
	}
	// A '.' right after an abbreviation or an initial does not end one.
	// (The tests of whether to look are combined into one, as above.)
	p := &toks[max(i-1, 0)]
	if b2u8(c == '.')&b2u8(i > 0)&b2u8(p.End == t.Start) != 0 && isAbbrevAt(d.Lower, p.Start, p.End) {
		return start
	}
	d.Sentences = append(d.Sentences, Span{start, t.End})
	if i+1 < len(toks) {
		return toks[i+1].Start
	}
	return len(d.Norm)
}

// abbrevs are the abbreviations after which a '.' does not end a sentence.
var abbrevs = [...]string{
	"dr", "mr", "mrs", "ms", "st", "prof", "rev", "sr", "jr", "mt", "ft", "fr", "no",
	"vs", "etc", "approx", "dept", "hosp", "apt", "ave", "rd", "e.g", "i.e", "cllr", "sgt", "gen",
}

// maxAbbrev is the length of the longest of abbrevs.
const maxAbbrev = 6

// abbrevMul and abbrevTable make a perfect hash of abbrevs: the word packed
// into a uint64 (little-endian, zero-padded) is in abbrevTable at
// key*abbrevMul>>57, a multiplier under which no two of them meet, found at
// start-up. A lookup is one load and one test, where a switch on the word
// is a chain of tests that are coin tosses on real text.
var abbrevMul, abbrevTable = func() (uint64, [128]uint64) {
	// Multipliers from a fixed sequence (an LCG, made odd): a new one
	// succeeds with a chance of about one in thirteen.
	for m := uint64(0x9E3779B97F4A7C15); ; m = (m*6364136223846793005 + 1442695040888963407) | 1 {
		var t [128]uint64
		ok := true
		for _, w := range abbrevs {
			k := packWord(w)
			h := k * m >> 57
			if t[h] != 0 {
				ok = false
				break
			}
			t[h] = k
		}
		if ok {
			return m, t
		}
	}
}()

// packWord returns w, of at most eight bytes, as a little-endian uint64.
func packWord(w string) uint64 {
	var k uint64
	for j := len(w) - 1; j >= 0; j-- {
		k = k<<8 | uint64(w[j])
	}
	return k
}

// isAbbrevAt reports whether the word lower[start:end], lower-cased, is an
// initial (one rune: "J. Smith") or one of abbrevs.
func isAbbrevAt(lower string, start, end int) bool {
	n := end - start
	if n > maxAbbrev || n <= 0 {
		return false // longer than any abbreviation or initial
	}
	if c := lower[start]; c >= utf8.RuneSelf {
		// Not ASCII: an initial or nothing, as abbrevs are ASCII.
		_, size := utf8.DecodeRuneInString(lower[start:end])
		return size == n
	}
	var k uint64
	if start+8 <= len(lower) {
		// The word's bytes and those after it, which the mask clears.
		k = load64(lower[start:]) & (1<<(8*n) - 1)
	} else {
		k = packWord(lower[start:end])
	}
	return n == 1 || abbrevTable[k*abbrevMul>>57] == k
}

func shapeOfASCII(w string) (Shape, int, int) {
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
	return sh | caseShape(upper, lowerN, firstUpper && restLower), upper, lowerN
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); {
		cl, size := classAt(s, i)
		if cl == clLetter {
			return true
		}
		i += size
	}
	return false
}

// caseShape names the case of a word from its counts of upper- and
// lower-case letters and whether it is capitalised with the rest lower.
func caseShape(upper, lowerN int, capitalised bool) Shape {
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
