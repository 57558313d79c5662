package detect

import (
	"github.com/scrubshq/scrubs/internal/text"
)

// Window returns the token index range [lo, hi) that reaches up to n
// non-punctuation tokens on each side of tokens [from, to).
func Window(doc *text.Doc, from, to, n int) (lo, hi int) {
	lo, hi = from, to
	for k := 0; lo > 0 && k < n; {
		lo--
		if doc.Tokens[lo].Kind != text.Punct {
			k++
		}
	}
	for k := 0; hi < len(doc.Tokens) && k < n; {
		if doc.Tokens[hi].Kind != text.Punct {
			k++
		}
		hi++
	}
	return lo, hi
}

// HasWord reports whether any token in [lo, hi) has a lower-case text in words.
func HasWord(doc *text.Doc, lo, hi int, words map[string]bool) bool {
	for i := lo; i < hi; i++ {
		if words[doc.LowerText(doc.Tokens[i])] {
			return true
		}
	}
	return false
}

// WordSet builds a set from a list of lower-case words.
func WordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// ContextScore adjusts a base confidence by the context words found within n
// words either side of the token range [from, to): each set in boost that
// matches adds its weight, each set in damp subtracts.
func ContextScore(doc *text.Doc, from, to, n int, base float64, boost, damp []Cue) float64 {
	lo, hi := Window(doc, from, to, n)
	score := base
	for _, c := range boost {
		if HasWord(doc, lo, from, c.Words) || HasWord(doc, to, hi, c.Words) {
			score += c.Weight
		}
	}
	for _, c := range damp {
		if HasWord(doc, lo, from, c.Words) || HasWord(doc, to, hi, c.Words) {
			score -= c.Weight
		}
	}
	if score < 0 {
		score = 0
	}
	if score > 0.99 {
		score = 0.99
	}
	return score
}

// Cue is a set of context words with the weight they carry.
type Cue struct {
	Words  map[string]bool
	Weight float64
}
