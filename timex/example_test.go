package timex_test

import (
	"context"
	"fmt"
	"time"

	"sitrep/doc"
	"sitrep/timex"
)

func ExampleTagger_Process() {
	tg, err := timex.New(timex.Config{})
	if err != nil {
		panic(err)
	}
	d := &doc.Document{
		Text:      "The director met Rodríguez on Thursday; skepticism was voiced last week.",
		Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC),
	}
	if err := tg.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, t := range d.Times {
		fmt.Printf("%q %s %s\n", d.Slice(t.Span), t.Type, t.Value)
	}
	// Output:
	// "Thursday" DATE 2026-01-15
	// "last week" DATE 2026-W02
}

func ExampleEventDate() {
	tg, _ := timex.New(timex.Config{})
	text := "The director met Rodríguez on Thursday in Caracas."
	d := &doc.Document{Text: text, Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	_ = tg.Process(context.Background(), d)
	date, precision, source := timex.EventDate(d, doc.Span{Start: 0, End: len(text)}, doc.Span{Start: 13, End: 16})
	fmt.Println(date, precision, source)
	// Output:
	// 2026-01-15 day clause
}

func ExampleTagger_Normalise() {
	tg, _ := timex.New(timex.Config{})
	friday := time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)
	for _, e := range []string{"next week", "the 1990s", "every Monday", "the past three years", "for now"} {
		typ, value, ok := tg.Normalise(e, friday)
		fmt.Println(e, "=>", typ, value, ok)
	}
	// Output:
	// next week => DATE 2026-W04 true
	// the 1990s => DATE 199 true
	// every Monday => SET XXXX-WXX-1 true
	// the past three years => DURATION P3Y true
	// for now =>   false
}
