package ner

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

func (r *row) add(o *row) {
	for l := range r {
		r[l] += o[l]
	}
}

// addFeat adds the weights of feature f, if it has any.
func (m *weights) addFeat(r *row, f uint64) {
	s := m.find(f)
	if s == nil {
		return
	}
	for l, v := range s.w {
		r[l] += int32(v)
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
	bias   row
	prev   [nLabels]row
	prev2  [nLabels][nLabels]row
	hist   [histNone + 1]row
	histP1 [histNone + 1]row
	histM1 [histNone + 1]row
	seen   [16]row
	// What the neighbour features add at the sentence's edges.
	edgeM1, edgeM2, edgeP1, edgeP2 row
}

func newFixedRows(m *weights) *fixedRows {
	fx := &fixedRows{}
	m.addFeat(&fx.bias, feat(ftBias, 0))
	for p := 0; p < nLabels; p++ {
		m.addFeat(&fx.prev[p], feat(ftPrev, uint64(p)))
		for p2 := 0; p2 < nLabels; p2++ {
			m.addFeat(&fx.prev2[p2][p], feat(ftPrev2, uint64(p2)<<8|uint64(p)))
		}
	}
	for h := 0; h <= histNone; h++ {
		m.addFeat(&fx.hist[h], feat(ftHist, uint64(h)))
		m.addFeat(&fx.histP1[h], feat(ftHistP1, uint64(h)))
		m.addFeat(&fx.histM1[h], feat(ftHistM1, uint64(h)))
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
const roleCacheSize = 1 << 14

// roleCache is a direct-mapped cache of token role sums.
type roleCache struct {
	keys []uint64
	vals []roles
}

// rolesOf returns the role sums of t, from the cache or computed.
func (st *state) rolesOf(m *weights, t *tok) *roles {
	c := &st.cache
	if c.keys == nil {
		c.keys = make([]uint64, roleCacheSize)
		c.vals = make([]roles, roleCacheSize)
	}
	k := roleKey(t)
	i := k & (roleCacheSize - 1)
	v := &c.vals[i]
	if c.keys[i] == k {
		return v
	}
	c.keys[i] = k
	*v = roles{}
	st.scratch = appendSelf(st.scratch[:0], t)
	for _, f := range st.scratch {
		m.addFeat(&v[roleSelf], f)
	}
	for r := roleM1; r < nRoles; r++ {
		st.scratch = appendRole(st.scratch[:0], t, r)
		for _, f := range st.scratch {
			m.addFeat(&v[r], f)
		}
	}
	return v
}

// staticScores sets st.static[i] to the sum of the label-independent
// features of each token of the window s.
func (st *state) staticScores(m *weights, fx *fixedRows, s []tok) {
	n := len(s)
	if cap(st.static) < n {
		st.static = make([]row, n)
	}
	st.static = st.static[:n]
	for i := range st.static {
		st.static[i] = fx.bias
	}
	for j := range s {
		v := st.rolesOf(m, &s[j])
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
	for i := range s {
		t := &s[i]
		r := &st.static[i]
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
		m.addFeat(r, feat(ftShapeM1S, mix(shm1, t.shape)))
		m.addFeat(r, feat(ftShapeSP1, mix(t.shape, shp1)))
		m.addFeat(r, feat(ftLWm1LW, mix(lwm1, t.lw)))
		m.addFeat(r, feat(ftLWLWp1, mix(t.lw, lwp1)))
		if t.flags&fInitial != 0 {
			m.addFeat(r, feat(ftInitShape, t.shape))
		}
		if t.flags&fCapsSent != 0 {
			m.addFeat(r, feat(ftCapsShape, t.shape))
			m.addFeat(r, feat(ftCapsLW, t.lw))
		}
		if t.flags&fHasLetter != 0 && t.flags&(fInitial|fCapsSent) != 0 {
			r.add(&fx.seen[seenIndex(uint64(t.flags&(fSeenLower|fSeenCapMid|fInitial|fCapsSent)))])
		}
		for _, a := range st.agg[t.aggA:t.aggB] {
			m.addFeat(r, feat(ftAgg, a))
		}
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
func (fs *fastScorer) scoreToken(st *state, s []tok, i, prev, prev2 int, h, hp1, hm1 uint8, out *[nLabels]float32) {
	t := &s[i]
	acc := st.static[i]
	acc.add(&fs.fx.prev[prev])
	acc.add(&fs.fx.prev2[prev2][prev])
	fs.m.addFeat(&acc, feat(ftPrevLW, mix(t.lw, uint64(prev))))
	fs.m.addFeat(&acc, feat(ftPrevShape, mix(t.shape, uint64(prev))))
	if t.gaz != 0 {
		fs.m.addFeat(&acc, feat(ftPrevGaz, uint64(t.gaz)<<8|uint64(prev)))
	}
	if t.flags&fHasLetter != 0 {
		acc.add(&fs.fx.hist[h])
		acc.add(&fs.fx.histP1[hp1])
		acc.add(&fs.fx.histM1[hm1])
	}
	out[0] = 0
	for l, v := range acc {
		out[l+1] = float32(v)
	}
}

// lookahead, when set, lets the decoder reconsider an entity left open by
// the previous token when the greedy choice would end it with O: it
// compares the two well-formed readings (close the entity at the previous
// token, or continue it) by their summed scores.
var lookahead = true

// tagSentenceFast labels the tokens s (a window of st.toks) greedily left
// to right, as tagSentence does at run time, writing labels to out.
func (st *state) tagSentenceFast(fs *fastScorer, s []tok, out []int) {
	st.staticScores(fs.m, fs.fx, s)
	prev, prev2 := 0, 0
	var sc, prevSc [nLabels]float32
	for i := range s {
		last := i == len(s)-1
		var hp1, hm1 uint8 = histNone, histNone
		if i+1 < len(s) {
			hp1 = st.histOf(&s[i+1])
		}
		if i > 0 {
			hm1 = st.histOf(&s[i-1])
		}
		h := st.histOf(&s[i])
		fs.scoreToken(st, s, i, prev, prev2, h, hp1, hm1, &sc)
		best, bs := bestAllowed(&sc, prev, last)
		if lookahead && best == 0 && open(prev) {
			// The greedy reading ends the open entity early, which makes
			// the previous token's B or I a lone name token. Compare
			// continuing the entity here with closing it at the previous
			// token (B becomes U, I becomes L).
			closed := label(labelType(prev), posU)
			if labelPos(prev) == posI {
				closed = label(labelType(prev), posL)
			}
			cont, cs := 0, float32(0)
			for _, l := range [2]int{label(labelType(prev), posI), label(labelType(prev), posL)} {
				if allowed(prev, l, last) && (cont == 0 || sc[l] > cs) {
					cont, cs = l, sc[l]
				}
			}
			var alt [nLabels]float32
			fs.scoreToken(st, s, i, closed, prev2, h, hp1, hm1, &alt)
			ab, as := bestAllowed(&alt, closed, last)
			if prevSc[prev]+cs >= prevSc[closed]+as {
				best, bs = cont, cs
			} else {
				out[i-1] = closed
				prev = closed
				best, bs, sc = ab, as, alt
			}
		}
		_ = bs
		out[i] = best
		st.record(&s[i], best)
		prev2, prev = prev, best
		prevSc = sc
	}
}

// bestAllowed returns the best-scoring label that may follow prev, and its
// score.
func bestAllowed(sc *[nLabels]float32, prev int, last bool) (int, float32) {
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
	return best, bs
}

// tagDocumentFast labels every sentence of a prepared document at run time.
func (st *state) tagDocumentFast(fs *fastScorer, sents [][]string, out []int) {
	k := 0
	for _, s := range sents {
		for a := 0; a < len(s); a += maxSentenceTokens {
			b := min(a+maxSentenceTokens, len(s))
			st.tagSentenceFast(fs, st.toks[k+a:k+b], out[k+a:k+b])
		}
		k += len(s)
	}
}
