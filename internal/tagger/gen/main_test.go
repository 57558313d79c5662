package main

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/tagger"
	"github.com/scrubshq/scrubs/internal/tagger/synth"
)

// TestModelIsFresh checks that the embedded model was trained from what the
// generator and lists give today: if a template, list or the feature set
// changed, run `go generate ./internal/tagger` and commit model.bin.
func TestModelIsFresh(t *testing.T) {
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	lists, err := synth.LoadLists("../../..")
	if err != nil {
		t.Fatal(err)
	}
	gen := synth.Generate(lists, tagger.DefaultSeed, tagger.DefaultExamples)
	if Digest(gen, tagger.DefaultExamples, tagger.DefaultEpochs, tagger.DefaultSeed) != m.Source {
		t.Fatal("model.bin is stale: run `go generate ./internal/tagger` and commit internal/tagger/model.bin")
	}
}
