package actor

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

// ent is an entity the test's stand-in NER marks: its text (the n-th
// occurrence, counting from 0) and type.
type ent struct {
	text string
	typ  string
	nth  int
}

// makeDoc builds a document with one entity per marked name, as the NER
// stage would, and no tokens (the resolver tokenizes for itself).
func makeDoc(text string, at time.Time, ents ...ent) *doc.Document {
	d := &doc.Document{Text: text, Published: at}
	for i, e := range ents {
		from := 0
		pos := -1
		for k := 0; k <= e.nth; k++ {
			j := strings.Index(text[from:], e.text)
			if j < 0 {
				panic("test entity not in text: " + e.text)
			}
			pos = from + j
			from = pos + len(e.text)
		}
		d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprintf("e%d", i+1), Type: e.typ, Name: e.text,
			Mentions: []doc.Mention{{Span: doc.Span{Start: pos, End: pos + len(e.text)}, Kind: doc.MentionName}}})
	}
	return d
}

// entityAt returns the entity with a mention whose text is s.
func entityAt(d *doc.Document, s string) *doc.Entity {
	for i := range d.Entities {
		for _, m := range d.Entities[i].Mentions {
			if d.Slice(m.Span) == s {
				return &d.Entities[i]
			}
		}
	}
	return nil
}

func code(e *doc.Entity) string {
	if e == nil {
		return "<no entity>"
	}
	if e.Actor == nil {
		return ""
	}
	return e.Actor.Code
}

var (
	d2025 = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	d2024 = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
)

func TestCoding(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		text    string
		at      time.Time
		ents    []ent
		mention string // the mention whose entity is checked
		want    string // its code
	}{
		{"possessive apposition", "Brazil's foreign minister, Ana Souza, met her counterpart on Monday.", d2025,
			[]ent{{"Brazil", "GPE", 0}, {"Ana Souza", "PERSON", 0}}, "Ana Souza", "BRAGOV"},
		{"apposition after name", "Ana Souza, Brazil's foreign minister, met her counterpart.", d2025,
			[]ent{{"Ana Souza", "PERSON", 0}, {"Brazil", "GPE", 0}}, "Ana Souza", "BRAGOV"},
		{"demonym and title", "Venezuelan opposition leader María Corina Machado spoke in Oslo.", d2025,
			[]ent{{"Venezuelan", "NORP", 0}, {"María Corina Machado", "PERSON", 0}, {"Oslo", "GPE", 0}}, "María Corina Machado", "VENOPP"},
		{"organisation title", "CIA Director John Ratcliffe traveled to Caracas.", d2025,
			[]ent{{"CIA", "ORG", 0}, {"John Ratcliffe", "PERSON", 0}, {"Caracas", "GPE", 0}}, "John Ratcliffe", "USASPY"},
		{"title without ner", "Planning Minister Tran Van Binh said the plan would go ahead.", d2025,
			nil, "Tran Van Binh", "GOV"},
		{"country premodifier, no ner", "U.S. Special Forces captured the general.", d2025,
			nil, "U.S. Special Forces", "USAMIL"},
		{"country premodifier split by ner", "U.S. Special Forces captured the general.", d2025,
			[]ent{{"U.S.", "GPE", 0}, {"Special Forces", "ORG", 0}}, "Special Forces", "USAMIL"},
		{"seat of power", "The Kremlin said the talks had failed.", d2025, nil, "Kremlin", "RUSGOV"},
		{"capital as actor", "Washington warned Caracas on Friday.", d2025, nil, "Washington", "USAGOV"},
		{"capital as place", "The minister flew to Caracas on Friday.", d2025, nil, "Caracas", "VEN"},
		{"nominal with demonym", "Colombian police arrested two men in Cali.", d2025, nil, "Colombian police", "COLCOP"},
		{"leader of country", "The president of Armenia said he would attend.", d2025, nil, "The president of Armenia", "ARMGOV"},
		{"administration", "The Trump administration imposed new tariffs.", d2025,
			[]ent{{"Trump", "PERSON", 0}}, "The Trump administration", "USAGOV"},
		{"knowledge base person in office", "Putin met the delegation.", d2025, []ent{{"Putin", "PERSON", 0}}, "Putin", "RUSGOV"},
		{"knowledge base person out of office", "Obama met the delegation.", d2025, []ent{{"Obama", "PERSON", 0}}, "Obama", "USA"},
		{"former official", "Former president Jair Bolsonaro was charged.", d2024, []ent{{"Jair Bolsonaro", "PERSON", 0}}, "Jair Bolsonaro", "BRAELI"},
		{"igo", "The United Nations condemned the attack.", d2025, nil, "United Nations", "IGO"},
		{"igo official", "UN envoy Pedro Alves visited the camp.", d2025, []ent{{"UN", "ORG", 0}, {"Pedro Alves", "PERSON", 0}}, "Pedro Alves", "IGO"},
		{"criminal group has no country", "Tren de Aragua was designated a terrorist group.", d2025,
			[]ent{{"Tren de Aragua", "ORG", 0}}, "Tren de Aragua", "CRM"},
		{"criminal group with country in text", "The Venezuelan gang Tren de Aragua was designated.", d2025,
			[]ent{{"Venezuelan", "NORP", 0}, {"Tren de Aragua", "ORG", 0}}, "Tren de Aragua", "VENCRM"},
		{"unknown name keeps no code", "Sam Okoro said he was tired.", d2025, []ent{{"Sam Okoro", "PERSON", 0}}, "Sam Okoro", ""},
		{"rebels", "Sudanese rebels attacked the town.", d2025, nil, "Sudanese rebels", "SDNREB"},
		{"nominal in a country", "Rebels in Mali rejected the offer.", d2025, nil, "Rebels", "MLIREB"},
		{"nominal throughout a country", "Students throughout Chile staged protests.", d2025, nil, "Students", "CHLEDU"},
		{"demonym keeps its country in a place", "Russian troops in Syria left the base.", d2025, nil, "Russian troops", "RUSMIL"},
		{"person of a country", "King Tashi of Bhutan arrived on Monday.", d2025,
			[]ent{{"Tashi", "PERSON", 0}}, "Tashi", "BTNGOV"},
		{"posted diplomat takes no country from his post", "The ambassador in Paris said the visit was off.", d2025, nil, "The ambassador", "GOV"},
		{"ethnic group takes the country of its sentence", "Ethnic Uzbeks marched in Kyrgyzstan.", d2025, nil, "Uzbeks", "KGZCVL"},
		{"title takes the one country of its sentence", "President Amani Kiwelu banned protests in Tanzania.", d2025,
			[]ent{{"Amani Kiwelu", "PERSON", 0}}, "Amani Kiwelu", "TZAGOV"},
		{"no one country, no guess", "President Amani Kiwelu met officials from Kenya and Uganda.", d2025,
			[]ent{{"Amani Kiwelu", "PERSON", 0}}, "Amani Kiwelu", "GOV"},
		{"a party's country is not its counterpart's", "The U.S. government designated the gang a terrorist organization.", d2025, nil, "a terrorist organization", "REB"},
		{"a country acting is not the scene", "The United States expects action against criminal organizations.", d2025, nil, "criminal organizations", "CRM"},
		{"the scene of a sentence gives its country", "Opposition parties in Nepal and India called a strike.", d2025, nil, "Opposition parties", "NPLOPP"},
		{"relational nouns name no scene", "Venezuela can no longer be a haven for America's adversaries, particularly narcotraffickers.", d2025, nil, "narcotraffickers", "CRM"},
		{"armed group with a home country", "Hamas fired rockets on Friday.", d2025, []ent{{"Hamas", "ORG", 0}}, "Hamas", "PSEREB"},
		{"transnational group takes no country from its sentence", "Al-Qaeda claimed the attack in Yemen.", d2025,
			[]ent{{"Al-Qaeda", "ORG", 0}}, "Al-Qaeda", "REB"},
		{"known group inside a name drawn too wide", "The pro-Iranian Hezbollah (Party of God) group declared a truce.", d2025,
			[]ent{{"pro-Iranian Hezbollah (Party of God", "ORG", 0}}, "pro-Iranian Hezbollah (Party of God", "LBNREB"},
		{"acronym in brackets before an agent noun", "Kenya Ports Authority (KPA) officials demanded more money.", d2025,
			[]ent{{"Kenya Ports Authority", "ORG", 0}, {"KPA", "ORG", 0}}, "Kenya Ports Authority (KPA) officials", "KENGOV"},
		{"refugees in a country are not its own", "Refugees in Kenya and Uganda staged a protest.", d2025, nil, "Refugees", "REF"},
		{"victims take the country of the place", "Two Syrian gunmen killed 12 people in Peru.", d2025, nil, "people", "PERCVL"},
		{"victims take no country from their attackers", "Two Syrian gunmen killed 12 people.", d2025, nil, "people", "CVL"},
		{"portfolio after for", "The Federal Minister for Interior Aftab Ahmad Khan Sherpao allowed the rally, Pakistani officials said.", time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC),
			[]ent{{"Interior Aftab Ahmad Khan Sherpao", "ORG", 0}}, "Aftab Ahmad Khan Sherpao", "PAKGOV"},
		{"portfolio title is a mention of the person", "The Federal Minister for Interior Aftab Ahmad Khan Sherpao allowed the rally, Pakistani officials said.", time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC),
			[]ent{{"Interior Aftab Ahmad Khan Sherpao", "ORG", 0}}, "The Federal Minister for Interior", "PAKGOV"},
		{"led by a country", "Ethiopian-led forces retook the town.", d2025, nil, "Ethiopian-led forces", "ETHMIL"},
		{"known person at the end of a name typed as organisation", "Interior Minister Aftab Ahmad Khan Sherpao allowed the rally.", time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC),
			[]ent{{"Minister Aftab Ahmad Khan Sherpao", "ORG", 0}}, "Aftab Ahmad Khan Sherpao", "PAKGOV"},
		{"aircraft", "British aircraft bombed the depot.", d2025, nil, "British aircraft", "GBRMIL"},
		{"surname alone after the full name", "Gordon Brown arrived in Paris. Later Brown said the talks went well.", time.Date(2008, 6, 1, 0, 0, 0, 0, time.UTC),
			[]ent{{"Gordon Brown", "PERSON", 0}, {"Brown", "PERSON", 1}}, "Brown", "GBRGOV"},
		{"listed surname alone", "Museveni said the vote would go ahead.", d2025, []ent{{"Museveni", "PERSON", 0}}, "Museveni", "UGAGOV"},
		{"body of a known person", "The military government of President Prosper Avril declared a state of siege, a U.S. spokeswoman in Paris said.", time.Date(1989, 6, 1, 0, 0, 0, 0, time.UTC),
			[]ent{{"Prosper Avril", "PERSON", 0}}, "The military government", "HTIGOV"},
		{"misspelt country", "Ethopia has agreed to reopen its borders.", d2025, []ent{{"Ethopia", "GPE", 0}}, "Ethopia", "ETH"},
		{"misspelt country, second spelling", "Tanzanai closed its borders.", d2025, []ent{{"Tanzanai", "GPE", 0}}, "Tanzanai", "TZA"},
		{"name near two countries is left alone", "Xambia closed its borders.", d2025, []ent{{"Xambia", "GPE", 0}}, "Xambia", ""},
		{"capital before independence", "Rebels shelled Juba on Sunday.", time.Date(1999, 6, 1, 0, 0, 0, 0, time.UTC), nil, "Juba", "SDNGOV"},
		{"capital after independence", "Rebels shelled Juba on Sunday.", d2025, nil, "Juba", "SSDGOV"},
		{"capital, date unknown: what still holds", "Rebels shelled Juba on Sunday.", time.Time{}, nil, "Juba", "SSDGOV"},
		{"city from the gazetteer", "Rockets hit Tel Aviv on Friday.", d2025, []ent{{"Tel Aviv", "GPE", 0}}, "Tel Aviv", "ISR"},
		{"province from the gazetteer gives its government a country", "The government of Sindh province ordered patrols.", d2025,
			[]ent{{"Sindh", "GPE", 0}}, "The government of Sindh", "PAKGOV"},
		{"part of a country", "Fighting spread in southern Lebanon.", d2025, []ent{{"southern Lebanon", "LOC", 0}}, "southern Lebanon", "LBN"},
		{"continent has no country", "Leaders from Africa met in Paris.", d2025, []ent{{"Africa", "LOC", 0}}, "Africa", ""},
		{"org name with demonym", "The Canadian Security Intelligence Service wrote a report.", d2025,
			[]ent{{"Canadian Security Intelligence Service", "ORG", 0}}, "Canadian Security Intelligence Service", "CANSPY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := makeDoc(tt.text, tt.at, tt.ents...)
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if got := code(entityAt(d, tt.mention)); got != tt.want {
				t.Errorf("%q in %q: got code %q; want %q", tt.mention, tt.text, got, tt.want)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	r, _ := New(Config{})
	tests := []struct {
		name  string
		text  string
		ents  []ent
		same  [][2]string // mentions that must be one entity
		apart [][2]string // mentions that must not
	}{
		{"surname and pronoun", "Ana Souza arrived on Monday. Souza said she was pleased with the talks.",
			[]ent{{"Ana Souza", "PERSON", 0}, {"Souza", "PERSON", 1}},
			[][2]string{{"Ana Souza", "Souza"}, {"Ana Souza", "she"}}, nil},
		{"title nominal", "CIA Director John Ratcliffe arrived. The CIA director met the minister.",
			[]ent{{"CIA", "ORG", 0}, {"John Ratcliffe", "PERSON", 0}, {"CIA", "ORG", 1}},
			[][2]string{{"John Ratcliffe", "The CIA director"}, {"CIA", "CIA"}}, nil},
		{"gender picks antecedent", "María Lopes met John Brown. He thanked her for the visit.",
			[]ent{{"María Lopes", "PERSON", 0}, {"John Brown", "PERSON", 0}},
			[][2]string{{"John Brown", "He"}, {"María Lopes", "her"}}, [][2]string{{"John Brown", "María Lopes"}}},
		{"the agency", "The CIA said on Monday that the agency had no comment.",
			[]ent{{"CIA", "ORG", 0}},
			[][2]string{{"CIA", "the agency"}}, nil},
		{"acronym", "The Central Intelligence Agency declined to comment. A CIA spokesman said nothing.",
			[]ent{{"Central Intelligence Agency", "ORG", 0}, {"CIA", "ORG", 0}},
			[][2]string{{"Central Intelligence Agency", "CIA"}}, nil},
		{"country variants", "The United States and Venezuela met. The U.S. said its demands were clear.",
			[]ent{{"United States", "GPE", 0}, {"Venezuela", "GPE", 0}, {"U.S.", "GPE", 0}},
			[][2]string{{"United States", "U.S."}}, [][2]string{{"United States", "Venezuela"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := makeDoc(tt.text, d2025, tt.ents...)
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.same {
				a, b := entityAt(d, p[0]), entityAt(d, p[1])
				if a == nil || b == nil || a.ID != b.ID {
					t.Errorf("%q and %q: got entities %v and %v; want the same", p[0], p[1], id(a), id(b))
				}
			}
			for _, p := range tt.apart {
				a, b := entityAt(d, p[0]), entityAt(d, p[1])
				if a != nil && b != nil && a.ID == b.ID {
					t.Errorf("%q and %q: got one entity %s; want two", p[0], p[1], a.ID)
				}
			}
		})
	}
}

func id(e *doc.Entity) string {
	if e == nil {
		return "<none>"
	}
	return e.ID
}

func TestConflictRecorded(t *testing.T) {
	r, _ := New(Config{})
	d := makeDoc("German Chancellor Vladimir Putin arrived.", d2025, ent{"Vladimir Putin", "PERSON", 0})
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := code(entityAt(d, "Vladimir Putin")); got != "DEUGOV" {
		t.Errorf("got %q; want the text's DEUGOV", got)
	}
	found := false
	for _, p := range d.Problems {
		if p.Stage == StageName && strings.Contains(p.Msg, "conflicting country") {
			found = true
		}
	}
	if !found {
		t.Errorf("got problems %v; want a conflicting-country problem", d.Problems)
	}
}

func TestIDsAndMentions(t *testing.T) {
	r, _ := New(Config{})
	d := makeDoc("Trump met Machado in Washington. Machado said Trump was kind.", d2025,
		ent{"Machado", "PERSON", 1}, ent{"Trump", "PERSON", 0}, ent{"Machado", "PERSON", 0}, ent{"Trump", "PERSON", 1})
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	last := -1
	for i, e := range d.Entities {
		if want := fmt.Sprintf("e%d", i+1); e.ID != want {
			t.Errorf("entity %d: got id %q; want %q", i, e.ID, want)
		}
		if e.Mentions[0].Start < last {
			t.Errorf("entity %s starts before the previous one", e.ID)
		}
		last = e.Mentions[0].Start
		for j := 1; j < len(e.Mentions); j++ {
			if e.Mentions[j].Start < e.Mentions[j-1].Start {
				t.Errorf("entity %s: mentions out of order", e.ID)
			}
		}
	}
	if tr := entityAt(d, "Trump"); tr == nil || len(tr.Mentions) != 2 || tr.ID != "e1" {
		t.Errorf("Trump: got %+v; want e1 with 2 mentions", tr)
	}
}

func TestMemory(t *testing.T) {
	mem := MemoryFunc(func(name string, at time.Time) []Known {
		if name == "Rodríguez" || name == "interim president" {
			return []Known{{Name: "Delcy Rodríguez", Actor: doc.Actor{Country: "VEN", Sector: "GOV", Code: "VENGOV"}, Gender: "f", Role: "interim president"}}
		}
		return nil
	})
	r, _ := New(Config{Memory: mem})
	d := makeDoc("Rodríguez met the delegation.", d2025, ent{"Rodríguez", "PERSON", 0})
	r.Process(context.Background(), d)
	if got := code(entityAt(d, "Rodríguez")); got != "VENGOV" {
		t.Errorf("got %q; want VENGOV from memory", got)
	}
	d = makeDoc("The interim president met the delegation.", d2025)
	r.Process(context.Background(), d)
	if got := code(entityAt(d, "The interim president")); got != "VENGOV" {
		t.Errorf("nominal: got %q; want VENGOV from memory", got)
	}
}

func TestOddInput(t *testing.T) {
	r, _ := New(Config{})
	long := strings.Repeat("President ", 2000) + strings.Repeat("x", 20000) + " he she they its"
	for name, text := range map[string]string{
		"empty":   "",
		"binary":  "\xff\xfe\x00President\x80 Trump\xc3",
		"long":    long,
		"spaces":  "   \n\n\t ",
		"pronoun": "He said she saw them.",
	} {
		t.Run(name, func(t *testing.T) {
			d := &doc.Document{Text: text}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			checkSpans(t, d)
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Process(ctx, &doc.Document{Text: "x"}); err == nil {
		t.Error("cancelled context: got nil error")
	}
}

func checkSpans(t testing.TB, d *doc.Document) {
	for _, e := range d.Entities {
		if len(e.Mentions) == 0 {
			t.Errorf("entity %s has no mention", e.ID)
		}
		for _, m := range e.Mentions {
			if !m.Span.Valid(len(d.Text)) {
				t.Errorf("entity %s: mention %v outside the text", e.ID, m.Span)
			}
		}
		if e.Actor != nil && e.Actor.Code != e.Actor.Country+e.Actor.Sector {
			t.Errorf("entity %s: code %q is not country+sector", e.ID, e.Actor.Code)
		}
	}
}

func FuzzProcess(f *testing.F) {
	f.Add("Brazil's foreign minister, Ana Souza, met U.S. officials. She said they agreed.")
	f.Add("The Kremlin, the White House and the CIA director; he, she, its.")
	f.Add("\xff President , , 's 's the of of")
	f.Add("Rebels in the Ivory Coast and Vietnamese-led forces of southern Lebanon; Kenya Ports Authority (KPA) officials. ( ) -led in of")
	f.Add("Ethnic Albanians of southern Serbia met King Hassan of Morocco in Tel Aviv; the government of Sindh province")
	r, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: s}
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, d)
	})
}

func TestEntityAt(t *testing.T) {
	r, _ := New(Config{})
	text := "CIA Director John Ratcliffe met Venezuelan officials in Caracas."
	d := makeDoc(text, d2025, ent{"CIA", "ORG", 0}, ent{"John Ratcliffe", "PERSON", 0}, ent{"Caracas", "GPE", 0})
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	span := func(s string) doc.Span {
		i := strings.Index(text, s)
		return doc.Span{Start: i, End: i + len(s)}
	}
	tests := []struct{ span, want string }{
		{"CIA Director John Ratcliffe", "John Ratcliffe"},
		{"Ratcliffe", "John Ratcliffe"},
		{"Venezuelan officials", "Venezuelan officials"},
		{"CIA", "CIA"},
		{"met", ""},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			e := EntityAt(d, span(tt.span))
			got := ""
			if e != nil {
				got = e.Name
			}
			if got != tt.want {
				t.Errorf("EntityAt(%q) = %q; want %q", tt.span, got, tt.want)
			}
		})
	}
	if EntityAt(d, doc.Span{}) != nil {
		t.Error("EntityAt(empty span) != nil")
	}
}
