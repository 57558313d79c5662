package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// runCLI runs the CLI in-process with the given stdin.
func runCLI(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	e := &env{stdin: stdin, stdout: &out, stderr: &errb,
		getenv:     func(string) string { return "" },
		isTerminal: func(io.Writer) bool { return false }}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// repeatReader yields n bytes of a repeated pattern without holding them.
type repeatReader struct {
	pattern []byte
	n, off  int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.off < r.n {
		p[k] = r.pattern[r.off%int64(len(r.pattern))]
		k++
		r.off++
	}
	return k, nil
}

func TestUsageAndVersion(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{nil, exitUsage, "", "usage: scrubs"},
		{[]string{"--help"}, exitClean, "", "commands:"},
		{[]string{"nope"}, exitUsage, "", `unknown command "nope"`},
		{[]string{"version"}, exitClean, "scrubs ", ""},
		{[]string{"check", "--format", "xml", "hi"}, exitUsage, "", "unknown --format"},
		{[]string{"check", "--bogus"}, exitUsage, "", "flag provided but not defined"},
		{[]string{"check", "--min-confidence", "2", "hi"}, exitUsage, "", "between 0 and 1"},
		{[]string{"check", "--file", "/nonexistent/x.txt"}, exitUsage, "", "no such file"},
		{[]string{"check", "--format", "jsonl", "text"}, exitUsage, "", "reads JSON Lines on stdin"},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, nil, c.args...)
		if code != c.code || !strings.Contains(out, c.inStdout) || !strings.Contains(errs, c.inStderr) {
			t.Errorf("%v: code %d, stdout %q, stderr %q", c.args, code, out, errs)
		}
	}
}

func TestCheckBadInput(t *testing.T) {
	// Invalid UTF-8 on stdin.
	code, _, errs := runCLI(t, strings.NewReader("bed 4 \xff\xfe"), "check")
	if code != exitUsage || !strings.Contains(errs, "not valid UTF-8") {
		t.Errorf("invalid UTF-8: code %d, stderr %q", code, errs)
	}
	// Empty input is a clean, empty check.
	code, out, _ := runCLI(t, strings.NewReader(""), "check", "--format", "json")
	if code != exitClean || !strings.Contains(out, `"verdict": "safe"`) {
		t.Errorf("empty: code %d, stdout %q", code, out)
	}
	// 200 MB on stdin: refused with a message, without reading it all.
	big := &repeatReader{pattern: []byte("all quiet on the ward tonight "), n: 200 << 20}
	code, _, errs = runCLI(t, big, "check")
	if code != exitUsage || !strings.Contains(errs, "larger than 16 MiB") {
		t.Errorf("200 MB: code %d, stderr %q", code, errs)
	}
	if big.off > 17<<20 {
		t.Errorf("read %d bytes of a refused input", big.off)
	}
}

func TestCheckFlagsAfterArgs(t *testing.T) {
	code, out, errs := runCLI(t, nil, "check", "all", "quiet", "--format", "json")
	if code != exitClean || !strings.Contains(out, `"entities": []`) {
		t.Errorf("code %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestCheckJSONLOneLinePerInput(t *testing.T) {
	var in strings.Builder
	in.WriteString(`{"id":1,"text":"quiet night"}` + "\n")
	in.WriteString("this is not json\n")
	in.WriteString("\n") // blank lines are skipped
	in.WriteString(`{"id":"b","text":"bad \xff"}` + "\n")
	in.WriteString(`[1,2]` + "\n")
	in.WriteString(`{"id":3,"text":"x"} {"id":4}` + "\n")
	for i := 0; i < 200; i++ {
		in.WriteString(`{"id":"n` + strings.Repeat("x", i%7) + `","text":"shift ` + strings.Repeat("ok ", i%13) + `"}` + "\n")
	}
	in.WriteString(`{"id":"last","text":"end"}`) // no final newline
	code, out, errs := runCLI(t, strings.NewReader(in.String()), "check", "--format", "jsonl")
	if code == exitUsage {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 206 {
		t.Fatalf("got %d lines, want 206", len(lines))
	}
	var first struct {
		ID       any    `json:"id"`
		Verdict  string `json:"verdict"`
		Entities []any  `json:"entities"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.ID != float64(1) || first.Verdict == "" || first.Entities == nil {
		t.Errorf("line 1 = %s (%v)", lines[0], err)
	}
	wantErr := map[int]int{1: 2, 2: 4, 3: 5, 4: 6} // output index → input line number
	for idx, lineNo := range wantErr {
		var e struct {
			ID    any    `json:"id"`
			Line  int    `json:"line"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal([]byte(lines[idx]), &e); err != nil || e.Line != lineNo || e.Error == "" {
			t.Errorf("output %d = %s, want an error for line %d", idx, lines[idx], lineNo)
		}
	}
	if !strings.Contains(lines[205], `"id":"last"`) {
		t.Errorf("last line = %s", lines[205])
	}
	// Order is kept.
	for i := 6; i < 205; i++ {
		if !strings.HasPrefix(lines[i], `{"id":"n`) {
			t.Fatalf("line %d out of order: %s", i, lines[i])
		}
	}
}

func TestCheckJSONLHugeLine(t *testing.T) {
	// A 10 MB line is checked; a line over the limit gets an error line and
	// the next line is still checked.
	ten := `{"id":"ten","text":"` + strings.Repeat("quiet ", (10<<20)/6) + `"}` + "\n"
	over := &repeatReader{pattern: []byte("x"), n: 17 << 20}
	in := io.MultiReader(strings.NewReader(ten), strings.NewReader(`{"id":"big","text":"`), over,
		strings.NewReader("\"}\n"+`{"id":"after","text":"ok"}`+"\n"))
	code, out, errs := runCLI(t, in, "check", "--format", "jsonl")
	if code == exitUsage {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"id":"ten"`) || !strings.Contains(lines[1], "longer than") || !strings.Contains(lines[2], `"id":"after"`) {
		t.Fatalf("lines = %d: %.200q", len(lines), lines)
	}
}

func TestEvalCommand(t *testing.T) {
	code, out, errs := runCLI(t, nil, "eval", "--corpus", "../../internal/eval/testdata/posts.jsonl", "--format", "json")
	if code != exitClean {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --format json is not JSON: %v", err)
	}
	if rep["corpus"] == nil || rep["scheme"] == nil {
		t.Errorf("report lacks corpus or scheme: %.300s", out)
	}
	code, out, _ = runCLI(t, nil, "eval", "--corpus", "../../internal/eval/testdata/posts.jsonl")
	if code != exitClean || !strings.Contains(out, "precision") {
		t.Errorf("text report: code %d, %.300q", code, out)
	}
	for _, bad := range [][]string{
		{"eval"},
		{"eval", "--corpus", "x.jsonl", "--corpus-format", "nope"},
		{"eval", "--corpus", "/nonexistent.jsonl"},
		{"eval", "--corpus", "../../internal/eval/testdata/posts.jsonl", "--match", "fuzzy"},
	} {
		if code, _, errs := runCLI(t, nil, bad...); code != exitUsage || errs == "" {
			t.Errorf("%v: code %d, stderr %q", bad, code, errs)
		}
	}
}

func TestBenchCommand(t *testing.T) {
	code, out, errs := runCLI(t, nil, "bench", "--posts", "500")
	if code != exitClean || !strings.Contains(out, "posts/s") || !strings.Contains(out, "peak RSS") {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errs)
	}
}

// Every command answers -h with its usage line on stderr and exit code 0
// (eval and bench once printed nothing).
func TestEveryCommandHelp(t *testing.T) {
	for _, c := range commands() {
		if c.name == "version" {
			continue // takes no flags; -h prints the version
		}
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, c.name, "-h")
			if code != exitClean || !strings.Contains(stderr, "usage: scrubs "+c.name) {
				t.Errorf("scrubs %s -h: exit %d, stderr %q; want 0 and its usage", c.name, code, firstLine(stderr))
			}
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
