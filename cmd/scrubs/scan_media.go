package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

// pictureExts are the media files scan --media checks; videos and other
// files are listed only.
var pictureExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".heic": true, ".heif": true}

// maxPictureBytes bounds a picture read from an archive (the photo checker
// refuses larger ones too).
const maxPictureBytes = 64 << 20

// mediaChecker checks the pictures of an item with the item's text as their
// caption (scan --media). It is used from the scan's workers.
type mediaChecker struct {
	checker *scrubs.Checker
	fsys    fs.FS
	opts    scrubs.ImageOptions
}

// check returns a record for each picture of the item that lives in the
// archive (links to media elsewhere are skipped).
func (m *mediaChecker) check(ctx context.Context, text string, media []string, ref report.ScanRef) ([]report.ScanMedia, error) {
	var out []report.ScanMedia
	for _, name := range media {
		if strings.Contains(name, "://") || !pictureExts[strings.ToLower(path.Ext(name))] {
			continue
		}
		rec := report.ScanMedia{Kind: "media", Item: ref, File: name, Verdict: result.Safe,
			Categories: []string{}, Entities: []result.Entity{}, Risks: []result.Risk{}}
		data, err := readPicture(m.fsys, name)
		if err == nil {
			opts := m.opts
			opts.Caption = text
			var res *scrubs.ImageResult
			res, err = m.checker.CheckImageWith(ctx, data, opts)
			if err == nil {
				rec.Verdict, rec.Categories, rec.Entities, rec.Risks, rec.Image = res.Verdict, res.Categories, res.Entities, res.Risks, res.Image
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			rec.Error = err.Error() // an unreadable picture is reported, not fatal
		}
		out = append(out, rec)
	}
	return out, nil
}

// readPicture reads one picture of an archive, refusing more than
// maxPictureBytes.
func readPicture(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPictureBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxPictureBytes {
		return nil, fmt.Errorf("%s is larger than %d MiB", name, maxPictureBytes>>20)
	}
	return data, nil
}

// writeMedia counts the item's checked pictures and writes those that are
// not safe (jsonl: every picture checked, with its verdict).
func writeMedia(media []report.ScanMedia, sum *report.ScanSummary, flaggedN *int, format string, out *bufio.Writer, cw *csv.Writer) error {
	for _, m := range media {
		sum.MediaChecked++
		flagged := m.Verdict != result.Safe
		if flagged {
			*flaggedN++
		}
		if flagged && (format == "json" || format == "html") {
			sum.MediaFlagged = append(sum.MediaFlagged, m) // kept for the summary only
		}
		switch format {
		case "jsonl":
			if err := writeJSONLine(out, m); err != nil {
				return err
			}
		case "csv":
			if flagged {
				if err := report.WriteMediaCSV(cw, m); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
