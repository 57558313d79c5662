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
		{"eval/corpus/dev-uk.jsonl", eval.FormatJSONL, 0.965, 0.975}, // 0.977 at 0.990
		{"eval/corpus/dev-us.jsonl", eval.FormatJSONL, 0.955, 0.97},  // 0.967 at 0.984
		// the blind check corpora (docs/ACCURACY.md): floors against losing
		// what they measure, not targets to tune to. Blind-1 to -4 have been
		// mined for error categories (blind-5 and -6 in the fourth session).
		{"eval/corpus/blind-uk.jsonl", eval.FormatJSONL, 0.935, 0.965},  // 0.948 at 0.979
		{"eval/corpus/blind-us.jsonl", eval.FormatJSONL, 0.92, 0.965},   // 0.931 at 0.980
		{"eval/corpus/blind2-uk.jsonl", eval.FormatJSONL, 0.945, 0.955}, // 0.957 at 0.968
		{"eval/corpus/blind2-us.jsonl", eval.FormatJSONL, 0.925, 0.97},  // 0.936 at 0.982
		{"eval/corpus/blind3-uk.jsonl", eval.FormatJSONL, 0.915, 0.975}, // 0.926 at 0.988
		{"eval/corpus/blind3-us.jsonl", eval.FormatJSONL, 0.875, 0.97},  // 0.886 at 0.982
		{"eval/corpus/blind4-uk.jsonl", eval.FormatJSONL, 0.925, 0.98},  // 0.939 at 0.992
		{"eval/corpus/blind4-us.jsonl", eval.FormatJSONL, 0.895, 0.975}, // 0.908 at 0.986
		{"eval/corpus/blind5-uk.jsonl", eval.FormatJSONL, 0.895, 0.97},  // 0.910 at 0.985
		{"eval/corpus/blind5-us.jsonl", eval.FormatJSONL, 0.865, 0.98},  // 0.879 at 0.995
		{"eval/corpus/blind6-uk.jsonl", eval.FormatJSONL, 0.92, 0.98},   // 0.934 at 0.995
		{"eval/corpus/blind6-us.jsonl", eval.FormatJSONL, 0.895, 0.965}, // 0.910 at 0.980
		// everyday staff posts, all safe (written blind; mined once for false alarms)
		{"eval/corpus/everyday-uk.jsonl", eval.FormatJSONL, 0.91, 0.975},   // 0.925 at 0.989
		{"eval/corpus/everyday-us.jsonl", eval.FormatJSONL, 0.885, 0.975},  // 0.899 at 0.989
		{"eval/corpus/everyday2-uk.jsonl", eval.FormatJSONL, 0.895, 0.965}, // 0.908 at 0.979
		{"eval/corpus/everyday2-us.jsonl", eval.FormatJSONL, 0.87, 0.97},   // 0.886 at 0.985
		// the third everyday set (mined in the fourth session)
		{"eval/corpus/everyday3-uk.jsonl", eval.FormatJSONL, 0.88, 0.975}, // 0.895 at 0.992
		{"eval/corpus/everyday3-us.jsonl", eval.FormatJSONL, 0.90, 0.96},  // 0.917 at 0.976
		// the fourth session's first kept-aside sets, then mined
		{"eval/corpus/blind7-uk.jsonl", eval.FormatJSONL, 0.91, 0.975},    // 0.924 at 0.990
		{"eval/corpus/blind7-us.jsonl", eval.FormatJSONL, 0.92, 0.97},     // 0.936 at 0.983
		{"eval/corpus/everyday4-uk.jsonl", eval.FormatJSONL, 0.92, 0.975}, // 0.933 at 0.987
		{"eval/corpus/everyday4-us.jsonl", eval.FormatJSONL, 0.89, 0.975}, // 0.903 at 0.986
		// the fourth session's second kept-aside sets, mined in the fifth
		{"eval/corpus/everyday5-uk.jsonl", eval.FormatJSONL, 0.90, 0.975}, // 0.917 at 0.989
		{"eval/corpus/everyday5-us.jsonl", eval.FormatJSONL, 0.90, 0.985}, // 0.913 at 1.000
		{"eval/corpus/blind8-uk.jsonl", eval.FormatJSONL, 0.905, 0.96},    // 0.919 at 0.975
		{"eval/corpus/blind8-us.jsonl", eval.FormatJSONL, 0.90, 0.965},    // 0.912 at 0.979
		// the fifth session's kept-aside sets, mined in the sixth
		{"eval/corpus/everyday6-uk.jsonl", eval.FormatJSONL, 0.895, 0.945}, // 0.908 at 0.960
		{"eval/corpus/everyday6-us.jsonl", eval.FormatJSONL, 0.89, 0.955},  // 0.907 at 0.968
		{"eval/corpus/blind9-uk.jsonl", eval.FormatJSONL, 0.905, 0.96},     // 0.919 at 0.977
		{"eval/corpus/blind9-us.jsonl", eval.FormatJSONL, 0.87, 0.96},      // 0.884 at 0.974
		// measured by the sixth session's first round, which never read them, then mined by its second
		{"eval/corpus/everyday7-uk.jsonl", eval.FormatJSONL, 0.855, 0.955}, // 0.872 at 0.971
		{"eval/corpus/everyday7-us.jsonl", eval.FormatJSONL, 0.885, 0.94},  // 0.899 at 0.955
		{"eval/corpus/blind10-uk.jsonl", eval.FormatJSONL, 0.87, 0.95},     // 0.888 at 0.968
		{"eval/corpus/blind10-us.jsonl", eval.FormatJSONL, 0.85, 0.925},    // 0.865 at 0.940
		// written in the sixth session, measured by its second round, mined by its third
		{"eval/corpus/everyday8-uk.jsonl", eval.FormatJSONL, 0.825, 0.93}, // 0.843 at 0.945
		{"eval/corpus/everyday8-us.jsonl", eval.FormatJSONL, 0.87, 0.965}, // 0.884 at 0.980
		{"eval/corpus/blind11-uk.jsonl", eval.FormatJSONL, 0.87, 0.955},   // 0.886 at 0.968
		{"eval/corpus/blind11-us.jsonl", eval.FormatJSONL, 0.875, 0.955},  // 0.892 at 0.967
		// kept aside for the next round (written in the sixth session, measured by its third round)
		{"eval/corpus/everyday9-uk.jsonl", eval.FormatJSONL, 0.895, 0.96},             // 0.914 at 0.975
		{"eval/corpus/everyday9-us.jsonl", eval.FormatJSONL, 0.875, 0.96},             // 0.891 at 0.976
		{"eval/corpus/blind12-uk.jsonl", eval.FormatJSONL, 0.865, 0.965},              // 0.884 at 0.980
		{"eval/corpus/blind12-us.jsonl", eval.FormatJSONL, 0.87, 0.955},               // 0.888 at 0.969
		{"../shared/data/external/physionet-deid-gold", eval.FormatDeid, 0.945, 0.85}, // 0.955 at 0.893
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
// development corpus and the blind check corpora: floors just under the
// measured values, so a change that loses risky posts, raises false alarms
// or drops a category fails CI.
func TestJudgementFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("judgement floors run the whole development corpus")
	}
	cases := []struct {
		path                string
		recall, falseAlarms float64
		categoryFloor       float64 // 0: categories not checked (too few posts each)
	}{
		{"eval/corpus/dev-uk.jsonl", 0.97, 0.02, 0.75}, // 1.000, 0.000
		{"eval/corpus/dev-us.jsonl", 0.97, 0.02, 0.75}, // 1.000, 0.006
		{"eval/corpus/blind-uk.jsonl", 0.96, 0.02, 0},  // 1.000, 0.000
		{"eval/corpus/blind-us.jsonl", 0.96, 0.02, 0},  // 1.000, 0.000
		{"eval/corpus/blind2-uk.jsonl", 0.96, 0.02, 0}, // 1.000, 0.000
		{"eval/corpus/blind2-us.jsonl", 0.96, 0.02, 0}, // 1.000, 0.000
		// blind-3 is among the post model's training posts; blind-4 was
		// mined by the third session's round, blind-5 and -6 by the fourth's;
		// blind-7 too, blind-8 by the fifth; blind-9 is kept aside (docs/ACCURACY.md)
		{"eval/corpus/blind3-uk.jsonl", 0.94, 0.03, 0}, // 0.963, 0.000
		{"eval/corpus/blind3-us.jsonl", 0.94, 0.05, 0}, // 0.964, 0.022
		{"eval/corpus/blind4-uk.jsonl", 0.96, 0.05, 0}, // 0.982, 0.022
		{"eval/corpus/blind4-us.jsonl", 0.94, 0.03, 0}, // 0.964, 0.000
		{"eval/corpus/blind5-uk.jsonl", 0.92, 0.02, 0}, // 0.946, 0.000 (mined)
		{"eval/corpus/blind5-us.jsonl", 0.92, 0.02, 0}, // 0.946, 0.000 (mined)
		{"eval/corpus/blind6-uk.jsonl", 0.94, 0.05, 0}, // 0.964, 0.044 (mined)
		{"eval/corpus/blind6-us.jsonl", 0.94, 0.02, 0}, // 0.964, 0.000 (mined)
		// everyday staff posts: no risky post, so only false alarms count
		{"eval/corpus/everyday-uk.jsonl", 0, 0.01, 0},  // -, 0.000
		{"eval/corpus/everyday-us.jsonl", 0, 0.01, 0},  // -, 0.000
		{"eval/corpus/everyday2-uk.jsonl", 0, 0.01, 0}, // -, 0.000
		{"eval/corpus/everyday2-us.jsonl", 0, 0.01, 0}, // -, 0.000
		{"eval/corpus/everyday3-uk.jsonl", 0, 0.01, 0}, // -, 0.000 (mined; in the post model's training)
		{"eval/corpus/everyday3-us.jsonl", 0, 0.01, 0}, // -, 0.000
		// the fourth session's first kept-aside sets, then mined
		{"eval/corpus/blind7-uk.jsonl", 0.92, 0.14, 0}, // 0.946, 0.133
		{"eval/corpus/blind7-us.jsonl", 0.88, 0.06, 0}, // 0.909, 0.044
		{"eval/corpus/everyday4-uk.jsonl", 0, 0.03, 0}, // -, 0.020
		{"eval/corpus/everyday4-us.jsonl", 0, 0.03, 0}, // -, 0.020
		// the fourth session's second kept-aside sets, mined in the fifth
		{"eval/corpus/blind8-uk.jsonl", 0.96, 0.02, 0}, // 0.982, 0.000
		{"eval/corpus/blind8-us.jsonl", 0.92, 0.02, 0}, // 0.946, 0.000
		{"eval/corpus/everyday5-uk.jsonl", 0, 0.02, 0}, // -, 0.010
		{"eval/corpus/everyday5-us.jsonl", 0, 0.04, 0}, // -, 0.030
		// the fifth session's kept-aside sets, mined in the sixth
		{"eval/corpus/blind9-uk.jsonl", 0.78, 0.08, 0}, // 0.804, 0.068
		{"eval/corpus/blind9-us.jsonl", 0.78, 0.12, 0}, // 0.800, 0.111
		{"eval/corpus/everyday6-uk.jsonl", 0, 0.02, 0}, // -, 0.010
		{"eval/corpus/everyday6-us.jsonl", 0, 0.05, 0}, // -, 0.040
		// measured by the sixth session's first round, which never read them, then mined by its second
		{"eval/corpus/blind10-uk.jsonl", 0.80, 0.08, 0}, // 0.821, 0.068
		{"eval/corpus/blind10-us.jsonl", 0.79, 0.02, 0}, // 0.818, 0.000
		{"eval/corpus/everyday7-uk.jsonl", 0, 0.04, 0},  // -, 0.030
		{"eval/corpus/everyday7-us.jsonl", 0, 0.04, 0},  // -, 0.030
		// written in the sixth session, measured by its second round, mined by its third
		{"eval/corpus/blind11-uk.jsonl", 0.83, 0.08, 0}, // 0.855, 0.067
		{"eval/corpus/blind11-us.jsonl", 0.90, 0.12, 0}, // 0.927, 0.111
		{"eval/corpus/everyday8-uk.jsonl", 0, 0.11, 0},  // -, 0.100
		{"eval/corpus/everyday8-us.jsonl", 0, 0.14, 0},  // -, 0.130
		// kept aside for the next round (written in the sixth session, measured by its third round)
		{"eval/corpus/blind12-uk.jsonl", 0.79, 0.10, 0}, // 0.818, 0.089
		{"eval/corpus/blind12-us.jsonl", 0.72, 0.04, 0}, // 0.746, 0.022
		{"eval/corpus/everyday9-uk.jsonl", 0, 0.07, 0},  // -, 0.060
		{"eval/corpus/everyday9-us.jsonl", 0, 0.05, 0},  // -, 0.040
	}
	chk := &profileChecker{byID: map[string]*scrubs.Checker{}}
	for _, c := range cases {
		corpus, err := eval.Open(c.path, eval.FormatJSONL)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eval.Run(context.Background(), chk, corpus.Records, eval.Options{Scheme: corpus.Scheme, Corpus: c.path})
		if err != nil {
			t.Fatal(err)
		}
		p := rep.Posts
		t.Logf("%s: risky recall %.3f, false alarms %.3f", c.path, p.RiskyRecall, p.FalseAlarmRate)
		if p.RiskyRecall < c.recall || p.FalseAlarmRate > c.falseAlarms {
			t.Errorf("%s: risky-post recall %.3f (floor %.2f), false alarms %.3f (ceiling %.2f)", c.path, p.RiskyRecall, c.recall, p.FalseAlarmRate, c.falseAlarms)
		}
		for _, cat := range p.Categories {
			if c.categoryFloor > 0 && cat.Support > 0 && cat.Recall < c.categoryFloor {
				t.Errorf("%s: %s recall %.3f (floor %.2f)", c.path, cat.Category, cat.Recall, c.categoryFloor)
			}
		}
	}
}
