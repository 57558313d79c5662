package phrase

// Anchors make Find cheap on long texts. Many patterns start with a common
// word ("my ~ patient", "the _ in bed #"), so trying each one at every "my"
// and "the" would dominate the cost. Each pattern is given an anchor: the
// literal element least likely to be common. Find first marks the patterns
// whose anchor words occur anywhere in the post and tries only those.

// stopwords are words too common to anchor a pattern on.
var stopwords = map[string]bool{}

func init() {
	for _, w := range []string{"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that",
		"these", "those", "i", "im", "me", "we", "us", "you", "he", "she", "they", "them", "him", "it", "in", "on",
		"at", "to", "of", "for", "with", "from", "by", "and", "or", "but", "so", "is", "was", "are", "were", "be",
		"been", "am", "have", "has", "had", "do", "did", "does", "not", "no", "just", "up", "out", "off", "as", "if",
		"then", "than", "when", "what", "who", "how", "all", "one", "get", "got", "go", "going", "can", "will",
		"would", "could", "should", "there", "here", "about", "into", "over", "after", "before", "again", "back",
		"today", "tonight", "new", "old", "day", "time", "like", "some", "any", "very", "more", "much"} {
		stopwords[w] = true
	}
}

// chooseAnchor returns the index of the element whose words are least
// common, or -1 when no element is a good anchor (then the pattern is always
// tried).
func (p *Pattern) chooseAnchor() int {
	best, bestScore := -1, 0
	for i, e := range p.elems {
		if e.kind != elLit {
			continue
		}
		score := 1 << 20
		for _, a := range e.alts {
			w := rarest(a.words)
			n := len(w)
			if stopwords[w] {
				n = 0
			}
			if a.prefix && len(a.words) == 1 {
				n = min(n, 3)
			}
			score = min(score, n)
		}
		score = score*16 - len(e.alts) // fewer alternatives anchor better
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if bestScore < 2*16-64 { // only stopwords or one-letter words
		return -1
	}
	return best
}

// rarest picks the word of a multi-word alternative most likely to be rare
// (the longest that is not a stopword).
func rarest(words []string) string {
	best := ""
	for _, w := range words {
		if stopwords[w] {
			continue
		}
		if len(w) > len(best) {
			best = w
		}
	}
	if best == "" {
		return words[0]
	}
	return best
}
