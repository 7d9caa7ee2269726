package ner

import (
	"unicode"
	"unicode/utf8"
)

// lexicon holds what feature extraction looks words up in.
type lexicon struct {
	clusters   clusterTable
	gaz        gazetteer
	gazFirst   map[string]bool // first words of gazetteer phrases
	gazMaxWord int
}

func newLexicon(cl clusterTable, g gazetteer) *lexicon {
	lx := &lexicon{clusters: cl, gaz: g, gazFirst: map[string]bool{}}
	for p := range g {
		first := p
		n := 1
		for i := 0; i < len(p); i++ {
			if p[i] == ' ' {
				if n == 1 {
					first = p[:i]
				}
				n++
			}
		}
		lx.gazFirst[first] = true
		lx.gazMaxWord = max(lx.gazMaxWord, n)
	}
	lx.gazMaxWord = min(lx.gazMaxWord, maxGazWords)
	return lx
}

// scorer gives the label scores of a feature list.
type scorer interface {
	score(feats []uint64, out *[nLabels]float32)
}

// state is per-document scratch space, reused between documents.
type state struct {
	toks  []tok
	feats []uint64
	hist  map[uint64][nTypes + 1]uint16
	seen  map[uint64]uint32
	buf   []byte
	buf2  []byte
	head  map[uint64]int32 // lowercase form -> its last capitalised occurrence
	link  []int32          // previous capitalised occurrence of the same form, or -1
	agg   []uint64
	words []wordInfo // word cache (see word)
	// Buffers of Recognizer.Process and label.
	sents      [][]string
	forms      []string
	first, idx []int
	out        []int
	// Run-time scoring (fast.go): a cache of token role sums, scratch
	// space, and the label-independent score of each token of a window.
	cache   roleCache
	scratch []uint64
	static  []row
	// docStatic holds the static scores of every token of the document,
	// st.static a window of it, for the second pass.
	docStatic []row
	missed    []row   // role sums (nRoles rows each) of the window's tokens missing from the cache
	missIdx   []int32 // index in missed of each token of the window, or -1
	batch     lookups
	sink      uint64 // see weights.touch
	// domain, when not zero, adds a copy of every feature salted with it
	// (training only), so that corpus-specific conventions can live in the
	// copies while the shared weights learn what the corpora agree on.
	domain uint64
}

func newState() *state {
	return &state{hist: map[uint64][nTypes + 1]uint16{}, seen: map[uint64]uint32{}, head: map[uint64]int32{}}
}

// maxAggOccurrences bounds how many other occurrences of a word lend it
// their contexts.
const maxAggOccurrences = 6

// aggregate gives each capitalised token the contexts (the lowercase
// neighbours) of the other capitalised occurrences of its word in the
// document, so that a headline or sentence-initial mention learns from a
// plainer one elsewhere.
func (st *state) aggregate() {
	clear(st.head)
	st.agg = st.agg[:0]
	if cap(st.link) < len(st.toks) {
		st.link = make([]int32, len(st.toks))
	}
	st.link = st.link[:len(st.toks)]
	for i := range st.toks {
		t := &st.toks[i]
		st.link[i] = -1
		if t.flags&fCap == 0 {
			continue
		}
		if h, ok := st.head[t.lw]; ok {
			st.link[i] = h
		}
		st.head[t.lw] = int32(i)
	}
	for i := range st.toks {
		t := &st.toks[i]
		t.aggA = int32(len(st.agg))
		t.aggB = t.aggA
		if t.flags&fCap == 0 {
			continue
		}
		h := st.head[t.lw]
		if h == int32(i) && st.link[i] < 0 {
			continue
		}
		n := 0
		for j := h; j >= 0 && n < maxAggOccurrences; j = st.link[j] {
			if j == int32(i) {
				continue
			}
			n++
			o := &st.toks[j]
			var p, q uint64 = 1, 2
			if o.flags&fInitial == 0 {
				p = st.toks[j-1].lw
			}
			if o.flags&fFinal == 0 {
				q = st.toks[j+1].lw
			}
			st.agg = append(st.agg, p, mix(q, 3))
		}
		t.aggB = int32(len(st.agg))
	}
}

// maxSentenceTokens bounds the tokens of one sentence that get labels;
// longer sentences are labelled in pieces of this size.
const maxSentenceTokens = 400

// appendLower appends the lowercase of s (at most maxHashBytes bytes read)
// to b.
func appendLower(b []byte, s string) []byte {
	if len(s) > maxHashBytes {
		s = s[:maxHashBytes]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[i])
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += n
	}
	return b
}

// appendTitle appends s with its first rune kept and the rest lowercased.
func appendTitle(b []byte, s string) []byte {
	_, n := utf8.DecodeRuneInString(s)
	b = append(b, s[:n]...)
	return appendLower(b, s[n:])
}

// prepare fills st.toks for the sentences of a document, given as slices of
// token forms, with the document-level flags computed over all of them.
func (lx *lexicon) prepare(st *state, sents [][]string) {
	clear(st.hist)
	clear(st.seen)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	if cap(st.toks) < n {
		st.toks = make([]tok, n)
	}
	st.toks = st.toks[:n]
	k := 0
	for _, s := range sents {
		letterToks, capsToks := 0, 0
		for j, form := range s {
			t := &st.toks[k+j]
			*t = tok{form: form}
			var fl uint32
			if len(form) <= maxHashBytes {
				e := st.word(lx, form)
				t.shape, fl, t.w, t.lw, t.pre, t.suf, t.lenB, t.cl = e.shape, e.flags, e.w, e.lw, e.pre, e.suf, e.lenB, e.cl
			} else {
				t.shape, fl = shapeOf(form)
				t.w = hashStr(offset64, form)
				st.buf = appendLower(st.buf[:0], form)
				t.lw = hashStr(offset64, string(st.buf))
				affixes(t, string(st.buf))
				t.lenB = uint64(min(utf8.RuneCountInString(form[:min(len(form), 64)]), 12))
			}
			t.hist = t.lw
			t.flags = fl
			if fl&fHasLetter != 0 {
				letterToks++
				if fl&fAllCaps != 0 {
					capsToks++
				}
			}
			if j == 0 {
				t.flags |= fInitial
			}
			if j == len(s)-1 {
				t.flags |= fFinal
			}
		}
		caps := letterToks > 0 && capsToks*10 >= letterToks*8 && (letterToks > 1 || len(s) == 1)
		for j := range s {
			t := &st.toks[k+j]
			if caps {
				t.flags |= fCapsSent
			}
			if caps && t.flags&fAllCaps != 0 && len(t.form) > 1 && len(t.form) <= maxHashBytes {
				t.cl = st.word(lx, t.form).clCaps
			}
			switch {
			case t.flags&fHasLetter == 0:
			case t.flags&fCap == 0:
				st.seen[t.lw] |= fSeenLower
			case t.flags&(fInitial|fCapsSent) == 0:
				st.seen[t.lw] |= fSeenCapMid
			}
		}
		lx.matchGazetteer(st, st.toks[k:k+len(s)])
		markRuns(st.toks[k : k+len(s)])
		k += len(s)
	}
	for i := range st.toks {
		t := &st.toks[i]
		if t.flags&(fInitial|fCapsSent) != 0 {
			t.flags |= st.seen[t.lw]
		}
	}
	st.aggregate()
}

// cluster returns the cluster ids of form, looked up in title case first
// when titleFirst is set (an all-capitals word in a headline), and in lower
// case when the form itself has none.
func (lx *lexicon) cluster(st *state, form string, titleFirst bool) [clusterLevels]uint64 {
	if len(lx.clusters) == 0 || len(form) > maxHashBytes {
		return [clusterLevels]uint64{}
	}
	if titleFirst {
		st.buf2 = appendTitle(st.buf2[:0], form)
		if c, ok := lx.clusters[string(st.buf2)]; ok {
			return c
		}
	}
	if c, ok := lx.clusters[form]; ok {
		return c
	}
	st.buf2 = appendLower(st.buf2[:0], form)
	return lx.clusters[string(st.buf2)]
}

// wordInfo is what prepare derives from a word form alone.
type wordInfo struct {
	key          uint64
	shape, w, lw uint64
	lenB         uint64
	pre, suf     [4]uint64
	cl, clCaps   [clusterLevels]uint64 // clCaps: in an all-capitals sentence
	flags        uint32                // fCap, fAllCaps, fHasLetter, fGazFirst
}

// wordCacheSize is the number of slots of a state's word cache (a power
// of two).
const wordCacheSize = 1 << 12

// word returns the word information of form (at most maxHashBytes long),
// from the state's direct-mapped cache or computed.
func (st *state) word(lx *lexicon, form string) *wordInfo {
	if st.words == nil {
		st.words = make([]wordInfo, wordCacheSize)
	}
	w := hashStr(offset64, form)
	key := mix(w, uint64(len(form))) | 1
	e := &st.words[key&(wordCacheSize-1)]
	if e.key == key {
		return e
	}
	var t tok
	var fl uint32
	t.shape, fl = shapeOf(form)
	st.buf = appendLower(st.buf[:0], form)
	lw := hashStr(offset64, string(st.buf))
	affixes(&t, string(st.buf))
	if fl&fHasLetter != 0 && lx.gazFirst[string(st.buf)] {
		fl |= fGazFirst
	}
	*e = wordInfo{key: key, shape: t.shape, w: w, lw: lw, pre: t.pre, suf: t.suf, flags: fl,
		lenB: uint64(min(utf8.RuneCountInString(form), 12))}
	e.cl = lx.cluster(st, form, false)
	e.clCaps = e.cl
	if fl&fAllCaps != 0 && len(form) > 1 {
		e.clCaps = lx.cluster(st, form, true)
	}
	return e
}

// matchGazetteer marks the tokens of one sentence covered by gazetteer
// phrases, longest match first, with their position in the phrase.
func (lx *lexicon) matchGazetteer(st *state, s []tok) {
	for i := range s {
		if s[i].flags&fHasLetter == 0 || len(s[i].form) > maxHashBytes {
			continue
		}
		if s[i].flags&fGazFirst == 0 {
			continue
		}
		st.buf = appendLower(st.buf[:0], s[i].form)
		for j := i; j < len(s) && j < i+lx.gazMaxWord; j++ {
			if j > i {
				st.buf = append(st.buf, ' ')
				st.buf = appendLower(st.buf, s[j].form)
			}
			cats, ok := lx.gaz[string(st.buf)]
			if !ok {
				continue
			}
			for g := 0; g < nGaz; g++ {
				if cats&(1<<g) == 0 {
					continue
				}
				for k := i; k <= j; k++ {
					pos := uint8(posI)
					switch {
					case i == j:
						pos = posU
					case k == i:
						pos = posB
					case k == j:
						pos = posL
					}
					// A longer phrase found earlier wins.
					if s[k].gaz&(1<<g) != 0 && j-i == 0 {
						continue
					}
					s[k].gaz |= 1 << g
					s[k].gazPos[g] = pos
				}
			}
		}
	}
}

// maxConnector is the longest lowercase word that can join capitalised
// words into one run ("de", "of", "van", "the").
const maxConnector = 3

// markRuns marks the runs of capitalised words of a sentence (unless it
// is in capitals throughout): maximal sequences of capitalised tokens,
// with up to two short lowercase words between two of them ("Tren de
// Aragua", "Bank of England"). Each token of a run gets its position in
// the run (B, I, L, or U for a run of one) and the run's length, capped at
// five: a capitalised word inside a longer run is seldom a whole name on
// its own, which greedy decoding, seeing two words ahead, may not know.
func markRuns(s []tok) {
	for i := 0; i < len(s); {
		if s[i].flags&fCap == 0 || s[i].flags&fCapsSent != 0 {
			i++
			continue
		}
		// Extend the run from i to j (exclusive).
		j := i + 1
		for j < len(s) {
			if s[j].flags&fCap != 0 {
				j++
				continue
			}
			k := j
			for k < len(s) && k-j < 2 && s[k].flags&(fCap|fHasLetter) == fHasLetter && len(s[k].form) <= maxConnector {
				k++
			}
			if k > j && k < len(s) && s[k].flags&fCap != 0 {
				j = k
				continue
			}
			break
		}
		n := min(j-i, 5)
		for k := i; k < j; k++ {
			pos := posI
			switch {
			case j-i == 1:
				pos = posU
			case k == i:
				pos = posB
			case k == j-1:
				pos = posL
			}
			s[k].runPos = uint8(1 + pos + 4*n)
		}
		i = j
	}
}

// histOf returns the prediction-history value of token t.
func (st *state) histOf(t *tok) uint8 {
	if t.flags&fCap == 0 {
		return histNone
	}
	c, ok := st.hist[t.hist]
	if !ok {
		return histNone
	}
	best, bi := uint16(0), nTypes
	for k := 0; k < nTypes; k++ {
		if c[k] > best {
			best, bi = c[k], k
		}
	}
	return uint8(bi)
}

// record adds the label given to t to the document's history.
func (st *state) record(t *tok, l int) {
	if t.flags&fCap == 0 {
		return
	}
	c := st.hist[t.hist]
	k := nTypes
	if l != 0 {
		k = labelType(l)
	}
	if c[k] < 1<<15 {
		c[k]++
	}
	st.hist[t.hist] = c
}

// allowed reports whether label l may follow label prev: an I or L label
// must continue an open entity of its type, and an open entity may be
// followed only by its own continuation or by O, which ends it early
// (spans reads such sequences leniently), so one doubtful B cannot force
// a wrong continuation such as "Daimler rose". last tells whether it is
// the sentence's last token, which may not be I.
func allowed(prev, l int, last bool) bool {
	if open(prev) {
		if l != 0 && (labelType(l) != labelType(prev) || labelPos(l) == posB || labelPos(l) == posU) {
			return false
		}
	} else if l != 0 && (labelPos(l) == posI || labelPos(l) == posL) {
		return false
	}
	return !(last && l != 0 && labelPos(l) == posI)
}

// updater learns from a mistake: gold was right where pred was chosen.
type updater interface {
	update(feats []uint64, gold, pred int)
	tick() // one more example seen, for averaging
}

// tagSentence labels the tokens s (a window of st.toks) greedily left to
// right, writing labels to out. When gold is given and up is not nil, it
// updates the model at each mistake and carries on with its own choice.
func (st *state) tagSentence(m scorer, s []tok, out []int, gold []int, up updater) {
	prev, prev2 := 0, 0
	var sc [nLabels]float32
	for i := range s {
		last := i == len(s)-1
		var hp1, hm1 uint8 = histNone, histNone
		if i+1 < len(s) {
			hp1 = st.histOf(&s[i+1])
		}
		if i > 0 {
			hm1 = st.histOf(&s[i-1])
		}
		st.feats = features(st.feats[:0], s, i, prev, prev2, st.histOf(&s[i]), hp1, hm1, st.agg)
		if st.domain != 0 {
			n := len(st.feats)
			for _, f := range st.feats[:n] {
				st.feats = append(st.feats, mix(f, st.domain)|domainBit)
			}
		}
		m.score(st.feats, &sc)
		best, bs := 0, float32(0)
		first := true
		for l := 0; l < nLabels; l++ {
			if !allowed(prev, l, last) {
				continue
			}
			if first || sc[l] > bs {
				best, bs, first = l, sc[l], false
			}
		}
		if up != nil && gold != nil {
			g := gold[i]
			if !allowed(prev, g, last) {
				g = repair(prev, g, last)
			}
			if g >= 0 && g != best {
				up.update(st.feats, g, best)
			}
		}
		out[i] = best
		st.record(&s[i], best)
		prev2, prev = prev, best
	}
	if up != nil {
		up.tick()
	}
}

// repair maps a gold label that cannot follow prev to the nearest label
// that can: O to close a wrongly open entity, B or U to start one that
// should have been open, L to close one at the sentence's end.
func repair(prev, g int, last bool) int {
	if g == 0 {
		return 0
	}
	t := labelType(g)
	if open(prev) {
		if labelType(prev) != t || labelPos(g) == posB || labelPos(g) == posU {
			return 0 // end the wrongly open entity
		}
		return label(t, posL) // an I at the last token
	}
	switch labelPos(g) {
	case posI:
		if last {
			return label(t, posU)
		}
		return label(t, posB)
	case posL:
		return label(t, posU)
	}
	return g
}

// tagDocument labels every sentence of a prepared document. gold and up
// are nil except in training.
func (st *state) tagDocument(m scorer, sents [][]string, out []int, gold []int, up updater) {
	k := 0
	for _, s := range sents {
		for a := 0; a < len(s); a += maxSentenceTokens {
			b := min(a+maxSentenceTokens, len(s))
			var g []int
			if gold != nil {
				g = gold[k+a : k+b]
			}
			st.tagSentence(m, st.toks[k+a:k+b], out[k+a:k+b], g, up)
		}
		k += len(s)
	}
}

// span is a labelled run of tokens [start, end) within a document.
type span struct {
	start, end, typ int
}

// spans turns BILOU labels into spans. Ill-formed sequences are read
// leniently: an entity ends where a label of another kind begins.
func spans(labels []int) []span {
	var out []span
	cur := -1
	for i, l := range labels {
		if l == 0 {
			cur = -1
			continue
		}
		t, p := labelType(l), labelPos(l)
		if cur >= 0 && out[cur].typ == t && (p == posI || p == posL) {
			out[cur].end = i + 1
		} else {
			out = append(out, span{i, i + 1, t})
			cur = len(out) - 1
		}
		if p == posL || p == posU {
			cur = -1
		}
	}
	return out
}
