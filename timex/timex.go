// Package timex finds time expressions in news text and normalises them
// the way TimeML's TIMEX3 does (DATE, TIME, DURATION, SET), relative to
// the document's publication date and the tense of the clause; it also
// dates events from the expressions around them (EventDate).
//
// Recognition is a hand-written grammar over a fast byte scanner: no
// regular expressions, one map lookup per word, and the grammar only runs
// at words that can start a time expression. Values follow TimeBank's
// conventions: "Thursday" in a past-tense report published on Friday
// 2026-01-16 is 2026-01-15, "last week" is 2026-W02, "the third quarter"
// is 2026-Q3, "the 1990s" is 199, "the past three years" is the duration
// P3Y, "now" is PRESENT_REF, "every Monday" is the set XXXX-WXX-1.
// Without a publication date, relative expressions keep X placeholders
// ("XXXX-WXX-4") instead of invented digits.
package timex

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"sitrep/doc"
	"sitrep/pipeline"
)

// StageName is the name of the times stage.
const StageName = "times"

// Config configures a Tagger. The zero value is ready to use.
type Config struct {
	// MaxTextBytes bounds the text tagged per document; longer texts are
	// tagged up to that length and a problem is recorded. Zero means 16 MiB.
	MaxTextBytes int
	// TimeZones appends a time's zone to its value as an ISO 8601 offset
	// ("15:30 GMT" is ...T15:30Z, "10 a.m. EST" ...T10:00-05). TimeBank
	// drops zones from values, so the default does too; the zone's word
	// is inside the expression's span either way.
	TimeZones bool
	// HolidaysFile names a file that replaces the embedded list of
	// holidays (data/holidays.txt shows the format); "" keeps the list.
	HolidaysFile string
}

// Tagger recognises and normalises time expressions. It is safe for
// concurrent use.
type Tagger struct {
	cfg  Config
	lx   lexicon
	hols []holiday
	pool sync.Pool
}

var _ pipeline.Stage = (*Tagger)(nil)

// New returns a Tagger configured by cfg. It returns an error for an
// invalid configuration (a negative MaxTextBytes) and for a holidays file
// that cannot be read or parsed.
func New(cfg Config) (*Tagger, error) {
	if cfg.MaxTextBytes < 0 {
		return nil, errConfig
	}
	if cfg.MaxTextBytes == 0 {
		cfg.MaxTextBytes = 16 << 20
	}
	src := defaultHolidays
	if cfg.HolidaysFile != "" {
		b, err := os.ReadFile(cfg.HolidaysFile)
		if err != nil {
			return nil, fmt.Errorf("timex: holidays: %w", err)
		}
		src = string(b)
	}
	lx := newLexicon()
	hols, err := parseHolidays(src, lx)
	if err != nil {
		return nil, err
	}
	for k, h := range hols {
		e := lx[h.words[0]]
		if e == nil {
			e = &entry{num: -1}
			lx[h.words[0]] = e
		}
		e.hols = append(e.hols, k)
		e.start = true
	}
	t := &Tagger{cfg: cfg, lx: lx, hols: hols}
	t.pool.New = func() any { return &parser{} }
	return t, nil
}

// Name returns "times".
func (t *Tagger) Name() string { return StageName }

// Process fills d.Times with the time expressions of d.Text, anchored on
// d.Published. When d.Published is zero (unknown), relative expressions
// get values with X placeholders and a problem says so once; impossible
// dates ("February 30") are recorded as problems and not emitted. It uses
// d.Sentences and the tokens' Penn tags to judge tense when a segmenter
// and tagger have filled them, and works on the text alone otherwise.
// Empty text yields no times. The only error is the context's.
func (t *Tagger) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Times = t.tag(d, d.Times[:0])
	return nil
}

// Tag returns the time expressions of d.Text without modifying d, except
// for problems it records on d.Problems; see Process.
func (t *Tagger) Tag(d *doc.Document) []doc.Time { return t.tag(d, nil) }

func (t *Tagger) tag(d *doc.Document, out []doc.Time) []doc.Time {
	text := d.Text
	if len(text) > t.cfg.MaxTextBytes {
		d.Problems.Add(StageName, doc.Span{Start: t.cfg.MaxTextBytes, End: len(text)},
			"text longer than %d bytes: the rest is not tagged", t.cfg.MaxTextBytes)
		text = text[:t.cfg.MaxTextBytes]
	}
	p := t.pool.Get().(*parser)
	defer func() {
		p.text, p.tagged = "", nil
		if cap(p.toks) > 1<<18 {
			p.toks, p.sent = nil, nil
		}
		t.pool.Put(p)
	}()
	p.reset(text, t.lx, d)
	p.hols = t.hols
	if !p.anc.ok {
		if !d.Published.IsZero() {
			d.Problems.Add(StageName, doc.Span{}, "publication date %s out of range: relative times left unanchored", d.Published.Format("2006-01-02"))
		} else if len(text) > 0 {
			d.Problems.Add(StageName, doc.Span{}, "publication date unknown: relative times left unanchored")
		}
	}
	first := len(out)
	for i := 0; i < len(p.toks); {
		if !p.canStart(i) {
			i++
			continue
		}
		c, ok := p.matchAt(i)
		if !ok {
			i++
			continue
		}
		span := doc.Span{Start: int(p.toks[c.start].start), End: int(p.toks[c.end-1].end)}
		if c.bad != "" {
			d.Problems.Add(StageName, span, "%s", c.bad)
			i = c.end
			continue
		}
		if c.tod != "" {
			c.val = p.dayFor(c.start, out[first:]) + c.tod
		}
		if t.cfg.TimeZones && c.zone != "" && c.typ == TimeT && strings.Contains(c.val, ":") {
			c.val += c.zone
		}
		p.remember(c)
		out = append(out, doc.Time{Span: span, Type: c.typ, Value: c.val})
		i = c.end
	}
	return out
}

// canStart reports cheaply whether a time expression may start at token i.
func (p *parser) canStart(i int) bool {
	t := &p.toks[i]
	switch t.kind {
	case kNum:
		return true
	case kWord:
		if t.e == nil {
			return t.upper && (p.text[t.start]|0x20 == 'q' || p.text[t.start]|0x20 == 'f')
		}
		if !t.e.start {
			return false
		}
		if t.e.w == wThe || t.e.w == wA || t.e.w == wAn {
			// "the" and "a" start an expression only before a word the
			// grammar knows, a number or an apostrophe ("the '80s").
			if i+1 >= len(p.toks) {
				return false
			}
			n := &p.toks[i+1]
			return n.e != nil || n.kind == kNum || n.kind == kPunct && (n.ch == '\'' || n.ch == 0)
		}
		return true
	case kPunct:
		return t.ch == '\'' || t.end-t.start == 3 && p.text[t.start:t.end] == "\u2019"
	}
	return false
}

// remember updates the references later expressions resolve against.
func (p *parser) remember(c cand) {
	if c.noRef {
		return
	}
	v := c.val
	if len(v) >= 4 && isDigits(v[:4]) && (len(v) == 4 || v[4] == '-') {
		if c.typ == Date || c.typ == TimeT {
			if y := atoi4(v); y > 0 {
				p.refYear = y
			}
		}
		if len(v) == 7 && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4' {
			p.refQuarter = v
		}
	}
}

func atoi4(s string) int {
	n := 0
	for i := 0; i < 4; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// dayFor finds the day of a time of day at token i: the nearest
// expression with a calendar day in the same sentence, else the anchor.
func (p *parser) dayFor(i int, found []doc.Time) string {
	s := p.sent[i]
	lo := int(p.toks[p.sentTok[s]].start)
	for k := len(found) - 1; k >= 0; k-- {
		if found[k].Start < lo {
			break
		}
		if day := dayOf(found[k].Value); day != "" {
			return day
		}
	}
	// a day later in the same sentence
	for j := i + 1; j < len(p.toks) && p.sent[j] == s && j < i+12; j++ {
		if !p.canStart(j) {
			continue
		}
		if c, ok := p.core(j); ok && c.typ == Date {
			if day := dayOf(c.val); day != "" {
				return day
			}
		}
	}
	return p.anc.dayShift(0)
}

// reset prepares p for the text of d.
func (p *parser) reset(text string, lx lexicon, d *doc.Document) {
	p.text = text
	p.toks = scan(text, lx, p.toks[:0])
	p.anc = newAnchor(d.Published)
	p.refYear, p.refQuarter = 0, ""
	p.tagged = nil
	p.segment(d)
	if len(d.Tokens) > 0 {
		toks := d.Tokens
		hasTags := false
		for k := range toks {
			if toks[k].XPOS != "" {
				hasTags = true
				break
			}
		}
		if hasTags {
			p.tagged = func(start, end int) string {
				k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= start })
				if k < len(toks) && toks[k].Start == start && toks[k].End == end {
					return toks[k].XPOS
				}
				return ""
			}
		}
	}
}

// segment assigns each token a sentence: from d.Sentences when a
// segmenter filled them, else by punctuation and blank lines.
func (p *parser) segment(d *doc.Document) {
	n := len(p.toks)
	if cap(p.sent) < n {
		p.sent = make([]int32, n)
	}
	p.sent = p.sent[:n]
	p.sentTok = p.sentTok[:0]
	if len(d.Sentences) > 0 {
		s := 0
		for i := range p.toks {
			for s < len(d.Sentences)-1 && int(p.toks[i].start) >= d.Sentences[s].End {
				s++
			}
			p.sent[i] = int32(s)
		}
		// sentTok: first token of each sentence number (dense up to max)
		last := int32(-1)
		for i := range p.toks {
			for last < p.sent[i] {
				p.sentTok = append(p.sentTok, int32(i))
				last++
			}
		}
		return
	}
	cur := int32(0)
	if n > 0 {
		p.sentTok = append(p.sentTok, 0)
	}
	for i := 0; i < n; i++ {
		if i > 0 && p.boundary(i) {
			cur++
			p.sentTok = append(p.sentTok, int32(i))
		}
		p.sent[i] = cur
	}
}

// boundary reports whether a sentence starts at token i.
func (p *parser) boundary(i int) bool {
	t := &p.toks[i]
	prev := &p.toks[i-1]
	if t.space {
		nl := 0
		for k := prev.end; k < t.start; k++ {
			if p.text[k] == '\n' {
				nl++
			}
		}
		if nl >= 2 {
			return true
		}
	}
	if !t.space || prev.kind != kPunct {
		return false
	}
	switch prev.ch {
	case '!', '?':
		return true
	case '.':
	default:
		if (prev.ch == '"' || prev.ch == '\'') && i >= 2 && p.punct(i-2, '.') {
			return t.upper
		}
		return false
	}
	if !(t.upper || t.kind == kPunct && (t.ch == '"' || t.ch == '`' || t.ch == '\'')) {
		return false
	}
	// an abbreviation before the period: "Mr.", "Jan.", "U.S."
	if i >= 2 {
		w := &p.toks[i-2]
		if w.kind == kWord && w.end == prev.start {
			l := w.end - w.start
			if l == 1 {
				return false
			}
			if w.e != nil && (w.e.abbr || w.e.month > 0 && l <= 4) {
				return false
			}
			switch p.lower(i - 2) {
			case "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
				"sgt", "capt", "corp", "inc", "co", "ltd", "prof", "no", "vs", "mt", "ft", "rev", "adm", "maj":
				return false
			}
		}
	}
	return true
}

// tense judges the tense of the clause around tokens [i, end): that of
// the nearest cue word in the same sentence (a Penn tag when the tokens
// carry one), or none.
func (p *parser) tense(i, end int) int {
	if len(p.toks) == 0 || i >= len(p.toks) {
		return tenseNone
	}
	s := p.sent[i]
	lo := int(p.sentTok[s])
	hi := len(p.toks)
	if int(s)+1 < len(p.sentTok) {
		hi = int(p.sentTok[s+1])
	}
	// A cue before the expression counts at its distance, one after it at
	// twice its distance: the verb an adverbial belongs to mostly precedes it.
	for k := 1; k <= 40; k++ {
		l, r := i-k, end-1+k/2
		if l < lo && r >= hi {
			break
		}
		if l >= lo {
			if c := p.cue(l); c != 0 {
				return c
			}
		}
		if k%2 == 0 && r < hi {
			if c := p.cue(r); c != 0 {
				return c
			}
		}
	}
	return tenseNone
}

// cue returns the tense token i signals: tensePast, tenseFuture,
// tensePresent, or 0 for none. A participle takes the tense of the
// auxiliary before it: "will be paid" is future, "had been due" past.
func (p *parser) cue(i int) int {
	c := p.cue1(i)
	if c == tensePast || c == tenseFuture {
		for k := i - 1; k >= i-2 && k >= 0; k-- {
			t := &p.toks[k]
			if t.kind != kWord {
				break
			}
			switch p.lower(k) {
			case "be", "being":
				continue
			case "will", "would", "shall", "ll", "to":
				if c == tensePast {
					return tenseFuture
				}
			case "was", "were", "had", "been", "did":
				return tensePast
			case "is", "are", "am", "has", "have":
				if c == tenseFuture {
					return tensePresent
				}
				return tensePast
			}
			break
		}
	}
	return c
}

func (p *parser) cue1(i int) int {
	t := &p.toks[i]
	if t.kind != kWord {
		return 0
	}
	if p.tagged != nil {
		switch p.tagged(int(t.start), int(t.end)) {
		case "VBD":
			return tensePast
		case "VBZ", "VBP":
			if t.e != nil && t.e.tense == tensePast {
				return tensePast // "has", "have": the present perfect
			}
			return tensePresent
		case "MD":
			if t.e != nil && t.e.tense == tenseFuture {
				return tenseFuture
			}
			return 0
		case "":
		default:
			if t.e == nil {
				return 0
			}
		}
	}
	if t.e != nil {
		if t.e.month > 0 && t.upper {
			return 0
		}
		if t.e.tense != 0 {
			if t.e.tense == tenseFuture && !p.tk(i).upper {
				switch p.lower(i) {
				case "plan", "plans", "hope", "hopes", "aims", "intend", "intends", "expect", "expects", "going":
					if !p.is(i+1, "to") {
						return 0
					}
				}
			}
			if t.e.tense == tensePast && p.is(i, "won") && p.punct(i+1, '\'') && p.is(i+2, "t") {
				return tenseFuture
			}
			return int(t.e.tense)
		}
		return 0
	}
	// regular past: lower-case words in -ed
	l := t.end - t.start
	if l >= 4 && !t.upper && p.text[t.end-2] == 'e' && p.text[t.end-1] == 'd' && p.text[t.end-3] != 'e' {
		switch p.text[t.start:t.end] {
		case "need", "hundred", "indeed", "united", "limited", "based", "related", "bed", "red", "shed":
			return 0
		}
		// an adjective after a determiner: "a still unspecified date"
		for k := i - 1; k >= i-2 && k >= 0; k-- {
			switch p.w(k) {
			case wA, wAn, wThe, wThis, wThat, wIts, wThese:
				return 0
			}
			if !p.is(k, "still") && !p.is(k, "very") && !p.is(k, "newly") {
				break
			}
		}
		return tensePast
	}
	return 0
}

// Normalise reads expr as a single time expression in a text published at
// published (zero when unknown) and returns its TIMEX3 type and value. ok
// is false when expr, without surrounding space and a final period, is
// not exactly one time expression (including the empty string and
// impossible dates).
func (t *Tagger) Normalise(expr string, published time.Time) (typ, value string, ok bool) {
	s := strings.TrimSpace(expr)
	d := &doc.Document{Text: s, Published: published}
	times := t.tag(d, nil)
	if len(times) != 1 {
		return "", "", false
	}
	x := times[0]
	if x.Start != 0 || (x.End != len(s) && !(x.End == len(s)-1 && s[len(s)-1] == '.')) {
		return "", "", false
	}
	return x.Type, x.Value, true
}
