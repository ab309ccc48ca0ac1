package reports

import (
	"reflect"
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
			b.Lines.Append(l)
		}
		return b
	}
	for _, years := range [][]int{{2024, 2024, 2024}, {0, 0}} {
		b := mk(years...)
		r, err := Build([]*budget.Budget{b}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		// The focus lines are the budget's Lines, sharing its columns (as
		// a copy of a slice shares its array), not a copy of them: they
		// hold the same lines in the same order, in columns of the same
		// capacity, and a line the budget sets anew is seen through the
		// report's lines too (it would not be through a copy).
		fl := &r.Lines.Lines
		if fl.Len() != b.Lines.Len() || fl.Cap() != b.Lines.Cap() || !reflect.DeepEqual(fl.Slice(), b.Lines.Slice()) {
			t.Errorf("years %v: the focus lines (%d in room for %d) are not the budget's (%d in room for %d)", years, fl.Len(), fl.Cap(), b.Lines.Len(), b.Lines.Cap())
			continue
		}
		l := b.Lines.At(0)
		l.ID = "shared"
		b.Lines.Set(0, l)
		if fl.At(0).ID != "shared" {
			t.Errorf("years %v: the focus lines are a copy of the budget's", years)
		}
	}
	b := mk(2023, 2024, 2024, 2024, 2024, 2024)
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Focus != 2024 || r.Lines.Lines.Len() != 5 || r.Lines.Lines.Cap() != 5 {
		t.Errorf("focus %d: %d lines in room for %d, want 2024: 5 in 5", r.Focus, r.Lines.Lines.Len(), r.Lines.Lines.Cap())
	}
}
