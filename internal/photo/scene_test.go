package photo

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
)

func TestXRayLike(t *testing.T) {
	colour := image.NewRGBA(image.Rect(0, 0, 200, 200))
	draw.Draw(colour, colour.Bounds(), image.NewUniform(color.RGBA{20, 120, 40, 255}), image.Point{}, draw.Src)
	dark := image.NewGray(image.Rect(0, 0, 200, 200))
	inverted := image.NewGray(image.Rect(0, 0, 200, 200))
	for i, v := range phototest.Whiteboard(200, 200, 30, []string{"Ward 7B"}).Pix {
		if i%4 == 0 {
			inverted.Pix[i/4] = 255 - v // white text on black: two tones, no mid-tones
		}
	}
	cases := []struct {
		name string
		img  image.Image
		want bool
	}{
		{"x-ray-like", phototest.XRayLike(600, 800), true},
		{"x-ray-like wide", phototest.XRayLike(1000, 700), true},
		{"whiteboard", phototest.Whiteboard(1200, 500, 64, phototest.WhiteboardLines), false},
		{"white text on black", inverted, false},
		{"all dark", dark, false},
		{"green", colour, false},
		{"tiny", image.NewGray(image.Rect(0, 0, 8, 8)), false},
	}
	for _, c := range cases {
		got := XRayLike(c.img)
		if got.Like != c.want || got.Like && (got.Confidence <= 0 || got.Confidence > 0.6) {
			t.Errorf("%s: XRayLike = %+v, want %v", c.name, got, c.want)
		}
	}
}

func TestXRayNotPortrait(t *testing.T) {
	if x := XRayLike(pigoSample(t)); x.Like {
		t.Errorf("the colour portrait looks like an x-ray: %s", x.Why)
	}
}
