package detect

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

func benchNamesDocs(b *testing.B, texts []string) { benchDetector(b, nameDetector{}, texts) }

// BenchmarkNamesCorpus runs the family over the posts of the development corpora.
func BenchmarkNamesCorpus(b *testing.B) { benchNamesDocs(b, plCorpusTexts(b)) }

// BenchmarkNamesDeid runs the family over the PhysioNet deid notes (mostly capitals).
func BenchmarkNamesDeid(b *testing.B) { benchNamesDocs(b, plDeidTexts(b)) }

// BenchmarkNamesShort runs the family on the short post of BenchmarkPlacesShort.
func BenchmarkNamesShort(b *testing.B) {
	benchNamesDocs(b, []string{"Absolute carnage in A&E tonight 😩 lovely Mrs Pickering (94yo) from Aylsham back in bay 3 bed 4 " +
		"after another fall, her son Darren rang at 0300. Shout out to Dr Okafor and Sister Bell for keeping " +
		"us going. NHS no 943 476 5919 on the board lol #nhs #nightshift"})
}

// TestNamesDump writes every candidate of the family, reasons included, to the file named
// by NM_DUMP (to compare two versions of the family; skipped without it). NM_DUMP_EXTRA
// names JSONL files (separated by commas) whose "text" fields are added.
func TestNamesDump(t *testing.T) {
	w := dumpWriter(t, "NM_DUMP")
	texts := nmDumpTexts(t)
	if save := os.Getenv("NM_DUMP_SAVE"); save != "" {
		b, _ := json.Marshal(texts)
		if err := os.WriteFile(save, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Twice over, so that state kept across posts is exercised.
	for pass := 0; pass < 2; pass++ {
		for n, s := range texts {
			d, err := text.New(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range (nameDetector{}).Detect(d, nil) {
				fmt.Fprintf(w, "%d\t%d\t%d\t%s\t%v\t%s\n", n, c.Start, c.End, c.Type, c.Confidence, c.Reason)
			}
		}
	}
}

// nmDumpTexts returns the texts of TestNamesDump: those of the JSON list in the file
// NM_DUMP_TEXTS if set (as NM_DUMP_SAVE writes them), else the corpora, the NM_DUMP_EXTRA
// files and the test literals of the package.
func nmDumpTexts(t *testing.T) []string {
	if p := os.Getenv("NM_DUMP_TEXTS"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		if err := json.Unmarshal(b, &texts); err != nil {
			t.Fatal(err)
		}
		return texts
	}
	texts := append(plCorpusTexts(t), plDeidTexts(t)...)
	for _, extra := range strings.Split(os.Getenv("NM_DUMP_EXTRA"), ",") {
		if extra == "" {
			continue
		}
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
	texts = append(texts, dumpLiterals(t, "")...)
	for _, s := range texts[:len(texts):len(texts)] {
		texts = append(texts, strings.ToLower(s), strings.ToUpper(s))
	}
	return texts
}
