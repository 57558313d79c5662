package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func init() {
	register(command{"loadgen", "load-test a local `scrubs serve`: checks/s, p50/p99 latency, errors, server memory", runLoadgen})
}

// loadPosts are short synthetic posts, a mix of safe and risky.
var loadPosts = []string{
	"Lovely sunny day for a walk by the river after a long week",
	"Mrs Pickering in bed 4 is 94 today, bless her",
	"Third night shift in a row, send coffee",
	"pt in bay 2 kept asking for his wife all night, broke my heart",
	"Proud of our team for the hand hygiene award this month",
	"Anyone else's ward short staffed again tonight?",
	"Had a 94-year-old retired headmaster from Aylsham in tonight after a house fire",
	"Great CPD session on sepsis recognition today, highly recommend",
}

// maxLoadDuration bounds a run.
const maxLoadDuration = 10 * time.Minute

func runLoadgen(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	target := fs.String("url", "http://127.0.0.1:8080", "the server's base URL (loopback only)")
	duration := fs.Duration("duration", 10*time.Second, "how long to send requests (at most 10m)")
	conc := fs.Int("concurrency", 2*runtime.GOMAXPROCS(0), "requests in flight at once")
	locale := fs.String("locale", "uk", "locale sent with each check")
	role := fs.String("role", "nurse", "role sent with each check")
	format := fs.String("format", "text", "output: text or json")
	fs.Usage = func() {}
	if _, err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs loadgen [--url http://127.0.0.1:8080] [--duration 60s] [--concurrency N]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	u, err := url.Parse(*target)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return exitUsage, usagef("--url %q is not an http URL", *target)
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return exitUsage, usagef("--url must be on this machine (127.0.0.1, ::1 or localhost)")
	}
	if *duration <= 0 || *duration > maxLoadDuration {
		return exitUsage, usagef("--duration must be between 0 and %s", maxLoadDuration)
	}
	if *conc < 1 || *conc > 1024 {
		return exitUsage, usagef("--concurrency must be between 1 and 1024")
	}
	if *format != "text" && *format != "json" {
		return exitUsage, usagef("unknown --format %q (want text or json)", *format)
	}
	base := strings.TrimRight(*target, "/")
	bodies := make([][]byte, len(loadPosts))
	for i, p := range loadPosts {
		bodies[i], _ = json.Marshal(map[string]string{"text": p, "locale": *locale, "role": *role})
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: *conc, MaxIdleConnsPerHost: *conc, DisableCompression: true},
	}
	// warm up: the first check builds the checker
	if st, err := postOnce(ctx, client, base+"/v1/check", bodies[0]); err != nil || st != 200 {
		return exitUsage, fmt.Errorf("warm-up check: status %d, %v", st, err)
	}

	runCtx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	lat := make([][]time.Duration, *conc)
	errs := make([]int, *conc)
	statuses := make([]map[int]int, *conc)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range *conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[w] = map[int]int{}
			for i := w; runCtx.Err() == nil; i++ {
				t0 := time.Now()
				st, err := postOnce(runCtx, client, base+"/v1/check", bodies[i%len(bodies)])
				if runCtx.Err() != nil {
					return // cut off at the end of the run: not counted
				}
				if err != nil || st != 200 {
					errs[w]++
					statuses[w][st]++
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	nerr := 0
	byStatus := map[string]int{}
	for w := range *conc {
		all = append(all, lat[w]...)
		nerr += errs[w]
		for st, n := range statuses[w] {
			byStatus[strconv.Itoa(st)] += n
		}
	}
	slices.Sort(all)
	pct := func(p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		i := int(p * float64(len(all)-1))
		return float64(all[i].Microseconds()) / 1000
	}
	rss := scrapeRSS(ctx, client, base+"/metrics")
	out := map[string]any{
		"url":              base + "/v1/check",
		"duration_s":       elapsed.Seconds(),
		"concurrency":      *conc,
		"ok":               len(all),
		"errors":           nerr,
		"errors_by_status": byStatus,
		"checks_per_s":     float64(len(all)) / elapsed.Seconds(),
		"p50_ms":           pct(0.50),
		"p90_ms":           pct(0.90),
		"p99_ms":           pct(0.99),
		"max_ms":           pct(1),
		"server_rss_mib":   float64(rss) / (1 << 20),
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return exitClean, enc.Encode(out)
	}
	fmt.Fprintf(e.stdout, "%s for %.1fs, %d in flight\n", base+"/v1/check", elapsed.Seconds(), *conc)
	fmt.Fprintf(e.stdout, "  checks:     %d ok, %d errors %v\n", len(all), nerr, byStatus)
	fmt.Fprintf(e.stdout, "  throughput: %.0f checks/s\n", out["checks_per_s"])
	fmt.Fprintf(e.stdout, "  latency:    p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", pct(0.5), pct(0.9), pct(0.99), pct(1))
	if rss > 0 {
		fmt.Fprintf(e.stdout, "  server RSS: %.0f MiB (at the end)\n", out["server_rss_mib"])
	}
	return exitClean, nil
}

// postOnce sends one check and reads the whole answer.
func postOnce(ctx context.Context, c *http.Client, u string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", u, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, err
}

// scrapeRSS reads process_resident_memory_bytes from the server's metrics.
func scrapeRSS(ctx context.Context, c *http.Client, u string) int64 {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return 0
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "process_resident_memory_bytes "); ok {
			n, _ := strconv.ParseFloat(v, 64)
			return int64(n)
		}
	}
	return 0
}
