package server

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/scrubshq/scrubs/internal/sources"
	"github.com/scrubshq/scrubs/internal/training"
)

// Limits and defaults of GET /v1/training/scenarios.
const (
	defaultTrainingCount = 10
	maxTrainingCount     = 500
)

// scenarioCitation is a training citation with its document's title, year
// and URL filled in, in the shape of a risk's citation plus the source id.
type scenarioCitation struct {
	Source     string `json:"source"`
	Document   string `json:"document"`
	Year       int    `json:"year,omitempty"`
	Paragraph  string `json:"paragraph,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
	URL        string `json:"url,omitempty"`
}

// scenarioOut is a scenario as the API gives it: everything, the best
// answer and the feedback included (the page reveals them after a choice,
// as `scrubs train` does).
type scenarioOut struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	Roles     []string           `json:"roles"`
	Locales   []string           `json:"locales"`
	Category  string             `json:"category"`
	Situation string             `json:"situation"`
	Choices   []training.Choice  `json:"choices"`
	Best      int                `json:"best"`
	Citations []scenarioCitation `json:"citations"`
}

// scenariosResponse is the answer of GET /v1/training/scenarios.
type scenariosResponse struct {
	Seed      uint64        `json:"seed"`
	Role      string        `json:"role,omitempty"`
	Locale    string        `json:"locale,omitempty"`
	Category  string        `json:"category,omitempty"`
	Scenarios []scenarioOut `json:"scenarios"`
}

// trainingScenarios answers GET /v1/training/scenarios?role&locale&category&count&seed:
// the scenarios that match, shuffled by seed (random when not given, and
// returned so a session can be repeated), at most count (default 10; 0 for
// all). Nothing is recorded.
func (s *Server) trainingScenarios(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := training.Filter{Role: strings.TrimSpace(q.Get("role")), Locale: strings.TrimSpace(q.Get("locale")),
		Category: strings.TrimSpace(q.Get("category")), Count: defaultTrainingCount}
	if len(f.Role) > maxNameLen || len(f.Locale) > maxNameLen || len(f.Category) > maxNameLen {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "role, locale and category are short names such as nurse, uk and BOUNDARY")
		return
	}
	if v := q.Get("count"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxTrainingCount {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("count is a whole number from 0 (all) to %d", maxTrainingCount))
			return
		}
		f.Count = n
	}
	if v := q.Get("seed"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "seed is a whole number from 0 to 18446744073709551615")
			return
		}
		f.Seed = n
	} else {
		var b [8]byte
		rand.Read(b[:])
		f.Seed = binary.LittleEndian.Uint64(b[:]) >> 11 // exact in a JavaScript number
	}
	all, err := training.All()
	if err != nil {
		s.log.Error("training scenarios", "error", err)
		writeProblem(w, http.StatusInternalServerError, probInternal, "the scenarios do not load")
		return
	}
	picked, err := training.Select(all, f)
	if err != nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, err.Error())
		return
	}
	out := scenariosResponse{Seed: f.Seed, Role: f.Role, Locale: strings.ToLower(f.Locale), Category: strings.ToUpper(f.Category),
		Scenarios: make([]scenarioOut, 0, len(picked))}
	for _, sc := range picked {
		o := scenarioOut{ID: sc.ID, Title: sc.Title, Roles: sc.Roles, Locales: sc.Locales, Category: sc.Category,
			Situation: sc.Situation, Choices: sc.Choices, Best: sc.Best, Citations: make([]scenarioCitation, 0, len(sc.Cite))}
		for _, c := range sc.Cite {
			sc := scenarioCitation{Source: c.Source, Document: c.Source, Paragraph: c.Paragraph, Unverified: !c.IsVerified()}
			if d, ok := sources.ByID(c.Source); ok {
				sc.Document, sc.Year, sc.URL = d.Title, d.Year, d.URL
			}
			o.Citations = append(o.Citations, sc)
		}
		out.Scenarios = append(out.Scenarios, o)
	}
	writeJSON(w, http.StatusOK, out)
}
