package rules

import "testing"

// BenchmarkCompile measures compiling every embedded pack (as scrubs.New
// does for the zero profile) from an already loaded Library: the rule
// checks and, mostly, the phrase set of some 3,500 patterns, which is part
// of the cold start of every run of the CLI.
func BenchmarkCompile(b *testing.B) {
	lib, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	packs, err := lib.Select(Profile{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lib.Compile(packs, nil); err != nil {
			b.Fatal(err)
		}
	}
}
