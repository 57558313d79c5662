package archive

import (
	"context"
	"io/fs"
)

// FileErrorFunc receives the error that stopped the reading of one file of
// an archive; the reader then goes on with the next file.
type FileErrorFunc func(file string, err error)

type fileErrorsKey struct{}

// WithFileErrors returns a context under which readers report an error in
// one file (a truncated or malformed JSON, a file over the limits) to fn and
// go on with the archive's other files, instead of stopping. The items read
// from the file before the error are kept. Errors of the caller's yield and
// of ctx always stop the read. fn is called from the reader's goroutine.
func WithFileErrors(ctx context.Context, fn FileErrorFunc) context.Context {
	return context.WithValue(ctx, fileErrorsKey{}, fn)
}

// eachFile calls read for every file in turn, passing a yield that records
// whether the caller stopped the read; an error of one file goes to the
// context's FileErrorFunc, when it has one, and the next file is read.
func eachFile(ctx context.Context, fsys fs.FS, files []string, yield func(Item) error,
	read func(ctx context.Context, fsys fs.FS, file string, yield func(Item) error) error) error {
	onErr, _ := ctx.Value(fileErrorsKey{}).(FileErrorFunc)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		var stopped error
		err := read(ctx, fsys, f, func(it Item) error {
			if err := yield(it); err != nil {
				stopped = err
				return err
			}
			return nil
		})
		if err == nil {
			continue
		}
		if stopped != nil || ctx.Err() != nil || onErr == nil {
			return err
		}
		onErr(f, err)
	}
	return nil
}
