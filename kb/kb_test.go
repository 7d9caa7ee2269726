package kb

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultLoads(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if n := len(k.Countries()); n < 249 {
		t.Errorf("countries = %d; want at least 249", n)
	}
	tests := []struct {
		name, key     string
		kind          Kind
		country, sect string
	}{
		{"country", "Venezuela", KindCountry, "VEN", ""},
		{"short form", "U.S.", KindCountry, "USA", ""},
		{"demonym", "Venezuelan", KindDemonym, "VEN", ""},
		{"adjective", "American", KindDemonym, "USA", ""},
		{"capital", "Caracas", KindCapital, "VEN", ""},
		{"seat", "White House", KindSeat, "USA", "GOV"},
		{"seat with article", "the Kremlin", KindSeat, "RUS", "GOV"},
		{"pentagon", "Pentagon", KindSeat, "USA", "MIL"},
		{"igo", "OAS", KindOrg, "", "IGO"},
		{"ngo", "Red Cross", KindOrg, "", "NGO"},
		{"national body", "CIA", KindOrg, "USA", "SPY"},
		{"fbi", "FBI", KindOrg, "USA", "COP"},
		{"typographic apostrophe", Key("People’s Liberation Army"), KindOrg, "CHN", "MIL"},
		{"criminal group", "Tren de Aragua", KindOrg, "", "CRM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := k.Names(tt.key)
			for _, e := range es {
				if e.Kind == tt.kind {
					if e.Country != tt.country || e.Sector != tt.sect {
						t.Errorf("%q: got %s %q %q; want %q %q", tt.key, e.Kind, e.Country, e.Sector, tt.country, tt.sect)
					}
					return
				}
			}
			t.Errorf("%q: no %s entry among %d", tt.key, tt.kind, len(es))
		})
	}
}

func TestAgents(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase, sector string
		plural, group  bool
	}{
		{"president", "GOV", false, false},
		{"presidents", "GOV", true, false},
		{"opposition leader", "OPP", false, false},
		{"troops", "MIL", true, false},
		{"police", "COP", true, true},
		{"prosecutors", "JUD", true, false},
		{"lawmakers", "LEG", true, false},
		{"rebels", "REB", true, false},
		{"cartel", "CRM", false, true},
		{"gangs", "CRM", true, true},
		{"journalists", "MED", true, false},
		{"officials", "GOV", true, false},
		{"authorities", "GOV", true, false},
		{"policemen", "COP", true, false},
		{"special forces", "MIL", true, true},
		{"ms", "", false, false}, // a title ending in s is no plural
		{"mrs", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			a, ok := k.Agent(tt.phrase)
			if !ok {
				t.Fatalf("Agent(%q) not found", tt.phrase)
			}
			if a.Sector != tt.sector || a.Plural != tt.plural || a.Group != tt.group {
				t.Errorf("Agent(%q) = %s plural=%v group=%v; want %s plural=%v group=%v", tt.phrase, a.Sector, a.Plural, a.Group, tt.sector, tt.plural, tt.group)
			}
		})
	}
}

func TestPersonHistory(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	es := k.Names("Putin")
	ids := map[string]bool{}
	for _, e := range es {
		ids[e.ID] = true
	}
	if len(es) < 3 || len(ids) != 1 {
		t.Fatalf("Putin: got %d entries with %d ids; want >= 3 terms of one person", len(es), len(ids))
	}
	at := time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
	var roles []string
	for _, e := range es {
		if e.Covers(at) {
			roles = append(roles, e.Role)
		}
	}
	if len(roles) != 1 || roles[0] != "prime-minister" {
		t.Errorf("Putin in 2010: got roles %v; want [prime-minister]", roles)
	}
}

func TestNormalize(t *testing.T) {
	k, _ := Default()
	for in, want := range map[string]string{"JAP": "JPN", "ITL": "ITA", "VEN": "VEN", "XYZ": "XYZ"} {
		if got := k.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q; want %q", in, got, want)
		}
	}
	for _, e := range k.Names("Soviet Union") {
		if e.Covers(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) || !e.Covers(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("Soviet Union: got range %v..%v; want it to end in 1991", e.From, e.To)
		}
	}
	if g := k.Gender("María"); g != "f" {
		t.Errorf("Gender(María) = %q; want f", g)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no colon", "country VEN Venezuela", "x.txt:1: missing ':'"},
		{"unknown kind", "place VEN: Caracas", `x.txt:1: unknown kind "place"`},
		{"bad iso", "country VENE: Venezuela", `x.txt:1: "VENE" is not an ISO`},
		{"empty name", "org - IGO: UN; ; OAS", "x.txt:1: empty name"},
		{"no names", "org - IGO:", "x.txt:1: no names"},
		{"bad date", "# c\n\nperson - GOV from=2025-13-01: X", "x.txt:3: from:"},
		{"from after to", "person - GOV from=2025 to=2024: X", "x.txt:1: from is not before to"},
		{"unknown country", "org XYZ GOV: Foo", `x.txt:1: unknown country code "XYZ"`},
		{"bad flag", "agent GOV sturdy: president", `x.txt:1: agent: unexpected word "sturdy"`},
		{"bad gender", "person - GOV gender=x: X", "x.txt:1: gender must be m or f"},
		{"bad section", "country VEN: Venezuela | city: Caracas", `x.txt:1: unknown section "city"`},
		{"seat needs country", "seat - GOV: Foo", "x.txt:1: a seat needs a country"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder()
			b.parse("x.txt", tt.in)
			b.check()
			err := b.errs.Err()
			if err == nil {
				t.Fatalf("got no error; want %q", tt.want)
			}
			var el ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("got %T; want ErrorList", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q; want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadExtraFiles(t *testing.T) {
	dir := t.TempDir()
	extra := "person VEN OPP gender=f role=opposition-leader from=2020: Ana Example; Example\nagent GOV: comptroller\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.txt"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(Config{Files: []string{dir}})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	es := k.Names("Example")
	if len(es) != 1 || es[0].Code() != "VENOPP" || es[0].Gender != "f" {
		t.Errorf("Names(Example) = %v; want one VENOPP f", es)
	}
	if a, ok := k.Agent("comptrollers"); !ok || a.Sector != "GOV" {
		t.Errorf("Agent(comptrollers) = %v, %v; want GOV", a, ok)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("org ZZZ GOV: Foo\n"), 0o644)
	if _, err := Load(Config{Files: []string{bad}}); err == nil || !strings.Contains(err.Error(), "bad.txt:1:") {
		t.Errorf("Load(bad) error = %v; want one naming bad.txt:1", err)
	}
	if _, err := Load(Config{Files: []string{filepath.Join(dir, "missing.txt")}}); err == nil {
		t.Errorf("Load(missing) = nil error; want one")
	}
	empty, err := Load(Config{NoDefault: true})
	if err != nil || empty.Len() != 0 {
		t.Errorf("Load(NoDefault) = %d entries, %v; want empty", empty.Len(), err)
	}
}

// TestEmbeddedConsistent checks the shipped files for agent nouns defined
// twice with different sectors, which would silently override each other.
func TestEmbeddedConsistent(t *testing.T) {
	b := newBuilder()
	files, _ := embedded.ReadDir("data")
	seen := map[string]string{}
	for _, f := range files {
		data, _ := embedded.ReadFile("data/" + f.Name())
		for i, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(line, "agent ") {
				continue
			}
			h, body, _ := strings.Cut(line, ":")
			sector := strings.Fields(h)[1]
			for _, n := range strings.Split(body, ";") {
				n = strings.ToLower(Key(n))
				if old, ok := seen[n]; ok && old != sector {
					t.Errorf("%s:%d: agent %q is %s here and %s before", f.Name(), i+1, n, sector, old)
				}
				seen[n] = sector
			}
		}
		b.parse(f.Name(), string(data))
	}
	if err := b.errs.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{"": "", "  the   White\tHouse ": "the White House", "People’s": "People's"} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q; want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("country VEN: Venezuela | adj: Venezuelan | capital: Caracas")
	f.Add("person USA GOV gender=m from=2025-01-20 to=2029: Donald Trump; Trump")
	f.Add("agent GOV weak group: authorities\ngiven f: Ana")
	f.Add("org - IGO: UN; U.N.\n# comment\n\nseat RUS GOV: Kremlin")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := Parse("fuzz.txt", s)
		if err != nil {
			var el ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
			}
			for _, e := range el {
				if e.Line < 1 || e.File != "fuzz.txt" {
					t.Fatalf("bad position in %v", e)
				}
			}
			return
		}
		if k == nil {
			t.Fatal("nil KB without error")
		}
		for key, es := range k.names {
			if key != Key(key) || len(es) == 0 {
				t.Fatalf("bad key %q", key)
			}
		}
	})
}

func TestErrorListShowsTen(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		lines int
		more  string
	}{
		{"none", 0, 1, ""},
		{"ten", 10, 10, ""},
		{"twelve", 12, 11, "(and 2 more errors)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l ErrorList
			for i := range tt.n {
				l = append(l, &Error{Op: "kb", File: "f.txt", Line: i + 1, Msg: "bad"})
			}
			got := l.Error()
			if n := len(strings.Split(got, "\n")); n != tt.lines {
				t.Errorf("got %d lines; want %d:\n%s", n, tt.lines, got)
			}
			if tt.more != "" && !strings.HasSuffix(got, "\n"+tt.more) {
				t.Errorf("got %q; want it to end with %q", got, tt.more)
			}
			if tt.n > 0 && !strings.HasPrefix(got, "kb: f.txt:1: bad") {
				t.Errorf("got %q; want it to start with the first error", got)
			}
		})
	}
}
