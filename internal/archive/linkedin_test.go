package archive

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// mapFS builds an fstest.MapFS from file names and contents.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// readAllErr reads fsys with r, collecting the items and the files whose
// errors WithFileErrors reported, and returns Read's own error.
func readAllErr(r Reader, fsys fs.FS) (items []Item, fileErrs []string, err error) {
	ctx := WithFileErrors(context.Background(), func(file string, err error) {
		fileErrs = append(fileErrs, err.Error())
	})
	err = r.Read(ctx, fsys, func(it Item) error { items = append(items, it); return nil })
	return items, fileErrs, err
}

// testStops checks that a reader returns yield's error as it is after one
// item, and stops on a cancelled context.
func testStops(t *testing.T, r Reader, fsys fs.FS) {
	t.Helper()
	stop := errors.New("stop")
	n := 0
	err := r.Read(context.Background(), fsys, func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items, want the yield error as it is after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = r.Read(ctx, fsys, func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled) = %v", err)
	}
}

// testZipForms reads a fixture folder zipped under each prefix and
// compares with want(prefix).
func testZipForms(t *testing.T, dir, name string, want func(prefix string) []Item, prefixes ...string) {
	t.Helper()
	for _, prefix := range prefixes {
		t.Run("zip "+prefix, func(t *testing.T) {
			fsys, closer, err := Open(xmZipDir(t, dir, prefix))
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			r, err := Detect(fsys)
			if err != nil || r.Name() != name {
				t.Fatalf("Detect = %v, %v; want %s", r, err, name)
			}
			compareItems(t, xmReadAll(t, r, fsys), want(prefix))
		})
	}
}

func liWant(prefix string) []Item {
	shares, comments := prefix+"Shares.csv", prefix+"Comments.csv"
	return []Item{
		{Platform: "linkedin", Kind: "post", Date: time.Date(2025, 3, 2, 8, 15, 21, 0, time.UTC),
			URL: "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000001", Visibility: "public",
			Text:   "Proud of our ward team this week.\n\nThree new nurses passed their \"preceptorship\" sign-off.\n#nursing",
			Source: Source{File: shares, Position: 0}},
		{Platform: "linkedin", Kind: "post", Date: time.Date(2025, 3, 5, 19, 40, 0, 0, time.UTC),
			URL: "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000002", Visibility: "connections",
			Text:   "Lovely Mr Hartley in bay 6 turned 90 today, we brought cake.\nHe said it was the best birthday yet!",
			Media:  []string{"https://media.licdn.com/dms/image/D4E22AQF/feedshare-shrink_800/0/1700000000000"},
			Source: Source{File: shares, Position: 1}},
		{Platform: "linkedin", Kind: "post", Date: time.Date(2025, 3, 6, 7, 0, 0, 0, time.UTC),
			URL: "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000003", Visibility: "public",
			Text:   "https://example.org/news/safe-staffing-report",
			Source: Source{File: shares, Position: 2}},
		// Position 3 has no text, link or media: skipped.
		{Platform: "linkedin", Kind: "comment", Date: time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC),
			URL:    "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7200000000000000001",
			Text:   "Priya Nandakumar Congratulations on the new role!",
			Source: Source{File: comments, Position: 0}},
		{Platform: "linkedin", Kind: "comment", Date: time.Date(2025, 3, 4, 11, 30, 0, 0, time.UTC),
			URL:    "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7200000000000000002",
			Text:   "Tom Ellery We tell students to \"write it down, say it out loud\" at every handover.\n\nWorks for us.",
			Source: Source{File: comments, Position: 1}},
		{Platform: "linkedin", Kind: "comment", Date: time.Date(2025, 3, 4, 11, 31, 0, 0, time.UTC),
			URL:    "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7200000000000000002",
			Text:   `"Agreed"`,
			Source: Source{File: comments, Position: 2}},
	}
}

func TestLinkedInFixture(t *testing.T) {
	fsys := os.DirFS("testdata/linkedin")
	r, err := Detect(fsys)
	if err != nil || r.Name() != "linkedin" {
		t.Fatalf("Detect = %v, %v; want linkedin", r, err)
	}
	compareItems(t, xmReadAll(t, r, fsys), liWant(""))
	testZipForms(t, "testdata/linkedin", "linkedin", liWant, "", "Basic_LinkedInDataExport_03-08-2025/")
}

func TestLinkedInDetect(t *testing.T) {
	const shares = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
	const comments = "Date,Link,Message\n"
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"Shares.csv", map[string]string{"Shares.csv": shares}, true},
		{"Shares_<id>.csv", map[string]string{"Shares_123.csv": shares}, true},
		{"Comments.csv only", map[string]string{"Comments.csv": comments}, true},
		{"one folder down", map[string]string{"Basic_LinkedInDataExport_01-01-2025/Shares.csv": shares}, true},
		{"notes before the header", map[string]string{"Shares.csv": "Notes:\n\"Some posts may be missing.\"\n\n" + shares}, true},
		{"a BOM and lower-case headers", map[string]string{"Shares.csv": "\ufeffdate,share link,share commentary\n"}, true},
		{"Reddit's comments.csv", map[string]string{"comments.csv": "id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n"}, false},
		{"other LinkedIn files", map[string]string{"Reactions.csv": "Date,Type,Link\n", "Connections.csv": "First Name,Last Name\n"}, false},
		{"a Shares.csv of something else", map[string]string{"Shares.csv": "ticker,quantity\n"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (linkedinReader{}).Detect(mapFS(tt.files)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLinkedInLayouts(t *testing.T) {
	date := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	tests := []struct {
		name  string
		files map[string]string
		want  []Item
	}{
		{
			name: "columns in another order and case, CRLF, a missing Visibility, notes before the header",
			files: map[string]string{"Shares.csv": "Notes:\r\n\"This file holds your posts.\"\r\n\r\n" +
				"visibility,SHARECOMMENTARY,Date,ShareLink\r\nLOGGED_IN,\"one\r\ntwo\",2024-05-06 07:08:09,https://l/1\r\n" +
				"SOMETHING_NEW,three,,https://l/2\r\n"},
			want: []Item{
				{Platform: "linkedin", Kind: "post", Date: date, URL: "https://l/1", Visibility: "members", Text: "one\ntwo",
					Source: Source{File: "Shares.csv"}},
				{Platform: "linkedin", Kind: "post", URL: "https://l/2", Visibility: "something_new", Text: "three",
					Source: Source{File: "Shares.csv", Position: 1}},
			},
		},
		{
			name: "short and long rows, a bare quote, an unknown date, a shared URL already in the text",
			files: map[string]string{"Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" +
				"2024-05-06 07:08:09,https://l/1\n" +
				"yesterday,https://l/2,5\" of snow at https://s/x,https://s/x,,PUBLIC,extra,fields\n"},
			want: []Item{
				{Platform: "linkedin", Kind: "post", Date: time.Time{}, URL: "https://l/2", Visibility: "public", Text: `5" of snow at https://s/x`,
					Source: Source{File: "Shares.csv", Position: 1}},
			},
		},
		{
			name: "paged Shares files in number order, then Comments",
			files: map[string]string{
				"Shares_10.csv": "ShareCommentary\nten\n",
				"Shares_2.csv":  "ShareCommentary\ntwo\n",
				"Comments.csv":  "Link,Message\nhttps://l/c,a comment\n",
			},
			want: []Item{
				{Platform: "linkedin", Kind: "post", Text: "two", Source: Source{File: "Shares_2.csv"}},
				{Platform: "linkedin", Kind: "post", Text: "ten", Source: Source{File: "Shares_10.csv"}},
				{Platform: "linkedin", Kind: "comment", URL: "https://l/c", Text: "a comment", Source: Source{File: "Comments.csv"}},
			},
		},
		{
			name:  "UTF-16 with a BOM (saved again by a spreadsheet)",
			files: map[string]string{"Shares.csv": utf16LE("ShareCommentary,Visibility\n\"Café rota, ward 7\",PUBLIC\n")},
			want: []Item{
				{Platform: "linkedin", Kind: "post", Visibility: "public", Text: "Café rota, ward 7", Source: Source{File: "Shares.csv"}},
			},
		},
		{
			name:  "an escaped backslash before a closing quote in a backslash-escaping file",
			files: map[string]string{"Comments.csv": "Link,Message\nhttps://l/1,\"say \\\"hi\\\" to C:\\\\\"\nhttps://l/2,next\n"},
			want: []Item{
				{Platform: "linkedin", Kind: "comment", URL: "https://l/1", Text: `say "hi" to C:\\`, Source: Source{File: "Comments.csv"}},
				{Platform: "linkedin", Kind: "comment", URL: "https://l/2", Text: "next", Source: Source{File: "Comments.csv", Position: 1}},
			},
		},
		{
			name:  "only a header",
			files: map[string]string{"Shares.csv": "Date,ShareLink,ShareCommentary\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareItems(t, xmReadAll(t, linkedinReader{}, mapFS(tt.files)), tt.want)
		})
	}
}

// utf16LE encodes s as UTF-16 little-endian with a BOM.
func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		if r > 0xffff {
			r = '?'
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func TestLinkedInUnwrapLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\nb", "a\nb"},
		{"first\"\n\"\"\n\"last", "first\n\nlast"},
		{"first\"\n\"mid \"q\"\"\n\"last", "first\nmid \"q\"\nlast"},
		{"first\"\n\"", "first"},
		{"not\"\nwrapped", "not\"\nwrapped"},
		{"a\"\n\"\n\"b", "a\"\n\"\n\"b"}, // a middle line of one quote: left alone
		{"  \"\n\"x  ", "x"},
	}
	for _, tt := range tests {
		if got := liUnwrapLines(tt.in); got != tt.want {
			t.Errorf("liUnwrapLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLinkedInHostile(t *testing.T) {
	good := "Date,Link,Message\n2024-01-01 00:00:00,https://l/1,fine\n"
	tests := []struct {
		name  string
		data  string
		items int      // items still read from the bad file
		want  []string // in the error
	}{
		{"no header", "just some words\nand more\n", 0, []string{"linkedin: Shares.csv", "no header row", "LinkedIn Shares.csv"}},
		{"empty", "", 0, []string{"Shares.csv", "no header row"}},
		{"binary", "\x00\x01\x02PK\x03\x04", 0, []string{"Shares.csv", "no header row"}},
		{"not UTF-8", "ShareCommentary\nok\ncaf\xe9 in Latin-1\nalso ok\n", 3,
			[]string{"Shares.csv", "record 1 (line 3): not UTF-8 text"}},
		{"an unclosed quote runs to the end", "ShareCommentary\nfirst\n\"never closed\nsecond\n", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mapFS(map[string]string{"Shares.csv": tt.data, "Comments.csv": good})
			items, fileErrs, err := readAllErr(linkedinReader{}, fsys)
			t.Log(fileErrs)
			if err != nil {
				t.Fatalf("Read = %v; want file errors only", err)
			}
			if len(items) != tt.items+1 || items[len(items)-1].Text != "fine" {
				t.Errorf("items %+v; want %d from the bad file and the comment", items, tt.items)
			}
			for _, it := range items {
				if !utf8.ValidString(it.Text) {
					t.Errorf("invalid UTF-8 in %q", it.Text)
				}
			}
			if tt.want == nil {
				if len(fileErrs) != 0 {
					t.Errorf("file errors %q, want none", fileErrs)
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

func TestLinkedInLimits(t *testing.T) {
	defer func(a, b int64) { csvMaxRecord, csvMaxBytes = a, b }(csvMaxRecord, csvMaxBytes)
	csvMaxRecord, csvMaxBytes = 4<<10, 64<<10
	long := "ShareCommentary\nbefore\n\"" + strings.Repeat("x", 100<<10) + "\"\nafter\n"
	huge := "ShareCommentary\n" + strings.Repeat("a line of a very large export\n", 10<<10)
	for _, tt := range []struct {
		name, data string
		want       []string
	}{
		{"a record over the limit", long, []string{"linkedin: Shares.csv", "longer than", "the rest was not read"}},
		{"a file over the limit", huge, []string{"linkedin: ", "over the size limits", "Shares.csv is larger than"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items, fileErrs, err := readAllErr(linkedinReader{}, mapFS(map[string]string{"Shares.csv": tt.data}))
			t.Log(fileErrs)
			if err != nil || len(fileErrs) != 1 {
				t.Fatalf("Read = %v, file errors %q", err, fileErrs)
			}
			if len(items) == 0 || items[0].Text != strings.Split(tt.data, "\n")[1] {
				t.Errorf("items before the limit not read: %d", len(items))
			}
			xmErrSays(t, errors.New(fileErrs[0]), tt.want...)
		})
	}
	// Without WithFileErrors the error is Read's, and ErrTooLarge shows.
	err := linkedinReader{}.Read(context.Background(), mapFS(map[string]string{"Shares.csv": huge}), func(Item) error { return nil })
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read(huge) = %v, want ErrTooLarge", err)
	}
}

func TestLinkedInZipSlip(t *testing.T) {
	// Names with .. or a leading / are made local by archive/zip; nothing
	// is ever written, and every Source is a valid path inside the archive.
	name := writeZip(t, t.TempDir(), map[string][]byte{
		"../../evil/Shares.csv": []byte("ShareCommentary\nfrom outside\n"),
		"/abs/Comments.csv":     []byte("Link,Message\nx,absolute\n"),
	})
	fsys, closer, err := Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	items := xmReadAll(t, linkedinReader{}, fsys)
	if len(items) != 2 {
		t.Fatalf("items %+v", items)
	}
	for _, it := range items {
		if !fs.ValidPath(it.Source.File) || strings.Contains(it.Source.File, "..") {
			t.Errorf("source %q", it.Source.File)
		}
	}
}

func TestLinkedInStops(t *testing.T) {
	testStops(t, linkedinReader{}, os.DirFS("testdata/linkedin"))
	err := xmReadErr(t, linkedinReader{}, mapFS(map[string]string{"Reactions.csv": "Date,Type,Link\n"}))
	xmErrSays(t, err, "linkedin: no Shares.csv or Comments.csv")
}

func FuzzLinkedInRead(f *testing.F) {
	for _, name := range []string{"testdata/linkedin/Shares.csv", "testdata/linkedin/Comments.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "ShareCommentary\n\"", "Link,Message\n\\\"\\\\\"\"\n", "ShareCommentary\n\"a\"\n\"\"b\n", "\xff\xfeS\x00", "\ufeffShareLink\n\xe9\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"Shares.csv": {Data: data}, "Comments.csv": {Data: append([]byte("Link,Message\n"), data...)}}
		err := (linkedinReader{}).Read(context.Background(), fsys, func(it Item) error {
			if it.Platform != "linkedin" || (it.Kind != "post" && it.Kind != "comment") {
				t.Fatalf("item %+v", it)
			}
			if it.Source.File != "Shares.csv" && it.Source.File != "Comments.csv" || it.Source.Position < 0 {
				t.Fatalf("source %+v", it.Source)
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
		if err != nil && !strings.HasPrefix(err.Error(), "linkedin: ") {
			t.Fatalf("error without the reader's name: %v", err)
		}
	})
}

func TestNewFormatsZipBombs(t *testing.T) {
	// 8 MiB of one byte compresses about 1000:1: Open refuses the archive
	// before any reader sees it, whatever the file is named.
	for _, name := range []string{"Shares.csv", "posts.csv", "export.xml", "Takeout/Blogger/Blogs/b/feed.atom"} {
		zip := writeZip(t, t.TempDir(), map[string][]byte{name: bytes.Repeat([]byte("<"), 8<<20)})
		if _, _, err := Open(zip); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Open(zip bomb %s) = %v, want ErrTooLarge", name, err)
		}
	}
}
