package scrubs_test

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs"
)

var fuzzSeeds = []string{
	"",
	// the tagger and the local-name rules: initials, social sections, homes, units, states
	"GIVEN SUCRALFATE-K. VELLANDI AWARE\nsocial: ray visited. LIVES AT PELLINGTON HOUSE NH",
	"TO GO TO ST. BERNADETTE ON FRIDAY; seen at KH, then FENWICKE 3. lives in DC. CEO OF ZENTRIX",
	"social:", "st.", "A.", "-K.", "TO ST.", "lives in", "Pellington House",
	"Lovely Mrs Doris Pickering (94yo) in bed 4, NHS no 943 476 5919, from Aylsham.",
	"PT SEEN BY DR SMITH 7/22 AT 0300; WIFE MARY CALLED 617-555-0142",
	"Ｍｒｓ Ｐｉｃｋｅｒｉｎｇ ＮＨＳ ９４３ ４７６ ５９１９",
	"943\u200b476\u200b5919 \u202eDoris\u202c",
	"happy birthday sarah!! 🎉🎂 #nhs @sarah_rn",
	"e\u0301\u0301 Zoë Ó Súilleabháin, ward 7B, SR2",
}

func checkInvariants(t *testing.T, in string, res *scrubs.Result) {
	t.Helper()
	prev := -1
	for _, e := range res.Entities {
		if e.Start < 0 || e.End > len(in) || e.Start >= e.End {
			t.Fatalf("entity %+v out of range for %d bytes", e, len(in))
		}
		if in[e.Start:e.End] != e.Text {
			t.Fatalf("entity text %q != original %q", e.Text, in[e.Start:e.End])
		}
		if !utf8.ValidString(e.Text) {
			t.Fatalf("entity cuts a rune: %q", e.Text)
		}
		if e.Start < prev {
			t.Fatalf("entities overlap or are unsorted: %+v", res.Entities)
		}
		prev = e.End
		if e.Confidence < 0 || e.Confidence > 1 || e.Type == "" || e.Reason == "" {
			t.Fatalf("entity lacks confidence, type or reason: %+v", e)
		}
	}
	// every risk explains itself, with spans inside the post
	for _, r := range res.Risks {
		if r.Rule == "" || r.Category == "" || r.Severity == "" || r.Message == "" || r.Fingerprint == "" ||
			r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("risk does not explain itself: %+v", r)
		}
		for _, sp := range r.Spans {
			if sp.Start < 0 || sp.End > len(in) || sp.Start > sp.End || !utf8.ValidString(in[sp.Start:sp.End]) {
				t.Fatalf("risk %s span %+v out of range or cuts a rune in %d bytes", r.Rule, sp, len(in))
			}
		}
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	c := scrubs.MustNew(scrubs.Options{})
	f.Fuzz(func(t *testing.T, in string) {
		res, err := c.Check(context.Background(), in)
		if !utf8.ValidString(in) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, in, res)
	})
}

func TestCheckRejectsBadInput(t *testing.T) {
	c := scrubs.MustNew(scrubs.Options{})
	if _, err := c.Check(context.Background(), "bad \xff"); !scrubs.IsInputError(err) {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
	if _, err := c.Check(context.Background(), strings.Repeat("a", scrubs.MaxTextBytes+1)); !scrubs.IsInputError(err) {
		t.Errorf("too large: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Check(ctx, "x"); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestCheckConcurrent(t *testing.T) {
	c := scrubs.MustNew(scrubs.Options{})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range fuzzSeeds {
				res, err := c.Check(context.Background(), s)
				if err != nil {
					t.Error(err)
					return
				}
				checkInvariants(t, s, res)
			}
		}()
	}
	wg.Wait()
}

// TestCheckReusesDocs checks that the analysed texts Check gives back for
// reuse (text.Doc.Release) leave nothing behind: texts checked back to back,
// in another order and from several goroutines at once, give the same
// results as when checked first.
func TestCheckReusesDocs(t *testing.T) {
	texts := append([]string{
		"Lovely Mrs Hughes (72yo) in bed 4 asked for a cuppa at 3am. Dr. Patel says hi!\nNHS no 943 476 5919",
		strings.Repeat("Sister Okafor on ward 7B, bay 2. ", 40),
		"Can\u2019t believe Mrs Edna Pritchard, 94, from Aylsham \u2013 love my job \U0001F970 #nhs",
	}, fuzzSeeds...)
	for _, opts := range []scrubs.Options{{}, {EntitiesOnly: true}} {
		c := scrubs.MustNew(opts)
		check := func(s string) *scrubs.Result {
			res, err := c.Check(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		want := make([]*scrubs.Result, len(texts))
		for i, s := range texts {
			want[i] = check(s)
		}
		for i := len(texts) - 1; i >= 0; i-- {
			if got := check(texts[i]); !reflect.DeepEqual(got, want[i]) {
				t.Errorf("%+v: %q checked again differs:\n%+v\nwant %+v", opts, texts[i], got, want[i])
			}
		}
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range texts {
					i := (k + g) % len(texts)
					res, err := c.Check(context.Background(), texts[i])
					if err != nil || !reflect.DeepEqual(res, want[i]) {
						t.Errorf("%+v: %q checked concurrently differs", opts, texts[i])
					}
				}
			}()
		}
		wg.Wait()
	}
}

func TestLongTextInPieces(t *testing.T) {
	c := scrubs.MustNew(scrubs.Options{})
	unit := "Quiet night on the ward with Mrs Pickering in bed 4 from Aylsham.\n"
	long := strings.Repeat(unit, 5000) // ~330 KB: several pieces
	res, err := c.Check(context.Background(), long)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, long, res)
	short, _ := c.Check(context.Background(), unit)
	if want := 5000 * len(short.Entities); len(res.Entities) != want {
		t.Errorf("long text: %d entities, want %d (%d per line)", len(res.Entities), want, len(short.Entities))
	}
	// One line with no break and no space at all is cut on rune boundaries.
	odd := strings.Repeat("é", 100000)
	res, err = c.Check(context.Background(), odd)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, odd, res)
}
