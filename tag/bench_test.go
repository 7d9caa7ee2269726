package tag

import (
	"bytes"
	"context"
	"syscall"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
	"sitrep/segment"
)

// bulkDocs reads up to n BBC articles and segments them.
func bulkDocs(b *testing.B, n int) ([]*doc.Document, int) {
	texts := shareddata.BBC(b, n)
	sg, err := segment.New(segment.Config{})
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
		tokens += len(d.Tokens)
		docs = append(docs, d)
	}
	return docs, tokens
}

func BenchmarkTag(b *testing.B) {
	docs, tokens := bulkDocs(b, 300)
	tg, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := tg.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportSpeed(b, tokens, cpu0)
}

// reportSpeed reports tokens per wall-clock second and, since the machine
// may be shared, per second of this process's CPU time.
func reportSpeed(b *testing.B, tokens int, cpu0 time.Duration) {
	n := float64(tokens) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "tokens/cpu-s")
	}
}

// cpuTime returns the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := readModel(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
