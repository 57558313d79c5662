package text

import (
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
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
		return clLetter, size
	case unicode.IsDigit(r):
		return clDigit, size
	case unicode.IsSpace(r):
		return clSpace, size
	}
	return clOther, size
}

// tokenize splits d.Norm into tokens. It returns how many tokens may end a
// sentence, to size d.Sentences.
func (d *Doc) tokenize() (ends int) {
	s := d.Norm
	toks := make([]Token, 0, len(s)/4+4)
	space, newline := true, false
	upperLetters, lowerLetters := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		cl, size := clSpace, 1
		if c < utf8.RuneSelf {
			cl = asciiClass[c]
		} else {
			cl, size = classAt(s, i)
		}
		if cl == clSpace {
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
		case cl == clLetter || cl == clDigit:
			u, l := 0, 0
			end, shape, u, l = scanWordShape(s, i)
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
		case (c == '#' || c == '@') && i+1 < len(s) && !prevIsWordChar(s, i):
			tagEnd := scanTag(s, i+1)
			switch {
			case tagEnd == i+1: // a lone '#' or '@'
			case c == '@':
				kind, end = Mention, tagEnd
			case hasLetter(s[i+1 : tagEnd]):
				kind, end = Hashtag, tagEnd
			default: // "#54321" is a number sign and a number, not a hashtag
			}
			if kind != Punct {
				u, l := 0, 0
				shape, u, l = shapeOf(s[start:end])
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

// scanWordShape scans the word that starts at s[i] (see scanWord) and
// returns its end, its shape and its upper and lower letter counts (see
// shapeOf). Plain ASCII words take a fast path that computes the shape while
// scanning.
func scanWordShape(s string, i int) (end int, sh Shape, upper, lowerN int) {
	start := i
	firstUpper, seenLetter, restLower := false, false, true
scan:
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			return scanWordShapeSlow(s, start, i)
		}
		switch asciiClass[c] {
		case clLetter:
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
		case clDigit:
			sh |= Digits
		default:
			// An inner apostrophe between two letters: "Mary's".
			if c == '\'' && i+1 < len(s) && asciiClass[s[i-1]] == clLetter {
				n := s[i+1]
				if n >= utf8.RuneSelf {
					return scanWordShapeSlow(s, start, i)
				}
				if asciiClass[n] == clLetter {
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
	return i, sh | caseShape(upper, lowerN, firstUpper && restLower), upper, lowerN
}

// scanWordShapeSlow finishes the general way a word that starts at s[start]
// and meets a non-ASCII rune at s[i].
func scanWordShapeSlow(s string, start, i int) (end int, sh Shape, upper, lowerN int) {
	end = scanWord(s, i)
	sh, upper, lowerN = shapeOf(s[start:end])
	return end, sh, upper, lowerN
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
// initials do not end a sentence. ends bounds the number of sentence ends
// (see tokenize), to size d.Sentences.
func (d *Doc) splitSentences(ends int) {
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
		if c == '.' && i > 0 && toks[i-1].End == t.Start && isAbbrev(d.Lower[toks[i-1].Start:toks[i-1].End]) {
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
func (d *Doc) addSentence(sp Span, n int) {
	if d.Sentences == nil {
		if n <= len(d.sentBuf) {
			d.Sentences = d.sentBuf[:0]
		} else {
			d.Sentences = make([]Span, 0, n)
		}
	}
	d.Sentences = append(d.Sentences, sp)
}

func isAbbrev(w string) bool {
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
