package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/actor"
	"sitrep/doc"
	"sitrep/ingest"
	"sitrep/pipeline"
	"sitrep/store"
	"sitrep/store/sqlite"
)

const ingestHelp = `usage: sitrep ingest [flags] [FILE ...|-]

Analyse articles and keep them, with every layer of their analysis
(sentences, tokens, entities, times, quotes, events, problems), in the
database given by --db (default sitrep.db in the current directory, created
when missing). With no FILE, or FILE "-", standard input is read.

In text, html and auto mode each FILE is one article; --url, --title and
--id then need a single FILE. With --format jsonl each FILE holds JSON Lines
records, one {"id","text","published","url","title","source"} per line.

Articles are stored in batches, one transaction each (up to 32 articles,
or what was analysed within a second). An article already stored (same
URL, or the same text) is not stored again and counts as a duplicate. An article that cannot be read or stored is
reported and the batch goes on. A one-line summary goes to standard error:
how many articles were read, stored, duplicates, stored with problems
recorded by a stage, and failed.

Actor memory: what an article's text says about a person or organisation
(a title, an apposition, a possessive, an "of" phrase: "Venezuela's interim
president, Delcy Rodríguez") is remembered in the database with country,
sector, role, dates and evidence, and codes later articles that name the
actor barely ("Rodríguez said") or by role ("the interim president").
Articles teach the memory in the order they are read, each one seeing what
those before it taught, so the result does not depend on --workers. See
'sitrep actors'. --memory=false neither consults nor grows the memory.

Exit status: 0 when every article was stored or was a duplicate, 1 when
any could not be read or stored, 2 for a bad command line.

Flags:`

// Ingest stores documents in batches of at most ingestBatch, and holds
// none back longer than ingestWait once the next one arrives.
const (
	ingestBatch = 32
	ingestWait  = time.Second
)

// ingestStats counts what ingest did.
type ingestStats struct {
	read, stored, duplicates, problems, failed int
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", ingestHelp)
	dbPath := fs.String("db", "sitrep.db", "SQLite database to store into (created when missing)")
	format := fs.String("format", "auto", "input format: auto (HTML or text, by content), text, html, or jsonl")
	published := fs.String("published", "", "publication date of the articles, YYYY-MM-DD or RFC 3339")
	url := fs.String("url", "", "URL of the article (one FILE only)")
	title := fs.String("title", "", "title of the article (one FILE only)")
	id := fs.String("id", "", "document id (one FILE only; default: derived from the URL or the text)")
	source := fs.String("source", "", "outlet of the articles (default: the host of the URL)")
	chainCfg := addChainFlags(fs)
	useMemory := fs.Bool("memory", true, "consult and grow the actor memory kept in the database")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := ingest.ParseDate(*published); err != nil {
		return fmt.Errorf("%w: --published: %v", errUsage, err)
	}
	read := map[string]func(io.Reader, ingest.Meta, ingest.Options) (*doc.Document, error){
		"auto": ingest.Read, "text": ingest.ReadText, "html": ingest.ReadHTML, "jsonl": nil,
	}
	readOne, ok := read[*format]
	if !ok {
		return fmt.Errorf("%w: unknown --format %q (want auto, text, html or jsonl)", errUsage, *format)
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	if (*url != "" || *title != "" || *id != "") && (len(files) > 1 || *format == "jsonl") {
		return fmt.Errorf("%w: --url, --title and --id describe one article: give one FILE, not jsonl", errUsage)
	}

	st, err := sqlite.Open(ctx, *dbPath, sqlite.Config{})
	if err != nil {
		return err
	}
	defer st.Close()
	cfg := *chainCfg
	if *useMemory {
		cfg.Memory = storeMemory(ctx, st)
	}
	stages, err := newStages(cfg)
	if err != nil {
		return err
	}
	var mem *rememberStage
	if *useMemory {
		for i, s := range stages {
			if r, ok := s.(*actor.Resolver); ok {
				mem = &rememberStage{r: r, st: st}
				stages[i] = mem
			}
		}
	}
	chain := pipeline.New(stages...)
	chain.Workers = cfg.Workers

	in := &ingestInput{
		files: files, readOne: readOne, stdin: e.stdin, source: *source, published: *published,
		meta: ingest.Meta{ID: *id, URL: *url, Title: *title, Source: *source, Published: *published},
		opts: cfg.input(), stderr: e.stderr,
	}
	defer in.close()
	// Analysed documents are stored in batches, one transaction each: up
	// to ingestBatch documents, or what came within ingestWait.
	var pending []*doc.Document
	var since time.Time
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		res, err := st.PutMany(ctx, pending)
		if err != nil && ctx.Err() != nil {
			return err
		}
		in.mu.Lock()
		defer in.mu.Unlock()
		for i, d := range pending {
			var r store.PutResult
			if err != nil {
				r.Err = err
			} else {
				r = res[i]
			}
			if mem != nil && (r.Err != nil || r.Duplicate && r.ID != d.ID) {
				// What a document that is not stored under its id taught
				// is taken back.
				if ferr := mem.forget(ctx, d.ID); ferr != nil {
					fmt.Fprintf(e.stderr, "sitrep ingest: %s: %v\n", d.ID, ferr)
				}
			} else if mem != nil {
				mem.kept(d.ID)
			}
			switch {
			case r.Err != nil:
				in.stats.failed++
				fmt.Fprintf(e.stderr, "sitrep ingest: %s: %v\n", d.ID, r.Err)
			case r.Duplicate:
				in.stats.duplicates++
			default:
				in.stats.stored++
				if len(d.Problems) > 0 {
					in.stats.problems++
				}
			}
		}
		pending = pending[:0]
		return nil
	}
	emit := func(d *doc.Document) error {
		if strings.TrimSpace(d.Text) == "" {
			// An unreadable JSON Lines record: nothing to store.
			in.fail(d.ID, fmt.Errorf("not stored: %v", d.Problems.Err()))
			return nil
		}
		if len(pending) == 0 {
			since = time.Now()
		}
		pending = append(pending, d)
		if len(pending) >= ingestBatch || time.Since(since) >= ingestWait {
			return flush()
		}
		return nil
	}
	next := in.next
	if mem != nil {
		seq := 0
		next = func() (*doc.Document, bool, error) {
			d, ok, err := in.next()
			if ok {
				mem.seqs.Store(d, seq)
				seq++
			}
			return d, ok, err
		}
	}
	err = chain.Stream(ctx, next, emit)
	if ferr := flush(); err == nil {
		err = ferr
	}
	in.mu.Lock()
	stats := in.stats
	in.mu.Unlock()
	fmt.Fprintf(e.stderr, "sitrep ingest: %d read, %d stored, %d duplicates, %d with problems, %d failed (%s)\n",
		stats.read, stats.stored, stats.duplicates, stats.problems, stats.failed, *dbPath)
	if err != nil {
		return err
	}
	if stats.failed > 0 {
		return fmt.Errorf("%d of %d articles not stored", stats.failed, stats.read)
	}
	return nil
}

// ingestInput yields the documents of a list of files, one article per
// file or, in JSON Lines mode, one per line. A file that cannot be opened
// or read is reported and skipped. Its next method runs on the pipeline's
// reading goroutine while results are counted on another: mu guards the
// counts, the error output and the open file.
type ingestInput struct {
	files     []string
	readOne   func(io.Reader, ingest.Meta, ingest.Options) (*doc.Document, error) // nil for JSON Lines
	stdin     io.Reader
	meta      ingest.Meta
	opts      ingest.Options
	source    string
	published string
	stderr    io.Writer

	lines *ingest.LineReader

	mu    sync.Mutex
	cur   io.Closer
	stats ingestStats
}

// fail counts and reports an article that could not be stored.
func (in *ingestInput) fail(name string, err error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.stats.failed++
	fmt.Fprintf(in.stderr, "sitrep ingest: %s: %v\n", name, err)
}

func (in *ingestInput) countRead() {
	in.mu.Lock()
	in.stats.read++
	in.mu.Unlock()
}

func (in *ingestInput) open(name string) (io.Reader, error) {
	if name == "-" {
		return in.stdin, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	in.mu.Lock()
	in.cur = f
	in.mu.Unlock()
	return f, nil
}

func (in *ingestInput) close() {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.cur != nil {
		in.cur.Close()
		in.cur = nil
	}
}

// next returns the next document, ok == false after the last file.
func (in *ingestInput) next() (*doc.Document, bool, error) {
	for {
		if in.lines != nil {
			d, ok, err := in.lines.Next()
			if err != nil {
				in.countRead()
				in.fail(displayName(in.files[0]), err)
			} else if ok {
				in.countRead()
				if d.Source == "" {
					d.Source = in.source
				}
				if d.Published.IsZero() && in.published != "" {
					d.Published, _ = ingest.ParseDate(in.published)
				}
				return d, true, nil
			}
			in.lines = nil
			in.close()
			in.files = in.files[1:]
		}
		if len(in.files) == 0 {
			return nil, false, nil
		}
		name := in.files[0]
		r, err := in.open(name)
		if err != nil {
			in.countRead()
			in.fail(name, err)
			in.files = in.files[1:]
			continue
		}
		if in.readOne == nil {
			in.lines = ingest.NewLineReader(r, in.opts)
			continue
		}
		in.countRead()
		d, err := in.readOne(r, in.meta, in.opts)
		in.close()
		in.files = in.files[1:]
		if err != nil {
			in.fail(displayName(name), err)
			continue
		}
		return d, true, nil
	}
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// memoryHows are the kinds of evidence an actor fact is remembered from:
// words of the text around a name that say who the actor is (a title,
// an apposition, a possessive, an "of" phrase, a nominal coreferent with
// the name). A code read from the name itself ("name": a country word
// inside an organisation's name) would be read again from the same name
// anyway, and codes from the knowledge base or the memory are no new
// evidence: none of those is remembered.
var memoryHows = map[string]bool{"title": true, "apposition": true, "possessive": true, "of": true, "nominal": true}

// memoryTypes are the entity types remembered: people and organisations.
var memoryTypes = map[string]bool{doc.Person: true, doc.Org: true}

// storeFacts turns what the actors stage learned from d into facts for the
// store: only text evidence (memoryHows) about a person or organisation
// that the text names (a capitalised name mention, not only nominals such
// as "the CIA director"), each with the words that say so. An
// organisation is not remembered from a nominal alone ("the company",
// "the committee": too often the wrong one), nor a one-word name that is
// shorter than three letters or is a word the article also writes in
// lower case ("Trade" of a name cut short, "Agriculture").
func storeFacts(d *doc.Document, facts []actor.Fact) []store.ActorFact {
	var out []store.ActorFact
	for _, f := range facts {
		if !memoryHows[f.How] || !memoryTypes[f.Type] || !named(d, f.Entity, f.Name) || !f.Evidence.Valid(len(d.Text)) {
			continue
		}
		if f.Type == doc.Org && f.How == "nominal" {
			continue
		}
		if n := strings.TrimSpace(f.Name); !strings.ContainsAny(n, " \t\n") &&
			(utf8.RuneCountInString(n) < 3 || hasLowerWord(d.Text, strings.ToLower(n))) {
			continue
		}
		out = append(out, store.ActorFact{
			DocID: d.ID, Seen: f.Seen, Entity: f.Entity, Name: f.Name, Type: f.Type,
			Country: f.Actor.Country, Sector: f.Actor.Sector, Code: f.Actor.Code,
			Role: f.Role, Gender: f.Gender, How: f.How,
			Evidence: f.Evidence, EvidenceText: d.Slice(f.Evidence),
		})
	}
	return out
}

// hasLowerWord reports whether text holds w (lower case) as a whole word.
func hasLowerWord(text, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(text[:j])
		after, _ := utf8.DecodeRuneInString(text[j+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = j + 1
	}
}

// named reports whether entity id of d has a name mention and its name
// begins with a capital letter.
func named(d *doc.Document, id, name string) bool {
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return false
	}
	for i := range d.Entities {
		if d.Entities[i].ID != id {
			continue
		}
		for _, m := range d.Entities[i].Mentions {
			if m.Kind == doc.MentionName || m.Kind == "" {
				return true
			}
		}
		return false
	}
	return false
}

// storeMemory returns the store's actor memory as the actors stage
// consults it. A lookup that fails (the store closed, the context done)
// knows nothing. When the most relevant role remembered is contradicted by
// another seen as often at the same time, nothing is known either: the
// disagreement is left to the text.
func storeMemory(ctx context.Context, st store.ActorMemory) actor.Memory {
	return actor.MemoryFunc(func(name string, at time.Time) []actor.Known {
		roles, err := st.Recall(ctx, name, at)
		if err != nil || len(roles) == 0 {
			return nil
		}
		if r0 := roles[0]; r0.Conflict {
			for _, r := range roles[1:] {
				if r.Conflict && r.Docs >= r0.Docs && r.Country != r0.Country {
					return nil
				}
			}
		}
		ks := make([]actor.Known, 0, len(roles))
		for _, r := range roles {
			k := actor.Known{
				Name:   r.Name,
				Actor:  doc.Actor{Country: r.Country, Sector: r.Sector, Code: r.Code},
				Gender: r.Gender, Role: r.Role, From: r.FirstSeen, To: r.LastSeen,
			}
			if len(r.Evidence) > 0 {
				e := r.Evidence[0]
				k.Evidence = fmt.Sprintf("%q (document %s", e.Text, e.DocID)
				if !e.Seen.IsZero() {
					k.Evidence += ", " + day(e.Seen)
				}
				k.Evidence += ")"
			}
			ks = append(ks, k)
		}
		return ks
	})
}

// rememberStage is the actors stage as ingest runs it: it resolves each
// document in the order the documents were read (seqs), one at a time,
// and remembers what the text taught before the next document is
// resolved, so that every document sees the memory of those before it
// whatever the number of workers. Other stages still run concurrently.
type rememberStage struct {
	r  *actor.Resolver
	st store.Store

	seqs sync.Map // *doc.Document -> int, its place in the input
	turn turnstile

	mu      sync.Mutex
	learned map[string]bool // ids of documents that taught something, until stored
}

var _ pipeline.Stage = (*rememberStage)(nil)

// Name returns the actors stage's name.
func (m *rememberStage) Name() string { return m.r.Name() }

// Process resolves d's actors (see actor.Resolver.Process) in its turn and
// remembers the facts its text taught. A document already stored under
// its id taught them when it was stored and is not remembered again. A
// failure to remember is a problem on d, not an error; the error is the
// context's.
func (m *rememberStage) Process(ctx context.Context, d *doc.Document) error {
	if v, ok := m.seqs.LoadAndDelete(d); ok {
		seq := v.(int)
		if err := m.turn.wait(ctx, seq); err != nil {
			return err
		}
		defer m.turn.done(seq)
	}
	facts, err := m.r.Resolve(ctx, d)
	if err != nil {
		return err
	}
	sf := storeFacts(d, facts)
	if len(sf) == 0 {
		return nil
	}
	if _, err := m.st.Get(ctx, d.ID); err == nil {
		return nil
	} else if !errors.Is(err, store.ErrNotFound) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d.Problems.Add(actor.StageName, doc.Span{}, "actor memory: facts not remembered: %v", err)
		return nil
	}
	if err := m.st.Remember(ctx, sf); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d.Problems.Add(actor.StageName, doc.Span{}, "actor memory: facts not remembered: %v", err)
		return nil
	}
	m.mu.Lock()
	if m.learned == nil {
		m.learned = map[string]bool{}
	}
	m.learned[d.ID] = true
	m.mu.Unlock()
	return nil
}

// kept records that document id was stored: what it taught stays.
func (m *rememberStage) kept(id string) {
	m.mu.Lock()
	delete(m.learned, id)
	m.mu.Unlock()
}

// forget takes back what document id taught, if anything, because it was
// not stored under that id.
func (m *rememberStage) forget(ctx context.Context, id string) error {
	m.mu.Lock()
	taught := m.learned[id]
	delete(m.learned, id)
	m.mu.Unlock()
	if !taught {
		return nil
	}
	return m.st.Forget(ctx, id)
}

// turnstile lets numbered callers through one at a time in order of their
// numbers, from 0.
type turnstile struct {
	mu   sync.Mutex
	next int
	wake map[int]chan struct{}
}

// wait blocks until every caller numbered below seq is done, or ctx is.
func (t *turnstile) wait(ctx context.Context, seq int) error {
	t.mu.Lock()
	if t.next >= seq {
		t.mu.Unlock()
		return nil
	}
	if t.wake == nil {
		t.wake = map[int]chan struct{}{}
	}
	ch := make(chan struct{})
	t.wake[seq] = ch
	t.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// done lets caller seq+1 through.
func (t *turnstile) done(seq int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if seq+1 > t.next {
		t.next = seq + 1
	}
	if ch, ok := t.wake[t.next]; ok {
		close(ch)
		delete(t.wake, t.next)
	}
}
