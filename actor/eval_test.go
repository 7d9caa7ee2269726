package actor

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/eval"
)

// dataDir returns ../shared/data relative to the repository root, or skips.
func dataDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Skip(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(d); err != nil {
		t.Skip("no ../shared/data")
	}
	return d
}

func TestEvaluate(t *testing.T) {
	dir := dataDir(t)
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	scores, err := Evaluate(dir)
	if err != nil {
		t.Fatal(err)
	}
	eval.Print(os.Stdout, scores)
}
