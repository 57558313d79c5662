package tui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Lines is the line-mode Chooser: it prints screens as plain text and reads
// numbered answers one line at a time, so a session can be scripted
// ("printf '2\n1\n' | scrubs train"). It never writes escape sequences.
type Lines struct {
	in  *bufio.Reader
	out io.Writer
	// Width is the width text is wrapped to (80 by default).
	Width int
	// Echo writes each answer read after its prompt (true by default), so
	// the output reads as a transcript when answers come from a pipe.
	Echo bool
}

// NewLines returns a line-mode Chooser reading answers from in and writing to out.
func NewLines(in io.Reader, out io.Writer) *Lines {
	return &Lines{in: bufio.NewReader(in), out: out, Width: 80, Echo: true}
}

func (l *Lines) write(s Screen) error {
	var b strings.Builder
	for _, ln := range s.Lines {
		if ln.Text == "" {
			b.WriteByte('\n')
			continue
		}
		for _, w := range wrapLine(ln, l.Width) {
			b.WriteString(w + "\n")
		}
	}
	if len(s.Items) > 0 && len(s.Lines) > 0 {
		b.WriteByte('\n')
	}
	for i, it := range s.Items {
		num := fmt.Sprintf("  %d. ", i+1)
		for j, w := range Wrap(it, l.Width-len(num)) {
			if j > 0 {
				num = strings.Repeat(" ", len(num))
			}
			b.WriteString(num + w + "\n")
		}
	}
	_, err := io.WriteString(l.out, b.String())
	return err
}

// Choose prints s and reads lines until one holds an item's number; it
// returns ErrQuit for "q" or at the end of input. Other lines get a short
// complaint and another prompt.
func (l *Lines) Choose(ctx context.Context, s Screen) (int, error) {
	if len(s.Items) == 0 {
		return 0, fmt.Errorf("tui: Choose needs items")
	}
	if err := l.write(s); err != nil {
		return 0, err
	}
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		fmt.Fprintf(l.out, "Your answer (1-%d, q to quit): ", len(s.Items))
		line, err := l.in.ReadString('\n')
		ans := strings.TrimSpace(line)
		if l.Echo && (ans != "" || err == nil) {
			fmt.Fprintln(l.out, ans)
		}
		if ans == "" && err != nil {
			fmt.Fprintln(l.out)
			if err == io.EOF {
				return 0, ErrQuit
			}
			return 0, err
		}
		if strings.EqualFold(ans, "q") || strings.EqualFold(ans, "quit") {
			return 0, ErrQuit
		}
		if n, convErr := strconv.Atoi(ans); convErr == nil && n >= 1 && n <= len(s.Items) {
			return n - 1, nil
		}
		fmt.Fprintf(l.out, "%q is not a choice.\n", ans)
		if err != nil { // a last line without a newline that was not an answer
			return 0, ErrQuit
		}
	}
}

// Show prints s and returns; it reads nothing.
func (l *Lines) Show(ctx context.Context, s Screen) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return l.write(s)
}
