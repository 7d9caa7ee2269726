package timex

import (
	"strconv"
	"time"
)

// Tense of a clause, as far as the word cues tell.
const (
	tenseNone   = 0
	tensePast   = -1
	tenseFuture = 1
	// tensePresent stops the search for a cue; dates read it as no
	// tense and weekdays as the future ("the vote is Friday").
	tensePresent = 2
)

// anchor is the date relative expressions are resolved against: the
// publication date. When ok is false every relative value keeps X
// placeholders instead of invented digits.
type anchor struct {
	ok bool
	t  time.Time // the date at 00:00 UTC
	hh int       // hour and minute of the publication time, -1 when unknown
	mm int
}

func newAnchor(t time.Time) anchor {
	if t.IsZero() {
		return anchor{hh: -1}
	}
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return anchor{hh: -1}
	}
	a := anchor{ok: true, t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), hh: -1}
	if h, mi, s := t.Clock(); h != 0 || mi != 0 || s != 0 {
		a.hh, a.mm = h, mi
	}
	return a
}

func (a anchor) year() int            { return a.t.Year() }
func (a anchor) month() int           { return int(a.t.Month()) }
func (a anchor) quarter() int         { return (a.month()-1)/3 + 1 }
func (a anchor) dow() int             { return isoWeekday(a.t) }
func isoWeekday(t time.Time) int      { return (int(t.Weekday())+6)%7 + 1 }
func (a anchor) days(n int) time.Time { return a.t.AddDate(0, 0, n) }

// Value formatting. Years outside 0..9999 are written as "XXXX" rather
// than as malformed values.

func fmtYear(y int) string {
	if y < 0 || y > 9999 {
		return "XXXX"
	}
	b := make([]byte, 0, 4)
	return string(pad(b, y, 4))
}

func pad(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fmtMonth(y, m int) string {
	b := []byte(fmtYear(y))
	b = append(b, '-')
	return string(pad(b, m, 2))
}

func fmtDay(t time.Time) string {
	y, m, d := t.Date()
	b := []byte(fmtYear(y))
	b = append(b, '-')
	b = pad(b, int(m), 2)
	b = append(b, '-')
	return string(pad(b, d, 2))
}

func fmtYMD(y, m, d int) string {
	b := []byte(fmtYear(y))
	b = append(b, '-')
	b = pad(b, m, 2)
	b = append(b, '-')
	return string(pad(b, d, 2))
}

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	b := []byte(fmtYear(y))
	b = append(b, '-', 'W')
	return string(pad(b, w, 2))
}

func fmtQuarter(y, q int) string { return fmtYear(y) + "-Q" + strconv.Itoa(q) }

func fmtHM(h, m int) string {
	b := []byte{'T'}
	b = pad(b, h, 2)
	b = append(b, ':')
	return string(pad(b, m, 2))
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Relative values. Each returns the X form when the anchor is unknown.

func (a anchor) dayShift(n int) string {
	if !a.ok {
		return "XXXX-XX-XX"
	}
	return fmtDay(a.days(n))
}

func (a anchor) weekShift(n int) string {
	if !a.ok {
		return "XXXX-WXX"
	}
	return fmtWeek(a.days(7 * n))
}

func (a anchor) monthShift(n int) string {
	if !a.ok {
		return "XXXX-XX"
	}
	y, m := addMonths(a.year(), a.month(), n)
	return fmtMonth(y, m)
}

func addMonths(y, m, n int) (int, int) {
	k := y*12 + (m - 1) + n
	return k / 12, k%12 + 1
}

func (a anchor) yearShift(n int) string {
	if !a.ok {
		return "XXXX"
	}
	return fmtYear(a.year() + n)
}

func (a anchor) quarterShift(n int) string {
	if !a.ok {
		return "XXXX-QX"
	}
	k := a.year()*4 + a.quarter() - 1 + n
	return fmtQuarter(k/4, k%4+1)
}

// weekday resolves a bare weekday name (1 = Monday) by the clause's tense:
// the same day as the anchor is the anchor itself; otherwise the past
// tense (and no cue) picks the latest such day before the anchor and the
// future the next one after it. rel is -1 for "last", +1 for "next" and 0
// for a bare name.
func (a anchor) weekday(dow, tense, rel int) string {
	if !a.ok {
		return "XXXX-WXX-" + strconv.Itoa(dow)
	}
	diff := dow - a.dow()
	switch {
	case rel < 0:
		if diff >= 0 {
			diff -= 7
		}
	case rel > 0:
		if diff <= 0 {
			diff += 7
		}
	case diff == 0:
	case tense == tenseFuture || tense == tensePresent:
		if diff < 0 {
			diff += 7
		}
	default:
		if diff > 0 {
			diff -= 7
		}
	}
	return fmtDay(a.days(diff))
}

// monthYear picks the year of a month named without one: the past tense
// takes the latest such month not after the anchor, the future the
// earliest not before it, and no cue the nearest. A month next to the
// anchor's stays in its year whatever the tense, since tense cues err.
func (a anchor) monthYear(m, tense int) int {
	y, am := a.year(), a.month()
	switch tense {
	case tensePast:
		if m > am+1 {
			y--
		}
	case tenseFuture:
		if m < am-1 {
			y++
		}
	default:
		if m-am > 6 {
			y--
		} else if am-m > 6 {
			y++
		}
	}
	return y
}

// dayYear picks the year of a month and day named without one, like
// monthYear, allowing a month's slack on the wrong side of the anchor.
func (a anchor) dayYear(m, d, tense int) int {
	y := a.year()
	t := time.Date(y, time.Month(m), min(d, daysIn(y, m)), 0, 0, 0, 0, time.UTC)
	diff := t.Sub(a.t).Hours() / 24
	switch tense {
	case tensePast:
		if diff > 31 {
			y--
		}
	case tenseFuture:
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
	return y
}

// quarterYear picks the year of a quarter named without one: the
// anchor's year, or the year before for a later quarter in the past tense
// ("the fourth quarter" in a January report). News names coming quarters
// with their year, so the future tense does not move it.
func (a anchor) quarterYear(q, tense int) int {
	y, aq := a.year(), a.quarter()
	if q > aq && (tense == tensePast || q-aq > 2) {
		y--
	}
	return y
}

// seasonIndex orders seasons within a year: spring, summer, fall, winter
// (winter being the one that starts in December).
func seasonIndex(s string) int {
	switch s {
	case "SP":
		return 0
	case "SU":
		return 1
	case "FA":
		return 2
	}
	return 3
}

// season returns the anchor's season and the year it belongs to.
func (a anchor) season() (idx, year int) {
	m, y := a.month(), a.year()
	switch {
	case m <= 2:
		return 3, y - 1
	case m <= 5:
		return 0, y
	case m <= 8:
		return 1, y
	case m <= 11:
		return 2, y
	}
	return 3, y
}

// seasonYear resolves a season named with rel (-1 last, 0 this/bare,
// +1 next) and the clause's tense.
func (a anchor) seasonYear(s string, rel, tense int) int {
	cur, y := a.season()
	idx := seasonIndex(s)
	switch {
	case rel < 0:
		if idx >= cur {
			y--
		}
	case rel > 0:
		if idx <= cur {
			y++
		}
	case tense == tensePast:
		if idx > cur {
			y--
		}
	case tense == tenseFuture:
		if idx < cur {
			y++
		}
	}
	return y
}

// granular formats the date t at the precision of unit u.
func granular(t time.Time, u unit) string {
	switch u {
	case uDay, uHour, uMinute, uSecond:
		return fmtDay(t)
	case uWeek, uFortnight, uWeekend:
		return fmtWeek(t)
	case uMonth:
		return fmtMonth(t.Year(), int(t.Month()))
	case uQuarter:
		return fmtQuarter(t.Year(), (int(t.Month())-1)/3+1)
	case uDecade:
		return fmtYear(t.Year())[:3]
	case uCentury:
		return fmtYear(t.Year())[:2]
	}
	return fmtYear(t.Year())
}

// shift moves t by n units.
func shift(t time.Time, u unit, n int) time.Time {
	switch u {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	case uQuarter:
		return t.AddDate(0, 3*n, 0)
	case uHalf:
		return t.AddDate(0, 6*n, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	case uHour:
		return t.Add(time.Duration(n) * time.Hour)
	case uMinute:
		return t.Add(time.Duration(n) * time.Minute)
	}
	return t
}

// xForm is the unanchored value of a date at the precision of u.
func xForm(u unit) string {
	switch u {
	case uDay, uHour, uMinute, uSecond:
		return "XXXX-XX-XX"
	case uWeek, uWeekend, uFortnight:
		return "XXXX-WXX"
	case uMonth:
		return "XXXX-XX"
	case uQuarter:
		return "XXXX-QX"
	case uDecade:
		return "XXX"
	case uCentury:
		return "XX"
	}
	return "XXXX"
}

// durationValue writes n units as an ISO 8601 duration; n < 0 means an
// unspecified number ("several days" is "PXD").
func durationValue(n int, u unit) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch u {
	case uSecond:
		return "PT" + num + "S"
	case uMinute:
		return "PT" + num + "M"
	case uHour:
		return "PT" + num + "H"
	case uDay:
		return "P" + num + "D"
	case uWeek:
		return "P" + num + "W"
	case uWeekend:
		return "P" + num + "WE"
	case uFortnight:
		if n >= 0 {
			return "P" + strconv.Itoa(2*n) + "W"
		}
		return "PXW"
	case uMonth:
		return "P" + num + "M"
	case uQuarter:
		return "P" + num + "Q"
	case uHalf:
		if n >= 0 {
			return "P" + strconv.Itoa(6*n) + "M"
		}
		return "PXM"
	case uYear:
		return "P" + num + "Y"
	case uDecade:
		if n >= 0 {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXE"
	case uCentury:
		if n >= 0 {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXC"
	case uMillennium:
		if n >= 0 {
			return "P" + strconv.Itoa(1000*n) + "Y"
		}
		return "PXL"
	}
	return "PX"
}

// halfDuration writes n and a half units ("two and a half years" is
// P2Y6M), falling back to the whole units when the half has no smaller unit.
func halfDuration(n int, u unit) string {
	switch u {
	case uYear:
		return "P" + strconv.Itoa(n) + "Y6M"
	case uDay:
		return "P" + strconv.Itoa(n) + "DT12H"
	case uHour:
		return "PT" + strconv.Itoa(n) + "H30M"
	case uMinute:
		return "PT" + strconv.Itoa(n) + "M30S"
	case uMonth:
		return "P" + strconv.Itoa(n) + "M15D"
	case uWeek:
		return "P" + strconv.Itoa(7*n+3) + "DT12H"
	}
	return durationValue(n, u)
}

// setValue is the SET value of "every n units".
func setValue(n int, u unit) string {
	if n < 1 {
		n = 1
	}
	return durationValue(n, u)
}
