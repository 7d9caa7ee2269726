package tag

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
		"tag.ewt.upos.acc":        0.955,
		"tag.ewt.xpos.acc":        0.945,
		"tag.ewt.lemma.acc":       0.97,
		"tag.ewt.upos.acc.systok": 0.94,
	}
	for _, s := range scores {
		t.Logf("%s %.4f (%s)", s.Name, s.Value, s.Note)
	}
	for _, msg := range floors.Check(scores) {
		t.Error(msg)
	}
}
