package fileerr

import (
	"errors"
	"fmt"
	"testing"
)

func TestList(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Errorf("empty list Err() = %v; want nil", l.Err())
	}
	l = append(l, &Error{Op: "kb", File: "a.txt", Line: 3, Msg: "bad code"}, &Error{Op: "kb", File: "a.txt", Line: 9, Msg: "no name"})
	if got, want := l.Err().Error(), "kb: a.txt:3: bad code\nkb: a.txt:9: no name"; got != want {
		t.Errorf("got %q; want %q", got, want)
	}
	var as List
	if !errors.As(fmt.Errorf("load: %w", l.Err()), &as) || len(as) != 2 {
		t.Errorf("errors.As found %v; want the list of 2", as)
	}
}
