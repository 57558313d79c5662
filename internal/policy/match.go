package policy

import (
	"fmt"
	"strings"
	"unicode"
)

// token is one word of a sentence: lowered (apostrophes dropped) and stemmed.
type token struct{ lower, stem string }

// tokenize splits text into words: runs of letters and digits, lowered,
// with apostrophes inside words dropped ("don't" → "dont", "patients'" →
// "patients"); everything else separates words.
func tokenize(s string) []token {
	var out []token
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			w := b.String()
			out = append(out, token{lower: w, stem: stem(w)})
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019':
			// inside a word: dropped; elsewhere: nothing to drop
		default:
			flush()
		}
	}
	flush()
	return out
}

// stem strips common English inflections so that post, posts, posted and
// posting, or policy and policies, meet: a light suffix stripper, not a
// full stemmer. Words of three letters or fewer are left alone.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	// Plurals and third persons first, so "settings" and "setting" meet.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ly") && len(w) > 5:
		w = w[:len(w)-2]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// undouble turns a doubled final consonant into one ("tagg" → "tag").
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// term is one word of a compiled phrase.
type term struct {
	stem   string // exact word (stemmed), or
	prefix string // a prefix of the lowered word ("shar*")
	gap    int    // words allowed between the previous term and this one
}

func (t term) matches(tk token) bool {
	if t.prefix != "" {
		return strings.HasPrefix(tk.lower, t.prefix)
	}
	return tk.stem == t.stem
}

type ownerKind uint8

const (
	ownConcept ownerKind = iota
	ownNegation
	ownDecoy
)

// owner says what a phrase belongs to: a concept, the negations, or the
// decoys of a point.
type owner struct {
	kind ownerKind
	idx  int
}

type compiled struct {
	terms []term
	own   owner
	text  string
}

// matcher finds every phrase in a sentence in one pass: phrases are
// indexed by their first word (exact stem, or the first three letters of
// a prefix).
type matcher struct {
	phrases []compiled
	byStem  map[string][]int
	byPre   map[string][]int
}

func newMatcher() *matcher {
	return &matcher{byStem: map[string][]int{}, byPre: map[string][]int{}}
}

// maxExpansions bounds how many plain phrases one pattern may expand to.
const maxExpansions = 20000

// gapWords is how many words "~" allows.
const gapWords = 3

// add compiles a pattern ("{a|b c} ~ d*") into plain phrases and indexes them.
func (m *matcher) add(pattern string, o owner) error {
	alts, err := expand(pattern)
	if err != nil {
		return fmt.Errorf("%q: %w", pattern, err)
	}
	for _, words := range alts {
		var terms []term
		gap := 0
		for _, w := range words {
			if w == "~" {
				if len(terms) == 0 {
					return fmt.Errorf("%q: ~ cannot start a phrase", pattern)
				}
				gap = gapWords
				continue
			}
			prefix := strings.HasSuffix(w, "*")
			toks := tokenize(strings.TrimSuffix(w, "*"))
			for i, tk := range toks {
				t := term{stem: tk.stem}
				if prefix && i == len(toks)-1 {
					if len(tk.lower) < 3 {
						return fmt.Errorf("%q: prefix %q is shorter than 3 letters", pattern, w)
					}
					t = term{prefix: tk.lower}
				}
				if i == 0 {
					t.gap = gap
				}
				terms = append(terms, t)
			}
			gap = 0
		}
		if gap != 0 {
			return fmt.Errorf("%q: ~ cannot end a phrase", pattern)
		}
		if len(terms) == 0 {
			return fmt.Errorf("%q: empty phrase", pattern)
		}
		terms[0].gap = 0
		idx := len(m.phrases)
		m.phrases = append(m.phrases, compiled{terms: terms, own: o, text: pattern})
		if t := terms[0]; t.prefix != "" {
			k := t.prefix[:3]
			m.byPre[k] = append(m.byPre[k], idx)
		} else {
			m.byStem[t.stem] = append(m.byStem[t.stem], idx)
		}
	}
	return nil
}

// expand turns a pattern into its plain word sequences: "{a|b c} d" →
// [[a d] [b c d]]; braces nest.
func expand(p string) ([][]string, error) {
	seqs, rest, err := expandSeq(p, 0)
	if err != nil {
		return nil, err
	}
	if rest != len(p) {
		return nil, fmt.Errorf("unbalanced '}' at %d", rest)
	}
	return seqs, nil
}

// expandSeq reads a sequence from p[i:] up to an unmatched '|' or '}' and
// returns its expansions and where it stopped.
func expandSeq(p string, i int) ([][]string, int, error) {
	out := [][]string{nil}
	appendWords := func(ws []string) {
		for k := range out {
			out[k] = append(append([]string(nil), out[k]...), ws...)
		}
	}
	var word strings.Builder
	flushWord := func() {
		if word.Len() > 0 {
			appendWords([]string{word.String()})
			word.Reset()
		}
	}
	for i < len(p) {
		c := p[i]
		switch c {
		case ' ', '\t':
			flushWord()
			i++
		case '|', '}':
			flushWord()
			return out, i, nil
		case '{':
			flushWord()
			var alts [][]string
			i++
			for {
				seqs, j, err := expandSeq(p, i)
				if err != nil {
					return nil, 0, err
				}
				alts = append(alts, seqs...)
				if j >= len(p) {
					return nil, 0, fmt.Errorf("unclosed '{'")
				}
				i = j + 1
				if p[j] == '}' {
					break
				}
			}
			if len(out)*len(alts) > maxExpansions {
				return nil, 0, fmt.Errorf("expands to more than %d phrases", maxExpansions)
			}
			var next [][]string
			for _, o := range out {
				for _, a := range alts {
					next = append(next, append(append([]string(nil), o...), a...))
				}
			}
			out = next
		default:
			word.WriteByte(c)
			i++
		}
	}
	flushWord()
	return out, i, nil
}

// hits is what the matcher found in one sentence.
type hits struct {
	concepts bitset
	negated  bool
	decoys   []int // points whose decoys matched
}

// match runs every phrase over the tokens.
func (m *matcher) match(toks []token, nConcepts int) hits {
	h := hits{concepts: newBitset(nConcepts)}
	try := func(idx, start int) {
		ph := &m.phrases[idx]
		if ph.own.kind == ownConcept && h.concepts.has(ph.own.idx) {
			return
		}
		if !matchFrom(ph.terms, 1, toks, start+1) {
			return
		}
		switch ph.own.kind {
		case ownConcept:
			h.concepts.set(ph.own.idx)
		case ownNegation:
			h.negated = true
		case ownDecoy:
			h.decoys = append(h.decoys, ph.own.idx)
		}
	}
	for i, tk := range toks {
		for _, idx := range m.byStem[tk.stem] {
			try(idx, i)
		}
		if len(tk.lower) >= 3 {
			for _, idx := range m.byPre[tk.lower[:3]] {
				if m.phrases[idx].terms[0].matches(tk) {
					try(idx, i)
				}
			}
		}
	}
	return h
}

// matchFrom reports whether terms[j:] match toks starting at or, by each
// term's gap, a little after position i.
func matchFrom(terms []term, j int, toks []token, i int) bool {
	if j == len(terms) {
		return true
	}
	t := terms[j]
	for k := i; k <= i+t.gap && k < len(toks); k++ {
		if t.matches(toks[k]) && matchFrom(terms, j+1, toks, k+1) {
			return true
		}
	}
	return false
}

// bitset is a set of small integers.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) or(o bitset) bitset {
	out := make(bitset, len(b))
	for i := range b {
		out[i] = b[i] | o[i]
	}
	return out
}
