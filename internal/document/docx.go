package document

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// readDOCX reads word/document.xml of a DOCX package: each w:p is a
// paragraph; w:t, w:tab and w:br give its text; a paragraph style named
// Heading N or Title, or an outline level, makes it a heading. Explicit
// page breaks (w:br w:type="page", pageBreakBefore) count pages; without
// any, paragraphs carry no page.
func readDOCX(data []byte, b *builder) error {
	zr, err := openZip(data, b.lim)
	if err != nil {
		return err
	}
	var st paraStack
	inText := false
	pageBreaks := 0
	pending := 0 // page breaks seen inside the current paragraph
	err = walkXML(zr, "word/document.xml", b.lim, func(tok xml.Token, _ int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				st.push(0)
			case "t", "delText":
				inText = t.Name.Local == "t"
			case "tab":
				st.write("\t")
			case "br", "cr":
				if attr(t, "type") == "page" {
					pending++
				}
				st.write(" ")
			case "pageBreakBefore":
				if v := attr(t, "val"); v == "" || v == "1" || v == "true" || v == "on" {
					pageBreaks++
					if err := pageBreak(b); err != nil {
						return err
					}
				}
			case "pStyle":
				if l := styleLevel(attr(t, "val")); l > 0 {
					st.setLevel(l)
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
					st.setLevel(n + 1)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t", "delText":
				inText = false
			case "p":
				text, level := st.pop()
				if err := b.add(text, level); err != nil {
					return err
				}
				for ; pending > 0; pending-- {
					pageBreaks++
					if err := pageBreak(b); err != nil {
						return err
					}
				}
			}
		case xml.CharData:
			if inText {
				st.write(string(t))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if pageBreaks > 0 {
		// Paragraphs before the first break belong to page 1.
		for i := range b.doc.Paragraphs {
			if b.doc.Paragraphs[i].Page == 0 {
				b.doc.Paragraphs[i].Page = 1
			}
		}
	}
	return nil
}

// styleLevel reads a heading level from a paragraph style id: Heading1,
// heading 2, Title (level 1), Subtitle (level 2); 0 otherwise.
func styleLevel(id string) int {
	s := strings.ToLower(strings.ReplaceAll(id, " ", ""))
	switch s {
	case "title":
		return 1
	case "subtitle":
		return 2
	}
	if rest, ok := strings.CutPrefix(s, "heading"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
			return n
		}
	}
	return 0
}

// pageBreak starts a new page; the first break puts what came before it on
// page 1.
func pageBreak(b *builder) error {
	if b.page == 0 {
		b.page, b.doc.Pages = 1, 1
	}
	return b.newPage()
}
