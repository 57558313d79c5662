// Package training holds the training scenarios of `scrubs train` – short,
// made-up situations about social media at work, each with three or four
// choices, the best one, feedback on every choice and the guidance behind it –
// and the session results a user may export for training records.
//
// The scenarios are data, in the embedded scenarios.yaml; every citation names
// a document in internal/sources.
package training

import (
	"bytes"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/sources"
)

// Scenario is one training question.
type Scenario struct {
	// ID is a stable name, such as "relative-friend-request".
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Roles it is written for ("all" for everyone); see MatchesRole.
	Roles []string `yaml:"roles" json:"roles"`
	// Locales it applies to (uk, us, au, or "all").
	Locales []string `yaml:"locales" json:"locales"`
	// Category is a rule-pack risk category (rules.Categories).
	Category  string   `yaml:"category" json:"category"`
	Situation string   `yaml:"situation" json:"situation"`
	Choices   []Choice `yaml:"choices" json:"choices"`
	// Best is the number of the best choice, counting from 1.
	Best int        `yaml:"best" json:"best"`
	Cite []Citation `yaml:"cite" json:"cite"`
}

// Choice is one answer and the feedback for choosing it.
type Choice struct {
	Text string `yaml:"text" json:"text"`
	Why  string `yaml:"why" json:"why"`
}

// Citation names a document of internal/sources and, optionally, a part of it.
type Citation struct {
	// Source is the id of a document in internal/sources.
	Source    string `yaml:"source" json:"source"`
	Paragraph string `yaml:"paragraph" json:"paragraph,omitempty"`
	// Verified is false when the paragraph has not been checked against the
	// document; nil means checked.
	Verified *bool `yaml:"verified" json:"verified,omitempty"`
}

// IsVerified reports whether the citation's paragraph has been checked.
func (c Citation) IsVerified() bool { return c.Verified == nil || *c.Verified }

// String renders the citation for people: the document's title and year, the
// paragraph, and "(unverified)" when the paragraph is not yet checked.
func (c Citation) String() string {
	var b strings.Builder
	s, ok := sources.ByID(c.Source)
	if !ok {
		b.WriteString(c.Source)
	} else {
		b.WriteString(s.Title)
		if s.Year != 0 {
			fmt.Fprintf(&b, " (%d)", s.Year)
		}
	}
	if c.Paragraph != "" {
		p := c.Paragraph
		switch {
		case p[0] >= '0' && p[0] <= '9':
			p = "para " + p
		case p[0] == '(':
			p = "item " + p
		}
		b.WriteString(", " + p)
	}
	if !c.IsVerified() {
		b.WriteString(" (unverified)")
	}
	return b.String()
}

// URL returns the cited document's URL, or "" when none is recorded.
func (c Citation) URL() string {
	s, _ := sources.ByID(c.Source)
	return s.URL
}

// Categories are the risk categories a scenario may have: those of the rule packs.
var Categories = rules.Categories

// Locales scenarios may name, besides "all".
var Locales = rules.Locales

// Roles scenarios may name besides "all": the roles the rule packs know, and
// manager (for scenarios about running a team).
func Roles() []string {
	out := append(slices.Clone(rules.KnownRoles), "manager")
	slices.Sort(out)
	return out
}

// roleGroups says which broader roles a role also counts as, so that a
// registrar sees the scenarios written for doctors and a student nurse those
// for nurses and for students.
var roleGroups = map[string][]string{
	"fy1": {"doctor"}, "fy2": {"doctor"}, "registrar": {"doctor"}, "consultant": {"doctor"},
	"gp": {"doctor"}, "sho": {"doctor"}, "physician": {"doctor"}, "attending": {"doctor"},
	"resident": {"doctor"}, "intern": {"doctor"},
	"medical-student": {"doctor", "student"}, "student-nurse": {"nurse", "student"},
	"student-midwife": {"midwife", "student"},
	"rn":              {"nurse"}, "lpn": {"nurse"}, "np": {"nurse"}, "nursing-associate": {"nurse"},
	"cna": {"hca"}, "care-worker": {"hca"},
}

// MatchesRole reports whether the scenario is meant for role (as a user writes
// it; rules.NormaliseRole folds it). Every scenario matches the empty role.
func (s Scenario) MatchesRole(role string) bool {
	r := rules.NormaliseRole(role)
	if r == "" || slices.Contains(s.Roles, "all") || slices.Contains(s.Roles, r) {
		return true
	}
	for _, g := range roleGroups[r] {
		if slices.Contains(s.Roles, g) {
			return true
		}
	}
	return false
}

// MatchesLocale reports whether the scenario applies in locale; every
// scenario matches the empty locale.
func (s Scenario) MatchesLocale(locale string) bool {
	l := strings.ToLower(strings.TrimSpace(locale))
	return l == "" || slices.Contains(s.Locales, "all") || slices.Contains(s.Locales, l)
}

//go:embed scenarios.yaml
var embedded []byte

// All returns the embedded scenarios in file order. The embedded file is
// checked by the tests, so an error here means a broken build.
func All() ([]Scenario, error) {
	return Parse(embedded)
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse reads and validates scenarios in the format of scenarios.yaml.
// Unknown fields, duplicate ids, unknown roles, locales, categories or sources,
// fewer than three or more than four choices, a best answer that is not one of
// the choices, missing feedback and scenarios without citations are errors.
func Parse(data []byte) ([]Scenario, error) {
	var doc struct {
		Scenarios []Scenario `yaml:"scenarios"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("scenarios: %w", err)
	}
	if len(doc.Scenarios) == 0 {
		return nil, fmt.Errorf("scenarios: none")
	}
	roles := Roles()
	seen := map[string]bool{}
	for i := range doc.Scenarios {
		s := &doc.Scenarios[i]
		if err := s.validate(roles); err != nil {
			return nil, fmt.Errorf("scenarios: scenario %d (%s): %w", i+1, s.ID, err)
		}
		if seen[s.ID] {
			return nil, fmt.Errorf("scenarios: scenario %d: duplicate id %q", i+1, s.ID)
		}
		seen[s.ID] = true
	}
	return doc.Scenarios, nil
}

func (s *Scenario) validate(roles []string) error {
	switch {
	case !idPattern.MatchString(s.ID):
		return fmt.Errorf("id must be lower-case words joined by -")
	case strings.TrimSpace(s.Title) == "":
		return fmt.Errorf("no title")
	case strings.TrimSpace(s.Situation) == "":
		return fmt.Errorf("no situation")
	case !slices.Contains(rules.Categories, s.Category):
		return fmt.Errorf("unknown category %q (categories: %s)", s.Category, strings.Join(rules.Categories, ", "))
	case len(s.Choices) < 3 || len(s.Choices) > 4:
		return fmt.Errorf("%d choices; want 3 or 4", len(s.Choices))
	case s.Best < 1 || s.Best > len(s.Choices):
		return fmt.Errorf("best is %d, not one of the %d choices", s.Best, len(s.Choices))
	case len(s.Cite) == 0:
		return fmt.Errorf("no citations")
	}
	if err := checkList("role", s.Roles, roles); err != nil {
		return err
	}
	if err := checkList("locale", s.Locales, Locales); err != nil {
		return err
	}
	for i, c := range s.Choices {
		if strings.TrimSpace(c.Text) == "" || strings.TrimSpace(c.Why) == "" {
			return fmt.Errorf("choice %d needs both text and why", i+1)
		}
	}
	for _, c := range s.Cite {
		if _, ok := sources.ByID(c.Source); !ok {
			return fmt.Errorf("cites %q, which is not in internal/sources", c.Source)
		}
	}
	return nil
}

// checkList checks a roles or locales list: not empty, known names, and "all"
// only on its own.
func checkList(what string, got, known []string) error {
	if len(got) == 0 {
		return fmt.Errorf("no %ss (use [all])", what)
	}
	for _, g := range got {
		if g == "all" {
			if len(got) > 1 {
				return fmt.Errorf("%ss: \"all\" must stand alone", what)
			}
			continue
		}
		if !slices.Contains(known, g) {
			return fmt.Errorf("unknown %s %q (known: all, %s)", what, g, strings.Join(known, ", "))
		}
	}
	return nil
}

// Filter chooses scenarios for a session.
type Filter struct {
	Role, Locale, Category string
	// Count is how many to pick; 0 or more than match means all that match.
	Count int
	// Seed orders the pick; the same seed gives the same scenarios in the same order.
	Seed uint64
}

// Select returns the scenarios that match f, shuffled by f.Seed, at most
// f.Count of them. It is an error when none match, or when f names an unknown
// role, locale or category.
func Select(all []Scenario, f Filter) ([]Scenario, error) {
	cat := strings.ToUpper(strings.TrimSpace(f.Category))
	if cat != "" && !slices.Contains(rules.Categories, cat) {
		return nil, fmt.Errorf("unknown category %q (categories: %s)", f.Category, strings.Join(rules.Categories, ", "))
	}
	loc := strings.ToLower(strings.TrimSpace(f.Locale))
	if loc != "" && !slices.Contains(Locales, loc) {
		return nil, fmt.Errorf("unknown locale %q (locales: %s)", f.Locale, strings.Join(Locales, ", "))
	}
	if r := rules.NormaliseRole(f.Role); r != "" && !slices.Contains(Roles(), r) {
		return nil, fmt.Errorf("unknown role %q (roles: %s)", f.Role, strings.Join(Roles(), ", "))
	}
	var out []Scenario
	for _, s := range all {
		if s.MatchesRole(f.Role) && s.MatchesLocale(loc) && (cat == "" || s.Category == cat) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no scenarios match role %q, locale %q and category %q", f.Role, f.Locale, f.Category)
	}
	r := rand.New(rand.NewPCG(f.Seed, 0x5c7b5))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	if f.Count > 0 && f.Count < len(out) {
		out = out[:f.Count]
	}
	return out, nil
}
