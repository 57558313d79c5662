package archive

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// redditReader reads a Reddit GDPR data export (a flat zip of CSV files):
// the posts in posts.csv and the comments in comments.csv. Columns are
// found by their header names (some exports add gildings_silver and
// others). The ip column is never read into an item or an error.
type redditReader struct{}

func init() { Register(redditReader{}) }

// Name is "reddit".
func (redditReader) Name() string { return "reddit" }

// rdRoots are the folders the CSV files sit in: the export's root, or one
// folder down (an export unpacked into a folder and zipped again).
var rdRoots = []string{"", "*/"}

// rdFiles lists posts.csv and comments.csv, checking their header.
func rdFiles(fsys fs.FS) (posts, comments []string) {
	for _, f := range Glob(fsys, metaGlobs(rdRoots, "posts.csv")...) {
		if csvSniffHeader(csvSniff(fsys, f), "permalink", "subreddit") {
			posts = append(posts, f)
		}
	}
	for _, f := range Glob(fsys, metaGlobs(rdRoots, "comments.csv")...) {
		if csvSniffHeader(csvSniff(fsys, f), "permalink", "subreddit") {
			comments = append(comments, f)
		}
	}
	return posts, comments
}

// Detect reports whether fsys holds a Reddit posts.csv or comments.csv.
func (redditReader) Detect(fsys fs.FS) bool {
	posts, comments := rdFiles(fsys)
	return len(posts)+len(comments) > 0
}

// ReadSize is how many bytes Read reads from fsys (every file twice: once
// to tell how it escapes quotes, once to parse it), for progress.
func (redditReader) ReadSize(fsys fs.FS) int64 {
	posts, comments := rdFiles(fsys)
	return filesSize(fsys, append(posts, comments...), 2)
}

// Read yields the posts, then the comments.
//
// A post gives a "post" whose Text is its title, then a blank line and its
// body: the title is part of the item's text, not an item of its own, so
// that the words of both are judged together (a title often names what the
// body only hints at). A link post's url goes to Media when it is an image
// or a video, else on a line of its own after the body. A comment gives a
// "comment" with its body, and its media column as Media. Date is the
// date column (UTC), URL the permalink (made absolute). Bodies "[deleted]"
// and "[removed]" count as empty; items with nothing left are skipped but
// counted in Source.Position (the row's index after the header, from 0).
// The subreddit and the ip columns are not kept.
func (redditReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	posts, comments := rdFiles(fsys)
	if len(posts)+len(comments) == 0 {
		return fmt.Errorf("reddit: no posts.csv or comments.csv with Reddit's columns in this export")
	}
	files := append(append([]string(nil), posts...), comments...)
	isPost := map[string]bool{}
	for _, f := range posts {
		isPost[f] = true
	}
	return eachFile(ctx, fsys, files, yield, func(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
		return rdReadFile(ctx, fsys, file, isPost[file], yield)
	})
}

func rdReadFile(ctx context.Context, fsys fs.FS, file string, post bool, yield func(Item) error) error {
	what := "a Reddit comments.csv"
	if post {
		what = "a Reddit posts.csv"
	}
	c, err := openCSV(fsys, "reddit", file, what, func(cols map[string]int) bool {
		_, a := cols["permalink"]
		_, b := cols["body"]
		return a && b
	})
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		pos, get, ok, err := c.next()
		if err != nil || !ok {
			return firstErr(err, c.problems.err())
		}
		it := Item{Platform: "reddit", Kind: "comment", Date: csvDate(get("date")), URL: rdPermalink(get("permalink")),
			Source: Source{File: file, Position: pos}}
		body := rdBody(get("body"))
		if post {
			it.Kind = "post"
			it.Text = metaJoin(strings.TrimSpace(get("title")), body)
			if link := strings.TrimSpace(get("url")); link != "" && rdPermalink(link) != it.URL {
				if rdIsMedia(link) {
					it.Media = []string{link}
				} else if !strings.Contains(it.Text, link) {
					it.Text = metaJoin(it.Text, link)
				}
			}
		} else {
			it.Text = body
			if m := strings.Fields(get("media")); len(m) > 0 {
				it.Media = m
			}
		}
		if it.Text == "" && len(it.Media) == 0 {
			continue
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

// rdBody trims a body and empties Reddit's placeholders.
func rdBody(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "[deleted]" || s == "[removed]" {
		return ""
	}
	return s
}

// rdPermalink makes a permalink absolute ("/r/x/comments/…" →
// "https://www.reddit.com/r/x/comments/…").
func rdPermalink(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return "https://www.reddit.com" + s
	}
	return s
}

// rdMediaHosts serve only images and videos.
var rdMediaHosts = map[string]bool{"i.redd.it": true, "v.redd.it": true, "preview.redd.it": true, "i.imgur.com": true}

// rdMediaExt are the extensions of image and video links.
var rdMediaExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".gifv": true, ".webp": true, ".mp4": true, ".mov": true, ".webm": true}

// rdIsMedia reports whether a link post's url is an image or a video.
func rdIsMedia(link string) bool {
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	return rdMediaHosts[strings.ToLower(u.Hostname())] || rdMediaExt[strings.ToLower(path.Ext(u.Path))]
}
