package tagger

import (
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// staticRef is static as it was before its features were read from
// tables: the definition the tables must agree with. It appends the buckets of the features of token i, a token that is
// scored (not skip), that do not depend on the labels before it.
func staticRef(dc *doc, i int, out []uint32) []uint32 {
	dc.lex(i) // the entry
	e := dc.toks[i].entry
	t := baseRef(dc, i)
	m := uint64(dc.mode)
	sh := uint64(t.shape)
	out = append(out, f1(ftBias, 0))
	out = append(out, f1(ftWord, hstr(fnvOffset, t.norm)))
	out = append(out, f2(ftShape, sh, m))
	if n := len(t.norm); n > 3 {
		// the hashes of its first and last 3 bytes
		if hsuf := hstr(fnvOffset, t.norm[n-3:]); hsuf != 0 {
			out = append(out, f1(ftSuffix, hsuf))
			out = append(out, f1(ftPrefix, hstr(fnvOffset, t.norm[:3])))
		}
	}
	fn := bucket5(e.FirstNameFreq, [4]uint8{1, 40, 90, 150})
	sn := bucket5(e.SurnameFreq, [4]uint8{1, 40, 90, 150})
	wt := wordTierRef(e.WordTier)
	ct := byte(0)
	if e.CapWordTier > 0 {
		ct = 1
	}
	lex := uint64(fn) | uint64(sn)<<4 | uint64(wt)<<8 | uint64(ct)<<12
	out = append(out, f1(ftLex, lex))
	out = append(out, f3(ftLexShape, lex, sh, m))
	for k, f := range flagsUsed {
		if e.Flags&f != 0 {
			out = append(out, f1(ftFlag, uint64(k)))
		}
	}
	// Context: the tokens around, a line break counting as a token.
	p1, p2 := i-1, i-2
	hp1, hp2 := ctxHash(dc, p1), ctxHash(dc, p2)
	if t.line {
		hp1, hp2 = hNewline, hp1
	} else if ctxLine(dc, p1) {
		hp2 = hNewline
	}
	hn1, hn2 := ctxHash(dc, i+1), ctxHash(dc, i+2)
	if ctxLine(dc, i+1) {
		hn1, hn2 = hNewline, hn1
	} else if ctxLine(dc, i+2) {
		hn2 = hNewline
	}
	out = append(out, f1(ftP1, hp1))
	out = append(out, f1(ftP2, hp2))
	out = append(out, f1(ftN1, hn1))
	out = append(out, f1(ftN2, hn2))
	out = append(out, f3(ftP1Shape, ctxShapeRef(dc, p1), sh, m))
	out = append(out, f3(ftN1Shape, ctxShapeRef(dc, i+1), sh, m))
	out = append(out, f2(ftP1N1, hp1, hn1))
	out = append(out, f2(ftP1Word, hp1, hstr(fnvOffset, t.norm)))
	ln := len(t.norm)
	if ln > 9 {
		ln = 9
	}
	out = append(out, f1(ftLength, uint64(ln)))
	if t.line {
		out = append(out, f1(ftLineStart, sh))
	}
	return out
}

// dynamicRef is dynamic before the tables: it appends the features that depend on the labels of the two tokens
// before token i (greedy left-to-right decoding).
func dynamicRef(dc *doc, i int, prev, prev2 Label, out []uint32) []uint32 {
	out = append(out, f2(ftPrevLabel, uint64(prev), uint64(prev2)))
	out = append(out, f3(ftPrevLabelShape, uint64(prev), uint64(baseRef(dc, i).shape), ctxShapeRef(dc, i-1)))
	return out
}

// ctxHash is the hash of token j as the context of another, or the text's
// start or end beyond it (what static read before ctxOf), from baseRef.
func ctxHash(dc *doc, j int) uint64 {
	if j < 0 {
		return hSentStart
	}
	if j >= len(dc.toks) {
		return hSentEnd
	}
	return hstr(fnvOffset, baseRef(dc, j).norm)
}

// ctxLine reports whether token j exists and starts a line.
func ctxLine(dc *doc, j int) bool {
	return j >= 0 && j < len(dc.toks) && baseRef(dc, j).line
}

// ctxShapeRef is the shape of token j as the context of another, or
// noShape beyond the text's ends (ctxShape from baseRef).
func ctxShapeRef(dc *doc, j int) uint64 {
	if j < 0 || j >= len(dc.toks) {
		return noShape
	}
	return uint64(baseRef(dc, j).shape)
}

// baseTok is what the tagger once computed of every token it met: the
// norm, shape class and line start from which the hash, shape and line of
// a token's features come.
type baseTok struct {
	norm  string
	shape byte
	line  bool
}

// baseRef is what the tagger's base computed before fillHash took a
// token's shape from a table and hashed its norm without a loop (and
// normOf): the definition of a token's norm, shape and line.
func baseRef(dc *doc, i int) baseTok {
	t := &dc.d.Tokens[i]
	k := baseTok{norm: dc.d.Lower[t.Start:t.End], line: i == 0 || t.Newline}
	switch t.Kind {
	case text.Word:
		k.shape = wordShape(t.Shape, t.End-t.Start)
	case text.Number:
		k.shape = shNumber
		if n := len(k.norm); n < len(digitWords) {
			k.norm = digitWords[n]
		} else {
			k.norm = "0+"
		}
	case text.Alnum:
		k.shape = shAlnum
		k.norm = "a0"
	case text.Hashtag, text.Mention:
		k.shape = shTag
		k.norm = k.norm[:1]
	default:
		k.shape = shPunct
	}
	return k
}

// TestStaticMatchesRef checks that static and dynamic, which read the
// feature tables, append the features staticRef and dynamicRef compute, in
// the same order (training sums them as floats in that order), for every
// word of typical posts in every case mode, for every pair of labels before,
// and for a word with every lexicon flag the features use.
func TestStaticMatchesRef(t *testing.T) {
	texts := append(benchdata.Posts(300), "Dr O'Neil-Smith saw MRS ABCDEFGHIJKLMNOP today\nK. VELLANDI, RRT",
		"PER GEORGE, SHE LIVES ALONE", "spoke with brenda from case management re rehab beds", "x", "Castlebrook")
	var dc doc
	n := 0
	for _, s := range texts {
		for _, v := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
			d, err := text.New(v)
			if err != nil {
				t.Fatal(err)
			}
			prepare(d, &dc)
			for i := range dc.toks {
				for _, e := range []*lexicon.Entry{nil, {Flags: ^lexicon.Flags(0), FirstNameFreq: 200, WordTier: 60, CapWordTier: 1}} {
					if e != nil {
						dc.toks[i].entry = *e
					}
					for prev := range NumLabels {
						for prev2 := range NumLabels {
							got := dynamic(&dc, i, prev, prev2, static(&dc, i, nil))
							want := dynamicRef(&dc, i, prev, prev2, staticRef(&dc, i, nil))
							if !slices.Equal(got, want) {
								t.Fatalf("%q token %d (%v %v): %v, want %v", v, i, prev, prev2, got, want)
							}
							n++
						}
					}
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d cases", n)
	}
}

// bucket5 is the band of v among the 5 that the ascending cuts make, as
// static found it before bands.
func bucket5(v uint8, cuts [4]uint8) byte {
	for i, c := range cuts {
		if v < c {
			return byte(i)
		}
	}
	return 4
}

// wordTierRef is the band of a word tier, as static found it before bands.
func wordTierRef(w uint8) byte {
	switch {
	case w == 0:
		return 0
	case w <= 35:
		return 1
	case w <= 50:
		return 2
	case w <= 70:
		return 3
	}
	return 4
}

// TestBands checks bands against the loop and the switch static used, for
// every value of a frequency and a word tier.
func TestBands(t *testing.T) {
	for v := range 256 {
		if got, want := bands(uint8(v), [4]uint8{1, 40, 90, 150}), bucket5(uint8(v), [4]uint8{1, 40, 90, 150}); got != int(want) {
			t.Errorf("frequency %d: band %d, want %d", v, got, want)
		}
		if got, want := bands(uint8(v), [4]uint8{1, 36, 51, 71}), wordTierRef(uint8(v)); got != int(want) {
			t.Errorf("word tier %d: band %d, want %d", v, got, want)
		}
	}
}

// checkHashed checks, for every token of s (if it is valid text), that
// hashed gives the hash of baseRef's norm, its shape and its line.
func checkHashed(t *testing.T, s string) {
	d, err := text.New(s)
	if err != nil {
		return
	}
	var dc doc
	dc.reset(d)
	for i := range d.Tokens {
		want := baseRef(&dc, i)
		got := dc.hashed(i)
		if got.h != hstr(fnvOffset, want.norm) || got.shape != want.shape || got.line != want.line {
			t.Fatalf("%q token %d (%q): hash %x shape %d line %v, want %x %d %v", s, i, d.Lower[d.Tokens[i].Start:d.Tokens[i].End],
				got.h, got.shape, got.line, hstr(fnvOffset, want.norm), want.shape, want.line)
		}
	}
}

// TestHashedMatchesRef checks fillHash against baseRef for every token of
// typical posts in every case, of texts shorter than 8 bytes, and of tokens
// of every kind and of 1 to 12 bytes at a text's start, middle and end.
func TestHashedMatchesRef(t *testing.T) {
	texts := append(benchdata.Posts(300), "", "x", "ab c", "a1 #x", "@b 12", "1234567", "12345678 123456789 1 12",
		"Dr O'Neil-Smith saw MRS ABCDEFGHIJKLMNOP today\nK. VELLANDI, RRT #nhs @ward7 4b 0300 é ü ñame",
		"seen\nby Dr\n\nOkafor, 94yo £12 — ok…")
	for n := 1; n <= 12; n++ {
		w := strings.Repeat("w", n)
		for _, f := range []string{"%s", "%s.", "a %s", "a %s b", "A %s\nB", "#%s", "@%s", "1%s", "%s1"} {
			texts = append(texts, strings.ReplaceAll(f, "%s", w), strings.ToUpper(strings.ReplaceAll(f, "%s", w)))
		}
		texts = append(texts, strings.Repeat("9", n), "x "+strings.Repeat("9", n), strings.Repeat("9", n)+" x")
	}
	for _, s := range texts {
		for _, v := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
			checkHashed(t, v)
		}
	}
}

// FuzzHashed checks fillHash against baseRef on any text.
func FuzzHashed(f *testing.F) {
	f.Add("Siân O'Brien-Smith, St. Mary's #nhs @x 12 4b")
	f.Add("a\nb")
	f.Fuzz(checkHashed)
}
