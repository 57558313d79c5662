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

// A saint's name used for a hospital, school or church, and schools named "<X> Elementary".
func TestPlacesSaintsAndSchools(t *testing.T) {
	H, O := result.Hospital, result.Organization
	checkPlCases(t, []plCase{
		{in: "Transferred him to St Cuthbert's overnight for a cath.", want: []plSpan{{"St Cuthbert's", H}}},
		{in: "Our new grad at St. Winifred's cried on her first night.", want: []plSpan{{"St. Winifred's", H}}},
		{in: "Sent a kid home from St Agatha's school with nits.", want: []plSpan{{"St Agatha's school", O}}},
		{in: "Our 2nd grader from Maplewood Elementary won the spelling bee.", want: []plSpan{{"Maplewood Elementary", O}}},
		{in: "Garfield Elementary's bake sale raised $400 for the unit.", want: []plSpan{{"Garfield Elementary", O}}},
		{in: "She teaches at Cedar Ridge Elementary School now.", want: []plSpan{{"Cedar Ridge Elementary School", O}}},
		// safe
		{in: "My elementary school teacher came in today.", not: []string{"elementary"}},
		{in: "That's elementary, my dear nurse.", not: []string{"elementary"}},
		{in: "Elementary maths is all you need for drug calcs.", not: []string{"Elementary"}},
	})
}

// A state's name + "State" is its university; a US territory is a COUNTRY like a state.
func TestPlacesStatesAndTerritories(t *testing.T) {
	O, C := result.Organization, result.Country
	checkPlCases(t, []plCase{
		{in: "Went to Kansas State for nursing school.", want: []plSpan{{"Kansas State", O}}},
		{in: "Thanks Mom, Dad and Oregon State for the best 4 years!", want: []plSpan{{"Oregon State", O}}},
		{in: "Iowa State beat us again.", want: []plSpan{{"Iowa State", O}}},
		{in: "Welcome to our new grads from Puerto Rico and Kenya!", want: []plSpan{{"Puerto Rico", C}, {"Kenya", C}}},
		{in: "Her family flew in from American Samoa.", want: []plSpan{{"American Samoa", C}}},
		// safe
		{in: "She moved to Washington State last year.", want: []plSpan{{"Washington", C}}},
		{in: "It reached a steady State eventually.", not: []string{"steady State"}},
		{in: "Nursing in Ohio. State law says otherwise.", want: []plSpan{{"Ohio", C}}, not: []string{"State"}},
		{in: "We went to the Iowa State Fair.", want: []plSpan{{"Iowa", C}}},
	})
}
