package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
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
		{in: "Thrilled to start at Corvane Family Health next month.", want: []plSpan{{"Corvane Family Health", H}}},
		{in: "Residency at Oakcrest Family Medicine starts soon.", want: []plSpan{{"Oakcrest Family Medicine", H}}},
		// safe: the generic nouns alone
		{in: "The cancer center car park is tiny.", not: []string{"cancer center"}},
		{in: "Our nursing center of excellence badge finally came.", not: []string{"nursing center"}},
		{in: "She went to a fertility clinic abroad.", not: []string{"fertility clinic"}},
		{in: "I love family medicine as a specialty.", not: []string{"family medicine"}},
	})
}

// A job named in a condition ("boxer's fracture") or listed beside health
// roles ("nurses, cleaners and porters") is no person's PROFESSION; the
// same jobs said of a person still are.
func TestPlacesProfessionConditionsAndStaffLists(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "X-rayed a lad with a classic boxer's fracture after a night out.", not: []string{"boxer"}},
		{in: "Retired roofer with housemaid's knee again.", want: []plSpan{{"roofer", P}}, not: []string{"housemaid"}},
		{in: "Cheers to every HCA, physio, cleaner and porter on the rehab unit.", not: []string{"cleaner"}},
		{in: "Thank you to the receptionists, nurses and GPs at our practice.", not: []string{"receptionists"}},
		// look-alikes: one person's jobs, and a job with no health role beside it
		{in: "Her son is a firefighter, nurse and dad of three.", want: []plSpan{{"firefighter", P}}},
		{in: "Her husband, a retired plumber and keen golfer, was lovely.", want: []plSpan{{"plumber", P}}},
	})
}

// An app's name in lower case before an object pronoun is a verb ("venmo
// me"), no organisation; the name as a noun, or capitalised, still is.
func TestPlacesAppNameAsVerb(t *testing.T) {
	O := result.Organization
	checkPlCases(t, []plCase{
		{in: "Chips for nights, paypal me a fiver each", not: []string{"paypal"}},
		// look-alikes
		{in: "I paid for the pizza on Venmo last night", want: []plSpan{{"Venmo", O}}},
		{in: "Venmo me for the coffees later", want: []plSpan{{"Venmo", O}}},
		{in: "Sent the money through PayPal to her", want: []plSpan{{"PayPal", O}}},
	})
}

// A care home's numbered hall, a floor's wing code after "in", and a bare room
// number before "to" and a verb.
func TestPlacesHallsWingsAndRooms(t *testing.T) {
	W, R := result.Ward, result.Room
	checkPlCases(t, []plCase{
		{in: "Two call lights broken on the 400 hall since Monday.", want: []plSpan{{"400 hall", W}}},
		{in: "The 100 Hall residents loved the choir.", want: []plSpan{{"100 Hall", W}}},
		{in: "Another frequent flyer admitted in 6E, same patient as last week.", want: []plSpan{{"6E", W}}},
		{in: "Bribing the stubborn old gent in 318 to drink his fortisip.", want: []plSpan{{"318", R}}},
		// look-alikes
		{in: "She rents a flat at 100 Hall Road now.", want: []plSpan{{"100 Hall Road", result.Street}}},
		{in: "I must have walked 300 halls today.", not: []string{"300"}},
		{in: "Maths homework is in 3B for the kids.", not: []string{"3B"}},
		{in: "The lady in 210 to 212 are sisters.", not: []string{"210"}},
		{in: "He scored a 5S award at the hospital.", not: []string{"5S"}},
	})
}

// A country's abbreviation owned by the writer ("my first UK placement") is a
// COUNTRY; an ambiguous state code after a city may go on with a clause word.
func TestPlacesOwnedCountryAndStateCodes(t *testing.T) {
	C := result.Country
	checkPlCases(t, []plCase{
		{in: "Loving my first UK placement so far.", want: []plSpan{{"UK", C}}},
		{in: "Finally got our UK visas stamped!", want: []plSpan{{"UK", C}}},
		{in: "Night shift jobs around Xenia OH if anyone knows any?", want: []plSpan{{"OH", C}}},
		{in: "Anyone in the Greeley CO area hiring new grads?", want: []plSpan{{"CO", C}}},
		{in: "She is from Xenia OH and loves it.", not: []string{"OH"}},
		// look-alikes
		{in: "UK nurses, is the new code any good?", not: []string{"UK"}},
		{in: "A UK survey says we are all tired.", not: []string{"UK"}},
		{in: "Walked all over Salem OH my feet hurt", not: []string{"OH"}},
	})
}

// Venues and charities named with a cue ("Alhambra Theatre", "Relief Fund"),
// and bodies named "for <field>"; the operating theatre is no venue.
func TestPlacesVenuesFundsAndBodiesFor(t *testing.T) {
	O := result.Organization
	checkPlCases(t, []plCase{
		{in: "Saw the panto at the Kettlewick Theatre with my nan.", want: []plSpan{{"Kettlewick Theatre", O}}},
		{in: "Raised £900 for the Pitmen Relief Fund with a bake sale.", want: []plSpan{{"Pitmen Relief Fund", O}}},
		{in: "Proud to be made a member of the Society for Emergency Triage today.", want: []plSpan{{"Society for Emergency Triage", O}}},
		{in: "Joined the Association for Perioperative Practice this year.", want: []plSpan{{"Association for Perioperative Practice", O}}},
		// look-alikes
		{in: "Back to Theatre 3 for the next case.", not: []string{"Theatre"}},
		{in: "He went to theatre at 3 for his hip.", not: []string{"theatre"}},
		{in: "Scrubbed in Main Theatre all day.", not: []string{"Main Theatre"}},
		{in: "The Fund is closed to new members.", not: []string{"Fund"}},
	})
}

// A clinic or hospital for animals is an organisation, not a HOSPITAL.
func TestPlacesAnimalClinics(t *testing.T) {
	O, H := result.Organization, result.Hospital
	checkPlCases(t, []plCase{
		{in: "Took the cat to Brambleside Animal Hospital for her jabs.", want: []plSpan{{"Brambleside Animal Hospital", O}}},
		{in: "Our dog is booked in at Yarrowby Veterinary Clinic on Friday.", want: []plSpan{{"Yarrowby Veterinary Clinic", O}}},
		// look-alike: a hospital for people in the same shape
		{in: "Drove my grandad to Brambleside Community Hospital for bloods.", want: []plSpan{{"Brambleside Community Hospital", H}}},
	})
}

// After "good at", "rubbish at" an unknown capitalised word is a skill or a
// game, no hospital nor business; after a plain "at" in a healthcare sentence
// it may be one.
func TestPlacesSkillAtNoHospital(t *testing.T) {
	for _, in := range []string{"Funny how porters on every ward are brilliant at Quarkle after a shift.", "I am rubbish at Zendrix honestly"} {
		doc, err := text.New(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := (properDetector{}).Detect(doc, nil); len(got) > 0 {
			t.Errorf("%q: unexpected %s %q", in, got[0].Type, doc.Norm[got[0].Start:got[0].End])
		}
	}
	checkPlCases(t, []plCase{
		{in: "Funny how porters on every ward are brilliant at Quarkle after a shift.", not: []string{"Quarkle"}},
		{in: "Nights at Kestrelmoor were rough on the ward.", want: []plSpan{{"Kestrelmoor", result.Hospital}}},
	})
}

// "Dr" after a name is a street's suffix when no name follows it ("on
// Quillon Dr past…"); before a name it stays a title.
func TestPlacesDrStreet(t *testing.T) {
	S := result.Street
	checkPlCases(t, []plCase{
		{in: "Somebody gritted the path on Wrenfield Dr before my early shift.", want: []plSpan{{"Wrenfield Dr", S}}},
		{in: "My new place is on Thistlebank Dr.", want: []plSpan{{"Thistlebank Dr", S}}},
		// look-alikes
		{in: "Thanks to Cosima Dr Venn and the team.", not: []string{"Cosima Dr"}},
		{in: "Saw Brennagh Dr. Quist today on the ward.", not: []string{"Brennagh Dr"}},
	})
}
