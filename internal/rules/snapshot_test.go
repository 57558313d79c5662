package rules

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/yamldoc"
)

// The embedded snapshot must be what the packs' YAML parses to today.
func TestRulesSnapshotIsFresh(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSnapshot(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), snapshotData) {
		t.Fatalf("snapshot.jsonl (%d bytes) does not match the packs (%d bytes): run go generate ./internal/rules", len(snapshotData), b.Len())
	}
}

// yamlLibrary is the embedded library parsed from YAML alone.
func yamlLibrary(t *testing.T) *Library {
	t.Helper()
	lib, err := loadFS(embedded, "packs", nil)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// The library read from the snapshot is the one parsed from YAML, line
// numbers and all, and every file comes from the snapshot.
func TestSnapshotMatchesYAML(t *testing.T) {
	want := yamlLibrary(t)
	snap := yamldoc.ReadSnapshot(snapshotData)
	if n := len(want.Packs) + len(want.Lexicons); len(snap) != n {
		t.Fatalf("snapshot has %d files, the packs %d", len(snap), n)
	}
	for _, p := range want.Packs {
		if packFrom(snap, p.file, mustRead(t, p.file)) == nil {
			t.Errorf("%s: not taken from the snapshot", p.file)
		}
	}
	for _, l := range want.Lexicons {
		if lexiconFrom(snap, l.file, mustRead(t, l.file)) == nil {
			t.Errorf("%s: not taken from the snapshot", l.file)
		}
	}
	got, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the library read from the snapshot differs from the one parsed from YAML")
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := embedded.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A snapshot that does not match the files (stale, damaged, of another
// file) is not used: the files are parsed from their YAML instead.
func TestStaleSnapshotFallsBack(t *testing.T) {
	want := yamlLibrary(t)
	lines := strings.SplitAfter(string(snapshotData), "\n")
	core := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "packs/core.yaml\t") {
			core = i
		}
	}
	if core < 0 {
		t.Fatal("no core.yaml in the snapshot")
	}
	damage := map[string]func(string) string{
		"stale hash": func(l string) string {
			name, rest, _ := strings.Cut(l, "\t")
			return name + "\t" + strings.Repeat("0", 64) + rest[64:]
		},
		"broken JSON": func(l string) string { return l[:len(l)/2] + "\n" },
		"no tabs":     func(l string) string { return strings.ReplaceAll(l, "\t", " ") },
		"empty object": func(l string) string {
			name, rest, _ := strings.Cut(l, "\t")
			return name + "\t" + rest[:64] + "\t{}\n"
		},
		"a lexicon's entry": func(l string) string {
			name, rest, _ := strings.Cut(l, "\t")
			return name + "\t" + rest[:64] + `	{"Lexicon":{"Lexicon":"x","Terms":[{}]},"LexLines":[1]}` + "\n"
		},
	}
	for what, f := range damage {
		t.Run(what, func(t *testing.T) {
			ls := append([]string(nil), lines...)
			ls[core] = f(ls[core])
			snap := yamldoc.ReadSnapshot([]byte(strings.Join(ls, "")))
			if p := packFrom(snap, "packs/core.yaml", mustRead(t, "packs/core.yaml")); p != nil {
				t.Fatal("core.yaml taken from a damaged entry")
			}
			got, err := loadFS(embedded, "packs", snap)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatal("library differs from the YAML's")
			}
		})
	}
}
