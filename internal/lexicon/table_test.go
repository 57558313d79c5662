package lexicon

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// referenceEntries decodes words.txt and the curated lists the slow way, without the
// tables: what Lookup must return for every key.
func referenceEntries(t testing.TB) map[string]Entry {
	t.Helper()
	text, err := files.ReadFile("data/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	ref := map[string]Entry{}
	var key []byte
	for line := range bytes.Lines(text) {
		line = bytes.TrimSuffix(line, []byte{'\n'})
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		tab := bytes.IndexByte(line, '\t')
		key = append(key[:sharedLen(line[0])], line[1:tab]...)
		e, err := parseFields(line[tab+1:])
		if err != nil {
			t.Fatalf("%q: %v", key, err)
		}
		ref[string(key)] = e
	}
	for name, cf := range curatedFiles {
		b, err := files.ReadFile("curated/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			line = strings.TrimSpace(line)
			if line == "" || strings.ContainsAny(line, " \t") {
				continue
			}
			k := Key(line)
			e := ref[k]
			e.Flags |= cf.flag
			ref[k] = e
		}
	}
	return ref
}

// TestLookupMatchesReference checks every key's entry against the lists themselves, and
// that near misses (a changed first, middle or last byte, a byte more or less) are not
// found unless they are keys too.
func TestLookupMatchesReference(t *testing.T) {
	ref := referenceEntries(t)
	bad := 0
	check := func(k string) {
		want, wantOK := ref[k]
		got, ok := Lookup(k)
		if got != want || ok != wantOK {
			if bad++; bad <= 10 {
				t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", k, got, ok, want, wantOK)
			}
		}
	}
	for k := range ref {
		check(k)
		if len(k) == 0 {
			continue
		}
		check(k + "s")
		check(k[:len(k)-1])
		check("q" + k[1:])
		check(k[:len(k)-1] + "z")
		check(k[:len(k)/2] + "x" + k[len(k)/2+1:])
	}
	for _, k := range []string{"", "a", "zzqxj", "qwertyuiop", "\xff", "é", "€uro", strings.Repeat("a", 300)} {
		check(k)
	}
}

// corpusKeys returns the keys of the words of the development corpora, in order.
func corpusKeys(tb testing.TB) []string {
	var keys []string
	for _, name := range []string{"dev-uk", "dev-us"} {
		b, err := os.ReadFile("../../eval/corpus/" + name + ".jsonl")
		if err != nil {
			tb.Skip("corpus not found:", err)
		}
		for line := range strings.Lines(string(b)) {
			var r struct {
				Text string `json:"text"`
			}
			if json.Unmarshal([]byte(line), &r) != nil {
				continue
			}
			for _, w := range strings.FieldsFunc(r.Text, func(c rune) bool {
				return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '\'' && c != '-'
			}) {
				keys = append(keys, Key(w))
			}
		}
	}
	return keys
}

// BenchmarkLookupCorpus looks up the words of real posts in order (the cache behaviour of
// a detector), per key.
func BenchmarkLookupCorpus(b *testing.B) {
	keys := corpusKeys(b)
	Load()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink, _ = Lookup(keys[i%len(keys)])
	}
}

// BenchmarkMatchPhrasesCorpus matches phrases over the words of real posts, per key.
func BenchmarkMatchPhrasesCorpus(b *testing.B) {
	keys := corpusKeys(b)
	Load()
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += 64 {
		s := i % len(keys)
		MatchPhrases(keys[s:min(s+64, len(keys))], func(PhraseMatch) { n++ })
	}
}

// matchPhrasesRef is MatchPhrases without the bitmaps: a probe of the table per word.
func matchPhrasesRef(keys []string, fn func(PhraseMatch)) {
	t := &get().phrases
	for i := range keys {
		h := uint64(fnvOffset)
		n := 0
		best := -1
		var bs *phraseSlot
		for j := i; j < len(keys); j++ {
			k := normTok(keys[j])
			if k == "" {
				break
			}
			if j > i {
				h ^= ' '
				h *= fnvPrime
				n++
			}
			if n += len(k); n > maxPhraseBytes {
				break
			}
			h = fnvMore(h, k)
			s := t.find(h | uint64(b2u(h == 0)))
			if s == nil {
				break
			}
			if j > i && s.kinds != 0 {
				best, bs = j, s
			}
		}
		if best < 0 {
			continue
		}
		for kind := PhraseKind(1); kind < numPhraseKinds; kind++ {
			if bs.kinds&(1<<kind) != 0 {
				fn(PhraseMatch{Start: i, End: best + 1, Kind: kind, Population: bs.pop})
			}
		}
	}
}

// TestMatchPhrasesMatchesReference checks MatchPhrases against a probe per word, over real
// posts and over every stored phrase said in a sentence.
func TestMatchPhrasesMatchesReference(t *testing.T) {
	keys := corpusKeys(t)
	for _, name := range []string{"place-gb", "hospital", "street", "county", "trust"} {
		b, err := files.ReadFile("data/phrases/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			p, _, _ := strings.Cut(strings.TrimSpace(line), "\t")
			keys = append(keys, "near")
			keys = append(keys, strings.Fields(p)...)
			keys = append(keys, "and", "the")
		}
	}
	var got, want []PhraseMatch
	MatchPhrases(keys, func(m PhraseMatch) { got = append(got, m) })
	matchPhrasesRef(keys, func(m PhraseMatch) { want = append(want, m) })
	if len(got) != len(want) {
		t.Fatalf("%d matches, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("match %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(got) < 10000 {
		t.Errorf("only %d matches", len(got))
	}
}

// TestUSStateAnyCase checks USState against the map looked up with strings.ToUpper, for
// every pair of ASCII bytes and some others, and that it does not allocate.
func TestUSStateAnyCase(t *testing.T) {
	states := get().states
	var pairs []string
	for a := 0; a < 128; a++ {
		for b := 0; b < 128; b++ {
			pairs = append(pairs, string([]byte{byte(a), byte(b)}))
		}
	}
	pairs = append(pairs, "é", "ı", "ſ", "\xff\xfe", "t\xc3")
	for _, s := range pairs {
		want, wantOK := states[strings.ToUpper(s)]
		if got, ok := USState(s); got != want || ok != wantOK {
			t.Errorf("USState(%q) = %q, %v; want %q, %v", s, got, ok, want, wantOK)
		}
	}
	if n := testing.AllocsPerRun(100, func() { USState("tx") }); n != 0 {
		t.Errorf("USState allocates %v times", n)
	}
}

// TestPhraseStartAndMatchAt checks that PhraseStart and PhrasePairMay are false only where
// MatchPhrases finds nothing, and that MatchPhrasesAt at the keys PhraseStart lets through reports what
// MatchPhrases does.
func TestPhraseStartAndMatchAt(t *testing.T) {
	keys := corpusKeys(t)
	for _, name := range []string{"place-us", "hospital-short", "gp-practice", "region"} {
		b, err := files.ReadFile("data/phrases/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			p, _, _ := strings.Cut(strings.TrimSpace(line), "\t")
			keys = append(keys, "saint", "&", "+", "at")
			keys = append(keys, strings.Fields(p)...)
		}
	}
	var want, got []PhraseMatch
	MatchPhrases(keys, func(m PhraseMatch) { want = append(want, m) })
	skipped, pairSkipped := 0, 0
	for i := range keys {
		if !PhraseStart(keys[i]) {
			skipped++
			continue
		}
		n := len(got)
		MatchPhrasesAt(keys, i, func(m PhraseMatch) { got = append(got, m) })
		if st, _ := PhraseStartState(keys[i]); i+1 < len(keys) && !PhrasePairMay(st, keys[i+1]) {
			pairSkipped++
			if len(got) > n {
				t.Fatalf("PhrasePairMay(%q, %q) = false where %v starts", keys[i], keys[i+1], got[n:])
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%d matches at phrase starts, MatchPhrases has %d", len(got), len(want))
	}
	if pairSkipped == 0 {
		t.Error("PhrasePairMay let every pair through")
	}
	if skipped == 0 || len(want) < 1000 {
		t.Errorf("%d keys skipped, %d matches", skipped, len(want))
	}
}
