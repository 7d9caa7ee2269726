// Package conllu reads Universal Dependencies treebanks in the CoNLL-U
// format, as the training and evaluation commands use them.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Word is one syntactic word (a line whose ID is an integer).
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the word is followed by a space in the text
// (its MISC column lacks SpaceAfter=No).
func (w Word) SpaceAfter() bool { return !HasMisc(w.Misc, "SpaceAfter=No") }

// MultiWord is a multiword token line ("4-5 don't") covering words First..Last.
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence with its comments.
type Sentence struct {
	ID       string            // sent_id
	Text     string            // the "# text =" comment
	DocID    string            // id of the document it belongs to ("# newdoc id"), carried forward
	NewDoc   bool              // a "# newdoc" comment opens this sentence
	NewPar   bool              // a "# newpar" comment opens this sentence
	Comments map[string]string // every "# key = value" comment
	Words    []Word
	Multi    []MultiWord
}

// HasMisc reports whether the MISC column misc holds the item want.
func HasMisc(misc, want string) bool {
	for _, item := range strings.Split(misc, "|") {
		if item == want {
			return true
		}
	}
	return false
}

// MiscValue returns the value of key in the MISC column misc, or "".
func MiscValue(misc, key string) string {
	for _, item := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(item, key+"="); ok {
			return v
		}
	}
	return ""
}

// Read parses every sentence in r. Empty nodes ("8.1") are skipped. It
// returns an error naming the line for a malformed word line.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	cur := Sentence{Comments: map[string]string{}}
	docID := ""
	lineNo := 0
	flush := func() {
		if len(cur.Words) > 0 {
			cur.DocID = docID
			out = append(out, cur)
		}
		cur = Sentence{Comments: map[string]string{}}
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "#"):
			c := strings.TrimSpace(line[1:])
			key, val, _ := strings.Cut(c, "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			switch {
			case key == "newdoc" || strings.HasPrefix(c, "newdoc id"):
				cur.NewDoc, cur.NewPar = true, true
				docID = val
				if key != "newdoc id" && key != "newdoc" {
					docID = ""
				}
			case key == "newpar" || strings.HasPrefix(key, "newpar id"):
				cur.NewPar = true
			case key == "sent_id":
				cur.ID = val
			case key == "text":
				cur.Text = val
			}
			cur.Comments[key] = val
		default:
			cols := strings.Split(line, "\t")
			if len(cols) != 10 {
				return nil, fmt.Errorf("conllu: line %d: %d columns, want 10", lineNo, len(cols))
			}
			if strings.Contains(cols[0], ".") {
				continue
			}
			if a, b, ok := strings.Cut(cols[0], "-"); ok {
				first, err1 := strconv.Atoi(a)
				last, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("conllu: line %d: bad range %q", lineNo, cols[0])
				}
				cur.Multi = append(cur.Multi, MultiWord{first, last, cols[1], cols[9]})
				continue
			}
			id, err := strconv.Atoi(cols[0])
			if err != nil {
				return nil, fmt.Errorf("conllu: line %d: bad id %q", lineNo, cols[0])
			}
			head := 0
			if cols[6] != "_" {
				if head, err = strconv.Atoi(cols[6]); err != nil {
					return nil, fmt.Errorf("conllu: line %d: bad head %q", lineNo, cols[6])
				}
			}
			cur.Words = append(cur.Words, Word{id, cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[8], cols[9]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", lineNo, err)
	}
	flush()
	return out, nil
}

// ReadFile reads the CoNLL-U file at path.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	s, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// ReadGlob reads every file matching pattern, in name order, and returns
// their sentences concatenated.
func ReadGlob(pattern string) ([]Sentence, error) {
	paths, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	sort.Strings(paths)
	var all []Sentence
	for _, p := range paths {
		s, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

// Tokens returns the surface tokens of s as the text shows them: a
// multiword token's form once in place of its words, with whether a space
// follows each.
func (s Sentence) Tokens() (forms []string, spaceAfter []bool) {
	mi := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if mi < len(s.Multi) && s.Multi[mi].First == w.ID {
			m := s.Multi[mi]
			mi++
			forms = append(forms, m.Form)
			spaceAfter = append(spaceAfter, !HasMisc(m.Misc, "SpaceAfter=No"))
			for i+1 < len(s.Words) && s.Words[i+1].ID <= m.Last {
				i++
			}
			continue
		}
		forms = append(forms, w.Form)
		spaceAfter = append(spaceAfter, w.SpaceAfter())
	}
	return forms, spaceAfter
}
