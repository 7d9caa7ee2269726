// Package store keeps analysed documents and the events coded from them,
// and answers the questions analysts ask of them: which documents, which
// events, by whom, against whom, of what kind, when, where.
//
// Store is the interface every backend implements (store/sqlite, and later
// PostgreSQL); store/storetest is the conformance suite each backend runs.
// The filter types and the rows a query returns live here so that callers
// (the CLI, an HTTP API, exporters) never depend on a backend.
package store

import (
	"context"
	"errors"
	"time"

	"sitrep/doc"
)

// Errors returned by stores, for errors.Is. Backends wrap them with detail;
// the text of a wrapped error may change, these values do not.
var (
	// ErrNotFound: no document has the id asked for.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: a different document (other URL and other text) is
	// already stored under the same id.
	ErrConflict = errors.New("store: document id already used by another document")
	// ErrInvalid: the document cannot be stored as given (nil, no id, two
	// entities with the same id, a NaN or infinite number, a publication
	// year outside 1..9999), or a filter makes no sense.
	ErrInvalid = errors.New("store: invalid")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store: closed")
	// ErrNoDatabase: the database does not exist and the store was asked
	// not to create it.
	ErrNoDatabase = errors.New("store: database does not exist")
	// ErrSchemaTooNew: the database was written by a newer sitrep whose
	// schema this binary does not know; nothing was changed.
	ErrSchemaTooNew = errors.New("store: database schema is newer than this program")
)

// Store keeps documents with every layer of their analysis. A Store is safe
// for use by several goroutines at once; writes are serialised, reads run
// concurrently with them and see only whole documents.
type Store interface {
	// Put stores d with every layer (sentences, tokens, entities with their
	// mentions, actor and place, times, quotes, events, problems) in one
	// transaction: either all of it is stored or none of it. Put does not
	// modify d and does not keep a reference to it. Four things can happen:
	//  1. No stored document has d's URL, text or id: d is stored and the
	//     result has Duplicate false.
	//  2. A stored document has the same non-empty URL or the same text
	//     (byte for byte): nothing changes; the result has Duplicate true
	//     and ID set to the stored document's id.
	//  3. Another document with a different URL and text already has d's id:
	//     nothing changes and the error wraps ErrConflict.
	//  4. d is nil, has no id or is otherwise unstorable (ErrInvalid), the
	//     context is done (the context's error), or the backend fails: the
	//     error says so and nothing is stored.
	// A document with empty text or empty layers is stored like any other.
	Put(ctx context.Context, d *doc.Document) (PutResult, error)

	// PutMany stores docs as Put would store each on its own, in fewer
	// transactions: much cheaper than one Put per document. A document that
	// is invalid, a duplicate or a conflict does not keep the others from
	// being stored, and a later document that duplicates an earlier one of
	// the same call is reported as its duplicate. The results come in the
	// order of docs, each with its own outcome, Err set when that document
	// was not stored. The returned error is for the call as a whole (the
	// context is done, the store is closed, the backend fails): then
	// nothing of this call is stored and the results are nil.
	PutMany(ctx context.Context, docs []*doc.Document) ([]PutResult, error)

	// Get returns the stored document with the given id, every layer as it
	// was put: a document equal to the one stored, except that empty lists
	// come back nil and Published comes back as the same instant with the
	// same offset from UTC (a named zone becomes a fixed offset). It returns an error wrapping ErrNotFound when no
	// document has that id (the empty id included), or the context's or
	// backend's error.
	Get(ctx context.Context, id string) (*doc.Document, error)

	// Documents returns summaries of the stored documents that match f,
	// ordered by publication time (unknown last), then id. It returns an
	// empty list, not an error, when nothing matches; an error wrapping
	// ErrInvalid for a bad filter; else the context's or backend's error.
	Documents(ctx context.Context, f DocFilter) ([]DocSummary, error)

	// Events returns the stored events that match f, each carrying what is
	// needed to print it without loading its document, ordered by date
	// (undated last), then document id, then the event's position in its
	// document. It returns an empty list, not an error, when nothing
	// matches; an error wrapping ErrInvalid for a bad filter; else the
	// context's or backend's error.
	Events(ctx context.Context, f EventFilter) ([]EventRow, error)

	// ActorMemory remembers actors across documents.
	ActorMemory

	// Close releases the store. Calls after Close return ErrClosed; Close
	// itself may be called more than once.
	Close() error
}

// PutResult says what Put did.
type PutResult struct {
	// ID is the id of the stored document: d's id when it was stored, the
	// earlier document's id when d was a duplicate.
	ID string
	// Duplicate is true when an identical document (same URL or same text)
	// was already stored and nothing changed.
	Duplicate bool
	// Err is what kept this document from being stored, in the results of
	// a batch (PutMany); Put returns it as its error instead.
	Err error
}

// DocFilter selects documents. The zero value selects every document.
type DocFilter struct {
	// Source keeps documents from this outlet (exact, case-insensitive).
	Source string
	// Since and Until keep documents published on those calendar dates or
	// between them (both inclusive, the date taken in each value's own
	// zone, the document's date in its own zone). A zero bound is open;
	// with any bound set, documents of unknown date are left out.
	Since, Until time.Time
	// Search keeps documents whose title or text contains every word of it
	// (case- and accent-insensitive, English stemming: "meeting" finds
	// "meets"). A search with no word in it is ErrInvalid.
	Search string
	// Limit caps how many rows are returned; 0 or less means no cap.
	Limit int
	// Offset skips that many matching rows first.
	Offset int
}

// DocSummary describes a stored document without its layers.
type DocSummary struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Published time.Time // zero when unknown
	Language  string
	Bytes     int    // length of the text
	Snippet   string // the first words of the text, for a document without title
	Sentences int
	Tokens    int
	Entities  int
	Events    int
	Problems  int
}

// EventFilter selects events. Every set field must match (AND); a zero
// field does not filter. Country codes are ISO 3166-1 alpha-3 and sector
// codes CAMEO agents, both compared case-insensitively.
type EventFilter struct {
	ActorCountry, ActorSector         string // some actor (source side) has this country / sector
	RecipientCountry, RecipientSector string // some recipient (target side) has it
	Country, Sector                   string // some actor or recipient has it
	// Entity keeps events whose actors or recipients include an entity
	// with this exact canonical name.
	Entity string

	Plover   string // PLOVER event type, e.g. "CONSULT" (case-insensitive)
	CAMEO    string // CAMEO code prefix: "04" keeps 040..049 and 04xx
	Modality string // e.g. doc.Asserted

	// Since and Until keep events whose date overlaps that range of
	// calendar dates (both inclusive). An event dated only to a month or a
	// year overlaps every day of it. An event without a date of its own
	// takes its document's publication date; with neither, any bound
	// leaves it out.
	Since, Until time.Time

	// Search keeps events whose evidence sentence contains every word of
	// it, as DocFilter.Search.
	Search string

	DocID string // only events of this document

	Limit  int // 0 or less: no cap
	Offset int
}

// EventRow is one event with what is needed to print, map or export it
// without loading its document.
type EventRow struct {
	DocID     string
	URL       string
	Title     string
	Source    string
	Published time.Time // zero when unknown

	EventID       string
	Plover        string
	Mode          string
	Context       []string
	CAMEO         string
	QuadClass     int
	Goldstein     float64
	Date          string // as coded: "2026-01-15", "2026-01", "2026" or ""
	DatePrecision string
	Actors        []Party
	Recipients    []Party
	Location      *doc.Location // nil when unknown
	Modality      string
	AttributedTo  string // entity id or anonymous-source description; "" in the outlet's voice
	// AttributedName is the name of the entity AttributedTo names, or ""
	// when AttributedTo is not an entity id of the document.
	AttributedName string
	Evidence       doc.Span
	EvidenceText   string // the text under Evidence, as stored (may hold invalid UTF-8)
	Trigger        doc.Span
	TriggerText    string
	Rule           string
}

// Party is one actor or recipient of an event. When ID names no entity of
// the document, only ID is set.
type Party struct {
	ID      string
	Name    string
	Type    string
	Country string
	Sector  string
	Code    string
}

// ActorMemory is the cross-document memory of actors: the people and
// organisations a document's text taught something about (a title, an
// apposition, a possessive, an "of" phrase, a nominal that names their
// role), remembered with their country, sector, role, the dates they were
// seen in it and the evidence, so that a later document's bare "Rodríguez"
// or "the interim president" can be coded. A role change over time is kept
// as history: the same role seen again extends its seen range, a different
// one (other country, sector or role words) starts a new row. Facts that
// disagree are all kept and marked, never silently resolved. Every Store
// implements it.
type ActorMemory interface {
	// Remember records facts in one transaction: all of them or none. Each
	// fact joins the actor of the same name and type (a new actor when
	// none), or, for a one-word person name ("Rodríguez") that is the
	// surname of exactly one remembered person of no other country, that
	// person. Within the actor, the fact joins the role of the same
	// country, sector and role words whose seen range contains its date or
	// lies nearest to it with no other role seen in between, extending
	// that range (a role seen again within 30 days continues whatever was
	// seen in between); otherwise it starts a new role. An unknown (empty)
	// country fits a role of any country, and a role whose country was
	// unknown takes the country of the first fact that says it. Remembering the same
	// fact of the same document again changes nothing. The documents need
	// not be stored (yet). It returns an error wrapping ErrInvalid when a
	// fact has no document id, no name, no type or a year outside
	// 1..9999 (then nothing is stored); else the context's or backend's
	// error. An empty list does nothing.
	Remember(ctx context.Context, facts []ActorFact) error

	// Forget removes everything the document docID taught (a document that
	// could not be stored after all): its evidence, the roles and actors
	// left without evidence, and the seen ranges and document counts they
	// contributed to. An unknown or empty docID does nothing.
	Forget(ctx context.Context, docID string) error

	// Recall returns what is remembered of name as of the date at (zero
	// when unknown), most relevant first, or an empty list. name is a name
	// as written ("Delcy Rodríguez", "Rodríguez"; case, accents and a
	// final "'s" do not matter) or a role phrase ("interim president").
	// A name matches an actor by its whole name or, for a person, by the
	// surname; when it fits several actors and no single one has it as its
	// whole name, the answer is empty: a guess is worse than nothing. A
	// role phrase of two words or more matches the people seen in a role
	// of those words within 180 days of at, provided they all agree on the
	// country (none when at is zero: who holds a role depends on the date;
	// nor for one word such as "president" or "agency", which names too
	// many): the one seen in it on a range containing at, else the one
	// seen in it last. The roles of the
	// actor found come in this order: a role seen on a range containing
	// at; then those seen before it, latest first; then those seen only
	// after it, earliest first; then undated ones; ties by the number of
	// documents, most first. For a role phrase only the roles with those
	// words are returned. Errors are the context's or backend's.
	Recall(ctx context.Context, name string, at time.Time) ([]ActorRole, error)

	// Actors lists remembered actors matching f, the most documents
	// first, then latest seen, then name. Each carries its current role
	// (the one seen last). It returns an empty list when nothing matches;
	// an error wrapping ErrInvalid for a negative limit or offset; else
	// the context's or backend's error.
	Actors(ctx context.Context, f ActorFilter) ([]ActorSummary, error)

	// Actor returns one actor with its names and its whole role history,
	// oldest first, each role with its evidence in date order. It returns
	// an error wrapping ErrNotFound when no actor has that id.
	Actor(ctx context.Context, id int64) (*ActorHistory, error)
}

// ActorFact is one thing a document's text taught about an actor.
type ActorFact struct {
	DocID  string    // the document that says so
	Seen   time.Time // its publication date (the day in its own zone); zero when unknown
	Entity string    // the entity's id in the document
	Name   string    // the entity's canonical name, e.g. "Delcy Rodríguez"
	Type   string    // entity type: PERSON, ORG, ...
	// Country (ISO 3166-1 alpha-3), Sector (CAMEO agent) and Code as the
	// document coded them; any may be empty.
	Country, Sector, Code string
	Role                  string   // the role words, e.g. "interim president"
	Gender                string   // "m", "f" or ""
	How                   string   // what kind of text taught it: "title", "apposition", ...
	Evidence              doc.Span // the words that say so, in the document's text
	EvidenceText          string   // the text under Evidence
}

// ActorFilter selects remembered actors. The zero value selects all.
type ActorFilter struct {
	// Search keeps actors one of whose names contains these words in this
	// order (case- and accent-insensitive).
	Search string
	// Country and Sector keep actors with some role of that country or
	// sector (case-insensitive).
	Country, Sector string
	Limit, Offset   int // Limit 0: no cap
}

// ActorSummary is one remembered actor with its current role.
type ActorSummary struct {
	ID     int64
	Name   string
	Type   string
	Gender string
	// Country, Sector, Code and Role are those of the role seen last.
	Country, Sector, Code, Role string
	FirstSeen, LastSeen         time.Time // zero when never seen on a known date
	Docs                        int       // documents that taught something about it
	Roles                       int       // rows of role history
}

// ActorRole is one row of an actor's role history: a country, sector and
// role seen over a range of dates.
type ActorRole struct {
	ActorID int64
	Name    string // the actor's name
	Type    string
	Gender  string

	ID                          int64
	Country, Sector, Code, Role string
	FirstSeen, LastSeen         time.Time // zero when seen only in undated documents
	Docs                        int
	// Conflict is true when another role of the same actor with another
	// country (both known) was seen over an overlapping range of dates (or
	// either is undated): evidence that disagrees, kept as it is. Another
	// sector at the same time is a second role, not a conflict.
	Conflict bool
	// Evidence is what taught this role: every piece in Actor, the latest
	// one in Recall.
	Evidence []ActorEvidence
}

// ActorEvidence is one piece of text that taught a role.
type ActorEvidence struct {
	DocID  string
	URL    string // of the document, when it is stored; else ""
	Title  string
	Seen   time.Time // zero when undated
	Entity string
	How    string
	Span   doc.Span
	Text   string
}

// ActorHistory is an actor with every name it is known by and its role
// history.
type ActorHistory struct {
	ActorSummary
	Names []string // lookup keys: the whole name folded, and surname variants
	Roles []ActorRole
}
