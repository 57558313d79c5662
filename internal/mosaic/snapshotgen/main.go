// Command snapshotgen writes the snapshot of the embedded mosaic tables
// (see the mosaic package's tablesSnapshot): run by
// `go generate ./internal/mosaic` after tables.yaml changes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/scrubshq/scrubs/internal/mosaic"
)

func main() {
	out := flag.String("out", "tables.snapshot", "file to write")
	flag.Parse()
	var b bytes.Buffer
	if err := mosaic.WriteSnapshot(&b); err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "snapshotgen:", err)
		os.Exit(1)
	}
}
