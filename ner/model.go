package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
)

// modelMagic opens every model file.
const modelMagic = "sitrep-ner-1\n"

// maxModelFeatures bounds what a model file may declare, so a corrupt file
// cannot make the loader allocate without limit.
const maxModelFeatures = 1 << 21

// ErrBadModel is returned (wrapped) when a model file cannot be read.
var ErrBadModel = errors.New("ner: bad model file")

// weights is a trained model in an open-addressing table whose slots hold
// the feature hash and its weights inline, so a lookup usually touches one
// cache line. Each row is shifted so that the weight of label O is zero
// (adding the same amount to every label's score changes no decision) and
// only the other 16 labels are kept, as int16 in units of the model's
// scale.
type weights struct {
	slots []slot // key 0 marks an empty slot
	mask  uint64
	n     int
	scale float64
}

type slot struct {
	key uint64
	w   [nLabels - 1]int16
}

// newWeights makes an empty table sized for n features.
func newWeights(n int, scale float64) *weights {
	size := 1
	for size < n+n/2+2 {
		size <<= 1
	}
	return &weights{slots: make([]slot, size), mask: uint64(size - 1), scale: scale}
}

// find returns the slot of feature f, or nil when f has none.
func (m *weights) find(f uint64) *slot {
	if f == 0 {
		f = 1
	}
	for i := f & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.key == f {
			return s
		}
		if s.key == 0 {
			return nil
		}
	}
}

// row returns the weights of feature f over all labels, or nil when f has
// none.
func (m *weights) row(f uint64) []float32 {
	s := m.find(f)
	if s == nil {
		return nil
	}
	out := make([]float32, nLabels)
	for l, v := range s.w {
		out[l+1] = float32(float64(v) * m.scale)
	}
	return out
}

// insert adds feature f with row values v (all labels, in model units);
// f must not be present.
func (m *weights) insert(f uint64, v []float32) {
	if f == 0 {
		f = 1
	}
	i := f & m.mask
	for m.slots[i].key != 0 {
		i = (i + 1) & m.mask
	}
	s := &m.slots[i]
	s.key = f
	for l := 1; l < nLabels; l++ {
		q := math.Round(float64(v[l]-v[0]) / m.scale)
		s.w[l-1] = int16(max(math.MinInt16, min(math.MaxInt16, q)))
	}
	m.n++
}

// score sets out to the label scores of feats, up to a positive factor
// and a constant shared by all labels.
func (m *weights) score(feats []uint64, out *[nLabels]float32) {
	var acc [nLabels - 1]int32
	for _, f := range feats {
		s := m.find(f)
		if s == nil {
			continue
		}
		for l, v := range s.w {
			acc[l] += int32(v)
		}
	}
	out[0] = 0
	for l, v := range acc {
		out[l+1] = float32(v)
	}
}

// writeModel stores features and their rows, quantised to 16-bit integers,
// gzip-compressed: magic, label count, scale, feature count, then per
// feature (in increasing key order) the key delta, a bit mask of non-zero
// labels and their zig-zag varint values.
func writeModel(w io.Writer, feats map[uint64][]float32) error {
	var maxAbs float64
	for _, r := range feats {
		for _, v := range r {
			maxAbs = max(maxAbs, math.Abs(float64(v-r[0])))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, 0, len(feats))
	q := map[uint64][nLabels]int16{}
	for k, r := range feats {
		var row [nLabels]int16
		nz := false
		for l, v := range r {
			row[l] = int16(math.Round(float64(v-r[0]) / scale))
			nz = nz || row[l] != 0
		}
		if nz {
			keys = append(keys, k)
			q[k] = row
		}
	}
	slices.Sort(keys)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	bw.WriteString(modelMagic)
	put(nLabels)
	put(math.Float64bits(scale))
	put(uint64(len(keys)))
	var last uint64
	for _, k := range keys {
		put(k - last)
		last = k
		row := q[k]
		var mask uint64
		for l, v := range row {
			if v != 0 {
				mask |= 1 << l
			}
		}
		put(mask)
		for _, v := range row {
			if v != 0 {
				put(uint64((int64(v) << 1) ^ (int64(v) >> 63)))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// maxModelBytes bounds the decompressed size of a model file.
const maxModelBytes = 1 << 28

// readModel reads a model written by writeModel. It returns an error
// wrapping ErrBadModel for anything malformed; it never panics.
func readModel(r io.Reader) (*weights, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	defer zr.Close()
	data, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if len(data) > maxModelBytes {
		return nil, fmt.Errorf("%w: too large", ErrBadModel)
	}
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, fmt.Errorf("%w: no magic", ErrBadModel)
	}
	data = data[len(modelMagic):]
	get := func() (uint64, error) {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			return 0, fmt.Errorf("%w: truncated or bad varint", ErrBadModel)
		}
		data = data[n:]
		return v, nil
	}
	nl, err := get()
	if err != nil {
		return nil, err
	}
	if nl != nLabels {
		return nil, fmt.Errorf("%w: %d labels, want %d", ErrBadModel, nl, nLabels)
	}
	sb, err := get()
	if err != nil {
		return nil, err
	}
	scale := math.Float64frombits(sb)
	if math.IsNaN(scale) || math.IsInf(scale, 0) || scale <= 0 {
		return nil, fmt.Errorf("%w: bad scale", ErrBadModel)
	}
	n, err := get()
	if err != nil {
		return nil, err
	}
	// Each feature takes at least three bytes, which bounds a lying count.
	if n > maxModelFeatures || n > uint64(len(data)/3) {
		return nil, fmt.Errorf("%w: %d features in %d bytes", ErrBadModel, n, len(data))
	}
	m := newWeights(int(n), scale)
	var key uint64
	var row [nLabels]float32
	for i := uint64(0); i < n; i++ {
		d, err := get()
		if err != nil {
			return nil, err
		}
		// Keys strictly increase, so none repeats.
		if (d == 0 && i > 0) || key+d < key {
			return nil, fmt.Errorf("%w: features out of order", ErrBadModel)
		}
		key += d
		mask, err := get()
		if err != nil {
			return nil, err
		}
		if mask>>nLabels != 0 || bits.OnesCount64(mask) == 0 {
			return nil, fmt.Errorf("%w: bad label mask", ErrBadModel)
		}
		row = [nLabels]float32{}
		for l := 0; l < nLabels; l++ {
			if mask&(1<<l) == 0 {
				continue
			}
			z, err := get()
			if err != nil {
				return nil, err
			}
			v := int64(z>>1) ^ -int64(z&1)
			if v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("%w: weight out of range", ErrBadModel)
			}
			row[l] = float32(v)
		}
		if row[0] == 0 {
			m.insertInt(key, &row)
		} else {
			m.insertQ(key, &row)
		}
	}
	return m, nil
}

// insertInt adds feature f whose row, in model units, has O at zero.
func (m *weights) insertInt(f uint64, q *[nLabels]float32) {
	if f == 0 {
		f = 1
	}
	i := f & m.mask
	for m.slots[i].key != 0 {
		i = (i + 1) & m.mask
	}
	s := &m.slots[i]
	s.key = f
	for l := 1; l < nLabels; l++ {
		s.w[l-1] = int16(q[l])
	}
	m.n++
}

// insertQ adds feature f with row values already in model units.
func (m *weights) insertQ(f uint64, q *[nLabels]float32) {
	var v [nLabels]float32
	for l := range q {
		v[l] = q[l] * float32(m.scale)
	}
	m.insert(f, v[:])
}
