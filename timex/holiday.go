package timex

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"
)

//go:embed data/holidays.txt
var defaultHolidays string

// holiday is one named day and the rule that dates it in a year.
type holiday struct {
	words   []string // the name's tokens, lower case
	month   int      // a fixed date: month and day
	day     int
	nth     int // the nth (or, for -1, last) weekday of month
	weekday int // 1 Monday .. 7 Sunday
	easter  bool
	offset  int // days after Easter Sunday
}

// parseHolidays reads the holiday list format of data/holidays.txt. It
// returns an error naming the first line it cannot read.
func parseHolidays(src string, lx lexicon) ([]holiday, error) {
	var hs []holiday
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rule, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("timex: holidays line %d: want \"name<TAB>rule\"", n+1)
		}
		h := holiday{}
		for _, t := range scan(name, lx, nil) {
			h.words = append(h.words, strings.ToLower(name[t.start:t.end]))
		}
		if len(h.words) == 0 {
			return nil, fmt.Errorf("timex: holidays line %d: empty name", n+1)
		}
		if err := h.parseRule(strings.TrimSpace(rule)); err != nil {
			return nil, fmt.Errorf("timex: holidays line %d: %w", n+1, err)
		}
		hs = append(hs, h)
	}
	return hs, nil
}

var weekdayAbbr = map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}

func (h *holiday) parseRule(rule string) error {
	if off, ok := strings.CutPrefix(rule, "easter"); ok {
		n := 0
		if off != "" && off != "+0" {
			v, err := strconv.Atoi(strings.TrimPrefix(off, "+"))
			if err != nil {
				return fmt.Errorf("bad Easter offset %q", off)
			}
			n = v
		}
		h.easter, h.offset = true, n
		return nil
	}
	if f := strings.Fields(rule); len(f) == 3 {
		nth, err1 := strconv.Atoi(f[0])
		wd, ok := weekdayAbbr[strings.ToLower(f[1])]
		m, err2 := strconv.Atoi(f[2])
		if err1 != nil || !ok || err2 != nil || m < 1 || m > 12 || nth == 0 || nth < -1 || nth > 5 {
			return fmt.Errorf("bad weekday rule %q", rule)
		}
		h.nth, h.weekday, h.month = nth, wd, m
		return nil
	}
	m, d, ok := strings.Cut(rule, "-")
	mv, err1 := strconv.Atoi(m)
	dv, err2 := strconv.Atoi(d)
	if !ok || err1 != nil || err2 != nil || mv < 1 || mv > 12 || dv < 1 || dv > daysIn(2000, mv) {
		return fmt.Errorf("bad rule %q", rule)
	}
	h.month, h.day = mv, dv
	return nil
}

// in returns the holiday's date in year y.
func (h *holiday) in(y int) time.Time {
	switch {
	case h.easter:
		return easter(y).AddDate(0, 0, h.offset)
	case h.nth != 0:
		if h.nth < 0 {
			last := time.Date(y, time.Month(h.month)+1, 0, 0, 0, 0, 0, time.UTC)
			return last.AddDate(0, 0, -((isoWeekday(last) - h.weekday + 7) % 7))
		}
		first := time.Date(y, time.Month(h.month), 1, 0, 0, 0, 0, time.UTC)
		return first.AddDate(0, 0, (h.weekday-isoWeekday(first)+7)%7+7*(h.nth-1))
	}
	return time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
}

// easter returns Western Easter Sunday of year y (the anonymous Gregorian
// algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holidayExpr reads a holiday's name at i, with a year after it or a
// determiner before it read elsewhere: "Christmas", "Easter Monday 2025",
// "Thanksgiving Day".
func (p *parser) holidayExpr(i int) (cand, bool) { return p.holidayAt(i, 0) }

// holidayAt reads a holiday's name at i; rel is -1 after "last", +1 after
// "next", 0 otherwise. The longest name that matches wins.
func (p *parser) holidayAt(i, rel int) (cand, bool) {
	e := p.e(i)
	if e == nil || len(e.hols) == 0 || !p.tk(i).upper {
		return cand{}, false
	}
	best, found := cand{}, false
	for _, k := range e.hols {
		h := &p.hols[k]
		end := i
		for _, w := range h.words {
			if !p.is(end, w) {
				end = -1
				break
			}
			end++
		}
		if end < 0 {
			continue
		}
		jj := end
		if p.punct(jj, ',') {
			jj++
		}
		var c cand
		switch y, ye, ok := p.year(jj, true); {
		case ok && !p.quantityAfter(ye):
			c = cand{end: ye, typ: Date, val: fmtDay(h.in(y)), unit: uDay}
		case !p.anc.ok && h.month > 0 && h.day > 0:
			c = cand{end: end, typ: Date, val: "XXXX-" + fmtMonth(0, h.month)[5:] + "-" + string(pad(nil, h.day, 2)), unit: uDay}
		case !p.anc.ok:
			c = cand{end: end, typ: Date, val: "XXXX-XX-XX", unit: uDay}
		default:
			c = cand{end: end, typ: Date, val: fmtDay(p.holidayDate(h, rel, p.tense(i, end))), unit: uDay}
		}
		if !found || c.end > best.end {
			best, found = c, true
		}
	}
	return best, found
}

// holidayDate picks the year of a holiday named without one, like dayYear.
func (p *parser) holidayDate(h *holiday, rel, tense int) time.Time {
	y := p.anc.year()
	t := h.in(y)
	diff := t.Sub(p.anc.t).Hours() / 24
	switch {
	case rel < 0:
		if diff >= 0 {
			y--
		}
	case rel > 0:
		if diff <= 0 {
			y++
		}
	case tense == tensePast:
		if diff > 31 {
			y--
		}
	case tense == tenseFuture:
		if diff < -31 {
			y++
		}
	default:
		if diff > 183 {
			y--
		} else if diff < -183 {
			y++
		}
	}
	return h.in(y)
}
