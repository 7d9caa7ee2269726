// Package timeml reads TimeML documents (TimeBank, TempEval-3): the
// document creation time, the text inside <TEXT> with its markup removed,
// and every TIMEX3 and EVENT in that text with its byte span.
package timeml

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Timex is one TIMEX3 annotation inside the document's text.
type Timex struct {
	Start, End int    // byte offsets into Document.Text, half-open
	TID        string // the tid attribute
	Type       string // DATE, TIME, DURATION or SET
	Value      string // the normalised value, e.g. "1998-02-13", "P2D"
	Mod        string // the mod attribute, e.g. "START", "APPROX"; "" when absent
}

// Event is one EVENT annotation inside the document's text.
type Event struct {
	Start, End int
	EID        string
	Class      string
}

// Document is one TimeML file.
type Document struct {
	ID       string    // the DOCID element, or the file name without extension
	DCTValue string    // the value of the creation-time TIMEX3, e.g. "1998-02-13T14:26:00"
	DCT      time.Time // DCTValue parsed (UTC); zero when absent or unreadable
	Text     string    // the content of <TEXT> with tags removed and entities decoded
	Timexes  []Timex
	Events   []Event
}

// ErrNoText is returned by Parse for input without a <TEXT> element.
var ErrNoText = errors.New("timeml: no <TEXT> element")

// Parse reads one TimeML document from src. Offsets in the result are byte
// offsets into Document.Text, which keeps the characters of <TEXT> exactly,
// with the five XML entities (&amp; &lt; &gt; &quot; &apos;) and numeric
// character references decoded. Parse returns ErrNoText (wrapped) when src
// has no <TEXT> element and an error for unbalanced markup inside it.
func Parse(src string) (*Document, error) {
	d := &Document{}
	if s, e := strings.Index(src, "<DOCID>"), strings.Index(src, "</DOCID>"); s >= 0 && e > s {
		d.ID = strings.TrimSpace(src[s+len("<DOCID>") : e])
	}
	if s := strings.Index(src, "<DCT>"); s >= 0 {
		if e := strings.Index(src[s:], "</DCT>"); e > 0 {
			d.DCTValue = attr(src[s:s+e], "value")
			d.DCT = parseDCT(d.DCTValue)
		}
	}
	s := strings.Index(src, "<TEXT>")
	if s < 0 {
		return nil, ErrNoText
	}
	s += len("<TEXT>")
	e := strings.Index(src[s:], "</TEXT>")
	if e < 0 {
		return nil, fmt.Errorf("timeml: unclosed <TEXT>: %w", ErrNoText)
	}
	body := src[s : s+e]

	var b strings.Builder
	b.Grow(len(body))
	type open struct {
		name  string
		tag   string
		start int
	}
	var stack []open
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '<':
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("timeml: unclosed tag at byte %d of TEXT", i)
			}
			tag := body[i+1 : i+j]
			i += j + 1
			if strings.HasPrefix(tag, "!") || strings.HasPrefix(tag, "?") {
				continue
			}
			if strings.HasPrefix(tag, "/") {
				name := strings.TrimSpace(tag[1:])
				if len(stack) == 0 || stack[len(stack)-1].name != name {
					return nil, fmt.Errorf("timeml: unexpected </%s> in TEXT", name)
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				end := b.Len()
				switch name {
				case "TIMEX3":
					d.Timexes = append(d.Timexes, Timex{
						Start: o.start, End: end,
						TID: attr(o.tag, "tid"), Type: attr(o.tag, "type"),
						Value: attr(o.tag, "value"), Mod: attr(o.tag, "mod"),
					})
				case "EVENT":
					d.Events = append(d.Events, Event{
						Start: o.start, End: end,
						EID: attr(o.tag, "eid"), Class: attr(o.tag, "class"),
					})
				}
				continue
			}
			if strings.HasSuffix(tag, "/") {
				continue
			}
			name := tag
			if k := strings.IndexAny(tag, " \t\n\r"); k >= 0 {
				name = tag[:k]
			}
			stack = append(stack, open{name: name, tag: tag, start: b.Len()})
		case '&':
			j := strings.IndexByte(body[i:], ';')
			if j > 0 && j < 10 {
				if r, ok := entity(body[i+1 : i+j]); ok {
					b.WriteString(r)
					i += j + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("timeml: unclosed <%s> in TEXT", stack[len(stack)-1].name)
	}
	d.Text = b.String()
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
	sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Start < d.Events[j].Start })
	return d, nil
}

// ReadFile parses the TimeML file at path; the document id defaults to the
// file name without its extension.
func ReadFile(path string) (*Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	d, err := Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if d.ID == "" {
		d.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return d, nil
}

// ReadDir parses every *.tml file in dir, in name order. It returns an
// error when dir cannot be read or a file cannot be parsed, and an empty
// list for a folder without TimeML files.
func ReadDir(dir string) ([]*Document, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	sort.Strings(paths)
	docs := make([]*Document, 0, len(paths))
	for _, p := range paths {
		d, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// attr returns the value of the attribute name in the inside of a tag,
// or "" when it is absent.
func attr(tag, name string) string {
	for i := 0; ; {
		k := strings.Index(tag[i:], name+`="`)
		if k < 0 {
			return ""
		}
		k += i
		if k == 0 || tag[k-1] == ' ' || tag[k-1] == '\t' || tag[k-1] == '\n' {
			v := tag[k+len(name)+2:]
			if e := strings.IndexByte(v, '"'); e >= 0 {
				return v[:e]
			}
			return ""
		}
		i = k + 1
	}
}

func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return `"`, true
	case "apos":
		return "'", true
	}
	if len(name) > 1 && name[0] == '#' {
		n, base := name[1:], 10
		if n[0] == 'x' || n[0] == 'X' {
			n, base = n[1:], 16
		}
		v := 0
		for _, c := range n {
			d := strings.IndexRune("0123456789abcdef", c|0x20)
			if d < 0 || d >= base || v > 0x10FFFF {
				return "", false
			}
			v = v*base + d
		}
		if v > 0 && v <= 0x10FFFF {
			return string(rune(v)), true
		}
	}
	return "", false
}

func parseDCT(v string) time.Time {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}
