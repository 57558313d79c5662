package detect

import (
	"encoding/binary"

	"github.com/scrubshq/scrubs/internal/text"
)

// The shared token pass of the identifier, date and proper-noun families.
//
// Each of the three families visits only the tokens where its checks may
// start, which it finds 64 at a time in bit sets made from one class byte
// per token (see idScan.run, dtScan.run and prMayFire). Each used to build
// its own class bytes, reading every token's fields and first and last
// bytes again and making its own table reads: three loops over every token
// of the post, most of whose tokens none of them acts on. tokPass.fill reads
// each token once, in one loop whose three table reads stand for the three
// families' filters, writes the classes of all three in two bytes per
// token and turns them into the three families' marks (and the tokens
// that may be a cue of the identifiers, see idCues); the first family that
// asks for them (the identifiers, in the engine's order) pays for the pass
// and the other two read its result from the post the engine hands them
// (post.marks).

// tokMarks are the marks of the three families' scans for 64 tokens, bit j
// for token base+j (base a multiple of 64): supersets of the tokens where
// idScan.act, dtScan.start and the prMayFire visits may find something.
// Those of the identifiers and the proper nouns are those their references
// idMarks and prMarks (in the *_ref_test.go files) give; those of the
// dates hold the tokens their reference dtMayStart marks that start acts
// on (tokWordTab's filter of the keywords is another than dtMayBeWord's).
type tokMarks struct {
	id uint64     // idScan.run's marks
	dt uint64     // dtScan.run's marks
	pr prMarkSets // prMayFire's marks
	// for the identifiers' context cues (see idCues): a superset of the
	// tokens with cue bits
	cue uint64
}

// tokPass holds the marks of one post, 64 tokens a block, and the buffers
// they are worked out in. The engine keeps one per worker (in its pooled
// scratch) and the post's first family to ask for the marks (post.marks)
// fills it.
type tokPass struct {
	marks []tokMarks
	a, b  []uint8 // the class bytes (tokClasses)
	small [4]tokMarks
}

// The bits of a token's class, worked out by tokClasses as a uint16 whose
// low byte is the first class byte (tokPass.a) and whose high byte is the
// second (tokPass.b): the first holds the bits of the identifier scan
// (idFWord to idFPlusParen, bits 0 to 6) and tokFDate, the marks of the
// date scan; the second those of the proper-noun family (prLex to prColon)
// but prWord, which is idFWord, and tokFCue in its place.
const (
	tokFDate = 1 << 7  // the date scan may start at the token
	tokFCue  = 1 << 15 // the token may have cue bits (idCues): a word of idCueWords by its bytes and length, or '#'
)

// tokWordTab holds at [caps][nmLensIdx(w)][min(len(w), 31)] the bits of a
// token's class that its first and last bytes w[0] and w[len(w)-1] (in
// Lower) and its length give, caps 1 in a post in capitals; tokShapeTab
// keeps those its kind and case allow. They are:
//   - idFShort, a length of at most 4;
//   - tokFDate for a word that may be one of the date family's keywords or
//     a keyword's possessive ("tuesday's"), whose bytes and lengths are
//     put here, or for a Mention of 5 bytes ending with a digit ("@2330",
//     the only kind mentionTime reads); the tokens that start with a digit
//     or an apostrophe get it from tokClassTab;
//   - prLex to prOwnerS in the high byte, as prLexTab gives them;
//   - tokFCue for a token that may be a word of idCueWords (a cue of the
//     identifiers), or the word before the '#' of one of them ("work#"),
//     or the letter that starts "d.o.b", "a/c" or "s/n": the tokens to
//     which idCueMaskOf may give cue bits, but punctuation.
//
// One load stands for the filters and length tests of the three families.
var tokWordTab = func() *[2][256][32]uint16 {
	t := new([2][256][32]uint16)
	var date [256]uint32 // the lengths (bit l) of the date keywords by nmLensIdx
	for w := range dtWordMap {
		date[nmLensIdx(w)] |= 1 << min(len(w), 31)
		date[w[0]*7+'s'] |= 1 << min(len(w)+2, 31) // the possessive
	}
	for d := byte('0'); d <= '9'; d++ {
		date[nmLensIdx("@000"+string(d))] |= 1 << 5
	}
	var cue [256]uint32 // the lengths (bit l) of the cue words by nmLensIdx
	for w := range idCueWordMap {
		cue[nmLensIdx(w)] |= 1 << min(len(w), 31)
		if n := len(w) - 1; n > 0 && w[n] == '#' {
			cue[nmLensIdx(w[:n])] |= 1 << min(n, 31) // "work" of "work#"
		}
	}
	for _, w := range []string{"d", "a", "s"} { // d.o.b, a/c, s/n
		cue[nmLensIdx(w)] |= 1 << 1
	}
	for caps := range 2 {
		for idx := range 256 {
			for l := range 32 {
				c := uint16(prLexTab[caps][idx][l]) << 8
				if l <= 4 {
					c |= idFShort
				}
				if date[idx]&(1<<l) != 0 {
					c |= tokFDate
				}
				if cue[idx]&(1<<l) != 0 {
					c |= tokFCue
				}
				t[caps][idx][l] = c
			}
		}
	}
	return t
}()

// tokShapeTab holds at kind | (shape&(Upper|Title))<<3 the bits of
// tokWordTab a token of that kind and case may have: idFShort for every
// kind, tokFDate for a Word or a Mention, prShapeTab's bits of the proper
// nouns, and tokFCue but for punctuation.
var tokShapeTab = func() (c [32]uint16) {
	for k := range text.Kind(8) {
		for sh := range text.Shape(4) {
			m := uint16(idFShort) | uint16(prShapeTab[int(k)|int(sh)<<3]&^(prDot|prColon|prWord))<<8
			if k == text.Word || k == text.Mention {
				m |= tokFDate
			}
			if k != text.Punct {
				m |= tokFCue
			}
			c[int(k)|int(sh)<<3] = m
		}
	}
	return c
}()

// tokClassTab holds at kind<<8 | first byte (in Lower) the bits of a
// token's class that its kind and first byte give: the identifier class
// (idClassTab), prDot and prColon (prPunctTab) in the high byte, and
// tokFDate for a Number or Alnum that starts with a digit (every one the
// date scan acts on: numbers, "3rd", "94yo") and for an apostrophe
// ("'92"), and tokFCue for a '#' (a cue of a number: "# 12345"). idClassTab reads the first byte of Norm: it tells apart only
// '@', '-', '+' and '(' of a Punct, which lower-casing leaves as they are,
// and is the same for every other byte.
var tokClassTab = func() (c [8 << 8]uint16) {
	for k := range 8 {
		for b := range 256 {
			f := uint16(idClassTab[k<<8|b]) | uint16(prPunctTab[b])<<8
			kind := text.Kind(k)
			if (kind == text.Number || kind == text.Alnum) && '0' <= b && b <= '9' || kind == text.Punct && b == '\'' {
				f |= tokFDate
			}
			if kind == text.Punct && b == '#' {
				f |= tokFCue
			}
			c[k<<8|b] = f
		}
	}
	return c
}()

// fill makes the marks of doc: tokClasses writes the two class bytes of
// every token; then for each 64 tokens tokBlock turns them into each
// family's marks. The buffers are sized to the post: only the bytes past
// its tokens (the sentinels of the neighbours and the tail of the last 8
// bytes) are cleared.
func (p *tokPass) fill(doc *text.Doc) {
	toks := doc.Tokens
	n := len(toks)
	// a[1+j] and b[1+j] are the classes of token j; a[0] and b[0] stand
	// for the token before the first, and the 72 bytes after the last for
	// those after it (tokens base+64 and base+65 of the last block, and the
	// last 8 bytes idGather reads): all 0
	size := n + 73
	if cap(p.a) < size {
		p.a, p.b = make([]uint8, size+size/4), make([]uint8, size+size/4)
	}
	a, b := p.a[:size], p.b[:size]
	a[0], b[0] = 0, 0
	clear(a[1+n:])
	clear(b[1+n:])
	words := &tokWordTab[0]
	if doc.AllCaps {
		words = &tokWordTab[1]
	}
	tokClasses(toks, doc.Lower, words, a[1:], b[1:])
	if n > 0 {
		a[1] &^= idFGlued // the first token opens a chunk
	}
	nb := (n + 63) / 64
	if nb <= len(p.small) {
		p.marks = p.small[:nb]
	} else if cap(p.marks) >= nb { // not small, which is shorter
		p.marks = p.marks[:nb]
	} else {
		p.marks = make([]tokMarks, nb)
	}
	for k := range p.marks {
		tokBlock(a, b, k*64, n, &p.marks[k])
	}
}

// tokClasses writes the classes of toks in ca and cb, those of toks[j] in
// ca[j] and cb[j], without a branch: three table reads, by the first and
// last bytes and the length (words: tokWordTab[0] or, in a post in
// capitals, tokWordTab[1]), by the kind and case (tokShapeTab) and by the
// kind and first byte (tokClassTab), and the spacing. Tokens are never
// empty, so the loads of their bytes are in range.
func tokClasses(toks []text.Token, lower string, words *[256][32]uint16, ca, cb []uint8) {
	ca, cb = ca[:len(toks)], cb[:len(toks)]
	for j := range toks {
		t := &toks[j]
		l0, ll := lower[t.Start], lower[t.End-1]
		kind := uint(t.Kind) & 7
		// words' row &ed with the owner mask (prOwnerS, in the high byte: ends in 's') at
		// once, so that ll is dead after this line (the loop spilled it to the stack)
		wc := words[l0*7+ll][tokMin31(t.End-t.Start)] & tokOwnerMask[ll] // l0*7+ll is nmLensIdx
		c := wc&tokShapeTab[kind|uint(t.Shape&(text.Upper|text.Title))<<3] |
			tokClassTab[kind<<8|uint(l0)] | uint16(idB2u(!t.Space))<<1
		ca[j], cb[j] = uint8(c), uint8(c>>8)
	}
}

// tokOwnerMask[c] is the mask tokClasses applies to the class of a word that ends in the
// byte c: prOwnerS (in the high byte) only for a word that ends in 's'.
var tokOwnerMask = func() (m [256]uint16) {
	for c := range m {
		m[c] = ^uint16(1 << 12)
	}
	m['s'] = ^uint16(0)
	return m
}()

// tokMin31 is min(l, 31) for l >= 0, without the branch Go makes of min:
// (31-l)>>63 is all ones when l > 31.
func tokMin31(l int) int { return (l | (31-l)>>63) & 31 }

// tokBlock writes in m the marks of tokens base to base+63 (of n) from
// their class bytes a and b (laid out as in fill).
func tokBlock(a, b []uint8, base, n int, m *tokMarks) {
	a, b = a[base:], b[base:] // a[1+j] is now the class of token base+j
	// the bit sets of tokens base to base+63, in one loop: its exit, at a
	// count of rounds that varies from post to post, is a branch the
	// predictor misses
	var word, glued, short, shortNext, punct, acts, plus, date uint64
	var self, cue, title4, capital, dot, colon, idCue uint64
	for g := 0; g < min(n-base, 64); g += 8 { // the bytes after the tokens are 0
		x := binary.LittleEndian.Uint64(a[1+g:])
		word |= idGather(x, 0) << g
		glued |= idGather(x, 1) << g
		short |= idGather(x, 2) << g
		shortNext |= idGather(x, 3) << g
		punct |= idGather(x, 4) << g
		acts |= idGather(x, 5) << g
		plus |= idGather(x, 6) << g
		date |= idGather(x, 7) << g
		y := binary.LittleEndian.Uint64(b[1+g:])
		self |= idGather(y|y>>4, 0) << g // prLex or prOwnerS
		cue |= idGather(y, 1) << g
		title4 |= idGather(y, 2) << g
		capital |= idGather(y, 3) << g
		dot |= idGather(y, 5) << g
		colon |= idGather(y, 6) << g
		idCue |= idGather(y, 7) << g
	}
	// the tokens of the post: all 64 but in the last block, without a
	// branch (sh is 64-r, or 0 when r >= 64)
	sh := 64 - (n - base)
	sh &^= sh >> 63
	keep := ^uint64(0) >> (uint(sh) & 63)
	// the identifiers (see idMarks): the bits of the next token, and of
	// the one after (tokens base+64 and base+65 are in the bytes 65 and 66)
	x := binary.LittleEndian.Uint64(a[65:])
	glued1 := glued>>1 | idGather(x, 1)<<63
	glued2 := glued>>2 | idGather(x, 1)<<62
	shortNext1 := shortNext>>1 | idGather(x, 3)<<63
	punct1 := punct>>1 | idGather(x, 4)<<63
	web := ^glued & glued1 &^ (word &^ glued2 & punct1)
	m.id = (web | word&short&shortNext1 | acts | plus&glued1) & keep // the sentinels are 0, but ^glued is not
	m.dt = date
	m.cue = idCue // 0 past the tokens
	// the proper nouns (see prMarks): the bits of the token before and
	// the one after
	prevA, prevB, nextB := uint64(a[0]), uint64(b[0]), uint64(b[65])
	cuePrev := cue<<1 | prevB>>1&1
	wordPrev := word<<1 | prevA&1
	dotNext := dot>>1 | (nextB>>5&1)<<63
	m.pr = prMarkSets{self: self & keep, mixed: title4 & cuePrev & keep, initial: capital & dotNext & keep,
		colon: colon & wordPrev & keep}
}
