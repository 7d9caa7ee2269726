package actor

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"sitrep/doc"
	"sitrep/kb"
)

// union merges cluster b into cluster a (both roots) and returns a.
func (s *state) union(a, b int) int {
	a, b = s.find(a), s.find(b)
	if a == b {
		return a
	}
	if b < a {
		a, b = b, a
	}
	ca, cb := s.cls[a], s.cls[b]
	cb.parent = a
	ca.ments = append(ca.ments, cb.ments...)
	ca.country = append(ca.country, cb.country...)
	ca.sector = append(ca.sector, cb.sector...)
	for _, r := range cb.roles {
		ca.roles = appendUnique(ca.roles, r)
	}
	for _, o := range cb.orgs {
		ca.orgs = appendUnique(ca.orgs, o)
	}
	for _, k := range cb.kbIDs {
		ca.kbIDs = appendUnique(ca.kbIDs, k)
	}
	if ca.gender == "" {
		ca.gender = cb.gender
	}
	if ca.orig == nil {
		ca.orig = cb.orig
	}
	if ca.typ != cb.typ && ca.nominal && !cb.nominal {
		ca.typ = cb.typ
	}
	ca.nominal = ca.nominal && cb.nominal
	ca.personal = ca.personal || cb.personal
	cb.ments, cb.country, cb.sector = nil, nil, nil
	return a
}

// textValue returns the first value found in the text for a cluster's
// country or sector, if any.
func textValue(ev []evidence) string {
	for _, e := range ev {
		if e.text {
			return e.value
		}
	}
	return ""
}

// compatible reports whether two clusters may be one actor: they agree on
// country and sector wherever both have one from the text.
func (s *state) compatible(a, b int) bool {
	ca, cb := s.cls[s.find(a)], s.cls[s.find(b)]
	if x, y := textValue(ca.country), textValue(cb.country); x != "" && y != "" && x != y {
		return false
	}
	if x, y := firstValue(ca.country), firstValue(cb.country); x != "" && y != "" && x != y {
		return false
	}
	if ca.gender != "" && cb.gender != "" && ca.gender != cb.gender {
		return false
	}
	return true
}

func firstValue(ev []evidence) string {
	if len(ev) > 0 {
		return ev[0].value
	}
	return ""
}

// words splits a name into comparable words: case and accents folded,
// possessives and titles dropped.
func (s *state) words(m *mention) []string {
	if m.words != nil {
		return m.words
	}
	out := []string{}
	defer func() { m.words = out }()
	for t := m.t0; t < m.t1; t++ {
		w := s.v.toks[t].text
		if w == "'s" || w == "'" || !isWordish(w) {
			continue
		}
		if _, ok := s.kb.Agent(s.v.toks[t].lower); ok && t < m.t1-1 {
			continue
		}
		out = append(out, fold(w))
	}
	return out
}

// fold lower-cases s and strips its accents.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// acronym returns the initials of a name's capitalised words.
func acronym(ws []string, m *mention, s *state) string {
	var b strings.Builder
	for t := m.t0; t < m.t1; t++ {
		tk := &s.v.toks[t]
		if tk.cap && isWordish(tk.text) {
			r, _ := utf8.DecodeRuneInString(tk.text)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nameMatch reports whether name mention m refers to the same actor as the
// earlier name mention a.
func (s *state) nameMatch(m, a *mention) bool {
	cm, ca := s.cls[s.find(m.cl)], s.cls[s.find(a.cl)]
	for _, x := range cm.kbIDs {
		for _, y := range ca.kbIDs {
			if x == y {
				return true // one knowledge-base entry, whatever the NER typed
			}
		}
	}
	if !typesMatch(cm.typ, ca.typ) {
		return false
	}
	if len(cm.kbIDs) > 0 && len(ca.kbIDs) > 0 {
		return false // known as two different entries
	}
	wm, wa := s.words(m), s.words(a)
	if len(wm) == 0 || len(wa) == 0 {
		return false
	}
	if strings.Join(wm, " ") == strings.Join(wa, " ") {
		return true
	}
	switch cm.typ {
	case doc.Person:
		// "Trump" after "Donald Trump", "Machado" after "María Corina
		// Machado": every word of the shorter is in the longer and the
		// last words agree.
		short, long := wm, wa
		if len(short) > len(long) {
			short, long = long, short
		}
		if short[len(short)-1] != long[len(long)-1] && !(len(short) == 1 && len(long) > 2 && contains(long[1:], short[0])) {
			return false
		}
		for _, w := range short {
			if !contains(long, w) {
				return false
			}
		}
		return true
	case doc.Org, doc.Fac:
		txt := s.d.Slice(m.Span)
		if len(wm) == 1 && strings.ToUpper(txt) == txt && len(txt) >= 2 {
			return acronym(wa, a, s) == txt
		}
		if len(wa) == 1 {
			at := s.d.Slice(a.Span)
			if strings.ToUpper(at) == at && len(at) >= 2 {
				return acronym(wm, m, s) == at
			}
		}
	}
	return false
}

func typesMatch(a, b string) bool {
	if a == b {
		return true
	}
	return (a == doc.Org && b == doc.Fac) || (a == doc.Fac && b == doc.Org)
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// mergeNames merges name mentions of the same actor, each into the most
// recent earlier one that matches.
func (s *state) mergeNames() {
	order := s.orderOf(doc.MentionName)
	for k, mi := range order {
		m := s.ments[mi]
		for j := k - 1; j >= 0 && k-j <= maxLookback; j-- {
			a := s.ments[order[j]]
			if s.find(a.cl) == s.find(m.cl) {
				continue
			}
			if s.nameMatch(m, a) && s.compatible(a.cl, m.cl) {
				s.union(a.cl, m.cl)
				break
			}
		}
	}
}

// orderOf returns the indices of mentions of a kind ("" for all) sorted by
// position.
func (s *state) orderOf(kind string) []int {
	var out []int
	for i, m := range s.ments {
		if !m.dropped && (kind == "" || m.kind == kind) {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return s.ments[out[a]].Start < s.ments[out[b]].Start })
	return out
}

// resolveNominals links each definite nominal mention ("the president",
// "the CIA director", "the administration") to the most recent actor with
// the same role and no conflicting country or organisation.
func (s *state) resolveNominals() {
	order := s.orderOf("")
	for k, mi := range order {
		m := s.ments[mi]
		if m.kind != doc.MentionNominal || m.np == nil || !m.np.definite {
			continue
		}
		np := m.np
		if np.det == "" && len(np.mods) > 0 && np.modHow[0] == "possessive" {
			// "Venezuela's interim president" is definite too.
		}
		role := np.agent.Phrase
		head := headWord(role)
		cm := s.cls[s.find(m.cl)]
		found := false
		for j := k - 1; j >= 0 && k-j <= maxLookback; j-- {
			a := s.ments[order[j]]
			if a.kind == doc.MentionPronoun || a.modifier {
				continue
			}
			ca := s.cls[s.find(a.cl)]
			if s.find(a.cl) == s.find(m.cl) || ca.plural != cm.plural {
				continue
			}
			if !contains(ca.roles, role) && !contains(ca.roles, head) && !(cm.group && a.kind == doc.MentionName && s.nameHasWord(a, head)) {
				continue
			}
			if !typesMatch(ca.typ, cm.typ) && !(ca.typ == doc.Person && cm.typ == doc.Person) {
				if !(cm.group && (ca.typ == doc.Org || ca.typ == doc.Fac)) {
					continue
				}
			}
			if !s.compatible(a.cl, m.cl) || !orgsAgree(ca.orgs, cm.orgs) {
				continue
			}
			s.union(a.cl, m.cl)
			found = true
			break
		}
		if !found && s.r.mem != nil && !np.agent.Plural {
			s.recall(m, cm, s.stripDet(m))
		}
	}
}

// maxLookback bounds how many earlier mentions a name or nominal is
// compared with, so that time stays linear on very long documents.
const maxLookback = 400

// orgsAgree reports whether two role holders' organisations may be the
// same: either names none, or they share one.
func orgsAgree(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

// pronouns maps third-person pronouns to gender ("m", "f", "n" for neuter)
// and number.
var pronouns = map[string]struct {
	gender string
	plural bool
}{
	"he": {"m", false}, "him": {"m", false}, "his": {"m", false}, "himself": {"m", false},
	"she": {"f", false}, "her": {"f", false}, "hers": {"f", false}, "herself": {"f", false},
	"they": {"", true}, "them": {"", true}, "their": {"", true}, "theirs": {"", true}, "themselves": {"", true},
	"its": {"n", false}, "itself": {"n", false},
}

// scanPronouns adds a mention for every third-person pronoun.
func (s *state) scanPronouns() {
	for i := range s.v.toks {
		t := &s.v.toks[i]
		if t.ment >= 0 || t.blocked {
			continue
		}
		if fp, ok := firstPerson[t.lower]; ok && (t.upos == "" || t.upos == "PRON" || t.upos == "DET") && (t.text != "US" && t.text != "Us") {
			m := &mention{Span: t.Span, t0: i, t1: i + 1, kind: doc.MentionPronoun, pron: t.lower, plural: fp, first: true, cl: -1}
			m.second = t.lower == "you" || t.lower == "your" || t.lower == "yours" || t.lower == "yourself" || t.lower == "yourselves"
			if m.second {
				m.plural = false
			}
			s.ments = append(s.ments, m)
			continue
		}
		p, ok := pronouns[t.lower]
		if !ok || (t.upos != "" && t.upos != "PRON" && t.upos != "DET") {
			continue
		}
		if t.cap && !isSentenceStart(s.v.toks, i) && t.text != "He" && t.text != "She" && t.text != "They" {
			continue
		}
		if t.text == "US" {
			continue
		}
		m := &mention{Span: t.Span, t0: i, t1: i + 1, kind: doc.MentionPronoun, pron: t.lower, gender: p.gender, plural: p.plural}
		m.neuter = p.gender == "n"
		m.cl = -1
		s.ments = append(s.ments, m)
	}
}

// firstPerson maps first-person pronouns to their number.
var firstPerson = map[string]bool{
	"i": false, "me": false, "my": false, "mine": false, "myself": false,
	"we": true, "us": true, "our": true, "ours": true, "ourselves": true,
	"you": false, "your": false, "yours": false, "yourself": false, "yourselves": false,
}

// pronounWindow is how many sentences back a pronoun's antecedent is sought.
const pronounWindow = 2

// resolvePronouns links each pronoun to the most likely earlier mention of
// an actor of matching gender and number, by recency and salience (being
// the subject, being named, being mentioned often). A pronoun with no
// suitable antecedent is dropped.
func (s *state) resolvePronouns() {
	order := s.orderOf("")
	firstInSent := map[int]int{} // sentence -> first actor mention's index in order
	for k, mi := range order {
		m := s.ments[mi]
		if m.kind == doc.MentionPronoun || m.modifier {
			continue
		}
		sent := s.v.toks[m.t0].sent
		if _, ok := firstInSent[sent]; !ok {
			firstInSent[sent] = k
		}
	}
	for k, mi := range order {
		p := s.ments[mi]
		if p.kind != doc.MentionPronoun || p.first {
			continue
		}
		psent := s.v.toks[p.t0].sent
		best, bestScore := -1, -1e9
		for j := k - 1; j >= 0 && k-j <= 60; j-- {
			a := s.ments[order[j]]
			if a.cl < 0 || a.first {
				continue
			}
			asent := s.v.toks[a.t0].sent
			if psent-asent > pronounWindow {
				break
			}
			if a.t1 > p.t0 {
				continue // a mention containing the pronoun
			}
			c := s.cls[s.find(a.cl)]
			if !s.agrees(p, a, c) {
				continue
			}
			score := 100.0 - 35*float64(psent-asent)
			if firstInSent[asent] == j || s.v.toks[a.t0].deprel == "nsubj" {
				score += 20
			}
			switch a.kind {
			case doc.MentionName:
				score += 6
			case doc.MentionPronoun:
				score += 4
			}
			score += float64(min(len(c.ments), 6))
			score -= float64(min(p.t0-a.t1, 60)) / 6
			if a.modifier {
				score -= 30
			}
			if p.plural && !c.plural && !c.group {
				score -= 25 // "they" for a named organisation, only failing a group
			}
			if score > bestScore {
				best, bestScore = order[j], score
			}
		}
		if best < 0 {
			continue
		}
		a := s.ments[best]
		cl := s.find(a.cl)
		p.cl = cl
		s.cls[cl].ments = append(s.cls[cl].ments, mi)
		if s.cls[cl].gender == "" && (p.gender == "m" || p.gender == "f") && s.cls[cl].typ == doc.Person {
			s.cls[cl].gender = p.gender
		}
	}
}

// agrees reports whether pronoun p may refer to mention a of cluster c.
func (s *state) agrees(p, a *mention, c *cluster) bool {
	switch {
	case p.plural:
		if c.plural {
			return true
		}
		return c.group || ((c.typ == doc.Org || c.typ == doc.NORP) && a.kind != doc.MentionPronoun)
	case p.neuter:
		if c.plural || c.typ == doc.Person || c.typ == doc.NORP {
			return false
		}
		return c.typ == doc.Org || c.typ == doc.GPE || c.typ == doc.Fac
	default:
		if c.typ != doc.Person || c.plural {
			return false
		}
		if a.kind == doc.MentionPronoun && a.gender != p.gender {
			return false
		}
		return c.gender == "" || c.gender == p.gender
	}
}

// decide picks a cluster's code from its evidence: text before lists, and
// a problem recorded when they disagree.
func (s *state) decide(c *cluster, name string, what string, ev []evidence) string {
	if len(ev) == 0 {
		return ""
	}
	var chosen *evidence
	for i := range ev {
		if ev[i].text {
			chosen = &ev[i]
			break
		}
	}
	if chosen == nil {
		chosen = &ev[0]
	}
	for i := range ev {
		e := &ev[i]
		if e.value == chosen.value || e == chosen {
			continue
		}
		if !e.text && chosen.text && e.how == "kb" || e.text || e.how == "memory" {
			s.d.Problems.Add(StageName, e.span, "conflicting %s for %q: %s (%s at %s) kept, %s (%s) also given",
				what, name, chosen.value, chosen.how, chosen.span, e.value, e.how)
			break
		}
	}
	return chosen.value
}

// output rebuilds d.Entities from the clusters and returns the facts.
func (s *state) output() []Fact {
	type outEnt struct {
		e          doc.Entity
		first, end int
		c          *cluster
	}
	var outs []outEnt
	for i, c := range s.cls {
		if s.find(i) != i || len(c.ments) == 0 {
			continue
		}
		var ms []doc.Mention
		seen := map[doc.Span]bool{}
		longest, longestLen := "", -1
		firstNominal := ""
		idx := append([]int(nil), c.ments...)
		sort.Slice(idx, func(a, b int) bool { return s.ments[idx[a]].Start < s.ments[idx[b]].Start })
		for _, mi := range idx {
			m := s.ments[mi]
			if seen[m.Span] {
				continue
			}
			seen[m.Span] = true
			ms = append(ms, doc.Mention{Span: m.Span, Kind: m.kind})
			txt := s.d.Slice(m.Span)
			switch m.kind {
			case doc.MentionName:
				clean := strings.TrimSuffix(strings.TrimSuffix(txt, "'s"), "’s")
				if n := len(clean); n > longestLen {
					longest, longestLen = clean, n
				}
			case doc.MentionNominal:
				if t := s.stripDet(m); len(t) > len(firstNominal) {
					firstNominal = t
				}
			}
		}
		if len(ms) == 0 {
			continue
		}
		name := longest
		if name == "" {
			name = firstNominal
		}
		if name == "" {
			if !c.narrator {
				continue // only pronouns: nothing to name
			}
			name = s.d.Slice(s.ments[idx[0]].Span) // the narrator: "I", "we"
		}
		e := doc.Entity{Type: c.typ, Name: name, Mentions: ms}
		if c.orig != nil {
			e.Place = c.orig.Place
		}
		country := s.decide(c, e.Name, "country", c.country)
		sector := s.decide(c, e.Name, "sector", c.sector)
		if country != "" || sector != "" {
			e.Actor = &doc.Actor{Country: country, Sector: sector, Code: country + sector}
		}
		outs = append(outs, outEnt{e: e, first: ms[0].Start, end: ms[0].End, c: c})
	}
	for _, e := range s.other {
		if e.Actor == nil {
			e.Actor = s.placeActor(&e)
		}
		first, end := len(s.d.Text), len(s.d.Text)
		if len(e.Mentions) > 0 {
			first, end = e.Mentions[0].Start, e.Mentions[0].End
		}
		outs = append(outs, outEnt{e: e, first: first, end: end})
	}
	sort.SliceStable(outs, func(a, b int) bool {
		if outs[a].first != outs[b].first {
			return outs[a].first < outs[b].first
		}
		return outs[a].end < outs[b].end
	})
	s.d.Entities = make([]doc.Entity, len(outs))
	var facts []Fact
	for i := range outs {
		e := outs[i].e
		e.ID = fmt.Sprintf("e%d", i+1)
		s.d.Entities[i] = e
		c := outs[i].c
		if c == nil || e.Actor == nil {
			continue
		}
		for _, ev := range c.sector {
			if ev.text {
				facts = append(facts, Fact{Entity: e.ID, Name: e.Name, Type: e.Type, Actor: *e.Actor, Role: ev.role,
					Gender: c.gender, Evidence: ev.span, How: ev.how, Seen: s.at})
				break
			}
		}
	}
	return facts
}

// stripDet returns a nominal mention's text without its determiner.
func (s *state) stripDet(m *mention) string {
	t0 := m.t0
	if m.np != nil && m.np.det != "" && t0 < m.t1-1 && determiners[s.v.toks[t0].lower] {
		t0++
	}
	return s.d.Text[s.v.toks[t0].Start:m.End]
}

// nameHasWord reports whether an organisation's name, or any name the
// knowledge base gives it, ends with word: "the agency" can be the Central
// Intelligence Agency, "the ministry" the Foreign Ministry.
func (s *state) nameHasWord(a *mention, word string) bool {
	if ws := s.words(a); len(ws) > 1 && singular(ws[len(ws)-1]) == word {
		return true
	}
	for _, e := range a.entries {
		if e.Kind != kb.KindOrg {
			continue
		}
		for _, n := range e.Names {
			if i := strings.LastIndexByte(n, ' '); i >= 0 && singular(fold(n[i+1:])) == word {
				return true
			}
		}
	}
	return false
}
