package sqlite

import (
	"encoding/binary"
	"errors"
	"fmt"

	"sitrep/doc"
)

// The sentences and tokens of a document are stored as one blob, since
// nobody queries them by SQL. Layout (all integers varints, zig-zag signed
// unless said otherwise):
//
//	byte     format version (1)
//	uvarint  number of strings, then each as uvarint length + bytes
//	uvarint  number of sentences, then each as
//	         start-prevEnd, end-start, firstToken, endToken-firstToken
//	uvarint  number of tokens, then each as
//	         start-prevEnd, end-start, head, then uvarint string indexes of
//	         lemma, UPOS, XPOS, deprel
//
// Strings are interned per document: a tag set or a repeated lemma costs
// one byte per token.
const layersVersion = 1

var errLayers = errors.New("sqlite: corrupt layers blob")

// encodeLayers appends the encoding of sentences and tokens to b.
func encodeLayers(b []byte, sentences []doc.Sentence, tokens []doc.Token) []byte {
	index := map[string]int{"": 0}
	strs := []string{""}
	intern := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(strs)
		strs = append(strs, s)
		return len(strs) - 1
	}
	// Token strings first, so the table can be written before the tokens.
	ids := make([]uint32, 0, 4*len(tokens))
	for i := range tokens {
		t := &tokens[i]
		ids = append(ids, uint32(intern(t.Lemma)), uint32(intern(t.UPOS)), uint32(intern(t.XPOS)), uint32(intern(t.Deprel)))
	}
	b = append(b, layersVersion)
	b = binary.AppendUvarint(b, uint64(len(strs)))
	for _, s := range strs {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(sentences)))
	prev := 0
	for _, s := range sentences {
		b = binary.AppendVarint(b, int64(s.Start-prev))
		b = binary.AppendVarint(b, int64(s.End-s.Start))
		b = binary.AppendVarint(b, int64(s.FirstToken))
		b = binary.AppendVarint(b, int64(s.EndToken-s.FirstToken))
		prev = s.End
	}
	b = binary.AppendUvarint(b, uint64(len(tokens)))
	prev = 0
	for i, t := range tokens {
		b = binary.AppendVarint(b, int64(t.Start-prev))
		b = binary.AppendVarint(b, int64(t.End-t.Start))
		b = binary.AppendVarint(b, int64(t.Head))
		for _, id := range ids[4*i : 4*i+4] {
			b = binary.AppendUvarint(b, uint64(id))
		}
		prev = t.End
	}
	return b
}

// decodeLayers decodes a blob written by encodeLayers. Empty lists come
// back nil. A blob that is truncated, malformed or of an unknown version
// yields an error wrapping errLayers, never a panic, and allocates no more
// than the blob's size warrants.
func decodeLayers(b []byte) (sentences []doc.Sentence, tokens []doc.Token, err error) {
	r := reader{b: b}
	if len(b) == 0 {
		return nil, nil, fmt.Errorf("%w: empty", errLayers)
	}
	if v := r.byte(); v != layersVersion {
		return nil, nil, fmt.Errorf("%w: unknown version %d", errLayers, v)
	}
	n := r.count(1)
	strs := make([]string, 0, n)
	for range n {
		l := r.count(1)
		strs = append(strs, string(r.bytes(l)))
	}
	str := func() string {
		i := r.uvarint()
		if i >= uint64(len(strs)) {
			r.fail()
			return ""
		}
		return strs[i]
	}
	if n := r.count(4); n > 0 {
		sentences = make([]doc.Sentence, 0, n)
		prev := 0
		for range n {
			var s doc.Sentence
			s.Start = prev + r.int()
			s.End = s.Start + r.int()
			s.FirstToken = r.int()
			s.EndToken = s.FirstToken + r.int()
			prev = s.End
			sentences = append(sentences, s)
		}
	}
	if n := r.count(7); n > 0 {
		tokens = make([]doc.Token, 0, n)
		prev := 0
		for range n {
			var t doc.Token
			t.Start = prev + r.int()
			t.End = t.Start + r.int()
			t.Head = r.int()
			t.Lemma, t.UPOS, t.XPOS, t.Deprel = str(), str(), str(), str()
			prev = t.End
			tokens = append(tokens, t)
		}
	}
	if r.err || len(r.b) != 0 {
		return nil, nil, fmt.Errorf("%w: %d bytes", errLayers, len(b))
	}
	return sentences, tokens, nil
}

// reader reads varints from b; after the first failure every read returns
// zero and err stays set.
type reader struct {
	b   []byte
	err bool
}

func (r *reader) fail() { r.err, r.b = true, nil }

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads a list length whose items take at least min bytes each,
// failing when the rest of the blob cannot hold that many.
func (r *reader) count(min int) int {
	v := r.uvarint()
	if v > uint64(len(r.b)/min) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if n > len(r.b) {
		r.fail()
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}
