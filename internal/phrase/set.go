package phrase

import (
	"strings"
	"sync"
)

// Set holds many patterns indexed by their first word, so that one pass over
// a post finds every match of every pattern.
type Set struct {
	pats []*Pattern
	// idx indexes whole words, pidx the first 3 bytes of words (for
	// patterns whose first or anchor word is a prefix, "gomer*").
	idx, pidx map[string]*wordEntry
	// pre2 marks the first two bytes of pidx's keys, to skip most lookups there.
	pre2   *[1 << 16]bool
	joined map[string][]int32
	// required[id] has bit k set for each anchor element k of pattern id
	// (see anchor.go).
	required []uint16
	pool     sync.Pool // *findScratch
}

// wordEntry is what one word (or 3-byte prefix) indexes: the patterns that
// start with it and the anchor elements it satisfies.
type wordEntry struct {
	first   []firstRef
	anchors []anchorRef
}

// prefixEntry returns pidx's entry for a 3-byte prefix, creating it.
func (s *Set) prefixEntry(key string) *wordEntry {
	s.pre2[uint16(key[0])<<8|uint16(key[1])] = true
	return entryOf(s.pidx, key)
}

func entryOf(m map[string]*wordEntry, key string) *wordEntry {
	e := m[key]
	if e == nil {
		e = &wordEntry{}
		m[key] = e
	}
	return e
}

type findScratch struct {
	word, pre []*wordEntry // per word of the sentence being matched
	marks     []uint32     // base+sentence when seen is valid for that sentence
	seen      []uint16     // anchor elements seen in the marked sentence
	next      uint32
}

// anchorRef is one anchor element of a pattern.
type anchorRef struct {
	id  int32
	bit uint16
}

// Match is one match of a pattern of a Set.
type Match struct {
	// ID is the pattern's id, as returned by Add.
	ID int
	// Start and End are byte offsets into the normalised text.
	Start, End int
	// Sentence is the index of the sentence of the match.
	Sentence int
}

// NewSet returns an empty Set.
func NewSet() *Set {
	return &Set{idx: map[string]*wordEntry{}, pidx: map[string]*wordEntry{}, joined: map[string][]int32{},
		pre2: new([1 << 16]bool)}
}

// Len returns the number of patterns in s.
func (s *Set) Len() int { return len(s.pats) }

// Pattern returns the pattern with the given id.
func (s *Set) Pattern(id int) *Pattern { return s.pats[id] }

// Add adds p and returns its id (ids count from 0 in the order added).
func (s *Set) Add(p *Pattern) int {
	id := int32(len(s.pats))
	s.pats = append(s.pats, p)
	e0 := &p.elems[0]
	for _, a := range e0.alts {
		key := a.words[0]
		if p.exact {
			key = fold(key)
		}
		if a.prefix && len(a.words) == 1 {
			addFirst(s.prefixEntry(key[:3]), firstRef{id: id})
			continue
		}
		ref := firstRef{id: id}
		if !p.exact && len(a.words) == 1 {
			// the index lookup itself matched element 0: matching goes on from
			// element 1, and falls back to the full match only when another
			// alternative of element 0 could also start at this word
			ref.skip = true
			for _, b := range e0.alts {
				if len(b.words) > 1 && b.words[0] == key || len(b.words) == 1 && b.prefix && strings.HasPrefix(key, b.words[0]) {
					ref.fallback = true
				}
			}
		}
		addFirst(entryOf(s.idx, key), ref)
	}
	if j, ok := p.joined(); ok && !p.exact && len(p.elems) > 1 {
		s.joined[j] = append(s.joined[j], id)
	}
	var req uint16
	for _, k := range p.requiredElems() {
		bit := uint16(1) << k
		req |= bit
		for _, a := range p.elems[k].alts {
			ri := rarestIndex(a.words)
			key := fold(a.words[ri])
			ref := anchorRef{id, bit}
			if a.prefix && ri == len(a.words)-1 {
				e := s.prefixEntry(key[:3])
				e.anchors = append(e.anchors, ref)
			} else {
				e := entryOf(s.idx, key)
				e.anchors = append(e.anchors, ref)
			}
		}
	}
	s.required = append(s.required, req)
	return int(id)
}

// Find appends to dst every match in v, in order of start, and returns it.
// A pattern matching at several starts is reported at each.
func (s *Set) Find(v *View, dst []Match) []Match {
	// Sentence by sentence: mark the anchored patterns whose anchor occurs in
	// the sentence, then try patterns at each word (no pattern crosses a
	// sentence end, so an anchor elsewhere cannot help).
	sc, _ := s.pool.Get().(*findScratch)
	if sc == nil || len(sc.marks) != len(s.pats) {
		sc = &findScratch{marks: make([]uint32, len(s.pats)), seen: make([]uint16, len(s.pats))}
	}
	defer s.pool.Put(sc)
	// marks[id] == base+sentence when pattern id's anchor was seen in that
	// sentence; a fresh base per call spares clearing the slice.
	nSent := uint32(len(v.Doc.Sentences) + len(v.Words) + 1)
	if sc.next > ^uint32(0)-nSent {
		clear(sc.marks)
		sc.next = 0
	}
	base := sc.next + 1
	sc.next += nSent
	marks, seen := sc.marks, sc.seen
	see := func(refs []anchorRef, mark uint32) {
		for _, r := range refs {
			if marks[r.id] != mark {
				marks[r.id], seen[r.id] = mark, 0
			}
			seen[r.id] |= r.bit
		}
	}
	possible := func(id int32, mark uint32) bool {
		req := s.required[id]
		return req == 0 || marks[id] == mark && seen[id] == req
	}
	for from := 0; from < len(v.Words); {
		sent := v.Words[from].Sentence
		to := from
		for to < len(v.Words) && v.Words[to].Sentence == sent {
			to++
		}
		mark := base + uint32(sent)
		sc.word, sc.pre = sc.word[:0], sc.pre[:0]
		for i := from; i < to; i++ {
			w := v.Words[i].Fold
			e := s.idx[w]
			var pe *wordEntry
			if len(w) >= 3 && s.pre2[uint16(w[0])<<8|uint16(w[1])] {
				pe = s.pidx[w[:3]]
			}
			sc.word = append(sc.word, e)
			sc.pre = append(sc.pre, pe)
			if e != nil {
				see(e.anchors, mark)
			}
			if pe != nil {
				see(pe.anchors, mark)
			}
		}
		for i := from; i < to; i++ {
			for _, e := range [2]*wordEntry{sc.word[i-from], sc.pre[i-from]} {
				if e == nil {
					continue
				}
				for _, r := range e.first {
					if possible(r.id, mark) {
						dst = s.try(v, i, r, dst)
					}
				}
			}
		}
		from = to
	}
	for _, t := range v.Tags {
		body := t.Fold
		ids := s.joined[body]
		if len(ids) == 0 && len(body) > 3 && body[len(body)-1] == 's' {
			ids = s.joined[body[:len(body)-1]]
		}
		for _, id := range ids {
			if !found(dst, int(id), t.Start, t.End) {
				dst = append(dst, Match{ID: int(id), Start: t.Start, End: t.End, Sentence: t.Sentence})
			}
		}
	}
	return dst
}

func (s *Set) try(v *View, i int, r firstRef, dst []Match) []Match {
	p := s.pats[r.id]
	end := -1
	if r.skip {
		end = p.match(v, i+1, 1, v.Words[i].Sentence, false)
	}
	if end < 0 && (!r.skip || r.fallback) {
		end = p.matchAt(v, i)
	}
	if end < 0 {
		return dst
	}
	return append(dst, Match{ID: int(r.id), Start: v.Words[i].Start, End: v.Words[end-1].End, Sentence: v.Words[i].Sentence})
}

// firstRef is a pattern whose first element can start at a word.
type firstRef struct {
	id int32
	// skip: the word is a single-word alternative of element 0, so matching
	// can go on from element 1; fallback: another alternative of element 0
	// could also start here, so a failed skip tries the full match.
	skip, fallback bool
}

// addFirst adds r to e, merging it with an earlier ref to the same pattern.
func addFirst(e *wordEntry, r firstRef) {
	for i := range e.first {
		if e.first[i].id == r.id {
			f := &e.first[i]
			if f.skip != r.skip {
				f.skip, f.fallback = true, true
			}
			f.fallback = f.fallback || r.fallback
			return
		}
	}
	e.first = append(e.first, r)
}

// found reports whether dst holds a match of pattern id inside [start, end).
func found(dst []Match, id, start, end int) bool {
	for _, m := range dst {
		if m.ID == id && m.Start >= start && m.End <= end {
			return true
		}
	}
	return false
}
