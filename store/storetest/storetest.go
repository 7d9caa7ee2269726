// Package storetest is the conformance suite every store.Store backend
// runs: the same documents, the same questions, the same answers.
//
// A backend's test calls Run with a function that opens a fresh, empty
// store for each subtest:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"), sqlite.Config{})
//			...
//			return s
//		})
//	}
//
// Run closes each store it opens; closing it again must be harmless.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/store"
)

// Run runs every conformance test against stores made by open, which must
// return a new empty store each time it is called.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	fresh := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	loaded := func(t *testing.T) store.Store {
		t.Helper()
		s := fresh(t)
		for _, d := range fixtures() {
			if _, err := s.Put(context.Background(), d); err != nil {
				t.Fatalf("Put(%s): %v", d.ID, err)
			}
		}
		return s
	}
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, fresh(t)) })
	t.Run("EmptyLayers", func(t *testing.T) { testEmptyLayers(t, fresh(t)) })
	t.Run("Duplicates", func(t *testing.T) { testDuplicates(t, fresh(t)) })
	t.Run("PutMany", func(t *testing.T) { testPutMany(t, fresh(t)) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, fresh(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, loaded(t)) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, loaded(t)) })
	t.Run("DocumentSummary", func(t *testing.T) { testDocumentSummary(t, loaded(t)) })
	t.Run("Events", func(t *testing.T) { testEvents(t, loaded(t)) })
	t.Run("EventRow", func(t *testing.T) { testEventRow(t, loaded(t)) })
	t.Run("Cancelled", func(t *testing.T) { testCancelled(t, fresh(t)) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrent(t, fresh(t)) })
	t.Run("Closed", func(t *testing.T) { testClosed(t, open(t)) })
	runActors(t, fresh)
}

// normalized returns a deep copy of d as a store gives it back: every empty
// list nil, and Published set to p (compared separately with time.Equal).
func normalized(d *doc.Document, p time.Time) *doc.Document {
	c := *d
	c.Published = p
	c.Sentences = nilIfEmpty(append([]doc.Sentence(nil), d.Sentences...))
	c.Tokens = nilIfEmpty(append([]doc.Token(nil), d.Tokens...))
	c.Times = nilIfEmpty(append([]doc.Time(nil), d.Times...))
	c.Quotes = nilIfEmpty(append([]doc.Quote(nil), d.Quotes...))
	c.Problems = nilIfEmpty(append(doc.Problems(nil), d.Problems...))
	c.Entities = nilIfEmpty(append([]doc.Entity(nil), d.Entities...))
	for i := range c.Entities {
		c.Entities[i].Mentions = nilIfEmpty(append([]doc.Mention(nil), c.Entities[i].Mentions...))
	}
	c.Events = nilIfEmpty(append([]doc.Event(nil), d.Events...))
	for i := range c.Events {
		e := &c.Events[i]
		e.Context = nilIfEmpty(append([]string(nil), e.Context...))
		e.Actors = nilIfEmpty(append([]string(nil), e.Actors...))
		e.Recipients = nilIfEmpty(append([]string(nil), e.Recipients...))
	}
	return &c
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// checkRoundTrip gets want.ID back from s and compares it with want.
func checkRoundTrip(t *testing.T, s store.Store, want *doc.Document) {
	t.Helper()
	got, err := s.Get(context.Background(), want.ID)
	if err != nil {
		t.Fatalf("Get(%q): %v", want.ID, err)
	}
	if !got.Published.Equal(want.Published) {
		t.Errorf("Get(%q).Published = %v; want %v", want.ID, got.Published, want.Published)
	}
	_, goff := got.Published.Zone()
	_, woff := want.Published.Zone()
	if goff != woff {
		t.Errorf("Get(%q).Published zone offset = %d; want %d", want.ID, goff, woff)
	}
	w := normalized(want, time.Time{})
	g := normalized(got, time.Time{})
	if !reflect.DeepEqual(g, w) {
		t.Errorf("Get(%q) differs from what was put:\n%s", want.ID, diffDocs(g, w))
	}
}

// diffDocs names the layers in which got and want differ, with the first
// differing item of each.
func diffDocs(got, want *doc.Document) string {
	var b strings.Builder
	field := func(name string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			fmt.Fprintf(&b, "  %s:\n    got  %+v\n    want %+v\n", name, g, w)
		}
	}
	field("ID", got.ID, want.ID)
	field("URL", got.URL, want.URL)
	field("Source", got.Source, want.Source)
	field("Title", got.Title, want.Title)
	field("Language", got.Language, want.Language)
	field("Text", got.Text, want.Text)
	field("Sentences", got.Sentences, want.Sentences)
	field("Tokens", got.Tokens, want.Tokens)
	field("Entities", got.Entities, want.Entities)
	field("Times", got.Times, want.Times)
	field("Quotes", got.Quotes, want.Quotes)
	field("Events", got.Events, want.Events)
	field("Problems", got.Problems, want.Problems)
	return b.String()
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := append(fixtures(), Synthetic(1))
	for _, d := range docs {
		before := normalized(d, d.Published)
		res, err := s.Put(ctx, d)
		if err != nil {
			t.Fatalf("Put(%s): %v", d.ID, err)
		}
		if want := (store.PutResult{ID: d.ID}); res != want {
			t.Errorf("Put(%s) = %+v; want %+v", d.ID, res, want)
		}
		if !reflect.DeepEqual(normalized(d, d.Published), before) {
			t.Errorf("Put(%s) modified its argument", d.ID)
		}
	}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) { checkRoundTrip(t, s, d) })
	}
}

func testEmptyLayers(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, d := range []*doc.Document{
		{ID: "bare", Text: "Nothing happened today."},
		{ID: "empty-text"},
		{ID: "meta-only", URL: "https://example.org/meta", Title: "Only a title", Source: "example.org", Published: day(2026, 1, 1), Language: "en", Text: "x",
			Sentences: []doc.Sentence{}, Entities: []doc.Entity{{ID: "e1"}}, Events: []doc.Event{{ID: "v1", Context: []string{}}}},
	} {
		t.Run(d.ID, func(t *testing.T) {
			if _, err := s.Put(ctx, d); err != nil {
				t.Fatalf("Put: %v", err)
			}
			checkRoundTrip(t, s, d)
		})
	}
	evs, err := s.Events(ctx, store.EventFilter{DocID: "meta-only"})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	if len(evs) != 1 || evs[0].EvidenceText != "" || evs[0].Actors != nil || evs[0].Location != nil {
		t.Errorf("Events(meta-only) = %+v; want one event with no text, actors or location", evs)
	}
}

func testDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	orig := docCaracas()
	if _, err := s.Put(ctx, orig); err != nil {
		t.Fatalf("Put: %v", err)
	}
	sameURL := docCaracas()
	sameURL.ID, sameURL.Text, sameURL.Events, sameURL.Entities, sameURL.Quotes = "other-id", "A different text.", nil, nil, nil
	sameText := docCaracas()
	sameText.ID, sameText.URL = "third-id", "https://mirror.example/talks"
	sameTextNoURL := docCaracas()
	sameTextNoURL.ID, sameTextNoURL.URL = "fourth-id", ""
	conflict := docBorder()
	conflict.ID = orig.ID
	for _, tc := range []struct {
		name string
		d    *doc.Document
		want store.PutResult
		err  error
	}{
		{"same document", docCaracas(), store.PutResult{ID: orig.ID, Duplicate: true}, nil},
		{"same URL", sameURL, store.PutResult{ID: orig.ID, Duplicate: true}, nil},
		{"same text", sameText, store.PutResult{ID: orig.ID, Duplicate: true}, nil},
		{"same text no URL", sameTextNoURL, store.PutResult{ID: orig.ID, Duplicate: true}, nil},
		{"same id other document", conflict, store.PutResult{}, store.ErrConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Put(ctx, tc.d)
			if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Fatalf("Put error = %v; want %v", err, tc.err)
			}
			if got != tc.want {
				t.Errorf("Put = %+v; want %+v", got, tc.want)
			}
		})
	}
	docs, err := s.Documents(ctx, store.DocFilter{})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	if len(docs) != 1 {
		t.Errorf("after duplicates, %d documents stored; want 1", len(docs))
	}
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	if len(evs) != len(orig.Events) {
		t.Errorf("after duplicates, %d events stored; want %d", len(evs), len(orig.Events))
	}
	checkRoundTrip(t, s, orig)
	// Two documents without URL and with different texts are not duplicates.
	for i, text := range []string{"First note.", "Second note."} {
		res, err := s.Put(ctx, &doc.Document{ID: fmt.Sprintf("note-%d", i), Text: text})
		if err != nil || res.Duplicate {
			t.Errorf("Put(note-%d) = %+v, %v; want stored", i, res, err)
		}
	}
}

func testPutMany(t *testing.T, s store.Store) {
	ctx := context.Background()
	if res, err := s.PutMany(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("PutMany(nil) = %v, %v; want no results, no error", res, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if res, err := s.PutMany(cancelled, fixtures()); !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("PutMany(cancelled) = %v, %v; want nil, %v", res, err, context.Canceled)
	}
	if docs, err := s.Documents(ctx, store.DocFilter{}); err != nil || len(docs) != 0 {
		t.Fatalf("after a cancelled PutMany, Documents = %v, %v; want none", ids(docs), err)
	}

	a, b, c, u := docCaracas(), docBorder(), docUndated(), docUTF8()
	sameURL := docCaracas()
	sameURL.ID, sameURL.Text = "again", "Another text at the same URL."
	conflict := docUndated()
	conflict.Text = "Another text under the same id."
	batch := []*doc.Document{a, b, sameURL, nil, c, conflict, {Text: "no id"}, u}
	res, err := s.PutMany(ctx, batch)
	if err != nil {
		t.Fatalf("PutMany: %v", err)
	}
	if len(res) != len(batch) {
		t.Fatalf("PutMany returned %d results; want %d", len(res), len(batch))
	}
	for i, want := range []struct {
		res store.PutResult
		err error
	}{
		{store.PutResult{ID: a.ID}, nil},
		{store.PutResult{ID: b.ID}, nil},
		{store.PutResult{ID: a.ID, Duplicate: true}, nil},
		{store.PutResult{}, store.ErrInvalid},
		{store.PutResult{ID: c.ID}, nil},
		{store.PutResult{}, store.ErrConflict},
		{store.PutResult{}, store.ErrInvalid},
		{store.PutResult{ID: u.ID}, nil},
	} {
		got := res[i]
		if !errors.Is(got.Err, want.err) || (want.err == nil && got.Err != nil) {
			t.Errorf("result %d: Err = %v; want %v", i, got.Err, want.err)
		}
		got.Err = nil
		if got != want.res {
			t.Errorf("result %d = %+v; want %+v", i, got, want.res)
		}
	}
	for _, d := range []*doc.Document{a, b, c, u} {
		checkRoundTrip(t, s, d)
	}
	docs, err := s.Documents(ctx, store.DocFilter{})
	if err != nil || len(docs) != 4 {
		t.Errorf("Documents = %q, %v; want the 4 stored", ids(docs), err)
	}
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) != 7 {
		t.Errorf("Events = %q, %v; want the 7 events of the stored documents", eventKeys(evs), err)
	}
	// The whole batch again: all duplicates.
	res, err = s.PutMany(ctx, fixtures())
	if err != nil {
		t.Fatalf("PutMany again: %v", err)
	}
	for i, r := range res {
		if !r.Duplicate || r.Err != nil {
			t.Errorf("PutMany again, result %d = %+v; want a duplicate", i, r)
		}
	}
}

func testInvalid(t *testing.T, s store.Store) {
	ctx := context.Background()
	dupEntities := docBorder()
	dupEntities.Entities[1].ID = dupEntities.Entities[0].ID
	nanScore := docBorder()
	nanScore.Events[1].Goldstein = math.NaN()
	infPlace := docCaracas()
	infPlace.Entities[2].Place.Lat = math.Inf(1)
	farFuture := docUndated()
	farFuture.Published = time.Date(12026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		d    *doc.Document
	}{
		{"nil", nil},
		{"no id", &doc.Document{Text: "Some text."}},
		{"duplicate entity id", dupEntities},
		{"NaN Goldstein score", nanScore},
		{"infinite latitude", infPlace},
		{"publication year past 9999", farFuture},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.Put(ctx, tc.d); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Put error = %v; want %v", err, store.ErrInvalid)
			}
		})
	}
	docs, err := s.Documents(ctx, store.DocFilter{})
	if err != nil || len(docs) != 0 {
		t.Errorf("Documents = %v, %v; want nothing stored", docs, err)
	}
	if _, err := s.Documents(ctx, store.DocFilter{Search: " -- !"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Documents(Search without words) error = %v; want %v", err, store.ErrInvalid)
	}
	if _, err := s.Events(ctx, store.EventFilter{Search: "*"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Events(Search without words) error = %v; want %v", err, store.ErrInvalid)
	}
	if _, err := s.Events(ctx, store.EventFilter{CAMEO: "04%"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Events(CAMEO 04%%) error = %v; want %v", err, store.ErrInvalid)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	for _, id := range []string{"", "no-such-id", strings.ToUpper(idCaracas), "a-caracas "} {
		d, err := s.Get(context.Background(), id)
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get(%q) = %v, %v; want error %v", id, d, err, store.ErrNotFound)
		}
	}
}

func ids(docs []store.DocSummary) []string {
	out := []string{}
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func testDocuments(t *testing.T, s store.Store) {
	for _, tc := range []struct {
		name string
		f    store.DocFilter
		want []string
	}{
		{"all, by publication time, undated last", store.DocFilter{}, []string{idUTF8, idCaracas, idBorder, idUndated}},
		{"source", store.DocFilter{Source: "example.org"}, []string{idCaracas}},
		{"source any case", store.DocFilter{Source: "EXAMPLE.ORG"}, []string{idCaracas}},
		{"source unknown", store.DocFilter{Source: "nowhere.example"}, []string{}},
		{"since", store.DocFilter{Since: day(2026, 3, 1)}, []string{idCaracas, idBorder}},
		{"until inclusive", store.DocFilter{Until: day(2026, 3, 2)}, []string{idUTF8, idCaracas}},
		{"one day, in the document's zone", store.DocFilter{Since: day(2026, 3, 10), Until: day(2026, 3, 10)}, []string{idBorder}},
		{"empty range", store.DocFilter{Since: day(2026, 3, 3), Until: day(2026, 3, 9)}, []string{}},
		{"search text", store.DocFilter{Search: "Caracas"}, []string{idCaracas}},
		{"search any case, all words", store.DocFilter{Search: "BORDER post"}, []string{idBorder}},
		{"search stem", store.DocFilter{Search: "election"}, []string{idCaracas}},
		{"search title", store.DocFilter{Search: "leave"}, []string{idBorder}},
		{"search punctuation ignored", store.DocFilter{Search: `"Havana" AND (x OR`}, []string{}},
		{"search words around punctuation", store.DocFilter{Search: `"Havana"!`}, []string{idUndated}},
		{"search beside invalid UTF-8", store.DocFilter{Search: "owners"}, []string{idUTF8}},
		{"search no match", store.DocFilter{Search: "earthquake"}, []string{}},
		{"search and date", store.DocFilter{Search: "Venezuelan", Since: day(2026, 3, 5)}, []string{idBorder}},
		{"limit", store.DocFilter{Limit: 2}, []string{idUTF8, idCaracas}},
		{"offset", store.DocFilter{Offset: 3}, []string{idUndated}},
		{"limit and offset", store.DocFilter{Limit: 1, Offset: 1}, []string{idCaracas}},
		{"offset past end", store.DocFilter{Offset: 10}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Documents(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("Documents(%+v): %v", tc.f, err)
			}
			if g := ids(got); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("Documents(%+v) = %q; want %q", tc.f, g, tc.want)
			}
		})
	}
}

func testDocumentSummary(t *testing.T, s store.Store) {
	got, err := s.Documents(context.Background(), store.DocFilter{})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	byID := map[string]store.DocSummary{}
	for _, d := range got {
		byID[d.ID] = d
	}
	for _, d := range fixtures() {
		g, ok := byID[d.ID]
		if !ok {
			t.Errorf("Documents lacks %s", d.ID)
			continue
		}
		want := store.DocSummary{
			ID: d.ID, URL: d.URL, Source: d.Source, Title: d.Title, Language: d.Language, Bytes: len(d.Text),
			Sentences: len(d.Sentences), Tokens: len(d.Tokens), Entities: len(d.Entities),
			Events: len(d.Events), Problems: len(d.Problems),
		}
		if !g.Published.Equal(d.Published) {
			t.Errorf("%s: Published = %v; want %v", d.ID, g.Published, d.Published)
		}
		if g.Snippet == "" || !strings.HasPrefix(strings.ToValidUTF8(d.Text, "\uFFFD"), strings.TrimSuffix(g.Snippet, " …")) {
			t.Errorf("%s: Snippet = %q; want the start of the text", d.ID, g.Snippet)
		}
		g.Published, g.Snippet = time.Time{}, ""
		if g != want {
			t.Errorf("%s: summary = %+v; want %+v", d.ID, g, want)
		}
	}
}

func eventKeys(evs []store.EventRow) []string {
	out := []string{}
	for _, e := range evs {
		out = append(out, e.DocID+"/"+e.EventID)
	}
	return out
}

func testEvents(t *testing.T, s store.Store) {
	const (
		a1 = idCaracas + "/v1" // 2026-03-02  CONSULT 043 COLGOV -> VENGOV, Caracas
		a2 = idCaracas + "/v2" // 2026-03     THREATEN 138 BRAGOV -> VENMIL
		a3 = idCaracas + "/v3" // (03-02)     DEMAND 104 VENEDU -> VENGOV, demanded
		b1 = idBorder + "/v1"  // 2026-03-10  RETREAT 087 VENMIL -> COL, future
		b2 = idBorder + "/v2"  // 2026-W11    ASSAULT 190 COLMIL, negated
		c1 = idUndated + "/v1" // undated     CONSULT 042 VENGOV, e9 -> Havana
		d1 = idUTF8 + "/v1"    // 2026-02-20  PROTEST 141 COLBUS
	)
	all := []string{d1, a2, a1, a3, b2, b1, c1}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"all, by date then document then position", store.EventFilter{}, all},
		{"actor country", store.EventFilter{ActorCountry: "VEN"}, []string{a3, b1, c1}},
		{"actor country any case", store.EventFilter{ActorCountry: "ven"}, []string{a3, b1, c1}},
		{"actor sector", store.EventFilter{ActorSector: "GOV"}, []string{a2, a1, c1}},
		{"actor country and sector on one actor", store.EventFilter{ActorCountry: "VEN", ActorSector: "GOV"}, []string{c1}},
		{"recipient country", store.EventFilter{RecipientCountry: "VEN"}, []string{a2, a1, a3}},
		{"recipient sector", store.EventFilter{RecipientSector: "MIL"}, []string{a2}},
		{"actor and recipient", store.EventFilter{ActorCountry: "COL", RecipientCountry: "VEN"}, []string{a1}},
		{"either side country", store.EventFilter{Country: "COL"}, []string{d1, a1, b2, b1}},
		{"either side country and sector on one party", store.EventFilter{Country: "VEN", Sector: "MIL"}, []string{a2, b1}},
		{"country nobody has", store.EventFilter{Country: "FRA"}, []string{}},
		{"entity name", store.EventFilter{Entity: "Paulo Reis"}, []string{a2}},
		{"plover", store.EventFilter{Plover: "CONSULT"}, []string{a1, c1}},
		{"plover any case", store.EventFilter{Plover: "consult"}, []string{a1, c1}},
		{"cameo prefix two digits", store.EventFilter{CAMEO: "04"}, []string{a1, c1}},
		{"cameo prefix one digit", store.EventFilter{CAMEO: "1"}, []string{d1, a2, a3, b2}},
		{"cameo prefix 19", store.EventFilter{CAMEO: "19"}, []string{b2}},
		{"cameo exact", store.EventFilter{CAMEO: "087"}, []string{b1}},
		{"cameo prefix 09", store.EventFilter{CAMEO: "09"}, []string{}},
		{"modality negated", store.EventFilter{Modality: doc.Negated}, []string{b2}},
		{"modality future", store.EventFilter{Modality: doc.Future}, []string{b1}},
		{"modality demanded", store.EventFilter{Modality: doc.Demanded}, []string{a3}},
		{"since: month and week overlap", store.EventFilter{Since: day(2026, 3, 5)}, []string{a2, b2, b1}},
		{"until inclusive", store.EventFilter{Until: day(2026, 3, 1)}, []string{d1, a2}},
		{"one day inside a month and a week", store.EventFilter{Since: day(2026, 3, 12), Until: day(2026, 3, 12)}, []string{a2, b2}},
		{"undated event takes publication date", store.EventFilter{Since: day(2026, 3, 2), Until: day(2026, 3, 2)}, []string{a2, a1, a3}},
		{"search evidence", store.EventFilter{Search: "crackdown"}, []string{a2}},
		{"search all words", store.EventFilter{Search: "withdraw troops"}, []string{b1}},
		{"search stem", store.EventFilter{Search: "election"}, []string{a3}},
		{"search evidence with invalid UTF-8", store.EventFilter{Search: "protested"}, []string{d1}},
		{"search no match", store.EventFilter{Search: "Havana Caracas"}, []string{}},
		{"document", store.EventFilter{DocID: idBorder}, []string{b2, b1}},
		{"combined", store.EventFilter{Country: "VEN", Plover: "CONSULT", Since: day(2026, 1, 1)}, []string{a1}},
		{"limit", store.EventFilter{Limit: 2}, all[:2]},
		{"offset", store.EventFilter{Offset: 5}, all[5:]},
		{"limit and offset", store.EventFilter{Limit: 2, Offset: 1}, all[1:3]},
		{"offset past end", store.EventFilter{Offset: 50}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Events(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", tc.f, err)
			}
			if g := eventKeys(got); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("Events(%+v) = %q; want %q", tc.f, g, tc.want)
			}
		})
	}
}

func testEventRow(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, b, c, u := docCaracas(), docBorder(), docUndated(), docUTF8()
	for _, tc := range []struct {
		name string
		d    *doc.Document
		i    int
		want store.EventRow
	}{
		{"located event", a, 0, store.EventRow{
			DocID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published,
			EventID: "v1", Plover: "CONSULT", Mode: "visit", Context: []string{"diplomatic"}, CAMEO: "043",
			QuadClass: 1, Goldstein: 2.8, Date: "2026-03-02", DatePrecision: "day",
			Actors:     []store.Party{{ID: "e1", Name: "Ana Ruiz", Type: doc.Person, Country: "COL", Sector: "GOV", Code: "COLGOV"}},
			Recipients: []store.Party{{ID: "e2", Name: "Venezuelan government", Type: doc.Org, Country: "VEN", Sector: "GOV", Code: "VENGOV"}},
			Location:   &doc.Location{Name: "Caracas", Country: "VEN", Lat: 10.4806, Lon: -66.9036},
			Modality:   doc.Asserted, Evidence: a.Events[0].Evidence,
			EvidenceText: "Colombian Foreign Minister Ana Ruiz met Venezuelan government officials in Caracas on Monday.",
			Trigger:      a.Events[0].Trigger, TriggerText: "met", Rule: "test.meet",
		}},
		{"anonymous attribution", a, 1, store.EventRow{
			DocID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published,
			EventID: "v2", Plover: "THREATEN", Mode: "warn", CAMEO: "138", QuadClass: 3, Goldstein: -7,
			Date: "2026-03", DatePrecision: "month",
			Actors:     []store.Party{{ID: "e4", Name: "Paulo Reis", Type: doc.Person, Country: "BRA", Sector: "GOV", Code: "BRAGOV"}},
			Recipients: []store.Party{{ID: "e5", Name: "Venezuelan army", Type: doc.Org, Country: "VEN", Sector: "MIL", Code: "VENMIL"}},
			Modality:   doc.Asserted, AttributedTo: "a spokesman",
			Evidence:     a.Events[1].Evidence,
			EvidenceText: "Brazilian President Paulo Reis warned the Venezuelan army against a crackdown, a spokesman said.",
			Trigger:      a.Events[1].Trigger, TriggerText: "warned", Rule: "test.warn",
		}},
		{"attributed to an entity", b, 0, store.EventRow{
			DocID: b.ID, URL: b.URL, Title: b.Title, Source: b.Source, Published: b.Published,
			EventID: "v1", Plover: "RETREAT", Mode: "withdraw", CAMEO: "087", QuadClass: 2, Goldstein: 7.5,
			Date: "2026-03-10", DatePrecision: "day",
			Actors:     []store.Party{{ID: "e4", Name: "Venezuelan troops", Type: doc.NORP, Country: "VEN", Sector: "MIL", Code: "VENMIL"}},
			Recipients: []store.Party{{ID: "e2", Name: "Colombia", Type: doc.GPE, Country: "COL", Code: "COL"}},
			Modality:   doc.Future, AttributedTo: "e1", AttributedName: "Jorge Mora",
			Evidence:     b.Events[0].Evidence,
			EvidenceText: "Venezuelan Defence Minister Jorge Mora said on Tuesday that troops would withdraw from the border with Colombia.",
			Trigger:      b.Events[0].Trigger, TriggerText: "withdraw", Rule: "test.withdraw",
		}},
		{"actor id naming no entity, recipient without actor code", c, 0, store.EventRow{
			DocID: c.ID, EventID: "v1", Plover: "CONSULT", Mode: "visit", CAMEO: "042", QuadClass: 1, Goldstein: 1.9,
			Actors: []store.Party{
				{ID: "e1", Name: "Venezuelan president", Type: doc.Person, Country: "VEN", Sector: "GOV", Code: "VENGOV"},
				{ID: "e9"},
			},
			Recipients: []store.Party{{ID: "e2", Name: "Havana", Type: doc.GPE}},
			Modality:   doc.Asserted, Evidence: c.Events[0].Evidence, EvidenceText: c.Text,
			Trigger: c.Events[0].Trigger, TriggerText: "visited", Rule: "test.visit",
		}},
		{"invalid UTF-8 kept byte for byte", u, 0, store.EventRow{
			DocID: u.ID, URL: u.URL, Title: u.Title, Source: u.Source, Published: u.Published,
			EventID: "v1", Plover: "PROTEST", CAMEO: "141", QuadClass: 3, Goldstein: -6.5,
			Date: "2026-02-20", DatePrecision: "day",
			Actors:   []store.Party{{ID: "e1", Name: "caf\xe9 owners", Type: doc.NORP, Country: "COL", Sector: "BUS", Code: "COLBUS"}},
			Modality: doc.Asserted, Evidence: u.Events[0].Evidence, EvidenceText: u.Text,
			Trigger: u.Events[0].Trigger, TriggerText: "protested", Rule: "test.protest",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := s.Events(ctx, store.EventFilter{DocID: tc.d.ID})
			if err != nil {
				t.Fatalf("Events: %v", err)
			}
			var got *store.EventRow
			for i := range evs {
				if evs[i].EventID == tc.d.Events[tc.i].ID {
					got = &evs[i]
				}
			}
			if got == nil {
				t.Fatalf("Events(DocID %s) lacks event %s", tc.d.ID, tc.d.Events[tc.i].ID)
			}
			if !got.Published.Equal(tc.want.Published) {
				t.Errorf("Published = %v; want %v", got.Published, tc.want.Published)
			}
			g, w := *got, tc.want
			g.Published, w.Published = time.Time{}, time.Time{}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("event row\n got  %+v\n want %+v", g, w)
			}
		})
	}
}

func testCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, docCaracas()); !errors.Is(err, context.Canceled) {
		t.Errorf("Put(cancelled) error = %v; want %v", err, context.Canceled)
	}
	if _, err := s.Get(context.Background(), idCaracas); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get after cancelled Put error = %v; want %v", err, store.ErrNotFound)
	}
	if _, err := s.Put(context.Background(), docCaracas()); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if _, err := s.Get(ctx, idCaracas); !errors.Is(err, context.Canceled) {
		t.Errorf("Get(cancelled) error = %v; want %v", err, context.Canceled)
	}
	if _, err := s.Documents(ctx, store.DocFilter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Documents(cancelled) error = %v; want %v", err, context.Canceled)
	}
	if _, err := s.Events(ctx, store.EventFilter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Events(cancelled) error = %v; want %v", err, context.Canceled)
	}
	deadline, cancel2 := context.WithTimeout(context.Background(), -time.Second)
	defer cancel2()
	if _, err := s.Put(deadline, docBorder()); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Put(past deadline) error = %v; want %v", err, context.DeadlineExceeded)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, each = 4, 6
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+writers)
	dups := make(chan bool, writers)
	for w := range writers {
		wg.Go(func() {
			var batch []*doc.Document
			for i := range each {
				batch = append(batch, Synthetic(w*each+i))
			}
			if w == 0 {
				// One writer stores its documents in one batch.
				res, err := s.PutMany(ctx, batch)
				if err != nil {
					errs <- fmt.Errorf("PutMany: %w", err)
				}
				for _, r := range res {
					if r.Err != nil || r.Duplicate {
						errs <- fmt.Errorf("PutMany: %+v", r)
					}
				}
			} else {
				for _, d := range batch {
					if _, err := s.Put(ctx, d); err != nil {
						errs <- fmt.Errorf("Put(%s): %w", d.ID, err)
					}
				}
			}
			// Every writer also puts the same document: one stores it.
			res, err := s.Put(ctx, docCaracas())
			if err != nil {
				errs <- fmt.Errorf("Put(%s): %w", idCaracas, err)
			}
			dups <- res.Duplicate
		})
	}
	// A reader runs alongside and must only ever see whole documents.
	wg.Go(func() {
		for range 10 {
			evs, err := s.Events(ctx, store.EventFilter{Plover: "CONSULT"})
			if err != nil {
				errs <- fmt.Errorf("Events: %w", err)
				return
			}
			perDoc := map[string]int{}
			for _, e := range evs {
				perDoc[e.DocID]++
			}
			for id, n := range perDoc {
				if strings.HasPrefix(id, "syn-") && n != 12 {
					errs <- fmt.Errorf("reader saw %d events of %s; want 12", n, id)
				}
			}
		}
	})
	wg.Wait()
	close(errs)
	close(dups)
	for err := range errs {
		t.Error(err)
	}
	stored := 0
	for dup := range dups {
		if !dup {
			stored++
		}
	}
	if stored != 1 {
		t.Errorf("%d of %d concurrent Puts of one document stored it; want 1", stored, writers)
	}
	docs, err := s.Documents(ctx, store.DocFilter{})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	if got, want := len(docs), writers*each+1; got != want {
		t.Errorf("%d documents stored; want %d", got, want)
	}
	checkRoundTrip(t, s, Synthetic(writers*each-1))
}

func testClosed(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.Put(ctx, docCaracas()); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Put after Close error = %v; want %v", err, store.ErrClosed)
	}
	if _, err := s.PutMany(ctx, fixtures()); !errors.Is(err, store.ErrClosed) {
		t.Errorf("PutMany after Close error = %v; want %v", err, store.ErrClosed)
	}
	if _, err := s.Get(ctx, idCaracas); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Get after Close error = %v; want %v", err, store.ErrClosed)
	}
	if _, err := s.Documents(ctx, store.DocFilter{}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Documents after Close error = %v; want %v", err, store.ErrClosed)
	}
	if _, err := s.Events(ctx, store.EventFilter{}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Events after Close error = %v; want %v", err, store.ErrClosed)
	}
}
