package judge

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/postmodel"
	"github.com/scrubshq/scrubs/internal/result"
)

// ruleIDsOf lists the rules of an outcome's risks.
func ruleIDsOf(o Outcome) []string {
	var ids []string
	for _, r := range o.Risks {
		ids = append(ids, r.Rule)
	}
	return ids
}

// judgeWithModel returns a Judge with every embedded pack and the embedded
// post model.
func judgeWithModel(t *testing.T, ignore map[string]bool) *Judge {
	t.Helper()
	m, err := postmodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	j, err := newAllJudge(Options{Model: m, Ignore: ignore})
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestModelRisk(t *testing.T) {
	j := judgeWithModel(t, nil)
	cases := []struct {
		post  string
		model bool // a MODEL-001 risk is expected
	}{
		// about work, no rule fires, and it reads like the risky posts
		{"Honestly some of the pts we get in ED on a Friday night, you couldn't make it up", true},
		// a rule fires: the model is not asked
		{"Mrs Khan in bed 4 is a nightmare lol", false},
		// not about care or work: the model is not asked
		{"honestly some people on the bus this morning, you couldn't make it up lol", false},
		// about work and fine: everyday staff posts stay safe
		{"Proud of our ward team today, thank you all for the cake", false},
		{"Honestly the canteen coffee on nights is the only thing keeping me going lol", false},
		{"Night shift snacks sorted: crisps, chocolate and more crisps 😂", false},
		{"Just finished a 13 hour shift, the ambulance queue outside was insane tonight", false},
		{"Anyone else's feet absolutely destroyed after a 12 hour shift? Recommendations for trainers please!", false},
		{"Our unit is hiring! Band 5 posts on the acute medical unit, message me for details", false},
	}
	for _, c := range cases {
		out := judgePost(t, j, c.post)
		var risk *result.Risk
		for i := range out.Risks {
			if out.Risks[i].Rule == j.ModelRule() {
				risk = &out.Risks[i]
			}
		}
		if (risk != nil) != c.model {
			t.Errorf("%q: model risk %v, want %v (risks %v)", c.post, risk != nil, c.model, ruleIDsOf(out))
			continue
		}
		if risk == nil {
			continue
		}
		if out.Verdict != "review" || risk.Severity != "medium" || risk.Category == "" || risk.Category == "DISCLAIMER" {
			t.Errorf("%q: verdict %s, severity %s, category %q", c.post, out.Verdict, risk.Severity, risk.Category)
		}
		if len(risk.Citations) == 0 || risk.Fix == "" || risk.Fingerprint == "" || !strings.HasPrefix(risk.Fingerprint, j.ModelRule()+":") {
			t.Errorf("%q: risk does not explain itself: %+v", c.post, *risk)
		}
		if len(risk.Spans) == 0 || risk.Confidence < 0.5 || risk.Confidence > 1 {
			t.Errorf("%q: spans %v, confidence %.2f", c.post, risk.Spans, risk.Confidence)
		}
		for _, sp := range risk.Spans {
			if sp.Start < 0 || sp.End > len(c.post) || sp.Start >= sp.End || !strings.Contains(risk.Message, "'"+c.post[sp.Start:sp.End]+"'") && !strings.Contains(risk.Message, c.post[sp.Start:sp.End]) {
				t.Errorf("%q: span %v (%q) is not among the message's words: %s", c.post, sp, c.post[sp.Start:sp.End], risk.Message)
			}
		}
	}
	// Without a model the same post has no model risk.
	if out := judgePost(t, judgeAll(t), cases[0].post); hasRule(out, "MODEL-001") {
		t.Errorf("a judge without a model raised MODEL-001")
	}
	// A finding the user ignored is not raised again by the model.
	first := judgePost(t, j, cases[1].post)
	ignore := map[string]bool{}
	for _, r := range first.Risks {
		ignore[r.Fingerprint] = true
	}
	quiet := judgeWithModel(t, ignore)
	if out := judgePost(t, quiet, cases[1].post); len(out.Risks) != 0 || out.Verdict != "safe" {
		t.Errorf("every finding ignored, yet %v", ruleIDsOf(out))
	}
}
