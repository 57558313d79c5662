package detect

import (
	"bufio"
	"fmt"
	"os"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// nmSynthTexts are short posts like those of `scrubs bench` (one of each of
// its templates, filled in): the typical load of the name families.
var nmSynthTexts = func() []string {
	out := []string{
		"Another long night shift done 😴 coffee please #nhs #nightshift",
		"Can't believe the staffing on the ward again, 2 nurses for 28 patients. Something has to change.",
		"Great teaching session on sepsis today, the NEWS2 update is worth reading.",
	}
	for i, n := range []string{"Pickering", "Okafor", "Hughes", "Patel"} {
		out = append(out,
			fmt.Sprintf("Lovely Mrs %s (%dyo) in bed %d asked for a cuppa at 3am, made my night", n, 60+i, 1+i),
			fmt.Sprintf("Huge congrats to %s on passing her OSCE!! so proud 🎉", n),
			fmt.Sprintf("Happy retirement Sister %s, 40 years on the ward! We'll miss you x", n))
	}
	for i, p := range []string{"Leeds", "Aylsham", "Bath"} {
		out = append(out,
			fmt.Sprintf("Reminder: flu jabs for staff in the atrium Monday %d/%d, bring your ID badge", 1+i, 2+i),
			fmt.Sprintf("pt in bay %d kept pulling his cannula out lol what a night", 1+i),
			fmt.Sprintf("Anyone know a good physio near %s? asking for my mum", p),
			"NHS no 9434765919 on the handover sheet again, guys please shred them")
	}
	return out
}()

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
	path := os.Getenv("PR_DUMP")
	if path == "" {
		t.Skip("PR_DUMP not set")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
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
