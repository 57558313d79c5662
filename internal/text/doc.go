package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// New analyses s. It returns ErrInvalidUTF8 when s is not valid UTF-8.
func New(s string) (*Doc, error) {
	if !utf8.ValidString(s) {
		return nil, ErrInvalidUTF8
	}
	d := &Doc{Orig: s}
	d.Norm, d.m = normalize(s)
	d.Lower = lower(d.Norm)
	d.splitSentences(d.tokenize())
	return d, nil
}

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
// returns s itself when nothing changes.
func lower(s string) string {
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
