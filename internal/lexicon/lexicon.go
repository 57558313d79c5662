// Package lexicon holds the word, name, place and organisation lists that scrubs uses to
// recognise patient identifiers: first names and surnames with popularity, English words
// with their SCOWL commonness tier, UK/US/world places with population, counties, regions,
// street suffixes, NHS and US hospital, GP practice and trust names, and hand-curated cue
// lists (titles, months, weekdays, relatives, occupations, healthcare roles, hospital, ward
// and room cues, clinical terms and distinctive features).
//
// Everything is embedded: the generated lists in data/ (built by gen from the registry
// packages that fetch.sh downloads and from shared/data/lexicon; see docs/DEPENDENCIES.md)
// and the hand-written lists in curated/. The data is decoded once, on first use.
//
// Words are looked up by key (see [Key]); multi-word names are found in a token stream with
// [MatchPhrases].
package lexicon

//go:generate go run ./gen -src=${LEXICON_SRC} -shared ../../../shared/data/lexicon -out data -curated curated

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Flags says what a word is known as. A word can be several things at once: "bath" is a
// common word and a GB place, "hope" a first name, a place and a common word.
type Flags uint32

const (
	// FirstName: a given name (US SSA births 1880-2016, UK ONS lists, curated UK names).
	FirstName Flags = 1 << iota
	// Surname: a family name (US 1990 census, UK weighted list, curated UK surnames).
	Surname
	// CommonWord: a lowercase English word in SCOWL size <= 50 (see Entry.WordTier).
	CommonWord
	// PlaceGB: a town, city, village or district in Great Britain or Northern Ireland.
	PlaceGB
	// PlaceUS: a US city, town or other populated place.
	PlaceUS
	// PlaceOther: a place elsewhere (Ireland, or a town of 15,000 people or more, or a
	// capital).
	PlaceOther
	// County: a UK county, unitary authority or local authority (current or historic), or
	// a UK area name such as Teesside. US counties are phrases only ("cook county"), never
	// bare words.
	County
	// Region: a US state, a UK nation or a country.
	Region
	// StreetSuffix: a street type word or abbreviation (road, lane, close, ave, st).
	StreetSuffix
	// Title: an honorific written before a name (mr, mrs, dr, sister, cllr).
	Title
	// Month: a month name or abbreviation.
	Month
	// Weekday: a weekday name or abbreviation.
	Weekday
	// Relative: a word for a relative, partner or carer (wife, son, nan, carer, nok).
	Relative
	// Occupation: a non-healthcare occupation (headmaster, vicar, firefighter).
	Occupation
	// HealthRole: a healthcare role or grade (nurse, hca, reg, fy1, paramedic).
	HealthRole
	// HospitalCue: a word that marks a healthcare organisation (hospital, surgery, clinic).
	HospitalCue
	// WardUnit: a ward or unit acronym that is a WARD entity on its own (hdu, icu, sdec).
	WardUnit
	// RoomCue: a word that introduces a bed, bay or room number (bed, bay, cubicle, sr).
	RoomCue
	// ClinicalTerm: a clinical word or abbreviation that looks like a name or a capitalised
	// word in notes (obs, sats, nbm, dnacpr, copd, keppra, crohns).
	ClinicalTerm
	// FeatureCue: a distinctive trait, event or status word (tattoo, celebrity, conjoined).
	FeatureCue
	// HospitalName: a single word that names a hospital in the NHS lists with its cue
	// word dropped ("addenbrookes", "derriford") and is no known word, name or place. It
	// can still be a neighbourhood's name.
	HospitalName
	// NameWord: a lowercase common English word (SCOWL tier <= 50) that is also a popular
	// first name or a place ("hope", "bath", "reading", "will"), derived by the generator
	// (data/namewords.txt). Such words need context before they are treated as names.
	NameWord
)

var flagNames = [...]string{"FirstName", "Surname", "CommonWord", "PlaceGB", "PlaceUS",
	"PlaceOther", "County", "Region", "StreetSuffix", "Title", "Month", "Weekday", "Relative",
	"Occupation", "HealthRole", "HospitalCue", "WardUnit", "RoomCue", "ClinicalTerm",
	"FeatureCue", "HospitalName", "NameWord"}

// AllFlags lists every flag, in bit order.
var AllFlags = func() []Flags {
	fs := make([]Flags, len(flagNames))
	for i := range fs {
		fs[i] = 1 << i
	}
	return fs
}()

// String returns the flag names joined by "|" ("FirstName|PlaceGB"), or "0".
func (f Flags) String() string {
	if f == 0 {
		return "0"
	}
	var b strings.Builder
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}

// Entry is what the lexicon knows about one key.
type Entry struct {
	// Flags says what the word is known as.
	Flags Flags
	// FirstNameFreq is 0 when the word is not a first name, else 1..255, log-scaled
	// popularity: US SSA births summed over 1880-2016 (20 births → 1, the most common name
	// → 255), raised for names on the UK ONS lists (by rank) and curated UK names.
	FirstNameFreq uint8
	// FemaleShare is the share of female births for a first name, 0 (all male) to 255
	// (all female); 128 for curated names used by both sexes. 0 when not a first name.
	FemaleShare uint8
	// SurnameFreq is 0 when the word is not a surname, else 1..255: popularity from the US
	// 1990 census rank (255 - 254·ln(rank)/ln(100000)) or, where higher, the rank in the UK
	// weighted list.
	SurnameFreq uint8
	// WordTier is the SCOWL size tier (10, 20, 35, 40, 50, 55, 60, 70, 80, 95; smaller is
	// more common) of the lowercase word, 0 if it is not an English word. Words at tiers 80
	// and 95 are only recorded for keys that are known as something else.
	WordTier uint8
	// CapWordTier is the SCOWL tier of the Capitalised form ("Bath" 70, "Smith" 50) in the
	// english-upper and proper-names lists, 0 if none.
	CapWordTier uint8
	// Population is, for a single-word place, the largest population known for a place of
	// that name (GeoNames): among GB and US places if any has a known population ("sale" is
	// Sale, Greater Manchester, not Salé, Morocco), else among places elsewhere; 0 if unknown.
	Population uint32
}

// Has reports whether e has every flag in f.
func (e Entry) Has(f Flags) bool { return e.Flags&f == f }

// Any reports whether e has at least one flag in f.
func (e Entry) Any(f Flags) bool { return e.Flags&f != 0 }

// Key folds a word for lookup: lower case, apostrophes (' ’ ‘ ʼ) and dots removed,
// diacritics kept ("St." → "st", "O'Brien" → "obrien", "Siân" → "siân"). Hyphens are kept
// ("sister-in-law"). It does not allocate when the word is already a key (ASCII lowercase,
// no apostrophe or dot).
//
// Key is small enough for the compiler to inline (the range over []byte(word) does not
// copy): a word that is already a key costs its callers no call.
func Key(word string) string {
	for _, c := range []byte(word) {
		if keyFolds[c] {
			return slowKey(word)
		}
	}
	return word
}

// keyFolds marks the bytes that Key may change or drop: non-ASCII, upper case, the
// apostrophe and the dot. One table load per byte is cheaper than four compares, and Key
// runs on most words of every post.
var keyFolds = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\'' || c == '.'
	}
	return t
}()

func slowKey(word string) string {
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch r {
		case '\'', '\u2019', '\u2018', '\u02bc', '.':
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Lookup returns what the key (see [Key]) is known as. The first call loads the lexicon.
func Lookup(key string) (Entry, bool) {
	l := get()
	if s := l.shard(key).find(fnvString(key)); s != nil {
		return s.e, true
	}
	return Entry{}, false
}

// Load decodes the embedded lists now rather than on first use, so that the cost (about
// 10-30 ms) does not fall on the first post scanned; a program can call go Load() at start
// to overlap it with other work. Calling it again does nothing.
func Load() { get() }

// USState returns the name of a US state or territory from its USPS abbreviation, in any
// case ("TX" → "Texas").
func USState(abbr string) (string, bool) {
	if len(abbr) != 2 {
		return "", false
	}
	if a, b := abbr[0], abbr[1]; a < utf8.RuneSelf && b < utf8.RuneSelf {
		up := [2]byte{upperASCII(a), upperASCII(b)}
		n, ok := get().states[string(up[:])] // no allocation
		return n, ok
	}
	n, ok := get().states[strings.ToUpper(abbr)]
	return n, ok
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// get returns the lexicon, loading it on first use. The loaded lexicon is kept in an
// atomic pointer too, so that the common path is one load that inlines.
func get() *lexicon {
	if l := loaded.Load(); l != nil {
		return l
	}
	return loadOnce()
}

var loaded atomic.Pointer[lexicon]

var loadOnce = sync.OnceValue(func() *lexicon {
	l, err := loadSnapshot(snapshot)
	if err != nil {
		l, err = load() // decode the text lists: slower, same tables
	}
	if err != nil {
		panic("lexicon: embedded data is corrupt: " + err.Error())
	}
	loaded.Store(l)
	return l
})

// Stats counts the lexicon's entries.
type Stats struct {
	// Words is the number of distinct single-word keys.
	Words int
	// Flags counts the keys that have each flag.
	Flags map[Flags]int
	// Phrases is the number of distinct phrases (prefixes of phrases not counted).
	Phrases int
	// PhraseKinds counts the phrases known as each kind.
	PhraseKinds map[PhraseKind]int
}

// Statistics counts the lexicon's entries per flag and phrase kind (for reports and docs).
func Statistics() Stats {
	l := get()
	s := Stats{Flags: map[Flags]int{}, PhraseKinds: map[PhraseKind]int{}}
	l.each(func(key string, e Entry) {
		s.Words++
		for _, f := range AllFlags {
			if e.Flags&f != 0 {
				s.Flags[f]++
			}
		}
	})
	for _, nd := range l.phrases.slots {
		if nd.kinds == 0 {
			continue
		}
		s.Phrases++
		for _, k := range AllPhraseKinds {
			if nd.kinds&(1<<k) != 0 {
				s.PhraseKinds[k]++
			}
		}
	}
	return s
}
