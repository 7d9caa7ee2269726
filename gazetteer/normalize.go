package gazetteer

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps the runes U+00C0..U+024F (Latin-1 Supplement, Latin
// Extended-A and -B) to their lowercase ASCII base letters, built once from
// their canonical decompositions.
var (
	foldOnce  sync.Once
	foldTable [0x250 - 0xC0]string
)

func buildFold() {
	special := map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
		'ł': "l", 'Ł': "l", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
		'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŀ': "l", 'Ŀ': "l",
		'×': " ", '÷': " ",
	}
	for r := rune(0xC0); r < 0x250; r++ {
		if s, ok := special[r]; ok {
			foldTable[r-0xC0] = s
			continue
		}
		var b strings.Builder
		for _, c := range norm.NFD.String(string(r)) {
			if c < utf8.RuneSelf {
				b.WriteRune(unicode.ToLower(c))
			}
		}
		if b.Len() == 0 {
			b.WriteString(string(unicode.ToLower(r)))
		}
		foldTable[r-0xC0] = b.String()
	}
}

// Normalize returns the lookup key of a place name: lowercase, Latin
// diacritics removed ("Bogotá" and "BOGOTA" both give "bogota"), periods
// and apostrophes dropped ("St. John's" gives "st johns", "U.S." gives
// "us"), and hyphens, commas, slashes and runs of white space turned into
// one space, trimmed at both ends. Invalid UTF-8 bytes become spaces.
// Normalize("") is "".
func Normalize(s string) string {
	return string(AppendNormalized(nil, s))
}

// AppendNormalized appends Normalize(s) to dst and returns the extended
// slice; it lets callers reuse a buffer across lookups.
func AppendNormalized(dst []byte, s string) []byte {
	foldOnce.Do(buildFold)
	start := len(dst)
	space := true // suppress leading spaces
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
				space = false
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
				space = false
			case c == '.' || c == '\'' || c == '`':
				// dropped
			default:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case r == utf8.RuneError && w == 1:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		case r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == '\u00AD':
			// apostrophes and soft hyphens are dropped
		case r >= 0xC0 && r < 0x250:
			f := foldTable[r-0xC0]
			if f == " " {
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			}
			dst = append(dst, f...)
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			space = false
		case unicode.Is(unicode.Mn, r):
			// a combining mark left over from decomposed input
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}
