package detect

import (
	"math/bits"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/tagger"
	"github.com/scrubshq/scrubs/internal/text"
)

// The proper-noun fallback family: a capitalised word in the middle of a
// sentence that no list knows — not an English word, not a listed name,
// place or clinical term — is almost always a proper noun: a brand, a shop,
// a business, a small place. Any of those can point at a person, so it is
// reported, with low confidence, when no other family claims the span (the
// engine lets every more confident candidate win the overlap).

// properDetectors returns the fallback detector for unknown proper nouns.
func properDetectors() []Detector { return []Detector{properDetector{}} }

type properDetector struct{}

func (properDetector) Name() string { return "proper-nouns" }

func (d properDetector) Detect(doc *text.Doc, out []Candidate) []Candidate {
	return d.detect(newPost(doc), out)
}

// detect appends the proper-noun candidates of the post to out.
func (properDetector) detect(p *post, out []Candidate) []Candidate {
	doc := p.doc
	may := prMayFire(doc, p.marks())
	if may.rules&prOwner != 0 {
		for i := may.owner.lo; i < may.owner.end; i++ {
			if c, ok := ownerOfStaff(doc, i); ok {
				out = append(out, c)
			}
		}
	}
	if may.rules&prInitial != 0 {
		out = initialSurnameIn(doc, out, may.initial)
	}
	if may.rules&prSocial != 0 {
		out = socialNameIn(doc, out, may.social)
	}
	if may.rules&prSpeaker != 0 {
		out = speakerNameIn(doc, out, may.speaker)
	}
	if may.rules&prRelative != 0 {
		out = relativeUnknownIn(doc, out, may.relative)
	}
	if may.rules&prCaps != 0 {
		out = capsFullName(doc, out)
	}
	if doc.AllCaps || doc.AllLower || may.rules&prMixed == 0 {
		return out // in one-case text capitals say nothing
	}
	return unknownCapitalisedIn(doc, out, may.mixed)
}

// unknownCapitalisedIn finds the capitalised words mid-sentence that no list knows, after a
// word that talks of a brand, shop, business or place (see properCue). It looks only at the
// words in rg, which holds every word where it may find something (see prMayFire).
func unknownCapitalisedIn(doc *text.Doc, out []Candidate, rg prRange) []Candidate {
	toks := doc.Tokens
	for i := max(rg.lo, 1); i < rg.end && i < len(toks); i++ {
		t := toks[i]
		if t.Kind != text.Word || t.Shape&text.Title == 0 || t.End-t.Start < 4 || t.Newline || sentenceStart(doc, i) {
			continue
		}
		if p := toks[i-1]; p.Kind != text.Word || !prCueTable.has(doc.Lower[p.Start:p.End]) {
			continue // only where a brand, shop or business is talked of
		}
		if n := i + 1; n < len(toks) && toks[n].Kind == text.Word && toks[n].Shape&(text.Title|text.Upper) != 0 && toks[n].Space {
			continue
		}
		w := doc.Lower[t.Start:t.End]
		end := t.End
		if len(w) > 2 && w[len(w)-2:] == "'s" {
			w, end = w[:len(w)-2], end-2
		}
		key := lexicon.Key(w)
		if e, ok := lexicon.Lookup(key); ok && (e.WordTier > 0 || e.CapWordTier > 0 || e.FirstNameFreq > 0 ||
			e.Any(^lexicon.Surname) || e.SurnameFreq > 40) {
			continue // a known word, name, place or term
		}
		if nmWord(key) != 0 || drugLike(key) || doseAfter(doc, i) {
			continue // a drug, a product or a cue word of the name family
		}
		if n := i + 1; n < len(toks) && toks[n].Kind == text.Word && nmWord(doc.Lower[toks[n].Start:toks[n].End])&cuClinNoun != 0 {
			// an eponym, no brand: "Seldinger technique"; before a disease noun one that no
			// list knows is rare enough to narrow down a person ("Chagas cardiomyopathy")
			if prRareNoun[doc.Lower[toks[n].Start:toks[n].End]] {
				out = append(out, Candidate{Start: t.Start, End: toks[n].End, Type: result.Feature, Confidence: 0.52,
					Reason: "FEATURE: unknown eponym + disease noun (a rare condition?)"})
			}
			continue
		}
		prev := doc.Lower[toks[i-1].Start:toks[i-1].End]
		if prev == "at" && i >= 2 && toks[i-2].Kind == text.Word && plSkillAt[doc.Lower[toks[i-2].Start:toks[i-2].End]] {
			continue // "oddly good at Quarkle": a game or a skill
		}
		if properPlaceCue[prev] {
			out = append(out, Candidate{Start: t.Start, End: end, Type: result.City, Confidence: 0.52,
				Reason: "CITY: unknown capitalised name after '" + prev + "' (a small place?)"})
			continue
		}
		out = append(out, Candidate{Start: t.Start, End: end, Type: result.Organization, Confidence: 0.52,
			Reason: "ORGANIZATION: unknown capitalised word mid-sentence (a brand, business or place?)"})
	}
	return out
}

// prRareNoun are the disease nouns after which an unknown eponym names a rare condition.
var prRareNoun = map[string]bool{"disease": true, "syndrome": true, "cardiomyopathy": true,
	"arteritis": true, "dystrophy": true, "myopathy": true, "neuropathy": true, "encephalitis": true}

// The rules of the family that prMayFire can rule out for a post.
const (
	prOwner    = 1 << iota // ownerOfStaff
	prInitial              // initialSurnameIn
	prSocial               // socialNameIn
	prRelative             // relativeUnknownIn
	prMixed                // the unknown capitalised word of Detect
	prCaps                 // capsFullName
	prSpeaker              // speakerNameIn
)

// prRange is a range of token indexes, lo to end excluded; the zero value is
// empty.
type prRange struct{ lo, end int }

// add widens r, which holds no token after i, to hold token i.
func (r *prRange) add(i int) {
	if r.end == 0 {
		r.lo = i
	}
	r.end = i + 1
}

// prMay is what prMayFire learnt of a post: the rules that may fire, and for
// some of them the tokens where they may: a rule's loop needs to visit only
// those (most posts hold one such token, or none).
type prMay struct {
	rules int // the prOwner… bits of the rules that may find something
	// the tokens where ownerOfStaff, initialSurnameIn, socialNameIn (the name after
	// the heading), relativeUnknownIn (the relative word) and unknownCapitalisedIn
	// may find something
	owner, initial, social, relative, mixed prRange
	// speaker holds every speaker's label of the post (see speakerNameIn)
	speaker prRange
}

// prMayFire returns the rules that may find something in doc: one pass over
// the tokens with the first, cheapest tests of each rule, so that a post
// where none can fire (most) costs one loop instead of one per rule, and a
// rule that may fire visits only the tokens that passed its tests. The
// pass itself visits only the tokens marked by the shared token pass
// (post.marks; prMarks in proper_ref_test.go is the reference of those
// marks), 64 at a time, each set
// of marks with the tests of its rules only: a token's own (visitSelf), a
// capitalised word after a cue (visitMixed), an initial (visitInitial), a
// colon or dash (visitColon). Each rule's range grows in token order, as
// each set is visited in order.
func prMayFire(doc *text.Doc, p *tokPass) prMay {
	var m prMay
	for k := range p.marks {
		base, ms := k*64, &p.marks[k].pr
		for b := ms.self; b != 0; b &= b - 1 {
			m.visitSelf(doc, base+bits.TrailingZeros64(b))
		}
		for b := ms.mixed; b != 0; b &= b - 1 {
			m.visitMixed(doc, base+bits.TrailingZeros64(b))
		}
		for b := ms.initial; b != 0; b &= b - 1 {
			m.visitInitial(doc, base+bits.TrailingZeros64(b))
		}
		for b := ms.colon; b != 0; b &= b - 1 {
			m.visitColon(doc, base+bits.TrailingZeros64(b))
		}
	}
	return m
}

// visitSelf makes at token i the tests of prMayFire that look at the token
// alone: ownerOfStaff's name, relativeUnknownIn's relative word and a cue
// of capsFullName.
func (m *prMay) visitSelf(doc *text.Doc, i int) {
	t := &doc.Tokens[i]
	n := t.End - t.Start
	if t.Kind != text.Word || n == 1 {
		return
	}
	w := doc.Lower[t.Start:t.End]
	if t.Shape&text.Title != 0 && n >= 6 && w[n-2:] == "'s" {
		m.rules |= prOwner
		m.owner.add(i)
	}
	// the words of the tables below: the words are not looked at unless
	// needed, and most are turned away by mayHave
	if n >= 3 && nmRelativeTable.mayHave(w) && nmRelativeKey(w) {
		m.rules |= prRelative
		m.relative.add(i)
	}
	if doc.AllCaps && prCapsCueTable.has(w) {
		m.rules |= prCaps
	}
}

// visitMixed makes at token i the first tests of the loop of
// unknownCapitalisedIn, the cue word last.
func (m *prMay) visitMixed(doc *text.Doc, i int) {
	toks := doc.Tokens
	t := &toks[i]
	if t.Kind != text.Word || t.Shape&text.Title == 0 || t.End-t.Start < 4 || i < 1 || t.Newline {
		return
	}
	if p := &toks[i-1]; p.Kind == text.Word && prCueTable.mayHave(doc.Lower[p.Start:p.End]) &&
		prCueTable.has(doc.Lower[p.Start:p.End]) {
		m.rules |= prMixed
		m.mixed.add(i)
	}
}

// visitInitial makes at token i the first tests of initialSurnameIn: a
// capital, then a dot glued to it.
func (m *prMay) visitInitial(doc *text.Doc, i int) {
	toks, norm := doc.Tokens, doc.Norm
	t := &toks[i]
	if t.Kind != text.Word || t.End-t.Start != 1 {
		return
	}
	if c := norm[t.Start]; 'A' <= c && c <= 'Z' && i >= 1 && i+2 < len(toks) {
		if d := &toks[i+1]; d.Kind == text.Punct && norm[d.Start] == '.' && !d.Space {
			m.rules |= prInitial
			m.initial.add(i)
		}
	}
}

// visitColon makes at token i the first tests of socialNameIn and
// speakerNameIn, whose heading or label ends at a colon or dash.
func (m *prMay) visitColon(doc *text.Doc, i int) {
	toks, lower := doc.Tokens, doc.Lower
	t := &toks[i]
	if t.Kind != text.Punct {
		return
	}
	c := doc.Norm[t.Start]
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

// The bits of a token's class in the proper nouns' marks (see tokClasses
// and prMarks). prLexTab gives the first five by the first and last bytes
// and the length of the token, prPunctTab prDot and prColon by its first
// byte, and prShapeTab masks them by its kind and case (the shared pass
// reads them through tokWordTab, tokClassTab and tokShapeTab). A sentinel
// before or after the post has the class 0.
const (
	prLex     = 1 << iota // may be a relative word (3 bytes or more) or, in a post in capitals, a cue of capsFullName (2 or more)
	prCue                 // may be a cue word of unknownCapitalisedIn (prCueTable.mayHave)
	prTitle4              // capitalised, of 4 bytes or more: unknownCapitalisedIn if a cue word precedes
	prCapital             // one capital letter: initialSurnameIn if a glued dot follows
	prOwnerS              // capitalised, of 6 bytes or more, ending in 's': the name of ownerOfStaff
	prDot                 // a '.'
	prColon               // a ':' or '-': socialNameIn or speakerNameIn if a word precedes
	prWord                // a Word
)

// prLexTab holds, at [caps][nmLensIdx(w)][min(len(w), 31)], the class bits
// of the marks that the lower-case word w's first and last bytes and length
// give, caps 1 in a post in capitals: prLex and prCue from the filters of
// the nmWordTables (mayHave), and the lengths of prTitle4, prCapital and
// prOwnerS. One load stands for three filters and three comparisons.
var prLexTab = func() *[2][256][32]uint8 {
	t := new([2][256][32]uint8)
	for caps := range 2 {
		for idx := range 256 {
			for l := range 32 {
				var f uint8
				b := uint32(1) << l
				if l >= 3 && nmRelativeTable.lens[idx]&b != 0 || caps == 1 && l >= 2 && prCapsCueTable.lens[idx]&b != 0 {
					f |= prLex
				}
				if prCueTable.lens[idx]&b != 0 {
					f |= prCue
				}
				if l >= 4 {
					f |= prTitle4
				}
				if l == 1 {
					f |= prCapital
				}
				if l >= 6 {
					f |= prOwnerS
				}
				t[caps][idx][l] = f
			}
		}
	}
	return t
}()

// prPunctTab holds prDot and prColon by first byte: only punctuation starts
// with '.', ':' or '-'.
var prPunctTab = func() (c [256]uint8) {
	c['.'], c[':'], c['-'] = prDot, prColon, prColon
	return c
}()

// prShapeTab holds at kind | (shape&(Upper|Title))<<3 the class bits of
// the marks a token of that kind and case may have: it masks prLexTab's and
// prPunctTab's, and holds prWord for a word. The spacing and line start are
// left out (prDot and prTitle4 are then a superset), which saves their
// loads at every token.
var prShapeTab = func() (c [32]uint8) {
	for k := range text.Kind(8) {
		for sh := range text.Shape(4) {
			var m uint8 = prColon | prDot
			if k == text.Word {
				m |= prWord | prLex | prCue
				if sh&text.Title != 0 {
					m |= prOwnerS | prTitle4
				}
				if sh != 0 {
					m |= prCapital
				}
			}
			c[int(k)|int(sh)<<3] = m
		}
	}
	return c
}()

// prMarkSets are the proper nouns' marks of the shared token pass (see
// tokBlock and prMarks), bit j for token base+j, by the tests that may
// pass there.
type prMarkSets struct {
	self    uint64 // the token's own (see visitSelf)
	mixed   uint64 // a capitalised word after a possible cue word (visitMixed)
	initial uint64 // a capital before a glued dot (visitInitial)
	colon   uint64 // a colon or dash after a word (visitColon)
}

// properCue are the words before a brand, shop or business name: "my new
// Cloudstep clogs", "trust Vitabloom gummies", "matched on Hinge".
var properCue = WordSet("at", "on", "my", "new", "our", "trust", "try", "tried", "use", "using",
	"love", "loving", "bought", "buy", "stocking", "stock", "recommend", "recommends", "obsessed",
	"with", "code", "via", "by", "of", "these", "this", "the", "fave", "favourite", "favorite")

// prCueTable holds the words of properCue and properPlaceCue, for the
// lookup Detect makes at every capitalised word.
var prCueTable = nmNewWordSet(properCue, properPlaceCue)

// properPlaceCue are the words before a small place: "placement in Merthyr",
// "the girl from Lubec".
var properPlaceCue = WordSet("in", "near", "outside", "around", "from", "nr")

// sentenceStart reports whether token i opens a sentence: the first token,
// or one after ., !, ?, :, a line break, or an opening quote or bracket.
func sentenceStart(doc *text.Doc, i int) bool {
	for k := i - 1; k >= 0; k-- {
		p := doc.Tokens[k]
		if p.Kind != text.Punct {
			return false
		}
		switch doc.Norm[p.Start] {
		case '.', '!', '?', ':', ';':
			return true
		case '"', '\'', '(', '[', '-', '*':
			continue
		default:
			return false
		}
	}
	return true
}

// drugStems are endings of international non-proprietary drug names.
var drugStems = []string{"ol", "olol", "pril", "sartan", "mycin", "micin", "cillin", "floxacin", "azole",
	"statin", "dipine", "afil", "mab", "nib", "tide", "ine", "ide", "ate", "one", "pam", "lam", "vir",
	"cycline", "zepam", "oxetine", "tidine", "prazole", "parin", "phylline", "terol", "sone", "lone",
	"cort", "fen", "profen", "dronate", "gliptin", "gliflozin", "formin", "zide", "semide", "lukast", "quin",
	"quine", "zin", "xin", "dur", "ex", "cet", "bien", "vent", "pro", "ban", "foam", "cath", "rol"}

// drugLike reports a word shaped like a drug or device name.
func drugLike(key string) bool {
	for _, st := range drugStems {
		if len(key) > len(st)+2 && key[len(key)-len(st):] == st {
			return true
		}
	}
	return false
}

// doseWords follow a drug: "Keflex 500 mg", "Nepro at 40cc/hr", "Ambien prn".
var doseWords = WordSet("mg", "mcg", "g", "gm", "units", "u", "ml", "cc", "gtt", "drip", "iv", "po", "pr",
	"sc", "im", "prn", "bid", "tid", "qid", "qd", "od", "bd", "tds", "qds", "nocte", "mane", "tab", "tabs",
	"tablet", "tablets", "dose", "doses", "infusion", "started", "given", "held", "dc'd", "restarted")

// doseAfter reports a dose or a drug verb within two tokens after token i.
func doseAfter(doc *text.Doc, i int) bool {
	for k := i + 1; k < len(doc.Tokens) && k <= i+2; k++ {
		t := doc.Tokens[k]
		if t.Kind == text.Number || t.Kind == text.Alnum || doseWords[doc.Lower[t.Start:t.End]] {
			return true
		}
	}
	return false
}

// staffOfPlace are words that, after an unknown name and 's, make the name a
// hospital or care provider: "Castlebrook's director of nursing".
var staffOfPlace = WordSet("director", "chief", "ceo", "cno", "board", "management", "managers",
	"nurses", "doctors", "staff", "wards", "ward", "a&e", "ed", "er", "icu", "maternity",
	"consultants", "matron", "matrons", "executive", "executives", "trust", "hr")

// ownerOfStaff matches an unknown capitalised name owning a hospital's staff
// or parts: "Castlebrook's director of nursing", "Brookfield's A&E".
func ownerOfStaff(doc *text.Doc, i int) (Candidate, bool) {
	t := doc.Tokens[i]
	w := doc.Lower[t.Start:t.End]
	if t.Kind != text.Word || t.Shape&text.Title == 0 || len(w) < 6 || w[len(w)-2:] != "'s" || i+1 >= len(doc.Tokens) {
		return Candidate{}, false
	}
	n := doc.Tokens[i+1]
	if !staffOfPlace[doc.Lower[n.Start:n.End]] {
		return Candidate{}, false
	}
	key := lexicon.Key(w[:len(w)-2])
	if e, ok := lexicon.Lookup(key); ok && (e.WordTier > 0 || e.FirstNameFreq > 0 || e.SurnameFreq > 40) {
		return Candidate{}, false // "Sarah's ward", "Smith's staff"
	}
	return Candidate{Start: t.Start, End: t.End - 2, Type: result.Hospital, Confidence: 0.6,
		Reason: "HOSPITAL: unknown name owning '" + doc.Lower[n.Start:n.End] + "'"}, true
}

// initialExclude are words that follow a capital and a dot without being a
// surname: "C. diff", "E. coli", "S. aureus", "A. fib".
var initialExclude = WordSet("diff", "dif", "coli", "aureus", "fib", "flutter", "pneumoniae", "pneumonia",
	"epi", "faecalis", "fecalis", "cloacae", "albicans", "glabrata", "marcescens", "mirabilis", "difficile",
	"aeruginosa", "influenzae", "jirovecii", "fumigatus", "baumannii", "cath", "line", "sat", "sats")

// initialSurnameIn finds an initial and a surname that no rule claimed, as staff sign and
// write each other in notes: "per K. Vellandi", "Reported to T. Ostrova", "LENA B.
// HARKOVA-SMITH, RRT". The word after the initial must be written as a name (capitalised,
// or in capitals in a capitals note), not a common word, clinical term or organism. It
// looks only at the initials in rg, which holds every initial where it may find something
// (see prMayFire).
func initialSurnameIn(doc *text.Doc, out []Candidate, rg prRange) []Candidate {
	toks := doc.Tokens
	for i := rg.lo; i < rg.end && i+2 < len(toks); i++ {
		t := toks[i]
		if t.Kind != text.Word || t.End-t.Start != 1 {
			continue // no initial: the commonest case, decided first
		}
		hyphen := i >= 2 && !t.Space && toks[i-1].Kind == text.Punct && doc.Norm[toks[i-1].Start] == '-' && !toks[i-1].Space &&
			toks[i-2].Kind == text.Word // "CARAFATE-K. VELLANDI AWARE"
		if doc.Norm[t.Start] < 'A' || doc.Norm[t.Start] > 'Z' ||
			!(t.Space || hyphen) || t.Newline || i == 0 {
			continue // glued to what precedes ("N/V. ABD", "90'S. CONT") or an outline letter ("A. SEPSIS")
		}
		if d := toks[i+1]; d.Kind != text.Punct || doc.Norm[d.Start] != '.' || d.Space {
			continue
		}
		s := toks[i+2]
		if s.Kind != text.Word || !s.Space || s.Newline || s.End-s.Start < 2 {
			continue
		}
		if doc.AllCaps && s.Shape&text.Upper == 0 || !doc.AllCaps && s.Shape&(text.Title|text.Mixed) == 0 {
			continue // not written as a name
		}
		lw := doc.Lower[s.Start:s.End]
		key := lexicon.Key(lw)
		if initialExclude[key] || nmWord(key)&(cuEponym|cuClinical|cuTitle|cuRoleSuffix) != 0 || drugLike(key) {
			continue
		}
		if e, ok := lexicon.Lookup(key); ok && (e.Any(lexicon.ClinicalTerm|lexicon.Month|lexicon.Weekday|lexicon.Title|lexicon.HealthRole|lexicon.Relative) ||
			e.WordTier > 0 && e.WordTier <= 50 && e.SurnameFreq < 100) {
			continue
		}
		start, end, last := t.Start, s.End, i+2
		// a hyphenated surname: "HARKOVA-SMITH"
		if last+2 < len(toks) && toks[last+1].Kind == text.Punct && doc.Norm[toks[last+1].Start] == '-' && !toks[last+1].Space &&
			toks[last+2].Kind == text.Word && !toks[last+2].Space {
			last += 2
			end = toks[last].End
		}
		// a first name before the initial: "LENA B. HARKOVA-SMITH"
		first := i
		if p := i - 1; p >= 0 && toks[p].Kind == text.Word && toks[i].Space && !toks[i].Newline && toks[p].End-toks[p].Start >= 2 {
			if e, ok := lexicon.Lookup(lexicon.Key(doc.Lower[toks[p].Start:toks[p].End])); ok && e.FirstNameFreq >= 60 &&
				(e.WordTier == 0 || e.WordTier > 35) && (doc.AllCaps || toks[p].Shape&text.Title != 0) {
				start, first = toks[p].Start, p
			}
		}
		typ, why := tagType(doc, tagger.Span{First: first, Last: last, Label: tagger.Name})
		out = append(out, Candidate{Start: start, End: end, Type: typ, Confidence: 0.7,
			Reason: string(typ) + ": initial + surname-shaped word (" + why + ")"})
		i = last
	}
	return out
}

// speakerNameIn finds a first name written as a speaker's label at the start of a line, as
// staff retell a conversation ("Doris: where's my tea??" / "Me: it's 3am"): the person
// quoted is very often the patient. A name that is also a common word ("Grace:", "Will:")
// counts only in a dialogue, where another line opens with a label too. It looks only at
// the labels in rg, which holds every label of the post (see prMayFire).
func speakerNameIn(doc *text.Doc, out []Candidate, rg prRange) []Candidate {
	if doc.AllCaps || doc.AllLower {
		return out // headings of one-case notes ("SOCIAL:", "plan:") look the same
	}
	toks := doc.Tokens
	// label reports whether token i is a word opening a line, glued to a
	// colon, with more text on its line.
	label := func(i int) bool {
		t, c := toks[i], toks[i+1]
		return (i == 0 || t.Newline) && t.Kind == text.Word && c.Kind == text.Punct && doc.Norm[c.Start] == ':' &&
			c.Start == t.End && !toks[i+2].Newline
	}
	labels := 0
	for i := rg.lo; i < rg.end && i+2 < len(toks); i++ {
		if label(i) {
			labels++
		}
	}
	for i := rg.lo; i < rg.end && i+2 < len(toks); i++ {
		t := toks[i]
		if !label(i) || t.Shape&text.Title == 0 || t.End-t.Start < 3 {
			continue
		}
		key := lexicon.Key(doc.Lower[t.Start:t.End])
		e, ok := lexicon.Lookup(key)
		if !ok || e.FirstNameFreq < 100 || e.Any(lexicon.Relative|lexicon.Title|lexicon.HealthRole|lexicon.ClinicalTerm) ||
			nmWord(key) != 0 {
			continue
		}
		conf, why := 0.62, "first name as a speaker's label at the start of a line"
		if e.WordTier > 0 && e.WordTier <= 50 { // also a common word (SCOWL size 50 or less)
			if labels < 2 {
				continue // alone it may be a heading or the word
			}
			conf, why = 0.58, "a common word as a speaker's label in a dialogue"
		}
		out = append(out, Candidate{Start: t.Start, End: t.End, Type: result.NameOther, Confidence: conf,
			Reason: "NAME_OTHER: " + why})
	}
	return out
}

// socialHeadings open a note's section about family and visitors.
var socialHeadings = WordSet("social", "family", "soc", "psychosocial", "visitors", "dispo")

// prSocialTable holds socialHeadings, for the test prMayFire makes at every colon and dash.
var prSocialTable = nmNewWordSet(socialHeadings)

// visitVerbs follow a visitor's name: "bob visited", "Ann called".
var visitVerbs = WordSet("visited", "visiting", "visits", "called", "phoned", "rang", "came", "updated", "aware",
	"here", "present", "spoke", "talked", "stayed", "left", "arrived", "in")

// socialNameIn finds a first name that opens a note's social section and does what visitors
// do ("social: bob visited in the evening"): in notes typed in lower case such a name has
// no capital to show it. It looks only at the names in rg, which holds every word after a
// heading where it may find something (see prMayFire).
func socialNameIn(doc *text.Doc, out []Candidate, rg prRange) []Candidate {
	toks := doc.Tokens
	for i := max(rg.lo, 2); i < rg.end && i+1 < len(toks); i++ {
		c := toks[i-1]
		if c.Kind != text.Punct {
			continue // the commonest case, decided first
		}
		h, t, v := toks[i-2], toks[i], toks[i+1]
		if (doc.Norm[c.Start] != ':' && doc.Norm[c.Start] != '-') || h.Kind != text.Word ||
			!socialHeadings[doc.Lower[h.Start:h.End]] || t.Kind != text.Word || v.Kind != text.Word || v.Newline {
			continue
		}
		key := lexicon.Key(doc.Lower[t.Start:t.End])
		e, ok := lexicon.Lookup(key)
		if !ok || e.FirstNameFreq < 100 || e.Any(lexicon.Relative|lexicon.Title|lexicon.HealthRole|lexicon.ClinicalTerm) ||
			nmWord(key)&(cuEponym|cuClinical) != 0 || !visitVerbs[doc.Lower[v.Start:v.End]] {
			continue
		}
		out = append(out, Candidate{Start: t.Start, End: t.End, Type: result.NameRelative, Confidence: 0.66,
			Reason: "NAME_RELATIVE: first name opening the '" + doc.Lower[h.Start:h.End] + ":' section, then '" + doc.Lower[v.Start:v.End] + "'"})
	}
	return out
}

// relativeUnknownIn finds a relative's name that no list knows, written right after a
// relative word (see nmRelativeKey) ("communication with husband radovan.", "Family: Son,
// Ed, was updated"): a word the lexicon does not know at all, or a listed first name set
// off by commas. It looks only at the relative words in rg, which holds every relative word
// of the post (see prMayFire).
func relativeUnknownIn(doc *text.Doc, out []Candidate, rg prRange) []Candidate {
	toks := doc.Tokens
	for i := rg.lo; i < rg.end && i+1 < len(toks); i++ {
		r := toks[i]
		if r.Kind != text.Word || r.End-r.Start < 3 || !nmRelativeKey(doc.Lower[r.Start:r.End]) {
			continue // a switch on the word: no lexicon lookup for most words
		}
		k, comma := i+1, false
		if toks[k].Kind == text.Punct && doc.Norm[toks[k].Start] == ',' && k+1 < len(toks) {
			k, comma = k+1, true
		}
		t := toks[k]
		if t.Kind != text.Word || t.Newline || t.End-t.Start < 2 {
			continue
		}
		lw := doc.Lower[t.Start:t.End]
		key := lexicon.Key(lw)
		if nmWord(key)&(cuEponym|cuClinical|cuTitle|cuRoleSuffix) != 0 {
			continue
		}
		e, known := lexicon.Lookup(key)
		switch {
		case comma:
			// "Son, Ed, was…": a capitalised first name between commas
			n := k + 1
			if !known || e.FirstNameFreq < 60 || t.Shape&text.Title == 0 || n >= len(toks) || toks[n].Kind != text.Punct || doc.Norm[toks[n].Start] != ',' {
				continue
			}
		default:
			// "husband radovan.": a word no list knows, then the end of the clause
			if known || len(lw) < 4 || drugLike(key) || likelyTypo(key) {
				continue
			}
			if n := k + 1; n < len(toks) && toks[n].Kind == text.Word && !toks[n].Newline {
				if !visitVerbs[doc.Lower[toks[n].Start:toks[n].End]] {
					continue
				}
			}
		}
		out = append(out, Candidate{Start: t.Start, End: t.End, Type: result.NameRelative, Confidence: 0.62,
			Reason: "NAME_RELATIVE: a name right after '" + doc.Lower[r.Start:r.End] + "'"})
		i = k
	}
	return out
}

// capsNameCues come before or after a member of staff's full name in a note
// typed in capitals: "CONTACTS KAREN…", "…TURA AWARE".
var (
	capsNameBefore = WordSet("contacts", "contacted", "contact", "with", "per", "to", "by", "caseworker", "called",
		"paged", "page", "notified", "informed", "updated")
	capsNameAfter = WordSet("aware", "notified", "paged", "called", "updated", "informed", "rn", "md", "np", "pa",
		"rrt", "in", "at", "here", "present")
)

// capsFullName finds a full name in a note typed in capitals that the name
// rules leave alone: a first name that is no English word, then one or two
// more name words (first names, surnames, or words no list knows), with a
// word of contact or report next to it ("CONTACTS MARGARET ANN VOLKOVIC",
// "BEA KOLARIC AWARE").
func capsFullName(doc *text.Doc, out []Candidate) []Candidate {
	if !doc.AllCaps {
		return out
	}
	toks := doc.Tokens
	word := func(k int) (lexicon.Entry, bool, string) { // entry, known, key
		key := lexicon.Key(doc.Lower[toks[k].Start:toks[k].End])
		e, ok := lexicon.Lookup(key)
		return e, ok, key
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Kind != text.Word {
			continue
		}
		e, ok, key := word(i)
		if !ok || e.FirstNameFreq < 60 || e.WordTier != 0 || e.Any(contextFlags) || nmWord(key) != 0 {
			continue
		}
		last := i
		for k := i + 1; k < len(toks) && k <= i+2; k++ {
			t := toks[k]
			if t.Kind != text.Word || t.Newline || !t.Space || t.End-t.Start < 2 {
				break
			}
			e2, ok2, key2 := word(k)
			if nmWord(key2) != 0 || ok2 && (e2.WordTier != 0 || e2.Any(contextFlags) ||
				e2.FirstNameFreq == 0 && e2.SurnameFreq == 0) ||
				!ok2 && (t.End-t.Start < 4 || drugLike(key2) || likelyTypo(key2)) {
				break
			}
			last = k
		}
		if last == i {
			continue
		}
		cue := ""
		if p := i - 1; p >= 0 && toks[p].Kind == text.Word && !toks[i].Newline && capsNameBefore[doc.Lower[toks[p].Start:toks[p].End]] {
			cue = doc.Lower[toks[p].Start:toks[p].End]
		} else if n := last + 1; n < len(toks) && toks[n].Kind == text.Word && !toks[n].Newline && capsNameAfter[doc.Lower[toks[n].Start:toks[n].End]] {
			cue = doc.Lower[toks[n].Start:toks[n].End]
		}
		if cue == "" {
			continue
		}
		typ, why := tagType(doc, tagger.Span{First: i, Last: last, Label: tagger.Name})
		out = append(out, Candidate{Start: toks[i].Start, End: toks[last].End, Type: typ, Confidence: 0.64,
			Reason: string(typ) + ": first name + name words in a capitals note, by '" + cue + "' (" + why + ")"})
		i = last
	}
	return out
}

// prCapsCueTable holds the words of capsNameBefore and capsNameAfter:
// capsFullName finds nothing in a post without one.
var prCapsCueTable = nmNewWordSet(capsNameBefore, capsNameAfter)

// contextFlags are the lexicon flags of words that are never part of a name.
const contextFlags = lexicon.Title | lexicon.Month | lexicon.Weekday | lexicon.Relative | lexicon.HealthRole |
	lexicon.HospitalCue | lexicon.RoomCue | lexicon.WardUnit | lexicon.ClinicalTerm

// likelyTypo reports whether a word no list knows is one slip from a common
// English word: a letter too many ("visisted", "memebers") or two letters
// swapped ("recieved"). Such words are far more often typos in a note than
// names.
func likelyTypo(key string) bool {
	if len(key) < 5 || len(key) > 20 {
		return false
	}
	var buf [20]byte
	common := func(w []byte) bool {
		e, ok := lexicon.Lookup(string(w))
		return ok && e.WordTier > 0 && e.WordTier <= 70
	}
	for i := range len(key) { // one letter dropped
		n := copy(buf[:], key[:i])
		n += copy(buf[n:], key[i+1:])
		if common(buf[:n]) {
			return true
		}
	}
	for i := 0; i+1 < len(key); i++ { // two neighbours swapped
		copy(buf[:], key)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		if buf[i] != buf[i+1] && common(buf[:len(key)]) {
			return true
		}
	}
	return false
}
