package sqlite

import (
	"context"
	"database/sql"
)

// conn runs statements prepared once per store and kept in s.stmts:
// on the write connection inside tx when tx is set, else on the read
// connections. It serves the actor memory, whose many small statements
// would otherwise spend most of their time being parsed.
type conn struct {
	s  *Store
	tx *sql.Tx
}

func (c conn) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	db, key := c.s.r, "r:"+q
	if c.tx != nil {
		db, key = c.s.w, "w:"+q
	}
	if v, ok := c.s.stmts.Load(key); ok {
		st := v.(*sql.Stmt)
		if c.tx != nil {
			st = c.tx.StmtContext(ctx, st)
		}
		return st, nil
	}
	if c.tx != nil {
		// The one write connection is busy with tx: prepare the statement
		// within tx for now, and on the connection before the next
		// transaction (preparePending).
		c.s.stmts.Store("p:"+q, q)
		return c.tx.PrepareContext(ctx, q)
	}
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if v, loaded := c.s.stmts.LoadOrStore(key, st); loaded {
		st.Close()
		st = v.(*sql.Stmt)
	}
	if c.tx != nil {
		st = c.tx.StmtContext(ctx, st)
	}
	return st, nil
}

// QueryContext runs query q.
func (c conn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// ExecContext runs statement q.
func (c conn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// scanOne runs query q and scans its first row into dest; sql.ErrNoRows
// when there is none.
func (c conn) scanOne(ctx context.Context, q string, args []any, dest ...any) error {
	st, err := c.stmt(ctx, q)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

// preparePending prepares on the write connection the statements that a
// transaction had to prepare for itself; call it outside a transaction.
func (s *Store) preparePending(ctx context.Context) error {
	var err error
	s.stmts.Range(func(k, v any) bool {
		q, ok := v.(string)
		if !ok {
			return true
		}
		s.stmts.Delete(k)
		if _, ok := s.stmts.Load("w:" + q); ok {
			return true
		}
		var st *sql.Stmt
		if st, err = s.w.PrepareContext(ctx, q); err != nil {
			return false
		}
		if _, loaded := s.stmts.LoadOrStore("w:"+q, st); loaded {
			st.Close()
		}
		return true
	})
	return err
}

// closeStmts closes the statements conn prepared.
func (s *Store) closeStmts() {
	s.stmts.Range(func(k, v any) bool {
		if st, ok := v.(*sql.Stmt); ok {
			st.Close()
		}
		s.stmts.Delete(k)
		return true
	})
}
