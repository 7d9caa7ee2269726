// Package contract is the JSON form of an analysed article that
// `sitrep extract` prints: the field names documented in DESIGN.md, which
// outside evaluations read. Fields may be added; none may be renamed or
// dropped.
package contract

import (
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/doc"
)

// Output is one article as extract prints it.
type Output struct {
	Document  Document   `json:"document"`
	Sentences []Sentence `json:"sentences"`
	Tokens    []Token    `json:"tokens,omitempty"` // only with --layers tokens
	Entities  []Entity   `json:"entities"`
	Times     []Time     `json:"times"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	Problems  []Problem  `json:"problems"`
}

// Document describes the article itself.
type Document struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"` // YYYY-MM-DD, or "" when unknown
	Source    string `json:"source,omitempty"`
	Language  string `json:"language,omitempty"`
	Bytes     int    `json:"bytes"` // length of the text that offsets index
}

// Span is a byte range into the article text with the text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Sentence is one sentence's byte range.
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Token is one token with its syntax, when the syntax layer has run.
type Token struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Lemma  string `json:"lemma,omitempty"`
	UPOS   string `json:"upos,omitempty"`
	XPOS   string `json:"xpos,omitempty"`
	Head   int    `json:"head"` // token index of the head, -1 for root or unparsed
	Deprel string `json:"deprel,omitempty"`
}

// Entity is a named thing with all its mentions.
type Entity struct {
	ID       string     `json:"id"`
	Type     string     `json:"type"`
	Name     string     `json:"name"`
	Mentions []Mention  `json:"mentions"`
	Actor    *doc.Actor `json:"actor,omitempty"`
	Place    *doc.Place `json:"place,omitempty"`
}

// Mention is one reference to an entity.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind,omitempty"`
}

// Time is a TIMEX3 expression.
type Time struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Quote is a statement with its cue and speaker.
type Quote struct {
	Start       int       `json:"start"`
	End         int       `json:"end"`
	Text        string    `json:"text"`
	Cue         Span      `json:"cue"`
	Speaker     *string   `json:"speaker"`
	SpeakerSpan *doc.Span `json:"speaker_span"`
	SpeakerText string    `json:"speaker_text"`
	Anonymous   bool      `json:"anonymous"`
	Direct      bool      `json:"direct"`
	Partial     bool      `json:"partial,omitempty"` // a fragment quoted inside a larger attributed statement
	// SpeakerActor is the speaker's affiliation as stated, for anonymous
	// sources above all ("a U.S. official": USA GOV).
	SpeakerActor *doc.Actor `json:"speaker_actor,omitempty"`
	Via          *Span      `json:"via,omitempty"` // medium or outlet: "NewsNation", "Truth Social"
}

// Event is one coded event.
type Event struct {
	ID            string        `json:"id"`
	Plover        string        `json:"plover"`
	Mode          string        `json:"mode"`
	Context       []string      `json:"context,omitempty"`
	CAMEO         string        `json:"cameo"`
	QuadClass     int           `json:"quad_class"`
	Goldstein     float64       `json:"goldstein"`
	Actors        []string      `json:"actors"`
	Recipients    []string      `json:"recipients"`
	Date          string        `json:"date"`
	DatePrecision string        `json:"date_precision"`
	DateSource    string        `json:"date_source,omitempty"`
	Location      *doc.Location `json:"location"`
	Modality      string        `json:"modality"`
	AttributedTo  *string       `json:"attributed_to"`
	Evidence      Span          `json:"evidence"`
	Trigger       Span          `json:"trigger"`
	Rule          string        `json:"rule"`
	Also          []Passage     `json:"also,omitempty"` // further passages reporting the same event
}

// Passage is one more passage reporting an event already coded.
type Passage struct {
	Evidence Span   `json:"evidence"`
	Trigger  Span   `json:"trigger"`
	Rule     string `json:"rule"`
}

// Problem is a per-document problem recorded by a stage.
type Problem struct {
	Stage string `json:"stage"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Msg   string `json:"msg"`
}

// Options selects optional layers of the output.
type Options struct {
	Tokens bool // include the tokens layer
}

// FromDocument builds the contract form of d. Every layer is a non-nil
// list, empty when no stage filled it. Span texts are cut from d.Text; a
// span outside the text yields "" rather than a panic.
func FromDocument(d *doc.Document, opt Options) *Output {
	o := &Output{
		Document: Document{
			ID:       d.ID,
			URL:      d.URL,
			Title:    d.Title,
			Source:   d.Source,
			Language: d.Language,
			Bytes:    len(d.Text),
		},
		Sentences: make([]Sentence, 0, len(d.Sentences)),
		Entities:  make([]Entity, 0, len(d.Entities)),
		Times:     make([]Time, 0, len(d.Times)),
		Quotes:    make([]Quote, 0, len(d.Quotes)),
		Events:    make([]Event, 0, len(d.Events)),
		Problems:  make([]Problem, 0, len(d.Problems)),
	}
	if !d.Published.IsZero() {
		o.Document.Published = d.Published.Format(time.DateOnly)
	}
	span := func(s doc.Span) Span { return Span{s.Start, s.End, text(d, s)} }
	for _, s := range d.Sentences {
		o.Sentences = append(o.Sentences, Sentence{s.Start, s.End})
	}
	if opt.Tokens {
		o.Tokens = make([]Token, 0, len(d.Tokens))
		for _, t := range d.Tokens {
			o.Tokens = append(o.Tokens, Token{t.Start, t.End, text(d, t.Span), t.Lemma, t.UPOS, t.XPOS, t.Head, t.Deprel})
		}
	}
	for _, e := range d.Entities {
		ce := Entity{ID: e.ID, Type: e.Type, Name: e.Name, Mentions: make([]Mention, 0, len(e.Mentions)), Actor: e.Actor, Place: e.Place}
		for _, m := range e.Mentions {
			ce.Mentions = append(ce.Mentions, Mention{m.Start, m.End, text(d, m.Span), m.Kind})
		}
		o.Entities = append(o.Entities, ce)
	}
	for _, t := range d.Times {
		o.Times = append(o.Times, Time{t.Start, t.End, text(d, t.Span), t.Type, t.Value})
	}
	for _, q := range d.Quotes {
		cq := Quote{Start: q.Start, End: q.End, Text: text(d, q.Span), Cue: span(q.Cue), SpeakerSpan: q.SpeakerSpan, Anonymous: q.Anonymous, Direct: q.Direct, Partial: q.Partial}
		if q.Speaker != "" {
			cq.Speaker = &q.Speaker
		}
		if q.SpeakerSpan != nil {
			cq.SpeakerText = text(d, *q.SpeakerSpan)
		}
		cq.SpeakerActor = q.SpeakerActor
		if q.Via != nil {
			v := span(*q.Via)
			cq.Via = &v
		}
		o.Quotes = append(o.Quotes, cq)
	}
	for _, e := range d.Events {
		ce := Event{
			ID: e.ID, Plover: e.Plover, Mode: e.Mode, Context: e.Context, CAMEO: e.CAMEO,
			QuadClass: e.QuadClass, Goldstein: e.Goldstein,
			Actors: nonNil(e.Actors), Recipients: nonNil(e.Recipients),
			Date: e.Date, DatePrecision: e.DatePrecision, DateSource: e.DateSource,
			Location: e.Location, Modality: e.Modality,
			Evidence: span(e.Evidence), Trigger: span(e.Trigger), Rule: e.Rule,
		}
		if e.AttributedTo != "" {
			ce.AttributedTo = &e.AttributedTo
		}
		for _, m := range e.Also {
			ce.Also = append(ce.Also, Passage{span(m.Evidence), span(m.Trigger), m.Rule})
		}
		o.Events = append(o.Events, ce)
	}
	for _, p := range d.Problems {
		o.Problems = append(o.Problems, Problem{p.Stage, p.Span.Start, p.Span.End, p.Msg})
	}
	return o
}

// text returns the text under s with invalid UTF-8 replaced by U+FFFD, as
// JSON requires; offsets keep indexing the original bytes.
func text(d *doc.Document, s doc.Span) string {
	t := d.Slice(s)
	if utf8.ValidString(t) {
		return t
	}
	return strings.ToValidUTF8(t, "\uFFFD")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
