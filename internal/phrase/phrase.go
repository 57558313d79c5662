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
func Compile(src string, exact bool) (*Pattern, error) {
	if len(src) > MaxLen {
		return nil, fmt.Errorf("pattern %.40q… is longer than %d bytes", src, MaxLen)
	}
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("pattern %q is not valid UTF-8", src)
	}
	fields, err := splitFields(src)
	if err != nil {
		return nil, err
	}
	if len(fields) > maxElems {
		return nil, fmt.Errorf("pattern %q has more than %d elements", src, maxElems)
	}
	p := &Pattern{src: src, exact: exact}
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
			choices := []string{f}
			if strings.HasPrefix(f, "{") {
				body, star := strings.CutSuffix(f, "*") // {a|b}* puts * on every alternative
				if !strings.HasSuffix(body, "}") || len(body) < 3 {
					return nil, fmt.Errorf("pattern %q: %q opens { without a closing }", src, f)
				}
				choices = strings.Split(body[1:len(body)-1], "|")
				if star {
					for i := range choices {
						choices[i] = strings.TrimSuffix(choices[i], "*") + "*"
					}
				}
			}
			for _, c := range choices {
				a, err := parseAlt(c, exact)
				if err != nil {
					return nil, fmt.Errorf("pattern %q: %v", src, err)
				}
				e.alts = append(e.alts, a)
			}
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

// splitFields splits a pattern at spaces outside braces.
func splitFields(src string) ([]string, error) {
	var out []string
	depth, start := 0, -1
	for i, r := range src {
		switch {
		case r == '{':
			depth++
			if depth > 1 {
				return nil, fmt.Errorf("pattern %q nests braces", src)
			}
		case r == '}':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("pattern %q closes a brace it did not open", src)
			}
		}
		if unicode.IsSpace(r) && depth == 0 {
			if start >= 0 {
				out = append(out, src[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("pattern %q opens { without a closing }", src)
	}
	if start >= 0 {
		out = append(out, src[start:])
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	return out, nil
}

// parseAlt reads one alternative: words split the way the text is split
// (at spaces and at every character that is not a letter, digit or
// apostrophe: "a&e" is "a e", "lgbtq+" is "lgbtq"), with an optional trailing *.
func parseAlt(c string, exact bool) (alt, error) {
	var a alt
	c, a.prefix = strings.CutSuffix(strings.TrimSpace(c), "*")
	if strings.ContainsAny(c, "{}|~_*") {
		return a, fmt.Errorf("%q mixes pattern symbols into a word", c)
	}
	words := strings.FieldsFunc(c, func(r rune) bool { return !validWordChars(string(r)) })
	if len(words) == 0 {
		return a, fmt.Errorf("%q has no word in it", c)
	}
	for _, w := range words {
		if !exact {
			w = fold(w)
		}
		if w == "" {
			return a, fmt.Errorf("%q is not a word", c)
		}
		a.words = append(a.words, w)
	}
	if a.prefix && utf8.RuneCountInString(a.words[len(a.words)-1]) < 3 {
		return a, fmt.Errorf("%q needs at least 3 letters before *", c)
	}
	return a, nil
}

func validWordChars(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '\u2019' {
			return false
		}
	}
	return true
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
