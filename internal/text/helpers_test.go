package text

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWordMasks checks the eight-byte helpers against plain loops on every
// ASCII byte in every position.
func TestWordMasks(t *testing.T) {
	for c := 0; c < 128; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("........")
			b[pos] = byte(c)
			w := load64(string(b))
			wantUp, wantDigit := uint64(0), uint64(0)
			if 'A' <= c && c <= 'Z' {
				wantUp = 0x80 << (8 * pos)
			}
			if '0' <= c && c <= '9' {
				wantDigit = 0x80 << (8 * pos)
			}
			if got := upperMask(w); got != wantUp {
				t.Errorf("upperMask(%q) = %#x, want %#x", b, got, wantUp)
			}
			if got := digitMask(w); got != wantDigit {
				t.Errorf("digitMask(%q) = %#x, want %#x", b, got, wantDigit)
			}
		}
	}
	for _, c := range []struct {
		in   string
		want int
	}{
		{"abcdefgh", 8}, {"\xffbcdefgh", 0}, {"abc\xe2\x80\x99fg", 3}, {"abcdefg\xf0", 7},
	} {
		if got := asciiPrefix(load64(c.in)); got != c.want {
			t.Errorf("asciiPrefix(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestLowerFast checks lowerASCII and lower against strings.ToLower where
// that keeps the byte length, and that they return s itself when nothing
// changes.
func TestLowerFast(t *testing.T) {
	for _, s := range []string{
		"", "a", "A", "already lower case text", "Mixed Case Text With NHS 123",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", "tail ABC", "ÉCOLE Zoë 😴 ÀB cdEF",
		"AB\u00c9CDEFGHIJ\U0001F600KLMNOP\u0130QR", "\u212aelvin \u2126hm", "x\U0001F600",
		"#BedBlocker @SarahRN x", "tail end WORDSWORDSWORDS", "ABCDEFGHIJKLMNOPQ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaB",
	} {
		want := refLower(s)
		got := lower(s)
		if got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
		if isPlainASCII(s) {
			if got := lowerASCII(s); got != want {
				t.Errorf("lowerASCII(%q) = %q, want %q", s, got, want)
			}
			if got := lowerPlain(s, want != s); got != want {
				t.Errorf("lowerPlain(%q) = %q, want %q", s, got, want)
			}
		}
		if want == s && len(s) > 0 && (strings.Compare(got, s) != 0 || &[]byte(got)[0] == nil) {
			t.Errorf("lower(%q) changed an unchanged text", s)
		}
	}
}

// TestHasDigitHomoglyph checks the eight-byte version against the plain one.
func TestHasDigitHomoglyph(t *testing.T) {
	for _, s := range []string{
		"", "1O1", "12345678O9", "1234567O9", "abcdefg1O1abc", "abcdefgh1", "1Oabcdefgh", "abcdefg1", "O1O1",
		"x\U0001F6001l1", "2O19 and 2o19", "no digits here at all, none", "1 O 1", "99I9999999", "1\xffO1",
	} {
		want := refHasDigitHomoglyph(s)
		if got := hasDigitHomoglyph(s); got != want {
			t.Errorf("hasDigitHomoglyph(%q) = %v, want %v", s, got, want)
		}
		if got := tokenHasDigitHomoglyph(s); got != want {
			t.Errorf("tokenHasDigitHomoglyph(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCheckText checks the validity and inertness test against
// utf8.ValidString and the general path of normalize.
func TestCheckText(t *testing.T) {
	for _, c := range []struct {
		in    string
		inert bool
	}{
		{"plain", true},
		{"coffee 😴 please", true},
		{"\U0001F300\U0001FAFF\U0001F2FF", true}, // the ends of the pictographs, and a rune before them
		{"caf\u00e9 Zo\u00eb", true},
		{"Mary\u2019s", false},                // a curly quote is folded
		{"e\u0301", false},                    // a combining mark
		{"\ufb01ne", false},                   // a compatibility ligature
		{"\U0001F100 one", false},             // a compatibility digit in the pictograph block
		{"\u0663", false},                     // an Arabic-Indic digit
		{"\u041e", false},                     // a Cyrillic look-alike
		{"a\u200bb", false},                   // a zero-width space
		{"\U0001F468\u200d\U0001F469", false}, // a joiner
	} {
		valid, inert := checkText(c.in)
		if !valid || inert != c.inert {
			t.Errorf("checkText(%q) = %v, %v, want true, %v", c.in, valid, inert, c.inert)
		}
		if inert {
			if got, m := refNormalize(c.in); got != c.in || m.segs != nil {
				t.Errorf("%q is inert but normalises to %q", c.in, got)
			}
		}
	}
	for _, s := range []string{"bad \xff", "\xc3", "ab\xed\xa0\x80", "\xf0\x9f\x98"} {
		if valid, _ := checkText(s); valid || utf8.ValidString(s) {
			t.Errorf("checkText(%q) accepted invalid UTF-8", s)
		}
	}
	if !plainSymbols || !plainPicts {
		t.Error("the pictograph block failed its start-up check")
	}
}

// TestNewDocRoom checks that newDoc gives the tokens room for the guess in
// every size class.
func TestNewDocRoom(t *testing.T) {
	for _, n := range []int{0, 1, 15, 16, 50, 100, 200, 300, 1000, 100000} {
		d := newDoc(n)
		if len(d.Tokens) != 0 || cap(d.Tokens) < n/4+4 {
			t.Errorf("newDoc(%d): len %d cap %d", n, len(d.Tokens), cap(d.Tokens))
		}
	}
}

// TestASCIILen checks asciiLen against a plain loop at every length and
// position of the first non-ASCII byte.
func TestASCIILen(t *testing.T) {
	for n := 0; n <= 20; n++ {
		for at := 0; at <= n; at++ {
			b := []byte(strings.Repeat("a", n))
			if at < n {
				b[at] = 0xc3
			}
			if got := asciiLen(string(b)); got != at {
				t.Errorf("asciiLen(%q) = %d, want %d", b, got, at)
			}
		}
	}
}

// TestReleaseReuse checks that Release clears a Doc and that New, reusing
// it, makes the same Doc as from a fresh one.
func TestReleaseReuse(t *testing.T) {
	for _, s := range []string{"First text, with Mr. Smith.\nAnd a line", "2O19 is \u2019odd\u2019 \U0001F600", "x"} {
		d, _ := New(strings.Repeat("A long text to fill the tokens. ", 20))
		d.Release()
		if d.Orig != "" || d.Sentences != nil || len(d.Tokens) != 0 || d.m.segs != nil {
			t.Fatalf("Release left %+v", d)
		}
		// New in diffDoc most often gets d back (sync.Pool may drop it,
		// and does at random under the race detector).
		if msg := diffDoc(s, rand.New(rand.NewSource(1))); msg != "" {
			t.Errorf("%s for %q after a Release", msg, s)
		}
	}
}

// TestIsAbbrevAt checks the perfect-hash lookup against the frozen switch
// (refIsAbbrev) for the abbreviations, words near them, initials and
// random words, each at the end of the text and with bytes after it (which
// the eight-byte load reads and must ignore).
func TestIsAbbrevAt(t *testing.T) {
	longest := 0
	for _, w := range abbrevs {
		longest = max(longest, len(w))
	}
	if longest != maxAbbrev {
		t.Fatalf("maxAbbrev is %d, the longest of abbrevs has %d bytes", maxAbbrev, longest)
	}
	words := []string{"", "j", "é", "ǅ", "\xff", "\xff\xff", "a\u0301", "drs", "d", "r", "mrs.", "approx", "approxi", "e.g", "e.", "i.e.", "no", "on", "cllr", "sgts"}
	for _, w := range abbrevs {
		words = append(words, w, w[:len(w)-1], w+"s", strings.ToUpper(w))
	}
	rnd := rand.New(rand.NewSource(5))
	const letters = "abcdefghijklmnopqrstuvwxyz.é"
	for k := 0; k < 20000; k++ {
		b := make([]byte, 1+rnd.Intn(7))
		for j := range b {
			b[j] = letters[rnd.Intn(len(letters))]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		want := refIsAbbrev(w)
		for _, after := range []string{"", ".", ". And then some more text"} {
			text := "x " + w + after
			if got := isAbbrevAt(text, 2, 2+len(w)); got != want && len(w) > 0 {
				t.Errorf("isAbbrevAt(%q) = %v, want %v", text, got, want)
			}
		}
	}
}
