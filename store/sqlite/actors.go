package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/store"
)

// maxEvidenceBytes caps the evidence text kept for one fact.
const maxEvidenceBytes = 400

// roleWindowDays is how far from the date asked a role phrase's holder
// must have been seen in it for Recall to name them.
const roleWindowDays = 180

// dayOf returns t's calendar day in its own zone as YYYY-MM-DD, or NULL
// for the zero time.
func dayOf(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.DateOnly)
}

// parseDay reads a nullable YYYY-MM-DD column; NULL is the zero time.
func parseDay(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

// cutText returns s cut to at most n bytes at a rune boundary.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Remember records facts in one transaction; see store.ActorMemory.
func (s *Store) Remember(ctx context.Context, facts []store.ActorFact) error {
	if err := s.check(); err != nil {
		return err
	}
	if len(facts) == 0 {
		return nil
	}
	for i := range facts {
		f := &facts[i]
		switch {
		case f.DocID == "":
			return fmt.Errorf("sqlite: remember: %w: fact %d has no document id", store.ErrInvalid, i)
		case store.NameKey(f.Name) == "":
			return fmt.Errorf("sqlite: remember: %w: fact %d (document %s) has no name", store.ErrInvalid, i, f.DocID)
		case f.Type == "":
			return fmt.Errorf("sqlite: remember: %w: fact %d (document %s) has no type", store.ErrInvalid, i, f.DocID)
		}
		if y := f.Seen.Year(); !f.Seen.IsZero() && (y < 1 || y > 9999) {
			return fmt.Errorf("sqlite: remember: %w: fact %d (document %s) seen in year %d", store.ErrInvalid, i, f.DocID, y)
		}
	}
	if err := ctx.Err(); err != nil {
		return wrap(ctx, "remember", err)
	}
	if err := s.preparePending(ctx); err != nil {
		return wrap(ctx, "remember", err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return wrap(ctx, "remember", err)
	}
	defer tx.Rollback()
	c := conn{s: s, tx: tx}
	for i := range facts {
		if err := rememberOne(ctx, c, &facts[i]); err != nil {
			return wrap(ctx, "remember "+facts[i].DocID, err)
		}
	}
	return wrap(ctx, "remember", tx.Commit())
}

// roleRow is one row of actor_roles as Remember and Recall read it.
type roleRow struct {
	pk                          int64
	country, sector, code, role string
	key                         string
	first, last                 sql.NullString
	docs                        int
}

// same reports whether r may be the role of country, sector and role
// key: an unknown country (empty) fits any, since a text that does not
// say the country does not say another one.
func (r *roleRow) same(country, sector, key string) bool {
	return (r.country == "" || country == "" || strings.EqualFold(r.country, country)) &&
		strings.EqualFold(r.sector, sector) && r.key == key
}

// readRoles returns the roles of actor, with role key rk when rk is not
// empty.
func readRoles(ctx context.Context, db querier, actor int64, rk string) ([]roleRow, error) {
	q := `SELECT pk, country, sector, code, role, role_key, first_seen, last_seen, n_docs
		FROM actor_roles WHERE actor = ?`
	args := []any{actor}
	if rk != "" {
		q += ` AND role_key = ?`
		args = append(args, rk)
	}
	q += ` ORDER BY pk`
	var out []roleRow
	err := query(ctx, db, q, args, func(rows *sql.Rows) error {
		var r roleRow
		if err := rows.Scan(&r.pk, &r.country, &r.sector, &r.code, &r.role, &r.key, &r.first, &r.last, &r.docs); err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// findActor returns the actor a fact belongs to, or 0 when none yet.
func findActor(ctx context.Context, c conn, f *store.ActorFact, key string) (int64, error) {
	var pk int64
	err := c.scanOne(ctx, `SELECT pk FROM actors WHERE name_key = ? AND type = ?`, []any{key, f.Type}, &pk)
	if err != sql.ErrNoRows {
		return pk, err
	}
	if f.Type != doc.Person || strings.Contains(key, " ") {
		return 0, nil
	}
	// A bare surname joins the one person it is the surname of, unless
	// that person was seen with another country.
	var cands []int64
	err = query(ctx, c, `SELECT n.actor FROM actor_names n JOIN actors a ON a.pk = n.actor
		WHERE n.key = ? AND n.whole = 0 AND a.type = ? LIMIT 2`, []any{key, f.Type}, func(rows *sql.Rows) error {
		var a int64
		if err := rows.Scan(&a); err != nil {
			return err
		}
		cands = append(cands, a)
		return nil
	})
	if err != nil || len(cands) != 1 {
		return 0, err
	}
	if f.Country != "" {
		var other int
		if err := c.scanOne(ctx, `SELECT count(*) FROM actor_roles WHERE actor = ? AND country != '' AND country != ?`,
			[]any{cands[0], f.Country}, &other); err != nil {
			return 0, err
		}
		if other > 0 {
			return 0, nil
		}
	}
	return cands[0], nil
}

// chooseRole picks the role of roles a fact seen on day (NULL when
// undated) joins: the same country (or an unknown one), sector and role
// words, seen on a range containing the day or nearest to it with no
// other role seen in between; the same known country before an unknown
// one. It returns -1 when the fact starts a new role.
func chooseRole(roles []roleRow, country, sector, key string, day sql.NullString) int {
	best, bestRank := -1, ""
	for i := range roles {
		r := &roles[i]
		if !r.same(country, sector, key) {
			continue
		}
		exact := "1"
		if strings.EqualFold(r.country, country) {
			exact = "0"
		}
		var rank string
		switch {
		case !day.Valid:
			// Undated: the most seen.
			rank = exact + fmt.Sprintf("%010d", 1<<30-r.docs)
		case !r.first.Valid:
			rank = "3" + exact // undated: joined only when nothing nearer
		case r.first.String <= day.String && day.String <= r.last.String:
			rank = "0" + exact
		default:
			lo, hi := r.last.String, day.String
			if day.String < r.first.String {
				lo, hi = day.String, r.first.String
			}
			// Roles seen in between break the run, unless the gap is short:
			// a person can hold two roles at once ("former Senate leader",
			// "chief of staff"), and articles alternate between them.
			between := false
			for j := 0; j < len(roles) && !withinDays(lo, hi, continuityDays); j++ {
				o := &roles[j]
				if j == i || o.same(country, sector, key) || !o.first.Valid {
					continue
				}
				if o.last.String > lo && o.first.String < hi {
					between = true
					break
				}
			}
			if between {
				continue
			}
			rank = "1" + exact + daysBetween(lo, hi)
		}
		if best < 0 || rank < bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// continuityDays is the longest gap over which a role seen again simply
// continues, whatever other role was seen in between.
const continuityDays = 30

// withinDays reports whether day b is at most n days after day a.
func withinDays(a, b string, n int) bool {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	return err1 == nil && err2 == nil && tb.Sub(ta) <= time.Duration(n)*24*time.Hour
}

// daysBetween returns the distance between two days as a sortable string.
func daysBetween(a, b string) string {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return "~"
	}
	return fmt.Sprintf("%08d", int(tb.Sub(ta).Hours()/24))
}

func rememberOne(ctx context.Context, c conn, f *store.ActorFact) error {
	key := store.NameKey(f.Name)
	actor, err := findActor(ctx, c, f, key)
	if err != nil {
		return err
	}
	if actor == 0 {
		res, err := c.ExecContext(ctx, `INSERT INTO actors (name, name_key, type, gender, n_docs) VALUES (?,?,?,?,0)`,
			f.Name, key, f.Type, f.Gender)
		if err != nil {
			return err
		}
		if actor, err = res.LastInsertId(); err != nil {
			return err
		}
		for i, v := range store.NameVariants(f.Name, f.Type) {
			if _, err := c.ExecContext(ctx, `INSERT OR IGNORE INTO actor_names (key, actor, whole) VALUES (?,?,?)`,
				v, actor, i == 0); err != nil {
				return err
			}
		}
	}
	rk := store.NameKey(f.Role)
	roles, err := readRoles(ctx, c, actor, "")
	if err != nil {
		return err
	}
	var day sql.NullString
	if v := dayOf(f.Seen); v != nil {
		day = sql.NullString{String: v.(string), Valid: true}
	}
	var role int64
	if i := chooseRole(roles, f.Country, f.Sector, rk, day); i >= 0 {
		role = roles[i].pk
		if roles[i].country == "" && f.Country != "" {
			// The role's country, unknown so far, is now said.
			code := f.Code
			if code == "" {
				code = f.Country + f.Sector
			}
			if _, err := c.ExecContext(ctx, `UPDATE actor_roles SET country = ?, code = ? WHERE pk = ?`,
				f.Country, code, role); err != nil {
				return err
			}
		}
	} else {
		code := f.Code
		if code == "" {
			code = f.Country + f.Sector
		}
		res, err := c.ExecContext(ctx, `INSERT INTO actor_roles (actor, country, sector, code, role, role_key, n_docs)
			VALUES (?,?,?,?,?,?,0)`, actor, f.Country, f.Sector, code, f.Role, rk)
		if err != nil {
			return err
		}
		if role, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	res, err := c.ExecContext(ctx, `INSERT OR IGNORE INTO actor_evidence
		(role, actor, doc_id, entity, how, span_start, span_end, text, seen) VALUES (?,?,?,?,?,?,?,?,?)`,
		role, actor, f.DocID, f.Entity, f.How, f.Evidence.Start, f.Evidence.End,
		strings.ToValidUTF8(cutText(f.EvidenceText, maxEvidenceBytes), "\uFFFD"), day)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // already known: nothing changes
	}
	// Extend the seen ranges and count the document once per role and actor.
	for _, t := range []struct {
		table, col string
		pk         int64
	}{{"actor_roles", "role", role}, {"actors", "actor", actor}} {
		var again int
		if err := c.scanOne(ctx, `SELECT count(*) FROM (SELECT 1 FROM actor_evidence WHERE `+t.col+
			` = ? AND doc_id = ? LIMIT 2)`, []any{t.pk, f.DocID}, &again); err != nil {
			return err
		}
		newDoc := 0
		if again == 1 {
			newDoc = 1
		}
		if _, err := c.ExecContext(ctx, `UPDATE `+t.table+` SET
			first_seen = CASE WHEN ?1 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?1 < first_seen THEN ?1 ELSE first_seen END,
			last_seen = CASE WHEN ?1 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?1 > last_seen THEN ?1 ELSE last_seen END,
			n_docs = n_docs + ?2 WHERE pk = ?3`, day, newDoc, t.pk); err != nil {
			return err
		}
	}
	if f.Gender != "" {
		if _, err := c.ExecContext(ctx, `UPDATE actors SET gender = ? WHERE pk = ? AND gender = ''`, f.Gender, actor); err != nil {
			return err
		}
	}
	return nil
}

// Forget removes what document docID taught; see store.ActorMemory.
func (s *Store) Forget(ctx context.Context, docID string) error {
	if err := s.check(); err != nil {
		return err
	}
	if docID == "" {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return wrap(ctx, "forget "+docID, err)
	}
	defer tx.Rollback()
	var roles, actors []int64
	err = query(ctx, tx, `SELECT DISTINCT role, actor FROM actor_evidence WHERE doc_id = ?`, []any{docID}, func(rows *sql.Rows) error {
		var r, a int64
		if err := rows.Scan(&r, &a); err != nil {
			return err
		}
		roles = append(roles, r)
		actors = append(actors, a)
		return nil
	})
	if err != nil {
		return wrap(ctx, "forget "+docID, err)
	}
	if len(roles) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM actor_evidence WHERE doc_id = ?`, docID); err != nil {
		return wrap(ctx, "forget "+docID, err)
	}
	for _, t := range []struct {
		table, col string
		pks        []int64
	}{{"actor_roles", "role", roles}, {"actors", "actor", actors}} {
		for _, pk := range t.pks {
			if _, err := tx.ExecContext(ctx, `UPDATE `+t.table+` SET
				first_seen = (SELECT min(seen) FROM actor_evidence WHERE `+t.col+` = ?1),
				last_seen = (SELECT max(seen) FROM actor_evidence WHERE `+t.col+` = ?1),
				n_docs = (SELECT count(DISTINCT doc_id) FROM actor_evidence WHERE `+t.col+` = ?1)
				WHERE pk = ?1`, pk); err != nil {
				return wrap(ctx, "forget "+docID, err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t.table+` WHERE pk = ? AND n_docs = 0`, pk); err != nil {
				return wrap(ctx, "forget "+docID, err)
			}
		}
	}
	return wrap(ctx, "forget "+docID, tx.Commit())
}

// actorHead is what Recall needs of an actor.
type actorHead struct {
	pk                int64
	name, typ, gender string
	whole             bool // the name looked up is its whole name
}

// Recall returns what is remembered of name as of at; see
// store.ActorMemory.
func (s *Store) Recall(ctx context.Context, name string, at time.Time) ([]store.ActorRole, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	out := []store.ActorRole{}
	key := store.NameKey(name)
	if key == "" {
		return out, nil
	}
	c := conn{s: s}
	var heads []actorHead
	err := query(ctx, c, `SELECT a.pk, a.name, a.type, a.gender, max(n.whole) FROM actor_names n
		JOIN actors a ON a.pk = n.actor WHERE n.key = ? GROUP BY a.pk ORDER BY a.pk LIMIT 50`, []any{key},
		func(rows *sql.Rows) error {
			var h actorHead
			if err := rows.Scan(&h.pk, &h.name, &h.typ, &h.gender, &h.whole); err != nil {
				return err
			}
			heads = append(heads, h)
			return nil
		})
	if err != nil {
		return nil, wrap(ctx, "recall", err)
	}
	day := ""
	if !at.IsZero() {
		day = at.Format(time.DateOnly)
	}
	roleKey := ""
	switch {
	case len(heads) == 0:
		// A role phrase. A role is held for a time, and a bare role word
		// ("the agency", "the president") names too many: only people
		// seen in a role of two words or more near the date count, and
		// only when all those seen in it then agree on the country.
		if day == "" || !strings.Contains(key, " ") {
			return out, nil
		}
		roleKey = key
		lo := at.AddDate(0, 0, -roleWindowDays).Format(time.DateOnly)
		hi := at.AddDate(0, 0, roleWindowDays).Format(time.DateOnly)
		var pick, current int64
		pickLast, country, currents := "", "", 0
		agree := true
		err := query(ctx, c, `SELECT r.actor, r.country, r.first_seen, r.last_seen FROM actor_roles r
			JOIN actors a ON a.pk = r.actor
			WHERE r.role_key = ? AND r.last_seen >= ? AND r.first_seen <= ? AND a.type = ?`,
			[]any{key, lo, hi, doc.Person},
			func(rows *sql.Rows) error {
				var a int64
				var ctry, first, last string
				if err := rows.Scan(&a, &ctry, &first, &last); err != nil {
					return err
				}
				if ctry != "" {
					if country != "" && !strings.EqualFold(ctry, country) {
						agree = false
					}
					country = ctry
				}
				if first <= day && day <= last && a != current {
					current = a
					currents++
				}
				if last > pickLast {
					pick, pickLast = a, last
				}
				return nil
			})
		if err != nil {
			return nil, wrap(ctx, "recall", err)
		}
		if pick == 0 || !agree {
			return out, nil
		}
		if currents == 1 {
			pick = current
		}
		h := actorHead{pk: pick}
		if err := c.scanOne(ctx, `SELECT name, type, gender FROM actors WHERE pk = ?`, []any{pick},
			&h.name, &h.typ, &h.gender); err != nil {
			return nil, wrap(ctx, "recall", err)
		}
		heads = []actorHead{h}
	case len(heads) > 1:
		var whole []actorHead
		for _, h := range heads {
			if h.whole {
				whole = append(whole, h)
			}
		}
		if len(whole) != 1 {
			return out, nil
		}
		heads = whole
	}
	h := heads[0]
	all, err := readRoles(ctx, c, h.pk, "")
	if err != nil {
		return nil, wrap(ctx, "recall", err)
	}
	conflict := conflicts(all)
	for i, r := range all {
		if roleKey != "" && r.key != roleKey {
			continue
		}
		ar := roleOf(h, r)
		ar.Conflict = conflict[i]
		var e store.ActorEvidence
		var seen sql.NullString
		err := c.scanOne(ctx, `SELECT doc_id, seen, entity, how, span_start, span_end, text FROM actor_evidence
			WHERE role = ? ORDER BY seen DESC, pk DESC LIMIT 1`, []any{r.pk},
			&e.DocID, &seen, &e.Entity, &e.How, &e.Span.Start, &e.Span.End, &e.Text)
		if err != nil && err != sql.ErrNoRows {
			return nil, wrap(ctx, "recall", err)
		}
		if err == nil {
			e.Seen = parseDay(seen)
			ar.Evidence = []store.ActorEvidence{e}
		}
		out = append(out, ar)
	}
	rankRoles(out, day)
	return out, nil
}

func roleOf(h actorHead, r roleRow) store.ActorRole {
	return store.ActorRole{
		ActorID: h.pk, Name: h.name, Type: h.typ, Gender: h.gender,
		ID: r.pk, Country: r.country, Sector: r.sector, Code: r.code, Role: r.role,
		FirstSeen: parseDay(r.first), LastSeen: parseDay(r.last), Docs: r.docs,
	}
}

// conflicts marks the roles seen over a range that overlaps a role of
// another country (an undated role overlaps every one). An empty country
// is unknown, not another one; another sector at the same time is a
// second role, not a conflict.
func conflicts(roles []roleRow) []bool {
	out := make([]bool, len(roles))
	for i := range roles {
		for j := range roles {
			a, b := &roles[i], &roles[j]
			if i == j || a.country == "" || b.country == "" || strings.EqualFold(a.country, b.country) {
				continue
			}
			if !a.first.Valid || !b.first.Valid || (a.first.String <= b.last.String && b.first.String <= a.last.String) {
				out[i] = true
				break
			}
		}
	}
	return out
}

// rankRoles orders roles by relevance to day (YYYY-MM-DD, "" when
// unknown); see store.ActorMemory.Recall.
func rankRoles(roles []store.ActorRole, day string) {
	class := func(r *store.ActorRole) (int, string) {
		if r.FirstSeen.IsZero() {
			return 3, ""
		}
		first, last := r.FirstSeen.Format(time.DateOnly), r.LastSeen.Format(time.DateOnly)
		switch {
		case day == "":
			return 0, invert(last)
		case first <= day && day <= last:
			return 0, ""
		case last < day:
			return 1, invert(last) // latest first
		default:
			return 2, first // earliest first
		}
	}
	sort.SliceStable(roles, func(i, j int) bool {
		ci, ki := class(&roles[i])
		cj, kj := class(&roles[j])
		if ci != cj {
			return ci < cj
		}
		if day == "" {
			// Undated question: the most seen first, then the latest.
			if roles[i].Docs != roles[j].Docs {
				return roles[i].Docs > roles[j].Docs
			}
			return ki < kj
		}
		if ki != kj {
			return ki < kj
		}
		return roles[i].Docs > roles[j].Docs
	})
}

// invert maps a day to a string that sorts in the reverse order.
func invert(day string) string {
	b := []byte(day)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '9' - c + '0'
		}
	}
	return string(b)
}

// actorSummarySQL selects an actor with its current role; the caller adds
// the WHERE clause and order.
const actorSummarySQL = `SELECT a.pk, a.name, a.type, a.gender, a.first_seen, a.last_seen, a.n_docs,
	(SELECT count(*) FROM actor_roles r WHERE r.actor = a.pk),
	coalesce(cur.country, ''), coalesce(cur.sector, ''), coalesce(cur.code, ''), coalesce(cur.role, '')
	FROM actors a LEFT JOIN actor_roles cur ON cur.pk = (SELECT r.pk FROM actor_roles r WHERE r.actor = a.pk
		ORDER BY (r.last_seen IS NULL), r.last_seen DESC, r.n_docs DESC, r.pk DESC LIMIT 1)`

func scanSummary(rows *sql.Rows) (store.ActorSummary, error) {
	var a store.ActorSummary
	var first, last sql.NullString
	err := rows.Scan(&a.ID, &a.Name, &a.Type, &a.Gender, &first, &last, &a.Docs, &a.Roles,
		&a.Country, &a.Sector, &a.Code, &a.Role)
	a.FirstSeen, a.LastSeen = parseDay(first), parseDay(last)
	return a, err
}

// Actors lists remembered actors matching f; see store.ActorMemory.
func (s *Store) Actors(ctx context.Context, f store.ActorFilter) ([]store.ActorSummary, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if f.Limit < 0 || f.Offset < 0 {
		return nil, fmt.Errorf("sqlite: actors: %w: negative limit or offset", store.ErrInvalid)
	}
	var where []string
	var args []any
	if f.Search != "" {
		k := store.NameKey(f.Search)
		if k == "" {
			return nil, fmt.Errorf("sqlite: actors: %w: search %q has no word", store.ErrInvalid, f.Search)
		}
		k = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(k)
		where = append(where, `a.pk IN (SELECT actor FROM actor_names WHERE key LIKE ? ESCAPE '\')`)
		args = append(args, "%"+k+"%")
	}
	if f.Country != "" {
		where = append(where, `EXISTS (SELECT 1 FROM actor_roles r WHERE r.actor = a.pk AND r.country = ?)`)
		args = append(args, f.Country)
	}
	if f.Sector != "" {
		where = append(where, `EXISTS (SELECT 1 FROM actor_roles r WHERE r.actor = a.pk AND r.sector = ?)`)
		args = append(args, f.Sector)
	}
	q := actorSummarySQL + whereClause(where) + ` ORDER BY a.n_docs DESC, (a.last_seen IS NULL), a.last_seen DESC, a.name, a.pk` +
		limitClause(f.Limit, f.Offset)
	out := []store.ActorSummary{}
	err := query(ctx, s.r, q, args, func(rows *sql.Rows) error {
		a, err := scanSummary(rows)
		out = append(out, a)
		return err
	})
	if err != nil {
		return nil, wrap(ctx, "actors", err)
	}
	return out, nil
}

// Actor returns one actor with its role history; see store.ActorMemory.
func (s *Store) Actor(ctx context.Context, id int64) (*store.ActorHistory, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var h *store.ActorHistory
	err := query(ctx, s.r, actorSummarySQL+` WHERE a.pk = ?`, []any{id}, func(rows *sql.Rows) error {
		a, err := scanSummary(rows)
		h = &store.ActorHistory{ActorSummary: a}
		return err
	})
	if err != nil {
		return nil, wrap(ctx, "actor", err)
	}
	if h == nil {
		return nil, fmt.Errorf("sqlite: actor %d: %w", id, store.ErrNotFound)
	}
	err = query(ctx, s.r, `SELECT key FROM actor_names WHERE actor = ? ORDER BY whole DESC, key`, []any{id}, func(rows *sql.Rows) error {
		var k string
		err := rows.Scan(&k)
		h.Names = append(h.Names, k)
		return err
	})
	if err != nil {
		return nil, wrap(ctx, "actor", err)
	}
	roles, err := readRoles(ctx, s.r, id, "")
	if err != nil {
		return nil, wrap(ctx, "actor", err)
	}
	sort.SliceStable(roles, func(i, j int) bool {
		a, b := roles[i], roles[j]
		if a.first.Valid != b.first.Valid {
			return a.first.Valid
		}
		if a.first.String != b.first.String {
			return a.first.String < b.first.String
		}
		return a.pk < b.pk
	})
	conflict := conflicts(roles)
	head := actorHead{pk: h.ID, name: h.Name, typ: h.Type, gender: h.Gender}
	index := map[int64]int{}
	for i, r := range roles {
		ar := roleOf(head, r)
		ar.Conflict = conflict[i]
		index[r.pk] = i
		h.Roles = append(h.Roles, ar)
	}
	err = query(ctx, s.r, `SELECT e.role, e.doc_id, coalesce(d.url, ''), coalesce(d.title, ''), e.seen, e.entity, e.how,
		e.span_start, e.span_end, e.text FROM actor_evidence e LEFT JOIN documents d ON d.id = e.doc_id
		WHERE e.actor = ? ORDER BY (e.seen IS NULL), e.seen, e.doc_id, e.span_start, e.pk`, []any{id},
		func(rows *sql.Rows) error {
			var role int64
			var e store.ActorEvidence
			var seen sql.NullString
			if err := rows.Scan(&role, &e.DocID, &e.URL, &e.Title, &seen, &e.Entity, &e.How, &e.Span.Start, &e.Span.End, &e.Text); err != nil {
				return err
			}
			e.Seen = parseDay(seen)
			if i, ok := index[role]; ok {
				h.Roles[i].Evidence = append(h.Roles[i].Evidence, e)
			}
			return nil
		})
	if err != nil {
		return nil, wrap(ctx, "actor", err)
	}
	return h, nil
}
