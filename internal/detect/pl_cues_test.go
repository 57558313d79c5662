package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// Specialist and long-term care centres named for a place (plOrgCues): the
// whole name is the HOSPITAL, not the place inside it.
func TestPlacesCareCentreCues(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "Nan moved into Hollybrook Care Center near Modesto last month.", want: []plSpan{{"Hollybrook Care Center", H}}},
		{in: "Finished radiation at Tamarack Cancer Center this week!", want: []plSpan{{"Tamarack Cancer Center", H}}},
		{in: "Two years of appointments at Quenby Fertility Clinic and she's here.", want: []plSpan{{"Quenby Fertility Clinic", H}}},
		{in: "Did 3 years on nights at SILVER PINES NURSING AND REHAB.", want: []plSpan{{"SILVER PINES NURSING AND REHAB", H}}},
		{in: "Grandpa is at Hobbshaw Nursing and Rehabilitation until Friday.", want: []plSpan{{"Hobbshaw Nursing and Rehabilitation", H}}},
		{in: "New job at Cottonwood Nursing Center starts Monday.", want: []plSpan{{"Cottonwood Nursing Center", H}}},
		{in: "Had my shoulder done at Lakemont Surgery Center.", want: []plSpan{{"Lakemont Surgery Center", H}}},
		// safe: the generic nouns alone
		{in: "The cancer center car park is tiny.", not: []string{"cancer center"}},
		{in: "Our nursing center of excellence badge finally came.", not: []string{"nursing center"}},
		{in: "She went to a fertility clinic abroad.", not: []string{"fertility clinic"}},
	})
}
