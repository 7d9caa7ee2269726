// Package tag is sitrep's part-of-speech tagger and lemmatizer. For every
// sentence of a document it fills each token's Universal POS tag (UPOS),
// Penn Treebank tag (XPOS) and lemma.
//
// Tagging is greedy left to right with an averaged perceptron over hashed
// features of the word, its affixes and shape, its neighbours and the two
// previous predicted tags; each class is an (XPOS, UPOS) pair, so the two
// tags always agree. Lemmas come from a hand-made list of English irregular
// forms, then from a second perceptron that predicts an edit script (strip
// some letters from the end, append others) from the word's suffixes and
// tag. The model is trained on Universal Dependencies English treebanks
// (see MODEL.md) and embedded in the binary.
package tag

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sitrep/doc"
	"sitrep/internal/perceptron"
	"sitrep/internal/wordnet"
	"sitrep/pipeline"
)

//go:embed model.bin
var embedded []byte

// Config configures a Tagger. The zero value uses the embedded model.
type Config struct {
	// ModelPath, when set, names a model file written by cmd/train-tagger
	// to use instead of the embedded one.
	ModelPath string
}

// Tagger tags and lemmatizes documents. It is safe for concurrent use.
type Tagger struct {
	classes []string // "XPOS\tUPOS"
	xpos    []string
	upos    []string
	model   *perceptron.Model
	rmodel  *perceptron.Model // right-to-left tagger, or nil

	edits  []edit
	lemmas *perceptron.Model

	lex *perceptron.Model // word -> (class, permille) for lexKeep and more

	// clusters maps the raw hash of a word form to its distributional
	// cluster path (see clusterCode), as one entry of class 0 whose weight
	// is the code. Empty when the model has none.
	clusters *perceptron.Model

	kinds [nKinds]int // the class of each kind of word (kindClasses), or -1
	sconj int         // the class IN/SCONJ, or -1
	nnp   int         // the class NNP/PROPN, or -1

	pool sync.Pool
}

var _ pipeline.Stage = (*Tagger)(nil)

// edit is a lemma edit script: take the word (lowered unless keepCase),
// strip the last strip bytes and append add.
type edit struct {
	keepCase bool
	strip    int
	add      string
}

func (e edit) String() string {
	c := "l"
	if e.keepCase {
		c = "o"
	}
	return c + "|" + strconv.Itoa(e.strip) + "|" + e.add
}

func parseEdit(s string) (edit, error) {
	parts := strings.SplitN(s, "|", 3)
	if len(parts) != 3 || (parts[0] != "l" && parts[0] != "o") {
		return edit{}, fmt.Errorf("tag: bad lemma class %q", s)
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n < 0 || n > 64 {
		return edit{}, fmt.Errorf("tag: bad lemma class %q", s)
	}
	return edit{keepCase: parts[0] == "o", strip: n, add: parts[2]}, nil
}

var loadEmbedded = sync.OnceValues(func() (*Tagger, error) {
	return readModel(bytes.NewReader(embedded))
})

// New returns a tagger using the model in cfg.ModelPath, or the embedded
// model when it is empty. It returns an error when the model cannot be read
// or is malformed.
func New(cfg Config) (*Tagger, error) {
	return perceptron.Load("tag", cfg.ModelPath, loadEmbedded, readModel)
}

// ReadModel reads a model written by WriteModel. Malformed data gives an
// error, never a panic.
func ReadModel(r io.Reader) (*Tagger, error) { return readModel(r) }

func readModel(r io.Reader) (*Tagger, error) {
	b, err := perceptron.ReadBundle(r)
	if err != nil {
		return nil, err
	}
	if len(b.Lists) != 2 || len(b.Models) < 3 || len(b.Models) > 5 {
		return nil, fmt.Errorf("tag: %w: want 2 lists and 3 to 5 models", perceptron.ErrFormat)
	}
	t := &Tagger{classes: b.Lists[0], model: b.Models[0], lemmas: b.Models[1], lex: b.Models[2], clusters: &perceptron.Model{}}
	if len(b.Models) >= 4 {
		t.clusters = b.Models[3]
	}
	if len(b.Models) == 5 {
		t.rmodel = b.Models[4]
		if t.rmodel.NClasses != len(t.classes) {
			return nil, fmt.Errorf("tag: %w: class counts disagree", perceptron.ErrFormat)
		}
	}
	if len(t.classes) == 0 || t.model.NClasses != len(t.classes) || t.lemmas.NClasses != len(b.Lists[1]) || t.lex.NClasses != len(t.classes) {
		return nil, fmt.Errorf("tag: %w: class counts disagree", perceptron.ErrFormat)
	}
	for _, c := range t.classes {
		x, u, ok := strings.Cut(c, "\t")
		if !ok {
			return nil, fmt.Errorf("tag: %w: bad tag class %q", perceptron.ErrFormat, c)
		}
		t.xpos = append(t.xpos, x)
		t.upos = append(t.upos, u)
	}
	for _, s := range b.Lists[1] {
		e, err := parseEdit(s)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", perceptron.ErrFormat, err)
		}
		t.edits = append(t.edits, e)
	}
	t.findClasses()
	return t, nil
}

// findClasses finds in t.classes the classes that rules set: t.kinds
// (from kindClasses), t.sconj and t.nnp.
func (t *Tagger) findClasses() {
	for k, c := range kindClasses {
		t.kinds[k] = slices.Index(t.classes, c)
	}
	t.sconj = slices.Index(t.classes, "IN\tSCONJ")
	t.nnp = slices.Index(t.classes, "NNP\tPROPN")
}

// Quantized returns a copy of t whose two tagging models have their weights
// rounded to 8-bit codes on a log scale (perceptron.Model.Quantized): they
// score faster from the compact layout and tag as well (EWT dev UPOS
// 0.96059 before, 0.96075 after). The lemmatizer, the lexicon and the clusters, whose weights
// are codes and counts, are shared as they are.
func (t *Tagger) Quantized() *Tagger {
	q := &Tagger{
		classes: t.classes, xpos: t.xpos, upos: t.upos,
		model: t.model.Quantized(), edits: t.edits, lemmas: t.lemmas,
		lex: t.lex, clusters: t.clusters, kinds: t.kinds, sconj: t.sconj, nnp: t.nnp,
	}
	if t.rmodel != nil {
		q.rmodel = t.rmodel.Quantized()
	}
	return q
}

// WriteModel writes the tagger's model to w in the format New reads.
func (t *Tagger) WriteModel(w io.Writer) error {
	es := make([]string, len(t.edits))
	for i, e := range t.edits {
		es[i] = e.String()
	}
	b := perceptron.Bundle{Lists: [][]string{t.classes, es}, Models: []*perceptron.Model{t.model, t.lemmas, t.lex}}
	if t.clusters != nil && (t.clusters.Features() > 0 || t.rmodel != nil) {
		b.Models = append(b.Models, t.clusters)
	}
	if t.rmodel != nil {
		b.Models = append(b.Models, t.rmodel)
	}
	return b.Write(w)
}

// Name returns "tag".
func (t *Tagger) Name() string { return "tag" }

type scratch struct {
	caps    bool // the sentence is tagged as a headline in capitals
	lcache  map[lemmaKey]string
	words   []string
	infos   []tokInfo
	feats   []uint64
	scores  []int32
	lscores []int32
	classes []int
	wn      *wordnet.Cache
	both    []float32 // per word and class, summed scores of the two directions
	rinfos  []tokInfo
	one     [1]string // a word lemmatized apart (unstretched)
	oneInfo [1]tokInfo
}

// wnCacheSize is how many words' WordNet masks a scratch remembers.
const wnCacheSize = 8192

func (t *Tagger) getScratch() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	wn, _ := wordnet.Default() // nil on error: no WordNet features
	return &scratch{
		scores:  make([]int32, len(t.classes)),
		lscores: make([]int32, len(t.edits)),
		wn:      wordnet.NewCache(wn, wnCacheSize),
	}
}

// Process tags and lemmatizes every sentence of d, filling UPOS, XPOS and
// Lemma of its tokens. Tokens outside any sentence are tagged as one
// sequence. A document without tokens is left unchanged. It returns an
// error only when ctx is done.
func (t *Tagger) Process(ctx context.Context, d *doc.Document) error {
	if len(d.Tokens) == 0 {
		return nil
	}
	s := t.getScratch()
	defer t.pool.Put(s)
	run := func(first, end int) {
		first, end = max(first, 0), min(end, len(d.Tokens))
		if first >= end {
			return
		}
		toks := d.Tokens[first:end]
		s.words = s.words[:0]
		for i := range toks {
			s.words = append(s.words, d.Slice(toks[i].Span))
		}
		t.tag(s)
		for i := range toks {
			c := s.classes[i]
			toks[i].XPOS, toks[i].UPOS = t.xpos[c], t.upos[c]
			toks[i].Lemma = t.lemma(s, i, c)
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

// tagBoth tags s.words greedily left to right and right to left and gives
// each word the class with the highest sum of the two directions' scores.
func (t *Tagger) tagBoth(s *scratch) {
	n, nc := len(s.words), len(t.classes)
	s.both = slices.Grow(s.both[:0], n*nc)[:n*nc]
	clear(s.both)
	// s.classes holds the fixed classes (see fixedBits), -1 elsewhere, until
	// the sums are read at the end.
	fixed := s.classes
	pass := func(m *perceptron.Model, infos []tokInfo, at func(int) int) {
		scale := float32(m.Scale)
		p1, p2 := -1, -2
		for k := range n {
			i := at(k)
			c := fixed[i]
			if c < 0 {
				s.feats = tagFeatures(infos, k, p1, p2, s.feats[:0])
				m.Scores(s.feats, s.scores)
				c = 0
				row := s.both[i*nc : (i+1)*nc]
				for j, v := range s.scores {
					row[j] += float32(v) * scale
					if v > s.scores[c] {
						c = j
					}
				}
			}
			p2, p1 = p1, c
		}
	}
	pass(t.model, s.infos, func(k int) int { return k })
	s.rinfos = append(s.rinfos[:0], s.infos...)
	slices.Reverse(s.rinfos)
	pass(t.rmodel, s.rinfos, func(k int) int { return n - 1 - k })
	for i := range n {
		if fixed[i] >= 0 {
			continue
		}
		row := s.both[i*nc : (i+1)*nc]
		best := 0
		for j, v := range row {
			if v > row[best] {
				best = j
			}
		}
		s.classes[i] = best
	}
}

// Tags is the analysis of one word.
type Tags struct {
	UPOS, XPOS, Lemma string
}

// Tag tags and lemmatizes one sentence of words. It returns nil for no
// words.
func (t *Tagger) Tag(words []string) []Tags {
	if len(words) == 0 {
		return nil
	}
	s := t.getScratch()
	defer t.pool.Put(s)
	s.words = append(s.words[:0], words...)
	t.tag(s)
	out := make([]Tags, len(words))
	for i := range words {
		c := s.classes[i]
		out[i] = Tags{UPOS: t.upos[c], XPOS: t.xpos[c], Lemma: t.lemma(s, i, c)}
	}
	return out
}

// tag fills s.classes for s.words. Words with a fixed class (see
// fixedBits, kindClasses) get it without scoring; subordinators then
// corrects prepositions that open a clause.
func (t *Tagger) tag(s *scratch) {
	n := len(s.words)
	if cap(s.infos) < n {
		s.infos = make([]tokInfo, n)
		s.classes = make([]int, n)
	}
	s.infos, s.classes = s.infos[:n], s.classes[:n]
	s.caps = isCapsSentence(s.words)
	sentInfo(s.words, s.infos, s.caps)
	for i := range s.infos {
		s.infos[i].amb, s.infos[i].top, s.classes[i] = t.lexClass(s.infos[i].low)
		if k := kindOf(s.words[i]); k != 0 && t.kinds[k] >= 0 {
			s.classes[i] = t.kinds[k]
		}
		s.infos[i].cl = t.clusterOf(s.words[i], &s.infos[i])
		s.infos[i].wn = uint64(s.wn.POS(s.words[i]))
	}
	if t.rmodel != nil {
		t.tagBoth(s)
	} else {
		t.tagLeftToRight(s)
	}
	t.subordinators(s)
	t.speakers(s)
}

// tagLeftToRight tags s.words greedily left to right.
func (t *Tagger) tagLeftToRight(s *scratch) {
	n := len(s.words)
	p1, p2 := -1, -2
	for i := range n {
		if s.classes[i] < 0 {
			s.feats = tagFeatures(s.infos, i, p1, p2, s.feats[:0])
			t.model.Scores(s.feats, s.scores)
			best := 0
			for c, v := range s.scores {
				if v > s.scores[best] {
					best = c
				}
			}
			s.classes[i] = best
		}
		p2, p1 = p1, s.classes[i]
	}
}

// subordinateWords open a clause as SCONJ or a noun phrase as ADP:
// "since U.S. forces captured Maduro", "since Thursday", "as prices rose".
var subordinateWords = []string{"since", "after", "before", "until", "till", "as", "once"}

// subordinateWord reports whether w is one of subordinateWords, in any case.
func subordinateWord(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, s := range subordinateWords {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

// maxSubject is the longest subject, in words, subordinators looks over.
const maxSubject = 6

// subordinators retags as SCONJ (IN) a subordinateWord tagged ADP when a
// clause follows it: one to maxSubject nominal words, then a tensed verb
// or a modal. In EWT and GUM train such a word is SCONJ 637 times out of
// 710 ("as" 344 of 382, "once" 26 of 28, the others 267 of 300); the
// greedy taggers see only two words ahead.
func (t *Tagger) subordinators(s *scratch) {
	if t.sconj < 0 {
		return
	}
	for i, c := range s.classes {
		if t.upos[c] != "ADP" || !subordinateWord(s.words[i]) {
			continue
		}
		j := i + 1
		for j < len(s.words) && j-i <= maxSubject && nominalClass(t.upos[s.classes[j]], s.words[j]) {
			j++
		}
		if j == i+1 || j >= len(s.words) || j-i > maxSubject {
			continue
		}
		switch t.xpos[s.classes[j]] {
		case "VBD", "VBZ", "VBP", "MD":
			s.classes[i] = t.sconj
		}
	}
}

// speakerCues are the verbs of saying a name stands right before ("Cook
// said", "Jolly told").
var speakerCues = []string{"said", "says", "told", "added", "wrote", "asked"}

// speakers retags as NNP/PROPN a capitalised word tagged VERB, AUX, INTJ or
// X right before a verb of saying: a name that is also a word ("Cook said
// ...", "Grant told ..."). In EWT and GUM train a capitalised word there is
// PROPN, PRON or NOUN 243 times out of 246 (never VERB).
func (t *Tagger) speakers(s *scratch) {
	if t.nnp < 0 {
		return
	}
	for i := 0; i+1 < len(s.words); i++ {
		switch t.upos[s.classes[i]] {
		case "VERB", "AUX", "INTJ", "X":
		default:
			continue
		}
		if w := s.words[i]; w == "" || w[0] < 'A' || w[0] > 'Z' || !slices.Contains(speakerCues, s.words[i+1]) {
			continue
		}
		s.classes[i] = t.nnp
	}
}

// nominalClass reports whether a word tagged upos may be part of a noun
// phrase before its verb.
func nominalClass(upos, w string) bool {
	switch upos {
	case "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM":
		return true
	}
	return w == "'s" || w == "’s"
}

// lexClass returns the ambiguity class and top class of the word whose
// lowered hash is low, and its fixed class (see fixedBits), or -1.
func (t *Tagger) lexClass(low uint64) (amb, top uint64, fixed int) {
	row := t.lex.Row(low)
	if len(row) == 0 {
		return unknownAmb, unknownAmb, -1
	}
	var cs, ps [16]int
	n := 0
	for _, e := range row {
		if n == len(cs) {
			break
		}
		cs[n], ps[n] = perceptron.EntryClass(e), int(perceptron.EntryWeight(e))&1023
		n++
	}
	fixed = -1
	if w := int(perceptron.EntryWeight(row[0])); len(row) == 1 && w&1023 >= fixedPermille && w>>10 >= fixedBits {
		fixed = cs[0]
	}
	amb, top = ambOf(cs[:n], ps[:n])
	return amb, top, fixed
}

// clusterOf returns the cluster code of word w (whose infos are ti): that
// of its form, or else of its lowered form; 0 when it has none.
func (t *Tagger) clusterOf(w string, ti *tokInfo) uint64 {
	if t.clusters == nil || t.clusters.Features() == 0 {
		return 0
	}
	row := t.clusters.Row(ti.raw)
	if len(row) == 0 && ti.flags&(fUpper|fAllCaps) != 0 {
		row = t.clusters.Row(rawHash(perceptron.Seed(3), w, true))
	}
	if len(row) == 0 {
		return 0
	}
	return uint64(uint16(perceptron.EntryWeight(row[0])))
}

// lemmaKey keys the lemma cache: a word and its tag class.
type lemmaKey struct {
	w string
	c int
}

// lemmaCacheMax bounds the lemmas a scratch remembers; the cache is
// emptied when it is full.
const lemmaCacheMax = 1 << 15

// lemma returns the lemma of word i tagged with class c. Outside headlines
// in capitals a word's lemma depends only on the word and its class, so
// lemmas the classifier gives are remembered in s.
func (t *Tagger) lemma(s *scratch, i, c int) string {
	w := s.words[i]
	upos, xpos := t.upos[c], t.xpos[c]
	if upos == "PROPN" && xpos != "NNPS" {
		if l := t.capsName(w, s.caps); l != "" {
			return l
		}
	}
	if upos == "AUX" && t.perfectS(s, i) {
		return "have"
	}
	if l, ok := ruleLemma(w, upos, xpos); ok {
		return l
	}
	if !s.caps {
		if l, ok := s.lcache[lemmaKey{w, c}]; ok {
			return l
		}
	}
	var l string
	if v := t.unstretched(w); v != "" && upos != "INTJ" {
		// "sooooo" -> "so", "REAAAALLY" -> "really": EWT lemmatizes a
		// stretched word as it is spelt normally.
		s.one[0] = v
		sentInfo(s.one[:], s.oneInfo[:], false)
		if rl, ok := ruleLemma(v, upos, xpos); ok {
			l = rl
		} else {
			l = t.classifyLemma(s, s.oneInfo[:], 0, c, v)
		}
	} else {
		l = t.classifyLemma(s, s.infos, i, c, w)
	}
	if !s.caps {
		if s.lcache == nil || len(s.lcache) >= lemmaCacheMax {
			s.lcache = make(map[lemmaKey]string, 1024)
		}
		// Clones, so that the cache does not keep a document's text alive.
		l = strings.Clone(l)
		s.lcache[lemmaKey{strings.Clone(w), c}] = l
	}
	return l
}

// classifyLemma gives the edit-script classifier's lemma of word i of
// infos (whose form is w) tagged with class c, with WordNet's fallback.
func (t *Tagger) classifyLemma(s *scratch, infos []tokInfo, i, c int, w string) string {
	s.feats = lemmaFeatures(infos, i, c, s.feats[:0])
	t.lemmas.Scores(s.feats, s.lscores)
	l := t.pickLemma(w, s.lscores)
	if wl, ok := wordNetLemma(w, l, t.upos[c]); ok {
		l = wl
	}
	return l
}

// unstretched returns the lowered word w with its runs of three or more
// same letters shortened to two, or else to one, whichever first gives a
// known word ("litttle" -> "little", "sooooo" -> "so"); "" when w has no
// such run, is one letter repeated ("WWW"), or neither form is known. In
// EWT and GUM train such words (not interjections, whose lemmas vary:
// "hmm", "mmmm") have the shortened form's lemma 10 times out of 11.
func (t *Tagger) unstretched(w string) string {
	run := false
	for i := 2; i < len(w) && !run; i++ {
		c := w[i] | 0x20
		run = c >= 'a' && c <= 'z' && w[i-1]|0x20 == c && w[i-2]|0x20 == c
	}
	if !run || len(w) > maxFeat {
		return ""
	}
	low := strings.ToLower(w)
	if strings.Count(low, low[:1]) == len(low) {
		return "" // "WWW" is no stretched word
	}
	for _, keep := range []int{2, 1} {
		var b strings.Builder
		for i := 0; i < len(low); i++ {
			n := 1
			for i+n < len(low) && low[i+n] == low[i] {
				n++
			}
			out := n
			if n >= 3 && low[i] >= 'a' && low[i] <= 'z' {
				out = keep
			}
			for range out {
				b.WriteByte(low[i])
			}
			i += n - 1
		}
		if v := b.String(); t.knownForm(v) || wordnet.POS(v) != 0 {
			return v
		}
	}
	return ""
}

// perfectS reports whether word i of s is a clitic "'s" that stands for
// "has": one followed by "been", "got" or "gotten", perhaps after adverbs
// and particles ("it's never been", "she's got"). In EWT and GUM train an
// auxiliary "'s" so followed has the lemma "have" 30 times out of 31; other
// past participles after it are mostly passives ("it's done", lemma "be").
func (t *Tagger) perfectS(s *scratch, i int) bool {
	if w := s.words[i]; w != "'s" && w != "’s" && w != "'S" && w != "’S" {
		return false
	}
	for j := i + 1; j < len(s.words); j++ {
		switch strings.ToLower(s.words[j]) {
		case "been", "got", "gotten":
			return true
		}
		if u := s.classes[j]; u < 0 || (t.upos[u] != "ADV" && t.upos[u] != "PART") {
			return false
		}
	}
	return false
}

// lemmaTries is how many of the best edit scripts pickLemma considers.
const lemmaTries = 3

// pickLemma applies the best-scoring edit script to w. When that script
// changes the word and its result is not a known word form (one with a
// cluster: "provok" for "provoking"), it takes the first of the next
// lemmaTries-1 best scripts that changes only the word's ending (strips at
// most 4 bytes and keeps 2) and gives a known form ("provoke").
func (t *Tagger) pickLemma(w string, scores []int32) string {
	var top [lemmaTries]int
	n := 0
	for k, v := range scores {
		j := min(n, lemmaTries-1)
		if n == lemmaTries && v <= scores[top[j]] {
			continue
		}
		for j > 0 && v > scores[top[j-1]] {
			top[j] = top[j-1]
			j--
		}
		top[j] = k
		n = min(n+1, lemmaTries)
	}
	e := t.edits[top[0]]
	best := e.apply(w)
	if (e.strip == 0 && e.add == "") || t.clusters == nil || t.clusters.Features() == 0 || t.knownForm(best) {
		return best
	}
	for _, k := range top[1:n] {
		a := t.edits[k]
		if a.strip > 4 || a.strip > len(w)-2 || (a.strip == 0 && a.add == "") {
			continue
		}
		if l := a.apply(w); t.knownForm(l) {
			return l
		}
	}
	return best
}

// wordNetLemma returns WordNet's base form of w for the part of speech of
// upos (NOUN, VERB, ADJ or ADV) when the classifier's lemma l is a form
// WordNet does not know at all ("ach" for "aches", "mimick" for
// "mimicking") and differs from it other than in case; ok is false
// otherwise.
func wordNetLemma(w, l, upos string) (string, bool) {
	p := wordnet.ForUPOS(upos)
	if p == 0 || upos == "AUX" || wordnet.POS(l) != 0 {
		return "", false
	}
	wl, ok := wordnet.Lemma(w, p)
	if !ok || strings.EqualFold(wl, l) {
		return "", false
	}
	return wl, true
}

// capsName returns the capitalised form of a proper noun written in
// capitals ("TEHRAN" -> "Tehran") when that form is known (has a cluster)
// and the word as written is not; else "". Words of fewer than four
// letters (acronyms) are left alone. On EWT and GUM train the rule is
// right 64 times out of 72. In a headline in capitals (headline set) the
// word may be known as written too ("TEXAS", "PRESS"): there the
// capitalised form is the gold lemma 38 times out of 43 in train (wrong
// for "NASA", which the news text also writes "Nasa").
func (t *Tagger) capsName(w string, headline bool) string {
	if len(w) < 4 || len(w) > maxFeat || t.clusters == nil || t.clusters.Features() == 0 {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return ""
		}
	}
	if !headline && t.knownForm(w) {
		return ""
	}
	title := w[:1] + strings.ToLower(w[1:])
	if !t.knownForm(title) {
		return ""
	}
	return title
}

// knownForm reports whether the word form w has a cluster.
func (t *Tagger) knownForm(w string) bool {
	return len(t.clusters.Row(rawHash(perceptron.Seed(3), w, false))) > 0
}

// ruleLemma gives the lemma of words that need no classifier: proper
// nouns, punctuation, symbols and numbers keep their form; listed
// irregular forms get their listed lemma.
func ruleLemma(w, upos, xpos string) (string, bool) {
	switch upos {
	case "PROPN":
		if xpos != "NNPS" {
			if l := dateAbbrev(w); l != "" {
				return l, true
			}
			return w, true
		}
	case "PUNCT", "SYM":
		return punctLemma(w), true
	case "NUM":
		return numLemma(w), true
	}
	if l := lookupIrregular(irregularClass(upos, xpos), w); l != "" {
		return l, true
	}
	if len(w) > maxFeat {
		return w, true
	}
	return "", false
}

func (e edit) apply(w string) string {
	base := w
	if !e.keepCase {
		base = strings.ToLower(w)
	}
	if e.strip > len(base) {
		return base
	}
	if e.add == "" {
		return base[:len(base)-e.strip]
	}
	return base[:len(base)-e.strip] + e.add
}

// Lemma feature template ids.
const (
	lBias = iota + 200
	lTag
	lSuf
	lSufTag
	lFlagsTag
	lPreTag
	lLenTag
)

func lemmaFeatures(infos []tokInfo, i, c int, out []uint64) []uint64 {
	w := &infos[i]
	tc := uint64(c)
	out = append(out,
		f1(lBias, 0),
		f2(lLenTag, w.low, tc),
		f1(lTag, tc),
		f2(lFlagsTag, w.flags, tc),
		f2(lPreTag, w.pre[0], tc),
	)
	for k := range w.suf {
		out = append(out, f2(lSuf, uint64(k), w.suf[k]), f2(lSufTag+uint64(k)*16, w.suf[k], tc))
	}
	return out
}

// romanNumeral reports whether w is written in capital Roman numerals.
func romanNumeral(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		default:
			return false
		}
	}
	return w != ""
}

// punctLemma gives the lemma of a punctuation mark: curly quotation marks
// become straight ones and an en dash a hyphen, as EWT and GUM train both
// have it (“ ” 159 times out of 159, ‘ ’ 28 of 28, – 211 of 211); other
// marks keep their form (the two disagree about "—" and "...").
func punctLemma(w string) string {
	switch w {
	case "“", "”":
		return `"`
	case "‘", "’":
		return "'"
	case "–":
		return "-"
	}
	return w
}

// numberUnits are the abbreviations that stand for a number after a
// numeral ("$5 m", "3bn", "20k"), with their lemmas. In EWT and GUM train
// "k", "m" and "bn" tagged NUM have these lemmas 66 times out of 66.
var numberUnits = map[string]string{
	"k": "thousand", "m": "million", "mn": "million", "mln": "million",
	"b": "billion", "bn": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion",
}

// numLemma lowers a number word (not a Roman numeral), gives a unit its
// number ("bn" -> "billion") and drops the thousands separators of a
// numeral ("5,000" -> "5000").
func numLemma(w string) string {
	if len(w) <= 3 {
		if l, ok := numberUnits[strings.ToLower(w)]; ok {
			return l
		}
	}
	digits, commas := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == ',':
			commas++
		case c == '.':
		default:
			if romanNumeral(w) {
				return w // "II", "XIII": 38 times out of 38 in EWT and GUM train
			}
			return strings.ToLower(w)
		}
	}
	if commas == 0 || digits == 0 {
		return w
	}
	return strings.ReplaceAll(w, ",", "")
}
