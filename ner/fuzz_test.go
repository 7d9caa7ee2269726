package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	"testing"

	"sitrep/doc"
)

// FuzzReadModel feeds arbitrary bytes to the model loader, which must
// return an error or a usable model, never panic.
func FuzzReadModel(f *testing.F) {
	f.Add(defaultModel[:min(len(defaultModel), 512)])
	f.Add([]byte{})
	var buf bytes.Buffer
	writeModel(&buf, map[uint64][]float32{1: make([]float32, nLabels), 7: {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}})
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := readModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		var sc [nLabels]float32
		m.score([]uint64{1, 2, 3, 7}, &sc)
	})
}

// FuzzProcess runs the recogniser on arbitrary text cut into tokens at
// spaces: it must not panic and must keep spans inside the text.
func FuzzProcess(f *testing.F) {
	f.Add("Angela Merkel visited Paris .")
	f.Add("\xff\xfe NEW YORK (Reuters) -")
	f.Fuzz(func(t *testing.T, text string) {
		r, _ := recognizer(t)
		d := &doc.Document{Text: text}
		start := -1
		for i := 0; i <= len(text); i++ {
			if i == len(text) || text[i] == ' ' {
				if start >= 0 {
					d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: start, End: i}})
				}
				start = -1
			} else if start < 0 {
				start = i
			}
		}
		if len(d.Tokens) > 0 {
			d.Sentences = []doc.Sentence{{Span: doc.Span{Start: d.Tokens[0].Start, End: len(text)}, EndToken: len(d.Tokens)}}
		}
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if !e.Mentions[0].Valid(len(text)) {
				t.Fatalf("span %v outside text of %d bytes", e.Mentions[0].Span, len(text))
			}
		}
	})
}

// FuzzLoadClusters feeds arbitrary text, gzip-compressed, to the cluster
// loader, which must not panic.
func FuzzLoadClusters(f *testing.F) {
	f.Add("Paris\t1.2.3.4\nLondon\t1.2.3.5\n")
	f.Add("\t\n\n..\tx\ty")
	f.Fuzz(func(t *testing.T, text string) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := loadClusters(&buf); err != nil {
			t.Fatal(err)
		}
	})
}
