package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"sitrep/doc"
)

// LooksHTML reports whether b starts like an HTML page: a doctype, an
// <html>, <head> or <body> tag, or an XML declaration followed by one.
func LooksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}

// ReadHTML reads one article as an HTML page: its text is the content of
// the page's <article> (else <main>, else <body>), one paragraph per block
// element, without scripts, styles, navigation, headers, footers, asides
// and forms. The title and the publication date come from the page's
// metadata when meta leaves them empty. Malformed HTML is read as browsers
// read it; a page with no text gives ErrEmpty.
func ReadHTML(r io.Reader, meta Meta, opt Options) (*doc.Document, error) {
	max := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: read: %w", err)
	}
	if len(b) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("ingest: html: %w", err)
	}
	p := pageMeta(root)
	if meta.Title == "" {
		meta.Title = p.title
	}
	if meta.Published == "" && p.published != "" {
		if _, err := ParseDate(p.published); err == nil {
			meta.Published = p.published
		} else if len(p.published) >= 10 {
			if _, err := ParseDate(p.published[:10]); err == nil {
				meta.Published = p.published[:10]
			}
		}
	}
	if meta.URL == "" {
		meta.URL = p.url
	}
	body := find(root, atom.Article)
	if body == nil {
		body = find(root, atom.Main)
	}
	if body == nil {
		body = find(root, atom.Body)
	}
	if body == nil {
		body = root
	}
	var w blockWriter
	w.walk(body)
	text := w.String()
	if err := checkText(text); err != nil {
		return nil, err
	}
	return New(text, meta), nil
}

type page struct{ title, published, url string }

// pageMeta reads the title, publication date and canonical URL of a page.
func pageMeta(n *html.Node) page {
	var p page
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if p.title == "" && n.FirstChild != nil {
					p.title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					p.title = val
				case "article:published_time", "datepublished", "pubdate", "date", "dc.date", "publishdate":
					if p.published == "" {
						p.published = val
					}
				case "og:url":
					if p.url == "" {
						p.url = val
					}
				}
			case atom.Link:
				if attr(n, "rel") == "canonical" && p.url == "" {
					p.url = attr(n, "href")
				}
			case atom.Time:
				if p.published == "" {
					p.published = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// blockWriter collects the visible text of a page, a paragraph per block.
type blockWriter struct {
	b       []byte
	pending bool // a paragraph break is due before more text
}

func (w *blockWriter) String() string { return strings.TrimSpace(string(w.b)) + "\n" }

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Aside, atom.Form,
			atom.Header, atom.Iframe, atom.Svg, atom.Button, atom.Select, atom.Template, atom.Figure:
			return
		case atom.Br:
			w.b = append(bytes.TrimRight(w.b, " "), '\n')
			return
		}
		if isBlock(n.DataAtom) {
			w.pending = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if n.Type == html.ElementNode && isBlock(n.DataAtom) {
		w.pending = true
	}
}

// text appends s with runs of white space collapsed.
func (w *blockWriter) text(s string) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		if s != "" && !w.pending {
			w.space()
		}
		return
	}
	switch {
	case w.pending && len(w.b) > 0:
		w.b = append(bytes.TrimRight(w.b, " \n"), '\n', '\n')
	case isSpace(s[0]):
		w.space()
	}
	w.pending = false
	for i, f := range fields {
		if i > 0 {
			w.b = append(w.b, ' ')
		}
		w.b = append(w.b, f...)
	}
	if isSpace(s[len(s)-1]) {
		w.space()
	}
}

// space appends one space unless the text is empty or already ends in one.
func (w *blockWriter) space() {
	if n := len(w.b); n > 0 && w.b[n-1] != ' ' && w.b[n-1] != '\n' {
		w.b = append(w.b, ' ')
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Section, atom.Article, atom.Pre, atom.Table, atom.Tr, atom.Ul, atom.Ol, atom.Dd, atom.Dt, atom.Hr, atom.Main, atom.Figcaption:
		return true
	}
	return false
}

// Read reads one article from r, as HTML when LooksHTML says it is a page
// and as plain text otherwise. It fails as ReadText and ReadHTML do.
func Read(r io.Reader, meta Meta, opt Options) (*doc.Document, error) {
	max := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: read: %w", err)
	}
	if len(b) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	if LooksHTML(b) {
		return ReadHTML(bytes.NewReader(b), meta, opt)
	}
	return ReadText(bytes.NewReader(b), meta, opt)
}
