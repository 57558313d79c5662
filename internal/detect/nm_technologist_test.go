package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestNmTechnologistNoun checks that "technologist" before a name makes it
// staff, like "radiographer", and that a name elsewhere in the sentence
// keeps the role its own words give.
func TestNmTechnologistNoun(t *testing.T) {
	eng := New(Options{})
	for _, tc := range []struct {
		text, name string
		want       result.Type
	}{
		{"Our lead MRI technologist Ravindra Okoye has done 20 years here", "Ravindra Okoye", result.NameStaff},
		{"Cheers to the cath lab technologist Philomena for staying late", "Philomena", result.NameStaff},
		// look-alike: the technologist scanned a patient in a bed
		{"The technologist scanned Mrs Quennell in bed 3 twice over", "Mrs Quennell", result.NamePatient},
	} {
		d, err := text.New(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		got := result.Type("")
		for _, e := range eng.Detect(d) {
			if e.Text == tc.name {
				got = e.Type
			}
		}
		if got != tc.want {
			t.Errorf("%q: %s is %q, want %s", tc.text, tc.name, got, tc.want)
		}
	}
}
