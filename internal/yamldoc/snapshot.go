package yamldoc

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// A Snapshot caches what data files decode to, as JSON, for programs that
// decode the same embedded YAML at every start: encoding/json reads a
// decoded value several times faster than yaml.v3 parses its YAML. Each
// entry carries the SHA-256 of the YAML it was made from, and Decode uses
// it only for those very bytes, so a file edited after the snapshot was
// written is decoded from its YAML as before: a stale snapshot costs time,
// never correctness. Packages that use one generate it (go generate) and
// test that it is fresh.
//
// The written form is one line per file: the file's path, a tab, the hex
// SHA-256 of its bytes, a tab, and the JSON of its value. The path and hash
// come first, so a reader finds a file's entry without decoding the JSON
// of the others.
type Snapshot map[string]snapEntry

type snapEntry struct {
	sum  string
	json []byte
}

// ReadSnapshot splits a snapshot into its entries; a malformed line is
// left out (its file will be decoded from YAML).
func ReadSnapshot(data []byte) Snapshot {
	s := Snapshot{}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		name, rest, ok1 := bytes.Cut(line, []byte{'\t'})
		sum, doc, ok2 := bytes.Cut(rest, []byte{'\t'})
		if ok1 && ok2 {
			s[string(name)] = snapEntry{sum: string(sum), json: doc}
		}
	}
	return s
}

// Decode decodes file's entry into v when the snapshot holds one made from
// exactly data, and reports whether it did. v should be zero: on false it
// may be partly filled.
func (s Snapshot) Decode(file string, data []byte, v any) bool {
	e, ok := s[file]
	if !ok || e.sum != sum(data) {
		return false
	}
	return json.Unmarshal(e.json, v) == nil
}

// AppendSnapshot appends the entry of file, whose YAML is data and whose
// decoded value is v, to a snapshot being written.
func AppendSnapshot(b *bytes.Buffer, file string, data []byte, v any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if strings.ContainsAny(file, "\t\n") {
		return fmt.Errorf("%q: a snapshot's file name holds no tab or newline", file)
	}
	// encoding/json escapes the newlines of strings, so doc is one line
	fmt.Fprintf(b, "%s\t%s\t%s\n", file, sum(data), doc)
	return nil
}

// sum is the hex SHA-256 of a file's bytes, as a snapshot keys it.
func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
