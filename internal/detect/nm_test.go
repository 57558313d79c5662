package detect

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// nmRun runs the name detector alone and resolves its candidates as the
// engine does, in offsets of the original text.
func nmRun(t testing.TB, s string) []Candidate {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	return nmResolved(doc, nameDetector{}.Detect(doc, nil))
}

// nmResolved resolves the candidates of doc as the engine does, in offsets of the
// original text.
func nmResolved(doc *text.Doc, got []Candidate) []Candidate {
	cs := Resolve(got, 0.5)
	for i := range cs {
		cs[i].Start, cs[i].End = doc.OrigSpan(cs[i].Start, cs[i].End) // as the engine does
	}
	return cs
}

// nmRunAll runs the families a name's type depends on (identifiers, names, places and
// the tagger) and resolves their candidates as the engine does, in offsets of the
// original text.
func nmRunAll(t testing.TB, s string) []Candidate {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	var got []Candidate
	for _, d := range []Detector{idDetector{}, nameDetector{}} {
		got = d.Detect(doc, got)
	}
	for _, d := range placeDetectors() {
		got = d.Detect(doc, got)
	}
	if ds := taggerDetectors(); len(ds) == 1 {
		got = ds[0].Detect(doc, got)
	}
	return nmResolved(doc, got)
}

// engineRun is nmRun through the whole engine (every family, resolve and the post-level
// roles), its entities as candidates.
func engineRun(t testing.TB, s string) []Candidate {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	var cs []Candidate
	for _, e := range New(Options{}).Detect(doc) {
		cs = append(cs, Candidate{Start: e.Start, End: e.End, Type: e.Type, Confidence: e.Confidence, Reason: e.Reason})
	}
	return cs
}

// roleCase is a post, a name in it, and whether the name must have the role checkRole
// asks about.
type roleCase struct {
	text, name string
	is         bool
}

// checkRole runs run on each case's post and checks that the name is found and has the
// role role exactly when the case says so.
func checkRole(t *testing.T, run func(testing.TB, string) []Candidate, role result.Type, cases []roleCase) {
	t.Helper()
	for _, c := range cases {
		got := run(t, c.text)
		found := false
		for _, x := range got {
			if c.text[x.Start:x.End] != c.name {
				continue
			}
			found = true
			if (x.Type == role) != c.is {
				t.Errorf("%q: %q is %s (%s), want %s %v", c.text, c.name, x.Type, x.Reason, role, c.is)
			}
		}
		if !found {
			t.Errorf("%q: %q not found; got %s", c.text, c.name, nmFormat(c.text, got))
		}
	}
}

// nmTypeCase is a post, a name in it, and the type the name must have, or "" when no
// name may hold that text; optional when the name may also go unfound.
type nmTypeCase struct {
	text, name, typ string
	optional        bool
}

// checkNmTypes runs run on each case's post and checks every candidate whose text is
// the case's name against the case's type, and that the name is found unless its type is
// "" or it is optional.
func checkNmTypes(t *testing.T, run func(testing.TB, string) []Candidate, cases []nmTypeCase) {
	t.Helper()
	for _, c := range cases {
		got := run(t, c.text)
		found := false
		for _, x := range got {
			if c.text[x.Start:x.End] != c.name {
				continue
			}
			found = true
			if c.typ == "" && x.Type.IsName() || c.typ != "" && string(x.Type) != c.typ {
				t.Errorf("%q: %q is %s (%s), want %q", c.text, c.name, x.Type, x.Reason, c.typ)
			}
		}
		if !found && c.typ != "" && !c.optional {
			t.Errorf("%q: %q not found; got %s", c.text, c.name, nmFormat(c.text, got))
		}
	}
}

// nmCase is one sentence: find lists "text=R" with R one of P (patient),
// R (relative), S (staff), O (other); not lists words that must not be
// (part of) a name; "*" in not means no name at all.
type nmCase struct {
	text string
	find []string
	not  []string
}

var nmRoleLetter = map[string]result.Type{
	"P": result.NamePatient, "R": result.NameRelative, "S": result.NameStaff, "O": result.NameOther,
}

var nmCases = []nmCase{
	// titles
	{"Dr Okafor saw him on the ward round.", []string{"Dr Okafor=S"}, nil},
	// a stretched interjection ("Soooo", "Omggg") opens the sentence, it is no part of the name
	{"Soooo Bethany Rowe needs her bloods redoing on bay 2", []string{"Bethany Rowe=P"}, []string{"Soooo"}},
	{"Omggg Nathan Kerr is on our unit now", []string{"Nathan Kerr=O"}, []string{"Omggg"}},
	{"Yesss Harriet got the band 6 job!!", []string{"Harriet=S"}, []string{"Yesss"}},
	{"Hmmm not sure about the new rota", nil, []string{"*"}},
	// the word after a capitalised "Children's" names a children's hospital, not a person
	{"Toddler in bed 4 at Children's Rosalind, 3yo, after a scald", nil, []string{"Rosalind"}},
	{"Transferred to Children's Hope overnight", nil, []string{"Hope"}},
	{"Took the children's gifts to Rosalind on bay 2", []string{"Rosalind=P"}, nil},
	// one name word and a denomination is a church ("Calvary Baptist"), not a person
	{"The lady from Millbrook Baptist brought scones for the ward", nil, []string{"Millbrook Baptist"}},
	{"Calvary Baptist is hosting a food bank tonight", nil, []string{"Calvary Baptist"}},
	{"Mr Baptist in bed 6 is asking for tea", []string{"Mr Baptist=P"}, nil},
	// "State" is a school's, never a surname ("Carter State Community College")
	{"New job teaching at Carter State Community College!", nil, []string{"Carter State"}},
	// "working with X", "shift with X": the author's workmate; a titled name may be a
	// patient worked with ("working with Mr X on his stairs")
	{"Love working with Tamsin on the day unit, she is a star", []string{"Tamsin=S"}, nil},
	{"Night shift with Gwenllian again, best team", []string{"Gwenllian=S"}, nil},
	{"Went to the cinema with Tamsin last night", []string{"Tamsin=O"}, nil},
	{"Working with Mr Lowe on his stairs today", []string{"Mr Lowe=O"}, nil},
	// a friend who was treated is a patient; a name spoken to by "I was your nurse" too
	{"My mate Gwyneth was admitted after a fall at the gym", []string{"Gwyneth=P"}, nil},
	{"My friend Corinna came in with chest pain, I nearly cried", []string{"Corinna=P"}, nil},
	{"My friend Corinna was lovely at the party", []string{"Corinna=O"}, nil},
	{"Morning Jasmine, I was your midwife in 2021 and just saw your news", []string{"Jasmine=P"}, nil},
	{"Hi Jasmine, your nurse friend says hi", []string{"Jasmine=O"}, nil},
	// a lone name after an emoji closing the post is the author signing off; not after a greeting
	{"Rota swaps all sorted for next month, ta everyone 🙏 Priyesh", []string{"Priyesh=S"}, nil},
	{"Biscuits in the staff room, help yourselves 🍪☕ Marguerite", []string{"Marguerite=S"}, nil},
	{"Congratulations on the new job 🎉 Rebecca", []string{"Rebecca=O"}, nil},
	// the specialty between "Lead"/"Senior" and a role is part of a job title, not a name
	{"Big news, I start as Lead Bariatric Dietitian in the spring", nil, []string{"Bariatric"}},
	{"Interview next week for Senior Cytology Scientist, wish me luck", nil, []string{"Cytology"}},
	{"Proud to be the new Lead Stoma Nurse for the trust", nil, []string{"Stoma"}},
	{"Our lead Bartholomew is off on leave", []string{"Bartholomew=S"}, nil},
	// "Goodnight"/"Goodbye" is a sign-off, never the first word of a name ("Goodnight Bristol")
	{"Four nights in a row finished. Goodnight Bristol, back Friday", nil, []string{"Goodnight"}},
	{"Last shift before leave, Goodbye Preston 👋", nil, []string{"Goodbye"}},
	{"Goodnight Tobias, sleep tight little man", []string{"Tobias=O"}, []string{"Goodnight"}},
	// "Sister" with a word of faith in the sentence is a nun, not a ward sister
	{"Prayers tonight for Sister Bernadette Clare from the convent school", []string{"Sister Bernadette Clare=O"}, nil},
	{"Sister Bernadette ran the ward like clockwork today", []string{"Sister Bernadette=S"}, nil},
	// a body's acronym in capitals in mixed-case text is no person, though a first name
	{"OSHA fined the trust again, no surprise", nil, []string{"OSHA"}},
	{"Osha said hi to the whole team on nights", []string{"Osha=S"}, nil},
	// praise between the owner and the kin word: still the author's own relative
	{"Drinks with my fab sister Philippa tonight", []string{"Philippa=O"}, nil},
	{"Her beautiful sister Philippa visited bay 3 with grapes", []string{"Philippa=R"}, nil},
	// a room after the name: "in" and a three-digit room number, or "(rm N)"
	{"Mr. Ferris in 317 asked for more custard", []string{"Mr. Ferris=P"}, nil},
	{"Mrs Tully (rm 9) wants the window open again", []string{"Mrs Tully=P"}, nil},
	{"Dr Khan in 317 again, sorting the drips", []string{"Dr Khan=S"}, nil},
	{"Mr Ferris in 2019 moved to Spain", []string{"Mr Ferris=O"}, nil},
	{"Sarah in 300 days will be qualified", nil, []string{"Sarah"}},
	// doubled letters are names' own ("Jaxxon", "Anna", "Lloyd")
	{"Say hello to baby Tobiah, born on our unit tonight", []string{"Tobiah=P"}, nil},
	// "fellow PTs" are physiotherapists, the author's colleagues; "pts" alone are patients
	{"Thanks to fellow PTs Anneka and Joss for the gait class", []string{"Anneka=S", "Joss=S"}, nil},
	{"Pts Anneka and Joss went home today", []string{"Anneka=P", "Joss=P"}, nil},
	// "his PT" in capitals is a patient's physical therapist; "his pt", "my PT" stay patients
	{"Stairs cleared on day two, all thanks to his PT, Oriel.", []string{"Oriel=S"}, nil},
	{"Her PT Callum got her up the stairs today", []string{"Callum=S"}, nil},
	{"My PT Derek in bed 4 refused his meds", []string{"Derek=P"}, nil},
	{"his pt Derek was discharged home", []string{"Derek=P"}, nil},
	// "patient" the adjective: the author's own husband, not a patient's
	{"Thanks to my very patient husband Rory for the revision snacks", []string{"Rory=O"}, nil},
	{"Pt's husband Rory rang the ward twice", []string{"Rory=R"}, nil},
	// a comparison names a public figure, not a patient
	{"Physio life: I have watched more squats than Arnold Blackwood", []string{"Arnold Blackwood=O"}, nil},
	// a feast's greeting names no one
	{"Eid Mubarak from all of us on the unit!", nil, []string{"Mubarak"}},
	{"Mubarak in bay 2 asked for his glasses", []string{"Mubarak=P"}, nil},
	{"Reviewed by Dr. Hughes this morning.", []string{"Dr. Hughes=S"}, nil},
	{"Mr Pickering in bed 4 was agitated all night.", []string{"Mr Pickering=P"}, []string{"bed 4"}},
	{"Mrs B. was very confused on the ward today.", []string{"Mrs B=P"}, nil},
	{"Mr K refused his obs again.", []string{"Mr K=P"}, nil},
	{"Sister Bell ran the ward like clockwork.", []string{"Sister Bell=S"}, nil},
	{"Nurse Ratched would be proud of that ward.", []string{"Nurse Ratched=S"}, nil},
	{"the nurse said it was fine", nil, []string{"*"}},
	{"Prof Williams gave the teaching session.", []string{"Prof Williams=S"}, nil},
	{"Matron Evans did a walkround.", []string{"Matron Evans=S"}, nil},
	{"Mrs Jones was discharged home with her daughter.", []string{"Mrs Jones=P"}, nil},
	{"They call me Mr. Mayers", []string{"Mr. Mayers=O"}, nil},
	{"His name is Mr. May", []string{"Mr. May=O"}, nil},
	{"Dr Ward is the best reg on the rota.", []string{"Dr Ward=S"}, nil},
	{"Handed over to Dr Patel at 8.", []string{"Dr Patel=S"}, nil},
	{"Cllr Thompson opened the new unit.", []string{"Cllr Thompson=O"}, nil},
	{"Mr McDonald in bay 2 wanted his paper.", []string{"Mr McDonald=P"}, nil},
	{"Mrs O'Neill kept pressing the buzzer.", []string{"Mrs O'Neill=P"}, nil},
	{"Dr Smith-Jones covered the night shift.", []string{"Dr Smith-Jones=S"}, nil},
	// surname particles join the name, so that none of it is left out
	{"Dr van der Berg covered the night shift.", []string{"Dr van der Berg=S"}, nil},
	{"Maria de la Cruz in bed 4 is asking for tea", []string{"Maria de la Cruz=P"}, nil},
	{"MARIA DE LA CRUZ IN BED 4", []string{"MARIA DE LA CRUZ=P"}, nil},
	{"Mrs J. Smith was admitted overnight.", []string{"Mrs J. Smith=P"}, nil},
	{"dr smith saw the pt", []string{"dr smith=S"}, nil},
	{"Mr Right does not exist.", nil, []string{"*"}},
	{"Ask the Nurse Practitioner on duty.", nil, []string{"*"}},
	// a surname with one famous pairing: vetoed only in that pair, and never
	// in a patient frame
	{"Mr Bean in bed 4 is lovely", []string{"Mr Bean=P"}, nil},
	{"Mrs Fox in bay 2 pulled her cannula out", []string{"Mrs Fox=P"}, nil},
	{"Mr Foster, 82, admitted with a fall", []string{"Mr Foster=P"}, nil},
	{"Dr Bean saw her today", []string{"Dr Bean=S"}, nil},
	{"Dr Ruth Okoro covered the night shift.", []string{"Dr Ruth Okoro=S"}, nil},
	{"Watching Mr Bean with the kids tonight.", nil, []string{"*"}},
	{"Had a Dr Pepper on my break.", nil, []string{"*"}},
	{"Dr Watson reviewed him on the ward round", []string{"Dr Watson=S"}, nil},
	{"Dr Quinn reviewed him this morning", []string{"Dr Quinn=S"}, nil},
	{"Mr. Hyde comes out after a week of nights.", nil, []string{"*"}},
	{"Dr Seuss books in the waiting room again.", nil, []string{"*"}},
	// animals' names are not spans
	{"Our cat Hope has been off her food all week.", nil, []string{"*"}},
	{"Walked the dog, Max, before nights.", nil, []string{"*"}},
	{"Poppy the spaniel chewed my lanyard again.", nil, []string{"*"}},
	{"My dog Bella and my sister Jane came to the fun run.", []string{"Jane=O"}, []string{"Bella"}},
	// a compass region is no name
	{"Our poster at the North West Critical Care day went down well.", nil, []string{"*"}},
	{"Moving down South East next year.", nil, []string{"*"}},
	// credentials after a comma mark staff, a state code before a ZIP does not
	{"Lovely to meet Priya Shah, BSN, and Tom Reilly, MSN, at the conference.", []string{"Priya Shah=S", "Tom Reilly=S"}, nil},
	{"Send it to Maria Delgado, PA 19601.", []string{"Maria Delgado=O"}, nil},
	// whose name: colleagues thanked or praised, the author's own people
	{"Happy Nurses Week to my coworkers at St Luke's Hospital, especially Marcy, Dee and Paul!", []string{"Marcy=S", "Dee=S", "Paul=S"}, nil},
	{"Thanks to Dev Patel and Amy Cross for running the flu clinic this year.", []string{"Dev Patel=S", "Amy Cross=S"}, nil},
	{"Shout out to Mrs Delaney, my year 6 teacher, who told me I'd make a great nurse.", []string{"Mrs Delaney=O"}, nil},
	{"Passed my nursing boards! Thank you Mr. Okafor my old chemistry teacher.", []string{"Mr. Okafor=O"}, nil},
	{"Mr Hughes in bed 6, my favourite patient, keeps pulling his cannula out.", []string{"Mr Hughes=P"}, nil},
	{"Thanks to Tom in bay 3 for being so patient with the new cannula.", []string{"Tom=P"}, nil},
	// a staff noun and its place phrase, then the name after a comma or bracket
	{"My consultant at Eastfield, Mr Rowe, shouted at me in theatre again.", []string{"Mr Rowe=S"}, nil},
	{"The pharmacist on Mill Lane, Mr Dar, is selling meds out the back.", []string{"Mr Dar=S"}, nil},
	{"the nurse in charge at Hill House (Bev, you know who you are) takes the residents' meds home", []string{"Bev=S"}, nil},
	{"Visited Mr Rowe in bay 2, Mr Dar in bed 4 and the ward manager.", []string{"Mr Rowe=P", "Mr Dar=P"}, nil},
	{"COPING: SISTER, JANINE HAS PHONED AND WILL VISIT PT LATER.", []string{"JANINE=R"}, nil},
	// a name with a patient identifier after it, a Mr/Mrs with relatives, a
	// mother in a birth post
	{"Can you check on Kian Marlowe, DOB 03/05/2012, please?", []string{"Kian Marlowe=P"}, nil},
	{"Gave Mr Tench's son my number so he can text me.", []string{"Mr Tench=P"}, nil},
	{"Delivered a baby girl at 4am, mum Kerensa was incredible.", []string{"Kerensa=P"}, nil},
	{"Picked up my mum Kerensa from the station.", []string{"Kerensa=O"}, nil},
	{"Delivered twins on the unit this morning, welcome to the world Tegan and Iona!", []string{"Tegan=P", "Iona=P"}, nil},
	{"Two weeks since our little Tegan was born, best thing ever.", []string{"Tegan=O"}, nil},
	{"Hospital car park was full again, her mum Kerensa rang twice.", []string{"Kerensa=R"}, nil},
	// a religious sister; the author's relative behind a modifier
	{"Sister Bernadette at the parish church did a lovely service for Dad.", []string{"Sister Bernadette=O"}, nil},
	{"Sister Bernadette on Ward 4 covered my break.", []string{"Sister Bernadette=S"}, nil},
	{"Took my little brother Kofi to see the ambulance station, future paramedic?", []string{"Kofi=O"}, nil},
	{"Her little brother Kofi rang the ward twice.", []string{"Kofi=R"}, nil},
	// "the X ICU" is a hospital's unit
	{"Our team did the fun run for the Lister HDU this weekend.", nil, []string{"*"}},
	{"Handed over to the Lister HDU team and Mr Lister in bed 2 went up.", []string{"Mr Lister=P"}, nil},
	// executives and office staff of a health organisation are staff
	{"The trust's CEO Gideon Marsh got a pay rise again while we get nothing.", []string{"Gideon Marsh=S"}, nil},
	{"Shoutout to our ward secretary Odette who knows where every form is.", []string{"Odette=S"}, nil},
	// sister / nurse as nouns
	{"Her sister Jane came to visit the patient.", []string{"Jane=R"}, []string{"sister"}},
	{"my sister Jane is getting married", []string{"Jane=O"}, nil},
	{"My Sister Jane is getting married.", []string{"Jane=O"}, []string{"Sister Jane"}},
	{"The Sister was lovely.", nil, []string{"*"}},
	// relatives
	{"Her son Darren was shouting at the nurses.", []string{"Darren=R"}, nil},
	{"His daughter, Kelly, rang the ward twice.", []string{"Kelly=R"}, nil},
	{"The patient's wife Margaret stayed all night.", []string{"Margaret=R"}, nil},
	{"My son Alfie turned 5 today!", []string{"Alfie=O"}, nil},
	{"Spoke to Darren (son) about the DNACPR.", []string{"Darren=R"}, nil},
	{"Doris's daughter brought her some grapes on the ward.", []string{"Doris=P"}, []string{"Doris's"}},
	{"Her husband Peter is her carer.", []string{"Peter=R"}, nil},
	{"Love, Mum", nil, []string{"*"}},
	// staff
	{"Massive thanks to Jen from nights for covering.", []string{"Jen=S"}, nil},
	{"My colleague Priya stayed late again.", []string{"Priya=S"}, nil},
	{"On shift with Tom and Sarah tonight.", []string{"Tom=S", "Sarah=S"}, nil},
	{"Kelly the HCA found him on the floor.", []string{"Kelly=S"}, nil},
	{"Great shift everyone.\nSarah RN", []string{"Sarah=S"}, nil},
	{"Great shift, thanks all. Jen x", []string{"Jen=S"}, nil},
	{"Could someone swap my late on Friday?\nThanks, Jen", []string{"Jen=S"}, nil},
	{"Our manager Claire signed off the rota.", []string{"Claire=S"}, nil},
	{"The reg, Ahmed, was brilliant with the family.", []string{"Ahmed=S"}, nil},
	// patients
	{"Had a lovely lady called Doris in bed 6.", []string{"Doris=P"}, []string{"bed 6"}},
	{"Pt Harold refused his tablets.", []string{"Harold=P"}, nil},
	{"Patient John Smith was brought in by ambulance.", []string{"John Smith=P"}, nil},
	{"Arthur (94) was admitted with a fall.", []string{"Arthur=P"}, nil},
	{"Edna in bed 4 keeps asking for her husband.", []string{"Edna=P"}, nil},
	{"This guy Kevin came into resus after a fight.", []string{"Kevin=P"}, nil},
	{"patient called Okonkwo needed an interpreter", []string{"Okonkwo=P"}, nil},
	{"Pt J.S. was confused overnight.", []string{"J.S.=P"}, nil},
	// greetings, friends
	{"Happy birthday Sarah!", []string{"Sarah=O"}, nil},
	{"Hi Tom, are you on tomorrow?", []string{"Tom=O"}, nil},
	{"Congrats Priya on passing your exams!", []string{"Priya=O"}, nil},
	{"Happy birthday to my lovely friend Emma x", []string{"Emma=O"}, nil},
	{"Dear Diary, what a day.", nil, []string{"*"}},
	{"Out for dinner with Emily and Laura tonight.", []string{"Emily=O", "Laura=O"}, nil},
	{"my name is Dan", []string{"Dan=O"}, nil},
	{"Dan Tailor", []string{"Dan Tailor=O"}, nil},
	{"John Oliver is a comedian.", []string{"John Oliver=O"}, nil},
	{"Richard Milhous Nixon", []string{"Richard Milhous Nixon=O"}, nil},
	{"Richard M. Nixon", []string{"Richard M. Nixon=O"}, nil},
	{"Dan May has a bank account.", []string{"Dan May=O"}, nil},
	// word-names
	{"Will you cover my shift on Saturday?", nil, []string{"*"}},
	{"hope you're well", nil, []string{"*"}},
	{"Hope is coming to my leaving do.", []string{"Hope=S"}, nil},
	{"I hope Grace is coming tonight.", []string{"Grace=O"}, nil},
	{"I bought my car in May", nil, []string{"*"}},
	{"I bought my car in May.", nil, []string{"*"}},
	{"May 1st, 1977", nil, []string{"*"}},
	{"Rotation starts in August.", nil, []string{"*"}},
	{"Mark my words, it'll be busy.", nil, []string{"*"}},
	{"Frank discussion with the family today.", nil, []string{"*"}},
	{"Grace and favour.", nil, []string{"*"}},
	{"Moved to Rowan Ward yesterday.", nil, []string{"*"}},
	{"He is on Ward 7B.", nil, []string{"*"}},
	{"Sarah Ward is on days this week.", []string{"Sarah Ward=S"}, nil},
	{"Went to Bath for the weekend.", nil, []string{"*"}},
	{"Reading the notes took ages.", nil, []string{"*"}},
	{"Living in Reading now.", nil, []string{"*"}},
	{"Monday was awful.", nil, []string{"*"}},
	{"May I ask a question?", nil, []string{"*"}},
	{"Can you help?", nil, []string{"*"}},
	// eponyms, drugs, clinical terms
	{"He has Parkinson's disease and Crohn's.", nil, []string{"*"}},
	{"Known Down's syndrome, lives in a care home.", nil, []string{"*"}},
	{"History of Addison's disease.", nil, []string{"*"}},
	{"GCS 15, Glasgow Coma Scale documented.", nil, []string{"*"}},
	{"Foley catheter inserted on the ward.", nil, []string{"*"}},
	{"Swan-Ganz line in situ.", nil, []string{"*"}},
	{"Early Alzheimer's, lives alone.", nil, []string{"*"}},
	{"Gave Oramorph and Keppra as prescribed.", nil, []string{"*"}},
	{"Bell's palsy on the left.", nil, []string{"*"}},
	{"Obs stable, NEWS 2.", nil, []string{"*"}},
	{"Guillain-Barre suspected.", nil, []string{"*"}},
	// places and organisations
	{"Just moved to Milton Keynes.", nil, []string{"*"}},
	{"Transferred to St Mary's Hospital.", nil, []string{"*"}},
	{"Started at Leeds General Infirmary.", nil, []string{"*"}},
	{"Working at Oakfield Care Home.", nil, []string{"*"}},
	{"Shopping at Tesco after nights.", nil, []string{"*"}},
	{"London was heaving.", nil, []string{"*"}},
	{"#NHS #nursing #BedBlocker", nil, []string{"*"}},
	{"#nurselife what a night", nil, []string{"*"}},
	{"@sarah_rn thanks for covering", nil, []string{"*"}},
	{"NHS pay rise now!", nil, []string{"*"}},
	{"Christmas on the ward is always fun.", nil, []string{"*"}},
	{"Thank God that shift is over.", nil, []string{"*"}},
	{"The ICU team were amazing.", nil, []string{"*"}},
	{"A&E was rammed.", nil, []string{"*"}},
	{"Covid cases are up again.", nil, []string{"*"}},
	// all caps nursing notes
	{"PT SEEN BY DR SMITH, PLAN TO DISCHARGE.", []string{"DR SMITH=S"}, nil},
	{"SPOKE WITH HUSBAND JOHN RE DISCHARGE PLAN.", []string{"JOHN=R"}, nil},
	{"WIFE MARY CALLED FOR AN UPDATE.", []string{"MARY=R"}, nil},
	{"MRS JONES IN BED 4 REFUSED HER TABLETS.", []string{"MRS JONES=P"}, nil},
	{"OBS STABLE, NEWS 0, PAIN CONTROLLED.", nil, []string{"*"}},
	{"DAUGHTER SUSAN AWARE OF PLAN.", []string{"SUSAN=R"}, nil},
	{"PATIENT WAS SEEN BY THE WARD TEAM.", nil, []string{"*"}},
	{"HANDOVER GIVEN TO STAFF NURSE JONES.", []string{"NURSE JONES=S"}, nil},
	{"WILL REVIEW IN THE MORNING.", nil, []string{"*"}},
	{"MAY NEED A CATHETER.", nil, []string{"*"}},
	// all lower posts
	{"shout out to jen from nights, legend", []string{"jen=S"}, nil},
	{"her son darren kicked off again at visiting", []string{"darren=R"}, nil},
	{"had a lovely lady called doris today", []string{"doris=P"}, nil},
	{"happy birthday sarah!! have the best day", []string{"sarah=O"}, nil},
	{"will you cover my long day on friday", nil, []string{"*"}},
	{"may need to swap shifts next week", nil, []string{"*"}},
	{"hope everyone has a quiet night", nil, []string{"*"}},
	{"pt in bed 3 keeps pressing the buzzer", nil, []string{"*"}},
	{"seen by dr patel, plan for ct", []string{"dr patel=S"}, nil},
	// mixed
	{"Sarah Jones and I did a double today.", []string{"Sarah Jones=O"}, nil},
	{"Tom brought cake in for the whole team.", []string{"Tom=S"}, nil},
	{"Lovely day out with Rachel.", []string{"Rachel=O"}, nil},
	{"Emily said the new rota is out.", []string{"Emily=S"}, nil},
	{"Margaret, 87, was found on the floor.", []string{"Margaret=P"}, nil},
	{"Happy retirement Linda, we will miss you on the ward!", []string{"Linda=S"}, nil},
	{"I think Bill from pharmacy sorted it.", []string{"Bill=S"}, nil},
	{"The bill was huge.", nil, []string{"*"}},
	{"U.K. nurses deserve better.", nil, []string{"*"}},
	{"Back on nights from Monday.", nil, []string{"*"}},
	{"Joy of joys, another night shift.", nil, []string{"*"}},
	{"Faith in humanity restored.", nil, []string{"*"}},
	{"Sue them all.", nil, []string{"*"}},
	{"Good luck Rebecca on your first day!", []string{"Rebecca=O"}, nil},
	{"RIP Edna, you were one of a kind.", []string{"Edna=O"}, nil},
	{"Rowan and Maple wards are closed to visitors.", nil, []string{"*"}},
	// more must-finds
	{"Harry is our new F1.", []string{"Harry=S"}, nil},
	{"Sarah and I did nights together.", []string{"Sarah=S"}, nil},
	{"Kelly is my daughter.", []string{"Kelly=O"}, nil},
	{"Kelly is her daughter and she was lovely.", []string{"Kelly=R"}, nil},
	{"Miss Jones in bed 3 needs a commode.", []string{"Miss Jones=P"}, nil},
	{"MISS JONES REFUSED HER MEDS.", []string{"MISS JONES=P"}, nil},
	{"Mr Singh's family brought in samosas for the whole ward.", []string{"Mr Singh=P"}, nil},
	{"Dr Chen and Dr Adeyemi were brilliant in resus.", []string{"Dr Chen=S", "Dr Adeyemi=S"}, nil},
	{"Mrs Patel (82) passed away peacefully this morning.", []string{"Mrs Patel=P"}, nil},
	{"Congratulations to Ahmed on qualifying!", []string{"Ahmed=O"}, nil},
	{"Jo from Occupational Health was so helpful.", []string{"Jo=S"}, nil},
	{"TOM SMITH WAS ADMITTED WITH CHEST PAIN", []string{"TOM SMITH=P"}, nil},
	{"DAUGHTER KAREN VISITED, UPDATED ON PLAN.", []string{"KAREN=R"}, nil},
	{"SEEN BY REG DR OKAFOR, BLOODS TAKEN.", []string{"DR OKAFOR=S"}, nil},
	{"NOK INFORMED: SON PAUL AWARE.", []string{"PAUL=R"}, nil},
	{"anyone know if rachel from bank is working tonight?", []string{"rachel=S"}, nil},
	{"had mr brown in bay 2 again, he's such a character", []string{"mr brown=P"}, nil},
	{"pt's daughter kelly rang for an update", []string{"kelly=R"}, nil},
	{"Love you Sarah!", []string{"Sarah=O"}, nil},
	{"Staff Nurse Jackson is leaving us.", []string{"Nurse Jackson=S"}, nil},
	{"Student nurse Amy did great today.", []string{"Amy=S"}, nil},
	{"Met up with Siobhan O'Brien after work.", []string{"Siobhan O'Brien=O"}, nil},
	{"Handed over to Gareth McLeod.", []string{"Gareth McLeod=S"}, nil},
	{"Patient: Smith, John", []string{"Smith, John=P"}, nil},
	{"Pt JS was confused overnight.", []string{"JS=P"}, nil},
	{"Pt NBM from midnight.", nil, []string{"*"}},
	{"Great night, thanks all.\n— Sarah RN", []string{"Sarah=S"}, nil},
	{"Smith, Jones and Brown were on the rota.", nil, []string{"Smith, Jones"}},
	// more must-not-finds
	{"I love India.", nil, []string{"*"}},
	{"Love Island is back!", nil, []string{"*"}},
	{"Went to Spain for a week, back to reality now.", nil, []string{"*"}},
	{"Living the dream in Sunny Devon.", nil, []string{"*"}},
	{"My Fitbit says I walked 20,000 steps.", nil, []string{"*"}},
	{"The Queen's funeral was on TV.", nil, []string{"*"}},
	{"Off to see Mum and Dad.", nil, []string{"*"}},
	{"Dr Google strikes again.", nil, []string{"*"}},
	{"Sister in law is visiting.", nil, []string{"*"}},
	{"Shout out to the amazing team on Ward 12 tonight!", nil, []string{"*"}},
	{"Anyone else find Datix forms a pain?", nil, []string{"*"}},
	{"When the consultant asks for a Bladder Scan at 3am.", nil, []string{"*"}},
	{"The Trust has announced new parking charges.", nil, []string{"*"}},
	{"Ward Manager wants everyone at the meeting.", nil, []string{"*"}},
	{"PT ALERT AND ORIENTATED. OBS WNL. PLAN FOR DISCHARGE TOMORROW.", nil, []string{"*"}},
	{"HAPPY BIRTHDAY TO THE BEST MUM IN THE WORLD!!!", nil, []string{"*"}},
	{"BROWN BREAD AND TEA FOR BREAKFAST", nil, []string{"*"}},
	{"GREEN TEAM HANDOVER AT 8", nil, []string{"*"}},
	{"I WILL NEVER WORK ANOTHER BANK HOLIDAY", nil, []string{"*"}},
	{"so tired after nights, love my team tho", nil, []string{"*"}},
	{"grace under pressure is what this job needs", nil, []string{"*"}},
	{"frank and honest conversation with the family today", nil, []string{"*"}},
	{"nan passed away peacefully last night, miss you nanny", nil, []string{"*"}},
	{"Absolutely shattered after four nights in a row. Never again!", nil, []string{"*"}},
	{"Proud to work for the NHS. Proud to be a nurse.", nil, []string{"*"}},
	{"Watching Grey's Anatomy after a long day.", nil, []string{"*"}},
	{"Black Friday deals on scrubs!", nil, []string{"*"}},
	{"Drinks at the Red Lion on Friday?", nil, []string{"*"}},
	{"Happy New Year everyone!", nil, []string{"*"}},
	{"Our Lady of Lourdes church is lovely.", nil, []string{"*"}},
	{"Stuck on the M62 again.", nil, []string{"*"}},
	{"Can anyone recommend a good Stethoscope? Littmann or not?", nil, []string{"*"}},
	// the reader's people who were treated are patients; "her name's X",
	// "initials X" name a third person of the post
	{"Heads up, your neighbour Doreen Hale was brought in last night after a fall.", []string{"Doreen Hale=P"}, nil},
	{"your brother Callum's van was wrapped round a lamppost, we took him to majors", []string{"Callum=P"}, nil},
	{"Say hi to your mum Linda for me!", []string{"Linda=R"}, nil},
	{"Frequent flyer in cubicle 4 again. Initials P.K., you know who you are", []string{"P.K.=P"}, nil},
	{"Remember the man from the bus stop collapse? His name's Victor Ames, he's my aunt's neighbour", []string{"Victor Ames=P"}, nil},
	{"Rang my clients Jean Rooke and Alf Marsh about Tuesday", []string{"Jean Rooke=P", "Alf Marsh=P"}, nil},
	// the author's own baby and sister, a colleague's baby shower
	{"Happy 2nd birthday to my miracle baby Rowan, born at 27 weeks", []string{"Rowan=O"}, nil},
	{"Baby Theo arrived safely, my sister Carys was incredible, so proud of Carys", []string{"Carys=O"}, nil},
	{"Bring a dish for Tanya's baby shower on Friday, break room at 2", []string{"Tanya=S"}, nil},
	// journals and pets are no people
	{"Our audit was published in Iris today", nil, []string{"*"}},
	{"Big thanks to Nadia Price for covering, our new paper in Iris is out", []string{"Nadia Price=S"}, []string{"Iris"}},
	{"my cat's vet bill 🙀 Misty ate a hair tie", nil, []string{"*"}},
	{"Pip, Nell and Moss — our new rescue puppies", nil, []string{"*"}},
	{"my dog licked Sarah Cole on the nose", []string{"Sarah Cole=O"}, nil},
	// credentials alone, and an everyday word making a sentence of its own at
	// the end, are no names; a kiss still makes a sign-off
	{"Congrats Amara on finishing her ACP MSc!", nil, []string{"MSc"}},
	{"Printer jammed again. Joy.", nil, []string{"*"}},
	{"Printer jammed again. Joy x", []string{"Joy=S"}, nil},
	{"Baby did so well on the unit today. Her mama Delia has been amazing", []string{"Delia=R"}, nil},
	// a home address after a name; "the baby's name was X", "nicknamed him X";
	// "passed her exam" is no death
	{"Swapping visits: I'll take Mrs Okoro at 22 Birch Close after lunch", []string{"Mrs Okoro=P"}, nil},
	{"Walked Mr Dunne from 7 Hill Road to the shops and back", []string{"Mr Dunne=P"}, nil},
	{"The little one's name was Harriet, I cried on the drive home", []string{"Harriet=P"}, nil},
	{"Bay 2 keeps singing at 4am. We've nicknamed him Elvis Pratt.", []string{"Elvis Pratt=P"}, nil},
	{"My Ellis passed his theory exam today!", []string{"Ellis=O"}, nil},
	{"Bed 6 salutes everyone on the ward. We've nicknamed him Captain Biscuit.", []string{"Captain Biscuit=P"}, nil},
	// students are staff; a kin word used as a title is the author's family,
	// a note's label before it is not
	{"Tomasz and Ines both smashed their OSCEs this morning", []string{"Tomasz=S", "Ines=S"}, nil},
	{"Big hugs to Grandpa Lou for driving me to every shift", []string{"Lou=O"}, nil},
	{"Plan: obs 4 hourly.\nSOCIAL: Husband Rick in to visit, updated.", []string{"Rick=R"}, nil},
	// a name used for a kind of person or thing is no name; an initial "A" is
	{"Resus had a Cinderella with a broken wrist from the fancy dress do", nil, []string{"Cinderella"}},
	{"We had a Kevin in majors kicking off again", nil, []string{"Kevin"}},
	{"Another shouty Trevor in majors demanding to be seen first", nil, []string{"Trevor"}},
	{"Marta A Kowalczyk was seen in clinic", []string{"Kowalczyk=P"}, nil},
	// an apposition before the name: a staff or patient noun, then a place
	// phrase ("on my ward", "at our pharmacy") up to the comma
	{"The new grad on my ward, Ottilie, smashed her first week", []string{"Ottilie=S"}, nil},
	{"A regular at our shop, Mrs Adeyemi, always has a joke for us", []string{"Mrs Adeyemi=P"}, nil},
	{"ST with frequent PACs, Dr. Orme aware.", []string{"Dr. Orme=S"}, nil},
	// a Mr/Mrs in a post about patients, residents or clients
	{"Is it normal for clients to add you on here? Mr Okonjo from my Thursday list just did", []string{"Mr Okonjo=P"}, nil},
	{"Mrs Hale taught me to read and I still think of her", []string{"Mrs Hale=O"}, nil},
	// "covered" of a state is no shift covered
	{"Anyone else's little one off school with chickenpox? Milo's covered 😩", []string{"Milo=O"}, nil},
	{"Sam's covered Sunday, legend", []string{"Sam=S"}, nil},
	// a first name that is also a title word, after a frame ("grandpa Earl");
	// alone it is still no name
	{"Her husband Earl rang twice about the parking", []string{"Earl=R"}, nil},
	{"Earl Grey and a biscuit before handover", nil, []string{"*"}},
	// in a clinical note or post: a visitor is a relative, someone called to
	// the bedside is staff
	{"Pt settled, sats 95% on 2L. Marisol Ortega was in to visit this pm, updated on plan.", []string{"Marisol Ortega=R"}, nil},
	{"Pt settled, sats 95% on 2L. Marisol Ortega was in to see him at 6pm.", []string{"Marisol Ortega=R"}, nil},
	{"BP dropped to 80/40, Tobias Renner called to bedside, fluids given.", []string{"Tobias Renner=S"}, nil},
	// a note's other care-team members
	{"Family meeting held. Met with caseworker Odile Brandt re discharge plan.", []string{"Odile Brandt=S"}, nil},
	{"Dysphagia screen done, Priti Anand from speech and swallow to review.", []string{"Priti Anand=S"}, nil},
	{"Obs stable overnight. Mrs Kell visited by her son at 6pm.", []string{"Mrs Kell=P"}, nil},
	// more of a care team by job
	{"Our ward clerk Benita bakes for every night shift.", []string{"Benita=S"}, nil},
	{"Big shout out to the sonographer Imelda who found it early.", []string{"Imelda=S"}, nil},
	// pets, with words between the owner and the pet noun
	{"Thankful for Clover, the matron's therapy dog, after that shift.", nil, []string{"*"}},
	{"Waffles, our old rescue cat, slept through the fireworks.", nil, []string{"*"}},
	{"Desmond, our dog walker, brought flowers round.", []string{"Desmond=O"}, nil},
	// no person's shape
	{"A man turned up at triage in a Porsche with his leg in a splint.", nil, []string{"*"}},
	{"Congrats to Dr Imani Osei, now Chief of Medicine! Well deserved.", []string{"Dr Imani Osei=S"}, []string{"Chief"}},
	{"If in doubt go to A&E. Dial 999 in an emergency.", nil, []string{"*"}},
	{"Chief Okoro ran the fire crew drill today.", nil, nil},
	// a public figure's work
	{"Just finished Hattie Moran's memoir on nights, every nurse should read it.", []string{"Hattie Moran=O"}, nil},
	{"The patients loved the Dolly Parton tribute act at the hospice.", []string{"Dolly Parton=O"}, nil},
	{"Hattie Moran's son rang about visiting on the ward.", []string{"Hattie Moran=P"}, nil},
	// a wish to a patient
	{"Our patient in bed 6 went home after 50 days. Stay strong, Ezra!", []string{"Ezra=P"}, nil},
	{"Discharged from the unit at last. Go home soon, little Willa 💙", []string{"Willa=P"}, nil},
	{"Stay strong, Ezra, the season starts soon!", []string{"Ezra=O"}, nil},
	// a name spoken to takes the role of the people the post spoke of
	{"The agency nurses on our floor never answer call bells. Yes Kristen, I mean you.", []string{"Kristen=S"}, nil},
	{"So proud of my old stroke rehab patients. Tag yourself, Nadia and Femi!", []string{"Nadia=P", "Femi=P"}, nil},
	{"The patient in bed 2 kept ringing at night. We know it was you, Mr Pryce.", []string{"Mr Pryce=P"}, nil},
	{"Why do paramedics never stay for handover? Looking at you Declan, every single night.", []string{"Declan=S"}, nil},
	{"Whoever in management shut our staff room: Lorna, you've never worked a night.", []string{"Lorna=S"}, nil},
	// no one's name
	{"Night team in Santa hats on the ward again", nil, []string{"*"}},
	{"Our unit picked up the Matron Excellence Award at the gala", nil, []string{"Excellence Award"}},
	// a newborn of the author's family is no patient
	{"Our first grandchild is here! Little Rufus, 7lb 2oz of pure joy 💛", []string{"Rufus=O"}, nil},
	{"Hundreds of deliveries for strangers and now I have my own: baby Nell Rose, born at dawn", []string{"Nell Rose=O"}, nil},
	{"Congratulations to the parents of baby Rufus, delivered on our unit this morning", []string{"Rufus=P"}, nil},
	// staff by department or by a job after the name
	{"Honestly Nigel from portering is a legend, fixed the bed in seconds.", []string{"Nigel=S"}, nil},
	{"Huge thanks to Priyanka from respiratory for the spirometry cover.", []string{"Priyanka=S"}, nil},
	{"Locker keys now from Marianne in admin, not the ward office.", []string{"Marianne=S"}, nil},
	{"Short again tonight and Brenda the ward manager just shrugged.", []string{"Brenda=S"}, nil},
	{"Mr Holt in bed 3 was back in resus tonight.", []string{"Mr Holt=P"}, nil},
	// a post that opens by speaking to someone by what they are
	{"To the agency nurse who left two drips running on Tuesday: Shona, we saw your notes. Do better.", []string{"Shona=S"}, nil},
	{"To the man who swore at triage all night: I know your name now, Delroy.", []string{"Delroy=P"}, nil},
	{"The man in bed 9 pressed his buzzer all night. We know it was you, Lenny.", []string{"Lenny=P"}, nil},
	{"Met a man at the gym today. See you next week, Lenny!", []string{"Lenny=O"}, nil},
	{"Rumour has it the new CNO at Parkside faked her degree. Yvette Cole, explain yourself", []string{"Yvette Cole=S"}, nil},
	{"Happy retirement, Maureen! 30 years on the ward and never a day off sick", []string{"Maureen=S"}, nil},
	{"Happy birthday, Maureen! Hope the cake was worth it", []string{"Maureen=O"}, nil},
	// a relative noun before a bracket
	{"Need advice. My patient's daughter (Lorna, works at the bank near me) keeps ringing the ward.", []string{"Lorna=R"}, nil},
	{"Baby went home from NICU today! Thank you Mum & Dad (Priya & Tomasz) for trusting us", []string{"Priya=R", "Tomasz=R"}, nil},
	{"Booked the leaving do with my colleague (Lorna from nights) for Friday", []string{"Lorna=S"}, nil},
	// a great age said of the person after the name
	{"POV: Winnie at Heron Lodge hid her teeth in the sugar bowl again 😂 she's 94 and fierce", []string{"Winnie=P"}, nil},
	{"Guess who moved into our home this week, Alfred Pike!! he is 88 and still charming", []string{"Alfred Pike=P"}, nil},
	{"Winnie and I finally ran the half marathon, she's 34 and I'm 36", []string{"Winnie=O"}, nil},
	// the author's workmates share a workplace
	{"Met at uni in 2014 and now Ines, Tobi and me work on the same ward!", []string{"Ines=S", "Tobi=S"}, nil},
	{"Ines and I went to the same school in the nineties.", []string{"Ines=O"}, nil},
	// a reader asking for advice, spoken to first
	{"Gloria your son's cough sounds viral, plenty of fluids and rest.", []string{"Gloria=O"}, nil},
	{"Reply to Odette: hun your sugar of 19 needs a GP review today.", []string{"Odette=O"}, nil},
	{"Gloria rang about her son's cough again on the ward.", []string{"Gloria=P"}, nil},
	{"Our HCA of the year is Gloria, your support on nights was the best.", []string{"Gloria=S"}, nil},
	{"Dr Gloria Mensah your teaching changed my career.", []string{"Dr Gloria Mensah=S"}, nil},
	// a home address after a title
	{"Mr Doyle at number 22 Fern Close rang about his son again.", []string{"Mr Doyle=P"}, nil},
}

func TestNameCases(t *testing.T) {
	fails := 0
	for _, tc := range nmCases {
		got := nmRun(t, tc.text)
		var msgs []string
		for _, f := range tc.find {
			want, role, _ := strings.Cut(f, "=")
			ok := false
			for _, c := range got {
				if tc.text[c.Start:c.End] == want && c.Type == nmRoleLetter[role] {
					ok = true
				}
			}
			if !ok {
				msgs = append(msgs, fmt.Sprintf("missing %q as %s", want, nmRoleLetter[role]))
			}
		}
		for _, w := range tc.not {
			if w == "*" {
				for _, c := range got {
					msgs = append(msgs, fmt.Sprintf("unexpected %q", tc.text[c.Start:c.End]))
				}
				continue
			}
			i := strings.Index(tc.text, w)
			if i < 0 {
				t.Fatalf("%q: not-word %q absent", tc.text, w)
			}
			for _, c := range got {
				if tc.text[c.Start:c.End] == w || c.Start < i+len(w) && i < c.End && c.End-c.Start > len(w) {
					msgs = append(msgs, fmt.Sprintf("unexpected %q", tc.text[c.Start:c.End]))
				}
			}
		}
		if len(msgs) > 0 {
			fails++
			t.Errorf("%q: %s\n\tgot: %s", tc.text, strings.Join(msgs, "; "), nmFormat(tc.text, got))
		}
	}
	t.Logf("%d/%d cases pass", len(nmCases)-fails, len(nmCases))
}

func nmFormat(s string, cs []Candidate) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "[%q %s %.2f %s] ", s[c.Start:c.End], c.Type, c.Confidence, c.Reason)
	}
	return b.String()
}

func TestNameConfidence(t *testing.T) {
	conf := func(s, want string) float64 {
		for _, c := range nmRun(t, s) {
			if s[c.Start:c.End] == want {
				return c.Confidence
			}
		}
		doc, _ := text.New(s)
		for _, c := range (nameDetector{}).Detect(doc, nil) {
			if s[c.Start:c.End] == want {
				return c.Confidence
			}
		}
		return 0
	}
	if c := conf("Reviewed by Dr Hughes today.", "Dr Hughes"); c < 0.9 {
		t.Errorf("title + capitalised name: %.2f, want ≥ 0.9", c)
	}
	if c := conf("Went for coffee with Rachel after work.", "Rachel"); c < 0.65 || c > 0.9 {
		t.Errorf("known first name mid-sentence: %.2f, want 0.65–0.9", c)
	}
	if c := conf("It was all down to Faith in the end.", "Faith"); c >= 0.5 {
		t.Errorf("common-word name without context: %.2f, want < 0.5", c)
	}
}

func TestNameReason(t *testing.T) {
	got := nmRun(t, "The reg Dr Okafor was great.")
	if len(got) != 1 {
		t.Fatalf("got %s", nmFormat("The reg Dr Okafor was great.", got))
	}
	r := got[0].Reason
	for _, w := range []string{"title 'Dr'", "staff"} {
		if !strings.Contains(r, w) {
			t.Errorf("reason %q lacks %q", r, w)
		}
	}
}

// nmGen makes synthetic posts from templates and names from the lists of
// this test, never from any evaluation corpus.
type nmGen struct {
	r *rand.Rand
}

var (
	nmGenFirst = []string{"Sarah", "John", "Priya", "Darren", "Kelly", "Doris", "Harold", "Emma",
		"Mohammed", "Aisha", "Gareth", "Siobhan", "Oliver", "Chloe", "Linda", "Arthur", "Edna",
		"Rachel", "Kevin", "Fatima", "Bethan", "Callum", "Nadia", "Tomasz", "Agnieszka", "Rebecca",
		"Michael", "Joanne", "Stephen", "Amy"}
	nmGenSur = []string{"Smith", "Jones", "Patel", "Khan", "Taylor", "Brown", "Williams", "Evans",
		"Hughes", "Okafor", "Murphy", "Kowalski", "Thompson", "Wilson", "Roberts", "Walker",
		"McDonald", "O'Brien", "Robinson", "Clarke", "Wright", "Green", "Hall", "Wood"}
	nmGenTemplates = []struct {
		tpl  string
		role result.Type
	}{
		{"Had a lovely chat with Mrs {S} in bed {N} today.", result.NamePatient},
		{"Mr {S} was admitted overnight with chest pain.", result.NamePatient},
		{"Her son {F} rang the ward three times.", result.NameRelative},
		{"His wife {F} stayed with him until the end.", result.NameRelative},
		{"Massive thanks to {F} from nights!", result.NameStaff},
		{"Dr {S} was brilliant on the ward round.", result.NameStaff},
		{"My colleague {F} {S} just qualified!", result.NameStaff},
		{"Happy birthday {F}!! Have a great day x", result.NameOther},
		{"Pt {F} {S} refused obs again.", result.NamePatient},
		{"Sister {S} ran a tight ship.", result.NameStaff},
		{"a lady called {F} in bed {N} made my day", result.NamePatient},
		{"{F} ({A}) came in after a fall at home.", result.NamePatient},
		{"SPOKE WITH DAUGHTER {UF} RE PLAN.", result.NameRelative},
		{"PT SEEN BY DR {US}.", result.NameStaff},
		{"Shout out to {F} from nights, absolute legend.", result.NameStaff},
		{"Our new HCA {F} is brilliant.", result.NameStaff},
		{"{F} {S} was admitted overnight with sepsis.", result.NamePatient},
		{"Spoke to her husband {F} about the plan.", result.NameRelative},
		{"Lovely lady in bed {N}, Mrs {S}, told me about the war.", result.NamePatient},
		{"Congrats {F} on your promotion!", result.NameStaff},
		{"Covered by Dr {F} {S} tonight.", result.NameStaff},
		{"{F} said she'll swap my late for an early.", result.NameStaff},
		{"Thanks for a great shift everyone.\n{F} x", result.NameStaff},
		{"Mr {S}, {A}, in bay {N} was really confused.", result.NamePatient},
	}
)

func (g nmGen) post() (string, string, result.Type) {
	tp := nmGenTemplates[g.r.Intn(len(nmGenTemplates))]
	f := nmGenFirst[g.r.Intn(len(nmGenFirst))]
	s := nmGenSur[g.r.Intn(len(nmGenSur))]
	out := tp.tpl
	want := ""
	repl := func(k, v string) {
		if strings.Contains(out, k) {
			out = strings.Replace(out, k, v, 1)
		}
	}
	repl("{N}", fmt.Sprint(1+g.r.Intn(30)))
	repl("{A}", fmt.Sprint(60+g.r.Intn(40)))
	repl("{UF}", strings.ToUpper(f))
	repl("{US}", strings.ToUpper(s))
	repl("{F}", f)
	repl("{S}", s)
	switch {
	case strings.Contains(tp.tpl, "Mrs {S}"):
		want = "Mrs " + s
	case strings.Contains(tp.tpl, "Mr {S}"):
		want = "Mr " + s
	case strings.Contains(tp.tpl, "Dr {S}"):
		want = "Dr " + s
	case strings.Contains(tp.tpl, "Sister {S}"):
		want = "Sister " + s
	case strings.Contains(tp.tpl, "DR {US}"):
		want = "DR " + strings.ToUpper(s)
	case strings.Contains(tp.tpl, "{UF}"):
		want = strings.ToUpper(f)
	case strings.Contains(tp.tpl, "Dr {F} {S}"):
		want = "Dr " + f + " " + s
	case strings.Contains(tp.tpl, "{F} {S}"):
		want = f + " " + s
	default:
		want = f
	}
	return out, want, tp.role
}

func TestNameSynthetic(t *testing.T) {
	g := nmGen{rand.New(rand.NewSource(7))}
	const n = 600
	found, typed := 0, 0
	var misses []string
	for i := 0; i < n; i++ {
		post, want, role := g.post()
		if i%5 == 4 && strings.ToUpper(post) != post {
			// the same posts typed all in lower case
			post, want = strings.ToLower(post), strings.ToLower(want)
		}
		ok, okType := false, false
		for _, c := range nmRun(t, post) {
			if post[c.Start:c.End] == want {
				ok = true
				okType = c.Type == role
			}
		}
		if ok {
			found++
		} else if len(misses) < 10 {
			misses = append(misses, post)
		}
		if okType {
			typed++
		} else if ok && len(misses) < 10 {
			misses = append(misses, "role: "+post)
		}
	}
	recall, roleAcc := float64(found)/n, float64(typed)/n
	t.Logf("synthetic recall %.3f, role accuracy %.3f", recall, roleAcc)
	if len(misses) > 0 {
		t.Logf("misses: %q", misses)
	}
	if recall < 0.95 || roleAcc < 0.9 {
		t.Errorf("synthetic recall %.3f (want ≥ 0.95), role accuracy %.3f (want ≥ 0.9); misses: %q", recall, roleAcc, misses)
	}
}

func FuzzNames(f *testing.F) {
	for _, tc := range nmCases {
		f.Add(tc.text)
	}
	f.Add("Mrs B.")
	f.Add("J.S.")
	f.Add("Dr.")
	f.Add("Mr O'")
	f.Add("Doris's")
	f.Add("Ms Ｓｍｉｔｈ ẞ É\u0301mile")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := text.New(s)
		if err != nil {
			return
		}
		for _, c := range (nameDetector{}).Detect(doc, nil) {
			if c.Start < 0 || c.End > len(doc.Norm) || c.Start >= c.End {
				t.Fatalf("bad span %d-%d in %q", c.Start, c.End, doc.Norm)
			}
			if !utf8.RuneStart(doc.Norm[c.Start]) || c.End < len(doc.Norm) && !utf8.RuneStart(doc.Norm[c.End]) {
				t.Fatalf("span %d-%d not on rune boundaries in %q", c.Start, c.End, doc.Norm)
			}
			if !c.Type.IsName() || c.Confidence < nmEmitMin || c.Confidence > 0.99 || c.Reason == "" {
				t.Fatalf("bad candidate %+v", c)
			}
		}
	})
}

// nmBenchText builds about 64 KB of synthetic posts: one sentence in
// every nameEvery from the name templates, the rest plain ward talk.
func nmBenchText(nameEvery int) string {
	g := nmGen{rand.New(rand.NewSource(1))}
	plain := []string{
		"Obs stable overnight, plan to discharge tomorrow if bloods are ok.",
		"Absolutely shattered after four nights in a row, never again!",
		"Does anyone know if the Band 6 interview is hard?",
		"Proud to work for the NHS and proud to be a nurse.",
		"Night shift snacks sorted: crisps, chocolate and far too much coffee.",
		"Handover took ages because the printer broke again.",
		"Remember to check the Waterlow score on admission.",
		"Reading the new policy on falls before my shift.",
		"Will you cover my long day on Saturday? Happy to swap.",
		"Hope everyone has a quiet night on the ward.",
		"ICU were brilliant with the transfer, proper teamwork.",
		"Three admissions in an hour and no HCA on the floor.",
		"Christmas on the ward is always a mix of fun and chaos.",
		"#nursing #NHS #nightshift",
		"Finally finished my revalidation, what a relief!",
	}
	var sb strings.Builder
	for i := 0; sb.Len() < 64<<10; i++ {
		if i%nameEvery == 0 {
			p, _, _ := g.post()
			sb.WriteString(p)
		} else {
			sb.WriteString(plain[g.r.Intn(len(plain))])
		}
		if i%5 == 4 {
			sb.WriteString("\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

func benchNames(b *testing.B, nameEvery int) {
	doc, err := text.New(nmBenchText(nameEvery))
	if err != nil {
		b.Fatal(err)
	}
	var out []Candidate
	out = nameDetector{}.Detect(doc, out[:0]) // load the lexicon
	b.SetBytes(int64(len(doc.Norm)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = nameDetector{}.Detect(doc, out[:0])
	}
}

// BenchmarkNames measures the name detector on posts with a name in about
// one sentence in four.
func BenchmarkNames(b *testing.B) { benchNames(b, 4) }

// BenchmarkNamesDense measures it with a name in every sentence.
func BenchmarkNamesDense(b *testing.B) { benchNames(b, 1) }

// TestNamePresidioCases checks the PERSON and DATE_TIME sentences of
// Presidio's recognizer tests (read from shared/data, never copied): a
// PERSON must overlap a name of ours (our spans include titles), and a
// DATE_TIME sentence must hold no name.
func TestNamePresidioCases(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/external/presidio-analyzer-cases/presidio_recognizer_cases.jsonl")
	if err != nil {
		t.Skip("presidio cases not available:", err)
	}
	type pcase struct {
		Entities  []string `json:"entities"`
		Text      string   `json:"text"`
		Positions [][2]int `json:"expected_positions"`
		EntityNum *int     `json:"entity_num"`
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		var c pcase
		if line == "" || json.Unmarshal([]byte(line), &c) != nil || c.EntityNum == nil || len(c.Entities) < 2 || c.Entities[0] != "PERSON" {
			continue
		}
		got := nmRun(t, c.Text)
		n++
		switch *c.EntityNum {
		case 0:
			for _, p := range c.Positions {
				ok := false
				for _, g := range got {
					if g.Start < p[1] && p[0] < g.End {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%q: PERSON %q not found; got %s", c.Text, c.Text[p[0]:p[1]], nmFormat(c.Text, got))
				}
			}
		case 1:
			if len(got) > 0 {
				t.Errorf("%q: DATE_TIME sentence, unexpected names %s", c.Text, nmFormat(c.Text, got))
			}
		}
	}
	t.Logf("%d Presidio sentences checked", n)
}

// TestNamePlacePrefix checks that a chain opened by "Lake" or "Mount", or
// one after "St", is given as a place, not a person, and that the word
// alone stays a name.
func TestNamePlacePrefix(t *testing.T) {
	for _, tc := range []struct {
		text, span string
		want       result.Type
	}{
		{"Weekend at Lake Wenona, no pagers allowed.", "Lake Wenona", result.City},
		{"The kid from the jet ski crash on Lake Marwick is stable.", "Lake Marwick", result.City},
		{"Mount Alder this weekend with the night team.", "Mount Alder", result.City},
		{"Our new HCA Lake started on Monday.", "Lake", result.NameStaff},
		// a saint's name is a hospital's, a church's or a school's
		{"Night shift on 4 West at St. Edmund's again", "St. Edmund's", result.Hospital},
		{"Transferred to Saint Oswin for the night", "Saint Oswin", result.Hospital},
		{"Our new HCA Edmund started today", "Edmund", result.NameStaff},
		// a hospital's shape
		{"Handover at Kessock General ran late again", "Kessock General", result.Hospital},
		{"Transferred to the Royal Pennard overnight", "Royal Pennard", result.Hospital},
	} {
		got := nmRun(t, tc.text)
		ok := false
		for _, c := range got {
			if tc.text[c.Start:c.End] == tc.span && c.Type == tc.want {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: want %q as %s, got %s", tc.text, tc.span, tc.want, nmFormat(tc.text, got))
		}
	}
}
