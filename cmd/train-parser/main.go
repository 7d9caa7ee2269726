// Command train-parser trains sitrep's dependency parser on UD English EWT
// train (and GUM train), tagged by a jackknifed tagger, and writes the
// model.
//
//	go run ./cmd/train-parser -data ../shared/data -out parse/model.bin
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"sitrep/corpus/conllu"
	"sitrep/eval"
	"sitrep/parse"
	"sitrep/tag"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train-parser:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "../shared/data", "data directory")
	out := flag.String("out", "parse/model.bin", "model file to write")
	iters := flag.Int("iter", 14, "parser training iterations")
	minWeight := flag.Int("min-weight", 300, "drop trained weights below this many quanta (1/32767 of the largest)")
	folds := flag.Int("folds", 4, "jackknife folds for predicted tags (0: gold tags)")
	tagIters := flag.Int("tag-iter", 5, "tagger iterations for each jackknife fold")
	clusters := flag.String("clusters", "", "word clusters for the jackknife taggers (e.g. ner/clusters.txt.gz, as the shipped tagger); none by default: parsers trained on those tags scored lower on EWT dev (see parse/MODEL.md)")
	seed := flag.Int64("seed", 1, "shuffling seed")
	gum := flag.Bool("gum", true, "add GUM train to EWT train")
	prune := flag.Float64("prune", 0, "drop averaged weights below this fraction of the largest (0: default)")
	cache := flag.String("tags-cache", "", "file keeping the jackknifed tags between runs (read if present, else written)")
	reprune := flag.Int("reprune", 0, "instead of training, drop the weights of model -in below this many quanta, write -out and evaluate")
	quantize := flag.Bool("quantize", true, "round the weights to 8-bit log-scale codes (same scores, faster parsing)")
	in := flag.String("in", "", "model to re-prune (with -reprune)")
	flag.Parse()
	start := time.Now()
	if *reprune > 0 {
		return repruneModel(*in, *out, *data, *reprune, *quantize)
	}
	sents, err := conllu.ReadFile(filepath.Join(*data, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	if *gum {
		g, err := conllu.ReadGlob(filepath.Join(*data, "gum", "train", "*.conllu"))
		if err != nil {
			return err
		}
		sents = append(sents, g...)
	}
	var upos, xpos [][]string
	if *folds > 1 {
		tcfg := tag.TrainConfig{Iterations: *tagIters, Seed: *seed}
		if *clusters != "" {
			if tcfg.Clusters, err = tag.ReadClustersFile(*clusters); err != nil {
				return err
			}
		}
		upos, xpos, err = jackknife(sents, *folds, tcfg, *cache)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "jackknifed tags ready (%s)\n", time.Since(start).Round(time.Second))
	}
	p, err := parse.Train(parse.Examples(sents, upos, xpos), parse.TrainConfig{Iterations: *iters, Seed: *seed, Prune: *prune, Log: os.Stderr})
	if err != nil {
		return err
	}
	if *minWeight > 0 {
		p = p.Pruned(*minWeight)
	}
	if *quantize {
		p = p.Quantized()
	}
	var buf bytes.Buffer
	if err := p.WriteModel(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %s\n", *out, buf.Len(), time.Since(start).Round(time.Second))
	t, err := tag.New(tag.Config{})
	if err != nil {
		return err
	}
	scores, err := p.Evaluate(*data, t)
	if err != nil {
		return err
	}
	eval.Print(os.Stdout, scores)
	return nil
}

// jackknife tags every sentence with a tagger trained on the other folds,
// two folds at a time. With cache set, tags are read from that file when
// it exists and written to it otherwise.
func jackknife(sents []conllu.Sentence, folds int, tcfg tag.TrainConfig, cache string) (upos, xpos [][]string, err error) {
	if cache != "" {
		if b, err := os.ReadFile(cache); err == nil {
			var c struct{ UPOS, XPOS [][]string }
			if err := json.Unmarshal(b, &c); err == nil && len(c.UPOS) == len(sents) && len(c.XPOS) == len(sents) {
				return c.UPOS, c.XPOS, nil
			}
		}
	}
	upos = make([][]string, len(sents))
	xpos = make([][]string, len(sents))
	errs := make([]error, folds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f < folds; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []conllu.Sentence
			for i, s := range sents {
				if i%folds != f {
					train = append(train, s)
				}
			}
			t, err := tag.Train(train, tcfg)
			if err != nil {
				errs[f] = err
				return
			}
			right, total := 0, 0
			for i := f; i < len(sents); i += folds {
				words := make([]string, len(sents[i].Words))
				for k, w := range sents[i].Words {
					words[k] = w.Form
				}
				upos[i] = make([]string, len(words))
				xpos[i] = make([]string, len(words))
				for k, tg := range t.Tag(words) {
					upos[i][k], xpos[i][k] = tg.UPOS, tg.XPOS
					if tg.UPOS == sents[i].Words[k].UPOS {
						right++
					}
					total++
				}
			}
			fmt.Fprintf(os.Stderr, "jackknife fold %d: upos acc %.4f\n", f+1, float64(right)/float64(total))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	if cache != "" {
		b, err := json.Marshal(struct{ UPOS, XPOS [][]string }{upos, xpos})
		if err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(cache, b, 0o644); err != nil {
			return nil, nil, err
		}
	}
	return upos, xpos, nil
}

// repruneModel drops small weights from a trained model (and quantizes
// it), writes it and prints its scores.
func repruneModel(in, out, data string, minAbs int, quantize bool) error {
	p, err := parse.New(parse.Config{ModelPath: in})
	if err != nil {
		return err
	}
	p = p.Pruned(minAbs)
	if quantize {
		p = p.Quantized()
	}
	var buf bytes.Buffer
	if err := p.WriteModel(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", out, buf.Len())
	t, err := tag.New(tag.Config{})
	if err != nil {
		return err
	}
	scores, err := p.Evaluate(data, t)
	if err != nil {
		return err
	}
	eval.Print(os.Stdout, scores)
	return nil
}
