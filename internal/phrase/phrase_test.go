package phrase

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

func find(t *testing.T, pattern string, exact bool, post string) []string {
	t.Helper()
	p, err := Compile(pattern, exact)
	if err != nil {
		t.Fatalf("Compile(%q): %v", pattern, err)
	}
	s := NewSet()
	s.Add(p)
	doc, err := text.New(post)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range s.Find(NewView(doc), nil) {
		got = append(got, doc.Norm[m.Start:m.End])
	}
	return got
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern string
		exact   bool
		post    string
		want    string // matches joined by "|"; "" for none
	}{
		{"bed blocker*", false, "Another bed-blocker on ward 9", "bed-blocker"},
		{"bed blocker*", false, "BED BLOCKERS everywhere", "BED BLOCKERS"},
		{"bed blocker*", false, "#BedBlocker again", "BedBlocker"},
		{"bed blocker", false, "#bedblocker again", "#bedblocker"},
		{"bed blocker", false, "the bed. Blocker", ""},
		{"bed blocker", false, "the bed, blocker", ""},
		{"frequent {flyer|flier}*", false, "our frequent fliers are back", "frequent fliers"},
		{"had a _ in resus", false, "Had a lady in resus tonight", "Had a lady in resus"},
		{"my ~ patient", false, "my lovely old patient", "my lovely old patient"},
		{"my ~ patient", false, "my patient", "my patient"},
		{"my ~ patient", false, "my one two three four patient", ""},
		{"my ~ patient", false, "my dear, sweet patient", "my dear, sweet patient"},
		{"bed #", false, "bed 12 again", "bed 12"},
		{"bed #", false, "bed time", ""},
		{"PFO", true, "that was a PFO", "PFO"},
		{"PFO", true, "pfo closure", ""},
		{"dont", false, "don't do it", "don't"},
		{"bed-blocker", false, "bed blocker", "bed blocker"},
		{"{on|in} {a&e|the ward|resus}", false, "back in A&E tonight", "in A&E"},
		{"{on|in} {a&e|the ward|resus}", false, "in the ward", "in the ward"},
		{"{on|in} {a&e|the ward|resus}", false, "in the, ward", ""},
		{"{night shift|ward round}*", false, "ward rounds are long", "ward rounds"},
		{"gomer*", false, "two GOMERs and a gomer", "GOMERs|gomer"},
	}
	for _, tt := range tests {
		got := strings.Join(find(t, tt.pattern, tt.exact, tt.post), "|")
		if got != tt.want {
			t.Errorf("%q in %q: got %q, want %q", tt.pattern, tt.post, got, tt.want)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, bad := range []string{"", "_ start", "~ start", "# start", "end ~", "{open", "ab*", "{bed_blocker}", strings.Repeat("a ", 20), strings.Repeat("x", 1100), "a{b|c}", "{a|{b}}", "}x", "{}"} {
		if _, err := Compile(bad, false); err == nil {
			t.Errorf("Compile(%q) = nil error, want one", bad)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("bed {blocker|block*} ~ #", "Bed-blocker in bay 4, #BedBlocker x 12")
	f.Add("my ~ patient", "my dear,, patient")
	f.Fuzz(func(t *testing.T, pattern, post string) {
		p, err := Compile(pattern, false)
		if err != nil {
			return
		}
		doc, err := text.New(post)
		if err != nil {
			return
		}
		s := NewSet()
		s.Add(p)
		for _, m := range s.Find(NewView(doc), nil) {
			if m.Start < 0 || m.End > len(doc.Norm) || m.Start >= m.End {
				t.Fatalf("bad match %+v in %q", m, doc.Norm)
			}
		}
	})
}
