package archive

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

func bgWant(prefix string) []Item {
	file := prefix + "Takeout/Blogger/Blogs/Night Notes/feed.atom"
	post := "https://nightnotes.blogspot.com/2023/06/first-night-on-stroke-unit.html"
	return []Item{
		{Platform: "blogger", Kind: "visitor-comment", Date: time.Date(2023, 6, 2, 8, 0, 0, 0, time.UTC), URL: post, Visibility: "public",
			Text: "Great post! My nan was in that hospital too.", Source: Source{File: file, Position: 0}},
		{Platform: "blogger", Kind: "post", Date: time.Date(2023, 6, 1, 21, 30, 0, 0, time.UTC), URL: post, Visibility: "public",
			Text:   "First night on the stroke unit\n\nTwelve hours, two cups of tea & one very kind HCA.\n\n[image: An empty corridor]",
			Media:  []string{"https://blogger.googleusercontent.com/img/b/R29vZ2xl/s1600/corridor.jpg"},
			Source: Source{File: file, Position: 1}},
		{Platform: "blogger", Kind: "comment", Date: time.Date(2023, 6, 2, 9, 0, 0, 0, time.UTC), URL: post, Visibility: "public",
			Text: "Thanks Jo, hope she is doing well.", Source: Source{File: file, Position: 2}},
		// Position 3: an anonymous comment awaiting moderation: skipped.
		{Platform: "blogger", Kind: "post", Date: time.Date(2023, 7, 1, 10, 0, 0, 0, time.UTC), Visibility: "draft",
			Text: "Draft\n\nMr Pemberton, 81, in side room 2 keeps asking for his dog.", Source: Source{File: file, Position: 4}},
		{Platform: "blogger", Kind: "page", Date: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), URL: "https://nightnotes.blogspot.com/p/about.html",
			Visibility: "public", Text: "About me\n\nStaff nurse. Views my own.", Source: Source{File: file, Position: 5}},
		{Platform: "blogger", Kind: "post", Date: time.Date(2021, 5, 5, 5, 5, 5, 0, time.UTC), Visibility: "trash",
			Text: "Old rant\n\nParking again.", Source: Source{File: file, Position: 6}},
	}
}

func TestBloggerFixture(t *testing.T) {
	fsys := os.DirFS("testdata/blogger")
	r, err := Detect(fsys)
	if err != nil || r.Name() != "blogger" {
		t.Fatalf("Detect = %v, %v; want blogger", r, err)
	}
	items := xmReadAll(t, r, fsys)
	compareItems(t, items, bgWant(""))
	for _, it := range items {
		if strings.Contains(it.Text, "Jo Reader") {
			t.Errorf("a commenter's name in %+v", it)
		}
	}
	testZipForms(t, "testdata/blogger", "blogger", bgWant, "", "takeout-20240101T000000Z-001/")
}

// bgClassic is a classic "Back up content" file.
const bgClassic = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:app='http://purl.org/atom/app#'>
<id>tag:blogger.com,1999:blog-77.archive</id>
<author><name>Ward Sister</name><uri>https://www.blogger.com/profile/7</uri><email>noreply@blogger.com</email></author>
<entry><id>tag:blogger.com,1999:blog-77.layout</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#template'/><content type='html'>&lt;b:skin&gt;body{}&lt;/b:skin&gt;</content></entry>
<entry><id>tag:blogger.com,1999:blog-77.settings.X</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><content type='text'>true</content></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-1</id><published>2010-02-03T04:05:06.000-08:00</published>
 <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
 <category scheme='http://www.blogger.com/atom/ns#' term='Nights'/>
 <title type='text'>Snow day</title><content type='html'>Nobody could get in, so &lt;b&gt;we&lt;/b&gt; stayed.</content>
 <link rel='replies' type='text/html' href='https://ws.blogspot.com/2010/02/snow.html#comment-form'/>
 <link rel='alternate' type='text/html' href='https://ws.blogspot.com/2010/02/snow.html' title='Snow day'/>
 <author><name>Ward Sister</name><uri>https://www.blogger.com/profile/7</uri></author></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-2</id><published>2010-03-01T00:00:00Z</published>
 <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
 <title type='text'>Unsent</title><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>first</p><p>second</p></div></content>
 <app:control><app:draft>yes</app:draft></app:control></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-3</id><published>2010-02-04T00:00:00Z</published>
 <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
 <title type='text'>Stay safe...</title><content type='html'>Stay safe out there!</content>
 <author><name>A Neighbour</name><uri>https://www.blogger.com/profile/8</uri></author>
 <thr:in-reply-to href='https://ws.blogspot.com/2010/02/snow.html' ref='tag:blogger.com,1999:blog-77.post-1' type='text/html'/></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-4</id><published>2010-02-04T01:00:00Z</published>
 <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
 <title type='text'>Will do</title><content type='html'>Will do, thanks.</content>
 <link rel='alternate' type='text/html' href='https://ws.blogspot.com/2010/02/snow.html?showComment=1#c4'/>
 <author><name>Ward Sister</name><uri>https://www.blogger.com/profile/7</uri></author></entry>
</feed>`

func TestBloggerLayouts(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []Item
	}{
		{
			name:  "classic backup: kinds by category, templates and settings skipped, app:draft, xhtml content, thr:in-reply-to",
			files: map[string]string{"blog-03-01-2010.xml": bgClassic},
			want: []Item{
				{Platform: "blogger", Kind: "post", Date: time.Date(2010, 2, 3, 12, 5, 6, 0, time.UTC), URL: "https://ws.blogspot.com/2010/02/snow.html",
					Visibility: "public", Text: "Snow day\n\nNobody could get in, so we stayed.", Source: Source{File: "blog-03-01-2010.xml", Position: 2}},
				{Platform: "blogger", Kind: "post", Date: time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC), Visibility: "draft",
					Text: "Unsent\n\nfirst\nsecond", Source: Source{File: "blog-03-01-2010.xml", Position: 3}},
				{Platform: "blogger", Kind: "visitor-comment", Date: time.Date(2010, 2, 4, 0, 0, 0, 0, time.UTC), URL: "https://ws.blogspot.com/2010/02/snow.html",
					Visibility: "public", Text: "Stay safe out there!", Source: Source{File: "blog-03-01-2010.xml", Position: 4}},
				{Platform: "blogger", Kind: "comment", Date: time.Date(2010, 2, 4, 1, 0, 0, 0, time.UTC), URL: "https://ws.blogspot.com/2010/02/snow.html?showComment=1#c4",
					Visibility: "public", Text: "Will do, thanks.", Source: Source{File: "blog-03-01-2010.xml", Position: 5}},
			},
		},
		{
			name: "two blogs in a Takeout, read in path order; a comment matched by name when no profile is given",
			files: map[string]string{
				"Takeout/Blogger/Blogs/B/feed.atom": `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>` +
					`<entry><blogger:type>POST</blogger:type><title>b</title><author><name>Kit</name></author></entry>` +
					`<entry><blogger:type>COMMENT</blogger:type><blogger:status>DRAFT</blogger:status><content type='html'>mine</content><author><name>Kit</name></author></entry></feed>`,
				"Takeout/Blogger/Blogs/A/feed.atom": `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>` +
					`<entry><blogger:type>PAGE</blogger:type><blogger:status>SCHEDULED</blogger:status><title type='html'>a &amp;amp; z</title></entry></feed>`,
			},
			want: []Item{
				{Platform: "blogger", Kind: "page", Visibility: "scheduled", Text: "a & z", Source: Source{File: "Takeout/Blogger/Blogs/A/feed.atom"}},
				{Platform: "blogger", Kind: "post", Visibility: "public", Text: "b", Source: Source{File: "Takeout/Blogger/Blogs/B/feed.atom"}},
				{Platform: "blogger", Kind: "comment", Visibility: "draft", Text: "mine", Source: Source{File: "Takeout/Blogger/Blogs/B/feed.atom", Position: 1}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareItems(t, xmReadAll(t, bloggerReader{}, mapFS(tt.files)), tt.want)
		})
	}
}

func TestBloggerDetect(t *testing.T) {
	const feed = `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'></feed>`
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"Takeout", map[string]string{"Takeout/Blogger/Blogs/x/feed.atom": feed}, true},
		{"Takeout inside a folder", map[string]string{"takeout-1/Takeout/Blogger/Blogs/x/feed.atom": feed}, true},
		{"classic backup", map[string]string{"blog-01-01-2020.xml": bgClassic}, true},
		{"another Atom feed", map[string]string{"feed.atom": `<feed xmlns='http://www.w3.org/2005/Atom'><id>urn:x</id></feed>`}, false},
		{"a WordPress export", map[string]string{"export.xml": wxr()}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (bloggerReader{}).Detect(mapFS(tt.files)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBloggerHostile(t *testing.T) {
	head := `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>`
	ok := `<entry><blogger:type>POST</blogger:type><title>first</title></entry>`
	tests := []struct {
		name  string
		data  string
		items int
		want  []string
	}{
		{"truncated", head + ok + "<entry><blogger:type>POST</blogger:type><title>cu", 1, []string{"blogger: bad.atom (line 1)", "truncated"}},
		{"an undeclared entity", head + ok + "<entry><title>&lol;</title></entry></feed>", 1, []string{"bad.atom", "not valid XML", "&lol;"}},
		{"deeply nested", head + ok + strings.Repeat("<x>", 300) + strings.Repeat("</x>", 300) + "</feed>", 1, []string{"bad.atom", "nested more than 256 deep"}},
		{"not a feed", `<rss><!-- tag:blogger.com, <feed --></rss>`, 0, []string{"bad.atom", "root element is <rss>"}},
		{"UTF-16 declared but UTF-8 given", `<?xml version="1.0" encoding="utf-16"?>` + head + ok + "</feed>", 0, []string{"bad.atom"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mapFS(map[string]string{"bad.atom": tt.data, "good.atom": head + `<entry><blogger:type>POST</blogger:type><title>fine</title></entry></feed>`})
			items, fileErrs, err := readAllErr(bloggerReader{}, fsys)
			t.Log(fileErrs)
			if err != nil {
				t.Fatalf("Read = %v", err)
			}
			if len(items) != tt.items+1 || items[len(items)-1].Text != "fine" {
				t.Errorf("items %+v; want %d, then the good file's", items, tt.items)
			}
			if len(fileErrs) != 1 {
				t.Fatalf("file errors %q, want one", fileErrs)
			}
			xmErrSays(t, errors.New(fileErrs[0]), tt.want...)
		})
	}
}

func TestBloggerStops(t *testing.T) {
	testStops(t, bloggerReader{}, os.DirFS("testdata/blogger"))
	err := xmReadErr(t, bloggerReader{}, mapFS(map[string]string{"feed.atom": "<feed/>"}))
	xmErrSays(t, err, "blogger: no Blogger feed")
}

func FuzzBloggerRead(f *testing.F) {
	data, err := os.ReadFile("testdata/blogger/Takeout/Blogger/Blogs/Night Notes/feed.atom")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(bgClassic))
	for _, s := range []string{"", "<feed>", "<feed><entry><blogger:type>COMMENT</blogger:type></entry></feed>",
		"<feed><entry><content type='xhtml'><p>a<b>b</b>c</p></content><category scheme='#kind' term='kind#post'/></entry></feed>",
		"<feed><entry><published>9999-12-31T23:59:59-23:59</published><category scheme='#kind' term='kind#page'/><title>t</title></entry></feed>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"feed.atom": {Data: append([]byte("<!-- <feed tag:blogger.com, -->"), data...)}}
		err := (bloggerReader{}).Read(context.Background(), fsys, func(it Item) error {
			switch it.Kind {
			case "post", "page", "comment", "visitor-comment":
			default:
				t.Fatalf("item %+v", it)
			}
			if it.Platform != "blogger" || it.Source.File != "feed.atom" || it.Source.Position < 0 {
				t.Fatalf("item %+v", it)
			}
			if !utf8.ValidString(it.Text) || !utf8.ValidString(it.URL) || !utf8.ValidString(it.Visibility) {
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
		if err != nil && !strings.HasPrefix(err.Error(), "blogger: ") {
			t.Fatalf("error without the reader's name: %v", err)
		}
	})
}
