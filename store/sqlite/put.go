package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/store"
)

// batchBits sets the largest multi-row insert: 1<<batchBits rows.
const batchBits = 6

// table inserts rows into one table with multi-row INSERT statements
// prepared once for 1, 2, 4, ... 1<<batchBits rows, so that n rows take
// at most a few statements.
type table struct {
	cols  int
	stmts [batchBits + 1]*sql.Stmt
}

func (s *Store) prepareTable(ctx context.Context, name string, cols ...string) (*table, error) {
	t := &table{cols: len(cols)}
	row := "(?" + strings.Repeat(",?", len(cols)-1) + ")"
	for k := range t.stmts {
		q := "INSERT INTO " + name + " (" + strings.Join(cols, ", ") + ") VALUES " +
			row + strings.Repeat(","+row, (1<<k)-1)
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		t.stmts[k] = st
	}
	return t, nil
}

// insert inserts the rows whose values are laid end to end in args.
func (t *table) insert(ctx context.Context, tx *sql.Tx, args []any) error {
	for rows := len(args) / t.cols; rows > 0; {
		k := min(batchBits, bits.Len(uint(rows))-1)
		n := 1 << k
		if _, err := tx.StmtContext(ctx, t.stmts[k]).ExecContext(ctx, args[:n*t.cols]...); err != nil {
			return err
		}
		args, rows = args[n*t.cols:], rows-n
	}
	return nil
}

func (t *table) close() {
	for _, st := range t.stmts {
		if st != nil {
			st.Close()
		}
	}
}

// putStmts are the statements Put runs, prepared once on the write
// connection.
type putStmts struct {
	find, doc, docFTS, maxEntity, maxEvent   *sql.Stmt
	entities, mentions, times, quotes        *table
	problems, events, eventActors, eventsFTS *table
}

func (s *Store) prepare(ctx context.Context) error {
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.find, `SELECT id, url IS ? AND url IS NOT NULL, content_hash = ? FROM documents
			WHERE id = ? OR content_hash = ? OR url = ?`},
		{&s.doc, `INSERT INTO documents (id, url, content_hash, source, title, published,
			published_unix, published_day, language, text, layers, n_sentences, n_tokens,
			n_entities, n_events, n_problems, ingested)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&s.docFTS, `INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)`},
		{&s.maxEntity, `SELECT coalesce(max(pk), 0) FROM entities`},
		{&s.maxEvent, `SELECT coalesce(max(pk), 0) FROM events`},
	} {
		st, err := s.w.PrepareContext(ctx, p.sql)
		if err != nil {
			return err
		}
		*p.dst = st
	}
	for _, t := range []struct {
		dst  **table
		name string
		cols []string
	}{
		{&s.entities, "entities", []string{"pk", "doc", "seq", "id", "type", "name", "actor_country", "actor_sector",
			"actor_code", "place_name", "place_country", "place_lat", "place_lon", "place_feature", "place_id"}},
		{&s.mentions, "mentions", []string{"entity", "seq", "span_start", "span_end", "kind"}},
		{&s.times, "times", []string{"doc", "seq", "span_start", "span_end", "type", "value"}},
		{&s.quotes, "quotes", []string{"doc", "seq", "span_start", "span_end", "cue_start", "cue_end", "speaker",
			"speaker_start", "speaker_end", "anonymous", "direct"}},
		{&s.problems, "problems", []string{"doc", "seq", "stage", "span_start", "span_end", "msg"}},
		{&s.events, "events", []string{"pk", "doc", "seq", "doc_id", "id", "plover", "mode", "context", "cameo", "quad_class",
			"goldstein", "date", "date_precision", "date_source", "date_start", "date_end", "loc_name",
			"loc_country", "loc_lat", "loc_lon", "modality", "attributed_to", "evidence_start", "evidence_end",
			"trigger_start", "trigger_end", "rule"}},
		{&s.eventActors, "event_actors", []string{"event", "side", "seq", "doc", "entity_id"}},
		{&s.eventsFTS, "events_fts", []string{"rowid", "evidence"}},
	} {
		tb, err := s.prepareTable(ctx, t.name, t.cols...)
		if err != nil {
			return err
		}
		*t.dst = tb
	}
	return nil
}

func (p *putStmts) close() {
	for _, st := range []*sql.Stmt{p.find, p.doc, p.docFTS, p.maxEntity, p.maxEvent} {
		if st != nil {
			st.Close()
		}
	}
	for _, t := range []*table{p.entities, p.mentions, p.times, p.quotes, p.problems, p.events, p.eventActors, p.eventsFTS} {
		if t != nil {
			t.close()
		}
	}
}

// Put stores d with every layer in one transaction; see store.Store.
func (s *Store) Put(ctx context.Context, d *doc.Document) (store.PutResult, error) {
	if err := s.check(); err != nil {
		return store.PutResult{}, err
	}
	if err := validate(d); err != nil {
		return store.PutResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return store.PutResult{}, wrap(ctx, "put "+d.ID, err)
	}
	hash := sha256.Sum256([]byte(d.Text))
	layers := encodeLayers(nil, d.Sentences, d.Tokens)

	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return store.PutResult{}, wrap(ctx, "put "+d.ID, err)
	}
	defer tx.Rollback()
	res, err := s.put(ctx, tx, d, hash[:], layers)
	if err != nil {
		return store.PutResult{}, wrap(ctx, "put "+d.ID, err)
	}
	if res.Duplicate {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return store.PutResult{}, wrap(ctx, "put "+d.ID, err)
	}
	return res, nil
}

// validate rejects what cannot be stored faithfully.
func validate(d *doc.Document) error {
	if d == nil {
		return fmt.Errorf("sqlite: put: %w: nil document", store.ErrInvalid)
	}
	if d.ID == "" {
		return fmt.Errorf("sqlite: put: %w: document has no id", store.ErrInvalid)
	}
	if y := d.Published.Year(); !d.Published.IsZero() && (y < 1 || y > 9999) {
		return fmt.Errorf("sqlite: put %s: %w: publication year %d outside 1..9999", d.ID, store.ErrInvalid, y)
	}
	seen := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		if seen[e.ID] {
			return fmt.Errorf("sqlite: put %s: %w: two entities with id %q", d.ID, store.ErrInvalid, e.ID)
		}
		seen[e.ID] = true
		if p := e.Place; p != nil && !(finite(p.Lat) && finite(p.Lon)) {
			return fmt.Errorf("sqlite: put %s: %w: entity %s has a place at %v, %v", d.ID, store.ErrInvalid, e.ID, p.Lat, p.Lon)
		}
	}
	for _, e := range d.Events {
		if !finite(e.Goldstein) {
			return fmt.Errorf("sqlite: put %s: %w: event %s has Goldstein score %v", d.ID, store.ErrInvalid, e.ID, e.Goldstein)
		}
		if l := e.Location; l != nil && !(finite(l.Lat) && finite(l.Lon)) {
			return fmt.Errorf("sqlite: put %s: %w: event %s has a location at %v, %v", d.ID, store.ErrInvalid, e.ID, l.Lat, l.Lon)
		}
	}
	return nil
}

// finite reports whether f is neither NaN nor infinite: SQLite cannot keep
// such values (NaN becomes NULL).
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func (s *Store) put(ctx context.Context, tx *sql.Tx, d *doc.Document, hash, layers []byte) (store.PutResult, error) {
	st := func(p *sql.Stmt) *sql.Stmt { return tx.StmtContext(ctx, p) }
	url := nullString(d.URL)

	rows, err := st(s.find).QueryContext(ctx, url, hash, d.ID, hash, url)
	if err != nil {
		return store.PutResult{}, err
	}
	var conflict bool
	for rows.Next() {
		var id string
		var sameURL, sameText bool
		if err := rows.Scan(&id, &sameURL, &sameText); err != nil {
			rows.Close()
			return store.PutResult{}, err
		}
		if sameURL || sameText {
			rows.Close()
			return store.PutResult{ID: id, Duplicate: true}, nil
		}
		conflict = true
	}
	if err := rows.Close(); err != nil {
		return store.PutResult{}, err
	}
	if err := rows.Err(); err != nil {
		return store.PutResult{}, err
	}
	if conflict {
		return store.PutResult{}, fmt.Errorf("%w: %q", store.ErrConflict, d.ID)
	}

	var published, day sql.NullString
	var unix sql.NullInt64
	if !d.Published.IsZero() {
		published = sql.NullString{String: d.Published.Format(time.RFC3339Nano), Valid: true}
		day = sql.NullString{String: d.Published.Format(time.DateOnly), Valid: true}
		unix = sql.NullInt64{Int64: d.Published.Unix(), Valid: true}
	}
	r, err := st(s.doc).ExecContext(ctx, d.ID, url, hash, d.Source, d.Title, published, unix, day,
		d.Language, []byte(d.Text), layers, len(d.Sentences), len(d.Tokens), len(d.Entities),
		len(d.Events), len(d.Problems), time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return store.PutResult{}, err
	}
	dpk, err := r.LastInsertId()
	if err != nil {
		return store.PutResult{}, err
	}
	if _, err := st(s.docFTS).ExecContext(ctx, dpk, ftsText(d.Title), ftsText(d.Text)); err != nil {
		return store.PutResult{}, err
	}

	// Entities and events get their keys here, after the largest in use:
	// the transaction holds the write lock, so nobody else takes them.
	var entBase, evBase int64
	if err := st(s.maxEntity).QueryRowContext(ctx).Scan(&entBase); err != nil {
		return store.PutResult{}, err
	}
	if err := st(s.maxEvent).QueryRowContext(ctx).Scan(&evBase); err != nil {
		return store.PutResult{}, err
	}

	var args, more []any
	flush := func(t *table) error {
		err := t.insert(ctx, tx, args)
		args = args[:0]
		return err
	}
	for i, e := range d.Entities {
		var ac, as, acode, pn, pc, pf, pid sql.NullString
		var plat, plon sql.NullFloat64
		if a := e.Actor; a != nil {
			ac, as, acode = validString(a.Country), validString(a.Sector), validString(a.Code)
		}
		if p := e.Place; p != nil {
			pn, pc, pf, pid = validString(p.Name), validString(p.Country), validString(p.Feature), validString(p.ID)
			plat, plon = sql.NullFloat64{Float64: p.Lat, Valid: true}, sql.NullFloat64{Float64: p.Lon, Valid: true}
		}
		epk := entBase + 1 + int64(i)
		args = append(args, epk, dpk, i, e.ID, e.Type, e.Name, ac, as, acode, pn, pc, plat, plon, pf, pid)
		for j, m := range e.Mentions {
			more = append(more, epk, j, m.Start, m.End, m.Kind)
		}
	}
	if err := flush(s.entities); err != nil {
		return store.PutResult{}, err
	}
	args, more = more, args
	if err := flush(s.mentions); err != nil {
		return store.PutResult{}, err
	}
	for i, t := range d.Times {
		args = append(args, dpk, i, t.Start, t.End, t.Type, t.Value)
	}
	if err := flush(s.times); err != nil {
		return store.PutResult{}, err
	}
	for i, q := range d.Quotes {
		var ss, se sql.NullInt64
		if q.SpeakerSpan != nil {
			ss = sql.NullInt64{Int64: int64(q.SpeakerSpan.Start), Valid: true}
			se = sql.NullInt64{Int64: int64(q.SpeakerSpan.End), Valid: true}
		}
		args = append(args, dpk, i, q.Start, q.End, q.Cue.Start, q.Cue.End, q.Speaker, ss, se, q.Anonymous, q.Direct)
	}
	if err := flush(s.quotes); err != nil {
		return store.PutResult{}, err
	}
	for i, p := range d.Problems {
		args = append(args, dpk, i, p.Stage, p.Span.Start, p.Span.End, p.Msg)
	}
	if err := flush(s.problems); err != nil {
		return store.PutResult{}, err
	}

	more = more[:0]
	var fts []any
	for i, e := range d.Events {
		var ctxJSON sql.NullString
		if len(e.Context) > 0 {
			b, err := json.Marshal(e.Context)
			if err != nil {
				return store.PutResult{}, err
			}
			ctxJSON = sql.NullString{String: string(b), Valid: true}
		}
		var ln, lc sql.NullString
		var llat, llon sql.NullFloat64
		if l := e.Location; l != nil {
			ln, lc = validString(l.Name), validString(l.Country)
			llat, llon = sql.NullFloat64{Float64: l.Lat, Valid: true}, sql.NullFloat64{Float64: l.Lon, Valid: true}
		}
		start, end, ok := dateRange(e.Date)
		if !ok && day.Valid {
			start, end, ok = day.String, day.String, true
		}
		var ds, de sql.NullString
		if ok {
			ds, de = validString(start), validString(end)
		}
		epk := evBase + 1 + int64(i)
		args = append(args, epk, dpk, i, d.ID, e.ID, e.Plover, e.Mode, ctxJSON, e.CAMEO, e.QuadClass,
			e.Goldstein, e.Date, e.DatePrecision, e.DateSource, ds, de, ln, lc, llat, llon,
			e.Modality, e.AttributedTo, e.Evidence.Start, e.Evidence.End, e.Trigger.Start,
			e.Trigger.End, e.Rule)
		for side, ids := range [2][]string{e.Actors, e.Recipients} {
			for j, id := range ids {
				more = append(more, epk, side, j, dpk, id)
			}
		}
		if ev := d.Slice(e.Evidence); ev != "" {
			fts = append(fts, epk, ftsText(ev))
		}
	}
	if err := flush(s.events); err != nil {
		return store.PutResult{}, err
	}
	if err := s.eventActors.insert(ctx, tx, more); err != nil {
		return store.PutResult{}, err
	}
	if err := s.eventsFTS.insert(ctx, tx, fts); err != nil {
		return store.PutResult{}, err
	}
	return store.PutResult{ID: d.ID}, nil
}

func nullString(s string) sql.NullString  { return sql.NullString{String: s, Valid: s != ""} }
func validString(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

// ftsText is s made valid UTF-8 for the full-text tokenizer; invalid bytes
// become spaces, so they split words rather than join them.
func ftsText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, " ")
}

// dateRange returns the first and last calendar day (YYYY-MM-DD) covered
// by a TimeML-style date value: a day ("2026-01-15", time of day ignored),
// an ISO week ("2026-W03"), a month ("2026-01"), a quarter ("2026-Q1") or a
// year ("2026"). ok is false for anything else ("", "PRESENT_REF", "XXXX-01").
func dateRange(v string) (start, end string, ok bool) {
	digits := func(s string) (int, bool) {
		n := 0
		if s == "" {
			return 0, false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	if len(v) < 4 {
		return "", "", false
	}
	y, ok := digits(v[:4])
	if !ok || y < 1 {
		return "", "", false
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	rest := v[4:]
	switch {
	case rest == "":
		return day(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), day(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)), true
	case len(rest) == 4 && rest[:2] == "-W":
		w, ok := digits(rest[2:])
		if !ok || w < 1 || w > 53 {
			return "", "", false
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return day(monday), day(monday.AddDate(0, 0, 6)), true
	case len(rest) == 3 && rest[:2] == "-Q":
		q, ok := digits(rest[2:])
		if !ok || q < 1 || q > 4 {
			return "", "", false
		}
		first := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return day(first), day(first.AddDate(0, 3, -1)), true
	case len(rest) == 3 && rest[0] == '-':
		m, ok := digits(rest[1:])
		if !ok || m < 1 || m > 12 {
			return "", "", false
		}
		first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return day(first), day(first.AddDate(0, 1, -1)), true
	case len(rest) >= 6 && rest[0] == '-' && rest[3] == '-':
		t, err := time.Parse(time.DateOnly, v[:10])
		if err != nil || (len(v) > 10 && v[10] != 'T' && v[10] != ' ') {
			return "", "", false
		}
		return day(t), day(t), true
	}
	return "", "", false
}
