package detect

import (
	"math"
	"slices"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/tagger"
	"github.com/scrubshq/scrubs/internal/text"
)

// The statistical fallback family: the tagger of internal/tagger labels
// each word as a name, a place or neither from its shape, lexicon facts and
// the words around it. Its spans fill the gaps the rules leave — a surname
// without a title, names in all-caps or all-lower notes, a hospital known by
// a local name — and never override a rule: a span is reported only where
// no other family's candidate lies, with a confidence that grows with the
// tagger's margin but stays under the rules' usual confidence.

// taggerDetectors returns the fallback detector, or none when the model
// cannot be read (the rules still run).
func taggerDetectors() []Detector {
	m, err := tagger.Default()
	if err != nil {
		return nil
	}
	return []Detector{taggedDetector{m}}
}

type taggedDetector struct{ m *tagger.Model }

func (taggedDetector) Name() string { return "tagger" }

// The margins (in the model's units) under which a tagged name or place is
// not reported, and what a name no name list knows must add. Chosen on the
// project's own corpus and the deid development half: the tagger's names
// bring recall at a small cost in precision; its places bring little, so
// only very sure ones are kept.
const (
	tagMinMargin     = 8.0
	tagMinMarginLoc  = 40.0
	tagUnlistedExtra = 8.0
)

func (d taggedDetector) Detect(doc *text.Doc, out []Candidate) []Candidate {
	if len(doc.Tokens) == 0 {
		return out
	}
	sc := tgPool.Get().(*tgScratch)
	out = d.detectWith(doc, sc, out)
	// no defer: a panic only costs the pool this scratch
	sc.st.Release()
	tgPool.Put(sc)
	return out
}

func (d taggedDetector) detect(p *post, out []Candidate) []Candidate { return d.Detect(p.doc, out) }

// detectBatch is Detect of each post with one scratch from the pool.
func (d taggedDetector) detectBatch(posts []post, cands [][]Candidate) {
	sc := tgPool.Get().(*tgScratch)
	for i := range posts {
		if doc := posts[i].doc; len(doc.Tokens) > 0 {
			cands[i] = d.detectWith(doc, sc, cands[i])
		}
	}
	sc.st.Release()
	tgPool.Put(sc)
}

// detectWith is Detect with the scratch sc.
func (d taggedDetector) detectWith(doc *text.Doc, sc *tgScratch, out []Candidate) []Candidate {
	st := &sc.st
	fixed := st.Prepare(doc)
	for ci := range out {
		c := &out[ci] // not a copy of the candidate: most are skipped
		if c.Confidence < 0.5 {
			continue
		}
		l := int8(tagger.Outside)
		switch {
		case c.Type.IsName():
			l = int8(tagger.Name)
		case c.Type == result.Hospital || c.Type == result.City || c.Type == result.Organization ||
			c.Type == result.Street || c.Type == result.Country:
			l = int8(tagger.Loc)
		}
		for k := tgTokenAt(doc.Tokens, c.Start); k < len(doc.Tokens) && doc.Tokens[k].Start < c.End; k++ {
			fixed[k] = l
		}
	}
	// The tokens the tagger decides that could bring a candidate lie in
	// [lo, hi]: a scored word the veto left, longer than one letter (see
	// below); lo > hi when there is none.
	lo, hi := len(doc.Tokens), -1
	st.EachScored(func(k int, known bool) {
		t := &doc.Tokens[k]
		if sc.veto.notTaggableAt(doc.Lower, t.Start, t.End, known) {
			fixed[k] = int8(tagger.Outside)
		} else if t.End-t.Start > 1 {
			// A one-letter word is scored, but the tagger's runs are
			// made of scored words, and emit reports none that ends on
			// one letter: only a longer word can bring a candidate.
			lo, hi = min(lo, k), k
		}
	})
	if lo > hi {
		return out // nothing left for the tagger to decide
	}
	toks := d.m.Tag(st)
	if !anyTagged(doc, fixed, toks, lo, hi) {
		return out // every run would end on one letter
	}
	for _, whole := range tagger.Spans(doc, toks, sc.spans[:0]) {
		// Every token under another family's candidate is fixed above, so
		// the unfixed runs overlap no candidate: nothing to check again.
		for _, sp := range unfixedRuns(doc, whole, fixed, toks, sc.runs[:0]) {
			out = d.emit(doc, sp, out)
		}
	}
	return out
}

// tgTokenAt is doc.TokenAt for a text whose tokens are toks: the index of
// the first token that ends after byte off (len(toks) if none). It halves
// the range with a mask rather than a branch: which half holds a
// candidate's start is a coin toss at every step, which a branch would
// mispredict about half the time. After each step the index sought lies in
// base to base+n; the step count depends only on len(toks).
func tgTokenAt(toks []text.Token, off int) int {
	if len(toks) == 0 {
		return 0
	}
	base, n := 0, len(toks)
	for n > 1 {
		half := n / 2
		// the compiler makes an if here a branch: a mask instead
		base += half & -tgBit(toks[base+half].End <= off)
		n -= half
	}
	return base + tgBit(toks[base].End <= off)
}

// tgBit returns 1 for true and 0 for false; the compiler makes it a SETcc,
// not a branch. (Named for the family: other files of the package may
// have a helper of their own.)
func tgBit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// anyTagged reports whether the tagger labelled a name or place one of the
// unfixed words of tokens lo to hi longer than one letter: the only words
// that can end a run emit reports.
func anyTagged(doc *text.Doc, fixed []int8, toks []tagger.Token, lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if toks[k].Label != tagger.Outside && fixed[k] < 0 && doc.Tokens[k].End-doc.Tokens[k].Start > 1 {
			return true
		}
	}
	return false
}

// unfixedRuns appends to runs the parts of a tagged span made of tokens the
// tagger decided itself (the rules' names keep their own candidates).
func unfixedRuns(doc *text.Doc, sp tagger.Span, fixed []int8, toks []tagger.Token, runs []tagger.Span) []tagger.Span {
	cur := tagger.Span{First: -1, Label: sp.Label}
	for k := sp.First; k <= sp.Last; k++ {
		t := doc.Tokens[k]
		switch {
		case fixed[k] >= 0:
			if cur.First >= 0 {
				runs = append(runs, cur)
			}
			cur = tagger.Span{First: -1, Label: sp.Label}
		case t.Kind == text.Punct:
			// a joiner inside the run; a run never ends on one
		case cur.First < 0:
			cur = tagger.Span{Start: t.Start, End: t.End, First: k, Last: k, Label: sp.Label, Margin: toks[k].Margin}
		default:
			cur.End, cur.Last = t.End, k
			cur.Margin = min(cur.Margin, toks[k].Margin)
		}
	}
	if cur.First >= 0 {
		runs = append(runs, cur)
	}
	return runs
}

// emit appends the candidate of one tagged run, unless its margin is too
// small.
func (d taggedDetector) emit(doc *text.Doc, sp tagger.Span, out []Candidate) []Candidate {
	floor := float32(tagMinMargin)
	if sp.Label == tagger.Loc {
		floor = tagMinMarginLoc
	} else if !anyListedName(doc, sp) {
		floor += tagUnlistedExtra // a word no name list knows needs more certainty
	}
	// An initial counts only with its dot and a name after it ("K. Vellandi"):
	// a lone letter is far more often "w" (with), "R" (right) or "a".
	for sp.First < sp.Last && doc.Tokens[sp.First].End-doc.Tokens[sp.First].Start == 1 &&
		(sp.First+1 >= len(doc.Tokens) || doc.Norm[doc.Tokens[sp.First+1].Start] != '.') {
		sp.First++
		for sp.First < sp.Last && doc.Tokens[sp.First].Kind == text.Punct {
			sp.First++
		}
		sp.Start = doc.Tokens[sp.First].Start
	}
	if doc.Tokens[sp.Last].End-doc.Tokens[sp.Last].Start == 1 {
		return out // ends on a letter: no surname
	}
	if sp.Margin < floor {
		return out
	}
	if sp.Label == tagger.Name && firstPersonIn(doc, sp) {
		return out // "As a nurse I've seen…": "Ive" is a first name, "I've" never is
	}
	if sp.Label == tagger.Name && (famousAfterTitle(doc, sp.First) || nmPetAt(doc, sp.First, sp.Last) || feastGreetingAt(doc, sp)) {
		return out // "Dr Watson": the character; "my dog Bella": a pet; "Ramadan Kareem": a greeting (the name family skipped them too)
	}
	if sp.Label == tagger.Name {
		sp = withBarrels(doc, sp, out)
	}
	conf := 0.5 + 0.22*(1-math.Exp(-float64(sp.Margin-floor)/4))
	typ, why := tagType(doc, sp)
	return append(out, Candidate{Start: sp.Start, End: sp.End, Type: typ, Confidence: conf,
		Reason: string(typ) + ": tagger (" + why + ")"})
}

// firstPersonIn reports a tagged run holding a first-person contraction
// ("I've", "I'd", "I'll"): the tagger scores the word without its
// apostrophe, which can be a first name ("Ive", "Ill" a surname), but the
// writer is never a name of the post.
func firstPersonIn(doc *text.Doc, sp tagger.Span) bool {
	for k := sp.First; k <= sp.Last; k++ {
		t := doc.Tokens[k]
		if t.End-t.Start > 2 && doc.Lower[t.Start] == 'i' && doc.Lower[t.Start+1] == '\'' {
			return true
		}
	}
	return false
}

// feastGreetingAt reports a tagged run that is, or ends, a feast's greeting
// ("Ramadan Kareem", "Eid Mubarak"; see nmFeastGreeting).
func feastGreetingAt(doc *text.Doc, sp tagger.Span) bool {
	p := sp.Last - 1
	for p >= 0 && doc.Tokens[p].Kind == text.Punct {
		p--
	}
	low := func(k int) string { return doc.Lower[doc.Tokens[k].Start:doc.Tokens[k].End] }
	return p >= 0 && nmFeastGreeting(low(p), low(sp.Last))
}

// famousAfterTitle reports a tagged word k that makes a famous pair with the
// title before it ("Dr Pepper", "Mr. Bean"; see nmFamousAt).
func famousAfterTitle(doc *text.Doc, k int) bool {
	p := k - 1
	if p >= 0 && doc.Tokens[p].Kind == text.Punct && doc.Norm[doc.Tokens[p].Start] == '.' {
		p--
	}
	return p >= 0 && nmFamousAt(doc, p, k)
}

// withBarrels extends a tagged name over the rest of a double-barrelled
// surname ("Tamsin Okonkwo-Reyes"): the tagger often labels only the part
// before the hyphen, and a redaction that stopped there would leave the rest
// readable. A part counts when it is glued to the hyphen, written as a name
// (capitalised, even if an eponym: "Okonkwo-Parkinson"; in a capitals note,
// not a common, clinical or role word), and no other candidate holds it.
func withBarrels(doc *text.Doc, sp tagger.Span, cands []Candidate) tagger.Span {
	toks := doc.Tokens
	for k := sp.Last; k+2 < len(toks); k += 2 {
		h, w := toks[k+1], toks[k+2]
		if h.Kind != text.Punct || doc.Norm[h.Start] != '-' || h.End-h.Start != 1 || h.Start != toks[k].End ||
			w.Start != h.End || w.Kind != text.Word || w.End-w.Start < 2 {
			break
		}
		if doc.AllCaps {
			key := lexicon.Key(doc.Lower[w.Start:w.End])
			if e, ok := lexicon.Lookup(key); ok && e.WordTier > 0 && e.WordTier <= 50 ||
				nmWord(key)&(cuEponym|cuClinical|cuTitle|cuRoleSuffix) != 0 {
				break
			}
		} else if w.Shape&text.Title == 0 {
			break // "Okonkwo-led"
		}
		if slices.ContainsFunc(cands, func(c Candidate) bool { return c.Confidence >= 0.5 && c.Start < w.End && c.End > h.Start }) {
			break
		}
		sp.Last, sp.End = k+2, w.End
	}
	return sp
}

// anyListedName reports whether a word of the span is on a name list.
func anyListedName(doc *text.Doc, sp tagger.Span) bool {
	for k := sp.First; k <= sp.Last; k++ {
		t := doc.Tokens[k]
		if t.Kind != text.Word || t.End-t.Start < 2 {
			continue
		}
		if e, ok := lexicon.Lookup(lexicon.Key(doc.Lower[t.Start:t.End])); ok && (e.FirstNameFreq >= 60 || e.SurnameFreq >= 60) {
			return true
		}
	}
	return false
}

// notTaggable reports a word the name family knows is no name: an eponym,
// drug, device or charting word ("Foley", "aline", "Quinton"), a clinical
// or role word, a title; or an unknown word shaped like a drug or one slip
// from a common word (a typo).
func notTaggable(lw string, known bool) bool {
	key := lexicon.Key(lw)
	return nmWord(key)&(cuEponym|cuClinical|cuTitle|cuRoleSuffix) != 0 || !known && (drugLike(key) || likelyTypo(key)) ||
		rolePlural(key)
}

// rolePlural reports the plural of a health role ("radiographers", "physios"):
// a group spoken to ("Sonographers, any tips?"), never a name.
func rolePlural(key string) bool {
	n := len(key)
	if n < 5 || key[n-1] != 's' {
		return false
	}
	e, ok := lexicon.Lookup(key[:n-1])
	return ok && e.Any(lexicon.HealthRole) && e.FirstNameFreq == 0 && e.SurnameFreq == 0
}

// credentials follow a staff member's name: "Jane Smith, RN".
var credentials = WordSet("rn", "md", "np", "pa", "rrt", "do", "lpn", "cna", "licsw", "lcsw", "msw", "pt", "ot",
	"slp", "pharmd", "crna", "aprn", "fnp", "dnp", "phd", "mbbs", "frcs", "mrcp", "rgn", "rmn", "hca")

// tagType gives a tagged span its entity type from the words around it.
func tagType(doc *text.Doc, sp tagger.Span) (result.Type, string) {
	if sp.Label == tagger.Loc {
		for k := sp.First; k <= sp.Last; k++ {
			t := doc.Tokens[k]
			if e, ok := lexicon.Lookup(lexicon.Key(doc.Lower[t.Start:t.End])); ok &&
				e.Any(lexicon.PlaceGB|lexicon.PlaceUS|lexicon.PlaceOther|lexicon.Region|lexicon.County) && !e.Any(lexicon.HospitalName) {
				if sp.First == sp.Last && e.Any(lexicon.Region) && !e.Any(lexicon.County) {
					// "at the Vermont midwives' summit": a country's or state's name
					// alone, whatever towns share it.
					return result.Country, "a country or state by context"
				}
				return result.City, "a place by context"
			}
		}
		return result.Hospital, "an institution by context"
	}
	for k := sp.First - 1; k >= 0 && k >= sp.First-3 && !doc.Tokens[k+1].Newline; k-- {
		t := doc.Tokens[k]
		if t.Kind != text.Word || doc.Lower[t.Start:t.End] == "pt" {
			continue // "pt" is the patient far more often than a physiotherapist
		}
		e, ok := lexicon.Lookup(lexicon.Key(doc.Lower[t.Start:t.End]))
		if !ok {
			continue
		}
		if e.Any(lexicon.Relative) {
			return result.NameRelative, "a name after '" + doc.Lower[t.Start:t.End] + "'"
		}
		if e.Any(lexicon.HealthRole) || credentials[doc.Lower[t.Start:t.End]] {
			return result.NameStaff, "a name after '" + doc.Lower[t.Start:t.End] + "'"
		}
	}
	if k := onDutyAfter(doc, sp.Last); k >= 0 {
		return result.NameStaff, "on duty: 'on " + doc.Lower[doc.Tokens[k].Start:doc.Tokens[k].End] + "' after the name"
	}
	if k := signoffRoleAfter(doc, sp.First, sp.Last); k >= 0 {
		return result.NameStaff, "a sign-off with a health role: '" + doc.Lower[doc.Tokens[k].Start:doc.Tokens[k].End] + "'"
	}
	// "Jane Smith RN", "Jane Smith, RN"
	k := sp.Last + 1
	if k < len(doc.Tokens) && doc.Tokens[k].Kind == text.Punct && doc.Norm[doc.Tokens[k].Start] == ',' {
		k++
	}
	if k < len(doc.Tokens) && !doc.Tokens[k].Newline && doc.Tokens[k].Kind == text.Word && credentials[doc.Lower[doc.Tokens[k].Start:doc.Tokens[k].End]] {
		return result.NameStaff, "a name before '" + doc.Lower[doc.Tokens[k].Start:doc.Tokens[k].End] + "'"
	}
	// "KOVALIK AWARE", "per Kovalik": staff are told and give orders
	if n := sp.Last + 1; n < len(doc.Tokens) && !doc.Tokens[n].Newline && doc.Tokens[n].Kind == text.Word &&
		staffAfter[doc.Lower[doc.Tokens[n].Start:doc.Tokens[n].End]] {
		return result.NameStaff, "a name before '" + doc.Lower[doc.Tokens[n].Start:doc.Tokens[n].End] + "'"
	}
	if p := sp.First - 1; p >= 0 && !doc.Tokens[sp.First].Newline && doc.Tokens[p].Kind == text.Word &&
		doc.Lower[doc.Tokens[p].Start:doc.Tokens[p].End] == "per" {
		return result.NameStaff, "a name after 'per'"
	}
	return result.NameOther, "a name by context"
}

// staffAfter follow a member of staff's name in a note: they are told.
var staffAfter = WordSet("aware", "notified", "paged", "informed", "consulted")
