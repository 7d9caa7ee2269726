package ner

import (
	"strings"

	"sitrep/doc"
)

// typer refines the four CoNLL types to sitrep's entity types with the
// gazetteer and a few head words.
type typer struct {
	gaz gazetteer
}

func newTyper(g gazetteer) *typer { return &typer{gaz: g} }

var (
	facHeads = map[string]bool{"airport": true, "bridge": true, "stadium": true, "street": true, "square": true,
		"palace": true, "avenue": true, "road": true, "highway": true, "tower": true, "dam": true, "arena": true,
		"prison": true, "base": true, "building": true, "station": true, "tunnel": true, "port": true, "harbour": true, "harbor": true}
	lawHeads = map[string]bool{"act": true, "law": true, "treaty": true, "convention": true, "accord": true, "accords": true,
		"agreement": true, "constitution": true, "amendment": true, "protocol": true, "charter": true, "bill": true}
	workHeads  = map[string]bool{"report": true, "magazine": true, "album": true, "film": true, "book": true, "novel": true}
	eventHeads = map[string]bool{"war": true, "olympics": true, "games": true, "cup": true, "championship": true,
		"championships": true, "open": true, "summit": true, "conference": true, "festival": true, "revolution": true,
		"crisis": true, "election": true, "elections": true, "marathon": true, "prix": true, "tournament": true,
		"trophy": true, "series": true, "rally": true, "masters": true, "derby": true, "tour": true, "uprising": true,
		"massacre": true, "spring": true}
	productHeads = map[string]bool{"iphone": true, "ipad": true, "windows": true, "xbox": true, "playstation": true}
)

// refine returns the sitrep type of a mention of CoNLL type typ made of
// words.
func (ty *typer) refine(typ int, words []string) string {
	phrase := lower(strings.Join(words, " "))
	last := ""
	if len(words) > 0 {
		last = lower(words[len(words)-1])
	}
	cats := ty.gaz[phrase]
	switch typ {
	case tPER:
		return doc.Person
	case tORG:
		return doc.Org
	case tLOC:
		switch {
		case cats&gazOrg != 0:
			return doc.Org
		case cats&(gazCountry|gazState|gazCity) != 0:
			return doc.GPE
		case cats&gazRegion != 0:
			return doc.Loc
		case facHeads[last]:
			return doc.Fac
		case len(words) == 1 && ty.gaz[last]&gazLocWord == 0 && cats == 0:
			// A single unknown place name is most often a town or country.
			return doc.GPE
		}
		return doc.Loc
	case tMISC:
		switch {
		case cats&(gazDemonym|gazGroup) != 0:
			return doc.NORP
		case eventHeads[last]:
			return doc.EventT
		case lawHeads[last]:
			return doc.Law
		case workHeads[last]:
			return doc.Work
		case productHeads[last]:
			return doc.Product
		}
		if len(words) == 1 {
			// Demonym-like forms: "-ian", "-ese", "-ish", "-an" adjectives
			// and their plurals are nationalities or groups.
			for _, suf := range []string{"ian", "ians", "ese", "ish", "an", "ans", "ic", "ist", "ists"} {
				if strings.HasSuffix(last, suf) {
					return doc.NORP
				}
			}
		}
		return doc.Misc
	}
	return doc.Misc
}
