package photo

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/scrubshq/scrubs/internal/result"
)

// ErrNoTesseract is returned by OCR when the tesseract program is not found.
var ErrNoTesseract = errors.New("tesseract not installed: text in images not checked")

// Word is one word Tesseract read, with where it is.
type Word struct {
	Text string
	Box  result.Box
	// Conf is Tesseract's confidence, 0–100.
	Conf float64
	// Start and End are the word's byte offsets in Text.Text.
	Start, End int
}

// Text is the text read from a picture: the words joined (a space between
// words of a line, a newline between lines) so that a text checker can read
// it, and each word with its offsets into that text and its box.
type Text struct {
	Text  string
	Words []Word
}

// Boxes returns the union of the boxes of the words that overlap the byte
// range [start, end) of t.Text, or nil when none does.
func (t *Text) Boxes(start, end int) *result.Box {
	var u *result.Box
	for _, w := range t.Words {
		if w.End <= start || w.Start >= end {
			continue
		}
		if u == nil {
			b := w.Box
			u = &b
		} else {
			*u = union(*u, w.Box)
		}
	}
	return u
}

// OCROptions tune OCR. Zero fields take the defaults.
type OCROptions struct {
	// Path is the tesseract program; empty means "tesseract" on PATH.
	Path string
	// Timeout bounds one run (default 60 s).
	Timeout time.Duration
	// Lang is the Tesseract language (default "eng").
	Lang string
	// MinConf drops words Tesseract is less sure of (0–100, default 40).
	MinConf float64
}

// Bounds of an OCR run.
const (
	defaultOCRTimeout = 60 * time.Second
	maxOCROutput      = 16 << 20
	// ocrSide is the longest side passed to Tesseract; larger pictures are
	// scaled down (text under about 12 px high after scaling is lost).
	ocrSide = 4096
)

// LookTesseract returns the path of the tesseract program, or ErrNoTesseract.
func LookTesseract(path string) (string, error) {
	if path == "" {
		path = "tesseract"
	}
	p, err := exec.LookPath(path)
	if err != nil {
		return "", ErrNoTesseract
	}
	return p, nil
}

// OCR reads the words in img with the Tesseract command (sparse-text page
// segmentation, --psm 11, TSV output with word boxes). The picture is
// written as a grey PGM file to a private temporary directory under a name
// this function chooses; no shell is involved and no caller-supplied name
// reaches the command line. The run is bounded by opts.Timeout and ctx and
// uses one thread. It returns ErrNoTesseract when the program is missing.
func OCR(ctx context.Context, img image.Image, opts OCROptions) (*Text, error) {
	prog, err := LookTesseract(opts.Path)
	if err != nil {
		return nil, err
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultOCRTimeout
	}
	if opts.Lang == "" {
		opts.Lang = "eng"
	}
	if opts.MinConf == 0 {
		opts.MinConf = 40
	}
	g := grayScaled(img, ocrSide)
	dir, err := os.MkdirTemp("", "scrubs-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pgm")
	if err := writePGM(in, g); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, in, "stdout", "-l", opts.Lang, "--psm", "11", "tsv")
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.WaitDelay = 2 * time.Second
	var out, stderr limitedBuffer
	out.max, stderr.max = maxOCROutput, 4096
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("tesseract: stopped after %s: %w", opts.Timeout, ctx.Err())
		}
		return nil, fmt.Errorf("tesseract: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return parseTSV(out.Bytes(), g.scale, img.Bounds().Min, opts.MinConf), nil
}

// writePGM writes a grey picture as binary PGM, which Tesseract's image
// library reads without a codec.
func writePGM(name string, g gray) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	fmt.Fprintf(w, "P5\n%d %d\n255\n", g.w, g.h)
	w.Write(g.pix)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// parseTSV reads Tesseract's TSV (level, page, block, paragraph, line, word,
// left, top, width, height, conf, text), keeps the words at or above minConf
// and joins them into a text, scaling boxes back by scale.
func parseTSV(tsv []byte, scale float64, origin image.Point, minConf float64) *Text {
	t := &Text{}
	var b strings.Builder
	lastLine := ""
	for _, line := range strings.Split(string(tsv), "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		word := clean(f[11])
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < minConf {
			continue
		}
		var n [4]int
		ok := true
		for i := range n {
			if n[i], err = strconv.Atoi(f[6+i]); err != nil {
				ok = false
			}
		}
		if !ok {
			continue
		}
		key := f[1] + "." + f[2] + "." + f[3] + "." + f[4]
		switch {
		case b.Len() == 0:
		case key == lastLine:
			b.WriteByte(' ')
		default:
			b.WriteByte('\n')
		}
		lastLine = key
		start := b.Len()
		b.WriteString(word)
		box := result.Box{
			X: origin.X + int(float64(n[0])*scale), Y: origin.Y + int(float64(n[1])*scale),
			W: int(float64(n[2])*scale + 0.999), H: int(float64(n[3])*scale + 0.999),
		}
		t.Words = append(t.Words, Word{Text: word, Box: box, Conf: conf, Start: start, End: b.Len()})
	}
	t.Text = b.String()
	return t
}

// limitedBuffer keeps the first max bytes written and drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.Len(); room > 0 {
		l.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
