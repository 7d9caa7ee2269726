package main

import (
	"flag"
	"fmt"
	"strings"
	"sync"

	"sitrep/actor"
	"sitrep/coder"
	"sitrep/geo"
	"sitrep/ingest"
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
	// MaxBytes is the largest article the commands accept (see
	// ingest.Options); 0 means ingest.DefaultMaxBytes.
	MaxBytes int
}

// input returns the ingest options cfg sets.
func (cfg *chainConfig) input() ingest.Options { return ingest.Options{MaxBytes: cfg.MaxBytes} }

// listFlag is a flag that may be repeated, collecting its values.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// addChainFlags registers on fs the flags that configure the chain:
// --workers, --kb, --patterns and --max-bytes, and returns the config they fill.
func addChainFlags(fs *flag.FlagSet) *chainConfig {
	cfg := &chainConfig{}
	fs.IntVar(&cfg.Workers, "workers", 0, "documents analysed at once (0: one per core)")
	fs.Var((*listFlag)(&cfg.KB), "kb", "extra knowledge-base `file or directory` (*.txt) for actor coding; repeatable")
	fs.Var((*listFlag)(&cfg.Patterns), "patterns", "extra event pattern `file` for the event coder; repeatable")
	fs.IntVar(&cfg.MaxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest article (or JSON Lines record) accepted, in `bytes`; larger ones are refused with an error")
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
	// The three trained models take most of the start-up time; they load
	// side by side while the rest is built.
	var (
		tagger  *tag.Tagger
		parser  *parse.Parser
		rec     *ner.Recognizer
		loadErr [3]error
		wg      sync.WaitGroup
	)
	wg.Go(func() { tagger, loadErr[0] = tag.New(tag.Config{}) })
	wg.Go(func() { parser, loadErr[1] = parse.New(parse.Config{}) })
	wg.Go(func() { rec, loadErr[2] = ner.New(ner.Config{}) })
	rest, err := newLightStages(cfg)
	wg.Wait()
	for i, name := range []string{"tag", "parse", "ner"} {
		if loadErr[i] != nil {
			return nil, fmt.Errorf("%s: %w", name, loadErr[i])
		}
	}
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{rest.seg, tagger, parser, rec, rest.actors, rest.times, rest.places, rest.quotes, rest.events}, nil
}

// lightStages are the stages whose set-up is quick.
type lightStages struct {
	seg    *segment.Segmenter
	actors *actor.Resolver
	times  *timex.Tagger
	places *geo.Resolver
	quotes *quote.Extractor
	events *coder.Coder
}

// newLightStages builds every stage but the three trained models.
func newLightStages(cfg chainConfig) (*lightStages, error) {
	var l lightStages
	var err error
	if l.seg, err = segment.New(segment.Config{}); err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	var k *kb.KB
	if len(cfg.KB) > 0 {
		if k, err = kb.Load(kb.Config{Files: cfg.KB}); err != nil {
			return nil, err
		}
	}
	if l.actors, err = actor.New(actor.Config{KB: k, Memory: cfg.Memory}); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if l.times, err = timex.New(timex.Config{}); err != nil {
		return nil, fmt.Errorf("times: %w", err)
	}
	if l.places, err = geo.New(geo.Config{}); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	if l.quotes, err = quote.New(quote.Config{}); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	if l.events, err = coder.New(coder.Config{Patterns: cfg.Patterns, Locator: l.places}); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return &l, nil
}
