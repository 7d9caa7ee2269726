package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/doc"
)

// tok is the resolver's view of one token.
type tok struct {
	doc.Span
	text   string // the token's text, typographic apostrophes made ASCII where they matter
	lower  string
	upos   string // "" when untagged
	head   int    // -1 when unparsed
	deprel string
	sent   int  // sentence index
	cap    bool // starts with an upper-case letter
	ment   int  // index of the mention covering it, -1 for none
	// blocked marks a token inside an entity of a type the resolver does
	// not code (a LOC, a WORK): no actor mention is made over it.
	blocked bool
}

// view holds the tokens and sentence bounds the resolver works on: the
// document's own when the segment stage has run, else its own rough split.
type view struct {
	text  string
	toks  []tok
	sents [][2]int // token range [first, end) of each sentence
}

// maxTokens bounds the work done on one document; beyond it the rest of the
// text is left uncoded and a problem recorded.
const maxTokens = 200000

// maxTokenLen is the longest token looked up in the knowledge base.
const maxTokenLen = 64

func newView(d *doc.Document) *view {
	v := &view{text: d.Text}
	if len(d.Tokens) > 0 {
		n := min(len(d.Tokens), maxTokens)
		v.toks = make([]tok, 0, n)
		for i := 0; i < n; i++ {
			t := d.Tokens[i]
			if !t.Valid(len(d.Text)) {
				continue
			}
			v.toks = append(v.toks, tok{Span: t.Span, upos: t.UPOS, head: t.Head, deprel: t.Deprel})
		}
		// Head indices refer to d.Tokens; they stay usable only when no
		// token was dropped.
		if len(v.toks) != len(d.Tokens) {
			for i := range v.toks {
				v.toks[i].head, v.toks[i].deprel = -1, ""
			}
		}
	} else {
		for _, s := range tokenize(d.Text, maxTokens) {
			v.toks = append(v.toks, tok{Span: s, head: -1})
		}
	}
	for i := range v.toks {
		t := &v.toks[i]
		t.text = d.Text[t.Start:t.End]
		if strings.ContainsRune(t.text, '’') {
			t.text = strings.ReplaceAll(t.text, "’", "'")
		}
		t.lower = lowerASCII(t.text)
		r, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(r)
		t.ment = -1
	}
	v.sentences(d)
	return v
}

// sentences fills v.sents from d.Sentences when they are there and agree
// with the tokens, else splits at sentence-final punctuation.
func (v *view) sentences(d *doc.Document) {
	if len(d.Sentences) > 0 && len(d.Tokens) == len(v.toks) {
		for _, s := range d.Sentences {
			a, b := max(0, s.FirstToken), min(len(v.toks), s.EndToken)
			if a < b {
				v.sents = append(v.sents, [2]int{a, b})
			}
		}
	}
	if len(v.sents) == 0 {
		start := 0
		for i := range v.toks {
			t := v.toks[i].text
			end := t == "." || t == "!" || t == "?"
			if end && i+1 < len(v.toks) {
				n := v.toks[i+1].text
				if n == "\"" || n == "”" || n == "'" || n == ")" {
					continue
				}
			}
			if !end && i > 0 && (t == "\"" || t == "”") {
				p := v.toks[i-1].text
				end = p == "." || p == "!" || p == "?"
			}
			if !end && i+1 < len(v.toks) && strings.Contains(v.text[v.toks[i].End:v.toks[i+1].Start], "\n") {
				end = true
			}
			if end {
				v.sents = append(v.sents, [2]int{start, i + 1})
				start = i + 1
			}
		}
		if start < len(v.toks) {
			v.sents = append(v.sents, [2]int{start, len(v.toks)})
		}
	}
	// Tokens outside every sentence belong to the sentence before them.
	si := 0
	for i := range v.toks {
		for si+1 < len(v.sents) && i >= v.sents[si+1][0] {
			si++
		}
		v.toks[i].sent = si
	}
}

// lowerASCII lower-cases ASCII letters, allocating only when there are any
// upper-case ones.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// abbreviations keep their final period in the fallback tokenizer.
var abbreviations = map[string]bool{
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Gen.": true, "Lt.": true, "Col.": true,
	"Sen.": true, "Rep.": true, "Gov.": true, "St.": true, "Jr.": true, "Sr.": true, "No.": true,
	"Capt.": true, "Sgt.": true, "Adm.": true, "Maj.": true, "Prof.": true, "Inc.": true, "Corp.": true,
	"Co.": true, "Ltd.": true, "Brig.": true, "Rev.": true, "Gens.": true, "vs.": true,
}

// tokenize splits text into rough word tokens for documents no segmenter
// has seen: white space separates tokens; opening and closing punctuation,
// and a possessive 's, are split off; "U.S." and known abbreviations keep
// their periods. It returns at most limit tokens; nil for empty text.
func tokenize(text string, limit int) []doc.Span {
	var out []doc.Span
	i := 0
	for i < len(text) && len(out) < limit {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		j := i
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) || r == '—' || r == '–' && j > i {
				break
			}
			j += w
		}
		if j == i { // a lone dash
			_, w := utf8.DecodeRuneInString(text[i:])
			j = i + w
		}
		out = splitWord(text, i, j, out)
		i = j
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// splitWord appends the tokens of the white-space-delimited word text[a:b].
func splitWord(text string, a, b int, out []doc.Span) []doc.Span {
	// Leading punctuation.
	for a < b {
		r, w := utf8.DecodeRuneInString(text[a:])
		if !strings.ContainsRune("\"'“‘([{«", r) || a+w >= b {
			break
		}
		out = append(out, doc.Span{Start: a, End: a + w})
		a += w
	}
	// Trailing punctuation, collected from the right.
	var tail []doc.Span
	for b > a {
		r, w := utf8.DecodeLastRuneInString(text[a:b])
		if !strings.ContainsRune("\"'”’)]}».,;:!?", r) {
			break
		}
		if r == '.' {
			word := text[a:b]
			if abbreviations[word] || isInitialism(word) {
				break
			}
		}
		if (r == '\'' || r == '’') && b-w > a {
			// "leaders'" keeps its apostrophe as a possessive token.
			tail = append(tail, doc.Span{Start: b - w, End: b})
			b -= w
			break
		}
		tail = append(tail, doc.Span{Start: b - w, End: b})
		b -= w
	}
	if a < b {
		word := text[a:b]
		if n := len(word); n > 2 && (strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "’s")) {
			k := b - 2
			if strings.HasSuffix(word, "’s") {
				k = b - len("’s")
			}
			if k > a {
				out = append(out, doc.Span{Start: a, End: k}, doc.Span{Start: k, End: b})
			} else {
				out = append(out, doc.Span{Start: a, End: b})
			}
		} else {
			out = append(out, doc.Span{Start: a, End: b})
		}
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// isInitialism reports whether w looks like "U.S." or "J.": letters each
// followed by a period.
func isInitialism(w string) bool {
	if len(w) < 2 || len(w) > 12 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		c := w[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') || i+1 >= len(w) || w[i+1] != '.' {
			return false
		}
	}
	return true
}
