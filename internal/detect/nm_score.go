package detect

import (
	"hash/maphash"
	"math"
	"math/bits"
)

// The name detector scores each candidate with a small logistic model: the
// bias plus the weights of the features that fired (some scaled by a strength
// in 0..1), squashed by the logistic function. Every weight is a constant in
// nmFeatures, so the model can be tuned in one place, and the Reason of a
// candidate lists the features that fired.

type nmFeat uint8

const (
	// positive evidence
	nfTitle      nmFeat = iota // a title before the name: "Dr", "Mrs"
	nfFirst                    // first-name list (scaled by popularity)
	nfSurname                  // surname list (scaled by popularity)
	nfFullName                 // first name followed by a surname
	nfMultiCap                 // two or more capitalised words together
	nfInitials                 // initials: "J.S.", "J. Smith"
	nfSurForm                  // Mc/Mac/O' surname form
	nfCapMid                   // capitalised mid-sentence
	nfCapStart                 // capitalised at a sentence start
	nfUpperMixed               // an ALL-CAPS word in mixed-case text (after a name or title)
	nfCalled                   // "called X", "named X"
	nfPersonNoun               // "a lady X", "pt X", "my colleague X"
	nfRelative                 // "her son X", "WIFE MARY"
	nfRelAfter                 // "X (son)", "X, her daughter"
	nfStaffFrame               // "X from nights", "X the HCA", "Sarah RN"
	nfGreeting                 // "Hi Tom", "Happy birthday Sarah"
	nfSignoff                  // a sign-off at the end: "Thanks, Jen"
	nfSubjVerb                 // subject of a human verb: "Sarah said"
	nfSubjAux                  // followed by is/was/has
	nfPrep                     // after with/by/to: "with Mary"
	nfAge                      // followed by an age: "X (94)", "X, 94,"
	nfBed                      // "X in bed 4"
	nfPossRel                  // "Doris's daughter"
	nfCoord                    // "X and Y" with another name
	nfNoLowerUse               // a word-name never written in lower case in the post
	nfPossessive               // a listed first name with a possessive: "Ffion's hen do"
	nfVocative                 // the post opens by addressing someone: "Jade hun", "Kelly, ..."
	// negative evidence
	nfUnknown    // in no name list
	nfLowerMixed // lower case in mixed-case text
	nfCommon     // also a common word (scaled by how common)
	nfPlace      // a place name (scaled by population)
	nfPlacePrep  // a place name after in/at/from
	nfMonth      // a month in a date context
	nfWeekday    // a weekday
	nfEponym     // an eponym, drug or product
	nfClinical   // a clinical term
	nfClinNext   // followed by disease/syndrome/sign…
	nfOrgNext    // followed by Hospital/Ward/Street…
	nfHeading    // part of an all-caps heading in mixed text
	nfQuestion   // "Will you", "May I"
	nfStartOnly  // a lone sentence-start word with no other evidence
	nfCount
)

// nmFeatures holds the name and weight of each feature, in nmFeat order.
var nmFeatures = [nfCount]struct {
	name string
	w    float64
}{
	nfTitle:      {"title", 4.2},
	nfFirst:      {"first-name list", 1.7},
	nfSurname:    {"surname list", 1.2},
	nfFullName:   {"first name + surname", 1.0},
	nfMultiCap:   {"several capitalised words", 0.5},
	nfInitials:   {"initials", 0.9},
	nfSurForm:    {"Mc/Mac/O' surname", 1.0},
	nfCapMid:     {"capitalised mid-sentence", 1.3},
	nfCapStart:   {"capitalised at sentence start", 0.2},
	nfUpperMixed: {"capitals in mixed text", 0.4},
	nfCalled:     {"'called/named' frame", 3.2},
	nfPersonNoun: {"person-noun frame", 2.0},
	nfRelative:   {"relative frame", 2.8},
	nfRelAfter:   {"relative apposition", 2.0},
	nfStaffFrame: {"staff frame", 2.2},
	nfGreeting:   {"greeting", 2.0},
	nfSignoff:    {"sign-off", 2.2},
	nfSubjVerb:   {"subject of a verb", 2.0},
	nfSubjAux:    {"followed by is/was/has", 0.4},
	nfPrep:       {"after with/by/to", 0.4},
	nfAge:        {"followed by an age", 2.0},
	nfBed:        {"'in bed N'", 2.0},
	nfPossRel:    {"possessive + relative", 1.8},
	nfCoord:      {"joined to another name", 0.9},
	nfNoLowerUse: {"not used in lower case", 0.3},
	nfPossessive: {"possessive of a first name", 1.2},
	nfVocative:   {"addressed at the start", 1.8},
	nfUnknown:    {"in no name list", -0.9},
	nfLowerMixed: {"lower case in mixed text", -1.6},
	nfCommon:     {"common word", -2.4},
	nfPlace:      {"place name", -2.4},
	nfPlacePrep:  {"place after in/at/from", -3.0},
	nfMonth:      {"month in a date", -5},
	nfWeekday:    {"weekday", -4},
	nfEponym:     {"eponym, drug or product", -5},
	nfClinical:   {"clinical term", -3.5},
	nfClinNext:   {"eponym before a clinical noun", -6},
	nfOrgNext:    {"followed by a place or organisation word", -6},
	nfHeading:    {"all-caps heading", -2.5},
	nfQuestion:   {"modal before a pronoun", -4},
	nfStartOnly:  {"lone sentence-start word", -0.6},
}

// nmBias is the score of a candidate with no evidence at all.
const nmBias = -2.2

// nmEmitMin is the lowest confidence the name detector emits (the engine
// then applies its own threshold, 0.5 by default).
const nmEmitMin = 0.4

// nmRejectBelow is a score whose confidence is surely below nmEmitMin
// (1/(1+e^0.41) ≈ 0.399), with room for rounding: below it judge need not
// compute the confidence.
const nmRejectBelow = -0.41

// nmScore accumulates the features of one candidate.
type nmScore struct {
	v     [nfCount]float32 // strength of each feature that fired, 0 if not
	sum   float64          // the weighted sum of the features
	fired uint64           // bit f set when v[f] != 0
}

// set records feature f with a strength in 0..1 (the strongest evidence of
// a feature counts, not the sum).
func (s *nmScore) set(f nmFeat, strength float64) {
	if old := float64(s.v[f]); strength > old {
		s.v[f] = float32(strength)
		s.sum += nmFeatures[f].w * (float64(s.v[f]) - old)
		if s.v[f] != 0 {
			s.fired |= 1 << f
		}
	}
}

func (s *nmScore) on(f nmFeat) bool { return s.fired&(1<<f) != 0 }

// soften scales the weight feature f already added by k (0..1): strong
// evidence of another kind makes a weak objection count less.
func (s *nmScore) soften(f nmFeat, k float64) {
	if s.v[f] != 0 {
		s.sum -= nmFeatures[f].w * float64(s.v[f]) * (1 - k)
	}
}

// anyFrame reports whether a framing feature fired: words around the
// candidate that say it is a person, not the word itself.
func (s *nmScore) anyFrame() bool { return s.fired&nmFrameFeats != 0 }

// nmFrameFeats are the framing features of anyFrame, as a bit set.
const nmFrameFeats = 1<<nfCalled | 1<<nfPersonNoun | 1<<nfRelative | 1<<nfRelAfter | 1<<nfStaffFrame |
	1<<nfGreeting | 1<<nfSignoff | 1<<nfSubjVerb | 1<<nfAge | 1<<nfBed | 1<<nfPossRel | 1<<nfCoord

// nmPosFeats and nmNegFeats are the features of positive and of negative
// weight, as bit sets (the order of the Reason).
var nmPosFeats, nmNegFeats = func() (pos, neg uint64) {
	for f, ft := range nmFeatures {
		if ft.w > 0 {
			pos |= 1 << f
		} else if ft.w < 0 {
			neg |= 1 << f
		}
	}
	return
}()

func (s *nmScore) total() float64 { return nmBias + s.sum }

func (s *nmScore) confidence() float64 {
	c := 1 / (1 + math.Exp(-s.total()))
	if c > 0.99 {
		c = 0.99
	}
	return c
}

// reason lists the features that fired, the positive ones first, then the
// negative ones (each in nmFeat order), and the role cue when one decided.
// It builds the text in the detector's scratch buffer.
func (s *nmScore) reason(st *nmState, title string, rc nmRoleWhy) string {
	b := append(st.rbuf[:0], "name:"...)
	if list, ok := st.features(s.fired); !ok {
		b = nmAppendFeatures(b, s.fired, title)
	} else {
		if s.fired&(1<<nfTitle) != 0 && title != "" {
			// the title comes first (nfTitle is the first feature): its word goes after it
			n := len(" ") + len(nmFeatures[nfTitle].name)
			b = append(b, list[:n]...)
			b = append(b, " '"...)
			b = append(b, title...)
			b = append(b, '\'')
			list = list[n:]
		}
		b = append(b, list...)
	}
	if rc.lead != "" {
		b = append(b, "; "...)
		b = append(b, rc.lead...)
		b = st.appendWhy(b, rc.why)
	}
	st.rbuf = b
	return st.intern(b)
}

// nmAppendFeatures appends to b the list of the features in fired as the
// Reason gives it (" title 'Dr' + first-name list - common word"), with the
// title's word if title is not empty.
func nmAppendFeatures(b []byte, fired uint64, title string) []byte {
	n := 0
	for pass, set := range [2]uint64{fired & nmPosFeats, fired & nmNegFeats} {
		for ; set != 0; set &= set - 1 {
			f := nmFeat(bits.TrailingZeros64(set))
			switch {
			case pass == 1:
				b = append(b, " -"...)
			case n > 0:
				b = append(b, " +"...)
			}
			b = append(b, ' ')
			b = append(b, nmFeatures[f].name...)
			if f == nfTitle && title != "" {
				b = append(b, " '"...)
				b = append(b, title...)
				b = append(b, '\'')
			}
			n++
		}
	}
	return b
}

// nmFeatBits is log2 of the number of feature lists an nmState remembers
// (see features).
const nmFeatBits = 6

// nmFeatSlots is the number of feature lists an nmState remembers.
const nmFeatSlots = 1 << nmFeatBits

// nmFeatSlot is a remembered feature list.
type nmFeatSlot struct {
	fired uint64
	list  string
}

// features returns the list of the features in fired without the title's
// word (see nmAppendFeatures), remembered by fired set: a few sets make most
// Reasons. It reports false, and leaves the list to be built, when the slot
// of the set holds another: the first sets met keep their slots, so that
// varied posts do not make a list for each Reason.
func (st *nmState) features(fired uint64) (string, bool) {
	sl := &st.feats[(fired*0x9E3779B97F4A7C15)>>(64-nmFeatBits)]
	switch {
	case sl.list == "":
		sl.fired, sl.list = fired, string(nmAppendFeatures(nil, fired, ""))
	case sl.fired != fired:
		return "", false
	}
	return sl.list, true
}

// nmReasonSlots is the number of Reasons an nmState remembers (see intern).
const nmReasonSlots = 256

var nmReasonSeed = maphash.MakeSeed()

// intern returns b as a string, the one made for the same text before if it
// is still remembered: most Reasons recur from post to post, and sharing
// them saves an allocation per name found. The table has a fixed size and
// lives with the nmState in nmPool.
func (st *nmState) intern(b []byte) string {
	sl := &st.reasons[maphash.Bytes(nmReasonSeed, b)&(nmReasonSlots-1)]
	if *sl != string(b) {
		*sl = string(b)
	}
	return *sl
}
