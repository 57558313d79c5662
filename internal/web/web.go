// Package web serves the scrubs web page: a draft box that checks a post as
// it is typed (through the same-origin /v1 API), highlights what is risky,
// explains why with citations, and offers a safer version; a photo can be
// checked with the draft as its caption. A second page, /training, runs the
// training scenarios of `scrubs train`.
//
// The page is plain HTML, CSS and JavaScript embedded in the binary. It makes
// no request to another origin, never stores the post text, and is served
// with a strict Content-Security-Policy (no inline script or style).
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// ContentSecurityPolicy is the policy sent with every response of Handler:
// only same-origin scripts, styles, images and API calls; no inline script or
// style, no plugins, no framing, and DOM sinks locked by Trusted Types.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
	"require-trusted-types-for 'script'; trusted-types 'none'"

//go:embed static
var static embed.FS

// asset is one embedded file ready to serve.
type asset struct {
	body        []byte
	contentType string
	etag        string
	immutable   bool // served under its hashed name: cache for a year
}

// assetTypes are the content types of the embedded files, by extension.
var assetTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
}

// site maps request paths to assets.
type site map[string]*asset

// Handler returns the web pages and their assets: "/" (also "/index.html"),
// "/training" (the training scenarios), and "/assets/NAME" and
// "/assets/NAME.HASH.EXT" for every embedded asset. The
// hashed names are what the page links to and are cached for a year; the
// page itself is revalidated on every load. Every response, errors included,
// carries ContentSecurityPolicy and the other security headers.
func Handler() http.Handler {
	s, err := build()
	if err != nil {
		// the embedded files are fixed at build time and covered by tests
		panic(fmt.Sprintf("web: %v", err))
	}
	return s
}

// build reads the embedded files, names each asset by its content hash, and
// points the page at the hashed names.
func build() (site, error) {
	s := site{}
	files, err := fs.ReadDir(static, "static")
	if err != nil {
		return nil, err
	}
	pages := map[string][]byte{} // path → HTML
	var rename []string
	for _, f := range files {
		name := f.Name()
		body, err := static.ReadFile("static/" + name)
		if err != nil {
			return nil, err
		}
		if path.Ext(name) == ".html" {
			pages[name] = body
			continue
		}
		ext := path.Ext(name)
		ct, ok := assetTypes[ext]
		if !ok {
			return nil, fmt.Errorf("no content type for %s", name)
		}
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:])[:12]
		hashed := strings.TrimSuffix(name, ext) + "." + h + ext
		s["/assets/"+name] = &asset{body: body, contentType: ct, etag: `"` + h + `"`}
		s["/assets/"+hashed] = &asset{body: body, contentType: ct, etag: `"` + h + `"`, immutable: true}
		rename = append(rename, `"/assets/`+name+`"`, `"/assets/`+hashed+`"`)
	}
	if pages["index.html"] == nil {
		return nil, fmt.Errorf("static/index.html is missing")
	}
	for name, page := range pages {
		page = []byte(strings.NewReplacer(rename...).Replace(string(page)))
		sum := sha256.Sum256(page)
		a := &asset{body: page, contentType: assetTypes[".html"], etag: `"` + hex.EncodeToString(sum[:])[:12] + `"`}
		if name == "index.html" {
			s["/"] = a
			s["/index.html"] = a
			continue
		}
		s["/"+strings.TrimSuffix(name, ".html")] = a // /training
	}
	return s, nil
}

// ServeHTTP serves GET and HEAD for the page and its assets.
func (s site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
	a := s[r.URL.Path]
	if a == nil {
		h.Set("Cache-Control", "no-store")
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		h.Set("Cache-Control", "no-store")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if a.immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("Content-Type", a.contentType)
	h.Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
