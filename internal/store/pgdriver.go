package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"

	"github.com/jackc/pgx/v5"
)

// This file is a small database/sql driver over a pgx connection. pgx's own
// adapter (pgx/v5/stdlib) pulls in pgxpool and its pool package, which the
// module's go.sum does not list; this one needs only pgx itself. It supports
// what the store uses: Exec, Query, transactions, Ping and connection reset.

// pgDriverName is the name the driver is registered under.
const pgDriverName = "scrubs-pgx"

func init() { sql.Register(pgDriverName, pgDriver{}) }

type pgDriver struct{}

func (pgDriver) Open(dsn string) (driver.Conn, error) {
	return pgConnector{dsn: dsn}.Connect(context.Background())
}

func (pgDriver) OpenConnector(dsn string) (driver.Connector, error) {
	if _, err := pgx.ParseConfig(dsn); err != nil {
		return nil, err
	}
	return pgConnector{dsn: dsn}, nil
}

type pgConnector struct{ dsn string }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := pgx.Connect(ctx, c.dsn)
	if err != nil {
		return nil, err
	}
	return &pgConn{c: conn}, nil
}

func (pgConnector) Driver() driver.Driver { return pgDriver{} }

type pgConn struct{ c *pgx.Conn }

func (p *pgConn) Prepare(query string) (driver.Stmt, error) {
	return &pgStmt{conn: p, query: query}, nil
}

func (p *pgConn) Close() error { return p.c.Close(context.Background()) }

func (p *pgConn) Begin() (driver.Tx, error) {
	return p.BeginTx(context.Background(), driver.TxOptions{})
}

func (p *pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if opts.ReadOnly {
		return nil, errors.New("read-only transactions are not supported")
	}
	tx, err := p.c.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return pgTx{tx}, nil
}

func (p *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	tag, err := p.c.Exec(ctx, query, values(args)...)
	if err != nil {
		return nil, err
	}
	return driver.RowsAffected(tag.RowsAffected()), nil
}

func (p *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := p.c.Query(ctx, query, values(args)...)
	if err != nil {
		return nil, err
	}
	return &pgRows{rows: rows}, nil
}

func (p *pgConn) Ping(ctx context.Context) error {
	if p.c.IsClosed() {
		return driver.ErrBadConn
	}
	return p.c.Ping(ctx)
}

func (p *pgConn) ResetSession(context.Context) error {
	if p.c.IsClosed() {
		return driver.ErrBadConn
	}
	return nil
}

func (p *pgConn) IsValid() bool { return !p.c.IsClosed() }

func values(args []driver.NamedValue) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a.Value
	}
	return out
}

type pgStmt struct {
	conn  *pgConn
	query string
}

func (s *pgStmt) Close() error  { return nil }
func (s *pgStmt) NumInput() int { return -1 }

func (s *pgStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *pgStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func (s *pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.conn.ExecContext(ctx, s.query, args)
}

func (s *pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.conn.QueryContext(ctx, s.query, args)
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

type pgTx struct{ tx pgx.Tx }

func (t pgTx) Commit() error   { return t.tx.Commit(context.Background()) }
func (t pgTx) Rollback() error { return t.tx.Rollback(context.Background()) }

type pgRows struct {
	rows pgx.Rows
	cols []string
}

func (r *pgRows) Columns() []string {
	if r.cols == nil {
		fds := r.rows.FieldDescriptions()
		r.cols = make([]string, len(fds))
		for i, fd := range fds {
			r.cols[i] = fd.Name
		}
	}
	return r.cols
}

func (r *pgRows) Close() error {
	r.rows.Close()
	return r.rows.Err()
}

func (r *pgRows) Next(dest []driver.Value) error {
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return io.EOF
	}
	vals, err := r.rows.Values()
	if err != nil {
		return err
	}
	for i := range dest {
		if i >= len(vals) {
			dest[i] = nil
			continue
		}
		switch v := vals[i].(type) {
		case int16:
			dest[i] = int64(v)
		case int32:
			dest[i] = int64(v)
		case int8:
			dest[i] = int64(v)
		case float32:
			dest[i] = float64(v)
		default:
			dest[i] = v
		}
	}
	return nil
}
