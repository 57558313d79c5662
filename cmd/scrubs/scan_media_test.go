package main

import (
	"encoding/json"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
)

// mediaArchive is an X export with two pictures: one whose EXIF gives where it
// was taken, one plain; and a video, which is listed but not checked.
func mediaArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	os.MkdirAll(filepath.Join(data, "tweets_media"), 0o755)
	os.WriteFile(filepath.Join(data, "tweets.js"), []byte(`window.YTD.tweets.part0 = [
 {"tweet": {"id_str": "101", "created_at": "Fri Oct 13 14:58:50 +0000 2023", "full_text": "Lovely walk after nights"}},
 {"tweet": {"id_str": "102", "created_at": "Sat Oct 14 09:00:00 +0000 2023", "full_text": "Sunrise from the car park"}}
]`), 0o644)
	gps := phototest.WithSegments(image.NewGray(image.Rect(0, 0, 320, 240)), phototest.EXIFSegment(phototest.EXIF{Lat: 52.2053, Long: 0.1218}))
	plain := phototest.WithSegments(image.NewGray(image.Rect(0, 0, 320, 240)))
	os.WriteFile(filepath.Join(data, "tweets_media", "101-abc.jpg"), gps, 0o644)
	os.WriteFile(filepath.Join(data, "tweets_media", "102-def.jpg"), plain, 0o644)
	os.WriteFile(filepath.Join(data, "tweets_media", "102-ghi.mp4"), []byte("not checked"), 0o644)
	return dir
}

func TestScanMedia(t *testing.T) {
	dir := mediaArchive(t)

	// Without --media pictures are only listed.
	code, out, _ := runCmd(t, "scan", dir, "--format", "json")
	var plain struct {
		Media        int `json:"media"`
		MediaChecked int `json:"media_checked"`
	}
	if err := json.Unmarshal([]byte(out), &plain); err != nil {
		t.Fatal(err)
	}
	if code != exitClean || plain.Media != 3 || plain.MediaChecked != 0 {
		t.Fatalf("without --media: exit %d, %+v", code, plain)
	}

	code, out, errs := runCmd(t, "scan", dir, "--media")
	if code != exitFound {
		t.Fatalf("exit %d, stderr %q, out %s", code, errs, out)
	}
	type mediaRecord struct {
		Kind    string `json:"kind"`
		File    string `json:"file"`
		Verdict string `json:"verdict"`
		Item    struct {
			URL string `json:"url"`
		} `json:"item"`
		Risks []struct {
			Rule string `json:"rule"`
		} `json:"risks"`
		Entities []struct {
			Type   string `json:"type"`
			Source string `json:"source"`
		} `json:"entities"`
	}
	var records []mediaRecord
	items := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, `{"kind":"media"`) {
			items++
			if !strings.Contains(line, `"verdict":"safe"`) {
				t.Errorf("the text of an item changed verdict: %s", line)
			}
			continue
		}
		var rec mediaRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		records = append(records, rec)
	}
	if items != 2 || len(records) != 2 {
		t.Fatalf("%d item lines and %d media records, want 2 and 2 (the video is not checked):\n%s", items, len(records), out)
	}
	gps := records[0]
	if gps.File != "data/tweets_media/101-abc.jpg" || gps.Verdict != "review" || gps.Item.URL != "https://x.com/i/web/status/101" {
		t.Errorf("GPS picture record %+v", gps)
	}
	if len(gps.Risks) == 0 || gps.Risks[0].Rule != "CONF-011" || len(gps.Entities) == 0 || gps.Entities[0].Type != "GPS" || gps.Entities[0].Source != "exif" {
		t.Errorf("GPS picture risks %+v entities %+v", gps.Risks, gps.Entities)
	}
	if records[1].Verdict != "safe" {
		t.Errorf("plain picture %+v", records[1])
	}

	// The summary counts what was checked and keeps what is not safe.
	_, out, _ = runCmd(t, "scan", dir, "--media", "--format", "json")
	var sum struct {
		MediaChecked int `json:"media_checked"`
		MediaFlagged []struct {
			File string `json:"file"`
		} `json:"media_flagged"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.MediaChecked != 2 || len(sum.MediaFlagged) != 1 || sum.MediaFlagged[0].File != "data/tweets_media/101-abc.jpg" {
		t.Errorf("summary %+v", sum)
	}
}
