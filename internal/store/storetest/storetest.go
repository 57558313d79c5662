// Package storetest gives tests the databases to run against: a fresh SQLite
// file, and a fresh PostgreSQL schema when SCRUBS_TEST_POSTGRES names a
// server.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/scrubshq/scrubs/internal/store" // registers the PostgreSQL driver (pgx/v5/stdlib, as "pgx")
)

// DB is one database for a test.
type DB struct {
	// Name is "sqlite" or "postgres", for subtest names.
	Name string
	// DSN opens it with store.Open.
	DSN string
	// File is the SQLite file (empty for PostgreSQL).
	File string
}

// DBs returns a fresh SQLite database and, when SCRUBS_TEST_POSTGRES is set,
// a fresh schema of that PostgreSQL server (dropped at the end of the test).
// Without it the PostgreSQL variant is skipped, unless
// SCRUBS_REQUIRE_TOOLS=1, when the test fails.
func DBs(t testing.TB) []DB {
	t.Helper()
	file := filepath.Join(t.TempDir(), "scrubs.db")
	out := []DB{{Name: "sqlite", DSN: file, File: file}}
	if pg := Postgres(t); pg != "" {
		out = append(out, DB{Name: "postgres", DSN: pg})
	}
	return out
}

// Postgres returns the DSN of a fresh schema on the test PostgreSQL server,
// or "" (after logging why) when there is none.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv("SCRUBS_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
			t.Fatal("SCRUBS_TEST_POSTGRES is not set and SCRUBS_REQUIRE_TOOLS=1: the PostgreSQL tests must run")
		}
		t.Log("SCRUBS_TEST_POSTGRES not set: skipping the PostgreSQL variant")
		return ""
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "scrubs_test_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("creating a test schema on SCRUBS_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
