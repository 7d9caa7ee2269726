package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/store"
	"sitrep/store/sqlite"
)

// testArticle is written for these tests.
const testArticle = `Chilean Foreign Minister Laura Pinto met Peruvian officials in Lima on Monday to discuss fishing rights.
Peru's president warned that the navy would board foreign trawlers, a government spokesman said on Tuesday.
`

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	article := writeFile(t, dir, "lima.txt", testArticle)
	args := []string{"ingest", "--db", db, "--published", "2026-04-06", "--url", "https://example.org/lima", "--title", "Talks in Lima", article}

	code, _, stderr := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("ingest: exit status %d; want 0 (stderr %q)", code, stderr)
	}
	if want := "1 read, 1 stored, 0 duplicates"; !strings.Contains(stderr, want) {
		t.Errorf("ingest stderr %q; want it to contain %q", stderr, want)
	}

	// The stored document carries the analysis and the metadata given.
	st, err := sqlite.Open(context.Background(), db, sqlite.Config{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(context.Background(), store.DocFilter{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("Documents = %v, %v; want one", docs, err)
	}
	d, err := st.Get(context.Background(), docs[0].ID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != "https://example.org/lima" || d.Title != "Talks in Lima" || d.Published.Format("2006-01-02") != "2026-04-06" || d.Text != testArticle {
		t.Errorf("stored document = %q %q %v; want the URL, title and date given", d.URL, d.Title, d.Published)
	}
	if len(d.Sentences) == 0 || len(d.Tokens) == 0 {
		t.Errorf("stored document has %d sentences, %d tokens; want the analysis stored", len(d.Sentences), len(d.Tokens))
	}

	// Ingesting it again changes nothing.
	code, _, stderr = runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("re-ingest: exit status %d; want 0 (stderr %q)", code, stderr)
	}
	if want := "1 read, 0 stored, 1 duplicates"; !strings.Contains(stderr, want) {
		t.Errorf("re-ingest stderr %q; want it to contain %q", stderr, want)
	}
	// So does the same text under another name, from standard input.
	code, _, stderr = runCmd(t, testArticle, "ingest", "--db", db, "-")
	if code != 0 || !strings.Contains(stderr, "0 stored, 1 duplicates") {
		t.Errorf("same text from stdin: exit status %d, stderr %q; want 0 and a duplicate", code, stderr)
	}
	code, stdout, _ := runCmd(t, "", "docs", "--db", db, "--format", "jsonl")
	if code != 0 || strings.Count(stdout, "\n") != 1 {
		t.Errorf("docs after re-ingest: exit status %d, output %q; want one article", code, stdout)
	}
}

func TestIngestBatch(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	a := writeFile(t, dir, "a.txt", testArticle)
	b := writeFile(t, dir, "b.txt", "Dock workers in Valparaiso went on strike on Friday.\n")
	empty := writeFile(t, dir, "empty.txt", "  \n")

	t.Run("files, one missing, one empty", func(t *testing.T) {
		code, _, stderr := runCmd(t, "", "ingest", "--db", db, a, filepath.Join(dir, "missing.txt"), empty, b)
		if code != 1 {
			t.Errorf("exit status %d; want 1 (stderr %q)", code, stderr)
		}
		for _, want := range []string{"missing.txt", "empty.txt", "4 read, 2 stored, 0 duplicates, ", "with problems, 2 failed"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr %q; want it to contain %q", stderr, want)
			}
		}
	})
	t.Run("jsonl with a bad line", func(t *testing.T) {
		in := `{"id":"j1","text":"Farmers blocked roads near Cusco on Monday.","published":"2026-04-06","url":"https://example.org/j1"}
not json
{"id":"j2","text":"Dock workers in Valparaiso went on strike on Friday.\n"}
{"id":"j3","text":"Bolivia's army chief resigned on Sunday, officials said.","published":"2026-04-05"}
`
		code, _, stderr := runCmd(t, in, "ingest", "--db", db, "--format", "jsonl")
		if code != 1 {
			t.Errorf("exit status %d; want 1 (stderr %q)", code, stderr)
		}
		for _, want := range []string{"line-2", "4 read, 2 stored, 1 duplicates, ", "with problems, 1 failed"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr %q; want it to contain %q", stderr, want)
			}
		}
	})
	code, stdout, _ := runCmd(t, "", "docs", "--db", db, "--format", "jsonl", "--since", "2026-04-06")
	if code != 0 {
		t.Fatalf("docs: exit status %d", code)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var d struct{ ID string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("docs line %q: %v", line, err)
		}
		got = append(got, d.ID)
	}
	if len(got) != 1 || got[0] != "j1" {
		t.Errorf("docs --since 2026-04-06 = %q; want [j1]", got)
	}
}

func TestIngestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"bad published", []string{"--published", "2026-02-30", "x.txt"}, "--published"},
		{"unknown format", []string{"--format", "xml", "x.txt"}, `unknown --format "xml"`},
		{"url for two files", []string{"--url", "https://example.org/x", "a.txt", "b.txt"}, "one FILE"},
		{"id with jsonl", []string{"--id", "x", "--format", "jsonl"}, "one FILE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", append([]string{"ingest", "--db", db}, tc.args...)...)
			if code != 2 || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("exit status %d, stderr %q; want 2 and %q", code, stderr, tc.wantErr)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a bad command line created %s", db)
	}
}
