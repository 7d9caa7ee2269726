package tag

import (
	"fmt"
	"path/filepath"

	"sitrep/corpus/conllu"
	"sitrep/eval"
)

// Evaluate scores the embedded tagger on the UD English EWT dev set under
// dataDir (the path of ../shared/data), on gold tokens: UPOS, XPOS and
// lemma accuracy as tag.ewt.upos.acc, tag.ewt.xpos.acc, tag.ewt.lemma.acc.
// It returns an error when the data or the model cannot be read.
func Evaluate(dataDir string) ([]eval.Score, error) {
	t, err := New(Config{})
	if err != nil {
		return nil, err
	}
	return t.Evaluate(dataDir)
}

// Evaluate is the package-level Evaluate for this tagger's model.
func (t *Tagger) Evaluate(dataDir string) ([]eval.Score, error) {
	dev, err := conllu.ReadFile(filepath.Join(dataDir, "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		return nil, fmt.Errorf("tag: evaluate: %w", err)
	}
	var up, xp, lem, n int
	words := make([]string, 0, 64)
	for _, s := range dev {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		got := t.Tag(words)
		for i, w := range s.Words {
			n++
			if got[i].UPOS == w.UPOS {
				up++
			}
			if got[i].XPOS == w.XPOS {
				xp++
			}
			if got[i].Lemma == w.Lemma {
				lem++
			}
		}
	}
	note := fmt.Sprintf("%d words, gold tokens", n)
	return []eval.Score{
		{Name: "tag.ewt.upos.acc", Value: eval.Accuracy(up, n), Note: note},
		{Name: "tag.ewt.xpos.acc", Value: eval.Accuracy(xp, n), Note: note},
		{Name: "tag.ewt.lemma.acc", Value: eval.Accuracy(lem, n), Note: note},
	}, nil
}
