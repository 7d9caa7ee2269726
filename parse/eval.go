package parse

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"sitrep/corpus/conllu"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/segment"
	"sitrep/tag"
)

// Evaluate scores the embedded parser, on tags predicted by the embedded
// tagger and gold tokens, on UD English EWT dev and on the GUM news dev
// documents under dataDir (the path of ../shared/data): parse.ewt.uas,
// parse.ewt.las (full relation, subtypes included), parse.ewt.las.udep
// (universal part of the relation) and the same for gum. Every word counts,
// punctuation included. It also scores the whole chain segment → tag →
// parse on the EWT dev text as parse.ewt.uas.systok and parse.ewt.las.systok:
// a gold word counts as right when a system token has exactly its span and
// its head is the token with exactly its gold head's span. It returns an
// error when the data or a model cannot be read.
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
	sys, err := p.scoreSystemTokens(ewt, t)
	if err != nil {
		return nil, err
	}
	return append(out, sys...), nil
}

// scoreSystemTokens runs segment, t and p on the text of dev and scores
// the trees against the gold words they align with.
func (p *Parser) scoreSystemTokens(dev []conllu.Sentence, t *tag.Tagger) ([]eval.Score, error) {
	sg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, fmt.Errorf("parse: evaluate: %w", err)
	}
	var n, uas, las int
	si := 0
	for _, g := range segment.GoldDocuments(dev) {
		// Gold tokens in order, each with its word (nil for a multiword
		// token kept whole), and each word's span by sentence and id.
		type ref struct {
			w    *conllu.Word
			sent int
		}
		var refs []ref
		for range g.Sentences {
			s := &dev[si]
			mi := 0
			for i := 0; i < len(s.Words); i++ {
				n++
				if mi < len(s.Multi) && s.Multi[mi].First == s.Words[i].ID {
					m := s.Multi[mi]
					mi++
					start, sum := i, 0
					for i < len(s.Words) && s.Words[i].ID <= m.Last {
						sum += len(s.Words[i].Form)
						i++
					}
					n += i - start - 1
					if sum == len(m.Form) {
						for k := start; k < i; k++ {
							if len(s.Words[k].Form) > 0 {
								refs = append(refs, ref{&s.Words[k], si})
							}
						}
					} else {
						refs = append(refs, ref{nil, si})
					}
					i--
					continue
				}
				refs = append(refs, ref{&s.Words[i], si})
			}
			si++
		}
		if len(refs) != len(g.Tokens) {
			return nil, fmt.Errorf("parse: evaluate: document %s: %d gold tokens for %d words", g.ID, len(g.Tokens), len(refs))
		}
		type key struct{ sent, id int }
		spanOf := map[key]doc.Span{}
		at := map[doc.Span]ref{}
		for i, sp := range g.Tokens {
			if r := refs[i]; r.w != nil {
				spanOf[key{r.sent, r.w.ID}] = sp
				at[sp] = r
			}
		}
		d := &doc.Document{Text: g.Text}
		ctx := context.Background()
		if err := sg.Process(ctx, d); err != nil {
			return nil, err
		}
		if err := t.Process(ctx, d); err != nil {
			return nil, err
		}
		if err := p.Process(ctx, d); err != nil {
			return nil, err
		}
		for _, tok := range d.Tokens {
			r, ok := at[tok.Span]
			if !ok {
				continue
			}
			var right bool
			if r.w.Head == 0 {
				right = tok.Head == -1
			} else {
				hs, ok := spanOf[key{r.sent, r.w.Head}]
				right = ok && tok.Head >= 0 && d.Tokens[tok.Head].Span == hs
			}
			if right {
				uas++
				if tok.Deprel == r.w.Deprel {
					las++
				}
			}
		}
	}
	note := fmt.Sprintf("%d words, tokens from package segment, predicted tags", n)
	return []eval.Score{
		{Name: "parse.ewt.uas.systok", Value: eval.Accuracy(uas, n), Note: note},
		{Name: "parse.ewt.las.systok", Value: eval.Accuracy(las, n), Note: note + ", full relation"},
	}, nil
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
