package coder

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
	"sitrep/pipeline"
)

var fuzzRels = []string{"nsubj", "obj", "obl", "nmod", "case", "conj", "xcomp", "ccomp", "aux", "advmod", "mark", "acl:relcl", "nsubj:pass", "obl:agent", "compound:prt", "appos", "nmod:poss", "parataxis", "root"}
var fuzzLemmas = []string{"meet", "attack", "talk", "with", "by", "not", "will", "say", "must", "agree", "to", "refuse", "who", "demand", "hold", "over", "hand", "since", "if", "on"}
var fuzzPOS = []string{"VERB", "NOUN", "PROPN", "ADP", "AUX", "PART", "PRON", "SCONJ"}

// docFromBytes builds an arbitrary parsed document from fuzz input: every
// four bytes make one token with a lemma, a tag, a head and a relation,
// heads possibly pointing anywhere, entities over random spans.
func docFromBytes(b []byte) *doc.Document {
	d := &doc.Document{}
	var text strings.Builder
	for i := 0; i+3 < len(b) && i < 4*400; i += 4 {
		l := fuzzLemmas[int(b[i])%len(fuzzLemmas)]
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		st := text.Len()
		text.WriteString(l)
		d.Tokens = append(d.Tokens, doc.Token{
			Span: doc.Span{Start: st, End: text.Len()}, Lemma: l,
			UPOS: fuzzPOS[int(b[i+1])%len(fuzzPOS)], Head: int(int8(b[i+2])), Deprel: fuzzRels[int(b[i+3])%len(fuzzRels)],
		})
	}
	d.Text = text.String()
	n := len(d.Tokens)
	for s := 0; s < n; s += 7 {
		e := min(n, s+7+int(b[0]%5))
		if e <= s {
			break
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[s].Start, End: d.Tokens[e-1].End}, FirstToken: s, EndToken: e})
		s = e - 7
	}
	for i := 0; i < n; i += 3 {
		d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprintf("e%d", i), Type: doc.GPE,
			Mentions: []doc.Mention{{Span: doc.Span{Start: d.Tokens[i].Start, End: d.Tokens[min(n-1, i+int(b[i]%3))].End}}},
			Actor:    &doc.Actor{Country: "AAA", Code: fmt.Sprintf("AAA%d", i%4)}})
	}
	return d
}

func FuzzProcess(f *testing.F) {
	f.Add([]byte("meet with Trump by phone and attack Iran not"))
	f.Add([]byte{0, 0, 1, 0, 1, 0, 0xff, 1, 2, 1, 1, 3, 4, 2, 0, 5})
	c, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := docFromBytes(b)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			checkEvent(t, d, e)
		}
	})
}

func TestHostileInput(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	long := make([]byte, 4*1000)
	for i := range long {
		long[i] = byte(i * 7)
	}
	tests := []struct {
		name string
		d    *doc.Document
	}{
		{"empty", &doc.Document{}},
		{"tokens without sentences", &doc.Document{Text: "a", Tokens: []doc.Token{{Span: doc.Span{End: 1}, Head: -1}}}},
		{"sentence out of range", &doc.Document{Text: "a", Tokens: []doc.Token{{Span: doc.Span{End: 1}}}, Sentences: []doc.Sentence{{FirstToken: 0, EndToken: 9}}}},
		{"thousand-token sentence", func() *doc.Document {
			d := docFromBytes(long)
			d.Sentences = []doc.Sentence{{Span: doc.Span{End: len(d.Text)}, FirstToken: 0, EndToken: len(d.Tokens)}}
			return d
		}()},
		{"self-loop heads", func() *doc.Document {
			d := docFromBytes([]byte{0, 0, 0, 0, 1, 0, 1, 1})
			for i := range d.Tokens {
				d.Tokens[i].Head = i
			}
			return d
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := c.Process(context.Background(), tt.d); err != nil {
				t.Fatal(err)
			}
			for _, e := range tt.d.Events {
				checkEvent(t, tt.d, e)
			}
		})
	}
}

func TestUserPatterns(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(path, []byte("mine.scold verb scold rcp=obj -> ACCUSE/disapprove 111\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{Patterns: []string{path}, NoDefaultPatterns: true})
	if err != nil {
		t.Fatal(err)
	}
	d := mkdoc(t, `
Iran Iran PROPN 2 nsubj
scolded scold VERB 0 root
Iraq Iraq PROPN 2 obj`, "1:1-1 GPE IRN", "1:3-3 GPE IRQ")
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := summary(d); len(got) != 1 || got[0] != "ACCUSE Iran>Iraq asserted mine.scold" {
		t.Errorf("got %v; want the user's pattern", got)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("ok.one verb x -> ACCUSE 111\nbroken\n"), 0o644)
	if _, err := New(Config{Patterns: []string{bad}}); err == nil || !strings.Contains(err.Error(), "bad.txt:2:") {
		t.Errorf("got %v; want an error at bad.txt:2", err)
	}
}

// BenchmarkCoder runs the analysis chain over BBC articles once, then
// times the events stage alone.
func BenchmarkCoder(b *testing.B) {
	texts := shareddata.BBC(b, 200)
	stages, err := Chain()
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(stages...)
	var docs []*doc.Document
	words := 0
	for _, t := range texts {
		d := &doc.Document{Text: t}
		if err := p.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		words += len(strings.Fields(d.Text))
		docs = append(docs, d)
	}
	c, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			c.Process(context.Background(), d)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestChainOddInput runs the whole analysis chain and the events stage on
// bad input: no events rather than wrong ones, and bounded time.
func TestChainOddInput(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	stages, err := Chain()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(append(stages, c)...)
	long := strings.Repeat("Russia attacked Ukraine and ", 300) + "Iran met Iraq."
	junk := string([]byte{0xff, 0xfe, 0, 1, 2, 'a', 0x80, ' ', 0xc3})
	tests := []struct {
		name, text string
		maxEvents  int
	}{
		{"empty", "", 0},
		{"binary junk", strings.Repeat(junk, 200), 0},
		{"no verb", "Trump visit to Caracas. Talks with Rodríguez.", 0},
		{"all capitals", "RUSSIA ATTACKED UKRAINE ON MONDAY, OFFICIALS SAID.", 0},
		{"table", "Country | Attacks | Deaths\nRussia | 12 | 40\nUkraine | 3 | 9\n", 0},
		{"1,200-token sentence", long, 2},
		{"10k-char token", strings.Repeat("x", 10000) + " attacked Iran.", 1},
		{"decade date on the clause", "Former Kenyan minister John Otieno, who met rebel leaders in Uganda in the 1980s, won the election. In the 1990s, Russian troops attacked Chechen rebels.", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
			start := time.Now()
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %v", el)
			}
			if len(d.Events) > tt.maxEvents {
				t.Errorf("got %d events %v; want at most %d", len(d.Events), summary(d), tt.maxEvents)
			}
			for _, e := range d.Events {
				checkEvent(t, d, e)
			}
			for _, pr := range d.Problems {
				if strings.Contains(pr.Msg, "internal error") {
					t.Errorf("stage %s panicked: %s", pr.Stage, pr.Msg)
				}
			}
		})
	}
}

// TestRelativePronounTakenForSubject checks a parse repair: in "X, which
// the ministry had designated a criminal gang", a relative clause with two
// subjects has its pronoun as object, so X receives the designation.
func TestRelativePronounTakenForSubject(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	stages, err := Chain()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "Police raided the offices of the Red Lion Brigade, which the interior ministry had designated a criminal gang in March.",
		Published: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}
	if err := pipeline.New(append(stages, c)...).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	name := func(id string) string {
		for _, e := range d.Entities {
			if e.ID == id {
				return e.Name
			}
		}
		return id
	}
	for _, e := range d.Events {
		if e.Rule != "coerce.designate" {
			continue
		}
		if len(e.Recipients) != 1 || name(e.Recipients[0]) != "Red Lion Brigade" {
			var got []string
			for _, r := range e.Recipients {
				got = append(got, name(r))
			}
			t.Errorf("designation recipients %q; want [Red Lion Brigade]", got)
		}
		return
	}
	t.Errorf("no designation event in %v", summary(d))
}
