package geo

import (
	"testing"

	"sitrep/eval"
	"sitrep/internal/shareddata"
)

func TestEvaluateLGL(t *testing.T) {
	d := shareddata.Dir(t)
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	scores, err := Evaluate(d)
	if err != nil {
		t.Fatal(err)
	}
	floors := eval.Floors{"geo.lgl.recognition.f1": 0.80, "geo.lgl.acc161": 0.80}
	for _, s := range scores {
		t.Logf("%s = %.4f (%s)", s.Name, s.Value, s.Note)
	}
	for _, msg := range floors.Check(scores) {
		t.Error(msg)
	}
}
