package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"sitrep/doc"
	"sitrep/store"
	"sitrep/store/sqlite"
)

func Example() {
	dir, err := os.MkdirTemp("", "sitrep-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "sitrep.db"), sqlite.Config{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	text := "Officials from Chile met Peruvian diplomats in Lima."
	d := &doc.Document{
		ID: "ex1", Text: text, Language: "en",
		Entities: []doc.Entity{
			{ID: "e1", Type: doc.Org, Name: "Chilean officials", Actor: &doc.Actor{Country: "CHL", Sector: "GOV", Code: "CHLGOV"}},
			{ID: "e2", Type: doc.Org, Name: "Peruvian diplomats", Actor: &doc.Actor{Country: "PER", Sector: "GOV", Code: "PERGOV"}},
		},
		Events: []doc.Event{{
			ID: "v1", Plover: "CONSULT", CAMEO: "043", Actors: []string{"e1"}, Recipients: []string{"e2"},
			Date: "2026-05-04", DatePrecision: "day", Modality: doc.Asserted,
			Evidence: doc.Span{Start: 0, End: len(text)}, Trigger: doc.Span{Start: 21, End: 24},
		}},
	}
	res, err := s.Put(ctx, d)
	fmt.Println(res.Duplicate, err)
	res, err = s.Put(ctx, d)
	fmt.Println(res.Duplicate, err)

	evs, err := s.Events(ctx, store.EventFilter{RecipientCountry: "PER", Search: "diplomats"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range evs {
		fmt.Println(e.Date, e.Plover, e.Actors[0].Code, e.TriggerText, e.Recipients[0].Code)
	}
	// Output:
	// false <nil>
	// true <nil>
	// 2026-05-04 CONSULT CHLGOV met PERGOV
}
