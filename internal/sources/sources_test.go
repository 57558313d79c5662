package sources_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/sources"
)

// TestEveryPackCitationIsListed loads the embedded rule packs and lexicons and
// checks that each citation's document, and each lexicon source's cite, names a
// source in sources.yaml.
func TestEveryPackCitationIsListed(t *testing.T) {
	lib, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range lib.Order {
		p := lib.Packs[name]
		ids := make([]string, 0, len(p.Citations))
		for id := range p.Citations {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			doc := p.Citations[id].Document
			checked++
			if _, ok := sources.Lookup(doc); !ok {
				t.Errorf("pack %s citation %s: document %q is not in internal/sources/sources.yaml", name, id, doc)
			}
		}
	}
	for name, l := range lib.Lexicons {
		for _, s := range l.Sources {
			checked++
			if _, ok := sources.Lookup(s.Cite); !ok {
				t.Errorf("lexicon %s source %s: %q is not in internal/sources/sources.yaml", name, s.ID, s.Cite)
			}
		}
	}
	if checked < 50 {
		t.Errorf("checked only %d citations; the embedded packs hold more", checked)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		document string
		want     string // source id, "" for no match
	}{
		{"GMC, Using social media as a medical professional", "gmc-social-media-2024"},
		{"  gmc,   USING social media as a medical professional ", "gmc-social-media-2024"},
		{"GMC, Good medical practice", "gmc-gmp-2024"},
		{"UK GDPR, Article 9: processing of special categories", "uk-gdpr"},
		{"Data Protection Act 2018, section 170: unlawful obtaining", "dpa-2018"},
		{"National Guardian's Office, How to speak up (Freedom to Speak Up)", "ngo-speak-up"},
		{"National Guardian\u2019s Office, How to speak up", "ngo-speak-up"},
		{"HCPC, Guidance on the use of social media, case study \"Farah\" (cyberbullying)", "hcpc-social-media"},
		{"HIPAA Privacy Rule, 45 CFR 164.514(b)(2)(i) Safe Harbor: names", "hipaa-privacy"},
		{"HIPAA Security Rule, 45 CFR 164.312(b) audit controls", "hipaa-security"},
		{"NCSBN, A Nurse's Guide to the Use of Social Media", "ncsbn-social-media"},
		{"NCSBN, White Paper: A Nurse's Guide to the Use of Social Media", "ncsbn-social-media"},
		{"Reported usage: slurs and hateful phrases", "reported-usage"},
		{"Andreassen CS et al., Development of a Facebook Addiction Scale, Psychological Reports 110(2):501-517", "andreassen2012"},
		{"Defamation Act 2013", "defamation-act-2013"},
		// not a match: a longer word, a bare publisher, nothing
		{"UK GDPRs", ""},
		{"GMC", ""},
		{"HIPAA Privacy Ruleset", ""},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.document, func(t *testing.T) {
			s, ok := sources.Lookup(tt.document)
			if ok != (tt.want != "") || s.ID != tt.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tt.document, s.ID, ok, tt.want)
			}
		})
	}
}

func TestAllAndByID(t *testing.T) {
	all := sources.All()
	if len(all) < 40 {
		t.Fatalf("All() has %d sources, want at least 40", len(all))
	}
	for _, s := range all {
		got, ok := sources.ByID(s.ID)
		if !ok || got.Title != s.Title {
			t.Errorf("ByID(%q) = %q, %v", s.ID, got.Title, ok)
		}
		if got, ok := sources.Lookup(s.Title); !ok || got.ID != s.ID {
			t.Errorf("Lookup(title of %s) = %q, %v", s.ID, got.ID, ok)
		}
	}
	// All returns a copy
	all[0].Title = "changed"
	if sources.All()[0].Title == "changed" {
		t.Error("All() exposes the package's slice")
	}
	if _, ok := sources.ByID("no-such-source"); ok {
		t.Error("ByID found an unknown id")
	}
}

// TestRequiredSources checks the documents the project's guidance names are
// all listed.
func TestRequiredSources(t *testing.T) {
	for _, id := range []string{
		"gmc-social-media-2024", "gmc-gmp-2024", "nmc-social-media", "nmc-code", "hcpc-social-media",
		"hcpc-scpe", "bma-social-media-2011", "rcgp-highway-code", "gphc-online", "gdc-social-media",
		"uk-gdpr", "dpa-2018", "defamation-act-2013", "ngo-speak-up", "ftsu-policy", "hipaa-privacy",
		"ncsbn-social-media", "ana-principles", "ama-232", "ahpra-social-media", "andreassen2012",
		"fox2003", "sun2022",
	} {
		if _, ok := sources.ByID(id); !ok {
			t.Errorf("source %s is missing", id)
		}
	}
}

func TestParseRejects(t *testing.T) {
	const ok = "  - id: a\n    title: A\n    publisher: P\n    locale: uk\n    kind: law\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown field", "sources:\n" + ok + "    colour: red\n", "colour"},
		{"duplicate id", "sources:\n" + ok + ok, "duplicate id"},
		{"bad locale", "sources:\n" + strings.Replace(ok, "uk", "mars", 1), "locale"},
		{"bad kind", "sources:\n" + strings.Replace(ok, "law", "rumour", 1), "kind"},
		{"bad id", "sources:\n" + strings.Replace(ok, "id: a", "id: A B", 1), "id must"},
		{"no title", "sources:\n" + strings.Replace(ok, "title: A", "title: ''", 1), "no title"},
		{"duplicate title", "sources:\n" + ok + strings.Replace(ok, "id: a", "id: b", 1), "also source a"},
		{"bad url", "sources:\n" + ok + "    url: ftp://x\n", "url"},
		{"empty", "sources: []\n", "no sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sources.Parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := sources.Parse([]byte("sources:\n" + ok)); err != nil {
		t.Errorf("a good list: %v", err)
	}
}
