package server_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/scrubshq/scrubs/internal/store/storetest"
)

// TestMetrics sends requests, then reads GET /metrics with the Prometheus
// text parser: the names, help texts, labels and counts dashboards rely on,
// and no post text or raw path in any label.
func TestMetrics(t *testing.T) {
	e := newEnv(t, storetest.DBs(t)[0])
	const marker = "zqxmetricsmarker"
	verdicts := map[string]float64{}
	posts := []string{blockPost, "Third night shift in a row, send coffee " + marker, blockPost, "Lovely sunny day for a walk " + marker, blockPost}
	for _, p := range posts {
		body, _ := json.Marshal(map[string]string{"text": p, "locale": "uk", "role": "nurse"})
		status, _, raw := e.do(t, "POST", "/v1/check", js, string(body), "")
		if status != 200 {
			t.Fatalf("check: %d %s", status, raw)
		}
		verdicts[decodeJSON(t, raw)["verdict"].(string)]++
	}
	if verdicts["block"] != 3 {
		t.Fatalf("verdicts = %v, want 3 block", verdicts)
	}
	if status, _, _ := e.do(t, "POST", "/v1/check", js, `{"text":"`+marker, ""); status != 400 {
		t.Fatalf("bad JSON: %d", status)
	}
	if status, _, _ := e.do(t, "GET", "/v1/"+marker, "", "", ""); status != 404 {
		t.Fatalf("unknown path: %d", status)
	}

	status, h, raw := e.do(t, "GET", "/metrics", "", "", "")
	if status != 200 {
		t.Fatalf("GET /metrics: %d", status)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
	if cc := h.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	if strings.Contains(string(raw), marker) {
		t.Fatalf("the marker is in the metrics:\n%s", raw)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatalf("parsing the metrics: %v\n%s", err, raw)
	}

	want := []struct {
		name, help string
		typ        dto.MetricType
		labels     []string
	}{
		{"scrubs_http_requests_total", "HTTP requests by route and status code.", dto.MetricType_COUNTER, []string{"code", "route"}},
		{"scrubs_http_request_duration_seconds", "HTTP request latency by route and status code.", dto.MetricType_HISTOGRAM, []string{"code", "route"}},
		{"scrubs_checks_total", "Posts checked, by verdict.", dto.MetricType_COUNTER, []string{"verdict"}},
		{"scrubs_checker_builds_total", "Checkers built (cache misses).", dto.MetricType_COUNTER, nil},
		{"scrubs_http_requests_in_flight", "Requests being served.", dto.MetricType_GAUGE, nil},
		{"go_goroutines", "", dto.MetricType_GAUGE, nil},
		{"go_memstats_heap_alloc_bytes", "", dto.MetricType_GAUGE, nil},
		{"process_start_time_seconds", "", dto.MetricType_GAUGE, nil},
	}
	if runtime.GOOS == "linux" {
		want = append(want, struct {
			name, help string
			typ        dto.MetricType
			labels     []string
		}{"process_resident_memory_bytes", "", dto.MetricType_GAUGE, nil})
	}
	for _, w := range want {
		f := fams[w.name]
		if f == nil {
			t.Errorf("no %s", w.name)
			continue
		}
		if w.help != "" && f.GetHelp() != w.help {
			t.Errorf("%s help %q, want %q", w.name, f.GetHelp(), w.help)
		}
		if f.GetType() != w.typ {
			t.Errorf("%s type %v, want %v", w.name, f.GetType(), w.typ)
		}
		for _, m := range f.GetMetric() {
			var names []string
			for _, l := range m.GetLabel() {
				names = append(names, l.GetName())
			}
			if !slices.Equal(names, w.labels) {
				t.Errorf("%s labels %v, want %v", w.name, names, w.labels)
			}
		}
	}

	// Every label value of every metric is a route pattern, code or verdict.
	for name, f := range fams {
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				v := l.GetValue()
				if strings.Contains(v, marker) {
					t.Errorf("%s{%s=%q} holds the marker", name, l.GetName(), v)
				}
				if l.GetName() == "route" && strings.HasPrefix(v, "/") {
					t.Errorf("%s{route=%q} is a raw path", name, v)
				}
			}
		}
	}

	counter := func(name string, labels ...string) float64 {
		t.Helper()
		for _, m := range fams[name].GetMetric() {
			if labelsAre(m, labels) {
				return m.GetCounter().GetValue()
			}
		}
		t.Errorf("no %s%v", name, labels)
		return -1
	}
	if n := counter("scrubs_http_requests_total", "code", "200", "route", "POST /v1/check"); n != 5 {
		t.Errorf("POST /v1/check 200 requests = %v, want 5", n)
	}
	if n := counter("scrubs_http_requests_total", "code", "400", "route", "POST /v1/check"); n != 1 {
		t.Errorf("POST /v1/check 400 requests = %v, want 1", n)
	}
	if n := counter("scrubs_http_requests_total", "code", "404", "route", "unmatched"); n != 1 {
		t.Errorf("unmatched 404 requests = %v, want 1", n)
	}
	for v, n := range verdicts {
		if got := counter("scrubs_checks_total", "verdict", v); got != n {
			t.Errorf("scrubs_checks_total{verdict=%q} = %v, want %v", v, got, n)
		}
	}
	if n := fams["scrubs_checker_builds_total"].GetMetric()[0].GetCounter().GetValue(); n < 1 {
		t.Errorf("checker builds = %v, want at least 1", n)
	}
	// The scrape itself is in flight.
	if n := fams["scrubs_http_requests_in_flight"].GetMetric()[0].GetGauge().GetValue(); n != 1 {
		t.Errorf("requests in flight = %v, want 1", n)
	}

	var hist *dto.Histogram
	for _, m := range fams["scrubs_http_request_duration_seconds"].GetMetric() {
		if labelsAre(m, []string{"code", "200", "route", "POST /v1/check"}) {
			hist = m.GetHistogram()
		}
	}
	if hist == nil {
		t.Fatal("no latency histogram for POST /v1/check 200")
	}
	if hist.GetSampleCount() != 5 || hist.GetSampleSum() <= 0 {
		t.Errorf("latency histogram count %d, sum %v; want 5 and > 0", hist.GetSampleCount(), hist.GetSampleSum())
	}
	var bounds []string
	for _, b := range hist.GetBucket() {
		bounds = append(bounds, fmt.Sprint(b.GetUpperBound()))
	}
	if got, want := strings.Join(bounds, " "), "0.0005 0.001 0.0025 0.005 0.01 0.025 0.05 0.1 0.25 0.5 1 2.5 5 10 +Inf"; got != want {
		t.Errorf("latency buckets %s, want %s", got, want)
	}
	if last := hist.GetBucket()[len(hist.GetBucket())-1]; last.GetCumulativeCount() != 5 {
		t.Errorf("requests in the +Inf bucket = %d, want 5", last.GetCumulativeCount())
	}

	// The server has a registry of its own: nothing in the global one.
	global, err := prometheus.DefaultGatherer.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range global {
		if strings.HasPrefix(f.GetName(), "scrubs_") {
			t.Errorf("%s is in the default registry", f.GetName())
		}
	}
}

// labelsAre reports whether m's labels are exactly the name, value pairs kv.
func labelsAre(m *dto.Metric, kv []string) bool {
	ls := m.GetLabel()
	if len(ls)*2 != len(kv) {
		return false
	}
	for i, l := range ls {
		if l.GetName() != kv[2*i] || l.GetValue() != kv[2*i+1] {
			return false
		}
	}
	return true
}
