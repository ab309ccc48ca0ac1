package sdg5c1_test

import (
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// The questionnaire states the thresholds analysis scores with.
func TestNeedMatchesAnalysis(t *testing.T) {
	for n := 0; n <= 4; n++ {
		if got, want := sdg5c1.Need(n), analysis.SDG5c1Need(n); got != want {
			t.Errorf("Need(%d) = %d, analysis.SDG5c1Need(%d) = %d", n, got, n, want)
		}
	}
}
