package analysis

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzParseWeightings: a weightings file never panics the parser, keeps
// the YAML bounds, and a weighting it accepts has a name that is not a
// built-in's and weights within 0–10000 basis points.
func FuzzParseWeightings(f *testing.F) {
	yamlBounds(f, "", func(s string) error { _, err := ParseWeightings(strings.NewReader(s)); return err })
	for _, s := range []string{
		"weightings:\n  - name: hgdg\n    weights: {principal: 100, significant: 50, limited: 25}\n",
		"weightings:\n  - name: x\n    weights: {principal: .nan}\n",
		"weightings:\n  - name: dac_headline\n", "weightings: [{name: a}, {name: A}]", "", "weightings: 5",
		aliasBomb(),
	} {
		f.Add(s)
	}
	builtin := map[string]bool{}
	for _, w := range Weightings() {
		builtin[strings.ToLower(w.Name)] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws, err := ParseWeightings(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, w := range ws {
			if w.Name == "" || builtin[strings.ToLower(w.Name)] {
				t.Fatalf("weighting name %q accepted", w.Name)
			}
			for lv, bp := range w.Weights {
				if bp < 0 || bp > 10000 || (lv == budget.NotScreened && bp != 0) {
					t.Fatalf("weighting %q: %v weight %d", w.Name, lv, bp)
				}
			}
		}
	})
}

// FuzzParseDeflators: a deflators file never panics the parser, keeps the
// YAML bounds, and every index it accepts is a positive finite number.
func FuzzParseDeflators(f *testing.F) {
	yamlBounds(f, "", func(s string) error { _, err := ParseDeflators(strings.NewReader(s)); return err })
	for _, s := range []string{"2023: 100\n2024: 104.5\n", "2024: .nan", "2024: .inf", "2024: -1", "x: 1", "", aliasBomb()} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseDeflators(strings.NewReader(s))
		if err != nil {
			return
		}
		for y, v := range m {
			if !(v > 0) || math.IsInf(v, 0) {
				t.Fatalf("index %v of %d accepted", v, y)
			}
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
