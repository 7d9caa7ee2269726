package timex

import (
	"strconv"
	"time"
)

// relWord maps a determiner to its offset: -1 last, 0 this, +1 next.
func relWord(w word) (int, bool) {
	switch w {
	case wThis, wCurrent:
		return 0, true
	case wLast, wPast, wPrevious:
		return -1, true
	case wNext, wComing, wFollowing:
		return 1, true
	}
	return 0, false
}

// determiner reads "this", "last", "next", "this coming", "this past",
// "the previous", "the following", "the coming", "the current", "the
// past" at i, returning the offset and the token after it.
func (p *parser) determiner(i int) (rel, end int, anaphoric, ok bool) {
	j := i
	the := false
	if p.w(j) == wThe {
		j++
		the = true
	}
	w := p.w(j)
	if w == wThis && (p.w(j+1) == wComing || p.w(j+1) == wPast) && !the {
		r, _ := relWord(p.w(j + 1))
		return r, j + 2, false, true
	}
	if w == wThat && !the {
		return 0, j + 1, true, true
	}
	r, ok := relWord(w)
	if !ok {
		return 0, 0, false, false
	}
	if the && w == wThis {
		return 0, 0, false, false
	}
	if !the && (w == wPrevious || w == wFollowing || w == wCurrent) {
		if w == wCurrent {
			return 0, j + 1, false, true
		}
		return 0, 0, false, false
	}
	return r, j + 1, the && (w == wPrevious || w == wFollowing), true
}

// relative reads "last week", "this year", "next month", "the past
// year", "this weekend", "last Friday", "next April", "last fall", "this
// morning", "last night", "the year", "that year".
func (p *parser) relative(i int) (cand, bool) {
	rel, j, anaphoric, ok := p.determiner(i)
	bare := false
	if !ok {
		if p.w(i) != wThe {
			return cand{}, false
		}
		j, bare = i+1, true
		switch p.w(j) {
		case wLatest:
			// "the latest quarter", "the latest period": the quarter reported on
			if u := p.e(j + 1); u != nil && (u.unit == uQuarter && !u.plural || u.w == wPeriod && p.refQuarter != "") {
				return cand{end: j + 2, typ: Date, val: p.refQuarterValue(i, j+2), unit: uQuarter, noRef: true}, true
			}
			return cand{}, false
		case wFull:
			if p.is(j+1, "year") {
				return cand{end: j + 2, typ: Date, val: p.refYearValue(0), unit: uYear}, true
			}
			return cand{}, false
		}
	}
	e := p.e(j)
	if e == nil {
		return cand{}, false
	}
	if p.tk(i).upper && p.tk(j).upper && e.unit != uNone && i > 0 && p.sent[i-1] == p.sent[i] {
		return cand{}, false // a title: ABC's "This Week"
	}
	tense := tenseNone
	if len(e.hols) > 0 && !bare && (p.w(j-1) == wLast || p.w(j-1) == wNext || p.w(j-1) == wThis) {
		if c, ok := p.holidayAt(j, rel); ok {
			return c, true
		}
	}
	switch {
	case e.unit != uNone && !e.plural:
		if p.punct(j+1, '-') && p.glued(j+1) {
			return cand{}, false // "the year-ago quarter" and "last year-end" are read elsewhere
		}
		if p.w(j+1) == wFiscal || p.e(j+1) != nil && p.e(j+1).unit != uNone {
			return cand{}, false
		}
		u := e.unit
		if bare {
			switch u {
			case uYear:
				switch p.w(i - 1) {
				case wFor, wDuring, wOver, wThrough, wWithin:
					return cand{end: j + 1, typ: Duration, val: "P1Y", unit: u}, true
				}
				if p.tk(j+1).kind == kNum || p.w(j+1) == wAgo || p.w(j+1) == wEarlier || p.w(j+1) == wBefore {
					return cand{}, false
				}
				return cand{end: j + 1, typ: Date, val: p.refYearValue(0), unit: u}, true
			case uQuarter:
				if p.w(j+1) == wOf {
					return cand{}, false
				}
				return cand{end: j + 1, typ: Date, val: p.refQuarterValue(i, j+1), unit: u}, true
			case uWeekend:
				return cand{end: j + 1, typ: Date, val: p.weekend(0, p.tense(i, j+1)), unit: u}, true
			}
			return cand{}, false
		}
		if anaphoric || p.w(j-1) == wThat {
			if u == uYear && p.refYear != 0 {
				return cand{end: j + 1, typ: Date, val: fmtYear(p.refYear + rel), unit: u}, true
			}
			if p.w(j-1) == wThat {
				return cand{}, false
			}
		}
		switch u {
		case uQuarter:
			if p.w(j-1) == wLatest {
				return cand{end: j + 1, typ: Date, val: p.refQuarterValue(i, j+1), unit: u}, true
			}
			return cand{end: j + 1, typ: Date, val: p.anc.quarterShift(rel), unit: u}, true
		case uWeekend:
			return cand{end: j + 1, typ: Date, val: p.weekend(rel, tenseNone), unit: u}, true
		case uDay, uHour, uMinute, uSecond, uHalf, uMillennium:
			return cand{}, false
		}
		if !p.anc.ok {
			return cand{end: j + 1, typ: Date, val: xForm(u), unit: u}, true
		}
		return cand{end: j + 1, typ: Date, val: granular(shift(p.anc.t, u, rel), u), unit: u}, true
	case e.weekday > 0 && !e.plural && !e.abbr:
		if bare {
			return cand{}, false
		}
		r := rel
		if p.w(j-1) == wThis || p.w(j-1) == wCurrent {
			r = 0
			tense = p.tense(i, j+1)
		}
		if p.w(j-1) == wComing && p.w(j-2) == wThis {
			r = 1
		}
		end := j + 1
		if p.punct(end, ',') {
			if c, ok := p.monthDate(end + 1); ok && c.unit == uDay {
				return cand{end: c.end, typ: Date, val: c.val, unit: uDay}, true
			}
		}
		val := p.anc.weekday(int(e.weekday), tense, r)
		if pe := p.e(end); pe != nil && pe.pod != "" && !pe.plural {
			return cand{end: end + 1, typ: TimeT, val: val + "T" + pe.pod, unit: uDay}, true
		}
		return cand{end: end, typ: Date, val: val, unit: uDay}, true
	case e.month > 0 && !e.abbr && p.tk(j).upper:
		if bare {
			return cand{}, false
		}
		m := int(e.month)
		if !p.anc.ok {
			return cand{end: j + 1, typ: Date, val: "XXXX-" + fmtMonth(0, m)[5:], unit: uMonth}, true
		}
		y := p.anc.year()
		switch {
		case rel < 0 && m >= p.anc.month():
			y--
		case rel > 0 && m <= p.anc.month():
			y++
		}
		return cand{end: j + 1, typ: Date, val: fmtMonth(y, m), unit: uMonth}, true
	case e.season != "":
		return p.seasonAt(i, j, rel, bare)
	case e.pod != "" && !e.plural:
		if bare {
			return cand{}, false
		}
		switch {
		case p.w(j-1) == wThis && e.pod != "NI":
			return cand{end: j + 1, typ: TimeT, val: p.anc.dayShift(0) + "T" + e.pod, unit: uDay}, true
		case p.w(j-1) == wLast && e.pod == "NI":
			return cand{end: j + 1, typ: TimeT, val: p.anc.dayShift(-1) + "TNI", unit: uDay}, true
		}
	}
	return cand{}, false
}

// refYearValue is the value of "the year": the year last named, else the
// anchor's.
func (p *parser) refYearValue(rel int) string {
	if !p.anc.ok {
		return "XXXX"
	}
	return p.anc.yearShift(rel)
}

// refQuarterValue is the value of "the quarter", "the latest quarter":
// the quarter last named, else the last complete quarter in the past
// tense and the current one otherwise.
func (p *parser) refQuarterValue(i, end int) string {
	if p.refQuarter != "" {
		return p.refQuarter
	}
	if p.tense(i, end) == tensePast {
		return p.anc.quarterShift(-1)
	}
	return p.anc.quarterShift(0)
}

// weekend resolves a weekend: rel -1 last, +1 next, 0 this (or, with
// tense, the one just past or coming).
func (p *parser) weekend(rel, tense int) string {
	if !p.anc.ok {
		return "XXXX-WXX-WE"
	}
	t := p.anc.t
	if rel == 0 && tense == tensePast && p.anc.dow() < 6 {
		rel = -1
	}
	return fmtWeek(t.AddDate(0, 0, 7*rel)) + "-WE"
}

// seasonExpr reads "summer", "the summer of 1994", "winter 2025".
func (p *parser) seasonExpr(i int) (cand, bool) {
	e := p.e(i)
	if e != nil && e.season != "" {
		return p.seasonAt(i, i, 0, true)
	}
	return cand{}, false
}

func (p *parser) seasonAt(i, j, rel int, bare bool) (cand, bool) {
	s := p.e(j).season
	end := j + 1
	k := end
	if p.w(k) == wOf || p.punct(k, ',') {
		k++
	}
	if y, ye, ok := p.year(k, true); ok && !p.quantityAfter(ye) {
		return cand{end: ye, typ: Date, val: fmtYear(y) + "-" + s, unit: uQuarter}, true
	}
	if bare {
		cue := i < j // "the summer"
		switch p.w(i - 1) {
		case wIn, wDuring, wSince, wUntil, wBy, wThrough, wBefore, wAfter, wEarly, wLate, wMid, wOf:
			cue = true
		}
		if !cue || s == "FA" && i == j {
			return cand{}, false
		}
		if p.e(end) != nil && (p.e(end).unit != uNone || p.e(end).month > 0) {
			return cand{}, false
		}
		if !p.anc.ok {
			return cand{end: end, typ: Date, val: "XXXX-" + s, unit: uQuarter}, true
		}
		return cand{end: end, typ: Date, val: fmtYear(p.anc.seasonYear(s, 0, p.tense(i, end))) + "-" + s, unit: uQuarter}, true
	}
	if !p.anc.ok {
		return cand{end: end, typ: Date, val: "XXXX-" + s, unit: uQuarter}, true
	}
	return cand{end: end, typ: Date, val: fmtYear(p.anc.seasonYear(s, rel, tenseNone)) + "-" + s, unit: uQuarter}, true
}

// unitThis is the value of "earlier in the year" and the like.
func (p *parser) unitThis(u unit, end int) cand {
	if !p.anc.ok {
		return cand{end: end, typ: Date, val: xForm(u), unit: u}
	}
	return cand{end: end, typ: Date, val: granular(p.anc.t, u), unit: u}
}

// quarterExpr reads "the third quarter", "third-quarter", "the fiscal
// first quarter", "the first quarter of 1990", "this year's second
// quarter", "the 1988 third quarter", "the first half of 2025", "the
// year-ago quarter", "the year-earlier period".
func (p *parser) quarterExpr(i int) (cand, bool) {
	j := i
	if p.w(j) == wThe {
		j++
	}
	year, hasYear := 0, false
	if y, ye, ok := p.year(j, false); ok && p.tk(j).kind == kNum {
		year, hasYear, j = y, true, ye
	} else if r, ok := relWord(p.w(j)); ok && p.is(j+1, "year") && p.punct(j+2, '\'') && p.w(j+3) == wS {
		hasYear, j = true, j+4
		if p.anc.ok {
			year = p.anc.year() + r
		}
	}
	// "the year-ago quarter", "the year-earlier period", "year-earlier"
	if p.is(j, "year") && p.punct(j+1, '-') && (p.w(j+2) == wAgo || p.w(j+2) == wEarlier) {
		k := j + 3
		if p.is(k, "comparable") {
			k++
		}
		if o, oe, explicit := p.ordinal(k); explicit && o >= 1 && o <= 4 {
			if u := p.e(oe); u != nil && u.unit == uQuarter && !u.plural {
				y := p.yearAgoYear()
				return cand{end: oe + 1, typ: Date, val: fmtQuarter(y, o), unit: uQuarter, noRef: true}, true
			}
		}
		if u := p.e(k); u != nil && (u.unit == uQuarter && !u.plural || u.w == wPeriod) {
			return cand{end: k + 1, typ: Date, val: p.yearAgoValue(), unit: uQuarter, noRef: true}, true
		}
		if j == i && !p.punct(i-1, '-') {
			return cand{end: j + 3, typ: Date, val: p.yearAgoValue(), unit: uQuarter, noRef: true}, true
		}
		return cand{}, false
	}
	if hasYear && p.tk(j-1).kind == kNum {
		if u := p.e(j); u != nil && (u.unit == uQuarter && !u.plural || u.w == wPeriod) && p.refQuarter != "" {
			return cand{end: j + 1, typ: Date, val: fmtYear(year) + p.refQuarter[4:], unit: uQuarter, noRef: true}, true
		}
	}
	if p.w(j) == wFiscal {
		j = p.hyphen(j + 1)
	}
	o, k, explicit := p.ordinal(j)
	if !explicit {
		if p.w(j) == wLast && p.e(j+1) != nil && p.e(j+1).w == wHalf {
			o, k = 2, j+1
		} else {
			return cand{}, false
		}
	}
	if p.w(k) == wFiscal {
		k++
	}
	k = p.hyphen(k)
	e := p.e(k)
	if e == nil {
		return cand{}, false
	}
	var u unit
	switch {
	case e.unit == uQuarter && !e.plural && o >= 1 && o <= 4:
		u = uQuarter
	case e.w == wHalf && o >= 1 && o <= 2:
		u = uHalf
	default:
		return cand{}, false
	}
	end := k + 1
	// "of 1990", "of fiscal 1990", "of this year", "of the year"
	if p.w(end) == wOf {
		k2 := end + 1
		if p.w(k2) == wFiscal {
			k2++
		}
		if y, ye, ok := p.year(k2, true); ok {
			year, hasYear, end = y, true, ye
		} else if r, ok := relWord(p.w(k2)); ok && p.is(k2+1, "year") {
			hasYear, end = true, k2+2
			if p.anc.ok {
				year = p.anc.year() + r
			}
		} else if p.w(k2) == wThe && p.is(k2+1, "year") {
			hasYear, end = true, k2+2
			if p.anc.ok {
				year = p.anc.year()
			}
		}
	} else if y, ye, ok := p.year(end, false); ok && p.tk(end).kind == kNum && !p.quantityAfter(ye) {
		year, hasYear, end = y, true, ye // "the first quarter 2026"
	}
	if u == uHalf {
		if !hasYear {
			return cand{}, false // "the first half" of a match
		}
		if !p.anc.ok && year == 0 {
			return cand{end: end, typ: Date, val: "XXXX-H" + strconv.Itoa(o), unit: uHalf}, true
		}
		return cand{end: end, typ: Date, val: fmtYear(year) + "-H" + strconv.Itoa(o), unit: uHalf}, true
	}
	if !hasYear {
		if !p.anc.ok {
			return cand{end: end, typ: Date, val: "XXXX-Q" + strconv.Itoa(o), unit: uQuarter}, true
		}
		year = p.anc.quarterYear(o, p.tense(i, end))
		if p.refQuarter != "" && len(p.refQuarter) == 7 && p.refQuarter[6]-'0' == byte(o) {
			if ry, err := strconv.Atoi(p.refQuarter[:4]); err == nil {
				year = ry
			}
		}
	} else if year == 0 {
		return cand{end: end, typ: Date, val: "XXXX-Q" + strconv.Itoa(o), unit: uQuarter}, true
	}
	return cand{end: end, typ: Date, val: fmtQuarter(year, o), unit: uQuarter}, true
}

// qQuarter reads "Q3", "Q3 2025".
func (p *parser) qQuarter(i int) (cand, bool) {
	if p.tk(i).kind != kWord || !p.tk(i).upper || p.digits(i+1) != 1 || !p.glued(i+1) {
		return cand{}, false
	}
	q := int(p.tk(i + 1).num)
	if q < 1 || q > 4 || p.glued(i+2) && p.tk(i+2).kind != kPunct {
		return cand{}, false
	}
	end := i + 2
	if y, ye, ok := p.year(end, true); ok {
		return cand{end: ye, typ: Date, val: fmtQuarter(y, q), unit: uQuarter}, true
	}
	if !p.anc.ok {
		return cand{end: end, typ: Date, val: "XXXX-Q" + strconv.Itoa(q), unit: uQuarter}, true
	}
	return cand{end: end, typ: Date, val: fmtQuarter(p.anc.quarterYear(q, p.tense(i, end)), q), unit: uQuarter}, true
}

// yearAgoYear is the year one year before the reference quarter or the anchor.
func (p *parser) yearAgoYear() int {
	if p.refQuarter != "" {
		if y, err := strconv.Atoi(p.refQuarter[:4]); err == nil {
			return y - 1
		}
	}
	if p.anc.ok {
		return p.anc.year() - 1
	}
	return -1
}

// yearAgoValue is the value of "a year ago" and "the year-earlier
// period": the reference quarter a year back in a report of quarterly
// results, else the year before the anchor.
func (p *parser) yearAgoValue() string {
	if p.refQuarter != "" && len(p.refQuarter) == 7 {
		if y, err := strconv.Atoi(p.refQuarter[:4]); err == nil {
			return fmtYear(y-1) + p.refQuarter[4:]
		}
	}
	return p.anc.yearShift(-1)
}

// quantity reads the amount before a unit: a number, "a", "an", "a
// couple of", "several", "a few". n is -1 for a vague amount; half
// reports "and a half" or "1/2" folded into the number.
func (p *parser) quantity(i int) (n, end int, article, half, ok bool) {
	switch p.w(i) {
	case wA, wAn:
		switch p.w(i + 1) {
		case wCouple:
			if p.w(i+2) == wOf {
				return 2, i + 3, false, false, true
			}
			return 2, i + 2, false, false, true
		case wFew:
			return -1, i + 2, false, false, true
		case wHalf:
			return 0, 0, false, false, false
		}
		if m, e2, ok := p.cardinal(i); ok {
			return m, e2, false, false, true
		}
		if e := p.e(i + 1); e != nil && e.num == 12 && p.is(i+1, "dozen") {
			return 12, i + 2, false, false, true
		}
		return 1, i + 1, true, false, true
	case wCouple:
		if p.w(i+1) == wOf {
			return 2, i + 2, false, false, true
		}
	case wSeveral, wFew, wMany:
		return -1, i + 1, false, false, true
	}
	n, end, ok = p.cardinal(i)
	if !ok {
		return 0, 0, false, false, false
	}
	// "12 to 18 months", "two or three weeks": a vague amount
	if (p.w(end) == wTo || p.w(end) == wOr) && p.tk(end+1).kind != 0 {
		if _, e2, ok2 := p.cardinal(end + 1); ok2 {
			return -1, e2, false, false, true
		}
	}
	if p.punct(end, '-') && p.glued(end) && p.tk(end+1).kind == kNum && p.glued(end+1) {
		if _, e2, ok2 := p.cardinal(end + 1); ok2 {
			return -1, e2, false, false, true
		}
	}
	// "2 1/2", "two and a half"
	if p.digits(end) == 1 && p.tk(end).num == 1 && p.punct(end+1, '/') && p.digits(end+2) == 1 && p.tk(end+2).num == 2 {
		return n, end + 3, false, true, true
	}
	if p.is(end, "\u00bd") {
		return n, end + 1, false, true, true
	}
	if p.w(end) == wAnd && p.w(end+1) == wA && p.w(end+2) == wHalf {
		return n, end + 3, false, true, true
	}
	return n, end, false, false, true
}

// unitAfter skips the adjectives a duration may carry ("more",
// "additional", "full", "consecutive", "trading") and returns the unit at
// the token after them.
func (p *parser) unitAfter(j int) (u unit, plural bool, end int) {
	for k := 0; k < 3; k++ {
		switch p.w(j) {
		case wMore, wAdditional, wFull, wConsecutive, wStraight, wTrading, wBusiness, wLong:
			j++
			continue
		}
		switch p.lower(j) {
		case "whole", "extra", "calendar", "working", "school", "successive", "subsequent":
			j++
			continue
		}
		break
	}
	e := p.e(j)
	if e == nil || e.unit == uNone || e.unit == uWeekend {
		return uNone, false, 0
	}
	return e.unit, e.plural, j + 1
}

// duration reads "two hours", "the past three years", "several months",
// "a two-year", "10-hour", "2 1/2 years", "a minute and a half", "recent
// years", "the next few days", "the first nine months", and "a year"
// after an amount ("$5 million a year"), which is a SET.
func (p *parser) duration(i int) (cand, bool) {
	j := i
	the := false
	if p.w(j) == wThe {
		j++
		the = true
	}
	if the {
		// "the weeks ahead", "the months to come"
		if e := p.e(j); e != nil && e.unit != uNone && e.plural && e.unit != uQuarter &&
			(p.is(j+1, "ahead") || p.w(j+1) == wTo && p.is(j+2, "come")) {
			end := j + 2
			if p.w(j+1) == wTo {
				end++
			}
			return cand{end: end, typ: Duration, val: durationValue(-1, e.unit), unit: e.unit}, true
		}
	}
	if p.w(j) == wA && p.is(j+1, "while") && !the {
		if p.w(j+2) == wAgo {
			return cand{end: j + 3, typ: Date, val: "PAST_REF"}, true
		}
		return cand{end: j + 2, typ: Duration, val: "PXX"}, true
	}
	adj := false
	switch p.w(j) {
	case wPast, wLast, wNext, wComing, wFirst, wPrevious, wFollowing, wLatest, wRecent:
		if !the && p.w(j) != wPast && p.w(j) != wNext && p.w(j) != wRecent && p.w(j) != wLast && p.w(j) != wComing {
			break
		}
		adj = true
		j++
	default:
		switch p.lower(j) {
		case "final", "initial", "remaining", "last":
			if the {
				adj = true
				j++
			}
		}
	}
	// "half an hour", "half a day"
	if p.w(j) == wHalf && (p.w(j+1) == wA || p.w(j+1) == wAn) {
		if u, plural, e := p.unitAfter(j + 2); u != uNone && !plural {
			return cand{end: e, typ: Duration, val: halfOf(u), unit: u}, true
		}
	}
	n, k, article, half, ok := p.quantity(j)
	if !ok {
		// no amount: "recent years", "the coming weeks", "the past few days"
		if !adj {
			if (p.w(i-1) == wFor || p.w(i-1) == wIn) && !the {
				if u, plural, e := p.unitAfter(i); u != uNone && plural && u != uSecond && u != uQuarter {
					return cand{end: e, typ: Duration, val: durationValue(-1, u), unit: u}, true
				}
			}
			return cand{}, false
		}
		u, plural, e := p.unitAfter(j)
		if u == uNone || !plural {
			return cand{}, false
		}
		if !the && (p.w(i) == wRecent || p.w(i) == wPast) {
			return cand{end: e, typ: Date, val: "PAST_REF"}, true // "in recent years"
		}
		return cand{end: e, typ: Duration, val: durationValue(-1, u), unit: u}, true
	}
	// "10-hour", "two-year", "8-month-old"
	if p.punct(k, '-') && p.glued(k) {
		e := p.e(k + 1)
		if the && j == i+1 {
			return cand{}, false // "the three-hour epic": the expression is "three-hour"
		}
		if e != nil && e.unit != uNone && e.unit != uWeekend && !e.plural && p.glued(k+1) {
			end := k + 2
			if p.punct(end, '-') && p.glued(end) && p.w(end+1) == wOld {
				return cand{}, false // an age: "a 136-year-old institution"
			}
			return cand{end: end, typ: Duration, val: durationValue(n, e.unit), unit: e.unit}, true
		}
		return cand{}, false
	}
	u, plural, end := p.unitAfter(k)
	if u == uNone || p.punct(end, '-') && p.glued(end) || p.digits(j) == 4 && n >= 1000 && !plural {
		return cand{}, false
	}
	if article {
		if plural || u == uSecond || u == uQuarter || u == uMinute && p.w(end) != wAnd {
			return cand{}, false // "a second term", "a quarter of"
		}
	}
	if p.tk(k).kind == kWord && (p.is(end-1, "min") || p.is(end-1, "hr") || p.is(end-1, "sec") || p.is(end-1, "yr")) {
		return cand{}, false
	}
	if n == 0 && !half || p.w(end) == wOld {
		return cand{}, false // "37 years old" is an age
	}
	// "a minute and a half", "a year and a half"
	if !half && p.w(end) == wAnd && (p.w(end+1) == wA || p.w(end+1) == wAn) && p.w(end+2) == wHalf {
		half, end = true, end+3
	}
	if article && !adj && !the {
		// "$5 million a year", "twice a week": a SET
		if p.setContext(i - 1) {
			return cand{end: end, typ: Set, val: setValue(1, u), unit: u}, true
		}
	}
	val := durationValue(n, u)
	if half && n >= 0 {
		val = halfDuration(n, u)
	}
	return cand{end: end, typ: Duration, val: val, unit: u}, true
}

func halfOf(u unit) string {
	switch u {
	case uHour:
		return "PT30M"
	case uMinute:
		return "PT30S"
	case uDay:
		return "PT12H"
	case uYear:
		return "P6M"
	case uMonth:
		return "P15D"
	case uCentury:
		return "P50Y"
	case uDecade:
		return "P5Y"
	}
	return durationValue(-1, u)
}

// setContext reports whether token i ends an amount or a frequency, so
// that "a year" after it means "each year".
func (p *parser) setContext(i int) bool {
	t := p.tk(i)
	if t.kind == kNum {
		return true
	}
	if t.kind == kPunct {
		return t.ch == '%'
	}
	switch p.w(i) {
	case wOnce, wTwice, wTimes, wHundred, wThousand:
		return true
	}
	if t.e != nil && t.e.num > 0 {
		return true
	}
	switch p.lower(i) {
	case "million", "billion", "trillion", "percent", "dollars", "pounds", "euros", "yen", "cents",
		"mln", "bln", "dlr", "dlrs", "stg", "pct", "bn", "m",
		"barrels", "tons", "tonnes", "thrice", "more", "less", "visitors", "passengers", "people":
		return true
	}
	return false
}

// ago reads "two days ago", "a year earlier", "three weeks later", "five
// years from now", "several years ago", "a week or so ago".
func (p *parser) ago(i int) (cand, bool) {
	if e := p.e(i); e != nil && e.unit != uNone && e.plural && p.w(i+1) == wAgo {
		return cand{end: i + 2, typ: Date, val: "PAST_REF"}, true // "months ago"
	}
	n, k, _, _, ok := p.quantity(i)
	if !ok {
		return cand{}, false
	}
	u, _, j := p.unitAfter(k)
	if u == uNone && p.punct(k, '-') {
		return cand{}, false
	}
	if u == uNone {
		return cand{}, false
	}
	if p.w(j) == wOr && p.w(j+1) == wSo {
		j += 2
	}
	dir := 0
	fromRef := false
	end := j + 1
	switch p.w(j) {
	case wAgo:
		dir = -1
	case wEarlier:
		dir, fromRef = -1, true
	case wLater:
		dir, fromRef = 1, true
	case wBefore:
		// "a year before." but not "a year before the vote"
		if t := p.tk(j + 1); t.kind == 0 || t.kind == kPunct && t.ch != '$' {
			dir, fromRef = -1, true
		}
	case wFrom:
		if p.w(j+1) == wNow {
			dir, end = 1, j+2
		}
	}
	if dir == 0 {
		return cand{}, false
	}
	if n < 0 && fromRef {
		return cand{end: end, typ: Duration, val: durationValue(-1, u), unit: u}, true // "a few days later"
	}
	if n < 0 {
		if dir < 0 {
			return cand{end: end, typ: Date, val: "PAST_REF"}, true
		}
		return cand{end: end, typ: Date, val: "FUTURE_REF"}, true
	}
	if u == uYear && n == 1 && p.refQuarter != "" && dir < 0 {
		return cand{end: end, typ: Date, val: p.yearAgoValue(), unit: uQuarter, noRef: true}, true
	}
	if fromRef {
		// "four years later" counts from the year last named; without
		// one, and for smaller units, from an event we do not know: a
		// duration. "A year earlier" in a report counts from its date.
		switch {
		case u == uYear && p.refYear != 0:
			return cand{end: end, typ: Date, val: fmtYear(p.refYear + dir*n), unit: uYear, noRef: true}, true
		case u == uYear && dir < 0:
		default:
			return cand{end: end, typ: Duration, val: durationValue(n, u), unit: u}, true
		}
	}
	if !p.anc.ok {
		return cand{end: end, typ: Date, val: xForm(u), unit: u}, true
	}
	t := shift(p.anc.t, u, dir*n)
	if u == uHour || u == uMinute || u == uSecond {
		if p.anc.hh >= 0 {
			at := p.anc.t.Add(time.Duration(p.anc.hh)*time.Hour + time.Duration(p.anc.mm)*time.Minute)
			at = shift(at, u, dir*n)
			return cand{end: end, typ: TimeT, val: fmtDay(at) + fmtHM(at.Hour(), at.Minute()), unit: uDay}, true
		}
		return cand{end: end, typ: Date, val: fmtDay(p.anc.t), unit: uDay}, true
	}
	return cand{end: end, typ: Date, val: granular(t, u), unit: u}, true
}

// deictic reads "today", "yesterday", "tomorrow", "tonight", "yesterday
// morning", "the day before yesterday".
func (p *parser) deictic(i int) (cand, bool) {
	off, j := 0, i
	if p.inName(i) {
		return cand{}, false // "USA Today"
	}
	switch p.w(i) {
	case wToday:
	case wYesterday:
		off = -1
	case wTomorrow:
		off = 1
	case wTonight:
		return cand{end: i + 1, typ: TimeT, val: p.anc.dayShift(0) + "TNI", unit: uDay}, true
	case wThe:
		if p.is(i+1, "day") {
			if p.w(i+2) == wBefore && p.w(i+3) == wYesterday {
				return cand{end: i + 4, typ: Date, val: p.anc.dayShift(-2), unit: uDay}, true
			}
			if p.w(i+2) == wAfter && p.w(i+3) == wTomorrow {
				return cand{end: i + 4, typ: Date, val: p.anc.dayShift(2), unit: uDay}, true
			}
		}
		return cand{}, false
	default:
		return cand{}, false
	}
	j++
	val := p.anc.dayShift(off)
	if e := p.e(j); e != nil && e.pod != "" && !e.plural {
		return cand{end: j + 1, typ: TimeT, val: val + "T" + e.pod, unit: uDay}, true
	}
	return cand{end: j, typ: Date, val: val, unit: uDay}, true
}

// weekdayExpr reads "Friday", "Friday night", "Mondays", "Tuesday nights".
func (p *parser) weekdayExpr(i int) (cand, bool) {
	e := p.e(i)
	if e == nil || e.weekday == 0 || e.abbr {
		return cand{}, false
	}
	d := int(e.weekday)
	if e.plural {
		val := "XXXX-WXX-" + strconv.Itoa(d)
		if pe := p.e(i + 1); pe != nil && pe.pod != "" {
			return cand{end: i + 2, typ: Set, val: val + "T" + pe.pod}, true
		}
		return cand{end: i + 1, typ: Set, val: val}, true
	}
	if !p.tk(i).upper && p.lower(i) != p.text[p.tk(i).start:p.tk(i).end] {
		return cand{}, false
	}
	end := i + 1
	tense := p.tense(i, end)
	if p.punct(end, '\'') && p.w(end+1) == wS && tense != tenseFuture {
		tense = tensePast // "Friday's close" is mostly behind us
	}
	val := p.anc.weekday(d, tense, 0)
	if pe := p.e(end); pe != nil && pe.pod != "" {
		if pe.plural {
			return cand{end: end + 1, typ: Set, val: "XXXX-WXX-" + strconv.Itoa(d) + "T" + pe.pod}, true
		}
		return cand{end: end + 1, typ: TimeT, val: val + "T" + pe.pod, unit: uDay}, true
	}
	return cand{end: end, typ: Date, val: val, unit: uDay}, true
}

// setExpr reads "every Monday", "each month", "every other week",
// "daily", "weekly", "twice a week", "once a year".
func (p *parser) setExpr(i int) (cand, bool) {
	switch p.w(i) {
	case wEvery, wEach:
		j, n := i+1, 1
		if p.w(j) == wOther {
			j, n = j+1, 2
		} else if m, k, ok := p.cardinal(j); ok && m > 1 {
			j, n = k, m
		}
		e := p.e(j)
		if e == nil {
			return cand{}, false
		}
		switch {
		case e.unit != uNone:
			if e.unit == uWeekend {
				return cand{end: j + 1, typ: Set, val: "XXXX-WXX-WE"}, true
			}
			if n == 1 && e.plural || n > 1 && !e.plural {
				return cand{}, false
			}
			return cand{end: j + 1, typ: Set, val: setValue(n, e.unit)}, true
		case e.weekday > 0 && !e.abbr:
			val := "XXXX-WXX-" + strconv.Itoa(int(e.weekday))
			if pe := p.e(j + 1); pe != nil && pe.pod != "" {
				return cand{end: j + 2, typ: Set, val: val + "T" + pe.pod}, true
			}
			return cand{end: j + 1, typ: Set, val: val}, true
		case e.month > 0 && !e.abbr && p.tk(j).upper:
			return cand{end: j + 1, typ: Set, val: "XXXX-" + fmtMonth(0, int(e.month))[5:]}, true
		case e.season != "":
			return cand{end: j + 1, typ: Set, val: "XXXX-" + e.season}, true
		case e.pod != "" && !e.plural:
			return cand{end: j + 1, typ: Set, val: "XXXX-XX-XXT" + e.pod}, true
		}
		return cand{}, false
	case wDaily, wWeekly, wMonthly, wYearly, wAnnually, wHourly, wNightly, wQuarterly, wBiweekly:
		if p.tk(i).upper && i > 0 && p.sent[i] == p.sent[i-1] {
			return cand{}, false // "the Daily Mail"
		}
		if n := p.tk(i + 1); n.kind == kWord && (n.e == nil || n.e.unit != uNone) {
			return cand{}, false // "quarterly dividend": an adjective
		}
		val := map[word]string{wDaily: "P1D", wWeekly: "P1W", wMonthly: "P1M", wYearly: "P1Y",
			wAnnually: "P1Y", wHourly: "PT1H", wNightly: "XXXX-XX-XXTNI", wQuarterly: "P3M", wBiweekly: "P2W"}[p.w(i)]
		return cand{end: i + 1, typ: Set, val: val}, true
	case wOnce, wTwice:
		if p.w(i+1) == wA || p.w(i+1) == wAn || p.w(i+1) == wPer || p.w(i+1) == wEvery {
			if u, plural, e := p.unitAfter(i + 2); u != uNone && !plural {
				return cand{end: e, typ: Set, val: setValue(1, u)}, true
			}
		}
	case wPer:
		if u, plural, e := p.unitAfter(i + 1); u != uNone && !plural && p.setContext(i-1) {
			return cand{end: e, typ: Set, val: setValue(1, u)}, true
		}
	}
	// "three times a year"
	if n, k, ok := p.cardinal(i); ok && n > 1 && p.w(k) == wTimes {
		if p.w(k+1) == wA || p.w(k+1) == wAn || p.w(k+1) == wPer || p.w(k+1) == wEvery {
			if u, plural, e := p.unitAfter(k + 2); u != uNone && !plural {
				return cand{end: e, typ: Set, val: setValue(1, u)}, true
			}
		}
	}
	return cand{}, false
}

// refExpr reads the expressions TimeML values as PRESENT_REF, PAST_REF
// and FUTURE_REF: "now", "currently", "recently", "the past", "soon",
// "the future".
func (p *parser) refExpr(i int) (cand, bool) {
	next := p.e(i + 1)
	unitNext := next != nil && (next.unit != uNone || next.pod != "")
	switch p.w(i) {
	case wNow:
		if p.w(i-1) == wFor || p.w(i-1) == wFrom && p.w(i+1) != wOn {
			return cand{}, false // "for now" is not a date
		}
		if p.punct(i+1, ',') && i > 0 && p.sent[i-1] != p.sent[i] {
			return cand{}, false // "Now, ..." as a discourse marker
		}
		return cand{end: i + 1, typ: Date, val: "PRESENT_REF"}, true
	case wRight:
		if p.w(i+1) == wNow {
			return cand{end: i + 2, typ: Date, val: "PRESENT_REF"}, true
		}
	case wCurrently, wNowadays:
		return cand{end: i + 1, typ: Date, val: "PRESENT_REF"}, true
	case wCurrent:
		if unitNext || p.tk(i).upper && i > 0 && p.sent[i] == p.sent[i-1] || p.tk(i+1).kind != kWord {
			return cand{}, false
		}
		switch p.lower(i + 1) {
		case "account", "accounts", "affairs", "assets", "liabilities", "ratio", "events", "and", "or", "flows", "flow", "prices":
			return cand{}, false
		}
		if p.w(i-1) == wThe || p.w(i-1) == wIts || p.is(i-1, "his") || p.is(i-1, "her") || p.is(i-1, "their") || p.is(i-1, "our") {
			return cand{end: i + 1, typ: Date, val: "PRESENT_REF"}, true
		}
		return cand{}, false
	case wThese:
		if p.w(i+1) == wNone && p.is(i+1, "days") {
			return cand{end: i + 2, typ: Date, val: "PRESENT_REF"}, true
		}
	case wAt:
		if p.w(i+1) == wPresent {
			return cand{end: i + 2, typ: Date, val: "PRESENT_REF"}, true
		}
	case wRecently, wLately:
		return cand{end: i + 1, typ: Date, val: "PAST_REF"}, true
	case wRecent:
		if unitNext || p.w(i-1) == wMost || p.w(i-1) == wA || p.w(i-1) == wAn {
			return cand{}, false
		}
		return cand{end: i + 1, typ: Date, val: "PAST_REF"}, true
	case wEarlier:
		if t := p.tk(i + 1); t.kind == 0 || t.kind == kPunct && (t.ch == '.' || t.ch == ',' || t.ch == ';') {
			if p.w(i-1) != wA && (p.tk(i-1).kind == kWord || i == 0 || p.sent[i-1] != p.sent[i]) {
				return cand{end: i + 1, typ: Date, val: "PAST_REF"}, true
			}
		}
	case wSoon:
		if p.is(i-1, "as") || p.is(i+1, "as") || p.is(i+1, "after") || p.w(i+1) == wAfter {
			return cand{}, false
		}
		return cand{end: i + 1, typ: Date, val: "FUTURE_REF"}, true
	case wFuture:
		if p.tk(i).upper && i > 0 && p.sent[i] == p.sent[i-1] {
			return cand{}, false
		}
		if p.w(i-1) == wThe || p.w(i-1) == wNear {
			return cand{}, false // read from "the"
		}
		if next != nil && next.unit != uNone && next.plural {
			return cand{end: i + 2, typ: Date, val: "FUTURE_REF"}, true
		}
		return cand{}, false // "future earnings": an adjective
	case wThe:
		switch p.w(i + 1) {
		case wPast:
			if e := p.e(i + 2); e != nil && (e.unit != uNone || e.num >= 0 || e.w == wFew || e.w == wSeveral || e.w == wCouple || e.w == wA) || p.tk(i+2).kind == kNum {
				return cand{}, false
			}
			return cand{end: i + 2, typ: Date, val: "PAST_REF"}, true
		case wFuture:
			return cand{end: i + 2, typ: Date, val: "FUTURE_REF"}, true
		case wNear:
			if p.w(i+2) == wFuture || p.w(i+2) == wTerm {
				return cand{end: i + 3, typ: Date, val: "FUTURE_REF"}, true
			}
		case wShort, wLong:
			if p.w(i+2) == wTerm && (p.w(i-1) == wIn || p.w(i-1) == wOver) {
				return cand{end: i + 3, typ: Date, val: "FUTURE_REF"}, true
			}
		}
	case wA:
		if p.w(i+1) == wLater && p.w(i+2) == wDate {
			return cand{end: i + 3, typ: Date, val: "FUTURE_REF"}, true
		}
	}
	return cand{}, false
}

// clock reads "3 p.m.", "15:30 GMT", "noon", "midnight", "10 a.m.
// Wednesday", "5 p.m. EST, Nov. 6", "1500 GMT", "seven o'clock".
func (p *parser) clock(i int) (cand, bool) {
	h, m, end := -1, 0, i
	switch p.w(i) {
	case wNoon:
		h, end = 12, i+1
	case wMidnight:
		h, end = 24, i+1
	default:
		t := p.tk(i)
		if t.kind == kNum && p.digits(i) <= 2 {
			h, end = int(t.num), i+1
			if p.punct(end, ':') && p.glued(end) && p.digits(end+1) == 2 && p.glued(end+1) {
				m, end = int(p.tk(end+1).num), end+2
				if p.punct(end, ':') && p.glued(end) && p.digits(end+1) == 2 && p.glued(end+1) {
					end += 2
				}
			}
		} else if t.kind == kNum && p.digits(i) == 4 && p.e(i+1) != nil && p.e(i+1).zone != "" {
			h, m, end = int(t.num)/100, int(t.num)%100, i+1
		} else if t.kind == kWord && t.e != nil && t.e.num >= 1 && t.e.num <= 12 && p.w(i+1) == wOclock && p.punct(i+2, '\'') && p.is(i+3, "clock") {
			h, end = int(t.e.num), i+4
		} else {
			return cand{}, false
		}
		if h < 0 || h > 24 || m > 59 {
			return cand{}, false
		}
		// am / pm
		ampm := 0
		switch {
		case p.w(end) == wAM || p.is(end, "a") && p.punct(end+1, '.') && p.is(end+2, "m"):
			ampm = 1
		case p.w(end) == wPM || p.is(end, "p") && p.punct(end+1, '.') && p.is(end+2, "m"):
			ampm = 2
		}
		if ampm > 0 {
			if p.w(end) == wAM || p.w(end) == wPM {
				end++
			} else {
				end += 3
			}
			end = p.dot(end)
			if h < 1 || h > 12 {
				return cand{}, false
			}
			if ampm == 2 && h < 12 {
				h += 12
			}
			if ampm == 1 && h == 12 {
				h = 0
			}
		} else if p.w(end) == wOclock && p.punct(end+1, '\'') && p.is(end+2, "clock") {
			end += 3
		} else if end == i+1 && p.digits(i) <= 2 {
			return cand{}, false // a bare number
		} else if p.digits(i) <= 2 && !(p.e(end) != nil && p.e(end).zone != "") {
			switch p.w(i - 1) {
			case wAt, wBy, wUntil, wAround, wAbout, wBefore, wAfter, wSince, wFrom, wTo:
			default:
				return cand{}, false
			}
		}
	}
	zone := ""
	if e := p.e(end); e != nil && e.zone != "" && p.tk(end).upper {
		zone = e.zone
		end++
	}
	tod := fmtHM(h, m)
	if h == 24 {
		tod = "T24:00"
	}
	// a day after the time: "noon Thursday", "5 p.m. EST, Nov. 6"
	k := end
	if p.punct(k, ',') {
		k++
	}
	if c, ok := p.dayAfterClock(k); ok {
		return cand{end: c.end, typ: TimeT, val: c.val + tod, unit: uDay, zone: zone}, true
	}
	return cand{end: end, typ: TimeT, tod: tod, unit: uDay, zone: zone}, true
}

// dayAfterClock reads the day that may follow a time of day.
func (p *parser) dayAfterClock(k int) (cand, bool) {
	if c, ok := p.weekdayExpr(k); ok && c.typ == Date {
		if c2, ok := p.monthDate(k); ok && c2.unit == uDay && c2.end > c.end {
			return c2, true
		}
		return c, true
	}
	if c, ok := p.deictic(k); ok && c.typ == Date {
		return c, true
	}
	if c, ok := p.monthDate(k); ok && c.unit == uDay && c.typ == Date {
		return c, true
	}
	return cand{}, false
}

// dayOf returns the calendar day of a value such as "2026-01-15" or
// "2026-01-15TMO", or "" when it has none.
func dayOf(v string) string {
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && isDigits(v[:4]) && isDigits(v[5:7]) && isDigits(v[8:10]) {
		return v[:10]
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// inName reports whether token i is a capitalised word inside a name:
// it follows another capitalised word of the same sentence that the
// grammar does not know ("USA Today").
func (p *parser) inName(i int) bool {
	if i == 0 || !p.tk(i).upper || p.sent[i-1] != p.sent[i] {
		return false
	}
	prev := p.tk(i - 1)
	return prev.kind == kWord && prev.upper && prev.e == nil && prev.end-prev.start > 1
}
