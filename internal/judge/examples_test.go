package judge

import (
	"sync"
	"testing"

	"github.com/scrubshq/scrubs/internal/detect"
	"github.com/scrubshq/scrubs/internal/mosaic"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/text"
)

var (
	allOnce  sync.Once
	allJudge *Judge
	allErr   error
	engine   = detect.New(detect.Options{})
)

// judgeAll returns a Judge with every embedded pack.
func judgeAll(t testing.TB) *Judge {
	t.Helper()
	allOnce.Do(func() { allJudge, allErr = newAllJudge(Options{}) })
	if allErr != nil {
		t.Fatal(allErr)
	}
	return allJudge
}

// newAllJudge returns a new Judge with every embedded pack, the mosaic
// tables and opts (each Judge needs a set of its own: New adds the tables).
func newAllJudge(opts Options) (*Judge, error) {
	lib, err := rules.Embedded()
	if err != nil {
		return nil, err
	}
	set, err := lib.Compile(lib.Order, nil)
	if err != nil {
		return nil, err
	}
	est, err := mosaic.New()
	if err != nil {
		return nil, err
	}
	return New(set, est, opts), nil
}

func judgePost(t testing.TB, j *Judge, post string) Outcome {
	t.Helper()
	doc, err := text.New(post)
	if err != nil {
		t.Fatal(err)
	}
	return j.Judge(doc, engine.Detect(doc))
}

func hasRule(o Outcome, id string) bool {
	for _, r := range o.Risks {
		if r.Rule == id {
			return true
		}
	}
	return false
}

func rulesOf(o Outcome) []string {
	var ids []string
	for _, r := range o.Risks {
		ids = append(ids, r.Rule)
	}
	return ids
}

// TestRuleExamples checks every rule's own examples, with every pack on: each
// trigger example must raise the rule and each quiet example must not.
func TestRuleExamples(t *testing.T) {
	all, withModel := judgeAll(t), judgeWithModel(t, nil)
	for _, r := range all.Set().Rules {
		j := all
		if r.Kind == "model" {
			j = withModel // its examples need the post model
		}
		for _, ex := range r.Examples.Trigger {
			if o := judgePost(t, j, ex); !hasRule(o, r.ID) {
				t.Errorf("%s:%d: rule %s does not trigger on its example %q (got %v)", r.File, r.Line, r.ID, ex, rulesOf(o))
			}
		}
		for _, ex := range r.Examples.Quiet {
			if o := judgePost(t, j, ex); hasRule(o, r.ID) {
				t.Errorf("%s:%d: rule %s triggers on its quiet example %q", r.File, r.Line, r.ID, ex)
			}
		}
	}
}

// TestEveryRiskExplains checks the JSON contract: every risk has a category,
// rule id, severity, a citation, a message and a fix.
func TestEveryRiskExplains(t *testing.T) {
	all, withModel := judgeAll(t), judgeWithModel(t, nil)
	for _, r := range all.Set().Rules {
		j := all
		if r.Kind == "model" {
			j = withModel
		}
		for _, ex := range r.Examples.Trigger {
			for _, risk := range judgePost(t, j, ex).Risks {
				if risk.Category == "" || risk.Rule == "" || risk.Severity == "" || len(risk.Citations) == 0 ||
					risk.Message == "" || risk.Fix == "" || risk.Fingerprint == "" {
					t.Errorf("risk %+v is missing a field", risk)
				}
				for _, sp := range risk.Spans {
					if sp.Start < 0 || sp.End > len(ex) || sp.Start >= sp.End {
						t.Errorf("risk %s span %+v outside %q", risk.Rule, sp, ex)
					}
				}
			}
		}
	}
}

var _ = result.Safe

func TestFill(t *testing.T) {
	var vars msgVars
	vars.set(varMatch, `"bed blocker"`)
	vars.set(varMeaning, "")
	vars.set(varReplace, "a patient waiting to go home")
	tests := []struct{ in, want string }{
		{"{match} is slang ({meaning}).", `"bed blocker" is slang.`},
		{`say "{replace}" instead`, `Say "a patient waiting to go home" instead`},
		{`say "{meaning}" now`, "Say now"},
		{"x {meaning} , y", "X, y"},
		{"keep {unknown} as is", "Keep {unknown} as is"},
	}
	for _, tt := range tests {
		if got := fill(tt.in, &vars); got != tt.want {
			t.Errorf("fill(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
