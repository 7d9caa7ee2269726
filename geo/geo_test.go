package geo

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/gazetteer"
	"sitrep/internal/shareddata"
	"sitrep/ner"
	"sitrep/pipeline"
	"sitrep/segment"
)

func newResolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// placeAt returns the place of the entity mention that starts where the
// first occurrence of phrase starts in d.Text, or nil.
func placeAt(d *doc.Document, phrase string) (*doc.Place, string) {
	off := strings.Index(d.Text, phrase)
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Start == off {
				return e.Place, e.Type
			}
		}
	}
	return nil, ""
}

func TestResolve(t *testing.T) {
	r := newResolver(t)
	tests := []struct {
		name, text, phrase string
		wantCountry        string
		wantFeature        string // "" to skip
		wantLat, wantLon   float64
	}{
		{"city state", "The fair in Paris, Texas, drew a crowd.", "Paris", "USA", "", 33.66, -95.56},
		{"paris after france", "France has a new government. Officials in Paris said talks would go on.", "Paris", "FRA", "PPLC", 48.85, 2.35},
		{"one sense per article", "He moved to Paris, Texas, in May. Paris has grown since.", "Paris has", "USA", "", 33.66, -95.56},
		{"georgia with atlanta", "Farmers in Atlanta and across Georgia lost crops.", "Georgia", "USA", "ADM1", 32.7, -83.4},
		{"georgia with tbilisi", "Russian troops left Georgia after talks in Tbilisi.", "Georgia", "GEO", "PCLI", 42.0, 43.5},
		{"cambridge massachusetts", "Students at a rally in Cambridge, Mass., marched.", "Cambridge", "USA", "", 42.37, -71.11},
		{"cambridge england", "The team drove from London to Cambridge in England.", "Cambridge", "GBR", "", 52.2, 0.12},
		{"santiago chile", "Protesters in Santiago, Chile, clashed with police.", "Santiago", "CHL", "", -33.45, -70.65},
		{"county", "Deputies in Licking County, Ohio, arrested two men.", "Licking County", "USA", "ADM2", 40.09, -82.48},
		{"landmark", "He met the opposition leader at the White House on Friday.", "White House", "USA", "BLDG", 38.8977, -77.0365},
		{"demonym", "Venezuelan officials met in Caracas.", "Venezuelan", "VEN", "PCLI", 8.0, -66.0},
		{"diacritics", "Lawyers in Bogota and São Paulo filed suits.", "Bogota", "COL", "PPLC", 4.61, -74.08},
		{"abbreviation after comma", "The mill in Dalton, Ga., closed.", "Ga.", "USA", "ADM1", 32.7, -83.4},
		{"list of countries", "Leaders of Georgia, Armenia and Azerbaijan met in Baku.", "Georgia", "GEO", "PCLI", 42.0, 43.5},
		{"list of states", "Storms hit Ohio, Kentucky and Indiana.", "Kentucky", "USA", "ADM1", 37.5, -85.3},
		{"metonym", "The Kremlin said talks would go on.", "The Kremlin", "RUS", "BLDG", 55.75, 37.62},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			p, _ := placeAt(d, tt.phrase)
			if p == nil {
				t.Fatalf("%q: no place; want %s", tt.phrase, tt.wantCountry)
			}
			if p.Country != tt.wantCountry || (tt.wantFeature != "" && p.Feature != tt.wantFeature) {
				t.Errorf("%q: got %s %s %s; want %s %s", tt.phrase, p.Name, p.Country, p.Feature, tt.wantCountry, tt.wantFeature)
			}
			if km := haversine(p.Lat, p.Lon, tt.wantLat, tt.wantLon); km > 300 {
				t.Errorf("%q: got %.2f,%.2f, %.0f km from %.2f,%.2f; want within 300 km", tt.phrase, p.Lat, p.Lon, km, tt.wantLat, tt.wantLon)
			}
		})
	}
}

func TestNotPlaces(t *testing.T) {
	r := newResolver(t)
	tests := []struct{ name, text, phrase string }{
		{"person with place surname", "Senator Bill Clinton spoke. Clinton said the vote was close.", "Clinton"},
		{"title", "Mayor Jackson opened the meeting.", "Jackson"},
		{"month", "The vote is set for May and the count for June.", "May"},
		{"common word at sentence start", "Police arrested a man on Friday.", "Police"},
		{"state postal code alone", "He said OK and left.", "OK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if p, _ := placeAt(d, tt.phrase); p != nil {
				t.Errorf("%q: got place %s %s; want none", tt.phrase, p.Name, p.Country)
			}
		})
	}
}

func TestEntities(t *testing.T) {
	r := newResolver(t)
	text := "Paris is busy. Lawyers in Paris met."
	d := &doc.Document{Text: text, Entities: []doc.Entity{
		{ID: "e1", Type: doc.Person, Name: "Paris", Mentions: []doc.Mention{{Span: doc.Span{Start: 0, End: 5}, Kind: doc.MentionName}}},
		{ID: "e2", Type: doc.GPE, Name: "Paris", Mentions: []doc.Mention{{Span: doc.Span{Start: 26, End: 31}, Kind: doc.MentionName}}},
	}}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := len(d.Entities); got != 2 {
		t.Errorf("got %d entities; want 2 (no entity added over a person's name)", got)
	}
	if d.Entities[0].Place != nil {
		t.Errorf("person got place %+v; want none", d.Entities[0].Place)
	}
	if p := d.Entities[1].Place; p == nil || p.Country != "FRA" {
		t.Errorf("GPE place = %+v; want Paris, FRA", p)
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		name, text, want string
		ok               bool
	}{
		{"city and country", "CARACAS, Venezuela — The talks began.", "CARACAS", true},
		{"agency", "WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON", true},
		{"two words", "NEW YORK — Stocks fell.", "NEW YORK", true},
		{"colon", "LONDON: Prices rose.", "LONDON", true},
		{"after title line", "Talks begin\n\nCARACAS, Venezuela — The talks began.", "CARACAS", true},
		{"state abbreviation", "DAYTON, Ohio — The plant closed.", "DAYTON", true},
		{"none", "The talks began in Caracas.", "", false},
		{"acronym sentence", "NATO said on Monday it would meet.", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, ok := DatelineSpan(tt.text)
			got := ""
			if ok {
				got = tt.text[sp.Start:sp.End]
			}
			if ok != tt.ok || got != tt.want {
				t.Errorf("DatelineSpan(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	r := newResolver(t)
	text := "CARACAS, Venezuela — Officials met in Maracaibo on Monday. The minister spoke on television."
	d := &doc.Document{Text: text}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	first := doc.Span{Start: strings.Index(text, "Officials"), End: strings.Index(text, " The minister")}
	second := doc.Span{Start: strings.Index(text, "The minister"), End: len(text)}
	tests := []struct {
		name   string
		d      *doc.Document
		clause doc.Span
		want   string
	}{
		{"place in clause", d, first, "Maracaibo"},
		{"dateline", d, second, "Caracas"},
		{"nothing", &doc.Document{Text: "The minister spoke."}, doc.Span{Start: 0, End: 19}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := r.Locate(tt.d, tt.clause)
			got := ""
			if loc != nil {
				got = loc.Name
			}
			if got != tt.want {
				t.Errorf("Locate = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestOddInput(t *testing.T) {
	r := newResolver(t)
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"binary", "\x00\xff\xfe\x80Paris\xc3"},
		{"long token", strings.Repeat("Paris", 2000)},
		{"long sentence", strings.Repeat("Paris Texas ", 1000)},
		{"only punctuation", strings.Repeat(", — ", 500)},
		{"invalid utf8 dateline", "\xffCARACAS, \xfe — x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if !m.Span.Valid(len(tt.text)) {
						t.Errorf("invalid span %v", m.Span)
					}
				}
			}
		})
	}
}

// TestManyPlaces checks that a text listing 5,000 place names, and a name
// shared by hundreds of gazetteer entries repeated, take bounded time.
func TestManyPlaces(t *testing.T) {
	r := newResolver(t)
	g := r.Gazetteer()
	var b strings.Builder
	for i := 0; b.Len() < 1<<20 && i < 5000; i++ {
		e := g.Entry((i * 37) % g.Len())
		b.WriteString(e.Name)
		b.WriteString(", ")
	}
	tests := []struct{ name, text string }{
		{"5000 places", b.String()},
		{"ambiguous name repeated", strings.Repeat("They met in San Antonio and in Springfield. ", 2000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text}
			start := time.Now()
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %v; want < 10s", el)
			}
			t.Logf("%d bytes, %d entities in %v", len(tt.text), len(d.Entities), time.Since(start))
		})
	}
}

func TestCancelled(t *testing.T) {
	r := newResolver(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Process(ctx, &doc.Document{Text: "Paris"}); err == nil {
		t.Error("got nil error for a cancelled context; want one")
	}
}

func TestName(t *testing.T) {
	if got := newResolver(t).Name(); got != "places" {
		t.Errorf("Name() = %q; want places", got)
	}
}

func TestHaversine(t *testing.T) {
	// London to Paris is about 344 km.
	if d := haversine(51.5074, -0.1278, 48.8566, 2.3522); math.Abs(d-344) > 5 {
		t.Errorf("haversine = %.0f; want about 344", d)
	}
}

func BenchmarkProcess(b *testing.B) {
	texts := shareddata.BBC(b, 200)
	words := 0
	for _, t := range texts {
		words += len(strings.Fields(t))
	}
	r := newResolver(b)
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			d := &doc.Document{Text: t}
			if err := r.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func FuzzProcess(f *testing.F) {
	r := newResolver(f)
	f.Add("CARACAS, Venezuela — Officials met in Paris, Texas.", uint16(0), uint16(7), uint16(9), uint16(18), uint8(0))
	f.Add("St. Louis, Mo., and W.Va. 61", uint16(0), uint16(9), uint16(4), uint16(14), uint8(1))
	f.Add("\xffGeorgia\x00 ’s", uint16(1), uint16(8), uint16(0), uint16(3), uint8(2))
	f.Fuzz(func(t *testing.T, s string, a, b, c, e uint16, typ uint8) {
		d := &doc.Document{Text: s}
		// Two entities of earlier stages at fuzzed, possibly overlapping
		// or invalid, spans.
		types := []string{doc.GPE, doc.Loc, doc.Person, doc.Org, doc.NORP, doc.Fac}
		d.Entities = []doc.Entity{
			{ID: "e1", Type: types[int(typ)%len(types)], Mentions: []doc.Mention{{Span: doc.Span{Start: int(a), End: int(b)}, Kind: doc.MentionName}}},
			{ID: "e2", Type: doc.GPE, Mentions: []doc.Mention{{Span: doc.Span{Start: int(c), End: int(e)}, Kind: doc.MentionName}}},
		}
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities[2:] {
			for _, m := range e.Mentions {
				if !m.Span.Valid(len(s)) || m.Len() == 0 {
					t.Fatalf("bad span %v in %q", m.Span, s)
				}
			}
		}
		for _, p := range d.Problems {
			t.Fatalf("problem: %v", p)
		}
		DatelineSpan(s)
		r.Locate(d, doc.Span{Start: 0, End: len(s)})
	})
}

// BenchmarkProcessAfterNER times the stage alone on BBC articles that the
// segmenter and the NER have already annotated.
func BenchmarkProcessAfterNER(b *testing.B) {
	texts := shareddata.BBC(b, 200)
	sg, err := segment.New(segment.Config{})
	if err != nil {
		b.Fatal(err)
	}
	rec, err := ner.New(ner.Config{})
	if err != nil {
		b.Fatal(err)
	}
	chain := pipeline.New(sg, rec)
	var docs []*doc.Document
	words := 0
	for _, t := range texts {
		d := &doc.Document{Text: t}
		if err := chain.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		words += len(strings.Fields(t))
	}
	r := newResolver(b)
	b.ResetTimer()
	for b.Loop() {
		for _, d0 := range docs {
			d := *d0
			d.Entities = append([]doc.Entity(nil), d0.Entities...)
			if err := r.Process(context.Background(), &d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestConfig(t *testing.T) {
	var b gazetteer.Builder
	i := b.Add(gazetteer.Place{Code: "test:springfield", Name: "Springfield", Lat: 1, Lon: 2, Population: 50000, Feature: "PPL", Country: "USA", Admin1: -1, Admin2: -1})
	b.AddName("Springfield", i, gazetteer.Primary)
	path := filepath.Join(t.TempDir(), "gaz.bin")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name    string
		cfg     Config
		wantErr bool
		wantID  string
	}{
		{"gazetteer file", Config{GazetteerFile: path}, false, "test:springfield"},
		{"missing file", Config{GazetteerFile: filepath.Join(t.TempDir(), "none")}, true, ""},
		{"no discovery", Config{NoDiscovery: true}, false, ""},
	}
	nested := &doc.Document{Text: "The Texas Department of Health said so.", Entities: []doc.Entity{
		{ID: "e1", Type: doc.Org, Name: "Texas Department of Health", Mentions: []doc.Mention{{Span: doc.Span{Start: 4, End: 30}, Kind: doc.MentionName}}},
	}}
	for _, tt := range []struct {
		name string
		cfg  Config
		want int
	}{{"nested by default", Config{}, 2}, {"no nested", Config{NoNested: true}, 1}} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			d := *nested
			d.Entities = append([]doc.Entity(nil), nested.Entities...)
			if err := r.Process(context.Background(), &d); err != nil {
				t.Fatal(err)
			}
			if len(d.Entities) != tt.want {
				t.Errorf("got %d entities; want %d", len(d.Entities), tt.want)
			}
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(tt.cfg)
			if (err != nil) != tt.wantErr {
				t.Fatalf("New error = %v; want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			d := &doc.Document{Text: "The council met in Springfield on Monday."}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(d.Entities) > 0 && d.Entities[0].Place != nil {
				got = d.Entities[0].Place.ID
			}
			if got != tt.wantID {
				t.Errorf("place id = %q; want %q", got, tt.wantID)
			}
		})
	}
}

// TestOverlappingEntities checks that mentions of different entities that
// overlap, as coreference and NER can leave them, are handled.
func TestOverlappingEntities(t *testing.T) {
	r := newResolver(t)
	text := "A U.S. official said the U.S. government met in Caracas, Venezuela."
	us := strings.Index(text, "U.S. official")
	gov := strings.Index(text, "U.S. government")
	ccs := strings.Index(text, "Caracas")
	d := &doc.Document{Text: text, Entities: []doc.Entity{
		{ID: "e1", Type: doc.Person, Mentions: []doc.Mention{{Span: doc.Span{Start: us, End: us + 13}, Kind: doc.MentionNominal}}},
		{ID: "e2", Type: doc.GPE, Mentions: []doc.Mention{{Span: doc.Span{Start: us, End: us + 4}, Kind: doc.MentionName}, {Span: doc.Span{Start: gov, End: gov + 4}, Kind: doc.MentionName}}},
		{ID: "e3", Type: doc.GPE, Mentions: []doc.Mention{{Span: doc.Span{Start: gov, End: gov + 15}, Kind: doc.MentionName}}},
		{ID: "e4", Type: doc.GPE, Mentions: []doc.Mention{{Span: doc.Span{Start: ccs, End: ccs + 7}, Kind: doc.MentionName}, {Span: doc.Span{Start: ccs, End: ccs + 17}, Kind: doc.MentionName}}},
	}}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) > 0 {
		t.Fatalf("problems: %v", d.Problems)
	}
	if p := d.Entities[3].Place; p == nil || p.Name != "Caracas" {
		t.Errorf("Caracas entity place = %+v; want Caracas", p)
	}
}

func TestCountryActor(t *testing.T) {
	place := &doc.Place{Name: "Jericho", Country: "PSE"}
	tests := []struct {
		name string
		e    doc.Entity
		want *doc.Actor
	}{
		{"uncoded city", doc.Entity{Type: doc.GPE, Place: place}, &doc.Actor{Country: "PSE", Code: "PSE"}},
		{"coded already", doc.Entity{Type: doc.GPE, Place: place, Actor: &doc.Actor{Country: "ISR", Code: "ISR"}}, &doc.Actor{Country: "ISR", Code: "ISR"}},
		{"facility", doc.Entity{Type: doc.Fac, Place: place}, nil},
		{"no country", doc.Entity{Type: doc.Loc, Place: &doc.Place{Name: "Middle East"}}, nil},
		{"no place", doc.Entity{Type: doc.GPE}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.e
			countryActor(&e)
			if (e.Actor == nil) != (tt.want == nil) || e.Actor != nil && *e.Actor != *tt.want {
				t.Errorf("got %+v; want %+v", e.Actor, tt.want)
			}
		})
	}
}
