// Command train-segment trains the sentence boundary model of package
// segment on UD EWT train and every GUM train document, and writes it in
// the format segment.Config.ModelPath reads:
//
//	go run ./cmd/train-segment -data ../shared/data -out segment/boundary.model.gz
//
// The result depends only on the data and -seed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"sitrep/corpus/conllu"
	"sitrep/eval"
	"sitrep/segment"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train-segment:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "../shared/data", "folder holding ud-ewt/ and gum/")
	out := flag.String("out", "segment/boundary.model.gz", "model file to write")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	minCount := flag.Int("min-count", 3, "ignore features seen fewer times")
	runs := flag.Int("runs", 5, "models trained on different shuffles and averaged")
	gumWeight := flag.Int("gum-weight", 1, "how many times each GUM document counts")
	evalOnly := flag.Bool("eval", false, "only score the model at -out on the dev sets")
	flag.Parse()
	if *evalOnly {
		return score(*data, *out)
	}
	ewt, err := conllu.ReadFile(filepath.Join(*data, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	gum, err := conllu.ReadGlob(filepath.Join(*data, "gum", "train", "*.conllu"))
	if err != nil {
		return err
	}
	docs := segment.GoldDocuments(ewt)
	for range *gumWeight {
		docs = append(docs, segment.GoldDocuments(gum)...)
	}
	model, rep, err := segment.Train(docs, segment.TrainOptions{Epochs: *epochs, Seed: *seed, MinCount: *minCount, Runs: *runs})
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, model, 0o644); err != nil {
		return err
	}
	fmt.Printf("%d documents, %d candidate gaps (%d boundaries), training accuracy %.4f, %d weights, %d bytes\n",
		len(docs), rep.Examples, rep.Positives, rep.Accuracy, rep.Weights, len(model))
	return score(*data, *out)
}

// score prints the dev scores of the model at path.
func score(data, path string) error {
	sg, err := segment.New(segment.Config{ModelPath: path})
	if err != nil {
		return err
	}
	scores, err := sg.Evaluate(data)
	if err != nil {
		return err
	}
	eval.Print(os.Stdout, scores)
	return nil
}
