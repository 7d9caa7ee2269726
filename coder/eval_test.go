package coder

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/eval"
)

// dataDir returns ../shared/data relative to the repository root, skipping
// the test when it is absent.
func dataDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(d, "plover")); err != nil {
		t.Skip("../shared/data/plover absent")
	}
	return d
}

func TestEvaluate(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	scores, err := Evaluate(dataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	eval.Print(testWriter{t}, scores)
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }
