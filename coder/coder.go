// Package coder is sitrep's events stage: it reads the dependency parse,
// the entities with their actor codes, the times, places and quotes of a
// document, matches the pattern dictionary against each sentence and
// records who did what to whom as PLOVER and CAMEO coded events.
//
// The pattern dictionary is an editable text file (patterns.txt, embedded;
// see its header for the format). Users add their own files, or replace the
// embedded one, through Config.
package coder

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"sitrep/doc"
	"sitrep/ontology"
	"sitrep/pipeline"
)

//go:embed patterns.txt
var defaultPatterns string

// Stage is the name the events stage records problems under.
const Stage = "events"

// Config configures a Coder. The zero value uses the embedded ontology and
// pattern dictionary.
type Config struct {
	// Patterns are extra pattern files read after the embedded dictionary,
	// in order; their entries add to it.
	Patterns []string
	// NoDefaultPatterns leaves the embedded dictionary out, so that only
	// the Patterns files are used.
	NoDefaultPatterns bool
	// Ontology is a file replacing the embedded ontology; "" for the
	// embedded one.
	Ontology string
	// MaxSentenceTokens is the longest sentence coded, in tokens; longer
	// ones are skipped with a problem recorded. Zero means 150.
	MaxSentenceTokens int
	// Locator, when set, places events whose clause names no place
	// syntactically (a *geo.Resolver does); when nil they take the place
	// of the article's dateline, if any.
	Locator Locator
}

// Locator finds where an event described in a clause of d took place, or
// returns nil.
type Locator interface {
	Locate(d *doc.Document, clause doc.Span) *doc.Location
}

// Coder is the events stage. It is safe for concurrent use.
type Coder struct {
	dict    *Dictionary
	onto    *ontology.Ontology
	maxTok  int
	locator Locator
}

var _ pipeline.Stage = (*Coder)(nil)

// New loads the ontology and the pattern dictionary named by cfg. It
// returns an error when a file cannot be read or has malformed lines (an
// ErrorList with file:line positions).
func New(cfg Config) (*Coder, error) {
	var o *ontology.Ontology
	var err error
	if cfg.Ontology != "" {
		f, ferr := os.Open(cfg.Ontology)
		if ferr != nil {
			return nil, fmt.Errorf("coder: %w", ferr)
		}
		o, err = ontology.Parse(f, cfg.Ontology)
		f.Close()
	} else {
		o, err = ontology.Default()
	}
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	d := NewDictionary()
	if !cfg.NoDefaultPatterns {
		if err := d.Parse(strings.NewReader(defaultPatterns), "patterns.txt", o); err != nil {
			return nil, err
		}
	}
	for _, path := range cfg.Patterns {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("coder: %w", err)
		}
		err = d.Parse(f, path, o)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	c := &Coder{dict: d, onto: o, maxTok: cfg.MaxSentenceTokens, locator: cfg.Locator}
	if c.maxTok <= 0 {
		c.maxTok = 150
	}
	return c, nil
}

// Name returns "events".
func (c *Coder) Name() string { return Stage }

// Dictionary returns the coder's pattern dictionary; do not modify it.
func (c *Coder) Dictionary() *Dictionary { return c.dict }

// Process replaces d.Events with the events found in d. A document without
// tokens, sentences or a parse yields no events; sentences that cannot be
// coded (too long, no verb, all capitals) are skipped, the long ones with a
// problem recorded. The error is non-nil only when ctx is done.
func (c *Coder) Process(ctx context.Context, d *doc.Document) error {
	d.Events = nil
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return ctx.Err()
	}
	w := newWork(c, d)
	for si := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s := d.Sentences[si]
		if s.FirstToken < 0 || s.EndToken > len(d.Tokens) || s.FirstToken >= s.EndToken {
			continue
		}
		if s.EndToken-s.FirstToken > c.maxTok {
			d.Problems.Add(Stage, s.Span, "sentence of %d tokens not coded (limit %d)", s.EndToken-s.FirstToken, c.maxTok)
			continue
		}
		w.sentence(si)
	}
	d.Events = w.finish()
	return ctx.Err()
}

// ids assigns event ids "v1", "v2", ... in order.
func ids(evs []doc.Event) {
	for i := range evs {
		evs[i].ID = "v" + strconv.Itoa(i+1)
	}
}

// dyadKey names one side of an event for merging: actor codes where known,
// entity ids otherwise, sorted.
func dyadKey(d *doc.Document, byID map[string]int, ids []string) string {
	keys := make([]string, 0, len(ids))
	for _, id := range ids {
		k := "#" + id
		if i, ok := byID[id]; ok {
			if a := d.Entities[i].Actor; a != nil && a.Code != "" {
				k = a.Code
			}
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(dedupSorted(keys), ",")
}

func dedupSorted(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// merge folds events of the same type, modality and dyad reported for the
// same date into the first of them, keeping the others' evidence in Also.
// An event dated only by the publication date matches any date: it is
// the same event told without its date ("the meeting on Thursday" ...
// "the talks").
func merge(d *doc.Document, evs []doc.Event) []doc.Event {
	byID := make(map[string]int, len(d.Entities))
	for i, e := range d.Entities {
		byID[e.ID] = i
	}
	groups := map[string][]int{}
	out := evs[:0]
	for _, e := range evs {
		k := e.Plover + "|" + e.Modality + "|" + dyadKey(d, byID, e.Actors) + "|" + dyadKey(d, byID, e.Recipients)
		into := -1
		for _, i := range groups[k] {
			m := &out[i]
			if m.Date == e.Date || m.DateSource == "published" || e.DateSource == "published" {
				into = i
				break
			}
		}
		if into < 0 {
			groups[k] = append(groups[k], len(out))
			out = append(out, e)
			continue
		}
		m := &out[into]
		m.Actors = union(m.Actors, e.Actors)
		m.Recipients = union(m.Recipients, e.Recipients)
		m.Also = append(m.Also, doc.EventMention{Evidence: e.Evidence, Trigger: e.Trigger, Rule: e.Rule})
		if m.DateSource == "published" && e.DateSource != "published" && e.Date != "" {
			m.Date, m.DatePrecision, m.DateSource = e.Date, e.DatePrecision, e.DateSource
		}
		if m.Location == nil {
			m.Location = e.Location
		}
		if m.AttributedTo == "" {
			m.AttributedTo = e.AttributedTo
		}
	}
	return out
}

func union(a, b []string) []string {
	for _, x := range b {
		found := false
		for _, y := range a {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}
