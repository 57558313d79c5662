package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"
)

func init() {
	register(command{"admin", "manage the server's API keys: create-key [--name N], list-keys, revoke-key ID", runAdmin})
}

func runAdmin(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("admin", flag.ContinueOnError)
	name := fs.String("name", "", "a name for the key (create-key), to tell keys apart")
	db := dbFlag(fs)
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs admin create-key [--name N] [--db FILE|postgres://…]\n       scrubs admin list-keys [--db …]\n       scrubs admin revoke-key ID [--db …]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) == 0 {
		return exitUsage, usagef("usage: scrubs admin create-key|list-keys|revoke-key")
	}
	wantArgs := map[string]int{"create-key": 1, "list-keys": 1, "revoke-key": 2}
	n, ok := wantArgs[pos[0]]
	if !ok {
		return exitUsage, usagef("unknown admin command %q (create-key, list-keys, revoke-key)", pos[0])
	}
	if len(pos) != n {
		return exitUsage, usagef("usage: scrubs admin %s%s", pos[0], map[bool]string{true: " ID"}[n == 2])
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	st, _, err := openStore(ctx, *db)
	if err != nil {
		return exitUsage, err
	}
	defer st.Close()
	switch pos[0] {
	case "create-key":
		key, k, err := st.CreateKey(ctx, *name)
		if err != nil {
			return exitUsage, err
		}
		fmt.Fprintln(e.stdout, key)
		fmt.Fprintf(e.stderr, "API key %s created. It is shown only this once: keep it secret (send it as Authorization: Bearer KEY).\n", k.ID)
	case "list-keys":
		keys, err := st.Keys(ctx)
		if err != nil {
			return exitUsage, err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tCREATED\tSTATE")
		for _, k := range keys {
			state := "active"
			if k.Revoked {
				state = "revoked"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", k.ID, k.Name, k.CreatedAt.Format(time.RFC3339), state)
		}
		return exitClean, tw.Flush()
	case "revoke-key":
		if err := st.RevokeKey(ctx, pos[1]); err != nil {
			return exitUsage, fmt.Errorf("revoking %s: %w", pos[1], err)
		}
		fmt.Fprintf(e.stderr, "API key %s revoked\n", pos[1])
	}
	return exitClean, nil
}
