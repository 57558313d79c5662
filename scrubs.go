// Package scrubs checks what healthcare staff are about to publish on social
// media for patient identifiers and professional-conduct risks.
//
// The one entry point is a Checker:
//
//	c := scrubs.New(scrubs.Options{})
//	res, err := c.Check(ctx, "Lovely Mrs Pickering in bed 4 turned 94 today")
//
// A Checker is safe for concurrent use; build one and share it. The engine
// makes no network calls and keeps nothing of the text it checks.
package scrubs

import (
	"context"
	"errors"
	"fmt"

	"github.com/scrubshq/scrubs/internal/detect"
	"github.com/scrubshq/scrubs/internal/result"
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

// Options tune a Checker. The zero value uses the embedded defaults.
type Options struct {
	// MinConfidence drops entities below it; 0 means the default (0.5).
	MinConfidence float64
}

// Checker checks posts. It is safe for concurrent use.
type Checker struct {
	engine *detect.Engine
}

// New returns a Checker with the embedded detectors and lists.
func New(opts Options) *Checker {
	return &Checker{engine: detect.New(detect.Options{MinConfidence: opts.MinConfidence})}
}

// Check finds the identifiers in text and decides a verdict. Until the
// judgement stage lands, the verdict is review when a direct identifier (a
// name, contact detail, identifying number or address) is found and safe
// otherwise.
func (c *Checker) Check(ctx context.Context, s string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(s) > MaxTextBytes {
		return nil, ErrTooLarge
	}
	doc, err := text.New(s)
	if err != nil {
		return nil, err
	}
	ents := c.engine.Detect(doc)
	res := &Result{Verdict: result.Safe, Categories: []string{}, Entities: ents, Risks: []result.Risk{}}
	if res.Entities == nil {
		res.Entities = []result.Entity{}
	}
	for _, e := range ents {
		if e.Type.IsDirect() {
			res.Verdict = result.Review
			break
		}
	}
	return res, nil
}

// IsInputError reports whether err is about the input (invalid UTF-8, too
// large) rather than a failure of the checker.
func IsInputError(err error) bool {
	return errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrTooLarge)
}
