package text

import (
	"strings"
	"testing"
)

// A released Doc with room for more than maxPooledTokens tokens is not kept for reuse.
func TestReleaseDropsHugeDocs(t *testing.T) {
	huge, err := New(strings.Repeat("a ", maxPooledTokens+10))
	if err != nil {
		t.Fatal(err)
	}
	if cap(huge.Tokens) <= maxPooledTokens {
		t.Fatalf("test text too small: %d tokens", cap(huge.Tokens))
	}
	huge.Release()
	for range 4 {
		d, err := New("Mrs Smith in bed 4")
		if err != nil {
			t.Fatal(err)
		}
		if cap(d.Tokens) > maxPooledTokens {
			t.Fatalf("New reused a Doc with room for %d tokens", cap(d.Tokens))
		}
		d.Release()
	}
}
