package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/store"
)

// runActors runs the conformance tests of the actor memory.
func runActors(t *testing.T, fresh func(t *testing.T) store.Store) {
	t.Run("ActorRoleHistory", func(t *testing.T) { testActorRoleHistory(t, fresh(t)) })
	t.Run("ActorRecall", func(t *testing.T) { testActorRecall(t, fresh(t)) })
	t.Run("ActorAmbiguous", func(t *testing.T) { testActorAmbiguous(t, fresh(t)) })
	t.Run("ActorConflict", func(t *testing.T) { testActorConflict(t, fresh(t)) })
	t.Run("ActorRoleReturns", func(t *testing.T) { testActorRoleReturns(t, fresh(t)) })
	t.Run("ActorForget", func(t *testing.T) { testActorForget(t, fresh(t)) })
	t.Run("ActorList", func(t *testing.T) { testActorList(t, fresh(t)) })
	t.Run("ActorInvalid", func(t *testing.T) { testActorInvalid(t, fresh(t)) })
	t.Run("ActorClosed", func(t *testing.T) {
		s := fresh(t)
		s.Close()
		testActorClosed(t, s)
	})
}

func isoDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fact builds a fact of a person seen in document docID on date seen.
func fact(docID, seen, name, country, sector, role string) store.ActorFact {
	ev := fmt.Sprintf("%s, %s", name, role)
	f := store.ActorFact{
		DocID: docID, Entity: "e1", Name: name, Type: doc.Person,
		Country: country, Sector: sector, Code: country + sector, Role: role,
		How: "apposition", Evidence: doc.Span{Start: 0, End: len(ev)}, EvidenceText: ev,
	}
	if seen != "" {
		f.Seen = isoDay(seen)
	}
	return f
}

func remember(t *testing.T, s store.Store, facts ...store.ActorFact) {
	t.Helper()
	if err := s.Remember(context.Background(), facts); err != nil {
		t.Fatalf("Remember(%v): %v", facts, err)
	}
}

// roleLine describes a role for comparisons: "VEN GOV interim president
// 2026-01-05..2026-01-20 docs=2".
func roleLine(r store.ActorRole) string {
	l := fmt.Sprintf("%s %s %s %s..%s docs=%d", r.Country, r.Sector, r.Role, dayString(r.FirstSeen), dayString(r.LastSeen), r.Docs)
	if r.Conflict {
		l += " conflict"
	}
	return l
}

func dayString(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func roleLines(rs []store.ActorRole) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, roleLine(r))
	}
	return out
}

func findActor(t *testing.T, s store.Store, search string) store.ActorSummary {
	t.Helper()
	as, err := s.Actors(context.Background(), store.ActorFilter{Search: search})
	if err != nil {
		t.Fatalf("Actors(%q): %v", search, err)
	}
	if len(as) != 1 {
		t.Fatalf("Actors(%q) = %d actors %v; want 1", search, len(as), as)
	}
	return as[0]
}

func history(t *testing.T, s store.Store, id int64) *store.ActorHistory {
	t.Helper()
	h, err := s.Actor(context.Background(), id)
	if err != nil {
		t.Fatalf("Actor(%d): %v", id, err)
	}
	return h
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot  %q\nwant %q", what, got, want)
	}
}

// testActorRoleHistory: the same role extends its range, a new role is a
// new row, remembering again changes nothing, and the evidence is kept.
func testActorRoleHistory(t *testing.T, s store.Store) {
	// The first article does not say the country; the second does.
	remember(t, s, fact("d1", "2025-06-01", "Delcy Rodríguez", "", "GOV", "vice president"))
	remember(t, s, fact("d2", "2025-09-01", "Delcy Rodríguez", "VEN", "GOV", "vice president"))
	remember(t, s, fact("d3", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president"),
		fact("d4", "2026-01-20", "Delcy Rodríguez", "VEN", "GOV", "interim president"))
	// The same facts again: nothing changes.
	remember(t, s, fact("d2", "2025-09-01", "Delcy Rodríguez", "VEN", "GOV", "vice president"))
	a := findActor(t, s, "rodriguez")
	if a.Name != "Delcy Rodríguez" || a.Type != doc.Person || a.Docs != 4 || a.Roles != 2 ||
		a.Role != "interim president" || a.Code != "VENGOV" ||
		dayString(a.FirstSeen) != "2025-06-01" || dayString(a.LastSeen) != "2026-01-20" {
		t.Errorf("actor = %+v; want Delcy Rodríguez, 4 documents, 2 roles, now interim president VENGOV, seen 2025-06-01..2026-01-20", a)
	}
	h := history(t, s, a.ID)
	sameLines(t, "role history", roleLines(h.Roles), []string{
		"VEN GOV vice president 2025-06-01..2025-09-01 docs=2",
		"VEN GOV interim president 2026-01-05..2026-01-20 docs=2",
	})
	if n := len(h.Roles[0].Evidence); n != 2 {
		t.Fatalf("vice president evidence: %d pieces; want 2", n)
	}
	if e := h.Roles[0].Evidence[0]; e.DocID != "d1" || e.Text != "Delcy Rodríguez, vice president" || e.How != "apposition" ||
		dayString(e.Seen) != "2025-06-01" || e.Entity != "e1" {
		t.Errorf("first evidence = %+v; want d1's apposition of 2025-06-01", e)
	}
	if len(h.Names) == 0 || h.Names[0] != "delcy rodriguez" {
		t.Errorf("names = %q; want the folded whole name first", h.Names)
	}
}

// testActorRecall: a bare surname, by date; a role phrase; a one-word
// person fact joins the person it is the surname of.
func testActorRecall(t *testing.T, s store.Store) {
	ctx := context.Background()
	remember(t, s,
		fact("d1", "2025-06-01", "Delcy Rodríguez", "VEN", "GOV", "vice president"),
		fact("d2", "2025-07-01", "Delcy Rodríguez", "VEN", "GOV", "vice president"),
		fact("d3", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president"))
	// "Rodríguez, the interim president" later: the same person.
	remember(t, s, fact("d4", "2026-02-01", "Rodríguez", "VEN", "GOV", "interim president"))
	if as, _ := s.Actors(ctx, store.ActorFilter{}); len(as) != 1 {
		t.Errorf("after a bare-surname fact: %d actors; want 1 (the surname joins Delcy Rodríguez)", len(as))
	}
	for _, tc := range []struct {
		name, name2 string
		at          string
		want        []string
	}{
		{"surname after the change", "Rodríguez", "2026-01-10", []string{
			"VEN GOV interim president 2026-01-05..2026-02-01 docs=2",
			"VEN GOV vice president 2025-06-01..2025-07-01 docs=2"}},
		{"surname before the change", "rodriguez", "2025-06-15", []string{
			"VEN GOV vice president 2025-06-01..2025-07-01 docs=2",
			"VEN GOV interim president 2026-01-05..2026-02-01 docs=2"}},
		{"long before anything", "RODRIGUEZ's", "2020-01-01", []string{
			"VEN GOV vice president 2025-06-01..2025-07-01 docs=2",
			"VEN GOV interim president 2026-01-05..2026-02-01 docs=2"}},
		{"whole name, undated", "Delcy Rodríguez", "", []string{
			"VEN GOV interim president 2026-01-05..2026-02-01 docs=2",
			"VEN GOV vice president 2025-06-01..2025-07-01 docs=2"}},
		{"role phrase", "interim president", "2026-01-10", []string{
			"VEN GOV interim president 2026-01-05..2026-02-01 docs=2"}},
		{"role phrase within half a year", "Interim President", "2026-06-30", []string{
			"VEN GOV interim president 2026-01-05..2026-02-01 docs=2"}},
		{"role phrase a year later", "interim president", "2027-02-01", []string{}},
		{"role phrase undated", "interim president", "", []string{}},
		{"unknown name", "Machado", "2026-01-10", []string{}},
		{"first name is no key", "Delcy", "2026-01-10", []string{}},
		{"empty", "", "", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var at time.Time
			if tc.at != "" {
				at = isoDay(tc.at)
			}
			got, err := s.Recall(ctx, tc.name2, at)
			if err != nil {
				t.Fatalf("Recall(%q, %s): %v", tc.name2, tc.at, err)
			}
			sameLines(t, fmt.Sprintf("Recall(%q, %s)", tc.name2, tc.at), roleLines(got), tc.want)
			for _, r := range got {
				if r.Name != "Delcy Rodríguez" || len(r.Evidence) != 1 || r.Evidence[0].Text == "" {
					t.Errorf("Recall(%q) role %+v; want Delcy Rodríguez with its latest evidence", tc.name2, r)
				}
			}
		})
	}
}

// testActorAmbiguous: a surname two people share recalls nothing unless a
// whole name or the date singles one out.
func testActorAmbiguous(t *testing.T, s store.Store) {
	ctx := context.Background()
	remember(t, s,
		fact("d1", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president"),
		fact("d2", "2025-03-01", "Jorge Rodríguez", "VEN", "LEG", "assembly president"),
		fact("d3", "2026-01-06", "Ana Pérez", "PER", "GOV", "interim president"),
		fact("d4", "2025-02-01", "Rosa Díaz", "CHL", "GOV", "foreign minister"),
		fact("d5", "2025-03-01", "Luis Mora", "CHL", "GOV", "foreign minister"),
		fact("d6", "2025-02-01", "Rosa Díaz", "CHL", "GOV", "foreign minister"))
	org := fact("d7", "2025-03-01", "Ecopetrol", "COL", "BUS", "state oil company")
	org.Type = doc.Org
	remember(t, s, org)
	for _, tc := range []struct {
		name, at string
		want     int
	}{
		{"Rodríguez", "2026-01-05", 0},
		{"Rodríguez", "", 0},
		{"Jorge Rodríguez", "2026-01-05", 1},
		// Two interim presidents of two countries seen in the same weeks:
		// "the interim president" may be either.
		{"interim president", "2026-01-05", 0},
		{"interim president", "2026-01-06", 0},
		{"interim president", "", 0},
		// Two people of one country seen as its foreign minister: the
		// one seen in it on that day, else the one seen last.
		{"foreign minister", "2025-03-01", 1},
		{"foreign minister", "2025-04-01", 1},
		// A role word alone names too many; organisations have no role
		// phrase lookups.
		{"minister", "2025-03-01", 0},
		{"state oil company", "2025-03-01", 0},
	} {
		var at time.Time
		if tc.at != "" {
			at = isoDay(tc.at)
		}
		got, err := s.Recall(ctx, tc.name, at)
		if err != nil || len(got) != tc.want {
			t.Errorf("Recall(%q, %s) = %q, %v; want %d roles", tc.name, tc.at, roleLines(got), err, tc.want)
		}
	}
	for _, tc := range []struct{ at, want string }{{"2025-03-01", "Luis Mora"}, {"2025-04-01", "Luis Mora"}, {"2025-02-01", "Rosa Díaz"}} {
		if got, err := s.Recall(ctx, "foreign minister", isoDay(tc.at)); err != nil || len(got) != 1 || got[0].Name != tc.want {
			t.Errorf("Recall(foreign minister, %s) = %+v, %v; want %s", tc.at, got, err, tc.want)
		}
	}
	// A bare surname with two candidates makes a new actor of its own.
	remember(t, s, fact("d9", "2026-01-07", "Rodríguez", "VEN", "GOV", "president"))
	if as, _ := s.Actors(ctx, store.ActorFilter{}); len(as) != 7 {
		t.Errorf("after an ambiguous bare surname: %d actors; want 7", len(as))
	}
}

// testActorConflict: facts that disagree are both kept and marked.
func testActorConflict(t *testing.T, s store.Store) {
	ctx := context.Background()
	remember(t, s,
		fact("d1", "2026-03-01", "Tomas Vrba", "CZE", "GOV", "minister"),
		fact("d2", "2026-03-01", "Tomas Vrba", "SVK", "GOV", "minister"),
		fact("d3", "2026-03-02", "Tomas Vrba", "SVK", "GOV", "minister"),
		fact("d4", "2026-03-02", "Tomas Vrba", "", "GOV", "minister"))
	a := findActor(t, s, "Vrba")
	h := history(t, s, a.ID)
	sameLines(t, "conflicting roles", roleLines(h.Roles), []string{
		"CZE GOV minister 2026-03-01..2026-03-01 docs=1 conflict",
		// An unknown country is no other country: d4 joins the role it fits.
		"SVK GOV minister 2026-03-01..2026-03-02 docs=3 conflict",
	})
	got, err := s.Recall(ctx, "Vrba", isoDay("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "Recall of a conflicted actor", roleLines(got), []string{
		"SVK GOV minister 2026-03-01..2026-03-02 docs=3 conflict",
		"CZE GOV minister 2026-03-01..2026-03-01 docs=1 conflict",
	})
}

// testActorRoleReturns: a role left and taken again is a new row, not an
// extension over the role held in between; facts learned out of date
// order land in the row they belong to.
func testActorRoleReturns(t *testing.T, s store.Store) {
	remember(t, s, fact("d1", "2024-01-10", "Pat Moore", "GBR", "GOV", "foreign secretary"))
	remember(t, s, fact("d3", "2024-09-01", "Pat Moore", "GBR", "OPP", "opposition leader"))
	remember(t, s, fact("d5", "2025-05-01", "Pat Moore", "GBR", "GOV", "foreign secretary"))
	remember(t, s, fact("d2", "2024-03-01", "Pat Moore", "GBR", "GOV", "foreign secretary")) // late news
	remember(t, s, fact("d4", "2024-10-01", "Pat Moore", "GBR", "OPP", "opposition leader"))
	remember(t, s, fact("d0", "", "Pat Moore", "GBR", "GOV", "foreign secretary")) // undated: the most seen row
	h := history(t, s, findActor(t, s, "moore").ID)
	sameLines(t, "role history", roleLines(h.Roles), []string{
		"GBR GOV foreign secretary 2024-01-10..2024-03-01 docs=3",
		"GBR OPP opposition leader 2024-09-01..2024-10-01 docs=2",
		"GBR GOV foreign secretary 2025-05-01..2025-05-01 docs=1",
	})
	if h.Docs != 6 || dayString(h.FirstSeen) != "2024-01-10" || dayString(h.LastSeen) != "2025-05-01" {
		t.Errorf("actor docs %d, seen %s..%s; want 6, 2024-01-10..2025-05-01", h.Docs, dayString(h.FirstSeen), dayString(h.LastSeen))
	}
	if h.Role != "foreign secretary" || h.Sector != "GOV" {
		t.Errorf("current role %s %s; want GOV foreign secretary", h.Sector, h.Role)
	}

	// Two roles at once, articles alternating between them within days:
	// each role continues its row, and the second sector is no conflict.
	remember(t, s, fact("b1", "1987-03-02", "Howard Baker", "USA", "GOV", "chief of staff"))
	remember(t, s, fact("b2", "1987-03-04", "Howard Baker", "USA", "ELI", "leader"))
	remember(t, s, fact("b3", "1987-03-09", "Howard Baker", "USA", "GOV", "chief of staff"))
	remember(t, s, fact("b4", "1987-03-12", "Howard Baker", "USA", "ELI", "leader"))
	h = history(t, s, findActor(t, s, "howard baker").ID)
	sameLines(t, "two roles at once", roleLines(h.Roles), []string{
		"USA GOV chief of staff 1987-03-02..1987-03-09 docs=2",
		"USA ELI leader 1987-03-04..1987-03-12 docs=2",
	})
}

// testActorForget: forgetting a document takes back what it taught.
func testActorForget(t *testing.T, s store.Store) {
	ctx := context.Background()
	remember(t, s,
		fact("d1", "2025-06-01", "Delcy Rodríguez", "VEN", "GOV", "vice president"),
		fact("d2", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president"),
		fact("d2", "2026-01-05", "Ana Pérez", "PER", "GOV", "minister"))
	if err := s.Forget(ctx, "d2"); err != nil {
		t.Fatalf("Forget: %v", err)
	}
	if err := s.Forget(ctx, "no such document"); err != nil {
		t.Errorf("Forget(unknown): %v", err)
	}
	as, err := s.Actors(ctx, store.ActorFilter{})
	if err != nil || len(as) != 1 {
		t.Fatalf("Actors after Forget = %v, %v; want Delcy Rodríguez alone", as, err)
	}
	if a := as[0]; a.Docs != 1 || a.Roles != 1 || dayString(a.LastSeen) != "2025-06-01" || a.Role != "vice president" {
		t.Errorf("after Forget: %+v; want 1 document, 1 role, last seen 2025-06-01 as vice president", a)
	}
}

// testActorList: filters, order and paging of Actors; an unknown id.
func testActorList(t *testing.T, s store.Store) {
	ctx := context.Background()
	org := fact("d3", "2026-01-02", "Cartel of the Suns", "VEN", "CRM", "cartel")
	org.Type = doc.Org
	remember(t, s,
		fact("d1", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president"),
		fact("d2", "2026-01-06", "Delcy Rodríguez", "VEN", "GOV", "interim president"),
		fact("d1", "2026-01-05", "John Ratcliffe", "USA", "SPY", "director"),
		org)
	for _, tc := range []struct {
		name string
		f    store.ActorFilter
		want []string
	}{
		{"all", store.ActorFilter{}, []string{"Delcy Rodríguez", "John Ratcliffe", "Cartel of the Suns"}},
		{"country", store.ActorFilter{Country: "ven"}, []string{"Delcy Rodríguez", "Cartel of the Suns"}},
		{"sector", store.ActorFilter{Sector: "SPY"}, []string{"John Ratcliffe"}},
		{"search", store.ActorFilter{Search: "SUNS"}, []string{"Cartel of the Suns"}},
		{"search accents", store.ActorFilter{Search: "rodriguez"}, []string{"Delcy Rodríguez"}},
		{"search and country", store.ActorFilter{Search: "r", Country: "USA"}, []string{"John Ratcliffe"}},
		{"limit", store.ActorFilter{Limit: 1, Offset: 1}, []string{"John Ratcliffe"}},
		{"none", store.ActorFilter{Country: "FRA"}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as, err := s.Actors(ctx, tc.f)
			if err != nil {
				t.Fatalf("Actors(%+v): %v", tc.f, err)
			}
			got := []string{}
			for _, a := range as {
				got = append(got, a.Name)
			}
			sameLines(t, fmt.Sprintf("Actors(%+v)", tc.f), got, tc.want)
		})
	}
	if _, err := s.Actors(ctx, store.ActorFilter{Limit: -1}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Actors(Limit -1) error = %v; want %v", err, store.ErrInvalid)
	}
	if _, err := s.Actor(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Actor(999999) error = %v; want %v", err, store.ErrNotFound)
	}
}

// testActorInvalid: a bad fact stores nothing of its call.
func testActorInvalid(t *testing.T, s store.Store) {
	ctx := context.Background()
	good := fact("d1", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president")
	for _, tc := range []struct {
		name string
		edit func(f *store.ActorFact)
	}{
		{"no document", func(f *store.ActorFact) { f.DocID = "" }},
		{"no name", func(f *store.ActorFact) { f.Name = " ,. " }},
		{"no type", func(f *store.ActorFact) { f.Type = "" }},
		{"year 0", func(f *store.ActorFact) { f.Seen = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC) }},
	} {
		bad := good
		tc.edit(&bad)
		if err := s.Remember(ctx, []store.ActorFact{good, bad}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: Remember error = %v; want %v", tc.name, err, store.ErrInvalid)
		}
	}
	if as, err := s.Actors(ctx, store.ActorFilter{}); err != nil || len(as) != 0 {
		t.Errorf("Actors after invalid facts = %v, %v; want none", as, err)
	}
	if err := s.Remember(ctx, nil); err != nil {
		t.Errorf("Remember(nil) = %v; want nil", err)
	}
}

func testActorClosed(t *testing.T, s store.Store) {
	ctx := context.Background()
	f := fact("d1", "2026-01-05", "Delcy Rodríguez", "VEN", "GOV", "interim president")
	for name, err := range map[string]error{
		"Remember": s.Remember(ctx, []store.ActorFact{f}),
		"Forget":   s.Forget(ctx, "d1"),
	} {
		if !errors.Is(err, store.ErrClosed) {
			t.Errorf("%s after Close error = %v; want %v", name, err, store.ErrClosed)
		}
	}
	if _, err := s.Recall(ctx, "Rodríguez", time.Time{}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Recall after Close error = %v; want %v", err, store.ErrClosed)
	}
	if _, err := s.Actors(ctx, store.ActorFilter{}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Actors after Close error = %v; want %v", err, store.ErrClosed)
	}
	if _, err := s.Actor(ctx, 1); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Actor after Close error = %v; want %v", err, store.ErrClosed)
	}
}
