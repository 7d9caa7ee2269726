package store

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNameKey(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"accents and case", "Delcy Rodríguez", "delcy rodriguez"},
		{"possessive", "Rodríguez's", "rodriguez"},
		{"curly possessive", "Rodríguez’s", "rodriguez"},
		{"inner possessive kept", "Venezuela's interim president", "venezuela's interim president"},
		{"punctuation and spaces", "  Kim  Jong-un, ", "kim jong-un"},
		{"dots", "U.S. Army", "u s army"},
		{"empty", "", ""},
		{"blank", " \t.,;", ""},
		{"invalid UTF-8", "Ro\xffdriguez", "ro driguez"},
		{"other scripts", "Владимир Путин", "владимир путин"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NameKey(tc.in); got != tc.want {
				t.Errorf("NameKey(%q) = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNameVariants(t *testing.T) {
	for _, tc := range []struct {
		name, in, typ, want string
	}{
		{"person", "Delcy Rodríguez", "PERSON", "delcy rodriguez|rodriguez"},
		{"three words", "María Corina Machado", "PERSON", "maria corina machado|machado|corina machado"},
		{"one word", "Rodríguez", "PERSON", "rodriguez"},
		{"short surname", "Wang Yi", "PERSON", "wang yi"},
		{"organisation", "Central Intelligence Agency", "ORG", "central intelligence agency"},
		{"empty", "", "PERSON", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(NameVariants(tc.in, tc.typ), "|"); got != tc.want {
				t.Errorf("NameVariants(%q, %s) = %q; want %q", tc.in, tc.typ, got, tc.want)
			}
		})
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Delcy Rodríguez's", "U.S.", "\xff\xfe", "’s", "Kim Jong-un", strings.Repeat("a ", 1000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NameKey(s)
		if !utf8.ValidString(k) {
			t.Fatalf("NameKey(%q) = %q: invalid UTF-8", s, k)
		}
		if k != strings.TrimSpace(k) || strings.Contains(k, "  ") {
			t.Fatalf("NameKey(%q) = %q: stray spaces", s, k)
		}
		if k2 := NameKey(k); k2 != k {
			t.Fatalf("NameKey not idempotent: %q -> %q -> %q", s, k, k2)
		}
	})
}

func ExampleNameKey() {
	fmt.Println(NameKey("Delcy Rodríguez's"))
	fmt.Println(NameVariants("Delcy Rodríguez", "PERSON"))
	// Output:
	// delcy rodriguez
	// [delcy rodriguez rodriguez]
}
