package parse

import (
	"sitrep/internal/perceptron"
)

// Transitions of the arc-eager system. LEFT and RIGHT carry a label:
// class 2+2l is LEFT with label l and 3+2l is RIGHT with label l.
const (
	shift  = 0
	reduce = 1
)

func isLeft(c int) bool  { return c >= 2 && c%2 == 0 }
func isRight(c int) bool { return c >= 3 && c%2 == 1 }
func labelOf(c int) int  { return (c - 2) / 2 }

// state is an arc-eager parser configuration over words 1..n with the
// artificial root at 0.
type state struct {
	n     int
	w, p  []uint64 // word and XPOS hashes, 0..n+2 (n+1, n+2 are padding)
	u     []uint64 // UPOS hashes
	stack []int32
	b     int // buffer front; the buffer is empty when b > n
	head  []int32
	label []int32
	lc1   []int32 // leftmost child
	lc2   []int32 // second leftmost child
	rc1   []int32 // rightmost child
	rc2   []int32
	nl    []int32
	nr    []int32
	lset  []uint64
	rset  []uint64
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// reset prepares st for a sentence of n words; the caller fills w and p.
func (st *state) reset(n int) {
	st.n = n
	m := n + 3
	st.w, st.p, st.u = grow(st.w, m), grow(st.p, m), grow(st.u, m)
	st.head, st.label = grow(st.head, m), grow(st.label, m)
	st.lc1, st.lc2, st.rc1, st.rc2 = grow(st.lc1, m), grow(st.lc2, m), grow(st.rc1, m), grow(st.rc2, m)
	st.nl, st.nr = grow(st.nl, m), grow(st.nr, m)
	st.lset, st.rset = grow(st.lset, m), grow(st.rset, m)
	for i := 0; i < m; i++ {
		st.head[i], st.label[i] = -1, -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	st.w[0], st.p[0], st.u[0] = 0x1001, 0x1001, 0x1001
	st.w[n+1], st.p[n+1], st.u[n+1] = 0x1002, 0x1002, 0x1002
	st.w[n+2], st.p[n+2], st.u[n+2] = 0x1003, 0x1003, 0x1003
}

func (st *state) done() bool { return st.b > st.n }

func (st *state) top() int { return int(st.stack[len(st.stack)-1]) }

// valid reports whether transition class c may be applied; root is the
// label id of "root".
func (st *state) valid(c, root int) bool {
	s := st.top()
	switch {
	case c == shift:
		return st.b <= st.n
	case c == reduce:
		return s != 0 && st.head[s] >= 0
	case isLeft(c):
		return st.b <= st.n && s != 0 && st.head[s] < 0 && labelOf(c) != root
	default:
		if st.b > st.n {
			return false
		}
		if s == 0 {
			return labelOf(c) == root
		}
		return labelOf(c) != root
	}
}

func (st *state) addArc(h, d, l int) {
	st.head[d], st.label[d] = int32(h), int32(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		st.nl[h]++
		st.lset[h] |= bit
		switch {
		case st.lc1[h] < 0 || int32(d) < st.lc1[h]:
			st.lc2[h], st.lc1[h] = st.lc1[h], int32(d)
		case st.lc2[h] < 0 || int32(d) < st.lc2[h]:
			st.lc2[h] = int32(d)
		}
	} else {
		st.nr[h]++
		st.rset[h] |= bit
		switch {
		case int32(d) > st.rc1[h]:
			st.rc2[h], st.rc1[h] = st.rc1[h], int32(d)
		case int32(d) > st.rc2[h]:
			st.rc2[h] = int32(d)
		}
	}
}

// apply performs transition c, which must be valid.
func (st *state) apply(c int) {
	s := st.top()
	switch {
	case c == shift:
		st.stack = append(st.stack, int32(st.b))
		st.b++
	case c == reduce:
		st.stack = st.stack[:len(st.stack)-1]
	case isLeft(c):
		st.addArc(st.b, s, labelOf(c))
		st.stack = st.stack[:len(st.stack)-1]
	default:
		st.addArc(s, st.b, labelOf(c))
		st.stack = append(st.stack, int32(st.b))
		st.b++
	}
}

// Feature template ids (Zhang and Nivre 2011).
const (
	xS0wp = iota + 1
	xS0w
	xS0p
	xN0wp
	xN0w
	xN0p
	xN1wp
	xN1w
	xN1p
	xN2wp
	xN2w
	xN2p
	xS0wpN0wp
	xS0wpN0w
	xS0wN0wp
	xS0wpN0p
	xS0pN0wp
	xS0wN0w
	xS0pN0p
	xN0pN1p
	xN0pN1pN2p
	xS0pN0pN1p
	xS0hpS0pN0p
	xS0pS0lpN0p
	xS0pS0rpN0p
	xS0pN0pN0lp
	xS0wd
	xS0pd
	xN0wd
	xN0pd
	xS0wN0wd
	xS0pN0pd
	xS0wvr
	xS0pvr
	xS0wvl
	xS0pvl
	xN0wvl
	xN0pvl
	xS0hw
	xS0hp
	xS0l
	xS0lw
	xS0lp
	xS0ll
	xS0rw
	xS0rp
	xS0rl
	xN0lw
	xN0lp
	xN0ll
	xS0h2w
	xS0h2p
	xS0hl
	xS0l2w
	xS0l2p
	xS0l2l
	xS0r2w
	xS0r2p
	xS0r2l
	xN0l2w
	xN0l2p
	xN0l2l
	xS0pS0lpS0l2p
	xS0pS0rpS0r2p
	xS0pS0hpS0h2p
	xN0pN0lpN0l2p
	xS0wsr
	xS0psr
	xS0wsl
	xS0psl
	xN0wsl
	xN0psl
	xS1p
	xS1wS0p
	xS1pS0pN0p
	xN0wN1w
	xN0pN1wp
	xS0u
	xN0u
	xS0uN0u
	xS0uN0uN1u
	xN0uN1u
	xS1uS0uN0u
	xS0wN0u
	xS0uN0w
	xBias
)

func h1(t, a uint64) uint64    { return perceptron.Mix(perceptron.Mix(t*0x9e3779b97f4a7c15, a), t) }
func h2(t, a, b uint64) uint64 { return perceptron.Mix(h1(t, a), b) }
func h3(t, a, b, c uint64) uint64 {
	return perceptron.Mix(h2(t, a, b), c)
}

const none = 0x2001

// features appends the features of the current configuration to out.
func (st *state) features(out []uint64) []uint64 {
	n := st.n
	s0 := st.top()
	n0, n1, n2 := st.b, st.b+1, st.b+2
	if n0 > n+1 {
		n0 = n + 1
	}
	n1, n2 = min(n1, n+2), min(n2, n+2)
	W := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return st.w[i]
	}
	P := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return st.p[i]
	}
	L := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return uint64(st.label[i]) + 7
	}
	s0w, s0p := st.w[s0], st.p[s0]
	n0w, n0p := st.w[n0], st.p[n0]
	n1w, n1p := st.w[n1], st.p[n1]
	n2w, n2p := st.w[n2], st.p[n2]
	s0h := st.head[s0]
	var s0h2 int32 = -1
	if s0h >= 0 {
		s0h2 = st.head[s0h]
	}
	s0l, s0r, s0l2, s0r2 := st.lc1[s0], st.rc1[s0], st.lc2[s0], st.rc2[s0]
	n0l, n0l2 := int32(-1), int32(-1)
	if n0 <= n {
		n0l, n0l2 = st.lc1[n0], st.lc2[n0]
	}
	var s1 int32 = -1
	if len(st.stack) > 1 {
		s1 = st.stack[len(st.stack)-2]
	}
	d := uint64(0)
	if s0 > 0 && n0 <= n {
		d = uint64(min(n0-s0, 8))
	}
	vr, vl := uint64(st.nr[s0]), uint64(st.nl[s0])
	n0vl := uint64(0)
	var n0sl uint64
	if n0 <= n {
		n0vl = uint64(st.nl[n0])
		n0sl = st.lset[n0]
	}
	U := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return st.u[i]
	}
	s0u, n0u, n1u := st.u[s0], st.u[n0], st.u[n1]
	s0wp := perceptron.Mix(s0w, s0p)
	n0wp := perceptron.Mix(n0w, n0p)
	_, _, _ = n1w, n2w, n2p
	out = append(out,
		h1(xS0wp, s0wp), h1(xS0w, s0w), h1(xS0p, s0p),
		h2(xS0wpN0wp, s0wp, n0wp), h2(xS0wpN0w, s0wp, n0w), h2(xS0wN0wp, s0w, n0wp),
		h2(xS0wpN0p, s0wp, n0p), h2(xS0pN0wp, s0p, n0wp), h2(xS0wN0w, s0w, n0w),
		h2(xS0pN0p, s0p, n0p),
		h3(xS0pN0pN1p, s0p, n0p, n1p),
		h3(xS0hpS0pN0p, P(s0h), s0p, n0p), h3(xS0pS0lpN0p, s0p, P(s0l), n0p),
		h3(xS0pS0rpN0p, s0p, P(s0r), n0p), h3(xS0pN0pN0lp, s0p, n0p, P(n0l)),
		h2(xS0wd, s0w, d), h2(xS0pd, s0p, d), h2(xN0wd, n0w, d), h2(xN0pd, n0p, d),
		h3(xS0wN0wd, s0w, n0w, d), h3(xS0pN0pd, s0p, n0p, d),
		h2(xS0wvr, s0w, vr), h2(xS0pvr, s0p, vr), h2(xS0wvl, s0w, vl), h2(xS0pvl, s0p, vl),
		h2(xN0wvl, n0w, n0vl), h2(xN0pvl, n0p, n0vl),
		h1(xS0hw, W(s0h)), h1(xS0hp, P(s0h)), h1(xS0l, L(int32(s0))),
		h1(xS0lw, W(s0l)), h1(xS0lp, P(s0l)), h1(xS0ll, L(s0l)),
		h1(xS0rw, W(s0r)), h1(xS0rp, P(s0r)), h1(xS0rl, L(s0r)),
		h1(xN0lw, W(n0l)), h1(xN0lp, P(n0l)), h1(xN0ll, L(n0l)),
		h1(xS0h2w, W(s0h2)), h1(xS0h2p, P(s0h2)), h1(xS0hl, L(s0h)),
		h1(xS0l2w, W(s0l2)), h1(xS0l2p, P(s0l2)), h1(xS0l2l, L(s0l2)),
		h1(xS0r2w, W(s0r2)), h1(xS0r2p, P(s0r2)), h1(xS0r2l, L(s0r2)),
		h1(xN0l2w, W(n0l2)), h1(xN0l2p, P(n0l2)), h1(xN0l2l, L(n0l2)),
		h3(xS0pS0lpS0l2p, s0p, P(s0l), P(s0l2)), h3(xS0pS0rpS0r2p, s0p, P(s0r), P(s0r2)),
		h3(xS0pS0hpS0h2p, s0p, P(s0h), P(s0h2)), h3(xN0pN0lpN0l2p, n0p, P(n0l), P(n0l2)),
		h2(xS0wsr, s0w, st.rset[s0]), h2(xS0psr, s0p, st.rset[s0]),
		h2(xS0wsl, s0w, st.lset[s0]), h2(xS0psl, s0p, st.lset[s0]),
		h2(xN0wsl, n0w, n0sl), h2(xN0psl, n0p, n0sl),
		h1(xS1p, P(s1)), h2(xS1wS0p, W(s1), s0p), h3(xS1pS0pN0p, P(s1), s0p, n0p),
		h1(xS0u, s0u), h2(xS0uN0u, s0u, n0u), h3(xS0uN0uN1u, s0u, n0u, n1u),
		h3(xS1uS0uN0u, U(s1), s0u, n0u), h2(xS0wN0u, s0w, n0u), h2(xS0uN0w, s0u, n0w),
	)
	return out
}

// bufFeatures appends the features of the current configuration that
// depend on nothing but the buffer front (N0, N1, N2 and their words and
// tags), and the bias; features appends the others. The buffer front
// stays put through REDUCE and LEFT-ARC, so the parser can reuse their
// scores.
func (st *state) bufFeatures(out []uint64) []uint64 {
	n := st.n
	n0, n1, n2 := min(st.b, n+1), min(st.b+1, n+2), min(st.b+2, n+2)
	n0w, n0p := st.w[n0], st.p[n0]
	n1w, n1p := st.w[n1], st.p[n1]
	n2w, n2p := st.w[n2], st.p[n2]
	n0u, n1u := st.u[n0], st.u[n1]
	n0wp := perceptron.Mix(n0w, n0p)
	return append(out,
		h1(xBias, 0),
		h1(xN0wp, n0wp), h1(xN0w, n0w), h1(xN0p, n0p),
		h1(xN1wp, perceptron.Mix(n1w, n1p)), h1(xN1w, n1w), h1(xN1p, n1p),
		h1(xN2wp, perceptron.Mix(n2w, n2p)), h1(xN2w, n2w), h1(xN2p, n2p),
		h2(xN0pN1p, n0p, n1p), h3(xN0pN1pN2p, n0p, n1p, n2p),
		h2(xN0wN1w, n0w, n1w), h3(xN0pN1wp, n0p, n1w, n1p),
		h1(xN0u, n0u), h2(xN0uN1u, n0u, n1u),
	)
}
