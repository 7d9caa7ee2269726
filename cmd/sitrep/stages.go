package main

import (
	"fmt"

	"sitrep/actor"
	"sitrep/coder"
	"sitrep/geo"
	"sitrep/ner"
	"sitrep/pipeline"
	"sitrep/quote"
	"sitrep/segment"
	"sitrep/tag"
	"sitrep/timex"
)

// chainConfig selects and configures the stages of the analysis chain.
// The zero value runs every stage on its embedded defaults.
type chainConfig struct {
	Workers int // documents analysed at once; 0 means one per core
}

// newChain wires the analysis chain explicitly, stage by stage, in the
// order of DESIGN.md: segment, syntax, entities, actors, times, places,
// quotes, events. It returns an error when a stage's model or dictionary
// cannot load.
func newChain(cfg chainConfig) (*pipeline.Pipeline, error) {
	stages, err := newStages()
	if err != nil {
		return nil, err
	}
	p := pipeline.New(stages...)
	p.Workers = cfg.Workers
	return p, nil
}

// newStages builds every stage on its embedded defaults.
func newStages() ([]pipeline.Stage, error) {
	seg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	tagger, err := tag.New(tag.Config{})
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	rec, err := ner.New(ner.Config{})
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	actors, err := actor.New(actor.Config{})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	times, err := timex.New(timex.Config{})
	if err != nil {
		return nil, fmt.Errorf("times: %w", err)
	}
	places, err := geo.New(geo.Config{})
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	quotes, err := quote.New(quote.Config{})
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	events, err := coder.New(coder.Config{})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return []pipeline.Stage{seg, tagger, rec, actors, times, places, quotes, events}, nil
}
