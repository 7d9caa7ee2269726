package ner

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a constants.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// maxHashBytes bounds how much of a token is hashed, so huge tokens cost
// bounded time.
const maxHashBytes = 64

// hashStr folds the bytes of s (at most maxHashBytes) into h, then a
// separator.
func hashStr(h uint64, s string) uint64 {
	n := min(len(s), maxHashBytes)
	for i := 0; i < n; i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	h ^= 0xff
	h *= prime64
	return h
}

// mix folds v into h.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// Label set: O, then B, I, L, U for each of the four CoNLL types.
const (
	tPER = iota
	tORG
	tLOC
	tMISC
	nTypes
)

var typeNames = [nTypes]string{"PER", "ORG", "LOC", "MISC"}

const (
	posB = iota
	posI
	posL
	posU
)

const nLabels = 1 + 4*nTypes

func label(typ, pos int) int { return 1 + 4*typ + pos }
func labelType(l int) int    { return (l - 1) / 4 }
func labelPos(l int) int     { return (l - 1) % 4 }

// open reports whether label l leaves an entity open (B or I).
func open(l int) bool { return l > 0 && labelPos(l) <= posI }

// Token flags.
const (
	fCap        = 1 << iota // first letter upper case
	fAllCaps                // every letter upper case, at least one letter
	fHasLetter              // at least one letter
	fInitial                // first token of its sentence
	fCapsSent               // the sentence is (nearly) all in capitals
	fSeenLower              // its lowercase form occurs lowercased elsewhere in the document
	fSeenCapMid             // it occurs capitalised mid-sentence elsewhere in the document
	fFinal                  // last token of its sentence
	fGazFirst               // its lowercase form begins a gazetteer phrase
)

// tok is what the decoder precomputes for one token.
type tok struct {
	form   string
	w, lw  uint64 // hashes of the form and its lowercase
	shape  uint64
	pre    [4]uint64
	suf    [4]uint64
	cl     [clusterLevels]uint64
	gaz    uint32 // categories of gazetteer phrases the token starts, continues or ends
	gazPos [nGaz]uint8
	flags  uint32
	hist   uint64 // hash of the lowercase form, key of the prediction history
	lenB   uint64
	// aggA, aggB delimit the context-aggregation features of the token in
	// state.agg: the neighbours of its other occurrences in the document.
	aggA, aggB int32
	rkey       uint64 // role cache key (see staticScores)
	// runPos codes the token's position in its run of capitalised words
	// and the run's length (see markRuns); 0 outside runs.
	runPos uint8
}

// shapeOf returns the hash of the compressed word shape of s ("Xx", "XX.",
// "dd-dd") and its letter flags.
func shapeOf(s string) (uint64, uint32) {
	h := uint64(offset64)
	var last rune = -1
	var flags uint32
	upper, letters := 0, 0
	n := 0
	for i := 0; i < len(s) && n < maxHashBytes; n++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		var c rune
		switch {
		case r < 0x80 && 'a' <= r && r <= 'z':
			c = 'x'
			letters++
		case r < 0x80 && 'A' <= r && r <= 'Z':
			c = 'X'
			letters++
			upper++
		case r < 0x80 && '0' <= r && r <= '9':
			c = 'd'
		case r < 0x80:
			c = r
		case unicode.IsUpper(r):
			c = 'X'
			letters++
			upper++
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if n == 0 && c == 'X' {
			flags |= fCap
		}
		if c != last {
			h ^= uint64(c)
			h *= prime64
			last = c
		}
	}
	if letters > 0 {
		flags |= fHasLetter
		if upper == letters {
			flags |= fAllCaps
		}
	}
	return h, flags
}

// affixes fills the hashes of the lowercase prefixes and suffixes of s of
// 1 to 4 runes.
func affixes(t *tok, ls string) {
	i := 0
	h := uint64(offset64 ^ 0x5f)
	for k := 0; k < 4; k++ {
		if i < len(ls) {
			_, w := utf8.DecodeRuneInString(ls[i:])
			for j := i; j < i+w; j++ {
				h ^= uint64(ls[j])
				h *= prime64
			}
			i += w
		} else {
			h = mix(h, 1)
		}
		t.pre[k] = h
	}
	j := len(ls)
	h = uint64(offset64 ^ 0xa3)
	for k := 0; k < 4; k++ {
		if j > 0 {
			_, w := utf8.DecodeLastRuneInString(ls[:j])
			for b := j - 1; b >= j-w; b-- {
				h ^= uint64(ls[b])
				h *= prime64
			}
			j -= w
		} else {
			h = mix(h, 1)
		}
		t.suf[k] = h
	}
}

// Feature templates. The numbers are part of the model: do not renumber.
const (
	ftBias = iota + 1
	ftW
	ftLW
	ftShape
	ftLWm1
	ftLWp1
	ftLWm2
	ftLWp2
	ftShapeM1
	ftShapeP1
	ftShapeM1S
	ftShapeSP1
	ftPre
	ftSuf
	ftCl
	ftClM1
	ftClP1
	ftGaz
	ftGazM1
	ftGazP1
	ftPrev
	ftPrev2
	ftPrevLW
	ftPrevShape
	ftLWm1LW
	ftLWLWp1
	ftInitShape
	ftCapsShape
	ftHist
	ftHistP1
	ftSeen
	ftLen
	ftCapsLW
	ftPrevGaz
	ftClM2
	ftClP2
	ftHistM1
	ftAgg
	ftRunPos
)

// domainBit is clear in every feature hash and set in the private
// per-corpus copies made in training, which are not saved.
const domainBit = 1 << 63

// histNone is the history value of a word not seen before in the document.
const histNone = 5

// features appends the feature hashes of position i of sent to buf, given
// the two previous labels and the document's prediction history of the
// tokens around i, and returns buf.
func features(buf []uint64, s []tok, i int, prev, prev2 int, hist, histP1, histM1 uint8, agg []uint64) []uint64 {
	t := &s[i]
	f := func(tpl uint64, v uint64) {
		buf = append(buf, mix(mix(offset64, tpl), v)&^domainBit)
	}
	for _, a := range agg[t.aggA:t.aggB] {
		f(ftAgg, a)
	}
	if t.runPos != 0 {
		f(ftRunPos, uint64(t.runPos))
	}
	f(ftBias, 0)
	f(ftW, t.w)
	f(ftLW, t.lw)
	f(ftShape, t.shape)
	f(ftLen, t.lenB)
	for k := 0; k < 4; k++ {
		f(ftPre, t.pre[k])
		f(ftSuf, t.suf[k])
	}
	for k := 0; k < clusterLevels; k++ {
		if t.cl[k] != 0 {
			f(ftCl, t.cl[k])
		}
	}
	if t.gaz != 0 {
		for g := 0; g < nGaz; g++ {
			if t.gaz&(1<<g) != 0 {
				f(ftGaz, uint64(g)<<8|uint64(t.gazPos[g]))
			}
		}
	}
	var lwm1, lwp1, shm1, shp1 uint64 = 1, 2, 1, 2
	if i > 0 {
		p := &s[i-1]
		lwm1, shm1 = p.lw, p.shape
		if p.cl[1] != 0 {
			f(ftClM1, p.cl[1])
			f(ftClM1, p.cl[3]^7)
		}
		for g := 0; g < nGaz; g++ {
			if p.gaz&(1<<g) != 0 {
				f(ftGazM1, uint64(g))
			}
		}
		if i > 1 {
			f(ftLWm2, s[i-2].lw)
			if s[i-2].cl[1] != 0 {
				f(ftClM2, s[i-2].cl[1])
			}
		} else {
			f(ftLWm2, 1)
		}
	} else {
		f(ftLWm2, 1)
	}
	if i+1 < len(s) {
		n := &s[i+1]
		lwp1, shp1 = n.lw, n.shape
		if n.cl[1] != 0 {
			f(ftClP1, n.cl[1])
			f(ftClP1, n.cl[3]^7)
		}
		for g := 0; g < nGaz; g++ {
			if n.gaz&(1<<g) != 0 {
				f(ftGazP1, uint64(g))
			}
		}
		if i+2 < len(s) {
			f(ftLWp2, s[i+2].lw)
			if s[i+2].cl[1] != 0 {
				f(ftClP2, s[i+2].cl[1])
			}
		} else {
			f(ftLWp2, 2)
		}
	} else {
		f(ftLWp2, 2)
	}
	f(ftLWm1, lwm1)
	f(ftLWp1, lwp1)
	f(ftShapeM1, shm1)
	f(ftShapeP1, shp1)
	f(ftShapeM1S, mix(shm1, t.shape))
	f(ftShapeSP1, mix(t.shape, shp1))
	f(ftLWm1LW, mix(lwm1, t.lw))
	f(ftLWLWp1, mix(t.lw, lwp1))
	f(ftPrev, uint64(prev))
	f(ftPrev2, uint64(prev2)<<8|uint64(prev))
	f(ftPrevLW, mix(t.lw, uint64(prev)))
	f(ftPrevShape, mix(t.shape, uint64(prev)))
	if t.gaz != 0 {
		f(ftPrevGaz, uint64(t.gaz)<<8|uint64(prev))
	}
	if t.flags&fInitial != 0 {
		f(ftInitShape, t.shape)
	}
	if t.flags&fCapsSent != 0 {
		f(ftCapsShape, t.shape)
		f(ftCapsLW, t.lw)
	}
	if t.flags&fHasLetter != 0 {
		f(ftHist, uint64(hist))
		f(ftHistP1, uint64(histP1))
		f(ftHistM1, uint64(histM1))
		if t.flags&(fInitial|fCapsSent) != 0 {
			f(ftSeen, uint64(t.flags&(fSeenLower|fSeenCapMid|fInitial|fCapsSent)))
		}
	}
	return buf
}
