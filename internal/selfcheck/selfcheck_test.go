package selfcheck

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/sources"
)

func mustEmbedded(t *testing.T) *Check {
	t.Helper()
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEmbedded(t *testing.T) {
	c := mustEmbedded(t)
	var comps []string
	for _, it := range c.Items {
		comps = append(comps, it.Component)
	}
	if want := []string{"salience", "tolerance", "mood modification", "relapse", "withdrawal", "conflict"}; !slices.Equal(comps, want) {
		t.Errorf("components %v, want the BSMAS order %v", comps, want)
	}
	if !strings.Contains(c.Notice, "not a diagnosis") {
		t.Error("the notice does not say it is not a diagnosis")
	}
	if len(c.ScaleCitations()) == 0 {
		t.Error("the scale has no citation")
	}
	for _, l := range advice.Locales {
		if c.Signpost(l) == "" {
			t.Errorf("no signpost for %s", l)
		}
	}
	// The UK signposting names Practitioner Health and the US an Employee
	// Assistance Program, as the brief asks.
	if !strings.Contains(c.Signpost("uk"), "Practitioner Health") || !strings.Contains(c.Signpost("us"), "Employee Assistance Program") {
		t.Error("signposting lacks Practitioner Health (UK) or the Employee Assistance Program (US)")
	}
}

// TestScore checks the scoring at and around each threshold.
func TestScore(t *testing.T) {
	c := mustEmbedded(t)
	cases := []struct {
		scores  []int
		total   int
		reached []string // threshold ids reached
		primary bool
	}{
		{[]int{1, 1, 1, 1, 1, 1}, 6, nil, false},
		{[]int{5, 5, 5, 5, 5, 5}, 30, []string{"often-on-four", "total-19", "polythetic", "monothetic"}, true},
		// often-on-four: three 4s is below, four is at the threshold.
		{[]int{4, 4, 4, 1, 1, 1}, 15, nil, false},
		{[]int{4, 4, 4, 4, 1, 1}, 18, []string{"often-on-four", "polythetic"}, true},
		{[]int{1, 1, 5, 5, 5, 5}, 22, []string{"often-on-four", "total-19", "polythetic"}, true},
		// total-19: 18 is below, 19 at.
		{[]int{3, 3, 3, 3, 3, 3}, 18, []string{"polythetic", "monothetic"}, false},
		{[]int{3, 3, 3, 3, 3, 4}, 19, []string{"total-19", "polythetic", "monothetic"}, true},
		{[]int{5, 5, 5, 2, 1, 1}, 19, []string{"total-19"}, true},
		// polythetic: three 3s below, four at; monothetic needs all six.
		{[]int{3, 3, 3, 2, 2, 2}, 15, nil, false},
		{[]int{3, 3, 3, 3, 2, 2}, 16, []string{"polythetic"}, false},
		{[]int{3, 3, 3, 3, 3, 2}, 17, []string{"polythetic"}, false},
	}
	for _, tc := range cases {
		r, err := c.Score(tc.scores, "uk")
		if err != nil {
			t.Fatal(err)
		}
		var reached []string
		for _, th := range r.Thresholds {
			if th.Reached {
				reached = append(reached, th.ID)
			}
			if len(th.Citations) == 0 {
				t.Errorf("threshold %s has no citation", th.ID)
			}
		}
		if r.Total != tc.total || !slices.Equal(reached, tc.reached) || r.AbovePrimary != tc.primary {
			t.Errorf("%v: total %d reached %v primary %v; want %d %v %v", tc.scores, r.Total, reached, r.AbovePrimary, tc.total, tc.reached, tc.primary)
		}
		if len(r.Signposts) != 1 || r.Signposts[0].Locale != "uk" {
			t.Errorf("%v: signposts %v, want the UK's", tc.scores, r.Signposts)
		}
		wantWord := "below"
		if tc.primary {
			wantWord = "reach a published screening threshold"
		}
		if !strings.Contains(r.Summary, wantWord) || !strings.Contains(r.Summary+r.Notice, "not a diagnosis") {
			t.Errorf("%v: summary %q", tc.scores, r.Summary)
		}
	}
	r, _ := c.Score([]int{1, 1, 1, 1, 1, 1}, "")
	if len(r.Signposts) != 3 {
		t.Errorf("no locale: %d signposts, want all three", len(r.Signposts))
	}
	for _, bad := range [][]int{{1, 2, 3}, {0, 1, 1, 1, 1, 1}, {6, 1, 1, 1, 1, 1}} {
		if _, err := c.Score(bad, "uk"); err == nil {
			t.Errorf("%v: scored, want an error", bad)
		}
	}
}

func TestParseAnswers(t *testing.T) {
	c := mustEmbedded(t)
	cases := []struct {
		in   string
		want []int
		err  string
	}{
		{"1,2,3,4,5,1", []int{1, 2, 3, 4, 5, 1}, ""},
		{"1 2 3 4 5 1", []int{1, 2, 3, 4, 5, 1}, ""},
		{" 5, 5,5 ,5,5,5 ", []int{5, 5, 5, 5, 5, 5}, ""},
		{"1,2,3,4,5", nil, "5 answers given; give 6"},
		{"1,2,3,4,5,1,2", nil, "7 answers given"},
		{"1,2,3,4,6,1", nil, `answer 5 is "6"; each answer is a number from 1 (Very rarely) to 5 (Very often)`},
		{"1,2,x,4,5,1", nil, `answer 3 is "x"`},
		{"", nil, "0 answers given"},
	}
	for _, tc := range cases {
		got, err := c.ParseAnswers(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || !slices.Equal(got, tc.want)):
			t.Errorf("%q: %v, %v", tc.in, got, err)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	good := string(embeddedYAML)
	r := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the embedded file no longer holds %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	cases := []struct{ name, yaml, want string }{
		{"unknown field", r("  - component: conflict\n", "  - component: conflict\n    note: x\n"), `field "note" is unknown here`},
		{"unknown component", r("component: conflict", "component: craving"), `unknown component "craving"`},
		{"component twice", r("component: conflict", "component: salience"), "component salience is asked twice"},
		{"no diagnosis notice", r("This is a screening, not a diagnosis.", "This is a screening."), `must say the self-check is "not a diagnosis"`},
		{"scale", r("{score: 5, label: Very often}", "{score: 6, label: Very often}"), "scale point 5 must have score 5"},
		{"threshold uncited", r("cite: [banyai2017]", "cite: []"), "threshold total-19 has no citation"},
		{"threshold unknown citation", r("cite: [banyai2017]", "cite: [banyai]"), `threshold total-19 cites unknown citation "banyai"`},
		{"threshold out of range", r("min_total: 19", "min_total: 31"), "threshold total-19: min_total must be 6-30"},
		{"threshold both kinds", r("min_total: 19", "min_total: 19\n    min_items: 2"), "give min_score and min_items, or min_total, not both"},
		{"threshold score", r("min_score: 4", "min_score: 7"), "min_score must be 1-5"},
		{"no primary", strings.ReplaceAll(good, "primary: true", "primary: false"), "no threshold is primary"},
		{"signpost missing", r("  - locale: au", "  - locale: nz"), "no signpost for locale au"},
	}
	for _, tc := range cases {
		_, err := Parse("sc.yaml", []byte(tc.yaml))
		var ae *advice.Error
		switch {
		case err == nil:
			t.Errorf("%s: parsed, want %q", tc.name, tc.want)
		case !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), "sc.yaml:"):
			t.Errorf("%s: %v is not a file:line error", tc.name, err)
		case !strings.Contains(err.Error(), tc.want):
			t.Errorf("%s:\n got  %v\n want %s", tc.name, err, tc.want)
		}
	}
}

func TestCitationsListed(t *testing.T) {
	c := mustEmbedded(t)
	for id, ct := range c.Citations {
		if _, ok := sources.Lookup(ct.Document); !ok {
			t.Errorf("citation %s: %q is not in internal/sources", id, ct.Document)
		}
	}
}
