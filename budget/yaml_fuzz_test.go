package budget

import (
	"os"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/internal/yamltest"
)

// FuzzParseMapping: a mapping file never panics the parser and keeps the
// YAML bounds.
func FuzzParseMapping(f *testing.F) {
	yamltest.Bounds(f, "columns", MaxYAMLBytes, ErrLimit, func(s string) error { _, err := ParseMapping(strings.NewReader(s)); return err })
	for _, s := range []string{
		"sheet: FY2025\nheader_row: 3\ncolumns:\n  Prog: programme_code\n  Amt: approved\n",
		"columns: {A: nothing}", "scale: thousands", "delimiter: ';'", "", "x: 1", yamltest.AliasBomb(),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMapping(strings.NewReader(s))
		if err == nil && m == nil {
			t.Fatal("no mapping and no error")
		}
	})
}

// FuzzParseSchemes: a marker schemes file never panics the parser, keeps
// the YAML bounds, and a file it accepts parses cell text without
// panicking.
func FuzzParseSchemes(f *testing.F) {
	yamltest.Bounds(f, "", MaxYAMLBytes, ErrLimit, func(s string) error { _, err := ParseSchemes(strings.NewReader(s)); return err })
	f.Add(string(mustRead(f, "data/schemes.yaml")))
	for _, s := range []string{"schemes: []", "schemes: [{id: x, codes: {'1': principal}}]", "", yamltest.AliasBomb()} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ParseSchemes(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, x := range sc.All() {
			_, _ = x.Parse("2")
		}
	})
}

func mustRead(f *testing.F, name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
