package coder

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/actor"
	"sitrep/doc"
	"sitrep/geo"
	"sitrep/internal/shareddata"
	"sitrep/ner"
	"sitrep/ontology"
	"sitrep/parse"
	"sitrep/pipeline"
	"sitrep/quote"
	"sitrep/segment"
	"sitrep/tag"
	"sitrep/timex"
)

// debugChain builds the analysis chain for the debugging dumps below;
// SITREP_PARSE_MODEL names a parser model to use instead of the embedded one.
func debugChain(t *testing.T) *pipeline.Pipeline {
	sg, err := segment.New(segment.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parse.New(parse.Config{ModelPath: os.Getenv("SITREP_PARSE_MODEL")})
	if err != nil {
		t.Fatal(err)
	}
	nr, err := ner.New(ner.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ac, err := actor.New(actor.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tx, _ := timex.New(timex.Config{})
	gr, err := geo.New(geo.Config{})
	if err != nil {
		t.Fatal(err)
	}
	qx, _ := quote.New(quote.Config{})
	c, err := New(Config{Locator: gr})
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.New(sg, tg, ps, nr, ac, tx, gr, qx, c)
}

func dumpDoc(d *doc.Document, parseToo bool) string {
	var b strings.Builder
	ent := map[string]*doc.Entity{}
	for i := range d.Entities {
		ent[d.Entities[i].ID] = &d.Entities[i]
	}
	names := func(ids []string) string {
		var s []string
		for _, id := range ids {
			e := ent[id]
			code := ""
			if e.Actor != nil {
				code = e.Actor.Code
			}
			s = append(s, fmt.Sprintf("%s[%s]", d.Slice(e.Mentions[0].Span), code))
		}
		return strings.Join(s, "+")
	}
	for _, e := range d.Events {
		at := e.AttributedTo
		if en, ok := ent[at]; ok {
			at = en.Name
		}
		fmt.Fprintf(&b, "  => %s/%s %s %s > %s  %s %q %s date=%s loc=%v by=%q\n", e.Plover, e.Mode, e.CAMEO, names(e.Actors), names(e.Recipients), e.Modality, d.Slice(e.Trigger), e.Rule, e.Date, e.Location, at)
	}
	if parseToo {
		for _, e := range d.Entities {
			code := ""
			if e.Actor != nil {
				code = e.Actor.Code
			}
			fmt.Fprintf(&b, "     ent %s %s %q %s\n", e.ID, e.Type, e.Name, code)
		}
		for i, t := range d.Tokens {
			fmt.Fprintf(&b, "     %d %s %s %s %d %s\n", i, d.Slice(t.Span), t.Lemma, t.UPOS, t.Head, t.Deprel)
		}
	}
	return b.String()
}

// TestDebugGSR prints gold and coded events for every dev sentence when
// SITREP_CODER_DEBUG is set (to "parse" to print the parses too).
func TestDebugGSR(t *testing.T) {
	mode := os.Getenv("SITREP_CODER_DEBUG")
	if mode == "" {
		t.Skip("set SITREP_CODER_DEBUG to dump")
	}
	dir := shareddata.Dir(t)
	b, err := os.ReadFile(filepath.Join(dir, "plover", "PLOVER_GSR_dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []gsrRecord
	json.Unmarshal(b, &recs)
	p := debugChain(t)
	var out strings.Builder
	for _, r := range recs {
		if r.Text == "" {
			continue
		}
		d := &doc.Document{Text: r.Text}
		d.Published, _ = time.Parse("2006-01-02", r.Date)
		p.Process(context.Background(), d)
		var src, tgt []string
		for _, a := range gsrActors(r.Source) {
			src = append(src, a.Code)
		}
		for _, a := range gsrActors(r.Target) {
			tgt = append(tgt, a.Code)
		}
		g := ontology.CurrentName(r.Event)
		ok := false
		for _, e := range d.Events {
			if e.Plover == g {
				ok = true
			}
		}
		mark := "MISS"
		if ok {
			mark = "ok"
		}
		fmt.Fprintf(&out, "%s %s %v>%v | %s\n%s", mark, g, src, tgt, r.Text, dumpDoc(d, mode == "parse" && !ok || mode == "all"))
	}
	os.WriteFile("/tmp/coder-gsr.txt", []byte(out.String()), 0o644)
}

// TestDebugSeed prints the events of the founding article when
// SITREP_CODER_DEBUG is set.
func TestDebugSeed(t *testing.T) {
	mode := os.Getenv("SITREP_CODER_DEBUG")
	if mode == "" {
		t.Skip("set SITREP_CODER_DEBUG to dump")
	}
	b, err := os.ReadFile(filepath.Join(shareddata.Dir(t), "..", "seed", "000_1c17e05ff2083fb3.txt"))
	if err != nil {
		t.Skip(err)
	}
	p := debugChain(t)
	d := &doc.Document{Text: string(b), Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	p.Process(context.Background(), d)
	var out strings.Builder
	for _, s := range d.Sentences {
		fmt.Fprintf(&out, "## %s\n", d.Slice(s.Span))
		sub := *d
		sub.Events = nil
		for _, e := range d.Events {
			if e.Evidence == s.Span {
				sub.Events = append(sub.Events, e)
			}
			for _, a := range e.Also {
				if a.Evidence == s.Span {
					fmt.Fprintf(&out, "  (merged into %s: %q %s)\n", e.ID, d.Slice(a.Trigger), a.Rule)
				}
			}
		}
		out.WriteString(dumpDoc(&sub, false))
		if mode == "parse" {
			for i := s.FirstToken; i < s.EndToken; i++ {
				t := d.Tokens[i]
				fmt.Fprintf(&out, "     %d %s %s %s %d %s\n", i, d.Slice(t.Span), t.Lemma, t.UPOS, t.Head, t.Deprel)
			}
		}
	}
	for _, e := range d.Entities {
		code := ""
		if e.Actor != nil {
			code = e.Actor.Code
		}
		fmt.Fprintf(&out, "ent %s %s %q %s %d mentions\n", e.ID, e.Type, e.Name, code, len(e.Mentions))
	}
	for _, q := range d.Quotes {
		fmt.Fprintf(&out, "quote %q speaker=%s\n", d.Slice(q.Span), q.Speaker)
	}
	os.WriteFile("/tmp/coder-seed.txt", []byte(out.String()), 0o644)
}

// TestDebugEval scores the dev set with the debugging chain.
func TestDebugEval(t *testing.T) {
	if os.Getenv("SITREP_CODER_DEBUG") == "" {
		t.Skip("set SITREP_CODER_DEBUG to score")
	}
	scores, err := EvaluateWith(shareddata.Dir(t), debugChain(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scores {
		t.Logf("%s %.4f %s", s.Name, s.Value, s.Note)
	}
}

// TestDebugBulk prints the events of some BBC politics articles, with
// their sentences, when SITREP_CODER_DEBUG is set.
func TestDebugBulk(t *testing.T) {
	if os.Getenv("SITREP_CODER_DEBUG") == "" {
		t.Skip("set SITREP_CODER_DEBUG to dump")
	}
	dir := filepath.Join(shareddata.Dir(t), "bulk", "bbc", "politics")
	p := debugChain(t)
	var out strings.Builder
	for i := 1; i <= 80; i++ {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)))
		if err != nil {
			continue
		}
		d := &doc.Document{Text: string(b), Published: time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)}
		p.Process(context.Background(), d)
		ent := map[string]*doc.Entity{}
		for i := range d.Entities {
			ent[d.Entities[i].ID] = &d.Entities[i]
		}
		names := func(ids []string) string {
			var s []string
			for _, id := range ids {
				e := ent[id]
				code := ""
				if e.Actor != nil {
					code = e.Actor.Code
				}
				s = append(s, fmt.Sprintf("%s[%s]", e.Name, code))
			}
			return strings.Join(s, "+")
		}
		for _, e := range d.Events {
			fmt.Fprintf(&out, "%03d %s/%s %s > %s %s %q %s\n    %s\n", i, e.Plover, e.Mode, names(e.Actors), names(e.Recipients), e.Modality, d.Slice(e.Trigger), e.Rule, d.Slice(e.Evidence))
		}
	}
	os.WriteFile("/tmp/coder-bulk.txt", []byte(out.String()), 0o644)
}
