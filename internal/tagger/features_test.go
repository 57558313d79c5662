package tagger

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestNeverMask checks the unrolled mask against neverTagged for entries
// that cross every threshold neverTagged tests.
func TestNeverMask(t *testing.T) {
	flagSets := []lexicon.Flags{0, lexicon.Title, lexicon.ClinicalTerm, lexicon.PlaceGB, lexicon.PlaceUS,
		lexicon.Region, lexicon.HospitalName, lexicon.PlaceOther, lexicon.FirstName | lexicon.Surname}
	tiers := []uint8{0, 10, 35, 36, 40, 50, 51, 55, 70, 71, 80, 95}
	freqs := []uint8{0, 1, 39, 40, 79, 80, 119, 120, 255}
	n := 0
	for _, f := range flagSets {
		for _, wt := range tiers {
			for _, fn := range freqs {
				for _, sn := range freqs {
					e := lexicon.Entry{Flags: f, WordTier: wt, FirstNameFreq: fn, SurnameFreq: sn}
					m := neverMask(e)
					for mode := range byte(3) {
						for shape := range shInitial + 1 {
							if got, want := m>>(8*mode+shape)&1 != 0, neverTagged(e, shape, mode); got != want {
								t.Errorf("%+v mode %d shape %d: mask says %v, neverTagged %v", e, mode, shape, got, want)
							}
							n++
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no case")
	}
}

// TestLexBits checks lexBits, which reads the skipBits table, against
// neverTagged of the word's shape for every text.Shape byte, word length
// and case mode, on entries that cross neverTagged's thresholds; and with
// decodeSkipBits, against neverTagged or decodeSkips.
func TestLexBits(t *testing.T) {
	if text.Letters >= shapeFlags {
		t.Fatalf("text.Shape has a flag (%d) past shapeFlags", text.Letters)
	}
	entries := []lexicon.Entry{{}, {WordTier: 10}, {WordTier: 10, FirstNameFreq: 130}, {WordTier: 50},
		{WordTier: 60}, {WordTier: 80}, {WordTier: 40, SurnameFreq: 90}, {Flags: lexicon.Title}}
	for _, e := range entries {
		for _, known := range []bool{false, true} {
			meta := neverMask(e) | metaAlways
			if known {
				meta |= metaKnown
			}
			for mode := range byte(3) {
				for sh := range 256 {
					for _, n := range []int{1, 2, 7} {
						tk := text.Token{Start: 3, End: 3 + n, Kind: text.Word, Shape: text.Shape(sh)}
						shape := wordShape(tk.Shape, n)
						for _, decode := range []bool{false, true} {
							bits := &skipBits[mode]
							if decode {
								bits = &decodeSkipBits[mode]
							}
							h := lexBits(tk.Shape, tk.End-tk.Start, meta, bits)
							want := haveLex
							if known {
								want |= lexKnown
							}
							if neverTagged(e, shape, mode) || decode && decodeSkips(shape, mode) {
								want |= lexSkip
							}
							if h != want {
								t.Fatalf("%+v known %v decode %v mode %d shape %#x length %d: %#x, want %#x", e, known, decode, mode, sh, n, h, want)
							}
						}
					}
				}
			}
		}
	}
}

// TestMemoLookup checks that the memo gives the lexicon's answer for words
// of every length, for words that meet again in the same set, and for words
// too long to remember.
func TestMemoLookup(t *testing.T) {
	words := []string{"the", "smith", "london", "can't", "st.", "zorvika", "a", "hospital", "pharmacist",
		"abcdefghijkl", "abcdefghijklm", "abcdefghijklmnop", "internationalisation", "siân", "o'brien", "qqqq"}
	// many words, so that sets fill and words are evicted and come back
	for i := range 20000 {
		words = append(words, fmt.Sprintf("w%dx", i))
	}
	m := new(memo)
	for pass := range 3 {
		for _, w := range words {
			meta, got := m.lookup(w)
			e, ok := lexicon.Lookup(lexicon.Key(w))
			if known := meta&metaKnown != 0; known != ok || *got != e {
				t.Fatalf("pass %d: %q: memo %v %+v, lexicon %v %+v", pass, w, known, *got, ok, e)
			}
			want := uint32(metaAlways)
			if ok {
				want |= neverMask(e)
			}
			if never := meta & (metaKnown - 1); never != want {
				t.Fatalf("%q: never %x, want %x", w, never, want)
			}
		}
	}
}

// TestLazyFeatures checks that tokens prepared on demand, in any order and
// with any subset asked for, give the features of tokens prepared at once.
func TestLazyFeatures(t *testing.T) {
	texts := []string{
		"HR DROPPED TO 40S. NP KOVALIK MADE AWARE, ATROPINE GIVEN",
		"spoke with brenda from case management re rehab beds",
		"Lovely Mrs Pickering (94yo) from Aylsham back in bay 3 bed 4\nher son Darren rang at 0300 #nhs @ward7",
		"K. VELLANDI\nLENA B. HARKOVA-SMITH, RRT\n\nSeen by Dr Okafor at St Mary's, 12 Acacia Avenue",
		"x",
		"internationalisation counterrevolutionaries Zorvika",
	}
	var eager, lazy doc
	for _, s := range texts {
		d, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		prepare(d, &eager)
		n := len(d.Tokens)
		// back to front, so that the context of a token is met before it
		for _, order := range [][]int{ascending(n), descending(n)} {
			lazy.reset(d)
			lazy.skip = eager.skip // prepare's (training's) words: see decodeSkipBits
			for _, i := range order {
				if got, want := lazy.lex(i)&lexSkip != 0, eager.have[i]&lexSkip != 0; got != want {
					t.Fatalf("%q token %d: skip %v, want %v", s, i, got, want)
				}
				if eager.have[i]&lexSkip != 0 {
					continue
				}
				want := dynamic(&eager, i, Name, Loc, static(&eager, i, nil))
				got := dynamic(&lazy, i, Name, Loc, static(&lazy, i, nil))
				if !slices.Equal(got, want) {
					t.Fatalf("%q token %d: features differ", s, i)
				}
			}
		}
	}
}

func ascending(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func descending(n int) []int {
	out := ascending(n)
	slices.Reverse(out)
	return out
}

// TestTagLazyMatchesEager checks that Tag, which prepares tokens on demand,
// labels every token as scoring the fully prepared text does, with some
// tokens fixed beforehand or none.
func TestTagLazyMatchesEager(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"HR DROPPED TO 40S. NP KOVALIK MADE AWARE, ATROPINE GIVEN",
		"PER GEORGE, SHE LIVES ALONE AND MANAGES HER OWN MEDS",
		"spoke with brenda from case management re rehab beds",
		"Transferred to Castlebrook yesterday, seen by Harkova-Smith and Jones",
	}
	for _, s := range texts {
		for _, v := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
			d, err := text.New(v)
			if err != nil {
				t.Fatal(err)
			}
			for fixEvery := range 4 {
				st := new(State)
				fixed := st.Prepare(d)
				for i := range fixed {
					if fixEvery > 0 && i%(fixEvery+1) == 0 {
						fixed[i] = int8(i % int(NumLabels))
					}
				}
				got := slices.Clone(m.Tag(st))
				want := eagerTag(m, d, fixed)
				if !slices.Equal(got, want) {
					t.Errorf("%q (fixing every %d): %v, want %v", v, fixEvery+1, got, want)
				}
			}
		}
	}
}

// eagerTag is Tag over a text prepared at once, as training sees it.
func eagerTag(m *Model, d *text.Doc, fixed []int8) []Token {
	var dc doc
	prepare(d, &dc)
	var out []Token
	var prev, prev2 Label
	for i := range dc.toks {
		lab, margin := Outside, float32(0)
		if fixed[i] >= 0 {
			lab = Label(fixed[i])
		} else if dc.have[i]&lexSkip == 0 {
			feat := dynamic(&dc, i, prev, prev2, static(&dc, i, nil))
			lab, margin = best(m.scores(feat))
		}
		out = append(out, Token{Label: lab, Margin: margin})
		prev2, prev = prev, lab
	}
	return out
}

// FuzzTagLazy checks Tag against eagerTag on any text, with the tokens
// whose index is a multiple of every+1 fixed beforehand (none when every is
// 0).
func FuzzTagLazy(f *testing.F) {
	f.Add("NP KOVALIK MADE AWARE, ATROPINE GIVEN", uint8(0))
	f.Add("spoke with brenda\nfrom case management", uint8(2))
	f.Add("Siân O'Brien-Smith, St. Mary's #nhs @x 12 4b", uint8(1))
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	st := new(State)
	f.Fuzz(func(t *testing.T, s string, every uint8) {
		d, err := text.New(s)
		if err != nil {
			return
		}
		fixed := st.Prepare(d)
		for i := range fixed {
			if every > 0 && i%(int(every%8)+1) == 0 {
				fixed[i] = int8(i % int(NumLabels))
			}
		}
		got := slices.Clone(m.Tag(st))
		if want := eagerTag(m, d, fixed); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	})
}

// TestPackKey checks packKey's loads against packing byte by byte, for
// every word position and length near the end of a text and away from it.
func TestPackKey(t *testing.T) {
	texts := []string{"abcdefghijklmnopqrstuvwxyz", "ab", "\xff\xfe\x80zz\x01\x00yq", "héllo wörld ñame", "abcdefg", "abcdefgh", "abcdefghi",
		"abcdefghijkl", "abcdefghijklm"}
	for _, s := range texts {
		for start := 0; start < len(s); start++ {
			for end := start + 1; end <= len(s) && end-start <= memoKey; end++ {
				var w0 uint64
				var w1 uint32
				for i := start; i < end; i++ {
					if i-start < 8 {
						w0 |= uint64(s[i]) << (8 * (i - start))
					} else {
						w1 |= uint32(s[i]) << (8 * (i - start - 8))
					}
				}
				if k0, k1 := packKey(s, start, end); k0 != w0 || k1 != w1 {
					t.Errorf("packKey(%q, %d, %d) = %x %x, want %x %x", s, start, end, k0, k1, w0, w1)
				}
			}
		}
	}
}

// TestDecodeSkipsLowerInMixedText checks that Tag leaves a lower-case word
// in mixed-case text unscored, even one no list knows, while training
// (prepare) still scores it, and that the same word is scored in an
// all-lower text and when capitalised.
func TestDecodeSkipsLowerInMixedText(t *testing.T) {
	cases := []struct {
		text   string
		word   int // token index
		scored bool
	}{
		{"Went to see Zorvika and zorvika again today", 5, false},
		{"Went to see Zorvika and zorvika again today", 3, true},
		{"went to see zorvika and the others again today", 3, true}, // all-lower text
		{"Saw j and Zorvika today at noon", 1, true},                // one letter: an initial
	}
	var st State
	for _, c := range cases {
		d, err := text.New(c.text)
		if err != nil {
			t.Fatal(err)
		}
		st.Prepare(d)
		if got, _ := st.Scored(c.word); got != c.scored {
			t.Errorf("%q token %d (%q): scored %v, want %v", c.text, c.word, d.Norm[d.Tokens[c.word].Start:d.Tokens[c.word].End], got, c.scored)
		}
		var train doc
		prepare(d, &train)
		if train.have[c.word]&lexSkip != 0 {
			t.Errorf("%q token %d: training skips it", c.text, c.word)
		}
	}
}
