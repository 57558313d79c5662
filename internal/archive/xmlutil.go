package archive

// This file holds what the XML readers (WordPress, Blogger) share: a
// streaming decoder with limits, and a small tree for one <item> or
// <entry> at a time, so that a whole export is never held in memory.
//
// encoding/xml never expands entities declared in a DTD (an undeclared
// entity is an error), so "billion laughs" cannot happen; the limits below
// bound one token (text, CDATA, tag), the nesting and the size of one
// element's tree, and the file as a whole.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

var (
	// xmlMaxToken is the most bytes one token may take.
	xmlMaxToken int64 = 16 << 20
	// xmlMaxTree is the most bytes of text and attributes kept for one
	// element read as a tree (one post with its comments).
	xmlMaxTree int64 = 32 << 20
	// xmlMaxBytes is the most bytes read from one file.
	xmlMaxBytes int64 = MaxFileBytes
)

// xmlMaxDepth is the deepest nesting of elements accepted.
const xmlMaxDepth = 256

// xmlSniffBytes is how much of a file detection reads.
const xmlSniffBytes = 64 << 10

// xmlDoc is one XML file being read token by token.
type xmlDoc struct {
	platform, file string
	f              fs.File
	g              *limitGuard
	dec            *xml.Decoder
	depth          int
	tokStart       int64
	ns             func(space string) string // the short name of a namespace
}

// errXMLTooDeep is returned for elements nested deeper than xmlMaxDepth.
var errXMLTooDeep = fmt.Errorf("elements nested more than %d deep", xmlMaxDepth)

// openXML opens an XML file of an export; ns maps a namespace (a URL, or a
// prefix left undeclared) to the short name the reader matches on.
func openXML(fsys fs.FS, platform, file string, ns func(string) string) (*xmlDoc, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", platform, err)
	}
	d := &xmlDoc{platform: platform, file: file, f: f, ns: ns}
	d.g = &limitGuard{r: f, max: xmlMaxBytes, rec: xmlMaxToken,
		tooLarge: fmt.Errorf("%w: %s is larger than %d MiB; the rest was not read", ErrTooLarge, file, xmlMaxBytes>>20),
		tooLong:  fmt.Errorf("one text or tag is longer than %d MiB; the rest was not read", xmlMaxToken>>20),
		mark:     func() int64 { return d.tokStart }}
	br := bufio.NewReaderSize(d.g, 64<<10)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	d.dec = xml.NewDecoder(br)
	d.dec.Strict = true
	d.dec.Entity = xml.HTMLEntity // &nbsp; and the like, never DTD entities
	d.dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, errors.New("an encoding scrubs does not know")
		}
		return enc.NewDecoder().Reader(in), nil
	}
	return d, nil
}

func (d *xmlDoc) Close() error { return d.f.Close() }

// line is the line the decoder is at.
func (d *xmlDoc) line() int {
	l, _ := d.dec.InputPos()
	return l
}

// errorf words an error about the file at line (0: none).
func (d *xmlDoc) errorf(line int, format string, args ...any) error {
	if line > 0 {
		return fmt.Errorf("%s: %s (line %d): %s", d.platform, d.file, line, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%s: %s: %s", d.platform, d.file, fmt.Sprintf(format, args...))
}

// token returns the next token, with its own copy of any bytes, keeping
// count of the depth. io.EOF is returned only at the end of a well-formed
// file.
func (d *xmlDoc) token() (xml.Token, error) {
	d.tokStart = d.dec.InputOffset()
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.tokenErr(err)
	}
	switch tok.(type) {
	case xml.StartElement:
		if d.depth++; d.depth > xmlMaxDepth {
			return nil, d.errorf(d.line(), "%v", errXMLTooDeep)
		}
	case xml.EndElement:
		d.depth--
	}
	return xml.CopyToken(tok), nil
}

// tokenErr words an error of the decoder.
func (d *xmlDoc) tokenErr(err error) error {
	var se *xml.SyntaxError
	switch {
	case err == io.EOF:
		if d.depth > 0 {
			return d.errorf(d.line(), "the file ends inside an element (truncated?)")
		}
		return io.EOF
	case errors.Is(err, ErrTooLarge):
		return fmt.Errorf("%s: %w", d.platform, err)
	case errors.Is(err, d.g.tooLong):
		return d.errorf(d.line(), "%v", err)
	case errors.As(err, &se):
		if strings.Contains(se.Msg, "unexpected EOF") {
			return d.errorf(se.Line, "the file ends in the middle of the XML (truncated?)")
		}
		return d.errorf(se.Line, "not valid XML: %s", se.Msg)
	}
	return d.errorf(d.line(), "%v", err)
}

// root reads up to the document's first element and returns it.
func (d *xmlDoc) root() (xml.StartElement, error) {
	for {
		tok, err := d.token()
		if err == io.EOF {
			return xml.StartElement{}, d.errorf(0, "no XML element in the file (empty?)")
		}
		if err != nil {
			return xml.StartElement{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, d.errorf(d.line(), "text before the first element: not an XML file")
			}
		}
	}
}

// xnode is an element read as a tree.
type xnode struct {
	ns, local string // ns is the short name given by xmlDoc.ns
	attr      []xml.Attr
	text      strings.Builder // the text directly inside, CDATA included
	kids      []*xnode
	line      int
}

// kid returns the first child named ns:local, or nil.
func (n *xnode) kid(ns, local string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.local == local && k.ns == ns {
			return k
		}
	}
	return nil
}

// kidText returns the text of the first child named ns:local, trimmed.
func (n *xnode) kidText(ns, local string) string {
	if k := n.kid(ns, local); k != nil {
		return strings.TrimSpace(k.text.String())
	}
	return ""
}

// attrValue returns the value of the attribute named local (any namespace).
func (n *xnode) attrValue(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// innerText is the text of n and all its descendants, in order, with
// the tags of an XHTML body (<p>, <br>, <div>…) as line breaks.
func (n *xnode) innerText() string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(n *xnode) {
		b.WriteString(n.text.String())
		for _, k := range n.kids {
			walk(k)
			switch k.local {
			case "p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
				b.WriteString("\n")
			}
		}
	}
	walk(n)
	return b.String()
}

// tree reads the element that start opened, up to its end, as a tree. An
// element over xmlMaxTree is read to its end and dropped, with an error
// that does not stop the file and does not name it (tooBig is true);
// other errors stop it.
//
// Text between child elements is appended to the parent's text, so the
// text of mixed content comes out without its order among the children;
// innerText is for that case.
func (d *xmlDoc) tree(start xml.StartElement) (n *xnode, tooBig bool, err error) {
	root := &xnode{ns: d.ns(start.Name.Space), local: start.Name.Local, attr: start.Attr, line: d.line()}
	stack := []*xnode{root}
	budget := xmlMaxTree
	over := false
	spend := func(k int) {
		if budget -= int64(k); budget < 0 {
			over = true
		}
	}
	for _, a := range start.Attr {
		spend(len(a.Value) + len(a.Name.Local))
	}
	for len(stack) > 0 {
		tok, err := d.token()
		if err == io.EOF {
			return nil, false, d.errorf(d.line(), "the file ends inside an element (truncated?)")
		}
		if err != nil {
			return nil, false, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			k := &xnode{ns: d.ns(t.Name.Space), local: t.Name.Local, attr: t.Attr, line: d.line()}
			spend(64 + len(t.Name.Local))
			for _, a := range t.Attr {
				spend(len(a.Value) + len(a.Name.Local))
			}
			if !over {
				top.kids = append(top.kids, k)
			}
			stack = append(stack, k)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			spend(len(t))
			if !over {
				top.text.Write(t)
			}
		}
	}
	if over {
		return nil, true, fmt.Errorf("line %d: <%s> is larger than %d MiB: skipped", root.line, start.Name.Local, xmlMaxTree>>20)
	}
	return root, false, nil
}

// xmlSniff reads the start of a file, for detection; "" when it cannot be read.
func xmlSniff(fsys fs.FS, file string) string {
	f, err := fsys.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, xmlSniffBytes)
	n, _ := io.ReadFull(f, buf)
	return string(buf[:n])
}

// xmlImages lists the src of every <img> in an HTML fragment, in order,
// without duplicates.
func xmlImages(frag string) []string {
	var out []string
	seen := map[string]bool{}
	lower := asciiLower(frag)
	for i := 0; ; {
		j := strings.Index(lower[i:], "<img")
		if j < 0 {
			return out
		}
		i += j
		_, attrs, _, n := htmlTag(frag[i:])
		if n == 0 {
			i += 4
			continue
		}
		i += n
		src := strings.TrimSpace(html.UnescapeString(htmlAttr(attrs, "src")))
		if src != "" && !strings.HasPrefix(src, "data:") && !seen[src] {
			seen[src] = true
			out = append(out, src)
		}
	}
}

// eachRecord opens file, checks its root element, and calls fn with each
// record element (named elem, at depth) as a tree, in file order with its
// position from 0. A record over the size limits is noted and skipped; the
// problems noted are returned as the file's error once it is read. It is the
// second pass of the WordPress and Blogger readers.
func eachRecord(ctx context.Context, fsys fs.FS, platform, file string, ns func(string) string,
	root, what, elem string, depth int, fn func(pos int, n *xnode) error) error {
	d, err := openXML(fsys, platform, file, ns)
	if err != nil {
		return err
	}
	defer d.Close()
	r, err := d.root()
	if err != nil {
		return err
	}
	if r.Name.Local != root {
		return d.errorf(d.line(), "the root element is <%s>, want <%s>: not a %s export", r.Name.Local, root, what)
	}
	problems := fileProblems{prefix: platform + ": " + file}
	for pos := 0; ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		tok, err := d.token()
		if err == io.EOF {
			return problems.err()
		}
		if err != nil {
			return firstErr(err, problems.err())
		}
		st, ok := tok.(xml.StartElement)
		if !ok || st.Name.Local != elem || d.depth != depth {
			continue
		}
		n, tooBig, err := d.tree(st)
		if tooBig {
			problems.add("%s %d: %v", elem, pos, err)
			pos++
			continue
		}
		if err != nil {
			return firstErr(err, problems.err())
		}
		if err := fn(pos, n); err != nil {
			return err
		}
		pos++
	}
}
