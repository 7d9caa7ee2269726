package timex

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/eval"
	"sitrep/internal/shareddata"
)

func TestEvaluateTimebank(t *testing.T) {
	data := shareddata.Dir(t)
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
	floors := eval.Floors{
		"timex.timebank.relaxed.f1": 0.90,
		"timex.timebank.strict.f1":  0.82,
		"timex.timebank.value.acc":  0.85,
	}
	for _, s := range scores {
		t.Logf("%-28s %.4f %s", s.Name, s.Value, s.Note)
	}
	for _, msg := range floors.Check(scores) {
		t.Error(msg)
	}
}
