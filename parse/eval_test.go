package parse

import (
	"sitrep/internal/shareddata"
	"testing"
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
	floors := map[string]float64{
		"parse.ewt.uas": 0.86,
		"parse.ewt.las": 0.83,
		"parse.gum.uas": 0.84,
		"parse.gum.las": 0.80,
	}
	for _, s := range scores {
		t.Logf("%s %.4f (%s)", s.Name, s.Value, s.Note)
		if f, ok := floors[s.Name]; ok && s.Value < f {
			t.Errorf("%s: got %.4f; want at least %.4f", s.Name, s.Value, f)
		}
	}
}
