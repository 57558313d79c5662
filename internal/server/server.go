// Package server is the HTTP API of `scrubs serve`: checks, redaction and
// rules under /v1 (described by the OpenAPI document at /v1/openapi.json),
// the organisation's settings, "not a problem" list and counts behind an API
// key, health and readiness probes, and Prometheus metrics.
//
// Post text is never written to the store or to logs: a request is logged
// by method, route, status, duration and size only.
package server

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/store"
)

//go:embed openapi.json
var openAPIDoc []byte

// Defaults of Config.
const (
	DefaultMaxBodyBytes    = 1 << 20
	DefaultMaxBatchItems   = 100
	DefaultRequestTimeout  = 10 * time.Second
	DefaultRefreshInterval = 5 * time.Second
	DefaultFlushInterval   = 10 * time.Second
	DefaultCacheSize       = 32
)

// Config configures a Server. Only Store is required.
type Config struct {
	// Store keeps the settings, keys, "not a problem" list and counts. The
	// caller opens and closes it.
	Store *store.Store
	// Logger gets one line per request (method, route, status, duration,
	// bytes) and errors; nil logs to stderr.
	Logger *slog.Logger
	// Web, when set, serves every path outside /v1 and the probes (the web UI).
	Web http.Handler
	// MaxBodyBytes bounds a request body (default 1 MiB; larger is 413).
	MaxBodyBytes int64
	// MaxImageBytes bounds a picture sent to /v1/check/image or
	// /v1/redact/image (default 20 MiB; larger is 413).
	MaxImageBytes int64
	// MaxBatchItems bounds the items of POST /v1/check/batch (default 100).
	MaxBatchItems int
	// RequestTimeout bounds the work on one request (default 10 s).
	RequestTimeout time.Duration
	// RefreshInterval is how often the settings' revision is read to notice
	// changes made through other replicas (default 5 s).
	RefreshInterval time.Duration
	// FlushInterval is how often the counts are written (default 10 s).
	FlushInterval time.Duration
	// RulesOnly judges by the rule packs alone, without the post model's
	// second opinion (rule MODEL-001; scrubs.Options.NoPostModel).
	RulesOnly bool
	// CacheSize is how many checkers (one per locale, role, packs and
	// organisation config) are kept (default 32).
	CacheSize int
	// QuietRequests leaves out the per-request log line (errors are still
	// logged).
	QuietRequests bool
}

// Server is the HTTP API. It is an http.Handler, safe for concurrent use.
type Server struct {
	cfg     Config
	log     *slog.Logger
	store   *store.Store
	api     *http.ServeMux
	routes  []route
	metrics *metrics
	cache   *checkerCache
	tally   *store.Tally
	dir     string

	org    atomic.Pointer[orgState]
	orgMu  sync.Mutex
	ready  atomic.Bool
	stop   chan struct{}
	loop   sync.WaitGroup
	closed sync.Once
}

// orgState is the organisation's settings and list as last read.
type orgState struct {
	settings store.Settings
	ignore   map[string]bool
}

// route is one endpoint.
type route struct {
	method, path string
	auth         bool
	h            http.HandlerFunc
}

func (r route) pattern() string { return r.method + " " + r.path }

// New returns a server on cfg.Store. It loads the rule packs and the
// organisation's settings, and starts the background refresh of settings
// and the writing of counts; Close stops them.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxBatchItems <= 0 {
		cfg.MaxBatchItems = DefaultMaxBatchItems
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.RefreshInterval <= 0 {
		cfg.RefreshInterval = DefaultRefreshInterval
	}
	if cfg.FlushInterval <= 0 {
		cfg.FlushInterval = DefaultFlushInterval
	}
	if cfg.CacheSize <= 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	dir, err := os.MkdirTemp("", "scrubs-serve-")
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, store: cfg.Store, metrics: newMetrics(), tally: store.NewTally(), dir: dir, stop: make(chan struct{})}
	s.cache = newCheckerCache(cfg.CacheSize, dir, func() { s.metrics.builds.Add(1) })
	s.cache.rulesOnly = cfg.RulesOnly
	if _, err := scrubs.New(scrubs.Options{}); err != nil { // loads the embedded packs
		os.RemoveAll(dir)
		return nil, fmt.Errorf("loading the rule packs: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.reloadOrg(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("reading the organisation's settings: %w", err)
	}
	if _, err := s.cache.get(s.defaultProfile(s.org.Load())); err != nil {
		s.log.Warn("the organisation's default packs do not build", "error", s.cleanErr(err))
	}
	s.routes = []route{
		{"GET", "/healthz", false, s.healthz},
		{"GET", "/readyz", false, s.readyz},
		{"GET", "/metrics", false, s.metrics.ServeHTTP},
		{"GET", "/v1/openapi.json", false, s.openapi},
		{"POST", "/v1/check", false, s.check},
		{"POST", "/v1/check/batch", false, s.checkBatch},
		{"POST", "/v1/redact", false, s.redact},
		{"POST", "/v1/check/image", false, s.checkImage},
		{"POST", "/v1/redact/image", false, s.redactImage},
		{"GET", "/v1/training/scenarios", false, s.trainingScenarios},
		{"GET", "/v1/config", false, s.publicConfig},
		{"GET", "/v1/rules", false, s.rules},
		{"GET", "/v1/rules/{id}", false, s.rule},
		{"GET", "/v1/org/settings", true, s.getSettings},
		{"PUT", "/v1/org/settings", true, s.putSettings},
		{"GET", "/v1/org/ignore", true, s.getIgnore},
		{"POST", "/v1/org/ignore", true, s.addIgnore},
		{"DELETE", "/v1/org/ignore/{fingerprint}", true, s.deleteIgnore},
		{"GET", "/v1/org/stats", true, s.stats},
	}
	s.api = http.NewServeMux()
	for _, rt := range s.routes {
		h := rt.h
		if rt.auth {
			h = s.authed(h)
		}
		s.api.Handle(rt.pattern(), h)
	}
	s.ready.Store(true)
	s.loop.Add(1)
	go s.background()
	return s, nil
}

// Routes returns the patterns ("METHOD /path") the server answers.
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, r := range s.routes {
		out[i] = r.pattern()
	}
	return out
}

// Close stops the background work, writes the counts not yet written and
// removes the server's temporary files. It does not close the store.
func (s *Server) Close(ctx context.Context) error {
	var err error
	s.closed.Do(func() {
		s.ready.Store(false)
		close(s.stop)
		s.loop.Wait()
		err = s.tally.Flush(ctx, s.store)
		os.RemoveAll(s.dir)
	})
	return err
}

// background reloads the organisation's state when another replica changed
// it, and writes the counts.
func (s *Server) background() {
	defer s.loop.Done()
	refresh := time.NewTicker(s.cfg.RefreshInterval)
	flush := time.NewTicker(s.cfg.FlushInterval)
	defer refresh.Stop()
	defer flush.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-refresh.C:
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			rev, err := s.store.Revision(ctx)
			if err == nil && rev != s.org.Load().settings.Revision {
				err = s.reloadOrg(ctx)
			}
			cancel()
			if err != nil {
				s.log.Warn("refreshing the organisation's settings", "error", err)
			}
		case <-flush.C:
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			if err := s.tally.Flush(ctx, s.store); err != nil {
				s.log.Warn("writing counts", "error", err)
			}
			cancel()
		}
	}
}

// reloadOrg reads the organisation's settings and list from the store.
func (s *Server) reloadOrg(ctx context.Context) error {
	s.orgMu.Lock()
	defer s.orgMu.Unlock()
	st, err := s.store.Settings(ctx)
	if err != nil {
		return err
	}
	list, err := s.store.IgnoreList(ctx)
	if err != nil {
		return err
	}
	o := &orgState{settings: st, ignore: make(map[string]bool, len(list))}
	for _, ig := range list {
		o.ignore[ig.Fingerprint] = true
	}
	if cur := s.org.Load(); cur == nil || cur.settings.Revision <= st.Revision {
		s.org.Store(o)
	}
	return nil
}

// cleanErr removes the server's temporary directory from an error, so a
// config error reads "config:3: …".
func (s *Server) cleanErr(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, s.dir+string(os.PathSeparator)); i >= 0 {
		rest := msg[i+len(s.dir)+1:]
		j := strings.IndexAny(rest, ":\" ")
		if j < 0 {
			j = len(rest)
		}
		msg = msg[:i] + "config" + rest[j:]
	}
	return msg
}

// isAPIPath reports whether path belongs to the API rather than the web UI.
func isAPIPath(p string) bool {
	return p == "/v1" || strings.HasPrefix(p, "/v1/") || p == "/healthz" || p == "/readyz" || p == "/metrics"
}

// respWriter records the status and size of a response.
type respWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *respWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *respWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *respWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// probeWriter captures what the mux's own 404 and 405 handlers would write.
type probeWriter struct {
	h      http.Header
	status int
}

func (p *probeWriter) Header() http.Header         { return p.h }
func (p *probeWriter) Write(b []byte) (int, error) { return len(b), nil }
func (p *probeWriter) WriteHeader(code int)        { p.status = code }

// knownMethods are the methods logged by name; others are logged as OTHER.
var knownMethods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "OPTIONS": true}

// ServeHTTP answers a request: an API route, the web UI, or a problem.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.inflight.Add(1)
	rw := &respWriter{ResponseWriter: w}
	route := "unmatched"
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic serving a request", "route", route, "panic", fmt.Sprint(v))
			if rw.status == 0 {
				writeProblem(rw, http.StatusInternalServerError, probInternal, "")
			}
		}
		d := time.Since(start)
		s.metrics.inflight.Add(-1)
		if rw.status == 0 {
			rw.status = http.StatusOK
		}
		s.metrics.request(route, rw.status, d)
		if !s.cfg.QuietRequests {
			method := r.Method
			if !knownMethods[method] {
				method = "OTHER"
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", slog.String("method", method), slog.String("route", route),
				slog.Int("status", rw.status), slog.Float64("ms", float64(d.Microseconds())/1000), slog.Int64("bytes", rw.bytes))
		}
	}()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !isAPIPath(r.URL.Path) {
		if s.cfg.Web != nil {
			route = "web"
			s.cfg.Web.ServeHTTP(rw, r)
			return
		}
		writeProblem(rw, http.StatusNotFound, probNotFound, "no such route")
		return
	}
	h, pattern := s.api.Handler(r)
	if pattern == "" {
		pw := &probeWriter{h: http.Header{}}
		h.ServeHTTP(pw, r)
		if pw.status == http.StatusMethodNotAllowed {
			rw.Header().Set("Allow", pw.h.Get("Allow"))
			writeProblem(rw, http.StatusMethodNotAllowed, probMethod, "allowed: "+pw.h.Get("Allow"))
			return
		}
		writeProblem(rw, http.StatusNotFound, probNotFound, "no such route")
		return
	}
	route = pattern
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	s.api.ServeHTTP(rw, r.WithContext(ctx))
}

// authed requires an API key: none is 401, a wrong or revoked one 403.
func (s *Server) authed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		authz := r.Header.Get("Authorization")
		scheme, key, _ := strings.Cut(authz, " ")
		if authz == "" || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(key) == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="scrubs"`)
			writeProblem(w, http.StatusUnauthorized, probUnauthorized, "this endpoint needs an API key: Authorization: Bearer KEY (make one with `scrubs admin create-key`)")
			return
		}
		_, err := s.store.VerifyKey(r.Context(), strings.TrimSpace(key))
		switch {
		case errors.Is(err, store.ErrNoKey):
			writeProblem(w, http.StatusForbidden, probForbidden, "the API key is not valid")
			return
		case errors.Is(err, store.ErrRevoked):
			writeProblem(w, http.StatusForbidden, probForbidden, "the API key was revoked")
			return
		case err != nil:
			s.storeError(w, err)
			return
		}
		h(w, r)
	}
}

// storeError answers a failure of the store.
func (s *Server) storeError(w http.ResponseWriter, err error) {
	if errors.Is(err, context.DeadlineExceeded) {
		writeProblem(w, http.StatusServiceUnavailable, probTimeout, "the request took too long")
		return
	}
	s.log.Error("store", "error", err)
	writeProblem(w, http.StatusServiceUnavailable, probUnavailable, "the database is not available")
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeJSON writes v as JSON, with HTML characters unescaped like the CLI.
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		writeProblem(w, http.StatusInternalServerError, probInternal, "encoding the response")
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// decode reads a JSON request body into v, answering 415, 413 or 400
// itself when it cannot (and returning false).
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	ct := r.Header.Get("Content-Type")
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	if mt != "application/json" && !(strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
		writeProblem(w, http.StatusUnsupportedMediaType, probContentType, "send the body as application/json")
		return false
	}
	if r.ContentLength > s.cfg.MaxBodyBytes {
		writeProblem(w, http.StatusRequestEntityTooLarge, probTooLarge, fmt.Sprintf("the body is larger than %d bytes", s.cfg.MaxBodyBytes))
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("data after the JSON object")
		}
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeProblem(w, http.StatusRequestEntityTooLarge, probTooLarge, fmt.Sprintf("the body is larger than %d bytes", s.cfg.MaxBodyBytes))
			return false
		}
		if errors.Is(err, io.EOF) {
			err = errors.New("empty body")
		}
		writeProblem(w, http.StatusBadRequest, probBadJSON, "the body is not valid JSON for this endpoint: "+strings.TrimPrefix(err.Error(), "json: "))
		return false
	}
	return true
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if !s.ready.Load() {
		writeProblem(w, http.StatusServiceUnavailable, probUnavailable, "shutting down")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("readiness: database", "error", err)
		writeProblem(w, http.StatusServiceUnavailable, probUnavailable, "the database is not reachable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "database": string(s.store.Kind())})
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(openAPIDoc)))
	w.Write(openAPIDoc)
}
