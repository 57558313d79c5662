package text

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The differential tests compare New with the frozen reference refNew (see
// ref_frozen_test.go) field by field, including the private mapping, on the
// corpora and on mutations of them. Set TEXT_DIFF_CORPORA to a list of extra
// JSONL or CSV files (separated by the OS list separator; see corpusTexts)
// to add them, and TEXT_DIFF_SEED to draw other mutations.

// diffDoc reports the first difference between the Doc New returns for s and
// the one refNew returns, or "" when they are identical.
func diffDoc(s string, rnd *rand.Rand) string {
	got, gerr := New(s)
	want, werr := refNew(s)
	if gerr != werr {
		return "error differs"
	}
	if gerr != nil {
		if got != nil {
			return "a Doc with an error"
		}
		return ""
	}
	// Give the Doc back when done, so that the next New reuses it and the
	// differential runs cover reuse too.
	defer got.Release()
	switch {
	case got.Orig != want.Orig:
		return "Orig differs"
	case got.Norm != want.Norm:
		return "Norm differs"
	case got.Lower != want.Lower:
		return "Lower differs"
	case !reflect.DeepEqual(got.Tokens, want.Tokens):
		return "Tokens differ"
	case !reflect.DeepEqual(got.Sentences, want.Sentences):
		return "Sentences differ"
	case (got.Sentences == nil) != (want.Sentences == nil):
		return "Sentences nil-ness differs"
	case (got.Tokens == nil) != (want.Tokens == nil):
		return "Tokens nil-ness differs"
	case got.AllCaps != want.AllCaps || got.AllLower != want.AllLower:
		return "case flags differ"
	case !reflect.DeepEqual(got.m.segs, refSegsAsSegs(want.m.segs)):
		return "mapping differs"
	}
	for _, t := range got.Tokens {
		a, b := got.OrigSpan(t.Start, t.End)
		c, d := want.OrigSpan(t.Start, t.End)
		if a != c || b != d {
			return "OrigSpan of a token differs"
		}
		if got.Text(t) != want.Text(t) || got.LowerText(t) != want.LowerText(t) {
			return "token text differs"
		}
	}
	n := len(got.Norm)
	for k := 0; k < 8; k++ {
		start := rnd.Intn(n + 1)
		end := start + rnd.Intn(n-start+1)
		if k == 0 {
			end = start // an empty span
		}
		a, b := got.OrigSpan(start, end)
		c, d := want.OrigSpan(start, end)
		if a != c || b != d {
			return "OrigSpan of a random span differs"
		}
		if got.TokenAt(start) != want.TokenAt(start) || got.SentenceOf(start) != want.SentenceOf(start) {
			return "TokenAt or SentenceOf differs"
		}
	}
	return ""
}

// refSegsAsSegs converts the reference mapping to the current type.
func refSegsAsSegs(rs []refSeg) []seg {
	if rs == nil {
		return nil
	}
	out := make([]seg, len(rs))
	for i, r := range rs {
		out[i] = seg{n: r.n, nl: r.nl, o: r.o, ol: r.ol}
	}
	return out
}

// mutations returns variants of s that exercise the normalisation and
// tokenising paths: case changes, curly quotes and dashes, full-width and
// Arabic-Indic digits, zero-width and bidi controls, emoji, combining marks,
// look-alike letters, exotic spaces and line breaks, and invalid UTF-8.
func mutations(s string, rnd *rand.Rand) []string {
	insertAt := func(s, ins string) string {
		// Insert at a random rune boundary.
		i := rnd.Intn(len(s) + 1)
		for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
			i--
		}
		return s[:i] + ins + s[i:]
	}
	mapRunes := func(s string, p float64, f func(r rune) rune) string {
		var b strings.Builder
		for _, r := range s {
			if rnd.Float64() < p {
				r = f(r)
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	inserts := []string{
		"\u200b", "\u200d", "\ufeff", "\u00ad", "\u202e", "\u202c", "\u2066", "\u200f",
		"\U0001F600", "\U0001F970", "\u2764\ufe0f", "\U0001F44D\U0001F3FD", "\u2019", "\u201c", "\u2013",
		"\u00a0", "\u3000", "\u2028", "\u0301", "\u0308", "\ufb01", "\u2160", "\u00e9", "\u00c9",
		"\u0130", "\u023a", "\u1e9e", "\u2126", "\u212a", "\u01c5", "\u24b6", "\uff21", "\uff41",
		"\u0966", "\u0663", "\U0001D7D7", "\u0410", "\u043e", "\u039f", "'", "''", "#", "@", "_",
		".", "!", "?", "\n", "\r\n", "\t", "\x00", "\x7f", "O", "l", "I", "o", "0", "5", "A",
		"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80",
		"\U0001F100", "\U0001F130", "\U0001F170", "\U0001F1EC\U0001F1E7", "\U0001F3FB", "\U0001FAFF",
		"\U0001F000", "\U0001EFFF", "\U0001FB00", "\U0001FBF5", "\u00e9t\u00e9", "\u2603", "\U0001F468\u200d\U0001F469",
		"`", "`\u00e9", "\u1100\u1161", "\uac00\u11a8", "\uac00", "\u00c5", "\u212b", "\u0958", "\u0f73", "\u0344",
		"\u00e9\u0301", "\u0627\u0653", "\u30ab\u3099", "\u0915\u093c",
	}
	var out []string
	out = append(out,
		strings.ToUpper(s),
		strings.ToLower(s),
		mapRunes(s, 0.3, func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}),
		strings.NewReplacer("'", "\u2019", "\"", "\u201c", "-", "\u2014", " ", "\u00a0").Replace(s),
		mapRunes(s, 0.5, func(r rune) rune {
			if '0' <= r && r <= '9' {
				return r - '0' + '\uff10'
			}
			if r == 'O' || r == 'o' {
				return '\u041e'
			}
			return r
		}),
		mapRunes(s, 0.5, func(r rune) rune {
			if '0' <= r && r <= '9' {
				return r - '0' + '\u0660'
			}
			if r == '0' {
				return 'O'
			}
			return r
		}),
		strings.NewReplacer("0", "O", "1", "l").Replace(s),
	)
	for k := 0; k < 12; k++ {
		m := s
		for j := rnd.Intn(3); j >= 0; j-- {
			m = insertAt(m, inserts[rnd.Intn(len(inserts))])
		}
		out = append(out, m)
	}
	if len(s) > 0 {
		// Cut at a random byte, which may split a rune.
		out = append(out, s[:rnd.Intn(len(s))], s[rnd.Intn(len(s)):])
	}
	return out
}

// corpusTexts reads the "text" field of every line of the JSONL files, and
// the "tweet" or "text" column of the CSV files (by name, ".csv").
func corpusTexts(t *testing.T, paths []string) []string {
	var texts []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Logf("skipping %s: %v", p, err)
			continue
		}
		if strings.HasSuffix(p, ".csv") {
			texts = append(texts, csvTexts(t, p, f)...)
			f.Close()
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var rec struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				texts = append(texts, rec.Text)
			}
		}
		f.Close()
	}
	return texts
}

// csvTexts reads the "tweet" column (or else the "text" column) of the CSV
// file p, open as r: the form of the Davidson tweets.
func csvTexts(t *testing.T, p string, r io.Reader) []string {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Logf("skipping %s: %v", p, err)
		return nil
	}
	col := -1
	for i, name := range rows[0] {
		if name == "tweet" || name == "text" && col < 0 {
			col = i
		}
	}
	if col < 0 {
		t.Logf("skipping %s: no tweet or text column", p)
		return nil
	}
	var texts []string
	for _, row := range rows[1:] {
		if col < len(row) {
			texts = append(texts, row[col])
		}
	}
	return texts
}

// diffInputs are hand-picked inputs for the corner cases of the fast paths.
var diffInputs = []string{
	"", " ", "\n", "a", "A", "1", ".", "#", "@", "'", "a'", "'a", "a'b", "A'B", "a''b", "1'a",
	"2O19", "2o19", "1l1", "1I1", "1O1O1", "1OO1", "#1O1", "#12O3", "@1O1", "x1O1y", "O1O",
	"ab 2O19 cd", "#nhs", "#54321", "# nhs", "a#b", "a@b", "@@x", "##x", "#_", "#a_b", "5#a",
	"Mr. Smith. Dr. No! Really?? Yes... ok.\nNext\r\nline", "e.g. this", "i.e. that", "J. R. R. Tolkien",
	"Hello WORLD McDonald iPhone O'Neill o'clock MARY'S x'Y", "ABCDEFGH abcdefgh", "AAAAAAAb",
	"tab\tsep\vvt\fff\x00nul\x7fdel", "\x01\x02 a", strings.Repeat("word ", 200), strings.Repeat("A", 300),
	strings.Repeat("a.", 100), strings.Repeat("x\n", 50), "caf\u00e9 Zo\u00eb", "Zoe\u0308", "\ufb01ne",
	"bad \xff byte", "\xc3", "ab\xed\xa0\x80",
	"Mary'\u00e9s ab'\U0001F600 x' 'y ab'", strings.Repeat("Mr. Smith went home.\nDr. Jones? ", 12),
	strings.Repeat("a ", 70) + "end. Next\nline", "2O19 " + strings.Repeat("b ", 70) + "x.",
	// Pictographs (see pictAt) next to words, apostrophes, tags and capitals,
	// and inside the eight bytes that lowerPlain lowers at once.
	"Hi\U0001F602", "\U0001F602Hi", "WORD\U0001F602word", "ab'\U0001F602", "Ab'\U0001F602 x", "#tag\U0001F602",
	"@Nurse\U0001F602y", "\U0001F602#Tag", "A\U0001F602B", "ABCDEFG\U0001F602HIJKLMNOP", "2O19\U0001F602",
	"Great shift \U0001F64F\U0001F3FD. Bed 7 \U0001F691\n\U0001F602 Next", "\U0001F300\U0001FAFF\U0001F2FF\U0001FB00 Zz",
	"Mr.\U0001F602 Smith", "\U0001F602. Next", "x\U0001F602\u00e9 \u00c9\U0001F602", "MIXED\U0001F602 Case " + strings.Repeat("\U0001F499", 20),
}

func runDiff(t *testing.T, texts []string, withMutations bool) {
	seed := int64(1)
	if v, err := strconv.ParseInt(os.Getenv("TEXT_DIFF_SEED"), 10, 64); err == nil {
		seed = v
	}
	rnd := rand.New(rand.NewSource(seed))
	n, bad := 0, 0
	check := func(s string) {
		n++
		if msg := diffDoc(s, rnd); msg != "" {
			bad++
			if bad <= 20 {
				t.Errorf("%s for %q", msg, s)
			}
		}
	}
	for _, s := range texts {
		check(s)
		if withMutations {
			for _, m := range mutations(s, rnd) {
				check(m)
			}
		}
	}
	t.Logf("%d inputs, %d differ", n, bad)
}

func TestDiffHandPicked(t *testing.T) {
	runDiff(t, diffInputs, true)
}

func TestDiffCorpora(t *testing.T) {
	paths, _ := filepath.Glob("../../eval/corpus/*.jsonl")
	if extra := os.Getenv("TEXT_DIFF_CORPORA"); extra != "" {
		paths = append(paths, filepath.SplitList(extra)...)
	}
	texts := corpusTexts(t, paths)
	if testing.Short() && len(texts) > 200 {
		texts = texts[:200]
	}
	runDiff(t, texts, true)
}

// FuzzDiff compares New with the reference on fuzzed input.
func FuzzDiff(f *testing.F) {
	for _, s := range diffInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if msg := diffDoc(s, rand.New(rand.NewSource(int64(len(s))))); msg != "" {
			t.Fatalf("%s for %q", msg, s)
		}
	})
}

// TestDiffEveryRune compares New with the reference on every rune of the
// Basic Multilingual Plane and of the pictograph blocks, in contexts that
// exercise the NFKC segments, the folds and the case of the neighbours.
func TestDiffEveryRune(t *testing.T) {
	rnd := rand.New(rand.NewSource(3))
	n, bad := 0, 0
	check := func(s string) {
		n++
		if msg := diffDoc(s, rnd); msg != "" {
			bad++
			if bad <= 20 {
				t.Errorf("%s for %q", msg, s)
			}
		}
	}
	contexts := []string{"a%sB", "`%s`", "%s\u0301", "1%s2", "#%sx", "X%s\u00e9"}
	if testing.Short() {
		contexts = contexts[:1]
	}
	for r := rune(0x80); r < 0x20000; r++ {
		if r == 0x10000 {
			r = 0x1F000 // the pictographs
		}
		if !utf8.ValidRune(r) {
			continue
		}
		for _, c := range contexts {
			check(strings.Replace(c, "%s", string(r), 1))
		}
	}
	t.Logf("%d inputs, %d differ", n, bad)
}
