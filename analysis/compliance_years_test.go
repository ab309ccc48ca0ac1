package analysis

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// activity returns the lines of one IATI activity: one per budget
// period, all read from the activity's row.
func activity(row int, lv budget.Level, years ...int) []budget.Line {
	var out []budget.Line
	for _, y := range years {
		l := cl("activity", budget.FromCents(100), lv)
		l.Year = y
		l.Pos = budget.At("aid.xml", "activities", row, 0)
		out = append(out, l)
	}
	return out
}

// TestCheckYears checks each fiscal year apart, and counts an action
// (a row of the file, an IATI activity) once per year however many of
// its budget periods fall in the year.
func TestCheckYears(t *testing.T) {
	var lines []budget.Line
	lines = append(lines, activity(1, budget.Principal, 2023, 2024, 2024, 2024, 2024)...) // quarterly periods in 2024
	lines = append(lines, activity(2, budget.NotTargeted, 2024)...)
	b := &budget.Budget{Source: "aid.xml", Lines: budget.LinesOf(lines...)}
	p := mustProfile(t, "eu-gap3")
	res, err := CheckYears(b, p, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type yearOutcome struct {
		Year     int
		Lines    int
		Pass     bool
		Num, Den int64
	}
	var got []yearOutcome
	for _, y := range res.Years {
		for _, rr := range y.Rules {
			if rr.Rule.ID == "g1-g2-85" {
				num, den := rr.Measured.Lines()
				got = append(got, yearOutcome{y.Year, y.Lines, rr.Pass, num, den})
			}
		}
	}
	// 2023: activity 1 alone, principal: 1 of 1 action. 2024: activity 1
	// (four periods, one action) and activity 2 (not targeted): 1 of 2
	// actions, 50% < 85%; counting periods would give 4 of 5, 80%.
	want := []yearOutcome{{2023, 1, true, 1, 1}, {2024, 5, false, 1, 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("per-year outcomes (-want +got):\n%s", diff)
	}
	if res.Pass || res.Failed != 1 {
		t.Errorf("Pass = %v, Failed = %d; want false, 1 (2024 fails)", res.Pass, res.Failed)
	}
}

// A budget whose lines state no year is checked as one, with year 0; a
// budget where some lines state none has them apart, last.
func TestCheckYearsUnknown(t *testing.T) {
	b := &budget.Budget{Source: "b.csv", Lines: budget.LinesOf([]budget.Line{cl("a", budget.FromCents(100), budget.Principal), cl("b", budget.FromCents(100), budget.Principal)}...)}
	res, err := CheckYears(b, mustProfile(t, "un-15"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Years) != 1 || res.Years[0].Year != 0 || res.Years[0].Lines != 2 || !res.Pass {
		t.Fatalf("years = %+v, want one of year 0 with 2 lines, passing", res.Years)
	}
	l0 := b.Lines.At(0)
	l0.Year = 2024
	b.Lines.Set(0, l0)
	res, _ = CheckYears(b, mustProfile(t, "un-15"), CheckOptions{})
	var years []int
	for _, y := range res.Years {
		years = append(years, y.Year)
	}
	if diff := cmp.Diff([]int{2024, 0}, years); diff != "" {
		t.Errorf("years (-want +got):\n%s", diff)
	}
}

// Lines built in memory (no position) are one action each.
func TestCountActionsWithoutPosition(t *testing.T) {
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{cl("a", budget.FromCents(100), budget.Significant), cl("b", budget.FromCents(100), budget.Significant), cl("c", budget.FromCents(100), budget.NotTargeted)}...)}
	res, err := Check(b, mustProfile(t, "eu-gap3"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m := res.Rules[0].Measured; m.Num != budget.FromUnits(2) || m.Den != budget.FromUnits(3) {
		t.Errorf("measured %s of %s, want 2 of 3", m.Num, m.Den)
	}
}

// EU GAP III's 5% of actions at G2 is advisory: below it, the rule
// fails and is reported, but the check passes.
func TestAdvisoryRule(t *testing.T) {
	var lines []budget.Line
	for i := range 20 {
		l := cl("action", budget.FromCents(100), budget.Significant)
		l.Pos = budget.At("a.csv", "", i+2, 0)
		lines = append(lines, l)
	}
	res, err := Check(&budget.Budget{Lines: budget.LinesOf(lines...)}, mustProfile(t, "eu-gap3"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := outcomes(res)
	want := []ruleOutcome{{ID: "g1-g2-85", Pass: true, Num: 20, Den: 20}, {ID: "g2-5", Pass: false, Num: 0, Den: 20}}
	for i := range got {
		got[i].Lines = nil
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if !res.Pass || res.Failed != 0 || res.Advisory != 1 || !res.Rules[1].Rule.Advisory {
		t.Errorf("Pass %v, Failed %d, Advisory %d; want a pass with 1 advisory rule below", res.Pass, res.Failed, res.Advisory)
	}
}
