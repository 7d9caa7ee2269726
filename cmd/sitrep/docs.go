package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sitrep/store"
)

const docsHelp = `usage: sitrep docs [flags]

List the articles stored in the database given by --db (default sitrep.db
in the current directory; it is never created by this command), ordered by
publication time (unknown last), then id: id, publication date, source,
title (or the first words of the text), and how many sentences, entities,
events and problems each has.

--since and --until keep articles published on those days or between them;
--search keeps articles whose title or text holds every word given.

Formats: table (aligned columns; long titles cut), csv (RFC 4180 with a
header row), jsonl (one JSON object per article).

Exit status: 0 on success (even when nothing matches), 1 when the database
is missing or cannot be read, 2 for a bad command line.

Flags:`

func runDocs(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "docs", docsHelp)
	dbPath := fs.String("db", "sitrep.db", "SQLite database to read")
	var f store.DocFilter
	fs.StringVar(&f.Source, "source", "", "only articles from this outlet, e.g. example.org")
	fs.StringVar(&f.Search, "search", "", "words the title or text must hold")
	list := addListFlags(fs, "articles", &f.Limit, &f.Offset)
	list.addDays(fs, "publication day")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := list.check(fs, "", &f.Since, &f.Until); err != nil {
		return err
	}
	st, err := openForReading(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	return writeList(e, "docs", "articles", list.format, f.Limit, func(limit int) ([]store.DocSummary, error) {
		f.Limit = limit
		return st.Documents(ctx, f)
	}, listWriters[store.DocSummary]{docsTable, docsCSV, docsJSONL})
}

// docTitle is the title of d, or the first words of its text.
func docTitle(d store.DocSummary) string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	return d.Snippet
}

func docsTable(w io.Writer, docs []store.DocSummary) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tTITLE\tSENTENCES\tENTITIES\tEVENTS\tPROBLEMS")
	for _, d := range docs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n",
			oneLine(d.ID, 0), orDash(day(d.Published)), orDash(oneLine(d.Source, 30)), orDash(oneLine(docTitle(d), 60)),
			d.Sentences, d.Entities, d.Events, d.Problems)
	}
	return tw.Flush()
}

var docsCSVHeader = []string{"id", "published", "source", "url", "title", "language", "bytes",
	"sentences", "tokens", "entities", "events", "problems"}

func docsCSV(w io.Writer, docs []store.DocSummary) error {
	cw := csv.NewWriter(w)
	cw.Write(docsCSVHeader)
	for _, d := range docs {
		rec := []string{d.ID, day(d.Published), d.Source, d.URL, oneLine(docTitle(d), 0), d.Language,
			strconv.Itoa(d.Bytes), strconv.Itoa(d.Sentences), strconv.Itoa(d.Tokens), strconv.Itoa(d.Entities),
			strconv.Itoa(d.Events), strconv.Itoa(d.Problems)}
		for i, v := range rec {
			rec[i] = strings.ToValidUTF8(v, "\uFFFD")
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// docJSON is one line of `sitrep docs --format jsonl`.
type docJSON struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Snippet   string `json:"snippet"`
	Language  string `json:"language"`
	Bytes     int    `json:"bytes"`
	Sentences int    `json:"sentences"`
	Tokens    int    `json:"tokens"`
	Entities  int    `json:"entities"`
	Events    int    `json:"events"`
	Problems  int    `json:"problems"`
}

func docsJSONL(w io.Writer, docs []store.DocSummary) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(docJSON{
			ID: d.ID, Published: day(d.Published), Source: d.Source, URL: d.URL, Title: d.Title,
			Snippet: d.Snippet, Language: d.Language, Bytes: d.Bytes, Sentences: d.Sentences,
			Tokens: d.Tokens, Entities: d.Entities, Events: d.Events, Problems: d.Problems,
		}); err != nil {
			return err
		}
	}
	return nil
}
