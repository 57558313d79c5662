package detect

import "testing"

// TestDtKeywordAgreesWithMap checks the filter in front of dtWords: every
// keyword passes it, and words that are not keywords get no keyword.
func TestDtKeywordAgreesWithMap(t *testing.T) {
	for w, want := range dtWordMap {
		if len(w) < 2 || len(w) > 16 {
			continue
		}
		if got, ok := dtKeyword(w); !ok || got != want {
			t.Errorf("dtKeyword(%q) = %v, %v; want %v, true", w, got, ok, want)
		}
	}
	for _, w := range []string{"", "a", "the", "nurse", "shift", "mondays", "janu", "twentyfirstcentury!", "ward"} {
		_, inMap := dtWordMap[w]
		if _, ok := dtKeyword(w); ok != (inMap && len(w) >= 2 && len(w) <= 16) {
			t.Errorf("dtKeyword(%q) ok = %v, want %v", w, ok, inMap)
		}
	}
}

// TestDtFirstFilterHoldsPossessives checks that dtScan.run's first test, made
// on the word as written, lets every keyword and its possessive through.
func TestDtFirstFilterHoldsPossessives(t *testing.T) {
	for w := range dtWordMap {
		for _, v := range []string{w, w + "'s"} {
			if n := len(v); n >= 2 && n <= 16 && dtMayBeWord[0][n][v[0]&31]&(1<<(v[n-1]&63)) == 0 {
				t.Errorf("%q fails the first filter", v)
			}
		}
	}
}
