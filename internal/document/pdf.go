package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// readPDF extracts the text of a PDF with poppler's pdftotext (-layout,
// which keeps the blank lines between paragraphs; UTF-8; pages separated
// by form feeds), then splits each page into
// paragraphs at blank lines and recognises short title lines as headings.
// pdftotext runs under PDFTimeout with its output capped at MaxTextBytes;
// a missing pdftotext, an encrypted PDF and a corrupt one each give their
// own error.
func readPDF(ctx context.Context, data []byte, b *builder) error {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n "), []byte("%PDF")) {
		return fmt.Errorf("%w: not a PDF (no %%PDF header)", ErrFormat)
	}
	tool, err := exec.LookPath(b.lim.PDFTool)
	if err != nil {
		return ErrNoPDFTool
	}
	tmp, err := os.CreateTemp("", "scrubs-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, b.lim.PDFTimeout)
	defer cancel()
	out := &capWriter{max: b.lim.MaxTextBytes, cancel: cancel}
	var stderr capWriter
	stderr.max = 64 << 10
	cmd := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", "-eol", "unix", "-l", fmt.Sprint(b.lim.MaxPages+1), tmp.Name(), "-")
	cmd.Stdout, cmd.Stderr = out, &stderr
	cmd.Env = []string{"LANG=C.UTF-8", "PATH=" + os.Getenv("PATH")}
	runErr := cmd.Run()
	msg := strings.TrimSpace(stderr.String())
	switch {
	case out.over:
		return fmt.Errorf("%w: the PDF's text is more than %d MiB", ErrLimit, b.lim.MaxTextBytes>>20)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%w: pdftotext took more than %s", ErrLimit, b.lim.PDFTimeout)
	case runErr != nil && strings.Contains(strings.ToLower(msg), "password"):
		return ErrEncrypted
	case runErr != nil:
		if msg == "" {
			msg = runErr.Error()
		}
		return fmt.Errorf("%w: pdftotext could not read the PDF (%s)", ErrFormat, firstLine(msg))
	}
	text := out.String()
	pages := strings.Split(text, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	if len(pages) > b.lim.MaxPages {
		return fmt.Errorf("%w: more than %d pages", ErrLimit, b.lim.MaxPages)
	}
	pages = dropRunningLines(pages)
	for _, p := range pages {
		if err := b.newPage(); err != nil {
			return err
		}
		if err := textBlocks(p, b); err != nil {
			return err
		}
	}
	if strings.TrimSpace(text) == "" {
		if bytes.Contains(data, []byte("/Encrypt")) {
			return ErrEncrypted
		}
		return fmt.Errorf("%w: the PDF has no text layer (a scan? run OCR first)", ErrFormat)
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return truncate(s, 200)
}

// capWriter keeps up to max bytes; past that it notes the overflow and
// cancels the command writing to it.
type capWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	max    int
	over   bool
	cancel func()
}

func (w *capWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.over {
		return len(p), nil
	}
	if w.buf.Len()+len(p) > w.max {
		w.over = true
		if w.cancel != nil {
			w.cancel()
		}
		return len(p), nil
	}
	return w.buf.Write(p)
}

func (w *capWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// dropRunningLines removes running headers and footers: a line among the
// first or last three non-blank lines of a page, of ten words or fewer,
// that with its digits ignored ("Page 3 of 20") recurs there on at least
// three pages and half of them. Left in, a footer such as "Social Media Policy v2" would read
// as a heading above every paragraph of the next page.
func dropRunningLines(pages []string) []string {
	if len(pages) < 3 {
		return pages
	}
	key := func(l string) string {
		return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '#'
			}
			return r
		}, l)), " ")
	}
	edges := func(lines []string) []int {
		var idx []int
		for i := 0; i < len(lines) && len(idx) < 3; i++ {
			if strings.TrimSpace(lines[i]) != "" {
				idx = append(idx, i)
			}
		}
		var tail []int
		for i := len(lines) - 1; i >= 0 && len(tail) < 3; i-- {
			if strings.TrimSpace(lines[i]) != "" {
				tail = append(tail, i)
			}
		}
		return append(idx, tail...)
	}
	split := make([][]string, len(pages))
	count := map[string]int{}
	for i, p := range pages {
		split[i] = strings.Split(p, "\n")
		seen := map[string]bool{}
		for _, j := range edges(split[i]) {
			k := key(split[i][j])
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(3, (len(pages)+1)/2)
	out := make([]string, len(pages))
	for i, lines := range split {
		drop := map[int]bool{}
		for _, j := range edges(lines) {
			if k := key(lines[j]); count[k] >= need && len(strings.Fields(k)) <= 10 {
				drop[j] = true
			}
		}
		kept := lines[:0:0]
		for j, l := range lines {
			if drop[j] {
				kept = append(kept, "")
				continue
			}
			kept = append(kept, l)
		}
		out[i] = strings.Join(kept, "\n")
	}
	return out
}
