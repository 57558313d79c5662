package detect

import (
	"os"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/text"
)

// idCueMaskLazy is the cue mask of token i as the scan computed it before
// its cue tables, token by token on demand: the reference for TestIDCues.
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

// idCueSecond has bit c&63 of idCueSecond[b] set when a cue word of two or
// more bytes starts with the bytes b and c: with the table's first-byte and
// length filter it turns away short words such as "the" or "is" that share
// a first byte and length with a cue ("tel", "ip").
var idCueSecond = func() (f [256]uint64) {
	for w := range idCueWordMap {
		if len(w) > 1 {
			f[w[0]] |= 1 << (w[1] & 63)
		}
	}
	return f
}()

// cueOf returns the cue bits of token i as the scan worked them out before
// the shared token pass marked the tokens that may be a cue (tokFCue):
// most tokens are no cue, and it turned them away with idCueMay, asking
// idCueMaskOf only about the few that passed. idCheckCues checks it too.
func (st *idScan) cueOf(i int) uint64 {
	t := &st.doc.Tokens[i]
	low := st.doc.Lower
	if t.Kind == text.Punct {
		if low[t.Start] == '#' && t.End-t.Start == 1 {
			return idCueNumber
		}
		return 0
	}
	if idCueMay(low, t.Start, t.End) {
		return st.idCueMaskOf(i)
	}
	return 0
}

// idCueMay reports whether the word or number low[start:end] may be a cue:
// the table holds a word of its first two bytes and length, it is glued to
// a '#' ("work#"), or it is the letter of "d.o.b", "a/c" or "s/n".
func idCueMay(low string, start, end int) bool {
	k, c0 := end-start, low[start]
	return idCueWords.lens[c0]&(1<<min(k, 31)) != 0 && (k == 1 || idCueSecond[c0]>>(low[start+1]&63)&1 != 0) ||
		end < len(low) && (low[end] == '#' || k == 1 && (low[end] == '.' || low[end] == '/'))
}

// ctxWindowWalk is ctxWindow as it was before the bit set of the words:
// it walks the tokens before from and after to, counting the words. It is
// the reference TestIDCues compares ctxWindow with.
func ctxWindowWalk(doc *text.Doc, from, to, nb, na int) (lo, hi int) {
	toks := doc.Tokens
	lo, hi = from, to
	for k := 0; lo > 0 && k < nb; {
		lo--
		if toks[lo].Kind != text.Punct {
			k++
		}
	}
	for k := 0; hi < len(toks) && k < na; {
		if toks[hi].Kind != text.Punct {
			k++
		}
		hi++
	}
	return lo, hi
}

// TestIDCues checks idCueMask, ctxWindow and ctx against the lazy per-token
// masks and the token-by-token window walk (ctxWindowWalk) they replace:
// every token's mask, and every window of up to four tokens with every
// reach the rules use, over the synthetic posts, cue-laden samples, real
// tweets and the identifier vectors when present, each also upper- and
// lower-cased, and posts of more than 64 tokens.
func TestIDCues(t *testing.T) {
	texts := append(benchdata.Posts(300),
		"NHS no: 943 476 5919", "hospital number - 1234567", "d.o.b 1/2/3 a/c 12345678 s/n 99887",
		"ask to page Marnie", "page number 5", "social work 123456", "SOCIAL: lives alone", "social security 123-45-6789",
		"work# 07700 900123", "cell#555", "# 12345 #", "&#128514;&#128514;&#128514; call me 12345",
		"national - insurance QQ 12 34 56 C", "plate ABC 1234", "", "#", "....", "sort code 12-34-56", "a", "a#", "x.",
		"D.O.B 1/2/3 A/C 1 S/N 2 WORK#3", "tel#12 fax# 3 ref#4",
		strings.Repeat("&#128514; ", 20)+"NHS no 943 476 5919 "+strings.Repeat(". , ", 40)+"call 0113 496 0000",
		strings.Repeat("- ", 63)+"no. 12 tel "+strings.Repeat("x ", 70)+"#")
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
			st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
			checked += idCheckCues(t, &st, v)
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
		st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
		idCheckCues(t, &st, s)
	})
}

// idCheckCues compares the cues of st with the lazy reference, token by
// token and window by window, and returns the number of windows checked.
// It also checks that the shared token pass marks every token with cue
// bits as one that may have some, and cueOf, the filter before the marks.
func idCheckCues(t *testing.T, st *idScan, v string) (checked int) {
	t.Helper()
	doc := st.doc
	n := len(doc.Tokens)
	var p tokPass
	p.fill(doc)
	for i := 0; i < n; i++ {
		tk := doc.Tokens[i]
		want := idCueMaskLazy(doc, i)
		if got := st.idCueMask(i); got != want {
			t.Fatalf("%q: token %d %q: mask %#x, want %#x", v, i, doc.Norm[tk.Start:tk.End], got, want)
		}
		if got := st.cueOf(i); got != want {
			t.Fatalf("%q: token %d %q: cueOf %#x, want %#x", v, i, doc.Norm[tk.Start:tk.End], got, want)
		}
		mk, bit := p.marks[i>>6], uint64(1)<<(i&63)
		if want != 0 && mk.cue&bit == 0 {
			t.Fatalf("%q: token %d %q has cues %#x but is not marked", v, i, doc.Norm[tk.Start:tk.End], want)
		}
	}
	for k, mk := range p.marks {
		if r := n - k*64; r < 64 && mk.cue>>r != 0 {
			t.Fatalf("%q: cue marks %#x past the %d tokens", v, mk.cue, n)
		}
	}
	for from := 0; from <= n; from++ {
		for to := from; to <= min(n, from+4); to++ {
			for nb := 0; nb <= 6; nb++ {
				for na := 0; na <= 3; na++ {
					lo, hi := ctxWindowWalk(doc, from, to, nb, na)
					if l, h := st.ctxWindow(from, to, nb, na); l != lo || h != hi {
						t.Fatalf("%q: ctxWindow(%d, %d, %d, %d) = %d, %d, want %d, %d", v, from, to, nb, na, l, h, lo, hi)
					}
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
