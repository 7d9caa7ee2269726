// Package ontology is sitrep's event vocabulary: the sixteen PLOVER event
// types with their modes, the CAMEO event codes sitrep emits with their
// Goldstein weights and quad classes, and the crosswalk between the two in
// both directions.
//
// The vocabulary is a text file embedded in the binary (ontology.txt);
// Parse reads a replacement from any reader.
package ontology

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/fileerr"
)

//go:embed ontology.txt
var defaultText string

// Type is a PLOVER event type.
type Type struct {
	Name  string // e.g. "CONSULT"
	Quad  int    // quad class 1..4
	Desc  string
	Modes []Mode
}

// Mode is a PLOVER mode of an event type.
type Mode struct {
	Name string // e.g. "visit"
	Desc string
}

// Code is a CAMEO event code with its PLOVER equivalent.
type Code struct {
	Code      string  // e.g. "042"
	Goldstein float64 // Goldstein conflict–cooperation weight, -10..10
	Plover    string  // PLOVER type, "" when none fits
	Mode      string  // PLOVER mode, "" when unspecified
	Desc      string
}

// Root returns the two-digit CAMEO root of c, or "" when c is shorter.
func (c Code) Root() string {
	if len(c.Code) < 2 {
		return ""
	}
	return c.Code[:2]
}

// Ontology is a parsed vocabulary of PLOVER types and CAMEO codes. It is
// read-only after Parse and safe for concurrent use.
type Ontology struct {
	types   []Type
	byType  map[string]int
	codes   []Code
	byCode  map[string]int
	toCAMEO map[string]string // "TYPE/mode" and "TYPE" -> code
}

// Error is a problem at a line of an ontology file.
type Error = fileerr.Error

// ErrorList is a list of ontology file errors; Err is nil when it is empty.
type ErrorList = fileerr.List

// maxErrors bounds how many errors Parse collects before giving up.
const maxErrors = 20

// Parse reads an ontology in the format of the embedded ontology.txt. name
// labels errors. Every malformed line is reported as an *Error in an
// ErrorList with its line number; an empty input yields an empty ontology
// without error.
func Parse(r io.Reader, name string) (*Ontology, error) {
	o := &Ontology{byType: map[string]int{}, byCode: map[string]int{}, toCAMEO: map[string]string{}}
	var errs ErrorList
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(errs) >= maxErrors {
			break
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		bad := func(format string, args ...any) {
			errs = append(errs, &Error{Op: "ontology", File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
		}
		switch f[0] {
		case "type":
			if len(f) < 3 {
				bad("want: type NAME QUAD description")
				continue
			}
			q, err := strconv.Atoi(f[2])
			if err != nil || q < 1 || q > 4 {
				bad("quad class %q is not 1..4", f[2])
				continue
			}
			if _, dup := o.byType[f[1]]; dup {
				bad("type %s defined twice", f[1])
				continue
			}
			o.byType[f[1]] = len(o.types)
			o.types = append(o.types, Type{Name: f[1], Quad: q, Desc: strings.Join(f[3:], " ")})
		case "mode":
			if len(f) < 3 {
				bad("want: mode TYPE NAME description")
				continue
			}
			i, ok := o.byType[f[1]]
			if !ok {
				bad("mode of unknown type %s", f[1])
				continue
			}
			if o.hasMode(f[1], f[2]) {
				bad("mode %s/%s defined twice", f[1], f[2])
				continue
			}
			o.types[i].Modes = append(o.types[i].Modes, Mode{Name: f[2], Desc: strings.Join(f[3:], " ")})
		case "code":
			if len(f) < 4 {
				bad("want: code CODE GOLDSTEIN TYPE[/MODE] description")
				continue
			}
			c := Code{Code: f[1], Desc: strings.Join(f[4:], " ")}
			if !validCode(c.Code) {
				bad("code %q is not 2 to 4 digits with a root 01..20", c.Code)
				continue
			}
			if _, dup := o.byCode[c.Code]; dup {
				bad("code %s defined twice", c.Code)
				continue
			}
			g, err := strconv.ParseFloat(f[2], 64)
			if err != nil || g < -10 || g > 10 || g != g {
				bad("Goldstein weight %q is not a number in -10..10", f[2])
				continue
			}
			c.Goldstein = g
			if f[3] != "-" {
				c.Plover, c.Mode, _ = strings.Cut(f[3], "/")
				if _, ok := o.byType[c.Plover]; !ok {
					bad("code %s: unknown PLOVER type %s", c.Code, c.Plover)
					continue
				}
				if c.Mode != "" && !o.hasMode(c.Plover, c.Mode) {
					bad("code %s: unknown mode %s of %s", c.Code, c.Mode, c.Plover)
					continue
				}
			}
			o.byCode[c.Code] = len(o.codes)
			o.codes = append(o.codes, c)
			if c.Plover != "" {
				// Prefer the first three-digit code for a pair, and for
				// the type alone; a root only when nothing more specific
				// is listed.
				keys := []string{c.Plover}
				if c.Mode != "" {
					keys = append(keys, c.Plover+"/"+c.Mode)
				}
				for _, key := range keys {
					if cur, ok := o.toCAMEO[key]; !ok || (len(cur) != 3 && len(c.Code) == 3) {
						o.toCAMEO[key] = c.Code
					}
				}
			}
		default:
			bad("unknown line kind %q (want type, mode or code)", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ontology: %s: %w", name, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return o, nil
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	r := int(c[0]-'0')*10 + int(c[1]-'0')
	return r >= 1 && r <= 20
}

func (o *Ontology) hasMode(typ, mode string) bool {
	i, ok := o.byType[typ]
	if !ok {
		return false
	}
	for _, m := range o.types[i].Modes {
		if m.Name == mode {
			return true
		}
	}
	return false
}

var (
	defOnce sync.Once
	defOnto *Ontology
	defErr  error
)

// Default returns the embedded ontology, parsed once. The error is non-nil
// only if the embedded file is malformed, which the package's tests rule out.
func Default() (*Ontology, error) {
	defOnce.Do(func() {
		defOnto, defErr = Parse(strings.NewReader(defaultText), "ontology.txt")
	})
	return defOnto, defErr
}

// Types returns the PLOVER types in file order. The slice is shared: do not
// modify it.
func (o *Ontology) Types() []Type { return o.types }

// Type returns the PLOVER type named name and whether it exists.
func (o *Ontology) Type(name string) (Type, bool) {
	i, ok := o.byType[name]
	if !ok {
		return Type{}, false
	}
	return o.types[i], true
}

// HasMode reports whether mode is a mode of the PLOVER type typ; the empty
// mode is accepted for every known type.
func (o *Ontology) HasMode(typ, mode string) bool {
	if _, ok := o.byType[typ]; !ok {
		return false
	}
	return mode == "" || o.hasMode(typ, mode)
}

// Codes returns the CAMEO codes in file order. The slice is shared: do not
// modify it.
func (o *Ontology) Codes() []Code { return o.codes }

// Code returns the CAMEO code c exactly as listed and whether it is.
func (o *Ontology) Code(c string) (Code, bool) {
	i, ok := o.byCode[c]
	if !ok {
		return Code{}, false
	}
	return o.codes[i], true
}

// Lookup returns the entry for c or, when c itself is not listed, for its
// nearest listed ancestor (0841 falls back to 084, then 08). ok is false
// when neither c nor any prefix of it is listed.
func (o *Ontology) Lookup(c string) (code Code, ok bool) {
	for n := len(c); n >= 2; n-- {
		if i, ok := o.byCode[c[:n]]; ok {
			return o.codes[i], true
		}
	}
	return Code{}, false
}

// QuadClass returns the quad class of a CAMEO code from its root: 01–05
// verbal cooperation (1), 06–08 material cooperation (2), 09–13 verbal
// conflict (3), 14–20 material conflict (4). It returns 0 for a code
// without a valid root.
func QuadClass(code string) int {
	if len(code) < 2 || !validCode(code[:2]) {
		return 0
	}
	r := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	default:
		return 4
	}
}

// Goldstein returns the Goldstein weight of c or of its nearest listed
// ancestor, and 0 when none is listed.
func (o *Ontology) Goldstein(c string) float64 {
	code, _ := o.Lookup(c)
	return code.Goldstein
}

// ToPlover returns the PLOVER type and mode of the CAMEO code c (or of its
// nearest listed ancestor). ok is false when no type corresponds.
func (o *Ontology) ToPlover(c string) (typ, mode string, ok bool) {
	code, found := o.Lookup(c)
	if !found || code.Plover == "" {
		return "", "", false
	}
	return code.Plover, code.Mode, true
}

// ToCAMEO returns the CAMEO code for a PLOVER type and mode: the first code
// listed for that exact pair, else the first listed for the type alone. It
// returns "" when the type has no code.
func (o *Ontology) ToCAMEO(typ, mode string) string {
	if mode != "" {
		if c, ok := o.toCAMEO[typ+"/"+mode]; ok {
			return c
		}
	}
	return o.toCAMEO[typ]
}

// oldNames maps event type names of earlier PLOVER drafts to current ones.
var oldNames = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// CurrentName returns the current PLOVER name for a type name of an earlier
// draft (DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is
// ASSAULT), and any other name unchanged.
func CurrentName(name string) string {
	if n, ok := oldNames[name]; ok {
		return n
	}
	return name
}

// ErrUnknownType is returned by Validate for a PLOVER type that is not in
// the ontology.
var ErrUnknownType = errors.New("ontology: unknown PLOVER type")

// Validate checks that typ/mode is a known PLOVER type and mode, wrapping
// ErrUnknownType when it is not.
func (o *Ontology) Validate(typ, mode string) error {
	if _, ok := o.byType[typ]; !ok {
		return fmt.Errorf("%w %q", ErrUnknownType, typ)
	}
	if mode != "" && !o.hasMode(typ, mode) {
		return fmt.Errorf("%w mode %s/%s", ErrUnknownType, typ, mode)
	}
	return nil
}
