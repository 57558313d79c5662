package phrase

// Anchors make Find cheap on long texts. Many patterns start with a common
// word ("my ~ patient", "the _ in bed #"), so trying each one at every "my"
// and "the" would dominate the cost. Each pattern's literal elements that hold
// no stopword are its anchors; Find tries a pattern only where all of its
// anchors occur in the sentence. For the patterns that big entries refer to,
// and those with many anchor words, it marks sentence by sentence which
// anchors occur; the others (most) it checks only when about to try them
// (see Set.lazy), which spares marking anchors of patterns never tried.

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

// requiredElems appends to out the literal elements that can anchor the pattern:
// those none of whose alternatives is a stopword. A pattern can only match in
// a sentence holding a word of each of them.
func (p *Pattern) requiredElems(out []int) []int {
	for i, e := range p.elems {
		if e.kind != elLit || i >= 16 {
			continue
		}
		ok := true
		for _, a := range e.alts {
			ri := int(a.rare)
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

// findAnchors returns the anchor elements Find needs to check for p (in
// buf's array when it has room): those
// of requiredElems, less element 0 when every alternative of it anchors on
// its first word. Find tries p only at a word that starts an alternative of
// element 0, which is then that alternative's anchor, so element 0 holds in
// the sentence: marking it would cost a lookup per occurrence and spare no
// try (and a pattern whose only anchor it is needs none).
func (p *Pattern) findAnchors(buf []int) []int {
	anchors := p.requiredElems(buf)
	if len(anchors) == 0 || anchors[0] != 0 {
		return anchors
	}
	for _, a := range p.elems[0].alts {
		if a.rare != 0 {
			return p.rareAnchors(anchors)
		}
	}
	return p.rareAnchors(anchors[1:])
}

// rareAnchors drops from anchors the elements with a stopword among their
// anchor words ({her|him|them}) when another is left: such words occur in
// most sentences, so marking them costs more than the tries they spare
// (dropping an anchor only lets Find try a pattern more often).
func (p *Pattern) rareAnchors(anchors []int) []int {
	out := anchors[:0] // in place: an element is written at or before where it was read
	for _, k := range anchors {
		common := false
		for _, a := range p.elems[k].alts {
			if a.allStop {
				common = true
				break
			}
		}
		if !common {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return anchors
	}
	return out
}

// setRare sets a.rare to the word of the alternative most likely to be
// rare (the longest that is not a stopword, the first word when all are),
// and a.allStop when all are: once, for the uses of Set.Add.
func (a *alt) setRare() {
	best := -1
	for i, w := range a.words {
		if stopwords[w] {
			continue
		}
		if best < 0 || len(w) > len(a.words[best]) {
			best = i
		}
	}
	a.rare, a.allStop = uint16(max(best, 0)), best < 0
}
