package timex

// unit is a calendar or clock unit.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// word names the function words the grammar tests for.
type word uint8

const (
	wNone word = iota
	wThe
	wA
	wAn
	wThis
	wThat
	wLast
	wNext
	wComing
	wPast
	wPrevious
	wFollowing
	wCurrent
	wRecent
	wRecently
	wEarly
	wLate
	wEarlier
	wLater
	wMid
	wMiddle
	wEnd
	wBeginning
	wStart
	wOf
	wIn
	wAgo
	wFrom
	wNow
	wToday
	wTomorrow
	wYesterday
	wTonight
	wOvernight
	wCurrently
	wPreviously
	wSoon
	wFuture
	wNear
	wEvery
	wEach
	wPer
	wAbout
	wAround
	wApproximately
	wRoughly
	wNearly
	wAlmost
	wSome
	wMore
	wLess
	wFewer
	wThan
	wOver
	wUnder
	wAt
	wLeast
	wMost
	wUp
	wTo
	wWithin
	wNo
	wSeveral
	wFew
	wMany
	wCouple
	wAnd
	wOr
	wHalf
	wFiscal
	wFor
	wOn
	wBy
	wSince
	wUntil
	wDuring
	wThrough
	wBefore
	wAfter
	wAM
	wPM
	wNoon
	wMidnight
	wOclock
	wDaily
	wWeekly
	wMonthly
	wYearly
	wAnnually
	wHourly
	wNightly
	wQuarterly
	wBiweekly
	wOnce
	wTwice
	wTimes
	wLatest
	wFirst
	wFull
	wAdditional
	wOther
	wThese
	wDays
	wNowadays
	wLately
	wRight
	wJust
	wPresent
	wMoment
	wTerm
	wShort
	wLong
	wDate
	wTime
	wOld
	wAD
	wBC
	wST
	wND
	wRD
	wTH
	wS
	wFormer
	wPeriod
	wTrading
	wBusiness
	wConsecutive
	wStraight
	wSo
	wIts
	wHundred
	wThousand
	wThen
	wEve
)

// entry is what the lexicon knows about one lower-cased word.
type entry struct {
	w       word
	month   int8  // 1..12
	abbr    bool  // an abbreviated month or weekday name
	weekday int8  // 1 (Monday) .. 7 (Sunday)
	plural  bool  // a plural unit or weekday
	num     int16 // cardinal value of a number word, -1 when none
	ord     int8  // ordinal value 1..31 of an ordinal word
	tens    bool  // twenty, thirty, ... (may combine with a unit)
	unit    unit
	season  string // SP, SU, FA, WI
	pod     string // MO, AF, EV, NI (part of day)
	zone    string // time-zone offset, e.g. "Z", "-05"
	decade  int16  // "nineties" = 9 (the decade's tens digit), 0 when none
	tense   int8   // a tense cue: -1 past, +1 future, 2 present; 0 none
	start   bool   // a time expression may start with this word
	hols    []int  // holidays whose name starts with this word (indexes into Tagger.hols)
}

func (e *entry) is(w word) bool { return e != nil && e.w == w }

// lexicon maps lower-cased words to entries; built once by newLexicon.
type lexicon map[string]*entry

func newLexicon() lexicon {
	lx := lexicon{}
	add := func(s string, e entry) {
		if e.num == 0 && s != "zero" {
			e.num = -1
		}
		if old, ok := lx[s]; ok {
			// merge: a word may be both a unit and a function word ("second").
			if e.w != wNone {
				old.w = e.w
			}
			if e.unit != uNone {
				old.unit, old.plural = e.unit, e.plural
			}
			if e.ord != 0 {
				old.ord = e.ord
			}
			if e.num >= 0 {
				old.num = e.num
			}
			return
		}
		c := e
		lx[s] = &c
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	abbrs := [][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"},
		{"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}
	for i, m := range months {
		add(m, entry{month: int8(i + 1)})
		for _, a := range abbrs[i] {
			add(a, entry{month: int8(i + 1), abbr: true})
		}
	}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	dabbr := [][]string{{"mon"}, {"tue", "tues"}, {"wed"}, {"thu", "thur", "thurs"}, {"fri"}, {"sat"}, {"sun"}}
	for i, d := range days {
		add(d, entry{weekday: int8(i + 1)})
		add(d+"s", entry{weekday: int8(i + 1), plural: true})
		for _, a := range dabbr[i] {
			add(a, entry{weekday: int8(i + 1), abbr: true})
		}
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"}
	for i, n := range nums {
		add(n, entry{num: int16(i)})
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, n := range tens {
		add(n, entry{num: int16(20 + 10*i), tens: true})
	}
	add("fourty", entry{num: 40, tens: true})
	add("hundred", entry{w: wHundred, num: 100})
	add("thousand", entry{w: wThousand, num: 1000})
	add("dozen", entry{num: 12})
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, o := range ords {
		add(o, entry{ord: int8(i + 1)})
	}
	add("thirtieth", entry{ord: 30})
	lx["first"].w = wFirst
	decades := map[string]int16{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
		"sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
	for s, v := range decades {
		add(s, entry{decade: v})
	}
	units := []struct {
		s, p string
		u    unit
	}{
		{"second", "seconds", uSecond}, {"sec", "secs", uSecond},
		{"minute", "minutes", uMinute}, {"min", "mins", uMinute},
		{"hour", "hours", uHour}, {"hr", "hrs", uHour},
		{"day", "days", uDay}, {"week", "weeks", uWeek}, {"weekend", "weekends", uWeekend},
		{"fortnight", "fortnights", uFortnight},
		{"month", "months", uMonth}, {"quarter", "quarters", uQuarter},
		{"year", "years", uYear}, {"yr", "yrs", uYear},
		{"decade", "decades", uDecade}, {"century", "centuries", uCentury},
		{"millennium", "millennia", uMillennium},
	}
	for _, u := range units {
		add(u.s, entry{unit: u.u})
		add(u.p, entry{unit: u.u, plural: true})
	}
	add("half", entry{w: wHalf})
	for s, v := range map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"} {
		add(s, entry{season: v})
	}
	for s, v := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"} {
		add(s, entry{pod: v})
	}
	for s, v := range map[string]string{"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"} {
		add(s, entry{pod: v, plural: true})
	}
	for s, v := range map[string]string{"gmt": "Z", "utc": "Z", "est": "-05", "edt": "-04", "cst": "-06",
		"cdt": "-05", "mst": "-07", "mdt": "-06", "pst": "-08", "pdt": "-07", "bst": "+01", "cet": "+01",
		"cest": "+02", "eet": "+02", "jst": "+09", "ist": "+05:30"} {
		add(s, entry{zone: v})
	}
	fw := map[string]word{
		"the": wThe, "a": wA, "an": wAn, "this": wThis, "that": wThat, "last": wLast, "next": wNext,
		"coming": wComing, "past": wPast, "previous": wPrevious, "following": wFollowing,
		"current": wCurrent, "recent": wRecent, "recently": wRecently, "early": wEarly,
		"late": wLate, "earlier": wEarlier, "later": wLater, "mid": wMid, "middle": wMiddle,
		"end": wEnd, "beginning": wBeginning, "start": wStart, "of": wOf, "in": wIn, "ago": wAgo,
		"from": wFrom, "now": wNow, "today": wToday, "tomorrow": wTomorrow,
		"yesterday": wYesterday, "tonight": wTonight, "overnight": wOvernight,
		"currently": wCurrently, "previously": wPreviously, "soon": wSoon, "future": wFuture,
		"near": wNear, "every": wEvery, "each": wEach, "per": wPer, "about": wAbout,
		"around": wAround, "approximately": wApproximately, "roughly": wRoughly,
		"nearly": wNearly, "almost": wAlmost, "some": wSome, "more": wMore, "less": wLess,
		"fewer": wFewer, "than": wThan, "over": wOver, "under": wUnder, "at": wAt,
		"least": wLeast, "most": wMost, "up": wUp, "to": wTo, "within": wWithin, "no": wNo,
		"several": wSeveral, "few": wFew, "many": wMany, "couple": wCouple, "and": wAnd,
		"or": wOr, "fiscal": wFiscal, "for": wFor, "on": wOn, "by": wBy, "since": wSince,
		"until": wUntil, "till": wUntil, "during": wDuring, "through": wThrough,
		"before": wBefore, "after": wAfter, "am": wAM, "pm": wPM, "noon": wNoon,
		"midday": wNoon, "midnight": wMidnight, "daily": wDaily, "weekly": wWeekly,
		"monthly": wMonthly, "yearly": wYearly, "annually": wAnnually,
		"hourly": wHourly, "nightly": wNightly, "quarterly": wQuarterly,
		"biweekly": wBiweekly, "once": wOnce, "twice": wTwice, "times": wTimes,
		"latest": wLatest, "full": wFull, "additional": wAdditional, "other": wOther,
		"these": wThese, "nowadays": wNowadays, "lately": wLately, "right": wRight,
		"just": wJust, "present": wPresent, "moment": wMoment, "term": wTerm,
		"short": wShort, "long": wLong, "date": wDate, "time": wTime, "old": wOld,
		"ad": wAD, "bc": wBC, "st": wST, "nd": wND, "rd": wRD, "th": wTH, "s": wS,
		"former": wFormer, "period": wPeriod, "trading": wTrading, "business": wBusiness,
		"consecutive": wConsecutive, "straight": wStraight, "so": wSo, "its": wIts,
		"then": wThen, "eve": wEve, "o": wOclock,
	}
	for s, w := range fw {
		add(s, entry{w: w})
	}
	// "second" is both an ordinal and a unit; keep both, and mark it.
	lx["second"].ord = 2
	for _, s := range futureCues {
		if e, ok := lx[s]; ok {
			e.tense = tenseFuture
		} else {
			add(s, entry{tense: tenseFuture})
		}
	}
	for _, s := range pastCues {
		if e, ok := lx[s]; ok {
			e.tense = tensePast
		} else {
			add(s, entry{tense: tensePast})
		}
	}
	for _, s := range []string{"is", "are", "am", "says", "say", "isn", "aren", "payable"} {
		if e, ok := lx[s]; ok {
			e.tense = tensePresent
		} else {
			add(s, entry{tense: tensePresent})
		}
	}
	for _, e := range lx {
		e.start = true
		switch e.w {
		case wOf, wIn, wFor, wOn, wBy, wSince, wUntil, wDuring, wThrough, wBefore, wAfter, wThan,
			wAnd, wOr, wTo, wFrom, wLeast, wMost, wTimes, wST, wND, wRD, wTH, wS, wAM, wPM, wOclock,
			wAgo, wOld, wPeriod, wTerm, wDate, wTime, wOther, wTrading, wBusiness, wConsecutive,
			wStraight, wSo, wIts, wThen, wEve, wAD, wBC, wHundred, wThousand, wMoment, wPresent, wJust,
			wShort, wLong, wAdditional:
			e.start = false
		case wNone:
			e.start = e.month > 0 || e.weekday > 0 || e.num >= 0 || e.ord > 0 || e.unit != uNone ||
				e.season != "" || e.pod != "" || e.decade > 0
		}
	}
	return lx
}

// Month and weekday names for messages.
var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// futureCues are words that put a clause in the future.
var futureCues = []string{"will", "shall", "ll", "wo", "would", "going", "expected", "expects",
	"expect", "scheduled", "plans", "plan", "due", "upcoming", "intends", "intend",
	"hopes", "hope", "aims", "should", "must", "may", "might", "wouldn", "shouldn", "tomorrow",
	"next", "coming", "later", "soon", "effective"}

// pastCues are past-tense verbs that are not written with -ed.
var pastCues = []string{"was", "were", "had", "did", "said", "told", "made", "took", "came",
	"went", "gave", "got", "met", "held", "began", "left", "saw", "found", "fell", "rose", "won",
	"lost", "paid", "sold", "bought", "brought", "thought", "fought", "caught", "sent", "spent",
	"built", "struck", "led", "fled", "kept", "knew", "grew", "threw", "wrote", "spoke", "broke",
	"chose", "drove", "ran", "ate", "stood", "sat", "shot", "became", "forgot", "hung", "slid",
	"swore", "tore", "understood", "withdrew", "sank", "rang", "sought", "taught", "felt",
	"heard", "meant", "overthrew", "undertook", "forecast", "ago", "yesterday", "earlier",
	"last", "beat", "bore", "drew", "flew", "froze", "hid", "lay", "lit", "rode", "shook",
	"sprang", "stole", "stuck", "swept", "swung", "woke", "wound", "overtook", "arose", "dealt",
	"ended", "has", "have", "didn", "wasn", "weren", "hadn", "hasn", "haven", "previously",
	"recently"}
