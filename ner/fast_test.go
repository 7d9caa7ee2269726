package ner

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// fastDocs returns documents as sentences of forms: a few hand-made ones,
// and BBC articles and CoNLL-2003 eng.testa documents when the data is
// present.
func fastDocs(t *testing.T) map[string][][]string {
	docs := map[string][][]string{
		"hand": {
			{"CIA", "Director", "John", "Ratcliffe", "went", "to", "Caracas", "."},
			{"TRUMP", "MEETS", "MACHADO"},
			{"Trump", "posted", "on", "Truth", "Social", ",", "writing", "that", "Machado", "had", "won", "."},
			{"Machado", "said", "the", "New", "York", "Stock", "Exchange", "was", "closed", "."},
			{"x"},
			{",", "'s"},
		},
	}
	dir := shareddata.Dir(t)
	r, sg := recognizer(t)
	_ = r
	for i, text := range bulkDocs(t, 60) {
		d := &doc.Document{Text: text}
		if err := sg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var sents [][]string
		for _, s := range d.Sentences {
			var f []string
			for k := s.FirstToken; k < s.EndToken; k++ {
				f = append(f, d.Slice(d.Tokens[k].Span))
			}
			sents = append(sents, f)
		}
		docs["bbc"+itoa(i)] = sents
	}
	conll, err := readCoNLL(filepath.Join(dir, "conll2003", "eng.testa"))
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range conll[:min(60, len(conll))] {
		docs["testa"+itoa(i)] = d.sents
	}
	return docs
}

// TestFastScorerExact checks that the run-time scorer gives, for every
// token and for random previous labels and history values, exactly the
// scores of the full feature list.
func TestFastScorerExact(t *testing.T) {
	r, _ := recognizer(t)
	rng := rand.New(rand.NewPCG(1, 2))
	st := newState()
	for name, sents := range fastDocs(t) {
		r.lx.prepare(st, sents)
		k := 0
		for _, s := range sents {
			win := st.toks[k : k+len(s)]
			k += len(s)
			st.staticScores(r.w, r.fs.fx, win)
			for i := range win {
				for range 4 {
					prev, prev2 := rng.IntN(nLabels), rng.IntN(nLabels)
					h, hp1, hm1 := uint8(rng.IntN(histNone+1)), uint8(rng.IntN(histNone+1)), uint8(rng.IntN(histNone+1))
					var want, got [nLabels]float32
					st.feats = features(st.feats[:0], win, i, prev, prev2, h, hp1, hm1, st.agg)
					r.w.score(st.feats, &want)
					r.fs.scoreToken(st, win, i, prev, prev2, h, hp1, hm1, &got)
					if got != want {
						t.Fatalf("%s: token %d %q (prev %d, %d): got %v; want %v", name, i, win[i].form, prev, prev2, got, want)
					}
				}
			}
		}
	}
}

// TestFastDecodeSame checks that, without the lookahead, the run-time
// decoder labels documents as the training decoder does.
func TestFastDecodeSame(t *testing.T) {
	r, _ := recognizer(t)
	defer func(v bool) { lookahead = v }(lookahead)
	lookahead = false
	st := newState()
	for name, sents := range fastDocs(t) {
		n := 0
		for _, s := range sents {
			n += len(s)
		}
		want, got := make([]int, n), make([]int, n)
		r.lx.prepare(st, sents)
		st.tagDocument(r.w, sents, want, nil, nil)
		r.lx.prepare(st, sents)
		st.tagDocumentFast(r.fs, sents, got)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: token %d %q: got label %d; want %d", name, i, st.toks[i].form, got[i], want[i])
			}
		}
	}
}
