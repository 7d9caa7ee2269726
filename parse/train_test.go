package parse

import (
	"testing"
)

// TestTrainLearnsParseFeatures trains on a few hand-made sentences and checks
// that the model has weights for features from both halves the parser
// scores (the configuration features and the buffer-front features scored
// apart), so that training and parsing cannot drift apart again.
func TestTrainLearnsParseFeatures(t *testing.T) {
	ex := func(words, xpos, upos []string, heads []int, labels []string) Example {
		return Example{Words: words, XPOS: xpos, UPOS: upos, Heads: heads, Labels: labels}
	}
	var exs []Example
	for range 5 {
		exs = append(exs,
			ex([]string{"Rebels", "seized", "the", "town", "."},
				[]string{"NNS", "VBD", "DT", "NN", "."},
				[]string{"NOUN", "VERB", "DET", "NOUN", "PUNCT"},
				[]int{2, 0, 4, 2, 2}, []string{"nsubj", "root", "det", "obj", "punct"}),
			ex([]string{"The", "minister", "resigned", "."},
				[]string{"DT", "NN", "VBD", "."},
				[]string{"DET", "NOUN", "VERB", "PUNCT"},
				[]int{2, 3, 0, 3}, []string{"det", "nsubj", "root", "punct"}),
		)
	}
	p, err := Train(exs, TrainConfig{Iterations: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Every configuration has some S0 and N0 tag (or the padding tag), so a
	// trainer that sees a half updates some of its tag features.
	anyOf := func(template uint64) []uint64 {
		var fs []uint64
		for _, tag := range []string{"NNS", "VBD", "DT", "NN", ".", ""} {
			fs = append(fs, h1(template, tagHash(tag)))
		}
		return append(fs, h1(template, none))
	}
	tests := []struct {
		name  string
		feats []uint64
	}{
		{"bias (buffer half)", []uint64{h1(xBias, 0)}},
		{"N0 tag (buffer half)", anyOf(xN0p)},
		{"S0 tag (configuration half)", anyOf(xS0p)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, f := range tt.feats {
				n += len(p.model.Row(f))
			}
			if n == 0 {
				t.Errorf("got no weights for the template; want some")
			}
		})
	}
	heads, _ := p.Parse([]string{"Rebels", "seized", "the", "town", "."}, []string{"NOUN", "VERB", "DET", "NOUN", "PUNCT"}, []string{"NNS", "VBD", "DT", "NN", "."})
	if want := []int{1, -1, 3, 1, 1}; !equalInts(heads, want) {
		t.Errorf("heads of a training sentence: got %v; want %v", heads, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
