package document

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"math/rand"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/document/doctest"
)

// fuzzLimits keep each fuzz input cheap.
var fuzzLimits = Limits{MaxFileBytes: 1 << 20, MaxUncompressed: 4 << 20, MaxXMLTokens: 200_000, MaxParagraphs: 20_000}

// checkDoc asserts what every successful read promises.
func checkDoc(t *testing.T, doc *Document) {
	for i, p := range doc.Paragraphs {
		if p.Index != i+1 {
			t.Fatalf("paragraph %d has index %d", i+1, p.Index)
		}
		if p.Text == "" || !utf8.ValidString(p.Text) {
			t.Fatalf("paragraph %d: empty or invalid UTF-8 %q", i+1, p.Text)
		}
		if p.Page < 0 || p.Page > doc.Pages {
			t.Fatalf("paragraph %d on page %d of %d", i+1, p.Page, doc.Pages)
		}
	}
}

func fuzzFormat(f *testing.F, name string, seeds ...[]byte) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), name, data, fuzzLimits)
		if err != nil {
			return
		}
		checkDoc(t, doc)
	})
}

// fuzzPackage fuzzes a zip-based format two ways: the input as the whole
// package (raw), and the input as the XML member wrapped in a valid zip, so
// the mutations reach the XML reader instead of failing the zip checksum.
func fuzzPackage(f *testing.F, name, member string, pkg []byte, xmls ...string) {
	f.Add(pkg, true)
	for _, x := range xmls {
		f.Add([]byte(x), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, raw bool) {
		if !raw {
			data = doctest.ZipStored([2]string{member, string(data)})
		}
		doc, err := Read(context.Background(), name, data, fuzzLimits)
		if err != nil {
			return
		}
		checkDoc(t, doc)
	})
}

func FuzzDOCX(f *testing.F) {
	fuzzPackage(f, "f.docx", "word/document.xml", doctest.DOCX(doctest.Parse(sample)),
		`<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="Heading2"/><w:outlineLvl w:val="1"/><w:pageBreakBefore/></w:pPr><w:r><w:t>a</w:t><w:tab/><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>b &amp; c</w:t></w:r></w:p></w:body></w:document>`)
}

func FuzzODT(f *testing.F) {
	fuzzPackage(f, "f.odt", "content.xml", doctest.ODT(doctest.Parse(sample)),
		`<office:document-content xmlns:office="o" xmlns:text="t"><office:body><text:h text:outline-level="2">H</text:h><text:p>a<text:note><text:p>n</text:p></text:note><text:s text:c="3"/>b<text:tab/></text:p></office:body></office:document-content>`)
}

func FuzzHTML(f *testing.F) {
	fuzzFormat(f, "f.html", doctest.HTML("t", doctest.Parse(sample)), []byte(`<h2>x</h2><p>a<br>b &amp; <!-- c --><script>d</script></p><![CDATA[e]]><p`))
}

func FuzzMarkdown(f *testing.F) {
	fuzzFormat(f, "f.md", doctest.Markdown(doctest.Parse(sample)), []byte("Title\n=====\n\n* [a](b) **c**\n```\ncode\n```\n> q\n"))
}

func FuzzText(f *testing.F) {
	fuzzFormat(f, "f.txt", []byte("1. Purpose\n\nStaff must.\n\f2.3 Devices\n- item\n"))
}

// TestMutatedPackages is a deterministic complement to the fuzzers: it
// flips random bytes of DOCX and ODT packages and of their XML, and checks
// every read ends quickly (error or document) without a panic.
func TestMutatedPackages(t *testing.T) {
	b := doctest.Parse(sample)
	tests := []struct {
		name, member string
		pkg          []byte
	}{
		{"f.docx", "word/document.xml", doctest.DOCX(b)},
		{"f.odt", "content.xml", doctest.ODT(b)},
	}
	r := rand.New(rand.NewSource(1))
	for _, tc := range tests {
		xml := innerXML(t, tc.pkg, tc.member)
		start := time.Now()
		for i := 0; i < 2000; i++ {
			raw := i%2 == 0
			seed := tc.pkg
			if !raw {
				seed = xml
			}
			d := append([]byte(nil), seed...)
			for k := 0; k < 1+r.Intn(4); k++ {
				d[r.Intn(len(d))] = byte(r.Intn(256))
			}
			if !raw {
				d = doctest.ZipStored([2]string{tc.member, string(d)})
			}
			if doc, err := Read(context.Background(), tc.name, d, fuzzLimits); err == nil {
				checkDoc(t, doc)
			}
		}
		if el := time.Since(start); el > 20*time.Second {
			t.Errorf("%s: 2000 mutated reads took %s", tc.name, el)
		}
	}
}

// innerXML returns a member of a zip package.
func innerXML(t *testing.T, pkg []byte, member string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(member)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
