package archive

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
)

// facebookReader reads a Facebook "Download Your Information" export in JSON:
// the posts (your_posts_N.json, or your_posts__check_ins__photos_and_videos_N.json
// since 2023) and the comments (comments.json). Meta's mojibake is repaired.
// The export does not say who could see a post, so Visibility stays empty.
type facebookReader struct{}

func init() { Register(facebookReader{}) }

func (facebookReader) Name() string { return "facebook" }

// fbRoots are the folders the activity files sit under: the export's root
// (exports to about 2022), your_facebook_activity (2023 on) and
// your_activity_across_facebook (in some of Meta's documentation).
var fbRoots = []string{"", "your_facebook_activity/", "your_activity_across_facebook/"}

var (
	fbPostGlobs = metaGlobs(fbRoots,
		"posts/your_posts_[0-9]*.json",
		"posts/your_posts__check_ins__photos_and_videos_[0-9]*.json")
	fbCommentGlobs = metaGlobs(fbRoots,
		"comments_and_reactions/comments.json",
		"comments/comments.json")
)

func fbFiles(fsys fs.FS) (posts, comments []string) {
	posts = Glob(fsys, fbPostGlobs...)
	metaSortPaged(posts)
	comments = Glob(fsys, fbCommentGlobs...)
	return posts, comments
}

// Detect reports whether fsys holds Facebook posts or comments.
func (facebookReader) Detect(fsys fs.FS) bool {
	posts, comments := fbFiles(fsys)
	return len(posts)+len(comments) > 0
}

// fbPost is one element of a posts file. Only the fields read are declared,
// so unexpected types elsewhere (places, EXIF data, tags) do not matter.
type fbPost struct {
	Timestamp int64 `json:"timestamp"`
	Data      []struct {
		Post *string `json:"post"`
	} `json:"data"`
	Attachments []fbAttachment `json:"attachments"`
}

type fbAttachment struct {
	Data []struct {
		Media *struct {
			URI               string `json:"uri"`
			Description       string `json:"description"`
			CreationTimestamp int64  `json:"creation_timestamp"`
		} `json:"media"`
		ExternalContext *struct {
			URL string `json:"url"`
		} `json:"external_context"`
		Text *string `json:"text"`
	} `json:"data"`
}

// fbComment is one element of comments_v2 (or comments).
type fbComment struct {
	Timestamp int64 `json:"timestamp"`
	Data      []struct {
		Comment *struct {
			Timestamp int64  `json:"timestamp"`
			Comment   string `json:"comment"`
		} `json:"comment"`
	} `json:"data"`
	Attachments []fbAttachment `json:"attachments"`
}

// fbCaption is a media description, to be checked as its own item.
type fbCaption struct {
	text, uri string
	ts        int64
}

// fbAttachments collects what a post's or comment's attachments hold: media
// paths, the first link, extra text, and media descriptions other than text.
func fbAttachments(atts []fbAttachment, text string) (media []string, url string, extra []string, captions []fbCaption, uncaptioned int) {
	for _, a := range atts {
		for _, d := range a.Data {
			if d.Media != nil {
				uri := FixMojibake(d.Media.URI)
				if uri != "" {
					media = append(media, uri)
				}
				desc := FixMojibake(d.Media.Description)
				if strings.TrimSpace(desc) != "" && strings.TrimSpace(desc) != strings.TrimSpace(text) {
					captions = append(captions, fbCaption{text: desc, uri: uri, ts: d.Media.CreationTimestamp})
				} else if uri != "" {
					uncaptioned++
				}
			}
			if d.ExternalContext != nil && url == "" {
				url = FixMojibake(d.ExternalContext.URL)
			}
			if d.Text != nil {
				if t := FixMojibake(*d.Text); strings.TrimSpace(t) != "" && !strings.Contains(text, t) {
					extra = append(extra, t)
				}
			}
		}
	}
	return media, url, extra, captions, uncaptioned
}

// Read yields the posts, in file order, then the comments.
//
// A post gives a "post" item with its text (and any text attachment), its
// first link and all its media, when it has text, a link or a photo without
// description; each media description that is not the post's text gives a
// "caption" item of its own with that one media path.
func (facebookReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	posts, comments := fbFiles(fsys)
	if len(posts)+len(comments) == 0 {
		return fmt.Errorf("facebook: no posts or comments in this export (looked for posts/your_posts_N.json, " +
			"your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_N.json and comments_and_reactions/comments.json)")
	}
	if err := eachFile(ctx, fsys, posts, yield, fbReadPosts); err != nil {
		return err
	}
	return eachFile(ctx, fsys, comments, yield, fbReadComments)
}

func fbReadPosts(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	data, err := ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("facebook: %w", err)
	}
	m := newMetaDecoder("facebook", file, data)
	return metaEach(ctx, m, nil, func(pos int, p *fbPost) error {
		var parts []string
		for _, d := range p.Data {
			if d.Post != nil && strings.TrimSpace(*d.Post) != "" {
				parts = append(parts, FixMojibake(*d.Post))
			}
		}
		text := metaJoin(parts...)
		media, url, extra, captions, uncaptioned := fbAttachments(p.Attachments, text)
		text = metaJoin(append(parts, extra...)...)
		src := Source{File: file, Position: pos}
		if text != "" || url != "" || uncaptioned > 0 {
			it := Item{Platform: "facebook", Kind: "post", Date: metaTime(p.Timestamp), URL: url, Text: text, Media: media, Source: src}
			if err := yield(it); err != nil {
				return err
			}
		}
		for _, c := range captions {
			ts := p.Timestamp
			if ts <= 0 {
				ts = c.ts
			}
			it := Item{Platform: "facebook", Kind: "caption", Date: metaTime(ts), Text: c.text, Source: src}
			if c.uri != "" {
				it.Media = []string{c.uri}
			}
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	})
}

func fbReadComments(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	data, err := ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("facebook: %w", err)
	}
	m := newMetaDecoder("facebook", file, data)
	return metaEach(ctx, m, []string{"comments_v2", "comments"}, func(pos int, c *fbComment) error {
		media, url, extra, captions, _ := fbAttachments(c.Attachments, "")
		for _, cp := range captions {
			extra = append(extra, cp.text)
		}
		src := Source{File: file, Position: pos}
		n := 0
		for _, d := range c.Data {
			if d.Comment == nil {
				continue
			}
			it := Item{Platform: "facebook", Kind: "comment", Date: metaTime(d.Comment.Timestamp), Text: FixMojibake(d.Comment.Comment), Source: src}
			if it.Date.IsZero() {
				it.Date = metaTime(c.Timestamp)
			}
			if n == 0 { // the attachments go with the first comment
				it.Text = metaJoin(append([]string{it.Text}, extra...)...)
				it.Media, it.URL = media, url
			}
			if strings.TrimSpace(it.Text) == "" && len(it.Media) == 0 && it.URL == "" {
				continue
			}
			n++
			if err := yield(it); err != nil {
				return err
			}
		}
		if n == 0 && (len(media) > 0 || url != "" || len(extra) > 0) {
			// A comment that is only a photo or a link.
			it := Item{Platform: "facebook", Kind: "comment", Date: metaTime(c.Timestamp), URL: url,
				Text: metaJoin(extra...), Media: media, Source: src}
			return yield(it)
		}
		return nil
	})
}
