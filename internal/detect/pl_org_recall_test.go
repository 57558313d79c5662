package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// Rooms named by an operating or delivery room's number, and a bed or bay "of" the
// place it is in.
func TestPlacesTheatreRooms(t *testing.T) {
	R := result.Room
	checkPlCases(t, []plCase{
		{in: "Back to OR 3 for the second case.", want: []plSpan{{"OR 3", R}}},
		{in: "OR 4 is cursed tonight.", want: []plSpan{{"OR 4", R}}},
		{in: "The girl in LDR 2 wants an epidural.", want: []plSpan{{"LDR 2", R}}},
		{in: "Pt in bay 9 of our ED has waited two days.", want: []plSpan{{"bay 9", R}}},
		{in: "Her nan is in Bed 2 of the surgical ward.", want: []plSpan{{"Bed 2", R}}},
		// safe
		{in: "Pick 2 OR 3 of these options.", not: []string{"OR 3"}},
		{in: "You can have tea or 2 biscuits.", not: []string{"or 2"}},
		{in: "WE WANT A NURSE OR 2 MORE.", not: []string{"OR 2"}},
		{in: "Bay 4 of 6 are closed.", not: []string{"Bay 4"}},
		{in: "We had room 2 of them.", not: []string{"room 2"}},
	})
}
