package scrubs

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// fingerprintRE is the shape of a risk fingerprint: RULE-ID:16 hex digits.
var fingerprintRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+:[0-9a-f]{16}$`)

// maxIgnoreBytes bounds an ignore file.
const maxIgnoreBytes = 4 << 20

// ReadIgnore reads an ignore list: one fingerprint per line (as printed in a
// risk's "fingerprint"), optionally followed by a reason after '#'; blank
// lines and lines starting with '#' are skipped, like a .gitleaksignore.
func ReadIgnore(r io.Reader, name string) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(io.LimitReader(r, maxIgnoreBytes+1))
	sc.Buffer(make([]byte, 4096), 64<<10)
	n, size := 0, 0
	for sc.Scan() {
		n++
		size += len(sc.Bytes()) + 1
		if size > maxIgnoreBytes {
			return nil, fmt.Errorf("%s: larger than %d MiB", name, maxIgnoreBytes>>20)
		}
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		fp := strings.Fields(line)[0]
		if !fingerprintRE.MatchString(fp) {
			return nil, fmt.Errorf("%s:%d: %q is not a fingerprint (RULE-ID:16 hex digits, as in a risk's \"fingerprint\")", name, n, fp)
		}
		out = append(out, fp)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, n+1, err)
	}
	return out, nil
}

// ReadIgnoreFile reads an ignore list from a file (see ReadIgnore).
func ReadIgnoreFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadIgnore(f, path)
}
