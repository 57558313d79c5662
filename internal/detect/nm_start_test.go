package detect

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestNmAnyStartMask checks that the words nmMayStartTok passes over are ones anyStartAt
// refuses, and that anyStart, which looks only at the others, agrees with a loop over
// every word, on the shortcut texts, in their three cases and past 64 tokens.
func TestNmAnyStartMask(t *testing.T) {
	var texts []string
	for _, x := range nmShortcutTexts(t) {
		texts = append(texts, x, strings.ToLower(x), strings.ToUpper(x),
			strings.Repeat("the ward was busy and we were short. ", 12)+x)
	}
	for _, x := range texts {
		d := nmDoc(t, x)
		s := new(nmState)
		s.reset(d)
		s.scanTokens()
		want := false
		for i := range s.toks {
			if d.Tokens[i].Kind != text.Word {
				continue
			}
			at := s.anyStartAt(i)
			want = want || at
			if at && !nmMayStartTok(&s.toks[i], s.caseless) {
				t.Fatalf("%q: nmMayStartTok passes over token %d, which may start a chain", x, i)
			}
		}
		if got := s.anyStart(); got != want {
			t.Errorf("%q: anyStart = %v, want %v", x, got, want)
		}
	}
}
