package ner

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// TrainConfig says what Train learns from. The zero value trains on
// ../shared/data with the defaults below.
type TrainConfig struct {
	DataDir  string // the shared data folder; "" means "../shared/data"
	Epochs   int    // passes over the training documents; 0 means 14
	Seed     uint64 // shuffling seed of the first run
	Runs     int    // models trained with seeds Seed, Seed+1, ... and averaged; 0 means 3
	NoGUM    bool   // train on CoNLL-2003 only
	GUMTimes int    // how many times each GUM document is seen per epoch; 0 means 1
	// GUMShared trains GUM documents on the shared features only. By
	// default each GUM token also gets a private copy of every feature
	// (frustratingly easy domain adaptation), which is not saved, so GUM's
	// conventions that differ from CoNLL's stay in the copies.
	GUMShared bool
	Clusters  string    // cluster file (gzip "word<TAB>path" lines); "" means the embedded one
	Prune     float64   // drop features whose largest averaged weight is below this; 0 means 0.05
	Log       io.Writer // progress messages; nil means none
}

// trainer is an averaged perceptron over hashed features with dense rows.
type trainer struct {
	index map[uint64]int32
	w     []float32
	u     []float64 // sum of c * delta, for averaging
	c     float64
}

func newTrainer() *trainer { return &trainer{index: map[uint64]int32{}, c: 1} }

func (tr *trainer) score(feats []uint64, out *[nLabels]float32) {
	*out = [nLabels]float32{}
	for _, f := range feats {
		r, ok := tr.index[f]
		if !ok {
			continue
		}
		row := tr.w[int(r)*nLabels : int(r)*nLabels+nLabels]
		for l := range out {
			out[l] += row[l]
		}
	}
}

func (tr *trainer) rowOf(f uint64) int {
	r, ok := tr.index[f]
	if !ok {
		r = int32(len(tr.index))
		tr.index[f] = r
		tr.w = append(tr.w, make([]float32, nLabels)...)
		tr.u = append(tr.u, make([]float64, nLabels)...)
	}
	return int(r) * nLabels
}

func (tr *trainer) tick() { tr.c++ }

func (tr *trainer) update(feats []uint64, gold, pred int) {
	for _, f := range feats {
		r := tr.rowOf(f)
		tr.w[r+gold]++
		tr.u[r+gold] += tr.c
		tr.w[r+pred]--
		tr.u[r+pred] -= tr.c
	}
}

// averaged returns the averaged weights of features whose largest weight
// reaches prune in absolute value.
func (tr *trainer) averaged(prune float64) map[uint64][]float32 {
	out := map[uint64][]float32{}
	for f, r := range tr.index {
		if f&domainBit != 0 {
			continue
		}
		row := make([]float32, nLabels)
		var big float64
		for l := 0; l < nLabels; l++ {
			k := int(r)*nLabels + l
			v := float64(tr.w[k]) - tr.u[k]/tr.c
			row[l] = float32(v)
			big = max(big, math.Abs(v))
		}
		if big >= prune {
			out[f] = row
		}
	}
	return out
}

// Train learns a model from CoNLL-2003 eng.train and the GUM training
// documents and writes it to w in the format New reads from
// Config.ModelPath. It is deterministic for a given config. It returns an
// error when the data cannot be read.
func Train(cfg TrainConfig, w io.Writer) error {
	if cfg.DataDir == "" {
		cfg.DataDir = "../shared/data"
	}
	if cfg.Epochs == 0 {
		cfg.Epochs = 14
	}
	if cfg.GUMTimes == 0 {
		cfg.GUMTimes = 1
	}
	if cfg.Runs == 0 {
		cfg.Runs = 3
	}
	if cfg.Prune == 0 {
		cfg.Prune = 0.05
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	lx, err := loadLexicon(cfg.Clusters)
	if err != nil {
		return err
	}
	docs, err := readCoNLL(filepath.Join(cfg.DataDir, "conll2003", "eng.train"))
	if err != nil {
		return err
	}
	logf("conll train: %d documents", len(docs))
	if !cfg.NoGUM {
		gum, err := readGUM(filepath.Join(cfg.DataDir, "gum", "train", "*.conllu"), lx.gaz)
		if err != nil {
			return err
		}
		logf("gum train: %d documents", len(gum))
		for i := range gum {
			gum[i].gum = !cfg.GUMShared
		}
		for range cfg.GUMTimes {
			docs = append(docs, gum...)
		}
	}
	feats := map[uint64][]float32{}
	for run := 0; run < cfg.Runs; run++ {
		seed := cfg.Seed + uint64(run)
		w := trainRun(lx, docs, cfg.Epochs, seed, logf).averaged(0)
		for f, row := range w {
			acc, ok := feats[f]
			if !ok {
				acc = make([]float32, nLabels)
				feats[f] = acc
			}
			for l, v := range row {
				acc[l] += v / float32(cfg.Runs)
			}
		}
	}
	for f, row := range feats {
		var big float64
		for _, v := range row {
			big = max(big, math.Abs(float64(v)))
		}
		if big < cfg.Prune {
			delete(feats, f)
		}
	}
	logf("kept %d features", len(feats))
	return writeModel(w, feats)
}

// trainRun trains one averaged perceptron over docs, shuffled with seed.
func trainRun(lx *lexicon, docs []sample, epochs int, seed uint64, logf func(string, ...any)) *trainer {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	tr := newTrainer()
	st := newState()
	var out []int
	for ep := 0; ep < epochs; ep++ {
		order := rng.Perm(len(docs))
		errs, n := 0, 0
		for _, di := range order {
			d := &docs[di]
			lx.prepare(st, d.sents)
			st.domain = 0
			if d.gum {
				st.domain = 0x6a09e667f3bcc908
			}
			if cap(out) < d.tokens() {
				out = make([]int, d.tokens())
			}
			out = out[:d.tokens()]
			st.tagDocument(tr, d.sents, out, d.labels, tr)
			for i, l := range out {
				if l != d.labels[i] {
					errs++
				}
			}
			n += d.tokens()
		}
		logf("seed %d epoch %d: token errors %d/%d, features %d", seed, ep+1, errs, n, len(tr.index))
	}
	return tr
}

// loadLexicon loads the clusters (from path, or the embedded ones) and the
// gazetteer.
func loadLexicon(path string) (*lexicon, error) {
	var r io.Reader = bytes.NewReader(defaultClusters)
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		defer f.Close()
		r = f
	}
	cl, err := loadClusters(r)
	if err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	return newLexicon(cl, g), nil
}
