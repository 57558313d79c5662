//go:build unix

package tui

import (
	"os"
	"syscall"
)

// watchedSignals are a resize (redraw) and the signals that end a session
// (the terminal is restored before the program exits).
var watchedSignals = []os.Signal{syscall.SIGWINCH, syscall.SIGTERM, syscall.SIGHUP}

func isResize(s os.Signal) bool { return s == syscall.SIGWINCH }
