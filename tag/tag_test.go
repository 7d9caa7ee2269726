package tag

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/doc"
)

func TestTagSentences(t *testing.T) {
	tg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		words []string
		want  []Tags // only non-empty fields are checked
	}{
		{"passive", []string{"Maduro", "was", "captured", "by", "U.S.", "forces", "."}, []Tags{
			{"PROPN", "NNP", "Maduro"}, {"AUX", "VBD", "be"}, {"VERB", "VBN", "capture"}, {"ADP", "IN", "by"},
			{"PROPN", "NNP", "U.S."}, {"NOUN", "NNS", "force"}, {"PUNCT", ".", "."}}},
		{"irregular past", []string{"The", "men", "went", "home", "and", "ate", "lunch", "."}, []Tags{
			{"DET", "DT", "the"}, {"NOUN", "NNS", "man"}, {"VERB", "VBD", "go"}, {"ADV", "", "home"},
			{"CCONJ", "CC", "and"}, {"VERB", "", "eat"}, {"NOUN", "NN", "lunch"}, {"PUNCT", ".", "."}}},
		{"pronouns", []string{"She", "told", "them", "about", "us", "."}, []Tags{
			{"PRON", "PRP", "she"}, {"VERB", "VBD", "tell"}, {"PRON", "PRP", "they"}, {"ADP", "IN", "about"},
			{"PRON", "PRP", "we"}, {"PUNCT", ".", "."}}},
		{"regular inflection", []string{"Officials", "are", "studying", "the", "cities", "."}, []Tags{
			{"NOUN", "NNS", "official"}, {"AUX", "VBP", "be"}, {"VERB", "VBG", "study"}, {"DET", "DT", "the"},
			{"NOUN", "NNS", "city"}, {"PUNCT", ".", "."}}},
		{"caps headline", []string{"PRESIDENT", "MEETS", "REBEL", "LEADERS"}, []Tags{
			{"", "", ""}, {"VERB", "", "meet"}, {"", "", ""}, {"NOUN", "NNS", "leader"}}},
		{"'s for has", []string{"It", "'s", "never", "been", "easier", "."}, []Tags{
			{"", "", ""}, {"AUX", "VBZ", "have"}, {"", "", ""}, {"AUX", "VBN", "be"}}},
		{"'s for is", []string{"It", "'s", "done", "."}, []Tags{
			{"", "", ""}, {"AUX", "VBZ", "be"}}},
		{"number units", []string{"It", "was", "worth", "£", "5", "m", "or", "$", "6.1", "bn", "."}, []Tags{
			{"", "", ""}, {"", "", ""}, {"", "", ""}, {"SYM", "", "£"}, {"NUM", "CD", "5"}, {"NUM", "CD", "million"},
			{"", "", ""}, {"", "", ""}, {"NUM", "CD", "6.1"}, {"NUM", "CD", "billion"}}},
		{"stretched words", []string{"It", "was", "sooooo", "good", ",", "a", "litttle", "late", "."}, []Tags{
			{"", "", ""}, {"", "", ""}, {"ADV", "", "so"}, {"", "", ""}, {"", "", ""}, {"", "", ""}, {"ADJ", "", "little"}}},
		{"since opening a clause", []string{"It", "was", "the", "first", "visit", "since", "U.S.", "Special", "Forces", "captured", "Maduro", "."}, []Tags{
			{"", "", ""}, {"", "", ""}, {"", "", ""}, {"", "", ""}, {"", "", ""}, {"SCONJ", "IN", "since"}}},
		{"since before a noun phrase", []string{"It", "was", "the", "first", "visit", "since", "the", "war", "."}, []Tags{
			{"", "", ""}, {"", "", ""}, {"", "", ""}, {"", "", ""}, {"", "", ""}, {"ADP", "IN", "since"}}},
		{"name that is also a verb before said", []string{"Cook", "said", "Carter", "stopped", "the", "practice", "."}, []Tags{
			{"PROPN", "NNP", "Cook"}}},
		{"curly quotes and en dash", []string{"“", "We", "won", "”", "–", "he", "said", "."}, []Tags{
			{"PUNCT", "", `"`}, {"", "", ""}, {"", "", ""}, {"PUNCT", "", `"`}, {"PUNCT", "", "-"}}},
		{"file name", []string{"See", "CrudeStocks.pdf", "attached", "."}, []Tags{
			{"", "", ""}, {"NOUN", "NN", "crudestocks.pdf"}}},
		{"e-mail address", []string{"Write", "to", "jane.doe@example.org", "."}, []Tags{
			{"", "", ""}, {"", "", ""}, {"PROPN", "ADD", "jane.doe@example.org"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := tg.Tag(c.words)
			for i, w := range c.want {
				g := got[i]
				if (w.UPOS != "" && g.UPOS != w.UPOS) || (w.XPOS != "" && g.XPOS != w.XPOS) || (w.Lemma != "" && g.Lemma != w.Lemma) {
					t.Errorf("%q: got %+v; want %+v", c.words[i], g, w)
				}
			}
		})
	}
}

func TestProcessOddInput(t *testing.T) {
	tg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	long := make([]byte, 10000)
	for i := range long {
		long[i] = 'a' + byte(i%26)
	}
	cases := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"huge token", string(long)},
		{"invalid utf8", "\xff\xfe abc \xc3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc.Document{Text: c.text}
			if c.text != "" {
				d.Tokens = []doc.Token{{Span: doc.Span{Start: 0, End: len(c.text)}, Head: -1}}
			}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatalf("got error %v; want nil", err)
			}
			for _, tok := range d.Tokens {
				if tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" {
					t.Errorf("got %+v; want all fields set", tok)
				}
			}
		})
	}
}

func TestCorruptModel(t *testing.T) {
	tg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	var good bytes.Buffer
	if err := tg.WriteModel(&good); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"text", []byte("not a model")},
		{"truncated", good.Bytes()[:good.Len()/3]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "model.bin")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := New(Config{ModelPath: path}); err == nil {
				t.Error("got nil error; want an error")
			}
		})
	}
	t.Run("round trip", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "model.bin")
		if err := os.WriteFile(path, good.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := New(Config{ModelPath: path}); err != nil {
			t.Errorf("got %v; want nil", err)
		}
	})
}

func TestMakeEdit(t *testing.T) {
	cases := []struct {
		form, lemma string
		want        edit
	}{
		{"studies", "study", edit{strip: 3, add: "y"}},
		{"walked", "walk", edit{strip: 2}},
		{"The", "the", edit{}},
		{"Americans", "American", edit{keepCase: true, strip: 1}},
		{"writing", "write", edit{strip: 3, add: "e"}},
	}
	for _, c := range cases {
		t.Run(c.form, func(t *testing.T) {
			got := makeEdit(c.form, c.lemma)
			if got != c.want {
				t.Errorf("got %v; want %v", got, c.want)
			}
			if l := got.apply(c.form); l != c.lemma {
				t.Errorf("apply: got %q; want %q", l, c.lemma)
			}
		})
	}
}
