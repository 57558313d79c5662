//go:build !unix

package tui

import (
	"os"
	"syscall"
)

// watchedSignals are the signals that end a session; there is no resize
// signal here, so the screen is redrawn only on the next key.
var watchedSignals = []os.Signal{syscall.SIGTERM}

func isResize(os.Signal) bool { return false }
