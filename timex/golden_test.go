package timex

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txt")

// archive is a txtar-style file: a comment of "key: value" lines, then
// sections opened by "-- name --" lines.
type archive struct {
	comment  string
	names    []string
	sections map[string]string
}

func parseArchive(s string) archive {
	a := archive{sections: map[string]string{}}
	cur := ""
	var b strings.Builder
	flush := func() {
		if cur == "" {
			a.comment = b.String()
		} else {
			a.sections[cur] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = strings.TrimSpace(t[3 : len(t)-3])
			a.names = append(a.names, cur)
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		fmt.Fprintf(&b, "-- %s --\n%s", n, a.sections[n])
	}
	return b.String()
}

func (a archive) header(key string) string {
	for _, line := range strings.Split(a.comment, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// TestGolden tags each testdata/*.txt input and compares the times and
// the event dates of the listed trigger words with the expected sections;
// go test ./timex -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	tg := newTagger(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(src))
			pub, err := time.Parse("2006-01-02", a.header("published"))
			if err != nil {
				t.Fatal(err)
			}
			text := a.sections["input"]
			d := &doc.Document{Text: text, Published: pub}
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var times bytes.Buffer
			for _, x := range d.Times {
				fmt.Fprintf(&times, "%d:%d %q %s %s\n", x.Start, x.End, d.Slice(x.Span), x.Type, x.Value)
			}
			var dates bytes.Buffer
			for _, trig := range strings.Split(a.header("triggers"), ",") {
				trig = strings.TrimSpace(trig)
				i := strings.Index(text, trig)
				if trig == "" || i < 0 {
					continue
				}
				sentence := sentenceAround(text, i)
				date, precision, source := EventDate(d, sentence, doc.Span{Start: i, End: i + len(trig)})
				fmt.Fprintf(&dates, "%q %s %s %s\n", trig, date, precision, source)
			}
			got := map[string]string{"times": times.String(), "dates": dates.String()}
			if *update {
				for k, v := range got {
					a.sections[k] = v
				}
				if err := os.WriteFile(f, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, k := range []string{"times", "dates"} {
				if got[k] != a.sections[k] {
					t.Errorf("%s differs (-want +got):\n%s", k, lineDiff(a.sections[k], got[k]))
				}
			}
		})
	}
}

// sentenceAround returns the line of text holding byte i: the golden
// inputs have one sentence per line.
func sentenceAround(text string, i int) doc.Span {
	s := strings.LastIndexByte(text[:i], '\n') + 1
	e := strings.IndexByte(text[i:], '\n')
	if e < 0 {
		return doc.Span{Start: s, End: len(text)}
	}
	return doc.Span{Start: s, End: i + e}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			fmt.Fprintf(&b, "-%s\n", l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			fmt.Fprintf(&b, "+%s\n", l)
		}
	}
	return b.String()
}
