package judge

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/text"
)

// nextToConfig defines a signal whose only feature is an organisation that a
// next_to phrase touches, and a rule that fires on it.
const nextToConfig = `signals:
  - id: works_at_org
    threshold: 1
    features:
      - entities: [ORGANIZATION]
        next_to: ["shift at", "{management|hr} ~ told us"]
rules:
  - id: ORG-901
    title: Organisation the author works at
    category: WORKPLACE_CONCERN
    severity: medium
    kind: condition
    condition: {all: [works_at_org]}
    message: m
    fix: f
    cite: [gmc-sm-2024-20]
    examples: {trigger: [a], quiet: [b]}
`

// TestEntityNextTo checks when a next_to phrase touches an entity: right
// before or after it (spaces only between, or a possessive 's after it) or
// overlapping it, and not across another word, a line break or elsewhere in
// the post; entities of other types never count. The entities are given by
// hand, so that only the judge is tested.
func TestEntityNextTo(t *testing.T) {
	lib, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := rules.ParseConfig("org.yaml", []byte(nextToConfig))
	if err != nil {
		t.Fatal(err)
	}
	set, err := lib.Compile([]string{"core"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	j := New(set, nil, Options{})
	tests := []struct {
		post, entity string
		typ          result.Type
		want         bool
	}{
		{"a long shift at Tesco today", "Tesco", result.Organization, true},
		{"a long shift at  Tesco today", "Tesco", result.Organization, true},
		{"Tesco management told us nothing", "Tesco", result.Organization, true},
		{"Tesco's management told us nothing", "Tesco", result.Organization, true},
		{"Tesco's management told us nothing", "Tesco's", result.Organization, true},
		{"Tesco HR just told us to stay late", "Tesco", result.Organization, true},
		{"a long shift at Tesco today", "at Tesco", result.Organization, true},
		{"a long shift at the big Tesco today", "Tesco", result.Organization, false},
		{"a long shift at\nTesco today", "Tesco", result.Organization, false},
		{"Tesco, management told us nothing", "Tesco", result.Organization, false},
		{"my Tesco review: the shift at work was long", "Tesco", result.Organization, false},
		{"a long shift at Tesco today", "Tesco", result.City, false},
	}
	for _, tt := range tests {
		doc, err := text.New(tt.post)
		if err != nil {
			t.Fatal(err)
		}
		start := strings.Index(tt.post, tt.entity)
		ents := []result.Entity{{Start: start, End: start + len(tt.entity), Text: tt.entity, Type: tt.typ, Confidence: 0.7}}
		if got := hasRule(j.Judge(doc, ents), "ORG-901"); got != tt.want {
			t.Errorf("%q with %s %q: fired %v, want %v", tt.post, tt.typ, tt.entity, got, tt.want)
		}
	}
}

// TestNextToNeedsEntities checks that next_to is refused on a feature that
// does not look at entities.
func TestNextToNeedsEntities(t *testing.T) {
	lib, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(nextToConfig, "entities: [ORGANIZATION]", `phrases: ["tesco"]`, 1)
	cfg, err := rules.ParseConfig("org.yaml", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Compile([]string{"core"}, cfg); err == nil || !strings.Contains(err.Error(), "next_to narrows an entities feature") {
		t.Errorf("next_to on a phrases feature: got %v", err)
	}
}
