package archive

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// xReader reads an X (Twitter) archive as downloaded since 2019: the posts
// in data/tweets.js (data/tweet.js before 2022; tweets-part1.js… in large
// archives), the long posts in data/note-tweet.js, and the photos and videos
// in data/tweets_media. The .js files are JavaScript assignments
// (window.YTD.tweets.part0 = [ … ]): the reader parses the array after the
// '=' as JSON and never runs anything. The archive does not say who could
// see a post (a protected account's posts were followers-only), so
// Visibility stays empty. Deleted tweets, likes and direct messages are not
// read.
type xReader struct{}

func init() { Register(xReader{}) }

func (xReader) Name() string { return "x" }

// xLayout finds the archive's data folder ("data/", the export's root, or
// one folder down, for an archive unpacked into a folder of its own and
// zipped again) and the tweets and note-tweet files in it, in reading order.
func xLayout(fsys fs.FS) (root string, tweets, notes []string) {
	roots := []string{"data/", ""}
	for _, m := range xFiles(fsys, "*/data/tweets.js", "*/data/tweet.js", "*/data/tweets-part[0-9]*.js", "*/data/tweet-part[0-9]*.js") {
		roots = append(roots, path.Dir(m)+"/")
	}
	for _, r := range roots {
		tweets = xFiles(fsys, r+"tweets.js", r+"tweets-part[0-9]*.js", r+"tweet.js", r+"tweet-part[0-9]*.js")
		if len(tweets) > 0 {
			notes = xFiles(fsys, r+"note-tweet.js", r+"note-tweet-part[0-9]*.js")
			xSortParts(tweets)
			xSortParts(notes)
			return r, tweets, notes
		}
	}
	return "", nil, nil
}

// xFiles are the files (not folders) matching the patterns.
func xFiles(fsys fs.FS, patterns ...string) []string {
	var out []string
	for _, f := range Glob(fsys, patterns...) {
		if Exists(fsys, f) {
			out = append(out, f)
		}
	}
	return out
}

// xSortParts orders files as X numbers them: tweets.js, tweets-part1.js,
// tweets-part2.js … tweets-part10.js, then tweet.js and its parts.
func xSortParts(files []string) {
	key := func(f string) (string, int) {
		base := strings.TrimSuffix(path.Base(f), ".js")
		stem, part, ok := strings.Cut(base, "-part")
		if !ok {
			return base, 0
		}
		n, err := strconv.Atoi(part)
		if err != nil {
			n = 1 << 30
		}
		return stem, n
	}
	rank := func(stem string) int {
		switch stem {
		case "tweets":
			return 0
		case "tweet":
			return 1
		}
		return 2
	}
	sort.SliceStable(files, func(i, j int) bool {
		si, ni := key(files[i])
		sj, nj := key(files[j])
		if rank(si) != rank(sj) {
			return rank(si) < rank(sj)
		}
		if si != sj {
			return si < sj
		}
		return ni < nj
	})
}

// Detect reports whether fsys holds data/tweets.js or data/tweet.js (or
// the same without data/).
func (xReader) Detect(fsys fs.FS) bool {
	_, tweets, _ := xLayout(fsys)
	return len(tweets) > 0
}

// xTweet is the part of a tweet object that is read. Ids are strings in
// the archive; xID also takes numbers.
type xTweet struct {
	IDStr        xID     `json:"id_str"`
	ID           xID     `json:"id"`
	FullText     *string `json:"full_text"`
	Text         *string `json:"text"`
	CreatedAt    string  `json:"created_at"`
	ReplyToIDStr xID     `json:"in_reply_to_status_id_str"`
	ReplyToID    xID     `json:"in_reply_to_status_id"`
}

// xTweetElem is one element of tweets.js: {"tweet": {...}}, or, in older
// archives, the tweet object itself.
type xTweetElem struct {
	Tweet *xTweet `json:"tweet"`
	xTweet
}

// xNoteElem is one element of note-tweet.js.
type xNoteElem struct {
	NoteTweet *struct {
		NoteTweetID xID    `json:"noteTweetId"`
		CreatedAt   string `json:"createdAt"`
		Core        struct {
			Text string `json:"text"`
		} `json:"core"`
	} `json:"noteTweet"`
}

// Read yields the tweets, file by file in order, then the note tweets that
// no tweet stands for.
//
// A tweet gives a "post", or a "comment" when it replies to another
// (in_reply_to_status_id_str), with full_text unescaped (X stores &amp;,
// &lt; and &gt;), created_at, the link https://x.com/i/web/status/<id> and
// the media files of tweets_media named "<id>-…". A note tweet holds the
// whole text of a post over 280 characters, whose tweet in tweets.js is cut
// off: when a tweet posted in the same seconds starts the note's text, the
// tweet's item takes the whole text (one item, with the tweet's link and
// media); a note no tweet stands for gives a "post" of its own with
// core.text and createdAt, without link or media.
func (xReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	root, tweets, noteFiles := xLayout(fsys)
	if len(tweets) == 0 {
		return fmt.Errorf("x: no data/tweets.js or data/tweet.js in this export")
	}
	notes, err := xReadNotes(ctx, fsys, noteFiles)
	if err != nil {
		return err
	}
	media := xMedia(fsys, root+"tweets_media")
	err = eachFile(ctx, fsys, tweets, yield, func(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
		return xEach(ctx, fsys, file, func(d *jsDoc, pos int, start int64, e *xTweetElem) error {
			t := &e.xTweet
			if e.Tweet != nil {
				t = e.Tweet
			}
			id := string(t.IDStr)
			if id == "" {
				id = string(t.ID)
			}
			var text string
			switch {
			case t.FullText != nil:
				text = *t.FullText
			case t.Text != nil:
				text = *t.Text
			}
			text = html.UnescapeString(text)
			it := Item{Platform: "x", Kind: "post", Text: text, Source: Source{File: file, Position: pos}}
			if t.ReplyToIDStr != "" || t.ReplyToID != "" {
				it.Kind = "comment"
			}
			if t.CreatedAt != "" {
				date, err := jsDate(time.RubyDate, t.CreatedAt)
				if err != nil {
					return d.errorf(pos, start, nil, "created_at %q is not a date like \"Wed Oct 10 20:19:24 +0000 2018\"", t.CreatedAt)
				}
				it.Date = date
				if n := notes.whole(date, text); n != nil {
					it.Text = n.item.Text
					n.used = true
				}
			}
			if xDigits(id) {
				it.URL = "https://x.com/i/web/status/" + id
				it.Media = media[id]
			}
			if strings.TrimSpace(it.Text) == "" && len(it.Media) == 0 {
				return nil
			}
			return yield(it)
		})
	})
	if err != nil {
		return err
	}
	for _, n := range notes.list {
		if !n.used {
			if err := yield(n.item); err != nil {
				return err
			}
		}
	}
	return nil
}

// xNote is a note tweet read ahead of the tweets.
type xNote struct {
	item Item
	used bool // a tweet took its text
}

// xNotes are the note tweets of an archive, by the second they were posted.
type xNotes struct {
	list     []*xNote
	bySecond map[int64][]*xNote
}

// xReadNotes reads the note tweets (long posts: few, and each at most 25,000
// characters) before the tweets, so each tweet cut short can take its whole
// text.
func xReadNotes(ctx context.Context, fsys fs.FS, files []string) (*xNotes, error) {
	notes := &xNotes{bySecond: map[int64][]*xNote{}}
	err := eachFile(ctx, fsys, files, nil, func(ctx context.Context, fsys fs.FS, file string, _ func(Item) error) error {
		return xEach(ctx, fsys, file, func(d *jsDoc, pos int, start int64, e *xNoteElem) error {
			n := e.NoteTweet
			if n == nil || strings.TrimSpace(n.Core.Text) == "" {
				return nil
			}
			it := Item{Platform: "x", Kind: "post", Text: n.Core.Text, Source: Source{File: file, Position: pos}}
			if n.CreatedAt != "" {
				date, err := jsDate(time.RFC3339, n.CreatedAt)
				if err != nil {
					return d.errorf(pos, start, nil, "noteTweet.createdAt %q is not a date like \"2023-10-13T14:58:50.000Z\"", n.CreatedAt)
				}
				it.Date = date
			}
			note := &xNote{item: it}
			notes.list = append(notes.list, note)
			if !it.Date.IsZero() {
				sec := it.Date.Unix()
				notes.bySecond[sec] = append(notes.bySecond[sec], note)
			}
			return nil
		})
	})
	return notes, err
}

// whole returns the unused note posted within two seconds of date whose
// text the tweet's text starts, or nil.
func (ns *xNotes) whole(date time.Time, tweet string) *xNote {
	if len(ns.list) == 0 {
		return nil
	}
	head := xCutShort(tweet)
	if len(head) < 20 {
		return nil // too short to tell one post from another
	}
	for sec := date.Unix() - 2; sec <= date.Unix()+2; sec++ {
		for _, n := range ns.bySecond[sec] {
			if !n.used && strings.HasPrefix(strings.Join(strings.Fields(n.item.Text), " "), head) {
				return n
			}
		}
	}
	return nil
}

// xCutShort is the text of a tweet cut short, as it begins its note: the
// trailing t.co link and ellipsis dropped, spaces folded.
func xCutShort(s string) string {
	f := strings.Fields(s)
	for len(f) > 0 {
		last := f[len(f)-1]
		switch {
		case strings.HasPrefix(last, "https://t.co/"), strings.HasPrefix(last, "http://t.co/"), last == "…", last == "...":
			f = f[:len(f)-1]
			continue
		}
		f[len(f)-1] = strings.TrimRight(strings.TrimSuffix(last, "…"), ".")
		if f[len(f)-1] == "" {
			f = f[:len(f)-1]
		}
		break
	}
	return strings.Join(f, " ")
}

// xMedia lists the tweets_media folder once and returns its files by the
// tweet id their names start with ("<id>-<media key>.jpg"), sorted.
func xMedia(fsys fs.FS, dir string) map[string][]string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	out := map[string][]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		id, _, ok := strings.Cut(e.Name(), "-")
		if !ok || !xDigits(id) {
			continue
		}
		out[id] = append(out[id], dir+"/"+e.Name())
	}
	return out
}

func xDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// xID is an id: a JSON string, or a number as X's API gives it; null is "".
type xID string

func (x *xID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*x = xID(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*x = xID(b)
	case string(b) == "null":
		*x = ""
	default:
		return &json.UnmarshalTypeError{Value: jsRawKind(b), Type: reflect.TypeFor[string]()}
	}
	return nil
}

// xEach reads one window.YTD file and calls fn with each element of its
// array, its position from 0 and the byte offset where it starts.
func xEach[T any](ctx context.Context, fsys fs.FS, file string, fn func(d *jsDoc, pos int, start int64, v *T) error) error {
	data, err := ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("x: %w", err)
	}
	d := &jsDoc{platform: "x", file: file, data: data}
	start, err := xPayload(d)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data[start:]))
	base := int64(start)
	d.base = base
	if _, err := dec.Token(); err != nil { // the '[' xPayload found
		return d.decodeErr(-1, base, base, err)
	}
	pos := 0
	for dec.More() {
		if err := ctx.Err(); err != nil {
			return err
		}
		off := base + dec.InputOffset()
		elem := jsSkipSpace(data, off)
		var v T
		if err := dec.Decode(&v); err != nil {
			return d.decodeErr(pos, elem, off, err)
		}
		if err := fn(d, pos, elem, &v); err != nil {
			return err
		}
		pos++
	}
	off := base + dec.InputOffset()
	if _, err := dec.Token(); err != nil { // the closing ]
		return d.decodeErr(pos, off, off, err)
	}
	// After the array: nothing but an optional ';'.
	rest := base + dec.InputOffset()
	rest += int64(len(data[rest:]) - len(bytes.TrimLeft(data[rest:], " \t\r\n")))
	if rest < int64(len(data)) && data[rest] == ';' {
		rest++
		rest += int64(len(data[rest:]) - len(bytes.TrimLeft(data[rest:], " \t\r\n")))
	}
	if rest < int64(len(data)) {
		return d.errorf(-1, rest, nil, "unexpected data after the array (the file is never run as JavaScript)")
	}
	return nil
}

// xPayload checks the "window.YTD.<name>.part<N> = " prefix and returns the
// offset of the '[' that follows it.
func xPayload(d *jsDoc) (int, error) {
	data := d.data
	skip := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		skip = 3
	}
	eq := bytes.IndexByte(data[skip:], '=')
	if eq < 0 {
		if len(bytes.TrimSpace(data[skip:])) == 0 {
			return 0, d.errorf(-1, 0, nil, "the file is empty")
		}
		return 0, d.errorf(-1, int64(skip), nil, "no \"window.YTD.<name>.partN = \" before the data: not a file of an X archive")
	}
	eq += skip
	lhs := strings.TrimSpace(string(data[skip:eq]))
	if !xAssignee(lhs) {
		shown := lhs
		if len(shown) > 40 {
			shown = shown[:40] + "…"
		}
		return 0, d.errorf(-1, int64(skip), nil, "the file starts with %q, want \"window.YTD.<name>.partN = [\"", shown)
	}
	start := int(jsSkipSpace(data, int64(eq+1)))
	if start >= len(data) {
		return 0, d.errorf(-1, int64(start), nil, "the file ends after the '=' (truncated?)")
	}
	if data[start] != '[' {
		return 0, d.errorf(-1, int64(start), nil, "after the '=' comes %s, want the '[' of a JSON array (the file is never run as JavaScript)", jsShowByte(data[start:]))
	}
	return start, nil
}

// xAssignee reports whether s is window.YTD.<name>.part<N>.
func xAssignee(s string) bool {
	rest, ok := strings.CutPrefix(s, "window.YTD.")
	if !ok {
		return false
	}
	name, part, ok := strings.Cut(rest, ".part")
	if !ok || name == "" || !xDigits(part) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !isASCIILetter(c) && (c < '0' || c > '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// jsDoc is one JSON (or window.YTD) file being read; it words errors with
// the file, the element's position and the line and column. The X and
// Mastodon readers share it.
type jsDoc struct {
	platform string
	file     string
	data     []byte
	base     int64 // where in data the json.Decoder started
}

// errorf formats an error about the file at byte offset off; pos < 0 when
// it is not about one element.
func (d *jsDoc) errorf(pos int, off int64, err error, format string, args ...any) error {
	line, col := jsLineCol(d.data, off)
	where := fmt.Sprintf("line %d, column %d", line, col)
	if pos >= 0 {
		where = fmt.Sprintf("position %d, %s", pos, where)
	}
	msg := fmt.Sprintf(format, args...)
	if err != nil {
		return fmt.Errorf("%s: %s (%s): %s: %w", d.platform, d.file, where, msg, err)
	}
	return fmt.Errorf("%s: %s (%s): %s", d.platform, d.file, where, msg)
}

// decodeErr explains an error of the json.Decoder that reads data from
// d.base, for element pos (-1 for none), which starts at byte elem; dec is
// the decoder's offset in data before the value (type errors count from
// there).
func (d *jsDoc) decodeErr(pos int, elem, dec int64, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return d.errorf(pos, int64(len(d.data)), nil, "the file ends in the middle of the JSON (truncated?)")
	case errors.As(err, &se):
		return d.errorf(pos, d.base+se.Offset, err, "not valid JSON")
	case errors.As(err, &te):
		what := te.Field
		if what == "" {
			what = "the element"
		}
		return d.errorf(pos, dec+te.Offset, nil, "%s is %s, want %s", what, jsKind(te.Value), jsGoKind(te.Type))
	default:
		return d.errorf(pos, elem, err, "cannot read the element")
	}
}

// jsDate parses a date in UTC, refusing years outside 1 to 9999 (which an
// offset can reach from 9999-12-31, and which JSON cannot hold).
func jsDate(layout, s string) (time.Time, error) {
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, err
	}
	t = t.UTC()
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("year %d out of range", y)
	}
	return t, nil
}

// jsLineCol gives the 1-based line and column (in bytes) of offset off.
func jsLineCol(data []byte, off int64) (int, int) {
	off = max(0, min(off, int64(len(data))))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// jsSkipSpace returns the offset of the first byte at or after off that is
// not JSON white space or a comma.
func jsSkipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\n', '\r', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// jsShowByte shows the character at the start of b for an error.
func jsShowByte(b []byte) string {
	if len(b) == 0 {
		return "the end of the file"
	}
	s := string(b[:min(len(b), 12)])
	return strconv.Quote(s)
}

// jsRawKind names the JSON value kind of raw JSON b as UnmarshalTypeError does.
func jsRawKind(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}
