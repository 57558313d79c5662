package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func sample() (string, *result.Result) {
	post := "Mrs Pickering (94yo) in bed 4 🙂"
	return post, &result.Result{
		Verdict:    result.Review,
		Categories: []string{},
		Entities: []result.Entity{
			{Start: 0, End: 13, Text: "Mrs Pickering", Type: result.NamePatient, Confidence: 0.95, Reason: "name: title + surname"},
			{Start: 15, End: 19, Text: "94yo", Type: result.Age, Confidence: 0.9, Reason: "age: NNyo"},
			{Start: 24, End: 29, Text: "bed 4", Type: result.Room, Confidence: 0.9, Reason: "room: bed + number"},
		},
		Risks: []result.Risk{},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file:\n got: %q\nwant: %q", name, got, want)
	}
}

func TestWriteGolden(t *testing.T) {
	post, r := sample()
	cases := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"text.golden", func(b *bytes.Buffer) error { return WriteText(b, post, r, false) }},
		{"text-colour.golden", func(b *bytes.Buffer) error { return WriteText(b, post, r, true) }},
		{"json.golden", func(b *bytes.Buffer) error { return WriteJSON(b, r) }},
		{"line.golden", func(b *bytes.Buffer) error {
			l, err := MarshalLine(Line{ID: "p1", Verdict: r.Verdict, Categories: r.Categories, Entities: r.Entities, Risks: r.Risks})
			b.Write(l)
			return err
		}},
		{"error-line.golden", func(b *bytes.Buffer) error {
			l, err := MarshalLine(ErrorLine{ID: nil, Line: 7, Error: "not a JSON object"})
			b.Write(l)
			return err
		}},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := c.write(&b); err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, b.Bytes())
	}
}
