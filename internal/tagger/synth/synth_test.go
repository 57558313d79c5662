package synth

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	listsOnce sync.Once
	lists     *Lists
	listsErr  error
)

// realLists loads the repository's lists once for all tests.
func realLists(t testing.TB) *Lists {
	t.Helper()
	listsOnce.Do(func() { lists, listsErr = LoadLists("../../..") })
	if listsErr != nil {
		t.Fatal(listsErr)
	}
	return lists
}

func TestLoadLists(t *testing.T) {
	l := realLists(t)
	for _, c := range []struct {
		name     string
		list     []string
		min      int
		want     string // an entry that must be there
		topLimit int    // ... within the first topLimit entries (0: anywhere)
	}{
		{"FirstNames", l.FirstNames, 5000, "mary", 50},
		{"Surnames", l.Surnames, 5000, "smith", 10},
		{"Towns", l.Towns, 1000, "london", 100},
		{"Hospitals", l.Hospitals, 500, "", 0},
		{"Streets", l.Streets, 100, "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if len(c.list) < c.min {
				t.Fatalf("%d entries, want at least %d", len(c.list), c.min)
			}
			seen := map[string]bool{}
			for _, s := range c.list {
				if s != strings.ToLower(s) || strings.TrimSpace(s) != s || s == "" {
					t.Fatalf("entry %q is not trimmed lower case", s)
				}
				if seen[s] {
					t.Fatalf("entry %q twice", s)
				}
				seen[s] = true
			}
			if c.want == "" {
				return
			}
			top := c.list
			if c.topLimit > 0 {
				top = top[:c.topLimit]
			}
			found := false
			for _, s := range top {
				found = found || s == c.want
			}
			if !found {
				t.Errorf("%q not among the first %d entries", c.want, len(top))
			}
		})
	}
	if _, err := LoadLists(t.TempDir()); err == nil {
		t.Error("LoadLists of an empty directory: no error")
	}
}

// titleWords may precede a name but never start a NAME span; credWords may
// follow one but never end it.
var (
	titleWords = toSet("dr dr. mr mr. mrs mrs. ms ms. miss mx mister doctor np pa rn nurse sister sr sr. prof prof. professor matron drs drs.")
	credWords  = toSet("rn md np pa-c rrt licsw do dpt slp rd cna msw phd bsn aprn ccrn lpn lcsw pharmd crna mbbs frcp rgn rmn otr/l ccc-slp (rn) (np) (sn)")
)

func isAlnum(c byte) bool { return isLetter(c) || isDigit(c) }

// checkExample reports what is wrong with an example's spans.
func checkExample(t *testing.T, i int, e Example) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("example %d %q: "+format, append([]any{i, e.Text}, args...)...)
	}
	if e.Text == "" {
		fail("empty")
		return
	}
	prev := 0
	for k, s := range e.Spans {
		if s.Label != Name && s.Label != Loc {
			fail("span %d: label %q", k, s.Label)
		}
		if s.Start < prev || s.End <= s.Start || s.End > len(e.Text) {
			fail("span %d [%d,%d) out of order, empty or out of range", k, s.Start, s.End)
			return
		}
		prev = s.End
		txt := e.Text[s.Start:s.End]
		if !isAlnum(txt[0]) || !isAlnum(txt[len(txt)-1]) {
			fail("span %d %q starts or ends with a space or punctuation", k, txt)
		}
		if strings.ContainsAny(txt, "\n\t") || strings.Contains(txt, "  ") {
			fail("span %d %q holds a line break or a double space", k, txt)
		}
		// A span starts and ends at word boundaries.
		if s.Start > 0 && (isAlnum(e.Text[s.Start-1]) || e.Text[s.Start-1] == '\'') {
			fail("span %d %q starts inside a word", k, txt)
		}
		if s.End < len(e.Text) && (isAlnum(e.Text[s.End]) ||
			e.Text[s.End] == '\'' && s.End+1 < len(e.Text) && isLetter(e.Text[s.End+1])) {
			fail("span %d %q ends inside a word", k, txt)
		}
		if s.Label == Name {
			w := strings.Fields(strings.ToLower(txt))
			if titleWords[w[0]] {
				fail("NAME span %d %q holds a title", k, txt)
			}
			if last := strings.TrimRight(w[len(w)-1], ","); credWords[last] && len(w) > 1 {
				fail("NAME span %d %q holds a credential", k, txt)
			}
		}
	}
}

func TestSpansValid(t *testing.T) {
	l := realLists(t)
	for seed := uint64(1); seed <= 2; seed++ {
		for i, e := range Generate(l, seed, 5000) {
			checkExample(t, i, e)
		}
	}
}

func TestDeterministic(t *testing.T) {
	l := realLists(t)
	a, b := Generate(l, 42, 500), Generate(l, 42, 500)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different examples")
	}
	if c := Generate(l, 43, 500); reflect.DeepEqual(a, c) {
		t.Fatal("different seeds, same examples")
	}
	if got := Generate(l, 42, 100); !reflect.DeepEqual(got, a[:100]) {
		t.Error("the first examples depend on n")
	}
	if got := Generate(l, 1, 0); len(got) != 0 {
		t.Errorf("n=0: %d examples", len(got))
	}
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func TestBalance(t *testing.T) {
	l := realLists(t)
	ex := Generate(l, 9, 10000)
	var withName, withLoc, none, caps, lower, long, words int
	for _, e := range ex {
		hasName, hasLoc := false, false
		for _, s := range e.Spans {
			hasName = hasName || s.Label == Name
			hasLoc = hasLoc || s.Label == Loc
		}
		switch {
		case hasName && hasLoc:
			withName++
			withLoc++
		case hasName:
			withName++
		case hasLoc:
			withLoc++
		default:
			none++
		}
		if strings.ToUpper(e.Text) == e.Text {
			caps++
		} else if strings.ToLower(e.Text) == e.Text {
			lower++
		}
		n := wordCount(e.Text)
		words += n
		if n > maxWords+10 {
			long++
		}
	}
	frac := func(k int) float64 { return float64(k) / float64(len(ex)) }
	for _, c := range []struct {
		what     string
		got      float64
		min, max float64
	}{
		{"with a NAME", frac(withName), 0.28, 0.42},
		{"with a LOC", frac(withLoc), 0.14, 0.26},
		{"without spans", frac(none), 0.48, 0.62},
		{"ALL CAPS", frac(caps), 0.28, 0.42},
		{"all lower", frac(lower), 0.18, 0.32},
		{"longer than 70 words", frac(long), 0, 0.01},
		{"mean words", float64(words) / float64(len(ex)), 12, 40},
	} {
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s: %.3f, want %.2f-%.2f", c.what, c.got, c.min, c.max)
		}
	}
}

func TestCaseModes(t *testing.T) {
	l := realLists(t)
	var sawCaps, sawLower int
	for i, e := range Generate(l, 5, 3000) {
		switch {
		case strings.ToUpper(e.Text) == e.Text && strings.ContainsAny(e.Text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
			sawCaps++
			for _, s := range e.Spans {
				txt := e.Text[s.Start:s.End]
				if txt != strings.ToUpper(txt) {
					t.Errorf("example %d: caps text, span %q not in caps", i, txt)
				}
			}
		case strings.ToLower(e.Text) == e.Text:
			sawLower++
		}
		checkExample(t, i, e)
	}
	if sawCaps == 0 || sawLower == 0 {
		t.Errorf("%d caps and %d lower-case examples", sawCaps, sawLower)
	}
}

// TestFamilies renders every template of every family and checks that it
// gives the spans its kind promises.
func TestFamilies(t *testing.T) {
	l := realLists(t)
	g := &gen{r: newRand(3), p: newPools(l)}
	for _, f := range families {
		if len(f.t) == 0 {
			t.Errorf("family %s: no templates", f.name)
		}
		for k, tp := range f.t {
			for rep := range 25 {
				g.buf, g.spans = g.buf[:0], g.spans[:0]
				g.mode, g.style, g.noisy = rep%3, f.styles[0], rep%2 == 0
				g.expand(tp)
				var names, locs int
				for _, s := range g.spans {
					if s.Label == Name {
						names++
					} else {
						locs++
					}
				}
				ok := true
				switch f.kind {
				case kNeg:
					ok = names == 0 && locs == 0
				case kName:
					ok = names > 0 && locs == 0
				case kLoc:
					ok = names == 0 && locs > 0
				case kBoth:
					ok = names > 0 && locs > 0
				}
				if !ok {
					t.Errorf("family %s template %d (%s): %d NAME, %d LOC spans in %q", f.name, k, f.src[k], names, locs, g.buf)
					break
				}
				checkExample(t, k, Example{Text: string(g.buf), Spans: g.spans})
			}
		}
	}
}

func TestTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abbey road", "Abbey Road"},
		{"stoke on trent", "Stoke on Trent"},
		{"harkova-smith", "Harkova-Smith"},
		{"st. mary's nhs trust", "St. Mary's NHS Trust"},
		{"the bronx", "The Bronx"},
		{"", ""},
	} {
		if got := title(c.in); got != c.want {
			t.Errorf("title(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNameCase(t *testing.T) {
	g := &gen{r: newRand(1), p: &pools{oNames: map[string]bool{"orourke": true}}}
	g.mode = caseUpper // no mixed-case variation
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"smith", []string{"Smith"}},
		{"orourke", []string{"O'Rourke", "O Rourke", "Orourke"}},
		{"mcdonald", []string{"McDonald", "Mcdonald"}},
		{"lara-evans", []string{"Lara-Evans"}},
	} {
		for range 20 {
			got := g.nameCase(c.in)
			found := false
			for _, w := range c.want {
				found = found || got == w
			}
			if !found {
				t.Errorf("nameCase(%q) = %q, want one of %q", c.in, got, c.want)
				break
			}
		}
	}
}

// TestPossessive: an "'s" written right after a name joins its span.
func TestPossessive(t *testing.T) {
	g := &gen{r: newRand(1), p: &pools{}}
	g.lit("saw ")
	g.name("Smith")
	g.lit("'s team")
	if got := string(g.buf[g.spans[0].Start:g.spans[0].End]); got != "Smith's" {
		t.Errorf("span %q, want \"Smith's\"", got)
	}
}

// TestSmallLists: Generate works from hand-made lists (and from empty ones).
func TestSmallLists(t *testing.T) {
	for _, l := range []*Lists{
		{FirstNames: []string{"ann", "bob"}, Surnames: []string{"lee"}, Towns: []string{"leeds"}, Hospitals: []string{"st james"}, Streets: []string{"high street"}},
		{},
	} {
		for i, e := range Generate(l, 1, 500) {
			checkExample(t, i, e)
		}
	}
}

func TestSpeed(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("timing is meaningless under -race or -short")
	}
	l := realLists(t)
	start := time.Now()
	ex := Generate(l, 1, 60000)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("60000 examples took %v, want < 3s", d)
	}
	if len(ex) != 60000 {
		t.Errorf("%d examples", len(ex))
	}
}

func BenchmarkGenerate(b *testing.B) {
	l := realLists(b)
	for b.Loop() {
		Generate(l, 1, 1000)
	}
}
