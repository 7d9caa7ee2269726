// Package ner finds the names of people, organisations, places and other
// named things in a segmented document and records each mention as a
// doc.Entity.
//
// The recogniser is a greedy left-to-right averaged perceptron over BILOU
// labels for the four CoNLL-2003 types (PER, ORG, LOC, MISC), with hashed
// features: word forms, shapes, affixes, a ±2 window, the previous labels,
// distributional word clusters learned from raw news text, gazetteer
// phrases, and document-level evidence (how earlier mentions of the same
// word were labelled, and whether a capitalised sentence-initial or
// headline word also appears in lower case or capitalised mid-sentence).
// The four types are then refined to sitrep's entity types: PER becomes
// PERSON, ORG stays ORG, LOC becomes GPE for countries, states and cities
// and LOC otherwise, MISC becomes NORP for nationalities and religious or
// political groups, EVENT for named events and MISC otherwise. See MODEL.md.
package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/pipeline"
)

//go:embed model.bin.gz
var defaultModel []byte

// Config configures a Recognizer. The zero value uses the embedded model,
// clusters and gazetteer.
type Config struct {
	// ModelPath names a model file written by Train (or cmd/train-ner) to
	// use instead of the embedded one.
	ModelPath string
	// ClustersPath names a word-cluster file (gzip, "word<TAB>path" lines)
	// to use instead of the embedded one; it must be the file the model
	// was trained with.
	ClustersPath string
}

// Recognizer is the named-entity stage. It is safe for concurrent use.
type Recognizer struct {
	lx *lexicon
	w  *weights
	fs *fastScorer
	// free holds scratch states between documents. Unlike a sync.Pool it
	// is not emptied by the garbage collector, so the caches a state
	// carries (fast.go) stay warm; it keeps at most GOMAXPROCS of them.
	free  chan *state
	kinds *typer
}

var _ pipeline.Stage = (*Recognizer)(nil)

// New loads the model, clusters and gazetteer named by cfg (the embedded
// ones by default). It returns an error when a file cannot be read or is
// not a valid model.
func New(cfg Config) (*Recognizer, error) {
	lx, err := loadLexicon(cfg.ClustersPath)
	if err != nil {
		return nil, err
	}
	var w *weights
	if cfg.ModelPath != "" {
		f, err := os.Open(cfg.ModelPath)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		defer f.Close()
		if w, err = readModel(f); err != nil {
			return nil, err
		}
	} else if w, err = readModel(bytes.NewReader(defaultModel)); err != nil {
		return nil, err
	}
	r := &Recognizer{lx: lx, w: w, fs: &fastScorer{m: w, fx: newFixedRows(w)}, kinds: newTyper(lx.gaz)}
	r.free = make(chan *state, runtime.GOMAXPROCS(0))
	return r, nil
}

// Name returns "ner".
func (r *Recognizer) Name() string { return "ner" }

// getState takes a scratch state from the free list, or makes one.
func (r *Recognizer) getState() *state {
	select {
	case st := <-r.free:
		return st
	default:
		return newState()
	}
}

// putState returns st to the free list, unless the list is full.
func (r *Recognizer) putState(st *state) {
	select {
	case r.free <- st:
	default:
	}
}

// label returns the BILOU labels of the tokens of sents, in a slice owned
// by st.
func (r *Recognizer) label(st *state, sents [][]string) []int {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	if cap(st.out) < n {
		st.out = make([]int, n)
	}
	out := st.out[:n]
	r.lx.prepare(st, sents)
	st.tagDocumentFast(r.fs, sents, out)
	return out
}

// find returns the entity spans of sents, whose tokens in order are forms.
// A person's span loses leading titles ("President", "Dr."), which CoNLL
// and sitrep keep outside the name.
func (r *Recognizer) find(st *state, sents [][]string, forms []string) []span {
	sp := spans(r.label(st, sents))
	for i := range sp {
		s := &sp[i]
		if s.typ != tPER {
			continue
		}
		for s.end-s.start > 1 && r.isTitle(forms[s.start]) {
			s.start++
		}
	}
	return sp
}

func (r *Recognizer) isTitle(form string) bool {
	if len(form) > maxHashBytes {
		return false
	}
	return r.lx.gaz[lower(form)]&gazTitle != 0
}

// Process appends one entity to d.Entities for each name it finds, in text
// order, with ids "e1", "e2", ... continuing after any entities already
// there. It needs d.Sentences and d.Tokens from the segment stage: when
// they are missing it records a problem and adds nothing. Sentences or
// tokens whose spans are out of order or outside the text are skipped with
// a problem. It returns an error only when ctx is done.
func (r *Recognizer) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		if strings.TrimSpace(d.Text) != "" {
			d.Problems.Add(r.Name(), doc.Span{}, "no sentences or tokens: run the segment stage first")
		}
		return nil
	}
	st := r.getState()
	defer r.putState(st)
	sents := st.sents[:0]
	first := st.first[:0] // index in d.Tokens of each kept sentence's first token
	forms := st.forms[:0]
	defer func() {
		// Keep the buffers, not the document's strings.
		clear(sents)
		clear(forms)
		st.sents, st.first, st.forms = sents[:0], first[:0], forms[:0]
	}()
	for _, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken > len(d.Tokens) || s.FirstToken > s.EndToken {
			d.Problems.Add(r.Name(), s.Span, "sentence token range %d:%d out of bounds", s.FirstToken, s.EndToken)
			continue
		}
		ok := true
		for i := s.FirstToken; i < s.EndToken; i++ {
			if !d.Tokens[i].Span.Valid(len(d.Text)) {
				ok = false
				break
			}
		}
		if !ok {
			d.Problems.Add(r.Name(), s.Span, "token outside the text")
			continue
		}
		if s.EndToken == s.FirstToken {
			continue
		}
		a := len(forms)
		for i := s.FirstToken; i < s.EndToken; i++ {
			forms = append(forms, d.Text[d.Tokens[i].Start:d.Tokens[i].End])
		}
		sents = append(sents, forms[a:len(forms):len(forms)])
		first = append(first, s.FirstToken)
	}
	found := r.find(st, sents, forms)
	// Map label positions back to document tokens.
	idx := st.idx[:0]
	defer func() { st.idx = idx[:0] }()
	for k, s := range sents {
		for j := range s {
			idx = append(idx, first[k]+j)
		}
	}
	next := len(d.Entities) + 1
	for _, sp := range found {
		a, b := idx[sp.start], idx[sp.end-1]
		// Leave a trailing possessive out of the name.
		for b > a && isPossessive(d.Slice(d.Tokens[b].Span)) {
			b--
		}
		if isPossessive(d.Slice(d.Tokens[b].Span)) {
			continue
		}
		span := doc.Span{Start: d.Tokens[a].Start, End: d.Tokens[b].End}
		if !span.Valid(len(d.Text)) || span.Len() == 0 {
			continue
		}
		// A possessive the tokenizer left attached ("4's").
		for _, suf := range []string{"'s", "’s", "'S", "’S"} {
			if strings.HasSuffix(d.Text[span.Start:span.End], suf) && span.Len() > len(suf) {
				span.End -= len(suf)
				break
			}
		}
		words := forms[sp.start : sp.start+(b-a)+1]
		d.Entities = append(d.Entities, doc.Entity{
			ID:       "e" + itoa(next),
			Type:     r.kinds.refine(sp.typ, words),
			Name:     normalise(d.Text[span.Start:span.End]),
			Mentions: []doc.Mention{{Span: span, Kind: doc.MentionName}},
		})
		next++
	}
	return nil
}

func isPossessive(s string) bool {
	switch s {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

// normalise collapses runs of white space in s to single spaces and trims
// it; invalid bytes are kept.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			i += n
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}
