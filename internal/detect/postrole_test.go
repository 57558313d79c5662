package detect

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

func TestPostStaffFrame(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		// a workplace frame
		{"Card for Odile's retirement is in the office, sign it by Thursday", "retirement"},
		{"Our unit's quiz night was a riot, Fenella won by a mile", "unit"},
		{"Thanks to my co-author Ruaridh for the stats", "co-author"},
		{"Potluck on Friday, Leopold is doing his chilli", "potluck"},
		{"Who's doing what for the bake sale? Ottoline is on scones", "bake sale"},
		{"Secret Santa draw is done, no peeking Casimir", "secret santa"},
		{"Leaving do for Perpetua on the 9th at the Swan", "leaving do"},
		// no frame: shifts are the author's own work
		{"On an early tomorrow so Benedikt is cooking tonight", ""},
		{"Leaving Keswick at 6, Rosalind is driving", ""},
		{"Bakewell tart for pudding, thanks Oswin", ""},
		// a frame, but the post is also about family, home or patients
		{"Retirement party for my dad on Saturday, Wilhelmina is bringing the cake", ""},
		{"Church potluck Sunday, Philippa is bringing her trifle", ""},
		{"Our unit was heaving, the lady in bed 6 kept asking for Ignatius", ""},
		{"Secret Santa with the in-laws, Barnaby drew me again", ""},
		{"Team night out postponed, Cressida's mam's poorly", ""},
		// whole words only
		{"Unitarian chapel fete, Hildegard ran the raffle", ""},
	} {
		d, err := text.New(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		if got := postStaffFrame(d); got != tc.want {
			t.Errorf("postStaffFrame(%q) = %q, want %q", tc.text, got, tc.want)
		}
		checkFrameBitsGate(t, tc.text)
	}
}

// checkFrameBitsGate checks that the frame bits the places family gathers for
// text (post.frame) never keep postRoles from a frame postStaffFrame finds, and
// that they let it skip the scan of a post with no staff word.
func checkFrameBitsGate(t *testing.T, s string) {
	t.Helper()
	d, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	p := newPost(d)
	p.memo = new(wordMemo)
	placeDetector{}.detect(p, nil)
	f := p.frame
	if f&pfKnown == 0 {
		t.Fatalf("%q: the places family left post.frame unknown", s)
	}
	if cue := postStaffFrame(d); f&pfAny == 0 && cue != "" {
		t.Errorf("%q: frame bits %08b skip a post framed by %q", s, f, cue)
	}
}

func TestPostFrameBitsGate(t *testing.T) {
	for _, s := range []string{
		"Thanks to my co-author Ruaridh for the stats",
		"Secret Santa with the in-laws, Barnaby drew me again",
		"the unit's new rota is up, Maude sorted it",
		"BAKE SALE ON THURSDAY, TOBIAS IS ON BROWNIES",
		"leaving do for gwendolyn at the club friday",
		"An extraordinarilylongword then the colleagues' party, Ambrose hosting",
		"Going-away drinks for Seraphina, our co-workers are buying",
		"Lovely walk with Hamish and the dog",
	} {
		checkFrameBitsGate(t, s)
	}
}

func TestPostRolesKeepsDecidedRoles(t *testing.T) {
	d, err := text.New("Retirement cake for Augustin, Mr Pemberton and Delphine in the staff kitchen")
	if err != nil {
		t.Fatal(err)
	}
	kept := []Candidate{
		{Start: 20, End: 28, Type: result.NameOther, Confidence: 0.7, Reason: "name: first-name list"},
		{Start: 30, End: 42, Type: result.NamePatient, Confidence: 0.8, Reason: "name: title 'Mr'; patient cue 'x'"},
		{Start: 47, End: 55, Type: result.NameOther, Confidence: 0.7, Reason: "name: first-name list; other: greeting"},
		{Start: 0, End: 10, Type: result.Date, Confidence: 0.7, Reason: "not a name"},
	}
	postRoles(d, kept, 0)
	for i, want := range []result.Type{result.NameStaff, result.NamePatient, result.NameOther, result.Date} {
		if kept[i].Type != want {
			t.Errorf("candidate %d (%s): %s, want %s", i, kept[i].Reason, kept[i].Type, want)
		}
	}
}

func TestPostRolesEngine(t *testing.T) {
	checkRole(t, engineRun, result.NameStaff, []roleCase{
		{"Massive congrats on your retirement!!! 31 years on nights and Marjorie still outran us all", "Marjorie", true},
		{"Potluck in the office tomorrow, Leopold says he's doing his famous chilli", "Leopold", true},
		{"Whip round for the leaving do, a fiver each, Cosima is holding the tin", "Cosima", true},
		{"Proud to present our poster in Cardiff today. Ruaridh Sowerby, my co-author, ran every number", "Ruaridh Sowerby", true},
		// look-alikes: the author's family, church, patients, a trip
		{"Secret Santa with the in-laws, Barnaby drew me again", "Barnaby", false},
		{"Church potluck Sunday, Philippa is bringing her trifle", "Philippa", false},
		{"Coach to Keswick booked for Saturday, Rosalind is driving", "Rosalind", false},
		{"Our unit was heaving, the lady in bed 6 kept asking for Ignatius", "Ignatius", false},
	})
}

func TestPostSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"mrs achterberg", "achterberg", true},
		{"ines valcourt", "ines", true},
		{"dr. ines valcourt", "valcourt", true},
		{"mr k", "mrs k", false},     // initials and titles only
		{"mrs dunmore", "mr", false}, // a title alone
		{"ines valcourt", "inez", false},
		{"j. ravel", "j. ortiz", false},
	} {
		if got := postSameName(tc.a, tc.b); got != tc.want {
			t.Errorf("postSameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPostShareRoles(t *testing.T) {
	const post = "Mrs Achterberg went home. Achterberg and Ines said bye. Ines Valcourt too"
	d, err := text.New(post)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string, from int) (int, int) {
		i := strings.Index(post[from:], s) + from
		return i, i + len(s)
	}
	c := func(s string, from int, typ result.Type, why string) Candidate {
		a, b := at(s, from)
		return Candidate{Start: a, End: b, Type: typ, Confidence: 0.7, Reason: why}
	}
	kept := []Candidate{
		c("Mrs Achterberg", 0, result.NamePatient, "name: title; patient cue 'home'"),
		c("Achterberg", 20, result.NameOther, "name: surname list"),
		c("Ines", 0, result.NameOther, "NAME_OTHER: tagger (a name by context)"),
		c("Ines Valcourt", 50, result.NameStaff, "name: first name; staff cue 'x'"),
	}
	// a mention decided both ways leaves the undecided one alone
	kept2 := append([]Candidate{c("Ines", 0, result.NamePatient, "name: x; patient cue 'y'")}, kept[2:]...)
	kept2[1].Start, kept2[1].End = at("Ines", 40)
	postRoles(d, kept, 0)
	for i, want := range []result.Type{result.NamePatient, result.NamePatient, result.NameStaff, result.NameStaff} {
		if kept[i].Type != want {
			t.Errorf("candidate %d %q: %s, want %s", i, post[kept[i].Start:kept[i].End], kept[i].Type, want)
		}
	}
	postRoles(d, kept2, 0)
	if kept2[1].Type != result.NameOther {
		t.Errorf("a name with two roles elsewhere: %s, want NAME_OTHER", kept2[1].Type)
	}
}

// TestPostWorkFrames checks the staff frames of a team, a send-off, a
// breakroom and mentors, with a colleague's birthday or the "work family"
// no longer read as the author's family; and the look-alikes: a side in a
// game, the author's own family and birthday.
func TestPostWorkFrames(t *testing.T) {
	checkRole(t, engineRun, result.NameStaff, []roleCase{
		{"Hats off to the pharmacy team this winter, brilliant work from Imogen and Fergus", "Imogen", true},
		{"Farewell drinks for Wilhelmina after 30 years, bring your own mug", "Wilhelmina", true},
		{"Doughnuts for Leopold's bday in the breakroom at 3, come hungry", "Leopold", true},
		{"Curry for Cosima's birthday, Evander is booking, best work family ever", "Evander", true},
		{"Thanks to the mentors I had at the old practice, especially Perpetua Hale", "Perpetua Hale", true},
		// look-alikes: a game, the author's family
		// (far from the name: next to it, "team" is the names family's own staff cue)
		{"Oscar scored twice on Saturday and we all cheered from the touchline in the rain for ages, brilliant fun. The opposing team were huge", "Oscar", false},
		{"Curry for Cosima's birthday, Evander is booking, my husband and the kids too", "Evander", false},
		{"Birthday drinks for my sister, Araminta is driving", "Araminta", false},
	})
}

// TestPostColleagueKin checks that a colleague's family is no patient's: the
// person with relatives is staff where another mention is, and the relatives
// (and the names listed with them) are NAME_OTHER; a patient's family keeps
// its roles.
func TestPostColleagueKin(t *testing.T) {
	eng := New(Options{})
	for _, tc := range []struct {
		text string
		want map[string]result.Type
	}{
		{"Proper send-off for Mr Lindqvist last night, 28 years as a consultant anaesthetist. Thanks to Mr Lindqvist's wife Ottilie for the photos",
			map[string]result.Type{"Ottilie": result.NameOther}},
		{"Dr. Vasquez's husband Thaddeus brought donuts to the unit after clinic",
			map[string]result.Type{"Dr. Vasquez": result.NameStaff, "Thaddeus": result.NameOther}},
		{"Gudrun retired today after thirty years as a midwife. Lovely lunch at the pub, plus Gudrun's grandkids Anselm and Wilhelmina who made the banner",
			map[string]result.Type{"Anselm": result.NameOther, "Wilhelmina": result.NameOther}},
		// look-alikes: a patient's family, with no colleague in sight
		{"Pt's wife Ottilie was at the bedside all night, Mr Lindqvist's daughter Brunhilde came in at 6",
			map[string]result.Type{"Ottilie": result.NameRelative, "Brunhilde": result.NameRelative}},
		{"Mr Lindqvist in bed 4 was admitted with sepsis, Mr Lindqvist's son Anselm is NOK",
			map[string]result.Type{"Anselm": result.NameRelative}},
	} {
		d, err := text.New(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]result.Type{}
		why := map[string]string{}
		for _, e := range eng.Detect(d) {
			got[e.Text], why[e.Text] = e.Type, e.Reason
		}
		for name, want := range tc.want {
			if got[name] != want {
				t.Errorf("%q: %s is %q (%s), want %s", tc.text, name, got[name], why[name], want)
			}
		}
	}
}
