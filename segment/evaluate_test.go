package segment

import (
	"strings"
	"testing"

	"sitrep/corpus/conllu"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/internal/shareddata"
)

// TestEvaluate scores the segmenter on the dev data (skipped when
// ../shared/data is absent) and prints the scores; run it with -v to see
// them.
func TestEvaluate(t *testing.T) {
	dir := shareddata.Dir(t)
	scores, err := Evaluate(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	eval.Print(&b, scores)
	t.Log("\n" + b.String())
	// Floors just under the scores reached (see MODEL.md).
	floors := eval.Floors{
		"segment.ewt.token.f1":    0.995,
		"segment.ewt.sentence.f1": 0.895,
		"segment.gum.token.f1":    0.999,
		"segment.gum.sentence.f1": 0.945,
	}
	for _, msg := range floors.Check(scores) {
		t.Error(msg)
	}
}

func TestGoldDocuments(t *testing.T) {
	text := `# newdoc id = d1
# newpar
# text = I didn't go.
1	I	I	PRON	_	_	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	_	_	4	aux	_	_
3	n't	not	PART	_	_	4	advmod	_	_
4	go	go	VERB	_	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	_	_	4	punct	_	_

# text = Yes!
1	Yes	yes	INTJ	_	_	0	root	_	SpaceAfter=No
2	!	!	PUNCT	_	_	1	punct	_	_

# newpar
# text = New paragraph
1	New	new	ADJ	_	_	2	amod	_	_
2	paragraph	paragraph	NOUN	_	_	0	root	_	_

`
	sents, err := conllu.Read(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	docs := GoldDocuments(sents)
	if len(docs) != 1 {
		t.Fatalf("got %d documents; want 1", len(docs))
	}
	g := docs[0]
	if want := "I didn't go. Yes!\n\nNew paragraph"; g.Text != want {
		t.Errorf("text = %q; want %q", g.Text, want)
	}
	var toks []string
	for _, s := range g.Tokens {
		toks = append(toks, g.Text[s.Start:s.End])
	}
	if got, want := strings.Join(toks, "|"), "I|did|n't|go|.|Yes|!|New|paragraph"; got != want {
		t.Errorf("tokens = %s; want %s", got, want)
	}
	wantSents := []doc.Span{{Start: 0, End: 12}, {Start: 13, End: 17}, {Start: 19, End: 32}}
	for i, s := range g.Sentences {
		if i >= len(wantSents) || s != wantSents[i] {
			t.Errorf("sentence %d = %v; want %v", i, s, wantSents)
		}
	}
	tc, sc := newTestSegmenter(t, Config{}).Score(docs)
	if tc.F1() != 1 || sc.F1() != 1 {
		t.Errorf("scores on an easy document: token F1 %.3f, sentence F1 %.3f; want 1, 1", tc.F1(), sc.F1())
	}
}
