// Package kb holds sitrep's knowledge base: countries and territories, seats
// of power, intergovernmental, non-governmental and national organisations,
// office holders with the dates they held office, the agent nouns that name
// people by their role, and given names with their usual gender.
//
// The knowledge base is a set of editable text files (see FORMAT.md). The
// files in data/ are embedded in the binary and loaded by default; a user
// adds or overrides entries with files or directories of their own
// (Config.Files).
package kb

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed data/*.txt
var embedded embed.FS

// Kind is the kind of a named entry.
type Kind uint8

// Kinds of named entries.
const (
	KindCountry Kind = iota + 1 // a country or territory's name ("Venezuela", "U.S.")
	KindDemonym                 // an adjective or demonym ("Venezuelan", "Americans")
	KindCapital                 // a capital, used as a metonym for the government
	KindSeat                    // a seat of power ("the Kremlin", "the Pentagon")
	KindOrg                     // an organisation or national body
	KindPerson                  // a person, usually an office holder
)

var kindNames = [...]string{"", "country", "demonym", "capital", "seat", "org", "person"}

// String returns the kind's name as written in the files.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Entry is one named thing: every name it goes by and how it is coded. An
// entry with a date range holds only within it; a person's terms of office
// are separate entries sharing the same ID.
type Entry struct {
	Kind    Kind
	ID      string   // stable identity, e.g. "country:VEN", "person:Donald Trump"
	Name    string   // canonical name: the first one listed
	Names   []string // every name, canonical first
	Country string   // ISO 3166-1 alpha-3, or "" for none
	Sector  string   // CAMEO-style sector, or ""
	Gender  string   // "m", "f" or "" (persons)
	Role    string   // office, e.g. "president" (persons)
	From    time.Time
	To      time.Time // exclusive; zero From or To leaves that end open
	Source  string    // "file:line" the entry was read from
}

// Covers reports whether t lies within e's date range. A zero t (date
// unknown) is covered by every entry.
func (e *Entry) Covers(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	if !e.From.IsZero() && t.Before(e.From) {
		return false
	}
	if !e.To.IsZero() && !t.Before(e.To) {
		return false
	}
	return true
}

// Code returns the composed CAMEO-style code, Country followed by Sector
// ("USA"+"GOV" = "USAGOV"); it is "" when both are empty.
func (e *Entry) Code() string { return e.Country + e.Sector }

// Agent is an agent noun or title: a common noun that names a person or a
// body by its role ("president", "troops", "opposition leader").
type Agent struct {
	Phrase string // lowercase, as matched
	Sector string // "" when the noun gives none by itself
	Weak   bool   // another cue in the same phrase decides the sector
	Group  bool   // names a body, not a person
	Title  bool   // counts only right before a name
	Plural bool   // the phrase is plural ("ministers", "police")
	Gender string // "m", "f" or ""
	Source string
}

// Country is what the knowledge base knows of one country or territory.
type Country struct {
	Code     string // ISO 3166-1 alpha-3
	Name     string // common English name
	Names    []string
	Demonyms []string
	Capitals []string
	CAMEO    string // the code older CAMEO dictionaries use, when it differs
}

// KB is a loaded knowledge base. It is safe for concurrent use once built;
// nothing changes it after Load.
type KB struct {
	names     map[string][]*Entry // Key(name) -> entries, case kept
	agents    map[string]*Agent   // lowercase Key(phrase) -> agent
	given     map[string]string   // given name -> "m", "f" or "" when both
	countries map[string]*Country // ISO3 -> country
	aliases   map[string]string   // CAMEO code -> ISO3
	maxWords  int
	maxAgent  int
	entries   int
}

// Config selects the files a knowledge base is loaded from. The zero value
// loads the embedded default files only.
type Config struct {
	// Files are extra files, or directories whose *.txt files are read in
	// name order, loaded after the embedded files. Their agent nouns and
	// given names override earlier ones; their named entries add to them.
	Files []string
	// NoDefault skips the embedded files.
	NoDefault bool
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the knowledge base built from the embedded files, loading
// it on first use. It returns an error only if the embedded files are
// malformed, which the package's tests rule out.
func Default() (*KB, error) {
	defaultOnce.Do(func() { defaultKB, defaultErr = Load(Config{}) })
	return defaultKB, defaultErr
}

// Load reads the embedded files (unless cfg.NoDefault) and then cfg.Files.
// It returns every malformed line as an ErrorList naming file:line; an
// unreadable file is returned as an error wrapping the os error. With
// NoDefault and no files it returns an empty, usable knowledge base.
func Load(cfg Config) (*KB, error) {
	b := newBuilder()
	if !cfg.NoDefault {
		files, err := fs.Glob(embedded, "data/*.txt")
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := embedded.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("kb: %w", err)
			}
			b.parse("kb/"+f, string(data))
		}
	}
	for _, p := range cfg.Files {
		paths, err := expand(p)
		if err != nil {
			return nil, err
		}
		for _, f := range paths {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("kb: %w", err)
			}
			b.parse(f, string(data))
		}
	}
	b.check()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return b.kb, nil
}

// expand returns p itself for a file, or the *.txt files in p, sorted, for a
// directory.
func expand(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	files, err := filepath.Glob(filepath.Join(p, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	sort.Strings(files)
	return files, nil
}

// Parse reads one knowledge-base file's content into a knowledge base of its
// own; name is used in error positions. It returns an ErrorList for
// malformed lines. Empty input gives an empty knowledge base.
func Parse(name, content string) (*KB, error) {
	b := newBuilder()
	b.parse(name, content)
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return b.kb, nil
}

// Names returns the entries one of whose names is key exactly (see Key); it
// returns nil when none is.
func (k *KB) Names(key string) []*Entry { return k.names[key] }

// Agent returns the agent noun whose lowercase phrase is key.
func (k *KB) Agent(key string) (*Agent, bool) {
	a, ok := k.agents[key]
	return a, ok
}

// Gender returns "m" or "f" for a given name the knowledge base knows with
// one gender, and "" otherwise.
func (k *KB) Gender(given string) string { return k.given[given] }

// Country returns the country or territory with ISO 3166-1 alpha-3 code, or
// nil when there is none.
func (k *KB) Country(code string) *Country { return k.countries[code] }

// Countries returns every country, sorted by code.
func (k *KB) Countries() []*Country {
	out := make([]*Country, 0, len(k.countries))
	for _, c := range k.countries {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Normalize returns the ISO 3166-1 alpha-3 code for a country code that may
// be an older CAMEO code ("JAP" -> "JPN"). It returns code unchanged when it
// is already ISO or unknown.
func (k *KB) Normalize(code string) string {
	if iso, ok := k.aliases[code]; ok {
		return iso
	}
	return code
}

// MaxWords returns an upper bound on the number of words and punctuation
// marks in any name; callers matching token sequences need look no further.
func (k *KB) MaxWords() int { return k.maxWords }

// MaxAgentWords is like MaxWords for agent phrases.
func (k *KB) MaxAgentWords() int { return k.maxAgent }

// Len returns the number of named entries and agent nouns loaded.
func (k *KB) Len() int { return k.entries + len(k.agents) }

// Key normalises a name for lookup: runs of white space become one space,
// typographic apostrophes and quotes become ASCII ones, and leading and
// trailing space is dropped. Case is kept. Key("") is "".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0':
			space = b.Len() > 0
			continue
		case '\u2019', '\u2018', '\u02bc':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wordCount counts words and punctuation marks in s, an upper bound on the
// tokens a tokenizer makes of it.
func wordCount(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		switch {
		case r == ' ':
			inWord = false
		case r == '.' || r == '-' || r == '\'' || r == ',' || r == '&' || r == '(' || r == ')' || r == '/':
			n++
			inWord = false
		default:
			if !inWord {
				n++
				inWord = true
			}
		}
	}
	return n
}
