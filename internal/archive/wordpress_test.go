package archive

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

func wxrWant(prefix string) []Item {
	file := prefix + "export.xml"
	post := "https://nightnotes.example.org/2024/03/our-new-ward-garden/"
	photo := prefix + "wp-content/uploads/2024/03/ward-garden.jpg"
	return []Item{
		{Platform: "wordpress", Kind: "post", Date: time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC), URL: post, Visibility: "public",
			Text: "Our new ward garden\n\nThe volunteers finished the garden & it looks lovely.\n\n" +
				"[image: Raised beds by the day room] Raised beds by the day room\n\nA garden for staff and visitors.",
			Media:  []string{photo},
			Source: Source{File: file, Position: 0}},
		{Platform: "wordpress", Kind: "visitor-comment", Date: time.Date(2024, 3, 2, 9, 0, 0, 0, time.UTC), URL: post + "#comment-5",
			Visibility: "public", Text: "My dad was on your ward in bed 3 last week and loved the garden.",
			Source: Source{File: file, Position: 0}},
		{Platform: "wordpress", Kind: "comment", Date: time.Date(2024, 3, 2, 10, 30, 0, 0, time.UTC), URL: post + "#comment-6",
			Visibility: "public", Text: "Thank you! Glad he enjoyed it.",
			Source: Source{File: file, Position: 0}},
		// Comment 7 is spam, 8 a visitor's awaiting moderation, 9 a pingback: skipped.
		{Platform: "wordpress", Kind: "caption", Date: time.Date(2024, 3, 1, 10, 10, 0, 0, time.UTC), URL: post + "ward-garden/",
			Text: "Raised beds by the day room\n\nPhoto taken before visiting hours.", Media: []string{photo},
			Source: Source{File: file, Position: 1}},
		{Platform: "wordpress", Kind: "post", Date: time.Date(2024, 3, 5, 4, 0, 0, 0, time.UTC), URL: "https://nightnotes.example.org/?p=13",
			Visibility: "draft", Text: "Draft: a hard night\n\nMrs Whitlock in bed 4 (DOB 03/02/1931) passed away at 3am. I held her hand.",
			Source: Source{File: file, Position: 2}},
		{Platform: "wordpress", Kind: "comment", Date: time.Date(2024, 3, 5, 5, 0, 0, 0, time.UTC), URL: "https://nightnotes.example.org/?p=13#comment-10",
			Visibility: "pending", Text: "Note to self: ask before posting.",
			Source: Source{File: file, Position: 2}},
		{Platform: "wordpress", Kind: "page", Date: time.Date(2023, 12, 31, 23, 0, 0, 0, time.UTC), URL: "https://nightnotes.example.org/about/",
			Visibility: "private", Text: "About\n\nI am a nurse. Views my own.",
			Source: Source{File: file, Position: 3}},
		// Position 4 is a menu item: skipped.
		{Platform: "wordpress", Kind: "post", Date: time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC), URL: "https://nightnotes.example.org/members/",
			Visibility: "password-protected", Text: "Members only\n\nRota swaps for March.",
			Source: Source{File: file, Position: 5}},
	}
}

func TestWXRFixture(t *testing.T) {
	fsys := os.DirFS("testdata/wordpress")
	r, err := Detect(fsys)
	if err != nil || r.Name() != "wordpress" {
		t.Fatalf("Detect = %v, %v; want wordpress", r, err)
	}
	items := xmReadAll(t, r, fsys)
	compareItems(t, items, wxrWant(""))
	for _, it := range items {
		for _, secret := range []string{"192.0.2.", "198.51.100.", "visitor@example.net", "A Visitor"} {
			if strings.Contains(it.Text+it.URL+strings.Join(it.Media, " "), secret) {
				t.Errorf("item shows %q: %+v", secret, it)
			}
		}
	}
	testZipForms(t, "testdata/wordpress", "wordpress", wxrWant, "", "nightnotes.wordpress.2024-03-12/")
}

// wxr wraps items in a WXR 1.2 document.
func wxr(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>t</title>` + strings.Join(items, "\n") + "</channel></rss>\n"
}

func TestWXRDetect(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"export.xml", map[string]string{"export.xml": wxr()}, true},
		{"two folders down", map[string]string{"a/b/site.wordpress.2024-01-01.000.xml": wxr()}, true},
		{"an RSS feed that is not an export", map[string]string{"feed.xml": `<rss version="2.0"><channel></channel></rss>`}, false},
		{"a Blogger feed", map[string]string{"blog.xml": `<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:blogger.com,1999:blog-1</id></feed>`}, false},
		{"not .xml", map[string]string{"export.txt": wxr()}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (wordpressReader{}).Detect(mapFS(tt.files)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWXRLayouts(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []Item
	}{
		{
			name: "WXR 1.0 namespaces, no author list, Latin-1, an HTML entity outside CDATA, a scheduled post",
			files: map[string]string{"old.xml": "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
				`<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.0/"><channel>` +
				"<item><title>Caf\xe9&nbsp;rota</title><content:encoded>&lt;p&gt;Swaps &amp;amp; cover&lt;/p&gt;</content:encoded>" +
				"<pubDate>Tue, 02 Jan 2024 03:04:05 +0100</pubDate><wp:status>future</wp:status>" +
				"<wp:comment><wp:comment_content>by a user</wp:comment_content><wp:comment_approved>0</wp:comment_approved><wp:comment_user_id>7</wp:comment_user_id></wp:comment>" +
				"</item></channel></rss>"},
			want: []Item{
				{Platform: "wordpress", Kind: "post", Date: time.Date(2024, 1, 2, 2, 4, 5, 0, time.UTC), Visibility: "scheduled",
					Text: "Café rota\n\nSwaps & cover", Source: Source{File: "old.xml"}},
				{Platform: "wordpress", Kind: "comment", Visibility: "pending", Text: "by a user", Source: Source{File: "old.xml"}},
			},
		},
		{
			name: "undeclared prefixes, split files in order, a custom post type, a trashed post, attachments listed before their post",
			files: map[string]string{
				"site.000.xml": `<rss><channel><!-- wordpress.org/export/ -->
					<item><wp:post_type>attachment</wp:post_type><wp:post_parent>5</wp:post_parent><wp:attachment_url>https://b/wp-content/uploads/x.png</wp:attachment_url></item>
					<item><wp:post_id>5</wp:post_id><title>Trashed</title><wp:status>trash</wp:status></item></channel></rss>`,
				"site.001.xml": wxr(`<item><title>Portfolio</title><wp:post_type>portfolio</wp:post_type><wp:status>publish</wp:status></item>`),
			},
			want: []Item{
				{Platform: "wordpress", Kind: "post", Visibility: "trash", Text: "Trashed", Media: []string{"https://b/wp-content/uploads/x.png"},
					Source: Source{File: "site.000.xml", Position: 1}},
				{Platform: "wordpress", Kind: "post", Visibility: "public", Text: "Portfolio", Source: Source{File: "site.001.xml"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareItems(t, xmReadAll(t, wordpressReader{}, mapFS(tt.files)), tt.want)
		})
	}
}

func TestWXRHostile(t *testing.T) {
	ok := `<item><title>first</title></item>`
	tests := []struct {
		name  string
		data  string
		items int // read before the error
		want  []string
	}{
		{"truncated in an item", wxr(ok)[:strings.Index(wxr(ok), "</channel>")] + "<item><title>cut", 1,
			[]string{"wordpress: bad.xml (line 3)", "truncated"}},
		{"truncated after an item", wxr(ok)[:strings.Index(wxr(ok), "</channel>")], 1, []string{"bad.xml", "truncated"}},
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
			strings.Replace(wxr(ok, `<item><title>&lol2;</title></item>`), `<?xml version="1.0" encoding="UTF-8"?>`, "", 1), 1,
			[]string{"bad.xml", "not valid XML", "lol2"}},
		{"external entity", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>` +
			strings.Replace(wxr(`<item><title>&x;</title></item>`), `<?xml version="1.0" encoding="UTF-8"?>`, "", 1), 0,
			[]string{"bad.xml", "not valid XML"}},
		{"deeply nested", wxr(ok, "<item>"+strings.Repeat("<x>", 300)+strings.Repeat("</x>", 300)+"</item>"), 1,
			[]string{"bad.xml", "nested more than 256 deep"}},
		{"mismatched tags", wxr(ok, "<item><title>a</item>"), 1, []string{"bad.xml", "not valid XML"}},
		{"invalid UTF-8", wxr(ok, "<item><title>caf\xe9</title></item>"), 1, []string{"bad.xml", "not valid XML", "UTF-8"}},
		{"an unknown encoding", `<?xml version="1.0" encoding="x-klingon"?>` + strings.TrimPrefix(wxr(ok), `<?xml version="1.0" encoding="UTF-8"?>`), 0,
			[]string{"bad.xml", `"x-klingon"`}},
		{"not RSS", `<feed><!-- <rss wordpress.org/export/ --></feed>`, 0, []string{"bad.xml", "root element is <feed>"}},
		{"empty after the sniffed part", "<!-- <rss wordpress.org/export/ -->", 0, []string{"bad.xml", "no XML element"}},
		{"text before the root", "<rss wordpress.org/export/", 0, []string{"bad.xml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mapFS(map[string]string{"bad.xml": tt.data, "good.xml": wxr(`<item><title>fine</title></item>`)})
			items, fileErrs, err := readAllErr(wordpressReader{}, fsys)
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
			if !strings.HasPrefix(fileErrs[0], "wordpress: ") || !utf8.ValidString(fileErrs[0]) {
				t.Errorf("error %q", fileErrs[0])
			}
		})
	}
}

func TestWXRLimits(t *testing.T) {
	defer func(a, b, c int64) { xmlMaxToken, xmlMaxTree, xmlMaxBytes = a, b, c }(xmlMaxToken, xmlMaxTree, xmlMaxBytes)
	xmlMaxToken, xmlMaxTree, xmlMaxBytes = 256<<10, 512<<10, 64<<20
	big := "<item><title>big</title><content:encoded><![CDATA[" + strings.Repeat("<p>words</p>", 20<<10) + "]]></content:encoded><content:encoded>" +
		strings.Repeat("<![CDATA[<p>more words</p>]]>", 40<<10) + "</content:encoded></item>"
	long := "<item><title>" + strings.Repeat("x", 1<<20) + "</title></item>"
	t.Run("an item over the tree limit is skipped, the rest read", func(t *testing.T) {
		items, fileErrs, err := readAllErr(wordpressReader{}, mapFS(map[string]string{"a.xml": wxr(`<item><title>one</title></item>`, big, `<item><title>two</title></item>`)}))
		t.Log(fileErrs)
		if err != nil || len(items) != 2 || items[1].Text != "two" || items[1].Source.Position != 2 {
			t.Fatalf("Read = %v, items %+v", err, items)
		}
		if len(fileErrs) != 1 {
			t.Fatalf("file errors %q", fileErrs)
		}
		xmErrSays(t, errors.New(fileErrs[0]), "wordpress: a.xml", "item 1: line 4: <item> is larger than", "skipped")
	})
	t.Run("a token over the limit stops the file", func(t *testing.T) {
		items, fileErrs, err := readAllErr(wordpressReader{}, mapFS(map[string]string{"a.xml": wxr(`<item><title>one</title></item>`, long)}))
		t.Log(fileErrs)
		if err != nil || len(items) != 1 || len(fileErrs) != 1 {
			t.Fatalf("Read = %v, items %+v, file errors %q", err, items, fileErrs)
		}
		xmErrSays(t, errors.New(fileErrs[0]), "wordpress: a.xml", "longer than", "the rest was not read")
	})
	t.Run("a 2 GB export is streamed up to the limit", func(t *testing.T) {
		xmlMaxBytes = 1 << 20
		item := "<item><title>night</title><content:encoded><![CDATA[<p>Quiet night on the ward.</p>]]></content:encoded></item>\n"
		head := strings.TrimSuffix(wxr(), "</channel></rss>\n")
		fsys := genFS{MapFS: mapFS(map[string]string{"huge.xml": head}), name: "huge.xml", head: head, repeat: item, size: 2 << 30}
		n := 0
		err := (wordpressReader{}).Read(context.Background(), fsys, func(Item) error { n++; return nil })
		if !errors.Is(err, ErrTooLarge) || n < 5000 {
			t.Fatalf("Read = %v after %d items; want ErrTooLarge after the first MiB", err, n)
		}
		xmErrSays(t, err, "huge.xml is larger than 1 MiB; the rest was not read")
	})
}

// genFS is a MapFS in which one file reads as head and then repeat,
// again and again, up to size bytes (without ever holding them).
type genFS struct {
	fstest.MapFS
	name, head, repeat string
	size               int64
}

func (g genFS) Open(name string) (fs.File, error) {
	if name != g.name {
		return g.MapFS.Open(name)
	}
	f, err := g.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return &genFile{File: f, r: io.LimitReader(io.MultiReader(strings.NewReader(g.head), &repeater{s: g.repeat}), g.size)}, nil
}

type genFile struct {
	fs.File
	r io.Reader
}

func (f *genFile) Read(p []byte) (int, error) { return f.r.Read(p) }

// repeater reads s over and over.
type repeater struct {
	s   string
	off int
}

func (r *repeater) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.off:])
		n += c
		r.off = (r.off + c) % len(r.s)
	}
	return n, nil
}

func TestWXRStops(t *testing.T) {
	testStops(t, wordpressReader{}, os.DirFS("testdata/wordpress"))
	err := xmReadErr(t, wordpressReader{}, mapFS(map[string]string{"feed.xml": "<rss/>"}))
	xmErrSays(t, err, "wordpress: no WordPress export")
}

func FuzzWXRRead(f *testing.F) {
	data, err := os.ReadFile("testdata/wordpress/export.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{"", "<rss>", wxr(`<item><title>&nbsp;&#0;&#xD800;</title></item>`), wxr("<item><wp:comment>"),
		`<?xml version="1.0" encoding="utf-16"?><rss/>`, wxr(`<item><content:encoded><![CDATA[<img src="x">]]></content:encoded></item>`)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The sniffed marker is put first, so that detection passes and the
		// fuzzed bytes reach the parser.
		fsys := fstest.MapFS{"export.xml": {Data: append([]byte("<!-- <rss wordpress.org/export/ -->"), data...)}}
		err := (wordpressReader{}).Read(context.Background(), fsys, func(it Item) error {
			switch it.Kind {
			case "post", "page", "caption", "comment", "visitor-comment":
			default:
				t.Fatalf("item %+v", it)
			}
			if it.Platform != "wordpress" || it.Source.File != "export.xml" || it.Source.Position < 0 {
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
		if err != nil && !strings.HasPrefix(err.Error(), "wordpress: ") {
			t.Fatalf("error without the reader's name: %v", err)
		}
	})
}
