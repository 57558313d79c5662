package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestIdentifiersInEngine checks the family is wired into the engine and its
// entities come back in original-text offsets.
func TestIdentifiersInEngine(t *testing.T) {
	in := "Pt\u00a0NHS no ９４３ ４７６ ５９１９, call 07700 900123"
	doc, err := text.New(in)
	if err != nil {
		t.Fatal(err)
	}
	got := map[result.Type]string{}
	for _, e := range New(Options{}).Detect(doc) {
		got[e.Type] = e.Text
		if in[e.Start:e.End] != e.Text {
			t.Errorf("entity text %q does not match original span", e.Text)
		}
	}
	if got[result.NHSNumber] != "９４３ ４７６ ５９１９" || got[result.Phone] != "07700 900123" {
		t.Errorf("engine entities: %v", got)
	}
}
