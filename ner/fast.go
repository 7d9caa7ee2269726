package ner

import "math/bits"

// The run-time scorer. It gives exactly the label scores that
// weights.score gives for the list built by features, with far fewer
// lookups in the (large, cache-unfriendly) weight table:
//
//   - features whose value set is small and fixed (the bias, the previous
//     labels, the history values, the sentence-initial/headline flags) are
//     looked up once, when the recogniser is built;
//   - the features that depend only on one token's own properties (its
//     form, shape, affixes, clusters and gazetteer matches) are summed per
//     role (the token itself, or the neighbour at -2, -1, +1, +2) and kept
//     in a per-goroutine cache keyed by those properties, so a frequent
//     word costs one cache probe instead of some thirty table lookups;
//   - what does not depend on the labels (everything but the previous
//     labels and the history) is summed once per token, before decoding.
//
// Scores are sums of int16 weights in int32, so the order of the sum
// does not matter and the result is the same to the last bit.

// row is a score vector over the labels other than O (which weighs zero).
type row [nLabels - 1]int32

// add adds o to r. The sums are written out: the compiler does not unroll
// or vectorise loops, and these adds are a good part of the run time.
func (r *row) add(o *row) {
	r[0] += o[0]
	r[1] += o[1]
	r[2] += o[2]
	r[3] += o[3]
	r[4] += o[4]
	r[5] += o[5]
	r[6] += o[6]
	r[7] += o[7]
	r[8] += o[8]
	r[9] += o[9]
	r[10] += o[10]
	r[11] += o[11]
	r[12] += o[12]
	r[13] += o[13]
	r[14] += o[14]
	r[15] += o[15]
}

// addW adds the int16 weights w to r.
func (r *row) addW(w *[nLabels - 1]int16) {
	r[0] += int32(w[0])
	r[1] += int32(w[1])
	r[2] += int32(w[2])
	r[3] += int32(w[3])
	r[4] += int32(w[4])
	r[5] += int32(w[5])
	r[6] += int32(w[6])
	r[7] += int32(w[7])
	r[8] += int32(w[8])
	r[9] += int32(w[9])
	r[10] += int32(w[10])
	r[11] += int32(w[11])
	r[12] += int32(w[12])
	r[13] += int32(w[13])
	r[14] += int32(w[14])
	r[15] += int32(w[15])
}

// The unrolled adds above assume 16 labels besides O.
var _ = [1]struct{}{}[nLabels-1-16]

// addFeat adds the weights of feature f, if it has any.
func (m *weights) addFeat(r *row, f uint64) {
	if s := m.find(f); s != nil {
		r.addW(&s.w)
	}
}

// feat is the hash of template tpl with value v, as features makes it.
func feat(tpl, v uint64) uint64 { return mix(mix(offset64, tpl), v) &^ domainBit }

// Roles of a token's cached sums.
const (
	roleSelf = iota
	roleM1   // the token is the left neighbour of the scored one
	roleP1   // the right neighbour
	roleM2
	roleP2
	nRoles
)

// roles holds a token's feature sums in each role.
type roles [nRoles]row

// seenIndex maps the value of the ftSeen feature to a table index.
func seenIndex(v uint64) int { return int(v>>3) & 15 }

// fixedRows are the sums of features with a small, fixed value set.
type fixedRows struct {
	bias row
	// prev[p2][p]: the previous-label features after labels p2, p.
	prev [nLabels][nLabels]row
	// hist[h][hp1][hm1]: the history features with these values for the
	// token and its right and left neighbours.
	hist [histNone + 1][histNone + 1][histNone + 1]row
	seen [16]row
	// What the neighbour features add at the sentence's edges.
	edgeM1, edgeM2, edgeP1, edgeP2 row
}

func newFixedRows(m *weights) *fixedRows {
	fx := &fixedRows{}
	m.addFeat(&fx.bias, feat(ftBias, 0))
	for p := 0; p < nLabels; p++ {
		for p2 := 0; p2 < nLabels; p2++ {
			m.addFeat(&fx.prev[p2][p], feat(ftPrev, uint64(p)))
			m.addFeat(&fx.prev[p2][p], feat(ftPrev2, uint64(p2)<<8|uint64(p)))
		}
	}
	for h := 0; h <= histNone; h++ {
		for hp1 := 0; hp1 <= histNone; hp1++ {
			for hm1 := 0; hm1 <= histNone; hm1++ {
				r := &fx.hist[h][hp1][hm1]
				m.addFeat(r, feat(ftHist, uint64(h)))
				m.addFeat(r, feat(ftHistP1, uint64(hp1)))
				m.addFeat(r, feat(ftHistM1, uint64(hm1)))
			}
		}
	}
	for i := range fx.seen {
		m.addFeat(&fx.seen[i], feat(ftSeen, uint64(i)<<3))
	}
	m.addFeat(&fx.edgeM1, feat(ftLWm1, 1))
	m.addFeat(&fx.edgeM1, feat(ftShapeM1, 1))
	m.addFeat(&fx.edgeM2, feat(ftLWm2, 1))
	m.addFeat(&fx.edgeP1, feat(ftLWp1, 2))
	m.addFeat(&fx.edgeP1, feat(ftShapeP1, 2))
	m.addFeat(&fx.edgeP2, feat(ftLWp2, 2))
	return fx
}

// roleKey is the cache key of a token: a hash of everything its role sums
// depend on.
func roleKey(t *tok) uint64 {
	h := mix(offset64, t.w)
	h = mix(h, t.lw)
	h = mix(h, t.shape)
	h = mix(h, t.lenB)
	for k := 0; k < 4; k++ {
		h = mix(h, t.pre[k])
		h = mix(h, t.suf[k])
	}
	for k := 0; k < clusterLevels; k++ {
		h = mix(h, t.cl[k])
	}
	if t.gaz != 0 {
		h = mix(h, uint64(t.gaz))
		for g := 0; g < nGaz; g++ {
			h = mix(h, uint64(t.gazPos[g]))
		}
	}
	return h | 1 // never zero: zero marks an empty cache slot
}

// appendSelf appends the features of t that depend on t alone.
func appendSelf(buf []uint64, t *tok) []uint64 {
	buf = append(buf, feat(ftW, t.w), feat(ftLW, t.lw), feat(ftShape, t.shape), feat(ftLen, t.lenB))
	for k := 0; k < 4; k++ {
		buf = append(buf, feat(ftPre, t.pre[k]), feat(ftSuf, t.suf[k]))
	}
	for k := 0; k < clusterLevels; k++ {
		if t.cl[k] != 0 {
			buf = append(buf, feat(ftCl, t.cl[k]))
		}
	}
	if t.gaz != 0 {
		for g := 0; g < nGaz; g++ {
			if t.gaz&(1<<g) != 0 {
				buf = append(buf, feat(ftGaz, uint64(g)<<8|uint64(t.gazPos[g])))
			}
		}
	}
	return buf
}

// appendRole appends the features t contributes as the neighbour of the
// scored token in role r (roleM1...roleP2).
func appendRole(buf []uint64, t *tok, r int) []uint64 {
	switch r {
	case roleM1, roleP1:
		lw, sh, cl, gz := uint64(ftLWm1), uint64(ftShapeM1), uint64(ftClM1), uint64(ftGazM1)
		if r == roleP1 {
			lw, sh, cl, gz = ftLWp1, ftShapeP1, ftClP1, ftGazP1
		}
		buf = append(buf, feat(lw, t.lw), feat(sh, t.shape))
		if t.cl[1] != 0 {
			buf = append(buf, feat(cl, t.cl[1]), feat(cl, t.cl[3]^7))
		}
		for g := 0; g < nGaz; g++ {
			if t.gaz&(1<<g) != 0 {
				buf = append(buf, feat(gz, uint64(g)))
			}
		}
	case roleM2, roleP2:
		lw, cl := uint64(ftLWm2), uint64(ftClM2)
		if r == roleP2 {
			lw, cl = ftLWp2, ftClP2
		}
		buf = append(buf, feat(lw, t.lw))
		if t.cl[1] != 0 {
			buf = append(buf, feat(cl, t.cl[1]))
		}
	}
	return buf
}

// roleCacheSize is the number of slots of a state's role cache (a power
// of two); a slot takes 328 bytes.
const roleCacheSize = 1 << 13

// roleCache is a direct-mapped cache of token role sums.
type roleCache struct {
	keys []uint64
	vals []roles
}

// lookups is a batch of features to look up, each with the place its
// weights go: dst >= 0 is row dst of st.missed (missed token times nRoles plus
// role), dst < 0 is st.static[-dst-1].
type lookups []lookup

type lookup struct {
	f   uint64
	dst int32
}

// touch reads the table slot where each feature's search begins, with no
// branch between the reads, so that the processor fetches the cache lines
// of the whole batch at once instead of one miss after another. It returns
// a value only so that the reads are not optimised away.
func (m *weights) touch(b lookups) uint64 {
	var x uint64
	slots, mask := m.slots, m.mask
	for _, q := range b {
		x ^= slots[q.f&mask].key
	}
	return x
}

// staticScores sets st.static[i] to the sum of the label-independent
// features of each token of the window s.
func (st *state) staticScores(m *weights, fx *fixedRows, s []tok) {
	n := len(s)
	if cap(st.static) < n {
		st.static = make([]row, n)
	}
	if cap(st.missIdx) < n {
		st.missed = make([]row, n*nRoles)
		st.missIdx = make([]int32, n)
	}
	st.static, st.missIdx = st.static[:n], st.missIdx[:n]
	c := &st.cache
	if c.keys == nil {
		c.keys = make([]uint64, roleCacheSize)
		c.vals = make([]roles, roleCacheSize)
	}
	for i := range st.static {
		st.static[i] = fx.bias
	}
	b := st.batch[:0]
	// Tokens whose role sums are cached lend them to their neighbours
	// now; the others have their features gathered into the batch.
	nMiss := 0
	for j := range s {
		t := &s[j]
		k := roleKey(t)
		t.rkey = k
		if c.keys[k&(roleCacheSize-1)] == k {
			st.missIdx[j] = -1
			st.spread(j, &c.vals[k&(roleCacheSize-1)])
			continue
		}
		st.missIdx[j] = int32(nMiss)
		*(*roles)(st.missed[nMiss*nRoles:]) = roles{}
		nMiss++
		base := int32(nMiss-1) * nRoles
		st.scratch = appendSelf(st.scratch[:0], t)
		for _, f := range st.scratch {
			b = append(b, lookup{f, base + roleSelf})
		}
		for r := roleM1; r < nRoles; r++ {
			st.scratch = appendRole(st.scratch[:0], t, r)
			for _, f := range st.scratch {
				b = append(b, lookup{f, base + int32(r)})
			}
		}
	}
	for i := range s {
		t := &s[i]
		r := &st.static[i]
		tag := -int32(i) - 1
		var lwm1, lwp1, shm1, shp1 uint64 = 1, 2, 1, 2
		if i > 0 {
			lwm1, shm1 = s[i-1].lw, s[i-1].shape
		} else {
			r.add(&fx.edgeM1)
		}
		if i < 2 {
			r.add(&fx.edgeM2)
		}
		if i+1 < n {
			lwp1, shp1 = s[i+1].lw, s[i+1].shape
		} else {
			r.add(&fx.edgeP1)
		}
		if i+2 >= n {
			r.add(&fx.edgeP2)
		}
		b = append(b, lookup{feat(ftShapeM1S, mix(shm1, t.shape)), tag})
		b = append(b, lookup{feat(ftShapeSP1, mix(t.shape, shp1)), tag})
		b = append(b, lookup{feat(ftLWm1LW, mix(lwm1, t.lw)), tag})
		b = append(b, lookup{feat(ftLWLWp1, mix(t.lw, lwp1)), tag})
		if t.flags&fInitial != 0 {
			b = append(b, lookup{feat(ftInitShape, t.shape), tag})
		}
		if t.flags&fCapsSent != 0 {
			b = append(b, lookup{feat(ftCapsShape, t.shape), tag})
			b = append(b, lookup{feat(ftCapsLW, t.lw), tag})
		}
		if t.flags&fHasLetter != 0 && t.flags&(fInitial|fCapsSent) != 0 {
			r.add(&fx.seen[seenIndex(uint64(t.flags&(fSeenLower|fSeenCapMid|fInitial|fCapsSent)))])
		}
		for _, a := range st.agg[t.aggA:t.aggB] {
			b = append(b, lookup{feat(ftAgg, a), tag})
		}
		if t.runPos != 0 {
			b = append(b, lookup{feat(ftRunPos, uint64(t.runPos)), tag})
		}
	}
	st.batch = b
	st.sink ^= m.touch(b)
	missed := st.missed[:nMiss*nRoles]
	for _, q := range b {
		sl := m.find(q.f)
		if sl == nil {
			continue
		}
		if q.dst < 0 {
			st.static[-q.dst-1].addW(&sl.w)
		} else {
			missed[q.dst].addW(&sl.w)
		}
	}
	// The missed tokens' sums go to their neighbours and into the cache.
	for j := range s {
		if st.missIdx[j] < 0 {
			continue
		}
		v := (*roles)(st.missed[int(st.missIdx[j])*nRoles:])
		st.spread(j, v)
		k := s[j].rkey
		c.keys[k&(roleCacheSize-1)] = k
		c.vals[k&(roleCacheSize-1)] = *v
	}
}

// spread adds the role sums v of token j to the static scores of j and
// its neighbours.
func (st *state) spread(j int, v *roles) {
	n := len(st.static)
	st.static[j].add(&v[roleSelf])
	if j+1 < n {
		st.static[j+1].add(&v[roleM1])
	}
	if j+2 < n {
		st.static[j+2].add(&v[roleM2])
	}
	if j >= 1 {
		st.static[j-1].add(&v[roleP1])
	}
	if j >= 2 {
		st.static[j-2].add(&v[roleP2])
	}
}

// fastScorer scores tokens from st.static plus the label- and
// history-dependent features.
type fastScorer struct {
	m  *weights
	fx *fixedRows
}

// scoreToken sets out to the scores of token i of s (whose static sums
// are st.static[i]) after labels prev2, prev and with history values h,
// hp1, hm1.
func (fs *fastScorer) scoreToken(st *state, s []tok, i, prev, prev2 int, h, hp1, hm1 uint8, out *scores) {
	t := &s[i]
	acc := st.static[i]
	acc.add(&fs.fx.prev[prev2][prev])
	fs.m.addFeat(&acc, feat(ftPrevLW, mix(t.lw, uint64(prev))))
	fs.m.addFeat(&acc, feat(ftPrevShape, mix(t.shape, uint64(prev))))
	if t.gaz != 0 {
		fs.m.addFeat(&acc, feat(ftPrevGaz, uint64(t.gaz)<<8|uint64(prev)))
	}
	if t.flags&fHasLetter != 0 {
		acc.add(&fs.fx.hist[h][hp1][hm1])
	}
	out[0] = 0
	*(*row)(out[1:]) = acc
}

// scores are the scores of the labels of one token; O weighs zero. They
// are the int32 sums weights.score converts to float32, which is exact
// for them (they stay far below 2^24), so decisions are the same.
type scores [nLabels]int32

// lookahead, when set, lets the decoder reconsider an entity left open by
// the previous token when the greedy choice would end it with O: it
// compares the two well-formed readings (close the entity at the previous
// token, or continue it) by their summed scores.
var lookahead = true

// tagSentenceFast labels the tokens s (a window of st.toks) greedily left
// to right, as tagSentence does at run time, writing labels to out.
// With again, it labels the window a second time: the static scores are
// already in st.static and the labels are not recorded in the history.
func (st *state) tagSentenceFast(fs *fastScorer, s []tok, out []int, again bool) {
	rec := func(i, l int) { st.record(&s[i], l) }
	if again {
		rec = func(int, int) {}
	} else {
		st.staticScores(fs.m, fs.fx, s)
	}
	decode(out, func(i, prev, prev2 int, sc *scores) {
		var hp1, hm1 uint8 = histNone, histNone
		if i+1 < len(s) {
			hp1 = st.histOf(&s[i+1])
		}
		if i > 0 {
			hm1 = st.histOf(&s[i-1])
		}
		fs.scoreToken(st, s, i, prev, prev2, st.histOf(&s[i]), hp1, hm1, sc)
	}, rec)
}

// decodeWith labels n tokens scored by score, for tests.
func decodeWith(n int, score func(i, prev, prev2 int, sc *scores)) []int {
	out := make([]int, n)
	decode(out, score, func(int, int) {})
	return out
}

// decode labels len(out) tokens greedily left to right under the
// transition constraints (allowed). score gives the scores of token i
// after labels prev2, prev; done is told each label chosen, in order.
//
// With lookahead, when the best label after an open entity is O (which
// would leave the previous token's B or I as a lone name token), it weighs
// the two well-formed readings by their summed scores: continue the
// entity here (I or L), or close it at the previous token (B becomes U, I
// becomes L) and label this token after that. Relabelling the previous
// token keeps its type, so what done was told still holds.
func decode(out []int, score func(i, prev, prev2 int, sc *scores), done func(i, l int)) {
	prev, prev2 := 0, 0
	var sc, prevSc scores
	for i := range out {
		last := i == len(out)-1
		score(i, prev, prev2, &sc)
		best, _ := bestAllowed(&sc, prev, last)
		if lookahead && best == 0 && open(prev) {
			t := labelType(prev)
			closed := label(t, posU)
			if labelPos(prev) == posI {
				closed = label(t, posL)
			}
			cont, cs := label(t, posL), sc[label(t, posL)]
			if !last && sc[label(t, posI)] > cs {
				cont, cs = label(t, posI), sc[label(t, posI)]
			}
			var alt scores
			score(i, closed, prev2, &alt)
			ab, as := bestAllowed(&alt, closed, last)
			if prevSc[prev]+cs >= prevSc[closed]+as {
				best = cont
			} else {
				out[i-1], prev = closed, closed
				best, sc = ab, alt
			}
		}
		out[i] = best
		done(i, best)
		prev2, prev = prev, best
		prevSc = sc
	}
}

// bestAllowed returns the best-scoring label that may follow prev, and its
// score.
func bestAllowed(sc *scores, prev int, last bool) (int, int32) {
	ok := allowedMask[prev][b2i(last)]
	best := bits.TrailingZeros32(ok)
	bs := sc[best]
	for ok &= ok - 1; ok != 0; ok &= ok - 1 {
		if l := bits.TrailingZeros32(ok); sc[l] > bs {
			best, bs = l, sc[l]
		}
	}
	return best, bs
}

// allowedMask[prev][last] has bit l set when allowed(prev, l, last).
var allowedMask = func() (m [nLabels][2]uint32) {
	for p := 0; p < nLabels; p++ {
		for l := 0; l < nLabels; l++ {
			for last := 0; last < 2; last++ {
				if allowed(p, l, last == 1) {
					m[p][last] |= 1 << l
				}
			}
		}
	}
	return m
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tagDocumentFast labels every sentence of a prepared document at run time.
func (st *state) tagDocumentFast(fs *fastScorer, sents [][]string, out []int) {
	if cap(st.docStatic) < len(st.toks) {
		st.docStatic = make([]row, len(st.toks))
	}
	st.docStatic = st.docStatic[:len(st.toks)]
	k := 0
	for _, s := range sents {
		for a := 0; a < len(s); a += maxSentenceTokens {
			b := min(a+maxSentenceTokens, len(s))
			st.static = st.docStatic[k+a : k+b : k+b]
			st.tagSentenceFast(fs, st.toks[k+a:k+b], out[k+a:k+b], false)
		}
		k += len(s)
	}
	if !secondPass {
		return
	}
	// Second pass over the sentences where a capitalised word got a type
	// other than the one it got most often in the whole document, with
	// the history now that of the whole document (not recorded again).
	k = 0
	for _, s := range sents {
		for a := 0; a < len(s); a += maxSentenceTokens {
			b := min(a+maxSentenceTokens, len(s))
			win, lab := st.toks[k+a:k+b], out[k+a:k+b]
			if st.inconsistent(win, lab) {
				st.static = st.docStatic[k+a : k+b : k+b]
				st.tagSentenceFast(fs, win, lab, true)
			}
		}
		k += len(s)
	}
}

// inconsistent reports whether a capitalised token of win has a label
// whose type (or O) is not the one its word got most often in the
// document.
func (st *state) inconsistent(win []tok, lab []int) bool {
	for i := range win {
		h := st.histOf(&win[i])
		if h == histNone {
			continue
		}
		got := uint8(nTypes)
		if lab[i] != 0 {
			got = uint8(labelType(lab[i]))
		}
		if h != got {
			return true
		}
	}
	return false
}

// secondPass enables the second look at inconsistent sentences.
var secondPass = true
