package ner

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/internal/shareddata"
	"sitrep/segment"
)

var (
	loadOnce sync.Once
	testRec  *Recognizer
	testSeg  *segment.Segmenter
	loadErr  error
)

func recognizer(t testing.TB) (*Recognizer, *segment.Segmenter) {
	t.Helper()
	loadOnce.Do(func() {
		testRec, loadErr = New(Config{})
		if loadErr == nil {
			testSeg, loadErr = segment.New(segment.Config{})
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return testRec, testSeg
}

// run segments text and recognises its entities.
func run(t testing.TB, text string) *doc.Document {
	t.Helper()
	r, sg := recognizer(t)
	d := &doc.Document{Text: text}
	if err := sg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// entityLines renders entities as "TYPE name" lines, checking their
// invariants on the way.
func entityLines(t testing.TB, d *doc.Document) []string {
	t.Helper()
	var out []string
	last := -1
	for i, e := range d.Entities {
		if e.ID != fmt.Sprintf("e%d", i+1) {
			t.Errorf("entity %d has id %q", i, e.ID)
		}
		if len(e.Mentions) != 1 || e.Mentions[0].Kind != doc.MentionName {
			t.Errorf("entity %s: mentions %v", e.ID, e.Mentions)
			continue
		}
		m := e.Mentions[0]
		if !m.Valid(len(d.Text)) || m.Len() == 0 {
			t.Errorf("entity %s: bad span %v", e.ID, m.Span)
			continue
		}
		if m.Start < last {
			t.Errorf("entity %s: not in text order", e.ID)
		}
		last = m.End
		out = append(out, e.Type+" "+e.Name)
	}
	return out
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entities that must be found, as "TYPE name" ("* name": any type)
		not  []string // names that must not be entities
	}{
		{
			name: "minister visits capital",
			text: "Foreign Minister Anna Lindqvist arrived in Nairobi on Monday for talks with Kenyan officials about the drought. " +
				"Lindqvist, who leads Sweden's delegation, said the World Food Programme would double its aid.",
			want: []string{"PERSON Anna Lindqvist", "GPE Nairobi", "NORP Kenyan", "PERSON Lindqvist", "GPE Sweden", "* World Food Programme"},
			not:  []string{"Monday", "Foreign Minister"},
		},
		{
			name: "company and city",
			text: "Shares of Daimler rose 3 percent in Frankfurt after the carmaker said it would cut 2,000 jobs.",
			want: []string{"ORG Daimler", "GPE Frankfurt"},
		},
		{
			name: "possessive left out",
			text: "Brazil's president met Argentina's foreign minister in Buenos Aires.",
			want: []string{"GPE Brazil", "GPE Argentina", "GPE Buenos Aires"},
		},
		{
			name: "all-caps headline",
			text: "RUSSIA AND UKRAINE AGREE TO TALKS IN GENEVA\n\nOfficials from both countries will meet next week.",
			want: []string{"GPE RUSSIA", "GPE UKRAINE", "GPE GENEVA"},
		},
		{
			name: "opposition leader and party",
			text: "Opposition leader Carlos Mendoza of the Democratic Unity Party accused the government of fraud.",
			want: []string{"PERSON Carlos Mendoza", "ORG Democratic Unity Party"},
		},
		{
			name: "multi-word names end where the capitals end",
			text: "The senator posted the video on Truth Social before the Liberal Democrats replied on Radio Free Europe.",
			want: []string{"* Truth Social", "* Liberal Democrats", "* Radio Free Europe"},
			not:  []string{"Truth", "Liberal", "Radio"},
		},
		{
			name: "no names",
			text: "the rain fell all night and the river rose.",
		},
		{
			name: "empty",
			text: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text)
			got := entityLines(t, d)
			have := map[string]bool{}
			names := map[string]bool{}
			for _, g := range got {
				have[g] = true
				names[g[strings.IndexByte(g, ' ')+1:]] = true
			}
			for _, w := range tc.want {
				if n, ok := strings.CutPrefix(w, "* "); ok && names[n] {
					continue
				}
				if !have[w] {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, n := range tc.not {
				if names[n] {
					t.Errorf("%q tagged as an entity; got %q", n, got)
				}
			}
			if len(tc.want) == 0 && len(tc.not) == 0 && len(got) != 0 {
				t.Errorf("got %q; want none", got)
			}
		})
	}
}

// TestFoundingArticleSanity checks a few names in the founding article as a
// sanity check of the model (nothing in the package special-cases it).
func TestFoundingArticleSanity(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(shareddata.Dir(t), "..", "seed", "000_1c17e05ff2083fb3.txt"))
	if err != nil {
		t.Skip("founding article not present")
	}
	d := run(t, string(b))
	have := map[string]bool{}
	for _, g := range entityLines(t, d) {
		have[g] = true
	}
	for _, w := range []string{"PERSON John Ratcliffe", "GPE Caracas", "GPE Venezuela", "PERSON Delcy Rodríguez", "PERSON Nicolás Maduro", "ORG CIA", "GPE Washington", "ORG Truth Social", "ORG White House", "PERSON María Corina Machado"} {
		if !have[w] {
			t.Errorf("missing %q", w)
		}
	}
}

func TestNoSegmentation(t *testing.T) {
	r, _ := recognizer(t)
	d := &doc.Document{Text: "Paris is in France."}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 0 || len(d.Problems) != 1 {
		t.Errorf("got %d entities, %d problems; want 0 and 1", len(d.Entities), len(d.Problems))
	}
}

func TestCancelled(t *testing.T) {
	r, _ := recognizer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Process(ctx, &doc.Document{Text: "x"}); err == nil {
		t.Error("got nil error for a cancelled context")
	}
}

func TestBadTokens(t *testing.T) {
	r, _ := recognizer(t)
	d := &doc.Document{
		Text:      "Paris",
		Tokens:    []doc.Token{{Span: doc.Span{Start: 0, End: 99}}},
		Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: 5}, FirstToken: 0, EndToken: 1}, {FirstToken: 3, EndToken: 9}},
	}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 0 || len(d.Problems) != 2 {
		t.Errorf("got %d entities, %d problems; want 0 and 2", len(d.Entities), len(d.Problems))
	}
}

// handDoc builds a document from tokens joined by spaces, one sentence.
func handDoc(toks []string) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		s := b.Len()
		b.WriteString(tk)
		d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: s, End: b.Len()}, Head: -1})
	}
	d.Text = b.String()
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, FirstToken: 0, EndToken: len(toks)}}
	return d
}

func TestHugeInputs(t *testing.T) {
	r, _ := recognizer(t)
	long := make([]string, 1000)
	for i := range long {
		switch i % 10 {
		case 3:
			long[i] = "Germany"
		case 7:
			long[i] = "Smith"
		default:
			long[i] = "and"
		}
	}
	tests := []struct {
		name string
		toks []string
	}{
		{"1000-token sentence", long},
		{"10k-character token", []string{"In", strings.Repeat("Ab", 5000), "today"}},
		{"invalid utf-8", []string{"\xff\xfe", "Berlin", "\xc3", "Müller\x80"}},
		{"punctuation only", []string{".", ",", "--", "''"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := handDoc(tc.toks)
			start := time.Now()
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
			entityLines(t, d)
		})
	}
}

// TestLoadTime checks the CPU time New takes (wall time on a shared
// machine says little); the budget is 300 ms, the test allows slack.
func TestLoadTime(t *testing.T) {
	New(Config{}) // warm the page cache and the heap
	start, wall := cpuTime(), time.Now()
	if _, err := New(Config{}); err != nil {
		t.Fatal(err)
	}
	el := cpuTime() - start
	t.Logf("New: %v CPU, %v wall", el, time.Since(wall))
	if el > time.Second {
		t.Errorf("New took %v CPU; want under 300ms", el)
	}
}

func TestBadModelFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.bin.gz")
	if err := os.WriteFile(p, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{ModelPath: p}); err == nil {
		t.Error("got nil error for a bad model file")
	}
	if _, err := New(Config{ModelPath: filepath.Join(dir, "absent")}); err == nil {
		t.Error("got nil error for a missing model file")
	}
}

func TestModelRoundTrip(t *testing.T) {
	feats := map[uint64][]float32{}
	for k := uint64(1); k < 200; k++ {
		row := make([]float32, nLabels)
		row[k%nLabels] = float32(k) / 10
		row[(k*7)%nLabels] -= 1.5
		feats[k*0x9e3779b97f4a7c15] = row
	}
	var buf bytes.Buffer
	if err := writeModel(&buf, feats); err != nil {
		t.Fatal(err)
	}
	m, err := readModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for k, row := range feats {
		got := m.row(k)
		if got == nil {
			t.Fatalf("feature %x missing", k)
		}
		// Rows are stored relative to label O.
		for l := range row {
			if d := (got[l] - got[0]) - (row[l] - row[0]); d > 0.01 || d < -0.01 {
				t.Fatalf("feature %x label %d: got %v; want %v (relative to O)", k, l, got[l]-got[0], row[l]-row[0])
			}
		}
	}
}

func TestSpans(t *testing.T) {
	B, I, L, U := func(t int) int { return label(t, posB) }, func(t int) int { return label(t, posI) },
		func(t int) int { return label(t, posL) }, func(t int) int { return label(t, posU) }
	tests := []struct {
		name   string
		labels []int
		want   []span
	}{
		{"empty", nil, nil},
		{"unit and multi", []int{U(tPER), 0, B(tORG), I(tORG), L(tORG)}, []span{{0, 1, tPER}, {2, 5, tORG}}},
		{"lenient type change", []int{B(tLOC), L(tORG)}, []span{{0, 1, tLOC}, {1, 2, tORG}}},
		{"adjacent units", []int{U(tMISC), U(tMISC)}, []span{{0, 1, tMISC}, {1, 2, tMISC}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := spans(tc.labels)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

func TestIOB1(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []span
	}{
		{"iob1 adjacent", []string{"I-PER", "I-PER", "B-PER", "O", "I-LOC"}, []span{{0, 2, tPER}, {2, 3, tPER}, {4, 5, tLOC}}},
		{"type change", []string{"I-ORG", "I-MISC"}, []span{{0, 1, tORG}, {1, 2, tMISC}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := iob1Spans(tc.tags)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "New York", "New York"},
		{"newline", "New\n  York", "New York"},
		{"trim", " Paris ", "Paris"},
		{"invalid", "M\xffller", "M\xffller"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normalise(tc.in); got != tc.want {
				t.Errorf("got %q; want %q", got, tc.want)
			}
		})
	}
}

func TestRefine(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	ty := newTyper(g)
	tests := []struct {
		name  string
		typ   int
		words []string
		want  string
	}{
		{"person", tPER, []string{"Jane", "Doe"}, doc.Person},
		{"country", tLOC, []string{"France"}, doc.GPE},
		{"multiword country", tLOC, []string{"New", "Zealand"}, doc.GPE},
		{"city", tLOC, []string{"Nairobi"}, doc.GPE},
		{"sea", tLOC, []string{"Black", "Sea"}, doc.Loc},
		{"unknown multiword place", tLOC, []string{"Upper", "Rift"}, doc.Loc},
		{"airport", tLOC, []string{"Heathrow", "Airport"}, doc.Fac},
		{"listed organisation as place", tLOC, []string{"White", "House"}, doc.Org},
		{"organisation", tORG, []string{"Acme", "Corp"}, doc.Org},
		{"demonym", tMISC, []string{"Venezuelan"}, doc.NORP},
		{"group", tMISC, []string{"Republicans"}, doc.NORP},
		{"demonym-like", tMISC, []string{"Ruritanian"}, doc.NORP},
		{"event", tMISC, []string{"World", "Cup"}, doc.EventT},
		{"law", tMISC, []string{"Clean", "Air", "Act"}, doc.Law},
		{"other misc", tMISC, []string{"Nobel", "Peace", "Prize"}, doc.Misc},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ty.refine(tc.typ, tc.words); got != tc.want {
				t.Errorf("refine(%s, %q) = %s; want %s", typeNames[tc.typ], tc.words, got, tc.want)
			}
		})
	}
}

// TestConcurrent runs one recogniser from several goroutines (run with
// -race) and checks they agree.
func TestConcurrent(t *testing.T) {
	text := "Prime Minister Jane Okafor of Nigeria met officials of the African Union in Addis Ababa on Friday."
	want := strings.Join(entityLines(t, run(t, text)), "|")
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := strings.Join(entityLines(t, run(t, text)), "|"); got != want {
					errs <- got
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("got %q; want %q", got, want)
	}
}
