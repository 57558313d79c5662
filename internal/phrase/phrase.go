// Package phrase compiles the word patterns that rule packs, lexicons and
// mosaic tables are written in, and finds them all in a post in one pass.
//
// A pattern is words separated by single spaces, matched case-insensitively on
// whole words:
//
//	frequent {flyer|flier}*      one of the alternatives; word* matches any word starting so
//	{night shift|ward round}     an alternative may be several words
//	had a _ in resus             _ is any one word
//	my ~ patient                 ~ is zero to three words (never first or last)
//	bed #                        # is any number ("bed 4", "bed 12")
//
// Hyphens, slashes, ampersands and apostrophes between words are skipped
// ("bed-blocker" matches "bed blocker", "A&E" matches "a&e"), other punctuation
// breaks a phrase except inside a ~ gap, and no phrase crosses a sentence end.
// Hashtags are split at capitals ("#BedBlocker") and a lower-case hashtag
// ("#bedblocker") matches a pattern of plain words written together. An exact
// pattern matches only words written in the same case (acronyms such as "PFO").
package phrase

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the longest pattern accepted, in bytes.
const MaxLen = 1000

// maxElems is the most elements a pattern may have.
const maxElems = 12

type elemKind uint8

const (
	elLit elemKind = iota // one of alts
	elAny                 // _
	elGap                 // ~ (0..3 words)
	elNum                 // #
)

// alt is one alternative of a literal element: a sequence of words, the last
// of which may be a prefix.
type alt struct {
	words  []string // folded (or as written for exact patterns)
	prefix bool
	// rare indexes the word the alternative anchors on, allStop is set
	// when every word is a stopword (see setRare).
	rare    uint16
	allStop bool
}

type elem struct {
	kind elemKind
	alts []alt
}

// Pattern is one compiled word pattern.
type Pattern struct {
	src   string
	exact bool
	elems []elem
}

// String returns the pattern as written.
func (p *Pattern) String() string { return p.src }

// Compile parses a pattern. exact asks for case-sensitive matching.
//
// The packs compile thousands of patterns at every start, so a pattern is
// parsed with four allocations (itself, its elements, their alternatives and
// their words): the words are pieces of src (unless folding changes them),
// and the alternatives and words of every element share one array each.
func Compile(src string, exact bool) (*Pattern, error) {
	if len(src) > MaxLen {
		return nil, fmt.Errorf("pattern %.40q… is longer than %d bytes", src, MaxLen)
	}
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("pattern %q is not valid UTF-8", src)
	}
	var buf [maxElems]string
	nf, err := splitFields(src, &buf)
	if err != nil {
		return nil, err
	}
	if nf > maxElems {
		return nil, fmt.Errorf("pattern %q has more than %d elements", src, maxElems)
	}
	fields := buf[:nf]
	// every run of word characters is one word of an alternative, and a
	// field has one alternative more than its bars (these are exact for a
	// valid pattern, so the arrays are not outgrown)
	nWords := wordRuns(src)
	alts := make([]alt, 0, strings.Count(src, "|")+nf)
	words := make([]string, 0, nWords)
	p := &Pattern{src: src, exact: exact, elems: make([]elem, 0, nf)}
	for i, f := range fields {
		var e elem
		switch f {
		case "_":
			e.kind = elAny
		case "~":
			e.kind = elGap
		case "#":
			e.kind = elNum
		default:
			from := len(alts)
			if f[0] == '{' {
				body, star := strings.CutSuffix(f, "*") // {a|b}* puts * on every alternative
				if !strings.HasSuffix(body, "}") || len(body) < 3 {
					return nil, fmt.Errorf("pattern %q: %q opens { without a closing }", src, f)
				}
				body = body[1 : len(body)-1]
				for {
					c, rest, more := strings.Cut(body, "|")
					if alts, words, err = parseAlt(alts, words, c, star, exact); err != nil {
						return nil, fmt.Errorf("pattern %q: %v", src, err)
					}
					if !more {
						break
					}
					body = rest
				}
			} else if alts, words, err = parseAlt(alts, words, f, false, exact); err != nil {
				return nil, fmt.Errorf("pattern %q: %v", src, err)
			}
			e.alts = alts[from:len(alts):len(alts)]
		}
		if e.kind != elLit && i == 0 {
			return nil, fmt.Errorf("pattern %q must start with a word, not %q", src, f)
		}
		if e.kind == elGap && i == len(fields)-1 {
			return nil, fmt.Errorf("pattern %q must not end with ~", src)
		}
		p.elems = append(p.elems, e)
	}
	return p, nil
}

// splitFields splits a pattern at spaces outside braces into fields and
// returns the number of fields, of which it keeps the first maxElems.
func splitFields(src string, fields *[maxElems]string) (int, error) {
	n := 0
	add := func(f string) {
		if n < maxElems {
			fields[n] = f
		}
		n++
	}
	depth, start := 0, -1
	for i, r := range src {
		switch {
		case r == '{':
			depth++
			if depth > 1 {
				return 0, fmt.Errorf("pattern %q nests braces", src)
			}
		case r == '}':
			depth--
			if depth < 0 {
				return 0, fmt.Errorf("pattern %q closes a brace it did not open", src)
			}
		}
		if depth == 0 && isSpace(r) {
			if start >= 0 {
				add(src[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if depth != 0 {
		return 0, fmt.Errorf("pattern %q opens { without a closing }", src)
	}
	if start >= 0 {
		add(src[start:])
	}
	if n == 0 {
		return 0, fmt.Errorf("empty pattern")
	}
	return n, nil
}

// isSpace is unicode.IsSpace, without the call for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// parseAlt reads one alternative, c, and appends it to alts and its words
// to words: words split the way the text is split (at spaces and at every
// character that is not a letter, digit or apostrophe: "a&e" is "a e",
// "lgbtq+" is "lgbtq"), with an optional trailing * (or star, from {…}*).
func parseAlt(alts []alt, words []string, c string, star, exact bool) ([]alt, []string, error) {
	var a alt
	if star {
		// as if c ended in * after its own: trailing spaces are kept
		c, a.prefix = strings.TrimLeftFunc(strings.TrimSuffix(c, "*"), unicode.IsSpace), true
	} else {
		c, a.prefix = strings.CutSuffix(strings.TrimSpace(c), "*")
	}
	if strings.ContainsAny(c, "{}|~_*") {
		return alts, words, fmt.Errorf("%q mixes pattern symbols into a word", c)
	}
	from := len(words)
	start := -1
	for i, r := range c {
		if isWordChar(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if words, start = appendWord(words, c[start:i], exact), -1; words == nil {
				return alts, words, fmt.Errorf("%q is not a word", c)
			}
		}
	}
	if start >= 0 {
		if words = appendWord(words, c[start:], exact); words == nil {
			return alts, words, fmt.Errorf("%q is not a word", c)
		}
	}
	if len(words) == from {
		return alts, words, fmt.Errorf("%q has no word in it", c)
	}
	a.words = words[from:len(words):len(words)]
	if a.prefix && utf8.RuneCountInString(a.words[len(a.words)-1]) < 3 {
		return alts, words, fmt.Errorf("%q needs at least 3 letters before *", c)
	}
	a.setRare()
	return append(alts, a), words, nil
}

// appendWord appends w, folded unless exact, to words; it returns nil when
// the fold is empty (w was apostrophes only).
func appendWord(words []string, w string, exact bool) []string {
	if !exact {
		w = fold(w)
	}
	if w == "" {
		return nil
	}
	return append(words, w)
}

// wordRuns counts the runs of word characters in s.
func wordRuns(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWordChar(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// isWordChar reports whether r belongs to a word: a letter, a digit or an
// apostrophe.
func isWordChar(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '\''
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u2019'
}

// joined returns the pattern's words written together ("bedblocker") when the
// pattern is plain words only, for matching lower-case hashtags.
func (p *Pattern) joined() (string, bool) {
	var b strings.Builder
	for _, e := range p.elems {
		if e.kind != elLit || len(e.alts) != 1 || e.alts[0].prefix {
			return "", false
		}
		for _, w := range e.alts[0].words {
			b.WriteString(fold(w))
		}
	}
	return b.String(), true
}
