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
		{in: "Bed 3 is a retired copper, thinks he's in charge.", want: []plSpan{{"copper", P}}},
		{in: "Her lad was a goalkeeper for the county.", want: []plSpan{{"goalkeeper", P}}},
		// safe
		{in: "The 19 year old driver walked away from it.", not: []string{"driver"}},
		{in: "Call the county sheriff if you see him.", not: []string{"sheriff"}},
		{in: "I'm a nurse and a teacher.", not: []string{"teacher"}},
		{in: "Our old English teacher's car park is full.", not: []string{"car park"}},
		{in: "The copper pipe under the sink burst.", not: []string{"copper"}},
		{in: "Our deputy manager is off sick.", not: []string{"deputy"}},
	})
}

// TestPlPersonStories covers events told with a verb (findStories) and where a tattoo
// is. The second half must stay quiet: medicines swallowed, everyday falls and crashes,
// figures of speech.
func TestPlPersonStories(t *testing.T) {
	F := result.Feature
	checkPlCases(t, []plCase{
		{in: "X-ray of the day: swallowed a whole fidget spinner, aged 7.", want: []plSpan{{"swallowed a whole fidget spinner", F}}},
		{in: "The man who got a torch stuck up his nose is back.", want: []plSpan{{"torch stuck", F}}},
		{in: "The teenager waiting for a heart transplant went home.", want: []plSpan{{"waiting for a heart transplant", F}}},
		{in: "Turns out the bus driver had a fit at the wheel.", want: []plSpan{{"had a fit at the wheel", F}}},
		{in: "Guess who came in: the girl off Gogglebox!", want: []plSpan{{"off Gogglebox", F}}},
		{in: "The bloke off Treasure Island Live was in the ambulance.", want: []plSpan{{"off Treasure Island Live", F}}},
		{in: "The woman off Leeds Road was in again.", not: []string{"off"}},
		{in: "The chap who won the £3m EuroMillions is on our ward.", want: []plSpan{{"won the £3m EuroMillions", F}}},
		{in: "RIP to the lad who drowned in the old quarry.", want: []plSpan{{"drowned in the old quarry", F}}},
		{in: "The walker who fell into the weir survived.", want: []plSpan{{"fell into the weir", F}}},
		{in: "Farmer trapped under his tractor for a day, the poor soul.", want: []plSpan{{"trapped under his tractor", F}}},
		{in: "The woman who drove her car through the bakery window.", want: []plSpan{{"drove her car through the bakery window", F}}},
		{in: "The postie hit by a reversing bin lorry is stable.", want: []plSpan{{"hit by a reversing bin lorry", F}}},
		{in: "She gave birth in the back of an Uber on the bypass!", want: []plSpan{{"birth in the back of an Uber", F}}},
		{in: "The kid from the snowmobile crash is awake.", want: []plSpan{{"snowmobile crash", F}}},
		{in: "Lifted the 550lb patient with the hoist.", want: []plSpan{{"550lb", F}}},
		{in: "The guy with a tattoo on his eyelid is back.", want: []plSpan{{"tattoo on his eyelid", F}}},
		{in: "The old boy with the glass eye is back in.", want: []plSpan{{"glass eye", F}}},
		{in: "Teaching case: 41F with acute intermittent porphyria, first in years.", want: []plSpan{{"acute intermittent porphyria", F}}},
		{in: "Suspected botulism in the lad from the rave.", want: []plSpan{{"botulism", F}}},
		// safe
		{in: "She swallowed the tablets without fuss.", not: []string{"swallowed"}},
		{in: "Not a patient, my spaniel's scan: Rufus swallowed a glove again.", not: []string{"swallowed"}},
		{in: "Stuck in the traffic on the ring road again.", not: []string{"Stuck"}},
		{in: "Don't be a stuck up snob about the rota.", not: []string{"stuck"}},
		{in: "He fell off the bed and the chair.", not: []string{"fell"}},
		{in: "The man was hit by a car outside.", not: []string{"hit by"}},
		{in: "Drowned in the paperwork this week.", not: []string{"Drowned"}},
		{in: "Get off the bus at the Station stop.", not: []string{"off"}},
		{in: "The car accident on the bypass shut the road.", not: []string{"accident"}},
		{in: "Waiting on the kidney transplant results.", not: []string{"transplant"}},
		{in: "The mum who won the raffle was chuffed.", not: []string{"won"}},
		{in: "Give the patient a hand with the leg exercises.", not: []string{"hand", "leg"}},
		{in: "Rabies vaccine clinic is on Thursday.", not: []string{"Rabies"}},
		{in: "Ebola PPE training again today.", not: []string{"Ebola"}},
	})
}

// TestPlPersonTraits covers a business owner, unusual hair, a presenter, "the only
// <group> family", an ex-service job, a working life ("years a") and a quoted tattoo;
// the second half must stay quiet.
func TestPlPersonTraits(t *testing.T) {
	F, P := result.Feature, result.Profession
	checkPlCases(t, []plCase{
		{in: "Real name Derek, 61, bike shop owner in the dales.", want: []plSpan{{"bike shop owner", P}}},
		{in: "The one with the lilac hair keeps pressing the buzzer.", want: []plSpan{{"lilac hair", F}}},
		{in: "The fella who used to read the news on Radio Tees came in.", want: []plSpan{{"used to read the news on Radio Tees", F}}},
		{in: "Only the Somali family in the valley turned up, the only Somali family there.", want: []plSpan{{"only Somali family", F}}},
		{in: "There's a resident, ex-RAF mechanic, who hums all day.", want: []plSpan{{"mechanic", P}}},
		{in: "He was forty years a postman round the villages.", want: []plSpan{{"postman", P}}},
		{in: "The lad with a tattoo of 'Kayleigh' on his neck is back in.", want: []plSpan{{"tattoo of 'Kayleigh' on his neck", F}}},
		// safe
		{in: "I'm a small business owner and the rates are mad.", not: []string{"owner"}},
		{in: "I read the news this morning, awful.", not: []string{"news"}},
		{in: "The hair on the pillow was grey.", not: []string{"hair"}},
		{in: "The only English speaker on the shift.", not: []string{"only English"}},
	})
}

// TestPlPersonProfessionContext covers occupations told by what stands around them: an
// employer's name after "a/an", an age written with a slash, "well-known", a relative
// right after the job, a given name right after it, a police rank. The second half must
// stay quiet: a job asked for rather than a person described, the author's own job.
func TestPlPersonProfessionContext(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "Our man in bay 2, a Ryanair pilot, wants to fly on Monday.", want: []plSpan{{"pilot", P}}},
		{in: "The driver was an Argos delivery driver on his rounds.", want: []plSpan{{"delivery driver", P}}},
		{in: "Yesterday we saw a 61 y/o plumber with a crush injury.", want: []plSpan{{"plumber", P}}},
		{in: "We admitted a 47 yo welder with burns to both hands.", want: []plSpan{{"welder", P}}},
		{in: "The lady in bed 6 is a well-known parish vicar.", want: []plSpan{{"vicar", P}}},
		{in: "Plumber husband and a toddler, so no sleep here.", want: []plSpan{{"Plumber", P}}},
		{in: "Her electrician dad rewired the whole house.", want: []plSpan{{"electrician", P}}},
		{in: "Huge thanks to the porters, and taxi driver Roland who waited.", want: []plSpan{{"taxi driver", P}}},
		{in: "Her grandad was a retired police inspector from the valleys.", want: []plSpan{{"police inspector", P}}},
		{in: "Cheers to the hot plumber who fixed the sluice.", want: []plSpan{{"plumber", P}}},
		{in: "He was a busker his whole life.", want: []plSpan{{"busker", P}}},
		// safe
		{in: "She kept demanding a solicitor at 4am.", not: []string{"solicitor"}},
		{in: "Somebody find a reporter, this needs airing.", not: []string{"reporter"}},
		{in: "He asked for a solicitor again.", not: []string{"solicitor"}},
		{in: "I'm a nurse, not a plumber.", not: []string{"plumber"}},
		{in: "I'm a 34 y/o teacher retraining as a nurse.", not: []string{"teacher"}},
		{in: "The pilot study starts in May.", not: []string{"pilot"}},
		{in: "We need a Tesco delivery slot before Friday.", not: []string{"delivery"}},
	})
}

// TestPlPersonFameCompounds covers a person noun made publicly known by the words before
// it (a league, an award, a genre, a show named with capitals) and accidents of a pastime.
// The second half must stay quiet: a job without fame, a workplace's prize, greetings.
func TestPlPersonFameCompounds(t *testing.T) {
	F, P := result.Feature, result.Profession
	checkPlCases(t, []plCase{
		{in: "Just took an NBA rapper up to CT, keeping it quiet.", want: []plSpan{{"NBA rapper", F}}},
		{in: "A championship footballer came through minors tonight with a cut eyebrow.", want: []plSpan{{"championship footballer", F}}},
		{in: "Sat with an oscar winner in the discharge lounge today.", want: []plSpan{{"oscar winner", F}}},
		{in: "Pop singer, overdose, you'll read about it tomorrow.", want: []plSpan{{"Pop singer", F}}},
		{in: "Guess which Emmerdale actor was in cubicle 4 tonight.", want: []plSpan{{"Emmerdale actor", F}}},
		{in: "The Great Pottery Throwdown winner came in with chest pain.", want: []plSpan{{"Pottery Throwdown winner", F}}},
		{in: "The award-winning comedian was very polite.", want: []plSpan{{"award-winning comedian", F}}},
		{in: "The boy from the jet-ski crash and the kayaking accident last week.", want: []plSpan{{"kayaking accident", F}}},
		// safe
		{in: "Her brother is an actor in a touring company.", want: []plSpan{{"actor", P}}},
		{in: "Well done to our Employee of the Month winner!", not: []string{"winner"}},
		{in: "Congrats to the Nursing Times Award winner on our ward.", not: []string{"winner"}},
		{in: "Merry Christmas winner of the raffle.", not: []string{"winner"}},
		{in: "The raffle winner gets a hamper.", not: []string{"winner"}},
	})
}

// TestPlPersonForeignBodiesAndShows covers an object lodged in a person ("a coin in her
// throat") and a contestant, presenter or star of a show named with capitals. The second
// half must stay quiet: clinical kit and symptoms in a body part, piercings, a teaching
// image without a person, a prize called a star.
func TestPlPersonForeignBodiesAndShows(t *testing.T) {
	F := result.Feature
	checkPlCases(t, []plCase{
		{in: "X-ray shows two magnets in his stomach, aged 4.", want: []plSpan{{"magnets in his stomach", F}}},
		{in: "He walked in with an arrow through his thigh.", want: []plSpan{{"arrow through his thigh", F}}},
		{in: "Shrapnel still in her neck from years ago.", want: []plSpan{{"Shrapnel still in her neck", F}}},
		{in: "The Masterchef contestant was in resus last night.", want: []plSpan{{"Masterchef contestant", F}}},
		{in: "We had the Great British Menu presenter on the ward.", want: []plSpan{{"British Menu presenter", F}}},
		{in: "That Love Island star is in bay 2.", want: []plSpan{{"Love Island star", F}}},
		{in: "Guess which Dragons Den judge we had in tonight.", want: []plSpan{{"Dragons Den judge", F}}},
		{in: "A certain Masterchef judge was very polite.", want: []plSpan{{"Masterchef judge", F}}},
		// safe
		{in: "Sharp pain in his chest since lunch.", not: []string{"chest"}},
		{in: "He has a drain in his chest and a cannula in his arm.", not: []string{"chest", "arm"}},
		{in: "She has a ring in her nose and one in her lip.", not: []string{"nose"}},
		{in: "Teaching image: a screwdriver in the rectum.", not: []string{"screwdriver"}},
		{in: "Our dog had a sock in his stomach.", not: []string{"sock"}},
		{in: "Jen won a Rising Star award!", not: []string{"Star"}},
		{in: "You're a star, Jen.", not: []string{"star"}},
		{in: "The Crown Court judge sent him down.", not: []string{"Crown"}},
	})
}

// TestPlPersonProfessionObjects covers a job told as the object of a verb of care or
// meeting ("we had a …"), an employer or party after a describing word ("a local Green
// councillor"), and the field of a job ("a ballet dancer"). The second half must stay
// quiet: the author's own job, a job asked for.
func TestPlPersonProfessionObjects(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "We had a 51M construction worker in after a fall.", want: []plSpan{{"construction worker", P}}},
		{in: "We admitted a retired headmaster last night.", want: []plSpan{{"headmaster", P}}},
		{in: "I nursed a lovely Irish plumber on nights.", want: []plSpan{{"plumber", P}}},
		{in: "Her neighbour is a local Green councillor.", want: []plSpan{{"councillor", P}}},
		{in: "The lady in bay 3 was a ballet dancer in her day.", want: []plSpan{{"ballet dancer", P}}},
		// safe
		{in: "We are a team of nurses and I'm a retired teacher.", not: []string{"teacher"}},
		{in: "I got a lawyer in the end.", not: []string{"lawyer"}},
		{in: "We need a Polish interpreter for bay 2.", not: []string{"interpreter"}},
	})
}

// TestPlPersonProfessionPairs covers a describing pair before a job ("a long-haul
// trucker", "the off duty firefighter"), an employer after "the" ("the Uber driver
// who …") and a job in apposition to what "our/my" owns. The second half must stay quiet:
// an age, a weekday, the author's own roles.
func TestPlPersonProfessionPairs(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "Our regular, a long-haul trucker, is back again.", want: []plSpan{{"trucker", P}}},
		{in: "An off-duty plumber did CPR in the car park.", want: []plSpan{{"plumber", P}}},
		{in: "Thanks to the off duty firefighter who stopped.", want: []plSpan{{"firefighter", P}}},
		{in: "Shout out to the Lyft driver who carried her in.", want: []plSpan{{"driver", P}}},
		{in: "Her mum is a preschool teacher.", want: []plSpan{{"preschool teacher", P}}},
		// safe
		{in: "I'm a nurse and a part-time baker.", not: []string{"baker"}},
		{in: "The Sunday driver was late again.", not: []string{"driver"}},
		{in: "Mr Jones, 78, retired twice.", not: []string{"retired"}},
	})
}

// TestPlPersonLoudVehicles covers a vehicle of a colour people remember. The second half
// must stay quiet: everyday colours, a car park or seat, a make with a capital.
func TestPlPersonLoudVehicles(t *testing.T) {
	F := result.Feature
	checkPlCases(t, []plCase{
		{in: "The chap in the lime green motorhome is back.", want: []plSpan{{"lime green motorhome", F}}},
		{in: "Found by the river next to her neon pink scooter.", want: []plSpan{{"neon pink scooter", F}}},
		{in: "You know him, drives the purple pickup.", want: []plSpan{{"purple pickup", F}}},
		// safe
		{in: "He came in a silver car with his son.", not: []string{"car"}},
		{in: "Meet me by the orange car park barrier.", not: []string{"car"}},
		{in: "The pink car seat was still in the back.", not: []string{"car"}},
	})
}

// TestPlPersonProfessionDoers covers a job followed by a past tense ("the farmer drove"),
// a school grade before it, more fields ("a sheep farmer") and a strong modifier before an
// employer ("former Acme Rangers cheerleader"). The second half must stay quiet.
func TestPlPersonProfessionDoers(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "The plumber drove her in himself.", want: []plSpan{{"plumber", P}}},
		{in: "The bartender called it in at midnight.", want: []plSpan{{"bartender", P}}},
		{in: "She was a 4th grade teacher for decades.", want: []plSpan{{"teacher", P}}},
		{in: "Her grandad was a sheep farmer in the dales.", want: []plSpan{{"sheep farmer", P}}},
		{in: "Our patient (former Acme Rovers physio's brother, ex Acme Rangers cheerleader) is home.", want: []plSpan{{"cheerleader", P}}},
		// safe
		{in: "The pilot study needed funding.", not: []string{"pilot"}},
		{in: "Teacher training started today.", not: []string{"Teacher"}},
		{in: "For our March rota, the driver need not apply.", not: []string{"driver"}},
	})
}
