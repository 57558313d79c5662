package redact

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

func TestGeneraliseAge(t *testing.T) {
	tests := []struct {
		in, want string
		bug      string // non-empty: a known bug, the test is skipped when it fails
	}{
		// "N-year-old" is an adjective: it becomes one.
		{"94-year-old", "older", ""},
		{"94 year old", "older", ""},
		{"94yo", "older", ""},
		{"94 y/o", "older", ""},
		{"80 yr old", "older", ""},
		{"65-year-old", "older", ""},
		{"30-year-old", "adult", ""},
		{"18 year old", "adult", ""},
		{"12-year-old", "young", ""},
		// A bare age becomes a band; over 89 is one band (HIPAA Safe Harbor).
		{"aged 94", "over 89", ""},
		{"94", "over 89", ""},
		{"103", "over 89", ""},
		{"in her 90s", "over 89", ""},
		{"in her 70s", "in their 70s", ""},
		{"in his 20s", "in their 20s", ""},
		{"aged 45", "in their 40s", ""},
		{"15", "in their teens", ""},
		{"aged 8", "a child", ""},
		// Babies.
		{"3 week old", "very young", ""},
		{"3 weeks", "very young", ""},
		{"6 month old", "very young", ""},
		{"2 days old", "very young", ""},
		{"3 wk old", "very young", `"3 wk old" (an AGE the detector finds) is read as 3 years: "a 3 wk old baby" redacts to "a child baby"`},
		// No number, or not a plausible one.
		{"elderly", "of some age", ""},
		{"aged 999", "of some age", ""},
	}
	for _, tt := range tests {
		got := generaliseAge(tt.in)
		if got == tt.want {
			continue
		}
		t.Errorf("generaliseAge(%q) = %q, want %q", tt.in, got, tt.want)
	}
}

// ent returns an entity of type typ over the first occurrence of s in post.
func ent(t *testing.T, post, s string, typ result.Type) result.Entity {
	t.Helper()
	i := strings.Index(post, s)
	if i < 0 {
		t.Fatalf("%q not in %q", s, post)
	}
	return result.Entity{Start: i, End: i + len(s), Text: s, Type: typ, Confidence: 0.9, Reason: "test"}
}

// span returns the span of the first occurrence of s in post.
func span(t *testing.T, post, s string) *result.Span {
	t.Helper()
	i := strings.Index(post, s)
	if i < 0 {
		t.Fatalf("%q not in %q", s, post)
	}
	return &result.Span{Start: i, End: i + len(s)}
}

// changeSummary is a change without offsets, for readable comparisons.
type changeSummary struct {
	From, To, Why string
	Op            Operator
}

func summarise(cs []Change) []changeSummary {
	out := []changeSummary{}
	for _, c := range cs {
		out = append(out, changeSummary{c.From, c.To, c.Why, c.Operator})
	}
	return out
}

// checkChanges checks the invariants Plan promises: sorted, not overlapping,
// non-empty, and From is the text the change covers.
func checkChanges(t *testing.T, post string, cs []Change) {
	t.Helper()
	end := 0
	for _, c := range cs {
		if c.Start < end || c.End <= c.Start || c.End > len(post) {
			t.Fatalf("change %+v overlaps, is empty or out of range (previous end %d, %d bytes)", c, end, len(post))
		}
		if post[c.Start:c.End] != c.From {
			t.Fatalf("change From %q != post[%d:%d] %q", c.From, c.Start, c.End, post[c.Start:c.End])
		}
		end = c.End
	}
}

func TestPlanApplyOperators(t *testing.T) {
	const post = "Mrs Pickering is a 94-year-old woman from Aylsham, in bed 4 with sepsis."
	res := &result.Result{
		Verdict:    result.Block,
		Categories: []string{"CONFIDENTIALITY"},
		Entities: []result.Entity{
			ent(t, post, "Mrs Pickering", result.NamePatient),
			ent(t, post, "94-year-old", result.Age),
			ent(t, post, "Aylsham", result.City),
			ent(t, post, "bed 4", result.Room),
		},
	}
	tests := []struct {
		op      Operator
		text    string
		changes []changeSummary
	}{
		{Generalise, "the patient is an older woman from a nearby town, in a bed with sepsis.", []changeSummary{
			{"Mrs Pickering", "the patient", "NAME_PATIENT", Generalise},
			{"94-year-old", "older", "AGE", Generalise},
			{"Aylsham", "a nearby town", "CITY", Generalise},
			{"bed 4", "a bed", "ROOM", Generalise},
		}},
		{Placeholder, "[NAME] is a [AGE] woman from [PLACE], in [BED] with sepsis.", []changeSummary{
			{"Mrs Pickering", "[NAME]", "NAME_PATIENT", Placeholder},
			{"94-year-old", "[AGE]", "AGE", Placeholder},
			{"Aylsham", "[PLACE]", "CITY", Placeholder},
			{"bed 4", "[BED]", "ROOM", Placeholder},
		}},
		{Mask, "*** ********* is a **-****-*** woman from *******, in *** * with sepsis.", []changeSummary{
			{"Mrs Pickering", "*** *********", "NAME_PATIENT", Mask},
			{"94-year-old", "**-****-***", "AGE", Mask},
			{"Aylsham", "*******", "CITY", Mask},
			{"bed 4", "*** *", "ROOM", Mask},
		}},
		{Remove, "is a woman from, in with sepsis.", []changeSummary{
			{"Mrs Pickering", "", "NAME_PATIENT", Remove},
			{"94-year-old", "", "AGE", Remove},
			{"Aylsham", "", "CITY", Remove},
			{"bed 4", "", "ROOM", Remove},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.op), func(t *testing.T) {
			cs := Plan(post, res, tt.op, nil)
			checkChanges(t, post, cs)
			if got := summarise(cs); !reflect.DeepEqual(got, tt.changes) {
				t.Errorf("changes:\n got %+v\nwant %+v", got, tt.changes)
			}
			if got := Apply(post, cs); got != tt.text {
				t.Errorf("text:\n got %q\nwant %q", got, tt.text)
			}
			for _, c := range cs {
				if c.Pass != 0 {
					t.Errorf("Plan set Pass %d; the caller numbers passes", c.Pass)
				}
			}
		})
	}
}

func TestPlanPlaceholders(t *testing.T) {
	const post = "Edna Smith NHS 943 476 5919, call 07700 900123 or edna@example.com, lives at 12 Mill Lane NR11 6AB"
	res := &result.Result{Categories: []string{"CONFIDENTIALITY"}, Entities: []result.Entity{
		ent(t, post, "Edna Smith", result.NameOther),
		ent(t, post, "943 476 5919", result.NHSNumber),
		ent(t, post, "07700 900123", result.Phone),
		ent(t, post, "edna@example.com", result.Email),
		ent(t, post, "12 Mill Lane", result.Street),
		ent(t, post, "NR11 6AB", result.Postcode),
	}}
	want := "[NAME] NHS [NHS NUMBER], call [PHONE] or [EMAIL], lives at [ADDRESS] [POSTCODE]"
	if got := Apply(post, Plan(post, res, Placeholder, nil)); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	want = "someone NHS [number removed], call [number removed] or [email removed], lives at a local street the area"
	if got := Apply(post, Plan(post, res, Generalise, nil)); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestPlanNotAboutPatient checks that a post not about a patient keeps its
// quasi-identifiers and names (a nurse's own town, a friend, the date) and
// loses only contact details and numbers, and that a country is always kept.
func TestPlanNotAboutPatient(t *testing.T) {
	const post = "Edna Smith and I ran 10k in Aylsham, England on 3 May aged 45, phone 07700 900123"
	res := &result.Result{Categories: []string{}, Entities: []result.Entity{
		ent(t, post, "Edna Smith", result.NameOther),
		ent(t, post, "Aylsham", result.City),
		ent(t, post, "England", result.Country),
		ent(t, post, "3 May", result.Date),
		ent(t, post, "aged 45", result.Age),
		ent(t, post, "07700 900123", result.Phone),
	}}
	cs := Plan(post, res, Generalise, nil)
	want := []changeSummary{{"07700 900123", "[number removed]", "PHONE", Generalise}}
	if got := summarise(cs); !reflect.DeepEqual(got, want) {
		t.Errorf("not about a patient:\n got %+v\nwant %+v", got, want)
	}
	// The same post about a patient: everything but the country goes.
	res.Categories = []string{"CONFIDENTIALITY"}
	cs = Plan(post, res, Generalise, nil)
	got := Apply(post, cs)
	if want := "someone and I ran 10k in a nearby town, England recently in their 40s, phone [number removed]"; got != want {
		t.Errorf("about a patient:\n got %q\nwant %q", got, want)
	}
	// An anonymity estimate alone marks the post as about a patient.
	res.Categories = []string{}
	res.Anonymity = &result.Anonymity{K: 3}
	if n := len(Plan(post, res, Generalise, nil)); n != 5 {
		t.Errorf("with an anonymity estimate: %d changes, want 5", n)
	}
}

// TestPlanDetailsRisksForce checks the other sources of changes: anonymity
// details (sex and condition stay: the clinical point), risks with neutral
// wording (always generalised), and spans a re-check still found.
func TestPlanDetailsRisksForce(t *testing.T) {
	const post = "she was the head teacher from Aylsham, a frequent flyer, hurt in a house fire with burns"
	res := &result.Result{
		Categories: []string{"CONFIDENTIALITY", "DEROGATORY"},
		Entities:   []result.Entity{ent(t, post, "Aylsham", result.City)},
		Anonymity: &result.Anonymity{K: 0.01, Place: "Aylsham", Details: []result.Detail{
			{Kind: "occupation", Label: "a head teacher", Share: 0.0015, Span: span(t, post, "head teacher")},
			{Kind: "event", Label: "hurt in a house fire", Share: 0.0001, Span: span(t, post, "house fire")},
			{Kind: "sex", Label: "a woman", Share: 0.5, Span: span(t, post, "she")},
			{Kind: "condition", Label: "burns", Share: 0.001, Span: span(t, post, "burns")},
			{Kind: "age", Label: "aged 94", Share: 0.003}, // no span: nothing to rewrite
		}},
		Risks: []result.Risk{{Category: "DEROGATORY", Rule: "RESP-002", Spans: []result.Span{*span(t, post, "frequent flyer")},
			Replacement: "a patient who attends often"}},
	}
	cs := Plan(post, res, Generalise, nil)
	checkChanges(t, post, cs)
	want := []changeSummary{
		{"head teacher", "worker", "occupation", Generalise},
		{"Aylsham", "a nearby town", "CITY", Generalise},
		{"frequent flyer", "a patient who attends often", "RESP-002", Generalise},
		{"house fire", "an incident", "event", Generalise},
	}
	if got := summarise(cs); !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n got %+v\nwant %+v", got, want)
	}
	if got, want := Apply(post, cs), "she was the worker from a nearby town, a patient who attends often, hurt in an incident with burns"; got != want {
		t.Errorf("text:\n got %q\nwant %q", got, want)
	}

	// With another operator, details follow it and neutral wording stays.
	cs = Plan(post, res, Placeholder, nil)
	want = []changeSummary{
		{"head teacher", "[OCCUPATION]", "occupation", Placeholder},
		{"Aylsham", "[PLACE]", "CITY", Placeholder},
		{"frequent flyer", "a patient who attends often", "RESP-002", Generalise},
		{"house fire", "[EVENT]", "event", Placeholder},
	}
	if got := summarise(cs); !reflect.DeepEqual(got, want) {
		t.Errorf("placeholder changes:\n got %+v\nwant %+v", got, want)
	}

	// Forced spans: removed when generalising, else rewritten by the operator.
	const again = "the patient from a nearby town is still identifiable"
	force := []result.Span{*span(t, again, "a nearby town")}
	empty := &result.Result{Categories: []string{}}
	for _, tt := range []struct {
		op, want Operator
		to       string
	}{
		{Generalise, Remove, ""}, {Remove, Remove, ""}, {Mask, Mask, "* ****** ****"}, {Placeholder, Placeholder, "[REDACTED]"},
	} {
		cs := Plan(again, empty, tt.op, force)
		w := []changeSummary{{"a nearby town", tt.to, "still identifying", tt.want}}
		if got := summarise(cs); !reflect.DeepEqual(got, w) {
			t.Errorf("force with %s:\n got %+v\nwant %+v", tt.op, got, w)
		}
	}
	if got, want := Apply(again, Plan(again, empty, Generalise, force)), "the patient from is still identifiable"; got != want {
		t.Errorf("forced removal: got %q, want %q", got, want)
	}
}

// TestPlanOverlapsSettled checks that changes that overlap are settled: the
// earliest wins, and of two starting together the longer.
func TestPlanOverlapsSettled(t *testing.T) {
	const post = "Mrs Doris Pickering the gomer in bed 4"
	name := ent(t, post, "Mrs Doris Pickering", result.NamePatient)
	res := &result.Result{
		Categories: []string{"CONFIDENTIALITY"},
		Entities: []result.Entity{
			ent(t, post, "Doris", result.NameOther), // inside the full name
			name,
			ent(t, post, "bed 4", result.Room),
		},
		Anonymity: &result.Anonymity{K: 2, Details: []result.Detail{
			{Kind: "feature", Label: "x", Share: 0.01, Span: &result.Span{Start: name.Start + 4, End: name.End + 4}}, // "Doris Pickering the"
		}},
		Risks: []result.Risk{{Rule: "RESP-002", Replacement: "an older patient with complex needs",
			Spans: []result.Span{*span(t, post, "gomer in bed")}}}, // overlaps "bed 4", starts first
	}
	cs := Plan(post, res, Generalise, nil)
	checkChanges(t, post, cs)
	want := []changeSummary{
		{"Mrs Doris Pickering", "the patient", "NAME_PATIENT", Generalise},
		{"gomer in bed", "an older patient with complex needs", "RESP-002", Generalise},
	}
	if got := summarise(cs); !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n got %+v\nwant %+v", got, want)
	}
	if got, want := Apply(post, cs), "the patient the older patient with complex needs 4"; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}

	// settle directly: sorted, empty changes dropped, overlaps dropped.
	got := settle([]Change{{Start: 12, End: 14}, {Start: 0, End: 5}, {Start: 0, End: 10}, {Start: 3, End: 8},
		{Start: 10, End: 12}, {Start: 11, End: 11}, {Start: 9, End: 11}, {Start: 20, End: 19}})
	var spans [][2]int
	for _, c := range got {
		spans = append(spans, [2]int{c.Start, c.End})
	}
	if want := [][2]int{{0, 10}, {10, 12}, {12, 14}}; !reflect.DeepEqual(spans, want) {
		t.Errorf("settle = %v, want %v", spans, want)
	}
}

// apply1 applies one change over the first occurrence of from.
func apply1(t *testing.T, post, from, to string) string {
	t.Helper()
	i := strings.Index(post, from)
	if i < 0 {
		t.Fatalf("%q not in %q", from, post)
	}
	return Apply(post, []Change{{Start: i, End: i + len(from), From: from, To: to}})
}

func TestApplyArticles(t *testing.T) {
	tests := []struct {
		post, from, to, want string
		bug                  string
	}{
		{"a 94-year-old woman fell", "94-year-old", "older", "an older woman fell", ""},
		{"A 94-year-old woman fell", "94-year-old", "older", "An older woman fell", ""},
		{"saw a 70-year-old man", "70-year-old", "older", "saw an older man", ""},
		{"an 8-year-old boy", "8-year-old", "young", "a young boy", ""},
		{"An 80-year-old man", "80-year-old", "adult", "An adult man", ""},
		{"An 11-year-old girl", "11-year-old", "young", "A young girl", ""},
		{"a 30-year-old man", "30-year-old", "adult", "an adult man", ""},
		{"a 94-year-old woman", "94-year-old", "[AGE]", "a [AGE] woman", ""},
		{"a 94-year-old woman", "94-year-old", "**-****-***", "a **-****-*** woman", ""},
		// An article before a rewrite that brings its own is not doubled.
		{"the Aylsham lot", "Aylsham", "a nearby town", "the nearby town lot", ""},
		{"our Mrs Pickering", "Mrs Pickering", "the patient", "our patient", ""},
		{"an Aylsham man", "Aylsham", "a nearby town", "a nearby town man", ""},
		{"this NR11 6AB postcode", "NR11 6AB", "the area", "this area postcode", ""},
		// Other words before the change are left alone.
		{"from Aylsham today", "Aylsham", "a nearby town", "from a nearby town today", ""},
		{"Lovely Mrs Pickering", "Mrs Pickering", "the patient", "Lovely the patient", ""},
		// No space between the word and the change: not an article.
		{"Ana94-year-old", "94-year-old", "older", "Anaolder", ""},
		// Removal.
		{"a 94-year-old woman", "94-year-old", "", "a woman", ""},
		{"an 80-year-old man in bay 3", "80-year-old", "", "a man in bay 3",
			`removing the word after "an" keeps "an" before a consonant ("an man"); Apply only fixes "an" when the replacement is not empty`},
	}
	for _, tt := range tests {
		got := apply1(t, tt.post, tt.from, tt.to)
		if got == tt.want {
			continue
		}
		t.Errorf("Apply(%q, %q→%q) = %q, want %q", tt.post, tt.from, tt.to, got, tt.want)
	}
}

func TestApplyTidy(t *testing.T) {
	tests := []struct {
		post, from, want string
		bug              string
	}{
		{"Seen Edna today.", "Edna", "Seen today.", ""},
		{"Thanks Edna!", "Edna", "Thanks!", ""},
		{"Is it Edna?", "Edna", "Is it?", ""},
		{"Bye Edna, see you", "Edna", "Bye, see you", ""},
		{"with Edna; then tea", "Edna", "with; then tea", ""},
		{"note Edna: fine", "Edna", "note: fine", ""},
		{"Edna, Mary, and Bob", "Mary", "Edna, and Bob", ""},
		{"Edna is here", "Edna", "is here", ""},
		{"it was Edna", "Edna", "it was", ""},
		{"lady ( 94yo ) here", "94yo", "lady here",
			`removing what stands in "( … )" drops the "( )" but leaves a double space ("lady  here")`},
		{"Lovely lady (94yo) in bed 4", "94yo", "Lovely lady in bed 4",
			`removing a parenthesised identifier leaves "()" ("Lovely lady () in bed 4"); tidy only drops "( )"`},
	}
	for _, tt := range tests {
		got := apply1(t, tt.post, tt.from, "")
		if got == tt.want {
			continue
		}
		t.Errorf("removing %q from %q = %q, want %q", tt.from, tt.post, got, tt.want)
	}
	// Several changes, in order, with the text between kept.
	post := "Doris (94) in bed 4, from Aylsham."
	cs := []Change{
		{Start: 0, End: 5, From: "Doris", To: "the patient"},
		{Start: 7, End: 9, From: "94", To: "over 89"},
		{Start: 14, End: 19, From: "bed 4", To: "a bed"},
		{Start: 26, End: 33, From: "Aylsham", To: "a nearby town"},
	}
	if got, want := Apply(post, cs), "the patient (over 89) in a bed, from a nearby town."; got != want {
		t.Errorf("several changes: got %q, want %q", got, want)
	}
	if got := Apply("", nil); got != "" {
		t.Errorf("empty post: got %q", got)
	}
	if got := Apply("nothing to change", nil); got != "nothing to change" {
		t.Errorf("no changes: got %q", got)
	}
}

var fuzzTos = []string{"", "older", "an older", "a nearby town", "the patient", "[NAME]", "****", "é", "an accident", "Ünïcode 🎉", " ", "( )", ",,"}

func FuzzApply(f *testing.F) {
	f.Add("Mrs Pickering is a 94-year-old woman from Aylsham, in bed 4 with sepsis.", []byte{0, 13, 1, 19, 30, 2})
	f.Add("an 80-year-old man (94yo) in bay 3", []byte{3, 11, 0, 20, 24, 0})
	f.Add("Zoë Ó Súilleabháin — ward 7B 🎉 a ünïcode", []byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add("a—an—the  ,, ( ) .", []byte{0, 1, 0, 2, 3, 4})
	f.Fuzz(func(t *testing.T, post string, plan []byte) {
		post = strings.ToValidUTF8(post, "\uFFFD")
		// rune boundaries of the post
		var bounds []int
		for i := range post {
			bounds = append(bounds, i)
		}
		bounds = append(bounds, len(post))
		// plan is read three bytes at a time: skip, length, replacement.
		var cs []Change
		b := 0
		for i := 0; i+2 < len(plan); i += 3 {
			start := b + int(plan[i])%4
			end := start + 1 + int(plan[i+1])%8
			if end >= len(bounds) {
				break
			}
			s, e := bounds[start], bounds[end]
			cs = append(cs, Change{Start: s, End: e, From: post[s:e], To: fuzzTos[int(plan[i+2])%len(fuzzTos)]})
			b = end
		}
		out := Apply(post, cs)
		if !utf8.ValidString(out) {
			t.Fatalf("Apply(%q, %+v) = %q: not valid UTF-8", post, cs, out)
		}
		if strings.TrimSpace(out) != out {
			t.Fatalf("Apply(%q, %+v) = %q: not trimmed", post, cs, out)
		}
	})
}
