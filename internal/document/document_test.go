package document

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/document/doctest"
)

const sample = `# Social media policy

## 1 Purpose

This policy sets out how staff use social media & messaging apps.

## 2 Confidentiality

- Never post information about patients.
- Photos of patients need consent.

---page---
# Annex

Review date: March 2027.
`

// requirePDFTool skips without pdftotext unless SCRUBS_REQUIRE_TOOLS=1.
func requirePDFTool(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext is required (install poppler-utils)")
		}
		t.Skip("pdftotext not installed (poppler-utils)")
	}
}

func TestFormats(t *testing.T) {
	blocks := doctest.Parse(sample)
	tests := []struct {
		name   string
		data   []byte
		format Format
		pages  int
		pdf    bool
	}{
		{"policy.docx", doctest.DOCX(blocks), DOCX, 2, false},
		{"policy.odt", doctest.ODT(blocks), ODT, 0, false},
		{"policy.html", doctest.HTML("Policy", blocks), HTML, 0, false},
		{"policy.md", doctest.Markdown(blocks), Markdown, 0, false},
		{"policy.txt", []byte(strings.ReplaceAll(strings.ReplaceAll(sample, "---page---", "\f"), "#", "")), Text, 2, false},
		{"policy.pdf", doctest.PDF(blocks, doctest.PDFOptions{}), PDF, 2, true},
		{"no-extension", doctest.DOCX(blocks), DOCX, 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.pdf {
				requirePDFTool(t)
			}
			doc, err := Read(context.Background(), tc.name, tc.data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tc.format {
				t.Errorf("format %s, want %s", doc.Format, tc.format)
			}
			if doc.Pages != tc.pages {
				t.Errorf("pages %d, want %d", doc.Pages, tc.pages)
			}
			var photo *Paragraph
			for i, p := range doc.Paragraphs {
				if strings.Contains(p.Text, "Photos of patients need consent.") {
					photo = &doc.Paragraphs[i]
				}
				if p.Index != i+1 {
					t.Errorf("paragraph %d has index %d", i+1, p.Index)
				}
			}
			if photo == nil {
				t.Fatalf("paragraph not found in %+v", doc.Paragraphs)
			}
			if got := strings.Join(photo.Headings, " > "); !strings.HasSuffix(got, "2 Confidentiality") {
				t.Errorf("heading path %q, want … > 2 Confidentiality", got)
			}
			if tc.pages > 0 && photo.Page != 1 {
				t.Errorf("page %d, want 1", photo.Page)
			}
			last := doc.Paragraphs[len(doc.Paragraphs)-1]
			if !strings.Contains(last.Text, "Review date") || (tc.pages > 0 && last.Page != 2) {
				t.Errorf("last paragraph %+v", last)
			}
		})
	}
}

func TestHTMLDetails(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`<p>a &amp; b<br>c</p><script>x="<p>no</p>"</script><p>d</p>`, []string{"a & b c", "d"}},
		{`<h1>T</h1><ul><li>one</li><li>two <b>bold</b></li></ul>`, []string{"T", "one", "two bold"}},
		{`<!-- hidden <p>no</p> --><div>x < y</div>`, []string{"x < y"}},
		{`<head><title>no</title></head><body>text`, []string{"text"}},
		{`<p>unclosed <b`, []string{"unclosed <b"}},
	}
	for _, tc := range tests {
		doc, err := Read(context.Background(), "x.html", []byte(tc.in), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range doc.Paragraphs {
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	blocks := doctest.Parse(sample)
	good := doctest.PDF(blocks, doctest.PDFOptions{})
	deep := "<w:document xmlns:w=\"x\"><w:body>" + strings.Repeat("<w:p>", 1000) + strings.Repeat("</w:p>", 1000) + "</w:body></w:document>"
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
		pdf  bool
	}{
		{"corrupt.pdf", append([]byte("%PDF-1.4\n"), []byte(strings.Repeat("garbage ", 100))...), Limits{}, ErrFormat, true},
		{"truncated.pdf", good[:len(good)/3], Limits{}, ErrFormat, true},
		{"notpdf.pdf", []byte("hello"), Limits{}, ErrFormat, false},
		{"encrypted.pdf", doctest.PDF(blocks, doctest.PDFOptions{UserPassword: "secret"}), Limits{}, ErrEncrypted, true},
		{"bomb.docx", doctest.ZipBomb(20<<20, false), Limits{}, ErrLimit, false},
		{"lying-bomb.docx", doctest.ZipBomb(20<<20, true), Limits{}, ErrFormat, false},
		{"deep.docx", doctest.Zip([2]string{"word/document.xml", deep}), Limits{}, ErrLimit, false},
		{"tokens.docx", doctest.DOCX(blocks), Limits{MaxXMLTokens: 20}, ErrLimit, false},
		{"broken-xml.docx", doctest.Zip([2]string{"word/document.xml", "<w:document><w:p>"}), Limits{}, ErrFormat, false},
		{"nodoc.docx", doctest.Zip([2]string{"other.xml", "<a/>"}), Limits{}, ErrFormat, false},
		{"notzip.odt", []byte("PK\x03\x04 nonsense"), Limits{}, ErrFormat, false},
		{"big.txt", []byte(strings.Repeat("x", 2000)), Limits{MaxFileBytes: 1000}, ErrLimit, false},
		{"manypages.pdf", good, Limits{MaxPages: 1}, ErrLimit, true},
		{"paras.md", []byte(strings.Repeat("para\n\n", 50)), Limits{MaxParagraphs: 10}, ErrLimit, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.pdf {
				requirePDFTool(t)
			}
			start := time.Now()
			_, err := Read(context.Background(), tc.name, tc.data, tc.lim)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
			t.Logf("%s: %v", tc.name, err)
		})
	}
}

func TestNoPDFTool(t *testing.T) {
	_, err := Read(context.Background(), "x.pdf", doctest.PDF(doctest.Parse("hello"), doctest.PDFOptions{}), Limits{PDFTool: "no-such-pdftotext-here"})
	if !errors.Is(err, ErrNoPDFTool) || !strings.Contains(err.Error(), "install poppler-utils to read PDF") {
		t.Fatalf("error %v", err)
	}
}

// TestLargePDF reads a 500-page PDF and checks time and memory.
func TestLargePDF(t *testing.T) {
	requirePDFTool(t)
	var src strings.Builder
	for p := 1; p <= 500; p++ {
		if p > 1 {
			src.WriteString("---page---\n")
		}
		for k := 0; k < 6; k++ {
			// Vary the words page by page (digits would be ignored), so that
			// the running-header filter sees body text, not a repeated line.
			tag := string(rune('a'+p%26)) + string(rune('a'+(p/26)%26)) + string(rune('a'+k))
			src.WriteString("Staff on ward " + tag + " must keep information about the people in their care confidential on every platform and in every message they send.\n\n")
		}
	}
	data := doctest.PDF(doctest.Parse(src.String()), doctest.PDFOptions{})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, err := Read(context.Background(), "big.pdf", data, Limits{})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if doc.Pages != 500 || len(doc.Paragraphs) < 3000 {
		t.Fatalf("pages %d paragraphs %d", doc.Pages, len(doc.Paragraphs))
	}
	alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
	t.Logf("500-page PDF (%d KiB): %d paragraphs in %s, %d MiB allocated", len(data)>>10, len(doc.Paragraphs), elapsed.Round(time.Millisecond), alloc)
	if elapsed > 10*time.Second {
		t.Errorf("took %s", elapsed)
	}
	if alloc > 200 {
		t.Errorf("allocated %d MiB", alloc)
	}
}

func TestPDFRunningLinesAndHyphens(t *testing.T) {
	requirePDFTool(t)
	var src strings.Builder
	for p := 1; p <= 4; p++ {
		if p > 1 {
			src.WriteString("---page---\n")
		}
		src.WriteString("Social Media Policy v2\n\n")
		// Pad the first line so that doctest.PDF's 90-column wrap breaks
		// right after "confiden-".
		line := []string{"Nurses", "Doctors", "Porters", "Students"}[p-1] + " must"
		for len(line)+len(" very")+len(" keep patient information confiden-") <= 90 {
			line += " very"
		}
		src.WriteString(line + " keep patient information confiden-\n\n")
		src.WriteString(fmt.Sprintf("Page %d of 4\n\n", p))
	}
	// doctest.PDF wraps paragraphs itself; write the hyphenated line pair as
	// one block so that pdftotext gives two lines.
	blocks := doctest.Parse(src.String())
	for i := range blocks {
		if strings.HasSuffix(blocks[i].Text, "confiden-") {
			blocks[i].Text += " tiality at all times, says section " + string(rune('A'+i)) + "."
		}
	}
	doc, err := Read(context.Background(), "x.pdf", doctest.PDF(blocks, doctest.PDFOptions{}), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Paragraphs {
		if strings.Contains(p.Text, "Page ") || strings.Contains(p.Text, "Policy v2") || len(p.Headings) > 0 {
			t.Errorf("running line kept: %+v", p)
		}
	}
	if len(doc.Paragraphs) != 4 {
		t.Errorf("%d paragraphs, want 4: %+v", len(doc.Paragraphs), doc.Paragraphs)
	}
	for _, p := range doc.Paragraphs {
		if !strings.Contains(p.Text, "confidentiality at all times, says section") {
			t.Errorf("hyphenated word not mended: %q", p.Text)
		}
	}
}

func TestJoinLines(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"keep confiden-", "tiality"}, "keep confidentiality"},
		{[]string{"self-", "Care"}, "self- Care"},
		{[]string{"one", "two"}, "one two"},
		{[]string{"e-", "learning"}, "e-learning"},
		{[]string{"work with co-", "workers"}, "work with co-workers"},
	}
	for _, tc := range tests {
		if got := joinLines(tc.in); got != tc.want {
			t.Errorf("joinLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
