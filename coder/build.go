package coder

import (
	"strings"

	"sitrep/doc"
	"sitrep/geo"
	"sitrep/ontology"
	"sitrep/timex"
)

// finish merges duplicate events and numbers them.
func (w *work) finish() []doc.Event {
	evs := merge(w.d, w.evs)
	ids(evs)
	if len(evs) == 0 {
		return nil
	}
	return evs
}

// cooperative types that PLOVER folds into AGREE when only intended, with
// the CAMEO code of the intent.
// Intended concessions and retreats are intents to yield (CAMEO 035, which
// the crosswalk puts under AGREE).
var intentCode = map[string]string{"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035", "RETREAT": "035"}

// conflictual types that PLOVER folds into THREATEN when only intended,
// with the threat's mode and CAMEO code.
var threatCode = map[string][2]string{
	"ASSAULT":  {"violence", "138"},
	"MOBILIZE": {"violence", "138"},
	"COERCE":   {"", "131"},
	"SANCTION": {"", "131"},
	"PROTEST":  {"", "131"},
}

// build turns candidate c of sentence si into an event; ok is false when
// the candidate is not an event (no actor, only itself as recipient, a
// dyadic type without a counterpart).
func (w *work) build(si int, c *cand) (doc.Event, bool) {
	if len(c.actors) == 0 {
		return doc.Event{}, false
	}
	// self-directed: recipients that are also actors go; an event left
	// with none of the recipients it had is dropped
	had := len(c.targets)
	targets := c.targets[:0:0]
	for _, t := range c.targets {
		self := false
		for _, a := range c.actors {
			if a == t {
				self = true
			}
		}
		if !self {
			targets = append(targets, t)
		}
	}
	if c.p.Mode == "visit" && allSector(w.d, c.actors, "MIL") {
		// troops arriving are deployed, not visiting
		return doc.Event{}, false
	}
	if c.p.Plover == "CONSULT" {
		// talking to the press is not consulting it
		kept := targets[:0]
		for _, t := range targets {
			if a := w.d.Entities[t].Actor; a == nil || a.Sector != "MED" {
				kept = append(kept, t)
			}
		}
		targets = kept
	}
	if had > 0 && len(targets) == 0 {
		return doc.Event{}, false
	}
	if c.fromGov && len(targets) == 0 {
		return doc.Event{}, false
	}
	plover, mode, cameo := c.p.Plover, c.p.Mode, c.p.CAMEO
	if c.p.Rhetoric && w.rhetorical(c.actors, targets) {
		plover, mode, cameo = "ACCUSE", "disapprove", "111"
	}
	modality := doc.Asserted
	intended := (c.fut || c.hyp) && !c.cond && !c.dem
	switch {
	case c.unless && !c.neg && !c.cond:
		// "will withdraw unless ...": a conditional ultimatum
		plover, mode, cameo = "THREATEN", "", "130"
		modality = doc.Future
	case c.failed && plover == "AGREE":
		// "failed to reach agreement": the parties turned it down
		plover, mode, cameo = "REJECT", "", "120"
	case c.neg && intended && isCoop(w.c.onto, plover):
		// "would not meet", "will not allow": a refusal
		plover, mode, cameo = "REJECT", "", "120"
	case c.neg:
		modality = doc.Negated
	case c.cond:
		modality = doc.Hypothetical
	case c.dem:
		modality = doc.Demanded
	case intended:
		modality = doc.Future
		if !c.fut {
			modality = doc.Hypothetical
		}
		if code, ok := intentCode[plover]; ok {
			plover, mode, cameo = "AGREE", "", code
		} else if tc, ok := threatCode[plover]; ok {
			plover, mode, cameo = "THREATEN", tc[0], tc[1]
		}
	case c.hist:
		modality = doc.Historical
	}
	// a type that needs a counterpart needs it when only intended too
	// ("will host a news conference" is no event), but not when a word of
	// commitment states the intent ("is willing to send material") or it
	// is threatened ("may halt mediation efforts")
	if plover != "THREATEN" && !(plover == "AGREE" && c.committed) && (c.p.Dyadic || w.c.dict.Lex.Dyadic[c.p.Plover]) && len(targets) == 0 && !(c.p.Mutual && len(c.actors) >= 2) {
		return doc.Event{}, false
	}
	code, _ := w.c.onto.Lookup(cameo)
	s := w.d.Sentences[si]
	e := doc.Event{
		Plover:       plover,
		Mode:         mode,
		CAMEO:        cameo,
		QuadClass:    ontology.QuadClass(cameo),
		Goldstein:    code.Goldstein,
		Actors:       w.entityIDs(c.actors),
		Recipients:   w.entityIDs(targets),
		Modality:     modality,
		AttributedTo: c.speaker,
		Evidence:     s.Span,
		Trigger:      w.triggerSpan(c),
		Rule:         c.p.ID,
	}
	if e.Recipients == nil {
		e.Recipients = []string{}
	}
	e.Date, e.DatePrecision, e.DateSource = w.date(c)
	e.Location = w.location(c, targets)
	if len(targets) == 0 && e.QuadClass == 4 {
		// material conflict with no one named as its target is aimed at
		// the place its clause names ("demonstrated in Serbia", "blew
		// up power lines into Kabul"), as PLOVER codes it
		if p := w.clausePlace(c); p >= 0 && !contains(c.actors, p) {
			e.Recipients = []string{w.d.Entities[p].ID}
		}
	}
	return e, true
}

// politicalSectors are the sectors whose attacks are, as a rule, words.
var politicalSectors = map[string]bool{"GOV": true, "LEG": true, "PTY": true, "OPP": true, "ELI": true, "MED": true, "NGO": true, "BUS": true, "EDU": true, "JUD": true, "LAB": true, "IGO": true}

// armedSectors are the sectors whose attacks are, as a rule, violence.
var armedSectors = map[string]bool{"MIL": true, "REB": true, "UAF": true, "COP": true, "SPY": true, "CRM": true, "IMG": true, "INS": true, "SEP": true}

// rhetorical reports whether an attack by actors on targets is verbal: no
// actor is armed, no target is a place, and either every actor is a
// person or organisation of a political sector or every target is.
func (w *work) rhetorical(actors, targets []int) bool {
	if len(actors) == 0 {
		return false
	}
	political := func(es []int) bool {
		for _, e := range es {
			en := &w.d.Entities[e]
			if en.Actor == nil || !politicalSectors[en.Actor.Sector] || (en.Type != doc.Person && en.Type != doc.Org) {
				return false
			}
		}
		return len(es) > 0
	}
	for _, a := range actors {
		if ac := w.d.Entities[a].Actor; ac != nil && armedSectors[ac.Sector] {
			return false
		}
	}
	for _, t := range targets {
		// a nationality the places stage located is people, not a place
		// under fire ("attacked British imperialists")
		if w.d.Entities[t].Type != doc.NORP && w.placeLoc(t) != nil {
			return false
		}
	}
	return political(actors) || political(targets)
}

func isCoop(o *ontology.Ontology, typ string) bool {
	t, ok := o.Type(typ)
	return ok && t.Quad <= 2
}

func (w *work) entityIDs(es []int) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, w.d.Entities[e].ID)
	}
	return out
}

// triggerSpan covers the trigger with its particle and light-verb object.
func (w *work) triggerSpan(c *cand) doc.Span {
	sp := w.tok(c.trig).Span
	grow := func(i int) {
		t := w.tok(i)
		sp.Start = min(sp.Start, t.Start)
		sp.End = max(sp.End, t.End)
	}
	if c.obj >= 0 {
		grow(c.obj)
	}
	if c.p.Particle != "" {
		for _, k := range w.children(c.trig) {
			if w.rel(int(k)) == "compound:prt" {
				grow(int(k))
			}
		}
	}
	return sp
}

// date returns the event's date: a date expression that is an adverbial
// of its own clause, else, for events that are not background, what
// timex.EventDate finds in the clause or sentence (unless that is a year
// inside a name, "her 2025 Nobel Prize") or the publication date; else
// nothing.
func (w *work) date(c *cand) (date, precision, source string) {
	lo, hi := w.tok(0).Start, w.tok(w.n()-1).End
	for _, tm := range w.d.Times {
		if tm.Type != "DATE" || tm.Start < lo || tm.End > hi {
			continue
		}
		if !w.attached(tm.Span, c.clause) && !w.attached(tm.Span, c.trig) {
			continue
		}
		if p := precisionOf(tm.Value); p != "" {
			return tm.Value, p, timex.SourceClause
		}
	}
	if c.hist {
		// background is not dated by the news around it
		return "", "", ""
	}
	sent := doc.Span{Start: lo, End: hi}
	date, precision, source = timex.EventDate(w.d, sent, w.tok(c.trig).Span)
	if source != timex.SourcePublished && source != "" && w.modifierTime(sent, date) {
		date, precision, source = "", "", ""
		if !w.d.Published.IsZero() {
			date, precision, source = w.d.Published.Format("2006-01-02"), timex.PrecisionDay, timex.SourcePublished
		}
	}
	return date, precision, source
}

// modifierTime reports whether the time expression in sent whose value is
// v modifies a noun rather than a clause ("her 2025 Nobel Peace Prize").
func (w *work) modifierTime(sent doc.Span, v string) bool {
	for _, tm := range w.d.Times {
		if tm.Value != v || !sent.Contains(tm.Span) {
			continue
		}
		i := searchTok(w.d.Tokens, tm.Start) - w.lo
		if i < 0 || i >= w.n() {
			continue
		}
		for step := 0; step < 8; step++ {
			h := w.head(i)
			if h < 0 || w.tok(h).Start >= tm.End || w.tok(h).End <= tm.Start {
				break
			}
			i = h
		}
		switch w.rel(i) {
		case "nummod", "compound", "amod", "nmod:poss":
			return true
		}
	}
	return false
}

// precisionOf returns the precision of a TimeML calendar value, or "" when
// it is not a calendar date.
func precisionOf(v string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	switch {
	case len(v) == 10 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]) && v[7] == '-' && digits(v[8:]):
		return "day"
	case len(v) == 8 && digits(v[:4]) && strings.HasPrefix(v[4:], "-W") && digits(v[6:]):
		return "week"
	case len(v) == 7 && digits(v[:4]) && v[4] == '-' && digits(v[5:]):
		return "month"
	case len(v) == 4 && digits(v):
		return "year"
	}
	return ""
}

// location returns where the event took place: for visits, the place
// visited; else a place its clause names with in, at or to; else what the
// configured Locator finds in the clause, or the place of the dateline.
func (w *work) location(c *cand, targets []int) *doc.Location {
	if l := w.syntacticLocation(c, targets); l != nil {
		return l
	}
	if w.c.locator != nil {
		return w.c.locator.Locate(w.d, w.clauseSpan(c.clause))
	}
	if p := geo.DatelinePlace(w.d); p != nil {
		return &doc.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
	}
	return nil
}

// clauseSpan returns the span of the tokens clause head cl governs.
func (w *work) clauseSpan(cl int) doc.Span {
	lo, hi := cl, cl
	stack := []int{cl}
	for n := 0; len(stack) > 0 && n < 512; n++ {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, x), max(hi, x)
		for _, k := range w.children(x) {
			stack = append(stack, int(k))
		}
	}
	return doc.Span{Start: w.tok(lo).Start, End: w.tok(hi).End}
}

// syntacticLocation returns the place a visit goes to or the clause names
// with in, at or to, or nil.
func (w *work) syntacticLocation(c *cand, targets []int) *doc.Location {
	if c.p.Mode == "visit" {
		for _, t := range targets {
			if l := w.placeLoc(t); l != nil {
				return l
			}
		}
	}
	for _, h := range [3]int{c.trig, c.obj, c.clause} {
		if h < 0 {
			continue
		}
		for _, k := range w.children(h) {
			if !prepositional(w.rel(int(k))) {
				continue
			}
			switch w.caseOf(int(k)) {
			case "in", "at", "to", "through", "across", "outside":
				if e := w.tokEnt[w.lo+int(k)]; e >= 0 {
					if l := w.placeLoc(int(e)); l != nil {
						return l
					}
				}
			}
		}
	}
	return nil
}

// clausePlace returns the place entity the clause of c names with in,
// at, into or on, or -1.
func (w *work) clausePlace(c *cand) int {
	for _, h := range [3]int{c.trig, c.obj, c.clause} {
		if h < 0 {
			continue
		}
		for _, k := range w.children(h) {
			if !prepositional(w.rel(int(k))) {
				continue
			}
			switch w.caseOf(int(k)) {
			case "in", "at", "into", "on", "near", "through", "across", "outside":
				if e := w.tokEnt[w.lo+int(k)]; e >= 0 && w.placeLoc(int(e)) != nil {
					return int(e)
				}
			}
		}
	}
	// a misparsed attachment: "in Serbia" shortly after the trigger,
	// before any other clause starts
	for i := c.trig + 1; i < w.n() && i <= c.trig+8; i++ {
		switch w.upos(i) {
		case "VERB", "SCONJ":
			return -1
		case "PUNCT":
			if w.lem[i] != "-" {
				return -1
			}
		}
		if i+1 < w.n() && (w.lem[i] == "in" || w.lem[i] == "at" || w.lem[i] == "into") {
			for j := i + 1; j < w.n() && j <= i+3; j++ {
				if e := w.tokEnt[w.lo+j]; e >= 0 {
					if w.placeLoc(int(e)) != nil {
						return int(e)
					}
					break
				}
			}
		}
	}
	return -1
}

// allSector reports whether every entity of es is coded with sector s.
func allSector(d *doc.Document, es []int, s string) bool {
	for _, e := range es {
		if a := d.Entities[e].Actor; a == nil || a.Sector != s {
			return false
		}
	}
	return len(es) > 0
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// placeLoc returns the location of entity e when it is a place.
func (w *work) placeLoc(e int) *doc.Location {
	en := &w.d.Entities[e]
	if p := en.Place; p != nil {
		return &doc.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
	}
	switch en.Type {
	case doc.GPE, doc.Loc, doc.Fac:
		l := &doc.Location{Name: en.Name}
		if en.Actor != nil {
			l.Country = en.Actor.Country
		}
		return l
	}
	return nil
}
