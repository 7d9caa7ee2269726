package actor

import (
	"os"
	"testing"

	"sitrep/eval"
	"sitrep/internal/shareddata"
)

func TestEvaluate(t *testing.T) {
	dir := shareddata.Dir(t)
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	scores, err := Evaluate(dir)
	if err != nil {
		t.Fatal(err)
	}
	eval.Print(os.Stdout, scores)
}
