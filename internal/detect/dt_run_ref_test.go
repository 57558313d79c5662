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

// dtMayStart returns the marks run read before the shared token pass, for
// the tokens of blk (at most 64), bit j for blk[j]: a superset of the
// tokens start acts on, read from dtMayStartTab by the length and first
// byte of the token and shifted by its last byte. Tokens are never empty,
// so its loads are in range. The pass's marks (tokMarks.dt) filter the
// keywords by other bytes, so TestTokMarks checks that they hold every
// token these marks hold that start acts on.
func dtMayStart(blk []text.Token, low string) (may uint64) {
	for j := range blk {
		t := &blk[j]
		c0, cl := low[t.Start], low[t.End-1]
		l := min(uint(t.End-t.Start), 17)
		may |= (dtMayStartTab[l][dtFirstClass[c0]&63] >> (cl & 63) & 1) << (j & 63)
	}
	return may
}

// The classes of a token's first byte in dtMayStartTab: c&31 for most
// bytes, as in dtMayBeWord, and two of their own.
const (
	dtClassAny  = 32 // a digit: every Number and Alnum that start can act on starts with one
	dtClassApos = 33 // an apostrophe: "'92"
	dtClassAt   = 34 // an '@': mentionTime acts on "@2330" only, 5 bytes ending in a digit
)

// dtFirstClass is the class in dtMayStartTab of a token's first byte.
var dtFirstClass = func() (c [256]uint8) {
	for b := range c {
		c[b] = uint8(b & 31)
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = dtClassAny
	}
	c['@'], c['\''] = dtClassAt, dtClassApos
	return c
}()

// dtMayStartTab holds the marks of dtMayStart: bit last&63 of
// dtMayStartTab[min(len, 17)][dtFirstClass[first]] is set when a token of
// that length and those first and last bytes may start a candidate. The
// rows of the word classes are dtMayBeWord[0] (words of 2 to 16 bytes, as
// written, with the possessive forms of the keywords); a token that starts
// with a digit is marked whatever its length and last byte (start tells
// the kinds apart), one that starts with '@' if it has 5 bytes and ends
// with a digit; a token of one apostrophe is marked. Other kinds
// of token that pass (a hashtag or a symbol that looks like a keyword's
// bytes) are turned away by start.
var dtMayStartTab = func() (f [18][64]uint64) {
	for l := range f {
		if l < len(dtMayBeWord[0]) {
			copy(f[l][:32], dtMayBeWord[0][l][:])
		}
		f[l][dtClassAny] = ^uint64(0)
	}
	f[1][dtClassApos] = 1 << ('\'' & 63)
	for d := '0'; d <= '9'; d++ {
		f[5][dtClassAt] |= 1 << (d & 63)
	}
	return f
}()

// dtCheckRun compares run with runEveryToken on s, and checks that start
// finds nothing at the tokens the shared token pass does not mark. It
// returns the number of tokens checked.
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
	got.run(newPost(doc).marks())
	want.runEveryToken()
	if !reflect.DeepEqual(got.out, want.out) {
		t.Fatalf("%q: run found %v, every token %v", s, got.out, want.out)
	}
	var p tokPass
	p.fill(doc)
	for k, mk := range p.marks {
		base := k * 64
		blk := doc.Tokens[base:min(base+64, len(doc.Tokens))]
		may := mk.dt
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
		if may>>len(blk) != 0 {
			t.Fatalf("%q: marks %#x past the %d tokens", s, may, len(doc.Tokens))
		}
	}
	return len(doc.Tokens)
}

// TestDTRunMarks checks run, which visits only the tokens the shared token
// pass marks, against the every-token scan, on the reference texts.
func TestDTRunMarks(t *testing.T) { checkOnRefTexts(t, dtCheckRun) }

// FuzzDTRunMarks runs the comparison of TestDTRunMarks on arbitrary text.
func FuzzDTRunMarks(f *testing.F) {
	for _, s := range []string{"DOB 01/02/45", "MI '92", "@2330", "Tuesday's 3rd", "94yo 72M", "‘92"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { dtCheckRun(t, s) })
}
