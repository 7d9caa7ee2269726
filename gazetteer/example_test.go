package gazetteer_test

import (
	"fmt"

	"sitrep/gazetteer"
)

func Example() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	p := g.Lookup(gazetteer.Normalize("CARACAS"))
	e := g.Entry(p.At(0).Entry)
	fmt.Println(e.Name, e.Country, e.Feature, e.ID())
	// Output: Caracas VEN PPLC geonames:3646738
}
