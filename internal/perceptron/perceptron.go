// Package perceptron is the multiclass averaged perceptron behind sitrep's
// tagger and parser: features are 64-bit hashes built from bytes without
// allocating, training keeps dense rows per feature, and a trained model is
// pruned, quantised to int16 and stored sparsely (feature -> (class, weight)
// entries) in an open-addressing table for fast, allocation-free scoring.
// A model quantized further to 8-bit codes (Model.Quantized) is scored from
// a compact layout of two bytes an entry; long rows are added dense, with
// AVX2 where the processor has it.
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
	"os"
	"sort"
	"unsafe"
)

// FNV-1a constants.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Seed returns the starting hash of feature template id.
func Seed(id uint64) uint64 { return Mix(offset64, id) }

// Str hashes the bytes of s into h with FNV-1a, followed by a separator so
// that ("ab","c") and ("a","bc") differ. Only the first 64 bytes of s are
// read, so huge tokens cost bounded time.
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
// used only at training time; call Model to obtain the compact model. Each
// feature keeps a sparse row holding only the classes it was updated for.
type Trainer struct {
	NClasses int
	index    map[uint64]int32
	rows     [][]tent
	t        int32
}

type tent struct {
	c     int32
	stamp int32
	w     float32
	tot   float64
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n, index: map[uint64]int32{}}
}

// Scores sets out[c] to the current (unaveraged) score of class c for the
// features feats. out must have NClasses elements.
func (tr *Trainer) Scores(feats []uint64, out []float32) {
	clear(out)
	for _, f := range feats {
		r, ok := tr.index[f]
		if !ok {
			continue
		}
		for _, e := range tr.rows[r] {
			out[e.c] += e.w
		}
	}
}

func (tr *Trainer) bump(f uint64, c int, d float32) {
	r, ok := tr.index[f]
	if !ok {
		r = int32(len(tr.rows))
		tr.index[f] = r
		tr.rows = append(tr.rows, nil)
	}
	row := tr.rows[r]
	for i := range row {
		e := &row[i]
		if e.c == int32(c) {
			e.tot += float64(tr.t-e.stamp) * float64(e.w)
			e.stamp = tr.t
			e.w += d
			return
		}
	}
	tr.rows[r] = append(row, tent{c: int32(c), stamp: tr.t, w: d})
}

// Update moves weight from class pred to class gold on feats; it does
// nothing when they are equal.
func (tr *Trainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		tr.bump(f, gold, 1)
		tr.bump(f, pred, -1)
	}
}

// Tick advances the averaging clock by one training example.
func (tr *Trainer) Tick() { tr.t++ }

// Features returns how many distinct features the trainer has updated.
func (tr *Trainer) Features() int { return len(tr.rows) }

// Model averages the weights, drops entries whose averaged absolute value
// is below prune times the largest, quantises the rest to int16 and returns
// the compact model.
func (tr *Trainer) Model(prune float64) *Model {
	avg := func(e tent) float64 {
		return (e.tot + float64(tr.t-e.stamp)*float64(e.w)) / float64(max(tr.t, 1))
	}
	maxAbs := 0.0
	for _, row := range tr.rows {
		for _, e := range row {
			maxAbs = math.Max(maxAbs, math.Abs(avg(e)))
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
	b := newBuilder(tr.NClasses, scale)
	var ent []uint32
	for _, k := range keys {
		row := tr.rows[tr.index[k]]
		sort.Slice(row, func(i, j int) bool { return row[i].c < row[j].c })
		ent = ent[:0]
		for _, e := range row {
			a := avg(e)
			if math.Abs(a) < prune*maxAbs {
				continue
			}
			q := math.Round(a / scale)
			if q == 0 {
				continue
			}
			ent = append(ent, uint32(e.c)<<16|uint32(uint16(int16(q))))
		}
		if len(ent) > 0 && k != 0 {
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
	// slots is an open-addressing table (length a power of two). A slot
	// holds the high 24 bits of the feature's hash and its entry count in
	// word 0 (0 for an empty slot), then either up to three entries inline
	// or, for longer rows, the offset of its entries in ents; so most
	// lookups touch one cache line.
	slots []slot
	ents  []uint32
	// dense holds the long rows again, whole: denseStride int16 weights
	// per row (NClasses rounded up to a multiple of 8), so that Scores
	// adds them eight classes to an instruction where the processor
	// allows. A slot whose row is there holds 1 + the row's offset in
	// dense in word 2.
	dense       []int16
	denseStride int
	keys        []uint64    // feature keys (hashes cut to keyBits)
	spans       [][2]uint32 // spans[i] are the bounds in ents of the entries of keys[i]
	// A model of at most 256 classes whose weights take at most 255
	// distinct values (see Quantized) is scored from a compact layout
	// instead: each entry is class<<8 | code in ents16, and lut[code] is
	// the weight. A slot then holds up to maxInline16 entries inline, two
	// to a word (see buildCompact). Rows are half as long in memory, so
	// scoring touches fewer cache lines.
	ents16 []uint16
	lut    *[256]int32
}

type slot [4]uint32

type builder struct {
	n     int
	scale float64
	keys  []uint64
	offs  []uint32
	ents  []uint32
}

// Features are known by the low keyBits bits of their hash: enough to
// tell a few million features apart, and cheaper to store.
const (
	keyBits = 40
	keyMask = 1<<keyBits - 1
)

func slotTag(k uint64) uint32 { return uint32(k>>16) << 8 }

// Model files list features sorted by their key rotated so that the low
// bits (which choose the slot) lead: loading then fills the table
// nearly in order, and the sorted keys still delta-encode compactly.
const rotBits = 24

func rotKey(k uint64) uint64 {
	return (k&(1<<rotBits-1))<<(keyBits-rotBits) | k>>rotBits
}

func unrotKey(r uint64) uint64 {
	return r>>(keyBits-rotBits) | (r&(1<<(keyBits-rotBits)-1))<<rotBits
}

// Limits of the packed slot.
const (
	maxRow     = 255
	maxEntries = 1 << 24
)

func newBuilder(n int, scale float64) *builder { return &builder{n: n, scale: scale} }

// add appends feature k with its entries; a row longer than maxRow keeps
// its maxRow largest weights, and entries past maxEntries in all are
// dropped.
func (b *builder) add(k uint64, ent []uint32) {
	if len(ent) > maxRow {
		ent = append([]uint32(nil), ent...)
		sort.Slice(ent, func(i, j int) bool {
			a, c := int16(uint16(ent[i])), int16(uint16(ent[j]))
			return max(a, -a) > max(c, -c)
		})
		ent = ent[:maxRow]
		sort.Slice(ent, func(i, j int) bool { return ent[i]>>16 < ent[j]>>16 })
	}
	if len(b.ents)+len(ent) > maxEntries {
		return
	}
	b.keys = append(b.keys, k)
	b.offs = append(b.offs, uint32(len(b.ents)))
	b.ents = append(b.ents, ent...)
}

// build makes the model. Features whose keys coincide once cut to keyBits
// keep the first one's entries.
func (b *builder) build() *Model {
	m := &Model{NClasses: b.n, Scale: b.scale}
	size := 1
	for size*2 < 3*len(b.keys)+2 {
		size <<= 1
	}
	var freeSlots, freeEnts func()
	m.slots, freeSlots = hugeAlloc[slot](size)
	m.ents, freeEnts = hugeAlloc[uint32](len(b.ents))
	copy(m.ents, b.ents)
	keepHuge(m, func() { freeSlots(); freeEnts() })
	mask := uint64(size - 1)
	b.offs = append(b.offs, uint32(len(b.ents)))
	m.keys = make([]uint64, 0, len(b.keys))
	m.spans = make([][2]uint32, 0, len(b.keys))
	m.buildCompact()
next:
	for i, k := range b.keys {
		k &= keyMask
		j := k & mask
		for m.slots[j][0] != 0 {
			if m.slots[j][0]&^0xff == slotTag(k) {
				continue next
			}
			j = (j + 1) & mask
		}
		lo, hi := b.offs[i], b.offs[i+1]
		n := hi - lo
		s := &m.slots[j]
		s[0] = slotTag(k) | n
		switch {
		case m.lut != nil:
			s[3] = lo
			if n <= maxInline16 {
				for x, e := range m.ents16[lo:hi] {
					s[1+x/2] |= uint32(e) << (16 * (x % 2))
				}
			}
		case n <= 3:
			copy(s[1:], m.ents[lo:hi])
		default:
			s[1] = lo
		}
		m.keys = append(m.keys, k)
		m.spans = append(m.spans, [2]uint32{lo, hi})
	}
	m.buildDense()
	return m
}

// prefetchAhead is how many features ahead the home slots are prefetched.
const prefetchAhead = 12

// maxInline16 is how many compact entries a slot holds inline.
const maxInline16 = 4

// buildCompact gives m the table and entries of the compact layout when
// its classes and weights fit it (see Model.ents16); build then fills the
// slots accordingly. A compact slot holds up to maxInline16 entries in
// words 1 and 2, or else the dense row in word 2 (as in the wide layout),
// and always the row's offset in ents and ents16 in word 3.
func (m *Model) buildCompact() {
	if m.NClasses > 256 {
		return
	}
	code := make([]uint8, 1<<16) // 1 + the code of each weight seen (as uint16)
	var lut [256]int32
	nc := 0
	for _, e := range m.ents {
		w := uint16(e)
		if code[w] != 0 {
			continue
		}
		if nc == len(lut)-1 {
			return
		}
		lut[nc] = int32(int16(w))
		nc++
		code[w] = uint8(nc)
	}
	m.lut = &lut
	var free func()
	m.ents16, free = hugeAlloc[uint16](len(m.ents))
	keepHuge(m, free)
	for i, e := range m.ents {
		m.ents16[i] = uint16(e>>16)<<8 | uint16(code[uint16(e)]-1)
	}
}

// maxInline returns how many entries m's slots hold inline.
func (m *Model) maxInline() uint32 {
	if m.lut != nil {
		return maxInline16
	}
	return 3
}

// maxDense bounds the classes of a model whose long rows are kept dense.
const maxDense = 256

// A row of at least 1/denseDiv of the classes is kept dense: adding a
// dense row takes a handful of vector instructions, adding a sparse one
// several instructions an entry, so dense rows pay for their extra cache
// lines well before they take less room (measured on the parser: 2 → 8
// cut the instructions of scoring by 30%).
const denseDiv = 8

// buildDense copies the rows of at least stride/denseDiv entries into
// m.dense.
func (m *Model) buildDense() {
	if m.NClasses > maxDense {
		return
	}
	stride := (m.NClasses + 7) &^ 7
	var idx []int
	for j := range m.slots {
		s := &m.slots[j]
		if n := s[0] & 0xff; s[0] != 0 && n > m.maxInline() && int(n)*denseDiv >= stride {
			idx = append(idx, j)
		}
	}
	if len(idx) == 0 {
		return
	}
	m.denseStride = stride
	var free func()
	m.dense, free = hugeAlloc[int16](len(idx) * stride)
	keepHuge(m, free)
	for i, j := range idx {
		s := &m.slots[j]
		row := m.dense[i*stride : (i+1)*stride]
		for _, e := range m.rowOf(s) {
			row[e>>16] = int16(uint16(e))
		}
		s[2] = uint32(i*stride) + 1
	}
}

// Features returns how many features the model keeps.
func (m *Model) Features() int { return len(m.keys) }

// Entries returns how many (feature, class) weights the model keeps.
func (m *Model) Entries() int { return len(m.ents) }

// Row returns the entries of feature f packed as class<<16 | uint16(weight)
// (see EntryClass and EntryWeight), or nil when f is unknown. The slice
// belongs to the model and must not be changed.
func (m *Model) Row(f uint64) []uint32 {
	if len(m.slots) == 0 {
		return nil
	}
	s := m.slot(f)
	if s == nil {
		return nil
	}
	return m.rowOf(s)
}

// slot returns the slot of feature f, or nil when f is unknown; the
// model must have slots.
func (m *Model) slot(f uint64) *slot {
	f &= keyMask
	mask := uint64(len(m.slots) - 1)
	tag := slotTag(f)
	for j := f & mask; ; j = (j + 1) & mask {
		s := &m.slots[j]
		w := s[0]
		if w == 0 {
			return nil
		}
		if w&^0xff == tag {
			return s
		}
	}
}

// rowOf returns the entries of the feature in slot s.
func (m *Model) rowOf(s *slot) []uint32 {
	n := s[0] & 0xff
	if m.lut != nil {
		return m.ents[s[3] : s[3]+n]
	}
	if n <= 3 {
		return s[1 : 1+n]
	}
	return m.ents[s[1] : s[1]+n]
}

// Add adds the weights of feature f to scores, which must have NClasses
// elements. Unknown features add nothing.
func (m *Model) Add(f uint64, scores []int32) {
	for _, e := range m.Row(f) {
		scores[e>>16] += int32(int16(uint16(e)))
	}
}

// Scores sets scores[c] to the score of class c for feats.
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores)
	if len(m.slots) == 0 {
		return
	}
	if m.lut != nil {
		m.scoresCompact(feats, scores)
		return
	}
	// Lookups are cache misses on a large model. Ask for every feature's
	// home slot at once, so that the processor fetches the lines in
	// parallel instead of one miss after another; then find the rows and
	// ask for all their lines the same way; then add them up.
	mask := uint64(len(m.slots) - 1)
	var addrs [512]uintptr
	na := 0
	for _, f := range feats {
		if na == len(addrs) {
			break
		}
		addrs[na] = uintptr(unsafe.Pointer(&m.slots[f&mask]))
		na++
	}
	prefetch(addrs[:na])
	na = 0
	var rows [128][]uint32
	var drows [128]uint32
	n, nd := 0, 0
	for _, f := range feats {
		s := m.slot(f)
		if s == nil {
			continue
		}
		if d := s[2]; s[0]&0xff > 3 && d != 0 && nd < len(drows) {
			na = m.askDense(addrs[:], na, d-1)
			drows[nd] = d - 1
			nd++
			continue
		}
		r := m.rowOf(s)
		if n == len(rows) {
			for _, e := range r {
				scores[e>>16] += int32(int16(uint16(e)))
			}
			continue
		}
		if len(r) > 3 && na+len(r)/16+2 <= len(addrs) {
			for i := 0; i < len(r); i += 16 {
				addrs[na] = uintptr(unsafe.Pointer(&r[i]))
				na++
			}
			addrs[na] = uintptr(unsafe.Pointer(&r[len(r)-1]))
			na++
		}
		rows[n] = r
		n++
	}
	prefetch(addrs[:na])
	for _, r := range rows[:n] {
		for _, e := range r {
			scores[e>>16] += int32(int16(uint16(e)))
		}
	}
	m.addDense(drows[:nd], scores)
}

// askDense records in addrs, from index na, the cache lines of the dense
// row at offset d, if there is room, and returns the new count.
func (m *Model) askDense(addrs []uintptr, na int, d uint32) int {
	row := m.dense[d : d+uint32(m.denseStride)]
	if na+len(row)/32+2 > len(addrs) {
		return na
	}
	for i := 0; i < len(row); i += 32 {
		addrs[na] = uintptr(unsafe.Pointer(&row[i]))
		na++
	}
	addrs[na] = uintptr(unsafe.Pointer(&row[len(row)-1]))
	return na + 1
}

// addDense adds the dense rows at the given offsets of m.dense to scores.
func (m *Model) addDense(drows []uint32, scores []int32) {
	if len(drows) == 0 {
		return
	}
	var acc [maxDense]int32
	m.addDenseRows(acc[:m.denseStride], drows)
	for c := range scores {
		scores[c] += acc[c]
	}
}

// addDenseRowsGo is addDenseRows without vector instructions.
func (m *Model) addDenseRowsGo(acc []int32, offs []uint32) {
	for _, d := range offs {
		row := m.dense[d : d+uint32(len(acc))]
		for c, w := range row {
			acc[c] += int32(w)
		}
	}
}

// scoresCompact is Scores for the compact layout: the same three rounds
// (home slots, rows, sums), with inline rows added as soon as their slot
// is found. Sums go to a local array indexed by bytes, which needs no
// bounds checks.
func (m *Model) scoresCompact(feats []uint64, scores []int32) {
	lut := m.lut
	mask := uint64(len(m.slots) - 1)
	var acc [256]int32
	var addrs [512]uintptr
	na := 0
	for _, f := range feats[:min(len(feats), prefetchAhead)] {
		prefetch1(unsafe.Pointer(&m.slots[f&mask]))
	}
	var rows [128][2]uint32
	var drows [128]uint32
	n, nd := 0, 0
	for i, f := range feats {
		if i+prefetchAhead < len(feats) {
			prefetch1(unsafe.Pointer(&m.slots[feats[i+prefetchAhead]&mask]))
		}
		s := m.slot(f)
		if s == nil {
			continue
		}
		k := s[0] & 0xff
		if k <= maxInline16 {
			for x := uint32(0); x < k; x++ {
				e := s[1+x/2&1] >> (16 * (x % 2))
				acc[uint8(e>>8)] += lut[uint8(e)]
			}
			continue
		}
		if d := s[2]; d != 0 && nd < len(drows) {
			na = m.askDense(addrs[:], na, d-1)
			drows[nd] = d - 1
			nd++
			continue
		}
		r := m.ents16[s[3] : s[3]+k]
		if n == len(rows) {
			for _, e := range r {
				acc[uint8(e>>8)] += lut[uint8(e)]
			}
			continue
		}
		if na+len(r)/32+2 <= len(addrs) {
			for i := 0; i < len(r); i += 32 {
				addrs[na] = uintptr(unsafe.Pointer(&r[i]))
				na++
			}
			addrs[na] = uintptr(unsafe.Pointer(&r[len(r)-1]))
			na++
		}
		rows[n] = [2]uint32{s[3], s[3] + k}
		n++
	}
	prefetch(addrs[:na])
	for _, r := range rows[:n] {
		for _, e := range m.ents16[r[0]:r[1]] {
			acc[uint8(e>>8)] += lut[uint8(e)]
		}
	}
	if nd > 0 {
		m.addDenseRows(acc[:m.denseStride], drows[:nd])
	}
	copy(scores, acc[:])
}

// ErrFormat is returned (wrapped) for model data that cannot be read.
var ErrFormat = errors.New("perceptron: bad model data")

// Format versions: version 1 listed features by plain key order.
const (
	magic   = "SRPERC2\n"
	magicV1 = "SRPERC1\n"
)

// Bundle is what a model file holds: named lists of strings (class labels,
// vocabularies) and perceptron models, in order.
type Bundle struct {
	Lists  [][]string
	Models []*Model
}

type writer struct {
	bw  *bufio.Writer
	tmp [binary.MaxVarintLen64]byte
}

func (w *writer) put(v uint64) { w.bw.Write(w.tmp[:binary.PutUvarint(w.tmp[:], v)]) }

// Write writes b to w uncompressed: the weights barely compress (15 MB
// become 12.6 MB for the parser) and inflating them would cost a third of
// the load time.
func (b *Bundle) Write(w io.Writer) error {
	bw := &writer{bw: bufio.NewWriter(w)}
	bw.bw.WriteString(magic)
	bw.put(uint64(len(b.Lists)))
	for _, l := range b.Lists {
		bw.put(uint64(len(l)))
		for _, s := range l {
			bw.put(uint64(len(s)))
			bw.bw.WriteString(s)
		}
	}
	bw.put(uint64(len(b.Models)))
	for _, m := range b.Models {
		m.encode(bw)
	}
	if err := bw.bw.Flush(); err != nil {
		return fmt.Errorf("perceptron: write: %w", err)
	}
	return nil
}

func (m *Model) encode(bw *writer) {
	bw.put(uint64(m.NClasses))
	bw.put(math.Float64bits(m.Scale))
	idx := make([]int, len(m.keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return rotKey(m.keys[idx[a]]) < rotKey(m.keys[idx[b]]) })
	bw.put(uint64(len(idx)))
	prev := uint64(0)
	for _, i := range idx {
		r := rotKey(m.keys[i])
		bw.put(r - prev)
		prev = r
		ents := m.ents[m.spans[i][0]:m.spans[i][1]]
		bw.put(uint64(len(ents)))
		for _, e := range ents {
			bw.put(uint64(e >> 16))
			var b [2]byte
			binary.LittleEndian.PutUint16(b[:], uint16(e))
			bw.bw.Write(b[:])
		}
	}
}

// reader decodes an uncompressed bundle held in memory.
type reader struct {
	b  []byte
	i  int
	v1 bool
}

func (r *reader) get() (uint64, error) {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		return 0, fmt.Errorf("%w: bad or truncated number at byte %d", ErrFormat, r.i)
	}
	r.i += n
	return v, nil
}

// bytes returns the next n bytes.
func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || len(r.b)-r.i < n {
		return nil, fmt.Errorf("%w: truncated at byte %d", ErrFormat, r.i)
	}
	b := r.b[r.i : r.i+n]
	r.i += n
	return b, nil
}

// ReadBundle reads a bundle written by Bundle.Write, or a gzip-compressed
// one (the format of earlier models). Corrupt or truncated
// data gives an error wrapping ErrFormat, never a panic; empty input is an
// error too.
func ReadBundle(r io.Reader) (*Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, 1<<28))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return readRaw(data)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 1<<28))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return readRaw(raw)
}

// readRaw reads an uncompressed bundle.
func readRaw(data []byte) (*Bundle, error) {
	rd := &reader{b: data}
	head, err := rd.bytes(len(magic))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	case string(head) == magicV1:
		rd.v1 = true
	case string(head) != magic:
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	}
	b := &Bundle{}
	nl, err := rd.get()
	if err != nil {
		return nil, err
	}
	if nl > 64 {
		return nil, fmt.Errorf("%w: %d lists", ErrFormat, nl)
	}
	for range nl {
		n, err := rd.get()
		if err != nil {
			return nil, err
		}
		if n > 1<<20 {
			return nil, fmt.Errorf("%w: list of %d", ErrFormat, n)
		}
		l := make([]string, 0, min(n, 1024))
		for range n {
			k, err := rd.get()
			if err != nil {
				return nil, err
			}
			if k > 1<<16 {
				return nil, fmt.Errorf("%w: string of %d bytes", ErrFormat, k)
			}
			s, err := rd.bytes(int(k))
			if err != nil {
				return nil, err
			}
			l = append(l, string(s))
		}
		b.Lists = append(b.Lists, l)
	}
	nm, err := rd.get()
	if err != nil {
		return nil, err
	}
	if nm > 64 {
		return nil, fmt.Errorf("%w: %d models", ErrFormat, nm)
	}
	for range nm {
		m, err := rd.model()
		if err != nil {
			return nil, err
		}
		b.Models = append(b.Models, m)
	}
	return b, nil
}

func (rd *reader) model() (*Model, error) {
	nc, err := rd.get()
	if err != nil {
		return nil, err
	}
	if nc == 0 || nc > 1<<15 {
		return nil, fmt.Errorf("%w: %d classes", ErrFormat, nc)
	}
	sb, err := rd.get()
	if err != nil {
		return nil, err
	}
	scale := math.Float64frombits(sb)
	if math.IsNaN(scale) || math.IsInf(scale, 0) || scale <= 0 {
		return nil, fmt.Errorf("%w: bad scale", ErrFormat)
	}
	nf, err := rd.get()
	if err != nil {
		return nil, err
	}
	if nf > 1<<26 {
		return nil, fmt.Errorf("%w: %d features", ErrFormat, nf)
	}
	b := newBuilder(int(nc), scale)
	// Every feature takes at least 5 bytes and every entry 3, which bounds
	// the space to set aside whatever the header claims.
	left := uint64(len(rd.b) - rd.i)
	b.keys = make([]uint64, 0, min(nf, left/5))
	b.offs = make([]uint32, 0, min(nf, left/5)+1)
	b.ents = make([]uint32, 0, min(4*nf, left/3))
	prev := uint64(0)
	var ent []uint32
	for i := uint64(0); i < nf; i++ {
		d, err := rd.get()
		if err != nil {
			return nil, err
		}
		r := prev + d
		if (i > 0 && d == 0) || r < prev || (!rd.v1 && r > keyMask) {
			return nil, fmt.Errorf("%w: feature order", ErrFormat)
		}
		prev = r
		key := r
		if !rd.v1 {
			key = unrotKey(r)
		}
		n, err := rd.get()
		if err != nil {
			return nil, err
		}
		if n == 0 || n > nc || n > maxRow || uint64(len(b.ents))+n > maxEntries {
			return nil, fmt.Errorf("%w: %d entries for %d classes", ErrFormat, n, nc)
		}
		ent = ent[:0]
		for k := uint64(0); k < n; k++ {
			c, err := rd.get()
			if err != nil {
				return nil, err
			}
			if c >= nc {
				return nil, fmt.Errorf("%w: class %d of %d", ErrFormat, c, nc)
			}
			wb, err := rd.bytes(2)
			if err != nil {
				return nil, err
			}
			ent = append(ent, uint32(c)<<16|uint32(binary.LittleEndian.Uint16(wb)))
		}
		b.add(key, ent)
	}
	return b.build(), nil
}

// Entry is one (class, weight) pair of a feature's row.
type Entry struct {
	Class  int
	Weight int16
}

// BuildModel returns a model for n classes whose feature keys[i] has the
// row rows[i]; a weight counts scale. Keys must be distinct and non-zero
// (zero keys are dropped); classes must be below n.
func BuildModel(n int, scale float64, keys []uint64, rows [][]Entry) *Model {
	b := newBuilder(n, scale)
	var ent []uint32
	for i, k := range keys {
		if k == 0 || len(rows[i]) == 0 {
			continue
		}
		ent = ent[:0]
		for _, e := range rows[i] {
			ent = append(ent, uint32(e.Class)<<16|uint32(uint16(e.Weight)))
		}
		b.add(k, ent)
	}
	return b.build()
}

// EntryClass returns the class of a packed entry returned by Row.
func EntryClass(e uint32) int { return int(e >> 16) }

// EntryWeight returns the weight of a packed entry returned by Row.
func EntryWeight(e uint32) int16 { return int16(uint16(e)) }

// Quantized returns a copy of m whose weights are rounded to 127
// magnitudes spaced evenly on a log scale between the smallest and the
// largest absolute weight, each with either sign: a relative error of at
// most a few percent, and few enough distinct values for the compact
// layout, which scores faster (see Model.ents16).
func (m *Model) Quantized() *Model {
	lo, hi := math.Inf(1), 0.0
	for _, e := range m.ents {
		a := math.Abs(float64(int16(uint16(e))))
		if a > 0 {
			lo, hi = min(lo, a), max(hi, a)
		}
	}
	const levels = 127
	step := 0.0
	if hi > lo {
		step = math.Log(hi/lo) / (levels - 1)
	}
	b := newBuilder(m.NClasses, m.Scale)
	var ent []uint32
	for i, k := range m.keys {
		ent = ent[:0]
		for _, e := range m.ents[m.spans[i][0]:m.spans[i][1]] {
			w := float64(int16(uint16(e)))
			if w == 0 {
				continue
			}
			a := lo
			if step > 0 {
				a = lo * math.Exp(math.Round(math.Log(math.Abs(w)/lo)/step)*step)
			}
			q := int16(max(-32768, min(32767, math.Copysign(math.Round(a), w))))
			ent = append(ent, e&^0xffff|uint32(uint16(q)))
		}
		if len(ent) > 0 {
			b.add(k, ent)
		}
	}
	return b.build()
}

// Pruned returns a copy of m without the weights whose absolute quantised
// value is below minAbs, and without features left with no weight.
func (m *Model) Pruned(minAbs int) *Model {
	b := newBuilder(m.NClasses, m.Scale)
	var ent []uint32
	for i, k := range m.keys {
		ent = ent[:0]
		for _, e := range m.ents[m.spans[i][0]:m.spans[i][1]] {
			if w := int(int16(uint16(e))); w >= minAbs || -w >= minAbs {
				ent = append(ent, e)
			}
		}
		if len(ent) > 0 {
			b.add(k, ent)
		}
	}
	return b.build()
}

// Load returns the model in the file at path, read with read, or the
// package's embedded model from embedded (which loads it once and shares
// it) when path is "". Errors name the package pkg.
func Load[T any](pkg, path string, embedded func() (T, error), read func(io.Reader) (T, error)) (T, error) {
	if path != "" {
		return readFile(pkg, path, read)
	}
	v, err := embedded()
	if err != nil {
		return v, fmt.Errorf("%s: embedded model: %w", pkg, err)
	}
	return v, nil
}

// readFile reads the model file at path with read (a package's reader of
// the models it writes). Errors name the package pkg, and the path when
// the file opens but cannot be read.
func readFile[T any](pkg, path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", pkg, err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %s: %w", pkg, path, err)
	}
	return v, nil
}
