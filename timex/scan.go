package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  uint8 = iota + 1 // a run of letters
	kNum                    // a run of ASCII digits
	kPunct                  // any other single character
)

// token is one scanned piece of text. Words and numbers are maximal runs
// of letters or digits, so "10-hour" is "10" "-" "hour" and "p.m." is
// "p" "." "m" ".".
type token struct {
	start, end int32
	kind       uint8
	space      bool   // whitespace (or the text's start) precedes the token
	upper      bool   // the first letter is upper case
	ch         byte   // the byte of a one-byte punctuation token
	num        int32  // value of a kNum token (saturated), -1 otherwise
	e          *entry // lexicon entry of a word, nil when unknown
}

// maxWord is the longest word looked up in the lexicon; longer words are
// scanned but never match.
const maxWord = 16

// scan splits text into tokens, appending them to toks, which it returns.
// Invalid UTF-8 bytes become one-byte punctuation tokens.
func scan(text string, lx lexicon, toks []token) []token {
	var buf [maxWord]byte
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			var v int32
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if v < 1e8 {
					v = v*10 + int32(text[j]-'0')
				}
				j++
			}
			toks = append(toks, token{start: int32(i), end: int32(j), kind: kNum, space: space, num: v})
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c) || c >= utf8.RuneSelf && startsLetter(text[i:]):
			j := i
			n := 0
			ascii := true
			for j < len(text) {
				b := text[j]
				if b < utf8.RuneSelf {
					if !isASCIILetter(b) {
						break
					}
					if n < maxWord {
						buf[n] = b | 0x20
					}
					n++
					j++
					continue
				}
				r, w := utf8.DecodeRuneInString(text[j:])
				if r == utf8.RuneError || !unicode.IsLetter(r) {
					break
				}
				ascii = false
				j += w
				n += w
			}
			t := token{start: int32(i), end: int32(j), kind: kWord, space: space, num: -1}
			t.upper = c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && startsUpper(text[i:])
			if ascii && n <= maxWord {
				t.e = lx[string(buf[:n])]
			}
			toks = append(toks, t)
			i = j
		default:
			w := 1
			if c >= utf8.RuneSelf {
				_, w = utf8.DecodeRuneInString(text[i:])
			}
			t := token{start: int32(i), end: int32(i + w), kind: kPunct, space: space, num: -1}
			if w == 1 {
				t.ch = c
			}
			toks = append(toks, t)
			i += w
		}
		space = false
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
