package segment

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode"
	"unicode/utf8"
)

// The boundary model is a binary averaged perceptron over hashed features
// of a candidate gap between two tokens; a positive score means a sentence
// starts after the gap.

const (
	hashBits  = 17
	hashSize  = 1 << hashBits
	hashMask  = hashSize - 1
	maxFeats  = 40
	maxWordFx = 24 // bytes of a token used as a word feature
)

// modelMagic opens a serialised boundary model.
const modelMagic = "sitrep-segment-boundary-v1\n"

// boundaryModel holds the perceptron's weights.
type boundaryModel struct {
	w []float32 // len hashSize
}

// ErrModel is wrapped by the errors of a boundary model that cannot be read.
var ErrModel = errors.New("segment: bad boundary model")

// loadModel reads a gzip-compressed model: the magic line, then a uint32
// count and count pairs of little-endian (uint32 index, float32 weight).
func loadModel(b []byte) (*boundaryModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if !bytes.HasPrefix(raw, []byte(modelMagic)) {
		return nil, fmt.Errorf("%w: missing header", ErrModel)
	}
	raw = raw[len(modelMagic):]
	if len(raw) < 4 {
		return nil, fmt.Errorf("%w: truncated", ErrModel)
	}
	n := int(binary.LittleEndian.Uint32(raw))
	raw = raw[4:]
	if n < 0 || len(raw) != 8*n {
		return nil, fmt.Errorf("%w: %d entries in %d bytes", ErrModel, n, len(raw))
	}
	m := &boundaryModel{w: make([]float32, hashSize)}
	for i := 0; i < n; i++ {
		idx := binary.LittleEndian.Uint32(raw[8*i:])
		if idx >= hashSize {
			return nil, fmt.Errorf("%w: index %d out of range", ErrModel, idx)
		}
		m.w[idx] = math.Float32frombits(binary.LittleEndian.Uint32(raw[8*i+4:]))
	}
	return m, nil
}

// encodeModel serialises weights in the format loadModel reads, keeping
// only non-zero weights.
func encodeModel(w []float32) ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	n := 0
	for _, v := range w {
		if v != 0 {
			n++
		}
	}
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:4], uint32(n))
	raw.Write(b[:4])
	for i, v := range w {
		if v == 0 {
			continue
		}
		binary.LittleEndian.PutUint32(b[:4], uint32(i))
		binary.LittleEndian.PutUint32(b[4:], math.Float32bits(v))
		raw.Write(b[:])
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// score returns the perceptron score of the features.
func (m *boundaryModel) score(feats []uint32) float32 {
	var s float32
	for _, f := range feats {
		s += m.w[f]
	}
	return s
}

// Token shapes used as features.
const (
	shapeNone    = '^' // beyond the text
	shapeURL     = 'U'
	shapeCap     = 'C' // "Trump"
	shapeCaps    = 'A' // "NATO"
	shapeInitial = 'I' // "J" or "J."
	shapeLower   = 'l'
	shapeDigit   = 'd'
	shapeSent    = 'p' // . ! ? … runs
	shapeQuote   = 'q'
	shapeOpen    = 'b'
	shapeClose   = 'e'
	shapeComma   = ','
	shapeColon   = ':'
	shapeDash    = '-'
	shapeOther   = 'o'
	shapeLetter  = 'x' // uncased letters
)

// shape classifies a token for features.
func shape(text string, tk *tok) byte { return shapeOf(text[tk.start:tk.end], tk.flags) }

// shapeOf classifies the token w with flags.
func shapeOf(w string, flags uint8) byte {
	if flags&flagURL != 0 {
		return shapeURL
	}
	c := w[0]
	if c < 0x80 {
		switch {
		case isUpperB(c):
			upper, lower := 0, 0
			for i := 0; i < len(w); i++ {
				switch {
				case isUpperB(w[i]):
					upper++
				case isLowerB(w[i]):
					lower++
				}
			}
			if upper == 1 && lower == 0 && (len(w) == 1 || w[1] == '.') {
				return shapeInitial
			}
			if lower == 0 {
				return shapeCaps
			}
			return shapeCap
		case isLowerB(c):
			return shapeLower
		case isDigit(c):
			return shapeDigit
		}
		switch c {
		case '.', '!', '?':
			return shapeSent
		case '"', '\'', '`':
			return shapeQuote
		case '(', '[', '{', '<':
			return shapeOpen
		case ')', ']', '}', '>':
			return shapeClose
		case ',':
			return shapeComma
		case ':', ';':
			return shapeColon
		case '-':
			return shapeDash
		}
		return shapeOther
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r == '…':
		return shapeSent
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»':
		return shapeQuote
	case r == '—' || r == '–' || r == '―':
		return shapeDash
	case unicode.IsUpper(r):
		return shapeCap
	case unicode.IsLower(r):
		return shapeLower
	case unicode.IsLetter(r):
		return shapeLetter
	case unicode.IsDigit(r):
		return shapeDigit
	}
	return shapeOther
}

// FNV-1a, for hashing token text.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// wordHash hashes the lowercased token (its first maxWordFx bytes; a URL
// hashes as one word); nil hashes as a word of its own.
func wordHash(text string, tk *tok) uint64 {
	if tk == nil {
		return 1
	}
	if tk.flags&flagURL != 0 {
		return 2
	}
	w := text[tk.start:tk.end]
	if len(w) > maxWordFx {
		w = w[:maxWordFx]
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isUpperB(c) {
			c += 'a' - 'A'
		}
		h = hashByte(h, c)
	}
	return h
}

// mix combines a feature hash with one more value.
func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0x9e3779b97f4a7c15
	return h ^ h>>31
}

func finish(h uint64) uint32 { return uint32((h ^ h>>29) & hashMask) }

// features appends the hashed features of the gap before toks[k] to dst.
func features(dst []uint32, text string, toks []tok, k, sinceLast int, inQuote bool) []uint32 {
	var tk [4]*tok // k-2, k-1, k, k+1
	var sh [4]uint64
	for i := range tk {
		j := k - 2 + i
		if j >= 0 && j < len(toks) {
			tk[i] = &toks[j]
			sh[i] = uint64(tk[i].shape)
		} else {
			sh[i] = shapeNone
		}
	}
	p1, n0 := tk[1], tk[2]
	s2, s1, s0, sn1 := sh[0], sh[1], sh[2], sh[3]
	t := func(id uint64) uint64 { return mix(fnvOffset, id) }
	// Gaps between two words with no punctuation are the most common
	// candidates in news and rarely boundaries; boundaries there are
	// mostly after short fragments (greetings, signatures, headings).
	// They get a smaller feature set of their own.
	if p1 != nil && n0 != nil && wordShape(p1) && p1.flags&flagAbbr == 0 {
		w1, w0 := wordHash(text, p1), wordHash(text, n0)
		b := uint64(sinceBucket(sinceLast))
		return append(dst,
			finish(t(40)),
			finish(mix(t(41), w1)),
			finish(mix(t(42), w0)),
			finish(mix(mix(mix(mix(t(43), s2), s1), s0), sn1)),
			finish(mix(mix(t(44), w0), sn1)),
			finish(mix(t(30), b)),
			finish(mix(mix(t(31), b), w1)),
			finish(mix(mix(t(32), b), w0)),
			finish(mix(mix(mix(mix(t(33), b), s2), s1), s0)))
	}
	w2, w1, w0, wn1 := wordHash(text, tk[0]), wordHash(text, p1), wordHash(text, n0), wordHash(text, tk[3])

	dst = append(dst,
		finish(t(1)),
		finish(mix(t(2), w1)),
		finish(mix(t(3), w0)),
		finish(mix(mix(t(4), s1), s0)),
		finish(mix(t(5), w2)),
		finish(mix(t(6), s2)),
		finish(mix(t(7), wn1)),
		finish(mix(t(8), sn1)),
		finish(mix(mix(t(9), w1), s0)),
		finish(mix(mix(t(10), w1), w0)),
		finish(mix(mix(t(11), w2), w1)),
		finish(mix(mix(mix(mix(t(12), s2), s1), s0), sn1)),
		finish(mix(mix(t(13), w0), sn1)),
		finish(mix(mix(mix(t(20), w2), s1), s0)),
		finish(mix(mix(mix(t(21), s1), s0), sn1)),
	)
	var fl uint64
	if p1 != nil {
		fl = uint64(p1.flags & (flagAbbr | flagMultiAbbr))
	}
	dst = append(dst, finish(mix(mix(t(14), fl), s0)))
	var sp, nl uint64
	if n0 != nil {
		if n0.space {
			sp = 1
		}
		nl = uint64(min(n0.nl, 2))
	}
	dst = append(dst,
		finish(mix(mix(mix(t(15), sp), s1), s0)),
		finish(mix(mix(t(16), nl), s0)),
		finish(mix(mix(t(17), uint64(sinceBucket(sinceLast))), s0)),
	)
	// Length of the word before a period, and its suffix.
	if p1 != nil {
		l := p1.end - p1.start
		dst = append(dst, finish(mix(mix(mix(t(18), uint64(min(l, 8))), fl), s0)))
		if l >= 3 {
			w := text[p1.end-3 : p1.end]
			suf := uint64(w[0]|0x20) | uint64(w[1]|0x20)<<8 | uint64(w[2]|0x20)<<16
			dst = append(dst, finish(mix(mix(t(19), suf), s0)))
		}
	}
	if inQuote {
		dst = append(dst,
			finish(mix(mix(t(22), s1), s0)),
			finish(mix(t(23), w1)))
	}
	return dst
}

// wordShape reports whether tk is a word or number.
func wordShape(tk *tok) bool {
	switch tk.shape {
	case shapeCap, shapeCaps, shapeLower, shapeDigit, shapeInitial, shapeLetter:
		return true
	}
	return false
}

// quoteState updates whether a double quotation is open after tk: a
// straight quote toggles it, curly quotes open and close it, and a line
// break closes it.
func quoteState(text string, tk *tok, open bool) bool {
	if tk.nl > 0 {
		open = false
	}
	switch c := text[tk.start]; {
	case c == '"':
		return !open
	case c == 0xe2 && tk.end-tk.start == 3:
		switch text[tk.start:tk.end] {
		case "“":
			return true
		case "”":
			return false
		}
	}
	return open
}

func sinceBucket(n int) byte {
	switch {
	case n <= 3:
		return byte(n)
	case n <= 6:
		return 4
	case n <= 12:
		return 5
	case n <= 25:
		return 6
	}
	return 7
}
