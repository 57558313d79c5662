package archive

import (
	"context"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

// filesReader reads a plain folder of .txt, .md and .html files (drafts,
// notes, blog posts saved by hand): each file is one post; HTML is turned
// into its text.
type filesReader struct{}

func init() { Register(filesReader{}) }

func (filesReader) Name() string { return "files" }

// textExt are the extensions the files reader takes.
var textExt = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// Detect reports whether fsys holds at least one text file.
func (filesReader) Detect(fsys fs.FS) bool {
	found := false
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return fs.SkipAll
		}
		if !d.IsDir() && textExt[strings.ToLower(path.Ext(p))] {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// Read yields one post per text file, in path order.
func (filesReader) Read(ctx context.Context, fsys fs.FS, yield func(Item) error) error {
	var files []string
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if n++; n > MaxFiles {
			return ErrTooLarge
		}
		if !d.IsDir() && textExt[strings.ToLower(path.Ext(p))] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return eachFile(ctx, fsys, files, yield, readTextFile)
}

// readTextFile yields one file of a plain folder as a post.
func readTextFile(_ context.Context, fsys fs.FS, f string, yield func(Item) error) error {
	data, err := ReadFile(fsys, f)
	if err != nil {
		return err
	}
	text := string(data)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if ext := strings.ToLower(path.Ext(f)); ext == ".html" || ext == ".htm" {
		text = HTMLText(text)
	}
	return yield(Item{Platform: "files", Kind: "post", Text: text, Source: Source{File: f}})
}
