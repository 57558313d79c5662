package detect

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// plSpan is an expected entity: its text and type.
type plSpan struct {
	text string
	typ  result.Type
}

// plCase is one post: the entities that must be found and the texts that must not be
// covered by any entity of this family.
type plCase struct {
	in   string
	want []plSpan
	not  []string
}

// runPlaces runs the family on s and settles overlaps the way the engine does.
func runPlaces(t testing.TB, s string) (*text.Doc, []Candidate) {
	t.Helper()
	d, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	cs := placeDetector{}.Detect(d, nil)
	return d, Resolve(cs, 0.5)
}

func checkPlCases(t *testing.T, cases []plCase) {
	t.Helper()
	for _, c := range cases {
		d, cs := runPlaces(t, c.in)
		got := func() string {
			var b strings.Builder
			for _, x := range cs {
				b.WriteString("\n\t\t" + string(x.Type) + " " + strings.TrimSpace(d.Norm[x.Start:x.End]) + " (" + x.Reason + ")")
			}
			return b.String()
		}
		used := make([]bool, len(cs))
		for _, w := range c.want {
			found := false
			for i, x := range cs {
				if !used[i] && x.Type == w.typ && d.Norm[x.Start:x.End] == w.text {
					used[i], found = true, true
					break
				}
			}
			if !found {
				t.Errorf("%q: missing %s %q; got:%s", c.in, w.typ, w.text, got())
			}
		}
		for _, n := range c.not {
			at := strings.Index(d.Norm, n)
			if at < 0 {
				t.Errorf("%q: bad test, %q not in text", c.in, n)
				continue
			}
			for _, x := range cs {
				if x.Start < at+len(n) && at < x.End {
					t.Errorf("%q: %q must not be an entity, got %s %q (%s)", c.in, n, x.Type, d.Norm[x.Start:x.End], x.Reason)
				}
			}
		}
	}
}

func TestPlacesHospital(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "Pt transferred to Leeds General Infirmary overnight.", want: []plSpan{{"Leeds General Infirmary", H}}},
		{in: "She was admitted to St Mary's yesterday.", want: []plSpan{{"St Mary's", H}}},
		{in: "Handed over to the team at St. Luke's this morning.", want: []plSpan{{"St. Luke's", H}}},
		{in: "He was moved from St Thomas' last week.", want: []plSpan{{"St Thomas'", H}}},
		{in: "St Mary's A&E was heaving.", want: []plSpan{{"St Mary's", H}}},
		{in: "Leaving Oakfield Care Home after ten years.", want: []plSpan{{"Oakfield Care Home", H}}},
		{in: "Our patients come from Brookvale Nursing Home.", want: []plSpan{{"Brookvale Nursing Home", H}}},
		{in: "Booked in at Oakfield Surgery on Monday.", want: []plSpan{{"Oakfield Surgery", H}}},
		{in: "Transferred to Northgate Hospital for rehab.", want: []plSpan{{"Northgate Hospital", H}}},
		{in: "Went to Riverbank Medical Centre.", want: []plSpan{{"Riverbank Medical Centre", H}}},
		{in: "Starting at Greenfield Health Centre.", want: []plSpan{{"Greenfield Health Centre", H}}},
		{in: "She died peacefully at Willowbrook Hospice.", want: []plSpan{{"Willowbrook Hospice", H}}},
		{in: "Proud to work for Brackenshire NHS Foundation Trust.", want: []plSpan{{"Brackenshire NHS Foundation Trust", H}}},
		{in: "Placement at University Hospitals of Leicester this year.", want: []plSpan{{"University Hospitals of Leicester", H}}},
		{in: "The Royal Infirmary of Edinburgh is old.", want: []plSpan{{"Royal Infirmary of Edinburgh", H}}},
		{in: "Flown to Lakeview Regional Medical Center last night.", want: []plSpan{{"Lakeview Regional Medical Center", H}}},
		{in: "Thanks to everyone at Aylsham Memorial Hospital.", want: []plSpan{{"Aylsham Memorial Hospital", H}}},
		{in: "Nurses at Hollybush Practice are lovely.", want: []plSpan{{"Hollybush Practice", H}}},
		{in: "Covering for Betsi Cadwaladr University Health Board.", want: []plSpan{{"Betsi Cadwaladr University Health Board", H}}},
		{in: "New job with NHS Lothian!", want: []plSpan{{"NHS Lothian", H}}},
		{in: "Ended up at Whiston hospital again.", want: []plSpan{{"Whiston hospital", H}}},
		{in: "Sent him to Addenbrookes for a scan.", want: []plSpan{{"Addenbrookes", H}}},
		{in: "Transferred from Salford Royal last night.", want: []plSpan{{"Salford Royal", H}}},
		{in: "Ten years at Hollis Creek Regional and I'm done.", want: []plSpan{{"Hollis Creek Regional", H}}},
		{in: "Anyone else at Queen Anne's being pushed into extra shifts?", want: []plSpan{{"Queen Anne's", H}}},
		{in: "Avoid St. Bridget's in Fresno, the management is awful.", want: []plSpan{{"St. Bridget's", H}}},
		{in: "Third night on delivery suite at Kingsmead with 4 midwives.", want: []plSpan{{"Kingsmead", H}}},
		{in: "Being a nurse at Harbor View Children's is a joy.", want: []plSpan{{"Harbor View Children's", H}}},
		{in: "Our birth centre at St Helier's Women's Unit got Outstanding.", want: []plSpan{{"St Helier's Women's Unit", H}}},
		{in: "Cover at Riverside Royal again, SDEC full.", want: []plSpan{{"Riverside Royal", H}}},
		{in: "PT FROM BRANTHAM HOSPITAL FOR MENTAL STATUS CHANGES", want: []plSpan{{"BRANTHAM HOSPITAL", H}}},
		{in: "The Princess Royal opened the new wing.", not: []string{"Princess Royal"}},
		{in: "Kate Royal sang at the gala.", not: []string{"Kate Royal"}},
		{in: "Occupational Health were no help.", not: []string{"Occupational Health"}},
		{in: "TF INC TO 60, FOLEY PATENT, MAE FC", not: []string{"TF INC", "FOLEY", "MAE FC"}},
		{in: "Went to visit Kingsmead last summer.", not: []string{"Kingsmead"}},
		// ALL CAPS and all lower case
		{in: "PT TRANSFERRED TO LEEDS GENERAL INFIRMARY OVERNIGHT", want: []plSpan{{"LEEDS GENERAL INFIRMARY", H}}},
		{in: "ADMITTED TO ST MARY'S LAST NIGHT, SEEN BY REG", want: []plSpan{{"ST MARY'S", H}}},
		{in: "transferred to leeds general infirmary overnight, family aware", want: []plSpan{{"leeds general infirmary", H}}},
		{in: "she was sent over to st marys last night and is doing ok", want: []plSpan{{"st marys", H}}},
		// safe
		{in: "The surgery went well and she is home.", not: []string{"surgery"}},
		{in: "Knee Surgery recovery tips for nurses", not: []string{"Knee Surgery"}},
		{in: "Taken to hospital by ambulance.", not: []string{"hospital"}},
		{in: "She works at the hospital and loves it.", not: []string{"the hospital"}},
		{in: "The general hospital was busy.", not: []string{"general hospital"}},
		{in: "In general the staff were kind.", not: []string{"general"}},
		{in: "General Hospital is on tonight.", not: []string{"General Hospital"}},
		{in: "Best Practice guidance was followed.", not: []string{"Best Practice"}},
		{in: "We follow best practice for handovers.", not: []string{"best practice"}},
		{in: "He is a general surgeon.", not: []string{"general"}},
		{in: "The Attorney General spoke.", not: []string{"Attorney General"}},
		{in: "A&E was rammed again tonight.", not: []string{"A&E"}},
		{in: "St Mary's Primary School held a fete.", want: []plSpan{{"St Mary's Primary School", result.Organization}}},
		{in: "We walked down St John's Road.", want: []plSpan{{"St John's Road", result.Street}}},
		{in: "the surgery rang about her bloods", not: []string{"surgery"}},
		{in: "THE SURGERY WENT WELL", not: []string{"SURGERY"}},
		{in: "She had heart surgery in May.", not: []string{"heart surgery"}},
		{in: "Reflective Practice session today.", not: []string{"Reflective Practice"}},
		{in: "Went past the War Memorial today.", not: []string{"War Memorial"}},
		{in: "Care home staff deserve a pay rise.", not: []string{"Care home"}},
	})
}

// TestPlacesHospitalShapes covers hospital names said without a cue word, in the shapes
// hospitals are commonly named in (findHospitalShapes), and the everyday uses of the same
// words that must stay untouched.
func TestPlacesHospitalShapes(t *testing.T) {
	H := result.Hospital
	checkPlCases(t, []plCase{
		{in: "Moved to Royal Bolton for the operation.", want: []plSpan{{"Royal Bolton", H}}},
		{in: "Six years in theatres at Royal Berkshire now.", want: []plSpan{{"Royal Berkshire", H}}},
		{in: "Covering a night at Royal Derby, wish me luck.", want: []plSpan{{"Royal Derby", H}}},
		{in: "Long shift at Barnsley Royal, bed 9 kept us busy.", want: []plSpan{{"Barnsley Royal", H}}},
		{in: "Agency shift at Northern General tonight.", want: []plSpan{{"Northern General", H}}},
		{in: "Eight years at Western General and still learning.", want: []plSpan{{"Western General", H}}},
		{in: "Finished nights at Lutheran General, so tired.", want: []plSpan{{"Lutheran General", H}}},
		// a behavioural hospital by the weak cue "Behavioral"
		{in: "Agency shift at Lindenfield Pines Behavioral in Yakima tonight.", want: []plSpan{{"Lindenfield Pines Behavioral", H}}},
		{in: "Agency nights at Oakleaf Behavioural again.", want: []plSpan{{"Oakleaf Behavioural", H}}},
		{in: "Cognitive Behavioral therapy helped her a lot.", not: []string{"Cognitive Behavioral"}},
		{in: "Applied Behavioral Analysis course done today.", not: []string{"Applied Behavioral"}},
		// one name word before a denomination names a church; a place, two words or a
		// health brand before it name a hospital
		{in: "Jumble sale at Bethel Presbyterian this weekend.", want: []plSpan{{"Bethel Presbyterian", result.Organization}}},
		{in: "Calvary Baptist is running a food bank tonight.", want: []plSpan{{"Calvary Baptist", result.Organization}}},
		{in: "His mum helps out at Bethel Lutheran on Sundays.", want: []plSpan{{"Bethel Lutheran", result.Organization}}},
		{in: "Night shift at Houston Methodist again, ICU is full.", want: []plSpan{{"Houston Methodist", H}}},
		{in: "Started on the cardiac unit at Winston Oaks Baptist.", want: []plSpan{{"Winston Oaks Baptist", H}}},
		{in: "Coffee morning in the Methodist hall on Friday.", not: []string{"Methodist"}},
		{in: "Calvary Baptist Church needs volunteers.", want: []plSpan{{"Calvary Baptist Church", result.Organization}}},
		{in: "Orientation at Baptist Memorial starts Monday.", want: []plSpan{{"Baptist Memorial", H}}},
		{in: "The ambulance took him to Presbyterian and the nurse there was lovely.", want: []plSpan{{"Presbyterian", H}}},
		{in: "First week at Maple Grove Pediatrics done.", want: []plSpan{{"Maple Grove Pediatrics", H}}},
		{in: "Mum has been at Sunrise of Springfield for a year.", want: []plSpan{{"Sunrise of Springfield", H}}},
		{in: "His dialysis is at Fresenius Lancaster on Mondays.", want: []plSpan{{"Fresenius Lancaster", H}}},
		{in: "Transferred to Kaiser for the scan.", want: []plSpan{{"Kaiser", H}}},
		{in: "Did my elective at Spire Leeds.", want: []plSpan{{"Spire Leeds", H}}},
		{in: "Starting my peds residency at Children's Brightwater in March!", want: []plSpan{{"Children's Brightwater", H}}},
		{in: "Eight weeks on the ward at Children's of Wessex, home at last.", want: []plSpan{{"Children's of Wessex", H}}},
		{in: "Bought a Children's Encyclopedia for the ward library.", not: []string{"Children's Encyclopedia"}},
		// everyday uses
		{in: "Tickets for Royal Ascot sold out.", not: []string{"Royal Ascot"}},
		{in: "The Royal Albert Hall was packed.", not: []string{"Royal Albert"}},
		{in: "Royal Leamington Spa is lovely in spring.", want: []plSpan{{"Royal Leamington Spa", result.City}}},
		{in: "Going to watch the Northern Lights tonight.", not: []string{"Northern Lights"}},
		{in: "The Baptist minister visited her on the ward.", not: []string{"Baptist"}},
		{in: "He grew up Methodist and still sings in the choir.", not: []string{"Methodist"}},
		{in: "Sunrise over the hills was gorgeous this morning.", not: []string{"Sunrise"}},
		{in: "The Royal Marines band played at the fete.", not: []string{"Royal Marines"}},
		{in: "General Electric shares fell.", not: []string{"General"}},
		{in: "ADMITTED TO ROYAL BOLTON LAST NIGHT", not: []string{"ROYAL BOLTON"}},
		// name + post-name cue after "at": above a person reading; new post-name cues
		{in: "CT at Ashby General has been down since Monday.", want: []plSpan{{"Ashby General", H}}},
		{in: "As a consultant at Ashworth Royal I have to say it publicly.", want: []plSpan{{"Ashworth Royal", H}}},
		{in: "ER at County General has 47 boarders.", want: []plSpan{{"County General", H}}},
		{in: "Lakeside Dialysis on Grand Ave is reusing needles.", want: []plSpan{{"Lakeside Dialysis", H}}},
		{in: "Transferred to Birmingham Women's for delivery.", want: []plSpan{{"Birmingham Women's", H}}},
		{in: "She shops at the Bristol women's market.", not: []string{"women's"}},
		{in: "Mum moved into Oakbrook Senior Living last week.", want: []plSpan{{"Oakbrook Senior Living", H}}},
		{in: "Lunch at Dollar General again.", want: []plSpan{{"Dollar General", result.Organization}}},
		// a short name from the hospital lists, after a word that places a hospital, in a
		// sentence about care
		{in: "Had a patient transferred from Arrowe Park overnight.", want: []plSpan{{"Arrowe Park", H}}},
		{in: "Night shift at Nevill Hall was brutal.", want: []plSpan{{"Nevill Hall", H}}},
		{in: "We met at Nevill Hall for the wedding reception.", not: []string{"Nevill Hall"}},
		{in: "We walked along Pall Mall after the conference.", not: []string{"Pall Mall"}},
		// a care home by its name and head word, after "at", "from", "into", in a post
		// about care or a parent
		{in: "Huge thanks to my manager Priya at Ferncliffe House, care certificate done!", want: []plSpan{{"Ferncliffe House", H}}},
		{in: "Anyone got a relative at Alderbrook Lodge in Didsbury? Thinking of it for my dad.", want: []plSpan{{"Alderbrook Lodge", H}}},
		{in: "Great gig at the Opera House last night with my mum.", not: []string{"Opera House"}},
		{in: "Our baby girl arrived on the Hallam Wing at 4am, perfect.", want: []plSpan{{"Hallam Wing", H}}},
		{in: "The museum's new Hallam Wing opens to visitors in May.", not: []string{"Hallam Wing"}},
		{in: "Booked a night at Bramblewood Lodge for the ski trip.", not: []string{"Bramblewood Lodge"}},
		// the words of a listed hospital's name before its cue ("Geisinger Medical Center"),
		// after "at", "from", "to" in a post about care, over a town of the same name
		{in: "Did three years of nights at Geisinger before travel nursing.", want: []plSpan{{"Geisinger", H}}},
		{in: "He's at Hackensack now, still on the unit.", want: []plSpan{{"Hackensack", H}}},
		{in: "Patient came in from Frimley Park with a GI bleed.", want: []plSpan{{"Frimley Park", H}}},
		{in: "Shopping at Hackensack mall after my shift.", want: []plSpan{{"Hackensack", result.City}}},
		{in: "Thanks to my supervisor Dr Okoro at Frimley Park", want: []plSpan{{"Frimley Park", H}}},
		{in: "Ten years of nights at Sutter-Roseville, time for days.", want: []plSpan{{"Sutter-Roseville", H}}},
		{in: "Picked up a book for my shift at Hackensack & Sons bookshop.", want: []plSpan{{"Hackensack & Sons", result.Organization}}},
		{in: "Bake sale for the Geisinger NICU raised loads.", want: []plSpan{{"Geisinger", H}}},
		{in: "Proud to speak for Frimley Park nurses on the pay offer.", want: []plSpan{{"Frimley Park", H}}},
		// an acronym no list knows, after "at", "from", in a sentence about care
		{in: "Woke up in the ICU at KVMS and now I'm an RN there.", want: []plSpan{{"KVMS", H}}},
		{in: "Agency shift in the ED at County last night, total chaos.", want: []plSpan{{"County", H}}},
		{in: "Nurse staffing is decided at County level.", not: []string{"County"}},
		{in: "Pt transferred from CTSRU at 0400, stable.", not: []string{"CTSRU"}},
		{in: "Got tickets for the gig at KVMS on Friday.", not: []string{"KVMS"}},
		{in: "Pints at the Frimley Park Arms after work.", want: []plSpan{{"the Frimley Park Arms", result.Organization}}},
		{in: "Got my first nursing job at Leeds!", want: []plSpan{{"Leeds", result.City}}},
		// after a person and "from", the town is where the person is from
		{in: "Cuppa with Marjorie from Hackensack on the unit today.", want: []plSpan{{"Hackensack", result.City}}},
		{in: "Lovely chat with a roofer from Hackensack on the unit tonight.", want: []plSpan{{"Hackensack", result.City}}},
		{in: "Transferred from Hackensack overnight, bed 3, still on the unit.", want: []plSpan{{"Hackensack", H}}},
	})
}

func TestPlacesWardRoom(t *testing.T) {
	W, R := result.Ward, result.Room
	checkPlCases(t, []plCase{
		{in: "Moved to ward 7B overnight.", want: []plSpan{{"ward 7B", W}}},
		{in: "Ward 12 is short again.", want: []plSpan{{"Ward 12", W}}},
		{in: "Back on Rowan Ward tonight.", want: []plSpan{{"Rowan Ward", W}}},
		{in: "Rowan Ward is the best.", want: []plSpan{{"Rowan Ward", W}}},
		{in: "She went up to HDU then ITU.", want: []plSpan{{"HDU", W}, {"ITU", W}}},
		{in: "Two admissions to ICU and one to CCU.", want: []plSpan{{"ICU", W}, {"CCU", W}}},
		{in: "Baby went to NICU, then SCBU.", want: []plSpan{{"NICU", W}, {"SCBU", W}}},
		{in: "Seen in SDEC, admitted to AMU.", want: []plSpan{{"SDEC", W}, {"AMU", W}}},
		{in: "Lady in bed 4 in bay 2 was lovely.", want: []plSpan{{"bed 4", R}, {"bay 2", R}}},
		{in: "Moved her to bed 12A.", want: []plSpan{{"bed 12A", R}}},
		{in: "The lovely lady in 14 bit me again.", want: []plSpan{{"14", R}}},
		{in: "The lady in 14 days will be home.", not: []string{"14"}},
		{in: "Quiet night apart from a 64F s/p lap chole in 318 who kept ringing.", want: []plSpan{{"318", R}}},
		{in: "Guess who is on our floor, he's in 915 and wants his own chef.", want: []plSpan{{"915", R}}},
		{in: "Heads up, the VIP in 1203 has a film crew outside.", want: []plSpan{{"1203", R}}},
		{in: "So Mrs. Albright in 316B asked for a sherry again.", want: []plSpan{{"316B", R}}},
		{in: "She's in 2 minds about the job.", not: []string{"2"}},
		{in: "He finished the course in 14d flat.", not: []string{"14d"}},
		{in: "She came in 300 metres behind me at parkrun.", not: []string{"300"}},
		{in: "Bit of advice for new starters on Ward 8: the cameras don't cover it.", want: []plSpan{{"Ward 8", W}}},
		{in: "Bays 2-4 are closed.", want: []plSpan{{"Bays 2-4", R}}},
		{in: "Put him in side room 1.", want: []plSpan{{"side room 1", R}}},
		{in: "He is in SR2 now.", want: []plSpan{{"SR2", R}}},
		{in: "Cubicle 6 needs cleaning, then cubicle 6b.", want: []plSpan{{"Cubicle 6", R}, {"cubicle 6b", R}}},
		{in: "Straight into resus 2.", want: []plSpan{{"resus 2", R}}},
		{in: "She is in room 214.", want: []plSpan{{"room 214", R}}},
		{in: "Pt in rm 12 pressing the buzzer.", want: []plSpan{{"rm 12", R}}},
		{in: "ON WARD 7B, BED 4", want: []plSpan{{"WARD 7B", W}, {"BED 4", R}}},
		{in: "It's 3am on 5 North and the call lights are going.", want: []plSpan{{"5 North", W}}},
		{in: "Everybody on 7 East hates the new rota.", want: []plSpan{{"7 East", W}}},
		{in: "Shoutout to the lady on 3B who turned 103!", want: []plSpan{{"3B", W}}},
		{in: "Parents screaming in trauma bay 2.", want: []plSpan{{"trauma bay 2", R}}},
		// regression: a "trauma bay" without a number once looped for ever
		{in: "trauma bay and trauma bay 3", want: []plSpan{{"trauma bay 3", R}}},
		{in: "Happy Christmas from the Ward 4 night team!", want: []plSpan{{"Ward 4", W}}},
		{in: "Lives at 5 North Street.", want: []plSpan{{"5 North Street", result.Street}}},
		{in: "Upgraded to 4G on 2K.", not: []string{"4G", "2K"}},
		{in: "Pau was on shift with me.", not: []string{"Pau"}},
		{in: "back on rowan ward tonight with the usual crew", want: []plSpan{{"rowan ward", W}}},
		// a unit named in lower case in mixed text, numbered; a date is no unit number
		{in: "Plan: transfer to wexcombe 4, ? MRI", want: []plSpan{{"wexcombe 4", W}}},
		// a named institution after a move, in one-case notes too
		{in: "72 Y/O F ADMITTED FROM BRENTWOOD HOSP. FOR CHEST PAIN.", want: []plSpan{{"BRENTWOOD HOSP", result.Hospital}}},
		{in: "CAME IN FROM THE PELLINGTON HOUSE AFTER A SEIZURE", want: []plSpan{{"PELLINGTON HOUSE", result.Hospital}}},
		{in: "TAKEN TO BIRCHFIELD REGIONAL BY AMBULANCE", want: []plSpan{{"BIRCHFIELD REGIONAL", result.Hospital}}},
		{in: "sent to Dennis Marsh EW overnight", want: []plSpan{{"Dennis Marsh EW", result.Hospital}}},
		{in: "Pt is ready to go to Holy Innocents today.", want: []plSpan{{"Holy Innocents", result.Hospital}}},
		{in: "went to the big house", not: []string{"big house"}},
		// hospital initials and units named by staff, judged by shape and context
		{in: "SEEN BY THE RENAL TEAM AT KMC, THEN HOME", want: []plSpan{{"KMC", result.Hospital}}},
		{in: "found down -> BH EW today", want: []plSpan{{"BH", result.Hospital}}},
		{in: "ON FENWICKE 3 WITH HR 60S", want: []plSpan{{"FENWICKE 3", W}}},
		{in: "levo 2 mcg/min, zorbatil 2 mg", not: []string{"levo 2", "zorbatil 2"}},
		{in: "OOB UP TO CH FOR 2 HRS", not: []string{"CH"}},
		// homes, regions, employers and states where people live
		{in: "LIVES AT PELLINGTON HOUSE WITH HER SISTER", want: []plSpan{{"PELLINGTON HOUSE", result.Hospital}}},
		{in: "87 y.o. man, Pellington House NH resident, admitted overnight", want: []plSpan{{"Pellington House", result.Hospital}}},
		{in: "WAS SCREENED BY HOLY INNOCENTS REHAB TODAY", want: []plSpan{{"HOLY INNOCENTS", result.Hospital}}},
		{in: "TO GO TO ST. BERNADETTE ON FRIDAY", want: []plSpan{{"ST. BERNADETTE", result.Hospital}}},
		{in: "FAMILY DROVE IN FROM THE WESTERN SHORE OVERNIGHT", want: []plSpan{{"WESTERN SHORE", result.City}}},
		{in: "Radiation planning on South Campus at 11.", want: []plSpan{{"South Campus", result.Hospital}}},
		{in: "HUSBAND CEO OF ZENTRIX. NONSMOKER", want: []plSpan{{"ZENTRIX", result.Organization}}},
		{in: "Her daughter lives in DC.", want: []plSpan{{"DC", result.Country}}},
		{in: "lives in the north end of town", not: []string{"north end"}},
		{in: "She was DC'd to home", not: []string{"DC"}},
		{in: "went to our house after", not: []string{"our house"}},
		{in: "transferred to the ED from home", not: []string{"ED", "home"}},
		// a name before a lower-case noun of a place that is not one of care
		{in: "After my shift I went to the Methodist church for the carol service", not: []string{"Methodist"}},
		{in: "Went to the Quorndale pub after nights", not: []string{"Quorndale"}},
		{in: "She was transferred to Fenwicke ward overnight", want: []plSpan{{"Fenwicke ward", W}}},
		{in: "MOVED TO KH 9/14, HEPARIN HELD", want: []plSpan{{"KH", result.Hospital}}},
		{in: "lady in bed 4 kept pressing her buzzer", want: []plSpan{{"bed 4", R}}},
		// safe
		{in: "Mr Ward was discharged.", not: []string{"Ward"}},
		{in: "Dr Ward is my favourite consultant.", not: []string{"Ward"}},
		{in: "Sister Ward ran the shift.", not: []string{"Ward"}},
		{in: "Emily Ward said the bloods were fine.", not: []string{"Emily Ward"}},
		{in: "Back on the ward tonight.", not: []string{"the ward"}},
		{in: "Maternity Ward was calm.", not: []string{"Maternity Ward"}},
		{in: "Went to theatre then A&E then ED.", not: []string{"theatre", "A&E", "ED"}},
		{in: "Gave her a bed bath.", not: []string{"bed bath"}},
		{in: "On bed rest for a week.", not: []string{"bed rest"}},
		{in: "We have 4 beds free.", not: []string{"4 beds"}},
		{in: "There is room for improvement.", not: []string{"room for improvement"}},
		{in: "Parked by the bay.", not: []string{"bay"}},
		{in: "Resus was busy.", not: []string{"Resus"}},
		{in: "Stayed in bed 4 hours longer.", not: []string{"bed 4"}},
		{in: "Room 2 weeks ago was painted.", not: []string{"Room 2"}},
	})
}

func TestPlacesStreet(t *testing.T) {
	S := result.Street
	checkPlCases(t, []plCase{
		// a weekday right after "St" is no saint: the street ends there
		{in: "Roadworks on Birch St Friday, so the buses are late.", want: []plSpan{{"Birch St", result.Street}}},
		{in: "Moved next to Elm St Surgery last year.", want: []plSpan{{"Elm St Surgery", result.Hospital}}},
		{in: "She lives at 14 Acacia Avenue with her son.", want: []plSpan{{"14 Acacia Avenue", S}}},
		{in: "Found wandering on Church Lane.", want: []plSpan{{"Church Lane", S}}},
		{in: "Shops on the High Street were shut.", want: []plSpan{{"High Street", S}}},
		{in: "Address: 123 Main St, Springfield.", want: []plSpan{{"123 Main St", S}}},
		{in: "Flat 2, 14 Acacia Ave is her address.", want: []plSpan{{"Flat 2, 14 Acacia Ave", S}}},
		{in: "He lives at 14 acacia avenue.", want: []plSpan{{"14 acacia avenue", S}}},
		{in: "Crash on Wellbeck Road this morning.", want: []plSpan{{"Wellbeck Road", S}}},
		{in: "The diner on 9th Ave still does takeout after a late.", want: []plSpan{{"9th Ave", S}}},
		{in: "Bins go out at 27 Larkmoor St. Cheers!", want: []plSpan{{"27 Larkmoor St", S}}},
		{in: "The 2nd Dr was nicer, and the 3rd ST segment was flat.", not: []string{"2nd Dr", "3rd ST"}},
		{in: "HR 60s 1st AV block, BP stable.", not: []string{"1st AV"}},
		{in: "LIVES AT 14 ACACIA AVENUE ALONE", want: []plSpan{{"14 ACACIA AVENUE", S}}},
		{in: "Rolled up on a crash on I-80 last night.", want: []plSpan{{"I-80", S}}},
		{in: "Big queue on the A65 near Settle.", want: []plSpan{{"A65", S}}},
		{in: "Care home on Route 9 in town.", want: []plSpan{{"Route 9", S}}},
		{in: "L CT draining, EKG ST changes.", not: []string{"L CT", "EKG ST"}},
		{in: "790cc sanguinous ct output", not: []string{"790cc sanguinous ct"}},
		{in: "Gave 16 u lente SQ at tea.", not: []string{"16 u lente SQ"}},
		{in: "Lifted a 400 lb pt today.", not: []string{"400 lb pt"}},
		{in: "Magnolia Gardens cut our shower aides.", not: []string{"Magnolia Gardens"}},
		{in: "lives at 22 thornbury close with wife", want: []plSpan{{"22 thornbury close", S}}},
		// safe
		{in: "Walking down memory lane.", not: []string{"memory lane"}},
		{in: "The street was quiet.", not: []string{"street"}},
		{in: "We had street food.", not: []string{"street food"}},
		{in: "Long road ahead for her.", not: []string{"road"}},
		{in: "Did a 12 hour shift on the ward.", not: []string{"12 hour"}},
		{in: "Gave 2 paracetamol and rest.", not: []string{"2 paracetamol and rest"}},
	})
}

func TestPlacesCity(t *testing.T) {
	C, K := result.City, result.Country
	checkPlCases(t, []plCase{
		{in: "Lovely lady from Aylsham.", want: []plSpan{{"Aylsham", C}}},
		{in: "Aylsham is a small town.", want: []plSpan{{"Aylsham", C}}},
		{in: "Drove up to Leeds after the shift.", want: []plSpan{{"Leeds", C}}},
		{in: "She moved to Reading last year.", want: []plSpan{{"Reading", C}}},
		{in: "We went to Bath for the weekend.", want: []plSpan{{"Bath", C}}},
		{in: "He grew up in Hope, Derbyshire.", want: []plSpan{{"Hope", C}}},
		{in: "Born in Springfield, IL in 1950.", want: []plSpan{{"Springfield", C}, {"IL", K}}},
		{in: "Relatives in Reading, PA.", want: []plSpan{{"Reading", C}, {"PA", K}}},
		// a state code right after a US place, without the comma
		{in: "Pileup on the freeway near Amarillo TX, three hurt.", want: []plSpan{{"Amarillo", C}, {"TX", K}}},
		{in: "Yard sale at 4 Elm Ct, Topeka KS 66603 on Saturday.", want: []plSpan{{"Topeka", C}, {"KS", K}}},
		{in: "Clinic opens next month in Dayton OH 45402.", want: []plSpan{{"Dayton", C}, {"OH", K}}},
		{in: "Now hiring in Spokane WA.", want: []plSpan{{"Spokane", C}, {"WA", K}}},
		{in: "We drove through Portland OR Seattle, not sure which.", not: []string{"OR"}},
		{in: "She is from Columbus OH and loves it.", not: []string{"OH"}},
		{in: "Moved from Boise ID to the coast last year.", not: []string{"ID"}},
		{in: "DRIVING TO BOSTON MA TODAY", not: []string{"MA"}},
		{in: "Her family live in Milton Keynes.", want: []plSpan{{"Milton Keynes", C}}},
		{in: "Transferred from Stoke-on-Trent.", want: []plSpan{{"Stoke-on-Trent", C}}},
		{in: "Flew in from New York.", want: []plSpan{{"New York", C}}},
		{in: "A farmer from Yorkshire.", want: []plSpan{{"Yorkshire", C}}},
		{in: "She grew up in Cook County.", want: []plSpan{{"Cook County", C}}},
		{in: "He lives near Chicago.", want: []plSpan{{"Chicago", C}}},
		{in: "She is originally from Poland.", want: []plSpan{{"Poland", K}}},
		{in: "Moved back to Wales.", want: []plSpan{{"Wales", K}}},
		{in: "Visiting family in Texas.", want: []plSpan{{"Texas", K}}},
		// a language is not a place, though the gazetteer knows small towns of that name
		{in: "Nobody on nights could explain it to him in English.", not: []string{"English"}},
		{in: "Her grandad only speaks Tagalog and Spanish.", not: []string{"Tagalog", "Spanish"}},
		{in: "The leaflet is in Polish and Romanian now.", not: []string{"Polish", "Romanian"}},
		{in: "Lives in North London with her son.", want: []plSpan{{"North London", C}}},
		{in: "Nurses in the UK are tired.", want: []plSpan{{"UK", K}}},
		{in: "LOVELY LADY FROM AYLSHAM, VERY CHATTY", want: []plSpan{{"AYLSHAM", C}}},
		{in: "lovely lady from aylsham, very chatty", want: []plSpan{{"aylsham", C}}},
		{in: "drove up to leeds after the shift", want: []plSpan{{"leeds", C}}},
		// safe
		{in: "Gave him a bath and a shave.", not: []string{"bath"}},
		{in: "I love reading on nights.", not: []string{"reading"}},
		{in: "Reading the notes took an hour.", not: []string{"Reading"}},
		{in: "Hope is coming to visit today.", not: []string{"Hope"}},
		{in: "I hope she is ok.", not: []string{"hope"}},
		{in: "Will you cover my shift?", not: []string{"Will"}},
		{in: "In March she had a fall.", not: []string{"March"}},
		{in: "Florence was a lovely patient.", not: []string{"Florence"}},
		{in: "Mr Preston went home.", not: []string{"Preston"}},
		{in: "It was a good deal.", not: []string{"deal"}},
		{in: "The sale starts Monday.", not: []string{"sale"}},
		{in: "Had his eye checked.", not: []string{"eye"}},
		{in: "Mobile phone was lost.", not: []string{"Mobile"}},
		{in: "Best shift ever.", not: []string{"Best"}},
		{in: "A nice patient.", not: []string{"nice"}},
		{in: "Follow NICE guidance.", want: []plSpan{{"NICE", result.Organization}}},
		{in: "Follow nice guidance.", not: []string{"nice"}},
		{in: "Let us know.", not: []string{"us"}},
		{in: "READING THE NOTES NOW", not: []string{"READING"}},
		{in: "gave her a bath in bed", not: []string{"bath"}},
		{in: "hope you are all well", not: []string{"hope"}},
		{in: "Phone has 16 GB left.", not: []string{"GB"}},
		{in: "Thanks, OK with that.", not: []string{"OK"}},
		{in: "Sarah Preston was on shift.", not: []string{"Preston"}},
		{in: "Mary was lovely today.", not: []string{"Mary"}},
		{in: "A couple from Hay-on-Wye, lovely.", not: []string{"Hay"}},
		{in: "Wells and Glastonbury on the bike.", want: []plSpan{{"Wells", C}}},
		{in: "Just so you know, the manager in Rotherham, Linda Marsh, is stealing.", want: []plSpan{{"Rotherham", C}}, not: []string{"Linda"}},
		{in: "Obama was on the news again.", not: []string{"Obama"}},
		{in: "Working Christmas Day again.", not: []string{"Christmas"}},
		{in: "Listening to Florence and the Machine.", not: []string{"Florence"}},
		{in: "FOLEY DRAINING WELL, LIMA TO LAD PATENT", not: []string{"FOLEY", "LIMA"}},
		{in: "Troponin up, MI, CT tomorrow.", not: []string{"MI", "CT"}},
		{in: "UK nurses, how do you cope?", not: []string{"UK"}},
		{in: "Crash on US-89 outside town.", want: []plSpan{{"US-89", result.Street}}},
	})
}

func TestPlacesOrganization(t *testing.T) {
	O := result.Organization
	checkPlCases(t, []plCase{
		{in: "Her son works at Tesco.", want: []plSpan{{"Tesco", O}}},
		{in: "Bumped into her in Sainsbury's.", want: []plSpan{{"Sainsbury's", O}}},
		{in: "He drives for Amazon.", want: []plSpan{{"Amazon", O}}},
		{in: "Met at the Red Lion after work.", want: []plSpan{{"the Red Lion", O}}},
		{in: "Drinks at the Rose and Crown.", want: []plSpan{{"the Rose and Crown", O}}},
		{in: "He supports Leeds United.", want: []plSpan{{"Leeds United", O}}},
		{in: "Kent County Council were useless.", want: []plSpan{{"Kent County Council", O}}},
		{in: "Arrested by West Yorkshire Police.", want: []plSpan{{"West Yorkshire Police", O}}},
		{in: "Studied at the University of Leeds.", want: []plSpan{{"University of Leeds", O}}},
		{in: "Teaches at Oakwood Primary School.", want: []plSpan{{"Oakwood Primary School", O}}},
		{in: "Works for Brackley Builders Ltd.", want: []plSpan{{"Brackley Builders Ltd", O}}},
		{in: "Married at St Peter's Church.", want: []plSpan{{"St Peter's Church", O}}},
		{in: "Works at TESCO ON NIGHTS", want: []plSpan{{"TESCO", O}}},
		{in: "her son works at tesco on nights", want: []plSpan{{"tesco", O}}},
		// safe
		{in: "The council were useless.", not: []string{"council"}},
		{in: "Called the police.", not: []string{"police"}},
		// "State" inside a college's name does not end another name there
		{in: "Teaching anatomy at Tolliver State Community College next term.", want: []plSpan{{"Tolliver State Community College", O}}},
		{in: "Kent County Council West Yorkshire Police", want: []plSpan{{"Kent County Council", O}, {"West Yorkshire Police", O}}},
		// a local paper: a place and a newspaper word
		{in: "The Morpeth News ran a piece on our unit.", want: []plSpan{{"Morpeth News", O}}},
		{in: "Made the front page of the Swindon Advertiser lol", want: []plSpan{{"Swindon Advertiser", O}}},
		{in: "Her dad was in the Lancashire Telegraph again", want: []plSpan{{"Lancashire Telegraph", O}}},
		{in: "Some Good News for once on the ward", not: []string{"Good News"}},
		{in: "Breaking News: the rota is out", not: []string{"Breaking News"}},
		{in: "Any news on the new rota?", not: []string{"news"}},
		// "Uni" ends a university's name like "University"
		{in: "Dropped my lanyard at the careers fair at Durham Uni today.", want: []plSpan{{"Durham Uni", O}}},
		{in: "Her daughter has just started at Aston Uni.", want: []plSpan{{"Aston Uni", O}}},
		{in: "Back to uni after reading week.", not: []string{"uni"}},
		{in: "Uni was hard work but worth it.", not: []string{"Uni"}},
		{in: "She is at university.", not: []string{"university"}},
		{in: "The Amazon rainforest is huge.", not: []string{"Amazon"}},
		{in: "Put your boots on.", not: []string{"boots"}},
		{in: "Primary School teachers are great.", not: []string{"Primary School"}},
		{in: "We need to target the backlog.", not: []string{"target"}},
		{in: "These GlowLab gummies got me through nights.", want: []plSpan{{"GlowLab", O}}},
		{in: "Reported them to the CQC today.", want: []plSpan{{"CQC", O}}},
		{in: "Drinks at the Crown on Saturday!", want: []plSpan{{"the Crown", O}}},
		{in: "Leaving party for Priya at the Anchor next Friday!", want: []plSpan{{"the Anchor", O}}},
		{in: "Quiz night at the Stag and Anchor tomorrow, team needed.", want: []plSpan{{"the Stag and Anchor", O}}},
		{in: "Team night out on Saturday, cocktails at Fandango then dancing.", want: []plSpan{{"Fandango", O}}},
		{in: "Booked a massage at the Solace for my birthday, then cocktails.", want: []plSpan{{"Solace", O}}},
		{in: "Christmas party at Christmas, obviously.", not: []string{"Christmas,"}},
		{in: "Found solace at work after the party.", not: []string{"solace"}},
		{in: "Ran to the Taco Bell drive-thru.", want: []plSpan{{"Taco Bell", O}}, not: []string{"the"}},
		{in: "Training at Brookvale Sixth Form.", want: []plSpan{{"Brookvale Sixth Form", O}}},
		{in: "He plays for Hull City now.", want: []plSpan{{"Hull City", O}}},
		{in: "Graduating from Westminster High!", want: []plSpan{{"Westminster High", O}}},
		{in: "Shopping in Leeds City Centre.", not: []string{"Leeds City"}},
		{in: "Lost it between the Co-op and the bus stop.", want: []plSpan{{"Co-op", O}}},
		{in: "We joined a housing co-op last year.", not: []string{"co-op"}},
		{in: "Her PhD and GCSEs and McKenzie and DeShawn.", not: []string{"PhD", "GCSEs", "McKenzie", "DeShawn"}},
		{in: "Pt was in RAF for a while, CMS intact.", not: []string{"CMS"}},
		{in: "Binge watching Netflix after nights again.", want: []plSpan{{"Netflix", O}}},
		{in: "Matched with a former pt on Hinge. Awkward.", want: []plSpan{{"Hinge", O}}},
		{in: "The hinge on the door broke again.", not: []string{"hinge"}},
		{in: "Waiting for the FDA's findings.", want: []plSpan{{"FDA", O}}},
		{in: "The Board of Nursing sent me a letter.", want: []plSpan{{"Board of Nursing", O}}},
		{in: "NIH 4 on arrival, ANA negative, DOD pending.", not: []string{"NIH", "ANA", "DOD"}},
		{in: "TED BOOTS ON BOTH LEGS", not: []string{"BOOTS"}},
		// professional bodies, journals and academic medical centres by their initials
		{in: "Our audit got into the NEJM, and the CSP want a talk on it.", want: []plSpan{{"NEJM", O}, {"CSP", O}}},
		{in: "Dad flew Tornados in the RAF for twenty years.", want: []plSpan{{"RAF", O}}},
		{in: "New review in the Lancet on delirium.", want: []plSpan{{"Lancet", O}}},
		{in: "Got my fellowship at UPMC, moving in June!", want: []plSpan{{"UPMC", result.Hospital}}},
		{in: "Used a lancet for the finger prick.", not: []string{"lancet"}},
		{in: "Left AMA at 0300, CMS intact on discharge.", not: []string{"AMA", "CMS"}},
		{in: "Mum said chop the onions.", not: []string{"chop"}},
		{in: "Grandad, ex-RAF, still does his press-ups.", want: []plSpan{{"RAF", O}}},
		{in: "Wrote to the DHSC about the rota gaps.", want: []plSpan{{"DHSC", O}}},
		{in: "Her RCPsych membership came through today.", want: []plSpan{{"RCPsych", O}}},
		{in: "Nice weather for a change.", not: []string{"Nice"}},
		{in: "Neuro: alert. DHSC: stable. Monitor dhsc.", not: []string{"DHSC", "dhsc"}},
		{in: "We went to Six Flags the week after he came home.", want: []plSpan{{"Six Flags", O}}},
		{in: "Got my scrubs cheap at Old Navy lol.", want: []plSpan{{"Old Navy", O}}},
		{in: "Bro the guy who collapsed in the Meijer parking lot was my pt today.", want: []plSpan{{"Meijer", O}}},
		{in: "Meet you by the Hospital car park barrier.", not: []string{"Hospital"}},
		{in: "Stuck in the Leeds car park queue again.", want: []plSpan{{"Leeds", result.City}}},
		{in: "HR 150, went into RAF overnight, rate controlled.", not: []string{"RAF"}},
		{in: "that's what I do in med school lol", not: []string{"med school"}},
		// saints' churches and schools with the cue in lower case
		{in: "Carol service at St Bartholomew's church was lovely.", want: []plSpan{{"St Bartholomew's church", result.Organization}}},
		{in: "We met through St. Brendan parish youth group.", want: []plSpan{{"St. Brendan parish", result.Organization}}},
		// clubs by place + nickname, public services by place + initials
		{in: "Watching the Leicester Tigers game after my shift.", want: []plSpan{{"Leicester Tigers", result.Organization}}},
		{in: "Got tickets to see the Denver Broncos next week.", want: []plSpan{{"Denver Broncos", result.Organization}}},
		{in: "Huge thanks to Lubbock FD for the quick response.", want: []plSpan{{"Lubbock FD", result.Organization}}},
		{in: "Driver was a senior at Plainview HS, so young.", want: []plSpan{{"Plainview HS", result.Organization}}},
		{in: "Saw some tigers at the zoo in Leicester.", not: []string{"tigers"}},
		// a nickname alone, where the words around it make it the team
		{in: "Go Bruins!! Big night for the city.", want: []plSpan{{"Bruins", result.Organization}}},
		{in: "Knee surgery for a lad who plays for the Ravens, keep it quiet.", want: []plSpan{{"Ravens", result.Organization}}},
		{in: "Pt in a Packers jersey asking for more jello.", want: []plSpan{{"Packers", result.Organization}}},
		{in: "A Bengals receiver came through triage tonight, hush.", want: []plSpan{{"Bengals", result.Organization}}},
		{in: "Steelers lost again and my whole unit is sulking.", want: []plSpan{{"Steelers", result.Organization}}},
		{in: "The Cardinals met in Rome this week.", not: []string{"Cardinals"}},
		{in: "Saints preserve us, what a night.", not: []string{"Saints"}},
		{in: "The owls in Leicester Square were a surprise.", not: []string{"owls"}},
		{in: "Pt from Lubbock, hs normal, no murmur.", not: []string{"hs"}},
		// more cues: motel, crematorium, cemetery, association, society, institute, journal;
		// a club may take "of <place>"
		{in: "She volunteers with the Rotary Club of Fargo.", want: []plSpan{{"Rotary Club of Fargo", result.Organization}}},
		{in: "We stayed at the Bayview Motel after the shift.", want: []plSpan{{"Bayview Motel", result.Organization}}},
		{in: "The funeral is at Thornbury Crematorium on Friday.", want: []plSpan{{"Thornbury Crematorium", result.Organization}}},
		{in: "Keynote at the Alderley Research Institute.", want: []plSpan{{"Alderley Research Institute", result.Organization}}},
		{in: "Had my MRI at the Eastgate Spine Institute today.", want: []plSpan{{"Eastgate Spine Institute", result.Hospital}}},
		// a body or journal of a field after "of"
		{in: "Proud to speak at the Royal College of Radiologists next month.", want: []plSpan{{"Royal College of Radiologists", result.Organization}}},
		{in: "Our paper is out in the Journal of Advanced Nursing today.", want: []plSpan{{"Journal of Advanced Nursing", result.Organization}}},
		{in: "Honoured to join the Society of Acute Medicine council.", want: []plSpan{{"Society of Acute Medicine", result.Organization}}},
		{in: "The university of life taught me.", not: []string{"university of life"}},
		{in: "Running the 10k for the British Kidney Foundation on Sunday.", want: []plSpan{{"British Kidney Foundation", result.Organization}}},
		{in: "Foundation doctors start in August.", not: []string{"Foundation"}},
		{in: "I keep a journal of my shifts.", not: []string{"journal"}},
		{in: "Our book club meets on Tuesdays.", not: []string{"club"}},
		{in: "The society we live in is broken.", not: []string{"society"}},
	})
}

func TestPlacesProfession(t *testing.T) {
	P := result.Profession
	checkPlCases(t, []plCase{
		{in: "Lovely man, a retired headmaster.", want: []plSpan{{"headmaster", P}}},
		{in: "Her husband is a firefighter.", want: []plSpan{{"firefighter", P}}},
		{in: "The local vicar visited.", want: []plSpan{{"vicar", P}}},
		{in: "Pt is a local councillor.", want: []plSpan{{"councillor", P}}},
		{in: "He works as a bus driver.", want: []plSpan{{"bus driver", P}}},
		{in: "His dad, a former miner, was lovely.", want: []plSpan{{"miner", P}}},
		{in: "She's a solicitor in town.", want: []plSpan{{"solicitor", P}}},
		{in: "HER HUSBAND IS A FIREFIGHTER", want: []plSpan{{"FIREFIGHTER", P}}},
		{in: "The daughter of my old science teacher came in.", want: []plSpan{{"science teacher", P}}},
		{in: "45M taxi driver from town, admitted with TB.", want: []plSpan{{"taxi driver", P}}},
		{in: "Mum (a 29-year-old teacher from town) did brilliantly.", want: []plSpan{{"teacher", P}}},
		{in: "Her son (Darren, bus driver for the council) kept shouting.", want: []plSpan{{"bus driver", P}}},
		{in: "I slid into the DMs of the cute firefighter I discharged.", want: []plSpan{{"firefighter", P}}},
		{in: "Get your tablets from the chemist.", not: []string{"chemist"}},
		// an owned occupation is someone else's, whoever the subject
		{in: "Tom Pryce, our retired headteacher, opened the fete.", want: []plSpan{{"headteacher", P}}},
		{in: "My former headmaster popped in with flowers.", want: []plSpan{{"headmaster", P}}},
		{in: "I'm a teacher and so is my husband.", not: []string{"teacher"}},
		{in: "Our teacher training day was dull.", not: []string{"teacher"}},
		// an interjection after the occupation closes the clause
		{in: "Saw the plumber haha, small world", want: []plSpan{{"plumber", P}}},
		{in: "Her uncle was a postmaster for forty years.", want: []plSpan{{"postmaster", P}}},
		{in: "His gran had been a codebreaker, apparently.", want: []plSpan{{"codebreaker", P}}},
		// a bare "driver" is who drove, unless a frame makes it a job
		{in: "Nasty smash by the roundabout: 19yo driver, airbag went off.", not: []string{"driver"}},
		{in: "The driver walked away without a scratch after the rollover.", not: []string{"driver"}},
		{in: "A driver ran the red light on Mill Lane.", not: []string{"driver"}},
		{in: "Her dad is a driver for a courier firm.", want: []plSpan{{"driver", P}}},
		{in: "Her husband is a lorry driver.", want: []plSpan{{"lorry driver", P}}},
		// "the butcher's" before a place word is the shop; "the butcher's wife" is his
		{in: "Her flat is next to the baker's in the square.", not: []string{"baker"}},
		{in: "Popped to the chemist's, back soon.", not: []string{"chemist"}},
		{in: "The butcher's wife brought him in.", want: []plSpan{{"butcher", P}}},
		{in: "The manager at the home is stealing.", not: []string{"manager"}},
		// safe
		{in: "Teachers are underpaid.", not: []string{"Teachers"}},
		{in: "I used to be a teacher.", not: []string{"teacher"}},
		{in: "I'm a teacher and a mum.", not: []string{"teacher"}},
		{in: "As a teacher, I see it too.", not: []string{"teacher"}},
		{in: "She is a nurse on nights.", not: []string{"nurse"}},
		{in: "A paramedic brought him in.", not: []string{"paramedic"}},
		{in: "The midwife was brilliant.", not: []string{"midwife"}},
		{in: "We ran a pilot study.", not: []string{"pilot"}},
		{in: "Mr Baker went home.", not: []string{"Baker"}},
		{in: "Sister Bell ran the shift.", not: []string{"Sister"}},
		{in: "A porter took him down.", not: []string{"porter"}},
	})
}

func TestPlacesFeature(t *testing.T) {
	F := result.Feature
	checkPlCases(t, []plCase{
		{in: "He had a dragon tattoo on his neck.", want: []plSpan{{"dragon tattoo", F}}},
		{in: "Delivered conjoined twins today.", want: []plSpan{{"conjoined twins", F}}},
		{in: "Mum of quadruplets came in.", want: []plSpan{{"quadruplets", F}}},
		{in: "He is a famous footballer apparently.", want: []plSpan{{"famous footballer", F}}},
		{in: "She's a local celebrity round here.", want: []plSpan{{"local celebrity", F}}},
		{in: "That bloke off the telly came in.", want: []plSpan{{"off the telly", F}}},
		{in: "He was hurt in the bonfire crash.", want: []plSpan{{"bonfire crash", F}}},
		{in: "Her partner is a well-known footballer.", want: []plSpan{{"well-known footballer", F}}},
		{in: "Nurse for the famous country singer tonight.", want: []plSpan{{"famous country singer", F}}},
		{in: "A well known local auctioneer, sadly died.", not: []string{"well known local"}},
		{in: "She has tattoos and loves them.", not: []string{"has tattoos"}},
		{in: "Three came in from the M62 pile-up.", want: []plSpan{{"M62 pile-up", F}}},
		{in: "Hurt in the Year 11 prom crash.", want: []plSpan{{"Year 11 prom crash", F}}},
		{in: "Free check at the Yakima fire station.", not: []string{"fire"}},
		{in: "Stuck on the M6 for hours.", want: []plSpan{{"M6", result.Street}}},
		{in: "Low B12 again.", not: []string{"B12"}},
		{in: "Our local MP visited the ward.", want: []plSpan{{"MP", F}}},
		{in: "Rare case of progeria in clinic.", want: []plSpan{{"progeria", F}}},
		{in: "Patient with locked-in syndrome.", want: []plSpan{{"locked-in syndrome", F}}},
		{in: "A footballer who plays for Leeds United.", want: []plSpan{{"footballer who plays for", F}}},
		// safe
		{in: "Complains of stabbing pain in chest.", not: []string{"stabbing pain"}},
		{in: "Shooting pains down her leg.", not: []string{"Shooting pains"}},
		{in: "She had twins last year.", not: []string{"twins"}},
		{in: "Admitted after a fall with chest pain.", not: []string{"a fall", "chest pain"}},
		{in: "Went past the car crash on the way in.", not: []string{"car crash"}},
	})
}

// TestPlacesReasons checks that reasons name the rule and the context.
func TestPlacesReasons(t *testing.T) {
	d, cs := runPlaces(t, "Lovely lady from Aylsham.")
	if len(cs) != 1 || !strings.Contains(cs[0].Reason, "gazetteer") || !strings.Contains(cs[0].Reason, "Aylsham") || !strings.Contains(cs[0].Reason, "pop") {
		t.Errorf("reason: %+v", cs)
	}
	_ = d
}

// TestPlacesOffsets checks candidates against the engine contract on many inputs.
func TestPlacesOffsets(t *testing.T) {
	for _, s := range plFuzzSeeds {
		checkPlOffsets(t, s)
	}
}

var plFuzzSeeds = []string{
	"Pt transferred to Leeds General Infirmary from Aylsham last night.",
	"ADMITTED TO ST MARY'S, BED 4 BAY 2, WARD 7B",
	"lives at 14 acacia avenue, aylsham nr11 6aa",
	"Reading, PA and Springfield, IL",
	"the M62 pile-up; a dragon tattoo; off the telly",
	"St Thomas' and Guy's",
	"Ward ’7B’ — bed\u00a04 in Bäckström Hospital",
	"Café Zoë's Surgery, Ærø Health Centre",
	"'s 's ' St. . - & and",
	"",
}

func checkPlOffsets(t testing.TB, s string) {
	d, err := text.New(s)
	if err != nil {
		return
	}
	for _, c := range (placeDetector{}).Detect(d, nil) {
		if c.Start < 0 || c.End > len(d.Norm) || c.Start >= c.End {
			t.Fatalf("%q: bad span %d-%d", s, c.Start, c.End)
		}
		if !utf8.RuneStart(d.Norm[c.Start]) || (c.End < len(d.Norm) && !utf8.RuneStart(d.Norm[c.End])) {
			t.Fatalf("%q: span %d-%d not on rune boundaries", s, c.Start, c.End)
		}
		if c.Confidence < 0.5 || c.Confidence > 0.99 {
			t.Fatalf("%q: confidence %v", s, c.Confidence)
		}
		if c.Reason == "" {
			t.Fatalf("%q: empty reason", s)
		}
		if strings.TrimSpace(d.Norm[c.Start:c.End]) != d.Norm[c.Start:c.End] {
			t.Fatalf("%q: span %q has outer spaces", s, d.Norm[c.Start:c.End])
		}
	}
}

func FuzzPlaces(f *testing.F) {
	for _, s := range plFuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlOffsets(t, s)
	})
}

func BenchmarkPlaces(b *testing.B) {
	post := strings.Repeat("Pt transferred to Leeds General Infirmary from Aylsham last night, bed 4 in bay 2 on Rowan Ward. "+
		"Her husband, a retired headmaster, lives at 14 Acacia Avenue and works at Tesco. Lovely lady, dragon tattoo, "+
		"bit of a local celebrity. Handover at 0700, obs stable, family aware, plan to discharge tomorrow if bloods ok. ", 20)
	d, err := text.New(post)
	if err != nil {
		b.Fatal(err)
	}
	det := placeDetector{}
	var out []Candidate
	b.SetBytes(int64(len(post)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = det.Detect(d, out[:0])
	}
}

// BenchmarkPlacesProse runs the family on ordinary post text with few entities.
func BenchmarkPlacesProse(b *testing.B) {
	post := strings.Repeat("Absolutely shattered after a long shift, nobody had a break and the ward was rammed again. "+
		"Shout out to the amazing team on nights, you are all stars and I could not do it without you. "+
		"Can anyone recommend a good book for revision? Struggling with pharmacology and the exams are soon. "+
		"Lovely lady in bay 3 kept asking for her husband, heartbreaking. Handover at 0700, obs stable. ", 20)
	d, err := text.New(post)
	if err != nil {
		b.Fatal(err)
	}
	det := placeDetector{}
	var out []Candidate
	b.SetBytes(int64(len(post)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = det.Detect(d, out[:0])
	}
}
