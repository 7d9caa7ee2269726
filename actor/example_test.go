package actor_test

import (
	"context"
	"fmt"
	"time"

	"sitrep/actor"
	"sitrep/doc"
)

func Example() {
	r, err := actor.New(actor.Config{})
	if err != nil {
		panic(err)
	}
	text := "Brazil's foreign minister, Ana Souza, met U.S. officials on Monday. She said they agreed."
	d := &doc.Document{Text: text, Published: time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)}
	// The NER stage would have marked the name; here we do it by hand.
	d.Entities = []doc.Entity{{ID: "e1", Type: doc.Person, Name: "Ana Souza",
		Mentions: []doc.Mention{{Span: doc.Span{Start: 27, End: 36}, Kind: doc.MentionName}}}}
	if err := r.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, e := range d.Entities {
		code := ""
		if e.Actor != nil {
			code = e.Actor.Code
		}
		fmt.Printf("%s %s %q %s\n", e.ID, e.Type, e.Name, code)
		for _, m := range e.Mentions {
			fmt.Printf("  %s %q\n", m.Kind, d.Slice(m.Span))
		}
	}
	// Output:
	// e1 GPE "Brazil" BRA
	//   name "Brazil"
	// e2 PERSON "Ana Souza" BRAGOV
	//   nominal "Brazil's foreign minister"
	//   name "Ana Souza"
	//   pronoun "She"
	// e3 GPE "U.S." USA
	//   name "U.S."
	// e4 PERSON "U.S. officials" USAGOV
	//   nominal "U.S. officials"
	//   pronoun "they"
}
