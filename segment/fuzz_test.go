package segment

import (
	"context"
	"reflect"
	"testing"

	"sitrep/doc"
)

// FuzzSegment checks the invariants of a segmentation on any input: no
// panic; tokens sorted, non-overlapping, within bounds, never empty and
// never only white space; sentences covering their tokens, every token in
// exactly one sentence; the same output for the same input.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"",
		"CARACAS, Venezuela (AP) — The U.S. envoy didn't comment. Rodríguez’s aides said talks went well.",
		"Headline\n\n- item one\n• item two\n1. Third item",
		"Sales rose 3.5% to $5.2 billion; see https://example.com/x?y=1 or mail a@b.org.",
		"\"Yes.\" (No.) Wait... what?! 10–20 a--b non-profit 15-year-old J. R. R. Tolkien Inc..",
		"Caf\xe9 \xff\xfe owners\x00 said :) family:) quality.You gonna cannot",
		"'90s 's 'em ' '' `` -5 .5 $ # -- ... …",
		"its not your in Lets go but lets see ill be id just dunno wont its kind of",
		"\"A\"<ab...@c.com> :-). ): ----== --> <> 3-5213 12-20-2000 1-800-991-9019 +44 #tag job#12 @2.9",
		"24/7 9/11 NY/NJ ((a)) 7:30PM ld2d-#1-1.DOC T.V.? Attn. wow...?! x-",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	plain := newTestSegmenter(f, Config{})
	joined := newTestSegmenter(f, Config{JoinLines: true})
	f.Fuzz(func(t *testing.T, text string, join bool) {
		sg := plain
		if join {
			sg = joined
		}
		toks, sents := sg.Segment(text)
		checkInvariants(t, text, toks, sents)
		toks2, sents2 := sg.Segment(text)
		if !reflect.DeepEqual(toks, toks2) || !reflect.DeepEqual(sents, sents2) {
			t.Fatalf("Segment(%q) gave different results on a second call", text)
		}
		d := &doc.Document{Text: text}
		if err := sg.Process(context.Background(), d); err != nil {
			t.Fatalf("Process(%q): %v", text, err)
		}
		if len(d.Tokens) != len(toks) || !reflect.DeepEqual(d.Sentences, sents) {
			t.Fatalf("Process(%q) gave %d tokens, sentences %v; Segment gave %d, %v", text, len(d.Tokens), d.Sentences, len(toks), sents)
		}
		for i, tk := range d.Tokens {
			if tk.Span != toks[i] || tk.Head != -1 || tk.Lemma != "" || tk.UPOS != "" || tk.XPOS != "" || tk.Deprel != "" {
				t.Fatalf("Process(%q) token %d = %+v; want span %v, head -1, no syntax", text, i, tk, toks[i])
			}
		}
	})
}
