// Package photo reads and analyses pictures that healthcare staff are about to
// post: it decodes them within fixed limits, reads the metadata that gives
// away where, when and with what a photo was taken (EXIF and XMP), finds
// faces, reads the words in the picture with Tesseract, notices x-ray-like
// images, and writes a re-encoded copy without metadata and with chosen areas
// pixelated or filled.
//
// It sits at the read/analyse level: it imports internal/result and nothing
// above it. The root package turns what it finds into a verdict.
package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// Format is an image file format recognised by its magic bytes.
type Format string

// Formats recognised by Sniff. HEIC is recognised only to refuse it clearly.
const (
	Unknown Format = ""
	JPEG    Format = "jpeg"
	PNG     Format = "png"
	GIF     Format = "gif"
	WebP    Format = "webp"
	HEIC    Format = "heic"
)

// Default limits.
const (
	// DefaultMaxPixels is the largest image (width × height) decoded: 50
	// megapixels, about 200 MB of RGBA. Larger headers are refused before any
	// pixel is decoded.
	DefaultMaxPixels = 50_000_000
	// DefaultMaxBytes is the largest file accepted (64 MiB).
	DefaultMaxBytes = 64 << 20
)

// Limits bound what Decode accepts. Zero fields take the defaults.
type Limits struct {
	// MaxPixels is the largest width × height decoded.
	MaxPixels int64
	// MaxBytes is the largest input accepted.
	MaxBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	return l
}

// Errors returned by Decode. They are input errors: the picture, not the
// program, is at fault.
var (
	// ErrUnknownFormat is returned for data that is not JPEG, PNG, GIF or WebP.
	ErrUnknownFormat = errors.New("not a JPEG, PNG, GIF or WebP image")
	// ErrHEIC is returned for HEIC/HEIF photos (the iPhone default), which no
	// pure-Go reader decodes.
	ErrHEIC = errors.New("HEIC is not supported; export the photo as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible, or share it as JPEG)")
	// ErrTooManyPixels is returned when the header declares more pixels than
	// Limits.MaxPixels; nothing is decoded.
	ErrTooManyPixels = errors.New("image has too many pixels")
	// ErrTooLarge is returned when the file is larger than Limits.MaxBytes.
	ErrTooLarge = errors.New("image file is too large")
	// ErrCorrupt wraps decoder errors: truncated or damaged files.
	ErrCorrupt = errors.New("image is truncated or corrupt")
)

// IsInputError reports whether err is about the picture itself (format,
// size, damage) rather than a failure of the program.
func IsInputError(err error) bool {
	for _, e := range []error{ErrUnknownFormat, ErrHEIC, ErrTooManyPixels, ErrTooLarge, ErrCorrupt} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// Sniff tells the format of data from its first bytes.
func Sniff(data []byte) Format {
	switch {
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif":
			return HEIC
		}
	}
	return Unknown
}

// IsImage reports whether data starts like an image file this package knows
// (HEIC included, so that it can be refused with a clear message).
func IsImage(data []byte) bool { return Sniff(data) != Unknown }

// Config reads the format and size from the header without decoding pixels.
func Config(data []byte) (image.Config, Format, error) {
	f := Sniff(data)
	var (
		cfg image.Config
		err error
	)
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case PNG:
		cfg, err = png.DecodeConfig(r)
	case GIF:
		cfg, err = gif.DecodeConfig(r)
	case WebP:
		cfg, err = webp.DecodeConfig(r)
	case HEIC:
		return cfg, f, ErrHEIC
	default:
		return cfg, f, ErrUnknownFormat
	}
	if err != nil {
		return cfg, f, fmt.Errorf("%w: %s header: %v", ErrCorrupt, f, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, f, fmt.Errorf("%w: %s header gives a %d×%d image", ErrCorrupt, f, cfg.Width, cfg.Height)
	}
	return cfg, f, nil
}

// Decode decodes data after checking its size and header against limits: a
// file over MaxBytes or a header declaring more than MaxPixels is refused
// before any pixel is decoded, so a decompression bomb costs nothing. Only
// the first frame of a GIF is decoded.
func Decode(data []byte, lim Limits) (image.Image, Format, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, Sniff(data), fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), lim.MaxBytes)
	}
	cfg, f, err := Config(data)
	if err != nil {
		return nil, f, err
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > lim.MaxPixels {
		return nil, f, fmt.Errorf("%w: the %s header declares %d×%d (%.1f megapixels), the limit is %.1f",
			ErrTooManyPixels, f, cfg.Width, cfg.Height, float64(px)/1e6, float64(lim.MaxPixels)/1e6)
	}
	r := bytes.NewReader(data)
	var img image.Image
	switch f {
	case JPEG:
		img, err = jpeg.Decode(r)
	case PNG:
		img, err = png.Decode(r)
	case GIF:
		img, err = gif.Decode(r)
	case WebP:
		img, err = webp.Decode(r)
	}
	if err != nil {
		return nil, f, fmt.Errorf("%w: %s: %v", ErrCorrupt, f, err)
	}
	return img, f, nil
}
