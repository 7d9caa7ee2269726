package coder_test

import (
	"context"
	"fmt"

	"sitrep/coder"
	"sitrep/doc"
)

// A document parsed by earlier stages: "Iran accused Israel."
func Example() {
	d := &doc.Document{
		Text: "Iran accused Israel .",
		Tokens: []doc.Token{
			{Span: doc.Span{Start: 0, End: 4}, Lemma: "Iran", UPOS: "PROPN", Head: 1, Deprel: "nsubj"},
			{Span: doc.Span{Start: 5, End: 12}, Lemma: "accuse", UPOS: "VERB", Head: -1, Deprel: "root"},
			{Span: doc.Span{Start: 13, End: 19}, Lemma: "Israel", UPOS: "PROPN", Head: 1, Deprel: "obj"},
			{Span: doc.Span{Start: 20, End: 21}, Lemma: ".", UPOS: "PUNCT", Head: 1, Deprel: "punct"},
		},
		Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: 21}, FirstToken: 0, EndToken: 4}},
		Entities: []doc.Entity{
			{ID: "e1", Type: doc.GPE, Name: "Iran", Mentions: []doc.Mention{{Span: doc.Span{Start: 0, End: 4}}}, Actor: &doc.Actor{Country: "IRN", Code: "IRN"}},
			{ID: "e2", Type: doc.GPE, Name: "Israel", Mentions: []doc.Mention{{Span: doc.Span{Start: 13, End: 19}}}, Actor: &doc.Actor{Country: "ISR", Code: "ISR"}},
		},
	}
	c, err := coder.New(coder.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := c.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Events {
		fmt.Println(e.ID, e.Plover, e.Mode, e.CAMEO, e.QuadClass, e.Goldstein, e.Actors, e.Recipients, e.Modality, e.Rule, d.Text[e.Trigger.Start:e.Trigger.End])
	}
	// Output:
	// v1 ACCUSE disapprove 112 3 -2 [e1] [e2] asserted accuse.accuse accused
}
