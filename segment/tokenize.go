package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token flags recorded by the tokenizer for the sentence splitter.
const (
	// flagAbbr marks a word whose final period was kept as part of it
	// ("Dr.", "Inc.", "J."). At a sentence end the period is split off as
	// its own token, as UD does.
	flagAbbr uint8 = 1 << iota
	// flagMultiAbbr marks an abbreviation with inner periods ("U.S.",
	// "a.m."), for the boundary model.
	flagMultiAbbr
	// flagURL marks a URL or e-mail address.
	flagURL
	// flagLineStart marks the first token of a line.
	flagLineStart
	// flagTitle marks a title or rank before a name ("Sen.", "Dr.").
	flagTitle
	// flagIndent marks the first token of an indented line.
	flagIndent
)

// tok is one token while segmenting: its byte span, flags, and the number
// of newlines in the white space before it.
type tok struct {
	start, end int
	nl         uint8 // newlines before the token, at most 255
	flags      uint8
	shape      byte // the token's shape, for the boundary model
	space      bool // white space precedes the token
}

// tokenizer splits text into tokens. Its slices are reused between calls.
type tokenizer struct {
	text   string
	toks   []tok
	stack  []tok // trailing punctuation of the current chunk, in reverse
	cuts   []int // abbreviation tokens split at sentence ends, reused by layout
	starts []int // sentence starts, reused by split
	nl     int   // newlines before the next token
	indent int   // columns of white space since the last newline
	space  bool  // white space before the next token
	at     bool  // the current chunk holds an "@"
}

// isSpaceRune reports whether r separates tokens: Unicode white space,
// the zero-width space and joiners, byte-order marks and control
// characters.
func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return r <= ' ' || r == 0x7f
	}
	switch r {
	case 0x200b, 0x2060, 0xfeff, 0x85, 0xa0:
		return true
	}
	if r < 0xa0 {
		return true // C1 controls
	}
	return unicode.IsSpace(r)
}

// Byte classes for the chunk scan in run.
const (
	classLetter = 1 << iota // ASCII letter
	classSpace              // ASCII white space or control character
	classHigh               // first or later byte of a multi-byte rune
	classAt                 // "@", which may start an e-mail address's domain
)

// byteClass classifies bytes for the chunk scan in run.
var byteClass = func() (c [256]uint8) {
	for b := range 256 {
		switch {
		case b <= ' ' || b == 0x7f:
			c[b] = classSpace
		case b >= 0x80:
			c[b] = classHigh
		case isLetterB(byte(b)):
			c[b] = classLetter
		case b == '@':
			c[b] = classAt
		}
	}
	return c
}()

// run tokenizes t.text from scratch into t.toks.
func (t *tokenizer) run(text string) {
	t.text = text
	if want := len(text)/5 + 16; cap(t.toks) < want {
		t.toks = make([]tok, 0, want)
	}
	t.toks = t.toks[:0]
	t.nl = 0
	t.indent = 0
	t.space = false
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < 0x80 {
			if c <= ' ' || c == 0x7f {
				switch c {
				case '\n':
					t.nl++
					t.indent = 0
				case ' ':
					t.indent++
				case '\t':
					t.indent += 4
				}
				t.space = true
				i++
				continue
			}
		} else {
			r, w := utf8.DecodeRuneInString(text[i:])
			if r != utf8.RuneError && isSpaceRune(r) {
				if r == 0x2028 || r == 0x2029 || r == 0x85 {
					t.nl++
				}
				t.space = true
				i += w
				continue
			}
		}
		// A chunk of non-space runes. Plain ASCII words, alone or with one
		// comma or semicolon after them, take a short cut. nonLetter is
		// where the first byte that is not an ASCII letter is.
		j := i
		for j < n && byteClass[text[j]] == classLetter {
			j++
		}
		nonLetter := j
		at := false
		for j < n {
			cl := byteClass[text[j]]
			if cl&classSpace != 0 {
				break
			}
			if cl&classHigh == 0 {
				at = at || cl&classAt != 0
				j++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[j:])
			if r != utf8.RuneError && isSpaceRune(r) {
				break
			}
			j += w
		}
		switch {
		case nonLetter == j:
			t.letters(i, j)
		case nonLetter == j-1 && j-i >= 2 && (text[j-1] == ',' || text[j-1] == ';'):
			t.letters(i, j-1)
			t.emit(j-1, j, 0)
		default:
			t.at = at
			t.chunk(i, j, j)
		}
		i = j
	}
}

// emit appends the token [s, e).
func (t *tokenizer) emit(s, e int, flags uint8) {
	if s >= e {
		return
	}
	t.push(s, e, flags, 0)
}

// push appends the token [s, e) with flags, filling in the white space
// before it and, when sh is 0, its shape.
func (t *tokenizer) push(s, e int, flags uint8, sh byte) {
	nl := uint8(0)
	if t.nl > 0 || len(t.toks) == 0 {
		nl = uint8(min(t.nl, 255))
		flags |= flagLineStart
		if t.indent >= 2 {
			flags |= flagIndent
		}
		t.nl = 0
	}
	if sh == 0 {
		sh = shapeOf(t.text[s:e], flags)
	}
	t.toks = append(t.toks, tok{start: s, end: e, nl: nl, flags: flags, shape: sh, space: t.space})
	t.space = false
}

// lettersShape is shape for a non-empty token of ASCII letters only.
func lettersShape(w string) byte {
	if !isUpperB(w[0]) {
		return shapeLower
	}
	if len(w) == 1 {
		return shapeInitial
	}
	for i := 1; i < len(w); i++ {
		if isLowerB(w[i]) {
			return shapeCap
		}
	}
	return shapeCaps
}

// decodeLast returns the last rune before byte e and its width.
func (t *tokenizer) decodeLast(s, e int) (rune, int) {
	if e <= s {
		return utf8.RuneError, 0
	}
	c := t.text[e-1]
	if c < 0x80 {
		return rune(c), 1
	}
	lo := max(s, e-utf8.UTFMax)
	r, w := utf8.DecodeLastRuneInString(t.text[lo:e])
	return r, w
}

// decode returns the rune at byte i (before e) and its width.
func (t *tokenizer) decode(i, e int) (rune, int) {
	if i >= e {
		return utf8.RuneError, 0
	}
	c := t.text[i]
	if c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.text[i:e])
}

func isDigit(c byte) bool   { return '0' <= c && c <= '9' }
func isLetterB(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isUpperB(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLowerB(c byte) bool { return 'a' <= c && c <= 'z' }
func isAlnumB(c byte) bool { return isDigit(c) || isUpperB(c) || isLowerB(c) }

// isLetterAt reports whether the rune at i is a letter.
func (t *tokenizer) isLetterAt(i, e int) bool {
	if i >= e {
		return false
	}
	c := t.text[i]
	if c < 0x80 {
		return isUpperB(c) || isLowerB(c)
	}
	r, _ := t.decode(i, e)
	return unicode.IsLetter(r)
}

// isAlnumAt reports whether the rune at i is a letter or digit.
func (t *tokenizer) isAlnumAt(i, e int) bool {
	if i >= e {
		return false
	}
	c := t.text[i]
	if c < 0x80 {
		return isAlnumB(c)
	}
	r, _ := t.decode(i, e)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSentPunct reports whether r belongs to a run of sentence-final
// punctuation ("?!", "...", "…").
func isSentPunct(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isOpener reports whether r is split off the front of a chunk.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '`', '(', '[', '{', '<', '“', '‘', '«', '‹', '„', '‚', '¿', '¡',
		'*', '•', '·', '‣', '◦', '▪', '■', '●', '►', '—', '–', '―', '…', '|', '~', '^',
		',', ';', ':', '!', '?', ')', ']', '}', '>', '”', '’', '»', '›', '=', '+', '_', '&', '%', '/', '\\':
		return true
	}
	return false
}

// isCloser reports whether r is split off the end of a chunk.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '`', ')', ']', '}', '>', '”', '’', '»', '›', ',', ';', ':', '!', '?',
		'…', '%', '—', '–', '―', '*', '|', '~', '=', '+', '_', '“', '‘', '«', '(', '[', '{', '<', '/', '\\', '^':
		return true
	}
	return false
}

// isCurrency reports whether r is a currency sign split off a number.
func isCurrency(r rune) bool {
	switch r {
	case '$', '£', '€', '¥', '₹', '₽', '₩', '#':
		return true
	}
	return false
}

// runEnd returns the end of the run of punctuation starting at i with
// rune r of width w: sentence punctuation mixes freely ("?!", "...."),
// other marks repeat ("--", "!!", "”").
func (t *tokenizer) runEnd(i, e int, r rune, w int) int {
	j := i + w
	if isBracket(r) {
		return j // "((" is two tokens
	}
	for j < e {
		r2, w2 := t.decode(j, e)
		if r2 == r {
			j += w2
			continue
		}
		if isSentPunct(r) && isSentPunct(r2) {
			if (r2 == '?' || r2 == '!') && j-i >= 3 && t.text[j-1] == '.' && t.text[j-2] == '.' && t.text[j-3] == '.' {
				break // "...?" is an ellipsis, then a question mark
			}
			j += w2
			continue
		}
		if isLineRune(r) && isLineRune(r2) && !(isAngle(r) && isAngle(r2)) {
			j += w2 // "----==", "-->", not "<>"
			continue
		}
		break
	}
	return j
}

func isBracket(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}':
		return true
	}
	return false
}

func isAngle(r rune) bool { return r == '<' || r == '>' }

// isLineRune reports whether r is one of the marks that make up rules and
// arrows ("----==", "-->", "=====>"), whose runs are one token.
func isLineRune(r rune) bool {
	switch r {
	case '-', '=', '_', '~', '*', '+', '<', '>', '|':
		return true
	}
	return false
}

// runStart returns the start of the run of punctuation ending at e whose
// last rune is r, not going before s.
func (t *tokenizer) runStart(s, e int, r rune, w int) int {
	j := e - w
	if isBracket(r) {
		return j // "))" is two tokens
	}
	for j > s {
		r2, w2 := t.decodeLast(s, j)
		if r2 == r {
			j -= w2
			continue
		}
		if isSentPunct(r) && isSentPunct(r2) {
			if r2 == '.' && t.text[j] != '.' && j-3 >= s && t.text[j-2] == '.' && t.text[j-3] == '.' {
				break // "...?" is an ellipsis, then a question mark
			}
			j -= w2
			continue
		}
		if isLineRune(r) && isLineRune(r2) && !(isAngle(r) && isAngle(r2)) {
			j -= w2
			continue
		}
		break
	}
	return j
}

// chunk tokenizes the white-space-free chunk [s, e). next is where the
// rest of the text starts (used to look at the following chunk).
func (t *tokenizer) chunk(s, e, next int) {
	if e-s <= 4 && isEmoticon(t.text[s:e]) {
		t.emit(s, e, 0)
		return
	}
	if c := t.text[s]; (c == ':' || c == ';' || c == '=') && emoticonPrefix(t.text[s:e]) > 0 {
		k := emoticonPrefix(t.text[s:e])
		t.emit(s, s+k, 0) // ":-)."
		t.chunk(s+k, e, next)
		return
	}
	// Leading punctuation.
	for s < e {
		if isAlnumB(t.text[s]) {
			goto body
		}
		r, w := t.decode(s, e)
		switch {
		case r == '\'' || r == '’' || r == '`':
			if t.isAlnumAt(s+w, e) && t.keepLeadingApostrophe(s+w, e) {
				goto body
			}
			q := t.runEnd(s, e, r, w)
			t.emit(s, q, 0)
			s = q
		case r == '.':
			q := t.runEnd(s, e, r, w)
			if q == s+1 && q < e && isDigit(t.text[q]) {
				goto body // ".5"
			}
			t.emit(s, q, 0)
			s = q
		case r == '-' || r == '‐':
			q := t.runEnd(s, e, r, w)
			if q == s+w && q < e && isDigit(t.text[q]) {
				goto body // "-5"
			}
			t.emit(s, q, 0)
			s = q
		case r == '&':
			if q := entityEnd(t.text, s, e); q > s {
				t.emit(s, q, 0) // "&lt;", "&#3;"
				s = q
				continue
			}
			t.emit(s, s+1, 0)
			s++
		case r == '@' && s+1 < e && isDigit(t.text[s+1]):
			t.emit(s, s+1, 0) // "@2.975"
			s++
		case r == '+' && s+1 < e && isDigit(t.text[s+1]):
			goto body // "+44"
		case r == '#' && s+1 < e && isLetterB(t.text[s+1]):
			goto body // "#audiobooks"
		case isCurrency(r):
			q := t.runEnd(s, e, r, w)
			t.emit(s, q, 0)
			s = q
		case isOpener(r) || isSentPunct(r):
			q := t.runEnd(s, e, r, w)
			t.emit(s, q, 0)
			s = q
		default:
			goto body
		}
	}
	return
body:
	if !t.at && !urlFirst[t.text[s]] {
		// Neither a URL nor an e-mail address: skip urlEnd.
	} else if u := t.urlEnd(s, e); u > s {
		t.emit(s, u, flagURL)
		if u < e {
			t.chunk(u, e, next)
		}
		return
	}
	// Trailing punctuation, collected in reverse on t.stack.
	t.stack = t.stack[:0]
	ce := e
	if c := t.text[e-1]; c != ')' && c != '(' && c != 'D' && c != 'P' {
		// No smiley at the end.
	} else if k := emoticonSuffix(t.text[s:e]); k > 0 && e-k > s && t.isAlnumAt(e-k-1, e) {
		t.stack = append(t.stack, tok{start: e - k, end: e})
		ce = e - k
	}
	abbr := uint8(0)
trailing:
	for ce > s {
		if isAlnumB(t.text[ce-1]) {
			break
		}
		r, w := t.decodeLast(s, ce)
		switch {
		case r == '.':
			q := t.runStart(s, ce, r, w)
			if q == ce-1 || (q == ce-2 && t.text[q] == '.') {
				// "Inc." or "Inc.." (an abbreviation, then a period).
				if f := t.abbreviation(s, q, next); f != 0 {
					if q == ce-2 {
						t.stack = append(t.stack, tok{start: ce - 1, end: ce})
					}
					abbr = f
					ce = q + 1
					break trailing
				}
			}
			t.stack = append(t.stack, tok{start: q, end: ce})
			ce = q
		case r == '\'' || r == '’':
			// A closing quote or the possessive of a plural ("Galois'").
			q := t.runStart(s, ce, r, w)
			t.stack = append(t.stack, tok{start: q, end: ce})
			ce = q
		case r == '-' || r == '‐':
			q := t.runStart(s, ce, r, w)
			t.stack = append(t.stack, tok{start: q, end: ce})
			ce = q
		case r == '#' && ce-1 > s && isLetterB(t.text[ce-2]):
			t.stack = append(t.stack, tok{start: ce - 1, end: ce}) // "job#"
			ce--
		case isCloser(r) || isSentPunct(r):
			q := t.runStart(s, ce, r, w)
			if r != '.' && isSentPunct(r) && t.text[q] == '.' && q+1 < ce && t.text[q+1] != '.' {
				// "T.V.?": the period belongs to the abbreviation.
				if f := t.abbreviation(s, q, next); f&flagMultiAbbr != 0 {
					t.stack = append(t.stack, tok{start: q + 1, end: ce})
					abbr = f
					ce = q + 1
					break trailing
				}
			}
			t.stack = append(t.stack, tok{start: q, end: ce})
			ce = q
		default:
			break trailing
		}
	}
	if ce > s {
		t.middle(s, ce, abbr)
	}
	for k := len(t.stack) - 1; k >= 0; k-- {
		t.emit(t.stack[k].start, t.stack[k].end, 0)
	}
}

// keepLeadingApostrophe reports whether an apostrophe before [s, e) belongs
// to the word: "'90s", or a whole-chunk clitic such as "'s" or "'re".
func (t *tokenizer) keepLeadingApostrophe(s, e int) bool {
	if isDigit(t.text[s]) {
		return true
	}
	// The rest must be letters only, and a known clitic.
	w := t.text[s:e]
	if len(w) > 3 {
		return false
	}
	var buf [4]byte
	lw := lowerASCII(buf[:0], w)
	switch string(lw) {
	case "s", "m", "d", "re", "ve", "ll", "em", "t", "n", "til", "cause":
		return true
	}
	return false
}

// lowerASCII appends s to dst with ASCII letters lowercased.
func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpperB(c) {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// abbreviation decides whether the period after [s, e) belongs to the
// word, returning flagAbbr, flagAbbr|flagMultiAbbr, or 0 when the period
// is punctuation. next is where the following text starts.
func (t *tokenizer) abbreviation(s, e, next int) uint8 {
	if e <= s {
		return 0
	}
	w := t.text[s:e]
	// The word after a hyphen, which the hyphen will be split from: "Mass."
	// in "(D-Mass.)", "Feb." in "Jan.-Feb.", "U.S." in "Anglo-U.S.".
	if h := strings.LastIndexByte(w, '-'); h >= 0 && e-(s+h+1) >= 2 && isLetterB(w[h+1]) && isLetterB(w[len(w)-1]) {
		return t.abbreviation(s+h+1, e, next)
	}
	// Inner periods: "U.S", "e.g", "Ph.D", "J.R.R" (short parts only).
	if hasByte(w, '.') {
		part, letters := 0, 0
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c == '.':
				if part == 0 {
					return 0
				}
				part = 0
			case isUpperB(c) || isLowerB(c):
				part++
				letters++
				if part > 3 {
					return 0
				}
			default:
				return 0
			}
		}
		if letters > 0 {
			return flagAbbr | flagMultiAbbr
		}
		return 0
	}
	// A single capital letter: an initial.
	if len(w) == 1 && isUpperB(w[0]) {
		return flagAbbr
	}
	if len(w) >= 2 && len(w) <= utf8.UTFMax && utf8.RuneCountInString(w) == 1 {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return flagAbbr // "Á."
		}
	}
	if len(w) > maxAbbrLen || !maybeAbbreviation(w) {
		return 0
	}
	var buf [maxAbbrLen]byte
	lw := lowerASCII(buf[:0], w)
	kind, ok := abbreviations[string(lw)]
	if !ok {
		return 0
	}
	switch kind {
	case abbrBeforeNumber:
		// "No. 5", "Nos. 3": only before a number.
		if !t.nextStartsWithDigit(next) {
			return 0
		}
	case abbrCapitalized:
		// "Gen.", "Calif.", not "gen." nor "FT." (an acronym).
		if !isUpperB(w[0]) || len(w) > 1 && !isLowerB(w[1]) {
			return 0
		}
	}
	if titles[string(lw)] {
		return flagAbbr | flagTitle
	}
	return flagAbbr
}

// nextStartsWithDigit reports whether the first non-space byte at or after
// i is a digit.
func (t *tokenizer) nextStartsWithDigit(i int) bool {
	for i < len(t.text) && (t.text[i] == ' ' || t.text[i] == '\t') {
		i++
	}
	return i < len(t.text) && isDigit(t.text[i])
}

func hasByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// middle splits the core [s, e) of a chunk at inner punctuation, hyphens
// and dashes, and emits its words. abbr flags the last word.
func (t *tokenizer) middle(s, e int, abbr uint8) {
	ps := s
	i := s
	for i < e {
		c := t.text[i]
		if !midSpecial[c] {
			i++
			continue
		}
		var r rune
		w := 1
		if c < 0x80 {
			r = rune(c)
		} else {
			r, w = t.decode(i, e)
		}
		switch r {
		case '-', '‐', '‑':
			q := t.runEnd(i, e, r, w)
			if q == i+w && t.keepHyphen(ps, i, q, e) {
				i = q
				continue
			}
			if ps == s && abbr == 0 && fileName(t.text[s:e]) {
				t.emit(s, e, 0) // "ld2d-#69366-1.DOC", "Get-A-Free-House.com"
				return
			}
			t.word(ps, i, 0)
			t.emit(i, q, 0)
			ps, i = q, q
		case '—', '–', '―', '…', ';', '!', '?', '"', '“', '”', '(', ')', '[', ']', '{', '}', '«', '»', '|', '*', '=', '~', '^', '<', '>', '\\':
			q := t.runEnd(i, e, r, w)
			t.word(ps, i, 0)
			t.emit(i, q, 0)
			ps, i = q, q
			if q < e && (r == '<' || r == '"' || r == '(' || r == '[') {
				if u := t.urlEnd(q, e); u > q {
					t.emit(q, u, flagURL) // "Name"<name@example.com
					ps, i = u, u
				}
			}
		case '.':
			q := t.runEnd(i, e, r, w)
			if q-i >= 2 || t.missingSpace(ps, i, e) {
				// An inner ellipsis, or a sentence end with no space
				// after it ("quality.You").
				t.word(ps, i, 0)
				t.emit(i, q, 0)
				ps, i = q, q
				continue
			}
			i = q
		case ',', ':':
			if i > s && isDigit(t.text[i-1]) && i+1 < e && isDigit(t.text[i+1]) {
				i++
				continue
			}
			t.word(ps, i, 0)
			t.emit(i, i+1, 0)
			ps, i = i+1, i+1
		case '#':
			if i > ps && isLetterB(t.text[i-1]) && i+1 < e && isDigit(t.text[i+1]) {
				t.word(ps, i, 0) // "job#0000108806"
				t.emit(i, i+1, 0)
				ps = i + 1
			}
			i++
		case '/':
			if t.keepSlash(ps, i, e) {
				i++
				continue
			}
			t.word(ps, i, 0)
			t.emit(i, i+1, 0)
			ps, i = i+1, i+1
		default:
			i += w
		}
	}
	t.word(ps, e, abbr)
}

// missingSpace reports whether the period at i inside [ps, e) ends a
// sentence whose following space is missing: a lowercase word of two or
// more letters before it and a capitalized word after it that is not a
// domain name part ("quality.You", not "Amazon.com" or "U.S.").
func (t *tokenizer) missingSpace(ps, i, e int) bool {
	if i-ps < 2 || i-ps > 30 || i+2 >= e || !isUpperB(t.text[i+1]) || !isLowerB(t.text[i+2]) {
		return false
	}
	for j := ps; j < i; j++ {
		if !isLowerB(t.text[j]) && !(j == ps && isUpperB(t.text[j])) {
			return false
		}
	}
	j := i + 2
	for j < e && isLowerB(t.text[j]) {
		j++
	}
	if j < e && t.text[j] != '\'' && t.text[j] != ',' {
		return false // more of the same chunk: a domain or a path
	}
	var buf [8]byte
	if j-i-1 > len(buf) {
		return true
	}
	return !fileExtensions[string(lowerASCII(buf[:0], t.text[i+1:j]))]
}

// fileExtensions lists the top-level domains and file extensions after
// which a period is part of a name ("Amazon.com", "report.pdf").
var fileExtensions = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "info": true, "biz": true,
	"co": true, "uk": true, "io": true, "us": true, "de": true, "fr": true, "html": true,
	"htm": true, "php": true, "asp": true, "jpg": true, "pdf": true, "doc": true, "txt": true,
	"exe": true, "js": true, "xls": true, "ppt": true, "zip": true, "gif": true, "png": true,
	"csv": true, "rtf": true, "docx": true, "xlsx": true, "pptx": true,
}

// fileName reports whether w, letters, digits and "-_#." only, ends with
// a period and a file extension or top-level domain, as a file or host
// name does ("ld2d-#69366-1.DOC", "Get-A-Free-House.com").
func fileName(w string) bool {
	dot := strings.LastIndexByte(w, '.')
	if dot <= 0 || len(w)-dot-1 < 2 || len(w)-dot-1 > 4 || !isAlnumB(w[dot-1]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !isAlnumB(c) && c != '-' && c != '_' && c != '#' && c != '.' {
			return false
		}
	}
	var buf [4]byte
	return fileExtensions[string(lowerASCII(buf[:0], w[dot+1:]))]
}

// midSpecial marks the bytes that middle must look at: inner punctuation
// and the first bytes of multi-byte runes.
var midSpecial = func() (set [256]bool) {
	for _, c := range []byte("-—;!?\"()[]{}|*=~^<>\\.,:/#") {
		set[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		set[c] = true
	}
	return set
}()

// keepSlash reports whether the slash at i inside [ps, e) stays inside the
// word: between digits ("9/11", "1/2") or in a short form ("w/o", "A/C").
func (t *tokenizer) keepSlash(ps, i, e int) bool {
	if i == ps || i+1 >= e {
		return false
	}
	if isDigit(t.text[i-1]) && isDigit(t.text[i+1]) {
		return t.keepNumberSlash(ps, i, e)
	}
	// Short letter forms: at most two letters on each side, one of them a
	// single letter ("w/o", "A/C", "s/he"; not "NY/NJ").
	l := i - ps
	r := 0
	for j := i + 1; j < e && isAlnumB(t.text[j]); j++ {
		r++
	}
	return l <= 2 && r >= 1 && r <= 2 && (l == 1 || r == 1) && (i+1+r == e || !t.isAlnumAt(i+1+r, e))
}

// keepNumberSlash reports whether the slash at i between two digits stays
// inside the token: in a date ("11/28/2000", "9/11"), a fraction ("1/2")
// or a telephone number ("713/871-5119"), not between two numbers that are
// no month and day ("24/7", "2001/02", "19/20").
func (t *tokenizer) keepNumberSlash(ps, i, e int) bool {
	a := i
	for a > ps && isDigit(t.text[a-1]) {
		a--
	}
	b := i + 1
	for b < e && isDigit(t.text[b]) {
		b++
	}
	if a > ps && t.text[a-1] == '/' || b < e && (t.text[b] == '/' || t.text[b] == '-') {
		return true // a date of three parts, or a telephone number
	}
	if i-a > 2 || b-(i+1) > 2 {
		return false
	}
	month := int(t.text[i-1] - '0')
	if i-a == 2 {
		month += 10 * int(t.text[a]-'0')
	}
	day := int(t.text[b-1] - '0')
	if b-(i+1) == 2 {
		day += 10 * int(t.text[i+1]-'0')
	}
	return month <= 12 && day <= 31
}

// keepHyphen reports whether the single hyphen [i, q) stays inside the
// word that started at ps: after a bound prefix ("non-", "anti-", "e-"),
// or in a telephone number. UD EWT and GUM split other hyphens.
func (t *tokenizer) keepHyphen(ps, i, q, e int) bool {
	if i == ps || q >= e {
		return false
	}
	left := t.text[ps:i]
	if isDigit(left[0]) {
		// Telephone numbers: "713-853-1234", "555-1234".
		if !isDigit(t.text[q]) {
			return false
		}
		if numericDate(t.text[ps:e]) {
			return true // "12-20-2000"
		}
		digits := 0
		for j := len(left) - 1; j >= 0 && isDigit(left[j]); j-- {
			digits++
		}
		rd := 0
		for j := q; j < e && isDigit(t.text[j]); j++ {
			rd++
		}
		if q+rd != e && t.text[q+rd] != '-' {
			return false
		}
		// "555-1234", "713-853-1234", extensions "3-5213", ZIP+4 "77002-7361".
		if left == "1" && rd == 3 && q+rd < e {
			return true // "1-800-991-9019"
		}
		return digits == 3 && rd >= 3 || digits == len(left) && digits != 4 && digits <= 5 && rd == 4 && (q+rd == e || t.text[q+rd] != '-')
	}
	if !t.isLetterAt(q, e) && !isDigit(t.text[q]) {
		return false
	}
	if len(left) > maxPrefixLen {
		return false
	}
	var buf [maxPrefixLen]byte
	return prefixes[string(lowerASCII(buf[:0], left))]
}

// word emits the word [s, e), splitting clitics and contractions as UD
// does: "do n't", "Trump 's", "I 'm", "gon na", "can not".
func (t *tokenizer) word(s, e int, flags uint8) {
	if s >= e {
		return
	}
	n := e - s
	if flags == 0 && n >= 3 {
		// n't
		if t.text[e-1] == 't' || t.text[e-1] == 'T' {
			if a := t.apostropheBefore(s, e-1); a > s {
				if c := t.text[a-1]; (c == 'n' || c == 'N') && a-1 > s {
					t.emit(s, a-1, 0)
					t.emit(a-1, e, 0)
					return
				}
			}
		}
		// 's 'm 'd 're 've 'll
		last := t.text[e-1] | 0x20
		switch last {
		case 's', 'm', 'd':
			if a := t.apostropheBefore(s, e-1); a > s && t.isLetterAt(s, e) {
				t.emit(s, a, 0)
				t.emit(a, e, 0)
				return
			}
		case 'e', 'l':
			if n >= 4 {
				p := t.text[e-2] | 0x20
				if (last == 'e' && (p == 'r' || p == 'v')) || (last == 'l' && p == 'l') {
					if a := t.apostropheBefore(s, e-2); a > s && t.isLetterAt(s, e) {
						t.emit(s, a, 0)
						t.emit(a, e, 0)
						return
					}
				}
			}
		}
	}
	if flags == 0 && n >= 2 && n <= 4 && maybeContraction(t.text[s:e]) {
		if k := t.bareClitic(s, e); k > 0 {
			t.emit(s, k, 0)
			t.emit(k, e, 0)
			return
		}
	}
	if flags == 0 && n >= 2 && n <= maxContractionLen && maybeContraction(t.text[s:e]) {
		var buf [maxContractionLen]byte
		if k, ok := contractions[string(lowerASCII(buf[:0], t.text[s:e]))]; ok {
			t.contraction(s, e, k)
			return
		}
	}
	// Digits followed by a unit: "5pm", "10km".
	if flags == 0 && isDigit(t.text[s]) {
		j := s
		for j < e && (isDigit(t.text[j]) || t.text[j] == '.' || t.text[j] == ',' || t.text[j] == ':') {
			j++
		}
		if j < e && j-s <= 6 && isDigit(t.text[j-1]) && e-j <= maxUnitLen {
			var buf [maxUnitLen]byte
			if units[string(lowerASCII(buf[:0], t.text[j:e]))] {
				t.emit(s, j, 0)
				t.emit(j, e, 0)
				return
			}
		}
	}
	t.emit(s, e, flags)
}

// letters tokenizes [s, e), which holds ASCII letters only. It does what
// word does with no flags, more quickly: with no apostrophe and no digit,
// only the contraction lexicon applies ("cannot").
func (t *tokenizer) letters(s, e int) {
	w := t.text[s:e]
	if n := len(w); n >= 2 && n <= maxContractionLen && maybeContraction(w) {
		if n <= 4 {
			if k := t.bareClitic(s, e); k > 0 {
				t.emit(s, k, 0)
				t.emit(k, e, 0)
				return
			}
		}
		var buf [maxContractionLen]byte
		if k, ok := contractions[string(lowerASCII(buf[:0], w))]; ok {
			t.contraction(s, e, k)
			return
		}
	}
	t.push(s, e, 0, lettersShape(w))
}

// apostropheBefore returns the start of an apostrophe (' or ’ or `) that
// ends at byte e, or -1.
func (t *tokenizer) apostropheBefore(s, e int) int {
	if e-1 >= s {
		switch t.text[e-1] {
		case '\'', '`':
			return e - 1
		}
	}
	if e-3 >= s && t.text[e-3:e] == "’" {
		return e - 3
	}
	return -1
}

// urlFirst marks the first letters of "http", "https", "ftp", "www",
// "mailto", which urlEnd looks for.
var urlFirst = [256]bool{'h': true, 'H': true, 'w': true, 'W': true, 'f': true, 'F': true, 'm': true, 'M': true}

// urlEnd returns the end of a URL or e-mail address starting at s within
// [s, e), without trailing punctuation, or s when there is none.
func (t *tokenizer) urlEnd(s, e int) int {
	w := t.text[s:e]
	switch w[0] {
	case 'h', 'H', 'w', 'W', 'f', 'F', 'm', 'M':
		if len(w) < 4 || (w[1]|0x20 != 't' && w[1]|0x20 != 'w' && w[1]|0x20 != 'a') {
			if strings.IndexByte(w, '@') < 0 {
				return s
			}
		}
	default:
		if strings.IndexByte(w, '@') < 0 {
			return s
		}
	}
	url := false
	end := e
	switch {
	case hasPrefixFold(w, "http://"), hasPrefixFold(w, "https://"), hasPrefixFold(w, "ftp://"),
		hasPrefixFold(w, "www."), hasPrefixFold(w, "mailto:"):
		url = true
	default:
		// An e-mail address: word chars, "@", a domain with a dot.
		at := -1
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c == '@' {
				at = i
				break
			}
			if !isAlnumB(c) && c != '.' && c != '_' && c != '-' && c != '+' {
				return s
			}
		}
		if at <= 0 {
			return s
		}
		dot := false
		i := at + 1
		for ; i < len(w); i++ {
			c := w[i]
			if c == '.' && i > at+1 && i+1 < len(w) && isAlnumB(w[i+1]) {
				dot = true
				continue
			}
			if !isAlnumB(c) && c != '-' && c != '.' {
				break
			}
		}
		if !dot {
			return s
		}
		url = true
		end = s + i // the address ends with its domain
	}
	if !url {
		return s
	}
	// Trim trailing punctuation, keeping a closing parenthesis that
	// matches an opening one inside the URL.
	opens, closes := countByte(w, '('), countByte(w, ')')
	for end > s {
		c := t.text[end-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'', '"', ']', '>', '}':
			end--
			continue
		case ')':
			if opens < closes {
				closes--
				end--
				continue
			}
		}
		if c >= 0x80 {
			r, w := utf8.DecodeLastRuneInString(t.text[s:end])
			if r == '”' || r == '’' || r == '»' {
				end -= w
				continue
			}
		}
		break
	}
	return end
}

func countByte(s string, b byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			n++
		}
	}
	return n
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isUpperB(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// entityEnd returns the end of an HTML character reference ("&amp;",
// "&#39;") starting at s within [s, e), or s.
func entityEnd(text string, s, e int) int {
	j := s + 1
	if j < e && text[j] == '#' {
		j++
	}
	k := j
	for k < e && k-j < 8 && isAlnumB(text[k]) {
		k++
	}
	if k > j && k < e && text[k] == ';' {
		return k + 1
	}
	return s
}

// emoticonSuffix returns the length of a smiley that ends w ("family:)"),
// or 0.
func emoticonSuffix(w string) int {
	if len(w) < 3 {
		return 0
	}
	switch w[len(w)-1] {
	case ')', '(', 'D', 'P':
	default:
		return 0
	}
	if c := w[len(w)-2]; c != ':' && c != ';' && c != '-' {
		return 0
	}
	for _, e := range [...]string{":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":P"} {
		if len(w) > len(e) && w[len(w)-len(e):] == e {
			return len(e)
		}
	}
	return 0
}

// isEmoticon reports whether w is a common emoticon kept as one token.
func isEmoticon(w string) bool {
	if len(w) < 2 || len(w) > 4 || isAlnumB(w[0]) && w[0] != 'x' && w[0] != 'X' {
		return false
	}
	switch w {
	case ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", ":-P", ":/", ":-/",
		"=)", "=(", "(:", ":'(", ":o", ":O", "<3", "^_^", "xD", "XD", ":]", ":[", ";D", ":|":
		return true
	}
	return false
}

// bareClitic returns where to split the word [s, e) when it is "its",
// "your" or "lets" standing for "it's", "you're" or "let's" (UD: "it s",
// "you r", "let s"), judged by the words around it; otherwise 0.
func (t *tokenizer) bareClitic(s, e int) int {
	c := t.text[s] | 0x20
	var key uint32 // the word's bytes, lowercased
	for i := s; i < e; i++ {
		key = key<<8 | uint32(t.text[i]|0x20)
	}
	switch key {
	case keyIts, keyYour:
		next, after := t.peekWord(e)
		if afterCopula[next] && (c == 'i' || next != "all") { // "give your all"
			return e - 1
		}
		if (next == "kind" || next == "sort") && after == "of" {
			return e - 1 // "its kind of", not "of its kind"
		}
	case keyIll, keyID:
		// "ill be", "id just": "I'll", "I'd" before a verb or adverb (not
		// the name in "Kim Jong Ill also").
		if next, _ := t.peekWord(e); c == t.text[s] && afterSubject[next] {
			return s + 1
		}
	case keyLets:
		next, _ := t.peekWord(e)
		if next == "" || letsObjects[next] {
			return 0
		}
		if isUpperB(t.text[s]) {
			return e - 1
		}
		if n := len(t.toks); n > 0 {
			p := t.toks[n-1]
			var pb [8]byte
			if p.end-p.start <= len(pb) && beforeLets[string(lowerASCII(pb[:0], t.text[p.start:p.end]))] {
				return e - 1
			}
		}
	}
	return 0
}

// Keys of the words bareClitic splits: their bytes, big-endian.
const (
	keyIts  = 'i'<<16 | 't'<<8 | 's'
	keyYour = 'y'<<24 | 'o'<<16 | 'u'<<8 | 'r'
	keyIll  = 'i'<<16 | 'l'<<8 | 'l'
	keyID   = 'i'<<8 | 'd'
	keyLets = 'l'<<24 | 'e'<<16 | 't'<<8 | 's'
)

// peekEnd returns the end of the run of ASCII letters that starts after
// the white space at i, or i.
func (t *tokenizer) peekEnd(i int) int {
	j := i
	for j < len(t.text) && (t.text[j] == ' ' || t.text[j] == '\t' || t.text[j] == '\n' || t.text[j] == '\r') {
		j++
	}
	if j == i {
		return i
	}
	k := j
	for k < len(t.text) && isLetterB(t.text[k]) {
		k++
	}
	return k
}

// peekWord returns, lowercased, the word of ASCII letters that follows
// the white space at i, and the word after that; "" when there is none or
// the word goes on with a hyphen, apostrophe or digit ("all-time").
func (t *tokenizer) peekWord(i int) (next, after string) {
	k := t.peekEnd(i)
	j := k
	for j > i && isLetterB(t.text[j-1]) {
		j--
	}
	if j == k || k-j > 12 {
		return "", ""
	}
	if k < len(t.text) {
		if c := t.text[k]; c == '-' || c == '\'' || isDigit(c) || c >= 0x80 {
			return "", ""
		}
	}
	var buf [12]byte
	next = string(lowerASCII(buf[:0], t.text[j:k]))
	if k2 := t.peekEnd(k); k2 > k {
		j2 := k2
		for j2 > k && isLetterB(t.text[j2-1]) {
			j2--
		}
		if k2-j2 <= 12 {
			var buf2 [12]byte
			after = string(lowerASCII(buf2[:0], t.text[j2:k2]))
		}
	}
	return next, after
}

// emoticonPrefix returns the length of an emoticon that starts w and is
// followed by punctuation only (":-).", ":)!!"), or 0.
func emoticonPrefix(w string) int {
	if len(w) < 3 || (w[0] != ':' && w[0] != ';' && w[0] != '=') {
		return 0
	}
	for k := 4; k >= 2; k-- {
		if k >= len(w) || !isEmoticon(w[:k]) {
			continue
		}
		for i := k; i < len(w); i++ {
			if c := w[i]; c >= 0x80 || isAlnumB(c) {
				return 0
			}
		}
		return k
	}
	return 0
}

// numericDate reports whether w starts with a date written with hyphens:
// month and day of one or two digits and a year of two or four, followed
// by nothing more of digits and hyphens ("12-20-2000", "3-8-01").
func numericDate(w string) bool {
	var parts [3]int
	k, n := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case isDigit(c):
			n++
		case c == '-' && n > 0 && k < 2:
			parts[k] = n
			k++
			n = 0
		default:
			if c == '-' {
				return false
			}
			i = len(w)
		}
	}
	if k != 2 {
		return false
	}
	parts[2] = n
	return parts[0] <= 2 && parts[1] <= 2 && (parts[2] == 2 || parts[2] == 4)
}

// contraction emits the word [s, e) split as contractions[word] = k says:
// at k, or at k&15 and k>>4 ("du n no").
func (t *tokenizer) contraction(s, e, k int) {
	if k >= 16 {
		t.emit(s, s+k&15, 0)
		t.emit(s+k&15, s+k>>4, 0)
		t.emit(s+k>>4, e, 0)
		return
	}
	t.emit(s, s+k, 0)
	t.emit(s+k, e, 0)
}
