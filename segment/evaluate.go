package segment

import (
	"fmt"
	"path/filepath"

	"sitrep/corpus/conllu"
	"sitrep/doc"
	"sitrep/eval"
)

// GUMEvalGenres are the GUM genres scored by Evaluate.
var GUMEvalGenres = []string{"news", "interview", "bio", "voyage"}

// Evaluate scores the default Segmenter on the UD EWT dev set and on the
// GUM dev documents of GUMEvalGenres under dataDir (../shared/data): exact
// token spans and sentences (both ends must match), as precision, recall
// and F1 named segment.{ewt,gum}.{token,sentence}.{p,r,f1}. See Gold for
// how the raw text is rebuilt. It returns an error when a file cannot be
// read.
func Evaluate(dataDir string) ([]eval.Score, error) {
	sg, err := New(Config{})
	if err != nil {
		return nil, err
	}
	return sg.Evaluate(dataDir)
}

// Evaluate is like the package's Evaluate, for sg.
func (sg *Segmenter) Evaluate(dataDir string) ([]eval.Score, error) {
	ewt, err := conllu.ReadFile(filepath.Join(dataDir, "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		return nil, fmt.Errorf("segment: evaluate: %w", err)
	}
	var gum []conllu.Sentence
	for _, g := range GUMEvalGenres {
		s, err := conllu.ReadGlob(filepath.Join(dataDir, "gum", "dev", "GUM_"+g+"_*.conllu"))
		if err != nil {
			return nil, fmt.Errorf("segment: evaluate: %w", err)
		}
		gum = append(gum, s...)
	}
	if len(ewt) == 0 || len(gum) == 0 {
		return nil, fmt.Errorf("segment: evaluate: no dev data under %s", dataDir)
	}
	var out []eval.Score
	for _, set := range []struct {
		name  string
		sents []conllu.Sentence
	}{{"ewt", ewt}, {"gum", gum}} {
		docs := GoldDocuments(set.sents)
		tc, sc := sg.Score(docs)
		note := fmt.Sprintf("%d documents, %d sentences", len(docs), len(set.sents))
		for _, s := range tc.Scores("segment." + set.name + ".token") {
			s.Note = note
			out = append(out, s)
		}
		for _, s := range sc.Scores("segment." + set.name + ".sentence") {
			s.Note = note
			out = append(out, s)
		}
	}
	return out, nil
}

// Score segments each gold document's text and counts exact matches of
// token spans and of sentence spans.
func (sg *Segmenter) Score(docs []Gold) (tokens, sentences eval.Counts) {
	for _, g := range docs {
		toks, sents := sg.Segment(g.Text)
		tokens.Add(matchSpans(toks, g.Tokens))
		ss := make([]doc.Span, len(sents))
		for i, s := range sents {
			ss[i] = s.Span
		}
		sentences.Add(matchSpans(ss, g.Sentences))
	}
	return tokens, sentences
}

// matchSpans counts the spans of got found in want, each gold span matched
// at most once; both lists are sorted by start.
func matchSpans(got, want []doc.Span) eval.Counts {
	seen := make(map[doc.Span]int, len(want))
	for _, s := range want {
		seen[s]++
	}
	var c eval.Counts
	for _, s := range got {
		if seen[s] > 0 {
			seen[s]--
			c.TP++
		} else {
			c.FP++
		}
	}
	c.FN = len(want) - c.TP
	return c
}
