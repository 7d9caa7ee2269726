package main

import (
	"flag"
	"fmt"
	"strings"

	"sitrep/actor"
	"sitrep/coder"
	"sitrep/geo"
	"sitrep/kb"
	"sitrep/ner"
	"sitrep/parse"
	"sitrep/pipeline"
	"sitrep/quote"
	"sitrep/segment"
	"sitrep/tag"
	"sitrep/timex"
)

// chainConfig selects and configures the stages of the analysis chain.
// The zero value runs every stage on its embedded defaults.
type chainConfig struct {
	Workers  int      // documents analysed at once; 0 means one per core
	KB       []string // extra knowledge-base files or directories for the actors stage
	Patterns []string // extra event pattern files for the events stage
	// Memory is the cross-document actor memory the actors stage consults
	// (ingest passes the store's); nil means none.
	Memory actor.Memory
}

// listFlag is a flag that may be repeated, collecting its values.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// addChainFlags registers on fs the flags that configure the chain:
// --workers, --kb and --patterns, and returns the config they fill.
func addChainFlags(fs *flag.FlagSet) *chainConfig {
	cfg := &chainConfig{}
	fs.IntVar(&cfg.Workers, "workers", 0, "documents analysed at once (0: one per core)")
	fs.Var((*listFlag)(&cfg.KB), "kb", "extra knowledge-base `file or directory` (*.txt) for actor coding; repeatable")
	fs.Var((*listFlag)(&cfg.Patterns), "patterns", "extra event pattern `file` for the event coder; repeatable")
	return cfg
}

// newChain wires the analysis chain explicitly, stage by stage, in the
// order of DESIGN.md: segment, syntax, entities, actors, times, places,
// quotes, events. It returns an error when a stage's model or dictionary
// cannot load.
func newChain(cfg chainConfig) (*pipeline.Pipeline, error) {
	stages, err := newStages(cfg)
	if err != nil {
		return nil, err
	}
	p := pipeline.New(stages...)
	p.Workers = cfg.Workers
	return p, nil
}

// newStages builds every stage on its embedded defaults plus the extra
// files cfg names.
func newStages(cfg chainConfig) ([]pipeline.Stage, error) {
	seg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	tagger, err := tag.New(tag.Config{})
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	parser, err := parse.New(parse.Config{})
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	rec, err := ner.New(ner.Config{})
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	var k *kb.KB
	if len(cfg.KB) > 0 {
		if k, err = kb.Load(kb.Config{Files: cfg.KB}); err != nil {
			return nil, err
		}
	}
	actors, err := actor.New(actor.Config{KB: k, Memory: cfg.Memory})
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
	events, err := coder.New(coder.Config{Patterns: cfg.Patterns, Locator: places})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return []pipeline.Stage{seg, tagger, parser, rec, actors, times, places, quotes, events}, nil
}
