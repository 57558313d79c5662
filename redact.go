package scrubs

import (
	"context"
	"fmt"
	"slices"

	"github.com/scrubshq/scrubs/internal/redact"
	"github.com/scrubshq/scrubs/internal/result"
)

// Operator is how Redact rewrites an identifier: generalise (the default),
// placeholder, mask or remove.
type Operator = redact.Operator

// Change is one rewrite Redact made.
type Change = redact.Change

// Redaction is a post rewritten without its identifiers.
type Redaction struct {
	// Text is the rewritten post.
	Text string `json:"text"`
	// Changes lists every rewrite, in order.
	Changes []Change `json:"changes"`
	// Before and After are the checks of the original and the rewritten post.
	Before *Result `json:"before"`
	After  *Result `json:"after"`
}

// maxRedactPasses bounds the rewrite–re-check loop.
const maxRedactPasses = 3

// Redact rewrites post so that it no longer identifies anyone: direct
// identifiers always, and when the post is about a patient every detail that
// narrows down who it is (exact ages become bands, places "a nearby town",
// dates "recently"); derogatory labels get neutral wording. The clinical point
// of the post stays. The rewrite is checked again, and what that check still
// finds confidential is removed, up to three passes. The post model's risk
// (MODEL-001, the core pack's model rule) is about the wording of the whole story, not an identifier:
// Redact removes nothing for it, so After may still carry it, as a review
// for the author to read. op is one of "generalise" (default when empty),
// "placeholder", "mask", "remove".
func (c *Checker) Redact(ctx context.Context, post string, op Operator) (*Redaction, error) {
	if op == "" {
		op = redact.Generalise
	}
	if !slices.Contains(redact.Operators, op) {
		return nil, fmt.Errorf("unknown operator %q (operators: generalise, placeholder, mask, remove)", op)
	}
	before, err := c.Check(ctx, post)
	if err != nil {
		return nil, err
	}
	red := &Redaction{Text: post, Changes: []Change{}, Before: before, After: before}
	var force []result.Span
	for pass := 1; pass <= maxRedactPasses; pass++ {
		changes := redact.Plan(red.Text, red.After, op, force)
		if len(changes) == 0 {
			break
		}
		for i := range changes {
			changes[i].Pass = pass
		}
		red.Changes = append(red.Changes, changes...)
		red.Text = redact.Apply(red.Text, changes)
		if red.After, err = c.Check(ctx, red.Text); err != nil {
			return nil, err
		}
		force = force[:0]
		for _, r := range red.After.Risks {
			// the post model's spans are the words that weighed, not
			// identifiers: removing them would only cut the clinical point
			if r.Category == "CONFIDENTIALITY" && r.Rule != c.judge.ModelRule() {
				force = append(force, r.Spans...)
			}
		}
		if len(force) == 0 {
			break
		}
	}
	return red, nil
}
