package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

// linkWindow is how many earlier items about a patient a scan keeps to link
// with later ones, and linkSpan how far apart in time two dated items may be
// and still be read as about the same patient.
const (
	linkWindow = 50
	linkSpan   = 14 * 24 * time.Hour
)

// linker finds items of a scan that identify a patient only together. It
// keeps the text of the last few items about a patient (never written out)
// and is used from the scan's one ordered consumer, so it needs no lock.
type linker struct {
	checker *scrubs.Checker
	window  []linked
	found   int // mosaic records made
}

type linked struct {
	earlier scrubs.Earlier
	ref     report.ScanRef
	date    time.Time
}

// add weighs an item with the earlier items about a patient and returns a
// mosaic record when together they identify the patient; the item's own
// verdict is left as it is.
func (k *linker) add(ctx context.Context, text string, res *scrubs.Result, l report.ScanLine, date time.Time) (*report.ScanMosaic, error) {
	if res == nil || !scrubs.AboutPatient(res) {
		return nil, nil
	}
	var near []linked
	var earlier []scrubs.Earlier
	for _, e := range k.window {
		if !e.date.IsZero() && !date.IsZero() && absDuration(e.date.Sub(date)) > linkSpan {
			continue
		}
		near = append(near, e)
		earlier = append(earlier, e.earlier)
	}
	k.window = append(k.window, linked{earlier: scrubs.NewEarlier(text, res), ref: report.RefOf(l), date: date})
	if len(k.window) > linkWindow {
		k.window = k.window[1:]
	}
	if len(earlier) == 0 {
		return nil, nil
	}
	link, err := k.checker.Link(ctx, text, res, earlier)
	if err != nil || link == nil {
		return nil, err
	}
	m := &report.ScanMosaic{Kind: "mosaic", Shared: link.Shared, Verdict: result.Block,
		Risks: []result.Risk{link.Risk}, Anonymity: link.Anonymity}
	for _, i := range link.Earlier {
		m.Items = append(m.Items, near[i].ref)
	}
	m.Items = append(m.Items, report.RefOf(l))
	return m, nil
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// scanChecker builds the scan's checker: the pack flags' options plus the
// fingerprints of a baseline report, whose findings were already reviewed.
func scanChecker(pf *packFlags, minConf float64, baseline string) (*scrubs.Checker, error) {
	opts, err := pf.options(minConf)
	if err != nil {
		return nil, err
	}
	if baseline != "" {
		fps, err := scrubs.ReadBaselineFile(baseline)
		if err != nil {
			return nil, usageError{"--baseline: " + err.Error()}
		}
		opts.Ignore = append(opts.Ignore, fps...)
	}
	return newChecker(opts)
}

// writeJSONLine writes v as one line of JSON.
func writeJSONLine(out *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	out.Write(b)
	return out.WriteByte('\n')
}

// writeMosaic links the item with earlier ones and writes the mosaic record
// it completes, if any, in the scan's format.
func writeMosaic(ctx context.Context, k *linker, text string, res *scrubs.Result, l report.ScanLine, date time.Time,
	sum *report.ScanSummary, format string, out *bufio.Writer, cw *csv.Writer) error {
	m, err := k.add(ctx, text, res, l, date)
	if err != nil || m == nil {
		return err
	}
	k.found++
	switch format {
	case "jsonl":
		return writeJSONLine(out, m)
	case "csv":
		return report.WriteMosaicCSV(cw, *m)
	}
	sum.Mosaics = append(sum.Mosaics, *m)
	return nil
}

// fileErrors collects the problems found in files of an archive: a file that
// could not be read to the end, or rows of it that were malformed (the reader
// goes on with the rest).
type fileErrors struct {
	mu   sync.Mutex
	list []report.ScanFileError
}

func (f *fileErrors) add(file string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list = append(f.list, report.ScanFileError{File: file, Error: err.Error()})
}

// report prints each unreadable file on stderr and returns the list for the
// report.
func (f *fileErrors) report(e *env) []report.ScanFileError {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, fe := range f.list {
		fmt.Fprintf(e.stderr, "scrubs scan: problem reading %s: %s\n", fe.File, fe.Error)
	}
	return append([]report.ScanFileError{}, f.list...)
}
