package tui

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/term"
)

// VT100 sequences used; nothing beyond them is sent.
const (
	home       = "\x1b[H"
	eraseLine  = "\x1b[K"
	eraseBelow = "\x1b[J"
	reset      = "\x1b[0m"
	hideCursor = "\x1b[?25l"
	showCursor = "\x1b[?25h"
)

// Terminal is an interactive terminal in raw mode. Open it, defer Close.
//
// Keys are read by a goroutine that keeps reading the input file until it
// fails, and a later Open of the same file picks up what it has read; a
// program should not read that file in another way after using a Terminal.
type Terminal struct {
	in, out *os.File
	color   bool
	state   *term.State
	keys    <-chan []byte
	sigs    chan os.Signal // resize and termination signals
	closed  bool
	// pending holds key bytes read but not yet used.
	pending []byte
}

func isTerminal(fd int) bool { return term.IsTerminal(fd) }

// Open puts in into raw mode and prepares out for drawing; color says whether
// colours may be used (see ColorAllowed). in and out must be terminals.
func Open(in, out *os.File, color bool) (*Terminal, error) {
	if !IsTerminal(in) || !IsTerminal(out) {
		return nil, fmt.Errorf("tui: not a terminal")
	}
	st, err := term.MakeRaw(int(in.Fd()))
	if err != nil {
		return nil, fmt.Errorf("tui: raw mode: %w", err)
	}
	t := &Terminal{in: in, out: out, color: color, state: st, keys: keyReader(in), sigs: make(chan os.Signal, 4)}
	signal.Notify(t.sigs, watchedSignals...)
	out.WriteString(hideCursor)
	return t, nil
}

// Close restores the terminal: the mode it was in, the cursor and the
// attributes. It is safe to call more than once.
func (t *Terminal) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	signal.Stop(t.sigs)
	t.out.WriteString(reset + showCursor)
	return term.Restore(int(t.in.Fd()), t.state)
}

// Size returns the window's width and height (80×24 when unknown).
func (t *Terminal) Size() (width, height int) {
	w, h, err := term.GetSize(int(t.out.Fd()))
	if err != nil || w <= 0 || h <= 0 {
		return 80, 24
	}
	return w, h
}

var (
	readersMu sync.Mutex
	readers   = map[*os.File]*keySource{}
)

// keySource is the goroutine reading one file.
type keySource struct {
	ch   chan []byte
	done atomic.Bool // the file returned an error; ch is closed
}

// keyReader returns the channel of bytes read from in. One goroutine per file
// reads for as long as the file is open, so a later Open of the same terminal
// gets what was typed in between instead of losing it to a stale reader.
func keyReader(in *os.File) <-chan []byte {
	readersMu.Lock()
	defer readersMu.Unlock()
	if ks, ok := readers[in]; ok && !ks.done.Load() {
		return ks.ch
	}
	ks := &keySource{ch: make(chan []byte, 16)}
	readers[in] = ks
	go func() {
		buf := make([]byte, 256)
		for {
			n, err := in.Read(buf)
			if n > 0 {
				ks.ch <- append([]byte(nil), buf[:n]...)
			}
			if err != nil {
				ks.done.Store(true)
				close(ks.ch)
				readersMu.Lock()
				if readers[in] == ks {
					delete(readers, in)
				}
				readersMu.Unlock()
				return
			}
		}
	}()
	return ks.ch
}

// key is one key press.
type key int

const (
	keyNone key = iota
	keyUp
	keyDown
	keyEnter
	keySpace
	keyQuit
	keyInterrupt
	keyDigit // + digit value 1..9 added
)

// parseKey takes one key from the front of b and returns it and the bytes
// left. Unknown sequences are skipped.
func parseKey(b []byte) (key, []byte) {
	if len(b) == 0 {
		return keyNone, b
	}
	c := b[0]
	switch {
	case c == 0x1b:
		if len(b) >= 3 && (b[1] == '[' || b[1] == 'O') {
			switch b[2] {
			case 'A':
				return keyUp, b[3:]
			case 'B':
				return keyDown, b[3:]
			}
			// skip a CSI sequence up to its final byte
			i := 2
			for i < len(b) && (b[i] < 0x40 || b[i] > 0x7e) {
				i++
			}
			if i < len(b) {
				i++
			}
			return keyNone, b[i:]
		}
		return keyNone, b[1:] // a lone Esc: ignored
	case c == '\r' || c == '\n':
		return keyEnter, b[1:]
	case c == ' ':
		return keySpace, b[1:]
	case c == 'k' || c == 'K':
		return keyUp, b[1:]
	case c == 'j' || c == 'J':
		return keyDown, b[1:]
	case c == 'q' || c == 'Q' || c == 0x04:
		return keyQuit, b[1:]
	case c == 0x03:
		return keyInterrupt, b[1:]
	case c >= '1' && c <= '9':
		return keyDigit + key(c-'0'), b[1:]
	}
	return keyNone, b[1:]
}

// next waits for a key, redrawing with draw on a resize.
func (t *Terminal) next(ctx context.Context, draw func()) (key, error) {
	for {
		for len(t.pending) > 0 {
			var k key
			k, t.pending = parseKey(t.pending)
			if k != keyNone {
				return k, nil
			}
		}
		select {
		case <-ctx.Done():
			return keyNone, ctx.Err()
		case s := <-t.sigs:
			if isResize(s) {
				draw()
				continue
			}
			return keyNone, ErrInterrupt
		case b, ok := <-t.keys:
			if !ok {
				return keyNone, ErrQuit
			}
			t.pending = append(t.pending, b...)
		}
	}
}

// Choose draws s and lets the user move through its items; it returns the
// index chosen with Enter, ErrQuit for q or Ctrl-D, ErrInterrupt for Ctrl-C,
// or the context's error.
func (t *Terminal) Choose(ctx context.Context, s Screen) (int, error) {
	if len(s.Items) == 0 {
		return 0, fmt.Errorf("tui: Choose needs items")
	}
	sel := min(max(s.Selected, 0), len(s.Items)-1)
	help := s.Help
	if help == "" {
		help = fmt.Sprintf("Up/Down or j/k to move, 1-%d to pick, Enter to choose, q to quit", min(len(s.Items), 9))
	}
	draw := func() { t.draw(s, sel, help) }
	draw()
	for {
		k, err := t.next(ctx, draw)
		if err != nil {
			return 0, err
		}
		switch {
		case k == keyUp:
			sel = (sel + len(s.Items) - 1) % len(s.Items)
		case k == keyDown:
			sel = (sel + 1) % len(s.Items)
		case k > keyDigit && int(k-keyDigit) <= len(s.Items):
			sel = int(k-keyDigit) - 1
		case k == keyEnter:
			return sel, nil
		case k == keyQuit:
			return 0, ErrQuit
		case k == keyInterrupt:
			return 0, ErrInterrupt
		default:
			continue
		}
		draw()
	}
}

// Show draws s and waits for Enter or space; q gives ErrQuit and Ctrl-C
// ErrInterrupt.
func (t *Terminal) Show(ctx context.Context, s Screen) error {
	help := s.Help
	if help == "" {
		help = "Enter to continue, q to quit"
	}
	draw := func() { t.draw(s, -1, help) }
	draw()
	for {
		k, err := t.next(ctx, draw)
		if err != nil {
			return err
		}
		switch k {
		case keyEnter, keySpace:
			return nil
		case keyQuit:
			return ErrQuit
		case keyInterrupt:
			return ErrInterrupt
		}
	}
}

var sgrSeq = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// displayLines is how many terminal lines row fills in a window width wide.
func displayLines(row string, width int) int {
	n := utf8.RuneCountInString(sgrSeq.ReplaceAllString(row, ""))
	if n <= width {
		return 1
	}
	return (n + width - 1) / width
}

// sgr returns the attribute sequence for a style.
func (t *Terminal) sgr(st Style) string {
	switch st {
	case Bold:
		return "\x1b[1m"
	case Dim:
		if t.color {
			return "\x1b[2m"
		}
	case Title:
		if t.color {
			return "\x1b[1;36m"
		}
		return "\x1b[1m"
	case Good:
		if t.color {
			return "\x1b[1;32m"
		}
		return "\x1b[1m"
	case Bad:
		if t.color {
			return "\x1b[1;31m"
		}
		return "\x1b[1m"
	}
	return ""
}

// draw paints the whole screen from the top left; sel is the highlighted
// item, -1 for none. In raw mode a line ends with CR LF.
func (t *Terminal) draw(s Screen, sel int, help string) {
	width, height := t.Size()
	width-- // keep off the last column so no terminal wraps on its own
	var rows []string
	for _, ln := range s.Lines {
		if ln.Text == "" {
			rows = append(rows, "")
			continue
		}
		on := t.sgr(ln.Style)
		for _, w := range wrapLine(ln, width) {
			if on != "" {
				w = on + w + reset
			}
			rows = append(rows, w)
		}
	}
	if len(s.Items) > 0 && len(rows) > 0 {
		rows = append(rows, "")
	}
	for i, it := range s.Items {
		mark := "  "
		if i == sel {
			mark = "> "
		}
		num := fmt.Sprintf("%s%d. ", mark, i+1)
		for j, w := range Wrap(it, width-len(num)) {
			prefix := num
			if j > 0 {
				prefix = strings.Repeat(" ", len(num))
			}
			if i == sel {
				w = "\x1b[7m" + w + reset // reverse video
			}
			rows = append(rows, prefix+w)
		}
	}
	rows = append(rows, "")
	for _, w := range Wrap(help, width) {
		if on := t.sgr(Dim); on != "" {
			w = on + w + reset
		}
		rows = append(rows, w)
	}
	// on a short window keep the end (the choices and help) in view; a row
	// longer than the window (a URL) takes more than one line
	used := 0
	for i := len(rows) - 1; i >= 0; i-- {
		used += displayLines(rows[i], width+1)
		if used > height {
			rows = rows[i+1:]
			break
		}
	}
	var b strings.Builder
	b.WriteString(home)
	for i, r := range rows {
		b.WriteString(r + eraseLine)
		if i < len(rows)-1 {
			b.WriteString("\r\n")
		}
	}
	b.WriteString(eraseBelow)
	t.out.WriteString(b.String())
}
