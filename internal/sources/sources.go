// Package sources is the list of documents scrubs cites: professional
// guidance, codes, laws, regulator decisions and research papers, each with
// its publisher, year, locale and (where the project's guidance notes give
// one) a URL. Rule packs, lexicons, training scenarios and advice texts name
// these documents; the tests check that every citation names a listed one.
//
// The list is data, in the embedded sources.yaml.
package sources

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Source is one cited document.
type Source struct {
	// ID is a short stable name, such as "gmc-social-media-2024".
	ID string `yaml:"id" json:"id"`
	// Title is the document as rule packs write it in a citation's document field.
	Title string `yaml:"title" json:"title"`
	// Also lists other ways packs or lexicons write the same document.
	Also []string `yaml:"also" json:"also,omitempty"`
	// Publisher is who issued the document.
	Publisher string `yaml:"publisher" json:"publisher"`
	// Year is the year of the edition cited, 0 when not recorded.
	Year int `yaml:"year" json:"year,omitempty"`
	// URL is where the document can be read, only where the guidance notes give one.
	URL string `yaml:"url" json:"url,omitempty"`
	// Locale is where the document applies: uk, us, au, ca, ie, or intl.
	Locale string `yaml:"locale" json:"locale"`
	// Kind is guidance, standard, law, regulator, research or informal.
	Kind string `yaml:"kind" json:"kind"`
	// Note says what is still to verify or what the document replaced.
	Note string `yaml:"note" json:"note,omitempty"`
}

// Locales a source may apply to.
var Locales = []string{"uk", "us", "au", "ca", "ie", "intl"}

// Kinds of source.
var Kinds = []string{"guidance", "standard", "law", "regulator", "research", "informal"}

//go:embed sources.yaml
var data []byte

var (
	once    sync.Once
	list    []Source
	byID    map[string]int
	byName  map[string]int
	loadErr error
)

// load parses the embedded list once; a broken list panics, since the tests
// check it and nothing can be cited without it.
func load() {
	once.Do(func() {
		list, loadErr = Parse(data)
		if loadErr != nil {
			panic("sources: " + loadErr.Error())
		}
		byID = make(map[string]int, len(list))
		byName = make(map[string]int, 2*len(list))
		for i, s := range list {
			byID[s.ID] = i
			byName[normalise(s.Title)] = i
			for _, a := range s.Also {
				byName[normalise(a)] = i
			}
		}
	})
}

// All returns every source in the order of sources.yaml. The slice is a copy.
func All() []Source {
	load()
	out := make([]Source, len(list))
	copy(out, list)
	for i := range out {
		out[i].Also = append([]string(nil), out[i].Also...)
	}
	return out
}

// ByID returns the source with the given id.
func ByID(id string) (Source, bool) {
	load()
	i, ok := byID[strings.TrimSpace(id)]
	if !ok {
		return Source{}, false
	}
	return list[i], true
}

// Lookup finds the source a citation's document names. Case, surrounding
// space, runs of white space and curly quotes do not matter. The document
// matches a source when it equals its title or one of its other spellings, or
// begins with one followed by ", ", ": " or " (" – a part of the document
// ("UK GDPR, Article 9: ...") or a remark on it ("... (Freedom to Speak Up)").
// When several titles begin the document the longest wins.
func Lookup(document string) (Source, bool) {
	load()
	d := normalise(document)
	if d == "" {
		return Source{}, false
	}
	if i, ok := byName[d]; ok {
		return list[i], true
	}
	// try the longest prefix ending before a separator
	for end := len(d) - 1; end > 0; end-- {
		if !separatorAt(d, end) {
			continue
		}
		if i, ok := byName[d[:end]]; ok {
			return list[i], true
		}
	}
	return Source{}, false
}

// separatorAt reports whether d[at:] starts with ", ", ": " or " (".
func separatorAt(d string, at int) bool {
	rest := d[at:]
	return strings.HasPrefix(rest, ", ") || strings.HasPrefix(rest, ": ") || strings.HasPrefix(rest, " (")
}

var spaces = regexp.MustCompile(`\s+`)

var quotes = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-")

// normalise folds case, quotes and white space for matching.
func normalise(s string) string {
	s = quotes.Replace(s)
	s = spaces.ReplaceAllString(strings.TrimSpace(s), " ")
	return strings.ToLower(s)
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse reads and checks a source list in the format of sources.yaml: unknown
// fields, missing or duplicate ids and titles, and unknown locales or kinds
// are errors. It is exported for tests and tools; callers use All and Lookup.
func Parse(b []byte) ([]Source, error) {
	var doc struct {
		Sources []Source `yaml:"sources"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("sources.yaml: %w", err)
	}
	if len(doc.Sources) == 0 {
		return nil, fmt.Errorf("sources.yaml: no sources")
	}
	ids := map[string]bool{}
	names := map[string]string{}
	for n, s := range doc.Sources {
		where := fmt.Sprintf("sources.yaml: source %d (%s)", n+1, s.ID)
		switch {
		case !idPattern.MatchString(s.ID):
			return nil, fmt.Errorf("%s: id must be lower-case words joined by -", where)
		case ids[s.ID]:
			return nil, fmt.Errorf("%s: duplicate id", where)
		case strings.TrimSpace(s.Title) == "":
			return nil, fmt.Errorf("%s: no title", where)
		case strings.TrimSpace(s.Publisher) == "":
			return nil, fmt.Errorf("%s: no publisher", where)
		case !contains(Locales, s.Locale):
			return nil, fmt.Errorf("%s: locale %q is not one of %v", where, s.Locale, Locales)
		case !contains(Kinds, s.Kind):
			return nil, fmt.Errorf("%s: kind %q is not one of %v", where, s.Kind, Kinds)
		case s.Year != 0 && (s.Year < 1900 || s.Year > 2100):
			return nil, fmt.Errorf("%s: year %d out of range", where, s.Year)
		case s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://"):
			return nil, fmt.Errorf("%s: url %q is not http(s)", where, s.URL)
		}
		ids[s.ID] = true
		for _, name := range append([]string{s.Title}, s.Also...) {
			k := normalise(name)
			if other, dup := names[k]; dup {
				return nil, fmt.Errorf("%s: title %q is also source %s", where, name, other)
			}
			names[k] = s.ID
		}
	}
	return doc.Sources, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
