package geo

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"sitrep/doc"
	"sitrep/gazetteer"
)

// mention is one toponym candidate in the text.
type mention struct {
	span      doc.Span
	key       string
	post      gazetteer.Postings
	entity    int // index in d.Entities of the entity it belongs to, or -1
	firstWord int // index in words of its first word, or -1
	lastWord  int
	qual      int // index of the mention qualifying it ("Texas" in "Paris, Texas"), or -1
	qualifies bool
	locative  bool // after "in", "at", "from", ...
	strongLoc bool // after a cue in strongLocatives
	dateline  bool
	group     int
	rejected  bool
	weak      bool // rejected on weak evidence only
	person    bool // overlaps a person's name found by an earlier stage
	nested    bool // inside an organisation's or other non-place name
	whole     bool // the whole of an organisation's or other non-place name
}

// cand is one reading of a group of mentions.
type cand struct {
	e       gazetteer.Entry
	alt     bool
	demonym bool
	prior   float64
	score   float64
	sum     float64 // of the scores in the passes with context
}

// group gathers the mentions of one name; they share a reading.
type group struct {
	key      string
	mentions []int
	cands    []cand
	best     int // index in cands, or -1
	margin   float64
	strong   bool // some mention has a qualifier, a locative cue, an entity type or is in the dateline
	fromNER  bool
}

type analysis struct {
	r        *Resolver
	d        *doc.Document
	words    []word
	mentions []mention
	groups   []*group
	dateline int // index of the dateline's mention, or -1
	// resolvedSpan holds the entity mentions found in the gazetteer.
	resolvedSpan map[doc.Span]bool
	entitySpans  []entitySpan
	// usLocal is set when the article reads like American local news:
	// dollar amounts, "X County", townships, sheriffs.
	usLocal bool
	// superseded holds entity mentions inside a longer name discovered.
	superseded map[doc.Span]bool
}

// analyze finds and resolves the toponyms of d without changing it.
func (r *Resolver) analyze(d *doc.Document) *analysis {
	a := &analysis{r: r, d: d, dateline: -1, resolvedSpan: map[doc.Span]bool{}, superseded: map[doc.Span]bool{}}
	a.words = scanWords(d.Text)
	a.indexEntities()
	a.entityMentions()
	if !r.cfg.NoDiscovery {
		a.discover()
		if len(a.superseded) > 0 {
			kept := a.mentions[:0]
			for _, m := range a.mentions {
				if m.entity < 0 || !a.superseded[m.span] {
					kept = append(kept, m)
				}
			}
			a.mentions = kept
		}
	}
	sort.SliceStable(a.mentions, func(i, j int) bool { return a.mentions[i].span.Start < a.mentions[j].span.Start })
	a.link()
	a.detectDateline()
	a.usLocal = usLocalCues(a.d.Text, a.words) >= 2
	a.filter()
	a.makeGroups()
	a.resolve()
	return a
}

// entityMentions turns the mentions of place-like entities into toponym
// candidates.
func (a *analysis) entityMentions() {
	for ei, e := range a.d.Entities {
		switch e.Type {
		case doc.GPE, doc.Loc, doc.Fac, doc.NORP:
		default:
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind != "" && m.Kind != doc.MentionName || !m.Span.Valid(len(a.d.Text)) || m.Len() == 0 || m.Len() > 200 {
				continue
			}
			key := gazetteer.Normalize(a.d.Text[m.Start:m.End])
			p := a.r.g.Lookup(key)
			if p.Len() == 0 && strings.HasPrefix(key, "the ") {
				key = key[4:]
				p = a.r.g.Lookup(key)
			}
			if p.Len() == 0 || stopNames[key] || e.Type == doc.NORP && !hasDemonym(p) {
				continue
			}
			if a.onlyAlt(p) && a.maxPrior(p, key) < wt.minWhole {
				// Only a little place's former or local name: "Isaacson".
				continue
			}
			if p.Common() && strings.IndexByte(key, ' ') < 0 && (e.Type != doc.GPE && e.Type != doc.NORP || a.maxPrior(p, key) < wt.minWhole) {
				// "the City", "Hope", "the Loop": a common word a
				// gazetteer place is also named after.
				continue
			}
			a.mentions = append(a.mentions, mention{span: m.Span, key: key, post: p, entity: ei,
				firstWord: a.wordAt(m.Start), lastWord: a.wordAt(m.End - 1), qual: -1})
			a.resolvedSpan[m.Span] = true
		}
	}
}

// wordAt returns the index of the word containing byte offset off, or -1.
func (a *analysis) wordAt(off int) int {
	i := sort.Search(len(a.words), func(i int) bool { return a.words[i].end > off })
	if i < len(a.words) && a.words[i].start <= off {
		return i
	}
	return -1
}

// overlap says how a discovered span relates to the entities of earlier
// stages.
type overlap struct {
	blocked bool // it overlaps a place-like mention already resolved
	person  bool // it overlaps a person's name
	nested  bool // it lies inside another kind of name ("Texas" in "Texas Department of Health")
	whole   bool // it is the whole of another kind of name ("Arsenal")
	inName  bool // it overlaps an organisation's or other non-place name
	// supersedes lists the place-like mentions it strictly contains.
	supersedes []doc.Span
	owner      int // the place-like entity whose unresolved mention contains it, or -1
}

// overlapping returns how discovery treats span sp.
func (a *analysis) overlapping(sp doc.Span) overlap {
	o := overlap{owner: -1}
	ms := a.entitySpans
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= sp.Start-maxMentionLen })
	for ; i < len(ms) && ms[i].Start < sp.End; i++ {
		m := ms[i]
		if !m.Overlaps(sp) {
			continue
		}
		switch e := &a.d.Entities[m.entity]; e.Type {
		case doc.Person:
			o.person = true
		case doc.GPE, doc.Loc, doc.Fac, doc.NORP:
			if sp.Contains(m.Span) && sp != m.Span {
				// The gazetteer knows a longer name than the entity's
				// mention: "South Charleston" over "South".
				o.supersedes = append(o.supersedes, m.Span)
				o.nested = true
				continue
			}
			if a.resolvedSpan[m.Span] || !m.Contains(sp) {
				o.blocked = true
				return o
			}
			if !a.onlyModifiersAround(m.Span, sp) {
				// "Walker County Jail": the entity is not this place,
				// but contains it.
				o.nested = true
				continue
			}
			o.owner = m.entity
		default:
			if m.Span == sp {
				// The whole name is an organisation's, a work's, ...:
				// "Arsenal", "Google", or a place standing for a team.
				o.whole = true
			}
			o.nested, o.inName = true, true
		}
	}
	return o
}

// areaWords are the words that may surround a place name inside a longer
// name of the same place: "Northeast Georgia", "the City of Huntsville",
// "Gainesville area".
var areaWords = map[string]bool{"city": true, "of": true, "the": true, "town": true, "village": true,
	"county": true, "area": true, "region": true, "state": true, "province": true, "township": true,
	"metro": true, "metropolitan": true, "greater": true, "downtown": true, "suburban": true, "rural": true,
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "upper": true, "lower": true, "mid": true, "inner": true,
	"outer": true, "coastal": true, "republic": true, "kingdom": true, "islands": true, "island": true,
	"district": true, "municipality": true, "borough": true, "parish": true, "territory": true}

// onlyModifiersAround reports whether the words of outer outside inner are
// all area words or punctuation.
func (a *analysis) onlyModifiersAround(outer, inner doc.Span) bool {
	for _, part := range []string{a.d.Text[outer.Start:inner.Start], a.d.Text[inner.End:outer.End]} {
		for _, w := range strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if !areaWords[strings.ToLower(w)] {
				return false
			}
		}
	}
	return true
}

// maxMentionLen bounds, in bytes, the entity mentions considered.
const maxMentionLen = 200

// entitySpan is one mention of an entity of an earlier stage.
type entitySpan struct {
	doc.Span
	entity int
}

// indexEntities lists the mentions of d's entities by start offset.
func (a *analysis) indexEntities() {
	for ei, e := range a.d.Entities {
		for _, m := range e.Mentions {
			if m.Span.Valid(len(a.d.Text)) && m.Len() > 0 && m.Len() <= maxMentionLen {
				a.entitySpans = append(a.entitySpans, entitySpan{m.Span, ei})
			}
		}
	}
	sort.Slice(a.entitySpans, func(i, j int) bool { return a.entitySpans[i].Start < a.entitySpans[j].Start })
}

var connectors = map[string]bool{"of": true, "de": true, "del": true, "la": true, "le": true, "du": true,
	"upon": true, "on": true, "the": true, "al": true, "el": true, "da": true, "do": true, "dos": true,
	"das": true, "y": true, "sur": true, "en": true, "des": true, "di": true, "am": true, "an": true, "der": true}

// spaced reports whether words i and i+1 are separated by one space.
func (a *analysis) spaced(i int) bool {
	return i+1 < len(a.words) && a.words[i].end+1 == a.words[i+1].start && a.d.Text[a.words[i].end] == ' '
}

// dottedAbbrev reports whether s is an abbreviation with an inner period,
// such as "S.C." or "W.Va.", unambiguous wherever it stands.
func dottedAbbrev(s string) bool {
	i := strings.IndexByte(s, '.')
	return i > 0 && i < len(s)-1
}

// joined reports whether words i and i+1 can belong to one name: one space
// between them, or ". " after an abbreviation such as "St" or "Ft".
func (a *analysis) joined(i int) bool {
	if i+1 >= len(a.words) {
		return false
	}
	w, n := a.words[i], a.words[i+1]
	gap := a.d.Text[w.end:n.start]
	switch gap {
	case " ", "-":
		return true
	case ". ", ".":
		t := a.d.Text[w.start:w.end]
		return len(t) == 1 && w.cap || nameAbbrevs[t]
	}
	return false
}

// nameAbbrevs are abbreviations that open place names: "St. Louis".
var nameAbbrevs = map[string]bool{"St": true, "Ste": true, "Mt": true, "Ft": true, "Pt": true, "Sta": true}

const maxNameWords = 6

// discover finds capitalised names the gazetteer knows that no entity
// covers.
func (a *analysis) discover() {
	g := a.r.g
	text := a.d.Text
	var buf []byte
	hasEntities := len(a.d.Entities) > 0
	for i := 0; i < len(a.words); i++ {
		w := a.words[i]
		if !w.cap {
			continue
		}
		best, bestN := gazetteer.Postings{}, 0
		bestKey := ""
		for n := 1; n <= maxNameWords && i+n-1 < len(a.words); n++ {
			last := a.words[i+n-1]
			if n > 1 && !a.joined(i+n-2) {
				break
			}
			if !last.cap {
				if !connectors[text[last.start:last.end]] {
					break
				}
				buf = gazetteer.AppendNormalized(buf[:0], text[w.start:last.end])
				if !g.HasPrefix(string(buf)) {
					break
				}
				continue
			}
			buf = gazetteer.AppendNormalized(buf[:0], text[w.start:last.end])
			key := string(buf)
			if p := g.Lookup(key); p.Len() > 0 {
				best, bestN, bestKey = p, n, key
			}
			if !g.HasPrefix(key) {
				break
			}
		}
		if bestN == 0 {
			continue
		}
		sp := doc.Span{Start: w.start, End: a.words[i+bestN-1].end}
		o := overlap{owner: -1}
		if hasEntities {
			if o = a.overlapping(sp); o.blocked || o.inName && a.r.cfg.NoNested {
				i += bestN - 1
				continue
			}
		}
		for _, x := range o.supersedes {
			a.superseded[x] = true
		}
		a.mentions = append(a.mentions, mention{span: sp, key: bestKey, post: best, entity: o.owner,
			firstWord: i, lastWord: i + bestN - 1, qual: -1, person: o.person, nested: o.nested, whole: o.whole})
		i += bestN - 1
	}
}

var locatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "outside": true,
	"inside": true, "across": true, "around": true, "into": true, "toward": true, "towards": true, "through": true,
	"throughout": true, "within": true, "between": true, "via": true, "visit": true, "visited": true,
	"visiting": true, "of": true, "and": true, "downtown": true}

// link marks qualifiers ("Paris, Texas"), locative cues and person-like
// contexts.
func (a *analysis) link() {
	text := a.d.Text
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.firstWord > 0 {
			p := a.words[m.firstWord-1]
			if p.end+1 == m.span.Start && text[p.end] == ' ' {
				lw := strings.ToLower(text[p.start:p.end])
				m.locative = locatives[lw]
				m.strongLoc = strongLocatives[lw]
			}
		}
		if i+1 < len(a.mentions) && a.mentions[i+1].span.Start >= m.span.End {
			// Mentions of different entities may overlap; only disjoint
			// neighbours can qualify one another.
			n := &a.mentions[i+1]
			gap := strings.TrimSpace(text[m.span.End:n.span.Start])
			if (gap == "," || gap == ".," || gap == "(") && n.span.Start-m.span.End <= 3 && a.isQualifier(n.post) && !a.onlyAreas(m.post) {
				m.qual = i + 1
				n.qualifies = true
			}
		}
	}
}

// onlyAreas reports whether every reading of p is a country or a
// first-level division, which a comma does not qualify: "Ohio, Kentucky and
// Indiana", "France, Germany".
func (a *analysis) onlyAreas(p gazetteer.Postings) bool {
	for i := range min(p.Len(), a.r.cfg.MaxCandidates) {
		f := a.r.g.Entry(p.At(i).Entry).Feature
		if f != "ADM1" && !strings.HasPrefix(f, "PCL") {
			return false
		}
	}
	return true
}

// isQualifier reports whether p names a first-level division or a country.
func (a *analysis) isQualifier(p gazetteer.Postings) bool {
	for i := range p.Len() {
		f := a.r.g.Entry(p.At(i).Entry).Feature
		if f == "ADM1" || strings.HasPrefix(f, "PCL") {
			return true
		}
	}
	return false
}

// stopNames are capitalised words that name places in the gazetteer but,
// in news, almost always mean something else.
var stopNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"god": true, "christmas": true, "easter": true, "internet": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"president": true, "police": true, "university": true, "college": true, "church": true, "city": true,
	"county": true, "state": true, "department": true, "court": true, "senate": true, "congress": true,
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "central": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "street": true, "avenue": true, "road": true, "section": true,
	"union": true, "market": true, "valley": true, "chamber": true, "story": true,
	"north east": true, "south east": true, "north west": true, "south west": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// strongLocatives are the locative cues that let a capitalised common word
// ("Mobile", "Reading") stand for a place.
var strongLocatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true,
	"outside": true, "into": true, "toward": true, "towards": true, "through": true, "via": true, "visit": true,
	"visited": true, "visiting": true, "between": true, "across": true, "around": true, "throughout": true,
	"within": true, "inside": true}

// personCues are words that, right after a name, make it a person's.
var personCues = map[string]bool{"said": true, "says": true, "told": true, "added": true, "explained": true,
	"wrote": true, "asked": true, "noted": true, "who": true, "he": true, "she": true}

// titles are words that, right before a name, make it a person's.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "president": true, "mayor": true, "judge": true, "sheriff": true, "coach": true,
	"officer": true, "sgt": true, "lt": true, "capt": true, "gen": true, "col": true, "rev": true,
	"pastor": true, "chief": true, "deputy": true, "attorney": true, "commissioner": true, "councilman": true,
	"superintendent": true, "principal": true, "director": true, "secretary": true, "minister": true}

// modifiers are capitalised words that can open a longer name around a
// place without making it a person's: "North Texas", "Acting U.S. Attorney".
var modifiers = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "upper": true, "lower": true,
	"greater": true, "downtown": true, "metro": true, "old": true, "acting": true, "over": true, "rural": true,
	"suburban": true, "coastal": true, "mid": true, "inner": true, "outer": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "the": true, "in": true, "at": true, "from": true,
	"to": true, "of": true, "for": true, "and": true, "near": true, "across": true, "a": true, "an": true,
	"but": true, "when": true, "while": true, "as": true, "on": true, "by": true, "with": true, "after": true,
	"before": true, "outside": true, "inside": true, "like": true, "if": true, "since": true, "all": true,
	"both": true, "our": true, "their": true, "his": true, "her": true, "its": true, "former": true, "new": true}

// orgWords are capitalised words that, after a place name, make a longer
// name of an organisation, building or area that contains it ("Dublin City
// Council", "Texas Department ..."): the place is still a toponym.
var orgWords = map[string]bool{"city": true, "county": true, "council": true, "police": true, "department": true,
	"dept": true, "sheriff": true, "fire": true, "high": true, "school": true, "schools": true, "university": true,
	"college": true, "hospital": true, "medical": true, "airport": true, "times": true, "post": true,
	"herald": true, "tribune": true, "news": true, "journal": true, "gazette": true, "street": true, "st": true,
	"road": true, "avenue": true, "ave": true, "boulevard": true, "highway": true, "park": true, "river": true,
	"lake": true, "creek": true, "power": true, "energy": true, "bank": true, "church": true, "museum": true,
	"center": true, "centre": true, "state": true, "tech": true, "board": true, "commission": true,
	"court": true, "chamber": true, "government": true, "army": true, "navy": true, "guard": true,
	"national": true, "public": true, "library": true, "zoo": true, "mall": true, "township": true,
	"parish": true, "valley": true, "bay": true, "area": true, "region": true, "community": true,
	"regional": true, "memorial": true, "hall": true, "square": true, "bridge": true, "station": true,
	"port": true, "harbor": true, "club": true, "company": true, "association": true, "society": true,
	"foundation": true, "institute": true, "senate": true, "house": true, "assembly": true,
	"legislature": true, "democrats": true, "republicans": true, "party": true, "coast": true,
	"electric": true, "water": true, "transit": true, "authority": true, "district": true, "office": true,
	"agency": true, "service": true, "services": true, "prison": true, "jail": true, "correctional": true,
	"campus": true, "stadium": true, "arena": true, "theatre": true, "theater": true, "symphony": true,
	"chronicle": true, "observer": true, "register": true, "courier": true, "press": true, "daily": true,
	"attorney": true, "attorneys": true, "embassy": true, "consulate": true, "ministry": true, "air": true,
	"forces": true, "military": true, "marine": true, "marines": true, "coast guard": true, "circuit": true,
	"supreme": true, "federal": true, "general": true, "health": true, "education": true, "youth": true,
	"historical": true, "convention": true, "veterans": true, "recreation": true, "chapter": true,
	"fair": true, "festival": true, "library's": true, "county's": true, "metropolitan": true}

// filter drops discovered candidates that are likely not places here.
func (a *analysis) filter() {
	text := a.d.Text
	surnames := a.surnames()
	lower := func(wi int) string {
		w := a.words[wi]
		return strings.ToLower(text[w.start:w.end])
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.firstWord < 0 || m.lastWord < 0 || m.entity >= 0 && a.resolvedSpan[m.span] {
			continue
		}
		fw, lw := a.words[m.firstWord], a.words[m.lastWord]
		single := m.firstWord == m.lastWord
		surface := text[m.span.Start:m.span.End]
		strong := m.qual >= 0 || m.qualifies || m.dateline
		titleCase := single && len(surface) > 1 && strings.ToLower(surface[1:]) == surface[1:] && !strings.Contains(surface, ".")
		leftRun := m.firstWord > 0 && a.spaced(m.firstWord-1) && a.words[m.firstWord-1].cap && !modifiers[lower(m.firstWord-1)]
		rightRun := m.lastWord+1 < len(a.words) && a.spaced(m.lastWord) && a.words[m.lastWord+1].cap
		runLen := m.lastWord - m.firstWord + 1
		l := m.firstWord
		for leftRun && l > 0 && a.spaced(l-1) && a.words[l-1].cap && !modifiers[lower(l-1)] {
			l--
			runLen++
		}
		rEnd := m.lastWord
		for rEnd+1 < len(a.words) && a.spaced(rEnd) && a.words[rEnd+1].cap {
			rEnd++
			runLen++
		}
		if m.entity >= 0 || m.nested {
			// Inside a named entity: the run is the entity's name, not a
			// person's.
			leftRun, rightRun = false, false
		}
		if m.entity >= 0 {
			strong = strong || m.locative
		}
		switch {
		case a.dayAfter(m.span.End):
			// "St. Patrick's Day", "Columbus Day": a holiday.
			m.rejected = true
		case m.whole && !strong && !m.strongLoc && a.maxPrior(m.post, m.key) < wt.minWhole:
			// An earlier stage read an organisation's name here, and no
			// sizeable place has it.
			m.rejected, m.weak = true, true
		case m.person && !strong && !m.strongLoc && !(!single && areaWords[lower(m.lastWord)]):
			// An earlier stage read a person's name here ("Henry County"
			// is still a county).
			m.rejected = true
		case stopNames[m.key]:
			m.rejected = true
		case len(m.key) < 3 && !strong && !a.countryLike(m.post) && !dottedAbbrev(surface):
			// "Al" in "Al-Hedoud".
			m.rejected = true
		case !strong && onlyAbbrev(m.post) && !dottedAbbrev(surface):
			m.rejected = true
		case !strong && !m.strongLoc && m.post.Common() && titleCase && !(a.landmark(m.post) && !fw.sentStart):
			m.rejected, m.weak = true, true
		case !m.dateline && fw.allCap && m.span.Len() <= 4 && !strings.Contains(surface, ".") && !a.countryLike(m.post):
			m.rejected = true
		case m.firstWord > 0 && titles[lower(m.firstWord-1)]:
			m.rejected = true
		case !strong && !m.locative && a.onlyAlt(m.post):
			m.rejected = true
		case leftRun && !rightRun && runLen == 2 && !strong:
			// "Bill Clinton", "Mary Jackson": a person.
			m.rejected = true
		case rightRun && !leftRun && rEnd == m.lastWord+1 && !strong && !orgWords[lower(rEnd)] && !a.countryLike(m.post):
			// "Paris Hilton", "Jackson Browne": a person.
			m.rejected = true
		case single && !strong && surnames[m.key]:
			m.rejected, m.weak = true, true
		case !strong && !m.strongLoc && m.lastWord+1 < len(a.words) && lw.end+1 == a.words[m.lastWord+1].start &&
			personCues[text[a.words[m.lastWord+1].start:a.words[m.lastWord+1].end]] &&
			!(m.firstWord > 0 && lower(m.firstWord-1) == "the") && !strings.HasPrefix(m.key, "the "):
			// "Jackson said"; but "the Pentagon said" is a metonym.
			m.rejected, m.weak = true, true
		}
	}
	// One sense per article: a name that is clearly a place somewhere in
	// the article is one where the evidence against it was weak.
	sure := map[string]bool{}
	for _, m := range a.mentions {
		if !m.rejected && (m.qual >= 0 || m.qualifies || m.dateline || m.strongLoc || m.entity >= 0) {
			sure[m.key] = true
		}
	}
	for i := range a.mentions {
		if m := &a.mentions[i]; m.rejected && m.weak && sure[m.key] {
			m.rejected = false
		}
	}
	// Drop qualifier links whose partner was rejected.
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.qual >= 0 && a.mentions[m.qual].rejected {
			a.mentions[m.qual].qualifies = false
			m.qual = -1
		}
	}
}

// dayAfter reports whether "Day" or "’s Day" follows offset end.
func (a *analysis) dayAfter(end int) bool {
	rest := a.d.Text[end:min(len(a.d.Text), end+8)]
	for _, p := range []string{" Day", "'s Day", "’s Day", "s' Day"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// landmark reports whether p names one of the hand-written landmarks
// ("the Pentagon", "the Kremlin"), capitalised as names.
func (a *analysis) landmark(p gazetteer.Postings) bool {
	for i := range min(p.Len(), a.r.cfg.MaxCandidates) {
		if strings.HasPrefix(a.r.g.Entry(p.At(i).Entry).Code, "landmark:") {
			return true
		}
	}
	return false
}

// maxPrior returns the best prior of the readings of p.
func (a *analysis) maxPrior(p gazetteer.Postings, key string) float64 {
	best := math.Inf(-1)
	for i := range min(p.Len(), a.r.cfg.MaxCandidates) {
		q := p.At(i)
		if q.Abbrev {
			continue
		}
		best = math.Max(best, prior(a.r.g.Entry(q.Entry), q, key))
	}
	return best
}

// onlyAlt reports whether every reading of p is a GeoNames alternate
// name; the hand-written alternates ("the Kremlin", "U.S.") count as names.
func (a *analysis) onlyAlt(p gazetteer.Postings) bool {
	for i := range min(p.Len(), a.r.cfg.MaxCandidates) {
		q := p.At(i)
		if !q.Alt || a.r.g.Entry(q.Entry).GeonameID == 0 {
			return false
		}
	}
	return true
}

// surnames returns the keys of single words that end a capitalised run the
// gazetteer does not know, or follow a title: "Jackson" in "Mary Jackson".
func (a *analysis) surnames() map[string]bool {
	out := map[string]bool{}
	text := a.d.Text
	for i := 1; i < len(a.words); i++ {
		w, p := a.words[i], a.words[i-1]
		if !w.cap || !p.cap || !a.joined(i-1) || (i+1 < len(a.words) && a.joined(i) && a.words[i+1].cap) {
			continue
		}
		pk := strings.ToLower(text[p.start:p.end])
		if titles[pk] || (!a.r.g.HasPrefix(gazetteer.Normalize(text[p.start:p.end])) && a.r.g.Lookup(gazetteer.Normalize(text[p.start:w.end])).Len() == 0) {
			if p.sentStart && !titles[pk] && a.r.g.Lookup(gazetteer.Normalize(text[p.start:p.end])).Len() == 0 && !firstNameLike(text[p.start:p.end]) {
				continue
			}
			out[gazetteer.Normalize(text[w.start:w.end])] = true
		}
	}
	return out
}

// firstNameLike is a weak test that a capitalised word could be a given
// name: no period, lower case after the first letter.
func firstNameLike(s string) bool {
	return len(s) >= 2 && !strings.ContainsAny(s, ".-") && strings.ToLower(s[1:]) == s[1:]
}

// hasDemonym reports whether p reads the key as a demonym.
func hasDemonym(p gazetteer.Postings) bool {
	for i := range p.Len() {
		if p.At(i).Demonym {
			return true
		}
	}
	return false
}

func onlyAbbrev(p gazetteer.Postings) bool {
	for i := range p.Len() {
		if !p.At(i).Abbrev {
			return false
		}
	}
	return true
}

// countryLike reports whether p names a country or a union of them, or is
// a demonym.
func (a *analysis) countryLike(p gazetteer.Postings) bool {
	for i := range p.Len() {
		q := p.At(i)
		if f := a.r.g.Entry(q.Entry).Feature; q.Demonym || strings.HasPrefix(f, "PCL") || f == "ZN" {
			return true
		}
	}
	return false
}

// makeGroups gathers the surviving mentions by name and lists the readings
// of each name.
func (a *analysis) makeGroups() {
	byKey := map[string]int{}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.rejected {
			continue
		}
		gi, ok := byKey[m.key]
		if !ok {
			if len(a.groups) >= a.r.cfg.MaxPlaces {
				m.rejected = true
				continue
			}
			gi = len(a.groups)
			byKey[m.key] = gi
			a.groups = append(a.groups, &group{key: m.key, best: -1})
		}
		m.group = gi
		gr := a.groups[gi]
		gr.mentions = append(gr.mentions, i)
		if m.qual >= 0 || m.qualifies || m.locative || m.dateline || m.entity >= 0 {
			gr.strong = true
		}
		if m.entity >= 0 {
			gr.fromNER = true
		}
	}
	if len(a.groups) >= a.r.cfg.MaxPlaces {
		a.d.Problems.Add("places", doc.Span{}, "more than %d distinct place names; the rest are not resolved", a.r.cfg.MaxPlaces)
	}
	for _, gr := range a.groups {
		m := a.mentions[gr.mentions[0]]
		strongCtx := false
		for _, mi := range gr.mentions {
			mm := a.mentions[mi]
			if mm.qual >= 0 || mm.qualifies || mm.dateline || dottedAbbrev(a.d.Text[mm.span.Start:mm.span.End]) {
				strongCtx = true
			}
		}
		norp := true
		for _, mi := range gr.mentions {
			if mm := a.mentions[mi]; mm.entity < 0 || a.d.Entities[mm.entity].Type != doc.NORP {
				norp = false
			}
		}
		for i := range m.post.Len() {
			if len(gr.cands) >= a.r.cfg.MaxCandidates {
				break
			}
			p := m.post.At(i)
			if p.Abbrev && !strongCtx || norp && !p.Demonym {
				continue
			}
			e := a.r.g.Entry(p.Entry)
			gr.cands = append(gr.cands, cand{e: e, alt: p.Alt, demonym: p.Demonym, prior: prior(e, p, gr.key)})
		}
	}
}

// weights are the scores context and priors add to a reading, chosen on
// LGL (local news) and checked on hand-written international cases.
type weights struct {
	pcli, pplc, adm1, alt               float64
	minSingle, countryAnchor            float64
	country, countryCap, admin1, county float64
	near50, near150, near400            float64
	minWhole, seat, local               float64
}

var wt = weights{
	pcli: 3, pplc: 2, adm1: 1, alt: 5,
	minSingle: 4.5, countryAnchor: 0.3,
	country: 1.5, countryCap: 2.5, admin1: 1.5, county: 3,
	near50: 3, near150: 3.5, near400: 1.5,
	minWhole: 4, seat: 3.5, local: 1,
}

// usLocalCues counts, up to two, the marks of American local news in text:
// dollar amounts, "X County" (not the Irish "County X"), townships and
// sheriffs. Two of them tip ambiguous names towards American places.
func usLocalCues(text string, words []word) int {
	n := strings.Count(text, "$")
	for i, w := range words {
		switch text[w.start:w.end] {
		case "County":
			if i > 0 && words[i-1].cap && words[i-1].end+1 == w.start {
				n++
			}
		case "Township", "Sheriff", "Sheriff’s", "Sheriff's":
			n++
		}
		if n >= 2 {
			break
		}
	}
	return n
}

// prior scores a reading before context: bigger places and higher
// administrative levels first, alternate names last.
func prior(e gazetteer.Entry, p gazetteer.Posting, key string) float64 {
	s := math.Log10(float64(e.Population) + 10)
	switch e.Feature {
	case "PCLI":
		s += wt.pcli
	case "PCLD", "PCLS", "PCLF":
		s += 2
	case "ADM1":
		s += wt.adm1
	case "PPLC":
		s += wt.pplc
	case "ADM2":
		s -= 0.5
	case "CONT", "OCN", "SEA", "GULF":
		s += 8
	case "RGN", "BLDG", "STRT", "CNL", "PEN", "LKS", "LK", "STM", "SQR", "ST", "MILB", "BAY", "HBR", "PRK", "VAL", "HLL", "WALL", "AREA", "ZN":
		s += 6
	}
	if p.Alt {
		if e.GeonameID != 0 && e.Population < 200000 && !exonymLike(key, e.Name) {
			// A GeoNames alternate name of a smaller place: a former
			// or local name ("Google" for Topeka). Big cities' are
			// mostly exonyms ("Cologne"), and so are names spelt
			// like the place's own ("Geneva", "Genève").
			s -= wt.alt
		} else if e.GeonameID != 0 {
			s -= 1.5
		} else {
			s -= 0.5
		}
	}
	return s
}

// exonymLike reports whether the normalised name key starts like the
// place's own name, as "geneva" and "Genève" or "hanover" and "Hannover".
func exonymLike(key, name string) bool {
	n := gazetteer.Normalize(name)
	return len(key) >= 3 && len(n) >= 3 && key[:3] == n[:3]
}

// haversine returns the great-circle distance in kilometres.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(min(1, h)))
}

// anchor is a resolved place that gives context to the others.
type anchor struct {
	group      int
	lat, lon   float64
	country    string
	admin1     int
	weight     float64
	pointLike  bool
	isDateline bool
}

const (
	maxAnchors = 400
	cellDeg    = 4.0 // side of the grid cells anchors are filed in, degrees
)

// context is what the readings of all groups say about the article.
type docContext struct {
	anchors  []anchor
	byGroup  map[int]int // group -> index in anchors
	countryW map[string]float64
	admin1W  map[int]float64
	grid     map[[2]int][]int // cell -> point-like anchors
	// counties maps a second-level division to the groups that have it,
	// or a place inside it, among their readings: "Huntsville" and
	// "Walker County" agree on Texas' Walker County.
	counties map[int][]int
}

func cellOf(lat, lon float64) [2]int {
	return [2]int{int(math.Floor(lat / cellDeg)), int(math.Floor(lon / cellDeg))}
}

// resolve picks a reading for every group: first by prior and qualifiers,
// then twice more with the other groups' readings as context.
func (a *analysis) resolve() {
	const passes = 4
	for pass := 0; pass < passes; pass++ {
		var ctx *docContext
		if pass > 0 {
			ctx = a.context()
		}
		for gi, gr := range a.groups {
			a.score(gi, gr, ctx)
			if pass > 0 {
				for ci := range gr.cands {
					gr.cands[ci].sum += gr.cands[ci].score
				}
			}
		}
	}
	// Two names can swap wrong readings from one pass to the next
	// ("Huntsville" and "Walker County" in Alabama, then in Texas): the
	// reading kept is the best over the passes with context.
	for _, gr := range a.groups {
		best := -1
		for ci := range gr.cands {
			if best < 0 || gr.cands[ci].sum > gr.cands[best].sum {
				best = ci
			}
		}
		if best >= 0 && len(gr.cands) > 1 {
			gr.best = best
			gr.cands[best].score = gr.cands[best].sum / (passes - 1)
		}
	}
	// A weak discovered name needs its reading to be convincing.
	for _, gr := range a.groups {
		if gr.best < 0 || gr.strong || gr.fromNER {
			continue
		}
		c := gr.cands[gr.best]
		if c.score < minScore(gr.key, c) {
			gr.best = -1
		}
	}
}

// minScore is the least score of a reading accepted for a name found only
// in the gazetteer, without any cue that it is a place: a single word must
// name a sizeable place; longer names are rarely anything else.
func minScore(key string, c cand) float64 {
	switch {
	case c.demonym || c.e.Feature == "ADM1":
		return 0
	case strings.IndexByte(key, ' ') > 0:
		if c.e.Feature == "ADM2" {
			return 0
		}
		return 2
	}
	return wt.minSingle
}

func (a *analysis) context() *docContext {
	ctx := &docContext{byGroup: map[int]int{}, countryW: map[string]float64{}, admin1W: map[int]float64{},
		grid: map[[2]int][]int{}, counties: map[int][]int{}}
	for gi, gr := range a.groups {
		for _, c := range gr.cands {
			a2 := c.e.Admin2
			if c.e.Feature == "ADM2" {
				a2 = c.e.Index
			}
			if a2 >= 0 {
				if l := ctx.counties[a2]; len(l) == 0 || l[len(l)-1] != gi {
					ctx.counties[a2] = append(l, gi)
				}
			}
		}
	}
	for gi, gr := range a.groups {
		if gr.best < 0 {
			continue
		}
		c := gr.cands[gr.best]
		w := 1.0
		if len(gr.cands) > 1 && gr.margin < 1 {
			w = 0.5
		}
		isDL := false
		for _, mi := range gr.mentions {
			if a.mentions[mi].dateline {
				isDL = true
			}
		}
		admin1 := c.e.Admin1
		if c.e.Feature == "ADM1" {
			admin1 = c.e.Index
		}
		f := c.e.Feature
		pointLike := strings.HasPrefix(f, "PPL") || f == "ADM2" || f == "BLDG" || f == "ST" || f == "SQR"
		w *= float64(min(len(gr.mentions), 3))
		if strings.HasPrefix(f, "PCL") || c.demonym || f == "BLDG" {
			// A country named says what the article is about more than
			// where it happens.
			w *= wt.countryAnchor
		}
		if isDL {
			w += 2
		}
		an := anchor{group: gi, lat: c.e.Lat, lon: c.e.Lon, country: c.e.Country, admin1: admin1,
			weight: w, pointLike: pointLike, isDateline: isDL}
		ctx.byGroup[gi] = len(ctx.anchors)
		ctx.countryW[an.country] += w
		if admin1 >= 0 {
			ctx.admin1W[admin1] += w
		}
		if pointLike {
			cell := cellOf(an.lat, an.lon)
			ctx.grid[cell] = append(ctx.grid[cell], len(ctx.anchors))
		}
		ctx.anchors = append(ctx.anchors, an)
		if len(ctx.anchors) >= maxAnchors {
			break
		}
	}
	return ctx
}

// near returns the distance in km from (lat, lon) to the nearest
// point-like anchor of another group within about one grid cell, or +Inf.
// The dateline's place counts as twice as near.
func (ctx *docContext) near(gi int, lat, lon float64) float64 {
	best := math.Inf(1)
	c := cellOf(lat, lon)
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			for _, ai := range ctx.grid[[2]int{c[0] + dy, c[1] + dx}] {
				an := &ctx.anchors[ai]
				if an.group == gi {
					continue
				}
				d := haversine(lat, lon, an.lat, an.lon)
				if an.isDateline {
					d *= 0.5
				}
				best = math.Min(best, d)
			}
		}
	}
	return best
}

// score scores every reading of gr and picks the best.
func (a *analysis) score(gi int, gr *group, ctx *docContext) {
	if len(gr.cands) == 0 {
		return
	}
	// Qualifiers: the places named after a comma.
	var qualAdmin1 []int
	var qualCountry []string
	qualifier := false
	for _, mi := range gr.mentions {
		m := a.mentions[mi]
		if m.qualifies {
			qualifier = true
		}
		if m.qual < 0 {
			continue
		}
		q := a.mentions[m.qual]
		for i := range min(q.post.Len(), a.r.cfg.MaxCandidates) {
			e := a.r.g.Entry(q.post.At(i).Entry)
			switch {
			case e.Feature == "ADM1":
				qualAdmin1 = append(qualAdmin1, e.Index)
			case strings.HasPrefix(e.Feature, "PCL"):
				qualCountry = append(qualCountry, e.Country)
			}
		}
	}
	var own *anchor
	if ctx != nil {
		if ai, ok := ctx.byGroup[gi]; ok {
			own = &ctx.anchors[ai]
		}
	}
	// A division named like its seat ("Geneva", "Quebec"): news means
	// the city.
	seatOf := map[int]bool{}
	for _, c := range gr.cands {
		if c.e.Feature == "ADM1" {
			seatOf[c.e.Index] = true
		}
	}
	best, second := -1, math.Inf(-1)
	for ci := range gr.cands {
		c := &gr.cands[ci]
		s := c.prior
		if len(seatOf) > 0 && (c.e.Feature == "PPLA" || c.e.Feature == "PPLC") && seatOf[c.e.Admin1] {
			s += wt.seat
		}
		if len(qualAdmin1)+len(qualCountry) > 0 {
			hit := false
			for _, q := range qualAdmin1 {
				if c.e.Admin1 == q {
					s += 8
					hit = true
					break
				}
			}
			if !hit {
				for _, q := range qualCountry {
					if c.e.Country == q {
						s += 5
						hit = true
						break
					}
				}
			}
			if !hit {
				s -= 4
			}
		}
		if ctx != nil && len(gr.cands) > 1 {
			cw := ctx.countryW[c.e.Country]
			if own != nil && own.country == c.e.Country {
				cw -= own.weight
			}
			s += wt.country * math.Min(cw, wt.countryCap)
			a1 := c.e.Admin1
			if c.e.Feature == "ADM1" {
				a1 = c.e.Index
			}
			if a1 >= 0 {
				aw := ctx.admin1W[a1]
				if own != nil && own.admin1 == a1 {
					aw -= own.weight
				}
				s += wt.admin1 * math.Min(aw, 3)
			}
			a2 := c.e.Admin2
			if c.e.Feature == "ADM2" {
				a2 = c.e.Index
			}
			if a2 >= 0 {
				for _, g := range ctx.counties[a2] {
					if g != gi {
						s += wt.county
						break
					}
				}
			}
			switch near := ctx.near(gi, c.e.Lat, c.e.Lon); {
			case near < 50:
				s += wt.near50
			case near < 150:
				s += wt.near150
			case near < 400:
				s += wt.near400
			}
		}
		if a.usLocal && c.e.Country == "USA" {
			s += wt.local
		}
		if qualifier && (c.e.Feature == "ADM1" || strings.HasPrefix(c.e.Feature, "PCL")) {
			s += 3
		}
		c.score = s
		if best < 0 || s > gr.cands[best].score {
			if best >= 0 {
				second = gr.cands[best].score
			}
			best = ci
		} else if s > second {
			second = s
		}
	}
	gr.best = best
	gr.margin = gr.cands[best].score - second
}

// apply writes the readings into the document: places on the entities that
// were there, new entities for the places discovered.
// countryActor codes a place the actors stage left uncoded as its country
// ("Jericho" as PSE), so that events involving it carry a country: places,
// peoples and the regions inside one country, not facilities.
func countryActor(e *doc.Entity) {
	if e.Actor != nil || e.Place == nil || e.Place.Country == "" {
		return
	}
	switch e.Type {
	case doc.GPE, doc.Loc, doc.NORP:
		e.Actor = &doc.Actor{Country: e.Place.Country, Code: e.Place.Country}
	}
}

func (a *analysis) apply() {
	d := a.d
	done := map[int]bool{}
	for _, m := range a.mentions {
		if m.rejected || m.entity < 0 || done[m.entity] {
			continue
		}
		gr := a.groups[m.group]
		if gr.best < 0 {
			continue
		}
		c := gr.cands[gr.best]
		e := &d.Entities[m.entity]
		if e.Type == doc.NORP && !c.demonym {
			continue
		}
		e.Place = placeOf(c.e)
		countryActor(e)
		done[m.entity] = true
	}
	used := map[string]bool{}
	for _, e := range d.Entities {
		used[e.ID] = true
	}
	next := 1
	byPlace := map[string]int{} // place id + type -> index in d.Entities
	for _, m := range a.mentions {
		if m.rejected || m.entity >= 0 {
			continue
		}
		gr := a.groups[m.group]
		if gr.best < 0 {
			continue
		}
		c := gr.cands[gr.best]
		typ := entityType(c.e.Feature)
		if c.demonym {
			typ = doc.NORP
		}
		k := typ + " " + c.e.ID()
		ei, ok := byPlace[k]
		if !ok {
			id := ""
			for {
				id = "p" + strconv.Itoa(next)
				next++
				if !used[id] {
					break
				}
			}
			used[id] = true
			d.Entities = append(d.Entities, doc.Entity{ID: id, Type: typ, Name: c.e.Name, Place: placeOf(c.e)})
			ei = len(d.Entities) - 1
			countryActor(&d.Entities[ei])
			byPlace[k] = ei
		}
		d.Entities[ei].Mentions = append(d.Entities[ei].Mentions, doc.Mention{Span: m.span, Kind: doc.MentionName})
	}
}
