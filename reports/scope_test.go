package reports

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestScopeSharesLines: a report of one budget whose lines are all of the
// focus year (or carry no year) reads them where they are: it made two
// copies of every line (a million IATI activities: 1.64 GB, 550 MB of
// them copies). A focus year of a budget of several years holds that
// year's lines only, in room for them and no more.
func TestScopeSharesLines(t *testing.T) {
	mk := func(years ...int) *budget.Budget {
		b := &budget.Budget{Source: "b.csv"}
		for i, y := range years {
			l := budget.Line{ID: string(rune('a' + i)), Year: y, Currency: "EUR"}
			l.Amounts.Set(budget.Approved, budget.FromUnits(int64(10+i)))
			b.Lines = append(b.Lines, l)
		}
		return b
	}
	for _, years := range [][]int{{2024, 2024, 2024}, {0, 0}} {
		b := mk(years...)
		r, err := Build([]*budget.Budget{b}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if &r.Lines.Lines[0] != &b.Lines[0] {
			t.Errorf("years %v: the focus lines are a copy of the budget's", years)
		}
	}
	b := mk(2023, 2024, 2024, 2024, 2024, 2024)
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Focus != 2024 || len(r.Lines.Lines) != 5 || cap(r.Lines.Lines) != 5 {
		t.Errorf("focus %d: %d lines in room for %d, want 2024: 5 in 5", r.Focus, len(r.Lines.Lines), cap(r.Lines.Lines))
	}
}
