package tagging

import (
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/internal/yamltest"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzParseRules: a rules file never panics the parser, keeps the YAML
// bounds (the keyword lists of every rule share the one alias budget),
// and a file it accepts has at least one rule.
func FuzzParseRules(f *testing.F) {
	yamltest.Bounds(f, "", budget.MaxYAMLBytes, budget.ErrLimit, func(s string) error { _, err := ParseRules(strings.NewReader(s)); return err })
	if _, err := ParseRules(strings.NewReader(yamltest.AliasBomb() + "rules:\n  - id: r\n    keywords: *i\n    objectives: [7]\n")); !errors.Is(err, budget.ErrLimit) {
		f.Errorf("keywords from an alias bomb: error %v, want one wrapping ErrLimit", err)
	}
	for _, s := range []string{
		"rules:\n  - id: r1\n    keywords: [border, frontera]\n    objectives: [11]\n",
		"rules:\n  - id: r1\n    pattern: '(?i)trafic'\n    gender: principal\n",
		"rules: []", "", "rules:\n  - id: r\n    pattern: '('\n", yamltest.AliasBomb(),
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
