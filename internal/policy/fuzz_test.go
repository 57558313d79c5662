package policy

import (
	"context"
	"testing"

	"github.com/scrubshq/scrubs/internal/document"
)

// FuzzAudit audits arbitrary text: no panic, every point decided, every
// piece of evidence located in the document.
func FuzzAudit(f *testing.F) {
	f.Add("# P\n\nStaff must not:\n\n- post patient information online, even if not named.\n\nThis policy does not cover it. e.g. Dr. X. 3.2 Devices")
	f.Add("Never share photos of patients... on WhatsApp?! ~ {a|b} @online *")
	c, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := document.Read(context.Background(), "f.md", []byte(s), document.Limits{MaxFileBytes: 1 << 20})
		if err != nil {
			return
		}
		r := Audit(doc, c, Options{})
		if len(r.Points) != len(c.Points) {
			t.Fatalf("%d results for %d points", len(r.Points), len(c.Points))
		}
		for _, p := range r.Points {
			if p.Confidence < 0 || p.Confidence > 1 {
				t.Fatalf("%s: confidence %v", p.ID, p.Confidence)
			}
			for _, e := range p.Evidence {
				if e.Paragraph < 1 || e.Paragraph > len(doc.Paragraphs) {
					t.Fatalf("%s: evidence in paragraph %d of %d", p.ID, e.Paragraph, len(doc.Paragraphs))
				}
			}
		}
	})
}
