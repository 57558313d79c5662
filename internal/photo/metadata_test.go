package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
	"github.com/scrubshq/scrubs/internal/result"
)

// found lists entities as "TYPE text source" for comparison.
func found(md *Metadata) []string {
	var out []string
	for _, e := range md.Entities {
		out = append(out, string(e.Type)+" "+e.Text+" "+e.Source)
		if e.Start != 0 || e.End != 0 || e.Reason == "" || e.Confidence <= 0 || e.Confidence > 1 {
			panic("bad image entity: " + e.Reason)
		}
	}
	slices.Sort(out)
	return out
}

func TestReadMetadata(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 32, 24))
	south := testEXIF
	south.Lat, south.Long = -33.8688, 151.2093
	west := phototest.EXIF{Model: "Canon EOS R6", Make: "Canon", Lat: 40.7128, Long: -74.006}
	tiff := phototest.EXIFSegment(testEXIF)[10:] // the TIFF block of the APP1 segment
	cases := []struct {
		name       string
		data       []byte
		want       []string
		exif, xmpF bool
	}{
		{"jpeg exif", exifJPEG(t), []string{
			"DATE 2026:11:20 14:31:07 exif", "DEVICE Apple iPhone 15 exif", "DEVICE serial F2LX1234 exif",
			"GPS 52.2053, 0.1218 exif", "NAME_OTHER Jane Doe exif", "NAME_OTHER Jane Nurse exif"}, true, false},
		{"southern and eastern", phototest.WithSegments(gray, phototest.EXIFSegment(south)), []string{
			"DATE 2026:11:20 14:31:07 exif", "DEVICE Apple iPhone 15 exif", "DEVICE serial F2LX1234 exif",
			"GPS -33.8688, 151.2093 exif", "NAME_OTHER Jane Doe exif", "NAME_OTHER Jane Nurse exif"}, true, false},
		{"western, model repeats make", phototest.WithSegments(gray, phototest.EXIFSegment(west)), []string{
			"DEVICE Canon EOS R6 exif", "GPS 40.7128, -74.0060 exif"}, true, false},
		{"jpeg xmp", phototest.WithSegments(gray, phototest.XMPSegment(testXMP)), []string{
			"DATE 2026-11-20T09:15:00 xmp", "DEVICE 88XY77 xmp", "DEVICE Google xmp", "DEVICE Pixel 8 xmp",
			"GPS 51.5072, -0.1273 xmp", "NAME_OTHER Sam Porter xmp"}, false, true},
		{"png eXIf and iTXt xmp", withPNGChunks(encodePNG(t, gray), pngChunk("eXIf", tiff),
			pngChunk("iTXt", append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), testXMP...))), []string{
			"DATE 2026-11-20T09:15:00 xmp", "DATE 2026:11:20 14:31:07 exif", "DEVICE 88XY77 xmp", "DEVICE Apple iPhone 15 exif",
			"DEVICE Google xmp", "DEVICE Pixel 8 xmp", "DEVICE serial F2LX1234 exif", "GPS 51.5072, -0.1273 xmp",
			"GPS 52.2053, 0.1218 exif", "NAME_OTHER Jane Doe exif", "NAME_OTHER Jane Nurse exif", "NAME_OTHER Sam Porter xmp"}, true, true},
		{"webp chunks", webpWith(t, tiff, testXMP), []string{
			"DATE 2026-11-20T09:15:00 xmp", "DATE 2026:11:20 14:31:07 exif", "DEVICE 88XY77 xmp", "DEVICE Apple iPhone 15 exif",
			"DEVICE Google xmp", "DEVICE Pixel 8 xmp", "DEVICE serial F2LX1234 exif", "GPS 51.5072, -0.1273 xmp",
			"GPS 52.2053, 0.1218 exif", "NAME_OTHER Jane Doe exif", "NAME_OTHER Jane Nurse exif", "NAME_OTHER Sam Porter xmp"}, true, true},
		{"gif with xmp extension", append(encodeGIF(t, gray), []byte("XMP DataXMP"+testXMP)...), []string{
			"DATE 2026-11-20T09:15:00 xmp", "DEVICE 88XY77 xmp", "DEVICE Google xmp", "DEVICE Pixel 8 xmp",
			"GPS 51.5072, -0.1273 xmp", "NAME_OTHER Sam Porter xmp"}, false, true},
		{"no metadata", encodeJPEG(t, gray), nil, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			md, err := ReadMetadata(c.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := found(md); !slices.Equal(got, c.want) {
				t.Errorf("entities\n got %q\nwant %q", got, c.want)
			}
			if md.EXIF != c.exif || md.XMP != c.xmpF {
				t.Errorf("EXIF, XMP = %v, %v; want %v, %v", md.EXIF, md.XMP, c.exif, c.xmpF)
			}
		})
	}
}

// webpWith builds a RIFF WebP container holding EXIF and XMP chunks (and no
// image chunk: ReadMetadata does not need one).
func webpWith(t testing.TB, tiff []byte, xmp string) []byte {
	chunk := func(typ string, body []byte) []byte {
		c := append([]byte(typ), 0, 0, 0, 0)
		binary.LittleEndian.PutUint32(c[4:], uint32(len(body)))
		c = append(c, body...)
		if len(body)%2 == 1 {
			c = append(c, 0)
		}
		return c
	}
	body := append([]byte("WEBP"), chunk("EXIF", tiff)...)
	body = append(body, chunk("XMP ", []byte(xmp))...)
	out := append([]byte("RIFF"), 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(body)))
	return append(out, body...)
}

// app1 wraps an EXIF payload (after "Exif\0\0") in a JPEG.
func app1(payload []byte) []byte {
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+8))
	seg = append(seg, "Exif\x00\x00"...)
	seg = append(seg, payload...)
	return phototest.WithSegments(image.NewGray(image.Rect(0, 0, 8, 8)), seg)
}

func TestReadMetadataCorrupt(t *testing.T) {
	le := binary.LittleEndian
	tiff := func(ifd uint32, rest ...byte) []byte {
		b := []byte("II*\x00\x00\x00\x00\x00")
		le.PutUint32(b[4:], ifd)
		return append(b, rest...)
	}
	good := phototest.EXIFSegment(testEXIF)[10:]
	badGPS := append([]byte{}, good...)
	// point the GPS IFD pointer (the last IFD0 entry) far outside the block
	n := int(le.Uint16(badGPS[8:]))
	le.PutUint32(badGPS[8+2+12*(n-1)+8:], 0x7FFFFFF0)
	cases := []struct {
		name string
		data []byte
		msg  string
		keep int // entities still read
	}{
		{"no tiff header", app1([]byte("XX**\x08\x00\x00\x00")), "no TIFF header", 0},
		{"short block", app1([]byte("II")), "shorter than a TIFF header", 0},
		{"ifd past the end", app1(tiff(0xFFFFFF00)), "past the end", 0},
		{"ifd claims too many entries", app1(tiff(8, 0x60, 0xEA)), "claims 60000 entries", 0},
		{"ifd entries past the end", app1(tiff(8, 0x05, 0x00, 1, 2)), "runs past the end", 0},
		{"gps pointer outside", app1(badGPS), "GPS sub-directory", 5},
		{"segment runs past the file", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, 'E', 'x'}, "runs past the end of the file", 0},
		{"no marker", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78}, "no marker", 0},
		{"broken xmp", phototest.WithSegments(image.NewGray(image.Rect(0, 0, 8, 8)),
			phototest.XMPSegment(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="Nokia"><tiff:Model>3310`)),
			"XMP", 1},
		{"png eXIf past the end", append(hugePNGHeader(1, 1), 0, 0, 1, 0, 'e', 'X', 'I', 'f', 'I', 'I', '*', 0), "eXIf chunk runs past", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			md, err := ReadMetadata(c.data)
			if !errors.Is(err, ErrBadMetadata) {
				t.Fatalf("err = %v, want ErrBadMetadata", err)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
			}
			if len(md.Entities) != c.keep {
				t.Errorf("kept %d entities %q, want %d", len(md.Entities), found(md), c.keep)
			}
		})
	}
}

func TestXMPDegrees(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"52,12.318N", 52.2053, true},
		{"0,7.638W", -0.1273, true},
		{"33,52,7.68S", -33.8688, true},
		{"-74.006", -74.006, true},
		{"", 0, false},
		{"N", 0, false},
		{"1,2,3,4", 0, false},
		{"NaN", 0, false},
	}
	for _, c := range cases {
		got, ok := xmpDegrees(c.in)
		if ok != c.ok || ok && (got-c.want > 1e-4 || c.want-got > 1e-4) {
			t.Errorf("xmpDegrees(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// FuzzMetadata feeds damaged files to ReadMetadata: it must not panic, must
// keep values short and printable, and must report damage as ErrBadMetadata.
func FuzzMetadata(f *testing.F) {
	gray := image.NewGray(image.Rect(0, 0, 8, 8))
	tiff := phototest.EXIFSegment(testEXIF)[10:]
	f.Add(exifJPEG(f))
	f.Add(phototest.WithSegments(gray, phototest.XMPSegment(testXMP)))
	f.Add(withPNGChunks(encodePNG(f, gray), pngChunk("eXIf", tiff)))
	f.Add(webpWith(f, tiff, testXMP))
	f.Add(app1([]byte("MM\x00*\x00\x00\x00\x08\x00\x01\x88\x25\x00\x04\x00\x00\x00\x01\x00\x00\x00\x08")))
	f.Fuzz(func(t *testing.T, data []byte) {
		md, err := ReadMetadata(data)
		if err != nil && !errors.Is(err, ErrBadMetadata) {
			t.Fatalf("error not wrapping ErrBadMetadata: %v", err)
		}
		for _, e := range md.Entities {
			if !utf8.ValidString(e.Text) || e.Text == "" || utf8.RuneCountInString(e.Text) > maxValueRunes+20 {
				t.Fatalf("bad value %q", e.Text)
			}
			if e.Source != "exif" && e.Source != "xmp" {
				t.Fatalf("source %q", e.Source)
			}
			if e.Type == result.GPS && !strings.Contains(e.Text, ", ") {
				t.Fatalf("GPS text %q", e.Text)
			}
		}
		if bytes.Contains([]byte(err2s(err)), []byte{0}) {
			t.Fatalf("NUL in error")
		}
	})
}

func err2s(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestReadEXIFCycle: two IFDs pointing at each other. goexif (in go.mod)
// loops for ever on this file, appending directories; readEXIF never follows
// the IFD chain, so it returns at once.
func TestReadEXIFCycle(t *testing.T) {
	le := binary.LittleEndian
	ifd := func(next uint32) []byte {
		d := make([]byte, 18)
		le.PutUint16(d, 1)
		le.PutUint16(d[2:], 0x010F) // Make
		le.PutUint16(d[4:], 2)      // ASCII
		le.PutUint32(d[6:], 2)
		copy(d[10:], "A\x00")
		le.PutUint32(d[14:], next)
		return d
	}
	b := append([]byte("II*\x00\x08\x00\x00\x00"), ifd(26)...)
	b = append(b, ifd(8)...)
	md, err := ReadMetadata(app1(b))
	if err != nil || len(md.Entities) != 1 || md.Entities[0].Text != "A" {
		t.Errorf("ReadMetadata = %+v, %v", md, err)
	}
}
