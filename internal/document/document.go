// Package document reads policy documents (PDF, DOCX, ODT, HTML, Markdown
// and plain text) into paragraphs that each know where they are: the page
// (when the format has pages), the paragraph number and the path of
// headings above them.
//
// Every reader works through limits (Limits): the file size, the
// uncompressed size and compression ratio of zip members (so a zip bomb is
// an error, not an out-of-memory crash), the depth and number of XML
// tokens, the number of pages and paragraphs and the size of the text. PDF
// text comes from poppler's pdftotext, run with a timeout and an output
// cap; nothing else runs a program and nothing is fetched from a network.
package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format is the kind of document read.
type Format string

// The formats Read understands.
const (
	// PDF is read with pdftotext.
	PDF      Format = "pdf"
	DOCX     Format = "docx"
	ODT      Format = "odt"
	HTML     Format = "html"
	Markdown Format = "markdown"
	Text     Format = "text"
)

// Errors a reader returns, wrapped with the details; test with errors.Is.
var (
	// ErrLimit: the document exceeds one of the Limits.
	ErrLimit = errors.New("document exceeds a limit")
	// ErrEncrypted: the PDF is encrypted and cannot be read without its password.
	ErrEncrypted = errors.New("the PDF is encrypted (password protected); save an unprotected copy and try again")
	// ErrNoPDFTool: pdftotext is not installed.
	ErrNoPDFTool = errors.New("pdftotext not found: install poppler-utils to read PDF")
	// ErrFormat: the file is not a readable document of its format (corrupt, truncated, wrong type).
	ErrFormat = errors.New("unreadable document")
)

// Paragraph is one block of text and where it sits in the document.
type Paragraph struct {
	// Text is the paragraph's text with white space collapsed.
	Text string `json:"text"`
	// Page is the 1-based page, or 0 when the format has no pages (HTML,
	// Markdown, a DOCX without page breaks).
	Page int `json:"page,omitempty"`
	// Index is the 1-based number of the paragraph in the document.
	Index int `json:"paragraph"`
	// Headings is the path of headings above the paragraph, outermost first.
	Headings []string `json:"headings,omitempty"`
	// Level is the heading level (1 the highest) when the paragraph is a heading, else 0.
	Level int `json:"level,omitempty"`
}

// Document is a document's text as paragraphs.
type Document struct {
	// Name is the file name the document was read from.
	Name string `json:"name"`
	// Format is how it was read.
	Format Format `json:"format"`
	// Pages is the number of pages, 0 when the format has none.
	Pages int `json:"pages,omitempty"`
	// Paragraphs are the paragraphs in reading order, headings included.
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Limits bound the work and memory spent on one document.
type Limits struct {
	// MaxFileBytes is the largest file read.
	MaxFileBytes int64
	// MaxUncompressed is the most bytes read from one zip member (DOCX, ODT).
	MaxUncompressed int64
	// MaxRatio is the largest uncompressed/compressed ratio of a zip member
	// over 1 MiB.
	MaxRatio int64
	// MaxZipFiles is the most entries a DOCX or ODT may list.
	MaxZipFiles int
	// MaxXMLDepth is the deepest element nesting accepted.
	MaxXMLDepth int
	// MaxXMLTokens is the most XML (or HTML) tokens read.
	MaxXMLTokens int
	// MaxTextBytes is the most text kept in total.
	MaxTextBytes int
	// MaxParagraphs is the most paragraphs kept.
	MaxParagraphs int
	// MaxPages is the most PDF pages accepted.
	MaxPages int
	// PDFTimeout bounds one pdftotext run.
	PDFTimeout time.Duration
	// PDFTool is the pdftotext program (a name looked up in PATH, or a path).
	PDFTool string
}

// DefaultLimits are generous for any real policy (a 2,000-page PDF, a
// 64 MiB document.xml) and small enough that a hostile file costs seconds.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:    100 << 20,
		MaxUncompressed: 64 << 20,
		MaxRatio:        200,
		MaxZipFiles:     5000,
		MaxXMLDepth:     256,
		MaxXMLTokens:    5_000_000,
		MaxTextBytes:    32 << 20,
		MaxParagraphs:   200_000,
		MaxPages:        2000,
		PDFTimeout:      60 * time.Second,
		PDFTool:         "pdftotext",
	}
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = d.MaxUncompressed
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.MaxZipFiles <= 0 {
		l.MaxZipFiles = d.MaxZipFiles
	}
	if l.MaxXMLDepth <= 0 {
		l.MaxXMLDepth = d.MaxXMLDepth
	}
	if l.MaxXMLTokens <= 0 {
		l.MaxXMLTokens = d.MaxXMLTokens
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = d.MaxTextBytes
	}
	if l.MaxParagraphs <= 0 {
		l.MaxParagraphs = d.MaxParagraphs
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.PDFTimeout <= 0 {
		l.PDFTimeout = d.PDFTimeout
	}
	if l.PDFTool == "" {
		l.PDFTool = d.PDFTool
	}
	return l
}

// ReadFile reads the document at path, choosing the reader by its
// extension and, failing that, its first bytes.
func ReadFile(ctx context.Context, path string, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a document", path)
	}
	if st.Size() > lim.MaxFileBytes {
		return nil, fmt.Errorf("%w: %s is %s, more than the %s accepted", ErrLimit, filepath.Base(path), size(st.Size()), size(lim.MaxFileBytes))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil && st.Size() > 0 {
		return nil, err
	}
	return Read(ctx, filepath.Base(path), data, lim)
}

// Read reads a document held in memory; name (a file name) chooses the
// reader by its extension, and the content decides when the extension is
// unknown.
func Read(ctx context.Context, name string, data []byte, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("%w: %s is %s, more than the %s accepted", ErrLimit, name, size(int64(len(data))), size(lim.MaxFileBytes))
	}
	f := Detect(name, data)
	b := newBuilder(name, f, lim)
	var err error
	switch f {
	case PDF:
		err = readPDF(ctx, data, b)
	case DOCX:
		err = readDOCX(data, b)
	case ODT:
		err = readODT(data, b)
	case HTML:
		err = readHTML(data, b)
	case Markdown:
		err = readMarkdown(data, b)
	default:
		err = readText(data, b)
	}
	if err != nil {
		return nil, err
	}
	return b.doc, nil
}

// Detect tells the format from the file name's extension and, when that is
// unknown, from the content: %PDF, a zip holding word/document.xml or
// content.xml, an HTML tag, Markdown headings; else plain text.
func Detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return PDF
	case ".docx", ".docm":
		return DOCX
	case ".odt":
		return ODT
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown":
		return Markdown
	case ".txt", ".text":
		return Text
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return PDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if bytes.Contains(data, []byte("word/document.xml")) {
			return DOCX
		}
		return ODT
	}
	low := bytes.ToLower(head)
	if bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<!doctype html")) || bytes.Contains(low, []byte("<body")) || bytes.Contains(low, []byte("<p>")) {
		return HTML
	}
	if bytes.HasPrefix(head, []byte("# ")) || bytes.Contains(head, []byte("\n# ")) || bytes.Contains(head, []byte("\n## ")) {
		return Markdown
	}
	return Text
}

// builder collects paragraphs, keeps the heading path and enforces the
// text and paragraph limits.
type builder struct {
	doc      *Document
	lim      Limits
	page     int
	path     []string // current heading path
	levels   []int    // level of each entry of path
	textSize int
}

func newBuilder(name string, f Format, lim Limits) *builder {
	return &builder{doc: &Document{Name: name, Format: f, Paragraphs: []Paragraph{}}, lim: lim}
}

// add appends a paragraph (level > 0 for a heading) after collapsing its
// white space; empty text is dropped.
func (b *builder) add(text string, level int) error {
	text = collapse(text)
	if text == "" {
		return nil
	}
	if len(b.doc.Paragraphs) >= b.lim.MaxParagraphs {
		return fmt.Errorf("%w: more than %d paragraphs", ErrLimit, b.lim.MaxParagraphs)
	}
	b.textSize += len(text)
	if b.textSize > b.lim.MaxTextBytes {
		return fmt.Errorf("%w: more than %d MiB of text", ErrLimit, b.lim.MaxTextBytes>>20)
	}
	if level > 0 {
		for len(b.levels) > 0 && b.levels[len(b.levels)-1] >= level {
			b.levels = b.levels[:len(b.levels)-1]
			b.path = b.path[:len(b.path)-1]
		}
	}
	var hs []string
	if len(b.path) > 0 {
		hs = append([]string(nil), b.path...)
	}
	b.doc.Paragraphs = append(b.doc.Paragraphs, Paragraph{Text: text, Page: b.page, Index: len(b.doc.Paragraphs) + 1, Headings: hs, Level: level})
	if level > 0 {
		h := text
		if len(h) > 120 {
			h = truncate(h, 120)
		}
		b.path = append(b.path, h)
		b.levels = append(b.levels, level)
	}
	return nil
}

// newPage moves to the next page.
func (b *builder) newPage() error {
	b.page++
	if b.page > b.lim.MaxPages {
		return fmt.Errorf("%w: more than %d pages", ErrLimit, b.lim.MaxPages)
	}
	if b.page > b.doc.Pages {
		b.doc.Pages = b.page
	}
	return nil
}

// collapse turns runs of white space (and control characters) into one
// space, trims, and makes the text valid UTF-8.
func collapse(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u00a0' || r == '\u200b' {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// truncate cuts s to at most n bytes at a rune boundary, adding "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// headingLevel guesses whether a line of plain text (or PDF text) is a
// heading: short, without closing punctuation, starting with a capital or
// a section number ("3.2 Personal devices"). It returns the level (the
// depth of the section number, 1 without one) or 0.
func headingLevel(line string) int {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 90 {
		return 0
	}
	words := strings.Fields(line)
	if len(words) > 10 {
		return 0
	}
	last := line[len(line)-1]
	if strings.ContainsRune(".,;:?!", rune(last)) && !isSectionNumber(line) {
		return 0
	}
	level := 1
	first := words[0]
	if isSectionNumber(first) {
		level = strings.Count(strings.TrimSuffix(first, "."), ".") + 1
		if len(words) == 1 {
			return 0
		}
		first = words[1]
	}
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) {
		return 0
	}
	if level > 6 {
		level = 6
	}
	return level
}

// isSectionNumber reports whether w looks like "3", "3.", "3.2" or "3.2.1".
func isSectionNumber(w string) bool {
	if w == "" || len(w) > 12 {
		return false
	}
	digit := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.':
			if !digit {
				return false
			}
		default:
			return false
		}
	}
	return digit
}

// size formats a byte count for messages.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
