package phrase

import (
	"strings"
	"sync"
)

// Set holds many patterns indexed by their first word, so that one pass over
// a post finds every match of every pattern.
type Set struct {
	pats  []*Pattern
	cpats []cpat // pats compiled against the vocabulary (see match.go)
	// words indexes whole words, prefixes the first 3 bytes of words (for
	// patterns whose first or anchor word is a prefix, "gomer*").
	words, prefixes *wordTable
	// pre3 marks the prefixes' keys by a hash of their 3 bytes (see
	// pre3Bit), to skip most lookups there.
	pre3   *[1 << 10]uint64
	joined map[string][]int32
	// cands are the alternatives of the first element that firstRefs try
	// (see firstRef.cand).
	cands [][]int32
	// exact holds the ids of the words of exact patterns, as written; the
	// ids of folded words are in the entries of words.
	exact  map[string]int32
	nextID int32
	// nPre is the number of prefix entries (see wordEntry.pid).
	nPre int32
	// lazy[id], when not nil, are the anchor words of pattern id, which
	// Find checks only when it is about to try the pattern (see anchored),
	// rather than marking them at every occurrence: patterns with few
	// anchor words that no big entry refers to.
	lazy [][]anchorKey
	// lazyKeys is maxLazyKeys (tests set 0 to mark every anchor eagerly).
	lazyKeys int
	// slots[id] are the bits (chunk<<6 | bit) of pattern id's anchored refs
	// in the masks of big entries, nChunks the number of masks (see
	// bigMasks).
	slots   [][]uint32
	nChunks int32
	pool    sync.Pool // *findScratch
	// byID[id] is the entry of the folded word of that id (nil for the
	// ids of exact words), for Add to reach the entries of a pattern
	// compiled (not exact) without looking its words up again.
	byID []*wordEntry
	// the blocks that entries, refs and compiled patterns are cut from
	// (see block)
	ents    block[wordEntry]
	firsts  block[firstRef]
	anchors block[anchorRef]
	keys    block[anchorKey]
	cands32 block[int32] // cands and the ids of compiled alternatives
	celems  block[celem]
	calts   block[calt]
}

// block hands out small slices cut from larger arrays, so that adding
// thousands of patterns costs a few large allocations rather than many
// small ones (a slice keeps its whole array alive, as the Set does anyway).
type block[T any] struct{ buf []T }

// blockSize is the number of values of a new array of a block.
const blockSize = 512

// cut returns n zero values, with room for no more.
func (b *block[T]) cut(n int) []T {
	b.room(n)
	k := len(b.buf)
	b.buf = b.buf[:k+n]
	return b.buf[k : k+n : k+n]
}

// room makes room for n more values in b's array.
func (b *block[T]) room(n int) {
	if cap(b.buf)-len(b.buf) < n {
		b.buf = make([]T, 0, max(n, blockSize))
	}
}

// wordEntry is what one word (or 3-byte prefix) indexes: the patterns that
// start with it and the anchor elements it satisfies.
type wordEntry struct {
	id    int32 // the word's vocabulary id (entries of words only)
	pid   int32 // the prefix's index (entries of prefixes only, see Set.nPre)
	first []firstRef
	// anchors are the anchor elements the word satisfies, of patterns not
	// in lazy (see Set.lazy).
	anchors []anchorRef
	// big is set for an entry of bigFirsts refs or more.
	big *bigMasks
}

// bigMasks let Find go through the refs of a big entry (a common word such
// as "the" or "my") whose pattern has no anchor or is complete in the
// sentence, by bits, instead of testing every ref. chunks are the indexes
// of the masks of its refs in findScratch.cmask (one per 64 refs), free (by
// chunk) the bits of its refs to patterns without anchors.
type bigMasks struct {
	chunks []int32
	free   []uint64
}

// prefixEntry returns the entry for a 3-byte prefix, creating it.
func (s *Set) prefixEntry(key string) *wordEntry {
	b := pre3Bit(key)
	s.pre3[b>>6] |= 1 << (b & 63)
	e := s.prefixes.get(key)
	if e == nil {
		e = s.newEntry()
		e.id, e.pid = noWord, s.nPre
		s.nPre++
		s.prefixes.add(key, e)
	}
	return e
}

// pre3Bit hashes the first 3 bytes of w (at least 3 long) to a bit of
// Set.pre3: a filter on all 3 bytes rules out more words than one on 2
// ("pat" and "pas" differ there), for a multiplication.
func pre3Bit(w string) uint32 { return key3(w) * 2654435761 >> 16 }

// mayPrefix reports whether the first 3 bytes of w (at least 3 long) may
// be a prefix's key (false: they are not).
func (s *Set) mayPrefix(w string) bool {
	b := pre3Bit(w)
	return s.pre3[b>>6]&(1<<(b&63)) != 0
}

// wordEntry returns the entry for a folded word, creating it with a new id.
func (s *Set) wordEntry(w string) *wordEntry {
	e := s.words.get(w)
	if e == nil {
		e = s.newEntry()
		e.id = s.nextID
		s.nextID++
		s.words.add(w, e)
		s.byID = append(s.byID, e)
	}
	return e
}

// newEntry returns a new, empty entry.
func (s *Set) newEntry() *wordEntry { return &s.ents.cut(1)[0] }

type findScratch struct {
	ents      []wordEntries // per word of the view
	ids, xids []int32       // per word of the view (see finder)
	anchors   []anchorState // by pattern
	// complete has bit id set when every anchor of pattern id occurs in
	// the sentence being matched.
	complete []uint64
	// cmask (by chunk) has the bits of refs of big entries whose pattern
	// is complete in the sentence (see bigMasks); there are few
	// chunks, so it is cleared for each sentence.
	cmask []uint64
	// seenW[id] (by word id) and seenP[pid] (by prefix) are mark when the
	// word or prefix occurs in the sentence being matched (see Set.lazy).
	seenW, seenP []uint32
	mark         uint32
	next         uint32
}

// wordEntries are the entries of a word and of its first 3 bytes (nil when
// the Set has none).
type wordEntries struct{ word, pre *wordEntry }

// anchorState records the anchor elements of a pattern seen in a sentence:
// seen is valid while mark is base+sentence (see Find).
type anchorState struct {
	mark uint32
	seen uint16
}

// maxLazyKeys is the most anchor words a pattern may have to be checked
// lazily: checking many costs more than marking them where they occur.
const maxLazyKeys = 12

// anchorKey is one anchor word of a pattern: the entry of the word (key its
// id) or of its 3-byte prefix (key ^pid), and the bit of its element.
type anchorKey struct {
	e   *wordEntry
	key int32
	bit uint16
}

// markEager has Find mark the anchors of pattern id (of elements req) where
// they occur: in the entries of keys.
func (s *Set) markEager(id int32, req uint16, keys []anchorKey) {
	for _, a := range keys {
		if a.e.anchors == nil {
			a.e.anchors = s.anchors.cut(1)[:0]
		}
		a.e.anchors = append(a.e.anchors, anchorRef{id: id, bit: a.bit, req: req})
	}
	s.lazy[id] = nil
}

// anchored reports whether pattern id may be tried in the sentence being
// matched: every anchor element of it (of bits req) has a word there, by
// the lazy keys or, for other patterns, by the marks of Find.
func (s *Set) anchored(sc *findScratch, id int32, req uint16) bool {
	keys := s.lazy[id]
	if keys == nil {
		return sc.complete[id>>6]&(1<<(id&63)) != 0
	}
	var seen uint16
	for _, a := range keys {
		if a.key >= 0 && sc.seenW[a.key] == sc.mark || a.key < 0 && sc.seenP[^a.key] == sc.mark {
			seen |= a.bit
		}
	}
	return seen == req
}

// anchorRef is one anchor element of a pattern.
type anchorRef struct {
	id  int32
	req uint16 // the pattern's anchor elements
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
func NewSet() *Set { return NewSetSized(0, 0) }

// NewSetSized returns an empty Set whose word index has room for about
// words distinct words and its tables for about patterns patterns, so that a
// large vocabulary (the packs' several thousand words) is indexed without
// rehashing or copying on the way: part of the cold start.
func NewSetSized(words, patterns int) *Set {
	return &Set{words: newWordTable(words), prefixes: newWordTable(0), joined: map[string][]int32{},
		pre3: new([1 << 10]uint64), exact: map[string]int32{}, lazyKeys: maxLazyKeys,
		byID: make([]*wordEntry, 0, words), pats: make([]*Pattern, 0, patterns), cpats: make([]cpat, 0, patterns),
		slots: make([][]uint32, 0, patterns), lazy: make([][]anchorKey, 0, patterns),
		// about two first words per pattern get their candidates
		cands: make([][]int32, 0, 2*patterns)}
}

// Len returns the number of patterns in s.
func (s *Set) Len() int { return len(s.pats) }

// Pattern returns the pattern with the given id.
func (s *Set) Pattern(id int) *Pattern { return s.pats[id] }

// Add adds p and returns its id (ids count from 0 in the order added).
func (s *Set) Add(p *Pattern) int {
	id := int32(len(s.pats))
	s.pats = append(s.pats, p)
	s.slots = append(s.slots, nil)
	s.lazy = append(s.lazy, nil)
	s.cpats = append(s.cpats, s.compile(p))
	// req has bit k set for each anchor element k (see anchor.go)
	var req uint16
	var anchorBuf [maxElems]int
	anchors := p.findAnchors(anchorBuf[:0])
	for _, k := range anchors {
		req |= uint16(1) << k
	}
	e0 := &p.elems[0]
	ce0 := &s.cpats[id].elems[0]
	for ai, a := range e0.alts {
		key := a.words[0]
		if p.exact {
			key = fold(key)
		}
		if a.prefix && len(a.words) == 1 {
			s.addFirst(s.prefixEntry(key[:3]), firstRef{id: id, req: req, cand: -1, next: anyWord})
			continue
		}
		ref := firstRef{id: id, req: req, cand: -1, next: anyWord}
		if !p.exact && len(a.words) == 1 {
			// the index lookup itself matched element 0: matching goes on from
			// element 1, and falls back to the full match only when another
			// alternative of element 0 could also start at this word
			ref.skip = true
			for _, b := range e0.alts {
				if len(b.words) > 1 && b.words[0] == key || len(b.words) == 1 && b.prefix && strings.HasPrefix(key, b.words[0]) {
					ref.fallback = true
					break
				}
			}
			ref.whole = len(p.elems) == 1 && !ref.fallback
		}
		if p.exact {
			s.addFirst(s.wordEntry(key), ref)
		} else { // compile gave the word its id
			s.addFirst(s.byID[ce0.alts[ai].ids[0]], ref)
		}
	}
	if !p.exact {
		s.narrowFirsts(id, p)
	}
	if !p.exact && len(p.elems) > 1 {
		if j, ok := p.joined(); ok {
			s.joined[j] = append(s.joined[j], id)
		}
	}
	n := 0
	for _, k := range anchors {
		n += len(p.elems[k].alts)
	}
	var keys []anchorKey
	if n > 0 {
		keys = s.keys.cut(n)[:0]
	}
	for _, k := range anchors {
		bit := uint16(1) << k
		for ai, a := range p.elems[k].alts {
			ri := int(a.rare)
			key := fold(a.words[ri])
			if a.prefix && ri == len(a.words)-1 {
				e := s.prefixEntry(key[:3])
				keys = append(keys, anchorKey{e: e, key: ^e.pid, bit: bit})
			} else {
				var e *wordEntry
				if p.exact {
					e = s.wordEntry(key)
				} else { // compile gave the (folded) word its id
					e = s.byID[s.cpats[id].elems[k].alts[ai].ids[ri]]
				}
				keys = append(keys, anchorKey{e: e, key: e.id, bit: bit})
			}
		}
	}
	if len(keys) <= s.lazyKeys && len(s.slots[id]) == 0 {
		s.lazy[id] = keys
	} else {
		s.markEager(id, req, keys)
	}
	return int(id)
}

// narrowFirsts lets Find try pattern id (not exact) less often and more
// cheaply at the words that index it: a prefix entry gets the bytes a word
// needs after its first 3, a word entry the alternatives of element 0 to try
// and a filter on the word after it.
func (s *Set) narrowFirsts(id int32, p *Pattern) {
	e0 := &p.elems[0]
	// a prefix that alone can start the pattern at words of its first 3
	// bytes: those words must also have its next bytes
	for _, a := range e0.alts {
		if !a.prefix || len(a.words) != 1 {
			continue
		}
		k3 := a.words[0][:3]
		n := 0 // the alternatives that could start at a word of these 3 bytes
		for _, b := range e0.alts {
			if strings.HasPrefix(b.words[0], k3) {
				n++
			}
		}
		if n == 1 {
			e := s.prefixes.get(k3)
			r := &e.first[len(e.first)-1] // id's, as Add just added it
			r.lead, r.leadLen = leadOf(a.words[0])
		}
	}
	// the alternatives of element 0 that can start at each indexed word;
	// Add has just put id's ref last in the entries of its first words
	cp := &s.cpats[id]
	for ai, a := range e0.alts {
		if a.prefix && len(a.words) == 1 {
			continue
		}
		e := s.byID[cp.elems[0].alts[ai].ids[0]] // compile gave the word its id
		if r := &e.first[len(e.first)-1]; r.cand < 0 {
			b := &s.cands32
			b.room(len(e0.alts))
			// an earlier alternative of this first word would have set r.cand
			c := cp.candidates(b.buf[len(b.buf):len(b.buf):cap(b.buf)], e.id, a.words[0], ai)
			b.buf = b.buf[:len(b.buf)+len(c)]
			r.cand = int32(len(s.cands))
			s.cands = append(s.cands, c)
			r.next = cp.nextWords(r.skip, !r.skip || r.fallback, c)
		}
	}
}

// Find appends to dst every match in v, in order of start, and returns it.
// A pattern matching at several starts is reported at each.
func (s *Set) Find(v *View, dst []Match) []Match {
	// Sentence by sentence: mark the anchored patterns whose anchor occurs in
	// the sentence, then try patterns at each word (no pattern crosses a
	// sentence end, so an anchor elsewhere cannot help).
	sc, _ := s.pool.Get().(*findScratch)
	if sc == nil || len(sc.anchors) != len(s.pats) || len(sc.cmask) != int(s.nChunks) ||
		len(sc.seenW) != int(s.nextID) || len(sc.seenP) != int(s.nPre) {
		sc = &findScratch{anchors: make([]anchorState, len(s.pats)), complete: make([]uint64, (len(s.pats)+63)/64),
			cmask: make([]uint64, s.nChunks), seenW: make([]uint32, s.nextID), seenP: make([]uint32, s.nPre)}
	}
	// anchors[id].mark == base+sentence when pattern id's anchor was seen in
	// that sentence; a fresh base per call spares clearing the slice.
	nSent := uint32(len(v.Doc.Sentences) + len(v.Words) + 1)
	if sc.next > ^uint32(0)-nSent {
		clear(sc.anchors)
		clear(sc.seenW)
		clear(sc.seenP)
		sc.next = 0
	}
	base := sc.next + 1
	sc.next += nSent
	states := sc.anchors
	see := func(refs []anchorRef, mark uint32) {
		for _, r := range refs {
			if r.bit == r.req { // the pattern's only anchor
				s.complete(sc, r.id)
				continue
			}
			st := &states[r.id]
			if st.mark != mark {
				st.mark, st.seen = mark, 0
			}
			st.seen |= r.bit
			if st.seen == r.req {
				s.complete(sc, r.id)
			}
		}
	}
	// Look every word up once: its entries, and its id for matching.
	n := len(v.Words)
	if cap(sc.ids) < n {
		c := max(n, 2*cap(sc.ids))
		sc.ents, sc.ids, sc.xids = make([]wordEntries, c), make([]int32, c), make([]int32, c)
	}
	ents, ids, xids := sc.ents[:n], sc.ids[:n], sc.xids[:n]
	for i := range v.Words {
		w := v.Words[i].Fold
		e := s.words.get(w)
		var pe *wordEntry
		if len(w) >= 3 && s.mayPrefix(w) {
			pe = s.prefixes.get(w[:3])
		}
		id := int32(noWord)
		if e != nil {
			id = e.id
		}
		ents[i] = wordEntries{e, pe}
		ids[i] = id
		xids[i] = unknown
	}
	f := finder{set: s, words: v.Words, ids: ids, xids: xids}
	for from := 0; from < n; {
		sent := v.Words[from].Sentence
		to := from
		for to < n && v.Words[to].Sentence == sent {
			to++
		}
		mark := base + uint32(sent)
		sc.mark = mark
		clear(sc.complete)
		clear(sc.cmask)
		for i := from; i < to; i++ {
			if e := ents[i].word; e != nil {
				sc.seenW[e.id] = mark
				see(e.anchors, mark)
			}
			if pe := ents[i].pre; pe != nil {
				sc.seenP[pe.pid] = mark
				see(pe.anchors, mark)
			}
		}
		for i := from; i < to; i++ {
			next := int32(noWord) // the id of the next word in the sentence
			if i+1 < to {
				next = ids[i+1]
			}
			nb := wordFilter(0).with(next) // see firstRef.admits
			if next < 0 {
				nb = 0
			}
			if e := ents[i].word; e != nil {
				dst = s.tryFirsts(&f, sc, e, i, nb, dst)
			}
			if e := ents[i].pre; e != nil {
				dst = s.tryFirsts(&f, sc, e, i, nb, dst)
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
	s.pool.Put(sc) // not deferred: a defer costs more than the rest of a short post's bookkeeping
	return dst
}

// tryFirsts tries at word i the patterns that entry e (of the word or its
// prefix) starts, where their anchors all occur in the sentence and the next
// word, of filter bit nb, may continue them.
func (s *Set) tryFirsts(f *finder, sc *findScratch, e *wordEntry, i int, nb wordFilter, dst []Match) []Match {
	if e.big != nil {
		return s.tryMasked(f, sc, e, i, nb, dst)
	}
	for k := range e.first {
		r := &e.first[k]
		if !r.admits(nb) || r.leadLen > 0 && !r.leads(f.words[i].Fold) {
			continue
		}
		if r.req != 0 && !s.anchored(sc, r.id, r.req) {
			continue
		}
		if r.whole {
			dst = f.appendWord(dst, r.id, i)
			continue
		}
		dst = s.try(f, i, r, dst)
	}
	return dst
}

// appendWord appends the match of pattern id on word i alone.
func (f *finder) appendWord(dst []Match, id int32, i int) []Match {
	w := &f.words[i]
	return append(dst, Match{ID: int(id), Start: w.Start, End: w.End, Sentence: w.Sentence})
}

// admits reports whether the next word, of filter bit nb (0 for none or a
// word no pattern names), may continue a match of r: r.next.admits of
// its id, with the bit computed once for every ref of the word.
func (r *firstRef) admits(nb wordFilter) bool { return r.next == anyWord || r.next&nb != 0 }

func (s *Set) try(f *finder, i int, r *firstRef, dst []Match) []Match {
	p := &s.cpats[r.id]
	sent := f.words[i].Sentence
	end := -1
	if r.skip {
		end = f.match(p, i+1, 1, sent, false)
	}
	if end < 0 && (!r.skip || r.fallback) {
		if r.cand >= 0 {
			e0 := &p.elems[0]
			for _, ai := range s.cands[r.cand] {
				if end = f.tryAlt(p, &e0.alts[ai], i, 0, sent); end >= 0 {
					break
				}
			}
		} else {
			end = f.match(p, i, 0, sent, true)
		}
	}
	if end < 0 {
		return dst
	}
	return append(dst, Match{ID: int(r.id), Start: f.words[i].Start, End: f.words[end-1].End, Sentence: sent})
}

// firstRef is a pattern whose first element can start at a word.
type firstRef struct {
	id  int32
	req uint16 // the pattern's anchor elements (see anchorState)
	// cand indexes Set.cands: the alternatives of element 0 that can match
	// at the word, in the order a full match tries them; -1 for a prefix
	// entry or an exact pattern, which take the full match.
	cand int32
	// next admits the ids the word after this one must have for a match
	// (see nextWords).
	next wordFilter
	// lead holds the leadLen bytes a word must have after its first 3 for a
	// match (a prefix entry for a pattern that only its prefix can start).
	lead    uint32
	leadLen uint8
	// skip: the word is a single-word alternative of element 0, so matching
	// can go on from element 1; fallback: another alternative of element 0
	// could also start here, so a failed skip tries the full match.
	skip, fallback bool
	// whole: the pattern is one element and this word alone matches it (a
	// skip without fallback), so the ref matches wherever it is tried.
	whole bool
}

// leadOf returns the bytes of w after its first 3 (at most 4), packed.
func leadOf(w string) (uint32, uint8) {
	n := min(len(w)-3, 4)
	var v uint32
	for i := range n {
		v |= uint32(w[3+i]) << (8 * i)
	}
	return v, uint8(n)
}

// leads reports whether w has r's lead bytes after its first 3.
func (r *firstRef) leads(w string) bool {
	n := int(r.leadLen)
	if len(w) < 3+n {
		return false
	}
	v, _ := leadOf(w[:3+n])
	return v == r.lead
}

// addFirst adds r to e, merging it with an earlier ref to the same pattern.
func (s *Set) addFirst(e *wordEntry, r firstRef) {
	// refs are added pattern by pattern: only the last may be r's pattern's
	if n := len(e.first); n > 0 && e.first[n-1].id == r.id {
		f := &e.first[n-1]
		if f.skip != r.skip {
			f.skip, f.fallback = true, true
		}
		f.fallback = f.fallback || r.fallback
		f.whole = f.whole && r.whole && !f.fallback
		return
	}
	if e.first == nil {
		e.first = s.firsts.cut(1)[:0]
	}
	e.first = append(e.first, r)
	switch n := len(e.first); {
	case n == bigFirsts: // the entry becomes big: mask its refs so far
		for k := range e.first {
			s.maskRef(e, k)
		}
	case n > bigFirsts:
		s.maskRef(e, n-1)
	}
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
