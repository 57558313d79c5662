package rules

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// echoRun is the length of a run of words that a rule's example may not
// share with a post of an evaluation corpus.
const echoRun = 7

// TestExamplesDoNotEchoCorpora checks that no rule example of the embedded
// packs shares a run of echoRun words with a post of the blind or everyday
// corpora (eval/corpus, the development corpus aside): examples are written
// afresh, so that the corpora measure the rules rather than their own
// wording (docs/ANNOTATION.md).
func TestExamplesDoNotEchoCorpora(t *testing.T) {
	files, err := filepath.Glob("../../eval/corpus/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpora: %v", err)
	}
	runs := map[string]string{} // a run of words: the id of the post it is from
	for _, name := range files {
		if strings.HasPrefix(filepath.Base(name), "dev-") {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, run := range wordRuns(r.Text, echoRun) {
				runs[run] = r.ID
			}
		}
		f.Close()
	}
	if len(runs) < 1000 {
		t.Fatalf("read %d runs of words from the corpora: too few to check against", len(runs))
	}
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range lib.Order {
		for _, r := range lib.Packs[name].Rules {
			for _, ex := range append(append([]string(nil), r.Examples.Trigger...), r.Examples.Quiet...) {
				for _, run := range wordRuns(ex, echoRun) {
					if id, ok := runs[run]; ok {
						t.Errorf("pack %s, rule %s: the example %q shares %q with corpus post %s", name, r.ID, ex, run, id)
						break
					}
				}
			}
		}
	}
}

// wordRuns returns every run of n consecutive words of s, lower-cased and
// joined by spaces (a word: letters, digits and apostrophes).
func wordRuns(s string, n int) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	var out []string
	for i := 0; i+n <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+n], " "))
	}
	return out
}

func TestWordRuns(t *testing.T) {
	got := wordRuns("Mrs K's bed-4, at 3am!", 3)
	want := []string{"mrs k's bed", "k's bed 4", "bed 4 at", "4 at 3am"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wordRuns = %q, want %q", got, want)
	}
	if wordRuns("two words", 3) != nil {
		t.Error("a text shorter than a run has no runs")
	}
}
