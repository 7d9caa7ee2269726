package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/store"
	"sitrep/store/storetest"
)

// TestMigrateActorMemory: a database of schema version 1 holding a
// document gains the actor memory when opened, and keeps its document.
func TestMigrateActorMemory(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	s, err := open(ctx, path, Config{}, migrations()[:1])
	if err != nil {
		t.Fatalf("open at version 1: %v", err)
	}
	if _, err := s.Put(ctx, storetest.Synthetic(1)); err != nil {
		t.Fatalf("Put: %v", err)
	}
	s.Close()
	s, err = Open(ctx, path, Config{})
	if err != nil {
		t.Fatalf("open at version %d: %v", SchemaVersion, err)
	}
	defer s.Close()
	if v, _ := s.Version(ctx); v != SchemaVersion || v < 2 {
		t.Errorf("version after upgrade = %d; want %d (at least 2)", v, SchemaVersion)
	}
	if _, err := s.Get(ctx, "syn-1"); err != nil {
		t.Errorf("Get after upgrade: %v", err)
	}
	f := store.ActorFact{DocID: "syn-1", Entity: "e1", Name: "Person1", Type: doc.Person, Country: "FRA", Sector: "GOV",
		Role: "minister", How: "title", Seen: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), EvidenceText: "Minister Person1"}
	if err := s.Remember(ctx, []store.ActorFact{f}); err != nil {
		t.Fatalf("Remember after upgrade: %v", err)
	}
	as, err := s.Actors(ctx, store.ActorFilter{})
	if err != nil || len(as) != 1 || as[0].Code != "FRAGOV" {
		t.Errorf("Actors after upgrade = %+v, %v; want Person1 FRAGOV", as, err)
	}
	// The evidence names the stored document's URL.
	h, err := s.Actor(ctx, as[0].ID)
	if err != nil || len(h.Roles) != 1 || len(h.Roles[0].Evidence) != 1 || h.Roles[0].Evidence[0].URL == "" {
		t.Errorf("Actor = %+v, %v; want one role whose evidence carries the document's URL", h, err)
	}
}

// TestRecallWhileWriting: lookups run on the reading connections while
// facts are being written.
func TestRecallWhileWriting(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() {
		for i := 0; i < 200; i++ {
			f := store.ActorFact{DocID: fmt.Sprintf("d%d", i), Entity: "e1", Name: fmt.Sprintf("Ana Person%d", i%20),
				Type: doc.Person, Country: "PER", Sector: "GOV", Role: "minister", How: "title",
				Seen: time.Date(2026, 1, 1+i%28, 0, 0, 0, 0, time.UTC), EvidenceText: "minister"}
			if err := s.Remember(ctx, []store.ActorFact{f}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := 0; i < 200; i++ {
		if _, err := s.Recall(ctx, fmt.Sprintf("Person%d", i%20), time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatalf("Recall: %v", err)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("Remember: %v", err)
	}
	got, err := s.Recall(ctx, "Person3", time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC))
	if err != nil || len(got) != 1 || got[0].Docs != 10 {
		t.Errorf("Recall(Person3) = %+v, %v; want one role seen in 10 documents", got, err)
	}
}

// memoryFacts makes n facts about 2,000 people over two years, each
// person changing role now and then.
func memoryFacts(n int) []store.ActorFact {
	roles := []string{"minister", "deputy minister", "opposition leader"}
	sectors := []string{"GOV", "GOV", "OPP"}
	out := make([]store.ActorFact, n)
	for i := range out {
		p := i % 2000
		r := (i / 5000) % 3
		out[i] = store.ActorFact{
			DocID: fmt.Sprintf("doc%d", i/3), Entity: fmt.Sprintf("e%d", i%3), Name: fmt.Sprintf("Given%d Surname%d", p, p),
			Type: doc.Person, Country: "ESP", Sector: sectors[r], Role: roles[r], How: "title",
			Seen:         time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*730/n),
			EvidenceText: roles[r] + fmt.Sprintf(" Given%d Surname%d", p, p),
		}
	}
	return out
}

// BenchmarkRemember remembers facts in batches of 32 documents' worth
// (about 100 facts), as ingest would, and reports facts per second.
func BenchmarkRemember(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	facts := memoryFacts(max(b.N, 100))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i += 100 {
		if err := s.Remember(ctx, facts[i:min(i+100, b.N)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "facts/s")
}

// BenchmarkRecall looks names up in a memory of 30,000 facts about 2,000
// people: surnames, whole names, role phrases and unknown names.
func BenchmarkRecall(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	facts := memoryFacts(30000)
	for i := 0; i < len(facts); i += 1000 {
		if err := s.Remember(ctx, facts[i:i+1000]); err != nil {
			b.Fatal(err)
		}
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var name string
		switch i % 4 {
		case 0:
			name = fmt.Sprintf("Surname%d", i%2000)
		case 1:
			name = fmt.Sprintf("Given%d Surname%d", i%2000, i%2000)
		case 2:
			name = "deputy minister"
		default:
			name = fmt.Sprintf("Nobody%d", i)
		}
		if _, err := s.Recall(ctx, name, at); err != nil {
			b.Fatal(err)
		}
	}
}
