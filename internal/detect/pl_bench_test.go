package detect

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// plCorpusTexts reads the texts of the labelled development corpora.
func plCorpusTexts(tb testing.TB) []string {
	var out []string
	for _, name := range []string{"dev-uk", "dev-us"} {
		f, err := os.Open("../../eval/corpus/" + name + ".jsonl")
		if err != nil {
			tb.Skip("corpus not found:", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &r) == nil {
				out = append(out, r.Text)
			}
		}
		f.Close()
	}
	return out
}

// plDeidTexts reads the notes of the PhysioNet deid development half, if it is beside the
// project.
func plDeidTexts(tb testing.TB) []string {
	data, err := os.ReadFile("../../../shared/data/external/physionet-deid-gold/id.text")
	if err != nil {
		tb.Skip("deid corpus not beside the project:", err)
	}
	var notes []string
	for _, rec := range strings.Split(string(data), "||||END_OF_RECORD") {
		if i := strings.Index(rec, "||||\n"); i >= 0 {
			notes = append(notes, rec[i+5:])
		}
	}
	return notes
}

// benchDetector runs one detector family over texts analysed beforehand, so
// the figure is the family's own cost.
func benchDetector(b *testing.B, det Detector, texts []string) {
	docs := make([]*text.Doc, 0, len(texts))
	total := 0
	for _, s := range texts {
		d, err := text.New(s)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		total += len(s)
	}
	var out []Candidate
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			out = det.Detect(d, out[:0])
		}
	}
}

// dumpWriter returns a buffered writer on the file named by the environment
// variable env, flushed and closed when the test ends; it skips the test when
// env is not set (the dump tests compare two versions of a family).
func dumpWriter(t *testing.T, env string) *bufio.Writer {
	path := os.Getenv(env)
	if path == "" {
		t.Skip(env + " not set")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	t.Cleanup(func() {
		if err := w.Flush(); err != nil {
			t.Error(err)
		}
		f.Close()
	})
	return w
}

func benchPlacesDocs(b *testing.B, texts []string) { benchDetector(b, placeDetector{}, texts) }

// BenchmarkPlacesCorpus runs the family over the posts of the development corpora.
func BenchmarkPlacesCorpus(b *testing.B) { benchPlacesDocs(b, plCorpusTexts(b)) }

// BenchmarkPlacesDeid runs the family over the PhysioNet deid notes (mostly capitals).
func BenchmarkPlacesDeid(b *testing.B) { benchPlacesDocs(b, plDeidTexts(b)) }

// TestPlacesDump writes every candidate of the family, reasons included, for the posts of
// the development corpora and the deid notes to the file named by PL_DUMP (to compare two
// versions of the family; skipped without it).
func TestPlacesDump(t *testing.T) {
	w := dumpWriter(t, "PL_DUMP")
	texts := append(plCorpusTexts(t), plDeidTexts(t)...)
	if extra := os.Getenv("PL_DUMP_EXTRA"); extra != "" {
		b, err := os.ReadFile(extra)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			var r struct {
				Text string `json:"text"`
			}
			if json.Unmarshal([]byte(line), &r) == nil {
				texts = append(texts, r.Text)
			}
		}
	}
	texts = append(texts, dumpLiterals(t, "pl_")...)
	// The same texts in one case exercise the case-less rules.
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ToLower(s), strings.ToUpper(s))
	}
	for n, s := range texts {
		d, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range (placeDetector{}).Detect(d, nil) {
			fmt.Fprintf(w, "%d\t%d\t%d\t%s\t%v\t%s\n", n, c.Start, c.End, c.Type, c.Confidence, c.Reason)
		}
	}
}

// BenchmarkPlacesShort runs the family on the short post of the engine's BenchmarkCheckShort.
func BenchmarkPlacesShort(b *testing.B) {
	benchPlacesDocs(b, []string{"Absolute carnage in A&E tonight 😩 lovely Mrs Pickering (94yo) from Aylsham back in bay 3 bed 4 " +
		"after another fall, her son Darren rang at 0300. Shout out to Dr Okafor and Sister Bell for keeping " +
		"us going. NHS no 943 476 5919 on the board lol #nhs #nightshift"})
}

// plLiteral matches a Go interpreted string literal.
var plLiteral = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"`)

// dumpLiterals returns the string literals of the package's tests (posts with
// every kind of entity and their tricky safe cases) that hold two spaces or
// more, alone and run together in pairs, for the dump tests that compare two
// versions of a family. Files whose names start with skip are left out.
func dumpLiterals(t *testing.T, skip string) []string {
	var lits []string
	files, _ := filepath.Glob("*_test.go")
	for _, f := range files {
		if skip != "" && strings.HasPrefix(f, skip) {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range plLiteral.FindAllString(string(b), -1) {
			if u, err := strconv.Unquote(m); err == nil && strings.Count(u, " ") >= 2 {
				lits = append(lits, u)
			}
		}
	}
	slices.Sort(lits)
	lits = slices.Compact(lits)
	out := append([]string(nil), lits...)
	for i := 0; i+1 < len(lits); i += 2 {
		out = append(out, lits[i]+" "+lits[i+1], lits[i+1]+"\n"+lits[i])
	}
	return out
}
