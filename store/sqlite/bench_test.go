package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/cputime"
	"sitrep/internal/shareddata"
	"sitrep/store"
	"sitrep/store/storetest"
)

// BenchmarkPut stores synthetic documents of about 600 words with every
// layer filled (24 entities, 12 events) and reports documents per second.
func BenchmarkPut(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := make([]*doc.Document, 1000)
	for i := range docs {
		docs[i] = storetest.Synthetic(i)
	}
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if i >= len(docs) {
			c := *d
			c.ID, c.URL, c.Text = fmt.Sprintf("%s-%d", d.ID, i), fmt.Sprintf("%s/%d", d.URL, i), fmt.Sprintf("%s %d", d.Text, i)
			d = &c
		}
		if _, err := s.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	reportRates(b, cpu0)
}

// reportRates reports documents per second of wall time and per second of
// CPU time (the latter steadier on a machine shared with other work).
func reportRates(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	cputime.Rate(b, cpu0, float64(b.N), "docs")
}

// BenchmarkPutBulk stores the BBC articles of ../shared/data/bulk as bare
// documents (text and metadata, no layers): the cost of the text, its
// full-text index and the transaction.
func BenchmarkPutBulk(b *testing.B) {
	texts := shareddata.BBC(b, 500)
	bytes := 0
	for _, t := range texts {
		bytes += len(t)
	}
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.SetBytes(int64(bytes / len(texts)))
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := 0; i < b.N; i++ {
		d := &doc.Document{ID: fmt.Sprint(i), Text: fmt.Sprintf("%s\n%d", texts[i%len(texts)], i), Language: "en"}
		if _, err := s.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	reportRates(b, cpu0)
}

// BenchmarkPutMany stores the documents of BenchmarkPut in batches of 32.
func BenchmarkPutMany(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := make([]*doc.Document, 1024)
	for i := range docs {
		docs[i] = storetest.Synthetic(i)
	}
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cputime.Now()
	batch := make([]*doc.Document, 0, 32)
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if i >= len(docs) {
			c := *d
			c.ID, c.URL, c.Text = fmt.Sprintf("%s-%d", d.ID, i), fmt.Sprintf("%s/%d", d.URL, i), fmt.Sprintf("%s %d", d.Text, i)
			d = &c
		}
		batch = append(batch, d)
		if len(batch) == cap(batch) || i == b.N-1 {
			res, err := s.PutMany(ctx, batch)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range res {
				if r.Err != nil || r.Duplicate {
					b.Fatal(r)
				}
			}
			batch = batch[:0]
		}
	}
	reportRates(b, cpu0)
}

// BenchmarkEvents queries a store of 2,000 synthetic documents (24,000
// events) with the filters analysts use most, 100 rows at a time.
func BenchmarkEvents(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 2000; i += 50 {
		batch := make([]*doc.Document, 50)
		for j := range batch {
			batch[j] = storetest.Synthetic(i + j)
		}
		if _, err := s.PutMany(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name string
		f    store.EventFilter
	}{
		{"all", store.EventFilter{Limit: 100}},
		{"actor-country", store.EventFilter{ActorCountry: "VEN", Limit: 100}},
		{"country-sector", store.EventFilter{Country: "COL", Sector: "MIL", Limit: 100}},
		{"cameo-since", store.EventFilter{CAMEO: "043", Since: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Limit: 100}},
		{"search", store.EventFilter{Search: "border security", Limit: 100}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				evs, err := s.Events(ctx, bc.f)
				if err != nil {
					b.Fatal(err)
				}
				if len(evs) == 0 {
					b.Fatal("no events")
				}
			}
		})
	}
}
