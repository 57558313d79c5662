package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/text"
)

// compileBoth compiles packs and cfg with the phrase pipeline and with every
// phrase compiled inline (the reference).
func compileBoth(t *testing.T, lib *Library, packs []string, cfg *Config) (piped, inline *Set, pipedErr, inlineErr error) {
	t.Helper()
	piped, pipedErr = lib.Compile(packs, cfg)
	compileInline = true
	defer func() { compileInline = false }()
	inline, inlineErr = lib.Compile(packs, cfg)
	return piped, inline, pipedErr, inlineErr
}

// TestPhrasePipeline checks that the packs compiled with their phrases
// compiled on a second goroutine give the phrase set compiled inline: the
// same patterns and owners by id, and the same matches on a table of posts.
func TestPhrasePipeline(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := ParseConfig("org.yaml", []byte(goodConfig))
	if err != nil {
		t.Fatal(err)
	}
	posts := []string{
		"Another bed-blocker on ward 9 tonight, the frequent flyer in bay 4 is back",
		"Mrs Jones in bed 12 had a fall, her daughter was lovely. #NightShift",
		"here is the ward round list from Nightingale Ward",
		"Had a lady in resus tonight, so sad. Drunk again, typical.",
		"Ask your GP about ibuprofen dosage; I'm a nurse at St Elsewhere Hospital.",
	}
	for _, packs := range [][]string{lib.Order, {"core"}} {
		for _, c := range []*Config{nil, cfg} {
			piped, inline, perr, ierr := compileBoth(t, lib, packs, c)
			if perr != nil || ierr != nil {
				t.Fatalf("%v: %v, %v", packs, perr, ierr)
			}
			n := piped.Phrases.Len()
			if n < 10 || n != inline.Phrases.Len() || !slices.Equal(piped.Owners, inline.Owners) || len(piped.Owners) != n {
				t.Fatalf("%v: %d patterns and %d owners, inline %d and %d", packs, n, len(piped.Owners), inline.Phrases.Len(), len(inline.Owners))
			}
			for i := range n {
				if got, want := piped.Phrases.Pattern(i).String(), inline.Phrases.Pattern(i).String(); got != want {
					t.Fatalf("%v: pattern %d is %q, inline %q", packs, i, got, want)
				}
			}
			matched := 0
			for _, post := range posts {
				doc, err := text.New(post)
				if err != nil {
					t.Fatal(err)
				}
				v := phrase.NewView(doc)
				got, want := piped.Phrases.Find(v, nil), inline.Phrases.Find(v, nil)
				if !slices.Equal(got, want) {
					t.Errorf("%v %q: matches %v, inline %v", packs, post, got, want)
				}
				matched += len(got)
			}
			if matched == 0 {
				t.Errorf("%v: no post matched: the table tests nothing", packs)
			}
		}
	}
}

// TestPhraseErrorOrder checks that Compile returns the error it met first,
// as when every phrase was compiled inline: a phrase's error before a later
// rule's, a rule's before a later phrase's, also past the first batches.
func TestPhraseErrorOrder(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	rule := func(id, category string, phrases ...string) string {
		return "  - id: " + id + "\n    title: t\n    category: " + category + "\n    severity: high\n    kind: lexicon\n" +
			"    phrases: ['" + strings.Join(phrases, "', '") + "']\n" +
			"    message: m\n    fix: f\n    cite: [gmc-sm-2024-20]\n    examples: {trigger: [a], quiet: [b]}\n"
	}
	many := make([]string, 3*phraseBatch)
	for i := range many {
		many[i] = fmt.Sprintf("word%d", i)
	}
	late := slices.Clone(many)
	late[len(late)-10] = "~ late"
	tests := []struct {
		name, rules, want string
	}{
		{"phrase then rule", rule("ORG-001", "CONFIDENTIALITY", "x", "~ start") + rule("ORG-002", "NOPE", "y"),
			`org.yaml:2: rule ORG-001: pattern "~ start" must start with a word`},
		{"rule then phrase", rule("ORG-001", "NOPE", "x") + rule("ORG-002", "CONFIDENTIALITY", "~ start"),
			`org.yaml:2: rule ORG-001: unknown category "NOPE"`},
		{"late phrase then rule", rule("ORG-001", "CONFIDENTIALITY", late...) + rule("ORG-002", "NOPE", "y"),
			`org.yaml:2: rule ORG-001: pattern "~ late" must start with a word`},
		{"two bad phrases", rule("ORG-001", "CONFIDENTIALITY", many...) + rule("ORG-002", "CONFIDENTIALITY", "{open", "~ start"),
			`rule ORG-002: pattern "{open" opens { without a closing }`},
		{"rule after many", rule("ORG-001", "CONFIDENTIALITY", many...) + rule("ORG-002", "NOPE", "y"),
			`rule ORG-002: unknown category "NOPE"`},
	}
	for _, tt := range tests {
		cfg, err := ParseConfig("org.yaml", []byte("rules:\n"+tt.rules))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		_, _, perr, ierr := compileBoth(t, lib, []string{"core"}, cfg)
		if perr == nil || ierr == nil || perr.Error() != ierr.Error() {
			t.Errorf("%s: error %v, inline %v", tt.name, perr, ierr)
			continue
		}
		if !strings.Contains(perr.Error(), tt.want) {
			t.Errorf("%s: error %q does not say %q", tt.name, perr, tt.want)
		}
	}
}

// TestModelRuleChecks compiles model rules of a pack of their own (the core
// pack's model rule left out) and checks what the validator refuses.
func TestModelRuleChecks(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	core := lib.Packs["core"]
	var rest []Rule
	for _, r := range core.Rules {
		if r.Kind != "model" {
			rest = append(rest, r)
		}
	}
	good := Rule{ID: "MODEL-009", Title: "t", Severity: "medium", Kind: "model", Message: "reads like {category}: {words}", Fix: "f", Cite: []string{"nmc-sm"},
		Model:    &ModelSpec{WhenAny: []string{"patient", "at_work"}, Fixes: map[string]string{"CONFIDENTIALITY": "leave out who"}},
		Examples: Examples{Trigger: []string{"a"}, Quiet: []string{"b"}}}
	tests := []struct {
		name string
		edit func(r *Rule)
		want string // "" when the rule compiles
	}{
		{"good", func(r *Rule) {}, ""},
		{"no signals", func(r *Rule) { r.Model = &ModelSpec{} }, "when_any needs the signals"},
		{"unknown signal", func(r *Rule) { r.Model = &ModelSpec{WhenAny: []string{"patients"}} }, `unknown signal "patients"`},
		{"unknown category", func(r *Rule) {
			r.Model = &ModelSpec{WhenAny: []string{"patient"}, Fixes: map[string]string{"CONFIDENTALITY": "x"}}
		}, `did you mean "CONFIDENTIALITY"`},
		{"empty fix", func(r *Rule) {
			r.Model = &ModelSpec{WhenAny: []string{"patient"}, Fixes: map[string]string{"BOUNDARY": " "}}
		}, "empty fix for BOUNDARY"},
		{"when instead", func(r *Rule) { r.When = []string{"patient"} }, "not when or unless"},
		{"no model block", func(r *Rule) { r.Model = nil }, "kind model needs model"},
		{"model block on a lexicon rule", func(r *Rule) { r.Kind = "lexicon"; r.Category = "CONDUCT"; r.Phrases = []string{"x"}; r.Message = "m" }, "kind lexicon does not take model"},
	}
	for _, tt := range tests {
		r := good
		tt.edit(&r)
		saved := core.Rules
		core.Rules = append(append([]Rule(nil), rest...), r)
		set, err := lib.Compile([]string{"core"}, nil)
		core.Rules = saved
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want == "" && (set.ModelRule() == nil || set.ModelRule().ID != "MODEL-009" || len(set.ModelRule().ModelWhen) != 2):
			t.Errorf("%s: model rule not compiled: %+v", tt.name, set.ModelRule())
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
