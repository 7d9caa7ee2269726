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
