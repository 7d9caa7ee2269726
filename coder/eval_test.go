package coder

import (
	"testing"

	"sitrep/eval"
	"sitrep/internal/shareddata"
)

func TestEvaluate(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	scores, err := Evaluate(shareddata.Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	eval.Print(testWriter{t}, scores)
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }
