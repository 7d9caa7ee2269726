// Package sqlite is sitrep's embedded store: one SQLite file (pure Go,
// modernc.org/sqlite, no cgo) in WAL mode holding documents, every layer
// of their analysis and full-text indexes (FTS5) over document text and
// event evidence.
//
// The schema is versioned: the migrations in migrations/ run in order, in
// one transaction each, and PRAGMA user_version records how many have run.
// Opening an older database upgrades it; opening one written by a newer
// sitrep fails with store.ErrSchemaTooNew and changes nothing. To change
// the schema, add the next file (0002_actor_memory.sql, ...) and never edit
// one that has been released: a database that ran it would not run it
// again. Migration 0002 adds the cross-document memory of actors (actors,
// their names, role history and evidence; see actors.go), which refers to
// documents by id since facts are remembered before their document is
// stored.
//
// One process writes at a time (writes from several goroutines are
// serialised on one connection, each in its own IMMEDIATE transaction);
// readers run concurrently on their own connections and never see a
// half-stored document.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"sitrep/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one step of the schema, run in its own transaction.
type migration struct {
	name string
	sql  string
}

// migrations returns the embedded migrations in order of their file names
// (0001_..., 0002_...). Version N of the schema is the first N of them.
func migrations() []migration {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is constant and valid
	}
	sort.Strings(names)
	ms := make([]migration, 0, len(names))
	for _, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		ms = append(ms, migration{name: strings.TrimPrefix(n, "migrations/"), sql: string(b)})
	}
	return ms
}

// Config tunes a store. The zero value creates the database when missing,
// waits up to 5 s for a lock and reads on up to GOMAXPROCS connections.
type Config struct {
	// MustExist makes Open fail with store.ErrNoDatabase instead of creating
	// a database that does not exist (for commands that only read).
	MustExist bool
	// BusyTimeout is how long a statement waits for a lock held by another
	// process; 0 means 5 s.
	BusyTimeout time.Duration
	// ReadConns caps the connections used for reading; 0 means
	// runtime.GOMAXPROCS(0).
	ReadConns int
}

// Store is a store.Store kept in one SQLite file.
type Store struct {
	path string
	w    *sql.DB // one connection: every write goes through it
	r    *sql.DB // read-only connections

	putStmts
	stmts sync.Map // query -> *sql.Stmt, prepared by conn

	mu     sync.Mutex
	closed bool
}

var _ store.Store = (*Store)(nil)

// SchemaVersion is the schema version this binary writes: the number of
// embedded migrations.
var SchemaVersion = len(migrations())

// Open opens the SQLite database at path, creating it unless cfg.MustExist
// is set, and brings its schema up to date. It returns an error wrapping
// store.ErrInvalid for an empty path, store.ErrNoDatabase when the file is
// missing and must exist, store.ErrSchemaTooNew when the database comes
// from a newer sitrep, or the error met while opening or migrating (the
// failed migration then leaves the database as it was before it).
func Open(ctx context.Context, path string, cfg Config) (*Store, error) {
	return open(ctx, path, cfg, migrations())
}

func open(ctx context.Context, path string, cfg Config, ms []migration) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: %w: empty path", store.ErrInvalid)
	}
	if cfg.MustExist {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, store.ErrNoDatabase)
		}
	}
	busy := cfg.BusyTimeout
	if busy <= 0 {
		busy = 5 * time.Second
	}
	conns := cfg.ReadConns
	if conns <= 0 {
		conns = runtime.GOMAXPROCS(0)
	}
	dsn := func(extra ...string) string {
		q := url.Values{}
		q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
		q.Set("_foreign_keys", "1")
		q.Set("_synchronous", "NORMAL")
		// Statement journals and sorts in memory, not in temporary files.
		q.Add("_pragma", "temp_store(MEMORY)")
		for i := 0; i+1 < len(extra); i += 2 {
			q.Add(extra[i], extra[i+1])
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn("_journal_mode", "WAL", "_txlock", "immediate"))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := migrate(ctx, w, ms); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn("_query_only", "1"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(conns)
	r.SetMaxIdleConns(conns)
	s := &Store{path: path, w: w, r: r}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// migrate runs the migrations the database has not seen yet, each in its
// own transaction together with the user_version that records it.
func migrate(ctx context.Context, db *sql.DB, ms []migration) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(ms) {
		return fmt.Errorf("%w: database is at schema version %d, this program knows up to %d; use a newer sitrep", store.ErrSchemaTooNew, v, len(ms))
	}
	for i := v; i < len(ms); i++ {
		if err := runMigration(ctx, db, i+1, ms[i]); err != nil {
			return fmt.Errorf("migration %s: %w", ms[i].name, err)
		}
	}
	return nil
}

func runMigration(ctx context.Context, db *sql.DB, version int, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have migrated while this one waited for the lock.
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(version)); err != nil {
		return err
	}
	return tx.Commit()
}

// Version returns the schema version of the open database.
func (s *Store) Version(ctx context.Context) (int, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	var v int
	err := s.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Close closes the database. It returns the first error met closing its
// connections; later calls return nil.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.putStmts.close()
	s.closeStmts()
	err := s.w.Close()
	if s.r != nil {
		if e := s.r.Close(); err == nil {
			err = e
		}
	}
	return err
}

// check returns store.ErrClosed after Close.
func (s *Store) check() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return store.ErrClosed
	}
	return nil
}

// wrap prefixes err with op, preferring the context's error when the
// context is done, so that callers can test errors.Is(err, context.Canceled).
func wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("sqlite: %s: %w (%v)", op, cerr, err)
	}
	if errors.Is(err, sql.ErrConnDone) || strings.Contains(err.Error(), "database is closed") {
		return fmt.Errorf("sqlite: %s: %w", op, store.ErrClosed)
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}
