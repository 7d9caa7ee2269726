package segment

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// bbcText returns the BBC articles under ../shared/data/bulk/bbc joined
// with blank lines, skipping the benchmark when they are absent.
func bbcText(b *testing.B) string {
	b.Helper()
	return strings.Join(shareddata.BBC(b, 0), "\n\n") + "\n\n"
}

// BenchmarkSegment segments the BBC news corpus; MB/s is per core (one
// goroutine). On a busy machine wall-clock MB/s understates the speed;
// cpu-MB/s divides by the process's CPU time instead.
func BenchmarkSegment(b *testing.B) {
	text := bbcText(b)
	sg := newTestSegmenter(b, Config{})
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		sg.Segment(text)
	}
	reportCPU(b, len(text), cpu)
}

// cpuTime returns the user and system CPU time used by the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the throughput per CPU second since start.
func reportCPU(b *testing.B, n int, start time.Duration) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/d.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkTokenize measures the tokenizer alone on the BBC corpus.
func BenchmarkTokenize(b *testing.B) {
	text := bbcText(b)
	t := new(tokenizer)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		t.run(text)
	}
	reportCPU(b, len(text), cpu)
}

// BenchmarkProcess runs the stage on the BBC corpus as one document,
// filling doc.Tokens.
func BenchmarkProcess(b *testing.B) {
	text := bbcText(b)
	sg := newTestSegmenter(b, Config{})
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		d := &doc.Document{Text: text}
		if err := sg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, len(text), cpu)
}

// BenchmarkProcessArticles runs the stage on each BBC article as a
// document of its own, as the pipeline does.
func BenchmarkProcessArticles(b *testing.B) {
	arts := shareddata.BBC(b, 0)
	sg := newTestSegmenter(b, Config{})
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			d := &doc.Document{Text: a}
			if err := sg.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, n, cpu)
}
