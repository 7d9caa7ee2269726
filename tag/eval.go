package tag

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"sitrep/corpus/conllu"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/internal/perceptron"
	"sitrep/segment"
)

// Evaluate scores the embedded tagger on the UD English EWT dev set under
// dataDir (the path of ../shared/data), on gold tokens: UPOS, XPOS and
// lemma accuracy as tag.ewt.upos.acc, tag.ewt.xpos.acc, tag.ewt.lemma.acc,
// and UPOS accuracy on the words missing from the training lexicon as
// tag.ewt.upos.acc.unknown; then on the tokens of package segment run on
// the dev text, as tag.ewt.upos.acc.systok etc. (a word counts as right
// when a system token has exactly its span and the right analysis); then,
// when dataDir has gum/dev, on GUM dev with gold tokens as
// tag.gum.upos.acc, tag.gum.lemma.acc. It returns an error when the data
// or a model cannot be read.
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
	c := t.count(dev)
	note := fmt.Sprintf("%d words, gold tokens", c.n)
	scores := []eval.Score{
		{Name: "tag.ewt.upos.acc", Value: eval.Accuracy(c.upos, c.n), Note: note},
		{Name: "tag.ewt.xpos.acc", Value: eval.Accuracy(c.xpos, c.n), Note: note},
		{Name: "tag.ewt.lemma.acc", Value: eval.Accuracy(c.lemma, c.n), Note: note},
		{Name: "tag.ewt.upos.acc.unknown", Value: eval.Accuracy(c.unknownUPOS, c.unknown),
			Note: fmt.Sprintf("%d words not in the training lexicon, gold tokens", c.unknown)},
	}
	sys, err := t.evaluateSystemTokens(dev)
	if err != nil {
		return nil, err
	}
	scores = append(scores, sys...)
	gumDir := filepath.Join(dataDir, "gum", "dev")
	if _, err := os.Stat(gumDir); err != nil {
		return scores, nil
	}
	gum, err := conllu.ReadGlob(filepath.Join(gumDir, "*.conllu"))
	if err != nil {
		return nil, fmt.Errorf("tag: evaluate: %w", err)
	}
	c = t.count(gum)
	note = fmt.Sprintf("%d words, GUM dev, gold tokens", c.n)
	return append(scores,
		eval.Score{Name: "tag.gum.upos.acc", Value: eval.Accuracy(c.upos, c.n), Note: note},
		eval.Score{Name: "tag.gum.lemma.acc", Value: eval.Accuracy(c.lemma, c.n), Note: note},
	), nil
}

// counts are the right answers of the tagger on gold tokens.
type counts struct {
	n, upos, xpos, lemma int
	unknown, unknownUPOS int // words missing from the training lexicon
}

// count tags sents from their gold words and counts the right answers.
func (t *Tagger) count(sents []conllu.Sentence) counts {
	var c counts
	words := make([]string, 0, 64)
	for _, s := range sents {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		got := t.Tag(words)
		for i, w := range s.Words {
			c.n++
			known := len(t.lex.Row(lowerHash(perceptron.Seed(1), w.Form))) > 0
			if !known {
				c.unknown++
			}
			if got[i].UPOS == w.UPOS {
				c.upos++
				if !known {
					c.unknownUPOS++
				}
			}
			if got[i].XPOS == w.XPOS {
				c.xpos++
			}
			if got[i].Lemma == w.Lemma {
				c.lemma++
			}
		}
	}
	return c
}

// evaluateSystemTokens tags the output of package segment on the text of
// dev and scores it against the gold words it aligns with.
func (t *Tagger) evaluateSystemTokens(dev []conllu.Sentence) ([]eval.Score, error) {
	sg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, fmt.Errorf("tag: evaluate: %w", err)
	}
	golds := segment.GoldDocuments(dev)
	var up, xp, lem, n int
	si := 0
	for _, g := range golds {
		// Gold tokens in order, each with the word it stands for (nil for a
		// multiword token kept whole).
		var words []*conllu.Word
		for range g.Sentences {
			s := &dev[si]
			si++
			mi := 0
			for i := 0; i < len(s.Words); i++ {
				n++
				if mi < len(s.Multi) && s.Multi[mi].First == s.Words[i].ID {
					m := s.Multi[mi]
					mi++
					first, sum := i, 0
					for i < len(s.Words) && s.Words[i].ID <= m.Last {
						sum += len(s.Words[i].Form)
						i++
					}
					n += i - first - 1
					if sum == len(m.Form) {
						for k := first; k < i; k++ {
							if len(s.Words[k].Form) > 0 {
								words = append(words, &s.Words[k])
							}
						}
					} else {
						words = append(words, nil)
					}
					i--
					continue
				}
				words = append(words, &s.Words[i])
			}
		}
		if len(words) != len(g.Tokens) {
			return nil, fmt.Errorf("tag: evaluate: document %s: %d gold tokens for %d words", g.ID, len(g.Tokens), len(words))
		}
		at := map[doc.Span]*conllu.Word{}
		for i, sp := range g.Tokens {
			if words[i] != nil {
				at[sp] = words[i]
			}
		}
		d := &doc.Document{Text: g.Text}
		if err := sg.Process(context.Background(), d); err != nil {
			return nil, err
		}
		if err := t.Process(context.Background(), d); err != nil {
			return nil, err
		}
		for _, tok := range d.Tokens {
			w := at[tok.Span]
			if w == nil {
				continue
			}
			if tok.UPOS == w.UPOS {
				up++
			}
			if tok.XPOS == w.XPOS {
				xp++
			}
			if tok.Lemma == w.Lemma {
				lem++
			}
		}
	}
	note := fmt.Sprintf("%d words, tokens from package segment", n)
	return []eval.Score{
		{Name: "tag.ewt.upos.acc.systok", Value: eval.Accuracy(up, n), Note: note},
		{Name: "tag.ewt.xpos.acc.systok", Value: eval.Accuracy(xp, n), Note: note},
		{Name: "tag.ewt.lemma.acc.systok", Value: eval.Accuracy(lem, n), Note: note},
	}, nil
}
