package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs"
)

// packFlags are the flags that choose rule packs, shared by check, redact,
// eval and rules.
type packFlags struct {
	pack, locale, role, config, ignore *string
	rulesOnly                          *bool
}

func addPackFlags(fs *flag.FlagSet) *packFlags {
	return &packFlags{
		pack:      fs.String("pack", "", "rule packs to apply, comma-separated (core is always on); see `scrubs rules --packs`"),
		locale:    fs.String("locale", "", "your country: uk, us or au (chooses your code's packs)"),
		role:      fs.String("role", "", "your role: doctor, nurse, student-nurse, midwife, pharmacist, paramedic, hca, …"),
		config:    fs.String("config", "", "organisation config (YAML): own terms, allowed names, own rules"),
		ignore:    fs.String("ignore", "", "ignore file: fingerprints of findings that are not a problem, one per line"),
		rulesOnly: fs.Bool("rules-only", false, "judge by the rule packs alone, without the post model's second opinion (MODEL-001)"),
	}
}

// chosen reports whether the user chose packs on the command line.
func (p *packFlags) chosen() bool { return *p.pack != "" || *p.locale != "" || *p.role != "" }

// options turns the flags into checker options.
func (p *packFlags) options(minConf float64) (scrubs.Options, error) {
	opts := scrubs.Options{MinConfidence: minConf, Locale: *p.locale, Role: *p.role, Config: *p.config, NoPostModel: *p.rulesOnly}
	if *p.pack != "" {
		for _, name := range strings.Split(*p.pack, ",") {
			if name = strings.TrimSpace(name); name != "" {
				opts.Packs = append(opts.Packs, name)
			}
		}
	}
	if *p.ignore != "" {
		fps, err := scrubs.ReadIgnoreFile(*p.ignore)
		if err != nil {
			return opts, usageError{err.Error()}
		}
		opts.Ignore = fps
	}
	return opts, nil
}

// checker builds the checker the flags ask for, as a usage error when the
// packs, locale or config are invalid.
func (p *packFlags) checker(minConf float64) (*scrubs.Checker, scrubs.Options, error) {
	opts, err := p.options(minConf)
	if err != nil {
		return nil, opts, err
	}
	c, err := newChecker(opts)
	return c, opts, err
}

// newChecker builds a checker with less garbage collection during the load
// (see loadWithLessGC), as a usage error when the packs, locale or config are
// invalid.
func newChecker(opts scrubs.Options) (c *scrubs.Checker, err error) {
	loadWithLessGC(func() { c, err = scrubs.New(opts) })
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return c, nil
}

// loadGCPercent is the garbage collector's setting while the embedded rule
// packs and lists are parsed (see loadWithLessGC).
const loadGCPercent = 400

// loadWithLessGC runs load (building the first checker: parsing the embedded
// rule packs and lists, which allocates much short-lived memory) with the
// collector running a quarter as often, then restores the setting. At the
// default the collector runs several times during the parse: ~10 ms of a
// ~50 ms cold start of scrubs check (perf stat -r 30: 54 ms at GOGC=100, 44 ms
// at 400). Done here and not in scrubs.New, because the setting belongs to the
// whole process, not to a library; restored at once, so a long run keeps its
// usual memory bound.
func loadWithLessGC(load func()) {
	old := debug.SetGCPercent(loadGCPercent)
	if old < 0 || old > loadGCPercent {
		debug.SetGCPercent(old) // GOGC=off or higher: the user's choice stands
	}
	defer debug.SetGCPercent(old)
	load()
}

// profiles checks each post with the packs of its author's locale and role
// when the input says them and the command line did not choose packs.
type profiles struct {
	base    scrubs.Options
	def     *scrubs.Checker
	fixed   bool
	mu      sync.Mutex
	byLabel map[string]*scrubs.Checker
}

func newProfiles(def *scrubs.Checker, base scrubs.Options, fixed bool) *profiles {
	return &profiles{base: base, def: def, fixed: fixed, byLabel: map[string]*scrubs.Checker{}}
}

// get returns the checker for a locale and role; an unknown locale or role
// falls back to the default checker.
func (p *profiles) get(locale, role string) *scrubs.Checker {
	if p.fixed || locale == "" && role == "" {
		return p.def
	}
	key := locale + "|" + role
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.byLabel[key]; ok {
		return c
	}
	opts := p.base
	opts.Locale, opts.Role = locale, role
	c, err := scrubs.New(opts)
	if err != nil {
		c = p.def
	}
	p.byLabel[key] = c
	return c
}

func (p *profiles) check(ctx context.Context, text, locale, role string) (*scrubs.Result, error) {
	return p.get(locale, role).Check(ctx, text)
}

// maxHistoryBytes bounds a --history file.
const maxHistoryBytes = 16 << 20

// readHistory reads earlier posts: JSON Lines with a "text" field (other
// fields ignored), oldest first.
func readHistory(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxHistoryBytes+1))
	if err != nil {
		return nil, usagef("reading %s: %v", name, err)
	}
	if len(data) > maxHistoryBytes {
		return nil, usagef("%s is larger than %d MiB", name, maxHistoryBytes>>20)
	}
	var posts []string
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal(line, &rec); err != nil || rec.Text == nil {
			return nil, usagef("%s:%d: want a JSON object with a \"text\" field", name, n+1)
		}
		posts = append(posts, *rec.Text)
	}
	return posts, nil
}
