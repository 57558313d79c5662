package eval

import (
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// Corpus formats.
const (
	// FormatJSONL is the project's own schema (docs/ANNOTATION.md), one JSON record a line.
	FormatJSONL = "jsonl"
	// FormatDeid is the PhysioNet deid gold standard: id.text and id-phi.phrase.
	FormatDeid = "deid"
	// FormatPresidio is presidio-research's synth_dataset_v2.json.
	FormatPresidio = "presidio"
	// FormatVectors is identifier_vectors.json.
	FormatVectors = "vectors"
)

// Formats lists the corpus formats Open reads.
var Formats = []string{FormatJSONL, FormatDeid, FormatPresidio, FormatVectors, FormatDavidson}

// Corpus is an opened corpus: its scheme and its records.
type Corpus struct {
	// Format is the corpus format.
	Format string
	// Path is the file (or, for deid, the id.text file) read.
	Path string
	// Scheme describes what the corpus annotates; pass it in Options.Scheme.
	Scheme Scheme
	// Records streams the records. Each iteration opens the files afresh
	// and closes them when it ends, so it may be ranged over more than once.
	Records iter.Seq2[Record, error]
}

// Open opens a corpus of the given format. For deid, path is the folder
// holding id.text and id-phi.phrase, or the id.text file itself (the gold
// file is then its sibling <name>-phi.phrase). Files are only checked to exist
// here; they are read as Records is ranged over.
func Open(path, format string) (*Corpus, error) {
	scheme, err := SchemeFor(format)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Format: format, Path: path, Scheme: scheme}
	switch format {
	case FormatDeid:
		textPath, phrasePath, err := DeidPaths(path)
		if err != nil {
			return nil, err
		}
		c.Path = textPath
		c.Records = func(yield func(Record, error) bool) {
			tf, err := os.Open(textPath)
			if err != nil {
				yield(Record{}, err)
				return
			}
			defer tf.Close()
			pf, err := os.Open(phrasePath)
			if err != nil {
				yield(Record{}, err)
				return
			}
			defer pf.Close()
			for rec, err := range ReadDeid(tf, pf, DeidOptions{}) {
				if !yield(rec, err) || err != nil {
					return
				}
			}
		}
		return c, nil
	case FormatJSONL:
		c.Records = fileRecords(path, ReadJSONL)
	case FormatPresidio:
		c.Records = fileRecords(path, ReadPresidio)
	case FormatVectors:
		c.Records = fileRecords(path, ReadVectors)
	case FormatDavidson:
		c.Records = fileRecords(path, ReadDavidson)
	}
	if fi, err := os.Stat(path); err != nil {
		return nil, err
	} else if fi.IsDir() {
		return nil, fmt.Errorf("eval: %s: is a directory, want a %s file", path, format)
	}
	return c, nil
}

// fileRecords streams the records read from a file by read.
func fileRecords(path string, read func(io.Reader) iter.Seq2[Record, error]) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(Record{}, err)
			return
		}
		defer f.Close()
		for rec, err := range read(f) {
			if !yield(rec, err) || err != nil {
				return
			}
		}
	}
}

// DeidPaths resolves a deid corpus path (a folder, or its .text file) to its
// text and gold-phrase files, and checks both exist.
func DeidPaths(path string) (textPath, phrasePath string, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", "", err
	}
	if fi.IsDir() {
		textPath = filepath.Join(path, "id.text")
		phrasePath = filepath.Join(path, "id-phi.phrase")
	} else {
		textPath = path
		phrasePath = strings.TrimSuffix(path, ".text") + "-phi.phrase"
	}
	for _, p := range []string{textPath, phrasePath} {
		if _, err := os.Stat(p); err != nil {
			return "", "", fmt.Errorf("eval: deid corpus: %w", err)
		}
	}
	return textPath, phrasePath, nil
}
