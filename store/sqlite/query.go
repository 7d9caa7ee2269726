package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/store"
)

// snippetBytes is how much of a document's text Documents reads for
// DocSummary.Snippet.
const snippetBytes = 160

// Documents returns summaries of the documents matching f; see store.Store.
func (s *Store) Documents(ctx context.Context, f store.DocFilter) ([]store.DocSummary, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	if f.Source != "" {
		where = append(where, "d.source = ?")
		args = append(args, f.Source)
	}
	if !f.Since.IsZero() {
		where = append(where, "d.published_day >= ?")
		args = append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		where = append(where, "d.published_day <= ?")
		args = append(args, f.Until.Format(time.DateOnly))
	}
	if f.Search != "" {
		q, err := ftsQuery(f.Search)
		if err != nil {
			return nil, err
		}
		where = append(where, "d.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
		args = append(args, q)
	}
	// As in Events: choose, order and limit on keys, then read the rows kept.
	q := `WITH sel AS (SELECT d.pk, d.published_unix, d.id FROM documents d` + whereClause(where) +
		` ORDER BY (d.published_unix IS NULL), d.published_unix, d.id` + limitClause(f.Limit, f.Offset) + `)
		SELECT d.id, d.url, d.source, d.title, d.published, d.language, length(d.text),
		substr(d.text, 1, ` + fmt.Sprint(snippetBytes) + `), d.n_sentences, d.n_tokens, d.n_entities,
		d.n_events, d.n_problems FROM sel JOIN documents d ON d.pk = sel.pk
		ORDER BY (sel.published_unix IS NULL), sel.published_unix, sel.id`
	out := []store.DocSummary{}
	err := query(ctx, s.r, q, args, func(rows *sql.Rows) error {
		var ds store.DocSummary
		var url, published sql.NullString
		var head []byte
		if err := rows.Scan(&ds.ID, &url, &ds.Source, &ds.Title, &published, &ds.Language, &ds.Bytes, &head,
			&ds.Sentences, &ds.Tokens, &ds.Entities, &ds.Events, &ds.Problems); err != nil {
			return err
		}
		ds.URL = url.String
		if published.Valid {
			t, err := time.Parse(time.RFC3339Nano, published.String)
			if err != nil {
				return fmt.Errorf("document %s published: %w", ds.ID, err)
			}
			ds.Published = t
		}
		ds.Snippet = snippet(head, ds.Bytes > len(head))
		out = append(out, ds)
		return nil
	})
	if err != nil {
		return nil, wrap(ctx, "documents", err)
	}
	return out, nil
}

// snippet turns the first bytes of a text into one line of whole words:
// white space collapsed, a word cut by the byte limit dropped, invalid
// UTF-8 replaced.
func snippet(head []byte, cut bool) string {
	s := string(head)
	if cut {
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i > 0 {
			s = s[:i]
		}
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Join(strings.Fields(s), " ")
	if cut {
		s += " …"
	}
	return s
}

// Events returns the events matching f; see store.Store.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	eq := func(col, v string) {
		if v != "" {
			where = append(where, col+" = ?")
			args = append(args, v)
		}
	}
	eq("ev.plover", f.Plover)
	eq("ev.modality", f.Modality)
	eq("ev.doc_id", f.DocID)
	if f.CAMEO != "" {
		for i := 0; i < len(f.CAMEO); i++ {
			if c := f.CAMEO[i]; c < '0' || c > '9' {
				return nil, fmt.Errorf("sqlite: events: %w: CAMEO prefix %q is not digits", store.ErrInvalid, f.CAMEO)
			}
		}
		// Codes starting with p sort from p up to, not including, p with
		// its last digit raised by one (":" follows "9" in ASCII).
		next := f.CAMEO[:len(f.CAMEO)-1] + string(f.CAMEO[len(f.CAMEO)-1]+1)
		where = append(where, "ev.cameo >= ? AND ev.cameo < ?")
		args = append(args, f.CAMEO, next)
	}
	party := func(side string, country, sector string) {
		var cond []string
		if country != "" {
			cond = append(cond, "en.actor_country = ?")
			args = append(args, country)
		}
		if sector != "" {
			cond = append(cond, "en.actor_sector = ?")
			args = append(args, sector)
		}
		if len(cond) == 0 {
			return
		}
		if side != "" {
			cond = append(cond, "a.side = "+side)
		}
		where = append(where, `ev.pk IN (SELECT a.event FROM entities en JOIN event_actors a
			ON a.doc = en.doc AND a.entity_id = en.id WHERE `+strings.Join(cond, " AND ")+`)`)
	}
	party("0", f.ActorCountry, f.ActorSector)
	party("1", f.RecipientCountry, f.RecipientSector)
	party("", f.Country, f.Sector)
	if f.Entity != "" {
		where = append(where, `ev.pk IN (SELECT a.event FROM entities en JOIN event_actors a
			ON a.doc = en.doc AND a.entity_id = en.id WHERE en.name = ?)`)
		args = append(args, f.Entity)
	}
	if !f.Since.IsZero() {
		where = append(where, "ev.date_end >= ?")
		args = append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		where = append(where, "ev.date_start <= ?")
		args = append(args, f.Until.Format(time.DateOnly))
	}
	if f.Search != "" {
		q, err := ftsQuery(f.Search)
		if err != nil {
			return nil, err
		}
		where = append(where, "ev.pk IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
		args = append(args, q)
	}
	// spanText cuts a span from the text as doc.Document.Slice does: ""
	// for a span outside the text.
	spanText := func(start, end string) string {
		return `CASE WHEN ` + start + ` >= 0 AND ` + start + ` <= ` + end + ` AND ` + end + ` <= length(d.text)
			THEN substr(d.text, ` + start + ` + 1, ` + end + ` - ` + start + `) ELSE x'' END`
	}
	// The matching events are chosen, ordered and cut to the limit on
	// their keys alone; only the rows kept are joined to their text.
	q := `WITH sel AS (SELECT ev.pk, ev.date_start, ev.doc_id, ev.seq FROM events ev` + whereClause(where) +
		` ORDER BY (ev.date_start IS NULL), ev.date_start, ev.doc_id, ev.seq` + limitClause(f.Limit, f.Offset) + `)
		SELECT ev.pk, d.id, d.url, d.title, d.source, d.published, ev.id, ev.plover, ev.mode, ev.context,
		ev.cameo, ev.quad_class, ev.goldstein, ev.date, ev.date_precision, ev.loc_name, ev.loc_country,
		ev.loc_lat, ev.loc_lon, ev.modality, ev.attributed_to, at.name,
		ev.evidence_start, ev.evidence_end, ` + spanText("ev.evidence_start", "ev.evidence_end") + `,
		ev.trigger_start, ev.trigger_end, ` + spanText("ev.trigger_start", "ev.trigger_end") + `, ev.rule
		FROM sel JOIN events ev ON ev.pk = sel.pk JOIN documents d ON d.pk = ev.doc
		LEFT JOIN entities at ON at.doc = ev.doc AND at.id = ev.attributed_to
		ORDER BY (sel.date_start IS NULL), sel.date_start, sel.doc_id, sel.seq`

	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, wrap(ctx, "events", err)
	}
	defer tx.Rollback()
	out := []store.EventRow{}
	var pks []int64
	err = query(ctx, tx, q, args, func(rows *sql.Rows) error {
		var e store.EventRow
		var pk int64
		var url, published, cj, ln, lc, atName sql.NullString
		var llat, llon sql.NullFloat64
		var ev, tr []byte
		if err := rows.Scan(&pk, &e.DocID, &url, &e.Title, &e.Source, &published, &e.EventID, &e.Plover, &e.Mode,
			&cj, &e.CAMEO, &e.QuadClass, &e.Goldstein, &e.Date, &e.DatePrecision, &ln, &lc, &llat, &llon,
			&e.Modality, &e.AttributedTo, &atName, &e.Evidence.Start, &e.Evidence.End, &ev,
			&e.Trigger.Start, &e.Trigger.End, &tr, &e.Rule); err != nil {
			return err
		}
		e.URL, e.AttributedName = url.String, atName.String
		e.EvidenceText, e.TriggerText = string(ev), string(tr)
		if published.Valid {
			t, err := time.Parse(time.RFC3339Nano, published.String)
			if err != nil {
				return fmt.Errorf("document %s published: %w", e.DocID, err)
			}
			e.Published = t
		}
		if cj.Valid {
			if err := json.Unmarshal([]byte(cj.String), &e.Context); err != nil {
				return fmt.Errorf("event %s context: %w", e.EventID, err)
			}
		}
		if ln.Valid {
			e.Location = &doc.Location{Name: ln.String, Country: lc.String, Lat: llat.Float64, Lon: llon.Float64}
		}
		out = append(out, e)
		pks = append(pks, pk)
		return nil
	})
	if err != nil {
		return nil, wrap(ctx, "events", err)
	}
	if err := parties(ctx, tx, pks, out); err != nil {
		return nil, wrap(ctx, "events", err)
	}
	return out, nil
}

// parties fills the actors and recipients of rows, whose event keys are pks.
func parties(ctx context.Context, tx *sql.Tx, pks []int64, rows []store.EventRow) error {
	at := make(map[int64]int, len(pks))
	for i, pk := range pks {
		at[pk] = i
	}
	const chunk = 500
	for len(pks) > 0 {
		n := min(chunk, len(pks))
		args := make([]any, n)
		for i, pk := range pks[:n] {
			args[i] = pk
		}
		pks = pks[n:]
		q := `SELECT a.event, a.side, a.entity_id, en.name, en.type, en.actor_country, en.actor_sector, en.actor_code
			FROM event_actors a LEFT JOIN entities en ON en.doc = a.doc AND en.id = a.entity_id
			WHERE a.event IN (?` + strings.Repeat(",?", n-1) + `) ORDER BY a.event, a.side, a.seq`
		err := query(ctx, tx, q, args, func(r *sql.Rows) error {
			var pk int64
			var side int
			var p store.Party
			var name, typ, country, sector, code sql.NullString
			if err := r.Scan(&pk, &side, &p.ID, &name, &typ, &country, &sector, &code); err != nil {
				return err
			}
			p.Name, p.Type, p.Country, p.Sector, p.Code = name.String, typ.String, country.String, sector.String, code.String
			e := &rows[at[pk]]
			if side == 0 {
				e.Actors = append(e.Actors, p)
			} else {
				e.Recipients = append(e.Recipients, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

func limitClause(limit, offset int) string {
	switch {
	case limit > 0 && offset > 0:
		return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
	case limit > 0:
		return fmt.Sprintf(" LIMIT %d", limit)
	case offset > 0:
		return fmt.Sprintf(" LIMIT -1 OFFSET %d", offset)
	}
	return ""
}

// ftsQuery turns words typed by a user into an FTS5 query that requires
// every word: each run of letters and digits becomes a quoted term, so no
// character can be read as FTS5 syntax. It returns an error wrapping
// store.ErrInvalid when s holds no word.
func ftsQuery(s string) (string, error) {
	var b strings.Builder
	word := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if !word {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteByte('"')
				word = true
			}
			b.WriteRune(r)
			continue
		}
		if word {
			b.WriteByte('"')
			word = false
		}
	}
	if word {
		b.WriteByte('"')
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("sqlite: search %q: %w: no word to search for", s, store.ErrInvalid)
	}
	return b.String(), nil
}
