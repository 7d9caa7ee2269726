package geo

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/eval"
)

// dataDir returns ../shared/data relative to the repository root, or ""
// when it is absent.
func dataDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

func TestEvaluateLGL(t *testing.T) {
	d := dataDir(t)
	if d == "" {
		t.Skip("../shared/data is absent")
	}
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	scores, err := Evaluate(d)
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{"geo.lgl.recognition.f1": 0.80, "geo.lgl.acc161": 0.80}
	for _, s := range scores {
		t.Logf("%s = %.4f (%s)", s.Name, s.Value, s.Note)
		if f, ok := floors[s.Name]; ok && s.Value < f {
			t.Errorf("%s = %.4f; want >= %.2f", s.Name, s.Value, f)
		}
	}
	_ = eval.Score{}
}
