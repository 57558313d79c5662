package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// fixtureReport runs a hand-made checker over testdata/posts.jsonl: it finds
// "Pickering" (twice), calls Doris a patient, misses the age, the ward and
// the time, invents an entity, and flags the birthday post.
func fixtureReport(t *testing.T, match string) *Report {
	t.Helper()
	c, err := Open("testdata/posts.jsonl", FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := collect(c.Records)
	if err != nil {
		t.Fatal(err)
	}
	t1, t2, t3 := recs[0].Text, recs[1].Text, recs[2].Text
	chk := fixed{
		t1: {Verdict: "block", Categories: []string{"CONFIDENTIALITY"}, Entities: []result.Entity{
			ent(t, t1, "Pickering", result.NamePatient), ent(t, t1, "bay 4", result.Room),
			ent(t, t1, "Doris", result.NamePatient), ent(t, t1, "Pickering#1", result.NamePatient)}},
		t2: {Verdict: "review", Categories: []string{"CONDUCT"}, Entities: []result.Entity{
			ent(t, t2, "Sarah", result.NameOther), ent(t, t2, "Twelve hour", result.Time)}},
		t3: {Verdict: "safe", Entities: []result.Entity{ent(t, t3, "Dr Okafor", result.NameStaff)}},
	}
	r, err := Run(context.Background(), chk, c.Records, Options{Scheme: c.Scheme, Corpus: c.Path, Match: match, SnippetBytes: 12})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestWriteJSON(t *testing.T) {
	r := fixtureReport(t, "")
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, buf.String())
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"categories", "corpus", "exact", "gold_spans", "match", "overlap", "posts", "predictions",
		"predictions_outside_scheme", "records", "scheme", "scored_types", "skipped", "unannotated_types", "unscored_gold_spans"}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("keys %v\nwant %v", keys, want)
	}
	overlap := m["overlap"].(map[string]any)
	for _, k := range []string{"labels", "strict", "macro_f1", "names", "entity"} {
		if _, ok := overlap[k]; !ok {
			t.Errorf("overlap has no %q", k)
		}
	}
	strict := overlap["strict"].(map[string]any)
	for _, k := range []string{"label", "support", "predicted", "tp", "fp", "fn", "fragments", "ignored", "precision", "recall", "f1"} {
		if _, ok := strict[k]; !ok {
			t.Errorf("score has no %q", k)
		}
	}
	posts := m["posts"].(map[string]any)
	for _, k := range []string{"flag_rule", "risky_recall", "false_alarm_rate", "verdict_agreement", "verdict_confusion", "categories"} {
		if _, ok := posts[k]; !ok {
			t.Errorf("posts has no %q", k)
		}
	}
	// Round trip.
	var back Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	back.Errors = r.Errors
	if err := back.WriteJSON(&again); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Errorf("round trip differs:\n%s\n%s", buf.String(), again.String())
	}
}

func TestReportFigures(t *testing.T) {
	r := fixtureReport(t, "")
	// Gold: Mr Pickering ×2, bay 4, Doris (relative), 94, Sarah, Rowan Ward, 3am, Dr Okafor = 9.
	// Overlap, type-strict: Pickering ×2, bay 4, Sarah, Dr Okafor found (5);
	// Doris has the wrong type (FP and FN); "Twelve hour" is a false TIME.
	if s := r.Overlap.Strict; s.Support != 9 || s.TP != 5 || s.FP != 2 || s.FN != 4 {
		t.Errorf("overlap strict %+v", s)
	}
	// Exact: "Pickering" is not "Mr Pickering".
	if s := r.Exact.Strict; s.TP != 3 || s.FP != 4 || s.FN != 6 {
		t.Errorf("exact strict %+v", s)
	}
	// The name family forgives Doris's role.
	if s := *r.Overlap.Names; s.Support != 5 || s.TP != 5 || s.FP != 0 {
		t.Errorf("overlap names %+v", s)
	}
	if p := r.Posts; p.RiskyRecall != 1 || p.FalseAlarmRate != 0.5 || p.VerdictAgreement != 0.6667 {
		t.Errorf("posts %+v", p)
	}
	if r.Records != 3 || r.Predictions != 7 || r.OutsideScheme != 0 || r.Vectors != nil {
		t.Errorf("counts %+v", r)
	}
}

func TestWriteText(t *testing.T) {
	for _, match := range []string{MatchOverlap, MatchExact} {
		r := fixtureReport(t, match)
		var buf bytes.Buffer
		if err := r.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, want := range []string{
			"Corpus testdata/posts.jsonl, scheme jsonl",
			"records 3 (skipped 0); gold spans 9 scored, 0 unscored; predictions 7",
			"Spans, " + match + " matching (primary)",
			"label                     support  pred  tp  fp  fn  frag  ign  precision  recall     f1",
			"all, type-strict (micro)",
			"NAME family",
			"entity, any type",
			"Recall by corpus category",
			"Posts (a prediction flags a post when verdict != \"safe\")",
			"risky-post recall",
			"verdicts, gold (rows) by predicted (columns)",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: text report lacks %q\n%s", match, want, out)
			}
		}
		if i, j := strings.Index(out, "Spans, overlap"), strings.Index(out, "Spans, exact"); (i < j) != (match == MatchOverlap) {
			t.Errorf("%s: the primary matching is not first", match)
		}
		// Columns line up: every row of a table has the header's width or less.
		if strings.Contains(out, "\t") {
			t.Error("tabs in the text report")
		}
	}
}

func TestWriteErrors(t *testing.T) {
	r := fixtureReport(t, "")
	var buf bytes.Buffer
	if err := r.WriteErrors(&buf, 0); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"== false negatives (gold spans missed, type-strict): 4 (overlap matching) ==",
		`t-0001  [38,43)  NAME_RELATIVE  "Doris"  predicted NAME_PATIENT "Doris" [38,43)`,
		"… asking for [[Doris]]. Mr Pickeri…",
		`t-0003  [14,24)  WARD  "Rowan Ward"  no prediction overlaps`,
		"== false positives (type-strict): 2 (overlap matching) ==",
		`t-0002  [27,38)  TIME  "Twelve hour"  no gold span overlaps`,
		`t-0001  [38,43)  NAME_PATIENT  "Doris"  gold NAME_RELATIVE "Doris" [38,43)`,
		"== safe posts flagged: 1 (overlap matching) ==",
		`t-0002  gold safe/safe [], predicted "review" [CONDUCT]`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("error dump lacks %q\n%s", want, out)
		}
	}
	buf.Reset()
	if err := r.WriteErrors(&buf, 1); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "… 3 more") || !strings.Contains(out, "… 1 more") {
		t.Errorf("limit 1:\n%s", out)
	}
	buf.Reset()
	empty := &Report{Match: MatchOverlap}
	if err := empty.WriteErrors(&buf, 5); err != nil || buf.String() != "no errors\n" {
		t.Errorf("no errors: %q %v", buf.String(), err)
	}
}
