package segment

import (
	"strings"

	"sitrep/corpus/conllu"
	"sitrep/doc"
)

// Gold is a document rebuilt from a CoNLL-U treebank: its raw text and the
// gold token and sentence spans in it, as Evaluate and the boundary
// trainer use them.
//
// The text is rebuilt from the sentences' surface tokens: a token is
// followed by a space unless it has SpaceAfter=No; sentences of one
// paragraph are joined by one space (none when the sentence's last token
// has SpaceAfter=No); paragraphs ("# newpar", and "# newdoc") are separated
// by "\n\n". A multiword token such as "didn't" (did + n't) is split where
// its words concatenate to its surface form, in any case (tested as: the
// words' byte lengths add up to the surface form's); when they do not (a
// form the annotators normalised), the multiword counts as one gold token
// spanning its whole surface form, since no tokenizer could produce the
// pieces from the text alone.
type Gold struct {
	ID        string
	Text      string
	Tokens    []doc.Span
	Sentences []doc.Span
	// SentTokens[i] is the index in Tokens of sentence i's first token.
	SentTokens []int
	// Paragraph[i] reports whether sentence i opens a paragraph.
	Paragraph []bool
}

// GoldDocuments groups sentences read with package conllu into documents
// (split at "# newdoc") and rebuilds each one's text and gold spans. It
// returns nil for no sentences.
func GoldDocuments(sents []conllu.Sentence) []Gold {
	var out []Gold
	var b strings.Builder
	var cur *Gold
	spaceAfterLast := false
	for i := range sents {
		s := &sents[i]
		if cur == nil || s.NewDoc || (s.DocID != "" && s.DocID != cur.ID) {
			if cur != nil {
				cur.Text = b.String()
				out = append(out, *cur)
			}
			b.Reset()
			cur = &Gold{ID: s.DocID}
		} else if s.NewPar {
			b.WriteString("\n\n")
		} else if spaceAfterLast {
			b.WriteByte(' ')
		}
		start := b.Len()
		cur.SentTokens = append(cur.SentTokens, len(cur.Tokens))
		cur.Paragraph = append(cur.Paragraph, s.NewPar || len(cur.Sentences) == 0)
		spaceAfterLast = appendSentence(&b, cur, s)
		end := b.Len()
		cur.Sentences = append(cur.Sentences, doc.Span{Start: start, End: end})
	}
	if cur != nil {
		cur.Text = b.String()
		out = append(out, *cur)
	}
	return out
}

// appendSentence writes s's surface text to b and its gold token spans to
// g. It reports whether the sentence's last token is followed by a space.
func appendSentence(b *strings.Builder, g *Gold, s *conllu.Sentence) bool {
	mi := 0
	space := true
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if i > 0 && space {
			b.WriteByte(' ')
		}
		start := b.Len()
		if mi < len(s.Multi) && s.Multi[mi].First == w.ID {
			m := s.Multi[mi]
			mi++
			var parts []string
			for i < len(s.Words) && s.Words[i].ID <= m.Last {
				parts = append(parts, s.Words[i].Form)
				i++
			}
			i--
			b.WriteString(m.Form)
			g.Tokens = append(g.Tokens, splitMulti(start, m.Form, parts)...)
			space = !conllu.HasMisc(m.Misc, "SpaceAfter=No")
			continue
		}
		b.WriteString(w.Form)
		g.Tokens = append(g.Tokens, doc.Span{Start: start, End: b.Len()})
		space = w.SpaceAfter()
	}
	return space
}

// splitMulti returns the spans of a multiword token's words whose surface
// form starts at byte start; see Gold for the rules.
func splitMulti(start int, form string, parts []string) []doc.Span {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n == len(form) {
		spans := make([]doc.Span, 0, len(parts))
		at := start
		for _, p := range parts {
			if len(p) == 0 {
				continue
			}
			spans = append(spans, doc.Span{Start: at, End: at + len(p)})
			at += len(p)
		}
		return spans
	}
	return []doc.Span{{Start: start, End: start + len(form)}}
}
