package actor

import (
	"context"
	"testing"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// BenchmarkResolver runs the actors stage alone on documents the segment,
// tag and NER stages have already processed.
func BenchmarkResolver(b *testing.B) {
	texts := shareddata.BBC(b, 200)
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
