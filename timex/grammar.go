package timex

import (
	"strconv"
	"strings"
)

// Time expression types.
const (
	Date     = "DATE"
	TimeT    = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// cand is a candidate time expression over tokens [start, end).
type cand struct {
	start, end int
	typ        string
	val        string
	tod        string // a TIME's time of day ("T15:00") waiting for a day from context
	bad        string // an impossible date: recorded as a problem, not emitted
	unit       unit   // the unit a relative expression counts in, for reference tracking
	noRef      bool   // a value derived from the reference, which must not replace it
	zone       string // a TIME's zone offset ("Z", "-05"), written only with Config.TimeZones
}

// parser holds one document's tokens and the state of reference resolution.
type parser struct {
	text    string
	toks    []token
	sent    []int32 // sentence number of each token
	sentTok []int32 // first token of each sentence
	anc     anchor
	tagged  func(start, end int) string // Penn tag of the document token at these bytes, "" when none

	hols       []holiday
	refYear    int // last year mentioned explicitly, 0 when none
	refQuarter string
	tenseMemo  map[int32]int
}

var sentinel = token{kind: 0, num: -1}

func (p *parser) tk(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return &sentinel
	}
	return &p.toks[i]
}

// w returns the function word at token i, wNone for anything else.
func (p *parser) w(i int) word {
	t := p.tk(i)
	if t.e == nil {
		return wNone
	}
	return t.e.w
}

func (p *parser) e(i int) *entry { return p.tk(i).e }

// punct reports whether token i is the one-byte punctuation c.
func (p *parser) punct(i int, c byte) bool {
	t := p.tk(i)
	return t.kind == kPunct && t.ch == c
}

// glued reports whether token i follows token i-1 without space.
func (p *parser) glued(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].space }

// dot skips a period glued to the previous token (abbreviations).
func (p *parser) dot(i int) int {
	if p.punct(i, '.') && p.glued(i) {
		return i + 1
	}
	return i
}

func (p *parser) lower(i int) string {
	t := p.tk(i)
	if t.kind == 0 {
		return ""
	}
	return strings.ToLower(p.text[t.start:t.end])
}

// is reports whether token i is the word w, ignoring case; w is lower case.
func (p *parser) is(i int, w string) bool {
	t := p.tk(i)
	if t.kind == 0 || int(t.end-t.start) != len(w) {
		return false
	}
	return strings.EqualFold(p.text[t.start:t.end], w)
}

func (p *parser) digits(i int) int {
	t := p.tk(i)
	if t.kind != kNum {
		return 0
	}
	return int(t.end - t.start)
}

// hyphen skips a hyphen (with or without spaces) between tokens.
func (p *parser) hyphen(i int) int {
	if p.punct(i, '-') {
		return i + 1
	}
	return i
}

// cardinal reads a number at i: digits, or number words such as
// "twenty-four", "a hundred", "two thousand". It does not read "a" alone.
func (p *parser) cardinal(i int) (n, end int, ok bool) {
	t := p.tk(i)
	if t.kind == kNum {
		n = int(t.num)
		end = i + 1
		// 1,000 and 1,000,000
		for p.punct(end, ',') && p.glued(end) && p.digits(end+1) == 3 && p.glued(end+1) && n < 1e6 {
			n = n*1000 + int(p.tk(end+1).num)
			end += 2
		}
		if p.punct(end, '.') && p.glued(end) && p.tk(end+1).kind == kNum && p.glued(end+1) {
			return 0, 0, false // a decimal: leave it
		}
		return n, end, true
	}
	if t.e == nil || t.e.num < 0 {
		if (t.e.is(wA) || t.e.is(wAn)) && p.e(i+1) != nil && (p.e(i+1).w == wHundred || p.e(i+1).w == wThousand) {
			n, end = int(p.e(i+1).num), i+2
			return n, end, true
		}
		return 0, 0, false
	}
	n = int(t.e.num)
	end = i + 1
	if t.e.tens {
		j := p.hyphen(end)
		if u := p.e(j); u != nil && u.num > 0 && u.num < 10 && !u.tens {
			n += int(u.num)
			end = j + 1
		}
	}
	if n > 0 && n < 100 && p.w(end) == wHundred {
		n *= 100
		end++
		j := end
		if p.w(j) == wAnd {
			j++
		}
		if m, e2, ok := p.cardinal(j); ok && m < 100 && p.tk(j).kind == kWord {
			n += m
			end = e2
		}
	}
	if n > 0 && n < 1000 && p.w(end) == wThousand {
		n *= 1000
		end++
	}
	return n, end, true
}

// ordinal reads a day ordinal: "3rd", "third", "twenty-first", "3".
// It reports whether the form was explicitly ordinal.
func (p *parser) ordinal(i int) (n, end int, explicit bool) {
	t := p.tk(i)
	if t.kind == kNum && p.digits(i) <= 2 {
		n, end = int(t.num), i+1
		switch p.w(end) {
		case wST, wND, wRD, wTH:
			if p.glued(end) {
				return n, end + 1, true
			}
		}
		return n, end, false
	}
	if t.e == nil {
		return 0, 0, false
	}
	if t.e.ord > 0 {
		return int(t.e.ord), i + 1, true
	}
	if t.e.tens && t.e.num <= 30 {
		j := p.hyphen(i + 1)
		if u := p.e(j); u != nil && u.ord > 0 && u.ord < 10 {
			return int(t.e.num) + int(u.ord), j + 1, true
		}
	}
	return 0, 0, false
}

// year reads a year at i: "1998", "'98" (after a month), "nineteen
// ninety-eight", "two thousand and five".
func (p *parser) year(i int, apostrophe bool) (y, end int, ok bool) {
	t := p.tk(i)
	if t.kind == kNum && p.digits(i) == 4 && t.num >= 1000 && t.num <= 2999 {
		if p.punct(i+1, ',') && p.glued(i+1) && p.digits(i+2) == 3 {
			return 0, 0, false
		}
		return int(t.num), i + 1, true
	}
	if apostrophe && (p.punct(i, '\'') || p.tk(i).kind == kPunct && p.is(i, "\u2019")) && p.digits(i+1) == 2 && p.glued(i+1) {
		v := int(p.tk(i + 1).num)
		if v >= 30 {
			return 1900 + v, i + 2, true
		}
		return 2000 + v, i + 2, true
	}
	if t.e == nil {
		return 0, 0, false
	}
	// "nineteen ninety-eight", "nineteen eighty"
	if t.e.num >= 10 && t.e.num <= 20 && !t.e.tens || t.e.num == 20 {
		c := int(t.e.num)
		if e := p.e(i + 1); e != nil && e.tens {
			n, end, ok := p.cardinal(i + 1)
			if ok && n < 100 {
				return c*100 + n, end, true
			}
		}
		if w := p.w(i + 1); w == wHundred {
			return c * 100, i + 2, true
		}
	}
	// "two thousand", "two thousand and five"
	if t.e.num == 2 && p.w(i+1) == wThousand {
		y, end = 2000, i+2
		j := end
		if p.w(j) == wAnd {
			j++
		}
		if n, e2, ok := p.cardinal(j); ok && n < 100 && p.tk(j).kind == kWord {
			y, end = 2000+n, e2
		}
		return y, end, true
	}
	return 0, 0, false
}

// month reads a month name at i ("March", "Jan.", "Sept"), returning its
// number and the token after it (and after an abbreviation's period).
func (p *parser) month(i int) (m, end int) {
	e := p.e(i)
	if e == nil || e.month == 0 || !p.tk(i).upper {
		return 0, 0
	}
	if e.abbr {
		return int(e.month), p.dot(i + 1)
	}
	return int(e.month), i + 1
}

// weekdayAt reads a weekday name ("Friday", "Fri.") at i.
func (p *parser) weekdayAt(i int, allowAbbr bool) (d, end int) {
	e := p.e(i)
	if e == nil || e.weekday == 0 || e.plural {
		return 0, 0
	}
	if e.abbr {
		if !allowAbbr || !p.tk(i).upper {
			return 0, 0
		}
		return int(e.weekday), p.dot(i + 1)
	}
	return int(e.weekday), i + 1
}

// notNumberContext reports whether token i (just after a candidate year or
// day number) shows the number to be a quantity instead.
func (p *parser) quantityAfter(i int) bool {
	t := p.tk(i)
	if t.kind == kPunct {
		return t.ch == '%' || (t.ch == ':' || t.ch == '.' || t.ch == '/') && p.glued(i) && p.tk(i+1).kind == kNum && p.glued(i+1)
	}
	if t.kind != kWord {
		return false
	}
	switch p.lower(i) {
	case "percent", "per", "million", "billion", "trillion", "thousand", "hundred", "pct",
		"points", "point", "shares", "people", "dollars", "yen", "euros", "pounds", "tons",
		"tonnes", "barrels", "miles", "kilometers", "km", "feet", "meters", "metres", "troops",
		"soldiers", "votes", "cents", "seats", "employees", "workers", "jobs", "units", "cars",
		"members", "acres", "deaths", "cases", "times", "mph":
		return true
	}
	if e := t.e; e != nil && e.unit != uNone {
		return true
	}
	return false
}

// quantityBefore reports whether token i (just before a candidate year)
// shows it to be an amount: "$2000", "No. 1990", "#2000".
func (p *parser) quantityBefore(i int) bool {
	t := p.tk(i)
	if t.kind == kPunct {
		switch t.ch {
		case '$', '#', '+', '=', '*':
			return true
		case '.', ',', ':', '/':
			return p.glued(i+1) && p.tk(i-1).kind == kNum && p.glued(i)
		}
		return p.is(i, "\u00a3") || p.is(i, "\u20ac")
	}
	switch p.lower(i) {
	case "no", "number", "route", "flight", "room", "page", "model", "about", "some", "nearly",
		"almost", "approximately", "roughly", "around", "than", "least", "over", "under", "only",
		"just", "rs", "us", "usd":
		return true
	}
	return false
}

// matchAt returns the longest time expression starting at token i.
func (p *parser) matchAt(i int) (cand, bool) {
	best := cand{end: -1}
	try := func(c cand, ok bool) {
		if ok && c.end > best.end {
			best = c
		}
	}
	try(p.prefixed(i))
	try(p.core(i))
	if best.end <= i {
		return cand{}, false
	}
	best.start = i
	return best, true
}

// core tries every expression without a leading modifier.
func (p *parser) core(i int) (cand, bool) {
	best := cand{end: -1}
	try := func(c cand, ok bool) {
		if ok && c.end > best.end {
			best = c
		}
	}
	t := p.tk(i)
	switch t.kind {
	case kNum:
		try(p.numericDate(i))
		try(p.dayMonth(i))
		try(p.yearExpr(i))
		try(p.decade(i))
		try(p.clock(i))
		try(p.duration(i))
		try(p.ago(i))
		try(p.centuryExpr(i))
	case kWord:
		if t.e == nil {
			if p.is(i, "q") {
				try(p.qQuarter(i))
			}
			if p.is(i, "fy") {
				try(p.yearExpr(i))
			}
			break
		}
		try(p.deictic(i))
		try(p.holidayExpr(i))
		try(p.weekdayExpr(i))
		try(p.monthDate(i))
		try(p.dayMonth(i))
		try(p.yearExpr(i))
		try(p.decade(i))
		try(p.centuryExpr(i))
		try(p.relative(i))
		try(p.quarterExpr(i))
		try(p.seasonExpr(i))
		try(p.duration(i))
		try(p.ago(i))
		try(p.setExpr(i))
		try(p.refExpr(i))
		try(p.clock(i))
		try(p.fiscal(i))
	case kPunct:
		if t.ch == '\'' || p.is(i, "\u2019") {
			try(p.decade(i))
		}
	}
	return best, best.end > i
}

// prefixed handles the modifiers that widen an expression without
// changing its value: "early", "late", "mid-", "the end of", "around",
// "more than", "nearly", "earlier", "later".
func (p *parser) prefixed(i int) (cand, bool) {
	switch p.w(i) {
	case wEarly, wLate, wEarlier, wLater, wMid:
		j := i + 1
		if p.w(i) == wMid {
			j = p.hyphen(j)
		}
		if p.w(j) == wIn && (p.w(i) == wEarlier || p.w(i) == wLater) {
			// "earlier in the year"
			if p.w(j+1) == wThe {
				if u := p.e(j + 2); u != nil && !u.plural && (u.unit == uYear || u.unit == uMonth || u.unit == uWeek || u.unit == uDay) {
					c := p.unitThis(u.unit, j+3)
					return c, true
				}
			}
			return cand{}, false
		}
		if e := p.e(j); e != nil && e.pod != "" && !e.plural && (p.w(i) == wMid || p.w(i) == wLate || p.w(i) == wEarly) {
			// "mid-afternoon", "late morning", with the day that may follow
			if c, ok := p.dayAfterClock(j + 1); ok {
				day := dayOf(c.val)
				if day == "" {
					day = "XXXX-XX-XX"
				}
				return cand{end: c.end, typ: TimeT, val: day + "T" + e.pod, unit: uDay}, true
			}
			return cand{end: j + 1, typ: TimeT, tod: "T" + e.pod, unit: uDay}, true
		}
		c, ok := p.core(j)
		if !ok || c.typ == Duration || c.typ == Set || strings.HasSuffix(c.val, "_REF") {
			return cand{}, false
		}
		if p.w(i) == wLater && c.typ == Date && strings.HasSuffix(c.val, "_REF") {
			return cand{}, false
		}
		return c, true
	case wThe:
		switch p.w(i + 1) {
		case wEarly, wLate, wMid:
			// "the early 1980s", "the late summer", "the mid-1990s"
			c, ok := p.prefixed(i + 1)
			if ok && c.typ == Date {
				return c, true
			}
		case wEnd, wBeginning, wStart, wMiddle:
			if p.w(i+2) == wOf {
				c, ok := p.core(i + 3)
				if ok && (c.typ == Date || c.typ == TimeT) && !strings.HasSuffix(c.val, "_REF") {
					c.typ = Date
					return c, true
				}
				if p.w(i+3) == wThe {
					// "the end of the month"
					if u := p.e(i + 4); u != nil && !u.plural && (u.unit == uMonth || u.unit == uYear || u.unit == uWeek || u.unit == uQuarter) {
						return p.unitThis(u.unit, i+5), true
					}
				}
			}
		}
	case wEnd, wBeginning, wStart, wMiddle:
		if p.w(i+1) == wOf {
			c, ok := p.core(i + 2)
			if ok && c.typ == Date && !strings.HasSuffix(c.val, "_REF") {
				return c, true
			}
		}
	case wAround, wAbout, wApproximately, wRoughly, wNearly, wAlmost, wSome, wOver, wUnder, wWithin:
		if p.w(i+1) == wThe && (p.w(i) == wOver || p.w(i) == wWithin || p.w(i) == wUnder) {
			return cand{}, false
		}
		c, ok := p.core(i + 1)
		if !ok {
			return cand{}, false
		}
		if c.typ == Duration || (c.typ == TimeT || c.typ == Date) && (p.w(i) == wAround || p.w(i) == wAbout || p.w(i) == wApproximately || p.w(i) == wRoughly) && !strings.HasSuffix(c.val, "_REF") {
			return c, true
		}
		if c.typ == Date && (p.w(i) == wNearly || p.w(i) == wAlmost) && p.w(c.end-1) == wAgo {
			return c, true
		}
	case wMore, wLess, wFewer:
		if p.w(i+1) == wThan {
			if c, ok := p.core(i + 2); ok && c.typ == Duration {
				return c, true
			}
		}
	case wAt:
		if p.w(i+1) == wLeast || p.w(i+1) == wMost {
			if c, ok := p.core(i + 2); ok && c.typ == Duration {
				return c, true
			}
			if p.w(i+2) == wThe {
				if c, ok := p.core(i + 2); ok && c.typ == Duration {
					return c, true
				}
			}
		}
	case wUp:
		if p.w(i+1) == wTo {
			if c, ok := p.core(i + 2); ok && c.typ == Duration {
				return c, true
			}
		}
	case wNo:
		if (p.w(i+1) == wMore || p.w(i+1) == wLess) && p.w(i+2) == wThan {
			if c, ok := p.core(i + 3); ok && c.typ == Duration {
				return c, true
			}
		}
	}
	if p.is(i, "year") && (p.punct(i+1, '-') && p.w(i+2) == wEnd || p.w(i+1) == wEnd) {
		end := i + 2
		if p.punct(i+1, '-') {
			end = i + 3
		}
		return cand{end: end, typ: Date, val: p.anc.yearShift(0)}, true
	}
	if p.is(i, "year") && p.punct(i+1, '\'') && p.w(i+2) == wS && p.w(i+3) == wEnd {
		return cand{end: i + 4, typ: Date, val: p.anc.yearShift(0)}, true
	}
	return cand{}, false
}

// numericDate reads 2026-01-15, 1/15/2026 and 15.01.2026.
func (p *parser) numericDate(i int) (cand, bool) {
	a := p.tk(i)
	if p.digits(i) == 4 && p.punct(i+1, '-') && p.glued(i+1) && p.glued(i+2) && p.digits(i+2) == 2 &&
		p.punct(i+3, '-') && p.glued(i+3) && p.glued(i+4) && p.digits(i+4) == 2 {
		y, m, d := int(a.num), int(p.tk(i+2).num), int(p.tk(i+4).num)
		return p.ymd(i+5, y, m, d)
	}
	sep := p.tk(i + 1)
	if sep.kind == kPunct && (sep.ch == '/' || sep.ch == '.') && p.glued(i+1) && p.glued(i+2) && p.digits(i) <= 2 && p.digits(i+2) <= 2 &&
		p.punct(i+3, sep.ch) && p.glued(i+3) && p.glued(i+4) && (p.digits(i+4) == 4 || p.digits(i+4) == 2) {
		if p.glued(i+5) && (p.tk(i+5).kind == kNum || p.punct(i+5, sep.ch)) {
			return cand{}, false
		}
		x, z, y := int(a.num), int(p.tk(i+2).num), int(p.tk(i+4).num)
		if p.digits(i+4) == 2 {
			if y >= 30 {
				y += 1900
			} else {
				y += 2000
			}
		}
		m, d := x, z
		if sep.ch == '.' || x > 12 && z <= 12 {
			m, d = z, x
		}
		return p.ymd(i+5, y, m, d)
	}
	return cand{}, false
}

func (p *parser) ymd(end, y, m, d int) (cand, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return cand{}, false
	}
	if d > daysIn(y, m) {
		return cand{end: end, bad: "impossible date " + monthNames[m] + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)}, true
	}
	return cand{end: end, typ: Date, val: fmtYMD(y, m, d), unit: uDay}, true
}

// monthDate reads "[Friday,] Jan. 3[, 2026]", "January 2026", "March",
// "July last year".
func (p *parser) monthDate(i int) (cand, bool) {
	j := i
	wd, k := p.weekdayAt(i, true)
	if wd > 0 {
		j = k
		if p.punct(j, ',') {
			j++
		}
	}
	m, k := p.month(j)
	if m == 0 {
		return cand{}, false
	}
	j = k
	// Month day
	if d, k, explicit := p.ordinal(j); d > 0 && (explicit || p.tk(j).kind == kNum) && !p.glued(j) || d > 0 && p.tk(j).kind == kNum && p.glued(j) && p.punct(j-1, '.') {
		if p.tk(j).kind == kNum && p.quantityAfter(k) {
			return cand{}, false
		}
		if d < 1 || d > 31 {
			return cand{}, false
		}
		end := k
		jj := end
		if p.punct(jj, ',') {
			jj++
		}
		if y, ye, ok := p.year(jj, true); ok {
			if !p.quantityAfter(ye) {
				c, ok := p.ymd(ye, y, m, d)
				return c, ok
			}
		}
		if d > daysIn(2000, m) {
			return cand{end: end, bad: "impossible date " + monthNames[m] + " " + strconv.Itoa(d)}, true
		}
		if !p.anc.ok {
			return cand{end: end, typ: Date, val: "XXXX-" + fmtMonth(0, m)[5:] + "-" + string(pad(nil, d, 2)), unit: uDay}, true
		}
		y := p.anc.dayYear(m, d, p.tense(i, end))
		if d > daysIn(y, m) {
			return cand{end: end, bad: "impossible date " + monthNames[m] + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)}, true
		}
		return cand{end: end, typ: Date, val: fmtYMD(y, m, d), unit: uDay}, true
	}
	{
		jj := j
		if p.punct(jj, ',') || p.w(jj) == wOf {
			jj++
		}
		if y, ye, ok := p.year(jj, true); ok && !p.quantityAfter(ye) {
			return cand{end: ye, typ: Date, val: fmtMonth(y, m), unit: uMonth}, true
		}
	}
	if wd > 0 {
		return cand{}, false
	}
	e := p.e(i)
	// A bare month name: abbreviations, "May" and "March" need a cue.
	if e.abbr {
		return cand{}, false
	}
	prev := p.w(i - 1)
	cue := false
	switch prev {
	case wIn, wSince, wUntil, wBy, wOf, wFrom, wThrough, wDuring, wBefore, wAfter, wLast, wThis,
		wNext, wEarly, wLate, wMid, wEnd, wOn, wTo, wThe, wEvery, wEach, wPast, wComing:
		cue = true
	}
	if p.punct(i-1, '-') && p.w(i-2) == wMid {
		cue = true // "mid-March"
	}
	if (m == 5 || m == 3) && !cue {
		return cand{}, false
	}
	if (m == 4 || m == 6 || m == 8) && p.tk(i+1).upper && p.tk(i+1).kind == kWord && p.e(i+1) == nil {
		return cand{}, false // a given name: "April Smith"
	}
	end := j
	// "July last year", "January this year", "March next year"
	switch p.w(end) {
	case wLast, wThis, wNext:
		if u := p.e(end + 1); u != nil && u.unit == uYear && !u.plural {
			off := map[word]int{wLast: -1, wThis: 0, wNext: 1}[p.w(end)]
			if !p.anc.ok {
				return cand{end: end + 2, typ: Date, val: "XXXX-" + fmtMonth(0, m)[5:], unit: uMonth}, true
			}
			return cand{end: end + 2, typ: Date, val: fmtMonth(p.anc.year()+off, m), unit: uMonth}, true
		}
	}
	if !p.anc.ok {
		return cand{end: end, typ: Date, val: "XXXX-" + fmtMonth(0, m)[5:], unit: uMonth}, true
	}
	y := p.anc.monthYear(m, p.tense(i, end))
	switch prev {
	case wLast:
		y = p.anc.year()
		if m >= p.anc.month() {
			y--
		}
	case wNext:
		y = p.anc.year()
		if m <= p.anc.month() {
			y++
		}
	case wThis:
		y = p.anc.year()
	}
	return cand{end: end, typ: Date, val: fmtMonth(y, m), unit: uMonth}, true
}

// dayMonth reads "3 January 2026", "the 3rd of March", "3rd March".
func (p *parser) dayMonth(i int) (cand, bool) {
	j := i
	if p.w(j) == wThe {
		j++
	}
	d, k, explicit := p.ordinal(j)
	if d < 1 || d > 31 {
		return cand{}, false
	}
	if p.w(k) == wOf {
		k++
	} else if j > i && !explicit {
		return cand{}, false
	}
	m, me := p.month(k)
	if m == 0 {
		return cand{}, false
	}
	if p.e(k).abbr && me == k+1 && !p.glued(k) && p.tk(k).end-p.tk(k).start == 3 && p.tk(j).kind != kNum {
		return cand{}, false
	}
	jj := me
	if p.punct(jj, ',') {
		jj++
	}
	if y, ye, ok := p.year(jj, true); ok && !p.quantityAfter(ye) {
		return p.ymd(ye, y, m, d)
	}
	if !p.anc.ok {
		return cand{end: me, typ: Date, val: "XXXX-" + fmtMonth(0, m)[5:] + "-" + string(pad(nil, d, 2)), unit: uDay}, true
	}
	y := p.anc.dayYear(m, d, p.tense(i, me))
	if d > daysIn(y, m) {
		return cand{end: me, bad: "impossible date " + strconv.Itoa(d) + " " + monthNames[m]}, true
	}
	return cand{end: me, typ: Date, val: fmtYMD(y, m, d), unit: uDay}, true
}

// yearExpr reads a year standing alone: "1998", "fiscal 1989", "the year
// 2000", "FY2025", "nineteen ninety-seven".
func (p *parser) yearExpr(i int) (cand, bool) {
	j := i
	fiscal := false
	switch {
	case p.w(j) == wFiscal:
		fiscal = true
		j++
		if u := p.e(j); u != nil && u.unit == uYear && !u.plural {
			j++
		}
	case p.is(j, "fy"):
		fiscal = true
		j++
	case p.w(j) == wThe && p.is(j+1, "year"):
		j += 2
		fiscal = true // a cue as strong as "fiscal"
	}
	y, end, ok := p.year(j, false)
	if !ok {
		return cand{}, false
	}
	if p.tk(j).kind == kNum {
		if p.quantityAfter(end) || p.quantityBefore(j-1) && !fiscal || p.glued(end) && (p.tk(end).kind == kWord || p.tk(end).kind == kNum) {
			return cand{}, false
		}
		if !fiscal && p.glued(j) && p.tk(j-1).kind != kPunct {
			return cand{}, false
		}
		if p.punct(end, '-') && p.glued(end) && p.tk(end+1).kind == kNum && p.digits(end+1) != 2 && p.digits(end+1) != 4 {
			return cand{}, false
		}
		if y < 1900 || y > 2100 {
			switch p.w(j - 1) {
			case wIn, wSince, wUntil, wBy, wFrom, wOf, wThe, wBefore, wAfter, wDuring, wThrough:
			default:
				if !fiscal && p.w(end) != wAD && p.w(end) != wBC {
					return cand{}, false
				}
			}
		}
	} else if !fiscal && !(p.e(j).num >= 11 && p.e(j).num <= 19 && p.e(j+1) != nil && p.e(j+1).tens) {
		// Spelled years other than "nineteen ninety-six" need a cue:
		// "in two thousand and five".
		switch p.w(i - 1) {
		case wIn, wSince, wUntil, wBy, wFrom, wOf, wBefore, wAfter, wDuring, wThrough:
		default:
			if p.e(i-1) == nil || p.e(i-1).month == 0 {
				return cand{}, false
			}
		}
	}
	return cand{end: end, typ: Date, val: fmtYear(y), unit: uYear}, true
}

// fiscal reads "fiscal first quarter", "the fiscal year", "the current
// fiscal year".
func (p *parser) fiscal(i int) (cand, bool) {
	j := i
	if p.w(j) == wThe {
		j++
	}
	if p.w(j) == wCurrent || p.w(j) == wLatest || p.w(j) == wThis {
		j++
	}
	if p.w(j) != wFiscal {
		return cand{}, false
	}
	if u := p.e(j + 1); u != nil && u.unit == uYear && !u.plural {
		if p.tk(j+2).kind == kNum {
			return cand{}, false
		}
		return cand{end: j + 2, typ: Date, val: p.anc.yearShift(0), unit: uYear}, true
	}
	return cand{}, false
}

// decade reads "the 1990s", "'80s", "the nineties", "1990s".
func (p *parser) decade(i int) (cand, bool) {
	j := i
	if p.w(j) == wThe {
		j++
	}
	t := p.tk(j)
	if t.kind == kNum && p.digits(j) == 4 && t.num%10 == 0 && t.num >= 1000 && t.num <= 2990 && p.w(j+1) == wS && p.glued(j+1) {
		return cand{end: j + 2, typ: Date, val: strconv.Itoa(int(t.num) / 10), unit: uDecade}, true
	}
	if t.kind == kNum && p.digits(j) == 4 && p.punct(j+1, '\'') && p.glued(j+1) && p.w(j+2) == wS && t.num%10 == 0 && t.num >= 1000 && t.num <= 2990 {
		return cand{end: j + 3, typ: Date, val: strconv.Itoa(int(t.num) / 10), unit: uDecade}, true
	}
	if (p.punct(j, '\'') || p.is(j, "\u2019")) && p.digits(j+1) == 2 && p.glued(j+1) && p.tk(j+1).num%10 == 0 && p.w(j+2) == wS && p.glued(j+2) {
		v := int(p.tk(j + 1).num)
		c := 19
		if v < 30 {
			c = 20
		}
		return cand{end: j + 3, typ: Date, val: strconv.Itoa(c*10 + v/10), unit: uDecade}, true
	}
	if t.e != nil && t.e.decade > 0 && j > i {
		// "the nineties": the century of the anchor, or the 1900s.
		c := 19
		if p.anc.ok {
			c = p.anc.year() / 100
			if int(t.e.decade)*10 > p.anc.year()%100 {
				c--
			}
		}
		return cand{end: j + 1, typ: Date, val: strconv.Itoa(c*10 + int(t.e.decade)), unit: uDecade}, true
	}
	return cand{}, false
}

// centuryExpr reads "the 20th century", "the twenty-first century".
func (p *parser) centuryExpr(i int) (cand, bool) {
	j := i
	if p.w(j) == wThe {
		j++
	}
	n, k, explicit := p.ordinal(j)
	if !explicit || n < 1 || n > 30 {
		return cand{}, false
	}
	if u := p.e(k); u == nil || u.unit != uCentury || u.plural {
		return cand{}, false
	}
	return cand{end: k + 1, typ: Date, val: string(pad(nil, n-1, 2)), unit: uCentury}, true
}
