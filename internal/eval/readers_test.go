package eval

import (
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

// collect drains a record stream, stopping at the first error.
func collect(seq iter.Seq2[Record, error]) ([]Record, error) {
	var out []Record
	for rec, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
	return out, nil
}

// spansString renders gold spans as "start:end:type:text" for comparison.
func spansString(g []Gold) string {
	var parts []string
	for _, s := range g {
		parts = append(parts, fmt.Sprintf("%d:%d:%s:%s", s.Start, s.End, s.Type, s.Text))
	}
	return strings.Join(parts, " ")
}

// checkGold checks the invariants every reader guarantees.
func checkGold(t testing.TB, rec Record) {
	t.Helper()
	prev := -1
	for i, g := range rec.Spans {
		if g.Start < 0 || g.End > len(rec.Text) || g.Start >= g.End {
			t.Fatalf("%s: span %d [%d,%d) outside a text of %d", rec.ID, i, g.Start, g.End, len(rec.Text))
		}
		if rec.Text[g.Start:g.End] != g.Text {
			t.Fatalf("%s: span %d text %q, but the text has %q", rec.ID, i, g.Text, rec.Text[g.Start:g.End])
		}
		if !utf8.RuneStart(rec.Text[g.Start]) || g.End < len(rec.Text) && !utf8.RuneStart(rec.Text[g.End]) {
			t.Fatalf("%s: span %d [%d,%d) not on rune boundaries", rec.ID, i, g.Start, g.End)
		}
		if g.Start < prev {
			t.Fatalf("%s: spans not sorted", rec.ID)
		}
		prev = g.Start
	}
}

func TestReadJSONL(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		want  []string // per record: id|label|verdict|spans
		error string
	}{
		{
			name: "spans located in order, repeated text listed twice",
			in:   `{"id":"a","text":"Sarah saw Sarah's mum, Sarah","label":"safe","verdict":"safe","spans":[{"text":"Sarah","type":"NAME_OTHER"},{"text":"Sarah","type":"NAME_OTHER"},{"text":"Sarah","type":"NAME_OTHER"}]}`,
			want: []string{"a|safe|safe|0:5:NAME_OTHER:Sarah 10:15:NAME_OTHER:Sarah 23:28:NAME_OTHER:Sarah"},
		},
		{
			name: "a third mention of a text seen twice falls back to the first occurrence",
			in:   `{"id":"b","text":"Jo and Jo","spans":[{"text":"Jo","type":"NAME_OTHER"},{"text":"Jo","type":"NAME_OTHER"},{"text":"Jo","type":"NAME_STAFF"}]}`,
			want: []string{"b|||0:2:NAME_OTHER:Jo 0:2:NAME_STAFF:Jo 7:9:NAME_OTHER:Jo"},
		},
		{
			name: "different texts searched independently, output sorted",
			in:   `{"id":"c","text":"bay 4 then Mr K in bay 4","spans":[{"text":"Mr K","type":"NAME_PATIENT"},{"text":"bay 4","type":"ROOM"},{"text":"bay 4","type":"ROOM"}]}`,
			want: []string{"c|||0:5:ROOM:bay 4 11:15:NAME_PATIENT:Mr K 19:24:ROOM:bay 4"},
		},
		{
			name: "a span listed after another is found after it, whole rather than inside a number or word",
			in:   `{"id":"w","text":"at mile 242 a 24F; Steve Marsden and Steve","spans":[{"text":"24","type":"AGE"},{"text":"Steve Marsden","type":"NAME_STAFF"},{"text":"Steve","type":"NAME_STAFF"}]}`,
			want: []string{"w|||14:16:AGE:24 19:32:NAME_STAFF:Steve Marsden 37:42:NAME_STAFF:Steve"},
		},
		{
			name: "a bare number after a longer one that holds it",
			in:   `{"id":"x","text":"mile 242, a 24 y/o, then 24","spans":[{"text":"24","type":"AGE"},{"text":"24","type":"AGE"}]}`,
			want: []string{"x|||12:14:AGE:24 25:27:AGE:24"},
		},
		{
			name: "only a glued occurrence after the previous span: taken",
			in:   `{"id":"y","text":"Jo met Joanne","spans":[{"text":"met","type":"NAME_OTHER"},{"text":"Jo","type":"NAME_OTHER"}]}`,
			want: []string{"y|||3:6:NAME_OTHER:met 7:9:NAME_OTHER:Jo"},
		},
		{
			name: "byte offsets after multi-byte text; blank lines, CRLF and a BOM",
			in:   "\ufeff{\"id\":\"d\",\"text\":\"Café 🎂 Zoë\",\"spans\":[{\"text\":\"Zoë\",\"type\":\"NAME_OTHER\"}]}\r\n\r\n   \n{\"id\":\"e\",\"text\":\"\"}",
			want: []string{"d|||11:15:NAME_OTHER:Zoë", "e|||"},
		},
		{
			name:  "bad JSON names the line",
			in:    `{"id":"a","text":"x"}` + "\n\n" + `{"id":"b","text":}`,
			want:  []string{"a|||"},
			error: "jsonl line 3:",
		},
		{
			name:  "a span text not in the post names the record",
			in:    `{"id":"uk-0007","text":"Hello Mr Pickering","spans":[{"text":"Mr Pickerin","type":"NAME_PATIENT"},{"text":"Doris","type":"NAME_RELATIVE"}]}`,
			error: `record "uk-0007": span 2: text "Doris" (NAME_RELATIVE) does not occur in the post`,
		},
		{
			name:  "unknown span type",
			in:    `{"id":"f","text":"Hi Jo","spans":[{"text":"Jo","type":"PERSON"}]}`,
			error: `record "f": span 1 ("Jo"): unknown type "PERSON"`,
		},
		{
			name:  "empty span text",
			in:    `{"id":"f","text":"Hi Jo","spans":[{"text":"","type":"NAME_OTHER"}]}`,
			error: `record "f": span 1 (NAME_OTHER): empty text`,
		},
		{
			name:  "repeated id",
			in:    `{"id":"g","text":"x"}` + "\n" + `{"id":"g","text":"y"}`,
			want:  []string{"g|||"},
			error: `jsonl line 2: record "g": id already used on line 1`,
		},
		{name: "no id", in: `{"text":"x"}`, error: "jsonl line 1: record has no id"},
		{name: "no text", in: `{"id":"h"}`, error: `record "h": no text`},
		{name: "bad label", in: `{"id":"h","text":"x","label":"maybe"}`, error: `label "maybe"`},
		{name: "bad verdict", in: `{"id":"h","text":"x","verdict":"warn"}`, error: `verdict "warn"`},
		{name: "two values on a line", in: `{"id":"h","text":"x"} {"id":"i","text":"y"}`, error: "jsonl line 1: more than one JSON value"},
		{name: "not an object", in: `["id"]`, error: "jsonl line 1:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := collect(ReadJSONL(strings.NewReader(tc.in)))
			if tc.error == "" && err != nil {
				t.Fatal(err)
			}
			if tc.error != "" && (err == nil || !strings.Contains(err.Error(), tc.error)) {
				t.Fatalf("got error %v, want one containing %q", err, tc.error)
			}
			var got []string
			for _, r := range recs {
				checkGold(t, r)
				got = append(got, r.ID+"|"+r.Label+"|"+r.Verdict+"|"+spansString(r.Spans))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestReadJSONLFixture(t *testing.T) {
	c, err := Open("testdata/posts.jsonl", FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := collect(c.Records)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	r := recs[0]
	if r.ID != "t-0001" || r.Label != "risky" || r.Verdict != "block" || fmt.Sprint(r.Categories) != "[CONFIDENTIALITY]" {
		t.Errorf("record 1: %+v", r)
	}
	want := "0:12:NAME_PATIENT:Mr Pickering 16:21:ROOM:bay 4 38:43:NAME_RELATIVE:Doris 45:57:NAME_PATIENT:Mr Pickering 61:63:AGE:94"
	if got := spansString(r.Spans); got != want {
		t.Errorf("spans\n got %s\nwant %s", got, want)
	}
	for _, r := range recs {
		checkGold(t, r)
		for _, g := range r.Spans {
			if string(g.Mapped) != g.Type {
				t.Errorf("%s: %s mapped to %s", r.ID, g.Type, g.Mapped)
			}
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"Sarah saw Sarah","spans":[{"text":"Sarah","type":"NAME_OTHER"},{"text":"Sarah","type":"NAME_OTHER"},{"text":"Sarah","type":"NAME_OTHER"}]}`)
	f.Add("{\"id\":\"b\",\"text\":\"Café 🎂 Zoë\",\"spans\":[{\"text\":\"é\",\"type\":\"NAME_OTHER\"},{\"text\":\"🎂\",\"type\":\"FEATURE\"}]}\n{\"id\":\"c\",\"text\":\"\"}")
	f.Add(`{"id":"d","text":"\u00e9\ud83d","spans":[{"text":"\ufffd","type":"AGE"}]}`)
	f.Add("{\"id\":\"e\",\"text\":\"a\xffb\",\"spans\":[{\"text\":\"b\",\"type\":\"AGE\"}]}")
	f.Add(`{"id":"f","text":"x","label":"risky","verdict":"review","categories":["CONDUCT"]}` + "\n" + `{"id":"f"`)
	f.Fuzz(func(t *testing.T, in string) {
		ids := map[string]bool{}
		for rec, err := range ReadJSONL(strings.NewReader(in)) {
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				return
			}
			if rec.ID == "" || ids[rec.ID] {
				t.Fatalf("bad or repeated id %q", rec.ID)
			}
			ids[rec.ID] = true
			checkGold(t, rec)
			for _, g := range rec.Spans {
				if g.Mapped == "" || string(g.Mapped) != g.Type {
					t.Fatalf("span type %q mapped to %q", g.Type, g.Mapped)
				}
			}
		}
	})
}

func TestReadDeid(t *testing.T) {
	open := func(t *testing.T) (*os.File, *os.File) {
		tf, err := os.Open("testdata/deid/id.text")
		if err != nil {
			t.Fatal(err)
		}
		pf, err := os.Open("testdata/deid/id-phi.phrase")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tf.Close(); pf.Close() })
		return tf, pf
	}
	t.Run("joined", func(t *testing.T) {
		tf, pf := open(t)
		recs, err := collect(ReadDeid(tf, pf, DeidOptions{}))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"1-1 14:18:HCPName:Wren 29:38:RelativeProxyName:Ada Quill 51:58:Location:Fenwick 62:65:Date:3/4",
			"1-2 0:2:Age:98 28:44:Location:Larkspur General 48:52:Location:Moss 62:67:Phone:55012 73:86:HCPName:ROY B. TANNER",
			"3-1 ",
		}
		var got []string
		for _, r := range recs {
			checkGold(t, r)
			got = append(got, r.ID+" "+spansString(r.Spans))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if recs[0].Text != "Pt seen by Dr Wren. Daughter Ada Quill called from Fenwick on 3/4.\n" {
			t.Errorf("body %q", recs[0].Text)
		}
		if m := recs[1].Spans[1].Mapped; m != result.Hospital {
			t.Errorf("Location mapped to %s", m)
		}
		if m := recs[1].Spans[4].Mapped; m != result.NameStaff {
			t.Errorf("HCPName mapped to %s", m)
		}
	})
	t.Run("kept split", func(t *testing.T) {
		tf, pf := open(t)
		recs, err := collect(ReadDeid(tf, pf, DeidOptions{KeepSplit: true}))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range recs {
			checkGold(t, r)
			n += len(r.Spans)
		}
		if n != 13 {
			t.Errorf("%d spans, want 13 as listed", n)
		}
		if g := recs[0].Spans[2]; g.Text != "Quill " {
			t.Errorf("split span %q, want the phrase as listed", g.Text)
		}
	})
	text := "START_OF_RECORD=7||||2||||\nSeen by Dr Wren.\n||||END_OF_RECORD\n"
	errCases := []struct{ name, text, phrases, want string }{
		{"phrase does not match the text", text, "7 2 11 15 HCPName Wrex\n", `deid phrase line 1: note 7-2: phrase "Wrex" but the text at [11,15) is "Wren"`},
		{"offsets beyond the note", text, "7 2 11 95 HCPName Wren\n", "deid phrase line 1: note 7-2: offsets [11,95) beyond"},
		{"bad offsets", text, "7 2 x 15 HCPName Wren\n", "deid phrase line 1: bad offsets"},
		{"short phrase line", text, "\n7 2 11 15\n", "deid phrase line 2: want"},
		{"gold for a missing note", text, "7 2 11 15 HCPName Wren\n9 9 0 1 Date x\n", "deid phrase line 2: gold for note 9-9, which is not in the text"},
		{"unterminated note", "START_OF_RECORD=7||||2||||\nSeen by Dr Wren.\n", "", "deid text line 1: note 7-2 has no ||||END_OF_RECORD"},
		{"bad header", "START_OF_RECORD=7|2\nx||||END_OF_RECORD\n", "", "deid text line 1: want"},
	}
	for _, tc := range errCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := collect(ReadDeid(strings.NewReader(tc.text), strings.NewReader(tc.phrases), DeidOptions{}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestJoinGold(t *testing.T) {
	text := "JO A. SMITH and Ann. Bea at Elm  Road, Kent-Vale Hosp"
	g := func(sub, cat string) Gold {
		s, e := at(t, text, sub, 0)
		return Gold{Start: s, End: e, Text: sub, Type: cat}
	}
	in := []Gold{
		g("JO", "N"), g("A", "N"), g("SMITH", "N"), // initial then ". ": joined
		g("Ann", "N"), g("Bea", "N"), // ". " after a word: not joined
		g("Elm ", "L"), g("Road", "L"), // spaces only: joined, trimmed
		g("Kent-Vale", "L"), g("Vale Hosp", "L"), // overlapping: joined
	}
	sortGold(in)
	got := spansString(joinGold(text, in))
	want := "0:11:N:JO A. SMITH 16:19:N:Ann 21:24:N:Bea 28:37:L:Elm  Road 39:53:L:Kent-Vale Hosp"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestReadPresidio(t *testing.T) {
	c, err := Open("testdata/presidio.json", FormatPresidio)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := collect(c.Records)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		checkGold(t, r)
		got = append(got, r.ID+" "+spansString(r.Spans))
	}
	want := []string{
		// "Zoë Ångström" is code points [0,12) but bytes [0,15).
		"presidio-0 0:15:PERSON:Zoë Ångström 25:37:STREET_ADDRESS:12 Rue Café 39:43:GPE:Lyon",
		// The emoji (one code point, four bytes) shifts what follows by three.
		"presidio-1 5:24:CREDIT_CARD:4000 0000 0000 0002 34:37:TITLE:Mr. 38:41:PERSON:Kim",
		"presidio-2 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if recs[1].Spans[0].Mapped != "" || recs[1].Spans[2].Mapped != result.NameOther || recs[0].Spans[2].Mapped != result.City {
		t.Errorf("mapping: %+v %+v", recs[1].Spans, recs[0].Spans)
	}

	errCases := []struct{ name, in, want string }{
		{"value does not match", `[{"full_text":"héllo Bobby","spans":[{"entity_type":"PERSON","entity_value":"Bob","start_position":7,"end_position":10}]}]`,
			`presidio record 0: span 0 (PERSON): entity_value "Bob" but the text at [7,10) is "obb"`},
		{"offset beyond the text", `[{"full_text":"Bob","spans":[{"entity_type":"PERSON","entity_value":"Bob","start_position":0,"end_position":4}]}]`,
			"presidio record 0: span 0 (PERSON): code points [0,4) outside a text of 3"},
		{"not an array", `{"full_text":"x"}`, "want a JSON array"},
		{"bad record", `[{"full_text":"x","spans":[]}, {"full_text":3}]`, "presidio record 1:"},
		{"no text", `[{"spans":[]}]`, "presidio record 0: no full_text"},
		{"truncated", `[{"full_text":"x","spans":[]}`, "presidio: after the last record"},
	}
	for _, tc := range errCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := collect(ReadPresidio(strings.NewReader(tc.in)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestRuneOffsets(t *testing.T) {
	cases := []struct {
		s    string
		want []int
	}{
		{"", []int{0}},
		{"abc", []int{0, 1, 2, 3}},
		{"aé😀b", []int{0, 1, 3, 7, 8}},
		{"日本", []int{0, 3, 6}},
	}
	for _, tc := range cases {
		if got := runeOffsets(tc.s); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("runeOffsets(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestReadVectors(t *testing.T) {
	c, err := Open("testdata/vectors.json", FormatVectors)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := collect(c.Records)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		checkGold(t, r)
		v := r.Vector
		if r.Text[v.Start:v.End] != v.Value {
			t.Errorf("%s: vector offsets [%d,%d) in %q", r.ID, v.Start, v.End, r.Text)
		}
		skip := ""
		if r.Skip != "" {
			skip = " skipped"
		}
		got = append(got, fmt.Sprintf("%s|%s|%v|%s|%s%s", r.ID, r.Text, v.Valid, v.Mapped, spansString(r.Spans), skip))
	}
	want := []string{
		"vector-0-UK_NHS|NHS number: 943 476 5919|true|NHS_NUMBER|12:24:UK_NHS:943 476 5919",
		"vector-1-UK_NHS|NHS number: 943 476 5918|false|NHS_NUMBER|",
		"vector-2-UK_NINO|my NI is QQ 12 34 56 C ok|true|NI_NUMBER|9:22:UK_NINO:QQ 12 34 56 C",
		"vector-3-UK_NINO|NI number AB 12 34 56 C|true|NI_NUMBER|10:23:UK_NINO:AB 12 34 56 C",
		"vector-4-UK_NINO|NI number ab 12 34 56 c|false|NI_NUMBER| skipped",
		"vector-5-UK_POSTCODE|Postcode: LS1 4AP |false|POSTCODE| skipped",
		"vector-6-US_SSN|SSN: 078-05-1120|false|SSN|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, tc := range []struct{ in, want string }{
		{`[{"type":"UK_PASSPORT","value":"x","expected":true}]`, `vectors entry 0: unknown type "UK_PASSPORT"`},
		{`[{"type":"UK_NINO","value":"AB1","expected":true,"in_text":"none here"}]`, `value "AB1" not in its in_text`},
		{`{"type":"UK_NINO"}`, "vectors:"},
	} {
		if _, err := collect(ReadVectors(strings.NewReader(tc.in))); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.in, err, tc.want)
		}
	}
}

func TestOpen(t *testing.T) {
	for _, p := range []string{"testdata/deid", "testdata/deid/id.text"} {
		c, err := Open(p, FormatDeid)
		if err != nil {
			t.Fatal(err)
		}
		if c.Path != filepath.Join("testdata", "deid", "id.text") || c.Scheme.Name != FormatDeid {
			t.Errorf("%s: %+v", p, c)
		}
		// Ranging twice reads the files twice.
		for range 2 {
			recs, err := collect(c.Records)
			if err != nil || len(recs) != 3 {
				t.Fatalf("%s: %d records, %v", p, len(recs), err)
			}
		}
	}
	bad := []struct{ path, format, want string }{
		{"testdata/posts.jsonl", "csv", "unknown corpus format"},
		{"testdata/missing.jsonl", FormatJSONL, "no such file"},
		{"testdata", FormatJSONL, "is a directory"},
		{"testdata", FormatDeid, "deid corpus"},
	}
	for _, b := range bad {
		if _, err := Open(b.path, b.format); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Open(%s, %s): %v, want %q", b.path, b.format, err, b.want)
		}
	}
}
