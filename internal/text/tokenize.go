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

// tokenize splits d.Norm into tokens.
func (d *Doc) tokenize() {
	s := d.Norm
	d.Tokens = make([]Token, 0, len(s)/4+4)
	space, newline := true, false
	upperLetters, lowerLetters := 0, 0
	for i := 0; i < len(s); {
		cl, size := classAt(s, i)
		if cl == clSpace {
			space = true
			if s[i] == '\n' || s[i] == '\r' {
				newline = true
			}
			i += size
			continue
		}
		start := i
		kind := Punct
		switch {
		case cl == clLetter || cl == clDigit:
			i = scanWord(s, i)
			kind = Word
		case (s[i] == '#' || s[i] == '@') && i+1 < len(s) && !prevIsWordChar(s, i):
			if c2, _ := classAt(s, i+1); c2 == clLetter || c2 == clDigit || s[i+1] == '_' {
				end := i + 1
				for end < len(s) {
					c3, sz := classAt(s, end)
					if c3 != clLetter && c3 != clDigit && s[end] != '_' {
						break
					}
					end += sz
				}
				switch {
				case s[i] == '@':
					kind = Mention
					i = end
				case hasLetter(s[i+1 : end]):
					kind = Hashtag
					i = end
				default:
					i += size // "#54321" is a number sign and a number, not a hashtag
				}
			} else {
				i += size
			}
		default:
			i += size
		}
		t := Token{Start: start, End: i, Kind: kind, Space: space, Newline: newline}
		if kind == Word || kind == Hashtag || kind == Mention {
			u, l := 0, 0
			t.Shape, u, l = shapeOf(s[start:i])
			upperLetters += u
			lowerLetters += l
			if kind == Word {
				switch {
				case t.Shape&Digits != 0 && t.Shape&Letters == 0:
					t.Kind = Number
				case t.Shape&Digits != 0:
					t.Kind = Alnum
				}
			}
		}
		d.Tokens = append(d.Tokens, t)
		space, newline = false, false
	}
	letters := upperLetters + lowerLetters
	d.AllCaps = letters >= 8 && upperLetters*10 >= letters*7
	d.AllLower = letters >= 8 && upperLetters*50 <= letters
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
// initials do not end a sentence.
func (d *Doc) splitSentences() {
	start := 0
	toks := d.Tokens
	for i, t := range toks {
		if i > 0 && t.Newline && start < t.Start {
			d.Sentences = append(d.Sentences, Span{start, toks[i-1].End})
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
		d.Sentences = append(d.Sentences, Span{start, t.End})
		if i+1 < len(toks) {
			start = toks[i+1].Start
		} else {
			start = len(d.Norm)
		}
	}
	if start < len(d.Norm) && len(toks) > 0 && toks[len(toks)-1].End > start {
		d.Sentences = append(d.Sentences, Span{start, toks[len(toks)-1].End})
	}
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
