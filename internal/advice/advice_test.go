package advice

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/sources"
)

func TestEmbeddedSettings(t *testing.T) {
	s, err := EmbeddedSettings()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.IDs(), []string{"facebook", "instagram", "x", "linkedin", "tiktok"}; !slices.Equal(got, want) {
		t.Errorf("platforms %v, want %v", got, want)
	}
	for _, p := range s.Platforms {
		if len(p.Items) < 5 {
			t.Errorf("%s: only %d settings", p.ID, len(p.Items))
		}
		for _, it := range p.Items {
			if len(it.Citations) == 0 || it.Where == "" || it.Choose == "" || it.Why == "" {
				t.Errorf("%s: setting %q incomplete", p.ID, it.Setting)
			}
		}
	}
	if len(s.Basics) == 0 {
		t.Error("no settings for every platform")
	}
	// Labels the notes tag [verify] are marked.
	x, _ := s.Platform("x")
	marked := 0
	for _, it := range x.Items {
		if it.LabelUnverified {
			marked++
		}
	}
	if marked == 0 {
		t.Error("no X setting is marked label_verified: false, though the notes tag two [verify]")
	}
}

func TestPlatformLookup(t *testing.T) {
	s, err := EmbeddedSettings()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ in, want, err string }{
		{"facebook", "facebook", ""},
		{" Instagram ", "instagram", ""},
		{"Twitter", "x", ""},
		{"X (Twitter)", "x", ""},
		{"LINKEDIN", "linkedin", ""},
		{"tiktok", "tiktok", ""},
		{"tiktk", "", `unknown platform "tiktk" (did you mean "tiktok"?); platforms: facebook, instagram, linkedin, tiktok, x`},
		{"myspace", "", "platforms: facebook, instagram, linkedin, tiktok, x"},
	}
	for _, c := range cases {
		p, err := s.Platform(c.in)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.in, err, c.err)
		case c.err == "" && (err != nil || p.ID != c.want):
			t.Errorf("%q: got %v, %v; want %s", c.in, p, err, c.want)
		}
	}
}

func TestEmbeddedAdvice(t *testing.T) {
	points, err := EmbeddedAdvice()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range points {
		ids = append(ids, p.ID)
		if len(p.Citations) == 0 {
			t.Errorf("point %s has no citation", p.ID)
		}
	}
	// The points the brief names, and the general ones from the guidance.
	for _, want := range []string{"professional-platform", "email-or-phone", "cannot-recall", "settings-not-confidential", "no-patient-information", "boundaries", "raise-concerns-properly", "respect-colleagues", "say-who-you-are", "when-in-doubt"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no advice point %s", want)
		}
	}
}

func TestCitationsListed(t *testing.T) {
	check := func(where string, cs []result.Citation) {
		for _, c := range cs {
			if _, ok := sources.Lookup(c.Document); !ok {
				t.Errorf("%s: %q is not in internal/sources", where, c.Document)
			}
		}
	}
	s, err := EmbeddedSettings()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range s.Basics {
		check("basics "+it.Setting, it.Citations)
	}
	for _, p := range s.Platforms {
		for _, it := range p.Items {
			check(p.ID+" "+it.Setting, it.Citations)
		}
	}
	points, err := EmbeddedAdvice()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range points {
		check("advice "+p.ID, p.Citations)
	}
}

const goodSettings = `citations:
  c1: {document: "HCPC, Guidance on the use of social media", year: 2017, paragraph: "top tip 2"}
basics:
  - {setting: S, where: W, choose: C, why: Y, cite: [c1]}
platforms:
  - id: p1
    name: P
    menu: M
    items:
      - {setting: S, where: W, choose: C, why: Y, cite: [c1]}
`

const goodAdvice = `citations:
  c1: {document: "HCPC, Guidance on the use of social media"}
points:
  - {id: a, title: T, text: X, cite: [c1]}
`

func TestParseRefuses(t *testing.T) {
	if _, err := ParseSettings("s.yaml", []byte(goodSettings)); err != nil {
		t.Fatalf("base settings: %v", err)
	}
	if _, err := ParseAdvice("a.yaml", []byte(goodAdvice)); err != nil {
		t.Fatalf("base advice: %v", err)
	}
	r := func(s, old, new string) string { return strings.Replace(s, old, new, 1) }
	cases := []struct {
		name, file, yaml, want string
	}{
		{"unknown field", "s", r(goodSettings, "menu: M", "menu: M\n    colour: blue"), `s.yaml:9: field "colour" is unknown here`},
		{"misspelt field", "s", r(goodSettings, "why: Y, cite: [c1]}\nplatforms", "whyy: Y, cite: [c1]}\nplatforms"), `s.yaml:4: field "whyy" is unknown here (did you mean "why"?)`},
		{"setting without citation", "s", r(goodSettings, "      - {setting: S, where: W, choose: C, why: Y, cite: [c1]}", "      - {setting: S, where: W, choose: C, why: Y}"), `s.yaml:10: setting "S" has no citation`},
		{"unknown citation", "s", r(goodSettings, "cite: [c1]}\nplatforms", "cite: [c2]}\nplatforms"), `s.yaml:4: setting "S" cites unknown citation "c2" (did you mean "c1"?)`},
		{"missing why", "s", r(goodSettings, "why: Y, cite: [c1]}\nplatforms", "cite: [c1]}\nplatforms"), "s.yaml:4: a setting needs setting, where, choose and why"},
		{"duplicate platform", "s", goodSettings + "  - {id: p1, name: P, menu: M, items: [{setting: S, where: W, choose: C, why: Y, cite: [c1]}]}\n", "s.yaml:11: platform p1 appears twice"},
		{"upper-case id", "s", r(goodSettings, "id: p1", "id: P1"), `s.yaml:6: platform needs an id in lower case without spaces, not "P1"`},
		{"no items", "s", r(goodSettings, "    items:\n      - {setting: S, where: W, choose: C, why: Y, cite: [c1]}\n", ""), "s.yaml:6: platform p1 has no settings"},
		{"no platforms", "s", "citations: {}\nplatforms: []\n", "s.yaml: no platforms"},
		{"citation without document", "s", r(goodSettings, `document: "HCPC, Guidance on the use of social media", `, ""), "s.yaml:2: citation c1 has no document"},
		{"bad year", "s", r(goodSettings, "2017", "17"), "s.yaml:2: citation c1 has year 17"},
		{"bad citation locale", "s", r(goodSettings, "year: 2017", "year: 2017, locales: [nz]"), `s.yaml:2: citation c1 has unknown locale "nz"`},
		{"alias", "s", r(goodSettings, "name: P", "name: &n P\n    menu2: *n"), "YAML anchors and aliases are not allowed"},
		{"point without citation", "a", r(goodAdvice, ", cite: [c1]", ""), "a.yaml:4: point a has no citation"},
		{"point without text", "a", r(goodAdvice, "text: X, ", ""), "a.yaml:4: point a needs a title and a text"},
		{"duplicate point", "a", goodAdvice + "  - {id: a, title: T, text: X, cite: [c1]}\n", "a.yaml:5: point a appears twice"},
		{"duplicate key", "a", r(goodAdvice, "title: T,", "title: T, title: U,"), "a.yaml:4:"},
		{"too big", "a", goodAdvice + "# " + strings.Repeat("x", MaxFileBytes) + "\n", "a.yaml: file is"},
		{"too deep", "a", "points: " + strings.Repeat("[", 50) + strings.Repeat("]", 50) + "\n", "nesting is deeper"},
	}
	for _, c := range cases {
		var err error
		if c.file == "s" {
			_, err = ParseSettings("s.yaml", []byte(c.yaml))
		} else {
			_, err = ParseAdvice("a.yaml", []byte(c.yaml))
		}
		var ae *Error
		switch {
		case err == nil:
			t.Errorf("%s: parsed, want %q", c.name, c.want)
		case !errors.As(err, &ae):
			t.Errorf("%s: %T is not an *Error", c.name, err)
		case !strings.Contains(err.Error(), c.want):
			t.Errorf("%s:\n got  %v\n want %s", c.name, err, c.want)
		}
	}
}

func TestFormatCitation(t *testing.T) {
	f := false
	cases := []struct {
		c    Citation
		want string
	}{
		{Citation{Document: "GMC, Good medical practice", Year: 2024, Paragraph: "48"}, "GMC, Good medical practice (2024), 48"},
		{Citation{Document: "UK GDPR", Verified: &f}, "UK GDPR [not yet verified]"},
	}
	for _, c := range cases {
		if got := c.c.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	if !(Citation{Document: "d", Verified: &f}).Result().Unverified {
		t.Error("verified: false is not unverified in the result")
	}
}

func TestDidYouMean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"facebok", ` (did you mean "facebook"?)`},
		{"zzzzzzzz", ""},
		{"X", ` (did you mean "x"?)`},
	}
	for _, c := range cases {
		if got := DidYouMean(c.in, []string{"facebook", "x", "tiktok"}); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzParseSettings(f *testing.F) {
	f.Add(settingsYAML)
	f.Add([]byte(goodSettings))
	f.Add([]byte(goodAdvice))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSettings("f.yaml", data)
		if err != nil {
			var ae *Error
			if !errors.As(err, &ae) {
				t.Fatalf("%T is not an *Error: %v", err, err)
			}
			return
		}
		for _, p := range s.Platforms {
			for _, it := range p.Items {
				if len(it.Citations) == 0 {
					t.Fatalf("%s: setting without citation accepted", p.ID)
				}
			}
		}
	})
}
