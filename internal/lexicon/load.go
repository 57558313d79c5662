package lexicon

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"unicode"
)

// The generated lists (data/) and the hand-written ones (curated/).
//
//go:embed data/words.txt data/us-states.tsv data/phrases curated/*.txt
var files embed.FS

type lexicon struct {
	// words is split by key range into shards that load in parallel: shard i holds the
	// keys from splits[i-1] (inclusive) up to splits[i].
	words   []wordTable
	splits  []string
	byFirst [256]int8 // shard of the keys starting with a byte; -1: compare with splits
	phrases phraseTable
	states  map[string]string
}

// shard returns the word table that holds key.
func (l *lexicon) shard(key string) *wordTable {
	if len(key) > 0 {
		if i := l.byFirst[key[0]]; i >= 0 {
			return &l.words[i]
		}
	}
	i := 0
	for i < len(l.splits) && key >= l.splits[i] {
		i++
	}
	return &l.words[i]
}

// initByFirst fills byFirst: the keys that start with byte b all lie in one shard unless a
// split key of two bytes or more starts with b. A split key of one byte b (the generator's
// splits are "e", "m", "t") sorts before every key that starts with b, so it divides no
// such keys.
func (l *lexicon) initByFirst() {
	for b := range l.byFirst {
		i := 0
		for i < len(l.splits) && (l.splits[i][0] < byte(b) || len(l.splits[i]) == 1 && l.splits[i][0] == byte(b)) {
			i++
		}
		if i < len(l.splits) && l.splits[i][0] == byte(b) {
			l.byFirst[b] = -1
			continue
		}
		l.byFirst[b] = int8(i)
	}
}

// curatedFiles maps each runtime curated list to its flag and phrase kind.
var curatedFiles = map[string]struct {
	flag Flags
	kind PhraseKind
}{
	"titles.txt":        {Title, PhraseTitle},
	"months.txt":        {Month, 0},
	"weekdays.txt":      {Weekday, 0},
	"relatives.txt":     {Relative, PhraseRelative},
	"occupations.txt":   {Occupation, PhraseOccupation},
	"health-roles.txt":  {HealthRole, PhraseHealthRole},
	"hospital-cues.txt": {HospitalCue, PhraseHospitalCue},
	"ward-units.txt":    {WardUnit, PhraseWardUnit},
	"room-cues.txt":     {RoomCue, PhraseRoomCue},
	"clinical.txt":      {ClinicalTerm, PhraseClinical},
	"features.txt":      {FeatureCue, PhraseFeature},
	"regions.txt":       {Region, PhraseRegion},
	"counties.txt":      {County, PhraseCounty},
}

// generatorOnly are curated lists that only the generator reads; their effect is already in
// data/ (first-names.txt and surnames.txt are merged into words.txt, org-generic.txt
// filters organisation names).
var generatorOnly = map[string]bool{
	"first-names.txt": true,
	"surnames.txt":    true,
	"org-generic.txt": true,
}

// phraseFiles maps data/phrases/<name>.txt to its kind.
var phraseFiles = map[string]PhraseKind{
	"place-gb":       PhrasePlaceGB,
	"place-us":       PhrasePlaceUS,
	"place-other":    PhrasePlaceOther,
	"county":         PhraseCounty,
	"region":         PhraseRegion,
	"hospital":       PhraseHospital,
	"hospital-short": PhraseHospitalShort,
	"gp-practice":    PhraseGPPractice,
	"trust":          PhraseTrust,
	"street":         PhraseStreet,
}

var letterFlags = [256]Flags{
	'g': PlaceGB, 'u': PlaceUS, 'o': PlaceOther, 'c': County, 'r': Region,
	's': StreetSuffix, 'h': HospitalName, 'n': NameWord,
}

// curatedReserve is room in the word table for keys that only curated lists bring.
const curatedReserve = 4096

// wordShards is how many parts words.txt is split into to load in parallel.
const wordShards = 4

func load() (*lexicon, error) {
	words, err := files.ReadFile("data/words.txt")
	if err != nil {
		return nil, err
	}
	l := &lexicon{states: map[string]string{}}

	// Split words.txt at lines that share nothing with the previous key (front-coding
	// restarts there), near equal sizes.
	chunks := [][]byte{}
	rest := words
	for i := wordShards; i > 1 && len(rest) > 0; i-- {
		cut := len(rest) / i
		j := bytes.Index(rest[cut:], []byte("\n0"))
		if j < 0 {
			break
		}
		cut += j + 1
		chunks = append(chunks, rest[:cut])
		rest = rest[cut:]
		tab := bytes.IndexByte(rest, '\t')
		if tab < 1 {
			return nil, fmt.Errorf("words.txt: bad line at shard split")
		}
		l.splits = append(l.splits, string(rest[1:tab]))
	}
	chunks = append(chunks, rest)
	l.words = make([]wordTable, len(chunks))
	l.initByFirst()

	errs := make([]error, len(chunks)+1)
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Go(func() {
			l.words[i].init(c, bytes.Count(c, []byte{'\n'})+curatedReserve)
			errs[i] = l.words[i].loadWords()
		})
	}
	wg.Go(func() { errs[len(chunks)] = l.loadPhrases() })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := l.loadCurated(); err != nil {
		return nil, err
	}
	st, err := files.ReadFile("data/us-states.tsv")
	if err != nil {
		return nil, err
	}
	for line := range strings.Lines(string(st)) {
		if a, n, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok {
			l.states[a] = n
		}
	}
	return l, nil
}

func (l *lexicon) loadPhrases() error {
	ents, err := fs.ReadDir(files, "data/phrases")
	if err != nil {
		return err
	}
	type pfile struct {
		kind PhraseKind
		text []byte
	}
	var pfiles []pfile
	nlines := 0
	for _, e := range ents {
		kind, ok := phraseFiles[strings.TrimSuffix(e.Name(), ".txt")]
		if !ok {
			return fmt.Errorf("unknown phrase file %s", e.Name())
		}
		b, err := files.ReadFile(path.Join("data/phrases", e.Name()))
		if err != nil {
			return err
		}
		pfiles = append(pfiles, pfile{kind, b})
		nlines += bytes.Count(b, []byte{'\n'})
	}
	// Phrases plus their prefixes: about twice the lines.
	l.phrases.init(2*nlines + curatedReserve)
	for _, pf := range pfiles {
		for len(pf.text) > 0 {
			line := pf.text
			if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
				line, pf.text = line[:nl], pf.text[nl+1:]
			} else {
				pf.text = nil
			}
			if len(line) == 0 || line[0] == '#' {
				continue
			}
			p, pops, _ := bytes.Cut(line, []byte{'\t'})
			pop, ok := atoi(pops)
			if !ok {
				return fmt.Errorf("phrases: bad population in %q", line)
			}
			if !l.phrases.add(p, pf.kind, pop) {
				return fmt.Errorf("phrases: table full")
			}
		}
	}
	return nil
}

// loadWords indexes the table's part of words.txt (see the generator's header), which
// starts with an unshared key, and decodes each line's fields. Keys are never assembled:
// the FNV state after each key byte is kept, so a front-coded line hashes only its new
// suffix.
func (t *wordTable) loadWords() error {
	text := t.text
	var state [maxKeyBytes + 1]uint64
	state[0] = fnvOffset
	klen := 0
	for off := 0; off < len(text); {
		start := off
		if text[off] == '#' {
			for off < len(text) && text[off] != '\n' {
				off++
			}
			off++
			continue
		}
		shared := sharedLen(text[off])
		if shared < 0 || shared > klen {
			return fmt.Errorf("words.txt: bad line at byte %d", off)
		}
		off++
		h := state[shared]
		n := shared
		for ; off < len(text) && text[off] != '\t' && text[off] != '\n'; off++ {
			h ^= uint64(text[off])
			h *= fnvPrime
			if n++; n > maxKeyBytes {
				return fmt.Errorf("words.txt: key too long at byte %d", start)
			}
			state[n] = h
		}
		if off >= len(text) || text[off] != '\t' || n == shared {
			return fmt.Errorf("words.txt: bad line at byte %d", start)
		}
		klen = n
		off++ // the TAB
		end := bytes.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		t.ents = append(t.ents, wordSlot{h: h | uint64(b2u(h == 0)), e: decodeFields(text[off:end])})
		off = end + 1
	}
	// Index the entries in a loop of its own: the probes of successive keys overlap.
	for i := range t.ents {
		if !t.index(t.ents[i].h, i) {
			return fmt.Errorf("words.txt: table full")
		}
	}
	return nil
}

// maxKeyBytes bounds the length of a key in words.txt.
const maxKeyBytes = 128

// parseFields decodes "f45/255 s37 w10 c50 p1234 :gnu".
func parseFields(b []byte) (Entry, error) {
	var e Entry
	for i := 0; i < len(b); {
		tag := b[i]
		i++
		if tag == ':' {
			for ; i < len(b) && b[i] != ' '; i++ {
				fl := letterFlags[b[i]]
				if fl == 0 {
					return e, fmt.Errorf("bad flag letter %q", b[i])
				}
				e.Flags |= fl
			}
			i++
			continue
		}
		var v, v2 uint32
		start := i
		for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
			v = v*10 + uint32(b[i]-'0')
		}
		if i == start || i-start > 9 {
			return e, fmt.Errorf("bad field at %q", b[start-1:])
		}
		if tag == 'f' {
			if i >= len(b) || b[i] != '/' {
				return e, fmt.Errorf("bad field at %q", b[start-1:])
			}
			i++
			s2 := i
			for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
				v2 = v2*10 + uint32(b[i]-'0')
			}
			if i == s2 || v2 > 255 || v == 0 {
				return e, fmt.Errorf("bad field at %q", b[start-1:])
			}
		}
		if i < len(b) && b[i] != ' ' {
			return e, fmt.Errorf("bad field at %q", b[start-1:])
		}
		i++
		if tag != 'p' && v > 255 {
			return e, fmt.Errorf("bad field at %q", b[start-1:])
		}
		if tag == 'f' {
			e.FirstNameFreq, e.FemaleShare = uint8(v), uint8(v2)
			e.Flags |= FirstName
		} else if !setField(&e, tag, v) {
			return e, fmt.Errorf("bad field at %q", b[start-1:])
		}
	}
	return e, nil
}

// setField sets the numeric field named by tag ('s' surname, 'w' word tier,
// 'c' capitalised-word tier, 'p' population); it reports false for an
// unknown tag. The first-name field 'f' carries two numbers and is read by
// the callers.
func setField(e *Entry, tag byte, v uint32) bool {
	switch tag {
	case 's':
		e.SurnameFreq = uint8(v)
		e.Flags |= Surname
	case 'w':
		e.WordTier = uint8(v)
		if v <= 50 {
			e.Flags |= CommonWord
		}
	case 'c':
		e.CapWordTier = uint8(v)
	case 'p':
		e.Population = v
	default:
		return false
	}
	return true
}

// decodeFields is parseFields without checks, for loading: it reads fields up to the end
// of the line (every line is checked by the tests).
func decodeFields(b []byte) Entry {
	var e Entry
	for len(b) > 0 {
		tag := b[0]
		if tag == '\n' {
			break
		}
		b = b[1:]
		if tag == ':' {
			for len(b) > 0 && b[0] > ' ' {
				e.Flags |= letterFlags[b[0]]
				b = b[1:]
			}
		} else {
			var v uint32
			for len(b) > 0 && b[0]-'0' <= 9 {
				v = v*10 + uint32(b[0]-'0')
				b = b[1:]
			}
			switch tag {
			case 'f':
				e.FirstNameFreq = uint8(v)
				e.Flags |= FirstName
				if len(b) > 0 { // the '/'
					b = b[1:]
				}
				var s uint32
				for len(b) > 0 && b[0]-'0' <= 9 {
					s = s*10 + uint32(b[0]-'0')
					b = b[1:]
				}
				e.FemaleShare = uint8(s)
			default:
				setField(&e, tag, v)
			}
		}
		if len(b) > 0 && b[0] == ' ' {
			b = b[1:]
		}
	}
	return e
}

// atoi parses a small unsigned decimal; empty is 0.
func atoi(s []byte) (uint32, bool) {
	var v uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
		if v > 1<<32-1 {
			return 0, false
		}
	}
	return uint32(v), true
}

// loadCurated adds the hand-written lists: a one-word entry sets the file's flag on its key
// (a hyphenated entry also becomes a phrase of its parts); a several-word entry becomes a
// phrase of the file's kind.
func (l *lexicon) loadCurated() error {
	ents, err := fs.ReadDir(files, "curated")
	if err != nil {
		return err
	}
	for _, de := range ents {
		name := de.Name()
		if generatorOnly[name] {
			continue
		}
		cf, ok := curatedFiles[name]
		if !ok {
			return fmt.Errorf("curated/%s is not known to the loader", name)
		}
		b, err := files.ReadFile("curated/" + name)
		if err != nil {
			return err
		}
		for line := range strings.Lines(string(b)) {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			toks := phraseTokens(line)
			if !strings.ContainsAny(line, " \t") {
				k := Key(line)
				s := l.shard(k).slot(fnvString(k))
				if s == nil {
					return fmt.Errorf("curated/%s: word table full", name)
				}
				s.e.Flags |= cf.flag
			}
			if len(toks) > 1 {
				kind := cf.kind
				if kind == 0 {
					return fmt.Errorf("curated/%s: %q has several words", name, line)
				}
				l.phrases.add([]byte(strings.Join(toks, " ")), kind, 0)
			}
		}
	}
	return nil
}

// phraseTokens splits an entry into token keys as MatchPhrases expects them: hyphens and
// other punctuation separate words, "&" is "and", "saint" is "st".
func phraseTokens(s string) []string {
	s = strings.ReplaceAll(s, "&", " and ")
	f := strings.FieldsFunc(s, func(r rune) bool {
		if r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '.' {
			return false
		}
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	out := f[:0]
	for _, t := range f {
		if k := normTok(Key(t)); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// each calls fn for every key with its entry (the curated-only keys too), in no particular
// order. It is slow: for statistics and tests.
func (l *lexicon) each(fn func(key string, e Entry)) {
	seen := map[uint64]bool{}
	var words []byte
	for i := range l.words {
		text := l.words[i].text
		if text == nil && l.words[i].textLen > 0 {
			if words == nil {
				words, _ = files.ReadFile("data/words.txt")
			}
			text = words[l.words[i].textAt : l.words[i].textAt+l.words[i].textLen]
		}
		var key []byte
		for line := range bytes.Lines(text) {
			line = bytes.TrimSuffix(line, []byte{'\n'})
			if len(line) == 0 || line[0] == '#' {
				continue
			}
			tab := bytes.IndexByte(line, '\t')
			key = append(key[:sharedLen(line[0])], line[1:tab]...)
			e, _ := Lookup(string(key))
			seen[fnv(key)] = true
			fn(string(key), e)
		}
	}
	curatedKeys(func(k string) {
		if h := fnvString(k); !seen[h] {
			seen[h] = true
			e, _ := Lookup(k)
			fn(k, e)
		}
	})
}

// curatedKeys calls fn with the key of every one-word entry of the runtime curated lists.
func curatedKeys(fn func(string)) {
	for name := range curatedFiles {
		b, _ := files.ReadFile("curated/" + name)
		for line := range strings.Lines(string(b)) {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			line = strings.TrimSpace(line)
			if line != "" && !strings.ContainsAny(line, " \t") {
				fn(Key(line))
			}
		}
	}
}
