package parse

import (
	"bytes"
	"context"
	"testing"

	"sitrep/doc"
	"sitrep/internal/cputime"
	"sitrep/internal/shareddata"
	"sitrep/segment"
	"sitrep/tag"
)

// bulkDocs reads up to n BBC articles, segments and tags them.
func bulkDocs(b *testing.B, n int) ([]*doc.Document, int) {
	texts := shareddata.BBC(b, n)
	sg, err := segment.New(segment.Config{})
	if err != nil {
		b.Fatal(err)
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Document
	tokens := 0
	for _, text := range texts {
		d := &doc.Document{Text: text}
		if err := sg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		if err := tg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		tokens += len(d.Tokens)
		docs = append(docs, d)
	}
	return docs, tokens
}

func BenchmarkParse(b *testing.B) {
	docs, tokens := bulkDocs(b, 300)
	p, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	cpu0 := cputime.Now()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := p.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	n := float64(tokens) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
	cputime.Rate(b, cpu0, n, "tokens")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := readModel(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
