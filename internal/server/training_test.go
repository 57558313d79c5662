package server_test

import (
	"encoding/json"
	"image"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/store/storetest"
	"github.com/scrubshq/scrubs/internal/training"
)

func encodePNG(w io.Writer, img image.Image) error { return png.Encode(w, img) }

// scenariosAnswer is the answer of GET /v1/training/scenarios as the page
// reads it.
type scenariosAnswer struct {
	Seed      uint64 `json:"seed"`
	Scenarios []struct {
		ID        string `json:"id"`
		Category  string `json:"category"`
		Situation string `json:"situation"`
		Best      int    `json:"best"`
		Choices   []struct {
			Text string `json:"text"`
			Why  string `json:"why"`
		} `json:"choices"`
		Citations []struct {
			Source     string `json:"source"`
			Document   string `json:"document"`
			Unverified bool   `json:"unverified"`
		} `json:"citations"`
	} `json:"scenarios"`
}

func (a scenariosAnswer) ids() []string {
	var out []string
	for _, s := range a.Scenarios {
		out = append(out, s.ID)
	}
	return out
}

func TestTrainingScenarios(t *testing.T) {
	e := newEnv(t, storetest.DBs(t)[0])
	get := func(t *testing.T, query string) scenariosAnswer {
		t.Helper()
		status, h, raw := e.do(t, "GET", "/v1/training/scenarios"+query, "", "", "")
		if status != 200 || h.Get("Content-Type") != js {
			t.Fatalf("%s: %d %s", query, status, raw)
		}
		var a scenariosAnswer
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	all, err := training.All()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("default: 10, random seed returned", func(t *testing.T) {
		a := get(t, "")
		if len(a.Scenarios) != 10 {
			t.Errorf("%d scenarios, want 10", len(a.Scenarios))
		}
		again := get(t, "?seed="+jsonNumber(a.Seed))
		if !slices.Equal(a.ids(), again.ids()) {
			t.Errorf("the returned seed %d does not repeat the session: %v vs %v", a.Seed, a.ids(), again.ids())
		}
		if a.Seed >= 1<<53 {
			t.Errorf("seed %d is not exact in JavaScript", a.Seed)
		}
	})
	t.Run("same as the CLI's selection, with answers and feedback", func(t *testing.T) {
		a := get(t, "?role=student-nurse&locale=UK&count=0&seed=42")
		want, err := training.Select(all, training.Filter{Role: "student-nurse", Locale: "uk", Seed: 42})
		if err != nil {
			t.Fatal(err)
		}
		var wantIDs []string
		for _, s := range want {
			wantIDs = append(wantIDs, s.ID)
		}
		if !slices.Equal(a.ids(), wantIDs) || a.Seed != 42 {
			t.Fatalf("ids %v, want %v", a.ids(), wantIDs)
		}
		unverified := false
		for i, s := range a.Scenarios {
			if s.Best != want[i].Best || len(s.Choices) != len(want[i].Choices) || s.Choices[0].Why == "" || s.Situation == "" {
				t.Errorf("%s: best %d choices %d", s.ID, s.Best, len(s.Choices))
			}
			if len(s.Citations) != len(want[i].Cite) {
				t.Errorf("%s: %d citations, want %d", s.ID, len(s.Citations), len(want[i].Cite))
			}
			for j, c := range s.Citations {
				if c.Document == "" || c.Document == c.Source || c.Unverified == want[i].Cite[j].IsVerified() {
					t.Errorf("%s: citation %+v", s.ID, c)
				}
				unverified = unverified || c.Unverified
			}
		}
		if !unverified {
			t.Error("no unverified citation among them: the flag is not carried")
		}
	})
	t.Run("category", func(t *testing.T) {
		a := get(t, "?category=boundary&count=3&seed=1")
		if len(a.Scenarios) != 3 {
			t.Fatalf("%d scenarios", len(a.Scenarios))
		}
		for _, s := range a.Scenarios {
			if s.Category != "BOUNDARY" {
				t.Errorf("%s is %s", s.ID, s.Category)
			}
		}
	})
	for _, tt := range []struct{ name, query, detail string }{
		{"count not a number", "?count=ten", "count"},
		{"count negative", "?count=-1", "count"},
		{"count too many", "?count=100000", "count"},
		{"seed negative", "?seed=-4", "seed"},
		{"seed not a number", "?seed=x", "seed"},
		{"unknown role", "?role=wizard", "unknown role"},
		{"unknown locale", "?locale=fr", "unknown locale"},
		{"unknown category", "?category=GOSSIP", "unknown category"},
		{"long role", "?role=" + strings.Repeat("a", 100), "short names"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, h, raw := e.do(t, "GET", "/v1/training/scenarios"+tt.query, "", "", "")
			wantProblem(t, status, h, raw, 422, "invalid-request", tt.detail)
		})
	}
	t.Run("wrong method", func(t *testing.T) {
		status, h, raw := e.do(t, "POST", "/v1/training/scenarios", js, `{}`, "")
		wantProblem(t, status, h, raw, 405, "method-not-allowed", "GET")
	})
}

func jsonNumber(n uint64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
