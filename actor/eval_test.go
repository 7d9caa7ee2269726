package actor

import (
	"os"
	"sitrep/internal/shareddata"
	"testing"

	"sitrep/eval"
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
