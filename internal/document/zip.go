package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// openZip opens a DOCX or ODT package and checks what its directory
// declares: the number of entries, each entry's uncompressed size and its
// compression ratio. The sizes actually read are checked again by
// readMember, since a directory can lie.
func openZip(data []byte, lim Limits) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a valid zip package (%v)", ErrFormat, err)
	}
	if len(zr.File) > lim.MaxZipFiles {
		return nil, fmt.Errorf("%w: the package lists %d files, more than %d", ErrLimit, len(zr.File), lim.MaxZipFiles)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(lim.MaxUncompressed) {
			return nil, fmt.Errorf("%w: %s declares %d MiB uncompressed, more than %d MiB (zip bomb?)", ErrLimit, f.Name, f.UncompressedSize64>>20, lim.MaxUncompressed>>20)
		}
		if tooCompressed(f.UncompressedSize64, f.CompressedSize64, lim) {
			return nil, fmt.Errorf("%w: %s is compressed %d:1, more than %d:1 (zip bomb?)", ErrLimit, f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1), lim.MaxRatio)
		}
		total += f.UncompressedSize64
	}
	if total > 4*uint64(lim.MaxUncompressed) {
		return nil, fmt.Errorf("%w: the package declares %d MiB uncompressed in all (zip bomb?)", ErrLimit, total>>20)
	}
	return zr, nil
}

// tooCompressed reports a member over 1 MiB compressed more than MaxRatio:1.
func tooCompressed(unc, comp uint64, lim Limits) bool {
	return unc > 1<<20 && unc/max(comp, 1) > uint64(lim.MaxRatio)
}

// member finds a zip entry by name.
func member(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// limitedMember is a zip entry's reader that fails once more than
// MaxUncompressed bytes, or more than MaxRatio times the compressed size,
// have come out of it, whatever the directory declared.
type limitedMember struct {
	r    io.Reader
	n    int64
	name string
	comp uint64
	lim  Limits
}

func (m *limitedMember) Read(p []byte) (int, error) {
	k, err := m.r.Read(p)
	m.n += int64(k)
	if m.n > m.lim.MaxUncompressed {
		return k, fmt.Errorf("%w: %s holds more than %d MiB uncompressed (zip bomb?)", ErrLimit, m.name, m.lim.MaxUncompressed>>20)
	}
	if tooCompressed(uint64(m.n), m.comp, m.lim) {
		return k, fmt.Errorf("%w: %s is compressed more than %d:1 (zip bomb?)", ErrLimit, m.name, m.lim.MaxRatio)
	}
	if errors.Is(err, zip.ErrFormat) {
		// archive/zip stops a member that inflates past its declared size.
		err = fmt.Errorf("%w: %s does not match its declared size (corrupt, or a zip bomb)", ErrFormat, m.name)
	} else if err != nil && !errors.Is(err, io.EOF) {
		err = fmt.Errorf("%w: %s: %v", ErrFormat, m.name, err)
	}
	return k, err
}

// walkXML streams the XML of zip member name through fn, one token at a
// time, enforcing the depth and token limits. fn receives the depth of the
// token (the depth of the element for a start or end element).
func walkXML(zr *zip.Reader, name string, lim Limits, fn func(tok xml.Token, depth int) error) error {
	f := member(zr, name)
	if f == nil {
		return fmt.Errorf("%w: the package has no %s", ErrFormat, name)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrFormat, name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(&limitedMember{r: rc, name: name, comp: f.CompressedSize64, lim: lim})
	d.Strict = true
	depth, count := 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return fmt.Errorf("%w: %s ends inside an element", ErrFormat, name)
			}
			return nil
		}
		if err != nil {
			if errors.Is(err, ErrLimit) || errors.Is(err, ErrFormat) {
				return err
			}
			return fmt.Errorf("%w: %s: %v", ErrFormat, name, err)
		}
		count++
		if count > lim.MaxXMLTokens {
			return fmt.Errorf("%w: %s has more than %d XML tokens", ErrLimit, name, lim.MaxXMLTokens)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > lim.MaxXMLDepth {
				return fmt.Errorf("%w: %s nests elements deeper than %d", ErrLimit, name, lim.MaxXMLDepth)
			}
			if err := fn(tok, depth); err != nil {
				return err
			}
		case xml.EndElement:
			if depth == 0 {
				return fmt.Errorf("%w: %s closes an element it never opened", ErrFormat, name)
			}
			if err := fn(tok, depth); err != nil {
				return err
			}
			depth--
		default:
			if err := fn(tok, depth); err != nil {
				return err
			}
		}
	}
}

// attr returns the value of the attribute with local name key ("" if none).
func attr(e xml.StartElement, key string) string {
	for _, a := range e.Attr {
		if a.Name.Local == key {
			return a.Value
		}
	}
	return ""
}

// paraStack holds the text of paragraphs being read; paragraphs can nest
// (a text box or a note inside a paragraph), and each is emitted whole
// when it ends.
type paraStack struct {
	bufs   []*strings.Builder
	levels []int
}

func (s *paraStack) push(level int) {
	s.bufs = append(s.bufs, &strings.Builder{})
	s.levels = append(s.levels, level)
}

func (s *paraStack) open() bool { return len(s.bufs) > 0 }

func (s *paraStack) write(t string) {
	if len(s.bufs) > 0 {
		s.bufs[len(s.bufs)-1].WriteString(t)
	}
}

func (s *paraStack) setLevel(level int) {
	if len(s.levels) > 0 {
		s.levels[len(s.levels)-1] = level
	}
}

// pop returns the innermost paragraph's text and level.
func (s *paraStack) pop() (string, int) {
	if len(s.bufs) == 0 {
		return "", 0
	}
	n := len(s.bufs) - 1
	t, l := s.bufs[n].String(), s.levels[n]
	s.bufs, s.levels = s.bufs[:n], s.levels[:n]
	return t, l
}
