package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

// ErrBadMetadata wraps what is wrong with a corrupt EXIF or XMP block.
var ErrBadMetadata = errors.New("corrupt photo metadata")

// Metadata is what a photo's EXIF and XMP blocks give away.
type Metadata struct {
	// Entities are the identifying values: GPS, DATE, DEVICE and NAME_OTHER
	// (owner and author names), each with Source "exif" or "xmp" and Reason
	// naming the tag. Start and End are 0 and Text is the value (see
	// docs/PHOTOS.md: image-borne entities have no place in a text).
	Entities []result.Entity
	// EXIF and XMP report whether the blocks were present (even when empty).
	EXIF, XMP bool
	// Orientation is the EXIF Orientation tag (1–8; 0 when absent): how the
	// stored pixels must be turned to show the photo upright.
	Orientation int
}

// Bounds of the metadata reader. A photo's EXIF fits in one 64 KiB JPEG
// segment; these bound crafted files in other containers.
const (
	maxIFDEntries = 512
	maxValueBytes = 4096
	maxXMPBytes   = 1 << 20
	maxSegments   = 4096
	maxValueRunes = 200
)

// ReadMetadata reads the EXIF and XMP blocks of a JPEG, PNG, WebP or GIF
// file without decoding its pixels. The error wraps ErrBadMetadata when a
// block is corrupt; the entities read before the damage are still returned.
// Memory is bounded by the input size (values are sliced, not copied, and
// compressed XMP is inflated to at most 1 MiB).
func ReadMetadata(data []byte) (*Metadata, error) {
	md := &Metadata{}
	var tiffs, xmps [][]byte
	var errs []error
	switch Sniff(data) {
	case JPEG:
		tiffs, xmps, errs = jpegBlocks(data)
	case PNG:
		tiffs, xmps, errs = pngBlocks(data)
	case WebP:
		tiffs, xmps, errs = webpBlocks(data)
	}
	if len(xmps) == 0 { // GIF application extension, or XMP elsewhere
		if i := bytes.Index(data, []byte("<x:xmpmeta")); i >= 0 {
			xmps = append(xmps, data[i:min(len(data), i+maxXMPBytes)])
		}
	}
	for _, t := range tiffs {
		md.EXIF = true
		if md.Orientation == 0 {
			md.Orientation = exifOrientation(t)
		}
		ents, err := readEXIF(t)
		md.add(ents)
		if err != nil {
			errs = append(errs, err)
		}
	}
	for _, x := range xmps {
		md.XMP = true
		ents, err := readXMP(x)
		md.add(ents)
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return md, fmt.Errorf("%w: %w", ErrBadMetadata, errors.Join(errs...))
	}
	return md, nil
}

// add appends entities not already present (same type and text).
func (md *Metadata) add(ents []result.Entity) {
	for _, e := range ents {
		dup := false
		for _, f := range md.Entities {
			if f.Type == e.Type && f.Text == e.Text {
				dup = true
				break
			}
		}
		if !dup {
			md.Entities = append(md.Entities, e)
		}
	}
}

// jpegBlocks returns the EXIF (TIFF) and XMP payloads of APP1 segments.
func jpegBlocks(data []byte) (tiffs, xmps [][]byte, errs []error) {
	i := 2
	for n := 0; n < maxSegments && i+4 <= len(data); n++ {
		if data[i] != 0xFF {
			errs = append(errs, fmt.Errorf("JPEG: no marker at byte %d", i))
			return
		}
		m := data[i+1]
		if m == 0xFF { // fill byte
			i++
			continue
		}
		if m == 0xD9 || m == 0xDA { // end of image, start of scan: no more metadata
			return
		}
		if m == 0x01 || m >= 0xD0 && m <= 0xD7 { // markers without a length
			i += 2
			continue
		}
		l := int(binary.BigEndian.Uint16(data[i+2:]))
		if l < 2 || i+2+l > len(data) {
			errs = append(errs, fmt.Errorf("JPEG: segment %#x at byte %d runs past the end of the file", m, i))
			return
		}
		seg := data[i+4 : i+2+l]
		if m == 0xE1 {
			switch {
			case bytes.HasPrefix(seg, []byte("Exif\x00\x00")):
				tiffs = append(tiffs, seg[6:])
			case bytes.HasPrefix(seg, []byte("http://ns.adobe.com/xap/1.0/\x00")):
				xmps = append(xmps, seg[len("http://ns.adobe.com/xap/1.0/\x00"):])
			}
		}
		i += 2 + l
	}
	return
}

// pngBlocks returns the eXIf chunk and the XMP of iTXt/tEXt chunks.
func pngBlocks(data []byte) (tiffs, xmps [][]byte, errs []error) {
	i := 8
	for n := 0; n < maxSegments && i+12 <= len(data); n++ {
		l := int64(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if l > int64(len(data)-i-12) {
			if typ == "eXIf" || typ == "iTXt" {
				errs = append(errs, fmt.Errorf("PNG: %s chunk runs past the end of the file", typ))
			}
			return
		}
		body := data[i+8 : i+8+int(l)]
		switch typ {
		case "eXIf":
			tiffs = append(tiffs, bytes.TrimPrefix(body, []byte("Exif\x00\x00")))
		case "iTXt":
			x, err := pngXMP(body)
			if err != nil {
				errs = append(errs, err)
			} else if x != nil {
				xmps = append(xmps, x)
			}
		case "tEXt":
			if bytes.HasPrefix(body, []byte("XML:com.adobe.xmp\x00")) {
				xmps = append(xmps, body[len("XML:com.adobe.xmp\x00"):])
			}
		case "IEND":
			return
		}
		i += 12 + int(l)
	}
	return
}

// pngXMP returns the XMP text of an iTXt chunk keyed XML:com.adobe.xmp, or
// nil for another key.
func pngXMP(body []byte) ([]byte, error) {
	key, rest, ok := bytes.Cut(body, []byte{0})
	if !ok || string(key) != "XML:com.adobe.xmp" {
		return nil, nil
	}
	if len(rest) < 2 {
		return nil, errors.New("PNG: short iTXt chunk")
	}
	compressed := rest[0] == 1
	rest = rest[2:]
	for range 2 { // language tag, translated keyword
		_, after, ok := bytes.Cut(rest, []byte{0})
		if !ok {
			return nil, errors.New("PNG: malformed iTXt chunk")
		}
		rest = after
	}
	if !compressed {
		return rest, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(rest))
	if err != nil {
		return nil, fmt.Errorf("PNG: compressed XMP: %v", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, maxXMPBytes))
	if err != nil {
		return nil, fmt.Errorf("PNG: compressed XMP: %v", err)
	}
	return out, nil
}

// webpBlocks returns the EXIF and XMP chunks of a RIFF WebP file.
func webpBlocks(data []byte) (tiffs, xmps [][]byte, errs []error) {
	i := 12
	for n := 0; n < maxSegments && i+8 <= len(data); n++ {
		l := int64(binary.LittleEndian.Uint32(data[i+4:]))
		typ := string(data[i : i+4])
		if l > int64(len(data)-i-8) {
			if typ == "EXIF" || typ == "XMP " {
				errs = append(errs, fmt.Errorf("WebP: %s chunk runs past the end of the file", typ))
			}
			return
		}
		body := data[i+8 : i+8+int(l)]
		switch typ {
		case "EXIF":
			tiffs = append(tiffs, bytes.TrimPrefix(body, []byte("Exif\x00\x00")))
		case "XMP ":
			xmps = append(xmps, body)
		}
		i += 8 + int(l) + int(l&1)
	}
	return
}

// EXIF tags read. IFD0 and the Exif sub-IFD share one table; GPS tags are
// numbered on their own.
const (
	tagMake             = 0x010F
	tagModel            = 0x0110
	tagOrientation      = 0x0112
	tagDateTime         = 0x0132
	tagArtist           = 0x013B
	tagCopyright        = 0x8298
	tagExifIFD          = 0x8769
	tagGPSIFD           = 0x8825
	tagXPAuthor         = 0x9C9D
	tagDateTimeOriginal = 0x9003
	tagCameraOwnerName  = 0xA430
	tagBodySerialNumber = 0xA431
	tagLensSerialNumber = 0xA435

	gpsLatitudeRef  = 1
	gpsLatitude     = 2
	gpsLongitudeRef = 3
	gpsLongitude    = 4
)

// ifdEntry is one tag of an image file directory; val slices the TIFF data.
type ifdEntry struct {
	typ   uint16
	count uint32
	val   []byte
}

// tiffReader reads IFDs of a TIFF block with every offset checked.
type tiffReader struct {
	b     []byte
	order binary.ByteOrder
}

var typeSizes = map[uint16]uint64{1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}

// ifd reads the directory at off. Entries with an unknown type or a value
// outside the block are skipped; a directory outside the block is an error.
func (t *tiffReader) ifd(off uint32) (map[uint16]ifdEntry, error) {
	if uint64(off)+2 > uint64(len(t.b)) {
		return nil, fmt.Errorf("EXIF: directory offset %d is past the end of the %d-byte block", off, len(t.b))
	}
	n := int(t.order.Uint16(t.b[off:]))
	if n > maxIFDEntries {
		return nil, fmt.Errorf("EXIF: directory at %d claims %d entries", off, n)
	}
	if uint64(off)+2+uint64(n)*12 > uint64(len(t.b)) {
		return nil, fmt.Errorf("EXIF: directory at %d (%d entries) runs past the end of the block", off, n)
	}
	out := make(map[uint16]ifdEntry, n)
	for k := range n {
		e := t.b[int(off)+2+12*k:]
		tag, typ, count := t.order.Uint16(e), t.order.Uint16(e[2:]), t.order.Uint32(e[4:])
		size := typeSizes[typ] * uint64(count)
		if size == 0 {
			continue
		}
		var val []byte
		if size <= 4 {
			val = e[8 : 8+size]
		} else {
			vo := uint64(t.order.Uint32(e[8:]))
			if vo+size > uint64(len(t.b)) {
				continue // a value outside the block: skip the tag
			}
			val = t.b[vo : vo+min(size, maxValueBytes)]
		}
		out[tag] = ifdEntry{typ: typ, count: count, val: val}
	}
	return out, nil
}

// str returns an ASCII/UNDEFINED value as trimmed valid UTF-8.
func (t *tiffReader) str(e ifdEntry) string {
	if e.typ != 2 && e.typ != 7 && e.typ != 1 {
		return ""
	}
	s := string(bytes.TrimRight(e.val, "\x00 "))
	return clean(s)
}

// clean makes a metadata value safe to print: valid UTF-8, no control
// characters, trimmed, at most maxValueRunes runes.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == utf8.RuneError {
			r = ' '
		}
		if n++; n > maxValueRunes {
			break
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// offset returns a LONG (or SHORT) pointer value.
func (t *tiffReader) offset(e ifdEntry) (uint32, bool) {
	switch {
	case e.typ == 4 && len(e.val) >= 4:
		return t.order.Uint32(e.val), true
	case e.typ == 3 && len(e.val) >= 2:
		return uint32(t.order.Uint16(e.val)), true
	}
	return 0, false
}

// rationals returns up to n RATIONAL values.
func (t *tiffReader) rationals(e ifdEntry, n int) ([]float64, bool) {
	if e.typ != 5 && e.typ != 10 || len(e.val) < 8*n {
		return nil, false
	}
	out := make([]float64, n)
	for i := range n {
		num, den := t.order.Uint32(e.val[8*i:]), t.order.Uint32(e.val[8*i+4:])
		if den == 0 {
			if num != 0 {
				return nil, false
			}
			den = 1
		}
		out[i] = float64(num) / float64(den)
	}
	return out, true
}

// readEXIF reads the identifying tags of a TIFF-structured EXIF block: IFD0,
// the Exif sub-IFD and the GPS sub-IFD (each visited once).
func readEXIF(b []byte) ([]result.Entity, error) {
	if len(b) < 8 {
		return nil, errors.New("EXIF: block shorter than a TIFF header")
	}
	t := &tiffReader{b: b}
	switch string(b[:4]) {
	case "II*\x00":
		t.order = binary.LittleEndian
	case "MM\x00*":
		t.order = binary.BigEndian
	default:
		return nil, fmt.Errorf("EXIF: no TIFF header (starts %q)", b[:4])
	}
	ifd0, err := t.ifd(t.order.Uint32(b[4:]))
	if err != nil {
		return nil, err
	}
	var ents []result.Entity
	add := func(typ result.Type, text, reason string, conf float64) {
		if text != "" {
			ents = append(ents, result.Entity{Text: text, Type: typ, Confidence: conf, Reason: reason, Source: "exif"})
		}
	}
	make_, model := t.str(ifd0[tagMake]), t.str(ifd0[tagModel])
	if dev := strings.TrimSpace(make_ + " " + strings.TrimPrefix(model, make_)); dev != "" {
		add(result.Device, clean(dev), "EXIF Make/Model: the camera or phone that took the photo", 0.9)
	}
	add(result.NameOther, t.str(ifd0[tagArtist]), "EXIF Artist: the photographer's name", 0.9)
	add(result.NameOther, t.str(ifd0[tagCopyright]), "EXIF Copyright: the owner's name", 0.8)
	if e, ok := ifd0[tagXPAuthor]; ok && (e.typ == 1 || e.typ == 7) {
		u := make([]uint16, 0, len(e.val)/2)
		for i := 0; i+1 < len(e.val); i += 2 {
			u = append(u, binary.LittleEndian.Uint16(e.val[i:])) // XP tags are UCS-2 little-endian
		}
		add(result.NameOther, clean(strings.TrimRight(string(utf16.Decode(u)), "\x00")), "EXIF XPAuthor: the author's name (Windows)", 0.9)
	}
	var errs []error
	dated := false
	if e, ok := ifd0[tagExifIFD]; ok {
		if off, ok := t.offset(e); ok {
			sub, err := t.ifd(off)
			if err != nil {
				errs = append(errs, fmt.Errorf("Exif sub-directory: %w", err))
			} else {
				if d := t.str(sub[tagDateTimeOriginal]); d != "" {
					add(result.Date, d, "EXIF DateTimeOriginal: when the photo was taken", 0.95)
					dated = true
				}
				add(result.NameOther, t.str(sub[tagCameraOwnerName]), "EXIF CameraOwnerName: the camera owner's name", 0.95)
				if s := t.str(sub[tagBodySerialNumber]); s != "" {
					add(result.Device, "serial "+s, "EXIF BodySerialNumber: the camera's serial number", 0.95)
				}
				if s := t.str(sub[tagLensSerialNumber]); s != "" {
					add(result.Device, "lens serial "+s, "EXIF LensSerialNumber: the lens's serial number", 0.9)
				}
			}
		}
	}
	if !dated {
		add(result.Date, t.str(ifd0[tagDateTime]), "EXIF DateTime: when the photo was taken or edited", 0.8)
	}
	if e, ok := ifd0[tagGPSIFD]; ok {
		if off, ok := t.offset(e); ok {
			g, err := t.ifd(off)
			if err != nil {
				errs = append(errs, fmt.Errorf("GPS sub-directory: %w", err))
			} else if lat, long, ok := t.gps(g); ok {
				add(result.GPS, formatLatLong(lat, long), "EXIF GPSLatitude/GPSLongitude: where the photo was taken", 1)
			}
		}
	}
	return ents, errors.Join(errs...)
}

// exifOrientation returns the Orientation tag of IFD0, or 0.
func exifOrientation(b []byte) int {
	if len(b) < 8 {
		return 0
	}
	t := &tiffReader{b: b}
	switch string(b[:4]) {
	case "II*\x00":
		t.order = binary.LittleEndian
	case "MM\x00*":
		t.order = binary.BigEndian
	default:
		return 0
	}
	ifd0, err := t.ifd(t.order.Uint32(b[4:]))
	if err != nil {
		return 0
	}
	if e, ok := ifd0[tagOrientation]; ok && e.typ == 3 && len(e.val) >= 2 {
		if o := int(t.order.Uint16(e.val)); o >= 1 && o <= 8 {
			return o
		}
	}
	return 0
}

// gps returns the position of a GPS directory in signed decimal degrees.
func (t *tiffReader) gps(g map[uint16]ifdEntry) (lat, long float64, ok bool) {
	la, ok1 := t.rationals(g[gpsLatitude], 3)
	lo, ok2 := t.rationals(g[gpsLongitude], 3)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	lat = la[0] + la[1]/60 + la[2]/3600
	long = lo[0] + lo[1]/60 + lo[2]/3600
	if strings.HasPrefix(t.str(g[gpsLatitudeRef]), "S") {
		lat = -lat
	}
	if strings.HasPrefix(t.str(g[gpsLongitudeRef]), "W") {
		long = -long
	}
	return lat, long, validLatLong(lat, long)
}

func validLatLong(lat, long float64) bool {
	return !math.IsNaN(lat) && !math.IsNaN(long) && math.Abs(lat) <= 90 && math.Abs(long) <= 180 && (lat != 0 || long != 0)
}

// formatLatLong writes a position as "52.2053, 0.1218" (four decimals, about
// 11 m).
func formatLatLong(lat, long float64) string {
	return strconv.FormatFloat(lat, 'f', 4, 64) + ", " + strconv.FormatFloat(long, 'f', 4, 64)
}

// XMP namespaces read.
const (
	nsDC        = "http://purl.org/dc/elements/1.1/"
	nsTIFF      = "http://ns.adobe.com/tiff/1.0/"
	nsEXIF      = "http://ns.adobe.com/exif/1.0/"
	nsEXIFEX    = "http://cipa.jp/exif/1.0/"
	nsAux       = "http://ns.adobe.com/exif/1.0/aux/"
	nsXMP       = "http://ns.adobe.com/xap/1.0/"
	nsPhotoshop = "http://ns.adobe.com/photoshop/1.0/"
	nsRights    = "http://ns.adobe.com/xap/1.0/rights/"
)

// xmpField says what an XMP property gives away.
type xmpField struct {
	typ    result.Type
	reason string
	conf   float64
}

var xmpFields = map[xml.Name]xmpField{
	{Space: nsDC, Local: "creator"}:                {result.NameOther, "XMP dc:creator: the author's name", 0.9},
	{Space: nsDC, Local: "rights"}:                 {result.NameOther, "XMP dc:rights: the owner's name", 0.7},
	{Space: nsRights, Local: "Owner"}:              {result.NameOther, "XMP xmpRights:Owner: the owner's name", 0.9},
	{Space: nsTIFF, Local: "Artist"}:               {result.NameOther, "XMP tiff:Artist: the photographer's name", 0.9},
	{Space: nsTIFF, Local: "Make"}:                 {result.Device, "XMP tiff:Make: the camera or phone maker", 0.9},
	{Space: nsTIFF, Local: "Model"}:                {result.Device, "XMP tiff:Model: the camera or phone model", 0.9},
	{Space: nsEXIF, Local: "DateTimeOriginal"}:     {result.Date, "XMP exif:DateTimeOriginal: when the photo was taken", 0.95},
	{Space: nsXMP, Local: "CreateDate"}:            {result.Date, "XMP xmp:CreateDate: when the photo was taken", 0.85},
	{Space: nsPhotoshop, Local: "DateCreated"}:     {result.Date, "XMP photoshop:DateCreated: when the photo was taken", 0.85},
	{Space: nsPhotoshop, Local: "City"}:            {result.City, "XMP photoshop:City: where the photo was taken", 0.9},
	{Space: nsEXIFEX, Local: "CameraOwnerName"}:    {result.NameOther, "XMP exifEX:CameraOwnerName: the camera owner's name", 0.95},
	{Space: nsEXIFEX, Local: "BodySerialNumber"}:   {result.Device, "XMP exifEX:BodySerialNumber: the camera's serial number", 0.95},
	{Space: nsAux, Local: "SerialNumber"}:          {result.Device, "XMP aux:SerialNumber: the camera's serial number", 0.95},
	{Space: nsAux, Local: "OwnerName"}:             {result.NameOther, "XMP aux:OwnerName: the camera owner's name", 0.95},
	{Space: nsEXIF, Local: "GPSLatitude"}:          {result.GPS, "", 1},
	{Space: nsEXIF, Local: "GPSLongitude"}:         {result.GPS, "", 1},
	{Space: nsEXIFEX, Local: "LensSerialNumber"}:   {result.Device, "XMP exifEX:LensSerialNumber: the lens's serial number", 0.9},
	{Space: nsPhotoshop, Local: "AuthorsPosition"}: {result.Profession, "XMP photoshop:AuthorsPosition: the author's job", 0.6},
	{Space: nsPhotoshop, Local: "CaptionWriter"}:   {result.NameOther, "XMP photoshop:CaptionWriter: a name", 0.8},
	{Space: nsPhotoshop, Local: "Credit"}:          {result.NameOther, "XMP photoshop:Credit: the photographer's name", 0.7},
}

// readXMP reads an XMP packet with encoding/xml (no external entities or
// DTDs are expanded by that package), bounded to maxXMPBytes. Properties are
// read both as attributes and as element text (rdf:li items included).
func readXMP(b []byte) ([]result.Entity, error) {
	if i := bytes.Index(b, []byte("<x:xmpmeta")); i > 0 {
		b = b[i:]
	}
	if j := bytes.Index(b, []byte("</x:xmpmeta>")); j >= 0 {
		b = b[:j+len("</x:xmpmeta>")]
	}
	if len(b) > maxXMPBytes {
		b = b[:maxXMPBytes]
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var (
		ents      []result.Entity
		lat, long string
		stack     []xml.Name
		text      strings.Builder
	)
	found := func(name xml.Name, v string) {
		f, ok := xmpFields[name]
		if !ok || f.typ == "" {
			return
		}
		v = clean(v)
		if v == "" {
			return
		}
		switch name.Local {
		case "GPSLatitude":
			lat = v
			return
		case "GPSLongitude":
			long = v
			return
		}
		ents = append(ents, result.Entity{Text: v, Type: f.typ, Confidence: f.conf, Reason: f.reason, Source: "xmp"})
	}
	// field returns the innermost open property element this text belongs to.
	field := func() (xml.Name, bool) {
		for i := len(stack) - 1; i >= 0; i-- {
			if _, ok := xmpFields[stack[i]]; ok {
				return stack[i], true
			}
		}
		return xml.Name{}, false
	}
	var err error
	for range 200_000 {
		var tok xml.Token
		tok, err = dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 64 {
				err = errors.New("XMP: elements nested too deep")
				break
			}
			stack = append(stack, t.Name)
			for _, a := range t.Attr {
				found(a.Name, a.Value)
			}
			text.Reset()
		case xml.CharData:
			if _, ok := field(); ok && text.Len() < maxValueBytes {
				text.Write(t)
			}
		case xml.EndElement:
			if name, ok := field(); ok && strings.TrimSpace(text.String()) != "" {
				found(name, text.String())
			}
			text.Reset()
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		if err != nil {
			break
		}
	}
	if lat != "" && long != "" {
		la, ok1 := xmpDegrees(lat)
		lo, ok2 := xmpDegrees(long)
		if ok1 && ok2 && validLatLong(la, lo) {
			ents = append(ents, result.Entity{Text: formatLatLong(la, lo), Type: result.GPS, Confidence: 1,
				Reason: "XMP exif:GPSLatitude/GPSLongitude: where the photo was taken", Source: "xmp"})
		}
	}
	if err == io.EOF {
		err = nil
	}
	if err != nil {
		return ents, fmt.Errorf("XMP: %v", err)
	}
	return ents, nil
}

// xmpDegrees parses an XMP GPS coordinate: "52,12.318N", "52,12,19.1N" or a
// signed decimal.
func xmpDegrees(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	sign := 1.0
	switch s[len(s)-1] {
	case 'S', 's', 'W', 'w':
		sign = -1
		s = s[:len(s)-1]
	case 'N', 'n', 'E', 'e':
		s = s[:len(s)-1]
	}
	parts := strings.Split(s, ",")
	if len(parts) > 3 {
		return 0, false
	}
	v, div := 0.0, 1.0
	for _, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false
		}
		v += f / div
		div *= 60
	}
	return sign * v, true
}
