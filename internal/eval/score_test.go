package eval

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/result"
)

// fixed is a checker answering from a table keyed by text (safe and empty otherwise).
type fixed map[string]Prediction

func (f fixed) Check(_ context.Context, text string) (Prediction, error) {
	if p, ok := f[text]; ok {
		return p, nil
	}
	return Prediction{Verdict: "safe"}, nil
}

// at returns the byte offsets of the n-th (0-based) occurrence of sub in text.
func at(t testing.TB, text, sub string, n int) (int, int) {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], sub)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", text, n, sub)
		}
		if i == n {
			return from + j, from + j + len(sub)
		}
		from += j + len(sub)
	}
}

// ent is a predicted entity on the n-th occurrence of sub; sub may be
// written "text#n".
func ent(t testing.TB, text, sub string, typ result.Type) result.Entity {
	t.Helper()
	sub, n := occurrence(sub)
	s, e := at(t, text, sub, n)
	return result.Entity{Start: s, End: e, Text: sub, Type: typ, Confidence: 0.9}
}

// gold is a gold span on the n-th occurrence of sub ("text#n"), mapped
// through the scheme.
func gold(t testing.TB, sc Scheme, text, sub, cat string) Gold {
	t.Helper()
	sub, n := occurrence(sub)
	s, e := at(t, text, sub, n)
	return Gold{Start: s, End: e, Text: sub, Type: cat, Mapped: sc.Map(cat)}
}

func occurrence(sub string) (string, int) {
	if i := strings.LastIndex(sub, "#"); i > 0 {
		var n int
		if _, err := fmt.Sscan(sub[i+1:], &n); err == nil {
			return sub[:i], n
		}
	}
	return sub, 0
}

func seq(recs ...Record) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// c is a compact expected outcome: tp, fp, fn, frag, ign.
type c [5]int

func got(s Score) c { return c{s.TP, s.FP, s.FN, s.Fragments, s.Ignored} }

func TestScoring(t *testing.T) {
	jsonl, deid, presidio := JSONLScheme(), DeidScheme(), PresidioScheme()
	type span struct{ sub, typ string }
	cases := []struct {
		name   string
		scheme Scheme
		text   string
		gold   []span // sub ("text#n"), corpus category
		pred   []span // sub, our type
		// Expected totals: type-strict, name family, entity; overlap then exact.
		strictO, strictX, namesO, namesX, entO, entX c
		rows                                         map[string]c // overlap, type-strict rows
		outside                                      int
	}{
		{
			name:   "exact vs overlap, wrong name type",
			scheme: jsonl,
			text:   "Mr Pickering was in bay 4 with Doris",
			gold:   []span{{"Mr Pickering", "NAME_PATIENT"}, {"bay 4", "ROOM"}, {"Doris", "NAME_PATIENT"}},
			pred:   []span{{"Pickering", "NAME_PATIENT"}, {"bay 4", "ROOM"}, {"Doris", "NAME_OTHER"}},
			// overlap: Pickering and bay 4 match; Doris has the wrong type.
			strictO: c{2, 1, 1, 0, 0}, strictX: c{1, 2, 2, 0, 0},
			namesO: c{2, 0, 0, 0, 0}, namesX: c{1, 1, 1, 0, 0},
			entO: c{3, 0, 0, 0, 0}, entX: c{2, 1, 1, 0, 0},
			rows: map[string]c{"NAME_PATIENT": {1, 0, 1, 0, 0}, "ROOM": {1, 0, 0, 0, 0}, "NAME_OTHER": {0, 1, 0, 0, 0}},
		},
		{
			name:    "one prediction over two gold spans",
			scheme:  jsonl,
			text:    "Dr Ann Lee rang",
			gold:    []span{{"Ann", "NAME_STAFF"}, {"Lee", "NAME_STAFF"}},
			pred:    []span{{"Dr Ann Lee", "NAME_STAFF"}},
			strictO: c{1, 0, 1, 0, 0}, strictX: c{0, 1, 2, 0, 0},
			namesO: c{1, 0, 1, 0, 0}, namesX: c{0, 1, 2, 0, 0},
			entO: c{1, 0, 1, 0, 0}, entX: c{0, 1, 2, 0, 0},
		},
		{
			name:    "two predictions inside one gold span: one match, one fragment",
			scheme:  jsonl,
			text:    "moved to St Anne Hospice today",
			gold:    []span{{"St Anne Hospice", "HOSPITAL"}},
			pred:    []span{{"St Anne", "HOSPITAL"}, {"Hospice", "HOSPITAL"}},
			strictO: c{1, 0, 0, 1, 0}, strictX: c{0, 2, 1, 0, 0},
			entO: c{1, 0, 0, 1, 0}, entX: c{0, 2, 1, 0, 0},
		},
		{
			// Pairs: (Ann, all) 3 bytes, (Lee Smith, all) 9, (Lee Smith, Smith) 5.
			// Greedy by size takes (Lee Smith, all) first: Ann stays
			// unmatched and "Smith" becomes a fragment.
			name:    "greedy by overlap size",
			scheme:  jsonl,
			text:    "Ann Lee Smith rang",
			gold:    []span{{"Ann", "NAME_STAFF"}, {"Lee Smith", "NAME_STAFF"}},
			pred:    []span{{"Ann Lee Smith", "NAME_STAFF"}, {"Smith", "NAME_STAFF"}},
			strictO: c{1, 0, 1, 1, 0}, strictX: c{0, 2, 2, 0, 0},
			namesO: c{1, 0, 1, 1, 0}, namesX: c{0, 2, 2, 0, 0},
			entO: c{1, 0, 1, 1, 0}, entX: c{0, 2, 2, 0, 0},
		},
		{
			name:    "type-strict vs type-agnostic",
			scheme:  jsonl,
			text:    "seen at Oakvale Hospital",
			gold:    []span{{"Oakvale Hospital", "HOSPITAL"}},
			pred:    []span{{"Oakvale", "CITY"}},
			strictO: c{0, 1, 1, 0, 0}, strictX: c{0, 1, 1, 0, 0},
			entO: c{1, 0, 0, 0, 0}, entX: c{0, 1, 1, 0, 0},
			rows: map[string]c{"HOSPITAL": {0, 0, 1, 0, 0}, "CITY": {0, 1, 0, 0, 0}},
		},
		{
			name:    "duplicate prediction: each gold and prediction matched once",
			scheme:  jsonl,
			text:    "Sarah and Sarah",
			gold:    []span{{"Sarah", "NAME_OTHER"}, {"Sarah#1", "NAME_OTHER"}},
			pred:    []span{{"Sarah", "NAME_OTHER"}, {"Sarah", "NAME_OTHER"}},
			strictO: c{1, 0, 1, 1, 0}, strictX: c{1, 1, 1, 0, 0},
			namesO: c{1, 0, 1, 1, 0}, namesX: c{1, 1, 1, 0, 0},
			entO: c{1, 0, 1, 1, 0}, entX: c{1, 1, 1, 0, 0},
		},
		{
			name:    "deid: a type outside the scheme is not scored; titles break exact",
			scheme:  deid,
			text:    "at 0300 Dr Wren came",
			gold:    []span{{"Wren", "HCPName"}},
			pred:    []span{{"0300", "TIME"}, {"Dr Wren", "NAME_STAFF"}},
			strictO: c{1, 0, 0, 0, 0}, strictX: c{0, 1, 1, 0, 0},
			namesO: c{1, 0, 0, 0, 0}, namesX: c{0, 1, 1, 0, 0},
			entO: c{1, 0, 0, 0, 0}, entX: c{0, 1, 1, 0, 0},
			outside: 1,
		},
		{
			name:    "deid: WARD is partial, matched or ignored",
			scheme:  deid,
			text:    "to Moss 3 from MICU",
			gold:    []span{{"Moss", "Location"}},
			pred:    []span{{"Moss 3", "WARD"}, {"MICU", "WARD"}},
			strictO: c{1, 0, 0, 0, 1}, strictX: c{0, 0, 1, 0, 2},
			entO: c{1, 0, 0, 0, 1}, entX: c{0, 0, 1, 0, 2},
			rows: map[string]c{"LOCATION": {1, 0, 0, 0, 1}},
		},
		{
			name:    "deid: ages under 90 and weekdays are not labelled",
			scheme:  deid,
			text:    "son 72, aunt 97, pt 98 yo, seen Tuesday and 3/4",
			gold:    []span{{"98", "Age"}, {"3/4", "Date"}},
			pred:    []span{{"72", "AGE"}, {"97", "AGE"}, {"98", "AGE"}, {"Tuesday", "DATE"}, {"3/4", "DATE"}},
			strictO: c{2, 1, 0, 0, 2}, strictX: c{2, 1, 0, 0, 2},
			entO: c{2, 1, 0, 0, 2}, entX: c{2, 1, 0, 0, 2},
			rows: map[string]c{"AGE": {1, 1, 0, 0, 1}, "DATE": {1, 0, 0, 0, 1}},
		},
		{
			name:    "deid: NAME_OTHER matches only as a name or an entity",
			scheme:  deid,
			text:    "called Wren",
			gold:    []span{{"Wren", "HCPName"}},
			pred:    []span{{"Wren", "NAME_OTHER"}},
			strictO: c{0, 1, 1, 0, 0}, strictX: c{0, 1, 1, 0, 0},
			namesO: c{1, 0, 0, 0, 0}, namesX: c{1, 0, 0, 0, 0},
			entO: c{1, 0, 0, 0, 0}, entX: c{1, 0, 0, 0, 0},
			rows: map[string]c{"NAME_STAFF": {0, 0, 1, 0, 0}, "NAME_OTHER": {0, 1, 0, 0, 0}},
		},
		{
			name:    "presidio: predictions over an unscored span are ignored",
			scheme:  presidio,
			text:    "card 4000 0000 0000 0002 now",
			gold:    []span{{"4000 0000 0000 0002", "CREDIT_CARD"}},
			pred:    []span{{"4000 0000 0000 0002", "ID_OTHER"}},
			strictO: c{0, 0, 0, 0, 1}, strictX: c{0, 0, 0, 0, 1},
			entO: c{0, 0, 0, 0, 1}, entX: c{0, 0, 0, 0, 1},
		},
		{
			name:    "presidio: a whole address matched by its parts",
			scheme:  presidio,
			text:    "lives at 12 Elm Road, Dunmore 12345",
			gold:    []span{{"12 Elm Road, Dunmore 12345", "STREET_ADDRESS"}},
			pred:    []span{{"12 Elm Road", "STREET"}, {"Dunmore", "CITY"}, {"12345", "ZIP"}},
			strictO: c{1, 0, 0, 2, 0}, strictX: c{0, 3, 1, 0, 0},
			entO: c{1, 0, 0, 2, 0}, entX: c{0, 3, 1, 0, 0},
			rows: map[string]c{"STREET_ADDRESS": {1, 0, 0, 0, 0}, "GPE": {0, 0, 0, 1, 0}, "ZIP": {0, 0, 0, 1, 0}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := Record{ID: "r1", Text: tc.text}
			for _, g := range tc.gold {
				rec.Spans = append(rec.Spans, gold(t, tc.scheme, tc.text, g.sub, g.typ))
			}
			sortGold(rec.Spans)
			var p Prediction
			for _, e := range tc.pred {
				p.Entities = append(p.Entities, ent(t, tc.text, e.sub, result.Type(e.typ)))
			}
			r, err := Run(context.Background(), fixed{tc.text: p}, seq(rec), Options{Scheme: tc.scheme})
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, s Score, want c) {
				t.Helper()
				if got(s) != want {
					t.Errorf("%s: got tp,fp,fn,frag,ign %v, want %v", what, got(s), want)
				}
				if s.Support != s.TP+s.FN || s.Predicted != s.TP+s.FP {
					t.Errorf("%s: support %d / predicted %d inconsistent", what, s.Support, s.Predicted)
				}
			}
			check("overlap strict", r.Overlap.Strict, tc.strictO)
			check("exact strict", r.Exact.Strict, tc.strictX)
			check("overlap names", *r.Overlap.Names, tc.namesO)
			check("exact names", *r.Exact.Names, tc.namesX)
			check("overlap entity", r.Overlap.Entity, tc.entO)
			check("exact entity", r.Exact.Entity, tc.entX)
			for name, want := range tc.rows {
				found := false
				for _, s := range r.Overlap.Labels {
					if s.Label == name {
						found = true
						check("overlap row "+name, s, want)
					}
				}
				if !found {
					t.Errorf("no row %s", name)
				}
			}
			if r.OutsideScheme != tc.outside {
				t.Errorf("outside scheme: got %d, want %d", r.OutsideScheme, tc.outside)
			}
		})
	}
}

func TestRatios(t *testing.T) {
	// 2 of 3 predictions right, 2 of 4 gold found.
	text := "Ann, Bob, Cy and Di"
	rec := Record{ID: "r", Text: text}
	for _, n := range []string{"Ann", "Bob", "Cy", "Di"} {
		rec.Spans = append(rec.Spans, gold(t, JSONLScheme(), text, n, "NAME_OTHER"))
	}
	p := Prediction{Entities: []result.Entity{
		ent(t, text, "Ann", result.NameOther), ent(t, text, "Bob", result.NameOther), ent(t, text, "and", result.NameOther)}}
	r, err := Run(context.Background(), fixed{text: p}, seq(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Overlap.Strict
	if s.Precision != 0.6667 || s.Recall != 0.5 || s.F1 != 0.5714 {
		t.Errorf("P/R/F1 = %v/%v/%v, want 0.6667/0.5/0.5714", s.Precision, s.Recall, s.F1)
	}
	if r.Overlap.MacroF1 != 0.5714 {
		t.Errorf("macro F1 %v, want 0.5714 (one row with support)", r.Overlap.MacroF1)
	}
	for _, cr := range r.Categories {
		if cr.Category == "NAME_OTHER" && (cr.Support != 4 || cr.OverlapFound != 2 || cr.OverlapRecall != 0.5) {
			t.Errorf("category recall %+v", cr)
		}
	}
}

func TestCategoryRecall(t *testing.T) {
	sc := DeidScheme()
	text := "Dr Wren and Mary Jones saw pt at Fenwick"
	rec := Record{ID: "r", Text: text, Spans: []Gold{
		gold(t, sc, text, "Wren", "HCPName"), gold(t, sc, text, "Mary Jones", "RelativeProxyName"), gold(t, sc, text, "Fenwick", "Location")}}
	p := Prediction{Entities: []result.Entity{
		ent(t, text, "Dr Wren", result.NameStaff), ent(t, text, "Mary Jones", result.NameOther), ent(t, text, "Fenwick", result.City)}}
	r, err := Run(context.Background(), fixed{text: p}, seq(rec), Options{Scheme: sc})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]int{ // overlap strict, overlap any, exact strict, exact any
		"HCPName":           {1, 1, 0, 0},
		"RelativeProxyName": {0, 1, 0, 1},
		"Location":          {1, 1, 1, 1},
		"PTName":            {0, 0, 0, 0},
	}
	for _, cr := range r.Categories {
		w, ok := want[cr.Category]
		if !ok {
			continue
		}
		if g := [4]int{cr.OverlapFound, cr.OverlapAnyFound, cr.ExactFound, cr.ExactAnyFound}; g != w {
			t.Errorf("%s: found %v, want %v", cr.Category, g, w)
		}
		delete(want, cr.Category)
	}
	if len(want) > 0 {
		t.Errorf("categories missing from the report: %v", want)
	}
}

func TestPosts(t *testing.T) {
	recs := []Record{
		{ID: "p1", Text: "one", Label: "risky", Verdict: "block", Categories: []string{"CONFIDENTIALITY"}},
		{ID: "p2", Text: "two", Label: "risky", Verdict: "review", Categories: []string{"DEROGATORY", "CONDUCT"}},
		{ID: "p3", Text: "three", Label: "safe", Verdict: "safe"},
		{ID: "p4", Text: "four", Label: "safe", Verdict: "safe"},
		{ID: "p5", Text: "five", Label: "risky", Verdict: "review", Categories: []string{"CONDUCT"}},
	}
	chk := fixed{
		"one":   {Verdict: "block", Categories: []string{"CONFIDENTIALITY"}},
		"two":   {Verdict: "safe"},
		"three": {Verdict: "review", Categories: []string{"CONDUCT"}},
		"four":  {Verdict: "safe"},
		"five":  {Verdict: "review", Categories: []string{"CONDUCT", "DEROGATORY"}},
	}
	r, err := Run(context.Background(), chk, seq(recs...), Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Posts
	if p == nil {
		t.Fatal("no post figures")
	}
	if p.Risky != 3 || p.RiskyFlagged != 2 || p.RiskyRecall != 0.6667 {
		t.Errorf("risky recall %d/%d = %v", p.RiskyFlagged, p.Risky, p.RiskyRecall)
	}
	if p.Safe != 2 || p.SafeFlagged != 1 || p.FalseAlarmRate != 0.5 {
		t.Errorf("false alarms %d/%d = %v", p.SafeFlagged, p.Safe, p.FalseAlarmRate)
	}
	if p.FlagPrecision != 0.6667 {
		t.Errorf("flag precision %v", p.FlagPrecision)
	}
	if p.WithVerdict != 5 || p.VerdictAgree != 3 || p.VerdictAgreement != 0.6 {
		t.Errorf("verdict agreement %d/%d = %v", p.VerdictAgree, p.WithVerdict, p.VerdictAgreement)
	}
	if p.FlagRule != FlagRule {
		t.Errorf("flag rule %q", p.FlagRule)
	}
	wantCats := map[string][3]int{ // support, predicted, tp
		"CONFIDENTIALITY": {1, 1, 1},
		"CONDUCT":         {2, 2, 1},
		"DEROGATORY":      {1, 1, 0},
	}
	if len(p.Categories) != len(wantCats) {
		t.Errorf("categories %+v", p.Categories)
	}
	for _, pc := range p.Categories {
		if w := wantCats[pc.Category]; [3]int{pc.Support, pc.Predicted, pc.TP} != w {
			t.Errorf("%s: %+v, want support/pred/tp %v", pc.Category, pc, w)
		}
	}
	wantConf := []VerdictCount{{"safe", "safe", 1}, {"safe", "review", 1}, {"review", "safe", 1}, {"review", "review", 1}, {"block", "block", 1}}
	if fmt.Sprint(p.VerdictConfusion) != fmt.Sprint(wantConf) {
		t.Errorf("confusion %v, want %v", p.VerdictConfusion, wantConf)
	}
	var kinds []string
	for _, e := range r.Errors {
		kinds = append(kinds, e.RecordID+":"+e.Kind)
	}
	if got, want := strings.Join(kinds, " "), "p2:missed_post p3:false_alarm"; got != want {
		t.Errorf("errors %q, want %q", got, want)
	}

	// A custom rule: only "block" flags.
	r, err = Run(context.Background(), chk, seq(recs...), Options{Flags: func(p Prediction) bool { return p.Verdict == "block" }})
	if err != nil {
		t.Fatal(err)
	}
	if r.Posts.RiskyFlagged != 1 || r.Posts.SafeFlagged != 0 || r.Posts.FlagRule != "custom" {
		t.Errorf("custom rule: %+v", r.Posts)
	}

	// No labels, no post figures.
	r, err = Run(context.Background(), chk, seq(Record{ID: "x", Text: "one"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Posts != nil {
		t.Errorf("post figures without labels: %+v", r.Posts)
	}
}

func TestVectorDecisions(t *testing.T) {
	var recs []Record
	for rec, err := range ReadVectors(strings.NewReader(`[
	 {"type":"UK_NHS","value":"943 476 5919","expected":true},
	 {"type":"UK_NHS","value":"943 476 5918","expected":false},
	 {"type":"UK_NHS","value":"401 023 2137","expected":true},
	 {"type":"US_SSN","value":"078-05-1120","expected":false},
	 {"type":"US_SSN","value":" 078-05-1121","expected":true}
	]`)) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	find := func(text, value string, typ result.Type) Prediction {
		return Prediction{Entities: []result.Entity{ent(t, text, value, typ)}}
	}
	chk := fixed{
		"NHS number: 943 476 5919": find("NHS number: 943 476 5919", "943 476 5919", result.NHSNumber), // valid, found
		"NHS number: 943 476 5918": find("NHS number: 943 476 5918", "943 476 5918", result.NHSNumber), // invalid, found: wrong
		"NHS number: 401 023 2137": find("NHS number: 401 023 2137", "401 023 2137", result.Phone),     // valid, wrong type
		"SSN: 078-05-1120":         find("SSN: 078-05-1120", "078-05-1120", result.Phone),              // invalid, not an SSN: right
	}
	r, err := Run(context.Background(), chk, seq(recs...), Options{Scheme: VectorsScheme()})
	if err != nil {
		t.Fatal(err)
	}
	v := r.Vectors
	if v == nil || len(v.Types) != 2 {
		t.Fatalf("vectors %+v", v)
	}
	nhs, ssn := v.Types[0], v.Types[1]
	if nhs.Type != "UK_NHS" || nhs.Valid != 2 || nhs.Found != 1 || nhs.Invalid != 1 || nhs.Rejected != 0 || nhs.Accuracy != 0.3333 {
		t.Errorf("UK_NHS %+v", nhs)
	}
	if ssn.Type != "US_SSN" || ssn.Valid != 0 || ssn.Invalid != 1 || ssn.Rejected != 1 || ssn.Skipped != 1 {
		t.Errorf("US_SSN %+v", ssn)
	}
	if v.Total.Correct != 2 || v.Total.Skipped != 1 || r.Skipped != 1 || r.Records != 4 {
		t.Errorf("total %+v, skipped %d, records %d", v.Total, r.Skipped, r.Records)
	}
	var kinds []string
	for _, e := range r.Errors {
		if strings.HasPrefix(e.Kind, "vector") {
			kinds = append(kinds, e.RecordID+":"+e.Kind)
		}
	}
	if got, want := strings.Join(kinds, " "), "vector-1-UK_NHS:vector_accepted vector-2-UK_NHS:vector_missed"; got != want {
		t.Errorf("vector errors %q, want %q", got, want)
	}
}

// TestRunOrder checks that records are scored in corpus order whatever the
// order checks finish in, on many workers.
func TestRunOrder(t *testing.T) {
	const n = 300
	var recs []Record
	for i := range n {
		recs = append(recs, Record{ID: fmt.Sprintf("r%03d", i), Text: fmt.Sprintf("post number %03d", i)})
	}
	var calls atomic.Int64
	chk := CheckerFunc(func(ctx context.Context, text string) (Prediction, error) {
		calls.Add(1)
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		i := strings.Index(text, "number")
		return Prediction{Verdict: "safe", Entities: []result.Entity{{Start: i, End: i + 6, Text: "number", Type: result.IDOther}}}, nil
	})
	r, err := Run(context.Background(), chk, seq(recs...), Options{Workers: 16})
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != n || r.Records != n || r.Overlap.Strict.FP != n {
		t.Fatalf("calls %d, records %d, fp %d", calls.Load(), r.Records, r.Overlap.Strict.FP)
	}
	for i, e := range r.Errors {
		if want := fmt.Sprintf("r%03d", i); e.RecordID != want {
			t.Fatalf("error %d is for %s, want %s", i, e.RecordID, want)
		}
	}
}

func TestRunErrors(t *testing.T) {
	text := "Jo was here"
	recs := []Record{{ID: "a", Text: "fine"}, {ID: "b", Text: text}, {ID: "c", Text: "later"}}
	boom := errors.New("boom")
	cases := []struct {
		name    string
		chk     Checker
		records iter.Seq2[Record, error]
		opts    Options
		want    string
	}{
		{"checker error names the record", CheckerFunc(func(_ context.Context, s string) (Prediction, error) {
			if s == text {
				return Prediction{}, boom
			}
			return Prediction{}, nil
		}), seq(recs...), Options{}, "record b: check: boom"},
		{"offsets outside the text", fixed{text: {Entities: []result.Entity{{Start: 3, End: 40, Type: result.NameOther}}}},
			seq(recs...), Options{}, "record b: entity 0 (NAME_OTHER): offsets [3,40)"},
		{"text not the slice", fixed{text: {Entities: []result.Entity{{Start: 0, End: 2, Text: "Al", Type: result.NameOther}}}},
			seq(recs...), Options{}, `record b: entity 0 (NAME_OTHER): text "Al" but the post has "Jo"`},
		{"gold outside the text", fixed{}, seq(Record{ID: "g", Text: "ab", Spans: []Gold{{Start: 1, End: 5, Type: "NAME_OTHER"}}}),
			Options{}, "record g: gold span 0"},
		{"corpus error", fixed{}, func(yield func(Record, error) bool) {
			if yield(recs[0], nil) {
				yield(Record{}, errors.New("jsonl line 2: bad"))
			}
		}, Options{}, "jsonl line 2: bad"},
		{"bad matching", fixed{}, seq(recs...), Options{Match: "fuzzy"}, `unknown matching "fuzzy"`},
		{"bad scheme", fixed{}, seq(recs...), Options{Scheme: Scheme{Name: "x", Labels: []Label{{Name: "A"}}}}, "needs a name, categories and types"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Workers = 4
			_, err := Run(context.Background(), tc.chk, tc.records, opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(yield func(Record, error) bool) {
		for i := 0; ; i++ {
			if !yield(Record{ID: fmt.Sprint(i), Text: "x"}, nil) {
				return
			}
		}
	}
	var n atomic.Int64
	chk := CheckerFunc(func(ctx context.Context, _ string) (Prediction, error) {
		if n.Add(1) == 50 {
			cancel()
		}
		return Prediction{}, ctx.Err()
	})
	_, err := Run(ctx, chk, endless, Options{Workers: 4})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

func TestSnippet(t *testing.T) {
	cases := []struct {
		text       string
		start, end int
		n          int
		want       string
	}{
		{"abc def ghi", 4, 7, 2, "…c [[def]] g…"},
		{"abc def ghi", 4, 7, 10, "abc [[def]] ghi"},
		{"one\ntwo\tthree", 4, 7, 10, "one⏎[[two]] three"},
		{"héllo wörld", 3, 6, 1, "…é[[llo]] …"}, // cut back to a rune start
		{"post", 0, 0, 2, "po…"},
	}
	for _, tc := range cases {
		if got := snippet(tc.text, tc.start, tc.end, tc.n); got != tc.want {
			t.Errorf("snippet(%q, %d, %d, %d) = %q, want %q", tc.text, tc.start, tc.end, tc.n, got, tc.want)
		}
	}
}

func TestMaxInt(t *testing.T) {
	cases := map[string]int{"": -1, "aged": -1, "94yo": 94, "in her 90s": 90, "72-75": 75, "99999999999999999999999": int(^uint(0) >> 1)}
	for in, want := range cases {
		if got := maxInt(in); got != want {
			t.Errorf("maxInt(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestSchemes(t *testing.T) {
	for _, f := range Formats {
		s, err := SchemeFor(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if s.Name != f {
			t.Errorf("%s: scheme named %q", f, s.Name)
		}
		for _, typ := range s.Types() {
			found := false
			for _, at := range result.AllTypes {
				found = found || at == typ
			}
			if !found {
				t.Errorf("%s: scores unknown type %s", f, typ)
			}
		}
	}
	if _, err := SchemeFor("csv"); err == nil {
		t.Error("SchemeFor(csv): no error")
	}
	d := DeidScheme()
	if d.Map("PTNameInitial") != result.NamePatient || d.Map("Location") != result.Hospital || d.Map("Fax") != "" {
		t.Error("deid mapping")
	}
	if un := fmt.Sprint(d.Unannotated()); !strings.Contains(un, "TIME") || !strings.Contains(un, "ROOM") || strings.Contains(un, "WARD") {
		t.Errorf("deid unannotated types %s", un)
	}
	if len(JSONLScheme().Unannotated()) != 0 {
		t.Error("the jsonl scheme should annotate every type")
	}
	p := PresidioScheme()
	for cat, want := range map[string]result.Type{"PERSON": result.NameOther, "GPE": result.City, "DOMAIN_NAME": result.URL,
		"US_DRIVER_LICENSE": result.IDOther, "DATE_TIME": result.Date, "CREDIT_CARD": "", "NRP": ""} {
		if got := p.Map(cat); got != want {
			t.Errorf("presidio %s → %q, want %q", cat, got, want)
		}
	}
}

func TestPredictionOf(t *testing.T) {
	e := result.Entity{Start: 0, End: 2, Text: "Jo", Type: result.NameOther}
	p := PredictionOf(&result.Result{Verdict: result.Review, Categories: []string{"CONDUCT"}, Entities: []result.Entity{e}})
	if p.Verdict != "review" || fmt.Sprint(p.Categories) != "[CONDUCT]" || len(p.Entities) != 1 || p.Entities[0] != e {
		t.Errorf("%+v", p)
	}
	if p := PredictionOf(nil); p.Verdict != "" || p.Entities != nil {
		t.Errorf("nil: %+v", p)
	}
}
