package main

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/archive"
)

func TestBenchArchive(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCmd(t, "bench", "--archive", "2500", "--keep", dir)
	if code != exitClean {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"2500 posts in 1 part file(s)", "items/s", "peak RSS"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The kept archive is a real X export that scan reads item for item.
	if !archive.Exists(mustOpen(t, dir), "data/tweets.js") {
		t.Fatalf("no data/tweets.js in %s", dir)
	}
	code, jsonl, _ := runCmd(t, "scan", dir, "--from", "x")
	if code != exitFound {
		t.Fatalf("scan of the synthetic archive: exit %d", code)
	}
	items := 0
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if strings.Contains(line, `"platform":"x"`) && !strings.HasPrefix(line, `{"kind":"mosaic"`) {
			items++
		}
	}
	if items != 2500 {
		t.Errorf("scan gave %d item lines, want 2500", items)
	}
}

func TestWriteSyntheticXParts(t *testing.T) {
	dir := t.TempDir()
	if _, err := writeSyntheticX(dir, tweetsPerPart+3); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"tweets.js", "tweets-part1.js"} {
		if !archive.Exists(mustOpen(t, dir), filepath.ToSlash(filepath.Join("data", f))) {
			t.Errorf("missing data/%s", f)
		}
	}
}

func mustOpen(t *testing.T, dir string) fs.FS {
	t.Helper()
	fsys, closer, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closer.Close() })
	return fsys
}
