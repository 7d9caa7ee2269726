package kb

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/fileerr"
)

// Error is one malformed line: the file, its 1-based line number and what
// is wrong with it, formatted "kb: file:line: msg".
type Error = fileerr.Error

// ErrorList is a list of malformed lines, like go/scanner.ErrorList. Unlike
// fileerr.List it shows at most ten of them: a user's file can hold
// thousands.
type ErrorList []*Error

// Error joins the errors one per line, at most ten of them.
func (l ErrorList) Error() string {
	s := fileerr.List(l[:min(len(l), 10)]).Error()
	if len(l) > 10 {
		s += fmt.Sprintf("\n(and %d more errors)", len(l)-10)
	}
	return s
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// maxLine bounds the length of one line; longer lines are an error.
const maxLine = 1 << 16

type ref struct {
	code string
	pos  string
	file string
	line int
}

type builder struct {
	kb      *KB
	errs    ErrorList
	persons map[string]string // person name -> ID of the person it first named
	refs    []ref             // country codes to check once all files are read
}

func newBuilder() *builder {
	return &builder{
		kb: &KB{
			names:     map[string][]*Entry{},
			agents:    map[string]*Agent{},
			given:     map[string]string{},
			countries: map[string]*Country{},
			aliases:   map[string]string{},
		},
		persons: map[string]string{},
	}
}

func (b *builder) errorf(file string, line int, format string, args ...any) {
	b.errs = append(b.errs, &Error{Op: "kb", File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// check verifies that every country code an entry uses names a country.
func (b *builder) check() {
	for _, r := range b.refs {
		if _, ok := b.kb.countries[r.code]; !ok {
			b.errorf(r.file, r.line, "unknown country code %q in %s", r.code, r.pos)
		}
	}
}

// parse reads one file's content, recording errors with their positions.
func (b *builder) parse(file, content string) {
	line := 0
	for len(content) > 0 {
		line++
		var l string
		if i := strings.IndexByte(content, '\n'); i >= 0 {
			l, content = content[:i], content[i+1:]
		} else {
			l, content = content, ""
		}
		if len(l) > maxLine {
			b.errorf(file, line, "line longer than %d bytes", maxLine)
			continue
		}
		l = strings.TrimSpace(strings.TrimSuffix(l, "\r"))
		if l == "" || l[0] == '#' {
			continue
		}
		b.parseLine(file, line, l)
	}
}

// header is the part of a line before the colon: a kind, positional fields,
// bare flags and key=value attributes.
type header struct {
	kind   string
	fields []string
	flags  map[string]bool
	attrs  map[string]string
}

func (b *builder) parseLine(file string, line int, l string) {
	colon := strings.IndexByte(l, ':')
	if colon < 0 {
		b.errorf(file, line, "missing ':' between the header and the names")
		return
	}
	h := header{flags: map[string]bool{}, attrs: map[string]string{}}
	words := strings.Fields(l[:colon])
	if len(words) == 0 {
		b.errorf(file, line, "missing kind before ':'")
		return
	}
	h.kind = words[0]
	for _, w := range words[1:] {
		if k, v, ok := strings.Cut(w, "="); ok {
			if k == "" || v == "" {
				b.errorf(file, line, "malformed attribute %q", w)
				return
			}
			if _, dup := h.attrs[k]; dup {
				b.errorf(file, line, "attribute %q given twice", k)
				return
			}
			h.attrs[k] = v
		} else if isCode(w) || w == "-" {
			h.fields = append(h.fields, w)
		} else {
			h.flags[w] = true
		}
	}
	segs := strings.Split(l[colon+1:], "|")
	names, err := splitNames(segs[0])
	if err != "" {
		b.errorf(file, line, "%s", err)
		return
	}
	extra := map[string][]string{}
	for _, s := range segs[1:] {
		label, body, ok := strings.Cut(s, ":")
		label = strings.TrimSpace(label)
		if !ok || label == "" {
			b.errorf(file, line, "section %q needs a label, as in \"| adj: ...\"", strings.TrimSpace(s))
			return
		}
		if _, dup := extra[label]; dup {
			b.errorf(file, line, "section %q given twice", label)
			return
		}
		ns, err := splitNames(body)
		if err != "" {
			b.errorf(file, line, "section %q: %s", label, err)
			return
		}
		extra[label] = ns
	}
	pos := fmt.Sprintf("%s:%d", file, line)
	switch h.kind {
	case "country":
		b.country(file, line, pos, h, names, extra)
		return
	case "demonym", "capital", "seat", "org", "person", "agent", "given":
	default:
		b.errorf(file, line, "unknown kind %q (want country, demonym, capital, seat, org, person, agent or given)", h.kind)
		return
	}
	if len(extra) > 0 {
		b.errorf(file, line, "%s lines take no '|' sections", h.kind)
		return
	}
	switch h.kind {
	case "demonym", "capital":
		if !b.want(file, line, h, 1, nil, nil) {
			return
		}
		code := h.fields[0]
		if !isISO(code) {
			b.errorf(file, line, "%q is not an ISO 3166-1 alpha-3 code", code)
			return
		}
		b.refs = append(b.refs, ref{code, h.kind, file, line})
		k := KindDemonym
		if h.kind == "capital" {
			k = KindCapital
		}
		b.addNames(&Entry{Kind: k, ID: "country:" + code, Name: names[0], Names: names, Country: code, Source: pos})
	case "seat", "org", "person":
		allowed := []string{"from", "to"}
		if h.kind == "person" {
			allowed = append(allowed, "gender", "role")
		}
		if !b.want(file, line, h, 2, allowed, nil) {
			return
		}
		e := &Entry{Name: names[0], Names: names, Source: pos}
		country, sector := h.fields[0], h.fields[1]
		if country != "-" {
			if !isISO(country) {
				b.errorf(file, line, "%q is not an ISO 3166-1 alpha-3 code or \"-\"", country)
				return
			}
			e.Country = country
			b.refs = append(b.refs, ref{country, h.kind, file, line})
		} else if h.kind == "seat" {
			b.errorf(file, line, "a seat needs a country")
			return
		}
		if sector != "-" {
			if !isSector(sector) {
				b.errorf(file, line, "%q is not a sector code (2 to 4 capital letters)", sector)
				return
			}
			e.Sector = sector
		}
		if !b.dates(file, line, h, e) {
			return
		}
		switch h.kind {
		case "seat":
			e.Kind, e.ID = KindSeat, "seat:"+names[0]
		case "org":
			e.Kind, e.ID = KindOrg, "org:"+names[0]
		case "person":
			e.Kind = KindPerson
			if g := h.attrs["gender"]; g != "" {
				if g != "m" && g != "f" {
					b.errorf(file, line, "gender must be m or f, not %q", g)
					return
				}
				e.Gender = g
			}
			e.Role = h.attrs["role"]
			e.ID = "person:" + names[0]
			for _, n := range names {
				if id, ok := b.persons[n]; ok {
					e.ID = id
					break
				}
			}
			for _, n := range names {
				if _, ok := b.persons[n]; !ok {
					b.persons[n] = e.ID
				}
			}
		}
		b.addNames(e)
	case "agent":
		if !b.want(file, line, h, 1, []string{"gender"}, []string{"weak", "group", "title", "plural"}) {
			return
		}
		sector := h.fields[0]
		if sector == "-" {
			sector = ""
		} else if !isSector(sector) {
			b.errorf(file, line, "%q is not a sector code (2 to 4 capital letters) or \"-\"", sector)
			return
		}
		g := h.attrs["gender"]
		if g != "" && g != "m" && g != "f" {
			b.errorf(file, line, "gender must be m or f, not %q", g)
			return
		}
		for _, n := range names {
			a := &Agent{Sector: sector, Weak: h.flags["weak"], Group: h.flags["group"], Title: h.flags["title"], Gender: g, Source: pos}
			b.addAgent(n, a, h.flags["plural"])
		}
	case "given":
		if !b.want(file, line, h, 0, nil, []string{"m", "f"}) {
			return
		}
		g := ""
		switch {
		case h.flags["m"] && h.flags["f"]:
			b.errorf(file, line, "a given-name line is m or f, not both")
			return
		case h.flags["m"]:
			g = "m"
		case h.flags["f"]:
			g = "f"
		default:
			b.errorf(file, line, "a given-name line needs m or f")
			return
		}
		for _, n := range names {
			if old, ok := b.kb.given[n]; ok && old != g {
				b.kb.given[n] = "" // given to both genders
				continue
			}
			b.kb.given[n] = g
		}
	}
}

// want checks the number of positional fields and that only the allowed
// attributes and flags are present.
func (b *builder) want(file string, line int, h header, nfields int, attrs, flags []string) bool {
	if len(h.fields) != nfields {
		b.errorf(file, line, "%s takes %d code field(s) before ':', got %d", h.kind, nfields, len(h.fields))
		return false
	}
	for k := range h.attrs {
		if !contains(attrs, k) {
			b.errorf(file, line, "%s takes no attribute %q", h.kind, k)
			return false
		}
	}
	for k := range h.flags {
		if !contains(flags, k) {
			b.errorf(file, line, "%s: unexpected word %q", h.kind, k)
			return false
		}
	}
	return true
}

func (b *builder) country(file string, line int, pos string, h header, names []string, extra map[string][]string) {
	if !b.want(file, line, h, 1, []string{"cameo", "from", "to"}, nil) {
		return
	}
	var span Entry
	if !b.dates(file, line, h, &span) {
		return
	}
	code := h.fields[0]
	if !isISO(code) {
		b.errorf(file, line, "%q is not an ISO 3166-1 alpha-3 code", code)
		return
	}
	for label := range extra {
		if label != "adj" && label != "capital" {
			b.errorf(file, line, "unknown section %q (want adj or capital)", label)
			return
		}
	}
	c := b.kb.countries[code]
	if c == nil {
		c = &Country{Code: code, Name: names[0]}
		b.kb.countries[code] = c
	}
	if al := h.attrs["cameo"]; al != "" {
		if !isISO(al) {
			b.errorf(file, line, "cameo code %q is not three capital letters", al)
			return
		}
		c.CAMEO = al
		b.kb.aliases[al] = code
	}
	c.Names = append(c.Names, names...)
	c.Demonyms = append(c.Demonyms, extra["adj"]...)
	c.Capitals = append(c.Capitals, extra["capital"]...)
	id := "country:" + code
	b.addNames(&Entry{Kind: KindCountry, ID: id, Name: c.Name, Names: names, Country: code, Source: pos, From: span.From, To: span.To})
	if ns := extra["adj"]; len(ns) > 0 {
		b.addNames(&Entry{Kind: KindDemonym, ID: id, Name: ns[0], Names: ns, Country: code, Source: pos, From: span.From, To: span.To})
	}
	if ns := extra["capital"]; len(ns) > 0 {
		b.addNames(&Entry{Kind: KindCapital, ID: id, Name: ns[0], Names: ns, Country: code, Source: pos, From: span.From, To: span.To})
	}
}

// addNames indexes e under each of its names, once per name.
func (b *builder) addNames(e *Entry) {
	b.kb.entries++
	for _, n := range e.Names {
		k := Key(n)
		dup := false
		for _, old := range b.kb.names[k] {
			if old == e {
				dup = true
			}
		}
		if !dup {
			b.kb.names[k] = append(b.kb.names[k], e)
		}
		b.kb.maxWords = max(b.kb.maxWords, wordCount(k))
	}
}

// addAgent indexes an agent phrase and, unless it already looks plural, its
// regular plural. Later definitions replace earlier ones.
func (b *builder) addAgent(phrase string, a *Agent, plural bool) {
	key := strings.ToLower(Key(phrase))
	a.Phrase = key
	// A title's form says nothing of number: "Ms", "Mrs" are singular.
	a.Plural = plural || !a.Title && looksPlural(key)
	b.kb.agents[key] = a
	b.kb.maxAgent = max(b.kb.maxAgent, wordCount(key))
	if a.Plural || a.Title {
		return
	}
	p := *a
	p.Phrase = pluralize(key)
	p.Plural = true
	if old, ok := b.kb.agents[p.Phrase]; ok && old.Source != a.Source && !old.Plural {
		return // a singular noun of its own ("troops" vs "troop")
	}
	b.kb.agents[p.Phrase] = &p
	b.kb.maxAgent = max(b.kb.maxAgent, wordCount(p.Phrase))
}

// looksPlural reports whether an agent phrase is already plural.
func looksPlural(s string) bool {
	last := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		last = s[i+1:]
	}
	switch last {
	case "police", "media", "clergy", "people", "children", "mujahideen", "mujahedeen", "thieves", "mps":
		return true
	}
	if strings.HasSuffix(last, "men") {
		return true
	}
	return strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "us") && !strings.HasSuffix(last, "is")
}

// pluralize returns the regular English plural of an agent phrase, changing
// only its last word.
func pluralize(s string) string {
	switch {
	case strings.HasSuffix(s, "man"):
		return s[:len(s)-3] + "men"
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "sh"), strings.HasSuffix(s, "ch"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "z"), strings.HasSuffix(s, "us"):
		return s + "es"
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

// splitNames splits "a; b; c" into trimmed, non-empty names, or returns a
// message when there are none or one is empty.
func splitNames(s string) ([]string, string) {
	parts := strings.Split(s, ";")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = Key(p)
		if p == "" {
			if len(parts) == 1 {
				return nil, "no names after ':'"
			}
			return nil, "empty name between ';'"
		}
		out = append(out, p)
	}
	return out, ""
}

// dates reads the from= and to= attributes into e.
func (b *builder) dates(file string, line int, h header, e *Entry) bool {
	if s := h.attrs["from"]; s != "" {
		t, _, err := parseDate(s)
		if err != nil {
			b.errorf(file, line, "from: %v", err)
			return false
		}
		e.From = t
	}
	if s := h.attrs["to"]; s != "" {
		_, next, err := parseDate(s)
		if err != nil {
			b.errorf(file, line, "to: %v", err)
			return false
		}
		e.To = next
	}
	if !e.From.IsZero() && !e.To.IsZero() && !e.From.Before(e.To) {
		b.errorf(file, line, "from is not before to")
		return false
	}
	return true
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD, returning the start of that
// period and the start of the next one.
func parseDate(s string) (start, next time.Time, err error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return start, next, fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := []int{0, 1, 1}
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return start, next, fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, _ := strconv.Atoi(p)
		nums[i] = n
	}
	if nums[1] < 1 || nums[1] > 12 || nums[2] < 1 || nums[2] > 31 {
		return start, next, fmt.Errorf("%q is not a valid date", s)
	}
	start = time.Date(nums[0], time.Month(nums[1]), nums[2], 0, 0, 0, 0, time.UTC)
	if start.Day() != nums[2] {
		return start, next, fmt.Errorf("%q is not a valid date", s)
	}
	switch len(parts) {
	case 1:
		next = start.AddDate(1, 0, 0)
	case 2:
		next = start.AddDate(0, 1, 0)
	default:
		next = start.AddDate(0, 0, 1)
	}
	return start, next, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isCode reports whether w is written like a code field: 2 to 4 capital
// ASCII letters.
func isCode(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isISO(w string) bool    { return len(w) == 3 && isCode(w) }
func isSector(w string) bool { return isCode(w) }
