// Command scrubs checks what healthcare staff are about to post on social
// media for patient identifiers and professional-conduct risks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// Exit codes shared by every command.
const (
	exitClean = 0 // nothing found
	exitFound = 1 // something found
	exitUsage = 2 // usage or input error
)

// usageError marks an error caused by how the command was called or by its input.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

type command struct {
	name, summary string
	run           func(ctx context.Context, env *env, args []string) (int, error)
}

// env is what a command reads and writes, so tests can drive main in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     func(w io.Writer) bool
}

func commands() []command {
	return append([]command{
		{"check", "check a post (arguments, --file, or stdin): risks, guidance, fixes", runCheck},
		{"scan", "check every post, comment and caption of a downloaded social-media archive", runScan},
		{"redact", "print the post rewritten without its identifiers, and what changed", runRedact},
		{"rules", "list the active rules, or explain one: scrubs rules explain ID", runRules},
		{"eval", "measure precision and recall on a labelled corpus", runEval},
		{"bench", "measure throughput and memory on a corpus", runBench},
		{"version", "print the version", runVersion},
	}, registered...)
}

// registered holds commands that live in their own files (serve, policy,
// train…); each adds itself with register from an init function, so adding a
// command never touches this file.
var registered []command

// register adds a command to the list printed by "scrubs help".
func register(c command) { registered = append(registered, c) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, isTerminal: isTerminal}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches to a command and turns errors into messages and exit codes.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitClean
	}
	for _, c := range commands() {
		if c.name == args[0] {
			code, err := c.run(ctx, e, args[1:])
			if err != nil {
				if errors.Is(err, flag.ErrHelp) {
					return exitClean
				}
				fmt.Fprintf(e.stderr, "scrubs %s: %v\n", c.name, err)
				var ue usageError
				if errors.As(err, &ue) {
					return exitUsage
				}
				if code == exitClean {
					code = exitUsage
				}
			}
			return code
		}
	}
	fmt.Fprintf(e.stderr, "scrubs: unknown command %q\n\n", args[0])
	printUsage(e.stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString("usage: scrubs <command> [flags] [args]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'scrubs <command> -h' for a command's flags.\n")
	io.WriteString(w, b.String())
}

// parseFlags parses flags that may come before or after positional
// arguments ("scrubs check --format json post.txt" and "scrubs check
// post.txt --format json" alike). A lone "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
