package policy

import (
	"context"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/document"
)

func TestStem(t *testing.T) {
	tests := []struct{ a, b string }{
		{"post", "posts"}, {"post", "posted"}, {"post", "posting"}, {"policy", "policies"},
		{"share", "sharing"}, {"share", "shared"}, {"identify", "identified"}, {"identify", "identifies"},
		{"tag", "tagged"}, {"patient", "patients"}, {"box", "boxes"}, {"photograph", "photographs"},
		{"record", "records"}, {"access", "accesses"}, {"setting", "settings"}, {"recording", "recordings"},
	}
	for _, tc := range tests {
		if stem(tc.a) != stem(tc.b) {
			t.Errorf("stem(%q)=%q, stem(%q)=%q; want equal", tc.a, stem(tc.a), tc.b, stem(tc.b))
		}
	}
	if stem("bus") != "bus" || stem("is") != "is" {
		t.Errorf("short words changed: %q %q", stem("bus"), stem("is"))
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Don't post patients' photos!", "dont post patients photos"},
		{"e-learning, WhatsApp & X-ray", "e learning whatsapp x ray"},
		{"Staff’s  DUTY", "staffs duty"},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range tokenize(tc.in) {
			got = append(got, tk.lower)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  bool
	}{
		{"a b", []string{"a b"}, false},
		{"{a|b c} d", []string{"a d", "b c d"}, false},
		{"x {a|{b|c} d}", []string{"x a", "x b d", "x c d"}, false},
		{"{a|b", nil, true},
		{"a}", nil, true},
	}
	for _, tc := range tests {
		got, err := expand(tc.in)
		if (err != nil) != tc.err {
			t.Errorf("expand(%q) error %v", tc.in, err)
			continue
		}
		var s []string
		for _, g := range got {
			s = append(s, strings.Join(g, " "))
		}
		if strings.Join(s, "|") != strings.Join(tc.want, "|") {
			t.Errorf("expand(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestMatcherGapsAndPrefixes(t *testing.T) {
	tests := []struct {
		pattern, text string
		want          bool
	}{
		{"share* ~ online", "never share anything online", true},
		{"share* ~ online", "never share one two three four online", false},
		{"policy reviewed", "policy reviewed yearly", true},
		{"{policy|document} ~ be reviewed", "this document will be reviewed", true},
		{"friend request*", "accept friend-requests", true},
		{"privacy setting", "Privacy Settings", true},
		{"post", "posting", true},
		{"post", "postal", false},
	}
	for _, tc := range tests {
		m := newMatcher()
		if err := m.add(tc.pattern, owner{kind: ownConcept, idx: 0}); err != nil {
			t.Fatal(err)
		}
		got := m.match(tokenize(tc.text), 1).concepts.has(0)
		if got != tc.want {
			t.Errorf("%q in %q: %v, want %v", tc.pattern, tc.text, got, tc.want)
		}
	}
	for _, bad := range []string{"~ a", "a ~", "ab* c", "{a|b"} {
		if err := newMatcher().add(bad, owner{}); err == nil && bad != "ab* c" {
			t.Errorf("%q compiled", bad)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"Use sites, e.g. Facebook. Then stop.", []string{"Use sites, e.g. Facebook.", "Then stop."}},
		{"Version 2.1 applies. Next.", []string{"Version 2.1 applies.", "Next."}},
		{"lower. case continues", []string{"lower. case continues"}},
	}
	for _, tc := range tests {
		got := splitSentences(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := strings.Repeat("word ", 200)
	if n := len(splitSentences(long)); n != 3 {
		t.Errorf("200 words split into %d, want 3", n)
	}
}

// TestSentenceDecisions audits one-line policies: paraphrase counts,
// negations and decoys do not.
func TestSentenceDecisions(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text     string
		point    string
		want     Status
		rejected bool // a sentence was set aside (negation or decoy)
	}{
		{"Never post information about patients on social media, even if they are not named.", "CONFIDENTIALITY", Covered, false},
		{"Nothing you learn about the people we look after may be put on Instagram. Small details can be pieced together.", "CONFIDENTIALITY", Covered, false},
		{"Access to Facebook, Twitter and YouTube is blocked on Trust computers.", "CONFIDENTIALITY", Missing, false},
		{"This policy does not cover sharing patient information on social media.", "CONFIDENTIALITY", Missing, true},
		{"We do not have a policy on contact with patients through social media.", "BOUNDARIES", Missing, true},
		{"Staff must not accept friend requests from patients.", "BOUNDARIES", Partly, false},
		{"Whether to accept friend requests from patients is left to individual discretion.", "BOUNDARIES", Missing, true},
		{"Staff should review their privacy settings.", "REVIEW-OWNER", Missing, false},
		{"Staff should review their privacy settings.", "PRIVACY-SETTINGS", Partly, false},
		{"Recruitment adverts are posted on LinkedIn and Facebook.", "RECRUITMENT", Missing, true},
		{"We look at candidates' social media only after telling them in advance, and apply the same checks consistently to every applicant.", "RECRUITMENT", Covered, false},
		{"Photographs for the staff newsletter must be approved by the communications team.", "REVIEW-OWNER", Missing, false},
		{"Medical records are kept for eight years under the retention schedule.", "RECORDS-ACCESS", Missing, false},
		{"Only open a person's notes if you are involved in their care; opening a relative's notes out of curiosity is an offence.", "RECORDS-ACCESS", Partly, false},
		{"There is no guidance yet on WhatsApp groups and patient information.", "PRIVATE-GROUPS", Missing, true},
		{"Bullying of colleagues online is outside the scope of this policy.", "BULLYING", Missing, true},
		{"Online abuse of co-workers will not be tolerated and will be investigated.", "BULLYING", Covered, false},
		{"Training on the new rostering system is available on the intranet.", "TRAINING", Missing, false},
		{"This policy will be reviewed every two years by its owner, the Director of Nursing.", "REVIEW-OWNER", Partly, false},
	}
	for _, tc := range tests {
		doc, err := document.Read(context.Background(), "p.txt", []byte(tc.text), document.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		r := Audit(doc, c, Options{})
		var got *PointResult
		for i := range r.Points {
			if r.Points[i].ID == tc.point {
				got = &r.Points[i]
			}
		}
		if got == nil {
			t.Fatalf("no point %s", tc.point)
		}
		if got.Status != tc.want || (len(got.Rejected) > 0) != tc.rejected {
			t.Errorf("%q\n  %s: %s (rejected %d), want %s (rejected %v)", tc.text, tc.point, got.Status, len(got.Rejected), tc.want, tc.rejected)
		}
	}
}
