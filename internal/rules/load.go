package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed packs
var embedded embed.FS

// MaxFileBytes is the largest pack, lexicon or config file accepted.
const MaxFileBytes = 2 << 20

// maxDepth is the deepest nesting of YAML collections accepted.
const maxDepth = 12

// Error is a problem in a pack, lexicon or config file, with where it is.
type Error struct {
	File   string
	Line   int
	Reason string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

func errAt(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// yamlLine matches the line number yaml.v3 puts in its messages.
var yamlLine = regexp.MustCompile(`line (\d+): `)

// decode checks the YAML for size, depth and aliases, then decodes it into v
// refusing unknown fields; it returns the document's root node for lines.
func decode(file string, data []byte, v any) (*yaml.Node, error) {
	if len(data) > MaxFileBytes {
		return nil, errAt(file, 0, "file is %d bytes, more than the %d allowed", len(data), MaxFileBytes)
	}
	if d := flowDepth(data); d > maxDepth*4 {
		return nil, errAt(file, 0, "nesting is deeper than %d levels", maxDepth)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return nil, errAt(file, 0, "file is empty")
		}
		return nil, yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, errAt(file, 0, "file is empty")
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, errAt(file, extra.Line, "more than one YAML document; a file holds one")
	}
	if err := checkNode(file, root.Content[0], 0); err != nil {
		return nil, err
	}
	// One parse: unknown fields are found by walking the node against the
	// types (yaml.v3's KnownFields needs a second decode of the text).
	if err := knownFields(file, root.Content[0], reflect.TypeOf(v)); err != nil {
		return nil, err
	}
	if err := root.Content[0].Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	return root.Content[0], nil
}

// knownFields refuses mapping keys that name no field of the struct type t
// (through pointers, slices and maps), with the key's line.
func knownFields(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || name == "-" || name == "" {
				continue
			}
			fields[name] = f.Type
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			ft, ok := fields[key.Value]
			if !ok {
				return errAt(file, key.Line, "field %s is unknown in a %s", key.Value, t.Name())
			}
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
	depth, max := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			if depth > max {
				max = depth
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return max
}

func checkNode(file string, n *yaml.Node, depth int) error {
	if depth > maxDepth {
		return errAt(file, n.Line, "nesting is deeper than %d levels", maxDepth)
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return errAt(file, n.Line, "YAML anchors and aliases are not allowed in packs; write the value out")
	}
	for _, c := range n.Content {
		if err := checkNode(file, c, depth+1); err != nil {
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
	msg = strings.Replace(msg, "not found in type rules.", "is unknown in a ", 1)
	return errAt(file, line, "%s", msg)
}

// lineIndex records the line of each rule and signal of a pack or config.
func lineIndex(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	if root.Kind != yaml.MappingNode {
		return lines
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		lines[key] = root.Content[i].Line
		if (key == "rules" || key == "signals") && val.Kind == yaml.SequenceNode {
			for j, item := range val.Content {
				lines[key+"#"+strconv.Itoa(j)] = item.Line
				if item.Kind != yaml.MappingNode {
					continue
				}
				for k := 0; k+1 < len(item.Content); k += 2 {
					if item.Content[k].Value == "id" {
						lines[strings.TrimSuffix(key, "s")+":"+item.Content[k+1].Value] = item.Line
					}
				}
			}
		}
		if key == "terms" && val.Kind == yaml.SequenceNode {
			for j, item := range val.Content {
				lines["term#"+strconv.Itoa(j)] = item.Line
			}
		}
	}
	return lines
}

// ParsePack decodes one pack file.
func ParsePack(file string, data []byte) (*Pack, error) {
	var p Pack
	root, err := decode(file, data, &p)
	if err != nil {
		return nil, err
	}
	p.file, p.lines = file, lineIndex(root)
	return &p, nil
}

// ParseLexicon decodes one lexicon file.
func ParseLexicon(file string, data []byte) (*Lexicon, error) {
	var l Lexicon
	root, err := decode(file, data, &l)
	if err != nil {
		return nil, err
	}
	l.file = file
	idx := lineIndex(root)
	l.lines = make([]int, len(l.Terms))
	for i := range l.lines {
		l.lines[i] = idx["term#"+strconv.Itoa(i)]
	}
	return &l, nil
}

// ParseConfig decodes an organisation config.
func ParseConfig(file string, data []byte) (*Config, error) {
	var c Config
	root, err := decode(file, data, &c)
	if err != nil {
		return nil, err
	}
	c.file, c.lines = file, lineIndex(root)
	return &c, nil
}

// LoadConfig reads and decodes an organisation config file, refusing one
// larger than MaxFileBytes before reading it.
func LoadConfig(name string) (*Config, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileBytes {
		return nil, errAt(name, 0, "file is %d bytes, more than the %d allowed", st.Size(), MaxFileBytes)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	return ParseConfig(name, data)
}

// Library is every embedded pack and lexicon, parsed.
type Library struct {
	Packs    map[string]*Pack
	Lexicons map[string]*Lexicon
	// Order is the pack names, core first, then by name.
	Order []string
}

// Embedded parses the embedded packs and lexicons.
func Embedded() (*Library, error) {
	return LoadFS(embedded, "packs")
}

// LoadFS parses the packs (*.yaml) and lexicons (lexicons/*.yaml) under dir of fsys.
func LoadFS(fsys fs.FS, dir string) (*Library, error) {
	lib := &Library{Packs: map[string]*Pack{}, Lexicons: map[string]*Lexicon{}}
	lexFiles, _ := fs.Glob(fsys, path.Join(dir, "lexicons", "*.yaml"))
	lexs := make([]*Lexicon, len(lexFiles))
	lerrs := make([]error, len(lexFiles))
	var lwg sync.WaitGroup
	for i, f := range lexFiles {
		lwg.Add(1)
		go func() {
			defer lwg.Done()
			data, err := fs.ReadFile(fsys, f)
			if err == nil {
				lexs[i], err = ParseLexicon(f, data)
			}
			lerrs[i] = err
		}()
	}
	lwg.Wait()
	for i, f := range lexFiles {
		if lerrs[i] != nil {
			return nil, lerrs[i]
		}
		l := lexs[i]
		if want := strings.TrimSuffix(path.Base(f), ".yaml"); l.Lexicon != want {
			return nil, errAt(f, 1, "lexicon is named %q but the file is %s.yaml", l.Lexicon, want)
		}
		lib.Lexicons[l.Lexicon] = l
	}
	packFiles, _ := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	// parse the packs side by side: YAML decoding is most of the start-up time
	packs := make([]*Pack, len(packFiles))
	errs := make([]error, len(packFiles))
	var wg sync.WaitGroup
	for i, f := range packFiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := fs.ReadFile(fsys, f)
			if err == nil {
				packs[i], err = ParsePack(f, data)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, f := range packFiles {
		if errs[i] != nil {
			return nil, errs[i]
		}
		p := packs[i]
		if want := strings.TrimSuffix(path.Base(f), ".yaml"); p.Pack != want {
			return nil, errAt(f, 1, "pack is named %q but the file is %s.yaml", p.Pack, want)
		}
		lib.Packs[p.Pack] = p
		lib.Order = append(lib.Order, p.Pack)
	}
	if lib.Packs["core"] == nil {
		return nil, fmt.Errorf("%s: no core.yaml pack", dir)
	}
	sort.Slice(lib.Order, func(i, j int) bool {
		a, b := lib.Order[i], lib.Order[j]
		if (a == "core") != (b == "core") {
			return a == "core"
		}
		return a < b
	})
	return lib, nil
}
