package timeml

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-16" functionInDocument="CREATION_TIME">Jan. 16</TIMEX3></DCT>
<TEXT>
Officials <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2026-01-15">Thursday</TIMEX3> in Caf&#233; &amp; Co for <TIMEX3 tid="t2" type="DURATION" value="PT2H" mod="APPROX">about two hours</TIMEX3>.
</TEXT>
</TimeML>`

func TestParse(t *testing.T) {
	d, err := Parse(sample)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "T1" || d.DCTValue != "2026-01-16" || !d.DCT.Equal(time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("got id %q dct %q %v; want T1 2026-01-16", d.ID, d.DCTValue, d.DCT)
	}
	tests := []struct {
		name             string
		text, typ, value string
		mod              string
	}{
		{"date", "Thursday", "DATE", "2026-01-15", ""},
		{"duration", "about two hours", "DURATION", "PT2H", "APPROX"},
	}
	if len(d.Timexes) != len(tests) {
		t.Fatalf("got %d timexes; want %d", len(d.Timexes), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := d.Timexes[i]
			if got := d.Text[x.Start:x.End]; got != tt.text || x.Type != tt.typ || x.Value != tt.value || x.Mod != tt.mod {
				t.Errorf("got %q %s %s %q; want %q %s %s %q", got, x.Type, x.Value, x.Mod, tt.text, tt.typ, tt.value, tt.mod)
			}
		})
	}
	if len(d.Events) != 1 || d.Text[d.Events[0].Start:d.Events[0].End] != "met" {
		t.Errorf("events = %+v; want one over \"met\"", d.Events)
	}
	if want := "\nOfficials met Thursday in Café & Co for about two hours.\n"; d.Text != want {
		t.Errorf("text = %q; want %q", d.Text, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src string }{
		{"no text", "<TimeML><DOCID>x</DOCID></TimeML>"},
		{"unclosed text", "<TEXT>abc"},
		{"unbalanced", "<TEXT><TIMEX3 tid=\"t1\">a</EVENT></TEXT>"},
		{"unclosed tag", "<TEXT><TIMEX3 tid=\"t1\"</TEXT>"},
		{"unclosed element", "<TEXT><TIMEX3>abc</TEXT>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(tt.src); err == nil {
				t.Errorf("Parse(%q) = nil error; want one", tt.src)
			}
		})
	}
	if _, err := Parse("nothing"); !errors.Is(err, ErrNoText) {
		t.Errorf("Parse(no text) = %v; want ErrNoText", err)
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.tml"), []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := ReadDir(dir)
	if err != nil || len(docs) != 1 || len(docs[0].Timexes) != 2 {
		t.Fatalf("ReadDir = %d docs, %v; want 1 doc with 2 timexes", len(docs), err)
	}
	if _, err := ReadDir(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("ReadDir(missing) = nil error; want one")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("<TEXT>&#xFFFFFFFF; &#; &amp</TEXT>")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		for _, x := range d.Timexes {
			if x.Start < 0 || x.Start > x.End || x.End > len(d.Text) {
				t.Fatalf("timex span %d:%d out of %d bytes", x.Start, x.End, len(d.Text))
			}
		}
	})
}
