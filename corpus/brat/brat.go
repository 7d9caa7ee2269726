// Package brat reads brat standoff annotations (.ann files), as PolNeAR
// distributes its attributions.
package brat

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Fragment is a range of CHARACTER (code point) offsets, as brat writes them.
type Fragment struct{ Start, End int }

// TextBound is a "T" line: a typed annotation over one or more fragments.
type TextBound struct {
	ID        string
	Type      string
	Fragments []Fragment
	Text      string
}

// Event is an "E" line: a trigger and its role arguments, by annotation id.
type Event struct {
	ID   string
	Type string // the trigger's type
	Args map[string]string
}

// Annotations are the contents of one .ann file.
type Annotations struct {
	Bounds map[string]TextBound
	Events []Event
}

// Read parses an .ann file. Lines of kinds other than T and E (relations,
// attributes, notes) are skipped. A line that opens with no annotation id
// goes on with the text of the T line before it: brat writes the covered
// text as it is, line breaks included. A malformed T or E line is an error
// naming its line number.
func Read(r io.Reader) (*Annotations, error) {
	a := &Annotations{Bounds: map[string]TextBound{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	n := 0
	lastT := "" // the id of the T line whose text the next lines may go on with
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if !isID(cols[0]) {
			if tb, ok := a.Bounds[lastT]; ok {
				tb.Text += "\n" + line
				a.Bounds[lastT] = tb
			}
			continue
		}
		lastT = ""
		switch line[0] {
		case 'T':
			if len(cols) < 2 {
				return nil, fmt.Errorf("brat: line %d: want id, type and offsets", n)
			}
			typ, offs, ok := strings.Cut(cols[1], " ")
			if !ok {
				return nil, fmt.Errorf("brat: line %d: no offsets", n)
			}
			tb := TextBound{ID: cols[0], Type: typ}
			if len(cols) > 2 {
				tb.Text = cols[2]
			}
			for _, f := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(f, " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s {
					return nil, fmt.Errorf("brat: line %d: bad fragment %q", n, f)
				}
				tb.Fragments = append(tb.Fragments, Fragment{s, e})
			}
			a.Bounds[tb.ID] = tb
			lastT = tb.ID
		case 'E':
			if len(cols) < 2 {
				return nil, fmt.Errorf("brat: line %d: want id and arguments", n)
			}
			ev := Event{ID: cols[0], Args: map[string]string{}}
			for i, arg := range strings.Fields(cols[1]) {
				role, id, ok := strings.Cut(arg, ":")
				if !ok {
					return nil, fmt.Errorf("brat: line %d: bad argument %q", n, arg)
				}
				if i == 0 {
					ev.Type = role
				}
				ev.Args[role] = id
			}
			a.Events = append(a.Events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("brat: %w", err)
	}
	return a, nil
}

// isID reports whether s is a brat annotation id: a letter, "#" or "*",
// then digits ("T12", "E3", "#1"), or "*" alone.
func isID(s string) bool {
	if s == "*" {
		return true
	}
	if len(s) < 2 {
		return false
	}
	if c := s[0]; !(c >= 'A' && c <= 'Z' || c == '#' || c == '*') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ReadFile reads the .ann file at path.
func ReadFile(path string) (*Annotations, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("brat: %w", err)
	}
	defer f.Close()
	a, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// ByteOffsets converts character offsets into text to byte offsets. The
// returned function maps a character offset to its byte offset, clamping
// offsets past the end.
func ByteOffsets(text string) func(int) int {
	idx := make([]int, 0, len(text)+1)
	for i := range text {
		idx = append(idx, i)
	}
	idx = append(idx, len(text))
	return func(c int) int {
		if c < 0 {
			return 0
		}
		if c >= len(idx) {
			return len(text)
		}
		return idx[c]
	}
}
