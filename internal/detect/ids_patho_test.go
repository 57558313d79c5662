package detect

import (
	"strings"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestIdentifiersLinearTime guards against quadratic scans: each of these
// pathological inputs (100-250 KB) must take well under a second.
func TestIdentifiersLinearTime(t *testing.T) {
	ins := map[string]string{
		"www":    strings.Repeat("www.1.", 20000),
		"paren":  "http://x.com/" + strings.Repeat(")", 50000),
		"open":   strings.Repeat("(", 50000),
		"at":     strings.Repeat("a@", 50000),
		"digits": strings.Repeat("1 ", 50000),
		"dash":   strings.Repeat("1-", 50000),
		"colon":  strings.Repeat("1:", 50000),
		"hex":    strings.Repeat("a:", 50000),
		"dots":   strings.Repeat("a.", 50000),
		"plus":   strings.Repeat("+1", 50000),
		"ment":   strings.Repeat("@a.", 50000),
		"nino":   strings.Repeat("AB 1 ", 50000),
		"mbi":    strings.Repeat("1A-", 50000),
		"iban":   "GB82 " + strings.Repeat("WEST ", 50000),
		"slash":  "a.com/" + strings.Repeat("a/", 50000),
		"http":   strings.Repeat("http://", 20000),
		"email":  strings.Repeat("a.", 50000) + "@" + strings.Repeat("b.", 50000),
	}
	for k, in := range ins {
		doc, _ := text.New(in)
		t0 := time.Now()
		n := len(idDetector{}.Detect(doc, nil))
		if d := time.Since(t0); d > 2*time.Second {
			t.Errorf("%s: %d bytes took %v (%d candidates)", k, len(in), d, n)
		}
	}
}
