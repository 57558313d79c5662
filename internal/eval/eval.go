// Package eval measures how well a checker finds identifiers in labelled
// corpora.
//
// A corpus is read as a stream of [Record]s (text, gold spans and, for the
// project's own corpora, post labels) together with a [Scheme] that says which
// of our entity types the corpus annotates and how its own categories map onto
// them. [Run] checks every record on all cores and scores the predictions
// against the gold spans: span-level precision, recall and F1 per label and
// overall, under two matchings (exact boundaries and any overlap) and three
// levels (type-strict, the name family, and type-agnostic "entity"), recall per
// corpus category, post-level figures when records carry labels, and
// valid/invalid decisions for identifier test vectors.
//
// Predictions of types the corpus does not annotate are never counted as
// false positives: a corpus can only judge what it labels.
package eval

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/scrubshq/scrubs/internal/result"
)

// Checker is what is evaluated: the CLI wraps the engine in one.
type Checker interface {
	// Check checks one post. It must be safe for concurrent use.
	Check(ctx context.Context, text string) (Prediction, error)
}

// ProfileChecker is a Checker that can also check a post as written by a
// given locale and role (choosing the rule packs of that author's code). Run
// uses it for records that carry a locale or role.
type ProfileChecker interface {
	Checker
	CheckAs(ctx context.Context, text, locale, role string) (Prediction, error)
}

// CheckerFunc adapts a function to the [Checker] interface.
type CheckerFunc func(ctx context.Context, text string) (Prediction, error)

// Check calls f(ctx, text).
func (f CheckerFunc) Check(ctx context.Context, text string) (Prediction, error) {
	return f(ctx, text)
}

// Prediction is what a checker says about one post. Entities must satisfy the
// [result.Entity] contract: byte offsets into the text, Text == text[Start:End].
type Prediction struct {
	// Verdict is the checker's verdict: "safe", "review" or "block".
	Verdict string
	// Categories are the risk categories the checker found.
	Categories []string
	// Entities are the entities the checker found, of any type.
	Entities []result.Entity
}

// PredictionOf converts the engine's result into a Prediction (the zero
// Prediction for nil).
func PredictionOf(r *result.Result) Prediction {
	if r == nil {
		return Prediction{}
	}
	return Prediction{Verdict: string(r.Verdict), Categories: r.Categories, Entities: r.Entities}
}

// Record is one post (or note, or test sentence) of a corpus.
type Record struct {
	// ID names the record in error messages and error dumps.
	ID string
	// Text is the post as checked.
	Text string
	// Label is "safe", "risky", or "" when the corpus does not label posts.
	Label string
	// Verdict is the gold verdict ("safe", "review", "block") or "".
	Verdict string
	// Categories are the gold risk categories of the post.
	Categories []string
	// Locale and Role are the author's country and role, when the corpus says.
	Locale, Role string
	// Spans are the gold entity spans, sorted by Start.
	Spans []Gold
	// Vector is set for identifier test vectors (the vectors corpus).
	Vector *Vector
	// Skip, when not empty, says why the record is not scored: Run counts it
	// and does not check it.
	Skip string
}

// Gold is one gold entity span.
type Gold struct {
	// Start and End are byte offsets into Record.Text (End exclusive).
	Start, End int
	// Text is Record.Text[Start:End].
	Text string
	// Type is the corpus's own category ("NAME_PATIENT", "HCPName", "GPE"...).
	Type string
	// Mapped is our type for the category (the first of its label's types
	// when the category maps to several), or "" when the scheme does not score
	// the category.
	Mapped result.Type
}

// Vector is one identifier test vector: a value that a validator must accept
// (Valid) or reject.
type Vector struct {
	// Type is the vector set's identifier type (UK_NHS, UK_NINO...).
	Type string
	// Value is the identifier as written in the vector.
	Value string
	// Valid is the expected decision.
	Valid bool
	// Mapped is our entity type for the identifier.
	Mapped result.Type
	// Start and End locate Value in Record.Text.
	Start, End int
	// Source names where the vector comes from.
	Source string
}

// Matching names.
const (
	// MatchOverlap pairs a prediction with a gold span when they share at least one byte.
	MatchOverlap = "overlap"
	// MatchExact pairs a prediction with a gold span when their boundaries are equal.
	MatchExact = "exact"
)

// Options tune [Run].
type Options struct {
	// Scheme describes what the corpus annotates. The zero Scheme means
	// JSONLScheme() (every one of our types, named as ours).
	Scheme Scheme
	// Corpus names the corpus in the report (a path, say).
	Corpus string
	// Match is the primary matching, MatchOverlap (the default) or
	// MatchExact: the one the error dump and vector decisions use. Both are
	// always computed.
	Match string
	// Workers is the number of concurrent Check calls; 0 means GOMAXPROCS.
	Workers int
	// Flags decides whether a prediction flags a post as risky. Nil means
	// [Flags]: the verdict is not "safe".
	Flags func(Prediction) bool
	// FlagRule describes a custom Flags rule in the report; "" means
	// FlagRule (the constant) when Flags is nil, "custom" otherwise.
	FlagRule string
	// SnippetBytes is the context kept on each side of an error in the error
	// dump; 0 means 40.
	SnippetBytes int
}

// FlagRule describes the default [Flags] rule in reports.
const FlagRule = `verdict != "safe"`

// Flags is the default rule for post-level figures: a prediction flags a post
// when its verdict is not "safe" (an empty verdict flags too).
func Flags(p Prediction) bool { return p.Verdict != string(result.Safe) }

type job struct {
	i   int
	rec Record
}

type outcome struct {
	i    int
	rec  Record
	pred Prediction
	err  error
	last bool // the producer's error, or nothing more after it
}

// Run checks every record with c (Options.Workers at a time) and scores the
// predictions. Records are scored in corpus order whatever order the checks
// finish in. The first error (from the corpus, from the checker, or a
// prediction breaking the entity contract) stops the run and is returned,
// naming the record.
func Run(ctx context.Context, c Checker, records iter.Seq2[Record, error], opts Options) (*Report, error) {
	if c == nil {
		return nil, errors.New("eval: nil checker")
	}
	if len(opts.Scheme.Labels) == 0 {
		opts.Scheme = JSONLScheme()
	}
	switch opts.Match {
	case "":
		opts.Match = MatchOverlap
	case MatchOverlap, MatchExact:
	default:
		return nil, fmt.Errorf("eval: unknown matching %q (want %s or %s)", opts.Match, MatchOverlap, MatchExact)
	}
	if opts.Flags == nil {
		opts.Flags = Flags
		if opts.FlagRule == "" {
			opts.FlagRule = FlagRule
		}
	} else if opts.FlagRule == "" {
		opts.FlagRule = "custom"
	}
	if opts.SnippetBytes <= 0 {
		opts.SnippetBytes = 40
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sc, err := newScorer(opts)
	if err != nil {
		return nil, err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, workers)
	results := make(chan outcome, 2*workers)
	var wg sync.WaitGroup

	send := func(o outcome) bool {
		select {
		case results <- o:
			return true
		case <-ctx.Done():
			return false
		}
	}

	wg.Add(1)
	go func() { // producer
		defer wg.Done()
		defer close(jobs)
		i := 0
		for rec, err := range records {
			if err != nil {
				send(outcome{i: i, err: err, last: true})
				return
			}
			if rec.Skip != "" {
				if !send(outcome{i: i, rec: rec}) {
					return
				}
			} else {
				select {
				case jobs <- job{i, rec}:
				case <-ctx.Done():
					return
				}
			}
			i++
		}
		send(outcome{i: i, last: true})
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // drain
				}
				var p Prediction
				var err error
				if pc, ok := c.(ProfileChecker); ok && (j.rec.Locale != "" || j.rec.Role != "") {
					p, err = pc.CheckAs(ctx, j.rec.Text, j.rec.Locale, j.rec.Role)
				} else {
					p, err = c.Check(ctx, j.rec.Text)
				}
				if err != nil {
					err = fmt.Errorf("record %s: check: %w", j.rec.ID, err)
				}
				if !send(outcome{i: j.i, rec: j.rec, pred: p, err: err}) {
					continue
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	fail := func(err error) (*Report, error) {
		cancel()
		for range results { // let every goroutine finish
		}
		return nil, err
	}
	pending := map[int]outcome{}
	next := 0
	done := false
	for o := range results {
		pending[o.i] = o
		for !done {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if o.err != nil {
				return fail(o.err)
			}
			if o.last {
				done = true
				break
			}
			if o.rec.Skip != "" {
				sc.skip(o.rec)
			} else if err := sc.add(o.rec, o.pred); err != nil {
				return fail(err)
			}
			next++
		}
	}
	if err := ctx.Err(); err != nil && !done {
		return nil, err
	}
	if !done {
		return nil, errors.New("eval: run ended early")
	}
	return sc.report(), nil
}
