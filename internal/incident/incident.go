// Package incident turns what happened — a post that disclosed patient
// information, a lost device, records looked at without a care reason… —
// into a step-by-step plan with deadlines and the guidance behind each step.
// The decision trees are data (incidents.yaml); Parse refuses trees with
// unknown fields, unreachable questions, cycles or steps without citations.
package incident

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs/internal/advice"
)

//go:embed incidents.yaml
var embeddedYAML []byte

// Phases are the parts of a plan, in the order a plan lists them.
var Phases = []string{"evidence", "contain", "inform", "assess", "notify", "support", "learn"}

// Question types.
const (
	YesNo  = "yesno"
	Choice = "choice"
)

// Deadline says when a step is due: Within is "now", "asap" or a number of
// hours or days ("72h", "60d"); From is what the time runs from ("aware",
// the default; "discovery"; "year-end", the end of the calendar year of
// becoming aware); Text, when set, replaces the generated wording.
type Deadline struct {
	Within string `yaml:"within"`
	From   string `yaml:"from"`
	Text   string `yaml:"text"`
}

// Step is one thing to do.
type Step struct {
	ID       string    `yaml:"id"`
	Phase    string    `yaml:"phase"`
	Title    string    `yaml:"title"`
	Text     string    `yaml:"text"`
	Deadline *Deadline `yaml:"deadline"`
	// Locales limits the step to plans for these locales; empty is every locale.
	Locales []string `yaml:"locales"`
	// Cite lists citation ids.
	Cite []string `yaml:"cite"`
}

// AppliesTo reports whether the step belongs in a plan for locale.
func (s *Step) AppliesTo(locale string) bool {
	return len(s.Locales) == 0 || slices.Contains(s.Locales, locale)
}

// Answer is one possible answer to a question: the steps it adds and the
// question asked next (none: the questions end).
type Answer struct {
	Value string   `yaml:"value"`
	Label string   `yaml:"label"`
	Steps []string `yaml:"steps"`
	Next  string   `yaml:"next"`
}

// Display is the answer's label, or its value when it has none.
func (a *Answer) Display() string {
	if a.Label != "" {
		return a.Label
	}
	return strings.ToUpper(a.Value[:1]) + a.Value[1:]
}

// Question is one question of a tree.
type Question struct {
	ID      string   `yaml:"id"`
	Text    string   `yaml:"text"`
	Type    string   `yaml:"type"`
	Answers []Answer `yaml:"answers"`
}

// Incident is one kind of incident: steps that always apply and the
// questions whose answers add more.
type Incident struct {
	ID        string     `yaml:"id"`
	Title     string     `yaml:"title"`
	Steps     []string   `yaml:"steps"`
	Start     string     `yaml:"start"`
	Questions []Question `yaml:"questions"`
}

// Question returns the question with the given id, or nil.
func (in *Incident) Question(id string) *Question {
	for i := range in.Questions {
		if in.Questions[i].ID == id {
			return &in.Questions[i]
		}
	}
	return nil
}

// Library is a parsed and validated incidents file.
type Library struct {
	// Notice is printed at the top of every plan.
	Notice    string           `yaml:"notice"`
	Citations advice.Citations `yaml:"citations"`
	Steps     []Step           `yaml:"steps"`
	Incidents []Incident       `yaml:"incidents"`

	steps map[string]*Step
}

// Step returns the step with the given id, or nil.
func (lib *Library) Step(id string) *Step { return lib.steps[id] }

// Incident returns the incident with the given id; the error lists the
// incident types.
func (lib *Library) Incident(id string) (*Incident, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	for i := range lib.Incidents {
		if lib.Incidents[i].ID == id {
			return &lib.Incidents[i], nil
		}
	}
	ids := lib.IDs()
	return nil, fmt.Errorf("unknown incident type %q%s; types: %s", id, advice.DidYouMean(id, ids), strings.Join(ids, ", "))
}

// IDs returns the incident ids in file order.
func (lib *Library) IDs() []string {
	ids := make([]string, len(lib.Incidents))
	for i, in := range lib.Incidents {
		ids[i] = in.ID
	}
	return ids
}

var (
	loadOnce sync.Once
	embedded *Library
	loadErr  error
)

// Embedded returns the built-in incident trees.
func Embedded() (*Library, error) {
	loadOnce.Do(func() { embedded, loadErr = Parse("internal/incident/incidents.yaml", embeddedYAML) })
	return embedded, loadErr
}

var (
	idRe     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	withinRe = regexp.MustCompile(`^([1-9][0-9]{0,3})([hd])$`)
)

// Parse decodes and validates an incidents file. Errors are
// *advice.Error, "file:line: reason".
func Parse(file string, data []byte) (*Library, error) {
	var lib Library
	root, err := advice.Decode(file, data, &lib)
	if err != nil {
		return nil, err
	}
	v := validator{file: file, lines: advice.Lines(root), lib: &lib}
	if err := v.run(); err != nil {
		return nil, err
	}
	return &lib, nil
}

type validator struct {
	file  string
	lines map[string]int
	lib   *Library
}

func (v *validator) errf(path, format string, args ...any) error {
	return advice.Errorf(v.file, v.lines[path], format, args...)
}

func (v *validator) run() error {
	lib := v.lib
	if err := lib.Citations.Check(v.file, v.lines); err != nil {
		return err
	}
	if len(lib.Steps) == 0 {
		return v.errf("", "no steps")
	}
	if len(lib.Incidents) == 0 {
		return v.errf("", "no incidents")
	}
	lib.steps = map[string]*Step{}
	for i := range lib.Steps {
		if err := v.step(fmt.Sprintf("steps#%d", i), &lib.Steps[i]); err != nil {
			return err
		}
	}
	used := map[string]bool{}
	seen := map[string]bool{}
	for i := range lib.Incidents {
		path := fmt.Sprintf("incidents#%d", i)
		in := &lib.Incidents[i]
		if !idRe.MatchString(in.ID) {
			return v.errf(path, "incident id %q must be lower-case words joined by hyphens", in.ID)
		}
		if seen[in.ID] {
			return v.errf(path, "incident %s appears twice", in.ID)
		}
		seen[in.ID] = true
		if err := v.incident(path, in, used); err != nil {
			return err
		}
	}
	for i, s := range lib.Steps {
		if !used[s.ID] {
			return v.errf(fmt.Sprintf("steps#%d", i), "step %s is used by no incident or answer", s.ID)
		}
	}
	return nil
}

func (v *validator) step(path string, s *Step) error {
	switch {
	case !idRe.MatchString(s.ID):
		return v.errf(path, "step id %q must be lower-case words joined by hyphens", s.ID)
	case v.lib.steps[s.ID] != nil:
		return v.errf(path, "step %s appears twice", s.ID)
	case !slices.Contains(Phases, s.Phase):
		return v.errf(path, "step %s has phase %q; want one of %s%s", s.ID, s.Phase, strings.Join(Phases, ", "), advice.DidYouMean(s.Phase, Phases))
	case strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.Text) == "":
		return v.errf(path, "step %s needs a title and a text", s.ID)
	}
	s.Text = strings.TrimSpace(s.Text)
	v.lib.steps[s.ID] = s
	for _, l := range s.Locales {
		if !slices.Contains(advice.Locales, l) {
			return v.errf(path, "step %s has unknown locale %q (want %s)", s.ID, l, strings.Join(advice.Locales, ", "))
		}
	}
	if d := s.Deadline; d != nil {
		if d.Within != "now" && d.Within != "asap" && !withinRe.MatchString(d.Within) {
			return v.errf(path+"/deadline", "step %s: deadline within %q; want now, asap, or hours or days such as 72h, 60d", s.ID, d.Within)
		}
		switch d.From {
		case "", "aware", "discovery", "year-end":
		default:
			return v.errf(path+"/deadline", "step %s: deadline from %q; want aware, discovery or year-end", s.ID, d.From)
		}
		if d.From == "year-end" && !strings.HasSuffix(d.Within, "d") {
			return v.errf(path+"/deadline", "step %s: a deadline from the year end needs a number of days", s.ID)
		}
		if d.Within == "asap" && d.Text == "" {
			return v.errf(path+"/deadline", "step %s: an asap deadline needs its wording (text)", s.ID)
		}
	}
	what := "step " + s.ID
	if _, err := v.lib.Citations.Resolve(v.file, v.lines[path], what, s.Cite); err != nil {
		return err
	}
	locales := s.Locales
	if len(locales) == 0 {
		locales = advice.Locales
	}
	for _, l := range locales {
		ok := false
		for _, id := range s.Cite {
			if v.lib.Citations[id].AppliesTo(l) {
				ok = true
				break
			}
		}
		if !ok {
			return v.errf(path, "step %s has no citation for locale %s", s.ID, l)
		}
	}
	return nil
}

func (v *validator) stepRefs(path, what string, ids []string, used map[string]bool) error {
	for _, id := range ids {
		if v.lib.steps[id] == nil {
			return v.errf(path, "%s names unknown step %q%s", what, id, advice.DidYouMean(id, stepIDs(v.lib)))
		}
		used[id] = true
	}
	return nil
}

func (v *validator) incident(path string, in *Incident, used map[string]bool) error {
	if strings.TrimSpace(in.Title) == "" {
		return v.errf(path, "incident %s has no title", in.ID)
	}
	if len(in.Steps) == 0 {
		return v.errf(path, "incident %s has no steps that always apply", in.ID)
	}
	if err := v.stepRefs(path+"/steps", "incident "+in.ID, in.Steps, used); err != nil {
		return err
	}
	for _, l := range advice.Locales {
		n := 0
		for _, id := range in.Steps {
			if v.lib.steps[id].AppliesTo(l) {
				n++
			}
		}
		if n == 0 {
			return v.errf(path+"/steps", "incident %s has no step that always applies in locale %s", in.ID, l)
		}
	}
	if len(in.Questions) == 0 {
		if in.Start != "" {
			return v.errf(path+"/start", "incident %s starts at %q but has no questions", in.ID, in.Start)
		}
		return nil
	}
	qids := make([]string, 0, len(in.Questions))
	for i := range in.Questions {
		q := &in.Questions[i]
		qp := fmt.Sprintf("%s/questions#%d", path, i)
		switch {
		case !idRe.MatchString(q.ID):
			return v.errf(qp, "question id %q must be lower-case words joined by hyphens", q.ID)
		case q.ID == "type":
			return v.errf(qp, "question id %q is reserved for the incident type", q.ID)
		case slices.Contains(qids, q.ID):
			return v.errf(qp, "question %s appears twice in incident %s", q.ID, in.ID)
		case strings.TrimSpace(q.Text) == "":
			return v.errf(qp, "question %s has no text", q.ID)
		}
		qids = append(qids, q.ID)
		if err := v.answers(qp, in, q, used); err != nil {
			return err
		}
	}
	if in.Start == "" {
		return v.errf(path, "incident %s has questions but no start", in.ID)
	}
	if in.Question(in.Start) == nil {
		return v.errf(path+"/start", "incident %s starts at unknown question %q%s", in.ID, in.Start, advice.DidYouMean(in.Start, qids))
	}
	for i := range in.Questions {
		for j, a := range in.Questions[i].Answers {
			if a.Next != "" && in.Question(a.Next) == nil {
				return v.errf(fmt.Sprintf("%s/questions#%d/answers#%d", path, i, j), "answer %s of question %s goes to unknown question %q%s", a.Value, in.Questions[i].ID, a.Next, advice.DidYouMean(a.Next, qids))
			}
		}
	}
	// Cycles and reachability: a depth-first walk from the start.
	const (
		unvisited = iota
		onPath
		done
	)
	state := map[string]int{}
	var walk func(id string, trail []string) error
	walk = func(id string, trail []string) error {
		state[id] = onPath
		trail = append(trail, id)
		q := in.Question(id)
		for _, a := range q.Answers {
			if a.Next == "" {
				continue
			}
			switch state[a.Next] {
			case onPath:
				k := slices.Index(trail, a.Next)
				cycle := append(slices.Clone(trail[k:]), a.Next)
				return v.errf(fmt.Sprintf("%s/questions#%d", path, slices.Index(qids, id)), "incident %s: questions form a cycle: %s", in.ID, strings.Join(cycle, " → "))
			case unvisited:
				if err := walk(a.Next, trail); err != nil {
					return err
				}
			}
		}
		state[id] = done
		return nil
	}
	if err := walk(in.Start, nil); err != nil {
		return err
	}
	for i, q := range in.Questions {
		if state[q.ID] == unvisited {
			return v.errf(fmt.Sprintf("%s/questions#%d", path, i), "incident %s: question %s is unreachable from the start (%s)", in.ID, q.ID, in.Start)
		}
	}
	return nil
}

func (v *validator) answers(qp string, in *Incident, q *Question, used map[string]bool) error {
	switch q.Type {
	case YesNo:
		var vals []string
		for _, a := range q.Answers {
			vals = append(vals, a.Value)
		}
		if len(vals) != 2 || !slices.Contains(vals, "yes") || !slices.Contains(vals, "no") {
			return v.errf(qp, "yes/no question %s needs exactly the answers yes and no, not %s", q.ID, strings.Join(vals, ", "))
		}
	case Choice:
		if len(q.Answers) < 2 {
			return v.errf(qp, "choice question %s needs at least two answers", q.ID)
		}
	default:
		return v.errf(qp, "question %s has type %q; want yesno or choice", q.ID, q.Type)
	}
	var vals []string
	for j := range q.Answers {
		a := &q.Answers[j]
		ap := fmt.Sprintf("%s/answers#%d", qp, j)
		if !idRe.MatchString(a.Value) {
			return v.errf(ap, "answer value %q of question %s must be lower-case words joined by hyphens", a.Value, q.ID)
		}
		if _, err := strconv.Atoi(a.Value); err == nil {
			return v.errf(ap, "answer value %q of question %s is a number, which would be read as a choice number", a.Value, q.ID)
		}
		if slices.Contains(vals, a.Value) {
			return v.errf(ap, "answer %s appears twice in question %s", a.Value, q.ID)
		}
		vals = append(vals, a.Value)
		if a.Next == q.ID {
			return v.errf(ap, "incident %s: questions form a cycle: %s → %s", in.ID, q.ID, q.ID)
		}
		if err := v.stepRefs(ap, fmt.Sprintf("answer %s of question %s", a.Value, q.ID), a.Steps, used); err != nil {
			return err
		}
	}
	return nil
}

func stepIDs(lib *Library) []string {
	ids := make([]string, 0, len(lib.Steps))
	for _, s := range lib.Steps {
		ids = append(ids, s.ID)
	}
	return ids
}
