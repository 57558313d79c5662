//go:build linux || darwin

package tui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// ptyPair opens a pseudo-terminal and drains what is written to it.
type ptyPair struct {
	master, tty *os.File
	mu          sync.Mutex
	out         bytes.Buffer
}

func openPTY(t *testing.T) *ptyPair {
	t.Helper()
	m, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(m, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Fatal(err)
	}
	p := &ptyPair{master: m, tty: tty}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := m.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { tty.Close(); m.Close() })
	return p
}

func (p *ptyPair) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the output holds s n times.
func (p *ptyPair) waitFor(t *testing.T, s string, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(p.output(), s) < n {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %q ×%d in %q", s, n, p.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func termios(t *testing.T, f *os.File) *unix.Termios {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	if err != nil {
		t.Fatal(err)
	}
	return tio
}

func TestTerminalChoose(t *testing.T) {
	screen := Screen{Lines: []Line{{Text: "Pick one", Style: Title}}, Items: []string{"alpha", "beta", "gamma"}}
	tests := []struct {
		name    string
		keys    []string
		color   bool
		want    int
		wantErr error
	}{
		{"arrows", []string{"\x1b[B", "\x1b[B", "\r"}, true, 2, nil},
		{"wraps round", []string{"\x1b[A", "\r"}, true, 2, nil},
		{"j and k", []string{"j", "j", "k", "\r"}, false, 1, nil},
		{"number", []string{"3", "1", "\r"}, false, 0, nil},
		{"quit", []string{"q"}, true, 0, ErrQuit},
		{"ctrl-c", []string{"\x03"}, true, 0, ErrInterrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := openPTY(t)
			before := termios(t, p.tty)
			term, err := Open(p.tty, p.tty, tt.color)
			if err != nil {
				t.Fatal(err)
			}
			raw := termios(t, p.tty)
			if raw.Lflag&(unix.ICANON|unix.ECHO) != 0 {
				t.Error("Open did not put the terminal into raw mode")
			}
			type res struct {
				i   int
				err error
			}
			done := make(chan res, 1)
			go func() {
				i, err := term.Choose(context.Background(), screen)
				done <- res{i, err}
			}()
			p.waitFor(t, "alpha", 1)
			for i, k := range tt.keys {
				p.master.WriteString(k)
				if i < len(tt.keys)-1 {
					p.waitFor(t, "> ", i+2) // each move redraws with the marker
				}
			}
			var r res
			select {
			case r = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("Choose did not return; output %q", p.output())
			}
			if err := term.Close(); err != nil {
				t.Fatal(err)
			}
			if !errors.Is(r.err, tt.wantErr) || (tt.wantErr == nil && r.i != tt.want) {
				t.Errorf("Choose = %d, %v; want %d, %v", r.i, r.err, tt.want, tt.wantErr)
			}
			after := termios(t, p.tty)
			if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
				t.Errorf("terminal not restored: lflag %#x → %#x", before.Lflag, after.Lflag)
			}
			p.waitFor(t, showCursor, 1)
			out := p.output()
			hasColour := strings.Contains(out, "\x1b[1;36m")
			if hasColour != tt.color {
				t.Errorf("colour sequences present = %v, want %v", hasColour, tt.color)
			}
			if !strings.Contains(out, "\x1b[7m") {
				t.Error("the selected item is not shown in reverse video")
			}
		})
	}
}

func TestTerminalShowAndResize(t *testing.T) {
	p := openPTY(t)
	term, err := Open(p.tty, p.tty, false)
	if err != nil {
		t.Fatal(err)
	}
	defer term.Close()
	done := make(chan error, 1)
	go func() {
		done <- term.Show(context.Background(), Screen{Lines: []Line{{Text: "Feedback here"}}})
	}()
	p.waitFor(t, "Feedback here", 1)
	// a narrower window and SIGWINCH: the screen is drawn again at the new size
	if err := pty.Setsize(p.master, &pty.Winsize{Rows: 10, Cols: 40}); err != nil {
		t.Fatal(err)
	}
	if w, h := term.Size(); w != 40 || h != 10 {
		t.Errorf("Size() = %d×%d, want 40×10", w, h)
	}
	syscall.Kill(os.Getpid(), syscall.SIGWINCH)
	p.waitFor(t, "Feedback here", 2)
	p.master.WriteString("x ") // x is ignored; space continues
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Show: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Show did not return")
	}
	// a cancelled context ends a wait
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	if err := term.Show(ctx, Screen{Lines: []Line{{Text: "waiting"}}}); !errors.Is(err, context.Canceled) {
		t.Errorf("Show with a cancelled context: %v", err)
	}
}
