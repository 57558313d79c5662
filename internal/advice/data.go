package advice

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scrubshq/scrubs/internal/result"
)

// MaxFileBytes is the largest data file Decode accepts.
const MaxFileBytes = 1 << 20

// maxDepth is the deepest nesting of YAML collections Decode accepts.
const maxDepth = 10

// Error is a problem in a data file, with where it is.
type Error struct {
	File   string
	Line   int
	Reason string
}

// Error returns "file:line: reason" (or "file: reason" without a line).
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

// Errorf returns an *Error for file at line.
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// Citation is a pointer to the guidance behind a piece of advice, written in
// the data files as in the rule packs: document, year, paragraph, url, and
// verified: false for a paragraph not yet checked against the document.
type Citation struct {
	Document  string `yaml:"document"`
	Year      int    `yaml:"year"`
	Paragraph string `yaml:"paragraph"`
	URL       string `yaml:"url"`
	Verified  *bool  `yaml:"verified"`
	// Locales, when set, limits the citation to plans for those locales
	// (uk, us, au); used by the incident trees.
	Locales []string `yaml:"locales"`
}

// Locales are the locales a citation or step may be limited to.
var Locales = []string{"uk", "us", "au"}

// AppliesTo reports whether the citation is shown for locale.
func (c Citation) AppliesTo(locale string) bool {
	return len(c.Locales) == 0 || slices.Contains(c.Locales, locale)
}

// Result converts the citation to the JSON contract's form.
func (c Citation) Result() result.Citation {
	return result.Citation{Document: c.Document, Year: c.Year, Paragraph: c.Paragraph,
		URL: c.URL, Unverified: c.Verified != nil && !*c.Verified}
}

// String is the citation on one line: document (year), paragraph, and a
// note when the paragraph is not verified.
func (c Citation) String() string { return FormatCitation(c.Result()) }

// FormatCitation writes a citation on one line for text and Markdown output.
func FormatCitation(c result.Citation) string {
	s := c.Document
	if c.Year != 0 {
		s += fmt.Sprintf(" (%d)", c.Year)
	}
	if c.Paragraph != "" {
		s += ", " + c.Paragraph
	}
	if c.Unverified {
		s += " [not yet verified]"
	}
	return s
}

// Citations is a data file's table of citations by id.
type Citations map[string]Citation

// Check refuses a citation without a document and a year out of range.
func (cs Citations) Check(file string, lines map[string]int) error {
	for _, id := range sortedKeys(cs) {
		c := cs[id]
		if strings.TrimSpace(c.Document) == "" {
			return Errorf(file, lines["citation:"+id], "citation %s has no document", id)
		}
		if c.Year != 0 && (c.Year < 1900 || c.Year > 2100) {
			return Errorf(file, lines["citation:"+id], "citation %s has year %d", id, c.Year)
		}
		for _, l := range c.Locales {
			if !slices.Contains(Locales, l) {
				return Errorf(file, lines["citation:"+id], "citation %s has unknown locale %q (want %s)", id, l, strings.Join(Locales, ", "))
			}
		}
	}
	return nil
}

// Resolve turns citation ids into citations; what names the thing citing
// them in the message. An empty list and an unknown id are refused.
func (cs Citations) Resolve(file string, line int, what string, ids []string) ([]result.Citation, error) {
	if len(ids) == 0 {
		return nil, Errorf(file, line, "%s has no citation (cite: [id])", what)
	}
	out := make([]result.Citation, 0, len(ids))
	for _, id := range ids {
		c, ok := cs[id]
		if !ok {
			return nil, Errorf(file, line, "%s cites unknown citation %q%s", what, id, DidYouMean(id, sortedKeys(cs)))
		}
		out = append(out, c.Result())
	}
	return out, nil
}

// yamlLine matches the line number yaml.v3 puts in its messages.
var yamlLine = regexp.MustCompile(`line (\d+): `)

// Decode checks a YAML data file for size, depth, anchors and aliases and
// documents after the first, refuses mapping keys that name no field of v's
// type, and decodes it into v. It returns the root node, for line numbers.
// Every error is an *Error (file:line: reason).
func Decode(file string, data []byte, v any) (*yaml.Node, error) {
	if len(data) > MaxFileBytes {
		return nil, Errorf(file, 0, "file is %d bytes, more than the %d allowed", len(data), MaxFileBytes)
	}
	if d := flowDepth(data); d > maxDepth*4 {
		return nil, Errorf(file, 0, "nesting is deeper than %d levels", maxDepth)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return nil, Errorf(file, 0, "file is empty")
		}
		return nil, yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, Errorf(file, 0, "file is empty")
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, Errorf(file, extra.Line, "more than one YAML document; a file holds one")
	}
	top := root.Content[0]
	if err := checkNode(file, top, 0); err != nil {
		return nil, err
	}
	if err := knownFields(file, top, reflect.TypeOf(v)); err != nil {
		return nil, err
	}
	if err := top.Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	return top, nil
}

// knownFields refuses mapping keys that name no field of the struct type t
// (through pointers, slices and maps), with the key's line.
func knownFields(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || name == "-" || name == "" {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			ft, ok := fields[key.Value]
			if !ok {
				return Errorf(file, key.Line, "field %q is unknown here%s", key.Value, DidYouMean(key.Value, names))
			}
			if seen[key.Value] {
				return Errorf(file, key.Line, "field %q appears twice", key.Value)
			}
			seen[key.Value] = true
			if err := knownFields(file, n.Content[i+1], ft); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if err := knownFields(file, c, t.Elem()); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if err := knownFields(file, n.Content[i], t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// flowDepth returns the deepest nesting of [ and { brackets, a cheap guard
// run before the parser sees the text.
func flowDepth(data []byte) int {
	depth, max := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			if depth > max {
				max = depth
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return max
}

func checkNode(file string, n *yaml.Node, depth int) error {
	if depth > maxDepth {
		return Errorf(file, n.Line, "nesting is deeper than %d levels", maxDepth)
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return Errorf(file, n.Line, "YAML anchors and aliases are not allowed; write the value out")
	}
	for _, c := range n.Content {
		if err := checkNode(file, c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// yamlError turns a yaml.v3 error into file:line: reason.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		line, _ = strconv.Atoi(msg[m[2]:m[3]])
		msg = msg[:m[0]] + msg[m[1]:]
	}
	return Errorf(file, line, "%s", msg)
}

// Lines records the line of every map key and of every sequence item under
// the root, as "path" keys: "platforms#0", "platforms#0/items#2",
// "citations/gmc-9" (and "citation:ID" for the entries of a citations map).
func Lines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := k.Value
				if path != "" {
					p = path + "/" + k.Value
				}
				lines[p] = k.Line
				if strings.HasSuffix(path, "citations") {
					lines["citation:"+k.Value] = k.Line
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := path + "#" + strconv.Itoa(i)
				lines[p] = c.Line
				walk(c, p)
			}
		}
	}
	walk(root, "")
	return lines
}

// DidYouMean returns ` (did you mean "x"?)` for the known word nearest s, or
// "" when none is near.
func DidYouMean(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(s), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
