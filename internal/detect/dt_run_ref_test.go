package detect

import (
	"reflect"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// runEveryToken is the scan as it was before dtMayStart: start at every
// token, in order, past the tokens of each candidate found. It is the
// reference run must agree with.
func (s *dtScan) runEveryToken() {
	for i := 0; i < len(s.toks); i++ {
		if next := s.start(i); next > i+1 {
			i = next - 1
		}
	}
}

// dtCheckRun compares run with runEveryToken on s, and checks that start
// finds nothing at the tokens dtMayStart does not mark. It returns the
// number of tokens checked.
func dtCheckRun(t *testing.T, s string) int {
	t.Helper()
	doc, err := text.New(s)
	if err != nil || len(doc.Tokens) == 0 {
		return 0
	}
	newScan := func() *dtScan {
		return &dtScan{doc: doc, toks: doc.Tokens, norm: doc.Norm, low: doc.Lower, lastDate: -100}
	}
	got, want := newScan(), newScan()
	got.run()
	want.runEveryToken()
	if !reflect.DeepEqual(got.out, want.out) {
		t.Fatalf("%q: run found %v, every token %v", s, got.out, want.out)
	}
	for base := 0; base < len(doc.Tokens); base += 64 {
		blk := doc.Tokens[base:min(base+64, len(doc.Tokens))]
		may := dtMayStart(blk, doc.Lower)
		for j := range blk {
			if may&(1<<j) != 0 {
				continue
			}
			sc := newScan()
			if next := sc.start(base + j); next != 0 || len(sc.out) != 0 {
				t.Fatalf("%q: token %d %q unmarked, but start returns %d and finds %v", s, base+j,
					doc.Norm[blk[j].Start:blk[j].End], next, sc.out)
			}
		}
	}
	return len(doc.Tokens)
}

// TestDTRunMarks checks run, which visits only the tokens dtMayStart marks,
// against the every-token scan, on the reference texts.
func TestDTRunMarks(t *testing.T) { checkOnRefTexts(t, dtCheckRun) }

// FuzzDTRunMarks runs the comparison of TestDTRunMarks on arbitrary text.
func FuzzDTRunMarks(f *testing.F) {
	for _, s := range []string{"DOB 01/02/45", "MI '92", "@2330", "Tuesday's 3rd", "94yo 72M", "‘92"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { dtCheckRun(t, s) })
}
