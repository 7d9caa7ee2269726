package contract_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"sitrep/contract"
	"sitrep/doc"
)

func sample() *doc.Document {
	text := "Ratcliffe met Rodr\xedguez in Caracas on Thursday."
	d := &doc.Document{ID: "d1", URL: "u", Title: "t", Text: text, Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, FirstToken: 0, EndToken: 0}}
	sp := doc.Span{Start: 0, End: 9}
	d.Entities = []doc.Entity{
		{ID: "e1", Type: doc.Person, Name: "Ratcliffe", Mentions: []doc.Mention{{Span: sp, Kind: doc.MentionName}}, Actor: &doc.Actor{Country: "USA", Sector: "SPY", Code: "USASPY"}},
		{ID: "e2", Type: doc.Person, Name: "Rodríguez", Mentions: []doc.Mention{{Span: doc.Span{Start: 14, End: 23}}}},
	}
	d.Times = []doc.Time{{Span: doc.Span{Start: 38, End: 46}, Type: "DATE", Value: "2026-01-15"}}
	d.Quotes = []doc.Quote{{Span: doc.Span{Start: 0, End: 10}, Cue: doc.Span{Start: 10, End: 13}, SpeakerSpan: &sp, Anonymous: true}}
	d.Events = []doc.Event{{ID: "v1", Plover: "CONSULT", Actors: []string{"e1"}, Evidence: doc.Span{Start: 0, End: len(text)}, Trigger: doc.Span{Start: 10, End: 13}, AttributedTo: "e1"}}
	d.Problems.Add("test", doc.Span{Start: 1, End: 2}, "a problem")
	return d
}

func TestFromDocument(t *testing.T) {
	o := contract.FromDocument(sample(), contract.Options{})
	tests := []struct {
		name, got, want string
	}{
		{"published", o.Document.Published, "2026-01-16"},
		{"mention text", o.Entities[0].Mentions[0].Text, "Ratcliffe"},
		{"invalid UTF-8 replaced in text only", o.Entities[1].Mentions[0].Text, "Rodr\uFFFDguez"},
		{"time", o.Times[0].Text, "Thursday"},
		{"cue", o.Quotes[0].Cue.Text, "met"},
		{"speaker text", o.Quotes[0].SpeakerText, "Ratcliffe"},
		{"trigger", o.Events[0].Trigger.Text, "met"},
		{"attributed", *o.Events[0].AttributedTo, "e1"},
		{"recipients never null", fmt.Sprint(o.Events[0].Recipients != nil), "true"},
		{"no tokens unless asked", fmt.Sprint(o.Tokens == nil), "true"},
		{"problem", o.Problems[0].Msg, "a problem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q; want %q", tt.got, tt.want)
			}
		})
	}
}

func TestEmptyLayersAreLists(t *testing.T) {
	b, err := json.Marshal(contract.FromDocument(&doc.Document{ID: "x"}, contract.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"sentences", "entities", "times", "quotes", "events", "problems"} {
		if l, ok := m[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %v; want an empty list", k, m[k])
		}
	}
	if m["document"].(map[string]any)["published"] != "" {
		t.Errorf("published = %v; want \"\" when unknown", m["document"].(map[string]any)["published"])
	}
}

func TestSpanOutsideText(t *testing.T) {
	d := &doc.Document{Text: "short", Times: []doc.Time{{Span: doc.Span{Start: 3, End: 99}}}}
	if got := contract.FromDocument(d, contract.Options{}).Times[0].Text; got != "" {
		t.Errorf("text of a bad span = %q; want \"\"", got)
	}
}

func ExampleFromDocument() {
	d := &doc.Document{ID: "d1", Text: "Talks resumed."}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 14}}}
	b, _ := json.Marshal(contract.FromDocument(d, contract.Options{}))
	fmt.Println(string(b))
	// Output: {"document":{"id":"d1","url":"","title":"","published":"","bytes":14},"sentences":[{"start":0,"end":14}],"entities":[],"times":[],"quotes":[],"events":[],"problems":[]}
}
