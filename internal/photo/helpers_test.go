package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/draw"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
)

// requireTesseract skips the test when tesseract is missing, or fails it
// when SCRUBS_REQUIRE_TOOLS=1.
func requireTesseract(t testing.TB) {
	t.Helper()
	if _, err := LookTesseract(""); err != nil {
		if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
			t.Fatal("SCRUBS_REQUIRE_TOOLS=1 but " + err.Error())
		}
		t.Skip(err.Error())
	}
}

// pigoSample decodes the portrait of pigo's testdata, skipping when the
// module cache does not hold it.
func pigoSample(t testing.TB) image.Image {
	t.Helper()
	p := phototest.PigoSample()
	if p == "" {
		t.Skip("pigo's testdata/sample.jpg is not in the module cache")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := Decode(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// scene pastes img scaled to w pixels wide at (x, y) on a w0×h0 grey wall.
func scene(w0, h0 int, img image.Image, x, y, w int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w0, h0))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.RGBA{180, 190, 200, 255}), image.Point{}, draw.Src)
	b := img.Bounds()
	h := w * b.Dy() / b.Dx()
	draw.CatmullRom.Scale(dst, image.Rect(x, y, x+w, y+h), img, b, draw.Over, nil)
	return dst
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngChunk builds a PNG chunk with its CRC.
func pngChunk(typ string, body []byte) []byte {
	c := make([]byte, 8, 12+len(body))
	binary.BigEndian.PutUint32(c, uint32(len(body)))
	copy(c[4:], typ)
	c = append(c, body...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// hugePNGHeader is a PNG signature and an IHDR declaring w×h 8-bit RGBA,
// with no pixel data at all.
func hugePNGHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	return append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
}

// withPNGChunks inserts chunks after the IHDR of an encoded PNG.
func withPNGChunks(p []byte, chunks ...[]byte) []byte {
	out := append([]byte{}, p[:33]...) // signature (8) + IHDR (25)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[33:]...)
}

// exifJPEG is a small JPEG with the EXIF of a phone photo taken at 52.2053 N,
// 0.1218 E.
func exifJPEG(t testing.TB) []byte {
	t.Helper()
	return phototest.WithSegments(image.NewGray(image.Rect(0, 0, 64, 48)), phototest.EXIFSegment(testEXIF))
}

var testEXIF = phototest.EXIF{Make: "Apple", Model: "iPhone 15", Artist: "Jane Nurse", DateTimeOriginal: "2026:11:20 14:31:07",
	Serial: "F2LX1234", Owner: "Jane Doe", Lat: 52.2053, Long: 0.1218}

const testXMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
  tiff:Make="Google" tiff:Model="Pixel 8" exif:GPSLatitude="51,30.432N" exif:GPSLongitude="0,7.638W">
 <exif:DateTimeOriginal>2026-11-20T09:15:00</exif:DateTimeOriginal>
 <dc:creator><rdf:Seq><rdf:li>Sam Porter</rdf:li></rdf:Seq></dc:creator>
 <aux:SerialNumber>88XY77</aux:SerialNumber>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`
