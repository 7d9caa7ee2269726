package perceptron

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func trainToy(t testing.TB) *Model {
	tr := NewTrainer(3)
	feats := [][]uint64{{Str(Seed(1), "a")}, {Str(Seed(1), "b")}, {Str(Seed(1), "c")}}
	scores := make([]float32, 3)
	for it := 0; it < 5; it++ {
		for gold, f := range feats {
			tr.Scores(f, scores)
			best := 0
			for c, v := range scores {
				if v > scores[best] {
					best = c
				}
			}
			tr.Update(f, gold, best)
			tr.Tick()
		}
	}
	return tr.Model(0)
}

func TestTrainAndRoundTrip(t *testing.T) {
	m := trainToy(t)
	var buf bytes.Buffer
	b := Bundle{Lists: [][]string{{"x", "y", "z"}}, Models: []*Model{m}}
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBundle(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Lists) != 1 || len(got.Lists[0]) != 3 || got.Lists[0][2] != "z" {
		t.Errorf("lists: got %v; want [[x y z]]", got.Lists)
	}
	scores := make([]int32, 3)
	for gold, s := range []string{"a", "b", "c"} {
		t.Run(s, func(t *testing.T) {
			got.Models[0].Scores([]uint64{Str(Seed(1), s)}, scores)
			best := 0
			for c, v := range scores {
				if v > scores[best] {
					best = c
				}
			}
			if best != gold {
				t.Errorf("got class %d (scores %v); want %d", best, scores, gold)
			}
		})
	}
}

func TestReadBundleErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := (&Bundle{Models: []*Model{trainToy(t)}}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello world")},
		{"truncated", good[:len(good)/2]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadBundle(bytes.NewReader(c.data))
			if !errors.Is(err, ErrFormat) {
				t.Errorf("got %v; want an error wrapping ErrFormat", err)
			}
		})
	}
}

func TestStrTruncates(t *testing.T) {
	long := bytes.Repeat([]byte("a"), 10000)
	if got, want := Str(1, string(long)), Str(1, string(long[:64])); got != want {
		t.Errorf("got %x; want %x (only 64 bytes hashed)", got, want)
	}
}

// FuzzReadBundle feeds the decoder model data as Write writes it.
func FuzzReadBundle(f *testing.F) {
	var buf bytes.Buffer
	if err := (&Bundle{Lists: [][]string{{"a"}}, Models: []*Model{trainToy(f)}}).Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadBundle(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, m := range b.Models {
			scores := make([]int32, m.NClasses)
			m.Scores([]uint64{1, 2, 3, Str(Seed(1), "a")}, scores)
		}
	})
}

func TestRotKey(t *testing.T) {
	for _, k := range []uint64{0, 1, 1<<24 - 1, 1 << 24, keyMask, 0x123456789a} {
		if got := unrotKey(rotKey(k)); got != k {
			t.Errorf("unrotKey(rotKey(%x)): got %x; want %x", k, got, k)
		}
	}
}

// TestScoresMatchRows checks Scores, whatever layout a row gets (inline,
// sparse, dense, past the batch limits), against sums of the rows'
// entries, for models of several class counts.
// TestReadGzipBundle checks that bundles written gzip-compressed, as
// earlier models were, still load.
func TestReadGzipBundle(t *testing.T) {
	var raw, z bytes.Buffer
	if err := (&Bundle{Lists: [][]string{{"a", "b"}}, Models: []*Model{trainToy(t)}}).Write(&raw); err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	for name, data := range map[string][]byte{"raw": raw.Bytes(), "gzip": z.Bytes()} {
		b, err := ReadBundle(bytes.NewReader(data))
		if err != nil || len(b.Lists) != 1 || len(b.Models) != 1 {
			t.Errorf("%s: got %v, %v; want the bundle back", name, b, err)
		}
	}
}

func TestScoresMatchRows(t *testing.T) {
	for _, nc := range []int{2, 7, 50, 100, 300} {
		t.Run(fmt.Sprint(nc), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(nc)))
			var keys []uint64
			var rows [][]Entry
			for i := range 3000 {
				n := 1 + rng.IntN(nc)
				if i%3 == 0 {
					n = 1 + rng.IntN(min(nc, 3))
				}
				var row []Entry
				for c := range nc {
					if len(row) < n && rng.IntN(nc) < n {
						row = append(row, Entry{Class: c, Weight: int16(rng.IntN(65536) - 32768)})
					}
				}
				if len(row) == 0 {
					row = append(row, Entry{Class: rng.IntN(nc), Weight: -32768})
				}
				keys = append(keys, rng.Uint64()|1)
				rows = append(rows, row)
			}
			wide := BuildModel(nc, 1, keys, rows)
			compact := wide.Quantized()
			if got, want := compact.lut != nil, nc <= 256; got != want {
				t.Fatalf("compact layout: got %v; want %v", got, want)
			}
			for _, m := range []*Model{wide, compact} {
				for _, nf := range []int{1, 40, 200} {
					feats := make([]uint64, nf)
					for i := range feats {
						if rng.IntN(5) == 0 {
							feats[i] = rng.Uint64() // unknown
						} else {
							feats[i] = keys[rng.IntN(len(keys))]
						}
					}
					want := make([]int32, nc)
					for _, f := range feats {
						for _, e := range m.Row(f) {
							want[EntryClass(e)] += int32(EntryWeight(e))
						}
					}
					vector := haveAVX2
					for _, haveAVX2 = range []bool{vector, false} {
						got := make([]int32, nc)
						m.Scores(feats, got)
						if !slices.Equal(got, want) {
							t.Errorf("%d features (compact %v, AVX2 %v): got %v; want %v", nf, m.lut != nil, haveAVX2, got, want)
						}
					}
					haveAVX2 = vector
				}
			}
		})
	}
}

// TestQuantized checks that quantized weights stay within the relative
// error of half a log step and that the model gets the compact layout.
func TestQuantized(t *testing.T) {
	tests := []struct {
		name   string
		nc     int
		lo, hi int
	}{
		{"pruned range", 100, 300, 32767},
		{"full range", 20, 1, 32767},
		{"one value", 5, 7, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(2, uint64(tt.nc)))
			var keys []uint64
			var rows [][]Entry
			for range 500 {
				var row []Entry
				for c := range tt.nc {
					if rng.IntN(3) == 0 {
						w := tt.lo + rng.IntN(tt.hi-tt.lo+1)
						if rng.IntN(2) == 0 {
							w = -w
						}
						row = append(row, Entry{Class: c, Weight: int16(w)})
					}
				}
				if len(row) > 0 {
					keys = append(keys, rng.Uint64()|1)
					rows = append(rows, row)
				}
			}
			m := BuildModel(tt.nc, 1, keys, rows)
			q := m.Quantized()
			if q.lut == nil {
				t.Fatalf("got the wide layout; want the compact one")
			}
			// Half a step of 127 levels over the range, plus rounding to integers.
			step := math.Log(float64(tt.hi)/float64(tt.lo)) / 126
			for _, k := range keys {
				want, got := m.Row(k), q.Row(k)
				if len(got) != len(want) {
					t.Fatalf("row %x: got %d entries; want %d", k, len(got), len(want))
				}
				for i := range want {
					w, g := float64(EntryWeight(want[i])), float64(EntryWeight(got[i]))
					if EntryClass(got[i]) != EntryClass(want[i]) || math.Abs(g-w) > math.Abs(w)*(math.Exp(step/2)-1)+0.5 {
						t.Fatalf("row %x entry %d: got %v (class %d); want about %v (class %d)", k, i, g, EntryClass(got[i]), w, EntryClass(want[i]))
					}
				}
			}
		})
	}
}
