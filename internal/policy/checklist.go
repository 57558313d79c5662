// Package policy audits an organisation's social-media, computer-use and
// email policy against a checklist of what the professional codes expect
// such a policy to say (the embedded checklist.yaml): for each point it
// decides covered, partly or missing, shows the sentences that cover it
// with their page and paragraph, the guidance behind the point and
// suggested wording for what is missing.
//
// Matching is sentence-level over normalised, lightly stemmed words: each
// point's evidence groups are sets of concepts (each concept a set of
// phrasings), a group holds when all its concepts occur in one sentence or
// a short window around it, and sentences that negate coverage ("we do not
// have a policy on…") or match a point's decoys are not evidence. There is
// no network access and no model.
package policy

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed checklist.yaml
var embedded []byte

// Checklist is the list of points an audit checks, with the concepts,
// negations and citations they use.
type Checklist struct {
	// Version of the checklist format and content.
	Version int `yaml:"version"`
	// Title names the checklist in reports.
	Title string `yaml:"title"`
	// Packs are the regulator sets --pack chooses from, by rule-pack name.
	Packs map[string]PackInfo `yaml:"packs"`
	// Citations are the guidance paragraphs points cite, by id.
	Citations map[string]Citation `yaml:"citations"`
	// Concepts are named sets of phrasings.
	Concepts map[string][]string `yaml:"concepts"`
	// Negations are phrases that make a sentence say a point is not covered.
	Negations []string `yaml:"negations"`
	// Points are the checklist points, in report order.
	Points []Point `yaml:"points"`

	m        *matcher
	concepts []string       // concept names by index
	conceptN map[string]int // concept name → index
}

// PackInfo describes a regulator set.
type PackInfo struct {
	// Title names the regulator or law.
	Title string `yaml:"title" json:"title"`
	// Locale is uk, us or au.
	Locale string `yaml:"locale" json:"locale"`
}

// Citation is one paragraph of guidance, written as the rule packs write
// theirs.
type Citation struct {
	// Document names the guidance, as internal/sources lists it.
	Document string `yaml:"document" json:"document"`
	// Year of the edition cited.
	Year int `yaml:"year" json:"year,omitempty"`
	// Paragraph is the paragraph, item or section.
	Paragraph string `yaml:"paragraph" json:"paragraph,omitempty"`
	// URL is where to read it.
	URL string `yaml:"url" json:"url,omitempty"`
	// Verified is false when the guidance digest tags the paragraph [verify] or [2nd].
	Verified *bool `yaml:"verified" json:"-"`
	// Packs are the regulator sets the citation belongs to ("core": always shown).
	Packs []string `yaml:"packs" json:"-"`
}

// Unverified reports whether the paragraph still has to be checked.
func (c Citation) Unverified() bool { return c.Verified != nil && !*c.Verified }

// Point is one thing a policy should say.
type Point struct {
	// ID is a stable upper-case name.
	ID string `yaml:"id"`
	// Title is a short name.
	Title string `yaml:"title"`
	// MustSay is what the policy must say, in a sentence or two.
	MustSay string `yaml:"must_say"`
	// Cite lists citation ids.
	Cite []string `yaml:"cite"`
	// Evidence lists the groups of concepts that show the point is covered:
	// all groups → covered, at least Partly groups → partly.
	Evidence []Group `yaml:"evidence"`
	// Partly is how many groups make the point partly covered (default 1).
	Partly int `yaml:"partly"`
	// Decoys are phrases of sentences that mention the point's words without
	// covering it ("Facebook is on the list of blocked websites").
	Decoys []string `yaml:"decoys"`
	// Suggest is wording to add when the point is missing or partly covered.
	Suggest string `yaml:"suggest"`
}

// Group is one piece of evidence: concepts that must occur together.
type Group struct {
	// ID names the group within its point.
	ID string `yaml:"id"`
	// Says is what the group shows, for reports.
	Says string `yaml:"says"`
	// All are concepts that must all occur.
	All []string `yaml:"all"`
	// Any are concepts of which at least one must occur (none: no condition).
	Any []string `yaml:"any"`
	// Sufficient makes the group enough on its own: found, the point is
	// covered (a policy that forbids a practice need not regulate it);
	// not found, it does not count against the point.
	Sufficient bool `yaml:"sufficient"`

	all, any []int
}

// Embedded returns the checklist shipped with scrubs.
func Embedded() (*Checklist, error) { return Parse(embedded) }

// Parse reads and validates a checklist: unknown fields, unknown concepts
// or citations, points without citations or evidence, duplicate ids and
// phrases that do not compile are errors.
func Parse(data []byte) (*Checklist, error) {
	var c Checklist
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("checklist: %w", err)
	}
	if err := c.compile(); err != nil {
		return nil, fmt.Errorf("checklist: %w", err)
	}
	return &c, nil
}

func (c *Checklist) compile() error {
	if len(c.Points) == 0 {
		return fmt.Errorf("no points")
	}
	for id, ct := range c.Citations {
		if strings.TrimSpace(ct.Document) == "" {
			return fmt.Errorf("citation %s has no document", id)
		}
		for _, p := range ct.Packs {
			if _, ok := c.Packs[p]; !ok && p != "core" {
				return fmt.Errorf("citation %s: unknown pack %q", id, p)
			}
		}
	}
	c.m = newMatcher()
	c.conceptN = map[string]int{}
	names := make([]string, 0, len(c.Concepts))
	for n := range c.Concepts {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		c.conceptN[n] = i
	}
	c.concepts = names
	for _, n := range names {
		phrases, err := c.expandConcept(n, nil)
		if err != nil {
			return err
		}
		for _, ph := range phrases {
			if err := c.m.add(ph, owner{kind: ownConcept, idx: c.conceptN[n]}); err != nil {
				return fmt.Errorf("concept %s: %w", n, err)
			}
		}
	}
	for _, ph := range c.Negations {
		if err := c.m.add(ph, owner{kind: ownNegation}); err != nil {
			return fmt.Errorf("negations: %w", err)
		}
	}
	seen := map[string]bool{}
	for pi := range c.Points {
		p := &c.Points[pi]
		if p.ID == "" || seen[p.ID] {
			return fmt.Errorf("point %d: missing or duplicate id %q", pi+1, p.ID)
		}
		seen[p.ID] = true
		if p.Title == "" || p.MustSay == "" || p.Suggest == "" {
			return fmt.Errorf("point %s: title, must_say and suggest are required", p.ID)
		}
		if len(p.Cite) == 0 {
			return fmt.Errorf("point %s: cites no guidance", p.ID)
		}
		for _, id := range p.Cite {
			if _, ok := c.Citations[id]; !ok {
				return fmt.Errorf("point %s: unknown citation %q", p.ID, id)
			}
		}
		if len(p.Evidence) == 0 {
			return fmt.Errorf("point %s: no evidence groups", p.ID)
		}
		if p.Partly <= 0 {
			p.Partly = 1
		}
		required := 0
		for _, g := range p.Evidence {
			if !g.Sufficient {
				required++
			}
		}
		if required == 0 {
			return fmt.Errorf("point %s: every group is sufficient", p.ID)
		}
		if p.Partly > required {
			return fmt.Errorf("point %s: partly %d is more than its %d groups", p.ID, p.Partly, required)
		}
		gids := map[string]bool{}
		for gi := range p.Evidence {
			g := &p.Evidence[gi]
			if g.ID == "" || gids[g.ID] {
				return fmt.Errorf("point %s: group %d: missing or duplicate id", p.ID, gi+1)
			}
			gids[g.ID] = true
			if len(g.All) == 0 {
				return fmt.Errorf("point %s group %s: no concepts in all", p.ID, g.ID)
			}
			var err error
			if g.all, err = c.refs(g.All); err != nil {
				return fmt.Errorf("point %s group %s: %w", p.ID, g.ID, err)
			}
			if g.any, err = c.refs(g.Any); err != nil {
				return fmt.Errorf("point %s group %s: %w", p.ID, g.ID, err)
			}
		}
		for _, ph := range p.Decoys {
			if err := c.m.add(ph, owner{kind: ownDecoy, idx: pi}); err != nil {
				return fmt.Errorf("point %s decoys: %w", p.ID, err)
			}
		}
	}
	return nil
}

// expandConcept returns a concept's phrases with its @includes resolved.
func (c *Checklist) expandConcept(name string, stack []string) ([]string, error) {
	if slices.Contains(stack, name) {
		return nil, fmt.Errorf("concept %s includes itself (%s)", name, strings.Join(append(stack, name), " → "))
	}
	phrases, ok := c.Concepts[name]
	if !ok {
		return nil, fmt.Errorf("unknown concept %q", name)
	}
	var out []string
	for _, ph := range phrases {
		if inc, ok := strings.CutPrefix(strings.TrimSpace(ph), "@"); ok && !strings.ContainsAny(inc, " ~{") {
			sub, err := c.expandConcept(inc, append(stack, name))
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			continue
		}
		if strings.Contains(ph, "@") {
			// "@concept" inside a phrase: one phrase per phrase of the concept.
			exp, err := c.inline(ph, append(stack, name))
			if err != nil {
				return nil, err
			}
			out = append(out, exp...)
			continue
		}
		out = append(out, ph)
	}
	return out, nil
}

// inline replaces each "@concept" word of a phrase with the alternatives
// of that concept.
func (c *Checklist) inline(ph string, stack []string) ([]string, error) {
	words := strings.Fields(ph)
	for i, w := range words {
		name, ok := strings.CutPrefix(w, "@")
		if !ok {
			continue
		}
		sub, err := c.expandConcept(name, stack)
		if err != nil {
			return nil, err
		}
		words[i] = "{" + strings.Join(sub, "|") + "}"
	}
	return []string{strings.Join(words, " ")}, nil
}

func (c *Checklist) refs(names []string) ([]int, error) {
	var out []int
	for _, n := range names {
		i, ok := c.conceptN[n]
		if !ok {
			return nil, fmt.Errorf("unknown concept %q", n)
		}
		out = append(out, i)
	}
	return out, nil
}

// PackNames lists the regulator sets, sorted.
func (c *Checklist) PackNames() []string {
	var out []string
	for n := range c.Packs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// SelectPacks turns --pack and --locale values into pack names: packs by
// name (comma-separated), or every pack of a locale; both empty selects
// none (all citations are shown).
func (c *Checklist) SelectPacks(packs, locale string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(packs, ",") {
		p = strings.ToLower(strings.TrimSpace(p))
		if p == "" || p == "core" {
			continue
		}
		if _, ok := c.Packs[p]; !ok {
			return nil, fmt.Errorf("unknown pack %q (packs: %s)", p, strings.Join(c.PackNames(), ", "))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if locale = strings.ToLower(strings.TrimSpace(locale)); locale != "" {
		found := false
		for _, n := range c.PackNames() {
			if c.Packs[n].Locale == locale {
				found = true
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown locale %q (locales: uk, us, au)", locale)
		}
	}
	return out, nil
}
