package lexicon

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bath", "bath"},
		{"Bath", "bath"},
		{"St.", "st"},
		{"O'Brien", "obrien"},
		{"Mary’s", "marys"},
		{"Mary‘s", "marys"},
		{"SIÂN", "siân"},
		{"Zürich", "zürich"},
		{"sister-in-law", "sister-in-law"},
		{"U.S.A.", "usa"},
		{"NEWS2", "news2"},
		{"A&E", "a&e"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyDoesNotAllocateForKeys(t *testing.T) {
	for _, w := range []string{"bath", "sister-in-law", "news2", "st"} {
		if n := testing.AllocsPerRun(100, func() { _ = Key(w) }); n != 0 {
			t.Errorf("Key(%q) allocates %v times", w, n)
		}
	}
}

func TestEntries(t *testing.T) {
	tests := []struct {
		key   string
		has   Flags // all of these
		not   Flags // none of these
		check func(Entry) error
	}{
		{"bath", PlaceGB | CommonWord | NameWord, FirstName, func(e Entry) error {
			return want(e.WordTier == 20 && e.CapWordTier == 70 && e.Population > 50000, "tiers 20/70 and a population")
		}},
		{"hope", FirstName | PlaceGB | CommonWord | NameWord, 0, func(e Entry) error {
			return want(e.WordTier == 10 && e.FemaleShare > 200, "tier 10, mostly female")
		}},
		{"smith", Surname, PlaceGB, func(e Entry) error {
			return want(e.SurnameFreq == 255, "the most common surname")
		}},
		{"reading", PlaceGB | County | CommonWord | NameWord, 0, func(e Entry) error {
			return want(e.WordTier == 10 && e.CapWordTier <= 60 && e.Population > 200000, "tier 10, Reading at most 60, large town")
		}},
		{"will", FirstName | CommonWord | NameWord, PlaceGB, func(e Entry) error {
			return want(e.WordTier == 10 && e.FemaleShare < 20, "tier 10, male name")
		}},
		{"rose", FirstName | CommonWord | NameWord, 0, func(e Entry) error {
			return want(e.FemaleShare > 240 && e.FirstNameFreq > 150, "a popular female name")
		}},
		{"march", Month | PlaceGB | CommonWord, 0, nil},
		{"may", Month | FirstName | CommonWord, 0, nil},
		{"wells", PlaceGB | CommonWord, 0, nil},
		{"street", PlaceGB | CommonWord | StreetSuffix, 0, nil},
		{"deal", PlaceGB | CommonWord, 0, nil},
		{"sale", PlaceGB | CommonWord, 0, func(e Entry) error {
			// "Salé" (Morocco, 900,000) must not lend its population to "sale".
			return want(e.Population < 200000, "population of Sale, not Salé")
		}},
		{"london", PlaceGB, 0, func(e Entry) error { return want(e.Population > 5_000_000, "a large population") }},
		{"zürich", PlaceOther, 0, nil},
		{"zurich", PlaceOther, 0, nil},
		{"stoke-on-trent", PlaceGB, 0, nil},
		{"kent", County, 0, nil},
		{"yorkshire", County, 0, nil},
		{"clwyd", County, 0, nil},
		{"wales", Region, 0, nil},
		{"texas", Region, 0, nil},
		{"poland", Region, 0, nil},
		{"uk", Region, 0, nil},
		{"road", StreetSuffix, 0, nil},
		{"ave", StreetSuffix, 0, nil},
		{"is", CommonWord, StreetSuffix, nil}, // USPS "IS" (island) is not kept
		{"the", CommonWord, FirstName | Surname | NameWord, nil},
		{"james", FirstName | Surname, CommonWord, func(e Entry) error {
			return want(e.FirstNameFreq == 255 && e.FemaleShare < 5, "the most common male name")
		}},
		{"ffion", FirstName, 0, func(e Entry) error { return want(e.FemaleShare == 255, "female") }},
		{"dafydd", FirstName, 0, func(e Entry) error { return want(e.FemaleShare == 0, "male") }},
		{"siân", FirstName, 0, nil},
		{"sian", FirstName, 0, nil},
		{"niamh", FirstName, 0, nil},
		{"eilidh", FirstName, 0, nil},
		{"oluwaseun", FirstName, 0, nil},
		{"agnieszka", FirstName, 0, nil},
		{"gurpreet", FirstName, 0, nil},
		{"patel", Surname, 0, nil},
		{"okonkwo", Surname, 0, nil},
		{"obrien", Surname, 0, nil},
		{"mrs", Title, 0, nil},
		{"dr", Title | HealthRole | StreetSuffix, 0, nil},
		{"sister", Title | Relative | HealthRole, 0, nil},
		{"cllr", Title, 0, nil},
		{"tues", Weekday, 0, nil},
		{"sept", Month, 0, nil},
		{"nan", Relative, 0, nil},
		{"nok", Relative, 0, nil},
		{"sister-in-law", Relative, 0, nil},
		{"headmaster", Occupation, HealthRole, nil},
		{"firefighter", Occupation, 0, nil},
		{"porter", HealthRole, Occupation, nil},
		{"hca", HealthRole, 0, nil},
		{"fy1", HealthRole, 0, nil},
		{"infirmary", HospitalCue, 0, nil},
		{"hdu", WardUnit, 0, nil},
		{"sdec", WardUnit, 0, nil},
		{"bay", RoomCue, 0, nil},
		{"cubicle", RoomCue, 0, nil},
		{"nbm", ClinicalTerm, 0, nil},
		{"news2", ClinicalTerm, 0, nil},
		{"dnacpr", ClinicalTerm, 0, nil},
		{"keppra", ClinicalTerm, 0, nil},
		{"tattoo", FeatureCue, 0, nil},
		{"addenbrookes", HospitalName, PlaceGB, nil},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.key)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.key)
			continue
		}
		if !e.Has(tt.has) {
			t.Errorf("Lookup(%q).Flags = %v, want at least %v", tt.key, e.Flags, tt.has)
		}
		if e.Any(tt.not) {
			t.Errorf("Lookup(%q).Flags = %v, want none of %v", tt.key, e.Flags, tt.not)
		}
		if tt.check != nil {
			if err := tt.check(e); err != nil {
				t.Errorf("Lookup(%q) = %+v: %v", tt.key, e, err)
			}
		}
		if e.Has(FirstName) != (e.FirstNameFreq > 0) || e.Has(Surname) != (e.SurnameFreq > 0) {
			t.Errorf("Lookup(%q) = %+v: name flags disagree with frequencies", tt.key, e)
		}
	}
	for _, k := range []string{"zzqxj", "", "the surgery"} {
		if e, ok := Lookup(k); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", k, e)
		}
	}
}

func want(ok bool, what string) error {
	if ok {
		return nil
	}
	return fmt.Errorf("want %s", what)
}

// kindsOf returns the kinds of a phrase given as text, tokenised like curated entries.
func kindsOf(phrase string) []PhraseKind {
	keys := phraseTokens(phrase)
	var got []PhraseKind
	MatchPhrases(keys, func(m PhraseMatch) {
		if m.Start == 0 && m.End == len(keys) {
			got = append(got, m.Kind)
		}
	})
	return got
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		phrase string
		want   []PhraseKind
	}{
		{"milton keynes", []PhraseKind{PhrasePlaceGB, PhraseCounty}},
		{"Stoke-on-Trent", []PhraseKind{PhrasePlaceGB, PhraseCounty}},
		{"new york", []PhraseKind{PhrasePlaceUS, PhraseRegion}},
		{"los angeles", []PhraseKind{PhrasePlaceUS}},
		{"northern ireland", []PhraseKind{PhraseRegion}},
		{"St Mary's Hospital", []PhraseKind{PhraseHospital}},
		{"Saint Mary's Hospital", []PhraseKind{PhraseHospital}},
		{"Leeds General Infirmary", []PhraseKind{PhraseHospital}},
		{"Addenbrooke's Hospital", []PhraseKind{PhraseHospital}},
		{"Royal Free", []PhraseKind{PhraseHospitalShort}},
		{"Densham Surgery", []PhraseKind{PhraseGPPractice}},
		{"Barts Health NHS Trust", []PhraseKind{PhraseTrust}},
		{"Barts Health Trust", []PhraseKind{PhraseTrust}},
		{"church lane", []PhraseKind{PhraseStreet}},
		{"high street", []PhraseKind{PhraseStreet}},
		{"cook county", []PhraseKind{PhraseCounty}},
		{"Tyne & Wear", []PhraseKind{PhraseCounty}},
		{"north yorkshire", []PhraseKind{PhraseCounty}},
		{"police officer", []PhraseKind{PhraseOccupation}},
		{"sister-in-law", []PhraseKind{PhraseRelative}},
		{"next of kin", []PhraseKind{PhraseRelative}},
		{"healthcare assistant", []PhraseKind{PhraseHealthRole}},
		{"care home", []PhraseKind{PhraseHospitalCue}},
		{"high dependency unit", []PhraseKind{PhraseWardUnit}},
		{"side room", []PhraseKind{PhraseRoomCue}},
		{"nil by mouth", []PhraseKind{PhraseClinical}},
		{"off the telly", []PhraseKind{PhraseFeature}},
		{"rt hon", []PhraseKind{PhraseTitle}},
	}
	for _, tt := range tests {
		got := kindsOf(tt.phrase)
		for _, k := range tt.want {
			if !slices.Contains(got, k) {
				t.Errorf("%q: kinds %v, want %v among them", tt.phrase, got, k)
			}
		}
	}
}

// Generic organisation names would match everywhere; they must not be organisations.
func TestGenericOrganisationsDropped(t *testing.T) {
	org := []PhraseKind{PhraseHospital, PhraseHospitalShort, PhraseGPPractice, PhraseTrust}
	for _, p := range []string{"the surgery", "surgery", "health centre", "medical centre",
		"main site", "community hospital", "general hospital", "royal infirmary",
		"district general hospital", "the medical centre", "village surgery", "city hospital",
		"childrens hospital", "university hospital", "nhs trust", "dr rasool", "st helena"} {
		for _, k := range kindsOf(p) {
			if slices.Contains(org, k) {
				t.Errorf("%q is a %v phrase", p, k)
			}
		}
	}
}

func TestMatchPhrasesInText(t *testing.T) {
	text := "Mrs X was moved from St Mary's Hospital in Milton Keynes to the HDU on Church Lane"
	var keys []string
	for _, w := range strings.Fields(text) {
		keys = append(keys, Key(w))
	}
	type m struct {
		start, end int
		kind       PhraseKind
	}
	var got []m
	var pops []uint32
	MatchPhrases(keys, func(pm PhraseMatch) {
		got = append(got, m{pm.Start, pm.End, pm.Kind})
		if pm.Kind == PhrasePlaceGB {
			pops = append(pops, pm.Population)
		}
	})
	for _, w := range []m{{5, 8, PhraseHospital}, {9, 11, PhrasePlaceGB}, {9, 11, PhraseCounty}, {15, 17, PhraseStreet}} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %+v in %+v", w, got)
		}
	}
	// Longest only: "st marys" (short form) must not be reported at index 5.
	for _, g := range got {
		if g.start == 5 && g.end != 8 {
			t.Errorf("shorter match %+v reported", g)
		}
	}
	if len(pops) != 1 || pops[0] < 200000 {
		t.Errorf("milton keynes population = %v", pops)
	}
	// Phrases are never single tokens.
	MatchPhrases([]string{"london"}, func(pm PhraseMatch) { t.Errorf("single token matched: %+v", pm) })
	MatchPhrases(nil, func(pm PhraseMatch) { t.Errorf("empty input matched: %+v", pm) })
}

func TestLookupPhrase(t *testing.T) {
	kinds, pop := LookupPhrase("stoke on trent")
	if kinds&(1<<PhrasePlaceGB) == 0 || pop < 300000 {
		t.Errorf("LookupPhrase(stoke on trent) = %b, %d", kinds, pop)
	}
	if kinds, _ := LookupPhrase("stoke on"); kinds != 0 {
		t.Errorf("a prefix is reported as a phrase: %b", kinds)
	}
}

func TestUSState(t *testing.T) {
	for abbr, name := range map[string]string{"TX": "Texas", "ny": "New York", "DC": "District Of Columbia"} {
		if got, ok := USState(abbr); !ok || !strings.EqualFold(got, name) {
			t.Errorf("USState(%q) = %q, %v; want %q", abbr, got, ok, name)
		}
	}
	if _, ok := USState("ZZ"); ok {
		t.Error("USState(ZZ) found")
	}
}

func TestNoAllocations(t *testing.T) {
	Load()
	keys := strings.Fields("took mrs x to st marys hospital in milton keynes via church lane")
	cases := map[string]func(){
		"Lookup":       func() { Lookup("bath") },
		"LookupMiss":   func() { Lookup("zzqxj") },
		"MatchPhrases": func() { MatchPhrases(keys, func(PhraseMatch) {}) },
	}
	for name, fn := range cases {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s allocates %v times per call", name, n)
		}
	}
}

// TestDataWellFormed checks every generated line: fields parse, keys are sorted, unique and
// already folded, phrases have two or more folded tokens.
func TestDataWellFormed(t *testing.T) {
	text, err := files.ReadFile("data/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	var prev, key []byte
	n := 0
	for line := range bytes.Lines(text) {
		line = bytes.TrimSuffix(line, []byte{'\n'})
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		tab := bytes.IndexByte(line, '\t')
		if tab < 2 || sharedLen(line[0]) > len(key) {
			t.Fatalf("bad line %q", line)
		}
		key = append(key[:sharedLen(line[0])], line[1:tab]...)
		if bytes.Compare(prev, key) >= 0 {
			t.Fatalf("keys out of order: %q then %q", prev, key)
		}
		prev = append(prev[:0], key...)
		if k := string(key); Key(k) != k || strings.ContainsAny(k, " \t") {
			t.Errorf("key %q is not folded", k)
		}
		e, err := parseFields(line[tab+1:])
		if err != nil {
			t.Errorf("%q: %v", key, err)
		}
		if d := decodeFields(line[tab+1:]); d != e {
			t.Errorf("%q: decodeFields = %+v, parseFields = %+v", key, d, e)
		}
		if e.Flags == 0 && e.CapWordTier == 0 && e.WordTier == 0 {
			t.Errorf("%q: empty entry", key)
		}
		n++
	}
	if n < 200000 {
		t.Errorf("only %d keys", n)
	}
	err = fs.WalkDir(files, "data/phrases", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := files.ReadFile(path)
		var lines []string
		for line := range strings.Lines(string(b)) {
			line = strings.TrimSuffix(line, "\n")
			p, _, _ := strings.Cut(line, "\t")
			toks := strings.Split(p, " ")
			if len(toks) < 2 {
				t.Errorf("%s: %q has one token", path, line)
			}
			for _, tok := range toks {
				if tok == "" || Key(tok) != tok || tok == "saint" {
					t.Errorf("%s: %q has token %q", path, line, tok)
				}
			}
			lines = append(lines, p)
		}
		if !sort.StringsAreSorted(lines) || len(slices.Compact(slices.Clone(lines))) != len(lines) {
			t.Errorf("%s: not sorted and unique", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCuratedFilesKnown(t *testing.T) {
	ents, err := fs.ReadDir(files, "curated")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if _, ok := curatedFiles[e.Name()]; !ok && !generatorOnly[e.Name()] {
			t.Errorf("curated/%s is read by nobody", e.Name())
		}
	}
	for name := range curatedFiles {
		if _, err := files.ReadFile("curated/" + name); err != nil {
			t.Errorf("curated/%s: %v", name, err)
		}
	}
}

func TestStatistics(t *testing.T) {
	s := Statistics()
	mins := map[Flags]int{
		FirstName: 50000, Surname: 80000, CommonWord: 40000, PlaceGB: 3000, PlaceUS: 6000,
		PlaceOther: 10000, County: 100, Region: 200, StreetSuffix: 200, Title: 50, Month: 12,
		Weekday: 7, Relative: 50, Occupation: 200, HealthRole: 100, HospitalCue: 10,
		WardUnit: 20, RoomCue: 10, ClinicalTerm: 300, FeatureCue: 40, HospitalName: 50,
		NameWord: 500,
	}
	for _, f := range AllFlags {
		if s.Flags[f] < mins[f] {
			t.Errorf("%v: %d keys, want at least %d", f, s.Flags[f], mins[f])
		}
	}
	for _, k := range AllPhraseKinds {
		if s.PhraseKinds[k] == 0 {
			t.Errorf("no %v phrases", k)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d keys, %d phrases\n", s.Words, s.Phrases)
	for _, f := range AllFlags {
		fmt.Fprintf(&b, "  %-13v %7d\n", f, s.Flags[f])
	}
	for _, k := range AllPhraseKinds {
		fmt.Fprintf(&b, "  Phrase%-13v %6d\n", k, s.PhraseKinds[k])
	}
	t.Log("\n" + b.String())
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	if _, err := load(); err != nil {
		t.Fatal(err)
	}
	// Not asserted (machines vary); see BenchmarkLoad.
	t.Logf("load took %v", time.Since(start))
}

var sink Entry

func BenchmarkLookup(b *testing.B) {
	Load()
	keys := []string{"the", "patient", "bath", "smith", "hope", "reading", "nurse", "bay",
		"london", "mrs", "jones", "ward", "zzqxj", "sdec", "margaret", "street"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink, _ = Lookup(keys[i%len(keys)])
	}
}

func BenchmarkLookupHit(b *testing.B) {
	Load()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink, _ = Lookup("reading")
	}
}

func BenchmarkLookupMiss(b *testing.B) {
	Load()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink, _ = Lookup("qwertyuiop")
	}
}

var keySink string

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		keySink = Key("hospital")
	}
}

func BenchmarkKeyFold(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		keySink = Key("Mary's")
	}
}

// benchPhraseKeys returns the keys of the post the phrase benchmarks match:
// 46 words with places, a hospital and a street among them.
func benchPhraseKeys() []string {
	Load()
	text := "Lovely Mrs Smith (92) from Stoke-on-Trent was moved from St Mary's Hospital to " +
		"bay 4 on the HDU after a fall on Church Lane; her son is a police officer in Milton " +
		"Keynes and her daughter works at Leeds General Infirmary as an HCA"
	var keys []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' || r == ';' || r == '(' || r == ')' }) {
		keys = append(keys, Key(w))
	}
	return keys
}

func BenchmarkMatchPhrases(b *testing.B) {
	keys := benchPhraseKeys()
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		MatchPhrases(keys, func(PhraseMatch) { n++ })
	}
	b.ReportMetric(float64(len(keys)), "tokens/op")
}

// BenchmarkLoad measures decoding the embedded data (what the first use costs).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLookupExact checks Lookup against the set of all keys: every key is found, and keys
// that differ from a stored key only in the front-coded prefix are not mistaken for it.
func TestLookupExact(t *testing.T) {
	all := map[string]bool{}
	get().each(func(k string, e Entry) { all[k] = true })
	if len(all) < 200000 {
		t.Fatalf("only %d keys", len(all))
	}
	wrong := 0
	for k := range all {
		if _, ok := Lookup(k); !ok {
			t.Errorf("Lookup(%q) not found", k)
		}
		for _, c := range []byte("qzx") {
			m := string(c) + k[1:]
			if _, ok := Lookup(m); ok != all[m] {
				wrong++
				if wrong < 10 {
					t.Errorf("Lookup(%q) found = %v, want %v", m, ok, all[m])
				}
			}
		}
	}
}
