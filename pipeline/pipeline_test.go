package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/pipeline"
)

// appendStage appends its name to the document's title.
func appendStage(name string) pipeline.Stage {
	return pipeline.Func{StageName: name, Fn: func(_ context.Context, d *doc.Document) error {
		d.Title += name
		return nil
	}}
}

func TestProcess(t *testing.T) {
	boom := errors.New("model gone")
	tests := []struct {
		name      string
		stages    []pipeline.Stage
		wantTitle string
		wantErr   error
		wantProbs int
	}{
		{"no stages", nil, "", nil, 0},
		{"in order", []pipeline.Stage{appendStage("a"), appendStage("b"), appendStage("c")}, "abc", nil, 0},
		{"fatal error stops the chain", []pipeline.Stage{appendStage("a"), pipeline.Func{StageName: "x", Fn: func(context.Context, *doc.Document) error { return boom }}, appendStage("c")}, "a", boom, 0},
		{"panic becomes a problem and the chain goes on", []pipeline.Stage{appendStage("a"), pipeline.Func{StageName: "p", Fn: func(_ context.Context, d *doc.Document) error {
			var s []int
			_ = s[len(d.Title)+5] // index out of range
			return nil
		}}, appendStage("c")}, "ac", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{}
			err := pipeline.New(tt.stages...).Process(context.Background(), d)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v; want %v", err, tt.wantErr)
			}
			if d.Title != tt.wantTitle {
				t.Errorf("stages ran %q; want %q", d.Title, tt.wantTitle)
			}
			if len(d.Problems) != tt.wantProbs {
				t.Errorf("got %d problems; want %d: %v", len(d.Problems), tt.wantProbs, d.Problems)
			}
			for _, p := range d.Problems {
				if !strings.Contains(p.Msg, "pipeline_test.go:") {
					t.Errorf("problem %q; want it to name where the panic was raised", p.Msg)
				}
			}
		})
	}
}

func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &doc.Document{}
	if err := pipeline.New(appendStage("a")).Process(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v; want context.Canceled", err)
	}
	if d.Title != "" {
		t.Errorf("a stage ran after cancellation: %q", d.Title)
	}
}

// source returns a next function yielding n documents with ids 0..n-1.
func source(n int) func() (*doc.Document, bool, error) {
	i := 0
	return func() (*doc.Document, bool, error) {
		if i == n {
			return nil, false, nil
		}
		i++
		return &doc.Document{ID: fmt.Sprint(i - 1)}, true, nil
	}
}

func TestStreamKeepsOrder(t *testing.T) {
	// Documents take different times so they finish out of order.
	slow := pipeline.Func{StageName: "slow", Fn: func(_ context.Context, d *doc.Document) error {
		var n int
		fmt.Sscan(d.ID, &n)
		time.Sleep(time.Duration((7*n)%5) * time.Millisecond)
		d.Title = "done"
		return nil
	}}
	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			p := pipeline.New(slow)
			p.Workers = workers
			var got []string
			err := p.Stream(context.Background(), source(50), func(d *doc.Document) error {
				if d.Title != "done" {
					t.Errorf("document %s emitted before it was processed", d.ID)
				}
				got = append(got, d.ID)
				return nil
			})
			if err != nil {
				t.Fatalf("Stream: %v", err)
			}
			for i, id := range got {
				if id != fmt.Sprint(i) {
					t.Fatalf("got order %v; want 0..49", got)
				}
			}
			if len(got) != 50 {
				t.Errorf("got %d documents; want 50", len(got))
			}
		})
	}
}

func TestStreamErrors(t *testing.T) {
	readErr := errors.New("disk gone")
	emitErr := errors.New("pipe closed")
	stageErr := errors.New("model gone")
	tests := []struct {
		name  string
		next  func() (*doc.Document, bool, error)
		stage pipeline.Stage
		emit  func(*doc.Document) error
		want  error
	}{
		{"reader fails", func() (*doc.Document, bool, error) { return nil, false, readErr }, appendStage("a"), func(*doc.Document) error { return nil }, readErr},
		{"emit fails", source(100), appendStage("a"), func(*doc.Document) error { return emitErr }, emitErr},
		{"stage fails", source(100), pipeline.Func{StageName: "x", Fn: func(context.Context, *doc.Document) error { return stageErr }}, func(*doc.Document) error { return nil }, stageErr},
		{"stage panics: batch goes on", source(20), pipeline.Func{StageName: "p", Fn: func(context.Context, *doc.Document) error { panic("bad document") }}, func(d *doc.Document) error {
			if len(d.Problems) != 1 || !strings.Contains(d.Problems[0].Msg, "bad document") {
				return fmt.Errorf("problems = %v; want the panic recorded", d.Problems)
			}
			return nil
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := pipeline.New(tt.stage).Stream(context.Background(), tt.next, tt.emit)
			if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Errorf("err = %v; want %v", err, tt.want)
			}
		})
	}
}

func TestStreamCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := pipeline.New(appendStage("a")).Stream(ctx, func() (*doc.Document, bool, error) {
		n++
		if n == 10 {
			cancel()
		}
		return &doc.Document{}, true, nil // an endless source
	}, func(*doc.Document) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v; want context.Canceled", err)
	}
}

func ExamplePipeline_Process() {
	upper := pipeline.Func{StageName: "upper", Fn: func(_ context.Context, d *doc.Document) error {
		d.Title = strings.ToUpper(d.Text)
		return nil
	}}
	d := &doc.Document{Text: "talks in caracas"}
	if err := pipeline.New(upper).Process(context.Background(), d); err != nil {
		fmt.Println(err)
	}
	fmt.Println(d.Title)
	// Output: TALKS IN CARACAS
}
