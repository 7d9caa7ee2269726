package sqlite

import (
	"errors"
	"reflect"
	"testing"

	"sitrep/doc"
	"sitrep/store/storetest"
)

func TestLayersRoundTrip(t *testing.T) {
	syn := storetest.Synthetic(3)
	for _, tc := range []struct {
		name      string
		sentences []doc.Sentence
		tokens    []doc.Token
	}{
		{"empty", nil, nil},
		{"synthetic", syn.Sentences, syn.Tokens},
		{"odd values", []doc.Sentence{{Span: doc.Span{Start: 5, End: 2}, FirstToken: 3, EndToken: -1}},
			[]doc.Token{{Span: doc.Span{Start: -4, End: 1 << 40}, Lemma: "caf\xe9", Head: -7, Deprel: "x"}, {Head: 1 << 50}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := encodeLayers(nil, tc.sentences, tc.tokens)
			s, tok, err := decodeLayers(b)
			if err != nil {
				t.Fatalf("decodeLayers: %v", err)
			}
			if !reflect.DeepEqual(s, tc.sentences) || !reflect.DeepEqual(tok, tc.tokens) {
				t.Errorf("decodeLayers(encodeLayers(x)) = %v, %v; want %v, %v", s, tok, tc.sentences, tc.tokens)
			}
		})
	}
	t.Logf("synthetic: %d tokens in %d bytes", len(syn.Tokens), len(encodeLayers(nil, syn.Sentences, syn.Tokens)))
}

func TestLayersCorrupt(t *testing.T) {
	good := encodeLayers(nil, []doc.Sentence{{Span: doc.Span{End: 4}, EndToken: 1}}, []doc.Token{{Span: doc.Span{End: 4}, Lemma: "test"}})
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"unknown version", append([]byte{9}, good[1:]...)},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", append(append([]byte(nil), good...), 0)},
		{"huge count", []byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		{"string index out of range", []byte{1, 1, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := decodeLayers(tc.b); !errors.Is(err, errLayers) {
				t.Errorf("decodeLayers(%v) error = %v; want %v", tc.b, err, errLayers)
			}
		})
	}
}

// FuzzDecodeLayers checks that no blob makes decodeLayers panic, and that
// whatever it accepts encodes back to a blob that decodes to the same.
func FuzzDecodeLayers(f *testing.F) {
	syn := storetest.Synthetic(0)
	f.Add(encodeLayers(nil, syn.Sentences[:3], syn.Tokens[:30]))
	f.Add(encodeLayers(nil, nil, nil))
	f.Add([]byte{1, 1, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, tok, err := decodeLayers(b)
		if err != nil {
			return
		}
		s2, tok2, err := decodeLayers(encodeLayers(nil, s, tok))
		if err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		if !reflect.DeepEqual(s, s2) || !reflect.DeepEqual(tok, tok2) {
			t.Fatalf("round trip changed the layers")
		}
	})
}
