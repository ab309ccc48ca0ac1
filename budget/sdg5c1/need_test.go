package sdg5c1_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// Need is the one copy of the metadata's thresholds: analysis scores
// with it and the questionnaire states it.
func TestNeed(t *testing.T) {
	got := []int{sdg5c1.Need(0), sdg5c1.Need(1), sdg5c1.Need(2), sdg5c1.Need(3), sdg5c1.Need(4)}
	if diff := cmp.Diff([]int{0, 2, 4, 2, 0}, got); diff != "" {
		t.Errorf("Need mismatch (-want +got):\n%s", diff)
	}
}
