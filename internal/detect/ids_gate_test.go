package detect

import (
	"os"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
	"github.com/scrubshq/scrubs/internal/text"
)

// TestIDRunGates checks the premise of the gates idScan.run puts before web
// and shortWord: wherever a gate skips the call, the call would have found
// nothing and claimed nothing (tried on a fresh scan, where nothing is
// claimed yet, so that no rule is cut short).
func TestIDRunGates(t *testing.T) {
	texts := append(benchdata.Posts(300),
		"email jo.smith@nhs.net now", "see www.nhs.uk. or nhs.uk", "ip 192.168.0.1, fe80::1 and :: ok",
		"AB 12 34 56 C", "QQ123456C", "GIR 0AA", "postcode SW1A 1AA ok", "plate ABC 1234", "DKR-5519",
		"ABC 123D", "reg AB12 CDE", "@handle x", "http://x.org/a?b=c", "mrn: 12345678 a.b",
		"call +44 (0)20 7946 0018 ext 12", "x@y", "a. b: c@ d", "12:30: 1.2.3.4. 2001:db8::1:")
	skipped := 0
	for _, s := range texts {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
			doc, err := text.New(v)
			if err != nil {
				t.Fatal(err)
			}
			toks := doc.Tokens
			for i, tk := range toks {
				glued := i+1 < len(toks) && !toks[i+1].Space
				if (i == 0 || tk.Space) && (!(tk.Kind == text.Punct || glued) ||
					tk.Kind == text.Word && glued && idWordAndMark(toks, doc.Norm, i)) {
					skipped++
					st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
					if st.web(i); len(st.out) > 0 || st.claimed != 0 {
						t.Errorf("%q: web(%d) skipped but finds %v", v, i, st.out)
					}
				}
				if n := tk.End - tk.Start; tk.Kind == text.Word && n >= 1 && n <= 4 &&
					!(i+1 < len(toks) && idShortNext[toks[i+1].Kind]) {
					skipped++
					st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
					if st.shortWord(i); len(st.out) > 0 || st.claimed != 0 {
						t.Errorf("%q: shortWord(%d) skipped but finds %v", v, i, st.out)
					}
				}
			}
		}
	}
	if skipped < 1000 {
		t.Errorf("only %d calls skipped: the test no longer exercises the gates", skipped)
	}
}

// TestIDWebShape checks the premise of idWebShape: in a chunk where it says
// urls or ips can find nothing, they find nothing and claim nothing (on a
// fresh scan), over the synthetic posts, web-shaped samples, the identifier
// test vectors when present, and each of them with its dots and colons moved.
func TestIDWebShape(t *testing.T) {
	texts := append(benchdata.Posts(300),
		"email jo.smith@nhs.net now", "see www.nhs.uk. or nhs.uk", "ip 192.168.0.1, fe80::1 and :: ok",
		"http://x.org/a?b=c", "ftp://localhost:21/x", "x@y", "a. b: c@ d", "12:30: 1.2.3.4. 2001:db8::1:",
		"(www.example.com).", "a.b", "A.B.", "1.2", "::", "fe80::", "::1", "a:b:c", "see: http://",
		"mail.me@nhs.uk.", "é.com", "x.é", "nhs.uk/path", "bit.ly/x", "[::1]:80", "http://[::1]/",
		"www.", "www.x", "x.www.y", "1.2.3.4.5", "10.0.0.1:8080", "3.30pm", "Mr.Smith", "e.g.", "i.e.,")
	if data, err := os.ReadFile(idVectorsPath); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			texts = append(texts, l)
		}
	}
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ReplaceAll(s, ".", ". "), strings.ReplaceAll(s, ":", "."),
			strings.ReplaceAll(s, " ", "."), strings.ReplaceAll(s, " ", ":"))
	}
	skipped := 0
	for _, v := range texts {
		doc, err := text.New(v)
		if err != nil {
			continue
		}
		toks := doc.Tokens
		for i, tk := range toks {
			if !(i == 0 || tk.Space) {
				continue
			}
			j := i + 1
			for j < len(toks) && !toks[j].Space {
				j++
			}
			cs, ce := tk.Start, toks[j-1].End
			urlish, ipish := idWebShape(doc.Norm, cs, ce)
			if !urlish {
				skipped++
				st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
				if c := st.urls(cs, ce); c != 0 || len(st.out) > 0 || st.claimed != 0 {
					t.Errorf("%q: urls(%q) skipped but finds %v", v, doc.Norm[cs:ce], st.out)
				}
			}
			if !ipish {
				skipped++
				st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, cueBuf: new(idCues)}
				if st.ips(cs, ce, 0); len(st.out) > 0 || st.claimed != 0 {
					t.Errorf("%q: ips(%q) skipped but finds %v", v, doc.Norm[cs:ce], st.out)
				}
			}
		}
	}
	if skipped < 1000 {
		t.Errorf("only %d calls skipped: the test no longer exercises idWebShape", skipped)
	}
}
