package timex

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"sitrep/corpus/timeml"
	"sitrep/doc"
	"sitrep/eval"
)

// Evaluate scores the tagger on TimeBank (dataDir/timebank, TimeML files
// whose creation time is used as the publication date) and returns:
// timex.timebank.relaxed.{p,r,f1} (a system expression overlapping a gold
// one), timex.timebank.strict.{p,r,f1} (identical spans),
// timex.timebank.value.acc and timex.timebank.type.acc (over the relaxed
// matches). It returns an error when the folder cannot be read or holds no
// TimeML file.
func Evaluate(dataDir string) ([]eval.Score, error) {
	return evaluate(filepath.Join(dataDir, "timebank"), nil)
}

// evaluate scores the TimeML files in dir, writing each disagreement to
// w when w is not nil.
func evaluate(dir string, w io.Writer) ([]eval.Score, error) {
	docs, err := timeml.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("timex: evaluate: %w", err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("timex: evaluate: no TimeML files in %s", dir)
	}
	tg, err := New(Config{})
	if err != nil {
		return nil, err
	}
	var relaxed, strict eval.Counts
	var valueOK, typeOK, pairs, gold int
	for _, td := range docs {
		d := &doc.Document{ID: td.ID, Text: td.Text, Published: td.DCT}
		if err := tg.Process(context.Background(), d); err != nil {
			return nil, err
		}
		gold += len(td.Timexes)
		r := match(td.Timexes, d.Times)
		relaxed.Add(r.relaxed)
		strict.Add(r.strict)
		for _, pr := range r.pairs {
			g, s := td.Timexes[pr[0]], d.Times[pr[1]]
			pairs++
			if g.Value == s.Value {
				valueOK++
			}
			if g.Type == s.Type {
				typeOK++
			}
			if w != nil && (g.Value != s.Value || g.Type != s.Type || g.Start != s.Start || g.End != s.End) {
				fmt.Fprintf(w, "%s\tMATCH\t%q %s %s\t%q %s %s\tdct=%s\t%s\n", td.ID, td.Text[g.Start:g.End], g.Type, g.Value,
					d.Slice(s.Span), s.Type, s.Value, td.DCTValue, context80(td.Text, g.Start, g.End))
			}
		}
		if w != nil {
			for _, k := range r.missed {
				g := td.Timexes[k]
				fmt.Fprintf(w, "%s\tMISS\t%q %s %s\t\t\tdct=%s\t%s\n", td.ID, td.Text[g.Start:g.End], g.Type, g.Value, td.DCTValue, context80(td.Text, g.Start, g.End))
			}
			for _, k := range r.spurious {
				s := d.Times[k]
				fmt.Fprintf(w, "%s\tFALSE\t\t%q %s %s\tdct=%s\t%s\n", td.ID, d.Slice(s.Span), s.Type, s.Value, td.DCTValue, context80(td.Text, s.Start, s.End))
			}
		}
	}
	note := fmt.Sprintf("%d documents, %d gold expressions", len(docs), gold)
	var scores []eval.Score
	scores = append(scores, relaxed.Scores("timex.timebank.relaxed")...)
	scores = append(scores, strict.Scores("timex.timebank.strict")...)
	scores = append(scores,
		eval.Score{Name: "timex.timebank.value.acc", Value: eval.Accuracy(valueOK, pairs), Note: fmt.Sprintf("%d relaxed matches", pairs)},
		eval.Score{Name: "timex.timebank.type.acc", Value: eval.Accuracy(typeOK, pairs), Note: fmt.Sprintf("%d relaxed matches", pairs)},
	)
	scores[0].Note = note
	return scores, nil
}

// matching is the outcome of aligning gold and system expressions.
type matching struct {
	relaxed, strict eval.Counts
	pairs           [][2]int // gold index, system index of relaxed matches
	missed          []int    // gold indexes without a match
	spurious        []int    // system indexes without a match
}

// match aligns gold and system expressions one to one, each gold
// expression taking the first unused system expression that overlaps it.
func match(gold []timeml.Timex, sys []doc.Time) matching {
	var m matching
	used := make([]bool, len(sys))
	for gi, g := range gold {
		gs := doc.Span{Start: g.Start, End: g.End}
		found := -1
		for si, s := range sys {
			if used[si] {
				continue
			}
			if s.Span == gs {
				found = si
				break
			}
			if found < 0 && s.Span.Overlaps(gs) {
				found = si
			}
		}
		if found < 0 {
			m.missed = append(m.missed, gi)
			m.relaxed.FN++
			m.strict.FN++
			continue
		}
		used[found] = true
		m.pairs = append(m.pairs, [2]int{gi, found})
		m.relaxed.TP++
		if sys[found].Span == gs {
			m.strict.TP++
		} else {
			m.strict.FN++
			m.strict.FP++
		}
	}
	for si := range sys {
		if !used[si] {
			m.spurious = append(m.spurious, si)
			m.relaxed.FP++
			m.strict.FP++
		}
	}
	return m
}

func context80(text string, start, end int) string {
	a, b := max(0, start-60), min(len(text), end+40)
	s := text[a:start] + "[" + text[start:end] + "]" + text[end:b]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\t' {
			out = append(out, ' ')
		} else {
			out = append(out, s[i])
		}
	}
	return string(out)
}
