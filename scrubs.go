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
	"strings"
	"unicode/utf8"

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
	ents, err := c.detect(ctx, s) // text.New rejects invalid UTF-8, piece by piece
	if err != nil {
		return nil, err
	}
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

// chunkBytes is the size of the pieces a long text is checked in. The
// detectors keep per-token state, so checking a long text piece by piece keeps
// memory proportional to the piece, not to the text; pieces end at a line
// break, a sentence end or a space, so an identifier is rarely cut.
const chunkBytes = 64 << 10

// detect runs the engine over s, piece by piece when s is long, and returns
// the entities in offsets of s.
func (c *Checker) detect(ctx context.Context, s string) ([]result.Entity, error) {
	var all []result.Entity
	for start := 0; start < len(s); {
		end := chunkEnd(s, start)
		doc, err := text.New(s[start:end])
		if err != nil {
			return nil, err
		}
		ents := c.engine.Detect(doc)
		if start == 0 && end == len(s) {
			return ents, nil
		}
		for _, e := range ents {
			e.Start += start
			e.End += start
			all = append(all, e)
		}
		start = end
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return all, nil
}

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
	return errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrTooLarge)
}
