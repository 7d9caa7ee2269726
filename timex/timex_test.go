package timex

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

// friday is the publication date of the table tests: Friday 16 January 2026.
var friday = time.Date(2026, 1, 16, 9, 0, 0, 0, time.UTC)

func newTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// render lists the times of a text as `"text" TYPE value` joined by "; ".
func render(d *doc.Document) string {
	var parts []string
	for _, x := range d.Times {
		parts = append(parts, fmt.Sprintf("%q %s %s", d.Slice(x.Span), x.Type, x.Value))
	}
	return strings.Join(parts, "; ")
}

func TestTagTricky(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name, text, want string
	}{
		{"past weekday", "The minister resigned on Thursday.", `"Thursday" DATE 2026-01-15`},
		{"future weekday", "The minister will resign on Thursday.", `"Thursday" DATE 2026-01-22`},
		{"weekday is today", "Voters went to the polls on Friday.", `"Friday" DATE 2026-01-16`},
		{"present tense weekday", "The vote is on Monday.", `"Monday" DATE 2026-01-19`},
		{"weekday part of day", "Talks collapsed on Wednesday night.", `"Wednesday night" TIME 2026-01-14TNI`},
		{"last weekday", "He spoke last Friday.", `"last Friday" DATE 2026-01-09`},
		{"next weekday", "He will speak next Tuesday.", `"next Tuesday" DATE 2026-01-20`},
		{"next week", "The summit opens next week.", `"next week" DATE 2026-W04`},
		{"last week", "Skepticism was voiced last week.", `"last week" DATE 2026-W02`},
		{"this week", "Shares fell this week.", `"this week" DATE 2026-W03`},
		{"two days ago", "He left two days ago.", `"two days ago" DATE 2026-01-14`},
		{"years later", "He was jailed in 1998. Four years later he was freed.", `"1998" DATE 1998; "Four years later" DATE 2002`},
		{"days later", "He was freed two days later.", `"two days later" DURATION P2D`},
		{"hyphen duration after the", "Critics savaged the three-hour epic.", `"three-hour" DURATION PT3H`},
		{"weeks ago", "It closed three weeks ago.", `"three weeks ago" DATE 2025-W52`},
		{"a year ago", "Prices were lower a year ago.", `"a year ago" DATE 2025`},
		{"yesterday today tomorrow", "Yesterday he left, today he rests, tomorrow he returns.",
			`"Yesterday" DATE 2026-01-15; "today" DATE 2026-01-16; "tomorrow" DATE 2026-01-17`},
		{"tonight and last night", "Rebels attacked last night and may return tonight.",
			`"last night" TIME 2026-01-15TNI; "tonight" TIME 2026-01-16TNI`},
		{"this morning", "The bomb went off this morning.", `"this morning" TIME 2026-01-16TMO`},
		{"month day past", "He arrived on Jan. 3.", `"Jan. 3" DATE 2026-01-03`},
		{"month day without period", "He arrived on Jan 3.", `"Jan 3" DATE 2026-01-03`},
		{"month day last year", "The raid happened Dec. 28.", `"Dec. 28" DATE 2025-12-28`},
		{"month day future", "The vote will be held Dec. 3.", `"Dec. 3" DATE 2026-12-03`},
		{"month day with year", "The deal was signed Jan. 3, 2026.", `"Jan. 3, 2026" DATE 2026-01-03`},
		{"weekday and date", "It was signed Saturday, Jan. 3.", `"Saturday, Jan. 3" DATE 2026-01-03`},
		{"day month year", "Born on 3 March 1990, he ...", `"3 March 1990" DATE 1990-03-03`},
		{"ordinal of month", "It ends on the 3rd of March.", `"the 3rd of March" DATE 2026-03-03`},
		{"spelled ordinal", "It will begin on March eighth.", `"March eighth" DATE 2026-03-08`},
		{"month past", "Prices rose in March.", `"March" DATE 2025-03`},
		{"month future", "Elections will be held in March.", `"March" DATE 2026-03`},
		{"month year", "It was built in February 1947.", `"February 1947" DATE 1947-02`},
		{"last month name", "It happened last April.", `"last April" DATE 2025-04`},
		{"month last year", "He was arrested in July last year.", `"July last year" DATE 2025-07`},
		{"modal may", "Prices may rise. In May, they fell.", `"May" DATE 2025-05`},
		{"given name", "April Jones said so.", ``},
		{"mid month", "Talks resume in mid-March.", `"mid-March" DATE 2026-03`},
		{"early month", "They met in early November.", `"early November" DATE 2025-11`},
		{"decade", "Growth was strong in the 1990s.", `"the 1990s" DATE 199`},
		{"decade apostrophe", "It peaked in the '80s.", `"the '80s" DATE 198`},
		{"decade word", "It was built in the nineties.", `"the nineties" DATE 199`},
		{"century", "a relic of the 20th century", `"the 20th century" DATE 19`},
		{"late year", "The plant opens in late 2025.", `"late 2025" DATE 2025`},
		{"year", "The war ended in 1945.", `"1945" DATE 1945`},
		{"not a year amount", "He paid $2000 for 1990 shares.", ``},
		{"fiscal year", "Sales grew in fiscal 2025.", `"fiscal 2025" DATE 2025`},
		{"fiscal quarter", "Profit rose in the fiscal first quarter.", `"the fiscal first quarter" DATE 2026-Q1`},
		{"quarter past", "Profit fell in the third quarter.", `"the third quarter" DATE 2025-Q3`},
		{"quarter hyphen", "It reported third-quarter profit.", `"third-quarter" DATE 2025-Q3`},
		{"quarter of year", "in the first quarter of 2024", `"the first quarter of 2024" DATE 2024-Q1`},
		{"q notation", "Revenue rose in Q3 2025.", `"Q3 2025" DATE 2025-Q3`},
		{"half of year", "in the second half of 2025", `"the second half of 2025" DATE 2025-H2`},
		{"match half", "He scored in the first half.", ``},
		{"season", "The offensive stalled last summer.", `"last summer" DATE 2025-SU`},
		{"season of year", "in the winter of 1994", `"the winter of 1994" DATE 1994-WI`},
		{"earlier this year", "He resigned earlier this year.", `"earlier this year" DATE 2026`},
		{"later this month", "A decision is due later this month.", `"later this month" DATE 2026-01`},
		{"year end", "The deal should close by year-end.", `"year-end" DATE 2026`},
		{"end of month", "by the end of the month", `"the end of the month" DATE 2026-01`},
		{"weekend", "Fighting resumed over the weekend.", `"the weekend" DATE 2026-W02-WE`},
		{"this weekend", "Protests are planned this weekend.", `"this weekend" DATE 2026-W03-WE`},
		{"past three years", "Exports doubled over the past three years.", `"the past three years" DURATION P3Y`},
		{"next few days", "Talks continue in the next few days.", `"the next few days" DURATION PXD`},
		{"recent years", "Attacks increased in recent years.", `"recent years" DATE PAST_REF`},
		{"now", "He now lives in exile.", `"now" DATE PRESENT_REF`},
		{"currently", "Troops are currently deployed.", `"currently" DATE PRESENT_REF`},
		{"recently", "He recently visited Caracas.", `"recently" DATE PAST_REF`},
		{"for now is not a date", "The ceasefire holds for now.", ``},
		{"soon", "Aid will arrive soon.", `"soon" DATE FUTURE_REF`},
		{"the future", "They spoke about the future.", `"the future" DATE FUTURE_REF`},
		{"two hours in", "Two hours in, the talks stalled.", `"Two hours" DURATION PT2H`},
		{"hours", "The siege lasted two hours.", `"two hours" DURATION PT2H`},
		{"years", "He served three years in prison.", `"three years" DURATION P3Y`},
		{"hyphen duration", "a two-year truce", `"two-year" DURATION P2Y`},
		{"half duration", "for 2 1/2 years", `"2 1/2 years" DURATION P2Y6M`},
		{"and a half", "after a year and a half", `"a year and a half" DURATION P1Y6M`},
		{"half an hour", "within half an hour", `"within half an hour" DURATION PT30M`},
		{"more than", "The strike lasted more than four hours.", `"more than four hours" DURATION PT4H`},
		{"age is not a duration", "Smith, 52 years old, will retire.", ``},
		{"several", "for several months", `"several months" DURATION PXM`},
		{"decades", "two decades of war", `"two decades" DURATION P20Y`},
		{"clock pm", "The blast came at 3 p.m.", `"3 p.m." TIME 2026-01-16T15:00`},
		{"clock zone", "Trading halted at 15:30 GMT.", `"15:30 GMT" TIME 2026-01-16T15:30`},
		{"clock with day", "The deadline is 10 p.m. Wednesday.", `"10 p.m. Wednesday" TIME 2026-01-21T22:00`},
		{"noon", "They met at noon.", `"noon" TIME 2026-01-16T12:00`},
		{"noon weekday", "It expired at noon Thursday.", `"noon Thursday" TIME 2026-01-15T12:00`},
		{"clock takes sentence day", "On Tuesday, at 9:45 a.m., shots rang out.", `"Tuesday" DATE 2026-01-13; "9:45 a.m." TIME 2026-01-13T09:45`},
		{"every monday", "The council meets every Monday.", `"every Monday" SET XXXX-WXX-1`},
		{"each month", "He is paid each month.", `"each month" SET P1M`},
		{"weekly", "The magazine appears weekly.", `"weekly" SET P1W`},
		{"weekly adjective", "in a weekly magazine", ``},
		{"plural weekday", "Markets close on Sundays.", `"Sundays" SET XXXX-WXX-7`},
		{"twice a week", "Flights leave twice a week.", `"twice a week" SET P1W`},
		{"amount a year", "It costs $5 million a year.", `"a year" SET P1Y`},
		{"abbreviated amount a year", "a 20 billion dlr a year business", `"a year" SET P1Y`},
		{"a year before", "Sales fell from 40 pct a year before.", `"a year before" DATE 2025`},
		{"before an event", "He left a year before the war.", `"a year" DURATION P1Y`},
		{"iso date", "Published 2025-12-24 in Kyiv.", `"2025-12-24" DATE 2025-12-24`},
		{"slash date", "dated 12/24/2025", `"12/24/2025" DATE 2025-12-24`},
		{"spelled year", "in nineteen ninety-seven", `"nineteen ninety-seven" DATE 1997`},
		{"year two thousand", "by the year two thousand", `"the year two thousand" DATE 2000`},
		{"the day before yesterday", "He left the day before yesterday.", `"the day before yesterday" DATE 2026-01-14`},
		{"holiday past", "Fighting paused at Christmas.", `"Christmas" DATE 2025-12-25`},
		{"holiday future", "The bill will pass by Easter.", `"Easter" DATE 2026-04-05`},
		{"holiday with year", "It opened on Thanksgiving Day 2024.", `"Thanksgiving Day 2024" DATE 2024-11-28`},
		{"last holiday", "He was seen last Christmas Eve.", `"last Christmas Eve" DATE 2025-12-24`},
		{"holiday possessive", "on New Year's Day", `"New Year's Day" DATE 2026-01-01`},
		{"may day", "They marched on May Day.", `"May Day" DATE 2025-05-01`},
		{"newspaper name", "He told USA Today that he was leaving.", ``},
		{"programme title", "He said on ABC's This Week that talks failed.", ``},
		{"empty", "", ``},
		{"no time", "The talks were held in Caracas.", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Published: friday}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if got := render(d); got != tt.want {
				t.Errorf("Tag(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestTagBadInput(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name      string
		text      string
		published time.Time
		want      string
		problem   string // a substring of the one problem expected, "" for none
	}{
		{"impossible date", "It happened on February 30.", friday, ``, "impossible date"},
		{"impossible date with year", "signed on 31 April 2025", friday, ``, "impossible date"},
		{"impossible iso date", "on 2025-02-29", friday, ``, "impossible date"},
		{"leap day", "on Feb. 29, 2024", friday, `"Feb. 29, 2024" DATE 2024-02-29`, ""},
		{"no publication date", "The minister resigned on Thursday, next week and in 1999.", time.Time{},
			`"Thursday" DATE XXXX-WXX-4; "next week" DATE XXXX-WXX; "1999" DATE 1999`, "publication date unknown"},
		{"no publication date month", "He arrived Jan. 3 and left two days ago.", time.Time{},
			`"Jan. 3" DATE XXXX-01-03; "two days ago" DATE XXXX-XX-XX`, "publication date unknown"},
		{"absurd publication year", "He left yesterday.", time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC),
			`"yesterday" DATE XXXX-XX-XX`, "out of range"},
		{"absurd year in text", "in the year 99999 and 0000", friday, ``, ""},
		{"binary junk", "\xff\xfe\x00Jan\x00. 3\xff 2026", friday, `"2026" DATE 2026`, ""},
		{"empty without date", "", time.Time{}, ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Published: tt.published}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if got := render(d); got != tt.want {
				t.Errorf("Tag(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
			switch {
			case tt.problem == "" && len(d.Problems) > 0:
				t.Errorf("problems = %v; want none", d.Problems)
			case tt.problem != "" && (len(d.Problems) != 1 || !strings.Contains(d.Problems[0].Msg, tt.problem)):
				t.Errorf("problems = %v; want one containing %q", d.Problems, tt.problem)
			}
		})
	}
}

func TestTagUsesPennTags(t *testing.T) {
	tg := newTagger(t)
	// "set" is ambiguous; tagged VBD it puts the clause in the past.
	text := "Officials set the vote on Thursday."
	d := &doc.Document{Text: text, Published: friday}
	for i, w := range strings.Fields(strings.TrimSuffix(text, ".")) {
		start := strings.Index(text, w)
		tag := "NN"
		if i == 1 {
			tag = "VBD"
		}
		d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: start, End: start + len(w)}, XPOS: tag, Head: -1})
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, FirstToken: 0, EndToken: len(d.Tokens)}}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got, want := render(d), `"Thursday" DATE 2026-01-15`; got != want {
		t.Errorf("got %s; want %s", got, want)
	}
}

func TestNormalise(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		expr, typ, value string
		ok               bool
	}{
		{"next week", Date, "2026-W04", true},
		{"Thursday", Date, "2026-01-15", true},
		{"the 1990s", Date, "199", true},
		{"P2D", "", "", false},
		{"two days", Duration, "P2D", true},
		{"every Monday", Set, "XXXX-WXX-1", true},
		{"3 p.m.", TimeT, "2026-01-16T15:00", true},
		{"February 30", "", "", false},
		{"for now", "", "", false},
		{"", "", "", false},
		{"Thursday and Friday", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			typ, value, ok := tg.Normalise(tt.expr, friday)
			if typ != tt.typ || value != tt.value || ok != tt.ok {
				t.Errorf("Normalise(%q) = %q, %q, %v; want %q, %q, %v", tt.expr, typ, value, ok, tt.typ, tt.value, tt.ok)
			}
		})
	}
}

func TestNew(t *testing.T) {
	if _, err := New(Config{MaxTextBytes: -1}); err == nil {
		t.Errorf("New(MaxTextBytes: -1) = nil error; want one")
	}
	tg := newTagger(t)
	if got := tg.Name(); got != "times" {
		t.Errorf("Name() = %q; want %q", got, "times")
	}
}

func TestTimeZones(t *testing.T) {
	tg, err := New(Config{TimeZones: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text, want string }{
		{"gmt", "Trading halted at 15:30 GMT.", `"15:30 GMT" TIME 2026-01-16T15:30Z`},
		{"est", "The polls will close at 8 p.m. EST Tuesday.", `"8 p.m. EST Tuesday" TIME 2026-01-20T20:00-05`},
		{"no zone", "The polls close at 8 p.m.", `"8 p.m." TIME 2026-01-16T20:00`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Published: friday}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if got := render(d); got != tt.want {
				t.Errorf("got %s; want %s", got, tt.want)
			}
		})
	}
}

func TestMaxTextBytes(t *testing.T) {
	tg, err := New(Config{MaxTextBytes: 20})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "He left on Thursday and came back on Friday.", Published: friday}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got, want := render(d), `"Thursday" DATE 2026-01-15`; got != want {
		t.Errorf("got %s; want %s", got, want)
	}
	if len(d.Problems) != 1 {
		t.Errorf("problems = %v; want one", d.Problems)
	}
}

func TestProcessCancelled(t *testing.T) {
	tg := newTagger(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tg.Process(ctx, &doc.Document{Text: "today"}); err == nil {
		t.Errorf("Process(cancelled) = nil; want the context's error")
	}
}

// Value shapes TimeML allows, used by the fuzz targets.
var (
	dateValue = regexp.MustCompile(`^(PRESENT_REF|PAST_REF|FUTURE_REF|` +
		`(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?|-W(\d{2}|XX)(-(\d|WE))?|-Q[1-4X]|-H[12]|-(SP|SU|FA|WI))?` +
		`(T(\d{2}:\d{2}(Z|[+-]\d{2}(:\d{2})?)?|MO|AF|EV|NI))?|` +
		`\d{2,3}|XXX?)$`)
	durationValue_ = regexp.MustCompile(`^P(T?(\d+|X)(Y|M|W|D|H|S|Q|E|C|L|WE))+((T?\d+(Y|M|W|D|H|S))*)$|^PT?(\d+|X)[YMWDHS](\d+[MDHS]|T\d+[HMS])*$`)
	setValueRe     = regexp.MustCompile(`^(P.*|XXXX(-.*)?)$`)
)

// wellFormed reports whether a time's value has a shape TimeML allows for
// its type.
func wellFormed(x doc.Time) bool {
	switch x.Type {
	case Date, TimeT:
		return dateValue.MatchString(x.Value)
	case Duration:
		return durationValue_.MatchString(x.Value)
	case Set:
		return setValueRe.MatchString(x.Value)
	}
	return false
}

func checkTimes(t *testing.T, d *doc.Document) {
	t.Helper()
	prev := 0
	for _, x := range d.Times {
		if !x.Valid(len(d.Text)) || x.Len() == 0 {
			t.Fatalf("span %v out of bounds for %d bytes", x.Span, len(d.Text))
		}
		if x.Start < prev {
			t.Fatalf("span %v overlaps or precedes the previous one ending at %d", x.Span, prev)
		}
		prev = x.End
		if !wellFormed(x) {
			t.Fatalf("ill-formed %s value %q for %q", x.Type, x.Value, d.Slice(x.Span))
		}
	}
}

func TestValuesWellFormed(t *testing.T) {
	tg := newTagger(t)
	d := &doc.Document{Published: friday, Text: "On Thursday, last week, in March, the 1990s, Q3 2025, " +
		"two hours, every Monday, 3 p.m., the past three years, now, the weekend, this summer, " +
		"a year and a half, weekly, the second half of 2025, 10 p.m. Wednesday."}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) < 15 {
		t.Errorf("found %d times: %s", len(d.Times), render(d))
	}
	checkTimes(t, d)
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The minister resigned on Thursday, Jan. 3, 2026.",
		"the past three years, every Monday at 3 p.m. GMT",
		"in the '80s and the 1990s, fiscal 2025, Q3",
		"February 30, 31 April 2025, 2025-02-29, 12/24/2025",
		"two and a half years, 2 1/2 years, half an hour",
		"\xff\xfeJan\x00. 3\xff",
		"May 5. May. may",
	} {
		f.Add(s, int64(1768554000))
		f.Add(s, int64(0))
	}
	tg, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(1<<40), 0).UTC()
		}
		d := &doc.Document{Text: text, Published: pub}
		if err := tg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkTimes(t, d)
	})
}

func FuzzNormalise(f *testing.F) {
	for _, s := range []string{"next week", "Thursday", "the 1990s", "3 p.m.", "February 30",
		"the fiscal first quarter", "a year and a half", "nineteen ninety-seven", "'80s", "Q4 2025"} {
		f.Add(s)
	}
	tg, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		typ, value, ok := tg.Normalise(expr, friday)
		if !ok {
			if typ != "" || value != "" {
				t.Fatalf("Normalise(%q) = %q, %q, false; want empty results", expr, typ, value)
			}
			return
		}
		if !wellFormed(doc.Time{Type: typ, Value: value}) {
			t.Fatalf("Normalise(%q) = %s %q: ill-formed", expr, typ, value)
		}
		// Normalising is deterministic.
		typ2, value2, ok2 := tg.Normalise(expr, friday)
		if typ2 != typ || value2 != value || !ok2 {
			t.Fatalf("Normalise(%q) changed: %s %s then %s %s", expr, typ, value, typ2, value2)
		}
	})
}

func TestHolidaysFile(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/hol.txt"
	if err := os.WriteFile(good, []byte("# mine\nUnity Day\t06-14\nHarvest Sunday\t2 sun 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tg, err := New(Config{HolidaysFile: good})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "Crowds gathered on Unity Day and will return on Harvest Sunday. Christmas is far.", Published: friday}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got, want := render(d), `"Unity Day" DATE 2025-06-14; "Harvest Sunday" DATE 2026-10-11`; got != want {
		t.Errorf("got %s; want %s", got, want)
	}
	for _, bad := range []string{"Unity Day 06-14\n", "Unity Day\t13-01\n", "Unity Day\t2 xyz 10\n", "Unity Day\teaster+x\n", "\t06-14\n"} {
		p := dir + "/bad.txt"
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := New(Config{HolidaysFile: p}); err == nil {
			t.Errorf("New(holidays %q) = nil error; want one", bad)
		}
	}
	if _, err := New(Config{HolidaysFile: dir + "/missing.txt"}); err == nil {
		t.Errorf("New(missing holidays file) = nil error; want one")
	}
}

func TestEaster(t *testing.T) {
	for _, tt := range []struct {
		year int
		want string
	}{{2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2000, "2000-04-23"}, {1998, "1998-04-12"}} {
		if got := fmtDay(easter(tt.year)); got != tt.want {
			t.Errorf("easter(%d) = %s; want %s", tt.year, got, tt.want)
		}
	}
}

func TestOddInput(t *testing.T) {
	tg := newTagger(t)
	long := strings.Repeat("x", 10000)
	numbers := strings.Repeat("12 ", 1000)
	words := strings.Repeat("the last next week of the year ago ", 300)
	junk := make([]byte, 100000)
	for i := range junk {
		junk[i] = byte(i*7919 + i/13)
	}
	for _, tt := range []struct{ name, text string }{
		{"long token", long + " on Monday " + long},
		{"long sentence of numbers", numbers + "in 1999"},
		{"repeated cues", words},
		{"binary junk", string(junk)},
		{"only spaces", strings.Repeat(" \n", 5000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Published: friday}
			start := time.Now()
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
			checkTimes(t, d)
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	tg := newTagger(t)
	text := "The minister resigned on Thursday; talks resume next week, at 3 p.m. on Jan. 20."
	want := ""
	{
		d := &doc.Document{Text: text, Published: friday}
		_ = tg.Process(context.Background(), d)
		want = render(d)
	}
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for k := 0; k < 50; k++ {
				d := &doc.Document{Text: text, Published: friday}
				_ = tg.Process(context.Background(), d)
				if got := render(d); got != want {
					errs <- got
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if got := <-errs; got != "" {
			t.Errorf("concurrent result %s; want %s", got, want)
		}
	}
}
