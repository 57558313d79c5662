package eval

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/scrubshq/scrubs/internal/result"
)

// Scheme describes what a corpus annotates: which of our entity types are
// scored and how the corpus's own categories map onto them.
//
// A prediction is scored only when its type is in the scheme (a label's
// types, Extra or Partial); others are counted as "outside the scheme" and
// otherwise ignored. A gold span is scored only when its category belongs to a
// label; an unmatched prediction overlapping an unscored gold span is ignored.
type Scheme struct {
	// Name names the scheme (the corpus format).
	Name string `json:"name"`
	// Labels are the scored rows: each maps corpus categories to the types
	// that may match them (type-strict matching accepts any of them).
	Labels []Label `json:"labels"`
	// Extra are types scored with no gold category of their own: their
	// predictions can only be false positives at the type-strict level (for
	// instance NAME_OTHER where the corpus always knows a name's role), but
	// match as names or entities at the other levels.
	Extra []result.Type `json:"extra_types,omitempty"`
	// Partial are types the corpus labels only sometimes: a prediction of
	// such a type counts when it matches a gold span and is ignored, not a
	// false positive, when it does not.
	Partial []result.Type `json:"partial_types,omitempty"`
	// Exclusions describe predictions the corpus does not label although
	// their type is scored; they are ignored when they match no gold span.
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// Unscored lists the corpus categories that are not scored.
	Unscored []string `json:"unscored_categories,omitempty"`
	// Notes are caveats for whoever reads the figures.
	Notes []string `json:"notes,omitempty"`
}

// Label is one scored row of a scheme.
type Label struct {
	// Name names the row: our type when there is one, else the corpus's category.
	Name string `json:"name"`
	// Categories are the corpus categories of the row.
	Categories []string `json:"categories"`
	// Types are our types that match the row's gold spans; the first is the
	// Mapped type of its gold spans.
	Types []result.Type `json:"types"`
}

// Exclusion describes predictions of a scored type that the corpus does not
// label. An unmatched prediction of Type is ignored (not a false positive)
// when Pattern matches its text, or when MaxNumber > 0 and no integer in its
// text is greater than MaxNumber.
type Exclusion struct {
	// Type is the predicted type the exclusion applies to.
	Type result.Type `json:"type"`
	// Pattern is a regular expression (Go syntax) matched against the
	// prediction's text.
	Pattern string `json:"pattern,omitempty"`
	// MaxNumber, when > 0, excludes predictions holding no integer above it.
	MaxNumber int `json:"max_number,omitempty"`
	// Reason says why, for the report.
	Reason string `json:"reason"`
}

// Types returns the scored types, in result.AllTypes order (then any type
// unknown to result, in the order the scheme names it).
func (s Scheme) Types() []result.Type {
	set := map[result.Type]bool{}
	var extra []result.Type
	addAll := func(ts []result.Type) {
		for _, t := range ts {
			if !set[t] {
				set[t] = true
				if !slices.Contains(result.AllTypes, t) {
					extra = append(extra, t)
				}
			}
		}
	}
	for _, l := range s.Labels {
		addAll(l.Types)
	}
	addAll(s.Extra)
	addAll(s.Partial)
	var out []result.Type
	for _, t := range result.AllTypes {
		if set[t] {
			out = append(out, t)
		}
	}
	return append(out, extra...)
}

// Unannotated returns our types the corpus does not annotate: predictions of
// these types are not scored.
func (s Scheme) Unannotated() []result.Type {
	scored := s.Types()
	var out []result.Type
	for _, t := range result.AllTypes {
		if !slices.Contains(scored, t) {
			out = append(out, t)
		}
	}
	return out
}

// LabelOf returns the label scoring a corpus category.
func (s Scheme) LabelOf(category string) (Label, bool) {
	for _, l := range s.Labels {
		if slices.Contains(l.Categories, category) {
			return l, true
		}
	}
	return Label{}, false
}

// Map returns our type for a corpus category (the first type of its label),
// or "" when the category is not scored.
func (s Scheme) Map(category string) result.Type {
	if l, ok := s.LabelOf(category); ok && len(l.Types) > 0 {
		return l.Types[0]
	}
	return ""
}

// Validate reports a malformed scheme: a label with no name, category or
// type, a category or label name used twice, or a bad exclusion.
func (s Scheme) Validate() error {
	names := map[string]bool{}
	cats := map[string]bool{}
	for _, l := range s.Labels {
		if l.Name == "" || len(l.Categories) == 0 || len(l.Types) == 0 {
			return fmt.Errorf("eval: scheme %s: label %q needs a name, categories and types", s.Name, l.Name)
		}
		if names[l.Name] {
			return fmt.Errorf("eval: scheme %s: label %q twice", s.Name, l.Name)
		}
		names[l.Name] = true
		for _, c := range l.Categories {
			if cats[c] {
				return fmt.Errorf("eval: scheme %s: category %q in two labels", s.Name, c)
			}
			cats[c] = true
		}
	}
	for _, e := range s.Exclusions {
		if e.Pattern == "" && e.MaxNumber <= 0 {
			return fmt.Errorf("eval: scheme %s: exclusion for %s has neither pattern nor max_number", s.Name, e.Type)
		}
		if _, err := regexp.Compile(e.Pattern); err != nil {
			return fmt.Errorf("eval: scheme %s: exclusion for %s: %w", s.Name, e.Type, err)
		}
	}
	return nil
}

// row is one type-strict scoring row: a label, or a scored type that no
// label covers.
type row struct {
	name   string
	types  []result.Type
	isName bool // every type is a person-name type
}

type exclusion struct {
	typ   result.Type
	re    *regexp.Regexp
	maxN  int
	maxOK bool
}

// compiled is a scheme prepared for scoring.
type compiled struct {
	Scheme
	rows     []row
	catRow   map[string]int
	home     map[result.Type]int // the row an unmatched prediction of a type counts in
	scored   map[result.Type]bool
	partial  map[result.Type]bool
	excl     []exclusion
	hasNames bool
}

func compile(s Scheme) (*compiled, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	c := &compiled{Scheme: s, catRow: map[string]int{}, home: map[result.Type]int{},
		scored: map[result.Type]bool{}, partial: map[result.Type]bool{}}
	for _, l := range s.Labels {
		r := row{name: l.Name, types: l.Types, isName: true}
		for _, t := range l.Types {
			if !t.IsName() {
				r.isName = false
			}
			if _, ok := c.home[t]; !ok {
				c.home[t] = len(c.rows)
			}
		}
		if r.isName {
			c.hasNames = true
		}
		for _, cat := range l.Categories {
			c.catRow[cat] = len(c.rows)
		}
		c.rows = append(c.rows, r)
	}
	for _, t := range s.Types() {
		c.scored[t] = true
		if _, ok := c.home[t]; !ok {
			c.home[t] = len(c.rows)
			c.rows = append(c.rows, row{name: string(t), types: []result.Type{t}, isName: t.IsName()})
		}
	}
	for _, t := range s.Partial {
		c.partial[t] = true
	}
	for _, e := range s.Exclusions {
		x := exclusion{typ: e.Type, maxN: e.MaxNumber, maxOK: e.MaxNumber > 0}
		if e.Pattern != "" {
			x.re = regexp.MustCompile(e.Pattern) // checked by Validate
		}
		c.excl = append(c.excl, x)
	}
	return c, nil
}

// excluded reports whether an exclusion covers a prediction.
func (c *compiled) excluded(t result.Type, text string) bool {
	for _, x := range c.excl {
		if x.typ != t {
			continue
		}
		if x.re != nil && x.re.MatchString(text) {
			return true
		}
		if x.maxOK && maxInt(text) <= x.maxN {
			return true
		}
	}
	return false
}

// maxInt returns the greatest run of ASCII digits in s as a number, or -1.
func maxInt(s string) int {
	best := -1
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(s[i:j])
		if err != nil { // too long for an int: certainly large
			n = int(^uint(0) >> 1)
		}
		best = max(best, n)
		i = j
	}
	return best
}

func one(t result.Type) []result.Type { return []result.Type{t} }

// JSONLScheme is the scheme of the project's own corpora (docs/ANNOTATION.md):
// every one of our types, each its own category.
func JSONLScheme() Scheme {
	s := Scheme{Name: FormatJSONL}
	for _, t := range result.AllTypes {
		s.Labels = append(s.Labels, Label{Name: string(t), Categories: []string{string(t)}, Types: one(t)})
	}
	s.Notes = []string{"spans follow docs/ANNOTATION.md: every entity of every type, in safe and risky posts alike"}
	return s
}

// deidLocation are the types a deid Location span may be.
var deidLocation = []result.Type{result.Hospital, result.Ward, result.City, result.Street,
	result.Country, result.Organization, result.Postcode, result.ZIP}

// DeidScheme is the scheme of the PhysioNet deid gold standard (US ICU
// nursing notes, surrogate PHI).
func DeidScheme() Scheme {
	return Scheme{
		Name: FormatDeid,
		Labels: []Label{
			{Name: string(result.NamePatient), Categories: []string{"PTName", "PTNameInitial"}, Types: one(result.NamePatient)},
			{Name: string(result.NameRelative), Categories: []string{"RelativeProxyName"}, Types: one(result.NameRelative)},
			{Name: string(result.NameStaff), Categories: []string{"HCPName"}, Types: one(result.NameStaff)},
			{Name: string(result.Age), Categories: []string{"Age"}, Types: one(result.Age)},
			{Name: string(result.Date), Categories: []string{"Date", "DateYear"}, Types: one(result.Date)},
			{Name: "LOCATION", Categories: []string{"Location"}, Types: deidLocation},
			{Name: string(result.Phone), Categories: []string{"Phone"}, Types: one(result.Phone)},
			{Name: "OTHER_ID", Categories: []string{"Other"}, Types: []result.Type{result.IDOther, result.MRN}},
		},
		Extra:   []result.Type{result.NameOther},
		Partial: []result.Type{result.Ward},
		Exclusions: []Exclusion{
			{Type: result.Age, MaxNumber: 89,
				Reason: "only ages over 89 are PHI in deid: an AGE prediction counts only when its number is over 89"},
			{Type: result.Date, Pattern: `(?i)^(?:(?:last|next|this|on)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|tomorrow|weekend|last\s+night|overnight)$`,
				Reason: "weekdays and relative days (\"Tuesday\", \"yesterday\") are not labelled as Date in deid"},
		},
		Notes: []string{
			"only ages over 89 are PHI (HIPAA): ages under 90 are not labelled",
			"times, rooms and beds, usernames, e-mail, URLs and UK identifiers are not labelled: such predictions are not scored",
			"wards: the name of a named unit is labelled as Location, unit abbreviations (MICU, CCU) are not; WARD predictions count only when they match",
			"Location covers hospitals, named units, towns, states, streets and companies: any of its types matches it",
			"gold spans hold no titles (\"Dr.\", \"Mr.\"), so exact matching undercounts names; prefer overlap",
			"multi-word PHI is labelled word by word; the reader joins same-category spans separated only by spaces",
			"NAME_OTHER is scored: every person's name is PHI here, but the corpus always knows the role, so NAME_OTHER matches only at the name and entity levels",
		},
	}
}

// PresidioScheme is the scheme of presidio-research's synthetic dataset
// (synth_dataset_v2.json).
func PresidioScheme() Scheme {
	return Scheme{
		Name: FormatPresidio,
		Labels: []Label{
			{Name: "PERSON", Categories: []string{"PERSON"}, Types: []result.Type{result.NameOther, result.NamePatient, result.NameRelative, result.NameStaff}},
			{Name: "GPE", Categories: []string{"GPE"}, Types: []result.Type{result.City, result.Country}},
			{Name: "ORGANIZATION", Categories: []string{"ORGANIZATION"}, Types: []result.Type{result.Organization, result.Hospital}},
			{Name: "DATE_TIME", Categories: []string{"DATE_TIME"}, Types: []result.Type{result.Date, result.Time}},
			{Name: string(result.Age), Categories: []string{"AGE"}, Types: one(result.Age)},
			{Name: string(result.Phone), Categories: []string{"PHONE_NUMBER"}, Types: one(result.Phone)},
			{Name: string(result.Email), Categories: []string{"EMAIL_ADDRESS"}, Types: one(result.Email)},
			{Name: string(result.URL), Categories: []string{"DOMAIN_NAME"}, Types: one(result.URL)},
			{Name: string(result.IPAddress), Categories: []string{"IP_ADDRESS"}, Types: one(result.IPAddress)},
			{Name: string(result.ZIP), Categories: []string{"ZIP_CODE"}, Types: one(result.ZIP)},
			{Name: string(result.SSN), Categories: []string{"US_SSN"}, Types: one(result.SSN)},
			{Name: string(result.IDOther), Categories: []string{"US_DRIVER_LICENSE"}, Types: one(result.IDOther)},
			{Name: "STREET_ADDRESS", Categories: []string{"STREET_ADDRESS"},
				Types: []result.Type{result.Street, result.City, result.Country, result.ZIP, result.Postcode}},
		},
		Unscored: []string{"CREDIT_CARD", "IBAN_CODE", "TITLE", "NRP"},
		Notes: []string{
			"CREDIT_CARD, IBAN_CODE, TITLE (honorifics and job titles) and NRP (nationalities, religions) are not scored; predictions overlapping them are ignored",
			"wards, rooms, usernames, UK identifiers (NHS, NI, MRN), professions, vehicles and features are not labelled: such predictions are not scored",
			"STREET_ADDRESS spans are often whole addresses (street, town, state, country, ZIP): a STREET, CITY, COUNTRY, ZIP or POSTCODE prediction inside one matches it",
			"PERSON has no role: any of the four name types matches it",
			"DATE_TIME includes bare years (\"founded in 1977\") that our guide does not count as dates",
			"the text is synthetic, US-centric and not social media",
		},
	}
}

// vectorTypes maps the vector set's identifier types to ours.
var vectorTypes = map[string]result.Type{
	"UK_NHS":        result.NHSNumber,
	"UK_NHS_FORMAT": result.NHSNumber,
	"UK_NINO":       result.NINumber,
	"UK_POSTCODE":   result.Postcode,
	"US_SSN":        result.SSN,
}

// VectorsScheme is the scheme of the identifier test vectors
// (identifier_vectors.json).
func VectorsScheme() Scheme {
	return Scheme{
		Name: FormatVectors,
		Labels: []Label{
			{Name: string(result.NHSNumber), Categories: []string{"UK_NHS", "UK_NHS_FORMAT"}, Types: one(result.NHSNumber)},
			{Name: string(result.NINumber), Categories: []string{"UK_NINO"}, Types: one(result.NINumber)},
			{Name: string(result.Postcode), Categories: []string{"UK_POSTCODE"}, Types: one(result.Postcode)},
			{Name: string(result.SSN), Categories: []string{"US_SSN"}, Types: one(result.SSN)},
		},
		Notes: []string{
			"one short sentence per vector; the headline is the valid/invalid decision per identifier type",
			"UK_NHS_FORMAT negatives encode one crate's strict parsing policy (hyphens, spacing), not checksum facts",
			"DWP NI vectors use the loose expectation; vectors padded with white space or with only a strict expectation are skipped",
			"only the identifier types of the vector set are scored",
		},
	}
}

// SchemeFor returns the scheme of a corpus format.
func SchemeFor(format string) (Scheme, error) {
	switch format {
	case FormatJSONL:
		return JSONLScheme(), nil
	case FormatDeid:
		return DeidScheme(), nil
	case FormatPresidio:
		return PresidioScheme(), nil
	case FormatVectors:
		return VectorsScheme(), nil
	case FormatDavidson:
		return DavidsonScheme(), nil
	}
	return Scheme{}, fmt.Errorf("eval: unknown corpus format %q (want one of %v)", format, Formats)
}
