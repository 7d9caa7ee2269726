// Package quote finds who said what: direct quotations and reported
// speech, each with its content, its cue and its speaker, so that events
// stated inside attributed content can carry their source.
package quote

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/pipeline"
)

// Stage is the name of this stage in problems and logs.
const Stage = "quotes"

// Config configures the extractor. The zero value is ready to use.
type Config struct {
	// MaxQuotes bounds the quotations kept per document; 0 means 2,000.
	MaxQuotes int
}

// Extractor is the quotes stage.
type Extractor struct {
	maxQuotes int
}

var _ pipeline.Stage = (*Extractor)(nil)

// New returns an extractor configured by cfg. It never fails today; the
// error is there for configurations that load files.
func New(cfg Config) (*Extractor, error) {
	x := &Extractor{maxQuotes: cfg.MaxQuotes}
	if x.maxQuotes <= 0 {
		x.maxQuotes = 2000
	}
	return x, nil
}

// Name returns "quotes".
func (x *Extractor) Name() string { return Stage }

// Process fills d.Quotes from d.Text, d.Sentences, d.Tokens (with their
// tags and dependencies when the syntax stages have run) and d.Entities.
// A document without sentences gets no quotes; unbalanced quotation marks
// are recorded as problems. It returns an error only when ctx is done.
func (x *Extractor) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Sentences) == 0 {
		return nil
	}
	a := newAnalysis(d)
	regions := a.directRegions()
	a.regions = regions

	var quotes []doc.Quote
	for si := range d.Sentences {
		if si%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		quotes = append(quotes, a.reported(si)...)
	}
	quotes = a.attachDirect(quotes)
	sort.SliceStable(quotes, func(i, j int) bool {
		if quotes[i].Start != quotes[j].Start {
			return quotes[i].Start < quotes[j].Start
		}
		return quotes[i].End > quotes[j].End
	})
	if len(quotes) > x.maxQuotes {
		d.Problems.Add(Stage, doc.Span{}, "%d quotations found; kept the first %d", len(quotes), x.maxQuotes)
		quotes = quotes[:x.maxQuotes]
	}
	d.Quotes = quotes
	return nil
}

// analysis holds per-document indexes.
type analysis struct {
	d        *doc.Document
	parsed   bool
	lower    []string // lower-case token texts
	children [][]int  // dependents of each token, when parsed
	sentOf   []int    // sentence index of each token
	regions  []region
	entityAt map[int]int // token index -> entity index of a mention covering it
}

func newAnalysis(d *doc.Document) *analysis {
	a := &analysis{d: d, lower: make([]string, len(d.Tokens)), sentOf: make([]int, len(d.Tokens))}
	for i, t := range d.Tokens {
		a.lower[i] = strings.ToLower(d.Slice(t.Span))
		if t.Deprel != "" {
			a.parsed = true
		}
	}
	for si, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken && i < len(d.Tokens); i++ {
			a.sentOf[i] = si
		}
	}
	if a.parsed {
		a.children = make([][]int, len(d.Tokens))
		for i, t := range d.Tokens {
			if t.Head >= 0 && t.Head < len(d.Tokens) && t.Head != i {
				a.children[t.Head] = append(a.children[t.Head], i)
			}
		}
	}
	a.entityAt = map[int]int{}
	for ei, e := range d.Entities {
		for _, m := range e.Mentions {
			lo := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > m.Start })
			for i := lo; i < len(d.Tokens) && d.Tokens[i].Start < m.End; i++ {
				if _, ok := a.entityAt[i]; !ok || e.Type == doc.Person {
					a.entityAt[i] = ei
				}
			}
		}
	}
	return a
}

// region is one direct quotation: the content between its marks.
type region struct {
	content doc.Span
	open    doc.Span // the opening mark
	closed  bool
}

// directRegions pairs quotation marks. Curly marks pair by direction;
// straight double quotes alternate; a quotation closes only with its own
// kind of mark, so other marks inside it are nested. A quotation left open at a paragraph
// break continues when the next paragraph opens with a quotation mark (the
// newspaper convention for quotes spanning paragraphs) and is otherwise
// closed there with a recorded problem.
func (a *analysis) directRegions() []region {
	text := a.d.Text
	var out []region
	openAt := -1
	var openMark doc.Span
	var closer rune // the mark that closes the open quotation
	closeAt := func(end int, closed bool) {
		start := openMark.End
		if end > start {
			out = append(out, region{content: doc.Span{Start: start, End: end}, open: openMark, closed: closed})
		}
		if !closed {
			a.d.Problems.Add(Stage, openMark, "quotation mark never closed before the paragraph ends")
		}
		openAt = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && paragraphBreak(text, i):
			if openAt >= 0 {
				next := nextVisible(text, i)
				if next < len(text) && isOpenMark(text, next) {
					// Continues in the next paragraph: keep it open, skip the
					// repeated opening mark.
					_, sz := utf8.DecodeRuneInString(text[next:])
					i = next + sz
					continue
				}
				closeAt(trimRightSpace(text, openMark.End, i), false)
			}
		case r == '“' || r == '„':
			if openAt < 0 {
				openAt, openMark, closer = i, doc.Span{Start: i, End: i + size}, '”'
			}
		case r == '”':
			if openAt >= 0 && closer == '”' {
				closeAt(i, true)
			}
		case r == '\'' && i+1 < len(text) && text[i+1] == '\'':
			// Two apostrophes stand for a double quotation mark in some
			// newsroom text (''like this'').
			if openAt < 0 {
				if i+2 < len(text) && !unicode.IsSpace(rune(text[i+2])) {
					openAt, openMark, closer = i, doc.Span{Start: i, End: i + 2}, '\''
				}
			} else if closer == '\'' {
				closeAt(i, true)
			}
			size = 2
		case r == '"':
			if openAt < 0 {
				if i+size < len(text) && !unicode.IsSpace(rune(text[i+size])) {
					openAt, openMark, closer = i, doc.Span{Start: i, End: i + size}, '"'
				}
			} else if closer == '"' {
				closeAt(i, true)
			}
		}
		i += size
	}
	if openAt >= 0 {
		closeAt(trimRightSpace(text, openMark.End, len(text)), false)
	}
	return out
}

// paragraphBreak reports whether the newline at i ends a paragraph: it is
// followed by a blank line, or the next line starts with a quotation mark
// or indentation after a line that ends a sentence.
func paragraphBreak(text string, i int) bool {
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j < len(text) && text[j] == '\n' {
		return true
	}
	// A single newline after sentence-final punctuation also separates
	// paragraphs in text that writes one paragraph per line.
	k := i - 1
	for k >= 0 && (text[k] == ' ' || text[k] == '\r') {
		k--
	}
	if k >= 0 && strings.ContainsRune(".!?:\"”", rune(text[k])) {
		return true
	}
	if k >= 2 && text[k-2:k+1] == "”" {
		return true
	}
	return false
}

func nextVisible(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

func isOpenMark(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == '“' || r == '"' || r == '„' || strings.HasPrefix(text[i:], "''")
}

func trimRightSpace(text string, lo, hi int) int {
	for hi > lo && (text[hi-1] == ' ' || text[hi-1] == '\n' || text[hi-1] == '\r' || text[hi-1] == '\t') {
		hi--
	}
	return hi
}

// inRegion returns the direct quotation containing byte offset off, or -1.
func (a *analysis) inRegion(off int) int {
	i := sort.Search(len(a.regions), func(i int) bool { return a.regions[i].content.End > off })
	if i < len(a.regions) && a.regions[i].content.Start <= off {
		return i
	}
	return -1
}
