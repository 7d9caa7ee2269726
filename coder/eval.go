package coder

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sitrep/actor"
	"sitrep/doc"
	"sitrep/eval"
	"sitrep/geo"
	"sitrep/ner"
	"sitrep/ontology"
	"sitrep/parse"
	"sitrep/pipeline"
	"sitrep/quote"
	"sitrep/segment"
	"sitrep/tag"
	"sitrep/timex"
)

// gsrRecord is one record of PLOVER_GSR_dev.json.
type gsrRecord struct {
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Date   string          `json:"date"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

type gsrActor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

// actors reads a source or target field, which is a list of actors or, in
// some records, a string or nothing.
func gsrActors(raw json.RawMessage) []gsrActor {
	var as []gsrActor
	if json.Unmarshal(raw, &as) != nil {
		return nil
	}
	return as
}

// gsrCountry maps the dev set's country codes to ISO 3166-1 alpha-3; codes
// that name no country (IGO, NGO, IMG) map to "".
func gsrCountry(code string) string {
	switch code {
	case "IGO", "NGO", "IMG", "":
		return ""
	case "JAP":
		return "JPN"
	case "ITL":
		return "ITA"
	case "VTN":
		return "VNM"
	}
	return code
}

// Chain returns the stages that analyse a text up to the events stage:
// segmentation, tagging, parsing, entities, actors, times, places and
// quotes, each with its embedded model.
func Chain() ([]pipeline.Stage, error) {
	sg, err := segment.New(segment.Config{})
	if err != nil {
		return nil, err
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		return nil, err
	}
	ps, err := parse.New(parse.Config{})
	if err != nil {
		return nil, err
	}
	ac, err := actor.New(actor.Config{})
	if err != nil {
		return nil, err
	}
	nr, err := ner.New(ner.Config{})
	if err != nil {
		return nil, err
	}
	tx, err := timex.New(timex.Config{})
	if err != nil {
		return nil, err
	}
	gr, err := geo.New(geo.Config{})
	if err != nil {
		return nil, err
	}
	qx, err := quote.New(quote.Config{})
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{sg, tg, ps, nr, ac, tx, gr, qx}, nil
}

// Evaluate codes every sentence of the PLOVER dev set
// (dataDir/plover/PLOVER_GSR_dev.json) with the chain of Chain and the
// default coder, and scores event types and actor and recipient countries.
// It returns an error when the file cannot be read or a stage cannot load.
func Evaluate(dataDir string) ([]eval.Score, error) {
	stages, err := Chain()
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	var cfg Config
	for _, s := range stages {
		if g, ok := s.(*geo.Resolver); ok {
			cfg.Locator = g
		}
	}
	c, err := New(cfg)
	if err != nil {
		return nil, err
	}
	return EvaluateWith(dataDir, pipeline.New(append(stages, c)...))
}

// EvaluateWith scores the pipeline p, which must end with an events stage,
// on the PLOVER dev set in dataDir:
//
//   - coder.plover.type.{p,r,f1}: per sentence, predicted event types are
//     matched with gold types (old type names mapped to current ones:
//     DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is
//     ASSAULT). Events recorded as negated, hypothetical, demanded or
//     historical are not counted: they report what did not happen, or
//     background to the news, which the dev set does not code.
//   - coder.plover.actor_country.acc, coder.plover.recipient_country.acc:
//     over matched events whose gold actors (recipients) include a
//     country, the share where a predicted actor's (recipient's) country
//     is one of them.
func EvaluateWith(dataDir string, p *pipeline.Pipeline) ([]eval.Score, error) {
	path := filepath.Join(dataDir, "plover", "PLOVER_GSR_dev.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	var recs []gsrRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("coder: %s: %w", path, err)
	}
	type gold struct {
		typ      string
		src, tgt []string
	}
	var order []string
	golds := map[string][]gold{}
	dates := map[string]string{}
	for _, r := range recs {
		if r.Text == "" || r.Event == "DOCUMENT" {
			continue
		}
		g := gold{typ: ontology.CurrentName(r.Event)}
		for _, a := range gsrActors(r.Source) {
			if c := gsrCountry(a.Code); c != "" {
				g.src = append(g.src, c)
			}
		}
		for _, a := range gsrActors(r.Target) {
			if c := gsrCountry(a.Code); c != "" {
				g.tgt = append(g.tgt, c)
			}
		}
		if _, ok := golds[r.Text]; !ok {
			order = append(order, r.Text)
			dates[r.Text] = r.Date
		}
		golds[r.Text] = append(golds[r.Text], g)
	}
	var types eval.Counts
	var actOK, actN, rcpOK, rcpN int
	ctx := context.Background()
	for i, text := range order {
		d := &doc.Document{ID: fmt.Sprintf("gsr%d", i), Text: text, Language: "en"}
		if t, err := time.Parse("2006-01-02", dates[text]); err == nil {
			d.Published = t
		}
		if err := p.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("coder: %w", err)
		}
		countries := func(ids []string) map[string]bool {
			m := map[string]bool{}
			for _, id := range ids {
				for _, e := range d.Entities {
					if e.ID == id && e.Actor != nil && e.Actor.Country != "" {
						m[e.Actor.Country] = true
					}
				}
			}
			return m
		}
		var preds []doc.Event
		for _, e := range d.Events {
			switch e.Modality {
			case doc.Negated, doc.Hypothetical, doc.Demanded, doc.Historical:
				continue
			}
			preds = append(preds, e)
		}
		used := make([]bool, len(preds))
		for _, g := range golds[text] {
			best, bestScore := -1, -1
			for j, e := range preds {
				if used[j] || e.Plover != g.typ {
					continue
				}
				s := 0
				if anyIn(g.src, countries(e.Actors)) {
					s += 2
				}
				if anyIn(g.tgt, countries(e.Recipients)) {
					s++
				}
				if s > bestScore {
					best, bestScore = j, s
				}
			}
			if best < 0 {
				types.FN++
				continue
			}
			used[best] = true
			types.TP++
			e := preds[best]
			if len(g.src) > 0 {
				actN++
				if anyIn(g.src, countries(e.Actors)) {
					actOK++
				}
			}
			if len(g.tgt) > 0 {
				rcpN++
				if anyIn(g.tgt, countries(e.Recipients)) {
					rcpOK++
				}
			}
		}
		for j := range preds {
			if !used[j] {
				types.FP++
			}
		}
	}
	note := fmt.Sprintf("%d sentences of PLOVER_GSR_dev", len(order))
	scores := types.Scores("coder.plover.type")
	for i := range scores {
		scores[i].Note = note
	}
	scores = append(scores,
		eval.Score{Name: "coder.plover.actor_country.acc", Value: eval.Accuracy(actOK, actN), Note: fmt.Sprintf("%d matched events", actN)},
		eval.Score{Name: "coder.plover.recipient_country.acc", Value: eval.Accuracy(rcpOK, rcpN), Note: fmt.Sprintf("%d matched events", rcpN)},
	)
	return scores, nil
}

func anyIn(list []string, set map[string]bool) bool {
	for _, x := range list {
		if set[x] {
			return true
		}
	}
	return false
}
