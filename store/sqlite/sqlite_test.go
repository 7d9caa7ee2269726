package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sitrep/store"
	"sitrep/store/storetest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), Config{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestOpenMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	if _, err := Open(context.Background(), path, Config{MustExist: true}); !errors.Is(err, store.ErrNoDatabase) {
		t.Errorf("Open(missing, MustExist) error = %v; want %v", err, store.ErrNoDatabase)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing, MustExist) created %s (stat: %v)", path, err)
	}
	if _, err := Open(context.Background(), "", Config{}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Open(\"\") error = %v; want %v", err, store.ErrInvalid)
	}
}

func TestPragmas(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for _, tc := range []struct {
		db     *sql.DB
		pragma string
		want   string
	}{
		{s.w, "journal_mode", "wal"},
		{s.w, "foreign_keys", "1"},
		{s.r, "foreign_keys", "1"},
		{s.w, "busy_timeout", "5000"},
		{s.r, "busy_timeout", "5000"},
		{s.r, "query_only", "1"},
	} {
		var got string
		if err := tc.db.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", tc.pragma, err)
		}
		if got != tc.want {
			t.Errorf("PRAGMA %s = %q; want %q", tc.pragma, got, tc.want)
		}
	}
	if v, err := s.Version(ctx); err != nil || v != SchemaVersion {
		t.Errorf("Version() = %d, %v; want %d", v, err, SchemaVersion)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	base := migrations()
	next := append(base[:len(base):len(base)], migration{
		name: "9999_test.sql",
		sql:  "CREATE TABLE test_upgrade (x INTEGER); INSERT INTO test_upgrade VALUES (42);",
	})
	broken := append(next[:len(next):len(next)], migration{name: "9999_broken.sql", sql: "CREATE TABLE oops (x INTEGER); NOT SQL AT ALL;"})

	// A database at the current version, holding a document.
	s, err := open(ctx, path, Config{}, base)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if _, err := s.Put(ctx, storetest.Synthetic(1)); err != nil {
		t.Fatalf("Put: %v", err)
	}
	s.Close()

	// A binary with one more migration upgrades it, keeping the data.
	s, err = open(ctx, path, Config{}, next)
	if err != nil {
		t.Fatalf("open with a newer schema: %v", err)
	}
	var x int
	if err := s.r.QueryRowContext(ctx, "SELECT x FROM test_upgrade").Scan(&x); err != nil || x != 42 {
		t.Errorf("after upgrade, test_upgrade.x = %d, %v; want 42", x, err)
	}
	if v, _ := s.Version(ctx); v != len(next) {
		t.Errorf("after upgrade, version %d; want %d", v, len(next))
	}
	if _, err := s.Get(ctx, "syn-1"); err != nil {
		t.Errorf("after upgrade, Get: %v", err)
	}
	s.Close()

	// The older binary refuses the newer database and leaves it alone.
	if _, err := open(ctx, path, Config{}, base); !errors.Is(err, store.ErrSchemaTooNew) {
		t.Errorf("open with an older schema: error = %v; want %v", err, store.ErrSchemaTooNew)
	}

	// A failing migration leaves the database as it was.
	if _, err := open(ctx, path, Config{}, broken); err == nil || !strings.Contains(err.Error(), "9999_broken.sql") {
		t.Errorf("open with a broken migration: error = %v; want one naming it", err)
	}
	s, err = open(ctx, path, Config{}, next)
	if err != nil {
		t.Fatalf("reopen after failed migration: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'oops'").Scan(&n); err != nil || n != 0 {
		t.Errorf("failed migration left table oops (count %d, %v)", n, err)
	}
	if v, _ := s.Version(ctx); v != len(next) {
		t.Errorf("after failed migration, version %d; want %d", v, len(next))
	}
}

func TestDateRange(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end string
		ok         bool
	}{
		{"2026-01-15", "2026-01-15", "2026-01-15", true},
		{"2026-01-15T10:30", "2026-01-15", "2026-01-15", true},
		{"2026-01", "2026-01-01", "2026-01-31", true},
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2026", "2026-01-01", "2026-12-31", true},
		{"2026-W01", "2025-12-29", "2026-01-04", true},
		{"2026-W11", "2026-03-09", "2026-03-15", true},
		{"2026-Q2", "2026-04-01", "2026-06-30", true},
		{"", "", "", false},
		{"PRESENT_REF", "", "", false},
		{"XXXX-01-15", "", "", false},
		{"2026-13", "", "", false},
		{"2026-02-30", "", "", false},
		{"2026-W60", "", "", false},
		{"2026-01-15x", "", "", false},
		{"0000", "", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			s, e, ok := dateRange(tc.in)
			if s != tc.start || e != tc.end || ok != tc.ok {
				t.Errorf("dateRange(%q) = %q, %q, %v; want %q, %q, %v", tc.in, s, e, ok, tc.start, tc.end, tc.ok)
			}
		})
	}
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		err      error
	}{
		{"border", `"border"`, nil},
		{"  withdraw   troops ", `"withdraw" "troops"`, nil},
		{`"Havana" AND (x OR`, `"Havana" "AND" "x" "OR"`, nil},
		{"U.S. official's", `"U" "S" "official" "s"`, nil},
		{"Bogotá", `"Bogotá"`, nil},
		{"caf\xe9", `"caf"`, nil},
		{"", "", store.ErrInvalid},
		{"*^-", "", store.ErrInvalid},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ftsQuery(tc.in)
			if got != tc.want || !errors.Is(err, tc.err) {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q, %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}

// FuzzSearch checks that whatever a user types as search words, the store
// either rejects it as ErrInvalid (no word in it) or runs it without an
// FTS5 syntax error.
func FuzzSearch(f *testing.F) {
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), Config{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(context.Background(), storetest.Synthetic(1)); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"border", `"Havana" AND (x OR`, "NEAR(a b, 3)", "col:word", "^start*", "caf\xe9", "-x +y", "U.S.", "ǅemal Ω"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := s.Events(context.Background(), store.EventFilter{Search: q})
		if err != nil && !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Events(Search %q): %v", q, err)
		}
		_, err = s.Documents(context.Background(), store.DocFilter{Search: q})
		if err != nil && !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Documents(Search %q): %v", q, err)
		}
	})
}

// TestTwoStoresOneFile opens the same file twice, as two processes would,
// and writes through both at once: the busy timeout and IMMEDIATE
// transactions make them take turns instead of failing.
func TestTwoStoresOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(ctx, path, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const n = 10
	errs := make(chan error, 2*n)
	var wg sync.WaitGroup
	for k, s := range []*Store{a, b} {
		wg.Go(func() {
			for i := range n {
				if _, err := s.Put(ctx, storetest.Synthetic(k*n+i)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, s := range []*Store{a, b} {
		docs, err := s.Documents(ctx, store.DocFilter{})
		if err != nil || len(docs) != 2*n {
			t.Errorf("Documents = %d, %v; want %d", len(docs), err, 2*n)
		}
	}
}
