package photo

import (
	"fmt"
	"image"
	"math"
)

// XRay is the outcome of the x-ray cue.
type XRay struct {
	// Like is true when the picture looks like a radiograph.
	Like bool
	// Confidence is modest by design (at most 0.6): the cue is a few pixel
	// statistics, not a trained classifier.
	Confidence float64
	// Why gives the statistics.
	Why string
}

// XRayLike looks for the look of a radiograph or scan photographed or
// screenshotted: almost no colour, a mostly dark background, bright
// structures and graded mid-tones between them (which text on a page or a
// whiteboard lacks). It samples at most 160×160 points.
func XRayLike(img image.Image) XRay {
	b := img.Bounds()
	if b.Dx() < 32 || b.Dy() < 32 {
		return XRay{}
	}
	const n = 160
	sx, sy := max(1, b.Dx()/n), max(1, b.Dy()/n)
	var count, dark, bright, mid int
	var sum, sum2, chroma float64
	for y := b.Min.Y + sy/2; y < b.Max.Y; y += sy {
		for x := b.Min.X + sx/2; x < b.Max.X; x += sx {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			l := (299*float64(r) + 587*float64(g) + 114*float64(bl)) / 1000
			chroma += float64(max(r, g, bl) - min(r, g, bl))
			sum += l
			sum2 += l * l
			switch {
			case l < 60:
				dark++
			case l > 150:
				bright++
			default:
				mid++
			}
			count++
		}
	}
	c := float64(count)
	mean := sum / c
	sd := math.Sqrt(math.Max(0, sum2/c-mean*mean))
	fd, fb, fm, ch := float64(dark)/c, float64(bright)/c, float64(mid)/c, chroma/c
	why := fmt.Sprintf("colour %.1f, dark %.0f%%, bright %.0f%%, mid-tones %.0f%%, contrast %.0f", ch, 100*fd, 100*fb, 100*fm, sd)
	like := ch < 10 && fd >= 0.3 && fb >= 0.04 && fb <= 0.5 && fm >= 0.08 && sd >= 40
	if !like {
		return XRay{Why: why}
	}
	return XRay{Like: true, Confidence: 0.6, Why: why}
}
