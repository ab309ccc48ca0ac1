package input

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// TestNoteNegatives: the negative amounts of each phase are counted,
// summed and located, as one decision per phase; a budget without any
// gets none.
func TestNoteNegatives(t *testing.T) {
	line := func(row int, amounts ...any) budget.Line {
		l := budget.Line{Pos: budget.At("b.csv", "", row, 0)}
		for i := 0; i < len(amounts); i += 2 {
			l.Amounts.Set(amounts[i].(budget.Phase), budget.FromCents(int64(amounts[i+1].(int))))
		}
		return l
	}
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		line(2, budget.Approved, 1000, budget.Executed, -250),
		line(3, budget.Approved, -100),
		line(4, budget.Approved, -5),
		line(5, budget.Approved, 0, budget.Executed, 300),
		line(6, budget.Approved, -1), line(7, budget.Approved, -1), line(8, budget.Approved, -1), line(9, budget.Approved, -1),
	}...)}
	noteNegatives(b)
	want := []budget.Decision{
		{Topic: "negative", Choice: "6 negative approved amounts kept as reductions (reversals or net repayments)",
			Evidence: "6 of 8 approved amounts are negative, summing -1.09 (rows 3, 4, 6, 7, 8, …); the approved total is 8.91; a share of a zero or negative total, or a change from one, is n/a"},
		{Topic: "negative", Choice: "1 negative executed amount kept as a reduction (reversals or net repayments)",
			Evidence: "1 of 2 executed amounts is negative, summing -2.50 (row 2); the executed total is 0.50; a share of a zero or negative total, or a change from one, is n/a"},
	}
	if d := cmp.Diff(want, b.Decisions); d != "" {
		t.Errorf("decisions (-want +got):\n%s", d)
	}
	clean := &budget.Budget{Lines: budget.LinesOf([]budget.Line{line(2, budget.Approved, 5)}...)}
	noteNegatives(clean)
	if len(clean.Decisions) != 0 {
		t.Errorf("no negatives: decisions %+v", clean.Decisions)
	}
}
