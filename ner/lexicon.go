package ner

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed clusters.txt.gz
var defaultClusters []byte

//go:embed gazetteer/*.txt
var gazetteerFS embed.FS

// clusterLevels is how many prefixes of a cluster path become features.
const clusterLevels = 4

// clusterTable maps a word form to the hashes of its cluster path prefixes.
type clusterTable map[string][clusterLevels]uint64

// maxClusterBytes bounds the decompressed size of a cluster file.
const maxClusterBytes = 1 << 28

// loadClusters reads "word<TAB>path" lines, gzip-compressed, where path is
// dot-separated small integers. Lines without a tab are ignored. It
// returns an error when the input is not gzip or is too large.
func loadClusters(r io.Reader) (clusterTable, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: clusters: %w", err)
	}
	defer zr.Close()
	b, err := io.ReadAll(io.LimitReader(zr, maxClusterBytes+1))
	if err != nil {
		return nil, fmt.Errorf("ner: clusters: %w", err)
	}
	if len(b) > maxClusterBytes {
		return nil, fmt.Errorf("ner: clusters: file too large")
	}
	// One string holds the whole file; words are slices of it.
	all := string(b)
	t := make(clusterTable, strings.Count(all, "\n")+1)
	for len(all) > 0 {
		line := all
		if i := strings.IndexByte(all, '\n'); i >= 0 {
			line, all = all[:i], all[i+1:]
		} else {
			all = ""
		}
		word, path, ok := strings.Cut(line, "\t")
		if !ok || word == "" {
			continue
		}
		var ids [clusterLevels]uint64
		h := uint64(offset64)
		for i := 0; i < clusterLevels; i++ {
			if path != "" {
				part := path
				if j := strings.IndexByte(path, '.'); j >= 0 {
					part, path = path[:j], path[j+1:]
				} else {
					path = ""
				}
				h = hashStr(h, part)
			}
			ids[i] = h | 1 // never zero: zero means "no cluster"
		}
		t[word] = ids
	}
	return t, nil
}

// Gazetteer categories, one bit each.
const (
	gazCountry = 1 << iota
	gazCity
	gazState
	gazDemonym
	gazFirstName
	gazOrgWord
	gazTitle
	gazLocWord
	gazEventWord
	gazGroup
	gazRegion
	gazTime
	gazOrg
	nGaz = iota
)

var gazFiles = []struct {
	file string
	bit  uint32
}{
	{"countries.txt", gazCountry},
	{"cities.txt", gazCity},
	{"states.txt", gazState},
	{"demonyms.txt", gazDemonym},
	{"firstnames.txt", gazFirstName},
	{"orgwords.txt", gazOrgWord},
	{"titles.txt", gazTitle},
	{"locwords.txt", gazLocWord},
	{"eventwords.txt", gazEventWord},
	{"groups.txt", gazGroup},
	{"regions.txt", gazRegion},
	{"time.txt", gazTime},
	{"orgs.txt", gazOrg},
}

// maxGazWords is the longest gazetteer entry in words.
const maxGazWords = 5

// gazetteer maps a lowercased, space-joined phrase to category bits.
type gazetteer map[string]uint32

// loadGazetteer reads the embedded lists: one phrase per line, # comments.
func loadGazetteer() (gazetteer, error) {
	g := gazetteer{}
	for _, f := range gazFiles {
		b, err := gazetteerFS.ReadFile("gazetteer/" + f.file)
		if err != nil {
			return nil, fmt.Errorf("ner: gazetteer: %w", err)
		}
		for _, line := range bytes.Split(b, []byte("\n")) {
			s := strings.TrimSpace(string(line))
			if s == "" || s[0] == '#' {
				continue
			}
			s = strings.Join(strings.Fields(lower(s)), " ")
			g[s] |= f.bit
		}
	}
	return g, nil
}

// lower lowercases s rune by rune; invalid bytes are kept as they are.
func lower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || ('A' <= s[i] && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(s[i])
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}
