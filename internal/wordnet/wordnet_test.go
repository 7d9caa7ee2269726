package wordnet

import (
	"bytes"
	"errors"
	"testing"

	"sitrep/internal/cputime"
	"time"
)

func TestPOS(t *testing.T) {
	tests := []struct {
		name string
		word string
		want Mask // compared on Parts and Bases only
	}{
		{"irregular verb", "ran", Verb},
		{"irregular plural", "geese", Noun},
		{"ing form that is also a noun and adjective", "running", Noun | Verb | Adj | NounBase | AdjBase},
		{"case folded", "RUNNING", Noun | Verb | Adj | NounBase | AdjBase},
		{"plural and third person", "walks", Noun | Verb},
		{"es plural", "boxes", Noun | Verb},
		{"ies plural", "flies", Noun | Verb | NounBase},
		{"men plural", "women", Noun},
		{"adjective comparative by exception", "better", Noun | Verb | Adj | Adv | NounBase | VerbBase | AdjBase | AdvBase},
		{"adjective superlative by rule", "biggest", Adj},
		{"adverb", "quickly", Adv | AdvBase},
		{"ful plural", "handsful", Noun},
		{"exception with a base WordNet does not list", "airdropped", 0},
		{"exception blocks the adjective rule", "archer", Noun | NounBase},
		{"no noun rule on ss", "boss", Noun | Verb | Adj | NounBase | VerbBase | AdjBase},
		{"function word", "the", 0},
		{"number", "1990", 0},
		{"empty", "", 0},
		{"invalid UTF-8", "\xff\xfe", 0},
		{"only a suffix", "s", Noun | NounBase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := POS(tt.word) & 0xFF; got != tt.want {
				t.Errorf("POS(%q) = %v; want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestPOSMost(t *testing.T) {
	tests := []struct {
		name string
		word string
		want Mask
	}{
		{"verb reading dominates", "ran", Verb},
		{"adverb reading dominates", "quickly", Adv},
		{"nothing tagged", "airdropped", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := POS(tt.word).Most(); got != tt.want {
				t.Errorf("POS(%q).Most() = %v; want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestLemma(t *testing.T) {
	tests := []struct {
		name   string
		word   string
		pos    Mask
		want   string
		wantOK bool
	}{
		{"irregular verb", "ran", Verb, "run", true},
		{"irregular verb, ing", "running", Verb, "run", true},
		{"ing noun is its own base", "running", Noun, "running", true},
		{"irregular plural", "Geese", Noun, "goose", true},
		{"rule before the form itself", "glasses", Noun, "glass", true},
		{"ies to y", "flies", Noun, "fly", true},
		{"es to e", "decides", Verb, "decide", true},
		{"ed to e", "hoped", Verb, "hope", true},
		{"ed dropped", "walked", Verb, "walk", true},
		{"case lowered", "Walked", Verb, "walk", true},
		{"comparative by exception", "better", Adj, "good", true},
		{"adverb by exception", "better", Adv, "well", true},
		{"superlative by rule", "biggest", Adj, "big", true},
		{"ful plural", "handsful", Noun, "handful", true},
		{"undefined base still a lemma", "airdropped", Verb, "airdrop", true},
		{"first part of speech that has one", "walked", Noun | Verb, "walk", true},
		{"no verb reading", "geese", Verb, "", false},
		{"unknown word", "blorfed", Verb, "", false},
		{"no part of speech asked", "walked", 0, "", false},
		{"empty", "", Noun, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Lemma(tt.word, tt.pos)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Lemma(%q, %v) = %q, %v; want %q, %v", tt.word, tt.pos, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestForUPOS(t *testing.T) {
	tests := []struct {
		upos string
		want Mask
	}{
		{"NOUN", Noun}, {"VERB", Verb}, {"AUX", Verb}, {"ADJ", Adj}, {"ADV", Adv}, {"PROPN", 0}, {"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.upos, func(t *testing.T) {
			if got := ForUPOS(tt.upos); got != tt.want {
				t.Errorf("ForUPOS(%q) = %v; want %v", tt.upos, got, tt.want)
			}
		})
	}
}

func TestMaskString(t *testing.T) {
	tests := []struct {
		name string
		m    Mask
		want string
	}{
		{"zero", 0, "none"},
		{"one part", Noun, "noun"},
		{"base and most", Verb | VerbBase | VerbMost, "verb+base+most"},
		{"two parts", Noun | Adj | AdjBase, "noun|adj+base"},
		{"stray base bit", AdvBase, "adv?+base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.String(); got != tt.want {
				t.Errorf("%#x.String() = %q; want %q", uint16(tt.m), got, tt.want)
			}
		})
	}
}

func TestEncodeParse(t *testing.T) {
	entries := []Entry{
		{"walk", Verb, 20}, {"walk", Noun, 3}, {"glass", Noun, 5}, {"glasses", Noun, 1},
		{"Goose", Noun, 2}, {"good", Adj, 100},
	}
	excs := []Exception{
		{"geese", "goose", Noun}, {"better", "good", Adj}, {"better", "well", Adj},
	}
	data, err := Encode(entries, excs)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Encode(entries, excs)
	if err != nil || !bytes.Equal(data, again) {
		t.Fatalf("Encode is not deterministic (err %v)", err)
	}
	l, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		word string
		pos  Mask
		want string
	}{
		{"rule", "walked", Verb, "walk"},
		{"lowered entry", "geese", Noun, "goose"},
		{"first exception", "better", Adj, "good"},
		{"rule before self", "glasses", Noun, "glass"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := l.Lemma(tt.word, tt.pos); got != tt.want {
				t.Errorf("Lemma(%q, %v) = %q; want %q", tt.word, tt.pos, got, tt.want)
			}
		})
	}
	if got, want := l.POS("walks"), Noun|Verb|VerbMost; got != want {
		t.Errorf("POS(walks) = %v; want %v", got, want)
	}
	if got, want := l.POS("better"), Adj|AdjMost; got != want {
		t.Errorf("POS(better) = %v; want %v", got, want)
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		excs    []Exception
	}{
		{"two parts of speech", []Entry{{"walk", Noun | Verb, 0}}, nil},
		{"no part of speech", []Entry{{"walk", 0, 0}}, nil},
		{"empty lemma", []Entry{{"", Noun, 0}}, nil},
		{"empty form", nil, []Exception{{"", "walk", Verb}}},
		{"long base", nil, []Exception{{"x", string(make([]byte, 200)), Verb}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Encode(tt.entries, tt.excs); err == nil {
				t.Errorf("Encode = nil error; want one")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	good, err := Encode([]Entry{{"walk", Verb, 1}, {"run", Verb, 1}}, []Exception{{"ran", "run", Verb}})
	if err != nil {
		t.Fatal(err)
	}
	swapped := bytes.Clone(good)
	b := swapped[len(magic)+12:]
	tmp := bytes.Clone(b[:8])
	copy(b[:8], b[8:16])
	copy(b[8:16], tmp)
	badPool := bytes.Clone(good)
	badPool[len(magic)+12+16+8] = 0xFF // exception value: length 127
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"bad magic", append([]byte("XXXXXXXX"), good[8:]...)},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", append(bytes.Clone(good), 0)},
		{"bases out of order", swapped},
		{"exception outside pool", badPool},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(tt.data); !errors.Is(err, ErrFormat) {
				t.Errorf("Parse = %v; want an error wrapping ErrFormat", err)
			}
		})
	}
}

func TestEmbeddedLoad(t *testing.T) {
	start := time.Now()
	l, err := Parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("parsed %d bytes, %d slots, %d exceptions in %v", len(embedded), len(l.bases.slots), len(l.excKeys), time.Since(start))
}

func TestPOSAllocs(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Running", "geese", "walks", "quickly", "handsful", "the", "better"}
	got := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			l.POS(w)
		}
	})
	if got != 0 {
		t.Errorf("POS allocations per run = %v; want 0", got)
	}
	got = testing.AllocsPerRun(100, func() { l.Lemma("walked", Verb) })
	if got != 0 {
		t.Errorf("Lemma(walked) allocations = %v; want 0", got)
	}
}

var sink Mask

func BenchmarkPOS(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"The", "president", "said", "on", "Thursday", "that", "talks", "were", "running", "smoothly", "between", "the", "two", "countries", "."}
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		for _, w := range words {
			sink |= l.POS(w)
		}
	}
	cputime.Rate(b, start, float64(b.N*len(words)), "words")
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	good, err := Encode([]Entry{{"walk", Verb, 1}, {"run", Verb, 1}, {"glass", Noun, 0}}, []Exception{{"ran", "run", Verb}, {"went", "go", Verb}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(magic))
	f.Add(embedded[:len(magic)+12+64])
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		if err != nil {
			return
		}
		for _, w := range []string{"walked", "ran", "glasses", "went", "", "s"} {
			l.POS(w)
			l.Lemma(w, Noun|Verb|Adj|Adv)
		}
	})
}

func TestCache(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(l, 16)
	words := []string{"ran", "Ran", "geese", "the", "walks", "ran", "quickly", "", "1990", "walks", "handsful", "ran"}
	for round := 0; round < 3; round++ {
		for _, w := range words {
			if got, want := c.POS(w), l.POS(w); got != want {
				t.Errorf("round %d: Cache.POS(%q) = %v; want %v", round, w, got, want)
			}
		}
	}
	var nilCache *Cache
	if got := nilCache.POS("ran"); got != 0 {
		t.Errorf("nil Cache.POS(ran) = %v; want 0", got)
	}
	got := testing.AllocsPerRun(100, func() { c.POS("walks") })
	if got != 0 {
		t.Errorf("Cache.POS allocations = %v; want 0", got)
	}
}
