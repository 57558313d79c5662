package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeFolds(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"NHS ９４３ ４７６ ５９１９", "NHS 943 476 5919"},
		{"943\u200b476\u200d5919", "9434765919"},
		{"\u202e9191 674 349\u202c", "9191 674 349"},
		{"Mary\u2019s", "Mary's"},
		{"\u201cquoted\u201d", "\"quoted\""},
		{"bed\u00a04", "bed 4"},
		{"01\u201302\u20141951", "01-02-1951"},
		{"٩٤٣ ٤٧٦ ٥٩١٩", "943 476 5919"},
		{"94347O5919", "9434705919"},
		{"2O19", "2019"},
		{"Оliver", "Oliver"}, // Cyrillic O
		{"\ufb01ne", "fine"}, // ligature
		{"e\u0301cole", "\u00e9cole"},
		{"𝟗𝟒𝟑", "943"},
		{"Obs at l0", "Obs at l0"}, // a letter next to one digit only stays
	}
	for _, c := range cases {
		got, _ := normalize(c.in)
		if got != c.want {
			t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOrigSpanRoundTrip(t *testing.T) {
	in := "Pt \u201cDoris\u201d NHS ９４３\u200b４７６ ５９１９ in bed\u00a04"
	d, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(d.Norm, "943")
	j := strings.Index(d.Norm, "5919") + 4
	s, e := d.OrigSpan(i, j)
	if got := in[s:e]; got != "９４３\u200b４７６ ５９１９" {
		t.Errorf("orig span = %q", got)
	}
	i = strings.Index(d.Norm, "Doris")
	s, e = d.OrigSpan(i, i+5)
	if in[s:e] != "Doris" {
		t.Errorf("orig span = %q", in[s:e])
	}
}

func TestOrigSpanTable(t *testing.T) {
	cases := []struct{ in, normWord, origWord string }{
		{"the \ufb01ne print", "fine", "\ufb01ne"},
		{"x \u200bDoris\u200b y", "Doris", "Doris"},
		{"caf\u00e9 Zo\u00eb s", "Zo\u00eb", "Zo\u00eb"},
		{"Zoe\u0308 here", "Zo\u00eb", "Zoe\u0308"},
		{"ab 2O19 cd", "2019", "2O19"},
		{"\U0001F600 bed 4 \U0001F600", "bed 4", "bed 4"},
	}
	for _, c := range cases {
		d, err := New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(d.Norm, c.normWord)
		if i < 0 {
			t.Errorf("%q: %q not in norm %q", c.in, c.normWord, d.Norm)
			continue
		}
		s, e := d.OrigSpan(i, i+len(c.normWord))
		if c.in[s:e] != c.origWord {
			t.Errorf("%q: orig of %q = %q, want %q", c.in, c.normWord, c.in[s:e], c.origWord)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	if _, err := New("bad \xff byte"); err != ErrInvalidUTF8 {
		t.Fatalf("err = %v", err)
	}
}

func TestTokens(t *testing.T) {
	d, err := New("Mr O'Neill (94yo) in bed 4, #BedBlocker @sarah_rn x@y.com ward 7B.")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var kinds []Kind
	for _, tk := range d.Tokens {
		got = append(got, d.Text(tk))
		kinds = append(kinds, tk.Kind)
	}
	want := []string{"Mr", "O'Neill", "(", "94yo", ")", "in", "bed", "4", ",", "#BedBlocker", "@sarah_rn", "x", "@", "y", ".", "com", "ward", "7B", "."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("tokens = %q", got)
	}
	wantKinds := map[string]Kind{"Mr": Word, "94yo": Alnum, "4": Number, "#BedBlocker": Hashtag, "@sarah_rn": Mention, "7B": Alnum, "(": Punct}
	for i, w := range got {
		if k, ok := wantKinds[w]; ok && kinds[i] != k {
			t.Errorf("kind of %q = %d, want %d", w, kinds[i], k)
		}
	}
	if d.Tokens[1].Shape&Mixed == 0 {
		t.Errorf("O'Neill shape = %b", d.Tokens[1].Shape)
	}
	if d.Tokens[0].Shape&Title == 0 {
		t.Errorf("Mr shape = %b", d.Tokens[0].Shape)
	}
}

func TestCaseFlags(t *testing.T) {
	d, _ := New("PT IN BED 4 WAS CONFUSED OVERNIGHT")
	if !d.AllCaps || d.AllLower {
		t.Errorf("caps flags: %v %v", d.AllCaps, d.AllLower)
	}
	d, _ = New("just finished a long shift with sarah and tom")
	if d.AllCaps || !d.AllLower {
		t.Errorf("lower flags: %v %v", d.AllCaps, d.AllLower)
	}
	if d.Lower != d.Norm {
		t.Errorf("lower of lower text differs")
	}
}

func TestSentences(t *testing.T) {
	d, _ := New("Saw Dr. Smith today. He was great! Next line\nanother one")
	var got []string
	for _, s := range d.Sentences {
		got = append(got, d.Norm[s.Start:s.End])
	}
	want := []string{"Saw Dr. Smith today.", "He was great!", "Next line", "another one"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sentences = %q", got)
	}
}

func FuzzNew(f *testing.F) {
	for _, s := range []string{"", "Mr O'Neill bed 4", "٩٤٣ ٤٧٦", "a\u200bb", "e\u0301\u0301\u0301", "#nhs @x", "\ufb01\ufb01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := New(s)
		if !utf8.ValidString(s) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Lower) != len(d.Norm) {
			t.Fatalf("lower length %d != norm length %d", len(d.Lower), len(d.Norm))
		}
		prev := 0
		for _, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(d.Norm) {
				t.Fatalf("bad token %+v", tk)
			}
			prev = tk.End
			s0, e0 := d.OrigSpan(tk.Start, tk.End)
			if s0 < 0 || e0 < s0 || e0 > len(s) {
				t.Fatalf("bad orig span %d:%d of %d", s0, e0, len(s))
			}
			if !utf8.ValidString(s[s0:e0]) {
				t.Fatalf("orig span cuts a rune: %q", s[s0:e0])
			}
		}
	})
}

// TestScanWordShape checks the ASCII fast path of scanWordShape against
// scanWord and shapeOf.
func TestScanWordShape(t *testing.T) {
	for _, s := range []string{
		"Mary's O'Neill o'clock 94yo SR2 LS1 iPhone McDonald NHS x 7B 0300",
		"a'b a''b 1'a a'1 a' 'a ab'é é'ab Zoë's naïve Ωmega Ab\u0301c x'\u0301",
		"ABC'S abc'D Abc'd A1'b 12'34 ǅemal ⅫV x\u0660y",
		"ab\U0001F602 Ab'\U0001F602 7\U0001F602x",
	} {
		for i := 0; i < len(s); i++ {
			if cl, _ := classAt(s, i); (cl != clLetter && cl != clDigit) || !utf8.RuneStart(s[i]) {
				continue
			}
			end, sh, u, l := scanWordShape(s, i, false)
			wantEnd := scanWord(s, i)
			wantSh, wantU, wantL := shapeOf(s[i:wantEnd])
			if end != wantEnd || sh != wantSh || u != wantU || l != wantL {
				t.Errorf("%q at %d: got %d %b %d %d, want %d %b %d %d", s, i, end, sh, u, l, wantEnd, wantSh, wantU, wantL)
			}
		}
	}
}
