package actor

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// TestSeedArticle runs the whole chain on the founding article, read from
// ../shared/seed (skipped when absent), and checks that its people and
// organisations carry the right country and sector.
func TestSeedArticle(t *testing.T) {
	dir := shareddata.Dir(t)
	b, err := os.ReadFile(filepath.Join(dir, "..", "seed", "000_1c17e05ff2083fb3.txt"))
	if err != nil {
		t.Skip(err)
	}
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := chain(r)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b), Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ mention, want string }{
		{"John Ratcliffe", "USASPY"},
		{"The CIA director", "USASPY"},
		{"Delcy Rodríguez", "VENGOV"},
		{"María Corina Machado", "VENOPP"},
		{"Donald Trump", "USAGOV"},
		{"Special Forces", "USAMIL"},
		{"Nicolás Maduro", "VENGOV"},
		{"CIA", "USASPY"},
		{"White House", "USAGOV"},
		{"Tren de Aragua", "CRM"},
		{"a U.S. official", "USAGOV"},
	}
	for _, tt := range tests {
		t.Run(tt.mention, func(t *testing.T) {
			if got := code(entityAt(d, tt.mention)); got != tt.want {
				t.Errorf("%q: got %q; want %q", tt.mention, got, tt.want)
			}
		})
	}
	if e := entityAt(d, "Delcy Rodríguez"); e == nil || len(e.Mentions) < 4 {
		t.Errorf("Delcy Rodríguez: got %v; want her later mentions merged", e)
	}
}
