package phrase

import (
	"fmt"
	"testing"
)

// TestWordTable checks the table against a map, growing from empty, for
// hits and misses of words of every length up to 40 bytes.
func TestWordTable(t *testing.T) {
	tab := newWordTable(0)
	m := map[string]*wordEntry{}
	const letters = "abcdefghijklmnopqrstuvwxyzabcdefghijklmn"
	key := func(i int) string { return fmt.Sprintf("%.*s%d", i%37, letters, i%1000) }
	for i := range 3000 {
		w := key(i * 7)
		if m[w] != nil {
			continue
		}
		e := &wordEntry{id: int32(i)}
		tab.add(w, e)
		m[w] = e
	}
	if len(tab.items) != len(m) {
		t.Fatalf("%d items, want %d", len(tab.items), len(m))
	}
	for i := range 21000 {
		w := key(i)
		if got, want := tab.get(w), m[w]; got != want {
			t.Fatalf("get(%q) = %v, want %v", w, got, want)
		}
	}
	for _, w := range []string{"", "a", "ab", "abc", "abcd", "abcde0", "abcdefg", "abcdefgh", "abcdefghi",
		"abcdefghijklmnop", "abcdefghijklmnopq", "é", "ée"} {
		if got, want := tab.get(w), m[w]; got != want {
			t.Fatalf("get(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestKeyOf checks that words of up to 16 bytes have distinct keys.
func TestKeyOf(t *testing.T) {
	tests := []struct{ a, b string }{
		{"a", "b"}, {"ab", "ba"}, {"abc", "acb"}, {"abcd", "abce"}, {"abcdefgh", "abcdefgi"},
		{"abcdefghi", "abcdefghj"}, {"patients", "patient"}, {"", "a"}, {"abcdefghijklmnop", "abcdefghijklmnoq"},
		{"a\x00", "a"}, {"aaaaa", "aaaa"},
	}
	for _, tt := range tests {
		if keyOf(tt.a) == keyOf(tt.b) {
			t.Errorf("keyOf(%q) == keyOf(%q)", tt.a, tt.b)
		}
	}
}
