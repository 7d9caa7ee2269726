package segment

import (
	"os"
	"path/filepath"
	"testing"
)

// dataDir returns ../shared/data relative to the repository root (the
// folder holding go.mod), skipping the test when it is absent.
func dataDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if st, err := os.Stat(data); err != nil || !st.IsDir() {
		tb.Skip("../shared/data not present")
	}
	return data
}
