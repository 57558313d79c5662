package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/server"
	"github.com/scrubshq/scrubs/internal/store"
	"github.com/scrubshq/scrubs/internal/store/storetest"
)

// blockPost raises CONF-001 (block) with the uk nurse packs.
const blockPost = "Lovely Mrs Doreen Hargreaves in bay 3 turned 94 today, she was so pleased with her cake"

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// env is a running server on one database.
type env struct {
	db      storetest.DB
	st      *store.Store
	srv     *server.Server
	ts      *httptest.Server
	log     *syncBuffer
	key     string
	revoked string
}

func newEnv(t *testing.T, db storetest.DB) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{db: db, st: st, log: &syncBuffer{}}
	if e.key, _, err = st.CreateKey(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	var k store.Key
	if e.revoked, k, err = st.CreateKey(ctx, "old"); err != nil {
		t.Fatal(err)
	}
	if err := st.RevokeKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!doctype html><title>scrubs</title>")
	})
	e.srv, err = server.New(server.Config{Store: st, Logger: slog.New(slog.NewTextHandler(e.log, nil)), Web: web,
		RefreshInterval: 50 * time.Millisecond, FlushInterval: 50 * time.Millisecond, MaxBatchItems: 5})
	if err != nil {
		t.Fatal(err)
	}
	e.ts = httptest.NewServer(e.srv)
	t.Cleanup(e.close)
	return e
}

func (e *env) close() {
	if e.ts == nil {
		return
	}
	e.ts.Close()
	e.srv.Close(context.Background())
	e.st.Close()
	e.ts = nil
}

// do sends a request; auth is "", "good", "wrong" or "revoked".
func (e *env) do(t *testing.T, method, path, ctype, body, auth string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, e.ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	switch auth {
	case "good":
		req.Header.Set("Authorization", "Bearer "+e.key)
	case "wrong":
		req.Header.Set("Authorization", "Bearer "+e.key[:len(e.key)-4]+"aaaa")
	case "revoked":
		req.Header.Set("Authorization", "Bearer "+e.revoked)
	case "basic":
		req.Header.Set("Authorization", "Basic dXNlcjpwYXNz")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// expectedJSON is what `scrubs check --format json` prints for post.
func expectedJSON(t *testing.T, opts scrubs.Options, post string) any {
	t.Helper()
	c, err := scrubs.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(context.Background(), post)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func decodeJSON(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v: %.300s", err, b)
	}
	return v
}

const js = "application/json"

func TestEndpoints(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			e := newEnv(t, db)
			// a fingerprint and a rule id to use below
			_, _, b := e.do(t, "POST", "/v1/check", js, `{"text":"`+blockPost+`","locale":"uk","role":"nurse"}`, "")
			first := decodeJSON(t, b)
			risks, _ := first["risks"].([]any)
			if len(risks) == 0 {
				t.Fatalf("no risks for the block post: %s", b)
			}
			fp := risks[0].(map[string]any)["fingerprint"].(string)
			rule := risks[0].(map[string]any)["rule"].(string)
			huge := `{"text":"` + strings.Repeat("a", server.DefaultMaxBodyBytes) + `"}`

			tests := []struct {
				name, method, path, ctype, body, auth string
				want                                  int
				check                                 func(t *testing.T, v map[string]any, raw []byte)
			}{
				{name: "healthz", method: "GET", path: "/healthz", want: 200},
				{name: "readyz", method: "GET", path: "/readyz", want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					if v["database"] != db.Name {
						t.Errorf("database = %v, want %s", v["database"], db.Name)
					}
				}},
				{name: "openapi", method: "GET", path: "/v1/openapi.json", want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					if v["openapi"] != "3.1.0" {
						t.Errorf("openapi = %v", v["openapi"])
					}
				}},
				{name: "check equals the CLI's JSON", method: "POST", path: "/v1/check", ctype: js,
					body: `{"text":"` + blockPost + `","locale":"uk","role":"nurse"}`, want: 200,
					check: func(t *testing.T, _ map[string]any, raw []byte) {
						var got any
						json.Unmarshal(raw, &got)
						if want := expectedJSON(t, scrubs.Options{Locale: "uk", Role: "nurse"}, blockPost); !reflect.DeepEqual(got, want) {
							t.Errorf("API result differs from the CLI's:\n got %s", raw)
						}
					}},
				{name: "check safe post, charset", method: "POST", path: "/v1/check", ctype: "application/json; charset=utf-8",
					body: `{"text":"Lovely sunny day for a walk"}`, want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
						if v["verdict"] != "safe" {
							t.Errorf("verdict = %v", v["verdict"])
						}
					}},
				{name: "check with ignore", method: "POST", path: "/v1/check", ctype: js,
					body: `{"text":"` + blockPost + `","locale":"uk","role":"nurse","ignore":["` + fp + `"]}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						if v["ignored"] != 1.0 {
							t.Errorf("ignored = %v, want 1", v["ignored"])
						}
						for _, r := range v["risks"].([]any) {
							if r.(map[string]any)["fingerprint"] == fp {
								t.Error("the ignored risk is still there")
							}
						}
					}},
				{name: "check bad JSON", method: "POST", path: "/v1/check", ctype: js, body: `{"text":`, want: 400},
				{name: "check empty body", method: "POST", path: "/v1/check", ctype: js, body: ``, want: 400},
				{name: "check trailing data", method: "POST", path: "/v1/check", ctype: js, body: `{"text":"a"} {}`, want: 400},
				{name: "check unknown field", method: "POST", path: "/v1/check", ctype: js, body: `{"txt":"a"}`, want: 400},
				{name: "check wrong type", method: "POST", path: "/v1/check", ctype: js, body: `{"text":5}`, want: 400},
				{name: "check no text", method: "POST", path: "/v1/check", ctype: js, body: `{"locale":"uk"}`, want: 422},
				{name: "check wrong content type", method: "POST", path: "/v1/check", ctype: "text/plain", body: `{"text":"a"}`, want: 415},
				{name: "check no content type", method: "POST", path: "/v1/check", body: `{"text":"a"}`, want: 415},
				{name: "check oversize", method: "POST", path: "/v1/check", ctype: js, body: huge, want: 413},
				{name: "check unknown locale", method: "POST", path: "/v1/check", ctype: js, body: `{"text":"a","locale":"zz"}`, want: 422},
				{name: "check unknown pack", method: "POST", path: "/v1/check", ctype: js, body: `{"text":"a","packs":["nope"]}`, want: 422},
				{name: "check bad fingerprint", method: "POST", path: "/v1/check", ctype: js, body: `{"text":"a","ignore":["x"]}`, want: 422},
				{name: "check wrong method", method: "GET", path: "/v1/check", want: 405},
				{name: "batch", method: "POST", path: "/v1/check/batch", ctype: js,
					body: `{"locale":"uk","items":[{"id":1,"text":"` + blockPost + `"},{"id":"b","text":"nice walk","locale":"us"}]}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						rs := v["results"].([]any)
						if len(rs) != 2 || rs[0].(map[string]any)["id"] != 1.0 || rs[1].(map[string]any)["id"] != "b" {
							t.Fatalf("results = %v", rs)
						}
						if rs[0].(map[string]any)["verdict"] != "block" || rs[1].(map[string]any)["verdict"] != "safe" {
							t.Errorf("verdicts = %v, %v", rs[0].(map[string]any)["verdict"], rs[1].(map[string]any)["verdict"])
						}
					}},
				// five items, two profiles in turn: grouped by checker for CheckBatch,
				// answered in the items' order
				{name: "batch order", method: "POST", path: "/v1/check/batch", ctype: js,
					body: `{"locale":"uk","items":[{"id":1,"text":"nice walk"},{"id":2,"text":"` + blockPost + `","locale":"us"},{"id":3,"text":"` + blockPost + `"},{"id":4,"text":"nice walk","locale":"us"},{"id":5,"text":"` + blockPost + `"}]}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						rs := v["results"].([]any)
						want := []string{"safe", "block", "block", "safe", "block"}
						if len(rs) != len(want) {
							t.Fatalf("results = %v", rs)
						}
						for i, r := range rs {
							m := r.(map[string]any)
							if m["id"] != float64(i+1) || m["verdict"] != want[i] {
								t.Errorf("result %d = id %v verdict %v, want id %d verdict %s", i, m["id"], m["verdict"], i+1, want[i])
							}
						}
					}},
				{name: "batch too many", method: "POST", path: "/v1/check/batch", ctype: js,
					body: `{"items":[{"text":"a"},{"text":"a"},{"text":"a"},{"text":"a"},{"text":"a"},{"text":"a"}]}`, want: 422},
				{name: "batch no items", method: "POST", path: "/v1/check/batch", ctype: js, body: `{}`, want: 422},
				{name: "batch item without text", method: "POST", path: "/v1/check/batch", ctype: js, body: `{"items":[{"id":1}]}`, want: 422},
				{name: "batch bad JSON", method: "POST", path: "/v1/check/batch", ctype: js, body: `{"items":[`, want: 400},
				{name: "batch wrong content type", method: "POST", path: "/v1/check/batch", ctype: "text/csv", body: `a`, want: 415},
				{name: "redact", method: "POST", path: "/v1/redact", ctype: js, body: `{"text":"` + blockPost + `","operator":"placeholder"}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						if v["text"] == blockPost || len(v["changes"].([]any)) == 0 || v["result"] == nil || v["before"] == nil {
							t.Errorf("redaction = %v", v)
						}
						if strings.Contains(v["text"].(string), "Hargreaves") {
							t.Errorf("the name is still in %q", v["text"])
						}
					}},
				{name: "redact bad operator", method: "POST", path: "/v1/redact", ctype: js, body: `{"text":"a","operator":"shred"}`, want: 422},
				{name: "redact bad JSON", method: "POST", path: "/v1/redact", ctype: js, body: `[`, want: 400},
				{name: "redact oversize", method: "POST", path: "/v1/redact", ctype: js, body: huge, want: 413},
				{name: "rules", method: "GET", path: "/v1/rules?locale=uk&role=nurse", want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					if len(v["rules"].([]any)) == 0 || !slices.Contains(v["packs"].([]any), any("core")) {
						t.Errorf("rules = %.200v", v)
					}
				}},
				{name: "rules unknown role", method: "GET", path: "/v1/rules?role=wizard", want: 422},
				{name: "rule", method: "GET", path: "/v1/rules/" + strings.ToLower(rule), want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					if v["id"] != rule || v["examples"] == nil || v["fix"] == "" {
						t.Errorf("rule = %v", v)
					}
				}},
				{name: "rule unknown", method: "GET", path: "/v1/rules/NOPE-999", want: 404},
				{name: "unknown route", method: "GET", path: "/v1/nope", want: 404},
				{name: "web page", method: "GET", path: "/", want: 200},
				{name: "settings no key", method: "GET", path: "/v1/org/settings", want: 401},
				{name: "settings basic auth", method: "GET", path: "/v1/org/settings", auth: "basic", want: 401},
				{name: "settings wrong key", method: "GET", path: "/v1/org/settings", auth: "wrong", want: 403},
				{name: "settings revoked key", method: "GET", path: "/v1/org/settings", auth: "revoked", want: 403},
				{name: "settings", method: "GET", path: "/v1/org/settings", auth: "good", want: 200},
				{name: "put settings no key", method: "PUT", path: "/v1/org/settings", ctype: js, body: `{}`, want: 401},
				{name: "put settings wrong key", method: "PUT", path: "/v1/org/settings", ctype: js, body: `{}`, auth: "wrong", want: 403},
				{name: "put settings bad JSON", method: "PUT", path: "/v1/org/settings", ctype: js, body: `{`, auth: "good", want: 400},
				{name: "put settings wrong content type", method: "PUT", path: "/v1/org/settings", ctype: "text/yaml", body: `a: b`, auth: "good", want: 415},
				{name: "put settings oversize", method: "PUT", path: "/v1/org/settings", ctype: js, body: huge, auth: "good", want: 413},
				{name: "put settings bad locale", method: "PUT", path: "/v1/org/settings", ctype: js, body: `{"locale":"zz"}`, auth: "good", want: 422},
				{name: "put settings bad config", method: "PUT", path: "/v1/org/settings", ctype: js, body: `{"config":"terms: [unclosed"}`, auth: "good", want: 422},
				{name: "put settings unknown config field", method: "PUT", path: "/v1/org/settings", ctype: js, body: `{"config":{"nonsense":1}}`, auth: "good", want: 422},
				{name: "put settings", method: "PUT", path: "/v1/org/settings", ctype: js, auth: "good", want: 200,
					body: `{"locale":"uk","role":"nurse","config":{"organisation":"Test Trust","terms":{"wards":["Larch Ward"]}},"require_reason_for_block_dismissal":true}`,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						if v["revision"] != 1.0 || v["locale"] != "uk" || v["require_reason_for_block_dismissal"] != true || !strings.Contains(v["config"].(string), "Larch Ward") {
							t.Errorf("settings = %v", v)
						}
					}},
				{name: "public config", method: "GET", path: "/v1/config", want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					if v["locale"] != "uk" || v["role"] != "nurse" || v["require_reason_for_block_dismissal"] != true {
						t.Errorf("config = %v", v)
					}
					if _, ok := v["config"]; ok {
						t.Error("the organisation's config is public")
					}
				}},
				{name: "public config wrong method", method: "PUT", path: "/v1/config", ctype: js, body: `{}`, want: 405},
				{name: "org config applies to checks", method: "POST", path: "/v1/check", ctype: js, body: `{"text":"quiet shift on Larch Ward tonight"}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						found := false
						for _, en := range v["entities"].([]any) {
							if en.(map[string]any)["type"] == "WARD" {
								found = true
							}
						}
						if !found {
							t.Errorf("the organisation's ward was not found: %v", v["entities"])
						}
					}},
				{name: "request ignore keeps block when a reason is required", method: "POST", path: "/v1/check", ctype: js,
					body: `{"text":"` + blockPost + `","ignore":["` + fp + `"]}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						if v["verdict"] != "block" {
							t.Errorf("verdict = %v, want block", v["verdict"])
						}
					}},
				{name: "ignore list no key", method: "GET", path: "/v1/org/ignore", want: 401},
				{name: "ignore add no key", method: "POST", path: "/v1/org/ignore", ctype: js, body: `{"fingerprint":"` + fp + `"}`, want: 401},
				{name: "ignore add wrong key", method: "POST", path: "/v1/org/ignore", ctype: js, body: `{"fingerprint":"` + fp + `"}`, auth: "wrong", want: 403},
				{name: "ignore add bad JSON", method: "POST", path: "/v1/org/ignore", ctype: js, body: `{"fingerprint":`, auth: "good", want: 400},
				{name: "ignore add wrong content type", method: "POST", path: "/v1/org/ignore", ctype: "text/plain", body: fp, auth: "good", want: 415},
				{name: "ignore add bad fingerprint", method: "POST", path: "/v1/org/ignore", ctype: js, body: `{"fingerprint":"nope"}`, auth: "good", want: 422},
				{name: "ignore add block without reason", method: "POST", path: "/v1/org/ignore", ctype: js, body: `{"fingerprint":"` + fp + `"}`, auth: "good", want: 422},
				{name: "ignore add", method: "POST", path: "/v1/org/ignore", ctype: js, body: `{"fingerprint":"` + fp + `","reason":"consented case study"}`, auth: "good", want: 201},
				{name: "ignore list", method: "GET", path: "/v1/org/ignore", auth: "good", want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					l := v["ignore"].([]any)
					if len(l) != 1 || l[0].(map[string]any)["fingerprint"] != fp || l[0].(map[string]any)["reason"] != "consented case study" {
						t.Errorf("list = %v", l)
					}
				}},
				{name: "org list applies to checks", method: "POST", path: "/v1/check", ctype: js, body: `{"text":"` + blockPost + `"}`, want: 200,
					check: func(t *testing.T, v map[string]any, _ []byte) {
						if v["ignored"] == nil {
							t.Errorf("nothing ignored: %v", v["risks"])
						}
					}},
				{name: "ignore delete no key", method: "DELETE", path: "/v1/org/ignore/" + fp, want: 401},
				{name: "ignore delete", method: "DELETE", path: "/v1/org/ignore/" + fp, auth: "good", want: 204},
				{name: "ignore delete again", method: "DELETE", path: "/v1/org/ignore/" + fp, auth: "good", want: 404},
				{name: "ignore delete bad fingerprint", method: "DELETE", path: "/v1/org/ignore/nope", auth: "good", want: 422},
				{name: "stats no key", method: "GET", path: "/v1/org/stats", want: 401},
				{name: "stats wrong key", method: "GET", path: "/v1/org/stats", auth: "wrong", want: 403},
				{name: "stats bad date", method: "GET", path: "/v1/org/stats?from=yesterday", auth: "good", want: 422},
				{name: "stats", method: "GET", path: "/v1/org/stats", auth: "good", want: 200, check: func(t *testing.T, v map[string]any, _ []byte) {
					days := v["days"].([]any)
					if len(days) != 1 {
						t.Fatalf("days = %v", days)
					}
					d := days[0].(map[string]any)
					if d["checks"].(map[string]any)["block"].(float64) < 2 || len(d["risks"].([]any)) == 0 {
						t.Errorf("today = %v", d)
					}
				}},
				{name: "stats wrong method", method: "POST", path: "/v1/org/stats", ctype: js, body: `{}`, auth: "good", want: 405},
				{name: "metrics", method: "GET", path: "/metrics", want: 200, check: nil},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					status, h, raw := e.do(t, tt.method, tt.path, tt.ctype, tt.body, tt.auth)
					if status != tt.want {
						t.Fatalf("status %d, want %d: %.300s", status, tt.want, raw)
					}
					ct := h.Get("Content-Type")
					switch {
					case status >= 400:
						if ct != "application/problem+json" {
							t.Errorf("content type %q, want application/problem+json", ct)
						}
						var p server.Problem
						if err := json.Unmarshal(raw, &p); err != nil || p.Status != status || !strings.HasPrefix(p.Type, "urn:scrubs:problem:") || p.Title == "" {
							t.Errorf("problem = %+v (%v) from %s", p, err, raw)
						}
						if status == 405 && h.Get("Allow") == "" {
							t.Error("405 without Allow")
						}
						if status == 401 && h.Get("WWW-Authenticate") == "" {
							t.Error("401 without WWW-Authenticate")
						}
					case status == 204:
						if len(raw) != 0 {
							t.Errorf("204 with a body: %s", raw)
						}
					case tt.path == "/metrics":
						if !strings.Contains(string(raw), `scrubs_http_requests_total{code="200",route="POST /v1/check"}`) ||
							!strings.Contains(string(raw), `scrubs_checks_total{verdict="block"}`) ||
							!strings.Contains(string(raw), `scrubs_http_request_duration_seconds_bucket{code="200",route="POST /v1/check",le="+Inf"}`) {
							t.Errorf("metrics lack the request counts:\n%s", raw)
						}
					case tt.path == "/":
						if !strings.HasPrefix(ct, "text/html") {
							t.Errorf("web page content type %q", ct)
						}
					default:
						if ct != js {
							t.Errorf("content type %q, want %s", ct, js)
						}
						v := decodeJSON(t, raw)
						if tt.check != nil {
							tt.check(t, v, raw)
						}
					}
				})
			}
		})
	}
}

// TestOpenAPIMatchesRoutes checks that every route served is in the
// OpenAPI document and every operation there is served.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, storetest.DBs(t)[0])
	_, _, raw := e.do(t, "GET", "/v1/openapi.json", "", "", "")
	var doc struct {
		OpenAPI string                     `json:"openapi"`
		Paths   map[string]map[string]any  `json:"paths"`
		Comps   map[string]map[string]any  `json:"components"`
		Info    map[string]any             `json:"info"`
		Extra   map[string]json.RawMessage `json:"-"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" || doc.Info["title"] == nil {
		t.Fatalf("not an OpenAPI 3.1 document: %v", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	served := e.srv.Routes()
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Errorf("routes served and documented differ:\nserved:     %v\ndocumented: %v", served, documented)
	}
	// every $ref resolves
	for _, ref := range refs(raw) {
		name := strings.TrimPrefix(ref, "#/components/")
		kind, item, _ := strings.Cut(name, "/")
		if doc.Comps[kind][item] == nil {
			t.Errorf("%s does not resolve", ref)
		}
	}
}

func refs(raw []byte) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				if s, ok := y.(string); ok && k == "$ref" {
					out = append(out, s)
				}
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	var v any
	json.Unmarshal(raw, &v)
	walk(v)
	return out
}

// TestNoPostTextStored sends a unique marker in every kind of request and
// proves it reaches neither the database nor the log.
func TestNoPostTextStored(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			e := newEnv(t, db)
			marker := fmt.Sprintf("Zqxmarker%dvw", time.Now().UnixNano())
			post := "Mrs " + marker + " in bed 4 is 94 today, lovely lady"
			reqs := []struct{ method, path, body, auth string }{
				{"POST", "/v1/check", `{"text":"` + post + `"}`, ""},
				{"POST", "/v1/check/batch", `{"items":[{"id":"` + marker + `","text":"` + post + `"}]}`, ""},
				{"POST", "/v1/redact", `{"text":"` + post + `"}`, ""},
				{"POST", "/v1/check", `{"text":"` + post + `"`, ""},                     // bad JSON
				{"POST", "/v1/check", `{"text":"` + post + `","` + marker + `":1}`, ""}, // unknown field
				{"POST", "/v1/check", `{"text":"` + post + `","locale":"` + marker + `"}`, ""},
				{"POST", "/v1/org/ignore", `{"fingerprint":"` + marker + `"}`, "good"},
				{"PUT", "/v1/org/settings", `{"config":"` + marker + `: [x"}`, "good"},
				{"POST", "/v1/check", `{"text":"` + post + strings.Repeat(" ", 1<<20) + `"}`, ""}, // oversize
				{"GET", "/v1/rules/" + marker, "", ""},
				{"GET", "/v1/" + marker, "", ""},
				{"DELETE", "/v1/org/ignore/" + marker, "", "good"},
			}
			for _, r := range reqs {
				e.do(t, r.method, r.path, js, r.body, r.auth)
			}
			// a control: text that is meant to be stored (a reason) must be found
			control := "Ctrl" + marker[1:]
			if st, _, raw := e.do(t, "POST", "/v1/org/ignore", js, `{"fingerprint":"CONF-001:0123456789abcdef","reason":"`+control+`"}`, "good"); st != 201 {
				t.Fatalf("control: %d %s", st, raw)
			}
			if status, _, _ := e.do(t, "GET", "/v1/org/stats", "", "", "good"); status != 200 { // flushes the counts
				t.Fatalf("stats: %d", status)
			}
			dump, err := e.st.Dump(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(dump, "check_counts") {
				t.Fatalf("the dump holds no counts, so it proves nothing:\n%s", dump)
			}
			places := map[string]string{"database rows": dump}
			readFiles := func(when string) {
				if db.File == "" {
					return
				}
				for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
					if b, err := os.ReadFile(db.File + suffix); err == nil {
						places[when+" file"+suffix] = string(b)
					}
				}
			}
			readFiles("open") // with the write-ahead log still there
			if db.File != "" && places["open file-wal"] == "" {
				t.Error("no write-ahead log while open: the test would not see what it holds")
			}
			e.close()
			readFiles("closed")
			places["log"] = e.log.String()
			if !strings.Contains(places["log"], `route="POST /v1/check"`) {
				t.Fatalf("the log holds no request lines, so it proves nothing:\n%s", places["log"])
			}
			for where, content := range places {
				if strings.Contains(content, marker) {
					t.Errorf("post text reached the %s", where)
				}
			}
			controlFound := strings.Contains(places["database rows"], control)
			if db.File != "" {
				controlFound = controlFound && strings.Contains(places["open file"]+places["open file-wal"], control)
			}
			if !controlFound {
				t.Error("the control text is not found where it was stored: the search proves nothing")
			}
		})
	}
}

// TestReplicasSeeChanges runs two servers on one database: a change through
// one reaches the checks of the other.
func TestReplicasSeeChanges(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			a := newEnv(t, db)
			b := newEnv(t, db)
			post := `{"text":"` + blockPost + `","locale":"uk","role":"nurse"}`
			_, _, raw := b.do(t, "POST", "/v1/check", js, post, "")
			fp := decodeJSON(t, raw)["risks"].([]any)[0].(map[string]any)["fingerprint"].(string)
			if st, _, raw := a.do(t, "POST", "/v1/org/ignore", js, `{"fingerprint":"`+fp+`"}`, "good"); st != 201 {
				t.Fatalf("add: %d %s", st, raw)
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				_, _, raw = b.do(t, "POST", "/v1/check", js, post, "")
				if decodeJSON(t, raw)["ignored"] == 1.0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the other replica never applied the list")
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}

// TestConcurrentChecks checks posts with several profiles at once (run with
// -race): the checker cache builds each once and results are right.
func TestConcurrentChecks(t *testing.T) {
	e := newEnv(t, storetest.DBs(t)[0])
	profiles := []string{`"locale":"uk"`, `"locale":"us"`, `"locale":"uk","role":"doctor"`, `"packs":["core"]`}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := `{"text":"` + blockPost + `",` + profiles[i%len(profiles)] + `}`
			req, _ := http.NewRequest("POST", e.ts.URL+"/v1/check", strings.NewReader(body))
			req.Header.Set("Content-Type", js)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			var v map[string]any
			json.NewDecoder(resp.Body).Decode(&v)
			resp.Body.Close()
			if resp.StatusCode != 200 || v["verdict"] != "block" {
				errs <- fmt.Sprintf("%d %v", resp.StatusCode, v["verdict"])
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	_, _, raw := e.do(t, "GET", "/metrics", "", "", "")
	if !strings.Contains(string(raw), "scrubs_checker_builds_total") {
		t.Error("no checker build count")
	}
}

// TestRequestTimeout checks that a request over its time gets a 503 problem.
func TestRequestTimeout(t *testing.T) {
	st, err := store.Open(context.Background(), storetest.DBs(t)[0].DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, RequestTimeout: time.Nanosecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(context.Background())
	tests := []struct{ path, body string }{
		{"/v1/check", `{"text":"` + blockPost + `"}`},
		{"/v1/redact", `{"text":"` + blockPost + `"}`},
		{"/v1/check/batch", `{"items":[{"text":"` + blockPost + `"}]}`},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("POST", tt.path, strings.NewReader(tt.body))
		req.Header.Set("Content-Type", js)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		var p server.Problem
		json.Unmarshal(w.Body.Bytes(), &p)
		if w.Code != http.StatusServiceUnavailable || p.Type != "urn:scrubs:problem:timeout" {
			t.Errorf("%s: %d %s", tt.path, w.Code, w.Body)
		}
	}
}

// TestAuthOnEveryOrgRoute checks every /v1/org route: no key is 401, a
// wrong or revoked key 403, before the body is even read.
func TestAuthOnEveryOrgRoute(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			e := newEnv(t, db)
			n := 0
			for _, rt := range e.srv.Routes() {
				method, path, _ := strings.Cut(rt, " ")
				if !strings.HasPrefix(path, "/v1/org/") {
					continue
				}
				n++
				path = strings.Replace(path, "{fingerprint}", "CONF-001:0123456789abcdef", 1)
				for _, tt := range []struct {
					auth string
					want int
				}{{"", 401}, {"basic", 401}, {"wrong", 403}, {"revoked", 403}} {
					status, h, raw := e.do(t, method, path, js, `{}`, tt.auth)
					if status != tt.want || h.Get("Content-Type") != "application/problem+json" {
						t.Errorf("%s with key %q: %d %s, want %d", rt, tt.auth, status, raw, tt.want)
					}
				}
			}
			if n != 6 {
				t.Errorf("%d org routes, want 6", n)
			}
		})
	}
}
