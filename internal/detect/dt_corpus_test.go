package detect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/eval"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// The external corpora are read at test time only (never copied): the
// PhysioNet deid gold notes (US ICU nursing notes in capitals) and the
// presidio-research synthetic set. Set DT_DUMP=1 to log every miss and every
// false positive.

const dtExternal = "../../../shared/data/external"

// dtEntities runs the date/time/age family alone on s and returns its
// resolved entities in original-text offsets.
func dtEntities(s string) []result.Entity {
	doc, err := text.New(s)
	if err != nil {
		return nil
	}
	var out []result.Entity
	for _, c := range Resolve(dtDetector{}.Detect(doc, nil), 0.5) {
		a, b := doc.OrigSpan(c.Start, c.End)
		out = append(out, result.Entity{Start: a, End: b, Text: s[a:b], Type: c.Type, Confidence: c.Confidence, Reason: c.Reason})
	}
	return out
}

type dtScore struct{ gold, found, pred, right int }

func (sc dtScore) String() string {
	r := float64(sc.found) / max(1, float64(sc.gold))
	p := float64(sc.right) / max(1, float64(sc.pred))
	return "recall " + strconv.FormatFloat(r, 'f', 3, 64) + " (" + strconv.Itoa(sc.found) + "/" + strconv.Itoa(sc.gold) +
		"), precision " + strconv.FormatFloat(p, 'f', 3, 64) + " (" + strconv.Itoa(sc.right) + "/" + strconv.Itoa(sc.pred) + ")"
}

func dtSnippet(s string, a, b int) string {
	lo, hi := max(0, a-30), min(len(s), b+30)
	return strings.ReplaceAll(s[lo:a]+"[["+s[a:b]+"]]"+s[b:hi], "\n", "⏎")
}

var dtDeidNotDate = regexp.MustCompile(`(?i)^(?:(?:last|next|this|on)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thur?s?|fri|sat|sun|yesterday|tomorrow|weekend|last\s+night|overnight)$`)

func TestDTDeidCorpus(t *testing.T) {
	dir := filepath.Join(dtExternal, "physionet-deid-gold")
	tf, err := os.Open(filepath.Join(dir, "id.text"))
	if err != nil {
		t.Skip("deid corpus not present")
	}
	defer tf.Close()
	pf, err := os.Open(filepath.Join(dir, "id-phi.phrase"))
	if err != nil {
		t.Skip("deid corpus not present")
	}
	defer pf.Close()
	dump := os.Getenv("DT_DUMP") != ""
	var date, age dtScore
	for rec, err := range eval.ReadDeid(tf, pf, eval.DeidOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		ents := dtEntities(rec.Text)
		overlaps := func(a, b int, typ result.Type) bool {
			for _, g := range rec.Spans {
				if g.Mapped == typ && a < g.End && g.Start < b {
					return true
				}
			}
			return false
		}
		for _, g := range rec.Spans {
			var sc *dtScore
			var want result.Type
			switch g.Mapped {
			case result.Date:
				sc, want = &date, result.Date
			case result.Age:
				sc, want = &age, result.Age
			default:
				continue
			}
			sc.gold++
			hit := false
			for _, e := range ents {
				if e.Type == want && e.Start < g.End && g.Start < e.End {
					hit = true
				}
			}
			if hit {
				sc.found++
			} else if dump {
				t.Logf("MISS %s %s: %s", rec.ID, want, dtSnippet(rec.Text, g.Start, g.End))
			}
		}
		for _, e := range ents {
			switch e.Type {
			case result.Date:
				if dtDeidNotDate.MatchString(e.Text) {
					continue
				}
				date.pred++
				if overlaps(e.Start, e.End, result.Date) {
					date.right++
				} else if dump {
					t.Logf("FP   %s DATE %.2f %s: %s", rec.ID, e.Confidence, e.Reason, dtSnippet(rec.Text, e.Start, e.End))
				}
			case result.Age:
				if n := dtFirstNumber(e.Text); n <= 89 {
					continue
				}
				age.pred++
				if overlaps(e.Start, e.End, result.Age) {
					age.right++
				} else if dump {
					t.Logf("FP   %s AGE %s: %s", rec.ID, e.Reason, dtSnippet(rec.Text, e.Start, e.End))
				}
			}
		}
	}
	t.Logf("deid DATE: %v", date)
	t.Logf("deid AGE (>89): %v", age)
	dtFloor(t, "deid DATE", date, 0.93, 0.93)
}

func TestDTPresidioSynth(t *testing.T) {
	f, err := os.Open(filepath.Join(dtExternal, "presidio-research-synth", "synth_dataset_v2.json"))
	if err != nil {
		t.Skip("presidio synth not present")
	}
	defer f.Close()
	dump := os.Getenv("DT_DUMP") != ""
	bareYear := regexp.MustCompile(`^\d{4}$`)
	var dt, age dtScore
	for rec, err := range eval.ReadPresidio(f) {
		if err != nil {
			t.Fatal(err)
		}
		ents := dtEntities(rec.Text)
		for _, g := range rec.Spans {
			var sc *dtScore
			switch g.Type {
			case "DATE_TIME":
				if bareYear.MatchString(g.Text) {
					continue // our guide: bare years are not dates unless tied to a person
				}
				sc = &dt
			case "AGE":
				sc = &age
			default:
				continue
			}
			sc.gold++
			hit := false
			for _, e := range ents {
				if (e.Type == result.Age) == (g.Type == "AGE") && e.Start < g.End && g.Start < e.End {
					hit = true
				}
			}
			if hit {
				sc.found++
			} else if dump {
				t.Logf("MISS %s %s: %s", rec.ID, g.Type, dtSnippet(rec.Text, g.Start, g.End))
			}
		}
		for _, e := range ents {
			sc := &dt
			want := "DATE_TIME"
			if e.Type == result.Age {
				sc, want = &age, "AGE"
			}
			sc.pred++
			ok := false
			for _, g := range rec.Spans {
				if g.Type == want && e.Start < g.End && g.Start < e.End {
					ok = true
				}
			}
			if ok {
				sc.right++
			} else if dump {
				t.Logf("FP   %s %s %s: %s", rec.ID, e.Type, e.Reason, dtSnippet(rec.Text, e.Start, e.End))
			}
		}
	}
	t.Logf("presidio DATE_TIME (bare years left out): %v", dt)
	t.Logf("presidio AGE: %v", age)
	dtFloor(t, "presidio DATE_TIME", dt, 0.97, 0)
	dtFloor(t, "presidio AGE", age, 0.97, 0.97)
}

// dtFirstNumber returns the first run of digits in s as a number.
func dtFirstNumber(s string) int {
	for i := 0; i < len(s); i++ {
		if dtIsDigit(s[i]) {
			return dtAtoi(s[i:dtDigitEnd(s, i)])
		}
	}
	return 0
}

type dtPresidioCase struct {
	text     string
	want     [][2]int // byte offsets of the expected dates
	dateOnly bool     // a date recognizer case (else an NER case, of which only date spans are kept)
}

// dtPresidioCases reads the DATE_TIME and AGE cases of the Presidio analyzer
// recognizer tests (skipping the test when the file is not present).
func dtPresidioCases(t *testing.T) []dtPresidioCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dtExternal, "presidio-analyzer-cases", "presidio_recognizer_cases.jsonl"))
	if err != nil {
		t.Skip("presidio analyzer cases not present")
	}
	var out []dtPresidioCase
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r struct {
			Entities  []string `json:"entities"`
			Text      string   `json:"text"`
			Positions [][2]int `json:"expected_positions"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		keep := false
		for _, e := range r.Entities {
			keep = keep || e == "DATE_TIME"
		}
		if !keep {
			continue
		}
		dateOnly := len(r.Entities) == 1
		offs := make([]int, 0, len(r.Text)+1)
		for i := range r.Text {
			offs = append(offs, i)
		}
		offs = append(offs, len(r.Text))
		c := dtPresidioCase{text: r.Text, dateOnly: dateOnly}
		for _, p := range r.Positions {
			a, b := offs[p[0]], offs[p[1]]
			// NER cases expect persons too: keep the spans with a digit,
			// and a month after "in"
			if dateOnly || strings.ContainsAny(r.Text[a:b], "0123456789") || strings.HasSuffix(r.Text[:a], " in ") {
				c.want = append(c.want, [2]int{a, b})
			}
		}
		if len(c.want) > 0 || dateOnly {
			out = append(out, c)
		}
	}
	return out
}

// dtFloor fails the test when recall or precision falls under its floor (a
// regression guard, a little under the figures reached).
func dtFloor(t *testing.T, what string, sc dtScore, recall, precision float64) {
	t.Helper()
	if r := float64(sc.found) / max(1, float64(sc.gold)); r < recall {
		t.Errorf("%s recall %.3f under %.2f", what, r, recall)
	}
	if p := float64(sc.right) / max(1, float64(sc.pred)); p < precision {
		t.Errorf("%s precision %.3f under %.2f", what, p, precision)
	}
}
