package tag

import "strings"

// irregularVerbs lists English irregular verbs from general knowledge, one
// per line: the lemma, then its inflected forms. Forms shared by several
// lemmas (such as "lay" and "found") are given to the more frequent one.
const irregularVerbs = `
be am is are was were been being 's 'm 're s m re ai
have has had having 've 'd ve d
do does did done doing
go goes went gone going
say says said
make makes made
take takes took taken
come comes came
see sees saw seen
know knows knew known
get gets got gotten
give gives gave given
find finds found
think thinks thought
tell tells told
become becomes became
show shows showed shown
leave leaves left
feel feels felt
bring brings brought
begin begins began begun
keep keeps kept
hold holds held
write writes wrote written
stand stands stood
hear hears heard
mean means meant
meet meets met
run runs ran
pay pays paid
sit sits sat
speak speaks spoke spoken
lead leads led
grow grows grew grown
lose loses lost
fall falls fell fallen
send sends sent
build builds built
understand understands understood
draw draws drew drawn
break breaks broke broken
spend spends spent
rise rises rose risen
drive drives drove driven
buy buys bought
wear wears wore worn
choose chooses chose chosen
seek seeks sought
throw throws threw thrown
catch catches caught
deal deals dealt
win wins won
forget forgets forgot forgotten
sell sells sold
fight fights fought
teach teaches taught
eat eats ate eaten
sing sings sang sung
drink drinks drank drunk
fly flies flew flown
ride rides rode ridden
hide hides hid hidden
bite bites bit bitten
shoot shoots shot
steal steals stole stolen
sleep sleeps slept
swim swims swam swum
wake wakes woke woken
freeze freezes froze frozen
forgive forgives forgave forgiven
shake shakes shook shaken
strike strikes struck stricken
swear swears swore sworn
tear tears tore torn
bear bears bore borne
beat beats beaten
bend bends bent
bind binds bound
bleed bleeds bled
blow blows blew blown
breed breeds bred
cling clings clung
creep creeps crept
dig digs dug
feed feeds fed
flee flees fled
forbid forbids forbade forbidden
hang hangs hung
hurt hurts
kneel kneels knelt
lay lays laid
lend lends lent
light lights lit
lie lies lay lain
mislead misleads misled
overcome overcomes overcame
overtake overtakes overtook overtaken
shine shines shone
shrink shrinks shrank shrunk
slide slides slid
spin spins spun
spit spits spat
spring springs sprang sprung
stick sticks stuck
sting stings stung
strive strives strove striven
swing swings swung
undergo undergoes underwent undergone
undertake undertakes undertook undertaken
uphold upholds upheld
weave weaves wove woven
weep weeps wept
wind winds wound
withdraw withdraws withdrew withdrawn
withhold withholds withheld
arise arises arose arisen
awake awakes awoke awoken
sew sews sewn
tread treads trod trodden
smell smells smelt
spell spells spelt
dream dreams dreamt
learn learns learnt
leap leaps leapt
mow mows mown
foresee foresees foresaw foreseen
rebuild rebuilds rebuilt
retake retakes retook retaken
oversee oversees oversaw overseen
outdo outdoes outdid outdone
overthrow overthrows overthrew overthrown
mistake mistakes mistook mistaken
partake partakes partook partaken
sink sinks sank sunk
stink stinks stank stunk
ring rings rang rung
shrink shrinks shrank
slay slays slew slain
`

// irregularModals maps modal forms (XPOS MD) to their lemma.
const irregularModals = `
will 'll ll wo
would 'd d
can ca
shall sha
`

// irregularNouns lists irregular plurals: lemma, then plural forms.
const irregularNouns = `
man men
woman women
child children
foot feet
tooth teeth
goose geese
mouse mice
person persons
ox oxen
louse lice
die dice
criterion criteria
phenomenon phenomena
analysis analyses
crisis crises
thesis theses
hypothesis hypotheses
basis bases
diagnosis diagnoses
medium media
datum data
index indices
appendix appendices
cactus cacti
fungus fungi
nucleus nuclei
radius radii
stimulus stimuli
alumnus alumni
curriculum curricula
bacterium bacteria
leaf leaves
life lives
wife wives
knife knives
wolf wolves
half halves
shelf shelves
thief thieves
calf calves
loaf loaves
self selves
`

// irregularPronouns maps object and other case forms of pronouns and
// determiners to their lemma (possessives keep their own form).
const irregularPronouns = `
I me
he him
she her
we us
they them 'em em
this these
that those
a an
`

// irregularAdjectives lists suppletive comparatives and superlatives.
const irregularAdjectives = `
good better best
bad worse worst
far farther farthest further furthest
`

// irregular is the built lookup: a key of word class byte + lowercased form
// gives the lemma. Word classes: 'V' verbs and auxiliaries, 'M' modals,
// 'N' nouns, 'P' pronouns and determiners, 'A' adjectives.
var irregular = buildIrregular()

func buildIrregular() map[string]string {
	m := map[string]string{}
	add := func(class byte, list string) {
		for _, line := range strings.Split(list, "\n") {
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			for _, form := range f[1:] {
				k := string(class) + strings.ToLower(form)
				if _, ok := m[k]; !ok {
					m[k] = f[0]
				}
			}
		}
	}
	add('M', irregularModals)
	add('V', irregularVerbs)
	add('N', irregularNouns)
	add('P', irregularPronouns)
	add('A', irregularAdjectives)
	return m
}

// irregularClass returns the irregular-list class of a token tagged
// upos/xpos, or 0 when the list does not apply.
func irregularClass(upos, xpos string) byte {
	switch {
	case xpos == "MD":
		return 'M'
	case upos == "VERB" || upos == "AUX":
		return 'V'
	case upos == "NOUN" && (xpos == "NNS" || xpos == "NNPS"):
		return 'N'
	case xpos == "PRP$":
		return 0
	case upos == "PRON" || upos == "DET":
		return 'P'
	case upos == "ADJ" && (xpos == "JJR" || xpos == "JJS"):
		return 'A'
	}
	return 0
}

// lookupIrregular returns the lemma of word from the irregular lists, or
// "" when it is not listed. It allocates nothing for words of up to 32 bytes.
func lookupIrregular(class byte, word string) string {
	if class == 0 || len(word) > 32 {
		return ""
	}
	var buf [33]byte
	buf[0] = class
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i+1] = c
	}
	if l, ok := irregular[string(buf[:len(word)+1])]; ok {
		return l
	}
	// Curly apostrophes as in "’s".
	if strings.HasPrefix(word, "\u2019") {
		return lookupIrregular(class, "'"+word[len("\u2019"):])
	}
	return ""
}

// dateAbbrevs maps the lowered abbreviations of month and weekday names to
// the names. Those that are also common words or names ("jan", "mar",
// "jun", "mon", "wed", "sun") count only with a full stop.
var dateAbbrevs = map[string]string{
	"jan.": "January", "feb": "February", "mar.": "March", "apr": "April",
	"jun.": "June", "jul": "July", "aug": "August", "sep": "September",
	"sept": "September", "oct": "October", "nov": "November", "dec": "December",
	"mon.": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed.": "Wednesday",
	"thu": "Thursday", "thur": "Thursday", "thurs": "Thursday", "fri": "Friday",
	"sat": "Saturday", "sun.": "Sunday",
}

// dateAbbrev returns the month or weekday name that the capitalised
// abbreviation w stands for ("Sept." -> "September"), or "".
func dateAbbrev(w string) string {
	if len(w) < 3 || len(w) > 6 || w[0] < 'A' || w[0] > 'Z' {
		return ""
	}
	low := strings.ToLower(w)
	if l, ok := dateAbbrevs[low]; ok {
		return l
	}
	if strings.HasSuffix(low, ".") {
		return dateAbbrevs[low[:len(low)-1]]
	}
	return ""
}
