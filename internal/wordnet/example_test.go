package wordnet_test

import (
	"fmt"

	"sitrep/internal/wordnet"
)

func Example() {
	m := wordnet.POS("running")
	fmt.Println(m.Parts() == wordnet.Noun|wordnet.Verb|wordnet.Adj)
	fmt.Println(m.Bases() == wordnet.Noun|wordnet.Adj)
	lemma, ok := wordnet.Lemma("ran", wordnet.ForUPOS("VERB"))
	fmt.Println(lemma, ok)
	lemma, _ = wordnet.Lemma("geese", wordnet.Noun)
	fmt.Println(lemma)
	// Output:
	// true
	// true
	// run true
	// goose
}
