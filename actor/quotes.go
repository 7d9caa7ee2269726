package actor

import (
	"sitrep/doc"
)

// speechVerbs introduce or close a quotation.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"stated": true, "states": true, "declared": true, "wrote": true, "writes": true, "tweeted": true,
	"posted": true, "asked": true, "asks": true, "replied": true, "insisted": true, "warned": true,
	"explained": true, "noted": true, "argued": true, "continued": true, "recalled": true, "announced": true,
	"claimed": true, "acknowledged": true, "admitted": true, "responded": true, "remarked": true,
}

// quotes returns, for each token, the index of the quotation it lies in
// (-1 outside), with each quotation's first and last token. Curly quotes
// pair up as written; straight double quotes alternate within a
// paragraph.
func (s *state) quotes() (in []int, spans [][2]int) {
	toks := s.v.toks
	in = make([]int, len(toks))
	for i := range in {
		in[i] = -1
	}
	open := -1
	for i := range toks {
		t := toks[i].text
		if open >= 0 && i > 0 && i-open > 400 {
			open = -1 // an unclosed quotation: forget it
		}
		switch {
		case t == "“" || (t == "\"" && open < 0):
			open = i
		case (t == "”" || t == "\"") && open >= 0:
			if i > open+1 {
				q := len(spans)
				spans = append(spans, [2]int{open, i})
				for k := open + 1; k < i; k++ {
					in[k] = q
				}
			}
			open = -1
		}
	}
	return in, spans
}

// resolveFirstPerson links first-person pronouns: inside a quotation to
// its speaker (the name, nominal or pronoun next to a speech verb right
// after or right before it), outside quotations to the previous
// first-person pronoun of the same number — the narrator, kept as an
// entity of its own. Second-person pronouns outside quotations are
// likewise one addressee.
func (s *state) resolveFirstPerson() {
	hasFirst := false
	for _, m := range s.ments {
		if m.first {
			hasFirst = true
			break
		}
	}
	if !hasFirst {
		return
	}
	in, spans := s.quotes()
	startAt := map[int]int{} // token -> longest mention starting there (not first person)
	endAt := map[int]int{}   // token -> longest mention ending there
	for i, m := range s.ments {
		if m.first || m.cl < 0 || m.dropped {
			continue
		}
		if old, ok := startAt[m.t0]; !ok || s.ments[old].t1-s.ments[old].t0 < m.t1-m.t0 {
			startAt[m.t0] = i
		}
		if old, ok := endAt[m.t1-1]; !ok || s.ments[old].t1-s.ments[old].t0 < m.t1-m.t0 {
			endAt[m.t1-1] = i
		}
	}
	speaker := make([]int, len(spans))
	for q, sp := range spans {
		speaker[q] = s.speakerOf(sp, startAt, endAt)
	}
	narrator := map[string]int{}
	for _, mi := range s.orderOf(doc.MentionPronoun) {
		m := s.ments[mi]
		if !m.first {
			continue
		}
		if q := in[m.t0]; q >= 0 {
			if sp := speaker[q]; sp >= 0 && !m.plural && !m.second {
				cl := s.find(s.ments[sp].cl)
				m.cl = cl
				s.cls[cl].ments = append(s.cls[cl].ments, mi)
			}
			continue
		}
		key := "i"
		switch {
		case m.second:
			key = "you"
		case m.plural:
			key = "we"
		}
		if cl, ok := narrator[key]; ok {
			m.cl = s.find(cl)
			s.cls[m.cl].ments = append(s.cls[m.cl].ments, mi)
			continue
		}
		typ := doc.Person
		cl := s.newCluster(typ)
		c := s.cls[cl]
		c.narrator, c.personal, c.plural = true, true, m.plural
		m.cl = cl
		c.ments = append(c.ments, mi)
		narrator[key] = cl
	}
}

// speakerOf finds the mention that speaks quotation sp: "…,” Smith said",
// "…,” said Smith", "Smith said: “…". It returns -1 when there is none.
func (s *state) speakerOf(sp [2]int, startAt, endAt map[int]int) int {
	toks := s.v.toks
	mentionAt := func(i int) int {
		if i < 0 || i >= len(toks) {
			return -1
		}
		if mi, ok := startAt[i]; ok {
			return mi
		}
		return -1
	}
	mentionEnding := func(i int) int {
		if i < 0 {
			return -1
		}
		if mi, ok := endAt[i]; ok {
			return mi
		}
		return -1
	}
	// After the closing quote.
	k := sp[1] + 1
	if k < len(toks) && toks[k].text == "," {
		k++
	}
	if k < len(toks) && speechVerbs[toks[k].lower] {
		if mi := mentionAt(k + 1); mi >= 0 {
			return mi
		}
	}
	if mi := mentionAt(k); mi >= 0 {
		e := s.ments[mi].t1
		if e < len(toks) && speechVerbs[toks[e].lower] {
			return mi
		}
	}
	// Inside, before the closing quote: "…, Smith said, …" is rarer; skip.
	// Before the opening quote: "Smith said: “…".
	k = sp[0] - 1
	if k >= 0 && (toks[k].text == ":" || toks[k].text == ",") {
		k--
	}
	if k >= 0 && speechVerbs[toks[k].lower] {
		if mi := mentionEnding(k - 1); mi >= 0 {
			return mi
		}
	}
	return -1
}
