// Package parse is sitrep's dependency parser. For every sentence of a
// document it fills each token's Head (the index in Document.Tokens of its
// syntactic head, -1 for the root) and Deprel (a Universal Dependencies
// relation).
//
// Parsing is greedy arc-eager transition parsing in linear time, scored by
// an averaged perceptron over the rich non-local feature templates of Zhang
// and Nivre (2011), with labels predicted jointly with the transitions. It
// reads the Penn Treebank tags (XPOS) that the tag stage writes, so run tag
// first. The model is trained with a dynamic oracle (Goldberg and Nivre
// 2012) on Universal Dependencies English treebanks tagged by a jackknifed
// tagger (see MODEL.md) and embedded in the binary.
package parse

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"sync"

	"sitrep/doc"
	"sitrep/internal/perceptron"
	"sitrep/pipeline"
)

//go:embed model.bin
var embedded []byte

// Config configures a Parser. The zero value uses the embedded model.
type Config struct {
	// ModelPath, when set, names a model file written by cmd/train-parser
	// to use instead of the embedded one.
	ModelPath string
}

// Parser parses documents. It is safe for concurrent use.
type Parser struct {
	labels []string
	root   int // label id of "root"
	punct  int // label id of "punct", or -1
	model  *perceptron.Model
	pool   sync.Pool
}

var _ pipeline.Stage = (*Parser)(nil)

var loadEmbedded = sync.OnceValues(func() (*Parser, error) {
	return readModel(bytes.NewReader(embedded))
})

// New returns a parser using the model in cfg.ModelPath, or the embedded
// model when it is empty. It returns an error when the model cannot be read
// or is malformed.
func New(cfg Config) (*Parser, error) {
	return perceptron.Load("parse", cfg.ModelPath, loadEmbedded, readModel)
}

// ReadModel reads a model written by WriteModel. Malformed data gives an
// error, never a panic.
func ReadModel(r io.Reader) (*Parser, error) { return readModel(r) }

func readModel(r io.Reader) (*Parser, error) {
	b, err := perceptron.ReadBundle(r)
	if err != nil {
		return nil, err
	}
	if len(b.Lists) != 1 || len(b.Models) != 1 {
		return nil, fmt.Errorf("parse: %w: want 1 list and 1 model", perceptron.ErrFormat)
	}
	return newParser(b.Lists[0], b.Models[0])
}

func newParser(labels []string, m *perceptron.Model) (*Parser, error) {
	p := &Parser{labels: labels, model: m, root: -1, punct: -1}
	for i, l := range labels {
		switch l {
		case "root":
			p.root = i
		case "punct":
			p.punct = i
		}
	}
	if p.root < 0 || len(labels) > 64 || m.NClasses != 2+2*len(labels) {
		return nil, fmt.Errorf("parse: %w: bad label set", perceptron.ErrFormat)
	}
	return p, nil
}

// WriteModel writes the parser's model to w in the format New reads.
func (p *Parser) WriteModel(w io.Writer) error {
	b := perceptron.Bundle{Lists: [][]string{p.labels}, Models: []*perceptron.Model{p.model}}
	return b.Write(w)
}

// Pruned returns a copy of p without the weights whose absolute quantised
// value is below minAbs: a smaller, faster and slightly less accurate
// parser.
func (p *Parser) Pruned(minAbs int) *Parser {
	q, err := newParser(p.labels, p.model.Pruned(minAbs))
	if err != nil {
		return p
	}
	return q
}

// Quantized returns a copy of p whose weights are rounded to 8-bit codes
// on a log scale (perceptron.Model.Quantized): the same scores on the
// development sets, and a model that parses faster.
func (p *Parser) Quantized() *Parser {
	q, err := newParser(p.labels, p.model.Quantized())
	if err != nil {
		return p
	}
	return q
}

// Name returns "parse".
func (p *Parser) Name() string { return "parse" }

type scratch struct {
	st      state
	feats   []uint64
	scores  []int32
	bscores []int32 // scores of the buffer features (see bufFeatures)
}

func (p *Parser) getScratch() *scratch {
	if s, ok := p.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{scores: make([]int32, p.model.NClasses), bscores: make([]int32, p.model.NClasses)}
}

// Process parses every sentence of d, filling Head and Deprel of its
// tokens; tokens outside any sentence are parsed as one sequence. A
// document without tokens is left unchanged. It returns an error only when
// ctx is done.
func (p *Parser) Process(ctx context.Context, d *doc.Document) error {
	if len(d.Tokens) == 0 {
		return nil
	}
	s := p.getScratch()
	defer p.pool.Put(s)
	run := func(first, end int) {
		first, end = max(first, 0), min(end, len(d.Tokens))
		if first >= end {
			return
		}
		toks := d.Tokens[first:end]
		s.st.reset(len(toks))
		for i := range toks {
			s.st.w[i+1] = wordHash(d.Slice(toks[i].Span))
			s.st.p[i+1] = tagHash(toks[i].XPOS)
			s.st.u[i+1] = uposHash(toks[i].UPOS)
		}
		p.parse(s)
		for i := range toks {
			h, l := p.result(&s.st, i+1)
			if h > 0 {
				toks[i].Head = first + h - 1
			} else {
				toks[i].Head = -1
			}
			toks[i].Deprel = p.labels[l]
		}
	}
	if len(d.Sentences) == 0 {
		run(0, len(d.Tokens))
		return nil
	}
	next := 0
	for _, sent := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		if sent.FirstToken > next {
			run(next, sent.FirstToken)
		}
		run(sent.FirstToken, sent.EndToken)
		next = max(next, sent.EndToken)
	}
	if next < len(d.Tokens) {
		run(next, len(d.Tokens))
	}
	return nil
}

// Parse parses one sentence of words with their Universal and Penn
// Treebank tags (upos and xpos may be shorter than words; missing tags
// count as unknown). It returns for each word the index of its head in
// words (-1 for the root) and its relation. It returns nil slices for no
// words.
func (p *Parser) Parse(words, upos, xpos []string) (heads []int, deprels []string) {
	if len(words) == 0 {
		return nil, nil
	}
	s := p.getScratch()
	defer p.pool.Put(s)
	s.st.reset(len(words))
	for i, w := range words {
		s.st.w[i+1] = wordHash(w)
		t := ""
		if i < len(xpos) {
			t = xpos[i]
		}
		s.st.p[i+1] = tagHash(t)
		t = ""
		if i < len(upos) {
			t = upos[i]
		}
		s.st.u[i+1] = uposHash(t)
	}
	p.parse(s)
	heads = make([]int, len(words))
	deprels = make([]string, len(words))
	for i := range words {
		h, l := p.result(&s.st, i+1)
		heads[i] = h - 1
		deprels[i] = p.labels[l]
	}
	return heads, deprels
}

// parse runs the greedy transition loop on s.st.
func (p *Parser) parse(s *scratch) {
	st := &s.st
	lastB := -1
	for !st.done() {
		if st.b != lastB {
			s.feats = st.bufFeatures(s.feats[:0])
			p.model.Scores(s.feats, s.bscores)
			lastB = st.b
		}
		s.feats = st.features(s.feats[:0])
		p.model.Scores(s.feats, s.scores)
		scores, bscores := s.scores, s.bscores[:len(s.scores)]
		for c := range scores {
			scores[c] += bscores[c]
		}
		st.apply(p.best(st, s.scores))
	}
	p.finish(st)
}

// best returns the valid transition with the highest score.
func (p *Parser) best(st *state, scores []int32) int {
	s0 := st.top()
	canShift := st.b <= st.n
	canReduce := s0 != 0 && st.head[s0] >= 0
	canLeft := canShift && s0 != 0 && st.head[s0] < 0
	best := -1
	var bs int32
	consider := func(c int) {
		if best < 0 || scores[c] > bs {
			best, bs = c, scores[c]
		}
	}
	if canShift {
		consider(shift)
	}
	if canReduce {
		consider(reduce)
	}
	if canShift {
		if s0 == 0 {
			consider(3 + 2*p.root)
		} else {
			for l := range p.labels {
				if l == p.root {
					continue
				}
				if canLeft {
					consider(2 + 2*l)
				}
				consider(3 + 2*l)
			}
		}
	}
	return best
}

// finish gives every word without a head one: the first word attached to
// the artificial root is the sentence's root, other root children and
// headless words attach to it.
func (p *Parser) finish(st *state) {
	root := -1
	for i := 1; i <= st.n; i++ {
		if st.head[i] == 0 {
			root = i
			break
		}
	}
	if root < 0 {
		for i := 1; i <= st.n; i++ {
			if st.head[i] < 0 {
				root = i
				break
			}
		}
		st.head[root], st.label[root] = 0, int32(p.root)
	}
	for i := 1; i <= st.n; i++ {
		if i == root {
			continue
		}
		if st.head[i] < 0 || st.head[i] == 0 {
			st.head[i] = int32(root)
			st.label[i] = int32(p.fallbackLabel(st.p[i]))
		}
	}
}

var punctTags = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, t := range []string{".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"} {
		m[tagHash(t)] = true
	}
	return m
}()

func (p *Parser) fallbackLabel(tag uint64) int {
	if punctTags[tag] && p.punct >= 0 {
		return p.punct
	}
	for i, l := range p.labels {
		if l == "parataxis" {
			return i
		}
	}
	return p.root
}

// result returns the head (0 for the root) and label id of word i.
func (p *Parser) result(st *state, i int) (int, int) {
	l := int(st.label[i])
	if l < 0 || l >= len(p.labels) {
		l = p.root
	}
	return int(st.head[i]), l
}

// wordHash hashes the ASCII-lowercased word (at most 64 bytes) with digits
// folded to '0'.
func wordHash(s string) uint64 {
	if len(s) > 64 {
		s = s[:64]
	}
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return perceptron.Mix(h, 0xff)
}

func tagHash(t string) uint64  { return perceptron.Str(perceptron.Seed(77), t) }
func uposHash(t string) uint64 { return perceptron.Str(perceptron.Seed(78), t) }
