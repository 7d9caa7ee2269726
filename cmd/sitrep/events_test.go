package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sitrep/doc"
	"sitrep/store/sqlite"
)

// eventsDB returns a database holding two documents with hand-made events
// (written for these tests), so that every filter has something to find.
func eventsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "events.db")
	st, err := sqlite.Open(context.Background(), db, sqlite.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	span := func(d *doc.Document, s string) doc.Span {
		i := strings.Index(d.Text, s)
		if i < 0 {
			t.Fatalf("%q not in %s", s, d.ID)
		}
		return doc.Span{Start: i, End: i + len(s)}
	}
	a := &doc.Document{
		ID: "lima", URL: "https://example.org/lima", Source: "example.org", Title: "Talks in Lima",
		Published: time.Date(2026, 4, 6, 0, 0, 0, 0, time.UTC), Language: "en",
		Text: "Chilean Foreign Minister Laura Pinto met Peruvian officials in Lima on Monday. " +
			"Peru's president warned that the navy would board foreign trawlers, a spokesman said.",
	}
	a.Entities = []doc.Entity{
		{ID: "e1", Type: doc.Person, Name: "Laura Pinto", Actor: &doc.Actor{Country: "CHL", Sector: "GOV", Code: "CHLGOV"}},
		{ID: "e2", Type: doc.Org, Name: "Peruvian officials", Actor: &doc.Actor{Country: "PER", Sector: "GOV", Code: "PERGOV"}},
		{ID: "e3", Type: doc.Person, Name: "president of Peru", Actor: &doc.Actor{Country: "PER", Sector: "GOV", Code: "PERGOV"}},
		{ID: "e4", Type: doc.Org, Name: "Peruvian navy", Actor: &doc.Actor{Country: "PER", Sector: "MIL", Code: "PERMIL"}},
	}
	first := doc.Span{End: strings.Index(a.Text, ". ") + 1}
	second := doc.Span{Start: first.End + 1, End: len(a.Text)}
	a.Events = []doc.Event{
		{ID: "v1", Plover: "CONSULT", Mode: "visit", CAMEO: "043", QuadClass: 1, Goldstein: 2.8,
			Actors: []string{"e1"}, Recipients: []string{"e2"}, Date: "2026-04-06", DatePrecision: "day",
			Location: &doc.Location{Name: "Lima", Country: "PER", Lat: -12.05, Lon: -77.04},
			Modality: doc.Asserted, Evidence: first, Trigger: span(a, "met"), Rule: "test.meet"},
		{ID: "v2", Plover: "THREATEN", CAMEO: "138", QuadClass: 3, Goldstein: -7,
			Actors: []string{"e3", "e4"}, Date: "2026-04-07", DatePrecision: "day",
			Modality: doc.Future, AttributedTo: "a spokesman", Evidence: second, Trigger: span(a, "warned"), Rule: "test.warn"},
	}
	b := &doc.Document{
		ID: "quito", Title: "", Published: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Language: "en",
		Text: "Ecuadorian police, in a statement, said they arrested \"dozens\" of students in Quito.",
	}
	b.Entities = []doc.Entity{
		{ID: "e1", Type: doc.Org, Name: "Ecuadorian police", Actor: &doc.Actor{Country: "ECU", Sector: "COP", Code: "ECUCOP"}},
		{ID: "e2", Type: doc.NORP, Name: "students", Actor: &doc.Actor{Country: "ECU", Sector: "EDU", Code: "ECUEDU"}},
	}
	b.Events = []doc.Event{{ID: "v1", Plover: "ARREST", CAMEO: "173", QuadClass: 4, Goldstein: -5,
		Actors: []string{"e1"}, Recipients: []string{"e2"}, Date: "2026-05", DatePrecision: "month",
		Location: &doc.Location{Name: "Quito", Country: "ECU", Lat: -0.22, Lon: -78.51},
		Modality: doc.Asserted, AttributedTo: "e1", Evidence: doc.Span{End: len(b.Text)}, Trigger: span(b, "arrested"), Rule: "test.arrest"}}
	for _, d := range []*doc.Document{a, b} {
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestEventsFilters(t *testing.T) {
	db := eventsDB(t)
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"all", nil, []string{"lima/v1", "lima/v2", "quito/v1"}},
		{"actor country", []string{"--actor-country", "PER"}, []string{"lima/v2"}},
		{"actor sector", []string{"--actor-sector", "mil"}, []string{"lima/v2"}},
		{"recipient country", []string{"--recipient-country", "PER"}, []string{"lima/v1"}},
		{"recipient sector", []string{"--recipient-sector", "EDU"}, []string{"quito/v1"}},
		{"either side", []string{"--country", "PER"}, []string{"lima/v1", "lima/v2"}},
		{"either side sector", []string{"--sector", "GOV"}, []string{"lima/v1", "lima/v2"}},
		{"entity", []string{"--entity", "Laura Pinto"}, []string{"lima/v1"}},
		{"type", []string{"--type", "ARREST"}, []string{"quito/v1"}},
		{"cameo", []string{"--cameo", "1"}, []string{"lima/v2", "quito/v1"}},
		{"modality", []string{"--modality", "future"}, []string{"lima/v2"}},
		{"since", []string{"--since", "2026-04-07"}, []string{"lima/v2", "quito/v1"}},
		{"until", []string{"--until", "2026-04-06"}, []string{"lima/v1"}},
		{"month overlaps", []string{"--since", "2026-05-20", "--until", "2026-05-21"}, []string{"quito/v1"}},
		{"search", []string{"--search", "trawlers navy"}, []string{"lima/v2"}},
		{"document", []string{"--doc", "quito"}, []string{"quito/v1"}},
		{"limit", []string{"--limit", "2"}, []string{"lima/v1", "lima/v2"}},
		{"offset", []string{"--offset", "2"}, []string{"quito/v1"}},
		{"nothing", []string{"--country", "FRA"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "", append([]string{"events", "--db", db, "--format", "jsonl"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit status %d; want 0 (stderr %q)", code, stderr)
			}
			var got []string
			dec := json.NewDecoder(strings.NewReader(stdout))
			for dec.More() {
				var ev eventJSON
				if err := dec.Decode(&ev); err != nil {
					t.Fatalf("output is not JSON Lines: %v\n%s", err, stdout)
				}
				got = append(got, ev.DocID+"/"+ev.EventID)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("events %q = %q; want %q", tc.args, got, tc.want)
			}
		})
	}
}

func TestEventsFormats(t *testing.T) {
	db := eventsDB(t)
	t.Run("table", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, "", "events", "--db", db)
		if code != 0 {
			t.Fatalf("exit status %d (stderr %q)", code, stderr)
		}
		lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("table has %d lines; want a header and 3 rows:\n%s", len(lines), stdout)
		}
		header := strings.Fields(lines[0])
		if want := []string{"DATE", "TYPE", "CAMEO", "ACTORS", "RECIPIENTS", "LOCATION", "MODALITY", "EVIDENCE"}; !reflect.DeepEqual(header, want) {
			t.Errorf("header = %q; want %q", header, want)
		}
		col := strings.Index(lines[0], "EVIDENCE")
		for _, l := range lines[1:] {
			if len(l) < col || strings.HasPrefix(l[col:], " ") {
				t.Errorf("row not aligned with the header:\n%s\n%s", lines[0], l)
			}
		}
		for _, want := range []string{"2026-04-06  CONSULT", "Laura Pinto (CHLGOV)", "Peruvian officials (PERGOV)", "Lima (PER)",
			"president of Peru (PERGOV); Peruvian navy (PERMIL)", "2026-05     ARREST", "…"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("table lacks %q:\n%s", want, stdout)
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, "", "events", "--db", db, "--format", "csv")
		if code != 0 {
			t.Fatalf("exit status %d (stderr %q)", code, stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatalf("output is not CSV: %v", err)
		}
		if len(recs) != 4 || !reflect.DeepEqual(recs[0], eventsCSVHeader) {
			t.Fatalf("CSV = %q; want the header and 3 rows", recs)
		}
		row := map[string]string{}
		for i, h := range recs[3] {
			row[h] = recs[3][i]
			row[recs[0][i]] = recs[3][i]
		}
		want := map[string]string{
			"doc_id": "quito", "event_id": "v1", "date": "2026-05", "plover": "ARREST", "cameo": "173",
			"actor_codes": "ECUCOP", "recipient_names": "students", "location": "Quito", "lat": "-0.22",
			"attributed_to": "e1", "attributed_name": "Ecuadorian police", "trigger": "arrested",
			"evidence": `Ecuadorian police, in a statement, said they arrested "dozens" of students in Quito.`,
		}
		for k, v := range want {
			if row[k] != v {
				t.Errorf("CSV %s = %q; want %q", k, row[k], v)
			}
		}
		if got := recs[2][13]; got != "e3;e4" {
			t.Errorf("CSV actor_ids of lima/v2 = %q; want %q", got, "e3;e4")
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		code, stdout, _ := runCmd(t, "", "events", "--db", db, "--format", "jsonl", "--doc", "lima", "--limit", "1")
		if code != 0 {
			t.Fatalf("exit status %d", code)
		}
		var ev map[string]any
		if err := json.Unmarshal([]byte(stdout), &ev); err != nil {
			t.Fatalf("output is not one JSON object: %v\n%s", err, stdout)
		}
		for _, k := range []string{"doc_id", "url", "title", "published", "event_id", "plover", "cameo", "quad_class", "goldstein",
			"date", "date_precision", "actors", "recipients", "location", "modality", "attributed_to", "evidence", "trigger", "rule"} {
			if _, ok := ev[k]; !ok {
				t.Errorf("event object lacks %q", k)
			}
		}
		if ev["published"] != "2026-04-06" || ev["evidence"].(map[string]any)["text"] != "Chilean Foreign Minister Laura Pinto met Peruvian officials in Lima on Monday." {
			t.Errorf("event = %v", ev)
		}
	})
	t.Run("limit note", func(t *testing.T) {
		_, _, stderr := runCmd(t, "", "events", "--db", db, "--limit", "1")
		if !strings.Contains(stderr, "first 1 events listed") {
			t.Errorf("stderr %q; want a note that the limit cut the list", stderr)
		}
		_, _, stderr = runCmd(t, "", "events", "--db", db, "--limit", "3")
		if stderr != "" {
			t.Errorf("stderr %q; want nothing when the limit cut nothing", stderr)
		}
	})
}

func TestDocsFormats(t *testing.T) {
	db := eventsDB(t)
	code, stdout, stderr := runCmd(t, "", "docs", "--db", db)
	if code != 0 {
		t.Fatalf("table: exit status %d (stderr %q)", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[1], "Talks in Lima") ||
		!strings.Contains(lines[2], "Ecuadorian police, in a statement") {
		t.Errorf("table:\n%s\nwant a header, Lima by title, Quito by its first words", stdout)
	}
	code, stdout, _ = runCmd(t, "", "docs", "--db", db, "--format", "csv", "--search", "trawlers")
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != 0 || err != nil || len(recs) != 2 || !reflect.DeepEqual(recs[0], docsCSVHeader) {
		t.Fatalf("csv: exit status %d, %v, %q; want the header and one row", code, err, recs)
	}
	if want := []string{"lima", "2026-04-06", "example.org", "https://example.org/lima", "Talks in Lima", "en"}; !reflect.DeepEqual(recs[1][:6], want) {
		t.Errorf("csv row = %q; want it to start %q", recs[1], want)
	}
	if recs[1][10] != "2" {
		t.Errorf("csv events = %q; want 2", recs[1][10])
	}
	code, stdout, _ = runCmd(t, "", "docs", "--db", db, "--format", "jsonl", "--until", "2026-04-30")
	var d docJSON
	if err := json.Unmarshal([]byte(stdout), &d); code != 0 || err != nil || d.ID != "lima" || d.Events != 2 || d.Entities != 4 {
		t.Errorf("jsonl = %q (exit %d, %v); want lima with 2 events and 4 entities", stdout, code, err)
	}
}

func TestListErrors(t *testing.T) {
	db := eventsDB(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"events bad since", []string{"events", "--db", db, "--since", "2026-13-01"}, 2, "--since"},
		{"events bad until", []string{"events", "--db", db, "--until", "yesterday"}, 2, "--until"},
		{"docs bad since", []string{"docs", "--db", db, "--since", "01/04/2026"}, 2, "--since"},
		{"events bad format", []string{"events", "--db", db, "--format", "xml"}, 2, `unknown --format "xml"`},
		{"events bad cameo", []string{"events", "--db", db, "--cameo", "04x"}, 2, "CAMEO"},
		{"events empty search", []string{"events", "--db", db, "--search", "?!"}, 2, "no word"},
		{"events negative limit", []string{"events", "--db", db, "--limit", "-1"}, 2, "--limit"},
		{"events argument", []string{"events", "--db", db, "VEN"}, 2, "unexpected argument"},
		{"events missing database", []string{"events", "--db", missing}, 1, "does not exist"},
		{"docs missing database", []string{"docs", "--db", missing}, 1, "does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tc.args...)
			if code != tc.wantCode || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("exit status %d, stderr %q; want %d and %q", code, stderr, tc.wantCode, tc.wantErr)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("a read command created %s", missing)
	}
}

func TestListHelp(t *testing.T) {
	for _, cmd := range []string{"ingest", "events", "docs"} {
		var out bytes.Buffer
		code := run(context.Background(), &env{strings.NewReader(""), &out, &out}, []string{cmd, "-h"})
		if code != 0 || !strings.Contains(out.String(), "usage: sitrep "+cmd) || !strings.Contains(out.String(), "sitrep.db") {
			t.Errorf("%s -h: exit %d, output %q; want its help naming the default database", cmd, code, out.String())
		}
	}
}
