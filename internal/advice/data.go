package advice

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/yamldoc"
)

// MaxFileBytes is the largest data file Decode accepts.
const MaxFileBytes = 1 << 20

// maxDepth is the deepest nesting of YAML collections Decode accepts.
const maxDepth = 10

// Error is a problem in a data file, with where it is (file:line: reason).
type Error = yamldoc.Error

// Errorf returns an *Error for file at line.
func Errorf(file string, line int, format string, args ...any) error {
	return yamldoc.Errorf(file, line, format, args...)
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

// Decode checks a YAML data file for size, depth, anchors and aliases and
// documents after the first, refuses mapping keys that name no field of v's
// type, and decodes it into v. It returns the root node, for line numbers.
// Every error is an *Error (file:line: reason).
func Decode(file string, data []byte, v any) (*yaml.Node, error) {
	return yamldoc.Decode(file, data, v, yamldoc.Limits{MaxBytes: MaxFileBytes, MaxDepth: maxDepth})
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
// DidYouMean returns ` (did you mean "x"?)` for the known word closest to s,
// or "".
func DidYouMean(s string, known []string) string { return yamldoc.DidYouMean(s, known) }

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
