// Package doc holds sitrep's document model: an article's text and every
// layer of annotation that the pipeline stages add to it.
//
// Every annotation carries a Span of byte offsets into Document.Text, so
// nothing is recorded that cannot be traced back to the text. Text is kept
// exactly as it arrived, invalid UTF-8 included: stages decode it with
// utf8.DecodeRuneInString, which reads an invalid byte as one U+FFFD of width
// one, so offsets stay true to the original bytes.
package doc

import (
	"fmt"
	"strings"
	"time"
)

// Span is a half-open range [Start, End) of byte offsets into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of s in bytes; it is zero for an empty span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Valid reports whether s is a well-formed span within a text of n bytes.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// String formats s as "start:end".
func (s Span) String() string { return fmt.Sprintf("%d:%d", s.Start, s.End) }

// Document is one article and its layers of annotation. Stages fill the
// layers in pipeline order; a layer no stage has filled is empty, never
// invented.
type Document struct {
	ID        string
	URL       string
	Source    string // the outlet, when known
	Title     string
	Published time.Time // zero when the publication date is unknown
	Language  string    // BCP 47 tag, "en" by default
	Text      string

	Sentences []Sentence
	Tokens    []Token
	Entities  []Entity
	Times     []Time
	Quotes    []Quote
	Events    []Event

	Problems Problems
}

// Slice returns the text under s, or "" when s does not lie within the text.
func (d *Document) Slice(s Span) string {
	if !s.Valid(len(d.Text)) {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// Problem records a recoverable per-document difficulty met by a stage: a
// sentence too long to parse, a date that cannot be read. Span is the part
// of the text it concerns, or the zero Span for the whole document.
type Problem struct {
	Stage string `json:"stage"`
	Span  Span   `json:"span"`
	Msg   string `json:"msg"`
}

// Error formats p as "stage: start:end: msg".
func (p Problem) Error() string {
	return fmt.Sprintf("%s: %s: %s", p.Stage, p.Span, p.Msg)
}

// Problems is a list of per-document problems, like go/scanner.ErrorList.
type Problems []Problem

// Add appends a problem for stage at span with a formatted message.
func (ps *Problems) Add(stage string, span Span, format string, args ...any) {
	*ps = append(*ps, Problem{Stage: stage, Span: span, Msg: fmt.Sprintf(format, args...)})
}

// Error joins the problems one per line; it is "" for an empty list.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Err returns ps as an error, or nil when the list is empty.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
