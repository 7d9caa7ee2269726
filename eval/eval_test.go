package eval

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestCounts(t *testing.T) {
	tests := []struct {
		name    string
		c       Counts
		p, r, f float64
	}{
		{"empty", Counts{}, 0, 0, 0},
		{"perfect", Counts{TP: 4}, 1, 1, 1},
		{"half", Counts{TP: 2, FP: 2, FN: 2}, 0.5, 0.5, 0.5},
		{"no predictions", Counts{FN: 3}, 0, 0, 0},
		{"skewed", Counts{TP: 3, FP: 1, FN: 3}, 0.75, 0.5, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
				t.Errorf("got p=%v r=%v f1=%v; want %v %v %v", p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestFloors(t *testing.T) {
	f, err := ParseFloors(strings.NewReader("# comment\nseg.token.f1 0.99\n\nseg.sentence.f1 0.88\nner.f1 0.9\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		scores []Score
		want   []string
	}{
		{"all above", []Score{{Name: "seg.token.f1", Value: 0.995}, {Name: "seg.sentence.f1", Value: 0.9}}, nil},
		{"one below", []Score{{Name: "seg.token.f1", Value: 0.98}, {Name: "seg.sentence.f1", Value: 0.9}}, []string{"seg.token.f1: 0.9800 below floor 0.9900"}},
		{"floor of the area not measured", []Score{{Name: "seg.token.f1", Value: 0.995}}, []string{"seg.sentence.f1: not measured (floor 0.8800)"}},
		{"other areas ignored", []Score{{Name: "timex.f1", Value: 0.1}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := f.Check(tt.scores)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestParseFloorsErrors(t *testing.T) {
	for _, in := range []string{"name", "name x", "a 1 2"} {
		if _, err := ParseFloors(strings.NewReader(in)); err == nil {
			t.Errorf("ParseFloors(%q) = nil error; want an error", in)
		}
	}
}

func ExamplePrint() {
	c := Counts{TP: 9, FP: 1, FN: 3}
	var b bytes.Buffer
	Print(&b, c.Scores("ner.conll"))
	fmt.Print(b.String())
	// Output:
	// ner.conll.p   0.9000
	// ner.conll.r   0.7500
	// ner.conll.f1  0.8182
}
