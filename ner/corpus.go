package ner

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/corpus/conllu"
)

// sample is one training or evaluation document: its sentences and gold
// BILOU labels for all its tokens in order.
type sample struct {
	sents  [][]string
	labels []int
	gum    bool // from GUM rather than CoNLL-2003
}

func (s *sample) tokens() int { return len(s.labels) }

// typeIndex maps "PER", "ORG", "LOC", "MISC" to their type numbers.
func typeIndex(name string) int {
	for i, n := range typeNames {
		if n == name {
			return i
		}
	}
	return -1
}

// bilou writes the labels of spans over n tokens.
func bilou(n int, sp []span) []int {
	out := make([]int, n)
	for _, s := range sp {
		if s.end-s.start == 1 {
			out[s.start] = label(s.typ, posU)
			continue
		}
		for i := s.start; i < s.end; i++ {
			p := posI
			switch i {
			case s.start:
				p = posB
			case s.end - 1:
				p = posL
			}
			out[i] = label(s.typ, p)
		}
	}
	return out
}

// readCoNLL reads a CoNLL-2003 file (token POS chunk NER, IOB1 tags) into
// documents split at -DOCSTART- lines.
func readCoNLL(path string) ([]sample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	var docs []sample
	var sents [][]string
	var tags []string
	var cur []string
	flushSent := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) > 0 {
			docs = append(docs, sample{sents: sents, labels: bilou(len(tags), iob1Spans(tags))})
		}
		sents, tags = nil, nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flushSent()
		case fields[0] == "-DOCSTART-":
			flushDoc()
		default:
			cur = append(cur, fields[0])
			tags = append(tags, fields[len(fields)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: %s: %w", path, err)
	}
	flushDoc()
	return docs, nil
}

// iob1Spans reads IOB1 (or IOB2) tags as conlleval does: a chunk starts at
// B-X, or at I-X after anything but X.
func iob1Spans(tags []string) []span {
	var out []span
	prev := ""
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			prev = ""
			continue
		}
		typ := typeIndex(t[2:])
		if typ < 0 {
			prev = ""
			continue
		}
		if t[0] == 'B' || prev != t[2:] {
			out = append(out, span{i, i + 1, typ})
		} else {
			out[len(out)-1].end = i + 1
		}
		prev = t[2:]
	}
	return out
}

// gumMention is one bracketed entity mention in a GUM sentence.
type gumMention struct {
	start, end int // word indexes, end exclusive
	typ        string
}

// gumMentions parses the Entity= brackets of a sentence's MISC column.
func gumMentions(words []conllu.Word) []gumMention {
	var out []gumMention
	openAt := map[string][]int{} // id -> indexes in out of unclosed mentions
	for i, w := range words {
		v := conllu.MiscValue(w.Misc, "Entity")
		for len(v) > 0 {
			switch {
			case v[0] == '(':
				j := strings.IndexAny(v[1:], "()")
				body := v[1:]
				if j >= 0 {
					body = v[1 : 1+j]
				}
				parts := strings.Split(body, "-")
				if len(parts) >= 2 {
					out = append(out, gumMention{start: i, end: -1, typ: parts[1]})
					openAt[parts[0]] = append(openAt[parts[0]], len(out)-1)
				}
				if j < 0 {
					v = ""
					break
				}
				v = v[1+j:]
				if v[0] == ')' {
					if s := openAt[parts[0]]; len(s) > 0 {
						out[s[len(s)-1]].end = i + 1
						openAt[parts[0]] = s[:len(s)-1]
					}
					v = v[1:]
				}
			default:
				j := strings.IndexByte(v, ')')
				if j < 0 {
					v = ""
					break
				}
				id := v[:j]
				if s := openAt[id]; len(s) > 0 {
					out[s[len(s)-1]].end = i + 1
					openAt[id] = s[:len(s)-1]
				}
				v = v[j+1:]
			}
		}
	}
	kept := out[:0]
	for _, m := range out {
		if m.end > m.start {
			kept = append(kept, m)
		}
	}
	return kept
}

// gumType maps a GUM entity type to a CoNLL type, or -1 for types that are
// not named entities in the CoNLL sense (time, quantity).
func gumType(t string) int {
	switch t {
	case "person":
		return tPER
	case "organization":
		return tORG
	case "place":
		return tLOC
	case "time", "quantity":
		return -1
	}
	return tMISC
}

var connectors = map[string]bool{"of": true, "and": true, "&": true, "de": true, "la": true, "del": true, "der": true, "von": true, "van": true, "for": true, "on": true, "the": true, "du": true, "da": true}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// gumNamedSpans turns a GUM sentence's mentions into CoNLL-style named
// entity spans. A mention is named when its syntactic head is a proper noun
// (PROPN); its span is trimmed to the run of proper nouns and capitalised
// words around the head (with "of", "and", "the" ... between them), leaving
// out determiners, titles, lowercase modifiers and possessive 's. Nested
// named mentions give way to the outermost one. Capitalised adjectives
// whose lemma is capitalised ("Australian") outside any named span become
// MISC, as CoNLL marks nationality adjectives.
func gumNamedSpans(words []conllu.Word, titles gazetteer) []span {
	isName := func(i int) bool {
		w := words[i]
		switch w.UPOS {
		case "PROPN":
			return true
		case "DET", "PRON", "ADP", "CCONJ", "SCONJ", "PUNCT", "AUX", "PART", "SYM":
			return false
		}
		return capitalised(w.Form)
	}
	isTitle := func(i int) bool { return titles[strings.ToLower(words[i].Form)]&gazTitle != 0 }
	var cands []span
	mentions := gumMentions(words)
	// boundary reports whether another mention inside m, not holding the
	// head and not a compound or flat part of it, ends at i (left) or
	// starts at i (right): expansion stops there, so "ambassador to the
	// United States Hamdullah Mohib" yields the name alone.
	boundary := func(m gumMention, head, i int, left bool) bool {
		for _, o := range mentions {
			if o == m || o.start < m.start || o.end > m.end || (o.start <= head && head < o.end) {
				continue
			}
			if (left && o.end-1 == i) || (!left && o.start == i) {
				// A nested name that modifies this one ("United States
				// Navy") stays in it.
				for k := o.start; k < o.end; k++ {
					if h := words[k].Head - 1; h < o.start || h >= o.end {
						rel := words[k].Deprel
						return !strings.HasPrefix(rel, "compound") && !strings.HasPrefix(rel, "flat")
					}
				}
				return true
			}
		}
		return false
	}
	for _, m := range mentions {
		typ := gumType(m.typ)
		if typ < 0 {
			continue
		}
		head := -1
		for i := m.start; i < m.end; i++ {
			h := words[i].Head - 1 // conllu heads are 1-based, 0 = root
			if h < m.start || h >= m.end {
				head = i
				break
			}
		}
		if head < 0 || words[head].UPOS != "PROPN" || isTitle(head) {
			continue
		}
		a, b := head, head+1
		for a > m.start && !boundary(m, head, a-1, true) {
			switch {
			case isName(a-1) && !isTitle(a-1):
				a--
				continue
			case a-2 >= m.start && connectors[strings.ToLower(words[a-1].Form)] && isName(a-2) && !isTitle(a-2):
				a -= 2
				continue
			}
			break
		}
		for b < m.end && !boundary(m, head, b, false) {
			switch {
			case isName(b):
				b++
				continue
			case b+1 < m.end && connectors[strings.ToLower(words[b].Form)] && isName(b+1):
				b += 2
				continue
			}
			break
		}
		var phrase []string
		for k := a; k < b; k++ {
			phrase = append(phrase, strings.ToLower(words[k].Form))
		}
		switch cats := titles[strings.Join(phrase, " ")]; {
		case cats&gazOrg != 0:
			// Groups GUM calls persons ("the Taliban") are ORG in CoNLL.
			typ = tORG
		case b-a == 1 && cats&(gazDemonym|gazGroup) != 0:
			// "Muslims", "Afghans": groups named by nationality or
			// religion are MISC in CoNLL.
			typ = tMISC
		}
		cands = append(cands, span{a, b, typ})
	}
	// Outermost first; drop spans overlapping one already kept.
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	used := make([]bool, len(words))
	var out []span
	for _, c := range cands {
		free := true
		for i := c.start; i < c.end; i++ {
			free = free && !used[i]
		}
		if !free {
			continue
		}
		for i := c.start; i < c.end; i++ {
			used[i] = true
		}
		out = append(out, c)
	}
	for i, w := range words {
		if !used[i] && w.UPOS == "ADJ" && capitalised(w.Form) && capitalised(w.Lemma) && demonymLike(w.Form, titles) {
			out = append(out, span{i, i + 1, tMISC})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// demonymLike reports whether a capitalised adjective looks like a
// nationality or group adjective: listed, or ending as most do.
func demonymLike(form string, g gazetteer) bool {
	lf := strings.ToLower(form)
	if g[lf]&(gazDemonym|gazGroup) != 0 {
		return true
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish", "ic", "ist", "an", "i"} {
		if strings.HasSuffix(lf, suf) {
			return true
		}
	}
	return false
}

// readGUM reads the GUM documents matching pattern, with named spans as
// gold labels.
func readGUM(pattern string, titles gazetteer) ([]sample, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	sort.Strings(files)
	var docs []sample
	for _, p := range files {
		ss, err := conllu.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		var d sample
		for _, s := range ss {
			forms := make([]string, len(s.Words))
			for i, w := range s.Words {
				forms[i] = w.Form
			}
			d.sents = append(d.sents, forms)
			d.labels = append(d.labels, bilou(len(forms), gumNamedSpans(s.Words, titles))...)
		}
		if len(d.sents) > 0 {
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// itoa is strconv.Itoa, named for brevity in ids.
func itoa(i int) string { return strconv.Itoa(i) }
