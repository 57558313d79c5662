package detect

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// The proper-noun rules in the form they had before prMayFire: each looks at every token
// of the post. The tests use them as the reference the ranged rules must agree with.

// unknownCapitalised is unknownCapitalisedIn over every token.
func unknownCapitalised(doc *text.Doc, out []Candidate) []Candidate {
	return unknownCapitalisedIn(doc, out, prAll(doc))
}

// initialSurname is initialSurnameIn over every token.
func initialSurname(doc *text.Doc, out []Candidate) []Candidate {
	return initialSurnameIn(doc, out, prAll(doc))
}

// speakerName is speakerNameIn over every token.
func speakerName(doc *text.Doc, out []Candidate) []Candidate {
	return speakerNameIn(doc, out, prAll(doc))
}

// socialName is socialNameIn over every token.
func socialName(doc *text.Doc, out []Candidate) []Candidate {
	return socialNameIn(doc, out, prAll(doc))
}

// relativeUnknown is relativeUnknownIn over every token.
func relativeUnknown(doc *text.Doc, out []Candidate) []Candidate {
	return relativeUnknownIn(doc, out, prAll(doc))
}

// prAll returns the range of every token of doc.
func prAll(doc *text.Doc) prRange { return prRange{lo: 0, end: len(doc.Tokens)} }

// visit makes the tests of prMayFire at token i, which come after those of
// the tokens before it, and records what passed: prMayFire as it was before
// prMarks, a loop of visit at every token, is the reference for TestPrMarks.
func (m *prMay) visit(doc *text.Doc, i int) {
	toks := doc.Tokens
	lower, norm := doc.Lower, doc.Norm
	t := &toks[i]
	n := t.End - t.Start
	switch t.Kind {
	case text.Word:
		if t.Shape&text.Title != 0 {
			if n >= 6 && lower[t.End-2:t.End] == "'s" {
				m.rules |= prOwner
				m.owner.add(i)
			}
			// the first tests of the loop of unknownCapitalisedIn, the cue word last
			if n >= 4 && i >= 1 && !t.Newline {
				if p := &toks[i-1]; p.Kind == text.Word && prCueTable.mayHave(lower[p.Start:p.End]) &&
					prCueTable.has(lower[p.Start:p.End]) {
					m.rules |= prMixed
					m.mixed.add(i)
				}
			}
		}
		if n == 1 {
			// the first tests of initialSurnameIn: a capital, then a dot glued to it
			if c := norm[t.Start]; 'A' <= c && c <= 'Z' && i >= 1 && i+2 < len(toks) {
				if d := &toks[i+1]; d.Kind == text.Punct && norm[d.Start] == '.' && !d.Space {
					m.rules |= prInitial
					m.initial.add(i)
				}
			}
			return
		}
		// the words of the tables below: the words are not looked at unless
		// needed, and most are turned away by mayHave
		if w := lower[t.Start:t.End]; n >= 3 && nmRelativeTable.mayHave(w) && nmRelativeKey(w) {
			m.rules |= prRelative
			m.relative.add(i)
		}
		if doc.AllCaps && prCapsCueTable.has(lower[t.Start:t.End]) {
			m.rules |= prCaps
		}
	case text.Punct:
		c := norm[t.Start]
		if c != ':' && c != '-' || i == 0 || i+1 >= len(toks) {
			return // no heading or label ends at a token that is not followed by one
		}
		h := &toks[i-1]
		if h.Kind != text.Word {
			return
		}
		// socialNameIn: a heading word before, a word and another after
		if i+2 < len(toks) && prSocialTable.mayHave(lower[h.Start:h.End]) && prSocialTable.has(lower[h.Start:h.End]) {
			m.rules |= prSocial
			m.social.add(i + 1)
		}
		// speakerNameIn: a word opening a line, glued to a colon, with more text
		// on its line; the rule may fire if one is capitalised and of three
		// letters or more
		if c == ':' && (i == 1 || h.Newline) && h.End == t.Start && !toks[i+1].Newline {
			m.speaker.add(i - 1)
			if h.Shape&text.Title != 0 && h.End-h.Start >= 3 {
				m.rules |= prSpeaker
			}
		}
	}
}

// prMayEveryToken is prMayFire as it was before prMarks: visit at every
// token, in order. It is the reference prMayFire must agree with.
func prMayEveryToken(doc *text.Doc) prMay {
	var m prMay
	for i := range doc.Tokens {
		m.visit(doc, i)
	}
	return m
}

// prMarks is the reference of the proper nouns' marks of the shared token
// pass (tokMarks.pr), as prMayFire read them before the pass: it returns
// for tokens base to base+63 of doc, bit j for token
// base+j, supersets of the tokens where the tests of prMayFire pass: a
// token whose own class passes (prLex, prOwnerS), a capitalised word after
// a possible cue word, a capital before a glued dot, a colon or dash after
// a word. A first loop writes the class of each token (and of the one before
// and the one after the 64) in a byte, by table and without a branch;
// idGather turns the bytes, 8 at a time, into a bit set per class bit,
// which are combined 64 tokens at a time, the neighbours' bits by a shift.
// On real text the tests of visit are coin tosses for the branch
// predictor, which a loop that makes them token by token pays for at most
// tokens.
func prMarks(doc *text.Doc, base int) prMarkSets {
	toks, lower := doc.Tokens, doc.Lower
	lex := &prLexTab[0]
	if doc.AllCaps {
		lex = &prLexTab[1]
	}
	// cls[1+j] is the class of token base+j, cls[0] that of token base-1
	var cls [72]uint8
	lo := max(base-1, 0)
	blk := toks[lo:min(base+65, len(toks))]
	c := cls[1-(base-lo):][:len(blk)]
	for j := range c {
		t := &blk[j]
		st, en := t.Start, t.End
		l0, ll := lower[st], lower[en-1]
		x := lex[l0*7+ll][min(uint(en-st), 31)] | prPunctTab[l0] | prWord // l0*7+ll is nmLensIdx
		owner := ^(uint8(idB2u(ll != 's')) << 4)                          // prOwnerS ends in 's'
		c[j] = x & owner & prShapeTab[int(t.Kind)&7|int(t.Shape&(text.Upper|text.Title))<<3]
	}
	// the bit sets of the classes of tokens base to base+63
	var self, cue, title4, capital, dot, colon, word uint64
	for g := 0; g < min(len(blk), 64); g += 8 { // the bytes after the tokens are 0
		x := binary.LittleEndian.Uint64(cls[1+g:])
		self |= idGather(x|x>>4, 0) << g // prLex or prOwnerS
		cue |= idGather(x, 1) << g
		title4 |= idGather(x, 2) << g
		capital |= idGather(x, 3) << g
		dot |= idGather(x, 5) << g
		colon |= idGather(x, 6) << g
		word |= idGather(x, 7) << g
	}
	prev, next := uint64(cls[0]), uint64(cls[65])
	cuePrev := cue<<1 | prev>>1&1
	wordPrev := word<<1 | prev>>7&1
	dotNext := dot>>1 | (next>>5&1)<<63
	keep := ^uint64(0) // the tokens of the post
	if n := len(toks) - base; n < 64 {
		keep = 1<<n - 1
	}
	return prMarkSets{self: self & keep, mixed: title4 & cuePrev & keep, initial: capital & dotNext & keep,
		colon: colon & wordPrev & keep}
}

// prCheckMarks compares prMayFire with prMayEveryToken on s, and checks that
// visit records nothing at the tokens prMarks does not mark. It returns the
// number of tokens checked.
func prCheckMarks(t *testing.T, s string) int {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		return 0
	}
	if got, want := prMayFire(doc, newPost(doc).marks()), prMayEveryToken(doc); got != want {
		t.Fatalf("%q: prMayFire %+v, every token %+v", s, got, want)
	}
	for base := 0; base < len(doc.Tokens); base += 64 {
		ms := prMarks(doc, base)
		mk := ms.self | ms.mixed | ms.initial | ms.colon
		for j := 0; j < 64 && base+j < len(doc.Tokens); j++ {
			var m prMay
			if m.visit(doc, base+j); mk&(1<<j) == 0 && m != (prMay{}) {
				tk := doc.Tokens[base+j]
				t.Fatalf("%q: token %d %q unmarked, but visit records %+v", s, base+j, doc.Norm[tk.Start:tk.End], m)
			}
		}
		if n := len(doc.Tokens) - base; n < 64 && mk>>n != 0 {
			t.Fatalf("%q: marks %#x past the %d tokens", s, mk, len(doc.Tokens))
		}
	}
	return len(doc.Tokens)
}

// TestPrMarks checks prMayFire, which visits only the tokens prMarks marks,
// against the every-token pass, on the reference texts of the identifier
// scan and the proper-noun family's own.
func TestPrMarks(t *testing.T) {
	texts := append(idScanRefTexts(), "Castlebrook's director of nursing", "per K. Vellandi", "social: bob visited",
		"communication with husband radovan.", "Family: Son, Ed, was updated", "my new Cloudstep clogs",
		"CONTACTS MARGARET ANN VOLKOVIC", "BEA KOLARIC AWARE", "PT SEEN, BEA KOLARIC PRESENT", "Mavis: nurse, nurse!",
		"Pt: I want to go home\nDoris: where's my tea??\nMe: it's 3am", "CARAFATE-K. VELLANDI AWARE", "É. Zola",
		// the neighbours across the 64 tokens of prMarks
		strings.Repeat("x ", 63)+"from Lubec and Yarmouth", strings.Repeat("x ", 63)+"K. Vellandi",
		strings.Repeat("x ", 63)+"social: bob visited", strings.Repeat("x\n", 63)+"Mavis: nurse",
		strings.Repeat("x ", 62)+"K. Vellandi", strings.Repeat("x ", 62)+"Mavis: nurse")
	checkOnTexts(t, texts, prCheckMarks)
}

// FuzzPrMarks runs the comparison of TestPrMarks on arbitrary text.
func FuzzPrMarks(f *testing.F) {
	for _, s := range []string{"per K. Vellandi", "Mavis: nurse", "social: bob", "my new Cloudstep", "husband radovan", "BEA KOLARIC AWARE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { prCheckMarks(t, s) })
}
