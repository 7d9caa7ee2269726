package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var fuzzTags = []string{"NN", "NNS", "NNP", "VBD", "VBZ", "VB", "IN", "DT", "JJ", "RB", ".", ",", "PRP", "CC", "CD", "TO", "MD", ""}

// FuzzParse parses arbitrary words with arbitrary tags and checks that the
// result is a tree.
func FuzzParse(f *testing.F) {
	f.Add("Maduro was captured by U.S. forces .", []byte{2, 4, 5, 6, 2, 1, 10})
	f.Add("", []byte{})
	f.Add(". . . . ,", []byte{10, 11, 0})
	p, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, tagIDs []byte) {
		words := strings.Fields(text)
		tags := make([]string, len(words))
		for i := range tags {
			if len(tagIDs) > 0 {
				tags[i] = fuzzTags[int(tagIDs[i%len(tagIDs)])%len(fuzzTags)]
			}
		}
		heads, rels := p.Parse(words, nil, tags)
		if len(heads) != len(words) || len(rels) != len(words) {
			t.Fatalf("got %d heads, %d relations for %d words", len(heads), len(rels), len(words))
		}
		roots := 0
		for i, h := range heads {
			if h == -1 {
				roots++
				continue
			}
			if h < 0 || h >= len(words) || h == i {
				t.Fatalf("word %d: head %d", i, h)
			}
		}
		if len(words) > 0 && roots != 1 {
			t.Fatalf("got %d roots; want 1", roots)
		}
	})
}

func TestCorruptModel(t *testing.T) {
	var good bytes.Buffer
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.WriteModel(&good); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"text", []byte("not a model")},
		{"truncated", good.Bytes()[:good.Len()/3]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "model.bin")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := New(Config{ModelPath: path}); err == nil {
				t.Error("got nil error; want an error")
			}
		})
	}
	t.Run("round trip", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "model.bin")
		if err := os.WriteFile(path, good.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := New(Config{ModelPath: path}); err != nil {
			t.Errorf("got %v; want nil", err)
		}
	})
}
