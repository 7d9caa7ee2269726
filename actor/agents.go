package actor

import (
	"strings"

	"sitrep/doc"
	"sitrep/kb"
)

// titleNP is a phrase headed by an agent noun: "Venezuela's interim
// president", "U.S. officials", "the CIA director". It either titles a
// named person or organisation (target >= 0) or stands as a nominal mention
// of its own (ment >= 0).
type titleNP struct {
	a0, a1     int // the agent noun's tokens
	agent      *kb.Agent
	start, end int      // the phrase's tokens, modifiers and "of X" included
	det        string   // the determiner, lower case, or ""
	definite   bool     // "the", a demonstrative or a possessive
	mods       []int    // name mentions modifying the head
	modHow     []string // "title", "possessive" or "of", per mod
	modAgents  []*kb.Agent
	former     bool
	target     int    // the mention it titles, or -1
	how        string // "title", "apposition" or "nominal"
	ment       int    // its own mention, or -1
	fromInside bool   // the title is inside a name mention ("President Donald Trump")
	portfolio  bool   // "for PORTFOLIO" stands between the title and the name
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "my": true,
	"some": true, "many": true, "several": true, "two": true, "three": true, "four": true, "five": true,
	"other": false, "any": true, "no": true, "all": true, "both": true, "each": true, "every": true,
	"whose": true, "which": true, "one": true, "dozens": true, "hundreds": true, "thousands": true,
}

var definiteDets = map[string]bool{
	"the": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "my": true,
}

// premodifiers are lower-case words allowed between a determiner and an
// agent noun when the text is untagged.
var premodifiers = map[string]bool{
	"interim": true, "acting": true, "former": true, "new": true, "senior": true, "top": true,
	"deputy": true, "foreign": true, "local": true, "federal": true, "national": true, "regional": true,
	"provincial": true, "state": true, "elected": true, "outgoing": true, "incoming": true,
	"current": true, "then": true, "late": true, "exiled": true, "jailed": true, "detained": true,
	"embattled": true, "powerful": true, "prominent": true, "key": true, "leading": true, "main": true,
	"other": true, "anonymous": true, "unnamed": true, "unidentified": true, "ruling": true,
	"western": true, "eastern": true, "northern": true, "southern": true, "high-ranking": true,
	"high-level": true, "retired": true, "supreme": true, "assistant": true, "associate": true,
	"democratic": true, "republican": true, "conservative": true, "liberal": true, "hardline": true,
	"moderate": true, "radical": true, "islamist": true, "communist": true, "socialist": true,
	"nationalist": true, "ethnic": true, "armed": true, "agency": true, "trade": true, "economy": true,
	"energy": true, "health": true, "education": true, "oil": true, "drug": true, "criminal": true,
	"defense": true, "defence": true, "security": true, "intelligence": true, "military": true,
	"government": true, "opposition": true, "police": true, "army": true, "rebel": true, "party": true,
	"pro-government": true, "anti-government": true, "kurdish": true, "muslim": true, "christian": true,
	"sunni": true, "shiite": true, "shia": true, "arab": true, "chief": true, "general": true,
	"longtime": true, "veteran": true, "young": true, "junior": true, "fellow": true, "sister": true,
	"several": false, "u.n.": true, "sitting": true, "self-declared": true, "self-proclaimed": true,
}

// timeWords end a noun phrase's premodifiers: "the same day President
// Donald Trump" has no "day" in its title.
var timeWords = map[string]bool{
	"day": true, "week": true, "month": true, "year": true, "time": true, "today": true, "weekend": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "same": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"yesterday": true, "tomorrow": true, "tonight": true, "hour": true, "minute": true, "moment": true,
}

// locatives mark a place read as a place, not as the government it hosts.
var locatives = map[string]bool{
	"in": true, "to": true, "at": true, "from": true, "into": true, "near": true, "outside": true,
	"toward": true, "towards": true, "across": true, "around": true, "via": true, "through": true,
	"inside": true, "throughout": true, "of": true, "on": true, "visit": true, "visited": true,
}

// agentAt returns the longest agent phrase starting at token i, made only
// of tokens no name covers and inside one sentence, and its end.
func (s *state) agentAt(i int) (int, *kb.Agent) {
	toks := s.v.toks
	maxJ := min(len(toks), i+s.kb.MaxAgentWords())
	for j := i + 1; j <= maxJ; j++ {
		if toks[j-1].ment >= 0 || toks[j-1].blocked || len(toks[j-1].text) > maxTokenLen || toks[j-1].sent != toks[i].sent {
			maxJ = j - 1
			break
		}
	}
	for j := maxJ; j > i; j-- {
		if a, ok := s.kb.Agent(string(s.keyBytes(i, j, true))); ok {
			return j, a
		}
	}
	return i, nil
}

// nounLike reports whether a tagged token is a noun or adjective that a
// preceding word could modify.
func nounLike(t *tok) bool {
	return t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "ADJ"
}

// nounish reports whether token t may head a noun phrase.
func nounish(t *tok) bool {
	switch t.upos {
	case "", "NOUN", "PROPN":
		return true
	}
	return false
}

// scanAgents finds every agent phrase outside names and decides whether it
// titles a name or stands as a nominal mention.
func (s *state) scanAgents() {
	toks := s.v.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].ment >= 0 || toks[i].blocked || len(toks[i].text) > maxTokenLen {
			continue
		}
		j, a := s.agentAt(i)
		if a == nil {
			continue
		}
		head := &toks[j-1]
		if !nounish(head) && !(head.upos == "ADJ" && (j >= len(toks) || !nounLike(&toks[j]))) {
			continue
		}
		if a.Title {
			// A title-only word must be written as a title, before a name.
			if !toks[i].cap || j >= len(toks) || !(toks[j].cap || toks[j].ment >= 0) {
				continue
			}
		}
		// An agent noun right before another agent noun modifies it
		// ("government forces", "police officers"): the second one heads.
		if j < len(toks) && toks[j].ment < 0 && toks[j].sent == toks[i].sent {
			if k, b := s.agentAt(j); b != nil && !b.Title && (nounish(&toks[k-1]) || k >= len(toks) || !nounLike(&toks[k])) {
				continue
			}
			if toks[j].upos == "NOUN" && !toks[j].cap && a.Group && !a.Plural && !timeWords[toks[j].lower] {
				continue // "firm demands", "police station": a noun modifier
			}
			if head.upos == "" && !toks[j].cap && isLowerWord(toks[j].text) && !functionWords[toks[j].lower] && !strings.HasSuffix(toks[j].lower, "ed") && adjectival[a.Phrase] {
				continue // "military exercises", untagged
			}
		}
		np := s.phrase(i, j, a)
		if np.how == "nominal" && a.Group && !a.Plural && np.det == "" && len(np.mods) == 0 && np.start == i && !toks[i].cap &&
			(i == 0 || toks[i-1].sent != toks[i].sent || toks[i-1].text == "," || toks[i-1].lower == "and" || toks[i-1].lower == "or") {
			// A bare singular collective ("intelligence", "media") names
			// a field more often than a body: no mention.
			s.unmention(np.ment)
			continue
		}
		s.title = append(s.title, np)
		i = max(i, np.end-1)
		if np.how == "nominal" {
			i = j - 1
		}
	}
}

// adjectival agent nouns double as adjectives or noun modifiers.
var adjectival = map[string]bool{
	"military": true, "intelligence": true, "opposition": true, "police": true, "security forces": true,
	"government": true, "rebel": true, "army": true, "media": true, "court": true, "party": true,
	"union": true, "network": true, "television": true, "civilian": true, "gang": true, "cartel": true,
	"militia": true, "navy": true, "congress": true, "parliament": true, "senate": true, "state department": true,
	"presidency": true, "administration": true, "firm": true, "cabinet": true, "press": true, "bank": true, "company": true,
	"children": true, "student": true, "refugee": true, "migrant": true, "terrorist": true, "criminal": true,
	"drug": true, "national": true, "staff": true, "personnel": true, "ministry": true, "minister": true, "president": true, "leader": true, "human rights group": true,
}

// functionWords follow a noun phrase's head; an agent noun before one of
// them heads its phrase rather than modifying the next word.
var functionWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "can": true, "could": true, "may": true, "might": true, "must": true, "should": true,
	"said": true, "says": true, "say": true, "told": true, "and": true, "or": true, "but": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "from": true, "with": true, "by": true,
	"that": true, "which": true, "who": true, "whose": true, "as": true, "than": true, "also": true,
	"did": true, "does": true, "do": true, "not": true, "been": true, "be": true, "being": true, "into": true,
	"over": true, "after": true, "before": true, "during": true, "against": true, "about": true, "under": true,
	"then": true, "now": true, "still": true, "later": true, "today": true, "yesterday": true, "when": true,
	"where": true, "while": true, "if": true, "because": true, "since": true, "until": true, "had's": false,
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c >= 'a' && c <= 'z'
}

// phrase reads the noun phrase around the agent noun at [i, j) and decides
// what it refers to.
func (s *state) phrase(i, j int, a *kb.Agent) *titleNP {
	toks := s.v.toks
	np := &titleNP{a0: i, a1: j, agent: a, start: i, end: j, target: -1, ment: -1}
	sent := toks[i].sent
	// Premodifiers, right to left.
	k := i - 1
	for k >= 0 && i-k <= 10 && toks[k].sent == sent && !toks[k].blocked {
		t := &toks[k]
		if t.ment >= 0 {
			m := s.ments[t.ment]
			if m.kind != doc.MentionName || !actorTypes[s.cls[m.cl].typ] {
				break
			}
			np.mods = append(np.mods, t.ment)
			np.modHow = append(np.modHow, "title")
			m.modifier = true
			np.start = m.t0
			k = m.t0 - 1
			continue
		}
		if t.lower == "led" && k >= 2 && toks[k-1].text == "-" && toks[k-2].ment >= 0 && toks[k-2].sent == sent {
			// "Vietnamese-led forces": whoever leads them gives their
			// country ("-backed" does not).
			k -= 2
			continue
		}
		if strings.HasSuffix(t.lower, "-led") && t.ment < 0 {
			if es := s.kb.Names(t.text[:len(t.text)-4]); len(es) > 0 && (es[0].Kind == kb.KindCountry || es[0].Kind == kb.KindDemonym) {
				np.mods = append(np.mods, -1-k) // a token, not a mention
				np.modHow = append(np.modHow, "title")
				np.start = k
				k--
				continue
			}
		}
		if t.text == ")" && k >= 3 && toks[k-2].text == "(" && toks[k-1].sent == sent && toks[k-3].ment >= 0 && toks[k-1].cap {
			// "Montenegro Municipality Association (AKK) officials": the
			// acronym in brackets stands for the name before it.
			k -= 3
			continue
		}
		if t.text == "'s" || t.text == "'" {
			if k > 0 && toks[k-1].ment >= 0 && s.ments[toks[k-1].ment].kind == doc.MentionName {
				m := s.ments[toks[k-1].ment]
				np.mods = append(np.mods, toks[k-1].ment)
				np.modHow = append(np.modHow, "possessive")
				np.start = m.t0
				np.definite = true
			}
			break
		}
		if d, ok := determiners[t.lower]; ok && d {
			np.det = t.lower
			np.definite = definiteDets[t.lower]
			np.start = k
			break
		}
		if timeWords[t.lower] {
			break
		}
		if t.lower == "former" || t.lower == "ex" {
			np.former = true
		}
		if b, ok := s.kb.Agent(t.lower); ok && !b.Title && b.Sector != "" {
			np.modAgents = append(np.modAgents, b)
			np.start = k
			k--
			continue
		}
		if premodifiers[t.lower] || t.upos == "ADJ" || t.upos == "NUM" || (t.upos == "NOUN" && !t.cap) ||
			(t.cap && t.upos != "DET" && t.upos != "PRON" && t.upos != "ADP" && k > 0 && toks[k-1].sent == sent && !isSentenceStart(toks, k)) {
			np.start = k
			k--
			continue
		}
		break
	}
	// "of X" after the head: "president of Armenia", "leader of the opposition".
	if j+1 < len(toks) && toks[j].lower == "of" && toks[j+1].sent == sent {
		k := j + 1
		if toks[k].lower == "the" && toks[k].ment < 0 && k+1 < len(toks) {
			k++
		}
		if m := toks[k].ment; m >= 0 && s.ments[m].kind == doc.MentionName && s.ments[m].t0 == k {
			switch s.cls[s.ments[m].cl].typ {
			case doc.GPE, doc.Org, doc.NORP, doc.Fac:
				np.mods = append(np.mods, m)
				np.modHow = append(np.modHow, "of")
				np.end = s.ments[m].t1
			}
		} else if e, b := s.agentAt(k); b != nil && b.Group && b.Sector != "" {
			np.modAgents = append(np.modAgents, b)
			np.end = e
		}
	}
	// "Minister for Interior Aftab Sherpao": a portfolio after "for"
	// belongs to the title of the name that follows.
	if !a.Group && !a.Plural && a.Sector != "" && np.end+2 < len(toks) && toks[np.end].lower == "for" && toks[np.end].sent == sent {
		k := np.end + 1
		for k < len(toks) && k-np.end <= 4 && toks[k].cap && toks[k].ment < 0 && toks[k].sent == sent && isWordish(toks[k].text) {
			k++
		}
		if k > np.end+1 && k < len(toks) && toks[k].ment >= 0 && s.ments[toks[k].ment].t0 == k && s.cls[s.ments[toks[k].ment].cl].typ == doc.Person {
			np.end, np.portfolio = k, true
		}
	}
	// What does the phrase name?
	if np.end < len(toks) && !a.Plural {
		if t := np.end; toks[t].ment >= 0 && s.ments[toks[t].ment].t0 == t {
			m := s.ments[toks[t].ment]
			if c := s.cls[m.cl].typ; c == doc.Person || (a.Title && c != doc.GPE) || ((a.Group || !toks[i].cap) && (c == doc.Org || c == doc.Fac)) {
				np.target, np.how = toks[t].ment, "title"
				return np
			}
		} else if toks[t].cap && !a.Group && toks[t].sent == sent {
			if e := s.nameRun(t); e > t {
				m := &mention{Span: doc.Span{Start: toks[t].Start, End: toks[e-1].End}, t0: t, t1: e, kind: doc.MentionName}
				np.target, np.how = s.addMention(m, doc.Person, -1), "title"
				return np
			}
		}
	}
	// Apposition after: "Venezuela's interim president, Delcy Rodríguez".
	if t := np.end; t+1 < len(toks) && toks[t].text == "," && toks[t+1].ment >= 0 && !a.Plural {
		m := s.ments[toks[t+1].ment]
		if m.t0 == t+1 && s.cls[m.cl].typ == doc.Person && appositionEnds(toks, m.t1) {
			np.target, np.how = toks[t+1].ment, "apposition"
			return np
		}
	}
	if t := np.end; t+1 < len(toks) && toks[t].text == "," && toks[t+1].ment < 0 && toks[t+1].cap && !a.Plural && !a.Group && toks[t+1].sent == sent {
		if e := s.nameRun(t + 1); e > t+1 && appositionEnds(toks, e) {
			m := &mention{Span: doc.Span{Start: toks[t+1].Start, End: toks[e-1].End}, t0: t + 1, t1: e, kind: doc.MentionName}
			np.target, np.how = s.addMention(m, doc.Person, -1), "apposition"
			return np
		}
	}
	// Apposition before: "Delcy Rodríguez, Venezuela's interim president,".
	if t := np.start; t >= 2 && toks[t-1].text == "," && toks[t-2].ment >= 0 && appositionEnds(toks, np.end) {
		m := s.ments[toks[t-2].ment]
		c := s.cls[m.cl].typ
		if m.kind == doc.MentionName && ((c == doc.Person && !a.Group && !a.Plural) || (c == doc.Org && a.Group)) {
			np.target, np.how = toks[t-2].ment, "apposition"
			return np
		}
	}
	np.how = "nominal"
	typ := doc.Person
	if a.Group {
		typ = doc.Org
	}
	m := &mention{Span: doc.Span{Start: toks[np.start].Start, End: toks[np.end-1].End}, t0: np.start, t1: np.end,
		kind: doc.MentionNominal, np: np, plural: a.Plural}
	np.ment = s.addMention(m, typ, -1)
	c := s.cls[m.cl]
	c.nominal, c.plural, c.group, c.personal = true, a.Plural, a.Group, !a.Group
	return np
}

// isSentenceStart reports whether token k opens its sentence, possibly after
// an opening quote.
func isSentenceStart(toks []tok, k int) bool {
	if k == 0 || toks[k-1].sent != toks[k].sent {
		return true
	}
	p := toks[k-1].text
	return (p == "\"" || p == "“" || p == "(") && (k == 1 || toks[k-2].sent != toks[k].sent)
}

// appositionEnds reports whether an apposition may end before token t: at a
// comma, the sentence's end, or a closing punctuation mark.
func appositionEnds(toks []tok, t int) bool {
	if t >= len(toks) || toks[t].sent != toks[t-1].sent {
		return true
	}
	switch toks[t].text {
	case ",", ".", ";", ":", ")", "—", "–", "\"", "”":
		return true
	case "who", "said", "says", "told":
		return true
	}
	return false
}

// nameParticles may sit inside a person's name.
var nameParticles = map[string]bool{"de": true, "da": true, "del": true, "dos": true, "van": true, "von": true, "bin": true, "al": true, "la": true, "le": true, "di": true, "y": true}

// nameRun returns the end of a run of capitalised words starting at t that
// can be a person's name after a title: up to five words, not a known
// country, organisation or agent noun.
func (s *state) nameRun(t int) int {
	toks := s.v.toks
	e := t
	for e < len(toks) && e-t < 5 && toks[e].sent == toks[t].sent && toks[e].ment < 0 && !toks[e].blocked {
		w := &toks[e]
		if w.cap && isWordish(w.text) {
			if _, ok := s.kb.Agent(w.lower); ok {
				break
			}
			if w.upos != "" && w.upos != "PROPN" && w.upos != "NOUN" && w.upos != "X" {
				break
			}
			e++
			continue
		}
		if nameParticles[w.lower] && e+1 < len(toks) && toks[e+1].cap && e > t {
			e++
			continue
		}
		break
	}
	if e == t {
		return t
	}
	if es := s.kb.Names(string(s.keyBytes(t, e, false))); len(es) > 0 && es[0].Kind != kb.KindPerson {
		return t
	}
	return e
}

// isWordish reports whether s is a word: letters, with inner hyphens,
// periods and apostrophes.
func isWordish(s string) bool {
	if s == "" || strings.ContainsAny(s[:1], ".-',") {
		return false
	}
	for _, r := range s {
		if r == '"' || r == '(' || r == ')' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?' {
			return false
		}
	}
	return true
}
