package ner

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// TestEvaluate scores the embedded model on the dev data and holds it to
// the floor. It is skipped when the data is absent or with -short.
func TestEvaluate(t *testing.T) {
	if testing.Short() {
		t.Skip("long evaluation")
	}
	dir := shareddata.Dir(t)
	scores, err := Evaluate(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, s := range scores {
		got[s.Name] = s.Value
		t.Logf("%s %.4f", s.Name, s.Value)
	}
	if f := got["ner.conll.f1"]; f < 0.90 {
		t.Errorf("ner.conll.f1 = %.4f; want >= 0.90", f)
	}
	if _, ok := got["ner.gum.f1"]; !ok {
		t.Error("ner.gum.f1 not measured")
	}
}

// BenchmarkNER measures the recogniser alone (segmentation done
// beforehand) on BBC articles, single goroutine, and reports tokens/s.
func BenchmarkNER(b *testing.B) {
	r, sg := recognizer(b)
	texts := shareddata.BBC(b, 300)
	docs := make([]*doc.Document, len(texts))
	ntok := 0
	for i, t := range texts {
		d := &doc.Document{Text: t}
		if err := sg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs[i] = d
		ntok += len(d.Tokens)
	}
	ctx := context.Background()
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Entities = d.Entities[:0]
			if err := r.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	// On a shared machine wall time overstates the cost; CPU time of the
	// process (GC included) says what one core does.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(ntok)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// TestBulkSmoke runs the recogniser over some BBC articles and checks the
// entity invariants.
func TestBulkSmoke(t *testing.T) {
	r, sg := recognizer(t)
	for _, text := range shareddata.BBC(t, 40) {
		d := &doc.Document{Text: text}
		if err := sg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range entityLines(t, d) {
			if strings.HasSuffix(e, "'s") {
				t.Errorf("possessive in name %q", e)
			}
		}
	}
}

// cpuTime returns the user and system CPU time of the process so far, or 0
// when it cannot be read.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
