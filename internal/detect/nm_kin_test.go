package detect

import (
	"strings"
	"testing"
)

// TestNmKinTitles: a kinship word of another language is a title (nmKinTitles):
// alone it is no name, before a name it is the name's title; first names that
// double as kin words stay names.
func TestNmKinTitles(t *testing.T) {
	cases := []struct {
		text string
		name string // a name that must be found (containing this), "" for none
		not  string // a word no name may be alone
	}{
		{"Ammi cried when I rang with the news.", "", "Ammi"},
		{"Mamo, I got the job!", "", "Mamo"},
		{"Nani made parathas for the whole street.", "", "Nani"},
		{"Kuya drove me to my first shift.", "", "Kuya"},
		{"Abuela rang twice during handover.", "", "Abuela"},
		{"Tita Evadne is visiting from Cebu next month.", "Evadne", "Tita"},
		{"Say hi to Nonna Benedetta for me.", "Benedetta", "Nonna"},
		// look-alikes: first names that are also kin words elsewhere
		{"Tia said she would cover my Saturday.", "Tia", ""},
		{"Lola came round with cake after nights.", "Lola", ""},
		{"Tito rang in sick again.", "Tito", ""},
	}
	for _, c := range cases {
		got := nmRun(t, c.text)
		if c.name != "" && !strings.Contains(nmFormat(c.text, got), c.name) {
			t.Errorf("%q: no name holding %q; got %s", c.text, c.name, nmFormat(c.text, got))
		}
		for _, x := range got {
			if c.not != "" && c.text[x.Start:x.End] == c.not {
				t.Errorf("%q: %q alone reported as %s", c.text, c.not, x.Type)
			}
		}
		if c.name == "" && len(got) > 0 {
			t.Errorf("%q: unexpected %s", c.text, nmFormat(c.text, got))
		}
	}
}

// TestNmFirstPersonAfterTitle: a first-person contraction after a title is the
// writer speaking, not a surname (nmKey keeps its apostrophe).
func TestNmFirstPersonAfterTitle(t *testing.T) {
	for _, s := range []string{
		"Please tell Auntie I'm making the gravy.",
		"Let Uncle know I'll be late off shift.",
		"Tell Nonna I've saved her a seat.",
	} {
		if got := nmRun(t, s); len(got) > 0 {
			t.Errorf("%q: unexpected %s", s, nmFormat(s, got))
		}
	}
	// look-alikes: real names after the same titles, and an O' surname
	for s, want := range map[string]string{
		"Please tell Auntie Imelda I'm making the gravy.": "Imelda",
		"Mr O'Rourke in bay 6 wants toast.":               "O'Rourke",
	} {
		if got := nmRun(t, s); !strings.Contains(nmFormat(s, got), want) {
			t.Errorf("%q: no name holding %q; got %s", s, want, nmFormat(s, got))
		}
	}
}

// TestNmSignoffRole: the writer's sign-off after a dash with a health role
// after the name, or after a kiss that ends the post, is staff (the writer);
// a dash inside a sentence, a new sentence after the name, or a role word
// far from a sign-off leave the name alone.
func TestNmSignoffRole(t *testing.T) {
	checkNmTypes(t, nmRunAll, []nmTypeCase{
		{text: "Clinic shut Friday for the audit. — Philippa, practice nurse", name: "Philippa", typ: "NAME_STAFF"},
		{text: "Bring your repeat slips in early this week! - Bartosz (one of your practice nurses)", name: "Bartosz", typ: "NAME_STAFF"},
		{text: "Snowed in at my sister's again 🙃 x Georgina", name: "Georgina", typ: "NAME_STAFF"},
		// look-alikes
		{text: "Loved the concert - Harpreet, you should come next time and bring the nurses", name: "Harpreet", typ: "NAME_OTHER"},
		{text: "Had a brilliant weekend. — Philippa. The nurse at the clinic was lovely", name: "Philippa", typ: "NAME_OTHER"},
		{text: "Had a brilliant weekend with Georgina x", name: "Georgina", typ: "NAME_OTHER"},
	})
}

// TestNmOnDuty: a name "on" a shift or a post ("on nights", "on the front
// desk") is staff; "on" a ward, a sofa or a course of days is not a post.
func TestNmOnDuty(t *testing.T) {
	checkNmTypes(t, nmRunAll, []nmTypeCase{
		{text: "Massive thanks to Wilf on the main desk for finding my lanyard.", name: "Wilf", typ: "NAME_STAFF"},
		{text: "Oksana on nights fixed the printer again.", name: "Oksana", typ: "NAME_STAFF"},
		{text: "Cheers to Maelona on the switchboard, a legend.", name: "Maelona", typ: "NAME_STAFF"},
		// look-alikes
		{text: "Wilf on the sofa again with the dog.", name: "Wilf", typ: "NAME_OTHER", optional: true},
		{text: "Oksana on days 2 of 5 of her holiday.", name: "Oksana", typ: "NAME_OTHER", optional: true},
	})
}

// TestNmSchoolAfter: a name followed by "at <School name>" is someone of the
// writer's schooling (NAME_OTHER), even after Mr/Mrs in a post with clinical
// words; at a hospital the title's patient reading stays.
func TestNmSchoolAfter(t *testing.T) {
	checkNmTypes(t, nmRun, []nmTypeCase{
		{text: "Passed my pharmacy boards after a long shift! Cheers to Mrs. Nwachime at Orrinsford Community College, best tutor ever.", name: "Mrs. Nwachime", typ: "NAME_OTHER"},
		{text: "Back on the ward after exams. Huge thanks to Mr Thornquist at Elmbrook Academy who taught me chemistry.", name: "Mr Thornquist", typ: "NAME_OTHER"},
		// look-alikes: a hospital after the name
		{text: "Mrs Nwachime at Orrinsford University Hospital was discharged home today.", name: "Mrs Nwachime", typ: "NAME_PATIENT"},
	})
}
