package timex

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/eval"
)

// dataDir locates ../shared/data beside the repository root, or skips.
func dataDir(t testing.TB) string {
	t.Helper()
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
			t.Skip("repository root not found")
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(data, "timebank")); err != nil {
		t.Skip("../shared/data/timebank not present")
	}
	return data
}

func TestEvaluateTimebank(t *testing.T) {
	data := dataDir(t)
	var w *os.File
	if p := os.Getenv("TIMEX_DUMP"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w = f
	}
	var scores []eval.Score
	var err error
	if w != nil {
		scores, err = evaluate(filepath.Join(data, "timebank"), w)
	} else {
		scores, err = Evaluate(data)
	}
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{
		"timex.timebank.relaxed.f1": 0.90,
		"timex.timebank.strict.f1":  0.82,
		"timex.timebank.value.acc":  0.85,
	}
	for _, s := range scores {
		t.Logf("%-28s %.4f %s", s.Name, s.Value, s.Note)
		if f, ok := floors[s.Name]; ok && s.Value < f {
			t.Errorf("%s = %.4f; want >= %.2f", s.Name, s.Value, f)
		}
	}
}
