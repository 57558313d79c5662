package archive

import (
	"html"
	"strings"
	"unicode/utf8"
)

// HTMLText turns a fragment of HTML, as social-media exports store post
// bodies (Mastodon's content, blog posts), into the plain text a reader sees:
//
//   - tags are dropped and the text inside them kept, so a link keeps its
//     text and Mastodon's split-up links (<span class="invisible">https://</span>…)
//     come out whole;
//   - <br> gives a line break; </p> and other block ends (headings, list
//     items, quotes, table rows…) give a line break, paragraphs a blank line;
//   - an image gives its alt text as "[image: …]";
//   - entities are decoded with html.UnescapeString, and &nbsp; becomes a
//     space;
//   - comments and the contents of <script>, <style> and <template> are
//     dropped (never run);
//   - spaces are collapsed, lines trimmed, at most one blank line is kept.
//
// A '<' that does not start a tag ("a < b", "<3") and an unclosed tag or
// comment at the end are kept as text: for a confidentiality check, showing
// a stray bracket is better than losing the words after it. The result is
// always valid UTF-8 (invalid bytes become U+FFFD).
func HTMLText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	nl := 0 // line breaks at the end of b, spaces and tabs aside
	write := func(t string) {
		b.WriteString(t)
		c := 0
		for j := len(t) - 1; j >= 0; j-- {
			switch t[j] {
			case '\n':
				c++
			case ' ', '\t':
			default:
				nl = c
				return
			}
		}
		nl += c
	}
	text := func(t string) { write(html.UnescapeString(t)) }
	// ensure ends the text so far with at least n line breaks, so that
	// nested blocks do not pile up blank lines (htmlTidy drops those at
	// the start).
	ensure := func(n int) {
		if nl < n {
			write(strings.Repeat("\n", n-nl))
		}
	}
	var lower string // s with ASCII letters lowered, made when first needed
	lastGT := strings.LastIndexByte(s, '>')
	i := 0
	for i < len(s) {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			text(s[i:])
			break
		}
		text(s[i : i+lt])
		i += lt
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				text(rest)
				i = len(s)
				continue
			}
			i += 4 + end + 3
			continue
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
			// <!DOCTYPE …>, <![CDATA[…]]> (its text is kept) or <?xml …?>.
			if strings.HasPrefix(rest, "<![CDATA[") {
				end := strings.Index(rest, "]]>")
				if end < 0 {
					text(rest[9:])
					i = len(s)
				} else {
					write(rest[9:end])
					i += end + 3
				}
				continue
			}
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				text(rest)
				i = len(s)
				continue
			}
			i += end + 1
			continue
		}
		var name, attrs string
		var closing bool
		n := 0
		if i < lastGT { // no tag can start after the last '>'
			name, attrs, closing, n = htmlTag(rest)
		}
		if n == 0 {
			// Not a tag: a literal '<'.
			write("<")
			i++
			continue
		}
		i += n
		switch name {
		case "br":
			write("\n")
		case "img":
			if alt := strings.TrimSpace(html.UnescapeString(htmlAttr(attrs, "alt"))); alt != "" {
				write(" [image: " + alt + "] ")
			}
		case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
			"table", "hr", "figure", "address":
			ensure(2)
		case "div", "li", "tr", "dt", "dd", "figcaption", "section", "article", "header",
			"footer", "aside", "nav", "main", "details", "summary", "caption":
			ensure(1)
		case "td", "th":
			write(" ")
		case "script", "style", "template", "noscript", "iframe", "object":
			if closing {
				break
			}
			if lower == "" {
				lower = asciiLower(s)
			}
			end := strings.Index(lower[i:], "</"+name)
			if end < 0 {
				i = len(s)
				break
			}
			i += end
		}
	}
	return htmlTidy(b.String())
}

// htmlTag reads the tag at the start of s (s[0] is '<'): its lowered name,
// its attributes' text, whether it is an end tag and its length. n is 0
// when s does not start a tag: '<' not followed by a letter (or '/' and a
// letter), or no '>' to end it.
func htmlTag(s string) (name, attrs string, closing bool, n int) {
	j := 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	start := j
	for j < len(s) && (isASCIILetter(s[j]) || (j > start && s[j] >= '0' && s[j] <= '9') || (j > start && (s[j] == '-' || s[j] == ':'))) {
		j++
	}
	if j == start {
		return "", "", false, 0
	}
	name = asciiLower(s[start:j])
	// The tag ends at the first '>' outside quotes; with an unbalanced
	// quote, at the first '>' at all.
	attrStart := j
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
			return name, s[attrStart:k], closing, k + 1
		}
	}
	end := strings.IndexByte(s[j:], '>')
	if end < 0 {
		return "", "", false, 0
	}
	return name, s[attrStart : j+end], closing, j + end + 1
}

// htmlAttr returns the raw value of attribute key (lower case) in attrs, or "".
func htmlAttr(attrs, key string) string {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\n' || attrs[i] == '\r' || attrs[i] == '\f' || attrs[i] == '/') {
			i++
		}
		start := i
		for i < len(attrs) && attrs[i] != '=' && attrs[i] != ' ' && attrs[i] != '\t' && attrs[i] != '\n' && attrs[i] != '\r' && attrs[i] != '\f' && attrs[i] != '/' {
			i++
		}
		name := asciiLower(attrs[start:i])
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\n' || attrs[i] == '\r' || attrs[i] == '\f') {
			i++
		}
		val := ""
		if i < len(attrs) && attrs[i] == '=' {
			i++
			for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\n' || attrs[i] == '\r' || attrs[i] == '\f') {
				i++
			}
			if i < len(attrs) && (attrs[i] == '"' || attrs[i] == '\'') {
				q := attrs[i]
				i++
				end := strings.IndexByte(attrs[i:], q)
				if end < 0 {
					end = len(attrs) - i
				}
				val = attrs[i : i+end]
				i += end + 1
			} else {
				vs := i
				for i < len(attrs) && attrs[i] != ' ' && attrs[i] != '\t' && attrs[i] != '\n' && attrs[i] != '\r' && attrs[i] != '\f' {
					i++
				}
				val = attrs[vs:i]
			}
		}
		if name == key {
			return val
		}
		if i == start {
			i++ // a stray character: never loop in place
		}
	}
	return ""
}

// htmlTidy makes the text valid UTF-8, turns no-break spaces, tabs and
// carriage returns into spaces and newlines, collapses runs of spaces, trims
// every line and keeps at most one blank line in a row.
func htmlTidy(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\t", " ", "\f", " ", "\v", " ").Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	empty := 0 // empty lines since the last line with text
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.FieldsFunc(line, func(r rune) bool { return r == ' ' }), " ")
		if line == "" {
			empty++
			continue
		}
		if b.Len() > 0 {
			if empty > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		empty = 0
		b.WriteString(line)
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// asciiLower lowers ASCII letters only, so the result has the same length
// (and byte offsets) as s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
