package scrubs_test

import (
	"context"
	"os"
	"testing"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/eval"
)

// TestAccuracyFloors guards the measured accuracy (docs/ACCURACY.md) against
// regressions: a change that loses more than a little on any corpus fails
// here. The floors sit just under the figures measured when they were set.
func TestAccuracyFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("accuracy floors run the whole corpora")
	}
	cases := []struct {
		path, format      string
		recall, precision float64
	}{
		{"eval/corpus/dev-uk.jsonl", eval.FormatJSONL, 0.92, 0.96},
		{"eval/corpus/dev-us.jsonl", eval.FormatJSONL, 0.90, 0.96}, // 0.910 after the corpus grew to 320 posts
		{"../shared/data/external/physionet-deid-gold", eval.FormatDeid, 0.87, 0.91},
		{"../shared/data/external/identifier-vectors/identifier_vectors.json", eval.FormatVectors, 1.0, 0.94},
	}
	checker := scrubs.MustNew(scrubs.Options{})
	chk := eval.CheckerFunc(func(ctx context.Context, s string) (eval.Prediction, error) {
		res, err := checker.Check(ctx, s)
		if err != nil {
			return eval.Prediction{}, err
		}
		return eval.PredictionOf(res), nil
	})
	for _, c := range cases {
		if _, err := os.Stat(c.path); err != nil {
			t.Fatalf("corpus %s: %v (the shared data must sit beside the project)", c.path, err)
		}
		corpus, err := eval.Open(c.path, c.format)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eval.Run(context.Background(), chk, corpus.Records, eval.Options{Scheme: corpus.Scheme, Corpus: c.path, Match: eval.MatchOverlap})
		if err != nil {
			t.Fatal(err)
		}
		e := rep.Overlap.Entity
		t.Logf("%s: entity recall %.3f precision %.3f (%d gold, %d predicted)", c.path, e.Recall, e.Precision, e.Support, e.Predicted)
		if e.Recall < c.recall || e.Precision < c.precision {
			t.Errorf("%s: entity recall %.3f (floor %.2f), precision %.3f (floor %.2f)", c.path, e.Recall, c.recall, e.Precision, c.precision)
		}
	}
}
