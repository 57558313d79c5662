package yamldoc

import (
	"errors"
	"strings"
	"testing"
)

type doc struct {
	Name  string `yaml:"name"`
	Items []struct {
		ID   string `yaml:"id"`
		Size int    `yaml:"size"`
	} `yaml:"items"`
}

func TestDecode(t *testing.T) {
	lim := Limits{MaxBytes: 200, MaxDepth: 4}
	tests := []struct {
		name, in, err string
	}{
		{"ok", "name: a\nitems:\n  - {id: x, size: 2}\n", ""},
		{"empty", "", "d.yaml: file is empty"},
		{"too large", "name: " + strings.Repeat("a", 300), "more than the 200 allowed"},
		{"deep flow", "name: " + strings.Repeat("[", 20), "nesting is deeper than 4 levels"},
		{"deep block", "items:\n  - id:\n      a:\n        b:\n          c: 1\n", "nesting is deeper than 4 levels"},
		{"alias", "name: &n a\nitems:\n  - id: *n\n", "d.yaml:1: YAML anchors and aliases are not allowed"},
		{"two documents", "name: a\n---\nname: b\n", "more than one YAML document"},
		{"unknown field", "name: a\nitems:\n  - {id: x, sise: 2}\n", `d.yaml:3: field "sise" is unknown here (did you mean "size"?)`},
		{"twice", "name: a\nname: b\n", `d.yaml:2: field "name" appears twice`},
		{"wrong type", "name: a\nitems:\n  - {id: x, size: big}\n", "d.yaml:3: cannot unmarshal"},
		{"bad syntax", "name: [a\n", "d.yaml:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			_, err := Decode("d.yaml", []byte(tc.in), &d, lim)
			if tc.err == "" {
				if err != nil || d.Name != "a" || len(d.Items) != 1 || d.Items[0].Size != 2 {
					t.Fatalf("got %+v, %v", d, err)
				}
				return
			}
			var e *Error
			if err == nil || !errors.As(err, &e) || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err = %v, want an *Error containing %q", err, tc.err)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	known := []string{"citations", "signals", "rules", "Zoë"}
	for in, want := range map[string]string{
		"citation": ` (did you mean "citations"?)`,
		"RULES":    ` (did you mean "rules"?)`,
		"zoe":      ` (did you mean "Zoë"?)`,
		"banana":   "",
	} {
		if got := DidYouMean(in, known); got != want {
			t.Errorf("DidYouMean(%q) = %q, want %q", in, got, want)
		}
	}
	if d := Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance = %d, want 3", d)
	}
}
