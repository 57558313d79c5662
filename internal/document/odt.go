package document

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// readODT reads content.xml of an OpenDocument text: text:h (with its
// text:outline-level) and text:p are paragraphs; text:s, text:tab and
// text:line-break give spaces. Notes and frames nested in a paragraph
// come out as paragraphs of their own. ODT has no fixed pages, so
// paragraphs carry no page.
func readODT(data []byte, b *builder) error {
	zr, err := openZip(data, b.lim)
	if err != nil {
		return err
	}
	var st paraStack
	inBody := false
	return walkXML(zr, "content.xml", b.lim, func(tok xml.Token, _ int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "body":
				inBody = true
			case "p":
				st.push(0)
			case "h":
				level := 1
				if n, err := strconv.Atoi(attr(t, "outline-level")); err == nil && n >= 1 && n <= 9 {
					level = n
				}
				st.push(level)
			case "s":
				n := 1
				if c, err := strconv.Atoi(attr(t, "c")); err == nil && c > 1 && c < 100 {
					n = c
				}
				st.write(strings.Repeat(" ", n))
			case "tab", "line-break":
				st.write(" ")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p", "h":
				text, level := st.pop()
				if inBody {
					return b.add(text, level)
				}
			case "body":
				inBody = false
			}
		case xml.CharData:
			if st.open() {
				st.write(string(t))
			}
		}
		return nil
	})
}
