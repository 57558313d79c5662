// Package phototest makes the pictures the photo tests need: a whiteboard
// with a patient's details drawn in the Go font, a JPEG carrying EXIF with a
// GPS position, and an x-ray-like picture. Every picture is generated; no
// photograph of a person is stored in the repository.
package phototest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// WhiteboardLines are the lines Whiteboard draws.
var WhiteboardLines = []string{"Bed 4 Mr Albert Fenwick", "NHS 943 476 5919", "Ward 7B"}

// Whiteboard draws lines of large black text (Go Regular, size pt) on a
// white w×h picture, one under another from the top left.
func Whiteboard(w, h int, pt float64, lines []string) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: pt, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	defer face.Close()
	d := font.Drawer{Dst: img, Src: image.Black, Face: face}
	lh := int(pt * 1.6)
	for i, l := range lines {
		d.Dot = fixed.P(int(pt), lh*(i+1))
		d.DrawString(l)
	}
	return img
}

// EXIF describes the tags EXIFSegment writes.
type EXIF struct {
	Make, Model, Artist, DateTimeOriginal, Serial, Owner string
	// Lat and Long in signed decimal degrees; both 0 for no GPS directory.
	Lat, Long float64
	// Orientation is the EXIF Orientation tag (0 for none).
	Orientation uint16
}

// EXIFSegment builds a JPEG APP1 segment (marker, length, "Exif\0\0" and a
// little-endian TIFF block) holding IFD0 (Make, Model, Artist), an Exif
// sub-IFD (DateTimeOriginal, CameraOwnerName, BodySerialNumber) and a GPS
// sub-IFD.
func EXIFSegment(x EXIF) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		val      []byte // the value; over 4 bytes it goes to the data area
		ptr      int    // a sub-IFD pointer: index into dirs
	}
	ascii := func(tag uint16, s string) entry {
		return entry{tag: tag, typ: 2, count: uint32(len(s) + 1), val: append([]byte(s), 0), ptr: -1}
	}
	rat3 := func(tag uint16, v float64) entry {
		v = math.Abs(v)
		d := math.Floor(v)
		m := math.Floor((v - d) * 60)
		s := ((v-d)*60 - m) * 60
		b := make([]byte, 24)
		le := binary.LittleEndian
		le.PutUint32(b[0:], uint32(d))
		le.PutUint32(b[4:], 1)
		le.PutUint32(b[8:], uint32(m))
		le.PutUint32(b[12:], 1)
		le.PutUint32(b[16:], uint32(math.Round(s*1000)))
		le.PutUint32(b[20:], 1000)
		return entry{tag: tag, typ: 5, count: 3, val: b, ptr: -1}
	}
	ref := func(tag uint16, s string) entry { return ascii(tag, s) }
	dirs := [][]entry{
		{ascii(0x010F, x.Make), ascii(0x0110, x.Model), ascii(0x013B, x.Artist), {tag: 0x8769, typ: 4, count: 1, ptr: 1}},
		{ascii(0x9003, x.DateTimeOriginal), ascii(0xA430, x.Owner), ascii(0xA431, x.Serial)},
	}
	if x.Orientation != 0 {
		v := binary.LittleEndian.AppendUint16(nil, x.Orientation)
		dirs[0] = append([]entry{{tag: 0x0112, typ: 3, count: 1, val: append(v, 0, 0), ptr: -1}}, dirs[0]...)
	}
	if x.Lat != 0 || x.Long != 0 {
		ns, ew := "N", "E"
		if x.Lat < 0 {
			ns = "S"
		}
		if x.Long < 0 {
			ew = "W"
		}
		dirs[0] = append(dirs[0], entry{tag: 0x8825, typ: 4, count: 1, ptr: 2})
		dirs = append(dirs, []entry{ref(1, ns), rat3(2, x.Lat), ref(3, ew), rat3(4, x.Long)})
	}
	// layout: header (8), then each IFD followed by its data area
	offs := make([]int, len(dirs))
	pos := 8
	for i, d := range dirs {
		offs[i] = pos
		pos += 2 + 12*len(d) + 4
		for _, e := range d {
			if len(e.val) > 4 {
				pos += len(e.val) + len(e.val)&1
			}
		}
	}
	le := binary.LittleEndian
	tiff := make([]byte, pos)
	copy(tiff, "II*\x00")
	le.PutUint32(tiff[4:], uint32(offs[0]))
	for i, d := range dirs {
		p := offs[i]
		le.PutUint16(tiff[p:], uint16(len(d)))
		data := p + 2 + 12*len(d) + 4
		for k, e := range d {
			q := p + 2 + 12*k
			le.PutUint16(tiff[q:], e.tag)
			le.PutUint16(tiff[q+2:], e.typ)
			le.PutUint32(tiff[q+4:], e.count)
			switch {
			case e.ptr >= 0 && e.val == nil:
				le.PutUint32(tiff[q+8:], uint32(offs[e.ptr]))
			case len(e.val) <= 4:
				copy(tiff[q+8:], e.val)
			default:
				le.PutUint32(tiff[q+8:], uint32(data))
				copy(tiff[data:], e.val)
				data += len(e.val) + len(e.val)&1
			}
		}
	}
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// XMPSegment builds a JPEG APP1 segment holding an XMP packet.
func XMPSegment(packet string) []byte {
	payload := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), packet...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// WithSegments encodes img as a JPEG and inserts the segments right after
// the start-of-image marker.
func WithSegments(img image.Image, segs ...[]byte) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	b := buf.Bytes()
	out := append([]byte{}, b[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, b[2:]...)
}

// XRayLike draws a radiograph-like picture: black background, a grey soft
// tissue oval and bright bone shapes with soft edges.
func XRayLike(w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	cx, cy := float64(w)/2, float64(h)/2
	for y := range h {
		for x := range w {
			dx, dy := (float64(x)-cx)/(0.32*float64(w)), (float64(y)-cy)/(0.45*float64(h))
			v := 12.0
			if r := dx*dx + dy*dy; r < 1 {
				v = 95 + 25*(1-r)
			}
			// two "bones": bright vertical bars with soft edges
			for _, bx := range []float64{0.42, 0.58} {
				d := math.Abs(float64(x)/float64(w)-bx) / 0.035
				if d < 1 && math.Abs(dy) < 0.9 {
					v = math.Max(v, 235-70*d*d)
				}
			}
			img.SetGray(x, y, color.Gray{uint8(v)})
		}
	}
	return img
}

// PigoSample returns the portrait that ships in the testdata of
// github.com/esimov/pigo v1.4.6 (MIT licence), read from the module cache
// at test time and never copied into this repository; "" when not found.
func PigoSample() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "github.com", "esimov", "pigo@v1.4.6", "testdata", "sample.jpg")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
