package actor

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"sitrep/doc"
)

func TestDebugSeed(t *testing.T) {
	b, err := os.ReadFile("../../shared/seed/000_1c17e05ff2083fb3.txt")
	if err != nil {
		t.Skip(err)
	}
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b), Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		a := ""
		if e.Actor != nil {
			a = e.Actor.Code
		}
		fmt.Printf("%s %s %q %s:", e.ID, e.Type, e.Name, a)
		for _, m := range e.Mentions {
			fmt.Printf(" [%s %q]", m.Kind[:1], d.Slice(m.Span))
		}
		fmt.Println()
	}
	for _, p := range d.Problems {
		fmt.Println(p)
	}
}
