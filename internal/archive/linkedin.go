package archive

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// linkedinReader reads a LinkedIn data export (Basic or Complete, CSV):
// the posts in Shares.csv (or Shares_<id>.csv) and the comments in
// Comments.csv. Columns are found by their header names, whatever their
// order and case; notes before the header row are skipped.
type linkedinReader struct{}

func init() { Register(linkedinReader{}) }

// Name is "linkedin".
func (linkedinReader) Name() string { return "linkedin" }

// liRoots are the folders the CSV files sit in: the export's root, or the
// Basic_LinkedInDataExport_… folder one level down.
var liRoots = []string{"", "*/"}

// liFiles lists the Shares and Comments files of fsys. Comments files must
// have LinkedIn's header (Reddit's comments.csv must not be taken); Shares
// files too when strict (for detection), else a Shares file without it is
// read and reported.
func liFiles(fsys fs.FS, strict bool) (shares, comments []string) {
	for _, f := range Glob(fsys, metaGlobs(liRoots, "[Ss]hares.csv", "[Ss]hares_*.csv", "SHARES.csv")...) {
		if head := csvSniff(fsys, f); !strict || csvSniffHeader(head, "sharecommentary") || csvSniffHeader(head, "sharelink") {
			shares = append(shares, f)
		}
	}
	for _, f := range Glob(fsys, metaGlobs(liRoots, "[Cc]omments.csv", "[Cc]omments_*.csv", "COMMENTS.csv")...) {
		if csvSniffHeader(csvSniff(fsys, f), "link", "message") {
			comments = append(comments, f)
		}
	}
	metaSortPaged(shares)
	metaSortPaged(comments)
	return shares, comments
}

// Detect reports whether fsys holds a LinkedIn Shares.csv or Comments.csv.
func (linkedinReader) Detect(fsys fs.FS) bool {
	shares, comments := liFiles(fsys, true)
	return len(shares)+len(comments) > 0
}

// ReadSize is how many bytes Read reads from fsys (every file twice: once
// to tell how it escapes quotes, once to parse it), for progress.
func (linkedinReader) ReadSize(fsys fs.FS) int64 {
	shares, comments := liFiles(fsys, false)
	return filesSize(fsys, append(shares, comments...), 2)
}

// liVisibility names LinkedIn's visibility values as scrubs reports them.
var liVisibility = map[string]string{
	"PUBLIC":           "public",
	"MEMBER_NETWORK":   "connections",
	"CONNECTIONS":      "connections",
	"CONNECTIONS_ONLY": "connections",
	"LOGGED_IN":        "members",
	"CONTAINER":        "group",
}

// Read yields the posts of every Shares file, then the comments.
//
// A share gives a "post": Date from Date (UTC), URL from ShareLink,
// Visibility from Visibility (public, connections, members, group, or the
// value in lower case), Text the ShareCommentary with the shared link
// (SharedUrl) on a line of its own, Media the MediaUrl. A comment gives a
// "comment": Date, URL from Link, Text the Message (which often starts
// with the name of the person answered). Rows with no text, link or media
// are skipped, but counted in Source.Position (the index of the row after
// the header, from 0).
//
// A malformed row, or text that is not UTF-8, is reported in the file's
// error once the rest of the file is read; under WithFileErrors, an error
// in one file does not stop the others.
func (linkedinReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	shares, comments := liFiles(fsys, false)
	if len(shares)+len(comments) == 0 {
		return fmt.Errorf("linkedin: no Shares.csv or Comments.csv in this export")
	}
	files := append(append([]string(nil), shares...), comments...)
	isShare := map[string]bool{}
	for _, f := range shares {
		isShare[f] = true
	}
	return eachFile(ctx, fsys, files, yield, func(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
		if isShare[file] {
			return liReadShares(ctx, fsys, file, yield)
		}
		return liReadComments(ctx, fsys, file, yield)
	})
}

func liReadShares(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	c, err := openCSV(fsys, "linkedin", file, "a LinkedIn Shares.csv", func(cols map[string]int) bool {
		_, a := cols["sharecommentary"]
		_, b := cols["sharelink"]
		return a || b
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
		text := liUnwrapLines(get("sharecommentary"))
		if shared := strings.TrimSpace(get("sharedurl")); shared != "" && !strings.Contains(text, shared) {
			text = metaJoin(text, shared)
		}
		it := Item{Platform: "linkedin", Kind: "post", Date: csvDate(get("date")), URL: strings.TrimSpace(get("sharelink")),
			Visibility: liVis(get("visibility")), Text: text, Source: Source{File: file, Position: pos}}
		for _, m := range strings.Fields(get("mediaurl")) {
			it.Media = append(it.Media, m)
		}
		if it.Text == "" && len(it.Media) == 0 {
			continue
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

func liReadComments(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	c, err := openCSV(fsys, "linkedin", file, "a LinkedIn Comments.csv", func(cols map[string]int) bool {
		_, a := cols["message"]
		_, b := cols["link"]
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
		it := Item{Platform: "linkedin", Kind: "comment", Date: csvDate(get("date")), URL: strings.TrimSpace(get("link")),
			Text: liUnwrapLines(get("message")), Source: Source{File: file, Position: pos}}
		if it.Text == "" {
			continue
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

// firstErr joins the problems noted in a file and the error that stopped it.
func firstErr(stop, noted error) error {
	return errors.Join(noted, stop)
}

// liVis maps a Visibility value; unknown values are kept in lower case.
func liVis(v string) string {
	v = strings.TrimSpace(v)
	if m, ok := liVisibility[strings.ToUpper(v)]; ok {
		return m
	}
	return strings.ToLower(v)
}

// liUnwrapLines undoes a quirk of LinkedIn's export, where the lines of a
// multi-line post are each wrapped in quotes, so that after CSV decoding
// they read `first"` / `"middle"` / `"last`. Only when every line has
// those quotes are they removed. The result is trimmed.
func liUnwrapLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !strings.Contains(s, "\"\n\"") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	last := len(lines) - 1
	for i, l := range lines {
		if i > 0 && !strings.HasPrefix(l, `"`) {
			return strings.TrimSpace(s)
		}
		if i < last && !strings.HasSuffix(l, `"`) {
			return strings.TrimSpace(s)
		}
		if i > 0 && i < last && len(l) < 2 {
			return strings.TrimSpace(s)
		}
	}
	for i, l := range lines {
		if i > 0 {
			l = l[1:]
		}
		if i < last {
			l = l[:len(l)-1]
		}
		lines[i] = l
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
