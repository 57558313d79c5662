package incident

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/advice"
	"github.com/scrubshq/scrubs/internal/sources"
)

func mustEmbedded(t testing.TB) *Library {
	t.Helper()
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestEmbeddedTypes(t *testing.T) {
	lib := mustEmbedded(t)
	want := []string{"post-disclosed", "patient-photo", "colleague-bullied", "defamatory-post", "patient-contact", "records-snooping", "lost-device"}
	if got := lib.IDs(); !slices.Equal(got, want) {
		t.Errorf("incident types %v, want %v", got, want)
	}
	if _, err := lib.Incident("Lost-Device"); err != nil {
		t.Errorf("case-folded lookup: %v", err)
	}
	_, err := lib.Incident("lost-devise")
	if err == nil || !strings.Contains(err.Error(), `did you mean "lost-device"`) || !strings.Contains(err.Error(), "records-snooping") {
		t.Errorf("unknown type error %v, want a suggestion and the list", err)
	}
}

// paths returns every complete set of answers through an incident's tree.
func paths(in *Incident) []map[string]string {
	var out []map[string]string
	var walk func(id string, acc map[string]string)
	walk = func(id string, acc map[string]string) {
		if id == "" {
			out = append(out, acc)
			return
		}
		q := in.Question(id)
		for _, a := range q.Answers {
			next := make(map[string]string, len(acc)+1)
			for k, v := range acc {
				next[k] = v
			}
			next[id] = a.Value
			walk(a.Next, next)
		}
	}
	walk(in.Start, map[string]string{})
	return out
}

// TestEveryPath builds the plan for every path through every tree in every
// locale and checks its shape: steps numbered in phase order, each once,
// each with a citation for the locale, and the steps the guidance asks for.
func TestEveryPath(t *testing.T) {
	lib := mustEmbedded(t)
	aware := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	plans := 0
	for _, in := range lib.Incidents {
		for _, locale := range advice.Locales {
			for _, answers := range paths(&in) {
				p, err := lib.Plan(&in, Options{Locale: locale, Aware: aware}, answers, nil)
				if err != nil {
					t.Fatalf("%s %s %v: %v", in.ID, locale, answers, err)
				}
				plans++
				name := fmt.Sprintf("%s/%s/%v", in.ID, locale, answers)
				if len(p.Answers) != len(answers) {
					t.Errorf("%s: %d answers recorded, want %d", name, len(p.Answers), len(answers))
				}
				seen := map[string]bool{}
				lastPhase, lastUrgency := -1, 0
				phases := map[string]bool{}
				for i, s := range p.Steps {
					if s.N != i+1 {
						t.Errorf("%s: step %d numbered %d", name, i+1, s.N)
					}
					if seen[s.ID] {
						t.Errorf("%s: step %s twice", name, s.ID)
					}
					seen[s.ID] = true
					ph := slices.Index(Phases, s.Phase)
					if ph < lastPhase {
						t.Errorf("%s: step %s (%s) after a later phase", name, s.ID, s.Phase)
					}
					u := urgency(lib.Step(s.ID).Deadline)
					if ph == lastPhase && u < lastUrgency {
						t.Errorf("%s: step %s is more urgent than the step before it", name, s.ID)
					}
					lastPhase, lastUrgency = ph, u
					phases[s.Phase] = true
					if len(s.Citations) == 0 {
						t.Errorf("%s: step %s has no citation", name, s.ID)
					}
					if s.Deadline != nil && s.Deadline.Hours > 0 && s.Deadline.By == "" {
						t.Errorf("%s: step %s has no absolute deadline although the time of becoming aware was given", name, s.ID)
					}
					if st := lib.Step(s.ID); !st.AppliesTo(locale) {
						t.Errorf("%s: step %s is not for locale %s", name, s.ID, locale)
					}
				}
				if !phases["support"] && !phases["learn"] {
					t.Errorf("%s: no support or learning step", name)
				}
				if p.Steps[0].Deadline == nil {
					t.Errorf("%s: the first step, %s, has no deadline", name, p.Steps[0].ID)
				}
			}
		}
	}
	if plans < 100 {
		t.Errorf("only %d plans built", plans)
	}
}

// TestBreachSteps checks that an identifiable disclosure brings the law of
// the locale: the 72-hour test in the UK, the HIPAA rule in the US, the
// Notifiable Data Breaches scheme in Australia.
func TestBreachSteps(t *testing.T) {
	lib := mustEmbedded(t)
	in, _ := lib.Incident("post-disclosed")
	base := map[string]string{"who-posted": "me", "identifiable": "yes", "serious-harm": "yes"}
	cases := []struct {
		locale, howMany string
		want, notWant   []string
	}{
		{"uk", "one", []string{"uk-breach-assess", "uk-ico-notify", "uk-tell-people", "inform-ig-uk", "remove-own-post", "evidence-disclosure", "support-staff-uk"}, []string{"us-risk-assessment", "au-ndb-assess", "us-hhs-log"}},
		{"us", "one", []string{"us-risk-assessment", "us-notify-individuals", "us-hhs-log", "inform-privacy-us", "support-staff-us"}, []string{"us-hhs-500", "us-media", "uk-ico-notify"}},
		{"us", "500-or-more", []string{"us-hhs-500", "us-media", "us-notify-individuals"}, []string{"us-hhs-log"}},
		{"au", "one", []string{"au-ndb-assess", "au-ndb-notify", "inform-privacy-au"}, []string{"uk-ico-notify", "us-hhs-log"}},
	}
	for _, c := range cases {
		answers := map[string]string{"how-many": c.howMany}
		for k, v := range base {
			answers[k] = v
		}
		p, err := lib.Plan(in, Options{Locale: c.locale}, answers, nil)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range p.Steps {
			ids = append(ids, s.ID)
		}
		for _, w := range c.want {
			if !slices.Contains(ids, w) {
				t.Errorf("%s %s: plan lacks %s: %v", c.locale, c.howMany, w, ids)
			}
		}
		for _, w := range c.notWant {
			if slices.Contains(ids, w) {
				t.Errorf("%s %s: plan has %s: %v", c.locale, c.howMany, w, ids)
			}
		}
	}
	// Not identifiable: no notification steps at all.
	p, err := lib.Plan(in, Options{Locale: "uk"}, map[string]string{"who-posted": "me", "identifiable": "no"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Steps {
		if s.Phase == "notify" {
			t.Errorf("not identifiable: notify step %s", s.ID)
		}
	}
}

func TestDeadlines(t *testing.T) {
	aware := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	zoned := time.Date(2026, 11, 24, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	cases := []struct {
		d                Deadline
		opt              Options
		text, by, byText string
		hours            int
	}{
		{Deadline{Within: "72h"}, Options{}, "within 72 hours of becoming aware", "", "", 72},
		{Deadline{Within: "72h"}, Options{Aware: aware}, "within 72 hours of becoming aware", "2026-11-27T09:00", "Fri 27 Nov 2026 09:00", 72},
		{Deadline{Within: "1h"}, Options{Aware: aware}, "within 1 hour of becoming aware", "2026-11-24T10:00", "Tue 24 Nov 2026 10:00", 1},
		{Deadline{Within: "60d", From: "discovery"}, Options{Aware: aware}, "within 60 days of discovery", "2027-01-23", "Sat 23 Jan 2027", 1440},
		{Deadline{Within: "60d", From: "year-end"}, Options{Aware: aware}, "within 60 days of the end of the calendar year", "2027-03-01", "Mon 1 Mar 2027 (end of day)", 1440},
		{Deadline{Within: "30d"}, Options{Aware: aware}, "within 30 days of becoming aware", "2026-12-24", "Thu 24 Dec 2026", 720},
		{Deadline{Within: "72h", Text: "without undue delay and within 72 hours"}, Options{Aware: aware}, "without undue delay and within 72 hours", "2026-11-27T09:00", "Fri 27 Nov 2026 09:00", 72},
		{Deadline{Within: "72h"}, Options{Aware: zoned, AwareZone: true}, "within 72 hours of becoming aware", "2026-11-27T09:00:00-05:00", "Fri 27 Nov 2026 09:00 EST", 72},
		{Deadline{Within: "now"}, Options{Aware: aware}, "now", "", "", 0},
		{Deadline{Within: "asap", Text: "as soon as practicable"}, Options{Aware: aware}, "as soon as practicable", "", "", 0},
	}
	for _, c := range cases {
		got := deadline(&c.d, c.opt)
		if got.Text != c.text || got.By != c.by || got.ByText != c.byText || got.Hours != c.hours {
			t.Errorf("%+v: got %+v, want text %q by %q (%q) hours %d", c.d, got, c.text, c.by, c.byText, c.hours)
		}
	}
}

func TestParseAware(t *testing.T) {
	cases := []struct {
		in   string
		want string
		zone bool
		err  bool
	}{
		{"2026-11-24T09:00", "2026-11-24T09:00", false, false},
		{"2026-11-24 09:00", "2026-11-24T09:00", false, false},
		{"2026-11-24", "2026-11-24T00:00", false, false},
		{"2026-11-24T09:00:00+01:00", "2026-11-24T09:00", true, false},
		{"24/11/2026", "", false, true},
		{"", "", false, true},
	}
	for _, c := range cases {
		got, zone, err := ParseAware(c.in)
		if (err != nil) != c.err {
			t.Errorf("%q: error %v", c.in, err)
			continue
		}
		if err == nil && (got.Format("2006-01-02T15:04") != c.want || zone != c.zone) {
			t.Errorf("%q: got %v zone %v", c.in, got, zone)
		}
	}
}

func TestMatch(t *testing.T) {
	lib := mustEmbedded(t)
	in, _ := lib.Incident("post-disclosed")
	who := in.Question("who-posted")
	harm := in.Question("serious-harm")
	cases := []struct {
		q     *Question
		reply string
		want  string
	}{
		{who, "1", "me"},
		{who, "2", "colleague"},
		{who, " Colleague ", "colleague"},
		{who, "a colleague", "colleague"},
		{who, "4", ""},
		{who, "0", ""},
		{who, "nobody", ""},
		{harm, "y", "yes"},
		{harm, "N", "no"},
		{harm, "true", "yes"},
		{harm, "2", "no"},
		{harm, "maybe", ""},
	}
	for _, c := range cases {
		a, err := c.q.Match(c.reply)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%s %q: matched %s, want an error", c.q.ID, c.reply, a.Value)
		case c.want == "" && !strings.Contains(err.Error(), "1 or "):
			t.Errorf("%s %q: error %v does not list the answers", c.q.ID, c.reply, err)
		case c.want != "" && (err != nil || a.Value != c.want):
			t.Errorf("%s %q: got %v, %v; want %s", c.q.ID, c.reply, a, err, c.want)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	lib := mustEmbedded(t)
	in, _ := lib.Incident("lost-device")
	_, err := lib.Plan(in, Options{Locale: "uk"}, map[string]string{"stolen": "yes"}, nil)
	if !errors.Is(err, ErrNotAnswered) || !strings.Contains(err.Error(), "what-lost=paper|work-device|personal-device") {
		t.Errorf("unanswered: %v", err)
	}
	_, err = lib.Plan(in, Options{Locale: "uk"}, map[string]string{"stolen": "yes", "encrypt": "no"}, nil)
	if err == nil || !strings.Contains(err.Error(), `did you mean "encrypted"`) {
		t.Errorf("unknown question: %v", err)
	}
	_, err = lib.Plan(in, Options{Locale: "uk"}, map[string]string{"stolen": "perhaps"}, nil)
	if err == nil || !strings.Contains(err.Error(), `"perhaps" is not an answer to stolen`) {
		t.Errorf("bad answer: %v", err)
	}
	p, err := lib.Plan(in, Options{Locale: "uk"}, map[string]string{"stolen": "no", "what-lost": "work-device", "encrypted": "yes", "how-many": "one"}, nil)
	if err != nil || !slices.Equal(p.Unused, []string{"how-many"}) {
		t.Errorf("unused answers %v, %v; want how-many", p.Unused, err)
	}
	_, err = lib.Plan(in, Options{Locale: "fr"}, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "unknown locale") {
		t.Errorf("bad locale: %v", err)
	}
	// An asker is used for what the answers leave open, and re-asked after a
	// reply it cannot use.
	replies := []string{"what?", "1", "paper", "2", "3"}
	var asked, problems []string
	p, err = lib.Plan(in, Options{Locale: "us"}, nil, func(q *Question, problem string) (string, error) {
		asked = append(asked, q.ID)
		if problem != "" {
			problems = append(problems, problem)
		}
		r := replies[0]
		replies = replies[1:]
		return r, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"stolen", "stolen", "what-lost", "serious-harm", "how-many"}; !slices.Equal(asked, want) {
		t.Errorf("asked %v, want %v", asked, want)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], `"what?"`) {
		t.Errorf("problems %v", problems)
	}
	if got := p.Answers[len(p.Answers)-1].Answer; got != "500-or-more" {
		t.Errorf("last answer %s", got)
	}
}

// TestCitationsListed checks that every citation names a document in the
// project's source list (internal/sources).
func TestCitationsListed(t *testing.T) {
	lib := mustEmbedded(t)
	for id, c := range lib.Citations {
		if _, ok := sources.Lookup(c.Document); !ok {
			t.Errorf("citation %s: %q is not in internal/sources", id, c.Document)
		}
	}
}

// bad wraps a body in the minimum of a valid file: one citation, one step.
func bad(body string) string {
	return `citations:
  c1: {document: "GMC, Good medical practice", year: 2024}
  c2: {document: "UK GDPR", locales: [uk]}
steps:
  - {id: s1, phase: contain, title: T, text: X, cite: [c1]}
` + body
}

func TestParseRefuses(t *testing.T) {
	okIncident := `incidents:
  - id: i1
    title: T
    steps: [s1]
    start: q1
    questions:
      - id: q1
        text: Q?
        type: yesno
        answers:
          - {value: "yes", steps: [s1]}
          - {value: "no"}
`
	if _, err := Parse("t.yaml", []byte(bad(okIncident))); err != nil {
		t.Fatalf("the base file does not parse: %v", err)
	}
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown field", bad(strings.Replace(okIncident, "title: T", "title: T\n    colour: red", 1)), `t.yaml:9: field "colour" is unknown here`},
		{"unknown field in step", strings.Replace(bad(okIncident), "text: X,", "txt: X,", 1), `t.yaml:5: field "txt" is unknown here (did you mean "text"?)`},
		{"no citation", strings.Replace(bad(okIncident), ", cite: [c1]", "", 1), "t.yaml:5: step s1 has no citation"},
		{"unknown citation", strings.Replace(bad(okIncident), "cite: [c1]", "cite: [c3]", 1), `t.yaml:5: step s1 cites unknown citation "c3"`},
		{"no citation for a locale", strings.Replace(bad(okIncident), "cite: [c1]", "cite: [c2]", 1), "t.yaml:5: step s1 has no citation for locale us"},
		{"citation without document", strings.Replace(bad(okIncident), `document: "GMC, Good medical practice", `, "", 1), "t.yaml:2: citation c1 has no document"},
		{"bad phase", strings.Replace(bad(okIncident), "phase: contain", "phase: contian", 1), `t.yaml:5: step s1 has phase "contian"; want one of evidence, contain, inform, assess, notify, support, learn (did you mean "contain"?)`},
		{"bad locale", strings.Replace(bad(okIncident), "id: s1,", "id: s1, locales: [fr],", 1), `t.yaml:5: step s1 has unknown locale "fr"`},
		{"bad deadline", strings.Replace(bad(okIncident), "cite: [c1]", "cite: [c1], deadline: {within: 3w}", 1), `step s1: deadline within "3w"`},
		{"asap without text", strings.Replace(bad(okIncident), "cite: [c1]", "cite: [c1], deadline: {within: asap}", 1), "an asap deadline needs its wording"},
		{"unknown step", bad(strings.Replace(okIncident, "steps: [s1]}", "steps: [s2]}", 1)), `t.yaml:16: answer yes of question q1 names unknown step "s2"`},
		{"unused step", strings.Replace(bad(okIncident), "steps:\n", "steps:\n  - {id: s9, phase: learn, title: T, text: X, cite: [c1]}\n", 1), "t.yaml:5: step s9 is used by no incident or answer"},
		{"duplicate step", strings.Replace(bad(okIncident), "steps:\n", "steps:\n  - {id: s1, phase: learn, title: T, text: X, cite: [c1]}\n", 1), "t.yaml:6: step s1 appears twice"},
		{"unknown start", bad(strings.Replace(okIncident, "start: q1", "start: q0", 1)), `t.yaml:10: incident i1 starts at unknown question "q0"`},
		{"unknown next", bad(strings.Replace(okIncident, `{value: "no"}`, `{value: "no", next: q9}`, 1)), `t.yaml:17: answer no of question q1 goes to unknown question "q9"`},
		{"yesno answers", bad(strings.Replace(okIncident, `value: "no"`, `value: "nope"`, 1)), "t.yaml:12: yes/no question q1 needs exactly the answers yes and no, not yes, nope"},
		{"choice with one answer", bad(strings.Replace(strings.Replace(okIncident, "type: yesno", "type: choice", 1), `          - {value: "no"}`+"\n", "", 1)), "t.yaml:12: choice question q1 needs at least two answers"},
		{"bad type", bad(strings.Replace(okIncident, "type: yesno", "type: scale", 1)), `question q1 has type "scale"`},
		{"numeric value", bad(strings.Replace(strings.Replace(okIncident, "type: yesno", "type: choice", 1), `value: "no"`, `value: "2"`, 1)), `answer value "2" of question q1 is a number`},
		{"self cycle", bad(strings.Replace(okIncident, `{value: "no"}`, `{value: "no", next: q1}`, 1)), "t.yaml:17: incident i1: questions form a cycle: q1 → q1"},
		{"cycle", bad(okIncident + `      - id: q2
        text: Q2?
        type: yesno
        answers:
          - {value: "yes", next: q3}
          - {value: "no"}
      - id: q3
        text: Q3?
        type: yesno
        answers:
          - {value: "yes", next: q2}
          - {value: "no"}
`), "incident i1: question q2 is unreachable"},
		{"reachable cycle", bad(strings.Replace(okIncident, `{value: "no"}`, `{value: "no", next: q2}`, 1) + `      - id: q2
        text: Q2?
        type: yesno
        answers:
          - {value: "yes", next: q3}
          - {value: "no"}
      - id: q3
        text: Q3?
        type: yesno
        answers:
          - {value: "yes", next: q2}
          - {value: "no"}
`), "t.yaml:24: incident i1: questions form a cycle: q2 → q3 → q2"},
		{"unreachable", bad(okIncident + `      - id: q2
        text: Q2?
        type: yesno
        answers:
          - {value: "yes"}
          - {value: "no"}
`), "t.yaml:18: incident i1: question q2 is unreachable from the start (q1)"},
		{"duplicate question", bad(okIncident + `      - id: q1
        text: Q2?
        type: yesno
        answers:
          - {value: "yes"}
          - {value: "no"}
`), "t.yaml:18: question q1 appears twice in incident i1"},
		{"reserved question id", bad(strings.Replace(okIncident, "id: q1\n", "id: type\n", 1)), `question id "type" is reserved`},
		{"duplicate incident", bad(okIncident + strings.TrimPrefix(okIncident, "incidents:\n")), "incident i1 appears twice"},
		{"no always steps", bad(strings.Replace(okIncident, "    steps: [s1]\n", "", 1)), "incident i1 has no steps that always apply"},
		{"no steps", "citations: {}\nsteps: []\nincidents: []\n", "t.yaml: no steps"},
		{"anchor", bad(strings.Replace(okIncident, "title: T", "title: &a T", 1)), "t.yaml:8: YAML anchors and aliases are not allowed"},
		{"two documents", bad(okIncident) + "---\nincidents: []\n", "more than one YAML document"},
		{"empty", "", "t.yaml: file is empty"},
		{"not yaml", "incidents: [", "t.yaml:1:"},
		{"wrong type", "incidents: 3\n", "t.yaml:1: cannot unmarshal"},
	}
	for _, c := range cases {
		_, err := Parse("t.yaml", []byte(c.yaml))
		if err == nil {
			t.Errorf("%s: parsed, want error %q", c.name, c.want)
			continue
		}
		var ae *advice.Error
		if !errors.As(err, &ae) {
			t.Errorf("%s: error %T %v is not an *advice.Error", c.name, err, err)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got  %v\n want %s", c.name, err, c.want)
		}
	}
}

func FuzzIncidentLoad(f *testing.F) {
	// Small seeds: the whole embedded file is too large for the mutator to
	// get far in 30 s; TestEveryPath covers it.
	f.Add([]byte(bad(`incidents:
  - id: i1
    title: T
    steps: [s1]
    start: q1
    questions:
      - id: q1
        text: Q?
        type: choice
        answers:
          - {value: a, steps: [s1], next: q2}
          - {value: b}
      - id: q2
        text: Q2?
        type: yesno
        answers:
          - {value: "yes", next: q3}
          - {value: "no", next: q3}
      - id: q3
        text: Q3?
        type: yesno
        answers:
          - {value: "yes"}
          - {value: "no"}
`)))
	f.Add([]byte(bad("incidents:\n  - {id: i1, title: T, steps: [s1]}\n")))
	f.Add([]byte("incidents: [{id: a, questions: [{id: q, answers: [{next: q}]}]}]"))
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := Parse("f.yaml", data)
		if err != nil {
			var ae *advice.Error
			if !errors.As(err, &ae) {
				t.Fatalf("error %T is not an *advice.Error: %v", err, err)
			}
			return
		}
		// A tree that validates must give a plan for every path.
		for _, in := range lib.Incidents {
			for _, answers := range paths(&in) {
				for _, l := range advice.Locales {
					p, err := lib.Plan(&in, Options{Locale: l}, answers, nil)
					if err != nil {
						t.Fatalf("%s %v: %v", in.ID, answers, err)
					}
					if len(p.Steps) == 0 {
						t.Fatalf("%s %v %s: empty plan", in.ID, answers, l)
					}
				}
			}
		}
	})
}
