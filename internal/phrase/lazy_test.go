package phrase

import (
	"fmt"
	"slices"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestLazyAnchors checks Find with anchors checked lazily (patterns with few
// anchor words), marked eagerly (many words, or a pattern a big entry
// refers to, including one that became big after the pattern was added)
// against the same Set with every anchor marked eagerly, and against each
// pattern found alone: anchors only spare tries, so the matches must agree.
func TestLazyAnchors(t *testing.T) {
	pats := []string{
		"my ~ patient*",                     // one prefix anchor, lazy
		"{in|on} bed # {today|tonight|now}", // bed anchors
		"mrs ~ {bay|ward|room|bed|cubicle|side room|unit|hall|floor|resus|majors|minors|theatre}", // many anchor words: eager
		"the {ward|unit} is full", // two anchor elements
		"pt in bay #",
		"{lady|man} in bed #",
	}
	// enough patterns starting with "the" for its entry to become big
	// after the first ones were added lazily
	for i := range bigFirsts + 3 {
		pats = append(pats, fmt.Sprintf("the word%d ~ {bed|bay}", i))
	}
	posts := []string{
		"my poor patient in bed 4 today. the ward is full",
		"Mrs Smith in the side room, pt in bay 3. the unit is full!",
		"the word3 was in bed. the word25 in bay 2",
		"the word3 in the. bed of the word4 bay",
		"a lady in bed 9, a man in bed. bed 7 now",
		"nothing to see. my patient. patients",
		"on bed 12 tonight, the ward is full, mrs jones back on the ward",
	}
	build := func(lazyKeys int) (*Set, []*Set) {
		set := NewSet()
		set.lazyKeys = lazyKeys
		var alone []*Set
		for _, src := range pats {
			p, err := Compile(src, false)
			if err != nil {
				t.Fatal(err)
			}
			set.Add(p)
			one := NewSet()
			one.lazyKeys = lazyKeys
			one.Add(p)
			alone = append(alone, one)
		}
		return set, alone
	}
	lazy, alone := build(maxLazyKeys)
	eager, _ := build(0)
	nLazy := 0
	for _, k := range lazy.lazy {
		if k != nil {
			nLazy++
		}
	}
	if nLazy == 0 || nLazy == len(pats) {
		t.Fatalf("%d of %d patterns lazy: the test does not mix lazy and eager anchors", nLazy, len(pats))
	}
	for _, k := range eager.lazy {
		if k != nil {
			t.Fatal("a pattern is lazy with lazyKeys 0")
		}
	}
	for _, post := range posts {
		doc, err := text.New(post)
		if err != nil {
			t.Fatal(err)
		}
		v := NewView(doc)
		got := lazy.Find(v, nil)
		if want := eager.Find(v, nil); !slices.Equal(got, want) {
			t.Errorf("%q: lazy anchors\n got %v\nwant %v", post, got, want)
		}
		want := findAlone(alone, v)
		if !slices.Equal(got, want) {
			t.Errorf("%q: patterns alone\n got %v\nwant %v", post, got, want)
		}
		if len(got) == 0 && post != posts[len(posts)-2] {
			t.Errorf("%q: no match: the post tests nothing", post)
		}
	}
}

// TestMayPrefix checks that the filter of prefixes' first 3 bytes holds
// every prefix added and rules out most other words.
func TestMayPrefix(t *testing.T) {
	set := NewSet()
	for _, src := range []string{"patient*", "gomer*", "{bed|bay} {blocker*|manager*}", "frequent {flyer*|flier*}"} {
		p, err := Compile(src, false)
		if err != nil {
			t.Fatal(err)
		}
		set.Add(p)
	}
	tests := []struct {
		word string
		want bool // true: must be admitted; false: expected to be ruled out
	}{
		{"patients", true}, {"pat", true}, {"gomers", true}, {"blockers", true}, {"man", true},
		{"fly", true}, {"flier", true}, {"pas", false}, {"the", false}, {"night", false},
	}
	for _, tt := range tests {
		if got := set.mayPrefix(tt.word); got != tt.want {
			t.Errorf("mayPrefix(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestRefFlags checks which refs Add marks whole (matched by the word alone,
// without a try) and the filters of elements' first words.
func TestRefFlags(t *testing.T) {
	tests := []struct {
		pattern, word string
		whole         bool
	}{
		{"nhs", "nhs", true},
		{"{shift|night shift|nights}", "shift", true},
		{"{shift|night shift|nights}", "night", false}, // a two-word alternative
		{"{night|night shift}", "night", false},        // night may go on to night shift
		{"{pat|patient*}", "pat", true},                // patient* cannot match "pat"
		{"{pat|pat*}", "pat", false},                   // a prefix alternative also starts there
		{"bed #", "bed", false},                        // two elements
	}
	for _, tt := range tests {
		p, err := Compile(tt.pattern, false)
		if err != nil {
			t.Fatal(err)
		}
		set := NewSet()
		set.Add(p)
		e := set.words.get(tt.word)
		if e == nil || len(e.first) != 1 {
			t.Fatalf("%q: no single ref at %q", tt.pattern, tt.word)
		}
		if got := e.first[0].whole; got != tt.whole {
			t.Errorf("%q at %q: whole = %v, want %v", tt.pattern, tt.word, got, tt.whole)
		}
	}
	filters := []struct {
		pattern string
		admits  []string // first words the element 1 filter must admit
		any     bool     // element 1 admits every word (a prefix alternative)
	}{
		{"in {bed|bay|side room}", []string{"bed", "bay", "side"}, false},
		{"in {bed|pat*}", []string{"bed"}, true},
		{"the ward", []string{"ward"}, false},
	}
	for _, tt := range filters {
		p, err := Compile(tt.pattern, false)
		if err != nil {
			t.Fatal(err)
		}
		set := NewSet()
		set.Add(p)
		f := set.cpats[0].elems[1].first
		if (f == anyWord) != tt.any {
			t.Errorf("%q: element 1 admits any word: %v, want %v", tt.pattern, f == anyWord, tt.any)
		}
		for _, w := range tt.admits {
			if !f.admits(set.wordID(w)) {
				t.Errorf("%q: element 1 does not admit %q", tt.pattern, w)
			}
		}
		if !tt.any && f.admits(noWord) {
			t.Errorf("%q: element 1 admits a word no pattern names", tt.pattern)
		}
	}
}

// FuzzLazyAnchors checks that checking anchors lazily finds what marking
// them eagerly does, on two patterns and a post.
func FuzzLazyAnchors(f *testing.F) {
	f.Add("bed {blocker|block*} ~ #", "my ~ {patient*|pt}", "Bed-blocker in bay 4, my pt. my dear patient #BedBlocker x 12")
	f.Add("the {ward|unit} is", "{in|on} bed #", "the ward is full. on bed 4 the unit is")
	f.Fuzz(func(t *testing.T, p1, p2, post string) {
		doc, err := text.New(post)
		if err != nil {
			return
		}
		lazy, eager := NewSet(), NewSet()
		eager.lazyKeys = 0
		for _, src := range []string{p1, p2} {
			p, err := Compile(src, false)
			if err != nil {
				return
			}
			lazy.Add(p)
			eager.Add(p)
		}
		v := NewView(doc)
		if got, want := lazy.Find(v, nil), eager.Find(v, nil); !slices.Equal(got, want) {
			t.Fatalf("%q, %q in %q: lazy %v, eager %v", p1, p2, post, got, want)
		}
	})
}
