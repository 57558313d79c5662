package archive

// This file holds what the CSV readers (LinkedIn, Reddit) share: a
// streaming CSV reader that finds the header row by its column names, copes
// with the dialects seen in real exports and bounds memory, and notes the
// problems of a file that do not stop its reading.

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// csvMaxRecord is the most bytes one CSV record may take (a longer one is
// most likely an unclosed quote swallowing the rest of the file).
var csvMaxRecord int64 = 16 << 20

// csvMaxBytes is the most bytes read from one CSV file.
var csvMaxBytes int64 = MaxFileBytes

// csvMaxPreamble is how many records may come before the header row
// (LinkedIn sometimes starts a file with notes).
const csvMaxPreamble = 20

// maxErrsPerFile is how many problems of one file are listed in its error.
const maxErrsPerFile = 5

// fileProblems collects the problems found in one file that do not stop
// its reading (a malformed record, text that is not UTF-8).
type fileProblems struct {
	prefix string // "linkedin: Shares.csv"
	list   []string
	more   int
}

func (p *fileProblems) add(format string, args ...any) {
	if len(p.list) >= maxErrsPerFile {
		p.more++
		return
	}
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// err returns the problems as one error, or nil.
func (p *fileProblems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	s := p.prefix + ": " + strings.Join(p.list, "; ")
	if p.more > 0 {
		s += fmt.Sprintf("; and %d more", p.more)
	}
	return errors.New(s)
}

// csvFile is one CSV file being read record by record.
type csvFile struct {
	platform, file string
	f              fs.File
	r              *csv.Reader
	g              *limitGuard
	cols           map[string]int // normalised column name → index
	pos            int            // index of the next data record, from 0
	lastLine       int            // the line the last record read started on
	problems       fileProblems
}

// csvColumn normalises a header name: lower case, without spaces,
// underscores, hyphens, quotes or a byte-order mark.
func csvColumn(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '_', '-', '"', '\'', '\t', '\ufeff':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// limitGuard counts the bytes read from a file and refuses more than max in
// all, or more than rec since the start of the current record or token
// (*mark, set by the reader's user).
type limitGuard struct {
	r        io.Reader
	n        int64
	max, rec int64
	mark     func() int64
	tooLarge error
	tooLong  error
}

func (g *limitGuard) Read(p []byte) (int, error) {
	if g.n > g.max {
		return 0, g.tooLarge
	}
	if g.mark != nil && g.n-g.mark() > g.rec {
		return 0, g.tooLong
	}
	if int64(len(p)) > g.max+1-g.n {
		p = p[:g.max+1-g.n]
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}

// csvDialect tells, from the whole file, whether it escapes quotes as \"
// (as LinkedIn's Comments.csv does) rather than "": a \" followed by
// anything but a quote, a comma or the end of a line cannot be RFC 4180.
func csvDialect(fsys fs.FS, file string) (backslash bool, err error) {
	f, err := fsys.Open(file)
	if err != nil {
		return false, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(io.LimitReader(f, MaxFileBytes+1), 64<<10)
	for {
		c, err := br.ReadByte()
		if err != nil {
			return false, csvEOF(err)
		}
		if c != '\\' {
			continue
		}
		if c, err = br.ReadByte(); err != nil || c != '"' {
			if err != nil {
				return false, csvEOF(err)
			}
			continue // \\ (an escaped backslash) or a backslash before a letter
		}
		if c, err = br.ReadByte(); err != nil {
			return false, csvEOF(err)
		}
		switch c {
		case '"', ',', '\r', '\n':
		default:
			return true, nil
		}
	}
}

// csvEOF turns io.EOF into nil.
func csvEOF(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}

// bsQuoteReader turns the \" of a backslash-escaping CSV into "" (same
// length, so line numbers stay right) and leaves \\ as it is.
type bsQuoteReader struct {
	r    *bufio.Reader
	pend int
}

func (b *bsQuoteReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if b.pend >= 0 {
			p[n] = byte(b.pend)
			n++
			b.pend = -1
			continue
		}
		c, err := b.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if c == '\\' {
			if nx, err := b.r.Peek(1); err == nil {
				switch nx[0] {
				case '"':
					c = '"' // the quote after it follows: ""
				case '\\':
					b.r.ReadByte()
					b.pend = '\\'
				}
			}
		}
		p[n] = c
		n++
	}
	return n, nil
}

// openCSV opens a CSV file of an export and reads up to its header row:
// the first record for which isHeader is true (records before it are
// notes). what names the file for errors ("a LinkedIn Shares.csv").
func openCSV(fsys fs.FS, platform, file, what string, isHeader func(cols map[string]int) bool) (*csvFile, error) {
	prefix := platform + ": " + file
	backslash, err := csvDialect(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", prefix, err)
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", prefix, err)
	}
	c := &csvFile{platform: platform, file: file, f: f, problems: fileProblems{prefix: prefix}}
	c.g = &limitGuard{r: f, max: csvMaxBytes, rec: csvMaxRecord,
		tooLarge: fmt.Errorf("%w: %s is larger than %d MiB; the rest was not read", ErrTooLarge, file, csvMaxBytes>>20),
		tooLong:  fmt.Errorf("a record longer than %d MiB (an unclosed quote?); the rest was not read", csvMaxRecord>>20)}
	br := bufio.NewReaderSize(c.g, 64<<10)
	var in io.Reader = br
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		// Saved again as "Unicode text" by a spreadsheet: UTF-16 with a BOM.
		in = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Reader(br)
	}
	if backslash {
		in = &bsQuoteReader{r: bufio.NewReader(in), pend: -1}
	}
	c.r = csv.NewReader(in)
	c.r.LazyQuotes = true
	c.r.FieldsPerRecord = -1
	c.g.mark = c.r.InputOffset
	for i := 0; i <= csvMaxPreamble; i++ {
		rec, err := c.r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			f.Close()
			return nil, c.readErr(err)
		}
		cols := map[string]int{}
		for j, name := range rec {
			if k := csvColumn(name); k != "" {
				if _, dup := cols[k]; !dup {
					cols[k] = j
				}
			}
		}
		if isHeader(cols) {
			c.cols = cols
			return c, nil
		}
	}
	f.Close()
	return nil, fmt.Errorf("%s: no header row with the expected column names (is it %s?)", prefix, what)
}

func (c *csvFile) Close() error { return c.f.Close() }

// readErr words an error that stops the reading of the file.
func (c *csvFile) readErr(err error) error {
	if errors.Is(err, ErrTooLarge) {
		return fmt.Errorf("%s: %w", c.platform, err)
	}
	if c.lastLine > 0 {
		return fmt.Errorf("%s: %s (record %d, after line %d): %w", c.platform, c.file, c.pos, c.lastLine, err)
	}
	return fmt.Errorf("%s: %s: %w", c.platform, c.file, err)
}

// next reads the next data record: its position and a getter for its
// columns by normalised name ("" when the column or the field is missing;
// invalid UTF-8 is replaced and noted). ok is false at the end of the file;
// err is an error that stops the file. Malformed records are noted and
// skipped.
func (c *csvFile) next() (pos int, get func(col string) string, ok bool, err error) {
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			return 0, nil, false, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(err, c.g.tooLong) {
				c.problems.add("record %d (line %d): %v", c.pos, pe.StartLine, pe.Err)
				c.pos++
				continue
			}
			return 0, nil, false, c.readErr(err)
		}
		pos := c.pos
		c.pos++
		line, _ := c.r.FieldPos(0)
		c.lastLine = line
		bad := false
		get := func(col string) string {
			i, ok := c.cols[col]
			if !ok || i >= len(rec) {
				return ""
			}
			s := rec[i]
			if !utf8.ValidString(s) {
				if !bad {
					bad = true
					c.problems.add("record %d (line %d): not UTF-8 text (saved as Windows-1252 or Latin-1?); invalid bytes shown as \uFFFD", pos, line)
				}
				s = strings.ToValidUTF8(s, "\uFFFD")
			}
			return s
		}
		return pos, get, true, nil
	}
}

// csvDate parses an export's date in UTC: "2025-07-13 08:15:21",
// "2024-01-01 00:00:00 UTC" or RFC 3339. A date that does not parse, or
// outside the years 1 to 9999, gives the zero time.
func csvDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.DateTime, "2006-01-02 15:04:05 MST", "2006-01-02 15:04:05 -0700", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", time.DateOnly} {
		if t, err := jsDate(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// csvSniff reads the start of a file (up to 8 KiB) with ASCII letters
// lowered, for detection; "" when it cannot be read.
func csvSniff(fsys fs.FS, file string) string {
	f, err := fsys.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	if bytes.HasPrefix(buf, []byte("\xff\xfe")) || bytes.HasPrefix(buf, []byte("\xfe\xff")) {
		buf = bytes.ReplaceAll(buf[2:], []byte{0}, nil) // UTF-16: enough for ASCII headers
	}
	return asciiLower(string(buf))
}

// csvSniffHeader reports whether one of the first lines of a sniffed file,
// split on commas and normalised, holds all of cols.
func csvSniffHeader(head string, cols ...string) bool {
	lines := strings.Split(head, "\n")
	for i, l := range lines {
		if i > csvMaxPreamble {
			break
		}
		have := map[string]bool{}
		for _, f := range strings.Split(strings.TrimRight(l, "\r"), ",") {
			have[csvColumn(f)] = true
		}
		all := true
		for _, c := range cols {
			if !have[c] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// filesSize is the size of files in fsys times passes (how many times a
// reader reads each), for an estimate of progress.
func filesSize(fsys fs.FS, files []string, passes int64) int64 {
	var n int64
	for _, f := range files {
		if st, err := fs.Stat(fsys, f); err == nil {
			n += st.Size() * passes
		}
	}
	return n
}
