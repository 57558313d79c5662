package detect

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// dtFound runs the family on s and returns "TYPE text" for every resolved candidate.
func dtFound(t testing.TB, s string) []string {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		t.Fatalf("text.New(%q): %v", s, err)
	}
	var out []string
	for _, c := range Resolve(dtDetector{}.Detect(doc, nil), 0.5) {
		out = append(out, string(c.Type)+" "+doc.Norm[c.Start:c.End])
	}
	return out
}

type dtCase struct {
	name string
	in   string
	want []string // every DATE/TIME/AGE the family must report, in order; nil: none at all
}

func runDTCases(t *testing.T, cases []dtCase) {
	t.Helper()
	for _, c := range cases {
		got := dtFound(t, c.in)
		if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("%s: %q\n got: %q\nwant: %q", c.name, c.in, got, c.want)
		}
	}
}

func TestDTNumericDates(t *testing.T) {
	runDTCases(t, []dtCase{
		{"d/m/yyyy", "Seen on 12/03/1951 in clinic", []string{"DATE 12/03/1951"}},
		{"d-m-yy", "referral dated 12-03-51.", []string{"DATE 12-03-51"}},
		{"d.m.yyyy", "letter of 12.03.1951", []string{"DATE 12.03.1951"}},
		{"d.m.yy", "Today is 21.5.21", []string{"DATE 21.5.21"}},
		{"iso", "admitted 2024-03-12 via ED", []string{"DATE 2024-03-12"}},
		{"iso datetime", "Today is 2024-06-05T09:15:30.500-07:00 or not?", []string{"DATE 2024-06-05T09:15:30.500-07:00"}},
		{"iso Z", "2024-03-15T14:30Z", []string{"DATE 2024-03-15T14:30Z"}},
		{"iso then time", "Date: 2000-04-16 11:34:35", []string{"DATE 2000-04-16", "TIME 11:34:35"}},
		{"m-d-yyyy", "Today is 5-20-2021", []string{"DATE 5-20-2021"}},
		{"m/yyyy", "Today is 05/2021", []string{"DATE 05/2021"}},
		{"dob", "DOB 01/02/45", []string{"DATE 01/02/45"}},
		{"dob colon", "D.O.B: 1/2/1945", []string{"DATE 1/2/1945"}},
		{"uk d/m bare", "seen on 3/12 and again 12/3", []string{"DATE 3/12", "DATE 12/3"}},
		{"us m/d", "Today is 5/21", []string{"DATE 5/21"}},
		{"commas", "Today is,5/21,and it's sunny", []string{"DATE 5/21"}},
		{"glued", "Today is5/21", nil},
		{"icu list", "S/P MI X2(2/21, 4/21), STENT", []string{"DATE 2/21", "DATE 4/21"}},
		{"icu range", "ceftaz rec'd 8/2 - 8/10. cont", []string{"DATE 8/2", "DATE 8/10"}},
		{"icu header", "3/20 CSRU SHIFT SUMMARY", []string{"DATE 3/20"}},
		{"icu m/yy", "echo 8/87 showing EF 20%", []string{"DATE 8/87"}},
		{"leading zero", "low ant resection in 3/06. Anxiety", []string{"DATE 3/06"}},
		{"m-d-yy header", "3-24-17 B: Neuro: alert", []string{"DATE 3-24-17"}},
		{"lbm", "appetite good, LBM 11/5", []string{"DATE 11/5"}},
	})
}

func TestDTNumericNotDates(t *testing.T) {
	runDTCases(t, []dtCase{
		{"bp", "BP 120/80, HR 88", nil},
		{"bp low", "BP 94/62 and 80/40", nil},
		{"gcs", "GCS 3/15 on arrival, GCS 14/15 later", nil},
		{"pain", "pain 8/10, scored 7/10", nil},
		{"half tab", "given 1/2 tab and 1/4 strength", nil},
		{"fraction of", "3/4 of the staff were off", nil},
		{"power", "Power 4/5 in left arm, 5/5 in right", nil},
		{"uk days ago", "she had 2/7 ago diarrhoea", nil},
		{"uk hx", "5/7 hx of cough, 3/7 history", nil},
		{"uk for", "abx for 5/7, x 3/7, over 2/7", nil},
		{"uk weeks", "2/52 hx, 34/40 pregnant, 5/60", nil},
		{"uk months", "6/12 post op, 3/12 ago", nil},
		{"24/7", "we work 24/7", nil},
		{"version", "Update to version 2.3.12 and iOS 17.2.1", nil},
		{"version dotted date shape", "release 12.1.24 is out", nil},
		{"abg", "ABG 7.39/43/137/27 on 40%", nil},
		{"vent psv", "PSV 10/5 with RR 14, CPAP 5/5 40%", nil},
		{"vent bipap", "On bi-pap 10/5 with initial ABG", nil},
		{"flow", "flowby 6/3. Spont vols", nil},
		{"dose range", "BP 94-113/42-51", nil},
		{"apostrophe chain", "bp 120-140'2/70's", nil},
		{"chain", "1/2/3/4 and 10/03/10/04", nil},
		{"decimal", "temp 38.5 and HR 110", nil},
		{"money", "cost £12.50 or $3/4", nil},
		{"score slash 10", "would recommend 10/10", nil},
		{"d5 half", "IVF D5 1/2 at 75/hr", nil},
	})
}

func TestDTWordDates(t *testing.T) {
	runDTCases(t, []dtCase{
		{"ordinal month", "She came in on 3rd March", []string{"DATE 3rd March"}},
		{"day month year", "born 3 March 1951", []string{"DATE 3 March 1951"}},
		{"month ordinal year", "March 3rd 2024 was a Sunday", []string{"DATE March 3rd 2024", "DATE Sunday"}},
		{"abbr", "Mar 3, Sept '24 and Dec. 2023", []string{"DATE Mar 3", "DATE Sept '24", "DATE Dec. 2023"}},
		{"of", "the 3rd of March", []string{"DATE 3rd of March"}},
		{"comma year", "I bought my car on May 1st, 1977", []string{"DATE May 1st, 1977"}},
		{"month of year", "IN THIS CASE MARCH OF 1993.", []string{"DATE MARCH OF 1993"}},
		{"hyphen forms", "5-MAY-2021, May-21, 21-May, May-2021", []string{"DATE 5-MAY-2021", "DATE May-21", "DATE 21-May", "DATE May-2021"}},
		{"word ordinal", "on the third of May", []string{"DATE third of May"}},
		{"compound ordinal", "the twenty-first of June", []string{"DATE twenty-first of June"}},
		{"month cue", "in June she fell, early May, by December", []string{"DATE June", "DATE May", "DATE December"}},
		{"month abbr cue", "living with brother in sept. and", []string{"DATE sept"}},
		{"weekday", "Tuesday was awful", []string{"DATE Tuesday"}},
		{"last weekday", "last Tuesday I saw her", []string{"DATE last Tuesday"}},
		{"weekday night", "Tuesday night shift", []string{"DATE Tuesday"}},
		{"weekday abbr cue", "see you on Tues", []string{"DATE Tues"}},
		{"weekday abbr part", "Sat night was busy", []string{"DATE Sat"}},
		{"weekday date", "Tuesday 3rd March 2024", []string{"DATE Tuesday 3rd March 2024"}},
		{"weekday ordinal", "Thurs 12th", []string{"DATE Thurs 12th"}},
		{"yesterday", "yesterday she was fine", []string{"DATE yesterday"}},
		{"last night", "last night was chaos", []string{"DATE last night"}},
		{"last week", "he was on our unit last week", []string{"DATE last week"}},
		{"last weekend", "Last weekend's crash on the bypass", []string{"DATE Last weekend"}},
		{"last month", "the lady I nursed last month, bless her", []string{"DATE last month"}},
		{"day before", "the day before yesterday", []string{"DATE day before yesterday"}},
		{"night before last", "the night before last", []string{"DATE night before last"}},
		{"holidays", "Christmas Day, Boxing Day, New Year's Eve, Bonfire Night",
			[]string{"DATE Christmas Day", "DATE Boxing Day", "DATE New Year's Eve", "DATE Bonfire Night"}},
		{"us holidays", "Thanksgiving and the Fourth of July", []string{"DATE Thanksgiving", "DATE Fourth of July"}},
		{"match day", "Match Day! So grateful", []string{"DATE Match Day"}},
		{"bank holiday", "over the May bank holiday", []string{"DATE bank holiday"}},
		{"life span", "RIP Nan 1931-2024 x", []string{"DATE 1931", "DATE 2024"}},
		{"not a life span", "the 2019-2020 season", nil},
		{"cued holiday", "working over Christmas and at Easter", []string{"DATE Christmas", "DATE Easter"}},
		{"last holiday", "last Christmas was hard", []string{"DATE last Christmas"}},
		{"st patrick", "on St. Patrick's Day", []string{"DATE St. Patrick's Day"}},
		{"good friday", "Good Friday shift", []string{"DATE Good Friday"}},
		{"born in year", "she was born in 1931", []string{"DATE 1931"}},
		{"pmh years", "PMH MI 1992; CABG '95, CVA 74'.", []string{"DATE 1992", "DATE 95", "DATE 74"}},
		{"pmh two digit", "PMH: CABG 81, Redo CABG 84, MVR", []string{"DATE 81", "DATE 84"}},
		{"decade event", "POSSIBLE MI IN 1980S AFTER", []string{"DATE 1980S"}},
		{"ordinal the", "it's the 11th.", []string{"DATE 11th"}},
		{"ordinal by the", "payslips arrive by the 28th.", []string{"DATE 28th"}},
		{"on the", "on the 3rd she left", []string{"DATE 3rd"}},
		{"icu month day", "admitted to hospital on July 1 from osh", []string{"DATE July 1"}},
		{"all lower", "on tuesday 3rd march we were short", []string{"DATE tuesday 3rd march"}},
	})
}

func TestDTWordNotDates(t *testing.T) {
	runDTCases(t, []dtCase{
		{"today", "today, tonight and this morning", nil},
		{"in year", "in 2019 we moved; since 1998 I have nursed", nil},
		{"career", "Qualified in 2009, 12 years qualified", nil},
		{"may verb", "you may go and I may stay", nil},
		{"may name", "May Jones came in. Staff nurse May said so", nil},
		{"this may", "THINKS THIS MAY BE R/T LEVO", nil},
		{"march verb", "we march on", nil},
		{"sat", "Sat down with the sats", nil},
		{"sats caps", "4L ON SAT 97%", nil},
		{"wed", "we wed in the spring", nil},
		{"sun", "the sun was out, on sun loungers", nil},
		// a month that is also a name: a schedule's month, and a month before "I"
		{"schedule for month", "The rota for June is out and it's grim", []string{"DATE June"}},
		{"month before I", "The only weekend in August I'm off and he books a stag", []string{"DATE August"}},
		{"gift for name", "Flowers for April from all of us on nights", nil},
		{"month then surname", "Cake from May Jennings again", nil},
		// a capitalised weekday abbreviation before a clock time or owned before a shift word is a day
		{"abbr before time", "Union drop-in Wed 5pm by the lifts", []string{"DATE Wed", "TIME 5pm"}},
		{"abbr at hour", "Leaving do Fri at 7.", []string{"DATE Fri"}},
		{"owned abbr shift", "anyone swap my Sat late for a Monday?", []string{"DATE Sat", "DATE Monday"}},
		{"abbr from", "Stall on Thurs from 10 in the atrium", []string{"DATE Thurs"}},
		{"verb sat at", "I Sat at 2 tables before it went quiet", nil},
		{"paper at", "read the Sun at 9pm on the bus", []string{"TIME 9pm"}},
		{"mon fri", "open Mon-Fri", nil},
		{"jan name", "Jan said hi", nil},
		{"dec decreased", "dec u/o and dec. BS", nil},
		{"may lower number", "2 may be enough", nil},
		{"caps may", "PT MAY GO HOME. 2 MAY BE ENOUGH. DEC U/O, DEC 2 MG", nil},
		{"caps month", "SEEN 3 MAY. ADMITTED IN MAY. ON SAT AM", []string{"DATE 3 MAY", "DATE MAY", "DATE SAT"}},
		{"merry christmas", "Merry Christmas all! Christmas jumper day", nil},
		{"ordinal noun", "on the 3rd floor, the 2nd time", nil},
		{"ordinal in series", "he hit a double in the 8th. Then rain stopped play at the end of the 4th.", nil},
		{"ordinal place", "she came in the 5th, out of forty runners", nil},
		{"year count", "20 years in nursing, a 30 year career, 4 years ago", nil},
		{"twelve hour", "12 hour shift", nil},
		{"plural weekday", "I work Tuesdays", nil},
		{"final night shift", "my last night shift before leave", nil},
		{"final week", "my last week on the unit, in the last month of term", nil},
		{"last week of", "last week of placement done", nil},
		{"last year", "we moved last year", nil},
		{"billing period", "send me the bill for last month please", nil},
		{"career years", "retired in 2015 and moved in 2019", nil},
		{"decade music", "The 80s were great. Late 80s music", nil},
	})
}

func TestDTTimes(t *testing.T) {
	runDTCases(t, []dtCase{
		// the end of a range of clock times is a time whatever follows it
		{"am to h:mm pm range", "I work 7am-8:30pm on weekends", []string{"TIME 7am", "TIME 8:30pm"}},
		{"h:mm range before unit", "I pick up 8:30-3:30 shifts at the bank", []string{"TIME 8:30", "TIME 3:30"}},
		{"am", "3am, 3 am, 3.30pm and 10:30am", []string{"TIME 3am", "TIME 3 am", "TIME 3.30pm", "TIME 10:30am"}},
		{"a.m.", "at 3 a.m. she woke", []string{"TIME 3 a.m."}},
		{"at 0300", "at 0300 she pulled her line", []string{"TIME 0300"}},
		{"hrs", "0300 hrs and 1415hrs", []string{"TIME 0300", "TIME 1415hrs"}},
		{"colon", "At 14:30 she arrived", []string{"TIME 14:30"}},
		{"approx", "ARRIVED IN TRANSFER APPROX. 2130; STABLE", []string{"TIME 2130"}},
		{"range 24h", "1900 - 0700 and 0700->1930", []string{"TIME 1900", "TIME 0700", "TIME 0700", "TIME 1930"}},
		{"range colon", "Shift is 07:30-20:00", []string{"TIME 07:30", "TIME 20:00"}},
		{"range am/pm", "visiting 2-4pm", []string{"TIME 2-4pm"}},
		{"630am", "at 630am pt became diaphoretic", []string{"TIME 630am"}},
		{"mention", "ADMITTED TO CCU @2330.", []string{"TIME 2330"}},
		{"at sign", "PRESENTED @ 1230 W LETHARGY", []string{"TIME 1230"}},
		{"midnight", "at midnight and around noon", []string{"TIME midnight", "TIME noon"}},
		{"not even midnight", "it's not even midnight yet", []string{"TIME midnight"}},
		{"12 noon", "by 12 noon", []string{"TIME 12 noon"}},
		{"oclock", "about 3 o'clock", []string{"TIME 3 o'clock"}},
		{"half past", "at half past 3 and quarter to 4", []string{"TIME half past 3", "TIME quarter to 4"}},
		{"half uk", "woke at half 2 in the morning", []string{"TIME half 2 in the morning"}},
		{"in the morning", "at 3 in the morning", []string{"TIME 3 in the morning"}},
		{"dot with cue", "see you at 3.30", []string{"TIME 3.30"}},
		{"at 1400 after units", "Gave 1000 units at 1400", []string{"TIME 1400"}},
	})
}

func TestDTNotTimes(t *testing.T) {
	runDTCases(t, []dtCase{
		{"shift", "12 hour shift then 20 mins break", nil},
		{"units", "IV HEPARIN BEGUN AT 1100 UNITS POST BOLUS", nil},
		{"1000 units", "1000 units given", nil},
		{"dose", "at 2.5 mg", nil},
		{"year since", "since 2009 and by 2020", nil},
		{"year around", "around 2010 I started", nil},
		{"no cue", "ward 2130 and room 1400", nil},
		{"phone", "call 0300 123 4567", nil},
		{"bible", "Psalm 23:4 and John 3:16", nil},
		{"ratio", "Ratio 1:8 on nights, 1:1 special", nil},
		{"address", "The letter arrived at 2035 Gewerbepark", nil},
		{"midnight no cue", "the midnight feast", nil},
		{"half no cue", "half 8 tabs", nil},
		{"decimal", "HR 110, temp 38.5", nil},
		{"uk duration", "3/7", []string{"DATE 3/7"}}, // a date at low confidence, never a time
	})
}

func TestDTAges(t *testing.T) {
	runDTCases(t, []dtCase{
		{"hyphen", "the 94-year-old on bay 3", []string{"AGE 94-year-old"}},
		{"spaced", "94 year old female", []string{"AGE 94 year old"}},
		{"years old", "she is 94 years old", []string{"AGE 94 years old"}},
		{"yo", "94yo, 94 yo and 94 y/o and 94 y.o.", []string{"AGE 94yo", "AGE 94 yo", "AGE 94 y/o", "AGE 94 y.o."}},
		{"yrs", "94yrs old and 94 yrs female", []string{"AGE 94yrs old", "AGE 94 yrs"}},
		{"aged", "aged 94, age 94, Age: 87", []string{"AGE aged 94", "AGE age 94", "AGE Age: 87"}},
		{"age of", "retired at the age of 61", []string{"AGE age of 61"}},
		{"before a condition", "we lost her last night, 58, bowel cancer, left 3 kids", []string{"AGE 58"}},
		{"list before a condition", "bays 3, 44, heart failure in both", nil},
		{"decade", "she is in her 90s", []string{"AGE in her 90s"}},
		{"late decade", "in his late 80s", []string{"AGE in his late 80s"}},
		{"mid decade", "in his mid-80s", []string{"AGE in his mid-80s"}},
		{"decade word", "in her nineties", []string{"AGE in her nineties"}},
		{"apostrophe decade", "in their 90's", []string{"AGE in their 90's"}},
		{"weeks", "a 3 week old", []string{"AGE 3 week old"}},
		{"months", "6 month old baby", []string{"AGE 6 month old"}},
		{"72M", "72M with chest pain", []string{"AGE 72M"}},
		{"72F", "72F, fall at home", []string{"AGE 72F"}},
		{"72 M", "72 M with chest pain", []string{"AGE 72 M"}},
		{"72/F", "72/F", []string{"AGE 72/F"}},
		{"man of", "a man of 94", []string{"AGE 94"}},
		{"she's", "she's 94 today", []string{"AGE 94"}},
		{"birthday is on", "Grandad is 85 on Saturday, party at ours", []string{"AGE 85", "DATE Saturday"}},
		{"i'm years today", "I'm 40 years old today, send cake", []string{"AGE 40 years old"}},
		{"forum child is", "DS is 6 and refuses to wear a coat", []string{"AGE 6"}},
		{"forum child is months", "DD is 11 months, DH is on nights", []string{"AGE 11 months"}},
		{"diagnosed with at", "I was diagnosed with coeliac at 29. Bread was never the same", []string{"AGE 29"}},
		{"diagnosis at and", "Got my autism diagnosis at 40 and it explained a lot", []string{"AGE 40"}},
		{"diagnosed at close", "Finally diagnosed with endometriosis at 33!", []string{"AGE 33"}},
		{"ordinal is", "Grandad's 80th is at the cricket club", []string{"AGE 80th"}},
		{"her ordinal was", "her 60th was a riot", []string{"AGE 60th"}},
		{"forum son", "AIBU? DS (7) refuses to wear his coat to school", []string{"AGE 7"}},
		{"forum daughter numbered", "DD2 (4) has started biting at nursery", []string{"AGE 4"}},
		{"i'm years old", "I'm 52 years old and new to this", []string{"AGE 52 years old"}},
		{"she's years bare", "she's 8 years and already reading", []string{"AGE 8"}},
		{"she was", "he was 94 when he died", []string{"AGE 94"}},
		{"turned", "My nan turned 100 last week", []string{"AGE 100", "DATE last week"}},
		{"turn", "I'll turn 47.", []string{"AGE 47"}},
		{"caps", "58 YEAR OLD FEMALE ADMITTED", []string{"AGE 58 YEAR OLD"}},
		{"icu yo", "83yo male admitted, 59 YO ADMITTED", []string{"AGE 83yo", "AGE 59 YO"}},
		{"twins", "twins aged 3", []string{"AGE aged 3"}},
		{"years of age", "94 years of age", []string{"AGE 94 years of age"}},
		{"yrs after person", "pt 94yrs, lives alone. Mum 88 yrs.", []string{"AGE 94yrs", "AGE 88 yrs"}},
	})
}

func TestDTNotAges(t *testing.T) {
	runDTCases(t, []dtCase{
		{"qualified", "12 years qualified", nil},
		{"diagnosed at time", "she was diagnosed with a fracture at 11 this morning in clinic", nil},
		{"diagnosed at clock", "diagnosed with flu at 3.30 by the reg", []string{"TIME 3.30"}},
		{"diagnosis far back", "the diagnosis came back clear, the bus left from stop 12 at 14.", nil},
		{"ordinal is not person", "the 40th is the last race of the season", nil},
		{"breed", "Say hello to Pudding, our 9 week old spaniel!", nil},
		{"breed year", "a 2 year old labrador needs a new home", nil},
		{"forum no bracket", "DS 7 of the series was the best", nil},
		{"bracket not forum", "see section (4) of the policy", nil},
		{"i'm years qualified", "I'm 7 years qualified and still nervous", nil},
		{"she's years into", "she's 2 years into her training on the unit", nil},
		{"i'm years post", "I'm 5 years post transplant now", nil},
		{"he's years older", "he's 6 years older than his sister", nil},
		{"ago", "4 years ago", nil},
		{"career", "20 years in nursing, 30 year career", nil},
		{"yrs career", "been nursing 20yrs. 12 yrs qualified, 3yrs on nights", nil},
		{"food", "3 day old sandwich and 2 day old bread", nil},
		{"food subject", "the milk was 3 days old.", nil},
		{"building", "a 100 year old building", nil},
		{"weeks pregnant", "I'm 31 weeks pregnant", nil},
		{"late", "She was 2 hours late", nil},
		{"height", "He's 6 foot tall, a man of 6 foot", nil},
		{"degrees", "turned 90 degrees", nil},
		{"range", "age group 18-65, aged 18+, aged 18 to 65", nil},
		{"retirement", "retirement age 67", nil},
		{"over the age", "over the age of 18", nil},
		{"catheter", "16F foley and a 14F catheter", nil},
		{"money", "£72M budget", nil},
		{"the 80s", "The 80s were great", nil},
		{"lower m", "72m away", nil},
		// a span of years after an illness or a change of life, not an age (dtYearsServed)
		{"i'm years clear", "Today I'm 6 years clear of lymphoma, still on the wards", nil},
		{"she's years free", "she's 3 years free of seizures now", nil},
		{"i'm years retired", "I'm 2 years retired and bored stiff", nil},
		// a reading said with "is", not a birthday (dtReadingNoun)
		{"sugar is on", "her glucose is 19 on gliclazide, no symptoms", nil},
		{"potassium is this", "his potassium is 6 this morning so repeat it", nil},
		{"forum child hours", "DS is 2 hours late from school again", nil},
		{"forum lower", "the ds is 4 pages long", nil},
	})
}

// TestDTAgesDescribed covers ages given in a description of a person
// rather than by "aged" or "N-year-old": set off after a name or a person
// noun, guessed ("about 70"), a birthday ordinal after a possessive, a decade
// set off by commas or a bracket. The second half must stay quiet.
func TestDTAgesDescribed(t *testing.T) {
	runDTCases(t, []dtCase{
		{"and still", "Lovely chap on bay 2, Mr Fotheringay, 93 and still cracking jokes", []string{"AGE 93"}},
		{"person noun and still", "sweet old man, 88 and still drives himself in", []string{"AGE 88"}},
		{"ex- occupation", "Our resident (ex-miner, 88, loves a brew) asked for tea", []string{"AGE 88"}},
		{"retired occupation", "a retired vicar, 79, came in", []string{"AGE 79"}},
		{"person noun", "the gentleman, 82, was lovely", []string{"AGE 82"}},
		{"about after a name", "A gentleman called Albert, about 75, was found near the park", []string{"AGE 75"}},
		{"maybe after a noun", "the lad on the bike was maybe 17, shaken up", []string{"AGE 17"}},
		{"looked about", "she looked about 60.", []string{"AGE 60"}},
		{"you're", "SIR YOU'RE 91 AND HAVE A CHEST INFECTION", []string{"AGE 91"}},
		{"possessive ordinal", "Off to Dad's 70th in Cardiff", []string{"AGE 70th"}},
		{"pronoun ordinal", "popping round to see Gran for her 95th!", []string{"AGE 95th"}},
		{"bracketed decade", "Had a patient (60s, retired plumber) who", []string{"AGE 60s"}},
		{"decade set off", "white female, late-40s, wearing a red coat", []string{"AGE late-40s"}},
		{"bracketed decade described", "Had a visitor on Monday (50s, retired fireman) who", []string{"DATE Monday", "AGE 50s"}},
		{"years young", "the lovely gent in bed 2, 92 years young", []string{"AGE 92 years young"}},
		{"ordinal as", "asked me to her dad's 80th as a guest", []string{"AGE 80th"}},
		{"by bed", "the 84 in bay 3 keeps pulling her cannula", []string{"AGE 84"}},
		{"by bed, our", "our 91 in bed 6 is a legend", []string{"AGE 91"}},
		{"only", "she was only 19", []string{"AGE 19"}},
		{"just after aged", "aged just 17, bless", []string{"AGE aged just 17"}},
		{"spaced dash", "Doris, 88 - from the next village", []string{"AGE 88"}},
		{"months after a child noun", "our little lad, 22 months, is home", []string{"AGE 22 months"}},
		{"bracketed weeks", "baby girl (6 weeks) on the unit", []string{"AGE 6 weeks"}},
		{"years after a son", "her son, 3 years, was brave", []string{"AGE 3 years"}},
		{"birthday after a name", "Mrs Abernathy, 101 today! What a woman", []string{"AGE 101"}},
		{"after an occupation", "our resident, ex-Army cook, 91, who sings all day", []string{"AGE 91"}},
		{"decade after an occupation", "The taxi driver, 40s, walked away", []string{"AGE 40s"}},
		{"decade after a person noun", "Grandma, 70s, got them all out", []string{"AGE 70s"}},
		{"you are", "madam you are 84 and climbing ladders??", []string{"AGE 84"}},
		{"sentence opening before a condition", "Third one tonight. 89, dementia, no DNR", []string{"AGE 89"}},
		{"age before an occupation", "Teaching case: 52M bus driver, chest pain", []string{"AGE 52M"}},
		{"set off before from", "a young man in majors last night, 27, from the coast", []string{"DATE last night", "AGE 27"}},
		{"set off before who", "the lady on the end, 88, who lives alone", []string{"AGE 88"}},
		{"born at weeks", "our girl born at 25 weeks is off to school", []string{"AGE 25 weeks"}},
		{"at weeks weighing", "arrived at 26 weeks weighing under a kilo", []string{"AGE 26 weeks"}},

		{"hedge without a person", "the queue was about 70 today", nil},
		{"hedge with a unit", "the lad waited maybe 40 minutes", nil},
		{"hedged count", "the man said there were about 40.", nil},
		{"hedged count after a verb", "our lad had waited maybe 30, then left", nil},
		{"ordinal with a noun", "her 12th night shift and his 30th shift", nil},
		{"small count after a noun", "our man, 3, was", nil},
		{"bracketed era", "back in the (80s) we", nil},
		{"bare era after comma", "music, 80s, mostly", nil},
		{"bracketed eras", "playlist (80s, 90s and 00s)", nil},
		{"eras set off", "music, late-80s, early-90s", nil},
		{"rule", "you can only go in when you're 18.", nil},
		{"anniversary", "Happy 40th anniversary to my parents", nil},
		{"count in a bay", "the 4 in bay 3 are all asleep", nil},
		{"only with a unit", "he was only 20 minutes late", nil},
		{"range after a name", "Bays, 3 - 4 are closed", nil},
		{"wait after a name", "Jones, 6 weeks, still no bed", nil},
		{"wait after an adult", "the man, 6 weeks, no bed", nil},
		{"duration after a clause", "waited, 3 weeks, nothing", nil},
		{"lab after comma", "BLOOD GIVEN FOR LOW HCT, NOW 29.", nil},
		{"count before from", "We had 4 admissions, 23, from the ED", nil},
		{"you are a rule", "when you are 18 you can vote", nil},
		{"you are a count", "you are 3 down on staff", nil},
		{"eras after a noun", "the music, 80s, was loud", nil},
		{"not a birthday", "3 admissions yesterday, 12 today", []string{"DATE yesterday"}},
		{"pregnant weeks", "I'm at 31 weeks now and tired", nil},
		{"sentence opening count", "Done. 40, then home.", nil},
	})
}

// TestDTDaysAndInjuryYears covers a range of weekdays ("Mon-Fri") and a
// year tied to an injury or symptom by "since/from/in" ("pain … since
// 2003"); years and day names without them stay quiet.
func TestDTDaysAndInjuryYears(t *testing.T) {
	runDTCases(t, []dtCase{
		{"weekday range", "lift share for early starts, Mon-Fri. Message me", []string{"DATE Mon-Fri"}},
		{"weekday range caps", "CAR BOOT SAT-SUN", []string{"DATE SAT-SUN"}},
		{"full weekday range", "clinic Tuesday-Thursday only", []string{"DATE Tuesday-Thursday"}},
		{"pain since", "pt c/o pain in his left knee since 2003, bed 4", []string{"DATE 2003"}},
		{"pellet from", "still has a pellet in his leg from 1987 lol", []string{"DATE 1987"}},
		{"came off in", "the lad who came off his scooter near the park in 2021 is back", []string{"DATE 2021"}},

		{"lower-case abbreviations", "mon-fri", nil},
		{"opening hours", "clinic open Mon-Sat, hours Tue-Thu", nil},
		{"career since", "I've been a nurse since 2010 and love it", nil},
		{"off patent", "the drug has been off patent since 2012", nil},
		{"injury word in another sentence", "Awful pain. Qualified in 2015 though", nil},
	})
}

// TestDTTimesInContext covers clock times told by their neighbours: a dotted
// h.mm after a day or before "starts", "noon" ending an am/pm range; and race
// or split times, which are not clock times.
func TestDTTimesInContext(t *testing.T) {
	runDTCases(t, []dtCase{
		{"dotted after a day", "Quiz at the pub, Friday 9th, 8.30. All welcome", []string{"DATE Friday 9th", "TIME 8.30"}},
		{"dotted after a weekday", "leaving do Friday, 7.45 onwards", []string{"DATE Friday", "TIME 7.45"}},
		{"dotted before starts", "carpool for 6.45 starts", []string{"TIME 6.45"}},
		{"am to noon", "Open Saturday 10am-noon, bring ID", []string{"DATE Saturday", "TIME 10am", "TIME noon"}},
		{"pm to midnight", "bar open 8pm to midnight", []string{"TIME 8pm", "TIME midnight"}},
		{"clock near a word like finished", "Finished K+ repletion at ~ 20:00.", []string{"TIME 20:00"}},
		{"start of a race", "Race day, 10:00 start", []string{"TIME 10:00"}},
		{"race at a time", "parkrun at 9:00 then brunch", []string{"TIME 9:00"}},
		{"done in, then more", "handover done in 10:30 ward round", []string{"TIME 10:30"}},

		{"shift shorthand", "3 x 7a-7p this week", []string{"TIME 7a", "TIME 7p"}},
		{"evening shift shorthand", "picked up a 3p-11p", []string{"TIME 3p", "TIME 11p"}},
		{"shift by its start", "can anyone take my Tuesday 7p? x", []string{"DATE Tuesday", "TIME 7p"}},
		{"our shift", "coffee before our 7p.", []string{"TIME 7p"}},

		{"price range", "sweets cost 7p-9p each", nil},
		{"pence", "only 7p for a carrier bag", nil},
		{"pence of mine", "that's my 7p change, and your 5p.", nil},
		{"dotted lab value", "K+ was 5.30 this morning", nil},
		{"race time", "City 10k done in 0:52!! so proud", nil},
		{"race time after", "Parkrun PB this morning! 24:10 yay", nil},
		{"marathon", "first marathon, 4:12 and I can't walk", nil},
		{"ran in", "ran the city half in 1:52!", nil},
	})
}

// TestDTPresidioCases runs the DATE_TIME and AGE recognizer cases of the
// Presidio analyzer that a rule-based tool can be held to: every expected
// span must be overlapped by one of ours, and a case expecting nothing must
// get nothing. Cases whose only expected entity is a bare year (not a date
// under docs/ANNOTATION.md) are left out.
func TestDTPresidioCases(t *testing.T) {
	recs := dtPresidioCases(t)
	n := 0
	for _, r := range recs {
		if len(r.want) == 1 && dtIsBareYear(r.text, r.want[0]) {
			continue
		}
		n++
		ents := dtEntities(r.text)
		if len(r.want) == 0 && len(ents) > 0 && r.dateOnly {
			t.Errorf("%q: want nothing, got %v", r.text, ents)
		}
		for _, w := range r.want {
			hit := false
			for _, e := range ents {
				if e.Type != result.Age && e.Start < w[1] && w[0] < e.End {
					hit = true
				}
			}
			if !hit {
				t.Errorf("%q: missed %q (got %v)", r.text, r.text[w[0]:w[1]], ents)
			}
		}
	}
	t.Logf("%d Presidio DATE_TIME cases checked", n)
}

func dtIsBareYear(s string, w [2]int) bool {
	v := s[w[0]:w[1]]
	return len(v) == 4 && dtDigitEnd(v, 0) == 4 || strings.HasPrefix(v, "year ")
}

// FuzzDTOffsets checks that every candidate lies inside the text, on rune
// boundaries, with a known type and a confidence in (0, 1).
func FuzzDTOffsets(f *testing.F) {
	for _, s := range []string{
		"DOB 01/02/45", "at 0300 hrs", "94-year-old", "in her 90s", "2024-06-05T09:15:30.500-07:00",
		"Tuesday 3rd March 2024", "72M", "@2330", "half 2 in the morning", "MI '92", "３/１２",
		"born 3rd Jüne 1931 — ２０２４-０３-１２", "12:30:", "5-", "'", "May-", "the 3rd", "aged",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := text.New(s)
		if err != nil {
			return
		}
		for _, c := range (dtDetector{}).Detect(doc, nil) {
			if c.Start < 0 || c.End > len(doc.Norm) || c.Start >= c.End {
				t.Fatalf("%q: candidate [%d,%d) outside %d bytes", s, c.Start, c.End, len(doc.Norm))
			}
			if !utf8.RuneStart(doc.Norm[c.Start]) || c.End < len(doc.Norm) && !utf8.RuneStart(doc.Norm[c.End]) {
				t.Fatalf("%q: candidate [%d,%d) splits a rune", s, c.Start, c.End)
			}
			if c.Type != result.Date && c.Type != result.Time && c.Type != result.Age {
				t.Fatalf("%q: unexpected type %s", s, c.Type)
			}
			if c.Confidence < 0.5 || c.Confidence >= 1 || c.Reason == "" {
				t.Fatalf("%q: bad confidence %v or reason %q", s, c.Confidence, c.Reason)
			}
			a, b := doc.OrigSpan(c.Start, c.End)
			if a < 0 || b > len(s) || a > b {
				t.Fatalf("%q: original span [%d,%d) outside", s, a, b)
			}
		}
	})
}

var dtBenchText = strings.Repeat(`Had a rough night shift. The 94-year-old in bay 3 (DOB 01/02/31) pulled her cannula out at 0300 hrs,
again at 3.30am. Her daughter rang last Tuesday and said she'd been fine since Christmas Day. Pain 8/10, BP 120/80, GCS 14/15.
Came in 2/7 ago with SOB; 72M in bed 6 admitted on 12/03 at 14:30. Gave 1000 units heparin. Worked 12 hour shifts 24/7 since 2009.
PT IS A 58 YEAR OLD FEMALE S/P MI '92, CABG 1995. ADMITTED 7/22 @2330, ON PSV 10/5 40%. She's in her 90s and may go home in May.
`, 64)

func BenchmarkDateTimeDetector(b *testing.B) {
	doc, err := text.New(dtBenchText)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]Candidate, 0, 1024)
	b.SetBytes(int64(len(dtBenchText)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		out = dtDetector{}.Detect(doc, out[:0])
	}
}

// TestDTShortFormsAndContractions covers "tomorrow" written short, a weekday that
// recurs after "on", and an age after a person noun with "'s" and an adverb ("dad's only
// 17"). The safe look-alikes must stay quiet: a possession, a distance, plural weekdays
// without a cue.
func TestDTShortFormsAndContractions(t *testing.T) {
	runDTCases(t, []dtCase{
		{"tmrw", "who's covering the late tmrw??", []string{"DATE tmrw"}},
		{"tomoz", "clinic at 9 tomoz then home", []string{"DATE tomoz"}},
		{"plural weekday", "they visit on Thursdays and that is it", []string{"DATE Thursdays"}},
		{"plural weekday only", "we meet on Fridays only.", []string{"DATE Fridays"}},
		{"noun's only N", "the baby's fine and her dad's only 17 bless him", []string{"AGE 17"}},
		{"noun's just N", "my nan's just 60 and acts 90", []string{"AGE 60"}},
		{"he's N I'm", "he's 87 I'm in bits", []string{"AGE 87"}},
		// safe
		{"possession", "mum's 19 stitches came out", nil},
		{"distance", "mum's only 2 miles away", nil},
		{"plural no cue", "Mondays are the worst", nil},
	})
}

// TestDTAgesSetOffAndAt covers an age set off with "only/just" after a person ("the lad,
// only 17."), an age that opens a clause ("At 19, she …", "at 88 she still …") and a
// person noun's "'s" before an age and "today". The safe look-alikes must stay quiet.
func TestDTAgesSetOffAndAt(t *testing.T) {
	runDTCases(t, []dtCase{
		{"set off only", "Thinking of the girl, only 15.", []string{"AGE 15"}},
		{"at N she", "At 23, she had three kids already", []string{"AGE 23"}},
		{"at N she still", "and at 91 he still does his own shopping", []string{"AGE 91"}},
		{"noun's N today", "my nana's 95 today!", []string{"AGE 95"}},
		// safe
		{"count left", "Handover done, just 3 left.", nil},
		{"time said", "meet you at 20 he said", nil},
		{"weekday list", "Tuesday, only 4.", []string{"DATE Tuesday"}},
		{"possession", "my nana's 95 stitches", nil},
	})
}

// TestDTPossessiveHolidays covers holidays whose first word is a possessive
// ("Valentine's Day", "Mother's Day"), which the scan used to strip before its lookup.
// A possessive before ("my mother's day off") keeps it a person's day.
func TestDTPossessiveHolidays(t *testing.T) {
	runDTCases(t, []dtCase{
		{"valentine's", "Worked on Valentine's Day again", []string{"DATE Valentine's Day"}},
		{"father's", "Happy Father's Day to our dads on nights", []string{"DATE Father's Day"}},
		{"st patrick's", "Chaos on St Patrick's Day as usual", []string{"DATE St Patrick's Day"}},
		// safe
		{"possessive", "It was my mother's day off", nil},
		{"weekday possessive", "Tuesday's shift was long", []string{"DATE Tuesday"}},
	})
}

// TestDTMonthForCue covers a month after "for" ("the rota for November", "booked for
// March"); the months that are also given names stay quiet after "for".
func TestDTMonthForCue(t *testing.T) {
	runDTCases(t, []dtCase{
		{"for november", "The rota for November is out", []string{"DATE November"}},
		{"for march", "Booked Lisbon for March!", []string{"DATE March"}},
		// safe
		{"for may", "Flowers for May on her last shift", nil},
		{"for june", "A card for June from bay 4", nil},
	})
}

// TestDTBareAgesOpeningClauses covers a number opening a sentence before a fact of a life
// ("84, widowed …", "16, no licence") or before "and still" ("94 and sharper than
// me"). The safe look-alikes (counts, lists) must stay quiet.
func TestDTBareAgesOpeningClauses(t *testing.T) {
	runDTCases(t, []dtCase{
		{"life fact", "Nobody visits. 84, widowed last year, no kids.", []string{"AGE 84"}},
		{"no licence", "Crash on the bypass. 16, no licence, stole his mum's car.", []string{"AGE 16"}},
		{"lost", "Firework injury. 13, lost two fingers.", []string{"AGE 13"}},
		{"and sharper", "Discharged my favourite 💕 97 and sharper than all of us.", []string{"AGE 97"}},
		{"and still", "Bed 2, 89 and still beating us at cards", []string{"AGE 89"}},
		// safe
		{"count", "Beds done. 12, no breaks though.", nil},
		{"list", "Day 3, 4 and still going", nil},
		{"living", "Shift 5. 20, living the dream", nil},
	})
}

// TestDTChildBracketAge covers a child's age in brackets after a name with a word for a
// child before it; other bracketed small numbers stay quiet.
func TestDTChildBracketAge(t *testing.T) {
	runDTCases(t, []dtCase{
		{"little patient", "Thinking of my little patient Freya (5) tonight", []string{"AGE 5"}},
		{"grandson", "our grandson Leo (3) came to visit", []string{"AGE 3"}},
		// safe
		{"no child", "see Appendix (3) for the list", nil},
		{"count", "the team Rovers (2) won", nil},
	})
}

// TestDTAgesAfterPersonAndSince covers an age after a person noun and an adverb with no
// verb between ("her mum just 19 and coping"), a birthday age that goes on with "and
// still", and an adult's age set off before a time since an event ("Ron from Kendal,
// 68, 5 weeks after his bypass"). The safe look-alikes must stay quiet: a unit after the number,
// a list of numbers, a wait.
func TestDTAgesAfterPersonAndSince(t *testing.T) {
	runDTCases(t, []dtCase{
		{"noun only N and", "Baby came fast in the car park at 4am, her mum just 19 and coping brilliantly", []string{"TIME 4am", "AGE 19"}},
		{"noun just N end", "RIP to a dad just 44.", []string{"AGE 44"}},
		{"noun just N and", "Her dad just 40 and already grey", []string{"AGE 40"}},
		{"N today and still", "Big wave to Auntie Pat, 95 today and still gardening", []string{"AGE 95"}},
		{"N, months post", "Ron from Kendal, 68, 5 weeks after his bypass and already cycling", []string{"AGE 68"}},
		{"N, weeks after", "Mrs Amos, 84, 6 weeks after her fall and home", []string{"AGE 84"}},
		// safe
		{"unit after", "mum only 2 days post-op and walking", nil},
		{"wait", "the wait was only 17 and a half hours", nil},
		{"list", "Bays 3, 4, 5 weeks post op all", nil},
		{"child count", "Kids, 4, 6 months apart", nil},
	})
}

// TestDTSlashedWeekdays covers abbreviated weekdays in a slashed list ("Mon/Wed/Fri"),
// each a date without a cue word; a lone abbreviation without a cue, and a slash to
// something that is no weekday, stay quiet.
func TestDTSlashedWeekdays(t *testing.T) {
	runDTCases(t, []dtCase{
		{"three days", "Her dialysis Mon/Weds/Fri is done at home now", []string{"DATE Mon", "DATE Weds", "DATE Fri"}},
		{"two days", "Gym Tue/Thu mornings before work", []string{"DATE Tue", "DATE Thu"}},
		// safe
		{"lone abbreviation", "Sat down with the family", nil},
		{"slash to a word", "Sun/sand holiday was lush", nil},
	})
}
