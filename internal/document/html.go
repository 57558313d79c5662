package document

import (
	"fmt"
	"html"
	"strings"
)

// htmlBlocks are the elements whose start or end ends a paragraph.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"table": true, "tr": true, "td": true, "th": true, "caption": true, "blockquote": true, "pre": true,
	"section": true, "article": true, "header": true, "footer": true, "aside": true, "nav": true,
	"main": true, "figure": true, "figcaption": true, "address": true, "hr": true, "br": false,
	"details": true, "summary": true, "body": true, "form": true, "fieldset": true, "legend": true,
}

// htmlSkipped are the elements whose content is never text.
var htmlSkipped = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "head": true,
	"iframe": true, "object": true, "svg": true, "math": true, "select": true,
}

// readHTML reads an HTML page with a small tokeniser (no scripting, no
// fetching): h1–h6 are headings, block elements (p, li, td, div…) end
// paragraphs, <br> is a space, entities are decoded, comments and the
// content of script, style, head and the like are dropped.
func readHTML(data []byte, b *builder) error {
	s := string(data)
	var para strings.Builder
	level := 0 // heading level while inside h1–h6
	tokens := 0
	flush := func() error {
		t := html.UnescapeString(para.String())
		para.Reset()
		l := level
		return b.add(t, l)
	}
	lower := ""
	i := 0
	for i < len(s) {
		tokens++
		if tokens > b.lim.MaxXMLTokens {
			return fmt.Errorf("%w: more than %d HTML tokens", ErrLimit, b.lim.MaxXMLTokens)
		}
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			para.WriteString(s[i:])
			break
		}
		para.WriteString(s[i : i+lt])
		i += lt
		rest := s[i:]
		if strings.HasPrefix(rest, "<!--") {
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		if len(rest) > 1 && (rest[1] == '!' || rest[1] == '?') {
			if strings.HasPrefix(rest, "<![CDATA[") {
				end := strings.Index(rest, "]]>")
				if end < 0 {
					para.WriteString(rest[9:])
					break
				}
				para.WriteString(rest[9:end])
				i += end + 3
				continue
			}
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				break
			}
			i += end + 1
			continue
		}
		name, closing, n := tagAt(rest)
		if n == 0 {
			para.WriteByte('<')
			i++
			continue
		}
		i += n
		switch {
		case htmlSkipped[name] && !closing:
			if lower == "" {
				lower = strings.ToLower(s)
			}
			end := strings.Index(lower[i:], "</"+name)
			if end < 0 {
				i = len(s)
				break
			}
			i += end
		case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
			if err := flush(); err != nil {
				return err
			}
			if closing {
				level = 0
			} else {
				level = int(name[1] - '0')
			}
		case htmlBlocks[name]:
			if err := flush(); err != nil {
				return err
			}
		case name == "br" || name == "img" || name == "wbr":
			para.WriteByte(' ')
		}
	}
	level = 0
	return flush()
}

// tagAt reads the tag at the start of s (s[0] == '<'): its lowered name,
// whether it is an end tag, and its length; n is 0 when s does not start a
// tag. The tag ends at the first '>' outside quotes.
func tagAt(s string) (name string, closing bool, n int) {
	j := 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	start := j
	for j < len(s) {
		c := s[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > start && (c >= '0' && c <= '9' || c == '-' || c == ':') {
			j++
			continue
		}
		break
	}
	if j == start {
		return "", false, 0
	}
	name = strings.ToLower(s[start:j])
	var quote byte
	for k := j; k < len(s); k++ {
		c := s[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return name, closing, k + 1
		}
	}
	if end := strings.IndexByte(s[j:], '>'); end >= 0 {
		return name, closing, j + end + 1
	}
	return "", false, 0
}
