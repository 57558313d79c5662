package main

import (
	"slices"
	"strings"
	"testing"
)

func TestReadCSVColumn(t *testing.T) {
	cases := []struct {
		name, in, column string
		want             []string
		err              string // part of the error, "" for none
	}{
		{name: "column by header", in: "id,tweet\n1,night shift again\n2,\"quoted, with comma\"\n", column: "tweet",
			want: []string{"night shift again", "quoted, with comma"}},
		{name: "empty cells skipped", in: "text\nfirst\n\n  \nsecond\n", column: "text", want: []string{"first", "second"}},
		{name: "multi-line cell", in: "text\n\"line one\nline two\"\n", column: "text", want: []string{"line one\nline two"}},
		{name: "byte-order mark", in: "\ufefftext,id\nhello,1\n", column: "text", want: []string{"hello"}},
		{name: "missing column", in: "a,b\n1,2\n", column: "text", err: `no column "text"`},
		{name: "short row", in: "a,text\n1,ok\n2\n", column: "text", err: `:3: the row has no column "text"`},
		{name: "bad quote", in: "text\n\"unterminated\n", column: "text", err: "x.csv"},
		{name: "empty file", in: "", column: "text", err: "no CSV header"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := readCSVColumn(strings.NewReader(c.in), "x.csv", c.column)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzReadCSVColumn: any bytes give posts or an error, never a panic, and no post is blank.
func FuzzReadCSVColumn(f *testing.F) {
	f.Add("id,text\n1,hello\n")
	f.Add("text\n\"a\nb\",x\n")
	f.Add("\"text\nbroken")
	f.Fuzz(func(t *testing.T, in string) {
		posts, err := readCSVColumn(strings.NewReader(in), "f.csv", "text")
		if err != nil {
			return
		}
		for _, p := range posts {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("blank post in %q", posts)
			}
		}
	})
}
