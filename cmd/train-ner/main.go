// Command train-ner trains the named-entity recogniser of package ner on
// CoNLL-2003 eng.train and the GUM training documents and writes the model.
//
//	go run ./cmd/train-ner -data ../shared/data -out ner/model.bin.gz
//
// With -eval it also scores the new model on eng.testa and GUM news dev.
// The run is deterministic for a given -seed.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"sitrep/eval"
	"sitrep/ner"
)

func main() {
	data := flag.String("data", "../shared/data", "path of the shared data folder")
	out := flag.String("out", "ner/model.bin.gz", "output model file")
	epochs := flag.Int("epochs", 0, "training epochs (0: default)")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	noGUM := flag.Bool("nogum", false, "train on CoNLL-2003 only")
	gumTimes := flag.Int("gumtimes", 0, "times each GUM document is seen per epoch (0: default)")
	clusters := flag.String("clusters", "", "word-cluster file (default: the embedded one)")
	prune := flag.Float64("prune", 0, "drop features whose largest weight is below this (0: default)")
	gumShared := flag.Bool("gumshared", false, "train GUM documents without private feature copies (no domain adaptation)")
	runs := flag.Int("runs", 0, "models trained with successive seeds and averaged (0: default)")
	doEval := flag.Bool("eval", false, "score the new model on the dev sets")
	flag.Parse()
	if err := run(*data, *out, *epochs, *seed, *noGUM, *gumTimes, *clusters, *prune, *gumShared, *runs, *doEval); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
}

func run(data, out string, epochs int, seed uint64, noGUM bool, gumTimes int, clusters string, prune float64, gumShared bool, runs int, doEval bool) error {
	start := time.Now()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	cfg := ner.TrainConfig{DataDir: data, Epochs: epochs, Seed: seed, NoGUM: noGUM, GUMTimes: gumTimes,
		Clusters: clusters, Prune: prune, GUMShared: gumShared, Runs: runs, Log: os.Stderr}
	if err := ner.Train(cfg, f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %v\n", out, st.Size(), time.Since(start).Round(time.Second))
	if !doEval {
		return nil
	}
	r, err := ner.New(ner.Config{ModelPath: out, ClustersPath: clusters})
	if err != nil {
		return err
	}
	scores, err := ner.EvaluateWith(r, data)
	if err != nil {
		return err
	}
	eval.Print(os.Stdout, scores)
	return nil
}
