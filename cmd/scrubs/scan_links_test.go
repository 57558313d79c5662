package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mosaicFolder holds three posts about the same patient: none names her,
// each shares "bay 3" with the others, and together they give her town, age,
// former job and what happened.
func mosaicFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	posts := []string{
		"our lovely lady from Aylsham is back in bay 3",
		"the lady in bay 3 is 94 and used to be the head teacher",
		"the lady in bay 3 was hurt in a house fire at home",
	}
	for i, p := range posts {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(p), 0o644)
	}
	return dir
}

type scanRecord struct {
	Kind    string `json:"kind"`
	Verdict string `json:"verdict"`
	Items   []struct {
		Source struct {
			File string `json:"file"`
		} `json:"source"`
	} `json:"items"`
	Shared []string `json:"shared"`
	Risks  []struct {
		Rule        string `json:"rule"`
		Message     string `json:"message"`
		Fingerprint string `json:"fingerprint"`
	} `json:"risks"`
}

func TestScanMosaicRecords(t *testing.T) {
	dir := mosaicFolder(t)
	code, out, errs := runCmd(t, "scan", dir)
	if code != exitFound {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var items, mosaics []scanRecord
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r scanRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Kind == "mosaic" {
			mosaics = append(mosaics, r)
		} else {
			items = append(items, r)
		}
	}
	if len(items) != 3 {
		t.Fatalf("%d item lines, want 3", len(items))
	}
	// The items keep the verdict scrubs check gives each of them alone.
	for i, it := range items {
		for _, r := range it.Risks {
			if r.Rule == "CONF-002" {
				t.Errorf("item %d got the cross-item risk: the mosaic must be a record of its own", i)
			}
		}
	}
	if len(mosaics) == 0 {
		t.Fatalf("no mosaic record in:\n%s", out)
	}
	last := mosaics[len(mosaics)-1]
	if last.Verdict != "block" || len(last.Risks) != 1 || last.Risks[0].Rule != "CONF-002" {
		t.Fatalf("mosaic record %+v", last)
	}
	if len(last.Items) != 3 || last.Items[2].Source.File != "c.txt" || last.Items[0].Source.File != "a.txt" {
		t.Errorf("mosaic names items %+v, want a.txt, b.txt, c.txt", last.Items)
	}
	if len(last.Shared) != 1 || last.Shared[0] != "bay 3" || !strings.Contains(last.Risks[0].Message, "earlier posts") {
		t.Errorf("shared %v, message %q", last.Shared, last.Risks[0].Message)
	}
}

func TestScanBaseline(t *testing.T) {
	dir := mosaicFolder(t)
	code, out, _ := runCmd(t, "scan", "--format", "json", dir)
	if code != exitFound {
		t.Fatalf("first scan: exit %d", code)
	}
	var first struct {
		Flagged int          `json:"flagged"`
		Mosaics []scanRecord `json:"mosaics"`
	}
	if err := json.Unmarshal([]byte(out), &first); err != nil {
		t.Fatal(err)
	}
	if first.Flagged != 3 || len(first.Mosaics) == 0 {
		t.Fatalf("first scan flagged %d with %d mosaics", first.Flagged, len(first.Mosaics))
	}
	base := filepath.Join(t.TempDir(), "reviewed.json")
	os.WriteFile(base, []byte(out), 0o644)

	// Everything in the first report was reviewed: the repeat reports nothing.
	code, out, errs := runCmd(t, "scan", dir, "--format", "json", "--baseline", base)
	if code != exitClean {
		t.Fatalf("repeat: exit %d, stderr %q, out %s", code, errs, out)
	}
	var again struct {
		Items   int          `json:"items"`
		Flagged int          `json:"flagged"`
		Mosaics []scanRecord `json:"mosaics"`
	}
	if err := json.Unmarshal([]byte(out), &again); err != nil {
		t.Fatal(err)
	}
	if again.Items != 3 || again.Flagged != 0 || len(again.Mosaics) != 0 {
		t.Errorf("repeat: %+v", again)
	}

	// A new post is still reported.
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte("Mr Jones in bed 6 is driving me mad today"), 0o644)
	code, _, _ = runCmd(t, "scan", dir, "--baseline", base)
	if code != exitFound {
		t.Errorf("new risky post after the baseline: exit %d, want %d", code, exitFound)
	}

	// A baseline that is not a report is a usage error.
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"risky": 3}`), 0o644)
	if code, _, errs := runCmd(t, "scan", dir, "--baseline", bad); code != exitUsage || !strings.Contains(errs, "--baseline") {
		t.Errorf("bad baseline: exit %d, stderr %q", code, errs)
	}
}

func TestScanGoesOnAfterABadFile(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	write := func(name, body string) { os.WriteFile(filepath.Join(dir, "data", name), []byte(body), 0o644) }
	write("tweets.js", `window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Mr Jones in bed 6 is driving me mad today"}}]`)
	write("tweets-part1.js", `window.YTD.tweets.part1 = [{"tweet": {"id_str": "2", "full_text": "cut o`)
	write("tweets-part2.js", `window.YTD.tweets.part2 = [{"tweet": {"id_str": "3", "full_text": "Lovely sunny walk by the river"}}]`)
	code, out, errs := runCmd(t, "scan", dir, "--format", "json")
	if code != exitUsage {
		t.Errorf("exit %d, want %d (the archive was not read whole)", code, exitUsage)
	}
	if !strings.Contains(errs, "problem reading data/tweets-part1.js") || !strings.Contains(errs, "the rest was scanned") {
		t.Errorf("stderr %q", errs)
	}
	var sum struct {
		Items   int `json:"items"`
		Flagged int `json:"flagged"`
		Errors  []struct {
			File  string `json:"file"`
			Error string `json:"error"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	if sum.Items != 2 || sum.Flagged != 1 || len(sum.Errors) != 1 || sum.Errors[0].File != "data/tweets-part1.js" || !strings.Contains(sum.Errors[0].Error, "truncated") {
		t.Errorf("summary %+v", sum)
	}
}
