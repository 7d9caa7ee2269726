// Package ingest turns outside input (plain text, JSON Lines records) into
// documents ready for the pipeline. It never panics on bad input: what it
// cannot read becomes an error for a single document, or a problem recorded
// on that record's document in a batch.
package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/doc"
)

// Stage is the name problems recorded by this package carry.
const Stage = "ingest"

// DefaultMaxBytes is the largest text accepted when Options.MaxBytes is
// zero: 2 MiB, some 350,000 words, far beyond any news article. The
// analysis chain needs about 130 bytes of working memory per byte of text,
// so this keeps one article within sitrep's 500 MB budget; callers with
// longer documents raise it (sitrep's --max-bytes).
const DefaultMaxBytes = 2 << 20

// Errors returned by this package, for errors.Is.
var (
	ErrEmpty    = errors.New("ingest: empty input")
	ErrTooLarge = errors.New("ingest: input too large")
	ErrBinary   = errors.New("ingest: input looks binary, not text")
	ErrDate     = errors.New("ingest: bad publication date")
)

// Meta is what is known of an article besides its text.
type Meta struct {
	ID        string
	URL       string
	Title     string
	Source    string
	Published string // YYYY-MM-DD, RFC 3339, or "" when unknown
}

// Options bounds what ingest accepts. The zero value uses the defaults.
type Options struct {
	MaxBytes int // largest text accepted; 0 means DefaultMaxBytes
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// ParseDate reads a publication date written as YYYY-MM-DD, as RFC 3339, or
// as a date and time without zone ("2026-01-15 14:03:00", read as UTC). It
// returns the zero time for "" and an error wrapping ErrDate for anything
// else, including impossible dates such as 2026-02-30.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano, time.DateTime, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1 || t.Year() > 9999 {
				break
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w %q: want YYYY-MM-DD or RFC 3339", ErrDate, s)
}

// New builds a document from text and meta. Its id is meta.ID when given,
// else derived from the URL, else from the text, so the same article always
// gets the same id. A publication date that cannot be read is recorded as a
// problem and left unknown; invalid UTF-8 is recorded and kept as it is.
func New(text string, meta Meta) *doc.Document {
	d := &doc.Document{
		ID:       meta.ID,
		URL:      meta.URL,
		Title:    meta.Title,
		Source:   meta.Source,
		Language: "en",
		Text:     text,
	}
	if d.ID == "" {
		d.ID = ContentID(meta.URL, text)
	}
	if t, err := ParseDate(meta.Published); err != nil {
		d.Problems.Add(Stage, doc.Span{}, "%v; publication date left unknown", err)
	} else {
		d.Published = t
	}
	if d.Source == "" && d.URL != "" {
		d.Source = hostOf(d.URL)
	}
	if !utf8.ValidString(text) {
		i := firstInvalid(text)
		d.Problems.Add(Stage, doc.Span{Start: i, End: i + 1}, "invalid UTF-8 (first at byte %d); read as U+FFFD, offsets unchanged", i)
	}
	return d
}

// ContentID returns a stable id for an article: a hash of its URL when
// there is one, else of its text.
func ContentID(url, text string) string {
	h := sha256.New()
	if url != "" {
		io.WriteString(h, "url:"+url)
	} else {
		io.WriteString(h, "text:"+text)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// ReadText reads one whole article from r. It returns ErrEmpty for input
// with no visible text, ErrTooLarge past the size limit and ErrBinary for
// input that is not text (NUL bytes, mostly control or invalid bytes).
func ReadText(r io.Reader, meta Meta, opt Options) (*doc.Document, error) {
	max := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: read: %w", err)
	}
	if len(b) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	text := string(b)
	if err := checkText(text); err != nil {
		return nil, err
	}
	return New(text, meta), nil
}

// checkText reports whether text is worth analysing.
func checkText(text string) error {
	if strings.TrimSpace(text) == "" {
		return ErrEmpty
	}
	if looksBinary(text) {
		return ErrBinary
	}
	return nil
}

// looksBinary reports whether s holds a NUL byte or, in its first 8 KiB,
// more than 10% control or invalid bytes.
func looksBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	head := s
	if len(head) > 8192 {
		head = head[:8192]
	}
	bad, n := 0, 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRuneInString(head[i:])
		if (r == utf8.RuneError && size == 1 && i+4 < len(head)) || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
		n++
		i += size
	}
	return n > 0 && bad*10 > n
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func hostOf(u string) string {
	s := u
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(strings.ToLower(s), "www.")
}

// Record is one JSON Lines input record.
type Record struct {
	ID        string  `json:"id"`
	Text      *string `json:"text"`
	Published string  `json:"published"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
}

// LineReader reads JSON Lines records one at a time in constant memory:
// each line is held only while it is decoded. A line that is not a JSON
// object, lacks "text" or is too long still yields a document, carrying the
// problem, so the output keeps one object per input line.
type LineReader struct {
	r    *bufio.Reader
	opt  Options
	line int
}

// NewLineReader returns a reader of JSON Lines records from r.
func NewLineReader(r io.Reader, opt Options) *LineReader {
	return &LineReader{r: bufio.NewReaderSize(r, 1<<16), opt: opt}
}

// Next returns the document of the next non-blank line. It returns ok ==
// false at the end of the input, and an error only when reading fails.
func (lr *LineReader) Next() (d *doc.Document, ok bool, err error) {
	for {
		line, tooLong, err := lr.readLine()
		if err == io.EOF && line == nil && !tooLong {
			return nil, false, nil
		}
		if err != nil && err != io.EOF {
			return nil, false, fmt.Errorf("ingest: line %d: %w", lr.line, err)
		}
		if tooLong {
			return lr.bad(fmt.Sprintf("line longer than %d bytes; skipped", lr.opt.maxBytes())), true, nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				return nil, false, nil
			}
			continue
		}
		return lr.decode(line), true, nil
	}
}

// readLine returns the next line without its newline. A line longer than
// the size limit is consumed and reported as tooLong without being kept.
func (lr *LineReader) readLine() (line []byte, tooLong bool, err error) {
	lr.line++
	max := lr.opt.maxBytes()
	var buf []byte
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return bytes.TrimRight(buf, "\r\n"), tooLong, nil
		case io.EOF:
			if len(buf) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			return bytes.TrimRight(buf, "\r\n"), tooLong, io.EOF
		default:
			return nil, false, err
		}
	}
}

func (lr *LineReader) decode(line []byte) *doc.Document {
	var rec Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return lr.bad(fmt.Sprintf("line is not a JSON object: %v", err))
	}
	if rec.Text == nil {
		d := lr.bad(`record has no "text" field`)
		d.ID, d.URL, d.Title = orLine(rec.ID, lr.line), rec.URL, rec.Title
		return d
	}
	d := New(*rec.Text, Meta{ID: rec.ID, URL: rec.URL, Title: rec.Title, Source: rec.Source, Published: rec.Published})
	if err := checkText(*rec.Text); err != nil {
		d.Problems.Add(Stage, doc.Span{}, "line %d: %v", lr.line, err)
	}
	return d
}

// bad returns an empty document standing for an unreadable line.
func (lr *LineReader) bad(msg string) *doc.Document {
	d := &doc.Document{ID: orLine("", lr.line), Language: "en"}
	d.Problems.Add(Stage, doc.Span{}, "line %d: %s", lr.line, msg)
	return d
}

func orLine(id string, line int) string {
	if id != "" {
		return id
	}
	return fmt.Sprintf("line-%d", line)
}
