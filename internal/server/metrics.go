package server

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The metrics are written in the Prometheus text exposition format (0.0.4)
// by hand: client_golang's dependencies are not in the module's go.sum. Labels
// are routes (patterns such as "POST /v1/check"), status codes and verdicts,
// never anything from a request's body or path.

// latencyBuckets are the upper bounds, in seconds, of the latency histogram.
var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts [15]atomic.Uint64 // one per bucket, then +Inf
	sumNs  atomic.Uint64
}

func (h *histogram) observe(d time.Duration) {
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, s)
	h.counts[i].Add(1)
	h.sumNs.Add(uint64(d.Nanoseconds()))
}

type reqKey struct {
	route string
	code  int
}

type metrics struct {
	start    time.Time
	requests sync.Map // reqKey → *atomic.Uint64
	latency  sync.Map // reqKey → *histogram
	checks   sync.Map // verdict → *atomic.Uint64
	builds   atomic.Uint64
	inflight atomic.Int64
}

func newMetrics() *metrics { return &metrics{start: time.Now()} }

func (m *metrics) request(route string, code int, d time.Duration) {
	c, ok := m.requests.Load(reqKey{route, code})
	if !ok {
		c, _ = m.requests.LoadOrStore(reqKey{route, code}, new(atomic.Uint64))
	}
	c.(*atomic.Uint64).Add(1)
	h, ok := m.latency.Load(reqKey{route, code})
	if !ok {
		h, _ = m.latency.LoadOrStore(reqKey{route, code}, new(histogram))
	}
	h.(*histogram).observe(d)
}

func (m *metrics) check(verdict string) {
	c, ok := m.checks.Load(verdict)
	if !ok {
		c, _ = m.checks.LoadOrStore(verdict, new(atomic.Uint64))
	}
	c.(*atomic.Uint64).Add(1)
}

func label(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func fmtFloat(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// ServeHTTP writes the metrics.
func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	bw := bufio.NewWriter(w)
	m.write(bw)
	bw.Flush()
}

func (m *metrics) write(w io.Writer) {
	type line struct {
		key string
		val uint64
	}
	var reqs []line
	m.requests.Range(func(k, v any) bool {
		rk := k.(reqKey)
		reqs = append(reqs, line{fmt.Sprintf(`route="%s",code="%d"`, label(rk.route), rk.code), v.(*atomic.Uint64).Load()})
		return true
	})
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].key < reqs[j].key })
	fmt.Fprintln(w, "# HELP scrubs_http_requests_total HTTP requests by route and status code.")
	fmt.Fprintln(w, "# TYPE scrubs_http_requests_total counter")
	for _, l := range reqs {
		fmt.Fprintf(w, "scrubs_http_requests_total{%s} %d\n", l.key, l.val)
	}
	var keys []reqKey
	m.latency.Range(func(k, _ any) bool { keys = append(keys, k.(reqKey)); return true })
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].code < keys[j].code
	})
	fmt.Fprintln(w, "# HELP scrubs_http_request_duration_seconds HTTP request latency by route and status code.")
	fmt.Fprintln(w, "# TYPE scrubs_http_request_duration_seconds histogram")
	for _, k := range keys {
		v, _ := m.latency.Load(k)
		h := v.(*histogram)
		lbl := fmt.Sprintf(`route="%s",code="%d"`, label(k.route), k.code)
		var cum uint64
		for i := range h.counts {
			cum += h.counts[i].Load()
			le := math.Inf(1)
			if i < len(latencyBuckets) {
				le = latencyBuckets[i]
			}
			fmt.Fprintf(w, "scrubs_http_request_duration_seconds_bucket{%s,le=\"%s\"} %d\n", lbl, fmtFloat(le), cum)
		}
		fmt.Fprintf(w, "scrubs_http_request_duration_seconds_sum{%s} %s\n", lbl, fmtFloat(float64(h.sumNs.Load())/1e9))
		fmt.Fprintf(w, "scrubs_http_request_duration_seconds_count{%s} %d\n", lbl, cum)
	}
	var verdicts []line
	m.checks.Range(func(k, v any) bool {
		verdicts = append(verdicts, line{k.(string), v.(*atomic.Uint64).Load()})
		return true
	})
	sort.Slice(verdicts, func(i, j int) bool { return verdicts[i].key < verdicts[j].key })
	fmt.Fprintln(w, "# HELP scrubs_checks_total Posts checked, by verdict.")
	fmt.Fprintln(w, "# TYPE scrubs_checks_total counter")
	for _, l := range verdicts {
		fmt.Fprintf(w, "scrubs_checks_total{verdict=\"%s\"} %d\n", label(l.key), l.val)
	}
	fmt.Fprintln(w, "# HELP scrubs_checker_builds_total Checkers built (cache misses).")
	fmt.Fprintln(w, "# TYPE scrubs_checker_builds_total counter")
	fmt.Fprintf(w, "scrubs_checker_builds_total %d\n", m.builds.Load())
	fmt.Fprintln(w, "# HELP scrubs_http_requests_in_flight Requests being served.")
	fmt.Fprintln(w, "# TYPE scrubs_http_requests_in_flight gauge")
	fmt.Fprintf(w, "scrubs_http_requests_in_flight %d\n", m.inflight.Load())
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintln(w, "# HELP go_goroutines Number of goroutines.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintln(w, "# HELP go_memstats_heap_alloc_bytes Heap bytes allocated and in use.")
	fmt.Fprintln(w, "# TYPE go_memstats_heap_alloc_bytes gauge")
	fmt.Fprintf(w, "go_memstats_heap_alloc_bytes %d\n", ms.HeapAlloc)
	if rss := residentBytes(); rss > 0 {
		fmt.Fprintln(w, "# HELP process_resident_memory_bytes Resident memory size in bytes.")
		fmt.Fprintln(w, "# TYPE process_resident_memory_bytes gauge")
		fmt.Fprintf(w, "process_resident_memory_bytes %d\n", rss)
	}
	fmt.Fprintln(w, "# HELP process_start_time_seconds Start time of the process since the Unix epoch.")
	fmt.Fprintln(w, "# TYPE process_start_time_seconds gauge")
	fmt.Fprintf(w, "process_start_time_seconds %d\n", m.start.Unix())
}

// residentBytes reads the resident set size from /proc (Linux); 0 elsewhere.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}
