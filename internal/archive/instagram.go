package archive

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// instagramReader reads an Instagram export in JSON: the posts (posts_N.json)
// and the comments on posts and reels. Meta's mojibake is repaired. The
// export gives neither links to posts nor who could see them.
type instagramReader struct{}

func init() { Register(instagramReader{}) }

func (instagramReader) Name() string { return "instagram" }

// igRoots are the folders the activity files sit under: the export's root
// (older exports) and your_instagram_activity (current ones).
var igRoots = []string{"", "your_instagram_activity/"}

var (
	igPostGlobs = metaGlobs(igRoots,
		"content/posts_[0-9]*.json",
		"media/posts_[0-9]*.json")
	igCommentGlobs = metaGlobs(igRoots,
		"comments/post_comments_[0-9]*.json",
		"comments/post_comments.json",
		"comments/reels_comments.json")
)

func igFiles(fsys fs.FS) (posts, comments []string) {
	posts = Glob(fsys, igPostGlobs...)
	metaSortPaged(posts)
	comments = Glob(fsys, igCommentGlobs...)
	metaSortPaged(comments)
	return posts, comments
}

// Detect reports whether fsys holds Instagram posts or comments.
func (instagramReader) Detect(fsys fs.FS) bool {
	posts, comments := igFiles(fsys)
	return len(posts)+len(comments) > 0
}

// igPost is one element of posts_N.json. For a post of several photos the
// caption and time are at the top; for one photo they are on the media.
type igPost struct {
	Media []struct {
		URI               string `json:"uri"`
		CreationTimestamp int64  `json:"creation_timestamp"`
		Title             string `json:"title"`
	} `json:"media"`
	Title             string `json:"title"`
	CreationTimestamp int64  `json:"creation_timestamp"`
}

// igComment is one element of post_comments_N.json. The keys of
// string_map_data ("Comment", "Time", "Media Owner") vary in case.
type igComment struct {
	MediaListData []struct {
		URI string `json:"uri"`
	} `json:"media_list_data"`
	StringMapData map[string]struct {
		Value     string `json:"value"`
		Timestamp int64  `json:"timestamp"`
	} `json:"string_map_data"`
}

// Read yields the posts, in file order, then the comments.
//
// A post is one "caption" item with all its media: its caption is the top
// title, or else the media titles (the one media's title for a single-photo
// post). Posts with neither caption nor media are skipped.
func (instagramReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	posts, comments := igFiles(fsys)
	if len(posts)+len(comments) == 0 {
		return fmt.Errorf("instagram: no posts or comments in this export (looked for content/posts_N.json, " +
			"your_instagram_activity/content/posts_N.json, media/posts_N.json and comments/post_comments_N.json)")
	}
	if err := eachFile(ctx, fsys, posts, yield, igReadPosts); err != nil {
		return err
	}
	return eachFile(ctx, fsys, comments, yield, igReadComments)
}

func igReadPosts(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	data, err := ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("instagram: %w", err)
	}
	m := newMetaDecoder("instagram", file, data)
	return metaEach(ctx, m, nil, func(pos int, p *igPost) error {
		text := FixMojibake(p.Title)
		if strings.TrimSpace(text) == "" {
			// No top caption: take the media titles, once each.
			var titles []string
			seen := map[string]bool{}
			for _, md := range p.Media {
				t := FixMojibake(md.Title)
				if strings.TrimSpace(t) != "" && !seen[t] {
					seen[t] = true
					titles = append(titles, t)
				}
			}
			text = metaJoin(titles...)
		}
		var media []string
		ts := p.CreationTimestamp
		for _, md := range p.Media {
			if md.URI != "" {
				media = append(media, FixMojibake(md.URI))
			}
			if ts <= 0 {
				ts = md.CreationTimestamp
			}
		}
		if strings.TrimSpace(text) == "" && len(media) == 0 {
			return nil
		}
		return yield(Item{Platform: "instagram", Kind: "caption", Date: metaTime(ts), Text: text, Media: media,
			Source: Source{File: file, Position: pos}})
	})
}

func igReadComments(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error {
	data, err := ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("instagram: %w", err)
	}
	m := newMetaDecoder("instagram", file, data)
	keys := []string{"comments_media_comments", "comments_reels_comments"}
	return metaEach(ctx, m, keys, func(pos int, c *igComment) error {
		var text string
		var ts int64
		keys := make([]string, 0, len(c.StringMapData))
		for k := range c.StringMapData {
			keys = append(keys, k)
		}
		sort.Strings(keys) // "Comment" before "comment", whatever the map's order
		for _, k := range keys {
			v := c.StringMapData[k]
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "comment":
				if text == "" {
					text = FixMojibake(v.Value)
				}
			case "time":
				if ts == 0 {
					ts = v.Timestamp
				}
			}
		}
		var media []string
		for _, md := range c.MediaListData {
			if md.URI != "" {
				media = append(media, FixMojibake(md.URI))
			}
		}
		if strings.TrimSpace(text) == "" && len(media) == 0 {
			return nil
		}
		return yield(Item{Platform: "instagram", Kind: "comment", Date: metaTime(ts), Text: text, Media: media,
			Source: Source{File: file, Position: pos}})
	})
}
