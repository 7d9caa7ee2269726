package sqlite

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"sitrep/doc"
	"sitrep/store"
)

// PutMany stores docs in one transaction, each as Put would on its own,
// within a savepoint; see store.Store.
func (s *Store) PutMany(ctx context.Context, docs []*doc.Document) ([]store.PutResult, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, wrap(ctx, "put many", err)
	}
	results := make([]store.PutResult, len(docs))
	if len(docs) == 0 {
		return results, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap(ctx, "put many", err)
	}
	defer tx.Rollback()
	var layers []byte
	for i, d := range docs {
		if err := validate(d); err != nil {
			results[i].Err = err
			continue
		}
		hash := sha256.Sum256([]byte(d.Text))
		layers = encodeLayers(layers[:0], d.Sentences, d.Tokens)
		if _, err := tx.ExecContext(ctx, "SAVEPOINT doc"); err != nil {
			return nil, wrap(ctx, "put many", err)
		}
		res, err := s.put(ctx, tx, d, hash[:], layers)
		if err != nil {
			if ctx.Err() != nil {
				return nil, wrap(ctx, "put many", err)
			}
			if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO doc"); rerr != nil {
				return nil, wrap(ctx, "put many", errors.Join(err, rerr))
			}
			res = store.PutResult{Err: wrap(ctx, "put "+d.ID, err)}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE doc"); err != nil {
			return nil, wrap(ctx, "put many", err)
		}
		results[i] = res
	}
	if err := tx.Commit(); err != nil {
		return nil, wrap(ctx, fmt.Sprintf("put many (%d documents)", len(docs)), err)
	}
	return results, nil
}
