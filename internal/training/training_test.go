package training

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/sources"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestEmbeddedScenarios(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 30 {
		t.Errorf("%d scenarios, want at least 30", len(all))
	}
	cats := map[string]int{}
	bestAt := map[int]int{}
	for _, s := range all {
		cats[s.Category]++
		bestAt[s.Best]++
		for _, c := range s.Cite {
			src, ok := sources.ByID(c.Source)
			if !ok {
				t.Errorf("%s cites unknown source %q", s.ID, c.Source)
				continue
			}
			// the rendered citation names the document as sources.Lookup knows it
			if got, ok := sources.Lookup(src.Title); !ok || got.ID != src.ID {
				t.Errorf("%s: source %s does not look up by its title", s.ID, c.Source)
			}
		}
	}
	for _, c := range Categories {
		if cats[c] == 0 {
			t.Errorf("no scenario for category %s", c)
		}
	}
	// the best answer is not always in the same place
	if len(bestAt) < 3 {
		t.Errorf("best answers sit at only %d positions: %v", len(bestAt), bestAt)
	}
	for _, loc := range Locales {
		if n := countMatching(all, func(s Scenario) bool { return s.MatchesLocale(loc) }); n < 10 {
			t.Errorf("locale %s has %d scenarios, want at least 10", loc, n)
		}
	}
}

// TestCitationsFitLocales checks that, for every locale a scenario is shown
// in, at least one of its citations is a document of that locale (or a
// research paper, which has none), so nobody is taught from another country's
// rules alone.
func TestCitationsFitLocales(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		locs := s.Locales
		if slices.Contains(locs, "all") {
			locs = Locales
		}
		for _, l := range locs {
			fits := slices.ContainsFunc(s.Cite, func(c Citation) bool {
				src, _ := sources.ByID(c.Source)
				return src.Locale == l || src.Locale == "intl"
			})
			if !fits {
				t.Errorf("%s is shown in locale %s but cites no %s document", s.ID, l, l)
			}
		}
	}
}

// TestGuidanceScenarios checks the situations the guidance names are covered.
func TestGuidanceScenarios(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{
		"relative-friend-request", "ward-selfie-background", "news-before-proper-channels",
		"group-chat-bullying", "student-placement-post", "manager-vetting-candidates",
		"anonymous-account", "review-reply",
	} {
		if !slices.ContainsFunc(all, func(s Scenario) bool { return s.ID == id }) {
			t.Errorf("scenario %s is missing", id)
		}
	}
}

func countMatching(all []Scenario, f func(Scenario) bool) int {
	n := 0
	for _, s := range all {
		if f(s) {
			n++
		}
	}
	return n
}

const good = `scenarios:
  - id: one
    title: One
    roles: [all]
    locales: [uk]
    category: BOUNDARY
    situation: A situation.
    choices:
      - {text: a, why: because a}
      - {text: b, why: because b}
      - {text: c, why: because c}
    best: 2
    cite:
      - source: gmc-social-media-2024
        paragraph: "20"
`

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown field", "best: 2", "best: 2\n    colour: red", "colour"},
		{"best out of range", "best: 2", "best: 4", "not one of the 3 choices"},
		{"best zero", "best: 2", "best: 0", "not one of"},
		{"unknown category", "BOUNDARY", "BOUNDARIES", "unknown category"},
		{"unknown role", "roles: [all]", "roles: [wizard]", "unknown role"},
		{"all with others", "roles: [all]", "roles: [all, nurse]", "must stand alone"},
		{"no roles", "roles: [all]", "roles: []", "no roles"},
		{"unknown locale", "locales: [uk]", "locales: [fr]", "unknown locale"},
		{"unknown source", "gmc-social-media-2024", "gmc-made-up", "not in internal/sources"},
		{"no citations", "    cite:\n      - source: gmc-social-media-2024\n        paragraph: \"20\"\n", "    cite: []\n", "no citations"},
		{"too few choices", "      - {text: c, why: because c}\n", "", "2 choices"},
		{"missing why", "{text: b, why: because b}", "{text: b}", "needs both text and why"},
		{"bad id", "id: one", "id: One Two", "id must"},
		{"no situation", "situation: A situation.", "situation: ''", "no situation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(good, tt.from) {
				t.Fatalf("test case: %q not in the good document", tt.from)
			}
			_, err := Parse([]byte(strings.Replace(good, tt.from, tt.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	dup := good + strings.TrimPrefix(good, "scenarios:\n")
	if _, err := Parse([]byte(dup)); err == nil || !strings.Contains(err.Error(), "duplicate id") {
		t.Errorf("duplicate ids: %v", err)
	}
	if _, err := Parse([]byte(good)); err != nil {
		t.Errorf("a good scenario: %v", err)
	}
}

func TestMatchesRole(t *testing.T) {
	s := Scenario{Roles: []string{"doctor", "student"}}
	tests := []struct {
		role string
		want bool
	}{
		{"", true},
		{"doctor", true},
		{"Registrar", true},     // a doctor
		{"junior doctor", true}, // alias of doctor
		{"student nurse", true}, // a student
		{"med student", true},   // medical-student: a doctor and a student
		{"nurse", false},
		{"manager", false},
	}
	for _, tt := range tests {
		if got := s.MatchesRole(tt.role); got != tt.want {
			t.Errorf("MatchesRole(%q) = %v, want %v", tt.role, got, tt.want)
		}
	}
	if !(Scenario{Roles: []string{"all"}}).MatchesRole("porter") {
		t.Error(`"all" does not match porter`)
	}
}

func TestSelect(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		f       Filter
		min     int // at least this many
		max     int
		check   func(Scenario) bool
		wantErr string
	}{
		{"count", Filter{Count: 5, Seed: 1}, 5, 5, nil, ""},
		{"all", Filter{Seed: 1}, len(all), len(all), nil, ""},
		{"category", Filter{Category: "confidentiality", Seed: 2}, 5, 100, func(s Scenario) bool { return s.Category == "CONFIDENTIALITY" }, ""},
		{"locale", Filter{Locale: "us", Seed: 3}, 10, 100, func(s Scenario) bool { return s.MatchesLocale("us") }, ""},
		{"manager", Filter{Role: "manager", Seed: 4}, 2, 100, func(s Scenario) bool { return s.MatchesRole("manager") }, ""},
		{"unknown category", Filter{Category: "GOSSIP"}, 0, 0, nil, "unknown category"},
		{"unknown locale", Filter{Locale: "fr"}, 0, 0, nil, "unknown locale"},
		{"unknown role", Filter{Role: "wizard"}, 0, 0, nil, "unknown role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(all, tt.f)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) < tt.min || len(got) > tt.max {
				t.Errorf("%d scenarios, want %d..%d", len(got), tt.min, tt.max)
			}
			for _, s := range got {
				if tt.check != nil && !tt.check(s) {
					t.Errorf("%s does not fit the filter", s.ID)
				}
			}
		})
	}
	only := []Scenario{{ID: "x", Roles: []string{"manager"}, Locales: []string{"uk"}, Category: "CONDUCT"}}
	if _, err := Select(only, Filter{Role: "nurse"}); err == nil || !strings.Contains(err.Error(), "no scenarios match") {
		t.Errorf("nothing matches: err = %v", err)
	}
	if got, err := Select(only, Filter{Role: "manager", Locale: "uk"}); err != nil || len(got) != 1 {
		t.Errorf("one match: %v, %v", got, err)
	}
	// the same seed gives the same order, another seed another
	a, _ := Select(all, Filter{Count: 10, Seed: 7})
	b, _ := Select(all, Filter{Count: 10, Seed: 7})
	c, _ := Select(all, Filter{Count: 10, Seed: 8})
	if !slices.EqualFunc(a, b, func(x, y Scenario) bool { return x.ID == y.ID }) {
		t.Error("same seed, different scenarios")
	}
	if slices.EqualFunc(a, c, func(x, y Scenario) bool { return x.ID == y.ID }) {
		t.Error("different seeds, same scenarios")
	}
}

func TestCitationString(t *testing.T) {
	no := false
	tests := []struct {
		c    Citation
		want string
	}{
		{Citation{Source: "gmc-social-media-2024", Paragraph: "20"}, "GMC, Using social media as a medical professional (2024), para 20"},
		{Citation{Source: "nmc-code", Paragraph: "5.3", Verified: &no}, "NMC, The Code: Professional standards of practice and behaviour for nurses, midwives and nursing associates (2018), para 5.3 (unverified)"},
		{Citation{Source: "dpa-2018", Paragraph: "s170"}, "Data Protection Act 2018 (2018), s170"},
		{Citation{Source: "ngo-speak-up"}, "National Guardian's Office, How to speak up"},
		{Citation{Source: "ama-232", Paragraph: "(c)"}, "AMA Code of Medical Ethics, Opinion 2.3.2 Professionalism in the Use of Social Media, item (c)"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func testSession() *Session {
	all, _ := All()
	byID := func(id string) Scenario {
		for _, s := range all {
			if s.ID == id {
				return s
			}
		}
		panic(id)
	}
	ss := &Session{
		Name:    "=Ada Lovelace, RN",
		Started: time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC), Finished: time.Date(2026, 11, 24, 15, 6, 30, 0, time.UTC),
		Locale: "uk", Seed: 1, Asked: 4,
	}
	ss.Record(byID("relative-friend-request"), 2)
	ss.Record(byID("ward-selfie-background"), 1)
	ss.Record(byID("review-reply"), 1)
	return ss
}

func TestScore(t *testing.T) {
	ss := testSession()
	if c, n := ss.Score(); c != 2 || n != 3 {
		t.Errorf("Score() = %d, %d; want 2, 3", c, n)
	}
	want := []CategoryScore{{"CONFIDENTIALITY", 1, 2}, {"BOUNDARY", 1, 1}}
	if got := ss.ByCategory(); !slices.Equal(got, want) {
		t.Errorf("ByCategory() = %v, want %v", got, want)
	}
}

func TestExportGolden(t *testing.T) {
	tests := []struct {
		name  string
		s     *Session
		write func(*Session, *bytes.Buffer) error
	}{
		{"session.json", testSession(), func(s *Session, b *bytes.Buffer) error { return s.WriteJSON(b) }},
		{"session.csv", testSession(), func(s *Session, b *bytes.Buffer) error { return s.WriteCSV(b) }},
		{"empty.json", &Session{Started: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Finished: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Asked: 3}, func(s *Session, b *bytes.Buffer) error { return s.WriteJSON(b) }},
		{"empty.csv", &Session{Asked: 3}, func(s *Session, b *bytes.Buffer) error { return s.WriteCSV(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(tt.s, &b); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tt.name), b.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n got: %s\nwant: %s", path, got, want)
	}
}
