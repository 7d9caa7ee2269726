package gazetteer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

func smallGazetteer(t testing.TB) []byte {
	t.Helper()
	var b Builder
	ven := b.Add(Place{Code: "iso3166:VEN", Name: "Venezuela", Lat: 8, Lon: -66, Population: 28000000, Feature: "PCLI", Country: "VEN", Admin1: -1, Admin2: -1})
	b.SetCountry("VEN", ven)
	b.AddName("Venezuela", ven, Primary)
	b.AddName("Venezuelan", ven, Demonym)
	dc := b.Add(Place{Code: "geonames-admin1:VE.25", Name: "Capital District", Lat: 10.5, Lon: -66.9, Feature: "ADM1", Country: "VEN", Admin1: -1, Admin2: -1})
	b.AddName("Capital District", dc, Primary)
	b.AddName("DC", dc, Abbrev)
	ccs := b.Add(Place{GeonameID: 3646738, Name: "Caracas", Lat: 10.48801, Lon: -66.87919, Population: 3000000, Feature: "PPLC", Country: "VEN", Admin1: dc, Admin2: -1})
	b.AddName("Caracas", ccs, Primary)
	b.AddName("Santiago de León de Caracas", ccs, Alt)
	b.MarkCommon("caracas")
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	raw := smallGazetteer(t)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	for _, in := range []struct {
		name string
		data []byte
	}{{"raw", raw}, {"gzip", z.Bytes()}} {
		t.Run(in.name, func(t *testing.T) {
			g, err := Load(bytes.NewReader(in.data))
			if err != nil {
				t.Fatal(err)
			}
			tests := []struct {
				name, key, wantName, wantID string
				want                        Posting
				wantCommon                  bool
			}{
				{"primary", "caracas", "Caracas", "geonames:3646738", Posting{Entry: 2}, true},
				{"alternate with diacritics", Normalize("Santiago de Leon de Caracas"), "Caracas", "geonames:3646738", Posting{Entry: 2, Alt: true}, false},
				{"demonym", "venezuelan", "Venezuela", "iso3166:VEN", Posting{Entry: 0, Demonym: true}, false},
				{"abbreviation", "dc", "Capital District", "geonames-admin1:VE.25", Posting{Entry: 1, Abbrev: true}, false},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					p := g.Lookup(tt.key)
					if p.Len() != 1 {
						t.Fatalf("Lookup(%q).Len() = %d; want 1", tt.key, p.Len())
					}
					if got := p.At(0); got != tt.want {
						t.Errorf("posting = %+v; want %+v", got, tt.want)
					}
					e := g.Entry(p.At(0).Entry)
					if e.Name != tt.wantName || e.ID() != tt.wantID {
						t.Errorf("entry = %q %q; want %q %q", e.Name, e.ID(), tt.wantName, tt.wantID)
					}
					if p.Common() != tt.wantCommon {
						t.Errorf("Common() = %v; want %v", p.Common(), tt.wantCommon)
					}
				})
			}
			if e := g.Entry(2); e.Admin1 != 1 || e.Country != "VEN" || e.Lat != 10.48801 {
				t.Errorf("Caracas = %+v; want admin1 1, VEN, lat 10.48801", e)
			}
			if g.CountryEntry("VEN") != 0 || g.CountryEntry("XXX") != -1 {
				t.Errorf("CountryEntry wrong")
			}
			if !g.HasPrefix("capital") || g.HasPrefix("caracas") {
				t.Errorf("HasPrefix wrong")
			}
			if g.Lookup("").Len() != 0 || g.Lookup("nowhere").Len() != 0 {
				t.Errorf("unknown keys found")
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	raw := smallGazetteer(t)
	tests := []struct{ name, data string }{
		{"empty", ""},
		{"bad magic", "XXXX" + string(raw[4:])},
		{"truncated", string(raw[:len(raw)-3])},
		{"bad gzip", "\x1f\x8b\x00\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tt.data))
			if !errors.Is(err, ErrFormat) {
				t.Errorf("Load error = %v; want ErrFormat", err)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"diacritics", "São Paulo", "sao paulo"},
		{"upper", "BOGOTÁ", "bogota"},
		{"periods", "U.S.", "us"},
		{"apostrophes", "St. John’s", "st johns"},
		{"hyphen", "Winston-Salem", "winston salem"},
		{"spaces", "  New   York  ", "new york"},
		{"special letters", "Łódź Straße", "lodz strasse"},
		{"invalid utf8", "Pa\xffris", "pa ris"},
		{"non-latin", "Москва", "москва"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(smallGazetteer(f))
	f.Add([]byte("SGZ2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := range g.Len() {
			e := g.Entry(i)
			_ = e.ID()
		}
		for _, k := range []string{"a", "caracas", "venezuela", ""} {
			p := g.Lookup(k)
			for i := range p.Len() {
				g.Entry(p.At(i).Entry)
			}
			g.HasPrefix(k)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	f.Add("São Paulo")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Errorf("Normalize not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
	})
}
