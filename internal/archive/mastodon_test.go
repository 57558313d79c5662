package archive

import (
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

// mastoWant are the items of testdata/mastodon, under prefix.
func mastoWant(prefix string) []Item {
	outbox := prefix + "outbox.json"
	return []Item{
		{Platform: "mastodon", Kind: "post", Date: time.Date(2024, 1, 5, 8, 30, 0, 0, time.UTC),
			URL: "https://example.social/@nurse_ana/111000000000000001", Visibility: "public",
			Text:   "Lovely team on the ward today & great cake.\n\nProud of us #nursing https://example.org/rota/2024/january",
			Source: Source{File: outbox, Position: 0}},
		{Platform: "mastodon", Kind: "post", Date: time.Date(2024, 1, 6, 23, 15, 0, 0, time.UTC),
			URL: "https://example.social/@nurse_ana/111000000000000002", Visibility: "unlisted",
			Text:   "CW: Long shift\nHome at last\nFeet hurt\n[image: Empty corridor on Ward 4 at 3am]",
			Media:  []string{prefix + "media_attachments/files/111/222/333/original/abc123.jpeg"},
			Source: Source{File: outbox, Position: 1}},
		{Platform: "mastodon", Kind: "comment", Date: time.Date(2024, 1, 7, 10, 0, 0, 0, time.UTC),
			URL: "https://example.social/@nurse_ana/111000000000000003", Visibility: "public",
			Text:   "@sam I'd say yes",
			Source: Source{File: outbox, Position: 2}},
		{Platform: "mastodon", Kind: "post", Date: time.Date(2024, 1, 8, 12, 0, 0, 0, time.UTC),
			URL: "https://example.social/@nurse_ana/111000000000000004", Visibility: "direct",
			Text:   "@sam Can you swap Friday?",
			Source: Source{File: outbox, Position: 3}},
		// Position 4 is a boost (Announce): skipped.
		{Platform: "mastodon", Kind: "post", Date: time.Date(2024, 1, 10, 18, 45, 0, 0, time.UTC),
			URL: "https://example.social/@nurse_ana/111000000000000006", Visibility: "followers",
			Text:   "Only for friends: quiet night, 2 < 3.",
			Source: Source{File: outbox, Position: 5}},
	}
}

func TestMastodonFixture(t *testing.T) {
	fsys := os.DirFS("testdata/mastodon")
	r, err := Detect(fsys)
	if err != nil || r.Name() != "mastodon" {
		t.Fatalf("Detect = %v, %v; want mastodon", r, err)
	}
	compareItems(t, xmReadAll(t, r, fsys), mastoWant(""))
}

func TestMastodonZip(t *testing.T) {
	for _, prefix := range []string{"", "archive-20240110/"} {
		t.Run("prefix "+prefix, func(t *testing.T) {
			fsys, closer, err := Open(xmZipDir(t, "testdata/mastodon", prefix))
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			r, err := Detect(fsys)
			if err != nil || r.Name() != "mastodon" {
				t.Fatalf("Detect = %v, %v; want mastodon", r, err)
			}
			compareItems(t, xmReadAll(t, r, fsys), mastoWant(prefix))
		})
	}
}

func TestMastodonDetect(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  bool
	}{
		{"outbox and actor", []string{"outbox.json", "actor.json"}, true},
		{"outbox only", []string{"outbox.json"}, true},
		{"one folder down", []string{"archive/outbox.json", "archive/actor.json"}, true},
		{"actor only", []string{"actor.json", "likes.json"}, false},
		{"a folder named outbox.json", []string{"outbox.json/x"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte(`{"orderedItems": []}`)}
			}
			if got := (mastodonReader{}).Detect(fsys); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

// mastoOutbox wraps activities (JSON) into an outbox.
func mastoOutbox(activities ...string) string {
	return `{"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection", "orderedItems": [` +
		strings.Join(activities, ",\n") + `]}`
}

func TestMastodonLayouts(t *testing.T) {
	const pub = `"https://www.w3.org/ns/activitystreams#Public"`
	tests := []struct {
		name  string
		files map[string]string
		want  []Item
	}{
		{
			name: "the last orderedItems wins",
			files: map[string]string{"outbox.json": `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "first"}}],
				"totalItems": 1, "orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "second"}}]}`},
			want: []Item{{Platform: "mastodon", Kind: "post", Text: "second", Source: Source{File: "outbox.json"}}},
		},
		{
			name: "one value where arrays are usual, links as objects, contentMap, the activity's addressing",
			files: map[string]string{"outbox.json": mastoOutbox(
				`{"type": ["Create"], "published": "2024-02-01T10:00:00+01:00", "to": ` + pub + `,
				  "object": {"type": "Note", "id": {"id": "https://example.social/statuses/9"}, "inReplyTo": {"href": "https://other.example/1"},
				    "contentMap": {"fr": "<p>bonjour</p>", "en": "<p>hello</p>"},
				    "attachment": {"type": "Document", "mediaType": "video/mp4", "url": {"type": "Link", "href": "/inst/media_attachments/files/1/original/v.mp4"}, "name": "A clip"}}}`)},
			want: []Item{{Platform: "mastodon", Kind: "comment", Date: time.Date(2024, 2, 1, 9, 0, 0, 0, time.UTC),
				URL: "https://example.social/statuses/9", Visibility: "public", Text: "hello\n[video: A clip]",
				Media: []string{"media_attachments/files/1/original/v.mp4"}, Source: Source{File: "outbox.json"}}},
		},
		{
			name: "followers from actor.json, a poll, audio, media not in the archive, remote media, empty alt",
			files: map[string]string{
				"actor.json": `{"id": "https://example.social/users/a", "followers": "https://example.social/users/a/fans"}`,
				"outbox.json": mastoOutbox(
					`{"type": "Create", "object": {"type": "Question", "to": ["https://example.social/users/a/fans"], "cc": [],
					  "content": "<p>Tea or coffee?</p>", "oneOf": [{"type": "Note", "name": "Tea"}, {"type": "Note", "name": " Coffee "}],
					  "attachment": [
					    {"mediaType": "audio/mpeg", "url": "media_attachments/files/2/original/a.mp3", "name": "Ward radio"},
					    {"mediaType": "image/png", "url": "https://cdn.example/other/b.png", "name": ""},
					    {"mediaType": "image/png", "url": "https://cdn.example/x/media_attachments/files/3/original/c.png", "name": null},
					    {"mediaType": "application/pdf", "url": "/../../etc/passwd", "name": "Leaflet"}
					  ]}}`),
			},
			want: []Item{{Platform: "mastodon", Kind: "post", Visibility: "followers",
				Text:   "Tea or coffee?\n[poll option: Tea]\n[poll option: Coffee]\n[audio: Ward radio]\n[attachment: Leaflet]",
				Media:  []string{"media_attachments/files/2/original/a.mp3", "media_attachments/files/3/original/c.png"},
				Source: Source{File: "outbox.json"}}},
		},
		{
			name: "skipped: boosts, other activities, links to objects, other object types, empty notes",
			files: map[string]string{"outbox.json": mastoOutbox(
				`{"type": "Announce", "object": "https://other.example/statuses/1"}`,
				`{"type": "Announce", "object": {"type": "Note", "content": "a boost with an embedded note"}}`,
				`{"type": "Delete", "object": {"type": "Note", "content": "gone"}}`,
				`{"type": "Create", "object": "https://example.social/statuses/2"}`,
				`{"type": "Create", "object": null}`,
				`{"type": "Create"}`,
				`{"type": "Create", "object": {"type": "Image", "content": "not a post"}}`,
				`{"type": "Create", "object": {"type": "Note", "content": "<p> </p>", "summary": null, "attachment": []}}`,
				`{"type": "Create", "object": {"type": "Note", "content": "kept", "to": [], "cc": []}, "to": [], "cc": []}`,
				`{"type": "Create", "object": {"type": "Note", "content": "CW only is kept, unlisted", "summary": "  "}, "to": ["https://example.social/users/a/followers"], "cc": ["as:Public"]}`,
			)},
			want: []Item{
				{Platform: "mastodon", Kind: "post", Text: "kept", Source: Source{File: "outbox.json", Position: 8}},
				{Platform: "mastodon", Kind: "post", Visibility: "unlisted", Text: "CW only is kept, unlisted", Source: Source{File: "outbox.json", Position: 9}},
			},
		},
		{
			name: "a broken actor.json is ignored",
			files: map[string]string{
				"actor.json":  `{"followers": 5`,
				"outbox.json": mastoOutbox(`{"type": "Create", "object": {"type": "Note", "content": "x", "to": ["https://example.social/users/a/followers", "https://other.example/users/b"]}}`),
			},
			want: []Item{{Platform: "mastodon", Kind: "post", Visibility: "followers", Text: "x", Source: Source{File: "outbox.json"}}},
		},
		{
			name:  "an empty outbox",
			files: map[string]string{"outbox.json": `{"orderedItems": []}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			compareItems(t, xmReadAll(t, mastodonReader{}, fsys), tt.want)
		})
	}
}

func TestMastodonHostile(t *testing.T) {
	const outbox = "outbox.json"
	tests := []struct {
		name, data string
		want       []string // in the error
	}{
		{"empty", ``, []string{"mastodon: ", outbox, "the file is empty"}},
		{"an array", `[{"type": "Create"}]`, []string{outbox, "line 1, column 1", "the file is an array, want an object"}},
		{"null", `null`, []string{outbox, "the file is null, want an object"}},
		{"no orderedItems", `{"type": "OrderedCollection", "first": "outbox.json?page=true"}`, []string{outbox, "no orderedItems"}},
		{"orderedItems an object", `{"orderedItems": {"type": "Create"}}`, []string{outbox, "orderedItems is an object, want an array"}},
		{"truncated", `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "a"}}, {"type": "Cre`,
			[]string{outbox, "position 1", "truncated"}},
		{"truncated in a key", `{"ordered`, []string{outbox, "truncated"}},
		{"truncated after the array", `{"orderedItems": []`, []string{outbox, "truncated"}},
		{"element not an object", "{\"orderedItems\": [\n{\"type\": \"Create\"},\n\"https://example.social/1\"]}",
			[]string{outbox, "position 1, line 3", "the element is a string, want an object"}},
		{"syntax error", `{"orderedItems": [{"type": "Create",,}]}`, []string{outbox, "position 0", "not valid JSON"}},
		{"garbage after", `{"orderedItems": []} <script>`, []string{outbox, "unexpected data after the end"}},
		{"to a number", `{"orderedItems": [{"type": "Create", "to": 5}]}`, []string{outbox, "position 0", "to is a number, want a string"}},
		{"type a number", `{"orderedItems": [{"type": 5}]}`, []string{outbox, "position 0", "type is a number, want a string"}},
		{"content a number", `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": 5}}]}`,
			[]string{outbox, "position 0", "object.content is a number, want a string"}},
		{"alt text a number", `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "attachment": [{"name": 5}]}}]}`,
			[]string{outbox, "position 0", "object.attachment.name is a number, want a string"}},
		{"url an array of arrays", `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "url": [["x"]]}}]}`,
			[]string{outbox, "position 0", "is an array, want a string"}},
		{"bad date", `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "a", "published": "8 Jan 2024"}}]}`,
			[]string{outbox, "position 0", `published "8 Jan 2024" is not a date`}},
		{"year 10000", `{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "a", "published": "9999-12-31T23:59:59-23:00"}}]}`,
			[]string{outbox, "position 0", "is not a date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := xmReadErr(t, mastodonReader{}, fstest.MapFS{outbox: {Data: []byte(tt.data)}})
			t.Log(err)
			xmErrSays(t, err, tt.want...)
		})
	}
}

func TestMastodonBrokenBeforeAnyItem(t *testing.T) {
	// The whole file is checked before the first post is yielded.
	fsys := fstest.MapFS{"outbox.json": {Data: []byte(`{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "a"}}, {`)}}
	n := 0
	err := (mastodonReader{}).Read(context.Background(), fsys, func(Item) error { n++; return nil })
	if err == nil || n != 0 {
		t.Errorf("Read = %v after %d items, want an error before any", err, n)
	}
}

func TestMastodonStops(t *testing.T) {
	fsys := os.DirFS("testdata/mastodon")
	stop := errors.New("stop")
	n := 0
	err := (mastodonReader{}).Read(context.Background(), fsys, func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items, want the yield error as it is after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = (mastodonReader{}).Read(ctx, fsys, func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled) = %v", err)
	}
	err = (mastodonReader{}).Read(context.Background(), fstest.MapFS{}, func(Item) error { return nil })
	xmErrSays(t, err, "mastodon: no outbox.json")
}

func FuzzMastodonRead(f *testing.F) {
	data, err := os.ReadFile("testdata/mastodon/outbox.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{``, `{}`, `{"orderedItems": []}`, `{"orderedItems": [1]}`, `[`,
		`{"orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "<p>\xff&#0;</p>", "url": [{"href": 1}]}}]}`,
		`{"orderedItems": [{"type": "Create", "object": {"type": "Note", "attachment": {"url": "/../x"}}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"outbox.json": {Data: data}, "actor.json": {Data: data}}
		err := (mastodonReader{}).Read(context.Background(), fsys, func(it Item) error {
			if it.Platform != "mastodon" || (it.Kind != "post" && it.Kind != "comment") || it.Source.File != "outbox.json" {
				t.Fatalf("item %+v", it)
			}
			if !utf8.ValidString(it.Text) || !utf8.ValidString(it.URL) {
				t.Fatalf("invalid UTF-8 in %+v", it)
			}
			for _, m := range it.Media {
				if !fs.ValidPath(m) {
					t.Fatalf("media path %q", m)
				}
			}
			if _, err := it.Date.MarshalJSON(); err != nil {
				t.Fatalf("date %v: %v", it.Date, err)
			}
			return nil
		})
		if err != nil && !strings.HasPrefix(err.Error(), "mastodon: ") {
			t.Fatalf("error without the reader's name: %v", err)
		}
	})
}
