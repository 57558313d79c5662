package server

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Problem is an RFC 9457 problem detail, the body of every error response.
type Problem struct {
	// Type names the kind of problem: urn:scrubs:problem:NAME.
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

// problem kinds, by the last part of their type URI.
const (
	probBadJSON      = "bad-json"
	probInvalid      = "invalid-request"
	probTooLarge     = "too-large"
	probContentType  = "unsupported-media-type"
	probNotFound     = "not-found"
	probMethod       = "method-not-allowed"
	probUnauthorized = "unauthorized"
	probForbidden    = "forbidden"
	probTimeout      = "timeout"
	probInternal     = "internal"
	probUnavailable  = "unavailable"
)

// problemTypePrefix starts every problem type URI.
const problemTypePrefix = "urn:scrubs:problem:"

// writeProblem writes a problem+json response.
func writeProblem(w http.ResponseWriter, status int, kind, detail string) {
	p := Problem{Type: problemTypePrefix + kind, Title: http.StatusText(status), Status: status, Detail: detail}
	b, _ := json.Marshal(p)
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}
