package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestEngineCases runs whole posts through every family and the overlap
// resolution, for cases that need more than one family to come out right.
func TestEngineCases(t *testing.T) {
	eng := New(Options{})
	type want struct {
		text string
		typ  result.Type
	}
	cases := []struct {
		in   string
		want []want
		not  []string
	}{
		{in: "Lovely Mrs Edna Pritchard, 94, from Aylsham, told me about the war.",
			want: []want{{"Mrs Edna Pritchard", result.NamePatient}, {"94", result.Age}, {"Aylsham", result.City}}},
		{in: "Mrs Kowalczyk (92) made pierogi with me today", want: []want{{"92", result.Age}}},
		{in: "Happy 40th to my amazing husband!", want: []want{{"40th", result.Age}}},
		{in: "Bays 3, 4, 5 are closed.", not: []string{"4"}},
		{in: "Pager #54321 for questions", want: []want{{"54321", result.Phone}}},
		{in: "He can be reached at beeper number 55037 for consents.", want: []want{{"55037", result.Phone}}},
		{in: "Order 54321 shipped today", not: []string{"54321"}},
		{in: "Transferred to GH for cath.", want: []want{{"GH", result.Hospital}}},
		{in: "PLAN: TRANSFER TO FENWICKE 2 IN AM.", want: []want{{"FENWICKE 2", result.Ward}}},
		{in: "transferred to ICU overnight", not: []string{"ICU overnight"}},
		{in: "Discussed with Dr griffin, who agreed.", want: []want{{"Dr griffin", result.NameStaff}}},
		{in: "social: son, bill, called twice and was updated on pt's condition.", want: []want{{"bill", result.NameRelative}}},
		{in: "Pts BS clear, Pt OOB to chair.", not: []string{"BS", "OOB"}},
		{in: "HR 80 SR. BP 120/70 stable.", not: []string{"SR. BP", "BP"}},
		{in: "PT ALERT. WILL RECK LABS IN AM.", not: []string{"WILL RECK"}},
		{in: "obsessed with my new Cloudstep clogs, zero pain", want: []want{{"Cloudstep", result.Organization}}},
		{in: "Pt restarted on Levofloxacin 500 mg and the Permacath flushed.", not: []string{"Levofloxacin", "Permacath"}},
		{in: "Castlebrook's director of nursing has been fiddling the figures", want: []want{{"Castlebrook", result.Hospital}}},
		{in: "Hunter from the Fourth of July fireworks accident got his grafts", want: []want{{"fireworks accident", result.Feature}}},
		{in: "Pt JS was confused overnight.", want: []want{{"JS", result.NamePatient}}},
	}
	for _, c := range cases {
		doc, err := text.New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		got := eng.Detect(doc)
		for _, w := range c.want {
			found := false
			for _, e := range got {
				if e.Text == w.text && e.Type == w.typ {
					found = true
				}
			}
			if !found {
				t.Errorf("%q: missing %q as %s; got %+v", c.in, w.text, w.typ, got)
			}
		}
		for _, n := range c.not {
			for _, e := range got {
				if e.Text == n {
					t.Errorf("%q: %q wrongly found as %s (%s)", c.in, n, e.Type, e.Reason)
				}
			}
		}
	}
}
