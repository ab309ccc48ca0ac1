package budget

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// FuzzParseMapping: a mapping file never panics the parser and keeps the
// YAML bounds.
func FuzzParseMapping(f *testing.F) {
	yamlBounds(f, "columns", func(s string) error { _, err := ParseMapping(strings.NewReader(s)); return err })
	for _, s := range []string{
		"sheet: FY2025\nheader_row: 3\ncolumns:\n  Prog: programme_code\n  Amt: approved\n",
		"columns: {A: nothing}", "scale: thousands", "delimiter: ';'", "", "x: 1", aliasBomb(),
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
	yamlBounds(f, "", func(s string) error { _, err := ParseSchemes(strings.NewReader(s)); return err })
	f.Add(string(mustRead(f, "data/schemes.yaml")))
	for _, s := range []string{"schemes: []", "schemes: [{id: x, codes: {'1': principal}}]", "", aliasBomb()} {
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

// aliasBomb is a YAML document whose aliases expand to 10^9 nodes.
func aliasBomb() string {
	s := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		s += n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]\n"
		prev = n
	}
	return s
}

// manyKeys is a YAML mapping of n keys under key (top level when "").
func manyKeys(key string, n int, value string) string {
	var sb strings.Builder
	indent := ""
	if key != "" {
		sb.WriteString(key + ":\n")
		indent = "  "
	}
	for i := range n {
		fmt.Fprintf(&sb, "%s%d: %s\n", indent, 1000+i, value)
	}
	return sb.String()
}

// yamlBounds checks that parse refuses, with an error wrapping ErrLimit,
// an alias bomb, a mapping of 20,000 keys and a file over MaxYAMLBytes.
func yamlBounds(t testing.TB, keyed string, parse func(string) error) {
	for name, s := range map[string]string{
		"alias bomb":  aliasBomb(),
		"20,000 keys": manyKeys(keyed, 20000, "1"),
		"too large":   "# " + strings.Repeat("x", MaxYAMLBytes) + "\n",
	} {
		if err := parse(s); !errors.Is(err, ErrLimit) {
			t.Errorf("%s: error %v, want one wrapping ErrLimit", name, err)
		}
	}
}
