package phrase

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// compileRef is Compile as it was before it parsed without allocating per
// word and alternative: the reference TestCompileRef and FuzzCompileRef
// compare Compile with. exact asks for case-sensitive matching.
func compileRef(src string, exact bool) (*Pattern, error) {
	if len(src) > MaxLen {
		return nil, fmt.Errorf("pattern %.40q… is longer than %d bytes", src, MaxLen)
	}
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("pattern %q is not valid UTF-8", src)
	}
	fields, err := splitFieldsRef(src)
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
				a, err := parseAltRef(c, exact)
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
func splitFieldsRef(src string) ([]string, error) {
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
func parseAltRef(c string, exact bool) (alt, error) {
	var a alt
	c, a.prefix = strings.CutSuffix(strings.TrimSpace(c), "*")
	if strings.ContainsAny(c, "{}|~_*") {
		return a, fmt.Errorf("%q mixes pattern symbols into a word", c)
	}
	words := strings.FieldsFunc(c, func(r rune) bool { return !validWordCharsRef(string(r)) })
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
	a.setRare()
	return a, nil
}

func validWordCharsRef(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '\u2019' {
			return false
		}
	}
	return true
}

// compileCases are patterns, good and bad, that TestCompileRef compiles
// both ways: every syntax of the package doc, folding, and each error.
var compileCases = []string{
	"bed blocker*", "frequent {flyer|flier}*", "{night shift|ward round}", "had a _ in resus", "my ~ patient",
	"bed #", "PFO", "don't", "Don’t Panic", "a&e", "lgbtq+", "{on|in} {a&e|the ward|resus}", "{a|b}*", "{abc |def}*",
	"{ abc| def }*", "{abc*|defg}*", "gomer*", "  spaced   out  ", "tab\tsep\nline", "Ünïcödé Wörds", "naïve* café",
	"İstanbul", "x\u00a0y", "{x\u2003y|z}", "{a||b}", "{|}", "{}", "{x}", "{x", "x}", "{a|{b}}", "a{b|c}",
	"{bed_blocker}", "ab*", "{ab|cd}*", "''", "{''|x}", "'", "bed '", "_", "~", "#", "_ start", "~ start",
	"# start", "end ~", "a ~ ~ b", "a _ # b", "", "   ", "a b c d e f g h i j k l", "a b c d e f g h i j k l m",
	"a b c d e f g h i j k l m {", "{a b c d e f g h i j k l m n}", "x*y", "x|y", "{x|y}z", "{x|y}**",
	"+++", "{+|x}", "12 beds", "bed #4", "o'neill", "O’Neill*", "\xff", strings.Repeat("x", 1100),
}

// TestCompileRef checks that Compile parses patterns exactly as
// compileRef, its reference, does: the same elements, alternatives and
// words, or the same error.
func TestCompileRef(t *testing.T) {
	for _, src := range compileCases {
		for _, exact := range []bool{false, true} {
			checkCompileRef(t, src, exact)
		}
	}
}

func checkCompileRef(t *testing.T, src string, exact bool) {
	t.Helper()
	got, err := Compile(src, exact)
	want, wantErr := compileRef(src, exact)
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("Compile(%q, %v): error %v, want %v", src, exact, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("Compile(%q, %v) = %+v, want %+v", src, exact, got, want)
	}
}

// FuzzCompileRef checks Compile against compileRef on any pattern.
func FuzzCompileRef(f *testing.F) {
	for _, src := range compileCases {
		f.Add(src, false)
	}
	f.Fuzz(func(t *testing.T, src string, exact bool) { checkCompileRef(t, src, exact) })
}
