package main

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
)

// writeImageFile writes data to name in a temporary directory.
func writeImageFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImageArg(t *testing.T) {
	dir := t.TempDir()
	img := writeImageFile(t, dir, "ward.jpg", phototest.WithSegments(image.NewGray(image.Rect(0, 0, 8, 8))))
	txt := writeImageFile(t, dir, "post.txt", []byte("Mrs Pickering in bed 4"))
	heic := writeImageFile(t, dir, "photo.heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{img}, img},
		{[]string{"--format", "json", img, "--caption", "hi"}, img},
		{[]string{"--file", img}, img},
		{[]string{"--file=" + img}, img},
		{[]string{"--", img}, img},
		{[]string{heic}, heic},
		{[]string{"--file", txt}, ""},
		{[]string{"Mrs", "Pickering", "in", "bed", "4"}, ""},
		{[]string{dir}, ""},
		{[]string{"--file"}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		if got := imageArg(c.args); got != c.want {
			t.Errorf("imageArg(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

func TestCheckFaceCLI(t *testing.T) {
	portrait := phototest.PigoSample()
	if portrait == "" {
		t.Skip("pigo's testdata/sample.jpg is not in the module cache")
	}
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"check", "--no-ocr", portrait}, []string{"1 face", "verdict: review", `FACE         "face"`, "at 32,80 243×243", "CONF-003", "background"}},
		{[]string{"check", "--no-ocr", "--caption", "my patient in bed 3 today", portrait}, []string{"verdict: block", "in the caption:", `caption: "bed 3"`}},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, nil, c.args...)
		if code != exitFound {
			t.Errorf("%q: exit %d, stderr %q", c.args, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stdout, w) {
				t.Errorf("%q: stdout lacks %q:\n%s", c.args, w, stdout)
			}
		}
	}
}

func TestCheckAndRedactImageCLI(t *testing.T) {
	dir := t.TempDir()
	exifPhoto := writeImageFile(t, dir, "selfie.jpg", phototest.WithSegments(image.NewGray(image.Rect(0, 0, 200, 150)),
		phototest.EXIFSegment(phototest.EXIF{Make: "Apple", Model: "iPhone 15", Lat: 52.2053, Long: 0.1218})))
	heic := writeImageFile(t, dir, "photo.heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"))
	truncated := writeImageFile(t, dir, "cut.jpg", phototest.WithSegments(image.NewGray(image.Rect(0, 0, 200, 150)))[:200])
	safe := filepath.Join(dir, "safe.jpg")
	cases := []struct {
		name     string
		args     []string
		code     int
		inStdout []string
		inStderr string
	}{
		{"check text", []string{"check", "--no-ocr", exifPhoto}, exitFound,
			[]string{"selfie.jpg: jpeg 200×150", "verdict: review", `GPS          "52.2053, 0.1218"`, "CONF-011", "exif"}, ""},
		{"check json", []string{"check", "--no-ocr", "--format", "json", "--caption", "night shift done", exifPhoto}, exitFound,
			[]string{`"verdict": "review"`, `"source": "exif"`, `"image": {`, `"format": "jpeg"`}, ""},
		{"check heic", []string{"check", heic}, exitUsage, nil, "HEIC is not supported; export the photo as JPEG"},
		{"check truncated", []string{"check", "--no-ocr", truncated}, exitUsage, nil, "truncated or corrupt"},
		{"check two pictures", []string{"check", exifPhoto, exifPhoto}, exitUsage, nil, "give one picture"},
		{"redact without -o", []string{"redact", exifPhoto}, exitUsage, nil, "give -o FILE"},
		{"redact", []string{"redact", "--no-ocr", exifPhoto, "-o", safe}, exitClean,
			[]string{"wrote " + safe, "strip", "re-check of the copy: safe"}, ""},
		{"text still works", []string{"check", "--format", "json", "Mrs Pickering in bed 4 is 94 today"}, exitFound,
			[]string{`"verdict"`}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr %q", code, c.code, stderr)
			}
			for _, s := range c.inStdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			if !strings.Contains(stderr, c.inStderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.inStderr)
			}
		})
	}
	out, err := os.ReadFile(safe)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("Exif\x00\x00")) || bytes.Contains(out, []byte("iPhone")) || out[0] != 0xFF || out[1] != 0xD8 {
		t.Error("the safe copy is not a JPEG without EXIF")
	}
}
