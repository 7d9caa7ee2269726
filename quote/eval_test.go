package quote

import (
	"testing"

	"sitrep/doc"
)

func TestStatements(t *testing.T) {
	outer := doc.Quote{Span: doc.Span{Start: 10, End: 60}}
	inner := doc.Quote{Span: doc.Span{Start: 30, End: 50}}
	partial := doc.Quote{Span: doc.Span{Start: 20, End: 25}, Partial: true}
	apart := doc.Quote{Span: doc.Span{Start: 70, End: 90}}
	same := doc.Quote{Span: doc.Span{Start: 10, End: 60}}
	tests := []struct {
		name      string
		qs        []doc.Quote
		outermost bool
		want      []doc.Span
	}{
		{"partial left out", []doc.Quote{outer, partial, apart}, false, []doc.Span{outer.Span, apart.Span}},
		{"nested kept", []doc.Quote{outer, inner}, false, []doc.Span{outer.Span, inner.Span}},
		{"nested left out", []doc.Quote{outer, inner, apart}, true, []doc.Span{outer.Span, apart.Span}},
		{"inside a partial is not nested", []doc.Quote{partial, {Span: doc.Span{Start: 21, End: 24}}}, true, []doc.Span{{Start: 21, End: 24}}},
		{"equal contents count once", []doc.Quote{outer, same}, true, []doc.Span{outer.Span}},
		{"none", nil, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := statements(tt.qs, tt.outermost)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %v; want %v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i].Span != tt.want[i] {
					t.Errorf("quote %d: got %v; want %v", i, got[i].Span, tt.want[i])
				}
			}
		})
	}
}
