package wordnet

import (
	"strings"
	"testing"

	"sitrep/internal/cputime"

	"sitrep/internal/shareddata"
)

// BenchmarkPOSText looks up the space-separated words of 300 BBC articles
// (punctuation left on), as the tagger does per token.
func BenchmarkPOSText(b *testing.B) {
	words := bbcWords(b)
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	start := cputime.Now()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			sink |= l.POS(w)
		}
	}
	cputime.Rate(b, start, float64(b.N*len(words)), "words")
}

// bbcWords returns the space-separated words of 300 BBC articles.
func bbcWords(b *testing.B) []string {
	var words []string
	for _, text := range shareddata.BBC(b, 300) {
		words = append(words, strings.Fields(text)...)
	}
	return words
}

// BenchmarkCacheText is BenchmarkPOSText through a Cache of 4096 words.
func BenchmarkCacheText(b *testing.B) {
	words := bbcWords(b)
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	c := NewCache(l, 4096)
	start := cputime.Now()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			sink |= c.POS(w)
		}
	}
	cputime.Rate(b, start, float64(b.N*len(words)), "words")
}
