package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     time.Time
		wantErr  bool
	}{
		{"empty", "", time.Time{}, false},
		{"date", "2026-01-16", time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC), false},
		{"rfc3339", "2026-01-16T09:30:00-05:00", time.Date(2026, 1, 16, 14, 30, 0, 0, time.UTC), false},
		{"date time", "2026-01-16 09:30:00", time.Date(2026, 1, 16, 9, 30, 0, 0, time.UTC), false},
		{"impossible day", "2026-02-30", time.Time{}, true},
		{"words", "last Thursday", time.Time{}, true},
		{"year zero", "0000-01-01", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) err = %v; want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrDate) {
				t.Errorf("err = %v; want ErrDate", err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		opt       Options
		wantErr   error
		wantProbs int
	}{
		{"article", "Talks began in Caracas.\n", Options{}, nil, 0},
		{"empty", "", Options{}, ErrEmpty, 0},
		{"only spaces", " \n\t\n", Options{}, ErrEmpty, 0},
		{"binary", "\x00\x01\x02PK\x03\x04", Options{}, ErrBinary, 0},
		{"control junk", strings.Repeat("\x01\x02\x03abc", 50), Options{}, ErrBinary, 0},
		{"too large", strings.Repeat("word ", 30), Options{MaxBytes: 100}, ErrTooLarge, 0},
		{"invalid utf-8 kept with a problem", "Caf\xe9 talks resumed.", Options{}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadText(strings.NewReader(tt.in), Meta{}, tt.opt)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("err = %v; want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if d.Text != tt.in {
				t.Errorf("text = %q; want it unchanged %q", d.Text, tt.in)
			}
			if len(d.Problems) != tt.wantProbs {
				t.Errorf("got %d problems; want %d: %v", len(d.Problems), tt.wantProbs, d.Problems)
			}
		})
	}
}

func TestNewIDs(t *testing.T) {
	a := New("Same text.", Meta{})
	b := New("Same text.", Meta{})
	c := New("Other text.", Meta{})
	u := New("Same text.", Meta{URL: "https://www.example.org/a"})
	if a.ID != b.ID {
		t.Errorf("same text got ids %s and %s; want equal", a.ID, b.ID)
	}
	if a.ID == c.ID || a.ID == u.ID {
		t.Errorf("different articles share id %s", a.ID)
	}
	if u.Source != "example.org" {
		t.Errorf("source = %q; want example.org", u.Source)
	}
	if got := New("x", Meta{ID: "given"}).ID; got != "given" {
		t.Errorf("id = %q; want given", got)
	}
	if d := New("x", Meta{Published: "2026-13-01"}); len(d.Problems) != 1 || !d.Published.IsZero() {
		t.Errorf("bad date: problems %v, published %v; want one problem and no date", d.Problems, d.Published)
	}
}

func TestLineReader(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","text":"First story.","published":"2026-01-16","url":"https://example.org/a","title":"A"}`,
		``,
		`not json at all`,
		`{"id":"c"}`,
		`{"text":"Second story.","published":"yesterday"}`,
		`{"id":"e","text":""}`,
		`{"id":"f","text":"` + strings.Repeat("x", 300) + `"}`,
		`{"id":"g","text":"Last line without newline."}`,
	}, "\n")
	type want struct {
		id        string
		text      string
		problems  int
		published string
	}
	wants := []want{
		{"a", "First story.", 0, "2026-01-16"},
		{"line-3", "", 1, ""},
		{"c", "", 1, ""},
		{"", "Second story.", 1, ""},
		{"e", "", 1, ""},
		{"line-7", "", 1, ""},
		{"g", "Last line without newline.", 0, ""},
	}
	lr := NewLineReader(strings.NewReader(in), Options{MaxBytes: 200})
	for i, w := range wants {
		d, ok, err := lr.Next()
		if err != nil || !ok {
			t.Fatalf("record %d: ok=%v err=%v; want a document", i, ok, err)
		}
		if w.id != "" && d.ID != w.id {
			t.Errorf("record %d: id = %q; want %q", i, d.ID, w.id)
		}
		if d.Text != w.text {
			t.Errorf("record %d: text = %q; want %q", i, d.Text, w.text)
		}
		if len(d.Problems) != w.problems {
			t.Errorf("record %d: problems = %v; want %d", i, d.Problems, w.problems)
		}
		if got := dateOf(d.Published); got != w.published {
			t.Errorf("record %d: published = %q; want %q", i, got, w.published)
		}
	}
	if d, ok, err := lr.Next(); ok || err != nil {
		t.Errorf("after the last line: got %v, %v, %v; want end of input", d, ok, err)
	}
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// FuzzLineReader checks that any input yields documents without panicking,
// that every non-blank line yields exactly one document, and that reading
// always ends.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Talks."}` + "\n" + `{"text":1}`))
	f.Add([]byte("\n\n{\"text\":\"\\ud800\"}\r\n[1,2]\n"))
	f.Add([]byte(`{"text":"x","published":"2026-02-30"}`))
	f.Add([]byte{0xff, 0xfe, '\n', '{', '}'})
	f.Fuzz(func(t *testing.T, in []byte) {
		const max = 64
		lines := 0
		parts := bytes.Split(in, []byte("\n"))
		for i, l := range parts {
			size := len(l)
			if i < len(parts)-1 {
				size++ // the newline
			}
			if size > max+1 || len(bytes.TrimSpace(bytes.TrimRight(l, "\r"))) > 0 {
				lines++ // an overlong line yields a document carrying the problem
			}
		}
		lr := NewLineReader(bytes.NewReader(in), Options{MaxBytes: max})
		n := 0
		for {
			d, ok, err := lr.Next()
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if !ok {
				break
			}
			if d == nil || d.ID == "" {
				t.Fatalf("document %d: got %+v; want a document with an id", n, d)
			}
			n++
			if n > len(in)+1 {
				t.Fatal("reader does not end")
			}
		}
		if n != lines {
			t.Errorf("got %d documents for %d non-blank lines", n, lines)
		}
	})
}

func TestReadHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Page title</title>
<meta property="og:title" content="Talks resume in Caracas">
<meta property="article:published_time" content="2026-01-15T18:04:00Z">
<link rel="canonical" href="https://news.example.org/caracas">
<script>var x = "not text";</script><style>p{color:red}</style></head>
<body><nav>Home | World</nav><header>Site header</header>
<article><h1>Talks resume</h1><p>CARACAS — Officials <b>met</b> on Thursday.</p>
<p>They   spoke for two hours.<br>Then left.</p><aside>Related: other story</aside>
<ul><li>First point</li><li>Second point</li></ul></article>
<footer>Copyright</footer></body></html>`
	d, err := ReadHTML(strings.NewReader(page), Meta{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Talks resume\n\nCARACAS — Officials met on Thursday.\n\nThey spoke for two hours.\nThen left.\n\nFirst point\n\nSecond point\n"
	if d.Text != want {
		t.Errorf("text = %q; want %q", d.Text, want)
	}
	if d.Title != "Talks resume in Caracas" || d.URL != "https://news.example.org/caracas" || dateOf(d.Published) != "2026-01-15" {
		t.Errorf("meta = %q %q %v; want the page's title, URL and date", d.Title, d.URL, d.Published)
	}
}

func TestReadHTMLBad(t *testing.T) {
	tests := []struct {
		name, in string
		wantErr  error
	}{
		{"no text", "<html><body><script>x</script></body></html>", ErrEmpty},
		{"malformed still read", "<html><body><p>Unclosed <b>bold <i>text</p></div></span>", nil},
		{"bad date ignored", `<html><head><meta name="date" content="soon"></head><body><p>Text.</p></body></html>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHTML(strings.NewReader(tt.in), Meta{}, Options{})
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Errorf("err = %v; want %v", err, tt.wantErr)
			}
		})
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add("<html><body><p>Officials met.</p></body></html>")
	f.Add("<article><p>a<br>b</p><li>c</li></article>")
	f.Add("<p>\xff\xfe</p>")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadHTML(strings.NewReader(in), Meta{}, Options{MaxBytes: 1 << 16})
		if err == nil && strings.TrimSpace(d.Text) == "" {
			t.Errorf("no error but empty text for %q", in)
		}
	})
}
