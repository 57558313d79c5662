package scrubs

import (
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"image"
	"slices"
	"strings"
	"time"

	"github.com/scrubshq/scrubs/internal/judge"
	"github.com/scrubshq/scrubs/internal/photo"
	"github.com/scrubshq/scrubs/internal/result"
)

// Box is a rectangle of pixels in an image, from its top-left corner.
type Box = result.Box

// ImageOptions tune CheckImageWith and RedactImage. The zero value reads
// text in the picture when Tesseract is installed, within the default limits.
type ImageOptions struct {
	// Caption is the text posted with the picture; it is checked like a post
	// and judged together with the picture.
	Caption string
	// NoOCR skips reading text in the picture (Tesseract).
	NoOCR bool
	// MaxPixels refuses pictures whose header declares more pixels
	// (default 50 megapixels), before decoding.
	MaxPixels int64
	// MaxBytes refuses larger files (default 64 MiB).
	MaxBytes int64
	// OCRTimeout bounds one Tesseract run (default 60 s).
	OCRTimeout time.Duration
	// Tesseract is the path of the tesseract program; empty means PATH.
	Tesseract string
}

// ImageInfo describes a checked picture.
type ImageInfo struct {
	// Format is jpeg, png, gif or webp.
	Format string `json:"format"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	// Faces counts the faces found.
	Faces int `json:"faces"`
	// OCR is true when the text in the picture was read; Words counts the
	// words read.
	OCR   bool `json:"ocr"`
	Words int  `json:"words"`
	// Metadata is true when the file carries EXIF or XMP.
	Metadata bool `json:"metadata"`
	// Orientation is the EXIF Orientation tag (2–8) when the stored pixels
	// were turned upright before checking; Width, Height and every box are
	// of the upright picture, as are the pixels of a safe copy.
	Orientation int `json:"orientation,omitempty"`
	// XRay is true when the picture looks like a radiograph or scan.
	XRay bool `json:"xray"`
	// Warnings say what could not be checked ("tesseract not installed…",
	// a corrupt EXIF block).
	Warnings []string `json:"warnings"`
}

// ImageResult is the outcome of checking a picture and its caption: the same
// fields as a post's Result, and the picture's description. Entities found in
// the caption have byte offsets into the caption; entities found in the
// picture have a Source (exif, xmp, face, ocr or scene), Start and End 0,
// Text the value read, and a Box when they have a place in the picture.
type ImageResult struct {
	Result
	Image ImageInfo `json:"image"`
}

// IsImage reports whether data starts like a picture CheckImage reads (JPEG,
// PNG, GIF, WebP) or refuses by name (HEIC).
func IsImage(data []byte) bool { return photo.IsImage(data) }

// CheckImage checks a picture and its caption with the default ImageOptions.
func (c *Checker) CheckImage(ctx context.Context, data []byte, caption string) (*ImageResult, error) {
	return c.CheckImageWith(ctx, data, ImageOptions{Caption: caption})
}

// CheckImageWith checks a picture and its caption: faces, text in the
// picture (read with Tesseract and checked like a post), the EXIF and XMP
// metadata (GPS position, date, device, owner names) and an x-ray cue; then
// it judges them together with the caption. A face with a caption about a
// patient is block; a face alone is review (consent, patients in the
// background); readable identifiers are judged as in a post; a GPS position
// is review.
func (c *Checker) CheckImageWith(ctx context.Context, data []byte, opts ImageOptions) (*ImageResult, error) {
	a, err := c.analyse(ctx, data, opts)
	if err != nil {
		return nil, err
	}
	return a.res, nil
}

// analysis is a checked picture with what redaction needs.
type analysis struct {
	img    image.Image
	format photo.Format
	faces  []photo.Face
	res    *ImageResult
}

func (c *Checker) analyse(ctx context.Context, data []byte, opts ImageOptions) (*analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	img, format, err := photo.Decode(data, photo.Limits{MaxPixels: opts.MaxPixels, MaxBytes: opts.MaxBytes})
	if err != nil {
		return nil, err
	}
	md, mdErr := photo.ReadMetadata(data)
	img = photo.Orient(img, md.Orientation) // boxes and the safe copy are upright
	b := img.Bounds()
	info := ImageInfo{Format: string(format), Width: b.Dx(), Height: b.Dy(), Warnings: []string{}}
	if md.Orientation >= 2 {
		info.Orientation = md.Orientation
	}
	if mdErr != nil {
		info.Warnings = append(info.Warnings, mdErr.Error()+" (the rest was checked; a safe copy strips it)")
	}
	info.Metadata = md.EXIF || md.XMP

	faces, err := photo.Faces(img)
	if err != nil {
		return nil, fmt.Errorf("face detection: %w", err)
	}
	info.Faces = len(faces)
	xray := photo.XRayLike(img)
	info.XRay = xray.Like

	var ocr *photo.Text
	var ocrRes *Result
	if !opts.NoOCR {
		ocr, err = photo.OCR(ctx, img, photo.OCROptions{Path: opts.Tesseract, Timeout: opts.OCRTimeout})
		switch {
		case errors.Is(err, photo.ErrNoTesseract):
			info.Warnings = append(info.Warnings, err.Error())
		case err != nil:
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			info.Warnings = append(info.Warnings, "text in the picture not checked: "+err.Error())
		default:
			info.OCR, info.Words = true, len(ocr.Words)
			if ocr.Text != "" {
				if ocrRes, err = c.Check(ctx, ocr.Text); err != nil {
					return nil, err
				}
			}
		}
	}
	capRes := &Result{Verdict: result.Safe, Categories: []string{}, Entities: []result.Entity{}, Risks: []result.Risk{}}
	if opts.Caption != "" {
		if capRes, err = c.Check(ctx, opts.Caption); err != nil {
			return nil, err
		}
	}

	res := &ImageResult{Result: Result{Entities: slices.Clone(capRes.Entities), Signals: slices.Clone(capRes.Signals),
		Anonymity: capRes.Anonymity, Ignored: capRes.Ignored}, Image: info}
	res.Entities = append(res.Entities, md.Entities...)
	for _, f := range faces {
		bx := f.Box
		res.Entities = append(res.Entities, result.Entity{Text: "face", Type: result.Face, Confidence: f.Confidence,
			Reason: fmt.Sprintf("frontal face (pigo cascade score %.0f)", f.Score), Box: &bx, Source: "face"})
	}
	if xray.Like {
		res.Entities = append(res.Entities, result.Entity{Text: "x-ray-like image", Type: result.Feature, Confidence: xray.Confidence,
			Reason: "looks like a radiograph or scan: " + xray.Why, Source: "scene"})
	}
	var ocrEnts []result.Entity
	if ocrRes != nil {
		for _, e := range ocrRes.Entities {
			e.Box = ocr.Boxes(e.Start, e.End)
			e.Start, e.End = 0, 0
			e.Source = "ocr"
			e.Reason = "read in the picture: " + e.Reason
			ocrEnts = append(ocrEnts, e)
		}
		res.Entities = append(res.Entities, ocrEnts...)
		for _, s := range ocrRes.Signals {
			if !slices.Contains(res.Signals, s) {
				res.Signals = append(res.Signals, s)
			}
		}
		if ocrRes.Anonymity != nil && (res.Anonymity == nil || ocrRes.Anonymity.K < res.Anonymity.K) {
			res.Anonymity = ocrRes.Anonymity
		}
	}
	if c.entitiesOnly {
		res.Verdict, res.Categories, res.Risks = result.Safe, []string{}, []result.Risk{}
		return &analysis{img: img, format: format, faces: faces, res: res}, nil
	}

	rs := &imgRiskSet{c: c}
	for _, r := range capRes.Risks {
		rs.add(r)
	}
	if ocrRes != nil {
		for _, r := range ocrRes.Risks {
			r.Spans = []result.Span{} // spans of the read text, not of the caption
			r.Message = "Text read in the picture: " + r.Message
			rs.add(r)
		}
	}
	c.imageRisks(rs, res, capRes, ocrRes, faces, xray, ocrEnts, md)
	res.Risks = []result.Risk{}
	for _, r := range rs.risks {
		if c.ignore[r.Fingerprint] {
			res.Ignored++ // marked "not a problem" in an ignore file
			continue
		}
		res.Risks = append(res.Risks, r)
	}
	res.Verdict, res.Categories = judge.Verdict(res.Risks)
	return &analysis{img: img, format: format, faces: faces, res: res}, nil
}

// Rule content for pictures. It lives here until the rule-pack schema can
// say "a face in the picture" or "GPS in the metadata" (see docs/PHOTOS.md);
// citations come from the compiled packs when they define the rule.
const (
	rulePicture  = "CONF-003"
	ruleLocation = "CONF-011"
)

// fallbackCitations are used when the checker's packs do not define the rule
// (CONF-011 is in no pack yet; CONF-003 is in core, so this only applies to
// custom pack selections). From ../shared/guidance.md Part A1 and core.yaml.
var fallbackCitations = map[string][]result.Citation{
	rulePicture: {
		{Document: "NMC, Guidance on using social media responsibly", Paragraph: "behaviours that put registration at risk"},
		{Document: "NCSBN, A Nurse's Guide to the Use of Social Media", Year: 2011, Paragraph: "Guidelines"},
		{Document: "GMC, Using social media as a medical professional", Year: 2024, Paragraph: "20"},
	},
	ruleLocation: {
		{Document: "Medical Protection, Pitfalls of social media", Year: 2022, Paragraph: "location data embedded in photos"},
	},
}

// imageRisks adds the picture's own risks.
func (c *Checker) imageRisks(rs *imgRiskSet, res *ImageResult, capRes, ocrRes *Result, faces []photo.Face,
	xray photo.XRay, ocrEnts []result.Entity, md *photo.Metadata) {
	aboutPatient := slices.Contains(capRes.Signals, "patient") || hasRule(capRes, rulePicture) ||
		ocrRes != nil && slices.Contains(ocrRes.Signals, "patient")
	title := "Picture of a patient or their records"
	fix := "Do not post it. Patient images need written consent and your employer's process; personal phones should not be used to photograph patients, even if they ask."

	if n := len(faces); n > 0 {
		conf := faces[0].Confidence
		what := fmt.Sprintf("%d %s", n, imgPlural(n, "face", "faces"))
		if aboutPatient {
			rs.add(c.risk(rulePicture, title, "block", conf,
				fmt.Sprintf("The photo shows %s and the caption or the picture is about a patient: photographs of patients must never be taken or uploaded, even if they ask.", what),
				fix, "face", what))
		} else {
			rs.add(c.risk(rulePicture, "A face in the photo", "high", conf*0.8,
				fmt.Sprintf("The photo shows %s. If anyone in it is a patient or a relative, even in the background, it must not be posted; everyone else in it should agree to it.", what),
				"Check who is in the frame and behind you; crop or blur anyone who has not agreed, and never post patients.", "face", what))
		}
	}

	var direct, clinical []string
	for _, e := range ocrEnts {
		switch {
		case e.Type.IsDirect() && e.Type != result.NameStaff:
			direct = append(direct, string(e.Type))
		case e.Type == result.Ward || e.Type == result.Hospital || e.Type == result.Room:
			clinical = append(clinical, string(e.Type))
		}
	}
	if len(direct) > 0 {
		sev, conf := "high", 0.7
		if aboutPatient || len(clinical) > 0 || xray.Like {
			sev, conf = "block", 0.9
		}
		rs.add(c.risk(rulePicture, title, sev, conf,
			fmt.Sprintf("Details that identify someone can be read in the picture (%s): whiteboards, wristbands, screens and notes in the frame count as patient records.", strings.Join(imgUniq(direct), ", ")),
			"Do not post it, or cover every name, number and label before posting (scrubs redact fills what it could read; check the copy).",
			append([]string{"ocr"}, imgUniq(direct)...)...))
	}

	if xray.Like {
		sev, conf := "high", xray.Confidence
		if aboutPatient {
			sev = "block"
		}
		rs.add(c.risk(rulePicture, title, sev, conf,
			"The picture looks like an x-ray or scan: patients' imaging is a patient image, and labels, dates and the case itself can identify them.",
			"Use anonymised teaching images through your employer's process, with every label removed.", "xray"))
	}

	var gps, other []string
	for _, e := range md.Entities {
		if e.Type == result.GPS {
			gps = append(gps, e.Text)
		} else {
			other = append(other, metadataWords[e.Type])
		}
	}
	switch {
	case len(gps) > 0:
		rs.add(c.risk(ruleLocation, "Location in the photo's metadata", "medium", 1,
			fmt.Sprintf("The photo's metadata gives where it was taken (%s)%s: it can lead to your workplace, a patient's home or a ward.", gps[0], imgAlso(other)),
			"Remove the location and other metadata before posting: `scrubs redact photo.jpg -o safe.jpg` writes a copy without it; turn off location tagging in the camera app.",
			"gps"))
	case len(other) > 0:
		rs.add(c.risk(ruleLocation, "Details in the photo's metadata", "low", 0.9,
			fmt.Sprintf("The photo's metadata gives %s.", strings.Join(imgUniq(other), ", ")),
			"Strip metadata before posting: `scrubs redact photo.jpg -o safe.jpg` writes a copy without it.", "metadata"))
	}
}

// metadataWords names what a metadata entity gives away, for messages.
var metadataWords = map[result.Type]string{
	result.Date: "the date", result.Device: "the camera or phone", result.NameOther: "a name",
	result.City: "the town", result.Profession: "a job",
}

// imgRiskSet holds one risk per rule: a later finding of the same rule raises
// the severity and confidence and adds its message.
type imgRiskSet struct {
	c     *Checker
	risks []result.Risk
}

var imgSeverityRank = map[string]int{"info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}

func (s *imgRiskSet) add(r result.Risk) {
	i := slices.IndexFunc(s.risks, func(x result.Risk) bool { return x.Rule == r.Rule })
	if i < 0 {
		s.risks = append(s.risks, r)
		return
	}
	old := &s.risks[i]
	if imgSeverityRank[r.Severity] > imgSeverityRank[old.Severity] {
		old.Severity, old.Title, old.Fix = r.Severity, r.Title, r.Fix
		old.Message = r.Message + " " + old.Message
	} else {
		old.Message += " " + r.Message
	}
	old.Confidence = max(old.Confidence, r.Confidence)
	old.Spans = append(old.Spans, r.Spans...)
	if r.Fingerprint != old.Fingerprint {
		old.Fingerprint = imgFingerprint(old.Rule, old.Fingerprint, r.Fingerprint)
	}
}

// risk builds a picture risk; keys make its fingerprint.
func (c *Checker) risk(rule, title, severity string, conf float64, msg, fix string, keys ...string) result.Risk {
	cites := fallbackCitations[rule]
	if def := c.judge.Set().Rule(rule); def != nil && len(def.Citations) > 0 {
		cites = def.Citations
		if title == "" {
			title = def.Title
		}
	}
	return result.Risk{Category: "CONFIDENTIALITY", Rule: rule, Title: title, Severity: severity,
		Confidence: float64(int(conf*100+0.5)) / 100, Message: msg, Fix: fix, Citations: slices.Clone(cites),
		Spans: []result.Span{}, Fingerprint: imgFingerprint(rule, append([]string{"image"}, keys...)...)}
}

// imgFingerprint is "RULE:hex" of a hash of the keys, in the form the text
// judge uses.
func imgFingerprint(rule string, keys ...string) string {
	h := fnv.New64a()
	h.Write([]byte(rule))
	for _, k := range keys {
		h.Write([]byte{0})
		h.Write([]byte(k))
	}
	return rule + ":" + hex.EncodeToString(h.Sum(nil))
}

func imgPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func imgUniq(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func imgAlso(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return " and also " + strings.Join(imgUniq(xs), ", ")
}

// ImageChange is one change RedactImage made to a picture.
type ImageChange struct {
	// Action is pixelate, fill or strip.
	Action string `json:"action"`
	// Box is the area changed (nil for strip).
	Box *Box `json:"box,omitempty"`
	// Why names what was there: FACE, an entity type read in the picture, or
	// the metadata removed.
	Why string `json:"why"`
}

// ImageRedaction is a picture rewritten without what identifies people.
type ImageRedaction struct {
	// Format of the copy: jpeg for a JPEG, png otherwise.
	Format string `json:"format"`
	// Changes lists every change.
	Changes []ImageChange `json:"changes"`
	// Before is the check of the original, After of the copy (its text read
	// again, so anything the filling missed shows up).
	Before *ImageResult `json:"before"`
	After  *ImageResult `json:"after"`
}

// RedactImage writes a safe copy of a picture: re-encoded from its pixels so
// that no EXIF, XMP or other metadata survives, every face found pixelated
// and every identifier read in the picture painted over. It returns the
// copy's bytes (JPEG for a JPEG, PNG otherwise) and the checks of the
// original and of the copy. Faces the detector misses (profiles, small or
// turned faces) are not pixelated: the copy still needs a human look.
func (c *Checker) RedactImage(ctx context.Context, data []byte, opts ImageOptions) ([]byte, *ImageRedaction, error) {
	a, err := c.analyse(ctx, data, opts)
	if err != nil {
		return nil, nil, err
	}
	canvas := photo.Canvas(a.img)
	origin := a.img.Bounds().Min
	red := &ImageRedaction{Before: a.res, Changes: []ImageChange{}}
	if a.res.Image.Metadata {
		red.Changes = append(red.Changes, ImageChange{Action: "strip", Why: "EXIF and XMP metadata removed"})
	}
	shift := func(bx result.Box) result.Box {
		bx.X -= origin.X
		bx.Y -= origin.Y
		return bx
	}
	for _, e := range a.res.Entities {
		if e.Box == nil {
			continue
		}
		switch e.Source {
		case "face":
			bx := photo.Grow(shift(*e.Box), 0.15, canvas.Rect)
			photo.Pixelate(canvas, bx, 6)
			red.Changes = append(red.Changes, ImageChange{Action: "pixelate", Box: &bx, Why: string(result.Face)})
		case "ocr":
			bx := photo.Grow(shift(*e.Box), 0.08, canvas.Rect)
			photo.Fill(canvas, bx)
			red.Changes = append(red.Changes, ImageChange{Action: "fill", Box: &bx, Why: string(e.Type)})
		}
	}
	slices.SortStableFunc(red.Changes, func(x, y ImageChange) int { return cmp.Compare(x.Action, y.Action) })
	out, f, err := photo.Encode(canvas, a.format)
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the copy: %w", err)
	}
	red.Format = string(f)
	after, err := c.analyse(ctx, out, ImageOptions{Caption: opts.Caption, NoOCR: opts.NoOCR, OCRTimeout: opts.OCRTimeout,
		Tesseract: opts.Tesseract, MaxPixels: opts.MaxPixels, MaxBytes: max(opts.MaxBytes, int64(len(out)))})
	if err != nil {
		return nil, nil, fmt.Errorf("checking the copy: %w", err)
	}
	red.After = after.res
	return out, red, nil
}
