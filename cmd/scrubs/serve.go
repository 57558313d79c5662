package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/scrubshq/scrubs/internal/server"
	"github.com/scrubshq/scrubs/internal/store"
	"github.com/scrubshq/scrubs/internal/web"
)

func init() {
	register(command{"serve", "run the HTTP API and web page (default 127.0.0.1:8080)", runServe})
}

// dbFlag adds --db, shared by serve and admin.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a SQLite file (default: the user data directory's scrubs/scrubs.db) or a postgres:// URL")
}

// openStore opens the database --db names, or the default SQLite file.
func openStore(ctx context.Context, dsn string) (*store.Store, string, error) {
	if dsn == "" {
		var err error
		if dsn, err = store.DefaultPath(); err != nil {
			return nil, "", err
		}
	}
	where := dsn
	if store.IsPostgres(dsn) {
		where = "PostgreSQL"
	}
	st, err := store.Open(ctx, dsn)
	return st, where, err
}

func runServe(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address HOST:PORT")
	db := dbFlag(fs)
	timeout := fs.Duration("request-timeout", server.DefaultRequestTimeout, "longest time spent on one request")
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body in bytes (larger is 413)")
	maxImage := fs.Int64("max-image", server.DefaultMaxImageBytes, "largest picture in bytes for /v1/check/image and /v1/redact/image (larger is 413)")
	maxBatch := fs.Int("max-batch", server.DefaultMaxBatchItems, "most items in one POST /v1/check/batch")
	refresh := fs.Duration("refresh", server.DefaultRefreshInterval, "how often to look for settings changed by other replicas")
	grace := fs.Duration("shutdown-timeout", 30*time.Second, "on SIGINT or SIGTERM, how long to let requests in flight finish")
	quiet := fs.Bool("quiet", false, "do not log every request (errors are still logged)")
	logJSON := fs.Bool("log-json", false, "log JSON lines instead of text")
	noWeb := fs.Bool("no-web", false, "serve the API only, not the web page at /")
	rulesOnly := fs.Bool("rules-only", false, "judge by the rule packs alone, without the post model's second opinion (MODEL-001)")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, "usage: scrubs serve [--addr HOST:PORT] [--db FILE|postgres://…] [--quiet]")
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) > 0 {
		return exitUsage, usagef("unexpected argument %q", pos[0])
	}
	var handler slog.Handler = slog.NewTextHandler(e.stderr, nil)
	if *logJSON {
		handler = slog.NewJSONHandler(e.stderr, nil)
	}
	log := slog.New(handler)

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	openCtx, cancel := context.WithTimeout(ctx, time.Minute)
	st, where, err := openStore(openCtx, *db)
	cancel()
	if err != nil {
		return exitUsage, err
	}
	defer st.Close()
	cfg := server.Config{Store: st, Logger: log, RequestTimeout: *timeout, MaxBodyBytes: *maxBody, MaxImageBytes: *maxImage,
		MaxBatchItems: *maxBatch, RefreshInterval: *refresh, QuietRequests: *quiet, RulesOnly: *rulesOnly}
	if !*noWeb {
		cfg.Web = web.Handler()
	}
	srv, err := server.New(cfg)
	if err != nil {
		return exitUsage, err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		srv.Close(context.Background())
		return exitUsage, err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      *timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
	}
	log.Info("listening", "url", "http://"+ln.Addr().String(), "database", where)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		srv.Close(context.Background())
		return exitUsage, err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	sctx, scancel := context.WithTimeout(context.Background(), *grace)
	defer scancel()
	if err := hs.Shutdown(sctx); err != nil {
		log.Warn("shutdown", "error", err)
	}
	if err := srv.Close(sctx); err != nil {
		log.Warn("writing counts", "error", err)
	}
	log.Info("stopped")
	return exitClean, nil
}
