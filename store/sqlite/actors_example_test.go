package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"sitrep/doc"
	"sitrep/store"
	"sitrep/store/sqlite"
)

func ExampleStore_Recall() {
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

	// What two articles said of her, months apart.
	text := "Venezuela's interim president, Delcy Rodríguez"
	err = s.Remember(ctx, []store.ActorFact{
		{DocID: "a1", Seen: time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), Entity: "e1", Name: "Delcy Rodríguez",
			Type: doc.Person, Country: "VEN", Sector: "GOV", Code: "VENGOV", Role: "vice president",
			How: "apposition", EvidenceText: "Delcy Rodríguez, Venezuela's vice president"},
		{DocID: "a2", Seen: time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC), Entity: "e2", Name: "Delcy Rodríguez",
			Type: doc.Person, Country: "VEN", Sector: "GOV", Code: "VENGOV", Role: "interim president",
			How: "apposition", Evidence: doc.Span{Start: 0, End: len(text)}, EvidenceText: text},
	})
	if err != nil {
		log.Fatal(err)
	}
	// A later article says only "Rodríguez".
	roles, err := s.Recall(ctx, "Rodríguez", time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC))
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range roles {
		fmt.Println(r.Name, r.Code, r.Role, r.FirstSeen.Format(time.DateOnly), r.Evidence[0].Text)
	}
	// Output:
	// Delcy Rodríguez VENGOV interim president 2026-01-08 Venezuela's interim president, Delcy Rodríguez
	// Delcy Rodríguez VENGOV vice president 2025-06-02 Delcy Rodríguez, Venezuela's vice president
}
