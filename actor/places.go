package actor

import (
	"strings"

	"sitrep/doc"
	"sitrep/gazetteer"
	"sitrep/kb"
)

// Places the knowledge base does not know ("Tel Aviv", "Sindh", "West
// Darfur") are coded with the country the gazetteer gives them when the
// name is not ambiguous: the most important place of that name outweighs
// every place of another country by far. A place acting or acted upon is
// its country in event data; a place that stays a place keeps its country
// for the context rules ("the government of Sindh province").

// placeMargin is how many times the leading country's weight must exceed
// any other country's for a name to count as unambiguous.
const placeMargin = 8

// minPlaceWeight is the least weight (population, or a division's rank) a
// place needs to be trusted at all.
const minPlaceWeight = 20000

// maxPostings bounds the readings weighed for one name.
const maxPostings = 64

// gazCountry returns the country a place name stands for, or "".
func (s *state) gazCountry(name string) string {
	g := s.r.gaz
	if g == nil || name == "" || len(name) > maxTokenLen*2 {
		return ""
	}
	if onlyDirections(name) {
		return "" // "South West", "the North"
	}
	ps := g.Lookup(gazetteer.Normalize(name))
	if ps.Len() == 0 || ps.Common() {
		return ""
	}
	best, bestW, second := "", 0, 0
	weights := map[string]int{}
	for i := 0; i < ps.Len() && i < maxPostings; i++ {
		p := ps.At(i)
		if p.Abbrev || p.Demonym {
			continue
		}
		e := g.Entry(p.Entry)
		if e.Country == "" {
			return "" // a continent or region of no one country: "Africa"
		}
		w := e.Population
		switch {
		case strings.HasPrefix(e.Feature, "PCL"):
			w = max(w, 50_000_000)
		case e.Feature == "ADM1":
			w = max(w, 200_000)
		case e.Feature == "ADM2":
			w = max(w, 20_000)
		}
		if w > weights[e.Country] {
			weights[e.Country] = w
		}
	}
	for c, w := range weights {
		if w > bestW || (w == bestW && c < best) {
			best, bestW = c, w
		}
	}
	for c, w := range weights {
		if c != best && w > second {
			second = w
		}
	}
	if bestW < minPlaceWeight || bestW < placeMargin*second {
		return ""
	}
	if s.kb.Country(best) == nil {
		return ""
	}
	return best
}

// codePlaces gives the GPE names the knowledge base does not know the
// gazetteer's country, before the context rules read them.
func (s *state) codePlaces() {
	for _, m := range s.ments {
		if m.kind != doc.MentionName || m.dropped || len(m.entries) > 0 {
			continue
		}
		c := s.cls[m.cl]
		if c.typ != doc.GPE || len(c.country) > 0 {
			continue
		}
		if v := s.gazCountry(s.d.Slice(m.Span)); v != "" {
			c.country = append(c.country, evidence{value: v, how: "place", span: m.Span})
		}
	}
}

// placeActor returns the actor code of a location entity the resolver does
// not otherwise code ("West Darfur State", "southern Lebanon"): the
// country of a country name inside it, or the gazetteer's.
func (s *state) placeActor(e *doc.Entity) *doc.Actor {
	if len(e.Mentions) == 0 || (e.Type != doc.Loc && e.Type != doc.GPE) {
		return nil
	}
	name := s.d.Slice(e.Mentions[0].Span)
	v := s.gazCountry(name)
	if v == "" {
		// A part of a country: "Western Cambodia", "southern Lebanon"
		// (not "North America").
		if t0, t1, ok := s.tokenRange(e.Mentions[0].Span); ok && t1-t0 >= 2 && t1-t0 <= 4 && directionWords[s.v.toks[t0].lower] {
			if es := s.kb.Names(string(s.keyBytes(t0+1, t1, false))); len(es) > 0 && es[0].Kind == kb.KindCountry && es[0].Name != "United States" {
				v, _ = agreed(es, func(e *kb.Entry) string { return e.Country })
			}
		}
	}
	if v == "" {
		return nil
	}
	return &doc.Actor{Country: v, Code: v}
}

// onlyDirections reports whether every word of name is a direction word.
func onlyDirections(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if !directionWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
