package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sitrep/store"
)

const actorsHelp = `usage: sitrep actors [flags]
       sitrep actors show [flags] NAME|ID

List the actors remembered in the database given by --db (default
sitrep.db in the current directory; it is never created by this command):
the people and organisations that articles stored by 'sitrep ingest' said
something about in words (a title, an apposition, a possessive, an "of"
phrase: "Venezuela's interim president, Delcy Rodríguez"). Each is listed
with its current role (the one seen last), when it was first and last seen
and in how many articles. The most often seen come first.

--search keeps actors whose name contains the words given (any case, with
or without accents); --country and --sector keep actors with some role of
that ISO 3166-1 alpha-3 country or CAMEO sector.

'sitrep actors show' prints one actor (by id, by name, or by a surname
only it bears) with its whole role history, oldest first: each role with
the dates it was seen, the articles and the words that said so. A role
marked CONFLICT was seen at the same time as a role of another country:
the evidence disagrees and both are kept. A role seen again within 30 days
continues its row whatever was seen in between (people hold two roles at
once); after a longer gap with another role in between it starts a new row.

Formats: table (aligned columns), csv (RFC 4180 with a header row; not for
show), jsonl (one JSON object per actor, every field; show adds the role
history with its evidence).

Exit status: 0 on success (even when nothing matches), 1 when the database
is missing or cannot be read or show finds no such actor, 2 for a bad
command line.

Flags:`

func runActors(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "show" {
		return runActorsShow(ctx, e, args[1:])
	}
	fs := newFlagSet(e, "actors", actorsHelp)
	dbPath := fs.String("db", "sitrep.db", "SQLite database to read")
	var f store.ActorFilter
	fs.StringVar(&f.Search, "search", "", "words the actor's name must contain")
	fs.StringVar(&f.Country, "country", "", "a country the actor was seen with, e.g. VEN")
	fs.StringVar(&f.Sector, "sector", "", "a sector the actor was seen in, e.g. GOV")
	list := addListFlags(fs, "actors", &f.Limit, &f.Offset)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := list.check(fs, fmt.Sprintf(" (did you mean 'sitrep actors show %s'?)", fs.Arg(0)), nil, nil); err != nil {
		return err
	}
	st, err := openForReading(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	return writeList(e, "actors", "actors", list.format, f.Limit, func(limit int) ([]store.ActorSummary, error) {
		f.Limit = limit
		return st.Actors(ctx, f)
	}, listWriters[store.ActorSummary]{actorsTable, actorsCSV, actorsJSONL})
}

// actorsJSONL writes one JSON object per actor.
func actorsJSONL(w io.Writer, as []store.ActorSummary) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range as {
		if err := enc.Encode(summaryJSON(a)); err != nil {
			return err
		}
	}
	return nil
}

// roleLabel is "VENGOV interim president", or "-" when nothing is known.
func roleLabel(code, country, sector, role string) string {
	if code == "" {
		code = country + sector
	}
	l := strings.TrimSpace(code + " " + oneLine(role, 40))
	if l == "" {
		return "-"
	}
	return l
}

func seenRange(a store.ActorSummary) (string, string) {
	return orDash(day(a.FirstSeen)), orDash(day(a.LastSeen))
}

func actorsTable(w io.Writer, as []store.ActorSummary) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tTYPE\tCODE\tROLE\tFIRST SEEN\tLAST SEEN\tDOCS\tROLES")
	for _, a := range as {
		first, last := seenRange(a)
		code := a.Code
		if code == "" {
			code = a.Country + a.Sector
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", a.ID, oneLine(a.Name, 40), a.Type,
			orDash(code), orDash(oneLine(a.Role, 40)), first, last, a.Docs, a.Roles)
	}
	return tw.Flush()
}

var actorsCSVHeader = []string{"id", "name", "type", "gender", "country", "sector", "code", "role",
	"first_seen", "last_seen", "docs", "roles"}

func actorsCSV(w io.Writer, as []store.ActorSummary) error {
	cw := csv.NewWriter(w)
	cw.Write(actorsCSVHeader)
	for _, a := range as {
		rec := []string{strconv.FormatInt(a.ID, 10), a.Name, a.Type, a.Gender, a.Country, a.Sector, a.Code,
			a.Role, day(a.FirstSeen), day(a.LastSeen), strconv.Itoa(a.Docs), strconv.Itoa(a.Roles)}
		for i, v := range rec {
			rec[i] = oneLine(v, 0)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// actorJSON is one line of `sitrep actors --format jsonl`, and with Roles
// the output of `sitrep actors show --format jsonl`.
type actorJSON struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Type      string     `json:"type"`
	Gender    string     `json:"gender"`
	Country   string     `json:"country"`
	Sector    string     `json:"sector"`
	Code      string     `json:"code"`
	Role      string     `json:"role"`
	FirstSeen string     `json:"first_seen"`
	LastSeen  string     `json:"last_seen"`
	Docs      int        `json:"docs"`
	NRoles    int        `json:"roles_count"`
	Names     []string   `json:"names,omitempty"`
	Roles     []roleJSON `json:"roles,omitempty"`
}

type roleJSON struct {
	ID        int64          `json:"id"`
	Country   string         `json:"country"`
	Sector    string         `json:"sector"`
	Code      string         `json:"code"`
	Role      string         `json:"role"`
	FirstSeen string         `json:"first_seen"`
	LastSeen  string         `json:"last_seen"`
	Docs      int            `json:"docs"`
	Conflict  bool           `json:"conflict"`
	Evidence  []evidenceJSON `json:"evidence"`
}

type evidenceJSON struct {
	DocID  string `json:"doc_id"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Seen   string `json:"seen"`
	Entity string `json:"entity"`
	How    string `json:"how"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
}

func summaryJSON(a store.ActorSummary) actorJSON {
	return actorJSON{
		ID: a.ID, Name: a.Name, Type: a.Type, Gender: a.Gender, Country: a.Country, Sector: a.Sector,
		Code: a.Code, Role: a.Role, FirstSeen: day(a.FirstSeen), LastSeen: day(a.LastSeen),
		Docs: a.Docs, NRoles: a.Roles,
	}
}

func historyJSON(h *store.ActorHistory) actorJSON {
	j := summaryJSON(h.ActorSummary)
	j.Names = h.Names
	for _, r := range h.Roles {
		rj := roleJSON{ID: r.ID, Country: r.Country, Sector: r.Sector, Code: r.Code, Role: r.Role,
			FirstSeen: day(r.FirstSeen), LastSeen: day(r.LastSeen), Docs: r.Docs, Conflict: r.Conflict,
			Evidence: []evidenceJSON{}}
		for _, e := range r.Evidence {
			rj.Evidence = append(rj.Evidence, evidenceJSON{DocID: e.DocID, URL: e.URL, Title: e.Title,
				Seen: day(e.Seen), Entity: e.Entity, How: e.How, Start: e.Span.Start, End: e.Span.End,
				Text: strings.ToValidUTF8(e.Text, "\uFFFD")})
		}
		j.Roles = append(j.Roles, rj)
	}
	return j
}

func runActorsShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "actors show", actorsHelp)
	dbPath := fs.String("db", "sitrep.db", "SQLite database to read")
	format := fs.String("format", "table", "output format: table or jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: show wants one actor, by NAME or ID", errUsage)
	}
	if *format != "table" && *format != "jsonl" {
		return fmt.Errorf("%w: unknown --format %q (want table or jsonl)", errUsage, *format)
	}
	ref := strings.TrimSpace(fs.Arg(0))
	st, err := openForReading(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := findActorRef(ctx, st, ref)
	if err != nil {
		return err
	}
	h, err := st.Actor(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no actor with id %d", id)
	}
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	if *format == "jsonl" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		err = enc.Encode(historyJSON(h))
	} else {
		err = showTable(out, h)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}

// findActorRef finds the actor ref names: a number is an id; else the one
// actor whose whole name it is, or the one it recalls (a surname only one
// person bears). Several candidates are an error listing them.
func findActorRef(ctx context.Context, st store.Store, ref string) (int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return id, nil
	}
	key := store.NameKey(ref)
	if key == "" {
		return 0, fmt.Errorf("%w: actor name %q has no word", errUsage, ref)
	}
	cands, err := st.Actors(ctx, store.ActorFilter{Search: ref, Limit: 50})
	if err != nil {
		return 0, listError(err)
	}
	var exact []store.ActorSummary
	for _, a := range cands {
		if store.NameKey(a.Name) == key {
			exact = append(exact, a)
		}
	}
	if len(exact) == 1 {
		return exact[0].ID, nil
	}
	if len(exact) == 0 {
		if roles, err := st.Recall(ctx, ref, time.Time{}); err == nil && len(roles) > 0 {
			return roles[0].ActorID, nil
		}
	} else {
		cands = exact
	}
	if len(cands) == 0 {
		return 0, fmt.Errorf("no actor named %q; 'sitrep actors --search' lists them", ref)
	}
	l := make([]string, 0, len(cands))
	for _, a := range cands {
		l = append(l, fmt.Sprintf("%d %s (%s, %s)", a.ID, oneLine(a.Name, 40), a.Type, roleLabel(a.Code, a.Country, a.Sector, a.Role)))
	}
	return 0, fmt.Errorf("%q may be any of %d actors; show one by id:\n  %s", ref, len(cands), strings.Join(l, "\n  "))
}

func showTable(w io.Writer, h *store.ActorHistory) error {
	first, last := seenRange(h.ActorSummary)
	fmt.Fprintf(w, "%s (%s", oneLine(h.Name, 0), h.Type)
	if h.Gender != "" {
		fmt.Fprintf(w, ", %s", h.Gender)
	}
	fmt.Fprintf(w, ") id %d\n", h.ID)
	if len(h.Names) > 0 {
		fmt.Fprintf(w, "known as: %s\n", strings.Join(h.Names, "; "))
	}
	fmt.Fprintf(w, "seen %s to %s in %d document(s); %d role(s):\n", first, last, h.Docs, len(h.Roles))
	for _, r := range h.Roles {
		fmt.Fprintf(w, "\n%s to %s  %s  (%d document(s))", orDash(day(r.FirstSeen)), orDash(day(r.LastSeen)),
			roleLabel(r.Code, r.Country, r.Sector, r.Role), r.Docs)
		if r.Conflict {
			fmt.Fprint(w, "  CONFLICT: another country seen at the same time")
		}
		fmt.Fprintln(w)
		for _, e := range r.Evidence {
			src := e.DocID
			if e.URL != "" {
				src += " " + e.URL
			}
			fmt.Fprintf(w, "  %s  %s  %-10s  %q\n", orDash(day(e.Seen)), oneLine(src, 0), e.How, oneLine(e.Text, 0))
		}
	}
	return nil
}
