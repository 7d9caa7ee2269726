package timex

import (
	"sitrep/doc"
)

// Event date precisions.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Event date sources.
const (
	SourceClause    = "clause"    // a time expression in the trigger's clause
	SourceSentence  = "sentence"  // a time expression elsewhere in the sentence
	SourcePublished = "published" // the publication date
)

// EventDate dates the event whose trigger lies in sentence, using the
// time expressions the times stage left in d.Times. It prefers a time
// expression syntactically attached to the trigger (when d.Tokens carry
// heads), then the nearest one in the trigger's clause (source "clause"),
// then the nearest one in the sentence ("sentence"), and otherwise the
// publication date ("published"). Only expressions that name a calendar
// date count: "2026-01-15" is a day, "2026-W03" a week, "2026-01" a
// month, and "2026", quarters, halves and seasons a year; durations,
// sets, decades, PAST_REF and values with X placeholders do not date an
// event, while PRESENT_REF ("now") dates it to the publication day.
// The date is returned as "2026-01-15", "2026-W03", "2026-01" or "2026",
// with its precision ("day", "week", "month", "year"). When nothing dates
// the event and the publication date is unknown, all three results are "".
// Spans outside the text are tolerated: they match nothing.
func EventDate(d *doc.Document, sentence doc.Span, trigger doc.Span) (date, precision, source string) {
	if sentence.Len() <= 0 || !sentence.Contains(trigger) {
		sentence = trigger
	}
	clause := clauseAround(d.Text, sentence, trigger)
	attached := attachedTimes(d, trigger)

	bestClause, bestSentence := -1, -1
	distClause, distSentence := int(^uint(0)>>1), int(^uint(0)>>1)
	for k, t := range d.Times {
		if !sentence.Contains(t.Span) || t.Overlaps(trigger) && trigger.Contains(t.Span) {
			continue
		}
		if _, _, ok := calendar(d, t); !ok {
			continue
		}
		dist := spanDistance(t.Span, trigger)
		if attached[k] {
			dist = -1 // attached wins over any distance
		}
		if clause.Contains(t.Span) || attached[k] {
			if dist < distClause {
				bestClause, distClause = k, dist
			}
		} else if dist < distSentence {
			bestSentence, distSentence = k, dist
		}
	}
	switch {
	case bestClause >= 0:
		date, precision, _ = calendar(d, d.Times[bestClause])
		return date, precision, SourceClause
	case bestSentence >= 0:
		date, precision, _ = calendar(d, d.Times[bestSentence])
		return date, precision, SourceSentence
	}
	if a := newAnchor(d.Published); a.ok {
		return fmtDay(a.t), PrecisionDay, SourcePublished
	}
	return "", "", ""
}

// calendar turns a time expression's value into a calendar date and its
// precision, reporting false when the value names no calendar date.
func calendar(d *doc.Document, t doc.Time) (date, precision string, ok bool) {
	if t.Type != Date && t.Type != TimeT {
		return "", "", false
	}
	v := t.Value
	if v == "PRESENT_REF" {
		if a := newAnchor(d.Published); a.ok {
			return fmtDay(a.t), PrecisionDay, true
		}
		return "", "", false
	}
	if len(v) < 4 || !isDigits(v[:4]) || len(v) > 4 && v[4] != '-' {
		return "", "", false
	}
	rest := v[4:]
	switch {
	case len(rest) >= 6 && rest[0] == '-' && isDigits(rest[1:3]) && rest[3] == '-' && isDigits(rest[4:6]):
		return v[:10], PrecisionDay, true
	case len(rest) >= 4 && rest[:2] == "-W" && isDigits(rest[2:4]):
		return v[:8], PrecisionWeek, true
	case len(rest) >= 3 && rest[0] == '-' && isDigits(rest[1:3]):
		return v[:7], PrecisionMonth, true
	}
	return v[:4], PrecisionYear, true
}

// spanDistance is the number of bytes between two spans, 0 when they touch
// or overlap.
func spanDistance(a, b doc.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// clauseAround returns the part of sentence around trigger bounded by
// clause breaks: semicolons, colons, dashes, parentheses, quotation marks,
// and a comma before a conjunction or relative word.
func clauseAround(text string, sentence, trigger doc.Span) doc.Span {
	if !sentence.Valid(len(text)) || !trigger.Valid(len(text)) {
		return trigger
	}
	c := sentence
	for i := trigger.Start - 1; i >= sentence.Start; i-- {
		if clauseBreak(text, i) {
			c.Start = i + 1
			break
		}
	}
	for i := trigger.End; i < sentence.End; i++ {
		if clauseBreak(text, i) {
			c.End = i
			break
		}
	}
	return c
}

// clauseBreak reports whether a clause ends at byte i of text.
func clauseBreak(text string, i int) bool {
	switch text[i] {
	case ';', ':', '(', ')', '"', '`':
		return true
	case '-':
		return i+1 < len(text) && text[i+1] == '-'
	case ',':
		j := i + 1
		for j < len(text) && text[j] == ' ' {
			j++
		}
		k := j
		for k < len(text) && k-j < 10 && text[k] >= 'a' && text[k] <= 'z' {
			k++
		}
		switch text[j:k] {
		case "but", "while", "although", "though", "whereas", "which", "who", "when", "after",
			"before", "because", "since", "and", "as", "where", "whose", "until", "unless":
			return true
		}
	case 0xe2: // — “ ” ‘ ’
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x94, 0x9c, 0x9d:
				return true
			}
		}
	}
	return false
}

// attachedTimes marks the time expressions whose syntactic head depends
// on the trigger's token, directly or through up to two intermediate
// heads. It is empty when the tokens carry no parse.
func attachedTimes(d *doc.Document, trigger doc.Span) map[int]bool {
	toks := d.Tokens
	if len(toks) == 0 || len(d.Times) == 0 {
		return nil
	}
	trig := tokenAt(toks, trigger.Start)
	if trig < 0 || toks[trig].Head < 0 && toks[trig].Deprel == "" {
		return nil
	}
	var out map[int]bool
	for k, t := range d.Times {
		first := tokenAt(toks, t.Start)
		if first < 0 {
			continue
		}
		// the head of the expression: its token whose head lies outside it
		h := -1
		for j := first; j < len(toks) && toks[j].Start < t.End; j++ {
			hd := toks[j].Head
			if hd < 0 || hd >= len(toks) || toks[hd].Start < t.Start || toks[hd].Start >= t.End {
				h = j
				break
			}
		}
		for step := 0; h >= 0 && h < len(toks) && step < 3; step++ {
			h = toks[h].Head
			if h == trig {
				if out == nil {
					out = map[int]bool{}
				}
				out[k] = true
				break
			}
		}
	}
	return out
}

// tokenAt returns the index of the token covering byte off, or -1.
func tokenAt(toks []doc.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].Start <= off && off < toks[lo].End {
		return lo
	}
	return -1
}
