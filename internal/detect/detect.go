// Package detect finds identifiers and quasi-identifiers in an analysed post.
// Each detector family lives in its own file; Detect runs them all and
// resolves their overlapping candidates into one list of entities.
package detect

import (
	"cmp"
	"slices"
	"sync"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Candidate is a possible entity, in byte offsets of the normalised text.
type Candidate struct {
	Start, End int
	Type       result.Type
	Confidence float64
	// Reason says in a few words which rule or context decided.
	Reason string
}

// Detector is one family of detectors (numbers, dates, names…).
// Detect appends its candidates to out and returns it. A Detector must be
// safe for concurrent use and must not keep doc.
type Detector interface {
	Name() string
	Detect(doc *text.Doc, out []Candidate) []Candidate
}

// Options tune the detectors.
type Options struct {
	// MinConfidence drops candidates below it (default 0.5).
	MinConfidence float64
}

// Engine runs every detector and resolves overlaps.
type Engine struct {
	families []family
	min      float64
}

// post is a post as the engine hands it to the families: its Doc, and what
// more than one family reads, worked out once on first use.
type post struct {
	doc  *text.Doc
	pass *tokPass  // the shared token pass, filled by marks
	memo *wordMemo // the words met last, shared by the names and places families
	made bool      // pass is filled for doc
	// frame holds the post frame bits of the post's words (postFrameBits), with
	// pfKnown, once the places family has seen them; postRoles reads it
	frame uint8
}

// newPost returns the post of doc with a pass of its own and no word memo (for a
// family's Detect called alone; the engine reuses one pass per worker, and the families
// that read the memo take one from wordMemoPool when a post has none).
func newPost(doc *text.Doc) *post { return &post{doc: doc, pass: new(tokPass)} }

// marks returns the post's shared token pass, which the first family that
// asks for it makes (see tokPass).
func (p *post) marks() *tokPass {
	if !p.made {
		p.pass.fill(p.doc)
		p.made = true
	}
	return p.pass
}

// family is a detector family as the engine runs it: detect reads the post
// and what the families share of it. A family that shares nothing runs
// through docOnly.
type family interface {
	Detector
	detect(p *post, out []Candidate) []Candidate
}

// batchFamily is a family that checks a batch of posts itself: it takes its
// scratch from its pool once for the batch rather than once per post (a
// pool's Get and Put cost a short post a hundred or more instructions per
// family).
type batchFamily interface {
	family
	// detectBatch appends the candidates of each post to its entry of cands.
	detectBatch(posts []post, cands [][]Candidate)
}

// docOnly runs a Detector that reads the Doc only as a family.
type docOnly struct{ Detector }

func (d docOnly) detect(p *post, out []Candidate) []Candidate { return d.Detect(p.doc, out) }

// New builds the engine with every detector family.
func New(opts Options) *Engine {
	if opts.MinConfidence == 0 {
		opts.MinConfidence = 0.5
	}
	var ds []Detector
	ds = append(ds, identifierDetectors()...)
	ds = append(ds, dateTimeDetectors()...)
	ds = append(ds, placeDetectors()...)
	ds = append(ds, nameDetectors()...)
	ds = append(ds, properDetectors()...)
	ds = append(ds, taggerDetectors()...)
	fs := make([]family, len(ds))
	for i, d := range ds {
		if f, ok := d.(family); ok {
			fs[i] = f
		} else {
			fs[i] = docOnly{d}
		}
	}
	return &Engine{families: fs, min: opts.MinConfidence}
}

// Detectors returns the names of the detector families, in run order.
func (e *Engine) Detectors() []string {
	names := make([]string, len(e.families))
	for i, d := range e.families {
		names[i] = d.Name()
	}
	return names
}

// Detect returns the entities of doc in original-text offsets, sorted by start.
func (e *Engine) Detect(doc *text.Doc) []result.Entity {
	sc := scratchPool.Get().(*resolveScratch)
	cands := sc.cands[:0]
	memo := wordMemoPool.Get().(*wordMemo)
	// the post lives in the pooled scratch, so that handing it to the
	// families through an interface costs no allocation
	sc.post = post{doc: doc, pass: &sc.pass, memo: memo}
	for _, f := range e.families {
		cands = f.detect(&sc.post, cands)
	}
	frame := sc.post.frame
	sc.post = post{} // keep no Doc in the pool
	wordMemoPool.Put(memo)
	sc.cands = cands
	kept := resolve(cands, e.min, sc)
	postRoles(doc, kept, frame)
	out := entitiesOf(doc, kept)
	// no defer: a detector that panics only costs the pool this scratch
	if hugeBuffers(sc.cands, &sc.pass) {
		*sc = resolveScratch{}
	}
	scratchPool.Put(sc)
	return out
}

// DetectBatch returns the entities of each doc, as Detect would, in the
// order of docs. It runs each family over every doc before the next family
// starts, so that a family's code and tables stay in the core's caches from
// one post to the next: on a stream of short posts the families together
// touch more code than a core's instruction cache holds, and running them
// post by post evicts each family's code before its next post.
func (e *Engine) DetectBatch(docs []*text.Doc) [][]result.Entity {
	outs := make([][]result.Entity, len(docs))
	if len(docs) == 0 {
		return outs
	}
	bs := batchPool.Get().(*batchScratch)
	if len(bs.posts) < len(docs) { // a larger batch than before: fresh buffers
		bs.posts, bs.passes, bs.cands = make([]post, len(docs)), make([]tokPass, len(docs)), make([][]Candidate, len(docs))
		bs.ends = make([]int, len(docs))
	}
	posts, passes, cands := bs.posts[:len(docs)], bs.passes[:len(docs)], bs.cands[:len(docs)]
	memo := wordMemoPool.Get().(*wordMemo)
	for i, doc := range docs {
		posts[i] = post{doc: doc, pass: &passes[i], memo: memo}
		cands[i] = cands[i][:0]
	}
	for _, f := range e.families {
		if bf, ok := f.(batchFamily); ok {
			bf.detectBatch(posts, cands)
			continue
		}
		for i := range posts {
			cands[i] = f.detect(&posts[i], cands[i])
		}
	}
	// The kept candidates of every post, their names' post-level roles given (postRoles),
	// then the entities of all the posts in one allocation (each post's slice capped at
	// its own end, so that appending to one never writes into the next): one allocation
	// per batch instead of one per post.
	kept := bs.kept[:0]
	for i, doc := range docs {
		k := resolve(cands[i], e.min, &bs.resolve)
		postRoles(doc, k, posts[i].frame)
		kept = append(kept, k...)
		bs.ends[i] = len(kept)
		posts[i] = post{} // keep no Doc in the pool
		if hugeBuffers(cands[i], &passes[i]) {
			cands[i], passes[i] = nil, tokPass{}
		}
	}
	var all []result.Entity
	if len(kept) > 0 {
		all = make([]result.Entity, 0, len(kept))
	}
	lo := 0
	for i, doc := range docs {
		outs[i], all = appendEntities(all, doc, kept[lo:bs.ends[i]])
		lo = bs.ends[i]
	}
	bs.kept = kept[:0]
	if cap(bs.kept) > 1<<12 {
		bs.kept = nil
	}
	wordMemoPool.Put(memo)
	if cap(bs.resolve.keep) > 1<<12 || cap(bs.resolve.out) > 1<<12 {
		bs.resolve = resolveScratch{}
	}
	if len(bs.posts) > maxPooledBatch {
		*bs = batchScratch{}
	}
	batchPool.Put(bs)
	return outs
}

// hugeBuffers reports candidates and a token pass grown for a huge text,
// which go back to a pool empty rather than keep their memory.
func hugeBuffers(cands []Candidate, pass *tokPass) bool {
	return cap(cands) > 1<<12 || cap(pass.a) > 1<<16
}

// maxPooledBatch is the largest batch whose buffers go back to batchPool.
const maxPooledBatch = 1024

// batchScratch holds the buffers of one DetectBatch, by post, reused
// through batchPool.
type batchScratch struct {
	posts   []post
	passes  []tokPass
	cands   [][]Candidate
	resolve resolveScratch // resolve's buffers, used for one post at a time
	kept    []Candidate    // the kept candidates of every post, in order
	ends    []int          // ends[i]: where the kept candidates of post i end in kept
}

var batchPool = sync.Pool{New: func() any { return new(batchScratch) }}

// entitiesOf turns the kept candidates of doc into entities in
// original-text offsets: nil when there are none (no allocation).
func entitiesOf(doc *text.Doc, kept []Candidate) []result.Entity {
	var out []result.Entity
	if len(kept) > 0 {
		out = make([]result.Entity, 0, len(kept))
	}
	ents, _ := appendEntities(out, doc, kept)
	return ents
}

// appendEntities appends the entities of the kept candidates of doc (see entitiesOf) to
// all, which has room for them, and returns them, as a slice capped at its own length
// (nil when there are none), and all.
func appendEntities(all []result.Entity, doc *text.Doc, kept []Candidate) (ents, grown []result.Entity) {
	lo := len(all)
	for _, c := range kept {
		s, en := doc.OrigSpan(c.Start, c.End)
		if en <= s {
			continue
		}
		all = append(all, result.Entity{
			Start: s, End: en, Text: doc.Orig[s:en], Type: c.Type,
			Confidence: round2(c.Confidence), Reason: c.Reason,
		})
	}
	if len(all) == lo {
		return nil, all
	}
	return all[lo:len(all):len(all)], all
}

// Resolve drops candidates under min and settles overlaps: the more confident
// candidate wins, then the longer one; the result is sorted by start.
func Resolve(cands []Candidate, min float64) []Candidate {
	return slices.Clone(resolve(cands, min, new(resolveScratch)))
}

// resolveScratch holds the buffers of one detection, reused through
// scratchPool so that a post's candidates cost no allocation.
type resolveScratch struct {
	cands, keep, out []Candidate
	post             post       // the post in work (Detect)
	pass             tokPass    // the shared token pass of the post in work
	small            [64]uint64 // resolve's bitmap of taken bytes, for posts up to 4 KiB
}

var scratchPool = sync.Pool{New: func() any { return new(resolveScratch) }}

// resolve is Resolve with the buffers of sc; the result is valid until sc
// is used again.
func resolve(cands []Candidate, min float64, sc *resolveScratch) []Candidate {
	keep := sc.keep[:0]
	for _, c := range cands {
		if c.Confidence >= min && c.End > c.Start {
			keep = append(keep, c)
		}
	}
	if len(keep) <= 1 {
		// nothing to order or settle (most posts have no candidate or one)
		sc.keep = keep
		return keep
	}
	slices.SortStableFunc(keep, func(a, b Candidate) int {
		if a.Confidence != b.Confidence {
			return cmp.Compare(b.Confidence, a.Confidence)
		}
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.Start, b.Start)
	})
	out := sc.out[:0]
	if len(keep) <= resolveFew {
		// A few candidates: a span is free when it overlaps no span kept
		// so far, which is what the bitmap below tells, without the bitmap.
		for _, c := range keep {
			free := true
			for _, o := range out {
				if c.Start < o.End && o.Start < c.End {
					free = false
					break
				}
			}
			if free {
				out = append(out, c)
			}
		}
		return sc.finish(out, keep)
	}
	// A bitmap of the bytes already taken: a span is checked and marked in
	// time proportional to its length, so resolving stays linear in the text.
	maxEnd := 0
	for _, c := range keep {
		maxEnd = max(maxEnd, c.End)
	}
	var taken []uint64
	if words := maxEnd/64 + 1; words <= len(sc.small) {
		// posts up to 4 KiB need no allocation, and clear only the words
		// their candidates reach
		taken = sc.small[:words]
		clear(taken)
	} else {
		taken = make([]uint64, words)
	}
	for _, c := range keep {
		free := true
		for b := c.Start; b < c.End; b++ {
			if taken[b>>6]&(1<<(b&63)) != 0 {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for b := c.Start; b < c.End; b++ {
			taken[b>>6] |= 1 << (b & 63)
		}
		out = append(out, c)
	}
	return sc.finish(out, keep)
}

// resolveFew is the most candidates resolve settles by comparing spans pair
// by pair (quadratic, but cheaper than the bitmap for a handful).
const resolveFew = 16

// finish sorts the kept candidates out by start (kept spans do not overlap,
// so starts differ and the order is total) and keeps the buffers in sc.
func (sc *resolveScratch) finish(out, keep []Candidate) []Candidate {
	slices.SortFunc(out, func(a, b Candidate) int { return cmp.Compare(a.Start, b.Start) })
	sc.out, sc.keep = out, keep[:0]
	return out
}

func round2(f float64) float64 {
	if f > 1 {
		f = 1
	}
	return float64(int(f*100+0.5)) / 100
}
