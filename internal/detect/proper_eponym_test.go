package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// An unknown capitalised word before a clinical noun is an eponym (a disease, a sign, a
// technique), not a brand or a business; before any other word it still is one.
func TestProperEponymNotOrganisation(t *testing.T) {
	cases := []struct {
		in   string
		word string
		want bool   // an ORGANIZATION/CITY candidate on word
		rare string // a FEATURE candidate expected on this span
	}{
		{"Finally got a diagnosis of Zorvath disease after six years", "Zorvath", false, "Zorvath disease"},
		{"Our teenager with Quellmar cardiomyopathy went home today", "Quellmar", false, "Quellmar cardiomyopathy"},
		{"Learnt the Brindeaux technique on the course, with Havrik syndrome cases", "Havrik", false, "Havrik syndrome"},
		// safe look-alikes: still a business
		{"Grabbed lunch from Zorvath today before clinic", "Zorvath", true, ""},
		{"Bought new trainers from Quellmar and they pinch", "Quellmar", true, ""},
	}
	for _, tc := range cases {
		doc, err := text.New(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		got, rare := false, ""
		for _, c := range (properDetector{}).Detect(doc, nil) {
			if tc.in[c.Start:c.End] == tc.word {
				got = true
			}
			if c.Type == result.Feature {
				rare = tc.in[c.Start:c.End]
			}
		}
		if rare != tc.rare {
			t.Errorf("%q: FEATURE %q, want %q", tc.in, rare, tc.rare)
		}
		if got != tc.want {
			t.Errorf("%q: candidate on %q = %v, want %v", tc.in, tc.word, got, tc.want)
		}
	}
}
