// Package perceptron is the multiclass averaged perceptron behind sitrep's
// tagger and parser: features are 64-bit hashes built from bytes without
// allocating, training keeps dense rows per feature, and a trained model is
// pruned, quantised to int16 and stored sparsely (feature -> (class, weight)
// entries) in an open-addressing table for fast, allocation-free scoring.
package perceptron

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// FNV-1a constants.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Seed returns the starting hash of feature template id.
func Seed(id uint64) uint64 { return Mix(offset64, id) }

// Str hashes the bytes of s into h with FNV-1a, followed by a separator so
// that ("ab","c") and ("a","bc") differ. At most max bytes of s are read
// when max > 0, so huge tokens cost bounded time.
func Str(h uint64, s string) uint64 {
	n := len(s)
	if n > 64 {
		n = 64
	}
	for i := 0; i < n; i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	h ^= 0xff
	h *= prime64
	return h
}

// Mix hashes the integer v into h.
func Mix(h, v uint64) uint64 {
	h ^= v
	h *= prime64
	h ^= h >> 29
	return h
}

// Trainer accumulates an averaged perceptron over hashed features. It is
// used only at training time; call Model to obtain the compact model.
type Trainer struct {
	NClasses int
	index    map[uint64]int32
	w        []float32
	tot      []float64
	stamp    []int32
	t        int32
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n, index: map[uint64]int32{}}
}

// Scores sets out[c] to the current (unaveraged) score of class c for the
// features feats. out must have NClasses elements.
func (tr *Trainer) Scores(feats []uint64, out []float32) {
	clear(out)
	n := tr.NClasses
	for _, f := range feats {
		r, ok := tr.index[f]
		if !ok {
			continue
		}
		row := tr.w[int(r)*n : int(r)*n+n]
		for c, v := range row {
			out[c] += v
		}
	}
}

func (tr *Trainer) row(f uint64) int {
	r, ok := tr.index[f]
	if !ok {
		r = int32(len(tr.stamp))
		tr.index[f] = r
		tr.w = append(tr.w, make([]float32, tr.NClasses)...)
		tr.tot = append(tr.tot, make([]float64, tr.NClasses)...)
		tr.stamp = append(tr.stamp, 0)
	}
	return int(r)
}

func (tr *Trainer) bump(r, c int, d float32) {
	n := tr.NClasses
	i := r*n + c
	// Bring the row's running total up to date before changing a weight.
	if s := tr.stamp[r]; s != tr.t {
		row := tr.w[r*n : r*n+n]
		tot := tr.tot[r*n : r*n+n]
		dt := float64(tr.t - s)
		for k, v := range row {
			tot[k] += dt * float64(v)
		}
		tr.stamp[r] = tr.t
	}
	tr.w[i] += d
}

// Update moves weight from class pred to class gold on feats; it does
// nothing when they are equal.
func (tr *Trainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		r := tr.row(f)
		tr.bump(r, gold, 1)
		tr.bump(r, pred, -1)
	}
}

// Tick advances the averaging clock by one training example.
func (tr *Trainer) Tick() { tr.t++ }

// Features returns how many distinct features the trainer has seen.
func (tr *Trainer) Features() int { return len(tr.stamp) }

// Model averages the weights, drops entries whose averaged absolute value
// is below prune times the largest, quantises the rest to int16 and returns
// the compact model.
func (tr *Trainer) Model(prune float64) *Model {
	n := tr.NClasses
	avg := make([]float32, len(tr.w))
	maxAbs := 0.0
	for r := range tr.stamp {
		dt := float64(tr.t - tr.stamp[r])
		for c := 0; c < n; c++ {
			i := r*n + c
			a := (tr.tot[i] + dt*float64(tr.w[i])) / float64(max(tr.t, 1))
			avg[i] = float32(a)
			maxAbs = math.Max(maxAbs, math.Abs(a))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	keys := make([]uint64, 0, len(tr.index))
	for k := range tr.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	b := newBuilder(n, scale)
	for _, k := range keys {
		r := int(tr.index[k])
		var ent []uint32
		for c := 0; c < n; c++ {
			a := float64(avg[r*n+c])
			if math.Abs(a) < prune*maxAbs {
				continue
			}
			q := math.Round(a / scale)
			if q == 0 {
				continue
			}
			ent = append(ent, uint32(c)<<16|uint32(uint16(int16(q))))
		}
		if len(ent) > 0 {
			b.add(k, ent)
		}
	}
	return b.build()
}

// Model is a trained, quantised perceptron. Its zero value scores every
// class 0.
type Model struct {
	NClasses int
	Scale    float64 // weight of one quantum
	slots    []slot  // open-addressing table, len a power of two
	ents     []uint32
	nfeat    int
}

type slot struct {
	key uint64
	off uint32
	n   uint32
}

type builder struct {
	n     int
	scale float64
	keys  []uint64
	offs  []uint32
	ents  []uint32
}

func newBuilder(n int, scale float64) *builder { return &builder{n: n, scale: scale} }

func (b *builder) add(k uint64, ent []uint32) {
	b.keys = append(b.keys, k)
	b.offs = append(b.offs, uint32(len(b.ents)))
	b.ents = append(b.ents, ent...)
}

func (b *builder) build() *Model {
	m := &Model{NClasses: b.n, Scale: b.scale, ents: b.ents, nfeat: len(b.keys)}
	size := 1
	for size < 2*len(b.keys)+2 {
		size <<= 1
	}
	m.slots = make([]slot, size)
	mask := uint64(size - 1)
	b.offs = append(b.offs, uint32(len(b.ents)))
	for i, k := range b.keys {
		if k == 0 {
			k = 1
		}
		j := k & mask
		for m.slots[j].key != 0 {
			j = (j + 1) & mask
		}
		m.slots[j] = slot{key: k, off: b.offs[i], n: b.offs[i+1] - b.offs[i]}
	}
	return m
}

// Features returns how many features the model keeps.
func (m *Model) Features() int { return m.nfeat }

// Entries returns how many (feature, class) weights the model keeps.
func (m *Model) Entries() int { return len(m.ents) }

// Add adds the weights of feature f to scores, which must have NClasses
// elements. Unknown features add nothing.
func (m *Model) Add(f uint64, scores []int32) {
	if len(m.slots) == 0 {
		return
	}
	if f == 0 {
		f = 1
	}
	mask := uint64(len(m.slots) - 1)
	j := f & mask
	for {
		s := &m.slots[j]
		if s.key == f {
			for _, e := range m.ents[s.off : s.off+s.n] {
				scores[e>>16] += int32(int16(uint16(e)))
			}
			return
		}
		if s.key == 0 {
			return
		}
		j = (j + 1) & mask
	}
}

// Scores sets scores[c] to the score of class c for feats.
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores)
	for _, f := range feats {
		m.Add(f, scores)
	}
}

// ErrFormat is returned (wrapped) for a model file that cannot be read.
var ErrFormat = errors.New("perceptron: bad model data")

const magic = "SRPERC1\n"

// WriteTo writes m in its compact binary form (gzip-compressed).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	var tmp [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	put(uint64(m.NClasses))
	put(math.Float64bits(m.Scale))
	// Features in key order, keys delta-encoded.
	idx := make([]int, 0, m.nfeat)
	for i, s := range m.slots {
		if s.key != 0 {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(a, b int) bool { return m.slots[idx[a]].key < m.slots[idx[b]].key })
	put(uint64(len(idx)))
	prev := uint64(0)
	for _, i := range idx {
		s := m.slots[i]
		put(s.key - prev)
		prev = s.key
		put(uint64(s.n))
		for _, e := range m.ents[s.off : s.off+s.n] {
			put(uint64(e >> 16))
			var b [2]byte
			binary.LittleEndian.PutUint16(b[:], uint16(e))
			bw.Write(b[:])
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("perceptron: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("perceptron: write: %w", err)
	}
	return buf.WriteTo(w)
}

// Read reads a model written by WriteTo. Corrupt or truncated data gives
// an error wrapping ErrFormat, never a panic.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	}
	get := func() (uint64, error) {
		v, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("%w: %w", ErrFormat, err)
		}
		return v, nil
	}
	nc, err := get()
	if err != nil {
		return nil, err
	}
	if nc == 0 || nc > 1<<15 {
		return nil, fmt.Errorf("%w: %d classes", ErrFormat, nc)
	}
	sb, err := get()
	if err != nil {
		return nil, err
	}
	scale := math.Float64frombits(sb)
	if math.IsNaN(scale) || math.IsInf(scale, 0) || scale <= 0 {
		return nil, fmt.Errorf("%w: bad scale", ErrFormat)
	}
	nf, err := get()
	if err != nil {
		return nil, err
	}
	if nf > 1<<26 {
		return nil, fmt.Errorf("%w: %d features", ErrFormat, nf)
	}
	b := newBuilder(int(nc), scale)
	b.keys = make([]uint64, 0, min(nf, 1<<20))
	prev := uint64(0)
	var ent []uint32
	for i := uint64(0); i < nf; i++ {
		d, err := get()
		if err != nil {
			return nil, err
		}
		if i > 0 && d == 0 {
			return nil, fmt.Errorf("%w: duplicate feature", ErrFormat)
		}
		key := prev + d
		if key < prev {
			return nil, fmt.Errorf("%w: feature order", ErrFormat)
		}
		prev = key
		n, err := get()
		if err != nil {
			return nil, err
		}
		if n > nc {
			return nil, fmt.Errorf("%w: %d entries for %d classes", ErrFormat, n, nc)
		}
		ent = ent[:0]
		for k := uint64(0); k < n; k++ {
			c, err := get()
			if err != nil {
				return nil, err
			}
			if c >= nc {
				return nil, fmt.Errorf("%w: class %d of %d", ErrFormat, c, nc)
			}
			var wb [2]byte
			if _, err := io.ReadFull(br, wb[:]); err != nil {
				return nil, fmt.Errorf("%w: %w", ErrFormat, err)
			}
			ent = append(ent, uint32(c)<<16|uint32(binary.LittleEndian.Uint16(wb[:])))
		}
		b.add(key, ent)
	}
	if key0 := b.keys; len(key0) > 0 && key0[0] == 0 && len(key0) > 1 && key0[1] == 1 {
		return nil, fmt.Errorf("%w: reserved keys", ErrFormat)
	}
	return b.build(), nil
}
