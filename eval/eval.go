// Package eval holds what sitrep's evaluation commands share: counts that
// become precision, recall and F1, named scores, and the floors CI holds
// them to.
package eval

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Counts tallies matches between a system's output and a gold standard.
type Counts struct {
	TP, FP, FN int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Precision returns TP/(TP+FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 0 when there is no gold item.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores returns the precision, recall and F1 of c named prefix+".p",
// prefix+".r" and prefix+".f1".
func (c Counts) Scores(prefix string) []Score {
	return []Score{
		{Name: prefix + ".p", Value: c.Precision()},
		{Name: prefix + ".r", Value: c.Recall()},
		{Name: prefix + ".f1", Value: c.F1()},
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Accuracy returns right/total, or 0 when total is 0.
func Accuracy(right, total int) float64 { return ratio(right, total) }

// Score is one named figure, such as "segment.ewt.token.f1" = 0.993.
type Score struct {
	Name  string
	Value float64
	Note  string // what it was measured on, e.g. "2001 sentences"
}

// Print writes scores as an aligned table, one per line.
func Print(w io.Writer, scores []Score) {
	width := 0
	for _, s := range scores {
		width = max(width, len(s.Name))
	}
	for _, s := range scores {
		fmt.Fprintf(w, "%-*s  %.4f", width, s.Name, s.Value)
		if s.Note != "" {
			fmt.Fprintf(w, "  (%s)", s.Note)
		}
		fmt.Fprintln(w)
	}
}

// Floors maps a score name to the least value CI accepts.
type Floors map[string]float64

// ParseFloors reads floors written one per line as "name value"; blank
// lines and lines starting with # are ignored.
func ParseFloors(r io.Reader) (Floors, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("eval: floors: %w", err)
	}
	f := Floors{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			return nil, fmt.Errorf("eval: floors: line %d: want \"name value\"", i+1)
		}
		v, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("eval: floors: line %d: %w", i+1, err)
		}
		f[fields[0]] = v
	}
	return f, nil
}

// Check returns one message for each floor whose score is below it, and
// for each floor that applies to scores' prefix but names no score that
// was measured. Floors for other evaluations are ignored: only names that
// share their first dot-separated part with a measured score are checked.
func (f Floors) Check(scores []Score) []string {
	got := map[string]float64{}
	groups := map[string]bool{}
	for _, s := range scores {
		got[s.Name] = s.Value
		groups[strings.SplitN(s.Name, ".", 2)[0]] = true
	}
	var msgs []string
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !groups[strings.SplitN(n, ".", 2)[0]] {
			continue
		}
		v, ok := got[n]
		switch {
		case !ok:
			msgs = append(msgs, fmt.Sprintf("%s: not measured (floor %.4f)", n, f[n]))
		case v < f[n]:
			msgs = append(msgs, fmt.Sprintf("%s: %.4f below floor %.4f", n, v, f[n]))
		}
	}
	return msgs
}
