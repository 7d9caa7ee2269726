package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command line args with stdin and returns the exit
// status and what was printed.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), &env{strings.NewReader(stdin), &out, &errb}, args)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, ""},
		{"help", []string{"help"}, 0, ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"extract help", []string{"extract", "-h"}, 0, "usage: sitrep extract"},
		{"bad flag", []string{"extract", "--nope"}, 2, "flag provided but not defined"},
		{"bad published", []string{"extract", "--published", "2026-02-30", "x.txt"}, 2, "--published"},
		{"two files", []string{"extract", "a", "b"}, 2, "at most one FILE"},
		{"unknown format", []string{"extract", "--format", "xml", "-"}, 2, `unknown --format "xml"`},
		{"missing file", []string{"extract", "no/such/file.txt"}, 1, "no such file"},
		{"eval unknown area", []string{"eval", "nosuch"}, 2, `unknown area "nosuch"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d; want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q; want it to contain %q", stderr, tt.wantErr)
			}
		})
	}
}

// contractKeys lists the fields of the extract contract that outside
// evaluations read; none may disappear.
var contractKeys = []string{"document", "sentences", "entities", "times", "quotes", "events"}

func TestExtractText(t *testing.T) {
	text := "Officials met in Lagos on Monday. Talks will resume next week.\n"
	code, stdout, stderr := runCmd(t, text, "extract", "--published", "2026-03-02", "--url", "https://example.org/lagos", "--title", "Talks", "-")
	if code != 0 {
		t.Fatalf("exit status %d; want 0 (stderr %q)", code, stderr)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, stdout)
	}
	for _, k := range contractKeys {
		if _, ok := got[k]; !ok {
			t.Errorf("output lacks %q", k)
		}
	}
	var d struct {
		ID, URL, Title, Published string
	}
	json.Unmarshal(got["document"], &d)
	if d.URL != "https://example.org/lagos" || d.Title != "Talks" || d.Published != "2026-03-02" || d.ID == "" {
		t.Errorf("document = %+v; want the url, title and date given and an id", d)
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, wantErr string
		flags               []string
	}{
		{"empty file", write("empty.txt", ""), "empty input", nil},
		{"binary junk", write("junk.bin", "\x7fELF\x02\x01\x01\x00\x00\x00"), "looks binary", nil},
		{"over --max-bytes", write("long.txt", strings.Repeat("Talks went on. ", 20)), "--max-bytes raises", []string{"--max-bytes", "100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "", append(append([]string{"extract"}, tt.flags...), tt.path)...)
			if code != 1 {
				t.Errorf("exit status %d; want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout %q; want nothing", stdout)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q; want %q", stderr, tt.wantErr)
			}
		})
	}
}

func TestExtractJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"one","text":"The minister resigned on Friday.","published":"2026-01-16"}`,
		`this line is not JSON`,
		`{"id":"three"}`,
		`{"id":"four","text":"Protesters gathered in Quito.","published":"not a date"}`,
		`{"id":"five","text":"Rebels seized the town."}`,
	}, "\n") + "\n"
	code, stdout, stderr := runCmd(t, in, "extract", "--format", "jsonl", "--workers", "3")
	if code != 0 {
		t.Fatalf("exit status %d; want 0 (stderr %q)", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	wantIDs := []string{"one", "line-2", "three", "four", "five"}
	wantProblems := []int{0, 1, 1, 1, 0} // ingest problems: not JSON, no text, bad date
	if len(lines) != len(wantIDs) {
		t.Fatalf("got %d output lines; want %d:\n%s", len(lines), len(wantIDs), stdout)
	}
	for i, line := range lines {
		var o struct {
			Document struct{ ID string }
			Problems []struct{ Stage string }
		}
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		if o.Document.ID != wantIDs[i] {
			t.Errorf("line %d: id %q; want %q (input order)", i+1, o.Document.ID, wantIDs[i])
		}
		n := 0
		for _, p := range o.Problems {
			if p.Stage == "ingest" {
				n++
			}
		}
		if n != wantProblems[i] {
			t.Errorf("line %d: %d ingest problems; want %d", i+1, n, wantProblems[i])
		}
	}
}
