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
		{in: "Cap and gown on, owe it all to Nebraska State and my parents!", want: []plSpan{{"Nebraska State", O}}},
		{in: "Iowa State beat us again.", want: []plSpan{{"Iowa State", O}}},
		{in: "Say hi to the two new starters from Guam and Ghana!", want: []plSpan{{"Guam", C}, {"Ghana", C}}},
		{in: "Her family flew in from American Samoa.", want: []plSpan{{"American Samoa", C}}},
		// safe
		{in: "She moved to Washington State last year.", want: []plSpan{{"Washington", C}}},
		{in: "It reached a steady State eventually.", not: []string{"steady State"}},
		{in: "Nursing in Ohio. State law says otherwise.", want: []plSpan{{"Ohio", C}}, not: []string{"State"}},
		{in: "We went to the Iowa State Fair.", want: []plSpan{{"Iowa", C}}},
	})
}

// A name after "<resident, role, unit or room number> at" is a place of care.
func TestPlacesCareAt(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "The resident in room 204 at Silver Birches asked me to dance again today.", want: []plSpan{{"Silver Birches", H}}},
		{in: "This resident at Maple Heights keeps calling me names.", want: []plSpan{{"Maple Heights", H}}},
		{in: "Mrs. Pennock in room 12 at Willowmere Manor hid the TV remote in her slipper.", want: []plSpan{{"Willowmere Manor", H}}},
		{in: "Pediatric ED at Holy Trinity closing at 9pm from Monday.", want: []plSpan{{"Holy Trinity", H}}},
		{in: "The ED registrar at Brackenfield barely looked up from his phone.", want: []plSpan{{"Brackenfield", H}}},
		{in: "Ten years as a staff nurse at Mercy Vale and the car park is still chaos.", want: []plSpan{{"Mercy Vale", H}}},
		{in: "Two nurses at Thornbury Hall quit today.", want: []plSpan{{"Thornbury Hall", H}}},
		// safe
		{in: "Every nurse at Christmas deserves a medal.", not: []string{"Christmas"}},
		{in: "A nurse at Leeds told me that.", want: []plSpan{{"Leeds", result.City}}},
		{in: "My shift at Sam's was fun.", not: []string{"Sam"}},
		{in: "The nurse at Tesco checkout recognised me.", want: []plSpan{{"Tesco", result.Organization}}},
		{in: "Our baby at 6 weeks is smiling.", not: []string{"6 weeks"}},
		{in: "The patient at the Halloween party dressed as a nurse.", not: []string{"Halloween"}},
		{in: "A nurse at Easter is a nurse at work.", not: []string{"Easter"}},
	})
}

// Venues and family firms named by a cue ("Juniper Cafe", "Hughes & Sons"), and a
// hospital named by a post-name cue before one of its units ("Riverbend Children's NICU").
func TestPlacesVenuesAndUnits(t *testing.T) {
	H, O := result.Hospital, result.Organization
	checkPlCases(t, []plCase{
		{in: "Next stop: Riverbend Children's NICU!", want: []plSpan{{"Riverbend Children's", H}}},
		{in: "Lunch at the Juniper Cafe was lovely.", want: []plSpan{{"Juniper Cafe", O}}},
		{in: "Breakfast at Sunrise Bakery before the shift.", want: []plSpan{{"Sunrise Bakery", O}}},
		{in: "The funeral was handled by Pritchard & Sons and they were kind.", want: []plSpan{{"Pritchard & Sons", O}}},
		{in: "Visited the Smith and Sons workshop.", want: []plSpan{{"Smith and Sons", O}}},
		// safe
		{in: "Just a little diner near the hospital.", not: []string{"diner"}},
		{in: "Her Sons visited today.", not: []string{"Her Sons"}},
		{in: "Cafe was shut so we went home.", not: []string{"Cafe"}},
	})
}

// A person said to be "at" a Lodge, Manor or Grange lives in a care home.
func TestPlacesPersonAtCareHome(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "POV: Mabel at Hawthorn Lodge has hidden her dentures in the teapot AGAIN.", want: []plSpan{{"Hawthorn Lodge", H}}},
		{in: "Harold at Oakbrook Grange asked for his wife again.", want: []plSpan{{"Oakbrook Grange", H}}},
		// safe: a street or a palace, not a care home
		{in: "Dinner with Tom at Riverside Court tonight, lovely flat.", want: []plSpan{{"Riverside Court", result.Street}}},
		{in: "Had a drink with Jack at the Fox Lodge.", not: []string{"Fox Lodge"}},
	})
}

// A name after "<occupation or outing> at" is a workplace or a venue; a listed chain of
// two words outranks a first name + surname reading.
func TestPlacesVenueAt(t *testing.T) {
	O := result.Organization
	checkPlCases(t, []plCase{
		{in: "He was a bouncer at Bongo Harry's and knew everyone.", want: []plSpan{{"Bongo Harry's", O}}},
		{in: "Christmas night out at Velvet Lounge, Leeds.", want: []plSpan{{"Velvet Lounge", O}}},
		{in: "Leaving drinks at Copper Kettle on Friday.", want: []plSpan{{"Copper Kettle", O}}},
		{in: "Birthday tea at Pizza Hut with the kids, no shame.", want: []plSpan{{"Pizza Hut", O}}},
		// safe
		{in: "He flung the remote at Denise mid-argument.", not: []string{"Denise"}},
		{in: "Party at Sarah's on Friday!", not: []string{"Sarah's"}},
		{in: "Tea at Grandma Rose's house.", not: []string{"Grandma"}},
		{in: "Our manager at Quillbrook Vale makes us clock out.", not: []string{"Quillbrook"}},
		{in: "Karaoke with my sister at Bongo Harry's.", not: []string{"Bongo"}},
		{in: "Appendix out at Fernhill on Monday.", not: []string{"Fernhill"}},
		{in: "Drinks at Halloween were wild.", not: []string{"Drinks"}},
	})
}

// A name after "graduated from" or "<degree, course, class…> at" is a university or
// college, even one named after its town.
func TestPlacesStudyAt(t *testing.T) {
	O := result.Organization
	checkPlCases(t, []plCase{
		{in: "Graduated from Loughborough today!", want: []plSpan{{"Loughborough", O}}},
		{in: "Cousin begins a midwifery course at Keele in September.", want: []plSpan{{"Keele", O}}},
		{in: "She graduated from Harvard and then came here.", want: []plSpan{{"Harvard", O}}},
		// safe
		{in: "Our newest starter from Guam brought cake for everyone.", want: []plSpan{{"Guam", result.Country}}},
		{in: "Graduated from nursing school at last.", not: []string{"nursing"}},
		{in: "The class at Christmas was cancelled.", not: []string{"class"}},
		{in: "I graduated from Sarah's class.", not: []string{"Sarah's class"}},
	})
}

// A firm named where only a firm fits: "fees from X", "funded by X", "the X rep".
func TestPlacesFirmFrame(t *testing.T) {
	O := result.Organization
	checkPlCases(t, []plCase{
		{in: "Heads up, the Quorvex rep brought pastries to the staff room.", want: []plSpan{{"Quorvex", O}}},
		{in: "For transparency, I took consultancy fees from Veltrica last year.", want: []plSpan{{"Veltrica", O}}},
		{in: "This study was funded by Novabright and I have no other ties.", want: []plSpan{{"Novabright", O}}},
		// safe
		{in: "The trip was paid by Sarah.", not: []string{"Sarah"}},
		{in: "Sponsored by Tuesday's bake sale.", not: []string{"Tuesday's bake"}},
		{in: "Thanks to the Polish rep for the tour.", not: []string{"Polish"}},
		{in: "Ask the union rep about the pay offer.", not: []string{"union"}},
		{in: "I got fees from Dr Patel for the talk.", not: []string{"fees"}},
	})
}

// A unit, a team of a unit or a treatment before "at" says a hospital follows, and a
// hospital's cue after the name ends it.
func TestPlacesUnitAt(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "Twins born at Ashcombe Women's in Chicago at 3am.", want: []plSpan{{"Ashcombe Women's", H}}},
		{in: "Weekends in the CCU at Pemberton Memorial never stop.", want: []plSpan{{"Pemberton Memorial", H}}},
		{in: "Our PICU team at Fernbrook ran the 10k.", want: []plSpan{{"Fernbrook", H}}},
		{in: "Long one. 6 North at Ridgemont today, two admissions in one bed.", want: []plSpan{{"Ridgemont", H}}},
		{in: "A nurse at Leeds General Infirmary told me.", want: []plSpan{{"Leeds General Infirmary", H}}},
		// safe
		{in: "The estates team at Siemens fixed the scanner.", not: []string{"Siemens"}},
		{in: "Our football team at Christmas lost again.", not: []string{"Christmas"}},
		{in: "Turn left at West Street.", not: []string{"left"}},
	})
}

// A place-describing adjective between a preposition and a state's name.
func TestPlacesAdjectivePlace(t *testing.T) {
	checkPlCases(t, []plCase{
		{in: "Our clinic serves farm towns in rural Nebraska.", want: []plSpan{{"Nebraska", result.Country}}},
		{in: "She grew up in upstate Indiana.", want: []plSpan{{"Indiana", result.Country}}},
		// safe
		{in: "In rural areas it's hard.", not: []string{"rural"}},
		{in: "A card from sunny Florence arrived.", not: []string{"Florence"}},
	})
}

// "at the" before the name reads as "at".
func TestPlacesAtThe(t *testing.T) {
	checkPlCases(t, []plCase{
		{in: "He was wheeled into theatre 4 at the Royal Ambridge that night.", want: []plSpan{{"Royal Ambridge", result.Hospital}}},
		{in: "He was a bouncer at the Marriott for years.", want: []plSpan{{"Marriott", result.Organization}}},
		// safe
		{in: "Every nurse at the Christmas party got drunk.", not: []string{"party"}},
		{in: "My manager at the Trust says no.", not: []string{"Trust"}},
		{in: "Great gig at the Town Hall last night.", not: []string{"Town Hall"}},
	})
}

// Outpatient practices and local businesses named for a place: the place name is part of
// the organisation, not a city of its own.
func TestPlacesPracticeAndShopCues(t *testing.T) {
	H, O := result.Hospital, result.Organization
	checkPlCases(t, []plCase{
		{in: "My aunt drove me to Brookfield Eye Center for the drops.", want: []plSpan{{"Brookfield Eye Center", H}}},
		{in: "Leave the toy donations at Fairview Family Dental by Friday.", want: []plSpan{{"Fairview Family Dental", H}}},
		{in: "Three hours sat waiting at Cedar Ridge Imaging today.", want: []plSpan{{"Cedar Ridge Imaging", H}}},
		{in: "Huge thanks to Westfield Realty for finding us a house.", want: []plSpan{{"Westfield Realty", O}}},
		{in: "Baby rhyme time at the Elm Park Library on Tuesdays.", want: []plSpan{{"Elm Park Library", O}}},
		{in: "The visitation will be at Doyle Funeral Home on Friday.", want: []plSpan{{"Doyle Funeral Home", O}}},
		// safe
		{in: "Diagnostic Imaging rang me back about the scan.", not: []string{"Imaging"}},
		{in: "Medical Imaging is short of staff again.", not: []string{"Medical Imaging"}},
		{in: "My dental appointment got moved again.", not: []string{"dental"}},
		{in: "The Library is closed for the holidays.", not: []string{"Library"}},
		{in: "Family Dental Care leaflets are in the waiting room.", not: []string{"Family Dental"}},
		{in: "Ringing the Sheffield imaging team again about the delay.", want: []plSpan{{"Sheffield", result.City}}},
		{in: "Our Preston library group meets on Mondays.", want: []plSpan{{"Preston", result.City}}},
	})
}

// "from X to <role>" is a change of job: an acronym there is a role, not a hospital.
func TestPlacesRoleChangeNotHospital(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "Went from HCA to RN in four years and I'm so proud of myself.", not: []string{"HCA"}},
		{in: "Has anyone gone from HUC or ward clerk to nurse in their forties?", not: []string{"HUC"}},
		// still a hospital when the move is between places
		{in: "Transferred from HCA to Mercy overnight after the bleed.", want: []plSpan{{"HCA", H}}},
		{in: "Patient came from KVMS to our ICU after two days.", want: []plSpan{{"KVMS", H}}},
	})
}
