package photo

import (
	"bytes"
	"errors"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
)

func TestSniff(t *testing.T) {
	small := image.NewGray(image.Rect(0, 0, 4, 4))
	cases := []struct {
		name string
		data []byte
		want Format
	}{
		{"jpeg", encodeJPEG(t, small), JPEG},
		{"png", encodePNG(t, small), PNG},
		{"gif", encodeGIF(t, small), GIF},
		{"webp", []byte("RIFF\x10\x00\x00\x00WEBPVP8 "), WebP},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), HEIC},
		{"heif mif1", []byte("\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00"), HEIC},
		{"text", []byte("Mrs Pickering in bed 4"), Unknown},
		{"empty", nil, Unknown},
		{"short jpeg", []byte{0xFF, 0xD8}, Unknown},
	}
	for _, c := range cases {
		if got := Sniff(c.data); got != c.want {
			t.Errorf("%s: Sniff = %q, want %q", c.name, got, c.want)
		}
	}
}

// truncatedJPEG cuts a real JPEG in the middle of its scan.
func truncatedJPEG(t testing.TB) []byte {
	j := encodeJPEG(t, phototest.Whiteboard(400, 200, 40, []string{"Ward 7B"}))
	return j[:len(j)/2]
}

// hugeJPEGHeader patches the frame header of a real JPEG to claim 60000×60000.
func hugeJPEGHeader(t testing.TB) []byte {
	j := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 16, 16)))
	i := bytes.Index(j, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0 in the encoded JPEG")
	}
	j[i+5], j[i+6], j[i+7], j[i+8] = 0xEA, 0x60, 0xEA, 0x60
	return j
}

func TestDecodeRefuses(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		lim  Limits
		want error
		msg  string
	}{
		{"truncated jpeg", truncatedJPEG(t), Limits{}, ErrCorrupt, "truncated or corrupt"},
		{"100000x100000 png header", hugePNGHeader(100000, 100000), Limits{}, ErrTooManyPixels, "100000×100000"},
		{"60000x60000 jpeg header", hugeJPEGHeader(t), Limits{}, ErrTooManyPixels, "60000×60000"},
		{"over a lower pixel limit", encodePNG(t, image.NewGray(image.Rect(0, 0, 100, 100))), Limits{MaxPixels: 9999}, ErrTooManyPixels, "limit is 0.0"},
		{"over the byte limit", encodePNG(t, image.NewGray(image.Rect(0, 0, 100, 100))), Limits{MaxBytes: 10}, ErrTooLarge, "limit is 10"},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), Limits{}, ErrHEIC, "export the photo as JPEG"},
		{"text", []byte("not a picture"), Limits{}, ErrUnknownFormat, "not a JPEG"},
		{"png header only", hugePNGHeader(10, 10), Limits{}, ErrCorrupt, "png"},
		{"zero-size png", hugePNGHeader(0, 10), Limits{}, ErrCorrupt, "png"},
		{"gif header only", []byte("GIF89a\x10\x00\x10\x00\x00\x00\x00"), Limits{}, ErrCorrupt, "gif"},
		{"webp header only", []byte("RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00"), Limits{}, ErrCorrupt, "webp"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			img, _, err := Decode(c.data, c.lim)
			runtime.ReadMemStats(&after)
			if img != nil || !errors.Is(err, c.want) {
				t.Fatalf("Decode = %v, %v; want error %v", img != nil, err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
			}
			if !IsInputError(err) {
				t.Errorf("IsInputError(%v) = false", err)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 8<<20 {
				t.Errorf("refusing it allocated %d bytes", grew)
			}
		})
	}
}

func TestDecodeFormats(t *testing.T) {
	img := phototest.Whiteboard(120, 60, 20, []string{"Hi"})
	cases := []struct {
		name string
		data []byte
		want Format
	}{
		{"jpeg", encodeJPEG(t, img), JPEG},
		{"png", encodePNG(t, img), PNG},
		{"gif", encodeGIF(t, img), GIF},
	}
	// a WebP from golang.org/x/image's own testdata (BSD licence), when the
	// module cache holds it
	if p := phototest.PigoSample(); p != "" {
		cache := p[:strings.Index(p, filepath.Join("github.com", "esimov"))]
		if data, err := os.ReadFile(filepath.Join(cache, "golang.org", "x", "image@v0.47.0", "testdata", "blue-purple-pink.lossy.webp")); err == nil {
			cases = append(cases, struct {
				name string
				data []byte
				want Format
			}{"webp", data, WebP})
		}
	}
	for _, c := range cases {
		got, f, err := Decode(c.data, Limits{})
		if err != nil || f != c.want {
			t.Errorf("%s: Decode = %v, %v", c.name, f, err)
			continue
		}
		if b := got.Bounds(); b.Dx() == 0 || b.Dy() == 0 {
			t.Errorf("%s: empty image", c.name)
		}
	}
}
