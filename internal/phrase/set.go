package phrase

import (
	"slices"
	"sync"
)

// Set holds many patterns indexed by their first word, so that one pass over
// a post finds every match of every pattern.
type Set struct {
	pats   []*Pattern
	first  map[string][]int32
	prefix map[string][]int32 // first 3 bytes of a prefix first word
	joined map[string][]int32
	// anchored[id] is true when pattern id has an anchor (see anchor.go);
	// anchor and anchorPrefix index the anchors' words.
	anchored     []bool
	anchor       map[string][]int32
	anchorPrefix map[string][]int32
	pool         sync.Pool // *findScratch
}

type findScratch struct {
	marks []uint32
	next  uint32
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
	return &Set{first: map[string][]int32{}, prefix: map[string][]int32{}, joined: map[string][]int32{},
		anchor: map[string][]int32{}, anchorPrefix: map[string][]int32{}}
}

// Len returns the number of patterns in s.
func (s *Set) Len() int { return len(s.pats) }

// Pattern returns the pattern with the given id.
func (s *Set) Pattern(id int) *Pattern { return s.pats[id] }

// Add adds p and returns its id (ids count from 0 in the order added).
func (s *Set) Add(p *Pattern) int {
	id := int32(len(s.pats))
	s.pats = append(s.pats, p)
	for _, a := range p.elems[0].alts {
		key := a.words[0]
		if p.exact {
			key = fold(key)
		}
		if a.prefix && len(a.words) == 1 {
			k := key[:3]
			s.prefix[k] = append(s.prefix[k], id)
		} else if !slices.Contains(s.first[key], id) {
			s.first[key] = append(s.first[key], id)
		}
	}
	if j, ok := p.joined(); ok && !p.exact && len(p.elems) > 1 {
		s.joined[j] = append(s.joined[j], id)
	}
	ai := p.chooseAnchor()
	s.anchored = append(s.anchored, ai >= 0)
	if ai >= 0 {
		for _, a := range p.elems[ai].alts {
			for k, w := range a.words {
				key := fold(w)
				if a.prefix && k == len(a.words)-1 {
					s.anchorPrefix[key[:min(3, len(key))]] = append(s.anchorPrefix[key[:min(3, len(key))]], id)
				} else {
					s.anchor[key] = append(s.anchor[key], id)
				}
			}
		}
	}
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
		sc = &findScratch{marks: make([]uint32, len(s.pats))}
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
	possible := sc.marks
	for from := 0; from < len(v.Words); {
		sent := v.Words[from].Sentence
		to := from
		for to < len(v.Words) && v.Words[to].Sentence == sent {
			to++
		}
		mark := base + uint32(sent)
		for i := from; i < to; i++ {
			w := v.Words[i].Fold
			for _, id := range s.anchor[w] {
				possible[id] = mark
			}
			if len(w) >= 3 && len(s.anchorPrefix) > 0 {
				for _, id := range s.anchorPrefix[w[:3]] {
					possible[id] = mark
				}
			}
		}
		for i := from; i < to; i++ {
			w := &v.Words[i]
			for _, id := range s.first[w.Fold] {
				if possible[id] == mark || !s.anchored[id] {
					dst = s.try(v, i, id, dst)
				}
			}
			if len(w.Fold) >= 3 && len(s.prefix) > 0 {
				for _, id := range s.prefix[w.Fold[:3]] {
					if possible[id] == mark || !s.anchored[id] {
						dst = s.try(v, i, id, dst)
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

func (s *Set) try(v *View, i int, id int32, dst []Match) []Match {
	end := s.pats[id].matchAt(v, i)
	if end < 0 {
		return dst
	}
	return append(dst, Match{ID: int(id), Start: v.Words[i].Start, End: v.Words[end-1].End, Sentence: v.Words[i].Sentence})
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
