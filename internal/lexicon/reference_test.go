package lexicon

import (
	"io/fs"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// These tests compare the tuned lookups (Key, Lookup, PhraseStart, MatchPhrasesAt and
// MatchPhrasesFrom) with
// plain reference versions written the obvious way: a byte-at-a-time FNV-1a, a string
// switch for normTok, shards chosen by comparing with every split key, and a table probe
// per phrase prefix with no bitmaps.

// refFNV is FNV-1a 64 of s, a byte at a time, 0 mapped to 1.
func refFNV(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	if h == 0 {
		h = 1
	}
	return h
}

// refNormTok is normTok as a string switch.
func refNormTok(k string) string {
	switch k {
	case "&", "+":
		return "and"
	case "saint":
		return "st"
	}
	return k
}

// refKey is Key with the per-byte compares it was first written with.
func refKey(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\'' || c == '.' {
			return slowKey(word)
		}
	}
	return word
}

// refLookup picks the shard by comparing the key with every split key and probes the
// word table slot by slot.
func refLookup(key string) (Entry, bool) {
	l := get()
	i := 0
	for i < len(l.splits) && key >= l.splits[i] {
		i++
	}
	t := &l.words[i]
	h := refFNV(key)
	mask := uint64(len(t.slots) - 1)
	low := uint32(1)<<t.idxBits - 1
	tag := uint32(h>>(32+t.idxBits)) << t.idxBits
	for j := (h * 0x9E3779B97F4A7C15) >> (64 - t.bits); ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			return Entry{}, false
		}
		if s&^low == tag && t.ents[s&low-1].h == h {
			return t.ents[s&low-1].e, true
		}
	}
}

// refMatchAt finds the longest phrase at keys[i] by probing the phrase table with every
// prefix, joined by spaces and hashed whole.
func refMatchAt(keys []string, i int) []PhraseMatch {
	t := &get().phrases
	var out []PhraseMatch
	phrase := ""
	best := -1
	var bs *phraseSlot
	for j := i; j < len(keys); j++ {
		k := refNormTok(keys[j])
		if k == "" {
			break
		}
		if j > i {
			phrase += " "
		}
		phrase += k
		if len(phrase) > maxPhraseBytes {
			break
		}
		s := t.find(refFNV(phrase))
		if s == nil {
			break
		}
		if j > i && s.kinds != 0 {
			best, bs = j, s
		}
	}
	if best < 0 {
		return nil
	}
	for kind := PhraseKind(1); kind < numPhraseKinds; kind++ {
		if bs.kinds&(1<<kind) != 0 {
			out = append(out, PhraseMatch{Start: i, End: best + 1, Kind: kind, Population: bs.pop})
		}
	}
	return out
}

// caseVariants returns s as given, in lower case, Title case and upper case.
func caseVariants(s string) []string {
	title := []rune(strings.ToLower(s))
	if len(title) > 0 {
		title[0] = unicode.ToUpper(title[0])
	}
	return []string{s, strings.ToLower(s), string(title), strings.ToUpper(s)}
}

// randomWord returns a short random string, mostly letters, sometimes with the bytes Key
// folds or drops and the spellings normTok maps.
func randomWord(r *rand.Rand) string {
	const alpha = "abcdefghijklmnopqrstuvwxyzABCXYZ'.-&+0129"
	switch r.Intn(20) {
	case 0:
		return []string{"&", "+", "saint", "Saint", "st", "and", "", "é", "siân", "O'Brien", "St.", "don’t"}[r.Intn(12)]
	}
	b := make([]byte, 1+r.Intn(12))
	for i := range b {
		b[i] = alpha[r.Intn(len(alpha))]
	}
	return string(b)
}

// diffWords returns the lexicon's keys, the words of its phrases and random strings.
func diffWords(t *testing.T) (words []string, phrases [][]string) {
	get().each(func(k string, e Entry) { words = append(words, k) })
	entries, err := fs.ReadDir(files, "data/phrases")
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		b, err := files.ReadFile("data/phrases/" + de.Name())
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			p, _, _ := strings.Cut(strings.TrimSpace(line), "\t")
			if toks := phraseTokens(p); len(toks) > 0 {
				phrases = append(phrases, toks)
				words = append(words, toks...)
			}
		}
	}
	r := rand.New(rand.NewSource(1))
	for range 50000 {
		words = append(words, randomWord(r))
	}
	return words, phrases
}

// TestKeyLookupMatchReference compares Key, Lookup and PhraseStart with the reference
// versions on every key, phrase word and random string, in every case.
func TestKeyLookupMatchReference(t *testing.T) {
	words, _ := diffWords(t)
	bad := 0
	for _, w := range words {
		for _, v := range caseVariants(w) {
			k := Key(v)
			if want := refKey(v); k != want {
				t.Errorf("Key(%q) = %q, want %q", v, k, want)
				bad++
			}
			for _, q := range []string{v, k} {
				e, ok := Lookup(q)
				we, wok := refLookup(q)
				if e != we || ok != wok {
					t.Errorf("Lookup(%q) = %v %v, want %v %v", q, e, ok, we, wok)
					bad++
				}
				nk := refNormTok(q)
				want := nk != "" && len(nk) <= maxPhraseBytes && get().phrases.mayStart1(refFNV(nk))
				if got := PhraseStart(q); got != want {
					t.Errorf("PhraseStart(%q) = %v, want %v", q, got, want)
					bad++
				}
			}
			if bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// TestMatchPhrasesAtMatchesReference compares MatchPhrasesAt at every index of texts made
// of the stored phrases (in all cases, with "&" and "saint" spellings, between random and
// lexicon words, and cut short) with refMatchAt, and checks that PhraseStart is never
// false where a phrase starts.
func TestMatchPhrasesAtMatchesReference(t *testing.T) {
	words, phrases := diffWords(t)
	r := rand.New(rand.NewSource(2))
	var keys []string
	for n, p := range phrases {
		keys = append(keys, words[r.Intn(len(words))])
		toks := append([]string(nil), p...)
		for i, k := range toks {
			switch {
			case k == "and" && n%3 == 0:
				toks[i] = "&"
			case k == "and" && n%3 == 1:
				toks[i] = "+"
			case k == "st" && n%2 == 0:
				toks[i] = "saint"
			}
		}
		switch n % 5 {
		case 0:
			toks = toks[:r.Intn(len(toks))+1] // a prefix only
		case 1:
			toks = append(toks, words[r.Intn(len(words))]) // run on
		case 2:
			for i := range toks {
				toks[i] = caseVariants(toks[i])[r.Intn(4)] // unfolded: seldom a phrase
			}
		case 3:
			if n+1 < len(phrases) {
				toks = append(toks, phrases[n+1]...) // two phrases back to back
			}
		}
		keys = append(keys, toks...)
		if n%7 == 0 {
			keys = append(keys, "") // an empty key stops a phrase
		}
	}
	for i := range keys {
		var got []PhraseMatch
		MatchPhrasesAt(keys, i, func(m PhraseMatch) { got = append(got, m) })
		want := refMatchAt(keys, i)
		if !slices.Equal(got, want) {
			t.Fatalf("at %d (%q): %v, want %v", i, keys[i:min(i+6, len(keys))], got, want)
		}
		if len(want) > 0 && !PhraseStart(keys[i]) {
			t.Fatalf("PhraseStart(%q) = false where %v starts", keys[i], want)
		}
		st, ok := PhraseStartState(keys[i])
		if ok != PhraseStart(keys[i]) {
			t.Fatalf("PhraseStartState(%q) reports %v, PhraseStart %v", keys[i], ok, !ok)
		}
		if ok {
			var from []PhraseMatch
			MatchPhrasesFrom(keys, i, st, func(m PhraseMatch) { from = append(from, m) })
			if !slices.Equal(from, want) {
				t.Fatalf("MatchPhrasesFrom at %d (%q): %v, want %v", i, keys[i:min(i+6, len(keys))], from, want)
			}
			from = from[:0]
			MatchPhrasesFromKeys(sliceKeys(keys), i, st, func(m PhraseMatch) { from = append(from, m) })
			if !slices.Equal(from, want) {
				t.Fatalf("MatchPhrasesFromKeys at %d (%q): %v, want %v", i, keys[i:min(i+6, len(keys))], from, want)
			}
			if len(want) > 0 && !PhrasePairMay(st, keys[i+1]) {
				t.Fatalf("PhrasePairMay(%q, %q) = false where %v starts", keys[i], keys[i+1], want)
			}
		}
	}
	// The ends of the slice: a phrase cut by the end, and indexes at and past the end.
	for n, p := range phrases[:2000] {
		for cut := 0; cut <= len(p); cut++ {
			ks := p[:cut]
			for i := 0; i <= len(ks); i++ {
				var got []PhraseMatch
				MatchPhrasesAt(ks, i, func(m PhraseMatch) { got = append(got, m) })
				want := refMatchAt(ks, i)
				if !slices.Equal(got, want) {
					t.Fatalf("phrase %d %q at %d: %v, want %v", n, ks, i, got, want)
				}
				if i < len(ks) {
					if st, ok := PhraseStartState(ks[i]); ok {
						got = got[:0]
						MatchPhrasesFrom(ks, i, st, func(m PhraseMatch) { got = append(got, m) })
						if !slices.Equal(got, want) {
							t.Fatalf("MatchPhrasesFrom: phrase %d %q at %d: %v, want %v", n, ks, i, got, want)
						}
						got = got[:0]
						MatchPhrasesFromKeys(sliceKeys(ks), i, st, func(m PhraseMatch) { got = append(got, m) })
						if !slices.Equal(got, want) {
							t.Fatalf("MatchPhrasesFromKeys: phrase %d %q at %d: %v, want %v", n, ks, i, got, want)
						}
					}
				}
			}
		}
	}
}

// BenchmarkMatchPhrasesFrom is BenchmarkMatchPhrases the way the detectors call the
// matcher: PhraseStartState on every key, MatchPhrasesFrom where it reports true.
func BenchmarkMatchPhrasesFrom(b *testing.B) {
	keys := benchPhraseKeys()
	n := 0
	fn := func(PhraseMatch) { n++ }
	b.ReportAllocs()
	for b.Loop() {
		for i, k := range keys {
			if st, ok := PhraseStartState(k); ok {
				MatchPhrasesFrom(keys, i, st, fn)
			}
		}
	}
}

// BenchmarkMatchPhrasesStartAt is BenchmarkMatchPhrasesFrom with PhraseStart and
// MatchPhrasesAt, as the name family calls them (the place family keeps the
// first word's state).
func BenchmarkMatchPhrasesStartAt(b *testing.B) {
	keys := benchPhraseKeys()
	n := 0
	fn := func(PhraseMatch) { n++ }
	b.ReportAllocs()
	for b.Loop() {
		for i, k := range keys {
			if PhraseStart(k) {
				MatchPhrasesAt(keys, i, fn)
			}
		}
	}
}

// TestShardByFirstByte checks the shard that byFirst picks against a comparison with every
// split key, for split keys of one byte and of several.
func TestShardByFirstByte(t *testing.T) {
	for _, splits := range [][]string{
		{"e", "m", "t"},
		{"ea", "m", "ta", "tb"},
		{"a", "b", "bz", "c"},
		{"\xc3", "\xc3\xa9", "z"},
		{"m"},
	} {
		l := &lexicon{splits: splits, words: make([]wordTable, len(splits)+1)}
		l.initByFirst()
		var keys []string
		for b := range 256 {
			for _, rest := range []string{"", "a", "z", "\xa9", "\xff"} {
				keys = append(keys, string([]byte{byte(b)})+rest)
			}
		}
		keys = append(keys, "", "bz", "bza", "ea", "e", "tb", "t")
		for _, k := range keys {
			want := 0
			for want < len(splits) && k >= splits[want] {
				want++
			}
			if got := l.shard(k); got != &l.words[want] {
				t.Errorf("splits %q: key %q in another shard than %d", splits, k, want)
			}
		}
	}
}

// FuzzLookupsMatchReference compares Key, Lookup, PhraseStart and MatchPhrasesAt with the
// reference versions on arbitrary text, read as space-separated keys.
func FuzzLookupsMatchReference(f *testing.F) {
	for _, s := range []string{"st marys hospital", "Milton Keynes", "stoke on trent", "saint helens",
		"bournemouth christchurch + poole", "O'Brien é the", "high street & church lane", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k, want := Key(s), refKey(s); k != want {
			t.Fatalf("Key(%q) = %q, want %q", s, k, want)
		}
		keys := strings.Split(s, " ")
		for i, k := range keys {
			e, ok := Lookup(k)
			if we, wok := refLookup(k); e != we || ok != wok {
				t.Fatalf("Lookup(%q) = %v %v, want %v %v", k, e, ok, we, wok)
			}
			var got []PhraseMatch
			MatchPhrasesAt(keys, i, func(m PhraseMatch) { got = append(got, m) })
			want := refMatchAt(keys, i)
			if !slices.Equal(got, want) {
				t.Fatalf("MatchPhrasesAt(%q, %d) = %v, want %v", keys, i, got, want)
			}
			if st, ok := PhraseStartState(k); ok != PhraseStart(k) {
				t.Fatalf("PhraseStartState(%q) and PhraseStart differ", k)
			} else if ok {
				got = got[:0]
				MatchPhrasesFrom(keys, i, st, func(m PhraseMatch) { got = append(got, m) })
				if !slices.Equal(got, want) {
					t.Fatalf("MatchPhrasesFrom(%q, %d) = %v, want %v", keys, i, got, want)
				}
			} else if len(want) > 0 {
				t.Fatalf("PhraseStart(%q) = false where %v starts", k, want)
			}
		}
	})
}

// sliceKeys gives a slice of keys to MatchPhrasesFromKeys.
type sliceKeys []string

func (k sliceKeys) Len() int         { return len(k) }
func (k sliceKeys) Key(j int) string { return k[j] }
