package actor

import (
	"strings"

	"sitrep/doc"
	"sitrep/kb"
)

// Countries from the context: an actor that nothing in its own phrase or the
// knowledge base places in a country takes the country of the place its
// phrase is in ("rebels in the Ivory Coast", "students throughout
// Indonesia", "the Albanians of southern Serbia", "King Hassan of
// Morocco") or, failing that, the one country its sentence or document is
// about.

// placePreps are the prepositions after an actor's phrase that name where
// the actor is or comes from.
var placePreps = map[string]bool{"in": true, "throughout": true, "across": true, "from": true, "of": true, "inside": true}

// directionWords may stand between the preposition and the place: "in
// southern Lebanon", "of the northern Caucasus".
var directionWords = map[string]bool{
	"the": true, "southern": true, "northern": true, "eastern": true, "western": true, "central": true,
	"south": true, "north": true, "east": true, "west": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "neighboring": true, "neighbouring": true, "rural": true,
}

// posted agent nouns name people whose place is where they serve, not whose
// they are: "the ambassador in Moscow" is not Russian, nor is a
// correspondent the country of the sentence he reports from.
var posted = map[string]bool{
	"ambassador": true, "envoy": true, "special envoy": true, "diplomat": true, "consul": true, "embassy": true,
	"consulate": true, "correspondent": true, "reporter": true, "journalist": true, "tourist": true,
	"peacekeeper": true, "delegation": true, "delegate": true, "representative": true, "emissary": true,
	"negotiator": true, "inspector": true, "volunteer": true, "aid worker": true, "humanitarian worker": true,
	"visitor": true,
}

// displaced agent nouns name people who are somewhere not their own:
// "refugees in Kenya" are not Kenyan, though refugees "from Liberia" are
// Liberian.
var displaced = map[string]bool{
	"migrant": true, "immigrant": true, "refugee": true, "asylum seeker": true, "asylum-seeker": true,
	"detainee": true, "prisoner": true, "hostage": true, "passenger": true, "evacuee": true, "displaced person": true,
	"displaced people": true,
}

// bystanders are the people named only as people: victims counted in a
// sentence about an attack take the country of the place it names, not of
// the nationality of whoever attacked them.
var bystanders = map[string]bool{
	"people": true, "person": true, "civilian": true, "resident": true, "villager": true, "passenger": true,
	"bystander": true, "victim": true, "crowd": true, "pedestrian": true, "child": true, "children": true, "inhabitant": true,
}

// placeAfter returns the country of a country or capital named right after
// token t by a preposition of place or origin, with the preposition.
func (s *state) placeAfter(t int) (country, prep string, end int) {
	toks := s.v.toks
	if t <= 0 || t >= len(toks) || toks[t].sent != toks[t-1].sent || !placePreps[toks[t].lower] {
		return "", "", 0
	}
	k := t + 1
	for k < len(toks) && k-t <= 3 && toks[k].sent == toks[t].sent && toks[k].ment < 0 && directionWords[toks[k].lower] {
		k++
	}
	if k >= len(toks) || toks[k].sent != toks[t].sent || toks[k].ment < 0 {
		return "", "", 0
	}
	m := s.ments[toks[k].ment]
	if m.kind != doc.MentionName || m.t0 != k || m.dropped {
		return "", "", 0
	}
	c := s.cls[s.find(m.cl)]
	if c.typ != doc.GPE {
		return "", "", 0
	}
	for _, e := range m.entries {
		if e.Kind != kb.KindCountry && e.Kind != kb.KindCapital {
			return "", "", 0
		}
	}
	country = textValue(c.country)
	if country == "" {
		country = firstValue(c.country)
	}
	return country, toks[t].lower, m.t1
}

// ownerAfter returns the country of the person or organisation a body
// belongs to, named after it with "of" and perhaps a title: "the
// government of President X", "the forces of General Y".
func (s *state) ownerAfter(t int) (country string, end int) {
	toks := s.v.toks
	if t <= 0 || t >= len(toks) || toks[t].lower != "of" || toks[t].sent != toks[t-1].sent {
		return "", 0
	}
	k := t + 1
	for k < len(toks) && k-t <= 4 && toks[k].sent == toks[t].sent && toks[k].ment < 0 {
		if _, ok := s.kb.Agent(toks[k].lower); !ok && !premodifiers[toks[k].lower] && !determiners[toks[k].lower] {
			break
		}
		k++
	}
	if k >= len(toks) || toks[k].sent != toks[t].sent || toks[k].ment < 0 {
		return "", 0
	}
	m := s.ments[toks[k].ment]
	if m.kind != doc.MentionName || m.t0 != k || m.dropped {
		return "", 0
	}
	c := s.cls[s.find(m.cl)]
	if c.typ != doc.Person && c.typ != doc.Org {
		return "", 0
	}
	if country = textValue(c.country); country == "" {
		country = firstValue(c.country)
	}
	return country, m.t1
}

// onlyDemonym reports whether a cluster's country evidence is nothing but
// the knowledge base's reading of a demonym naming the actor itself
// ("Albanians").
func (s *state) onlyDemonym(c *cluster) bool {
	if len(c.country) == 0 {
		return false
	}
	for _, ev := range c.country {
		if ev.text || ev.how != "kb" {
			return false
		}
	}
	for _, mi := range c.ments {
		m := s.ments[mi]
		if m.kind == doc.MentionName && len(m.entries) > 0 && m.entries[0].Kind == kb.KindDemonym {
			return true
		}
	}
	return false
}

// placeContext gives actors the country of the place their phrase is in.
func (s *state) placeContext() {
	for _, m := range s.ments {
		if m.dropped || m.kind == doc.MentionPronoun || m.modifier {
			continue
		}
		c := s.cls[s.find(m.cl)]
		if textValue(c.country) != "" || knownCountryless(c.kbIDs) && len(c.country) == 0 {
			continue
		}
		if sec := firstValue(c.sector); sec == "IGO" || sec == "NGO" {
			continue
		}
		var country, prep string
		var end int
		switch m.kind {
		case doc.MentionNominal:
			if m.np == nil || posted[singular(m.np.agent.Phrase)] {
				continue
			}
			country, prep, end = s.placeAfter(m.t1)
			if displaced[singular(m.np.agent.Phrase)] && prep != "from" && prep != "of" {
				country = ""
			}
			if country == "" && m.np.agent.Group {
				// "the military government of President Prosper Avril"
				country, end = s.ownerAfter(m.t1)
				prep = "of"
			}
		case doc.MentionName:
			switch c.typ {
			case doc.Person:
				// "King Hassan of Morocco"; a person "in Paris" is only there.
				if country, prep, end = s.placeAfter(m.t1); prep != "of" {
					country = ""
				}
			case doc.Org, doc.NORP:
				country, prep, end = s.placeAfter(m.t1)
			}
		}
		if country == "" {
			continue
		}
		if len(c.country) > 0 && !(prep == "of" && s.onlyDemonym(c)) {
			continue // "Russian troops in Syria" are Russian
		}
		c.country = append([]evidence{{value: country, how: "in", text: true,
			span: doc.Span{Start: m.Start, End: s.v.toks[end-1].End}}}, c.country...)
	}
}

// private sectors are not guessed from the document alone: a professor, a
// doctor or a cleric mentioned in a story about a country is as likely a
// foreigner commenting on it.
var private = map[string]bool{"EDU": true, "HLH": true, "REL": true}

// relational nouns name other parties by their relation to the owner:
// "America's adversaries" are no Americans.
var relational = map[string]bool{
	"adversary": true, "enemy": true, "ally": true, "rival": true, "partner": true,
	"neighbor": true, "neighbour": true, "foe": true, "opponent": true, "friend": true, "backer": true,
	"supporter": true, "critic": true, "creditor": true, "debtor": true,
}

// sceneUse reports whether a country or place name is used as the scene of
// its sentence rather than as a party to it: after a preposition of place
// ("in Baku", "independence of Chechnya"), as the owner of a thing that is
// no actor ("Algeria's elections"), or parsed as an oblique. "The United States expects", "U.S. interests" are parties.
func (s *state) sceneUse(m *mention) bool {
	toks := s.v.toks
	t := m.t0
	// "in Kenya and Uganda": a conjunct shares its first one's preposition.
	for n := 0; n < 8 && t >= 2 && toks[t-1].sent == toks[m.t0].sent; n++ {
		p := toks[t-1].lower
		if p != "and" && p != "or" && p != "," {
			break
		}
		k := toks[t-2].ment
		if k < 0 || s.ments[k].kind != doc.MentionName {
			break
		}
		t = s.ments[k].t0
	}
	if s.locative(t) && toks[t-1].lower != "visit" && toks[t-1].lower != "visited" {
		return true
	}
	if m.t1+1 < len(toks) && (toks[m.t1].text == "'s" || toks[m.t1].text == "'") && toks[m.t1+1].sent == toks[m.t0].sent {
		if _, ok := s.kb.Agent(toks[m.t1+1].lower); !ok && toks[m.t1+1].ment < 0 && !relational[singular(toks[m.t1+1].lower)] {
			return true
		}
	}
	switch toks[m.t1-1].deprel {
	case "obl":
		return true
	}
	return false
}

// contextFallback gives an actor that still has no country the one country
// its sentence names (a strict majority of the country and nationality
// names in it), or else the only one its document names. Only names of
// the scene count (sceneUse): a name that says whose another actor is
// ("the U.S. government") or that is a party itself ("the United States
// expects") says nothing of the other parties, who are often of another
// country. Actors the
// knowledge base knows as of no country (the UN, al-Qaeda), international
// and non-governmental bodies, firms, media, and actors known by nothing but
// their name (no agent noun, title or sector) are left alone.
func (s *state) contextFallback() {
	nSent := len(s.v.sents)
	if nSent == 0 {
		return
	}
	type tally struct {
		counts map[string]int
		n      int
	}
	bySent := map[int]*tally{}
	placesBySent := map[int]*tally{}
	doc1 := &tally{counts: map[string]int{}}
	add := func(m map[int]*tally, sent int, v string) {
		t := m[sent]
		if t == nil {
			t = &tally{counts: map[string]int{}}
			m[sent] = t
		}
		t.counts[v]++
		t.n++
	}
	for _, m := range s.ments {
		if m.dropped || m.kind != doc.MentionName || m.modifier {
			// A country word that says whose another actor is ("the U.S.
			// government") says nothing of its counterparts.
			continue
		}
		c := s.cls[s.find(m.cl)]
		if c.typ != doc.GPE && c.typ != doc.NORP || !s.sceneUse(m) {
			continue
		}
		v := textValue(c.country)
		if v == "" {
			v = firstValue(c.country)
		}
		if v == "" {
			continue
		}
		sent := s.v.toks[m.t0].sent
		add(bySent, sent, v)
		if c.typ == doc.GPE {
			add(placesBySent, sent, v)
		}
		doc1.counts[v]++
		doc1.n++
	}
	pick := func(t *tally, strict bool) string {
		if t == nil {
			return ""
		}
		for v, n := range t.counts {
			if len(t.counts) == 1 || (!strict && 2*n > t.n) {
				return v
			}
		}
		return ""
	}
	for i, c := range s.cls {
		if s.find(i) != i || len(c.ments) == 0 || len(c.country) > 0 || c.narrator || knownCountryless(c.kbIDs) {
			continue
		}
		if c.typ != doc.Person && c.typ != doc.Org && c.typ != doc.NORP {
			continue
		}
		sec := firstValue(c.sector)
		if sec == "" || sec == "IGO" || sec == "NGO" || sec == "BUS" || sec == "MED" {
			continue // firms and media are of any country
		}
		if postedRole(c.roles) {
			continue
		}
		first := -1
		for _, mi := range c.ments {
			m := s.ments[mi]
			if m.kind != doc.MentionPronoun && !m.dropped && (first < 0 || m.t0 < s.ments[first].t0) {
				first = mi
			}
		}
		if first < 0 {
			continue
		}
		m := s.ments[first]
		var v string
		if bystanderRole(c.roles) {
			v = pick(placesBySent[s.v.toks[m.t0].sent], false)
		} else if v = pick(bySent[s.v.toks[m.t0].sent], false); v == "" && !private[sec] {
			v = pick(doc1, true)
		}
		if v != "" {
			c.country = append(c.country, evidence{value: v, how: "context", span: m.Span})
		}
	}
}

// postedRole reports whether any of a cluster's roles is a posted one.
func postedRole(roles []string) bool {
	for _, r := range roles {
		if posted[singular(r)] {
			return true
		}
	}
	return false
}

// knownCountryless reports whether the knowledge base knows a cluster as an
// organisation, seat or person (of no country, since it has none): a
// demonym read as no nation ("ethnic Uzbeks") does not count.
func knownCountryless(ids []string) bool {
	for _, id := range ids {
		if !strings.HasPrefix(id, kb.KindDemonym.String()+"|") {
			return true
		}
	}
	return false
}

// bystanderRole reports whether a cluster is named only as people.
func bystanderRole(roles []string) bool {
	for _, r := range roles {
		if !bystanders[singular(r)] {
			return false
		}
	}
	return len(roles) > 0
}
