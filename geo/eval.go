package geo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"sitrep/corpus/lgl"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/ner"
	"sitrep/pipeline"
	"sitrep/segment"
)

// Evaluate scores the chain segment, ner, places on LGL (dataDir/geo/lgl.xml): toponym
// recognition precision, recall and F1, a predicted toponym matching a
// gold one when their spans overlap (one to one, in text order); and, over
// the matched toponyms whose gold entry has coordinates, the share
// resolved within 161 km (an unresolved prediction counts as wrong) and the
// mean error in km of those resolved. It returns an error when the file
// cannot be read or parsed.
func Evaluate(dataDir string) ([]eval.Score, error) {
	r, err := New(Config{})
	if err != nil {
		return nil, err
	}
	sg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, fmt.Errorf("geo: evaluate: %w", err)
	}
	rec, err := ner.New(ner.Config{})
	if err != nil {
		return nil, fmt.Errorf("geo: evaluate: %w", err)
	}
	return r.EvaluateWith(dataDir, []pipeline.Stage{sg, rec})
}

// EvaluateWith is Evaluate running the given earlier stages (segmenter,
// NER, ...) before r on each article; nil runs r alone.
func (r *Resolver) EvaluateWith(dataDir string, before []pipeline.Stage) ([]eval.Score, error) {
	f, err := os.Open(filepath.Join(dataDir, "geo", "lgl.xml"))
	if err != nil {
		return nil, fmt.Errorf("geo: evaluate: %w", err)
	}
	defer f.Close()
	arts, err := lgl.Read(f)
	if err != nil {
		return nil, fmt.Errorf("geo: evaluate: %w", err)
	}
	p := pipeline.New(append(append([]pipeline.Stage{}, before...), r)...)
	var res evalResult
	for _, a := range arts {
		d := &doc.Document{ID: a.ID, Title: a.Title, Text: a.Text, Language: "en"}
		if err := p.Process(context.Background(), d); err != nil {
			return nil, fmt.Errorf("geo: evaluate: %s: %w", a.ID, err)
		}
		res.add(a, Toponyms(d))
	}
	note := fmt.Sprintf("%d articles, %d gold toponyms", len(arts), res.counts.TP+res.counts.FN)
	scores := res.counts.Scores("geo.lgl.recognition")
	for i := range scores {
		scores[i].Note = note
	}
	scores = append(scores,
		eval.Score{Name: "geo.lgl.acc161", Value: eval.Accuracy(res.within, res.withCoord),
			Note: fmt.Sprintf("%d matched toponyms with gold coordinates", res.withCoord)},
		eval.Score{Name: "geo.lgl.mean_km", Value: res.meanKm(), Note: fmt.Sprintf("%d resolved", res.resolved)},
	)
	return scores, nil
}

// Toponym is a place name found in a document, resolved or not.
type Toponym struct {
	doc.Span
	Place *doc.Place // nil when not resolved
}

// Toponyms lists, in text order, the mentions of d's entities resolved to
// a place: the toponyms the places stage recognised. It returns nil for a
// document without them.
func Toponyms(d *doc.Document) []Toponym {
	var out []Toponym
	for _, e := range d.Entities {
		if e.Place == nil {
			continue
		}
		for _, m := range e.Mentions {
			out = append(out, Toponym{Span: m.Span, Place: e.Place})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

type evalResult struct {
	counts           eval.Counts
	withCoord        int
	within, resolved int
	sumKm            float64
}

func (res *evalResult) add(a lgl.Article, pred []Toponym) {
	gold := a.Toponyms
	sort.Slice(gold, func(i, j int) bool { return gold[i].Start < gold[j].Start })
	used := make([]bool, len(pred))
	for _, g := range gold {
		match := -1
		for j, p := range pred {
			if !used[j] && p.Span.Overlaps(g.Span) {
				match = j
				break
			}
		}
		if match < 0 {
			res.counts.FN++
			continue
		}
		used[match] = true
		res.counts.TP++
		if !g.HasCoord {
			continue
		}
		res.withCoord++
		p := pred[match].Place
		if p == nil {
			continue
		}
		km := haversine(g.Lat, g.Lon, p.Lat, p.Lon)
		res.resolved++
		res.sumKm += km
		if km <= 161 {
			res.within++
		}
	}
	for _, u := range used {
		if !u {
			res.counts.FP++
		}
	}
}

func (res *evalResult) meanKm() float64 {
	if res.resolved == 0 {
		return 0
	}
	return res.sumKm / float64(res.resolved)
}
