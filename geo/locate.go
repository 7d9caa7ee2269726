package geo

import (
	"strings"

	"sitrep/doc"
)

// clauseCues are the words that, right before a place name, make it where
// something happens: "in Caracas", "at the White House".
var clauseCues = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"across": true, "throughout": true, "around": true, "within": true, "to": true, "into": true,
	"visited": true, "visit": true, "the": true}

// Locate returns where an event described in clause took place: the first
// resolved place in clause introduced by a locative cue ("in", "at",
// "near", ...), else the place of the article's dateline, else nil, never a
// guess. It reads the places Process set on d.Entities, so it must run
// after Process; on a document without places it returns nil.
func (r *Resolver) Locate(d *doc.Document, clause doc.Span) *doc.Location {
	best, bestStart := (*doc.Place)(nil), -1
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Place == nil || e.Type == doc.NORP {
			continue
		}
		for _, m := range e.Mentions {
			if !clause.Contains(m.Span) || (bestStart >= 0 && m.Start >= bestStart) {
				continue
			}
			if cueBefore(d.Text, m.Start) {
				best, bestStart = e.Place, m.Start
			}
		}
	}
	if best != nil {
		return locationOf(best)
	}
	if p := DatelinePlace(d); p != nil {
		return locationOf(p)
	}
	return nil
}

// DatelinePlace returns the resolved place of d's dateline, or nil when d
// has no dateline or its place was not resolved by Process.
func DatelinePlace(d *doc.Document) *doc.Place {
	sp, ok := DatelineSpan(d.Text)
	if !ok {
		return nil
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Place == nil {
			continue
		}
		for _, m := range e.Mentions {
			if m.Span.Overlaps(sp) {
				return e.Place
			}
		}
	}
	return nil
}

// cueBefore reports whether the word right before offset off (skipping
// "the") is a locative cue.
func cueBefore(text string, off int) bool {
	i := off
	for n := 0; n < 2; n++ {
		for i > 0 && text[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && (text[j-1] >= 'a' && text[j-1] <= 'z' || text[j-1] >= 'A' && text[j-1] <= 'Z') {
			j--
		}
		if j == i {
			return false
		}
		w := strings.ToLower(text[j:i])
		if w == "the" {
			i = j
			continue
		}
		return clauseCues[w] && w != "the"
	}
	return false
}

func locationOf(p *doc.Place) *doc.Location {
	return &doc.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
}
