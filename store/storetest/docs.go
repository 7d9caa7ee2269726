package storetest

import (
	"fmt"
	"strings"
	"time"

	"sitrep/doc"
)

// The documents below are written for these tests (no outside text). Their
// layers are hand-made, not the output of any stage, so that every filter
// of the store has something to find.

// builder helps lay annotations over a text by quoting it.
type builder struct {
	d *doc.Document
}

// at returns the span of the n-th (0-based) occurrence of sub in the text;
// it panics when there is none, which is a bug in the fixture.
func (b builder) at(sub string, n int) doc.Span {
	from := 0
	for {
		i := strings.Index(b.d.Text[from:], sub)
		if i < 0 {
			panic(fmt.Sprintf("storetest: %q not in fixture %s", sub, b.d.ID))
		}
		if n == 0 {
			return doc.Span{Start: from + i, End: from + i + len(sub)}
		}
		n--
		from += i + len(sub)
	}
}

func (b builder) span(sub string) doc.Span { return b.at(sub, 0) }

// sentence returns the span of the sentence that holds sub.
func (b builder) sentence(sub string) doc.Span {
	for _, s := range b.d.Sentences {
		if sp := b.span(sub); s.Contains(sp) {
			return s.Span
		}
	}
	panic(fmt.Sprintf("storetest: no sentence holds %q in %s", sub, b.d.ID))
}

// segment fills sentences (split after ". ") and whitespace tokens with
// made-up syntax: lemma = lower case, each token headed by the previous
// one in its sentence, the first one the root.
func (b builder) segment() {
	d := b.d
	start := 0
	for start < len(d.Text) {
		end := strings.Index(d.Text[start:], ". ")
		if end < 0 {
			end = len(d.Text)
		} else {
			end = start + end + 1
		}
		s := doc.Sentence{Span: doc.Span{Start: start, End: end}, FirstToken: len(d.Tokens)}
		i := start
		for i < end {
			for i < end && d.Text[i] == ' ' {
				i++
			}
			j := i
			for j < end && d.Text[j] != ' ' {
				j++
			}
			if j > i {
				head := len(d.Tokens) - 1
				if len(d.Tokens) == s.FirstToken {
					head = -1
				}
				upos := "NOUN"
				if w := d.Text[i:j]; w[0] >= 'A' && w[0] <= 'Z' {
					upos = "PROPN"
				}
				d.Tokens = append(d.Tokens, doc.Token{
					Span: doc.Span{Start: i, End: j}, Lemma: strings.ToLower(d.Text[i:j]),
					UPOS: upos, XPOS: "NN", Head: head, Deprel: "dep",
				})
			}
			i = j
		}
		s.EndToken = len(d.Tokens)
		d.Sentences = append(d.Sentences, s)
		start = end + 1
	}
}

// entity adds an entity whose mentions are the first occurrence of each
// of mentions.
func (b builder) entity(id, typ, name string, actor *doc.Actor, place *doc.Place, mentions ...string) {
	e := doc.Entity{ID: id, Type: typ, Name: name, Actor: actor, Place: place}
	for _, m := range mentions {
		e.Mentions = append(e.Mentions, doc.Mention{Span: b.span(m), Kind: doc.MentionName})
	}
	b.d.Entities = append(b.d.Entities, e)
}

func actor(country, sector string) *doc.Actor {
	return &doc.Actor{Country: country, Sector: sector, Code: country + sector}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Fixture ids.
const (
	idCaracas = "a-caracas"
	idBorder  = "b-border"
	idUndated = "c-undated"
	idUTF8    = "d-utf8"
)

// fixtures returns fresh copies of the four documents most tests store:
// a fully annotated one, one with a non-UTC publication time, one without
// date or URL, and one whose text and title hold invalid UTF-8.
func fixtures() []*doc.Document {
	return []*doc.Document{docCaracas(), docBorder(), docUndated(), docUTF8()}
}

func docCaracas() *doc.Document {
	d := &doc.Document{
		ID: idCaracas, URL: "https://example.org/2026/03/talks", Source: "example.org",
		Title: "Talks in Caracas", Published: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC), Language: "en",
		Text: "Colombian Foreign Minister Ana Ruiz met Venezuelan government officials in Caracas on Monday. " +
			"Brazilian President Paulo Reis warned the Venezuelan army against a crackdown, a spokesman said. " +
			"Students demanded new elections. \"We will not wait,\" Reis told reporters.",
	}
	b := builder{d}
	b.segment()
	b.entity("e1", doc.Person, "Ana Ruiz", actor("COL", "GOV"), nil, "Ana Ruiz")
	b.entity("e2", doc.Org, "Venezuelan government", actor("VEN", "GOV"), nil, "Venezuelan government")
	b.entity("e3", doc.GPE, "Caracas", nil, &doc.Place{Name: "Caracas", Country: "VEN", Lat: 10.4806, Lon: -66.9036, Feature: "PPLC", ID: "test:1"}, "Caracas")
	b.entity("e4", doc.Person, "Paulo Reis", actor("BRA", "GOV"), nil, "Paulo Reis", "Reis told")
	d.Entities[3].Mentions[1] = doc.Mention{Span: b.at("Reis", 1), Kind: doc.MentionName}
	b.entity("e5", doc.Org, "Venezuelan army", actor("VEN", "MIL"), nil, "Venezuelan army")
	b.entity("e6", doc.NORP, "students", actor("VEN", "EDU"), nil, "Students")
	d.Entities[5].Mentions[0].Kind = doc.MentionNominal
	d.Times = []doc.Time{{Span: b.span("Monday"), Type: "DATE", Value: "2026-03-02"}}
	spk := b.span("a spokesman")
	reis := b.at("Reis", 1)
	d.Quotes = []doc.Quote{
		{Span: b.span("Brazilian President Paulo Reis warned the Venezuelan army against a crackdown"), Cue: b.span("said"), SpeakerSpan: &spk, Anonymous: true},
		{Span: b.span("We will not wait,"), Cue: b.span("told"), Speaker: "e4", SpeakerSpan: &reis, Direct: true},
	}
	d.Events = []doc.Event{
		{
			ID: "v1", Plover: "CONSULT", Mode: "visit", Context: []string{"diplomatic"}, CAMEO: "043",
			QuadClass: 1, Goldstein: 2.8, Actors: []string{"e1"}, Recipients: []string{"e2"},
			Date: "2026-03-02", DatePrecision: "day", DateSource: "clause",
			Location: &doc.Location{Name: "Caracas", Country: "VEN", Lat: 10.4806, Lon: -66.9036},
			Modality: doc.Asserted, Evidence: b.sentence("met"), Trigger: b.span("met"), Rule: "test.meet",
		},
		{
			ID: "v2", Plover: "THREATEN", Mode: "warn", CAMEO: "138", QuadClass: 3, Goldstein: -7,
			Actors: []string{"e4"}, Recipients: []string{"e5"}, Date: "2026-03", DatePrecision: "month",
			DateSource: "published", Modality: doc.Asserted, AttributedTo: "a spokesman",
			Evidence: b.sentence("warned"), Trigger: b.span("warned"), Rule: "test.warn",
		},
		{
			ID: "v3", Plover: "DEMAND", CAMEO: "104", QuadClass: 3, Goldstein: -5,
			Actors: []string{"e6"}, Recipients: []string{"e2"}, Modality: doc.Demanded,
			Evidence: b.sentence("demanded"), Trigger: b.span("demanded"), Rule: "test.demand",
		},
	}
	d.Problems.Add("syntax", d.Sentences[1].Span, "sentence parsed with a fallback")
	return d
}

func docBorder() *doc.Document {
	d := &doc.Document{
		ID: idBorder, URL: "https://news.example.com/border", Source: "news.example.com",
		Title: "Troops to leave border", Published: time.Date(2026, 3, 10, 8, 0, 0, 0, time.FixedZone("", -4*3600)), Language: "en",
		Text: "Venezuelan Defence Minister Jorge Mora said on Tuesday that troops would withdraw from the border with Colombia. " +
			"Colombia's army did not attack the border post, officials said.",
	}
	b := builder{d}
	b.segment()
	b.entity("e1", doc.Person, "Jorge Mora", actor("VEN", "GOV"), nil, "Jorge Mora")
	b.entity("e2", doc.GPE, "Colombia", actor("COL", ""), &doc.Place{Name: "Colombia", Country: "COL", Lat: 4, Lon: -72}, "Colombia")
	b.entity("e3", doc.Org, "Colombian army", actor("COL", "MIL"), nil, "Colombia's army")
	b.entity("e4", doc.NORP, "Venezuelan troops", actor("VEN", "MIL"), nil, "troops")
	d.Events = []doc.Event{
		{
			ID: "v1", Plover: "RETREAT", Mode: "withdraw", CAMEO: "087", QuadClass: 2, Goldstein: 7.5,
			Actors: []string{"e4"}, Recipients: []string{"e2"}, Date: "2026-03-10", DatePrecision: "day",
			Modality: doc.Future, AttributedTo: "e1",
			Evidence: b.sentence("withdraw"), Trigger: b.span("withdraw"), Rule: "test.withdraw",
		},
		{
			ID: "v2", Plover: "ASSAULT", CAMEO: "190", QuadClass: 4, Goldstein: -10,
			Actors: []string{"e3"}, Date: "2026-W11", DatePrecision: "week",
			Modality: doc.Negated, AttributedTo: "officials",
			Evidence: b.sentence("attack"), Trigger: b.span("attack"), Rule: "test.attack",
		},
	}
	return d
}

func docUndated() *doc.Document {
	d := &doc.Document{
		ID: idUndated, Language: "en",
		Text: "In an undated note, the Venezuelan president visited Havana.",
	}
	b := builder{d}
	b.segment()
	b.entity("e1", doc.Person, "Venezuelan president", actor("VEN", "GOV"), nil, "Venezuelan president")
	b.entity("e2", doc.GPE, "Havana", nil, &doc.Place{Name: "Havana", Country: "CUB", Lat: 23.13, Lon: -82.38}, "Havana")
	d.Events = []doc.Event{{
		ID: "v1", Plover: "CONSULT", Mode: "visit", CAMEO: "042", QuadClass: 1, Goldstein: 1.9,
		// e9 names no entity: the store keeps the id all the same.
		Actors: []string{"e1", "e9"}, Recipients: []string{"e2"}, Modality: doc.Asserted,
		Evidence: b.sentence("visited"), Trigger: b.span("visited"), Rule: "test.visit",
	}}
	return d
}

func docUTF8() *doc.Document {
	d := &doc.Document{
		ID: idUTF8, URL: "https://example.net/caf\xe9", Source: "example.net",
		Title: "Caf\xe9 protest", Published: day(2026, 2, 20), Language: "en",
		Text: "Caf\xe9 owners in Bogot\xe1 protested.\xff Police watched.",
	}
	b := builder{d}
	b.segment()
	b.entity("e1", doc.NORP, "caf\xe9 owners", actor("COL", "BUS"), nil, "Caf\xe9 owners")
	d.Events = []doc.Event{{
		ID: "v1", Plover: "PROTEST", CAMEO: "141", QuadClass: 3, Goldstein: -6.5,
		Actors: []string{"e1"}, Date: "2026-02-20", DatePrecision: "day", Modality: doc.Asserted,
		Evidence: b.sentence("protested"), Trigger: b.span("protested"), Rule: "test.protest",
	}}
	d.Problems.Add("ingest", doc.Span{Start: 3, End: 4}, "invalid UTF-8 (first at byte 3)")
	return d
}

// Synthetic returns a made-up document number i of about 600 words with
// every layer filled (sentences, tokens with syntax, 24 entities with
// mentions, times, quotes, 12 events), for benchmarks and load tests.
// Different i give different ids, URLs and texts.
func Synthetic(i int) *doc.Document {
	var t strings.Builder
	fmt.Fprintf(&t, "Report %d. ", i)
	words := []string{"officials", "met", "the", "delegation", "in", "the", "capital", "on", "Monday", "and", "discussed", "border", "security"}
	for s := 0; s < 45; s++ {
		fmt.Fprintf(&t, "Minister Person%d ", (i+s)%97)
		for w := 0; w < 11; w++ {
			t.WriteString(words[(s+w)%len(words)])
			t.WriteByte(' ')
		}
		t.WriteString("today. ")
	}
	d := &doc.Document{
		ID: fmt.Sprintf("syn-%d", i), URL: fmt.Sprintf("https://synthetic.example/%d", i), Source: "synthetic.example",
		Title: fmt.Sprintf("Synthetic report %d", i), Published: day(2026, 1, 1).AddDate(0, 0, i%365), Language: "en",
		Text: strings.TrimSpace(t.String()),
	}
	b := builder{d}
	b.segment()
	countries := []string{"USA", "VEN", "COL", "BRA", "CUB", "MEX"}
	sectors := []string{"GOV", "MIL", "OPP", "BUS", "MED"}
	for e := 0; e < 24; e++ {
		s := d.Sentences[1+e%(len(d.Sentences)-1)]
		tok := d.Tokens[s.FirstToken+1]
		ent := doc.Entity{
			ID: fmt.Sprintf("e%d", e+1), Type: doc.Person, Name: d.Slice(tok.Span),
			Actor:    actor(countries[(i+e)%len(countries)], sectors[e%len(sectors)]),
			Mentions: []doc.Mention{{Span: tok.Span, Kind: doc.MentionName}, {Span: d.Tokens[s.FirstToken].Span, Kind: doc.MentionNominal}},
		}
		d.Entities = append(d.Entities, ent)
		if e%4 == 0 {
			sp := d.Tokens[s.FirstToken+9].Span
			d.Times = append(d.Times, doc.Time{Span: sp, Type: "DATE", Value: "2026-01-05"})
			d.Quotes = append(d.Quotes, doc.Quote{Span: s.Span, Cue: d.Tokens[s.FirstToken+3].Span, Speaker: ent.ID, SpeakerSpan: &tok.Span})
		}
	}
	for e := 0; e < 12; e++ {
		s := d.Sentences[1+e]
		d.Events = append(d.Events, doc.Event{
			ID: fmt.Sprintf("v%d", e+1), Plover: "CONSULT", Mode: "meet", CAMEO: "04" + fmt.Sprint(e%7), QuadClass: 1, Goldstein: 1,
			Actors: []string{fmt.Sprintf("e%d", e+1)}, Recipients: []string{fmt.Sprintf("e%d", e+2)},
			Date: "2026-01-05", DatePrecision: "day", DateSource: "clause",
			Location: &doc.Location{Name: "Capital", Country: "VEN", Lat: 10.5, Lon: -66.9},
			Modality: doc.Asserted, Evidence: s.Span, Trigger: d.Tokens[s.FirstToken+3].Span, Rule: "synthetic",
		})
	}
	return d
}
