package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/gazetteer"
)

// DatelineSpan returns the span of the place name in the dateline that
// opens an article or one of its first lines ("CARACAS, Venezuela —",
// "WASHINGTON (Reuters) -", "LONDON:"), that is the upper-case name before
// the optional qualifier. It returns ok == false when there is no
// dateline, and for empty text.
func DatelineSpan(text string) (sp doc.Span, ok bool) {
	off := 0
	for line := 0; line < 4 && off < len(text); line++ {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		if s, ok := datelineAt(text, off, off+end); ok {
			return s, true
		}
		off += end + 1
	}
	return doc.Span{}, false
}

// datelineAt looks for a dateline at the start of text[start:end].
func datelineAt(text string, start, end int) (doc.Span, bool) {
	i := start
	for i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	nameStart := i
	letters := 0
	nameEnd := i
	// The name: upper-case letters, spaces, periods, hyphens, apostrophes.
	for i < end && i-nameStart < 40 {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) {
			letters++
			i += w
			nameEnd = i
			continue
		}
		if r == ' ' || r == '.' || r == '-' || r == '\'' {
			if r == '-' && i+1 < end && text[i+1] == ' ' {
				break // " - " separator
			}
			i += w
			if r == '.' {
				nameEnd = i
			}
			continue
		}
		break
	}
	if letters < 3 {
		return doc.Span{}, false
	}
	name := doc.Span{Start: nameStart, End: nameEnd}
	for name.End > name.Start && (text[name.End-1] == ' ' || text[name.End-1] == '-') {
		name.End--
	}
	i = name.End
	limit := min(end, i+60)
	rest := text[i:limit]
	// Optional qualifier and agency, then the separator.
	j := 0
	if strings.HasPrefix(rest, ",") {
		k := strings.IndexAny(rest, "—–(:")
		if k < 0 {
			if k = strings.Index(rest, " - "); k < 0 {
				if k = strings.Index(rest, " -- "); k < 0 {
					return doc.Span{}, false
				}
			}
		}
		q := rest[1:k]
		if strings.ContainsAny(q, ".!?\"") && !abbrevLike(q) {
			return doc.Span{}, false
		}
		j = k
	}
	tail := strings.TrimLeft(rest[j:], " ")
	if strings.HasPrefix(tail, "(") {
		k := strings.IndexByte(tail, ')')
		if k < 0 || k > 30 {
			return doc.Span{}, false
		}
		tail = strings.TrimLeft(tail[k+1:], " ")
	}
	for _, sep := range []string{"—", "–", "--", "- ", ":"} {
		if strings.HasPrefix(tail, sep) {
			return name, true
		}
	}
	return doc.Span{}, false
}

// abbrevLike reports whether a qualifier with periods is an abbreviation
// such as " Ill." or " D.C.".
func abbrevLike(q string) bool {
	q = strings.TrimSpace(q)
	return len(q) <= 8 && !strings.ContainsAny(q, "!?\"")
}

// detectDateline marks the mention in the dateline, adding one when
// discovery did not find it.
func (a *analysis) detectDateline() {
	sp, ok := DatelineSpan(a.d.Text)
	if !ok {
		return
	}
	for i := range a.mentions {
		if sp.Contains(a.mentions[i].span) || a.mentions[i].span.Contains(sp) {
			a.mentions[i].dateline = true
			a.dateline = i
			return
		}
	}
	key := gazetteer.Normalize(a.d.Text[sp.Start:sp.End])
	p := a.r.g.Lookup(key)
	if p.Len() == 0 {
		return
	}
	m := mention{span: sp, key: key, post: p, entity: -1, firstWord: a.wordAt(sp.Start), lastWord: a.wordAt(sp.End - 1),
		qual: -1, dateline: true}
	// Keep mentions in text order: the dateline comes first.
	a.mentions = append([]mention{m}, a.mentions...)
	for i := 1; i < len(a.mentions); i++ {
		if a.mentions[i].qual >= 0 {
			a.mentions[i].qual++
		}
	}
	if len(a.mentions) > 1 && a.mentions[1].span.Start >= sp.End {
		n := a.mentions[1]
		gap := strings.TrimSpace(a.d.Text[sp.End:n.span.Start])
		if gap == "," && a.isQualifier(n.post) {
			a.mentions[0].qual = 1
			a.mentions[1].qualifies = true
		}
	}
	a.dateline = 0
}
