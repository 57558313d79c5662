package detect

// Places and organisations: HOSPITAL, WARD, ROOM, STREET, CITY, COUNTRY, ORGANIZATION,
// PROFESSION and FEATURE. One detector prepares the post once (lexicon entries, case, sentence
// starts, phrase matches) and then runs a matcher per entity type over the tokens:
//
//   - pl_org.go: name + cue word ("Oakfield Surgery", "Leeds General Infirmary", "Kent County
//     Council"), saint's names ("St Mary's"), hospital phrase lists, pubs, venues and chains,
//     hospitals named without a cue ("Royal Bolton", "Kaiser Oakland", a listed hospital's
//     own words "nights at Geisinger", an unknown acronym "in the ICU at KVMS") and clubs
//     named by their place or by their nickname where the words around say so ("Denver
//     Broncos", "a Packers jersey");
//   - pl_local.go: names staff use among themselves (a hospital's initials, a unit's name
//     and number, a care home's name and head word "Ferncliffe House");
//   - pl_unit.go: wards, units and rooms ("Ward 7B", "Rowan Ward", "HDU", "bed 4", "SR2",
//     "he's in 915");
//   - pl_geo.go: streets, towns, counties, countries and US states;
//   - pl_person.go: professions and distinctive features;
//   - pl_words.go: the small word lists these matchers need beyond the lexicon.
//
// Each matcher appends to a private list; overlaps inside the family are settled before the
// candidates are handed to the engine (the longer entity wins: "Leeds General Infirmary" over
// "Leeds", "Oxford Street" over "Oxford").
//
// Speed: prepare looks every word up once (lexicon entry, phrase start, this family's word
// lists as bits in plTok.my, remembered across posts in plDoc.memo) and notes per token which
// matchers can start there (plDoc.gates), so that each matcher's loop skips the other tokens
// at once and the rules test bits rather than look words up in maps. A matcher that no
// token opens (plDoc.anyGate, anyMy, inNumber) is not run at all; one that some do finds
// them by a bit scan of its own bitmap (plDoc.passBits); findHospitalShapes and findTeams
// run only in posts that hold one of their words (anyMy); findStories, whose trigger verbs
// are in no list of prepare's, runs on every post behind a table filter of its own
// (plStoryFilter). The phrase matcher is not asked
// where a comma or a line break follows the word (plKey.brk), nor where the word and the
// next cannot start a phrase (lexicon.PhrasePairMay); the organisation cues, chains and
// feature phrases are found from a word's memo slot (plExts), not from maps. Tests whose
// outcome is a coin toss on real text (a capital, a word before, a gate's bits) are worked
// out with arithmetic rather than a branch each (gateOf, buildPassBits, plTok.adj), since a
// mispredicted branch costs more than the few instructions that replace it.

import (
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"unicode"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// placeDetectors returns the detectors of this family.
func placeDetectors() []Detector { return []Detector{placeDetector{}} }

// placeDetector finds places, organisations, professions and features.
type placeDetector struct{}

// Name implements Detector.
func (placeDetector) Name() string { return "places" }

// Detect implements Detector.
func (placeDetector) Detect(doc *text.Doc, out []Candidate) []Candidate {
	if len(doc.Tokens) == 0 {
		return out
	}
	memo := wordMemoPool.Get().(*wordMemo)
	out = placeDetector{}.detect(&post{doc: doc, memo: memo}, out)
	wordMemoPool.Put(memo)
	return out
}

// detect is Detect of the post with the post's word memo.
func (d placeDetector) detect(pp *post, out []Candidate) []Candidate {
	if len(pp.doc.Tokens) == 0 {
		return out
	}
	if pp.memo == nil {
		return d.Detect(pp.doc, out) // with a memo from the pool
	}
	p := plPool.Get().(*plDoc)
	p.memo = pp.memo
	out = p.run(pp.doc, out)
	pp.frame = postFrameOf(p.anyMy)
	p.memo = nil
	plPool.Put(p)
	return out
}

// detectBatch is Detect of each post with one plDoc from the pool.
func (placeDetector) detectBatch(posts []post, cands [][]Candidate) {
	p := plPool.Get().(*plDoc)
	for i := range posts {
		if doc := posts[i].doc; len(doc.Tokens) > 0 {
			p.memo = posts[i].memo
			cands[i] = p.run(doc, cands[i])
			posts[i].frame = postFrameOf(p.anyMy)
		}
	}
	p.memo = nil
	plPool.Put(p)
}

// run appends the candidates of doc (with tokens) to out.
func (p *plDoc) run(doc *text.Doc, out []Candidate) []Candidate {
	p.reset(doc)
	p.prepare()
	p.findPhrases()
	// A pass whose loop over the tokens finds no gate open (see gates) runs only for the
	// phrases it reads, if any.
	g, ph := p.anyGate, len(p.phrases) > 0
	if g&pgOrg != 0 {
		p.findOrgs()
	}
	if g&pgSaint != 0 {
		p.findSaints()
	}
	if g&pgHosp != 0 || ph {
		p.findHospitalPhrases()
	}
	if g&pgWard != 0 || ph {
		p.findWards()
	}
	if g&pgLocal != 0 {
		p.findLocalNames()
	}
	if g&pgRoom != 0 {
		p.findRooms()
	}
	if p.inNumber {
		p.findBareRooms()
	}
	if g&pgStreet != 0 || ph {
		p.findStreets()
	}
	if g&pgPlace != 0 || ph {
		p.findPlaces()
	}
	if g&pgPub != 0 {
		p.findPubsAndChains()
	}
	if g&pgProf != 0 || ph {
		p.findProfessions()
	}
	if g&pgFeat != 0 {
		p.findFeatures()
	}
	p.findStories() // its own filter, by table, in front of every word (see plStoryFilter)
	if p.anyMy&pbEventNoun != 0 {
		p.findBareEvents()
	}
	if p.anyMy&pbHospLead != 0 {
		p.findHospitalShapes()
	}
	if p.anyMy&pbTeam != 0 {
		p.findTeams()
	}
	out = p.settle(out)
	p.doc = nil
	return out
}

var plPool = sync.Pool{New: func() any { return new(plDoc) }}

// plTok is what the family knows about one token.
type plTok struct {
	lw   string // lower-case text (doc.Lower), without a possessive 's
	key  string // lexicon key of lw
	fkey string // when poss, the lexicon key of the whole token ("marys"); see fullKey
	plWord
	end int // end offset without a possessive 's

	pc        byte  // the byte of a one-byte punctuation token, else 0 (isPunct)
	word      bool  // Word, Number or Alnum token
	cap       bool  // first letter upper case
	upper     bool  // all letters upper case
	poss      bool  // ends in 's (possessive or contraction), stripped in lw/key/end
	sentStart bool  // first word of a sentence or line
	headline  bool  // in a sentence written in Title Case (mixed-case posts only)
	adj       uint8 // plAdjWord | plAdjInLine: for prevWord and nextWord
}

// Bits of plTok.adj: word and inLine (no line break before the token) in one byte, so that
// prevWord and nextWord test two tokens' bits with one branch, not one per bit (on real
// text, whether the token before is a word is a coin toss).
const (
	plAdjWord   = 1 << iota // plTok.word
	plAdjInLine             // !text.Token.Newline
)

// plWord is what the family knows of a word from its key alone: what plDoc.memo
// remembers, copied into plTok as one block.
type plWord struct {
	e      lexicon.Entry
	my     uint64              // pb* bits: membership in this family's own word lists
	pst    lexicon.PhraseState // of key, when pstart
	kg     uint16              // plKeyGates(my, e) (gates of the key; not kept up to date in plTok)
	ext    uint16              // plExtOf(key): the lists that start with the key
	found  bool                // key is in the lexicon
	pstart bool                // lexicon.PhraseStart(key)
	same   bool                // key == lw (the memo's; not kept up to date in plTok)
	// the names family's facts of the word, which share the wordMemo slot (nmFill)
	nb  nmSlotBits
	cue nmCue
}

// fullKey returns the lexicon key of the whole token, possessive included ("marys"): key
// but for a possessive (prepare stores fkey only then, to save a write per word).
func (t *plTok) fullKey() string {
	if t.poss {
		return t.fkey
	}
	return t.key
}

// plKey is what findPhrases knows of a key for the phrase matcher: a word, or "&" or "+"
// (one slice of them, the keys themselves read from p.toks: see plFullKeys).
type plKey struct {
	st    lexicon.PhraseState // lexicon.PhraseStartState of the key, when start
	tok   int32               // token index
	start bool                // lexicon.PhraseStart of the key
	brk   bool                // a token that phraseClean refuses stands before the next key
	// possAhead: a possessive word's key comes after this one, with no brk between
	// (findPhrases' second pass).
	possAhead bool
}

// plPhrase is a lexicon phrase match in token indexes.
type plPhrase struct {
	start, end int // token indexes, end exclusive
	kind       lexicon.PhraseKind
	pop        uint32
	full       bool // the phrase includes its last word's possessive 's ("st marys")
}

// plDoc is the per-post scratch of the family, reused through plPool.
type plDoc struct {
	doc      *text.Doc
	toks     []plTok
	caseless bool // the post is all capitals or all lower case

	kinfo   []plKey // the keys to give the phrase matcher (see plFullKeys), in order
	anyPoss bool    // a word ends in 's
	// fst and fstart: the phrase start of the last possessive's full key (see possKey).
	fst     lexicon.PhraseState
	fstart  bool
	phrases []plPhrase
	// p.phrases is two runs sorted by start token (the matches with possessives kept,
	// then those with them stripped): phrases[:phRun1] and phrases[phRun1:]. phMaxLen is
	// the most tokens a phrase spans. See phSpan.
	phRun1   int
	phMaxLen int

	cands  []Candidate
	orgEnd int // end token of the last "name + cue" organisation

	gates []uint16 // per token, the passes that may do something there (pg* bits)
	// passBits holds the gates by pass: the bit i%64 of passBits[i/64*plPasses+b] is set
	// when gates[i] holds the pass 1<<b (see nextGate).
	passBits []uint64
	anyGate  uint16 // the union of gates
	anyMy    uint64 // the union of the words' plTok.my
	// inNumber: a number, or a number with a bed letter, follows a word "in"
	// (findBareRooms can match).
	inNumber bool

	memo *wordMemo // the words met last, shared with the names family (see memoWord)
	rbuf []byte    // scratch for building reasons
	kbuf []byte    // scratch for keyText
}

// plMemoKey is the length of the longest word remembered.
const plMemoKey = memoKeyLen

// lookup sets pt.key to the key of pt.lw (lexicon.Key) and pt.plWord to what the key is
// (plWordOf); it returns plKeyGates(pt.my, pt.e).
func (p *plDoc) lookup(pt *plTok) uint16 {
	lw := pt.lw
	if n := len(lw); n == 0 || n > plMemoKey {
		pt.key = lexicon.Key(lw)
		pt.plWord = plWordOf(pt.key)
		return pt.kg
	}
	s, key := p.memoWord(lw)
	pt.key = key
	pt.plWord = s.w
	return s.w.kg
}

// memoWord returns the memo slot of the word w (1 to plMemoKey bytes), filled, and the
// key of w; the slot is valid until the next call.
//
// The family remembers the words it looked up last in the wordMemo it shares with the
// names family (see wordmemo.go): the everyday words of one post come back in the next,
// and the table stays in a core's cache while the lexicon's does not.
func (p *plDoc) memoWord(w string) (*wordMemoSlot, string) {
	m := p.memo
	if m == nil { // a plDoc used alone (tests): a memo of its own
		m = new(wordMemo)
		p.memo = m
	}
	// wordMemo.slot and keyOf with memoWords inline: calling them costs the loop of prepare
	// 1.2% of the engine's instructions on tweets (a call per word).
	// memoWords, inline.
	n := len(w)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = nmLoad8(w, 0), nmLoad8(w, n-8)>>(8*(15-n))
	case n >= 4:
		a = nmLoad4(w, 0) | nmLoad4(w, n-4)<<(8*(n-4))
	default:
		a = uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)) | uint64(w[n-1])<<(8*(n-1))
	}
	i := memoPair(a, b, n, wordMemoBits)
	if s := &m.slots[i]; !s.holds(a, b, n) {
		if s := &m.slots[i+1]; s.holds(a, b, n) {
			i++
		} else {
			m.fill(i, w)
		}
	}
	if s := &m.slots[i]; !s.w.same {
		return s, m.keys[i]
	}
	return &m.slots[i], w
}

// plWordOf returns what the key is: its lexicon entry, phrase start and word-list bits
// and the gates they allow (same is left false).
func plWordOf(key string) plWord {
	var w plWord
	w.e, w.found = lexicon.Lookup(key)
	w.pst, w.pstart = lexicon.PhraseStartState(key)
	w.my = plBitsOf(key)
	w.kg = plKeyGates(w.my, w.e)
	w.ext = plExtOf(key)
	return w
}

func (p *plDoc) reset(doc *text.Doc) {
	p.doc = doc
	n := len(doc.Tokens)
	if cap(p.toks) < n {
		p.toks = make([]plTok, n) // zeroed
	} else {
		p.toks = p.toks[:n]
		clear(p.toks)
	}
	p.kinfo = p.kinfo[:0]
	p.inNumber = false
	p.anyPoss = false
	p.phrases = p.phrases[:0]
	p.phRun1, p.phMaxLen = 0, 0
	p.cands = p.cands[:0]
	p.orgEnd = 0
	p.caseless = doc.AllCaps || doc.AllLower
}

// prepare fills p.toks.
func (p *plDoc) prepare() {
	d := p.doc
	n := len(d.Tokens)
	if cap(p.gates) < n+7 { // see buildPassBits for the 7
		p.gates = make([]uint16, n, n+n/2+7)
	} else {
		p.gates = p.gates[:n]
		clear(p.gates)
	}
	toks, gates := p.toks[:n], p.gates[:n]
	sent := 0
	sentEnd := -1 // d.Sentences[sent].End, or -1 past the last sentence
	if len(d.Sentences) > 0 {
		sentEnd = d.Sentences[0].End
	}
	sentSeen := false // a word seen in the current sentence
	capMid := 0       // capitalised words that markHeadlines counts
	var union uint16  // of gates
	var anyMy uint64  // of toks[].my
	for i := range d.Tokens {
		t := &d.Tokens[i]
		pt := &toks[i]
		for sentEnd >= 0 && t.Start >= sentEnd {
			sent++
			sentEnd = -1
			if sent < len(d.Sentences) {
				sentEnd = d.Sentences[sent].End
			}
			sentSeen = false
		}
		if t.Newline {
			sentSeen = false
			p.phraseBreak()
		}
		pt.end = t.End
		if !t.Newline {
			pt.adj = plAdjInLine
		}
		pt.lw = d.Lower[t.Start:t.End]
		switch t.Kind {
		case text.Word, text.Alnum: // an Alnum after "in" sets inNumber in gateOf
		case text.Number:
			if i > 0 && toks[i-1].key == "in" {
				p.inNumber = true // findBareRooms
			}
		case text.Punct:
			c := d.Norm[t.Start]
			if t.End-t.Start == 1 {
				pt.pc = c
				if c == '-' && i > 0 && toks[i-1].word && d.Tokens[i-1].Kind == text.Word && len(toks[i-1].lw) >= 2 {
					gates[i-1] |= pgPlace // hyphenPlace
					union |= pgPlace
				}
			}
			switch c { // as phraseClean
			case '-', '\'':
			case '&', '+':
				st, ok := lexicon.PhraseStartState(pt.lw)
				p.kinfo = append(p.kinfo, plKey{st: st, tok: int32(i), start: ok})
			case '.':
				if i == 0 || !p.lwIn(i-1, pbAbbrevDot) {
					p.phraseBreak()
				}
			default:
				p.phraseBreak()
			}
			continue
		default:
			continue
		}
		pt.word = true
		pt.adj |= plAdjWord
		pt.sentStart = !sentSeen
		sentSeen = true
		sh := t.Shape
		pt.upper = sh&text.Upper != 0
		// Without a branch on the shape but for mixed case, which is rare.
		pt.cap = sh&(text.Upper|text.Title) != 0
		if sh&text.Mixed != 0 && !pt.cap {
			pt.cap = plStartsUpper(d.Norm[t.Start:t.End])
		}
		lw := pt.lw
		// A word of four bytes or more that ends in 's. The apostrophe is tested first:
		// it is seldom there, while the test of the length is a coin toss on real text.
		// (For a word of one byte, plPos(n-2) reads lw[0]: word tokens are never empty.)
		if n := len(lw); lw[plPos(n-2)] == '\'' && n > 3 && lw[n-1] == 's' {
			pt.poss = true
			pt.lw = lw[:n-2]
			pt.end = t.End - 2
		}
		var kg uint16 // the passes that the key allows (for a Word)
		if t.Kind != text.Number {
			if n := len(pt.lw); uint(n-1) < plMemoKey {
				s, key := p.memoWord(pt.lw)
				pt.key = key
				pt.plWord = s.w
			} else {
				p.lookup(pt)
			}
			kg = pt.kg
		} else {
			pt.key = lexicon.Key(pt.lw)
			pt.pst, pt.pstart = lexicon.PhraseStartState(pt.key)
		}
		fst, fstart := pt.pst, pt.pstart
		if pt.poss {
			p.possKey(pt, lw)
			fst, fstart = p.fst, p.fstart
			kg = plKeyGates(pt.my, pt.e) // with the bits of the possessive
		}
		anyMy |= pt.my
		p.kinfo = append(p.kinfo, plKey{st: fst, tok: int32(i), start: fstart})
		var g uint16
		if t.Kind == text.Word && !pt.cap && !p.caseless {
			// Most words: gateOf's tests of case and shape all fail (see plLowerGates),
			// and markHeadlines' count of capitals gains nothing.
			g = plLowerGates(kg, len(pt.lw))
			if i > 0 && !t.Newline && toks[i-1].word && toks[i-1].my&(pbCareMove|pbMovePrep|pbThe) != 0 {
				g |= pgHosp
			}
		} else {
			g = p.gateOf(i, pt, t, kg)
			// The count with arithmetic: each test is a coin toss on real text.
			capMid += int(plB16(pt.cap) & plB16(!pt.sentStart) & plB16(pt.my&pbSmall == 0) & plB16(t.Kind == text.Word))
		}
		// The tests of the word before on this one (each needs one of these).
		if (pt.my&(pbCompass|pbCountyWord|pbHouse) != 0 || t.Kind == text.Number) && i > 0 && toks[i-1].word {
			switch prev := &toks[i-1]; d.Tokens[i-1].Kind {
			case text.Number:
				if pt.my&pbCompass != 0 {
					gates[i-1] |= pgWard // compassWard
					union |= pgWard
				}
			case text.Word:
				if pt.my&pbCountyWord != 0 && prev.cap && len(prev.lw) >= 2 {
					gates[i-1] |= pgPlace // countyPattern
					union |= pgPlace
				}
				// careHouse ("X House") and namedUnit ("Fenwicke 2"): see gateOf.
				if !t.Newline && (p.caseless || prev.cap) &&
					(pt.my&pbHouse != 0 || t.Kind == text.Number && len(prev.lw) >= 6) {
					gates[i-1] |= pgLocal
					union |= pgLocal
				}
			}
		}
		gates[i] = g
		union |= g
	}
	p.anyGate = union
	p.anyMy = anyMy
	p.buildPassBits()
	// A Title Case sentence has three capitalised words at least (see markHeadlines).
	if !p.caseless && capMid >= 3 {
		p.markHeadlines()
	}
}

// plPos returns max(d, 0) with arithmetic (the compiler makes max of ints a branch).
func plPos(d int) int { return d &^ (d >> 63) }

// possKey sets pt.fkey, the key of lw, the whole text of the possessive word pt, adds
// its chain and cue bits to pt.my, and leaves its phrase start in p.fst and p.fstart.
// The whole word ("it's", "mary's") goes through the memo too: its key differs from the
// text, and lexicon.Key would build it anew for every such word.
func (p *plDoc) possKey(pt *plTok, lw string) {
	p.anyPoss = true
	var my uint64
	if len(lw) <= plMemoKey {
		s, key := p.memoWord(lw)
		pt.fkey, my, p.fst, p.fstart = key, s.w.my, s.w.pst, s.w.pstart
	} else {
		pt.fkey = lexicon.Key(lw)
		my = plBitsOf(pt.fkey)
		p.fst, p.fstart = lexicon.PhraseStartState(pt.fkey)
	}
	pt.my |= my & (pbChain | pbOrgCue)
}

// nextGate returns the first token from i on whose gates hold the pass b (one pg* bit),
// or len(p.gates) (i when i is past it): the passes' loops skip the closed tokens by a
// bit scan of the pass's bitmap (passBits), 64 tokens a word.
func (p *plDoc) nextGate(i int, b uint16) int {
	n := len(p.gates)
	if i >= n {
		return i
	}
	k := bits.TrailingZeros16(b) // the pass
	w := i >> 6
	x := p.passBits[w*plPasses+k] & (^uint64(0) << (i & 63))
	for x == 0 {
		if w++; w<<6 >= n {
			return n
		}
		x = p.passBits[w*plPasses+k]
	}
	return w<<6 + bits.TrailingZeros64(x)
}

// buildPassBits makes p.passBits from p.gates.
//
// It reads the gates of eight tokens at a time and turns them into the eight tokens' bits
// of each pass with arithmetic (plTranspose8): a loop over each gate's bits, as many as
// the gate has, would take a branch per token whose outcome is a coin toss on real text.
func (p *plDoc) buildPassBits() {
	n := len(p.gates)
	w := (n + 63) >> 6
	if cap(p.passBits) < plPasses*w {
		p.passBits = make([]uint64, plPasses*w)
	} else {
		p.passBits = p.passBits[:plPasses*w]
		clear(p.passBits)
	}
	pb := p.passBits
	// The gates are read eight at a time, padded with zeros to a multiple of eight
	// (seven zeros, a fixed number of stores, rather than a loop over a coin toss).
	if cap(p.gates) < n+7 {
		p.gates = slices.Grow(p.gates, 7) // prepare's leave room
	}
	*(*[7]uint16)(p.gates[n : n+7]) = [7]uint16{}
	g8 := p.gates[:(n+7)&^7]
	for j := 0; j+8 <= len(g8); j += 8 {
		g := (*[8]uint16)(g8[j : j+8])
		q0 := uint64(g[0]) | uint64(g[1])<<16 | uint64(g[2])<<32 | uint64(g[3])<<48
		q1 := uint64(g[4]) | uint64(g[5])<<16 | uint64(g[6])<<32 | uint64(g[7])<<48
		// Byte k of lo and hi: the low and high byte of the gate of token j+k;
		// transposed, byte b: the bit b of the eight tokens' bytes.
		lo := plTranspose8(plLowBytes4(q0) | plLowBytes4(q1)<<32)
		hi := plTranspose8(plLowBytes4(q0>>8) | plLowBytes4(q1>>8)<<32)
		r := (*[plPasses]uint64)(pb[j>>6*plPasses:]) // the passes' words of token j
		sh := uint(j & 63)
		r[0] |= lo & 0xFF << sh
		r[1] |= lo >> 8 & 0xFF << sh
		r[2] |= lo >> 16 & 0xFF << sh
		r[3] |= lo >> 24 & 0xFF << sh
		r[4] |= lo >> 32 & 0xFF << sh
		r[5] |= lo >> 40 & 0xFF << sh
		r[6] |= lo >> 48 & 0xFF << sh
		r[7] |= lo >> 56 << sh
		r[8] |= hi & 0xFF << sh
		r[9] |= hi >> 8 & 0xFF << sh
		r[10] |= hi >> 16 & 0xFF << sh
	}
}

// plPasses must fit in the lines of buildPassBits, one per pass.
var _ = [1]struct{}{}[plPasses-11]

// plLowBytes4 returns the low bytes of the four 16-bit lanes of q, packed in the four low
// bytes of a word (lane k's in byte k).
func plLowBytes4(q uint64) uint64 {
	x := q & 0x00FF_00FF_00FF_00FF
	x = (x | x>>8) & 0x0000_FFFF_0000_FFFF
	return (x | x>>16) & 0xFFFF_FFFF
}

// plTranspose8 transposes the 8x8 bit matrix x whose row r is byte r (bit c of byte r,
// bit 8r+c of x, is the entry (r, c)): bit 8r+c moves to bit 8c+r. Each line swaps one bit
// of the row index with one of the column index, for the entries where they differ, by
// moving them 7, 14 and 28 places (Hacker's Delight, 7-3).
func plTranspose8(x uint64) uint64 {
	x = x&0xAA55_AA55_AA55_AA55 | (x&0x00AA_00AA_00AA_00AA)<<7 | (x>>7)&0x00AA_00AA_00AA_00AA
	x = x&0xCCCC_3333_CCCC_3333 | (x&0x0000_CCCC_0000_CCCC)<<14 | (x>>14)&0x0000_CCCC_0000_CCCC
	return x&0xF0F0_F0F0_0F0F_0F0F | (x&0x0000_0000_F0F0_F0F0)<<28 | (x>>28)&0x0000_0000_F0F0_F0F0
}

// phraseBreak notes that the last key so far is followed by a token that phraseClean
// refuses inside a phrase (a line break, a comma…): no phrase that starts there is kept.
func (p *plDoc) phraseBreak() {
	if n := len(p.kinfo); n > 0 {
		p.kinfo[n-1].brk = true
	}
}

// Passes of the family, as bits of plDoc.gates.
const (
	pgOrg    uint16 = 1 << iota // findOrgs
	pgSaint                     // findSaints
	pgHosp                      // findHospitalPhrases (its loop over tokens)
	pgWard                      // findWards
	pgRoom                      // findRooms
	pgStreet                    // findStreets
	pgPlace                     // findPlaces
	pgPub                       // findPubsAndChains
	pgProf                      // findProfessions
	pgFeat                      // findFeatures
	pgLocal                     // findLocalNames

	plPasses = iota // the number of passes
)

// plKeyGates returns the passes that a Word token with the bits my and the lexicon entry e
// may start: the tests of gateOf that depend on the key only (remembered in plDoc.memo).
// pgSaint, pgHosp, pgPlace and pgPub are only what the key allows; gateOf adds the tests of
// case, length and neighbours.
func plKeyGates(my uint64, e lexicon.Entry) uint16 {
	var g uint16
	if my&(pbOrgCue|pbOrgPrefix) != 0 {
		g |= pgOrg
	}
	if my&pbSaint != 0 {
		g |= pgSaint
	}
	if e.Any(lexicon.HospitalName) {
		g |= pgHosp
	}
	if my&pbWardWord != 0 || (my&pbWardUnit != 0 || e.Any(lexicon.WardUnit)) && my&pbNotWard == 0 {
		g |= pgWard
	}
	if my&(pbRoom|pbSide) != 0 || e.Any(lexicon.RoomCue) {
		g |= pgRoom
	}
	if my&(pbRoadWord|pbStreetA|pbStreetB) != 0 || e.Any(lexicon.StreetSuffix) {
		g |= pgStreet
	}
	if e.Any(plPlaceFlags) || my&(pbExtraPlace|pbExtraCounty|pbCountryWord|pbCountyWord) != 0 {
		g |= pgPlace
	}
	if (e.Any(lexicon.Occupation) || my&pbExtraOcc != 0) && !e.Any(lexicon.HealthRole) {
		g |= pgProf
	}
	if my&(pbThe|pbChain) != 0 {
		g |= pgPub
	}
	if my&(pbFeatPhrase|pbFeatWord|pbThe) != 0 || e.Any(lexicon.FeatureCue) {
		g |= pgFeat
	}
	return g
}

// gateOf returns, for the word token i (t and tok), the passes whose loop over the tokens
// may do something there: the first tests of each loop, made once for all, so that the
// loops skip the other tokens at the cost of one test, without touching p.toks. kg is
// plKeyGates(my, e) of the token (0 for a Number). The tests on the token after i are made
// by prepare when it reaches that token. For an Alnum room number with a bed letter after
// "in" ("in 316B") it also sets p.inNumber (findBareRooms): Alnum tokens reach gateOf
// only, so prepare's loop over every word pays nothing for them.
func (p *plDoc) gateOf(i int, t *plTok, tok *text.Token, kg uint16) uint16 {
	// The tests are worked out as 0 or 1 (plB16) and combined with arithmetic: most of
	// them are coin tosses on real text, and a branch each would be mispredicted often.
	kind := tok.Kind
	prev := p.prevMy(i) // the bits of the word before, if any
	cp := plB16(t.cap)
	capOK := plB16(p.caseless) | cp // a capital, or a case-less post
	// The passes whose first tests are on the key alone, whatever the kind of token.
	g := kg & (pgOrg | pgFeat)
	g |= kg & pgSaint & -capOK
	hosp := plB16(!p.caseless) & cp & plB16(!t.upper) & plB16(!t.sentStart) & plB16(len(t.lw) >= 5)
	hosp |= plB16(prev&(pbCareMove|pbMovePrep|pbThe) != 0)
	g |= kg&pgHosp | pgHosp*hosp
	g |= kg&pgPub | pgPub*(plB16(tok.Shape&text.Mixed != 0)&cp)
	switch kind {
	case text.Word:
		g |= kg & (pgWard | pgRoom | pgStreet | pgProf)
		n := len(t.lw)
		// pgPlace: and see prepare, a hyphen or "County" after.
		g |= pgPlace * (plB16(n >= 2) & (plB16(kg&pgPlace != 0) | plB16(t.upper)&plB16(n == 2)))
		// findLocalNames: each rule needs a capital or a case-less post, and then
		// hospitalInitials the shape of initials, compassRegion a compass word, residence,
		// employer and stateLivedIn a word such as "at", "for", "in" before (and see
		// prepare: careHouse's "House" and namedUnit's number after).
		local := plB16(hospitalInitialsShape(t.lw)) | plB16(t.my&pbCompassWord != 0) | plB16(prev&pbLocalPrev != 0)
		g |= pgLocal * (capOK & local)
	case text.Number:
		// compassWard: see prepare. A number has no key bits: no rooms.
	case text.Alnum:
		lw := t.lw
		if len(lw) >= 2 && len(lw) <= 3 && lw[0] >= '0' && lw[0] <= '9' {
			g |= pgWard
		}
		if i > 0 && p.toks[i-1].key == "in" && plRoomLetterShape(lw) {
			p.inNumber = true // a room with a bed letter ("in 316B"): findBareRooms
		}
		if c := lw[0]; c >= 'a' && c <= 'z' {
			g |= pgRoom
		}
		if c := lw[0]; c == 'm' || c == 'a' || c == 'b' {
			g |= pgStreet
		}
	}
	return g
}

// prevMy returns the word-list bits (plTok.my) of prevWord(i), or 0 when no word stands
// right before token i, without a branch on the tokens (see plTok.adj).
func (p *plDoc) prevMy(i int) uint64 {
	if i <= 0 {
		return 0
	}
	m := uint64(p.toks[i].adj >> 1 & p.toks[i-1].adj & 1)
	return p.toks[i-1].my & -m
}

// plB16 returns 1 for true and 0 for false: the compiler makes it a SETcc or a byte load,
// no branch, so that tests can be combined with arithmetic.
func plB16(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

// plLowerGates returns gateOf for a Word token that is not capitalised, in a post that is
// not case-less, whose key gates are kg and lower-case text n bytes long, but for the test
// of the word before (pgHosp): every test of case or shape there fails, so that only the
// key's gates are left. (An upper-case word is capitalised: see plTok.cap.)
func plLowerGates(kg uint16, n int) uint16 {
	g := kg & (pgOrg | pgFeat | pgHosp | pgPub | pgWard | pgRoom | pgStreet | pgProf)
	if kg&pgPlace != 0 && n >= 2 {
		g |= pgPlace
	}
	return g
}

func plStartsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || (r > 127 && unicode.IsUpper(r))
	}
	return false
}

// markHeadlines flags the words of sentences written in Title Case ("My Knee Surgery
// Journey"), where capitals say little: every word but small ones capitalised, and at
// least two of them everyday words that are no name or place.
func (p *plDoc) markHeadlines() {
	d := p.doc
	i := 0
	for _, s := range d.Sentences {
		for i < len(d.Tokens) && d.Tokens[i].Start < s.Start {
			i++
		}
		j := i
		words, lower, plain := 0, 0, 0
		for j < len(d.Tokens) && d.Tokens[j].Start < s.End {
			if pt := &p.toks[j]; pt.word && d.Tokens[j].Kind == text.Word && !pt.sentStart && pt.my&pbSmall == 0 {
				words++
				switch {
				case !pt.cap:
					lower++
				case plCommon(pt.e) && !pt.e.Any(plPlaceFlags|lexicon.FirstName|lexicon.Surname|lexicon.StreetSuffix):
					plain++
				}
			}
			j++
			if lower > 0 {
				// Not Title Case: only the end of the sentence is wanted now (the first
				// token from j on that starts at its end or later; a binary search).
				hi := len(d.Tokens)
				for j < hi {
					if m := int(uint(j+hi) >> 1); d.Tokens[m].Start < s.End {
						j = m + 1
					} else {
						hi = m
					}
				}
			}
		}
		if words >= 3 && lower == 0 && plain >= 2 {
			for k := i; k < j; k++ {
				p.toks[k].headline = true
			}
		}
		i = j
	}
}

// findPhrases runs the lexicon phrase matcher over the word keys and keeps the matches
// that do not cross a sentence break or a line.
//
// The keys keep possessives, as the lexicon stores them ("st marys hospital"); a second
// pass with possessives stripped finds places said in the possessive ("Milton Keynes's").
//
// Only the keys that may start a phrase (lexicon.PhraseStart) with the key after them
// (lexicon.PhrasePairMay) are matched at, and in the second pass only those before a
// possessive: the same matches as lexicon.MatchPhrases over all keys (TestPlFindPhrases).
func (p *plDoc) findPhrases() {
	fn := func(m lexicon.PhraseMatch) {
		s, e := int(p.kinfo[m.Start].tok), int(p.kinfo[m.End-1].tok)+1
		if !p.phraseClean(s, e) {
			return
		}
		p.phrases = append(p.phrases, plPhrase{start: s, end: e, kind: m.Kind, pop: m.Population, full: p.toks[e-1].poss})
		p.phMaxLen = max(p.phMaxLen, e-s)
	}
	ki := p.kinfo
	for k := range ki {
		// Most phrase starts ("in", "the", "st") are followed by no phrase's second word:
		// the pair's test spares the matcher's call there.
		if ki[k].start && p.phraseGoesOn(k) && lexicon.PhrasePairMay(ki[k].st, p.fullKeyAt(k+1)) {
			lexicon.MatchPhrasesFromKeys((*plFullKeys)(p), k, ki[k].st, fn)
		}
	}
	p.phRun1 = len(p.phrases)
	if !p.anyPoss {
		return
	}
	// Only a phrase that ends at a possessive is kept (fn2): the pass is run only from
	// the keys that such a phrase may start at, a possessive after them and no break
	// between (possAhead).
	ahead := false // possAhead of key k+1 (false for the last key, as prepare left it)
	for k := len(ki) - 2; k >= 0; k-- {
		ahead = !ki[k].brk && (ahead || p.toks[ki[k+1].tok].poss)
		ki[k].possAhead = ahead
	}
	fn2 := func(m lexicon.PhraseMatch) {
		s, e := int(p.kinfo[m.Start].tok), int(p.kinfo[m.End-1].tok)+1
		if !p.toks[e-1].poss || !p.phraseClean(s, e) {
			return
		}
		switch m.Kind {
		case lexicon.PhrasePlaceGB, lexicon.PhrasePlaceUS, lexicon.PhrasePlaceOther, lexicon.PhraseCounty, lexicon.PhraseRegion:
			p.phrases = append(p.phrases, plPhrase{start: s, end: e, kind: m.Kind, pop: m.Population})
			p.phMaxLen = max(p.phMaxLen, e-s)
		}
	}
	for k := range ki {
		if !ki[k].possAhead {
			continue
		}
		ok, st := ki[k].start, ki[k].st // "&", "+"
		if ti := ki[k].tok; p.toks[ti].word {
			ok, st = p.toks[ti].pstart, p.toks[ti].pst
		}
		if ok && p.phraseGoesOn(k) && lexicon.PhrasePairMay(st, p.keyAt(k+1)) {
			lexicon.MatchPhrasesFromKeys((*plKeys)(p), k, st, fn2)
		}
	}
}

// plFullKeys gives the phrase matcher the keys of findPhrases' first pass: for each
// p.kinfo, the full key of its word, possessive kept ("marys"), or the text of "&" or "+"
// (lexicon.PhraseKeys). The keys are read from p.toks only where the matcher is called,
// seldom, rather than copied into a slice for every word.
type plFullKeys plDoc

// Len implements lexicon.PhraseKeys.
func (k *plFullKeys) Len() int { return len(k.kinfo) }

// Key implements lexicon.PhraseKeys.
func (k *plFullKeys) Key(j int) string { return (*plDoc)(k).fullKeyAt(j) }

// plKeys is plFullKeys with possessives stripped ("mary"), for the second pass.
type plKeys plDoc

// Len implements lexicon.PhraseKeys.
func (k *plKeys) Len() int { return len(k.kinfo) }

// Key implements lexicon.PhraseKeys.
func (k *plKeys) Key(j int) string { return (*plDoc)(k).keyAt(j) }

// fullKeyAt returns the key j of plFullKeys.
func (p *plDoc) fullKeyAt(j int) string {
	t := &p.toks[p.kinfo[j].tok]
	if t.word {
		return t.fullKey()
	}
	return t.lw // "&", "+"
}

// keyAt returns the key j of plKeys.
func (p *plDoc) keyAt(j int) string {
	t := &p.toks[p.kinfo[j].tok]
	if t.word {
		return t.key
	}
	return t.lw
}

// phraseGoesOn reports whether a phrase that starts at key k may be kept by findPhrases:
// there is a next key, and nothing between the two that phraseClean refuses (every
// phrase from key k spans that gap; see phraseBreak). A comma or a line break after a
// word saves the phrase matcher's work there.
func (p *plDoc) phraseGoesOn(k int) bool {
	return k+1 < len(p.kinfo) && !p.kinfo[k].brk
}

// phSpan returns the index ranges [a0, a1) and [b0, b1) of p.phrases that hold, in the
// order of p.phrases, every phrase that starts at a token in [lo, hi] (a binary search in
// each sorted run, so that the phrases at a token cost no scan of them all).
func (p *plDoc) phSpan(lo, hi int) (a0, a1, b0, b1 int) {
	search := func(from, to, tok int) int { // first index in [from, to) with start >= tok
		for from < to {
			m := int(uint(from+to) >> 1)
			if p.phrases[m].start < tok {
				from = m + 1
			} else {
				to = m
			}
		}
		return from
	}
	n := len(p.phrases)
	a0 = search(0, p.phRun1, lo)
	a1 = search(a0, p.phRun1, hi+1)
	b0 = search(p.phRun1, n, lo)
	b1 = search(b0, n, hi+1)
	return
}

// phraseClean reports whether tokens [s, e) read as one name: no line break inside and no
// punctuation but hyphens, apostrophes, "&" and the dot of "St.".
func (p *plDoc) phraseClean(s, e int) bool {
	d := p.doc
	for i := s + 1; i < e; i++ {
		t := d.Tokens[i]
		if t.Newline {
			return false
		}
		if t.Kind != text.Punct {
			continue
		}
		switch d.Norm[t.Start] {
		case '-', '\'', '&', '+':
		case '.':
			if !p.lwIn(i-1, pbAbbrevDot) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// add records a candidate in token indexes [s, e); a possessive 's at its end is left out.
func (p *plDoc) add(s, e int, typ result.Type, conf float64, reason string) {
	if s >= e {
		return
	}
	end := p.toks[e-1].end
	if !p.toks[e-1].word {
		end = p.doc.Tokens[e-1].End
	}
	p.addOff(p.doc.Tokens[s].Start, end, typ, conf, reason)
}

// addPh records a candidate for a phrase match; a possessive that is part of the phrase
// ("St Mary's") is kept.
func (p *plDoc) addPh(ph plPhrase, typ result.Type, conf float64, reason string) {
	if e := p.trailingApos(ph.end); e > ph.end {
		ph.end, ph.full = e, true
	}
	if !ph.full {
		p.add(ph.start, ph.end, typ, conf, reason)
		return
	}
	p.addOff(p.doc.Tokens[ph.start].Start, p.doc.Tokens[ph.end-1].End, typ, conf, reason)
}

// trailingApos returns e+1 when token e is an apostrophe closing a name that ends in s
// ("St Thomas'"), else e.
func (p *plDoc) trailingApos(e int) int {
	if e < len(p.toks) && e > 0 && p.isPunct(e, '\'') && !p.doc.Tokens[e].Space && p.toks[e-1].word && plEndsS(p.toks[e-1].lw) &&
		(e+1 >= len(p.toks) || p.doc.Tokens[e+1].Space || p.doc.Tokens[e+1].Kind == text.Punct) {
		return e + 1
	}
	return e
}

// addOff records a candidate in byte offsets.
func (p *plDoc) addOff(start, end int, typ result.Type, conf float64, reason string) {
	if conf < 0.5 || end <= start {
		return
	}
	if conf > 0.97 {
		conf = 0.97
	}
	p.cands = append(p.cands, Candidate{Start: start, End: end, Type: typ, Confidence: conf, Reason: reason})
}

// settle drops the candidates of the family that overlap a longer one (or, at equal
// length, a more confident one), and appends the rest to out.
func (p *plDoc) settle(out []Candidate) []Candidate {
	cs := p.cands
	slices.SortFunc(cs, func(a, b Candidate) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	beats := func(b, a Candidate) bool { // b wins over a
		la, lb := a.End-a.Start, b.End-b.Start
		return lb > la || lb == la && b.Confidence > a.Confidence
	}
	for i := range cs {
		for j := i + 1; j < len(cs) && cs[j].Start < cs[i].End; j++ {
			if cs[i].Confidence == 0 || cs[j].Confidence == 0 {
				continue
			}
			if beats(cs[j], cs[i]) {
				cs[i].Confidence = 0
			} else {
				cs[j].Confidence = 0
			}
		}
	}
	for _, c := range cs {
		if c.Confidence > 0 {
			out = append(out, c)
		}
	}
	return out
}

// ---- token helpers ----

// secondMay reports whether a list's phrase of two words or more that starts at token i
// may match there (see matchWords), bit being the list's bit of second words: false when
// the next token is a word with bits (no number) and no possessive that lacks the bit, so
// that the list's match (plExts, matchTail) is not tried after the many "the", "in" and
// "on" of a post. A
// hyphen, "&" or a number after token i is left to the matcher.
func (p *plDoc) secondMay(i int, bit uint64) bool {
	n := i + 1
	if n >= len(p.toks) {
		return false
	}
	t := &p.toks[n]
	return !t.word || t.poss || t.my&bit != 0 || p.doc.Tokens[n].Kind == text.Number
}

// isPunct reports whether token i is the one-rune punctuation c.
func (p *plDoc) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].pc == c
}

// prevWord returns the index of the word right before token i (no punctuation between),
// or -1.
func (p *plDoc) prevWord(i int) int {
	// One test of plTok.adj's bits (i <= 0 gives -1: i-1 is no token): the line bit of i
	// (shifted down) and the word bit of i-1.
	if k := i - 1; uint(k) < uint(len(p.toks)-1) && p.toks[i].adj>>1&p.toks[k].adj != 0 {
		return k
	}
	return -1
}

// nextWord returns the index of the word right after token i, or -1.
func (p *plDoc) nextWord(i int) int {
	if j := i + 1; uint(j) < uint(len(p.toks)) && p.toks[j].adj == plAdjWord|plAdjInLine {
		return j
	}
	return -1
}

// lwIn reports whether the lower-case text of token i is in the word list of the plBits
// bit: lw is in a list only if it is a key (TestPlBits checks that lists hold keys only).
func (p *plDoc) lwIn(i int, bit uint64) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	t := &p.toks[i]
	return t.my&bit != 0 && t.lw == t.key
}

// lwAt returns the lower-case text of token i, or "" outside the text.
func (p *plDoc) lwAt(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].lw
}

// properCap reports whether token i is capitalised in a way that says "name": a capital
// in a mixed-case post, not only because it starts a sentence.
func (p *plDoc) properCap(i int) bool {
	t := &p.toks[i]
	return !p.caseless && t.cap && !t.sentStart
}

// isKind reports whether token i is of kind k.
func (p *plDoc) isKind(i int, k text.Kind) bool {
	return i >= 0 && i < len(p.toks) && p.doc.Tokens[i].Kind == k
}

// tokText returns the normalised text of tokens [s, e) for reasons.
func (p *plDoc) tokText(s, e int) string {
	end := p.toks[e-1].end
	if !p.toks[e-1].word {
		end = p.doc.Tokens[e-1].End
	}
	return p.doc.Norm[p.doc.Tokens[s].Start:end]
}

// caseNote says how the case of token i supports a name, for reasons.
func (p *plDoc) caseNote(i int) string {
	switch {
	case p.caseless:
		return "case-less post"
	case p.toks[i].cap:
		return "capitalised"
	}
	return "lower case"
}

// plCommon reports whether the entry is a common English word (SCOWL tier <= 50).
func plCommon(e lexicon.Entry) bool { return e.WordTier > 0 && e.WordTier <= 50 }

// plVeryCommon reports whether the entry is a very common English word (tier <= 35).
func plVeryCommon(e lexicon.Entry) bool { return e.WordTier > 0 && e.WordTier <= 35 }

// plEnglish reports whether the entry is an English word of any usual tier (<= 70).
func plEnglish(e lexicon.Entry) bool { return e.WordTier > 0 && e.WordTier <= 70 }

// plPersonish reports whether the entry is a popular first name or surname.
func plPersonish(e lexicon.Entry) bool { return e.FirstNameFreq >= 140 || e.SurnameFreq >= 160 }

// plAppendPop appends a population formatted for reasons ("6,016") to b.
func plAppendPop(b []byte, n uint32) []byte {
	var d [10]byte
	s := strconv.AppendUint(d[:0], uint64(n), 10)
	pre := len(s) % 3
	if pre == 0 {
		pre = 3
	}
	b = append(b, s[:pre]...)
	for i := pre; i < len(s); i += 3 {
		b = append(b, ',')
		b = append(b, s[i:i+3]...)
	}
	return b
}
