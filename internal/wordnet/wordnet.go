// Package wordnet answers two questions about an English word form from
// WordNet 3.0: which parts of speech (noun, verb, adjective, adverb) it can
// take, and what its base form is for one of them. It applies WordNet's
// morphy: the exception lists first (ran → run, geese → goose), then the
// detachment rules of each part of speech (-s, -es, -ed, -ing, -er, -est,
// ...), keeping a candidate only when WordNet lists it.
//
// The lexicon is a file written by `go run ./internal/wordnet/build` and
// embedded in the binary (see README.md for provenance and licence). Words are
// stored only as 64-bit hashes, except the base forms of the exception lists.
// Lookups fold ASCII case and allocate nothing, except Lemma when the base
// form is not a substring of its input.
package wordnet

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Mask is a set of WordNet parts of speech with what WordNet says about a
// word form in each. Bits 0–3 say which parts of speech the form can take;
// bits 4–7 which of those it takes as a base form (lemma) itself; bits 8–11
// which of them has the most sense-tagged occurrences in WordNet's SemCor
// counts, over all the form's analyses (none when none is tagged).
type Mask uint16

// The bits of a Mask.
const (
	Noun Mask = 1 << iota
	Verb
	Adj
	Adv
	NounBase
	VerbBase
	AdjBase
	AdvBase
	NounMost
	VerbMost
	AdjMost
	AdvMost
)

// Parts returns the parts of speech in m (bits 0–3).
func (m Mask) Parts() Mask { return m & 0xF }

// Bases returns the parts of speech in which the form is a base form,
// shifted down to bits 0–3.
func (m Mask) Bases() Mask { return m >> 4 & 0xF }

// Most returns the parts of speech with the most sense-tagged uses, shifted
// down to bits 0–3.
func (m Mask) Most() Mask { return m >> 8 & 0xF }

var partNames = [4]string{"noun", "verb", "adj", "adv"}

// String lists the set bits, as in "noun+base|verb+most"; "none" for 0.
func (m Mask) String() string {
	if m == 0 {
		return "none"
	}
	var b strings.Builder
	for p := 0; p < 4; p++ {
		if m&(1<<p) == 0 && m&(NounBase<<p) == 0 && m&(NounMost<<p) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(partNames[p])
		if m&(1<<p) == 0 {
			b.WriteString("?")
		}
		if m&(NounBase<<p) != 0 {
			b.WriteString("+base")
		}
		if m&(NounMost<<p) != 0 {
			b.WriteString("+most")
		}
	}
	return b.String()
}

// ForUPOS returns the WordNet part of speech of a Universal POS tag: NOUN
// → Noun, VERB and AUX → Verb, ADJ → Adj, ADV → Adv; 0 for any other tag.
func ForUPOS(upos string) Mask {
	switch upos {
	case "NOUN":
		return Noun
	case "VERB", "AUX":
		return Verb
	case "ADJ":
		return Adj
	case "ADV":
		return Adv
	}
	return 0
}

// A rule detaches suffix from a form and appends repl.
type rule struct{ suffix, repl string }

// rules are morphy's detachment rules per part of speech (WordNet 3.0
// morph.c), in the order morphy tries them. Adverbs have none.
var rules = [4][]rule{
	{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	nil,
}

const (
	magic     = "WNLEX1\n\x00"
	valueBits = 16
	valueMask = 1<<valueBits - 1
)

// Lexicon is a parsed lexicon file. It is safe for concurrent use.
type Lexicon struct {
	bases      table    // hash(lemma) → POS bits 0–3, tagged-sense buckets 3 bits per POS from bit 4
	excKeys    []uint64 // hash(form) &^ 3 | POS index, sorted
	excVals    []uint32 // offset<<8 | undefined<<7 | length into pool
	excStart   []uint32 // bucket index over excKeys
	pool       string
	nExcShifts uint
}

// table is an open-addressing hash table (linear probing) of hashed keys
// with their values in the low 16 bits; 0 marks an empty slot (a value is
// never 0).
type table struct {
	slots []uint64
	mask  uint64
	shift uint // slot of key k: k*fib >> shift (Fibonacci hashing mixes FNV's weak bits)
}

const fib = 0x9E3779B97F4A7C15

func newTable(entries []uint64) table {
	bits := bitsFor(len(entries) + len(entries)/2)
	n := 1 << bits
	t := table{slots: make([]uint64, n), mask: uint64(n - 1), shift: 64 - bits}
	for _, e := range entries {
		i := (e &^ valueMask) * fib >> t.shift
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = e
	}
	return t
}

func (t *table) find(h uint64) (uint16, bool) {
	k := h &^ valueMask
	for i := k * fib >> t.shift; ; i = (i + 1) & t.mask {
		e := t.slots[i]
		if e&^valueMask == k {
			return uint16(e), true
		}
		if e == 0 {
			return 0, false
		}
	}
}

// bucketIndex returns, for sorted keys and 2^bits buckets of their top bits,
// the index of the first key of each bucket, with a final len(keys).
func bucketIndex(keys []uint64, bits uint) []uint32 {
	n := 1 << bits
	start := make([]uint32, n+1)
	shift := 64 - bits
	j := 0
	for b := 0; b <= n; b++ {
		for j < len(keys) && int(keys[j]>>shift) < b {
			j++
		}
		start[b] = uint32(j)
	}
	return start
}

func bitsFor(n int) uint {
	bits := uint(4)
	for bits < 30 && 1<<bits < n {
		bits++
	}
	return bits
}

// ErrFormat is wrapped by the errors Parse returns for a malformed file.
var ErrFormat = errors.New("wordnet: malformed lexicon")

// Parse reads a lexicon file written by Encode. It returns an error
// wrapping ErrFormat when data is empty, truncated or inconsistent.
func Parse(data []byte) (*Lexicon, error) {
	if len(data) < len(magic)+12 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	p := data[len(magic):]
	nBase := binary.LittleEndian.Uint32(p)
	nExc := binary.LittleEndian.Uint32(p[4:])
	nPool := binary.LittleEndian.Uint32(p[8:])
	p = p[12:]
	need := uint64(nBase)*8 + uint64(nExc)*12 + uint64(nPool)
	if need != uint64(len(p)) {
		return nil, fmt.Errorf("%w: %d bytes of body for %d bases, %d exceptions, %d pool bytes", ErrFormat, len(p), nBase, nExc, nPool)
	}
	l := &Lexicon{}
	entries := make([]uint64, nBase)
	for i := range entries {
		e := binary.LittleEndian.Uint64(p[8*i:])
		if i > 0 && e&^valueMask <= entries[i-1]&^valueMask {
			return nil, fmt.Errorf("%w: base %d out of order", ErrFormat, i)
		}
		if e&0xF == 0 {
			return nil, fmt.Errorf("%w: base %d has no part of speech", ErrFormat, i)
		}
		entries[i] = e
	}
	p = p[8*nBase:]
	l.bases = newTable(entries)

	l.excKeys = make([]uint64, nExc)
	l.excVals = make([]uint32, nExc)
	for i := range l.excKeys {
		k := binary.LittleEndian.Uint64(p[8*i:])
		if i > 0 && k < l.excKeys[i-1] {
			return nil, fmt.Errorf("%w: exception %d out of order", ErrFormat, i)
		}
		l.excKeys[i] = k
	}
	p = p[8*nExc:]
	for i := range l.excVals {
		v := binary.LittleEndian.Uint32(p[4*i:])
		if v&0x7F == 0 || uint64(v>>8)+uint64(v&0x7F) > uint64(nPool) {
			return nil, fmt.Errorf("%w: exception %d points outside the pool", ErrFormat, i)
		}
		l.excVals[i] = v
	}
	p = p[4*nExc:]
	l.pool = string(p)
	ebits := bitsFor(int(nExc))
	l.nExcShifts = 64 - ebits
	l.excStart = bucketIndex(l.excKeys, ebits)
	return l, nil
}

// Entry is one (lemma, part of speech) pair of the WordNet index, for Encode.
type Entry struct {
	Lemma        string
	POS          Mask // one of Noun, Verb, Adj, Adv
	TaggedSenses int  // WordNet's tagsense_cnt: senses tagged in semantic concordances
}

// Exception is one line of an exception list, for Encode: Form is an
// inflected form of Base in part of speech POS. When Base is not an entry
// for POS, Lemma still returns it but POS does not count the exception;
// either way it stops morphy's rules for that form and part of speech.
type Exception struct {
	Form, Base string
	POS        Mask // one of Noun, Verb, Adj, Adv
}

func partIndex(m Mask) (int, bool) {
	switch m {
	case Noun:
		return 0, true
	case Verb:
		return 1, true
	case Adj:
		return 2, true
	case Adv:
		return 3, true
	}
	return 0, false
}

// senseBucket folds a tagged-sense count into 3 bits: 0, 1, 2–3, 4–7, ...,
// 64 and over.
func senseBucket(n int) uint64 {
	b := uint64(0)
	for n > 0 && b < 7 {
		b++
		n >>= 1
	}
	return b
}

// Encode writes the lexicon file for entries and exceptions. Lemmas are
// lowered; an entry repeated for one part of speech keeps the larger count.
// Exceptions keep their order per form and part of speech. It returns an
// error for a part of speech that is not exactly one of Noun, Verb, Adj or
// Adv, an empty or over-long string, or two words whose hashes collide.
func Encode(entries []Entry, excs []Exception) ([]byte, error) {
	type acc struct {
		lemma string
		value uint64
	}
	byKey := make(map[uint64]*acc)
	for _, e := range entries {
		p, ok := partIndex(e.POS)
		if !ok || e.Lemma == "" {
			return nil, fmt.Errorf("wordnet: encode: bad entry %q %v", e.Lemma, e.POS)
		}
		low := strings.ToLower(e.Lemma)
		h := Hash(low)
		a := byKey[h&^valueMask]
		if a == nil {
			a = &acc{lemma: low}
			byKey[h&^valueMask] = a
		} else if a.lemma != low {
			return nil, fmt.Errorf("wordnet: encode: hash collision between %q and %q", a.lemma, low)
		}
		a.value |= 1 << p
		shift := 4 + 3*uint(p)
		if b := senseBucket(e.TaggedSenses); b > a.value>>shift&7 {
			a.value = a.value&^(7<<shift) | b<<shift
		}
	}
	keys := make([]uint64, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	type exc struct {
		key     uint64
		seq     int
		form    string
		base    string
		defined bool
	}
	list := make([]exc, 0, len(excs))
	for i, x := range excs {
		p, ok := partIndex(x.POS)
		if !ok || x.Form == "" || x.Base == "" || len(x.Base) > 127 {
			return nil, fmt.Errorf("wordnet: encode: bad exception %q %q %v", x.Form, x.Base, x.POS)
		}
		form := strings.ToLower(x.Form)
		base := strings.ToLower(x.Base)
		h := Hash(base)
		a := byKey[h&^valueMask]
		defined := a != nil && a.lemma == base && a.value&(1<<p) != 0
		list = append(list, exc{Hash(form)&^3 | uint64(p), i, form, base, defined})
	}
	slices.SortFunc(list, func(a, b exc) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	for i := 1; i < len(list); i++ {
		if list[i].key == list[i-1].key && list[i].form != list[i-1].form {
			return nil, fmt.Errorf("wordnet: encode: hash collision between %q and %q", list[i-1].form, list[i].form)
		}
	}

	var pool strings.Builder
	offsets := make(map[string]uint32)
	vals := make([]uint32, len(list))
	for i, x := range list {
		off, ok := offsets[x.base]
		if !ok {
			off = uint32(pool.Len())
			offsets[x.base] = off
			pool.WriteString(x.base)
		}
		vals[i] = off<<8 | uint32(len(x.base))
		if !x.defined {
			vals[i] |= 0x80
		}
	}
	if pool.Len() >= 1<<24 {
		return nil, errors.New("wordnet: encode: exception pool over 16 MB")
	}

	out := make([]byte, 0, len(magic)+12+8*len(keys)+12*len(list)+pool.Len())
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(keys)))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(list)))
	out = binary.LittleEndian.AppendUint32(out, uint32(pool.Len()))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k|byKey[k].value)
	}
	for _, x := range list {
		out = binary.LittleEndian.AppendUint64(out, x.key)
	}
	for _, v := range vals {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	out = append(out, pool.String()...)
	return out, nil
}

// Hash returns the 64-bit FNV-1a hash of s with ASCII letters lowered: the
// key of a word in the lexicon.
func Hash(s string) uint64 { return hashMore(fnvOffset, s) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hasSuffixFold reports whether s ends with the lower-case suffix, folding
// ASCII case in s.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// excRange returns the index range of the exceptions of form hash h, in
// all parts of speech (the part of speech is the low 2 bits of each key).
func (l *Lexicon) excRange(h uint64) (int, int) {
	if len(l.excKeys) == 0 {
		return 0, 0
	}
	k := h &^ 3
	b := k >> l.nExcShifts
	lo, hi := int(l.excStart[b]), int(l.excStart[b+1])
	for lo < hi && l.excKeys[lo] < k {
		lo++
	}
	end := lo
	for end < hi && l.excKeys[end]&^3 == k {
		end++
	}
	return lo, end
}

// excPart narrows the range lo, hi of excRange to part of speech p.
func (l *Lexicon) excPart(lo, hi, p int) (int, int) {
	for lo < hi && int(l.excKeys[lo]&3) < p {
		lo++
	}
	end := lo
	for end < hi && int(l.excKeys[end]&3) == p {
		end++
	}
	return lo, end
}

func (l *Lexicon) excBase(i int) string {
	v := l.excVals[i]
	off, n := v>>8, v&0x7F
	return l.pool[off : off+n]
}

// excDefined reports whether the base of exception i is a lemma of its part
// of speech. When it is not, the exception still blocks morphy's rules.
func (l *Lexicon) excDefined(i int) bool { return l.excVals[i]&0x80 == 0 }

// mayDetach reports whether s ends in the last letter of some detachment
// rule's suffix (s, n, d, g, r, t), folding case: a cheap test before
// trying the rules.
func mayDetach(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] | 0x20 {
	case 's', 'n', 'd', 'g', 'r', 't':
		return true
	}
	return false
}

// nounStem returns the part of a noun form that morphy's rules apply to and
// the ending to put back after them: "boxesful" → "boxes", "ful". ok is
// false when morphy applies no rules to the form (ending in "ss", or two
// bytes or fewer).
func nounStem(w string) (stem, end string, ok bool) {
	if hasSuffixFold(w, "ful") {
		return w[:len(w)-3], "ful", true
	}
	if hasSuffixFold(w, "ss") || len(w) <= 2 {
		return "", "", false
	}
	return w, "", true
}

// POS returns what the lexicon knows of word: the parts of speech WordNet
// allows for it as a surface form (by the exception lists, the detachment
// rules, or as a base form), the base-form bits and the most-tagged bits
// (see Mask). Case is ignored. It returns 0 for an empty or unknown word.
func (l *Lexicon) POS(word string) Mask {
	if word == "" || l == nil {
		return 0
	}
	var best [4]uint16 // per part of speech: 1 + largest tagged-sense bucket seen
	h := Hash(word)
	var m Mask
	if v, ok := l.bases.find(h); ok {
		for p := 0; p < 4; p++ {
			if v&(1<<p) != 0 {
				m |= (Noun | NounBase) << p
				best[p] = max(best[p], 1+v>>(4+3*p)&7)
			}
		}
	}
	elo, ehi := l.excRange(h)
	for p := 0; p < 4; p++ {
		lo, hi := l.excPart(elo, ehi, p)
		if lo < hi {
			for i := lo; i < hi; i++ {
				if !l.excDefined(i) {
					continue
				}
				m |= Noun << p
				if v, ok := l.bases.find(Hash(l.excBase(i))); ok && v&(1<<p) != 0 {
					best[p] = max(best[p], 1+v>>(4+3*p)&7)
				}
			}
			continue // morphy applies no rules to a form on the exception list
		}
		stem, end, ok := word, "", true
		if p == 0 {
			stem, end, ok = nounStem(word)
		}
		if !ok || !mayDetach(stem) {
			continue
		}
		for _, r := range rules[p] {
			if len(stem) <= len(r.suffix) || !hasSuffixFold(stem, r.suffix) {
				continue
			}
			hc := hashMore(hashMore(Hash(stem[:len(stem)-len(r.suffix)]), r.repl), end)
			if v, ok := l.bases.find(hc); ok && v&(1<<p) != 0 {
				m |= Noun << p
				best[p] = max(best[p], 1+v>>(4+3*p)&7)
			}
		}
	}
	var top uint16
	for p := 0; p < 4; p++ {
		top = max(top, best[p])
	}
	if top > 1 {
		for p := 0; p < 4; p++ {
			if best[p] == top {
				m |= NounMost << p
			}
		}
	}
	return m
}

// Lemma returns the WordNet base form of word, lowered, in the first part of
// speech of pos (in the order Noun, Verb, Adj, Adv) for which WordNet has
// one, as morphy finds it: the first base on the exception list; else the
// first detachment rule whose result WordNet lists; else the word itself
// when it is a base form. ok is false, with "", when word is empty or
// WordNet knows no base form for it in those parts of speech.
func (l *Lexicon) Lemma(word string, pos Mask) (string, bool) {
	if word == "" || l == nil {
		return "", false
	}
	h := Hash(word)
	self, selfOK := l.bases.find(h)
	elo, ehi := l.excRange(h)
	for p := 0; p < 4; p++ {
		if pos&(1<<p) == 0 {
			continue
		}
		if lo, hi := l.excPart(elo, ehi, p); lo < hi {
			return l.excBase(lo), true
		}
		stem, end, ok := word, "", true
		if p == 0 {
			stem, end, ok = nounStem(word)
		}
		if ok && mayDetach(stem) {
			for _, r := range rules[p] {
				if len(stem) <= len(r.suffix) || !hasSuffixFold(stem, r.suffix) {
					continue
				}
				cut := stem[:len(stem)-len(r.suffix)]
				hc := hashMore(hashMore(Hash(cut), r.repl), end)
				if v, ok := l.bases.find(hc); ok && v&(1<<p) != 0 {
					if r.repl == "" && end == "" {
						return lowerASCII(cut), true
					}
					return lowerASCII(cut) + r.repl + end, true
				}
			}
		}
		if selfOK && self&(1<<p) != 0 {
			return lowerASCII(word), true
		}
	}
	return "", false
}

// lowerASCII lowers ASCII letters, returning s itself when it has none.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

//go:embed lexicon.bin
var embedded []byte

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the lexicon embedded in the binary, parsed on first use.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Parse(embedded) })
	return defaultLex, defaultErr
}

// POS is Lexicon.POS on the embedded lexicon; it returns 0 if that cannot
// be parsed (a broken build, caught by the package's tests).
func POS(word string) Mask {
	l, _ := Default()
	return l.POS(word)
}

// Lemma is Lexicon.Lemma on the embedded lexicon.
func Lemma(word string, pos Mask) (string, bool) {
	l, _ := Default()
	return l.Lemma(word, pos)
}

// Cache remembers the masks of the words a Lexicon was last asked about,
// in a direct-mapped table keyed by the word's 64-bit hash, so that the
// frequent words of running text cost one lookup in a small table. Its
// answers are those of Lexicon.POS. A Cache is not safe for concurrent use.
type Cache struct {
	lex   *Lexicon
	keys  []uint64
	vals  []uint32 // 1<<16 | mask; 0 for an empty slot
	shift uint
}

// NewCache returns a cache of about size words (rounded up to a power of
// two, at least 16) in front of l.
func NewCache(l *Lexicon, size int) *Cache {
	bits := bitsFor(size)
	return &Cache{lex: l, keys: make([]uint64, 1<<bits), vals: make([]uint32, 1<<bits), shift: 64 - bits}
}

// POS is Lexicon.POS through the cache. It returns 0 for a nil cache.
func (c *Cache) POS(word string) Mask {
	if c == nil || word == "" {
		return 0
	}
	h := Hash(word)
	i := h * fib >> c.shift
	if v := c.vals[i]; v != 0 && c.keys[i] == h {
		return Mask(v)
	}
	m := c.lex.POS(word)
	c.keys[i], c.vals[i] = h, 1<<16|uint32(m)
	return m
}
