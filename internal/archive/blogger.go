package archive

import (
	"context"
	"encoding/xml"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// bloggerReader reads Blogger blogs: a Google Takeout export
// (Takeout/Blogger/Blogs/<blog>/feed.atom, entries typed by
// <blogger:type>) and the classic "Back up content" file (an Atom feed
// whose entries are typed by a kind#post or kind#comment category). Each
// file is streamed twice: once to learn the blog's authors, once to read
// the entries; one <entry> at a time is held in memory.
type bloggerReader struct{}

func init() { Register(bloggerReader{}) }

// Name is "blogger".
func (bloggerReader) Name() string { return "blogger" }

// bgMaxPosts is the most post links remembered across a file (to give a
// Takeout comment its post's link).
const bgMaxPosts = 200000

// bgFiles lists the Blogger feeds of fsys: feed.atom up to four folders
// down (Takeout/Blogger/Blogs/<blog>/feed.atom), and .atom or .xml files
// up to two folders down, whose start holds a <feed> and a Blogger id or
// namespace.
func bgFiles(fsys fs.FS) []string {
	var out []string
	cands := Glob(fsys, "feed.atom", "*/feed.atom", "*/*/feed.atom", "*/*/*/feed.atom", "*/*/*/*/feed.atom", "*/*/*/*/*/feed.atom",
		"*.atom", "*/*.atom", "*.xml", "*/*.xml", "*/*/*.xml")
	for i, f := range cands {
		if i >= 200 {
			break
		}
		head := xmlSniff(fsys, f)
		if strings.Contains(head, "<feed") && (strings.Contains(head, "schemas.google.com/blogger") || strings.Contains(head, "tag:blogger.com,")) {
			out = append(out, f)
		}
	}
	return out
}

// Detect reports whether fsys holds a Blogger feed.
func (bloggerReader) Detect(fsys fs.FS) bool { return len(bgFiles(fsys)) > 0 }

// ReadSize is how many bytes Read reads from fsys (every file twice), for
// progress.
func (bloggerReader) ReadSize(fsys fs.FS) int64 { return filesSize(fsys, bgFiles(fsys), 2) }

// bgNS gives the short name of a namespace: atom (also for none),
// blogger, app or thr.
func bgNS(space string) string {
	s := strings.ToLower(space)
	switch {
	case s == "http://www.w3.org/2005/atom", s == "":
		return "atom"
	case strings.Contains(s, "schemas.google.com/blogger"), s == "blogger":
		return "blogger"
	case strings.Contains(s, "purl.org/atom/app"), strings.Contains(s, "w3.org/2007/app"), s == "app":
		return "app"
	case strings.Contains(s, "purl.org/syndication/thread"), s == "thr":
		return "thr"
	}
	return s
}

// bgBlog is what is known of a blog: its address, its authors (the feed's
// author and the authors of its posts and pages) and its posts' links.
type bgBlog struct {
	url                 string
	uris, emails, names map[string]bool
	posts               map[string]string // entry id → link
}

func (b *bgBlog) addAuthor(a *xnode) {
	if a == nil {
		return
	}
	if u := a.kidText("atom", "uri"); u != "" {
		b.uris[u] = true
	}
	if e := strings.ToLower(a.kidText("atom", "email")); e != "" && e != "noreply@blogger.com" {
		b.emails[e] = true
	}
	if n := a.kidText("atom", "name"); n != "" && !bgAnonymous(n) {
		b.names[n] = true
	}
}

// isOwn reports whether an entry's author is one of the blog's: by the
// profile address when the comment has one, else by e-mail, else by name
// (never for an anonymous comment).
func (b *bgBlog) isOwn(a *xnode) bool {
	if a == nil {
		return false
	}
	if u := a.kidText("atom", "uri"); u != "" {
		return b.uris[u]
	}
	if e := strings.ToLower(a.kidText("atom", "email")); e != "" && e != "noreply@blogger.com" {
		return b.emails[e]
	}
	if strings.EqualFold(a.kidText("blogger", "type"), "ANONYMOUS") {
		return false
	}
	n := a.kidText("atom", "name")
	return n != "" && !bgAnonymous(n) && b.names[n]
}

func bgAnonymous(name string) bool {
	switch strings.ToLower(name) {
	case "anonymous", "unknown", "anónimo", "anonyme":
		return true
	}
	return false
}

// Read yields, for every entry in file order, a "post", a "page" or a
// comment; settings, templates and other entries are skipped.
//
// A post's Text is its title, a blank line and its content as plain text
// (HTML dropped); Media are the images in the content. Date is published
// (else updated), URL the entry's alternate link (else the blog's address
// and blogger:filename), Visibility public (LIVE), draft, scheduled or
// trash (SOFT_TRASHED, DELETED, or blogger:trashed).
//
// A comment by one of the blog's authors (the feed's author or an author
// of a post, matched by profile address, e-mail or name) is a "comment"
// of the user's own. A comment by someone else is not the user's words but
// is published on the user's blog: it is kept as a "visitor-comment" when
// live, and skipped otherwise; the commenter's name is never read into an
// item. A comment's title (a cut copy of its text) is dropped; its URL is
// its alternate link, else its post's.
//
// Source.Position is the index of the <entry> in the file, from 0.
func (bloggerReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	files := bgFiles(fsys)
	if len(files) == 0 {
		return fmt.Errorf("blogger: no Blogger feed (Takeout/Blogger/Blogs/<blog>/feed.atom, or a backup .xml) in this archive")
	}
	return eachFile(ctx, fsys, files, yield, bgReadFile)
}

func bgReadFile(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	blog, err := bgFirstPass(ctx, fsys, file)
	if err != nil {
		return err
	}
	return eachRecord(ctx, fsys, "blogger", file, bgNS, "feed", "Blogger", "entry", 2, func(pos int, n *xnode) error {
		if it, ok := bgEntry(file, pos, n, blog); ok {
			return yield(it)
		}
		return nil
	})
}

// bgFirstPass reads the blog's address and authors and its posts' links.
// Errors are left for the second pass to report, where they come in order.
func bgFirstPass(ctx context.Context, fsys fs.FS, file string) (*bgBlog, error) {
	blog := &bgBlog{uris: map[string]bool{}, emails: map[string]bool{}, names: map[string]bool{}, posts: map[string]string{}}
	d, err := openXML(fsys, "blogger", file, bgNS)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tok, err := d.token()
		if err != nil {
			return blog, nil
		}
		st, ok := tok.(xml.StartElement)
		if !ok || d.depth != 2 || bgNS(st.Name.Space) != "atom" {
			continue
		}
		switch st.Name.Local {
		case "author", "entry":
		case "link":
			if blog.url == "" && bgAttr(st, "rel") == "alternate" {
				blog.url = bgAttr(st, "href")
			}
			continue
		default:
			continue
		}
		n, tooBig, err := d.tree(st)
		if tooBig {
			continue
		}
		if err != nil {
			return blog, nil
		}
		if n.local == "author" {
			blog.addAuthor(n)
			continue
		}
		switch bgKind(n) {
		case "post", "page":
			blog.addAuthor(n.kid("atom", "author"))
			if id := n.kidText("atom", "id"); id != "" && len(blog.posts) < bgMaxPosts {
				blog.posts[id] = bgLink(n, blog.url)
			}
		}
	}
}

func bgAttr(st xml.StartElement, local string) string {
	for _, a := range st.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// bgKind tells what an entry is: post, page, comment, or "" (settings,
// template…).
func bgKind(n *xnode) string {
	if t := n.kidText("blogger", "type"); t != "" {
		switch strings.ToUpper(t) {
		case "POST":
			return "post"
		case "PAGE":
			return "page"
		case "COMMENT":
			return "comment"
		}
		return ""
	}
	for _, k := range n.kids {
		if k.local != "category" || !strings.HasSuffix(k.attrValue("scheme"), "#kind") {
			continue
		}
		term := k.attrValue("term")
		if i := strings.LastIndex(term, "kind#"); i >= 0 {
			switch term[i+5:] {
			case "post", "page", "comment":
				return term[i+5:]
			}
		}
	}
	return ""
}

// bgLink is an entry's alternate link, else the blog's address and the
// entry's blogger:filename.
func bgLink(n *xnode, blogURL string) string {
	for _, k := range n.kids {
		if k.ns == "atom" && k.local == "link" && k.attrValue("rel") == "alternate" {
			if h := strings.TrimSpace(k.attrValue("href")); h != "" {
				return h
			}
		}
	}
	if f := n.kidText("blogger", "filename"); f != "" && blogURL != "" {
		return strings.TrimSuffix(blogURL, "/") + "/" + strings.TrimPrefix(f, "/")
	}
	return ""
}

// bgVisibility names who can see an entry.
func bgVisibility(n *xnode) string {
	if n.kid("blogger", "trashed") != nil {
		return "trash"
	}
	switch strings.ToUpper(n.kidText("blogger", "status")) {
	case "LIVE", "":
	case "DRAFT":
		return "draft"
	case "SCHEDULED":
		return "scheduled"
	case "SOFT_TRASHED", "DELETED", "TRASHED":
		return "trash"
	default:
		return strings.ToLower(n.kidText("blogger", "status"))
	}
	if strings.EqualFold(n.kid("app", "control").kidText("app", "draft"), "yes") {
		return "draft"
	}
	return "public"
}

// bgText turns an Atom text construct (title, content) into plain text.
func bgText(n *xnode) (text, html string) {
	if n == nil {
		return "", ""
	}
	switch strings.ToLower(n.attrValue("type")) {
	case "html", "text/html":
		return HTMLText(n.text.String()), n.text.String()
	case "xhtml":
		return htmlTidy(n.innerText()), ""
	}
	return htmlTidy(n.text.String()), ""
}

// bgEntry turns an entry into an item; ok is false for an entry that is
// skipped.
func bgEntry(file string, pos int, n *xnode, blog *bgBlog) (Item, bool) {
	kind := bgKind(n)
	if kind == "" {
		return Item{}, false
	}
	it := Item{Platform: "blogger", Kind: kind, Visibility: bgVisibility(n), Source: Source{File: file, Position: pos}}
	for _, k := range []string{"published", "updated"} {
		if t, err := jsDate(time.RFC3339, n.kidText("atom", k)); err == nil {
			it.Date = t
			break
		}
	}
	it.URL = bgLink(n, blog.url)
	body, html := bgText(n.kid("atom", "content"))
	if body == "" {
		body, html = bgText(n.kid("atom", "summary"))
	}
	title, _ := bgText(n.kid("atom", "title"))
	if kind == "comment" {
		if strings.EqualFold(n.kidText("blogger", "status"), "SPAM") {
			return Item{}, false
		}
		if !blog.isOwn(n.kid("atom", "author")) {
			if it.Visibility != "public" {
				return Item{}, false
			}
			it.Kind = "visitor-comment"
		}
		if it.URL == "" {
			parent := n.kidText("blogger", "parent")
			if parent == "" {
				parent = n.kid("thr", "in-reply-to").attrValue("ref")
			}
			it.URL = blog.posts[parent]
			if it.URL == "" {
				it.URL = n.kid("thr", "in-reply-to").attrValue("href")
			}
		}
		it.Text = body
		if body == "" {
			it.Text = title
		}
	} else {
		it.Text = metaJoin(title, body)
	}
	it.Media = xmlImages(html)
	if it.Text == "" && len(it.Media) == 0 {
		return Item{}, false
	}
	return it, true
}
