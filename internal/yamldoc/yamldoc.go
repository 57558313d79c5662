// Package yamldoc decodes YAML data files written by people (rule packs,
// lexicons, organisation configs, incident trees, checklists) strictly and
// safely: a size limit, a nesting limit checked before parsing, one document
// per file, no anchors or aliases (no alias bombs), every mapping key a field
// of the target type (with "did you mean"), and every error as
// file:line: reason.
package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem in a data file, with where it is.
type Error struct {
	File   string
	Line   int
	Reason string
}

// Error returns "file:line: reason" (or "file: reason" without a line).
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

// Errorf returns an *Error for file at line (0 when the line is unknown).
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// Limits bound what Decode accepts.
type Limits struct {
	// MaxBytes is the largest file; MaxDepth the deepest nesting of
	// collections.
	MaxBytes, MaxDepth int
}

// yamlLine matches the line number yaml.v3 puts in its messages.
var yamlLine = regexp.MustCompile(`line (\d+): `)

// Decode checks data against the limits, refuses anchors, aliases, a second
// document and mapping keys that name no field of v's type (through
// pointers, slices and maps), and decodes it into v. It returns the
// document's root node, for line numbers. Every error is an *Error.
func Decode(file string, data []byte, v any, lim Limits) (*yaml.Node, error) {
	if len(data) > lim.MaxBytes {
		return nil, Errorf(file, 0, "file is %d bytes, more than the %d allowed", len(data), lim.MaxBytes)
	}
	if d := flowDepth(data); d > lim.MaxDepth*4 {
		return nil, Errorf(file, 0, "nesting is deeper than %d levels", lim.MaxDepth)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return nil, Errorf(file, 0, "file is empty")
		}
		return nil, yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, Errorf(file, 0, "file is empty")
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, Errorf(file, extra.Line, "more than one YAML document; a file holds one")
	}
	top := root.Content[0]
	if err := checkNode(file, top, 0, lim.MaxDepth); err != nil {
		return nil, err
	}
	// One parse: unknown fields are found by walking the node against the
	// types (yaml.v3's KnownFields needs a second decode of the text).
	if err := knownFields(file, top, reflect.TypeOf(v)); err != nil {
		return nil, err
	}
	if err := top.Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	return top, nil
}

// knownFields refuses mapping keys that name no field of the struct type t,
// and keys given twice, with the key's line.
func knownFields(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || name == "-" || name == "" {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			ft, ok := fields[key.Value]
			if !ok {
				return Errorf(file, key.Line, "field %q is unknown here%s", key.Value, DidYouMean(key.Value, names))
			}
			if seen[key.Value] {
				return Errorf(file, key.Line, "field %q appears twice", key.Value)
			}
			seen[key.Value] = true
			if err := knownFields(file, n.Content[i+1], ft); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if err := knownFields(file, c, t.Elem()); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if err := knownFields(file, n.Content[i], t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// flowDepth returns the deepest nesting of [ and { brackets, a cheap guard
// run before the parser sees the text.
func flowDepth(data []byte) int {
	depth, deepest := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return deepest
}

func checkNode(file string, n *yaml.Node, depth, maxDepth int) error {
	if depth > maxDepth {
		return Errorf(file, n.Line, "nesting is deeper than %d levels", maxDepth)
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return Errorf(file, n.Line, "YAML anchors and aliases are not allowed; write the value out")
	}
	for _, c := range n.Content {
		if err := checkNode(file, c, depth+1, maxDepth); err != nil {
			return err
		}
	}
	return nil
}

// yamlError turns a yaml.v3 error into file:line: reason.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		line, _ = strconv.Atoi(msg[m[2]:m[3]])
		msg = msg[:m[0]] + msg[m[1]:]
	}
	return Errorf(file, line, "%s", msg)
}

// DidYouMean returns ` (did you mean "x"?)` for the known word closest to s
// (at most two edits away, case ignored), or "".
func DidYouMean(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := Distance(strings.ToLower(s), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Distance is the Levenshtein edit distance between a and b, in characters.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
