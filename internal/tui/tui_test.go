package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 20, []string{""}},
		{"short", 20, []string{"short"}},
		{"the quick brown fox jumps over", 10, []string{"the quick", "brown fox", "jumps over"}},
		{"  lots   of\n\tspace  ", 20, []string{"lots of space"}},
		{"abcdefghijklmnopqrstuvwxyz", 10, []string{"abcdefghijklmnopqrstuvwxyz"}}, // long words are not split
		{"see https://example.org/a/long/path now", 10, []string{"see", "https://example.org/a/long/path", "now"}},
		{"café – naïve", 10, []string{"café –", "naïve"}},
		{"tiny width", 3, []string{"tiny width"}}, // widths below 10 count as 10
	}
	for _, tt := range tests {
		got := Wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestParseKey(t *testing.T) {
	tests := []struct {
		in   string
		want []key
	}{
		{"\x1b[A", []key{keyUp}},
		{"\x1b[B", []key{keyDown}},
		{"\x1bOA\x1bOB", []key{keyUp, keyDown}}, // application cursor mode
		{"jk", []key{keyDown, keyUp}},
		{"\r", []key{keyEnter}},
		{"\n", []key{keyEnter}},
		{" ", []key{keySpace}},
		{"3", []key{keyDigit + 3}},
		{"q", []key{keyQuit}},
		{"\x04", []key{keyQuit}},
		{"\x03", []key{keyInterrupt}},
		{"\x1b[5~\r", []key{keyNone, keyEnter}}, // Page Up skipped whole
		{"\x1b", []key{keyNone}},
		{"x0", []key{keyNone, keyNone}},
	}
	for _, tt := range tests {
		var got []key
		b := []byte(tt.in)
		for len(b) > 0 {
			var k key
			k, b = parseKey(b)
			got = append(got, k)
		}
		if len(got) != len(tt.want) {
			t.Errorf("parseKey(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("parseKey(%q) = %v, want %v", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestLinesChoose(t *testing.T) {
	screen := Screen{Lines: []Line{{Text: "Heading", Style: Title}, {}, {Text: "A question?", Indent: 2}}, Items: []string{"yes", "no", "maybe"}}
	tests := []struct {
		name, input string
		want        int
		wantErr     error
		wantOut     []string
	}{
		{"first line", "2\n", 1, nil, []string{"Heading\n\n  A question?\n\n  1. yes\n  2. no\n  3. maybe\n", "Your answer (1-3, q to quit): 2\n"}},
		{"retries", "x\n9\n\n3\n", 2, nil, []string{`"x" is not a choice.`, `"9" is not a choice.`, `"" is not a choice.`}},
		{"spaces", "  1  \n", 0, nil, nil},
		{"no newline at end", "3", 2, nil, nil},
		{"quit", "q\n", 0, ErrQuit, nil},
		{"end of input", "", 0, ErrQuit, nil},
		{"garbage then end", "nope", 0, ErrQuit, []string{`"nope" is not a choice.`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			got, err := NewLines(strings.NewReader(tt.input), &out).Choose(context.Background(), screen)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && got != tt.want) {
				t.Errorf("Choose = %d, %v; want %d, %v", got, err, tt.want, tt.wantErr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if strings.Contains(out.String(), "\x1b") {
				t.Error("line mode wrote an escape sequence")
			}
		})
	}
}

func TestLinesWrapAndShow(t *testing.T) {
	var out strings.Builder
	l := NewLines(strings.NewReader(""), &out)
	l.Width = 20
	err := l.Show(context.Background(), Screen{Lines: []Line{{Text: "one two three four five six", Indent: 4}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "    one two three\n    four five six\n"; out.String() != want {
		t.Errorf("Show wrote %q, want %q", out.String(), want)
	}
	out.Reset()
	if err := l.Show(context.Background(), Screen{Lines: []Line{{Text: "- one two three four five", Indent: 2, Hang: 2}}}); err != nil {
		t.Fatal(err)
	}
	if want := "  - one two three\n    four five\n"; out.String() != want {
		t.Errorf("Show wrote %q, want %q", out.String(), want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Choose(ctx, Screen{Items: []string{"a"}}); !errors.Is(err, context.Canceled) {
		t.Errorf("Choose on a cancelled context: %v", err)
	}
	if _, err := l.Choose(context.Background(), Screen{}); err == nil {
		t.Error("Choose with no items did not fail")
	}
}

func TestColorAllowed(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, true},
		{map[string]string{"TERM": "xterm-256color"}, true},
		{map[string]string{"NO_COLOR": "1"}, false},
		{map[string]string{"NO_COLOR": "0"}, false}, // any value counts
		{map[string]string{"TERM": "dumb"}, false},
	}
	for _, tt := range tests {
		if got := ColorAllowed(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("ColorAllowed(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestOpenRefusesNonTerminal(t *testing.T) {
	if _, err := Open(nil, nil, false); err == nil {
		t.Error("Open(nil, nil) did not fail")
	}
	if IsTerminal(nil) {
		t.Error("IsTerminal(nil)")
	}
}

func TestDisplayLines(t *testing.T) {
	tests := []struct {
		row   string
		width int
		want  int
	}{
		{"", 80, 1},
		{"short", 80, 1},
		{strings.Repeat("x", 80), 80, 1},
		{strings.Repeat("x", 81), 80, 2},
		{"\x1b[1;36m" + strings.Repeat("x", 80) + "\x1b[0m\x1b[K", 80, 1}, // escapes take no room
		{strings.Repeat("é", 161), 80, 3},
	}
	for _, tt := range tests {
		if got := displayLines(tt.row, tt.width); got != tt.want {
			t.Errorf("displayLines(%q, %d) = %d, want %d", tt.row, tt.width, got, tt.want)
		}
	}
}
