package synth

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Thresholds for taking an entry of words.txt into the lists.
const (
	minFirstName  = 30   // first-name popularity (1-255)
	minSurname    = 20   // surname popularity (1-255)
	minTownPop    = 3000 // population of a single-word town
	minPhrasePop  = 1000 // population of a multi-word town (when given)
	maxPhraseWord = 5    // longest multi-word entry kept
)

// LoadLists reads the repository's lexicon text lists from root (the
// repository root, e.g. "../.."): first names and surnames from
// internal/lexicon/data/words.txt, towns from the single-word places there
// and from phrases/place-gb.txt and place-us.txt, hospitals from
// phrases/hospital.txt and hospital-short.txt, streets from
// phrases/street.txt. Every list is lower case, without duplicates, and
// ordered most popular (or most populous) first, which Generate relies on to
// draw common entries more often than rare ones. Entries with characters
// other than ASCII letters, digits, spaces, hyphens, apostrophes and periods
// are left out.
func LoadLists(root string) (*Lists, error) {
	dir := filepath.Join(root, "internal", "lexicon", "data")
	l := &Lists{}
	towns := map[string]uint32{}
	if err := loadWords(filepath.Join(dir, "words.txt"), l, towns); err != nil {
		return nil, err
	}
	for _, f := range []string{"place-gb.txt", "place-us.txt"} {
		err := eachLine(filepath.Join(dir, "phrases", f), func(s string, pop uint32, hasPop bool) {
			if hasPop && pop < minPhrasePop {
				return
			}
			if !hasPop {
				pop = minPhrasePop // unknown: rank with the small places
			}
			if old, ok := towns[s]; !ok || pop > old {
				towns[s] = pop
			}
		})
		if err != nil {
			return nil, err
		}
	}
	l.Towns = byWeight(towns)
	var err error
	if l.Hospitals, err = phraseList(dir, "hospital.txt", "hospital-short.txt"); err != nil {
		return nil, err
	}
	if l.Streets, err = phraseList(dir, "street.txt"); err != nil {
		return nil, err
	}
	if len(l.FirstNames) == 0 || len(l.Surnames) == 0 || len(l.Towns) == 0 || len(l.Hospitals) == 0 || len(l.Streets) == 0 {
		return nil, fmt.Errorf("synth: a list under %s is empty", dir)
	}
	return l, nil
}

// phraseList reads one-per-line phrase files, keeping the file order.
func phraseList(dir string, files ...string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		err := eachLine(filepath.Join(dir, "phrases", f), func(s string, _ uint32, _ bool) {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eachLine calls fn for each usable line of a phrase file: the phrase, and
// the population after a TAB when there is one.
func eachLine(path string, fn func(s string, pop uint32, hasPop bool)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		s, rest, hasPop := strings.Cut(line, "\t")
		s = strings.TrimSpace(s)
		var pop uint32
		if hasPop {
			v, err := strconv.ParseUint(strings.TrimSpace(rest), 10, 32)
			if err != nil {
				hasPop = false
			} else {
				pop = uint32(v)
			}
		}
		if !usable(s) || strings.Count(s, " ") >= maxPhraseWord {
			continue
		}
		fn(s, pop, hasPop)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("synth: %s: %w", path, err)
	}
	return nil
}

// usable reports whether s has at least two letters and only ASCII lower
// letters, digits, single spaces, hyphens, apostrophes and periods.
func usable(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			letters++
		case '0' <= c && c <= '9', c == '-', c == '\'', c == '.':
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		default:
			return false
		}
	}
	return letters >= 2
}

// loadWords decodes words.txt (front-coded keys, see its header) into the
// name lists and the single-word towns.
func loadWords(path string, l *Lists, towns map[string]uint32) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	first := map[string]int{}
	sur := map[string]int{}
	key := make([]byte, 0, 64)
	for n, line := range bytes.Split(data, []byte{'\n'}) {
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		shared := -1
		switch c := line[0]; {
		case '0' <= c && c <= '9':
			shared = int(c - '0')
		case 'A' <= c && c <= 'Z':
			shared = int(c-'A') + 10
		}
		tab := bytes.IndexByte(line, '\t')
		if shared < 0 || shared > len(key) || tab < 1 {
			return fmt.Errorf("synth: %s:%d: bad line", path, n+1)
		}
		key = append(key[:shared], line[1:tab]...)
		var f, s, pop uint64
		var flags string
		for _, fld := range strings.Fields(string(line[tab+1:])) {
			switch fld[0] {
			case 'f':
				v, _, _ := strings.Cut(fld[1:], "/")
				f, _ = strconv.ParseUint(v, 10, 32)
			case 's':
				s, _ = strconv.ParseUint(fld[1:], 10, 32)
			case 'p':
				pop, _ = strconv.ParseUint(fld[1:], 10, 32)
			case ':':
				flags = fld[1:]
			}
		}
		k := string(key)
		if !usable(k) || strings.ContainsAny(k, " 0123456789") {
			continue
		}
		if f >= minFirstName && len(k) >= 2 {
			first[k] = int(f)
		}
		if s >= minSurname && len(k) >= 2 {
			sur[k] = int(s)
		}
		if strings.ContainsAny(flags, "gu") && pop >= minTownPop && pop <= 1<<31 {
			if old, ok := towns[k]; !ok || uint32(pop) > old {
				towns[k] = uint32(pop)
			}
		}
	}
	l.FirstNames = byWeight(first)
	l.Surnames = byWeight(sur)
	return nil
}

// byWeight returns the keys of m, heaviest first (ties alphabetically).
func byWeight[V int | uint32](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}
