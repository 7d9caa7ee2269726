// Package lgl reads the LGL corpus of local news annotated with toponyms
// (Lieberman, Samet and Sankaranarayanan, 2010): articles whose toponyms
// carry character offsets, GeoNames ids and coordinates.
package lgl

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"sitrep/doc"
)

// Toponym is one annotated place name.
type Toponym struct {
	doc.Span          // byte offsets into Article.Text
	Phrase    string  // the text as annotated
	GeonameID string  // "" when the annotator found no gazetteer entry
	Name      string  // gazetteer name
	Feature   string  // GeoNames feature code, e.g. "PPL"
	Lat, Lon  float64 // valid only when HasCoord
	HasCoord  bool
}

// Article is one news article and its toponyms.
type Article struct {
	ID       string
	Title    string
	Domain   string
	Text     string
	Toponyms []Toponym
	// Dropped counts toponyms whose offsets do not fit the text.
	Dropped int
}

type xmlArticle struct {
	DocID    string `xml:"docid,attr"`
	Title    string `xml:"title"`
	Domain   string `xml:"domain"`
	Text     string `xml:"text"`
	Toponyms []struct {
		Start  string `xml:"start"`
		End    string `xml:"end"`
		Phrase string `xml:"phrase"`
		Gaztag *struct {
			ID    string `xml:"geonameid,attr"`
			Name  string `xml:"name"`
			FCode string `xml:"fcode"`
			Lat   string `xml:"lat"`
			Lon   string `xml:"lon"`
		} `xml:"gaztag"`
	} `xml:"toponyms>toponym"`
}

// Read parses an LGL XML file. Offsets in the file count characters (code
// points); Read converts them to byte offsets and drops, counting them in
// Article.Dropped, toponyms whose offsets do not fit the text. It returns
// an error for malformed XML; an input without articles gives none.
func Read(r io.Reader) ([]Article, error) {
	dec := xml.NewDecoder(r)
	var out []Article
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("lgl: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "article" {
			continue
		}
		var xa xmlArticle
		if err := dec.DecodeElement(&xa, &se); err != nil {
			return out, fmt.Errorf("lgl: article: %w", err)
		}
		out = append(out, convert(xa))
	}
}

func convert(xa xmlArticle) Article {
	a := Article{ID: xa.DocID, Title: strings.TrimSpace(xa.Title), Domain: strings.TrimSpace(xa.Domain), Text: xa.Text}
	// Byte offset of every code point, and of the end.
	offs := make([]int, 0, len(a.Text)+1)
	for i := 0; i < len(a.Text); {
		offs = append(offs, i)
		_, w := utf8.DecodeRuneInString(a.Text[i:])
		i += w
	}
	offs = append(offs, len(a.Text))
	for _, t := range xa.Toponyms {
		s, err1 := strconv.Atoi(strings.TrimSpace(t.Start))
		e, err2 := strconv.Atoi(strings.TrimSpace(t.End))
		if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(offs) {
			a.Dropped++
			continue
		}
		top := Toponym{Span: doc.Span{Start: offs[s], End: offs[e]}, Phrase: t.Phrase}
		if g := t.Gaztag; g != nil {
			top.GeonameID, top.Name, top.Feature = g.ID, g.Name, g.FCode
			lat, err1 := strconv.ParseFloat(strings.TrimSpace(g.Lat), 64)
			lon, err2 := strconv.ParseFloat(strings.TrimSpace(g.Lon), 64)
			if err1 == nil && err2 == nil && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 {
				top.Lat, top.Lon, top.HasCoord = lat, lon, true
			}
		}
		a.Toponyms = append(a.Toponyms, top)
	}
	return a
}
