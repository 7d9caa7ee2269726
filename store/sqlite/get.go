package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"sitrep/doc"
	"sitrep/store"
)

// Get returns the document stored under id; see store.Store.
func (s *Store) Get(ctx context.Context, id string) (*doc.Document, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	// One read transaction: every layer from the same snapshot.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, wrap(ctx, "get "+id, err)
	}
	defer tx.Rollback()
	d, err := get(ctx, tx, id)
	if err != nil {
		return nil, wrap(ctx, "get "+id, err)
	}
	return d, nil
}

func get(ctx context.Context, tx *sql.Tx, id string) (*doc.Document, error) {
	var (
		pk        int64
		url       sql.NullString
		published sql.NullString
		text      []byte
		layers    []byte
	)
	d := &doc.Document{ID: id}
	err := tx.QueryRowContext(ctx, `SELECT pk, url, source, title, published, language, text, layers
		FROM documents WHERE id = ?`, id).Scan(&pk, &url, &d.Source, &d.Title, &published, &d.Language, &text, &layers)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	d.URL, d.Text = url.String, string(text)
	if published.Valid {
		if d.Published, err = time.Parse(time.RFC3339Nano, published.String); err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
	}
	if d.Sentences, d.Tokens, err = decodeLayers(layers); err != nil {
		return nil, err
	}

	// Entities, then their mentions in entity order.
	err = query(ctx, tx, `SELECT id, type, name, actor_country, actor_sector, actor_code, place_name,
		place_country, place_lat, place_lon, place_feature, place_id FROM entities WHERE doc = ? ORDER BY seq`,
		[]any{pk}, func(rows *sql.Rows) error {
			var e doc.Entity
			var ac, as, acode, pn, pc, pf, pid sql.NullString
			var plat, plon sql.NullFloat64
			if err := rows.Scan(&e.ID, &e.Type, &e.Name, &ac, &as, &acode, &pn, &pc, &plat, &plon, &pf, &pid); err != nil {
				return err
			}
			if ac.Valid {
				e.Actor = &doc.Actor{Country: ac.String, Sector: as.String, Code: acode.String}
			}
			if pn.Valid {
				e.Place = &doc.Place{Name: pn.String, Country: pc.String, Lat: plat.Float64, Lon: plon.Float64, Feature: pf.String, ID: pid.String}
			}
			d.Entities = append(d.Entities, e)
			return nil
		})
	if err != nil {
		return nil, err
	}
	if len(d.Entities) > 0 {
		err = query(ctx, tx, `SELECT e.seq, m.span_start, m.span_end, m.kind FROM mentions m
			JOIN entities e ON e.pk = m.entity WHERE e.doc = ? ORDER BY e.seq, m.seq`,
			[]any{pk}, func(rows *sql.Rows) error {
				var i int
				var m doc.Mention
				if err := rows.Scan(&i, &m.Start, &m.End, &m.Kind); err != nil {
					return err
				}
				if i < 0 || i >= len(d.Entities) {
					return fmt.Errorf("mention of entity %d out of range", i)
				}
				d.Entities[i].Mentions = append(d.Entities[i].Mentions, m)
				return nil
			})
		if err != nil {
			return nil, err
		}
	}

	err = query(ctx, tx, `SELECT span_start, span_end, type, value FROM times WHERE doc = ? ORDER BY seq`,
		[]any{pk}, func(rows *sql.Rows) error {
			var t doc.Time
			if err := rows.Scan(&t.Start, &t.End, &t.Type, &t.Value); err != nil {
				return err
			}
			d.Times = append(d.Times, t)
			return nil
		})
	if err != nil {
		return nil, err
	}

	err = query(ctx, tx, `SELECT span_start, span_end, cue_start, cue_end, speaker, speaker_start, speaker_end,
		anonymous, direct FROM quotes WHERE doc = ? ORDER BY seq`,
		[]any{pk}, func(rows *sql.Rows) error {
			var q doc.Quote
			var ss, se sql.NullInt64
			if err := rows.Scan(&q.Start, &q.End, &q.Cue.Start, &q.Cue.End, &q.Speaker, &ss, &se, &q.Anonymous, &q.Direct); err != nil {
				return err
			}
			if ss.Valid {
				q.SpeakerSpan = &doc.Span{Start: int(ss.Int64), End: int(se.Int64)}
			}
			d.Quotes = append(d.Quotes, q)
			return nil
		})
	if err != nil {
		return nil, err
	}

	err = query(ctx, tx, `SELECT stage, span_start, span_end, msg FROM problems WHERE doc = ? ORDER BY seq`,
		[]any{pk}, func(rows *sql.Rows) error {
			var p doc.Problem
			if err := rows.Scan(&p.Stage, &p.Span.Start, &p.Span.End, &p.Msg); err != nil {
				return err
			}
			d.Problems = append(d.Problems, p)
			return nil
		})
	if err != nil {
		return nil, err
	}

	err = query(ctx, tx, `SELECT id, plover, mode, context, cameo, quad_class, goldstein, date, date_precision,
		date_source, loc_name, loc_country, loc_lat, loc_lon, modality, attributed_to, evidence_start,
		evidence_end, trigger_start, trigger_end, rule FROM events WHERE doc = ? ORDER BY seq`,
		[]any{pk}, func(rows *sql.Rows) error {
			var e doc.Event
			var cj, ln, lc sql.NullString
			var llat, llon sql.NullFloat64
			if err := rows.Scan(&e.ID, &e.Plover, &e.Mode, &cj, &e.CAMEO, &e.QuadClass, &e.Goldstein, &e.Date,
				&e.DatePrecision, &e.DateSource, &ln, &lc, &llat, &llon, &e.Modality, &e.AttributedTo,
				&e.Evidence.Start, &e.Evidence.End, &e.Trigger.Start, &e.Trigger.End, &e.Rule); err != nil {
				return err
			}
			if cj.Valid {
				if err := json.Unmarshal([]byte(cj.String), &e.Context); err != nil {
					return fmt.Errorf("event %s context: %w", e.ID, err)
				}
			}
			if ln.Valid {
				e.Location = &doc.Location{Name: ln.String, Country: lc.String, Lat: llat.Float64, Lon: llon.Float64}
			}
			d.Events = append(d.Events, e)
			return nil
		})
	if err != nil {
		return nil, err
	}
	if len(d.Events) > 0 {
		err = query(ctx, tx, `SELECT e.seq, a.side, a.entity_id FROM event_actors a JOIN events e ON e.pk = a.event
			WHERE e.doc = ? ORDER BY e.seq, a.side, a.seq`,
			[]any{pk}, func(rows *sql.Rows) error {
				var i, side int
				var id string
				if err := rows.Scan(&i, &side, &id); err != nil {
					return err
				}
				if i < 0 || i >= len(d.Events) {
					return fmt.Errorf("actor of event %d out of range", i)
				}
				e := &d.Events[i]
				if side == 0 {
					e.Actors = append(e.Actors, id)
				} else {
					e.Recipients = append(e.Recipients, id)
				}
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// querier is what query needs of a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// query runs q and calls row for each result row, stopping at the first
// error.
func query(ctx context.Context, db querier, q string, args []any, row func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}
