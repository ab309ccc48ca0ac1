package analysis_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// Item 12 of issue 13: numbers that are not numbers, and names that clash,
// are errors naming the field, never read silently.
func TestParseWeightingsRefused(t *testing.T) {
	for _, tc := range []struct{ name, doc, want string }{
		{"NaN weight", "weightings:\n  - name: nanw\n    weights: {principal: .nan}\n", `"nanw": principal weight`},
		{"Inf weight", "weightings:\n  - name: infw\n    weights: {significant: .inf}\n", `"infw": significant weight`},
		{"built-in name", "weightings:\n  - name: DAC_headline\n    weights: {principal: 50}\n", `built-in`},
		{"two with one name", "weightings:\n  - name: w\n    weights: {principal: 50}\n  - name: W\n    weights: {principal: 60}\n", `two weightings named`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analysis.ParseWeightings(strings.NewReader(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseWeightings = %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

func TestParseDeflatorsRefused(t *testing.T) {
	var many strings.Builder
	for y := 0; y < 60_000; y++ {
		fmt.Fprintf(&many, "%d: 100\n", y+1)
	}
	for _, tc := range []struct{ name, doc, want string }{
		{"NaN", "2023: 100\n2024: .nan\n", "2024"},
		{"Inf", "2023: .inf\n2024: 100\n", "2023"},
		{"-Inf", "2023: -.inf\n", "2023"},
		{"60,000 keys", many.String(), "keys"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analysis.ParseDeflators(strings.NewReader(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseDeflators = %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

func TestParseProfileMinNaN(t *testing.T) {
	for _, min := range []string{"NaN", ".nan", "Inf", "-inf", "+Inf%"} {
		doc := "name: p\nrules:\n  - id: r\n    kind: amount_share\n    weighting: dac_headline\n    min: \"" + min + "\"\n"
		_, err := analysis.ParseProfile(strings.NewReader(doc))
		if err == nil || !strings.Contains(err.Error(), "min") {
			t.Errorf("min %s: ParseProfile = %v, want an error about min", min, err)
		}
	}
}

func TestParseWeightingsTooLarge(t *testing.T) {
	doc := "weightings:\n" + strings.Repeat("  # padding\n", budget.MaxYAMLBytes/12+1)
	if _, err := analysis.ParseWeightings(strings.NewReader(doc)); !errors.Is(err, budget.ErrLimit) {
		t.Errorf("ParseWeightings(%d bytes) = %v, want ErrLimit", len(doc), err)
	}
	if _, err := analysis.ParseProfile(strings.NewReader(doc)); !errors.Is(err, budget.ErrLimit) {
		t.Errorf("ParseProfile(%d bytes) = %v, want ErrLimit", len(doc), err)
	}
}
