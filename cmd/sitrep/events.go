package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"sitrep/doc"
	"sitrep/store"
	"sitrep/store/sqlite"
)

const eventsHelp = `usage: sitrep events [flags]

List the events stored in the database given by --db (default sitrep.db in
the current directory; it is never created by this command), ordered by
date, then document, then position in the document.

Filters combine: an event is listed when it matches every one given.
Country codes are ISO 3166-1 alpha-3 (VEN), sector codes CAMEO agents
(GOV, MIL, OPP, ...), both in any case. --actor-* look at the actors (who
acts), --recipient-* at the recipients (who is acted upon), --country and
--sector at either side; a country and a sector given for the same side
must hold for the same actor. --since and --until keep events whose date
overlaps that range (an event dated to a month overlaps each of its days;
an undated event takes its article's publication date). --search keeps
events whose evidence sentence holds every word given.

Formats: table (aligned columns; long evidence cut), csv (RFC 4180 with a
header row; several actors joined by ";"), jsonl (one JSON object per
event, every field).

Exit status: 0 on success (even when nothing matches), 1 when the database
is missing or cannot be read, 2 for a bad command line.

Flags:`

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "events", eventsHelp)
	dbPath := fs.String("db", "sitrep.db", "SQLite database to read")
	var f store.EventFilter
	fs.StringVar(&f.ActorCountry, "actor-country", "", "an actor's country, e.g. VEN")
	fs.StringVar(&f.ActorSector, "actor-sector", "", "an actor's sector, e.g. GOV")
	fs.StringVar(&f.RecipientCountry, "recipient-country", "", "a recipient's country")
	fs.StringVar(&f.RecipientSector, "recipient-sector", "", "a recipient's sector")
	fs.StringVar(&f.Country, "country", "", "the country of an actor or a recipient")
	fs.StringVar(&f.Sector, "sector", "", "the sector of an actor or a recipient")
	fs.StringVar(&f.Entity, "entity", "", "the exact name of an actor or a recipient")
	fs.StringVar(&f.Plover, "type", "", "PLOVER event type, e.g. CONSULT")
	fs.StringVar(&f.CAMEO, "cameo", "", "CAMEO code prefix, e.g. 04")
	fs.StringVar(&f.Modality, "modality", "", "asserted, negated, hypothetical, future, historical or demanded")
	fs.StringVar(&f.DocID, "doc", "", "only the events of this document id")
	fs.StringVar(&f.Search, "search", "", "words the evidence sentence must hold")
	list := addListFlags(fs, "events", &f.Limit, &f.Offset)
	list.addDays(fs, "day")
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

	return writeList(e, "events", "events", list.format, f.Limit, func(limit int) ([]store.EventRow, error) {
		f.Limit = limit
		return st.Events(ctx, f)
	}, listWriters[store.EventRow]{eventsTable, eventsCSV, eventsJSONL})
}

// listWriters are the three output formats of a list command.
type listWriters[T any] struct {
	table, csv, jsonl func(io.Writer, []T) error
}

// writeList fetches the rows of a list command, asking for one more than
// limit to tell whether the limit cut the list, writes them to standard
// output in format, and says on standard error when the list was cut.
// noun names the rows in that message ("events").
func writeList[T any](e *env, cmd, noun, format string, limit int, fetch func(limit int) ([]T, error), w listWriters[T]) error {
	ask := limit
	if ask > 0 {
		ask++
	}
	rows, err := fetch(ask)
	if err != nil {
		return listError(err)
	}
	more := limit > 0 && len(rows) > limit
	if more {
		rows = rows[:limit]
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	switch format {
	case "table":
		err = w.table(out, rows)
	case "csv":
		err = w.csv(out, rows)
	case "jsonl":
		err = w.jsonl(out, rows)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if more {
		fmt.Fprintf(e.stderr, "sitrep %s: first %d %s listed; --limit 0 lists all\n", cmd, limit, noun)
	}
	return err
}

// openForReading opens the database at path for a command that only
// reads: a missing database is an error, never created.
func openForReading(ctx context.Context, path string) (*sqlite.Store, error) {
	st, err := sqlite.Open(ctx, path, sqlite.Config{MustExist: true})
	if errors.Is(err, store.ErrNoDatabase) {
		return nil, fmt.Errorf("database %s does not exist; store articles first with 'sitrep ingest --db %s FILE'", path, path)
	}
	return st, err
}

// parseDay reads the value of flag --name as a calendar date; "" is the
// zero time.
func parseDay(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s %q: want a date YYYY-MM-DD", errUsage, name, v)
	}
	return t, nil
}

// listFlags are the flags the listing commands (docs, events, actors)
// share: --limit and --offset, written into the command's filter, --format
// and, for dated listings, --since and --until.
type listFlags struct {
	limit, offset *int
	format        string
	since, until  string
}

// addListFlags registers --limit, --offset and --format on fs, with limit
// and offset written to the given filter fields; noun names the rows.
func addListFlags(fs *flag.FlagSet, noun string, limit, offset *int) *listFlags {
	l := &listFlags{limit: limit, offset: offset}
	fs.IntVar(limit, "limit", 100, "most "+noun+" listed (0: all)")
	fs.IntVar(offset, "offset", 0, noun+" skipped first")
	fs.StringVar(&l.format, "format", "table", "output format: table, csv or jsonl")
	return l
}

// addDays registers --since and --until, described as the first and last
// day of what: "day" or "publication day".
func (l *listFlags) addDays(fs *flag.FlagSet, what string) {
	fs.StringVar(&l.since, "since", "", "first "+what+", YYYY-MM-DD")
	fs.StringVar(&l.until, "until", "", "last "+what+", YYYY-MM-DD")
}

// check checks the parsed flags of a listing command with no arguments
// and reads --since and --until into since and until (nil for an undated
// listing). hint follows the message for a stray argument.
func (l *listFlags) check(fs *flag.FlagSet, hint string, since, until *time.Time) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q%s", errUsage, fs.Arg(0), hint)
	}
	var err error
	if since != nil {
		if *since, err = parseDay("since", l.since); err != nil {
			return err
		}
		if *until, err = parseDay("until", l.until); err != nil {
			return err
		}
	}
	switch l.format {
	case "table", "csv", "jsonl":
	default:
		return fmt.Errorf("%w: unknown --format %q (want table, csv or jsonl)", errUsage, l.format)
	}
	if *l.limit < 0 || *l.offset < 0 {
		return fmt.Errorf("%w: --limit and --offset must not be negative", errUsage)
	}
	return nil
}

// listError turns a filter the store rejects into a command-line error.
func listError(err error) error {
	if errors.Is(err, store.ErrInvalid) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return err
}

// oneLine returns s on one line for a table or CSV cell: invalid UTF-8
// replaced, runs of white space made one space, and, when max > 0, cut to
// max characters ending in "…".
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if max > 0 && utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max-1 {
				return s[:i] + "…"
			}
			n++
		}
	}
	return s
}

// partyLabel names a party for a table: "Name (CODE)", or whichever of
// them is known, or its entity id.
func partyLabel(p store.Party) string {
	code := p.Code
	if code == "" {
		code = p.Country + p.Sector
	}
	switch {
	case p.Name != "" && code != "":
		return oneLine(p.Name, 40) + " (" + code + ")"
	case p.Name != "":
		return oneLine(p.Name, 40)
	case code != "":
		return code
	}
	return p.ID
}

func partyLabels(ps []store.Party) string {
	if len(ps) == 0 {
		return "-"
	}
	l := make([]string, len(ps))
	for i, p := range ps {
		l[i] = partyLabel(p)
	}
	return strings.Join(l, "; ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func eventsTable(w io.Writer, evs []store.EventRow) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tCAMEO\tACTORS\tRECIPIENTS\tLOCATION\tMODALITY\tEVIDENCE")
	for _, ev := range evs {
		loc := "-"
		if l := ev.Location; l != nil {
			loc = oneLine(l.Name, 30)
			if l.Country != "" {
				loc += " (" + l.Country + ")"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			orDash(oneLine(ev.Date, 0)), orDash(oneLine(ev.Plover, 0)), orDash(oneLine(ev.CAMEO, 0)),
			partyLabels(ev.Actors), partyLabels(ev.Recipients), loc, orDash(oneLine(ev.Modality, 0)),
			oneLine(ev.EvidenceText, 80))
	}
	return tw.Flush()
}

// eventsCSVHeader names the CSV columns.
var eventsCSVHeader = []string{
	"doc_id", "url", "title", "source", "published", "event_id", "date", "date_precision",
	"plover", "mode", "cameo", "quad_class", "goldstein",
	"actor_ids", "actor_names", "actor_codes", "actor_countries", "actor_sectors",
	"recipient_ids", "recipient_names", "recipient_codes", "recipient_countries", "recipient_sectors",
	"location", "location_country", "lat", "lon", "modality", "attributed_to", "attributed_name",
	"evidence", "trigger", "rule",
}

func eventsCSV(w io.Writer, evs []store.EventRow) error {
	cw := csv.NewWriter(w)
	cw.Write(eventsCSVHeader)
	join := func(ps []store.Party, f func(store.Party) string) string {
		l := make([]string, len(ps))
		for i, p := range ps {
			l[i] = oneLine(f(p), 0)
		}
		return strings.Join(l, ";")
	}
	id := func(p store.Party) string { return p.ID }
	name := func(p store.Party) string { return p.Name }
	code := func(p store.Party) string { return p.Code }
	country := func(p store.Party) string { return p.Country }
	sector := func(p store.Party) string { return p.Sector }
	for _, ev := range evs {
		var loc, locCountry, lat, lon string
		if l := ev.Location; l != nil {
			loc, locCountry = l.Name, l.Country
			lat, lon = strconv.FormatFloat(l.Lat, 'f', -1, 64), strconv.FormatFloat(l.Lon, 'f', -1, 64)
		}
		rec := []string{
			ev.DocID, ev.URL, ev.Title, ev.Source, day(ev.Published), ev.EventID, ev.Date, ev.DatePrecision,
			ev.Plover, ev.Mode, ev.CAMEO, strconv.Itoa(ev.QuadClass), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64),
			join(ev.Actors, id), join(ev.Actors, name), join(ev.Actors, code), join(ev.Actors, country), join(ev.Actors, sector),
			join(ev.Recipients, id), join(ev.Recipients, name), join(ev.Recipients, code), join(ev.Recipients, country), join(ev.Recipients, sector),
			loc, locCountry, lat, lon, ev.Modality, ev.AttributedTo, ev.AttributedName,
			oneLine(ev.EvidenceText, 0), oneLine(ev.TriggerText, 0), ev.Rule,
		}
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

// day formats t as YYYY-MM-DD, or "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// eventJSON is one line of `sitrep events --format jsonl`.
type eventJSON struct {
	DocID          string        `json:"doc_id"`
	URL            string        `json:"url"`
	Title          string        `json:"title"`
	Source         string        `json:"source"`
	Published      string        `json:"published"`
	EventID        string        `json:"event_id"`
	Plover         string        `json:"plover"`
	Mode           string        `json:"mode"`
	Context        []string      `json:"context"`
	CAMEO          string        `json:"cameo"`
	QuadClass      int           `json:"quad_class"`
	Goldstein      float64       `json:"goldstein"`
	Date           string        `json:"date"`
	DatePrecision  string        `json:"date_precision"`
	Actors         []partyJSON   `json:"actors"`
	Recipients     []partyJSON   `json:"recipients"`
	Location       *doc.Location `json:"location"`
	Modality       string        `json:"modality"`
	AttributedTo   string        `json:"attributed_to"`
	AttributedName string        `json:"attributed_name"`
	Evidence       spanJSON      `json:"evidence"`
	Trigger        spanJSON      `json:"trigger"`
	Rule           string        `json:"rule"`
}

type partyJSON struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Code    string `json:"code"`
}

type spanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func eventsJSONL(w io.Writer, evs []store.EventRow) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	parties := func(ps []store.Party) []partyJSON {
		out := make([]partyJSON, len(ps))
		for i, p := range ps {
			out[i] = partyJSON(p)
		}
		return out
	}
	for _, ev := range evs {
		ctx := ev.Context
		if ctx == nil {
			ctx = []string{}
		}
		j := eventJSON{
			DocID: ev.DocID, URL: ev.URL, Title: ev.Title, Source: ev.Source, Published: day(ev.Published),
			EventID: ev.EventID, Plover: ev.Plover, Mode: ev.Mode, Context: ctx, CAMEO: ev.CAMEO,
			QuadClass: ev.QuadClass, Goldstein: ev.Goldstein, Date: ev.Date, DatePrecision: ev.DatePrecision,
			Actors: parties(ev.Actors), Recipients: parties(ev.Recipients), Location: ev.Location,
			Modality: ev.Modality, AttributedTo: ev.AttributedTo, AttributedName: ev.AttributedName,
			Evidence: spanJSON{ev.Evidence.Start, ev.Evidence.End, strings.ToValidUTF8(ev.EvidenceText, "\uFFFD")},
			Trigger:  spanJSON{ev.Trigger.Start, ev.Trigger.End, strings.ToValidUTF8(ev.TriggerText, "\uFFFD")},
			Rule:     ev.Rule,
		}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}
