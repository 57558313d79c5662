package lexicon

import "math/bits"

// PhraseKind says what a multi-word phrase is known as.
type PhraseKind uint8

// Phrase kinds. The zero value is not a kind.
const (
	// PhrasePlaceGB: a multi-word place in Great Britain or Northern Ireland ("milton
	// keynes", "stoke on trent").
	PhrasePlaceGB PhraseKind = iota + 1
	// PhrasePlaceUS: a multi-word US place ("new york", "los angeles").
	PhrasePlaceUS
	// PhrasePlaceOther: a multi-word place elsewhere ("hong kong", "buenos aires").
	PhrasePlaceOther
	// PhraseCounty: a UK county or local authority ("north yorkshire", "county durham") or a
	// US county, parish or borough with its suffix ("cook county").
	PhraseCounty
	// PhraseRegion: a multi-word country, nation or US state ("northern ireland", "new york").
	PhraseRegion
	// PhraseHospital: a hospital, hospice or health centre name from the ODS trust and
	// Welsh site lists, the NHS website directory and CMS ("st marys hospital").
	PhraseHospital
	// PhraseHospitalShort: a UK hospital name without its final cue word ("st marys", "royal
	// free", "leeds general"). Weaker evidence: such phrases also name churches and schools.
	PhraseHospitalShort
	// PhraseGPPractice: an active GP practice name from ODS ("densham surgery").
	PhraseGPPractice
	// PhraseTrust: an open NHS trust, with and without "nhs" ("barts health nhs trust").
	PhraseTrust
	// PhraseStreet: a common UK street name ("high street", "church lane").
	PhraseStreet
	// PhraseTitle: a several-word title ("rt hon", "staff nurse").
	PhraseTitle
	// PhraseRelative: a several-word relative ("next of kin", "sister in law").
	PhraseRelative
	// PhraseOccupation: a several-word non-healthcare occupation ("police officer").
	PhraseOccupation
	// PhraseHealthRole: a several-word healthcare role ("healthcare assistant").
	PhraseHealthRole
	// PhraseHospitalCue: a several-word hospital cue ("medical centre", "care home").
	PhraseHospitalCue
	// PhraseWardUnit: a several-word unit name ("high dependency unit").
	PhraseWardUnit
	// PhraseRoomCue: a several-word room cue ("side room").
	PhraseRoomCue
	// PhraseClinical: a several-word clinical term ("nil by mouth").
	PhraseClinical
	// PhraseFeature: a several-word distinctive feature ("off the telly", "conjoined twins").
	PhraseFeature

	numPhraseKinds = iota + 1 // one past the last kind
)

var phraseKindNames = [...]string{"", "PlaceGB", "PlaceUS", "PlaceOther", "County", "Region",
	"Hospital", "HospitalShort", "GPPractice", "Trust", "Street", "Title", "Relative",
	"Occupation", "HealthRole", "HospitalCue", "WardUnit", "RoomCue", "Clinical", "Feature"}

// AllPhraseKinds lists every phrase kind, in order.
var AllPhraseKinds = func() []PhraseKind {
	ks := make([]PhraseKind, 0, numPhraseKinds-1)
	for k := PhraseKind(1); k < numPhraseKinds; k++ {
		ks = append(ks, k)
	}
	return ks
}()

// String returns the kind's name without the "Phrase" prefix ("Hospital").
func (k PhraseKind) String() string {
	if k == 0 || int(k) >= len(phraseKindNames) {
		return "PhraseKind(?)"
	}
	return phraseKindNames[k]
}

// PhraseMatch is one phrase found by [MatchPhrases].
type PhraseMatch struct {
	// Start and End are token indexes into the keys given to MatchPhrases; End is exclusive.
	Start, End int
	// Kind is what the phrase is known as.
	Kind PhraseKind
	// Population is the largest known population of a place phrase, 0 if unknown or not a
	// place.
	Population uint32
}

// maxPhraseBytes bounds a phrase's length (its keys joined by single spaces).
const maxPhraseBytes = 192

// normTok maps the spellings that phrases are stored under: "&" → "and", "saint" → "st".
// It tests the length first: every other key is returned after a compare or two.
func normTok(k string) string {
	switch len(k) {
	case 1:
		if k[0] == '&' || k[0] == '+' {
			return "and"
		}
	case 5:
		if k == "saint" {
			return "st"
		}
	}
	return k
}

// MatchPhrases reports, for each token index, the longest known phrase of at least two
// tokens starting there. keys are the keys ([Key]) of the word tokens of a text, in order,
// without punctuation tokens; hyphenated words should be given as separate tokens
// ("stoke", "on", "trent"), while the hyphenated key ("stoke-on-trent") is in [Lookup].
// "&" is read as "and" and "saint" as "st". If the longest phrase is known as several kinds
// ("milton keynes" is a place and a county), fn is called once per kind, in kind order.
// Matches may overlap. MatchPhrases does not allocate.
func MatchPhrases(keys []string, fn func(PhraseMatch)) {
	t := &get().phrases
	for i := range keys {
		t.matchAt(keys, i, 0, false, fn)
	}
}

// MatchPhrasesAt is [MatchPhrases] for the phrases that start at keys[i] only: calling it
// for every i in order reports what MatchPhrases reports. With [PhraseStart] it lets a
// caller that knows which keys start no phrase skip them.
func MatchPhrasesAt(keys []string, i int, fn func(PhraseMatch)) {
	get().phrases.matchAt(keys, i, 0, false, fn)
}

// PhraseStart reports whether a phrase of two or more words may start with the key (see
// [MatchPhrases] for "&" and "saint"). If it reports false, MatchPhrases finds no phrase
// that starts at a token with this key; true may be wrong, seldom.
func PhraseStart(key string) bool {
	k := normTok(key)
	if k == "" || len(k) > maxPhraseBytes {
		return false
	}
	return get().phrases.mayStart1(fnvString(k))
}

// PhraseState is what [PhraseStartState] learnt about a key that may start a phrase: the
// hash of its first word, so that [MatchPhrasesFrom] need not hash it again.
type PhraseState uint64

// PhraseStartState is [PhraseStart] that also returns the state to give [MatchPhrasesFrom]
// for a phrase that starts with the key. A caller that tests every key with PhraseStart and
// keeps the state of those it lets through saves MatchPhrasesAt normalising and hashing
// the first word again.
func PhraseStartState(key string) (PhraseState, bool) {
	k := normTok(key)
	if k == "" || len(k) > maxPhraseBytes {
		return 0, false
	}
	h := fnvMore(fnvOffset, k)
	if !get().phrases.mayStart1(h | uint64(b2u(h == 0))) {
		return 0, false
	}
	return PhraseState(h), true
}

// MatchPhrasesFrom is [MatchPhrasesAt](keys, i, fn) for a caller that has st from
// PhraseStartState(keys[i]), which reported true; it reports the same matches.
func MatchPhrasesFrom(keys []string, i int, st PhraseState, fn func(PhraseMatch)) {
	get().phrases.matchAt(keys, i, uint64(st), true, fn)
}

// PhrasePairMay reports whether a phrase may start with the key of state st (from
// [PhraseStartState], which reported true) followed by the key next. If it reports false,
// [MatchPhrasesFrom](keys, i, st, fn) with keys[i+1] == next finds nothing; true may be
// wrong, seldom. It costs the hashing of next and one bitmap test: a caller that tests a
// pair first saves the matcher's call at the many phrase starts that no phrase follows
// ("in the", "of my").
func PhrasePairMay(st PhraseState, next string) bool {
	k := normTok(next)
	if k == "" {
		return false // matchAt stops at an empty key
	}
	h := fnvMore((uint64(st)^' ')*fnvPrime, k)
	return get().phrases.mayStart2(h | uint64(b2u(h == 0)))
}

// PhraseKeys gives a text's keys to [MatchPhrasesFromKeys]: Len is their number and Key(j)
// the key j, as MatchPhrases takes them in a slice. It lets a caller that keeps its keys in
// its own token records skip making the slice, when the matcher is seldom called.
type PhraseKeys interface {
	Len() int
	Key(j int) string
}

// MatchPhrasesFromKeys is [MatchPhrasesFrom] for keys given by a [PhraseKeys]: it reports
// the same matches.
func MatchPhrasesFromKeys(keys PhraseKeys, i int, st PhraseState, fn func(PhraseMatch)) {
	get().phrases.matchAtKeys(keys, i, uint64(st), fn)
}

// matchAtKeys is matchAt for keys given by a PhraseKeys, from the state h of keys.Key(i),
// which may start a phrase (a copy of matchAt's loop: an interface there would slow the
// callers of the slice versions).
func (t *phraseTable) matchAtKeys(keys PhraseKeys, i int, h uint64, fn func(PhraseMatch)) {
	nk := keys.Len()
	if i >= nk-1 {
		return // one word is no phrase
	}
	n := len(normTok(keys.Key(i)))
	best := -1
	var bs *phraseSlot
	for j := i + 1; j < nk; j++ {
		k := normTok(keys.Key(j))
		if k == "" {
			break
		}
		if n += 1 + len(k); n > maxPhraseBytes {
			break
		}
		h = fnvMore((h^' ')*fnvPrime, k)
		hh := h | uint64(b2u(h == 0))
		if j == i+1 && !t.mayStart2(hh) {
			break
		}
		s := t.find(hh)
		if s == nil {
			break
		}
		if s.kinds != 0 {
			best, bs = j, s
		}
	}
	if best < 0 {
		return
	}
	reportKinds(bs, i, best+1, fn)
}

// matchAt reports the longest phrase that starts at keys[i] (see MatchPhrases). If known,
// h is the unfinished FNV-1a state of the normalised keys[i], which may start a phrase
// (see PhraseStartState); else matchAt hashes and tests it.
//
// Most calls find no phrase: the first word, or the first two, start none. Those are
// tested against the bitmaps before the table is probed.
func (t *phraseTable) matchAt(keys []string, i int, h uint64, known bool, fn func(PhraseMatch)) {
	if i >= len(keys)-1 {
		return // one word is no phrase
	}
	k := normTok(keys[i])
	n := len(k)
	if !known {
		if n == 0 || n > maxPhraseBytes {
			return
		}
		h = fnvMore(fnvOffset, k)
		if !t.mayStart1(h | uint64(b2u(h == 0))) {
			return
		}
	}
	best := -1
	var bs *phraseSlot
	for j := i + 1; j < len(keys); j++ {
		k := normTok(keys[j])
		if k == "" {
			break
		}
		if n += 1 + len(k); n > maxPhraseBytes {
			break
		}
		h = fnvMore((h^' ')*fnvPrime, k)
		hh := h | uint64(b2u(h == 0))
		if j == i+1 && !t.mayStart2(hh) {
			break
		}
		s := t.find(hh)
		if s == nil {
			break
		}
		if s.kinds != 0 {
			best, bs = j, s
		}
	}
	if best < 0 {
		return
	}
	reportKinds(bs, i, best+1, fn)
}

// reportKinds calls fn with the match [i, end) once per kind of the phrase bs, in kind
// order: a loop over the set bits of bs.kinds, not over every kind.
func reportKinds(bs *phraseSlot, i, end int, fn func(PhraseMatch)) {
	for ks := bs.kinds & (1<<numPhraseKinds - 2); ks != 0; ks &= ks - 1 { // kinds 1 to numPhraseKinds-1
		fn(PhraseMatch{Start: i, End: end, Kind: PhraseKind(bits.TrailingZeros32(ks)), Population: bs.pop})
	}
}

// LookupPhrase returns the kinds (bit k set for PhraseKind(k)) and population of a phrase
// given as its keys joined by single spaces ("st marys hospital"); kinds is 0 if the phrase
// is unknown.
func LookupPhrase(phrase string) (kinds uint32, population uint32) {
	if s := get().phrases.find(fnvString(phrase)); s != nil {
		return s.kinds, s.pop
	}
	return 0, 0
}
