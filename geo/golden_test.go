package geo

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sitrep/doc"
)

var update = flag.Bool("update", false, "rewrite the places sections of testdata/*.txt")

// splitArchive splits a txtar-style file into its comment and named
// sections ("-- name --" lines).
func splitArchive(s string) (comment string, names []string, sections map[string]string) {
	sections = map[string]string{}
	cur := ""
	var b strings.Builder
	flush := func() {
		if cur == "" {
			comment = b.String()
		} else {
			sections[cur] = b.String()
			names = append(names, cur)
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = t[3 : len(t)-3]
			continue
		}
		b.WriteString(line)
	}
	flush()
	return comment, names, sections
}

// placesView lists the places of d one per line, in text order:
// "start:end TYPE "text" -> Name CCC FEATURE lat,lon id".
func placesView(d *doc.Document) string {
	var lines []string
	type row struct {
		start int
		line  string
	}
	var rows []row
	for _, e := range d.Entities {
		if e.Place == nil {
			continue
		}
		p := e.Place
		for _, m := range e.Mentions {
			rows = append(rows, row{m.Start, fmt.Sprintf("%s %s %q -> %s %s %s %.2f,%.2f %s",
				m.Span, e.Type, d.Slice(m.Span), p.Name, p.Country, p.Feature, p.Lat, p.Lon, p.ID)})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].start < rows[j].start })
	for _, r := range rows {
		lines = append(lines, r.line)
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestGolden runs the stage alone (no NER) on the hand-written articles of
// testdata and compares the places found with the "places" sections;
// `go test ./geo -run TestGolden -update` rewrites them.
func TestGolden(t *testing.T) {
	r := newResolver(t)
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			comment, names, sec := splitArchive(string(b))
			input := strings.TrimSuffix(sec["input"], "\n")
			d := &doc.Document{Text: input}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := placesView(d)
			if *update {
				sec["places"] = got
				var out strings.Builder
				out.WriteString(comment)
				if _, ok := sec["places"]; ok && !contains(names, "places") {
					names = append(names, "places")
				}
				for _, n := range names {
					fmt.Fprintf(&out, "-- %s --\n%s", n, sec[n])
				}
				if err := os.WriteFile(f, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := sec["places"]; got != want {
				t.Errorf("places differ (run with -update to accept):\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
