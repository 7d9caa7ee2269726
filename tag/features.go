package tag

import (
	"strings"
	"unicode/utf8"

	"sitrep/internal/perceptron"
)

// maxFeat bounds the bytes of a token read for its features, so a 10k-byte
// token costs no more than a short one.
const maxFeat = 64

// lowerHash hashes the ASCII-lowercased bytes of s (at most maxFeat), with
// digits folded to '0'.
func lowerHash(h uint64, s string) uint64 {
	if len(s) > maxFeat {
		s = s[:maxFeat]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return perceptron.Mix(h, 0xff)
}

// rawHash hashes the bytes of s (at most maxFeat), ASCII-lowercased when
// lower is set.
func rawHash(h uint64, s string, lower bool) uint64 {
	if len(s) > maxFeat {
		s = s[:maxFeat]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lower && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return perceptron.Mix(h, 0xfe)
}

// shapeHash hashes the collapsed shape of s: X for upper case, x for lower
// case, d for digits, u for other non-ASCII runes, punctuation as itself,
// runs of the same class written once (except that a run of two or more is
// marked once more). With lower set, upper-case letters count as lower case.
func shapeHash(h uint64, s string, lower bool) uint64 {
	if len(s) > maxFeat {
		s = s[:maxFeat]
	}
	var last byte
	run := 0
	for i := 0; i < len(s); {
		c := s[i]
		w := 1
		switch {
		case 'A' <= c && c <= 'Z' && !lower:
			c = 'X'
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			c = 'x'
		case '0' <= c && c <= '9':
			c = 'd'
		case c >= 0x80:
			_, w = utf8.DecodeRuneInString(s[i:])
			c = 'u'
		}
		i += w
		if c == last {
			run++
			if run == 1 {
				h = perceptron.Mix(h, '+')
			}
			continue
		}
		last, run = c, 0
		h = perceptron.Mix(h, uint64(c))
	}
	return h
}

// clusterCode encodes a cluster path of four levels of at most eight
// branches ("3.0.7.5") as 1<<12 | 3<<9 | 0<<6 | 7<<3 | 5, so that shifting
// it right by 3 or 6 gives its prefixes, still non-zero. It returns 0 for
// a path it cannot read.
func clusterCode(path string) uint64 {
	var c uint64
	n := 0
	for i := 0; i < len(path); i++ {
		switch ch := path[i]; {
		case ch == '.':
		case '0' <= ch && ch <= '7' && n < 4:
			c = c<<3 | uint64(ch-'0')
			n++
		default:
			return 0
		}
	}
	if n != 4 {
		return 0
	}
	return 1<<12 | c
}

// Token flags.
const (
	fUpper   = 1 << iota // first byte upper case
	fAllCaps             // every letter upper case, at least two letters
	fDigit               // has a digit
	fHyphen              // has a hyphen
	fAlpha               // has a letter
	fLower               // has a lower-case letter
)

func flagsOf(s string) uint64 {
	if len(s) > maxFeat {
		s = s[:maxFeat]
	}
	var f uint64
	upper, lower := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			upper++
			f |= fAlpha
			if i == 0 {
				f |= fUpper
			}
		case 'a' <= c && c <= 'z':
			lower++
			f |= fAlpha | fLower
		case '0' <= c && c <= '9':
			f |= fDigit
		case c == '-':
			f |= fHyphen
		}
	}
	if upper >= 2 && lower == 0 {
		f |= fAllCaps
	}
	return f
}

// tokInfo holds the hashed pieces of one token that feature templates use.
type tokInfo struct {
	raw, low, shape uint64
	suf             [5]uint64
	pre             [3]uint64
	flags           uint64
	amb, top        uint64 // ambiguity class and most frequent class in the lexicon
	cl              uint64 // cluster code (clusterCode), 0 for none
	wn              uint64 // WordNet's parts of speech for the form (wordnet.Mask)
}

// Feature template ids.
const (
	tBias = iota + 1
	tW0
	tRaw0
	tWm1
	tWp1
	tWm2
	tWp2
	tSuf
	tPre
	tShape0
	tShapeM1
	tShapeP1
	tT1
	tT12
	tT1W0
	tWm1W0
	tW0Wp1
	tSufP1
	tSufM1
	tFlags
	tFirstFlags
	tT1Shape
	tT1Suf3
	tT2W0
	tShapeP1P2
	tLowRaw
	tCaps
	tLen
	tAmb
	tKind = 70
	tCl   = 80 // ids 50-79 are taken by the "+50" templates
	tWN   = 90
	tPad  = 100
)

var padInfo = [4]tokInfo{
	{raw: 11, low: 11, shape: 11, suf: [5]uint64{11, 11, 11, 11, 11}, flags: 1 << 20, amb: 11, top: 11, cl: 11},
	{raw: 12, low: 12, shape: 12, suf: [5]uint64{12, 12, 12, 12, 12}, flags: 1 << 21, amb: 12, top: 12, cl: 12},
	{raw: 13, low: 13, shape: 13, suf: [5]uint64{13, 13, 13, 13, 13}, flags: 1 << 22, amb: 13, top: 13, cl: 13},
	{raw: 14, low: 14, shape: 14, suf: [5]uint64{14, 14, 14, 14, 14}, flags: 1 << 23, amb: 14, top: 14, cl: 14},
}

// Lexicon thresholds, in thousandths of a word's occurrences: classes at or
// above ambKeep form its ambiguity class; the lexicon stores classes at or
// above lexKeep.
const (
	ambKeep = 100
	lexKeep = 50
	lexMin  = 1 // occurrences a word needs to be in the lexicon
)

// A lexicon weight packs a class's share of the word's occurrences, in
// thousandths, in its low 10 bits, and the bit length of the word's count
// (at most 31) above them.
func lexWeight(permille, count int) int {
	b := 0
	for count > 0 && b < 31 {
		b++
		count >>= 1
	}
	return permille | b<<10
}

// Words seen at least 1<<(fixedBits-1) times in training with the same
// class at least fixedPermille thousandths of the time get that class
// without scoring (37% of EWT dev words; as accurate as scoring them).
const (
	fixedBits     = 5
	fixedPermille = 990
)

// unknownAmb is the ambiguity class of a word missing from the lexicon.
const unknownAmb = 0x5151

// ambOf computes the ambiguity class and top class from (class, permille)
// pairs, given in class order.
func ambOf(classes []int, permille []int) (amb, top uint64) {
	amb = 0x7777
	best, bestP := -1, -1
	for i, c := range classes {
		p := permille[i]
		if p >= ambKeep {
			amb = perceptron.Mix(amb, uint64(c)+1)
		}
		if p > bestP {
			best, bestP = c, p
		}
	}
	if best < 0 {
		return unknownAmb, unknownAmb
	}
	return amb, uint64(best) + 1
}

// sentInfo fills infos for words, except the lexicon, cluster and WordNet
// fields. In caps mode (a headline in capitals) raw and shape features are
// computed from the lowered word.
func sentInfo(words []string, infos []tokInfo, caps bool) {
	for i, w := range words {
		ti := &infos[i]
		ti.low = lowerHash(perceptron.Seed(1), w)
		ti.flags = flagsOf(w)
		if caps && ti.flags&fAllCaps != 0 {
			ti.raw = rawHash(perceptron.Seed(3), w, true)
			ti.shape = shapeHash(perceptron.Seed(2), w, true)
			ti.flags &^= fAllCaps | fUpper
			ti.flags |= fLower
		} else {
			ti.raw = rawHash(perceptron.Seed(3), w, false)
			ti.shape = shapeHash(perceptron.Seed(2), w, false)
		}
		n := len(w)
		for k := 1; k <= 5; k++ {
			if k > n {
				ti.suf[k-1] = perceptron.Mix(ti.low, uint64(k))
				continue
			}
			ti.suf[k-1] = lowerHash(perceptron.Seed(uint64(10+k)), w[n-k:])
		}
		for k := 1; k <= 3; k++ {
			if k > n {
				ti.pre[k-1] = perceptron.Mix(ti.low, uint64(k+8))
				continue
			}
			ti.pre[k-1] = lowerHash(perceptron.Seed(uint64(20+k)), w[:k])
		}
	}
}

// Kinds of word whose form tells their tag (see kindOf and kindClasses).
const (
	kURL = iota + 1
	kEmail
	kFile
	kDomain
	nKinds
)

// kindClasses are the tag classes of the kinds of word. In EWT and GUM
// train, URLs are PROPN 141 times out of 141 (XPOS ADD 132 times, NNP in
// GUM), e-mail addresses PROPN 104 out of 104 (ADD 99) and domain names
// PROPN 20 out of 22 (ADD 11, NNP 9); file names are NN 62 times out of 62
// (UPOS NOUN 44 times, X 17 times for pieces such as "-FINAL.doc"), never
// PROPN, which the tagger says for a capitalised one ("CrudeStocks.pdf").
var kindClasses = [nKinds]string{
	kURL:    "ADD\tPROPN",
	kEmail:  "ADD\tPROPN",
	kFile:   "NN\tNOUN",
	kDomain: "ADD\tPROPN",
}

// fileExtensions are the endings of document, image and archive file
// names ("report.pdf").
var fileExtensions = []string{
	"csv", "doc", "docx", "exe", "gif", "htm", "html", "jpeg", "jpg", "mp3", "mp4", "mov",
	"pdf", "png", "ppt", "pptx", "rtf", "tif", "tiff", "txt", "wav", "wpd", "xls", "xlsx", "xml", "zip",
}

// domainEnds are the top-level domains a bare domain name ("enron.com")
// is recognised by.
var domainEnds = []string{"com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "uk", "ca", "au", "de", "fr", "in"}

// kindOf tells a URL, an e-mail address, a file name and a domain name
// apart from other words, by form: kURL, kEmail, kFile, kDomain, or 0.
func kindOf(w string) uint64 {
	dot := strings.LastIndexByte(w, '.')
	if len(w) < 5 || dot < 1 || dot == len(w)-1 {
		return 0
	}
	if strings.Contains(w, "://") || hasPrefixFold(w, "www.") {
		return kURL
	}
	if at := strings.IndexByte(w, '@'); at > 0 && at < dot {
		return kEmail
	}
	ext := w[dot+1:]
	for _, e := range fileExtensions {
		if strings.EqualFold(ext, e) {
			return kFile
		}
	}
	for _, e := range domainEnds {
		if strings.EqualFold(ext, e) && strings.IndexFunc(w[:dot], notDomainRune) < 0 {
			return kDomain
		}
	}
	return 0
}

// notDomainRune reports whether r cannot be part of a domain name.
func notDomainRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.')
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isCapsSentence reports whether words look like an all-capitals headline:
// at least three words with letters, and more than 60% of them all caps.
func isCapsSentence(words []string) bool {
	alpha, caps := 0, 0
	for _, w := range words {
		f := flagsOf(w)
		if f&fAlpha == 0 {
			continue
		}
		alpha++
		if f&fAllCaps != 0 || (f&fLower == 0 && len(w) == 1) {
			caps++
		}
	}
	return alpha >= 3 && caps*10 > alpha*6
}

func info(infos []tokInfo, i int) *tokInfo {
	switch {
	case i < -1:
		return &padInfo[0]
	case i < 0:
		return &padInfo[1]
	case i >= len(infos)+1:
		return &padInfo[3]
	case i >= len(infos):
		return &padInfo[2]
	}
	return &infos[i]
}

func f1(t, a uint64) uint64 {
	return perceptron.Mix(perceptron.Mix(uint64(t)*0x9e3779b97f4a7c15, a), t)
}
func f2(t, a, b uint64) uint64 { return perceptron.Mix(f1(t, a), b) }

// tagFeatures appends the features of word i, given the two previous
// predicted classes p1 and p2 (-1 and -2 before the sentence), to out.
func tagFeatures(infos []tokInfo, i int, p1, p2 int, out []uint64) []uint64 {
	w0 := &infos[i]
	wm1, wm2 := info(infos, i-1), info(infos, i-2)
	wp1, wp2 := info(infos, i+1), info(infos, i+2)
	t1, t2 := uint64(p1+tPad), uint64(p2+tPad)
	out = append(out,
		f1(tBias, 0),
		f1(tW0, w0.low),
		f1(tRaw0, w0.raw),
		f1(tWm1, wm1.low),
		f1(tWp1, wp1.low),
		f1(tWm2, wm2.low),
		f1(tWp2, wp2.low),
		f1(tShape0, w0.shape),
		f1(tShapeM1, wm1.shape),
		f1(tShapeP1, wp1.shape),
		f1(tT1, t1),
		f2(tT12, t1, t2),
		f2(tT1W0, t1, w0.low),
		f2(tWm1W0, wm1.low, w0.low),
		f2(tW0Wp1, w0.low, wp1.low),
		f1(tSufP1, wp1.suf[2]),
		f1(tSufM1, wm1.suf[2]),
		f1(tFlags, w0.flags),
		f2(tT1Shape, t1, w0.shape),
		f2(tT1Suf3, t1, w0.suf[2]),
		f2(tT2W0, t2, w0.low),
		f2(tShapeP1P2, wp1.shape, wp2.shape),
		f2(tLen, uint64(min(len(infos), 4)), w0.flags),
		f2(tCaps, wm1.flags<<32|w0.flags, wp1.flags),
		f1(tLowRaw, wm1.raw),
		f1(tLowRaw+50, wp1.raw),
		f2(tT1W0+50, t1, wp1.low),
		f2(tW0Wp1+50, w0.low, wp2.low),
		f2(tWm1W0+50, wm2.low, wm1.low),
		f2(tSufP1+50, w0.suf[2], wp1.suf[1]),
		f2(tT1+50, t1, w0.raw),
		f2(tPre+50, wm1.flags, w0.raw),
	)
	out = append(out,
		f1(tAmb, w0.amb),
		f1(tAmb+1, wp1.amb),
		f1(tAmb+2, wp2.amb),
		f1(tAmb+3, wm1.amb),
		f2(tAmb+4, t1, w0.amb),
		f2(tAmb+5, w0.amb, wp1.amb),
		f2(tAmb+6, w0.low, wp1.amb),
		f2(tAmb+7, t1, wp1.top),
		f2(tAmb+8, wp1.top, wp2.top),
		f2(tAmb+9, w0.shape, w0.amb),
	)
	out = append(out,
		f1(tCl, w0.cl),
		f1(tCl+1, w0.cl>>3),
		f1(tCl+2, w0.cl>>6),
		f1(tCl+3, wp1.cl),
		f1(tCl+4, wm1.cl),
		f2(tCl+5, t1, w0.cl>>3),
	)
	out = append(out,
		f1(tWN, w0.wn),
		f1(tWN+3, wp1.wn),
		f1(tWN+4, wm1.wn),
	)
	if i == 0 {
		out = append(out, f2(tFirstFlags, w0.flags, w0.low))
	}
	for k := range w0.suf {
		out = append(out, f2(tSuf, uint64(k), w0.suf[k]))
	}
	for k := range w0.pre {
		out = append(out, f2(tPre, uint64(k), w0.pre[k]))
	}
	return out
}
