package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodConfig = `organisation: St Elsewhere NHS Trust
terms:
  wards: [Nightingale Ward, Ward 7B]
  places: [Little Snoring]
allow: [St Elsewhere Hospital]
rules:
  - id: ORG-001
    title: Naming the ward round list
    category: CONFIDENTIALITY
    severity: high
    kind: lexicon
    phrases: ["ward round list"]
    message: Do not post the ward round list.
    fix: Remove it.
    cite: [gmc-sm-2024-20]
    examples:
      trigger: ["here is the ward round list"]
      quiet: ["ward round was long"]
`

func compileConfig(t *testing.T, yaml string) error {
	t.Helper()
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := ParseConfig("org.yaml", []byte(yaml))
	if err != nil {
		return err
	}
	_, err = lib.Compile([]string{"core"}, cfg)
	return err
}

func TestConfigAccepted(t *testing.T) {
	if err := compileConfig(t, goodConfig); err != nil {
		t.Fatal(err)
	}
}

// TestConfigRefused checks that malformed and hostile configs are refused with
// the file, the line and the reason.
func TestConfigRefused(t *testing.T) {
	rule := func(body string) string {
		return "rules:\n  - id: ORG-001\n    title: t\n    category: CONFIDENTIALITY\n    severity: high\n" + body +
			"    message: m\n    fix: f\n    cite: [gmc-sm-2024-20]\n    examples: {trigger: [a], quiet: [b]}\n"
	}
	tests := []struct {
		name, yaml, want string
	}{
		{"bad yaml", "rules: [\n  - id: x\n", "org.yaml:"},
		{"tab indentation", "rules:\n\t- id: x\n", "org.yaml:2"},
		{"unknown field", "organisation: x\ncolour: red\n", `org.yaml:2: field "colour" is unknown here`},
		{"unknown kind", rule("    kind: regexx\n"), `unknown kind "regexx"`},
		{"kind without its field", rule("    kind: pattern\n    keywords: [a]\n"), "kind pattern needs patterns"},
		{"catastrophic regex", rule("    kind: pattern\n    keywords: [a]\n    patterns: ['(a+)+$']\n"), "catastrophic"},
		{"huge counted repeat", rule("    kind: pattern\n    keywords: [a]\n    patterns: ['((a{100}){100}){100}']\n"), "pattern"},
		{"invalid regex", rule("    kind: pattern\n    keywords: [a]\n    patterns: ['(unclosed']\n"), "missing closing )"},
		{"bad phrase", rule("    kind: lexicon\n    phrases: ['~ start']\n"), "must start with a word"},
		{"unknown category", rule("")[0:0] + strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "CONFIDENTIALITY", "CONFIDENTALITY", 1), `did you mean "CONFIDENTIALITY"`},
		{"unknown signal", rule("    kind: lexicon\n    phrases: [x]\n    when: [patients]\n"), `unknown signal "patients" (did you mean "patient"?)`},
		{"unknown citation", strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "gmc-sm-2024-20", "nope", 1), `unknown citation "nope"`},
		{"duplicate rule id", rule("    kind: lexicon\n    phrases: [x]\n") + strings.TrimPrefix(rule("    kind: lexicon\n    phrases: [x]\n"), "rules:\n"), "defined twice"},
		{"core rule id reused", strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "ORG-001", "CONF-001", 1), "defined twice"},
		{"bad id", strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "ORG-001", "org one", 1), "must look like"},
		{"no examples", strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "examples: {trigger: [a], quiet: [b]}", "examples: {trigger: [a]}", 1), "needs examples"},
		{"aliases", "a: &x [1, 2]\nb: *x\n", "aliases are not allowed"},
		{"billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n", "org.yaml"},
		{"deep nesting", "rules: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n", "nesting"},
		{"deep block nesting", deepBlock(40), "nesting"},
		{"two documents", "organisation: a\n---\norganisation: b\n", "more than one YAML document"},
		{"empty", "", "empty"},
		{"placeholder", strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "message: m", "message: '{nope}'", 1), "unknown placeholder"},
		{"unknown entity type", rule("    kind: entity\n    entities: {types: [NAME_PATIEN]}\n"), `did you mean "NAME_PATIENT"`},
		// model rules: core has one, and its category comes from the model
		{"second model rule", strings.Replace(rule("    kind: model\n    model: {when_any: [patient]}\n"), "    category: CONFIDENTIALITY\n", "", 1), "one model rule at most, and MODEL-001 is one"},
		{"model rule with a category", rule("    kind: model\n    model: {when_any: [patient]}\n"), "leave category out"},
		{"model placeholder elsewhere", strings.Replace(rule("    kind: lexicon\n    phrases: [x]\n"), "message: m", "message: '{words}'", 1), "placeholder {words} belongs to model rules"},
	}
	for _, tt := range tests {
		err := compileConfig(t, tt.yaml)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not say %q", tt.name, err, tt.want)
		}
		if !strings.HasPrefix(err.Error(), "org.yaml") {
			t.Errorf("%s: error %q does not name the file", tt.name, err)
		}
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	b.WriteString("organisation:\n")
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return b.String()
}

func TestLoadConfigTooLarge(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // a sparse 100 MB file
		t.Fatal(err)
	}
	f.Close()
	_, err = LoadConfig(name)
	if err == nil || !strings.Contains(err.Error(), "more than the") {
		t.Fatalf("100 MB config: %v", err)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(goodConfig))
	f.Add([]byte("a: &a [x]\nb: *a\n"))
	f.Add([]byte("rules: [[[[{]]]]"))
	lib, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig("fuzz.yaml", data)
		if err != nil {
			return
		}
		_, _ = lib.Compile([]string{"core"}, cfg)
	})
}
