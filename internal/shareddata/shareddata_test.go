package shareddata

import (
	"os"
	"testing"
)

func TestDir(t *testing.T) {
	d := Dir(t) // skips without ../shared/data
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		t.Errorf("Dir = %q; want an existing folder", d)
	}
}

func TestDirMissingPartSkips(t *testing.T) {
	ok := t.Run("missing", func(t *testing.T) {
		Dir(t, "no-such-corpus")
		t.Error("Dir returned for a missing path; want a skip")
	})
	if !ok {
		t.Error("subtest failed")
	}
}
