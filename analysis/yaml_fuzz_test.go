package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/internal/yamltest"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzParseWeightings: a weightings file never panics the parser, keeps
// the YAML bounds, and a weighting it accepts has a name that is not a
// built-in's and weights within 0–10000 basis points.
func FuzzParseWeightings(f *testing.F) {
	yamltest.Bounds(f, "", budget.MaxYAMLBytes, budget.ErrLimit, func(s string) error { _, err := ParseWeightings(strings.NewReader(s)); return err })
	for _, s := range []string{
		"weightings:\n  - name: hgdg\n    weights: {principal: 100, significant: 50, limited: 25}\n",
		"weightings:\n  - name: x\n    weights: {principal: .nan}\n",
		"weightings:\n  - name: dac_headline\n", "weightings: [{name: a}, {name: A}]", "", "weightings: 5",
		yamltest.AliasBomb(),
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
	yamltest.Bounds(f, "", budget.MaxYAMLBytes, budget.ErrLimit, func(s string) error { _, err := ParseDeflators(strings.NewReader(s)); return err })
	for _, s := range []string{"2023: 100\n2024: 104.5\n", "2024: .nan", "2024: .inf", "2024: -1", "x: 1", "", yamltest.AliasBomb()} {
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
