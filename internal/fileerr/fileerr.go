// Package fileerr holds the errors of sitrep's editable text files (the
// knowledge base, the ontology, the event patterns): each names the file
// and line it concerns, and they are collected into a list whose Err is nil
// when it is empty, like go/scanner.ErrorList.
package fileerr

import (
	"fmt"
	"strings"
)

// Error is a problem at a line of a file. Op names the package reading
// the file ("kb", "ontology", "coder") and prefixes the message.
type Error struct {
	Op   string
	File string
	Line int
	Msg  string
}

// Error formats e as "op: file:line: msg".
func (e *Error) Error() string { return fmt.Sprintf("%s: %s:%d: %s", e.Op, e.File, e.Line, e.Msg) }

// List is a list of file errors.
type List []*Error

// Error joins the errors one per line; it is "" for an empty list.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
