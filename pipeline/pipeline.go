// Package pipeline runs a document through sitrep's chain of stages, one
// document at a time or a stream of them concurrently on all cores.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"sitrep/doc"
)

// A Stage enriches a document in place, reading the layers earlier stages
// wrote and adding its own. Per-document problems go to doc.Problems; the
// returned error means the stage cannot run at all (the context was
// cancelled, a resource is gone) and stops the whole run.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *doc.Document) error
}

// Func adapts a function to the Stage interface.
type Func struct {
	StageName string
	Fn        func(ctx context.Context, d *doc.Document) error
}

// Name returns f.StageName.
func (f Func) Name() string { return f.StageName }

// Process calls f.Fn.
func (f Func) Process(ctx context.Context, d *doc.Document) error { return f.Fn(ctx, d) }

var _ Stage = Func{}

// Pipeline is an ordered list of stages. The zero value runs no stage.
type Pipeline struct {
	Stages []Stage
	// Workers is how many documents are processed at once by Stream; zero
	// means runtime.GOMAXPROCS(0).
	Workers int
}

// New returns a pipeline running stages in the order given.
func New(stages ...Stage) *Pipeline { return &Pipeline{Stages: stages} }

// Process runs every stage on d in order. A stage that panics on this
// document is recorded as a problem on d and the remaining stages still
// run, so one bad document never takes down a batch. Process returns the
// first fatal stage error, or ctx.Err() when the context is done.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := runStage(ctx, s, d); err != nil {
			return fmt.Errorf("pipeline: stage %s: %w", s.Name(), err)
		}
	}
	return nil
}

// runStage calls s.Process, turning a panic into a problem on d.
func runStage(ctx context.Context, s Stage, d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			d.Problems.Add(s.Name(), doc.Span{}, "internal error: %v (at %s)", r, panicSite(debug.Stack()))
			err = nil
		}
	}()
	return s.Process(ctx, d)
}

// errStreamDone is the cancellation cause of a Stream that finished normally.
var errStreamDone = errors.New("pipeline: stream done")

// panicSite returns the file:line where a panic was raised, read from the
// stack trace of the goroutine that recovered it: the first frame after
// the runtime's panic machinery.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	seenPanic := false
	for i := 0; i+1 < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "panic(") {
			seenPanic = true
			continue
		}
		if !seenPanic || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "runtime.") {
			continue
		}
		loc := strings.TrimSpace(lines[i+1])
		if j := strings.LastIndexByte(loc, ' '); j > 0 {
			loc = loc[:j]
		}
		// Keep the last two path elements: "geo/resolve.go:218".
		if k := strings.LastIndexByte(loc, '/'); k > 0 {
			if k2 := strings.LastIndexByte(loc[:k], '/'); k2 >= 0 {
				loc = loc[k2+1:]
			}
		}
		return loc
	}
	return "unknown"
}

// Stream reads documents from next until it reports ok == false, processes
// them concurrently on p.Workers goroutines, and hands each finished
// document to emit in input order. At most a few documents per worker are
// in flight, so memory stays bounded however long the stream. An error from
// next, from emit or from a stage stops the run and is returned; so is the
// context's error when ctx is done. Stream returns nil when every document
// was read, processed and emitted.
func (p *Pipeline) Stream(ctx context.Context, next func() (d *doc.Document, ok bool, err error), emit func(*doc.Document) error) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(errStreamDone)

	type job struct {
		d    *doc.Document
		done chan struct{}
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, 2*workers)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				select {
				case j, ok := <-jobs:
					if !ok {
						return
					}
					if err := p.Process(ctx, j.d); err != nil {
						cancel(err)
					}
					close(j.done)
				case <-ctx.Done():
					return
				}
			}
		})
	}

	// The reader feeds each document to the workers and, in the same order,
	// to the emitting loop below. It may outlive Stream while blocked in
	// next after a failure; it exits as soon as next returns.
	go func() {
		defer close(order)
		defer close(jobs)
		for ctx.Err() == nil {
			d, ok, err := next()
			if err != nil {
				cancel(err)
				return
			}
			if !ok {
				return
			}
			j := &job{d: d, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

emitting:
	for {
		select {
		case j, ok := <-order:
			if !ok {
				break emitting
			}
			select {
			case <-j.done:
			case <-ctx.Done():
				break emitting
			}
			if ctx.Err() != nil {
				break emitting
			}
			if err := emit(j.d); err != nil {
				cancel(err)
				break emitting
			}
		case <-ctx.Done():
			break emitting
		}
	}
	cancel(errStreamDone)
	wg.Wait()
	if err := context.Cause(ctx); err != errStreamDone {
		return err
	}
	return nil
}
