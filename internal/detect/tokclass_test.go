package detect

import (
	"fmt"
	"math/bits"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// tokCheckMarks compares the marks of the shared token pass on s with those
// of the families' own passes it replaced, 64 tokens at a time: those of
// the identifiers and the proper nouns must be the marks of idMarks and
// prMarks; those of the dates, whose keyword filter is another, must hold
// every token dtMayStart marks where dtScan.start acts (TestDTRunMarks
// checks that start finds nothing at the tokens they do not mark). It
// returns the number of tokens checked and how many of them each date
// filter marks.
func tokCheckMarks(t *testing.T, s string) (checked, dtNew, dtOld int) {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		return 0, 0, 0
	}
	var p tokPass
	p.fill(doc)
	if want := (len(doc.Tokens) + 63) / 64; len(p.marks) != want {
		t.Fatalf("%q: %d blocks of marks for %d tokens", s, len(p.marks), len(doc.Tokens))
	}
	for k, got := range p.marks {
		base := k * 64
		blk := doc.Tokens[base:min(base+64, len(doc.Tokens))]
		if want := idMarks(doc.Tokens, doc.Norm, base); got.id != want {
			t.Fatalf("%q: block %d: identifier marks %#x, idMarks %#x", s, k, got.id, want)
		}
		if want := prMarks(doc, base); got.pr != want {
			t.Fatalf("%q: block %d: proper-noun marks %+v, prMarks %+v", s, k, got.pr, want)
		}
		old := dtMayStart(blk, doc.Lower)
		for m := old &^ got.dt; m != 0; m &= m - 1 {
			i := base + bits.TrailingZeros64(m)
			sc := &dtScan{doc: doc, toks: doc.Tokens, norm: doc.Norm, low: doc.Lower, lastDate: -100}
			if next := sc.start(i); next != 0 || len(sc.out) != 0 {
				t.Fatalf("%q: token %d marked by dtMayStart only, but start returns %d and finds %v", s, i, next, sc.out)
			}
		}
		if got.dt>>len(blk) != 0 {
			t.Fatalf("%q: date marks %#x past the %d tokens", s, got.dt, len(doc.Tokens))
		}
		dtNew += bits.OnesCount64(got.dt)
		dtOld += bits.OnesCount64(old)
	}
	return len(doc.Tokens), dtNew, dtOld
}

// TestTokMarks checks the shared token pass against the families' own
// passes (tokCheckMarks) on the reference texts, and on texts whose
// neighbours straddle the blocks of 64 tokens.
func TestTokMarks(t *testing.T) {
	texts := idScanRefTexts()
	for _, pad := range []string{"x ", "x\n", "- ", "a.", "@"} {
		for n := 60; n <= 67; n++ {
			for _, tail := range []string{"K. Vellandi", "Mavis: nurse", "from Lubec", "DKR-5519", "a@b.co", "3rd May", "(0113) 496"} {
				texts = append(texts, strings.Repeat(pad, n)+tail, strings.Repeat(pad, 2*n)+tail)
			}
		}
	}
	checked, dtNew, dtOld := 0, 0, 0
	for _, s := range texts {
		c, n, o := tokCheckMarks(t, s)
		checked, dtNew, dtOld = checked+c, dtNew+n, dtOld+o
	}
	if checked < 100000 {
		t.Errorf("only %d tokens checked", checked)
	}
	t.Logf("%d tokens: the date scan visits %d (%d before the shared pass)", checked, dtNew, dtOld)
}

// TestPostMarks checks that a post's marks are those of a pass of its own
// when the pass was filled for other posts before (the engine reuses one per
// worker), including longer and shorter ones and a Doc given a new text of
// the same length after Release, and that a post makes them once.
func TestPostMarks(t *testing.T) {
	// the first two, the next two and the next two have the same length
	texts := []string{"NHS no: 943 476 5919", "DOB 01/02/45 at 0300", "Mavis: nurse, nurse!", "MAVIS: NURSE, NURSE!",
		"ok then", "ok, hen", "", "my new Cloudstep clogs", strings.Repeat("word 12 ", 100), strings.Repeat("12 word ", 100)}
	var shared tokPass
	for range 3 {
		for _, s := range texts {
			doc, err := text.New(s)
			if err != nil {
				t.Fatal(err)
			}
			var want tokPass
			want.fill(doc)
			p := post{doc: doc, pass: &shared}
			for range 2 {
				if got := p.marks(); got != &shared || !slices.Equal(got.marks, want.marks) {
					t.Fatalf("%q: the post's marks %+v, want %+v", s, got.marks, want.marks)
				}
			}
			doc.Release()
		}
	}
}

// FuzzTokMarks runs the comparison of TestTokMarks on arbitrary text.
func FuzzTokMarks(f *testing.F) {
	for _, s := range []string{"NHS no: 943 476 5919", "a@b.co", "per K. Vellandi", "Mavis: nurse", "MI '92", "@2330",
		"Tuesday's 3rd", "BEA KOLARIC AWARE", "my new Cloudstep clogs"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { tokCheckMarks(t, s) })
}

// TestTokMin31 checks tokMin31 against min.
func TestTokMin31(t *testing.T) {
	for l := range 1 << 12 {
		if got := tokMin31(l); got != min(l, 31) {
			t.Fatalf("tokMin31(%d) = %d", l, got)
		}
	}
	if got := tokMin31(1<<62 + 5); got != 31 {
		t.Fatalf("tokMin31(1<<62+5) = %d", got)
	}
}

// TestTokPassConcurrent runs the engine on the same posts from several
// goroutines at once and checks that each finds what one goroutine alone
// finds (with -race, also that no two use a pass at once).
func TestTokPassConcurrent(t *testing.T) {
	e := New(Options{})
	posts := benchdata.Posts(300)
	want := make([][]result.Entity, len(posts))
	for i, s := range posts {
		doc, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = e.Detect(doc)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range posts {
				i := (k*7 + w*37) % len(posts) // each worker in its own order
				doc, err := text.New(posts[i])
				if err != nil {
					errs <- err.Error()
					return
				}
				if got := e.Detect(doc); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("worker %d, %q: %v, alone %v", w, posts[i], got, want[i])
					return
				}
				doc.Release()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
