package main

import (
	"bytes"
	"os"
	"testing"
)

// TestModelIsFresh checks that the embedded model is what training on the
// corpora gives now: a corpus edit, or a change of features or settings,
// asks for `go generate ./internal/postmodel`.
func TestModelIsFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the model six times")
	}
	b, report, err := build("../../..", 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(report)
	have, err := os.ReadFile("../model.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, have) {
		t.Fatal("internal/postmodel/model.bin is stale: run `go generate ./internal/postmodel` and commit it")
	}
}
