package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/actor"
	"sitrep/doc"
	"sitrep/store"
	"sitrep/store/sqlite"
)

// Articles written for these tests.
const (
	memoryArticle1 = "Venezuela's interim president, Delcy Rodríguez, met the CIA director in Caracas on Thursday.\n"
	memoryArticle2 = "Rodríguez said the talks with Washington were productive.\n"
	memoryArticle3 = "The interim president said the talks were productive.\n"

	historyArticle1 = "Delcy Rodríguez, Venezuela's vice president, spoke to reporters in Caracas on Monday.\n"
	historyArticle2 = "Venezuela's vice president, Delcy Rodríguez, criticised the new sanctions.\n"
	historyArticle3 = "Venezuela's interim president, Delcy Rodríguez, met the CIA director in Caracas on Thursday.\n"
)

// jsonlArticles writes articles as JSON Lines, one {"id","text","published"}
// a line, in the order given.
func jsonlArticles(t testing.TB, dir, name string, arts ...[3]string) string {
	t.Helper()
	var b strings.Builder
	for _, a := range arts {
		line, err := json.Marshal(map[string]string{"id": a[0], "published": a[1], "text": a[2]})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// storedActor returns the actor of the entity named name in stored
// document id, or nil.
func storedActor(t *testing.T, db, id, name string) *doc.Actor {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db, sqlite.Config{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	for _, e := range d.Entities {
		if e.Name == name {
			return e.Actor
		}
	}
	t.Fatalf("document %s has no entity named %q (entities %v)", id, name, d.Entities)
	return nil
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("sitrep %s: exit status %d; want 0 (stderr %q)", strings.Join(args, " "), code, stderr)
	}
	return stdout
}

// TestIngestActorMemory: a later article's bare surname is coded from what
// an earlier one said, within one run and across runs, and not without
// the memory.
func TestIngestActorMemory(t *testing.T) {
	dir := t.TempDir()
	both := jsonlArticles(t, dir, "both.jsonl",
		[3]string{"a1", "2026-01-08", memoryArticle1}, [3]string{"a2", "2026-01-12", memoryArticle2},
		[3]string{"a3", "2026-01-14", memoryArticle3}, [3]string{"a4", "2027-03-01", memoryArticle3 + "It was raining.\n"})
	first := jsonlArticles(t, dir, "first.jsonl", [3]string{"a1", "2026-01-08", memoryArticle1})
	second := jsonlArticles(t, dir, "second.jsonl",
		[3]string{"a2", "2026-01-12", memoryArticle2}, [3]string{"a3", "2026-01-14", memoryArticle3},
		[3]string{"a4", "2027-03-01", memoryArticle3 + "It was raining.\n"})
	for _, tc := range []struct {
		name string
		runs [][]string // ingest arguments before the files
		// want is the code of "Rodríguez" in a2, of "the interim president"
		// in a3 (days later) and in a4 (a year later, when who holds the
		// role is not known); "" for none.
		want string
	}{
		{"one run", [][]string{{"--workers", "2", both}}, "VENGOV VENGOV GOV"},
		{"one run, one worker", [][]string{{"--workers", "1", both}}, "VENGOV VENGOV GOV"},
		{"two runs", [][]string{{first}, {second}}, "VENGOV VENGOV GOV"},
		{"without memory", [][]string{{"--memory=false", both}}, " GOV GOV"},
		{"memory not consulted", [][]string{{first}, {"--memory=false", second}}, " GOV GOV"},
		{"later articles alone", [][]string{{second}}, " GOV GOV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "test.db")
			for _, r := range tc.runs {
				mustRun(t, append([]string{"ingest", "--db", db, "--format", "jsonl"}, r...)...)
			}
			var codes []string
			for _, e := range [][2]string{{"a2", "Rodríguez"}, {"a3", "interim president"}, {"a4", "interim president"}} {
				code := ""
				if a := storedActor(t, db, e[0], e[1]); a != nil {
					code = a.Code
				}
				codes = append(codes, code)
			}
			if got := strings.Join(codes, " "); got != tc.want {
				t.Errorf("codes of a2's Rodríguez, a3's and a4's interim president = %q; want %q", got, tc.want)
			}
		})
	}
}

// TestActorsRoleHistory: a role change across three articles is kept as
// history, and `sitrep actors` and `actors show` print it.
func TestActorsRoleHistory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	arts := jsonlArticles(t, dir, "history.jsonl",
		[3]string{"h1", "2025-06-02", historyArticle1},
		[3]string{"h2", "2025-09-10", historyArticle2},
		[3]string{"h3", "2026-01-08", historyArticle3})
	mustRun(t, "ingest", "--db", db, "--format", "jsonl", arts)
	// Ingesting the same articles again teaches nothing new.
	mustRun(t, "ingest", "--db", db, "--format", "jsonl", arts)

	out := mustRun(t, "actors", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("actors: %d lines; want a header and Delcy Rodríguez alone (nominal-only actors such as the CIA director are not remembered):\n%s", len(lines), out)
	}
	if f := strings.Fields(lines[1]); strings.Join(f, " ") != "1 Delcy Rodríguez PERSON VENGOV interim president 2025-06-02 2026-01-08 3 2" {
		t.Errorf("actors row = %q; want Delcy Rodríguez, VENGOV interim president, 2025-06-02..2026-01-08, 3 documents, 2 roles", lines[1])
	}

	for _, ref := range []string{"Rodríguez", "delcy rodriguez", "1"} {
		out = mustRun(t, "actors", "show", "--db", db, ref)
		want := []string{
			"Delcy Rodríguez (PERSON) id 1",
			"seen 2025-06-02 to 2026-01-08 in 3 document(s); 2 role(s):",
			"2025-06-02 to 2025-09-10  VENGOV vice president  (2 document(s))",
			`  2025-06-02  h1  apposition  "Delcy Rodríguez, Venezuela's vice president"`,
			`  2025-09-10  h2  apposition  "Venezuela's vice president, Delcy Rodríguez"`,
			"2026-01-08 to 2026-01-08  VENGOV interim president  (1 document(s))",
			`  2026-01-08  h3  apposition  "Venezuela's interim president, Delcy Rodríguez"`,
		}
		last := -1
		for _, w := range want {
			i := strings.Index(out, w)
			if i < 0 || i < last {
				t.Errorf("actors show %s: output lacks %q in order:\n%s", ref, w, out)
				break
			}
			last = i
		}
	}

	out = mustRun(t, "actors", "show", "--db", db, "--format", "jsonl", "Rodríguez")
	var h actorJSON
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatalf("show jsonl: %v (%q)", err, out)
	}
	var got []string
	for _, r := range h.Roles {
		got = append(got, fmt.Sprintf("%s %s %s..%s %d %d", r.Code, r.Role, r.FirstSeen, r.LastSeen, r.Docs, len(r.Evidence)))
	}
	if want := "VENGOV vice president 2025-06-02..2025-09-10 2 2|VENGOV interim president 2026-01-08..2026-01-08 1 1"; strings.Join(got, "|") != want {
		t.Errorf("show jsonl roles = %q; want %q", strings.Join(got, "|"), want)
	}

	for _, tc := range []struct {
		name string
		args []string
		want string // a line of the output
	}{
		{"jsonl", []string{"--format", "jsonl"}, `"name":"Delcy Rodríguez"`},
		{"csv", []string{"--format", "csv"}, "id,name,type,gender,country,sector,code,role,first_seen,last_seen,docs,roles"},
		{"csv row", []string{"--format", "csv"}, "1,Delcy Rodríguez,PERSON,,VEN,GOV,VENGOV,interim president,2025-06-02,2026-01-08,3,2"},
		{"country", []string{"--country", "ven", "--format", "csv"}, "1,Delcy Rodríguez"},
		{"sector and search", []string{"--sector", "GOV", "--search", "delcy", "--format", "csv"}, "1,Delcy Rodríguez"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := mustRun(t, append([]string{"actors", "--db", db}, tc.args...)...)
			if !strings.Contains(out, tc.want) {
				t.Errorf("actors %v: output lacks %q:\n%s", tc.args, tc.want, out)
			}
		})
	}
	if out := mustRun(t, "actors", "--db", db, "--country", "USA", "--format", "jsonl"); out != "" {
		t.Errorf("actors --country USA = %q; want nothing", out)
	}
}

func TestActorsErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	st, err := sqlite.Open(context.Background(), db, sqlite.Config{})
	if err != nil {
		t.Fatal(err)
	}
	f := func(id, name, country string) store.ActorFact {
		return store.ActorFact{DocID: id, Entity: "e1", Name: name, Type: doc.Person, Country: country,
			Sector: "GOV", Role: "minister", How: "title", EvidenceText: "minister " + name}
	}
	if err := st.Remember(context.Background(), []store.ActorFact{
		f("d1", "Ana Pérez", "PER"), f("d2", "Luis Pérez", "CHL")}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing database", []string{"actors", "--db", filepath.Join(dir, "none.db")}, 1, "does not exist"},
		{"show missing database", []string{"actors", "show", "--db", filepath.Join(dir, "none.db"), "x"}, 1, "does not exist"},
		{"stray argument", []string{"actors", "--db", db, "Pérez"}, 2, "actors show"},
		{"bad format", []string{"actors", "--db", db, "--format", "xml"}, 2, "--format"},
		{"negative limit", []string{"actors", "--db", db, "--limit", "-1"}, 2, "negative"},
		{"show nothing", []string{"actors", "show", "--db", db}, 2, "one actor"},
		{"show csv", []string{"actors", "show", "--db", db, "--format", "csv", "1"}, 2, "--format"},
		{"show unknown name", []string{"actors", "show", "--db", db, "Machado"}, 1, "no actor named"},
		{"show unknown id", []string{"actors", "show", "--db", db, "99"}, 1, "no actor with id 99"},
		{"show ambiguous", []string{"actors", "show", "--db", db, "Pérez"}, 1, "any of 2 actors"},
		{"show blank", []string{"actors", "show", "--db", db, "--", " .. "}, 2, "no word"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit status %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
	if out := mustRun(t, "actors", "show", "--db", db, "Ana Pérez"); !strings.Contains(out, "PERGOV minister") {
		t.Errorf("show Ana Pérez = %q; want her role", out)
	}
}

func TestStoreFacts(t *testing.T) {
	text := "Venezuela's interim president, Delcy Rodríguez, met the CIA director. Trade and agriculture."
	name := func(id, typ, n string, start int) doc.Entity {
		return doc.Entity{ID: id, Type: typ, Name: n, Mentions: []doc.Mention{{Span: doc.Span{Start: start, End: start + len(n)}, Kind: doc.MentionName}}}
	}
	d := &doc.Document{ID: "d", Text: text, Entities: []doc.Entity{
		name("e1", doc.Person, "Delcy Rodríguez", 31),
		{ID: "e2", Type: doc.Person, Name: "CIA director", Mentions: []doc.Mention{{Span: doc.Span{Start: 56, End: 68}, Kind: doc.MentionNominal}}},
		{ID: "e3", Type: doc.Org, Name: "CIA", Mentions: []doc.Mention{{Span: doc.Span{Start: 56, End: 59}}}},
		name("e4", doc.Person, "Trade", 71),
		name("e5", doc.Person, "Agriculture", 81),
		name("e6", doc.Person, "Delcy", 31),
	}}
	seen := time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		f    actorFactIn
		want bool
	}{
		{"apposition of a name", actorFactIn{"e1", "Delcy Rodríguez", doc.Person, "apposition", 0, 46}, true},
		{"nominal only", actorFactIn{"e2", "CIA director", doc.Person, "nominal", 56, 68}, false},
		{"from the name itself", actorFactIn{"e3", "CIA", doc.Org, "name", 56, 59}, false},
		{"from the knowledge base", actorFactIn{"e3", "CIA", doc.Org, "kb", 56, 59}, false},
		{"a place", actorFactIn{"e1", "Delcy Rodríguez", doc.GPE, "title", 0, 46}, false},
		{"evidence outside the text", actorFactIn{"e1", "Delcy Rodríguez", doc.Person, "title", 0, 460}, false},
		{"unknown entity", actorFactIn{"e9", "Delcy Rodríguez", doc.Person, "title", 0, 46}, false},
		{"organisation from a nominal", actorFactIn{"e3", "CIA", doc.Org, "nominal", 56, 68}, false},
		{"organisation from a title", actorFactIn{"e3", "CIA", doc.Org, "title", 56, 68}, true},
		{"one word also written in lower case", actorFactIn{"e5", "Agriculture", doc.Person, "title", 81, 92}, false},
		{"one word written only capitalised", actorFactIn{"e4", "Trade", doc.Person, "title", 71, 76}, true},
		{"one word, a given name", actorFactIn{"e6", "Delcy", doc.Person, "title", 0, 46}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := storeFacts(d, tc.f.facts(seen))
			if (len(got) == 1) != tc.want {
				t.Fatalf("storeFacts = %+v; want remembered %v", got, tc.want)
			}
			if tc.want && (got[0].EvidenceText != text[tc.f.start:tc.f.end] || got[0].DocID != "d" || !got[0].Seen.Equal(seen)) {
				t.Errorf("storeFacts = %+v; want the evidence text, document and date", got[0])
			}
		})
	}
}

func TestTurnstile(t *testing.T) {
	var ts turnstile
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i := 9; i >= 0; i-- {
		wg.Go(func() {
			if err := ts.wait(context.Background(), i); err != nil {
				t.Errorf("wait(%d): %v", i, err)
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			ts.done(i)
		})
	}
	wg.Wait()
	if fmt.Sprint(order) != "[0 1 2 3 4 5 6 7 8 9]" {
		t.Errorf("order = %v; want 0..9", order)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ts.wait(ctx, 20); err == nil {
		t.Errorf("wait(20) with a cancelled context = nil; want its error")
	}
}

// actorFactIn describes an actor.Fact for TestStoreFacts.
type actorFactIn struct {
	entity, name, typ, how string
	start, end             int
}

func (f actorFactIn) facts(seen time.Time) []actor.Fact {
	return []actor.Fact{{Entity: f.entity, Name: f.name, Type: f.typ, How: f.how, Seen: seen, Role: "interim president",
		Actor: doc.Actor{Country: "VEN", Sector: "GOV", Code: "VENGOV"}, Evidence: doc.Span{Start: f.start, End: f.end}}}
}

// TestIngestMemoryDuplicates: an article that is not stored under its own
// id (the same text under another id, in the same run or a later one)
// teaches nothing: what it taught is taken back.
func TestIngestMemoryDuplicates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	same := jsonlArticles(t, dir, "same.jsonl",
		[3]string{"x1", "2026-01-08", memoryArticle1}, [3]string{"x2", "2026-01-09", memoryArticle1})
	again := jsonlArticles(t, dir, "again.jsonl", [3]string{"x3", "2026-01-10", memoryArticle1})
	code, _, stderr := runCmd(t, "", "ingest", "--db", db, "--format", "jsonl", same)
	if code != 0 || !strings.Contains(stderr, "1 stored, 1 duplicates") {
		t.Fatalf("ingest: exit status %d, stderr %q; want one stored, one duplicate", code, stderr)
	}
	mustRun(t, "ingest", "--db", db, "--format", "jsonl", again)
	out := mustRun(t, "actors", "show", "--db", db, "--format", "jsonl", "Delcy Rodríguez")
	var h actorJSON
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatalf("show jsonl: %v (%q)", err, out)
	}
	var docs []string
	for _, r := range h.Roles {
		for _, e := range r.Evidence {
			docs = append(docs, e.DocID+" "+e.Seen)
		}
	}
	if h.Docs != 1 || strings.Join(docs, ",") != "x1 2026-01-08" {
		t.Errorf("Delcy Rodríguez taught by %d documents: %q; want x1 alone", h.Docs, docs)
	}
}

// BenchmarkIngestMemory ingests 200 BBC articles (dated a day apart) into
// a fresh database with and without the actor memory and reports words
// per second of the whole command (chain start-up included).
func BenchmarkIngestMemory(b *testing.B) {
	texts := bulkArticles(b, 200)
	dir := b.TempDir()
	var arts [][3]string
	words := 0
	start := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, t := range texts {
		arts = append(arts, [3]string{fmt.Sprintf("bbc%d", i), start.AddDate(0, 0, i).Format(time.DateOnly), t})
		words += len(strings.Fields(t))
	}
	in := jsonlArticles(b, dir, "bbc.jsonl", arts...)
	for _, mem := range []string{"true", "false"} {
		b.Run("memory="+mem, func(b *testing.B) {
			for i := range b.N {
				db := filepath.Join(dir, fmt.Sprintf("%s-%d.db", mem, i))
				var stderr bytes.Buffer
				args := []string{"ingest", "--db", db, "--format", "jsonl", "--memory=" + mem, in}
				if code := run(context.Background(), &env{strings.NewReader(""), io.Discard, &stderr}, args); code != 0 {
					b.Fatalf("ingest: exit status %d (%s)", code, stderr.String())
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
