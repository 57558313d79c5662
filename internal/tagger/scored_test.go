package tagger

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestEachScoredMatchesScored checks that EachScored visits exactly the
// unfixed tokens that Scored reports scored, in order and with the same
// answer about the lexicon, and that the facts it leaves behind tag the text
// as a fresh State does: on typical posts in every case mode, with some
// tokens fixed, and with one State reused (its memo warm) across them.
func TestEachScoredMatchesScored(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(benchdata.Posts(200), "", "a", "x y z", "Dr O'Neil-Smith saw MRS ABCDEFGHIJKLMNOP today",
		"PER GEORGE, SHE LIVES ALONE", "spoke with brenda from case management re rehab beds")
	var warm State
	for _, s := range texts {
		for _, v := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
			doc, err := text.New(v)
			if err != nil {
				t.Fatal(err)
			}
			for _, fixEvery := range []int{0, 3} {
				checkEachScored(t, m, &warm, doc, func(i int) bool { return fixEvery > 0 && i%fixEvery == 0 }, Name)
			}
		}
	}
}

// checkEachScored prepares doc in warm and in a fresh State, fixes to label
// the tokens fix picks in both, and checks that EachScored on warm visits
// exactly the unfixed tokens that Scored reports scored on the fresh one,
// in order and with the same answer about the lexicon, and that both then
// tag the text alike, with every other token EachScored visits fixed to
// Outside by its f, as the tagger family's veto does (and the same tokens
// fixed in the fresh State).
func checkEachScored(t *testing.T, m *Model, warm *State, doc *text.Doc, fix func(i int) bool, label Label) {
	t.Helper()
	fixed := warm.Prepare(doc)
	var ref State
	refFixed := ref.Prepare(doc)
	for i := range fixed {
		if fix(i) {
			fixed[i], refFixed[i] = int8(label), int8(label)
		}
	}
	var got, want []int
	var gotKnown, wantKnown []bool
	for i := range doc.Tokens {
		if refFixed[i] >= 0 {
			continue
		}
		if scored, known := ref.Scored(i); scored {
			want = append(want, i)
			wantKnown = append(wantKnown, known)
		}
	}
	warm.EachScored(func(i int, known bool) {
		got = append(got, i)
		gotKnown = append(gotKnown, known)
		if len(got)%2 == 0 {
			fixed[i], refFixed[i] = int8(Outside), int8(Outside)
		}
	})
	if !equal(got, want) || !equal(gotKnown, wantKnown) {
		t.Fatalf("%q: EachScored %v %v, Scored %v %v", doc.Orig, got, gotKnown, want, wantKnown)
	}
	if a, b := m.Tag(warm), m.Tag(&ref); !equal(a, b) {
		t.Fatalf("%q: tags after EachScored %v, fresh %v", doc.Orig, a, b)
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzEachScored checks EachScored, whose triage reads the memo itself
// (words at the end of a text by the last 8 bytes), against Scored on a
// fresh State, and the tags after it against a fresh tagging, on any text
// with one State kept warm across inputs and the tokens whose index is a
// multiple of every+1 fixed (none when every is 0).
func FuzzEachScored(f *testing.F) {
	f.Add("NP KOVALIK MADE AWARE, ATROPINE GIVEN", uint8(0))
	f.Add("spoke with brenda\nfrom case management re rehab", uint8(2))
	f.Add("Siân O'Brien-Smith, St. Mary's #nhs @x 12 4b abcdefghijk", uint8(1))
	f.Add("seen by Dr Okafor", uint8(0))
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	warm := new(State)
	f.Fuzz(func(t *testing.T, s string, every uint8) {
		doc, err := text.New(s)
		if err != nil {
			return
		}
		checkEachScored(t, m, warm, doc, func(i int) bool { return every > 0 && i%(int(every%8)+1) == 0 }, Loc)
	})
}

// TestTriageSharedPrefix checks triage where several ways of a set hold
// words that begin with the same 8 bytes (a word of 8 bytes and longer ones
// that begin with it), which its way selection must not mistake for the
// word: with the word in each way, and the other ways holding such longer
// words, EachScored still agrees with Scored and the tags with a fresh
// State's.
func TestTriageSharedPrefix(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"seen by Margaret today", "SEEN BY MARGARET TODAY", "pt margaret", "with margaret"} {
		doc, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		k := -1
		for i, tk := range doc.Tokens {
			if tk.End-tk.Start == 8 {
				k = i
			}
		}
		if k < 0 {
			t.Fatalf("%q: no word of 8 bytes", s)
		}
		tk := doc.Tokens[k]
		k0, _ := packKey(doc.Lower, tk.Start, tk.End)
		set := memoSet(k0, 0, 8)
		for way := range memoWays {
			for others := range 3 {
				var warm State
				warm.Prepare(doc)
				// the word itself, looked up, in way way; longer words with
				// its first 8 bytes in others+1 of the other ways
				meta, e := warm.dc.memo.lookupAt(doc.Lower, tk.Start, tk.End)
				entry := *e
				tags, ents := &warm.dc.memo.tags[set], &warm.dc.memo.ents[set]
				tags[0], ents[0] = memoTag{}, lexicon.Entry{}
				tags[way], ents[way] = memoTag{k0: k0, meta: meta}, entry
				n := 0
				for w := range memoWays {
					if w != way && n <= others {
						tags[w] = memoTag{k0: k0, k1: uint32('s' + w), meta: uint32(9+w) << metaLenBits}
						n++
					}
				}
				checkEachScored(t, m, &warm, doc, func(int) bool { return false }, Name)
			}
		}
	}
}
