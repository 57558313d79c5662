package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, nil, args...)
}

func scanFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Lovely Mrs Pickering in bed 4 turned 94 today"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.md"), []byte("Great teaching session on sepsis today"), 0o644)
	return dir
}

func TestScanJSONL(t *testing.T) {
	dir := scanFolder(t)
	code, out, errs := runCmd(t, "scan", dir)
	if code != exitFound {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2: %s", len(lines), out)
	}
	var first struct {
		Verdict  string `json:"verdict"`
		Platform string `json:"platform"`
		Kind     string `json:"kind"`
		Source   struct {
			File string `json:"file"`
		} `json:"source"`
		Risks []json.RawMessage `json:"risks"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Verdict != "block" || first.Platform != "files" || first.Kind != "post" || first.Source.File != "a.txt" || len(first.Risks) == 0 {
		t.Errorf("first line %+v", first)
	}
}

func TestScanJSONSummaryAndFlags(t *testing.T) {
	dir := scanFolder(t)
	code, out, _ := runCmd(t, "scan", "--format", "json", dir, "--locale", "uk")
	if code != exitFound {
		t.Fatalf("exit %d", code)
	}
	var sum struct {
		Items   int              `json:"items"`
		Flagged int              `json:"flagged"`
		Format  string           `json:"format"`
		ByCat   map[string]int   `json:"by_category"`
		Risky   []map[string]any `json:"risky"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Items != 2 || sum.Flagged != 1 || sum.Format != "files" || sum.ByCat["CONFIDENTIALITY"] != 1 || len(sum.Risky) != 1 {
		t.Errorf("summary %+v", sum)
	}
	for _, bad := range [][]string{
		{"scan"},
		{"scan", dir, "--format", "pdf"},
		{"scan", dir, "--since", "yesterday"},
		{"scan", dir, "--from", "myspace"},
		{"scan", dir, "--min-severity", "awful"},
		{"scan", filepath.Join(dir, "missing")},
	} {
		if code, _, errs := runCmd(t, bad...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", bad, code, errs)
		}
	}
	// --min-severity block lists only the blocked item
	code, out, _ = runCmd(t, "scan", dir, "--min-severity", "block")
	if code != exitFound || strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("--min-severity block: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}

func TestScanCSVAndHTML(t *testing.T) {
	dir := scanFolder(t)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("<script>alert(1)</script> pt in bay 3 is a GOMER"), 0o644)
	code, out, _ := runCmd(t, "scan", "--format", "csv", dir)
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFound || len(rows) != 3 || !strings.HasPrefix(rows[0], "date,platform,kind") || strings.Contains(out, "Pickering") {
		t.Errorf("csv: exit %d, %q (one row per risky item, no post text)", code, out)
	}
	code, out, _ = runCmd(t, "scan", "--format", "html", dir)
	if code != exitFound || !strings.Contains(out, "<mark>") || !strings.Contains(out, "CONF-001") ||
		strings.Contains(out, "<script>alert") || !strings.Contains(out, "&lt;script&gt;alert") {
		t.Errorf("html: exit %d; want marks, rule ids and the post escaped", code)
	}
}
