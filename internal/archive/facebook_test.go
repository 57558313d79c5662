package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// metaUnix is the UTC time of a unix timestamp, as the Meta readers give it.
func metaUnix(ts int64) time.Time { return time.Unix(ts, 0).UTC() }

// metaRead reads fsys with the named reader and returns the items.
func metaRead(t *testing.T, name string, fsys fs.FS) []Item {
	t.Helper()
	r, err := ByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return xmReadAll(t, r, fsys)
}

// compareItems reports every item and field that differs (all readers' tests use it).
func compareItems(t *testing.T, got, want []Item) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("item %d missing, want %+v", i, want[i])
			continue
		case i >= len(want):
			t.Errorf("item %d extra: %+v", i, got[i])
			continue
		}
		g, w := got[i], want[i]
		if g.Platform != w.Platform {
			t.Errorf("item %d Platform = %q, want %q", i, g.Platform, w.Platform)
		}
		if g.Kind != w.Kind {
			t.Errorf("item %d Kind = %q, want %q", i, g.Kind, w.Kind)
		}
		if !g.Date.Equal(w.Date) || g.Date.Location() != w.Date.Location() {
			t.Errorf("item %d Date = %v, want %v", i, g.Date, w.Date)
		}
		if g.URL != w.URL {
			t.Errorf("item %d URL = %q, want %q", i, g.URL, w.URL)
		}
		if g.Visibility != w.Visibility {
			t.Errorf("item %d Visibility = %q, want %q", i, g.Visibility, w.Visibility)
		}
		if g.Text != w.Text {
			t.Errorf("item %d Text = %q, want %q", i, g.Text, w.Text)
		}
		if !reflect.DeepEqual(g.Media, w.Media) {
			t.Errorf("item %d Media = %q, want %q", i, g.Media, w.Media)
		}
		if g.Source != w.Source {
			t.Errorf("item %d Source = %+v, want %+v", i, g.Source, w.Source)
		}
	}
}

// metaZip writes the files under dir into a zip in t.TempDir(), each under
// prefix, and returns the zip's path.
func metaZip(t *testing.T, dir, prefix string) string {
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

var fbWantOld = []Item{
	{Platform: "facebook", Kind: "post", Date: metaUnix(1600000000), Text: "Lovely night shift with Penélope 😀",
		Source: Source{File: "posts/your_posts_1.json", Position: 0}},
	{Platform: "facebook", Kind: "caption", Date: metaUnix(1600003600), Text: "Break room cake for the ward",
		Media:  []string{"photos_and_videos/Mobileuploads_1/1234.jpg"},
		Source: Source{File: "posts/your_posts_1.json", Position: 1}},
	{Platform: "facebook", Kind: "post", Date: metaUnix(1600007200), Text: "Worth a read", URL: "https://example.org/nursing-news",
		Source: Source{File: "posts/your_posts_1.json", Position: 2}},
	// Position 3 is a profile update with no text: no item.
	// Position 4: the photo's description repeats the post, so no caption.
	{Platform: "facebook", Kind: "post", Date: metaUnix(1600014400), Text: "Café stop after clinic",
		Media:  []string{"photos_and_videos/Mobileuploads_1/2345.jpg"},
		Source: Source{File: "posts/your_posts_1.json", Position: 4}},
	{Platform: "facebook", Kind: "post", Date: metaUnix(1590000000), Text: "Second page: don’t forget the rota",
		Source: Source{File: "posts/your_posts_2.json", Position: 0}},
	{Platform: "facebook", Kind: "comment", Date: metaUnix(1600020000), Text: "Tilføjet to the rota",
		Source: Source{File: "comments_and_reactions/comments.json", Position: 0}},
}

const (
	fbNewPosts    = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
	fbNewComments = "your_facebook_activity/comments_and_reactions/comments.json"
)

var fbWantNew = []Item{
	{Platform: "facebook", Kind: "post", Date: metaUnix(1700000000), Text: "Penélope brought ❤️ donuts 🍩",
		Source: Source{File: fbNewPosts, Position: 0}},
	{Platform: "facebook", Kind: "post", Date: metaUnix(1700003600), Text: "Team photo",
		Media:  []string{"your_facebook_activity/posts/media/Timelinephotos_5/5678.jpg"},
		Source: Source{File: fbNewPosts, Position: 1}},
	{Platform: "facebook", Kind: "caption", Date: metaUnix(1700003600), Text: "Ward 7 team, Nov 2023 😀",
		Media:  []string{"your_facebook_activity/posts/media/Timelinephotos_5/5678.jpg"},
		Source: Source{File: fbNewPosts, Position: 1}},
	{Platform: "facebook", Kind: "post", Date: metaUnix(1700007200), URL: "https://example.com/article?id=42",
		Source: Source{File: fbNewPosts, Position: 2}},
	// Position 3 is a check-in with no text: no item.
	{Platform: "facebook", Kind: "comment", Date: metaUnix(1700020000), Text: "Thanks Penélope!",
		Source: Source{File: fbNewComments, Position: 0}},
	{Platform: "facebook", Kind: "comment", Date: metaUnix(1700030000),
		Media:  []string{"your_facebook_activity/comments_and_reactions/media/9999.gif"},
		Source: Source{File: fbNewComments, Position: 1}},
	{Platform: "facebook", Kind: "comment", Date: metaUnix(1700040000), Text: "See this", URL: "https://example.net/guide",
		Source: Source{File: fbNewComments, Position: 2}},
}

func TestFacebookFixtures(t *testing.T) {
	tests := []struct {
		dir  string
		want []Item
	}{
		{"testdata/facebook/old", fbWantOld},
		{"testdata/facebook/new", fbWantNew},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			fsys := os.DirFS(tt.dir)
			if !(facebookReader{}).Detect(fsys) {
				t.Fatal("facebook Detect = false")
			}
			if (instagramReader{}).Detect(fsys) {
				t.Error("instagram Detect = true on a Facebook export")
			}
			if r, err := Detect(fsys); err != nil || r.Name() != "facebook" {
				t.Errorf("Detect = %v, %v; want facebook", r, err)
			}
			compareItems(t, metaRead(t, "facebook", fsys), tt.want)
		})
	}
}

func TestFacebookZip(t *testing.T) {
	for _, prefix := range []string{"", "facebook-dquill-2024-01-01/"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			fsys, closer, err := Open(metaZip(t, "testdata/facebook/new", prefix))
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			if r, err := Detect(fsys); err != nil || r.Name() != "facebook" {
				t.Fatalf("Detect(zip) = %v, %v; want facebook", r, err)
			}
			want := make([]Item, len(fbWantNew))
			for i, it := range fbWantNew {
				it.Source.File = prefix + it.Source.File
				want[i] = it
			}
			compareItems(t, metaRead(t, "facebook", fsys), want)
		})
	}
}

func TestFacebookLayouts(t *testing.T) {
	post := []byte(`[{"timestamp": 1700000000, "data": [{"post": "hello"}]}]`)
	comments := []byte(`{"comments_v2": [{"timestamp": 1700000001, "data": [{"comment": {"comment": "hi", "timestamp": 0}}]}]}`)
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		files []string // the Source.File of each item
	}{
		{"old posts", fstest.MapFS{"posts/your_posts_1.json": {Data: post}}, []string{"posts/your_posts_1.json"}},
		{"new posts", fstest.MapFS{"your_facebook_activity/posts/your_posts_1.json": {Data: post}},
			[]string{"your_facebook_activity/posts/your_posts_1.json"}},
		{"activity across facebook", fstest.MapFS{"your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json": {Data: post}},
			[]string{"your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json"}},
		{"paged in number order", fstest.MapFS{
			"posts/your_posts_10.json": {Data: post}, "posts/your_posts_2.json": {Data: post}, "posts/your_posts_1.json": {Data: post}},
			[]string{"posts/your_posts_1.json", "posts/your_posts_2.json", "posts/your_posts_10.json"}},
		{"old comments folder", fstest.MapFS{"comments/comments.json": {Data: comments}}, []string{"comments/comments.json"}},
		{"comments only", fstest.MapFS{"comments_and_reactions/comments.json": {Data: comments}}, []string{"comments_and_reactions/comments.json"}},
		{"comments as a bare array", fstest.MapFS{"comments_and_reactions/comments.json": {Data: []byte(`[{"timestamp": 1700000001, "data": [{"comment": {"comment": "hi"}}]}]`)}},
			[]string{"comments_and_reactions/comments.json"}},
		{"other keys skipped", fstest.MapFS{"comments_and_reactions/comments.json": {Data: []byte(`{"x": {"y": [1, 2]}, "comments_v2": [{"data": [{"comment": {"comment": "hi", "timestamp": 1700000001}}]}], "z": null}`)}},
			[]string{"comments_and_reactions/comments.json"}},
		{"posts and comments", fstest.MapFS{"posts/your_posts_1.json": {Data: post}, "comments_and_reactions/comments.json": {Data: comments}},
			[]string{"posts/your_posts_1.json", "comments_and_reactions/comments.json"}},
		{"empty posts", fstest.MapFS{"posts/your_posts_1.json": {Data: []byte(" [ ] \n")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !(facebookReader{}).Detect(tt.fsys) {
				t.Fatal("Detect = false")
			}
			var files []string
			for _, it := range metaRead(t, "facebook", tt.fsys) {
				files = append(files, it.Source.File)
				if it.Kind == "comment" && !it.Date.Equal(metaUnix(1700000001)) {
					t.Errorf("comment date %v, want the entry's timestamp when the comment has none", it.Date)
				}
			}
			if !reflect.DeepEqual(files, tt.files) {
				t.Errorf("items from %q, want %q", files, tt.files)
			}
		})
	}
	for _, fsys := range []fstest.MapFS{
		{"photo.jpg": {Data: []byte{1}}},
		{"posts/album/0.json": {Data: post}},
		{"posts/your_posts.json": {Data: post}},
		{"content/posts_1.json": {Data: post}},
	} {
		if (facebookReader{}).Detect(fsys) {
			t.Errorf("Detect(%v) = true", fsys)
		}
		err := (facebookReader{}).Read(context.Background(), fsys, func(Item) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "no posts or comments") {
			t.Errorf("Read(%v) = %v, want no posts or comments", fsys, err)
		}
	}
}

func TestFacebookHostile(t *testing.T) {
	const posts = "posts/your_posts_1.json"
	const comments = "comments_and_reactions/comments.json"
	tests := []struct {
		name, file, data string
		want             []string // in the error
	}{
		{"truncated", posts, `[{"timestamp": 1600000000, "data": [{"post": "hi"}]}, {"timestamp": 16`,
			[]string{"facebook: ", posts, "position 1", "truncated"}},
		{"truncated after the array", posts, `[{"timestamp": 1600000000}`, []string{posts, "truncated"}},
		{"object", posts, `{"timestamp": 1600000000, "data": [{"post": "hi"}]}`,
			[]string{posts, "line 1, column 1", "is a JSON object, want an array"}},
		{"timestamp as a string", posts, "[\n {\"timestamp\": 1},\n {\"timestamp\": 2},\n {\"timestamp\": \"1600000000\"}\n]",
			[]string{posts, "position 2, line 4", "timestamp is a string, want a whole number"}},
		{"timestamp too big", posts, `[{"timestamp": 1e99}]`, []string{posts, "position 0", "timestamp is the number 1e99, want a whole number"}},
		{"post as a number", posts, `[{"data": [{"post": 5}]}]`, []string{posts, "position 0", "data.post is a number, want a string"}},
		{"data as an object", posts, `[{"data": {"post": "x"}}]`, []string{posts, "data is an object, want an array"}},
		{"media as a string", posts, `[{"attachments": [{"data": [{"media": "x.jpg"}]}]}]`, []string{posts, "is a string, want an object"}},
		{"element not an object", posts, `[1]`, []string{posts, "position 0", "is a number, want an object"}},
		{"empty", posts, ``, []string{posts, "the file is empty"}},
		{"null", posts, `null`, []string{posts, "the file is null, want an array"}},
		{"string", posts, `"posts"`, []string{posts, "the file is a string, want an array"}},
		{"syntax", posts, `[{"timestamp": 1,,}]`, []string{posts, "position 0", "not valid JSON"}},
		{"garbage after", posts, `[] x`, []string{posts, "after the end"}},
		{"not JSON", posts, "\x00\xff\xfe", []string{posts, "not valid JSON"}},
		{"comments not an array", comments, `{"comments_v2": {"data": []}}`, []string{comments, `"comments_v2" is an object, want an array`}},
		{"comments without the key", comments, `{"likes": []}`, []string{comments, "without comments_v2 or comments"}},
		{"comment timestamp as a string", comments, `{"comments_v2": [{"data": [{"comment": {"timestamp": "x"}}]}]}`,
			[]string{comments, "position 0", "data.comment.timestamp is a string"}},
		{"comments truncated", comments, `{"comments_v2": [`, []string{comments, "truncated"}},
		{"comments truncated in a key", comments, `{"comm`, []string{comments, "truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: []byte(tt.data)}}
			err := (facebookReader{}).Read(context.Background(), fsys, func(Item) error { return nil })
			if err == nil {
				t.Fatal("Read = nil error")
			}
			t.Log(err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestFacebookStops(t *testing.T) {
	fsys := os.DirFS("testdata/facebook/old")
	stop := errors.New("stop")
	n := 0
	err := (facebookReader{}).Read(context.Background(), fsys, func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items, want the yield error as it is after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = (facebookReader{}).Read(ctx, fsys, func(Item) error { n++; return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled) = %v", err)
	}
}

func FuzzFacebookRead(f *testing.F) {
	for _, name := range []string{
		"testdata/facebook/old/posts/your_posts_1.json",
		"testdata/facebook/old/comments_and_reactions/comments.json",
		"testdata/facebook/new/" + fbNewPosts,
		"testdata/facebook/new/" + fbNewComments,
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{``, `[]`, `{}`, `null`, `[{"timestamp": "1"}]`, `[{"data": [{"post": "\u00c3"}]}]`, `{"comments": [{}]}`, `[[[[`} {
		f.Add([]byte(s))
	}
	const posts = "posts/your_posts_1.json"
	const comments = "comments_and_reactions/comments.json"
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{posts: {Data: data}, comments: {Data: data}}
		err := (facebookReader{}).Read(context.Background(), fsys, func(it Item) error {
			if it.Platform != "facebook" || (it.Kind != "post" && it.Kind != "caption" && it.Kind != "comment") {
				t.Fatalf("item %+v", it)
			}
			if it.Source.File != posts && it.Source.File != comments {
				t.Fatalf("item from %q", it.Source.File)
			}
			if !utf8.ValidString(it.Text) || !utf8.ValidString(it.URL) {
				t.Fatalf("invalid UTF-8 in %+v", it)
			}
			if _, err := it.Date.MarshalJSON(); err != nil {
				t.Fatalf("date %v: %v", it.Date, err)
			}
			return nil
		})
		if err != nil && !strings.Contains(err.Error(), posts) && !strings.Contains(err.Error(), comments) {
			t.Fatalf("error %q names no file", err)
		}
	})
}
