package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/store"
	"github.com/scrubshq/scrubs/internal/store/storetest"
)

func open(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMigrationsConcurrentAndIdempotent(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			const replicas = 4
			var wg sync.WaitGroup
			errs := make([]error, replicas)
			stores := make([]*store.Store, replicas)
			for i := range replicas {
				wg.Add(1)
				go func() {
					defer wg.Done()
					stores[i], errs[i] = store.Open(context.Background(), db.DSN)
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("replica %d: %v", i, err)
				}
				defer stores[i].Close()
			}
			s := open(t, db.DSN) // and once more, after
			v, err := s.SchemaVersion(context.Background())
			if err != nil || v != 1 {
				t.Fatalf("schema version = %d, %v; want 1", v, err)
			}
			st, err := s.Settings(context.Background())
			if err != nil || st.Revision != 0 {
				t.Fatalf("settings after migrating = %+v, %v", st, err)
			}
		})
	}
}

func TestSettings(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			s := open(t, db.DSN)
			ctx := context.Background()
			tests := []store.Settings{
				{Locale: "uk", Role: "nurse", Packs: []string{}, Config: "terms:\n  wards: [Larch Ward]\n", RequireReasonForBlock: true},
				{Packs: []string{"uk-nmc", "uk-gmc"}},
				{},
			}
			for i, want := range tests {
				got, err := s.PutSettings(ctx, want)
				if err != nil {
					t.Fatal(err)
				}
				if got.Revision != int64(i+1) || got.UpdatedAt.IsZero() {
					t.Errorf("put %d: revision %d, updated %v", i, got.Revision, got.UpdatedAt)
				}
				if got.Locale != want.Locale || got.Role != want.Role || got.Config != want.Config ||
					got.RequireReasonForBlock != want.RequireReasonForBlock || strings.Join(got.Packs, ",") != strings.Join(want.Packs, ",") {
					t.Errorf("put %d: got %+v, want %+v", i, got, want)
				}
				if r, _ := s.Revision(ctx); r != got.Revision {
					t.Errorf("Revision() = %d, want %d", r, got.Revision)
				}
			}
		})
	}
}

func TestKeys(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			s := open(t, db.DSN)
			ctx := context.Background()
			key, k, err := s.CreateKey(ctx, "ci")
			if err != nil {
				t.Fatal(err)
			}
			other, k2, err := s.CreateKey(ctx, "old")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.RevokeKey(ctx, k2.ID); err != nil {
				t.Fatal(err)
			}
			if err := s.RevokeKey(ctx, k2.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("revoking twice: %v, want ErrNotFound", err)
			}
			flipped := key[:len(key)-1] + map[bool]string{true: "a", false: "b"}[key[len(key)-1] != 'a']
			tests := []struct {
				name, key string
				want      error
			}{
				{"good", key, nil},
				{"revoked", other, store.ErrRevoked},
				{"empty", "", store.ErrNoKey},
				{"malformed", "hello", store.ErrNoKey},
				{"wrong secret", flipped, store.ErrNoKey},
				{"unknown id", "scrubs_000000000000_" + key[len("scrubs_000000000000_"):], store.ErrNoKey},
			}
			for _, tt := range tests {
				got, err := s.VerifyKey(ctx, tt.key)
				if !errors.Is(err, tt.want) {
					t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
				}
				if tt.want == nil && got.ID != k.ID {
					t.Errorf("%s: id %q, want %q", tt.name, got.ID, k.ID)
				}
			}
			keys, err := s.Keys(ctx)
			if err != nil || len(keys) != 2 {
				t.Fatalf("Keys() = %v, %v", keys, err)
			}
			dump, err := s.Dump(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(dump, key[len("scrubs_000000000000_"):]) {
				t.Error("the key's secret is stored in the database")
			}
		})
	}
}

func TestIgnoreList(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			s := open(t, db.DSN)
			ctx := context.Background()
			steps := []struct {
				op, fp, reason string
				wantErr        error
				wantList       string
			}{
				{"add", "CONF-001:0123456789abcdef", "our ward's public name", nil, "CONF-001:0123456789abcdef=our ward's public name"},
				{"add", "PROF-002:fedcba9876543210", "", nil, "CONF-001:0123456789abcdef=our ward's public name,PROF-002:fedcba9876543210="},
				{"add", "PROF-002:fedcba9876543210", "reviewed", nil, "CONF-001:0123456789abcdef=our ward's public name,PROF-002:fedcba9876543210=reviewed"},
				{"delete", "CONF-001:0123456789abcdef", "", nil, "PROF-002:fedcba9876543210=reviewed"},
				{"delete", "CONF-001:0123456789abcdef", "", store.ErrNotFound, "PROF-002:fedcba9876543210=reviewed"},
			}
			rev := int64(0)
			for i, st := range steps {
				var err error
				if st.op == "add" {
					_, err = s.AddIgnore(ctx, st.fp, st.reason)
				} else {
					err = s.DeleteIgnore(ctx, st.fp)
				}
				if !errors.Is(err, st.wantErr) {
					t.Fatalf("step %d: err = %v, want %v", i, err, st.wantErr)
				}
				list, err := s.IgnoreList(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var parts []string
				for _, ig := range list {
					parts = append(parts, ig.Fingerprint+"="+ig.Reason)
				}
				if got := strings.Join(parts, ","); got != st.wantList {
					t.Errorf("step %d: list %q, want %q", i, got, st.wantList)
				}
				r, _ := s.Revision(ctx)
				if st.wantErr == nil && r != rev+1 {
					t.Errorf("step %d: revision %d, want %d", i, r, rev+1)
				}
				rev = r
			}
		})
	}
}

func TestCountsAndTally(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			s := open(t, db.DSN)
			ctx := context.Background()
			if err := s.AddCounts(ctx, "2026-01-02", store.Counts{
				Checks: map[string]int64{"safe": 3, "block": 1},
				Risks:  map[store.RiskKey]int64{{Category: "CONFIDENTIALITY", Pack: "core"}: 2},
			}); err != nil {
				t.Fatal(err)
			}
			tally := store.NewTally()
			var wg sync.WaitGroup
			for range 50 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					tally.Add("review", []store.RiskKey{{Category: "CONFIDENTIALITY", Pack: "core"}, {Category: "PROFESSIONALISM", Pack: "uk-nmc"}})
				}()
			}
			wg.Wait()
			if err := tally.Flush(ctx, s); err != nil {
				t.Fatal(err)
			}
			if err := tally.Flush(ctx, s); err != nil { // nothing new: no change
				t.Fatal(err)
			}
			today := time.Now().UTC().Format("2006-01-02")
			days, err := s.Stats(ctx, "2026-01-01", today)
			if err != nil {
				t.Fatal(err)
			}
			tests := []struct {
				day, verdict string
				want         int64
			}{
				{"2026-01-02", "safe", 3},
				{"2026-01-02", "block", 1},
				{today, "review", 50},
			}
			for _, tt := range tests {
				found := false
				for _, d := range days {
					if d.Day == tt.day {
						found = true
						if d.Checks[tt.verdict] != tt.want {
							t.Errorf("%s %s = %d, want %d", tt.day, tt.verdict, d.Checks[tt.verdict], tt.want)
						}
					}
				}
				if !found {
					t.Errorf("no stats for %s in %+v", tt.day, days)
				}
			}
			last := days[len(days)-1]
			if len(last.Risks) != 2 || last.Risks[0].Count != 50 {
				t.Errorf("today's risks = %+v", last.Risks)
			}
		})
	}
}

// TestTallyFlushWaits checks that a Flush returns only once the counts
// added before it are written, even when another Flush, called at the same
// time, took them: the background flush and the stats handler's flush race
// like this, and the handler must then read every count.
func TestTallyFlushWaits(t *testing.T) {
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			s := open(t, db.DSN)
			ctx := context.Background()
			tally := store.NewTally()
			today := time.Now().UTC().Format("2006-01-02")
			added := int64(0)
			for round := range 40 {
				for range 1 + round%3 {
					tally.Add("safe", nil)
					added++
				}
				var wg sync.WaitGroup
				errs := make(chan string, 2)
				for range 2 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if err := tally.Flush(ctx, s); err != nil {
							errs <- err.Error()
							return
						}
						// every count added before this Flush is written now
						days, err := s.Stats(ctx, today, today)
						if err != nil {
							errs <- err.Error()
							return
						}
						if len(days) != 1 || days[0].Checks["safe"] != added {
							errs <- fmt.Sprintf("round %d: after Flush the store holds %+v, want %d safe checks", round, days, added)
						}
					}()
				}
				wg.Wait()
				close(errs)
				for e := range errs {
					t.Fatal(e)
				}
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct{ name, dsn string }{
		{"empty", ""},
		{"bad postgres", "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"},
		{"unparsable postgres", "postgres://nobody:secret@127.0.0.1:notaport/none?sslmode=disable"},
		{"bad sslmode", "postgres://nobody:secret@127.0.0.1:1/none?sslmode=sometimes"},
	}
	for _, tt := range tests {
		_, err := store.Open(context.Background(), tt.dsn)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: the password is in the error: %v", tt.name, err)
		}
	}
}

func TestDefaultPathAndKind(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if p, err := store.DefaultPath(); err != nil || p != "/data/home/scrubs/scrubs.db" {
		t.Errorf("DefaultPath() = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/nurse")
	if p, err := store.DefaultPath(); err != nil || p != "/home/nurse/.local/share/scrubs/scrubs.db" {
		t.Errorf("DefaultPath() without XDG_DATA_HOME = %q, %v", p, err)
	}
	tests := []struct {
		dsn  string
		want bool
	}{
		{"postgres://u@h/db", true},
		{"postgresql://u@h/db", true},
		{"/var/lib/scrubs/scrubs.db", false},
		{"postgres.db", false},
	}
	for _, tt := range tests {
		if got := store.IsPostgres(tt.dsn); got != tt.want {
			t.Errorf("IsPostgres(%q) = %v", tt.dsn, got)
		}
	}
}
