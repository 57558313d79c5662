package phrase

// Anchors make Find cheap on long texts. Many patterns start with a common
// word ("my ~ patient", "the _ in bed #"), so trying each one at every "my"
// and "the" would dominate the cost. Each pattern's literal elements that hold
// no stopword are its anchors; Find first marks, sentence by sentence, which
// anchors occur, and tries a pattern only where all of its anchors do.

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

// veryCommon are the words too frequent to anchor on.
var veryCommon = map[string]bool{}

func init() {
	for _, w := range []string{"the", "a", "an", "in", "on", "at", "to", "of", "and", "my", "i", "is", "it", "for", "with", "or"} {
		veryCommon[w] = true
	}
}

// requiredElems returns the literal elements that can anchor the pattern:
// those none of whose alternatives is a stopword. A pattern can only match in
// a sentence holding a word of each of them.
func (p *Pattern) requiredElems() []int {
	var out []int
	for i, e := range p.elems {
		if e.kind != elLit || i >= 16 {
			continue
		}
		ok := true
		for _, a := range e.alts {
			ri := rarestIndex(a.words)
			w := a.words[ri]
			// the most common words would mark their patterns in nearly every
			// sentence, costing more than the tries they save
			if veryCommon[w] || a.prefix && ri == len(a.words)-1 && len(w) < 3 {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// rarest picks the word of a multi-word alternative most likely to be rare
// (the longest that is not a stopword).
func rarest(words []string) string { return words[rarestIndex(words)] }

func rarestIndex(words []string) int {
	best := -1
	for i, w := range words {
		if stopwords[w] {
			continue
		}
		if best < 0 || len(w) > len(words[best]) {
			best = i
		}
	}
	return max(best, 0)
}
