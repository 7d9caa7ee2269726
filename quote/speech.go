package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/doc"
)

// reported finds the reported statements of sentence si: a cue verb or
// "according to" with its speaker and content.
func (a *analysis) reported(si int) []doc.Quote {
	d := a.d
	s := d.Sentences[si]
	lo, hi := s.FirstToken, min(s.EndToken, len(d.Tokens))
	var out []doc.Quote
	if q, ok := a.colonTurn(lo, hi); ok {
		out = append(out, q)
	}
	for i := lo; i < hi; i++ {
		if a.inRegion(d.Tokens[i].Start) >= 0 {
			continue
		}
		var q doc.Quote
		var ok bool
		switch {
		case a.lower[i] == "according" && i+1 < hi && a.lower[i+1] == "to":
			q, ok = a.accordingTo(i, lo, hi)
		case cueNouns[a.lower[i]] && i+2 < hi && a.lower[i+1] == "that" && (d.Tokens[i].UPOS == "NOUN" || i > lo && determinerLike(d.Tokens[i-1], a.lower[i-1])) &&
			d.Tokens[i+2].UPOS != "VERB" && d.Tokens[i+2].UPOS != "AUX":
			// "a statement that underscores ..." is a relative clause, not content.
			q, ok = a.nominalCue(i, lo, hi)
		default:
			lemma, isCue := cueForms[a.lower[i]]
			if !isCue || !verbLike(d.Tokens[i], a.lower[i], lemma) || i > lo && (a.lower[i-1] == "-" || a.lower[i-1] == "so") {
				// "so-called", "well-known": part of a compound, not a cue.
				continue
			}
			q, ok = a.cueSurface(i, lemma, lo, hi)
			if a.parsed && (!ok || q.SpeakerSpan == nil) {
				// Word order failed to find a speaker: ask the tree, and take
				// its speaker for the content word order found, or its whole
				// reading when word order found none.
				if pq, pok := a.cueParsed(i, lemma, lo, hi); pok && pq.SpeakerSpan != nil {
					if ok {
						q.Speaker, q.SpeakerSpan, q.SpeakerActor, q.Anonymous = pq.Speaker, pq.SpeakerSpan, pq.SpeakerActor, pq.Anonymous
					} else {
						q, ok = pq, true
					}
				}
			}
		}
		if ok && q.Len() > 0 && q.SpeakerSpan == nil && len(out) > 0 && strings.HasSuffix(a.lower[i], "ing") {
			// A participle going on from the saying before it (cueSurface):
			// the same speaker.
			p := out[len(out)-1]
			q.Speaker, q.SpeakerSpan, q.SpeakerActor, q.Anonymous = p.Speaker, p.SpeakerSpan, p.SpeakerActor, p.Anonymous
		}
		if ok && q.Len() > 0 && !sameContent(out, q) {
			out = append(out, q)
		}
	}
	if len(out) == 0 {
		// "In a new poll, CONTENT", when no cue inside says more.
		if q, ok := a.inSource(lo, hi); ok {
			out = append(out, q)
		}
	}
	return out
}

// colonTurn reads "NAME: content", the form of transcripts and of
// headlines ("Pence: Flowers won't be at debate"): a short name phrase
// opening the sentence, then a colon. The content runs to the end of the
// paragraph, so a speaker's turn in a transcript is one quotation.
func (a *analysis) colonTurn(lo, hi int) (doc.Quote, bool) {
	d := a.d
	first := lo
	for first < hi && isQuoteMark(a.lower[first]) {
		first++
	}
	colon := -1
	for i := first; i < hi && i < first+7; i++ {
		if a.lower[i] == ":" {
			colon = i
			break
		}
	}
	if colon <= first || colon+1 >= hi {
		return doc.Quote{}, false
	}
	named := false
	for i := first; i < colon; i++ {
		t := d.Tokens[i]
		switch {
		case t.UPOS == "PROPN" || isAllCaps(d.Slice(t.Span)) || i == first && t.UPOS == "NOUN" && colon == first+1 && d.Tokens[first].Start == a.lineStart(t.Start) && isUpperStart(d.Slice(t.Span)):
			named = true
		case t.UPOS == "VERB" || t.UPOS == "AUX" || t.UPOS == "NUM" || t.UPOS == "ADP" && a.lower[i] != "of":
			return doc.Quote{}, false
		}
	}
	if !named {
		return doc.Quote{}, false
	}
	start := colon + 1
	for start < hi && isQuoteMark(a.lower[start]) {
		start++
	}
	if start >= hi {
		return doc.Quote{}, false
	}
	end := a.paragraphEnd(d.Tokens[start].Start)
	content := doc.Span{Start: d.Tokens[start].Start, End: end}
	if strings.IndexFunc(d.Text[content.Start:content.End], unicode.IsLetter) < 0 {
		return doc.Quote{}, false // "Trump: 1,769.": a tally, not a statement
	}
	q := doc.Quote{Span: content, Cue: d.Tokens[colon].Span}
	a.setSpeaker(&q, a.phraseHead(first, colon), doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[colon-1].End})
	return q, true
}

// paragraphEnd returns the offset where the paragraph holding off ends,
// before trailing space and closing punctuation-free white space.
func (a *analysis) paragraphEnd(off int) int {
	text := a.d.Text
	end := len(text)
	if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
		end = off + i
	}
	return trimRightSpace(text, off, end)
}

// lineStart returns the offset where the line holding off begins.
func (a *analysis) lineStart(off int) int {
	return strings.LastIndexByte(a.d.Text[:off], '\n') + 1
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// sameContent reports whether a quote with q's content is already in qs
// ("said in a statement that ...": the verb and the noun cue agree).
func sameContent(qs []doc.Quote, q doc.Quote) bool {
	for _, o := range qs {
		if o.Span == q.Span {
			return true
		}
	}
	return false
}

// verbLike reports whether t may be the cue verb: tagged VERB, untagged,
// or a past form such as "told" or "added" that a tagger mistook for a
// noun or adjective (those forms are verbs in running news text).
func verbLike(t doc.Token, lower, lemma string) bool {
	switch t.UPOS {
	case "", "VERB":
		return true
	case "NOUN", "ADJ", "PROPN":
		return lower != lemma && !strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ing")
	}
	return false
}

// cueParsed reads a cue verb's speaker and content off the dependency tree.
func (a *analysis) cueParsed(c int, lemma string, lo, hi int) (doc.Quote, bool) {
	d := a.d
	var subj, comp = -1, -1
	for _, ch := range a.children[c] {
		switch d.Tokens[ch].Deprel {
		case "nsubj":
			subj = ch
		case "ccomp":
			comp = ch
		case "xcomp":
			if comp < 0 && (lemma == "urge" || lemma == "ask" || lemma == "call") {
				comp = ch
			}
		case "obl":
			if lemma == "call" && comp < 0 && a.hasCase(ch, "for") {
				comp = ch
			}
		}
	}
	var content doc.Span
	switch {
	case comp >= 0:
		content = a.subtreeSpan(comp, -1, lo, hi)
	case d.Tokens[c].Deprel == "parataxis" && d.Tokens[c].Head >= lo && d.Tokens[c].Head < hi:
		content = a.subtreeSpan(d.Tokens[c].Head, c, lo, hi)
	default:
		if weakCues[lemma] {
			return doc.Quote{}, false
		}
		// A cue with no clause of its own may still introduce the
		// quotation that follows or precedes it in the sentence.
		if r := a.adjacentRegion(c, lo, hi); r >= 0 {
			content = a.regions[r].content
		} else {
			return doc.Quote{}, false
		}
	}
	if subj < 0 {
		if dr := d.Tokens[c].Deprel; dr == "conj" || dr == "xcomp" || dr == "advcl" || dr == "acl" {
			// "Trump met Machado and said ...": the subject of the first verb.
			if h := d.Tokens[c].Head; h >= lo && h < hi {
				for _, ch := range a.children[h] {
					if d.Tokens[ch].Deprel == "nsubj" {
						subj = ch
					}
				}
			}
		}
	}
	q := doc.Quote{Span: content, Cue: a.cueSpan(c, hi)}
	if q.Start < q.Cue.End && q.End > q.Cue.End {
		// "called for an inquiry": the particle belongs to the cue
		if i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= q.Cue.End }); i < len(d.Tokens) && d.Tokens[i].Start < q.End {
			q.Start = d.Tokens[i].Start
		}
	}
	if subj >= 0 {
		a.setSpeaker(&q, subj, a.speakerSpan(subj, lo, hi))
	}
	a.setVia(&q, c, lo, hi)
	return q, true
}

// hasCase reports whether token t has a case marker with text word.
func (a *analysis) hasCase(t int, word string) bool {
	for _, ch := range a.children[t] {
		if a.d.Tokens[ch].Deprel == "case" && a.lower[ch] == word {
			return true
		}
	}
	return false
}

// cueSpan is the cue verb, with a following particle ("called for",
// "pointed out").
func (a *analysis) cueSpan(c, hi int) doc.Span {
	sp := a.d.Tokens[c].Span
	if c+1 < hi {
		switch a.lower[c+1] {
		case "for", "out":
			sp.End = a.d.Tokens[c+1].End
		}
	}
	return sp
}

// subtreeSpan returns the span from the leftmost to the rightmost token of
// the subtree of t inside [lo, hi), leaving out the subtree of skip and
// punctuation at either edge.
func (a *analysis) subtreeSpan(t, skip, lo, hi int) doc.Span {
	in := make([]bool, hi-lo)
	var mark func(n, depth int)
	mark = func(n, depth int) {
		if n == skip || n < lo || n >= hi || in[n-lo] || depth > 256 {
			return
		}
		in[n-lo] = true
		for _, ch := range a.children[n] {
			mark(ch, depth+1)
		}
	}
	mark(t, 0)
	first, last := -1, -1
	for i := lo; i < hi; i++ {
		if in[i-lo] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return doc.Span{}
	}
	// With skip removed the subtree may have a hole; keep the larger side.
	if skip >= 0 && skip > first && skip < last {
		sk := a.subtreeBounds(skip, lo, hi)
		if sk[0]-first >= last-sk[1] {
			last = sk[0] - 1
		} else {
			first = sk[1] + 1
		}
	}
	for first <= last && a.edgePunct(first) {
		first++
	}
	for last >= first && a.edgePunct(last) {
		last--
	}
	if first > last {
		return doc.Span{}
	}
	return doc.Span{Start: a.d.Tokens[first].Start, End: a.d.Tokens[last].End}
}

// subtreeBounds returns the first and last token of the subtree of t.
func (a *analysis) subtreeBounds(t, lo, hi int) [2]int {
	b := [2]int{t, t}
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if depth > 256 || n < lo || n >= hi {
			return
		}
		b[0], b[1] = min(b[0], n), max(b[1], n)
		for _, ch := range a.children[n] {
			walk(ch, depth+1)
		}
	}
	walk(t, 0)
	return b
}

// edgePunct reports whether token i is punctuation that an attribution
// span does not begin or end with (commas, dashes, colons); quotation marks
// and final stops stay out too.
func (a *analysis) edgePunct(i int) bool {
	switch a.lower[i] {
	case ",", ";", ":", "—", "–", "-", "--", ".", "\"", "“", "”", "'", "‘", "’", "(", ")":
		return true
	}
	return false
}

// speakerSpan is the noun phrase of the speaker headed by token h: its
// subtree without relative clauses, or the token alone when unparsed.
func (a *analysis) speakerSpan(h, lo, hi int) doc.Span {
	if !a.parsed {
		return a.d.Tokens[h].Span
	}
	first, last := h, h
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if depth > 64 {
			return
		}
		for _, ch := range a.children[n] {
			switch a.d.Tokens[ch].Deprel {
			case "acl:relcl", "acl", "punct", "parataxis", "cc", "conj", "advcl":
				if a.d.Tokens[ch].Deprel == "conj" {
					// "Trump and Rubio said": keep coordinated speakers.
					first, last = min(first, ch), max(last, ch)
					walk(ch, depth+1)
				}
				continue
			}
			if ch < lo || ch >= hi {
				continue
			}
			first, last = min(first, ch), max(last, ch)
			walk(ch, depth+1)
		}
	}
	walk(h, 0)
	for first < last && a.edgePunct(first) {
		first++
	}
	for last > first && a.edgePunct(last) {
		last--
	}
	return doc.Span{Start: a.d.Tokens[first].Start, End: a.d.Tokens[last].End}
}

// setSpeaker fills the speaker fields of q from the head token h of the
// speaker phrase sp: the entity mentioned there, whether the source is
// anonymous, and the affiliation the phrase states.
func (a *analysis) setSpeaker(q *doc.Quote, h int, sp doc.Span) {
	d := a.d
	q.SpeakerSpan = &sp
	if ei, ok := a.entityAt[h]; ok {
		q.Speaker = d.Entities[ei].ID
		q.SpeakerActor = d.Entities[ei].Actor
	}
	if anonNouns[a.lower[h]] && d.Tokens[h].UPOS != "PROPN" {
		q.Anonymous = true
		q.Speaker = ""
		q.SpeakerActor = nil
		// The affiliation stated inside the phrase: "a U.S. official",
		// "Venezuelan officials", "an aide to the president".
		for i := range d.Tokens {
			t := d.Tokens[i]
			if t.Start < sp.Start || t.End > sp.End || i == h {
				continue
			}
			if ei, ok := a.entityAt[i]; ok && d.Entities[ei].Actor != nil {
				act := *d.Entities[ei].Actor
				q.SpeakerActor = &act
				break
			}
		}
		// When the actors stage coded the nominal phrase itself, prefer it.
		if ei, ok := a.entityAt[h]; ok && d.Entities[ei].Actor != nil {
			act := *d.Entities[ei].Actor
			q.SpeakerActor = &act
		}
	}
}

// setVia records the medium a statement reached the text through: the
// object of "told"/"spoke to" when it is an organisation ("told
// NewsNation"), or "on"/"in" + a name after writing verbs ("wrote on Truth
// Social").
func (a *analysis) setVia(q *doc.Quote, c, lo, hi int) {
	d := a.d
	// Look right of the cue, and inside the speaker phrase's relative
	// clause ("a U.S. official who spoke to NewsNation").
	from, to := c, min(c+8, hi)
	if q.SpeakerSpan != nil {
		for i := lo; i < hi; i++ {
			if d.Tokens[i].Start >= q.SpeakerSpan.End && i < c {
				from = min(from, i)
				break
			}
		}
	}
	for i := from; i < to; i++ {
		if q.Span.Len() > 0 && d.Tokens[i].Start >= q.Span.Start && d.Tokens[i].End <= q.Span.End {
			continue
		}
		switch a.lower[i] {
		case "to", "on", "in", "told", "via":
		default:
			continue
		}
		j := i + 1
		for j < hi && (a.lower[j] == "the" || a.lower[j] == "a") {
			j++
		}
		if j >= hi {
			continue
		}
		if ei, ok := a.entityAt[j]; ok {
			e := d.Entities[ei]
			if e.Type == doc.Org || e.Type == doc.Work || e.Type == doc.Product || e.Type == doc.Misc {
				sp := mentionCovering(e, d.Tokens[j].Span)
				q.Via = &sp
				return
			}
		}
	}
}

func mentionCovering(e doc.Entity, t doc.Span) doc.Span {
	for _, m := range e.Mentions {
		if m.Span.Contains(t) {
			return m.Span
		}
	}
	return t
}

// cueNouns are nouns of saying whose "that" clause is attributed content:
// "Trump's claim that ...", "a New York Times report that ...".
var cueNouns = map[string]bool{
	"claim": true, "claims": true, "report": true, "reports": true, "statement": true,
	"assertion": true, "argument": true, "suggestion": true, "warning": true,
	"allegation": true, "allegations": true, "accusation": true, "promise": true,
	"pledge": true, "insistence": true, "announcement": true, "admission": true,
	"contention": true, "charge": true, "prediction": true, "remarks": true,
}

// modifierVerb reports whether t is a participle used as a modifier
// ("disparaging remarks", "leaked documents").
func modifierVerb(t doc.Token) bool {
	return t.XPOS == "VBG" || t.XPOS == "VBN" || t.UPOS == "ADJ"
}

// determinerLike reports whether a token before a noun marks it as one:
// a determiner, a possessive, an adjective.
func determinerLike(t doc.Token, lower string) bool {
	return t.UPOS == "DET" || t.UPOS == "ADJ" || lower == "'s" || lower == "’s" || t.UPOS == "PROPN"
}

// nominalCue reads "X's claim that CONTENT" and "a X report that CONTENT":
// the content is the that-clause, the speaker the possessor or the name
// before the noun, when there is one.
func (a *analysis) nominalCue(n, lo, hi int) (doc.Quote, bool) {
	d := a.d
	end := a.phraseEnd(n+1, hi)
	content := a.tokensSpan(n+1, end-1)
	if content.Len() == 0 {
		return doc.Quote{}, false
	}
	q := doc.Quote{Span: content, Cue: d.Tokens[n].Span}
	// The speaker: "Trump 's claim" or "a New York Times report".
	j := n - 1
	if j > lo && (a.lower[j] == "'s" || a.lower[j] == "’s") {
		j--
	}
	last := j
	for j >= lo && (d.Tokens[j].UPOS == "PROPN" || d.Tokens[j].UPOS == "NOUN" && j == last) {
		j--
	}
	if last > j {
		a.setSpeaker(&q, last, doc.Span{Start: d.Tokens[j+1].Start, End: d.Tokens[last].End})
	}
	return q, true
}

// accordingTo reads "according to X, CONTENT" and "CONTENT, according to X".
func (a *analysis) accordingTo(i, lo, hi int) (doc.Quote, bool) {
	d := a.d
	cue := doc.Span{Start: d.Tokens[i].Start, End: d.Tokens[i+1].End}
	// The source phrase runs from after "to" to the next comma or the end.
	j := i + 2
	end := j
	for end < hi && !a.clauseBreak(end) {
		end++
	}
	if j >= end {
		return doc.Quote{}, false
	}
	h := a.phraseHead(j, end)
	src := doc.Span{Start: d.Tokens[j].Start, End: d.Tokens[h].End}
	// Content: the rest of the sentence on the other side.
	var content doc.Span
	if i > lo && a.lower[i-1] == "," || i > lo+2 {
		// "CONTENT, according to X": the clause before.
		last := i - 1
		for last >= lo && a.edgePunct(last) {
			last--
		}
		first := lo
		for first <= last && a.edgePunct(first) {
			first++
		}
		if first <= last {
			content = doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
		}
	}
	if content.Len() == 0 {
		first := end
		for first < hi && a.edgePunct(first) {
			first++
		}
		last := hi - 1
		for last >= first && a.edgePunct(last) {
			last--
		}
		if first > last {
			return doc.Quote{}, false
		}
		content = doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
	}
	q := doc.Quote{Span: content, Cue: cue}
	a.setSpeaker(&q, h, src)
	a.setVia(&q, i+1, lo, hi)
	return q, true
}

// maxInSource is the longest phrase, in tokens, between "In" and the
// comma that inSource reads ("In a Washington Post-ABC News poll released
// Sunday,").
const maxInSource = 16

// inSource reads a sentence opening with a source in a prepositional phrase:
// "In a CNN/ORC poll released Monday, 31% of Republicans said ...", "In his
// view, ...". The source is the phrase up to its noun (sourceNouns), the
// content the clause after the comma, the cue "In".
func (a *analysis) inSource(lo, hi int) (doc.Quote, bool) {
	if hi-lo < 4 || a.lower[lo] != "in" {
		return doc.Quote{}, false
	}
	comma, noun := -1, -1
	for i := lo + 1; i < hi && i <= lo+maxInSource; i++ {
		if a.lower[i] == "," {
			comma = i
			break
		}
		if a.clauseBreak(i) || a.d.Tokens[i].UPOS == "VERB" && noun < 0 {
			return doc.Quote{}, false
		}
		if noun < 0 && sourceNouns[a.lower[i]] && a.d.Tokens[i].UPOS == "NOUN" {
			noun = i
		}
	}
	if comma < 0 || noun < 0 {
		return doc.Quote{}, false
	}
	first, last := comma+1, hi-1
	for last >= first && a.edgePunct(last) {
		last--
	}
	if last-first < 2 {
		return doc.Quote{}, false
	}
	d := a.d
	q := doc.Quote{Span: a.tokensSpan(first, last), Cue: d.Tokens[lo].Span}
	a.setSpeaker(&q, a.phraseHead(lo+1, noun+1), doc.Span{Start: d.Tokens[lo+1].Start, End: d.Tokens[noun].End})
	return q, true
}

// clauseBreak reports whether token i ends a phrase: a comma, a dash, a
// semicolon, a final stop, or a relative pronoun.
func (a *analysis) clauseBreak(i int) bool {
	switch a.lower[i] {
	case ",", ";", "—", "–", "--", ".", "!", "?", ":", "who", "which", "that":
		return true
	}
	return false
}

// phraseHead returns the head of the noun phrase in tokens [from, to): the
// last noun, proper noun or pronoun before a preposition, else the last
// token.
func (a *analysis) phraseHead(from, to int) int {
	d := a.d
	h := -1
	for i := from; i < to; i++ {
		switch d.Tokens[i].UPOS {
		case "NOUN", "PROPN", "PRON", "NUM":
			h = i
			continue
		case "ADP":
			if h >= 0 {
				return h
			}
		}
		if d.Tokens[i].UPOS == "" && h < 0 {
			h = i
		}
	}
	if h < 0 {
		return to - 1
	}
	return h
}

// objectCues take the addressee as object before the content: "told
// reporters that", "warned Congress that".
var objectCues = map[string]bool{
	"tell": true, "inform": true, "assure": true, "brief": true, "ask": true,
	"warn": true, "urge": true, "remind": true, "promise": true,
}

// cueSurface reads speaker and content by word order, for documents
// without a parse: "X said (that) CONTENT", "X told Y that CONTENT",
// "CONTENT, X said", "CONTENT, said X".
func (a *analysis) cueSurface(c int, lemma string, lo, hi int) (doc.Quote, bool) {
	d := a.d
	q := doc.Quote{Cue: a.cueSpan(c, hi)}
	if lemma == "ask" {
		if sp, ok := a.askedQuestion(c, lo, hi); ok {
			q.Span = sp
			return q, true
		}
	}

	// The speaker to the left, over adverbs and auxiliaries.
	j := c - 1
	for j >= lo && skipBetween[a.lower[j]] {
		j--
	}
	if p := a.parenBefore(j, lo); p > lo {
		j = p - 1 // "Paul Ryan (R-Wis.) said": the name before the parenthesis
	}
	subjEnd := j
	if j >= lo && a.mistaggedSubject(j, c, lo) {
		j--
	}
	for j >= lo && nominal(d.Tokens[j], a.lower[j]) && !a.inTime(d.Tokens[j].Span) {
		j--
	}
	for j+2 <= subjEnd && d.Tokens[j+1].UPOS == "ADJ" && d.Tokens[j+2].UPOS == "DET" {
		j++ // "made clear the United States expects": no adjective before a determiner
	}
	left := subjEnd > j // tokens j+1..subjEnd form the speaker phrase

	// The content to the right: past the addressee of "told", past time
	// expressions ("said Thursday"), starting at "that" when there is one.
	k := c + 1
	if q.Cue.End > d.Tokens[c].End {
		k++ // the particle of "called for", "pointed out"
	}
	np := false // the content is the noun phrase or infinitive after the cue
	told := -1  // where a clause after the addressee of "told" starts, with no "that"
	if objectCues[lemma] {
		k0 := k
		for k < hi && nominal(d.Tokens[k], a.lower[k]) && !contentStart[a.lower[k]] {
			k++
		}
		if npCues[lemma] && k > k0 && (k >= hi || !contentStart[a.lower[k]]) {
			k, np = k0, true // "urged supporters to vote": the whole rest
		} else if k == hi || !contentStart[a.lower[k]] {
			told = a.clauseAfterAddressee(k0, hi)
		}
	} else if npCues[lemma] && k < hi && (nominal(d.Tokens[k], a.lower[k]) || a.lower[k] == "to" || a.lower[k] == "for" ||
		modifierVerb(d.Tokens[k]) && k+1 < hi && nominal(d.Tokens[k+1], a.lower[k+1])) {
		np = true // "cited disparaging remarks"
	}
	k = a.skipTimes(k, hi)
	if told > 0 {
		k = told
	}
	explicit := k < hi && (contentStart[a.lower[k]] || told > 0 || weakCues[lemma] && !objectCues[lemma] && a.finiteClauseAt(k, hi))
	colonNext := -1 // a quotation opening right after "He said:" in the next paragraph
	if k < hi && a.lower[k] == ":" {
		if k == hi-1 {
			colonNext = a.regionAfter(d.Tokens[k].End)
		}
		k++
	}
	right := a.tokensSpan(k, a.beforeParticiple(k, hi)-1)
	if colonNext >= 0 {
		right, explicit = a.regions[colonNext].content, true
	}
	if n := a.proForm(k, hi); n > 0 && !objectCues[lemma] && !npCues[lemma] {
		// "said as much", "said so": the content is what came before, and
		// the pro-form stands for it.
		right, explicit = a.tokensSpan(k, k+n-1), true
	} else if np {
		right = a.tokensSpan(k, a.phraseEnd(k, hi)-1)
	} else if !explicit && (objectCues[lemma] || weakCues[lemma]) {
		right = doc.Span{}
	}
	if k < hi && !explicit && !np && !opensClause(d.Tokens[k], a.lower[k]) {
		// "says at a campaign stop in Toledo, Ohio, that ...", "said in a
		// statement that ...": a phrase about the saying, then the content.
		for m := k + 1; m < hi && m < k+16; m++ {
			if a.lower[m] == "that" && (a.lower[m-1] == "," || d.Tokens[m-1].UPOS == "NOUN" || d.Tokens[m-1].UPOS == "PROPN") {
				k, explicit = m, true
				right = a.tokensSpan(k, hi-1)
				break
			}
			if _, isCue := cueForms[a.lower[m]]; isCue || d.Tokens[m].UPOS == "VERB" {
				break
			}
		}
	}
	if right.Len() > 0 && k < hi && !explicit && !np && !opensClause(d.Tokens[k], a.lower[k]) {
		// "he said in an interview", "said sarcastically", "said after
		// the hearing": what follows is about the saying, not its content.
		right = doc.Span{}
	}
	// "During his years in office, Mr. Obama said, a majority ...": the
	// saying is a parenthesis inside its content.
	parenthetical := k < hi-1 && a.lower[k] == "," && opensClause(d.Tokens[k+1], a.lower[k+1]) && !a.trailingPhrase(k+1)

	// afterObj is past the addressee of "told reporters" and the like.
	afterObj := c + 1
	if objectCues[lemma] {
		for afterObj < hi && nominal(d.Tokens[afterObj], a.lower[afterObj]) {
			afterObj++
		}
	}
	lead := lo // end of the noun phrase opening the sentence
	for lead < hi && nominal(d.Tokens[lead], a.lower[lead]) {
		lead++
	}
	// appos is the comma closing a short name phrase (prepositions
	// allowed: "Officials at the agency, ...") that opens the sentence.
	appos := lo
	for appos < hi && appos-lo < 15 && (nominal(d.Tokens[appos], a.lower[appos]) || d.Tokens[appos].UPOS == "ADP" && appos > lo || appos == lo && a.nameOpener(lo)) {
		appos++
	}
	if appos >= hi || a.lower[appos] != "," {
		appos = lo
	}
	speakerOf := func(first, last int) (int, doc.Span) {
		return a.phraseHead(first, last+1), doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
	}
	switch {
	case left && parenthetical && a.punctBefore(j+1, lo):
		q.Span = a.tokensSpan(lo, hi-1)
		h, sp := speakerOf(j+1, subjEnd)
		a.setSpeaker(&q, h, sp)
	case left && right.Len() > 0:
		// "X said (that) CONTENT."
		q.Span = right
		h, sp := speakerOf(j+1, subjEnd)
		a.setSpeaker(&q, h, sp)
	case !left && right.Len() > 0 && j >= lo && a.lower[j] == "," && appos > lo && appos < j && j-lo <= 40:
		// "X, a professor at Y, said CONTENT": the name opens the sentence
		// and an apposition follows it.
		q.Span = right
		h, _ := speakerOf(lo, appos-1)
		a.setSpeaker(&q, h, doc.Span{Start: d.Tokens[lo].Start, End: d.Tokens[j-1].End})
	case !left && right.Len() > 0 && j >= lo && a.lower[j] == "," && lead > lo && strings.HasSuffix(a.lower[c], "ing"):
		// "Trump confirmed it, writing that CONTENT": the participle's
		// subject is the main clause's, the noun phrase opening the sentence.
		q.Span = right
		h, sp := speakerOf(lo, lead-1)
		a.setSpeaker(&q, h, sp)
	case !left && right.Len() > 0 && j > lo && a.lower[j] == "," && strings.HasSuffix(a.lower[c], "ing") && a.prevSaying(j-1, lo):
		// "..., the former president said, referring to Condoleezza Rice":
		// the speaker is that of the saying before, which reported gives.
		q.Span = right
	case k < hi && isQuoteMark(a.lower[k]) && a.inRegion(d.Tokens[min(k+1, hi-1)].Start) >= 0 &&
		!titleCase(d.Slice(a.regions[a.inRegion(d.Tokens[min(k+1, hi-1)].Start)].content)):
		// "X said: “CONTENT”" — the quotation that follows.
		q.Span = a.regions[a.inRegion(d.Tokens[min(k+1, hi-1)].Start)].content
		if left {
			h, sp := speakerOf(j+1, subjEnd)
			a.setSpeaker(&q, h, sp)
		}
	case left && a.punctBefore(j+1, lo) && a.endsClause(afterObj, hi):
		// "CONTENT, X said."
		q.Span = a.tokensSpan(lo, j)
		h, sp := speakerOf(j+1, subjEnd)
		a.setSpeaker(&q, h, sp)
	case !left && a.punctBefore(c, lo):
		// "CONTENT, said X."
		end := c + 1
		for end < hi && nominal(d.Tokens[end], a.lower[end]) {
			end++
		}
		if end == c+1 || !a.endsClause(end, hi) {
			return doc.Quote{}, false
		}
		q.Span = a.tokensSpan(lo, c-1)
		h, sp := speakerOf(c+1, end-1)
		a.setSpeaker(&q, h, sp)
	default:
		return doc.Quote{}, false
	}
	if q.Len() == 0 {
		if weakCues[lemma] {
			return doc.Quote{}, false
		}
		if r := a.adjacentRegion(c, lo, hi); r >= 0 {
			q.Span = a.regions[r].content
		}
	}
	if q.Len() == 0 {
		return doc.Quote{}, false
	}
	if left && a.passiveCue(c, lo) {
		// "The deal is expected to close", "officials were told": the
		// subject is not who says it, and the text names no one who does
		q.Speaker, q.SpeakerSpan, q.SpeakerActor, q.Anonymous = "", nil, nil, false
	}
	a.setVia(&q, c, lo, hi)
	return q, true
}

// proForm returns the length of a pro-form standing for the content at
// token k ("as much", "so") when the clause ends after it or goes on with a
// prepositional phrase ("said so in an interview"); 0 otherwise.
func (a *analysis) proForm(k, hi int) int {
	n := 0
	switch {
	case k+1 < hi && a.lower[k] == "as" && a.lower[k+1] == "much":
		n = 2
	case k < hi && a.lower[k] == "so":
		n = 1
	default:
		return 0
	}
	if e := k + n; e < hi && !a.edgePunct(e) && a.d.Tokens[e].UPOS != "ADP" && a.d.Tokens[e].UPOS != "PUNCT" {
		return 0 // "said so many", "said so far"
	}
	return n
}

// mistaggedSubject reports whether token j, right before the cue verb c
// (but for adverbs and auxiliaries), is the end of its subject that the
// tagger took for something else: a present-tense verb before a past-tense
// cue ("Clinton aides said": two finite verbs do not follow each other), or
// a capitalised word opening the sentence (nameOpener: "Jolly said").
func (a *analysis) mistaggedSubject(j, c, lo int) bool {
	t := a.d.Tokens[j]
	if nominal(t, a.lower[j]) || a.d.Tokens[c].XPOS != "VBD" {
		return false
	}
	if j == lo && a.nameOpener(lo) {
		return true
	}
	return t.UPOS == "VERB" && (t.XPOS == "VBZ" || t.XPOS == "VBP")
}

// nameOpener reports whether token i, opening a sentence, is a capitalised
// word that the tagger took for a verb, adverb or adjective but that
// begins a name: "Cook said", "Boreing said", "Grant Young, a strategist,
// said" (sentence-initial capitals hide names that are also words).
func (a *analysis) nameOpener(i int) bool {
	t := a.d.Tokens[i]
	switch t.UPOS {
	case "VERB", "AUX", "ADV", "ADJ", "INTJ", "X":
	default:
		return false
	}
	if !isUpperStart(a.d.Slice(t.Span)) || i+1 >= len(a.d.Tokens) {
		return false
	}
	next := a.d.Tokens[i+1]
	_, cue := cueForms[a.lower[i+1]]
	return cue || isUpperStart(a.d.Slice(next.Span)) && (next.UPOS == "PROPN" || next.UPOS == "ADJ" || next.UPOS == "NOUN")
}

// prevSaying reports whether a saying ends at token e: a cue verb, or the
// speaker phrase after an inverted one ("said spokesman John Kirby"), with
// nothing but the phrase between.
func (a *analysis) prevSaying(e, lo int) bool {
	for i := e; i >= lo && i > e-8; i-- {
		if _, ok := cueForms[a.lower[i]]; ok && verbLike(a.d.Tokens[i], a.lower[i], cueForms[a.lower[i]]) {
			return true
		}
		if !nominal(a.d.Tokens[i], a.lower[i]) {
			return false
		}
	}
	return false
}

// finiteClauseAt reports whether a clause with a finite verb opens at
// token k, with no "that" before it: a short subject phrase, then a
// tensed verb or a modal ("hopes Clinton will win", "thinks voters want").
func (a *analysis) finiteClauseAt(k, hi int) bool {
	i := k
	for i < hi && i < k+6 && nominal(a.d.Tokens[i], a.lower[i]) {
		i++
	}
	if i == k || i >= hi {
		return false
	}
	t := a.d.Tokens[i]
	switch t.XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return t.UPOS == "VERB" || t.UPOS == "AUX"
	}
	return false
}

// clauseAfterAddressee returns where the reported clause starts after the
// addressee of "told" that opens at k0, when no "that" introduces it: a
// subject pronoun with a tensed verb ("told AP he was working", "told The
// Star-Ledger of Newark last week she would ..."), or an infinitive ("told
// Jeb Bush to quiet down", "not to worry"); -1 when there is none within a
// few words.
func (a *analysis) clauseAfterAddressee(k0, hi int) int {
	for k := k0 + 1; k < hi && k <= k0+10; k++ {
		switch a.lower[k] {
		case "he", "she", "they", "it", "we", "i", "you":
			if k+1 < hi {
				switch a.d.Tokens[k+1].XPOS {
				case "VBD", "VBZ", "VBP", "MD":
					return k
				}
			}
		case "to":
			if k+1 < hi && a.d.Tokens[k+1].XPOS == "VB" {
				if a.lower[k-1] == "not" {
					return k - 1
				}
				return k
			}
		case ",", ";", ":", ".", "that":
			return -1
		}
		if t := a.d.Tokens[k]; t.UPOS == "VERB" && t.XPOS != "VBG" {
			return -1
		}
	}
	return -1
}

// beforeParticiple returns where the content opened at k ends: before a
// comma and another attribution, a participle of saying that goes on with
// another statement ("said the strikes hit military targets, adding that
// ...") or "according to"; else hi.
func (a *analysis) beforeParticiple(k, hi int) int {
	for i := k + 1; i+1 < hi; i++ {
		if a.lower[i] != "," {
			continue
		}
		next := a.lower[i+1]
		if next == "according" {
			return i
		}
		if _, ok := cueForms[next]; ok && strings.HasSuffix(next, "ing") {
			return i
		}
	}
	return hi
}

// passiveCue reports whether cue verb c is a passive participle: VBN after
// a form of "be", adverbs aside ("is expected", "were told").
func (a *analysis) passiveCue(c, lo int) bool {
	if a.d.Tokens[c].XPOS != "VBN" {
		return false
	}
	for j := c - 1; j >= lo; j-- {
		switch a.lower[j] {
		case "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re":
			return true
		}
		if a.d.Tokens[j].UPOS != "ADV" {
			return false
		}
	}
	return false
}

// askedQuestion reads the question of a participle "asked" opening a
// sentence or following "when": "Asked on Fox News who leads the party,
// Trump said ...", "When asked if ..., she ...". The question runs from its
// wh-word, "if" or "whether" (within a few words of the cue) to the next
// comma; whoever asked is left unsaid, so the quote has no speaker.
func (a *analysis) askedQuestion(c, lo, hi int) (doc.Span, bool) {
	if a.lower[c] != "asked" || !(c == lo || c == lo+1 && a.lower[lo] == "when") {
		return doc.Span{}, false
	}
	for k := c + 1; k < hi && k <= c+8; k++ {
		switch a.lower[k] {
		case "who", "what", "why", "how", "which", "where", "when", "whether", "if":
			end := k + 1
			for end < hi && a.lower[end] != "," {
				end++
			}
			if end >= hi || end-k < 3 {
				return doc.Span{}, false
			}
			return a.tokensSpan(k, end-1), true
		case ",", ".", ";":
			return doc.Span{}, false
		}
	}
	return doc.Span{}, false
}

// maxParen is the longest parenthesis, in tokens, that parenBefore skips.
const maxParen = 10

// parenBefore returns the index of the "(" opening a short parenthesis
// that token j closes, not before lo; -1 when token j is not ")" or the
// parenthesis is longer than maxParen tokens.
func (a *analysis) parenBefore(j, lo int) int {
	if j < lo || a.lower[j] != ")" {
		return -1
	}
	for p := j - 1; p >= lo && p >= j-maxParen; p-- {
		switch a.lower[p] {
		case "(":
			return p
		case ")":
			return -1
		}
	}
	return -1
}

// phraseEnd returns where the content opened at k stops: before a comma
// that introduces a trailing participle or subordinate clause, else at the
// end of the sentence.
func (a *analysis) phraseEnd(k, hi int) int {
	for i := k; i+1 < hi; i++ {
		if a.lower[i] != "," {
			continue
		}
		switch a.lower[i+1] {
		case "saying", "adding", "which", "who", "as", "because", "while", "although", "but", "calling", "arguing", "noting":
			return i
		}
	}
	return hi
}

// opensClause reports whether a token can open reported content: a noun
// phrase, a pronoun, a number, "that"/"whether", or a quotation mark.
func opensClause(t doc.Token, lower string) bool {
	if contentStart[lower] || isQuoteMark(lower) {
		return true
	}
	switch t.UPOS {
	case "DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ", "":
		return true
	}
	return false
}

// trailingPhrase reports whether the tokens from k on are a trailing
// participle or subordinate phrase rather than a clause ("adding ...").
func (a *analysis) trailingPhrase(k int) bool {
	switch a.lower[k] {
	case "saying", "adding", "which", "who", "as", "because", "while", "although", "noting", "calling", "arguing", "according":
		return true
	}
	return false
}

// endsClause reports whether the tokens from k on close the sentence
// without further content: punctuation only, or a trailing phrase set off
// by a comma ("..., he said, adding ...").
func (a *analysis) endsClause(k, hi int) bool {
	k = a.skipTimes(k, hi)
	return k >= hi || a.edgePunct(k) || isQuoteMark(a.lower[k])
}

// contentStart are the words that open a reported clause.
var contentStart = map[string]bool{
	"that": true, ":": true, "how": true, "why": true, "what": true, "whether": true,
	"if": true, "when": true, "where": true, "who": true,
}

// skipTimes returns the first token at or after k that is not part of a
// time expression or a preposition introducing one ("said on Thursday").
func (a *analysis) skipTimes(k, hi int) int {
	for k < hi {
		t := a.d.Tokens[k]
		if a.inTime(t.Span) {
			k++
			continue
		}
		if (a.lower[k] == "on" || a.lower[k] == "in" || a.lower[k] == "last" || a.lower[k] == "earlier") && k+1 < hi && a.inTime(a.d.Tokens[k+1].Span) {
			k++
			continue
		}
		break
	}
	return k
}

// inTime reports whether span lies inside a time expression.
func (a *analysis) inTime(s doc.Span) bool {
	ts := a.d.Times
	i := sort.Search(len(ts), func(i int) bool { return ts[i].End >= s.End })
	return i < len(ts) && ts[i].Start <= s.Start
}

// punctBefore reports whether token i is preceded, inside the sentence, by
// a comma or a closing quotation mark: the content ends there.
func (a *analysis) punctBefore(i, lo int) bool {
	return i > lo && (a.lower[i-1] == "," || isQuoteMark(a.lower[i-1]) || a.lower[i-1] == "—")
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "”", "“", "''", "’", "‘":
		return true
	}
	return false
}

// nominal reports whether a token may belong to a speaker noun phrase.
func nominal(t doc.Token, lower string) bool {
	switch t.UPOS {
	case "NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM":
		return true
	case "PART":
		return lower == "'s" || lower == "’s"
	case "":
		return false
	}
	return false
}

// tokensSpan covers tokens first..last, trimmed of edge punctuation.
func (a *analysis) tokensSpan(first, last int) doc.Span {
	for first <= last && a.edgePunct(first) {
		first++
	}
	for last >= first && a.edgePunct(last) {
		last--
	}
	if first > last || first < 0 || last >= len(a.d.Tokens) {
		return doc.Span{}
	}
	return doc.Span{Start: a.d.Tokens[first].Start, End: a.d.Tokens[last].End}
}

// adjacentRegion returns the direct quotation in the same sentence nearest
// the cue at c, or -1.
func (a *analysis) adjacentRegion(c, lo, hi int) int {
	d := a.d
	best, bestDist := -1, 1<<30
	sentStart, sentEnd := d.Tokens[lo].Start, d.Tokens[hi-1].End
	for ri, r := range a.regions {
		if r.content.End < sentStart-2 || r.content.Start > sentEnd+2 {
			continue
		}
		dist := abs(r.content.Start - d.Tokens[c].Start)
		if e := abs(r.content.End - d.Tokens[c].Start); e < dist {
			dist = e
		}
		if dist < bestDist {
			best, bestDist = ri, dist
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// attachDirect turns every direct quotation into a quote: merged with the
// reported statement whose content it is (or whose content runs into it),
// else marked as a partial quote of a statement whose content contains it
// (“run” in "he contended that ... will “run” the country"), else joined to
// the quotation just before it in the same paragraph (a quotation
// interrupted by "he said"), else given that quotation's speaker when it
// continues in the next paragraph, else left without a speaker when it is
// long enough to be a statement rather than a scare quote or a title.
func (a *analysis) attachDirect(reported []doc.Quote) []doc.Quote {
	out := reported
	prev := -1
	for _, r := range a.regions {
		handled := false
		for i := range out {
			q := &out[i]
			if q.Direct || q.Partial {
				continue
			}
			switch {
			case r.content.Contains(q.Span) || overlapShare(q.Span, r.content) > 0.6:
				// The reported content is the quotation, give or take marks.
				q.Span, q.Direct = r.content, true
			case q.Start < r.content.Start && q.End > r.content.Start && q.End < r.content.End:
				// The content runs into the quotation: it ends where the
				// quotation does.
				q.End = r.content.End
			default:
				continue
			}
			handled, prev = true, i
			break
		}
		if handled {
			continue
		}
		host := -1
		for i := range out {
			if !out[i].Direct && !out[i].Partial && out[i].Span.Contains(r.content) {
				host = i
			}
		}
		nq := doc.Quote{Span: r.content, Direct: true, Cue: doc.Span{Start: r.open.Start, End: r.open.Start}}
		switch {
		case host >= 0:
			h := out[host]
			nq.Speaker, nq.SpeakerSpan, nq.SpeakerActor, nq.Anonymous, nq.Via, nq.Cue = h.Speaker, h.SpeakerSpan, h.SpeakerActor, h.Anonymous, h.Via, h.Cue
			nq.Partial = true
			out = append(out, nq)
			continue // a partial quote never starts a continued quotation
		case title(a.d.Slice(r.content)):
			continue // "On “Face the Nation,” Sen. Sanders ...": a name, not a statement
		case prev >= 0 && out[prev].Direct && a.continues(out[prev], r) && !strings.Contains(a.d.Text[out[prev].End:r.open.Start], "\n"):
			// “A,” she said. “B.” — one quotation interrupted by its cue.
			out[prev].End = r.content.End
			continue
		case prev >= 0 && a.continues(out[prev], r):
			p := out[prev]
			nq.Speaker, nq.SpeakerSpan, nq.SpeakerActor, nq.Anonymous, nq.Via, nq.Cue = p.Speaker, p.SpeakerSpan, p.SpeakerActor, p.Anonymous, p.Via, p.Cue
		default:
			if text := a.d.Slice(r.content); wordCount(text) < 5 || titleCase(text) {
				continue // a scare quote or a title, not a statement
			}
		}
		out = append(out, nq)
		prev = len(out) - 1
	}
	return out
}

// regionAfter returns the direct quotation whose opening mark follows
// offset off with nothing but white space between, or -1.
func (a *analysis) regionAfter(off int) int {
	i := sort.Search(len(a.regions), func(i int) bool { return a.regions[i].open.Start >= off })
	if i < len(a.regions) && strings.TrimSpace(a.d.Text[off:a.regions[i].open.Start]) == "" {
		return i
	}
	return -1
}

// titleCase reports whether every word of s longer than three letters
// starts with a capital: the name of a show, a book or a film.
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if len(w) > 3 && unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// title reports whether s reads as the name of a show, a book or a film
// rather than speech: at most eight words, every word longer than three
// letters capitalised, and at least two such words ("Face the Nation",
// not "Yes." nor "Thank you.").
func title(s string) bool {
	if wordCount(s) > 8 || !titleCase(s) {
		return false
	}
	long := 0
	for _, w := range strings.Fields(s) {
		if len(strings.TrimFunc(w, unicode.IsPunct)) > 3 {
			long++
		}
	}
	return long >= 2
}

// continues reports whether direct quotation r follows q closely enough to
// be the same speaker going on: it starts within a short gap after q ends.
func (a *analysis) continues(q doc.Quote, r region) bool {
	gap := r.open.Start - q.End
	return gap >= 0 && gap < 40
}

func overlapShare(x, y doc.Span) float64 {
	lo, hi := max(x.Start, y.Start), min(x.End, y.End)
	if hi <= lo {
		return 0
	}
	return float64(hi-lo) / float64(max(x.Len(), y.Len()))
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
