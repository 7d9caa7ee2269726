package segment

import (
	"fmt"
	"math/rand/v2"
)

// TrainOptions configures Train. The zero value trains 10 epochs with
// seed 1, keeping every feature.
type TrainOptions struct {
	Epochs   int
	Seed     uint64
	MinCount int // features seen fewer times in training are ignored
	Runs     int // models trained on different shuffles and averaged; 0 means 1
}

// TrainReport tells how training went.
type TrainReport struct {
	Examples  int     // candidate gaps seen
	Positives int     // gaps where a gold sentence starts
	Accuracy  float64 // training accuracy of the averaged model
	Weights   int     // non-zero weights
}

type example struct {
	feats []uint32
	label bool
}

// Train fits the boundary model on gold documents and returns it
// serialised in the format Config.ModelPath reads. The result depends only
// on docs and opts. It returns an error when docs hold no candidate gap.
func Train(docs []Gold, opts TrainOptions) ([]byte, TrainReport, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Runs <= 0 {
		opts.Runs = 1
	}
	var exs []example
	var rep TrainReport
	t := new(tokenizer)
	var buf [maxFeats]uint32
	for _, g := range docs {
		gold := make([]bool, len(g.Text)+1)
		for _, s := range g.Sentences {
			gold[s.Start] = true
		}
		t.run(g.Text)
		toks := t.toks
		last := 0
		quote := false
		if len(toks) > 0 {
			quote = quoteState(g.Text, &toks[0], false)
		}
		for k := 1; k < len(toks); k++ {
			n := &toks[k]
			inQuote := quote && n.nl == 0
			quote = quoteState(g.Text, n, quote)
			if n.nl > 0 {
				last = k
				continue
			}
			label := gold[n.start]
			if considered(g.Text, toks, k, k-last, inQuote) {
				f := features(buf[:0], g.Text, toks, k, k-last, inQuote)
				exs = append(exs, example{feats: append([]uint32(nil), f...), label: label})
				if label {
					rep.Positives++
				}
			}
			if label {
				last = k
			}
		}
	}
	// Features seen fewer than MinCount times are dropped: they mostly
	// memorise single training sentences.
	if opts.MinCount > 1 {
		count := make([]int32, hashSize)
		for i := range exs {
			for _, f := range exs[i].feats {
				count[f]++
			}
		}
		for i := range exs {
			kept := exs[i].feats[:0]
			for _, f := range exs[i].feats {
				if int(count[f]) >= opts.MinCount {
					kept = append(kept, f)
				}
			}
			exs[i].feats = kept
		}
	}
	rep.Examples = len(exs)
	if len(exs) == 0 {
		return nil, rep, fmt.Errorf("segment: train: no candidate gaps in %d documents", len(docs))
	}
	avg := make([]float32, hashSize)
	for run := range opts.Runs {
		w := perceptron(exs, opts.Epochs, opts.Seed+uint64(run))
		for i, v := range w {
			avg[i] += v / float32(opts.Runs)
		}
	}
	m := &boundaryModel{w: avg}
	right := 0
	for i := range exs {
		if (m.score(exs[i].feats) > 0) == exs[i].label {
			right++
		}
	}
	rep.Accuracy = float64(right) / float64(len(exs))
	for _, v := range avg {
		if v != 0 {
			rep.Weights++
		}
	}
	b, err := encodeModel(avg)
	if err != nil {
		return nil, rep, fmt.Errorf("segment: train: %w", err)
	}
	return b, rep, nil
}

// perceptron trains an averaged perceptron on exs for the given epochs,
// shuffling with seed, and returns the averaged weights.
func perceptron(exs []example, epochs int, seed uint64) []float32 {
	w := make([]float32, hashSize)
	u := make([]float64, hashSize) // sum of c*update, for averaging
	c := 1.0
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := &exs[i]
			var s float32
			for _, f := range ex.feats {
				s += w[f]
			}
			if (s > 0) != ex.label {
				d := float32(-1)
				if ex.label {
					d = 1
				}
				for _, f := range ex.feats {
					w[f] += d
					u[f] += c * float64(d)
				}
			}
			c++
		}
	}
	avg := make([]float32, hashSize)
	for i := range w {
		if w[i] != 0 || u[i] != 0 {
			avg[i] = w[i] - float32(u[i]/c)
		}
	}
	return avg
}
