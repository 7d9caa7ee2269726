package parse_test

import (
	"context"
	"fmt"

	"sitrep/doc"
	"sitrep/parse"
	"sitrep/segment"
	"sitrep/tag"
)

func ExampleParser() {
	sg, _ := segment.New(segment.Config{})
	tg, _ := tag.New(tag.Config{})
	p, err := parse.New(parse.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &doc.Document{Text: "Maduro was captured by U.S. forces."}
	ctx := context.Background()
	for _, s := range []interface {
		Process(context.Context, *doc.Document) error
	}{sg, tg, p} {
		if err := s.Process(ctx, d); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, t := range d.Tokens {
		head := "ROOT"
		if t.Head >= 0 {
			head = d.Slice(d.Tokens[t.Head].Span)
		}
		fmt.Printf("%s %s %s <-%s- %s\n", d.Slice(t.Span), t.UPOS, t.XPOS, t.Deprel, head)
	}
	// Output:
	// Maduro PROPN NNP <-nsubj:pass- captured
	// was AUX VBD <-aux:pass- captured
	// captured VERB VBN <-root- ROOT
	// by ADP IN <-case- forces
	// U.S. PROPN NNP <-compound- forces
	// forces NOUN NNS <-obl:agent- captured
	// . PUNCT . <-punct- captured
}
