//go:build linux || darwin

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/term"

	"github.com/scrubshq/scrubs/internal/training"
)

var updateTrain = flag.Bool("update-train", false, "rewrite the train golden files in testdata/train")

// fixTrainClock makes session times fixed for golden files.
func fixTrainClock(t *testing.T) {
	t.Helper()
	old := trainNow
	start := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	calls := 0
	trainNow = func() time.Time { calls++; return start.Add(time.Duration(calls) * time.Minute) }
	t.Cleanup(func() { trainNow = old })
}

func trainGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "train", name)
	if *updateTrain {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Train -update-train to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestTrainLineMode(t *testing.T) {
	fixTrainClock(t)
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		golden   string   // compare stdout with testdata/train/<golden>
		inStdout []string // or look for these
		inStderr string
	}{
		{name: "three answers", args: []string{"train", "--count", "3", "--seed", "1"}, stdin: "2\n1\n3\n", golden: "linemode.txt"},
		{name: "bad answers are asked again", args: []string{"train", "--count", "1", "--seed", "1"}, stdin: "7\nabc\n2\n",
			inStdout: []string{`"7" is not a choice.`, `"abc" is not a choice.`, "You chose 2:", "Score: 1 of 1 (100%)"}},
		{name: "quit early", args: []string{"train", "--count", "3", "--seed", "1"}, stdin: "2\nq\n",
			inStdout: []string{"1 of 3", "2 of 3", "Score: 1 of 1 (100%) - stopped after 1 of 3 scenarios"}},
		{name: "end of input", args: []string{"train", "--count", "2", "--seed", "1"}, stdin: "",
			inStdout: []string{"1 of 2", "No scenarios answered (0 of 2)."}},
		{name: "filters", args: []string{"train", "--locale", "us", "--role", "rn", "--category", "confidentiality", "--count", "1", "--seed", "3"}, stdin: "1\n",
			inStdout: []string{"1 of 1 - CONFIDENTIALITY", "Guidance:", "CONFIDENTIALITY"}},
		{name: "list", args: []string{"train", "--list", "--role", "manager", "--seed", "1"},
			inStdout: []string{"manager-vetting-candidates", "relative-friend-request", "scenarios (seed 1)"}},
		{name: "negative count", args: []string{"train", "--count", "-1"}, code: exitUsage, inStderr: "--count must be 0 or more"},
		{name: "unknown locale", args: []string{"train", "--locale", "fr"}, code: exitUsage, inStderr: `unknown locale "fr"`},
		{name: "unknown category", args: []string{"train", "--category", "GOSSIP"}, code: exitUsage, inStderr: `unknown category "GOSSIP"`},
		{name: "unknown role", args: []string{"train", "--role", "wizard"}, code: exitUsage, inStderr: `unknown role "wizard"`},
		{name: "bad export format", args: []string{"train", "--export", "x.csv", "--export-format", "xml"}, code: exitUsage, inStderr: `unknown --export-format "xml"`},
		{name: "export format without file", args: []string{"train", "--export-format", "csv"}, code: exitUsage, inStderr: "needs --export FILE"},
		{name: "export extension unknown", args: []string{"train", "--export", "results.txt"}, code: exitUsage, inStderr: "cannot tell the export format"},
		{name: "stray argument", args: []string{"train", "now"}, code: exitUsage, inStderr: `unexpected argument "now"`},
		{name: "help", args: []string{"train", "-h"}, code: exitClean, inStderr: "usage: scrubs train"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, strings.NewReader(tt.stdin), tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if tt.golden != "" {
				trainGolden(t, tt.golden, []byte(stdout))
			}
			for _, s := range tt.inStdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			if tt.inStderr != "" && !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.inStderr)
			}
			if strings.Contains(stdout, "\x1b") {
				t.Error("line mode wrote an escape sequence")
			}
		})
	}
}

func TestTrainLineModeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader("1\n"), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := run(ctx, e, []string{"train", "--count", "1", "--seed", "1"}); code != exitInterrupted {
		t.Errorf("exit code %d, want %d", code, exitInterrupted)
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr %q", errb.String())
	}
}

func TestTrainExport(t *testing.T) {
	tests := []struct {
		file, format, golden string
	}{
		{"results.csv", "", "export.csv"},
		{"results.json", "", "export.json"},
		{"results.out", "json", "export.json"},
		{"RESULTS.CSV", "", "export.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.format, func(t *testing.T) {
			fixTrainClock(t)
			path := filepath.Join(t.TempDir(), tt.file)
			args := []string{"train", "--count", "3", "--seed", "1", "--name", "Alex Example", "--export", path}
			if tt.format != "" {
				args = append(args, "--export-format", tt.format)
			}
			code, stdout, stderr := runCLI(t, strings.NewReader("2\n1\n3\n"), args...)
			if code != exitClean {
				t.Fatalf("exit code %d; stderr %q", code, stderr)
			}
			if !strings.Contains(stdout, "Results written to "+path) {
				t.Errorf("stdout does not report the export:\n%s", stdout)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			trainGolden(t, tt.golden, got)
			if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
				t.Errorf("export mode %v, %v; want 0600", st.Mode().Perm(), err)
			}
		})
	}
}

// ---- through a pseudo-terminal

// scrubsBinary builds the command into dir once per test run.
func scrubsBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "scrubs")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// ptySession is the binary running on a pseudo-terminal.
type ptySession struct {
	t      *testing.T
	cmd    *exec.Cmd
	master *os.File
	tty    *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	done   chan error
	// initial is the terminal's state before scrubs started.
	initial string
}

func startOnPTY(t *testing.T, bin string, env []string, args ...string) *ptySession {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: 30, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	s := &ptySession{t: t, cmd: cmd, master: master, tty: tty, done: make(chan error, 1), initial: ttyState(t, tty)}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
		master.Close()
	})
	return s
}

func (s *ptySession) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}

// waitFor waits until the screen output holds text at least n times.
func (s *ptySession) waitFor(text string, n int) {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for strings.Count(s.output(), text) < n {
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %q ×%d; screen so far:\n%q", text, n, s.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (s *ptySession) send(keys string) {
	s.t.Helper()
	if _, err := s.master.WriteString(keys); err != nil {
		s.t.Fatal(err)
	}
}

// wait waits for the process to end and returns its exit code.
func (s *ptySession) wait() int {
	s.t.Helper()
	select {
	case err := <-s.done:
		if err == nil {
			return 0
		}
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		s.t.Fatal(err)
	case <-time.After(20 * time.Second):
		s.t.Fatalf("scrubs did not exit; screen:\n%q", s.output())
	}
	return -1
}

// ttyState is the terminal's settings as text (term.State holds the
// termios structure), to compare one moment with another.
func ttyState(t *testing.T, f *os.File) string {
	t.Helper()
	st, err := term.GetState(int(f.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%+v", *st)
}

// restored reports whether the terminal has the settings it started with.
func (s *ptySession) restored() bool { return ttyState(s.t, s.tty) == s.initial }

// trainEnv is the environment for the binary: no NO_COLOR unless asked.
func trainEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NO_COLOR=") && !strings.HasPrefix(kv, "TERM=") {
			env = append(env, kv)
		}
	}
	return append(append(env, "TERM=xterm"), extra...)
}

var scoreLine = regexp.MustCompile(`Score: (\d+) of 3`)

func TestTrainPTY(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := scrubsBinary(t, t.TempDir())
	all, err := training.All()
	if err != nil {
		t.Fatal(err)
	}
	picked, err := training.Select(all, training.Filter{Count: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("session", func(t *testing.T) {
		s := startOnPTY(t, bin, trainEnv(), "train", "--count", "3", "--seed", "1")
		s.waitFor("1 of 3", 1)
		if s.restored() {
			t.Error("the terminal is not in raw mode during the session")
		}
		// scenario 1: Down, Enter → choice 2
		s.send("\x1b[B")
		s.waitFor("1 of 3", 2) // redrawn with the selection moved
		s.send("\r")
		s.waitFor("Guidance:", 1)
		s.waitFor("You chose 2:", 1)
		s.send("\r")
		// scenario 2: j, k, Enter → choice 1
		s.waitFor("2 of 3", 1)
		s.send("j")
		s.waitFor("2 of 3", 2)
		s.send("k")
		s.waitFor("2 of 3", 3)
		s.send("\r")
		s.waitFor("You chose 1:", 1)
		s.send(" ")
		// scenario 3: the number 3, Enter → choice 3
		s.waitFor("3 of 3", 1)
		s.send("3")
		s.waitFor("3 of 3", 2)
		s.send("\r")
		s.waitFor("You chose 3:", 1)
		s.waitFor("Enter to see your score", 1)
		s.send("\r")
		if code := s.wait(); code != 0 {
			t.Errorf("exit code %d", code)
		}
		s.waitFor("Seed 1:", 1)
		out := s.output()
		want := 0
		for i, chosen := range []int{2, 1, 3} {
			if picked[i].Best == chosen {
				want++
			}
		}
		m := scoreLine.FindStringSubmatch(out)
		if m == nil || m[1] != fmt.Sprint(want) {
			t.Errorf("score line %v, want Score: %d of 3", m, want)
		}
		for _, w := range []string{"CATEGORY", picked[0].Category, "\x1b[1;36m", "\x1b[7m", "\x1b[?25h"} {
			if !strings.Contains(out, w) {
				t.Errorf("screen lacks %q", w)
			}
		}
		if !strings.Contains(out, "Correct - that is the best answer.") && !strings.Contains(out, "Not the best answer.") {
			t.Error("no feedback on the answers")
		}
		if !s.restored() {
			t.Error("the terminal was not restored after the session")
		}
	})

	t.Run("no colour", func(t *testing.T) {
		s := startOnPTY(t, bin, trainEnv("NO_COLOR=1"), "train", "--count", "1", "--seed", "1")
		s.waitFor("1 of 1", 1)
		s.send("\r")
		s.waitFor("Enter to see your score", 1)
		s.send("\r")
		if code := s.wait(); code != 0 {
			t.Errorf("exit code %d", code)
		}
		s.waitFor("Score:", 1)
		if c := regexp.MustCompile(`\x1b\[[0-9;]*3[0-7]m|\x1b\[2m`).FindString(s.output()); c != "" {
			t.Errorf("NO_COLOR output holds the colour sequence %q", c)
		}
	})

	t.Run("resize", func(t *testing.T) {
		s := startOnPTY(t, bin, trainEnv(), "train", "--count", "1", "--seed", "1")
		s.waitFor("1 of 1", 1)
		if err := pty.Setsize(s.master, &pty.Winsize{Rows: 20, Cols: 50}); err != nil {
			t.Fatal(err)
		}
		s.waitFor("1 of 1", 2) // SIGWINCH redraws the screen
		s.send("q")
		if code := s.wait(); code != 0 {
			t.Errorf("exit code %d after q", code)
		}
		s.waitFor("No scenarios answered", 1)
		if !s.restored() {
			t.Error("the terminal was not restored after q")
		}
	})

	ends := []struct {
		name string
		end  func(s *ptySession)
	}{
		{"ctrl-c key", func(s *ptySession) { s.send("\x03") }},
		{"SIGINT", func(s *ptySession) { s.cmd.Process.Signal(os.Interrupt) }},
		{"SIGTERM", func(s *ptySession) { s.cmd.Process.Signal(syscall.SIGTERM) }},
	}
	for _, tt := range ends {
		t.Run(tt.name, func(t *testing.T) {
			s := startOnPTY(t, bin, trainEnv(), "train", "--count", "2", "--seed", "1")
			s.waitFor("1 of 2", 1)
			tt.end(s)
			if code := s.wait(); code != exitInterrupted {
				t.Errorf("exit code %d, want %d", code, exitInterrupted)
			}
			s.waitFor("interrupted", 1)
			if !strings.Contains(s.output(), "\x1b[?25h") {
				t.Error("the cursor was not shown again")
			}
			if !s.restored() {
				t.Error("the terminal was not restored")
			}
		})
	}
}
