package detect

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// nmRunEager runs the name detector on d as Detect does, but with every
// token looked up in the lexicon before the chains are judged: what the
// steps find must not depend on which words earlier steps happened to look
// up.
func nmRunEager(d *text.Doc) []Candidate {
	s := new(nmState)
	s.reset(d)
	if !s.prepare() {
		return nil
	}
	for k := range s.toks {
		s.tok(k)
	}
	return s.chains(nil)
}

// nmOrderTexts are posts where a word the role rules read the lexicon facts
// of ("nurses", "doctors", "heparin": words on the cue lists too, which no
// step looks up in lower case) sits near a name or further off.
var nmOrderTexts = []string{
	"Gemma Thorley, nurses and doctors alike rate her",
	"The doctors and nurses all adore Gemma Thorley",
	"Gemma Thorley started on heparin and fentanyl today",
	"so the nurses reckon Tom Baxter needs an echo and a picc before the weekend",
	"Gemma Thorley asked about her heparin, then the nurses and doctors came round",
	"Kev Marsh from radiology said the x-ray was fine, pharmacy still waiting",
}

// TestNmRoleOrderFree checks that the names found, their roles and their
// reasons are the same when every token was looked up first: role reads a
// word's lexicon facts only where it asks for them itself or where the
// token scan learnt them, never where another step happened to look.
func TestNmRoleOrderFree(t *testing.T) {
	texts := append([]string{}, nmOrderTexts...)
	for _, x := range nmOrderTexts {
		texts = append(texts, strings.ToLower(x), strings.ToUpper(x))
	}
	texts = append(texts, nmShortcutTexts(t)...)
	for _, x := range texts {
		d := nmDoc(t, x)
		lazy := nameDetector{}.Detect(d, nil)
		eager := nmRunEager(d)
		if len(lazy) != len(eager) {
			t.Errorf("%q: %d names, %d with every word looked up first", x, len(lazy), len(eager))
			continue
		}
		for i := range lazy {
			a, b := lazy[i], eager[i]
			if a.Start != b.Start || a.End != b.End || a.Type != b.Type || a.Confidence != b.Confidence || a.Reason != b.Reason {
				t.Errorf("%q: %q %s (%s), with every word looked up first %q %s (%s)", x,
					x[a.Start:a.End], a.Type, a.Reason, x[b.Start:b.End], b.Type, b.Reason)
			}
		}
	}
}

// TestNmRoleCueWordFacts checks that a health-role word near a name votes
// through its lexicon facts though it is on a cue list too.
func TestNmRoleCueWordFacts(t *testing.T) {
	x := "Gemma Thorley, nurses and doctors alike rate her"
	got := nameDetector{}.Detect(nmDoc(t, x), nil)
	if len(got) != 1 || x[got[0].Start:got[0].End] != "Gemma Thorley" || got[0].Type != result.NameStaff ||
		!strings.Contains(got[0].Reason, "staff cue 'nurses'") {
		t.Fatalf("%q: got %+v, want Gemma Thorley as NAME_STAFF, staff cue 'nurses'", x, got)
	}
}

// TestNmScanLooked checks that scanLooked tells the words scanTokens looked
// up: right after the scan, those with no lazy flag.
func TestNmScanLooked(t *testing.T) {
	texts := append([]string{}, nmOrderTexts...)
	texts = append(texts, nmShortcutTexts(t)...)
	for _, x := range texts {
		d := nmDoc(t, x)
		s := new(nmState)
		s.reset(d)
		s.scanTokens()
		for k := range s.toks {
			want := d.Tokens[k].Kind == text.Word && s.toks[k].f&tfLazy == 0
			if got := s.scanLooked(k); got != want {
				t.Fatalf("%q: scanLooked(%d %q) = %v, want %v", x, k, s.tokText(k), got, want)
			}
		}
	}
}

// TestNmContractionNotClinical: "I'm" shares its lexicon key with IM
// (intramuscular), a clinical abbreviation, but a contraction is never one,
// so it neither counts as a clinical word nor makes a name near it a
// patient; "IM" itself keeps its clinical facts.
func TestNmContractionNotClinical(t *testing.T) {
	s := new(nmState)
	for _, c := range []struct {
		word     string
		clinical bool
	}{{"im", true}, {"i'm", false}} { // curly apostrophes are made straight by text.New
		sl, key := s.word(c.word)
		e, _ := s.entry(sl, key)
		if got := e.has(nmClinical); got != c.clinical {
			t.Errorf("%q: clinical %v, want %v", c.word, got, c.clinical)
		}
	}
	post := "yeah Marisol and Tamsin I'm talking about you"
	for _, c := range nmRun(t, post) {
		if c.Type == result.NamePatient {
			t.Errorf("%q: %q is a patient (%s)", post, post[c.Start:c.End], c.Reason)
		}
	}
}

// roleWindowRef is roleWindow as it was: one loop over the window with a test of each
// token's side, kind and distance, then the same vote (roleVote). The reference
// TestNmRoleWindow compares it with: which tokens vote, with what distance and facts.
func (s *nmState) roleWindowRef(first, last, lo, hi int, sentence text.Span, v *nmVotes) {
	for k := lo; k < hi; k++ {
		if k >= first && k <= last {
			continue
		}
		if s.doc.Tokens[k].Kind == text.Punct {
			continue
		}
		d := k - last
		if k < first {
			d = first - k
		}
		nt := &s.toks[k]
		lex := false
		if d <= nmRoleLexicon {
			nt, lex = s.tok(k), true
		} else {
			lex = s.scanLooked(k)
		}
		if nt.cue&(cuPatientCue|cuStaffCue|cuShift) == 0 && !(lex && nt.known && nt.e.has(nmRoomCue|nmClinical|nmHealthRole)) {
			continue
		}
		s.roleVote(k, d, lex, sentence, v)
	}
}

// nmRoleWindowSame reports whether roleWindow and roleWindowRef give the same votes for
// a name at every span of up to three words of d, and how many spans had a vote.
func nmRoleWindowSame(d *text.Doc) (bool, int) {
	s := new(nmState)
	s.reset(d)
	s.prepare()
	voted := 0
	for first := range d.Tokens {
		for last := first; last < len(d.Tokens) && last < first+3; last++ {
			lo, hi := Window(d, first, last+1, nmRoleWindow)
			sentence := s.sentenceOf(d.Tokens[first].Start)
			var got, want nmVotes
			s.roleWindow(first, last, lo, hi, sentence, &got)
			s.roleWindowRef(first, last, lo, hi, sentence, &want)
			if got != want {
				return false, voted
			}
			if want != (nmVotes{}) {
				voted++
			}
		}
	}
	return true, voted
}

// TestNmRoleWindow checks roleWindow against the one-loop reference on the shortcut
// texts in their three cases.
func TestNmRoleWindow(t *testing.T) {
	voted := 0
	for _, x := range nmShortcutTexts(t) {
		for _, y := range []string{x, strings.ToLower(x), strings.ToUpper(x)} {
			same, n := nmRoleWindowSame(nmDoc(t, y))
			if !same {
				t.Fatalf("%q: roleWindow votes otherwise than the one-loop reference", y)
			}
			voted += n
		}
	}
	if voted == 0 {
		t.Error("no vote: the test tries nothing")
	}
}

// FuzzNmRoleWindow is TestNmRoleWindow on any text.
func FuzzNmRoleWindow(f *testing.F) {
	nmFuzzDocs(f, func(t *testing.T, x string, d *text.Doc) {
		if same, _ := nmRoleWindowSame(d); !same {
			t.Fatalf("%q: roleWindow votes otherwise than the one-loop reference", x)
		}
	})
}

// TestNmEverydayClinicalWord: a clinical term that is also an everyday word
// ("must", "news", "ho") is a role cue only when written in capitals in a
// post that is not all capitals ("NEWS", the early warning score).
func TestNmEverydayClinicalWord(t *testing.T) {
	checkRole(t, nmRun, result.NamePatient, []roleCase{
		{"honestly this Alfie must be a right laugh", "Alfie", false},
		{"this ho Korina is craycray", "Korina", false},
		{"any news from Tamsin yet", "Tamsin", false},
		{"we think Tamsin scored a NEWS of 7 overnight", "Tamsin", true},
	})
}

// TestNmEverydayRoom: "room" is a patient cue unless it is an everyday room (a waiting
// room, the living room, across the room).
func TestNmEverydayRoom(t *testing.T) {
	checkRole(t, nmRun, result.NamePatient, []roleCase{
		{"Big thanks to Odette who kept me company in the waiting room all afternoon", "Odette", false},
		{"Dad can read the clock from across the room again, cheers Imogen for the lift", "Imogen", false},
		{"Cheers Barnaby for carrying the new recliner into the living room", "Barnaby", false},
		{"Odette in room 6 keeps pressing her buzzer", "Odette", true},
	})
}

// TestNmRoleCueOrder checks that nmRoleCueTok and roleCueAt, which test the rare lexicon
// flag first, agree with the order they replaced (cue bits, then whether the facts count,
// the word is known and has the flag) for every combination of the facts they read.
func TestNmRoleCueOrder(t *testing.T) {
	old := func(nt *nmTok, lex bool) bool {
		return nt.cue&(cuPatientCue|cuStaffCue|cuShift) != 0 || lex && nt.known && nt.e.has(nmRoomCue|nmClinical|nmHealthRole)
	}
	cues := []nmCue{0, cuPatientCue, cuStaffCue, cuShift, cuStop, cuStop | cuStaffCue, cuTitle}
	flags := []lexicon.Flags{0, nmRoomCue, nmClinical, nmHealthRole, nmPlace, nmPlace | nmClinical}
	kinds := []text.Kind{text.Word, text.Number, text.Punct, text.Hashtag}
	n := 0
	for _, cue := range cues {
		for _, fl := range flags {
			for _, known := range []bool{false, true} {
				for _, f := range []uint16{0, tfCap, tfLazy, tfCap | tfSentStart} {
					for _, kind := range kinds {
						for _, caseless := range []bool{false, true} {
							nt := nmTok{cue: cue, known: known, f: f, e: nmEntry{flags: fl}}
							s := &nmState{doc: &text.Doc{Tokens: []text.Token{{Kind: kind}}}, toks: []nmTok{nt}, caseless: caseless}
							for _, lex := range []bool{false, true} {
								if got, want := nmRoleCueTok(&nt, lex), old(&nt, lex); got != want {
									t.Fatalf("nmRoleCueTok(%+v, %v) = %v, want %v", nt, lex, got, want)
								}
							}
							if got, want := s.roleCueAt(0), old(&nt, s.scanLooked(0)); got != want {
								t.Fatalf("roleCueAt(%+v, kind %v, caseless %v) = %v, want %v", nt, kind, caseless, got, want)
							}
							n++
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no case tried")
	}
}

// TestNmRoleSuffixNextOrder checks that roleSuffixNext, which tests the suffix after
// the word before the word itself, agrees at every token with the order it replaced.
func TestNmRoleSuffixNextOrder(t *testing.T) {
	old := func(s *nmState, k int) bool {
		nt := s.tok(k)
		if len(nt.key) < 3 || nt.cue&(cuStop|cuPronoun|cuAux|cuEponym|cuClinNoun|cuOrgSuffix|cuRoleSuffix) != 0 ||
			nt.known && nt.e.has(nmClinical|nmWardUnit|nmMonth|nmWeekday|nmHealthRole) || nmCommonStrength(nt) >= 0.45 {
			return false
		}
		j := k + 1
		if j < len(s.toks) && s.isPunct(j, ',') {
			j++
		}
		if j >= len(s.toks) || s.doc.Tokens[j].Kind != text.Word || s.toks[j].cue&cuRoleSuffix == 0 || s.doc.Tokens[j].Newline {
			return false
		}
		e := j + 1
		return e >= len(s.toks) || s.doc.Tokens[e].Newline || s.doc.Tokens[e].Kind == text.Punct
	}
	posts := append([]string{
		"Q. MARSHALL RRT", "kim ardley licws, came by", "Seen by VARNELIS NP\nthanks", "Jen RN", "Jen (HCA) was great",
		"sarah rn, on nights", "the ward NP today", "Dr Ng RN", "it RN", "MRSA RN", "Tom, RN\nNext line", "x RN y",
	}, nmOrderTexts...)
	hits := 0
	for _, p := range posts {
		d, err := text.New(p)
		if err != nil {
			t.Fatal(err)
		}
		s := new(nmState)
		s.reset(d)
		s.prepare()
		for k := range s.toks {
			if got, want := s.roleSuffixNext(k), old(s, k); got != want {
				t.Fatalf("%q token %d: roleSuffixNext = %v, want %v", p, k, got, want)
			} else if got {
				hits++
			}
		}
	}
	if hits == 0 {
		t.Fatal("no post has a word followed by a role suffix")
	}
}

// TestNmShareRoles checks that a name whose role no cue decided takes the
// role of the same name decided elsewhere in the post, and only then.
func TestNmShareRoles(t *testing.T) {
	cases := []struct {
		in   string
		want []result.Type // the types of the names found, in order
	}{
		// the second mention has no cue of its own
		{"RIP to the lovely lady we lost on Ward 3 yesterday, Joan, who taught at the village school. Fly high Joan x",
			[]result.Type{result.NamePatient, result.NamePatient}},
		{"Mr Pryce in bay 4 was chatty today. Never a dull moment with Mr Pryce around.",
			[]result.Type{result.NamePatient, result.NamePatient}},
		// a decided role is kept
		{"Happy birthday Sarah! Sarah from nights is the best",
			[]result.Type{result.NameStaff, result.NameStaff}},
		// different names do not share
		{"Mrs Ellery in bed 2 was lovely. Went to see Hannah after work.",
			[]result.Type{result.NamePatient, result.NameOther}},
	}
	for _, c := range cases {
		got := nmRun(t, c.in)
		var types []result.Type
		for _, x := range got {
			types = append(types, x.Type)
		}
		if strings.Join(nmTypeStrings(types), ",") != strings.Join(nmTypeStrings(c.want), ",") {
			t.Errorf("%q: types %v, want %v\n\tgot: %s", c.in, types, c.want, nmFormat(c.in, got))
		}
	}
}

// nmTypeStrings returns the types as strings, for comparing.
func nmTypeStrings(ts []result.Type) []string {
	out := make([]string, len(ts))
	for i, x := range ts {
		out[i] = string(x)
	}
	return out
}

// TestNmIDAfter checks which words after a name are a patient identifier's
// label (idAfter): "NHS" only with a number after it, not "NHS Trust".
func TestNmIDAfter(t *testing.T) {
	cases := []struct {
		in   string
		want bool // whether the word after "Vale" is an identifier's label
	}{
		{"Kian Vale, DOB 03/05/2012", true},
		{"Kian Vale (MRN 4471823)", true},
		{"Kian Vale NHS no 943 476 5919", true},
		{"Kian Vale NHS 943 476 5919", true},
		{"Tamsin Vale NHS Trust", false},
		{"Kian Vale, doing well", false},
	}
	for _, c := range cases {
		doc, err := text.New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		s := new(nmState)
		s.reset(doc)
		s.prepare()
		last := -1
		for k, tk := range doc.Tokens {
			if doc.Norm[tk.Start:tk.End] == "Vale" {
				last = k
			}
		}
		if got := s.idAfter(last) >= 0; got != c.want {
			t.Errorf("%q: idAfter %v, want %v", c.in, got, c.want)
		}
	}
}

// TestNmOwnedSister checks that "sister" owned by a person ("my sister",
// "Jo's sister") is no staff cue for a name near it, while a ward sister
// still is.
func TestNmOwnedSister(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       result.Type
	}{
		{"Baby Theo arrived safely, my sister Carys was incredible, so proud of Carys", "Carys", result.NameOther},
		{"Lunch with Isaac Brook today, Dan's sister is so lovely", "Isaac Brook", result.NameOther},
		{"Lunch with Isaac Brook today, the sister is so lovely", "Isaac Brook", result.NameStaff},
	} {
		got := nmRun(t, tc.text)
		n := 0
		for _, c := range got {
			if tc.text[c.Start:c.End] != tc.name {
				continue
			}
			n++
			if c.Type != tc.want {
				t.Errorf("%q: %q is %s (%s), want %s", tc.text, tc.name, c.Type, c.Reason, tc.want)
			}
		}
		if n == 0 {
			t.Errorf("%q: %q not found: %s", tc.text, tc.name, nmFormat(tc.text, got))
		}
	}
}

// TestNmHospitalShaped checks that a name shaped like a hospital's ("Royal
// X", "X General": given as a HOSPITAL) or a thing's ("the Carlton") is of no role and just over
// the confidence floor, so that a place found on the same span wins, while
// a person with such a word elsewhere keeps a role.
func TestNmHospitalShaped(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		shaped     bool
	}{
		{"Handed over to the Royal Hartwell team, he went by ambulance", "Royal Hartwell", true},
		{"Pt transferred from Ashcombe General overnight", "Ashcombe General", true},
		{"Pt transferred to Sacred Hartley overnight", "Sacred Hartley", true},
		{"Stayed at the Carlton for our anniversary, the lady in bed 2 asked all about it", "Carlton", true},
		{"Stayed with Carlton Ames on Friday, the lady in bed 2 asked all about it", "Carlton Ames", false},
		{"Mr Royal in bed 4 is asking for you", "Mr Royal", false},
		{"Dr Emma General was on call", "Dr Emma General", false},
	} {
		got := nmRun(t, tc.text)
		found := false
		for _, c := range got {
			if tc.text[c.Start:c.End] != tc.name {
				continue
			}
			found = true
			if shaped := (c.Type == result.NameOther || c.Type == result.Hospital) && c.Confidence <= nmHospitalShapeConf; shaped != tc.shaped {
				t.Errorf("%q: %q is %s at %.2f (%s); hospital-shaped %v, want %v", tc.text, tc.name, c.Type, c.Confidence, c.Reason, shaped, tc.shaped)
			}
		}
		if !found {
			t.Errorf("%q: %q not found: %s", tc.text, tc.name, nmFormat(tc.text, got))
		}
	}
}

// TestNmBusinessAfter checks that a first name in the possessive before a
// capitalised business word is an organisation of the whole span, just
// over the floor, and that a lower-case word after it leaves the name.
func TestNmBusinessAfter(t *testing.T) {
	for _, tc := range []struct {
		text, span string
		typ        result.Type
	}{
		{"Lunch from Nico's Pizza on the ward today", "Nico's Pizza", result.Organization},
		{"Leaving drinks at Dot's Diner on Friday", "Dot's Diner", result.Organization},
		{"Nico's pizza was cold again", "Nico", result.NameOther},
		{"Mr Lowe's Garage fixed my car", "Mr Lowe", result.NameOther},
	} {
		got := nmRun(t, tc.text)
		found := false
		for _, c := range got {
			if tc.text[c.Start:c.End] == tc.span {
				found = true
				if c.Type != tc.typ || c.Type == result.Organization && c.Confidence != nmBusinessConf {
					t.Errorf("%q: %q is %s at %.2f, want %s", tc.text, tc.span, c.Type, c.Confidence, tc.typ)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found: %s", tc.text, tc.span, nmFormat(tc.text, got))
		}
	}
}

// TestNmRetweetMarker: "RT" before "@handle:" marks a retweet, not a respiratory
// therapist, and "RT"/"RTs" is never a name itself; a name after the marker keeps the
// role its own cues give it.
func TestNmRetweetMarker(t *testing.T) {
	checkNmTypes(t, nmRun, []nmTypeCase{
		{text: "RT @pinecone_99: Ottoline Brack just won the pub quiz again", name: "Ottoline Brack", typ: "NAME_OTHER"},
		{text: "RT @dune_k: Good luck RT @pip_o: Interview with Marguerite tomorrow", name: "Marguerite", typ: "NAME_OTHER"},
		{text: "Huge thanks to the RTs on the night shift, you were brilliant", name: "RTs", typ: ""},
		{text: "RT Bartholomew Quill caught the tube displacement at 3am", name: "Bartholomew Quill", typ: "NAME_STAFF"},
	})
}

// TestNmPublicFigure checks the frames of a public figure: a full name said
// to speak in public of their health ("X Y talking about his diagnosis"),
// and a singer named after "singing" or "a singalong to"; and the
// look-alikes that stay patients: a titled or one-word name that speaks, a
// person sung to.
func TestNmPublicFigure(t *testing.T) {
	checkNmTypes(t, nmRun, []nmTypeCase{
		{"So glad to see Tobias Wrenfield talking about his bowel cancer on the radio, get checked", "Tobias Wrenfield", "NAME_OTHER", false},
		{"Marguerite Oduya has been so open about her chemo this year, respect", "Marguerite Oduya", "NAME_OTHER", false},
		{"Gutted for Callum Ferrier announcing his diagnosis today, sending love", "Callum Ferrier", "NAME_OTHER", false},
		{"Afternoon on the ward ended with a singalong to Cilla Brandt and cups of tea", "Cilla Brandt", "NAME_OTHER", false},
		{"Bed 3 had us all singing Rod Halloway at 2am, what a night on the ward", "Rod Halloway", "NAME_OTHER", false},
		{"Night shift on the ward with a sing-along to Petula Marsh and the obs round", "Petula Marsh", "NAME_OTHER", false},
		// look-alikes: patients who talk, a patient sung to
		{"Mrs Oduya in bed 4 talking about her grandson all night after her surgery", "Mrs Oduya", "NAME_PATIENT", false},
		{"Our patient Tobias talking about his surgery all shift on the ward", "Tobias", "NAME_PATIENT", false},
		{"Spent my break on the ward singing to Mrs Halloway in bed 2", "Mrs Halloway", "NAME_PATIENT", false},
	})
}

// TestNmNamedPlaceAndFamily checks that a patient cue that is a word of a
// place's proper name ("Ferncombe Hospital", "Northmoor Ambulance Service")
// votes for no role, while a named ward or a bed still does; that "my baby
// girl X" is the author's child and "birthday girl X" no patient unless
// another cue says so; and that a crewmate is staff.
func TestNmNamedPlaceAndFamily(t *testing.T) {
	checkNmTypes(t, nmRun, []nmTypeCase{
		{"Nine years ago at Ferncombe Hospital my Tobias was born, now look at him", "Tobias", "NAME_OTHER", false},
		{"Thrilled that Ottilie Brannagh joined Northmoor Ambulance Service last week", "Ottilie Brannagh", "NAME_OTHER", false},
		{"our baby boy Caspian turned 3 yesterday, cake everywhere", "Caspian", "NAME_OTHER", false},
		{"Birthday boy Lorcan turns 6 today, soft play booked", "Lorcan", "NAME_OTHER", false},
		{"My crewmate Ottilie Brannagh made station officer, what a year", "Ottilie Brannagh", "NAME_STAFF", false},
		// look-alikes: a patient on a named ward, in a bed, in the hospital
		{"Birthday girl Winifred in bed 3 turned 100 on the ward today", "Winifred", "NAME_PATIENT", false},
		{"Our Winifred on Larkspur Ward was admitted again overnight", "Winifred", "NAME_PATIENT", false},
		{"Lorcan in bed 6 at Ferncombe Hospital pulled his cannula out", "Lorcan", "NAME_PATIENT", false},
	})
}

// TestTraineeResident checks that "residents" meaning doctors in training
// makes the names next to it staff, while a care home's residents stay
// patients.
func TestTraineeResident(t *testing.T) {
	checkNmTypes(t, engineRun, []nmTypeCase{
		{"Match day joy for my co-residents Leopoldo, Ingrid and Kasimir!", "Leopoldo", "NAME_STAFF", false},
		{"Our PGY1 residency got accredited, thanks to residents Ottavia and Bertrand", "Ottavia", "NAME_STAFF", false},
		{"Our PGY1 residency got accredited, thanks to residents Ottavia and Bertrand", "Bertrand", "NAME_STAFF", false},
		{"Chief resident Ottavia ran the best morning report", "Ottavia", "NAME_STAFF", false},
		// look-alikes: a care home's residents
		{"Our resident Ottavia turned 102 today at the care home", "Ottavia", "NAME_PATIENT", false},
		{"residents Ottavia and Bertrand loved the singing dogs at the home today", "Bertrand", "NAME_PATIENT", false},
		{"Our interns are great, but the resident in 112, Bertrand Moll, keeps falling", "Bertrand Moll", "NAME_PATIENT", false},
	})
}

// TestOwnFamilyNoPatientCue checks that the author's own family or
// community ("my church family", "our dialysis family") and a "Family" in a
// job title are no patient cue, while a patient's family still is.
func TestOwnFamilyNoPatientCue(t *testing.T) {
	checkRole(t, engineRun, result.NamePatient, []roleCase{
		{"My church family kept us going with prayers, and Hortensia with her casserole", "Hortensia", false},
		{"Shoutout to our radiology family, Perpetua covered for me all week", "Perpetua", false},
		{"New job as Family Nurse Practitioner at Elmwood from Monday, thanks to Leocadia for the reference", "Leocadia", false},
		// look-alikes: a patient's family
		{"Spoke to the family of Ignatius in bed 6, his family are lovely", "Ignatius", true},
		{"Perpetua's family came in to visit her in bay 2", "Perpetua", true},
	})
}
