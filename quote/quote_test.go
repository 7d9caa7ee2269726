package quote_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"sitrep/actor"
	"sitrep/doc"
	"sitrep/ingest"
	"sitrep/ner"
	"sitrep/parse"
	"sitrep/pipeline"
	"sitrep/quote"
	"sitrep/segment"
	"sitrep/tag"
	"sitrep/timex"
)

var (
	chainOnce sync.Once
	chain     *pipeline.Pipeline
	chainErr  error
)

// newChain returns the stages quotes read (segment to times) plus the
// extractor, built once.
func newChain(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	chainOnce.Do(func() {
		var stages []pipeline.Stage
		add := func(s pipeline.Stage, err error) {
			if err != nil && chainErr == nil {
				chainErr = err
			}
			stages = append(stages, s)
		}
		add(segment.New(segment.Config{}))
		add(tag.New(tag.Config{}))
		add(parse.New(parse.Config{}))
		add(ner.New(ner.Config{}))
		add(actor.New(actor.Config{}))
		add(timex.New(timex.Config{}))
		add(quote.New(quote.Config{}))
		chain = pipeline.New(stages...)
	})
	if chainErr != nil {
		t.Fatal(chainErr)
	}
	return chain
}

// describe prints a quote as "speaker | cue | content", with [anon] and
// [partial] marks.
func describe(d *doc.Document, q doc.Quote) string {
	sp := ""
	if q.SpeakerSpan != nil {
		sp = d.Slice(*q.SpeakerSpan)
	}
	s := fmt.Sprintf("%s | %s | %s", sp, d.Slice(q.Cue), d.Slice(q.Span))
	if q.Anonymous {
		s += " [anon]"
	}
	if q.Partial {
		s += " [partial]"
	}
	return s
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // described quotes, in text order
	}{
		{"said that", "The minister said that the border would reopen on Monday.",
			[]string{"The minister | said | that the border would reopen on Monday"}},
		{"quote then cue", "“We will not give up,” the governor said.",
			[]string{"the governor | said | We will not give up,"}},
		{"inverted cue", "“Talks are over,” said Ana Costa, a union leader.",
			[]string{"Ana Costa | said | Talks are over,"}},
		{"according to, anonymous", "The army withdrew from the town, according to a local official.",
			[]string{"a local official | according to | The army withdrew from the town [anon]"}},
		{"told addressee that", "A source told reporters that the deal was signed.",
			[]string{"A source | told | that the deal was signed [anon]"}},
		{"said in a statement that", "The company said in a statement that profits fell.",
			[]string{"The company | said | that profits fell"}},
		{"not content: about the saying", "“It is over,” he said in an interview.",
			[]string{"he | said | It is over,"}},
		{"colon and quotation in the next paragraph", "The mayor added:\n\n“We are ready.”",
			[]string{"The mayor | added | We are ready."}},
		{"interrupted quotation is one", "“We are ready,” she said. “The city is safe.”",
			[]string{"she | said | We are ready,” she said. “The city is safe."}},
		{"partial quote inside a claim", "He has contended that the agency will “run” the port.",
			[]string{"He | contended | that the agency will “run” the port", "He | contended | run [partial]"}},
		{"headline attribution", "Poll: Voters turn against the plan\n\nMore text follows here.",
			[]string{"Poll | : | Voters turn against the plan"}},
		{"a tally after a name is no statement", "Trump: 1,769.\n\nCruz: 1,501.", nil},
		{"scare quote alone is no statement", "The so-called “reform” passed.", nil},
		{"no cue, no quote", "Rebels seized the town on Friday.", nil},
		{"claim noun", "Officials rejected the minister's claim that the dam was safe.",
			[]string{"Officials | rejected | the minister's claim that the dam was safe [anon]", "minister | claim | that the dam was safe"}},
		{"relative clause after a saying noun", "He issued a statement that angered the unions.", nil},
		{"party and state in brackets", "Rep. Stephen Lynch (D-Mass.) said the law does not require witnesses to appear.",
			[]string{"Rep. Stephen Lynch | said | the law does not require witnesses to appear"}},
		{"a show's name in quotation marks is no statement", "“We are ready,” Pence said. On “Face the Nation,” Sen. Bernie Sanders said voters were tired.",
			[]string{"Pence | said | We are ready,", "Sen. Bernie Sanders | said | voters were tired"}},
		{"poll findings", "A new poll showed Clinton leading Trump by four points.",
			[]string{"A new poll | showed | Clinton leading Trump by four points"}},
		{"source in an opening phrase", "In a CNN poll released Monday, Clinton leads Trump by four points.",
			[]string{"a CNN poll | In | Clinton leads Trump by four points"}},
		{"opening phrase with a saying inside", "In a statement, the ministry said the talks had failed.",
			[]string{"the ministry | said | the talks had failed"}},
		{"asked, with no asker", "Asked on Monday whether he would run again, the senator smiled.",
			[]string{" | Asked | whether he would run again"}},
		{"plural speaker the tagger may take for a verb", "Clinton aides said details of the plan will be released soon.",
			[]string{"Clinton aides | said | details of the plan will be released soon"}},
		{"name that is also a verb opens the sentence", "Cook said Carter stopped the practice.",
			[]string{"Cook | said | Carter stopped the practice"}},
		{"name that is also a verb, with an apposition", "Grant Young, a Republican strategist, said there are advantages.",
			[]string{"Grant Young, a Republican strategist | said | there are advantages"}},
		{"participle going on from a saying", "“It is over,” the former president said, referring to the war.",
			[]string{"the former president | said | It is over,", "the former president | referring | to the war"}},
		{"belief with a clause and no that", "Bivens hopes Clinton will win the state.",
			[]string{"Bivens | hopes | Clinton will win the state"}},
		{"belief with no clause is no statement", "Bivens hopes for rain.", nil},
		{"preference", "Most voters prefer a candidate with experience in politics.",
			[]string{"Most voters | prefer | a candidate with experience in politics"}},
		{"no adjective before a determiner in the speaker", "Officials made clear the United States expects concrete action.",
			[]string{"the United States | expects | concrete action"}},
		{"told, then a clause with no that", "Gates told AP he was working with Manafort.",
			[]string{"Gates | told | he was working with Manafort"}},
		{"told, then an infinitive", "The judge told the lawyers not to worry.",
			[]string{"The judge | told | not to worry"}},
		{"reported figures", "German police reported 906 attacks against asylum seekers.",
			[]string{"German police | reported | 906 attacks against asylum seekers"}},
		{"passive cue names no speaker", "The deal is expected to close next month.",
			[]string{" | expected | to close next month"}},
		{"content stops before the next attribution", "The ministry said the strikes hit military targets, adding that no civilians were hurt.",
			[]string{"The ministry | said | the strikes hit military targets", "The ministry | adding | that no civilians were hurt"}},
		{"content stops before according to", "Officials said the talks had collapsed, according to state media.",
			[]string{"state media | according to | Officials said the talks had collapsed", "Officials | said | the talks had collapsed [anon]"}},
		{"the particle of the cue is not content", "“This is a disgrace,” Senator Jane Doe wrote on X, calling for an inquiry.",
			[]string{"Jane Doe | wrote | This is a disgrace,", "Jane Doe | calling for | an inquiry"}},
		{"said as much", "The campaign manager said as much in an interview on Thursday.",
			[]string{"The campaign manager | said | as much"}},
		{"said so", "The minister said so on Twitter.",
			[]string{"The minister | said | so"}},
		{"so far is no pro-form", "The minister said so far nothing had changed.",
			[]string{"The minister | said | so far nothing had changed"}},
	}
	c := newChain(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ingest.New(tt.text, ingest.Meta{Published: "2026-01-16"})
			if err := c.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range d.Quotes {
				got = append(got, describe(d, q))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func ExampleExtractor_Process() {
	x, _ := quote.New(quote.Config{})
	seg, _ := segment.New(segment.Config{})
	tagger, _ := tag.New(tag.Config{})
	d := ingest.New("“We are ready,” she said.", ingest.Meta{})
	pipeline.New(seg, tagger, x).Process(context.Background(), d)
	for _, q := range d.Quotes {
		fmt.Printf("%q direct=%v\n", d.Slice(q.Span), q.Direct)
	}
	// Output: "We are ready," direct=true
}
