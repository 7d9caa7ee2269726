package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"sitrep/doc"
	"sitrep/ingest"
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
	workers := fs.Int("workers", 0, "articles analysed at once (0: one per core)")
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

	chain, err := newChain(chainConfig{Workers: *workers})
	if err != nil {
		return err
	}
	st, err := sqlite.Open(ctx, *dbPath, sqlite.Config{})
	if err != nil {
		return err
	}
	defer st.Close()

	in := &ingestInput{
		files: files, readOne: readOne, stdin: e.stdin, source: *source, published: *published,
		meta:   ingest.Meta{ID: *id, URL: *url, Title: *title, Source: *source, Published: *published},
		stderr: e.stderr,
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
	err = chain.Stream(ctx, in.next, emit)
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
			in.lines = ingest.NewLineReader(r, ingest.Options{})
			continue
		}
		in.countRead()
		d, err := in.readOne(r, in.meta, ingest.Options{})
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
