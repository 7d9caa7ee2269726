package quote

import "strings"

// cueVerbs lists the verbs that introduce speech, writing, findings or
// beliefs attributed to a source, by lemma, with their irregular forms.
// Regular forms (-s, -ed, -ing) are derived.
var cueVerbs = map[string][]string{
	"say": {"says", "said", "saying"}, "tell": {"tells", "told", "telling"},
	"add": nil, "note": nil, "state": nil, "claim": nil, "contend": nil, "argue": nil,
	"insist": nil, "confirm": nil, "deny": {"denies", "denied", "denying"}, "announce": nil,
	"warn": nil, "write": {"writes", "wrote", "written", "writing"}, "report": nil,
	"explain": nil, "acknowledge": nil, "admit": {"admits", "admitted", "admitting"},
	"suggest": nil, "predict": nil, "ask": nil, "answer": nil, "reply": {"replies", "replied", "replying"},
	"respond": nil, "declare": nil, "assert": nil, "maintain": nil, "stress": {"stresses", "stressed", "stressing"},
	"emphasize": nil, "emphasise": nil, "allege": nil, "testify": {"testifies", "testified", "testifying"},
	"tweet": nil, "post": nil, "reveal": nil, "disclose": nil, "recall": nil, "concede": nil,
	"complain": nil, "promise": nil, "vow": nil, "pledge": nil, "urge": nil,
	"show": {"shows", "showed", "shown", "showing"}, "find": {"finds", "found", "finding"},
	"indicate": nil, "estimate": nil, "observe": nil, "comment": nil, "remark": nil,
	"mention": nil, "caution": nil, "believe": nil, "think": {"thinks", "thought", "thinking"},
	"fear": nil, "hope": nil, "charge": nil, "accuse": nil, "demand": nil, "insinuate": nil,
	"signal": {"signals", "signaled", "signalled", "signaling", "signalling"},
	"agree":  nil, "conclude": nil, "boast": nil, "joke": nil, "quip": {"quips", "quipped", "quipping"},
	"scoff": nil, "counter": nil, "retort": nil, "lament": nil,
	"speculate": nil, "surmise": nil, "reiterate": nil, "repeat": nil, "continue": nil,
	"assure": nil, "inform": nil, "brief": nil, "proclaim": nil,
	"describe": nil, "call": nil, "cite": nil, "echo": {"echoes", "echoed", "echoing"},
	"contest": nil, "dispute": nil, "question": nil, "doubt": nil,
	"defend": nil, "endorse": nil, "criticize": nil, "criticise": nil, "praise": nil,
	"condemn": nil, "dismiss": {"dismisses", "dismissed", "dismissing"}, "reject": nil,
	"mock": nil, "tout": nil,
	"propose": nil, "blame": nil, "challenge": nil, "recommend": nil,
	"applaud": nil, "decry": {"decries", "decried", "decrying"},
	"denounce": nil, "express": {"expresses", "expressed", "expressing"},
	"want": nil, "seem": nil, "appear": nil, "decline": nil, "refuse": nil,
	"refer": {"refers", "referred", "referring"}, "see": {"sees", "saw", "seen", "seeing"},
	"seek": {"seeks", "sought", "seeking"}, "support": nil, "oppose": nil,
	"know": {"knows", "knew", "known", "knowing"}, "plan": {"plans", "planned", "planning"},
	"offer": nil, "feel": {"feels", "felt", "feeling"}, "talk": nil, "read": {"reads", "reading"},
	"recount": nil, "recite": nil, "outline": nil, "email": nil, "discuss": nil, "wonder": nil,
	"worry": {"worries", "worried", "worrying"}, "point": nil, "expect": nil, "prefer": {"prefers", "preferred", "preferring"},
	"favor": nil, "favour": nil, "request": nil, "invoke": nil, "lambaste": nil, "like": nil, "decide": nil,
	"shout": nil, "remind": nil, "quote": nil, "imply": {"implies", "implied", "implying"}, "reference": nil,
	"portray": nil, "highlight": nil, "hint": nil, "articulate": nil, "chant": nil,
}

// npCues are verbal cues whose content may be a noun phrase or an
// infinitive rather than a clause: "defended his tweets", "urged
// supporters to vote", "endorsed Clinton".
var npCues = withWords(stanceCues, map[string]bool{
	"defend": true, "endorse": true, "criticize": true, "criticise": true, "praise": true,
	"cite": true, "condemn": true, "question": true, "dismiss": true, "reject": true,
	"deny": true, "mock": true, "urge": true, "ask": true, "demand": true,
	"mention": true, "tout": true, "announce": true, "propose": true, "promise": true,
	"pledge": true, "vow": true, "warn": true, "accuse": true, "blame": true,
	"challenge": true, "call": true, "describe": true, "acknowledge": true, "predict": true,
	"recommend": true, "stress": true, "emphasize": true,
	"applaud": true, "decry": true, "denounce": true, "express": true, "dispute": true,
	"echo": true, "reiterate": true,
	// Findings: "the poll showed Trump leading", "found Clinton ahead".
	"show": true, "find": true, "reveal": true,
	"recount": true, "recite": true, "outline": true, "email": true, "discuss": true, "wonder": true,
	"worry": true, "point": true, "expect": true, "prefer": true, "favor": true, "favour": true,
	"request": true, "invoke": true, "lambaste": true, "like": true, "decide": true,
	"quote": true, "reference": true, "portray": true, "highlight": true, "articulate": true,
	"report": true,
})

// sourceNouns are the nouns of sources and of points of view that open a
// sentence in a prepositional phrase whose clause they are the source of:
// "In a new poll, ...", "In his view, ...".
var sourceNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
	"report": true, "interview": true, "statement": true, "speech": true, "letter": true,
	"memo": true, "email": true, "e-mail": true, "tweet": true, "post": true, "video": true,
	"book": true, "memoir": true, "analysis": true, "article": true, "column": true,
	"op-ed": true, "editorial": true, "essay": true, "filing": true, "lawsuit": true,
	"complaint": true, "ruling": true, "testimony": true, "remarks": true, "ad": true,
	"transcript": true, "audit": true, "review": true, "census": true, "findings": true,
	"view": true, "mind": true, "words": true, "opinion": true, "estimation": true, "eyes": true,
}

// anonNouns are nouns that, as the head of a speaker phrase with no name,
// mark an anonymous source: "a U.S. official", "people familiar with".
var anonNouns = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "person": true,
	"people": true, "aide": true, "aides": true, "diplomat": true, "diplomats": true,
	"adviser": true, "advisers": true, "advisor": true, "advisors": true, "insider": true,
	"insiders": true, "staffer": true, "staffers": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "officer": true, "officers": true, "member": true, "members": true,
	"analyst": true, "analysts": true, "observer": true, "observers": true, "witness": true,
	"witnesses": true, "resident": true, "residents": true, "expert": true, "experts": true,
	"lawmaker": true, "lawmakers": true, "executive": true, "executives": true,
	"negotiator": true, "negotiators": true, "operative": true, "operatives": true,
	"someone": true, "one": true,
}

// skipBetween are words that may stand between a speaker and the cue:
// "Trump also said", "the official later told".
var skipBetween = map[string]bool{
	"also": true, "later": true, "then": true, "reportedly": true, "repeatedly": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "did": true,
	"does": true, "do": true, "previously": true, "recently": true, "publicly": true,
	"privately": true, "separately": true, "earlier": true, "once": true, "again": true,
	"further": true, "similarly": true, "flatly": true, "simply": true, "first": true,
	"is": true, "was": true, "were": true, "are": true, "been": true,
	"may": true, "might": true, "could": true, "can": true, "should": true, "often": true,
	"never": true, "not": true, "n't": true, "always": true, "still": true, "already": true,
}

// cueForms maps each lower-case form of a cue verb to its lemma.
var cueForms = buildCueForms()

func buildCueForms() map[string]string {
	m := map[string]string{}
	for lemma, irregular := range cueVerbs {
		m[lemma] = lemma
		if irregular != nil {
			for _, f := range irregular {
				m[f] = lemma
			}
			continue
		}
		for _, f := range regularForms(lemma) {
			if _, ok := m[f]; !ok {
				m[f] = lemma
			}
		}
	}
	return m
}

// regularForms returns the -s, -ed and -ing forms of a regular verb.
func regularForms(v string) []string {
	switch {
	case strings.HasSuffix(v, "e"):
		return []string{v + "s", v + "d", v[:len(v)-1] + "ing"}
	case strings.HasSuffix(v, "ss"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"):
		return []string{v + "es", v + "ed", v + "ing"}
	default:
		return []string{v + "s", v + "ed", v + "ing"}
	}
}

// weakCues are cue lemmas that introduce a statement only with a clausal
// complement ("believes that ...", "called for ..."): alone they are
// ordinary verbs.
var weakCues = withWords(stanceCues, map[string]bool{
	"believe": true, "think": true, "fear": true, "hope": true, "find": true, "show": true,
	"call": true, "continue": true, "expect": true, "describe": true, "cite": true,
	"agree": true, "doubt": true, "question": true, "echo": true, "post": true,
	"signal": true, "repeat": true, "charge": true, "accuse": true, "demand": true,
	"promise": true, "pledge": true, "vow": true, "urge": true, "ask": true, "answer": true,
	"mention": true, "indicate": true, "estimate": true, "predict": true, "conclude": true,
	"brief": true, "inform": true, "assure": true, "contest": true,
	"dispute": true, "report": true, "reveal": true, "disclose": true, "observe": true,
})

// stanceCues are wishes, plans, perceptions and stances attributed to their
// holder ("wants to ...", "declined to comment", "sees a threat"): both
// npCues (their content may be a noun phrase) and weakCues (alone they are
// ordinary verbs).
var stanceCues = []string{
	"want", "seem", "appear", "decline", "refuse", "refer", "see", "seek", "support", "oppose",
	"know", "plan", "offer", "feel", "talk", "read",
}

// withWords adds words to m and returns it.
func withWords(words []string, m map[string]bool) map[string]bool {
	for _, w := range words {
		m[w] = true
	}
	return m
}
