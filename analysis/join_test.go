package analysis

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func joinLine(id, cur string, year int, obj int, lv budget.Level, cents int64) budget.Line {
	l := budget.Line{ID: id, Programme: budget.NewCode(id, ""), Currency: cur, Year: year, Gender: budget.Marker{Level: lv}}
	l.Objectives = []budget.ObjectiveShare{{Objective: obj, Share: 10000}}
	l.Amounts.Set(budget.Approved, budget.FromCents(cents))
	return l
}

// TestJoin: a government budget and donor aid side by side, by GCM
// objective and by marker level; an activity whose country budget-item
// code is a budget line's code is in the budget already, and counts once.
// By hand (USD 2024):
//
//	budget: 0702010 obj 7 principal 1,000; 0703 obj 11 not targeted 500
//	aid:    A1 → 0702010, obj 7 principal 300 (on budget)
//	        A2 no code, obj 7 significant 200; A3 → 9999 (no such line), obj 11 principal 100
//	obj 7:  budget 1,000, aid 500, on budget 300, counted once 1,200
//	obj 11: budget 500, aid 100, on budget 0, counted once 600
//	total:  budget 1,500, aid 600, on budget 300, counted once 1,800
//	principal 1,000 | 400 | 300 | 1,100; significant 0 | 200 | 0 | 200; not targeted 500 | 0 | 0 | 500
func TestJoin(t *testing.T) {
	gov := &budget.Budget{Source: "budget.csv", Lines: budget.LinesOf([]budget.Line{
		joinLine("0702010", "USD", 2024, 7, budget.Principal, 100000),
		joinLine("0703", "USD", 2024, 11, budget.NotTargeted, 50000),
	}...)}
	aid := &budget.Budget{Source: "aid.xml", Format: "iati", Lines: budget.LinesOf([]budget.Line{
		joinLine("A1", "USD", 2024, 7, budget.Principal, 30000),
		joinLine("A2", "USD", 2024, 7, budget.Significant, 20000),
		joinLine("A3", "USD", 2024, 11, budget.Principal, 10000),
		joinLine("A4", "USD", 2023, 11, budget.Principal, 99900), // another year
	}...), BudgetItems: map[string][]string{"A1": {"0702010"}, "A3": {"9999"}}}
	j, err := Join(gov, aid, JoinOptions{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if j.Currency != "USD" || j.Linked != 1 || j.AidLines != 3 {
		t.Errorf("currency %q, linked %d, aid lines %d; want USD, 1, 3", j.Currency, j.Linked, j.AidLines)
	}
	row := func(r JoinRow) string {
		return strings.Join([]string{r.Budget.String(), r.Aid.String(), r.OnBudget.String(), r.Once.String()}, " ")
	}
	wantObj := map[string]string{"7": "1000.00 500.00 300.00 1200.00", "11": "500.00 100.00 0.00 600.00"}
	if len(j.ByObjective) != 2 {
		t.Fatalf("by objective: %+v", j.ByObjective)
	}
	for _, r := range j.ByObjective {
		if got := row(r); got != wantObj[r.Key.Value] {
			t.Errorf("objective %s: %s, want %s", r.Key.Value, got, wantObj[r.Key.Value])
		}
	}
	if got := row(j.Total); got != "1500.00 600.00 300.00 1800.00" {
		t.Errorf("total: %s", got)
	}
	wantLv := map[string]string{"principal": "1000.00 400.00 300.00 1100.00", "significant": "0.00 200.00 0.00 200.00", "not_targeted": "500.00 0.00 0.00 500.00"}
	for _, r := range j.ByMarker {
		if w, ok := wantLv[r.Key.Value]; ok && row(r) != w {
			t.Errorf("marker %s: %s, want %s", r.Key.Value, row(r), w)
		}
		delete(wantLv, r.Key.Value)
	}
	if len(wantLv) != 0 {
		t.Errorf("markers missing: %v", wantLv)
	}

	a1 := aid.Lines.At(1)
	a1.Currency = "EUR"
	aid.Lines.Set(1, a1)
	if _, err := Join(gov, aid, JoinOptions{Year: 2024}); err == nil || !strings.Contains(err.Error(), "EUR") || !strings.Contains(err.Error(), "--to") {
		t.Errorf("two currencies: %v", err)
	}
}

// TestJoinFiscalCalendar: with fiscal years from July, aid whose period
// starts 2024-10-01 or 2025-03-01 is in fiscal year 2024 (2024-25), aid
// of 2025-07-01 in 2025; with calendar years, each in its own year.
func TestJoinFiscalCalendar(t *testing.T) {
	l := func(label string, year int) *budget.Line { return &budget.Line{YearLabel: label, Year: year} }
	for _, tc := range []struct {
		l           *budget.Line
		start, want int
	}{
		{l("2024-10-01/2025-09-30", 2024), 7, 2024},
		{l("2025-03-01/2025-12-31", 2025), 7, 2024},
		{l("2025-07-01/2026-06-30", 2025), 7, 2025},
		{l("2025", 2025), 7, 2024},
		{l("2025-03-01/2025-12-31", 2025), 0, 2025},
	} {
		if got := fiscalYearOf(tc.l, tc.start); got != tc.want {
			t.Errorf("%s from month %d: fiscal year %d, want %d", tc.l.YearLabel, tc.start, got, tc.want)
		}
	}
}
