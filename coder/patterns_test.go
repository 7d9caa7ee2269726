package coder

import (
	"strings"
	"testing"

	"sitrep/ontology"
)

func TestParseErrors(t *testing.T) {
	o, err := ontology.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"missing arrow", "x.y verb meet CONSULT 040", "p.txt:1: missing ->"},
		{"bad kind", "x.y adj meet -> CONSULT 040", "p.txt:1: kind \"adj\""},
		{"unknown type", "x.y verb meet -> CHAT 040", "p.txt:1: ontology: unknown PLOVER type"},
		{"unknown mode", "x.y verb meet -> CONSULT/lunch 040", "p.txt:1: ontology: unknown PLOVER type mode CONSULT/lunch"},
		{"unknown code", "x.y verb meet -> CONSULT 049", "p.txt:1: CAMEO code 049 is not in the ontology"},
		{"code of another type", "x.y verb meet -> CONSULT 190", "p.txt:1: CAMEO code 190 is ASSAULT"},
		{"bad role", "x.y verb meet rcp=obj;x -> CONSULT 040", "p.txt:1: rcp: role \"obj;x\""},
		{"bad flag", "x.y verb meet -> CONSULT 040 loud", "p.txt:1: unknown flag"},
		{"duplicate id", "x.y verb meet -> CONSULT 040\n\nx.y verb see -> CONSULT 040", "p.txt:3: pattern id x.y already defined at p.txt:1"},
		{"unknown list", "@shout hey", "p.txt:1: unknown list @shout"},
		{"bad dyadic", "@dyadic CHAT", "p.txt:1: @dyadic: unknown PLOVER type"},
		{"missing code", "x.y verb meet -> CONSULT", "p.txt:1: want TYPE[/MODE] CAMEO"},
		{"code after NONE", "x.y verb meet -> NONE 040", "p.txt:1: want nothing after -> NONE"},
		{"nothing after arrow", "x.y verb meet ->", "p.txt:1: want TYPE[/MODE] CAMEO"},
		{"bad constraint", "x.y verb meet Obj=talk -> CONSULT 040", "p.txt:1: \"Obj=talk\": unknown constraint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := NewDictionary().Parse(strings.NewReader(tt.in), "p.txt", o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v; want error containing %q", err, tt.want)
			}
		})
	}
}

func TestParsePattern(t *testing.T) {
	o, _ := ontology.Default()
	d := NewDictionary()
	in := "# comment\nsanction.impose verb impose obj=sanction|embargo rcp=on,against -> SANCTION 163 # trailing\n@say say tell\n"
	if err := d.Parse(strings.NewReader(in), "p.txt", o); err != nil {
		t.Fatal(err)
	}
	if len(d.Patterns) != 1 {
		t.Fatalf("got %d patterns; want 1", len(d.Patterns))
	}
	p := d.Patterns[0]
	got := []string{p.ID, p.Kind.String(), p.Lemma, strings.Join(p.Obj, "|"), strings.Join(p.Actor, ","), strings.Join(p.Target, ","), p.Plover, p.CAMEO, p.Source}
	want := []string{"sanction.impose", "verb", "impose", "sanction|embargo", "subj", "on,against", "SANCTION", "163", "p.txt:2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v; want %v", got, want)
	}
	if !d.Lex.Say["tell"] {
		t.Errorf("@say list not read")
	}
}

// TestDefaultPatterns checks the embedded dictionary loads and every
// pattern's code and type agree with the ontology.
func TestDefaultPatterns(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Dictionary().Patterns); n < 200 {
		t.Errorf("got %d patterns; want at least 200", n)
	}
	types := map[string]bool{}
	for _, p := range c.Dictionary().Patterns {
		types[p.Plover] = true
	}
	for _, ty := range c.onto.Types() {
		if !types[ty.Name] {
			t.Errorf("no pattern codes %s", ty.Name)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(defaultPatterns)
	f.Add("a.b noun talk with=* rcp=with -> CONSULT 040 defer\n@say say")
	f.Add("a verb x prt=up obj=* mod=a|b on=c|* act=gov,poss rcp=comp -> ASSAULT/beat 182 absorb demand")
	o, err := ontology.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDictionary()
		err := d.Parse(strings.NewReader(s), "fuzz", o)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "coder: fuzz:") {
				t.Errorf("error without position: %v", err)
			}
		}
		for _, p := range d.Patterns {
			if p.Plover == None {
				continue
			}
			if p.ID == "" || p.Plover == "" || p.CAMEO == "" || len(p.Actor) == 0 {
				t.Errorf("incomplete pattern %+v", p)
			}
		}
	})
}
