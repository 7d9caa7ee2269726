package segment

// The word lists below are general knowledge of English orthography,
// written by hand.

// Kinds of abbreviation.
const (
	abbrAlways       = iota // "Dr.", "Inc.", "etc."
	abbrBeforeNumber        // "No. 5"
	abbrCapitalized         // "Gen.", "Jan.", "Calif." only when capitalized
)

const maxAbbrLen = 8

// abbreviations maps lowercased words (without the final period) that
// usually take an abbreviation period to their kind.
var abbreviations = map[string]int{
	// Titles and ranks.
	"mr": abbrAlways, "mrs": abbrAlways, "ms": abbrAlways, "messrs": abbrAlways, "dr": abbrAlways,
	"prof": abbrAlways, "gen": abbrCapitalized, "sen": abbrCapitalized, "sens": abbrCapitalized,
	"rep": abbrCapitalized, "reps": abbrCapitalized, "gov": abbrCapitalized, "govs": abbrCapitalized,
	"lt": abbrAlways, "col": abbrCapitalized, "capt": abbrAlways, "cmdr": abbrAlways, "sgt": abbrAlways,
	"cpl": abbrAlways, "pvt": abbrAlways, "adm": abbrCapitalized, "maj": abbrCapitalized,
	"brig": abbrCapitalized, "rev": abbrCapitalized, "fr": abbrCapitalized, "hon": abbrCapitalized,
	"pres": abbrCapitalized, "supt": abbrAlways, "insp": abbrAlways, "det": abbrCapitalized,
	"atty": abbrAlways, "amb": abbrCapitalized, "cmdt": abbrAlways, "gens": abbrCapitalized,
	"st": abbrCapitalized, "ste": abbrCapitalized, "mt": abbrCapitalized, "ft": abbrCapitalized,
	"jr": abbrAlways, "sr": abbrAlways, "esq": abbrAlways, "phd": abbrCapitalized,
	// Companies.
	"inc": abbrAlways, "corp": abbrAlways, "co": abbrCapitalized, "ltd": abbrAlways,
	"llc": abbrAlways, "plc": abbrAlways, "bros": abbrAlways, "assn": abbrAlways, "dept": abbrAlways,
	"univ": abbrAlways, "intl": abbrAlways, "natl": abbrAlways, "govt": abbrAlways, "cos": abbrCapitalized,
	// Months and days.
	"jan": abbrCapitalized, "feb": abbrCapitalized, "mar": abbrCapitalized, "apr": abbrCapitalized,
	"jun": abbrCapitalized, "jul": abbrCapitalized, "aug": abbrCapitalized, "sep": abbrCapitalized,
	"sept": abbrCapitalized, "oct": abbrCapitalized, "nov": abbrCapitalized, "dec": abbrCapitalized,
	"mon": abbrCapitalized, "tue": abbrCapitalized, "tues": abbrCapitalized, "wed": abbrCapitalized,
	"thu": abbrCapitalized, "thur": abbrCapitalized, "thurs": abbrCapitalized, "fri": abbrCapitalized,
	"sat": abbrCapitalized, "sun": abbrCapitalized,
	// Places.
	"ave": abbrAlways, "blvd": abbrAlways, "rd": abbrCapitalized, "hwy": abbrAlways,
	"ala": abbrCapitalized, "ariz": abbrCapitalized, "ark": abbrCapitalized, "calif": abbrCapitalized,
	"colo": abbrCapitalized, "conn": abbrCapitalized, "fla": abbrCapitalized, "ga": abbrCapitalized,
	"kan": abbrCapitalized, "kans": abbrCapitalized, "ky": abbrCapitalized, "md": abbrCapitalized,
	"mich": abbrCapitalized, "minn": abbrCapitalized, "mont": abbrCapitalized, "neb": abbrCapitalized,
	"nev": abbrCapitalized, "okla": abbrCapitalized, "ore": abbrCapitalized, "tenn": abbrCapitalized,
	"tex": abbrCapitalized, "va": abbrCapitalized, "vt": abbrCapitalized, "wis": abbrCapitalized,
	"wyo": abbrCapitalized, "penn": abbrCapitalized, "mass": abbrCapitalized, "wash": abbrCapitalized,
	"del": abbrCapitalized, "ill": abbrCapitalized, "ind": abbrCapitalized, "la": abbrCapitalized,
	"miss": abbrCapitalized, "mo": abbrCapitalized, "pa": abbrCapitalized,
	// Other.
	"vs": abbrAlways, "etc": abbrAlways, "approx": abbrAlways, "est": abbrCapitalized, "fig": abbrAlways,
	"figs": abbrAlways, "no": abbrBeforeNumber, "nos": abbrBeforeNumber, "vol": abbrAlways,
	"vols": abbrAlways, "al": abbrAlways, "cf": abbrAlways, "viz": abbrAlways, "ca": abbrBeforeNumber,
	"pp": abbrBeforeNumber, "pg": abbrBeforeNumber, "art": abbrBeforeNumber, "ch": abbrBeforeNumber,
	"sec": abbrBeforeNumber, "op": abbrBeforeNumber, "ed": abbrCapitalized, "eds": abbrAlways,
	"min": abbrBeforeNumber, "max": abbrBeforeNumber, "tel": abbrAlways, "ext": abbrBeforeNumber,
	"e.g": abbrAlways, "i.e": abbrAlways, "incl": abbrAlways, "misc": abbrAlways, "jnr": abbrAlways,
	"snr": abbrAlways, "c": abbrBeforeNumber, "cal": abbrCapitalized, "drs": abbrAlways,
	"sts": abbrCapitalized, "ps": abbrCapitalized, "nr": abbrBeforeNumber, "ref": abbrBeforeNumber, "attn": abbrAlways, "mssrs": abbrAlways, "mme": abbrAlways, "mlle": abbrAlways, "dist": abbrCapitalized,
}

// abbreviationKeys holds a bit for the first and last letters and the
// length of every abbreviation (as contractionKey packs them), a quick
// test before the map lookup.
var abbreviationKeys = func() (set [1 << 15 / 64]uint64) {
	for w := range abbreviations {
		k := contractionKey(w)
		set[k/64] |= 1 << (k % 64)
	}
	return set
}()

// maybeAbbreviation reports whether w (at most maxAbbrLen bytes) could be
// one of the abbreviations.
func maybeAbbreviation(w string) bool {
	k := contractionKey(w)
	return abbreviationKeys[k/64]&(1<<(k%64)) != 0
}

// titles lists the abbreviations of titles and ranks, which precede a
// name and so never end a sentence before a capitalized word.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "messrs": true, "dr": true, "drs": true, "prof": true,
	"gen": true, "gens": true, "sen": true, "sens": true, "rep": true, "reps": true, "gov": true,
	"govs": true, "lt": true, "col": true, "capt": true, "cmdr": true, "sgt": true, "cpl": true,
	"pvt": true, "adm": true, "maj": true, "brig": true, "rev": true, "fr": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "det": true, "atty": true, "amb": true, "st": true,
	"mt": true, "mme": true, "mlle": true,
}

const maxPrefixLen = 7

// prefixes lists bound prefixes after which UD EWT and GUM keep a hyphen
// inside the word ("non-profit", "e-mail", "anti-war").
var prefixes = map[string]bool{
	"non": true, "e": true, "re": true, "anti": true, "mid": true, "co": true, "pro": true,
	"pre": true, "post": true, "multi": true, "ex": true, "counter": true, "semi": true,
	"sub": true, "mini": true, "socio": true, "psycho": true, "inter": true, "intra": true,
	"super": true, "ultra": true, "cross": true, "neo": true, "pseudo": true, "micro": true,
	"macro": true, "bi": true, "tri": true, "un": true, "de": true, "extra": true, "over": true,
	"mis": true,
}

const maxContractionLen = 9

// contractions maps lowercased words that UD splits without an apostrophe
// to the length of their first part: "gonna" = "gon" + "na"; a value of
// 16 or more holds two cuts, k&15 and k>>4 ("dunno" = "du" + "n" + "no").
var contractions = map[string]int{
	"gonna": 3, "wanna": 3, "gotta": 3, "cannot": 3, "gimme": 3, "lemme": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3, "werent": 4,
	"couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3, "hadnt": 3,
	"aint": 2, "alot": 1, "outta": 3, "cant": 2, "thats": 4, "ive": 1, "im": 1, "whats": 4, "youre": 3,
	"dunno": 2 | 3<<4, "wont": 2, "hes": 2, "theres": 5, "elses": 4, "arnt": 2, "youll": 3, "theyre": 4,
}

// contractionKeys holds a bit for the first and last letters and the
// length of every contraction and of the words bareClitic splits, a quick
// test before the exact one.
var contractionKeys = func() (set [1 << 15 / 64]uint64) {
	for w := range contractions {
		k := contractionKey(w)
		set[k/64] |= 1 << (k % 64)
	}
	for _, w := range []string{"its", "your", "lets", "ill", "id"} {
		k := contractionKey(w)
		set[k/64] |= 1 << (k % 64)
	}
	return set
}()

// contractionKey packs the first and last letters of w (five bits each,
// case folded) and its length (below 32).
func contractionKey(w string) uint16 {
	return uint16(w[0]&0x1f)<<10 | uint16(w[len(w)-1]&0x1f)<<5 | uint16(len(w)&0x1f)
}

// maybeContraction reports whether w could be one of the contractions.
func maybeContraction(w string) bool {
	k := contractionKey(w)
	return contractionKeys[k/64]&(1<<(k%64)) != 0
}

const maxUnitLen = 4

// units lists unit words that UD splits off a preceding number ("5 pm",
// "650 k", "5.2 bn").
var units = map[string]bool{
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "km": true, "kg": true, "mm": true,
	"cm": true, "mph": true, "kph": true, "lbs": true, "lb": true, "ft": true, "mi": true,
	"ml": true, "gb": true, "mb": true, "kb": true, "tb": true, "ghz": true, "mhz": true,
	"hrs": true, "hr": true, "mins": true, "min": true, "sec": true, "secs": true, "yrs": true,
	"kw": true, "mw": true, "oz": true, "k": true, "m": true, "bn": true, "mn": true, "tn": true,
}

// afterCopula lists words that can follow "it is" or "you are" but never
// a possessive determiner: determiners, pronouns, negation, adverbs,
// prepositions and auxiliaries. "its" or "your" before one of them is the
// contraction written without an apostrophe ("its not", "your in"), which
// UD splits as "it s" and "you r". "very" is left out: "its very
// existence".
var afterCopula = map[string]bool{
	"not": true, "a": true, "an": true, "the": true, "this": true, "that": true, "my": true,
	"your": true, "his": true, "her": true, "their": true, "our": true, "no": true,
	"really": true, "so": true, "just": true, "still": true, "also": true,
	"all": true, "like": true, "been": true, "being": true, "getting": true, "going": true,
	"gonna": true, "got": true, "nothing": true, "something": true, "always": true, "never": true,
	"too": true, "about": true, "in": true, "on": true, "at": true, "for": true, "from": true,
	"with": true, "between": true, "over": true, "now": true, "definitely": true, "simply": true,
	"probably": true, "prolly": true, "actually": true, "totally": true, "almost": true,
	"quite": true, "such": true, "because": true, "what": true, "how": true, "when": true,
	"where": true, "ok": true, "okay": true, "looking": true,
}

// afterSubject lists verbs and adverbs that follow "I'll" or "I'd" but
// not the words "ill" or "id", so that "ill be" and "id just" are the
// contractions written without an apostrophe ("i ll", "i d").
var afterSubject = map[string]bool{
	"be": true, "have": true, "never": true, "just": true, "probably": true, "really": true,
	"rather": true, "love": true, "go": true, "get": true, "say": true, "need": true,
	"try": true, "definitely": true, "always": true, "still": true, "also": true,
}

// letsObjects lists words that follow the verb "lets" ("it lets you"),
// so that "lets" before them is not "let's".
var letsObjects = map[string]bool{
	"me": true, "you": true, "him": true, "her": true, "it": true, "us": true, "them": true,
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"my": true, "your": true, "his": true, "its": true, "our": true, "their": true,
	"people": true, "users": true, "everyone": true, "anyone": true, "someone": true, "one": true,
}

// beforeLets lists the words before a sentence-initial "lets" that mark
// it as "let's" ("but lets see").
var beforeLets = map[string]bool{
	",": true, ";": true, "but": true, "so": true, "and": true, "ok": true, "okay": true,
	"now": true, "then": true, "please": true, "well": true, "\"": true, "(": true,
}
