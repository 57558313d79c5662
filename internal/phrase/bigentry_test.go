package phrase

import (
	"fmt"
	"slices"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestBigEntry checks Find on a Set where one word starts more than
// bigFirsts patterns, some anchored and some not, against each pattern
// found alone: the same matches in the same order (by start, then by id).
func TestBigEntry(t *testing.T) {
	var pats []string
	for i := range 2*bigFirsts + 70 { // more than one chunk of 64
		switch i % 4 {
		case 0:
			pats = append(pats, fmt.Sprintf("the word%d", i)) // anchored on word%d
		case 1:
			pats = append(pats, "the ~ patient*") // anchored on a prefix
		case 2:
			pats = append(pats, "{the|a} {bed|bay} #") // bed/bay anchor
		default:
			pats = append(pats, "the {ward|unit} is") // ward/unit anchor
		}
	}
	pats = append(pats, "the {bed|ward}", "the night shift", "the") // a pattern of one word is free
	posts := []string{
		"the word8 and the word12 were in the bay 4. the ward is full",
		"The patients in the bed 7, the word4. the unit is shut",
		"nothing here at all",
		"the night shift on the ward is the worst, the word0 the word0",
		"the patient. the word16",
	}
	set := NewSet()
	var alone []*Set
	for _, src := range pats {
		p, err := Compile(src, false)
		if err != nil {
			t.Fatal(err)
		}
		set.Add(p)
		one := NewSet()
		one.Add(p)
		alone = append(alone, one)
	}
	if set.nChunks == 0 {
		t.Fatal("no entry is big: the test does not test the masks")
	}
	for _, post := range posts {
		doc, err := text.New(post)
		if err != nil {
			t.Fatal(err)
		}
		v := NewView(doc)
		got := set.Find(v, nil)
		want := findAlone(alone, v)
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", post, got, want)
		}
	}
}

// findAlone finds each pattern in its own Set (alone[id] holds pattern id
// only) and merges the matches in the order Set.Find reports them: by start,
// then by pattern id. What a Set of many patterns finds must equal it.
func findAlone(alone []*Set, v *View) []Match {
	var want []Match
	for id, one := range alone {
		for _, m := range one.Find(v, nil) {
			m.ID = id
			want = append(want, m)
		}
	}
	slices.SortStableFunc(want, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.ID - b.ID
	})
	return want
}
