package parse

import (
	"fmt"
	"path/filepath"
	"strings"

	"sitrep/corpus/conllu"
	"sitrep/eval"
	"sitrep/tag"
)

// Evaluate scores the embedded parser, on tags predicted by the embedded
// tagger and gold tokens, on UD English EWT dev and on the GUM news dev
// documents under dataDir (the path of ../shared/data): parse.ewt.uas,
// parse.ewt.las (full relation, subtypes included), parse.ewt.las.udep
// (universal part of the relation) and the same for gum. Every word counts,
// punctuation included. It returns an error when the data or a model cannot
// be read.
func Evaluate(dataDir string) ([]eval.Score, error) {
	p, err := New(Config{})
	if err != nil {
		return nil, err
	}
	t, err := tag.New(tag.Config{})
	if err != nil {
		return nil, err
	}
	return p.Evaluate(dataDir, t)
}

// Evaluate is the package-level Evaluate for this parser, with tags from t.
func (p *Parser) Evaluate(dataDir string, t *tag.Tagger) ([]eval.Score, error) {
	ewt, err := conllu.ReadFile(filepath.Join(dataDir, "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		return nil, fmt.Errorf("parse: evaluate: %w", err)
	}
	gum, err := conllu.ReadGlob(filepath.Join(dataDir, "gum", "dev", "GUM_news_*.conllu"))
	if err != nil {
		return nil, fmt.Errorf("parse: evaluate: %w", err)
	}
	var out []eval.Score
	out = append(out, p.score("parse.ewt", ewt, t)...)
	out = append(out, p.score("parse.gum", gum, t)...)
	return out, nil
}

func (p *Parser) score(prefix string, sents []conllu.Sentence, t *tag.Tagger) []eval.Score {
	var n, uas, las, ulas int
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		tags := t.Tag(words)
		upos := make([]string, len(tags))
		xpos := make([]string, len(tags))
		for i, tg := range tags {
			upos[i], xpos[i] = tg.UPOS, tg.XPOS
		}
		heads, rels := p.Parse(words, upos, xpos)
		for i, w := range s.Words {
			n++
			if heads[i]+1 != w.Head {
				continue
			}
			uas++
			if rels[i] == w.Deprel {
				las++
			}
			a, _, _ := strings.Cut(rels[i], ":")
			b, _, _ := strings.Cut(w.Deprel, ":")
			if a == b {
				ulas++
			}
		}
	}
	note := fmt.Sprintf("%d words, predicted tags, gold tokens", n)
	return []eval.Score{
		{Name: prefix + ".uas", Value: eval.Accuracy(uas, n), Note: note},
		{Name: prefix + ".las", Value: eval.Accuracy(las, n), Note: note + ", full relation"},
		{Name: prefix + ".las.udep", Value: eval.Accuracy(ulas, n), Note: note + ", universal relation"},
	}
}
