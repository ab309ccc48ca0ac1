package analysis

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// whereBudget is a multi-year, mixed-currency budget: the file the
// "analyse one currency at a time" message is about.
func whereBudget() *budget.Budget {
	mk := func(year int, label, cur, unit string) budget.Line {
		l := budget.Line{Year: year, YearLabel: label, Currency: cur, Unit: budget.NewCode("", unit)}
		l.Amounts.Set(budget.Approved, budget.FromCents(100))
		return l
	}
	return &budget.Budget{Source: "mixed.csv", Lines: budget.LinesOf([]budget.Line{
		mk(2023, "2023", "GBP", "Home Office"),
		mk(2024, "2024", "GBP", "Home Office"),
		mk(2024, "2024", "EUR", "Foreign Office"),
		mk(2025, "2025-26", "USD", "Foreign Office"),
	}...)}
}

func TestWhere(t *testing.T) {
	tests := []struct {
		args []string
		want int // lines kept
	}{
		{nil, 4},
		{[]string{"year=2024"}, 2},
		{[]string{"currency=gbp"}, 2},
		{[]string{"year=2024", "currency=GBP"}, 1},
		{[]string{"fiscal_year=2025-26"}, 1}, // the year as written
		{[]string{"unit=foreign office"}, 2},
		{[]string{"ministry=Home Office", "year=2023"}, 1},
		{[]string{"year=1999"}, 0},
	}
	for _, tt := range tests {
		fs, err := ParseFilters(tt.args)
		if err != nil {
			t.Fatalf("ParseFilters(%q): %v", tt.args, err)
		}
		b := whereBudget()
		got := Where(b, fs)
		if got.Lines.Len() != tt.want {
			t.Errorf("Where(%q) kept %d lines, want %d", tt.args, got.Lines.Len(), tt.want)
		}
		if b.Lines.Len() != 4 {
			t.Errorf("Where(%q) changed its input: %d lines", tt.args, b.Lines.Len())
		}
		if len(tt.args) > 0 {
			d := got.Decisions
			if len(d) != 1 || d[0].Topic != "filter" || !strings.Contains(d[0].Evidence, "of 4 lines") || d[0].Override != "--where" {
				t.Errorf("Where(%q) decisions = %+v, want one filter decision with counts", tt.args, d)
			}
		}
	}
}

func TestParseFiltersErrors(t *testing.T) {
	for _, arg := range []string{"year", "year=", "colour=red", "year=twenty", "year=2024,currency=GBP"} {
		if _, err := ParseFilters([]string{arg}); err == nil {
			t.Errorf("ParseFilters(%q): no error", arg)
		}
	}
	if _, err := ParseFilters([]string{"year=2024", "year=2025"}); err == nil {
		t.Errorf("ParseFilters(year twice): no error")
	}
}

// After Where, a gap that refused a mixed-currency budget is computed.
func TestWhereSettlesMixedCurrencies(t *testing.T) {
	b := whereBudget()
	_, err := Gaps(b, GapOptions{})
	if err == nil || !strings.Contains(err.Error(), "--where currency=") {
		t.Fatalf("Gaps on mixed currencies: err = %v, want one naming --where currency=CODE", err)
	}
	fs, _ := ParseFilters([]string{"currency=GBP"})
	if _, err := Gaps(Where(b, fs), GapOptions{}); err != nil {
		t.Errorf("Gaps after --where currency=GBP: %v", err)
	}
}
