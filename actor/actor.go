// Package actor is sitrep's actors stage: it turns the entities the NER
// stage found into coded actors — a country (ISO 3166-1 alpha-3) and a
// CAMEO-style sector with their composed code — and resolves who is who
// within a document.
//
// The Resolver adds the actor mentions the NER does not produce (country
// and organisation names it knows from the knowledge base, nominal mentions
// such as "U.S. officials" or "the CIA director", and pronouns), codes each
// person, organisation, group and country from the knowledge base and from
// the sentence around it (titles, premodifiers, appositions, possessives,
// "leader of X"), and merges mentions of the same actor into one entity.
// An actor nothing in its own phrase codes takes the country of the place
// its phrase is in ("rebels in the Ivory Coast") or, failing that, of the
// one country its sentence's scene or its document names; places the
// knowledge base does not list are coded from the gazetteer.
// Evidence that disagrees is recorded in d.Problems, not silently resolved;
// an entity nothing codes keeps its name and type and no Actor.
package actor

import (
	"context"
	"fmt"
	"sort"
	"time"

	"sitrep/doc"
	"sitrep/gazetteer"
	"sitrep/kb"
	"sitrep/pipeline"
)

// StageName is the name the Resolver reports to the pipeline.
const StageName = "actors"

// Known is what a Memory knows of an actor from earlier documents.
type Known struct {
	Name     string    // the name it was learned under
	Actor    doc.Actor // country, sector and code
	Gender   string    // "m", "f" or ""
	Role     string    // e.g. "interim president"
	From, To time.Time // when it was seen holding this role; zero for open
	Evidence string    // the text that taught it, or where it came from
}

// Memory is what the resolver consults for names neither the knowledge base
// nor the document codes: the actors remembered from earlier documents. The
// store implements it. Lookup returns what is known of name as of at (zero
// when the date is unknown), most relevant first, or nil. name is a name as
// written ("Rodríguez") or, for a definite nominal that no earlier mention
// in the document explains, its role phrase without the article ("interim
// president", "Venezuela's interim president").
type Memory interface {
	Lookup(name string, at time.Time) []Known
}

// MemoryFunc adapts a function to the Memory interface.
type MemoryFunc func(name string, at time.Time) []Known

// Lookup calls f.
func (f MemoryFunc) Lookup(name string, at time.Time) []Known { return f(name, at) }

// Config configures a Resolver. The zero value uses the embedded knowledge
// base and no memory.
type Config struct {
	KB     *kb.KB // nil means kb.Default()
	Memory Memory // nil means no cross-document memory
	// Gazetteer codes places the knowledge base does not know with their
	// country when their name is unambiguous; nil means
	// gazetteer.Default().
	Gazetteer *gazetteer.Gazetteer
	// NoGazetteer, when true, codes places from the knowledge base only.
	NoGazetteer bool
}

// Resolver is the actors stage. It is safe for concurrent use.
type Resolver struct {
	kb  *kb.KB
	mem Memory
	gaz *gazetteer.Gazetteer
	// fuzzy finds country names misspelt by one letter.
	fuzzy map[string][]string
}

var _ pipeline.Stage = (*Resolver)(nil)

// New returns a Resolver configured by cfg. It returns an error only when
// the embedded knowledge base or gazetteer cannot be loaded.
func New(cfg Config) (*Resolver, error) {
	k := cfg.KB
	if k == nil {
		var err error
		if k, err = kb.Default(); err != nil {
			return nil, fmt.Errorf("actor: %w", err)
		}
	}
	g := cfg.Gazetteer
	if g == nil && !cfg.NoGazetteer {
		var err error
		if g, err = gazetteer.Default(); err != nil {
			return nil, fmt.Errorf("actor: %w", err)
		}
	}
	return &Resolver{kb: k, mem: cfg.Memory, gaz: g, fuzzy: misspellings(k)}, nil
}

// Name returns "actors".
func (r *Resolver) Name() string { return StageName }

// Fact is one thing the resolver learned about an actor from a document's
// text, with the text that says so: what a store remembers across
// documents.
type Fact struct {
	Entity   string    // entity id in the document
	Name     string    // the entity's canonical name
	Type     string    // entity type
	Actor    doc.Actor // as coded
	Role     string    // the agent noun that gave the sector, e.g. "opposition leader"
	Gender   string
	Evidence doc.Span // the title, apposition or phrase that taught it
	How      string   // "title", "apposition", "possessive", "of", "nominal", "name"
	Seen     time.Time
}

// Process codes and merges d's actor entities in place: it rewrites
// d.Entities so that every person, organisation, group and country lists
// all its mentions (names, nominals, pronouns) and carries its Actor when
// the knowledge base, the text or the memory codes it; entity ids are
// renumbered "e1", "e2", … in order of first mention. Entities of other
// types are kept as they were, renumbered in the same order. An empty
// document is left empty. Process returns an error only when ctx is done.
func (r *Resolver) Process(ctx context.Context, d *doc.Document) error {
	_, err := r.Resolve(ctx, d)
	return err
}

// Resolve is Process, also returning the facts learned from the text, in
// order of the entities they concern. It returns an error only when ctx is
// done; then d is unchanged.
func (r *Resolver) Resolve(ctx context.Context, d *doc.Document) ([]Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(d.Text) == 0 {
		return nil, nil
	}
	s := newState(r, d)
	if len(s.v.toks) >= maxTokens {
		d.Problems.Add(StageName, doc.Span{Start: s.v.toks[len(s.v.toks)-1].End, End: len(d.Text)},
			"document longer than %d tokens: the rest is not resolved", maxTokens)
	}
	s.seedEntities()
	s.reviewNames()
	s.scanNames()
	s.scanAgents()
	s.codeNames()
	s.codePlaces()
	s.applyTitles()
	s.mergeNames()
	s.resolveNominals()
	s.scanPronouns()
	s.resolvePronouns()
	s.resolveFirstPerson()
	s.placeContext()
	s.contextFallback()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.output(), nil
}

// state is one document being resolved.
type state struct {
	r     *Resolver
	kb    *kb.KB
	d     *doc.Document
	v     *view
	at    time.Time
	ments []*mention
	cls   []*cluster
	other []doc.Entity // entities of types the resolver does not code
	title []*titleNP   // agent phrases attached to a name or standing alone
	buf   []byte
}

func newState(r *Resolver, d *doc.Document) *state {
	return &state{r: r, kb: r.kb, d: d, v: newView(d), at: d.Published}
}

// mention is one mention under resolution.
type mention struct {
	doc.Span
	t0, t1   int    // token range
	kind     string // doc.MentionName, MentionNominal, MentionPronoun
	cl       int    // cluster
	entries  []*kb.Entry
	np       *titleNP // for nominals: the phrase
	pron     string   // for pronouns: the lower-case pronoun
	gender   string
	plural   bool
	neuter   bool
	modifier bool     // a name inside a larger phrase ("U.S." in "U.S. officials")
	dropped  bool     // absorbed into a wider name mention
	words    []string // folded words of a name, computed once
	first    bool     // a first- or second-person pronoun
	second   bool     // a second-person pronoun
}

// evidence is one reason to code a cluster a certain way.
type evidence struct {
	value string
	how   string // "kb", "memory", "title", "apposition", "possessive", "of", "nominal", "name"
	text  bool   // from the text around the mention, not from a list
	span  doc.Span
	role  string
}

// cluster is one actor being built: the mentions merged so far and the
// evidence for its codes.
type cluster struct {
	typ      string
	parent   int // union-find parent; itself when a root
	orig     *doc.Entity
	ments    []int
	country  []evidence
	sector   []evidence
	roles    []string // agent phrases and their head words, lower case
	orgs     []string // kb ids of organisations named in its titles
	kbIDs    []string
	gender   string
	plural   bool
	group    bool
	nominal  bool // made from a nominal mention
	personal bool // a person (singular or plural), not a body
	narrator bool // the first person outside quotations: the author or speaker
}

func (s *state) find(i int) int {
	for s.cls[i].parent != i {
		s.cls[i].parent = s.cls[s.cls[i].parent].parent
		i = s.cls[i].parent
	}
	return i
}

func (s *state) newCluster(typ string) int {
	s.cls = append(s.cls, &cluster{typ: typ, parent: len(s.cls)})
	return len(s.cls) - 1
}

// addMention records m in a new cluster of type typ (or cl >= 0) and marks
// its tokens.
func (s *state) addMention(m *mention, typ string, cl int) int {
	if cl < 0 {
		cl = s.newCluster(typ)
	}
	m.cl = cl
	s.ments = append(s.ments, m)
	idx := len(s.ments) - 1
	s.cls[cl].ments = append(s.cls[cl].ments, idx)
	if m.kind == doc.MentionName {
		for t := m.t0; t < m.t1; t++ {
			if s.v.toks[t].ment < 0 {
				s.v.toks[t].ment = idx
			}
		}
	}
	return idx
}

// tokenRange returns the tokens overlapping sp, or ok false when none do.
func (s *state) tokenRange(sp doc.Span) (int, int, bool) {
	toks := s.v.toks
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > sp.Start })
	j := i
	for j < len(toks) && toks[j].Start < sp.End {
		j++
	}
	return i, j, i < j
}

// blockTypes are entity types whose text is never an actor mention: no
// knowledge-base name or agent noun is sought inside them. A location or
// MISC entity is not blocked, since the NER's spans for them are often
// wrong ("State Warren Christopher").
var blockTypes = map[string]bool{doc.EventT: true, doc.Work: true, doc.Product: true, doc.Law: true}

var actorTypes = map[string]bool{doc.Person: true, doc.Org: true, doc.NORP: true, doc.GPE: true, doc.Fac: true}

// seedEntities takes the NER's entities: actor types become clusters, the
// others are kept aside.
func (s *state) seedEntities() {
	for i := range s.d.Entities {
		e := &s.d.Entities[i]
		typ := e.Type
		if !actorTypes[typ] && len(e.Mentions) == 1 {
			// A country or organisation the NER typed as a location or
			// something else is an actor all the same.
			if t0, t1, ok := s.tokenRange(e.Mentions[0].Span); ok {
				if es := s.kb.Names(string(s.keyBytes(t0, t1, false))); len(es) > 0 && es[0].Kind != kb.KindPerson && es[0].Kind != kb.KindDemonym {
					typ = typeOf(es)
				} else if es := s.kb.Names(s.v.toks[t0].text); t1-t0 > 1 && len(es) > 0 && es[0].Kind == kb.KindDemonym && (typ == doc.Misc || typ == doc.Loc) {
					typ = doc.NORP // "Iraqi Kurds" typed MISC
				}
			}
		}
		if !actorTypes[typ] || len(e.Mentions) == 0 {
			// The same place or thing named again is one entity.
			merged := false
			for k := range s.other {
				o := &s.other[k]
				if o.Type == e.Type && len(e.Mentions) > 0 && len(o.Mentions) > 0 && o.Place == nil && e.Place == nil &&
					s.d.Slice(o.Mentions[0].Span) == s.d.Slice(e.Mentions[0].Span) {
					o.Mentions = append(o.Mentions, e.Mentions...)
					merged = true
					break
				}
			}
			if !merged {
				s.other = append(s.other, *e)
			}
			if !blockTypes[typ] {
				continue
			}
			for _, em := range e.Mentions {
				if t0, t1, ok := s.tokenRange(em.Span); ok {
					for t := t0; t < t1; t++ {
						s.v.toks[t].blocked = true
					}
				}
			}
			continue
		}
		cl := s.newCluster(typ)
		s.cls[cl].orig = e
		for _, em := range e.Mentions {
			t0, t1, ok := s.tokenRange(em.Span)
			if !ok || !em.Span.Valid(len(s.d.Text)) {
				continue
			}
			kind := em.Kind
			if kind == "" {
				kind = doc.MentionName
			}
			m := &mention{Span: em.Span, t0: t0, t1: t1, kind: kind}
			s.addMention(m, typ, cl)
		}
	}
}

// lookupName returns the longest knowledge-base name starting at token i
// that does not run into a marked token: its end and entries.
func (s *state) lookupName(i int) (int, []*kb.Entry) {
	toks := s.v.toks
	maxJ := min(len(toks), i+s.kb.MaxWords())
	for j := i + 1; j <= maxJ; j++ {
		if toks[j-1].ment >= 0 || toks[j-1].blocked || len(toks[j-1].text) > maxTokenLen || (j > i+1 && toks[j-1].sent != toks[i].sent) {
			maxJ = j - 1
			break
		}
	}
	for j := maxJ; j > i; j-- {
		b := s.keyBytes(i, j, false)
		if es := s.kb.Names(string(b)); len(es) > 0 {
			return j, es
		}
	}
	return i, nil
}

// keyBytes is key without the final string conversion; the map lookup
// string(b) does not allocate.
func (s *state) keyBytes(i, j int, lower bool) []byte {
	b := s.buf[:0]
	toks := s.v.toks
	for k := i; k < j; k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b = append(b, ' ')
		}
		if lower {
			b = append(b, toks[k].lower...)
		} else {
			b = append(b, toks[k].text...)
		}
	}
	s.buf = b
	return b
}

// typeOf gives the entity type a knowledge-base match stands for.
func typeOf(es []*kb.Entry) string {
	switch es[0].Kind {
	case kb.KindCountry, kb.KindCapital:
		return doc.GPE
	case kb.KindDemonym:
		return doc.NORP
	case kb.KindPerson:
		return doc.Person
	}
	return doc.Org
}

// scanNames adds a mention for every knowledge-base name the NER left out.
func (s *state) scanNames() {
	toks := s.v.toks
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.ment >= 0 || t.blocked || !t.cap || len(t.text) > maxTokenLen {
			continue
		}
		// A capitalised word inside a longer run of capitalised words
		// ("New Mexico Territory") is left to the NER, except at the start
		// of a run.
		j, es := s.lookupName(i)
		if es == nil {
			continue
		}
		if t.upos == "VERB" || t.upos == "ADP" || t.upos == "PRON" {
			continue
		}
		// "the Kremlin": take the article only when the name needs it.
		m := &mention{Span: doc.Span{Start: t.Start, End: toks[j-1].End}, t0: i, t1: j, kind: doc.MentionName, entries: es}
		s.addMention(m, typeOf(es), -1)
		i = j - 1
	}
}

// reviewNames looks the NER's names up in the knowledge base before anything
// else reads them: a name the NER cut short of its article ("Hill" of "The
// Hill") is extended, and a name the NER typed as a person or place that the
// knowledge base knows only as an organisation is retyped (and vice versa
// for places), so that titles and appositions read it right.
func (s *state) reviewNames() {
	toks := s.v.toks
	for mi, m := range s.ments {
		if m.kind != doc.MentionName || m.dropped {
			continue
		}
		if s.cls[m.cl].typ == doc.Person {
			s.trimTitle(mi)
		}
		s.extend(mi)
		c := s.cls[m.cl]
		if m.t0 > 0 && toks[m.t0-1].text == "The" && toks[m.t0-1].ment < 0 && toks[m.t0-1].sent == toks[m.t0].sent {
			if es := s.kb.Names(string(s.keyBytes(m.t0-1, m.t1, false))); len(es) > 0 {
				m.t0--
				m.Start = toks[m.t0].Start
				toks[m.t0].ment = toks[m.t0+1].ment
				m.entries = es
			}
		}
		all := m.entries
		if all == nil {
			all = s.kb.Names(string(s.keyBytes(m.t0, m.t1, false)))
		}
		if len(all) == 0 && (c.typ == doc.Org || c.typ == doc.Person || c.typ == doc.Misc) {
			s.personSuffix(mi)
			all = m.entries
		}
		if len(all) == 0 || len(s.nameEntries(m, c.typ)) > 0 {
			continue
		}
		kinds := map[kb.Kind]bool{}
		for _, e := range all {
			kinds[e.Kind] = true
		}
		switch {
		case (kinds[kb.KindOrg] || kinds[kb.KindSeat]) && !kinds[kb.KindPerson] && !kinds[kb.KindCountry]:
			c.typ = doc.Org
		case c.typ == doc.Org && (kinds[kb.KindCountry] || kinds[kb.KindCapital]):
			c.typ = doc.GPE
		}
	}
}

// personSuffix narrows a name mention whose end is a person the knowledge
// base knows and whose first words are not ("Interior Aftab Ahmad Khan
// Sherpao", typed ORG): the mention becomes that person.
func (s *state) personSuffix(mi int) {
	m := s.ments[mi]
	toks := s.v.toks
	for a := m.t0 + 1; a < m.t1; a++ {
		if !toks[a].cap {
			continue
		}
		var persons []*kb.Entry
		for _, e := range s.kb.Names(string(s.keyBytes(a, m.t1, false))) {
			if e.Kind == kb.KindPerson {
				persons = append(persons, e)
			}
		}
		if len(persons) == 0 {
			continue
		}
		for t := m.t0; t < a; t++ {
			if toks[t].ment == mi {
				toks[t].ment = -1
			}
		}
		m.t0, m.Start, m.entries = a, toks[a].Start, persons
		s.cls[m.cl].typ = doc.Person
		return
	}
}

// extend widens a name mention the NER cut short to the longest
// knowledge-base name that covers it within three words either side
// ("States" to "United States", "Kurdistan Workers" to "Kurdistan
// Workers' Party"); name mentions it swallows are dropped.
func (s *state) extend(mi int) {
	m := s.ments[mi]
	toks := s.v.toks
	sent := toks[m.t0].sent
	usable := func(t int) bool {
		tk := &toks[t]
		if tk.sent != sent || tk.blocked || len(tk.text) > maxTokenLen {
			return false
		}
		return tk.ment < 0 || tk.ment == mi || s.ments[tk.ment].kind == doc.MentionName
	}
	bestA, bestB := m.t0, m.t1
	var best []*kb.Entry
	for a := m.t0; a >= 0 && a >= m.t0-3; a-- {
		if a < m.t0 && !usable(a) {
			break
		}
		for b := m.t1; b <= len(toks) && b <= m.t1+3; b++ {
			if b > m.t1 && !usable(b-1) {
				break
			}
			if (a == m.t0 && b == m.t1) || b-a <= bestB-bestA {
				continue
			}
			if a == m.t0-1 && b == m.t1 && toks[a].lower == "the" {
				continue
			}
			if es := s.kb.Names(string(s.keyBytes(a, b, false))); len(es) > 0 {
				bestA, bestB, best = a, b, es
			}
		}
	}
	if best == nil {
		return
	}
	for t := bestA; t < bestB; t++ {
		if o := toks[t].ment; o >= 0 && o != mi && !s.ments[o].dropped {
			s.drop(o)
		}
		toks[t].ment = mi
	}
	m.t0, m.t1 = bestA, bestB
	m.Span = doc.Span{Start: toks[bestA].Start, End: toks[bestB-1].End}
	m.entries = best
	c := s.cls[m.cl]
	if !(c.typ == doc.Person && best[0].Kind == kb.KindPerson) {
		c.typ = typeOf(best)
	}
}

// drop removes mention o from its cluster.
func (s *state) drop(o int) {
	m := s.ments[o]
	m.dropped = true
	c := s.cls[m.cl]
	for i, x := range c.ments {
		if x == o {
			c.ments = append(c.ments[:i], c.ments[i+1:]...)
			break
		}
	}
	for t := m.t0; t < m.t1; t++ {
		if s.v.toks[t].ment == o {
			s.v.toks[t].ment = -1
		}
	}
}

// trimTitle cuts a title the NER left inside a person's name ("Director
// John Ratcliffe", "Venezuelan opposition leader María Corina Machado") off
// the mention, so that the title is read as one: the leading words must be
// agent nouns, known names, premodifiers or possessives, ending with an
// agent noun, and a capitalised word must remain.
func (s *state) trimTitle(mi int) {
	m := s.ments[mi]
	toks := s.v.toks
	cut := -1
	for i := m.t0; i < m.t1-1; {
		if j, a := s.agentAtAny(i, m.t1-1); a != nil && (a.Sector != "" || a.Weak || a.Title || a.Gender != "") {
			cut = j
			i = j
			continue
		}
		if j, es := s.namesWithin(i, m.t1-1); es != nil && es[0].Kind != kb.KindPerson {
			i = j
			continue
		}
		if premodifiers[toks[i].lower] || toks[i].text == "'s" || toks[i].text == "'" {
			i++
			continue
		}
		break
	}
	if cut < 0 || cut >= m.t1 || !toks[cut].cap {
		return
	}
	for t := m.t0; t < cut; t++ {
		if toks[t].ment == mi {
			toks[t].ment = -1
		}
	}
	m.t0 = cut
	m.Start = toks[cut].Start
}

// unmention takes back the last mention added, a nominal found not to be
// one.
func (s *state) unmention(idx int) {
	if idx < 0 || idx != len(s.ments)-1 {
		return
	}
	m := s.ments[idx]
	c := s.cls[m.cl]
	if len(c.ments) == 1 && c.ments[0] == idx && m.cl == len(s.cls)-1 {
		s.cls = s.cls[:len(s.cls)-1]
	} else {
		s.drop(idx)
	}
	s.ments = s.ments[:idx]
}
