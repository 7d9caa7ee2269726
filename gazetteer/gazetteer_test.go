package gazetteer

import (
	"strings"
	"testing"
	"time"
)

func TestLoadTime(t *testing.T) {
	// Warm the file cache and the fold table, then time a fresh load.
	if _, err := Load(strings.NewReader(embedded)); err != nil {
		t.Fatal(err)
	}
	best := time.Hour
	for range 3 {
		start := time.Now()
		if _, err := Load(strings.NewReader(embedded)); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	t.Logf("Load: %v (embedded %d bytes)", best, len(embedded))
	start := time.Now()
	if _, err := parse(embedded); err != nil {
		t.Fatal(err)
	}
	t.Logf("in place, as Default: %v", time.Since(start))
	if best > 200*time.Millisecond {
		t.Errorf("load took %v; want <= 200ms", best)
	}
	if len(embedded) > 20<<20 {
		t.Errorf("embedded data is %d bytes; want <= 20 MiB", len(embedded))
	}
}

func TestLookup(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, key, wantName, wantCountry, wantFeature string
	}{
		{"capital", "Caracas", "Caracas", "VEN", "PPLC"},
		{"diacritics", "Bogota", "Bogotá", "COL", "PPLC"},
		{"upper case", "CARACAS", "Caracas", "VEN", "PPLC"},
		{"country", "Venezuela", "Venezuela", "VEN", "PCLI"},
		{"us state", "Ohio", "Ohio", "USA", "ADM1"},
		{"landmark", "White House", "White House", "USA", "BLDG"},
		{"abbreviation", "U.S.", "United States", "USA", "PCLI"},
		{"demonym", "Venezuelan", "Venezuela", "VEN", "PCLI"},
		{"county", "Licking County", "Licking County", "USA", "ADM2"},
		{"saint", "St. Louis", "St. Louis", "USA", "PPLA2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := g.Lookup(Normalize(tt.key))
			if p.Len() == 0 {
				t.Fatalf("Lookup(%q): no entry", tt.key)
			}
			found := false
			for i := range p.Len() {
				e := g.Entry(p.At(i).Entry)
				if e.Name == tt.wantName && e.Country == tt.wantCountry && e.Feature == tt.wantFeature {
					found = true
				}
			}
			if !found {
				e := g.Entry(p.At(0).Entry)
				t.Errorf("Lookup(%q) first = %s %s %s (of %d); want %s %s %s", tt.key, e.Name, e.Country, e.Feature, p.Len(), tt.wantName, tt.wantCountry, tt.wantFeature)
			}
		})
	}
}
