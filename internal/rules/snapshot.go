package rules

import (
	"bytes"
	_ "embed" // the snapshot of the parsed packs
	"io"
	"io/fs"
	"sort"

	"github.com/scrubshq/scrubs/internal/yamldoc"
)

// The snapshot is every embedded pack and lexicon as the YAML parser gives
// it (line numbers included), as a yamldoc.Snapshot written by `go generate
// ./internal/rules` (WriteSnapshot). A process decodes that instead of the
// YAML: yaml.v3 reads the 270 KB of packs at ~10 MB/s, ~13 ms of the ~50 ms
// cold start of `scrubs check` even on two cores, where encoding/json reads
// the same in ~3 ms. The YAML stays the source of truth: an entry is used
// only for the bytes it was made from, so a pack edited without go
// generate is parsed from its YAML as before, and TestRulesSnapshotIsFresh
// fails until the snapshot is written again.
//
//go:generate go run ./snapshotgen -out snapshot.jsonl
//go:embed snapshot.jsonl
var snapshotData []byte

// snapEntry is the value of one file of the snapshot: a pack or a lexicon
// with what the parser records beside it (lines for error messages).
type snapEntry struct {
	Pack      *Pack          `json:",omitempty"`
	PackLines map[string]int `json:",omitempty"`
	Lexicon   *Lexicon       `json:",omitempty"`
	LexLines  []int          `json:",omitempty"`
}

// packFrom returns the pack of file from the snapshot when the snapshot
// was made from these bytes, else nil.
func packFrom(snap yamldoc.Snapshot, file string, data []byte) *Pack {
	var e snapEntry
	if !snap.Decode(file, data, &e) || e.Pack == nil {
		return nil
	}
	e.Pack.file, e.Pack.lines = file, e.PackLines
	return e.Pack
}

// lexiconFrom returns the lexicon of file from the snapshot when the
// snapshot was made from these bytes, else nil.
func lexiconFrom(snap yamldoc.Snapshot, file string, data []byte) *Lexicon {
	var e snapEntry
	if !snap.Decode(file, data, &e) || e.Lexicon == nil || len(e.LexLines) != len(e.Lexicon.Terms) {
		return nil
	}
	e.Lexicon.file, e.Lexicon.lines = file, e.LexLines
	return e.Lexicon
}

// WriteSnapshot parses the embedded packs and lexicons from their YAML and
// writes the snapshot to w (for go generate; see snapshotData).
func WriteSnapshot(w io.Writer) error {
	lib, err := loadFS(embedded, "packs", nil)
	if err != nil {
		return err
	}
	byFile := map[string]snapEntry{}
	for _, p := range lib.Packs {
		byFile[p.file] = snapEntry{Pack: p, PackLines: p.lines}
	}
	for _, l := range lib.Lexicons {
		byFile[l.file] = snapEntry{Lexicon: l, LexLines: l.lines}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	var b bytes.Buffer
	for _, f := range files {
		data, err := fs.ReadFile(embedded, f)
		if err != nil {
			return err
		}
		if err := yamldoc.AppendSnapshot(&b, f, data, byFile[f]); err != nil {
			return err
		}
	}
	_, err = w.Write(b.Bytes())
	return err
}
