package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// Streaming JSON. A long text dense with identifiers has hundreds of
// thousands of entities, and encoding its result in one piece holds the
// whole output in memory two or three times over (encoding/json builds the
// compact text, then its indented copy). The writers here encode the same
// bytes as a json.Encoder (HTML not escaped) would, but the top-level
// object field by field and a slice field element by element, so that only
// one element is held encoded at a time.

// streamer encodes values one at a time, reusing its buffer.
type streamer struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// newStreamer returns a streamer writing to w with the given indent (none
// when indent is "").
func newStreamer(w *bufio.Writer, prefix, indent string) *streamer {
	s := &streamer{w: w}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	if indent != "" {
		s.enc.SetIndent(prefix, indent)
	}
	return s
}

// value writes v encoded (without the encoder's newline).
func (s *streamer) value(v any) error {
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		return err
	}
	b := s.buf.Bytes()
	_, err := s.w.Write(b[:len(b)-1])
	return err
}

// writeStream writes the struct v (or a pointer to one) as encoding/json
// would with the given indent ("" for compact), followed by a newline.
// Slice fields are written element by element.
func writeStream(w io.Writer, v any, indent string) error {
	rv := reflect.Indirect(reflect.ValueOf(v))
	if rv.Kind() != reflect.Struct {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", indent)
		return enc.Encode(v)
	}
	nl, in1, in2, colon := "", "", "", ":"
	if indent != "" {
		nl, in1, in2, colon = "\n", indent, indent+indent, ": "
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	top := newStreamer(bw, in1, indent)  // a field's value, one level in
	elem := newStreamer(bw, in2, indent) // a slice's element, two levels in
	bw.WriteByte('{')
	n := 0
	for _, f := range jsonFields(rv) {
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteString(nl + in1)
		if err := top.value(f.name); err != nil {
			return err
		}
		bw.WriteString(colon)
		if f.v.Kind() != reflect.Slice || f.v.Len() == 0 {
			if err := top.value(f.v.Interface()); err != nil {
				return err
			}
			continue
		}
		bw.WriteByte('[')
		for i := range f.v.Len() {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(nl + in2)
			if err := elem.value(f.v.Index(i).Interface()); err != nil {
				return err
			}
		}
		bw.WriteString(nl + in1 + "]")
	}
	if n > 0 {
		bw.WriteString(nl)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// jsonField is one field of a struct as encoding/json writes it.
type jsonField struct {
	name string
	v    reflect.Value
}

// jsonFields lists the fields encoding/json writes for the struct rv, in
// order: exported, not tagged "-", not empty when tagged omitempty. (The
// result types have no embedded structs and no ",string" options; a test
// checks the output against encoding/json's.)
func jsonFields(rv reflect.Value) []jsonField {
	t := rv.Type()
	var out []jsonField
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		fv := rv.Field(i)
		if strings.Contains(","+opts+",", ",omitempty,") && isEmptyValue(fv) ||
			strings.Contains(","+opts+",", ",omitzero,") && fv.IsZero() {
			continue
		}
		out = append(out, jsonField{name: name, v: fv})
	}
	return out
}

// isEmptyValue is encoding/json's test for omitempty: false, 0, a nil
// pointer or interface, and an array, map, slice or string of length 0
// (never a struct).
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
