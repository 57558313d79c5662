package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"

	"github.com/scrubshq/scrubs/internal/result"
)

// Canvas copies img into a new RGBA picture that Pixelate and Fill can
// change, with its origin at (0, 0) as boxes assume.
func Canvas(img image.Image) *image.RGBA {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}

// Orient returns img turned upright as the EXIF Orientation tag o (1–8)
// says, as a new RGBA picture at (0, 0); for 0 or 1 it returns img as is.
// Phones store most portrait photos sideways with o = 6: without this, faces
// lie on their side (and go unfound), and the safe copy, which carries no
// tag, would show sideways.
func Orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	src := Canvas(img)
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*dw]
		for x := range dw {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			copy(row[4*x:4*x+4], src.Pix[sy*src.Stride+4*sx:])
		}
	}
	return dst
}

// Grow enlarges a box by frac of its size on every side (faces: to take in
// hair and ears), cut to bounds.
func Grow(bx result.Box, frac float64, bounds image.Rectangle) result.Box {
	dx, dy := int(float64(bx.W)*frac), int(float64(bx.H)*frac)
	return clampBox(result.Box{X: bx.X - dx, Y: bx.Y - dy, W: bx.W + 2*dx, H: bx.H + 2*dy}, bounds)
}

// Pixelate replaces the box with blocks of its mean colour, about blocks
// across (at least 4 pixels a block), so a face is no longer recognisable.
func Pixelate(img *image.RGBA, bx result.Box, blocks int) {
	r := image.Rect(bx.X, bx.Y, bx.X+bx.W, bx.Y+bx.H).Intersect(img.Rect)
	if r.Empty() {
		return
	}
	size := max(4, r.Dx()/max(1, blocks))
	for by := r.Min.Y; by < r.Max.Y; by += size {
		for bx := r.Min.X; bx < r.Max.X; bx += size {
			cell := image.Rect(bx, by, min(bx+size, r.Max.X), min(by+size, r.Max.Y))
			var s [3]uint64
			var n uint64
			for y := cell.Min.Y; y < cell.Max.Y; y++ {
				off := img.PixOffset(cell.Min.X, y)
				for x := 0; x < cell.Dx(); x++ {
					p := img.Pix[off+4*x:]
					s[0] += uint64(p[0])
					s[1] += uint64(p[1])
					s[2] += uint64(p[2])
					n++
				}
			}
			c := color.RGBA{uint8(s[0] / n), uint8(s[1] / n), uint8(s[2] / n), 255}
			draw.Draw(img, cell, image.NewUniform(c), image.Point{}, draw.Src)
		}
	}
}

// Fill paints the box solid black.
func Fill(img *image.RGBA, bx result.Box) {
	r := image.Rect(bx.X, bx.Y, bx.X+bx.W, bx.Y+bx.H).Intersect(img.Rect)
	draw.Draw(img, r, image.NewUniform(color.Black), image.Point{}, draw.Src)
}

// Encode writes img as a new file: JPEG (quality 90) when the original was a
// JPEG, PNG otherwise (the standard library writes no WebP or animated GIF).
// The encoders write pixels only, so no EXIF, XMP, ICC or comment from the
// original survives. It returns the format written.
func Encode(img image.Image, original Format) ([]byte, Format, error) {
	var buf bytes.Buffer
	if original == JPEG {
		err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
		return buf.Bytes(), JPEG, err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	err := enc.Encode(&buf, img)
	return buf.Bytes(), PNG, err
}
