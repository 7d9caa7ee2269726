package ner

import (
	"fmt"
	"path/filepath"

	"sitrep/eval"
)

// Evaluate scores the default recogniser on CoNLL-2003 eng.testa
// (ner.conll.*: exact spans over PER, ORG, LOC and MISC with conlleval
// semantics, on the gold tokenization, and F1 per type), on the GUM news
// documents of the dev set (ner.gum.*: named mentions mapped as for
// training, see MODEL.md) and on all GUM dev documents (ner.gum.all.*).
// dataDir is the shared data folder. It returns an error when the model or
// the data cannot be read.
func Evaluate(dataDir string) ([]eval.Score, error) {
	r, err := New(Config{})
	if err != nil {
		return nil, err
	}
	return r.evaluate(dataDir)
}

func (r *Recognizer) evaluate(dataDir string) ([]eval.Score, error) {
	conll, err := readCoNLL(filepath.Join(dataDir, "conll2003", "eng.testa"))
	if err != nil {
		return nil, err
	}
	all, per := r.score(conll)
	var out []eval.Score
	note := fmt.Sprintf("eng.testa, %d documents", len(conll))
	for _, s := range all.Scores("ner.conll") {
		s.Note = note
		out = append(out, s)
	}
	for t, c := range per {
		out = append(out, eval.Score{Name: "ner.conll." + lower(typeNames[t]) + ".f1", Value: c.F1(), Note: note})
	}
	for _, set := range []struct{ name, glob, what string }{
		{"ner.gum", "GUM_news_*.conllu", "GUM news dev"},
		{"ner.gum.all", "*.conllu", "GUM dev, all genres"},
	} {
		gum, err := readGUM(filepath.Join(dataDir, "gum", "dev", set.glob), r.lx.gaz)
		if err != nil {
			return nil, err
		}
		if len(gum) == 0 {
			continue
		}
		g, _ := r.score(gum)
		note := fmt.Sprintf("%s, %d documents", set.what, len(gum))
		for _, s := range g.Scores(set.name) {
			s.Note = note
			out = append(out, s)
		}
	}
	return out, nil
}

// score counts exact-span matches of the recogniser's output against the
// gold labels of docs, overall and per type.
func (r *Recognizer) score(docs []sample) (eval.Counts, [nTypes]eval.Counts) {
	var all eval.Counts
	var per [nTypes]eval.Counts
	for i := range docs {
		d := &docs[i]
		var forms []string
		for _, s := range d.sents {
			forms = append(forms, s...)
		}
		st := r.getState()
		got := r.find(st, d.sents, forms)
		r.putState(st)
		want := spans(d.labels)
		gold := map[span]bool{}
		for _, s := range want {
			gold[s] = true
		}
		for _, s := range got {
			if gold[s] {
				per[s.typ].TP++
				delete(gold, s)
			} else {
				per[s.typ].FP++
			}
		}
		for s := range gold {
			per[s.typ].FN++
		}
	}
	for _, c := range per {
		all.Add(c)
	}
	return all, per
}

// EvaluateWith is Evaluate for a given recogniser, such as one loaded from
// a freshly trained model file.
func EvaluateWith(r *Recognizer, dataDir string) ([]eval.Score, error) {
	return r.evaluate(dataDir)
}
