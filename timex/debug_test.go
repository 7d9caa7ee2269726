package timex

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

// TestDebugTag is a development aid: it prints the times of each
// "|"-separated text in $TIMEX_TEXT, published on $TIMEX_PUB (YYYY-MM-DD,
// default 1989-10-30), and is skipped when $TIMEX_TEXT is unset. With
// $TIMEX_DUMP set, TestEvaluateTimebank writes every disagreement with
// TimeBank to that file instead.
func TestDebugTag(t *testing.T) {
	s := os.Getenv("TIMEX_TEXT")
	if s == "" {
		t.Skip()
	}
	tg := newTagger(t)
	pub := time.Date(1989, 10, 30, 0, 0, 0, 0, time.UTC)
	if v := os.Getenv("TIMEX_PUB"); v != "" {
		pub, _ = time.Parse("2006-01-02", v)
	}
	for _, line := range strings.Split(s, "|") {
		d := &doc.Document{Text: line, Published: pub}
		if err := tg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", line)
		for _, x := range d.Times {
			t.Logf("   %q %s %s", d.Slice(x.Span), x.Type, x.Value)
		}
	}
}
