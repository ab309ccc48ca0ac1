package analysis

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestSplitCurrencies: one part per currency, in the order of the codes
// (no currency first), each line in its order, nothing lost; a budget of
// one currency is itself.
func TestSplitCurrencies(t *testing.T) {
	mk := func(id, cur string) budget.Line { return budget.Line{ID: id, Currency: cur} }
	b := &budget.Budget{Source: "x.csv", Lines: budget.LinesOf([]budget.Line{mk("1", "NOK"), mk("2", "AUD"), mk("3", ""), mk("4", "NOK"), mk("5", "AUD")}...)}
	parts := SplitCurrencies(b)
	want := []struct {
		cur string
		ids string
	}{{"", "3"}, {"AUD", "25"}, {"NOK", "14"}}
	if len(parts) != len(want) {
		t.Fatalf("%d parts, want %d", len(parts), len(want))
	}
	for i, w := range want {
		ids := ""
		for _, l := range parts[i].Budget.Lines.All() {
			ids += l.ID
		}
		if parts[i].Currency != w.cur || ids != w.ids || parts[i].Budget.Source != "x.csv" {
			t.Errorf("part %d: %q lines %s, want %q lines %s", i, parts[i].Currency, ids, w.cur, w.ids)
		}
	}
	if b.Lines.Len() != 5 {
		t.Errorf("b changed: %d lines", b.Lines.Len())
	}
	one := &budget.Budget{Lines: budget.LinesOf([]budget.Line{mk("1", "EUR")}...)}
	if p := SplitCurrencies(one); len(p) != 1 || p[0].Budget != one || p[0].Currency != "EUR" {
		t.Errorf("one currency: %+v", p)
	}
}
