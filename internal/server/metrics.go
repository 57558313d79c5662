package server

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/scrubshq/scrubs/internal/result"
)

// The metrics are kept with client_golang in a registry of the server's own
// (not prometheus.DefaultRegisterer, so two servers in one process, as in the
// tests, do not collide) and written by promhttp. Labels are routes (mux
// patterns such as "POST /v1/check", or "web" and "unmatched"), status codes
// and verdicts: never anything from a request's body or path.

// latencyBuckets are the upper bounds, in seconds, of the latency histogram.
var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// reqKey is one route and status code.
type reqKey struct {
	route string
	code  int
}

// reqSeries are the request counter and latency histogram of one reqKey,
// looked up once so that a request does not hash its labels again.
type reqSeries struct {
	count   prometheus.Counter
	latency prometheus.Observer
}

type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	checks   *prometheus.CounterVec
	builds   prometheus.Counter
	inflight prometheus.Gauge
	series   sync.Map // reqKey → *reqSeries
	handler  http.Handler
}

func newMetrics() *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scrubs_http_requests_total",
			Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "scrubs_http_request_duration_seconds",
			Help:    "HTTP request latency by route and status code.",
			Buckets: latencyBuckets,
		}, []string{"route", "code"}),
		checks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scrubs_checks_total",
			Help: "Posts checked, by verdict.",
		}, []string{"verdict"}),
		builds: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "scrubs_checker_builds_total",
			Help: "Checkers built (cache misses).",
		}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "scrubs_http_requests_in_flight",
			Help: "Requests being served.",
		}),
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(m.requests, m.latency, m.checks, m.builds, m.inflight,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return m
}

// request counts a request answered with code after d.
func (m *metrics) request(route string, code int, d time.Duration) {
	k := reqKey{route, code}
	v, ok := m.series.Load(k)
	if !ok {
		c := strconv.Itoa(code)
		v, _ = m.series.LoadOrStore(k, &reqSeries{
			count:   m.requests.WithLabelValues(route, c),
			latency: m.latency.WithLabelValues(route, c),
		})
	}
	rs := v.(*reqSeries)
	rs.count.Inc()
	rs.latency.Observe(d.Seconds())
}

// check counts a post checked. Only the known verdicts are used as labels.
func (m *metrics) check(verdict string) {
	switch result.Verdict(verdict) {
	case result.Safe, result.Review, result.Block:
	default:
		verdict = "other"
	}
	m.checks.WithLabelValues(verdict).Inc()
}

// ServeHTTP writes the metrics in the Prometheus text format.
func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	m.handler.ServeHTTP(w, r)
}
