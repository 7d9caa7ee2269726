package brat

import (
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		ann     string
		bounds  map[string]TextBound
		events  []Event
		wantErr string
	}{
		{
			name: "source, cue and content",
			ann:  "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tit rained\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
			bounds: map[string]TextBound{
				"T1": {ID: "T1", Type: "Source", Fragments: []Fragment{{0, 5}}, Text: "Smith"},
				"T2": {ID: "T2", Type: "Cue", Fragments: []Fragment{{6, 10}}, Text: "said"},
				"T3": {ID: "T3", Type: "Content", Fragments: []Fragment{{11, 20}, {25, 30}}, Text: "it rained"},
			},
			events: []Event{{ID: "E1", Type: "Attribution", Args: map[string]string{"Attribution": "T2", "Content": "T3", "Cue": "T2", "Source": "T1"}}},
		},
		{
			name: "covered text over several lines",
			ann:  "T1\tContent 0 20\t3.\n\nThe number of people\nThis line is text too\nT2\tCue 21 25\tsaid\n",
			bounds: map[string]TextBound{
				"T1": {ID: "T1", Type: "Content", Fragments: []Fragment{{0, 20}}, Text: "3.\nThe number of people\nThis line is text too"},
				"T2": {ID: "T2", Type: "Cue", Fragments: []Fragment{{21, 25}}, Text: "said"},
			},
		},
		{
			name:   "relations, attributes and notes are skipped",
			ann:    "R1\tRel Arg1:T1 Arg2:T2\nA1\tNeg E1\n#1\tAnnotatorNotes T1\tsee\nT1\tCue 0 4\tsaid\n",
			bounds: map[string]TextBound{"T1": {ID: "T1", Type: "Cue", Fragments: []Fragment{{0, 4}}, Text: "said"}},
		},
		{name: "no offsets", ann: "T1\tCue\tsaid\n", wantErr: "line 1: no offsets"},
		{name: "bad fragment", ann: "T1\tCue 9 4\tsaid\n", wantErr: `line 1: bad fragment "9 4"`},
		{name: "bad argument", ann: "T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue\n", wantErr: `line 2: bad argument "Cue"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read(strings.NewReader(tt.ann))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v; want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Bounds, tt.bounds) {
				t.Errorf("bounds: got %+v; want %+v", a.Bounds, tt.bounds)
			}
			if !reflect.DeepEqual(a.Events, tt.events) {
				t.Errorf("events: got %+v; want %+v", a.Events, tt.events)
			}
		})
	}
}

func TestByteOffsets(t *testing.T) {
	off := ByteOffsets("aé“b”")
	cases := []struct{ char, want int }{{-1, 0}, {0, 0}, {1, 1}, {2, 3}, {3, 6}, {4, 7}, {5, 10}, {9, 10}}
	for _, c := range cases {
		if got := off(c.char); got != c.want {
			t.Errorf("offset of char %d: got %d; want %d", c.char, got, c.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("T1\tSource 0 5\tSmith\nE1\tAttribution:T2 Source:T1\n")
	f.Add("T1\tContent 0 20\ttwo\nlines\n")
	f.Add("T\tX\n*\tAlias T1 T2\n")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for id, tb := range a.Bounds {
			if id != tb.ID {
				t.Fatalf("bound %q under id %q", tb.ID, id)
			}
			for _, fr := range tb.Fragments {
				if fr.Start < 0 || fr.End < fr.Start {
					t.Fatalf("bad fragment %+v", fr)
				}
			}
		}
	})
}
