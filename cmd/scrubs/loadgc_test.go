package main

import (
	"runtime/debug"
	"testing"
)

// gcPercent returns the collector's current setting.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// TestLoadWithLessGC: the load runs at loadGCPercent unless the process was
// set to collect less often (or not at all), and the setting is restored.
func TestLoadWithLessGC(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	for _, c := range []struct{ before, during int }{
		{100, loadGCPercent},
		{50, loadGCPercent},
		{-1, -1},   // GOGC=off stays off
		{800, 800}, // a higher setting stands
	} {
		debug.SetGCPercent(c.before)
		got := 0
		loadWithLessGC(func() { got = gcPercent() })
		if got != c.during {
			t.Errorf("before %d: %d during the load, want %d", c.before, got, c.during)
		}
		if after := gcPercent(); after != c.before {
			t.Errorf("before %d: %d after the load, want it restored", c.before, after)
		}
	}
}
