package photo

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
	"github.com/scrubshq/scrubs/internal/result"
)

func TestFacesFound(t *testing.T) {
	portrait := pigoSample(t) // 320×400, one face
	cases := []struct {
		name   string
		img    image.Image
		centre image.Point // where the face should be, roughly
		minW   int
		maxW   int
	}{
		{"pigo portrait", portrait, image.Pt(155, 200), 100, 330},
		{"portrait small in a wide scene", scene(1600, 1000, portrait, 1100, 300, 240), image.Pt(1216, 450), 80, 240},
		{"portrait in a 12 MP scene", scene(4000, 3000, portrait, 600, 900, 800), image.Pt(985, 1400), 300, 800},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			faces, err := Faces(c.img)
			if err != nil {
				t.Fatal(err)
			}
			if len(faces) == 0 {
				t.Fatal("no face found")
			}
			f := faces[0]
			t.Logf("%d faces; best box %+v score %.0f confidence %.2f", len(faces), f.Box, f.Score, f.Confidence)
			mid := image.Pt(f.Box.X+f.Box.W/2, f.Box.Y+f.Box.H/2)
			if d := math.Hypot(float64(mid.X-c.centre.X), float64(mid.Y-c.centre.Y)); d > float64(f.Box.W)/2 {
				t.Errorf("face centre %v is %.0f px from %v", mid, d, c.centre)
			}
			if f.Box.W < c.minW || f.Box.W > c.maxW {
				t.Errorf("face width %d not in [%d, %d]", f.Box.W, c.minW, c.maxW)
			}
			if !image.Rect(f.Box.X, f.Box.Y, f.Box.X+f.Box.W, f.Box.Y+f.Box.H).In(c.img.Bounds()) || f.Confidence < 0.5 {
				t.Errorf("box %+v outside %v or confidence %.2f", f.Box, c.img.Bounds(), f.Confidence)
			}
		})
	}
}

func TestFacesNone(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	noise := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(r.IntN(256))
	}
	flat := image.NewUniform(color.Gray{128})
	cases := []struct {
		name string
		img  image.Image
	}{
		{"whiteboard", phototest.Whiteboard(1200, 500, 64, phototest.WhiteboardLines)},
		{"x-ray", phototest.XRayLike(600, 800)},
		{"noise", noise},
		{"flat grey", &boundedImage{flat, image.Rect(0, 0, 300, 200)}},
		{"tiny", image.NewGray(image.Rect(0, 0, 10, 10))},
	}
	for _, c := range cases {
		faces, err := Faces(c.img)
		if err != nil || len(faces) != 0 {
			t.Errorf("%s: Faces = %+v, %v; want none", c.name, faces, err)
		}
	}
}

// boundedImage gives an infinite image bounds (and exercises the generic
// pixel path of grayScaled).
type boundedImage struct {
	image.Image
	r image.Rectangle
}

func (b *boundedImage) Bounds() image.Rectangle { return b.r }

func TestFaceConfidence(t *testing.T) {
	cases := []struct {
		score float64
		want  float64
	}{
		{0, 0}, {-3, 0}, {3, 0.5}, {5, 0.5}, {20, 0.7}, {50, 0.89}, {341, 0.95},
	}
	for _, c := range cases {
		if got := FaceConfidence(c.score); got != c.want {
			t.Errorf("FaceConfidence(%v) = %v, want %v", c.score, got, c.want)
		}
	}
}

func TestMergeFaces(t *testing.T) {
	b := func(x, y, w int) result.Box { return result.Box{X: x, Y: y, W: w, H: w} }
	got := mergeFaces([]Face{{Box: b(0, 0, 100), Score: 20}, {Box: b(10, 10, 100), Score: 30}, {Box: b(20, 20, 40), Score: 9}, {Box: b(500, 0, 80), Score: 12}})
	if len(got) != 2 || got[0].Score != 30 || got[0].Box != (result.Box{X: 0, Y: 0, W: 110, H: 110}) || got[1].Box != b(500, 0, 80) {
		t.Errorf("mergeFaces = %+v", got)
	}
}

func TestPixelateHidesFace(t *testing.T) {
	img := Canvas(scene(1600, 1000, pigoSample(t), 1100, 300, 240))
	faces, _ := Faces(img)
	if len(faces) == 0 {
		t.Fatal("no face before pixelation")
	}
	box := Grow(faces[0].Box, 0.15, img.Rect)
	before := variance(img, box)
	Pixelate(img, box, 6)
	after := variance(img, box)
	left, _ := Faces(img)
	for _, f := range left {
		if iou(f.Box, faces[0].Box) > 0.1 {
			t.Errorf("face still found at %+v after pixelation", f.Box)
		}
	}
	// variance drops: within each block the pixels are now equal
	if local := blockVariance(img, box, max(4, box.W/6)); local > 1 || after >= before {
		t.Errorf("variance %.0f → %.0f, within 8×8 cells %.2f", before, after, local)
	}
}

func variance(img *image.RGBA, b result.Box) float64 {
	var s, s2, n float64
	for y := b.Y; y < b.Y+b.H; y++ {
		for x := b.X; x < b.X+b.W; x++ {
			v := float64(img.RGBAAt(x, y).G)
			s, s2, n = s+v, s2+v*v, n+1
		}
	}
	return s2/n - (s/n)*(s/n)
}

// blockVariance is the mean variance of 4×4 samples taken at the corners of
// the pixelation cells (size pixels, at least 4).
func blockVariance(img *image.RGBA, b result.Box, size int) float64 {
	var total, cells float64
	for y := b.Y; y+size <= b.Y+b.H; y += size {
		for x := b.X; x+size <= b.X+b.W; x += size {
			total += variance(img, result.Box{X: x, Y: y, W: 4, H: 4})
			cells++
		}
	}
	return total / cells
}
