package tag

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
		"tag.ewt.upos.acc":        0.955,
		"tag.ewt.xpos.acc":        0.945,
		"tag.ewt.lemma.acc":       0.97,
		"tag.ewt.upos.acc.systok": 0.94,
	}
	for _, s := range scores {
		t.Logf("%s %.4f (%s)", s.Name, s.Value, s.Note)
		if f, ok := floors[s.Name]; ok && s.Value < f {
			t.Errorf("%s: got %.4f; want at least %.4f", s.Name, s.Value, f)
		}
	}
}
