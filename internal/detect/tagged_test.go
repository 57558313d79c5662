package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

func TestTaggedDetector(t *testing.T) {
	ds := taggerDetectors()
	if len(ds) != 1 {
		t.Fatal("the embedded tagger model did not load")
	}
	cases := []struct {
		in   string
		want []string // spans the tagger must add (the rules find none of them)
		not  []string // spans no candidate may have
	}{
		{in: "HR DROPPED TO 40S. NP KOVALIK MADE AWARE, ATROPINE GIVEN", want: []string{"KOVALIK"}},
		{in: "spoke with brenda from case management re rehab beds", want: []string{"brenda"}},
		{in: "PER GEORGE, SHE LIVES ALONE AND MANAGES HER OWN MEDS", want: []string{"GEORGE"}},
		// clinical words, devices and lone letters are left alone
		{in: "map 70s via l rad aline, new quinton cath in r ij, oob w/ hoyer lift", not: []string{"aline", "quinton", "w", "hoyer"}},
		{in: "SB 50S, NO ECTOPY. K DUE AT MN. WILL HOLD BETA BLOCKER.", not: []string{"SB", "MN", "WILL"}},
		{in: "Lovely shift on the ward today, all the patients settled early.", not: []string{"early"}},
		// a double-barrelled surname is reported whole, even when its second part is an eponym
		{in: "met Tamsin Okonkwo-Reyes today", want: []string{"Tamsin Okonkwo-Reyes"}},
		{in: "met Tamsin Okonkwo-led team today", not: []string{"Tamsin Okonkwo-led"}},
		// a famous pair is the character, not a person of the post (nmFamousAt)
		{in: "Dr Phil would have a field day with my family.", not: []string{"Phil"}},
		{in: "My dog Bella ate my lanyard before my shift.", not: []string{"Bella"}},
		// a health role in the plural is a group spoken to, not a name (rolePlural)
		{in: "Radiographers, which lead aprons do you rate?", not: []string{"Radiographers"}},
		{in: "Sonographers, any tips for a new starter?", not: []string{"Sonographers"}},
		{in: "spoke with brenda from the physios re rehab beds", want: []string{"brenda"}},
		// a feast's greeting is no one's name (nmFeastGreeting)
		{in: "Ramadan Kareem from all of us on nights", not: []string{"Ramadan Kareem", "Kareem"}},
		// a first-person contraction is the writer, though its letters spell a name (firstPersonIn)
		{in: "As a theatre nurse I've scrubbed for worse.", not: []string{"I've"}},
		{in: "Honestly the midwife I'd trust most has retired.", not: []string{"I'd"}},
		{in: "The nurse Ive Kovac is lovely.", want: []string{"Ive"}}, // the name without an apostrophe stays
	}
	for _, c := range cases {
		doc, err := text.New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		var before []Candidate
		for _, d := range []Detector{idDetector{}, nameDetector{}} {
			before = d.Detect(doc, before)
		}
		for _, d := range placeDetectors() {
			before = d.Detect(doc, before)
		}
		all := ds[0].Detect(doc, before)
		added := map[string]result.Type{}
		for _, x := range all[len(before):] {
			added[doc.Norm[x.Start:x.End]] = x.Type
		}
		for _, w := range c.want {
			if _, ok := added[w]; !ok {
				t.Errorf("%q: tagger did not add %q (added %v)", c.in, w, added)
			}
		}
		for _, n := range c.not {
			for _, x := range all {
				if doc.Norm[x.Start:x.End] == n && x.Confidence >= 0.5 {
					t.Errorf("%q: %q reported as %s (%s)", c.in, n, x.Type, x.Reason)
				}
			}
		}
	}
}

// oneNameCase is a text and the one name a finder must report in it ("" for
// none), with its type.
type oneNameCase struct {
	in, want string
	typ      result.Type
}

// checkOneName runs find on every case.
func checkOneName(t *testing.T, find func(*text.Doc, []Candidate) []Candidate, cases []oneNameCase) {
	t.Helper()
	for _, c := range cases {
		doc, err := text.New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		got := find(doc, nil)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: found %q", c.in, doc.Norm[got[0].Start:got[0].End])
		case c.want != "" && (len(got) != 1 || doc.Norm[got[0].Start:got[0].End] != c.want || got[0].Type != c.typ):
			t.Errorf("%q: got %v, want %q %s", c.in, got, c.want, c.typ)
		}
	}
}

func TestInitialSurname(t *testing.T) {
	checkOneName(t, initialSurname, []oneNameCase{
		{"PVCS OVERNIGHT, AS PER K. VELLANDI. K REPLETED", "K. VELLANDI", result.NameStaff},
		{"Rate controlled. Reported to T. Ostrova, no new orders.", "T. Ostrova", result.NameOther},
		{"QUIET NIGHT.\nLENA B. HARKOVA-SMITH, RRT", "LENA B. HARKOVA-SMITH", result.NameStaff},
		{"C. DIFF NEG. S. AUREUS IN SPUTUM", "", ""},
		{"DENIES N/V. ABD SOFT", "", ""},
		{"A. SEPSIS\nP. ANTIBX AS ORDERED", "", ""},
		{"GIVEN SUCRALFATE-K. VELLANDI AWARE", "K. VELLANDI", result.NameStaff},
	})
}

func TestSocialName(t *testing.T) {
	R := result.NameRelative
	checkOneName(t, socialName, []oneNameCase{
		{"wbc pending.\nsocial: ray visited during the evening; no other calls", "ray", R},
		{"SOCIAL: MARGARET CALLED TWICE OVERNIGHT", "MARGARET", R},
		{"social: will call in am", "", ""},
		{"Social: Family in to visit", "", ""},
		{"neuro: john alert", "", ""},
	})
}

func TestSpeakerName(t *testing.T) {
	O := result.NameOther
	checkOneName(t, speakerName, []oneNameCase{
		{"Mavis: nurse, nurse! 3am again", "Mavis", O},
		{"Night shift.\nDoris: where's my tea??", "Doris", O},
		{"Grace: nurse!\nMe: yes?", "Grace", O}, // a name that is a word, in a dialogue
		{"Grace: amazing shift today", "", ""},  // the same alone may be a heading or a word
		{"Note: bring pens", "", ""},
		{"Mum: are you eating?", "", ""}, // a relative word, not a name
		{"Pt: I want to go home\nMe: not yet", "", ""},
		{"Handover at 8. Mavis: no", "", ""}, // not at the start of a line
		{"SOCIAL: MAVIS VISITED", "", ""},    // a capitals note's heading
		{"Mavis:\nnothing", "", ""},          // a label with nothing after it on its line
	})
}

func TestRelativeUnknown(t *testing.T) {
	R := result.NameRelative
	checkOneName(t, relativeUnknown, []oneNameCase{
		{"communication with husband radovan.", "radovan", R},
		{"daughter zorvika visited with grandson", "zorvika", R},
		{"Family: Son, Greg, was updated by MD today.", "Greg", R},
		{"husband unable to visit", "", ""},
		{"son visisted today", "", ""}, // a typo, not a name
		{"wife lasix 40 given", "", ""},
	})
}

func TestCapsFullName(t *testing.T) {
	checkOneName(t, capsFullName, []oneNameCase{
		{"RUN OF VENT BIGEMINY BEA KOLARIC AWARE MGSO4 GIVEN.", "BEA KOLARIC", result.NameStaff},
		{"PLAN: CASE MANAGEMENT CONTACTS NADINE VOLKOVIC", "NADINE VOLKOVIC", result.NameOther},
		{"T MAX RPP IN 90S", "", ""},
		{"Run of vent bigeminy, Bea Kolaric aware.", "", ""}, // only in capitals notes
	})
}

func TestLikelyTypo(t *testing.T) {
	for w, want := range map[string]bool{"visisted": true, "memebers": true, "recieved": true,
		"radovan": false, "kolaric": false, "zelinka": false} {
		if got := likelyTypo(w); got != want {
			t.Errorf("likelyTypo(%q) = %v, want %v", w, got, want)
		}
	}
}
