package detect

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/text"
)

// idScanRefTexts are the texts on which the token scans of the identifier,
// date and proper-noun families are compared with their every-token
// references: the synthetic posts, real tweets, the identifier vectors and
// the deid notes when present, and hand-made edge cases, each also upper-
// and lower-cased.
func idScanRefTexts() []string {
	texts := append(benchdata.Posts(400),
		"", "'", "'92", "MI '92", "@2330", "@ 2330", "#1", "3rd", "SR2", "94yo", "72M", "90s", "x's", "Tuesday's post",
		"DOB 01/02/45 at 0300", "NHS no: 943 476 5919", "(312) 555-0142x769", "+44 (0)20 7946 0018", "www.x.com",
		"a@b.co", "http://a.b/c", "::1", "1.2.3.4", "Dr: K. Vellandi", "Mavis: nurse!", "Castlebrook's director",
		"social: ray visited", "husband radovan.", "BEA KOLARIC AWARE", "my new Cloudstep clogs", "from Lubec",
		strings.Repeat("word ", 70)+"on 3rd May 2024 at 0300", strings.Repeat("12 ", 130)+"@0300",
		strings.Repeat("a. ", 64)+"Tuesday", "‘92 — ２０２４-０３-１２ «May» 3rd")
	for _, p := range []string{idVectorsPath, "../../../shared/data/external/davidson-hate-offensive/labeled_data.csv",
		"../../../shared/data/external/physionet-deid-gold/id.text"} {
		if data, err := os.ReadFile(p); err == nil {
			lines := strings.Split(string(data), "\n")
			texts = append(texts, lines[:min(len(lines), 6000)]...)
		}
	}
	out := make([]string, 0, 3*len(texts))
	for _, s := range texts {
		out = append(out, s, strings.ToUpper(s), strings.ToLower(s))
	}
	return out
}

// runEveryToken is the scan as it was before idMarks: act at every token,
// in order. It is the reference run must agree with.
func (st *idScan) runEveryToken() {
	for i := range st.doc.Tokens {
		st.act(i)
	}
}

// idMarks is the reference of the identifiers' marks of the shared token
// pass (tokMarks.id), as run read them before the pass: it returns the
// marks of run for tokens base to base+63 of toks, bit j
// for toks[base+j]: a superset of the tokens where act may find something,
// told by the classes of the token and the two after it:
//   - any token that opens a chunk glued to the next token (web), except a
//     word followed by one punctuation mark other than '@' that ends the
//     chunk (idWordAndMark);
//   - a word of at most 4 bytes followed by a number, an alnum or a hyphen
//     (shortWord);
//   - a Mention, Number or Alnum (username, numbers, alnum);
//   - a '+' or '(' glued to the next token (numbers).
//
// A punctuation mark alone between spaces is not marked: web finds nothing
// in a chunk of one token. A first loop writes the class of each token in a
// byte; idGather turns the bytes, 8 at a time, into a bit set per class bit
// (bit j for token base+j), which are combined 64 tokens at a time, the
// next token's bits by a shift. This costs a fraction of the instructions
// of a test per token and no branch.
func idMarks(toks []text.Token, s string, base int) uint64 {
	// cls[j] is the class of token base+j; the sentinels after the post
	// are 0. Tokens base+64 and base+65 are needed as the next ones.
	var cls [72]uint8
	blk := toks[base:min(base+66, len(toks))]
	c := cls[:len(blk)]
	for j := range c {
		start := blk[j].Start
		c[j] = idClassTab[(int(blk[j].Kind)&7)<<8|int(s[start])] |
			uint8(idB2u(!blk[j].Space))<<1 | uint8(idB2u(blk[j].End-start <= 4))<<2
	}
	if base == 0 {
		cls[0] &^= idFGlued // the first token opens a chunk
	}
	// the bit sets of the classes of tokens base to base+63
	var word, glued, short, shortNext, punct, acts, plus uint64
	for g := 0; g < min(len(c), 64); g += 8 { // the bytes after c are 0
		x := binary.LittleEndian.Uint64(cls[g:])
		word |= idGather(x, 0) << g
		glued |= idGather(x, 1) << g
		short |= idGather(x, 2) << g
		shortNext |= idGather(x, 3) << g
		punct |= idGather(x, 4) << g
		acts |= idGather(x, 5) << g
		plus |= idGather(x, 6) << g
	}
	// the bits of the next token, and of the one after (tokens base+64 and
	// base+65 are in the bytes 64 and 65)
	x := binary.LittleEndian.Uint64(cls[64:])
	glued1 := glued>>1 | idGather(x, 1)<<63
	glued2 := glued>>2 | idGather(x, 1)<<62
	shortNext1 := shortNext>>1 | idGather(x, 3)<<63
	punct1 := punct>>1 | idGather(x, 4)<<63
	web := ^glued & glued1 &^ (word &^ glued2 & punct1)
	m := web | word&short&shortNext1 | acts | plus&glued1
	if n := len(toks) - base; n < 64 {
		m &= 1<<n - 1 // the sentinels are 0, but ^glued is not
	}
	return m
}

// idCheckRun compares run with runEveryToken on s, and checks that act
// finds nothing at the tokens idMarks does not mark. It returns the number
// of tokens checked.
func idCheckRun(t *testing.T, s string) int {
	t.Helper()
	doc, err := text.New(s)
	if err != nil {
		return 0
	}
	newScan := func() *idScan { return &idScan{doc: doc, s: doc.Norm, low: doc.Lower} }
	got, want := newScan(), newScan()
	got.run(newPost(doc).marks())
	want.runEveryToken()
	if !reflect.DeepEqual(got.out, want.out) {
		t.Fatalf("%q: run found %v, every token %v", s, got.out, want.out)
	}
	for base := 0; base < len(doc.Tokens); base += 64 {
		m := idMarks(doc.Tokens, doc.Norm, base)
		for j := 0; j < 64 && base+j < len(doc.Tokens); j++ {
			if m&(1<<j) != 0 {
				continue
			}
			sc := newScan()
			if sc.act(base + j); len(sc.out) != 0 {
				tk := doc.Tokens[base+j]
				t.Fatalf("%q: token %d %q unmarked, but act finds %v", s, base+j, doc.Norm[tk.Start:tk.End], sc.out)
			}
		}
		if end := len(doc.Tokens) - base; end < 64 && m>>end != 0 {
			t.Fatalf("%q: marks %#x past the %d tokens", s, m, len(doc.Tokens))
		}
	}
	return len(doc.Tokens)
}

// TestIDRunMarks checks run, which visits only the tokens idMarks marks,
// against the every-token scan, on the reference texts.
func TestIDRunMarks(t *testing.T) { checkOnRefTexts(t, idCheckRun) }

// checkOnRefTexts runs check (which compares a marks-driven scan with its
// every-token reference on one text and returns the tokens it checked) on the
// reference texts, and fails if they held too few tokens to mean anything.
func checkOnRefTexts(t *testing.T, check func(*testing.T, string) int) {
	checkOnTexts(t, idScanRefTexts(), check)
}

// checkOnTexts runs check on each of texts (as checkOnRefTexts does on the
// reference texts) and fails if they held too few tokens to mean anything.
func checkOnTexts(t *testing.T, texts []string, check func(*testing.T, string) int) {
	checked := 0
	for _, s := range texts {
		checked += check(t, s)
	}
	if checked < 100000 {
		t.Errorf("only %d tokens checked", checked)
	}
}

// FuzzIDRunMarks runs the comparison of TestIDRunMarks on arbitrary text.
func FuzzIDRunMarks(f *testing.F) {
	for _, s := range []string{"NHS no: 943 476 5919", "a@b.co", "call(0113) 496", "AB 12 34 56 C", "DKR-5519", "@sarah_rn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idCheckRun(t, s) })
}

// TestIDGather checks idGather against a byte-by-byte reading, for every
// bit of bytes of every value and random mixtures.
func TestIDGather(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 20000 {
		var b [8]byte
		for i := range b {
			switch k % 3 {
			case 0:
				b[i] = byte(rng.Uint32())
			case 1:
				b[i] = byte(k/3) ^ byte(i*37)
			default:
				b[i] = 0xff
				if rng.IntN(2) == 0 {
					b[i] = 0
				}
			}
		}
		x := binary.LittleEndian.Uint64(b[:])
		for bit := range uint(8) {
			var want uint64
			for i := range b {
				want |= uint64(b[i]>>bit&1) << i
			}
			if got := idGather(x, bit); got != want {
				t.Fatalf("idGather(%#x, %d) = %#x, want %#x", x, bit, got, want)
			}
		}
	}
}

// idWebShapeBytes is idWebShape as it was, a test of every byte: the
// reference TestIDWebShape compares it with.
func idWebShapeBytes(s string, cs, ce int) (urlish, ipish bool) {
	innerDot, scheme, colons := false, false, 0
	for q := cs; q < ce; q++ {
		switch s[q] {
		case '.':
			if q+1 < ce && (idIsAlnum(s[q+1]) || s[q+1] >= 0x80) {
				innerDot = true
			}
		case ':':
			colons++
			if q+2 < ce && s[q+1] == '/' && s[q+2] == '/' {
				scheme = true
			}
		}
	}
	return innerDot || scheme, innerDot || colons >= 2
}

// TestIDWebShapeBytes compares idWebShape with the byte-by-byte reference on
// every span of up to 40 bytes of the reference texts and of strings of
// dots, colons and slashes.
func TestIDWebShapeBytes(t *testing.T) {
	texts := append(idScanRefTexts()[:3000], "a.b", ".a", "a.", "::1", "a:/", "a://", "x.:/é.1", "1.2.3.4:80",
		"http://x", ":/:/", "..", ".é", "a..b", "::", ":a:", "://")
	for _, s := range texts {
		for cs := 0; cs < len(s); cs++ {
			for ce := cs; ce <= len(s) && ce <= cs+40; ce++ {
				u1, i1 := idWebShape(s, cs, ce)
				u2, i2 := idWebShapeBytes(s, cs, ce)
				if u1 != u2 || i1 != i2 {
					t.Fatalf("idWebShape(%q) = %v, %v, want %v, %v", s[cs:ce], u1, i1, u2, i2)
				}
			}
		}
	}
}
