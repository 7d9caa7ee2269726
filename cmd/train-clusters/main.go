// Command train-clusters learns hierarchical word clusters from raw news
// text for the named-entity recogniser (package ner).
//
// It reads the BBC articles and Reuters-21578 stories under -data/bulk
// (with -polnear also the article texts of PolNeAR's training part, with
// -conll also the words of CoNLL-2003 eng.train without their labels).
// For each of the -vocab most frequent word forms seen at least -min times
// it builds a sparse vector of positive pointwise mutual information with
// the words at offsets -2, -1, +1 and +2, and splits the vocabulary
// top-down with spherical k-means into a tree of -branch children per
// node, -levels deep. Each word's path in the tree ("3.0.7.5") plays the
// part of a Brown-cluster bit string: its prefixes are cluster ids at
// several granularities.
//
//	go run ./cmd/train-clusters -data ../shared/data -out ner/clusters.txt.gz
//
// The output is gzip-compressed text, one "word<TAB>path" line per word,
// most frequent first. The run is deterministic for a given -seed.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

func main() {
	data := flag.String("data", "../shared/data", "path of the shared data folder")
	out := flag.String("out", "ner/clusters.txt.gz", "output file")
	vocab := flag.Int("vocab", 120000, "number of word forms to cluster")
	minCount := flag.Int("min", 2, "least count of a clustered word")
	ctxWords := flag.Int("ctx", 3000, "number of context words")
	branch := flag.Int("branch", 8, "children per tree node")
	levels := flag.Int("levels", 4, "depth of the tree")
	iters := flag.Int("iters", 12, "k-means iterations per node")
	seed := flag.Uint64("seed", 1, "random seed")
	conll := flag.Bool("conll", false, "also read the tokens (not the labels) of CoNLL-2003 eng.train")
	polnear := flag.Bool("polnear", false, "also read the article texts of PolNeAR's training part (US political news, 2015-16)")
	flag.Parse()
	if err := run(*data, *out, *vocab, *minCount, *ctxWords, *branch, *levels, *iters, *seed, *conll, *polnear); err != nil {
		fmt.Fprintln(os.Stderr, "train-clusters:", err)
		os.Exit(1)
	}
}

func run(data, out string, vocabN, minCount, ctxN, branch, levels, iters int, seed uint64, conll, polnear bool) error {
	start := time.Now()
	seqs, err := readBulk(filepath.Join(data, "bulk"))
	if err != nil {
		return err
	}
	if polnear {
		files, err := filepath.Glob(filepath.Join(data, "polnear", "train", "text", "*.txt"))
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(b), "\n") {
				if t := tokenize(line); len(t) > 0 {
					seqs = append(seqs, t)
				}
			}
		}
	}
	if conll {
		more, err := readCoNLLText(filepath.Join(data, "conll2003", "eng.train"))
		if err != nil {
			return err
		}
		seqs = append(seqs, more...)
	}
	ntok := 0
	counts := map[string]int{}
	for _, s := range seqs {
		ntok += len(s)
		for _, w := range s {
			counts[w]++
		}
	}
	fmt.Fprintf(os.Stderr, "read %d sequences, %d tokens, %d types in %v\n", len(seqs), ntok, len(counts), time.Since(start))

	words := make([]string, 0, len(counts))
	for w, c := range counts {
		if c >= minCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > vocabN {
		words = words[:vocabN]
	}
	index := make(map[string]int32, len(words))
	for i, w := range words {
		index[w] = int32(i)
	}

	// Context vocabulary: the most frequent lowercased forms, plus the
	// sentence boundary.
	lc := map[string]int{}
	for w, c := range counts {
		lc[strings.ToLower(w)] += c
	}
	cwords := make([]string, 0, len(lc))
	for w := range lc {
		cwords = append(cwords, w)
	}
	sort.Slice(cwords, func(i, j int) bool {
		if lc[cwords[i]] != lc[cwords[j]] {
			return lc[cwords[i]] > lc[cwords[j]]
		}
		return cwords[i] < cwords[j]
	})
	if len(cwords) > ctxN-1 {
		cwords = cwords[:ctxN-1]
	}
	cindex := make(map[string]int32, len(cwords)+1)
	for i, w := range cwords {
		cindex[w] = int32(i)
	}
	boundary := int32(len(cwords))
	nctx := len(cwords) + 1
	offsets := []int{-2, -1, 1, 2}
	dims := nctx * len(offsets)

	// Co-occurrence counts, word x (offset, context).
	co := make([]map[int32]float64, len(words))
	for i := range co {
		co[i] = map[int32]float64{}
	}
	ctxTotal := make([]float64, dims)
	for _, s := range seqs {
		cid := make([]int32, len(s))
		for i, w := range s {
			c, ok := cindex[strings.ToLower(w)]
			if !ok {
				c = -1
			}
			cid[i] = c
		}
		for i, w := range s {
			wi, ok := index[w]
			if !ok {
				continue
			}
			for k, off := range offsets {
				j := i + off
				var c int32
				switch {
				case j < 0 || j >= len(s):
					c = boundary
				default:
					c = cid[j]
				}
				if c < 0 {
					continue
				}
				d := int32(k*nctx) + c
				co[wi][d]++
				ctxTotal[d]++
			}
		}
	}
	// PPMI with context-distribution smoothing (alpha 0.75).
	var smoothTotal float64
	smooth := make([]float64, dims)
	for d, c := range ctxTotal {
		smooth[d] = math.Pow(c, 0.75)
		smoothTotal += smooth[d]
	}
	vecs := make([]sparse, len(words))
	for wi, m := range co {
		var wt float64
		for _, c := range m {
			wt += c
		}
		keys := make([]int32, 0, len(m))
		for d := range m {
			keys = append(keys, d)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		var v sparse
		for _, d := range keys {
			pmi := math.Log(m[d] / wt / (smooth[d] / smoothTotal))
			if pmi > 0 {
				v.idx = append(v.idx, d)
				v.val = append(v.val, float32(pmi))
			}
		}
		v.normalise()
		vecs[wi] = v
		co[wi] = nil
	}
	fmt.Fprintf(os.Stderr, "vectors for %d words, %d dims in %v\n", len(words), dims, time.Since(start))

	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	paths := make([][]byte, len(words))
	all := make([]int32, len(words))
	for i := range all {
		all[i] = int32(i)
	}
	var split func(members []int32, depth int)
	split = func(members []int32, depth int) {
		if depth == levels {
			return
		}
		if len(members) <= 1 {
			for _, m := range members {
				paths[m] = append(paths[m], 0)
			}
			split(members, depth+1)
			return
		}
		assign := kmeans(vecs, members, branch, iters, dims, rng)
		groups := make([][]int32, branch)
		for i, m := range members {
			paths[m] = append(paths[m], byte(assign[i]))
			groups[assign[i]] = append(groups[assign[i]], m)
		}
		for _, g := range groups {
			split(g, depth+1)
		}
	}
	split(all, 0)
	fmt.Fprintf(os.Stderr, "clustered in %v\n", time.Since(start))

	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for i, w := range words {
		var p strings.Builder
		for k, b := range paths[i] {
			if k > 0 {
				p.WriteByte('.')
			}
			fmt.Fprintf(&p, "%d", b)
		}
		fmt.Fprintf(bw, "%s\t%s\n", w, p.String())
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

type sparse struct {
	idx []int32
	val []float32
}

func (v *sparse) normalise() {
	var n float64
	for _, x := range v.val {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for i := range v.val {
		v.val[i] *= s
	}
}

// kmeans runs spherical k-means over the members' vectors and returns each
// member's cluster in [0, k). Seeds are chosen k-means++ style.
func kmeans(vecs []sparse, members []int32, k, iters, dims int, rng *rand.Rand) []int {
	if len(members) < k {
		k = len(members)
	}
	cent := make([][]float32, k)
	// k-means++ seeding on a sample.
	first := members[rng.IntN(len(members))]
	cent[0] = dense(vecs[first], dims)
	best := make([]float64, len(members))
	for i := range best {
		best[i] = math.Inf(1)
	}
	for c := 1; c < k; c++ {
		var total float64
		for i, m := range members {
			d := 1 - dot(vecs[m], cent[c-1])
			if d < best[i] {
				best[i] = d
			}
			total += best[i] * best[i]
		}
		r := rng.Float64() * total
		pick := members[len(members)-1]
		for i, m := range members {
			r -= best[i] * best[i]
			if r <= 0 {
				pick = m
				break
			}
		}
		cent[c] = dense(vecs[pick], dims)
	}
	assign := make([]int, len(members))
	for it := 0; it < iters; it++ {
		changed := 0
		for i, m := range members {
			bi, bs := 0, math.Inf(-1)
			for c := range cent {
				s := dot(vecs[m], cent[c])
				if s > bs {
					bi, bs = c, s
				}
			}
			if bi != assign[i] || it == 0 {
				changed++
			}
			assign[i] = bi
		}
		sizes := make([]int, k)
		for c := range cent {
			clear(cent[c])
		}
		for i, m := range members {
			c := assign[i]
			sizes[c]++
			v := vecs[m]
			for j, d := range v.idx {
				cent[c][d] += v.val[j]
			}
		}
		for c := range cent {
			if sizes[c] == 0 {
				// Reseed an empty cluster with a random member.
				cent[c] = dense(vecs[members[rng.IntN(len(members))]], dims)
				continue
			}
			var n float64
			for _, x := range cent[c] {
				n += float64(x) * float64(x)
			}
			if n > 0 {
				s := float32(1 / math.Sqrt(n))
				for j := range cent[c] {
					cent[c][j] *= s
				}
			}
		}
		if changed == 0 {
			break
		}
	}
	return assign
}

func dense(v sparse, dims int) []float32 {
	d := make([]float32, dims)
	for j, i := range v.idx {
		d[i] = v.val[j]
	}
	return d
}

func dot(v sparse, c []float32) float64 {
	var s float32
	for j, i := range v.idx {
		s += v.val[j] * c[i]
	}
	return float64(s)
}

// readCoNLLText returns the token sequences (sentences) of a CoNLL-2003
// file, ignoring its annotation columns.
func readCoNLLText(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var seqs [][]string
	var cur []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				seqs = append(seqs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, f[0])
	}
	if len(cur) > 0 {
		seqs = append(seqs, cur)
	}
	return seqs, nil
}

// readBulk returns the token sequences of the BBC articles (one per
// paragraph) and the Reuters stories (title, then body paragraphs).
func readBulk(dir string) ([][]string, error) {
	var seqs [][]string
	bbc, err := filepath.Glob(filepath.Join(dir, "bbc", "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(bbc)
	for _, p := range bbc {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if t := tokenize(line); len(t) > 0 {
				seqs = append(seqs, t)
			}
		}
	}
	reut, err := filepath.Glob(filepath.Join(dir, "reuters21578", "*.sgm"))
	if err != nil {
		return nil, err
	}
	sort.Strings(reut)
	for _, p := range reut {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		s := string(b)
		for _, tag := range []string{"TITLE", "BODY"} {
			open, close := "<"+tag+">", "</"+tag+">"
			rest := s
			for {
				i := strings.Index(rest, open)
				if i < 0 {
					break
				}
				rest = rest[i+len(open):]
				j := strings.Index(rest, close)
				if j < 0 {
					break
				}
				body := html.UnescapeString(rest[:j])
				rest = rest[j:]
				for _, para := range strings.Split(body, "\n    ") {
					if t := tokenize(strings.ReplaceAll(para, "\n", " ")); len(t) > 0 {
						seqs = append(seqs, t)
					}
				}
			}
		}
	}
	if len(seqs) == 0 {
		return nil, fmt.Errorf("no text under %s", dir)
	}
	return seqs, nil
}

// tokenize splits text roughly as the CoNLL and UD corpora do: on spaces,
// with punctuation peeled off word edges and "'s"/"n't" split off.
func tokenize(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		var tail []string
		for len(f) > 0 {
			r, n := utf8.DecodeRuneInString(f)
			if !strings.ContainsRune("\"'`([{“‘«<", r) {
				break
			}
			out = append(out, f[:n])
			f = f[n:]
		}
		for len(f) > 0 {
			r, n := utf8.DecodeLastRuneInString(f)
			if r == '.' {
				body := f[:len(f)-1]
				// Keep abbreviations (U.S., Inc.) together.
				if strings.Contains(body, ".") || (len(body) <= 3 && len(body) > 0 && unicode.IsUpper(rune(body[0]))) {
					break
				}
			} else if !strings.ContainsRune("\"'`)]},;:!?”’»>", r) {
				break
			}
			tail = append(tail, f[len(f)-n:])
			f = f[:len(f)-n]
		}
		if len(f) > 0 {
			lf := strings.ToLower(f)
			switch {
			case strings.HasSuffix(lf, "n't") && len(f) > 3:
				out = append(out, f[:len(f)-3], f[len(f)-3:])
			case (strings.HasSuffix(lf, "'s") || strings.HasSuffix(lf, "’s")) && len(f) > 2:
				k := strings.LastIndexAny(f, "'’")
				out = append(out, f[:k], f[k:])
			default:
				out = append(out, f)
			}
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}
