package archive

// This file holds what the Meta readers (Facebook, Instagram) share: the
// repair of Meta's mojibake and a streaming decoder for their JSON arrays
// that says where a file is wrong.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FixMojibake repairs text from a Meta (Facebook, Instagram) JSON export.
//
// Meta writes every byte of a string's UTF-8 encoding as its own \u00XX
// escape, so after JSON decoding "café" reads "cafÃ©" and 😀 reads "ðŸ˜€".
// When every rune of s is at most U+00FF and those runes, taken as bytes,
// are valid UTF-8 that differs from s, FixMojibake returns those bytes;
// otherwise it returns s unchanged (correct text, and Latin-1 text whose
// bytes are not UTF-8, stay as they are).
func FixMojibake(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s // nothing to repair
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		// An invalid byte in s decodes as U+FFFD, which is above U+00FF:
		// such a string is kept as it is.
		if r > 0xFF {
			return s
		}
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

// metaTime turns a Meta timestamp (unix seconds) into a time; zero, negative
// or out-of-range timestamps (past the year 9999) give the zero time.
func metaTime(ts int64) time.Time {
	if ts <= 0 || ts > 253402300799 {
		return time.Time{}
	}
	return time.Unix(ts, 0).UTC()
}

// metaSortPaged orders paged files (posts_1.json, posts_2.json …
// posts_10.json) by folder, then name, then page number, not by string.
func metaSortPaged(files []string) {
	split := func(f string) (string, int) {
		stem := strings.TrimSuffix(f, path.Ext(f))
		i := strings.LastIndexByte(stem, '_')
		if i < 0 {
			return stem, 0
		}
		n, err := strconv.Atoi(stem[i+1:])
		if err != nil || n < 0 {
			return stem, 0
		}
		return stem[:i], n
	}
	sort.SliceStable(files, func(i, j int) bool {
		pi, ni := split(files[i])
		pj, nj := split(files[j])
		if pi != pj {
			return pi < pj
		}
		return ni < nj
	})
}

// metaDecoder decodes one JSON file of a Meta export and reports errors with
// the file, the item's position and the line and column.
type metaDecoder struct {
	platform string
	file     string
	data     []byte
	dec      *json.Decoder
}

func newMetaDecoder(platform, file string, data []byte) *metaDecoder {
	return &metaDecoder{platform: platform, file: file, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
}

// errorf formats an error about the file at byte offset off; pos < 0 when
// the error is not about one item.
func (m *metaDecoder) errorf(pos int, off int64, err error, format string, args ...any) error {
	line, col := metaLineCol(m.data, off)
	where := fmt.Sprintf("line %d, column %d", line, col)
	if pos >= 0 {
		where = fmt.Sprintf("position %d, %s", pos, where)
	}
	msg := fmt.Sprintf(format, args...)
	if err != nil {
		return fmt.Errorf("%s: %s (%s): %s: %w", m.platform, m.file, where, msg, err)
	}
	return fmt.Errorf("%s: %s (%s): %s", m.platform, m.file, where, msg)
}

// metaLineCol gives the 1-based line and column (in bytes) of offset off.
func metaLineCol(data []byte, off int64) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// decodeErr explains an error of the JSON decoder for item pos, which
// started at byte start.
func (m *metaDecoder) decodeErr(pos int, start int64, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return m.errorf(pos, int64(len(m.data)), nil, "the file ends in the middle of the JSON (truncated?)")
	case errors.As(err, &se):
		return m.errorf(pos, se.Offset, err, "not valid JSON")
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the item"
		}
		return m.errorf(pos, start+te.Offset, nil, "%s is %s, want %s", field, jsKind(te.Value), jsGoKind(te.Type))
	default:
		return m.errorf(pos, start, err, "cannot read the item")
	}
}

// metaEach decodes the JSON array that makes up the file, or, when keys are
// given and the file is an object, the arrays under those keys (other keys
// are skipped), calling fn with each element and its position from 0. It
// returns fn's first error as it is.
func metaEach[T any](ctx context.Context, m *metaDecoder, keys []string, fn func(pos int, v *T) error) error {
	tok, err := m.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return m.errorf(-1, 0, nil, "the file is empty")
		}
		return m.decodeErr(-1, 0, err)
	}
	pos := 0
	switch tok {
	case json.Delim('['):
		if err := metaArray(ctx, m, &pos, fn); err != nil {
			return err
		}
	case json.Delim('{'):
		if len(keys) == 0 {
			return m.errorf(-1, 0, nil, "the file is a JSON object, want an array")
		}
		found := false
		for m.dec.More() {
			off := m.dec.InputOffset()
			kt, err := m.dec.Token()
			if err != nil {
				return m.decodeErr(-1, off, err)
			}
			key, _ := kt.(string)
			known := false
			for _, k := range keys {
				if key == k {
					known = true
				}
			}
			if !known {
				var skip json.RawMessage
				if err := m.dec.Decode(&skip); err != nil {
					return m.decodeErr(-1, m.dec.InputOffset(), err)
				}
				continue
			}
			found = true
			off = m.dec.InputOffset()
			t, err := m.dec.Token()
			if err != nil {
				return m.decodeErr(-1, off, err)
			}
			if t != json.Delim('[') {
				return m.errorf(-1, off, nil, "%q is %s, want an array", key, jsTokenKind(t))
			}
			if err := metaArray(ctx, m, &pos, fn); err != nil {
				return err
			}
		}
		if _, err := m.dec.Token(); err != nil { // the closing }
			return m.decodeErr(-1, m.dec.InputOffset(), err)
		}
		if !found {
			return m.errorf(-1, 0, nil, "the file is a JSON object without %s, want an array", strings.Join(keys, " or "))
		}
	default:
		return m.errorf(-1, 0, nil, "the file is %s, want an array", jsTokenKind(tok))
	}
	off := m.dec.InputOffset()
	if _, err := m.dec.Token(); err != io.EOF {
		return m.errorf(-1, off, nil, "unexpected data after the end of the JSON")
	}
	return nil
}

// metaArray decodes the elements of an array whose [ was read, and its ].
func metaArray[T any](ctx context.Context, m *metaDecoder, pos *int, fn func(pos int, v *T) error) error {
	for m.dec.More() {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := m.dec.InputOffset()
		var v T
		if err := m.dec.Decode(&v); err != nil {
			return m.decodeErr(*pos, start, err)
		}
		if err := fn(*pos, &v); err != nil {
			return err
		}
		*pos++
	}
	off := m.dec.InputOffset()
	if _, err := m.dec.Token(); err != nil { // the closing ]
		return m.decodeErr(*pos, off, err)
	}
	return nil
}

// metaJoin joins the texts that are not blank with blank lines.
func metaJoin(texts ...string) string {
	var keep []string
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			keep = append(keep, t)
		}
	}
	return strings.Join(keep, "\n\n")
}

// metaGlobs returns the globs of files under each root, also one folder
// down (an export unpacked into a folder of its own).
func metaGlobs(roots []string, files ...string) []string {
	var out []string
	for _, wrap := range []string{"", "*/"} {
		for _, r := range roots {
			for _, f := range files {
				out = append(out, wrap+r+f)
			}
		}
	}
	return out
}
