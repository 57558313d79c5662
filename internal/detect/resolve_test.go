package detect

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// resolveReference is the plain statement of Resolve: drop candidates under
// min or empty, take them most confident first, then longest, then leftmost,
// each only if none of its bytes is taken yet, and sort the kept by start.
func resolveReference(cands []Candidate, min float64) []Candidate {
	var keep []Candidate
	for _, c := range cands {
		if c.Confidence >= min && c.End > c.Start {
			keep = append(keep, c)
		}
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
	taken := map[int]bool{}
	var out []Candidate
	for _, c := range keep {
		free := true
		for b := c.Start; b < c.End; b++ {
			free = free && !taken[b]
		}
		if !free {
			continue
		}
		for b := c.Start; b < c.End; b++ {
			taken[b] = true
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Candidate) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// TestResolveMatchesReference checks resolve on random candidate lists of
// every size around resolveFew (pairwise overlap test below it, the bitmap
// above it), with one scratch reused as the engine reuses it.
func TestResolveMatchesReference(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	sc := new(resolveScratch)
	types := []result.Type{result.Date, result.Phone, result.NamePatient}
	for iter := 0; iter < 20000; iter++ {
		n := r.Intn(2*resolveFew + 4)
		span := 1 + r.Intn(300)
		if iter%50 == 0 {
			span = 5000 // past the stack bitmap
		}
		cands := make([]Candidate, n)
		for i := range cands {
			s := r.Intn(span)
			cands[i] = Candidate{Start: s, End: s + r.Intn(12) - 1, Type: types[r.Intn(len(types))],
				Confidence: float64(r.Intn(6)) / 5, Reason: "r"}
		}
		want := resolveReference(cands, 0.5)
		got := resolve(slices.Clone(cands), 0.5, sc)
		if len(got) != len(want) || (len(want) > 0 && !slices.Equal(got, want)) {
			t.Fatalf("resolve(%v)\n got %v\nwant %v", cands, got, want)
		}
	}
}
