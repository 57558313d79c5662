package server

import (
	"context"
	"testing"
)

// TestRulesOnly checks that Config.RulesOnly reaches the checkers the server
// builds: the post model's risk is raised by default and not with it.
func TestRulesOnly(t *testing.T) {
	const post = "Honestly some of the pts we get in ED on a Friday night, you couldn't make it up"
	for _, rulesOnly := range []bool{false, true} {
		cc := newCheckerCache(2, t.TempDir(), nil)
		cc.rulesOnly = rulesOnly
		c, err := cc.get(profile{locale: "uk"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Check(context.Background(), post)
		if err != nil {
			t.Fatal(err)
		}
		model := false
		for _, r := range res.Risks {
			model = model || r.Rule == "MODEL-001"
		}
		if model == rulesOnly {
			t.Errorf("rulesOnly %v: model risk %v", rulesOnly, model)
		}
	}
}
