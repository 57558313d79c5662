// Package mosaic estimates how many people the details of a post could
// describe (an anonymity-set size k), from the population of the place named
// and rough shares of people by age band, sex, occupation, condition and event,
// and explains the count in words.
//
// The arithmetic is the one guidance.md A10 gives: people who fit ≈ population
// of the place × share of that age band and sex × share with that occupation,
// condition or event. Details are taken as independent, which they are not
// quite; the figure is an order of magnitude, shown with its reasons.
package mosaic

import (
	"bytes"
	_ "embed" // the tables and their snapshot
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/yamldoc"
)

//go:embed tables.yaml
var tablesYAML []byte

// tablesSnapshot is tables.yaml decoded, as a yamldoc.Snapshot written by
// `go generate ./internal/mosaic` (WriteSnapshot): New reads it in ~1 ms
// where yaml.v3 takes ~6 ms, on the critical path of a cold start. It is
// used only while it matches tables.yaml byte for byte (else New decodes
// the YAML), and TestTablesSnapshotIsFresh fails when it is stale.
//
//go:generate go run ./snapshotgen -out tables.snapshot
//go:embed tables.snapshot
var tablesSnapshot []byte

// Figure is a number with where it comes from.
type Figure struct {
	People      float64 `yaml:"people"`
	Source      string  `yaml:"source"`
	Approximate bool    `yaml:"approximate"`
}

// Region is a named area bigger than a town.
type Region struct {
	Name        string  `yaml:"name"`
	Locale      string  `yaml:"locale"`
	People      float64 `yaml:"people"`
	Source      string  `yaml:"source"`
	Approximate bool    `yaml:"approximate"`
}

// Band is the share of all people in an age band, and the share of them who are women.
type Band struct {
	Min    int     `yaml:"min"`
	Max    int     `yaml:"max"`
	Share  float64 `yaml:"share"`
	Female float64 `yaml:"female"`
}

// AgeTable is a locale's age bands.
type AgeTable struct {
	Source string `yaml:"source"`
	Bands  []Band `yaml:"bands"`
}

// Row is one occupation, condition, event, feature, celebrity hint or relative fact.
type Row struct {
	Match       []string `yaml:"match"`
	Label       string   `yaml:"label"`
	Share       float64  `yaml:"share"`
	PerYear     float64  `yaml:"per_year"`
	Prevalence  float64  `yaml:"prevalence"`
	Source      string   `yaml:"source"`
	Approximate bool     `yaml:"approximate"`
}

// Tables are the figures the estimate uses (tables.yaml).
type Tables struct {
	Population  map[string]Figure   `yaml:"population"`
	Regions     []Region            `yaml:"regions"`
	Age         map[string]AgeTable `yaml:"age"`
	Sex         map[string][]string `yaml:"sex"`
	Occupations []Row               `yaml:"occupations"`
	Conditions  []Row               `yaml:"conditions"`
	Events      []Row               `yaml:"events"`
	Features    []Row               `yaml:"features"`
	Celebrity   []Row               `yaml:"celebrity"`
	Relatives   []Row               `yaml:"relatives"`
}

// Detail kinds, in the order the explanation lists them.
const (
	kindAge = iota
	kindSex
	kindOccupation
	kindCondition
	kindEvent
	kindFeature
	kindCelebrity
	kindRelative
	kindRegion
	kindPlace
	kindTime
	kindCare
	numKinds
)

var kindNames = [numKinds]string{"age", "sex", "occupation", "condition", "event", "feature",
	"celebrity", "relative", "region", "place", "time", "care"}

type owner struct {
	kind int
	row  *Row
	reg  *Region
	sex  string
}

// Estimator holds the compiled tables. It is safe for concurrent use.
type Estimator struct {
	t      Tables
	set    *phrase.Set
	owners []owner
}

// New compiles the embedded tables (from their snapshot when it is fresh).
func New() (*Estimator, error) {
	var t Tables
	if yamldoc.ReadSnapshot(tablesSnapshot).Decode("tables.yaml", tablesYAML, &t) {
		return compile(t)
	}
	return Parse(tablesYAML)
}

// WriteSnapshot decodes the embedded tables from their YAML and writes
// their snapshot to w (for go generate; see tablesSnapshot).
func WriteSnapshot(w io.Writer) error {
	t, err := decodeTables(tablesYAML)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := yamldoc.AppendSnapshot(&b, "tables.yaml", tablesYAML, t); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// Parse compiles tables given as YAML.
func Parse(data []byte) (*Estimator, error) {
	t, err := decodeTables(data)
	if err != nil {
		return nil, err
	}
	return compile(t)
}

// decodeTables decodes tables given as YAML, refusing unknown fields.
func decodeTables(data []byte) (Tables, error) {
	var t Tables
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return Tables{}, fmt.Errorf("mosaic tables: %w", err)
	}
	return t, nil
}

// compile checks decoded tables and compiles their patterns.
func compile(t Tables) (*Estimator, error) {
	e := &Estimator{t: t, set: phrase.NewSet()}
	add := func(pat string, o owner) error {
		p, err := phrase.Compile(pat, false)
		if err != nil {
			return fmt.Errorf("mosaic tables: %v", err)
		}
		e.set.Add(p)
		e.owners = append(e.owners, o)
		return nil
	}
	groups := []struct {
		kind int
		rows []Row
	}{
		{kindOccupation, t.Occupations}, {kindCondition, t.Conditions}, {kindEvent, t.Events},
		{kindFeature, t.Features}, {kindCelebrity, t.Celebrity}, {kindRelative, t.Relatives},
	}
	for _, g := range groups {
		for i := range g.rows {
			r := &g.rows[i]
			if r.Label == "" || r.Source == "" || r.Share+r.PerYear+r.Prevalence <= 0 {
				return nil, fmt.Errorf("mosaic tables: %s row %q needs a label, a source and a figure", kindNames[g.kind], strings.Join(r.Match, "|"))
			}
			for _, m := range r.Match {
				if err := add(m, owner{kind: g.kind, row: r}); err != nil {
					return nil, err
				}
			}
		}
	}
	for i := range t.Regions {
		r := &e.t.Regions[i]
		if err := add(literal(r.Name), owner{kind: kindRegion, reg: r}); err != nil {
			return nil, err
		}
	}
	for _, sex := range slices.Sorted(maps.Keys(t.Sex)) { // in a fixed order: pattern ids are the order of adding
		for _, w := range t.Sex[sex] {
			if err := add(w, owner{kind: kindSex, sex: sex}); err != nil {
				return nil, err
			}
		}
	}
	for loc, a := range t.Age {
		sum := 0.0
		for _, b := range a.Bands {
			sum += b.Share
		}
		if math.Abs(sum-1) > 0.05 {
			return nil, fmt.Errorf("mosaic tables: age shares for %s sum to %.3f, not 1", loc, sum)
		}
	}
	return e, nil
}

func literal(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ")
}

// Detail is one quasi-identifier that narrows the count.
type Detail struct {
	Kind  string
	Label string
	// Share is the fraction of people the detail keeps (1 when it has no figure).
	Share float64
	// Figure is false when no figure was found and a default share was assumed.
	Figure     bool
	Start, End int // byte offsets of the normalised text; -1 when none
}

// Estimate is the result for one post.
type Estimate struct {
	// K is the expected number of people who fit; +Inf when no detail narrows it.
	K float64
	// Place and Population are where the count starts.
	Place      string
	Population float64
	Details    []Detail
	// Count is the number of distinct kinds of detail (sex not counted).
	Count int
}

// defaultShare is assumed for a detail the tables have no figure for.
const defaultShare = 0.01

// catchment is the people a hospital named without a town serves: England's
// ~56 million people over ~140 acute trusts (approximate).
const catchment = 400000

// Estimate counts the people who fit the details found in v and the entities
// (offsets in the original text of v.Doc; ents must carry the norm spans via
// the doc). locale picks the country when no place is named.
func (e *Estimator) Estimate(v *phrase.View, ents []result.Entity, locale string) Estimate {
	return e.EstimateFrom(e.set.Find(v, nil), ents, locale)
}

// Patterns returns the tables' phrase patterns in id order, so that a caller
// can find them in its own pass over a post and hand the matches to
// EstimateFrom (with the ids renumbered back to these).
func (e *Estimator) Patterns() []*phrase.Pattern {
	out := make([]*phrase.Pattern, e.set.Len())
	for i := range out {
		out[i] = e.set.Pattern(i)
	}
	return out
}

// EstimateFrom is Estimate given the matches of Patterns in the post.
func (e *Estimator) EstimateFrom(matches []phrase.Match, ents []result.Entity, locale string) Estimate {
	if locale == "" {
		locale = "uk"
	}
	est := Estimate{K: math.Inf(1)}
	pop, ok := e.t.Population[locale]
	if !ok {
		pop = e.t.Population["uk"]
	}
	est.Population = pop.People
	switch locale {
	case "uk":
		est.Place = "the UK"
	case "us":
		est.Place = "the US"
	case "au":
		est.Place = "Australia"
	}
	seen := [numKinds]bool{}
	var details []Detail
	ageBand := -1
	ageLo, ageHi := -1, -1
	window := 1.0 // years over which events are counted
	timed := false

	// Entities: place, age, time, care setting, profession.
	for _, en := range ents {
		switch en.Type {
		case result.City:
			p := placePopulation(en.Text)
			if p > 0 && float64(p) < est.Population {
				est.Population, est.Place = float64(p), en.Text
				seen[kindPlace] = true
			} else if !seen[kindPlace] {
				seen[kindPlace] = true
				if p == 0 && est.Population > 100000 {
					// a place without a known population: a town of ~20,000 (assumed)
					est.Population, est.Place = 20000, en.Text
					details = append(details, Detail{Kind: "place", Label: "in " + en.Text + " (no population figure; a town of 20,000 assumed)", Share: 1, Start: -1, End: -1})
				}
			}
		case result.Hospital, result.Ward, result.Room:
			if !seen[kindCare] {
				seen[kindCare] = true
				if !seen[kindPlace] && est.Population > catchment {
					est.Population, est.Place = catchment, "the area "+en.Text+" serves"
				}
			}
		case result.Age:
			if lo, hi, ok := ageRange(en.Text); ok && !seen[kindAge] {
				seen[kindAge] = true
				ageLo, ageHi = lo, hi
			}
		case result.Date, result.Time:
			if !timed {
				timed = true
				seen[kindTime] = true
				window = 7.0 / 365
			}
		case result.Profession, result.Feature:
			// counted below through the tables, or with a default share
		}
	}

	// Phrases: occupations, conditions, events, features, celebrity, relatives, regions, sex.
	var sexes sexCount
	for _, m := range matches {
		o := e.owners[m.ID]
		switch o.kind {
		case kindSex:
			sexes.add(o.sex, m.Start, m.End)
		case kindRegion:
			if o.reg.Locale != "" && o.reg.Locale != locale {
				continue // Georgia the state is not a patient called Georgia in a UK post
			}
			sameAsPlace := strings.EqualFold(est.Place, o.reg.Name)
			if sameAsPlace || o.reg.People < est.Population && !seen[kindPlace] {
				// the region table knows this locale's county better than the
				// gazetteer's namesake elsewhere (Norfolk, England, not Virginia)
				est.Population, est.Place = o.reg.People, o.reg.Name
				seen[kindRegion] = true
			}
		default:
			if seen[o.kind] && o.kind != kindCondition && o.kind != kindEvent {
				continue
			}
			if hasDetail(details, o.row.Label) {
				continue
			}
			seen[o.kind] = true
			share := o.row.Share
			label := o.row.Label
			switch {
			case o.row.Prevalence > 0:
				share = o.row.Prevalence
			case o.row.PerYear > 0:
				share = math.Min(1, o.row.PerYear*window)
			}
			details = append(details, Detail{Kind: kindNames[o.kind], Label: label, Share: share, Figure: true, Start: m.Start, End: m.End})
		}
	}
	// Entities the tables did not cover: a profession or a distinctive feature.
	covered := func(en result.Entity) bool { // a table detail already counts these words
		for _, d := range details {
			if d.Start >= 0 && d.Start < en.End && en.Start < d.End {
				return true
			}
		}
		return false
	}
	for _, en := range ents {
		if (en.Type == result.Feature || en.Type == result.Profession) && covered(en) {
			continue
		}
		if en.Type == result.Feature && !seen[kindFeature] {
			seen[kindFeature] = true
			details = append(details, Detail{Kind: "feature", Label: en.Text + " (no figure; 1 in 100 assumed)", Share: defaultShare, Start: -1, End: -1})
		}
		if en.Type == result.Profession && !seen[kindOccupation] {
			seen[kindOccupation] = true
			details = append(details, Detail{Kind: "occupation", Label: "a " + strings.ToLower(en.Text) + " (no figure; 1 in 100 assumed)", Share: defaultShare, Start: -1, End: -1})
		}
	}

	// Age and sex.
	female := 0.5
	if ageLo >= 0 {
		share, f := e.ageShare(locale, ageLo, ageHi)
		if f > 0 {
			female = f
		}
		label := "aged " + strconv.Itoa(ageLo)
		if ageHi != ageLo {
			label += "-" + strconv.Itoa(ageHi)
		}
		if share > 0 {
			details = append([]Detail{{Kind: "age", Label: label, Share: share, Figure: true, Start: -1, End: -1}}, details...)
		}
		ageBand = ageLo
	}
	_ = ageBand
	// the sex the post's words mostly give (a clear majority; a tie says nothing)
	if f, m := sexes.n[sexFemale], sexes.n[sexMale]; f > 2*m || m > 2*f {
		share, label, sex := female, "a woman", "female"
		if m > f {
			share, label, sex = 1-female, "a man", "male"
		}
		sp := sexes.span[sexFemale]
		if sex == "male" {
			sp = sexes.span[sexMale]
		}
		details = append(details, Detail{Kind: "sex", Label: label, Share: share, Figure: true, Start: sp[0], End: sp[1]})
	}
	for k := range seen {
		if seen[k] && k != kindSex {
			est.Count++
		}
	}
	est.Details = details
	narrowing := false
	k := est.Population
	for _, d := range details {
		k *= d.Share
		if d.Kind != "sex" {
			narrowing = true
		}
	}
	if narrowing || seen[kindPlace] && est.Population < 100000 {
		est.K = k
	}
	return est
}

// sexCount counts the words for a woman and for a man in a post, and keeps
// the span of the first of each (the tables may name other sexes; only these
// two count).
type sexCount struct {
	n    [2]int
	span [2][2]int
}

const (
	sexFemale = iota
	sexMale
)

func (c *sexCount) add(sex string, start, end int) {
	i := sexFemale
	switch sex {
	case "female":
	case "male":
		i = sexMale
	default:
		return
	}
	if c.n[i] == 0 {
		c.span[i] = [2]int{start, end}
	}
	c.n[i]++
}

func hasDetail(ds []Detail, label string) bool {
	for _, d := range ds {
		if d.Label == label {
			return true
		}
	}
	return false
}

// ageShare returns the share of people aged lo..hi and the share of them who
// are women.
func (e *Estimator) ageShare(locale string, lo, hi int) (share, female float64) {
	t, ok := e.t.Age[locale]
	if !ok {
		t = e.t.Age["uk"]
	}
	var wsum float64
	for _, b := range t.Bands {
		from, to := max(lo, b.Min), min(hi, b.Max)
		if from > to {
			continue
		}
		part := b.Share * float64(to-from+1) / float64(b.Max-b.Min+1)
		share += part
		wsum += part * b.Female
	}
	if share > 0 {
		female = wsum / share
	}
	return share, female
}

// ageRange reads an age entity: "94", "94-year-old", "94yo", "in her 90s",
// "a 3 week old" (0).
func ageRange(s string) (lo, hi int, ok bool) {
	l := strings.ToLower(s)
	digits := ""
	i := strings.IndexFunc(l, unicode.IsDigit)
	if i < 0 {
		return 0, 0, false
	}
	j := i
	for j < len(l) && l[j] >= '0' && l[j] <= '9' {
		j++
	}
	digits = l[i:j]
	n, err := strconv.Atoi(digits)
	if err != nil || n > 120 {
		return 0, 0, false
	}
	rest := l[j:]
	if j < len(s) && (s[j] == 'M' || s[j] == 'F') && (j+1 == len(s) || !unicode.IsLetter(rune(s[j+1]))) {
		return n, n, true // "94M", "34F": clinical shorthand for age and sex
	}
	rest = strings.TrimLeft(rest, " -")
	switch {
	case strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "'s"):
		return n, n + 9, true
	case strings.HasPrefix(rest, "w") || strings.HasPrefix(rest, "m") || strings.HasPrefix(rest, "d"):
		return 0, 0, true // weeks, wk, months, mo, days
	}
	return n, n, true
}

// placePopulation looks a place name up in the gazetteer.
func placePopulation(name string) uint32 {
	keys := strings.Fields(name)
	for i, k := range keys {
		keys[i] = lexicon.Key(strings.Trim(k, ",.;:!?"))
	}
	if len(keys) == 1 {
		if e, ok := lexicon.Lookup(keys[0]); ok {
			return e.Population
		}
		return 0
	}
	_, pop := lexicon.LookupPhrase(strings.Join(keys, " "))
	return pop
}

// Explain says the estimate in words: "about 2 people in Aylsham fit: aged 94
// (≈0.3% of people), a woman, a head teacher (≈0.15%), hurt in a house fire".
func (est Estimate) Explain() string {
	if math.IsInf(est.K, 1) || len(est.Details) == 0 {
		return ""
	}
	var b strings.Builder
	switch {
	case est.K < 1:
		b.WriteString("fewer than one person in " + est.Place + " (about " + people(est.Population) + " people) would be expected to fit")
	case est.K < 1.5:
		b.WriteString("about 1 person in " + est.Place + " fits")
	default:
		b.WriteString("about " + people(est.K) + " people in " + est.Place + " fit")
	}
	b.WriteString(": ")
	for i, d := range est.Details {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(d.Label)
		if d.Figure && d.Kind != "sex" {
			b.WriteString(" (≈" + percent(d.Share) + ")")
		}
	}
	b.WriteString(".")
	return b.String()
}

func people(f float64) string {
	switch {
	case f >= 1e6:
		return strconv.FormatFloat(f/1e6, 'f', 1, 64) + " million" // as %.1f
	case f >= 10000:
		thousands := strconv.Itoa(int(f) % 1000)
		return strconv.Itoa(int(f)/1000) + "," + "000"[len(thousands):] + thousands // as %d,%03d
	case f >= 100:
		return strconv.Itoa(int(math.Round(f/10) * 10))
	}
	return strconv.Itoa(int(math.Round(f)))
}

func percent(f float64) string {
	p := f * 100
	switch {
	case p >= 10:
		return strconv.FormatFloat(p, 'f', 0, 64) + "% of people" // as %.0f
	case p >= 0.1:
		return strconv.FormatFloat(p, 'f', 1, 64) + "% of people"
	case p >= 0.001:
		return strconv.FormatFloat(p, 'f', 3, 64) + "% of people"
	}
	return "1 in " + people(1/f)
}
