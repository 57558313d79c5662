package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/batch"
	"github.com/scrubshq/scrubs/internal/benchdata"
)

func runBench(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	corpus := fs.String("corpus", "", "corpus to check (default: a synthetic corpus of --posts posts)")
	corpusFormat := fs.String("corpus-format", "jsonl", "corpus format: jsonl ({\"text\"} per line), lines (one post per line), csv (one post per row, see --column) or deid (PhysioNet id.text)")
	column := fs.String("column", "text", "with --corpus-format csv: the header of the column that holds the posts")
	posts := fs.Int("posts", 100000, "size of the synthetic corpus")
	workers := fs.Int("workers", 0, "worker goroutines (default: all cores)")
	repeat := fs.Int("repeat", 1, "check the corpus this many times")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file (read it with go tool pprof)")
	entitiesOnly := fs.Bool("entities-only", false, "run the identifier engine only, without the rule packs (to measure what judgement costs)")
	archivePosts := fs.Int("archive", 0, "write a synthetic X archive of this many posts and time scrubs scan on it (items/s, peak RSS)")
	keep := fs.String("keep", "", "with --archive: write the archive into this folder and keep it")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs bench [--corpus PATH [--corpus-format jsonl|lines|csv|deid] [--column C] | --posts N] [--workers N] [--repeat N] [--entities-only] [--cpuprofile F]\n       scrubs bench --archive N [--keep DIR]: time scrubs scan on a synthetic archive")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) > 0 {
		return exitUsage, usagef("unexpected argument %q", pos[0])
	}
	if *archivePosts > 0 {
		if *cpuProfile != "" {
			stop, err := startCPUProfile(*cpuProfile)
			if err != nil {
				return exitUsage, err
			}
			defer stop()
		}
		return benchArchive(ctx, e, *archivePosts, *keep, nil)
	}
	var texts []string
	source := "synthetic"
	if *corpus != "" {
		texts, err = loadBenchCorpus(*corpus, *corpusFormat, *column)
		if err != nil {
			return exitUsage, err
		}
		source = *corpus
	} else {
		texts = benchdata.Posts(*posts)
	}
	if *workers <= 0 {
		*workers = runtime.GOMAXPROCS(0)
	}
	var bytesIn int64
	for _, t := range texts {
		bytesIn += int64(len(t))
	}
	checker := scrubs.MustNew(scrubs.Options{EntitiesOnly: *entitiesOnly})
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return exitUsage, err
		}
		defer stop()
	}
	startLoad := time.Now()
	if _, err := checker.Check(ctx, "warm up the lists: Mrs Smith from Leeds"); err != nil {
		return exitUsage, err
	}
	loadTime := time.Since(startLoad)

	start := time.Now()
	entities := 0
	for range *repeat {
		in := make(chan string, 256)
		go func() {
			defer close(in)
			for _, t := range texts {
				in <- t
			}
		}()
		err = batch.OrderedChunks(ctx, *workers, in, func(ts []string) []int {
			counts := make([]int, len(ts))
			for i, o := range checker.CheckBatch(ctx, ts) {
				if o.Err == nil {
					counts[i] = len(o.Result.Entities)
				}
			}
			return counts
		}, func(n int) error { entities += n; return nil })
		if err != nil {
			return exitUsage, err
		}
	}
	elapsed := time.Since(start).Seconds()
	n := float64(len(texts) * *repeat)
	mb := float64(bytesIn*int64(*repeat)) / 1e6
	fmt.Fprintf(e.stdout, "corpus        %s (%d posts, %.2f MB)\n", source, len(texts), float64(bytesIn)/1e6)
	fmt.Fprintf(e.stdout, "workers       %d (GOMAXPROCS %d, %s)\n", *workers, runtime.GOMAXPROCS(0), runtime.GOARCH)
	fmt.Fprintf(e.stdout, "first check   %.1f ms (loads the embedded lists)\n", float64(loadTime.Microseconds())/1000)
	fmt.Fprintf(e.stdout, "elapsed       %.2f s for %d pass(es)\n", elapsed, *repeat)
	fmt.Fprintf(e.stdout, "throughput    %.0f posts/s, %.2f MB/s (%.2f MB/s per worker)\n", n/elapsed, mb/elapsed, mb/elapsed/float64(*workers))
	fmt.Fprintf(e.stdout, "entities      %d\n", entities)
	fmt.Fprintf(e.stdout, "peak RSS      %s\n", peakRSS())
	return exitClean, nil
}

// startCPUProfile writes a CPU profile to path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// peakRSS reads the peak resident set size of this process (Linux), or the
// Go runtime's view of memory obtained from the OS elsewhere.
func peakRSS() string {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				f := strings.Fields(line)
				if len(f) >= 2 {
					if kb, err := strconv.Atoi(f[1]); err == nil {
						return fmt.Sprintf("%.1f MB", float64(kb)/1024)
					}
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return fmt.Sprintf("%.1f MB (Go runtime Sys)", float64(ms.Sys)/(1<<20))
}

func loadBenchCorpus(path, format, column string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	defer f.Close()
	switch format {
	case "deid":
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		var notes []string
		for _, rec := range strings.Split(string(data), "||||END_OF_RECORD") {
			if i := strings.Index(rec, "||||\n"); i >= 0 {
				notes = append(notes, rec[i+5:])
			}
		}
		return notes, nil
	case "lines", "jsonl":
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), scrubs.MaxTextBytes)
		line := 0
		for sc.Scan() {
			line++
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			if format == "lines" {
				out = append(out, sc.Text())
				continue
			}
			var rec struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				return nil, usagef("%s:%d: %v", path, line, err)
			}
			out = append(out, rec.Text)
		}
		return out, sc.Err()
	case "csv":
		return readCSVColumn(f, path, column)
	}
	return nil, usagef("unknown --corpus-format %q (want jsonl, lines, csv or deid)", format)
}

// readCSVColumn returns the non-empty cells of the column headed column in the CSV file r
// (named path in errors): a public corpus of real posts, such as a CSV of tweets, can be
// benchmarked as it is published.
func readCSVColumn(r io.Reader, path, column string) ([]string, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1 // rows are checked below, with their line
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, usagef("%s: no CSV header: %v", path, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // a byte-order mark some spreadsheets write
	}
	col := slices.Index(header, column)
	if col < 0 {
		return nil, usagef("%s: no column %q in the header (columns: %s)", path, column, strings.Join(header, ", "))
	}
	var out []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, usagef("%s: %v", path, err)
		}
		if col >= len(rec) {
			line, _ := cr.FieldPos(0)
			return nil, usagef("%s:%d: the row has no column %q", path, line, column)
		}
		if strings.TrimSpace(rec[col]) != "" {
			// a copy: the field shares one string with its whole row
			out = append(out, strings.Clone(rec[col]))
		}
	}
}
