package archive

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

func rdWant(prefix string) []Item {
	posts, comments := prefix+"posts.csv", prefix+"comments.csv"
	return []Item{
		{Platform: "reddit", Kind: "post", Date: time.Date(2024, 1, 5, 3, 10, 0, 0, time.UTC),
			URL:    "https://www.reddit.com/r/nursing/comments/p1a2b3/night_shift_tips/",
			Text:   "Night shift tips?\n\nThird week of nights on a surgical ward.\n\nHow do you all stay awake at 4am?",
			Source: Source{File: posts, Position: 0}},
		{Platform: "reddit", Kind: "post", Date: time.Date(2024, 2, 11, 14, 0, 0, 0, time.UTC),
			URL:    "https://www.reddit.com/r/nursing/comments/p4d5e6/our_break_room/",
			Text:   "Our break room after the refurb",
			Media:  []string{"https://i.redd.it/abc123xyz.jpg"},
			Source: Source{File: posts, Position: 1}},
		{Platform: "reddit", Kind: "post", Date: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC),
			URL:    "https://www.reddit.com/r/medicine/comments/p7f8g9/article/",
			Text:   "Worth a read\n\nhttps://example.org/journal/handover-study",
			Source: Source{File: posts, Position: 2}},
		// Position 3: no title, body [removed]: skipped.
		{Platform: "reddit", Kind: "comment", Date: time.Date(2024, 1, 5, 4, 0, 0, 0, time.UTC),
			URL:    "https://www.reddit.com/r/nursing/comments/p1a2b3/night_shift_tips/c1/",
			Text:   "Had a patient in bed 12 today, 94 years old, Mrs Okafor, who remembered all our names",
			Source: Source{File: comments, Position: 0}},
		{Platform: "reddit", Kind: "comment", Date: time.Date(2024, 1, 6, 5, 0, 0, 0, time.UTC),
			URL:    "https://www.reddit.com/r/nursing/comments/p1a2b3/night_shift_tips/c2/",
			Text:   `Cold water on the face, and a "proper" break.`,
			Media:  []string{"https://i.redd.it/zzz999.png"},
			Source: Source{File: comments, Position: 1}},
		// Position 2: [deleted]: skipped.
	}
}

func TestRedditFixture(t *testing.T) {
	fsys := os.DirFS("testdata/reddit")
	r, err := Detect(fsys)
	if err != nil || r.Name() != "reddit" {
		t.Fatalf("Detect = %v, %v; want reddit", r, err)
	}
	items := xmReadAll(t, r, fsys)
	compareItems(t, items, rdWant(""))
	testZipForms(t, "testdata/reddit", "reddit", rdWant, "", "export_nightowl_20240401/")
}

func TestRedditNeverShowsIP(t *testing.T) {
	ips := []string{"203.0.113.77", "0.0.0.0", "198.51.100.4"}
	check := func(what, s string) {
		for _, ip := range ips {
			if strings.Contains(s, ip) {
				t.Errorf("%s shows the ip %s: %q", what, ip, s)
			}
		}
	}
	for _, it := range xmReadAll(t, redditReader{}, os.DirFS("testdata/reddit")) {
		check("item", fmt.Sprintf("%+v", it))
	}
	// Nor do errors, even about a row whose ip is malformed.
	fsys := mapFS(map[string]string{
		"posts.csv": "id,permalink,date,ip,subreddit,gildings,title,url,body\n" +
			"a,https://r/1,2024-01-01 00:00:00 UTC,203.0.113.77\xff,x,0,t\xff,,b\n",
	})
	_, fileErrs, err := readAllErr(redditReader{}, fsys)
	if err != nil || len(fileErrs) != 1 {
		t.Fatalf("Read = %v, %q", err, fileErrs)
	}
	check("error", fileErrs[0])
}

func TestRedditDetect(t *testing.T) {
	const posts = "id,permalink,date,ip,subreddit,gildings,title,url,body\n"
	const comments = "id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n"
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"posts.csv", map[string]string{"posts.csv": posts}, true},
		{"comments.csv", map[string]string{"comments.csv": comments}, true},
		{"one folder down", map[string]string{"export/comments.csv": comments}, true},
		{"LinkedIn's Comments.csv", map[string]string{"Comments.csv": "Date,Link,Message\n"}, false},
		{"a posts.csv of something else", map[string]string{"posts.csv": "id,title,body\n"}, false},
		{"other Reddit files only", map[string]string{"post_votes.csv": "id,permalink,direction\n"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (redditReader{}).Detect(mapFS(tt.files)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRedditLayouts(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []Item
	}{
		{
			name: "extra gilding columns, columns reordered, relative permalinks, a date without UTC",
			files: map[string]string{
				"comments.csv": "body,id,permalink,date,ip,subreddit,gildings,gildings_silver,gildings_supergold,link,parent,media\n" +
					"\"multi\r\nline\",c9,/r/x/comments/1/t/c9/,2024-02-03 04:05:06,,x,0,0,0,/r/x/comments/1/,t3_1,\n",
			},
			want: []Item{
				{Platform: "reddit", Kind: "comment", Date: time.Date(2024, 2, 3, 4, 5, 6, 0, time.UTC),
					URL: "https://www.reddit.com/r/x/comments/1/t/c9/", Text: "multi\nline", Source: Source{File: "comments.csv"}},
			},
		},
		{
			name: "a video link post, a post with only a title, a broken date",
			files: map[string]string{
				"posts.csv": "id,permalink,date,ip,subreddit,gildings,title,url,body\n" +
					"v,https://r/v,2024-01-01 00:00:00 UTC,,x,0,Our ward's flash mob,https://v.redd.it/xyz,\n" +
					"t,https://r/t,not a date,,x,0,Just a title,https://r/t,\n",
			},
			want: []Item{
				{Platform: "reddit", Kind: "post", Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), URL: "https://r/v",
					Text: "Our ward's flash mob", Media: []string{"https://v.redd.it/xyz"}, Source: Source{File: "posts.csv"}},
				{Platform: "reddit", Kind: "post", URL: "https://r/t", Text: "Just a title", Source: Source{File: "posts.csv", Position: 1}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareItems(t, xmReadAll(t, redditReader{}, mapFS(tt.files)), tt.want)
		})
	}
}

func TestRedditHostile(t *testing.T) {
	const header = "id,permalink,date,ip,subreddit,gildings,title,url,body\n"
	good := "id,permalink,date,ip,subreddit,gildings,link,parent,body,media\nc,https://r/c,,,x,0,,,fine,\n"
	tests := []struct {
		name  string
		data  string
		items int
		want  []string
	}{
		{"a row of NUL bytes", header + "\x00\x00\x00\n", 0, nil},
		{"not UTF-8", header + "a,https://r/a,,,x,0,caf\xe9,,\n", 1, []string{"reddit: posts.csv", "record 0 (line 2): not UTF-8"}},
		{"a header without body", "id,permalink,subreddit,title\n", 0, []string{"reddit: posts.csv", "no header row", "Reddit posts.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, fileErrs, err := readAllErr(redditReader{}, mapFS(map[string]string{"posts.csv": tt.data, "comments.csv": good}))
			t.Log(fileErrs)
			if err != nil {
				t.Fatalf("Read = %v", err)
			}
			if len(items) != tt.items+1 || items[len(items)-1].Text != "fine" {
				t.Errorf("items %+v", items)
			}
			if tt.want == nil {
				if len(fileErrs) != 0 {
					t.Errorf("file errors %q", fileErrs)
				}
				return
			}
			if len(fileErrs) != 1 {
				t.Fatalf("file errors %q, want one", fileErrs)
			}
			xmErrSays(t, errors.New(fileErrs[0]), tt.want...)
		})
	}
}

func TestRedditStops(t *testing.T) {
	testStops(t, redditReader{}, os.DirFS("testdata/reddit"))
	err := xmReadErr(t, redditReader{}, mapFS(map[string]string{"post_votes.csv": "id,permalink,direction\n"}))
	xmErrSays(t, err, "reddit: no posts.csv or comments.csv")
}

func FuzzRedditRead(f *testing.F) {
	for _, name := range []string{"testdata/reddit/posts.csv", "testdata/reddit/comments.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "\n\"", ",,,,,,,,,", "[deleted]", "\xff,\"\"\"", "a,/r/x,2024-13-45 99:99:99 UTC,1.2.3.4,x,0,t,u,b\n"} {
		f.Add([]byte(s))
	}
	const header = "id,permalink,date,ip,subreddit,gildings,title,url,body\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"posts.csv":    {Data: append([]byte(header), data...)},
			"comments.csv": {Data: data},
		}
		err := (redditReader{}).Read(context.Background(), fsys, func(it Item) error {
			if it.Platform != "reddit" || (it.Kind != "post" && it.Kind != "comment") {
				t.Fatalf("item %+v", it)
			}
			if !utf8.ValidString(it.Text) || !utf8.ValidString(it.URL) {
				t.Fatalf("invalid UTF-8 in %+v", it)
			}
			if it.Text == "" && len(it.Media) == 0 {
				t.Fatalf("empty item %+v", it)
			}
			if _, err := it.Date.MarshalJSON(); err != nil {
				t.Fatalf("date %v: %v", it.Date, err)
			}
			return nil
		})
		if err != nil && !strings.HasPrefix(err.Error(), "reddit: ") {
			t.Fatalf("error without the reader's name: %v", err)
		}
	})
}
