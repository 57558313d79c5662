// Package archive reads social-media exports (a .zip as downloaded, or an
// unpacked folder) into items: posts, comments and captions with their date,
// link, visibility and attached media, one reader per export format.
//
// Every reader streams, never evaluates what it reads (an X archive's
// tweets.js is parsed as JSON after its assignment prefix, not run), and
// reads files through limits, so a zip bomb or a huge file is an error, not
// an out-of-memory crash.
package archive

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"time"
)

// Item is one post, comment or caption from an export.
type Item struct {
	// Platform is facebook, x, instagram, linkedin, reddit, mastodon, wordpress, blogger or files.
	Platform string `json:"platform"`
	// Kind is post, comment, caption, page or note; visitor-comment is a
	// comment by someone else on the user's own blog (WordPress, Blogger),
	// not the user's words but published under their name.
	Kind string `json:"kind"`
	// Date is when it was posted; zero when the export does not say.
	Date time.Time `json:"date,omitzero"`
	// URL links to the item when the export gives one.
	URL string `json:"url,omitempty"`
	// Visibility is who could see it (public, friends, followers…) when known.
	Visibility string `json:"visibility,omitempty"`
	// Text is the text as posted (HTML turned to text, mojibake repaired).
	Text string `json:"text"`
	// Media are the paths, inside the archive, of attached photos and
	// videos; their URLs when the export only links to them (LinkedIn,
	// Reddit, blogs).
	Media []string `json:"media,omitempty"`
	// Source says where in the archive the item was read.
	Source Source `json:"source"`
}

// Source is where an item was read: the file and the position in it.
type Source struct {
	File     string `json:"file"`
	Position int    `json:"position"` // index of the item in the file, from 0
}

// Reader reads one export format.
type Reader interface {
	// Name is the format's name, as --from takes it.
	Name() string
	// Detect reports whether fsys looks like this format.
	Detect(fsys fs.FS) bool
	// Read calls yield for every item, in file order, and stops at yield's
	// first error or when ctx is done.
	Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error
}

// Limits guard against hostile archives.
const (
	// MaxFileBytes is the most bytes read from one file of an archive.
	MaxFileBytes = 512 << 20
	// MaxFiles is the most files an archive may list.
	MaxFiles = 200000
	// MaxRatio is the largest compression ratio accepted for a zip member
	// that uncompresses to more than 1 MiB (zip bombs reach thousands).
	MaxRatio = 200
)

// ErrTooLarge is returned for a file or archive over the limits.
var ErrTooLarge = errors.New("archive: over the size limits (a zip bomb or a corrupt file?)")

var readers []Reader

// Register adds a reader; readers register themselves in init.
func Register(r Reader) { readers = append(readers, r) }

// Readers returns the registered readers by name.
func Readers() []Reader {
	out := append([]Reader(nil), readers...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// Open opens an export: a .zip file or a folder. Close the returned closer.
func Open(path string) (fs.FS, io.Closer, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		return os.DirFS(path), io.NopCloser(nil), nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, fmt.Errorf("archive: %s is neither a folder nor a readable zip: %w", path, err)
	}
	if len(zr.File) > MaxFiles {
		zr.Close()
		return nil, nil, fmt.Errorf("%w: %d files", ErrTooLarge, len(zr.File))
	}
	for _, f := range zr.File {
		if f.UncompressedSize64 > MaxFileBytes {
			zr.Close()
			return nil, nil, fmt.Errorf("%w: %s would uncompress to %d bytes", ErrTooLarge, f.Name, f.UncompressedSize64)
		}
		if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > MaxRatio {
			zr.Close()
			return nil, nil, fmt.Errorf("%w: %s is compressed %d:1", ErrTooLarge, f.Name, f.UncompressedSize64/f.CompressedSize64)
		}
	}
	return &zr.Reader, zr, nil
}

// Detect picks the reader for fsys, or says which formats it knows.
func Detect(fsys fs.FS) (Reader, error) {
	for _, r := range Readers() {
		if r.Name() != "files" && r.Detect(fsys) {
			return r, nil
		}
	}
	for _, r := range readers {
		if r.Name() == "files" && r.Detect(fsys) {
			return r, nil
		}
	}
	return nil, fmt.Errorf("archive: not a known export (formats: %s)", names())
}

// ByName returns the reader of a format.
func ByName(name string) (Reader, error) {
	for _, r := range readers {
		if r.Name() == name {
			return r, nil
		}
	}
	return nil, fmt.Errorf("archive: unknown format %q (formats: %s)", name, names())
}

func names() string {
	s := ""
	for i, r := range Readers() {
		if i > 0 {
			s += ", "
		}
		s += r.Name()
	}
	return s
}

// ReadFile reads one file of an archive, refusing more than MaxFileBytes
// (whatever the zip header claims).
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("archive: reading %s: %w", name, err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB", ErrTooLarge, name, MaxFileBytes>>20)
	}
	return data, nil
}

// Exists reports whether name is a file in fsys.
func Exists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}

// Glob lists the files matching any of the patterns, sorted, without duplicates.
func Glob(fsys fs.FS, patterns ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range patterns {
		m, _ := fs.Glob(fsys, p)
		for _, f := range m {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out
}
