package archive

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"time"
)

// mastodonReader reads a Mastodon account archive: outbox.json, an
// ActivityStreams OrderedCollection of the account's activities, with the
// media under media_attachments/. Posts (Create activities of a Note) are
// read; boosts (Announce) are someone else's posts and are skipped, as are
// likes and bookmarks. actor.json, when there, gives the account's followers
// collection, to tell followers-only posts.
type mastodonReader struct{}

func init() { Register(mastodonReader{}) }

func (mastodonReader) Name() string { return "mastodon" }

// asPublic are the ways ActivityStreams writes the public collection.
var asPublic = map[string]bool{
	"https://www.w3.org/ns/activitystreams#Public": true,
	"as:Public": true,
	"Public":    true,
}

// mastoRoot finds the folder holding outbox.json: the export's root, or
// one folder down (an archive unpacked into a folder and zipped again).
func mastoRoot(fsys fs.FS) (string, bool) {
	if Exists(fsys, "outbox.json") {
		return "", true
	}
	if m := Glob(fsys, "*/outbox.json"); len(m) > 0 {
		return path.Dir(m[0]) + "/", true
	}
	return "", false
}

// Detect reports whether fsys holds outbox.json (with actor.json in a
// Mastodon archive, though it is not required).
func (mastodonReader) Detect(fsys fs.FS) bool {
	_, ok := mastoRoot(fsys)
	return ok
}

// mastoActivity is the part of an outbox activity that is read.
type mastoActivity struct {
	Type      asStrings       `json:"type"`
	Published string          `json:"published"`
	To        asStrings       `json:"to"`
	Cc        asStrings       `json:"cc"`
	Object    json.RawMessage `json:"object"`
}

// mastoNote is the part of a Create activity's object that is read.
type mastoNote struct {
	ID         asLink                  `json:"id"`
	Type       asStrings               `json:"type"`
	Summary    string                  `json:"summary"`
	Content    string                  `json:"content"`
	ContentMap map[string]string       `json:"contentMap"`
	InReplyTo  asLink                  `json:"inReplyTo"`
	Published  string                  `json:"published"`
	URL        asLink                  `json:"url"`
	To         asStrings               `json:"to"`
	Cc         asStrings               `json:"cc"`
	Attachment asList[mastoAttachment] `json:"attachment"`
	OneOf      asList[mastoOption]     `json:"oneOf"`
	AnyOf      asList[mastoOption]     `json:"anyOf"`
}

type mastoAttachment struct {
	Type      string `json:"type"`
	MediaType string `json:"mediaType"`
	URL       asLink `json:"url"`
	Name      string `json:"name"`
}

// mastoOption is a poll's option (a Question's oneOf or anyOf).
type mastoOption struct {
	Name string `json:"name"`
}

// mastoPostTypes are the object types read as posts: Note (a toot),
// Question (a poll) and, from other servers, Article and Page.
var mastoPostTypes = map[string]bool{"Note": true, "Question": true, "Article": true, "Page": true}

// Read yields the posts of outbox.json in order.
//
// A Create of a Note gives a "post", or a "comment" when it replies
// (inReplyTo). Its text is the content as plain text, after the content
// warning as "CW: …" on a line of its own, followed by each attachment's
// alt text as "[image: …]" (or video, audio) and each poll option as
// "[poll option: …]", one a line, so that all the words are checked. Date
// is published, URL the object's url (else its id), Media the attachments'
// paths in the archive. Visibility follows Mastodon: public when the public
// collection is in to, unlisted when in cc, followers when only the
// followers collection is addressed, direct when only people are.
//
// outbox.json has been seen with "orderedItems":[],"orderedItems":[…]: as
// encoding/json does, the last orderedItems is read.
func (mastodonReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	root, ok := mastoRoot(fsys)
	if !ok {
		return fmt.Errorf("mastodon: no outbox.json in this export")
	}
	file := root + "outbox.json"
	data, err := ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("mastodon: %w", err)
	}
	d := &jsDoc{platform: "mastodon", file: file, data: data}
	start, err := mastoItems(ctx, d)
	if err != nil {
		return err
	}
	followers := mastoFollowers(fsys, root)

	dec := json.NewDecoder(bytes.NewReader(data[start:]))
	d.base = start
	if _, err := dec.Token(); err != nil { // the '[' mastoItems found
		return d.decodeErr(-1, start, start, err)
	}
	for pos := 0; dec.More(); pos++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		off := start + dec.InputOffset()
		elem := jsSkipSpace(data, off)
		var a mastoActivity
		if err := dec.Decode(&a); err != nil {
			return d.decodeErr(pos, elem, off, err)
		}
		if !a.Type.has("Create") {
			continue // Announce (a boost), Delete, Update…
		}
		obj := bytes.TrimSpace(a.Object)
		if len(obj) == 0 || obj[0] != '{' {
			continue // only a link to the object: nothing to read
		}
		var n mastoNote
		if err := json.Unmarshal(obj, &n); err != nil {
			return d.objectErr(pos, elem, err)
		}
		if !n.Type.hasAny(mastoPostTypes) {
			continue
		}
		it := Item{Platform: "mastodon", Kind: "post", Source: Source{File: file, Position: pos}}
		if n.InReplyTo != "" {
			it.Kind = "comment"
		}
		published := n.Published
		if published == "" {
			published = a.Published
		}
		if published != "" {
			date, err := jsDate(time.RFC3339, published)
			if err != nil {
				return d.errorf(pos, elem, nil, "published %q is not a date like \"2022-11-08T03:07:14Z\"", published)
			}
			it.Date = date
		}
		it.URL = string(n.URL)
		if it.URL == "" {
			it.URL = string(n.ID)
		}
		to, cc := n.To, n.Cc
		if len(to)+len(cc) == 0 {
			to, cc = a.To, a.Cc
		}
		it.Visibility = mastoVisibility(to, cc, followers)
		it.Text, it.Media = mastoText(fsys, root, &n)
		if it.Text == "" && len(it.Media) == 0 {
			continue
		}
		if err := yield(it); err != nil {
			return err
		}
	}
	return nil
}

// mastoItems checks that outbox.json is a JSON object whose orderedItems
// are an array, and returns the offset of the last orderedItems' '['. It
// reads the whole file, so a truncated or broken file is an error before
// any post is yielded.
func mastoItems(ctx context.Context, d *jsDoc) (int64, error) {
	dec := json.NewDecoder(bytes.NewReader(d.data))
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return 0, d.errorf(-1, 0, nil, "the file is empty")
		}
		return 0, d.decodeErr(-1, 0, 0, err)
	}
	if tok != json.Delim('{') {
		return 0, d.errorf(-1, 0, nil, "the file is %s, want an object (an ActivityStreams OrderedCollection)", jsTokenKind(tok))
	}
	found := int64(-1)
	for dec.More() {
		off := dec.InputOffset()
		kt, err := dec.Token()
		if err != nil {
			return 0, d.decodeErr(-1, jsSkipSpace(d.data, off), off, err)
		}
		if key, _ := kt.(string); key != "orderedItems" {
			var skip json.RawMessage
			off := dec.InputOffset()
			if err := dec.Decode(&skip); err != nil {
				return 0, d.decodeErr(-1, off, off, err)
			}
			continue
		}
		off = dec.InputOffset()
		t, err := dec.Token()
		if err != nil {
			return 0, d.decodeErr(-1, off, off, err)
		}
		if t != json.Delim('[') {
			return 0, d.errorf(-1, jsSkipSpace(d.data, off+1), nil, "orderedItems is %s, want an array", jsTokenKind(t))
		}
		found = dec.InputOffset() - 1
		for pos := 0; dec.More(); pos++ {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
			off := dec.InputOffset()
			elem := jsSkipSpace(d.data, off)
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return 0, d.decodeErr(pos, elem, off, err)
			}
			if skip[0] != '{' {
				return 0, d.errorf(pos, elem, nil, "the element is %s, want an object (an activity)", jsKind(jsRawKind(skip)))
			}
		}
		off = dec.InputOffset()
		if _, err := dec.Token(); err != nil { // the closing ]
			return 0, d.decodeErr(-1, off, off, err)
		}
	}
	off := dec.InputOffset()
	if _, err := dec.Token(); err != nil { // the closing }
		return 0, d.decodeErr(-1, off, off, err)
	}
	off = dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		return 0, d.errorf(-1, jsSkipSpace(d.data, off), nil, "unexpected data after the end of the JSON")
	}
	if found < 0 {
		return 0, d.errorf(-1, 0, nil, "no orderedItems: not a Mastodon outbox")
	}
	return found, nil
}

// objectErr explains an error unmarshalling the object of element pos.
func (d *jsDoc) objectErr(pos int, elem int64, err error) error {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		what := "object"
		if te.Field != "" {
			what = "object." + te.Field
		}
		return d.errorf(pos, elem, nil, "%s is %s, want %s", what, jsKind(te.Value), jsGoKind(te.Type))
	}
	return d.errorf(pos, elem, err, "cannot read the object")
}

// mastoFollowers returns the account's followers collection from
// actor.json, or "" when it cannot be read (then any collection ending in
// /followers counts).
func mastoFollowers(fsys fs.FS, root string) string {
	data, err := ReadFile(fsys, root+"actor.json")
	if err != nil {
		return ""
	}
	var actor struct {
		Followers asLink `json:"followers"`
	}
	if json.Unmarshal(data, &actor) != nil {
		return ""
	}
	return string(actor.Followers)
}

// mastoVisibility tells public, unlisted, followers or direct from a
// post's addressing; "" when it is addressed to no one.
func mastoVisibility(to, cc asStrings, followers string) string {
	isFollowers := func(u string) bool {
		return (followers != "" && u == followers) || strings.HasSuffix(u, "/followers")
	}
	for _, u := range to {
		if asPublic[string(u)] {
			return "public"
		}
	}
	for _, u := range cc {
		if asPublic[string(u)] {
			return "unlisted"
		}
	}
	if len(to)+len(cc) == 0 {
		return ""
	}
	for _, l := range []asStrings{to, cc} {
		for _, u := range l {
			if isFollowers(string(u)) {
				return "followers"
			}
		}
	}
	return "direct"
}

// mastoText builds a post's text (CW, content, poll options, alt texts) and
// lists its attachments' paths.
func mastoText(fsys fs.FS, root string, n *mastoNote) (string, []string) {
	var lines []string
	if cw := strings.TrimSpace(n.Summary); cw != "" {
		lines = append(lines, "CW: "+cw)
	}
	content := n.Content
	if content == "" && len(n.ContentMap) > 0 {
		langs := make([]string, 0, len(n.ContentMap))
		for l := range n.ContentMap {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		content = n.ContentMap[langs[0]]
	}
	if body := HTMLText(content); body != "" {
		lines = append(lines, body)
	}
	for _, o := range append(append([]mastoOption(nil), n.OneOf...), n.AnyOf...) {
		if name := strings.TrimSpace(o.Name); name != "" {
			lines = append(lines, "[poll option: "+name+"]")
		}
	}
	var media []string
	for _, a := range n.Attachment {
		if p := mastoMediaPath(fsys, root, string(a.URL)); p != "" {
			media = append(media, p)
		}
		if alt := strings.TrimSpace(a.Name); alt != "" {
			lines = append(lines, "["+mastoMediaKind(a)+": "+alt+"]")
		}
	}
	return strings.Join(lines, "\n"), media
}

// mastoMediaKind names an attachment for its alt text: image, video, audio
// or attachment.
func mastoMediaKind(a mastoAttachment) string {
	mt := strings.ToLower(a.MediaType)
	switch {
	case strings.HasPrefix(mt, "image/") || a.Type == "Image":
		return "image"
	case strings.HasPrefix(mt, "video/") || a.Type == "Video":
		return "video"
	case strings.HasPrefix(mt, "audio/") || a.Type == "Audio":
		return "audio"
	case mt == "":
		return "image"
	}
	return "attachment"
}

// mastoMediaPath turns an attachment's url into its path in the archive.
// Mastodon writes "/<instance>/media_attachments/files/…/original/<hash>.jpg"
// while the archive holds "media_attachments/files/…": the url's path, or
// its part from media_attachments/, whichever exists, is taken; when
// neither does, the media_attachments/ part (a file missing from the
// archive); else "" (a link elsewhere, not a file of the archive).
func mastoMediaPath(fsys fs.FS, root, u string) string {
	p := u
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
		if j := strings.IndexByte(p, '/'); j >= 0 {
			p = p[j:]
		} else {
			p = ""
		}
	}
	if k := strings.IndexAny(p, "?#"); k >= 0 {
		p = p[:k]
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" {
		return ""
	}
	var cands []string
	if fs.ValidPath(root + p) {
		cands = append(cands, root+p)
	}
	media := ""
	if i := strings.Index(p, "media_attachments/"); i >= 0 && (i == 0 || p[i-1] == '/') && fs.ValidPath(root+p[i:]) {
		media = root + p[i:]
		cands = append(cands, media)
	}
	for _, c := range cands {
		if Exists(fsys, c) {
			return c
		}
	}
	return media
}

// asLink is an ActivityStreams reference: a URL string, or an object with
// an id or href (its id first); null is "".
type asLink string

func (l *asLink) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var list []asFlatLink
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		*l = ""
		for _, x := range list {
			if x != "" {
				*l = asLink(x)
				break
			}
		}
		return nil
	}
	var x asFlatLink
	if err := x.UnmarshalJSON(b); err != nil {
		return err
	}
	*l = asLink(x)
	return nil
}

// asFlatLink is an asLink that is not an array (so arrays of arrays are a
// type error, not a recursion).
type asFlatLink string

func (l *asFlatLink) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0, string(b) == "null":
		*l = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = asFlatLink(s)
	case b[0] == '{':
		var o struct {
			ID   string `json:"id"`
			Href string `json:"href"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		*l = asFlatLink(o.ID)
		if o.ID == "" {
			*l = asFlatLink(o.Href)
		}
	default:
		return &json.UnmarshalTypeError{Value: jsRawKind(b), Type: reflect.TypeFor[string]()}
	}
	return nil
}

// asList is an ActivityStreams property that may be one value or an array.
type asList[T any] []T

func (l *asList[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0, string(b) == "null":
		*l = nil
	case b[0] == '[':
		var s []T
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = s
	default:
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*l = asList[T]{v}
	}
	return nil
}

// asStrings is a list of references (to, cc, type): one or an array.
type asStrings []asFlatLink

func (s *asStrings) UnmarshalJSON(b []byte) error {
	var l asList[asFlatLink]
	if err := l.UnmarshalJSON(b); err != nil {
		return err
	}
	*s = asStrings(l)
	return nil
}

// has reports whether v is in s.
func (s asStrings) has(v string) bool {
	for _, x := range s {
		if string(x) == v {
			return true
		}
	}
	return false
}

// hasAny reports whether any of s is in set.
func (s asStrings) hasAny(set map[string]bool) bool {
	for _, x := range s {
		if set[string(x)] {
			return true
		}
	}
	return false
}
