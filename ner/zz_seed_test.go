package ner

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDumpSeed(t *testing.T) {
	f := os.Getenv("NERTEXT")
	if f == "" {
		f = filepath.Join(repoRoot(t), "..", "shared", "seed", "000_1c17e05ff2083fb3.txt")
	}
	b, _ := os.ReadFile(f)
	d := run(t, string(b))
	for _, e := range d.Entities {
		t.Logf("%s %s %q", e.ID, e.Type, e.Name)
	}
}
