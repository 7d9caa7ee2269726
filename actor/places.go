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
// gazetteer's country, or the country whose name they misspell by one
// letter when the gazetteer does not know them either, before the context
// rules read them.
func (s *state) codePlaces() {
	for _, m := range s.ments {
		if m.kind != doc.MentionName || m.dropped || len(m.entries) > 0 {
			continue
		}
		c := s.cls[m.cl]
		if c.typ != doc.GPE || len(c.country) > 0 {
			continue
		}
		name := s.d.Slice(m.Span)
		v := s.gazCountry(name)
		if v == "" && m.t1-m.t0 == 1 && (s.r.gaz == nil || s.r.gaz.Lookup(gazetteer.Normalize(name)).Len() == 0) {
			// A country misspelt: "Ethopia".
			v = s.fuzzyCountry(name)
		}
		if v != "" {
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

// minFuzzyLen is the shortest misspelt country name read as a country:
// shorter names are too near one another ("Iran", "Iraq").
const minFuzzyLen = 6

// misspellings maps every one-letter deletion of every one-word country
// name and demonym (and the name itself) to its countries, so that a name
// one edit away from a country's ("Ethopia", "Quatar") finds it.
func misspellings(k *kb.KB) map[string][]string {
	out := map[string][]string{}
	add := func(key, code string) {
		for _, c := range out[key] {
			if c == code {
				return
			}
		}
		out[key] = append(out[key], code)
	}
	for _, c := range k.Countries() {
		for _, n := range c.Names {
			if len(n) < minFuzzyLen-1 || strings.ContainsAny(n, " .-'") || n == "America" {
				continue
			}
			add(n, c.Code)
			for i := 0; i < len(n); i++ {
				add(n[:i]+n[i+1:], c.Code)
			}
		}
	}
	return out
}

// fuzzyCountry returns the one country whose name is one edit from name
// (an insertion, deletion, substitution or swap of neighbours), or "".
func (s *state) fuzzyCountry(name string) string {
	if len(name) < minFuzzyLen || len(name) > 40 || strings.ContainsAny(name, " .-'") || s.r.fuzzy == nil {
		return ""
	}
	found := ""
	check := func(key string) bool {
		for _, c := range s.r.fuzzy[key] {
			if found != "" && found != c {
				return false
			}
			found = c
		}
		return true
	}
	if !check(name) {
		return ""
	}
	for i := 0; i < len(name); i++ {
		if !check(name[:i] + name[i+1:]) {
			return ""
		}
	}
	return found
}
