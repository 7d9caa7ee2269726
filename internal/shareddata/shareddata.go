// Package shareddata locates the corpora in ../shared/data for tests and
// benchmarks, which skip when the folder is absent (a fresh clone has no
// ../shared).
package shareddata

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Dir returns the path of ../shared/data, joined with parts, relative to
// the repository root (the nearest folder above the working directory that
// holds go.mod). It skips tb when the root or the path cannot be found.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shareddata: repository root not found")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared", "data"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shareddata: %s not present", filepath.Join(append([]string{"../shared/data"}, parts...)...))
	}
	return p
}

// BBC returns the texts of the first n BBC articles of
// ../shared/data/bulk/bbc (all of them when n <= 0), in path order: the
// benchmark text. It skips tb when there are none.
func BBC(tb testing.TB, n int) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(Dir(tb, "bulk", "bbc"), "*", "*.txt"))
	if len(paths) == 0 {
		tb.Skip("shareddata: no BBC articles in ../shared/data/bulk/bbc")
	}
	sort.Strings(paths)
	if n > 0 && n < len(paths) {
		paths = paths[:n]
	}
	texts := make([]string, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts[i] = string(b)
	}
	return texts
}
