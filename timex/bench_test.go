package timex

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// bbc reads the BBC articles of ../shared/data/bulk, or skips.
func bbc(b *testing.B) []string {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(shareddata.Dir(b), "bulk", "bbc", "*", "*.txt"))
	if len(paths) == 0 {
		b.Skip("../shared/data/bulk/bbc not present")
	}
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		s, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(s))
	}
	return texts
}

func BenchmarkProcessBBC(b *testing.B) {
	texts := bbc(b)
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
