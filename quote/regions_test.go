package quote

import (
	"fmt"
	"strings"
	"testing"

	"sitrep/doc"
)

func TestDirectRegions(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		want      []string // quoted contents
		wantProbs int
	}{
		{"curly", "He said “we will act” today.", []string{"we will act"}, 0},
		{"straight", `He said "we will act" and "soon".`, []string{"we will act", "soon"}, 0},
		{"apostrophes are not quotes", "Trump’s aide said it’s “over”.", []string{"over"}, 0},
		{"spans paragraphs", "“First part.\n\n“Second part,” she said.", []string{"First part.\n\n“Second part,"}, 0},
		{"never closes", "He said “this goes on\n\nNext paragraph.", []string{"this goes on"}, 1},
		{"unclosed at end of text", `She wrote "unfinished`, []string{"unfinished"}, 1},
		{"stray closing mark", "It ended” there.", nil, 0},
		{"nested single quotes stay inside", "He said “they told me ‘no’ twice”.", []string{"they told me ‘no’ twice"}, 0},
		{"empty quotes", `He said "" nothing.`, nil, 0},
		{"curly inside straight is nested", `He said "they call it “fair” today" and left.`, []string{"they call it “fair” today"}, 0},
		{"two apostrophes as marks", "He said ''we will act'' today.", []string{"we will act"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text}
			a := newAnalysis(d)
			var got []string
			for _, r := range a.directRegions() {
				got = append(got, d.Slice(r.content))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("got %q; want %q", got, tt.want)
			}
			if len(d.Problems) != tt.wantProbs {
				t.Errorf("got problems %v; want %d", d.Problems, tt.wantProbs)
			}
		})
	}
}

func TestManyQuotesBounded(t *testing.T) {
	text := strings.Repeat(`He said "yes" and "no" and “maybe” `, 400)
	d := &doc.Document{Text: text}
	if n := len(newAnalysis(d).directRegions()); n != 1200 {
		t.Errorf("got %d regions; want 1200", n)
	}
}
