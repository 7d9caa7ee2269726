package actor

import "sitrep/doc"

// EntityAt returns the actor entity a stretch of text refers to: among the
// mentions of entities that carry an Actor or are people, organisations,
// groups or countries, the shortest one that contains the last byte of s,
// or failing that the shortest one lying inside s. It returns nil when no
// mention qualifies or s is empty. It is how a later stage (quotes, events)
// turns an argument's span into an entity id.
func EntityAt(d *doc.Document, s doc.Span) *doc.Entity {
	if s.Len() <= 0 {
		return nil
	}
	last := doc.Span{Start: s.End - 1, End: s.End}
	var best *doc.Entity
	bestLen, bestInside := -1, false
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor == nil && !actorTypes[e.Type] {
			continue
		}
		for _, m := range e.Mentions {
			switch {
			case m.Span.Contains(last):
				if bestInside || bestLen < 0 || m.Len() < bestLen {
					best, bestLen, bestInside = e, m.Len(), false
				}
			case s.Contains(m.Span) && (bestLen < 0 || bestInside) && (bestLen < 0 || m.Len() < bestLen):
				best, bestLen, bestInside = e, m.Len(), true
			}
		}
	}
	return best
}
