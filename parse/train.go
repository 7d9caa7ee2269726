package parse

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"

	"sitrep/corpus/conllu"
	"sitrep/internal/perceptron"
)

// TrainConfig sets how Train learns. Zero values mean defaults.
type TrainConfig struct {
	Iterations int     // passes over the data; default 8
	Seed       int64   // shuffling and exploration seed; default 1
	Prune      float64 // drop averaged weights below this fraction of the largest; default 0.0025
	Explore    float64 // probability of following the model's own mistakes; default 0.9
	Log        io.Writer
}

// Example is one training sentence: its words with the tags a tagger
// predicted for them, and the gold tree.
type Example struct {
	Words, UPOS, XPOS []string
	Heads             []int // 1-based, 0 for the root
	Labels            []string
}

// Examples converts treebank sentences to examples, taking UPOS and XPOS
// from upos and xpos (one slice per sentence) when they are not nil and
// from the gold columns otherwise.
func Examples(sents []conllu.Sentence, upos, xpos [][]string) []Example {
	out := make([]Example, 0, len(sents))
	for si, s := range sents {
		e := Example{}
		for i, w := range s.Words {
			e.Words = append(e.Words, w.Form)
			t, u := w.XPOS, w.UPOS
			if xpos != nil {
				t = xpos[si][i]
			}
			if upos != nil {
				u = upos[si][i]
			}
			e.XPOS = append(e.XPOS, t)
			e.UPOS = append(e.UPOS, u)
			e.Heads = append(e.Heads, w.Head)
			e.Labels = append(e.Labels, w.Deprel)
		}
		out = append(out, e)
	}
	return out
}

// projective reports whether the tree given by heads (1-based) has no
// crossing arcs.
func projective(heads []int) bool {
	for i, h := range heads {
		d := i + 1
		a, b := min(h, d), max(h, d)
		for j, h2 := range heads {
			d2 := j + 1
			c, e := min(h2, d2), max(h2, d2)
			if (a < c && c < b && b < e) || (c < a && a < e && e < b) {
				return false
			}
		}
	}
	return true
}

// Train learns a parser from examples. Relations seen fewer than 30 times
// are reduced to their universal part. Non-projective trees are skipped.
// It returns an error when there is nothing to learn from.
func Train(exs []Example, cfg TrainConfig) (*Parser, error) {
	if cfg.Iterations <= 0 {
		cfg.Iterations = 8
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Prune == 0 {
		cfg.Prune = 0.0025
	}
	if cfg.Explore == 0 {
		cfg.Explore = 0.9
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, args...)
		}
	}
	count := map[string]int{}
	for _, e := range exs {
		for _, l := range e.Labels {
			count[l]++
		}
	}
	labelOfName := func(l string) string {
		if count[l] >= 30 {
			return l
		}
		base, _, _ := strings.Cut(l, ":")
		return base
	}
	set := map[string]bool{"root": true, "punct": true, "parataxis": true}
	for l := range count {
		set[labelOfName(l)] = true
	}
	var labels []string
	for l := range set {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 64 {
		return nil, fmt.Errorf("parse: train: %d labels, at most 64", len(labels))
	}
	id := map[string]int{}
	for i, l := range labels {
		id[l] = i
	}
	p, err := newParser(labels, &perceptron.Model{NClasses: 2 + 2*len(labels)})
	if err != nil {
		return nil, err
	}
	type gold struct {
		heads, labels []int32
	}
	var data []int
	golds := make([]gold, len(exs))
	for i, e := range exs {
		if len(e.Words) == 0 || !projective(e.Heads) {
			continue
		}
		g := gold{heads: make([]int32, len(e.Words)+1), labels: make([]int32, len(e.Words)+1)}
		g.heads[0], g.labels[0] = -1, -1
		for k := range e.Words {
			g.heads[k+1] = int32(e.Heads[k])
			g.labels[k+1] = int32(id[labelOfName(e.Labels[k])])
		}
		golds[i] = g
		data = append(data, i)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("parse: train: no projective sentence")
	}
	logf("parser: %d labels, %d of %d sentences projective\n", len(labels), len(data), len(exs))
	nc := 2 + 2*len(labels)
	tr := perceptron.NewTrainer(nc)
	rng := rand.New(rand.NewSource(cfg.Seed))
	scores := make([]float32, nc)
	costs := make([]int, nc)
	var st state
	var feats []uint64
	for it := 0; it < cfg.Iterations; it++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		right, total := 0, 0
		for _, k := range data {
			e, g := exs[k], golds[k]
			st.reset(len(e.Words))
			for i, w := range e.Words {
				st.w[i+1] = wordHash(w)
				st.p[i+1] = tagHash(e.XPOS[i])
				st.u[i+1] = uposHash(e.UPOS[i])
			}
			for !st.done() {
				// Parsing scores the buffer features apart (to reuse them);
				// training must see the same features in all.
				feats = st.bufFeatures(st.features(feats[:0]))
				tr.Scores(feats, scores)
				oracleCosts(&st, g.heads, g.labels, p.root, costs)
				pred, best := -1, -1
				for c := 0; c < nc; c++ {
					if costs[c] < 0 {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if costs[c] == 0 && (best < 0 || scores[c] > scores[best]) {
						best = c
					}
				}
				if best < 0 {
					best = pred
				}
				if costs[pred] > 0 {
					tr.Update(feats, best, pred)
				} else {
					right++
				}
				total++
				tr.Tick()
				next := best
				if it > 0 && costs[pred] > 0 && rng.Float64() < cfg.Explore {
					next = pred
				}
				st.apply(next)
			}
		}
		logf("parser iteration %d: %.4f of transitions right, %d features\n", it+1, float64(right)/float64(total), tr.Features())
	}
	p.model = tr.Model(cfg.Prune)
	logf("parser model: %d features, %d weights\n", p.model.Features(), p.model.Entries())
	return p, nil
}

// oracleCosts sets costs[c] to the number of gold arcs (a wrong label on a
// right head counting one) that transition c makes unreachable, or -1 when
// c is not valid: the dynamic oracle of Goldberg and Nivre (2012) for the
// arc-eager system.
func oracleCosts(st *state, gh, gl []int32, root int, costs []int) {
	n := st.n
	s := st.top()
	b := st.b
	for c := range costs {
		costs[c] = -1
		if !st.valid(c, root) {
			continue
		}
		cost := 0
		switch {
		case c == shift:
			for _, k := range st.stack {
				if gh[b] == k || (gh[k] == int32(b) && st.head[k] < 0) {
					cost++
				}
			}
		case c == reduce:
			for k := b; k <= n; k++ {
				if gh[k] == int32(s) {
					cost++
				}
			}
		case isLeft(c):
			for k := b; k <= n; k++ {
				if gh[k] == int32(s) {
					cost++
				}
			}
			if gh[s] > int32(b) {
				cost++
			}
			if gh[s] == int32(b) && gl[s] != int32(labelOf(c)) {
				cost++
			}
		default:
			for _, k := range st.stack {
				if (gh[b] == k && int(k) != s) || (gh[k] == int32(b) && st.head[k] < 0) {
					cost++
				}
			}
			if gh[b] > int32(b) {
				cost++
			}
			if gh[b] == int32(s) && gl[b] != int32(labelOf(c)) {
				cost++
			}
		}
		costs[c] = cost
	}
}
