package analysis

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

func TestChoosePhase(t *testing.T) {
	c := budget.FromCents
	lines := func(ams ...pm) *budget.Budget {
		b := &budget.Budget{}
		for _, a := range ams {
			b.Lines.Append(gapLine("A", budget.Principal, []pm{a}))
		}
		return b
	}
	spentOnly := lines(spent(c(100)), spent(c(50)))
	zeroApproved := lines(appr(c(0)), spent(c(50)))
	two := lines(revd(c(10)), spent(c(50)))
	hasApproved := lines(appr(c(5)), spent(c(50)))
	for _, tc := range []struct {
		name  string
		b     *budget.Budget
		asked budget.Phase
		given bool
		want  PhaseChoice
		notes []Note
	}{
		{"default, only executed has money", spentOnly, budget.Approved, false,
			PhaseChoice{Phase: budget.Executed, Asked: budget.Approved, Fallback: true, Others: []budget.Phase{budget.Executed}, Lines: 2},
			[]Note{{Code: NotePhaseFallback, Phase: budget.Executed, Asked: budget.Approved, N: 2}}},
		{"default, approved amounts all zero", zeroApproved, budget.Approved, false,
			PhaseChoice{Phase: budget.Executed, Asked: budget.Approved, Fallback: true, Others: []budget.Phase{budget.Executed}, Lines: 1},
			[]Note{{Code: NotePhaseFallback, Phase: budget.Executed, Asked: budget.Approved, N: 1}}},
		{"given, kept", spentOnly, budget.Approved, true,
			PhaseChoice{Phase: budget.Approved, Asked: budget.Approved, Given: true, Others: []budget.Phase{budget.Executed}},
			[]Note{{Code: NotePhaseElsewhere, Phase: budget.Approved, Phases: []budget.Phase{budget.Executed}}}},
		{"default, two others: kept", two, budget.Approved, false,
			PhaseChoice{Phase: budget.Approved, Asked: budget.Approved, Others: []budget.Phase{budget.Revised, budget.Executed}},
			[]Note{{Code: NotePhaseElsewhere, Phase: budget.Approved, Phases: []budget.Phase{budget.Revised, budget.Executed}}}},
		{"default has money", hasApproved, budget.Approved, false,
			PhaseChoice{Phase: budget.Approved, Asked: budget.Approved}, nil},
	} {
		got := ChoosePhase(tc.b, tc.asked, tc.given)
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%s: (-want +got)\n%s", tc.name, d)
		}
		if d := cmp.Diff(tc.notes, got.Notes()); d != "" {
			t.Errorf("%s: notes (-want +got)\n%s", tc.name, d)
		}
	}
}
