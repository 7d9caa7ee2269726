package parse

import (
	"context"
	"strings"
	"testing"

	"sitrep/doc"
	"sitrep/segment"
	"sitrep/tag"
)

// analyse segments, tags and parses text.
func analyse(t testing.TB, text string) *doc.Document {
	t.Helper()
	sg, err := segment.New(segment.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: text}
	for _, s := range []interface {
		Process(context.Context, *doc.Document) error
	}{sg, tg, p} {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// arc is an expected dependency: word Dep attaches to word Head ("" for
// the root) with relation Rel; a Rel without a subtype ("obl") also
// accepts its subtypes ("obl:agent").
type arc struct{ Dep, Head, Rel string }

func TestParseSentences(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []arc
	}{
		{"passive", "Maduro was captured by U.S. forces.", []arc{
			{"captured", "", "root"}, {"Maduro", "captured", "nsubj:pass"}, {"was", "captured", "aux:pass"},
			{"forces", "captured", "obl"}, {"by", "forces", "case"}, {".", "captured", "punct"}}},
		{"meeting", "In Caracas, the president met the opposition leader on Thursday.", []arc{
			{"met", "", "root"}, {"president", "met", "nsubj"},
			{"leader", "met", "obj"}, {"opposition", "leader", "compound"}, {"Caracas", "met", "obl"},
			{"Thursday", "met", "obl"}}},
		{"reported speech", "He said that the talks were productive.", []arc{
			{"said", "", "root"}, {"He", "said", "nsubj"}, {"productive", "said", "ccomp"},
			{"that", "productive", "mark"}, {"talks", "productive", "nsubj"}, {"were", "productive", "cop"}}},
		{"coordination", "Officials warned and threatened the rebels.", []arc{
			{"warned", "", "root"}, {"threatened", "warned", "conj"}, {"and", "threatened", "cc"},
			{"Officials", "warned", "nsubj"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyse(t, c.text)
			word := func(i int) string {
				if i < 0 {
					return ""
				}
				return d.Slice(d.Tokens[i].Span)
			}
			for _, w := range c.want {
				found := false
				for _, tok := range d.Tokens {
					if d.Slice(tok.Span) != w.Dep {
						continue
					}
					found = true
					rel := tok.Deprel
					if !strings.Contains(w.Rel, ":") {
						rel, _, _ = strings.Cut(rel, ":")
					}
					if got := word(tok.Head); got != w.Head || rel != w.Rel {
						t.Errorf("%s: got head %q rel %s; want head %q rel %s", w.Dep, got, tok.Deprel, w.Head, w.Rel)
					}
				}
				if !found {
					t.Errorf("no token %q", w.Dep)
				}
			}
		})
	}
}

// checkTrees checks that every sentence of d is a tree: one root, heads
// inside the sentence, no cycle, a relation on every token.
func checkTrees(t *testing.T, d *doc.Document) {
	t.Helper()
	for _, s := range d.Sentences {
		roots := 0
		for i := s.FirstToken; i < s.EndToken; i++ {
			tok := d.Tokens[i]
			if tok.Deprel == "" {
				t.Errorf("token %d: no relation", i)
			}
			if tok.Head == -1 {
				roots++
				continue
			}
			if tok.Head < s.FirstToken || tok.Head >= s.EndToken || tok.Head == i {
				t.Fatalf("token %d: head %d outside sentence [%d,%d)", i, tok.Head, s.FirstToken, s.EndToken)
			}
			// Walk up; a cycle would take more steps than the sentence has.
			h, steps := i, 0
			for h != -1 && steps <= s.EndToken-s.FirstToken {
				h = d.Tokens[h].Head
				steps++
			}
			if h != -1 {
				t.Fatalf("token %d: cycle", i)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %v: got %d roots; want 1", s.Span, roots)
		}
	}
}

func TestOddInput(t *testing.T) {
	cases := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"one word", "Hello"},
		{"long sentence", strings.Repeat("the rebels attacked the town and ", 300) + "fled."},
		{"huge token", "A " + strings.Repeat("x", 10000) + " was seen."},
		{"caps headline", "PRESIDENT MEETS REBEL LEADERS IN CARACAS"},
		{"invalid utf8", "Soldiers \xff\xfe fired at \xc3 protesters ."},
		{"punctuation only", "!!! ??? ... ---"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyse(t, c.text)
			checkTrees(t, d)
		})
	}
}

func TestParseAPI(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if h, r := p.Parse(nil, nil, nil); h != nil || r != nil {
		t.Errorf("empty: got %v %v; want nil nil", h, r)
	}
	heads, rels := p.Parse([]string{"Troops", "withdrew", "."}, []string{"NOUN", "VERB", "PUNCT"}, []string{"NNS", "VBD", "."})
	want := []int{1, -1, 1}
	for i := range want {
		if heads[i] != want[i] {
			t.Errorf("word %d: got head %d (%s); want %d", i, heads[i], rels[i], want[i])
		}
	}
}

func TestNewBadModel(t *testing.T) {
	if _, err := New(Config{ModelPath: "testdata/does-not-exist.bin"}); err == nil {
		t.Error("missing file: got nil error; want an error")
	}
}
