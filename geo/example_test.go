package geo_test

import (
	"context"
	"fmt"
	"strings"

	"sitrep/doc"
	"sitrep/geo"
)

func Example() {
	r, err := geo.New(geo.Config{})
	if err != nil {
		panic(err)
	}
	d := &doc.Document{Text: "CARACAS, Venezuela — Venezuelan officials met in Maracaibo. Prices rose in Paris, Texas."}
	if err := r.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, e := range d.Entities {
		p := e.Place
		fmt.Printf("%s %s %q -> %s %s %s %.2f,%.2f\n", e.ID, e.Type, d.Slice(e.Mentions[0].Span), p.Name, p.Country, p.Feature, p.Lat, p.Lon)
	}
	clause := doc.Span{Start: strings.Index(d.Text, "Venezuelan"), End: strings.Index(d.Text, " Prices")}
	fmt.Println("event location:", r.Locate(d, clause).Name)
	// Output:
	// p1 GPE "CARACAS" -> Caracas VEN PPLC 10.49,-66.88
	// p2 GPE "Venezuela" -> Venezuela VEN PCLI 8.00,-66.00
	// p3 NORP "Venezuelan" -> Venezuela VEN PCLI 8.00,-66.00
	// p4 GPE "Maracaibo" -> Maracaibo VEN PPLA 10.67,-71.61
	// p5 GPE "Paris" -> Paris USA PPLA2 33.66,-95.56
	// p6 GPE "Texas" -> Texas USA ADM1 30.12,-98.40
	// event location: Maracaibo
}
