package detect

import (
	"fmt"
	"github.com/scrubshq/scrubs/internal/benchdata"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// nmSynthTexts are short posts like those of `scrubs bench`: the typical
// load of the name families.
var nmSynthTexts = benchdata.Posts(40)

// nmShortTexts is the post of BenchmarkNamesShort.
var nmShortTexts = []string{"Absolute carnage in A&E tonight 😩 lovely Mrs Pickering (94yo) from Aylsham back in bay 3 bed 4 " +
	"after another fall, her son Darren rang at 0300. Shout out to Dr Okafor and Sister Bell for keeping " +
	"us going. NHS no 943 476 5919 on the board lol #nhs #nightshift"}

// BenchmarkNamesSynth runs the name family over short posts like those of `scrubs bench`.
func BenchmarkNamesSynth(b *testing.B) { benchDetector(b, nameDetector{}, nmSynthTexts) }

// BenchmarkProperSynth runs the proper-noun family over short posts like those of `scrubs bench`.
func BenchmarkProperSynth(b *testing.B) { benchDetector(b, properDetector{}, nmSynthTexts) }

// BenchmarkProperCorpus runs the proper-noun family over the posts of the development corpora.
func BenchmarkProperCorpus(b *testing.B) { benchDetector(b, properDetector{}, plCorpusTexts(b)) }

// BenchmarkProperDeid runs the proper-noun family over the PhysioNet deid notes.
func BenchmarkProperDeid(b *testing.B) { benchDetector(b, properDetector{}, plDeidTexts(b)) }

// TestProperDump writes every candidate of the proper-noun family to the file named by
// PR_DUMP, for the texts that TestNamesDump reads (see nmDumpTexts; skipped without it).
func TestProperDump(t *testing.T) {
	w := dumpWriter(t, "PR_DUMP")
	for n, s := range nmDumpTexts(t) {
		d, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range (properDetector{}).Detect(d, nil) {
			fmt.Fprintf(w, "%d\t%d\t%d\t%s\t%v\t%s\n", n, c.Start, c.End, c.Type, c.Confidence, c.Reason)
		}
	}
}
