package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sitrep/actor"
	"sitrep/coder"
	"sitrep/eval"
	"sitrep/geo"
	"sitrep/ner"
	"sitrep/parse"
	"sitrep/pipeline"
	"sitrep/quote"
	"sitrep/segment"
	"sitrep/tag"
	"sitrep/timex"
)

const evalHelp = `usage: sitrep eval [flags] [AREA ...]

Score sitrep's stages against the corpora in the data folder (see
../shared/data/README.md) and print precision, recall, F1 and accuracy
figures, one per line. With no AREA every area is scored.

With --floors FILE, each score is compared with its floor in FILE (lines of
"name value"); the command fails when a score is below its floor. CI runs
it so that a regression fails the build.

Flags:`

// evaluators maps an area to the function that scores it.
func evaluators() map[string]func(dataDir string) ([]eval.Score, error) {
	return map[string]func(string) ([]eval.Score, error){
		"segment": segment.Evaluate,
		"tag":     tag.Evaluate,
		"parse":   parse.Evaluate,
		"ner":     ner.Evaluate,
		"actor":   actor.Evaluate,
		"timex":   timex.Evaluate,
		"geo":     geo.Evaluate,
		"coder": func(dir string) ([]eval.Score, error) {
			stages, err := newStages(chainConfig{})
			if err != nil {
				return nil, err
			}
			return coder.EvaluateWith(dir, pipeline.New(stages...))
		},
		"quote": func(dir string) ([]eval.Score, error) {
			stages, err := newStages(chainConfig{})
			if err != nil {
				return nil, err
			}
			return quote.Evaluate(dir, pipeline.New(stagesBefore(stages, "quotes")...))
		},
	}
}

// stagesBefore returns the stages that run before the stage named name.
func stagesBefore(stages []pipeline.Stage, name string) []pipeline.Stage {
	for i, s := range stages {
		if s.Name() == name {
			return stages[:i]
		}
	}
	return stages
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval", evalHelp)
	data := fs.String("data", "../shared/data", "folder holding the evaluation corpora")
	floorsPath := fs.String("floors", "", "file of score floors to enforce")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	evs := evaluators()
	areas := fs.Args()
	if len(areas) == 0 {
		for a := range evs {
			areas = append(areas, a)
		}
		sort.Strings(areas)
	}
	for _, a := range areas {
		if _, ok := evs[a]; !ok {
			names := make([]string, 0, len(evs))
			for n := range evs {
				names = append(names, n)
			}
			sort.Strings(names)
			return fmt.Errorf("%w: unknown area %q (have %s)", errUsage, a, strings.Join(names, ", "))
		}
	}
	if st, err := os.Stat(*data); err != nil || !st.IsDir() {
		return fmt.Errorf("data folder %s not found", *data)
	}
	var floors eval.Floors
	if *floorsPath != "" {
		f, err := os.Open(*floorsPath)
		if err != nil {
			return err
		}
		floors, err = eval.ParseFloors(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	var failed []string
	for _, a := range areas {
		if err := ctx.Err(); err != nil {
			return err
		}
		scores, err := evs[a](filepath.Clean(*data))
		if err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		eval.Print(e.stdout, scores)
		failed = append(failed, floors.Check(scores)...)
	}
	if len(failed) > 0 {
		for _, m := range failed {
			fmt.Fprintln(e.stderr, "below floor:", m)
		}
		return fmt.Errorf("%d score(s) below their floors", len(failed))
	}
	return nil
}
