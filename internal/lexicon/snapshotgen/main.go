// Command snapshotgen writes the lexicon's decoded tables (see
// lexicon.WriteSnapshot); run it with go generate ./internal/lexicon.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/scrubshq/scrubs/internal/lexicon"
)

func main() {
	out := flag.String("out", "data/tables.bin", "the snapshot file to write")
	flag.Parse()
	var b bytes.Buffer
	if err := lexicon.WriteSnapshot(&b); err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
	fmt.Printf("snapshotgen: wrote %s (%d bytes)\n", *out, b.Len())
}
