package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/archive"
	"github.com/scrubshq/scrubs/internal/batch"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

func runScan(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	format := fs.String("format", "jsonl", "output: jsonl (one line per item), json (a summary with the risky items), csv (one row per risky item) or html (a page to read)")
	from := fs.String("from", "", "force the export format instead of detecting it")
	since := fs.String("since", "", "only items on or after this date (YYYY-MM-DD)")
	until := fs.String("until", "", "only items before this date (YYYY-MM-DD)")
	minSev := fs.String("min-severity", "", "only list items with a risk at least this severe: info, low, medium, high or block")
	minConf := fs.Float64("min-confidence", 0, "drop entities below this confidence (default 0.5)")
	baseline := fs.String("baseline", "", "a previous report (scan --format json or jsonl) or ignore file: its findings are left out")
	media := fs.Bool("media", false, "also check the pictures of each item (metadata, faces, x-ray cue) with the item's text as caption")
	mediaOCR := fs.Bool("media-ocr", false, "with --media: also read text in the pictures (Tesseract; about 1 s a photo)")
	pf := addPackFlags(fs)
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs scan [--format jsonl|json|csv|html] [--from FORMAT] [--baseline REPORT] [--media] [--media-ocr] [--since DATE] [--until DATE] [--min-severity S] [--locale …] [--role …] [--pack …] [--config F] PATH")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) != 1 {
		return exitUsage, usagef("give one archive: a .zip as downloaded or an unpacked folder")
	}
	switch *format {
	case "jsonl", "json", "csv", "html":
	default:
		return exitUsage, usagef("unknown --format %q (want jsonl, json, csv or html)", *format)
	}
	var after, before time.Time
	if *since != "" {
		if after, err = time.Parse(time.DateOnly, *since); err != nil {
			return exitUsage, usagef("--since %q: want YYYY-MM-DD", *since)
		}
	}
	if *until != "" {
		if before, err = time.Parse(time.DateOnly, *until); err != nil {
			return exitUsage, usagef("--until %q: want YYYY-MM-DD", *until)
		}
	}
	sevRank := map[string]int{"": -1, "info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}
	minRank, ok := sevRank[*minSev]
	if !ok {
		return exitUsage, usagef("unknown --min-severity %q (want info, low, medium, high or block)", *minSev)
	}
	checker, err := scanChecker(pf, *minConf, *baseline)
	if err != nil {
		return exitUsage, err
	}
	fsys, closer, err := archive.Open(pos[0])
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}
	defer closer.Close()
	var rd archive.Reader
	if *from != "" {
		rd, err = archive.ByName(*from)
	} else {
		rd, err = archive.Detect(fsys)
	}
	if err != nil {
		return exitUsage, usageError{err.Error()}
	}

	var fileErrs fileErrors
	counted := newCountingFS(fsys, rd)
	items := make(chan archive.Item, 64)
	readErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(items)
		readErr <- rd.Read(archive.WithFileErrors(ctx, fileErrs.add), counted, func(it archive.Item) error {
			if !after.IsZero() && (it.Date.IsZero() || it.Date.Before(after)) {
				return nil
			}
			if !before.IsZero() && (it.Date.IsZero() || !it.Date.Before(before)) {
				return nil
			}
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	cw := csv.NewWriter(out)
	if *format == "csv" {
		if err := report.WriteScanCSVHeader(cw); err != nil {
			return exitUsage, err
		}
	}
	progress := newProgress(e, counted)
	sum := report.ScanSummary{Archive: pos[0], Format: rd.Name(), ByVerdict: map[string]int{}, ByCategory: map[string]int{}, ByYear: map[string]int{}, Risky: []report.ScanLine{}, Mosaics: []report.ScanMosaic{}, MediaFlagged: []report.ScanMedia{}}
	links := &linker{checker: checker}
	var pictures *mediaChecker
	mediaFlagged := 0
	if *media || *mediaOCR {
		pictures = &mediaChecker{checker: checker, fsys: fsys, opts: scrubs.ImageOptions{NoOCR: !*mediaOCR}}
	}
	type checked struct {
		line    report.ScanLine
		flagged bool
		json    []byte // the JSON line, marshalled by the worker
		text    string // for linking items about the same patient; never written out
		res     *scrubs.Result
		date    time.Time
		media   []report.ScanMedia // scan --media: the item's pictures
		err     error
	}
	// one item, from the outcome of its text's check
	item := func(it archive.Item, res *result.Result, err error) checked {
		if err != nil {
			if scrubs.IsInputError(err) {
				res = &result.Result{Verdict: result.Safe, Categories: []string{}, Entities: []result.Entity{}, Risks: []result.Risk{}}
			} else {
				return checked{err: err}
			}
		}
		l := report.ScanLine{Line: report.LineOf(nil, res), Platform: it.Platform, Kind: it.Kind, URL: it.URL,
			Source: report.ScanSource{File: it.Source.File, Position: it.Source.Position}, Media: it.Media}
		if *format == "html" {
			l.Text = it.Text // the page shows the post; nothing else keeps it
		}
		if !it.Date.IsZero() {
			l.Date = it.Date.UTC().Format(time.RFC3339)
		}
		c := checked{line: l, text: it.Text, res: res, date: it.Date}
		if pictures != nil && len(it.Media) > 0 {
			if c.media, err = pictures.check(ctx, it.Text, it.Media, report.RefOf(l)); err != nil {
				return checked{err: err}
			}
		}
		c.flagged = l.Verdict != result.Safe
		if minRank >= 0 {
			c.flagged = slices.ContainsFunc(l.Risks, func(r result.Risk) bool { return sevRank[r.Severity] >= minRank })
		}
		if *format == "jsonl" && (minRank < 0 || c.flagged) {
			if c.json, err = json.Marshal(l); err != nil {
				return checked{err: err}
			}
		}
		return c
	}
	err = batch.OrderedChunks(ctx, 0, items, func(its []archive.Item) []checked {
		texts := make([]string, len(its))
		for i, it := range its {
			texts[i] = it.Text
		}
		outs := make([]checked, len(its))
		for i, o := range checker.CheckBatch(ctx, texts) {
			outs[i] = item(its[i], o.Result, o.Err)
		}
		return outs
	}, func(c checked) error {
		if c.err != nil {
			return c.err
		}
		l := c.line
		sum.Items++
		progress.tick(sum.Items)
		sum.Media += len(l.Media)
		sum.ByVerdict[string(l.Verdict)]++
		flagged := c.flagged
		if flagged {
			sum.Flagged++
			for _, c := range l.Categories {
				sum.ByCategory[c]++
			}
			if len(l.Date) >= 4 {
				sum.ByYear[l.Date[:4]]++
			}
		}
		switch *format {
		case "jsonl":
			if c.json != nil {
				out.Write(c.json)
				if err := out.WriteByte('\n'); err != nil {
					return err
				}
			}
		case "csv":
			if flagged {
				if err := report.WriteScanCSV(cw, l); err != nil {
					return err
				}
			}
		default:
			if flagged {
				sum.Risky = append(sum.Risky, l)
			}
		}
		if err := writeMedia(c.media, &sum, &mediaFlagged, *format, out, cw); err != nil {
			return err
		}
		return writeMosaic(ctx, links, c.text, c.res, l, c.date, &sum, *format, out, cw)
	})
	if err == nil {
		err = <-readErr
	}
	progress.done(sum.Items)
	sum.Errors = fileErrs.report(e)
	if err != nil {
		out.Flush()
		return exitUsage, fmt.Errorf("%s: %w", pos[0], err)
	}
	switch *format {
	case "json":
		err = report.WriteAny(out, sum)
	case "html":
		err = report.WriteScanHTML(out, sum)
	case "csv":
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return exitUsage, err
	}
	if err := out.Flush(); err != nil {
		return exitUsage, err
	}
	if len(sum.Errors) > 0 {
		return exitUsage, fmt.Errorf("%d file(s) of %s had problems (some items may be missing); the rest was scanned", len(sum.Errors), pos[0])
	}
	if sum.Flagged > 0 || links.found > 0 || mediaFlagged > 0 {
		return exitFound, nil
	}
	return exitClean, nil
}

// progress shows items/s on a terminal (stderr), at most five times a
// second, and an estimate of the time left from the bytes the reader has
// read out of those it will read.
type progress struct {
	e     *env
	on    bool
	fsys  *countingFS
	start time.Time
	last  time.Time
}

func newProgress(e *env, fsys *countingFS) *progress {
	return &progress{e: e, on: e.isTerminal(e.stderr), fsys: fsys, start: time.Now()}
}

func (p *progress) tick(n int) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	elapsed := time.Since(p.start)
	rate := float64(n) / elapsed.Seconds()
	line := fmt.Sprintf("\r  %d items checked, %.0f items/s", n, rate)
	if p.fsys != nil {
		if eta := etaText(p.fsys.done.Load(), p.fsys.total, elapsed); eta != "" {
			line += ", " + eta
		}
	}
	fmt.Fprint(p.e.stderr, line+"          ")
}

func (p *progress) done(n int) {
	if p.on {
		fmt.Fprintf(p.e.stderr, "\r  %d items checked in %.1f s                              \n", n, time.Since(p.start).Seconds())
	}
}

// etaText estimates the time left when done of total bytes were read in
// elapsed: "about 2m10s left", or "" when there is too little to go on
// (under 1% read, under a second gone) or the estimate is spent.
func etaText(done, total int64, elapsed time.Duration) string {
	if total <= 0 || done <= 0 || done >= total || done*100 < total || elapsed < time.Second {
		return ""
	}
	left := time.Duration(float64(elapsed) * float64(total-done) / float64(done))
	switch {
	case left < time.Second:
		return ""
	case left < time.Minute:
		left = left.Round(time.Second)
	default:
		left = left.Round(10 * time.Second)
	}
	return "about " + left.String() + " left"
}

// countingFS counts the bytes read from an archive's files, for progress.
// total is what the reader will read: its own estimate when it gives one
// (ReadSize), else the size of the archive's text and data files.
type countingFS struct {
	fs.FS
	total int64
	done  atomic.Int64
}

// progressExt are the extensions of the files the readers read.
var progressExt = map[string]bool{".json": true, ".js": true, ".csv": true, ".xml": true, ".atom": true,
	".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

func newCountingFS(fsys fs.FS, rd archive.Reader) *countingFS {
	c := &countingFS{FS: fsys}
	if s, ok := rd.(interface{ ReadSize(fs.FS) int64 }); ok {
		c.total = s.ReadSize(fsys)
		return c
	}
	n := 0
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if n++; n > archive.MaxFiles {
			return fs.SkipAll
		}
		if !d.IsDir() && progressExt[strings.ToLower(path.Ext(p))] {
			if info, err := d.Info(); err == nil {
				c.total += info.Size()
			}
		}
		return nil
	})
	return c
}

// Open opens a file whose reads are counted.
func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return &countedFile{File: f, done: &c.done}, nil
}

// ReadDir lists a folder of the archive (fs.ReadDirFS, so that globs and
// walks see through the counting).
func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

// Stat describes a file of the archive (fs.StatFS).
func (c *countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

type countedFile struct {
	fs.File
	done *atomic.Int64
}

func (f *countedFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.done.Add(int64(n))
	return n, err
}
