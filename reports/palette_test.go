package reports

import (
	"math"
	"strconv"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// relativeLuminance is WCAG 2.1's relative luminance of "#RRGGBB".
func relativeLuminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #RRGGBB", hex)
	}
	var lin [3]float64
	for i := range lin {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			lin[i] = c / 12.92
		} else {
			lin[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := relativeLuminance(t, a), relativeLuminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// Every chart colour has at least 3:1 against the white background (WCAG
// 1.4.11, graphics), and the levels stacked next to each other in the
// marker charts differ in lightness too (1.3:1), so that printed in
// greyscale they do not merge into one grey.
func TestPaletteContrast(t *testing.T) {
	if c := contrast(t, "#000000", "#FFFFFF"); math.Abs(c-21) > 1e-9 {
		t.Fatalf("black on white %v, want 21", c)
	}
	if c := contrast(t, "#56B4E9", "#FFFFFF"); math.Abs(c-2.31) > 0.01 {
		t.Fatalf("Okabe-Ito sky on white %.2f, want 2.31 as measured", c)
	}
	for _, col := range chartPalette {
		if c := contrast(t, col, "#FFFFFF"); c < 3 {
			t.Errorf("chart colour %s has %.2f:1 against white, want at least 3:1", col, c)
		}
	}
	// The levels of the DAC scheme, stacked in every marker chart.
	dac := []budget.Level{budget.Principal, budget.Significant, budget.NotTargeted, budget.NotScreened}
	for i := range dac {
		for j := i + 1; j < len(dac); j++ {
			a, b := levelColors[dac[i]], levelColors[dac[j]]
			if c := contrast(t, a, b); c < 1.3 {
				t.Errorf("levels %v (%s) and %v (%s) have %.2f:1 against each other, want 1.3:1 so greyscale tells them apart", dac[i], a, dac[j], b, c)
			}
		}
	}
}
