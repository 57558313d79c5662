package rules

import (
	"strings"
	"testing"
)

func TestEmbeddedPacksCompile(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	set, err := lib.Compile(lib.Order, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) == 0 || len(set.Signals) == 0 {
		t.Fatalf("compiled %d rules and %d signals", len(set.Rules), len(set.Signals))
	}
	for _, r := range set.Rules {
		if len(r.Citations) == 0 || r.Fix == "" || r.Message == "" {
			t.Errorf("rule %s lacks a citation, message or fix", r.ID)
		}
	}
}

func TestSelect(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	got, err := lib.Select(Profile{})
	if err != nil || len(got) != len(lib.Order) || got[0] != "core" {
		t.Errorf("Select(all) = %v, %v", got, err)
	}
	if _, err := lib.Select(Profile{Packs: []string{"uk-gcm"}}); err == nil {
		t.Error("unknown pack accepted")
	}
	if _, err := lib.Select(Profile{Locale: "fr"}); err == nil || !strings.Contains(err.Error(), "locale") {
		t.Errorf("unknown locale: %v", err)
	}
}
