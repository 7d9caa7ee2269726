package ontology_test

import (
	"fmt"

	"sitrep/ontology"
)

func ExampleOntology_ToPlover() {
	o, err := ontology.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	typ, mode, _ := o.ToPlover("042")
	fmt.Println(typ, mode, ontology.QuadClass("042"), o.Goldstein("042"))
	fmt.Println(o.ToCAMEO("COERCE", "arrest"))
	// Output:
	// CONSULT visit 1 1.9
	// 173
}
