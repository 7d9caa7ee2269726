package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"sitrep/corpus/conllu"
	"sitrep/doc"
	"sitrep/internal/shareddata"
)

// TestDebugErrors prints the token and sentence mismatches against a data
// set, for development: SEGMENT_DEBUG names the set (ewt, gum, ewttrain,
// gumtrain) and SEGMENT_MODE limits the output to "tok" or "sent". It is
// skipped unless SEGMENT_DEBUG is set.
func TestDebugErrors(t *testing.T) {
	set := os.Getenv("SEGMENT_DEBUG")
	if set == "" {
		t.Skip("SEGMENT_DEBUG not set")
	}
	dir := shareddata.Dir(t)
	var sents []conllu.Sentence
	var err error
	switch set {
	case "ewt":
		sents, err = conllu.ReadFile(filepath.Join(dir, "ud-ewt", "en_ewt-ud-dev.conllu"))
	case "ewttrain":
		sents, err = conllu.ReadFile(filepath.Join(dir, "ud-ewt", "en_ewt-ud-train.conllu"))
	case "gumtrain":
		sents, err = conllu.ReadGlob(filepath.Join(dir, "gum", "train", "*.conllu"))
	case "gum":
		for _, g := range GUMEvalGenres {
			s, err := conllu.ReadGlob(filepath.Join(dir, "gum", "dev", "GUM_"+g+"_*.conllu"))
			if err != nil {
				t.Fatal(err)
			}
			sents = append(sents, s...)
		}
	default:
		t.Fatalf("SEGMENT_DEBUG=%q: want ewt, gum, ewttrain or gumtrain", set)
	}
	if err != nil {
		t.Fatal(err)
	}
	sg := newTestSegmenter(t, Config{})
	mode := os.Getenv("SEGMENT_MODE")
	for _, g := range GoldDocuments(sents) {
		toks, ss := sg.Segment(g.Text)
		if mode != "sent" {
			gold := map[doc.Span]bool{}
			for _, s := range g.Tokens {
				gold[s] = true
			}
			for _, s := range toks {
				if gold[s] {
					continue
				}
				var want []string
				for _, x := range g.Tokens {
					if x.Overlaps(s) {
						want = append(want, g.Text[x.Start:x.End])
					}
				}
				lo, hi := max(0, s.Start-30), min(len(g.Text), s.End+30)
				fmt.Printf("TOK %q in %q gold %q\n", g.Text[s.Start:s.End], g.Text[lo:hi], want)
			}
		}
		if mode != "tok" {
			gold := map[doc.Span]bool{}
			for _, s := range g.Sentences {
				gold[s] = true
			}
			got := map[doc.Span]bool{}
			for _, s := range ss {
				got[s.Span] = true
				if !gold[s.Span] {
					fmt.Printf("FP %q\n", g.Text[s.Start:s.End])
				}
			}
			for _, s := range g.Sentences {
				if !got[s] {
					fmt.Printf("FN %q\n", g.Text[s.Start:s.End])
				}
			}
		}
	}
}
