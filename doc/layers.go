package doc

// Sentence is one sentence: its span in the text and the half-open range
// [FirstToken, EndToken) of its tokens in Document.Tokens.
type Sentence struct {
	Span
	FirstToken int
	EndToken   int
}

// Token is one word or punctuation mark. Its text is Document.Slice(Span);
// contractions and possessives are split as in Universal Dependencies, so
// "don't" is "do" + "n't". The syntax fields are empty until a tagger and a
// parser have run.
type Token struct {
	Span
	Lemma  string
	UPOS   string // Universal POS tag
	XPOS   string // Penn Treebank tag
	Head   int    // index in Document.Tokens of the syntactic head; -1 for the root or when unparsed
	Deprel string // Universal Dependencies relation to Head
}

// Entity types, as listed in the extract contract.
const (
	Person  = "PERSON"
	Org     = "ORG"
	GPE     = "GPE"
	Loc     = "LOC"
	Fac     = "FAC"
	NORP    = "NORP"
	EventT  = "EVENT"
	Work    = "WORK"
	Product = "PRODUCT"
	Law     = "LAW"
	Misc    = "MISC"
)

// Entity is one person, group, organisation, place or other named thing,
// with every mention of it in the document.
type Entity struct {
	ID       string // unique within the document, e.g. "e3"
	Type     string // one of the entity type constants
	Name     string // canonical name
	Mentions []Mention
	Actor    *Actor // coded actor, when known
	Place    *Place // resolved place, when the entity is a place
}

// Mention kinds.
const (
	MentionName    = "name"
	MentionNominal = "nominal"
	MentionPronoun = "pronoun"
)

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Span
	Kind string // MentionName, MentionNominal or MentionPronoun
}

// Actor is an entity coded the way event data codes actors: a country
// (ISO 3166-1 alpha-3), a CAMEO-style sector and their composed code, such
// as "USA" + "GOV" = "USAGOV". Empty fields mean unknown.
type Actor struct {
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Code    string `json:"code"`
}

// Place is a toponym resolved to a gazetteer entry.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"` // ISO 3166-1 alpha-3
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Feature string  `json:"feature"` // gazetteer feature class, e.g. "PPLC"
	ID      string  `json:"id"`      // gazetteer id, e.g. "geonames:3646738"
}

// Time is a TIMEX3 time expression with its normalised value.
type Time struct {
	Span
	Type  string // DATE, TIME, DURATION or SET
	Value string // TimeML value, e.g. "2026-01-15", "P2D", "PRESENT_REF"
}

// Quote is a direct or reported statement: its content, the cue that
// introduces it, and who speaks.
type Quote struct {
	Span                // the quoted or reported content
	Cue          Span   // "said", "according to", ...
	Speaker      string // entity id of the speaker, or "" when unknown or anonymous
	SpeakerSpan  *Span  // the mention naming the speaker here, when there is one
	SpeakerActor *Actor // the speaker's affiliation as the text states it ("a U.S. official": USA GOV)
	Anonymous    bool   // the source is not named ("a U.S. official")
	Direct       bool   // the content is inside quotation marks
	Partial      bool   // a fragment quoted inside a larger attributed statement (“run”)
	Via          *Span  // the outlet or medium the statement reached the text through ("told NewsNation", "on Truth Social")
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Event modalities.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Hypothetical = "hypothetical"
	Future       = "future"
	Historical   = "historical"
	Demanded     = "demanded"
)

// Event is one coded event: who did what to whom, when, where and according
// to whom, with the text that says so.
type Event struct {
	ID            string
	Plover        string   // PLOVER event type, e.g. "CONSULT"
	Mode          string   // PLOVER mode, e.g. "visit"
	Context       []string // PLOVER contexts
	CAMEO         string   // CAMEO event code, e.g. "042"
	QuadClass     int      // 1 verbal cooperation .. 4 material conflict
	Goldstein     float64  // Goldstein conflict–cooperation score
	Actors        []string // entity ids
	Recipients    []string // entity ids
	Date          string   // calendar date as precise as known: "2026-01-15", "2026-01", "2026"
	DatePrecision string   // day, week, month, year or "" when undated
	DateSource    string   // what the date came from: "clause", "sentence", "published"
	Location      *Location
	Modality      string // one of the modality constants
	AttributedTo  string // speaker entity id or anonymous-source description; "" in the outlet's own voice
	Evidence      Span   // the sentence
	Trigger       Span   // the word or phrase that triggered the event
	Rule          string // id of the pattern that produced it
	// Also lists the further passages of the document that report the same
	// event (same type, dyad and date), merged into this one.
	Also []EventMention
}

// EventMention is one passage reporting an event: the sentence, the
// trigger and the id of the pattern that matched.
type EventMention struct {
	Evidence Span
	Trigger  Span
	Rule     string
}
