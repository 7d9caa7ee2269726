package coder

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
	"sitrep/pipeline"
)

// TestFoundingArticle runs the whole chain on the founding article (from
// ../shared/seed, skipped when absent) and looks for the events an analyst
// reads in it, by type and the countries of actor and recipient. The
// expectations are the analyst's reading, not the coder's rules: a miss is
// logged, and the test fails only when most are missed, since the stages
// before the coder change under it.
func TestFoundingArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	b, err := os.ReadFile(filepath.Join(shareddata.Dir(t), "..", "seed", "000_1c17e05ff2083fb3.txt"))
	if err != nil {
		t.Skip(err)
	}
	stages, err := Chain()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b), Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	if err := pipeline.New(append(stages, c)...).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	country := map[string]string{}
	for _, e := range d.Entities {
		if e.Actor != nil {
			country[e.ID] = e.Actor.Country
		}
	}
	has := func(ids []string, c string) bool {
		if c == "" {
			return true
		}
		for _, id := range ids {
			if country[id] == c {
				return true
			}
		}
		return false
	}
	want := []struct {
		what, plover, actor, recipient string
	}{
		{"the visit to Caracas", "CONSULT", "USA", "VEN"},
		{"the meeting with Rodríguez", "CONSULT", "USA", "VEN"},
		{"the White House meeting with Machado", "CONSULT", "USA", "VEN"},
		{"the capture of Maduro", "COERCE", "USA", "VEN"},
		{"the demand to end support for criminal organisations", "REQUEST", "USA", ""},
		{"the Rodríguez–Trump phone call", "CONSULT", "VEN", "USA"},
		{"the Nobel prize handed to Trump", "SUPPORT", "VEN", "USA"},
		{"Trump's skepticism about Machado", "ACCUSE", "USA", "VEN"},
		{"the support for Rodríguez", "SUPPORT", "USA", "VEN"},
	}
	found := 0
	for _, w := range want {
		ok := false
		for _, e := range d.Events {
			if e.Plover == w.plover && has(e.Actors, w.actor) && has(e.Recipients, w.recipient) {
				ok = true
			}
		}
		if ok {
			found++
		} else {
			t.Logf("not found: %s (%s %s>%s)", w.what, w.plover, w.actor, w.recipient)
		}
	}
	t.Logf("found %d of %d; %d events in all", found, len(want), len(d.Events))
	if found*2 < len(want) {
		t.Errorf("found %d of %d expected events", found, len(want))
	}
}
