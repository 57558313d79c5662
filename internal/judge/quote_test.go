package judge

import (
	"strconv"
	"testing"
)

// TestAppendQuote checks the fast path of appendQuote against strconv.
func TestAppendQuote(t *testing.T) {
	for _, s := range []string{
		"", "Mrs Pickering", "bed 7", "84yo", `say "hi"`, `back\slash`, "tab\there",
		"new\nline", "café", "😩 emoji", "\x7f", "~{}|", "ü", "\xff invalid",
	} {
		want := strconv.AppendQuote([]byte("x"), s)
		if got := appendQuote([]byte("x"), s); string(got) != string(want) {
			t.Errorf("appendQuote(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestHashKeeps checks the byte table of hashFolded against the tests it
// replaces.
func TestHashKeeps(t *testing.T) {
	for c := range 256 {
		want := c >= 0x80 || 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		if hashKeeps[c] != want {
			t.Errorf("hashKeeps[%#x] = %v, want %v", c, hashKeeps[c], want)
		}
	}
}
