package detect

import (
	"os"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/text"
)

// idCueMaskLazy is the cue mask of token i as the scan computed it before
// fillCues, token by token on demand: the reference for TestIDCues.
func idCueMaskLazy(doc *text.Doc, i int) uint64 {
	t := doc.Tokens[i]
	w := doc.Lower[t.Start:t.End]
	m := idCueWords.at(w)
	if t.Kind == text.Punct {
		m = 0
		if w == "#" {
			m = idCueNumber
		}
	}
	if t.Kind == text.Word && t.End < len(doc.Lower) && doc.Lower[t.End] == '#' {
		m |= idCueWords.at(doc.Lower[t.Start : t.End+1])
	}
	if m == idCueRef && (w == "page" || w == "paged") && i+1 < len(doc.Tokens) && doc.Tokens[i+1].Kind == text.Word &&
		idCueWords.at(doc.Lower[doc.Tokens[i+1].Start:doc.Tokens[i+1].End])&idCueNumber == 0 {
		m = 0
	}
	if w == "social" && i+1 < len(doc.Tokens) && socialNotSSN(doc.Lower[doc.Tokens[i+1].Start:doc.Tokens[i+1].End]) {
		m = 0
	}
	if m&idCueTail != 0 && i > 0 {
		j := i - 1
		if doc.Tokens[j].Kind == text.Punct && j > 0 && doc.Lower[doc.Tokens[j].Start] == '-' {
			j--
		}
		p := doc.Tokens[j]
		if b, ok := idCueBigrams[[2]string{doc.Lower[p.Start:p.End], w}]; ok {
			m |= b
		}
	}
	if len(w) == 1 && t.End < len(doc.Lower) {
		rest := doc.Lower[t.Start:]
		switch {
		case idHasPrefix(rest, "d.o.b"):
			m |= idCuePatient
		case idHasPrefix(rest, "a/c"):
			m |= idCueAccount
		case idHasPrefix(rest, "s/n"):
			m |= idCueSerial
		}
	}
	return m &^ idCueTail
}

// TestIDCues checks idCueMask and ctx, with the cues worked out at once
// (fillCues), on demand, and switching from one to the other as a scan
// does, against the lazy
// per-token masks and
// the token-by-token window walk (ctxWindow) they replace: every token's
// mask, and the cues of every window of up to four tokens with every reach
// the rules use, over the synthetic posts, cue-laden samples, real tweets and
// the identifier vectors when present, each also upper- and lower-cased.
func TestIDCues(t *testing.T) {
	texts := append(benchdata.Posts(300),
		"NHS no: 943 476 5919", "hospital number - 1234567", "d.o.b 1/2/3 a/c 12345678 s/n 99887",
		"ask to page Marnie", "page number 5", "social work 123456", "SOCIAL: lives alone", "social security 123-45-6789",
		"work# 07700 900123", "cell#555", "# 12345 #", "&#128514;&#128514;&#128514; call me 12345",
		"national - insurance QQ 12 34 56 C", "plate ABC 1234", "", "#", "....", "sort code 12-34-56")
	for _, p := range []string{idVectorsPath, "../../../shared/data/external/davidson-hate-offensive/labeled_data.csv"} {
		if data, err := os.ReadFile(p); err == nil {
			lines := strings.Split(string(data), "\n")
			texts = append(texts, lines[:min(len(lines), 3000)]...)
		}
	}
	checked := 0
	for _, s := range texts {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
			doc, err := text.New(v)
			if err != nil {
				continue
			}
			for mode := range 3 {
				st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
				st.takeCues()
				switch mode {
				case 1:
					st.fillCues() // all at once from the start
				case 2:
					st.cues.walked = -1 << 40 // on demand throughout
				}
				checked += idCheckCues(t, &st, v)
			}
		}
	}
	if checked < 100000 {
		t.Errorf("only %d windows checked", checked)
	}
}

// FuzzIDCues runs the comparison of TestIDCues on arbitrary text.
func FuzzIDCues(f *testing.F) {
	for _, s := range []string{"NHS no: 943 476 5919", "&#128514;&#128514; call 12345", "work# 07700", "d.o.b a/c s/n x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := text.New(s)
		if err != nil || len(doc.Tokens) > 200 {
			return
		}
		for mode := range 3 {
			st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
			st.takeCues()
			switch mode {
			case 1:
				st.fillCues()
			case 2:
				st.cues.walked = -1 << 40
			}
			idCheckCues(t, &st, s)
		}
	})
}

// idCheckCues compares the cues of st with the lazy reference, token by
// token and window by window, and returns the number of windows checked.
func idCheckCues(t *testing.T, st *idScan, v string) (checked int) {
	t.Helper()
	doc := st.doc
	n := len(doc.Tokens)
	for i := 0; i < n; i++ {
		if got, want := st.idCueMask(i), idCueMaskLazy(doc, i); got != want {
			t.Fatalf("%q: token %d %q: mask %#x, want %#x", v, i, doc.Norm[doc.Tokens[i].Start:doc.Tokens[i].End], got, want)
		}
	}
	for from := 0; from <= n; from++ {
		for to := from; to <= min(n, from+4); to++ {
			for nb := 0; nb <= 6; nb++ {
				for na := 0; na <= 3; na++ {
					lo, hi := st.ctxWindow(from, to, nb, na)
					var wb, wa uint64
					for i := lo; i < from; i++ {
						wb |= idCueMaskLazy(doc, i)
					}
					for i := to; i < hi; i++ {
						wa |= idCueMaskLazy(doc, i)
					}
					if b, a := st.ctx(from, to, nb, na); b != wb || a != wa {
						t.Fatalf("%q: ctx(%d, %d, %d, %d) = %#x, %#x, want %#x, %#x", v, from, to, nb, na, b, a, wb, wa)
					}
					checked++
				}
			}
		}
	}
	return checked
}

// TestIDTokRangeAt checks tokRangeAt against tokRange for every span of up to
// 24 bytes that starts in or after a token, over the synthetic posts and
// number-laden samples.
func TestIDTokRangeAt(t *testing.T) {
	texts := append(benchdata.Posts(100), "&#128514;&#128514; call (0113) 496 0000 ext 12", "+44 (0)20 7946 0018",
		"a  12   34", "12,345.67 and 1-2-3", "(312) 555-0142x769", " 9 ")
	checked := 0
	for _, s := range texts {
		doc, err := text.New(s)
		if err != nil {
			continue
		}
		st := idScan{doc: doc, s: doc.Norm, low: doc.Lower}
		for i, tk := range doc.Tokens {
			for start := tk.Start; start < len(doc.Norm) && start < tk.End+8; start++ {
				for end := start + 1; end <= len(doc.Norm) && end <= start+24; end++ {
					f1, t1 := st.tokRange(start, end)
					f2, t2 := st.tokRangeAt(i, start, end)
					if f1 != f2 || t1 != t2 {
						t.Fatalf("%q: tokRangeAt(%d, %d, %d) = %d, %d, tokRange %d, %d", s, i, start, end, f2, t2, f1, t1)
					}
					checked++
				}
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d spans checked", checked)
	}
}
