package timex

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

func TestDebugTag(t *testing.T) {
	s := os.Getenv("TIMEX_TEXT")
	if s == "" {
		t.Skip()
	}
	tg, _ := New(Config{})
	pub := time.Date(1989, 10, 30, 0, 0, 0, 0, time.UTC)
	if v := os.Getenv("TIMEX_PUB"); v != "" {
		pub, _ = time.Parse("2006-01-02", v)
	}
	for _, line := range strings.Split(s, "|") {
		d := &doc.Document{Text: line, Published: pub}
		tg.Process(context.Background(), d)
		t.Logf("%s", line)
		for _, x := range d.Times {
			t.Logf("   %q %s %s", d.Slice(x.Span), x.Type, x.Value)
		}
	}
}
