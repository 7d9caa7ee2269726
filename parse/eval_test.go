package parse

import (
	"testing"

	"sitrep/eval"
	"sitrep/internal/shareddata"
)

// TestEvaluate checks the dev scores against the floors this model was
// accepted with. It needs ../shared/data and is skipped in -short mode.
func TestEvaluate(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	dir := shareddata.Dir(t)
	scores, err := Evaluate(dir)
	if err != nil {
		t.Fatal(err)
	}
	floors := eval.Floors{
		"parse.ewt.uas": 0.86,
		"parse.ewt.las": 0.83,
		"parse.gum.uas": 0.84,
		"parse.gum.las": 0.80,
	}
	for _, s := range scores {
		t.Logf("%s %.4f (%s)", s.Name, s.Value, s.Note)
	}
	for _, msg := range floors.Check(scores) {
		t.Error(msg)
	}
}
