package phrase

import (
	"slices"
	"strings"
)

// A Set matches its patterns on word ids rather than strings: every word a
// pattern names gets an id in the Set's vocabulary when the pattern is added,
// Find looks each word of a post up once, and matching then compares small
// integers. A pattern is compiled per Set (the same Pattern may join several
// Sets, each with its own vocabulary).

// noWord is the id of a word that no pattern of the Set names.
const noWord = -1

// manyAlts is the number of alternatives from which an element is indexed
// rather than scanned.
const manyAlts = 6

// cpat is a pattern compiled against a Set's vocabulary.
type cpat struct {
	exact bool // ids are of the words as written (Set.exact), not folded
	elems []celem
}

// calt is one alternative of a literal element.
type calt struct {
	// ids are the ids of the words; for a prefix alternative the last one is
	// noWord and last holds the prefix.
	ids    []int32
	last   string
	prefix bool
}

type celem struct {
	kind elemKind
	// alts are tried in order when there are few; with many, they are
	// reached through index.
	alts  []calt
	index *altIndex
	// first admits the ids of the alternatives' first words (anyWord when
	// one of them is a prefix), so that most words are ruled out before
	// any alternative is tried.
	first wordFilter
}

// altIndex indexes the alternatives of an element with many: words holds the
// ids of the single-word, non-prefix alternatives (sorted), and the others
// (rest) are reached through byFirst and byPrefix, in their order.
type altIndex struct {
	words    []int32
	rest     []calt
	restAlt  []int32 // the index in alts of each of rest
	byFirst  []keyed // multi-word alternatives of rest, by first word id
	byPrefix []keyed // single-word prefix alternatives of rest, by first 3 bytes
	// ids has the ids of words and byFirst's keys, prefixes byPrefix's
	// keys, so that most words are ruled out without a search.
	ids, prefixes filter
}

// filter is a Bloom filter of one hash over uint32 keys.
type filter [4]uint64

func filterBit(key uint32) uint32 { return key * 2654435761 >> 24 } // 0..255

func (f *filter) add(key uint32) { b := filterBit(key); f[b>>6] |= 1 << (b & 63) }

// mayHold reports whether key may have been added (false: it was not).
func (f *filter) mayHold(key uint32) bool {
	b := filterBit(key)
	return f[b>>6]&(1<<(b&63)) != 0
}

// keyed is an index entry: alternative alt of rest, under key. Entries are
// sorted by key, and by alt within a key.
type keyed struct {
	key uint32
	alt int32
}

// lookup returns the alternatives indexed under key, in order.
func lookup(index []keyed, key uint32) []keyed {
	i, _ := slices.BinarySearchFunc(index, key, func(k keyed, key uint32) int {
		switch {
		case k.key < key:
			return -1
		case k.key > key:
			return 1
		}
		return 0
	})
	j := i
	for j < len(index) && index[j].key == key {
		j++
	}
	return index[i:j]
}

// key3 packs the first 3 bytes of s (at least 3 long).
func key3(s string) uint32 { return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) }

// wordID returns the id of a folded word, adding it to the vocabulary.
func (s *Set) wordID(w string) int32 { return s.wordEntry(w).id }

// exactID returns the id of a word as written, for exact patterns.
func (s *Set) exactID(w string) int32 {
	id, ok := s.exact[w]
	if !ok {
		id = s.nextID
		s.nextID++
		s.exact[w] = id
		s.byID = append(s.byID, nil) // not a folded word's id
	}
	return id
}

// compile compiles p against s's vocabulary.
func (s *Set) compile(p *Pattern) cpat {
	// the ids, alternatives and elements are cut from the Set's blocks: a
	// lexicon of thousands of words compiles with a few allocations, which
	// keeps the cold start short
	nAlts, nIDs := 0, 0
	for _, e := range p.elems {
		nAlts += len(e.alts)
		for _, a := range e.alts {
			nIDs += len(a.words)
		}
	}
	c := cpat{exact: p.exact, elems: s.celems.cut(len(p.elems))}
	idBuf := s.cands32.cut(nIDs)
	altBuf := s.calts.cut(nAlts)
	for k, e := range p.elems {
		ce := &c.elems[k]
		ce.kind = e.kind
		ce.alts, altBuf = altBuf[:len(e.alts):len(e.alts)], altBuf[len(e.alts):]
		for j, a := range e.alts {
			ca := &ce.alts[j]
			ca.ids, idBuf = idBuf[:len(a.words):len(a.words)], idBuf[len(a.words):]
			ca.prefix = a.prefix
			for i, w := range a.words {
				switch {
				case a.prefix && i == len(a.words)-1:
					ca.ids[i], ca.last = noWord, w
				case p.exact:
					ca.ids[i] = s.exactID(w)
				default:
					ca.ids[i] = s.wordID(w)
				}
			}
		}
		if len(ce.alts) >= manyAlts {
			ce.index = newAltIndex(ce.alts)
		}
		ce.first = firstWords(ce.alts)
	}
	return c
}

// firstWords returns the filter of the first words of alts (see celem.first).
func firstWords(alts []calt) wordFilter {
	f := wordFilter(0)
	for _, a := range alts {
		if a.ids[0] == noWord { // a prefix: any word may start it
			return anyWord
		}
		f = f.with(a.ids[0])
	}
	return f
}

// newAltIndex indexes alts.
func newAltIndex(alts []calt) *altIndex {
	// count first, so that each slice is allocated once at its size
	nWords, nFirst := 0, 0
	for _, a := range alts {
		switch {
		case len(a.ids) == 1 && !a.prefix:
			nWords++
		case len(a.ids) > 1:
			nFirst++
		}
	}
	nRest := len(alts) - nWords
	x := &altIndex{}
	ints := make([]int32, nWords+nRest)
	x.words, x.restAlt = ints[:0:nWords], ints[nWords:nWords]
	x.rest = make([]calt, 0, nRest)
	keys := make([]keyed, nRest)
	x.byFirst, x.byPrefix = keys[:0:nFirst], keys[nFirst:nFirst]
	for ai, a := range alts {
		if len(a.ids) == 1 && !a.prefix {
			x.words = append(x.words, a.ids[0])
			x.ids.add(uint32(a.ids[0]))
		} else {
			x.rest = append(x.rest, a)
			x.restAlt = append(x.restAlt, int32(ai))
		}
	}
	slices.Sort(x.words)
	for i, a := range x.rest {
		if len(a.ids) > 1 {
			x.byFirst = append(x.byFirst, keyed{uint32(a.ids[0]), int32(i)})
			x.ids.add(uint32(a.ids[0]))
		} else { // a single-word prefix: at least 3 letters, so 3 bytes or more
			x.byPrefix = append(x.byPrefix, keyed{key3(a.last), int32(i)})
			x.prefixes.add(key3(a.last))
		}
	}
	byKey := func(a, b keyed) int { return int(int64(a.key) - int64(b.key)) }
	slices.SortStableFunc(x.byFirst, byKey)
	slices.SortStableFunc(x.byPrefix, byKey)
	return x
}

// candidates appends to out the alternatives of p's first element (indexes
// into its alts) that can match at a word whose fold is key (id keyID), in
// the order match tries them, and returns it; the others fail at that word.
// No alternative before from is the single word key (so that a first
// element of many words is not searched from its start for each).
func (p *cpat) candidates(out []int32, keyID int32, key string, from int) []int32 {
	e := &p.elems[0]
	can := func(a *calt) bool {
		if a.prefix && len(a.ids) == 1 {
			return strings.HasPrefix(key, a.last)
		}
		return a.ids[0] == keyID
	}
	if e.index == nil {
		for ai := range e.alts {
			if can(&e.alts[ai]) {
				out = append(out, int32(ai))
			}
		}
		return out
	}
	// as match: the single words, then by first word, then by prefix
	ix := e.index
	if _, ok := slices.BinarySearch(ix.words, keyID); ok {
		for ai := from; ai < len(e.alts); ai++ {
			if a := &e.alts[ai]; len(a.ids) == 1 && !a.prefix && a.ids[0] == keyID {
				out = append(out, int32(ai))
				break
			}
		}
	}
	for _, kx := range lookup(ix.byFirst, uint32(keyID)) {
		out = append(out, ix.restAlt[kx.alt])
	}
	if len(key) >= 3 {
		for _, kx := range lookup(ix.byPrefix, key3(key)) {
			if can(&ix.rest[kx.alt]) {
				out = append(out, ix.restAlt[kx.alt])
			}
		}
	}
	return out
}

// wordFilter is a Bloom filter of word ids, of one hash; anyWord admits
// every word, even one no pattern names.
type wordFilter uint32

const anyWord = ^wordFilter(0)

func (f wordFilter) with(id int32) wordFilter { return f | 1<<(uint32(id)*2654435761>>27) }

// admits reports whether id may be in f (false: it is not).
func (f wordFilter) admits(id int32) bool { return f == anyWord || id >= 0 && f == f.with(id) }

// nextWords returns a filter of the ids the word after the first can have
// in a match of p: through element 1 after a single-word start (skip), or
// through the candidate alternatives of element 0 (full). It is anyWord when
// that word may be any word, or none (a pattern of one word).
func (p *cpat) nextWords(skip, full bool, cands []int32) wordFilter {
	f := wordFilter(0)
	afterFirst := func() bool { // element 1's first words into f; false when it takes any word
		if len(p.elems) < 2 || p.elems[1].kind != elLit {
			return false
		}
		for _, a := range p.elems[1].alts {
			if a.prefix && len(a.ids) == 1 {
				return false
			}
			f = f.with(a.ids[0])
		}
		return true
	}
	if skip && !afterFirst() {
		return anyWord
	}
	if full {
		for _, ai := range cands {
			a := &p.elems[0].alts[ai]
			switch {
			case len(a.ids) == 1:
				if !afterFirst() {
					return anyWord
				}
			case a.prefix && len(a.ids) == 2:
				return anyWord // the second word is a prefix
			default:
				f = f.with(a.ids[1])
			}
		}
	}
	return f
}

// finder matches compiled patterns on the words of a view.
type finder struct {
	set   *Set
	words []Word
	// ids[i] is the vocabulary id of word i's fold (noWord when no pattern
	// names it); xids[i] that of the word as written, looked up on first use
	// (unknown until then).
	ids, xids []int32
}

// unknown marks an xids entry not looked up yet.
const unknown = -2

// id returns the id of word j as pattern p compares it.
func (f *finder) id(p *cpat, j int) int32 {
	if !p.exact {
		return f.ids[j]
	}
	if f.xids[j] == unknown {
		id, ok := f.set.exact[f.words[j].Text]
		if !ok {
			id = noWord
		}
		f.xids[j] = id
	}
	return f.xids[j]
}

// text returns word j as pattern p compares it (for prefixes).
func (f *finder) text(p *cpat, j int) string {
	if p.exact {
		return f.words[j].Text
	}
	return f.words[j].Fold
}

// match matches elements k… of p from word i and returns where the match
// ends (exclusive word index), or -1; free says the word may follow a
// punctuation break (at the start, and after a ~ gap).
func (f *finder) match(p *cpat, i, k, sent int, free bool) int {
	if k == len(p.elems) {
		return i
	}
	e := &p.elems[k]
	if e.kind == elGap {
		for skip := 0; skip <= 3; skip++ {
			j := i + skip
			if j >= len(f.words) || f.words[j].Sentence != sent {
				break
			}
			if end := f.match(p, j, k+1, sent, true); end >= 0 {
				return end
			}
		}
		return -1
	}
	if i >= len(f.words) {
		return -1
	}
	w := &f.words[i]
	if w.Sentence != sent || (!free && w.Break) {
		return -1
	}
	switch e.kind {
	case elAny:
		if !w.Letters {
			return -1
		}
		return f.match(p, i+1, k+1, sent, false)
	case elNum:
		if !w.Digits {
			return -1
		}
		return f.match(p, i+1, k+1, sent, false)
	}
	if !e.first.admits(f.id(p, i)) {
		return -1
	}
	if e.index == nil {
		for ai := range e.alts {
			if end := f.tryAlt(p, &e.alts[ai], i, k, sent); end >= 0 {
				return end
			}
		}
		return -1
	}
	ix := e.index
	id := f.id(p, i)
	if id != noWord && ix.ids.mayHold(uint32(id)) {
		if _, ok := slices.BinarySearch(ix.words, id); ok {
			if end := f.match(p, i+1, k+1, sent, false); end >= 0 {
				return end
			}
		}
		if len(ix.byFirst) > 0 {
			for _, kx := range lookup(ix.byFirst, uint32(id)) {
				if end := f.tryAlt(p, &ix.rest[kx.alt], i, k, sent); end >= 0 {
					return end
				}
			}
		}
	}
	if t := f.text(p, i); len(t) >= 3 && len(ix.byPrefix) > 0 && ix.prefixes.mayHold(key3(t)) {
		for _, kx := range lookup(ix.byPrefix, key3(t)) {
			if end := f.tryAlt(p, &ix.rest[kx.alt], i, k, sent); end >= 0 {
				return end
			}
		}
	}
	return -1
}

// tryAlt matches alternative a of element k at word i and then the elements after it.
func (f *finder) tryAlt(p *cpat, a *calt, i, k, sent int) int {
	if j := f.matchAlt(p, a, i, sent); j >= 0 {
		return f.match(p, j, k+1, sent, false)
	}
	return -1
}

// matchAlt matches alternative a at word i and returns the index after it, or -1.
func (f *finder) matchAlt(p *cpat, a *calt, i, sent int) int {
	n := len(a.ids)
	if i+n > len(f.words) {
		return -1
	}
	for k := range n {
		j := i + k
		if f.words[j].Sentence != sent || (k > 0 && f.words[j].Break) {
			return -1
		}
		if a.prefix && k == n-1 {
			if !strings.HasPrefix(f.text(p, j), a.last) {
				return -1
			}
		} else if f.id(p, j) != a.ids[k] {
			return -1
		}
	}
	return i + n
}
