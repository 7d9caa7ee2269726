package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"sitrep/doc"
)

// NameKey folds a name or role phrase for lookup: lower case, accents
// removed, a final possessive "'s" dropped, every run of characters other
// than letters, digits, hyphens and apostrophes made one space, and the
// ends trimmed. "Delcy  Rodríguez's" and "delcy rodriguez" give the same
// key. Invalid UTF-8 counts as a separator; an empty or blank name gives "".
func NameKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if r == utf8.RuneError && w == 1 {
			r = ' '
		}
		if r >= utf8.RuneSelf {
			// Decompose and drop combining marks.
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					r = d
					break
				}
			}
		}
		r = unicode.ToLower(r)
		if r == '’' {
			r = '\''
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'') {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	k := b.String()
	for {
		k2 := strings.Trim(strings.TrimSuffix(k, "'s"), "'- ")
		if k2 == k {
			return k
		}
		k = k2
	}
}

// NameVariants returns the lookup keys of an actor's name: its NameKey
// and, for a person of two or more words, the last word (the surname:
// "rodriguez" of "Delcy Rodríguez") and, with three or more, the last two
// ("corina machado"). Words of one or two letters are no surname. The
// whole key comes first; an empty name gives nil.
func NameVariants(name, typ string) []string {
	k := NameKey(name)
	if k == "" {
		return nil
	}
	out := []string{k}
	if typ != doc.Person {
		return out
	}
	ws := strings.Fields(k)
	if n := len(ws); n >= 2 && utf8.RuneCountInString(ws[n-1]) >= 3 {
		out = append(out, ws[n-1])
		if n >= 3 {
			out = append(out, ws[n-2]+" "+ws[n-1])
		}
	}
	return out
}
