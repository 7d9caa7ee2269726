package actor

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// bulkTexts reads up to n BBC articles from ../shared/data/bulk.
func bulkTexts(b *testing.B, n int) []string {
	dir := shareddata.Dir(b)
	files, _ := filepath.Glob(filepath.Join(dir, "bulk", "bbc", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("no bulk BBC texts")
	}
	var out []string
	for _, f := range files[:min(n, len(files))] {
		data, err := os.ReadFile(f)
		if err == nil {
			out = append(out, string(data))
		}
	}
	return out
}

// BenchmarkResolver runs the actors stage alone on documents the segment,
// tag and NER stages have already processed.
func BenchmarkResolver(b *testing.B) {
	texts := bulkTexts(b, 200)
	r, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	p, err := chain(r)
	if err != nil {
		b.Fatal(err)
	}
	p.Stages = p.Stages[:len(p.Stages)-1]
	var docs []*doc.Document
	words := 0
	for _, t := range texts {
		d := &doc.Document{Text: t}
		if err := p.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		words += len(d.Tokens)
		docs = append(docs, d)
	}
	ents := make([][]doc.Entity, len(docs))
	for i, d := range docs {
		ents[i] = d.Entities
	}
	b.ResetTimer()
	for b.Loop() {
		for i, d := range docs {
			d.Entities = append([]doc.Entity(nil), ents[i]...)
			d.Problems = nil
			if err := r.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
