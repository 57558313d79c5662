package server_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/photo/phototest"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/server"
	"github.com/scrubshq/scrubs/internal/store"
	"github.com/scrubshq/scrubs/internal/store/storetest"
)

// gpsJPEG is a plain grey 64×48 JPEG whose EXIF gives a GPS position and an
// artist.
func gpsJPEG(artist string) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{150, 160, 170, 255}), image.Point{}, draw.Src)
	return phototest.WithSegments(img, phototest.EXIFSegment(phototest.EXIF{Make: "Acme", Model: "Phone 3", Artist: artist, Lat: 52.2053, Long: 0.1218}))
}

// bombPNG is the start of a PNG whose header declares 100000×100000 pixels
// (10 gigapixels, 40 GB decoded): only the signature, IHDR and IEND.
func bombPNG() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100000)
	binary.BigEndian.PutUint32(ihdr[4:], 100000)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk("IHDR", ihdr)
	chunk("IEND", nil)
	return b.Bytes()
}

// form builds a multipart/form-data body: the picture as "file" (when not
// nil) and the fields.
func form(t *testing.T, pic []byte, fields map[string]string) (string, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if pic != nil {
		fw, err := mw.CreateFormFile("file", "photo.jpg")
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(pic)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), b.String()
}

// wantProblem checks an error answer: status, problem+json, type and
// optionally words of its detail.
func wantProblem(t *testing.T, status int, h http.Header, raw []byte, wantStatus int, kind, detail string) {
	t.Helper()
	if status != wantStatus {
		t.Fatalf("status %d, want %d: %.300s", status, wantStatus, raw)
	}
	if ct := h.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("content type %q, want application/problem+json", ct)
	}
	var p server.Problem
	if err := json.Unmarshal(raw, &p); err != nil || p.Status != status || p.Type != "urn:scrubs:problem:"+kind || p.Title == "" {
		t.Errorf("problem = %+v (%v), want type %s", p, err, kind)
	}
	if !strings.Contains(p.Detail, detail) {
		t.Errorf("detail %q lacks %q", p.Detail, detail)
	}
}

// cliImageJSON is what `scrubs check PICTURE --format json --no-ocr` prints.
func cliImageJSON(t *testing.T, opts scrubs.Options, pic []byte, caption string) any {
	t.Helper()
	c, err := scrubs.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.CheckImageWith(context.Background(), pic, scrubs.ImageOptions{Caption: caption, NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteAny(&b, res); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// imageFacts pulls what the tests look at out of an ImageResult.
type imageFacts struct {
	Verdict  string `json:"verdict"`
	Entities []struct {
		Type   string `json:"type"`
		Text   string `json:"text"`
		Source string `json:"source"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
	} `json:"entities"`
	Risks []struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
	} `json:"risks"`
	Image struct {
		Format   string   `json:"format"`
		Width    int      `json:"width"`
		Metadata bool     `json:"metadata"`
		OCR      bool     `json:"ocr"`
		Warnings []string `json:"warnings"`
	} `json:"image"`
}

func (f imageFacts) has(typ, source string) bool {
	for _, e := range f.Entities {
		if e.Type == typ && e.Source == source {
			return true
		}
	}
	return false
}

func (f imageFacts) rule(id string) bool {
	for _, r := range f.Risks {
		if r.Rule == id {
			return true
		}
	}
	return false
}

func TestCheckImage(t *testing.T) {
	e := newEnv(t, storetest.DBs(t)[0])
	pic := gpsJPEG("Jo Bloggs")

	t.Run("raw body equals the CLI's JSON", func(t *testing.T) {
		status, h, raw := e.do(t, "POST", "/v1/check/image?locale=uk&role=nurse&ocr=false", "image/jpeg", string(pic), "")
		if status != 200 || h.Get("Content-Type") != js {
			t.Fatalf("%d %s: %.300s", status, h.Get("Content-Type"), raw)
		}
		var got any
		json.Unmarshal(raw, &got)
		if want := cliImageJSON(t, scrubs.Options{Locale: "uk", Role: "nurse"}, pic, ""); !reflect.DeepEqual(got, want) {
			t.Errorf("API result differs from the CLI's:\n got %s", raw)
		}
		var f imageFacts
		json.Unmarshal(raw, &f)
		if f.Verdict != "review" || !f.has("GPS", "exif") || !f.rule("CONF-011") || f.Image.Format != "jpeg" || f.Image.Width != 64 || !f.Image.Metadata || f.Image.OCR {
			t.Errorf("result = %+v", f)
		}
		if h.Get("Cache-Control") != "no-store" {
			t.Errorf("Cache-Control %q", h.Get("Cache-Control"))
		}
	})

	t.Run("multipart with a caption", func(t *testing.T) {
		ct, body := form(t, pic, map[string]string{"caption": blockPost, "locale": "uk", "role": "nurse", "ocr": "false"})
		status, _, raw := e.do(t, "POST", "/v1/check/image", ct, body, "")
		if status != 200 {
			t.Fatalf("%d: %.300s", status, raw)
		}
		var got any
		json.Unmarshal(raw, &got)
		if want := cliImageJSON(t, scrubs.Options{Locale: "uk", Role: "nurse"}, pic, blockPost); !reflect.DeepEqual(got, want) {
			t.Errorf("API result differs from the CLI's:\n got %s", raw)
		}
		var f imageFacts
		json.Unmarshal(raw, &f)
		caption := false
		for _, en := range f.Entities {
			if en.Source == "" && blockPost[en.Start:en.End] == en.Text {
				caption = true
			}
		}
		if f.Verdict != "block" || !caption || !f.has("GPS", "exif") {
			t.Errorf("caption and picture not judged together: %+v", f)
		}
	})

	t.Run("fields win over the query", func(t *testing.T) {
		ct, body := form(t, pic, map[string]string{"locale": "uk", "ocr": "false"})
		status, _, raw := e.do(t, "POST", "/v1/check/image?locale=zz&ocr=nonsense", ct, body, "")
		if status != 200 {
			t.Fatalf("%d: %.300s", status, raw)
		}
	})

	t.Run("ocr on by default", func(t *testing.T) {
		status, _, raw := e.do(t, "POST", "/v1/check/image", "image/jpeg", string(pic), "")
		if status != 200 {
			t.Fatalf("%d: %.300s", status, raw)
		}
		var f imageFacts
		json.Unmarshal(raw, &f)
		if !f.Image.OCR && len(f.Image.Warnings) == 0 {
			t.Errorf("text was neither read nor said to be unread: %+v", f.Image)
		}
		if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" && !f.Image.OCR {
			t.Errorf("tesseract did not run: %v", f.Image.Warnings)
		}
	})

	t.Run("ignore", func(t *testing.T) {
		_, _, raw := e.do(t, "POST", "/v1/check/image?ocr=false", "image/jpeg", string(pic), "")
		var v struct {
			Risks []struct{ Fingerprint string } `json:"risks"`
		}
		json.Unmarshal(raw, &v)
		if len(v.Risks) == 0 {
			t.Fatalf("no risks: %s", raw)
		}
		_, _, raw = e.do(t, "POST", "/v1/check/image?ocr=false&ignore="+v.Risks[0].Fingerprint, "image/jpeg", string(pic), "")
		m := decodeJSON(t, raw)
		if m["ignored"] != 1.0 {
			t.Errorf("ignored = %v, want 1", m["ignored"])
		}
	})

	bad := []struct {
		name, ctype, path, body string
		status                  int
		kind, detail            string
	}{
		{"json", "application/json", "", `{"text":"a"}`, 415, "unsupported-media-type", "image/jpeg"},
		{"no content type", "", "", string(pic), 415, "unsupported-media-type", "multipart/form-data"},
		{"text", "text/plain", "", "hello", 415, "unsupported-media-type", ""},
		{"not a picture", "image/png", "", "hello, not a picture", 422, "invalid-request", "not a JPEG, PNG"},
		{"empty", "image/jpeg", "", "", 422, "invalid-request", "empty"},
		{"truncated", "image/jpeg", "?ocr=false", string(pic[:len(pic)/2]), 422, "invalid-request", "truncated or corrupt"},
		{"decompression bomb", "image/png", "", string(bombPNG()), 422, "invalid-request", "too many pixels"},
		{"heic", "image/heic", "", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", 422, "invalid-request", "HEIC is not supported"},
		{"unknown locale", "image/jpeg", "?locale=zz", string(pic), 422, "invalid-request", ""},
		{"unknown pack", "image/jpeg", "?packs=core,nope", string(pic), 422, "invalid-request", ""},
		{"bad ocr", "image/jpeg", "?ocr=maybe", string(pic), 422, "invalid-request", "ocr is true or false"},
		{"bad fingerprint", "image/jpeg", "?ignore=x", string(pic), 422, "invalid-request", "fingerprint"},
		{"multipart without boundary", "multipart/form-data", "", "x", 400, "bad-json", "boundary"},
		{"multipart malformed", "multipart/form-data; boundary=zz", "", "not multipart", 400, "bad-json", "malformed"},
	}
	ct, noFile := form(t, nil, map[string]string{"caption": "hi"})
	bad = append(bad, struct {
		name, ctype, path, body string
		status                  int
		kind, detail            string
	}{"multipart without file", ct, "", noFile, 422, "invalid-request", `no "file" part`})
	for _, path := range []string{"/v1/check/image", "/v1/redact/image"} {
		for _, tt := range bad {
			t.Run(path+" "+tt.name, func(t *testing.T) {
				start := time.Now()
				status, h, raw := e.do(t, "POST", path+tt.path, tt.ctype, tt.body, "")
				wantProblem(t, status, h, raw, tt.status, tt.kind, tt.detail)
				if tt.name == "decompression bomb" && time.Since(start) > 5*time.Second {
					t.Errorf("refusing the bomb took %v", time.Since(start))
				}
			})
		}
		t.Run(path+" wrong method", func(t *testing.T) {
			status, h, raw := e.do(t, "GET", path, "", "", "")
			wantProblem(t, status, h, raw, 405, "method-not-allowed", "POST")
		})
	}
}

// TestImageTooLarge checks the picture limit, separate from the JSON one.
func TestImageTooLarge(t *testing.T) {
	st, err := store.Open(context.Background(), storetest.DBs(t)[0].DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pic := gpsJPEG("")
	srv, err := server.New(server.Config{Store: st, MaxImageBytes: int64(len(pic) - 1), MaxBodyBytes: 64,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(context.Background())
	ts := httptest.NewServer(srv)
	defer ts.Close()
	send := func(ct string, body []byte, chunked bool) (int, http.Header, []byte) {
		var r io.Reader = bytes.NewReader(body)
		if chunked {
			r = io.MultiReader(r) // no Content-Length: the limit is met while reading
		}
		req, _ := http.NewRequest("POST", ts.URL+"/v1/check/image?ocr=false", r)
		req.Header.Set("Content-Type", ct)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, raw
	}
	for _, chunked := range []bool{false, true} {
		status, h, raw := send("image/jpeg", pic, chunked)
		wantProblem(t, status, h, raw, 413, "too-large", fmt.Sprint(len(pic)-1))
		ct, body := form(t, pic, nil)
		status, h, raw = send(ct, []byte(body), chunked)
		wantProblem(t, status, h, raw, 413, "too-large", "")
	}
	// one byte smaller fits: the JSON limit (64 bytes) does not apply to pictures
	status, _, raw := send("image/jpeg", pic[:len(pic)-1], false)
	if status != 422 { // a JPEG cut short by a byte is corrupt, but it was read
		t.Errorf("a picture under the limit: %d %s", status, raw)
	}
}

func TestRedactImage(t *testing.T) {
	e := newEnv(t, storetest.DBs(t)[0])
	pic := gpsJPEG("Jo Bloggs")
	for _, tt := range []struct {
		name, ctype, body string
	}{
		{"raw", "image/jpeg", string(pic)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, h, raw := e.do(t, "POST", "/v1/redact/image?ocr=false", tt.ctype, tt.body, "")
			if status != 200 {
				t.Fatalf("%d: %.300s", status, raw)
			}
			if h.Get("Content-Type") != "image/jpeg" || !strings.Contains(h.Get("Content-Disposition"), `filename="safe-copy.jpg"`) || h.Get("Cache-Control") != "no-store" {
				t.Errorf("headers %v", h)
			}
			if !scrubs.IsImage(raw) || bytes.Contains(raw, []byte("Exif\x00\x00")) || bytes.Contains(raw, []byte("Bloggs")) {
				t.Errorf("the copy is not a clean picture (%d bytes)", len(raw))
			}
			if h.Get("Scrubs-Verdict-Before") != "review" || h.Get("Scrubs-Verdict") != "safe" {
				t.Errorf("verdicts before %q after %q", h.Get("Scrubs-Verdict-Before"), h.Get("Scrubs-Verdict"))
			}
			var changes []scrubs.ImageChange
			if err := json.Unmarshal([]byte(h.Get("Scrubs-Changes")), &changes); err != nil || len(changes) == 0 || changes[0].Action != "strip" || h.Get("Scrubs-Changes-Count") != fmt.Sprint(len(changes)) {
				t.Errorf("changes %q (%v), count %q", h.Get("Scrubs-Changes"), err, h.Get("Scrubs-Changes-Count"))
			}
		})
	}
	t.Run("multipart, png", func(t *testing.T) {
		var b bytes.Buffer
		img := image.NewGray(image.Rect(0, 0, 40, 30))
		if err := encodePNG(&b, img); err != nil {
			t.Fatal(err)
		}
		ct, body := form(t, b.Bytes(), map[string]string{"ocr": "false", "caption": "quiet night"})
		status, h, raw := e.do(t, "POST", "/v1/redact/image", ct, body, "")
		if status != 200 || h.Get("Content-Type") != "image/png" || !scrubs.IsImage(raw) || h.Get("Scrubs-Changes") != "[]" {
			t.Errorf("%d %v %.100q", status, h, raw)
		}
	})
}

// TestNoPictureStored sends a marker in captions and in the EXIF of
// pictures (good and bad requests) and proves it reaches neither the
// database nor the log.
func TestNoPictureStored(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			e := newEnv(t, db)
			marker := fmt.Sprintf("Zqxpic%dvw", time.Now().UnixNano())
			pic := gpsJPEG(marker)
			ct, body := form(t, pic, map[string]string{"caption": "Mrs " + marker + " in bed 4", "ocr": "false"})
			reqs := []struct{ path, ctype, body string }{
				{"/v1/check/image?ocr=false&caption=" + marker, "image/jpeg", string(pic)},
				{"/v1/check/image", ct, body},
				{"/v1/redact/image", ct, body},
				{"/v1/check/image?locale=" + marker, "image/jpeg", string(pic)},
				{"/v1/check/image?caption=" + marker, "image/jpeg", marker},
				{"/v1/check/image", "text/" + marker, marker},
			}
			for _, r := range reqs {
				e.do(t, "POST", r.path, r.ctype, r.body, "")
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
			e.close()
			log := e.log.String()
			if !strings.Contains(log, `route="POST /v1/check/image"`) || !strings.Contains(log, `route="POST /v1/redact/image"`) {
				t.Fatalf("the log holds no request lines, so it proves nothing:\n%s", log)
			}
			for where, content := range map[string]string{"database": dump, "log": log} {
				if strings.Contains(content, marker) {
					t.Errorf("the picture's caption or metadata reached the %s", where)
				}
			}
		})
	}
}
