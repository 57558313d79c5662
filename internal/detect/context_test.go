package detect

import (
	"math/rand"
	"testing"
)

// TestWordTableMatchesMap checks wordTable against the map it is built from:
// every word of the map gets its value, and words near them (cut, grown,
// one byte changed) and random words get what the map gives, on tables of
// every size from empty to a few hundred words.
func TestWordTableMatchesMap(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	alphabet := "abcdefghijklmnopqrstuvwxyz'#./-0123456789"
	word := func() string {
		b := make([]byte, 1+r.Intn(12))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(b)
	}
	for _, size := range []int{0, 1, 2, 7, 8, 9, 31, 64, 100, 257, 400} {
		m := map[string]int{}
		for len(m) < size {
			m[word()] = r.Intn(1000) + 1
		}
		tab := newWordTable(m)
		probe := func(w string) {
			want, wantOK := m[w]
			if got, ok := tab.get(w); got != want || ok != wantOK {
				t.Fatalf("size %d: get(%q) = %d, %v; want %d, %v", size, w, got, ok, want, wantOK)
			}
			if tab.has(w) != wantOK || tab.at(w) != want {
				t.Fatalf("size %d: has/at(%q) disagree with the map", size, w)
			}
		}
		probe("")
		for w := range m {
			probe(w)
			probe(w[:len(w)-1])
			probe(w + "s")
			b := []byte(w)
			b[r.Intn(len(b))] = alphabet[r.Intn(len(alphabet))]
			probe(string(b))
		}
		for k := 0; k < 2000; k++ {
			probe(word())
		}
	}
}

// TestWordSetsHaveTheirWords checks that each converted word set finds the
// words it was written with (wordSetOf keeps them all).
func TestWordSetsHaveTheirWords(t *testing.T) {
	set := wordSetOf("on", "at", "d.o.b", "w/c", "@", "~", "weeks'")
	for _, w := range []string{"on", "at", "d.o.b", "w/c", "@", "~", "weeks'"} {
		if !set.has(w) {
			t.Errorf("wordSetOf lost %q", w)
		}
	}
	for _, w := range []string{"", "o", "ons", "week", "d.o.", "a"} {
		if set.has(w) {
			t.Errorf("wordSetOf has %q", w)
		}
	}
}
