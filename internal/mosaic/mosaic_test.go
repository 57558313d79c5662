package mosaic

import (
	"math"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

func TestParseEmbedded(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range []string{"uk", "us", "au"} {
		if p := e.t.Population[loc]; p.People <= 0 || p.Source == "" {
			t.Errorf("population %s = %+v, want people and a source", loc, p)
		}
		if a, ok := e.t.Age[loc]; !ok || len(a.Bands) == 0 {
			t.Errorf("no age bands for %s", loc)
		}
	}
	if len(e.t.Sex["female"]) == 0 || len(e.t.Sex["male"]) == 0 {
		t.Error("sex words missing")
	}
	if len(e.t.Occupations) == 0 || len(e.t.Events) == 0 || len(e.t.Conditions) == 0 || len(e.t.Regions) == 0 {
		t.Error("a table is empty")
	}
	if e.set.Len() != len(e.owners) || e.set.Len() == 0 {
		t.Errorf("%d patterns for %d owners", e.set.Len(), len(e.owners))
	}
}

// minimalTables is the smallest table set Parse accepts.
const minimalTables = `population:
  uk: {people: 1000000, source: "test"}
age:
  uk:
    source: test
    bands:
      - {min: 0, max: 49, share: 0.6, female: 0.5}
      - {min: 50, max: 120, share: 0.4, female: 0.55}
sex:
  female: [she, woman]
  male: [he, man]
occupations:
  - {match: ["head teacher"], label: "a head teacher", share: 0.0015, source: "test"}
events:
  - {match: ["house fire*"], label: "hurt in a house fire", per_year: 0.0001, source: "test"}
conditions:
  - {match: ["sepsis"], label: "sepsis", prevalence: 0.004, source: "test"}
regions:
  - {name: "Norfolk", locale: uk, people: 925000, source: "test"}
`

func TestParseRefusesBadTables(t *testing.T) {
	if _, err := Parse([]byte(minimalTables)); err != nil {
		t.Fatalf("minimal tables refused: %v", err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown top-level field", "population:", "populations:", "field populations not found"},
		{"unknown row field", `label: "a head teacher"`, `label: "a head teacher", colour: red`, "field colour not found"},
		{"age shares do not sum to 1", "share: 0.4,", "share: 0.2,", "age shares for uk sum to 0.800, not 1"},
		{"age shares over 1", "share: 0.4,", "share: 0.6,", "sum to 1.200"},
		{"row without source", `share: 0.0015, source: "test"`, `share: 0.0015`, `occupation row "head teacher" needs a label, a source and a figure`},
		{"row without label", `label: "hurt in a house fire", `, ``, `event row "house fire*" needs a label`},
		{"row without figure", `per_year: 0.0001, `, ``, `event row "house fire*" needs a label, a source and a figure`},
		{"bad phrase", `match: ["sepsis"]`, `match: ["~ sepsis"]`, "mosaic tables:"},
		{"not YAML", "population:", "population: [", "mosaic tables:"},
	}
	for _, tt := range tests {
		bad := strings.Replace(minimalTables, tt.old, tt.new, 1)
		if bad == minimalTables {
			t.Fatalf("%s: replacement did not apply", tt.name)
		}
		_, err := Parse([]byte(bad))
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not say %q", tt.name, err, tt.want)
		}
		if !strings.HasPrefix(err.Error(), "mosaic tables") {
			t.Errorf("%s: error %q does not say it is about the mosaic tables", tt.name, err)
		}
	}
}

func TestAgeRange(t *testing.T) {
	tests := []struct {
		in     string
		lo, hi int
		ok     bool
		bug    string
	}{
		{"94", 94, 94, true, ""},
		{"aged 94", 94, 94, true, ""},
		{"94-year-old", 94, 94, true, ""},
		{"94 year old", 94, 94, true, ""},
		{"94yo", 94, 94, true, ""},
		{"94 y/o", 94, 94, true, ""},
		{"94F", 94, 94, true, ""},
		{"in her 90s", 90, 99, true, ""},
		{"in his 70's", 70, 79, true, ""},
		{"mid-80s", 80, 89, true, ""},
		{"3 week old", 0, 0, true, ""},
		{"a 3 week old", 0, 0, true, ""},
		{"6 months", 0, 0, true, ""},
		{"6 month old", 0, 0, true, ""},
		{"2 days old", 0, 0, true, ""},
		{"9m", 0, 0, true, ""},
		{"2w", 0, 0, true, ""},
		{"120", 120, 120, true, ""},
		{"121", 0, 0, false, ""},
		{"aged 999999999999999999999", 0, 0, false, ""},
		{"elderly", 0, 0, false, ""},
		{"", 0, 0, false, ""},
		{"94M", 94, 94, true, `"94M" (94-year-old man, an AGE the detector finds in "94M with sepsis in bay 3") is read as months: the estimate says "aged 0"`},
		{"3 wk old", 0, 0, true, `"3 wk old" (an AGE the detector finds) is read as 3 years: the estimate says "aged 3"`},
	}
	for _, tt := range tests {
		lo, hi, ok := ageRange(tt.in)
		if ok == tt.ok && (!ok || lo == tt.lo && hi == tt.hi) {
			continue
		}
		t.Errorf("ageRange(%q) = %d, %d, %v, want %d, %d, %v", tt.in, lo, hi, ok, tt.lo, tt.hi, tt.ok)
	}
}

// village is a small gazetteer place used by the estimate tests.
const village = "Aylsham"

// estimatePost estimates post with entities over the given substrings.
func estimatePost(t *testing.T, e *Estimator, post string, ents map[string]result.Type, locale string) (Estimate, *text.Doc) {
	t.Helper()
	doc, err := text.New(post)
	if err != nil {
		t.Fatal(err)
	}
	var list []result.Entity
	for s, typ := range ents {
		i := strings.Index(post, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, post)
		}
		list = append(list, result.Entity{Start: i, End: i + len(s), Text: s, Type: typ, Confidence: 0.9, Reason: "test"})
	}
	return e.Estimate(phrase.NewView(doc), list, locale), doc
}

func TestEstimate(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	entry, ok := lexicon.Lookup(lexicon.Key(village))
	if !ok || entry.Population == 0 || entry.Population >= 10000 {
		t.Fatalf("%s: lexicon entry %+v (found %v), want a place of under 10,000 people", village, entry, ok)
	}
	if got := placePopulation(village); got != entry.Population {
		t.Errorf("placePopulation(%q) = %d, want %d", village, got, entry.Population)
	}

	const withPlace = "Our lovely 94 year old woman from " + village + ", the old head teacher, was hurt in a house fire"
	est, doc := estimatePost(t, e, withPlace, map[string]result.Type{
		village: result.City, "94 year old": result.Age, "head teacher": result.Profession,
	}, "uk")
	if est.K > 5 {
		t.Errorf("village + 94 + woman + head teacher + house fire: K = %g, want at most 5", est.K)
	}
	if est.Place != village || est.Population != float64(entry.Population) {
		t.Errorf("place %q (%g people), want %s (%d)", est.Place, est.Population, village, entry.Population)
	}
	kinds := map[string]Detail{}
	for _, d := range est.Details {
		kinds[d.Kind] = d
		if d.Share <= 0 || d.Share > 1 {
			t.Errorf("detail %+v: share out of (0, 1]", d)
		}
	}
	for _, k := range []string{"age", "sex", "occupation", "event"} {
		if _, ok := kinds[k]; !ok {
			t.Errorf("no %s detail in %+v", k, est.Details)
		}
	}
	if d := kinds["event"]; d.Start < 0 || !strings.Contains(doc.Norm[d.Start:d.End], "house fire") {
		t.Errorf("event detail span %d-%d does not cover the words", d.Start, d.End)
	}
	if d := kinds["occupation"]; d.Start < 0 || doc.Norm[d.Start:d.End] != "head teacher" {
		t.Errorf("occupation detail span %d-%d does not cover the words", d.Start, d.End)
	}
	if d := kinds["sex"]; d.Label != "a woman" {
		t.Errorf("sex detail %+v, want a woman", d)
	}
	if est.Count < 4 {
		t.Errorf("Count = %d, want at least 4 kinds (place, age, occupation, event)", est.Count)
	}
	ex := est.Explain()
	for _, want := range []string{village, "aged 94", "a woman", "a head teacher", "hurt in a house fire"} {
		if !strings.Contains(ex, want) {
			t.Errorf("Explain() = %q, does not name %q", ex, want)
		}
	}

	// The same details with no place count from the whole country.
	const noPlace = "Our lovely 94 year old woman, the old head teacher, was hurt in a house fire"
	far, _ := estimatePost(t, e, noPlace, map[string]result.Type{
		"94 year old": result.Age, "head teacher": result.Profession,
	}, "uk")
	if far.Place != "the UK" {
		t.Errorf("no place: counted in %q, want the UK", far.Place)
	}
	if !(far.K > 1000*est.K) {
		t.Errorf("no place: K = %g, want much larger than %g with the village", far.K, est.K)
	}
	if ex := far.Explain(); !strings.Contains(ex, "the UK") || !strings.Contains(ex, "a head teacher") {
		t.Errorf("no place: Explain() = %q", ex)
	}
	// Without the rare event, the place is what makes the difference between
	// a handful of people and a crowd.
	near, _ := estimatePost(t, e, "a 94 year old woman from "+village+", the old head teacher", map[string]result.Type{
		village: result.City, "94 year old": result.Age, "head teacher": result.Profession}, "uk")
	crowd, _ := estimatePost(t, e, "a 94 year old woman, the old head teacher", map[string]result.Type{
		"94 year old": result.Age, "head teacher": result.Profession}, "uk")
	if !(near.K <= 5 && crowd.K > 5) {
		t.Errorf("94 + woman + head teacher: K %g in %s, %g in the UK; want at most 5 and over 5", near.K, village, crowd.K)
	}

	// A region narrows less than a town; a hospital counts from its catchment.
	region, _ := estimatePost(t, e, "Our lovely 94 year old woman from Norfolk, hurt in a house fire", map[string]result.Type{
		"94 year old": result.Age}, "uk")
	if region.Place != "Norfolk" || !(region.K > est.K) {
		t.Errorf("region: place %q K %g", region.Place, region.K)
	}
	ward, _ := estimatePost(t, e, "lady in bed 4 was hurt in a house fire", map[string]result.Type{"bed 4": result.Room}, "uk")
	if ward.Population != catchment || !strings.Contains(ward.Place, "bed 4") {
		t.Errorf("room: counted in %q (%g), want the catchment", ward.Place, ward.Population)
	}

	// A place the gazetteer does not know is taken as a town of 20,000.
	unknown, _ := estimatePost(t, e, "she is from Zqxville and had a house fire", map[string]result.Type{"Zqxville": result.City}, "uk")
	if unknown.Population != 20000 || !strings.Contains(unknown.Explain(), "no population figure") {
		t.Errorf("unknown place: %g people, %q", unknown.Population, unknown.Explain())
	}

	// No detail: nothing to count.
	for _, loc := range []string{"uk", "us", "au", "", "xx"} {
		none, _ := estimatePost(t, e, "quiet night on the ward, all settled", nil, loc)
		if !math.IsInf(none.K, 1) || none.Explain() != "" || none.Count != 0 || len(none.Details) != 0 {
			t.Errorf("no details (%q): K %g, explain %q, count %d, details %+v", loc, none.K, none.Explain(), none.Count, none.Details)
		}
	}
	// Only a sex: still nothing narrows it down.
	if sex, _ := estimatePost(t, e, "she was lovely", nil, "uk"); !math.IsInf(sex.K, 1) || sex.Explain() != "" {
		t.Errorf("only a sex: K %g, explain %q", sex.K, sex.Explain())
	}
	// The locale picks the country when no place is named.
	us, _ := estimatePost(t, e, "a head teacher", nil, "us")
	if us.Place != "the US" || us.Population <= est.Population {
		t.Errorf("us: %q %g", us.Place, us.Population)
	}
}

func TestExplainWording(t *testing.T) {
	tests := []struct {
		est  Estimate
		want string
	}{
		{Estimate{K: 0.2, Place: "Aylsham", Population: 6016, Details: []Detail{{Kind: "age", Label: "aged 94", Share: 0.0014, Figure: true}}},
			"fewer than one person in Aylsham (about 6020 people) would be expected to fit: aged 94 (≈0.1% of people)."},
		{Estimate{K: 1.2, Place: "Aylsham", Population: 6016, Details: []Detail{{Kind: "sex", Label: "a woman", Share: 0.5, Figure: true}}},
			"about 1 person in Aylsham fits: a woman."},
		{Estimate{K: 25000, Place: "the UK", Population: 68.3e6, Details: []Detail{{Kind: "occupation", Label: "a head teacher", Share: 0.0015, Figure: true},
			{Kind: "feature", Label: "a tattoo (no figure; 1 in 100 assumed)", Share: 0.01}}},
			"about 25,000 people in the UK fit: a head teacher (≈0.1% of people), a tattoo (no figure; 1 in 100 assumed)."},
		{Estimate{K: 3, Place: "the UK", Population: 68.3e6, Details: []Detail{{Kind: "event", Label: "x", Share: 1e-6, Figure: true}}},
			"about 3 people in the UK fit: x (≈1 in 1.0 million)."},
		{Estimate{K: math.Inf(1), Place: "the UK", Details: []Detail{{Kind: "sex", Label: "a man", Share: 0.5}}}, ""},
		{Estimate{K: 4, Place: "the UK"}, ""},
	}
	for _, tt := range tests {
		if got := tt.est.Explain(); got != tt.want {
			t.Errorf("Explain(%+v)\n got %q\nwant %q", tt.est, got, tt.want)
		}
	}
}

// TestNewsworthyRows checks that the rows for newsworthy people (a lottery
// winner, a former athlete or a pro team's cheerleader) read the ways posts
// say so, and that a plain mention of the game or the job does not.
func TestNewsworthyRows(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		post, label string // label "" when no such detail should be found
	}{
		{"he says he won the Mega Millions back in the spring", "a millionaire or lottery winner"},
		{"she was the big jackpot winner on the local news", "a millionaire or lottery winner"},
		{"bought a lottery ticket on the way to work, fingers crossed", ""},
		{"a former county cricketer who still bowls in the garden", "a sports star"},
		{"used to be an NBA cheerleader, still does the splits", "a sports star"},
		{"our retired Leicester jockey in bay 2", "a sports star"},
		{"watching the match with my dad after shift", ""},
	}
	for _, tt := range tests {
		est, _ := estimatePost(t, e, tt.post, nil, "uk")
		got := ""
		for _, d := range est.Details {
			if d.Label == "a millionaire or lottery winner" || d.Label == "a sports star" {
				got = d.Label
			}
		}
		if got != tt.label {
			t.Errorf("%q: detail %q, want %q (details %+v)", tt.post, got, tt.label, est.Details)
		}
	}
}

// TestRarityRow checks that a post's own word for how rare a case is ("only
// 3 cases in the UK") counts as a condition shared by almost no one, and that
// other counts of cases do not.
func TestRarityRow(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const label = "a condition with only a handful of cases in the country"
	tests := []struct {
		post string
		want bool
	}{
		{"a syndrome so rare there are only 3 cases in the UK", true},
		{"one of just a handful of children across the country with it", true},
		{"only 3 cases of flu on the ward today, quiet week", false},
		{"only two known cases in Scotland, and she is one", true},
		{"we saw 40 cases of flu in the UK unit this week", false},
	}
	for _, tt := range tests {
		est, _ := estimatePost(t, e, tt.post, nil, "uk")
		got := hasDetail(est.Details, label)
		if got != tt.want {
			t.Errorf("%q: rarity detail %v, want %v (details %+v)", tt.post, got, tt.want, est.Details)
		}
	}
}

// TestDeviceRows checks the rows for care that marks a person out (a
// tracheostomy, a stoma, tube feeding) on invented posts.
func TestDeviceRows(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ post, label string }{
		{"a lovely lad with a trachy who writes everything on a whiteboard", "a tracheostomy or home ventilation"},
		{"she's been on home ventilation since the accident", "a tracheostomy or home ventilation"},
		{"changed his ileostomy bag twice before lunch", "a stoma"},
		{"tube fed since birth and the happiest kid on the ward", "fed by tube"},
	}
	for _, tt := range tests {
		est, _ := estimatePost(t, e, tt.post, nil, "uk")
		if !hasDetail(est.Details, tt.label) {
			t.Errorf("%q: no %q detail (details %+v)", tt.post, tt.label, est.Details)
		}
	}
}
