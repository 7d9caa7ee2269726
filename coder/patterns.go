package coder

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"sitrep/internal/fileerr"
	"sitrep/ontology"
)

// Kind is what part of speech a pattern's trigger is.
type Kind uint8

// Pattern kinds.
const (
	Verb  Kind = iota + 1 // a verb, with its subject, object and obliques
	Noun                  // a noun, with its possessor and prepositional modifiers
	Modal                 // a modal auxiliary in reported speech ("X said Y must ...")
)

func (k Kind) String() string {
	switch k {
	case Verb:
		return "verb"
	case Noun:
		return "noun"
	case Modal:
		return "modal"
	}
	return "?"
}

// Prep is a required prepositional dependent: its preposition and the
// lemmas its object may have (any lemma when Lemmas is empty).
type Prep struct {
	Prep   string
	Lemmas []string
}

// Pattern is one entry of the pattern dictionary: a trigger with its
// constraints, the roles that give actors and recipients, and the event
// type it codes.
type Pattern struct {
	ID       string
	Kind     Kind
	Lemma    string   // trigger lemma, lower case
	Particle string   // required particle ("over" in "hand over"), or ""
	Obj      []string // required object lemmas (light verbs: "hold talks"), "*" for any, or nil
	Mod      []string // required compound or adjective lemmas on the noun (trigger or object)
	Rel      []string // required relations of the trigger to its head, or nil
	Dep      []string // relations of which the trigger must have a dependent, or nil
	Comp     []string // lemmas one of which the trigger's complement clause must have, or nil
	Preps    []Prep   // required prepositional dependents ("call for")
	Actor    []string // roles giving actors: subj obj iobj poss gov comp, or a preposition
	Target   []string // roles giving recipients, as Actor
	Plover   string
	Mode     string
	CAMEO    string
	Defer    bool   // dropped when a complement clause yields an event ("agreed to withdraw")
	Absorb   bool   // complement clauses are part of this event ("refused to release")
	Demand   bool   // complement clauses are demanded of their subject ("demanded that X release")
	Dyadic   bool   // dropped without a recipient
	Mutual   bool   // two or more actors stand in for a recipient ("X and Y met")
	Rhetoric bool   // a politician's or party's act against no place is criticism ("attacked the plans")
	Source   string // file:line where the pattern was defined
	order    int
}

// specificity ranks patterns on one lemma: more constraints first.
func (p *Pattern) specificity() int {
	n := len(p.Preps)
	if p.Obj != nil {
		n++
	}
	if p.Mod != nil {
		n++
	}
	if p.Rel != nil {
		n++
	}
	if p.Dep != nil {
		n++
	}
	if p.Comp != nil {
		n++
	}
	if p.Particle != "" {
		n++
	}
	return n
}

// Lexicon holds the word lists that steer coding: speech verbs, intent and
// demand verbs, negation, modal and subordinating words.
type Lexicon struct {
	Light        map[string]bool // light verbs whose subject acts out their object noun ("held talks")
	Control      map[string]bool // verbs whose object does their infinitive ("urged Iran to stop")
	Inanimate    map[string]bool // nouns for documents and plans, which name no actor ("a resolution that aims to ...")
	Say          map[string]bool // verbs of saying whose complement is reported speech
	Intent       map[string]bool // verbs and adjectives whose complement is intended (future)
	Commit       map[string]bool // intent words that commit the actor ("agreed to", "is willing to")
	Demand       map[string]bool // verbs whose complement is demanded
	Negation     map[string]bool // negating words
	Future       map[string]bool // auxiliaries of the future
	Hypothetical map[string]bool // auxiliaries and subordinators of the hypothetical
	Historical   map[string]bool // subordinators of background ("since")
	Dyadic       map[string]bool // PLOVER types that need a recipient or two actors
}

// Dictionary is a set of patterns and lexicon lists, ready for matching.
type Dictionary struct {
	Patterns []*Pattern
	Lex      Lexicon
	byLemma  map[string][]*Pattern
	clipped  map[string][]*Pattern
	byID     map[string]*Pattern
}

// ParseError is a problem at a line of a pattern file.
type ParseError = fileerr.Error

// ErrorList is a list of pattern file errors; Err is nil when it is empty.
type ErrorList = fileerr.List

const maxParseErrors = 50

// roleNames are the roles a pattern may name besides prepositions.
var roleNames = map[string]bool{"subj": true, "obj": true, "iobj": true, "poss": true, "mod": true, "gov": true, "comp": true}

// NewDictionary returns an empty dictionary whose lexicon lists are empty.
func NewDictionary() *Dictionary {
	return &Dictionary{
		Lex: Lexicon{
			Light: map[string]bool{}, Control: map[string]bool{}, Inanimate: map[string]bool{}, Say: map[string]bool{}, Intent: map[string]bool{}, Commit: map[string]bool{}, Demand: map[string]bool{},
			Negation: map[string]bool{}, Future: map[string]bool{}, Hypothetical: map[string]bool{},
			Historical: map[string]bool{}, Dyadic: map[string]bool{},
		},
		byLemma: map[string][]*Pattern{},
		byID:    map[string]*Pattern{},
	}
}

// Parse reads patterns and lexicon lines from r into d, checking event
// types and CAMEO codes against o. name labels the errors, which are
// returned together as an ErrorList with file:line positions; the lines
// that parsed are kept. An empty input adds nothing and is not an error.
//
// The format, one entry a line ('#' starts a comment):
//
//	ID KIND LEMMA [CONSTRAINT|ROLES ...] -> TYPE[/MODE] CAMEO [FLAG ...]
//	@LIST word word ...
//
// KIND is verb, noun or modal. Constraints: prt=PARTICLE, obj=LEMMA|LEMMA, mod=LEMMA|LEMMA, rel=REL|REL,
// dep=REL|REL, comp=LEMMA|LEMMA,
// PREP=LEMMA|LEMMA or PREP=* (a prepositional dependent). Roles: act=R,R
// and rcp=R,R with R one of subj obj iobj poss gov comp or a preposition.
// TYPE NONE (with no code) makes a stop pattern that matches and codes
// nothing. Flags: defer, absorb, demand, dyadic, mutual, rhetoric. Lists: @say
// @intent @commit @demand @negation @future @hypothetical @historical @dyadic
// @light @control @inanimate.
func (d *Dictionary) Parse(r io.Reader, name string, o *ontology.Ontology) error {
	var errs ErrorList
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(errs) >= maxParseErrors {
			break
		}
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if err := d.parseLine(f, o, fmt.Sprintf("%s:%d", name, n)); err != "" {
			errs = append(errs, &ParseError{Op: "coder", File: name, Line: n, Msg: err})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &ParseError{Op: "coder", File: name, Line: n + 1, Msg: err.Error()})
	}
	d.index()
	return errs.Err()
}

func (d *Dictionary) lists() map[string]map[string]bool {
	return map[string]map[string]bool{
		"@say": d.Lex.Say, "@intent": d.Lex.Intent, "@commit": d.Lex.Commit, "@demand": d.Lex.Demand, "@negation": d.Lex.Negation,
		"@future": d.Lex.Future, "@hypothetical": d.Lex.Hypothetical, "@historical": d.Lex.Historical,
		"@dyadic": d.Lex.Dyadic, "@light": d.Lex.Light, "@control": d.Lex.Control, "@inanimate": d.Lex.Inanimate,
	}
}

// parseLine adds one entry, or returns what is wrong with it.
func (d *Dictionary) parseLine(f []string, o *ontology.Ontology, src string) string {
	if strings.HasPrefix(f[0], "@") {
		l, ok := d.lists()[f[0]]
		if !ok {
			return fmt.Sprintf("unknown list %s", f[0])
		}
		for _, w := range f[1:] {
			if f[0] == "@dyadic" {
				if _, ok := o.Type(w); !ok {
					return fmt.Sprintf("@dyadic: unknown PLOVER type %s", w)
				}
				l[w] = true
				continue
			}
			l[strings.ToLower(w)] = true
		}
		return ""
	}
	arrow := -1
	for i, w := range f {
		if w == "->" {
			arrow = i
			break
		}
	}
	if arrow < 0 {
		return "missing -> before the event type"
	}
	if arrow < 3 {
		return "want: ID KIND LEMMA [...] -> TYPE[/MODE] CAMEO"
	}
	if len(f) < arrow+2 {
		return "want TYPE[/MODE] CAMEO after ->"
	}
	p := &Pattern{ID: f[0], Lemma: strings.ToLower(f[2]), order: len(d.Patterns), Source: src}
	if !validID(p.ID) {
		return fmt.Sprintf("pattern id %q: use letters, digits and . _ -", p.ID)
	}
	if q, ok := d.byID[p.ID]; ok {
		return fmt.Sprintf("pattern id %s already defined at %s", p.ID, q.Source)
	}
	switch f[1] {
	case "verb":
		p.Kind = Verb
	case "noun":
		p.Kind = Noun
	case "modal":
		p.Kind = Modal
	default:
		return fmt.Sprintf("kind %q: want verb, noun or modal", f[1])
	}
	for _, w := range f[3:arrow] {
		key, val, ok := strings.Cut(w, "=")
		if !ok || key == "" || val == "" {
			return fmt.Sprintf("%q: want NAME=VALUE", w)
		}
		val = strings.ToLower(val)
		switch key {
		case "prt":
			p.Particle = val
		case "obj":
			p.Obj = strings.Split(val, "|")
		case "mod":
			p.Mod = strings.Split(val, "|")
		case "rel":
			p.Rel = strings.Split(val, "|")
		case "dep":
			p.Dep = strings.Split(val, "|")
		case "comp":
			p.Comp = strings.Split(val, "|")
		case "act", "rcp":
			roles := strings.Split(val, ",")
			for _, r := range roles {
				if r == "" {
					return fmt.Sprintf("%s: empty role", key)
				}
				if !roleNames[r] && !isWord(r) {
					return fmt.Sprintf("%s: role %q is neither %s nor a preposition", key, r, "subj obj iobj poss gov comp")
				}
			}
			if key == "act" {
				p.Actor = roles
			} else {
				p.Target = roles
			}
		default:
			if !isWord(key) {
				return fmt.Sprintf("%q: unknown constraint", w)
			}
			pr := Prep{Prep: strings.ToLower(key)}
			if val != "*" {
				pr.Lemmas = strings.Split(val, "|")
			}
			p.Preps = append(p.Preps, pr)
		}
	}
	p.Plover, p.Mode, _ = strings.Cut(f[arrow+1], "/")
	if p.Plover == None {
		// a stop pattern: it matches, so less specific ones do not, and
		// codes nothing ("seize on reports", "warned that ...")
		if len(f) != arrow+2 || p.Mode != "" {
			return "want nothing after -> NONE"
		}
		d.add(p)
		return ""
	}
	if len(f) < arrow+3 {
		return "want TYPE[/MODE] CAMEO after ->"
	}
	if err := o.Validate(p.Plover, p.Mode); err != nil {
		return err.Error()
	}
	p.CAMEO = f[arrow+2]
	c, ok := o.Code(p.CAMEO)
	if !ok {
		return fmt.Sprintf("CAMEO code %s is not in the ontology", p.CAMEO)
	}
	if c.Plover != p.Plover {
		return fmt.Sprintf("CAMEO code %s is %s in the ontology, not %s", p.CAMEO, nonEmpty(c.Plover), p.Plover)
	}
	for _, fl := range f[arrow+3:] {
		switch fl {
		case "defer":
			p.Defer = true
		case "absorb":
			p.Absorb = true
		case "demand":
			p.Demand = true
		case "dyadic":
			p.Dyadic = true
		case "mutual":
			p.Mutual = true
		case "rhetoric":
			p.Rhetoric = true
		default:
			return fmt.Sprintf("unknown flag %q (want defer, absorb, demand, dyadic, mutual or rhetoric)", fl)
		}
	}
	if p.Actor == nil {
		switch p.Kind {
		case Verb, Modal:
			p.Actor = []string{"subj"}
		case Noun:
			p.Actor = []string{"poss", "by", "mod", "gov"}
		}
	}
	if p.Target == nil {
		switch p.Kind {
		case Verb:
			p.Target = []string{"obj"}
		case Modal:
			p.Target = []string{"comp"}
		}
	}
	d.add(p)
	return ""
}

// add appends p to the dictionary.
func (d *Dictionary) add(p *Pattern) {
	d.Patterns = append(d.Patterns, p)
	d.byID[p.ID] = p
}

// None is the event type of stop patterns, which code nothing.
const None = "NONE"

func nonEmpty(s string) string {
	if s == "" {
		return "no PLOVER type"
	}
	return s
}

func validID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

func isWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// index rebuilds the lemma index, most specific pattern first, and the
// index of clipped lemmas (without a final e or a doubled final letter).
func (d *Dictionary) index() {
	d.byLemma = map[string][]*Pattern{}
	d.clipped = map[string][]*Pattern{}
	for _, p := range d.Patterns {
		k := p.Lemma
		if p.Kind == Modal {
			k = "\x00" + k
		}
		d.byLemma[k] = append(d.byLemma[k], p)
	}
	for l, ps := range d.byLemma {
		if n := len(l); n > 3 && l[0] != 0 && (l[n-1] == 'e' || l[n-1] == l[n-2]) {
			if _, real := d.byLemma[l[:n-1]]; !real {
				d.clipped[l[:n-1]] = ps
			}
		}
	}
	for _, ps := range d.byLemma {
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i].specificity(), ps[j].specificity()
			if a != b {
				return a > b
			}
			return ps[i].order < ps[j].order
		})
	}
}

// variant returns the patterns of the lemma that l is a clipped or
// padded form of, as a lemmatizer may leave it: "telephon" for
// "telephone", "shel" for "shell", "riote" for "riot". It returns nil
// when l is none.
func (d *Dictionary) variant(l string) []*Pattern {
	if ps := d.clipped[l]; ps != nil {
		return ps
	}
	if n := len(l); n > 4 && l[n-1] == 'e' {
		// "riote" for "riot"
		return d.byLemma[l[:n-1]]
	}
	return nil
}

// lookup returns the patterns of a kind for a lemma, most specific first.
func (d *Dictionary) lookup(lemma string, modal bool) []*Pattern {
	if modal {
		return d.byLemma["\x00"+lemma]
	}
	return d.byLemma[lemma]
}
