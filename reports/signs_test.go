package reports

import (
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// TestChangeWords: the direction word matches the sign, and a change from
// a zero or negative base is no percentage, with the reason.
func TestChangeWords(t *testing.T) {
	c := budget.FromCents
	for _, tc := range []struct {
		old, new budget.Money
		want     string
	}{
		{c(10000), c(15000), "rose by 50.0% (100.00 to 150.00)"},
		{c(10000), c(0), "fell by 100.0% (100.00 to 0.00)"},
		{c(10000), c(10000), "did not change (100.00)"},
		{c(0), c(0), "no change (0.00 in both)"},
		{c(0), c(10000), "rose by 100.00 (0.00 to 100.00; no percentage: the base is zero)"},
		{c(-50000), c(0), "rose by 500.00 (-500.00 to 0.00; no percentage: the base is negative)"},
		{c(-50000), c(20000), "rose by 700.00 (-500.00 to 200.00; no percentage: the base is negative)"},
		{c(-50000), c(-90000), "fell by 400.00 (-500.00 to -900.00; no percentage: the base is negative)"},
	} {
		d, err := analysis.NewDelta(tc.old, tc.new)
		if err != nil {
			t.Fatal(err)
		}
		if got := changeWords(d); got != tc.want {
			t.Errorf("%s → %s: %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}

// TestDeltaPct: the percentage of a change in a table, or n/a with the
// reason.
func TestDeltaPct(t *testing.T) {
	c := budget.FromCents
	for _, tc := range []struct {
		old, new budget.Money
		want     string
	}{
		{c(10000), c(15000), "+50.0%"},
		{c(10000), c(0), "-100.0%"},
		{c(0), c(100), "n/a, zero base"},
		{c(-100), c(100), "n/a, negative base"},
	} {
		d, _ := analysis.NewDelta(tc.old, tc.new)
		if got := deltaPct(d); got != tc.want {
			t.Errorf("%s → %s: %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}

func TestPhaseNotes(t *testing.T) {
	for _, tc := range []struct {
		n    analysis.Note
		want string
	}{
		{analysis.Note{Code: analysis.NoteNoPhaseAmount, Phase: budget.Approved}, "no line has an approved amount: every share is undefined (try another --phase)"},
		{analysis.Note{Code: analysis.NoteNoPhaseAmount, Phase: budget.Revised}, "no line has a revised amount: every share is undefined (try another --phase)"},
		{analysis.Note{Code: analysis.NotePhaseFallback, Phase: budget.Executed, Asked: budget.Approved, N: 2},
			"executed amounts analysed: no line has an approved amount, and executed is the only phase with money (2 lines); --phase chooses another"},
		{analysis.Note{Code: analysis.NotePhaseElsewhere, Phase: budget.Approved, Phases: []budget.Phase{budget.Revised, budget.Executed}},
			"no line has an approved amount; the phases with money are revised and executed (choose one with --phase)"},
	} {
		if got := resultNoteText(tc.n); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.n.Code, got, tc.want)
		}
	}
	d := PhaseDecision(analysis.PhaseChoice{Phase: budget.Executed, Asked: budget.Approved, Fallback: true, Lines: 2, Others: []budget.Phase{budget.Executed}})
	want := budget.Decision{Topic: "phase", Choice: "executed amounts analysed", Evidence: "no line has an approved amount, and executed is the only phase with money (2 lines)", Override: "--phase"}
	if d != want {
		t.Errorf("PhaseDecision = %+v, want %+v", d, want)
	}
}
