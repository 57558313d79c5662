package detect

import (
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// plGateTexts are the posts the gate tests run on: the development corpora, the package's
// test literals and a few hand-made cases, each also in lower case and in capitals.
func plGateTexts(t *testing.T) []string {
	texts := append(plCorpusTexts(t), dumpLiterals(t, "")...)
	texts = append(texts,
		"she lives at Pellington House NH resident, transferred to KMC, now on Fenwicke 2.",
		"CEO of Zentrix, works for Acme, retired from Globex, employed by Initech",
		"his daughter lives in DC; from the Eastern Shore; Lovely South Campus; KH EW",
		"drinks at the Red Lion, then the post office, Tesco's and Marks & Spencer",
		"the bonfire crash, his tractor crash, in 14 days, lovely lady in 12, in 4",
		"off the telly, off-the telly, hit & run, a local celebrity, on death row",
		"Radio 4 said, in\nthe papers, St Mary's,\nNew York. Leeds, General Infirmary")
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ToLower(s), strings.ToUpper(s))
	}
	return texts
}

// plPrepared returns p prepared for s with its phrases found, or false for a post without
// tokens.
func plPrepared(t *testing.T, p *plDoc, s string) bool {
	d, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) == 0 {
		return false
	}
	p.reset(d)
	p.prepare()
	p.findPhrases()
	return true
}

// TestPlPassSkips checks that every pass Detect skips (no gate open, no phrase, no event
// noun, no number after "in") would have found nothing.
func TestPlPassSkips(t *testing.T) {
	type pass struct {
		name string
		run  func(p *plDoc)
		skip func(p *plDoc) bool
	}
	gate := func(b uint16) func(p *plDoc) bool {
		return func(p *plDoc) bool { return p.anyGate&b == 0 }
	}
	gateNoPhrase := func(b uint16) func(p *plDoc) bool {
		return func(p *plDoc) bool { return p.anyGate&b == 0 && len(p.phrases) == 0 }
	}
	passes := []pass{
		{"findOrgs", (*plDoc).findOrgs, gate(pgOrg)},
		{"findSaints", (*plDoc).findSaints, gate(pgSaint)},
		{"findHospitalPhrases", (*plDoc).findHospitalPhrases, gateNoPhrase(pgHosp)},
		{"findWards", (*plDoc).findWards, gateNoPhrase(pgWard)},
		{"findLocalNames", (*plDoc).findLocalNames, gate(pgLocal)},
		{"findRooms", (*plDoc).findRooms, gate(pgRoom)},
		{"findBareRooms", (*plDoc).findBareRooms, func(p *plDoc) bool { return !p.inNumber }},
		{"findStreets", (*plDoc).findStreets, gateNoPhrase(pgStreet)},
		{"findPlaces", (*plDoc).findPlaces, gateNoPhrase(pgPlace)},
		{"findPubsAndChains", (*plDoc).findPubsAndChains, gate(pgPub)},
		{"findProfessions", (*plDoc).findProfessions, gateNoPhrase(pgProf)},
		{"findFeatures", (*plDoc).findFeatures, gate(pgFeat)},
		{"findBareEvents", (*plDoc).findBareEvents, func(p *plDoc) bool { return p.anyMy&pbEventNoun == 0 }},
	}
	p := new(plDoc)
	skipped := make([]int, len(passes))
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		for n, ps := range passes {
			if !ps.skip(p) {
				continue
			}
			skipped[n]++
			p.cands = p.cands[:0]
			p.orgEnd = 0
			ps.run(p)
			if len(p.cands) > 0 {
				t.Errorf("%s skipped but finds %+v in %q", ps.name, p.cands, s)
			}
		}
	}
	for n, ps := range passes {
		if skipped[n] == 0 {
			t.Errorf("%s never skipped", ps.name)
		}
	}
}

// TestPlLocalGate checks that findLocalNames finds the same with its gate (gateOf and
// prepare's tests on the next word) as on every word, and the gate on a few words.
func TestPlLocalGate(t *testing.T) {
	p := new(plDoc)
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		gates := slices.Clone(p.gates)
		p.findLocalNames()
		gated := slices.Clone(p.cands)
		p.cands = p.cands[:0]
		for i := range p.gates {
			if p.toks[i].word && p.doc.Tokens[i].Kind == text.Word {
				p.gates[i] |= pgLocal
			}
		}
		p.buildPassBits()
		p.findLocalNames()
		if !slices.Equal(gated, p.cands) {
			t.Fatalf("%q: gated %+v, all words %+v", s, gated, p.cands)
		}
		copy(p.gates, gates)
		p.buildPassBits()
	}
	for _, c := range []struct {
		text string
		word int // token index
		want bool
	}{
		{"seen at KMC today", 2, true},             // hospitalInitials (shape)
		{"seen by Dr Jones", 3, false},             // no rule's first test
		{"from the Eastern Shore", 2, true},        // compassRegion
		{"Lovely Eastern Shore views", 1, true},    // compassRegion, no cue before
		{"works for Acme", 2, true},                // employer
		{"Pellington House NH", 0, true},           // careHouse: set at "House"
		{"on Fenwicke 2 now", 1, true},             // namedUnit: set at "2"
		{"on Fenwk 2 now", 1, false},               // too short for namedUnit
		{"on Fenwicke\n2 now", 1, false},           // the number on another line
		{"Lovely Mrs Pickering asked", 0, false},   // capitalised, no cue
		{"lovely mrs pickering asked", 2, false},   // case-less, no cue
		{"lovely mrs pickering at home", 4, true},  // case-less, after "at"
		{"Lovely nurse at home today", 3, false},   // lower case in a mixed-case post
		{"Lovely nurse at Home today", 3, true},    // capitalised after "at"
		{"Lovely nurse at Home's door", 3, true},   // possessive: the rules decide
		{"Lovely nurse at 5 Home today", 4, false}, // a number is no local name
	} {
		if !plPrepared(t, p, c.text) {
			t.Fatalf("%q: no tokens", c.text)
		}
		if got := p.gates[c.word]&pgLocal != 0; got != c.want {
			t.Errorf("%q: token %d (%q) local gate %v, want %v", c.text, c.word, p.toks[c.word].lw, got, c.want)
		}
	}
}

// TestPlPhraseGoesOn checks the breaks that prepare notes between keys (phraseBreak)
// against phraseClean.
func TestPlPhraseGoesOn(t *testing.T) {
	p := new(plDoc)
	breaks := 0
	for _, s := range plGateTexts(t) {
		if !plPrepared(t, p, s) {
			continue
		}
		for k := range p.kinfo {
			want := k+1 < len(p.kinfo) && p.phraseClean(int(p.kinfo[k].tok), int(p.kinfo[k+1].tok)+1)
			if got := p.phraseGoesOn(k); got != want {
				t.Fatalf("%q: key %d (%q): phraseGoesOn %v, want %v", s, k, p.fullKeyAt(k), got, want)
			}
			if !want {
				breaks++
			}
		}
	}
	if breaks == 0 {
		t.Error("no break seen")
	}
}

// TestPlSecondMay checks that secondMay lets every feature phrase and chain name of two
// words or more through at its first word, and stops a word that goes on otherwise.
func TestPlSecondMay(t *testing.T) {
	p := new(plDoc)
	try := func(s string, bit uint64, want bool) {
		t.Helper()
		if !plPrepared(t, p, s) {
			t.Fatalf("%q: no tokens", s)
		}
		i := 1 // the first word after "x"
		if got := p.secondMay(i, bit); got != want {
			t.Errorf("%q: secondMay %v, want %v", s, got, want)
		}
	}
	for _, fs := range plFeaturePhrases {
		for _, f := range fs {
			try("x "+strings.Join(f.words, " ")+" y", pbFeatSecond, true)
			try("x "+strings.Join(f.words, "-")+" y", pbFeatSecond, true)
		}
	}
	for _, chs := range plChains {
		for _, ch := range chs {
			if len(ch.words) > 1 {
				try("x "+strings.Join(ch.words, " ")+" y", pbChainSecond, true)
			}
		}
	}
	for _, c := range []struct {
		text string
		bit  uint64
		want bool
	}{
		{"x on the ward", pbFeatSecond, true},       // "on the telly": the matcher decides
		{"x on call", pbFeatSecond, false},          // no feature phrase goes "on call"
		{"x in custody", pbFeatSecond, true},        // "in custody"
		{"x in 2 days", pbFeatSecond, true},         // a number: left to the matcher
		{"x hit & run", pbFeatSecond, true},         // "&" for "and"
		{"x off", pbFeatSecond, false},              // nothing after
		{"x the ward", pbChainSecond, false},        // "the post office" only
		{"x the post office", pbChainSecond, true},  // a chain
		{"x radio 4", pbChainSecond, true},          // a number
		{"x the ward's door", pbChainSecond, true},  // a possessive: left to the matcher
		{"x royal mail", pbChainSecond, true},       // a chain
		{"x royal infirmary", pbChainSecond, false}, // no chain goes on so
	} {
		try(c.text, c.bit, c.want)
	}
}
