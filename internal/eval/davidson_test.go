package eval

import (
	"strings"
	"testing"
)

func TestReadDavidson(t *testing.T) {
	csv := ",count,hate_speech,offensive_language,neither,class,tweet\n" +
		"0,3,2,1,0,0,\"they are vermin &amp; should go\"\n" +
		"1,3,0,3,0,1,rude words here\n" +
		"2,3,0,0,3,2,\"a line\nwith a newline\"\n" +
		"3,3,0,0,3\n"
	var recs []Record
	var errs []error
	for r, err := range ReadDavidson(strings.NewReader(csv)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		recs = append(recs, r)
	}
	if len(recs) != 3 || len(errs) != 1 {
		t.Fatalf("got %d records and %d errors (%v), want 3 and 1", len(recs), len(errs), errs)
	}
	if recs[0].Label != "risky" || recs[0].Text != "they are vermin & should go" {
		t.Errorf("hate row: %+v", recs[0])
	}
	if recs[1].Skip == "" {
		t.Errorf("offensive row not skipped: %+v", recs[1])
	}
	if recs[2].Label != "safe" || !strings.Contains(recs[2].Text, "\n") {
		t.Errorf("neither row: %+v", recs[2])
	}
	if _, err := func() (Record, error) {
		for r, err := range ReadDavidson(strings.NewReader("a,b\n1,2\n")) {
			return r, err
		}
		return Record{}, nil
	}(); err == nil {
		t.Error("a file without class and tweet columns was accepted")
	}
}

func TestFlagsByCategory(t *testing.T) {
	f := FlagsByCategory(DavidsonCategories)
	if !f(Prediction{Categories: []string{"CONDUCT"}}) || f(Prediction{Verdict: "block", Categories: []string{"CONFIDENTIALITY"}}) {
		t.Error("FlagsByCategory flags by verdict instead of category")
	}
}
