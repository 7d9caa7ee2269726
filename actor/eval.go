package actor

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sitrep/corpus/conllu"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/ner"
	"sitrep/pipeline"
	"sitrep/segment"
	"sitrep/tag"
)

// chain returns the stages the evaluation runs before the resolver on raw
// text: segment, tag and NER.
func chain(r *Resolver) (*pipeline.Pipeline, error) {
	sg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	nr, err := ner.New(ner.Config{})
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	return pipeline.New(sg, tg, nr, r), nil
}

// Evaluate scores the resolver against the sets under dataDir (the path of
// ../shared/data): actor country and sector accuracy on PLOVER's gold
// sentences and coreference on GUM dev. A set that is absent is skipped; it
// returns an error when a present set cannot be read, or when no set is
// present.
func Evaluate(dataDir string) ([]eval.Score, error) {
	r, err := New(Config{})
	if err != nil {
		return nil, err
	}
	var out []eval.Score
	found := false
	if _, err := os.Stat(filepath.Join(dataDir, "plover", "PLOVER_GSR_dev.json")); err == nil {
		found = true
		s, err := r.EvaluatePLOVER(filepath.Join(dataDir, "plover", "PLOVER_GSR_dev.json"))
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	if files, _ := filepath.Glob(filepath.Join(dataDir, "gum", "dev", "*.conllu")); len(files) > 0 {
		found = true
		s, err := r.EvaluateGUM(files)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	if !found {
		return nil, fmt.Errorf("actor: no evaluation data under %s", dataDir)
	}
	return out, nil
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

type ploverRecord struct {
	ID     string          `json:"id"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

func actorsOf(raw json.RawMessage) []ploverActor {
	var as []ploverActor
	if json.Unmarshal(raw, &as) != nil {
		return nil
	}
	return as
}

// EvaluatePLOVER runs segment, tag, NER and the resolver on the text of
// every record of a PLOVER gold file and scores the actors.
//
// For each gold source or target actor whose code is a country (after
// mapping older CAMEO codes such as JAP to ISO), "acc" counts it right when
// any entity of the sentence has that country; "span_acc" only when an
// entity with a mention overlapping the gold actor's text (its first
// occurrence in the sentence) has it. The sector score counts gold actors
// with a CAMEO sector (its first three letters) among those we code, right
// when an overlapping entity has that sector.
func (r *Resolver) EvaluatePLOVER(path string) ([]eval.Score, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	var recs []ploverRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("actor: %s: %w", path, err)
	}
	p, err := chain(r)
	if err != nil {
		return nil, err
	}
	sectors := map[string]bool{"GOV": true, "MIL": true, "REB": true, "OPP": true, "COP": true, "JUD": true, "LEG": true,
		"MED": true, "SPY": true, "CRM": true, "CVL": true, "REF": true, "BUS": true, "NGO": true, "IGO": true, "LAB": true, "EDU": true}
	type tally struct{ right, spanRight, total int }
	var src, tgt, sec tally
	sentences := 0
	for _, rec := range recs {
		if rec.Text == "" {
			continue
		}
		d := &doc.Document{Text: rec.Text}
		if err := p.Process(context.Background(), d); err != nil {
			return nil, err
		}
		sentences++
		for side, raw := range []json.RawMessage{rec.Source, rec.Target} {
			for _, a := range actorsOf(raw) {
				code := r.kb.Normalize(a.Code)
				at := goldSpan(rec.Text, a.ActorText)
				t := &src
				if side == 1 {
					t = &tgt
				}
				if r.kb.Country(code) != nil {
					t.total++
					any, overlap := false, false
					for _, e := range d.Entities {
						if e.Actor == nil || e.Actor.Country != code {
							continue
						}
						any = true
						if overlaps(e, at) {
							overlap = true
						}
					}
					if any {
						t.right++
					}
					if overlap {
						t.spanRight++
					}
				}
				if s := a.Sector; len(s) >= 3 && sectors[s[:3]] {
					sec.total++
					for _, e := range d.Entities {
						if e.Actor != nil && e.Actor.Sector == s[:3] && overlaps(e, at) {
							sec.spanRight++
							break
						}
					}
				}
			}
		}
	}
	note := fmt.Sprintf("%d sentences", sentences)
	return []eval.Score{
		{Name: "actor.plover.source_country.acc", Value: eval.Accuracy(src.right, src.total), Note: fmt.Sprintf("%d gold actors, %s", src.total, note)},
		{Name: "actor.plover.target_country.acc", Value: eval.Accuracy(tgt.right, tgt.total), Note: fmt.Sprintf("%d gold actors", tgt.total)},
		{Name: "actor.plover.source_country.span_acc", Value: eval.Accuracy(src.spanRight, src.total), Note: "entity over the gold actor's text"},
		{Name: "actor.plover.target_country.span_acc", Value: eval.Accuracy(tgt.spanRight, tgt.total), Note: "entity over the gold actor's text"},
		{Name: "actor.plover.sector.span_acc", Value: eval.Accuracy(sec.spanRight, sec.total), Note: fmt.Sprintf("%d gold sectors", sec.total)},
	}, nil
}

// goldSpan finds a gold actor's text in the sentence: the whole text, or
// its longest piece around an ellipsis ("U.S. ... negotiators").
func goldSpan(text, actor string) doc.Span {
	best := doc.Span{}
	for _, piece := range strings.Split(actor, "...") {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		if i := strings.Index(text, piece); i >= 0 && len(piece) > best.Len() {
			best = doc.Span{Start: i, End: i + len(piece)}
		}
	}
	return best
}

func overlaps(e doc.Entity, s doc.Span) bool {
	if s.Len() == 0 {
		return false
	}
	for _, m := range e.Mentions {
		if m.Span.Overlaps(s) {
			return true
		}
	}
	return false
}

// gumMention is one gold mention: its chain and its head token.
type gumMention struct {
	chain string
	head  int // token index in the document
	first int
	end   int
	typ   string
	pron  bool
}

// EvaluateGUM scores coreference of people and organisations on GUM
// documents. The text is rebuilt from the gold tokens, which carry the gold
// tags and dependencies; the NER and the resolver then run as in the
// pipeline. Mentions are matched by head token (a system mention's head is
// its last word). Scores: MUC precision, recall and F1 over the gold person
// and organisation mentions, and link accuracy — the share of gold
// mentions with an earlier mention in their chain that the system puts in
// the same entity as one of those earlier mentions (overall and for
// pronouns).
func (r *Resolver) EvaluateGUM(files []string) ([]eval.Score, error) {
	nr, err := ner.New(ner.Config{})
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	var mucP, mucPD, mucR, mucRD int
	links, linksRight, prons, pronsRight := 0, 0, 0, 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("actor: %w", err)
		}
		sents, err := conllu.Read(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("actor: %s: %w", f, err)
		}
		d, gold := gumDocument(sents)
		if err := nr.Process(context.Background(), d); err != nil {
			return nil, err
		}
		if err := r.Process(context.Background(), d); err != nil {
			return nil, err
		}
		// Each token's smallest gold mention; a system mention stands for
		// the smallest gold mention covering its last word.
		cover := make([]int, len(d.Tokens))
		for i := range cover {
			cover[i] = -1
		}
		for gi, g := range gold {
			for t := g.first; t < g.end; t++ {
				if c := cover[t]; c < 0 || gold[c].end-gold[c].first > g.end-g.first {
					cover[t] = gi
				}
			}
		}
		sys := map[int]int{}
		for ei, e := range d.Entities {
			for _, m := range e.Mentions {
				h := headToken(d, m.Span)
				if h < 0 || cover[h] < 0 {
					continue
				}
				if _, ok := sys[cover[h]]; !ok {
					sys[cover[h]] = ei
				}
			}
		}
		gidx := map[*gumMention]int{}
		for i := range gold {
			gidx[&gold[i]] = i
		}
		sysOf := func(g *gumMention) string {
			gi := gidx[g]
			if e, ok := sys[gi]; ok {
				return fmt.Sprintf("s%d", e)
			}
			return fmt.Sprintf("g%d", gi) // a singleton
		}
		chains := map[string][]*gumMention{}
		var order []string
		for i := range gold {
			g := &gold[i]
			if _, ok := chains[g.chain]; !ok {
				order = append(order, g.chain)
			}
			chains[g.chain] = append(chains[g.chain], g)
		}
		// MUC recall: gold chains partitioned by system entities.
		for _, c := range order {
			ms := chains[c]
			parts := map[string]bool{}
			for _, g := range ms {
				parts[sysOf(g)] = true
			}
			mucR += len(ms) - len(parts)
			mucRD += len(ms) - 1
			for i := 1; i < len(ms); i++ {
				links++
				if ms[i].pron {
					prons++
				}
				s := sysOf(ms[i])
				for j := 0; j < i; j++ {
					if sysOf(ms[j]) == s {
						linksRight++
						if ms[i].pron {
							pronsRight++
						}
						break
					}
				}
			}
		}
		// MUC precision: system entities (over gold mentions) partitioned
		// by gold chains.
		byS := map[string][]*gumMention{}
		for i := range gold {
			s := sysOf(&gold[i])
			byS[s] = append(byS[s], &gold[i])
		}
		for _, ms := range byS {
			parts := map[string]bool{}
			for _, g := range ms {
				parts[g.chain] = true
			}
			mucP += len(ms) - len(parts)
			mucPD += len(ms) - 1
		}
	}
	p, rc := eval.Accuracy(mucP, mucPD), eval.Accuracy(mucR, mucRD)
	f1 := 0.0
	if p+rc > 0 {
		f1 = 2 * p * rc / (p + rc)
	}
	note := fmt.Sprintf("%d documents, person+organization", len(files))
	return []eval.Score{
		{Name: "actor.gum.coref.muc.p", Value: p, Note: note},
		{Name: "actor.gum.coref.muc.r", Value: rc},
		{Name: "actor.gum.coref.muc.f1", Value: f1},
		{Name: "actor.gum.coref.link_acc", Value: eval.Accuracy(linksRight, links), Note: fmt.Sprintf("%d anaphoric mentions", links)},
		{Name: "actor.gum.coref.pronoun_acc", Value: eval.Accuracy(pronsRight, prons), Note: fmt.Sprintf("%d pronouns", prons)},
	}, nil
}

// headToken returns the index of the token a span ends with (before a
// possessive), or -1.
func headToken(d *doc.Document, s doc.Span) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End >= s.End })
	if i >= len(d.Tokens) || d.Tokens[i].Start < s.Start {
		return -1
	}
	if t := d.Slice(d.Tokens[i].Span); (t == "'s" || t == "’s" || t == "'") && i > 0 && d.Tokens[i-1].Start >= s.Start {
		i--
	}
	return i
}

// gumDocument rebuilds one GUM document: text, tokens with gold syntax,
// sentences, and the gold person and organisation mentions.
func gumDocument(sents []conllu.Sentence) (*doc.Document, []gumMention) {
	d := &doc.Document{}
	var b strings.Builder
	type open struct {
		chain, typ string
		start      int
	}
	var gold []gumMention
	var stack []open
	for _, s := range sents {
		base := len(d.Tokens)
		first := base
		for _, w := range s.Words {
			start := b.Len()
			b.WriteString(w.Form)
			head := -1
			if w.Head > 0 {
				head = base + w.Head - 1
			}
			d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: start, End: b.Len()}, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Head: head, Deprel: w.Deprel})
			if w.SpaceAfter() {
				b.WriteByte(' ')
			}
			ent := conllu.MiscValue(w.Misc, "Entity")
			idx := len(d.Tokens) - 1
			for i := 0; i < len(ent); {
				switch {
				case ent[i] == '(':
					j := i + 1
					for j < len(ent) && ent[j] != '(' && ent[j] != ')' {
						j++
					}
					parts := strings.SplitN(ent[i+1:j], "-", 3)
					o := open{chain: parts[0], start: idx}
					if len(parts) > 1 {
						o.typ = parts[1]
					}
					if j < len(ent) && ent[j] == ')' {
						gold = append(gold, gumMention{chain: o.chain, first: idx, end: idx + 1, head: idx, typ: o.typ})
						j++
					} else {
						stack = append(stack, o)
					}
					i = j
				default:
					j := i
					for j < len(ent) && ent[j] != ')' && ent[j] != '(' {
						j++
					}
					id := ent[i:j]
					for k := len(stack) - 1; k >= 0; k-- {
						if stack[k].chain == id {
							o := stack[k]
							stack = append(stack[:k], stack[k+1:]...)
							gold = append(gold, gumMention{chain: o.chain, first: o.start, end: idx + 1, head: spanHead(d.Tokens, o.start, idx+1), typ: o.typ})
							break
						}
					}
					if j < len(ent) && ent[j] == ')' {
						j++
					}
					i = max(j, i+1)
				}
			}
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[len(d.Tokens)-1].End}, FirstToken: first, EndToken: len(d.Tokens)})
		b.WriteByte('\n')
	}
	d.Text = b.String()
	var out []gumMention
	for _, g := range gold {
		if g.typ != "person" && g.typ != "organization" {
			continue
		}
		g.pron = d.Tokens[g.head].UPOS == "PRON" || d.Tokens[g.head].XPOS == "PRP$"
		out = append(out, g)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].first < out[b].first })
	return d, out
}

// spanHead returns the token of [a, b) whose head lies outside the span.
func spanHead(toks []doc.Token, a, b int) int {
	for i := a; i < b; i++ {
		if h := toks[i].Head; h < a || h >= b {
			return i
		}
	}
	return b - 1
}
