package rules

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/scrubshq/scrubs/internal/yamldoc"
)

//go:embed packs
var embedded embed.FS

// MaxFileBytes is the largest pack, lexicon or config file accepted.
const MaxFileBytes = 2 << 20

// maxDepth is the deepest nesting of YAML collections accepted.
const maxDepth = 12

// Error is a problem in a pack, lexicon or config file, with where it is
// (file:line: reason).
type Error = yamldoc.Error

func errAt(file string, line int, format string, args ...any) error {
	return yamldoc.Errorf(file, line, format, args...)
}

// decode checks the YAML for size, depth and aliases, then decodes it into v
// refusing unknown fields; it returns the document's root node for lines.
func decode(file string, data []byte, v any) (*yaml.Node, error) {
	return yamldoc.Decode(file, data, v, yamldoc.Limits{MaxBytes: MaxFileBytes, MaxDepth: maxDepth})
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

// Embedded returns the embedded packs and lexicons, from the snapshot of
// them where it is fresh (see snapshotData), else parsed from their YAML.
func Embedded() (*Library, error) {
	return loadFS(embedded, "packs", yamldoc.ReadSnapshot(snapshotData))
}

// LoadFS parses the packs (*.yaml) and lexicons (lexicons/*.yaml) under dir of fsys.
func LoadFS(fsys fs.FS, dir string) (*Library, error) {
	return loadFS(fsys, dir, nil)
}

// loadFS is LoadFS taking the files that snap holds fresh entries of from
// it (nil: none).
func loadFS(fsys fs.FS, dir string, snap yamldoc.Snapshot) (*Library, error) {
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
				if lexs[i] = lexiconFrom(snap, f, data); lexs[i] == nil {
					lexs[i], err = ParseLexicon(f, data)
				}
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
				if packs[i] = packFrom(snap, f, data); packs[i] == nil {
					packs[i], err = ParsePack(f, data)
				}
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
