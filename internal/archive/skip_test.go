package archive

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFileErrorsGoOnWithTheNextFile(t *testing.T) {
	tweet := func(part int, text string) []byte {
		return []byte("window.YTD.tweets.part" + string(rune('0'+part)) + ` = [{"tweet": {"id_str": "1", "full_text": "` + text + `"}}]`)
	}
	fsys := fstest.MapFS{
		"data/tweets.js":       {Data: tweet(0, "first")},
		"data/tweets-part1.js": {Data: []byte(`window.YTD.tweets.part1 = [{"tweet": {"full_text": "cut off`)},
		"data/tweets-part2.js": {Data: tweet(2, "third")},
	}
	read := func(ctx context.Context) ([]string, error) {
		var texts []string
		err := (xReader{}).Read(ctx, fsys, func(it Item) error { texts = append(texts, it.Text); return nil })
		return texts, err
	}

	// Without a FileErrorFunc the first bad file stops the read, as before.
	texts, err := read(context.Background())
	if err == nil || !strings.Contains(err.Error(), "tweets-part1.js") || len(texts) != 1 {
		t.Fatalf("plain read: %v, %v", texts, err)
	}

	// With one, the bad file is reported and the rest is read.
	var bad []string
	ctx := WithFileErrors(context.Background(), func(file string, err error) {
		bad = append(bad, file+": "+err.Error())
	})
	texts, err = read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(texts, ",") != "first,third" {
		t.Errorf("items %v, want first,third", texts)
	}
	if len(bad) != 1 || !strings.Contains(bad[0], "data/tweets-part1.js") || !strings.Contains(bad[0], "truncated") {
		t.Errorf("reported %v", bad)
	}

	// An error of the caller's yield still stops the read at once.
	stop := errors.New("enough")
	n := 0
	err = (xReader{}).Read(ctx, fsys, func(Item) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("yield error: %v after %d items", err, n)
	}
}

func TestFileErrorsInPlainFolders(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("one")},
		"b.txt": {Data: []byte("two")},
	}
	var got []string
	err := eachFile(WithFileErrors(context.Background(), func(string, error) {}), fsys, []string{"a.txt", "missing.txt", "b.txt"},
		func(it Item) error { got = append(got, it.Text); return nil }, readTextFile)
	if err != nil || strings.Join(got, ",") != "one,two" {
		t.Fatalf("got %v, %v", got, err)
	}
}
