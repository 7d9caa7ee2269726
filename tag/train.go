package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand"
	"os"
	"slices"
	"sort"
	"strings"

	"sitrep/corpus/conllu"
	"sitrep/internal/perceptron"
	"sitrep/internal/wordnet"
)

// TrainConfig sets how Train learns. Zero values mean defaults.
type TrainConfig struct {
	Iterations int     // passes over the data; default 6
	Seed       int64   // shuffling seed; default 1
	Prune      float64 // drop averaged weights below this fraction of the largest; default 0.02
	Log        io.Writer
	// Clusters maps word forms to distributional cluster paths of four
	// levels ("3.0.7.5"), as cmd/train-clusters writes them; none when nil.
	Clusters map[string]string
	// Bidirectional also trains a right-to-left tagger whose scores are
	// added to the left-to-right one's.
	Bidirectional bool
}

// Train learns a tagger and lemmatizer from sentences of a UD treebank.
// It returns an error when there is nothing to learn from.
func Train(sents []conllu.Sentence, cfg TrainConfig) (*Tagger, error) {
	if cfg.Iterations <= 0 {
		cfg.Iterations = 6
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Prune == 0 {
		cfg.Prune = 0.02
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, args...)
		}
	}
	// Tag classes: (XPOS, UPOS) pairs seen at least 3 times; rarer pairs
	// are mapped to the most frequent pair with the same XPOS.
	pairCount := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			pairCount[w.XPOS+"\t"+w.UPOS]++
		}
	}
	var classes []string
	for p, n := range pairCount {
		if n >= 3 {
			classes = append(classes, p)
		}
	}
	if len(classes) == 0 {
		return nil, fmt.Errorf("tag: train: no data")
	}
	sort.Slice(classes, func(i, j int) bool {
		a, b := pairCount[classes[i]], pairCount[classes[j]]
		if a != b {
			return a > b
		}
		return classes[i] < classes[j]
	})
	classID := map[string]int{}
	byXPOS := map[string]int{}
	for i, c := range classes {
		classID[c] = i
		x, _, _ := strings.Cut(c, "\t")
		if _, ok := byXPOS[x]; !ok {
			byXPOS[x] = i
		}
	}
	goldClass := func(w conllu.Word) int {
		if id, ok := classID[w.XPOS+"\t"+w.UPOS]; ok {
			return id
		}
		if id, ok := byXPOS[w.XPOS]; ok {
			return id
		}
		return 0
	}
	t := &Tagger{classes: classes}
	t.findClasses()
	for _, c := range classes {
		x, u, _ := strings.Cut(c, "\t")
		t.xpos = append(t.xpos, x)
		t.upos = append(t.upos, u)
	}

	type ex struct {
		words []string
		gold  []int
	}
	data := make([]ex, 0, len(sents))
	for _, s := range sents {
		e := ex{}
		for _, w := range s.Words {
			e.words = append(e.words, w.Form)
			e.gold = append(e.gold, goldClass(w))
		}
		data = append(data, e)
	}
	// The lexicon of ambiguity classes; training sentences see it built
	// without their own tenth of the data, as new text will.
	const lexFolds = 10
	total := map[uint64]map[int]int{}
	fold := make([]map[uint64]map[int]int, lexFolds)
	for f := range fold {
		fold[f] = map[uint64]map[int]int{}
	}
	lowOf := func(w string) uint64 { return lowerHash(perceptron.Seed(1), w) }
	for si, e := range data {
		for i, w := range e.words {
			k := lowOf(w)
			for _, m := range []map[uint64]map[int]int{total, fold[si%lexFolds]} {
				if m[k] == nil {
					m[k] = map[int]int{}
				}
				m[k][e.gold[i]]++
			}
		}
	}
	lexEntry := func(counts map[int]int, minus map[int]int) ([]int, []int) {
		sum := 0
		for c, n := range counts {
			sum += n - minus[c]
		}
		if sum < lexMin {
			return nil, nil
		}
		var cs []int
		for c, n := range counts {
			if n-minus[c] > 0 && (n-minus[c])*1000/sum >= lexKeep {
				cs = append(cs, c)
			}
		}
		sort.Ints(cs)
		ps := make([]int, len(cs))
		for i, c := range cs {
			ps[i] = (counts[c] - minus[c]) * 1000 / sum
		}
		return cs, ps
	}
	ambs := make([][]uint64, len(data))
	tops := make([][]uint64, len(data))
	for si, e := range data {
		for _, w := range e.words {
			k := lowOf(w)
			cs, ps := lexEntry(total[k], fold[si%lexFolds][k])
			a, tp := ambOf(cs, ps)
			ambs[si] = append(ambs[si], a)
			tops[si] = append(tops[si], tp)
		}
	}
	var lexKeys []uint64
	var lexRows [][]perceptron.Entry
	for k, counts := range total {
		cs, ps := lexEntry(counts, nil)
		if len(cs) == 0 {
			continue
		}
		n := 0
		for _, c := range counts {
			n += c
		}
		row := make([]perceptron.Entry, len(cs))
		for i := range cs {
			row[i] = perceptron.Entry{Class: cs[i], Weight: int16(lexWeight(ps[i], n))}
		}
		lexKeys = append(lexKeys, k)
		lexRows = append(lexRows, row)
	}
	t.lex = perceptron.BuildModel(len(classes), 1, lexKeys, lexRows)
	logf("lexicon: %d words\n", len(lexKeys))

	t.clusters = buildClusters(cfg.Clusters)
	logf("clusters: %d words\n", t.clusters.Features())

	rng := rand.New(rand.NewSource(cfg.Seed))
	all := make([]tagSent, len(data))
	for k, e := range data {
		all[k] = tagSent{words: e.words, gold: e.gold, amb: ambs[k], top: tops[k]}
	}
	t.model = t.trainTagger(all, cfg.Iterations, cfg.Prune, rng, logf, false)
	if cfg.Bidirectional {
		t.rmodel = t.trainTagger(all, cfg.Iterations, cfg.Prune, rng, logf, true)
	}
	logf("tagger model: %d features, %d weights\n", t.model.Features(), t.model.Entries())

	// Lemmatizer: edit-script classes learnt from words that the rules and
	// the irregular lists do not cover, with gold tags.
	type lex struct {
		sent, word int
		class      int
	}
	editCount := map[edit]int{}
	editOf := func(w conllu.Word) (edit, bool) {
		if _, ok := ruleLemma(w.Form, w.UPOS, w.XPOS); ok {
			return edit{}, false
		}
		return makeEdit(w.Form, w.Lemma), true
	}
	for _, s := range sents {
		for _, w := range s.Words {
			if e, ok := editOf(w); ok {
				editCount[e]++
			}
		}
	}
	var edits []edit
	for e, n := range editCount {
		if n >= 2 || e == (edit{}) {
			edits = append(edits, e)
		}
	}
	sort.Slice(edits, func(i, j int) bool {
		a, b := editCount[edits[i]], editCount[edits[j]]
		if a != b {
			return a > b
		}
		return edits[i].String() < edits[j].String()
	})
	editID := map[edit]int{}
	for i, e := range edits {
		editID[e] = i
	}
	var lexs []lex
	for si, s := range sents {
		for wi, w := range s.Words {
			if e, ok := editOf(w); ok {
				if id, ok := editID[e]; ok {
					lexs = append(lexs, lex{si, wi, id})
				}
			}
		}
	}
	t.edits = edits
	var feats []uint64
	ltr := perceptron.NewTrainer(len(edits))
	lscores := make([]float32, len(edits))
	infoCache := map[int][]tokInfo{}
	for it := 0; it < max(cfg.Iterations-1, 3); it++ {
		rng.Shuffle(len(lexs), func(i, j int) { lexs[i], lexs[j] = lexs[j], lexs[i] })
		right := 0
		for _, x := range lexs {
			inf, ok := infoCache[x.sent]
			if !ok {
				inf = make([]tokInfo, len(data[x.sent].words))
				sentInfo(data[x.sent].words, inf, false)
				infoCache[x.sent] = inf
			}
			feats = lemmaFeatures(inf, x.word, data[x.sent].gold[x.word], feats[:0])
			ltr.Scores(feats, lscores)
			best := argmax(lscores)
			ltr.Update(feats, x.class, best)
			ltr.Tick()
			if best == x.class {
				right++
			}
		}
		logf("lemmatizer iteration %d: train acc %.4f (%d classes)\n", it+1, float64(right)/float64(max(len(lexs), 1)), len(edits))
	}
	t.lemmas = ltr.Model(cfg.Prune)
	logf("lemmatizer model: %d features, %d weights\n", t.lemmas.Features(), t.lemmas.Entries())
	return t, nil
}

// tagSent is a training sentence for the tagger: its words, gold classes
// and lexicon features (jackknifed).
type tagSent struct {
	words    []string
	gold     []int
	amb, top []uint64
}

// sentInfos fills infos for the words of e (in capitals when upper is
// set, with its words in buf), with e's lexicon features.
func (t *Tagger) sentInfos(e tagSent, upper bool, buf []string, infos []tokInfo) ([]string, []tokInfo) {
	words := e.words
	if upper {
		buf = buf[:0]
		for _, w := range words {
			buf = append(buf, strings.ToUpper(w))
		}
		words = buf
	}
	if cap(infos) < len(words) {
		infos = make([]tokInfo, len(words))
	}
	infos = infos[:len(words)]
	sentInfo(words, infos, isCapsSentence(words))
	for i := range infos {
		infos[i].amb, infos[i].top = e.amb[i], e.top[i]
		infos[i].cl = t.clusterOf(words[i], &infos[i])
		infos[i].wn = uint64(wordnet.POS(words[i]))
	}
	return buf, infos
}

// trainTagger trains a tagger on sents for iters passes, dropping averaged
// weights below prune times the largest.
func (t *Tagger) trainTagger(sents []tagSent, iters int, prune float64, rng *rand.Rand, logf func(string, ...any), reverse bool) *perceptron.Model {
	n := len(t.classes)
	tr := perceptron.NewTrainer(n)
	scores := make([]float32, n)
	var infos []tokInfo
	var feats []uint64
	var upper []string
	order := rng.Perm(len(sents))
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			e := sents[k]
			// A few sentences are shown in capitals so that headlines in
			// capitals get sane tags.
			upper, infos = t.sentInfos(e, rng.Intn(40) == 0, upper, infos)
			gold := e.gold
			if reverse {
				slices.Reverse(infos)
				gold = slices.Clone(gold)
				slices.Reverse(gold)
			}
			p1, p2 := -1, -2
			for i := range infos {
				feats = tagFeatures(infos, i, p1, p2, feats[:0])
				tr.Scores(feats, scores)
				best := argmax(scores)
				tr.Update(feats, gold[i], best)
				tr.Tick()
				if best == gold[i] {
					right++
				}
				total++
				p2, p1 = p1, best
			}
		}
		logf("tagger iteration %d: train acc %.4f, %d features\n", it+1, float64(right)/float64(total), tr.Features())
	}
	return tr.Model(prune)
}

// ReadClustersFile reads the word clusters in the file at path (see
// ReadClusters).
func ReadClustersFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadClusters(f)
}

// ReadClusters reads word clusters in the format of cmd/train-clusters:
// one "form<TAB>path" line per word, gzip-compressed or not. Lines without
// a tab are skipped.
func ReadClusters(r io.Reader) (map[string]string, error) {
	br := bufio.NewReader(r)
	if head, err := br.Peek(2); err == nil && bytes.Equal(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("tag: clusters: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		w, p, ok := strings.Cut(sc.Text(), "\t")
		if ok && w != "" {
			out[w] = p
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tag: clusters: %w", err)
	}
	return out, nil
}

// buildClusters returns the cluster table of the word forms in paths,
// keyed by their raw hash; forms whose path cannot be read are left out.
func buildClusters(paths map[string]string) *perceptron.Model {
	words := make([]string, 0, len(paths))
	for w := range paths {
		words = append(words, w)
	}
	sort.Strings(words)
	var keys []uint64
	var rows [][]perceptron.Entry
	seen := map[uint64]bool{}
	for _, w := range words {
		c := clusterCode(paths[w])
		k := rawHash(perceptron.Seed(3), w, false)
		if c == 0 || len(w) > maxFeat || seen[k] {
			continue
		}
		seen[k] = true
		keys = append(keys, k)
		rows = append(rows, []perceptron.Entry{{Class: 0, Weight: int16(c)}})
	}
	return perceptron.BuildModel(1, 1, keys, rows)
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// makeEdit returns the edit script that turns form into lemma, preferring
// the lowered form as the base.
func makeEdit(form, lemma string) edit {
	try := func(base string, keep bool) (edit, bool) {
		p := 0
		for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
			p++
		}
		e := edit{keepCase: keep, strip: len(base) - p, add: lemma[p:]}
		return e, p > 0 || len(base) == 0
	}
	lower := strings.ToLower(form)
	el, okl := try(lower, false)
	if lower == form {
		return el
	}
	eo, oko := try(form, true)
	switch {
	case okl && oko:
		if len(eo.add)+eo.strip < len(el.add)+el.strip {
			return eo
		}
		return el
	case oko:
		return eo
	}
	return el
}
