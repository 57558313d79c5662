package photo

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
	"github.com/scrubshq/scrubs/internal/result"
)

func TestEncodeStripsMetadata(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 64, 48))
	tiff := phototest.EXIFSegment(testEXIF)[10:]
	cases := []struct {
		name string
		data []byte
		want Format
	}{
		{"jpeg with exif and xmp", phototest.WithSegments(gray, phototest.EXIFSegment(testEXIF), phototest.XMPSegment(testXMP)), JPEG},
		{"png with eXIf and xmp", withPNGChunks(encodePNG(t, gray), pngChunk("eXIf", tiff),
			pngChunk("iTXt", append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), testXMP...))), PNG},
		{"gif", append(encodeGIF(t, gray), []byte("XMP DataXMP"+testXMP)...), PNG},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			md, _ := ReadMetadata(c.data)
			if !md.EXIF && !md.XMP {
				t.Fatal("the input carries no metadata")
			}
			img, f, err := Decode(c.data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			out, of, err := Encode(Canvas(img), f)
			if err != nil || of != c.want {
				t.Fatalf("Encode = %v, %v", of, err)
			}
			for _, marker := range []string{"Exif\x00\x00", "<x:xmpmeta", "eXIf", "iTXt", "Jane", "Apple"} {
				if bytes.Contains(out, []byte(marker)) {
					t.Errorf("the copy still holds %q", marker)
				}
			}
			if md, err := ReadMetadata(out); err != nil || md.EXIF || md.XMP || len(md.Entities) > 0 {
				t.Errorf("the copy's metadata: %+v, %v", md, err)
			}
		})
	}
}

func TestFillAndGrow(t *testing.T) {
	img := Canvas(phototest.Whiteboard(200, 100, 30, []string{"Ward 7B"}))
	cases := []struct {
		box  result.Box
		frac float64
		want result.Box
	}{
		{result.Box{X: 10, Y: 10, W: 100, H: 20}, 0.1, result.Box{X: 0, Y: 8, W: 120, H: 24}},
		{result.Box{X: 190, Y: 90, W: 40, H: 40}, 0, result.Box{X: 190, Y: 90, W: 10, H: 10}},
	}
	for _, c := range cases {
		got := Grow(c.box, c.frac, img.Rect)
		if got != c.want {
			t.Errorf("Grow(%+v, %v) = %+v, want %+v", c.box, c.frac, got, c.want)
		}
		Fill(img, got)
		if p := img.RGBAAt(got.X+got.W/2, got.Y+got.H/2); p.R != 0 || p.G != 0 || p.B != 0 {
			t.Errorf("Fill left %v at the middle of %+v", p, got)
		}
	}
}

func TestOrient(t *testing.T) {
	// a 3×2 picture whose pixels are numbered 1…6 row by row:
	// 1 2 3
	// 4 5 6
	src := image.NewGray(image.Rect(0, 0, 3, 2))
	for i := range src.Pix {
		src.Pix[i] = uint8(i + 1)
	}
	cases := []struct {
		o    int
		rows []string // the upright picture's rows
	}{
		{1, []string{"123", "456"}},
		{2, []string{"321", "654"}},
		{3, []string{"654", "321"}},
		{4, []string{"456", "123"}},
		{5, []string{"14", "25", "36"}},
		{6, []string{"41", "52", "63"}},
		{7, []string{"63", "52", "41"}},
		{8, []string{"36", "25", "14"}},
	}
	for _, c := range cases {
		got := Orient(src, c.o)
		b := got.Bounds()
		var rows []string
		for y := b.Min.Y; y < b.Max.Y; y++ {
			var r []byte
			for x := b.Min.X; x < b.Max.X; x++ {
				v, _, _, _ := got.At(x, y).RGBA()
				r = append(r, '0'+byte(v>>8))
			}
			rows = append(rows, string(r))
		}
		if strings.Join(rows, "/") != strings.Join(c.rows, "/") {
			t.Errorf("Orient(%d) = %q, want %q", c.o, rows, c.rows)
		}
	}
}
