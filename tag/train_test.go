package tag

import (
	"bytes"
	"strings"
	"testing"

	"sitrep/corpus/conllu"
)

// toySentences returns a small treebank: enough for a tagger to learn its
// own training sentences.
func toySentences() []conllu.Sentence {
	mk := func(spec string) conllu.Sentence {
		var s conllu.Sentence
		for i, f := range strings.Fields(spec) {
			p := strings.Split(f, "/")
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: p[0], Lemma: p[1], UPOS: p[2], XPOS: p[3]})
		}
		return s
	}
	var out []conllu.Sentence
	for range 20 {
		out = append(out,
			mk("Rebels/rebel/NOUN/NNS seized/seize/VERB/VBD the/the/DET/DT town/town/NOUN/NN ././PUNCT/."),
			mk("The/the/DET/DT minister/minister/NOUN/NN resigned/resign/VERB/VBD ././PUNCT/."),
			mk("Troops/troop/NOUN/NNS shelled/shell/VERB/VBD the/the/DET/DT port/port/NOUN/NN ././PUNCT/."),
		)
	}
	return out
}

// TestTrainDirections trains a tagger reading one way and one reading both
// ways, writes and reads each back, and checks that the right-to-left model
// survives the round trip and that both tag a training sentence right.
func TestTrainDirections(t *testing.T) {
	tests := []struct {
		name           string
		bidi, quantize bool
	}{
		{"left to right", false, false},
		{"both directions", true, false},
		{"both directions, quantized", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, err := Train(toySentences(), TrainConfig{Iterations: 4, Seed: 1, Bidirectional: tt.bidi})
			if err != nil {
				t.Fatal(err)
			}
			if tt.quantize {
				tg = tg.Quantized()
			}
			var buf bytes.Buffer
			if err := tg.WriteModel(&buf); err != nil {
				t.Fatal(err)
			}
			back, err := ReadModel(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got := back.rmodel != nil; got != tt.bidi {
				t.Errorf("right-to-left model after the round trip: got %v; want %v", got, tt.bidi)
			}
			var got []string
			for _, x := range back.Tag([]string{"Troops", "seized", "the", "town", "."}) {
				got = append(got, x.UPOS)
			}
			if want := "NOUN VERB DET NOUN PUNCT"; strings.Join(got, " ") != want {
				t.Errorf("tags: got %v; want %s", got, want)
			}
		})
	}
}
