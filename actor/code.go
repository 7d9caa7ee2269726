package actor

import (
	"strings"

	"sitrep/doc"
	"sitrep/kb"
)

// nameEntries returns the knowledge-base entries for a name mention whose
// kind suits the mention's type, trying the text as it is, without a
// leading "the", and without a trailing possessive.
func (s *state) nameEntries(m *mention, typ string) []*kb.Entry {
	es := m.entries
	if es == nil {
		t0, t1 := m.t0, m.t1
		toks := s.v.toks
		if t1 > t0 && (toks[t1-1].text == "'s" || toks[t1-1].text == "'") {
			t1--
		}
		for t0 < t1 && (toks[t0].lower == "the") {
			t0++
		}
		if t0 < t1 {
			es = s.kb.Names(string(s.keyBytes(t0, t1, false)))
			if es == nil && t1-t0 > 1 {
				es = s.kb.Names(string(s.keyBytes(m.t0, t1, false)))
			}
		}
	}
	var out []*kb.Entry
	for _, e := range es {
		ok := false
		switch typ {
		case doc.Person:
			ok = e.Kind == kb.KindPerson
		case doc.GPE:
			ok = e.Kind == kb.KindCountry || e.Kind == kb.KindCapital || e.Kind == kb.KindDemonym
		case doc.NORP:
			ok = e.Kind == kb.KindDemonym || e.Kind == kb.KindCountry || e.Kind == kb.KindOrg
		default:
			ok = e.Kind == kb.KindOrg || e.Kind == kb.KindSeat || e.Kind == kb.KindCountry || e.Kind == kb.KindCapital
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// chooseEntries keeps the entries in force at the document's date: for a
// person, the terms covering it (or the latest when the date is unknown).
// inOffice is false when the entries name someone out of office then.
func (s *state) chooseEntries(es []*kb.Entry) (out []*kb.Entry, inOffice bool) {
	var covering []*kb.Entry
	for _, e := range es {
		if e.Covers(s.at) {
			covering = append(covering, e)
		}
	}
	if len(covering) == 0 {
		return es, false
	}
	if s.at.IsZero() && len(covering) > 1 {
		// Date unknown: what still holds wins over what has ended
		// ("Juba" is South Sudan's, not Sudan's).
		var open []*kb.Entry
		for _, e := range covering {
			if e.To.IsZero() {
				open = append(open, e)
			}
		}
		if len(open) > 0 {
			covering = open
		}
	}
	if s.at.IsZero() && len(covering) > 1 {
		// Date unknown: prefer each person's latest term.
		latest := map[string]*kb.Entry{}
		var order []string
		for _, e := range covering {
			old, ok := latest[e.ID]
			if !ok {
				order = append(order, e.ID)
			}
			if !ok || (e.To.IsZero() && !old.To.IsZero()) || e.From.After(old.From) {
				latest[e.ID] = e
			}
		}
		covering = covering[:0]
		for _, id := range order {
			covering = append(covering, latest[id])
		}
	}
	return covering, true
}

// agreed returns the value every entry agrees on, or "" with ambiguous true
// when they disagree.
func agreed(es []*kb.Entry, f func(*kb.Entry) string) (v string, ambiguous bool) {
	for i, e := range es {
		x := f(e)
		if i == 0 {
			v = x
		} else if x != v {
			return "", true
		}
	}
	return v, false
}

// codeNames codes every name mention from the knowledge base, from the
// words inside the name, and from the memory.
func (s *state) codeNames() {
	for idx, m := range s.ments {
		if m.kind != doc.MentionName || m.dropped {
			continue
		}
		c := s.cls[m.cl]
		es := s.nameEntries(m, c.typ)
		if c.typ == doc.Person && len(es) == 0 && m.t1-m.t0 > 1 {
			s.innerTitle(idx)
			continue
		}
		if len(es) == 0 && (c.typ == doc.Org || c.typ == doc.Person || c.typ == doc.Fac) {
			s.premodCountry(m, c)
		}
		if len(es) == 0 {
			switch c.typ {
			case doc.Org, doc.Fac, doc.NORP:
				s.innerOrg(idx)
			case doc.Person:
				s.personGender(m, c)
			}
			if len(c.country) == 0 && len(c.sector) == 0 && s.r.mem != nil && (c.typ == doc.Person || c.typ == doc.Org) {
				s.recall(m, c, s.d.Slice(m.Span))
			}
			continue
		}
		es, inOffice := s.chooseEntries(es)
		m.entries = es
		for _, e := range es {
			c.kbIDs = appendUnique(c.kbIDs, e.Kind.String()+"|"+e.ID)
		}
		country, amb := agreed(es, func(e *kb.Entry) string { return e.Country })
		if amb {
			s.d.Problems.Add(StageName, m.Span, "%q names entries of different countries in the knowledge base; left to the text", s.d.Slice(m.Span))
		}
		if country != "" && !(es[0].Kind == kb.KindDemonym && m.t0 > 0 && s.v.toks[m.t0-1].lower == "ethnic") {
			// "ethnic Albanians" names a people, not a nation: where they
			// live comes from the context.
			c.country = append(c.country, evidence{value: country, how: "kb", span: m.Span})
		}
		sector, _ := agreed(es, func(e *kb.Entry) string { return e.Sector })
		if es[0].Kind == kb.KindCapital && !s.locative(m.t0) {
			sector = "GOV"
		}
		if sector != "" && (inOffice || es[0].Kind != kb.KindPerson) {
			c.sector = append(c.sector, evidence{value: sector, how: "kb", span: m.Span})
		}
		if g, _ := agreed(es, func(e *kb.Entry) string { return e.Gender }); g != "" {
			c.gender = g
		}
		if es[0].Kind == kb.KindPerson {
			c.personal = true
			if r, _ := agreed(es, func(e *kb.Entry) string { return e.Role }); r != "" && inOffice {
				c.roles = appendUnique(c.roles, strings.ReplaceAll(r, "-", " "))
				c.roles = appendUnique(c.roles, headWord(strings.ReplaceAll(r, "-", " ")))
			}
		}
		if es[0].Kind == kb.KindDemonym && strings.HasSuffix(s.v.toks[m.t1-1].lower, "s") && !strings.HasSuffix(s.v.toks[m.t1-1].lower, "ss") {
			// "Venezuelans", "Iraqi Kurds": a nation's people, as civilians.
			c.plural = true
			if !m.modifier && (m.t1 >= len(s.v.toks) || !s.v.toks[m.t1].cap) {
				c.sector = append(c.sector, evidence{value: "CVL", how: "kb", span: m.Span})
			}
		}
	}
}

// locative reports whether the token before t is a preposition of place, so
// a capital there is a place, not its government.
func (s *state) locative(t int) bool {
	if t == 0 {
		return false
	}
	p := &s.v.toks[t-1]
	return locatives[p.lower] && p.sent == s.v.toks[t].sent
}

// personGender sets a person's gender from a given name the knowledge base
// knows, or a courtesy title.
func (s *state) personGender(m *mention, c *cluster) {
	if c.gender != "" {
		return
	}
	if g := s.kb.Gender(s.v.toks[m.t0].text); g != "" {
		c.gender = g
	}
}

// innerTitle codes a person name mention that begins with its own title,
// as NER spans sometimes do ("President Donald Trump", "Venezuelan
// opposition leader María Corina Machado"): the title words are read as a
// title of the rest.
func (s *state) innerTitle(idx int) {
	m := s.ments[idx]
	c := s.cls[m.cl]
	toks := s.v.toks
	// Find the last agent phrase among the leading words.
	end, headStart := -1, -1
	var agent *kb.Agent
	for i := m.t0; i < m.t1-1; i++ {
		if j, a := s.agentAtAny(i, m.t1-1); a != nil {
			end, headStart, agent = j, i, a
			i = j - 1
			continue
		}
		if es := s.kb.Names(toks[i].text); len(es) > 0 || premodifiers[toks[i].lower] || toks[i].text == "'s" {
			continue
		}
		if end < 0 {
			break
		}
		break
	}
	if agent == nil || end >= m.t1 {
		// Plain name: look the last part up ("Trump" of "Donald Trump" is
		// not enough — only the whole name or its known aliases count).
		s.personGender(m, c)
		if s.r.mem != nil && len(c.country) == 0 {
			s.recall(m, c, s.d.Slice(m.Span))
		}
		return
	}
	np := &titleNP{a0: headStart, a1: end, agent: agent, start: m.t0, end: end, target: idx, how: "title", ment: -1, fromInside: true}
	for i := m.t0; i < headStart; i++ {
		if es := s.kb.Names(toks[i].text); len(es) > 0 {
			np.mods = append(np.mods, -1-i) // a token, not a mention
			np.modHow = append(np.modHow, "title")
		}
		if b, ok := s.kb.Agent(toks[i].lower); ok && b.Sector != "" {
			np.modAgents = append(np.modAgents, b)
		}
		if toks[i].lower == "former" {
			np.former = true
		}
	}
	s.title = append(s.title, np)
	// The rest of the name may be known by itself.
	rest := s.kb.Names(string(s.keyBytes(end, m.t1, false)))
	var persons []*kb.Entry
	for _, e := range rest {
		if e.Kind == kb.KindPerson {
			persons = append(persons, e)
		}
	}
	if len(persons) > 0 {
		m.entries = persons
		s.codeOne(idx)
		return
	}
	if g := s.kb.Gender(toks[end].text); g != "" {
		c.gender = g
	}
}

// codeOne codes a single name mention whose entries are set.
func (s *state) codeOne(idx int) {
	m := s.ments[idx]
	c := s.cls[m.cl]
	es, inOffice := s.chooseEntries(m.entries)
	for _, e := range es {
		c.kbIDs = appendUnique(c.kbIDs, e.Kind.String()+"|"+e.ID)
	}
	if country, _ := agreed(es, func(e *kb.Entry) string { return e.Country }); country != "" {
		c.country = append(c.country, evidence{value: country, how: "kb", span: m.Span})
	}
	if sector, _ := agreed(es, func(e *kb.Entry) string { return e.Sector }); sector != "" && inOffice {
		c.sector = append(c.sector, evidence{value: sector, how: "kb", span: m.Span})
	}
	if g, _ := agreed(es, func(e *kb.Entry) string { return e.Gender }); g != "" {
		c.gender = g
	}
}

// agentAtAny is agentAt over tokens [i, limit) regardless of marks.
func (s *state) agentAtAny(i, limit int) (int, *kb.Agent) {
	maxJ := min(limit, i+s.kb.MaxAgentWords())
	for j := maxJ; j > i; j-- {
		if a, ok := s.kb.Agent(string(s.keyBytes(i, j, true))); ok {
			return j, a
		}
	}
	return i, nil
}

// innerOrg codes an organisation the knowledge base does not know from the
// words of its name: a country or demonym in it gives the country
// ("Canadian Security Intelligence Service"), its last agent noun the
// sector.
func (s *state) innerOrg(idx int) {
	m := s.ments[idx]
	c := s.cls[m.cl]
	var sector *kb.Agent
	var org []*kb.Entry
	for i := m.t0; i < m.t1; i++ {
		if j, es := s.namesWithin(i, m.t1); es != nil {
			country, _ := agreed(es, func(e *kb.Entry) string { return e.Country })
			if country != "" && (es[0].Kind == kb.KindCountry || es[0].Kind == kb.KindDemonym || es[0].Kind == kb.KindCapital) {
				c.country = append(c.country, evidence{value: country, how: "name", text: true, span: m.Span})
			}
			if es[0].Kind == kb.KindOrg && org == nil && j-i > 0 {
				// A known organisation inside a name the NER drew too
				// wide: "pro-Iranian Hizbollah (Party of God".
				org = es
			}
			i = j - 1
			continue
		}
		if j, a := s.agentAtAny(i, m.t1); a != nil {
			if a.Sector != "" {
				sector = a
			}
			i = j - 1
		}
	}
	if org != nil {
		if country, _ := agreed(org, func(e *kb.Entry) string { return e.Country }); country != "" {
			c.country = append(c.country, evidence{value: country, how: "kb", span: m.Span})
		}
		if sec, _ := agreed(org, func(e *kb.Entry) string { return e.Sector }); sec != "" {
			c.sector = append(c.sector, evidence{value: sec, how: "kb", span: m.Span})
		}
		for _, e := range org {
			c.kbIDs = appendUnique(c.kbIDs, e.Kind.String()+"|"+e.ID)
		}
	}
	if sector != nil && org == nil {
		c.sector = append(c.sector, evidence{value: sector.Sector, how: "name", text: true, span: m.Span, role: sector.Phrase})
		c.roles = appendUnique(c.roles, sector.Phrase)
		c.roles = appendUnique(c.roles, headWord(sector.Phrase))
	}
}

// namesWithin is lookupName bounded by limit and ignoring marks.
func (s *state) namesWithin(i, limit int) (int, []*kb.Entry) {
	maxJ := min(limit, i+s.kb.MaxWords())
	for j := maxJ; j > i; j-- {
		if es := s.kb.Names(string(s.keyBytes(i, j, false))); len(es) > 0 {
			return j, es
		}
	}
	return i, nil
}

// recall consults the memory for a name nothing else codes, or for a
// definite role phrase ("interim president") no earlier mention explains.
func (s *state) recall(m *mention, c *cluster, name string) {
	ks := s.r.mem.Lookup(name, s.at)
	if len(ks) == 0 {
		return
	}
	k := ks[0]
	if k.Actor.Country != "" {
		c.country = append(c.country, evidence{value: k.Actor.Country, how: "memory", span: m.Span})
	}
	if k.Actor.Sector != "" {
		c.sector = append(c.sector, evidence{value: k.Actor.Sector, how: "memory", span: m.Span, role: k.Role})
	}
	if k.Role != "" {
		c.roles = appendUnique(c.roles, k.Role)
		c.roles = appendUnique(c.roles, headWord(k.Role))
	}
	if c.gender == "" {
		c.gender = k.Gender
	}
}

// mentionCountry returns the country a modifier mention stands for: its
// knowledge-base country, or the country its own cluster has from the text.
func (s *state) modCountry(mi int) (country, sector string, orgID string) {
	if mi < 0 {
		// A token inside a name (innerTitle).
		t := -1 - mi
		es := s.kb.Names(strings.TrimSuffix(s.v.toks[t].text, "-led"))
		country, _ = agreed(es, func(e *kb.Entry) string { return e.Country })
		if len(es) > 0 && (es[0].Kind == kb.KindOrg || es[0].Kind == kb.KindSeat) {
			sector, _ = agreed(es, func(e *kb.Entry) string { return e.Sector })
			orgID = es[0].ID
		}
		return country, sector, orgID
	}
	m := s.ments[mi]
	c := s.cls[s.find(m.cl)]
	for _, e := range c.country {
		country = e.value
		break
	}
	if c.typ == doc.Org || c.typ == doc.Fac {
		for _, e := range c.sector {
			sector = e.value
			break
		}
		if len(m.entries) > 0 {
			orgID = m.entries[0].ID
		} else {
			orgID = "name:" + strings.ToLower(s.d.Slice(m.Span))
		}
	}
	if c.typ == doc.GPE && len(m.entries) > 0 && m.entries[0].Kind == kb.KindCapital {
		sector = "" // "Caracas's mayor" says where, not which sector
	}
	return country, sector, orgID
}

// govLike sectors are the ones an organisation modifier overrides: a
// "CIA director" is intelligence, a "UN envoy" an international official.
var govLike = map[string]bool{"GOV": true, "": true}

// applyTitles turns every agent phrase into evidence for the mention it
// titles or for its own nominal mention.
func (s *state) applyTitles() {
	for _, np := range s.title {
		country, csrc := "", ""
		var orgSector, orgID string
		for k, mi := range np.mods {
			c, sec, id := s.modCountry(mi)
			how := np.modHow[k]
			if c != "" && (country == "" || (how != "title" && csrc == "title")) {
				country, csrc = c, how
			}
			if sec != "" && orgSector == "" {
				orgSector, orgID = sec, id
			}
		}
		sector := np.agent.Sector
		weak := np.agent.Weak || sector == ""
		if orgSector != "" && (weak || govLike[sector]) {
			sector = orgSector
		} else if weak {
			for _, b := range np.modAgents {
				if b.Sector != "" {
					sector = b.Sector
					break
				}
			}
		}
		if np.former && (sector == "GOV" || sector == "MIL" || sector == "LEG" || sector == "JUD") {
			sector = "ELI"
		}
		var target int
		how := np.how
		switch {
		case np.target >= 0:
			target = np.target
			if how == "title" && np.fromInside {
				how = "title"
			}
		case np.ment >= 0:
			target = np.ment
		default:
			continue
		}
		m := s.ments[target]
		c := s.cls[m.cl]
		span := doc.Span{Start: s.v.toks[np.start].Start, End: s.v.toks[np.end-1].End}
		if np.target >= 0 && how == "apposition" {
			// The appositive phrase is a mention of the same actor.
			nm := &mention{Span: span, t0: np.start, t1: np.end, kind: doc.MentionNominal, np: np}
			s.addMention(nm, c.typ, m.cl)
			span = doc.Span{Start: min(span.Start, m.Start), End: max(span.End, m.End)}
		}
		if how == "title" && np.target >= 0 {
			if !np.fromInside && (np.a1 == m.t0 || np.portfolio) {
				// "CIA Director" in "CIA Director John Ratcliffe" refers to
				// him too.
				nm := &mention{Span: span, t0: np.start, t1: np.end, kind: doc.MentionNominal, np: np}
				s.addMention(nm, c.typ, m.cl)
			}
			span.End = max(span.End, m.End)
		}
		if country != "" {
			c.country = append(c.country, evidence{value: country, how: how, text: true, span: span})
		}
		if sector != "" {
			c.sector = append(c.sector, evidence{value: sector, how: how, text: true, span: span, role: np.agent.Phrase})
		}
		c.roles = appendUnique(c.roles, np.agent.Phrase)
		c.roles = appendUnique(c.roles, headWord(np.agent.Phrase))
		if orgID != "" {
			c.orgs = appendUnique(c.orgs, orgID)
		}
		if np.agent.Gender != "" && c.gender == "" {
			c.gender = np.agent.Gender
		}
		if c.typ == doc.Person {
			c.personal = true
		}
	}
}

// headWord returns the last word of a phrase, without a plural s.
func headWord(p string) string {
	if i := strings.LastIndexAny(p, " -"); i >= 0 {
		p = p[i+1:]
	}
	return singular(p)
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// premodCountry gives a name the country of a place or nationality name
// right before it: "U.S. Special Forces", "Venezuelan gang Tren de Aragua"
// reach here as "U.S." + "Special Forces" when the NER splits them.
func (s *state) premodCountry(m *mention, c *cluster) {
	toks := s.v.toks
	k := m.t0 - 1
	if k < 0 || toks[k].sent != toks[m.t0].sent {
		return
	}
	if toks[k].text == "'s" && k > 0 {
		k--
	}
	mi := toks[k].ment
	if mi < 0 || s.ments[mi].kind != doc.MentionName || s.ments[mi].t1 != k+1 && toks[k+1].text != "'s" {
		return
	}
	pm := s.ments[mi]
	es := pm.entries
	if es == nil {
		es = s.kb.Names(string(s.keyBytes(pm.t0, pm.t1, false)))
	}
	if len(es) == 0 || (es[0].Kind != kb.KindCountry && es[0].Kind != kb.KindDemonym) {
		return
	}
	if country, amb := agreed(es, func(e *kb.Entry) string { return e.Country }); !amb && country != "" {
		c.country = append(c.country, evidence{value: country, how: "title", text: true, span: doc.Span{Start: pm.Start, End: m.End}})
		pm.modifier = true
	}
}
