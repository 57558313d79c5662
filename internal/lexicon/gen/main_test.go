package main

import (
	"slices"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

// The generator must fold words exactly as the runtime does, or generated keys would never
// be found.
func TestKeyMatchesRuntime(t *testing.T) {
	for _, s := range []string{"Bath", "ST. MARYS", "O'Brien", "Mary’s", "SIÂN", "Zürich",
		"Stoke-on-Trent", "U.S.A.", "İstanbul", "ÆRØ", "Łódź", "NEWS2"} {
		if got, want := key(s), lexicon.Key(s); got != want {
			t.Errorf("key(%q) = %q, runtime Key = %q", s, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"ST MARYS HOSPITAL", []string{"st", "marys", "hospital"}},
		{"St. Mary's Hospital", []string{"st", "marys", "hospital"}},
		{"Saint Mary's", []string{"st", "marys"}},
		{"ST.ANNS HOSPICE", []string{"st", "anns", "hospice"}},
		{"Stoke-on-Trent", []string{"stoke", "on", "trent"}},
		{"Tyne & Wear", []string{"tyne", "and", "wear"}},
		{"POOLE HOSPITAL (RESPIRATORY)", []string{"poole", "hospital", "respiratory"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSiteNames(t *testing.T) {
	g := &gen{curated: "../curated"}
	g.loadGeneric()
	tests := []struct {
		in   string
		want []string
	}{
		{"NORTHERN GENERAL HOSPITAL SHEFFIELD HAND CENTRE ELECTIVE SURGICAL HUB", []string{"northern general hospital"}},
		{"URGENT CARE STREAMING SERVICE - PILGRIM HOSPITAL", []string{"pilgrim hospital"}},
		{"OPTHALMOLOGY DEPARTMENT (WARWICK HOSPITAL)", []string{"warwick hospital"}},
		{"BERWICK INFIRMARY PRESCRIBING", []string{"berwick infirmary"}},
		{"COMMUNITY HOSPITAL", nil},
		{"THE HEALTH CENTRE", nil},
		{"MAIN SITE", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, toks := range g.siteNames(tt.in, true) {
			got = append(got, join(toks))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("siteNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, n := range []string{"THE SURGERY", "DR RASOOL", "DRS LAMBERT & NG", "VILLAGE SURGERY", "HEALTH CENTRE"} {
		if toks := g.orgToks(n); toks != nil {
			t.Errorf("orgToks(%q) = %q, want dropped", n, toks)
		}
	}
}

func join(toks []string) string {
	s := ""
	for i, t := range toks {
		if i > 0 {
			s += " "
		}
		s += t
	}
	return s
}
