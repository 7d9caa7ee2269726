package coder

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

// mkdoc builds a parsed document by hand. Each sentence is a block of
// lines "form lemma UPOS head deprel [XPOS]" with heads counted from 1
// within the sentence (0 for the root); blocks are separated by blank
// lines. Entities are "SENT:FROM-TO TYPE CODE [ID]" with token numbers
// from 1, inclusive; entities sharing an ID are one entity with several
// mentions. CODE is a CAMEO-style actor code such as USAGOV, or "-".
func mkdoc(t testing.TB, sents string, ents ...string) *doc.Document {
	t.Helper()
	d := &doc.Document{ID: "test", Published: time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)}
	var text strings.Builder
	var starts [][]int // per sentence, global token index of each token
	for _, block := range strings.Split(strings.TrimSpace(sents), "\n\n") {
		first := len(d.Tokens)
		var idx []int
		lines := strings.Split(strings.TrimSpace(block), "\n")
		for _, line := range lines {
			f := strings.Fields(line)
			if len(f) < 5 {
				t.Fatalf("bad token line %q", line)
			}
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			start := text.Len()
			text.WriteString(f[0])
			h, err := strconv.Atoi(f[3])
			if err != nil {
				t.Fatalf("bad head in %q", line)
			}
			head := -1
			if h > 0 {
				head = first + h - 1
			}
			tok := doc.Token{Span: doc.Span{Start: start, End: text.Len()}, Lemma: f[1], UPOS: f[2], Head: head, Deprel: f[4]}
			if len(f) > 5 {
				tok.XPOS = f[5]
			}
			idx = append(idx, len(d.Tokens))
			d.Tokens = append(d.Tokens, tok)
		}
		starts = append(starts, idx)
		d.Sentences = append(d.Sentences, doc.Sentence{
			Span:       doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[len(d.Tokens)-1].End},
			FirstToken: first, EndToken: len(d.Tokens),
		})
	}
	d.Text = text.String()
	byID := map[string]int{}
	for i, e := range ents {
		f := strings.Fields(e)
		var s, from, to int
		if _, err := fmt.Sscanf(f[0], "%d:%d-%d", &s, &from, &to); err != nil {
			t.Fatalf("bad entity %q: %v", e, err)
		}
		sp := doc.Span{Start: d.Tokens[starts[s-1][from-1]].Start, End: d.Tokens[starts[s-1][to-1]].End}
		id := "e" + strconv.Itoa(i+1)
		if len(f) > 3 {
			id = f[3]
		}
		if j, ok := byID[id]; ok {
			d.Entities[j].Mentions = append(d.Entities[j].Mentions, doc.Mention{Span: sp, Kind: doc.MentionName})
			continue
		}
		en := doc.Entity{ID: id, Type: f[1], Name: d.Text[sp.Start:sp.End], Mentions: []doc.Mention{{Span: sp, Kind: doc.MentionName}}}
		if f[2] != "-" {
			en.Actor = &doc.Actor{Country: f[2][:3], Sector: f[2][3:], Code: f[2]}
		}
		byID[id] = len(d.Entities)
		d.Entities = append(d.Entities, en)
	}
	return d
}

// summary renders events as "TYPE actor>recipient modality rule" with
// entity names, one per event.
func summary(d *doc.Document) []string {
	name := map[string]string{}
	for _, e := range d.Entities {
		name[e.ID] = e.Name
	}
	names := func(ids []string) string {
		var s []string
		for _, id := range ids {
			s = append(s, name[id])
		}
		return strings.Join(s, "+")
	}
	var out []string
	for _, e := range d.Events {
		s := fmt.Sprintf("%s %s>%s %s %s", e.Plover, names(e.Actors), names(e.Recipients), e.Modality, e.Rule)
		if e.AttributedTo != "" {
			s += " @" + name[e.AttributedTo] + e.AttributedTo
		}
		out = append(out, s)
	}
	return out
}

// coderCase is a parsed sentence with its entities and the events it
// should give.
type coderCase struct {
	name  string
	sents string
	ents  []string
	want  []string
}

var coderCases = []coderCase{
	{
		name: "active verb",
		sents: `
Ratcliffe Ratcliffe PROPN 2 nsubj
visited visit VERB 0 root
Caracas Caracas PROPN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON USASPY", "1:3-3 GPE VEN"},
		want: []string{"CONSULT Ratcliffe>Caracas asserted consult.visit"},
	},
	{
		name: "passive with agent",
		sents: `
Maduro Maduro PROPN 3 nsubj:pass
was be AUX 3 aux:pass
captured capture VERB 0 root
by by ADP 6 case
U.S. U.S. PROPN 6 compound
forces force NOUN 3 obl:agent
. . PUNCT 3 punct`,
		ents: []string{"1:1-1 PERSON VENGOV", "1:5-6 ORG USAMIL"},
		want: []string{"COERCE U.S. forces>Maduro asserted coerce.capture"},
	},
	{
		name: "coordinated actors and recipients give one event",
		sents: `
Jordan Jordan PROPN 4 nsubj
and and CCONJ 3 cc
Britain Britain PROPN 1 conj
attacked attack VERB 0 root
Syria Syria PROPN 4 obj
and and CCONJ 7 cc
Iraq Iraq PROPN 5 conj`,
		ents: []string{"1:1-1 GPE JOR", "1:3-3 GPE GBR", "1:5-5 GPE SYR", "1:7-7 GPE IRQ"},
		want: []string{"ASSAULT Jordan+Britain>Syria+Iraq asserted assault.attack"},
	},
	{
		name: "demonstrate with a clause is to show, not to protest",
		sents: `
Students students NOUN 2 nsubj
demonstrated demonstrate VERB 0 root
they they PRON 4 nsubj
were be AUX 2 ccomp
ready ready ADJ 4 xcomp
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON USAEDU"},
		want: nil,
	},
	{
		name: "demonstrate against",
		sents: `
Students students NOUN 2 nsubj
demonstrated demonstrate VERB 0 root
against against ADP 5 case
the the DET 5 det
war war NOUN 2 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON USAEDU"},
		want: []string{"PROTEST Students> asserted protest.demonstrate"},
	},
	{
		name: "no object in the parse: the person a nationality modifies receives",
		sents: `
Trump Trump PROPN 2 nsubj
met meet VERB 0 root
Venezuelan Venezuelan ADJ 5 amod
opposition opposition NOUN 5 compound
leader leader NOUN 6 nmod
Machado Machado PROPN 2 dep
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON USAGOV", "1:3-3 NORP VEN", "1:6-6 PERSON VENOPP"},
		want: []string{"CONSULT Trump>Machado asserted consult.meet"},
	},
	{
		name: "declining to comment is no rejection",
		sents: `
BP BP PROPN 2 nsubj
declined decline VERB 0 root
to to PART 4 mark
comment comment VERB 2 xcomp
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG GBRBUS"},
		want: nil,
	},
	{
		name: "ordering goods is no demand",
		sents: `
Qantas Qantas PROPN 2 nsubj
ordered order VERB 0 root
20 20 NUM 4 nummod
jets jet NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG AUSBUS"},
		want: nil,
	},
	{
		name: "warning of lower margins is a forecast, not a threat",
		sents: `
Renault Renault PROPN 2 nsubj
warned warn VERB 0 root
of of ADP 5 case
lower low ADJ 5 amod
margins margin NOUN 2 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG FRABUS"},
		want: nil,
	},
	{
		name: "demand with nothing demanded is no request",
		sents: `
Vodafone Vodafone PROPN 2 nsubj
sells sell VERB 0 root
phones phone NOUN 2 obj
but but CCONJ 5 cc
demand demand VERB 2 conj
for for ADP 7 case
them they PRON 5 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG GBRBUS"},
		want: nil,
	},
	{
		name: "releasing a statement frees no one",
		sents: `
Iran Iran PROPN 2 nsubj
released release VERB 0 root
a a DET 4 det
statement statement NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE IRN"},
		want: nil,
	},
	{
		name: "declining health is no rejection",
		sents: `
Holiff Holiff PROPN 5 nsubj
had have AUX 5 aux
been be AUX 5 cop
in in SCONJ 5 mark
declining decline VERB 0 root
health health NOUN 5 obj
. . PUNCT 5 punct`,
		ents: []string{"1:1-1 PERSON CANBUS"},
		want: nil,
	},
	{
		name: "declining an offer is a rejection",
		sents: `
Iran Iran PROPN 2 nsubj
declined decline VERB 0 root
the the DET 4 det
offer offer NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE IRN"},
		want: []string{"REJECT Iran> asserted reject.decline-obj"},
	},
	{
		name: "recognising concerns is no recognition",
		sents: `
Clarke Clarke PROPN 2 nsubj
recognised recognise VERB 0 root
people people NOUN 5 nmod:poss
's 's PART 3 case
concerns concern NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON GBRGOV", "1:3-3 PERSON GBR"},
		want: nil,
	},
	{
		name: "the city of X is X, not the nationality before it",
		sents: `
Russian Russian ADJ 2 amod
forces force NOUN 3 nsubj
shelled shell VERB 0 root
the the DET 6 det
Ukrainian Ukrainian ADJ 6 amod
city city NOUN 3 obj
of of ADP 8 case
Kharkiv Kharkiv PROPN 6 nmod
. . PUNCT 3 punct`,
		ents: []string{"1:1-2 ORG RUSMIL", "1:5-5 NORP UKR", "1:8-8 GPE UKR"},
		want: []string{"ASSAULT Russian forces>Kharkiv asserted assault.shell"},
	},
	{
		name: "a meeting between two parties names them",
		sents: `
Morocco Morocco PROPN 2 nsubj
hosted host VERB 0 root
a a DET 4 det
meeting meeting NOUN 2 obj
between between ADP 6 case
Israel Israel PROPN 4 nmod
and and CCONJ 8 cc
Syria Syria PROPN 6 conj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE MAR", "1:6-6 GPE ISR", "1:8-8 GPE SYR"},
		want: []string{"CONSULT Morocco>Israel+Syria asserted consult.host"},
	},
	{
		name: "the diplomat's nationality receives an expulsion",
		sents: `
Venezuela Venezuela PROPN 2 nsubj
expelled expel VERB 0 root
the the DET 5 det
Spanish Spanish ADJ 5 amod
ambassador ambassador NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE VEN", "1:4-4 NORP ESP"},
		want: []string{"SANCTION Venezuela>Spanish asserted sanction.expel-dipl"},
	},
	{
		name: "suspended membership",
		sents: `
Union Union PROPN 2 nsubj
suspended suspend VERB 0 root
Niger Niger PROPN 5 nmod:poss
's 's PART 3 case
membership membership NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG IGO", "1:3-3 GPE NER"},
		want: []string{"SANCTION Union>Niger asserted sanction.suspend-member"},
	},
	{
		name: "troops sent, the plural kept as lemma",
		sents: `
Germany Germany PROPN 2 nsubj
sent send VERB 0 root
troops troops NOUN 2 obj
to to ADP 5 case
Lithuania Lithuania PROPN 2 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE DEU", "1:5-5 GPE LTU"},
		want: []string{"AID Germany>Lithuania asserted aid.send-troops"},
	},
	{
		name: "a gerund a noun governs has no known agent",
		sents: `
Students student NOUN 2 nsubj
protested protest VERB 0 root
the the DET 4 det
decision decision NOUN 2 obj
of of SCONJ 6 mark
sending send VERB 4 acl VBG
troops troops NOUN 6 obj
to to ADP 9 case
Iraq Iraq PROPN 6 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON TUREDU", "1:9-9 GPE IRQ"},
		want: []string{"ACCUSE Students> asserted accuse.protest-v"},
	},
	{
		name: "two subjects with an and on the verb both act",
		sents: `
Colombia Colombia PROPN 6 nsubj
and and CCONJ 6 cc
the the DET 5 det
ELN ELN PROPN 5 compound
rebels rebel NOUN 6 nsubj
signed sign VERB 0 root
a a DET 8 det
agreement agreement NOUN 6 obj
. . PUNCT 6 punct`,
		ents: []string{"1:1-1 GPE COL", "1:4-5 ORG COLREB"},
		want: []string{"SUPPORT Colombia+ELN rebels> asserted support.sign"},
	},
	{
		name: "a place after a preposition is no subject",
		sents: `
Protesters protester NOUN 2 nsubj
marched march VERB 0 root
through through ADP 4 case
Tbilisi Tbilisi PROPN 2 obl
on on ADP 7 mark
Saturday Saturday PROPN 7 compound
demanding demand VERB 2 advcl VBG
elections election NOUN 7 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 PERSON GEOOPP", "1:4-4 GPE GEO"},
		want: []string{"PROTEST Protesters>Tbilisi asserted protest.march"},
	},
	{
		name: "coordinated nationalities before the noun are parties",
		sents: `
Chinese Chinese ADJ 4 amod
and and CCONJ 3 cc
Russian Russian ADJ 1 conj
warships warship NOUN 5 nsubj
began begin VERB 0 root
joint joint ADJ 7 amod
drills drill NOUN 5 obj
. . PUNCT 5 punct`,
		ents: []string{"1:1-1 NORP CHN", "1:3-4 ORG RUSMIL"},
		want: []string{"COOPERATE Russian warships+Chinese> asserted cooperate.begin-ex"},
	},
	{
		name: "closing a border",
		sents: `
Turkey Turkey PROPN 2 nsubj
closed close VERB 0 root
its its PRON 4 nmod:poss
border border NOUN 2 obj
with with ADP 6 case
Syria Syria PROPN 4 nmod
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE TUR", "1:6-6 GPE SYR"},
		want: []string{"COERCE Turkey>Syria asserted coerce.close-border"},
	},
	{
		name: "money announced in aid",
		sents: `
Pentagon Pentagon PROPN 2 nsubj
announced announce VERB 0 root
$ $ SYM 2 obj
1 1 NUM 3 nummod
in in ADP 7 case
military military ADJ 7 amod
aid aid NOUN 3 nmod
for for ADP 9 case
Ukraine Ukraine PROPN 2 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG USAMIL", "1:9-9 GPE UKR"},
		want: []string{"AID Pentagon>Ukraine asserted aid.announce-money"},
	},
	{
		name: "money announced in profits is no aid",
		sents: `
Apple Apple PROPN 2 nsubj
announced announce VERB 0 root
$ $ SYM 2 obj
5 5 NUM 3 nummod
in in ADP 6 case
profits profit NOUN 3 nmod
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG USABUS"},
		want: nil,
	},
	{
		name: "a text vetoed speaks for its author, not for the veto",
		sents: `
Russia Russia PROPN 2 nsubj
vetoed veto VERB 0 root
a a DET 4 det
resolution resolution NOUN 2 obj
condemning condemn VERB 4 acl VBG
Israel Israel PROPN 5 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE RUS", "1:6-6 GPE ISR"},
		want: []string{"REJECT Russia> asserted reject.veto"},
	},
	{
		name: "a statement issued speaks for its issuer",
		sents: `
Iran Iran PROPN 2 nsubj
issued issue VERB 0 root
a a DET 4 det
statement statement NOUN 2 obj
condemning condemn VERB 4 acl VBG
Israel Israel PROPN 5 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE IRN", "1:6-6 GPE ISR"},
		want: []string{"ACCUSE Iran>Israel asserted accuse.condemn"},
	},
	{
		name: "a pronoun in a quotation is the speaker of the parataxis",
		sents: `
We we PRON 3 nsubj
will will AUX 3 aux
attack attack VERB 0 root
Israel Israel PROPN 3 obj
, , PUNCT 3 punct
Iran Iran PROPN 7 nsubj
said say VERB 3 parataxis
. . PUNCT 3 punct`,
		ents: []string{"1:4-4 GPE ISR", "1:6-6 GPE IRN"},
		want: []string{"THREATEN Iran>Israel future assault.attack @Irane2"},
	},
	{
		name: "weapons supplied",
		sents: `
Iran Iran PROPN 2 nsubj
supplied supply VERB 0 root
drones drone NOUN 2 obj
to to ADP 5 case
Houthis Houthis PROPN 2 obl
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 GPE IRN", "1:5-5 ORG YEMREB"},
		want: []string{"AID Iran>Houthis asserted aid.supply-arms"},
	},
	{
		name: "a profit warning is no threat",
		sents: `
EMI EMI PROPN 2 nsubj
issued issue VERB 0 root
a a DET 5 det
profit profit NOUN 5 compound
warning warning NOUN 2 obj
. . PUNCT 2 punct`,
		ents: []string{"1:1-1 ORG GBRBUS"},
		want: nil,
	},
	{
		name: "negated",
		sents: `
Trump Trump PROPN 4 nsubj
did do AUX 4 aux
not not PART 4 advmod
meet meet VERB 0 root
Machado Machado PROPN 4 obj`,
		ents: []string{"1:1-1 PERSON USAGOV", "1:5-5 PERSON VENOPP"},
		want: []string{"CONSULT Trump>Machado negated consult.meet"},
	},
	{
		name: "future visit is an intent to meet",
		sents: `
Ratcliffe Ratcliffe PROPN 3 nsubj
will will AUX 3 aux
visit visit VERB 0 root
Caracas Caracas PROPN 3 obj`,
		ents: []string{"1:1-1 PERSON USASPY", "1:4-4 GPE VEN"},
		want: []string{"AGREE Ratcliffe>Caracas future consult.visit"},
	},
	{
		name: "demanded release",
		sents: `
Washington Washington PROPN 2 nsubj
demanded demand VERB 0 root
that that SCONJ 5 mark
Venezuela Venezuela PROPN 5 nsubj
release release VERB 2 ccomp
the the DET 7 det
Americans American PROPN 5 obj`,
		ents: []string{"1:1-1 GPE USAGOV", "1:4-4 GPE VEN", "1:7-7 NORP USA"},
		want: []string{
			"REQUEST Washington>Venezuela asserted request.demand",
			"RETREAT Venezuela>Americans demanded retreat.release",
		},
	},
	{
		name: "reported speech is attributed to the speaker",
		sents: `
Officials official NOUN 2 nsubj
said say VERB 0 root
Russia Russia PROPN 4 nsubj
attacked attack VERB 2 ccomp
Ukraine Ukraine PROPN 4 obj`,
		ents: []string{"1:3-3 GPE RUS", "1:5-5 GPE UKR"},
		want: []string{"ASSAULT Russia>Ukraine asserted assault.attack @Officials"},
	},
	{
		name: "statement verb is itself an event",
		sents: `
Iran Iran PROPN 2 nsubj
accused accuse VERB 0 root
Israel Israel PROPN 2 obj
of of SCONJ 5 mark
attacking attack VERB 2 advcl VBG
Syria Syria PROPN 5 obj`,
		ents: []string{"1:1-1 GPE IRN", "1:3-3 GPE ISR", "1:6-6 GPE SYR"},
		want: []string{"ACCUSE Iran>Israel asserted accuse.accuse"},
	},
	{
		name: "light verb",
		sents: `
Ratcliffe Ratcliffe PROPN 2 nsubj
held hold VERB 0 root
talks talk NOUN 2 obj
with with ADP 5 case
Rodríguez Rodríguez PROPN 3 nmod`,
		ents: []string{"1:1-1 PERSON USASPY", "1:5-5 PERSON VENGOV"},
		want: []string{"CONSULT Ratcliffe>Rodríguez asserted consult.hold-talks"},
	},
	{
		name: "nominal trigger with its verb's subject",
		sents: `
Ratcliffe Ratcliffe PROPN 2 nsubj
spent spend VERB 0 root
two two NUM 4 nummod
hours hour NOUN 2 obj
in in ADP 6 case
talks talk NOUN 2 obl
with with ADP 8 case
Rodríguez Rodríguez PROPN 6 nmod`,
		ents: []string{"1:1-1 PERSON USASPY", "1:8-8 PERSON VENGOV"},
		want: []string{"CONSULT Ratcliffe>Rodríguez asserted consult.talks"},
	},
	{
		name: "nominal trigger with of and by",
		sents: `
The the DET 2 det
capture capture NOUN 9 nsubj
of of ADP 4 case
Maduro Maduro PROPN 2 nmod
by by ADP 7 case
U.S. U.S. PROPN 7 compound
forces force NOUN 2 nmod
has have AUX 9 aux
shaken shake VERB 0 root
Caracas Caracas PROPN 9 obj`,
		ents: []string{"1:4-4 PERSON VENGOV", "1:6-7 ORG USAMIL", "1:10-10 GPE VEN"},
		want: []string{"COERCE U.S. forces>Maduro asserted coerce.capture-n"},
	},
	{
		name: "self-directed event dropped",
		sents: `
Trump Trump PROPN 2 nsubj
praised praise VERB 0 root
himself himself PRON 2 obj`,
		ents: []string{"1:1-1 PERSON USAGOV p1", "1:3-3 PERSON USAGOV p1"},
		want: nil,
	},
	{
		name: "duplicates merged",
		sents: `
Trump Trump PROPN 2 nsubj
met meet VERB 0 root
Machado Machado PROPN 2 obj

Trump Trump PROPN 2 nsubj
met meet VERB 0 root
with with ADP 4 case
Machado Machado PROPN 2 obl`,
		ents: []string{"1:1-1 PERSON USAGOV t", "1:3-3 PERSON VENOPP m", "2:1-1 PERSON USAGOV t", "2:4-4 PERSON VENOPP m"},
		want: []string{"CONSULT Trump>Machado asserted consult.meet"},
	},
	{
		name: "control verb defers to the intended event",
		sents: `
Russia Russia PROPN 2 nsubj
agreed agree VERB 0 root
to to PART 4 mark
withdraw withdraw VERB 2 xcomp
from from ADP 6 case
Ukraine Ukraine PROPN 4 obl`,
		ents: []string{"1:1-1 GPE RUS", "1:6-6 GPE UKR"},
		want: []string{"AGREE Russia>Ukraine future retreat.withdraw"},
	},
	{
		name: "agree without an intended event stays",
		sents: `
Jordan Jordan PROPN 4 nsubj
and and CCONJ 3 cc
Britain Britain PROPN 1 conj
agreed agree VERB 0 root
to to PART 6 mark
hold hold VERB 4 xcomp
elections election NOUN 6 obj`,
		ents: []string{"1:1-1 GPE JOR", "1:3-3 GPE GBR"},
		want: []string{"AGREE Jordan+Britain> asserted agree.agree"},
	},
	{
		name: "refusal absorbs its complement",
		sents: `
Yemen Yemen PROPN 2 nsubj
refused refuse VERB 0 root
to to PART 4 mark
release release VERB 2 xcomp
Americans American PROPN 4 obj`,
		ents: []string{"1:1-1 GPE YEM", "1:5-5 NORP USA"},
		want: []string{"REJECT Yemen>Americans asserted reject.refuse"},
	},
	{
		name: "threat to attack",
		sents: `
Iran Iran PROPN 2 nsubj
threatened threaten VERB 0 root
to to PART 4 mark
attack attack VERB 2 xcomp
Israel Israel PROPN 4 obj`,
		ents: []string{"1:1-1 GPE IRN", "1:5-5 GPE ISR"},
		want: []string{"THREATEN Iran>Israel future assault.attack"},
	},
	{
		name: "modal in reported speech is a request",
		sents: `
Russia Russia PROPN 2 nsubj
said say VERB 0 root
Sudan Sudan PROPN 5 nsubj
must must AUX 5 aux
return return VERB 2 ccomp
the the DET 7 det
helicopter helicopter NOUN 5 obj`,
		ents: []string{"1:1-1 GPE RUS", "1:3-3 GPE SDN"},
		want: []string{"REQUEST Russia>Sudan asserted request.must"},
	},
	{
		name: "relative clause and phone",
		sents: `
Ratcliffe Ratcliffe PROPN 2 nsubj
met meet VERB 0 root
Rodríguez Rodríguez PROPN 2 obj
, , PUNCT 7 punct
who who PRON 7 nsubj
has have AUX 7 aux
spoken speak VERB 3 acl:relcl
with with ADP 9 case
Trump Trump PROPN 7 obl
by by ADP 11 case
phone phone NOUN 7 obl`,
		ents: []string{"1:1-1 PERSON USASPY", "1:3-3 PERSON VENGOV", "1:9-9 PERSON USAGOV"},
		want: []string{
			"CONSULT Ratcliffe>Rodríguez asserted consult.meet",
			"CONSULT Rodríguez>Trump asserted consult.speak-phone",
		},
	},
	{
		name: "apposition names the recipient",
		sents: `
Ratcliffe Ratcliffe PROPN 2 nsubj
met meet VERB 0 root
Venezuela Venezuela PROPN 6 nmod:poss
's 's PART 3 case
interim interim ADJ 6 amod
president president NOUN 2 obj
, , PUNCT 8 punct
Rodríguez Rodríguez PROPN 6 appos`,
		ents: []string{"1:1-1 PERSON USASPY", "1:3-3 GPE VEN", "1:8-8 PERSON VENGOV"},
		want: []string{"CONSULT Ratcliffe>Rodríguez asserted consult.meet"},
	},
	{
		name: "historical since-clause",
		sents: `
It it PRON 2 nsubj
is be AUX 0 root
the the DET 4 det
visit visit NOUN 2 obl
since since SCONJ 8 mark
U.S. U.S. PROPN 7 compound
forces force NOUN 8 nsubj
captured capture VERB 4 acl
Maduro Maduro PROPN 8 obj`,
		ents: []string{"1:6-7 ORG USAMIL", "1:9-9 PERSON VENGOV"},
		want: []string{"COERCE U.S. forces>Maduro historical coerce.capture"},
	},
	{
		name: "unless makes a threat",
		sents: `
Nigeria Nigeria PROPN 3 nsubj
will will AUX 3 aux
withdraw withdraw VERB 0 root
from from ADP 5 case
Chad Chad PROPN 3 obl
unless unless SCONJ 8 mark
Chad Chad PROPN 8 nsubj
agrees agree VERB 3 advcl`,
		ents: []string{"1:1-1 GPE NGA", "1:5-5 GPE TCD c", "1:7-7 GPE TCD c"},
		want: []string{"THREATEN Nigeria>Chad future retreat.withdraw"},
	},
	{
		name: "talking to the press is not consulting",
		sents: `
Ratcliffe Ratcliffe PROPN 2 nsubj
spoke speak VERB 0 root
to to ADP 4 case
NewsNation NewsNation PROPN 2 obl`,
		ents: []string{"1:1-1 PERSON USASPY", "1:4-4 ORG USAMED"},
		want: nil,
	},
	{
		name: "a protest's purpose is part of the protest",
		sents: `
Students student NOUN 2 nsubj
staged stage VERB 0 root
demonstrations demonstration NOUN 2 obj
to to PART 5 mark
demand demand VERB 2 advcl
reforms reform NOUN 5 obj`,
		ents: []string{"1:1-1 PERSON IDNEDU"},
		want: []string{"PROTEST Students> asserted protest.stage"},
	},
	{
		name: "linear fallback for a misparsed subject",
		sents: `
Pakistan Pakistan PROPN 2 compound
today today NOUN 3 obl:tmod
threatened threaten VERB 0 root
Congo Congo PROPN 3 obj`,
		ents: []string{"1:1-1 GPE PAK", "1:4-4 GPE COG"},
		want: []string{"THREATEN Pakistan>Congo asserted threaten.threaten"},
	},
	{
		name: "warning that is a statement, not a threat",
		sents: `
Iran Iran PROPN 2 nsubj
warned warn VERB 0 root
that that SCONJ 6 mark
prices price NOUN 6 nsubj
could could AUX 6 aux
rise rise VERB 2 ccomp`,
		ents: []string{"1:1-1 GPE IRN"},
		want: nil,
	},
	{
		name: "two actors stand in for the recipient of talks",
		sents: `
Israel Israel PROPN 4 nsubj
and and CCONJ 3 cc
Lebanon Lebanon PROPN 1 conj
renewed renew VERB 0 root
talks talk NOUN 4 obj`,
		ents: []string{"1:1-1 GPE ISR", "1:3-3 GPE LBN"},
		want: []string{"CONSULT Israel+Lebanon> asserted consult.talks"},
	},
	{
		name: "a noun another verb takes as its object is not that verb's subject's act",
		sents: `
Howard Howard PROPN 2 nsubj
rebuts rebut VERB 0 root
criticisms criticism NOUN 2 obj
of of ADP 5 case
Blair Blair PROPN 3 nmod`,
		ents: []string{"1:1-1 PERSON GBRGOV", "1:5-5 PERSON GBRGOV"},
		want: nil,
	},
	{
		name: "a table row is not a sentence",
		sents: `
Russia Russia PROPN 3 nsubj
| | PUNCT 3 punct
attacked attack VERB 0 root
| | PUNCT 3 punct
Ukraine Ukraine PROPN 3 obj
| | PUNCT 3 punct
12 12 NUM 3 obl
| | PUNCT 3 punct
4 4 NUM 3 obl`,
		ents: []string{"1:1-1 GPE RUS", "1:5-5 GPE UKR"},
		want: nil,
	},
	{
		name: "a politician's attack is criticism",
		sents: `
Howard Howard PROPN 2 nsubj
attacked attack VERB 0 root
Blair Blair PROPN 2 obj`,
		ents: []string{"1:1-1 PERSON GBRGOV", "1:3-3 PERSON GBRGOV"},
		want: []string{"ACCUSE Howard>Blair asserted assault.attack"},
	},
	{
		name: "an armed group's attack is an assault",
		sents: `
Rebels rebel NOUN 2 nsubj
attacked attack VERB 0 root
Goma Goma PROPN 2 obj`,
		ents: []string{"1:1-1 ORG CODREB", "1:3-3 GPE COD"},
		want: []string{"ASSAULT Rebels>Goma asserted assault.attack"},
	},
	{
		name: "past perfect outside reported speech is background",
		sents: `
Rebels rebel NOUN 4 nsubj
had have AUX 4 aux VBD
already already ADV 4 advmod
captured capture VERB 0 root VBN
Chaudhry Chaudhry PROPN 4 obj`,
		ents: []string{"1:1-1 ORG FJIREB", "1:5-5 PERSON FJIGOV"},
		want: []string{"COERCE Rebels>Chaudhry historical coerce.capture"},
	},
	{
		name: "a to-infinitive hung as an adverbial of agree is intended",
		sents: `
Ministers minister NOUN 2 nsubj
agreed agree VERB 0 root
on on ADP 4 case
Saturday Saturday PROPN 2 obl
to to PART 6 mark
provide provide VERB 2 advcl
aid aid NOUN 6 obj
to to ADP 9 case
Romania Romania PROPN 6 obl`,
		ents: []string{"1:1-1 ORG IGO", "1:9-9 GPE ROU"},
		want: []string{"AGREE Ministers>Romania future aid.provide"},
	},
	{
		name: "a committed intent stands without a counterpart, a bare future does not",
		sents: `
Norway Norway PROPN 3 nsubj
is be AUX 3 cop
willing willing ADJ 0 root
to to PART 5 mark
send send VERB 3 xcomp
material material NOUN 5 obj

Ministers minister NOUN 3 nsubj
will will AUX 3 aux
consult consult VERB 0 root
on on ADP 5 case
proposals proposal NOUN 3 obl`,
		ents: []string{"1:1-1 GPE NOR", "2:1-1 PERSON GBRGOV"},
		want: []string{"AGREE Norway> future aid.send-material"},
	},
	{
		name: "a clipped lemma finds its pattern",
		sents: `
Christopher Christopher PROPN 2 nsubj
telephoned telephon VERB 0 root
Kozyrev Kozyrev PROPN 2 obj`,
		ents: []string{"1:1-1 PERSON USAGOV", "1:3-3 PERSON RUSGOV"},
		want: []string{"CONSULT Christopher>Kozyrev asserted consult.telephone"},
	},
	{
		name: "object control: the object does the infinitive",
		sents: `
Russia Russia PROPN 2 nsubj
urged urge VERB 0 root
Iran Iran PROPN 2 obj
to to PART 5 mark
attack attack VERB 2 xcomp
Israel Israel PROPN 5 obj`,
		ents: []string{"1:1-1 GPE RUS", "1:3-3 GPE IRN", "1:6-6 GPE ISR"},
		want: []string{"REQUEST Russia>Iran asserted request.urge", "ASSAULT Iran>Israel demanded assault.attack"},
	},
	{
		name: "a purpose clause of a meeting is the meeting",
		sents: `
Blair Blair PROPN 2 nsubj
met meet VERB 0 root
Schroeder Schroeder PROPN 2 obj
to to PART 5 mark
talk talk VERB 2 advcl
about about ADP 7 case
Turkey Turkey PROPN 5 obl`,
		ents: []string{"1:1-1 PERSON GBRGOV", "1:3-3 PERSON DEUGOV", "1:7-7 GPE TUR"},
		want: []string{"CONSULT Blair>Schroeder asserted consult.meet"},
	},
	{
		name: "a participle of the same type is the same event",
		sents: `
Rebels rebel NOUN 2 nsubj
shelled shell VERB 0 root
Juba Juba PROPN 2 obj
, , PUNCT 5 punct
killing kill VERB 2 advcl VBG
civilians civilian NOUN 5 obj`,
		ents: []string{"1:1-1 ORG SDNREB", "1:3-3 GPE SDN", "1:6-6 PERSON SDNCVL"},
		want: []string{"ASSAULT Rebels>Juba asserted assault.shell"},
	},
	{
		name: "troops arriving are not visiting",
		sents: `
Troops troop NOUN 2 nsubj
arrived arrive VERB 0 root
in in ADP 4 case
Bosnia Bosnia PROPN 2 obl`,
		ents: []string{"1:1-1 ORG IGOMIL", "1:4-4 GPE BIH"},
		want: nil,
	},
	{
		name: "failing to reach agreement is a rejection",
		sents: `
Palestinians Palestinian PROPN 4 nsubj
and and CCONJ 3 cc
Israelis Israeli PROPN 1 conj
failed fail VERB 0 root
to to PART 6 mark
reach reach VERB 4 xcomp
agreement agreement NOUN 6 obj`,
		ents: []string{"1:1-1 NORP PSE", "1:3-3 NORP ISR"},
		want: []string{"REJECT Palestinians+Israelis> asserted agree.reach"},
	},
	{
		name: "an infinitive parsed as an oblique is a complement",
		sents: `
Libya Libya PROPN 3 nsubj
has have AUX 3 aux
offered offer VERB 0 root
to to ADP 5 case
hand hand VERB 3 obl
over over ADV 5 advmod
to to ADP 8 case
Britain Britain PROPN 5 obl`,
		ents: []string{"1:1-1 GPE LBY", "1:8-8 GPE GBR"},
		want: []string{"AGREE Libya>Britain future aid.hand-over"},
	},
	{
		name: "wanted of someone else is demanded",
		sents: `
Unions union NOUN 2 nsubj
want want VERB 0 root
the the DET 4 det
government government NOUN 2 obj
to to PART 6 mark
release release VERB 2 xcomp
Smith Smith PROPN 6 obj`,
		ents: []string{"1:1-1 ORG GBRLAB", "1:4-4 ORG GBRGOV", "1:7-7 PERSON GBRCVL"},
		want: []string{"RETREAT government>Smith demanded retreat.release"},
	},
	{
		name: "a power to detain is no detention",
		sents: `
Police police NOUN 2 nsubj
have have VERB 0 root
powers power NOUN 2 obj
to to PART 5 mark
detain detain VERB 3 acl
Smith Smith PROPN 5 obj`,
		ents: []string{"1:1-1 ORG GBRCOP", "1:6-6 PERSON GBRCVL"},
		want: nil,
	},
	{
		name: "sentence without a verb",
		sents: `
Trump Trump PROPN 2 compound
visit visit NOUN 0 root
to to ADP 4 case
Caracas Caracas PROPN 2 nmod`,
		ents: []string{"1:1-1 PERSON USAGOV", "1:4-4 GPE VEN"},
		want: nil,
	},
	{
		name: "all capitals",
		sents: `
RUSSIA Russia PROPN 2 nsubj
ATTACKED attack VERB 0 root
UKRAINE Ukraine PROPN 2 obj
AGAIN again ADV 2 advmod
TODAY today NOUN 2 obl:tmod`,
		ents: []string{"1:1-1 GPE RUS", "1:3-3 GPE UKR"},
		want: nil,
	},
}

func TestCoder(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range coderCases {
		t.Run(tt.name, func(t *testing.T) {
			d := mkdoc(t, tt.sents, tt.ents...)
			if err := c.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := summary(d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			for _, e := range d.Events {
				checkEvent(t, d, e)
			}
		})
	}
}

// checkEvent checks the invariants every event keeps.
func checkEvent(t *testing.T, d *doc.Document, e doc.Event) {
	t.Helper()
	if e.ID == "" || e.Plover == "" || e.CAMEO == "" || e.Rule == "" || e.Modality == "" {
		t.Errorf("event %+v: empty required field", e)
	}
	if e.QuadClass < 1 || e.QuadClass > 4 {
		t.Errorf("event %s: quad class %d", e.ID, e.QuadClass)
	}
	if !e.Evidence.Valid(len(d.Text)) || !e.Trigger.Valid(len(d.Text)) || !e.Evidence.Contains(e.Trigger) {
		t.Errorf("event %s: evidence %v trigger %v out of place", e.ID, e.Evidence, e.Trigger)
	}
	if len(e.Actors) == 0 {
		t.Errorf("event %s: no actor", e.ID)
	}
}

func TestMergeKeepsEvidence(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(coderCases, func(c coderCase) bool { return c.name == "duplicates merged" })
	if i < 0 {
		t.Fatal(`no case "duplicates merged"`)
	}
	d := mkdoc(t, coderCases[i].sents, coderCases[i].ents...)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("got %d events; want 1", len(d.Events))
	}
	e := d.Events[0]
	if len(e.Also) != 1 || e.Also[0].Evidence != d.Sentences[1].Span || e.Also[0].Rule != "consult.meet" {
		t.Errorf("got Also %+v; want the second sentence's evidence", e.Also)
	}
	if e.Date != "2026-01-16" || e.DatePrecision != "day" || e.DateSource != "published" {
		t.Errorf("got date %s %s %s; want 2026-01-16 day published", e.Date, e.DatePrecision, e.DateSource)
	}
	if e.CAMEO != "040" || e.Goldstein != 1 || e.QuadClass != 1 {
		t.Errorf("got %s %v %d; want 040 1 1", e.CAMEO, e.Goldstein, e.QuadClass)
	}
}

func TestMergeTakesTheDate(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := mkdoc(t, `
Trump Trump PROPN 2 nsubj
met meet VERB 0 root
Machado Machado PROPN 2 obj
on on ADP 5 case
Thursday Thursday PROPN 2 obl

Trump Trump PROPN 2 nsubj
met meet VERB 0 root
Machado Machado PROPN 2 obj
again again ADV 2 advmod`, "1:1-1 PERSON USAGOV t", "1:3-3 PERSON VENOPP m", "2:1-1 PERSON USAGOV t", "2:3-3 PERSON VENOPP m")
	th := d.Tokens[4].Span
	d.Times = []doc.Time{{Span: th, Type: "DATE", Value: "2026-01-15"}}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("got %d events; want 1", len(d.Events))
	}
	if e := d.Events[0]; e.Date != "2026-01-15" || e.DateSource != "clause" || len(e.Also) != 1 {
		t.Errorf("got date %s from %s with %d more; want 2026-01-15 from clause with 1 more", e.Date, e.DateSource, len(e.Also))
	}
}

// TestNationalityTargetIsPeople checks that a nationality the places stage
// located still counts as people, so a politician attacking it criticises.
func TestNationalityTargetIsPeople(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := mkdoc(t, `
Mbeki Mbeki PROPN 2 nsubj
attacked attack VERB 0 root
British British ADJ 4 amod
imperialists imperialist NOUN 2 obj`, "1:1-1 PERSON ZAFGOV", "1:3-3 NORP GBR")
	for i := range d.Entities {
		if d.Entities[i].Type == doc.NORP {
			d.Entities[i].Place = &doc.Place{Name: "United Kingdom", Country: "GBR"}
		}
	}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Plover != "ACCUSE" {
		t.Errorf("got %+v; want one ACCUSE", d.Events)
	}
}
