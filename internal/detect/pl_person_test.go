package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// TestPlPersonProfessionFrames covers the frames of a person's occupation added after
// the blind checks: an age written with spaces, a kind of school or a council before
// the job, a language subject, a partner's job after "married to", an occupation in
// apposition after an age. The second half must stay quiet.
func TestPlPersonProfessionFrames(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "Broke the news to a 52 year old plumber from the coast.", want: []plSpan{{"plumber", P}}},
		{in: "Turns out he's a proper high school geography teacher.", want: []plSpan{{"geography teacher", P}}},
		{in: "Our patient, a local high school rugby coach, had a stroke.", want: []plSpan{{"rugby coach", P}}},
		{in: "She used to date a town councillor, apparently.", want: []plSpan{{"councillor", P}}},
		{in: "bumped into my old Spanish teacher in the lift", want: []plSpan{{"Spanish teacher", P}}},
		{in: "I'm a midwife engaged to a firefighter so I hear it all.", want: []plSpan{{"firefighter", P}}},
		{in: "Case review: 58M, publican of a bar by the harbour, came in.", want: []plSpan{{"publican", P}}},
		// safe
		{in: "The 19 year old driver walked away from it.", not: []string{"driver"}},
		{in: "Call the county sheriff if you see him.", not: []string{"sheriff"}},
		{in: "I'm a nurse and a teacher.", not: []string{"teacher"}},
		{in: "Our old English teacher's car park is full.", not: []string{"car park"}},
	})
}
