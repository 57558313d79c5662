package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/scrubshq/scrubs/internal/benchdata"
)

// tweetsPerPart is how many tweets the synthetic X archive puts in one
// data/tweets*.js file. X splits a large archive into parts (tweets.js,
// tweets-part1.js, …); a reader holds one part in memory at a time.
const tweetsPerPart = 100000

// writeSyntheticX writes an X archive of n synthetic posts into dir (as an
// unpacked folder: data/tweets.js and its parts), one post every ten
// minutes back from a fixed date, streaming so that writing it takes little
// memory. It returns the bytes of post text written.
func writeSyntheticX(dir string, n int) (int64, error) {
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		return 0, err
	}
	// manifest.js and account.js as a real export has them (detection only
	// needs tweets.js).
	if err := os.WriteFile(filepath.Join(data, "manifest.js"), []byte("window.__THAR_CONFIG = {}\n"), 0o644); err != nil {
		return 0, err
	}
	var textBytes int64
	start := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	batch := benchdata.Posts(min(n, 1000))
	for part := 0; part*tweetsPerPart < n; part++ {
		name := "tweets.js"
		if part > 0 {
			name = "tweets-part" + strconv.Itoa(part) + ".js"
		}
		f, err := os.Create(filepath.Join(data, name))
		if err != nil {
			return 0, err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		fmt.Fprintf(w, "window.YTD.tweets.part%d = [", part)
		for i := part * tweetsPerPart; i < min(n, (part+1)*tweetsPerPart); i++ {
			if i > part*tweetsPerPart {
				w.WriteByte(',')
			}
			text := batch[i%len(batch)]
			textBytes += int64(len(text))
			id := strconv.Itoa(1_700_000_000_000_000_000 + i)
			tw := map[string]any{"tweet": map[string]any{
				"id_str":     id,
				"full_text":  text,
				"created_at": start.Add(-time.Duration(i) * 10 * time.Minute).Format(time.RubyDate),
				"lang":       "en",
			}}
			b, err := json.Marshal(tw)
			if err != nil {
				f.Close()
				return 0, err
			}
			w.Write(b)
		}
		w.WriteString("]\n")
		if err := w.Flush(); err != nil {
			f.Close()
			return 0, err
		}
		if err := f.Close(); err != nil {
			return 0, err
		}
	}
	return textBytes, nil
}

// benchArchive writes a synthetic X archive of n posts (into keep, or a
// temporary folder), then scans it exactly as `scrubs scan --format jsonl`
// does, the report going to a counter, and prints items/s and the peak RSS
// of the scan (the peak is reset after writing the archive, on Linux).
func benchArchive(ctx context.Context, e *env, n int, keep string, extra []string) (int, error) {
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "scrubs-bench-archive-")
		if err != nil {
			return exitUsage, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	t0 := time.Now()
	textBytes, err := writeSyntheticX(dir, n)
	if err != nil {
		return exitUsage, err
	}
	wrote := time.Since(t0)
	resetPeakRSS()
	out := &countingWriter{}
	scanEnv := &env{stdin: e.stdin, stdout: out, stderr: io.Discard, getenv: e.getenv, isTerminal: func(io.Writer) bool { return false }}
	t1 := time.Now()
	code, err := runScan(ctx, scanEnv, append([]string{dir, "--format", "jsonl"}, extra...))
	elapsed := time.Since(t1).Seconds()
	if err != nil {
		return code, err
	}
	fmt.Fprintf(e.stdout, "archive       synthetic X export, %d posts in %d part file(s), %.1f MB of post text (written in %.1f s)\n",
		n, (n+tweetsPerPart-1)/tweetsPerPart, float64(textBytes)/1e6, wrote.Seconds())
	fmt.Fprintf(e.stdout, "scan          %.2f s: %.0f items/s, %.2f MB/s of post text\n", elapsed, float64(n)/elapsed, float64(textBytes)/1e6/elapsed)
	fmt.Fprintf(e.stdout, "report        %.1f MB of JSON Lines\n", float64(out.n)/1e6)
	fmt.Fprintf(e.stdout, "peak RSS      %s (of the scan)\n", peakRSS())
	return exitClean, nil
}

// resetPeakRSS resets the kernel's record of the peak RSS (Linux 4.0+), so
// peakRSS then measures what follows.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// countingWriter counts and drops what is written.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
