package server

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs"
)

// profile is what a checker is built from.
type profile struct {
	locale, role string
	packs        []string
	config       string // the organisation config YAML, "" for none
}

func (p profile) key() string {
	h := sha256.Sum256([]byte(p.config))
	return p.locale + "|" + p.role + "|" + strings.Join(p.packs, ",") + "|" + hex.EncodeToString(h[:8])
}

// checkerCache keeps the checkers of the most recently used profiles
// (building one costs tens of milliseconds). Concurrent requests for a
// profile not yet built wait for one build.
type checkerCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]*list.Element
	lru     *list.List // of *cacheEntry, most recent first
	dir     string     // where config files are written for scrubs.New
	onBuild func()
	// rulesOnly builds checkers without the post model (Config.RulesOnly)
	rulesOnly bool
}

type cacheEntry struct {
	key   string
	ready chan struct{}
	c     *scrubs.Checker
	err   error
}

func newCheckerCache(max int, dir string, onBuild func()) *checkerCache {
	return &checkerCache{max: max, entries: map[string]*list.Element{}, lru: list.New(), dir: dir, onBuild: onBuild}
}

// get returns the checker for p, building it when needed. A build that
// failed is not kept, so it is tried again next time.
func (cc *checkerCache) get(p profile) (*scrubs.Checker, error) {
	key := p.key()
	cc.mu.Lock()
	if el, ok := cc.entries[key]; ok {
		cc.lru.MoveToFront(el)
		e := el.Value.(*cacheEntry)
		cc.mu.Unlock()
		<-e.ready
		return e.c, e.err
	}
	e := &cacheEntry{key: key, ready: make(chan struct{})}
	cc.entries[key] = cc.lru.PushFront(e)
	for cc.lru.Len() > cc.max {
		old := cc.lru.Back()
		cc.lru.Remove(old)
		delete(cc.entries, old.Value.(*cacheEntry).key)
	}
	cc.mu.Unlock()

	e.c, e.err = cc.build(p)
	close(e.ready)
	if e.err != nil {
		cc.mu.Lock()
		if el, ok := cc.entries[key]; ok && el.Value == e {
			cc.lru.Remove(el)
			delete(cc.entries, key)
		}
		cc.mu.Unlock()
	}
	return e.c, e.err
}

func (cc *checkerCache) build(p profile) (*scrubs.Checker, error) {
	if cc.onBuild != nil {
		cc.onBuild()
	}
	opts := scrubs.Options{Locale: p.locale, Role: p.role, Packs: slices.Clone(p.packs), NoPostModel: cc.rulesOnly}
	if p.config != "" {
		// scrubs.New reads an organisation config from a file: write it
		// once per content, in the server's private directory.
		h := sha256.Sum256([]byte(p.config))
		name := filepath.Join(cc.dir, "org-"+hex.EncodeToString(h[:12])+".yaml")
		if _, err := os.Stat(name); err != nil {
			f, err := os.CreateTemp(cc.dir, "tmp-*")
			if err != nil {
				return nil, err
			}
			_, err = f.WriteString(p.config)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				err = os.Rename(f.Name(), name)
			}
			if err != nil {
				os.Remove(f.Name())
				return nil, err
			}
		}
		opts.Config = name
	}
	return scrubs.New(opts)
}
