package photo

import (
	_ "embed"
	"image"
	"math"
	"sort"
	"sync"

	pigo "github.com/esimov/pigo/core"

	"github.com/scrubshq/scrubs/internal/result"
)

// facefinder is pigo's frontal-face cascade, copied unchanged from
// github.com/esimov/pigo v1.4.6 cascade/facefinder (MIT licence, Copyright
// (c) 2018 Endre Simo; see docs/DEPENDENCIES.md). SHA-256
// d8014993e7298c7b1865d1f8b855d6dbf4ec5c808bf879e2091ab6837abf90cd.
//
//go:embed facefinder
var facefinder []byte

var (
	cascadeOnce sync.Once
	cascade     *pigo.Pigo
	cascadeErr  error
)

func classifier() (*pigo.Pigo, error) {
	cascadeOnce.Do(func() { cascade, cascadeErr = pigo.NewPigo().Unpack(facefinder) })
	return cascade, cascadeErr
}

// Face is a face found in a picture.
type Face struct {
	// Box is the face's square in the picture's pixels.
	Box result.Box
	// Score is pigo's cascade score summed over the merged detections (its
	// own tool keeps faces scoring above 5).
	Score float64
	// Confidence maps Score onto 0–1 (see FaceConfidence).
	Confidence float64
}

// Face detection settings. The picture is scaled so that its longer side is
// faceSide pixels (faces smaller than about faceMin/faceSide of that side are
// missed: 20 px in 1024, about 2% of the picture's width).
const (
	faceSide  = 1024
	faceMin   = 20
	faceShift = 0.1
	faceScale = 1.1
	faceIoU   = 0.2
	// maxDetections bounds the windows passed to pigo's quadratic clustering
	// (a crafted picture could make every window fire).
	maxDetections = 4000
	// MinFaceScore is the cluster score below which a detection is dropped.
	MinFaceScore = 5.0
)

// FaceConfidence maps a pigo cluster score (the sum of the scores of the
// overlapping windows pigo merged) onto 0–1. Calibrated on the test
// pictures (docs/PHOTOS.md): the portrait in pigo's testdata scores 330–430
// at every size from 43 to 650 px, while text, noise, flat areas and the
// x-ray-like picture give no detection above 5 at all. Real clutter is
// expected to score far lower than a face, so a score of 5 (pigo's own
// cut-off) gives 0.5, 20 gives 0.70, 50 gives 0.89, and 0.95 is the ceiling:
// a cascade is never certain.
func FaceConfidence(score float64) float64 {
	if score <= 0 {
		return 0
	}
	c := 1 - 0.5*math.Exp(-(score-MinFaceScore)/30)
	return math.Round(math.Min(0.95, math.Max(0.5, c))*100) / 100
}

// Faces finds frontal faces with pigo's cascade on a grey copy of img whose
// longer side is at most 1024 pixels; boxes are scaled back to img.
func Faces(img image.Image) ([]Face, error) {
	pg, err := classifier()
	if err != nil {
		return nil, err
	}
	g := grayScaled(img, faceSide)
	if g.w < faceMin || g.h < faceMin {
		return nil, nil
	}
	params := pigo.CascadeParams{
		MinSize:     faceMin,
		MaxSize:     min(g.w, g.h),
		ShiftFactor: faceShift,
		ScaleFactor: faceScale,
		ImageParams: pigo.ImageParams{Pixels: g.pix, Rows: g.h, Cols: g.w, Dim: g.w},
	}
	dets := pg.RunCascade(params, 0)
	if len(dets) > maxDetections { // pigo's clustering is quadratic: keep the best windows
		sort.Slice(dets, func(i, j int) bool { return dets[i].Q > dets[j].Q })
		dets = dets[:maxDetections]
	}
	dets = pg.ClusterDetections(dets, faceIoU)
	b := img.Bounds()
	var out []Face
	for _, d := range dets {
		if float64(d.Q) < MinFaceScore {
			continue
		}
		s := float64(d.Scale) * g.scale
		x := float64(d.Col)*g.scale - s/2
		y := float64(d.Row)*g.scale - s/2
		box := clampBox(result.Box{X: int(x) + b.Min.X, Y: int(y) + b.Min.Y, W: int(math.Ceil(s)), H: int(math.Ceil(s))}, b)
		if box.W == 0 || box.H == 0 {
			continue
		}
		out = append(out, Face{Box: box, Score: float64(d.Q), Confidence: FaceConfidence(float64(d.Q))})
	}
	out = mergeFaces(out)
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out, nil
}

// mergeFaces joins faces whose boxes overlap a lot (IoU over 0.3, or one
// inside the other) after pigo's own clustering, keeping the better score.
func mergeFaces(fs []Face) []Face {
	sort.Slice(fs, func(i, j int) bool { return fs[i].Score > fs[j].Score })
	var out []Face
	for _, f := range fs {
		merged := false
		for k := range out {
			if iou(out[k].Box, f.Box) > 0.3 || contains(out[k].Box, f.Box) || contains(f.Box, out[k].Box) {
				out[k].Box = union(out[k].Box, f.Box)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, f)
		}
	}
	return out
}

func iou(a, b result.Box) float64 {
	ix := max(0, min(a.X+a.W, b.X+b.W)-max(a.X, b.X))
	iy := max(0, min(a.Y+a.H, b.Y+b.H)-max(a.Y, b.Y))
	in := float64(ix * iy)
	u := float64(a.W*a.H+b.W*b.H) - in
	if u <= 0 {
		return 0
	}
	return in / u
}

func contains(a, b result.Box) bool {
	return b.X >= a.X && b.Y >= a.Y && b.X+b.W <= a.X+a.W && b.Y+b.H <= a.Y+a.H
}

func union(a, b result.Box) result.Box {
	x, y := min(a.X, b.X), min(a.Y, b.Y)
	return result.Box{X: x, Y: y, W: max(a.X+a.W, b.X+b.W) - x, H: max(a.Y+a.H, b.Y+b.H) - y}
}

// clampBox cuts a box to the bounds.
func clampBox(bx result.Box, b image.Rectangle) result.Box {
	r := image.Rect(bx.X, bx.Y, bx.X+bx.W, bx.Y+bx.H).Intersect(b)
	return result.Box{X: r.Min.X, Y: r.Min.Y, W: r.Dx(), H: r.Dy()}
}

// gray is a grey copy of a picture, scaled down.
type gray struct {
	pix   []uint8
	w, h  int
	scale float64 // original pixels per grey pixel
}

// grayScaled returns a grey copy of img whose longer side is at most side
// pixels, each grey pixel the mean of the block of pixels it covers. JPEG's
// luma plane is read directly; other layouts go through their own pixel
// arrays where the standard library exposes them.
func grayScaled(img image.Image, side int) gray {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	scale := 1.0
	if m := max(w, h); m > side {
		scale = float64(m) / float64(side)
	}
	gw, gh := max(1, int(float64(w)/scale)), max(1, int(float64(h)/scale))
	sum := make([]uint32, gw*gh)
	cnt := make([]uint32, gw*gh)
	xmap := make([]int, w)
	for x := range w {
		xmap[x] = min(gw-1, int(float64(x)/scale))
	}
	for y := range h {
		row := min(gh-1, int(float64(y)/scale)) * gw
		switch im := img.(type) {
		case *image.YCbCr:
			off := (y+b.Min.Y-im.Rect.Min.Y)*im.YStride - im.Rect.Min.X + b.Min.X
			for x := range w {
				sum[row+xmap[x]] += uint32(im.Y[off+x])
				cnt[row+xmap[x]]++
			}
		case *image.Gray:
			off := im.PixOffset(b.Min.X, b.Min.Y+y)
			for x := range w {
				sum[row+xmap[x]] += uint32(im.Pix[off+x])
				cnt[row+xmap[x]]++
			}
		case *image.RGBA:
			off := im.PixOffset(b.Min.X, b.Min.Y+y)
			for x := range w {
				p := im.Pix[off+4*x : off+4*x+3]
				sum[row+xmap[x]] += (299*uint32(p[0]) + 587*uint32(p[1]) + 114*uint32(p[2])) / 1000
				cnt[row+xmap[x]]++
			}
		case *image.NRGBA:
			off := im.PixOffset(b.Min.X, b.Min.Y+y)
			for x := range w {
				p := im.Pix[off+4*x : off+4*x+3]
				sum[row+xmap[x]] += (299*uint32(p[0]) + 587*uint32(p[1]) + 114*uint32(p[2])) / 1000
				cnt[row+xmap[x]]++
			}
		default:
			for x := range w {
				r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				sum[row+xmap[x]] += (299*(r>>8) + 587*(g>>8) + 114*(bl>>8)) / 1000
				cnt[row+xmap[x]]++
			}
		}
	}
	pix := make([]uint8, gw*gh)
	for i := range pix {
		if cnt[i] > 0 {
			pix[i] = uint8(sum[i] / cnt[i])
		}
	}
	return gray{pix: pix, w: gw, h: gh, scale: scale}
}
