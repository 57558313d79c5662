package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/web"
)

func get(t *testing.T, h http.Handler, method, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func checkSecurityHeaders(t *testing.T, path string, res *http.Response) {
	t.Helper()
	want := map[string]string{
		"Content-Security-Policy": web.ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
	}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("%s: %s = %q, want %q", path, k, got, v)
		}
	}
}

// The policy forbids inline code, other origins and framing; the photo
// preview is drawn on a canvas, so no blob: or data: image is allowed.
func TestContentSecurityPolicy(t *testing.T) {
	csp := web.ContentSecurityPolicy
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("policy lacks %q: %s", want, csp)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "http:", "https:", "*", "data:", "blob:"} {
		if strings.Contains(csp, bad) {
			t.Errorf("policy allows %q: %s", bad, csp)
		}
	}
}

var assetRe = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)

func TestPageAndAssets(t *testing.T) {
	h := web.Handler()
	res, page := get(t, h, http.MethodGet, "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d", res.StatusCode)
	}
	checkSecurityHeaders(t, "/", res)
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET / Content-Type = %q", ct)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("GET / Cache-Control = %q, want no-cache", cc)
	}
	// nothing inline and nothing from another origin
	if regexp.MustCompile(`<script(?:\s[^>]*)?>`).FindAllString(page, -1) == nil {
		t.Fatal("page has no script")
	}
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(tag, ` src="/assets/`) {
			t.Errorf("inline or foreign script: %s", tag)
		}
	}
	for _, bad := range []string{"<style", " style=", "onclick=", "onload=", `src="http`, `href="//`, `src="//`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}

	links := assetRe.FindAllStringSubmatch(page, -1)
	if len(links) != 3 {
		t.Fatalf("page links %d assets, want 3 (style, script, icon): %v", len(links), links)
	}
	types := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
	for _, l := range links {
		p := l[1]
		if !regexp.MustCompile(`^/assets/[a-z]+\.[0-9a-f]{12}\.(js|css|svg)$`).MatchString(p) {
			t.Errorf("asset %s is not named by its hash", p)
			continue
		}
		res, body := get(t, h, http.MethodGet, p, nil)
		if res.StatusCode != http.StatusOK || body == "" {
			t.Errorf("GET %s = %d (%d bytes)", p, res.StatusCode, len(body))
			continue
		}
		checkSecurityHeaders(t, p, res)
		ext := p[strings.LastIndex(p, "."):]
		if ct := res.Header.Get("Content-Type"); ct != types[ext] {
			t.Errorf("%s Content-Type = %q, want %q", p, ct, types[ext])
		}
		if cc := res.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s Cache-Control = %q", p, cc)
		}
		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Errorf("%s has no ETag", p)
		}
		res2, _ := get(t, h, http.MethodGet, p, map[string]string{"If-None-Match": etag})
		if res2.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match = %d, want 304", p, res2.StatusCode)
		}
		// the unhashed name serves the same file, revalidated each time
		plain := regexp.MustCompile(`\.[0-9a-f]{12}\.`).ReplaceAllString(p, ".")
		res3, body3 := get(t, h, http.MethodGet, plain, nil)
		if res3.StatusCode != http.StatusOK || body3 != body || res3.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s = %d, Cache-Control %q, same body %v", plain, res3.StatusCode, res3.Header.Get("Cache-Control"), body3 == body)
		}
		// no markup from strings, no code from strings, nothing from elsewhere
		bad := []string{"http://", "https://", "@import", "url("}
		if ext == ".js" {
			bad = append(bad, "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")
		}
		for _, b := range bad {
			if ext != ".svg" && strings.Contains(body, b) {
				t.Errorf("%s contains %q", p, b)
			}
		}
	}

	res, _ = get(t, h, http.MethodHead, "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Errorf("HEAD / = %d", res.StatusCode)
	}
}

func TestErrorsCarryHeaders(t *testing.T) {
	h := web.Handler()
	res, _ := get(t, h, http.MethodGet, "/no-such-page", nil)
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /no-such-page = %d, want 404", res.StatusCode)
	}
	checkSecurityHeaders(t, "/no-such-page", res)
	res, _ = get(t, h, http.MethodGet, "/assets/app.000000000000.js", nil)
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("GET of a stale hashed asset = %d, want 404", res.StatusCode)
	}
	res, _ = get(t, h, http.MethodPost, "/", nil)
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST / = %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
	checkSecurityHeaders(t, "POST /", res)
}

// The training page is served at /training with the same headers and
// policy, links only hashed same-origin assets, and is linked from /.
func TestTrainingPage(t *testing.T) {
	h := web.Handler()
	res, page := get(t, h, http.MethodGet, "/training", nil)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/html; charset=utf-8" || res.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("GET /training = %d, %q, %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
	}
	checkSecurityHeaders(t, "/training", res)
	for _, bad := range []string{"<style", " style=", "onclick=", "onload=", `src="http`, `href="//`, `src="//`} {
		if strings.Contains(page, bad) {
			t.Errorf("training page contains %q", bad)
		}
	}
	links := assetRe.FindAllStringSubmatch(page, -1)
	var names []string
	for _, l := range links {
		if !regexp.MustCompile(`^/assets/[a-z]+\.[0-9a-f]{12}\.(js|css|svg)$`).MatchString(l[1]) {
			t.Errorf("asset %s is not named by its hash", l[1])
		}
		res, body := get(t, h, http.MethodGet, l[1], nil)
		if res.StatusCode != http.StatusOK || body == "" {
			t.Errorf("GET %s = %d", l[1], res.StatusCode)
		}
		for _, b := range []string{"http://", "https://", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
			if strings.HasSuffix(l[1], ".js") && strings.Contains(body, b) {
				t.Errorf("%s contains %q", l[1], b)
			}
		}
		names = append(names, regexp.MustCompile(`\.[0-9a-f]{12}\.`).ReplaceAllString(l[1], "."))
	}
	if want := "/assets/icon.svg /assets/style.css /assets/training.js"; strings.Join(names, " ") != want {
		t.Errorf("training page links %v, want %s", names, want)
	}
	if _, index := get(t, h, http.MethodGet, "/", nil); !strings.Contains(index, `href="/training"`) {
		t.Error("the main page does not link to /training")
	}
	if res, _ := get(t, h, http.MethodGet, "/training.html", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /training.html = %d, want 404 (the page is /training)", res.StatusCode)
	}
	if res, _ := get(t, h, http.MethodPost, "/training", nil); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /training = %d, want 405", res.StatusCode)
	}
}
