package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"sitrep/corpus/conllu"
	"sitrep/doc"
)

// TestDebugErrors prints mismatches against dev data when SEGMENT_DEBUG
// names a set ("ewt" or "gum"); it is for development only.
func TestDebugErrors(t *testing.T) {
	set := os.Getenv("SEGMENT_DEBUG")
	if set == "" {
		t.Skip("SEGMENT_DEBUG not set")
	}
	dir := dataDir(t)
	var sents []conllu.Sentence
	var err error
	switch set {
	case "ewt":
		sents, err = conllu.ReadFile(filepath.Join(dir, "ud-ewt", "en_ewt-ud-dev.conllu"))
	case "ewttrain":
		sents, err = conllu.ReadFile(filepath.Join(dir, "ud-ewt", "en_ewt-ud-train.conllu"))
	case "gumtrain":
		sents, err = conllu.ReadGlob(filepath.Join(dir, "gum", "train", "*.conllu"))
	default:
		for _, g := range GUMEvalGenres {
			s, _ := conllu.ReadGlob(filepath.Join(dir, "gum", "dev", "GUM_"+g+"_*.conllu"))
			sents = append(sents, s...)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	sg, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	mode := os.Getenv("SEGMENT_MODE")
	for _, g := range GoldDocuments(sents) {
		toks, ss := sg.Segment(g.Text)
		if mode != "sent" {
			gs := map[doc.Span]bool{}
			for _, s := range g.Tokens {
				gs[s] = true
			}
			ps := map[doc.Span]bool{}
			for _, s := range toks {
				ps[s] = true
			}
			for _, s := range toks {
				if !gs[s] {
					lo, hi := max(0, s.Start-30), min(len(g.Text), s.End+30)
					// gold tokens overlapping
					var gt []string
					for _, x := range g.Tokens {
						if x.Overlaps(s) {
							gt = append(gt, g.Text[x.Start:x.End])
						}
					}
					fmt.Printf("TOK %q in %q gold %q\n", g.Text[s.Start:s.End], g.Text[lo:hi], gt)
				}
			}
		}
		if mode != "tok" {
			gs := map[doc.Span]bool{}
			for _, s := range g.Sentences {
				gs[s] = true
			}
			ps := map[doc.Span]bool{}
			for _, s := range ss {
				ps[s.Span] = true
			}
			for _, s := range ss {
				if !gs[s.Span] {
					fmt.Printf("FP %q\n", g.Text[s.Start:s.End])
				}
			}
			for _, s := range g.Sentences {
				if !ps[s] {
					fmt.Printf("FN %q\n", g.Text[s.Start:s.End])
				}
			}
		}
	}
}
