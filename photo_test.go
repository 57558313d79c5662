package scrubs_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	xdraw "golang.org/x/image/draw"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/photo"
	"github.com/scrubshq/scrubs/internal/photo/phototest"
)

var (
	photoOnce    sync.Once
	photoChecker *scrubs.Checker
)

// checker is one shared checker with every pack (building one per test
// would parse the packs again).
func checker(t testing.TB) *scrubs.Checker {
	t.Helper()
	photoOnce.Do(func() { photoChecker = scrubs.MustNew(scrubs.Options{}) })
	return photoChecker
}

// needTesseract skips the test without tesseract, or fails it when
// SCRUBS_REQUIRE_TOOLS=1.
func needTesseract(t testing.TB) {
	t.Helper()
	if _, err := photo.LookTesseract(""); err != nil {
		if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
			t.Fatal("SCRUBS_REQUIRE_TOOLS=1 but " + err.Error())
		}
		t.Skip(err.Error())
	}
}

func jpegOf(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// portraitScene is pigo's testdata portrait (MIT, read from the module
// cache) 240 px wide on a 1600×1000 wall, as a JPEG.
func portraitScene(t testing.TB) []byte {
	t.Helper()
	return jpegOf(t, portraitImage(t))
}

// portraitImage is the picture portraitScene encodes.
func portraitImage(t testing.TB) image.Image {
	t.Helper()
	p := phototest.PigoSample()
	if p == "" {
		t.Skip("pigo's testdata/sample.jpg is not in the module cache")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	src, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	dst := image.NewRGBA(image.Rect(0, 0, 1600, 1000))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.RGBA{180, 190, 200, 255}), image.Point{}, draw.Src)
	xdraw.CatmullRom.Scale(dst, image.Rect(1100, 300, 1340, 600), src, src.Bounds(), draw.Over, nil)
	return dst
}

// entities lists image-borne entities as "TYPE text source" and checks the
// convention: Start = End = 0, a source, a reason.
func imageEntities(t *testing.T, r *scrubs.ImageResult) []string {
	t.Helper()
	var out []string
	for _, e := range r.Entities {
		if e.Source == "" {
			continue
		}
		if e.Start != 0 || e.End != 0 || e.Text == "" || e.Reason == "" {
			t.Errorf("image entity breaks the convention: %+v", e)
		}
		if (e.Source == "face" || e.Source == "ocr") && e.Box == nil {
			t.Errorf("%s entity without a box: %+v", e.Source, e)
		}
		out = append(out, string(e.Type)+" "+e.Text+" "+e.Source)
	}
	return out
}

func risk(r *scrubs.ImageResult, rule string) *scrubs.Risk {
	for i := range r.Risks {
		if r.Risks[i].Rule == rule {
			return &r.Risks[i]
		}
	}
	return nil
}

func TestCheckImageWhiteboard(t *testing.T) {
	needTesseract(t)
	c := checker(t)
	data := jpegOf(t, phototest.Whiteboard(1200, 500, 64, phototest.WhiteboardLines))
	res, err := c.CheckImage(context.Background(), data, "")
	if err != nil {
		t.Fatal(err)
	}
	got := imageEntities(t, res)
	for _, want := range []string{"NAME_PATIENT Mr Albert Fenwick ocr", "NHS_NUMBER 943 476 5919 ocr", "WARD Ward 7B ocr"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if res.Verdict != scrubs.Verdict("block") || risk(res, "CONF-003") == nil || risk(res, "CONF-001") == nil {
		t.Errorf("verdict %s, risks %+v", res.Verdict, res.Risks)
	}
	if !res.Image.OCR || res.Image.Words < 8 {
		t.Errorf("image info %+v", res.Image)
	}

	out, red, err := c.RedactImage(context.Background(), data, scrubs.ImageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fills := 0
	for _, ch := range red.Changes {
		if ch.Action == "fill" {
			fills++
		}
	}
	if fills < 3 || red.After.Verdict != scrubs.Verdict("safe") {
		t.Errorf("changes %+v, re-check %s %+v", red.Changes, red.After.Verdict, red.After.Entities)
	}
	// read the copy again, independently of RedactImage's own re-check
	img, _, err := photo.Decode(out, photo.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := photo.OCR(context.Background(), img, photo.OCROptions{MinConf: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Fenwick", "Albert", "943", "5919", "7B"} {
		if strings.Contains(tx.Text, gone) {
			t.Errorf("the copy still reads %q: %q", gone, tx.Text)
		}
	}
}

func TestCheckImageEXIF(t *testing.T) {
	c := checker(t)
	data := phototest.WithSegments(image.NewGray(image.Rect(0, 0, 320, 240)), phototest.EXIFSegment(phototest.EXIF{
		Make: "Apple", Model: "iPhone 15", DateTimeOriginal: "2026:11:20 14:31:07", Serial: "F2LX1234", Owner: "Jane Doe",
		Lat: 52.2053, Long: 0.1218}))
	opts := scrubs.ImageOptions{NoOCR: true}
	res, err := c.CheckImageWith(context.Background(), data, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"DEVICE Apple iPhone 15 exif", "DATE 2026:11:20 14:31:07 exif", "NAME_OTHER Jane Doe exif",
		"DEVICE serial F2LX1234 exif", "GPS 52.2053, 0.1218 exif"}
	if got := imageEntities(t, res); !slices.Equal(got, want) {
		t.Errorf("entities\n got %q\nwant %q", got, want)
	}
	if r := risk(res, "CONF-011"); res.Verdict != scrubs.Verdict("review") || r == nil || r.Severity != "medium" ||
		!strings.Contains(r.Message, "52.2053, 0.1218") || len(r.Citations) == 0 {
		t.Errorf("verdict %s, risks %+v", res.Verdict, res.Risks)
	}
	if !res.Image.Metadata || res.Image.OCR {
		t.Errorf("image info %+v", res.Image)
	}

	out, red, err := c.RedactImage(context.Background(), data, opts)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("Exif\x00\x00")) || bytes.Contains(out, []byte("iPhone")) {
		t.Error("the copy still carries EXIF")
	}
	if red.After.Image.Metadata || len(red.After.Entities) != 0 || red.After.Verdict != scrubs.Verdict("safe") {
		t.Errorf("re-check of the copy: %+v", red.After)
	}
	if len(red.Changes) != 1 || red.Changes[0].Action != "strip" {
		t.Errorf("changes %+v", red.Changes)
	}
}

// A picture's risk marked "not a problem" in an ignore list is left out and counted.
func TestCheckImageIgnore(t *testing.T) {
	data := phototest.WithSegments(image.NewGray(image.Rect(0, 0, 320, 240)), phototest.EXIFSegment(phototest.EXIF{
		Lat: 52.2053, Long: 0.1218}))
	opts := scrubs.ImageOptions{NoOCR: true}
	res, err := checker(t).CheckImageWith(context.Background(), data, opts)
	if err != nil {
		t.Fatal(err)
	}
	r := risk(res, "CONF-011")
	if r == nil {
		t.Fatalf("no CONF-011 in %+v", res.Risks)
	}
	c := scrubs.MustNew(scrubs.Options{Ignore: []string{r.Fingerprint}})
	again, err := c.CheckImageWith(context.Background(), data, opts)
	if err != nil {
		t.Fatal(err)
	}
	if risk(again, "CONF-011") != nil || again.Ignored != 1 || again.Verdict != scrubs.Verdict("safe") {
		t.Errorf("ignored GPS risk: verdict %s, ignored %d, risks %+v", again.Verdict, again.Ignored, again.Risks)
	}
}

func TestCheckImageFace(t *testing.T) {
	c := checker(t)
	data := portraitScene(t)
	cases := []struct {
		caption  string
		verdict  string
		severity string
	}{
		{"", "review", "high"},
		{"Night shift selfie with the team", "review", "high"},
		{"My lovely patient in bed 3 turned 90 today", "block", "block"},
	}
	for _, cs := range cases {
		t.Run(cs.caption, func(t *testing.T) {
			res, err := c.CheckImageWith(context.Background(), data, scrubs.ImageOptions{Caption: cs.caption, NoOCR: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Image.Faces != 1 {
				t.Fatalf("%d faces", res.Image.Faces)
			}
			face := res.Entities[slices.IndexFunc(res.Entities, func(e scrubs.Entity) bool { return e.Source == "face" })]
			if b := face.Box; b.X < 1050 || b.X > 1200 || b.Y < 300 || b.Y > 450 || b.W < 120 || b.W > 260 {
				t.Errorf("face box %+v, expected near the portrait at 1100,300 (240 wide)", b)
			}
			r := risk(res, "CONF-003")
			if string(res.Verdict) != cs.verdict || r == nil || r.Severity != cs.severity {
				t.Errorf("verdict %s, CONF-003 %+v", res.Verdict, r)
			}
			if cs.caption == "" && !strings.Contains(r.Message, "background") {
				t.Errorf("face-alone message %q says nothing of the background", r.Message)
			}
		})
	}

	out, red, err := c.RedactImage(context.Background(), data, scrubs.ImageOptions{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if red.After.Image.Faces != 0 || red.Changes[0].Action != "pixelate" || red.After.Verdict != scrubs.Verdict("safe") {
		t.Errorf("copy: %d faces, changes %+v, verdict %s", red.After.Image.Faces, red.Changes, red.After.Verdict)
	}
	if len(out) == 0 || red.Format != "jpeg" {
		t.Errorf("copy format %q, %d bytes", red.Format, len(out))
	}
}

// TestCheckImageSideways: phones store portrait photos sideways with EXIF
// Orientation 6. The picture is turned upright before faces are looked for,
// and the safe copy is written upright.
func TestCheckImageSideways(t *testing.T) {
	c := checker(t)
	stored := photo.Orient(portraitImage(t), 8) // turned a quarter anticlockwise, 1000×1600
	cases := []struct {
		name        string
		orientation uint16
		faces       int
		w, h        int
	}{
		{"tagged 6", 6, 1, 1600, 1000},
		{"no tag", 0, 0, 1000, 1600},
	}
	for _, cs := range cases {
		data := phototest.WithSegments(stored, phototest.EXIFSegment(phototest.EXIF{Make: "Apple", Orientation: cs.orientation}))
		out, red, err := c.RedactImage(context.Background(), data, scrubs.ImageOptions{NoOCR: true})
		if err != nil {
			t.Fatal(err)
		}
		im := red.Before.Image
		if im.Faces != cs.faces || im.Width != cs.w || im.Height != cs.h || im.Orientation != int(cs.orientation) {
			t.Errorf("%s: image %+v", cs.name, im)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out))
		if err != nil || cfg.Width != cs.w || cfg.Height != cs.h || red.After.Image.Faces != 0 {
			t.Errorf("%s: copy %dx%d, %d faces, %v", cs.name, cfg.Width, cfg.Height, red.After.Image.Faces, err)
		}
	}
}

func TestCheckImageXRay(t *testing.T) {
	c := checker(t)
	data := jpegOf(t, phototest.XRayLike(600, 800))
	for _, cs := range []struct{ caption, verdict string }{
		{"", "review"},
		{"check out this x-ray from tonight, how did he even get that up there", "block"},
	} {
		res, err := c.CheckImageWith(context.Background(), data, scrubs.ImageOptions{Caption: cs.caption, NoOCR: true})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Image.XRay || string(res.Verdict) != cs.verdict || !slices.Contains(imageEntities(t, res), "FEATURE x-ray-like image scene") {
			t.Errorf("%q: verdict %s, image %+v, entities %+v", cs.caption, res.Verdict, res.Image, res.Entities)
		}
	}
}

func TestCheckImageRefuses(t *testing.T) {
	c := checker(t)
	full := jpegOf(t, phototest.Whiteboard(400, 200, 40, []string{"Ward 7B"}))
	// a PNG signature and an IHDR chunk (with its CRC) declaring 100000×100000
	ihdr := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x06\x00\x00\x00")
	ihdr = binary.BigEndian.AppendUint32(ihdr, crc32.ChecksumIEEE(ihdr[12:]))
	cases := []struct {
		name string
		data []byte
		msg  string
	}{
		{"truncated jpeg", full[:len(full)/2], "truncated or corrupt"},
		{"100000x100000 png", ihdr, "too many pixels"},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), "HEIC is not supported; export"},
		{"text", []byte("Mrs Pickering in bed 4"), "not a JPEG, PNG, GIF or WebP"},
	}
	for _, cs := range cases {
		res, err := c.CheckImage(context.Background(), cs.data, "")
		if res != nil || err == nil || !strings.Contains(err.Error(), cs.msg) || !scrubs.IsInputError(err) {
			t.Errorf("%s: err = %v", cs.name, err)
		}
	}
}

func TestCheckImageCorruptEXIF(t *testing.T) {
	c := checker(t)
	seg := phototest.EXIFSegment(phototest.EXIF{Make: "Apple", Lat: 52.2, Long: 0.12})
	seg[10] = 'X' // break the TIFF byte order
	res, err := c.CheckImageWith(context.Background(), phototest.WithSegments(image.NewGray(image.Rect(0, 0, 64, 64)), seg),
		scrubs.ImageOptions{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Image.Warnings) != 1 || !strings.Contains(res.Image.Warnings[0], "corrupt photo metadata") || !res.Image.Metadata {
		t.Errorf("warnings %q, metadata %v", res.Image.Warnings, res.Image.Metadata)
	}
}

func TestCheckImageWithoutTesseract(t *testing.T) {
	c := checker(t)
	data := phototest.WithSegments(phototest.Whiteboard(600, 200, 40, []string{"Mr Albert Fenwick"}),
		phototest.EXIFSegment(phototest.EXIF{Make: "Apple", Lat: 52.2053, Long: 0.1218}))
	res, err := c.CheckImageWith(context.Background(), data, scrubs.ImageOptions{Tesseract: "/nonexistent/tesseract"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Image.Warnings, []string{"tesseract not installed: text in images not checked"}) || res.Image.OCR {
		t.Errorf("warnings %q, ocr %v", res.Image.Warnings, res.Image.OCR)
	}
	if risk(res, "CONF-011") == nil {
		t.Errorf("the rest was not checked: %+v", res.Risks)
	}
}

func TestCheckImageJSON(t *testing.T) {
	c := checker(t)
	res, err := c.CheckImageWith(context.Background(), portraitScene(t), scrubs.ImageOptions{Caption: "Mrs Pickering in bed 4", NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"verdict", "categories", "entities", "risks", "image"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	var back scrubs.Result
	if err := json.Unmarshal(b, &back); err != nil || back.Verdict != res.Verdict || len(back.Entities) != len(res.Entities) {
		t.Errorf("a post's Result does not read the image JSON: %v", err)
	}
	// caption entities keep the text invariant; image entities are exempt
	for _, e := range res.Entities {
		if e.Source == "" && "Mrs Pickering in bed 4"[e.Start:e.End] != e.Text {
			t.Errorf("caption entity %+v", e)
		}
	}
	if !bytes.Contains(b, []byte(`"box":{"x":`)) || !bytes.Contains(b, []byte(`"source":"face"`)) {
		t.Errorf("JSON lacks box or source: %s", b)
	}
}

func TestCheckImageEntitiesOnly(t *testing.T) {
	c := scrubs.MustNew(scrubs.Options{EntitiesOnly: true})
	res, err := c.CheckImageWith(context.Background(), portraitScene(t), scrubs.ImageOptions{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != scrubs.Verdict("safe") || len(res.Risks) != 0 || res.Image.Faces != 1 {
		t.Errorf("verdict %s, risks %d, faces %d", res.Verdict, len(res.Risks), res.Image.Faces)
	}
}

// photo12MP is a 4000×3000 JPEG: a noisy wall, a whiteboard with the test
// patient's details and the pigo portrait when available.
func photo12MP(b testing.TB) []byte {
	r := rand.New(rand.NewPCG(7, 7))
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	for y := 0; y < 3000; y++ {
		for x := 0; x < 4000; x++ {
			o := img.PixOffset(x, y)
			n := uint8(r.IntN(16))
			img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = 150+uint8(x/80)+n, 160+uint8(y/60)+n, 170+n, 255
		}
	}
	wb := phototest.Whiteboard(1800, 700, 90, phototest.WhiteboardLines)
	draw.Draw(img, image.Rect(2000, 400, 3800, 1100), wb, image.Point{}, draw.Src)
	if p := phototest.PigoSample(); p != "" {
		if data, err := os.ReadFile(p); err == nil {
			if src, err := jpeg.Decode(bytes.NewReader(data)); err == nil {
				xdraw.ApproxBiLinear.Scale(img, image.Rect(500, 1200, 1300, 2200), src, src.Bounds(), draw.Over, nil)
			}
		}
	}
	return jpegOf(b, img)
}

// BenchmarkCheckImage12MP checks a 4000×3000 JPEG with and without reading
// its text (see docs/PHOTOS.md for the figures).
func BenchmarkCheckImage12MP(b *testing.B) {
	c := checker(b)
	data := photo12MP(b)
	for _, bc := range []struct {
		name  string
		noOCR bool
	}{{"no-ocr", true}, {"ocr", false}} {
		b.Run(bc.name, func(b *testing.B) {
			if !bc.noOCR {
				needTesseract(b)
			}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				res, err := c.CheckImageWith(context.Background(), data, scrubs.ImageOptions{NoOCR: bc.noOCR})
				if err != nil {
					b.Fatal(err)
				}
				if res.Image.Width != 4000 || (!bc.noOCR && !res.Image.OCR) {
					b.Fatalf("image info %+v", res.Image)
				}
			}
		})
	}
}
