// Package gazetteer is sitrep's embedded gazetteer: the world's countries,
// first- and second-level administrative divisions, the populated places of
// GeoNames' cities500 dump, and the landmarks and regions news writes about,
// each with coordinates, and an index from normalised names to them.
//
// The data is built by `go run ./gazetteer/build` from registry packages
// (see README.md for provenance and licences) into data/gazetteer.bin,
// a compact binary file embedded in the package uncompressed. Loading it
// validates the records once and then reads them in place, without copying
// or building maps, so it takes a few tens of milliseconds.
package gazetteer

import (
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
)

//go:embed data/gazetteer.bin
var embedded string

// ErrFormat is returned (wrapped) when gazetteer data is malformed.
var ErrFormat = errors.New("gazetteer: malformed data")

const (
	magic     = "SGZ2"
	entrySize = 32
	keySize   = 8
	noIndex   = 0
	noCountry = 0xFFFF
	idInHeap  = 1 << 31
	// Posting flags, in the high bits of a posting.
	postAlt     = 1 << 31
	postDemonym = 1 << 30
	postAbbrev  = 1 << 29
	postMask    = 1<<29 - 1
	// Key flags, in the high bits of a key's first posting.
	keyCommon   = 1 << 31
	keyPostMask = 1<<28 - 1
)

// Gazetteer is a loaded gazetteer. It is immutable and safe for concurrent
// use.
type Gazetteer struct {
	s                string // the decompressed data
	nEntries, nKeys  int
	nPostings        int
	entOff, keyOff   int
	postOff, heapOff int
	heapLen          int
	features         []string
	countries        []string // ISO 3166-1 alpha-3 codes
	countryEntry     []int    // entry index of each country, or -1
	countryByISO     map[string]int
}

var defaultGaz = sync.OnceValues(func() (*Gazetteer, error) {
	return parse(embedded)
})

// Default returns the embedded gazetteer, loading it on first use. It
// returns an error only if the embedded data is corrupt.
func Default() (*Gazetteer, error) { return defaultGaz() }

// Load reads a gazetteer written by Write, gzip-compressed or not. It
// returns an error wrapping ErrFormat when the data is malformed, and the
// reader's error when reading fails. An empty input is malformed.
func Load(r io.Reader) (*Gazetteer, error) {
	br := &peekReader{r: r}
	head, err := br.peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("gazetteer: read: %w", err)
	}
	var src io.Reader = br
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		defer zr.Close()
		src = zr
	}
	b, err := io.ReadAll(io.LimitReader(src, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read: %w", err)
	}
	return parse(string(b))
}

type peekReader struct {
	r   io.Reader
	buf []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	for len(p.buf) < n {
		tmp := make([]byte, n-len(p.buf))
		k, err := p.r.Read(tmp)
		p.buf = append(p.buf, tmp[:k]...)
		if err != nil {
			return p.buf, err
		}
	}
	return p.buf, nil
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

func u32(s string, off int) uint32 {
	return uint32(s[off]) | uint32(s[off+1])<<8 | uint32(s[off+2])<<16 | uint32(s[off+3])<<24
}

func u16(s string, off int) uint16 { return uint16(s[off]) | uint16(s[off+1])<<8 }

func parse(s string) (*Gazetteer, error) {
	if len(s) < 4+6*4 || s[:4] != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	g := &Gazetteer{s: s}
	off := 4
	hdr := make([]int, 6)
	for i := range hdr {
		hdr[i] = int(u32(s, off))
		off += 4
	}
	g.nEntries, g.nKeys, g.nPostings, g.heapLen = hdr[0], hdr[1], hdr[2], hdr[3]
	nFeat, nCountry := hdr[4], hdr[5]
	if nFeat > 1<<16 || nCountry > 1<<15 || g.nEntries >= postMask || g.nKeys > 1<<28 || g.nPostings > 1<<28 {
		return nil, fmt.Errorf("%w: bad counts", ErrFormat)
	}
	for range nFeat {
		if off >= len(s) {
			return nil, fmt.Errorf("%w: truncated features", ErrFormat)
		}
		n := int(s[off])
		off++
		if off+n > len(s) {
			return nil, fmt.Errorf("%w: truncated features", ErrFormat)
		}
		g.features = append(g.features, s[off:off+n])
		off += n
	}
	g.countryByISO = make(map[string]int, nCountry)
	for i := range nCountry {
		if off+7 > len(s) {
			return nil, fmt.Errorf("%w: truncated countries", ErrFormat)
		}
		iso := s[off : off+3]
		e := int(u32(s, off+3)) - 1
		off += 7
		if e >= g.nEntries {
			return nil, fmt.Errorf("%w: country %q: bad entry", ErrFormat, iso)
		}
		g.countries = append(g.countries, iso)
		g.countryEntry = append(g.countryEntry, e)
		g.countryByISO[iso] = i
	}
	g.entOff = off
	g.keyOff = g.entOff + g.nEntries*entrySize
	g.postOff = g.keyOff + g.nKeys*keySize
	g.heapOff = g.postOff + g.nPostings*4
	if g.heapOff+g.heapLen != len(s) {
		return nil, fmt.Errorf("%w: size %d, want %d", ErrFormat, len(s), g.heapOff+g.heapLen)
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return g, nil
}

// check validates every offset and index once, so that accessors need not.
func (g *Gazetteer) check() error {
	for i := range g.nEntries {
		o := g.entOff + i*entrySize
		id := u32(g.s, o)
		if id&idInHeap != 0 {
			if _, ok := g.heapStr(int(id &^ idInHeap)); !ok {
				return fmt.Errorf("%w: entry %d: bad id", ErrFormat, i)
			}
		}
		if _, ok := g.heapStr(int(u32(g.s, o+16))); !ok {
			return fmt.Errorf("%w: entry %d: bad name", ErrFormat, i)
		}
		if a := int(u32(g.s, o+20)); a > g.nEntries {
			return fmt.Errorf("%w: entry %d: bad admin1", ErrFormat, i)
		}
		if a := int(u32(g.s, o+24)); a > g.nEntries {
			return fmt.Errorf("%w: entry %d: bad admin2", ErrFormat, i)
		}
		if c := u16(g.s, o+28); c != noCountry && int(c) >= len(g.countries) {
			return fmt.Errorf("%w: entry %d: bad country", ErrFormat, i)
		}
		if f := int(u16(g.s, o+30)); f >= len(g.features) {
			return fmt.Errorf("%w: entry %d: bad feature", ErrFormat, i)
		}
	}
	prev := ""
	for i := range g.nKeys {
		o := g.keyOff + i*keySize
		k, ok := g.heapStr(int(u32(g.s, o)))
		if !ok || (i > 0 && k <= prev) {
			return fmt.Errorf("%w: key %d: bad or unsorted", ErrFormat, i)
		}
		prev = k
		start := int(u32(g.s, o+4) & keyPostMask)
		end := g.nPostings
		if i+1 < g.nKeys {
			end = int(u32(g.s, o+keySize+4) & keyPostMask)
		}
		if start > end || end > g.nPostings {
			return fmt.Errorf("%w: key %d: bad postings", ErrFormat, i)
		}
	}
	for i := range g.nPostings {
		if int(u32(g.s, g.postOff+4*i)&postMask) >= g.nEntries {
			return fmt.Errorf("%w: posting %d: bad entry", ErrFormat, i)
		}
	}
	return nil
}

// heapStr reads the length-prefixed string at heap offset off, reporting
// false when it does not lie within the heap.
func (g *Gazetteer) heapStr(off int) (string, bool) {
	if off < 0 || off >= g.heapLen {
		return "", false
	}
	p := g.heapOff + off
	var n, shift uint
	for {
		if p >= len(g.s) || shift > 28 {
			return "", false
		}
		c := g.s[p]
		p++
		n |= uint(c&0x7f) << shift
		if c < 0x80 {
			break
		}
		shift += 7
	}
	if n > uint(len(g.s)-p) {
		return "", false
	}
	return g.s[p : p+int(n)], true
}

// str is heapStr for offsets already validated by check.
func (g *Gazetteer) str(off int) string {
	p := g.heapOff + off
	var n, shift uint
	for {
		c := g.s[p]
		p++
		n |= uint(c&0x7f) << shift
		if c < 0x80 {
			break
		}
		shift += 7
	}
	return g.s[p : p+int(n)]
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return g.nEntries }

// Keys returns the number of distinct lookup keys.
func (g *Gazetteer) Keys() int { return g.nKeys }

// Entry is one place of the gazetteer.
type Entry struct {
	Index      int     // position in the gazetteer
	GeonameID  uint32  // GeoNames id, or 0 for places identified by Code
	Code       string  // id of places GeoNames does not number here, e.g. "iso3166:VEN"
	Name       string  // preferred name
	Lat, Lon   float64 // WGS84 degrees
	Population int     // 0 when unknown
	Feature    string  // GeoNames feature code, e.g. "PPLC", "ADM1", "PCLI"
	Country    string  // ISO 3166-1 alpha-3, "" when none
	Admin1     int     // entry index of the first-level division, or -1
	Admin2     int     // entry index of the second-level division, or -1
}

// ID returns the entry's identifier: "geonames:<id>" for GeoNames places,
// else its Code.
func (e Entry) ID() string {
	if e.GeonameID != 0 {
		return "geonames:" + strconv.FormatUint(uint64(e.GeonameID), 10)
	}
	return e.Code
}

// Entry returns entry i; it panics if i is out of range, like a slice.
func (g *Gazetteer) Entry(i int) Entry {
	if i < 0 || i >= g.nEntries {
		panic(fmt.Sprintf("gazetteer: entry %d out of range [0,%d)", i, g.nEntries))
	}
	o := g.entOff + i*entrySize
	s := g.s
	e := Entry{
		Index:      i,
		Lat:        float64(int32(u32(s, o+4))) / 1e5,
		Lon:        float64(int32(u32(s, o+8))) / 1e5,
		Population: int(u32(s, o+12)),
		Name:       g.str(int(u32(s, o+16))),
		Admin1:     int(u32(s, o+20)) - 1,
		Admin2:     int(u32(s, o+24)) - 1,
		Feature:    g.features[u16(s, o+30)],
	}
	if id := u32(s, o); id&idInHeap != 0 {
		e.Code = g.str(int(id &^ idInHeap))
	} else {
		e.GeonameID = id
	}
	if c := u16(s, o+28); c != noCountry {
		e.Country = g.countries[c]
	}
	return e
}

// Coord returns entry i's latitude and longitude without decoding the rest.
func (g *Gazetteer) Coord(i int) (lat, lon float64) {
	o := g.entOff + i*entrySize
	return float64(int32(u32(g.s, o+4))) / 1e5, float64(int32(u32(g.s, o+8))) / 1e5
}

// CountryEntry returns the entry index of the country with ISO 3166-1
// alpha-3 code iso, or -1 when the gazetteer has none.
func (g *Gazetteer) CountryEntry(iso string) int {
	i, ok := g.countryByISO[iso]
	if !ok {
		return -1
	}
	return g.countryEntry[i]
}

// Posting is one entry a key names, and how it names it.
type Posting struct {
	Entry   int
	Alt     bool // an alternate name (exonym, former name, variant)
	Demonym bool // the key is an adjective or demonym for the place ("Venezuelan")
	Abbrev  bool // an abbreviation valid only after a comma ("Paris, TX")
}

// Postings is the list of entries one key names.
type Postings struct {
	g          *Gazetteer
	start, end int
	flags      uint32
}

// Len returns the number of postings; 0 when the key is unknown.
func (p Postings) Len() int { return p.end - p.start }

// At returns the i-th posting.
func (p Postings) At(i int) Posting {
	v := u32(p.g.s, p.g.postOff+4*(p.start+i))
	return Posting{Entry: int(v & postMask), Alt: v&postAlt != 0, Demonym: v&postDemonym != 0, Abbrev: v&postAbbrev != 0}
}

// Common reports whether the key is also a common lowercase English word
// ("mobile", "reading", "police"), so that a capitalised match at the start
// of a sentence is weak evidence of a place.
func (p Postings) Common() bool { return p.flags&keyCommon != 0 }

func (g *Gazetteer) key(i int) string { return g.str(int(u32(g.s, g.keyOff+i*keySize))) }

// search returns the index of the first key >= k.
func (g *Gazetteer) search(k string) int {
	lo, hi := 0, g.nKeys
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if g.key(m) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Lookup returns the entries named by key, which must already be
// normalised with Normalize. An unknown or empty key gives no posting.
func (g *Gazetteer) Lookup(key string) Postings {
	if key == "" || g.nKeys == 0 {
		return Postings{g: g}
	}
	i := g.search(key)
	if i >= g.nKeys || g.key(i) != key {
		return Postings{g: g}
	}
	o := g.keyOff + i*keySize
	end := g.nPostings
	if i+1 < g.nKeys {
		end = int(u32(g.s, o+keySize+4) & keyPostMask)
	}
	first := u32(g.s, o+4)
	return Postings{g: g, start: int(first & keyPostMask), end: end, flags: first &^ keyPostMask}
}

// HasPrefix reports whether some key starts with prefix followed by a
// space, that is whether a longer name could begin with these words.
// Normalised keys hold no byte below the space, so such keys sort right
// after prefix itself.
func (g *Gazetteer) HasPrefix(prefix string) bool {
	if prefix == "" {
		return g.nKeys > 0
	}
	i := g.search(prefix)
	if i < g.nKeys && g.key(i) == prefix {
		i++
	}
	if i >= g.nKeys {
		return false
	}
	k := g.key(i)
	return len(k) > len(prefix) && k[:len(prefix)] == prefix && k[len(prefix)] == ' '
}
