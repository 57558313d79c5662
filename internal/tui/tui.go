// Package tui draws simple full-screen menus on a terminal and reads the
// user's choice, with a line-by-line fallback for when input is not a
// terminal (scripts, pipes, tests).
//
// Both modes implement Chooser, so a command writes its flow once:
//
//	var c tui.Chooser
//	if tui.IsTerminal(os.Stdin) && tui.IsTerminal(os.Stdout) {
//		t, err := tui.Open(os.Stdin, os.Stdout, tui.ColorAllowed(os.Getenv))
//		if err != nil { ... }
//		defer t.Close() // restores the terminal
//		c = t
//	} else {
//		c = tui.NewLines(os.Stdin, os.Stdout)
//	}
//	i, err := c.Choose(ctx, tui.Screen{Lines: ..., Items: ...})
//
// The terminal mode uses raw mode (golang.org/x/term) and plain VT100
// sequences only: cursor home, erase line and screen, bold, reverse video,
// and (unless NO_COLOR is set) the eight basic colours. It redraws when the
// window is resized. Up/Down, j/k and the digits move, Enter chooses, q
// quits, Ctrl-C interrupts.
package tui

import (
	"context"
	"errors"
	"os"
	"strings"
	"unicode/utf8"
)

// ErrQuit is returned when the user asks to stop (q, Ctrl-D, or end of input
// in line mode).
var ErrQuit = errors.New("quit")

// ErrInterrupt is returned when the user presses Ctrl-C in a raw-mode
// terminal, or the process gets SIGTERM or SIGHUP.
var ErrInterrupt = errors.New("interrupted")

// Style is how a line is shown.
type Style uint8

// Styles. Without colour, Good and Bad are bold, Title is bold and Dim is plain.
const (
	Plain Style = iota
	Bold
	Dim
	Title // the heading line: bold, cyan
	Good  // green: a right answer
	Bad   // red: a wrong answer
)

// Line is a paragraph of a screen, wrapped to the window width. Indent spaces
// begin every wrapped line, and Hang more spaces every line after the first
// (for lists: "- item" with Hang 2).
type Line struct {
	Text   string
	Style  Style
	Indent int
	Hang   int
}

// wrapLine wraps ln to width and returns its rows, indented.
func wrapLine(ln Line, width int) []string {
	rows := Wrap(ln.Text, width-ln.Indent-ln.Hang)
	for i := range rows {
		pad := ln.Indent
		if i > 0 {
			pad += ln.Hang
		}
		rows[i] = strings.Repeat(" ", pad) + rows[i]
	}
	return rows
}

// Screen is what a Chooser shows: paragraphs, then numbered items to choose
// from (none for Show), then a help line.
type Screen struct {
	Lines []Line
	Items []string
	// Selected is the item highlighted first (from 0).
	Selected int
	// Help replaces the default key help of the terminal mode.
	Help string
}

// Chooser shows screens and reads choices; *Terminal and *Lines implement it.
type Chooser interface {
	// Choose shows s and returns the index (from 0) of the item chosen.
	Choose(ctx context.Context, s Screen) (int, error)
	// Show shows s, which has no items; a terminal waits for Enter or space,
	// line mode prints it and returns at once.
	Show(ctx context.Context, s Screen) error
}

// ColorAllowed reports whether colour may be used, given an environment
// lookup such as os.Getenv: not when NO_COLOR is set to anything
// (https://no-color.org) or TERM is "dumb".
func ColorAllowed(getenv func(string) string) bool {
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// IsTerminal reports whether f is an interactive terminal.
func IsTerminal(f *os.File) bool {
	return f != nil && isTerminal(int(f.Fd()))
}

// Wrap breaks text into lines of at most width runes, at spaces; runs of
// white space become one space. A word longer than a line (a URL) is not
// split but stands on a line of its own. A width below 10 counts as 10.
func Wrap(text string, width int) []string {
	if width < 10 {
		width = 10
	}
	var lines []string
	var cur strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		wn := utf8.RuneCountInString(w)
		switch {
		case n == 0:
		case n+1+wn <= width:
			cur.WriteByte(' ')
			n++
		default:
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		cur.WriteString(w)
		n += wn
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
