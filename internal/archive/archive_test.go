package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// writeZip writes files into a zip in dir and returns its path.
func writeZip(t *testing.T, dir string, files map[string][]byte) string {
	t.Helper()
	name := filepath.Join(dir, "export.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, data := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestOpenRefusesZipBomb(t *testing.T) {
	// 8 MiB of zeros compresses about 1000:1: more than MaxRatio.
	name := writeZip(t, t.TempDir(), map[string][]byte{"posts/your_posts_1.json": make([]byte, 8<<20)})
	_, _, err := Open(name)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Open(zip bomb) = %v, want ErrTooLarge", err)
	}
}

func TestOpenRefusesNonArchive(t *testing.T) {
	name := filepath.Join(t.TempDir(), "notes.pdf")
	os.WriteFile(name, []byte("%PDF-1.4 not a zip"), 0o644)
	if _, _, err := Open(name); err == nil || !strings.Contains(err.Error(), "neither a folder nor a readable zip") {
		t.Fatalf("Open(pdf) = %v", err)
	}
	if _, _, err := Open(filepath.Join(t.TempDir(), "missing.zip")); err == nil {
		t.Fatal("Open(missing) = nil error")
	}
}

func TestFilesReader(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":          {Data: []byte("Mrs Pickering in bed 4")},
		"notes/b.md":     {Data: []byte("# Shift\nquiet night")},
		"image.jpg":      {Data: []byte{0xff, 0xd8}},
		"bad/latin.txt":  {Data: []byte("caf\xe9")},
		"blog/post.html": {Data: []byte("<p>Bed 4 &amp; <b>bay 2</b></p>")},
	}
	r, err := Detect(fsys)
	if err != nil || r.Name() != "files" {
		t.Fatalf("Detect = %v, %v", r, err)
	}
	var got []Item
	if err := r.Read(context.Background(), fsys, func(it Item) error { got = append(got, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("got %d items, want 4 (the .jpg is not text)", len(got))
	}
	if got[2].Source.File != "blog/post.html" || got[2].Text != "Bed 4 & bay 2" {
		t.Errorf("html item %+v", got[2])
	}
	if got[0].Source.File != "a.txt" || got[0].Text != "Mrs Pickering in bed 4" || got[0].Platform != "files" || got[0].Kind != "post" {
		t.Errorf("first item %+v", got[0])
	}
	if got[1].Text != "caf\uFFFD" {
		t.Errorf("invalid UTF-8 not replaced: %q", got[1].Text)
	}
}

func TestFilesFromZip(t *testing.T) {
	name := writeZip(t, t.TempDir(), map[string][]byte{"drafts/one.txt": []byte("pt in bay 3 again")})
	fsys, closer, err := Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	r, err := Detect(fsys)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	r.Read(context.Background(), fsys, func(it Item) error { n++; return nil })
	if n != 1 {
		t.Fatalf("read %d items from the zip, want 1", n)
	}
}

func TestDetectUnknown(t *testing.T) {
	if _, err := Detect(fstest.MapFS{"photo.jpg": {Data: []byte{1}}}); err == nil || !strings.Contains(err.Error(), "not a known export") {
		t.Fatalf("Detect(photos only) = %v", err)
	}
	if _, err := ByName("myspace"); err == nil {
		t.Fatal("ByName(myspace) = nil error")
	}
}

func TestReadFileLimit(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("x")}}
	if data, err := ReadFile(fsys, "a.txt"); err != nil || string(data) != "x" {
		t.Fatalf("ReadFile = %q, %v", data, err)
	}
}
