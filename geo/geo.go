// Package geo is sitrep's places stage: it finds the toponyms of an article,
// resolves each to an entry of the embedded gazetteer (coordinates,
// country, feature class, id) and tells the event coder where an event
// took place.
//
// Resolution weighs a population and feature-class prior against the
// article's context: a "City, State" or "City, Country" qualifier, the
// dateline ("CARACAS, Venezuela —"), the countries and states the article
// mentions, and how close a reading lies to the other places named. Every
// mention of one name in an article gets the same reading.
package geo

import (
	"context"
	"fmt"
	"os"
	"strings"

	"sitrep/doc"
	"sitrep/gazetteer"
	"sitrep/pipeline"
)

// Config configures a Resolver. The zero value uses the embedded gazetteer
// and default limits.
type Config struct {
	// Gazetteer replaces the embedded gazetteer when not nil.
	Gazetteer *gazetteer.Gazetteer
	// GazetteerFile, when set and Gazetteer is nil, names a gazetteer file
	// (as written by gazetteer.Builder, gzip-compressed or not) to load
	// instead of the embedded one.
	GazetteerFile string
	// MaxCandidates bounds the readings weighed for one name (0 means 32):
	// a name shared by hundreds of places costs bounded time.
	MaxCandidates int
	// MaxPlaces bounds the toponyms resolved in one document (0 means
	// 5000); the rest are left unresolved and recorded as a problem.
	MaxPlaces int
	// NoDiscovery, when true, resolves only the GPE/LOC/FAC/NORP entities an
	// earlier stage found, without adding places found in the gazetteer.
	NoDiscovery bool
	// NoNested, when true, does not add places found inside the name of
	// an organisation or another non-place entity ("Texas" in "Texas
	// Department of Health"). Toponym corpora such as LGL count them, so
	// by default they are added, as entities overlapping that name.
	NoNested bool
}

// Resolver is the places stage. It is safe for concurrent use.
type Resolver struct {
	g   *gazetteer.Gazetteer
	cfg Config
}

var _ pipeline.Stage = (*Resolver)(nil)

// New returns a places stage. It returns an error when the gazetteer
// cannot be loaded.
func New(cfg Config) (*Resolver, error) {
	g := cfg.Gazetteer
	if g == nil && cfg.GazetteerFile != "" {
		f, err := os.Open(cfg.GazetteerFile)
		if err != nil {
			return nil, fmt.Errorf("geo: %w", err)
		}
		defer f.Close()
		g, err = gazetteer.Load(f)
		if err != nil {
			return nil, fmt.Errorf("geo: %s: %w", cfg.GazetteerFile, err)
		}
	}
	if g == nil {
		var err error
		if g, err = gazetteer.Default(); err != nil {
			return nil, fmt.Errorf("geo: %w", err)
		}
	}
	if cfg.MaxCandidates <= 0 {
		cfg.MaxCandidates = 32
	}
	if cfg.MaxPlaces <= 0 {
		cfg.MaxPlaces = 5000
	}
	return &Resolver{g: g, cfg: cfg}, nil
}

// Name returns "places".
func (r *Resolver) Name() string { return "places" }

// Gazetteer returns the gazetteer r resolves against.
func (r *Resolver) Gazetteer() *gazetteer.Gazetteer { return r.g }

// Process resolves the toponyms of d. It sets Place on the GPE, LOC and
// FAC entities (and on NORP entities that name a country, like
// "Venezuelan") whose name the gazetteer knows, and adds GPE/LOC/FAC
// entities for capitalised names the gazetteer knows well that no earlier
// stage marked, unless Config.NoDiscovery is set. A document with no text
// is left unchanged. Process returns an error only when ctx is done.
func (r *Resolver) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.Text == "" {
		return nil
	}
	a := r.analyze(d)
	a.apply()
	return nil
}

// placeOf converts a gazetteer entry to the contract's place.
func placeOf(e gazetteer.Entry) *doc.Place {
	return &doc.Place{Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon, Feature: e.Feature, ID: e.ID()}
}

// entityType is the entity type of a place of feature code f.
func entityType(f string) string {
	switch {
	case strings.HasPrefix(f, "PPL"), strings.HasPrefix(f, "ADM"), strings.HasPrefix(f, "PCL"):
		return doc.GPE
	case f == "BLDG" || f == "ST" || f == "SQR" || f == "MILB" || f == "CNL" || f == "WALL" || f == "PRK":
		return doc.Fac
	}
	return doc.Loc
}
