package coder

import (
	"strconv"
	"strings"

	"sitrep/doc"
)

// work is the state of coding one document.
type work struct {
	c      *Coder
	d      *doc.Document
	tokEnt []int32 // token -> entity index, -1 when none
	evs    []doc.Event

	// per sentence, reused
	lo, hi int
	lem    []string
	kidOff []int32 // children of local token i: kids[kidOff[i]:kidOff[i+1]]
	kids   []int32
	cands  []cand
	trigOf []int32 // local token -> candidate index, -1

	forRecipient bool // entityFor is resolving a recipient
}

// cand is an event candidate within a sentence.
type cand struct {
	p          *Pattern
	trig       int // local token
	obj        int // light-verb object or -1
	clause     int // local clause head
	actors     []int
	targets    []int
	neg, cond  bool
	fut, hyp   bool
	dem, hist  bool
	unless     bool // the clause has an unless-condition: a threat
	committed  bool // the intent is stated by a word of commitment ("agreed to", "is willing to")
	failed     bool // the event is the complement of a verb of failure ("failed to reach agreement")
	governor   int  // candidate governing this one through a complement, -1
	dropped    bool
	speaker    string
	plover     string
	mode       string
	cameo      string
	modality   string
	fromGov    bool // the actor came only from a governing verb (nouns)
	hasOwnComp bool // a complement clause below yields an event
}

// codable entity types: those that can act or be acted upon.
func codable(e *doc.Entity) bool {
	switch e.Type {
	case doc.Person, doc.Org, doc.GPE, doc.NORP, doc.Loc, doc.Fac:
		return true
	}
	return e.Actor != nil
}

func newWork(c *Coder, d *doc.Document) *work {
	w := &work{c: c, d: d, tokEnt: make([]int32, len(d.Tokens))}
	for i := range w.tokEnt {
		w.tokEnt[i] = -1
	}
	for ei := range d.Entities {
		e := &d.Entities[ei]
		if !codable(e) {
			continue
		}
		for _, m := range e.Mentions {
			if !m.Span.Valid(len(d.Text)) {
				continue
			}
			// first token ending after the mention's start
			i := searchTok(d.Tokens, m.Start)
			for ; i < len(d.Tokens) && d.Tokens[i].Start < m.End; i++ {
				if d.Tokens[i].End > m.Start && w.tokEnt[i] < 0 {
					w.tokEnt[i] = int32(ei)
				}
			}
		}
	}
	return w
}

// searchTok returns the index of the first token whose End is after off.
func searchTok(toks []doc.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Sentence-local accessors.
func (w *work) tok(i int) *doc.Token { return &w.d.Tokens[w.lo+i] }
func (w *work) n() int               { return w.hi - w.lo }
func (w *work) rel(i int) string     { return w.d.Tokens[w.lo+i].Deprel }
func (w *work) upos(i int) string    { return w.d.Tokens[w.lo+i].UPOS }
func (w *work) head(i int) int {
	h := w.d.Tokens[w.lo+i].Head
	if h < w.lo || h >= w.hi || h == w.lo+i {
		return -1
	}
	return h - w.lo
}
func (w *work) children(i int) []int32 { return w.kids[w.kidOff[i]:w.kidOff[i+1]] }

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// child returns the first child of i whose relation is rel (exactly, or
// its base when rel has no subtype and allowSub is set), or -1.
func (w *work) child(i int, rel string, allowSub bool) int {
	for _, k := range w.children(i) {
		r := w.rel(int(k))
		if r == rel || allowSub && baseRel(r) == rel {
			return int(k)
		}
	}
	return -1
}

// caseOf returns i's preposition ("case" child) in lower case, as
// written: "regarding", "according". It is "" when there is none.
func (w *work) caseOf(i int) string {
	for _, k := range w.children(i) {
		if w.rel(int(k)) == "case" {
			t := w.tok(int(k))
			f := w.d.Slice(t.Span)
			for j := 0; j < len(f); j++ {
				if f[j] >= 'A' && f[j] <= 'Z' {
					return strings.ToLower(f)
				}
			}
			return f
		}
	}
	return ""
}

// prepositional reports whether i's relation is one that carries a
// preposition: an oblique or a nominal modifier.
func prepositional(r string) bool {
	switch baseRel(r) {
	case "obl", "nmod", "advcl", "advmod":
		return r != "nmod:poss"
	}
	return false
}

// passive reports whether verb v is in the passive voice: it has a passive
// subject, or a passive auxiliary and no active subject; or it is a bare
// past participle modifying a noun ("Africans ordered out") or coordinated
// with a passive ("were killed or wounded").
func (w *work) passive(v int) bool {
	for depth := 0; depth < 4; depth++ {
		aux, subj, other := false, false, false
		for _, k := range w.children(v) {
			switch w.rel(int(k)) {
			case "nsubj:pass", "csubj:pass":
				return true
			case "aux:pass":
				aux = true
			case "nsubj":
				subj = true
			case "aux":
				other = true
			}
		}
		if aux {
			return !subj
		}
		if subj || other || w.tok(v).XPOS != "VBN" {
			return false
		}
		switch w.rel(v) {
		case "acl":
			// unless the parse hung the main verb off the subject noun:
			// "Foreign ministers agreed in principle ...", "Serb forces
			// killed three ethnic Albanians" (a passive takes no object)
			return !w.rootNoun(w.head(v)) && w.child(v, "obj", false) < 0
		case "conj":
			if v = w.head(v); v < 0 {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// subjOf returns the logical subject of verb v: its subject, the by-agent
// of a passive, or the subject it inherits as a controlled, coordinated or
// participial clause. -1 when there is none.
func (w *work) subjOf(v, depth int) int {
	if v < 0 || depth > 8 {
		return -1
	}
	if w.passive(v) {
		for _, k := range w.children(v) {
			r := w.rel(int(k))
			if r == "obl:agent" || (baseRel(r) == "obl" && w.caseOf(int(k)) == "by") {
				return int(k)
			}
		}
	} else {
		// the subject nearest before the verb, should the parse give two
		best := -1
		for _, k := range w.children(v) {
			if r := w.rel(int(k)); r == "nsubj" || r == "nsubj:outer" {
				if best < 0 || (int(k) < v && int(k) > best) {
					best = int(k)
				}
			}
		}
		if best >= 0 {
			return w.relPronoun(v, best)
		}
	}
	h := w.head(v)
	if h < 0 {
		return -1
	}
	r := w.rel(v)
	rb := baseRel(r)
	if w.infinitiveObl(v) {
		rb = "xcomp" // "offered to hand over" parsed as an oblique
	}
	switch rb {
	case "xcomp":
		// object control: "urged Iran to stop", "expects supporters to
		// demonstrate": the object does it
		if o := w.objOf(h); o >= 0 && o < v && (w.c.dict.Lex.Control[w.lem[h]] || w.c.dict.Lex.Demand[w.lem[h]]) {
			return o
		}
		if w.c.dict.Lex.Demand[w.lem[h]] {
			for _, k := range w.children(h) {
				if baseRel(w.rel(int(k))) == "obl" && w.caseOf(int(k)) == "on" {
					return int(k)
				}
			}
		}
		if w.passive(v) {
			return -1
		}
		if w.passive(h) {
			// "is prepared to impose", "was forced to withdraw": the
			// surface subject does it
			if s := w.child(h, "nsubj:pass", false); s >= 0 {
				return s
			}
		}
		return w.subjOf(h, depth+1)
	case "conj":
		if w.upos(h) != "VERB" {
			return -1
		}
		switch pv, ph := w.passive(v), w.passive(h); {
		case pv == ph:
			return w.subjOf(h, depth+1)
		case ph:
			// "was accompanied ... and spent": the surface subject
			if s := w.child(h, "nsubj:pass", false); s >= 0 {
				return s
			}
		}
	case "advcl":
		if m := w.child(v, "mark", false); (m < 0 || w.lem[m] == "to") && !w.passive(v) {
			return w.subjOf(h, depth+1)
		}
	case "parataxis":
		// a misparse hanging the verb off its auxiliary: "has ... rejected"
		if w.upos(h) == "AUX" {
			return w.subjOf(h, depth+1)
		}
		// or off the subject noun heading the sentence: "Security forces
		// in Guinea have tortured"
		if w.rootNoun(h) && !w.passive(v) {
			return h
		}
		// or off a participle taken for the main verb: "The Red Cross
		// operating in Iraq said"
		if w.head(h) < 0 && (w.tok(h).XPOS == "VBG" || w.tok(h).XPOS == "VBN") {
			return w.subjOf(h, depth+1)
		}
	case "acl":
		// "militants firing on ...": the noun does it, when it names
		// an entity itself; so does a root noun the main verb was hung
		// off ("British aircraft ... killed 4 Iraqis")
		if r == "acl" && (w.tok(v).XPOS == "VBG" && w.tokEnt[w.lo+h] >= 0 || w.rootNoun(h) && !w.passive(v) || (finite(w.tok(v).XPOS) || w.tok(v).XPOS == "VBN") && w.child(v, "obj", false) >= 0) {
			// a finite verb is no participle: "Israeli soldiers arrested
			// ..." parsed as a modifier of "soldiers"
			return h
		}
		if r == "acl" && w.tok(v).XPOS == "VBG" && w.rel(h) == "obj" && w.child(v, "mark", false) < 0 {
			// "issued a declaration demanding ...", "released a report
			// accusing ...": whoever issued it; not a gerund the noun
			// governs ("protested the decision of sending troops"), nor a
			// text someone else wrote ("vetoed a resolution condemning")
			if g := w.head(h); g >= 0 && w.upos(g) == "VERB" && authorVerbs[w.lem[g]] {
				return w.subjOf(g, depth+1)
			}
		}
	}
	return -1
}

// infinitiveObl reports whether v is a verb the parse took for a noun
// phrase with "to": a misparsed infinitive complement ("Libya has offered
// to hand over ...").
func (w *work) infinitiveObl(v int) bool {
	return w.upos(v) == "VERB" && baseRel(w.rel(v)) == "obl" && w.caseOf(v) == "to"
}

// finite reports whether a Penn tag is a finite verb form.
func finite(xpos string) bool {
	return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP"
}

// nominalRel reports whether r is a relation only nouns take.
func nominalRel(r string) bool {
	switch baseRel(r) {
	case "obj", "obl", "nsubj", "iobj":
		return true
	}
	return false
}

// rootNoun reports whether token n is a noun heading the sentence, which
// is what a parse that missed the main verb makes of the subject.
func (w *work) rootNoun(n int) bool {
	if n < 0 || w.head(n) >= 0 {
		return false
	}
	switch w.upos(n) {
	case "NOUN", "PROPN":
		return true
	}
	return false
}

// objOf returns the logical object of verb v: its object, or the subject
// of a passive. -1 when there is none.
func (w *work) objOf(v int) int {
	if v < 0 {
		return -1
	}
	if p := w.pronounAsSubject(v); p >= 0 {
		// "X, which the government designated a terrorist group": a
		// clause cannot have two subjects, so the relative pronoun taken
		// for one is the object, and the noun phrase taken for the object
		// is what X was made.
		return w.relPronoun(v, p)
	}
	for _, k := range w.children(v) {
		if r := w.rel(int(k)); r == "nsubj:pass" || (r == "obj" && !w.passive(v)) {
			return w.relPronoun(v, int(k))
		}
	}
	if w.rel(v) == "acl" && w.tok(v).XPOS == "VBN" {
		return w.head(v)
	}
	return -1
}

// pronounAsSubject returns the relative pronoun of relative clause v when
// the parse made it a subject beside another subject, else -1.
func (w *work) pronounAsSubject(v int) int {
	if w.rel(v) != "acl:relcl" {
		return -1
	}
	pron, subjects := -1, 0
	for _, k := range w.children(v) {
		if w.rel(int(k)) != "nsubj" {
			continue
		}
		subjects++
		if w.upos(int(k)) == "PRON" {
			switch w.lem[int(k)] {
			case "which", "that", "whom":
				pron = int(k)
			}
		}
	}
	if subjects < 2 {
		return -1
	}
	return pron
}

// relPronoun replaces a relative pronoun argument a of a relative clause v
// by the noun the clause modifies.
func (w *work) relPronoun(v, a int) int {
	if w.rel(v) != "acl:relcl" || w.upos(a) != "PRON" {
		return a
	}
	switch w.lem[a] {
	case "who", "which", "that", "whom":
		if h := w.head(v); h >= 0 {
			return h
		}
	}
	return a
}

// prepArgs appends the tokens attached to any of heads with preposition p.
func (w *work) prepArgs(dst []int, p string, heads ...int) []int {
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for _, k := range w.children(h) {
			if prepositional(w.rel(int(k))) && w.caseOf(int(k)) == p {
				dst = append(dst, int(k))
			}
		}
	}
	return dst
}

// deepPrep looks for a dependent introduced by preposition p two or three
// levels below t, through nominal modifiers only (not into other
// clauses). It returns the first found, or nil.
func (w *work) deepPrep(p string, t int) []int {
	level := []int{t}
	for depth := 0; depth < 3; depth++ {
		var next []int
		for _, x := range level {
			for _, k := range w.children(x) {
				switch baseRel(w.rel(int(k))) {
				case "obj", "obl", "nmod", "appos", "compound":
					if depth > 0 && prepositional(w.rel(int(k))) && w.caseOf(int(k)) == p {
						return []int{int(k)}
					}
					next = append(next, int(k))
				}
			}
		}
		if len(next) > 16 {
			next = next[:16]
		}
		level = next
	}
	return nil
}

// hasLemma reports whether l is in list ("*" matches anything).
func hasLemma(list []string, l string) bool {
	for _, x := range list {
		// a plural the lemmatizer keeps as it is ("troops", as EWT
		// mostly lemmatizes it) matches its singular
		if x == l || x == "*" || len(l) == len(x)+1 && l[len(x)] == 's' && l[:len(x)] == x {
			return true
		}
	}
	return false
}

// modOK reports whether noun n has a compound or adjective among lemmas.
func (w *work) modOK(n int, lemmas []string) bool {
	if n < 0 {
		return false
	}
	for _, k := range w.children(n) {
		switch baseRel(w.rel(int(k))) {
		case "compound", "amod", "nmod":
			if hasLemma(lemmas, w.lem[k]) {
				return true
			}
		}
	}
	return false
}

// particle returns the token of particle prt attached to verb t, or -1. A
// particle the parse took for an adverb or preposition right after the
// verb counts too ("handed over 700 kg").
func (w *work) particle(t int, prt string) int {
	if t+1 < w.n() && w.lem[t+1] == prt {
		switch w.upos(t + 1) {
		case "ADP", "ADV", "PART":
			// right after the verb, whatever the parse made of it
			return t + 1
		}
	}
	for _, k := range w.children(t) {
		if w.lem[k] != prt {
			continue
		}
		switch w.rel(int(k)) {
		case "compound:prt":
			return int(k)
		case "advmod", "case", "obl":
			if int(k) > t && int(k) <= t+3 {
				return int(k)
			}
		}
	}
	return -1
}

// quantity words stand before the noun that is the real object.
var quantity = map[string]bool{"part": true, "portion": true, "half": true, "some": true, "most": true, "all": true, "much": true, "bulk": true, "rest": true, "series": true, "number": true, "day": true, "week": true}

// match returns the first pattern among ps that token t satisfies, with
// the light-verb object it used (-1 when none).
func (w *work) match(t int, ps []*Pattern) (*Pattern, int) {
	up := w.upos(t)
outer:
	for _, p := range ps {
		switch p.Kind {
		case Verb:
			if up != "VERB" {
				continue
			}
		case Noun:
			if up != "NOUN" && !((up == "ADJ" || up == "VERB" && w.child(t, "det", false) >= 0) && nominalRel(w.rel(t))) {
				// "completed their withdrawal" with withdrawal tagged
				// ADJ, "began a hunger strike" with strike tagged VERB
				continue
			}
		default:
			continue
		}
		obj := -1
		if p.Particle != "" && w.particle(t, p.Particle) < 0 {
			continue
		}
		if p.Rel != nil && !hasLemma(p.Rel, baseRel(w.rel(t))) {
			continue
		}
		if p.Comp != nil {
			found := false
			for _, k := range w.children(t) {
				switch baseRel(w.rel(int(k))) {
				case "xcomp", "ccomp":
					if hasLemma(p.Comp, w.lem[k]) {
						found = true
					}
				}
			}
			if !found {
				continue
			}
		}
		if p.Dep != nil {
			found := false
			for _, k := range w.children(t) {
				r := baseRel(w.rel(int(k)))
				if w.infinitiveObl(int(k)) {
					r = "xcomp"
				}
				if hasLemma(p.Dep, r) {
					found = true
					break
				}
			}
			if !found {
				continue
			}
		}
		if p.Obj != nil {
			obj = w.objOf(t)
			if obj >= 0 && !hasLemma(p.Obj, w.lem[obj]) {
				// a second object from a misparsed compound: "withdraw
				// weapons inspectors"
				for _, k := range w.children(t) {
					if int(k) != obj && w.rel(int(k)) == w.rel(obj) && hasLemma(p.Obj, w.lem[k]) {
						obj = int(k)
						break
					}
				}
			}
			if obj >= 0 && !hasLemma(p.Obj, w.lem[obj]) && quantity[w.lem[obj]] {
				// "suspended part of a military aid program"
				for _, k := range w.children(obj) {
					if baseRel(w.rel(int(k))) == "nmod" && w.caseOf(int(k)) == "of" {
						obj = int(k)
						break
					}
				}
			}
			if obj < 0 || !hasLemma(p.Obj, w.lem[obj]) {
				continue
			}
		}
		if p.Mod != nil {
			n := t
			if p.Kind == Verb {
				n = obj
			}
			if !w.modOK(n, p.Mod) {
				continue
			}
		}
		lobj := obj
		if lobj < 0 && p.Kind == Verb && len(p.Preps) > 0 {
			// "welcomed Machado to the White House" with "to" hung
			// off the object
			lobj = w.objOf(t)
		}
		for _, pr := range p.Preps {
			found := false
			for _, a := range w.prepArgs(nil, pr.Prep, t, lobj) {
				if len(pr.Lemmas) == 0 || hasLemma(pr.Lemmas, w.lem[a]) {
					found = true
					break
				}
			}
			if !found {
				continue outer
			}
		}
		return p, obj
	}
	return nil, -1
}

// sentence finds the events of sentence si and appends them to w.evs.
func (w *work) sentence(si int) {
	s := w.d.Sentences[si]
	w.lo, w.hi = s.FirstToken, s.EndToken
	n := w.n()
	if !w.codableSentence() {
		return
	}
	// lemmas and children
	w.lem = w.lem[:0]
	for i := 0; i < n; i++ {
		t := w.tok(i)
		l := t.Lemma
		if l == "" {
			l = w.d.Slice(t.Span)
		}
		w.lem = append(w.lem, strings.ToLower(l))
	}
	w.kidOff = append(w.kidOff[:0], make([]int32, n+1)...)
	for i := 0; i < n; i++ {
		if h := w.head(i); h >= 0 {
			w.kidOff[h+1]++
		}
	}
	for i := 0; i < n; i++ {
		w.kidOff[i+1] += w.kidOff[i]
	}
	w.kids = append(w.kids[:0], make([]int32, n)...)
	fill := make([]int32, n)
	for i := 0; i < n; i++ {
		if h := w.head(i); h >= 0 {
			w.kids[w.kidOff[h]+fill[h]] = int32(i)
			fill[h]++
		}
	}
	w.cands = w.cands[:0]
	w.trigOf = append(w.trigOf[:0], make([]int32, n)...)
	for i := range w.trigOf {
		w.trigOf[i] = -1
	}
	// triggers
	for t := 0; t < n; t++ {
		ps := w.triggerPatterns(t)
		if len(ps) == 0 {
			continue
		}
		p, obj := w.match(t, ps)
		if p == nil {
			continue
		}
		w.trigOf[t] = int32(len(w.cands))
		w.cands = append(w.cands, cand{p: p, trig: t, obj: obj, governor: -1, dropped: p.Plover == None})
	}
	// a noun that is the object of another trigger is that event's theme
	// ("rejected a request", "held talks"), not an event of its own
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.p.Kind != Noun {
			continue
		}
		h := w.head(c.trig)
		if h >= 0 && w.trigOf[h] >= 0 {
			switch w.rel(c.trig) {
			case "obj", "nsubj:pass", "iobj":
				c.dropped = true
			}
		}
		for ci2 := range w.cands {
			if w.cands[ci2].obj == c.trig {
				c.dropped = true
			}
		}
	}
	// modal constructions in reported speech: "X said Y must ..."
	for t := 0; t < n; t++ {
		if w.rel(t) != "aux" {
			continue
		}
		ps := w.c.dict.lookup(w.lem[t], true)
		if len(ps) == 0 {
			continue
		}
		cl := w.head(t)
		if cl < 0 || w.rel(cl) != "ccomp" {
			continue
		}
		sv := w.head(cl)
		if sv < 0 || !w.c.dict.Lex.Say[w.lem[sv]] || w.trigOf[sv] >= 0 {
			continue
		}
		w.trigOf[sv] = int32(len(w.cands))
		w.cands = append(w.cands, cand{p: ps[0], trig: sv, obj: -1, governor: -1})
	}
	for ci := range w.cands {
		if !w.cands[ci].dropped {
			w.arguments(ci)
			w.modality(ci)
		}
	}
	w.complements()
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.dropped {
			continue
		}
		if e, ok := w.build(si, c); ok {
			w.evs = append(w.evs, e)
		}
	}
}

// triggerPatterns returns the patterns on token t's lemma or, when the
// lemmatizer left a form no pattern knows, on a clipped or padded variant
// of it or on the word with its inflection stripped ("reneged").
func (w *work) triggerPatterns(t int) []*Pattern {
	d := w.c.dict
	if ps := d.lookup(w.lem[t], false); len(ps) > 0 {
		return ps
	}
	if ps := d.variant(w.lem[t]); len(ps) > 0 {
		return ps
	}
	switch w.upos(t) {
	case "VERB", "NOUN":
	default:
		return nil
	}
	f := w.d.Slice(w.tok(t).Span)
	if len(f) < 4 || len(f) > 30 || f[0] < 'a' || f[0] > 'z' {
		return nil
	}
	for _, suf := range [...]string{"ing", "ed", "es", "s", "d"} {
		if len(f) > len(suf)+2 && f[len(f)-len(suf):] == suf {
			stem := f[:len(f)-len(suf)]
			if ps := d.lookup(stem, false); len(ps) > 0 {
				return ps
			}
			if ps := d.variant(stem); len(ps) > 0 {
				return ps
			}
		}
	}
	return nil
}

// codableSentence reports whether the current sentence can carry events:
// it has a verb, is not written in capitals and is not a list or a table
// (mostly numbers and punctuation, or cells split by tabs, bars and line
// breaks).
func (w *work) codableSentence() bool {
	verb := false
	letters, upper, junk := 0, 0, 0
	for i := 0; i < w.n(); i++ {
		t := w.tok(i)
		switch t.UPOS {
		case "VERB":
			verb = true
		case "PUNCT", "NUM", "SYM", "X":
			junk++
		}
		txt := w.d.Slice(t.Span)
		for j := 0; j < len(txt); j++ {
			c := txt[j]
			if c >= 'a' && c <= 'z' {
				letters++
			} else if c >= 'A' && c <= 'Z' {
				letters++
				upper++
			}
		}
	}
	if !verb || junk*2 > w.n() {
		return false
	}
	if txt := w.d.Slice(doc.Span{Start: w.tok(0).Start, End: w.tok(w.n() - 1).End}); strings.Count(txt, "\t")+strings.Count(txt, "|")+strings.Count(txt, "\n") >= 3 {
		return false
	}
	return !(letters >= 20 && upper*10 > letters*8)
}

// entityFor returns the entity an argument token stands for: the entity a
// mention of which covers it, else one named in its apposition, compound,
// adjective, possessor or prepositional modifier ("Venezuela's interim
// president, Delcy Rodríguez"; "the APEC forum"), preferring entities with
// an actor code. -1 when none.
func (w *work) entityFor(a int) int {
	if e := w.tokEnt[w.lo+a]; e >= 0 && w.d.Entities[e].Actor != nil {
		return int(e)
	}
	if !w.forRecipient && w.c.dict.Lex.Inanimate[w.lem[a]] && !w.rootNoun(a) {
		// "a U.N. Security Council resolution that aims to impose ...",
		// "the Bill would allow ...": a document does not act
		return -1
	}
	if e := w.modEntity(a, 0); e >= 0 {
		return e
	}
	if e := w.tokEnt[w.lo+a]; e >= 0 {
		return int(e)
	}
	return w.pronoun(a)
}

// sameCountry reports whether entity e is in es or has the country of one
// of them.
func (w *work) sameCountry(es []int, e int) bool {
	c := w.d.Entities[e].Actor.Country
	for _, x := range es {
		if x == e || c != "" && w.d.Entities[x].Actor != nil && w.d.Entities[x].Actor.Country == c {
			return true
		}
	}
	return false
}

// authorVerbs make their subject the author of their object: a statement
// issued, a report released, a resolution adopted speaks for them.
var authorVerbs = map[string]bool{
	"issue": true, "release": true, "publish": true, "adopt": true, "pass": true, "approve": true,
	"sign": true, "send": true, "write": true, "draft": true, "present": true, "submit": true,
	"table": true, "circulate": true, "unveil": true, "post": true, "put": true, "file": true,
	"lodge": true, "deliver": true, "make": true, "launch": true, "run": true, "air": true,
	"broadcast": true, "give": true, "hold": true, "introduce": true, "propose": true, "sponsor": true,
}

// placeNouns name a place whose name follows with "of" ("the city of
// Kharkiv", "the province of Idlib").
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "capital": true, "region": true, "province": true,
	"port": true, "district": true, "state": true, "island": true, "enclave": true, "county": true,
}

// fallbackCases are the prepositions of modifiers that may name the
// entity a non-entity argument stands for ("supporters of X", "calls by X").
// For a recipient more prepositions name whom the act reaches ("a
// suspension of air links with Serbia", "commitment to the Zambian
// people"); for an actor they would name a place or a partner ("the
// engagement in Caracas").
var fallbackCases = map[string]bool{"of": true, "from": true, "by": true}

var recipientFallbackCases = map[string]bool{"of": true, "from": true, "by": true, "to": true, "with": true, "for": true, "against": true, "in": true, "between": true}

// modEntity looks for a coded entity among the modifiers of a, two levels
// deep at most.
func (w *work) modEntity(a, depth int) int {
	if depth > 2 {
		return -1
	}
	if placeNouns[w.lem[a]] {
		// "the Ukrainian city of Kharkiv": the place named after "of"
		// is the one meant, not the nationality before it
		for _, k := range w.children(a) {
			if baseRel(w.rel(int(k))) == "nmod" && w.caseOf(int(k)) == "of" {
				if e := w.tokEnt[w.lo+int(k)]; e >= 0 && w.d.Entities[e].Actor != nil && w.placeLoc(int(e)) != nil && w.d.Entities[e].Type != doc.NORP {
					return int(e)
				}
			}
		}
	}
	var weak = -1
	for _, pass := range [...]string{"appos", "flat", "compound", "amod", "nmod:poss", "nmod"} {
		for _, k := range w.children(a) {
			r := w.rel(int(k))
			if r != pass && !(pass == "nmod" && baseRel(r) == "nmod" && r != "nmod:poss") {
				continue
			}
			if pass == "nmod" {
				if cs := w.caseOf(int(k)); !fallbackCases[cs] && !(w.forRecipient && recipientFallbackCases[cs]) {
					continue
				}
			}
			if e := w.tokEnt[w.lo+int(k)]; e >= 0 {
				en := &w.d.Entities[e]
				if en.Actor != nil {
					return int(e)
				}
				if weak < 0 && (pass == "appos" || en.Type == doc.GPE || en.Type == doc.NORP) {
					weak = int(e)
				}
			}
			if e := w.modEntity(int(k), depth+1); e >= 0 {
				return e
			}
		}
	}
	return weak
}

// pronoun resolves a personal pronoun that no entity covers to the subject
// of the verb of saying it is reported under ("Hungary said it will ...").
func (w *work) pronoun(a int) int {
	if w.upos(a) != "PRON" {
		return -1
	}
	switch w.lem[a] {
	case "it", "they", "he", "she", "we":
	default:
		return -1
	}
	x := w.head(a)
	for step := 0; step < 6 && x >= 0; step++ {
		for _, k := range w.children(x) {
			// "We will retaliate," Iran said: the saying hangs off the
			// quoted clause as a parataxis
			if w.rel(int(k)) == "parataxis" && w.c.dict.Lex.Say[w.lem[int(k)]] {
				if e, ok := w.sayer(int(k), a); ok {
					return e
				}
			}
		}
		h := w.head(x)
		if h < 0 {
			break
		}
		if baseRel(w.rel(x)) == "ccomp" && w.c.dict.Lex.Say[w.lem[h]] {
			e, _ := w.sayer(h, a)
			return e
		}
		x = h
	}
	return -1
}

// sayer returns the entity that the subject of the verb of saying v names,
// for the pronoun a: its own mention, else one its modifiers name (-1 for
// none); ok is false when v has no subject but a or another pronoun.
func (w *work) sayer(v, a int) (e int, ok bool) {
	s := w.subjOf(v, 0)
	if s < 0 || s == a || w.upos(s) == "PRON" {
		return -1, false
	}
	if e := w.tokEnt[w.lo+s]; e >= 0 {
		return int(e), true
	}
	return w.modEntity(s, 0), true
}

// collect appends the entities of argument token a and of its conjuncts.
func (w *work) collect(dst []int, a int) []int {
	if a < 0 {
		return dst
	}
	stack := [8]int{a}
	sp := 1
	for sp > 0 {
		sp--
		x := stack[sp]
		if e := w.entityFor(x); e >= 0 {
			dup := false
			for _, y := range dst {
				if y == e {
					dup = true
				}
			}
			if !dup {
				dst = append(dst, e)
			}
		}
		// "Chinese and Russian warships": coordinated nationalities
		// before the noun each name a party
		for _, k := range w.children(x) {
			if w.rel(int(k)) != "amod" || w.child(int(k), "conj", false) < 0 {
				continue
			}
			for _, m := range append([]int32{k}, w.children(int(k))...) {
				if m != k && w.rel(int(m)) != "conj" {
					continue
				}
				if e := w.tokEnt[w.lo+int(m)]; e >= 0 && w.d.Entities[e].Actor != nil && !w.sameCountry(dst, int(e)) {
					dst = append(dst, int(e))
				}
			}
		}
		for _, k := range w.children(x) {
			if w.rel(int(k)) == "conj" && sp < len(stack) {
				switch w.upos(int(k)) {
				case "NOUN", "PROPN", "PRON":
					stack[sp] = int(k)
					sp++
				}
			}
			if w.forRecipient && baseRel(w.rel(int(k))) == "nmod" && w.caseOf(int(k)) == "between" && sp < len(stack) {
				// "a meeting between Israel and Syria": every party
				stack[sp] = int(k)
				sp++
			}
		}
	}
	return dst
}

// subjArgs returns the actor tokens of verb v: its logical subject, or,
// when the parse gives none naming an entity, the names just before it.
func (w *work) subjArgs(v int) []int {
	s := w.subjOf(v, 0)
	if (s < 0 || w.entityFor(s) < 0) && !w.passive(v) {
		// no subject, or a word between a name and the verb taken for
		// the subject ("The German government today welcomed")
		if l := w.leftEntities(v); len(l) > 0 && (s < 0 || (l[0] < s && s < v) || w.head(s) != v) {
			return l
		}
	}
	if s >= 0 {
		if w.head(s) == v {
			// "Colombia and the ELN rebels signed", parsed as two subjects
			// with the "and" hung off the verb: both act
			var subjs []int
			for _, k := range w.children(v) {
				if w.rel(int(k)) == "nsubj" {
					subjs = append(subjs, int(k))
				}
			}
			if len(subjs) > 1 && w.child(v, "cc", false) >= 0 {
				return subjs
			}
		}
		return []int{s}
	}
	return nil
}

// roleArgs returns the argument tokens of role r for candidate c.
func (w *work) roleArgs(c *cand, r string) []int {
	t := c.trig
	switch r {
	case "subj":
		if c.p.Kind == Noun {
			return nil
		}
		return w.subjArgs(t)
	case "obj":
		if c.p.Kind == Noun || c.obj >= 0 {
			return nil
		}
		o := w.objOf(t)
		if o < 0 && !w.passive(t) {
			return w.rightEntities(t)
		}
		if o >= 0 {
			return []int{o}
		}
	case "iobj":
		if k := w.child(t, "iobj", false); k >= 0 {
			return []int{k}
		}
		if c.obj >= 0 {
			// "gave the Ivory Coast 5.1 million dollars" with both
			// objects parsed as obj: the other one receives
			for _, k := range w.children(t) {
				if int(k) != c.obj && w.rel(int(k)) == "obj" && int(k) < c.obj {
					return []int{int(k)}
				}
			}
		}
	case "poss":
		var out []int
		for _, h := range [2]int{t, c.obj} {
			if h >= 0 {
				if k := w.child(h, "nmod:poss", false); k >= 0 {
					out = append(out, k)
				}
			}
		}
		if len(out) == 0 && c.obj >= 0 {
			// "expelled the Spanish ambassador": the object coded as an
			// actor of its own, or its nationality, stands for its possessor
			if e := w.tokEnt[w.lo+c.obj]; e >= 0 && w.d.Entities[e].Actor != nil && w.d.Entities[e].Actor.Country != "" {
				return []int{c.obj}
			}
			for _, k := range w.children(c.obj) {
				if r := w.rel(int(k)); r == "amod" || r == "compound" {
					if e := w.tokEnt[w.lo+int(k)]; e >= 0 && (w.d.Entities[e].Type == doc.NORP || w.d.Entities[e].Type == doc.GPE) {
						out = append(out, int(k))
					}
				}
			}
		}
		return out
	case "mod":
		if c.p.Kind != Noun {
			return nil
		}
		var out []int
		for _, k := range w.children(t) {
			switch w.rel(int(k)) {
			case "amod", "compound":
				// "Israeli air raids", "U.S. strikes"; not a common word
				// some stage took for a name
				if e := w.tokEnt[w.lo+int(k)]; e >= 0 {
					if ty := w.d.Entities[e].Type; ty == doc.NORP || ty == doc.GPE || w.upos(int(k)) == "PROPN" {
						out = append(out, int(k))
					}
				}
			}
		}
		return out
	case "gov":
		x := t
		for i := 0; i < 4 && w.rel(x) == "conj" && w.head(x) >= 0; i++ {
			x = w.head(x)
		}
		g := w.head(x)
		if g < 0 || w.upos(g) != "VERB" {
			return nil
		}
		switch baseRel(w.rel(x)) {
		case "obj", "obl", "xcomp", "nmod":
			if w.rel(x) == "nmod:poss" {
				return nil
			}
			if w.rel(x) == "obj" && !w.c.dict.Lex.Light[w.lem[g]] {
				// "rebuts criticisms": the subject does not criticise
				return nil
			}
			switch w.caseOf(x) {
			case "after", "following", "before", "despite", "amid", "since", "over", "against":
				// "shelled towns after an air raid": someone else's act
				return nil
			}
			return w.subjArgs(g)
		}
	case "comp":
		for _, k := range w.children(t) {
			switch w.rel(int(k)) {
			case "ccomp", "acl", "acl:relcl":
				if w.rel(int(k)) != "ccomp" && c.p.Kind != Noun {
					continue
				}
				if s := w.child(int(k), "nsubj", false); s >= 0 {
					return []int{s}
				}
				if s := w.child(int(k), "nsubj:pass", false); s >= 0 {
					return []int{s}
				}
			case "xcomp":
				if o := w.objOf(t); o >= 0 {
					return []int{o}
				}
			}
		}
	default:
		out := w.prepArgs(nil, r, t, c.obj)
		if len(out) == 0 {
			// a phrase the parse hung lower in the trigger's own phrase:
			// "a mediation effort on Saturday between X and Y"
			out = w.deepPrep(r, t)
		}
		if len(out) == 0 && c.p.Kind == Verb && c.obj < 0 {
			// "provide 25,000 tons of food aid to refugees": the
			// preposition hangs inside the object
			o := w.objOf(t)
			for depth := 0; o >= 0 && depth < 2 && len(out) == 0; depth++ {
				out = w.prepArgs(out, r, o)
				next := -1
				for _, k := range w.children(o) {
					if baseRel(w.rel(int(k))) == "nmod" && w.rel(int(k)) != "nmod:poss" && w.caseOf(int(k)) == "of" {
						next = int(k)
						break
					}
				}
				o = next
			}
		}
		return out
	}
	return nil
}

// leftEntities is the fallback for a verb the parse gives no subject that
// names an entity: the entity mentions just before it, with nothing but
// adverbs, time words, names and "and" in between ("Pakistan today
// threatened"; "Gaddafi and Zhivkov today signed"). It returns their
// tokens, nearest first, or nil.
func (w *work) leftEntities(t int) []int {
	var out []int
	for i, gap := t-1, 0; i >= 0 && gap <= 3; i-- {
		if e := w.tokEnt[w.lo+i]; e >= 0 && w.child(i, "case", false) < 0 {
			out = append(out, i)
			// skip the rest of this mention
			for i > 0 && w.tokEnt[w.lo+i-1] == e {
				i--
			}
			gap = 0
			// past the titles of this name, an "and" joins another
			j := i - 1
			for j >= 0 && i-j <= 4 && w.lem[j] != "and" {
				switch w.upos(j) {
				case "ADJ", "PROPN", "NOUN":
					j--
					continue
				}
				break
			}
			if j > 0 && w.lem[j] == "and" {
				i = j
				continue
			}
			return out
		}
		switch w.upos(i) {
		case "ADV", "NOUN", "PROPN", "AUX", "PART", "ADJ", "NUM", "ADP", "DET":
			// "Serbia on Tuesday demanded", "Pakistan today threatened"
			gap++
		default:
			return nil
		}
	}
	return out
}

// rightEntities is the fallback for a verb the parse gives no object: an
// entity mention right after it, past determiners and modifiers only
// ("telephoned Russian Foreign Minister Andrei Kozyrev"). A nationality
// there modifies the phrase, whose head names the recipient ("welcomed
// Venezuelan opposition leader María Corina Machado"): it is taken only
// when the phrase names no one else.
func (w *work) rightEntities(t int) []int {
	norp := -1
	for i := t + 1; i < w.n() && i <= t+7; i++ {
		if i > t+5 && norp < 0 {
			return nil
		}
		if e := w.tokEnt[w.lo+i]; e >= 0 {
			if w.d.Entities[e].Type != doc.NORP {
				return []int{i}
			}
			if norp < 0 {
				norp = i
			}
			continue
		}
		switch w.upos(i) {
		case "DET", "ADJ", "PROPN", "NUM":
			continue
		case "NOUN":
			if norp >= 0 {
				continue // "Venezuelan opposition leader"
			}
		}
		break
	}
	if norp >= 0 {
		return []int{norp}
	}
	return nil
}

// arguments fills the actors and recipients of candidate ci.
func (w *work) arguments(ci int) {
	c := &w.cands[ci]
	if c.p.Kind == Modal {
		// the speaker demands of the complement's subject
		for _, a := range w.subjArgs(c.trig) {
			c.actors = w.collect(c.actors, a)
		}
		for _, k := range w.children(c.trig) {
			if w.rel(int(k)) == "ccomp" {
				if s := w.child(int(k), "nsubj", true); s >= 0 {
					c.targets = w.collect(c.targets, s)
				}
			}
		}
		c.clause = c.trig
		return
	}
	for _, r := range c.p.Actor {
		before := len(c.actors)
		for _, a := range w.roleArgs(c, r) {
			c.actors = w.collect(c.actors, a)
		}
		if len(c.actors) > before {
			// an actor taken from the verb a noun is the object of
			// ("held talks", "began a hunger strike") is firm; from an
			// oblique ("travelled for a meeting") it needs a recipient
			c.fromGov = r == "gov" && !(w.rel(c.trig) == "obj" && w.c.dict.Lex.Light[w.lem[w.head(c.trig)]])
			break
		}
	}
	w.forRecipient = true
	for _, r := range c.p.Target {
		for _, a := range w.roleArgs(c, r) {
			c.targets = w.collect(c.targets, a)
		}
	}
	w.forRecipient = false
	c.clause = c.trig
	if c.p.Kind == Noun {
		if h := w.head(c.trig); h >= 0 && w.upos(h) == "VERB" {
			switch baseRel(w.rel(c.trig)) {
			case "obj", "obl", "nsubj", "xcomp":
				c.clause = h
			}
		}
	}
}

// flags are the modal marks found on a clause.
type flags struct{ neg, fut, hyp, cond, dem, hist, unless bool }

// ownFlags reads the marks that x's own dependents carry: negation,
// auxiliaries, subordinators and unless-conditions.
func (w *work) ownFlags(x int, f *flags) {
	lex := &w.c.dict.Lex
	for _, k := range w.children(x) {
		l := w.lem[k]
		switch w.rel(int(k)) {
		case "advmod", "neg":
			if lex.Negation[l] {
				f.neg = true
			}
		case "aux":
			switch {
			case lex.Future[l]:
				f.fut = true
			case lex.Demand[l]:
				f.dem = true // "must"
			case lex.Hypothetical[l]:
				f.hyp = true
			}
		case "advcl":
			if m := w.child(int(k), "mark", false); m >= 0 && w.lem[m] == "unless" {
				f.unless = true
			}
		case "mark":
			if lex.Hypothetical[l] {
				f.cond = true
			}
			if lex.Historical[l] {
				f.hist = true
			}
		case "nsubj", "nsubj:pass":
			// "since" taken for a preposition of the subject: "since U.S.
			// forces captured ..."
			if cs := w.caseOf(int(k)); lex.Historical[cs] && int(k) < x {
				f.hist = true
			}
		}
	}
}

// modality reads negation, tense, mood and background off the clause of
// candidate ci and the clauses it depends on: conjuncts share their first
// conjunct's marks, controlled and purpose clauses their governor's, and a
// complement of an intent, demand or failure word is intended, demanded
// or negated.
func (w *work) modality(ci int) {
	c := &w.cands[ci]
	lex := &w.c.dict.Lex
	var f flags
	if c.p.Kind == Noun {
		if d := w.child(c.trig, "det", false); d >= 0 && w.lem[d] == "no" {
			f.neg = true
		}
		if c.clause != c.trig {
			w.ownFlags(c.trig, &f)
		}
	}
	w.ownFlags(c.clause, &f)
	inherit := func(x int) {
		var g flags
		w.ownFlags(x, &g)
		f.fut = f.fut || g.fut
		f.hyp = f.hyp || g.hyp
		f.dem = f.dem || g.dem
		f.cond = f.cond || g.cond
	}
	cl := c.clause
	committed, reported, failed := false, false, false
climb:
	for step := 0; step < 6; step++ {
		h := w.head(cl)
		if h < 0 {
			break
		}
		l := w.lem[h]
		r := baseRel(w.rel(cl))
		if w.infinitiveObl(cl) {
			r = "xcomp"
		}
		if r == "advcl" {
			// a to-infinitive the parse hung as an adverbial clause is a
			// complement of a verb of intent, demand or failure:
			// "agreed ... to provide aid"
			if m := w.child(cl, "mark", false); m >= 0 && w.lem[m] == "to" && (lex.Intent[l] || lex.Demand[l] || lex.Negation[l]) && !lex.Say[l] {
				r = "xcomp"
			}
		}
		switch r {
		case "conj":
			if w.child(cl, "aux", false) < 0 {
				// "will release X and free Y", not "... whom they had taken"
				inherit(h)
			}
		case "xcomp", "ccomp":
			switch {
			case lex.Say[l]:
				if f.hyp && !f.cond {
					// "said it would allow": future in the past
					f.hyp, f.fut = false, true
				}
				reported = true
				break climb
			case lex.Negation[l]:
				f.neg = true // "failed to reach"
				failed = true
			case lex.Demand[l]:
				f.dem = true
			case lex.Intent[l]:
				if o := w.child(h, "obj", false); o >= 0 && o < cl && r == "xcomp" && !lex.Commit[l] {
					// "want the government to withdraw": wanted of
					// someone else, not intended
					f.dem = true
				} else {
					f.fut = true
					committed = committed || lex.Commit[l]
				}
			}
			inherit(h)
		case "advcl":
			m := w.child(cl, "mark", false)
			if m >= 0 && w.lem[m] != "to" {
				break climb
			}
			if w.child(cl, "aux", false) >= 0 {
				// its own tense: "... whom they had taken hostage"
				break climb
			}
			inherit(h)
		case "acl":
			if g := w.siblingGovernor(cl); g >= 0 {
				// "Ministers agreed in principle to provide aid" parsed
				// with both verbs hung off the subject noun
				gl := w.lem[g]
				switch {
				case lex.Negation[gl]:
					f.neg = true
				case lex.Demand[gl]:
					f.dem = true
				case lex.Intent[gl]:
					f.fut = true
					committed = committed || lex.Commit[gl]
				}
				inherit(g)
				cl = g
				continue
			}
			switch {
			case lex.Demand[l]:
				f.dem = true // "demands to release prisoners"
			case lex.Intent[l]:
				f.fut = true // "an offer to host a summit"
			default:
				if mk := w.child(cl, "mark", false); mk >= 0 && w.lem[mk] == "to" && !w.rootNoun(h) {
					f.cond = true // "powers to detain suspects": a potential
				}
			}
			break climb
		default:
			break climb
		}
		cl = h
	}
	if !f.hist && c.p.Kind == Verb && w.sinceBefore(c.trig) {
		f.hist = true
	}
	c.neg, c.fut, c.hyp, c.cond, c.dem, c.hist, c.unless = f.neg, f.fut, f.hyp, f.cond, f.dem, f.hist, f.unless
	c.committed = committed
	c.failed = failed
	// the past perfect outside reported speech is background: "whom they
	// had taken hostage"
	if !reported && w.pluperfect(c.clause) {
		c.hist = true
	}
	// a dated clause long before publication is background
	if !w.d.Published.IsZero() {
		if y := w.clauseYear(c); y > 0 && y < w.d.Published.Year()-1 {
			c.hist = true
		}
	}
}

// sinceBefore reports whether a background subordinator ("since") opens
// the clause of verb t, looking left past its subject only: a fallback for
// parses that took it for a preposition.
func (w *work) sinceBefore(t int) bool {
	for i := t - 1; i >= 0 && i >= t-6; i-- {
		if w.c.dict.Lex.Historical[w.lem[i]] {
			// "since U.S. forces captured", not "has since criticised"
			return w.upos(i) != "ADV" && i < t-1 && w.upos(i+1) != "AUX"
		}
		switch w.upos(i) {
		case "VERB", "PUNCT", "SCONJ", "CCONJ":
			return false
		}
	}
	return false
}

// siblingGovernor returns the verb a to-infinitive cl would complement
// had the parse not hung both off the sentence's subject noun: an earlier
// verb dependent of the same root noun. It returns -1 otherwise.
func (w *work) siblingGovernor(cl int) int {
	h := w.head(cl)
	mk := w.child(cl, "mark", false)
	if !w.rootNoun(h) || mk < 0 || w.lem[mk] != "to" {
		return -1
	}
	for _, k := range w.children(h) {
		if int(k) < cl && w.upos(int(k)) == "VERB" {
			switch baseRel(w.rel(int(k))) {
			case "acl", "parataxis":
				return int(k)
			}
		}
	}
	return -1
}

// pluperfect reports whether clause head v is in the past perfect: "had"
// with a past participle.
func (w *work) pluperfect(v int) bool {
	if w.tok(v).XPOS != "VBN" {
		return false
	}
	for _, k := range w.children(v) {
		if w.rel(int(k)) == "aux" && w.lem[k] == "have" && w.tok(int(k)).XPOS == "VBD" {
			return true
		}
	}
	return false
}

// clauseYear returns the year of a date expression attached to the
// clause of c, or 0.
func (w *work) clauseYear(c *cand) int {
	for _, tm := range w.d.Times {
		if tm.Type != "DATE" || len(tm.Value) < 3 {
			continue
		}
		lo, hi := w.tok(0).Start, w.tok(w.n()-1).End
		if tm.Start < lo || tm.End > hi {
			continue
		}
		if !w.attached(tm.Span, c.clause) {
			continue
		}
		if len(tm.Value) >= 4 {
			if y, err := strconv.Atoi(tm.Value[:4]); err == nil {
				return y
			}
		}
		if y, err := strconv.Atoi(tm.Value[:3]); err == nil {
			return y * 10 // a decade: "197X", "1970s"
		}
	}
	return 0
}

// attached reports whether the time expression at sp is an adverbial of
// clause head cl: its head token (the one whose own head lies outside it)
// depends on cl as an oblique, temporal modifier or adverb, or through
// one preposition-less noun ("last week"). A year inside a name ("her
// 2025 Nobel Peace Prize") is not.
func (w *work) attached(sp doc.Span, cl int) bool {
	lo := searchTok(w.d.Tokens, sp.Start) - w.lo
	if lo < 0 || lo >= w.n() {
		return false
	}
	i := lo
	for step := 0; step < 8; step++ {
		h := w.head(i)
		if h < 0 || w.tok(h).Start >= sp.End || w.tok(h).End <= sp.Start {
			break
		}
		i = h
	}
	if w.head(i) != cl {
		return false
	}
	switch baseRel(w.rel(i)) {
	case "obl", "advmod", "nmod":
		return true
	}
	return w.rel(i) == "nmod:tmod" || w.rel(i) == "obl:tmod"
}

// complements links candidates through complement clauses: deferring,
// absorbing and demanding governors, and attribution to speakers.
func (w *work) complements() {
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.dropped {
			continue
		}
		cl := c.clause
		if h := w.head(cl); h >= 0 {
			r := baseRel(w.rel(cl))
			if m := w.child(cl, "mark", false); r == "advcl" && m >= 0 && w.lem[m] == "to" || w.infinitiveObl(cl) {
				r = "xcomp"
			}
			if g := w.siblingGovernor(cl); g >= 0 {
				h, r = g, "xcomp"
			}
			switch r {
			case "xcomp", "ccomp", "acl":
				if g := w.trigOf[h]; g >= 0 && int(g) != ci && !w.cands[g].dropped && (r != "acl" || w.cands[g].p.Kind == Noun) {
					c.governor = int(g)
				}
			}
		}
		c.speaker = w.speaker(c)
	}
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.dropped || c.governor < 0 {
			continue
		}
		g := &w.cands[c.governor]
		if len(c.actors) == 0 {
			continue
		}
		switch {
		case g.p.Absorb:
			c.dropped = true
			if len(g.targets) == 0 {
				g.targets = append(g.targets, c.targets...)
			}
		case g.p.Defer:
			g.dropped = true
		case g.p.Demand:
			c.dem = true
		}
	}
	// what a protest demands or protests against is part of the protest
	// ("staged demonstrations to demand reforms")
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.dropped || (c.p.Plover != "REQUEST" && c.p.Plover != "ACCUSE") || c.p.Kind != Verb {
			continue
		}
		r := baseRel(w.rel(c.trig))
		h := w.head(c.trig)
		if h < 0 || (r != "advcl" && r != "xcomp" && r != "acl") {
			continue
		}
		if m := w.child(c.trig, "mark", false); m >= 0 && w.lem[m] != "to" {
			continue
		}
		for cj := range w.cands {
			g := &w.cands[cj]
			if cj != ci && !g.dropped && g.p.Plover == "PROTEST" && (g.trig == h || g.clause == h) {
				c.dropped = true
				break
			}
		}
	}
	// a purpose clause or participle of an event of the same type is that
	// event: "met Berlusconi and Schroeder to talk about Turkey", "opened
	// fire, killing one person"
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.dropped || c.p.Kind != Verb {
			continue
		}
		r := baseRel(w.rel(c.trig))
		h := w.head(c.trig)
		m := w.child(c.trig, "mark", false)
		participle := r == "advcl" && m < 0 && w.tok(c.trig).XPOS == "VBG"
		if h < 0 || (r != "advcl" && r != "xcomp") || (m < 0 || w.lem[m] != "to") && !participle {
			// "met X to talk about Y"; "shelled Juba, killing 20 people"
			continue
		}
		if g := w.trigOf[h]; g >= 0 && int(g) != ci && !w.cands[g].dropped && w.cands[g].p.Plover == c.p.Plover {
			c.dropped = true
		}
	}
	// governors that kept their event take recipients from an eventless
	// complement: "agreed to set up a centre in Tokyo"
	for ci := range w.cands {
		c := &w.cands[ci]
		if c.dropped || len(c.targets) > 0 || !(c.p.Defer || c.p.Absorb) {
			continue
		}
		x := w.child(c.trig, "xcomp", false)
		if x < 0 || w.trigOf[x] >= 0 {
			continue
		}
		if o := w.objOf(x); o >= 0 {
			c.targets = w.collect(c.targets, o)
		}
		for _, k := range w.children(x) {
			if baseRel(w.rel(int(k))) == "obl" {
				switch w.caseOf(int(k)) {
				case "to", "with", "on", "against", "for", "in", "from":
					c.targets = w.collect(c.targets, int(k))
				}
			}
		}
	}
}

// speaker returns who the event of c is attributed to: the speaker of a
// quote containing its trigger, else the subject of a verb of saying whose
// complement holds it, or the source of "according to". "" when the text
// states it in its own voice.
func (w *work) speaker(c *cand) string {
	trig := w.tok(c.trig).Span
	for _, q := range w.d.Quotes {
		if q.Span.Contains(trig) {
			if q.Speaker != "" {
				return q.Speaker
			}
			if q.SpeakerSpan != nil {
				return w.d.Slice(*q.SpeakerSpan)
			}
		}
	}
	lex := &w.c.dict.Lex
	x := c.clause
	for step := 0; step < 8 && x >= 0; step++ {
		for _, k := range w.children(x) {
			r := w.rel(int(k))
			if r == "parataxis" && lex.Say[w.lem[k]] {
				if s := w.subjOf(int(k), 0); s >= 0 {
					return w.name(s)
				}
			}
			if baseRel(r) == "obl" && w.caseOf(int(k)) == "according" {
				return w.name(int(k))
			}
		}
		h := w.head(x)
		if h < 0 {
			break
		}
		r := baseRel(w.rel(x))
		if r == "ccomp" && lex.Say[w.lem[h]] && int(w.trigOf[h]) != -1 && w.cands[w.trigOf[h]].p.Kind == Modal {
			// the speaker is the actor of the modal request itself
		} else if r == "ccomp" && lex.Say[w.lem[h]] {
			if s := w.subjOf(h, 0); s >= 0 {
				return w.name(s)
			}
		}
		switch r {
		case "ccomp", "xcomp", "conj", "advcl", "parataxis":
			x = h
		default:
			x = -1
		}
	}
	return ""
}

// name returns the entity id token a stands for, else the text of its
// phrase.
func (w *work) name(a int) string {
	if e := w.entityFor(a); e >= 0 {
		return w.d.Entities[e].ID
	}
	lo, hi := a, a
	stack := []int{a}
	for n := 0; len(stack) > 0 && n < 64; n++ {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, x), max(hi, x)
		for _, k := range w.children(x) {
			// the noun phrase only, not clauses hung off it
			switch baseRel(w.rel(int(k))) {
			case "det", "amod", "compound", "flat", "nummod", "nmod", "case", "appos", "punct":
				stack = append(stack, int(k))
			}
		}
	}
	if hi-lo > 12 {
		hi = lo + 12
	}
	for i := lo + 1; i <= hi; i++ {
		// a misparse can hang a clause under the noun: stop at its verb
		switch w.upos(i) {
		case "VERB", "AUX", "SCONJ":
			hi = i - 1
		}
	}
	for hi > lo && w.upos(hi) == "PUNCT" {
		hi--
	}
	return w.d.Slice(doc.Span{Start: w.tok(lo).Start, End: w.tok(hi).End})
}
