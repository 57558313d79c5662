package scrubs

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// maxBaselineBytes bounds a baseline report (a JSON Lines scan of a large
// archive can be big; only fingerprints are kept from it).
const maxBaselineBytes = 1 << 30

// ReadBaseline reads the fingerprints of the findings in an earlier report,
// so a repeated scan leaves out what the user has already reviewed. It takes
// the JSON of `scrubs scan --format json` (its "risky" items and
// "mosaics"), the JSON Lines
// of `scrubs scan` or `scrubs check --format jsonl` (each line's "risks"),
// the JSON of `scrubs check --format json`, or an ignore file (see
// ReadIgnore).
func ReadBaseline(r io.Reader, name string) ([]string, error) {
	br := bufio.NewReader(r)
	for {
		b, err := br.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.ReadByte()
			continue
		case '{':
			return readReportFingerprints(br, name)
		}
		return ReadIgnore(br, name)
	}
}

// baselineValue is what ReadBaseline keeps of one report value.
type baselineValue struct {
	Risks []struct {
		Fingerprint string `json:"fingerprint"`
	} `json:"risks"`
	Risky []struct {
		Risks []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"risks"`
	} `json:"risky"`
	Mosaics []struct {
		Risks []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"risks"`
	} `json:"mosaics"`
}

func readReportFingerprints(r io.Reader, name string) ([]string, error) {
	dec := json.NewDecoder(io.LimitReader(r, maxBaselineBytes+1))
	seen := map[string]bool{}
	var out []string
	add := func(fp string) {
		if fp != "" && !seen[fp] {
			seen[fp] = true
			out = append(out, fp)
		}
	}
	for n := 1; ; n++ {
		var v baselineValue
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			if dec.InputOffset() > maxBaselineBytes {
				return nil, fmt.Errorf("%s: larger than %d MiB", name, maxBaselineBytes>>20)
			}
			return nil, fmt.Errorf("%s: value %d is not a scrubs report: %v", name, n, err)
		}
		for _, k := range v.Risks {
			add(k.Fingerprint)
		}
		for _, it := range v.Risky {
			for _, k := range it.Risks {
				add(k.Fingerprint)
			}
		}
		for _, it := range v.Mosaics {
			for _, k := range it.Risks {
				add(k.Fingerprint)
			}
		}
	}
}

// ReadBaselineFile reads a baseline from a file (see ReadBaseline).
func ReadBaselineFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadBaseline(f, path)
}
