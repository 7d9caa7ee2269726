package ner_test

import (
	"context"
	"fmt"

	"sitrep/doc"
	"sitrep/ner"
	"sitrep/segment"
)

func Example() {
	sg, err := segment.New(segment.Config{})
	if err != nil {
		panic(err)
	}
	rec, err := ner.New(ner.Config{})
	if err != nil {
		panic(err)
	}
	d := &doc.Document{Text: "Chancellor Olaf Scholz flew to Washington on Tuesday."}
	for _, stage := range []interface {
		Process(context.Context, *doc.Document) error
	}{sg, rec} {
		if err := stage.Process(context.Background(), d); err != nil {
			panic(err)
		}
	}
	for _, e := range d.Entities {
		fmt.Println(e.ID, e.Type, e.Name, e.Mentions[0].Span)
	}
	// Output:
	// e1 PERSON Olaf Scholz 11:22
	// e2 GPE Washington 31:41
}
