// Package synth generates synthetic training text for the tagger: short
// clinical notes (US intensive-care progress notes, UK ward notes) and
// social-media posts by healthcare staff, with every person's name and every
// place or institution marked.
//
// The text comes from hand-written templates filled from the lexicon's name
// and place lists (LoadLists), with names and places also invented (mutated
// or recombined surnames, random hospital abbreviations, brand-like company
// names) so that a model learns from context and not only from the lists.
// About four examples in ten have no span at all: the same styles full of
// capitalised clinical words, drugs, devices, eponyms and name-like English
// words ("will hold lasix", "frank blood", "temp rose to 38.5"). Whole
// examples are written in ALL CAPS or all lower case as notes often are.
//
// No evaluation corpus is read: every template is original.
package synth

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Span labels.
const (
	Name = "NAME" // a person's name: patient, relative, staff, anyone
	Loc  = "LOC"  // a place or institution: hospital, home, unit, town, state, company, street
)

// Span is a labelled byte range [Start, End) of Example.Text. A NAME span
// covers the name's words only, never a title (Dr, Mrs, RN) or a
// credential (", MD").
type Span struct {
	Start, End int
	Label      string // Name or Loc
}

// Example is one generated text with its labelled spans, sorted and disjoint.
// Everything outside a span is neither a name nor a place.
type Example struct {
	Text  string
	Spans []Span
}

// Lists are the name and place lists the generator fills templates from, all
// lower case. Generate draws entries near the front of FirstNames,
// Surnames and Towns more often (LoadLists orders them most popular first);
// Hospitals and Streets are drawn uniformly.
type Lists struct {
	FirstNames, Surnames, Towns, Hospitals, Streets []string
}

// text styles.
const (
	styleUS     = iota // US intensive-care nursing or medical progress note
	styleUK            // UK ward note
	styleSocial        // a post by staff on X, Facebook or Reddit
	numStyles
)

// case modes of a whole example.
const (
	caseMixed = iota
	caseUpper
	caseLower
)

// example classes: which kinds of span the example is built to hold.
const (
	classNone = iota
	className
	classLoc
	classBoth
)

// maxWords bounds the length of an example in words (whitespace-separated).
const maxWords = 60

// Generate returns n examples, deterministic for a seed (math/rand/v2 with a
// PCG seeded from seed). Roughly 45% of the examples hold a NAME span, 25% a
// LOC span (some both) and 40% no span at all.
func Generate(l *Lists, seed uint64, n int) []Example {
	g := &gen{
		r: newRand(seed),
		p: newPools(l),
	}
	out := make([]Example, 0, n)
	for range n {
		out = append(out, g.example())
	}
	return out
}

// gen is the state of the generator while it writes one example.
type gen struct {
	r *rand.Rand
	p *pools

	buf   []byte
	spans []Span

	style   int
	mode    int
	noisy   bool
	capNext bool    // capitalise the next letter written (sentence start, mixed case)
	used    []*node // the templates used in this example, to avoid repeats
}

// draw returns a template of f not yet used in this example (when it can).
func (g *gen) draw(f *family) tmpl {
	var t tmpl
	for try := 0; try < 4; try++ {
		t = f.pick(g.r)
		if len(t) == 0 || !slices.Contains(g.used, &t[0]) {
			break
		}
	}
	if len(t) > 0 {
		g.used = append(g.used, &t[0])
	}
	return t
}

// example writes one example.
func (g *gen) example() Example {
	g.buf = g.buf[:0]
	g.spans = g.spans[:0]
	g.used = g.used[:0]
	g.style = pickWeighted(g.r, styleWeights[:])
	g.mode = pickWeighted(g.r, caseWeights[g.style][:])
	g.noisy = g.r.IntN(100) < 45

	class := classNone
	switch x := g.r.IntN(100); {
	case x < 55:
	case x < 82:
		class = className
	case x < 93:
		class = classLoc
	default:
		class = classBoth
	}
	st := &styles[g.style]
	var ents []*family
	switch class {
	case className:
		ents = append(ents, st.pick(g.r, kName))
		if g.r.IntN(100) < 20 {
			ents = append(ents, st.pick(g.r, kName))
		}
	case classLoc:
		ents = append(ents, st.pick(g.r, kLoc))
		if g.r.IntN(100) < 10 {
			ents = append(ents, st.pick(g.r, kLoc))
		}
	case classBoth:
		if g.r.IntN(2) == 0 {
			ents = append(ents, st.pick(g.r, kBoth))
		} else {
			ents = append(ents, st.pick(g.r, kName), st.pick(g.r, kLoc))
		}
	}
	// A signature, when there is one, closes the example.
	var last *family
	if class == className && ents[0].atEnd {
		last, ents = ents[0], ents[1:]
	}
	target := st.minWords + g.r.IntN(st.maxWords-st.minWords+1)
	lead := g.r.IntN(3)
	if class == classNone {
		lead = 1
	}
	sentences := 0
	for i := 0; i < lead && (i == 0 || g.words() < target); i++ {
		g.filler(&sentences, class == classNone && i == 0)
	}
	for _, f := range ents {
		if sentences > 0 && g.words() < target && g.r.IntN(3) == 0 {
			g.filler(&sentences, false)
		}
		g.sentence(g.draw(f), &sentences)
	}
	for g.words() < target {
		if !g.filler(&sentences, false) {
			break
		}
	}
	if last != nil {
		g.sentence(g.draw(last), &sentences)
	}
	g.finish()
	switch g.mode {
	case caseUpper:
		asciiUpper(g.buf)
	case caseLower:
		asciiLower(g.buf)
	}
	return Example{Text: string(g.buf), Spans: slices.Clone(g.spans)}
}

// filler appends a sentence without spans; unless must, it is taken back
// when it would make the example longer than maxWords, and filler reports
// whether it was kept.
func (g *gen) filler(sentences *int, must bool) bool {
	st := &styles[g.style]
	n, ns := len(g.buf), len(g.spans)
	g.sentence(g.draw(st.pick(g.r, kNeg)), sentences)
	if !must && g.words() > maxWords {
		g.buf, g.spans = g.buf[:n], g.spans[:ns]
		*sentences--
		return false
	}
	return true
}

// sentence appends a separator (unless first) and one rendering of t.
func (g *gen) sentence(t tmpl, sentences *int) {
	if *sentences > 0 {
		g.separate()
	} else {
		g.startSentence()
	}
	*sentences++
	g.expand(t)
	// Drop a trailing space a template may leave (a span never ends in one).
	for len(g.buf) > 0 && g.buf[len(g.buf)-1] == ' ' {
		g.buf = g.buf[:len(g.buf)-1]
	}
}

// separate appends what goes between two sentences of the style.
func (g *gen) separate() {
	seps, w := noteSeps, noteSepW
	if g.style == styleSocial {
		seps, w = socialSeps, socialSepW
	}
	s := seps[pickWeighted(g.r, w)]
	if n := len(g.buf); n > 0 && s.text[0] != ' ' && s.text[0] != '\n' {
		switch c := g.buf[n-1]; {
		case c == '.' || c == '!' || c == '?':
			s = sep{text: " ", ends: true}
		case strings.IndexByte(":;,", c) >= 0:
			s = sep{text: " "}
		}
	}
	g.raw(s.text)
	if s.ends {
		g.startSentence()
	}
}

// finish closes the last sentence (and tags a post, sometimes).
func (g *gen) finish() {
	if len(g.buf) == 0 {
		return
	}
	if strings.IndexByte(".!?:;,)", g.buf[len(g.buf)-1]) < 0 {
		switch x := g.r.IntN(100); {
		case g.style == styleSocial && x < 15:
			g.raw("!")
		case g.style == styleSocial && x < 20:
			g.raw(" " + socialTail[g.r.IntN(len(socialTail))])
		case x < 55:
			g.raw(".")
		}
	}
	if g.style == styleSocial && g.r.IntN(100) < 30 {
		g.raw(g.pick(" ", " ", "\n"))
		n := 1 + g.r.IntN(3)
		for i := range n {
			if i > 0 {
				g.raw(" ")
			}
			g.raw(hashtags[g.r.IntN(len(hashtags))])
		}
	}
}

// startSentence makes the next letter a capital in mixed case, usually.
func (g *gen) startSentence() {
	g.capNext = g.mode == caseMixed && g.r.IntN(100) < 85
}

// words counts the whitespace-separated words written so far.
func (g *gen) words() int {
	n, in := 0, false
	for _, c := range g.buf {
		if c == ' ' || c == '\n' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// raw appends s unchanged, outside any span.
func (g *gen) raw(s string) {
	g.buf = append(g.buf, s...)
}

// lit appends literal template text, outside any span, with the example's
// noise: a capital at a sentence start, an occasional typo, a dropped space
// after a comma or full stop. A possessive "'s" right after a span joins
// the span (the tokeniser keeps "Smith's" as one word).
func (g *gen) lit(s string) {
	if s == "" {
		return
	}
	if k := len(g.spans) - 1; k >= 0 && g.spans[k].End == len(g.buf) && strings.HasPrefix(s, "'s") && (len(s) == 2 || !isLetter(s[2])) {
		g.buf = append(g.buf, "'s"...)
		g.spans[k].End += 2
		s = s[2:]
	}
	start := len(g.buf)
	if !g.noisy {
		g.buf = append(g.buf, s...)
	} else {
		g.noise(s)
	}
	if g.capNext {
		for i := start; i < len(g.buf); i++ {
			if c := g.buf[i]; isLetter(c) || isDigit(c) {
				if 'a' <= c && c <= 'z' {
					g.buf[i] = c - 'a' + 'A'
				}
				g.capNext = false
				break
			}
		}
	}
}

// noise appends s with typos and dropped spaces.
func (g *gen) noise(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if (c == ',' || c == '.') && i+1 < len(s) && s[i+1] == ' ' && i > 0 && isLetter(s[i-1]) && g.r.IntN(100) < 12 {
			g.buf = append(g.buf, c)
			i += 2
			continue
		}
		if isLetter(c) && (i == 0 || !isLetter(s[i-1])) {
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			w := s[i:j]
			if len(w) >= 5 && isLowerWord(w) && g.r.IntN(100) < 3 {
				g.typo(w)
			} else {
				g.buf = append(g.buf, w...)
			}
			i = j
			continue
		}
		g.buf = append(g.buf, c)
		i++
	}
}

// typo appends w with one slip: two letters swapped, one dropped or doubled.
func (g *gen) typo(w string) {
	k := 1 + g.r.IntN(len(w)-2) // never the first letter
	switch g.r.IntN(3) {
	case 0:
		g.buf = append(g.buf, w[:k]...)
		g.buf = append(g.buf, w[k+1], w[k])
		g.buf = append(g.buf, w[k+2:]...)
	case 1:
		g.buf = append(g.buf, w[:k]...)
		g.buf = append(g.buf, w[k+1:]...)
	default:
		g.buf = append(g.buf, w[:k+1]...)
		g.buf = append(g.buf, w[k:]...)
	}
}

// span appends s as a span with the label. s must start and end with a
// letter or digit.
func (g *gen) span(s, label string) {
	if s == "" {
		return
	}
	if g.capNext {
		if c := s[0]; 'a' <= c && c <= 'z' {
			s = string(c-'a'+'A') + s[1:]
		}
		g.capNext = false
	}
	start := len(g.buf)
	g.buf = append(g.buf, s...)
	g.spans = append(g.spans, Span{Start: start, End: len(g.buf), Label: label})
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func asciiUpper(b []byte) {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}

func asciiLower(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
}

// pickWeighted returns an index drawn in proportion to the weights.
func pickWeighted(r *rand.Rand, w []int) int {
	total := 0
	for _, v := range w {
		total += v
	}
	x := r.IntN(total)
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return len(w) - 1
}

// newRand returns the generator's random source for a seed.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
}
