package lgl

import (
	"strings"
	"testing"
)

const sample = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>Test</title>
    <text><![CDATA[Café owners in Bogotá met in Springfield.]]></text>
    <toponyms>
      <toponym><start>15</start><end>21</end><phrase>Bogotá</phrase>
        <gaztag geonameid="1"><name>Bogotá</name><fcode>PPLC</fcode><lat>4.6</lat><lon>-74.08</lon></gaztag></toponym>
      <toponym><start>29</start><end>40</end><phrase>Springfield</phrase></toponym>
      <toponym><start>30</start><end>99</end><phrase>bad</phrase></toponym>
    </toponyms>
  </article>
</articles>`

func TestRead(t *testing.T) {
	arts, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 {
		t.Fatalf("got %d articles; want 1", len(arts))
	}
	a := arts[0]
	tests := []struct {
		name           string
		i              int
		want           string
		wantCoordKnown bool
	}{
		{"multibyte offsets", 0, "Bogotá", true},
		{"no gazetteer tag", 1, "Springfield", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := a.Toponyms[tt.i]
			if got := a.Text[top.Start:top.End]; got != tt.want {
				t.Errorf("text = %q; want %q", got, tt.want)
			}
			if top.HasCoord != tt.wantCoordKnown {
				t.Errorf("HasCoord = %v; want %v", top.HasCoord, tt.wantCoordKnown)
			}
		})
	}
	if a.Dropped != 1 {
		t.Errorf("Dropped = %d; want 1", a.Dropped)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("<articles><article><text>x</text><toponyms><toponym><start>0</start><end>1</end></toponym></toponyms></article></articles>")
	f.Fuzz(func(t *testing.T, s string) {
		arts, _ := Read(strings.NewReader(s))
		for _, a := range arts {
			for _, top := range a.Toponyms {
				if !top.Span.Valid(len(a.Text)) {
					t.Fatalf("invalid span %v for text of %d bytes", top.Span, len(a.Text))
				}
			}
		}
	})
}
