package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"runtime"
	"strconv"
	"strings"

	"github.com/scrubshq/scrubs"
)

// DefaultMaxImageBytes bounds the body of POST /v1/check/image and
// /v1/redact/image (Config.MaxImageBytes).
const DefaultMaxImageBytes = 20 << 20

// maxImageField bounds a text field of a multipart image request (caption,
// locale, role, packs, ocr, ignore).
const maxImageField = 64 << 10

// imageTypes are the content types a picture may be sent as. HEIC is taken
// so that it is refused with the library's explanation rather than a 415.
var imageTypes = map[string]bool{
	"image/jpeg": true, "image/jpg": true, "image/png": true, "image/webp": true, "image/gif": true,
	"image/heic": true, "image/heif": true,
}

// imageSlots bounds the pictures checked at once in this process: decoding
// and face detection use a core and up to 0.5 GB each.
var imageSlots = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))

// maxImage is the body limit for pictures.
func (s *Server) maxImage() int64 {
	if s.cfg.MaxImageBytes > 0 {
		return s.cfg.MaxImageBytes
	}
	return DefaultMaxImageBytes
}

// imageRequest is a picture and what to check it with.
type imageRequest struct {
	data    []byte
	caption string
	noOCR   bool
	options
}

// readImage reads a picture request: the picture as the body (image/*) or as
// the "file" part of multipart/form-data, with caption, locale, role, packs,
// ocr and ignore from the query or from form fields (fields win). The
// picture and caption stay in memory: multipart parts are streamed, never
// spooled to temporary files. It answers 415, 413, 400 or 422 itself.
func (s *Server) readImage(w http.ResponseWriter, r *http.Request) (*imageRequest, bool) {
	limit := s.maxImage()
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	mt = strings.ToLower(mt)
	if !imageTypes[mt] && mt != "multipart/form-data" {
		writeProblem(w, http.StatusUnsupportedMediaType, probContentType,
			"send the picture as the body (image/jpeg, image/png, image/webp or image/gif) or as the \"file\" part of multipart/form-data")
		return nil, false
	}
	tooLarge := func() (*imageRequest, bool) {
		writeProblem(w, http.StatusRequestEntityTooLarge, probTooLarge, fmt.Sprintf("the picture is larger than %d bytes", limit))
		return nil, false
	}
	// a multipart body carries a little more than the picture
	bodyLimit := limit
	if mt == "multipart/form-data" {
		bodyLimit += 1 << 20
	}
	if r.ContentLength > bodyLimit {
		return tooLarge()
	}
	body := http.MaxBytesReader(w, r.Body, bodyLimit)
	q := r.URL.Query()
	fields := map[string]string{}
	for _, k := range []string{"caption", "locale", "role", "packs", "ocr", "ignore"} {
		if q.Has(k) {
			fields[k] = q.Get(k)
		}
	}
	req := &imageRequest{}
	isMaxBytes := func(err error) bool {
		var mbe *http.MaxBytesError
		return errors.As(err, &mbe)
	}
	if mt != "multipart/form-data" {
		data, err := io.ReadAll(body)
		if err != nil {
			if isMaxBytes(err) {
				return tooLarge()
			}
			writeProblem(w, http.StatusBadRequest, probBadJSON, "reading the body failed")
			return nil, false
		}
		req.data = data
	} else {
		if params["boundary"] == "" {
			writeProblem(w, http.StatusBadRequest, probBadJSON, "multipart/form-data without a boundary")
			return nil, false
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				if isMaxBytes(err) {
					return tooLarge()
				}
				writeProblem(w, http.StatusBadRequest, probBadJSON, "the multipart body is malformed")
				return nil, false
			}
			name := p.FormName()
			switch name {
			case "file":
				if req.data != nil {
					writeProblem(w, http.StatusUnprocessableEntity, probInvalid, `send one "file" part`)
					return nil, false
				}
				data, err := io.ReadAll(io.LimitReader(p, limit+1))
				if err != nil {
					if isMaxBytes(err) {
						return tooLarge()
					}
					writeProblem(w, http.StatusBadRequest, probBadJSON, "the multipart body is malformed")
					return nil, false
				}
				if int64(len(data)) > limit {
					return tooLarge()
				}
				req.data = data
			case "caption", "locale", "role", "packs", "ocr", "ignore":
				v, err := io.ReadAll(io.LimitReader(p, maxImageField+1))
				if err != nil {
					if isMaxBytes(err) {
						return tooLarge()
					}
					writeProblem(w, http.StatusBadRequest, probBadJSON, "the multipart body is malformed")
					return nil, false
				}
				if len(v) > maxImageField {
					writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("the %s field is longer than %d KiB", name, maxImageField>>10))
					return nil, false
				}
				fields[name] = string(v)
			default:
				io.Copy(io.Discard, p) // unknown parts are skipped
			}
		}
		if req.data == nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, `no "file" part: send the picture as the "file" part`)
			return nil, false
		}
	}
	if len(req.data) == 0 {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "the picture is empty")
		return nil, false
	}
	req.caption = fields["caption"]
	req.Locale, req.Role = strings.TrimSpace(fields["locale"]), strings.TrimSpace(fields["role"])
	req.Packs = splitList(fields["packs"])
	req.Ignore = splitList(fields["ignore"])
	if v, ok := fields["ocr"]; ok && strings.TrimSpace(v) != "" {
		on, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "ocr is true or false")
			return nil, false
		}
		req.noOCR = !on
	}
	if !scrubs.IsImage(req.data) {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "the body is not a JPEG, PNG, GIF or WebP picture")
		return nil, false
	}
	return req, true
}

// splitList splits a comma-separated field, dropping empty items.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// imageOptions are the library options of a request.
func (s *Server) imageOptions(req *imageRequest) scrubs.ImageOptions {
	return scrubs.ImageOptions{Caption: req.caption, NoOCR: req.noOCR, MaxBytes: s.maxImage()}
}

// takeSlot waits for a free picture slot; it answers 503 itself when the
// request's time runs out first. The caller releases the slot.
func takeSlot(w http.ResponseWriter, r *http.Request) bool {
	select {
	case imageSlots <- struct{}{}:
		return true
	case <-r.Context().Done():
		writeProblem(w, http.StatusServiceUnavailable, probTimeout, "too many pictures are being checked; try again")
		return false
	}
}

// checkImage answers POST /v1/check/image: the picture's ImageResult, the
// JSON of `scrubs check PICTURE --format json`.
func (s *Server) checkImage(w http.ResponseWriter, r *http.Request) {
	req, ok := s.readImage(w, r)
	if !ok {
		return
	}
	org := s.org.Load()
	c, ok := s.checker(w, req.options, org)
	if !ok {
		return
	}
	if !takeSlot(w, r) {
		return
	}
	res, err := c.CheckImageWith(r.Context(), req.data, s.imageOptions(req))
	<-imageSlots
	if err != nil {
		s.checkError(w, err)
		return
	}
	applyIgnore(&res.Result, org, req.Ignore)
	s.record(c, &res.Result)
	writeJSON(w, http.StatusOK, res)
}

// maxChangesHeader bounds the Scrubs-Changes header of a redacted picture.
const maxChangesHeader = 4 << 10

// redactImage answers POST /v1/redact/image: the safe copy as the body
// (image/jpeg for a JPEG, image/png otherwise), with the verdicts of the
// original and of the copy and the changes made in headers.
func (s *Server) redactImage(w http.ResponseWriter, r *http.Request) {
	req, ok := s.readImage(w, r)
	if !ok {
		return
	}
	org := s.org.Load()
	c, ok := s.checker(w, req.options, org)
	if !ok {
		return
	}
	if !takeSlot(w, r) {
		return
	}
	safe, red, err := c.RedactImage(r.Context(), req.data, s.imageOptions(req))
	<-imageSlots
	if err != nil {
		s.checkError(w, err)
		return
	}
	applyIgnore(&red.Before.Result, org, req.Ignore)
	applyIgnore(&red.After.Result, org, req.Ignore)
	s.record(c, &red.Before.Result)
	h := w.Header()
	ext := "png"
	if red.Format == "jpeg" {
		ext = "jpg"
	}
	h.Set("Content-Type", "image/"+red.Format)
	h.Set("Content-Length", strconv.Itoa(len(safe)))
	h.Set("Content-Disposition", `attachment; filename="safe-copy.`+ext+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("Scrubs-Verdict-Before", string(red.Before.Verdict))
	h.Set("Scrubs-Verdict", string(red.After.Verdict))
	h.Set("Scrubs-Changes-Count", strconv.Itoa(len(red.Changes)))
	h.Set("Scrubs-Changes", changesHeader(red.Changes))
	w.WriteHeader(http.StatusOK)
	w.Write(safe)
}

// changesHeader is the changes as a JSON array, as many as fit in
// maxChangesHeader bytes (Scrubs-Changes-Count gives them all). A change
// names an action, a box and an entity type, never a value read.
func changesHeader(changes []scrubs.ImageChange) string {
	var b bytes.Buffer
	b.WriteByte('[')
	n := 0
	for _, c := range changes {
		j, err := json.Marshal(c)
		if err != nil || b.Len()+len(j)+2 > maxChangesHeader {
			break
		}
		if n > 0 {
			b.WriteByte(',')
		}
		b.Write(j)
		n++
	}
	b.WriteByte(']')
	return b.String()
}
