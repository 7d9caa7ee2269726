package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

// span returns the span of the first occurrence of sub in text (after
// byte from), failing the test when there is none.
func span(t *testing.T, text, sub string) doc.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

func TestEventDate(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name      string
		text      string
		published time.Time
		trigger   string
		date      string
		precision string
		source    string
	}{
		{"clause day", "The director met Rodríguez on Thursday in Caracas.", friday, "met", "2026-01-15", "day", "clause"},
		{"nearest in clause", "Officials said on Tuesday that troops withdrew on Monday.", friday, "withdrew", "2026-01-12", "day", "clause"},
		{"other clause is the sentence", "He was captured on Jan. 3; the trial opens soon.", friday, "trial", "2026-01-03", "day", "sentence"},
		{"comma conjunction", "Talks began in March, but the deal collapsed.", friday, "collapsed", "2025-03", "month", "sentence"},
		{"week", "Skepticism was voiced last week by senators.", friday, "voiced", "2026-W02", "week", "clause"},
		{"month", "Prices rose in March.", friday, "rose", "2025-03", "month", "clause"},
		{"quarter is a year", "Profit fell in the third quarter.", friday, "fell", "2025", "year", "clause"},
		{"time of day", "The blast came at 3 p.m. on Tuesday.", friday, "blast", "2026-01-13", "day", "clause"},
		{"now is the publication day", "Troops now occupy the town.", friday, "occupy", "2026-01-16", "day", "clause"},
		{"published", "The army shelled the town.", friday, "shelled", "2026-01-16", "day", "published"},
		{"durations do not date", "The siege lasted two hours.", friday, "siege", "2026-01-16", "day", "published"},
		{"past ref does not date", "He recently visited Caracas.", friday, "visited", "2026-01-16", "day", "published"},
		{"undated", "The army shelled the town.", time.Time{}, "shelled", "", "", ""},
		{"unanchored weekday does not date", "The army shelled the town on Thursday.", time.Time{}, "shelled", "", "", ""},
		{"explicit date without publication", "The army shelled the town on Jan. 3, 2026.", time.Time{}, "shelled", "2026-01-03", "day", "clause"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Published: tt.published}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			sentence := doc.Span{Start: 0, End: len(tt.text)}
			date, precision, source := EventDate(d, sentence, span(t, tt.text, tt.trigger))
			if date != tt.date || precision != tt.precision || source != tt.source {
				t.Errorf("EventDate(%q, %q) = %q, %q, %q; want %q, %q, %q (times: %s)", tt.text, tt.trigger,
					date, precision, source, tt.date, tt.precision, tt.source, render(d))
			}
		})
	}
}

func TestEventDateSentenceBounds(t *testing.T) {
	tg := newTagger(t)
	text := "Rebels attacked the base on Monday. The army answered."
	d := &doc.Document{Text: text, Published: friday}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	second := span(t, text, "The army answered.")
	date, precision, source := EventDate(d, second, span(t, text, "answered"))
	if date != "2026-01-16" || precision != "day" || source != "published" {
		t.Errorf("got %q %q %q; want the publication date", date, precision, source)
	}
	// A bad sentence span falls back to the trigger alone.
	date, _, source = EventDate(d, doc.Span{Start: 40, End: 5}, doc.Span{Start: 500, End: 600})
	if date != "2026-01-16" || source != "published" {
		t.Errorf("bad spans: got %q %q; want the publication date", date, source)
	}
}

func TestEventDateAttached(t *testing.T) {
	// "Officials said Monday that rebels attacked on Sunday": with a parse,
	// "Monday" attaches to "said" and dates it even though "Sunday" is
	// nearer to nothing in particular.
	text := "Officials said Monday rebels attacked Sunday."
	d := &doc.Document{Text: text, Published: friday}
	words := []string{"Officials", "said", "Monday", "rebels", "attacked", "Sunday", "."}
	heads := []int{1, -1, 1, 4, 1, 4, 1}
	off := 0
	for i, w := range words {
		s := strings.Index(text[off:], w) + off
		d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: s, End: s + len(w)}, Head: heads[i], Deprel: "dep"})
		off = s + len(w)
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, EndToken: len(words)}}
	tg := newTagger(t)
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	sentence := doc.Span{Start: 0, End: len(text)}
	for _, tt := range []struct{ trigger, date string }{{"said", "2026-01-12"}, {"attacked", "2026-01-11"}} {
		date, _, source := EventDate(d, sentence, span(t, text, tt.trigger))
		if date != tt.date || source != "clause" {
			t.Errorf("EventDate(%q) = %q, %q; want %q, clause (times: %s)", tt.trigger, date, source, tt.date, render(d))
		}
	}
}
