// Package store keeps what `scrubs serve` remembers: the organisation's
// settings, API keys (their hashes only), the organisation's "not a problem"
// list (fingerprints and reasons) and anonymous daily counts for a dashboard.
// It never stores post text.
//
// The same schema and numbered migrations run on an embedded SQLite file
// (modernc.org/sqlite, pure Go) or on PostgreSQL (a DSN starting with
// postgres:// or postgresql://). Migrations run at Open, inside one
// transaction that holds a lock (an advisory lock on PostgreSQL, the write
// lock on SQLite), so several replicas may start at once.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"embed"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib" // also registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"           // the embedded database
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Errors the store returns.
var (
	// ErrNoKey is returned for an API key that is not well formed or not known.
	ErrNoKey = errors.New("unknown API key")
	// ErrRevoked is returned for an API key that was revoked.
	ErrRevoked = errors.New("revoked API key")
	// ErrNotFound is returned when the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
)

// Kind is the database behind a store.
type Kind string

// The kinds of database.
const (
	SQLite   Kind = "sqlite"
	Postgres Kind = "postgres"
)

// Store is an open database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	kind Kind
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// DefaultPath is where the SQLite database lives when no --db is given: the
// user's data directory ($XDG_DATA_HOME, else ~/.local/share; on other
// systems the user config directory) under scrubs/scrubs.db.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil && home != "" && os.PathSeparator == '/' {
			dir = filepath.Join(home, ".local", "share")
		} else if cfg, err := os.UserConfigDir(); err == nil {
			dir = cfg
		} else {
			return "", fmt.Errorf("no data directory: %v", err)
		}
	}
	return filepath.Join(dir, "scrubs", "scrubs.db"), nil
}

// Open opens (creating when needed) the database dsn names — a SQLite file
// path, or a postgres:// URL — and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{}
	var err error
	if IsPostgres(dsn) {
		s.kind = Postgres
		// pgx sends parameters it does not know, such as search_path, to
		// the server when a connection starts.
		cfg, perr := pgx.ParseConfig(dsn)
		if perr != nil {
			return nil, fmt.Errorf("opening the database: %w", redactErr(perr, dsn))
		}
		s.db = stdlib.OpenDB(*cfg)
		s.db.SetMaxOpenConns(16)
		s.db.SetMaxIdleConns(4)
		s.db.SetConnMaxIdleTime(5 * time.Minute)
	} else {
		s.kind = SQLite
		if dsn == "" {
			return nil, errors.New("no database path")
		}
		if dir := filepath.Dir(dsn); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, err
			}
		}
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
		s.db, err = sql.Open("sqlite", "file:"+(&url.URL{Path: dsn}).EscapedPath()+"?"+q.Encode())
		if err == nil {
			s.db.SetMaxOpenConns(8)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("opening the database: %w", redactErr(err, dsn))
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("migrating the database: %w", err)
	}
	if s.kind == SQLite {
		os.Chmod(dsn, 0o600) // settings and key hashes: for the owner only
	}
	return s, nil
}

// redactErr keeps a password in a DSN out of error messages.
func redactErr(err error, dsn string) error {
	u, perr := url.Parse(dsn)
	if perr != nil || u.User == nil {
		return err
	}
	if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(err.Error(), pw) {
		return errors.New(strings.ReplaceAll(err.Error(), pw, "xxxxx"))
	}
	return err
}

// Kind says which database the store uses.
func (s *Store) Kind() Kind { return s.kind }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// q rewrites ? placeholders to $1, $2… for PostgreSQL.
func (s *Store) q(query string) string {
	if s.kind != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// migrationLockID is the PostgreSQL advisory lock key held while migrating.
const migrationLockID = 0x5c7b5

// migration is one numbered file of migrations/.
type migration struct {
	version int
	name    string
	stmts   []string
}

var migrationName = regexp.MustCompile(`^(\d+)_[a-z0-9_]+\.sql$`)

// migrations returns the embedded migrations in order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		data, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), stmts: splitSQL(string(data))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// splitSQL splits a migration into statements at semicolons that end a
// line, dropping -- comments. Migrations hold no semicolons in strings.
func splitSQL(src string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line + "\n")
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, strings.TrimSpace(cur.String()))
	}
	return out
}

// migrate applies the migrations not yet applied, all in one transaction
// that first takes the migration lock, so concurrent starts wait for each
// other and a failed migration leaves the schema as it was.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil) // SQLite: BEGIN IMMEDIATE (_txlock)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.kind == Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLockID)); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	applied := map[int]bool{}
	rows, err := tx.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		for _, st := range m.stmts {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
			m.version, m.name, time.Now().Unix()); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return tx.Commit()
}

// SchemaVersion returns the highest migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v)
	return int(v.Int64), err
}

// Settings are the organisation's defaults for every check.
type Settings struct {
	// Locale and Role choose the packs of the staff's code when a request
	// names none; Packs, when set, chooses packs by name instead.
	Locale string   `json:"locale"`
	Role   string   `json:"role"`
	Packs  []string `json:"packs"`
	// Config is the organisation config as YAML (own terms, allowed names,
	// own rules; see docs/RULES.md); empty for none.
	Config string `json:"config"`
	// RequireReasonForBlock makes a reason compulsory when a block-severity
	// finding is marked "not a problem".
	RequireReasonForBlock bool `json:"require_reason_for_block_dismissal"`
	// Revision goes up by one on every change of the settings or of the
	// "not a problem" list.
	Revision int64 `json:"revision"`
	// UpdatedAt is when the settings last changed (zero if never).
	UpdatedAt time.Time `json:"updated_at"`
}

// Settings returns the organisation's settings.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	var st Settings
	var packs string
	var req int
	var updated int64
	err := s.db.QueryRowContext(ctx, "SELECT locale, role, packs, config, require_reason, revision, updated_at FROM org_settings WHERE id = 1").
		Scan(&st.Locale, &st.Role, &packs, &st.Config, &req, &st.Revision, &updated)
	if err != nil {
		return st, err
	}
	st.Packs = splitList(packs)
	st.RequireReasonForBlock = req != 0
	if updated != 0 {
		st.UpdatedAt = time.Unix(updated, 0).UTC()
	}
	return st, nil
}

func splitList(s string) []string {
	out := []string{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// PutSettings replaces the organisation's settings (Revision and UpdatedAt
// are ignored) and returns them as stored, with the new revision.
func (s *Store) PutSettings(ctx context.Context, st Settings) (Settings, error) {
	req := 0
	if st.RequireReasonForBlock {
		req = 1
	}
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE org_settings SET locale = ?, role = ?, packs = ?, config = ?,
		require_reason = ?, revision = revision + 1, updated_at = ? WHERE id = 1`),
		st.Locale, st.Role, strings.Join(st.Packs, ","), st.Config, req, time.Now().Unix())
	if err != nil {
		return Settings{}, err
	}
	return s.Settings(ctx)
}

// Revision returns the settings' revision, a cheap way for a replica to
// notice that another changed the settings or the "not a problem" list.
func (s *Store) Revision(ctx context.Context) (int64, error) {
	var r int64
	err := s.db.QueryRowContext(ctx, "SELECT revision FROM org_settings WHERE id = 1").Scan(&r)
	return r, err
}

// Key is an API key as listed: never its secret.
type Key struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	Revoked   bool      `json:"revoked"`
}

// keyPrefix starts every API key: scrubs_<id>_<secret>.
const keyPrefix = "scrubs_"

var keyRE = regexp.MustCompile(`^scrubs_([0-9a-f]{12})_([a-z2-7]{52})$`)

// CreateKey makes a new API key and returns it: the only time its secret is
// seen. The store keeps the SHA-256 of the key.
func (s *Store) CreateKey(ctx context.Context, name string) (string, Key, error) {
	idb := make([]byte, 6)
	secret := make([]byte, 32)
	if _, err := rand.Read(idb); err != nil {
		return "", Key{}, err
	}
	if _, err := rand.Read(secret); err != nil {
		return "", Key{}, err
	}
	id := hex.EncodeToString(idb)
	key := keyPrefix + id + "_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(secret))
	now := time.Now().UTC().Truncate(time.Second)
	_, err := s.db.ExecContext(ctx, s.q("INSERT INTO api_keys (id, name, hash, created_at) VALUES (?, ?, ?, ?)"),
		id, name, hashKey(key), now.Unix())
	if err != nil {
		return "", Key{}, err
	}
	return key, Key{ID: id, Name: name, CreatedAt: now}, nil
}

func hashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// VerifyKey returns the key that key is, comparing hashes in constant time:
// ErrNoKey when it is malformed or unknown, ErrRevoked when revoked.
func (s *Store) VerifyKey(ctx context.Context, key string) (Key, error) {
	m := keyRE.FindStringSubmatch(key)
	if m == nil {
		return Key{}, ErrNoKey
	}
	var k Key
	var hash string
	var created, revoked int64
	err := s.db.QueryRowContext(ctx, s.q("SELECT id, name, hash, created_at, revoked_at FROM api_keys WHERE id = ?"), m[1]).
		Scan(&k.ID, &k.Name, &hash, &created, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return Key{}, ErrNoKey
	}
	if err != nil {
		return Key{}, err
	}
	if subtle.ConstantTimeCompare([]byte(hash), []byte(hashKey(key))) != 1 {
		return Key{}, ErrNoKey
	}
	k.CreatedAt = time.Unix(created, 0).UTC()
	if revoked != 0 {
		k.Revoked = true
		return k, ErrRevoked
	}
	return k, nil
}

// Keys lists the API keys, oldest first.
func (s *Store) Keys(ctx context.Context) ([]Key, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Key{}
	for rows.Next() {
		var k Key
		var created, revoked int64
		if err := rows.Scan(&k.ID, &k.Name, &created, &revoked); err != nil {
			return nil, err
		}
		k.CreatedAt, k.Revoked = time.Unix(created, 0).UTC(), revoked != 0
		out = append(out, k)
	}
	return out, rows.Err()
}

// RevokeKey revokes the key with the given id (ErrNotFound if none).
func (s *Store) RevokeKey(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, s.q("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at = 0"), time.Now().Unix(), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Ignore is one finding the organisation marked "not a problem".
type Ignore struct {
	Fingerprint string    `json:"fingerprint"`
	Reason      string    `json:"reason,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// IgnoreList returns the organisation's "not a problem" list, by fingerprint.
func (s *Store) IgnoreList(ctx context.Context) ([]Ignore, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT fingerprint, reason, created_at FROM org_ignore ORDER BY fingerprint")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Ignore{}
	for rows.Next() {
		var ig Ignore
		var created int64
		if err := rows.Scan(&ig.Fingerprint, &ig.Reason, &created); err != nil {
			return nil, err
		}
		ig.CreatedAt = time.Unix(created, 0).UTC()
		out = append(out, ig)
	}
	return out, rows.Err()
}

// AddIgnore adds a fingerprint to the "not a problem" list, or replaces its
// reason, and returns the entry as stored.
func (s *Store) AddIgnore(ctx context.Context, fingerprint, reason string) (Ignore, error) {
	now := time.Now().UTC().Truncate(time.Second)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO org_ignore (fingerprint, reason, created_at) VALUES (?, ?, ?)
			ON CONFLICT (fingerprint) DO UPDATE SET reason = excluded.reason`), fingerprint, reason, now.Unix()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE org_settings SET revision = revision + 1 WHERE id = 1")
		return err
	})
	if err != nil {
		return Ignore{}, err
	}
	var created int64
	ig := Ignore{Fingerprint: fingerprint}
	err = s.db.QueryRowContext(ctx, s.q("SELECT reason, created_at FROM org_ignore WHERE fingerprint = ?"), fingerprint).Scan(&ig.Reason, &created)
	ig.CreatedAt = time.Unix(created, 0).UTC()
	return ig, err
}

// DeleteIgnore takes a fingerprint off the "not a problem" list
// (ErrNotFound if it was not on it).
func (s *Store) DeleteIgnore(ctx context.Context, fingerprint string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q("DELETE FROM org_ignore WHERE fingerprint = ?"), fingerprint)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, "UPDATE org_settings SET revision = revision + 1 WHERE id = 1")
		return err
	})
}

func (s *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// RiskKey is what a risk is counted by: its category and its rule's pack.
type RiskKey struct {
	Category, Pack string
}

// Counts are the counts of one day.
type Counts struct {
	// Checks counts checks by verdict.
	Checks map[string]int64
	// Risks counts risks by category and pack.
	Risks map[RiskKey]int64
}

// AddCounts adds counts to the day's totals (day is YYYY-MM-DD, UTC), in one
// transaction.
func (s *Store) AddCounts(ctx context.Context, day string, c Counts) error {
	if len(c.Checks) == 0 && len(c.Risks) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for v, n := range c.Checks {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO check_counts (day, verdict, n) VALUES (?, ?, ?)
				ON CONFLICT (day, verdict) DO UPDATE SET n = check_counts.n + excluded.n`), day, v, n); err != nil {
				return err
			}
		}
		for k, n := range c.Risks {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO risk_counts (day, category, pack, n) VALUES (?, ?, ?, ?)
				ON CONFLICT (day, category, pack) DO UPDATE SET n = risk_counts.n + excluded.n`), day, k.Category, k.Pack, n); err != nil {
				return err
			}
		}
		return nil
	})
}

// DayStats are the counts of one day, as the dashboard shows them.
type DayStats struct {
	Day    string           `json:"day"`
	Checks map[string]int64 `json:"checks"`
	Risks  []RiskCount      `json:"risks"`
}

// RiskCount is the number of risks of one category from one pack.
type RiskCount struct {
	Category string `json:"category"`
	Pack     string `json:"pack"`
	Count    int64  `json:"count"`
}

// Stats returns the counts of the days from from to to (YYYY-MM-DD,
// inclusive), oldest first; days without checks are left out.
func (s *Store) Stats(ctx context.Context, from, to string) ([]DayStats, error) {
	byDay := map[string]*DayStats{}
	get := func(day string) *DayStats {
		d := byDay[day]
		if d == nil {
			d = &DayStats{Day: day, Checks: map[string]int64{}, Risks: []RiskCount{}}
			byDay[day] = d
		}
		return d
	}
	rows, err := s.db.QueryContext(ctx, s.q("SELECT day, verdict, n FROM check_counts WHERE day >= ? AND day <= ?"), from, to)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var day, v string
		var n int64
		if err := rows.Scan(&day, &v, &n); err != nil {
			rows.Close()
			return nil, err
		}
		get(day).Checks[v] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, s.q("SELECT day, category, pack, n FROM risk_counts WHERE day >= ? AND day <= ? ORDER BY day, category, pack"), from, to)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var rc RiskCount
		var day string
		if err := rows.Scan(&day, &rc.Category, &rc.Pack, &rc.Count); err != nil {
			rows.Close()
			return nil, err
		}
		d := get(day)
		d.Risks = append(d.Risks, rc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]DayStats, 0, len(byDay))
	for _, d := range byDay {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day < out[j].Day })
	return out, nil
}

// Dump returns every row of every table as text, for tests that prove no
// post text reached the database.
func (s *Store) Dump(ctx context.Context) (string, error) {
	var b strings.Builder
	for _, t := range []string{"schema_migrations", "org_settings", "api_keys", "org_ignore", "check_counts", "risk_counts"} {
		rows, err := s.db.QueryContext(ctx, "SELECT * FROM "+t)
		if err != nil {
			return "", err
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return "", err
			}
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					vals[i] = string(bs)
				}
			}
			fmt.Fprintf(&b, "%s: %v\n", t, vals)
		}
		rows.Close()
	}
	return b.String(), nil
}

// Tally adds up counts in memory between flushes, so a check costs no
// database write. It is safe for concurrent use.
type Tally struct {
	// flushing is held for a whole Flush: a Flush that starts while
	// another writes waits for it, so that when it returns every count
	// added before it was called is written (GET /v1/org/stats flushes
	// first and must see them), not still on its way in the other.
	flushing sync.Mutex
	mu       sync.Mutex
	days     map[string]*Counts
}

// NewTally returns an empty tally.
func NewTally() *Tally { return &Tally{days: map[string]*Counts{}} }

// Add counts one check of the given verdict and its risks, on today's date (UTC).
func (t *Tally) Add(verdict string, risks []RiskKey) {
	day := time.Now().UTC().Format("2006-01-02")
	t.mu.Lock()
	c := t.days[day]
	if c == nil {
		c = &Counts{Checks: map[string]int64{}, Risks: map[RiskKey]int64{}}
		t.days[day] = c
	}
	c.Checks[verdict]++
	for _, k := range risks {
		c.Risks[k]++
	}
	t.mu.Unlock()
}

// Flush writes the counts added since the last flush to s. Counts that
// could not be written are kept for the next flush. When it returns
// without an error, every count added before the call is in s, even those
// a concurrent Flush took.
func (t *Tally) Flush(ctx context.Context, s *Store) error {
	t.flushing.Lock()
	defer t.flushing.Unlock()
	t.mu.Lock()
	days := t.days
	t.days = map[string]*Counts{}
	t.mu.Unlock()
	var firstErr error
	for day, c := range days {
		if err := s.AddCounts(ctx, day, *c); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			t.mu.Lock()
			cur := t.days[day]
			if cur == nil {
				t.days[day] = c
			} else {
				for k, n := range c.Checks {
					cur.Checks[k] += n
				}
				for k, n := range c.Risks {
					cur.Risks[k] += n
				}
			}
			t.mu.Unlock()
		}
	}
	return firstErr
}
