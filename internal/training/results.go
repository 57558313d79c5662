package training

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// Answer is what the user chose for one scenario.
type Answer struct {
	Scenario string `json:"scenario"`
	Category string `json:"category"`
	// Chosen and Best count from 1.
	Chosen  int  `json:"chosen"`
	Best    int  `json:"best"`
	Correct bool `json:"correct"`
}

// Session is one run of `scrubs train`: who (as they typed it, possibly
// empty), when, the filter and the answers. It is all that an export holds –
// scrubs stores nothing itself.
type Session struct {
	Name     string    `json:"name"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	Role     string    `json:"role,omitempty"`
	Locale   string    `json:"locale,omitempty"`
	Category string    `json:"category,omitempty"`
	Seed     uint64    `json:"seed"`
	// Asked is how many scenarios the session offered; Answers may be fewer
	// when the user stopped early.
	Asked   int      `json:"asked"`
	Answers []Answer `json:"answers"`
}

// Record adds the answer chosen (from 1) for scenario s and reports whether it
// was the best one.
func (ss *Session) Record(s Scenario, chosen int) bool {
	a := Answer{Scenario: s.ID, Category: s.Category, Chosen: chosen, Best: s.Best, Correct: chosen == s.Best}
	ss.Answers = append(ss.Answers, a)
	return a.Correct
}

// Score returns how many answers were the best one, and how many answers there were.
func (ss *Session) Score() (correct, answered int) {
	for _, a := range ss.Answers {
		if a.Correct {
			correct++
		}
	}
	return correct, len(ss.Answers)
}

// CategoryScore is the result for one risk category.
type CategoryScore struct {
	Category string `json:"category"`
	Correct  int    `json:"correct"`
	Answered int    `json:"answered"`
}

// ByCategory returns the score per category, in the order of rules.Categories
// (categories with no answers left out).
func (ss *Session) ByCategory() []CategoryScore {
	m := map[string]*CategoryScore{}
	var order []string
	for _, a := range ss.Answers {
		cs := m[a.Category]
		if cs == nil {
			cs = &CategoryScore{Category: a.Category}
			m[a.Category] = cs
			order = append(order, a.Category)
		}
		cs.Answered++
		if a.Correct {
			cs.Correct++
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return categoryRank(a) - categoryRank(b) })
	out := make([]CategoryScore, 0, len(order))
	for _, c := range order {
		out = append(out, *m[c])
	}
	return out
}

func categoryRank(c string) int {
	if i := slices.Index(Categories, c); i >= 0 {
		return i
	}
	return len(Categories)
}

// WriteJSON writes the session as indented JSON, with its score.
func (ss *Session) WriteJSON(w io.Writer) error {
	correct, answered := ss.Score()
	cp := *ss
	if cp.Answers == nil {
		cp.Answers = []Answer{}
	}
	out := struct {
		Session
		Score      int             `json:"score"`
		Answered   int             `json:"answered"`
		Categories []CategoryScore `json:"categories"`
	}{cp, correct, answered, ss.ByCategory()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// CSVHeader is the first row of WriteCSV.
var CSVHeader = []string{"name", "started", "finished", "scenario", "category", "chosen", "best", "correct", "score", "answered", "asked"}

// WriteCSV writes one row per answer (name, times in RFC 3339 UTC, scenario,
// category, chosen, best, correct, and the session's score, answered and asked
// on every row), so a training record can be filtered in a spreadsheet. A
// session with no answers writes the header only.
func (ss *Session) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	correct, answered := ss.Score()
	for _, a := range ss.Answers {
		row := []string{
			csvSafe(ss.Name), ss.Started.UTC().Format(time.RFC3339), ss.Finished.UTC().Format(time.RFC3339),
			a.Scenario, a.Category, strconv.Itoa(a.Chosen), strconv.Itoa(a.Best), strconv.FormatBool(a.Correct),
			strconv.Itoa(correct), strconv.Itoa(answered), strconv.Itoa(ss.Asked),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// csvSafe keeps a spreadsheet from running a name as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
