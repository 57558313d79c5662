package scrubs_test

import (
	"context"
	"os"
	"sync"
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
		{"eval/corpus/dev-uk.jsonl", eval.FormatJSONL, 0.955, 0.96},                   // 0.962
		{"eval/corpus/dev-us.jsonl", eval.FormatJSONL, 0.94, 0.96},                    // 0.949
		{"../shared/data/external/physionet-deid-gold", eval.FormatDeid, 0.945, 0.85}, // 0.954 at 0.893
		{"../shared/data/external/identifier-vectors/identifier_vectors.json", eval.FormatVectors, 1.0, 0.94},
		{"../shared/data/external/presidio-research-synth/synth_dataset_v2.json", eval.FormatPresidio, 0.67, 0.95}, // 0.680 at 0.961
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

// profileChecker checks each record with the packs of its author's locale
// and role, as `scrubs eval` does.
type profileChecker struct {
	mu   sync.Mutex
	byID map[string]*scrubs.Checker
}

func (p *profileChecker) Check(ctx context.Context, s string) (eval.Prediction, error) {
	return p.CheckAs(ctx, s, "", "")
}

func (p *profileChecker) CheckAs(ctx context.Context, s, locale, role string) (eval.Prediction, error) {
	p.mu.Lock()
	c, ok := p.byID[locale+"|"+role]
	if !ok {
		var err error
		if c, err = scrubs.New(scrubs.Options{Locale: locale, Role: role}); err != nil {
			c = scrubs.MustNew(scrubs.Options{})
		}
		p.byID[locale+"|"+role] = c
	}
	p.mu.Unlock()
	res, err := c.Check(ctx, s)
	if err != nil {
		return eval.Prediction{}, err
	}
	return eval.PredictionOf(res), nil
}

// TestJudgementFloors guards the post-level figures of docs/ACCURACY.md on the
// development corpus: floors just under the measured values, so a change that
// loses risky posts, raises false alarms or drops a category fails CI.
func TestJudgementFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("judgement floors run the whole development corpus")
	}
	chk := &profileChecker{byID: map[string]*scrubs.Checker{}}
	for _, path := range []string{"eval/corpus/dev-uk.jsonl", "eval/corpus/dev-us.jsonl"} {
		corpus, err := eval.Open(path, eval.FormatJSONL)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eval.Run(context.Background(), chk, corpus.Records, eval.Options{Scheme: corpus.Scheme, Corpus: path})
		if err != nil {
			t.Fatal(err)
		}
		p := rep.Posts
		t.Logf("%s: risky recall %.3f, false alarms %.3f", path, p.RiskyRecall, p.FalseAlarmRate)
		if p.RiskyRecall < 0.95 || p.FalseAlarmRate > 0.07 {
			t.Errorf("%s: risky-post recall %.3f (floor 0.95), false alarms %.3f (ceiling 0.07)", path, p.RiskyRecall, p.FalseAlarmRate)
		}
		for _, c := range p.Categories {
			if c.Support > 0 && c.Recall < 0.75 {
				t.Errorf("%s: %s recall %.3f (floor 0.75)", path, c.Category, c.Recall)
			}
		}
	}
}
