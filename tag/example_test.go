package tag_test

import (
	"fmt"

	"sitrep/tag"
)

func ExampleTagger_Tag() {
	t, err := tag.New(tag.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range t.Tag([]string{"Officials", "said", "the", "men", "were", "captured", "."}) {
		fmt.Println(a.UPOS, a.XPOS, a.Lemma)
	}
	// Output:
	// NOUN NNS official
	// VERB VBD say
	// DET DT the
	// NOUN NNS man
	// AUX VBD be
	// VERB VBN capture
	// PUNCT . .
}
