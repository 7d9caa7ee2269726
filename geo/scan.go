package geo

import (
	"unicode"
	"unicode/utf8"
)

// word is one word of the text as the places stage sees it: a run of
// letters and digits, with inner periods, hyphens and apostrophes ("U.S",
// "Winston-Salem", "O'Fallon"); a possessive "'s" is left out of the span.
type word struct {
	start, end int
	cap        bool // first letter is upper case
	allCap     bool // every letter is upper case, and there are two or more
	sentStart  bool // first word of a sentence (or of the text)
	afterComma bool // the previous non-space character is a comma
	lineStart  bool // first word on its line
	dotAfter   bool // a period follows the word directly
}

// maxWords bounds the words scanned in one document, so that time and memory
// stay bounded on huge input.
const maxWords = 1 << 20

// scanWords splits text into words. It never fails: invalid UTF-8 bytes and
// symbols separate words.
func scanWords(text string) []word {
	var ws []word
	sent, comma, line := true, false, true
	for i := 0; i < len(text) && len(ws) < maxWords; {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) || (r == utf8.RuneError && w == 1) {
			switch {
			case r == '.' || r == '!' || r == '?':
				sent, comma = true, false
			case r == '\n':
				sent, line, comma = true, true, false
			case r == ',':
				comma = true
			case r == ' ' || r == '\t' || r == '\r' || r == '"' || r == '“' || r == '”' || r == '(' || r == '\'' || r == '‘' || r == '’':
			default:
				comma = false
			}
			i += w
			continue
		}
		start := i
		end := i + w
		upper, lower := 0, 0
		first := true
		isCap := false
		j := start
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) && !(r == utf8.RuneError && w == 1) {
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLower(r) {
					lower++
				}
				if first {
					isCap = unicode.IsUpper(r)
					first = false
				}
				j += w
				end = j
				continue
			}
			// Inner punctuation: keep it when a letter or digit follows.
			// Hyphens split words ("Logan-Rogersville", "D-S.C."); names
			// spelt with one are matched across it.
			if r == '.' || r == '\'' || r == '’' || r == '&' {
				if j+w < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[j+w:])
					if isWordRune(r2) && r2 != utf8.RuneError {
						j += w
						continue
					}
				}
			}
			break
		}
		// Leave a possessive out of the span.
		if e := end; e-start > 2 {
			if text[e-1] == 's' || text[e-1] == 'S' {
				if text[e-2] == '\'' {
					end = e - 2
				} else if e-start > 4 && text[e-4:e-1] == "’" {
					end = e - 4
				}
			}
		}
		ws = append(ws, word{start: start, end: end, cap: isCap, allCap: upper >= 2 && lower == 0,
			sentStart: sent, afterComma: comma, lineStart: line,
			dotAfter: j < len(text) && text[j] == '.'})
		sent, comma, line = false, false, false
		i = j
	}
	return ws
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}
