// Package scrubs checks what healthcare staff are about to publish on social
// media for patient identifiers and professional-conduct risks.
//
// The one entry point is a Checker:
//
//	c, err := scrubs.New(scrubs.Options{Locale: "uk", Role: "nurse"})
//	res, err := c.Check(ctx, "Lovely Mrs Pickering in bed 4 turned 94 today")
//
// A Checker is safe for concurrent use; build one and share it. The engine
// makes no network calls and keeps nothing of the text it checks.
package scrubs

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/detect"
	"github.com/scrubshq/scrubs/internal/judge"
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/mosaic"
	"github.com/scrubshq/scrubs/internal/photo"
	"github.com/scrubshq/scrubs/internal/postmodel"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/text"
)

// Version is the version of scrubs, set at build time with
// -ldflags "-X github.com/scrubshq/scrubs.Version=…".
var Version = "0.1.0-dev"

// Result types, shared with the JSON output of every interface.
type (
	// Result is the outcome of checking one post.
	Result = result.Result
	// Entity is one identifier or quasi-identifier found in a post.
	Entity = result.Entity
	// EntityType names the kind of an entity.
	EntityType = result.Type
	// Risk is a breach of guidance found in a post.
	Risk = result.Risk
	// Verdict is the overall decision on a post: safe, review or block.
	Verdict = result.Verdict
)

// MaxTextBytes is the largest text Check accepts (16 MiB); a larger one is an
// input error. Archives are checked item by item, each under this limit.
const MaxTextBytes = 16 << 20

// ErrInvalidUTF8 is returned for text that is not valid UTF-8.
var ErrInvalidUTF8 = text.ErrInvalidUTF8

// ErrTooLarge is returned for text over MaxTextBytes.
var ErrTooLarge = fmt.Errorf("text is larger than %d MiB", MaxTextBytes>>20)

// Options tune a Checker. The zero value uses the embedded defaults: every
// rule pack, no organisation config.
type Options struct {
	// MinConfidence drops entities below it; 0 means the default (0.5).
	MinConfidence float64
	// Packs chooses rule packs by name ("uk-nmc"); core is always on. When
	// empty, Locale and Role choose them, and when those are empty too, every
	// pack is on.
	Packs []string
	// Locale ("uk", "us", "au") and Role ("nurse", "doctor", "student-nurse"…)
	// choose the packs of the user's own code. Locale also sets the country
	// the mosaic estimate counts from when a post names no place.
	Locale, Role string
	// Config is the path of an organisation's YAML config (own terms, allowed
	// names, own rules); empty for none.
	Config string
	// Ignore holds fingerprints of findings marked as not a problem (see
	// ReadIgnoreFile); they are left out of results and counted.
	Ignore []string
	// EntitiesOnly runs the identifier engine without the rule packs: the
	// result has entities and no risks (verdict safe). For measuring what
	// judgement costs, and for callers that only want identifiers.
	EntitiesOnly bool
	// NoPostModel judges by the rule packs alone: the post model's second
	// opinion on posts no rule flagged (rule MODEL-001, internal/postmodel)
	// is left out.
	NoPostModel bool
}

// Checker checks posts. It is safe for concurrent use.
type Checker struct {
	engine       *detect.Engine
	judge        *judge.Judge
	entitiesOnly bool
	ignore       map[string]bool // fingerprints marked "not a problem" (for picture risks; the judge has its own)
}

// The embedded rule packs and mosaic tables, read once per process: the
// packs by embeddedLib, the tables by embeddedEst, started side by side (with
// the word lists) by the first call of either, so that New compiles the
// packs while the tables are still being read.
var (
	loadOnce  sync.Once
	libLoaded = make(chan struct{})
	estLoaded = make(chan struct{})
	loadedLib *rules.Library
	loadedEst *mosaic.Estimator
	libErr    error
	estErr    error
)

func startLoading() {
	loadOnce.Do(func() {
		go lexicon.Load()
		go func() {
			loadedEst, estErr = mosaic.New()
			close(estLoaded)
		}()
		go func() {
			loadedLib, libErr = rules.Embedded()
			close(libLoaded)
		}()
	})
}

// embeddedLib returns the embedded rule packs.
func embeddedLib() (*rules.Library, error) {
	startLoading()
	<-libLoaded
	return loadedLib, libErr
}

// embeddedEst returns the embedded mosaic tables, compiled.
func embeddedEst() (*mosaic.Estimator, error) {
	startLoading()
	<-estLoaded
	return loadedEst, estErr
}

// New returns a Checker with the embedded detectors, lists and the rule packs
// the options choose. It fails when a pack name, locale or config is invalid;
// the error names the file, line and reason.
func New(opts Options) (*Checker, error) {
	lib, err := embeddedLib()
	if err != nil {
		return nil, fmt.Errorf("embedded rules: %w", err)
	}
	var cfg *rules.Config
	if opts.Config != "" {
		if cfg, err = rules.LoadConfig(opts.Config); err != nil {
			return nil, err
		}
		if len(opts.Packs) == 0 && len(cfg.Packs) > 0 {
			opts.Packs = cfg.Packs
		}
	}
	packs, err := lib.Select(rules.Profile{Packs: opts.Packs, Locale: opts.Locale, Role: opts.Role})
	if err != nil {
		return nil, err
	}
	set, err := lib.Compile(packs, cfg)
	if err != nil {
		return nil, err
	}
	est, err := embeddedEst()
	if err != nil {
		return nil, fmt.Errorf("embedded mosaic tables: %w", err)
	}
	ignore := map[string]bool{}
	for _, f := range opts.Ignore {
		ignore[f] = true
	}
	var model *postmodel.Model
	if !opts.NoPostModel && !opts.EntitiesOnly {
		if model, err = postmodel.Default(); err != nil {
			return nil, fmt.Errorf("embedded post model: %w", err)
		}
	}
	return &Checker{
		engine:       detect.New(detect.Options{MinConfidence: opts.MinConfidence}),
		judge:        judge.New(set, est, judge.Options{Locale: opts.Locale, Ignore: ignore, Model: model}),
		entitiesOnly: opts.EntitiesOnly,
		ignore:       ignore,
	}, nil
}

// MustNew is New for options known to be valid (the zero Options, or packs
// named in code); it panics on an error.
func MustNew(opts Options) *Checker {
	c, err := New(opts)
	if err != nil {
		panic(err)
	}
	return c
}

// Packs returns the names of the rule packs the checker applies.
func (c *Checker) Packs() []string { return c.judge.Set().Packs }

// Rules returns the checker's compiled rules, for listing and explaining.
func (c *Checker) Rules() *rules.Set { return c.judge.Set() }

// Check finds the identifiers in text, judges them against the rule packs and
// decides a verdict: block for what the codes forbid outright, review for
// risky posts, safe otherwise.
func (c *Checker) Check(ctx context.Context, s string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(s) > MaxTextBytes {
		return nil, ErrTooLarge
	}
	if len(s) <= chunkBytes { // one piece: the judge's outcome is the result
		doc, err := text.New(s)
		if err != nil {
			return nil, err
		}
		res := c.outcome(doc, c.engine.Detect(doc))
		// The result holds offsets and substrings of the text only, nothing
		// of the Doc itself, so it can be reused.
		doc.Release()
		return res, nil
	}
	res := &Result{Verdict: result.Safe, Categories: []string{}, Entities: []result.Entity{}, Risks: []result.Risk{}}
	for start := 0; start < len(s); {
		end := chunkEnd(s, start)
		doc, err := text.New(s[start:end]) // rejects invalid UTF-8, piece by piece
		if err != nil {
			return nil, err
		}
		ents := c.engine.Detect(doc)
		if c.entitiesOnly {
			merge(res, judge.Outcome{Entities: ents}, start)
		} else {
			merge(res, c.judge.Judge(doc, ents), start)
		}
		doc.Release()
		start = end
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	res.Verdict, res.Categories = judge.Verdict(res.Risks)
	return res, nil
}

// Checked is the outcome of one post of CheckBatch: its result, or the
// error that stopped its check (as Check would return them).
type Checked struct {
	Result *Result
	Err    error
}

// CheckBatch checks several posts and returns one outcome per post, in order:
// the same results and errors as Check on each post alone. On a stream of
// posts it is the faster way: each detector family runs over all the posts
// of the batch before the next one starts, so its code and tables stay in
// the core's caches (Check, post by post, evicts them; see
// docs/BENCHMARKS.md). Batches of a few dozen short posts get most of the
// gain; CheckBatch analyses a longer batch 32 posts at a time, and only the
// results are held for the whole batch (the CLI passes up to 128). A post
// longer than 64 KiB is checked alone, as Check does. It is safe for
// concurrent use. When ctx has ended, every post gets its error.
func (c *Checker) CheckBatch(ctx context.Context, texts []string) []Checked {
	outs := make([]Checked, len(texts))
	if err := ctx.Err(); err != nil {
		for i := range outs {
			outs[i].Err = err
		}
		return outs
	}
	docs := make([]*text.Doc, 0, min(len(texts), detectBatch))
	at := make([]int, 0, cap(docs)) // at[j]: the post of docs[j]
	for lo := 0; lo < len(texts); lo += detectBatch {
		docs, at = docs[:0], at[:0]
		for i := lo; i < min(lo+detectBatch, len(texts)); i++ {
			s := texts[i]
			if len(s) > chunkBytes { // long texts go piece by piece, as Check does
				outs[i].Result, outs[i].Err = c.Check(ctx, s)
				continue
			}
			doc, err := text.New(s)
			if err != nil {
				outs[i].Err = err
				continue
			}
			docs = append(docs, doc)
			at = append(at, i)
		}
		ents := c.engine.DetectBatch(docs)
		rs := make([]Result, len(docs)) // the batch's results in one allocation
		for j, doc := range docs {
			c.outcomeInto(&rs[j], doc, ents[j])
			outs[at[j]].Result = &rs[j]
			doc.Release() // the result holds nothing of the Doc (see Check)
		}
	}
	return outs
}

// detectBatch is the most posts CheckBatch analyses together: enough that
// each detector family's code stays in the instruction cache from one post
// to the next, few enough that the batch's analyses stay in the data caches
// (batches of 256 were slower; docs/BENCHMARKS.md).
const detectBatch = 32

// outcome is the result of a post of one piece, from its Doc and entities.
func (c *Checker) outcome(doc *text.Doc, ents []result.Entity) *Result {
	res := new(Result)
	c.outcomeInto(res, doc, ents)
	return res
}

// outcomeInto sets *res to the outcome of doc (see outcome).
func (c *Checker) outcomeInto(res *Result, doc *text.Doc, ents []result.Entity) {
	if ents == nil {
		ents = []result.Entity{}
	}
	if c.entitiesOnly {
		*res = Result{Verdict: result.Safe, Categories: []string{}, Entities: ents, Risks: []result.Risk{}}
		return
	}
	out := c.judge.Judge(doc, ents)
	if out.Entities == nil {
		out.Entities = []result.Entity{}
	}
	*res = Result{Verdict: out.Verdict, Categories: out.Categories, Entities: out.Entities, Risks: out.Risks,
		Anonymity: out.Anonymity, Ignored: out.Ignored, Signals: out.Signals}
}

// merge adds the outcome of a piece that starts at offset off to res: the
// risks of a rule already raised by an earlier piece join its spans.
func merge(res *Result, out judge.Outcome, off int) {
	for _, e := range out.Entities {
		e.Start += off
		e.End += off
		res.Entities = append(res.Entities, e)
	}
	for _, r := range out.Risks {
		for i := range r.Spans {
			r.Spans[i].Start += off
			r.Spans[i].End += off
		}
		if i := slices.IndexFunc(res.Risks, func(x result.Risk) bool { return x.Rule == r.Rule }); i >= 0 {
			res.Risks[i].Spans = append(res.Risks[i].Spans, r.Spans...)
			continue
		}
		res.Risks = append(res.Risks, r)
	}
	if out.Anonymity != nil && (res.Anonymity == nil || out.Anonymity.K < res.Anonymity.K) {
		res.Anonymity = out.Anonymity
	}
	res.Ignored += out.Ignored
	for _, sig := range out.Signals {
		if !slices.Contains(res.Signals, sig) {
			res.Signals = append(res.Signals, sig)
		}
	}
}

// chunkBytes is the size of the pieces a long text is checked in. The
// detectors keep per-token state, so checking a long text piece by piece keeps
// memory proportional to the piece, not to the text; pieces end at a line
// break, a sentence end or a space, so an identifier is rarely cut.
const chunkBytes = 64 << 10

// chunkEnd returns where the piece that starts at start should end: at most
// chunkBytes on, after the last line break, else the last sentence end, else
// the last space in the second half of the piece, else on a rune boundary.
func chunkEnd(s string, start int) int {
	if len(s)-start <= chunkBytes {
		return len(s)
	}
	limit := start + chunkBytes
	half := start + chunkBytes/2
	if i := strings.LastIndexByte(s[half:limit], '\n'); i >= 0 {
		return half + i + 1
	}
	for i := limit - 1; i > half; i-- {
		if (s[i-1] == '.' || s[i-1] == '!' || s[i-1] == '?') && s[i] == ' ' {
			return i + 1
		}
	}
	if i := strings.LastIndexByte(s[half:limit], ' '); i >= 0 {
		return half + i + 1
	}
	for limit > start && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return limit
}

// IsInputError reports whether err is about the input (invalid UTF-8, too
// large) rather than a failure of the checker.
func IsInputError(err error) bool {
	return errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrTooLarge) || photo.IsInputError(err)
}
