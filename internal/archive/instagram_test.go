package archive

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const (
	igCurPosts    = "your_instagram_activity/content/posts_1.json"
	igCurComments = "your_instagram_activity/comments/post_comments_1.json"
	igCurReels    = "your_instagram_activity/comments/reels_comments.json"
)

var igWantCurrent = []Item{
	// A carousel: the caption and time are at the top, every photo is media.
	{Platform: "instagram", Kind: "caption", Date: metaUnix(1699990000), Text: "Night shift crew 😀 with Penélope",
		Media:  []string{"media/posts/202311/a1.jpg", "media/posts/202311/a2.jpg"},
		Source: Source{File: igCurPosts, Position: 0}},
	// One photo: the caption and time are on the media.
	{Platform: "instagram", Kind: "caption", Date: metaUnix(1702000000), Text: "Café before clinic",
		Media:  []string{"media/posts/202312/b1.jpg"},
		Source: Source{File: igCurPosts, Position: 1}},
	// A photo with no caption: still listed, for its media.
	{Platform: "instagram", Kind: "caption", Date: metaUnix(1702100000),
		Media:  []string{"media/posts/202312/c1.jpg"},
		Source: Source{File: igCurPosts, Position: 2}},
	{Platform: "instagram", Kind: "comment", Date: metaUnix(1702200000), Text: "So proud of you ❤️",
		Source: Source{File: igCurComments, Position: 0}},
	// Lower-case keys in string_map_data.
	{Platform: "instagram", Kind: "comment", Date: metaUnix(1702300000), Text: "Congrats!",
		Source: Source{File: igCurComments, Position: 1}},
	{Platform: "instagram", Kind: "comment", Date: metaUnix(1702400000), Text: "Ha! 😀",
		Source: Source{File: igCurReels, Position: 0}},
}

var igWantRoot = []Item{
	{Platform: "instagram", Kind: "caption", Date: metaUnix(1620000000), Text: "Zoë's leaving do",
		Media:  []string{"media/posts/202105/d1.jpg"},
		Source: Source{File: "content/posts_1.json", Position: 0}},
	{Platform: "instagram", Kind: "comment", Date: metaUnix(1620003600), Text: "Miss you already",
		Source: Source{File: "comments/post_comments_1.json", Position: 0}},
}

var igWantMedia = []Item{
	// No top caption on a post of two photos: the one media title is the caption.
	{Platform: "instagram", Kind: "caption", Date: metaUnix(1557000000), Text: "First day on the ward",
		Media:  []string{"media/posts/201905/e1.jpg", "media/posts/201905/e2.jpg"},
		Source: Source{File: "media/posts_1.json", Position: 0}},
}

func TestInstagramFixtures(t *testing.T) {
	tests := []struct {
		dir  string
		want []Item
	}{
		{"testdata/instagram/current", igWantCurrent},
		{"testdata/instagram/root", igWantRoot},
		{"testdata/instagram/media", igWantMedia},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			fsys := os.DirFS(tt.dir)
			if !(instagramReader{}).Detect(fsys) {
				t.Fatal("instagram Detect = false")
			}
			if (facebookReader{}).Detect(fsys) {
				t.Error("facebook Detect = true on an Instagram export")
			}
			if r, err := Detect(fsys); err != nil || r.Name() != "instagram" {
				t.Errorf("Detect = %v, %v; want instagram", r, err)
			}
			compareItems(t, metaRead(t, "instagram", fsys), tt.want)
		})
	}
}

func TestInstagramZip(t *testing.T) {
	for _, prefix := range []string{"", "instagram-dquill-2024-01-01/"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			fsys, closer, err := Open(metaZip(t, "testdata/instagram/current", prefix))
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			if r, err := Detect(fsys); err != nil || r.Name() != "instagram" {
				t.Fatalf("Detect(zip) = %v, %v; want instagram", r, err)
			}
			want := make([]Item, len(igWantCurrent))
			for i, it := range igWantCurrent {
				it.Source.File = prefix + it.Source.File
				want[i] = it
			}
			compareItems(t, metaRead(t, "instagram", fsys), want)
		})
	}
}

func TestInstagramLayouts(t *testing.T) {
	post := []byte(`[{"media": [{"uri": "media/posts/202401/x.jpg", "creation_timestamp": 1704067200, "title": "hello"}]}]`)
	comment := []byte(`[{"string_map_data": {"COMMENT": {"value": "hi"}, "TIME": {"timestamp": 1704067200}}}]`)
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		files []string
	}{
		{"content", fstest.MapFS{"content/posts_1.json": {Data: post}}, []string{"content/posts_1.json"}},
		{"media", fstest.MapFS{"media/posts_1.json": {Data: post}}, []string{"media/posts_1.json"}},
		{"activity media", fstest.MapFS{"your_instagram_activity/media/posts_1.json": {Data: post}},
			[]string{"your_instagram_activity/media/posts_1.json"}},
		{"paged in number order", fstest.MapFS{"content/posts_10.json": {Data: post}, "content/posts_9.json": {Data: post}},
			[]string{"content/posts_9.json", "content/posts_10.json"}},
		{"comments only", fstest.MapFS{"comments/post_comments_1.json": {Data: comment}}, []string{"comments/post_comments_1.json"}},
		{"unpaged comments", fstest.MapFS{"your_instagram_activity/comments/post_comments.json": {Data: []byte(`{"comments_media_comments": ` + string(comment) + `}`)}},
			[]string{"your_instagram_activity/comments/post_comments.json"}},
		{"empty", fstest.MapFS{"content/posts_1.json": {Data: []byte(`[]`)}}, nil},
		{"post with nothing", fstest.MapFS{"content/posts_1.json": {Data: []byte(`[{"media": [], "title": ""}, {}]`)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !(instagramReader{}).Detect(tt.fsys) {
				t.Fatal("Detect = false")
			}
			var files []string
			for _, it := range metaRead(t, "instagram", tt.fsys) {
				files = append(files, it.Source.File)
				if it.Text != "hello" && it.Text != "hi" || !it.Date.Equal(metaUnix(1704067200)) {
					t.Errorf("item %+v", it)
				}
			}
			if !reflect.DeepEqual(files, tt.files) {
				t.Errorf("items from %q, want %q", files, tt.files)
			}
		})
	}
	for _, fsys := range []fstest.MapFS{
		{"photo.jpg": {Data: []byte{1}}},
		{"content/stories.json": {Data: post}},
		{"posts/your_posts_1.json": {Data: post}},
	} {
		if (instagramReader{}).Detect(fsys) {
			t.Errorf("Detect(%v) = true", fsys)
		}
		err := (instagramReader{}).Read(context.Background(), fsys, func(Item) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "no posts or comments") {
			t.Errorf("Read(%v) = %v, want no posts or comments", fsys, err)
		}
	}
}

func TestInstagramHostile(t *testing.T) {
	const posts = "your_instagram_activity/content/posts_1.json"
	const comments = "your_instagram_activity/comments/post_comments_1.json"
	tests := []struct {
		name, file, data string
		want             []string
	}{
		{"truncated", posts, `[{"media": [{"uri": "a.jpg"}]}, {"media": [`, []string{"instagram: ", posts, "position 1", "truncated"}},
		{"object", posts, `{"media": []}`, []string{posts, "is a JSON object, want an array"}},
		{"timestamp as a string", posts, "[\n{\"media\": [{\"uri\": \"a.jpg\", \"creation_timestamp\": \"1702000000\"}]}\n]",
			[]string{posts, "position 0, line 2", "media.creation_timestamp is a string, want a whole number"}},
		{"media as an object", posts, `[{"media": {"uri": "a.jpg"}}]`, []string{posts, "media is an object, want an array"}},
		{"comment time as a string", comments, `[{"string_map_data": {"Time": {"timestamp": "soon"}}}]`,
			[]string{comments, "position 0", "timestamp is a string, want a whole number"}},
		{"comment value as a number", comments, `[{}, {"string_map_data": {"Comment": {"value": 7}}}]`,
			[]string{comments, "position 1", "value is a number, want a string"}},
		{"string_map_data as an array", comments, `[{"string_map_data": []}]`, []string{comments, "string_map_data is an array, want an object"}},
		{"comments object without a known key", comments, `{"comments": []}`, []string{comments, "without comments_media_comments or comments_reels_comments"}},
		{"syntax", comments, `[{"string_map_data": {"Comment" {"value": "x"}}}]`, []string{comments, "not valid JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: []byte(tt.data)}}
			err := (instagramReader{}).Read(context.Background(), fsys, func(Item) error { return nil })
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

func TestInstagramStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := (instagramReader{}).Read(context.Background(), os.DirFS("testdata/instagram/current"), func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items, want the yield error as it is after 1", err, n)
	}
}
