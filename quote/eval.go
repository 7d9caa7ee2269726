package quote

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sitrep/corpus/brat"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/ingest"
	"sitrep/pipeline"
)

// Evaluate scores quotation and attribution extraction on the PolNeAR dev
// set in dataDir/polnear/dev: each article runs through upstream (the
// stages before this one) and then the extractor. A predicted content
// matches a gold Content when their spans overlap (one to one, greatest
// overlap first); speaker.acc is the share of matched contents with a gold
// Source whose predicted speaker phrase overlaps that Source. Partial and
// nested quotes are left out as PolNeAR leaves them out (see statements);
// nested.content.f1 keeps the nested ones. When
// dataDir/polnear/train is there, the same scores on its 840 articles
// follow as quote.polnear.train.*: the rules were written looking at dev,
// so train tells how they carry over to unseen news. It returns an error
// when the data cannot be read.
func Evaluate(dataDir string, upstream *pipeline.Pipeline) ([]eval.Score, error) {
	x, err := New(Config{})
	if err != nil {
		return nil, err
	}
	chain := pipeline.New(append(append([]pipeline.Stage{}, upstream.Stages...), x)...)
	scores, err := evaluateSplit(filepath.Join(dataDir, "polnear", "dev"), "quote.polnear", chain)
	if err != nil {
		return nil, err
	}
	train := filepath.Join(dataDir, "polnear", "train")
	if _, err := os.Stat(train); err != nil {
		return scores, nil
	}
	more, err := evaluateSplit(train, "quote.polnear.train", chain)
	if err != nil {
		return nil, err
	}
	return append(scores, more...), nil
}

// evaluateSplit scores chain on the PolNeAR articles in dir, naming the
// scores prefix.content.* and prefix.speaker.acc.
func evaluateSplit(dir, prefix string, chain *pipeline.Pipeline) ([]eval.Score, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		return nil, fmt.Errorf("quote: no PolNeAR annotations in %s", dir)
	}
	sort.Strings(anns)
	var counts, all eval.Counts
	speakerRight, speakerTotal := 0, 0
	analysed := map[string]*doc.Document{}
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := base[:strings.LastIndexByte(base, '_')]
		d, ok := analysed[name]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
			if err != nil {
				return nil, fmt.Errorf("quote: %w", err)
			}
			d = ingest.New(string(b), ingest.Meta{ID: name})
			if err := chain.Process(context.Background(), d); err != nil {
				return nil, fmt.Errorf("quote: %s: %w", name, err)
			}
			analysed[name] = d
		}
		a, err := brat.ReadFile(ann)
		if err != nil {
			return nil, err
		}
		gold := goldQuotes(a, brat.ByteOffsets(d.Text))
		c, right, total := score(statements(d.Quotes, true), gold)
		counts.Add(c)
		ca, _, _ := score(statements(d.Quotes, false), gold)
		all.Add(ca)
		speakerRight += right
		speakerTotal += total
	}
	scores := counts.Scores(prefix + ".content")
	scores = append(scores, eval.Score{Name: prefix + ".speaker.acc", Value: eval.Accuracy(speakerRight, speakerTotal),
		Note: fmt.Sprintf("%d of %d matched contents with a gold source, %d articles", speakerRight, speakerTotal, len(analysed))})
	return append(scores, eval.Score{Name: prefix + ".nested.content.f1", Value: all.F1(), Note: "quotes inside others' contents kept"}), nil
}

// statements leaves out partial quotes: a fragment quoted inside a larger
// statement repeats that statement's attribution, and PolNeAR annotates
// the statement only. With outermost set it also leaves out the quotes
// whose content lies inside another one's ("A source said Ratcliffe made
// clear the United States expects ..."): PolNeAR annotates the outermost
// attribution, and only 139 of the 22,446 contents of its train articles
// lie inside another.
func statements(qs []doc.Quote, outermost bool) []doc.Quote {
	var out []doc.Quote
	for i, q := range qs {
		if q.Partial || outermost && nested(qs, i) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// nested reports whether the content of qs[i] lies inside the content of
// another quote of qs that is not partial (equal contents count once).
func nested(qs []doc.Quote, i int) bool {
	for j, p := range qs {
		if j != i && !p.Partial && p.Span.Contains(qs[i].Span) && (p.Span != qs[i].Span || j < i) {
			return true
		}
	}
	return false
}

type goldQuote struct {
	cue     string // the gold cue's text, for error analysis
	content doc.Span
	sources []doc.Span
}

// goldQuotes reads the attributions that have a Content, as byte spans.
func goldQuotes(a *brat.Annotations, toByte func(int) int) []goldQuote {
	span := func(id string) []doc.Span {
		tb, ok := a.Bounds[id]
		if !ok {
			return nil
		}
		var out []doc.Span
		for _, f := range tb.Fragments {
			out = append(out, doc.Span{Start: toByte(f.Start), End: toByte(f.End)})
		}
		return out
	}
	var out []goldQuote
	for _, e := range a.Events {
		c := span(e.Args["Content"])
		if len(c) == 0 {
			continue
		}
		g := goldQuote{content: doc.Span{Start: c[0].Start, End: c[len(c)-1].End}, cue: a.Bounds[e.Args["Cue"]].Text}
		if s, ok := e.Args["Source"]; ok {
			g.sources = span(s)
		}
		out = append(out, g)
	}
	return out
}

// score matches predicted quotes to gold contents one to one by greatest
// overlap and counts the speakers found right.
func score(pred []doc.Quote, gold []goldQuote) (c eval.Counts, right, total int) {
	type pair struct{ p, g, overlap int }
	var pairs []pair
	for pi, p := range pred {
		for gi, g := range gold {
			if o := min(p.End, g.content.End) - max(p.Start, g.content.Start); o > 0 {
				pairs = append(pairs, pair{pi, gi, o})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].overlap > pairs[j].overlap })
	usedP, usedG := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if usedP[pr.p] || usedG[pr.g] {
			continue
		}
		usedP[pr.p], usedG[pr.g] = true, true
		c.TP++
		g := gold[pr.g]
		if len(g.sources) == 0 {
			continue
		}
		total++
		if sp := pred[pr.p].SpeakerSpan; sp != nil {
			for _, s := range g.sources {
				if sp.Overlaps(s) {
					right++
					break
				}
			}
		}
	}
	c.FP = len(pred) - c.TP
	c.FN = len(gold) - c.TP
	return c, right, total
}
