package policy

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/sources"
)

// TestChecklistCitations checks every point cites guidance and every
// citation names a document of the project's source list.
func TestChecklistCitations(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Points) < 16 {
		t.Errorf("%d points, want at least 16", len(c.Points))
	}
	for _, p := range c.Points {
		if len(p.Cite) == 0 {
			t.Errorf("%s cites nothing", p.ID)
		}
	}
	for id, ct := range c.Citations {
		if _, ok := sources.Lookup(ct.Document); !ok {
			t.Errorf("citation %s: %q is not in internal/sources", id, ct.Document)
		}
		if len(ct.Packs) == 0 {
			t.Errorf("citation %s belongs to no pack", id)
		}
	}
}

// TestChecklistPacksAreRulePacks checks --pack names match the rule packs.
func TestChecklistPacksAreRulePacks(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range c.Packs {
		rp, ok := lib.Packs[name]
		if !ok {
			t.Errorf("pack %s is not a rule pack", name)
			continue
		}
		if !strings.Contains(strings.Join(rp.Locales, ","), p.Locale) {
			t.Errorf("pack %s: locale %s, rule pack has %v", name, p.Locale, rp.Locales)
		}
	}
}

func TestSelectPacks(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		packs, locale string
		want          string
		err           bool
	}{
		{"", "", "", false},
		{"uk-nmc, uk-law", "", "uk-nmc,uk-law", false},
		{"core", "", "", false},
		{"", "us", "us-ama,us-hipaa,us-ncsbn", false},
		{"uk-nmc", "au", "uk-nmc,au-ahpra", false},
		{"uk-nope", "", "", true},
		{"", "fr", "", true},
	}
	for _, tc := range tests {
		got, err := c.SelectPacks(tc.packs, tc.locale)
		if (err != nil) != tc.err || strings.Join(got, ",") != tc.want {
			t.Errorf("SelectPacks(%q, %q) = %v, %v; want %q", tc.packs, tc.locale, got, err, tc.want)
		}
	}
}

// TestParseRejects checks the checklist validator.
func TestParseRejects(t *testing.T) {
	base := `version: 1
title: t
packs: {uk-gmc: {title: G, locale: uk}}
citations: {c1: {document: "GMC, Good medical practice", packs: [uk-gmc]}}
concepts: {a: ["alpha"], b: ["@a", "beta"]}
negations: ["not covered"]
points:
  - id: P1
    title: t
    must_say: m
    suggest: s
    cite: [c1]
    evidence: [{id: g, says: s, all: [a, b]}]
`
	if _, err := Parse([]byte(base)); err != nil {
		t.Fatalf("base checklist: %v", err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown field", "version: 1", "version: 1\nbogus: 2", "bogus"},
		{"unknown citation", "cite: [c1]", "cite: [c2]", "unknown citation"},
		{"no citation", "cite: [c1]", "cite: []", "cites no guidance"},
		{"unknown concept", "all: [a, b]", "all: [a, zz]", "unknown concept"},
		{"self include", `b: ["@a", "beta"]`, `b: ["@b"]`, "includes itself"},
		{"bad phrase", `["alpha"]`, `["{alpha"]`, "unclosed"},
		{"short prefix", `["alpha"]`, `["al*"]`, "shorter than 3"},
		{"unknown pack", "packs: [uk-gmc]", "packs: [xx]", "unknown pack"},
		{"no evidence", "evidence: [{id: g, says: s, all: [a, b]}]", "evidence: []", "no evidence"},
		{"partly too big", "cite: [c1]", "cite: [c1]\n    partly: 3", "partly 3"},
	}
	for _, tc := range tests {
		src := strings.Replace(base, tc.old, tc.new, 1)
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
