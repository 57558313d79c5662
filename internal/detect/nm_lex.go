package detect

import (
	"math"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

// The name detector's view of the lexicon. Only this file calls it; the rest
// of the detector sees nmEntry.

// Lexicon flags the name detector uses.
const (
	nmFirst       = lexicon.FirstName
	nmSurname     = lexicon.Surname
	nmCommon      = lexicon.CommonWord
	nmPlace       = lexicon.PlaceGB | lexicon.PlaceUS | lexicon.PlaceOther | lexicon.County | lexicon.Region
	nmTitleW      = lexicon.Title
	nmMonth       = lexicon.Month
	nmWeekday     = lexicon.Weekday
	nmRelative    = lexicon.Relative
	nmHealthRole  = lexicon.HealthRole
	nmHospitalCue = lexicon.HospitalCue
	nmWardUnit    = lexicon.WardUnit
	nmRoomCue     = lexicon.RoomCue
	nmClinical    = lexicon.ClinicalTerm
	nmHospName    = lexicon.HospitalName
)

// nmEntry is what the name detector needs to know about one word.
type nmEntry struct {
	flags  lexicon.Flags
	pop    uint32  // largest population of a place of that name
	tier   uint8   // SCOWL tier of the lower-case word, 0 if none
	gb     bool    // a place in Great Britain or the US, or a country (not only a place elsewhere)
	region bool    // a country, nation or US state
	first  float64 // first-name strength, 0..1 (from the popularity)
	sur    float64 // surname strength, 0..1
}

func (e nmEntry) has(f lexicon.Flags) bool { return e.flags&f != 0 }

// nmKey folds a lower-case word for lexicon lookup ("o'neill" → "oneill"). A
// first-person contraction ("i'm", "i've", "i'd") keeps its apostrophe, so no
// list finds it: folded, it would be the surname "Im" or the first name "Ive"
// ("tell Auntie I'm coming").
func nmKey(low string) string {
	if len(low) > 2 && low[0] == 'i' && low[1] == '\'' {
		return low
	}
	return lexicon.Key(low)
}

// nmLookup returns the lexicon facts of a key.
func nmLookup(key string) (nmEntry, bool) {
	e, ok := lexicon.Lookup(key)
	if !ok {
		return nmEntry{}, false
	}
	return nmEntryOf(e.Flags, e.FirstNameFreq, e.SurnameFreq, e.WordTier, e.Population), true
}

// nmEntryOf returns the nmEntry of a lexicon entry with these fields.
func nmEntryOf(flags lexicon.Flags, firstFreq, surFreq, tier uint8, pop uint32) nmEntry {
	return nmEntry{
		flags:  flags,
		first:  nmFirstStrength[firstFreq],
		sur:    nmSurStrength[surFreq],
		tier:   tier,
		pop:    pop,
		gb:     flags&(lexicon.PlaceGB|lexicon.PlaceUS|lexicon.County|lexicon.Region) != 0,
		region: flags&lexicon.Region != 0,
	}
}

// Popularity to strength, precomputed.
var nmFirstStrength, nmSurStrength = func() (f, s [256]float64) {
	for i := range f {
		f[i] = nmStrength(uint8(i), 10, 110)
		s[i] = nmStrength(uint8(i), 20, 120)
	}
	return
}()

// nmStrength maps a log-scaled popularity (1..255) to 0..1: 0 up to floor,
// 1 from floor+span on, concave in between (a middling name is still a name).
func nmStrength(f uint8, floor, span float64) float64 {
	x := (float64(f) - floor) / span
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	return math.Pow(x, 0.6)
}

// nmPhrase is a multi-word lexicon match over token indexes [start, end).
type nmPhrase struct {
	start, end int
	block      bool // a place, organisation, street or hospital: no person name inside
	soft       bool // a short hospital name or small place that may also be a person's name
	cue        bool // a hospital cue phrase ("care home"): the words before are a place
	title      bool // a several-word title ("staff nurse")
	relative   bool // a several-word relative ("next of kin")
}

// nmMatchPhrasesAt finds the lexicon phrases over the word keys that start at
// keys[i] (wordIdx maps a word's position to its token index); see
// lexicon.MatchPhrasesAt.
func nmMatchPhrasesAt(keys []string, wordIdx []int, i int, fn func(nmPhrase)) {
	lexicon.MatchPhrasesAt(keys, i, func(m lexicon.PhraseMatch) {
		p := nmPhrase{start: wordIdx[m.Start], end: wordIdx[m.End-1] + 1}
		switch m.Kind {
		case lexicon.PhrasePlaceGB, lexicon.PhrasePlaceUS, lexicon.PhrasePlaceOther,
			lexicon.PhraseCounty, lexicon.PhraseRegion:
			p.block = true
			p.soft = m.Population < 100000
		case lexicon.PhraseHospitalShort:
			p.block, p.soft = true, true
		case lexicon.PhraseHospital, lexicon.PhraseGPPractice, lexicon.PhraseTrust,
			lexicon.PhraseStreet:
			p.block = true
		case lexicon.PhraseHospitalCue, lexicon.PhraseWardUnit:
			p.cue = true
		case lexicon.PhraseTitle:
			p.title = true
		case lexicon.PhraseRelative:
			p.relative = true
		default:
			return
		}
		fn(p)
	})
}
