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

// WordSet builds a set from a list of lower-case words.
func WordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
