// Package segment is sitrep's first analysis stage: it splits an article's
// text into tokens and sentences, following the tokenization of Universal
// Dependencies English (EWT and GUM).
//
// Tokens are found by hand-written rules: contractions and possessives are
// split ("do n't", "Trump 's"), abbreviations, initials, numbers, URLs and
// e-mail addresses are kept whole, hyphens are split except after bound
// prefixes ("non-profit"). Sentence boundaries are decided by an averaged
// perceptron trained on UD EWT and GUM (see MODEL.md) at every gap that
// could end a sentence, and by rules for line breaks, paragraphs, list
// items and news datelines.
package segment

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"strings"
	"sync"

	"sitrep/doc"
	"sitrep/pipeline"
)

//go:embed boundary.model.gz
var embeddedModel []byte

// Config configures a Segmenter. The zero value uses the embedded boundary
// model and treats every line break as a sentence boundary.
type Config struct {
	// ModelPath names a boundary model file (as written by
	// cmd/train-segment) to use instead of the embedded one.
	ModelPath string
	// JoinLines treats a single line break as a space, for hard-wrapped
	// text; a blank line, an indented line and a line opening with a list
	// marker still end a sentence. Text whose lines all look wrapped (no
	// line over 100 bytes, most of them 40 to 100 bytes long) is treated
	// so even without JoinLines. Otherwise a line break ends a sentence, so
	// that headlines and list items stand alone, unless a lowercase word
	// follows a word or a comma across it.
	JoinLines bool
}

// Segmenter splits text into tokens and sentences. It is safe for
// concurrent use.
type Segmenter struct {
	cfg   Config
	model *boundaryModel
	pool  sync.Pool // *tokenizer
}

var _ pipeline.Stage = (*Segmenter)(nil)

// New returns a Segmenter configured by cfg. It returns an error wrapping
// ErrModel when the boundary model cannot be read.
func New(cfg Config) (*Segmenter, error) {
	b := embeddedModel
	if cfg.ModelPath != "" {
		var err error
		if b, err = os.ReadFile(cfg.ModelPath); err != nil {
			return nil, fmt.Errorf("segment: %w", err)
		}
	}
	m, err := loadModel(b)
	if err != nil {
		return nil, err
	}
	sg := &Segmenter{cfg: cfg, model: m}
	sg.pool.New = func() any { return new(tokenizer) }
	return sg, nil
}

// Name returns "segment".
func (sg *Segmenter) Name() string { return "segment" }

// Process fills d.Tokens and d.Sentences from d.Text, replacing whatever
// they held. Tokens carry their span and Head -1; the syntax fields stay
// empty. An empty text gives no tokens and no sentences. A sentence of
// more than 500 tokens is recorded in d.Problems. Process returns an error
// only when ctx is done.
func (sg *Segmenter) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t := sg.pool.Get().(*tokenizer)
	defer sg.release(t)
	t.run(d.Text)
	sents, cuts := layout(t.toks, sg.split(t), t.cuts)
	t.cuts = cuts // reused by the next call
	d.Tokens = tokensOf(t.toks, cuts)
	d.Sentences = sents
	for _, s := range sents {
		if n := s.EndToken - s.FirstToken; n > longSentence {
			d.Problems.Add(sg.Name(), s.Span, "sentence of %d tokens (more than %d): later stages may be slow or truncate it", n, longSentence)
		}
	}
	return nil
}

// longSentence is the number of tokens above which Process records a
// problem for a sentence.
const longSentence = 500

// Segment splits text into tokens and sentences. Tokens are byte spans in
// text, in order, never empty and never overlapping; each sentence covers
// the half-open range [FirstToken, EndToken) of tokens and spans from the
// first token's start to the last one's end. Text that is empty or only
// white space gives no tokens and no sentences.
func (sg *Segmenter) Segment(text string) (tokens []doc.Span, sentences []doc.Sentence) {
	t := sg.pool.Get().(*tokenizer)
	defer sg.release(t)
	t.run(text)
	sents, cuts := layout(t.toks, sg.split(t), t.cuts)
	t.cuts = cuts
	return spansOf(t.toks, cuts), sents
}

// release returns t to the pool, dropping its reference to the text and
// any buffer grown for an unusually large text.
func (sg *Segmenter) release(t *tokenizer) {
	t.text = ""
	if cap(t.toks) > 1<<20 {
		t.toks = nil
	}
	if cap(t.starts) > 1<<16 {
		t.starts = nil
	}
	if cap(t.cuts) > 1<<16 {
		t.cuts = nil
	}
	sg.pool.Put(t)
}

// layout returns the sentences for the tokens and the indices of the
// tokens that start sentences, and appends to cuts (reused) the indices of
// the tokens whose final period becomes a token of its own: the period of
// a one-period abbreviation that ends a sentence ("Inc.", "U.S."), as in
// UD EWT and GUM, unless the abbreviation is the whole sentence. Output
// token i of toks[j] is j plus the cuts before j.
func layout(toks []tok, starts []int, cuts []int) ([]doc.Sentence, []int) {
	cuts = cuts[:0]
	if len(toks) == 0 {
		return nil, cuts
	}
	sents := make([]doc.Sentence, 0, len(starts))
	for si, a := range starts {
		b := len(toks)
		if si+1 < len(starts) {
			b = starts[si+1]
		}
		first := a + len(cuts)
		// The abbreviation that ends the sentence, before any closers.
		for j := b - 1; j >= a; j-- {
			tk := &toks[j]
			if tk.flags&flagAbbr != 0 {
				if j > a {
					cuts = append(cuts, j)
				}
				break
			}
			if sh := tk.shape; sh != shapeQuote && sh != shapeClose {
				break
			}
		}
		sents = append(sents, doc.Sentence{
			Span:       doc.Span{Start: toks[a].start, End: toks[b-1].end},
			FirstToken: first,
			EndToken:   b + len(cuts),
		})
	}
	return sents, cuts
}

// spansOf returns the output token spans of toks given the cuts from
// layout.
func spansOf(toks []tok, cuts []int) []doc.Span {
	if len(toks) == 0 {
		return nil
	}
	out := make([]doc.Span, len(toks)+len(cuts))
	o := 0
	for j := range toks {
		tk := &toks[j]
		if len(cuts) > 0 && cuts[0] == j {
			cuts = cuts[1:]
			out[o] = doc.Span{Start: tk.start, End: tk.end - 1}
			out[o+1] = doc.Span{Start: tk.end - 1, End: tk.end}
			o += 2
			continue
		}
		out[o] = doc.Span{Start: tk.start, End: tk.end}
		o++
	}
	return out
}

// tokensOf is like spansOf for doc.Tokens, with Head -1. Only the span and
// head fields are written (the slice is freshly zeroed), which keeps the
// string fields out of the copy.
func tokensOf(toks []tok, cuts []int) []doc.Token {
	out := make([]doc.Token, len(toks)+len(cuts))
	o := 0
	for j := range toks {
		tk := &toks[j]
		if len(cuts) > 0 && cuts[0] == j {
			cuts = cuts[1:]
			out[o].Span = doc.Span{Start: tk.start, End: tk.end - 1}
			out[o].Head = -1
			o++
			out[o].Span = doc.Span{Start: tk.end - 1, End: tk.end}
			out[o].Head = -1
			o++
			continue
		}
		out[o].Span = doc.Span{Start: tk.start, End: tk.end}
		out[o].Head = -1
		o++
	}
	return out
}

// split returns the indices of the tokens that start sentences; the first
// is always 0 when there are tokens.
func (sg *Segmenter) split(t *tokenizer) []int {
	toks := t.toks
	if len(toks) == 0 {
		return nil
	}
	starts := append(t.starts[:0], 0) // t.starts is reused between calls
	var feats [maxFeats]uint32
	last := 0
	dateline := datelineEnd(t.text, toks, 0)
	join := sg.cfg.JoinLines || hardWrapped(t.text)
	quote := quoteState(t.text, &toks[0], false)
	for k := 1; k < len(toks); k++ {
		n := &toks[k]
		if n.nl == 0 && k != dateline && insideSentence(toks, k) {
			continue // the common case; the quotation state stays as it is
		}
		inQuote := quote
		if n.nl > 0 {
			inQuote = false
		}
		quote = quoteState(t.text, n, quote)
		hard := n.nl >= 2 || k == dateline
		if n.nl == 1 {
			if join {
				hard = n.flags&flagIndent != 0 || listMarker(t.text, toks, k)
			} else {
				hard = !wrapped(toks, k)
			}
		}
		if !hard && k < dateline {
			continue // inside a dateline
		}
		if !hard {
			if !considered(t.text, toks, k, k-last, inQuote) {
				continue
			}
			f := features(feats[:0], t.text, toks, k, k-last, inQuote)
			th := float32(0)
			if wordGap(t.text, toks, k) {
				th = wordGapMargin
			}
			if sg.model.score(f) <= th {
				continue
			}
		}
		starts = append(starts, k)
		last = k
		dateline = datelineEnd(t.text, toks, k)
	}
	t.starts = starts
	return starts
}

// continuesAfter lists the shapes of tokens after which a lowercase word
// goes on with the sentence (unless the token is an abbreviation).
var continuesAfter = [256]bool{
	shapeLower: true, shapeCap: true, shapeCaps: true, shapeDigit: true,
	shapeComma: true, shapeLetter: true, shapeInitial: true,
}

// insideSentence is a fast check for the most common gaps, which
// candidate rejects too: a lowercase word after a word or a comma, and a
// comma, semicolon or colon.
func insideSentence(toks []tok, k int) bool {
	n, p := &toks[k], &toks[k-1]
	switch n.shape {
	case shapeLower:
		return p.flags&flagAbbr == 0 && continuesAfter[p.shape]
	case shapeComma, shapeColon:
		return true
	}
	return false
}

// wordGapMargin is the score a boundary between two words with no
// punctuation between them must exceed. Such boundaries are common in the
// e-mail and web text of EWT (signatures, salutations) but rare in news;
// the margin was chosen on the EWT and GUM dev sets.
const wordGapMargin = 5

// wordGap reports whether the gap before toks[k] lies between a word and a
// capitalized word with no punctuation between them.
func wordGap(text string, toks []tok, k int) bool {
	switch toks[k-1].shape {
	case shapeCap, shapeCaps, shapeLower, shapeDigit, shapeInitial, shapeLetter:
		return toks[k-1].flags&flagAbbr == 0
	}
	return false
}

// maxWordGapSince is the longest sentence, in tokens, after which a gap
// between two words is considered as a boundary. Such boundaries follow
// short fragments (salutations, signatures, headings); in long sentences
// the gap is nearly always a name or a title ("said President Trump").
const maxWordGapSince = 10

// considered reports whether the boundary model is asked about the gap
// before toks[k], since tokens after the current sentence's start. A dash
// or bullet that opens a sentence stays with what follows ("— NORTON I").
func considered(text string, toks []tok, k, since int, inQuote bool) bool {
	if !candidate(text, toks, k, inQuote) || listNumber(text, toks, k) {
		return false
	}
	if since == 1 {
		switch text[toks[k-1].start:toks[k-1].end] {
		case "—", "–", "-", "•", "*", "·":
			return false
		}
	}
	return since <= maxWordGapSince || !wordGap(text, toks, k)
}

// candidate reports whether a sentence could start at toks[k] (k > 0),
// so that the boundary model is asked: not before closing punctuation
// (inQuote tells whether a double quotation is open before toks[k]), and
// not before a lowercase word that follows a word or a comma.
func candidate(text string, toks []tok, k int, inQuote bool) bool {
	n, p := &toks[k], &toks[k-1]
	if n.shape == shapeLower && p.flags&flagAbbr == 0 {
		switch p.shape {
		case shapeLower, shapeCap, shapeCaps, shapeDigit, shapeComma, shapeLetter, shapeInitial:
			return false // the common case: inside a sentence
		}
	}
	if p.shape == shapeQuote && p.space && !n.space {
		return false // after an opening quote: ` "SAIC is`
	}
	if inQuote && text[n.start] == '"' && n.end-n.start == 1 && k+1 < len(toks) && toks[k+1].space {
		return false // a detached closing quote: `year. " Hayes`
	}
	switch text[n.start] {
	case ',', ';', ':', ')', ']', '}', '%':
		return false
	case '.':
		if n.end-n.start == 1 {
			return false
		}
	}
	s0 := n.shape
	if toks[k-1].flags&flagTitle != 0 && (s0 == shapeCap || s0 == shapeCaps || s0 == shapeInitial) {
		return false // "Sen. Bob Diaz"
	}
	if s0 == shapeLower && (ellipsisAt(text, &toks[k-1]) ||
		k >= 2 && toks[k-1].shape == shapeClose && ellipsisAt(text, &toks[k-2])) {
		return false // "he paused … and then", "cyclones [...] sponsored"
	}
	if (s0 == shapeQuote || s0 == shapeClose) && !n.space {
		return false // a closing quote or bracket attached to the word before
	}
	if s0 != shapeLower {
		return true
	}
	switch toks[k-1].shape {
	case shapeSent, shapeQuote, shapeClose, shapeColon, shapeOther, shapeDash:
		return true
	}
	return toks[k-1].flags&flagAbbr != 0
}

// ellipsisAt reports whether tk is an ellipsis ("…", "...").
func ellipsisAt(text string, tk *tok) bool {
	w := text[tk.start:tk.end]
	return w == "…" || (len(w) >= 2 && w[0] == '.' && w[1] == '.')
}

// hardWrapped reports whether text looks hard-wrapped: no line longer
// than 100 bytes, and at least three lines followed by another line of
// text, half of which are 30 bytes or longer and a quarter of which go on
// with a lowercase letter on the next line (a list of headlines does not).
func hardWrapped(text string) bool {
	followed, long, lower := 0, 0, 0
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		line := strings.TrimSpace(text[:i])
		if len(line) > 100 {
			return false
		}
		text = text[min(i+1, len(text)):]
		if line == "" || len(text) == 0 || text[0] == '\n' || text[0] == '\r' {
			continue
		}
		followed++
		if len(line) >= 30 {
			long++
		}
		if next := strings.TrimLeft(text, " \t"); next != "" && isLowerB(next[0]) {
			lower++
		}
	}
	return followed >= 3 && 2*long >= followed && 4*lower >= followed
}

// wrapped reports whether the single line break before toks[k] wraps a
// sentence: a lowercase word follows a word or a comma.
func wrapped(toks []tok, k int) bool {
	if toks[k].shape != shapeLower {
		return false
	}
	switch toks[k-1].shape {
	case shapeLower, shapeCap, shapeCaps, shapeDigit, shapeComma:
		return true
	}
	return false
}

// listMarker reports whether toks[k] opens a list item: a bullet ("-",
// "*", "•") or a number followed by "." or ")".
func listMarker(text string, toks []tok, k int) bool {
	w := text[toks[k].start:toks[k].end]
	switch w {
	case "-", "*", "•", "·", "‣", "◦", "▪", "■", "●", "►", "–", "—":
		return true
	}
	if k+1 < len(toks) && isDigit(w[0]) && len(w) <= 3 && !toks[k+1].space {
		switch text[toks[k+1].start:toks[k+1].end] {
		case ".", ")":
			return true
		}
	}
	return false
}

// listNumber reports whether the gap before toks[k] follows the period or
// parenthesis of a list number that opens a line ("1. Item").
func listNumber(text string, toks []tok, k int) bool {
	if k < 2 {
		return false
	}
	p := &toks[k-1]
	if p.end-p.start != 1 || text[p.start] != '.' && text[p.start] != ')' {
		return false
	}
	num := &toks[k-2]
	if num.flags&flagLineStart == 0 || p.space {
		return false
	}
	w := text[num.start:num.end]
	if len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && !(len(w) == 1 && isLowerB(w[i])) {
			return false
		}
	}
	return true
}

// datelineEnd returns the index of the token after a news dateline that
// opens a line at toks[k] ("CARACAS, Venezuela (AP) —", "LONDON
// (Reuters) -"), or -1 when there is none. The dateline becomes a sentence
// of its own, ending with its dash.
func datelineEnd(text string, toks []tok, k int) int {
	if k >= len(toks) {
		return -1
	}
	if toks[k].shape != shapeCaps || toks[k].end-toks[k].start < 2 {
		return -1
	}
	for j := k + 1; j < len(toks) && j < k+12; j++ {
		tk := &toks[j]
		if j > k && tk.nl > 0 {
			return -1
		}
		w := text[tk.start:tk.end]
		switch w {
		case "—", "–", "-", "--":
			if !tk.space || j+1 >= len(toks) || toks[j+1].nl > 0 {
				return -1
			}
			return j + 1
		case ",", "(", ")", ".":
			continue
		}
		switch tk.shape {
		case shapeCap, shapeCaps, shapeInitial:
			continue
		}
		return -1
	}
	return -1
}
