package timex

import (
	"context"
	"testing"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

func BenchmarkProcessBBC(b *testing.B) {
	texts := shareddata.BBC(b, 0)
	tg := newTagger(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			d := &doc.Document{Text: s, Published: friday}
			if err := tg.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
