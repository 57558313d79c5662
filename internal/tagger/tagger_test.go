package tagger

import (
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// tiny builds labelled examples from texts where [[...]]N and [[...]]L mark
// names and places.
func tiny(t *testing.T, texts ...string) []Example {
	t.Helper()
	var out []Example
	for _, s := range texts {
		var b strings.Builder
		var spans []GoldSpan
		for {
			i := strings.Index(s, "[[")
			if i < 0 {
				b.WriteString(s)
				break
			}
			j := strings.Index(s[i:], "]]")
			b.WriteString(s[:i])
			start := b.Len()
			b.WriteString(s[i+2 : i+j])
			l := Name
			if s[i+j+2] == 'L' {
				l = Loc
			}
			spans = append(spans, GoldSpan{Start: start, End: b.Len(), Label: l})
			s = s[i+j+3:]
		}
		ex, err := NewExample(b.String(), spans)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ex)
	}
	return out
}

func TestTrainLearnsContext(t *testing.T) {
	train := tiny(t,
		"dr [[zorbek]]N aware of bp", "dr [[quellan]]N aware", "per [[voss]]N will hold lasix",
		"transferred to [[kelmar]]L today", "transferred to [[brisk]]L rehab", "pt comfortable overnight",
		"lasix given, bp stable", "NP [[DRAVIC]]N AWARE", "TRANSFERRED TO [[ORLAN]]L", "abg sent, peep 5",
	)
	var all []Example
	for range 20 {
		all = append(all, train...)
	}
	w := Train(all, 5, 1)
	m, err := Parse(string(w.Marshal([32]byte{})))
	if err != nil {
		t.Fatal(err)
	}
	test := tiny(t, "dr [[pellix]]N aware", "transferred to [[quarvell]]L")
	sc := Evaluate(m, test)
	if sc[Name].TP != 1 || sc[Loc].TP != 1 {
		t.Errorf("scores %+v, want the unseen name and place found", sc)
	}
}

func TestParseRejects(t *testing.T) {
	for _, data := range []string{"", "junk", magic + "\x12\x00\x00\x00\x00\x00\x80\x3f" + strings.Repeat("\x00", 32)} {
		if _, err := Parse(data); err == nil {
			t.Errorf("Parse(%q) accepted", data)
		}
	}
}

func TestSpansJoin(t *testing.T) {
	d, err := text.New("seen by K. VELLANDI, then Harkova-Smith and Jones")
	if err != nil {
		t.Fatal(err)
	}
	toks := make([]Token, len(d.Tokens))
	for i, tk := range d.Tokens {
		switch d.Norm[tk.Start:tk.End] {
		case "K", "VELLANDI", "Harkova", "Smith", "Jones":
			toks[i] = Token{Label: Name, Margin: 2}
		}
	}
	var got []string
	for _, sp := range Spans(d, toks, nil) {
		got = append(got, d.Norm[sp.Start:sp.End])
	}
	want := []string{"K. VELLANDI", "Harkova-Smith", "Jones"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spans %q, want %q", got, want)
	}
}
