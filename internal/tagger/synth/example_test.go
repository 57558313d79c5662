package synth_test

import (
	"fmt"
	"strings"

	"github.com/scrubshq/scrubs/internal/tagger/synth"
)

// marked writes an example with its spans as [[text]]LABEL.
func marked(e synth.Example) string {
	var b strings.Builder
	at := 0
	for _, s := range e.Spans {
		b.WriteString(e.Text[at:s.Start])
		b.WriteString("[[" + e.Text[s.Start:s.End] + "]]" + s.Label)
		at = s.End
	}
	b.WriteString(e.Text[at:])
	return b.String()
}

func ExampleGenerate() {
	// Real use: lists, err := synth.LoadLists("../..") from internal/tagger.
	lists := &synth.Lists{
		FirstNames: []string{"mary", "john", "grace", "will"},
		Surnames:   []string{"smith", "orourke", "rourke", "vellandi", "bean"},
		Towns:      []string{"springfield", "leeds", "new haven"},
		Hospitals:  []string{"st james university hospital", "mercy medical center"},
		Streets:    []string{"abbey road", "main street"},
	}
	for _, e := range synth.Generate(lists, 5, 2) {
		fmt.Println(marked(e))
		fmt.Println("--")
	}
	// Output:
	// Oramorph 3mg given with good effect A&E to AMU, now on ward. F1 to review bloods. Abd Vicak; falls risk assessment done, bed rails on.
	// --
	// endo: ssi, bs 299
	// resp: vent cool neb 40%, sats low 90s, ls coarse rll, no changes  [[mary]]NAME from next door visited
	// family in to visit, updated by md.
	// dtr [[grace]]NAME called for update.
	// --
}
