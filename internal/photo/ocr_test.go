package photo

import (
	"context"
	"errors"
	"image"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
	"github.com/scrubshq/scrubs/internal/result"
)

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t600\t300\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t10\t20\t50\t30\t96.5\tBed\n" +
		"5\t1\t1\t1\t1\t2\t70\t20\t20\t30\t95\t4\n" +
		"5\t1\t2\t1\t1\t1\t10\t80\t90\t30\t91\tFenwick\n" +
		"5\t1\t2\t1\t1\t2\t110\t80\t40\t30\t12\t~~\n" + // too unsure
		"5\t1\t3\t1\t1\t1\tx\t80\t40\t30\t90\tbad\n" + // broken number
		"5\t1\t3\t1\t1\t2\t10\t140\t40\t30\t90\t\x01\n" // nothing printable
	cases := []struct {
		name   string
		scale  float64
		origin image.Point
		text   string
		boxes  []result.Box
	}{
		{"as is", 1, image.Point{}, "Bed 4\nFenwick", []result.Box{{X: 10, Y: 20, W: 50, H: 30}, {X: 70, Y: 20, W: 20, H: 30}, {X: 10, Y: 80, W: 90, H: 30}}},
		{"scaled and shifted", 2, image.Pt(5, 7), "Bed 4\nFenwick", []result.Box{{X: 25, Y: 47, W: 100, H: 60}, {X: 145, Y: 47, W: 40, H: 60}, {X: 25, Y: 167, W: 180, H: 60}}},
	}
	for _, c := range cases {
		got := parseTSV([]byte(tsv), c.scale, c.origin, 40)
		var boxes []result.Box
		for _, w := range got.Words {
			boxes = append(boxes, w.Box)
			if got.Text[w.Start:w.End] != w.Text {
				t.Errorf("%s: word %q at %d-%d reads %q", c.name, w.Text, w.Start, w.End, got.Text[w.Start:w.End])
			}
		}
		if got.Text != c.text || !slices.Equal(boxes, c.boxes) {
			t.Errorf("%s: parseTSV = %q %+v, want %q %+v", c.name, got.Text, boxes, c.text, c.boxes)
		}
	}
	tx := parseTSV([]byte(tsv), 1, image.Point{}, 40)
	if b := tx.Boxes(0, 5); b == nil || *b != (result.Box{X: 10, Y: 20, W: 80, H: 30}) {
		t.Errorf("Boxes(0, 5) = %+v", b)
	}
	if b := tx.Boxes(100, 200); b != nil {
		t.Errorf("Boxes past the text = %+v", b)
	}
}

func TestOCRWithoutTesseract(t *testing.T) {
	_, err := OCR(context.Background(), image.NewGray(image.Rect(0, 0, 10, 10)), OCROptions{Path: "/nonexistent/tesseract"})
	if !errors.Is(err, ErrNoTesseract) || err.Error() != "tesseract not installed: text in images not checked" {
		t.Errorf("err = %v", err)
	}
}

func TestOCRWhiteboard(t *testing.T) {
	requireTesseract(t)
	img := phototest.Whiteboard(1200, 500, 64, phototest.WhiteboardLines)
	cases := []struct {
		name string
		img  image.Image
	}{
		{"plain", img},
		{"offset origin", img.SubImage(image.Rect(20, 20, 1200, 500))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx, err := OCR(context.Background(), c.img, OCROptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Albert Fenwick", "943 476 5919", "Ward 7B"} {
				if !strings.Contains(tx.Text, want) {
					t.Errorf("OCR text %q lacks %q", tx.Text, want)
				}
			}
			for _, w := range tx.Words {
				r := image.Rect(w.Box.X, w.Box.Y, w.Box.X+w.Box.W, w.Box.Y+w.Box.H)
				if !r.In(c.img.Bounds()) || w.Box.H < 30 || w.Box.H > 80 {
					t.Errorf("word %q box %+v outside %v or not the text's height", w.Text, w.Box, c.img.Bounds())
				}
			}
		})
	}
}

func TestOCRTimeout(t *testing.T) {
	requireTesseract(t)
	_, err := OCR(context.Background(), phototest.Whiteboard(1200, 500, 64, phototest.WhiteboardLines), OCROptions{Timeout: time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "stopped after") {
		t.Errorf("err = %v, want a timeout", err)
	}
}
