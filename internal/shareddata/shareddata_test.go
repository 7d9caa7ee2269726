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

func TestBBC(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want string
		ok   func(got int) bool
	}{
		{"first three", 3, "3", func(got int) bool { return got == 3 }},
		{"all", 0, "more than 3", func(got int) bool { return got > 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts := BBC(t, tt.n)
			if !tt.ok(len(texts)) {
				t.Errorf("got %d texts; want %s", len(texts), tt.want)
			}
			for i, s := range texts {
				if s == "" {
					t.Errorf("text %d: got an empty article; want its text", i)
				}
			}
		})
	}
}
