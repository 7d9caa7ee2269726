package gazetteer

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
)

// Place is an entry being added to a Builder.
type Place struct {
	GeonameID  uint32 // 0 when the place is identified by Code
	Code       string // id when GeonameID is 0, e.g. "iso3166:VEN"
	Name       string
	Lat, Lon   float64
	Population int
	Feature    string // GeoNames feature code
	Country    string // ISO 3166-1 alpha-3, or ""
	Admin1     int    // entry index, or -1
	Admin2     int    // entry index, or -1
}

// NameKind says how a name refers to a place.
type NameKind uint8

// Kinds of names.
const (
	Primary NameKind = iota // the place's own name
	Alt                     // an alternate name
	Demonym                 // an adjective or demonym ("Venezuelan")
	Abbrev                  // an abbreviation valid only after a comma ("TX")
)

// Builder collects places and names and writes them in the format Load
// reads. The zero value is ready to use.
type Builder struct {
	places    []Place
	keys      map[string]map[int]NameKind
	common    map[string]bool
	countries map[string]int
}

// Add adds p and returns its entry index.
func (b *Builder) Add(p Place) int {
	b.places = append(b.places, p)
	return len(b.places) - 1
}

// Len returns the number of places added.
func (b *Builder) Len() int { return len(b.places) }

// Place returns a pointer to the place with entry index i, to amend it.
func (b *Builder) Place(i int) *Place { return &b.places[i] }

// AddName makes name (normalised here) a key for entry i. A name given
// twice for one entry keeps its strongest kind (Primary over Alt over
// Demonym over Abbrev). Names that normalise to "" are ignored.
func (b *Builder) AddName(name string, i int, kind NameKind) {
	k := Normalize(name)
	if k == "" || i < 0 || i >= len(b.places) {
		return
	}
	if b.keys == nil {
		b.keys = map[string]map[int]NameKind{}
	}
	m := b.keys[k]
	if m == nil {
		m = map[int]NameKind{}
		b.keys[k] = m
	}
	if old, ok := m[i]; !ok || kind < old {
		m[i] = kind
	}
}

// HasKey reports whether name already names some entry.
func (b *Builder) HasKey(name string) bool { return len(b.keys[Normalize(name)]) > 0 }

// MarkCommon flags the key of word as a common lowercase English word.
func (b *Builder) MarkCommon(word string) {
	if b.common == nil {
		b.common = map[string]bool{}
	}
	b.common[Normalize(word)] = true
}

// SetCountry records entry i as the country with ISO alpha-3 code iso.
func (b *Builder) SetCountry(iso string, i int) {
	if b.countries == nil {
		b.countries = map[string]int{}
	}
	b.countries[iso] = i
}

// WriteTo writes the gazetteer, uncompressed, to w.
func (b *Builder) WriteTo(w io.Writer) (int64, error) {
	var heap []byte
	strOff := map[string]uint32{}
	addStr := func(s string) uint32 {
		if o, ok := strOff[s]; ok {
			return o
		}
		o := uint32(len(heap))
		heap = binary.AppendUvarint(heap, uint64(len(s)))
		heap = append(heap, s...)
		strOff[s] = o
		return o
	}
	featIdx := map[string]int{}
	var feats []string
	isos := make([]string, 0, len(b.countries))
	for iso := range b.countries {
		isos = append(isos, iso)
	}
	// Countries of places that are not themselves in the table still need
	// a code.
	for _, p := range b.places {
		if _, ok := b.countries[p.Country]; !ok && p.Country != "" {
			if b.countries == nil {
				b.countries = map[string]int{}
			}
			b.countries[p.Country] = -1
			isos = append(isos, p.Country)
		}
	}
	sort.Strings(isos)
	isoIdx := map[string]int{}
	for i, iso := range isos {
		if len(iso) != 3 {
			return 0, fmt.Errorf("gazetteer: country code %q is not alpha-3", iso)
		}
		isoIdx[iso] = i
	}
	if len(isos) >= noCountry {
		return 0, fmt.Errorf("gazetteer: too many countries")
	}

	ents := make([]byte, 0, len(b.places)*entrySize)
	for i, p := range b.places {
		var rec [entrySize]byte
		id := p.GeonameID
		if id == 0 || id&idInHeap != 0 {
			id = addStr(p.Code) | idInHeap
		}
		binary.LittleEndian.PutUint32(rec[0:], id)
		binary.LittleEndian.PutUint32(rec[4:], uint32(int32(math.Round(p.Lat*1e5))))
		binary.LittleEndian.PutUint32(rec[8:], uint32(int32(math.Round(p.Lon*1e5))))
		binary.LittleEndian.PutUint32(rec[12:], uint32(max(0, min(p.Population, math.MaxUint32))))
		binary.LittleEndian.PutUint32(rec[16:], addStr(p.Name))
		for j, a := range []int{p.Admin1, p.Admin2} {
			if a < -1 || a >= len(b.places) {
				return 0, fmt.Errorf("gazetteer: place %d: admin index %d out of range", i, a)
			}
			binary.LittleEndian.PutUint32(rec[20+4*j:], uint32(a+1))
		}
		c := uint16(noCountry)
		if p.Country != "" {
			c = uint16(isoIdx[p.Country])
		}
		binary.LittleEndian.PutUint16(rec[28:], c)
		f, ok := featIdx[p.Feature]
		if !ok {
			if len(p.Feature) > 255 {
				return 0, fmt.Errorf("gazetteer: feature code %q too long", p.Feature)
			}
			f = len(feats)
			feats = append(feats, p.Feature)
			featIdx[p.Feature] = f
		}
		binary.LittleEndian.PutUint16(rec[30:], uint16(f))
		ents = append(ents, rec[:]...)
	}

	keys := make([]string, 0, len(b.keys))
	for k := range b.keys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	keyRecs := make([]byte, 0, len(keys)*keySize)
	var posts []byte
	nPost := 0
	for _, k := range keys {
		var rec [keySize]byte
		binary.LittleEndian.PutUint32(rec[0:], addStr(k))
		first := uint32(nPost)
		if b.common[k] {
			first |= keyCommon
		}
		binary.LittleEndian.PutUint32(rec[4:], first)
		keyRecs = append(keyRecs, rec[:]...)
		m := b.keys[k]
		idx := make([]int, 0, len(m))
		for e := range m {
			idx = append(idx, e)
		}
		// Primary names first, then by population, so the most likely
		// reading comes first.
		sort.Slice(idx, func(x, y int) bool {
			a, c := idx[x], idx[y]
			if m[a] != m[c] {
				return m[a] < m[c]
			}
			if b.places[a].Population != b.places[c].Population {
				return b.places[a].Population > b.places[c].Population
			}
			return a < c
		})
		for _, e := range idx {
			v := uint32(e)
			switch m[e] {
			case Alt:
				v |= postAlt
			case Demonym:
				v |= postDemonym
			case Abbrev:
				v |= postAbbrev
			}
			posts = binary.LittleEndian.AppendUint32(posts, v)
			nPost++
		}
	}

	if nPost > keyPostMask || len(b.places) >= postMask {
		return 0, fmt.Errorf("gazetteer: too many places or names")
	}
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	cw.Write([]byte(magic))
	for _, v := range []int{len(b.places), len(keys), nPost, len(heap), len(feats), len(isos)} {
		cw.Write(binary.LittleEndian.AppendUint32(nil, uint32(v)))
	}
	for _, f := range feats {
		cw.Write(append([]byte{byte(len(f))}, f...))
	}
	for _, iso := range isos {
		cw.Write([]byte(iso))
		cw.Write(binary.LittleEndian.AppendUint32(nil, uint32(b.countries[iso]+1)))
	}
	cw.Write(ents)
	cw.Write(keyRecs)
	cw.Write(posts)
	cw.Write(heap)
	if cw.err != nil {
		return cw.n, fmt.Errorf("gazetteer: write: %w", cw.err)
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("gazetteer: write: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
