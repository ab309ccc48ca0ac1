package tagging

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzParseRules: a rules file never panics the parser, keeps the YAML
// bounds (the keyword lists of every rule share the one alias budget),
// and a file it accepts has at least one rule.
func FuzzParseRules(f *testing.F) {
	yamlBounds(f, "", func(s string) error { _, err := ParseRules(strings.NewReader(s)); return err })
	if _, err := ParseRules(strings.NewReader(aliasBomb() + "rules:\n  - id: r\n    keywords: *i\n    objectives: [7]\n")); !errors.Is(err, budget.ErrLimit) {
		f.Errorf("keywords from an alias bomb: error %v, want one wrapping ErrLimit", err)
	}
	for _, s := range []string{
		"rules:\n  - id: r1\n    keywords: [border, frontera]\n    objectives: [11]\n",
		"rules:\n  - id: r1\n    pattern: '(?i)trafic'\n    gender: principal\n",
		"rules: []", "", "rules:\n  - id: r\n    pattern: '('\n", aliasBomb(),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRules(strings.NewReader(s))
		if err == nil && r == nil {
			t.Fatal("no rules and no error")
		}
	})
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
		"too large":   "# " + strings.Repeat("x", budget.MaxYAMLBytes) + "\n",
	} {
		if err := parse(s); !errors.Is(err, budget.ErrLimit) {
			t.Errorf("%s: error %v, want one wrapping ErrLimit", name, err)
		}
	}
}
