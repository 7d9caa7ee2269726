package ner

import (
	"context"
	"fmt"
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
	for i, text := range shareddata.BBC(t, 60) {
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
					var sc scores
					st.feats = features(st.feats[:0], win, i, prev, prev2, h, hp1, hm1, st.agg)
					r.w.score(st.feats, &want)
					r.fs.scoreToken(st, win, i, prev, prev2, h, hp1, hm1, &sc)
					for l, v := range sc {
						got[l] = float32(v)
					}
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
	defer func(v, w bool) { lookahead, secondPass = v, w }(lookahead, secondPass)
	lookahead, secondPass = false, false
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

// TestMarkRuns checks the runs of capitalised words.
func TestMarkRuns(t *testing.T) {
	code := func(pos, n int) uint8 { return uint8(1 + pos + 4*n) }
	tests := []struct {
		name  string
		forms []string
		caps  bool
		want  []uint8
	}{
		{"one name", []string{"on", "Truth", "Social", ","}, false, []uint8{0, code(posB, 2), code(posL, 2), 0}},
		{"connector", []string{"is", "Tren", "de", "Aragua", "."}, false, []uint8{0, code(posB, 3), code(posI, 3), code(posL, 3), 0}},
		{"two connectors", []string{"Bank", "of", "the", "West"}, false, []uint8{code(posB, 4), code(posI, 4), code(posI, 4), code(posL, 4)}},
		{"trailing lowercase", []string{"Paris", "is", "big"}, false, []uint8{code(posU, 1), 0, 0}},
		{"long word between", []string{"Paris", "and", "then", "Rome"}, false, []uint8{code(posU, 1), 0, 0, code(posU, 1)}},
		{"capped length", []string{"A", "B", "C", "D", "E", "F"}, false, []uint8{code(posB, 5), code(posI, 5), code(posI, 5), code(posI, 5), code(posI, 5), code(posL, 5)}},
		{"headline", []string{"TRUMP", "MEETS", "MACHADO"}, true, []uint8{0, 0, 0}},
		{"empty", nil, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := make([]tok, len(tc.forms))
			for i, f := range tc.forms {
				s[i].form = f
				_, s[i].flags = shapeOf(f)
				if tc.caps {
					s[i].flags |= fCapsSent
				}
			}
			markRuns(s)
			for i := range s {
				if s[i].runPos != tc.want[i] {
					t.Errorf("token %d %q: got %d; want %d", i, tc.forms[i], s[i].runPos, tc.want[i])
				}
			}
		})
	}
}

// TestLookahead checks that an entity left open is continued or closed by
// the better of the two readings.
func TestLookahead(t *testing.T) {
	bORG, lORG, uORG := label(tORG, posB), label(tORG, posL), label(tORG, posU)
	tests := []struct {
		name string
		// scores of token 0 (prev O), of token 1 after B-ORG and after U-ORG
		first, afterB, afterU map[int]int32
		want                  []int
	}{
		{"continue", map[int]int32{bORG: 50, uORG: -20}, map[int]int32{lORG: -1}, nil, []int{bORG, lORG}},
		{"close", map[int]int32{bORG: 10, uORG: 8}, map[int]int32{lORG: -5}, nil, []int{uORG, 0}},
		{"greedy continues", map[int]int32{bORG: 10}, map[int]int32{lORG: 3}, nil, []int{bORG, lORG}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vec := func(m map[int]int32) (v scores) {
				for l := 1; l < nLabels; l++ {
					v[l] = -100
				}
				for l, x := range m {
					v[l] = x
				}
				return v
			}
			got := decodeWith(2, func(i, prev, prev2 int, out *scores) {
				switch {
				case i == 0:
					*out = vec(tc.first)
				case prev == bORG:
					*out = vec(tc.afterB)
				default:
					*out = vec(tc.afterU)
				}
			})
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

// TestInconsistent checks which sentences get a second look.
func TestInconsistent(t *testing.T) {
	mk := func(forms ...string) []tok {
		s := make([]tok, len(forms))
		for i, f := range forms {
			s[i].form = f
			_, s[i].flags = shapeOf(f)
			s[i].hist = hashStr(offset64, lower(f))
		}
		return s
	}
	per, org := label(tPER, posU), label(tORG, posU)
	tests := []struct {
		name    string
		history map[string][]int // labels already given to each word in the document
		toks    []tok
		labels  []int
		want    bool
	}{
		{"agrees", map[string][]int{"Trump": {per, per, org}}, mk("Trump", "spoke"), []int{per, 0}, false},
		{"minority type", map[string][]int{"Trump": {per, per, org}}, mk("a", "Trump", "official"), []int{0, org, 0}, true},
		{"a name elsewhere", map[string][]int{"Apple": {0, 0, org}}, mk("Apple", "pie"), []int{0, 0}, true},
		{"never a name elsewhere", map[string][]int{"Apple": {0, 0}}, mk("Apple", "pie"), []int{0, 0}, false},
		{"lowercase ignored", map[string][]int{"trump": {per, per}}, mk("trump", "card"), []int{0, 0}, false},
		{"unseen word", nil, mk("Nobody", "came"), []int{per, 0}, false},
		{"empty", nil, nil, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newState()
			for w, ls := range tc.history {
				tk := mk(w)[0]
				for _, l := range ls {
					st.record(&tk, l)
				}
			}
			if got := st.inconsistent(tc.toks, tc.labels); got != tc.want {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}
