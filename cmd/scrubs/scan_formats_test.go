package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scrubshq/scrubs/internal/archive"
)

// zipFolder zips the files under dir into a temporary .zip.
func zipFolder(t *testing.T, dir string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "export.zip")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// scanLine is the part of a `scrubs scan` JSON line the tests read.
type scanLine struct {
	Verdict  string `json:"verdict"`
	Platform string `json:"platform"`
	Kind     string `json:"kind"`
	Date     string `json:"date"`
	URL      string `json:"url"`
	Source   struct {
		File     string `json:"file"`
		Position int    `json:"position"`
	} `json:"source"`
	Media []string `json:"media"`
}

// TestScanFormats drives `scrubs scan` on each new format's fixture, as a
// folder and as a zip, detected and forced with --from, and checks that
// every item is there and that its verdict is the one `scrubs check` gives
// for the same text.
func TestScanFormats(t *testing.T) {
	// The older readers' fixtures hold no risky post (their reader tests are
	// about layout and encoding); for them only the verdicts are compared.
	for _, fx := range []struct {
		dir, name string
		risky     bool
	}{
		{"linkedin", "linkedin", true}, {"reddit", "reddit", true}, {"wordpress", "wordpress", true}, {"blogger", "blogger", true},
		{"facebook/old", "facebook", false}, {"facebook/new", "facebook", false}, {"instagram/current", "instagram", false},
		{"instagram/root", "instagram", false}, {"mastodon", "mastodon", false}, {"x", "x", false},
	} {
		name := fx.name
		t.Run(fx.dir, func(t *testing.T) {
			dir := filepath.Join("..", "..", "internal", "archive", "testdata", filepath.FromSlash(fx.dir))
			fsys, closer, err := archive.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			rd, err := archive.ByName(name)
			if err != nil {
				t.Fatal(err)
			}
			var items []archive.Item
			if err := rd.Read(context.Background(), fsys, func(it archive.Item) error { items = append(items, it); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(items) < 2 {
				t.Fatalf("%d items in the fixture", len(items))
			}
			// The verdict `scrubs check` gives each text.
			checked := map[string]string{}
			for _, it := range items {
				if _, ok := checked[it.Text]; ok {
					continue
				}
				code, out, errs := runCLI(t, strings.NewReader(it.Text), "check", "--format", "json")
				var res struct {
					Verdict string `json:"verdict"`
				}
				if err := json.Unmarshal([]byte(out), &res); err != nil || res.Verdict == "" {
					t.Fatalf("check %q: exit %d, %v, stderr %q", it.Text, code, err, errs)
				}
				checked[it.Text] = res.Verdict
			}
			for _, args := range [][]string{
				{"scan", dir},
				{"scan", "--from", name, dir},
				{"scan", zipFolder(t, dir)},
			} {
				code, out, errs := runCmd(t, args...)
				if code != exitFound && code != exitClean {
					t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
				}
				var lines []scanLine
				for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
					var sl scanLine
					if err := json.Unmarshal([]byte(l), &sl); err != nil {
						t.Fatalf("%v: line %q: %v", args, l, err)
					}
					if sl.Platform != "" { // mosaic records have none
						lines = append(lines, sl)
					}
				}
				if len(lines) != len(items) {
					t.Fatalf("%v: %d lines, want %d items", args, len(lines), len(items))
				}
				flagged := 0
				for i, l := range lines {
					it := items[i]
					if l.Platform != name || l.Kind != it.Kind || l.Source.File != it.Source.File || l.Source.Position != it.Source.Position ||
						l.URL != it.URL || len(l.Media) != len(it.Media) {
						t.Errorf("%v: line %d = %+v, item %+v", args, i, l, it)
					}
					if want := checked[it.Text]; l.Verdict != want {
						t.Errorf("%v: line %d verdict %q, scrubs check says %q for %q", args, i, l.Verdict, want, it.Text)
					}
					if l.Verdict != "safe" {
						flagged++
					}
				}
				if fx.risky && flagged == 0 || (code == exitFound) != (flagged > 0) {
					t.Errorf("%v: exit %d with %d flagged items; each fixture has a risky post", args, code, flagged)
				}
			}
			// The JSON summary names the format.
			code, out, _ := runCmd(t, "scan", "--format", "json", dir)
			var sum struct {
				Format string `json:"format"`
				Items  int    `json:"items"`
			}
			if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Format != name || sum.Items != len(items) {
				t.Errorf("json summary: exit %d, %+v, %v", code, sum, err)
			}
		})
	}
}

// TestScanFromWrongFormat forces a format the archive is not in.
func TestScanFromWrongFormat(t *testing.T) {
	dir := filepath.Join("..", "..", "internal", "archive", "testdata", "reddit")
	for _, from := range []string{"wordpress", "blogger", "linkedin"} {
		code, _, errs := runCmd(t, "scan", "--from", from, dir)
		if code == exitClean || code == exitFound || !strings.Contains(errs, from+": no ") {
			t.Errorf("--from %s on a Reddit export: exit %d, stderr %q", from, code, errs)
		}
	}
}

func TestEtaText(t *testing.T) {
	tests := []struct {
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		{50, 100, 10 * time.Second, "about 10s left"},
		{25, 100, 10 * time.Second, "about 30s left"},
		{10, 1000, 2 * time.Minute, "about 3h18m0s left"},
		{1, 3, 61 * time.Second, "about 2m0s left"},
		{0, 100, 10 * time.Second, ""},        // nothing read yet
		{5, 1000, 10 * time.Second, ""},       // under 1%
		{50, 100, 500 * time.Millisecond, ""}, // too soon
		{100, 100, 10 * time.Second, ""},      // all read
		{150, 100, 10 * time.Second, ""},      // more than estimated
		{99999, 100000, 10 * time.Second, ""}, // under a second left
		{50, 0, 10 * time.Second, ""},         // no estimate
	}
	for _, tt := range tests {
		if got := etaText(tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("etaText(%d, %d, %v) = %q, want %q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

// TestScanProgress checks that progress is drawn on a terminal only.
func TestScanProgress(t *testing.T) {
	dir := filepath.Join("..", "..", "internal", "archive", "testdata", "wordpress")
	for _, term := range []bool{true, false} {
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			getenv:     func(string) string { return "" },
			isTerminal: func(w io.Writer) bool { return term && w == io.Writer(&errb) }}
		code := run(context.Background(), e, []string{"scan", dir})
		if code != exitFound {
			t.Fatalf("terminal %v: exit %d, stderr %q", term, code, errb.String())
		}
		got := errb.String()
		if term && (!strings.Contains(got, "items checked, ") || !strings.Contains(got, " items/s") || !strings.Contains(got, "items checked in ")) {
			t.Errorf("on a terminal, stderr %q; want the progress line and the total", got)
		}
		if !term && strings.Contains(got, "items checked") {
			t.Errorf("not a terminal, stderr %q; want no progress", got)
		}
	}
}

// TestCountingFS checks that the bytes read are counted and that the new
// readers' estimate of what they read is close.
func TestCountingFS(t *testing.T) {
	for _, name := range []string{"linkedin", "reddit", "wordpress", "blogger"} {
		dir := filepath.Join("..", "..", "internal", "archive", "testdata", name)
		fsys, closer, err := archive.Open(zipFolder(t, dir))
		if err != nil {
			t.Fatal(err)
		}
		rd, err := archive.Detect(fsys)
		if err != nil {
			t.Fatal(err)
		}
		c := newCountingFS(fsys, rd)
		if err := rd.Read(context.Background(), c, func(archive.Item) error { return nil }); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		closer.Close()
		// Detection reads the start of each file again: up to twice the estimate.
		if done := c.done.Load(); c.total == 0 || done < c.total || done > 2*c.total {
			t.Errorf("%s: read %d bytes, estimated %d", name, done, c.total)
		}
	}
	// A reader without an estimate: the archive's text and data files.
	c := newCountingFS(mapFS(map[string]string{"a.json": "12345", "b/c.txt": "123", "photo.jpg": "123456789"}), nil)
	if c.total != 8 {
		t.Errorf("total %d, want 8 (photo.jpg not counted)", c.total)
	}
}

// mapFS builds an in-memory folder.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}
