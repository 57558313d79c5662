// Package selfcheck is a private six-question screening for problematic
// social media use, built on the item themes of the Bergen Social Media
// Addiction Scale and scored with published screening thresholds. It is not
// a diagnosis, and nothing is stored. The questions, scale, thresholds and
// signposting are data (selfcheck.yaml).
package selfcheck

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/result"
)

//go:embed selfcheck.yaml
var embeddedYAML []byte

// Components are the six themes of the components model, each asked once.
var Components = []string{"salience", "tolerance", "mood modification", "relapse", "withdrawal", "conflict"}

// Item is one question.
type Item struct {
	Component string `yaml:"component" json:"component"`
	Text      string `yaml:"text" json:"text"`
}

// ScalePoint is one point of the answer scale.
type ScalePoint struct {
	Score int    `yaml:"score" json:"score"`
	Label string `yaml:"label" json:"label"`
}

// Threshold is a published screening threshold: either at least MinItems
// answers scored MinScore or more, or a total of at least MinTotal.
type Threshold struct {
	ID          string   `yaml:"id" json:"id"`
	Primary     bool     `yaml:"primary" json:"primary"`
	Description string   `yaml:"description" json:"description"`
	MinScore    int      `yaml:"min_score" json:"min_score,omitempty"`
	MinItems    int      `yaml:"min_items" json:"min_items,omitempty"`
	MinTotal    int      `yaml:"min_total" json:"min_total,omitempty"`
	Cite        []string `yaml:"cite" json:"-"`

	citations []result.Citation
}

// Signpost is where to turn for help, for one locale.
type Signpost struct {
	Locale string `yaml:"locale" json:"locale"`
	Text   string `yaml:"text" json:"text"`
}

// Check is the whole self-check.
type Check struct {
	Citations  advice.Citations `yaml:"citations"`
	Title      string           `yaml:"title"`
	Period     string           `yaml:"period"`
	Notice     string           `yaml:"notice"`
	Cite       []string         `yaml:"cite"`
	Scale      []ScalePoint     `yaml:"scale"`
	Items      []Item           `yaml:"items"`
	Thresholds []Threshold      `yaml:"thresholds"`
	Signposts  []Signpost       `yaml:"signposts"`

	citations []result.Citation
}

// ScaleCitations returns the sources of the scale itself.
func (c *Check) ScaleCitations() []result.Citation { return c.citations }

// Parse decodes and validates a self-check file: six items, one per
// component; the scale 1-5; thresholds within range, each cited; a
// signpost per locale.
func Parse(file string, data []byte) (*Check, error) {
	var c Check
	root, err := advice.Decode(file, data, &c)
	if err != nil {
		return nil, err
	}
	lines := advice.Lines(root)
	if err := c.Citations.Check(file, lines); err != nil {
		return nil, err
	}
	if c.Title == "" || c.Period == "" || strings.TrimSpace(c.Notice) == "" {
		return nil, advice.Errorf(file, 0, "the self-check needs a title, a period and a notice")
	}
	if !strings.Contains(strings.ToLower(c.Notice), "not a diagnosis") {
		return nil, advice.Errorf(file, lines["notice"], `the notice must say the self-check is "not a diagnosis"`)
	}
	c.Notice = strings.TrimSpace(c.Notice)
	if c.citations, err = c.Citations.Resolve(file, lines["cite"], "the self-check", c.Cite); err != nil {
		return nil, err
	}
	if len(c.Scale) != 5 {
		return nil, advice.Errorf(file, lines["scale"], "the scale has %d points; the published scale has five (1-5)", len(c.Scale))
	}
	for i, p := range c.Scale {
		if p.Score != i+1 || p.Label == "" {
			return nil, advice.Errorf(file, lines[fmt.Sprintf("scale#%d", i)], "scale point %d must have score %d and a label", i+1, i+1)
		}
	}
	if len(c.Items) != len(Components) {
		return nil, advice.Errorf(file, lines["items"], "%d items; the scale has one per component, six", len(c.Items))
	}
	var seen []string
	for i, it := range c.Items {
		line := lines[fmt.Sprintf("items#%d", i)]
		switch {
		case !slices.Contains(Components, it.Component):
			return nil, advice.Errorf(file, line, "unknown component %q (want one of %s)", it.Component, strings.Join(Components, ", "))
		case slices.Contains(seen, it.Component):
			return nil, advice.Errorf(file, line, "component %s is asked twice", it.Component)
		case strings.TrimSpace(it.Text) == "":
			return nil, advice.Errorf(file, line, "item %d has no text", i+1)
		}
		seen = append(seen, it.Component)
	}
	if len(c.Thresholds) == 0 {
		return nil, advice.Errorf(file, lines["thresholds"], "no thresholds")
	}
	primary := false
	for i := range c.Thresholds {
		t := &c.Thresholds[i]
		path := fmt.Sprintf("thresholds#%d", i)
		byItems := t.MinScore != 0 || t.MinItems != 0
		switch {
		case t.ID == "" || t.Description == "":
			return nil, advice.Errorf(file, lines[path], "a threshold needs an id and a description")
		case byItems && t.MinTotal != 0:
			return nil, advice.Errorf(file, lines[path], "threshold %s: give min_score and min_items, or min_total, not both", t.ID)
		case byItems && (t.MinScore < 1 || t.MinScore > 5 || t.MinItems < 1 || t.MinItems > len(c.Items)):
			return nil, advice.Errorf(file, lines[path], "threshold %s: min_score must be 1-5 and min_items 1-%d", t.ID, len(c.Items))
		case !byItems && (t.MinTotal < len(c.Items) || t.MinTotal > 5*len(c.Items)):
			return nil, advice.Errorf(file, lines[path], "threshold %s: min_total must be %d-%d", t.ID, len(c.Items), 5*len(c.Items))
		}
		primary = primary || t.Primary
		if t.citations, err = c.Citations.Resolve(file, lines[path], "threshold "+t.ID, t.Cite); err != nil {
			return nil, err
		}
	}
	if !primary {
		return nil, advice.Errorf(file, lines["thresholds"], "no threshold is primary")
	}
	for _, l := range advice.Locales {
		if c.Signpost(l) == "" {
			return nil, advice.Errorf(file, lines["signposts"], "no signpost for locale %s", l)
		}
	}
	return &c, nil
}

// Signpost returns the signposting text for a locale, or "".
func (c *Check) Signpost(locale string) string {
	for _, s := range c.Signposts {
		if s.Locale == locale {
			return strings.TrimSpace(s.Text)
		}
	}
	return ""
}

var (
	loadOnce sync.Once
	embedded *Check
	loadErr  error
)

// Embedded returns the built-in self-check.
func Embedded() (*Check, error) {
	loadOnce.Do(func() { embedded, loadErr = Parse("internal/selfcheck/selfcheck.yaml", embeddedYAML) })
	return embedded, loadErr
}

// ParseAnswers reads six scores, 1-5, separated by commas or spaces.
func (c *Check) ParseAnswers(s string) ([]int, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) != len(c.Items) {
		return nil, fmt.Errorf("%d answers given; give %d, each 1-5, in question order", len(fields), len(c.Items))
	}
	scores := make([]int, len(fields))
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(c.Scale) {
			return nil, fmt.Errorf("answer %d is %q; each answer is a number from 1 (%s) to 5 (%s)", i+1, f, c.Scale[0].Label, c.Scale[len(c.Scale)-1].Label)
		}
		scores[i] = n
	}
	return scores, nil
}

// Result is a scored self-check.
type Result struct {
	Title  string `json:"title"`
	Notice string `json:"notice"`
	// Total is the sum of the six scores, 6-30.
	Total   int          `json:"total"`
	Answers []ItemAnswer `json:"answers"`
	// Thresholds lists every threshold and whether the answers reach it.
	Thresholds []ThresholdResult `json:"thresholds"`
	// AbovePrimary is true when any primary threshold is reached.
	AbovePrimary bool `json:"above_primary_threshold"`
	// Summary says in a sentence what the result means.
	Summary string `json:"summary"`
	// Signposts are where to turn, for the locale asked (or every locale).
	Signposts []Signpost        `json:"signposts"`
	Citations []result.Citation `json:"citations"`
}

// ItemAnswer is one answered question.
type ItemAnswer struct {
	Component string `json:"component"`
	Text      string `json:"text"`
	Score     int    `json:"score"`
	Label     string `json:"label"`
}

// ThresholdResult is one threshold and whether it was reached.
type ThresholdResult struct {
	ID          string            `json:"id"`
	Description string            `json:"description"`
	Primary     bool              `json:"primary"`
	Reached     bool              `json:"reached"`
	Citations   []result.Citation `json:"citations"`
}

// Score scores six answers (1-5 each, in item order) and adds the
// signposting for locale ("" for every locale).
func (c *Check) Score(scores []int, locale string) (*Result, error) {
	if len(scores) != len(c.Items) {
		return nil, fmt.Errorf("%d scores; want %d", len(scores), len(c.Items))
	}
	r := &Result{Title: c.Title, Notice: c.Notice, Citations: c.citations}
	for i, s := range scores {
		if s < 1 || s > len(c.Scale) {
			return nil, fmt.Errorf("score %d is %d; want 1-5", i+1, s)
		}
		r.Total += s
		r.Answers = append(r.Answers, ItemAnswer{Component: c.Items[i].Component, Text: c.Items[i].Text, Score: s, Label: c.Scale[s-1].Label})
	}
	anyReached := false
	for _, t := range c.Thresholds {
		reached := false
		if t.MinTotal != 0 {
			reached = r.Total >= t.MinTotal
		} else {
			n := 0
			for _, s := range scores {
				if s >= t.MinScore {
					n++
				}
			}
			reached = n >= t.MinItems
		}
		anyReached = anyReached || reached
		r.AbovePrimary = r.AbovePrimary || (reached && t.Primary)
		r.Thresholds = append(r.Thresholds, ThresholdResult{ID: t.ID, Description: t.Description, Primary: t.Primary, Reached: reached, Citations: t.citations})
	}
	switch {
	case r.AbovePrimary:
		r.Summary = "Your answers reach a published screening threshold for problematic social media use. That is not a diagnosis, but it is worth talking it over with someone you trust or one of the services below."
	case anyReached:
		r.Summary = "Your answers are below the main screening thresholds but meet a looser research criterion. If your social media use worries you, the services below can help."
	default:
		r.Summary = "Your answers are below the published screening thresholds. If your social media use still worries you, the services below can help."
	}
	for _, s := range c.Signposts {
		if locale == "" || s.Locale == locale {
			r.Signposts = append(r.Signposts, Signpost{Locale: s.Locale, Text: strings.TrimSpace(s.Text)})
		}
	}
	return r, nil
}
