package archive

import (
	"context"
	"encoding/xml"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"
)

// wordpressReader reads a WordPress export (WXR: Tools → Export, an RSS
// file with the wp: namespace), often zipped, possibly split into several
// files. The file is streamed twice: once to list the attachments of each
// post, once to read the posts; one <item> at a time is held in memory.
type wordpressReader struct{}

func init() { Register(wordpressReader{}) }

// Name is "wordpress".
func (wordpressReader) Name() string { return "wordpress" }

// wxrMaxAttachments is the most attachments remembered across a file.
const wxrMaxAttachments = 200000

// wxrFiles lists the WXR files of fsys: .xml files up to two folders down
// whose start holds an <rss> element and the WordPress export namespace.
func wxrFiles(fsys fs.FS) []string {
	var out []string
	for i, f := range Glob(fsys, "*.xml", "*/*.xml", "*/*/*.xml") {
		if i >= 200 {
			break
		}
		head := xmlSniff(fsys, f)
		if strings.Contains(head, "<rss") && strings.Contains(head, "wordpress.org/export/") {
			out = append(out, f)
		}
	}
	return out
}

// Detect reports whether fsys holds a WordPress export.
func (wordpressReader) Detect(fsys fs.FS) bool { return len(wxrFiles(fsys)) > 0 }

// ReadSize is how many bytes Read reads from fsys (every file twice), for
// progress.
func (wordpressReader) ReadSize(fsys fs.FS) int64 { return filesSize(fsys, wxrFiles(fsys), 2) }

// wxrNS gives the short name of a WXR namespace: wp, excerpt, content, dc
// or "" (none), also for prefixes an export forgot to declare.
func wxrNS(space string) string {
	s := strings.ToLower(space)
	switch {
	case strings.Contains(s, "wordpress.org/export") && strings.Contains(s, "excerpt"):
		return "excerpt"
	case strings.Contains(s, "wordpress.org/export"):
		return "wp"
	case strings.Contains(s, "purl.org/rss/1.0/modules/content"):
		return "content"
	case strings.Contains(s, "purl.org/dc/elements"):
		return "dc"
	}
	return s
}

// wxrSkipTypes are post types that hold no words of the author's posts.
var wxrSkipTypes = map[string]bool{
	"nav_menu_item": true, "revision": true, "custom_css": true, "customize_changeset": true,
	"oembed_cache": true, "user_request": true, "wp_global_styles": true, "wp_navigation": true,
	"wp_template": true, "wp_template_part": true, "wp_font_family": true, "wp_font_face": true,
}

// wxrShortcodes are the shortcodes of media, dropped from the text (their
// inner text, a caption, is kept).
//
// Compiled on first use: the bounded repeat makes a program of a thousand
// states, 1.8 ms and 3,000 allocations that every start of the CLI (scrubs
// check included) paid in the package's init.
var wxrShortcodes = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[/?(?:caption|wp_caption|gallery|embed|audio|video|playlist)\b[^\]]{0,1000}\]`)
})

// wxrSite is what the first pass learns of a file: the blog's authors
// (their user ids, e-mails and logins) and each post's attachments.
type wxrSite struct {
	ids, emails, logins map[string]bool
	attachments         map[string][]string // post id → attachment URLs
	nAttachments        int
}

// Read yields, for every item in file order: a "post" or "page" with its
// title, text and excerpt; a "caption" for an attachment with a caption or
// description; then the item's comments.
//
// A post's Text is its title, a blank line and its content as plain text
// (HTML tags dropped, media shortcodes removed), then the excerpt when it
// is not part of the content. Date is wp:post_date_gmt (else pubDate,
// else wp:post_date taken as UTC), URL the link, Visibility public
// (published), password-protected, private, draft, pending, scheduled or
// trash: drafts and private posts are read too, as they can be published
// later. Media are the images in the content and the post's attachments
// (by wp:post_parent), as paths in the archive when the export holds
// wp-content/uploads, else as URLs. Menu items, revisions and other
// technical types are skipped.
//
// A comment by one of the blog's authors (wp:comment_user_id, or the
// e-mail, of a wp:author) is a "comment" of the user's own. A comment by
// someone else is not the user's words, but it is published on the user's
// blog: it is kept as a "visitor-comment" when approved, and skipped
// otherwise; the commenter's name, e-mail and IP address are never read
// into an item. Spam, pingbacks and trackbacks are skipped. A comment's
// Source is its post's.
//
// Source.Position is the index of the <item> in the file, from 0.
func (wordpressReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	files := wxrFiles(fsys)
	if len(files) == 0 {
		return fmt.Errorf("wordpress: no WordPress export (an .xml file with <rss> and the wp: namespace) in this archive")
	}
	return eachFile(ctx, fsys, files, yield, wxrReadFile)
}

func wxrReadFile(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	site, err := wxrFirstPass(ctx, fsys, file)
	if err != nil {
		return err
	}
	return eachRecord(ctx, fsys, "wordpress", file, wxrNS, "rss", "WordPress", "item", 3, func(pos int, n *xnode) error {
		return wxrItem(fsys, file, pos, n, site, yield)
	})
}

// wxrFirstPass reads the authors and the attachments of a file. Errors
// are left for the second pass to report, where they come in order.
func wxrFirstPass(ctx context.Context, fsys fs.FS, file string) (*wxrSite, error) {
	site := &wxrSite{ids: map[string]bool{}, emails: map[string]bool{}, logins: map[string]bool{}, attachments: map[string][]string{}}
	d, err := openXML(fsys, "wordpress", file, wxrNS)
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
			return site, nil
		}
		st, ok := tok.(xml.StartElement)
		if !ok || d.depth != 3 {
			continue
		}
		isAuthor := st.Name.Local == "author" && wxrNS(st.Name.Space) == "wp"
		if st.Name.Local != "item" && !isAuthor {
			continue
		}
		n, tooBig, err := d.tree(st)
		if tooBig {
			continue
		}
		if err != nil {
			return site, nil
		}
		if isAuthor {
			if id := n.kidText("wp", "author_id"); id != "" && id != "0" {
				site.ids[id] = true
			}
			if e := strings.ToLower(n.kidText("wp", "author_email")); e != "" {
				site.emails[e] = true
			}
			if l := strings.ToLower(n.kidText("wp", "author_login")); l != "" {
				site.logins[l] = true
			}
			continue
		}
		if n.kidText("wp", "post_type") != "attachment" || site.nAttachments >= wxrMaxAttachments {
			continue
		}
		parent := n.kidText("wp", "post_parent")
		u := n.kidText("wp", "attachment_url")
		if u == "" {
			u = n.kidText("", "guid")
		}
		if parent != "" && parent != "0" && u != "" {
			site.attachments[parent] = append(site.attachments[parent], u)
			site.nAttachments++
		}
	}
}

// wxrItem yields the items of one <item>.
func wxrItem(fsys fs.FS, file string, pos int, n *xnode, site *wxrSite, yield func(Item) error) error {
	src := Source{File: file, Position: pos}
	typ := n.kidText("wp", "post_type")
	if typ == "" {
		typ = "post"
	}
	if wxrSkipTypes[typ] {
		return nil
	}
	link := n.kidText("", "link")
	date := wxrDate(n.kidText("wp", "post_date_gmt"), n.kidText("", "pubDate"), n.kidText("wp", "post_date"))
	content := wxrShortcodes().ReplaceAllString(n.kid("content", "encoded").textOrEmpty(), "")
	excerpt := wxrShortcodes().ReplaceAllString(n.kid("excerpt", "encoded").textOrEmpty(), "")
	body, summary := HTMLText(content), HTMLText(excerpt)
	if summary != "" && strings.Contains(body, summary) {
		summary = ""
	}
	root := path.Dir(file) + "/"
	if root == "./" {
		root = ""
	}
	if typ == "attachment" {
		text := metaJoin(summary, body)
		if text == "" {
			return nil
		}
		it := Item{Platform: "wordpress", Kind: "caption", Date: date, URL: link, Text: text, Source: src}
		if u := n.kidText("wp", "attachment_url"); u != "" {
			it.Media = []string{wxrMediaPath(fsys, root, u)}
		}
		return yield(it)
	}
	vis := wxrVisibility(n.kidText("wp", "status"), n.kidText("wp", "post_password"))
	it := Item{Platform: "wordpress", Kind: "post", Date: date, URL: link, Visibility: vis,
		Text: metaJoin(HTMLText(n.kidText("", "title")), body, summary), Source: src}
	if typ == "page" {
		it.Kind = "page"
	}
	seen := map[string]bool{}
	for _, u := range append(xmlImages(content), site.attachments[n.kidText("wp", "post_id")]...) {
		if p := wxrMediaPath(fsys, root, u); !seen[p] {
			seen[p] = true
			it.Media = append(it.Media, p)
		}
	}
	if it.Text != "" || len(it.Media) > 0 {
		if err := yield(it); err != nil {
			return err
		}
	}
	for _, c := range n.kids {
		if c.ns != "wp" || c.local != "comment" {
			continue
		}
		if t := c.kidText("wp", "comment_type"); t == "pingback" || t == "trackback" {
			continue
		}
		approved := c.kidText("wp", "comment_approved")
		own := (site.ids[c.kidText("wp", "comment_user_id")] ||
			(len(site.ids) == 0 && c.kidText("wp", "comment_user_id") != "" && c.kidText("wp", "comment_user_id") != "0") ||
			site.emails[strings.ToLower(c.kidText("wp", "comment_author_email"))])
		if approved == "spam" || (!own && approved != "1") {
			continue
		}
		ci := Item{Platform: "wordpress", Kind: "comment", Source: src,
			Date: wxrDate(c.kidText("wp", "comment_date_gmt"), "", c.kidText("wp", "comment_date")),
			Text: HTMLText(c.kid("wp", "comment_content").textOrEmpty())}
		if !own {
			ci.Kind = "visitor-comment"
		}
		switch approved {
		case "1":
			ci.Visibility = vis
		case "0":
			ci.Visibility = "pending"
		default:
			ci.Visibility = strings.ToLower(approved)
		}
		if id := c.kidText("wp", "comment_id"); link != "" && id != "" {
			ci.URL = link + "#comment-" + id
		}
		if ci.Text == "" {
			continue
		}
		if err := yield(ci); err != nil {
			return err
		}
	}
	return nil
}

// textOrEmpty is the text of n, or "" for a nil n.
func (n *xnode) textOrEmpty() string {
	if n == nil {
		return ""
	}
	return n.text.String()
}

// wxrVisibility names who can see a post from its wp:status.
func wxrVisibility(status, password string) string {
	switch status {
	case "publish", "":
		if password != "" {
			return "password-protected"
		}
		return "public"
	case "future":
		return "scheduled"
	case "auto-draft":
		return "draft"
	}
	return strings.ToLower(status)
}

// wxrDate takes the first of a GMT date ("2024-03-01 10:15:00"), an RFC
// 1123 date and a local date that parses; WordPress writes
// "0000-00-00 00:00:00" for drafts, which does not.
func wxrDate(gmt, rfc, local string) time.Time {
	if t := csvDate(gmt); !t.IsZero() {
		return t
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123} {
		if t, err := jsDate(layout, strings.TrimSpace(rfc)); err == nil && t.Year() > 1 {
			return t
		}
	}
	return csvDate(local)
}

// wxrMediaPath gives the path in the archive of an uploaded file's URL
// when the archive holds wp-content/uploads (beside the export file), else
// the URL.
func wxrMediaPath(fsys fs.FS, root, u string) string {
	p := u
	if k := strings.IndexAny(p, "?#"); k >= 0 {
		p = p[:k]
	}
	i := strings.Index(p, "wp-content/uploads/")
	if i < 0 {
		return u
	}
	for _, c := range []string{root + p[i:], root + p[i+len("wp-content/"):]} {
		if fs.ValidPath(c) && Exists(fsys, c) {
			return c
		}
	}
	return u
}
