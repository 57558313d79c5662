package incident

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/result"
)

// Plan is what to do about one incident, step by step.
type Plan struct {
	Incident string `json:"incident"`
	Title    string `json:"title"`
	Locale   string `json:"locale"`
	// Aware is when the organisation became aware, as given; empty when
	// deadlines are relative only.
	Aware   string        `json:"aware,omitempty"`
	Notice  string        `json:"notice"`
	Answers []GivenAnswer `json:"answers"`
	// Unused lists questions answered in advance that the path taken did
	// not ask.
	Unused []string   `json:"unused_answers,omitempty"`
	Steps  []PlanStep `json:"steps"`
}

// GivenAnswer is a question on the path taken and the answer given.
type GivenAnswer struct {
	Question string `json:"question"`
	Text     string `json:"text"`
	Answer   string `json:"answer"`
	Label    string `json:"label"`
}

// PlanStep is one numbered step of a plan.
type PlanStep struct {
	N         int               `json:"n"`
	ID        string            `json:"id"`
	Phase     string            `json:"phase"`
	Title     string            `json:"title"`
	Text      string            `json:"text"`
	Deadline  *PlanDeadline     `json:"deadline,omitempty"`
	Citations []result.Citation `json:"citations"`
}

// PlanDeadline is a step's deadline, relative and, when the time of
// becoming aware is known, absolute.
type PlanDeadline struct {
	// Text is the relative wording: "within 72 hours of becoming aware".
	Text string `json:"text"`
	// Hours is the deadline in hours from From (0 for now and asap).
	Hours int `json:"hours,omitempty"`
	// From is what the time runs from: aware, discovery or year-end.
	From string `json:"from,omitempty"`
	// By is the absolute deadline, when the time of becoming aware is known.
	By string `json:"by,omitempty"`
	// ByText is By for people: "Fri 27 Nov 2026 09:00".
	ByText string `json:"by_text,omitempty"`
}

// Asker asks a question that the given answers did not settle and returns
// the reply (an answer value, label or number). problem is why the previous
// reply was not accepted ("" the first time).
type Asker func(q *Question, problem string) (string, error)

// maxAttempts is how many unreadable replies to one question are borne.
const maxAttempts = 5

func askUntilAnswered(q *Question, ask Asker) (*Answer, error) {
	problem := ""
	for range maxAttempts {
		reply, err := ask(q, problem)
		if err != nil {
			return nil, err
		}
		a, err := q.Match(reply)
		if err == nil {
			return a, nil
		}
		problem = err.Error()
	}
	return nil, fmt.Errorf("no usable answer to %s after %d tries: %s", q.ID, maxAttempts, problem)
}

// ErrNotAnswered is returned (wrapped) when a question on the path has no
// answer and there is no way to ask.
var ErrNotAnswered = errors.New("not answered")

// Options are the choices a plan depends on besides the answers.
type Options struct {
	// Locale is uk, us or au.
	Locale string
	// Aware is when the organisation became aware of the incident; zero
	// for relative deadlines only.
	Aware time.Time
	// AwareZone says whether Aware was given with a time zone; without one
	// the absolute times are wall-clock times as written.
	AwareZone bool
}

// ParseAware reads a time of becoming aware: "2026-11-24T09:00",
// "2026-11-24 09:00", "2026-11-24" (midnight) or RFC 3339 with a zone. It
// reports whether a zone was given.
func ParseAware(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("cannot read time %q; write it as 2026-11-24T09:00 (or with a zone, 2026-11-24T09:00:00Z)", s)
}

// Plan walks the incident's questions from the start, taking answers from
// answers (question id → value, label or number) and asking the rest with
// ask (nil: an unanswered question is an error wrapping ErrNotAnswered),
// and returns the plan for the locale.
func (lib *Library) Plan(in *Incident, opt Options, answers map[string]string, ask Asker) (*Plan, error) {
	if !slices.Contains(advice.Locales, opt.Locale) {
		return nil, fmt.Errorf("unknown locale %q (want %s)", opt.Locale, strings.Join(advice.Locales, ", "))
	}
	var qids []string
	for _, q := range in.Questions {
		qids = append(qids, q.ID)
	}
	for k := range answers {
		if in.Question(k) == nil {
			if len(qids) == 0 {
				return nil, fmt.Errorf("incident %s asks no questions, but an answer to %q was given", in.ID, k)
			}
			return nil, fmt.Errorf("incident %s has no question %q%s; its questions: %s", in.ID, k, advice.DidYouMean(k, qids), strings.Join(qids, ", "))
		}
	}
	p := &Plan{Incident: in.ID, Title: in.Title, Locale: opt.Locale, Notice: strings.TrimSpace(lib.Notice), Answers: []GivenAnswer{}}
	chosen := slices.Clone(in.Steps)
	for id := in.Start; id != ""; {
		q := in.Question(id)
		reply, ok := answers[id]
		var a *Answer
		var err error
		if ok {
			a, err = q.Match(reply)
		} else if ask == nil {
			err = fmt.Errorf("question %s (%s) %w; give --answers %s=%s", q.ID, q.Text, ErrNotAnswered, q.ID, strings.Join(q.Values(), "|"))
		} else {
			a, err = askUntilAnswered(q, ask)
		}
		if err != nil {
			return nil, err
		}
		p.Answers = append(p.Answers, GivenAnswer{Question: q.ID, Text: q.Text, Answer: a.Value, Label: a.Display()})
		chosen = append(chosen, a.Steps...)
		id = a.Next
	}
	for _, q := range in.Questions {
		if _, given := answers[q.ID]; given && !slices.ContainsFunc(p.Answers, func(a GivenAnswer) bool { return a.Question == q.ID }) {
			p.Unused = append(p.Unused, q.ID)
		}
	}
	// Order: by phase, within a phase the most urgent first, then by first
	// mention; each step once.
	seen := map[string]bool{}
	for _, phase := range Phases {
		var steps []*Step
		for _, sid := range chosen {
			s := lib.steps[sid]
			if seen[sid] || s.Phase != phase || !s.AppliesTo(opt.Locale) {
				continue
			}
			seen[sid] = true
			steps = append(steps, s)
		}
		slices.SortStableFunc(steps, func(a, b *Step) int { return urgency(a.Deadline) - urgency(b.Deadline) })
		for _, s := range steps {
			ps := PlanStep{N: len(p.Steps) + 1, ID: s.ID, Phase: s.Phase, Title: s.Title, Text: s.Text, Deadline: deadline(s.Deadline, opt)}
			for _, cid := range s.Cite {
				if c := lib.Citations[cid]; c.AppliesTo(opt.Locale) {
					ps.Citations = append(ps.Citations, c.Result())
				}
			}
			p.Steps = append(p.Steps, ps)
		}
	}
	if !opt.Aware.IsZero() {
		p.Aware = formatBy(opt.Aware, opt.AwareZone, true)
	}
	return p, nil
}

// urgency ranks a deadline for ordering: now first, then by hours, then
// "as soon as possible" wordings, then steps without a deadline.
func urgency(d *Deadline) int {
	switch {
	case d == nil:
		return 1 << 30
	case d.Within == "now":
		return 0
	case d.Within == "asap":
		return 1<<30 - 1
	}
	n, _ := strconv.Atoi(d.Within[:len(d.Within)-1])
	if d.Within[len(d.Within)-1] == 'd' {
		n *= 24
	}
	if d.From == "year-end" {
		n += 366 * 24
	}
	return n
}

// Values lists the question's answer values.
func (q *Question) Values() []string {
	vs := make([]string, len(q.Answers))
	for i, a := range q.Answers {
		vs[i] = a.Value
	}
	return vs
}

// Match finds the answer meant by a reply: its value, its label, its number
// (1 for the first answer), or y/n/true/false for a yes/no question.
func (q *Question) Match(reply string) (*Answer, error) {
	r := strings.ToLower(strings.TrimSpace(reply))
	if q.Type == YesNo {
		switch r {
		case "y", "true":
			r = "yes"
		case "n", "false":
			r = "no"
		}
	}
	if n, err := strconv.Atoi(r); err == nil && n >= 1 && n <= len(q.Answers) {
		return &q.Answers[n-1], nil
	}
	for i := range q.Answers {
		a := &q.Answers[i]
		if r == a.Value || (a.Label != "" && r == strings.ToLower(a.Label)) {
			return a, nil
		}
	}
	var opts []string
	for i, a := range q.Answers {
		opts = append(opts, fmt.Sprintf("%d or %s", i+1, a.Value))
	}
	return nil, fmt.Errorf("%q is not an answer to %s; answer %s", reply, q.ID, strings.Join(opts, ", "))
}

// deadline renders a step's deadline for the plan.
func deadline(d *Deadline, opt Options) *PlanDeadline {
	if d == nil {
		return nil
	}
	from := d.From
	if from == "" {
		from = "aware"
	}
	pd := &PlanDeadline{Text: d.Text}
	switch d.Within {
	case "now":
		if pd.Text == "" {
			pd.Text = "now"
		}
		return pd
	case "asap":
		return pd
	}
	n, _ := strconv.Atoi(d.Within[:len(d.Within)-1])
	unit := d.Within[len(d.Within)-1]
	pd.From = from
	pd.Hours = n
	if unit == 'd' {
		pd.Hours = n * 24
	}
	if pd.Text == "" {
		word := map[byte]string{'h': "hour", 'd': "day"}[unit]
		if n != 1 {
			word += "s"
		}
		pd.Text = fmt.Sprintf("within %d %s of %s", n, word, map[string]string{
			"aware": "becoming aware", "discovery": "discovery", "year-end": "the end of the calendar year"}[from])
	}
	if opt.Aware.IsZero() {
		return pd
	}
	start := opt.Aware
	if from == "year-end" {
		start = time.Date(opt.Aware.Year()+1, 1, 1, 0, 0, 0, 0, opt.Aware.Location())
	}
	var by time.Time
	if unit == 'd' {
		by = start.AddDate(0, 0, n)
	} else {
		by = start.Add(time.Duration(n) * time.Hour)
	}
	if from == "year-end" {
		// n days after 31 December ends at the end of that day.
		by = by.Add(-time.Minute)
	}
	pd.By = formatBy(by, opt.AwareZone, unit == 'h')
	pd.ByText = by.Format("Mon 2 Jan 2006")
	if unit == 'h' {
		pd.ByText = by.Format("Mon 2 Jan 2006 15:04")
	} else if from == "year-end" {
		pd.ByText += " (end of day)"
	}
	if opt.AwareZone && unit == 'h' {
		pd.ByText += by.Format(" MST")
	}
	return pd
}

// formatBy writes an absolute time as the input was written: with a zone if
// one was given, to the minute for hour deadlines, the date for day ones.
func formatBy(t time.Time, zone, clock bool) string {
	switch {
	case zone:
		return t.Format(time.RFC3339)
	case clock:
		return t.Format("2006-01-02T15:04")
	}
	return t.Format("2006-01-02")
}
