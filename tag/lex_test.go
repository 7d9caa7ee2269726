package tag

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"maps"
	"strings"
	"testing"

	"sitrep/internal/wordnet"
)

func TestClusterCode(t *testing.T) {
	cases := []struct {
		name, path string
		want       uint64
	}{
		{"zeros", "0.0.0.0", 1 << 12},
		{"mixed", "3.0.7.5", 1<<12 | 3<<9 | 7<<3 | 5},
		{"three levels", "3.0.7", 0},
		{"five levels", "3.0.7.5.1", 0},
		{"branch too wide", "3.0.8.5", 0},
		{"letters", "a.b.c.d", 0},
		{"empty", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := clusterCode(c.path); got != c.want {
				t.Errorf("clusterCode(%q): got %#x; want %#x", c.path, got, c.want)
			}
		})
	}
}

func TestReadClusters(t *testing.T) {
	text := "the\t1.0.1.0\nThe\t6.4.4.4\nno tab here\n\t1.1.1.1\n"
	want := map[string]string{"the": "1.0.1.0", "The": "6.4.4.4"}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	cases := []struct {
		name string
		data []byte
	}{
		{"plain", []byte(text)},
		{"gzip", gz.Bytes()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ReadClusters(bytes.NewReader(c.data))
			if err != nil {
				t.Fatalf("got error %v; want nil", err)
			}
			if !maps.Equal(got, want) {
				t.Errorf("got %v; want %v", got, want)
			}
		})
	}
	t.Run("bad gzip", func(t *testing.T) {
		if _, err := ReadClusters(bytes.NewReader(gz.Bytes()[:12])); err == nil {
			t.Error("got nil error; want an error")
		}
	})
}

func TestClusterLookup(t *testing.T) {
	tg := &Tagger{clusters: buildClusters(map[string]string{"the": "1.0.1.0", "Apple": "4.3.7.2", "apple": "4.0.0.4", "bad": "9"})}
	cases := []struct {
		word string
		want uint64
	}{
		{"the", clusterCode("1.0.1.0")},
		{"The", clusterCode("1.0.1.0")}, // falls back to the lowered form
		{"Apple", clusterCode("4.3.7.2")},
		{"apple", clusterCode("4.0.0.4")},
		{"APPLE", clusterCode("4.0.0.4")},
		{"bad", 0},
		{"pear", 0},
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			var ti [1]tokInfo
			sentInfo([]string{c.word}, ti[:], false)
			if got := tg.clusterOf(c.word, &ti[0]); got != c.want {
				t.Errorf("got %#x; want %#x", got, c.want)
			}
		})
	}
	t.Run("no clusters", func(t *testing.T) {
		var ti [1]tokInfo
		sentInfo([]string{"the"}, ti[:], false)
		if got := (&Tagger{}).clusterOf("the", &ti[0]); got != 0 {
			t.Errorf("got %#x; want 0", got)
		}
	})
}

func TestDateAbbrev(t *testing.T) {
	cases := []struct {
		word, want string
	}{
		{"Sept.", "September"},
		{"Sept", "September"},
		{"SEPT", "September"},
		{"Dec", "December"},
		{"Fri.", "Friday"},
		{"Jan.", "January"},
		{"Jan", ""}, // also a name
		{"Sun", ""}, // also a newspaper, a company
		{"Sun.", "Sunday"},
		{"sept", ""}, // not capitalised
		{"Septembers", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			if got := dateAbbrev(c.word); got != c.want {
				t.Errorf("dateAbbrev(%q): got %q; want %q", c.word, got, c.want)
			}
		})
	}
}

func TestLexWeight(t *testing.T) {
	cases := []struct {
		name            string
		permille, count int
		wantBits        int
	}{
		{"zero count", 1000, 0, 0},
		{"one", 1000, 1, 1},
		{"sixteen", 990, 16, 5},
		{"huge", 500, 1 << 40, 31},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := lexWeight(c.permille, c.count)
			if w > 1<<15-1 {
				t.Fatalf("got %d; want a positive int16", w)
			}
			if w&1023 != c.permille || w>>10 != c.wantBits {
				t.Errorf("got permille %d, bits %d; want %d, %d", w&1023, w>>10, c.permille, c.wantBits)
			}
		})
	}
}

// TestLemmaCache checks that remembered lemmas are those the classifier
// gives, and that a full cache starts again.
func TestLemmaCache(t *testing.T) {
	tg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		{"Officials", "are", "studying", "the", "cities", "."},
		{"The", "cities", "were", "studying", "officials", "."},
		{"REBELS", "ARE", "STUDYING", "CITIES"},
	}
	var first [][]Tags
	for _, s := range sents {
		first = append(first, tg.Tag(s))
	}
	for i, s := range sents {
		got := tg.Tag(s)
		for k := range got {
			if got[k] != first[i][k] {
				t.Errorf("%s: got %+v; want %+v", strings.Join(s, " "), got[k], first[i][k])
			}
		}
	}
	sc := tg.getScratch()
	defer tg.pool.Put(sc)
	sc.lcache = map[lemmaKey]string{}
	for i := range lemmaCacheMax {
		sc.lcache[lemmaKey{strings.Repeat("x", i%7) + string(rune('a'+i%26)), i}] = ""
	}
	sc.words = append(sc.words[:0], "cities")
	tg.tag(sc)
	if got := tg.lemma(sc, 0, sc.classes[0]); got != "city" {
		t.Errorf("lemma of cities: got %q; want %q", got, "city")
	}
	if len(sc.lcache) != 1 {
		t.Errorf("cache holds %d lemmas; want 1", len(sc.lcache))
	}
}

func TestPickLemma(t *testing.T) {
	tg := &Tagger{
		edits:    []edit{{strip: 3}, {strip: 3, add: "e"}, {}, {strip: 7, add: "be"}},
		clusters: buildClusters(map[string]string{"provoke": "1.2.3.4", "walk": "1.2.3.5", "be": "0.0.0.0"}),
	}
	cases := []struct {
		name   string
		word   string
		scores []int32
		want   string
	}{
		{"best is known", "walking", []int32{9, 5, 1, 0}, "walk"},
		{"next is known", "provoking", []int32{9, 5, 1, 0}, "provoke"},
		{"none known", "zorking", []int32{9, 5, 1, 0}, "zork"},
		{"identity kept", "provoking", []int32{1, 5, 9, 0}, "provoking"},
		{"whole-word edits not tried", "zorkers", []int32{9, 0, 1, 5}, "zork"},
		{"short word", "ing", []int32{9, 5, 1, 0}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := tg.pickLemma(c.word, c.scores); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
	t.Run("no clusters", func(t *testing.T) {
		tg := &Tagger{edits: tg.edits}
		if got := tg.pickLemma("provoking", []int32{9, 5, 1, 0}); got != "provok" {
			t.Errorf("got %q; want %q", got, "provok")
		}
	})
}

func TestCapsName(t *testing.T) {
	tg := &Tagger{clusters: buildClusters(map[string]string{"Tehran": "1.2.3.4", "NASA": "1.2.3.5", "Nasa": "1.2.3.5", "Iran": "1.2.3.6", "TEXAS": "1.2.3.7", "Texas": "1.2.3.7"})}
	cases := []struct {
		word     string
		headline bool
		want     string
	}{
		{"TEHRAN", false, "Tehran"},
		{"NASA", false, ""}, // known as written
		{"IRAN", false, "Iran"},
		{"UK", false, ""},     // too short
		{"ZORGON", false, ""}, // no known form
		{"Tehran", false, ""}, // not in capitals
		{"AT&T", false, ""},
		{"", false, ""},
		{"TEXAS", false, ""}, // known as written
		{"TEXAS", true, "Texas"},
		{"TEHRAN", true, "Tehran"},
		{"UK", true, ""},
		{"ZORGON", true, ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/headline=%v", c.word, c.headline), func(t *testing.T) {
			if got := tg.capsName(c.word, c.headline); got != c.want {
				t.Errorf("capsName(%q, %v): got %q; want %q", c.word, c.headline, got, c.want)
			}
		})
	}
	if got := (&Tagger{}).capsName("TEHRAN", false); got != "" {
		t.Errorf("without clusters: got %q; want \"\"", got)
	}
}

func TestWordNetLemma(t *testing.T) {
	tests := []struct {
		name, word, lemma, upos string
		want                    string
		wantOK                  bool
	}{
		{"unknown stem of a noun", "aches", "ach", "NOUN", "ache", true},
		{"unknown stem of a verb", "mimicking", "mimick", "VERB", "mimic", true},
		{"classifier lemma known to WordNet", "regards", "regards", "NOUN", "", false},
		{"differs only in case", "Palestinian", "Palestinian", "ADJ", "", false},
		{"auxiliary left alone", "might", "mighte", "AUX", "", false},
		{"tag without a WordNet part of speech", "Obamas", "Obama", "PROPN", "", false},
		{"WordNet has no lemma", "zorking", "zork", "VERB", "", false},
		{"empty", "", "", "NOUN", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := wordNetLemma(tt.word, tt.lemma, tt.upos)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("wordNetLemma(%q, %q, %q) = %q, %v; want %q, %v", tt.word, tt.lemma, tt.upos, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestTagWordNet(t *testing.T) {
	tg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		word string
		want wordnet.Mask // the parts of speech
	}{
		{"irregular verb", "ran", wordnet.Verb},
		{"capitals", "GEESE", wordnet.Noun},
		{"function word", "the", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tg.getScratch()
			defer tg.pool.Put(s)
			s.words = append(s.words[:0], tt.word, tt.word)
			tg.tag(s)
			for i := range s.words {
				if got := wordnet.Mask(s.infos[i].wn).Parts(); got != tt.want {
					t.Errorf("word %d: wn parts of %q = %v; want %v", i, tt.word, got, tt.want)
				}
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	cases := []struct {
		name, word string
		want       uint64
	}{
		{"url with scheme", "http://www.un.org/ha/", kURL},
		{"url without scheme", "WWW.Example.com/page", kURL},
		{"e-mail", "kent.shoemaker@ae.ge.com", kEmail},
		{"at-sign with no dot after it", "john@enron", 0},
		{"file name", "CrudeStocks.pdf", kFile},
		{"file name in capitals", "RESUME.DOC", kFile},
		{"file name with underscore", "Lisa_resume.doc", kFile},
		{"domain", "paulhastings.com", kDomain},
		{"domain with hyphen", "bbc-news.co.uk", kDomain},
		{"not a domain", "Yahoo!.com", 0},
		{"abbreviation", "U.S.", 0},
		{"decimal", "3.14", 0},
		{"word", "dolphins", 0},
		{"sentence ends in a dot", "etc.", 0},
		{"extension alone", ".pdf", 0},
		{"too short", "a.de", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := kindOf(c.word); got != c.want {
				t.Errorf("kindOf(%q): got %d; want %d", c.word, got, c.want)
			}
		})
	}
}

func TestNumLemma(t *testing.T) {
	cases := []struct{ word, want string }{
		{"5,000", "5000"},
		{"3.5", "3.5"},
		{"1,2", "12"},
		{"Two", "two"},
		{"II", "II"},
		{"XIII", "XIII"},
		{"Mix", "mix"},
		{"m", "million"},
		{"BN", "billion"},
		{"k", "thousand"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			if got := numLemma(c.word); got != c.want {
				t.Errorf("numLemma(%q): got %q; want %q", c.word, got, c.want)
			}
		})
	}
}
