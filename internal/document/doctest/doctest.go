// Package doctest builds small documents for tests: DOCX and ODT packages
// (with archive/zip), PDFs written by hand (optionally RC4-encrypted with a
// user password), and zip bombs. It is used by the tests of
// internal/document and internal/policy and holds no test data itself.
package doctest

import (
	"archive/zip"
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"encoding/hex"
	"fmt"
	"strings"
)

// Block is one paragraph of a test document: Level > 0 makes it a heading.
type Block struct {
	// Text is the paragraph's text.
	Text string
	// Level is the heading level, 0 for body text.
	Level int
	// PageBreak starts a new page before the block (PDF, DOCX).
	PageBreak bool
}

// Parse turns Markdown-ish text into blocks: "# Title" lines are headings
// by the number of #, a line "---page---" breaks the page, blank lines
// separate paragraphs, and "- " lines are paragraphs of their own.
func Parse(src string) []Block {
	var out []Block
	var cur []string
	brk := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, Block{Text: strings.Join(cur, " "), PageBreak: brk})
			brk = false
			cur = nil
		}
	}
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "---page---":
			flush()
			brk = true
		case t == "":
			flush()
		case strings.HasPrefix(t, "#"):
			flush()
			n := len(t) - len(strings.TrimLeft(t, "#"))
			out = append(out, Block{Text: strings.TrimSpace(t[n:]), Level: n, PageBreak: brk})
			brk = false
		case strings.HasPrefix(t, "- "):
			flush()
			cur = append(cur, t[2:])
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Zip builds a zip archive of the named files, deflated, in the order given.
func Zip(files ...[2]string) []byte { return zipFiles(zip.Deflate, files) }

// ZipStored builds a zip archive of the named files without compression
// (cheap to build, for fuzzing).
func ZipStored(files ...[2]string) []byte { return zipFiles(zip.Store, files) }

func zipFiles(method uint16, files [][2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: method})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// DOCX builds a minimal Word document of the blocks (headings use the
// Heading N styles; a page break is a w:br of type page).
func DOCX(blocks []Block) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, bl := range blocks {
		if bl.PageBreak {
			b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
		}
		b.WriteString("<w:p>")
		if bl.Level > 0 {
			fmt.Fprintf(&b, `<w:pPr><w:pStyle w:val="Heading%d"/></w:pPr>`, bl.Level)
		}
		// Split the text over two runs, as Word does, to exercise joining.
		t := bl.Text
		half := strings.IndexByte(t[len(t)/2:], ' ')
		if half >= 0 {
			half += len(t) / 2
			fmt.Fprintf(&b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(t[:half]), xmlEscape(t[half:]))
		} else {
			fmt.Fprintf(&b, `<w:r><w:t>%s</w:t></w:r>`, xmlEscape(t))
		}
		b.WriteString("</w:p>")
	}
	b.WriteString(`<w:sectPr/></w:body></w:document>`)
	return Zip(
		[2]string{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		[2]string{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		[2]string{"word/document.xml", b.String()},
	)
}

// ODT builds a minimal OpenDocument text of the blocks (text:h with an
// outline level for headings).
func ODT(blocks []Block) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>`)
	for _, bl := range blocks {
		if bl.Level > 0 {
			fmt.Fprintf(&b, `<text:h text:outline-level="%d">%s</text:h>`, bl.Level, xmlEscape(bl.Text))
			continue
		}
		t := xmlEscape(bl.Text)
		t = strings.Replace(t, " ", `<text:s/>`, 1)
		fmt.Fprintf(&b, `<text:p text:style-name="Standard"><text:span>%s</text:span></text:p>`, t)
	}
	b.WriteString(`</office:text></office:body></office:document-content>`)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// The mimetype entry comes first and is stored, as ODF requires.
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.text"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(b.String()))
	w, _ = zw.Create("META-INF/manifest.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`))
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// HTML builds an HTML page of the blocks.
func HTML(title string, blocks []Block) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><title>%s</title><style>p{margin:0}</style></head><body>\n", xmlEscape(title))
	for _, bl := range blocks {
		if bl.Level > 0 {
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", bl.Level, xmlEscape(bl.Text), bl.Level)
		} else {
			fmt.Fprintf(&b, "<p>%s</p>\n", xmlEscape(bl.Text))
		}
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// Markdown writes the blocks back as Markdown.
func Markdown(blocks []Block) []byte {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.Level > 0 {
			b.WriteString(strings.Repeat("#", bl.Level) + " ")
		}
		b.WriteString(bl.Text + "\n\n")
	}
	return []byte(b.String())
}

// PDFOptions tune PDF.
type PDFOptions struct {
	// UserPassword, when set, encrypts the PDF (RC4 40-bit, revision 2) so
	// that it cannot be opened without the password.
	UserPassword string
	// LinesPerPage breaks pages when a page is full (default 48).
	LinesPerPage int
}

// PDF writes a PDF of the blocks by hand: Helvetica text, lines wrapped at
// 90 characters, a blank line between paragraphs, new pages when a page is
// full or a block asks for one. Text is ASCII (other characters become '?').
func PDF(blocks []Block, opt PDFOptions) []byte {
	per := opt.LinesPerPage
	if per <= 0 {
		per = 48
	}
	var pages [][]string
	var cur []string
	for _, bl := range blocks {
		lines := wrap(bl.Text, 90)
		if bl.PageBreak || (len(cur) > 0 && len(cur)+len(lines)+1 > per) {
			pages = append(pages, cur)
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		cur = append(cur, lines...)
	}
	pages = append(pages, cur)

	// Objects: 1 catalog, 2 pages, 3 font, then per page a page and its content.
	objs := []string{"", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
	var kids []string
	var streams = map[int]string{}
	for _, p := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 11 Tf 14 TL 72 770 Td\n")
		for _, l := range p {
			fmt.Fprintf(&c, "(%s) Tj T*\n", pdfEscape(l))
		}
		c.WriteString("ET\n")
		pageNum := len(objs) + 1
		contentNum := pageNum + 1
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", contentNum))
		objs = append(objs, "")
		streams[contentNum] = c.String()
		kids = append(kids, fmt.Sprintf("%d 0 R", pageNum))
	}
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>"
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))

	id := md5.Sum([]byte(fmt.Sprint(len(blocks), opt.UserPassword)))
	var fileKey []byte
	var encDict string
	if opt.UserPassword != "" {
		o, u, key := rc4Keys(opt.UserPassword, "owner-"+opt.UserPassword, id[:], -44)
		fileKey = key
		encDict = fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>", hex.EncodeToString(o), hex.EncodeToString(u))
	}

	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, 0, len(objs)+1)
	for i, body := range objs {
		n := i + 1
		offsets = append(offsets, out.Len())
		if s, ok := streams[n]; ok {
			data := []byte(s)
			if fileKey != nil {
				data = rc4Object(fileKey, n, data)
			}
			fmt.Fprintf(&out, "%d 0 obj\n<< /Length %d >>\nstream\n", n, len(data))
			out.Write(data)
			out.WriteString("\nendstream\nendobj\n")
			continue
		}
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	size := len(objs) + 1
	encRef := ""
	if encDict != "" {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", size, encDict)
		encRef = fmt.Sprintf(" /Encrypt %d 0 R", size)
		size++
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R%s /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n", size, encRef, id, id, xref)
	return out.Bytes()
}

func wrap(s string, width int) []string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func pdfEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 32 || r > 126:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfPad is the padding string of the PDF standard security handler.
var pdfPad = []byte{0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A}

func padPassword(pw string) []byte {
	p := []byte(pw)
	if len(p) > 32 {
		p = p[:32]
	}
	return append(p, pdfPad[:32-len(p)]...)
}

func rc4Crypt(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// rc4Keys computes O, U and the file key of revision 2 (PDF 1.7,
// algorithms 3.2–3.4).
func rc4Keys(user, owner string, id []byte, perms int32) (o, u, key []byte) {
	oh := md5.Sum(padPassword(owner))
	o = rc4Crypt(oh[:5], padPassword(user))
	h := md5.New()
	h.Write(padPassword(user))
	h.Write(o)
	p := uint32(perms)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	key = h.Sum(nil)[:5]
	u = rc4Crypt(key, pdfPad)
	return o, u, key
}

func rc4Object(fileKey []byte, num int, data []byte) []byte {
	k := append(append([]byte(nil), fileKey...), byte(num), byte(num>>8), byte(num>>16), 0, 0)
	sum := md5.Sum(k)
	return rc4Crypt(sum[:len(fileKey)+5], data)
}

// ZipBomb builds a DOCX-shaped zip whose word/document.xml inflates to n
// bytes of XML; with lie set, its directory declares a small uncompressed
// size, so only the bytes actually read can catch it.
func ZipBomb(n int, lie bool) []byte {
	var raw bytes.Buffer
	zw := zip.NewWriter(&raw)
	hdr := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate}
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		panic(err)
	}
	w.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<16)
	for written := 0; written < n; written += len(chunk) {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	if err := zw.Close(); err != nil {
		panic(err)
	}
	data := raw.Bytes()
	if lie {
		// Rewrite the uncompressed size in the central directory (and the
		// data descriptor) to 1000 bytes.
		data = lieAboutSize(data)
	}
	return data
}

// lieAboutSize sets every declared uncompressed size in the zip to 1000.
func lieAboutSize(data []byte) []byte {
	out := append([]byte(nil), data...)
	put := func(off int) {
		out[off], out[off+1], out[off+2], out[off+3] = 0xe8, 0x03, 0, 0
	}
	for i := 0; i+4 <= len(out); i++ {
		switch {
		case bytes.Equal(out[i:i+4], []byte("PK\x01\x02")) && i+28 <= len(out): // central directory
			put(i + 24)
		case bytes.Equal(out[i:i+4], []byte("PK\x07\x08")) && i+16 <= len(out): // data descriptor
			put(i + 12)
		}
	}
	return out
}
