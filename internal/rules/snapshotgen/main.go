// Command snapshotgen writes the snapshot of the embedded rule packs and
// lexicons (see the rules package's snapshotData): run by
// `go generate ./internal/rules` after a pack or lexicon changes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/scrubshq/scrubs/internal/rules"
)

func main() {
	out := flag.String("out", "snapshot.jsonl", "file to write")
	flag.Parse()
	var b bytes.Buffer
	if err := rules.WriteSnapshot(&b); err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
}
