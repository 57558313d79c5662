package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

func TestTaggedDetector(t *testing.T) {
	ds := taggerDetectors()
	if len(ds) != 1 {
		t.Fatal("the embedded tagger model did not load")
	}
	cases := []struct {
		in   string
		want []string // spans the tagger must add (the rules find none of them)
		not  []string // spans no candidate may have
	}{
		{in: "BP DID DROP TO 90S SYSTOLIC. NP DJURIC MADE AWARE, PT BOLUSED", want: []string{"DJURIC"}},
		{in: "talked with helen from case management about arrangements", want: []string{"helen"}},
		{in: "GIVEN CARAFATE-W. MAROTTA AWARE-WILL START PROTONIX.", want: []string{"MAROTTA"}},
		// clinical words, devices and lone letters are left alone
		{in: "bp 110/60 via r rad aline, quinton cath in l sc, w/ hoyer lift to chair", not: []string{"aline", "quinton", "w", "hoyer"}},
		{in: "SR TO SB NO ECT, BP STABLE. PTT DUE AT MN. WILL HOLD LASIX.", not: []string{"SB", "MN", "WILL"}},
		{in: "Lovely shift on the ward today, all the patients settled early.", not: []string{"early"}},
	}
	for _, c := range cases {
		doc, err := text.New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		var before []Candidate
		for _, d := range []Detector{idDetector{}, nameDetector{}} {
			before = d.Detect(doc, before)
		}
		for _, d := range placeDetectors() {
			before = d.Detect(doc, before)
		}
		all := ds[0].Detect(doc, before)
		added := map[string]result.Type{}
		for _, x := range all[len(before):] {
			added[doc.Norm[x.Start:x.End]] = x.Type
		}
		for _, w := range c.want {
			if _, ok := added[w]; !ok {
				t.Errorf("%q: tagger did not add %q (added %v)", c.in, w, added)
			}
		}
		for _, n := range c.not {
			for _, x := range all {
				if doc.Norm[x.Start:x.End] == n && x.Confidence >= 0.5 {
					t.Errorf("%q: %q reported as %s (%s)", c.in, n, x.Type, x.Reason)
				}
			}
		}
	}
}
