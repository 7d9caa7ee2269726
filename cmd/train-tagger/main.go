// Command train-tagger trains sitrep's part-of-speech tagger and
// lemmatizer on UD English EWT train (and GUM train) and writes the model.
// The word clusters that package ner uses (learnt from the bulk news text
// by cmd/train-clusters) are copied into the model as features.
//
//	go run ./cmd/train-tagger -data ../shared/data -out tag/model.bin
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sitrep/corpus/conllu"
	"sitrep/eval"
	"sitrep/tag"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train-tagger:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "../shared/data", "data directory")
	out := flag.String("out", "tag/model.bin", "model file to write")
	iters := flag.Int("iter", 8, "training iterations")
	seed := flag.Int64("seed", 1, "shuffling seed")
	gum := flag.Bool("gum", true, "add GUM train to EWT train")
	bidi := flag.Bool("bidi", true, "also train a right-to-left tagger and add the two directions' scores (EWT dev UPOS +0.002)")
	clusters := flag.String("clusters", "ner/clusters.txt.gz", "word clusters (cmd/train-clusters); empty for none")
	quantize := flag.Bool("quantize", true, "round the tagging weights to 8-bit log-scale codes (faster tagging, same scores)")
	flag.Parse()
	start := time.Now()
	sents, err := TrainingData(*data, *gum)
	if err != nil {
		return err
	}
	cfg := tag.TrainConfig{Iterations: *iters, Seed: *seed, Log: os.Stderr, Bidirectional: *bidi}
	if *clusters != "" {
		if cfg.Clusters, err = tag.ReadClustersFile(*clusters); err != nil {
			return err
		}
	}
	t, err := tag.Train(sents, cfg)
	if err != nil {
		return err
	}
	if *quantize {
		t = t.Quantized()
	}
	var buf bytes.Buffer
	if err := t.WriteModel(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %s\n", *out, buf.Len(), time.Since(start).Round(time.Second))
	scores, err := t.Evaluate(*data)
	if err != nil {
		return err
	}
	eval.Print(os.Stdout, scores)
	return nil
}

// TrainingData reads EWT train and, when gum is set, GUM train.
func TrainingData(dir string, gum bool) ([]conllu.Sentence, error) {
	sents, err := conllu.ReadFile(filepath.Join(dir, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	if gum {
		g, err := conllu.ReadGlob(filepath.Join(dir, "gum", "train", "*.conllu"))
		if err != nil {
			return nil, err
		}
		sents = append(sents, g...)
	}
	return sents, nil
}
